"""Named things in one article: places, organizations, programs and frameworks.

The entity pass reads the clean text in layers, each using what the earlier found:

1. lexicon names (``nlp.lexicon_hits``: every match, nested ones too);
2. venues ("Hotel Claro Makassar", "Aula Setda Garut", "Inna Bali Heritage Hotel"),
   villages and districts ("Desa Arang Limbung", "Kecamatan Sungai Raya") and place
   chains ("di Auditorium BKKBN, Halim Perdanakusuma, Jakarta Timur");
3. which place each bare name is (``Resolver.choose_place``);
4. organizations: the lexicon's, then composed ones — "Perwakilan BKKBN Kalbar",
   "Pemprov Jambi", "Dinas … (DPPKB) Kabupaten Garut", "Setda Garut",
   "Tim Percepatan Penurunan Stunting (TPPS) Kabupaten Lombok Timur", "Kelompok Kerja
   (Pokja) Kampung KB Kabupaten Garut" — and the short forms an article defines
   ("(TPPS)", "(Pokja)") for its own later sentences;
5. programs and frameworks, with periods ("RPJMN dan RENSTRA tahun 2015-2019"),
   regulations ("Perpres 72/2021" = "Peraturan Presiden Nomor 72 Tahun 2021") and
   numbered priorities ("prioritas nomor lima, yakni …");
6. persons and posts (``people.find_people``), then the facts between all of these
   (``relations.py`` is not a module of its own: :func:`add_facts` below).

Mentions follow the gold rules (corpus/dev/README.md): every occurrence, names nested in
longer names included, except a shorter form of an entity inside a longer form of the
same entity. The dateline and the copyright footer are cut from the clean text, so
their mentions (``KUBU RAYA``, ``ANTARA``) are returned apart, in original offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import URIRef

from kbgraph.ontology.namespaces import KB, ORG, SCHEMA, XSD

from ..model import CleanText, Entity, EntityRef, Fact, Mention, Span
from ..resolve import LEVELS, Resolver, entity_key, get_resolver, new_entity, strip_abbreviation
from .context import Context, Found
from .nlp import LexHit, lexicon_hits, parse

__all__ = ["Reader", "find_entities", "add_facts", "words_re"]

_SP = r"[ \t]+"
_NAME_WORD = r"[A-Z0-9][\w'&\-/]*"
_PERIOD = re.compile(r"(?:19|20)\d\d[ \t]*[-–][ \t]*(?:19|20)\d\d")
_ABBR = re.compile(r"[ \t]*\((?P<abbr>[A-Z][\w\-/ ]{0,30}?)\)")
_NUMBER_WORDS = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9, "pertama": 1, "kedua": 2, "ketiga": 3, "keempat": 4,
    "kelima": 5, "keenam": 6, "ketujuh": 7, "kedelapan": 8, "kesembilan": 9,
}
_PLACE_RANK = {"venue": 0, "place": 1, "village": 2, "district": 3, "kota": 4,
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


def words_re(words: Iterable[str]) -> str:
    """A regex alternation of words (longest first, spaces as any run of blanks)."""
    alts = sorted({re.escape(w).replace(r"\ ", _SP) for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(alts) + ")"


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


class Reader:
    """Everything the entity pass knows about one article while it reads it."""

    def __init__(self, ctx: Context, clean: CleanText | None = None,
                 resolver: Resolver | None = None) -> None:
        self.ctx = ctx
        self.clean = clean
        self.text = ctx.text
        self.res = resolver or get_resolver()
        self.lex = self.res.lex
        if ctx.doc is None:
            ctx.doc = parse(ctx.text)
        self.hits: list[LexHit] = lexicon_hits(ctx.doc)
        self.info: dict[str, Info] = {}
        self.aliases: dict[str, str] = {}  # surface form defined by this article → key
        self.extra: list[tuple[str, Mention]] = []  # dateline/footer mentions (original offsets)
        self.dateline_key: str | None = None
        self.venues: list[tuple[int, int]] = []
        self.needed: set[str] = set()  # keys kept without a mention (a post's organization)
        self.anchors: dict[str, int] = {}  # where an entity without mention was read
        self.keep: set[tuple[str, int, int]] = set()  # nested forms that stay mentions
        self._found: set[tuple[str, int, int]] = set()

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
        if fact not in self.ctx.facts:
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


# ====================================================================== places

def _lexicon_places(r: Reader) -> None:
    """Resolve every lexicon place name (the longest one where several overlap)."""
    spans: dict[tuple[int, int], list[str]] = {}
    for h in r.hits:
        if h.label == "PLACE":
            spans.setdefault((h.start, h.end), []).append(h.ref)
    longest = [s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1]
                                           for o in spans)]
    explicit: dict[str, str] = {}
    for (start, end), refs in spans.items():
        words = r.text[start:end].split(None, 1)
        if len(refs) == 1 and len(words) == 2 and words[0] in ("Kota", "Kabupaten", "Provinsi"):
            explicit.setdefault(r.res.place_info(r.res.place_key_of_ref(refs[0])).name, refs[0])
    for start, end in sorted(longest):
        refs = spans[(start, end)]
        ref = r.res.choose_place(refs, hint=_place_hint(r, start, end), explicit=explicit,
                                 dateline=False)
        key = r.add(r.res.entity_of(ref))
        r.info[key].place_kind = r.res.place_info(key).kind
        r.mark(key, start, end)


_HINT_BEFORE = (
    (re.compile(r"(?:Gubernur|Pemprov|Provinsi|Prov\.|Perwakilan(?:[ \t]+\S+)?|BKKBN|"
                r"Kemendukbangga/BKKBN)[ \t]+$"), "province"),
    (re.compile(r"(?:Wali[ \t]?[Kk]ota|Walikota|Pemkot|Kota)[ \t]+$"), "kota"),
    (re.compile(r"(?:Bupati|Pemkab|Kabupaten|Kab\.)[ \t]+$"), "kabupaten"),
)


def _place_hint(r: Reader, start: int, end: int) -> str | None:
    before = r.text[max(0, start - 40):start]
    for pattern, hint in _HINT_BEFORE:
        if pattern.search(before):
            return hint
    if r.in_venue(start, end):
        return "local"
    return None


def _dateline(r: Reader) -> None:
    """The dateline place (and agency) cut by clean(), as original-offset mentions."""
    clean = r.clean
    article = r.ctx.article
    if clean is None:
        return
    for d0, d1, reason in clean.dropped:
        if reason != "dateline":
            continue
        m = re.match(r"[ \t]*(?P<place>[^(,\-–—]+?)[ \t]*(?:,[^(]*?)?(?:\((?P<agency>[^()]+)\))?"
                     r"[ \t]*[-–—]", article.text[d0:d1])
        if not m:
            continue
        place = m.group("place")
        key = _dateline_place(r, place)
        if key:
            r.dateline_key = key
            r.extra.append((key, Mention(place, Span(d0 + m.start("place"),
                                                      d0 + m.end("place"), 0))))
        if m.group("agency"):
            agency = " ".join(m.group("agency").split())
            pkey = _publisher(r, agency)
            r.extra.append((pkey, Mention(m.group("agency"),
                                          Span(d0 + m.start("agency"), d0 + m.end("agency"), 0))))


def _dateline_place(r: Reader, written: str) -> str | None:
    """The place a dateline names: a city first (a dateline is a town), else what the
    lexicon knows by that name, else a new place named as written (title case)."""
    name = " ".join(written.split())
    doc_refs = [h.ref for h in lexicon_hits(parse(name)) if h.start == 0 and h.end == len(name)
                and h.label == "PLACE"]
    if not doc_refs:
        title = " ".join(w.capitalize() if w.isupper() else w for w in name.split())
        doc_refs = [h.ref for h in lexicon_hits(parse(title)) if h.start == 0
                    and h.end == len(title) and h.label == "PLACE"]
    if doc_refs:
        ref = r.res.choose_place(sorted(set(doc_refs)), hint="local", explicit={}, dateline=True)
        key = r.add(r.res.entity_of(ref))
        r.info[key].place_kind = r.res.place_info(key).kind
        return key
    title = " ".join(w.capitalize() for w in name.split())
    key = r.add(new_entity("place", title, SCHEMA.Place))
    r.info[key].place_kind = "place"
    r.aliases.setdefault(title, key)
    return key


def _see_also(r: Reader) -> None:
    """Places, programs and organizations named in a "Baca juga:" line cut by clean()
    (the gold counts them as mentions of the article), in original offsets."""
    if r.clean is None:
        return
    import bisect
    for d0, d1, reason in r.clean.dropped:
        if reason != "see-also":
            continue
        text = r.ctx.article.text[d0:d1]
        clean_at = bisect.bisect_left(r.clean.offsets, d0)
        sentence = r.ctx.sentence_of(max(clean_at - 1, 0))
        hits = lexicon_hits(parse(text))
        spans: dict[tuple[int, int], list[LexHit]] = {}
        for h in hits:
            spans.setdefault((h.start, h.end), []).append(h)
        for (start, end), group in sorted(spans.items()):
            if any(o != (start, end) and o[0] <= start and end <= o[1] for o in spans):
                continue
            if group[0].label == "PLACE":
                ref = r.res.choose_place([h.ref for h in group], hint=None, explicit={},
                                         dateline=False)
                key = r.add(r.res.entity_of(ref))
                r.info[key].place_kind = r.res.place_info(key).kind
            elif r.res.entry(group[0].ref) and not r.res.entry(group[0].ref).periodic:
                key = r.add(r.res.entity_of(group[0].ref))
                r.info[key].lexicon_ref = group[0].ref
            else:
                continue
            r.extra.append((key, Mention(text[start:end], Span(d0 + start, d0 + end, sentence))))


def _publisher(r: Reader, name: str) -> str:
    """A news publisher entity: the lexicon's when it knows the name, else as written."""
    for entry in r.lex.entries:
        if entry.kind == "org" and name in (entry.label, *entry.aliases):
            return r.add(r.res.entry_entity(entry))
    return r.add(new_entity("org", name, KB.NewsPublisher))


