"""Extraction of one cleaned article: ``extract(article, clean) -> Extraction``.

One spaCy ``Doc`` per article, read by the stages of :mod:`.language` in their declared
order (``language.STAGES``: sentences → lexicon names → places → organizations →
programs → people → place links → outlets → mentions → facts → dates → meetings →
statements; the modules ``s01_…`` to ``s13_…``; a stage imports only earlier stages and
the helpers below them: ``text``, ``registry``, ``publishers``). Every stage works in clean-text
offsets on the doc's registry (``doc._.registry``, :mod:`.registry`); only here, at the
end, is everything mapped back to ``Article.text`` (``CleanText.to_original``), so the
graph can point at the exact characters of the file. Sentences are spaCy's (stage 1),
numbered once.
"""

from __future__ import annotations

from .. import model
from ..model import Article, CleanText, Extraction, Mention
from .language import read
from .registry import Context, of

__all__ = ["extract"]


def extract(article: Article, clean: CleanText) -> Extraction:
    """Entities (with mentions), facts and statements of one article, in its offsets."""
    reg = of(read(article, clean))
    return _build(article, clean, reg.ctx, reg.extra)


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
        entity = entities[f.key]
        entity.mentions.append(Mention(article.text[start:end], model.Span(start, end, f.sentence)))
        if entity.name_as_written == f.text:  # as the article writes it ("–", not clean's "-")
            entity.name_as_written = article.text[start:end]
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
