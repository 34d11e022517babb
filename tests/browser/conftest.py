"""A headless Debian chromium, driven by Selenium, that cannot reach any network.

Every page is opened from a file:// URL with the proxy set to a dead port, so any
request that tries to leave fails (and shows up in the performance log, which the
tests read). Test modules here mark themselves ``browser``; they are skipped, with the
reason, only when chromium or chromedriver is not installed (CI installs both).
"""

from __future__ import annotations

import importlib.util
import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

# One definition of "our chromium" for the tests and the render benchmark: the binary,
# the driver and the flags (headless; every request that would leave the machine goes to
# a dead proxy and fails) live in benchmarks/render.py.
_spec = importlib.util.spec_from_file_location(
    "kbgraph_render_benchmark", Path(__file__).resolve().parents[2] / "benchmarks" / "render.py")
render = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(render)
CHROMIUM, CHROMEDRIVER, FLAGS = render.CHROMIUM, render.CHROMEDRIVER, render.FLAGS


class Browser:
    """The driver, with the few things the tests ask of a page."""

    def __init__(self, driver):
        self.driver = driver

    def open(self, path: Path, *, timeout: float = 30.0) -> None:
        """Open a local page, clear the logs, wait until the network is drawn and settled."""
        self.driver.get_log("browser")
        self.driver.get_log("performance")
        self.driver.get(path.resolve().as_uri())
        deadline = time.monotonic() + timeout
        while not self.driver.execute_script("return window.kbgraphStable === true"):
            if time.monotonic() > deadline:
                raise AssertionError(f"the network in {path.name} did not settle in {timeout} s")
            time.sleep(0.05)

    def js(self, script: str, *args):
        return self.driver.execute_script(script, *args)

    def console_errors(self) -> list[dict]:
        return [e for e in self.driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]

    def requests(self) -> list[str]:
        """URLs the page asked for since it was opened (Chrome's performance log)."""
        urls = []
        for entry in self.driver.get_log("performance"):
            msg = json.loads(entry["message"])["message"]
            if msg["method"] == "Network.requestWillBeSent":
                urls.append(msg["params"]["request"]["url"])
        return urls


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not render.available():
        pytest.skip("chromium and chromedriver are not installed (apt-get install chromium chromium-driver)")
    with render.chromium() as driver:
        yield Browser(driver)


DEV = Path(__file__).resolve().parents[1] / "fixtures" / "dev"


@pytest.fixture(scope="session")
def dev_page(tmp_path_factory):
    """The dev corpus (14 articles) built into a store, and the page ``kbgraph viz`` writes.

    Returns ``(page path, projected network)``; the network lets a test compute in Python
    what the page should draw.
    """
    from kbgraph.graph.store.build import build
    from kbgraph.graph.network import project
    from kbgraph.graph.store import open_store
    from kbgraph.graph.network.page import write_html

    tmp = tmp_path_factory.mktemp("dev-page")
    store = open_store(tmp / "store")
    try:
        build(store, [str(p) for p in sorted(DEV.glob("*.txt"))], workers=1)
        write_html(store, tmp / "dev.html")
        full = project(store)
    finally:
        store.close()
    return tmp / "dev.html", full


@pytest.fixture()
def big_window(browser):
    """The window at 1600 × 1000 (a laptop screen) for one test."""
    browser.driver.set_window_size(1600, 1000)
    yield browser
    browser.driver.set_window_size(1280, 900)
