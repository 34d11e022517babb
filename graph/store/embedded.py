"""One store interface over an embedded on-disk Oxigraph store or a remote SPARQL 1.1 server.

Researchers build once and query many times, so the default store is pyoxigraph on
disk (``./kbgraph-data``): fast SPARQL, no server to run. A team shares a graph on a
server (Oxigraph, Fuseki, GraphDB, Virtuoso), so the same interface also speaks the
SPARQL 1.1 Protocol to a URL (:mod:`kbgraph.graph.store.remote`).

Both see the **union of all named graphs** as the default graph: every article owns
its named graph, and queries must not care which. Results come back as rdflib terms.
The embedded store keeps that union as a real, deduplicated default graph, maintained
in the same transaction as every write (a triple leaves it only when no named graph
holds it any more). Oxigraph's on-the-fly union repeats a triple once per graph that
holds it, and an entity described in N articles then multiplies every join by N; the
maintained view keeps queries as fast at 10,000 articles as at ten. The remote store
relies on the server's own union default graph instead.
Writes go through :meth:`Store.write`, one transaction per call, so an article is
either wholly in the store or not at all.

Typical use::

    with open_store("kbgraph-data") as store:
        rows = store.select("SELECT ?m WHERE { ?m a kb:Meeting }").rows
"""

from __future__ import annotations

import os
import time
import uuid
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.term import Identifier, Node

from kbgraph.errors import InputError, QueryError, StoreError
from kbgraph.ontology.namespaces import PREFIXES, bind_prefixes, short_hash

from .atomic import write_file
from .terms import from_ox, inject_values, ntriples_of, to_ntriples, to_ox

__all__ = ["Store", "EmbeddedStore", "SelectResult", "sparql_asset"]

Bindings = Mapping[str, Identifier] | None

#: The graph layer's own data files (``graph/assets/``): SPARQL, the page's script and style.
ASSETS = Path(__file__).resolve().parent.parent / "assets"

#: Serializations :meth:`Store.dump` writes, and whether they carry graph names.
DUMP_FORMATS: dict[str, tuple[ox.RdfFormat, bool]] = {
    "nq": (ox.RdfFormat.N_QUADS, True),
    "trig": (ox.RdfFormat.TRIG, True),
    "nt": (ox.RdfFormat.N_TRIPLES, False),
    "ttl": (ox.RdfFormat.TURTLE, False),
}


def sparql_asset(name: str) -> str:
    """The text of ``graph/assets/<name>.rq`` (the graph layer's own SPARQL, kept as data)."""
    return (ASSETS / f"{name}.rq").read_text(encoding="utf-8")


@dataclass
class SelectResult:
    """Rows of a SELECT: ``variables`` in projection order, cells rdflib terms or None."""

    variables: list[str]
    rows: list[tuple[Identifier | None, ...]] = field(default_factory=list)

    def __iter__(self) -> Iterator[tuple[Identifier | None, ...]]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def to_dicts(self) -> list[dict[str, Identifier | None]]:
        """One dict per row, every variable a key (None when unbound)."""
        return [dict(zip(self.variables, row)) for row in self.rows]

    def to_dataframe(self, *, python_values: bool = True) -> Any:
        """A pandas DataFrame (pandas is optional: ``pip install kbgraph[pandas]``).

        With ``python_values`` literals become Python values (int, date, str) and IRIs
        strings, which is what pandas users expect; otherwise cells are rdflib terms.
        """
        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise StoreError("pandas is not installed", hint="pip install 'kbgraph[pandas]'") from exc
        rows = self.rows
        if python_values:
            rows = [tuple(None if c is None else c.toPython() for c in row) for row in rows]
            rows = [tuple(str(c) if isinstance(c, URIRef) else c for c in row) for row in rows]
        return pd.DataFrame.from_records(rows, columns=self.variables)