def _footer(r: Reader) -> None:
    """The publisher named in the copyright footer, as an original-offset mention."""
    clean = r.clean
    if clean is None or not clean.publisher:
        return
    name = " ".join(clean.publisher.split())
    key = _publisher(r, name)
    last = max(len(r.ctx.sentences) - 1, 0)
    for d0, d1, reason in clean.dropped:
        if reason != "copyright":
            continue
        at = r.ctx.article.text.find(clean.publisher, d0, d1)
        if at >= 0:
            r.extra.append((key, Mention(clean.publisher, Span(at, at + len(clean.publisher),
                                                                last))))


# ---------------------------------------------------------------------- venues

def _venue_patterns(lex) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    heads = lex.word_list("venue")
    brands = lex.word_list("venue_brand")
    suffixes = lex.word_list("venue_suffix")
    rest = rf"(?:{_SP}(?!{words_re(lex.word_list('weekday'))}\b){_NAME_WORD})*"
    head_re = re.compile(rf"\b(?P<head>{words_re(heads)}){_SP}{_NAME_WORD}{rest}")
    brand_re = re.compile(rf"\b{words_re(brands)}(?:{_SP}{_NAME_WORD})+")
    suffix_re = re.compile(rf"(?<=\bdi )(?:[A-Z][\w'&\-]*{_SP}){{1,4}}{words_re(suffixes)}\b")
    return head_re, brand_re, suffix_re


_LOCATIVE = re.compile(r"(?:\bdi|\bke|\bdari|\bbertempat di|\bhalaman|\bruang|\bdepan|,)[ \t]+$")
_ALWAYS_VENUE = {"Hotel", "Aula", "Gedung", "Auditorium", "Pendopo", "Pendapa", "Wisma", "Graha",
                 "Kompleks", "Komplek", "Balairung", "Ballroom", "Sasana", "GOR", "Stadion"}


