"""Drive the loaders over files and folders and write each article's graph to the store.

What a researcher can rely on, and how it is done:

* **Idempotent and incremental.** Every article owns its named graph
  (``namespaces.article_graph(id)``) holding ``kb:contentHash``. One query reads all
  stored hashes first; an article whose hash is unchanged is not even extracted. On an
  embedded store the last build's index (:mod:`kbgraph.graph.store.build_index`) stands in
  for that query, and a file it shows unchanged is not even read. A
  changed article replaces its own graph only. An article whose id changed at the
  same source (an edited file without a URL: its id is a hash of the text) replaces
  the graph it superseded. ``prune=True`` also drops articles whose file is gone.
* **Atomic.** Each write is one transaction holding whole articles. A bad file or
  record is reported (file and reason) and skipped; the others load. ``strict=True``
  extracts everything first and writes nothing unless every article was good: the
  store stays exactly as it was.
* **Crash safe.** A build killed midway leaves only whole articles behind (RocksDB is
  transactional); the re-run skips them by hash and completes.
* **Both cores.** Extraction runs through the loaders' one pipeline
  (:func:`kbgraph.loaders.pipeline.extract_in_order`, which ``kbgraph evaluate`` runs
  too): in a process pool, in batches, in input order (so the result is
  deterministic); the parent reads files and writes the store.
"""

from __future__ import annotations

import functools
import os
import queue
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from rdflib import URIRef
from rdflib.term import Node

from kbgraph.loaders.model import Article
from kbgraph.loaders.pipeline import extract_in_order
from kbgraph.errors import InputError, KbgraphError
from kbgraph.loaders.read import real_path, source_key
from kbgraph.ontology.namespaces import LEXICON_GRAPH, ONTOLOGY_GRAPH, SHARED_GRAPHS, article_graph
from kbgraph.ontology.owl import ontology_ntriples, ontology_triples

from .build_index import BuildIndex, FileRecord, load_index, save_index
from .base import Store, sparql_asset
from .embedded import EmbeddedStore
from .terms import normalize_bnodes, ntriples_of

__all__ = ["build", "BuildReport", "BuildProgress", "Problem", "extract_graph", "ensure_ontology"]

#: Article → its named graph: N-Triples text, or triples (an rdflib Graph is one such iterable).
Extractor = Callable[[Article], "str | Iterable[tuple[Node, Node, Node]]"]
#: File → its articles and the errors of its records (the loaders' ``read_path``).
ReadPath = Callable[[Path], "tuple[list[Article], list[InputError]]"]

#: Articles per task sent to a worker process, and below how many articles to extract
#: the pool is not worth starting (spaCy loads in each worker).
BATCH = 8
POOL_THRESHOLD = 2 * BATCH
#: Extracted articles written per transaction at most, and the longest wait for a write:
#: few large transactions are much faster than many small ones (one bulk call of 64
#: articles cost 1.33× the CPU of one call for everything; issue 18).
WRITE_BATCH = 256
WRITE_EVERY = 5.0  # seconds


@dataclass(frozen=True)
class Problem:
    """A file, record or article that was not loaded, and why."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True)
class BuildProgress:
    """Where a build is: articles handled so far, and files fully handled of all files."""

    articles: int
    files_done: int
    files_total: int
    elapsed: float


@dataclass
class BuildReport:
    """What a build did. ``skipped`` counts files/records/articles not loaded."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    pruned: int = 0
    duplicates: int = 0
    extracted: int = 0  # articles run through the extractor (0 on an unchanged re-run)
    ontology_loaded: bool = False
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def articles(self) -> int:
        """Articles read from the input (loaded or unchanged)."""
        return self.added + self.updated + self.unchanged

    @property
    def ok(self) -> bool:
        return self.skipped == 0

    def summary(self) -> str:
        """One line: counts, time and rate."""
        per_s = self.extracted / self.seconds if self.extracted and self.seconds else 0.0
        rate = f", {per_s:.1f} articles/s" if per_s >= 1 else (f", {per_s:.2f} articles/s" if per_s else "")
        dup = f", {self.duplicates} duplicate" if self.duplicates else ""
        return (
            f"{self.articles} article{'' if self.articles == 1 else 's'}: {self.added} added, {self.updated} updated, "
            f"{self.unchanged} unchanged, {self.skipped} skipped, {self.pruned} pruned{dup} "
            f"in {self.seconds:.1f} s{rate}"
        )


# --------------------------------------------------------------------------- extraction

