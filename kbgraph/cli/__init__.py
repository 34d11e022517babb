"""The ``kbgraph`` command line: a thin shell over the library.

Errors derived from :class:`kbgraph.errors.KbgraphError` are printed as one
line on stderr with their exit status (1 failed check, 2 bad input); nothing else
is caught, so a real bug still shows its traceback.
"""

from __future__ import annotations

import importlib
import sys
from typing import Annotated, Optional

import typer

from kbgraph import __version__
from kbgraph.errors import KbgraphError

from .app import app

# One module per command group; each registers its commands on ``app``.
COMMAND_MODULES: list[str] = ["store", "query", "viz", "export", "evaluate"]

for _name in COMMAND_MODULES:
    importlib.import_module(f"{__name__}.{_name}")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kbgraph {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        Optional[bool],
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = None,
) -> None:
    """kbgraph: Indonesian population and family-planning policy as a knowledge graph."""


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``kbgraph`` script; returns the exit status.

    typer (standalone mode) prints usage errors itself and exits 2; our own errors
    arrive here as :class:`KbgraphError` and become one line on stderr.
    """
    try:
        app(args=argv, prog_name="kbgraph", standalone_mode=True)
    except KbgraphError as exc:
        typer.echo(f"kbgraph: error: {exc}", err=True)
        return exc.exit_code
    except SystemExit as exc:
        code = exc.code
        if code is None:
            return 0
        if isinstance(code, int):
            return code
        typer.echo(str(code), err=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
