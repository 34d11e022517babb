"""The loader stages wired together: read → clean → extract (+ resolve) → map.

``graph/store/build.py`` and ``loaders/evaluate.py`` call these rather than the stages one
by one, so that both see exactly the same extraction. ``extract`` is imported when
first needed: reading, cleaning and mapping work (and are tested) on their own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from kbgraph.errors import InputError
from rdflib import Graph

from .clean import clean
from .mapping import Triple, to_graph, to_triples
from .model import Article, Extraction
from .read import PathLike, iter_sources, read_path

__all__ = ["article_rdf", "article_triples", "extract_article", "load_paths"]


def extract_article(article: Article) -> Extraction:
    """Clean the article and extract its entities, facts and statements."""
    from .extract import extract

    return extract(article, clean(article))


def article_rdf(extraction: Extraction) -> Graph:
    """The article's named graph (``namespaces.article_graph(article.id)``)."""
    return to_graph(extraction)


def article_triples(extraction: Extraction) -> set[Triple]:
    """The triples of :func:`article_rdf` without an rdflib Graph (what a build writes)."""
    return to_triples(extraction)


def load_paths(paths: PathLike | Iterable[PathLike], *, max_bytes: int | None = None,
               warnings: list[str] | None = None,
               ) -> Iterator[tuple[Article | None, Extraction | None, InputError | None]]:
    """Every article under ``paths`` with its extraction, or the error that stopped it.

    Yields ``(article, extraction, None)`` for each article read and
    ``(None, None, error)`` for each file or record that could not be read, file by
    file in :func:`iter_sources` order (a file's articles first, then its errors).
    A missing path or an empty folder raises :class:`InputError` before anything is
    yielded. An :class:`InputError` raised by the extraction of one article is yielded
    as ``(article, None, error)``; any other exception is a bug and propagates.
    """
    for path in iter_sources(paths, warnings=warnings):
        articles, errors = read_path(path, max_bytes=max_bytes)
        for article in articles:
            try:
                extraction = extract_article(article)
            except InputError as exc:
                yield article, None, exc
                continue
            yield article, extraction, None
        for error in errors:
            yield None, None, error
