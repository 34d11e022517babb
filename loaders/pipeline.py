"""The one pipeline of the loaders: files → read → clean → extract → map.

``kbgraph build`` (``graph/store/build.py``) and ``kbgraph evaluate``
(:func:`load_paths`, for ``loaders/evaluate``) both run it: the same files in the same
order (:func:`iter_sources`), read by :func:`read_path`, extracted by
:func:`extract_article` in input order by :func:`extract_in_order` — in this process
or, when there is enough work, in a pool of worker processes. The build adds what
only a store needs around it (files and articles it can skip, the writes), the
evaluation its scoring. ``extract`` is imported when first needed: reading, cleaning
and mapping work (and are tested) on their own.
"""

from __future__ import annotations

import multiprocessing as mp
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from typing import TypeVar

from kbgraph.errors import InputError
from rdflib import Graph

from .clean import clean
from .mapping import Triple, to_graph, to_ntriples, to_triples
from .model import Article, Extraction
from .read import PathLike, iter_sources, read_path
from .reference import as_the_article_states_it

__all__ = ["article_ntriples", "article_rdf", "article_triples", "extract_article", "extract_in_order", "iter_sources",
           "load_paths", "read_path"]

Task = TypeVar("Task")
Done = TypeVar("Done")


def extract_article(article: Article) -> Extraction:
    """Clean the article and extract its entities, facts and statements (with the renames
    it reports: ``loaders/renames.py``)."""
    from .extract import extract
    from .renames import with_reported_renames

    return with_reported_renames(extract(article, clean(article)))


def article_rdf(extraction: Extraction) -> Graph:
    """The article's named graph (``namespaces.article_graph(article.id)``): what the
    article states, without the lexicon's knowledge it does not state
    (``reference.as_the_article_states_it``; that is in the lexicon graph)."""
    return to_graph(as_the_article_states_it(extraction))


def article_triples(extraction: Extraction) -> set[Triple]:
    """The triples of :func:`article_rdf` as a set of rdflib terms."""
    return to_triples(as_the_article_states_it(extraction))


def article_ntriples(extraction: Extraction) -> str:
    """The article's named graph as sorted N-Triples text (what a build writes)."""
    return to_ntriples(as_the_article_states_it(extraction))


def _pool_context() -> mp.context.BaseContext:
    """``fork`` on Linux: workers inherit the models the parent loaded on its first task.

    The parent may hold an open RocksDB store (a build), but a forked worker never
    touches it and leaves through ``os._exit`` (no destructor runs); fcntl locks are not
    inherited. Elsewhere (macOS, Windows) fork is unsafe or absent: ``forkserver`` or
    ``spawn``.
    """
    methods = mp.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods:
        return mp.get_context("fork")
    return mp.get_context("forkserver" if "forkserver" in methods else "spawn")


def extract_in_order(tasks: Iterable[Task], work: Callable[[Task], Done], *, workers: int = 1,
                     pool_threshold: int = 16, size: Callable[[Task], int] = len,
                     ) -> Iterator[tuple[Task, Done]]:
    """``(task, work(task))`` for each task, in input order; a pool of ``workers`` only
    when there is work for one.

    A task is a batch of articles (its ``size`` is how many). The first task runs in
    this process (it loads the language models, which forked workers then share); a
    pool starts only when ``pool_threshold`` articles are waiting behind it, and at most
    ``2 * workers`` tasks are in flight, so the corpus is streamed, never held in memory.
    ``work`` must be picklable (a module-level function, or a partial of one).
    """
    tasks = iter(tasks)
    first = next(tasks, None)
    if first is None:
        return
    yield first, work(first)
    head: list[Task] = []
    for task in tasks:
        head.append(task)
        if sum(size(t) for t in head) >= pool_threshold:
            break
    stream = chain(head, tasks)
    if workers <= 1 or sum(size(t) for t in head) < pool_threshold:
        for task in stream:
            yield task, work(task)
        return
    with _pool_context().Pool(workers) as pool:
        inflight: deque = deque()
        for task in stream:
            inflight.append((task, pool.apply_async(work, (task,))))
            if len(inflight) >= 2 * workers:  # back-pressure: never read far ahead
                t, res = inflight.popleft()
                yield t, res.get()
        while inflight:
            t, res = inflight.popleft()
            yield t, res.get()


_FileRead = tuple[list[Article], list[InputError]]


def _extract_file(read: _FileRead) -> list[tuple[Article, Extraction | None, InputError | None]]:
    """Extract every article of one file; an article's InputError is its outcome."""
    out: list[tuple[Article, Extraction | None, InputError | None]] = []
    for article in read[0]:
        try:
            out.append((article, extract_article(article), None))
        except InputError as exc:
            out.append((article, None, exc))
    return out


def load_paths(paths: PathLike | Iterable[PathLike], *, max_bytes: int | None = None,
               warnings: list[str] | None = None, workers: int = 1,
               ) -> Iterator[tuple[Article | None, Extraction | None, InputError | None]]:
    """Every article under ``paths`` with its extraction, or the error that stopped it.

    Yields ``(article, extraction, None)`` for each article read and
    ``(None, None, error)`` for each file or record that could not be read, file by
    file in :func:`iter_sources` order (a file's articles first, then its errors).
    A missing path or an empty folder raises :class:`InputError` before anything is
    yielded. An :class:`InputError` raised by the extraction of one article is yielded
    as ``(article, None, error)``; any other exception is a bug and propagates.
    """
    files = iter_sources(paths, warnings=warnings)
    reads = (read_path(path, max_bytes=max_bytes) for path in files)
    for (_articles, errors), outcomes in extract_in_order(reads, _extract_file, workers=workers,
                                                          size=lambda read: len(read[0])):
        yield from outcomes
        for error in errors:
            yield None, None, error
