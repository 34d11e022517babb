"""The embedded store: Oxigraph in a folder on disk (RocksDB), the default.

Researchers build once and query many times, so the default store is pyoxigraph on
disk (``./kbgraph-data``): fast SPARQL, no server to run. It keeps the union of the
article graphs as a real, deduplicated default graph, maintained in the same
transaction as every write (a triple leaves it only when no named graph holds it any
more): Oxigraph's on-the-fly union repeats a triple once per graph that holds it, and
an entity described in N articles then multiplies every join by N; the maintained
view keeps queries as fast at 10,000 articles as at ten. The interface it implements
is :class:`kbgraph.graph.store.base.Store`.

The view holds no provenance (evidence, sentences, mentions, statements:
``namespaces.PROVENANCE_KINDS``), which belongs to one article and deduplicates nothing;
questions about provenance read the article graphs (``GRAPH ?g``). A write collects the
triples of the graphs it replaces or drops in a scratch graph and, after the new content
is in, removes from the view those that no named graph holds any more: so the view is,
after any sequence of writes, exactly the union of the article graphs, and
:func:`kbgraph.graph.store.check.check_store` proves it.

The store folder records the store's format (:data:`FORMAT_FILE`): a store written by
an older kbgraph is refused (rebuild it with ``--force``), never half-read. A folder
that RocksDB cannot open as it was (its ``CURRENT`` file gone) is never re-created in
place: RocksDB would start an empty database there and delete the old data files.
"""

from __future__ import annotations

import os
import sys
import threading
import time
import uuid
from contextlib import contextmanager
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

import pyoxigraph as ox
from rdflib import URIRef

from kbgraph.errors import InputError, QueryError, StoreError
from kbgraph.ontology.namespaces import PREFIXES, PROVENANCE_IRI_PREFIXES

from .atomic import write_file
from .snapshot import READERS_DIR, make_snapshot, remove_dead_readers, remove_snapshot, remove_when_collected
from .base import NOT_PROVENANCE, VIEW_RETRACT, Bindings, Store, solution_rows, view_lines
from .terms import inject_values, to_ntriples, to_ox

__all__ = ["EmbeddedStore", "REVISION_FILE", "CACHE_DIR", "FORMAT_FILE", "STORE_FORMAT", "memory_watchdog"]


def _ox_bindings(bindings: Bindings) -> dict[ox.Variable, Any]:
    return {ox.Variable(k): to_ox(v) for k, v in (bindings or {}).items()}


T = TypeVar("T")
#: How often a read-only store's read is redone after a table file vanished under it.
READ_ATTEMPTS = 8


def _vanished(exc: BaseException) -> bool:
    """RocksDB's error for a table file deleted (by a writer's compaction) under a reader."""
    return "No such file or directory" in str(exc)


def _open_read_only(path: Path, attempts: int = 40) -> tuple[ox.Store, Path | None]:
    """Open a store read-only, also while a build writes to it: on a snapshot of its
    files (:mod:`.snapshot`, which says why), or on the folder itself where no snapshot
    can be made. Returns the store and the snapshot folder to remove when done.

    A writer's compaction can still delete a table file between the listing and the
    link; RocksDB then reports a missing ``.sst`` at open. That is a race, not damage:
    try again on a fresh listing.
    """
    for attempt in range(attempts):
        snap = make_snapshot(path)
        try:
            return ox.Store.read_only(str(snap or path)), snap
        except (OSError, RuntimeError) as exc:  # RuntimeError: RocksDB's "Corruption: IO error"
            if snap is not None:
                remove_snapshot(snap)
            if attempt == attempts - 1 or not _vanished(exc):
                raise
            time.sleep(0.05)
    raise AssertionError("unreachable")