class Store(ABC):
    """The operations every part of kbgraph uses; see :func:`open_store`."""

    location: str
    #: True when the store keeps the union of its named graphs as its default graph.
    maintains_union_view: bool = False

    # -- primitives each backend provides (pyoxigraph terms in, pyoxigraph terms out) --

    @abstractmethod
    def _select_ox(self, sparql: str, bindings: Bindings) -> tuple[list[str], list[tuple]]:
        ...

    @abstractmethod
    def _construct_ox(self, sparql: str, bindings: Bindings) -> list[ox.Triple]:
        ...

    @abstractmethod
    def _ask(self, sparql: str, bindings: Bindings) -> bool:
        ...

    @abstractmethod
    def _update(self, sparql: str) -> None:
        """Run one SPARQL Update request, as one transaction."""

    @abstractmethod
    def _quads_ox(self) -> Iterable[ox.Quad]:
        ...

    @abstractmethod
    def graphs(self) -> list[URIRef]:
        """The named graphs, sorted."""

    def close(self) -> None:
        """Release the store (the embedded store's lock)."""

    # -- the public interface ---------------------------------------------------------

    def select(self, sparql: str, bindings: Bindings = None) -> SelectResult:
        """Run a SELECT; ``bindings`` bind variables to RDF terms (never pasted as text)."""
        variables, rows = self._select_ox(sparql, bindings)
        return SelectResult(variables, convert_rows(rows))

    def construct(self, sparql: str, bindings: Bindings = None) -> Graph:
        """Run a CONSTRUCT (or DESCRIBE) into an rdflib Graph with kbgraph's prefixes."""
        g = Graph()
        bind_prefixes(g)
        for t in self._construct_ox(sparql, bindings):
            g.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))
        return g

    def ask(self, sparql: str, bindings: Bindings = None) -> bool:
        """Run an ASK."""
        return self._ask(sparql, bindings)

    def write(self, replace: Mapping[URIRef, str], drop: Iterable[URIRef] = (), *,
              new: bool = False) -> None:
        """Replace graphs by N-Triples text and drop others, all in **one transaction**.

        ``replace`` maps a graph IRI to its new content as N-Triples (as produced by
        :func:`kbgraph.graph.store.terms.ntriples_of`); the old content is removed first. Blank
        nodes in the text become fresh blank nodes. Either all of it happens or none.
        ``new=True`` promises that none of the graphs exists yet, so old content need
        not be looked for (the embedded store then loads N-Quads: the fast path).
        """
        drop = set(drop)
        if new and not drop:
            if any(nt.strip() for nt in replace.values()):
                self._insert_new({g: nt for g, nt in replace.items() if nt.strip()})
            return
        ops = []
        if self.maintains_union_view:  # triples only the outgoing graphs held leave the view
            ops += [_VIEW_RETRACT.format(g=to_ntriples(g))
                    for g in sorted(drop | set(replace))]
        ops += [f"DROP SILENT GRAPH {to_ntriples(g)}"
                for g in sorted(drop | {g for g, nt in replace.items() if not nt.strip()})]
        ops += [f"DELETE WHERE {{ GRAPH {to_ntriples(g)} {{ ?s ?p ?o }} }}"
                for g, nt in sorted(replace.items()) if nt.strip() and g not in drop]
        blocks = [f"GRAPH {to_ntriples(g)} {{\n{nt}}}" for g, nt in sorted(replace.items()) if nt.strip()]
        if blocks and self.maintains_union_view:  # same operation: same blank nodes
            blocks += [nt for g, nt in sorted(replace.items()) if nt.strip()]
        if blocks:
            ops.append("INSERT DATA {\n" + "\n".join(blocks) + "\n}")
        if ops:
            self._update(" ;\n".join(ops))

    def _insert_new(self, graphs: Mapping[URIRef, str]) -> None:
        """Add graphs that do not exist yet (one transaction)."""
        blocks = [f"GRAPH {to_ntriples(g)} {{\n{nt}}}" for g, nt in sorted(graphs.items())]
        self._update("INSERT DATA {\n" + "\n".join(blocks) + "\n}")

    def replace_graph(self, graph_iri: URIRef, graph: Graph) -> None:
        """Make ``graph_iri`` hold exactly the triples of ``graph`` (one transaction)."""
        self.write({graph_iri: ntriples_of(graph, bnode_prefix="g" + short_hash(graph_iri))})

    def drop_graph(self, graph_iri: URIRef) -> None:
        """Remove a named graph (no error if it is absent)."""
        self.write({}, drop=[graph_iri])

    def graph_ntriples(self, graph_iri: URIRef) -> str:
        """Sorted N-Triples of one named graph (used to compare it with a file)."""
        triples = self._construct_ox(
            "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": graph_iri}
        )
        return "".join(sorted(f"{t} .\n" for t in triples))

    def quads(self) -> Iterator[tuple[Node, Node, Node, Node | None]]:
        """Every quad as rdflib terms (graph None for the default graph), sorted."""
        for q in _sorted_quads(self._quads_ox()):
            yield from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), from_ox(q.graph_name)

    def to_dataset(self) -> Dataset:
        """The whole store as an rdflib Dataset (in memory: for small stores and tests)."""
        ds = Dataset()
        bind_prefixes(ds)
        for s, p, o, g in self.quads():
            ds.add((s, p, o, g if g is not None else ds.default_graph.identifier))
        return ds

    def dump(self, fmt: str = "nq") -> bytes:
        """Serialize the store: ``nq``/``trig`` keep graph names, ``nt``/``ttl`` the union.

        Output is sorted, so the same store always dumps to the same bytes.
        """
        try:
            rdf_format, with_graphs = DUMP_FORMATS[fmt]
        except KeyError:
            raise StoreError(f"unknown dump format {fmt!r}; expected one of {sorted(DUMP_FORMATS)}") from None
        quads = _sorted_quads(self._quads_ox())
        if with_graphs:
            items: list = quads
        else:
            seen: dict[str, ox.Triple] = {}
            for q in quads:
                t = q.triple
                seen.setdefault(str(t), t)
            items = [seen[k] for k in sorted(seen)]
        prefixes = PREFIXES if fmt in ("ttl", "trig") else None
        return ox.serialize(items, format=rdf_format, prefixes=prefixes)

    def count_quads(self) -> int:
        """How many quads the named graphs hold."""
        rows = self._select_ox("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", None)[1]
        return int(rows[0][0].value) if rows and rows[0][0] is not None else 0

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.location}>"


