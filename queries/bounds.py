"""Bounded parsing: what a query text may hold before any parser sees it.

Oxigraph's SPARQL parser and planner recurse once per level of nesting and once per
link of a chain (``UNION``, ``||``, ``+``, ``MINUS``, ``BIND``, a path ``/``…), on the
thread's stack. Measured with pyoxigraph 0.5.13 on an 8 MiB stack (the Linux default):
an ``ASK`` nested 3,000 ``{`` deep ends the process with a segfault (2,000 does not),
and so do flat chains of 3,200 ``MINUS`` or ``BIND`` and 10,000 ``UNION``, ``||``, ``+``
or ``!``. A segfault cannot be caught, so both ``kbgraph query`` and ``kbgraph serve``
check the text first, by counting outside strings, IRIs and comments:

- at most :data:`MAX_QUERY_BYTES` bytes (256 KiB);
- brackets (``{``, ``(``, ``[``) nested at most :data:`MAX_DEPTH` deep (64);
- at most :data:`MAX_OPERATORS` operators and pattern keywords in all (1,000).

Every catalogue question is far inside (the largest has 113 operators, nested 10 deep);
the limits are a third of the smallest depth measured to crash, and
``tests/queries/test_bounds.py`` parses queries at the limits on a 2 MiB stack.
"""

from __future__ import annotations

import re

__all__ = ["MAX_DEPTH", "MAX_OPERATORS", "MAX_QUERY_BYTES", "bounds_problem"]

MAX_QUERY_BYTES = 256 * 1024
MAX_DEPTH = 64
MAX_OPERATORS = 1_000

_MASK = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r'|#[^\n]*'
    r'|(?P<word>[?$]?[A-Za-z_][A-Za-z0-9_\-]*(?::[^\s{}()<>,;.]*)?|:[^\s{}()<>,;.]*)',
    re.DOTALL,
)
_KEYWORDS = frozenset({"UNION", "OPTIONAL", "MINUS", "BIND", "FILTER", "GRAPH", "EXISTS",
                       "SERVICE", "VALUES", "IN"})
_SYMBOLS = re.compile(r"\|\||&&|!=|<=|>=|[{}()\[\]|/^!+*=<>-]")


def bounds_problem(text: str) -> str | None:
    """Why ``text`` is too big or too deep to parse safely, or None when it is not."""
    size = len(text.encode("utf-8", errors="surrogatepass"))
    if size > MAX_QUERY_BYTES:
        return f"the query is {size:,} bytes; at most {MAX_QUERY_BYTES:,} are accepted"
    operators = depth = deepest = 0
    for m in _MASK.finditer(text):
        word = m.group("word")
        if word is not None and word.upper() in _KEYWORDS:
            operators += 1
    masked = _MASK.sub(" ", text)
    for m in _SYMBOLS.finditer(masked):
        symbol = m.group()
        if symbol in "{([":
            depth += 1
            deepest = max(deepest, depth)
            operators += 1
        elif symbol in "})]":
            depth = max(0, depth - 1)
        else:
            operators += 1
    if deepest > MAX_DEPTH:
        return f"the query nests brackets {deepest:,} deep; at most {MAX_DEPTH} levels are accepted"
    if operators > MAX_OPERATORS:
        return (f"the query has {operators:,} operators and groups; at most "
                f"{MAX_OPERATORS:,} are accepted")
    return None