#: The file in a store folder that names the store's current content (see :attr:`EmbeddedStore.revision`).
REVISION_FILE = "kbgraph-revision"
#: The file in a store folder that records the store's format (:data:`STORE_FORMAT`).
FORMAT_FILE = "kbgraph-format"
#: The format this kbgraph writes and reads. 1 (no file): Web Annotation targets with two
#: selectors per span, provenance in the union view. 2: the compact provenance model,
#: provenance in the article graphs only (docs/rdf-model.md).
STORE_FORMAT = 2
#: The folder in a store folder for results derived from one revision (the network projection).
CACHE_DIR = "kbgraph-cache"


class EmbeddedStore(Store):
    """An Oxigraph store in a folder on disk (RocksDB), opened by this process alone."""

    maintains_union_view = True

    def __init__(self, path: str | os.PathLike[str], *, create: bool = True, read_only: bool = False,
                 upgrade: bool = False):
        """``upgrade``: a store of an older format is emptied (to be rebuilt: ``build --force``)
        instead of refused."""
        self.path = Path(path)
        self.location = str(self.path)
        self.read_only = read_only
        self._changed = False
        self._snapshot: Path | None = None
        _check_folder(self.path, create=create, read_only=read_only)
        fresh = not (self.path / "CURRENT").exists()  # a new store (or one whose creation was cut short)
        if fresh and not read_only:
            # the format first: a creation killed midway leaves a folder that is new, not old
            self.path.mkdir(parents=True, exist_ok=True)
            self._write_format()
        try:
            self._ox: ox.Store | None = None
            if read_only:
                self._open_snapshot()
            else:
                self._ox = ox.Store(str(self.path))
                # holding the lock now: no bulk load of ours is running
                _remove_bulk_files(self.path)
                remove_dead_readers(self.path)
        except (OSError, RuntimeError) as exc:  # RuntimeError: a store still being created
            msg = str(exc)
            if "lock" in msg.lower() or "temporarily unavailable" in msg.lower():
                raise StoreError(
                    f"the store {self.location} is in use by another process",
                    hint="wait for the running build, server or notebook to finish, "
                    "or use --store with another folder",
                ) from None
            raise StoreError(f"cannot open the store {self.location}: {msg}",
                             hint="nothing was changed; `kbgraph check --store` names what is wrong") from None
        except BaseException as exc:  # pyo3's PanicException: RocksDB data Oxigraph cannot read
            if type(exc).__name__ != "PanicException":
                raise
            raise StoreError(f"cannot open the store {self.location}: it is damaged ({exc})",
                             hint="nothing was changed; restore it from a backup or rebuild it elsewhere") from None
        if not fresh or read_only:
            self._check_format(upgrade)

    # -- the store's format ------------------------------------------------------------

    @property
    def format(self) -> int:
        """The format recorded in the folder (1: written before formats were recorded)."""
        try:
            return int((self.path / FORMAT_FILE).read_text(encoding="ascii").split()[-1])
        except FileNotFoundError:
            return 1
        except (OSError, ValueError, IndexError):
            return 0  # unreadable: not a format this kbgraph knows

    def _write_format(self) -> None:
        try:
            write_file(self.path / FORMAT_FILE, f"kbgraph store format {STORE_FORMAT}\n".encode("ascii"))
        except InputError as exc:
            raise StoreError(f"writing the store {self.location} failed: {exc}") from None

    def _check_format(self, upgrade: bool) -> None:
        found = self.format
        if found == STORE_FORMAT:
            return
        if found < STORE_FORMAT and upgrade and not self.read_only:
            self.clear()  # the build that asked for it writes every article again
            self._write_format()
            return
        self._ox = None
        self._drop_snapshot()
        if found > STORE_FORMAT:
            raise StoreError(f"the store {self.location} was written by a newer kbgraph (store format {found}; "
                             f"this kbgraph reads format {STORE_FORMAT})", hint="upgrade kbgraph")
        what = "an older kbgraph" if found == 1 else "a kbgraph this one does not know"
        raise StoreError(
            f"the store {self.location} was built by {what} (store format {found or '?'}; this kbgraph "
            f"reads format {STORE_FORMAT}); nothing was read",
            hint=f"rebuild it: kbgraph build PATH --store {self.location} --force")

    @property
    def ox_store(self) -> ox.Store:
        """The underlying pyoxigraph Store (for fast paths such as bulk export)."""
        if self._ox is None:
            raise StoreError(f"the store {self.location} is closed")
        return self._ox

    def _open_snapshot(self) -> None:
        """(Re)open a read-only store on a fresh snapshot, the previous one removed."""
        self._ox = None
        self._drop_snapshot()
        self._ox, self._snapshot = _open_read_only(self.path)
        if self._snapshot is not None:
            self._finalizer = remove_when_collected(self, self._snapshot)

    def _drop_snapshot(self) -> None:
        if self._snapshot is not None:
            self._finalizer.detach()
            remove_snapshot(self._snapshot)
            self._snapshot = None

    def close(self) -> None:
        if self._ox is not None and self.read_only:
            self._ox = None  # before its files go
            self._drop_snapshot()
        if self._ox is not None:
            if not self.read_only:  # a read-only instance has nothing to flush, and asking
                # it to while a writer works on the folder can hang the next open
                try:
                    self._ox.flush()
                except (OSError, RuntimeError):
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

        Called inside :meth:`_reading`, whose :meth:`_guarded` turns the engine's errors
        into kbgraph's; only a syntax error is known here.

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

    def _reading(self, work: Callable[[], T]) -> T:
        """Run ``work`` (a read, results fully taken); on a read-only store, once more on a
        fresh open when a writer's compaction deleted a table file under it.

        A read-only RocksDB instance keeps the file list it opened with; a build's
        compaction may delete one of those files before a query reaches it ("No such
        file or directory" while iterating). That is a race, not damage: the store is
        opened again (on the current file list) and the read redone. Damage and runaway
        memory are :meth:`_guarded`'s.
        """
        for attempt in range(READ_ATTEMPTS):
            try:
                with self._guarded():
                    return work()
            except (OSError, RuntimeError) as exc:
                if not (self.read_only and _vanished(exc)):
                    raise
                if attempt == READ_ATTEMPTS - 1:
                    raise StoreError(f"reading the store {self.location} failed: {exc}",
                                     hint="a build compacted it faster than it could be read; "
                                     "try again") from None
                time.sleep(0.05 * attempt)
                self._open_snapshot()
        raise AssertionError("unreachable")

    def _select_ox(self, sparql: str, bindings: Bindings) -> tuple[list[str], list[tuple]]:
        return self._reading(lambda: solution_rows(self._query(sparql, bindings)))

    def _construct_ox(self, sparql: str, bindings: Bindings) -> list[ox.Triple]:
        def work() -> list[ox.Triple]:
            result = self._query(sparql, bindings)
            if not isinstance(result, ox.QueryTriples):
                raise QueryError("not a CONSTRUCT or DESCRIBE query")
            return list(result)

        return self._reading(work)

    @contextmanager
    def _guarded(self, doing: str = "reading") -> Iterator[None]:
        """The one place where the engine's errors become kbgraph's, for reads and updates.

        Results are read lazily: a damaged block shows while they are. RocksDB's
        checksum errors (RuntimeError "Corruption: ...") and Oxigraph's panics on data it
        cannot decode become one clear StoreError instead of a trace; any other engine
        error is the query's; a file error is the store's, named with what was being
        done (``doing``); a read whose memory runs away (pyoxigraph 0.5's aggregates
        retry a failing block forever) is stopped by :class:`_Watchdog` with one line.
        A table file that vanished under a read-only store goes up unchanged:
        :meth:`_reading` opens the store again."""
        try:
            with _WATCHDOG.watching(self.location):
                yield
        except (RuntimeError, ValueError, OSError) as exc:
            if self.read_only and _vanished(exc):
                raise
            if isinstance(exc, OSError):
                raise StoreError(f"{doing} the store {self.location} failed: {exc}") from None
            if isinstance(exc, RuntimeError) and _is_damage(exc):
                raise self._damaged(exc) from None
            raise QueryError(f"SPARQL query failed: {exc}") from None
        except BaseException as exc:
            if type(exc).__name__ != "PanicException":
                raise
            raise self._damaged(exc) from None

    def _damaged(self, exc: BaseException) -> StoreError:
        return StoreError(f"reading the store {self.location} failed: it is damaged ({str(exc).splitlines()[0]})",
                          hint="nothing was changed; `kbgraph check --store` names what is wrong")

    def _ask(self, sparql: str, bindings: Bindings) -> bool:
        def work() -> bool:
            result = self._query(sparql, bindings)
            if not isinstance(result, ox.QueryBoolean):
                raise QueryError("not an ASK query")
            return bool(result)

        return self._reading(work)

    def _update(self, sparql: str) -> None:
        self._will_change()
        try:
            with self._guarded("writing"):
                self.ox_store.update(sparql)
        except SyntaxError as exc:  # our own update text: a bug, but say what happened
            raise StoreError(f"invalid SPARQL update: {exc}") from None

    def _quads_ox(self) -> Iterable[ox.Quad]:
        """The named graphs' quads (the default graph is only their derived union)."""
        return self._reading(lambda: [q for q in self.ox_store.quads_for_pattern(None, None, None, None)
                                      if not isinstance(q.graph_name, ox.DefaultGraph)])

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
                # the union view: the same lines but the provenance, without a graph name
                # (one document, so blank node labels denote the same nodes in both)
                data += "".join(view_lines(nt) for _, nt in chunk)
                # kbgraph wrote this text itself (the mapping's checked IRIs, pyoxigraph's
                # escaping): lenient parsing skips the IRI validation (0.83× the CPU)
                self.ox_store.bulk_load(data.encode("utf-8"), format=ox.RdfFormat.N_QUADS, lenient=True)
        except SyntaxError as exc:
            raise StoreError(f"invalid N-Triples for the store: {exc}") from None
        except OSError as exc:
            _remove_bulk_files(self.path)
            raise StoreError(f"writing the store {self.location} failed: {exc}") from None

    def graphs(self) -> list[URIRef]:
        return self._reading(lambda: sorted(URIRef(g.value) for g in self.ox_store.named_graphs()
                                            if isinstance(g, ox.NamedNode)))

    def refresh_view(self) -> None:
        """Rebuild the union view from the named graphs (after loading quads directly
        into :attr:`ox_store`, or to upgrade a store written before the view existed)."""
        self._update("DROP SILENT DEFAULT ;\n"
                     f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {NOT_PROVENANCE} }}")

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
            store.extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples
                         if not (isinstance(t.subject, ox.NamedNode)
                                 and t.subject.value.startswith(PROVENANCE_IRI_PREFIXES)))
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