def extract_graph(article: Article) -> str:
    """The default extractor: the loaders' pipeline, article → its named graph as
    N-Triples text (the mapping writes text: no rdflib terms on the way)."""
    from kbgraph.loaders.pipeline import article_ntriples, extract_article

    return article_ntriples(extract_article(article))


def _read_path(path: Path) -> tuple[list[Article], list[InputError]]:
    from kbgraph.loaders.pipeline import read_path

    return read_path(path)


def _iter_sources(paths: Sequence[str | os.PathLike[str]], warnings: list[str],
                  problems: list[InputError], exclude: Sequence[str]) -> list[Path]:
    from kbgraph.loaders.pipeline import iter_sources

    return list(iter_sources(paths, warnings=warnings, problems=problems, exclude=exclude))


Outcome = tuple[str, str | None, str | None]  # (article id, N-Triples, error)


def _extract_batch(extractor: Extractor, articles: list[Article]) -> list[Outcome]:
    """Run in a worker: extract each article to sorted N-Triples, or say why not."""
    out: list[Outcome] = []
    for article in articles:
        try:
            graph = extractor(article)
            out.append((article.id, graph if isinstance(graph, str) else ntriples_of(graph), None))
        except KbgraphError as exc:
            out.append((article.id, None, _reason(exc)))
        except Exception as exc:  # a bug in extraction must not lose the other articles
            out.append((article.id, None, f"extraction failed ({type(exc).__name__}: {exc}); "
                                          "please report this as a kbgraph bug"))
    return out


def _reason(exc: KbgraphError) -> str:
    msg = exc.args[0] if exc.args else type(exc).__name__
    return f"{msg} ({exc.hint})" if exc.hint else str(msg)


# --------------------------------------------------------------------------- the store side

@dataclass(frozen=True)
class _Stored:
    hash: str | None
    source: str | None


class _Recorded(NamedTuple):
    """An article as the build index remembers it: what deciding to skip it needs."""

    id: str
    source: str
    content_hash: str


def _stored_articles(store: Store) -> dict[URIRef, _Stored]:
    """Every article graph's content hash and source path, in one query."""
    articles: set[URIRef] = set()
    hashes: dict[URIRef, str] = {}
    sources: dict[URIRef, str] = {}
    for g, h, src in store.select(sparql_asset("build-article-hashes")).rows:
        if not isinstance(g, URIRef) or g in SHARED_GRAPHS:
            continue
        if h is not None:
            hashes[g] = str(h)
        elif src is not None:
            sources[g] = str(src)
        else:
            articles.add(g)
    return {g: _Stored(hashes.get(g), sources.get(g)) for g in sorted(articles)}


def ensure_ontology(store: Store) -> bool:
    """Load the ontology into its graph unless the store already holds this version.

    Returns True when it was (re)loaded. Blank node labels differ between stores, so
    the comparison ignores them.
    """
    reference = ensure_reference(store)
    wanted = ontology_ntriples()
    if normalize_bnodes(store.graph_ntriples(ONTOLOGY_GRAPH)) == normalize_bnodes(wanted):
        return reference
    if isinstance(store, EmbeddedStore):
        store.put_graph_exact(ONTOLOGY_GRAPH, ontology_triples())
    else:
        store.write({ONTOLOGY_GRAPH: wanted})
    return True


def ensure_reference(store: Store) -> bool:
    """Write the lexicon's reference graph (names in time, renames with their sources:
    ``loaders/reference.py``) unless the store already holds this version."""
    from kbgraph.loaders.reference import reference_graph_ntriples

    wanted = reference_graph_ntriples()
    if store.graph_ntriples(LEXICON_GRAPH) == wanted:
        return False
    store.write({LEXICON_GRAPH: wanted})
    return True


def _file_of(source: str) -> Path:
    """The file of an article's source (``f.jsonl#L3`` → ``f.jsonl``)."""
    if "#" in source and not os.path.lexists(source):
        return Path(source.rsplit("#", 1)[0])
    return Path(source)


# --------------------------------------------------------------------------- build

