"""benchmarks/render.py measures what it says: real counts, real errors, real requests.

No time bound is asserted here (the bound is the benchmark's, ``RENDER_BOUND_S``); these
tests check that the figures a benchmark run reports can be trusted.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[2] / "benchmarks" / "render.py"
_spec = importlib.util.spec_from_file_location("kbgraph_bench_render", _PATH)
render = importlib.util.module_from_spec(_spec)
sys.modules["kbgraph_bench_render"] = render
_spec.loader.exec_module(render)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not render.available(),
                       reason="chromium and chromedriver are not installed (apt-get install chromium chromium-driver)"),
]

DATA = re.compile(r'<script type="application/json" id="kbgraph-data">(.*?)</script>', re.DOTALL)


def page_data(path: Path) -> dict:
    """The graph the page carries, read from its JSON block (not from the browser)."""
    return json.loads(DATA.search(path.read_text(encoding="utf-8")).group(1))


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory):
    import kbgraph.loaders
    from kbgraph.graph.store.build import build
    from kbgraph.graph.store import open_store
    from kbgraph.graph.network.page import write_html

    seed = Path(kbgraph.loaders.__file__).parent / "sample" / "antara-kalbar-2019-11-26-pokja-kampung-kb.txt"
    tmp = tmp_path_factory.mktemp("render")
    path = tmp / "seed.html"
    with open_store(tmp / "store") as store:
        build(store, [seed])
        report = write_html(store, path)
    return path, report


@pytest.mark.slow
def test_seed_page_figures(seed_page):
    path, report = seed_page
    data = page_data(path)
    figures = render.render(path, timeout=60)
    assert figures["nodes"] == len([n for n in data["nodes"] if not n.get("hidden")]) == report.nodes
    assert figures["edges"] == len([e for e in data["edges"] if not e.get("hidden")]) == report.edges
    assert report.nodes > 10 and report.edges > 10  # the seed article is a real graph
    assert figures["console_errors"] == []
    assert figures["outside_requests"] == []
    assert figures["timed_out"] is False
    # measured from navigation start, in the order the page does things
    assert 0 < figures["network_s"] <= figures["stable_s"] <= figures["drawn_s"] < 60
    assert figures["dom_s"] > 0
    # laid out in Python: no physics runs in the page
    assert figures["iterations"] is None and data["options"]["physics"] == {"enabled": False}
    assert figures["heap_mib"] > 0
    assert figures["page"] == str(path.resolve())
    assert render.settled_s(figures) == figures["drawn_s"]
    table = render.table([figures, figures])
    assert f"| nodes drawn | {report.nodes} | {report.nodes}, {report.nodes} |" in table


def test_a_page_that_misbehaves_is_reported(tmp_path):
    """A page that never settles, logs an error and reaches out: render says all three."""
    path = tmp_path / "bad.html"
    path.write_text('<!DOCTYPE html><html><head><meta charset="utf-8"><title>bad</title></head><body>'
                    '<img src="http://kbgraph.invalid/leak.png" alt="">'
                    '<script>console.error("kbgraph-test-error");</script></body></html>', encoding="utf-8")
    figures = render.render(path, timeout=2)
    assert figures["timed_out"] is True
    assert figures["stable_s"] is None and figures["network_s"] is None and figures["nodes"] is None
    assert figures["outside_requests"] == ["http://kbgraph.invalid/leak.png"]
    assert any("kbgraph-test-error" in m for m in figures["console_errors"])
    assert render.settled_s(figures) is None
    assert render.within_bound(figures) is False


def test_within_bound_is_the_benchmark_bound():
    clean = {"stable_s": 1.0, "drawn_s": 1.1, "console_errors": [], "outside_requests": []}
    assert render.within_bound(clean) is True
    assert render.within_bound({**clean, "drawn_s": render.RENDER_BOUND_S + 0.01}) is False
    assert render.within_bound({**clean, "console_errors": ["x"]}) is False
    assert render.within_bound({**clean, "outside_requests": ["http://a.invalid/"]}) is False
    assert render.within_bound({**clean, "drawn_s": None}) is True  # no frame caught: stable counts
