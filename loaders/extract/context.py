"""What the extraction components share while they read one article.

The orchestrator (``loaders/extract/__init__.py``) runs spaCy over the clean text,
then the components in order: entities (lexicon + patterns, persons and posts) →
dates → meetings → speech. Each component reads the :class:`Context` and adds to it.
Offsets here are into the CLEAN text (``Context.text``); the orchestrator maps them
back to the original article text at the end (``CleanText.to_original``).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass, field
from operator import itemgetter

from rdflib import URIRef

from ..model import Article, Entity, Fact, Statement


_START = itemgetter(0)


@dataclass(frozen=True, slots=True)
class Found:
    """One occurrence of a resolved entity in the clean text."""

    key: str  # entity key "<kind>/<slug>" (see loaders.model.Entity)
    cls: URIRef  # most specific ontology class
    start: int
    end: int
    text: str  # surface form exactly as in the clean text
    sentence: int  # index into Context.sentences


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date or date range read from the text, already resolved to calendar dates."""

    start: int
    end: int
    sentence: int
    first: dt.date
    last: dt.date  # == first for a single day
    text: str
    kind: str  # "range" | "day" | "weekday" | "year"


@dataclass(slots=True)
class Context:
    """The article being read and everything found in it so far."""

    article: Article
    text: str  # clean text
    sentences: list[tuple[int, int]]  # (start, end) in clean text, in order
    published: dt.date | None
    doc: object | None = None  # the spaCy Doc over ``text``
    found: list[Found] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)  # key -> Entity (mentions filled later)
    dates: list[DateMention] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)  # Span offsets in CLEAN text until mapped
    statements: list[Statement] = field(default_factory=list)  # likewise
    warnings: list[str] = field(default_factory=list)

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence that holds a clean-text offset (last one if past the end;
        the first one before its start)."""
        return max(bisect_right(self.sentences, offset, key=_START) - 1, 0)

    def found_in(self, start: int, end: int) -> list[Found]:
        """Entities found inside a clean-text range, in text order."""
        return [f for f in self.found if f.start >= start and f.end <= end]
