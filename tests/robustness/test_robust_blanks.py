"""Runs of blanks inside known names never stop extraction (issue 15: two spaces inside a
known name gave a KeyError), and the name is still read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from kbgraph.loaders.model import Article
from kbgraph.loaders.pipeline import extract_article

DEV = sorted((Path(__file__).parents[1] / "fixtures" / "dev").glob("*.txt"))


def _article(text: str) -> Article:
    return Article(id="blanks", text=text, source="blanks.txt", title=None,
                   published=dt.date(2021, 3, 4), content_hash="0" * 64)


@pytest.mark.parametrize("widen", [lambda t: t.replace(" ", "  "), lambda t: t.replace(" ", " \t"),
                                   lambda t: t.replace(" ", "\u00a0 ")],
                         ids=["two spaces", "space and tab", "nbsp and space"])
@pytest.mark.parametrize("path", DEV, ids=[p.stem[:2] for p in DEV])
def test_widened_blanks_never_stop_extraction(path, widen):
    body = path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
    extract_article(_article(widen(body)))  # an exception here fails the test


def test_a_title_and_a_body_with_two_spaces_are_still_read():
    ex = extract_article(_article(
        "Wakil  Bupati Sambas Rudi Hartono membuka rapat Tim Percepatan Penurunan  Stunting "
        "(TPPS) Kabupaten Sambas di Sambas."))
    people = {e.label for e in ex.entities.values() if e.key.startswith("person/")}
    orgs = {e.label for e in ex.entities.values() if e.key.startswith("org/")}
    assert people == {"Rudi Hartono"}
    assert "Tim Percepatan Penurunan Stunting Kabupaten Sambas" in orgs
    posts = [e.label for e in ex.entities.values() if e.key.startswith("post/")]
    assert posts == ["Wakil Bupati Sambas"]
