"""The rows of a SELECT: the one result type of kbgraph.

Every store's :meth:`~kbgraph.graph.store.base.Store.select`, every catalogue question
(:func:`kbgraph.queries.catalog.run`) and ``kbgraph.open(...).query(...)`` answer with
a :class:`Result`: ``variables`` in projection order, ``rows`` of rdflib terms (None
where a variable is unbound), and the conversions a notebook wants — ``to_dicts()``,
``to_dataframe()`` and an HTML table in Jupyter (every cell escaped: article text is
untrusted). ``name`` and ``labels`` (IRI → ``rdfs:label``) are filled in by whoever
knows them, for display.

Examples
--------
>>> from rdflib import Literal, URIRef
>>> r = Result(["org", "n"], [(URIRef("https://w3id.org/kbgraph/id/org/bkkbn"), Literal(3)), (None, None)])
>>> len(r), r.to_dicts()[1]
(2, {'org': None, 'n': None})
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from rdflib import Literal, URIRef
from rdflib.term import Identifier

from kbgraph.errors import QueryError

from .terms import short_name

__all__ = ["Result"]


class Result:
    """The rows of a SELECT, with the conversions a notebook wants."""

    def __init__(self, variables: Sequence[str], rows: Iterable[Sequence[Identifier | None]] = (),
                 name: str = "query", labels: Mapping[str, str] | None = None):
        self.name = name
        self.variables = list(variables)
        self.rows: list[tuple[Identifier | None, ...]] = [tuple(r) for r in rows]
        self.labels = dict(labels or {})

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[tuple[Identifier | None, ...]]:
        return iter(self.rows)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Result):
            return NotImplemented
        return (self.variables, self.rows) == (other.variables, other.rows)

    __hash__ = None  # type: ignore[assignment]  # mutable, like the dataclass it replaces

    def __repr__(self) -> str:
        return f"<Result {self.name}: {len(self.rows)} rows × {', '.join(self.variables)}>"

    def to_dicts(self) -> list[dict[str, Identifier | None]]:
        """One dict per row, every column a key (None when unbound)."""
        return [dict(zip(self.variables, row)) for row in self.rows]

    def to_dataframe(self, *, python_values: bool = True) -> Any:
        """A pandas DataFrame; pandas is optional and imported only here.

        With ``python_values`` literals become Python values (int, date, str) and IRIs
        strings; otherwise cells are rdflib terms.
        """
        try:
            import pandas as pd
        except ImportError:
            raise QueryError("to_dataframe() needs pandas, which is not installed",
                             hint="pip install 'kbgraph[pandas]'") from None
        rows: list[tuple] = self.rows
        if python_values:
            rows = [tuple(_python_value(c) for c in row) for row in rows]
        return pd.DataFrame.from_records(rows, columns=self.variables)

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{html.escape(v)}</th>" for v in self.variables)
        body = []
        for row in self.rows:
            cells = []
            for cell in row:
                if isinstance(cell, URIRef):
                    text = html.escape(self.labels.get(str(cell)) or short_name(cell))
                    cells.append(f'<td title="{html.escape(str(cell), quote=True)}">{text}</td>')
                else:
                    cells.append(f"<td>{html.escape('' if cell is None else str(cell))}</td>")
            body.append("<tr>" + "".join(cells) + "</tr>")
        caption = html.escape(f"{self.name}: {len(self.rows)} rows")
        return (f"<table><caption>{caption}</caption><thead><tr>{head}</tr></thead>"
                f"<tbody>{''.join(body)}</tbody></table>")


def _python_value(term: Identifier | None) -> Any:
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        return str(term) if isinstance(value, Literal) else value
    return str(term)