def _venues(r: Reader) -> None:
    """Venue names (kb:Venue): head words with a locative cue, hotel brands, "… Hotel"."""
    head_re, brand_re, suffix_re = compiled(r.lex, "venues", _venue_patterns)
    spans: list[tuple[int, int]] = []
    for m in head_re.finditer(r.text):
        head = m.group("head").split()[0]
        before = r.text[max(0, m.start() - 25):m.start()]
        if head in _ALWAYS_VENUE or _LOCATIVE.search(before):
            spans.append((m.start(), _trim_name(r.text, m.start(), m.end())))
    for pattern in (brand_re, suffix_re):
        for m in pattern.finditer(r.text):
            spans.append((m.start(), _trim_name(r.text, m.start(), m.end())))
    spans = [s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]
    r.venues = sorted(set(spans))


def _trim_name(text: str, start: int, end: int) -> int:
    """Drop a trailing period that ends the sentence from a name."""
    while end > start and text[end - 1] in ".,":
        end -= 1
    return end


def _add_venues(r: Reader) -> None:
    for start, end in r.venues:
        label = " ".join(r.text[start:end].split())
        key = r.add(new_entity("place", label, KB.Venue))
        r.info[key].place_kind = "venue"
        r.mark(key, start, end)


# ------------------------------------------------------------ villages, districts

_HEAD_CLASS = {"Desa": (KB.Village, "village"), "Kelurahan": (KB.Village, "village"),
               "Dusun": (KB.Village, "village"), "Nagari": (KB.Village, "village"),
               "Gampong": (KB.Village, "village"), "Kecamatan": (KB.District, "district")}


def _local_places(r: Reader) -> None:
    """"Desa X", "Kelurahan X", "Kecamatan X" (and the bare X later in the article)."""
    heads = [w for w in r.lex.word_list("place_head") if w in _HEAD_CLASS]
    stop = words_re([*_HEAD_CLASS, "Kabupaten", "Kota", "Provinsi",
                     *r.lex.word_list("weekday"), *r.lex.word_list("month")])
    pattern = re.compile(
        rf"\b(?P<head>{words_re(heads)}){_SP}(?P<name>(?!{stop}\b)[A-Z][\w'\-]*"
        rf"(?:{_SP}(?!{stop}\b)[A-Z][\w'\-]*){{0,3}})")
    for m in pattern.finditer(r.text):
        if any(f.start <= m.start("name") < f.end for f in r.ctx.found
               if f.key.startswith("place/") and r.info[f.key].place_kind
               in ("province", "kota", "kabupaten")):
            continue  # "Kota" names and the like are lexicon places
        cls, kind = _HEAD_CLASS[m.group("head")]
        name = " ".join(m.group("name").split())
        label = f"{m.group('head')} {name}"
        key = r.add(new_entity("place", label, cls, aliases=[name]))
        r.info[key].place_kind = kind
        r.mark(key, m.start(), m.end("name"))
        if len(name) > 3:
            r.aliases.setdefault(name, key)


def _chains(r: Reader) -> None:
    """"di A, B, C": each place inside the next one (venue ⊂ village ⊂ district ⊂ city ⊂
    province), unknown capitalised names in such a chain becoming places of their own."""
    stop = words_re([*r.lex.word_list("weekday"), *r.lex.word_list("month")])
    unknown = re.compile(rf",{_SP}(?P<name>(?!{stop}\b)[A-Z][a-z][\w'\-]*(?:{_SP}(?!{stop}\b)"
                         rf"[A-Z][a-z][\w'\-]*){{0,2}})(?=[ \t]*[,.]|$)")
    places = sorted((f for f in r.ctx.found if f.key.startswith("place/")),
                    key=lambda f: (f.start, -f.end))
    outer = [f for f in places if not any(o is not f and o.start <= f.start and f.end <= o.end
                                          and (o.end - o.start) > (f.end - f.start)
                                          for o in places)]
    by_start = {f.start: f for f in outer}
    for f in outer:
        chain = [f]
        pos = f.end
        while True:
            m = re.match(r",[ \t]*", r.text[pos:])
            if not m:
                break
            nxt = by_start.get(pos + m.end())
            if nxt is None and chain[-1].key.startswith("place/") and r.info[
                    chain[-1].key].place_kind in ("venue", "village", "district", "place"):
                u = unknown.match(r.text, pos)
                if u and not r.found_at(u.start("name")):
                    name = " ".join(u.group("name").split())
                    key = r.aliases.get(name) or r.add(new_entity("place", name, SCHEMA.Place))
                    r.info[key].place_kind = r.info[key].place_kind or "place"
                    nxt = r.mark(key, u.start("name"), u.end("name"))
                    if nxt is not None:
                        by_start[nxt.start] = nxt
            if nxt is None:
                break
            chain.append(nxt)
            pos = nxt.end
        for a, b in zip(chain, chain[1:]):
            ka, kb = r.info[a.key].place_kind, r.info[b.key].place_kind
            if a.key != b.key and (_PLACE_RANK.get(ka, 1) < _PLACE_RANK.get(kb, 1)
                                   or ka == kb == "venue" or "place" in (ka, kb)):
                r.info[a.key].contained_in.append((b.key, a.start))


def _place_aliases(r: Reader) -> None:
    """Bare names of villages, districts and dateline towns defined by this article."""
    for name, key in sorted(r.aliases.items()):
        if not key.startswith("place/"):
            continue
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", r.text):
            if not any(f.start <= m.start() and m.end() <= f.end and f.key != key
                       for f in r.ctx.found if f.key.startswith("place/")):
                r.mark(key, m.start(), m.end())


# ====================================================================== organizations