class _Tracker:
    """Progress in files fully handled: a file is done when its last article is written."""

    def __init__(self, callback: Callable[[BuildProgress], None] | None, files_total: int):
        self.callback = callback
        self.files_total = files_total
        self.started = time.perf_counter()
        self.files_read = 0
        self.handled = 0
        self.pending: dict[int, int] = {}  # file number → its articles still being extracted
        self.last = 0.0

    def queued(self, file_no: int) -> None:
        self.pending[file_no] = self.pending.get(file_no, 0) + 1

    def file_read(self, file_no: int, handled: int) -> None:
        self.files_read = file_no + 1
        self.handled += handled
        self.emit(throttle=True)

    def batch_done(self, file_nos: list[int]) -> None:
        for f in file_nos:
            self.pending[f] -= 1
            if not self.pending[f]:
                del self.pending[f]
        self.handled += len(file_nos)
        self.emit()

    def emit(self, *, throttle: bool = False) -> None:
        now = time.perf_counter()
        if self.callback is None or (throttle and now - self.last < 0.2):
            return
        self.last = now
        done = min(self.pending) if self.pending else self.files_read
        self.callback(BuildProgress(self.handled, done, self.files_total, now - self.started))


class _Writer:
    """Store writes in a thread of their own, so the pool is fed while RocksDB writes.

    pyoxigraph releases the GIL while it writes. At most ``depth`` writes wait; an
    error in the writer is raised in the build at its next call.
    """

    def __init__(self, depth: int = 2):
        self.jobs: queue.Queue = queue.Queue(maxsize=depth)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._loop, name="kbgraph-writer", daemon=True)
        self.thread.start()

    def _loop(self) -> None:
        while True:
            job = self.jobs.get()
            if job is None:
                return
            if self.error is None:
                try:
                    job()
                except BaseException as exc:  # handed to the build thread
                    self.error = exc

    def _raise(self) -> None:
        if self.error is not None:
            raise self.error

    def submit(self, job: Callable[[], None]) -> None:
        self._raise()
        self.jobs.put(job)

    def close_quietly(self) -> None:
        """Stop after the writes already submitted (on the way out of a failed build)."""
        if self.thread.is_alive():
            self.jobs.put(None)
            self.thread.join()

    def close(self) -> None:
        """Wait for every write; raise the first error."""
        if self.thread.is_alive():
            self.jobs.put(None)
            self.thread.join()
        self._raise()