#: Most N-Quads lines per bulk load: Oxigraph ingests up to a million quads as one batch
#: (one bulk call costs 0.75× the CPU of 64-article batches; issue 18).
BULK_LINES = 500_000


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


class _Watchdog:
    """Ends the process with one clear line when memory runs away during a store read.

    pyoxigraph 0.5 evaluates an aggregate (``COUNT(*)`` over ``GRAPH ?g``) over a
    garbled data block by retrying the block forever, its memory growing until the
    kernel kills the process (23.7 GB in issue 19), and a running Oxigraph query cannot
    be stopped from Python. It releases the GIL while it works, so a thread can watch
    the resident memory and leave before the machine suffers: exit status 2, nothing
    half-written (a write in flight is one RocksDB transaction, as under kill -9).
    The bound: ``KBGRAPH_MEMORY_LIMIT`` (MiB), else 75% of the machine's memory.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.active: dict[int, str] = {}
        self.thread: threading.Thread | None = None

    @staticmethod
    def limit_mib() -> int:
        try:
            return max(64, int(os.environ["KBGRAPH_MEMORY_LIMIT"]))
        except (KeyError, ValueError):
            pass
        try:
            total_kib = int(next(line.split()[1] for line in open("/proc/meminfo", encoding="ascii")
                                 if line.startswith("MemTotal:")))
            return max(1024, int(total_kib * 0.75) // 1024)
        except (OSError, StopIteration, ValueError):
            return 1 << 30  # no /proc: no bound

    @staticmethod
    def rss_mib() -> int:
        try:
            with open("/proc/self/status", encoding="ascii") as f:
                return int(next(line.split()[1] for line in f if line.startswith("VmRSS:"))) // 1024
        except (OSError, StopIteration, ValueError):
            return 0

    @contextmanager
    def watching(self, location: str) -> Iterator[None]:
        key = threading.get_ident()
        with self.lock:
            self.active[key] = location
            if self.thread is None and os.path.exists("/proc/self/status"):
                self.thread = threading.Thread(target=self._loop, name="kbgraph-watchdog", daemon=True)
                self.thread.start()
        try:
            yield
        finally:
            with self.lock:
                self.active.pop(key, None)

    def _loop(self) -> None:
        limit = self.limit_mib()
        while True:
            time.sleep(0.1)
            if not self.active:
                continue
            rss = self.rss_mib()
            if rss > limit:
                location = next(iter(self.active.values()), "?")
                sys.stderr.write(
                    f"kbgraph: error: reading the store {location} used {rss:,} MiB (the bound is "
                    f"{limit:,} MiB, KBGRAPH_MEMORY_LIMIT): its data is probably damaged; nothing was "
                    f"changed (run `kbgraph check --integrity --store {location}`)\n")
                sys.stderr.flush()
                os._exit(2)


_WATCHDOG = _Watchdog()


def memory_watchdog(location: str):
    """A context in which a store read whose memory runs away ends the process with one
    line (see :class:`_Watchdog`)."""
    return _WATCHDOG.watching(location)


def _is_damage(exc: BaseException) -> bool:
    """RocksDB's words for data it cannot trust (a checksum, a missing or cut file)."""
    msg = str(exc)
    return any(w in msg for w in ("Corruption", "checksum mismatch", "truncated", "bad block",
                                  "No such file or directory"))