def _lexicon_names(r: Reader, labels: tuple[str, ...]) -> None:
    """Organizations, programs and frameworks the lexicon knows, with "(ABBR)" and
    a capitalised "Program" before a program kept in the mention."""
    for h in r.hits:
        if h.label not in labels:
            continue
        entry = r.res.entry(h.ref)
        if entry is None:
            continue
        start, end, inner = h.start, h.end, None
        m = _ABBR.match(r.text, end)
        outer = any(o.label == h.label and o.start < h.start and o.end == h.end for o in r.hits)
        if m and not outer and _abbreviates(m.group("abbr"), h.text, entry):
            end = m.end()
        if h.label == "PROG" and not h.text.startswith("Program"):
            p = re.search(r"\b[Pp]rogram[ \t]+$", r.text[max(0, start - 10):start])
            if p:
                new_start = start - (len(r.text[max(0, start - 10):start]) - p.start())
                if r.text[new_start] == "p":  # "program KKBPK": both forms are mentions
                    inner = (start, end)
                start = new_start
        if h.label == "FRAME" and entry.periodic:
            continue  # periodic frameworks are read with their period (_frameworks)
        if h.label == "PROG" and entry.periodic:
            y = re.match(r"[ \t]+((?:19|20)\d\d)\b", r.text[end:])
            if y:
                ent = r.res.entry_entity(entry)
                label = f"{entry.label} {y.group(1)}"
                key = r.add(new_entity("program", label, KB.Program, aliases=ent.aliases,
                                       label_en=ent.label_en))
                r.info[key].lexicon_ref = h.ref
                r.mark(key, start, end + y.end())
                continue
        key = r.add(r.res.entry_entity(entry))
        r.info[key].lexicon_ref = h.ref
        r.info[key].level = entry.level
        r.mark(key, start, end)
        if inner:
            r.keep.add((key, *inner))
            r.mark(key, *inner)


def _abbreviates(abbr: str, name: str, entry=None) -> bool:
    """Is "(abbr)" after ``name`` its abbreviation? A known name of the entry, or letters
    that follow the initials of the name's words ("KKBPK", "PIK-R", "(KB)")."""
    if entry is not None and abbr in (entry.label, entry.abbreviation, *entry.aliases,
                                      *entry.patterns):
        return True
    letters = [c for c in abbr if c.isupper()]
    initials = iter(w[0].upper() for w in re.findall(r"[A-Za-z]+", name)
                    if w not in ("dan", "serta", "di", "dari", "untuk"))
    return bool(letters) and all(c in initials for c in letters)


def _places_at(r: Reader, pos: int, kinds: tuple[str, ...]) -> Found | None:
    for f in r.found_at(pos, ("place",)):
        if r.info[f.key].place_kind in kinds:
            return f
    return None


_OFFICE_HEAD = re.compile(r"\bPerwakilan[ \t]+")


def _offices(r: Reader) -> None:
    """"Perwakilan BKKBN (Provinsi) Kalbar" and "BKKBN Kalbar": one office per province."""
    for agency in [f for f in list(r.ctx.found) if f.key.startswith("org/")]:
        entry = r.res.entry(r.info[agency.key].lexicon_ref or "")
        if entry is None or not entry.office:
            continue
        prov = _province_after(r, agency.end)
        if prov is None:
            continue
        start = agency.start
        head = re.search(rf"\b{re.escape(entry.office)}[ \t]+$", r.text[max(0, start - 20):start])
        if head:
            start -= len(r.text[max(0, start - 20):start]) - head.start()
        office = r.res.representative_office(r.ctx.entities[agency.key],
                                             r.ctx.entities[prov.key])
        key = r.add(office)
        info = r.info[key]
        info.parent, info.jurisdiction, info.level = agency.key, prov.key, "provinsi"
        r.mark(key, start, prov.end)


def _province_after(r: Reader, pos: int) -> Found | None:
    """A province named right after ``pos`` (bare "Jambi" read as the province here)."""
    f = _places_at(r, pos, ("province",))
    if f is not None:
        return f
    for f in r.found_at(pos, ("place",)):
        info = r.res.place_info(f.key)
        prov = r.res.province_by_alias(r.text[f.start:f.end])
        if info and prov is not None:
            key = r.add(r.res.province_entity(prov))
            r.info[key].place_kind = "province"
            return r.mark(key, f.start, f.end) or next(
                g for g in r.ctx.found if (g.key, g.start, g.end) == (key, f.start, f.end))
    return None


_GOV = re.compile(r"\b(?:(?P<full>Pemerintah)|(?P<short>Pemprov|Pemkab|Pemkot|Pemda))[ \t]+")
_GOV_KIND = {"Pemprov": ("province",), "Pemkab": ("kabupaten",), "Pemkot": ("kota",),
             "Pemda": ("province", "kabupaten", "kota"),
             "Pemerintah": ("province", "kabupaten", "kota")}


def _governments(r: Reader) -> None:
    """"Pemerintah Provinsi Kalbar", "Pemprov Jambi", "Pemkab Kubu Raya", "Pemkot Denpasar"."""
    for m in _GOV.finditer(r.text):
        word = m.group("full") or m.group("short")
        place = _places_at(r, m.end(), _GOV_KIND[word])
        if place is None:
            continue
        if word == "Pemerintah" and r.text[place.start:place.end].split()[0] not in (
                "Provinsi", "Kabupaten", "Kota", "Kab."):
            continue
        gov = r.res.regional_government(r.ctx.entities[place.key])
        if gov is None:
            continue
        key = r.add(gov)
        info = r.info[key]
        info.jurisdiction = place.key
        info.level = _level_of(r, place.key)
        r.mark(key, m.start(), place.end)


def _level_of(r: Reader, place_key: str) -> str | None:
    kind = r.info[place_key].place_kind if place_key in r.info else None
    return {"province": "provinsi", "kabupaten": "kabupaten", "kota": "kota"}.get(kind or "")