def convert_rows(rows: Iterable[tuple]) -> list[tuple]:
    """pyoxigraph rows as rdflib terms, each distinct term converted once.

    Results repeat their IRIs (types, predicates, the entities every article mentions)
    and rdflib validates every IRI and parses every typed literal it makes: at 10,000
    articles the conversion took a sixth of the network projection.
    """
    memo: dict[Any, Identifier | None] = {}

    def convert(term: Any) -> Identifier | None:
        try:
            return memo[term]
        except KeyError:
            memo[term] = value = from_ox(term)
            return value

    return [tuple(convert(c) for c in row) for row in rows]


def solution_rows(result: Any) -> tuple[list[str], list[tuple]]:
    """Variable names and rows of pyoxigraph SELECT results (embedded or parsed remote)."""
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("not a SELECT query")
    variables = [v.value for v in result.variables]
    return variables, [tuple(sol[i] for i in range(len(variables))) for sol in result]


def _sorted_quads(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """Quads sorted by graph, subject, predicate, object (their N-Triples forms)."""
    keyed = [((str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)), q) for q in quads]
    keyed.sort(key=lambda kq: kq[0])
    return [q for _, q in keyed]


def _ox_bindings(bindings: Bindings) -> dict[ox.Variable, Any]:
    return {ox.Variable(k): to_ox(v) for k, v in (bindings or {}).items()}


