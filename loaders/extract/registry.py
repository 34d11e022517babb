"""The one record of what the extraction found in one article, hung on its ``Doc``.

``doc._.registry`` (:func:`of`) is the article's :class:`EntityRegistry`: the entities
(``Entity`` records by key), every occurrence found (:class:`Found`, clean-text offsets),
what the facts need beyond the Entity records (:class:`Info`), the facts, and through its
:class:`Context` the dates and statements the later stages add. Each stage of the
pipeline (``language.STAGES``) reads it and adds to it; the first stage that asks for it
creates it from the doc (its article, clean text, sentences and lexicon names).
Offsets are into the CLEAN text; ``extract`` maps them back to the article at the end
(``CleanText.to_original``). Canonical labels and keys come from ``loaders/canonical``.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import itemgetter

from kbgraph.ontology.namespaces import KB
from rdflib import URIRef
from spacy.tokens import Doc

from ..canonical import Resolver, get_resolver, new_entity, same_spelling
from ..model import Article, CleanText, Entity, Fact, Mention, Span, Statement
from . import text as patterns
from .s02_lexicon import LexHit
from .text import doc_sentences, doc_text

__all__ = [
    "ABBR", "NAME_WORD", "PLACE_RANK", "SP", "Context", "DateMention", "EntityRegistry", "Found",
    "Info", "compiled", "evidence_span", "government_of", "level_of", "local_government",
    "of", "orgs_in", "persons_in", "places_at", "places_in", "region_of",
    "spelling", "village_government", "word_kind_re", "words_re",
]

for _name in ("article", "clean", "registry"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


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


SP = r"[ \t]+"
NAME_WORD = r"[A-Z0-9][\w'&\-/]*"
ABBR = re.compile(r"[ \t]*\([ \t]?(?P<abbr>[A-Z][\w\-/ &]{0,30}?)[ \t]?\)")  # "( DPPKB )", "(Kadisdalduk & KB)"
#: How specific a kind of place is: in a chain "A, B" A lies in B only if A is finer.
PLACE_RANK = {"venue": 0, "street": 1, "place": 1, "village": 2, "district": 3, "kota": 4,
              "kabupaten": 4, "province": 5}
_COMPILED: dict[tuple[int, str], tuple[object, object]] = {}


def compiled(lex, name: str, build):
    """``build(lex)`` computed once per lexicon object (patterns built from word lists)."""
    hit = _COMPILED.get((id(lex), name))
    if hit is not None and hit[0] is lex:
        return hit[1]
    value = build(lex)
    _COMPILED[(id(lex), name)] = (lex, value)
    return value


def words_re(words: Iterable[str], by_initial: bool = False) -> str:
    """``text.words_re`` with spaces as runs of blanks (never a line break)."""
    return patterns.words_re(words, space=SP, by_initial=by_initial)


def word_kind_re(kind: str, lex=None) -> str:
    """The words of one kind of ``words.csv`` as a regex group (blanks between words):
    what a stage's patterns are built from. ``lex``: the lexicon a stage was given (else
    the shipped one, for module-level patterns)."""
    if lex is None:
        from kbgraph.ontology.lexicon import load_lexicon

        lex = load_lexicon()
    return words_re(lex.word_list(kind))


@dataclass(slots=True)
class Info:
    """What the reader learnt about an entity beyond its Entity record (for facts)."""

    place_kind: str | None = None  # places: province | kota | kabupaten | district | ...
    jurisdiction: str | None = None  # organizations: place key
    parent: str | None = None  # organizations: parent organization key
    unit_of: str | None = None  # divisions: the office key
    level: str | None = None  # pusat | provinsi | kabupaten | kota
    period: str | None = None  # frameworks: "2015/2019"
    regulation: tuple[str, str, str] | None = None  # (type abbreviation, number, year)
    priority: tuple[str, int] | None = None  # (framework key, number)
    lexicon_ref: str | None = None  # "program:Kampung Keluarga Berencana"
    contained_in: list[tuple[str, int]] = field(default_factory=list)  # (place key, offset)


class EntityRegistry:
    """Everything the entity pass knows about one article while it reads it."""

    def __init__(self, ctx: Context, clean: CleanText | None = None,
                 resolver: Resolver | None = None, hits: list[LexHit] = (),
                 phrase_hits=None) -> None:
        self.ctx = ctx
        self.clean = clean
        self.text = ctx.text
        self.res = resolver or get_resolver()
        self.lex = self.res.lex
        self.hits: list[LexHit] = list(hits)
        #: lexicon names in a short text cut from the doc (``doc._.phrase_hits``)
        self.phrase_hits = phrase_hits or (lambda text: ())
        self.info: dict[str, Info] = {}
        self.aliases: dict[str, str] = {}  # surface form defined by this article → key
        self.extra: list[tuple[str, Mention]] = []  # dateline/footer mentions (original offsets)
        self.dateline_key: str | None = None
        self.venues: list[tuple[int, int]] = []
        self.lower_venues: set[int] = set()  # starts of venues read from a lower-case head
        self.needed: set[str] = set()  # keys kept without a mention (a post's organization)
        self.anchors: dict[str, int] = {}  # where an entity without mention was read
        self.keep: set[tuple[str, int, int]] = set()  # nested forms that stay mentions
        self._found: set[tuple[str, int, int]] = set()
        self._facts: set[Fact] = set(ctx.facts)  # what ctx.facts holds (fast membership)

    # ------------------------------------------------------------------ registry

    def add(self, entity: Entity) -> str:
        """Register an entity (merging aliases into one already registered); its key."""
        have = self.ctx.entities.get(entity.key)
        if have is None:
            self.ctx.entities[entity.key] = entity
        else:
            for alias in entity.aliases:
                if alias not in have.aliases and alias != have.label:
                    have.aliases.append(alias)
        self.info.setdefault(entity.key, Info())
        return entity.key

    def mark(self, key: str, start: int, end: int) -> Found | None:
        """Record an occurrence of an entity (clean offsets); None if already recorded."""
        while end > start and self.text[end - 1] in " \t,;:":
            end -= 1
        if (key, start, end) in self._found or end <= start:
            return None
        self._found.add((key, start, end))
        found = Found(key, self.ctx.entities[key].types[0], start, end, self.text[start:end],
                      self.ctx.sentence_of(start))
        self.ctx.found.append(found)
        return found

    def found_at(self, pos: int, kinds: tuple[str, ...] = ()) -> list[Found]:
        """Occurrences starting at ``pos`` (after blanks), longest first."""
        pos = self.skip(pos)
        out = [f for f in self.ctx.found if f.start == pos
               and (not kinds or f.key.split("/", 1)[0] in kinds)]
        return sorted(out, key=lambda f: -f.end)

    def skip(self, pos: int) -> int:
        while pos < len(self.text) and self.text[pos] in " \t":
            pos += 1
        return pos

    def evidence(self, pos: int) -> Span:
        """The sentence holding ``pos`` as a fact's evidence (clean offsets)."""
        idx = self.ctx.sentence_of(pos)
        if self.ctx.sentences:
            start, end = self.ctx.sentences[idx]
            return Span(start, end, idx)
        return Span(pos, pos, 0)

    def first_offset(self, key: str) -> int | None:
        offsets = [f.start for f in self.ctx.found if f.key == key]
        return min(offsets) if offsets else None

    def fact(self, subject: str, predicate: URIRef, obj, pos: int,
             datatype: URIRef | None = None) -> None:
        fact = Fact(subject, predicate, obj, self.evidence(pos), datatype)
        if fact not in self._facts:
            self._facts.add(fact)
            self.ctx.facts.append(fact)

    def covered(self) -> bytearray:
        """1 for every clean-text character inside a recorded occurrence."""
        cover = bytearray(len(self.text) + 1)
        for f in self.ctx.found:
            cover[f.start:f.end] = b"\x01" * (f.end - f.start)
        return cover

    def in_venue(self, start: int, end: int) -> bool:
        return any(v0 <= start and end <= v1 and (v0, v1) != (start, end)
                   for v0, v1 in self.venues)