def government_of(r: Reader, place_key: str, keep: bool = False) -> str | None:
    """The key of "Pemerintah … X" for a province/regency/city, registered without a
    mention; ``keep`` keeps it even if the article never names it (a post needs it)."""
    gov = r.res.regional_government(r.ctx.entities[place_key])
    if gov is None:
        return None
    key = r.add(gov)
    if keep:
        r.needed.add(key)
    r.info[key].jurisdiction = place_key
    r.info[key].level = _level_of(r, place_key)
    return key


# ---------------------------------------------------------------------- regional bodies

@dataclass(frozen=True, slots=True)
class _BodyWords:
    full: dict[str, tuple[str, str, str]]  # written head → (full name, class CURIE, shape)
    pattern: re.Pattern


def _body_words(lex) -> _BodyWords:
    full: dict[str, tuple[str, str, str]] = {}
    for b in lex.bodies:
        if b.shape == "head":
            full[b.name] = (b.name, b.cls, "head")
            for a in b.abbreviations:
                full[a] = (b.name, b.cls, "head")
        else:
            for a in b.abbreviations:
                full[a] = (b.name, b.cls, "name")
            full.setdefault(b.name, (b.name, b.cls, "name"))
    pattern = re.compile(rf"\b(?P<head>{words_re(full)})(?![\w-])")
    return _BodyWords(full, pattern)


_TOPIC_WORD = re.compile(r"(?:[ \t]*,)?[ \t]+(?:(?:dan|serta|&)[ \t]+)?(?P<w>[A-Z][\w\-/]*)")
_LEVEL_WORDS = re.compile(r"[ \t]+tingkat[ \t]+(?P<level>provinsi|kabupaten|kota)\b")


def _bodies(r: Reader) -> None:
    """Dinas/Badan/Setda/TPPS/Pokja of a region: "<head> <topic> (ABBR) <place>"."""
    words = compiled(r.lex, "bodies", _body_words)
    for m in words.pattern.finditer(r.text):
        if any(f.start < m.start() < f.end for f in r.ctx.found if f.key.startswith("org/")):
            continue
        head = m.group("head")
        full, cls, shape = words.full[head]
        pos, topic, abbr = m.end(), [], None
        a = _ABBR.match(r.text, pos)
        if a:
            abbr, pos = a.group("abbr"), a.end()
        place = None
        while True:
            place = _places_at(r, pos, ("province", "kabupaten", "kota"))
            if place is not None:
                break
            a = _ABBR.match(r.text, pos)
            if a and topic:
                abbr, pos = a.group("abbr"), a.end()
                continue
            if shape != "head":
                break
            w = _TOPIC_WORD.match(r.text, pos)
            if not w or r.found_at(w.start("w"), ("org", "person")):
                break
            topic.append(r.text[pos:w.end()])
            pos = w.end()
        if shape == "head" and not topic:
            continue
        end = place.end if place else pos
        place_key = place.key if place else None
        if place is None:
            lvl = _LEVEL_WORDS.match(r.text, pos)
            bare = full.split()[0] in ("Dinas", "Badan") and re.match(r"[ \t]+[a-z]", r.text[pos:])
            if lvl or bare:
                place_key = _context_place(r, m.start(), lvl.group("level") if lvl else None)
            if place_key is None:
                continue
        topic_text = " ".join("".join(topic).replace(" ,", ",").split())
        if shape == "head" and full == "Badan" and topic_text.split()[-1:] == ["Nasional"]:
            continue
        label = r.res.body_label(full, topic_text, r.ctx.entities[place_key])
        ent = new_entity("org", label, URIRef(_cls(cls)))
        key = r.add(ent)
        info = r.info[key]
        info.jurisdiction, info.level = place_key, _level_of(r, place_key)
        info.parent = government_of(r, place_key)
        r.mark(key, m.start(), end)
        if abbr and place is not None and not r.res.entry(f"org:{abbr}"):
            r.aliases.setdefault(abbr, key)
            if shape == "head" and topic_text:
                r.aliases.setdefault(f"{abbr} {topic_text}", key)


def _cls(curie: str) -> str:
    from ..resolve import cls_of
    return str(cls_of(curie))


def _context_place(r: Reader, pos: int, level: str | None) -> str | None:
    """The region a body without a place name belongs to: the region of the nearest
    regional organization or place before it (of the level asked, if any)."""
    want = {"provinsi": ("province",), "kabupaten": ("kabupaten",), "kota": ("kota",),
            None: ("province", "kabupaten", "kota")}[level]
    best = None
    for f in r.ctx.found:
        if f.start >= pos:
            continue
        key = None
        if f.key.startswith("org/") and r.info[f.key].jurisdiction:
            key = r.info[f.key].jurisdiction
        elif f.key.startswith("place/") and level is not None:
            key = f.key
        if key and r.info.get(key) and r.info[key].place_kind in want:
            if best is None or f.start > best[0]:
                best = (f.start, key)
    if best is None and r.dateline_key and r.info[r.dateline_key].place_kind in want:
        return r.dateline_key
    return best[1] if best else None


def _org_aliases(r: Reader) -> None:
    """Short forms an article defines in brackets ("(TPPS)", "(Pokja)"), and a bare
    "Perwakilan BKKBN" when the article names exactly one such office."""
    offices = {f.key for f in r.ctx.found if r.ctx.entities[f.key].types[0] == KB.RepresentativeOffice}
    if len(offices) == 1:
        (key,) = offices
        for m in re.finditer(r"\bPerwakilan[ \t]+(?:BKKBN|Kemendukbangga/BKKBN)\b(?![ \t]+[A-Z])",
                             r.text):
            r.mark(key, m.start(), m.end())
    for name, key in sorted(r.aliases.items(), key=lambda kv: -len(kv[0])):
        if not key.startswith("org/"):
            continue
        for m in re.finditer(rf"(?<![\w(-]){re.escape(name)}(?![\w)-])", r.text):
            if not any(f.start <= m.start() < f.end for f in r.ctx.found if f.key == key):
                r.mark(key, m.start(), m.end())


# ====================================================================== frameworks

