"""Text from articles made harmless for the two readers that would run it: a
spreadsheet opening a CSV file, and a terminal showing a message.

Article text, titles, publishers and file names are untrusted (SECURITY.md). A CSV
cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a
formula to Excel, LibreOffice and Google Sheets (``=HYPERLINK(...)``, ``@SUM(...)``,
DDE payloads): :func:`csv_cell` prefixes it with ``'`` (OWASP's CSV injection rule),
which the spreadsheet shows as text. A cell that is a plain number (``-5``, ``+3.2``,
``1e-3``) is left alone: it cannot run, and numbers must stay numbers. A terminal
obeys escape sequences (colours, cursor moves, window titles) and starts a new line at
``\\n``: :func:`terminal_text` shows every control character as an escape
(``\\n``, ``\\x1b``), so a forged file name cannot print a fake ``kbgraph: ok`` line.

Imports nothing: every layer may use it.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["csv_cell", "terminal_text", "FORMULA_STARTS"]

#: First characters that make a spreadsheet evaluate a cell (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def csv_cell(value: Any) -> Any:
    """``value`` with a leading ``'`` when it is text a spreadsheet would run as a formula.

    Anything that is not a string (an int, a float, None) is returned as it is, and so
    is a string that is a plain number.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


# C0 and C1 controls (newline, carriage return, tab, ESC, DEL, CSI ...) and the Unicode
# controls that reorder or hide what follows them (bidi overrides and isolates, the
# line and paragraph separators).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def terminal_text(text: object) -> str:
    """``str(text)`` with every control character written as a visible escape."""
    s = str(text)
    if not _CONTROL.search(s):
        return s
    return _CONTROL.sub(lambda m: _NAMED.get(m.group()) or _escape(m.group()), s)


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