def places_at(r: EntityRegistry, pos: int, kinds: tuple[str, ...]) -> Found | None:
    for f in r.found_at(pos, ("place",)):
        if r.info[f.key].place_kind in kinds:
            return f
    return None


#: One to three capitalised words after blanks: a bare name of a region ("Bupati Banjar").
CAPITALISED_WORDS = re.compile(r"[ \t]+[A-Z][a-z][\w'-]*(?:[ \t]+[A-Z][a-z][\w'-]*){0,2}")


def region_named(r: EntityRegistry, pos: int, kinds: tuple[str, ...],
                 named_only: bool = False) -> Found | None:
    """"Bupati Banjar", "DPRD Kapuas": a regency or city named right after ``pos`` by its
    bare name, one the place stage leaves alone elsewhere ("banjar" is also a common word).
    The one of those kinds with that name (the one the article names in full, if several;
    ``named_only``: only one the article names in full)."""
    m = CAPITALISED_WORDS.match(r.text, pos)
    if m is None:
        return None
    spans = [(pos + t.start(), pos + t.end()) for t in re.finditer(r"\S+", m.group())]
    words = [r.text[a:b] for a, b in spans]
    for n in range(len(words), 0, -1):
        name = " ".join(words[:n])
        regs = [g for g in r.res.by_name.get(name, ()) if g.kind in kinds]
        keys = {r.res.place_key_of_ref(f"regency:{g.label}") for g in regs}
        named = keys & set(r.ctx.entities)
        if len(named) == 1 or len(keys) == 1 and not named_only:
            label = regs[0].label if len(keys) == 1 else r.ctx.entities[next(iter(named))].label
            key = r.add(r.res.entity_of(f"regency:{label}"))
            r.info[key].place_kind = next(g.kind for g in regs if g.label == label)
            start, end = spans[0][0], spans[n - 1][1]
            return r.mark(key, start, end) or next(
                f for f in r.ctx.found if (f.key, f.start, f.end) == (key, start, end))
    return None


