"""Extraction of one cleaned article: ``extract(article, clean) -> Extraction``.

Order: spaCy over the clean text (tokens, sentences, lexicon names) → entities, persons
and posts (``entities.find_entities``) → dates → meetings → statements. Every component
works in clean-text offsets on a shared :class:`~.context.Context`; only here, at the
end, is everything mapped back to ``Article.text`` (``CleanText.to_original``), so the
graph can point at the exact characters of the file. Sentences are numbered once, on
the clean text.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from functools import cache

from .. import model
from ..model import Article, CleanText, Extraction, Mention
from .context import Context
from .entities import find_entities
from .nlp import parse, sentence_spans

__all__ = ["extract"]


#: The readers that run after the entity pass, in order: (module, function).
_LATER_STAGES = (("dates", "find_dates"), ("meetings", "find_meetings"),
                 ("speech", "find_statements"))


@cache
def _stage(module: str, function: str) -> Callable[[Context], None] | None:
    """A later reader, or None while its module is not written yet (looked up once).

    TODO: import dates/meetings/speech directly once all three are in the tree; until
    then a missing module only skips its stage (any other import error propagates).
    """
    name = f"{__name__}.{module}"
    if importlib.util.find_spec(name) is None:
        return None
    return getattr(importlib.import_module(name), function)


def extract(article: Article, clean: CleanText) -> Extraction:
    """Entities (with mentions), facts and statements of one article, in its offsets."""
    doc = parse(clean.text)
    ctx = Context(article=article, text=clean.text, sentences=sentence_spans(doc),
                  published=article.published, doc=doc)
    extra = find_entities(ctx, clean)
    for module, function in _LATER_STAGES:
        stage = _stage(module, function)
        if stage is None:
            ctx.warnings.append(f"extraction stage {module} is not available")
            continue
        stage(ctx)
    return _build(article, clean, ctx, extra)


def _build(article: Article, clean: CleanText, ctx: Context,
           extra: list[tuple[str, Mention]]) -> Extraction:
    mapped: dict[model.Span, model.Span] = {}  # facts share their evidence sentences

    def span(s: model.Span) -> model.Span:
        out = mapped.get(s)
        if out is None:
            start, end = clean.to_original(s.start, s.end)
            out = mapped[s] = model.Span(start, end, s.sentence)
        return out

    sentences = []
    for i, (s, e) in enumerate(ctx.sentences):
        start, end = clean.to_original(s, e)
        sentences.append(model.Sentence(i, start, end, article.text[start:end]))
    entities: dict[str, model.Entity] = {}
    for key in sorted(ctx.entities):
        entity = ctx.entities[key]
        entity.mentions = []
        entities[key] = entity
    for f in sorted(ctx.found, key=lambda f: (f.start, f.end, f.key)):
        if f.key not in entities:
            ctx.warnings.append(f"mention of unknown entity {f.key} skipped")
            continue
        start, end = clean.to_original(f.start, f.end)
        entities[f.key].mentions.append(Mention(article.text[start:end],
                                                model.Span(start, end, f.sentence)))
    for key, mention in extra:
        if key in entities and mention not in entities[key].mentions:
            entities[key].mentions.append(mention)
    for entity in entities.values():
        entity.mentions.sort(key=lambda m: (m.span.start, m.span.end))
    facts = [model.Fact(f.subject, f.predicate, f.obj, span(f.evidence), f.datatype)
             for f in ctx.facts]
    statements = [model.Statement(s.speaker, s.text, s.kind, span(s.span), s.said_on)
                  for s in ctx.statements]
    return Extraction(article=article, sentences=sentences, entities=entities, facts=facts,
                      statements=statements, clean=clean, warnings=list(ctx.warnings))
