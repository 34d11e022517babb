"""``kbgraph viz``: draw the network as an offline HTML page (or a PNG/SVG picture)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from kbgraph.ontology.safe_text import terminal_text

from .app import DEFAULT_STORE, StoreOpt, UpdateUrlOpt, app


class SizeBy(str, Enum):
    degree = "degree"
    articles = "articles"


class Format(str, Enum):
    html = "html"
    png = "png"
    svg = "svg"


@app.command()
def viz(
    out: Annotated[
        Optional[Path], typer.Option("--out", help="File to write (default: graph.html, graph.png or graph.svg).")
    ] = None,
    focus: Annotated[
        Optional[str], typer.Option("--focus", help="Draw only the network around this entity (label, alias or IRI).")
    ] = None,
    depth: Annotated[int, typer.Option("--depth", min=0, help="How many steps around --focus.")] = 1,
    max_nodes: Annotated[
        int, typer.Option("--max-nodes", min=1, help="Keep at most this many entities, the most central ones.")
    ] = 300,
    size_by: Annotated[SizeBy, typer.Option("--size-by", help="What a node's size shows.")] = SizeBy.degree,
    fmt: Annotated[
        Format, typer.Option("--format", help="html (interactive, offline) or a png/svg picture.")
    ] = Format.html,
    store: StoreOpt = DEFAULT_STORE,
    update_url: UpdateUrlOpt = None,
) -> None:
    """Draw the network: one self-contained HTML file that works without internet."""
    from kbgraph.graph.store import open_store
    from kbgraph.graph.network.page import write_html, write_static

    path = out or Path(f"graph.{fmt.value}")
    with open_store(store, update_url=update_url, create=False, read_only=True) as st:  # no lock
        if fmt is Format.html:
            report = write_html(st, path, focus=focus, depth=depth, max_nodes=max_nodes, size_by=size_by.value)
        else:
            report = write_static(st, path, fmt.value, focus=focus, depth=depth, max_nodes=max_nodes,
                                  size_by=size_by.value)
    if report.notice:
        typer.echo(f"kbgraph: note: {terminal_text(report.notice)}", err=True)
    typer.echo(f"wrote {terminal_text(path)}: {report.nodes} entities, {report.edges} relations")
