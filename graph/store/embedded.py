"""The embedded store: Oxigraph in a folder on disk (RocksDB), the default.

Researchers build once and query many times, so the default store is pyoxigraph on
disk (``./kbgraph-data``): fast SPARQL, no server to run. It keeps the union of the
article graphs as a real, deduplicated default graph, maintained in the same
transaction as every write (a triple leaves it only when no named graph holds it any
more): Oxigraph's on-the-fly union repeats a triple once per graph that holds it, and
an entity described in N articles then multiplies every join by N; the maintained
view keeps queries as fast at 10,000 articles as at ten. The interface it implements
is :class:`kbgraph.graph.store.base.Store`.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import URIRef

from kbgraph.errors import InputError, QueryError, StoreError
from kbgraph.ontology.namespaces import PREFIXES

from .atomic import write_file
from .base import VIEW_RETRACT, Bindings, Store, solution_rows
from .terms import inject_values, to_ntriples, to_ox

__all__ = ["EmbeddedStore", "REVISION_FILE", "CACHE_DIR"]


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
        _check_folder(self.path, create=create, read_only=read_only)
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
        self._update(VIEW_RETRACT.format(g=to_ntriples(graph_iri)))
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


def _check_folder(path: Path, *, create: bool, read_only: bool = False) -> None:
    """Refuse a folder that holds other files, so ``--store .`` cannot litter a project;
    refuse to open for reading only a folder that holds no store yet."""
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path} is a file, not a store folder", hint="give --store a folder")
    entries = [p.name for p in path.iterdir()] if path.is_dir() else []
    if entries and not any(m in entries for m in _ROCKSDB_MARKERS):
        raise StoreError(
            f"{path} is not a kbgraph store (it holds other files)",
            hint="choose a new or empty folder for --store",
        )
    if (not path.is_dir() and not create) or (read_only and not entries):
        raise StoreError(
            f"no store at {path}",
            hint=f"build one first: kbgraph build PATH --store {path}",
        )
