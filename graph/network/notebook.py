"""The network inline in a Jupyter notebook, with no internet connection.

:func:`kbgraph.graph.network.project` returns a plain networkx graph, which a notebook
shows only as ``<networkx.classes...>``. Researchers want the same picture that
``kbgraph viz`` writes, in the cell. :func:`show` renders that page (everything inlined,
see :mod:`kbgraph.graph.network.page`) and wraps it in an ``<iframe srcdoc>``: the page keeps
its own Content Security Policy, and the ``sandbox`` (scripts only, no same-origin)
keeps article text, which is untrusted, away from the notebook itself.
"""

from __future__ import annotations

import html
import tempfile
from pathlib import Path
from typing import Any

from rdflib import Graph

from .page import VizReport, write_html

__all__ = ["NetworkView", "show"]


class NetworkView:
    """A drawn network: ``.page`` is the full offline HTML page, ``.report`` what was drawn."""

    def __init__(self, page: str, report: VizReport, height: int = 600):
        self.page = page
        self.report = report
        self.height = height

    def _repr_html_(self) -> str:
        """The page in a sandboxed iframe (Jupyter calls this to display the object)."""
        notice = f"<p>{html.escape(self.report.notice)}</p>" if self.report.notice else ""
        return (
            f'<iframe srcdoc="{html.escape(self.page, quote=True)}" title="kbgraph network" '
            'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" '
            f'style="width: 100%; height: {int(self.height)}px; border: 1px solid #ddd;"></iframe>'
            f"{notice}"
        )

    def save(self, path: str | Path) -> Path:
        """Write the page to ``path`` (the same file ``kbgraph viz`` writes)."""
        path = Path(path)
        path.write_text(self.page, encoding="utf-8")
        return path

    def __repr__(self) -> str:
        return f"<NetworkView {self.report.nodes} entities, {self.report.edges} relations>"


def show(source: Any, *, focus: str | None = None, depth: int = 1, max_nodes: int = 300,
         size_by: str = "degree", posts: bool = False, height: int = 600, **filters: Any) -> NetworkView:
    """Draw the network of ``source`` for a notebook cell.

    ``source`` is what :func:`kbgraph.graph.network.page.write_html` takes (a store or an rdflib
    graph) or an object holding one as ``.store`` (``kbgraph.open(...)``). The other
    arguments are those of ``kbgraph viz`` (``filters``: ``years``, ``province``, ``kinds``).
    """
    store = source if isinstance(source, Graph) else getattr(source, "store", source)  # rdflib has .store too
    with tempfile.TemporaryDirectory(prefix="kbgraph-notebook-") as tmp:
        path = Path(tmp) / "graph.html"
        report = write_html(store, path, focus=focus, depth=depth, max_nodes=max_nodes,
                            size_by=size_by, posts=posts, **filters)
        page = path.read_text(encoding="utf-8")
    return NetworkView(page, report, height)
