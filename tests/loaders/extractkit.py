"""Docs for the extraction tests, built the way production builds them.

- :func:`read`: an article of the given text, cleaned (``loaders.clean``) and read by the
  production pipeline (``extract.language.read``): every stage, or the stages up to
  ``until`` (a name of ``language.STAGES``), so that one stage is tested on the doc the
  earlier stages left. :func:`registry` is what the stages found on it.
- :func:`parse`: the same pipeline over a text taken as already clean.
- :func:`with_names`: for the meeting, date and speech stages alone: the production doc
  of the text up to the lexicon stage (its tokens and sentences), with the entities
  given by hand instead of those the entity stages would find; :func:`run_stages` then
  runs the stages under test (the production components, by name) over it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from kbgraph.loaders.clean import clean
from kbgraph.loaders.extract import language
from kbgraph.loaders.extract.registry import Context, EntityRegistry, Found, of
from kbgraph.loaders.model import Article, Entity
from rdflib import URIRef
from spacy.tokens import Doc

__all__ = ["article", "parse", "read", "registry", "run_stages", "with_names"]


def article(text: str, published: dt.date | None = None, article_id: str = "test") -> Article:
    return Article(id=article_id, text=text, source=f"{article_id}.txt", published=published)


def read(text: str, *, published: dt.date | None = None, until: str | None = None,
         article_id: str = "test") -> Doc:
    """The production doc of an article whose body is ``text``."""
    art = article(text, published, article_id)
    return language.read(art, clean(art), until=until)


def registry(text: str, **kw) -> EntityRegistry:
    """What the stages (all, or up to ``until``) found in an article of ``text``."""
    return of(read(text, **kw))


def parse(text: str, *, published: dt.date | None = None, until: str | None = None) -> Doc:
    """The production doc of ``text`` taken as the clean text of an article."""
    return language.parse(text, article(text, published), until=until)


def with_names(text: str, names: Iterable[tuple[str, URIRef, str]] = (),
               published: dt.date | None = None, article_id: str = "test") -> Context:
    """The registry's :class:`Context` of ``text`` (taken as clean) after the sentence and
    lexicon stages, with the entities ``names`` given by hand.

    ``names`` are (entity key, class, surface form): every whole-word occurrence of the
    surface becomes a :class:`Found` (longer surfaces first; nested ones are kept, as
    the entity stages keep "Makassar" inside "Hotel Claro Makassar").
    """
    doc = language.parse(text, article(text, published, article_id), until="kb_lexicon")
    ctx = of(doc).ctx
    found: list[Found] = []
    for key, cls, surface in sorted(names, key=lambda n: -len(n[2])):
        ctx.entities.setdefault(key, Entity(key=key, types=[cls], label=surface))
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            if not any(f.key == key and f.start <= m.start() < f.end for f in found):
                found.append(Found(key, cls, m.start(), m.end(), surface, ctx.sentence_of(m.start())))
    ctx.found = sorted(found, key=lambda f: (f.start, -f.end))
    return ctx


def run_stages(ctx: Context, *names: str) -> Context:
    """Run the named stages (``language.STAGES``) of the production pipeline over the
    doc of ``ctx``, in the order given."""
    nlp = language.get_nlp()
    for name in names:
        nlp.get_pipe(name)(ctx.doc)
    return ctx
