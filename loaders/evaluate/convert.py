"""An :class:`~kbgraph.loaders.model.Extraction` in the gold format (:func:`to_gold`).

The gold speaks of classes (ORG, PER, PROG, FRAME, EVENT, PLACE) and named relations;
the loaders speak the ontology. The tables below are the whole translation, so a new
predicate the gold should score is one line here (and one in docs/evaluation.md).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kbgraph.ontology.namespaces import KB, SCHEMA
from rdflib import URIRef
from rdflib.namespace import FOAF, ORG

from ..model import Article, Entity, EntityRef, Extraction, Fact, Span
from .text import acronyms, norm, unique

__all__ = [
    "HOLDS_POST_IN",
    "OPENING_WORDS",
    "RELATION_NAMES",
    "RENAMED_TO",
    "article_file",
    "names_former",
    "to_gold",
]

RENAMED_TO = "renamed to"
HOLDS_POST_IN = "holds post in"
OPENING_WORDS = 10  # what to_gold keeps as a statement's "opening" (the gold has 6-10 words)

#: Top classes, checked in this order against ``Entity.types``.
_CLASS_OF_TYPE: tuple[tuple[URIRef, str], ...] = (
    (ORG.Organization, "ORG"),
    (FOAF.Person, "PER"),
    (SCHEMA.Person, "PER"),
    (KB.Program, "PROG"),
    (KB.PolicyFramework, "FRAME"),
    (KB.Meeting, "EVENT"),
    (SCHEMA.Event, "EVENT"),
    (SCHEMA.Place, "PLACE"),
)
#: Fallback when the types list holds only a specific class: the IRI kind of the key.
_CLASS_OF_KIND: dict[str, str] = {
    "org": "ORG", "person": "PER", "program": "PROG", "framework": "FRAME",
    "event": "EVENT", "place": "PLACE",
}

#: Object properties scored as gold relations. ``holds post in`` (org:holds + org:postIn)
#: and ``renamed to`` (dated former names) are derived in :func:`to_gold`. kb:jurisdiction
#: is deliberately absent: the dev gold never turns an organization's area into
#: ``located in`` (see docs/evaluation.md).
RELATION_NAMES: dict[URIRef, str] = {
    ORG.subOrganizationOf: "sub-organization of",
    ORG.unitOf: "unit of",
    KB.organizedBy: "organized by",
    SCHEMA.organizer: "organized by",
    SCHEMA.location: "located in",
    SCHEMA.containedInPlace: "located in",
    KB.partOfProgram: "part of",
    KB.priorityOf: "part of",
    KB.alignsWith: "aligned with",
    KB.legalBasis: "aligned with",
    KB.followsUp: "follows up",
    KB.runBy: "run by",
}

#: How specific a place class is (lower = more specific); a meeting's ``location`` is its
#: most specific place, its ``city`` the first city or regency at or above it.
_PLACE_RANK: tuple[tuple[URIRef, int], ...] = (
    (KB.Venue, 0), (KB.Village, 2), (KB.District, 3), (KB.City, 4), (KB.Regency, 4),
    (KB.Province, 5), (KB.Country, 6),
)
_UNTYPED_PLACE_RANK = 1  # a named place with no finer class is most likely a venue
_CITY_TYPES = frozenset({KB.City, KB.Regency})


def _gold_class(entity: Entity) -> str | None:
    if entity.kind in ("namechange", "post"):
        return None
    types = set(entity.types)
    for rdf_type, cls in _CLASS_OF_TYPE:
        if rdf_type in types:
            return cls
    return _CLASS_OF_KIND.get(entity.kind)


def _former_names(extraction: Extraction) -> dict[str, list[str]]:
    """Entity key → its former names, from ``Entity.former_names`` and kb:NameChange facts."""
    literal: dict[str, list[str]] = defaultdict(list)
    for fact in extraction.facts:
        if fact.predicate == KB.formerName and isinstance(fact.obj, str):
            literal[fact.subject].append(fact.obj)
    found: dict[str, list[str]] = {}
    for key, entity in extraction.entities.items():
        names = [name for name, _date in entity.former_names]
        for fact in extraction.facts:
            if (fact.subject == key and fact.predicate == KB.nameChange
                    and isinstance(fact.obj, EntityRef)):
                names.extend(literal.get(fact.obj.key, ()))
        names = [n for n in unique(names) if norm(n) != norm(entity.label)]
        # an abbreviation listed beside the full former name is that name, not another one
        full = [n for n in names if not any(norm(n) in acronyms(m) for m in names if m != n)]
        if full:
            found[key] = full
    return found


def _common_prefix(a: Sequence[str], b: Sequence[str]) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def names_former(text: str, former: str, current: str) -> bool:
    """Whether ``text`` (a mention or an alias) names the entity by ``former`` rather
    than by ``current``. The rules, first decisive one wins: equal to the name or to its
    acronym; the longer shared opening words; lying inside one name only; more words
    (or acronyms) found only in that name. A tie is the current name.
    """
    t, f, c = norm(text), norm(former), norm(current)
    if t == f or t in acronyms(former):
        return True
    if t == c or t in acronyms(current):
        return False
    words = t.split()
    from_f, from_c = _common_prefix(words, f.split()), _common_prefix(words, c.split())
    if from_f != from_c:
        return from_f > from_c
    in_f, in_c = f" {t} " in f" {f} ", f" {t} " in f" {c} "
    if in_f != in_c:
        return in_f
    only_f = set(f.split()) | acronyms(former)
    only_c = set(c.split()) | acronyms(current)
    only_f, only_c = only_f - only_c, only_c - only_f
    return len(only_f.intersection(words)) > len(only_c.intersection(words))


@dataclass(slots=True)
class _Named:
    """One entity as the gold sees it: possibly split into its dated names."""

    cls: str
    label: str  # the name this article uses for it (relations, people, slots)
    records: list[dict[str, Any]]  # gold-format entity records, former names first


def _named(entity: Entity, former: Sequence[str], then: str | None = None) -> _Named | None:
    """``then``: the former name the entity bore when the article was published (every
    mention names it by that name)."""
    cls = _gold_class(entity)
    if cls is None:
        return None
    aliases = unique([*entity.aliases, entity.abbreviation, entity.name_as_written])
    aliases = [a for a in aliases if norm(a) != norm(entity.label)]
    mentions = unique(m.text for m in entity.mentions)
    if not former:
        return _Named(cls, entity.label, [
            {"label": entity.label, "class": cls, "mentions": mentions, "aliases": aliases}])

    def name_used(text: str) -> str:
        return next((f for f in former if names_former(text, f, entity.label)), entity.label)

    by_name: dict[str, list[str]] = {name: [] for name in (*former, entity.label)}
    alias_of: dict[str, list[str]] = {name: [] for name in by_name}
    for text in mentions:
        by_name[then or name_used(text)].append(text)
    for alias in aliases:
        name = name_used(alias)
        if norm(alias) != norm(name):
            alias_of[name].append(alias)
    records = [{"label": name, "class": cls, "mentions": texts, "aliases": alias_of[name]}
               for name, texts in by_name.items() if texts]
    if not records:  # named only through facts: keep the current name
        records = [{"label": entity.label, "class": cls, "mentions": [],
                    "aliases": alias_of[entity.label]}]
    used = [r["label"] for r in records]
    label = entity.label if entity.label in used else used[0]
    return _Named(cls, label, records)


def _name_then(entity: Entity, former: Sequence[str], published: dt.date | None) -> str | None:
    """The former name an entity still bore on ``published`` (its rename took effect
    later: "BKKBN RI" in 2016 is the Badan, not the Kementerian of 2024), else None."""
    if published is None:
        return None
    day = published.isoformat()
    for name, since in entity.former_names:
        since = since.isoformat() if isinstance(since, dt.date) else since  # or "2024-10"
        if name in former and since and day[:len(since)] < since:
            return name
    return None


def _first(facts: Iterable[Fact]) -> Fact | None:
    return min(facts, key=lambda f: (f.evidence.start, f.evidence.end), default=None)


def _place_rank(entity: Entity) -> int:
    types = set(entity.types)
    ranks = [rank for rdf_type, rank in _PLACE_RANK if rdf_type in types]
    return min(ranks, default=_UNTYPED_PLACE_RANK)


def article_file(article: Article) -> str:
    """The basename gold files use for the article (``source`` without ``#record N``)."""
    return Path(article.source.split("#", 1)[0]).name


def to_gold(extraction: Extraction) -> dict[str, Any]:
    """The extraction in the gold format (plus ``aliases`` and statement ``text``).

    A renamed entity (``Entity.former_names`` or a kb:NameChange) becomes one gold
    entity per name the article actually uses, plus ``[former, "renamed to", current]``
    when it uses both; its relations carry the current name, or the former one if that
    is the only name in the article.
    """
    entities = extraction.entities
    facts_of: dict[str, list[Fact]] = defaultdict(list)
    for fact in extraction.facts:
        facts_of[fact.subject].append(fact)
    former = _former_names(extraction)
    named: dict[str, _Named] = {}
    published = extraction.article.published
    for key, entity in entities.items():
        names = former.get(key, ())
        item = _named(entity, names, _name_then(entity, names, published))
        if item is not None:
            named[key] = item

    def label(key: str) -> str:
        if key in named:
            return named[key].label
        entity = entities.get(key)
        return entity.label if entity else key

    def objects(key: str, *predicates: URIRef) -> list[str]:
        chosen = [f for f in facts_of.get(key, ()) if f.predicate in predicates
                  and isinstance(f.obj, EntityRef)]
        chosen.sort(key=lambda f: (f.evidence.start, f.evidence.end))
        return unique(f.obj.key for f in chosen)  # type: ignore[union-attr]

    gold_entities = [record for item in named.values() for record in item.records]
    relations: list[list[str]] = []
    for key, item in named.items():
        current = entities[key].label
        if item.label == current:  # the article uses the current name (and maybe old ones)
            relations.extend([r["label"], RENAMED_TO, current]
                             for r in item.records if r["label"] != current)
    for fact in extraction.facts:
        name = RELATION_NAMES.get(fact.predicate)
        if name and isinstance(fact.obj, EntityRef):
            relations.append([label(fact.subject), name, label(fact.obj.key)])

    people: list[dict[str, Any]] = []
    for key, item in named.items():
        if item.cls != "PER":
            continue
        for post_key in objects(key, ORG.holds):
            post = entities.get(post_key)
            if post is None:
                continue
            written = post.name_as_written or (post.mentions[0].text if post.mentions else None)
            orgs = objects(post_key, ORG.postIn)
            people.append({"name": item.label, "post": written or post.label,
                           "organization": label(orgs[0]) if orgs else None})
            relations.extend([item.label, HOLDS_POST_IN, label(org)] for org in orgs)

    def name_at(key: str, evidence: Span) -> str:
        """The name a renamed entity goes by in one sentence (its label elsewhere): the
        organizer written "BKKBN" in a 2025 article is the BKKBN of that name."""
        item = named.get(key)
        if item is None or len(item.records) < 2:
            return label(key)
        said = {m.text for m in entities[key].mentions
                if evidence.start <= m.span.start and m.span.end <= evidence.end}
        used = {r["label"] for r in item.records if said & set(r["mentions"])}
        return used.pop() if len(used) == 1 else label(key)

    meetings = [
        _meeting(key, entities, objects, facts_of, label, name_at)
        for key, item in named.items() if item.cls == "EVENT" and KB.Meeting in entities[key].types
    ]  # an observance ("Hari Keluarga Nasional") is an event, not a meeting
    statements = [
        {"speaker": label(s.speaker), "opening": " ".join(s.text.split()[:OPENING_WORDS]),
         "text": s.text}
        for s in sorted(extraction.statements, key=lambda s: (s.span.start, s.span.end))
    ]
    article = extraction.article
    return {
        "file": article_file(article),
        "published": article.published.isoformat() if article.published else None,
        "entities": gold_entities,
        "people": _dedupe(people),
        "meetings": meetings,
        "statements": statements,
        "relations": _dedupe(relations),
    }


def _dedupe(items: list[Any]) -> list[Any]:
    seen: list[Any] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


def _meeting(
    key: str,
    entities: Mapping[str, Entity],
    objects: Callable[..., list[str]],
    facts_of: Mapping[str, list[Fact]],
    label: Callable[[str], str],
    name_at: Callable[[str, Span], str],
) -> dict[str, Any]:
    entity = entities[key]

    def value(predicate: URIRef) -> Any:
        fact = _first(f for f in facts_of.get(key, ()) if f.predicate == predicate)
        if fact is None or isinstance(fact.obj, EntityRef):
            return None
        return fact.obj.isoformat() if hasattr(fact.obj, "isoformat") else fact.obj

    def first(*predicates: URIRef) -> str | None:
        chosen = _first(f for f in facts_of.get(key, ()) if f.predicate in predicates
                        and isinstance(f.obj, EntityRef))
        return None if chosen is None else name_at(chosen.obj.key, chosen.evidence)

    places = [p for p in objects(key, SCHEMA.location) if p in entities]
    places.sort(key=lambda p: _place_rank(entities[p]))  # stable: ties keep text order
    city = None
    frontier, seen = list(places), set()
    while frontier and city is None:
        place = frontier.pop(0)
        if place in seen or place not in entities:
            continue
        seen.add(place)
        if _CITY_TYPES & set(entities[place].types):
            city = label(place)
        frontier.extend(objects(place, SCHEMA.containedInPlace))
    participants = value(KB.participantCount)
    return {
        "label": entity.name_as_written or entity.label,
        "organizer": first(KB.organizedBy, SCHEMA.organizer),
        "location": label(places[0]) if places else None,
        "city": city,
        "start": value(SCHEMA.startDate),
        "end": value(SCHEMA.endDate),
        "participants": int(participants) if participants is not None else None,
        "chair": first(KB.chairedBy),
        "opened_by": first(KB.openedBy),
        "follows_up": first(KB.followsUp),
        "aliases": unique([entity.label, *entity.aliases]),
    }