def _frameworks(r: Reader) -> None:
    """Periodic frameworks with their period ("RPJMN 2015-2019", "Renstra BKKBN
    2020-2024", "RPJMN dan RENSTRA tahun 2015-2019")."""
    hits = [h for h in r.hits if h.label == "FRAME" and r.res.entry(h.ref)
            and r.res.entry(h.ref).periodic]
    hits = [h for h in hits if not any(o is not h and o.label == "FRAME" and o.start <= h.start
                                       and h.end <= o.end and o.end - o.start > h.end - h.start
                                       for o in hits)]
    pending: list[tuple[LexHit, int, str | None]] = []  # hit, mention end, owner as written
    for h in hits:
        entry = r.res.entry(h.ref)
        end = h.end
        a = _ABBR.match(r.text, end)
        if a:
            end = a.end()
        owner = None
        if entry.owner:
            o = r.found_at(end, ("org",))
            if o and r.text[end:o[0].start].strip() == "":
                owner, end = r.text[o[0].start:o[0].end], o[0].end
        if pending and pending[-1][0].start <= h.start < pending[-1][1]:
            continue  # "(Renstra)" inside "Rencana Strategis (Renstra) BKKBN 2020-2024"
        pending.append((h, end, owner))
    resolved: dict[int, str | None] = {}
    for i, (h, end, _owner) in enumerate(pending):
        m = re.match(rf"[ \t]+(?P<p>{_PERIOD.pattern})", r.text[end:])
        if m:
            resolved[i] = m.group("p")
    for i, (h, end, _owner) in enumerate(pending):
        if i in resolved:
            continue
        pos, j = end, i
        while j + 1 < len(pending):
            link = re.match(r"[ \t]*(?:,|dan|serta)[ \t]+", r.text[pos:])
            if not link or pending[j + 1][0].start != pos + link.end():
                break
            j += 1
            pos = pending[j][1]
            if j in resolved:
                resolved[i] = resolved[j]
                break
        if i not in resolved:
            m = re.match(rf"[ \t]+(?:tahun|periode)[ \t]+(?P<p>{_PERIOD.pattern})", r.text[pos:])
            if m:
                for k in range(i, j + 1):
                    resolved.setdefault(k, m.group("p"))
    by_base: dict[str, set[str]] = {}
    for i, (h, _end, owner) in enumerate(pending):
        if resolved.get(i):
            by_base.setdefault(h.ref, set()).add(_norm_period(resolved[i]))
    for i, (h, end, owner) in enumerate(pending):
        entry = r.res.entry(h.ref)
        period = _norm_period(resolved[i]) if resolved.get(i) else None
        if period is None and len(by_base.get(h.ref, ())) == 1:
            period = next(iter(by_base[h.ref]))
        label = " ".join(x for x in (entry.label, owner, period) if x)
        ent = r.res.entry_entity(entry)
        aliases = [" ".join(x for x in (a, owner, period) if x)
                   for a in (entry.abbreviation, *entry.aliases) if a]
        key = r.add(new_entity("framework", label, ent.types[0], label_en=ent.label_en,
                               aliases=aliases,
                               abbreviation=" ".join(x for x in (entry.abbreviation, period) if x)
                               or None))
        r.info[key].lexicon_ref = h.ref
        if period:
            r.info[key].period = period.replace("-", "/")
        m = re.match(rf"[ \t]+{_PERIOD.pattern}", r.text[end:])
        r.mark(key, h.start, end + (m.end() if m and resolved.get(i) else 0))


def _norm_period(p: str) -> str:
    a, b = re.findall(r"\d{4}", p)
    return f"{a}-{b}"


def _regulations(r: Reader) -> None:
    """"Peraturan Presiden Nomor 72 Tahun 2021 (tentang …)", "Perpres 72/2021", "UU 52/2009"."""
    types = [w for t in r.lex.regulation_types for w in (t.abbreviation, t.full, *t.aliases)]
    title = (r"(?P<title>[A-Z][\w\-/]*(?:(?:,[ \t]*|[ \t]+)(?:(?:dan|serta|atau|untuk|di|pada)"
             r"[ \t]+)?[A-Z0-9][\w\-/]*)*)")
    pattern = re.compile(
        rf"\b(?P<type>{words_re(types)})(?:{_SP}(?:Republik{_SP}Indonesia|RI))?{_SP}"
        rf"(?:(?:Nomor|No\.?){_SP}?)?(?P<num>\d+[A-Z]?)"
        rf"(?:{_SP}Tahun{_SP}|[ \t]*/[ \t]*)(?P<year>(?:19|20)\d\d)\b"
        rf"(?:{_SP}tentang{_SP}{title})?")
    for m in pattern.finditer(r.text):
        kind = r.res.regulation_type(m.group("type"))
        if kind is None:
            continue
        abbr, full = kind
        num, year = m.group("num"), m.group("year")
        cite = f"{full} Nomor {num} Tahun {year}"
        known = r.res.regulation_title(abbr, num, year)
        written = m.group("title")
        about = known or written
        label = f"{cite} tentang {about}" if about else cite
        aliases = [cite, f"{abbr} {num}/{year}", f"{abbr} Nomor {num} Tahun {year}"]
        key = r.add(new_entity("framework", label, KB.Regulation, key=entity_key("framework", cite),
                               aliases=[a for a in aliases if a != label],
                               abbreviation=f"{abbr} {num}/{year}"))
        r.info[key].regulation = (abbr, num, year)
        end = m.end("title") if written and (not known or written.startswith(known)) else m.end("year")
        if written and known and written.startswith(known):
            end = m.start("title") + len(known)
        r.mark(key, m.start(), end)