def _open_read_only(path: Path, attempts: int = 40) -> ox.Store:
    """Open a store read-only, also while a build writes to it.

    A writer's compaction can delete a table file between the moment a read-only
    instance reads the file list and the moment it opens the file; RocksDB then reports
    a missing ``.sst``. That is a race, not damage: try again on a fresh file list.
    """
    for attempt in range(attempts):
        try:
            return ox.Store.read_only(str(path))
        except (OSError, RuntimeError) as exc:  # RuntimeError: RocksDB's "Corruption: IO error"
            if attempt == attempts - 1 or "No such file or directory" not in str(exc):
                raise
            time.sleep(0.05)
    raise AssertionError("unreachable")


#: The file in a store folder that names the store's current content (see :attr:`EmbeddedStore.revision`).
REVISION_FILE = "kbgraph-revision"
#: The folder in a store folder for results derived from one revision (the network projection).
CACHE_DIR = "kbgraph-cache"


class EmbeddedStore(Store):
    """An Oxigraph store in a folder on disk (RocksDB), opened by this process alone."""

    maintains_union_view = True

    def __init__(self, path: str | os.PathLike[str], *, create: bool = True, read_only: bool = False):
        self.path = Path(path)
        self.location = str(self.path)
        self.read_only = read_only
        self._changed = False
        _check_folder(self.path, create=create)
        try:
            self._ox: ox.Store | None = (
                _open_read_only(self.path) if read_only else ox.Store(str(self.path))
            )
            if not read_only:  # holding the lock now: no bulk load of ours is running
                _remove_bulk_files(self.path)
        except (OSError, RuntimeError) as exc:  # RuntimeError: a store still being created
            msg = str(exc)
            if "lock" in msg.lower() or "temporarily unavailable" in msg.lower():
                raise StoreError(
                    f"the store {self.location} is in use by another process",
                    hint="wait for the running build, server or notebook to finish, "
                    "or use --store with another folder",
                ) from None
            raise StoreError(f"cannot open the store {self.location}: {msg}") from None

    @property
    def ox_store(self) -> ox.Store:
        """The underlying pyoxigraph Store (for fast paths such as bulk export)."""
        if self._ox is None:
            raise StoreError(f"the store {self.location} is closed")
        return self._ox

    def close(self) -> None:
        if self._ox is not None:
            try:
                self._ox.flush()
            except (OSError, RuntimeError):  # a read-only store cannot flush
                pass
            self._ox = None  # dropping the last reference releases the RocksDB lock
            if not self.read_only and (self._changed or self.revision is None):
                self._new_revision()

    # -- the revision: what derived results (a cached projection) are keyed by ----------

    @property
    def revision(self) -> str | None:
        """An opaque name for the store's content, new after every session that wrote it.

        None while a writer is at work (its first write removes the name; closing
        names the new content) and after a writer died: results derived from the store
        are then computed afresh, never taken from a cache of other content. Writes
        from outside kbgraph (another program opening the folder) are not seen.
        """
        try:
            return (self.path / REVISION_FILE).read_text(encoding="ascii").strip() or None
        except (OSError, UnicodeDecodeError):
            return None

    @property
    def cache_dir(self) -> Path:
        """Where results derived from one :attr:`revision` are kept."""
        return self.path / CACHE_DIR

    def seal(self) -> str | None:
        """Name the content as it is now (the end of a build) and return the name, so that
        what was derived from it can be kept; a later write in this session un-names it."""
        if self.read_only:
            return self.revision
        if self._changed or self.revision is None:
            try:
                self.ox_store.flush()
            except (OSError, RuntimeError):
                pass
            self._new_revision()
            self._changed = False
        return self.revision

    def _will_change(self) -> None:
        """Forget the revision before the first write of this session."""
        if not self._changed:
            (self.path / REVISION_FILE).unlink(missing_ok=True)
            self._changed = True

    def _new_revision(self) -> None:
        try:
            write_file(self.path / REVISION_FILE, (uuid.uuid4().hex + "\n").encode("ascii"))
        except InputError:  # a store on a read-only medium: no revision, no cache
            pass

    def clear(self) -> None:
        """Empty the store (every graph and the view)."""
        self._will_change()
        try:
            self.ox_store.clear()
        except OSError as exc:
            raise StoreError(f"writing the store {self.location} failed: {exc}") from None

    def _query(self, sparql: str, bindings: Bindings) -> Any:
        """Run a query over the maintained union view; bindings by pyoxigraph substitution.

        pyoxigraph 0.5 substitutes only variables a SELECT projects; for any other
        binding (an ASK, a CONSTRUCT, a FILTER-only parameter) the same terms go in a
        VALUES block at the head of the WHERE group, as for a remote server.
        """
        store = self.ox_store
        try:
            if bindings:
                try:
                    return store.query(
                        sparql, prefixes=PREFIXES,
                        substitutions=_ox_bindings(bindings),
                    )
                except RuntimeError as exc:
                    if "projection" not in str(exc):
                        raise
                    sparql = inject_values(sparql, bindings)
            return store.query(sparql, prefixes=PREFIXES)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from None
        except (RuntimeError, ValueError) as exc:
            raise QueryError(f"SPARQL query failed: {exc}") from None
        except OSError as exc:
            raise StoreError(f"reading the store {self.location} failed: {exc}") from None

    def _select_ox(self, sparql: str, bindings: Bindings) -> tuple[list[str], list[tuple]]:
        return solution_rows(self._query(sparql, bindings))

    def _construct_ox(self, sparql: str, bindings: Bindings) -> list[ox.Triple]:
        result = self._query(sparql, bindings)
        if not isinstance(result, ox.QueryTriples):
            raise QueryError("not a CONSTRUCT or DESCRIBE query")
        return list(result)

    def _ask(self, sparql: str, bindings: Bindings) -> bool:
        result = self._query(sparql, bindings)
        if not isinstance(result, ox.QueryBoolean):
            raise QueryError("not an ASK query")
        return bool(result)

    def _update(self, sparql: str) -> None:
        self._will_change()
        try:
            self.ox_store.update(sparql)
        except SyntaxError as exc:  # our own update text: a bug, but say what happened
            raise StoreError(f"invalid SPARQL update: {exc}") from None
        except OSError as exc:
            raise StoreError(f"writing the store {self.location} failed: {exc}") from None

    def _quads_ox(self) -> Iterable[ox.Quad]:
        """The named graphs' quads (the default graph is only their derived union)."""
        return [q for q in self.ox_store.quads_for_pattern(None, None, None, None)
                if not isinstance(q.graph_name, ox.DefaultGraph)]

    def _insert_new(self, graphs: Mapping[URIRef, str]) -> None:
        """Load new graphs as N-Quads with Oxigraph's bulk loader, whole graphs per call.

        The bulk loader writes sorted files and ingests them into every index at once:
        2–3× faster than a transaction, and still all-or-nothing for one call below its
        batch size (one RocksDB ingestion across all column families), which a crash
        test checks. Calls are kept well below that size and never split a graph.
        """
        self._will_change()
        try:
            for chunk in _chunks(sorted(graphs.items()), BULK_LINES):
                data = "".join(_as_nquads(g, nt) for g, nt in chunk)
                # the union view: the same lines without a graph name (one document, so
                # blank node labels denote the same nodes in both)
                data += "".join(nt if nt.endswith("\n") else nt + "\n" for _, nt in chunk)
                self.ox_store.bulk_load(data.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
        except SyntaxError as exc:
            raise StoreError(f"invalid N-Triples for the store: {exc}") from None
        except OSError as exc:
            _remove_bulk_files(self.path)
            raise StoreError(f"writing the store {self.location} failed: {exc}") from None

    def graphs(self) -> list[URIRef]:
        return sorted(URIRef(g.value) for g in self.ox_store.named_graphs() if isinstance(g, ox.NamedNode))

    def refresh_view(self) -> None:
        """Rebuild the union view from the named graphs (after loading quads directly
        into :attr:`ox_store`, or to upgrade a store written before the view existed)."""
        self._update("DROP SILENT DEFAULT ;\n"
                     "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")

    def put_graph_exact(self, graph_iri: URIRef, triples: Iterable[ox.Triple]) -> None:
        """Replace a graph keeping blank node labels as given (two transactions).

        Used for the ontology, whose blank nodes are canonically labelled so that two
        builds write byte-identical stores. A crash between the two steps leaves the
        graph empty, which the next build notices and repairs.
        """
        g = ox.NamedNode(str(graph_iri))
        store = self.ox_store
        self._will_change()
        self._update(_VIEW_RETRACT.format(g=to_ntriples(graph_iri)))
        triples = list(triples)
        try:
            store.remove_graph(g)
            store.extend(ox.Quad(t.subject, t.predicate, t.object, g) for t in triples)
            store.extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples)
        except OSError as exc:  # a full disk: one line, like every other write
            raise StoreError(f"writing the store {self.location} failed: {exc}") from None

    def dump(self, fmt: str = "nq") -> bytes:
        if fmt == "nq":  # the fast path: let Oxigraph write, then sort the lines
            raw = ox.serialize(self._quads_ox(), format=ox.RdfFormat.N_QUADS)
            return b"".join(sorted(raw.splitlines(keepends=True)))
        return super().dump(fmt)


