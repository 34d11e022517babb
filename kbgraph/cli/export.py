"""``kbgraph export``: write the graph for Protégé, Gephi, Cytoscape, yEd, Neo4j, pandas."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kbgraph.graph.export import FORMATS, GRAPHS
from kbgraph.ontology.safe_text import terminal_text

from .app import DEFAULT_STORE, StoreOpt, UpdateUrlOpt, app

# Plain text options, checked by the library: an unknown value is one InputError line (exit 2).
_FORMAT_HELP = "One of: " + "; ".join(f"{f.name} ({f.tools})" for f in FORMATS.values())


@app.command("export")
def export_command(
    fmt: Annotated[str, typer.Option("--format", help=_FORMAT_HELP)],
    out: Annotated[
        str | None,
        typer.Option("--out", help="File (or folder for csv, neo4j) to write; '-' writes a one-file format "
                     "to standard output. Default: kbgraph-out/graph.<ext>, kbgraph-out/csv, kbgraph-out/neo4j."),
    ] = None,
    graph: Annotated[
        str,
        typer.Option("--graph", help=f"One of {', '.join(GRAPHS)}. RDF formats: all; entities (no ontology, "
                     "inferred triples, mentions, evidence or statements); inferred (the reasoner's graph)."),
    ] = "all",
    store: StoreOpt = DEFAULT_STORE,
    update_url: UpdateUrlOpt = None,
) -> None:
    """Export the graph: RDF (ttl nt nq trig jsonld owl) or the network (graphml gexf cytoscape csv neo4j)."""
    from kbgraph.graph.export import export, format_spec, render
    from kbgraph.graph.store import open_store
    from kbgraph.errors import InputError

    spec = format_spec(fmt, graph)  # checked before the store is opened
    if out == "-" and spec.folder:
        raise InputError(f"--out -: the {fmt} format writes a folder; give a folder name")
    with open_store(store, update_url=update_url, create=False, read_only=True) as st:  # no lock
        if out == "-":
            data = render(st, fmt, graph=graph)
            assert isinstance(data, bytes)
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            return
        result = export(st, fmt, Path(out) if out else None, graph=graph)
    names = ", ".join(p.name for p in result.files)
    typer.echo(terminal_text(f"wrote {fmt} to {result.path}" + (f" ({names})" if spec.folder else "")))