def _priorities(r: Reader) -> None:
    """"prioritas nomor lima, yakni …", "agenda kelima, yakni …" of an agenda named nearby."""
    numbers = words_re(_NUMBER_WORDS)
    pattern = re.compile(
        rf"\b(?P<head>prioritas|agenda|misi|cita)(?:{_SP}(?:nomor|ke-?))?[ \t]*"
        rf"(?P<num>\d+|{numbers})\b(?P<rest>,?{_SP}(?:yakni|yaitu|adalah){_SP})?")
    agendas = [f for f in r.ctx.found if r.ctx.entities[f.key].types[0] == KB.PoliticalAgenda]
    for m in pattern.finditer(r.text):
        sent = r.ctx.sentence_of(m.start())
        near = [f for f in agendas if f.start < m.start() and r.ctx.sentence_of(f.start)
                in (sent, sent - 1)]
        if not near:
            continue
        agenda = max(near, key=lambda f: f.start)
        framework = r.ctx.entities[agenda.key]
        raw = m.group("num")
        number = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
        end, desc = m.end("num"), None
        if m.group("rest"):
            known = r.res.priority(framework.label, number)
            tail = r.text[m.end():]
            if known and tail.casefold().startswith(known.casefold()):
                desc = tail[:len(known)]
            else:
                d = re.match(r"[^,.;\n]+", tail)
                desc = d.group().strip() if d else None
                if desc:
                    desc = re.split(r"\s+(?:melalui|dengan|serta)\s+", desc)[0]
            if desc:
                end = m.end() + len(desc)
        canonical = f"{framework.label} prioritas {number}"
        written = r.text[m.start():m.end('num')]
        label = f"{canonical}: {desc}" if desc else canonical
        alias = f"{framework.label} {written}: {desc}" if desc else f"{framework.label} {written}"
        key = r.add(new_entity("framework", label, KB.PolicyPriority,
                               key=entity_key("framework", canonical), aliases=[alias],
                               label_en=f"{framework.label} priority {number}"
                               + (f": {desc}" if desc else "")))
        r.info[key].priority = (agenda.key, number)
        r.mark(key, m.start(), end)


# ====================================================================== the pass

def find_entities(ctx: Context, clean=None) -> list[tuple[str, Mention]]:
    """Read places, organizations, programs, frameworks, persons and posts into ``ctx``
    (entities, found, facts). Returns the mentions in text that clean() cut (dateline,
    copyright footer) as (entity key, Mention in ``Article.text`` offsets)."""
    from .people import find_people

    r = Reader(ctx, clean)
    _venues(r)
    _lexicon_places(r)
    _dateline(r)
    _add_venues(r)
    _local_places(r)
    _lexicon_names(r, ("ORG",))
    _offices(r)
    _governments(r)
    _bodies(r)
    _org_aliases(r)
    _lexicon_names(r, ("PROG", "FRAME"))
    _frameworks(r)
    _regulations(r)
    _priorities(r)
    find_people(r)
    _chains(r)
    _place_aliases(r)
    _footer(r)
    _see_also(r)
    _prune(r)
    add_facts(r)
    return r.extra


def _prune(r: Reader) -> None:
    """Apply the mention rules: drop a form nested in a longer form of the same entity,
    anything inside a person's name, and a place nested in another place's name."""
    found = r.ctx.found
    persons = [f for f in found if f.key.startswith("person/")]
    keep = []
    for f in found:
        former = {n for n, _ in r.ctx.entities[f.key].former_names}
        if f.text not in former and (f.key, f.start, f.end) not in r.keep and any(
                o is not f and o.key == f.key and o.start <= f.start and f.end <= o.end
                for o in found):
            continue
        if not f.key.startswith("person/") and any(
                p.start <= f.start and f.end <= p.end for p in persons):
            continue
        if f.key.startswith("place/") and r.info[f.key].place_kind != "venue" and any(
                o is not f and o.key.startswith("place/") and r.info[o.key].place_kind != "venue"
                and o.start <= f.start and f.end <= o.end and (o.end - o.start) > (f.end - f.start)
                for o in found):
            continue
        keep.append(f)
    keep.sort(key=lambda f: (f.start, -f.end, f.key))
    r.ctx.found[:] = keep
    used = {f.key for f in keep} | {k for k, _ in r.extra}
    for key in list(r.ctx.entities):
        if key not in used and not _needed(r, key):
            del r.ctx.entities[key]


def _needed(r: Reader, key: str) -> bool:
    """An entity without mentions stays when a post or a body needs it (Bupati → Pemkab)."""
    return key in r.needed


# ====================================================================== facts

def add_facts(r: Reader) -> None:
    """Facts between the entities read: organization structure, places, programs,
    frameworks. Each fact's evidence is the first sentence naming its subject (or, for
    lexicon knowledge, the first sentence naming both ends)."""
    ents = r.ctx.entities
    named = {f.key for f in r.ctx.found} | {k for k, _ in r.extra}
    for key, mention in r.extra:
        if mention.span.sentence < len(r.ctx.sentences):
            r.anchors.setdefault(key, r.ctx.sentences[mention.span.sentence][0])
    for key in sorted(ents):
        info = r.info.get(key)
        if info is None:
            continue
        pos = _anchor(r, key)
        if pos is None:
            continue
        _org_facts(r, key, info, pos, named)
        if key.startswith("place/"):
            _place_facts(r, key, info, pos, named)
        if key.startswith("program/"):
            _program_facts(r, key, info, named)
        if key.startswith("framework/"):
            _framework_facts(r, key, info, pos)
    _aligns(r)


def _anchor(r: Reader, key: str) -> int | None:
    first = r.first_offset(key)
    if first is None:
        first = r.anchors.get(key)
    return first


def _both(r: Reader, a: str, b: str) -> int | None:
    """Offset of the first sentence naming both entities, else of ``a``'s first mention."""
    together = _together(r, a, b)
    return together if together is not None else _anchor(r, a)


def _org_facts(r: Reader, key: str, info: Info, pos: int, named: set[str]) -> None:
    ents = r.ctx.entities
    if info.unit_of and info.unit_of in ents:
        r.fact(key, ORG.unitOf, EntityRef(info.unit_of), pos)
    if info.parent and info.parent in ents and (info.parent in named or info.parent in r.needed):
        r.fact(key, ORG.subOrganizationOf, EntityRef(info.parent), pos)
    if info.jurisdiction and info.jurisdiction in ents:
        r.fact(key, KB.jurisdiction, EntityRef(info.jurisdiction), pos)
    if info.level in LEVELS and key.startswith("org/"):
        r.fact(key, KB.governmentLevel, LEVELS[info.level], pos)