class _Run:
    """One build: the state shared by reading, extracting and writing."""

    def __init__(self, store: Store, files: list[Path], report: BuildReport, *, strict: bool,
                 force: bool, reader: ReadPath, tracker: _Tracker, index: BuildIndex | None = None):
        self.store, self.files, self.report = store, files, report
        self.strict, self.force, self.reader, self.tracker = strict, force, reader, tracker
        self.index = index
        self.stored = (
            {URIRef(g): _Stored(h, src) for g, (h, src) in sorted(index.stored.items())}
            if index is not None else _stored_articles(store)
        )
        self.records: dict[str, FileRecord] = dict(index.files) if index is not None else {}
        self.written: dict[URIRef, _Stored] = {}  # graphs this run wrote
        self.dropped: set[URIRef] = set()  # … and dropped
        self.seen: dict[str, str] = {}  # article id → source, this run
        # source (its file resolved: see loaders.read.source_key) → id of the article in
        # the store after the run
        self.present: dict[str, str] = {}
        self.kind: dict[str, str] = {}  # article id → "added" | "updated", for those extracted
        self.file_no: dict[str, int] = {}  # article id → number of its file, for those extracted
        self.clean_files: list[Path] = []  # files read without any error (resolved for --prune)
        self.new: dict[URIRef, str] = {}  # extracted, not yet written: graphs not in the store
        self.changed: dict[URIRef, str] = {}  # … and graphs that replace stored ones
        self.unwritten: list[int] = []  # the file numbers of the articles gathered so far
        self.last_write = time.perf_counter()
        self.writer = _Writer()

    def problem(self, source: str, reason: str) -> None:
        self.report.skipped += 1
        self.report.problems.append(Problem(source, reason))
        if self.strict:
            raise InputError(reason, source=source, hint="--strict: nothing was written")

    def to_extract(self) -> Iterator[list[Article]]:
        """Read every file; yield batches of the articles that need extracting."""
        batch: list[Article] = []
        for file_no, path in enumerate(self.files):
            st = _stat(path)
            if self._skip_unchanged(file_no, path, st):
                continue
            articles, errors = self.reader(path)
            if not errors:
                self.clean_files.append(path)
                if st is not None:  # stat before reading: a change meanwhile shows next time
                    self.records[_index_key(path)] = FileRecord(
                        st.st_size, st.st_mtime_ns, tuple((a.id, a.source, a.content_hash) for a in articles))
            else:
                self.records.pop(_index_key(path), None)
            for err in errors:
                self.problem(err.source or str(path), _reason(err))
            handled = len(errors)
            for article in articles:
                if not self._needs_extraction(article):
                    handled += 1
                    continue
                self.file_no[article.id] = file_no
                self.tracker.queued(file_no)
                batch.append(article)
                if len(batch) >= BATCH:
                    yield batch
                    batch = []
            self.tracker.file_read(file_no, handled)
        if batch:
            yield batch

    def _skip_unchanged(self, file_no: int, path: Path, st: os.stat_result | None) -> bool:
        """Handle a file the index shows unchanged without reading it; False: read it."""
        if self.index is None or st is None:
            return False
        rec = self.index.unchanged(Path(_index_key(path)), st)
        if rec is None:
            return False
        here: set[str] = set()
        for aid, source, h in rec.articles:
            if aid in self.seen or aid in here:  # a duplicate: never extracted either way
                continue
            here.add(aid)
            old = self.stored.get(article_graph(aid))
            if old is None or old.hash != h or not _same_source(old.source, source):
                return False
        self.clean_files.append(path)
        for rec_article in rec.articles:
            self._needs_extraction(_Recorded(*rec_article))  # False for each: counted, not read
        self.tracker.file_read(file_no, len(rec.articles))
        return True

    def _needs_extraction(self, article: Article | _Recorded) -> bool:
        report = self.report
        if article.id in self.seen:
            report.duplicates += 1
            report.warnings.append(f"{article.source}: the same article as {self.seen[article.id]}; loaded once")
            return False
        self.seen[article.id] = article.source
        old = self.stored.get(article_graph(article.id))
        if (old and old.hash == article.content_hash and _same_source(old.source, article.source)
                and not self.force):
            report.unchanged += 1
            self.present[source_key(article.source)] = article.id
            return False
        self.kind[article.id] = "updated" if old else "added"
        return True

    def write_batch(self, batch: list[Article], outcomes: list[Outcome]) -> None:
        """Take one batch of extractions; write when enough has gathered (strict: at the end)."""
        for article, (aid, nt, error) in zip(batch, outcomes):
            self.report.extracted += 1
            self.unwritten.append(self.file_no.pop(aid))
            if error is not None:
                del self.kind[aid]
                self.problem(article.source, error)
                continue
            target = self.new if self.kind[aid] == "added" else self.changed
            target[article_graph(aid)] = nt
            self.written[article_graph(aid)] = _Stored(article.content_hash, article.source)
            self.present[source_key(article.source)] = aid
            name = self.kind[aid]
            setattr(self.report, name, getattr(self.report, name) + 1)
        due = len(self.unwritten) >= WRITE_BATCH or time.perf_counter() - self.last_write >= WRITE_EVERY
        if due and not self.strict:
            self.flush()

    def flush(self) -> None:
        """Write what was gathered (in the writer thread): new graphs by the fast path,
        changed ones replaced; each call one transaction of whole articles."""
        new, changed, files = self.new, self.changed, self.unwritten
        store, tracker = self.store, self.tracker

        def job() -> None:
            if new:
                store.write(new, new=True)
            if changed:
                store.write(changed)
            tracker.batch_done(files)

        self.writer.submit(job)
        self.new, self.changed, self.unwritten = {}, {}, []
        self.last_write = time.perf_counter()

    def finish(self, prune: bool) -> None:
        """Drop superseded (and with ``prune``, gone) articles; strict: write everything."""
        drops = _superseded(self.stored, self.present, self.kind, self.report)
        if prune:
            clean = {_resolved(p) for p in self.clean_files}
            drops |= _gone(self.stored, self.seen, clean, drops, self.report)
        self.dropped = drops
        if not self.strict:
            self.flush()
            self.writer.close()
            if drops:
                self.store.write({}, drop=drops)
            return
        self.writer.close()
        self.report.ontology_loaded = ensure_ontology(self.store)
        if drops or self.changed:  # one transaction for all of it
            self.store.write({**self.new, **self.changed}, drop=drops)
        else:
            self.store.write(self.new, new=True)
        self.tracker.batch_done(self.unwritten)

    def save_index(self) -> None:
        """Leave the index of this build next to an embedded store, for the next one."""
        store = self.store
        if not isinstance(store, EmbeddedStore):
            return
        revision = store.seal()
        if revision is None:
            return
        stored = {g: v for g, v in self.stored.items() if g not in self.dropped}
        stored.update(self.written)
        save_index(store, revision, self.records, {str(g): (v.hash, v.source) for g, v in stored.items()})


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except OSError:  # gone meanwhile: reading it says so
        return None


