"""The typer application and the options every command shares.

Command modules (``kbgraph/cli/<command>.py``) register themselves on :data:`app`
and hold no logic beyond parsing arguments and printing results.
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

app = typer.Typer(
    name="kbgraph",
    help=(
        "kbgraph: a knowledge graph of Indonesia's population and family-planning policy, "
        "built from news articles in Bahasa Indonesia.\n\n"
        "Exit status: 0 ok, 1 a failed check, 2 bad input or usage."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)

DEFAULT_STORE = "kbgraph-data"

StoreOpt = Annotated[
    str,
    typer.Option(
        "--store",
        envvar="KBGRAPH_STORE",
        help="Folder of the embedded Oxigraph store, or the http(s):// URL of a SPARQL 1.1 "
        "query endpoint.",
        show_default=True,
    ),
]
UpdateUrlOpt = Annotated[
    Optional[str],
    typer.Option(
        "--update-url",
        envvar="KBGRAPH_UPDATE_URL",
        help="SPARQL update endpoint of a remote store (default: the query URL with its last "
        "segment 'query'/'sparql' replaced by 'update').",
    ),
]

