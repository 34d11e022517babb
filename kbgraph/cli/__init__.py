"""The ``kbgraph`` command line: a thin shell over the library.

Errors derived from :class:`kbgraph.errors.KbgraphError` are printed as one
line on stderr with their exit status (1 failed check, 2 bad input); nothing else
is caught, so a real bug still shows its traceback.
"""

from __future__ import annotations

import importlib
import logging
import sys
from typing import Annotated, Optional

import typer

from kbgraph import __version__
from kbgraph.errors import KbgraphError
from kbgraph.ontology.safe_text import terminal_text

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
    _log_warnings_as_lines()
    try:
        app(args=argv, prog_name="kbgraph", standalone_mode=True)
    except KbgraphError as exc:
        typer.echo(f"kbgraph: error: {terminal_text(exc)}", err=True)
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


class _OneLine(logging.Formatter):
    """``kbgraph: warning: <message>``, control characters escaped (file names and
    article text are untrusted), one line whatever the message holds."""

    def format(self, record: logging.LogRecord) -> str:
        return f"kbgraph: {record.levelname.lower()}: {terminal_text(record.getMessage())}"


class _StderrHandler(logging.StreamHandler):
    """A stream handler that writes to whatever ``sys.stderr`` is at the time."""

    @property  # type: ignore[override]
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass


def _log_warnings_as_lines() -> None:
    """Library warnings (``logging``) go to stderr as single escaped lines, once.

    Without a handler Python's last-resort one prints the raw message.
    """
    logger = logging.getLogger("kbgraph")
    if not any(isinstance(h, _StderrHandler) for h in logger.handlers):
        handler = _StderrHandler()
        handler.setFormatter(_OneLine())
        handler.setLevel(logging.WARNING)
        logger.addHandler(handler)


if __name__ == "__main__":
    sys.exit(main())