def the_region(r: EntityRegistry, dateline: bool = False) -> str | None:
    """The key of the one city or regency the article names, else, when it names none, of
    its one province (none where it names several): the region an article about one place
    means by "RPJMD" or "Sekretaris Daerah" alone. ``dateline``: a province the dateline
    names counts when the body names none."""
    for kinds in (("kota", "kabupaten"), ("province",)):
        keys = {f.key for f in r.ctx.found if f.key.startswith("place/")
                and r.info[f.key].place_kind in kinds}
        if not keys and dateline and kinds == ("province",) and r.dateline_key and \
                r.info[r.dateline_key].place_kind == "province":
            keys = {r.dateline_key}
        if keys:
            return keys.pop() if len(keys) == 1 else None
    return None


def level_of(r: EntityRegistry, place_key: str) -> str | None:
    kind = r.info[place_key].place_kind if place_key in r.info else None
    return {"province": "provinsi", "kabupaten": "kabupaten", "kota": "kota"}.get(kind or "")


def government_of(r: EntityRegistry, place_key: str, keep: bool = False) -> str | None:
    """The key of "Pemerintah … X" for a province/regency/city, registered without a
    mention; ``keep`` keeps it even if the article never names it (a post needs it)."""
    gov = r.res.regional_government(r.ctx.entities[place_key], spelling(r, place_key))
    if gov is None:
        return None
    key = r.add(gov)
    if keep:
        r.needed.add(key)
    r.info[key].jurisdiction = place_key
    r.info[key].level = level_of(r, place_key)
    return key


def spelling(r: EntityRegistry, place_key: str) -> str | None:
    """The article's own spelling of a lexicon place's name when it differs only in
    spaces or hyphens ("Gunungkidul" for "Gunung Kidul"); None otherwise."""
    info = r.res.place_info(place_key)
    if info is None:
        return None
    for f in sorted((f for f in r.ctx.found if f.key == place_key), key=lambda f: f.start):
        words = f.text.split()
        if words and words[0] in ("Kabupaten", "Kab.", "Kab", "Kota", "Provinsi", "Prov."):
            words = words[1:]
        written = " ".join(words)
        if written != info.name and same_spelling(written, info.name):
            return written
    return None


def village_government(r: EntityRegistry, place_key: str, keep: bool = False) -> str | None:
    """"Pemerintah Desa X" / "Pemerintah Kalurahan X" for a self-governing village (its
    head word is a ``village_gov`` word of ``words.csv``); None for other places."""
    entity = r.ctx.entities[place_key]
    head = entity.label.split()[0]
    if r.info[place_key].place_kind != "village" or head not in r.lex.word_list("village_gov"):
        return None
    key = r.add(new_entity("org", f"Pemerintah {entity.label}", KB.RegionalGovernment))
    if keep:
        r.needed.add(key)
    r.info[key].jurisdiction = place_key
    return key


