"""A headless Debian chromium, driven by Selenium, that cannot reach any network.

Every page is opened from a file:// URL with the proxy set to a dead port, so any
request that tries to leave fails (and shows up in the performance log, which the
tests read). Test modules here mark themselves ``browser``; they are skipped, with the
reason, only when chromium or chromedriver is not installed (CI installs both).
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = next(filter(None, (shutil.which(n) for n in ("chromium", "chromium-browser"))), None)
CHROMEDRIVER = shutil.which("chromedriver") or next(
    (p for p in ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver") if Path(p).exists()), None)
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-dev-shm-usage", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
         "--window-size=1280,900")


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
    if not CHROMIUM or not CHROMEDRIVER:
        pytest.skip("chromium and chromedriver are not installed (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="kbgraph-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield Browser(driver)
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
