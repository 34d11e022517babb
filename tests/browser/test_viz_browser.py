"""The HTML page in a real (headless) chromium with no network: drawn, offline, not injectable."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from rdflib import Dataset
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from kbgraph.graph.network.page import write_html

pytestmark = pytest.mark.browser

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ID = "https://w3id.org/kbgraph/id/"
# the overview: no news outlet (ANTARA News Kalimantan Barat), the post folded into an edge
HANDMADE = sorted(ID + x for x in (
    "event/pertemuan-pokja-kampung-kb-2019", "event/rakor-pwg-2018", "framework/rpjmn-2015-2019",
    "org/bidang-adpin", "org/bkkbn", "org/pemerintah-provinsi-kalimantan-barat",
    "org/perwakilan-bkkbn-provinsi-kalimantan-barat", "person/muslimat", "place/pontianak",
    "place/provinsi-kalimantan-barat", "program/kampung-kb", "program/kkbpk"))
LEAVES_THE_MACHINE = re.compile(r"^(?:https?|wss?|ftp):", re.IGNORECASE)


def load(name: str) -> Dataset:
    ds = Dataset()
    ds.parse(FIXTURES / name, format="trig")
    return ds


def drawn_ids(browser) -> list[str]:
    """The ids of the nodes the vis Network itself holds (not just the page's data)."""
    return sorted(browser.js("return window.kbgraphNetwork.body.nodeIndices.slice()"))


def assert_no_alert(browser) -> None:
    with pytest.raises(NoAlertPresentException):
        browser.driver.switch_to.alert.text  # noqa: B018 - raises when there is none


def show_details(browser, node_id: str) -> None:
    """What a click on the node does: the page's click handler fills the details panel."""
    browser.js("window.kbgraphNetwork.body.emitter.emit('click', {nodes: [arguments[0]], edges: []});", node_id)


def hover(browser, node_id: str) -> str:
    """Move the mouse onto a node and return the text of vis-network's tooltip."""
    x, y = browser.js(
        "var n = window.kbgraphNetwork, p = n.canvasToDOM(n.getPositions([arguments[0]])[arguments[0]]);"
        "return [p.x, p.y];", node_id)
    canvas = browser.driver.find_element(By.CSS_SELECTOR, "#kb-network canvas")
    ActionChains(browser.driver).move_to_element_with_offset(
        canvas, int(x - canvas.size["width"] / 2), int(y - canvas.size["height"] / 2)).pause(0.1).move_by_offset(
        1, 0).perform()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        text = browser.js("var t = document.querySelector('div.vis-tooltip');"
                          "return t && t.style.visibility !== 'hidden' ? t.textContent : null;")
        if text:
            return text
        time.sleep(0.05)
    raise AssertionError("no tooltip appeared")


def test_page_draws_every_entity_offline(browser, tmp_path):
    path = tmp_path / "graph.html"
    write_html(load("viz-handmade.trig"), path)
    browser.open(path)
    assert drawn_ids(browser) == HANDMADE
    assert browser.js("return window.kbgraphNetwork.body.edgeIndices.length") == 14
    assert browser.js("return window.kbgraphNetwork.physics.options.enabled") is False  # laid out in Python
    positions = browser.js("return window.kbgraphNetwork.getPositions()")
    assert set(HANDMADE) <= set(positions)
    data_xy = browser.js("var out = {}; window.kbgraphNodes.forEach(function (n) { out[n.id] = [n.x, n.y]; });"
                         " return out;")
    assert all(positions[x] == {"x": data_xy[x][0], "y": data_xy[x][1]} for x in HANDMADE)  # drawn where sent
    assert browser.console_errors() == []
    left = [u for u in browser.requests() if LEAVES_THE_MACHINE.match(u)]
    assert left == []


def test_tooltip_search_and_class_filter(browser, tmp_path):
    path = tmp_path / "graph.html"
    write_html(load("viz-handmade.trig"), path)
    browser.open(path)
    meeting = ID + "event/pertemuan-pokja-kampung-kb-2019"
    tip = hover(browser, meeting)
    assert "pertemuan kelompok kerja Kampung Keluarga Berencana (KB)" in tip
    assert "BKKBN Kalbar gelar pertemuan Pokja Kampung KB \u2014 2019-11-26" in tip
    assert "participantCount: 133" in tip
    edge_card = browser.js(
        "var a = arguments[0], b = arguments[1];"
        " return window.kbgraphEdges.get({filter: function (e) {"
        " return e.from === a && e.to === b; }})[0].title.textContent",
        meeting, ID + "org/perwakilan-bkkbn-provinsi-kalimantan-barat")
    assert "organized by / diselenggarakan oleh" in edge_card
    assert "supporting articles: 1" in edge_card

    search = browser.driver.find_element(By.ID, "kb-search")
    search.send_keys("Pontianak", Keys.ENTER)
    details = browser.driver.find_element(By.ID, "kb-details")
    assert details.text.startswith("Pontianak\nCity (Place)")
    links = [(a.text, a.get_attribute("href")) for a in details.find_elements(By.CSS_SELECTOR, ".kb-card a")]
    assert links == [("Q14168", "https://www.wikidata.org/wiki/Q14168"),
                     ("BKKBN Kalbar gelar pertemuan Pokja Kampung KB \u2014 2019-11-26",
                      "https://kalbar.antaranews.com/berita/a1")]
    matches = [li.text for li in browser.driver.find_elements(By.CSS_SELECTOR, "#kb-matches li")]
    assert matches == ["Pontianak"]

    person_box = browser.driver.find_element(By.CSS_SELECTOR, "#kb-legend input[data-class='Person']")
    hidden = "return window.kbgraphNetwork.body.nodes[arguments[0]].options.hidden === true"
    person_box.click()
    assert browser.js(hidden, ID + "person/muslimat") is True
    assert browser.js(hidden, meeting) is False
    person_box.click()
    assert browser.js(hidden, ID + "person/muslimat") is False
    assert browser.console_errors() == []


def test_hostile_text_runs_nothing(browser, tmp_path):
    path = tmp_path / "evil.html"
    write_html(load("viz-hostile.trig"), path)
    browser.open(path)
    org, person = ID + "org/evil-org", ID + "person/evil-person"
    assert drawn_ids(browser) == [org, person]
    assert_no_alert(browser)
    assert browser.js("return typeof window.__pwned") == "undefined"

    tip = hover(browser, person)
    assert 'Judul' in tip and '</script><img src=x onerror="window.__pwned=1">' in tip  # shown as text
    show_details(browser, person)
    details = browser.driver.find_element(By.ID, "kb-details")
    assert "<a href=\"javascript:window.__pwned=1\">klik</a>" in details.text
    assert details.find_elements(By.CSS_SELECTOR, ".kb-card a") == []  # the javascript: article URL is not a link
    assert [a.get_attribute("href") for a in details.find_elements(By.CSS_SELECTOR, ".kb-neighbours a")] == [
        browser.driver.current_url + "#"]  # the neighbour, a link inside the page only
    show_details(browser, org)
    assert 'Dinas </script><img src=x onerror="window.__pwned=1"> & <b>Kesehatan</b>' in details.text
    assert details.find_elements(By.CSS_SELECTOR, ".kb-card a") == []  # "javascript:..." is no Wikidata ID
    assert details.find_elements(By.TAG_NAME, "b") == []

    assert browser.js("return document.querySelectorAll('img, svg, [onerror], [onload]').length") == 0
    assert browser.js("return typeof window.__pwned") == "undefined"
    assert_no_alert(browser)
    assert browser.console_errors() == []
    assert [u for u in browser.requests() if LEAVES_THE_MACHINE.match(u)] == []


# Every gold entity of the seed article (shared/gold), by its label or one of its aliases:
# the graph may name a renamed entity by its current name (BKKBN → Kemendukbangga/BKKBN,
# KKBPK → Bangga Kencana) and keep the gold name as an alias.
SEED_GOLD = [
    "Badan Kependudukan dan Keluarga Berencana Nasional",
    "Perwakilan BKKBN Provinsi Kalimantan Barat",
    "Bidang Advokasi Pergerakan dan Informasi Perwakilan BKKBN Provinsi Kalimantan Barat",
    "Pemerintah Provinsi Kalimantan Barat",
    "Muslimat",
    "Program Kependudukan, Keluarga Berencana dan Pembangunan Keluarga",
    "Kampung Keluarga Berencana",
    "RPJMN 2015-2019",
    "Renstra 2015-2019",
    "Nawacita",
    "Strategi Pembangunan Nasional 2015-2019",
    "Pontianak",
    "Provinsi Kalimantan Barat",
]


@pytest.mark.slow
def test_seed_article_built_by_the_pipeline(browser, tmp_path):
    import kbgraph.loaders
    from kbgraph.cli import main
    from kbgraph.graph.store import open_store

    seed = Path(kbgraph.loaders.__file__).parent / "sample" / "antara-kalbar-2019-11-26-pokja-kampung-kb.txt"
    store_dir = tmp_path / "store"
    assert main(["build", str(seed), "--store", str(store_dir)]) == 0
    path = tmp_path / "seed.html"
    with open_store(store_dir) as store:
        write_html(store, path)
    browser.open(path)
    nodes = browser.js("var n = window.kbgraphNetwork; return n.body.nodeIndices.map("
                       "function (id) { return window.kbgraphNodes.get(id).kb; });")
    names = {}
    for kb in nodes:
        for name in (kb["label"], *kb["aliases"]):
            names.setdefault(name.casefold(), []).append(kb["label"])
    missing = [g for g in SEED_GOLD if g.casefold() not in names]
    assert missing == []
    assert "antara news kalimantan barat" not in names  # the news outlet is not an actor
    meetings = sorted(kb["label"] for kb in nodes if kb["top"] == "Meeting")
    assert len(meetings) == 2
    assert "kelompok kerja Kampung" in meetings[1] and meetings[0].startswith("Rapat Koordinasi PWG")
    assert browser.console_errors() == []
    assert [u for u in browser.requests() if LEAVES_THE_MACHINE.match(u)] == []


def test_the_period_filter_names_each_entity_as_it_was_then(browser, tmp_path):
    """Articles of 2017, 2021 and 2025 (tests/fixtures/names-in-time): the page names BKKBN
    and its program by the name valid in the period its filter shows."""
    from kbgraph.graph.store import open_store
    from kbgraph.graph.store.build import build

    with open_store(tmp_path / "store") as store:
        build(store, [str(p) for p in sorted((FIXTURES / "names-in-time").glob("*.txt"))], workers=1)
        write_html(store, tmp_path / "names.html")
    browser.open(tmp_path / "names.html")
    bkkbn = ID + "org/kementerian-kependudukan-dan-pembangunan-keluarga-bkkbn"
    program = ID + "program/program-pembangunan-keluarga-kependudukan-dan-keluarga-berencana"

    def labels(start: int, end: int) -> tuple[str, str]:
        browser.js("var f = document.getElementById('kb-from'), t = document.getElementById('kb-to');"
                   "f.value = String(arguments[0]); f.dispatchEvent(new Event('change'));"
                   "t.value = String(arguments[1]); t.dispatchEvent(new Event('change'));", start, end)
        return tuple(browser.js("return window.kbgraphNodes.get(arguments[0]).kb.label", x) for x in (bkkbn, program))

    whole = ("Kementerian Kependudukan dan Pembangunan Keluarga/BKKBN",
             "Program Pembangunan Keluarga, Kependudukan dan Keluarga Berencana")
    assert labels(2017, 2025) == whole  # renamed within the period: today's names
    assert labels(2017, 2017) == ("Badan Kependudukan dan Keluarga Berencana Nasional",
                                  "Program Kependudukan, Keluarga Berencana dan Pembangunan Keluarga")
    assert labels(2021, 2021) == ("Badan Kependudukan dan Keluarga Berencana Nasional", whole[1])
    assert labels(2025, 2025) == whole
    assert browser.console_errors() == []
