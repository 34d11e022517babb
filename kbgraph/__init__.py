"""kbgraph: a knowledge graph of Indonesia's population and family-planning policy.

The public API for notebooks and scripts lives here; everything else is in the
layers ``kbgraph.ontology``, ``kbgraph.loaders``, ``kbgraph.graph`` and
``kbgraph.queries``.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kbgraph")
except PackageNotFoundError:  # running from a checkout without an install
    __version__ = "0.0.0"


class KB:
    """A kbgraph store opened for questions, from a notebook or a script.

    ``kb.query(name, **params)`` runs a catalogue question, ``kb.sparql(text)`` any
    SPARQL; SELECT results are :class:`kbgraph.graph.store.Result` objects
    (``.rows``, ``.to_dicts()``, ``.to_dataframe()``, an HTML table in Jupyter).
    """

    def __init__(self, store: object):
        self.store = store

    def queries(self) -> list:
        """The catalogue: a QueryInfo (name, title, questions, params) per question."""
        from kbgraph.queries.catalog import list_queries

        return list_queries()

    def query(self, name: str, **params: object):
        """Run catalogue question ``name``; keyword arguments are its parameters.

        A trailing underscore is dropped, for names that are Python keywords:
        ``kb.query("timeline", from_="2019-01-01", province="Kalimantan Barat")``.
        """
        return self._run(name, params)

    def sparql(self, text: str, **params: object):
        """Run SPARQL text (or a ``.rq`` file): Result, rdflib Graph or bool."""
        return self._run(text, params)

    def _run(self, query: str, params: dict[str, object]):
        from kbgraph.queries.catalog import resolve, run
        from kbgraph.graph.store import Result
        from kbgraph.queries.results import iris_of, lookup_labels

        values = {k[:-1] if k.endswith("_") else k: v.isoformat() if hasattr(v, "isoformat") else str(v)
                  for k, v in params.items() if v is not None}
        out = run(self.store, query, values)
        if isinstance(out, bool) or not hasattr(out, "variables"):
            return out
        return Result(out.variables, out.rows, name=resolve(query).name,
                      labels=lookup_labels(self.store, iris_of(out)))

    def close(self) -> None:
        """Release the store."""
        close = getattr(self.store, "close", None)
        if close is None:
            return
        try:
            close()
        except RuntimeError:  # pyoxigraph refuses to flush a read-only store: nothing to flush
            pass

    def __enter__(self) -> "KB":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<kbgraph.KB {getattr(self.store, 'location', self.store)}>"


def open(store_location: str = "kbgraph-data", *, read_only: bool = True) -> KB:  # noqa: A001
    """Open a store (a folder, or the URL of a SPARQL endpoint) to ask it questions.

    An embedded store is opened read-only by default, so a notebook can query while a
    build or ``kbgraph serve`` uses the same folder.
    """
    from kbgraph.graph.store import open_store

    return KB(open_store(str(store_location), create=False, read_only=read_only))


__all__ = ["__version__", "KB", "open"]