#: Files RocksDB keeps in a database folder (besides ``CURRENT``), and kbgraph's own.
#: Files that hold a RocksDB database's data (without ``CURRENT`` they are orphaned).
_DATA_FILES = ("MANIFEST-",)
_DATA_SUFFIXES = (".sst", ".log", ".blob")
#: Files a store folder has before its database holds anything (RocksDB's lock and info
#: log, kbgraph's own), or a creation cut short leaves.
_BARE_FILES = ("LOCK", "LOG", "IDENTITY", "OPTIONS-", FORMAT_FILE, REVISION_FILE, CACHE_DIR, READERS_DIR, ".")


def _check_folder(path: Path, *, create: bool, read_only: bool = False) -> None:
    """Refuse a folder that holds other files, so ``--store .`` cannot litter a project;
    a store folder RocksDB would re-create in place (its ``CURRENT`` file gone while its
    data files are there), which would lose its data; and, for reading only, a folder
    that holds no store yet."""
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path} is a file, not a store folder", hint="give --store a folder")
    if path.is_dir():
        entries = [p.name for p in path.iterdir()]
        if entries and "CURRENT" not in entries:
            if any(e.startswith(_DATA_FILES) or e.endswith(_DATA_SUFFIXES) for e in entries):
                raise StoreError(
                    f"the store {path} cannot be opened: RocksDB's CURRENT file is missing, so "
                    "opening it would start an empty database in its place; nothing was changed",
                    hint="restore the folder from a backup (its data files are still there), "
                    "or build a new store in another folder",
                )
            if not all(e.startswith(_BARE_FILES) for e in entries):
                raise StoreError(
                    f"{path} is not a kbgraph store (it holds other files)",
                    hint="choose a new or empty folder for --store",
                )
    if (not path.is_dir() and not create) or (read_only and not (path / "CURRENT").exists()):
        raise StoreError(
            f"no store at {path}",
            hint=f"build one first: kbgraph build PATH --store {path}",
        )
