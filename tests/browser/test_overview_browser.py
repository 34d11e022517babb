"""The overview page of the dev corpus in a real chromium at 1600 × 1000: readable labels,
no isolated node, no publisher, a legend of the kinds drawn, filters that change what is
drawn (the counts the page shows, checked against the same rules run in Python), search
that centres and highlights, a click that shows facts, sources and neighbourhood."""

from __future__ import annotations

import pytest
from kbgraph.graph.network import simple_graph
from kbgraph.graph.network.orgkind import classify
from kbgraph.graph.network.overview import narrow, overview, provinces
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

pytestmark = pytest.mark.browser

SHOWN = "return window.kbgraphShown()"
VISIBLE = ("var n = window.kbgraphNetwork; return n.body.nodeIndices.map(function (id) {"
           " var kb = window.kbgraphNodes.get(id).kb; return [id, kb.top, kb.cls, kb.kind, kb.level]; });")


def shown_count(browser) -> tuple[int, int]:
    line = browser.driver.find_element(By.ID, "kb-shown")
    return int(line.get_attribute("data-nodes")), int(line.get_attribute("data-edges"))


def choose(browser, select_id: str, value: str) -> None:
    browser.js("var s = document.getElementById(arguments[0]); s.value = arguments[1];"
               " s.dispatchEvent(new Event('change'));", select_id, value)


def labels(browser) -> list[dict]:
    browser.js("window.kbgraphNetwork.redraw();")
    browser.js("return new Promise(function (r) { requestAnimationFrame(function () { r(); }); });")
    return browser.js("return window.kbgraphLabels")


def expected(full, **filters) -> set[str]:
    where = provinces(full)
    kinds = {x: k for x, (_, k) in classify(full).items()}
    return set(narrow(overview(full), where=where, kind_of=kinds, **filters))


def test_default_view_reads_without_zooming(big_window, dev_page):
    browser = big_window
    path, _ = dev_page
    browser.open(path)
    canvas = browser.js("var c = document.querySelector('#kb-network canvas');"
                        " return [c.clientWidth, c.clientHeight];")
    assert canvas[0] >= 1250 and canvas[1] >= 780  # the drawing gets most of the screen
    boxes = labels(browser)
    node_labels = [b for b in boxes if b["kind"] == "node"]
    assert len(node_labels) >= 60  # of 182 entities: the most important, where there is room
    for i, a in enumerate(boxes):
        assert 0 <= a["x"] and a["x"] + a["w"] <= canvas[0] and 0 <= a["y"] and a["y"] + a["h"] <= canvas[1]
        for b in boxes[i + 1:]:
            apart = a["x"] + a["w"] <= b["x"] or b["x"] + b["w"] <= a["x"] or \
                a["y"] + a["h"] <= b["y"] or b["y"] + b["h"] <= a["y"]
            assert apart, f"label {a['text']!r} overlaps {b['text']!r}"
    assert all(b["h"] >= 14 for b in node_labels)  # 12 px text at any zoom
    ranks = browser.js("var out = {}; window.kbgraphNodes.forEach(function (n) { out[n.id] = n.kb.rank; });"
                       " return out;")
    labelled = {b["id"] for b in node_labels}
    top = sorted(ranks, key=ranks.get)[:10]
    assert sum(1 for x in top if x in labelled) >= 8  # the most important are named
    # zoomed in, more is named, still without overlaps
    browser.js("window.kbgraphNetwork.moveTo({scale: window.kbgraphNetwork.getScale() * 2.5});")
    zoomed = labels(browser)
    assert len([b for b in zoomed if b["kind"] == "node"]) >= 25
    assert browser.console_errors() == []


def test_no_isolated_node_no_publisher_and_the_legend(browser, dev_page):
    path, full = dev_page
    browser.open(path)
    drawn = browser.js(VISIBLE)
    ids = {row[0] for row in drawn}
    assert len(ids) == shown_count(browser)[0] == len(overview(full))
    assert not [row for row in drawn if row[2] == "NewsPublisher" or row[3] == "publisher"]
    neighbours = browser.js("var n = window.kbgraphNetwork; var out = {};"
                            " n.body.nodeIndices.forEach(function (id) { out[id] = n.getConnectedNodes(id)"
                            ".filter(function (x) { return x !== id && n.body.nodeIndices.indexOf(x) !== -1; }).length; });"
                            " return out;")
    assert min(neighbours.values()) >= 1
    kinds_drawn = {row[3] for row in drawn if row[1] == "Organization"}
    legend_kinds = {e.get_attribute("data-kind") for e in
                    browser.driver.find_elements(By.CSS_SELECTOR, "#kb-kinds input[data-kind]")}
    assert legend_kinds == kinds_drawn == {"bkkbn", "regional-government", "dinas", "task-force"}
    legend_text = browser.driver.find_element(By.ID, "kb-kinds").text
    for name in ("BKKBN and its offices", "regional government", "regional agency (dinas)",
                 "task force / working group"):
        assert name in legend_text
    levels = {e.get_attribute("data-level") for e in browser.driver.find_elements(By.CSS_SELECTOR, "#kb-levels [data-level]")}
    assert levels == {row[4] for row in drawn if row[1] == "Organization"}
    assert "degree" in browser.driver.find_element(By.ID, "kb-size").text


