"""kbgraph.graph.network.notebook: the network as a notebook cell shows it (an iframe that needs no internet)."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

from rdflib import Dataset

from kbgraph.graph.network.notebook import NetworkView, show

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def load(name: str) -> Dataset:
    ds = Dataset()
    ds.parse(FIXTURES / name, format="trig")
    return ds


class _Iframes(HTMLParser):
    def __init__(self):
        super().__init__()
        self.iframes: list[dict[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "iframe":
            self.iframes.append(dict(attrs))


def iframes(markup: str) -> list[dict[str, str | None]]:
    parser = _Iframes()
    parser.feed(markup)
    return parser.iframes


def test_the_cell_is_a_sandboxed_iframe_holding_the_whole_offline_page():
    view = show(load("viz-handmade.trig"))
    assert isinstance(view, NetworkView)
    assert repr(view) == "<NetworkView 12 entities, 14 relations>"  # the overview: no outlet, post folded
    (frame,) = iframes(view._repr_html_())
    assert frame["srcdoc"] == view.page  # the attribute holds the page exactly
    assert frame["sandbox"] == "allow-scripts allow-popups allow-popups-to-escape-sandbox"  # no same-origin
    assert view.page.startswith("<!DOCTYPE html>") and "vis-network" in view.page
    assert "Content-Security-Policy" in view.page and "default-src 'none'" in view.page
    assert not re.search(r"<(?:script|link|img)[^>]+(?:src|href)=[\"']?https?:", view.page)


def test_hostile_article_text_cannot_leave_the_srcdoc_attribute():
    view = show(load("viz-hostile.trig"))
    cell = view._repr_html_()
    attr = cell[len('<iframe srcdoc="'):cell.index('" title="kbgraph network"')]
    assert '"' not in attr and "<" not in attr  # every quote and tag of the page is escaped
    assert html.unescape(attr) == view.page
    assert len(iframes(cell)) == 1


def test_show_takes_an_opened_kb_its_focus_and_saves_the_page(tmp_path):
    class Opened:  # what kbgraph.open() returns: the store is its .store
        store = load("viz-handmade.trig")

    view = show(Opened(), focus="Muslimat", depth=1, height=400)
    assert view.report.focus == "https://w3id.org/kbgraph/id/person/muslimat"
    assert view.report.nodes < 12
    assert 'height: 400px' in view._repr_html_()
    saved = view.save(tmp_path / "muslimat.html")
    assert saved.read_text(encoding="utf-8") == view.page
