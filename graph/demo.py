"""``kbgraph demo``: the bundled seed article, built into a fresh store, as files to open.

The README's first command: it must work on a new machine with nothing but kbgraph
installed, and leave behind things a researcher can open at once — ``graph.ttl`` (for
Protégé or any RDF tool) and ``graph.html`` (the network, offline) — next to the
store it built (``<out>/store``), which ``kbgraph query --store <out>/store`` can ask.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import kbgraph.loaders as loaders_pkg
from kbgraph.errors import KbgraphError, StoreError

from .export import export
from .network.page import write_html
from .stats import StoreStats, store_stats
from .store import EmbeddedStore
from .store.build import BuildProgress, BuildReport, build

__all__ = ["DemoResult", "run_demo", "sample_dir", "DEFAULT_OUT"]

DEFAULT_OUT = Path("kbgraph-out")


def sample_dir() -> Path:
    """The folder of bundled sample articles (``loaders/sample/``)."""
    return Path(loaders_pkg.__file__).resolve().parent / "sample"


@dataclass
class DemoResult:
    """What the demo wrote."""

    out: Path
    store: Path
    ttl: Path
    html: Path | None
    html_note: str | None
    report: BuildReport
    stats: StoreStats


def run_demo(out: str | os.PathLike[str] = DEFAULT_OUT, *,
             progress: Callable[[BuildProgress], None] | None = None) -> DemoResult:
    """Build the sample into a fresh store under ``out`` and write graph.ttl / graph.html."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise StoreError(f"{out} is a file", hint="give --out a folder")
    out.mkdir(parents=True, exist_ok=True)
    store_path = out / "store"
    store = EmbeddedStore(store_path, create=True)
    try:
        store.clear()  # fresh: an earlier demo's store is emptied, not merged
        report = build(store, [sample_dir()], progress=progress)
        ttl = out / "graph.ttl"
        export(store, "ttl", ttl)
        html, note = _write_html(store, out / "graph.html")
        stats = store_stats(store)
    finally:
        store.close()
    return DemoResult(out, store_path, ttl, html, note, report, stats)


def _write_html(store: EmbeddedStore, path: Path) -> tuple[Path | None, str | None]:
    try:
        report = write_html(store, path)
    except KbgraphError as exc:  # e.g. nothing to draw: the rest of the demo still stands
        return None, f"graph.html not written: {exc}"
    return path, getattr(report, "notice", None) or None