def _place_facts(r: Reader, key: str, info: Info, pos: int, named: set[str]) -> None:
    ents = r.ctx.entities
    parents = [(k, at) for k, at in info.contained_in if k in ents]
    if not parents and info.place_kind == "venue":
        parents = _venue_parent(r, key)
    if not parents and info.place_kind in ("village", "district", "place"):
        parents = _nearest_region(r, key)
    if not parents and info.place_kind in ("kota", "kabupaten"):
        prov = r.res.place_info(key).province
        if prov in named and prov in ents:
            parents = [(prov, _both(r, key, prov) or pos)]
    for parent, at in parents:
        if parent != key:
            r.fact(key, SCHEMA.containedInPlace, EntityRef(parent), at)
    lexicon = r.res.place_info(key)
    if lexicon and lexicon.kemendagri:
        r.fact(key, KB.kemendagriCode, lexicon.kemendagri, pos)


def _venue_parent(r: Reader, key: str) -> list[tuple[str, int]]:
    """A venue is in the most specific place its own name holds ("Hotel Claro Makassar"),
    else in the dateline town when that is a city or regency of the same province."""
    rank = {"village": 0, "district": 1, "kota": 2, "kabupaten": 2}
    for v in (f for f in r.ctx.found if f.key == key):
        inner = [f for f in r.ctx.found if f.key.startswith("place/") and f.key != key
                 and v.start <= f.start and f.end <= v.end
                 and r.info[f.key].place_kind in rank]
        if inner:
            best = min(inner, key=lambda f: rank[r.info[f.key].place_kind])
            return [(best.key, v.start)]
    town = r.dateline_key
    if town and r.info[town].place_kind in ("kota", "kabupaten"):
        provinces = {f.key for v in r.ctx.found if v.key == key for f in r.ctx.found
                     if f.key.startswith("place/") and v.start <= f.start and f.end <= v.end
                     and r.info[f.key].place_kind == "province"}
        town_province = r.res.place_info(town).province
        if not provinces or town_province in provinces:
            return [(town, r.first_offset(key) or 0)]
    return []


def _nearest_region(r: Reader, key: str) -> list[tuple[str, int]]:
    """A village, district or town with no place named after it lies in the nearest city
    or regency named before it (else in the dateline's)."""
    mine = sorted(f.start for f in r.ctx.found if f.key == key)
    regions = [f for f in r.ctx.found if f.key.startswith("place/")
               and r.info[f.key].place_kind in ("kota", "kabupaten")]
    for at in mine:
        before = [f for f in regions if f.end <= at]
        if before:
            return [(max(before, key=lambda f: f.start).key, at)]
    town = r.dateline_key
    if town and town != key and r.info[town].place_kind in ("kota", "kabupaten") and mine:
        return [(town, mine[0])]
    return []


def _program_facts(r: Reader, key: str, info: Info, named: set[str]) -> None:
    entry = r.res.entry(info.lexicon_ref or "")
    if entry is None:
        return
    parent = entry.parent
    while parent:
        pkey = entity_key("program", parent)
        if pkey in named:
            r.fact(key, KB.partOfProgram, EntityRef(pkey), _both(r, key, pkey))
            break
        up = r.res.entry(f"program:{parent}")
        parent = up.parent if up else None
    if entry.run_by:
        okey = entity_key("org", entry.run_by)
        together = _together(r, key, okey)
        if together is not None:
            r.fact(key, KB.runBy, EntityRef(okey), together)


def _together(r: Reader, a: str, b: str) -> int | None:
    """Offset of the first sentence that names both entities, or None."""
    sents_b = {f.sentence for f in r.ctx.found if f.key == b}
    return next((f.start for f in sorted(r.ctx.found, key=lambda f: f.start)
                 if f.key == a and f.sentence in sents_b), None)


def _framework_facts(r: Reader, key: str, info: Info, pos: int) -> None:
    if info.period:
        r.fact(key, KB.period, info.period, pos)
    if info.priority:
        agenda, number = info.priority
        r.fact(key, KB.priorityOf, EntityRef(agenda), pos)
        r.fact(key, KB.priorityNumber, number, pos)
    if info.regulation:
        abbr, number, year = info.regulation
        r.fact(key, KB.regulationType, abbr, pos)
        r.fact(key, KB.regulationNumber, number, pos)
        r.fact(key, KB.regulationYear, int(year), pos, XSD.gYear)


_PROGRAM_ANAPHOR = re.compile(r"\bprogram[ \t]+(?:tersebut|itu|ini)\b")


def _aligns(r: Reader) -> None:
    """A program (or task force) and a framework named in one sentence: the program is
    directed towards the framework ("program KKBPK menuju sasaran RPJMN …")."""
    by_sentence: dict[int, list[Found]] = {}
    for f in r.ctx.found:
        by_sentence.setdefault(f.sentence, []).append(f)
    programs_so_far: list[Found] = []
    for sentence, found in sorted(by_sentence.items()):
        programs = [f for f in found if f.key.startswith("program/")
                    or r.ctx.entities[f.key].types[0] == KB.TaskForce]
        frames = [f for f in found if f.key.startswith("framework/")]
        s0, s1 = r.ctx.sentences[sentence]
        if frames and not programs and programs_so_far and _PROGRAM_ANAPHOR.search(r.text, s0, s1):
            programs = [programs_so_far[-1]]  # "program tersebut menjadi bagian dari … Nawacita"
        programs_so_far.extend(f for f in found if f.key.startswith("program/"))
        for p in programs:
            for fw in frames:
                r.fact(p.key, KB.alignsWith, EntityRef(fw.key), p.start)
