"""``kbgraph viz``: draw the network as an offline HTML page, or a figure (PNG, SVG, PDF)."""

from __future__ import annotations

import re
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from kbgraph.ontology.safe_text import terminal_text

from .app import DEFAULT_STORE, StoreOpt, UpdateUrlOpt, app


class SizeBy(str, Enum):
    degree = "degree"
    betweenness = "betweenness"
    articles = "articles"


class Format(str, Enum):
    html = "html"
    png = "png"
    svg = "svg"
    pdf = "pdf"


def _years(text: str | None) -> tuple[int, int] | None:
    if text is None:
        return None
    m = re.fullmatch(r"\s*(\d{4})\s*(?:-\s*(\d{4})\s*)?", text)
    if not m:
        raise typer.BadParameter(f"{text!r} is not a year or a range of years (2019, 2018-2020)")
    return int(m[1]), int(m[2] or m[1])


@app.command()
def viz(
    out: Annotated[
        Path | None, typer.Option("--out", help="File to write (default: graph.html, .png, .svg or .pdf).")
    ] = None,
    focus: Annotated[
        str | None, typer.Option("--focus", help="Draw only the network around this entity (label, alias or IRI).")
    ] = None,
    depth: Annotated[int, typer.Option("--depth", min=0, help="How many steps around --focus.")] = 1,
    max_nodes: Annotated[
        int, typer.Option("--max-nodes", min=1, help="Keep at most this many entities, the most central ones (a fifth of them people).")
    ] = 300,
    size_by: Annotated[SizeBy, typer.Option("--size-by", help="What a node's size shows.")] = SizeBy.degree,
    posts: Annotated[
        bool, typer.Option("--posts", help="Posts as nodes (default: each folded into its holder's edge).")
    ] = False,
    years: Annotated[
        str | None, typer.Option("--years", help="Only entities of articles of these years: 2019 or 2018-2020.")
    ] = None,
    province: Annotated[
        str | None, typer.Option("--province", help="Only entities in this province and their neighbours.")
    ] = None,
    kind: Annotated[
        list[str] | None,
        typer.Option("--kind", help="Only organizations of this kind (bkkbn, regional-government, dinas, ...); repeat."),
    ] = None,
    fmt: Annotated[
        Format, typer.Option("--format", help="html (interactive, offline) or a png/svg/pdf figure.")
    ] = Format.html,
    store: StoreOpt = DEFAULT_STORE,
    update_url: UpdateUrlOpt = None,
) -> None:
    """Draw the network: one self-contained HTML file that works without internet, or a figure."""
    from kbgraph.graph.network.page import write_html, write_static
    from kbgraph.graph.store import open_store

    path = out or Path(f"graph.{fmt.value}")
    narrow = {"years": _years(years), "province": province, "kinds": kind or None}
    with open_store(store, update_url=update_url, create=False, read_only=True) as st:  # no lock
        if fmt is Format.html:
            report = write_html(st, path, focus=focus, depth=depth, max_nodes=max_nodes, size_by=size_by.value,
                                posts=posts, **narrow)
        else:
            report = write_static(st, path, fmt.value, focus=focus, depth=depth, max_nodes=max_nodes,
                                  size_by=size_by.value, posts=posts, **narrow)
    if report.notice:
        typer.echo(f"kbgraph: note: {terminal_text(report.notice)}", err=True)
    typer.echo(f"wrote {terminal_text(path)}: {report.nodes} entities, {report.edges} relations")