def build(
    store: Store,
    paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    strict: bool = False,
    prune: bool = False,
    force: bool = False,
    progress: Callable[[BuildProgress], None] | None = None,
    workers: int | None = None,
    extractor: Extractor | None = None,
    reader: ReadPath | None = None,
    exclude: Sequence[str] = (),
) -> BuildReport:
    """Load the articles under ``paths`` into ``store``; see the module docstring.

    ``force`` re-extracts unchanged articles too (after a loader upgrade). ``workers``
    defaults to the number of CPUs. ``extractor`` (Article → its named graph) and
    ``reader`` (file → articles and errors) default to the loaders; tests inject their
    own. ``exclude`` holds glob patterns of files and folders to leave out
    (:func:`kbgraph.loaders.read.iter_sources`). An article's identity is its id and
    its file, however the file's path is spelled (``texts/a.txt`` and
    ``/home/…/texts/a.txt`` are the same source). Raises :class:`InputError` for a path
    that does not exist, and in ``strict`` mode for the first bad file or article
    (having written nothing).
    """
    report = BuildReport()
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    workers = max(1, workers if workers is not None else (os.cpu_count() or 1))
    found: list[InputError] = []  # special files, links out of the folder, unreadable folders
    files = _iter_sources(paths, report.warnings, found, exclude)  # raises before anything is written
    tracker = _Tracker(progress, len(files))
    # the last build's index lets unchanged files go unread (not with another reader)
    index = load_index(store) if isinstance(store, EmbeddedStore) and reader is None and not force else None
    run = _Run(store, files, report, strict=strict, force=force, reader=reader or _read_path,
               tracker=tracker, index=index)
    for err in found:
        run.problem(err.source or "", _reason(err))
    if not strict:
        report.ontology_loaded = ensure_ontology(store)
    try:
        work = functools.partial(_extract_batch, extractor or extract_graph)
        for batch, outcomes in extract_in_order(run.to_extract(), work, workers=workers,
                                                pool_threshold=POOL_THRESHOLD):
            run.write_batch(batch, outcomes)
        run.finish(prune)
        if force and isinstance(store, EmbeddedStore):
            store.refresh_view()  # --force repairs whatever the view held that no graph does
        if reader is None:
            run.save_index()
    finally:
        run.writer.close_quietly()
    report.seconds = time.perf_counter() - tracker.started
    tracker.emit()
    return report


def _superseded(stored: dict[URIRef, _Stored], present: dict[str, str], kind: dict[str, str],
                report: BuildReport) -> set[URIRef]:
    """Stored graphs whose source now yields another article id (e.g. an edited file).

    ``present`` maps the source of every article that is in the store after this run
    (written or unchanged) to its id; an article that failed keeps its old graph.
    """
    ids = {article_graph(aid) for aid in present.values()}
    drops: set[URIRef] = set()
    for g, old in stored.items():
        if g in ids or old.source is None:
            continue
        new_id = present.get(source_key(old.source))
        if new_id is None:
            continue
        drops.add(g)
        if kind.get(new_id) == "added":  # the new article replaces this one: an update
            kind[new_id] = "updated"
            report.added -= 1
            report.updated += 1
        else:
            report.pruned += 1
    return drops


def _gone(stored: dict[URIRef, _Stored], seen: dict[str, str], clean_files: set[Path],
          already: set[URIRef], report: BuildReport) -> set[URIRef]:
    """With --prune: graphs whose file is gone, or whose file no longer holds them.

    Gone means the system says there is no such file; a file that cannot be looked at
    (in a folder without read permission) is not gone, and its articles stay.
    """
    ids = {article_graph(aid) for aid in seen}
    drops: set[URIRef] = set()
    for g, old in stored.items():
        if g in ids or g in already or old.source is None:
            continue
        f = _file_of(old.source)
        if _is_gone(f) or _resolved(f) in clean_files:
            drops.add(g)
            report.pruned += 1
    return drops


def _is_gone(f: Path) -> bool:
    try:
        os.stat(f)
    except (FileNotFoundError, NotADirectoryError):
        return True
    except OSError:  # permission denied, I/O error: not known to be gone
        return False
    return False


def _resolved(f: Path) -> Path | None:
    try:
        return real_path(f)
    except OSError:
        return None


def _same_source(stored: str | None, source: str) -> bool:
    """The stored article's source names the same file (and record) as ``source``."""
    return stored is not None and (stored == source or source_key(stored) == source_key(source))


def _index_key(path: Path) -> str:
    """The build index's key of a file: its resolved path, whatever the spelling."""
    return source_key(str(path))