def test_filters_change_what_is_drawn(browser, dev_page):
    path, full = dev_page
    browser.open(path)
    everything = shown_count(browser)

    choose(browser, "kb-from", "2018")
    choose(browser, "kb-to", "2018")
    want = expected(full, years=(2018, 2018))
    assert set(browser.js(SHOWN)["nodes"]) == want
    assert shown_count(browser)[0] == len(want) < everything[0]
    assert {row[0] for row in browser.js(VISIBLE)} == want  # what vis-network draws
    choose(browser, "kb-from", "2016")
    choose(browser, "kb-to", "2024")
    assert shown_count(browser) == everything

    choose(browser, "kb-province", "Provinsi Bali")
    want = expected(full, province="Provinsi Bali")
    assert set(browser.js(SHOWN)["nodes"]) == want and 5 < len(want) < 30
    choose(browser, "kb-province", "")

    browser.driver.find_element(By.CSS_SELECTOR, "#kb-kinds input[data-kind='bkkbn']").click()
    kinds = {x: k for x, (_, k) in classify(full).items()}
    want = expected(full, kinds=set(kinds.values()) - {"bkkbn"})
    assert set(browser.js(SHOWN)["nodes"]) == want
    assert not [row for row in browser.js(VISIBLE) if row[3] == "bkkbn"]
    browser.driver.find_element(By.CSS_SELECTOR, "#kb-kinds input[data-kind='bkkbn']").click()

    browser.driver.find_element(By.CSS_SELECTOR, "#kb-legend input[data-class='Place']").click()
    rows = browser.js(VISIBLE)
    assert rows and not [row for row in rows if row[1] == "Place"] and len(rows) < everything[0] - 50
    browser.driver.find_element(By.CSS_SELECTOR, "#kb-legend input[data-class='Place']").click()
    assert shown_count(browser) == everything

    browser.driver.find_element(By.ID, "kb-posts").click()  # posts as nodes
    with_posts = shown_count(browser)
    assert with_posts[0] == everything[0] + 39 and with_posts[1] == everything[1] + 39
    assert len([row for row in browser.js(VISIBLE) if row[1] == "Post"]) == 40
    browser.driver.find_element(By.ID, "kb-posts").click()
    assert shown_count(browser) == everything
    assert browser.console_errors() == []


def test_search_centres_and_click_shows_the_neighbourhood(browser, dev_page):
    path, full = dev_page
    browser.open(path)
    search = browser.driver.find_element(By.ID, "kb-search")
    search.send_keys("Euis", Keys.ENTER)
    (node,) = [x for x in full if full.nodes[x]["label"] == "Euis Komariah"]
    assert browser.js("return window.kbgraphNetwork.getSelectedNodes()") == [node]
    centre = browser.js("var n = window.kbgraphNetwork, c = document.querySelector('#kb-network canvas');"
                        " var p = n.canvasToDOM(n.getPositions([arguments[0]])[arguments[0]]);"
                        " return [p.x - c.clientWidth / 2, p.y - c.clientHeight / 2];", node)
    assert abs(centre[0]) < 2 and abs(centre[1]) < 2
    assert labels(browser)[0]["id"] == node  # highlighted: labelled first
    details = browser.driver.find_element(By.ID, "kb-details")
    assert details.text.startswith("Euis Komariah\nPerson (Person)")
    assert "Provinsi / province: Provinsi Jawa Barat" in details.text
    assert "\u2192 Kepala DPPKB Kabupaten Garut: Dinas Pengendalian Penduduk dan Keluarga Berencana Kabupaten Garut" \
        in details.text  # her post, on the edge to her dinas
    hrefs = [a.get_attribute("href") for a in details.find_elements(By.CSS_SELECTOR, ".kb-source a")]
    assert hrefs and all(h.startswith("https://example.org/dev/") for h in hrefs)  # the source articles
    # following a neighbour from the list moves there
    details.find_element(By.LINK_TEXT, "Dinas Pengendalian Penduduk dan Keluarga Berencana Kabupaten Garut").click()
    assert browser.js("return window.kbgraphNetwork.getSelectedNodes()") != [node]
    H = simple_graph(overview(full))
    dinas = browser.js("return window.kbgraphNetwork.getSelectedNodes()")[0]
    items = details.find_elements(By.CSS_SELECTOR, ".kb-neighbours li")
    assert len(items) == len({x for x in H.neighbors(dinas)})
    assert browser.console_errors() == []