def _remove_bulk_files(folder: Path) -> None:
    """Delete the sorted files a failed or killed bulk load left (``bulk-*.sst``).

    Oxigraph's bulk loader writes them next to the database and has RocksDB ingest
    them; once ingested they live on under RocksDB's own numbered names, so a file
    still called ``bulk-…`` belongs to a load that did not finish (a full disk, a
    kill). Called only by the process that holds the store's lock.
    """
    for leftover in folder.glob("bulk-*.sst"):
        try:
            leftover.unlink()
        except OSError:
            pass


#: Most N-Quads lines per bulk load: Oxigraph ingests up to a million quads as one batch.
BULK_LINES = 200_000


def _chunks(graphs: list[tuple[URIRef, str]], limit: int) -> Iterator[list[tuple[URIRef, str]]]:
    """Groups of whole graphs of at most ``limit`` lines each (named + view), one
    oversized graph alone."""
    chunk: list[tuple[URIRef, str]] = []
    size = 0
    for g, nt in graphs:
        lines = 2 * nt.count("\n")
        if chunk and size + lines > limit:
            yield chunk
            chunk, size = [], 0
        chunk.append((g, nt))
        size += lines
    if chunk:
        yield chunk


#: Remove from the union view the triples that graph {g} holds and no other graph does.
_VIEW_RETRACT = (
    "DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} "
    "FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {g}) }} }}"
)


