"""``kbgraph queries``, ``kbgraph query`` and ``kbgraph serve``: asking the graph questions.

Parsing and printing only; the work is in :mod:`kbgraph.queries.catalog` (find, bind,
run), :mod:`kbgraph.queries.results` (formats) and :mod:`kbgraph.queries.server`.
"""

from __future__ import annotations

import enum
from typing import Annotated, Optional

import typer

from kbgraph.errors import QueryError

from .app import DEFAULT_STORE, StoreOpt, UpdateUrlOpt, app


class QueryFormat(str, enum.Enum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"
    ttl = "ttl"


def parse_params(pairs: list[str] | None) -> dict[str, str]:
    """``["k=v", …]`` → ``{"k": "v"}``; a pair without ``=`` is a usage error."""
    params: dict[str, str] = {}
    for pair in pairs or []:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise QueryError(f"--param {pair!r}: expected NAME=VALUE")
        params[key.strip()] = value
    return params


@app.command("queries")
def queries_cmd() -> None:
    """List the question catalogue: name, question, parameters."""
    from rich.console import Console
    from rich.table import Table

    from kbgraph.queries.catalog import list_queries

    table = Table(show_lines=False)
    table.add_column("name", no_wrap=True)
    table.add_column("question", overflow="fold")
    table.add_column("parameters", overflow="fold")
    for q in list_queries():
        params = ", ".join(f"{p.name} ({p.type}{', required' if p.required else ''})"
                           for p in q.params) or "-"
        question = q.question_id + (f"\n{q.question_en}" if q.question_en else "")
        table.add_row(q.name, question, params)
    Console(highlight=False).print(table)


@app.command("query")
def query_cmd(
    query: Annotated[str, typer.Argument(
        help="A catalogue name (see `kbgraph queries`), a .rq file, or SPARQL text.")],
    param: Annotated[Optional[list[str]], typer.Option(
        "--param", "-p", help="A parameter NAME=VALUE (repeatable).")] = None,
    fmt: Annotated[QueryFormat, typer.Option(
        "--format", "-f", help="table (for reading), csv, tsv, json (SPARQL 1.1 results), "
        "ttl (CONSTRUCT/DESCRIBE).")] = QueryFormat.table,
    store: StoreOpt = DEFAULT_STORE,
    update_url: UpdateUrlOpt = None,
) -> None:
    """Ask the graph a question and print the answer."""
    from kbgraph import KB
    from kbgraph.graph.store import open_store
    from kbgraph.queries.catalog import resolve, run
    from kbgraph.queries.results import format_result

    params = parse_params(param)
    info = resolve(query)  # an unknown name fails before the store is opened
    with KB(open_store(store, update_url, create=False, read_only=True)) as kb:  # no lock
        result = run(kb.store, query, params)
        text = format_result(result, fmt.value, store=kb.store, title=info.title or None)
    typer.echo(text, nl=False)


@app.command("serve")
def serve_cmd(
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port (0: any free port).")] = 7878,
    timeout: Annotated[float, typer.Option(
        help="Seconds a query may take, waiting included; then 503 and it is stopped.")] = 10.0,
    max_rows: Annotated[int, typer.Option(
        help="Most rows (or triples) in one answer; a larger answer is refused, not cut.")]
    = 100_000,
    workers: Annotated[int, typer.Option(help="Query processes (queries run at the same time).")]
    = 2,
    connection_timeout: Annotated[float, typer.Option(
        help="Seconds an idle connection is kept; a request must arrive within twice that.")]
    = 10.0,
    allow_host: Annotated[Optional[list[str]], typer.Option(
        "--allow-host", help="A host name clients may use besides IP addresses and "
        "localhost (repeatable).")] = None,
    store: StoreOpt = DEFAULT_STORE,
) -> None:
    """Serve the store as a read-only SPARQL 1.1 Protocol endpoint (GET/POST /query)."""
    from kbgraph.queries.server import ServerConfig, serve

    config = ServerConfig(host=host, port=port, timeout=timeout, max_rows=max_rows,
                          workers=workers, idle_timeout=connection_timeout,
                          request_timeout=2 * connection_timeout,
                          allow_hosts=tuple(h.strip().lower() for h in allow_host or ()))

    def ready(url: str) -> None:
        typer.echo(f"kbgraph: serving {store} read-only at {url} (Ctrl-C to stop)", err=True)

    serve(store, config, ready=ready)
