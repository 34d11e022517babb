"""Errors every layer raises and the shell turns into one line and an exit status.

Exit statuses are a contract: 0 ok, 1 a failed check, 2 bad input or usage.
"""

from __future__ import annotations


class KbgraphError(Exception):
    """Base class: a problem the user can fix; printed as one line, no traceback."""

    exit_code = 2

    def __init__(self, message: str, *, source: str | None = None, hint: str | None = None):
        self.source = source
        self.hint = hint
        super().__init__(message)

    def __str__(self) -> str:
        msg = super().__str__()
        if self.source:
            msg = f"{self.source}: {msg}"
        if self.hint:
            msg = f"{msg} ({self.hint})"
        return msg


class InputError(KbgraphError):
    """A file, record or parameter that cannot be read as given."""


class QueryError(KbgraphError):
    """A SPARQL query that does not parse, or a missing or ill-typed parameter."""


class StoreError(KbgraphError):
    """The store cannot be opened or written."""


class CheckFailed(KbgraphError):
    """Reasoning or validation found violations."""

    exit_code = 1