def local_government(r: EntityRegistry, place_key: str, at: int) -> str | None:
    """The government a district or village head serves: the village's own ("Kepala Desa
    Pamengkang" → Pemerintah Desa Pamengkang), else that of the city or regency the place
    lies in — the nearest named before ``at``, else the dateline town ("Camat Lubuk Baja",
    "Lurah" of a Kelurahan → Pemerintah Kota Batam)."""
    own = village_government(r, place_key, keep=True)
    if own is not None:
        return own
    region = region_of(r, place_key)
    return government_of(r, region, keep=True) if region else None


def region_of(r: EntityRegistry, place_key: str) -> str | None:
    """The city or regency a village or district lies in, as the article tells it: the
    one named (or whose government is named) in the sentence that first names the place,
    else the one the article names most (the dateline town on a tie)."""
    def region(f: Found) -> str | None:
        key = f.key if f.key.startswith("place/") else r.info[f.key].jurisdiction
        if key and key in r.info and r.info[key].place_kind in ("kota", "kabupaten"):
            return key
        return None

    first = min((f for f in r.ctx.found if f.key == place_key), key=lambda f: f.start,
                default=None)
    if first is not None:
        here = {k for f in r.ctx.found if f.sentence == first.sentence
                and (k := region(f)) is not None}
        if len(here) == 1:
            return here.pop()
    counts: dict[str, int] = {}
    for f in r.ctx.found:
        k = region(f)
        if k is not None:
            counts[k] = counts.get(k, 0) + 1
    if not counts:
        town = r.dateline_key
        return town if town and r.info[town].place_kind in ("kota", "kabupaten") else None
    return max(sorted(counts), key=lambda k: (counts[k], k == r.dateline_key))


# ---------------------------------------------------------------------------
# Context lookups
# ---------------------------------------------------------------------------

def evidence_span(ctx: Context, start: int, end: int | None = None) -> Span:
    """The clean-text sentence that holds ``start``, as the evidence of a fact."""
    idx = ctx.sentence_of(start)
    if ctx.sentences:
        s, e = ctx.sentences[idx]
        return Span(s, e, idx)
    return Span(start, end if end is not None else start, idx)


def _of_kind(ctx: Context, kind: str, start: int, end: int) -> list[Found]:
    return sorted((f for f in ctx.found_in(start, end) if f.key.startswith(kind + "/")),
                  key=lambda f: (f.start, -f.end))


def persons_in(ctx: Context, start: int, end: int) -> list[Found]:
    """Person occurrences inside [start, end), in text order."""
    return _of_kind(ctx, "person", start, end)


def _outermost(found: list[Found]) -> list[Found]:
    return [f for f in found if not any(o is not f and o.start <= f.start and f.end <= o.end
                                        and (o.end - o.start) > (f.end - f.start) for o in found)]


def orgs_in(ctx: Context, start: int, end: int) -> list[Found]:
    """Organization occurrences inside [start, end), outermost only, in text order."""
    return _outermost(_of_kind(ctx, "org", start, end))


def places_in(ctx: Context, start: int, end: int) -> list[Found]:
    """Place occurrences inside [start, end), outermost only, in text order."""
    return _outermost(_of_kind(ctx, "place", start, end))


def of(doc: Doc) -> EntityRegistry:
    """The doc's registry (``doc._.registry``), created on first use from the doc: its
    article (``doc._.article``; a stand-in named "doc" when none), clean text
    (``doc._.clean``), sentences and lexicon names (``doc._.lexicon_hits``)."""
    reg = doc._.registry
    if reg is None:
        text = doc_text(doc)
        article = doc._.article or Article(id="doc", text=text, source="doc")
        ctx = Context(article=article, text=text, sentences=doc_sentences(doc),
                      published=article.published, doc=doc)
        reg = doc._.registry = EntityRegistry(ctx, doc._.clean, hits=doc._.lexicon_hits or [],
                                              phrase_hits=doc._.phrase_hits)
    return reg