def _as_nquads(graph_iri: URIRef, ntriples: str) -> str:
    """N-Triples lines (``s p o .``) put in a graph: ``s p o <g> .``.

    Text from :func:`~kbgraph.graph.store.terms.ntriples_of` ends every line with `` .\n``
    and has no other raw newline (N-Triples escapes them), so one ``replace`` does it;
    anything else goes line by line.
    """
    g = to_ntriples(graph_iri)
    if ntriples.endswith(" .\n") and ntriples.count("\n") == ntriples.count(" .\n"):
        return ntriples.replace(" .\n", f" {g} .\n")
    out = []
    for line in ntriples.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not line.endswith("."):
            raise SyntaxError(f"not an N-Triples line: {line[:80]!r}")
        out.append(f"{line[:-1].rstrip()} {g} .\n")
    return "".join(out)


_ROCKSDB_MARKERS = ("CURRENT", "IDENTITY")


def _check_folder(path: Path, *, create: bool) -> None:
    """Refuse a folder that holds other files, so ``--store .`` cannot litter a project."""
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path} is a file, not a store folder", hint="give --store a folder")
    if path.is_dir():
        entries = [p.name for p in path.iterdir()]
        if entries and not any(m in entries for m in _ROCKSDB_MARKERS):
            raise StoreError(
                f"{path} is not a kbgraph store (it holds other files)",
                hint="choose a new or empty folder for --store",
            )
    elif not create:
        raise StoreError(
            f"no store at {path}",
            hint=f"build one first: kbgraph build PATH --store {path}",
        )
