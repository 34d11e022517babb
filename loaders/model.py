"""The records that flow between the loader stages.

read → :class:`Article`; clean → :class:`CleanText`; extract + resolve →
:class:`Extraction` (entities with their mentions, facts, statements, each with the
sentence it came from); map → RDF. Offsets are always character offsets into
``Article.text`` (the body as read, front matter removed), so that a researcher
can find the exact passage in the file.

These are plain frozen/slotted dataclasses: cheap to build, easy to compare in
tests, and with no behaviour beyond small conveniences.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Union

from rdflib import URIRef

# URIRef: an ontology individual as object (kb:governmentLevel kb:LevelProvinsi). URIRef is a
# str subclass, so writers must test for it before str.
Value = Union[URIRef, str, int, dt.date, "EntityRef"]


@dataclass(frozen=True, slots=True)
class Article:
    """One article as read from a file or a record."""

    id: str  # stable: slug of the url, else sha256 of the text (see loaders.read)
    text: str  # the body exactly as read (after decoding), front matter removed
    source: str  # file path, with "#line N" / "#record N" for JSONL/JSON/CSV records
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    published_raw: str | None = None  # as written, kept when it cannot be parsed
    publisher: str | None = None
    content_hash: str = ""  # sha256 of everything that was read for this article
    meta: tuple[tuple[str, str], ...] = ()  # other front-matter keys, sorted


@dataclass(frozen=True, slots=True)
class CleanText:
    """The body after cleaning, with a map back to ``Article.text``.

    ``offsets[i]`` is the index in ``Article.text`` of ``text[i]``; ``offsets`` has one
    extra final element (the end), so a span ``[a, b)`` of the clean text maps to
    ``[offsets[a], offsets[b-1] + 1)`` of the original.
    """

    text: str
    offsets: tuple[int, ...]
    publisher: str | None = None  # from a COPYRIGHT / © line
    copyright_year: int | None = None
    dateline_place: str | None = None  # "PONTIANAK" from "PONTIANAK (ANTARA) -"
    dropped: tuple[tuple[int, int, str], ...] = ()  # (start, end, reason) in the original

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean-text span to the original text."""
        if end <= start:
            o = self.offsets[start] if start < len(self.offsets) else self.offsets[-1]
            return o, o
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the article, offsets into ``Article.text``."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Span:
    """Where something was read: a character range and the sentence holding it."""

    start: int
    end: int
    sentence: int


@dataclass(frozen=True, slots=True)
class EntityRef:
    """A pointer to an entity of the same :class:`Extraction` by its key."""

    key: str


@dataclass(frozen=True, slots=True)
class Mention:
    """One surface form of an entity, exactly as written in the article."""

    text: str
    span: Span


@dataclass(slots=True)
class Entity:
    """A resolved entity.

    ``key`` is ``"<kind>/<slug>"`` with kind one of ``namespaces.KINDS``; the RDF IRI is
    ``namespaces.entity_iri(kind, slug)``, so the same canonical name always gives the
    same IRI. ``types`` are ontology classes, most specific first (e.g.
    ``[KB.RepresentativeOffice, ORG.OrganizationalUnit, ORG.Organization]``).
    ``label`` is the canonical Indonesian name; ``name_as_written`` keeps e.g. a meeting
    name exactly as in the text.
    """

    key: str
    types: list[URIRef]
    label: str
    label_en: str | None = None
    aliases: list[str] = field(default_factory=list)
    abbreviation: str | None = None
    wikidata: str | None = None  # "Q3916"
    mentions: list[Mention] = field(default_factory=list)
    name_as_written: str | None = None
    former_names: list[tuple[str, str | None]] = field(default_factory=list)  # (old, "2019-12")

    @property
    def kind(self) -> str:
        return self.key.split("/", 1)[0]


@dataclass(frozen=True, slots=True)
class Fact:
    """One triple the article supports, with its evidence.

    ``obj`` is an :class:`EntityRef` for a relation, a ``URIRef`` for an ontology
    individual (``KB.LevelProvinsi``), or a literal value (str, int, ``datetime.date``)
    for an attribute; ``datatype`` may force a literal's XSD type
    (e.g. ``XSD.gYear``).
    """

    subject: str  # entity key
    predicate: URIRef
    obj: Value
    evidence: Span
    datatype: URIRef | None = None


@dataclass(frozen=True, slots=True)
class Statement:
    """Something a person said: a direct quote or reported speech."""

    speaker: str  # entity key of a person
    text: str  # what was said, exactly as in the article (without the quote marks)
    kind: str  # "quote" | "reported"
    span: Span  # of ``text``
    said_on: dt.date | None = None


@dataclass(slots=True)
class Extraction:
    """Everything the loaders took out of one article."""

    article: Article
    sentences: list[Sentence]
    entities: dict[str, Entity]
    facts: list[Fact]
    statements: list[Statement]
    clean: CleanText | None = None
    warnings: list[str] = field(default_factory=list)
