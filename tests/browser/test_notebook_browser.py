"""The notebook view in a real chromium with no network: the iframe draws the network."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from rdflib import Dataset

from kbgraph.graph.network.notebook import show

pytestmark = pytest.mark.browser

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
LEAVES_THE_MACHINE = re.compile(r"^(?:https?|wss?|ftp):", re.IGNORECASE)


def test_notebook_cell_draws_the_network_offline(browser, tmp_path):
    ds = Dataset()
    ds.parse(FIXTURES / "viz-handmade.trig", format="trig")
    cell = show(ds)._repr_html_()
    page = tmp_path / "notebook.html"
    page.write_text(f"<!DOCTYPE html><html><body><h1>Out[1]:</h1>{cell}</body></html>", encoding="utf-8")
    driver = browser.driver
    driver.get_log("performance")
    driver.get(page.resolve().as_uri())
    driver.switch_to.frame(driver.find_element("tag name", "iframe"))
    try:
        deadline = time.monotonic() + 30
        while not driver.execute_script("return window.kbgraphStable === true"):
            assert time.monotonic() < deadline, "the network in the iframe did not settle"
            time.sleep(0.05)
        assert driver.execute_script("return window.kbgraphNetwork.body.nodeIndices.length") == 12
        assert driver.execute_script("return window.kbgraphNetwork.body.edgeIndices.length") == 14
        assert driver.execute_script("return document.querySelectorAll('canvas').length") == 1
    finally:
        driver.switch_to.default_content()
    assert browser.console_errors() == []
    assert [u for u in browser.requests() if LEAVES_THE_MACHINE.match(u)] == []
