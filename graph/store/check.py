"""``kbgraph check --integrity``: is the embedded store what it says it is?

Three things, each named when it is wrong:

* **The format** recorded in the folder is the one this kbgraph writes.
* **The union view** (the default graph every query reads) is exactly the union of the
  named graphs without their provenance: no triple that no graph holds (a *stale*
  triple: what issue 19 found after editing two articles), none missing, no provenance
  in it, and no scratch graph of an interrupted write left behind. Compared by query,
  triple by triple.
* **The data files**: RocksDB keeps a checksum per block and verifies it on every read.
  pyoxigraph 0.5 has no ``Store.validate()``, so the check reads every quad through
  the indexes the API can reach whole (every quad in subject order, every named graph
  in graph order, every predicate in predicate order) and every string they name; a
  block that does not match its checksum is named with its file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pyoxigraph as ox

from kbgraph.ontology.namespaces import PROVENANCE_IRI_PREFIXES

from .base import NOT_PROVENANCE, SCRATCH_GRAPH
from .embedded import (
    FORMAT_FILE,
    STORE_FORMAT,
    EmbeddedStore,
    memory_watchdog,
)

__all__ = ["StoreCheck", "check_store"]

#: How many offending triples a problem names (the count says how many there are).
SHOWN = 5

_STALE = "SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }"
_MISSING = ("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } " + NOT_PROVENANCE +
            " FILTER NOT EXISTS { ?s ?p ?o } }")
_PROVENANCE_IN_VIEW = ("SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER(isIRI(?s) && (" + " || ".join(
    f'STRSTARTS(STR(?s), "{p}")' for p in PROVENANCE_IRI_PREFIXES) + ")) }")
_FILE = re.compile(r"[\w./-]*\.(?:sst|log|blob)\b|MANIFEST-\d+")


@dataclass
class StoreCheck:
    """What :func:`check_store` found; ``problems`` empty when all is well."""

    location: str
    problems: list[str] = field(default_factory=list)
    quads_read: int = 0
    view_triples: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        if self.ok:
            return (f"store {self.location}: format {STORE_FORMAT}; the union view ({self.view_triples:,} triples) "
                    f"is exactly the union of the named graphs without their provenance; "
                    f"{self.quads_read:,} quads read through the SPO, GSPO and POS indexes, every block's checksum verified")
        return f"store {self.location}: {len(self.problems)} problem(s)"


def check_store(store: EmbeddedStore) -> StoreCheck:
    """Check the store's format, its union view and its data files; see the module docstring."""
    result = StoreCheck(store.location)
    if store.format != STORE_FORMAT:
        result.problems.append(f"the store format is {store.format}, this kbgraph writes {STORE_FORMAT} "
                               f"({FORMAT_FILE}): rebuild it with --force")
    ox_store = store.ox_store
    try:
        with memory_watchdog(store.location):
            _check_files(ox_store, result)
    except RuntimeError as exc:
        result.problems.append(_damage(exc))
        return result  # the view cannot be trusted to be read either
    except BaseException as exc:  # pyo3's PanicException: data Oxigraph cannot decode
        if type(exc).__name__ != "PanicException":
            raise
        result.problems.append(_damage(exc))
        return result
    with memory_watchdog(store.location):
        _check_view(ox_store, result)
    return result


def _damage(exc: BaseException) -> str:
    msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    files = sorted(set(_FILE.findall(msg)))
    where = f" in {', '.join(files)}" if files else ""
    return f"damaged data{where}: {msg} (restore the store from a backup, or rebuild it in a new folder)"


def _check_files(ox_store: ox.Store, result: StoreCheck) -> None:
    """Read every quad through the indexes the API reaches whole (RocksDB verifies each
    block's checksum as it reads it) and decode every term (the string table)."""
    predicates: set[ox.NamedNode] = set()
    view = 0
    n = 0
    for q in ox_store.quads_for_pattern(None, None, None, None):
        n += 1
        predicates.add(q.predicate)
        if isinstance(q.graph_name, ox.DefaultGraph):
            view += 1
    for g in ox_store.named_graphs():  # graph order
        for _ in ox_store.quads_for_pattern(None, None, None, g):
            n += 1
    for p in sorted(predicates, key=str):  # predicate order, named graphs and the view
        for _ in ox_store.quads_for_pattern(None, p, None, None):
            n += 1
    result.quads_read = n
    result.view_triples = view


def _check_view(ox_store: ox.Store, result: StoreCheck) -> None:
    if ox_store.contains_named_graph(ox.NamedNode(SCRATCH_GRAPH.strip("<>"))):
        result.problems.append(f"the scratch graph {SCRATCH_GRAPH} of a write was left behind")
    for what, sparql in (
        ("in the union view but in no named graph (stale)", _STALE),
        ("in a named graph but missing from the union view", _MISSING),
        ("provenance in the union view (it belongs in the article graphs only)", _PROVENANCE_IN_VIEW),
    ):
        rows = [tuple(sol) for sol in ox_store.query(sparql)]
        if rows:
            shown = "; ".join(" ".join(str(t) for t in row) for row in rows[:SHOWN])
            more = f" (and {len(rows) - SHOWN:,} more)" if len(rows) > SHOWN else ""
            result.problems.append(f"{len(rows):,} triple(s) {what}: {shown}{more}")
