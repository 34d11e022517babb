"""Places in one article: lexicon names, venues, villages, districts and place chains.

- Lexicon names (provinces with their short forms, regencies, cities): where one bare
  name fits several places, ``Resolver.choose_place`` decides from the words before it.
- Venues (kb:Venue): "Hotel X", "Aula X", "Gedung X"; "Kantor X", "Ruang X", "Balai X"
  after a locative ("di ruang rapat Kantor Bupati Garut"); hotel brands ("Swiss-Belhotel
  Jambi"); "X Hotel" after "di".
- Villages and districts: "Desa X", "Kelurahan X", "Kecamatan X" (the bare X later in the
  article is the same place).
- Chains: "di A, B, C" — each place inside the next; an unknown capitalised name in a chain
  is a place of its own ("Auditorium BKKBN, Halim Perdanakusuma, Jakarta Timur").
- What clean() cut: the dateline ("KUBU RAYA (ANTARA) -"), the copyright footer's
  publisher, places and programs in a "Baca juga:" line — as original-offset mentions.
"""

from __future__ import annotations

import bisect
import difflib
import re
from itertools import pairwise

from kbgraph.ontology.namespaces import KB, SCHEMA
from rdflib import URIRef
from spacy.language import Language
from spacy.tokens import Doc

from ..canonical import new_entity
from ..clean import OUTLET_WORD
from ..model import Mention, Span
from . import publishers
from .registry import (
    ABBR,
    NAME_WORD,
    PLACE_RANK,
    SP,
    EntityRegistry,
    compiled,
    of,
    word_kind_re,
    words_re,
)
from .s02_lexicon import LexHit
from .text import initials, occurrences, starting

__all__ = [
    "add_venues", "chains", "dateline", "find_venues", "footer", "lexicon_places",
    "local_places", "named_program_places", "place_aliases", "see_also", "venues_over_bodies",
]

@Language.component("kb_places")
def places_stage(doc: Doc) -> Doc:
    """Stage 3: venues, the lexicon's places, the dateline, villages and districts."""
    r = of(doc)
    find_venues(r)
    lexicon_places(r)
    misspelt_regions(r)
    misspelt_heads(r)
    listed_regencies(r)
    dateline(r)
    add_venues(r)
    streets(r)
    local_places(r)
    village_lists(r)
    towns_before_day(r)
    named_program_places(r)
    return doc


def _town_pattern(lex) -> re.Pattern[str]:
    return re.compile(
        rf"\b{word_kind_re('locative_in', lex)}[ \t]+(?P<name>[A-Z][a-z][\w'\-]*"
        rf"(?:[ \t]+[A-Z][a-z][\w'\-]*){{0,2}})[ \t]*,[ \t]*"
        rf"(?={words_re([*lex.word_list('weekday'), *lex.word_list('capital_of')])}\b"
        r"|\(?\d{1,2}/\d{1,2})")


def towns_before_day(r: EntityRegistry) -> None:
    """"… katanya di Takengon, Selasa": a name the lexicon does not know, after "di" and
    before the day the news happened (or before "ibu kota …": "di Wamena, ibu kota
    Kabupaten Jayawijaya"), is the town where it happened (a place of its own;
    its bare name later in the article is the same place). A name something else was
    read in, a word that is never a name, or a head word of a venue, village, district,
    program or post is left alone. The town is in the one city or regency the body names
    (other than the dateline's; the dateline's when it is a regency the body names and
    the body names no other), else in no place the article says."""
    pattern = compiled(r.lex, "towns", _town_pattern)
    never = {*r.lex.word_list("non_name"), *r.lex.word_list("venue"),
             *r.lex.word_list("village_head"), *r.lex.word_list("district_head"),
             *r.lex.word_list("program_head"), *r.lex.word_list("region_head"),
             *(t.title.split()[0] for t in r.lex.post_titles)}
    cover = r.covered()
    regions = {f.key for f in r.ctx.found if f.key.startswith("place/") and f.key != r.dateline_key
               and r.info[f.key].place_kind in ("kota", "kabupaten")}
    if not regions:  # "TANAH BUMBU, … Pemerintah Kabupaten Tanah Bumbu … di Batulicin,
        regions = {f.key for f in r.ctx.found if f.key == r.dateline_key  # Selasa": the one
                   and r.info[f.key].place_kind == "kabupaten"}  # regency, dateline and body
    for m in pattern.finditer(r.text):
        start, end = m.span("name")
        name = " ".join(m.group("name").split())
        if any(cover[start:end]) or name.split()[0] in never:
            continue
        key = r.aliases.get(name)
        if key is None:
            key = r.add(new_entity("place", name, SCHEMA.Place))
            # in the one city or regency the body names; else nowhere (not the dateline's:
            # a report filed in Banda Aceh speaks of Takengon elsewhere)
            r.info[key].place_kind = "place" if len(regions) == 1 else "town"
            if len(regions) == 1:
                r.info[key].contained_in.append((next(iter(regions)), start))
        r.aliases.setdefault(name, key)
        r.mark(key, start, end)


def _named_program_pattern(lex) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A place program's head (``place_program``) and a name of one to three capitalised
    words (perhaps in quotes) that holds no head of a place, day, month, grade
    (``program_grade``) or word that is never a name; then what may stand between it and
    the place it lies in (",", "di"), and what names it from before ("sebagai", "nama")."""
    stop = words_re([*lex.word_list("village_head"), *lex.word_list("district_head"),
                     *lex.word_list("region_head"), *lex.word_list("weekday"),
                     *lex.word_list("month"), *lex.word_list("program_grade"),
                     *lex.word_list("non_name"), *(w.capitalize() for w in lex.word_list("locative_in"))])
    word = rf"(?!{stop}\b)[A-Z][\w'\-]*"
    head = word_kind_re("place_program", lex)
    name = re.compile(rf"\b(?P<head>{head})[ \t]+(?P<open>[\"\u201c])?(?P<name>{word}(?:[ \t]+{word}){{0,2}})"
                      rf"(?(open)[\"\u201d])(?![\w'\-])")
    after = re.compile(rf"[ \t]*,?[ \t]*(?:{word_kind_re('locative_in', lex)}[ \t]+)?")
    before = re.compile(rf"\b(?P<cue>{word_kind_re('as_word', lex)}|{word_kind_re('named_as', lex)})[ \t]+$")
    return name, after, before


def named_program_places(r: EntityRegistry) -> None:
    """"Kampung KB \"Mawar\" di Desa X", "Desa X sebagai Kampung KB Mawar Jaya", "diberi nama
    Kampung KB Mawar": a Kampung KB with a name of its own is a place, in the village or
    district named right after it (after "di" or a comma) or right before "sebagai". The
    name must be set off so: quoted, followed by a place, or after "sebagai"/"nama"; a
    name something else was read in (a body, a program, a place) is left alone."""
    pattern, after, before = compiled(r.lex, "named_program_places", _named_program_pattern)
    label_head = r.lex.word_list("place_program")[0]
    cover = r.covered()
    for m in pattern.finditer(r.text):
        start, end = m.span("name")
        if any(cover[start:end]) or any(h.start < end and start < h.end for h in r.hits):
            continue
        nxt = after.match(r.text, m.end())
        inside = [f for f in r.found_at(nxt.end(), ("place",))
                  if r.info[f.key].place_kind in ("village", "district", "place", "kota", "kabupaten")]
        cue = before.search(r.text, max(0, m.start() - 20), m.start())
        if not (m.group("open") or inside or cue):
            continue
        if not inside and cue is not None and cue.group("cue") in r.lex.word_list("as_word"):
            inside = [f for f in r.ctx.found if f.key.startswith("place/") and r.text[f.end:cue.start()].strip() == ""
                      and f.end <= cue.start() and r.info[f.key].place_kind in ("village", "district", "place")]
        name = " ".join(m.group("name").split())
        key = r.add(new_entity("place", f"{label_head} {name}", KB.Venue))  # where an event
        r.info[key].place_kind = "venue"  # is held, like a hall: inside its village
        if inside:
            r.info[key].contained_in.append((inside[0].key, m.start()))
        r.mark(key, m.start(), m.end())


def lexicon_places(r: EntityRegistry) -> None:
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
        if len(refs) == 1 and len(words) == 2 and words[0] in r.lex.word_list("region_head"):
            explicit.setdefault(r.res.place_info(r.res.place_key_of_ref(refs[0])).name, refs[0])
    local_head = compiled(r.lex, "local_head_before", _local_head_before)
    for start, end in sorted(longest):
        if _program_before(r, start) and _NAME_AFTER.match(
                r.text, end):
            continue  # "Program Bangka Kencana": a program's name, misspelled, not Bangka
        if (local_head.search(r.text, max(0, start - 14), start)
                and r.text[start:end].split()[0] not in r.lex.word_list("region_head")):
            continue  # "Desa Karanganyar", "Kecamatan Bandung": a village or district of
            #           that name (``local_places``), not the regency ("Kepala Desa
            #           Kabupaten Garut" is the regency)
        refs = spans[(start, end)]
        ref = r.res.choose_place(refs, hint=_place_hint(r, start, end), explicit=explicit,
                                 dateline=False)
        key = r.add(r.res.entity_of(ref))
        kind = r.info[key].place_kind = r.res.place_info(key).kind
        head = compiled(r.lex, "province_word", _province_word).search(
            r.text, max(0, start - 12), start)
        if kind == "province" and head:  # "Propinsi Kalsel", "Prov. Kalsel"
            start = head.start()
        abbr = ABBR.match(r.text, end)
        if abbr and (_initials(abbr.group("abbr"), r.ctx.entities[key].label.split(None, 1)[-1])
                     or kind in ("kota", "kabupaten")
                     and _syllables(abbr.group("abbr"), r.res.place_info(key).name)):
            end = abbr.end()  # "Kabupaten Hulu Sungai Tengah (HST)", "… Tanah Bumbu (Tanbu)":
            r.aliases.setdefault(abbr.group("abbr"), key)  # the short form in later sentences
        elif abbr and _short_form_of(r, abbr.group("abbr"), key):
            end = abbr.end()  # "Sumatera Utara (Sumut)": a name and its short form, one mention
        start = _after_post_head(r, start, end)
        r.mark(key, start, end)
        if kind in ("kota", "kabupaten") and r.text[start:end] == r.res.place_info(key).name:
            _city_district(r, key, start, end)


def _local_head_before(lex) -> re.Pattern[str]:
    """A village or district head right before a name ("Desa ", "Kec. ")."""
    heads = [*lex.word_list("village_head"), *lex.word_list("district_head"),
             *lex.word_list("district_short")]
    return re.compile(rf"(?<![\w/]){words_re(heads)}(?<!\w\.\w)[ \t]+$")


def _short_form_of(r: EntityRegistry, abbr: str, key: str) -> bool:
    """``abbr`` is a name the lexicon knows for the place ``key`` ("Sumut")."""
    return any(h.label == "PLACE" and h.start == 0 and h.end == len(abbr)
               and r.res.place_key_of_ref(h.ref) == key for h in r.phrase_hits(abbr))


def _post_heads(lex) -> re.Pattern[str]:
    """The words of a post title before its last word when that word is a region head
    ("Wali" of "Wali Kota", "Wakil Wali" of "Wakil Wali Kota")."""
    heads = set(lex.word_list("region_head"))
    before = sorted({t.title.rsplit(None, 1)[0] for t in lex.post_titles
                     if " " in t.title and t.title.rsplit(None, 1)[1] in heads})
    return re.compile(rf"\b{words_re(before)}[ \t]+$")


def _after_post_head(r: EntityRegistry, start: int, end: int) -> int:
    """"Wali Kota Depok": "Kota" belongs to the post title, the place is named "Depok"
    (as "Kubu Raya" in "Bupati Kubu Raya")."""
    words = r.text[start:end].split(None, 1)
    if len(words) == 2 and words[0] in r.lex.word_list("region_head") and compiled(
            r.lex, "post_heads", _post_heads).search(r.text, max(0, start - 30), start):
        return start + len(r.text[start:end]) - len(r.text[start:end].split(None, 1)[1])
    return start


def _direction_pattern(lex) -> tuple[re.Pattern[str], re.Pattern[str]]:
    heads = [*lex.word_list("district_head"), *lex.word_list("district_short")]
    return (re.compile(rf"[ \t]+(?P<dir>{word_kind_re('direction', lex)})\b(?![ \t]+[A-Z])"),
            re.compile(rf"\b{words_re(heads)}[ \t]+$"))


def _city_district(r: EntityRegistry, city: str, start: int, end: int) -> None:
    """"…, Desa Adat Tambawu, Denpasar Timur": a city's bare name and a compass word the
    lexicon knows no region by is the city's district (Kecamatan Denpasar Timur), in the
    city."""
    direction, head_before = compiled(r.lex, "city_district", _direction_pattern)
    m = direction.match(r.text, end)
    if m is None or head_before.search(r.text, max(0, start - 12), start):
        return  # "Kecamatan Medan Polonia" is read with the district heads
    name = f"{r.text[start:end]} {m.group('dir')}"
    head = r.lex.word_list("district_head")[0]
    key = r.add(new_entity("place", f"{head} {name}", KB.District, aliases=[name]))
    r.info[key].place_kind = "district"
    r.info[key].contained_in.append((city, start))
    r.mark(key, start, m.end())


_COUNT = r"(?:[ \t]*\([^()\n]{1,20}\))?"  # "Sarmi (21)": a count after an item
def _item_patterns(lex) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What stands between two items of a list: a count, a comma, "dan" (``list_and``)."""
    link = rf"{_COUNT}[ \t]*(?:,|,?[ \t]+{word_kind_re('list_and', lex)})[ \t]+"
    return re.compile(link + "$"), re.compile(link)


def listed_regencies(r: EntityRegistry) -> None:
    """A regency whose bare name is also a common word or a person's name (``bare`` = 0 in
    ``regencies.csv``: "Puncak", "Asmat") is read where it stands in a list next to another
    city or regency ("Yalimo (21), Sarmi (21), Puncak (14), Nabire (16)")."""
    regions = [f for f in r.ctx.found if f.key.startswith("place/")
               and r.info[f.key].place_kind in ("kota", "kabupaten")]
    listed = [h for h in r.hits if h.label == "LISTED"]
    item_before, item_after = compiled(r.lex, "list_items", _item_patterns)
    added = True
    while added:  # a list is read from its known items outwards
        added = False
        for h in listed:
            if any(f.start < h.end and h.start < f.end for f in r.ctx.found):
                continue
            before = item_before.search(r.text, max(0, h.start - 30), h.start)
            after = item_after.match(r.text, h.end)
            if not (before and any(f.end == before.start() for f in regions)
                    or after and any(f.start == after.end() for f in regions)):
                continue
            key = r.add(r.res.entity_of(f"regency:{h.ref.split(':', 1)[1]}"))
            r.info[key].place_kind = r.res.place_info(key).kind
            found = r.mark(key, h.start, h.end)
            if found is not None:
                regions.append(found)
                added = True


def _program_before_pattern(lex) -> re.Pattern[str]:
    heads = lex.word_list("program_head")
    return re.compile(rf"\b{words_re([*heads, *(h.lower() for h in heads)])}[ \t]+"
                      rf"(?P<more>(?:[A-Z][\w'\-]*[ \t]+){{0,3}})$")


def _program_before(r: EntityRegistry, start: int, *, inside: bool = False) -> bool:
    """A program head word ("Program", "gerakan") just before ``start``: what follows is a
    program's name ("Program Desa Sehat", "Program Bangka Kencana"), not a place; with
    ``inside``, also a capitalised head a few capitalised words before ("Gerakan Membangun
    Desa Saburai")."""
    pattern = compiled(r.lex, "program_before", _program_before_pattern)
    m = pattern.search(r.text, max(0, start - 60), start)
    return m is not None and (not m.group("more") or (inside and m.group()[0].isupper()))
_NAME_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")
def _province_word(lex) -> re.Pattern[str]:
    """"Propinsi", "Prov." before a province's name (kept in its mention)."""
    return re.compile(rf"\b{word_kind_re('province_prefix_other', lex)}[ \t]*$")

def _hint_patterns(lex) -> tuple[tuple[re.Pattern[str], str], ...]:
    """The words before a bare name that say which kind of place it is (``words.csv``
    kinds ``hint_province``, ``hint_office`` with the word after it, ``hint_kota``,
    ``hint_kabupaten``)."""
    office = rf"{word_kind_re('hint_office', lex)}(?:[ \t]+\S+)?"
    return tuple(
        (re.compile(rf"(?:{words_re(words)}{extra})[ \t]+$"), kind)
        for words, extra, kind in (
            (lex.word_list("hint_province"), f"|{office}", "province"),
            (lex.word_list("hint_kota"), "", "kota"),
            (lex.word_list("hint_kabupaten"), "", "kabupaten")))


def _place_hint(r: EntityRegistry, start: int, end: int) -> str | None:
    before = r.text[max(0, start - 40):start]
    for pattern, hint in compiled(r.lex, "place_hints", _hint_patterns):
        if pattern.search(before):
            return hint
    if r.in_venue(start, end) or any(v1 <= start and r.text[v1:start].strip(" \t") in ("", ",")
                                     for _, v1 in r.venues):
        return "local"  # "Swiss-Belhotel Jambi", "di Hotel X, Gorontalo": the venue's town
    return None


def dateline(r: EntityRegistry) -> None:
    """The dateline place (and agency) cut by clean(), as original-offset mentions."""
    clean = r.clean
    article = r.ctx.article
    if clean is None:
        return
    for d0, d1, reason in clean.dropped:
        if reason != "dateline":
            continue
        segment = _outlet_words(r, d0, article.text[d0:d1])
        m = re.match(r"[ \t]*(?P<place>[^(,\-–—|]+?)[ \t]*(?:,[ \t]*(?P<qual>[^(,|]*?)[ \t]*)?"
                     r"(?:\((?P<agency>[^()]+)\))?[ \t]*(?:[-–—|:]|(?<=\))\.)", segment)
        if not m or not m.group("place").strip():
            continue
        place, where, qual_group = m.group("place"), "place", "qual"
        first, _, rest = place.partition(" ")
        head, _, last = place.rstrip().rpartition(" ")
        if head and not m.group("qual") and _site_word(r, last) and _dateline_place(
                r, head, new=False):  # "JAKARTA RMN |" on rmnindonesia.id: place, outlet
            key = publishers.outlet_key(r, last)
            at = d0 + m.start("place") + len(head) + 1
            r.extra.append((key, Mention(last, Span(at, at + len(last), 0))))
            key = r.dateline_key = _dateline_place(r, head)
            r.extra.append((key, Mention(head, Span(d0 + m.start("place"),
                                                     d0 + m.start("place") + len(head), 0))))
            continue
        if rest and not m.group("qual") and publishers.is_site(r, first):
            key = publishers.outlet_key(r, first)  # "FOKUS LEBAK—" on fokus.co.id: the
            r.extra.append((key, Mention(first, Span(  # outlet, then the place
                d0 + m.start("place"), d0 + m.start("place") + len(first), 0))))
            at = d0 + m.start("place") + len(first) + 1
            key = _dateline_place(r, rest)
            if key:
                r.dateline_key = key
                r.extra.append((key, Mention(rest, Span(at, at + len(rest), 0))))
            continue
        if not m.group("qual") and (publishers.is_site(r, place)
                                    or publishers.WEB.search(place.strip())
                                    or (_site_word(r, place.strip()) and _unknown_word(r, place))):
            key = publishers.outlet_key(r, place)  # "SULTENG RAYA –" on sultengraya.com,
            #                                          "FAJARBANTEN.CO.ID –", "GEMAS –" on
            #                                          gemasriwijaya.com: no place
            r.extra.append((key, Mention(place, Span(d0 + m.start("place"),
                                                      d0 + m.end("place"), 0))))
            continue
        if not m.group("qual") and _body_word(r, place):  # "DINAS KOMINFO KAB. BELU –":
            key = publishers.outlet_key(r, place)  # a government office's news, no place
            r.extra.append((key, Mention(place, Span(d0 + m.start("place"), d0 + m.end("place"), 0))))
            _region_in_dateline(r, place, d0 + m.start("place"))
            continue
        if m.group("qual") and (publishers.is_outlet(r, place) or (  # "TRIBUNSUMSEL.COM,
                _unknown_word(r, place) and _lexicon_place(r, m.group("qual")))):  # MUARA ENIM -",
            #                     "TIMESJAMBI, BLITAR –": an unknown word before a known place
            key = publishers.outlet_key(r, place)
            r.extra.append((key, Mention(place, Span(d0 + m.start("place"),
                                                      d0 + m.end("place"), 0))))
            place, where, qual_group = m.group("qual"), "qual", ""
        key = _dateline_place(r, place)
        if key:
            r.dateline_key = key
            r.extra.append((key, Mention(place, Span(d0 + m.start(where),
                                                      d0 + m.end(where), 0))))
        if qual_group and m.group("qual") and publishers.is_outlet(r, m.group("qual")):
            key = publishers.outlet_key(r, m.group("qual"))  # "BANJARMASIN, Barito Ekspres –"
            r.extra.append((key, Mention(m.group("qual"), Span(
                d0 + m.start("qual"), d0 + m.end("qual"), 0))))
        elif qual_group and m.group("qual"):  # "KUBU RAYA, Kalbar (ANTARA) -"
            qual = " ".join(m.group("qual").split())
            hits = [h for h in r.phrase_hits(qual) if h.label == "PLACE"
                    and h.start == 0 and h.end == len(qual)]
            if not hits and key and _names_outlet(r, qual):
                okey = publishers.outlet_key(r, m.group("qual"))
                r.extra.append((okey, Mention(m.group("qual"), Span(
                    d0 + m.start("qual"), d0 + m.end("qual"), 0))))
            if hits:
                ref = r.res.choose_place(sorted({h.ref for h in hits}), hint=None, explicit={},
                                         dateline=False)
                qkey = r.add(r.res.entity_of(ref))
                r.info[qkey].place_kind = r.res.place_info(qkey).kind
                r.extra.append((qkey, Mention(m.group("qual"), Span(
                    d0 + m.start("qual"), d0 + m.end("qual"), 0))))
        if m.group("agency") and re.search(r"[^\W\d_]", m.group("agency")):  # not "Kamis (04/10)."
            agency = " ".join(m.group("agency").split())
            pkey = _publisher(r, agency, bracket=True)
            r.extra.append((pkey, Mention(m.group("agency"),
                                          Span(d0 + m.start("agency"), d0 + m.end("agency"), 0))))


def _body_word(r: EntityRegistry, written: str) -> bool:
    """A dateline that begins with the head of a body ("DINAS KOMINFO …", bodies.csv)."""
    first = written.split()[0].capitalize() if written.split() else ""
    return first in {b.name.split()[0] for b in r.lex.bodies}


def _region_in_dateline(r: EntityRegistry, written: str, at: int) -> None:
    """"… KAB. BELU": the region a dateline's body is of, as an original-offset mention."""
    heads = {w.casefold(): k for k in ("kota", "kabupaten", "province")
             for w in r.lex.word_list(f"hint_{k}")}
    m = re.search(r"(?P<head>\S+)[ \t]+(?P<name>[^\s.,]+(?:[ \t]+[^\s.,]+)?)[ \t]*$", written)
    kind = heads.get(m.group("head").casefold()) if m else None
    if kind is None:
        return
    title = " ".join(w.capitalize() for w in m.group("name").split())
    refs = [f"regency:{g.label}" for g in r.res.by_name.get(title, ()) if g.kind == kind]
    if len(refs) != 1:
        return
    key = r.add(r.res.entity_of(refs[0]))
    r.info[key].place_kind = r.res.place_info(key).kind
    r.extra.append((key, Mention(written[m.start():], Span(at + m.start(), at + len(written), 0))))


# the name, blanked with the comma after it ("BORNEOTREND.COM, KALSEL –" reads as "KALSEL –")
# or the hyphen or bar before the town ("SMARTPEKANBARU.COM-Pekanbaru —", "AcehNews.net|TAKENGON –")
_OUTLET_WORD = re.compile(rf"(?P<name>{OUTLET_WORD})(?:[ \t]*,|-(?=[A-Z])|[ \t]*\|(?=[ \t]*[A-Z]))?")


def _outlet_words(r: EntityRegistry, d0: int, segment: str) -> str:
    """Register each name in the dateline that can only be an outlet (a web address, a
    word with a capital inside: "radartvnews.com –", "TAKENGON | AcehNews.net –",
    "KlikMINUT –") and return the segment with those names blanked, so what is left
    parses as place, qualifier and agency."""
    def blank(m: re.Match[str]) -> str:
        name = m.group("name")
        key = publishers.outlet_key(r, name)
        r.extra.append((key, Mention(name, Span(d0 + m.start(), d0 + m.end("name"), 0))))
        return " " * len(m.group())

    return _OUTLET_WORD.sub(blank, segment)


def _names_outlet(r: EntityRegistry, qual: str) -> bool:
    """A dateline's second part after a known place that is neither a place, a day nor
    a date is the outlet ("PANGKALPINANG, LASPELA –", "Kota Bengkulu, MC Benteng -"); not
    two letters ("MOROWALI, CS –"), which say too little to name it."""
    words = qual.split()
    calendar = {*r.lex.calendar_words("weekday"), *r.lex.calendar_words("month")}
    if qual.casefold() in {w.casefold() for w in r.lex.word_list("press_office")}:
        return False  # "TANJUNGPINANG, DISKOMINFO -": a government's office, not a title
    return (bool(words) and words[0][:1].isupper() and len(words) <= 3 and len(qual) >= 3
            and not any(w.casefold().strip(".,") in calendar for w in words)
            and not any(h.start == 0 and h.end == len(qual) for h in r.phrase_hits(qual)))


def _place_refs(r: EntityRegistry, written: str) -> list[str]:
    """The lexicon places named by all of ``written`` (as written, else in title case)."""
    name = " ".join(written.split())
    for form in (name, " ".join(w.capitalize() if w.isupper() else w for w in name.split())):
        refs = [h.ref for h in r.phrase_hits(form) if h.start == 0 and h.end == len(form)
                and h.label == "PLACE"]
        if refs:
            return refs
    return []


def _lexicon_place(r: EntityRegistry, written: str) -> bool:
    return bool(_place_refs(r, written))


def _unknown_word(r: EntityRegistry, written: str) -> bool:
    """One word in capitals that names no place the lexicon or the body knows."""
    word = written.strip()
    return (word.isupper() and " " not in word and not _place_refs(r, word)
            and _dateline_place(r, word, new=False) is None)


def _named_with_head(r: EntityRegistry, refs: list[str]) -> str | None:
    """The one place of ``refs`` (a city and a regency of one name) that the body names
    with its head ("BANDUNG –" and only "Kabupaten Bandung" in the body: the regency)."""
    heads = tuple(w + " " for w in r.lex.word_list("region_head"))
    local = [ref for ref in refs  # a dateline is a town: never the province of that name
             if r.res.place_info(r.res.place_key_of_ref(ref)).kind in ("kota", "kabupaten")]
    named = [ref for ref in local if any(
        f.key == r.res.place_key_of_ref(ref) and f.text.startswith(heads) for f in r.ctx.found)]
    return named[0] if len(local) > 1 and len(named) == 1 else None


def _site_word(r: EntityRegistry, word: str) -> bool:
    """A word in capitals the site's name begins with ("RMN" on rmnindonesia.id)."""
    site = publishers.site_name(r.ctx.article.url)
    return bool(site) and word.isupper() and len(word) >= 3 and site.startswith(word.casefold())


def _dateline_place(r: EntityRegistry, written: str, new: bool = True) -> str | None:
    """The place a dateline names: a city first (a dateline is a town), else what the
    lexicon knows by that name, else the village or district of that name the body
    names ("Pabelan –" and "Desa Pabelan": the village), else a new place named as
    written (title case)."""
    name = " ".join(written.split())
    doc_refs = _place_refs(r, name)
    if doc_refs:
        ref = _named_with_head(r, sorted(set(doc_refs))) or r.res.choose_place(
            sorted(set(doc_refs)), hint="local", explicit={}, dateline=True)
        key = r.add(r.res.entity_of(ref))
        r.info[key].place_kind = r.res.place_info(key).kind
        return key
    title = " ".join(w.capitalize() for w in name.split())
    named = sorted({f.key for f in r.ctx.found if f.key.startswith("place/") and r.res.place_info(
        f.key) and r.res.place_info(f.key).name.casefold() == title.casefold()})
    if len(named) == 1:  # "BARRU," and "Kabupaten Barru" in the body (a bare name the
        return named[0]  # lexicon reads only with its head)
    provinces = {f.key for f in r.ctx.found if f.key.startswith("place/")
                 and r.info[f.key].place_kind == "province"}
    regions = [g for g in r.res.by_name.get(title, ()) if r.res.place_info(
        r.res.place_key_of_ref(f"regency:{g.label}")).province in provinces]
    if len(regions) == 1:  # "Ende, NTT –": the one regency of that name in the province
        key = r.add(r.res.entity_of(f"regency:{regions[0].label}"))  # the body names
        r.info[key].place_kind = r.res.place_info(key).kind
        return key
    if not new:
        return None
    kinds, _ = compiled(r.lex, "local_places", _local_patterns)
    heads = words_re([*kinds, *r.lex.word_list("region_head")])
    local = re.search(rf"\b(?P<head>(?i:{words_re(kinds)})){SP}{re.escape(title)}"
                      rf"(?!\w|[ \t]+(?!{heads}\b)[A-Z])", r.text)  # not "Martapura Barat"
    written = local and (local.group("head") if local.group("head") in kinds
                         else local.group("head").capitalize())
    if local and written in kinds and kinds[written][1] != "district":  # "Pabelan –" and
        cls, kind, head = kinds[written]  # "Desa Pabelan" (or "desa Pabelan") in the body:
        #                                   the village; "Borong," and "Kecamatan Borong":
        #                                   the town (the district's seat), a place below
        key = r.add(new_entity("place", f"{head} {title}", cls, aliases=[title]))
        r.info[key].place_kind = kind
        if written != local.group("head"):  # "desa Pabelan": no later stage reads it
            r.mark(key, local.start(), local.end())
        return key
    key = r.add(new_entity("place", title, SCHEMA.Place))
    r.info[key].place_kind = "place"
    r.aliases.setdefault(title, key)
    if local:  # a town named like a district of the body: in the one city or regency it names
        regions = {f.key for f in r.ctx.found if f.key.startswith("place/")
                   and r.info[f.key].place_kind in ("kota", "kabupaten")}
        if len(regions) == 1:
            r.info[key].contained_in.append((next(iter(regions)), 0))
    return key


def see_also(r: EntityRegistry) -> None:
    """Places, programs and organizations named in a "Baca juga:" line cut by clean()
    (the gold counts them as mentions of the article), in original offsets."""
    if r.clean is None:
        return
    for d0, d1, reason in r.clean.dropped:
        if reason != "see-also":
            continue
        text = r.ctx.article.text[d0:d1]
        clean_at = bisect.bisect_left(r.clean.offsets, d0)
        sentence = r.ctx.sentence_of(max(clean_at - 1, 0))
        hits = r.phrase_hits(text)
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


def _publisher(r: EntityRegistry, name: str, bracket: bool = False) -> str:
    """A news publisher entity: the lexicon's when it knows the name, else as written.
    ``bracket``: a dateline's bracket, where a desk of a news agency is the agency
    (:meth:`Resolver.wire`); a footer's desk is the publisher it names."""
    wire = r.res.wire(name) if bracket else None
    if wire is not None:
        return r.add(wire)
    for entry in r.lex.entries:
        if entry.kind == "org" and name in (entry.label, *entry.aliases):
            return r.add(r.res.entry_entity(entry))
    return r.add(new_entity("org", name, KB.NewsPublisher))


def footer(r: EntityRegistry) -> None:
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

def _venue_patterns(lex) -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    heads = lex.word_list("venue")
    brands = lex.word_list("venue_brand")
    suffixes = lex.word_list("venue_suffix")
    streets = sorted({w.rstrip(".") for w in lex.word_list("street_head")})
    this = [w.capitalize() for w in lex.word_list("demonstrative")]  # "Aula Kantor X Ini juga …"
    stop = rf"(?:{word_kind_re('weekday', lex)}\b|{words_re(this)}\b|{words_re(streets)}(?!\w))"
    name_word = rf"(?:(?:[A-Z]\.){{1,3}}(?=[ \t]+[A-Z])|{NAME_WORD})"  # "Gedung H.A. Djunaid"
    word = rf"{SP}(?!{stop}){name_word}"
    rest = rf"(?:{word})*"  # "Hotel X Medan Jalan Y": the street is a place
    head_re = starting(initials(heads), rf"\b(?P<head>{words_re(heads)}){SP}{name_word}{rest}")
    brand_re = starting(initials(brands), rf"\b{words_re(brands)}(?:{word})+")
    suffix_re = starting({"A-Z"},
                         rf"(?:(?<=\bdi )|(?<=\) ))(?:[A-Z][\w'&\-]*{SP}){{1,4}}{words_re(suffixes)}\b{rest}")
    # "di kantor Desa Raknamo", "di aula Dispemdes Kubu Raya": a head in lower case right
    # after "di" and before a name
    ins = lex.word_list("locative_in")
    lower_re = starting(initials(ins), rf"\b{words_re(ins)}{SP}(?P<head>{words_re([h.lower() for h in heads])})"
                                       rf"{SP}{name_word}{rest}")
    return head_re, brand_re, suffix_re, lower_re


def _locative_pattern(lex) -> re.Pattern[str]:
    """A locative before a venue ("di", "ke", "dari", ``locative``), perhaps with up to three
    lower-case words or ground words ("di Halaman Kantor …", ``venue_ground``), or a comma."""
    grounds = [w.capitalize() for w in lex.word_list("venue_ground")]
    floor = rf"{word_kind_re('venue_floor', lex)}[ \t]+\w+"  # "di Lantai 1 Kantor Bupati"
    room = rf"{words_re([w.lower() for w in lex.word_list('venue_room')])}[ \t]+[A-Z][\w'\-]*"
    return re.compile(rf"(?:\b{word_kind_re('locative', lex)}(?:[ \t]+(?:[a-z]+|{words_re(grounds)}|{floor}|{room}))"
                      r"{0,3}|,)[ \t]+$")


def find_venues(r: EntityRegistry) -> None:
    """Venue names (kb:Venue): head words with a locative cue, hotel brands, "… Hotel"."""
    head_re, brand_re, suffix_re, lower_re = compiled(r.lex, "venues", _venue_patterns)
    always = r.lex.word_list("venue_always")  # venue heads that need no "di" before them
    locative = compiled(r.lex, "venue_locative", _locative_pattern)
    spans: list[tuple[int, int]] = []
    party = compiled(r.lex, "venue_not_after", lambda lex: re.compile(
        rf"\b{word_kind_re('venue_not_after', lex)}[ \t]+$"))
    for m in head_re.finditer(r.text):
        head = m.group("head").split()[0]
        before = r.text[max(0, m.start() - 25):m.start()]
        if party.search(before):
            continue  # "dari unsur Kantor Urusan Agama": the office as a party, no building
        if head in always or locative.search(before):
            spans.append((m.start(), _trim_name(r.text, m.start(), m.end())))
    for pattern in (brand_re, suffix_re):
        for m in pattern.finditer(r.text):
            spans.append((m.start(), _trim_name(r.text, m.start(), m.end())))
    buildings = {w.casefold() for w in r.lex.word_list("venue")}
    programs = {h.start for h in r.hits if h.label in ("PROG", "FRAME")}
    for m in lower_re.finditer(r.text):
        if r.skip(m.end("head")) in programs:
            continue  # "di balai Kampung KB": a program's hall, no one named venue
        after = r.text[m.end():m.end() + 30].split()[:1]  # "di ruang X kantor Y"
        if any(w.casefold() in buildings for w in [*r.text[m.end("head"):m.end()].split(), *after]):
            continue  # "di ruang Lestari Kantor X": a room in a building (``_rooms``)
        spans.append((m.start("head"), _trim_name(r.text, m.start("head"), m.end())))
        r.lower_venues.add(m.start("head"))
    r.venues = _rooms(r, _merged([(s, _before_address(r, s, e)) for s, e in spans]))


def _address_words(lex) -> tuple[frozenset[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    regions = set(lex.word_list("region_head"))
    heads = frozenset(w for kind in ("venue", "venue_brand", "venue_suffix", "venue_room")
                      for w in lex.word_list(kind)) | {  # "Kantor Wali Kota X": a post's office
        t.title.split()[-2] for t in lex.post_titles
        if " " in t.title and t.title.split()[-1] in regions}
    admin = words_re([*lex.word_list("village_head"), *lex.word_list("district_head"),
                      *lex.word_list("region_head")])
    # "… RW 07/RT 01", "… Lt.3", "… Kawasan Pondok X": the address after the name
    after = (rf"[ \t]+(?:{word_kind_re('address_word', lex)}[ \t]*\d"
             rf"|{word_kind_re('venue_floor', lex)}[ \t]*\d"
             rf"|{words_re([w.capitalize() for w in lex.word_list('venue_ground')])}[ \t]+[A-Z])")
    # a venue named after its place ("Balai Desa X") or a hotel ("Hotel X", "X Resort"):
    # a region head after its name begins its address; another venue's region head is
    # part of its name ("Balai Penyuluh KB Kecamatan X", "… Kantor Gubernur Provinsi X")
    addressed = re.compile(rf"\b(?:{admin}|{words_re([*lex.word_list('venue_suffix'), *lex.word_list('venue_brand')])})\b")
    return (heads, re.compile(rf"[ \t]+(?P<prev>\S+)[ \t]+{admin}[ \t]+[A-Z]"), re.compile(after),
            addressed)


def _before_address(r: EntityRegistry, start: int, end: int) -> int:
    """Where a venue's name ends before the place it lies in: "Balai Desa X Kecamatan Y",
    "Hotel X Kota Medan", "Puskesmas X Desa X" (a venue named after a place, a hotel, a
    venue named after the place that follows) end before the head of a village, district
    or region, unless a venue word stands right before that head ("Aula Kantor Kelurahan
    X", "Balai Kota X": the building of that place) or it ends a post ("Kantor Wali Kota
    X"); any venue ends before the numbers of an address, a floor, an area ("… RW 07/RT
    01", "… Lt.3", "… Kawasan Pondok X")."""
    heads, admin, after, addressed = compiled(r.lex, "venue_address", _address_words)
    first = re.match(r"\S+[ \t]+\S+", r.text[start:end])  # the head and one word stay
    cut = after.search(r.text, start + first.end(), end + 4) if first else None
    if cut is not None and cut.start() < end:
        end = cut.start()
    pos = start
    while (m := admin.search(r.text, pos, end)) is not None:
        before = r.text[start:m.end("prev")]
        named = re.match(r"\S+[ \t]+(\w+)", r.text[m.end("prev"):end].lstrip())
        if m.group("prev") not in heads and (addressed.search(before) or (
                named is not None and named.group(1) in before.split())):
            return m.start() + len(m.group()) - len(m.group().lstrip()) + len(m.group("prev"))
        pos = m.start("prev")
    return end


def _room_pattern(lex) -> re.Pattern[str]:
    rooms = lex.word_list("venue_room")
    return re.compile(rf"\b(?:{words_re([*rooms, *(w.lower() for w in rooms)])})"
                      rf"(?:[ \t]+{NAME_WORD}){{1,3}}?(?:[ \t]*\([^()\n]{{1,30}}\))?[ \t]+$")


def _building_pattern(lex) -> re.Pattern[str]:
    """A room's head, at least one word, then the head of a building ("Aula Lantai II
    Kantor Bupati X": not "Aula Kantor X", the building's own hall)."""
    rooms = lex.word_list("venue_room")
    buildings = [w for w in lex.word_list("venue") if w not in rooms]
    return re.compile(rf"(?:{words_re(rooms)})(?:[ \t]+\S+)+?[ \t]+(?P<b>{words_re(buildings)})[ \t]+[A-Z]")


def _rooms(r: EntityRegistry, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A room named right before the building it is in ("Ruang Pertemuan (Room Mitro) Sun
    Hotel Pangkalpinang", "di ruang Vlissingen Balai Kota Ambon"; ``venue_room`` heads) is
    one venue with the building, and the building a venue of its own (the room lies in
    it); a venue read inside the room's name is no venue of its own. A room whose name
    holds a building's after other words ("Aula Lantai II Kantor Bupati Jayapura") is in
    that building, a venue of its own."""
    pattern = compiled(r.lex, "venue_rooms", _room_pattern)
    building = compiled(r.lex, "venue_buildings", _building_pattern)
    out = list(spans)
    for start, end in spans:
        b = building.match(r.text, start, end)
        if b is not None:
            out.append((b.start("b"), end))
    for start, end in spans:
        m = pattern.search(r.text, max(0, start - 60), start)
        if m is None or m.end() != start:
            continue
        room = (m.start(), end)
        out = [s for s in out if s == (start, end) or not (room[0] <= s[0] and s[1] <= room[1])]
        out.append(room)
    return sorted(set(out))


def venues_over_bodies(r: EntityRegistry) -> None:
    """A venue whose name stops inside the name of a body read later ("Aula Kantor Dinas
    Pengendalian Penduduk" where "Dinas Pengendalian Penduduk dan Keluarga Berencana Kota
    Ambon" goes on past "dan") is named to the body's end: the venue of that name takes
    its place (the cut one, left without mentions, is dropped with the mention rules)."""
    bodies = [f for f in r.ctx.found if f.key.startswith("org/")]
    for i, v in enumerate(list(r.ctx.found)):
        if not v.key.startswith("place/") or r.info[v.key].place_kind != "venue":
            continue
        body = max((o for o in bodies if v.start < o.start < v.end < o.end
                    and "\n" not in r.text[v.end:o.end]), key=lambda o: o.end, default=None)
        if body is None:
            continue
        label = " ".join(r.text[v.start:body.end].split())
        key = r.add(new_entity("place", label, KB.Venue))
        r.info[key].place_kind = "venue"
        r.info[key].contained_in.extend(r.info[v.key].contained_in)
        r.ctx.found.remove(v)
        r.venues = [s for s in r.venues if s != (v.start, v.end)] + [(v.start, body.end)]
        r.mark(key, v.start, body.end)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping venue names are one name: "CK Hotel" (a brand before "Hotel") and
    "Hotel Tanjungpinang" (the head and the town) are "CK Hotel Tanjungpinang"."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(set(spans)):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def _trim_name(text: str, start: int, end: int) -> int:
    """Drop a trailing period that ends the sentence from a name."""
    while end > start and text[end - 1] in ".,":
        end -= 1
    return end


def add_venues(r: EntityRegistry) -> None:
    """Venue entities; a venue named only by the office of a region ("di Balai Kota",
    "Kantor Bupati") is labelled with that region's name when the article says which
    one it is (its dateline, else the one region of that kind it names): "Balai Kota
    Medan", in Kota Medan."""
    keys: dict[tuple[int, int], str] = {}
    for start, end in sorted(r.venues, key=lambda s: s[1] - s[0]):  # a building before its rooms
        label = " ".join(r.text[start:end].split())
        if start in r.lower_venues:  # "di kantor Desa X": Kantor Desa X, as the meeting
            label = label[:1].upper() + label[1:]  # stage labels the venues it reads
        region = _region_of_office(r, label)
        if region is not None:
            label = f"{label} {r.res.place_info(region).name}"
        key = keys[(start, end)] = r.add(new_entity("place", label, KB.Venue))
        r.info[key].place_kind = "venue"
        building = [keys[s] for s in keys if s != (start, end) and start <= s[0] and s[1] <= end]
        if building:  # "ruang Vlissingen Balai Kota Ambon" in "Balai Kota Ambon"
            r.info[key].contained_in.append((building[0], start))
        elif region is not None:
            r.info[key].contained_in.append((region, start))
        r.mark(key, start, end)


def _region_of_office(r: EntityRegistry, label: str) -> str | None:
    kinds = {"province": "office_province", "kota": "office_kota", "kabupaten": "office_kabupaten"}
    kind = next((k for k, words in kinds.items() for w in r.lex.word_list(words)
                 if label.endswith(" " + w)), None)
    if kind is None:
        return None
    if r.dateline_key and r.info[r.dateline_key].place_kind == kind:
        return r.dateline_key
    regions = {f.key for f in r.ctx.found if f.key.startswith("place/")
               and r.info[f.key].place_kind == kind}
    return regions.pop() if len(regions) == 1 else None


def _street_pattern(lex) -> re.Pattern[str]:
    heads = lex.word_list("street_head")
    stop = words_re([*lex.word_list("weekday"), *lex.word_list("month"),
                     *lex.word_list("village_head"), *lex.word_list("district_head"),
                     *lex.word_list("address_word")])
    word = r"(?:[A-Z][A-Za-z]{0,2}\.(?=[ \t]+[A-Z])|[A-Z][\w'\-]*)"  # "JL KH. Ridi": a title
    return re.compile(rf"(?<!\w)(?P<head>{words_re(heads)})(?!\w)[ \t]*(?P<name>(?!{stop}\b){word}"
                      rf"(?:{SP}(?!{stop}\b){word}){{0,4}})")


def streets(r: EntityRegistry) -> None:
    """A street ("Jalan Urip Sumoharjo", "Jl. Moh Yamin", ``street_head``) right after a
    venue ("Hotel X Medan Jalan Y", "Kantor Gubernur, Jalan Y") or after a locative ("di
    Jalan Y") is a place of its own, labelled as written; the chain stage puts the venue
    in it; one written with a short head ("Jl.") also has the name with the full one."""
    pattern = compiled(r.lex, "streets", _street_pattern)
    locative = compiled(r.lex, "venue_locative", _locative_pattern)
    ends = {end for _, end in r.venues}
    for m in pattern.finditer(r.text):
        before = r.text[max(0, m.start() - 25):m.start()]
        gap = before[len(before.rstrip(" \t,")):]
        after_venue = (m.start() - len(gap)) in ends
        if not after_venue and not locative.search(before):
            continue
        if r.found_at(m.start("name")):
            continue
        end = _trim_name(r.text, m.start(), m.end())
        end = min([f.start for f in r.ctx.found if m.start("name") < f.start < end
                   and r.info[f.key].place_kind in ("kota", "kabupaten", "province")],
                  default=end)  # "Jalan X Kota Palu" ends before the city, "Jalan Balai Kota
        #                         Selatan" holds no city
        end = len(r.text[:end].rstrip(" \t"))
        label = " ".join(r.text[m.start():end].split())
        full = r.lex.word_list("street_head")[0]  # "Jl Hertasning" is also "Jalan Hertasning"
        aliases = [f"{full} {label[len(m.group('head')):].strip()}"] if m.group("head") != full else []
        key = r.aliases.get(label) or r.add(new_entity("place", label, SCHEMA.Place, aliases=aliases))
        r.info[key].place_kind = "street"
        r.aliases.setdefault(label, key)
        r.mark(key, m.start(), end)


# ------------------------------------------------------------ villages, districts

def _local_patterns(lex) -> tuple[dict[str, tuple[URIRef, str, str]], re.Pattern]:
    """Head word → (class, kind, the head as a label writes it), and the pattern."""
    kinds = {w: (KB.Village, "village", w) for w in lex.word_list("village_head")}
    kinds.update({w: (KB.District, "district", w) for w in lex.word_list("district_head")})
    district = lex.word_list("district_head")[0]  # "Kec Bantarsari": Kecamatan Bantarsari
    kinds.update({w: (KB.District, "district", district) for w in lex.word_list("district_short")})
    heads = list(kinds)
    stop = words_re([*kinds, *(w.rstrip(".") for w in kinds), *lex.word_list("region_head"),
                     *lex.word_list("region_short"),
                     *lex.word_list("weekday"), *lex.word_list("month")])
    # "Kelurahan Kota Bumi", "Kecamatan Kota Sigli": a region head may begin the name
    # when a name word follows it (not "Kepala Desa Kabupaten/Kota")
    region = rf"(?:{word_kind_re('region_head', lex)}{SP}(?=(?!{stop}\b)[A-Z][\w'\-]*(?![\w/])))?"
    pattern = starting(
        initials(heads), rf"\b(?P<head>{words_re(heads)})(?<!\w\.\w)(?:{SP}|(?<=\.)(?=[A-Z][a-z]))"  # "Kec.Bontomarannu"
        rf"(?P<name>{region}(?!{stop}\b)[A-Z][\w'\-]*"
        rf"(?:{SP}(?!{stop}\b)[A-Z][\w'\-]*){{0,3}})")
    return kinds, pattern


def local_places(r: EntityRegistry) -> None:
    """"Desa X", "Kelurahan X", "Kecamatan X", "Kec X", "Kapanewon X" (the heads are
    ``village_head``/``district_head``/``district_short`` words), and the bare X later in
    the article. The name ends before a city or regency the article also names elsewhere
    ("Kelurahan Sungai Andai Banjarmasin"); a lexicon name it merely holds stays inside it
    ("Desa Tabat Padang" is no place in Kota Padang). "Kecamatan Labuan Amas Selatan (LAS)"
    makes "Kecamatan LAS" the same district, and two spellings one vowel apart
    ("Kecamatan Bebesan", "Kecamatan Bebesen") one place; an abbreviation the article
    never spells out ("Kecamatan BAT") is no place. No place is read where a lexicon
    program, framework or organization starts the name ("22 Desa Kampung KB"), after a
    program head ("Program Desa Sehat"), or after a head paired by a slash
    ("Desa/Kelurahan Bebas Stunting")."""
    kinds, pattern = compiled(r.lex, "local_places", _local_patterns)
    matches = list(pattern.finditer(r.text))
    written = {(m.group("head"), " ".join(m.group("name").split())) for m in matches}
    regions = [f for f in r.ctx.found if f.key.startswith("place/")
               and r.info[f.key].place_kind in ("province", "kota", "kabupaten")]
    named: dict[tuple[str, str], str] = {}  # (head as labelled, name or abbreviation) → key
    named_starts = {h.start for h in r.hits if h.label in ("PROG", "FRAME", "ORG")}
    not_place = set(r.lex.word_list("not_place_word"))
    for m in matches:
        lead = max((f.end for f in regions if f.start <= m.start("name") < f.end), default=None)
        if lead is not None and lead >= m.end("name"):
            continue  # "Kota" names and the like are lexicon places
        if (_program_before(r, m.start(), inside=True) or {m.start(), m.start("name")} & named_starts
                or _slashed(r.text, m) or _not_named(r, m.start())
                or _in_body_name(r, m.group("head"), m.start())):
            continue  # "Program Desa Sehat", "Desa Kampung KB", "Desa/Kelurahan X", "28 Desa …",
            #           "Kejaksaan Negeri Ambon"
        cls, kind, head = kinds[m.group("head")]
        words = list(re.finditer(r"\S+", m.group("name")))
        n = len(words)
        if _POST_BEFORE.search(r.text, max(0, m.start() - 30), m.start()):
            n = next((n for n in range(1, len(words)) if (m.group("head"), " ".join(
                w.group() for w in words[:n])) in written), len(words))
            # "Kepala Desa Pamengkang Sukarta": the article's own "Desa Pamengkang" elsewhere
            # says where the village's name ends and the head's name begins
        n, region = _before_region(r, m, words, n, regions)
        if region is None:
            n, region = _written_before_region(r, m, words, n, regions, written)
        name = " ".join(w.group() for w in words[:n])
        end = m.start("name") + words[n - 1].end()
        if lead is not None and lead >= end:
            continue  # what is left of the name is the region itself
        if set(name.split()) & not_place:
            continue  # "Desa Bebas Stunting Award": an award, a category, no village
        key = named.get((head, name)) or _spelling_of(named, head, name)
        if key is None and _ABBREVIATION.fullmatch(name) and not m.group("head").isupper():
            continue  # "Kecamatan LAU" the article never spells out: no place is better than a guess
        if key is None:
            key = r.add(new_entity("place", f"{head} {name}", cls, aliases=[name]))
            r.info[key].place_kind = kind
        elif name not in r.ctx.entities[key].aliases and f"{head} {name}" != r.ctx.entities[key].label:
            r.ctx.entities[key].aliases.append(f"{head} {name}")
        named.setdefault((head, name), key)
        if region is not None:  # "Kelurahan Sungai Andai Banjarmasin": in Banjarmasin
            r.info[key].contained_in.append((region, m.start()))
        abbr = ABBR.match(r.text, end) if n == len(words) else None
        if abbr and _initials(abbr.group("abbr"), name):
            named.setdefault((head, abbr.group("abbr")), key)
            end = abbr.end()
        r.mark(key, m.start(), end)
        if len(name) > 3:
            r.aliases.setdefault(name, key)


def _not_named_pattern(lex) -> re.Pattern[str]:
    """What before a head says no one place is named: a count ("28 Kampung Definitif",
    "22 Desa …"; not a number of an address, ``address_word``: "RW 03 Kelurahan X"), or
    "sebagai" (``as_word``: "dikenal sebagai Kampung Rambutan", a nickname)."""
    return re.compile(rf"(?:(?:(?P<before>\S+)[ \t]+)?(?<![\w.])[1-9][\d.]*"
                      rf"|\b{word_kind_re('as_word', lex)})[ \t]+$")


def _not_named(r: EntityRegistry, start: int) -> bool:
    m = compiled(r.lex, "not_named", _not_named_pattern).search(r.text, max(0, start - 30), start)
    return m is not None and m.group("before") not in r.lex.word_list("address_word")


def _in_body_name(r: EntityRegistry, head: str, start: int) -> bool:
    """A village head that also ends the kind of a state body (``village_head_in_names``:
    Maluku's "Negeri") right after a capitalised word other than a venue's is inside that
    body's name ("Kejaksaan Negeri Ambon", "SMA Negeri X", "Universitas Negeri Padang"), not
    a village ("di Negeri Batu Merah", "Kantor Negeri Batu Merah": ``village_building``)."""
    if head.capitalize() not in r.lex.word_list("village_head_in_names"):
        return False
    before = re.search(r"(\S+)[ \t]+$", r.text[max(0, start - 40):start])
    return before is not None and before.group(1)[:1].isupper() and before.group(
        1) not in r.lex.word_list("village_building")


def _slashed(text: str, m: re.Match[str]) -> bool:
    """A head joined to another by a slash ("Desa/Kelurahan Bebas Stunting"): a kind of
    place in general, not one named place."""
    return text[max(0, m.start() - 1):m.start()] == "/" or text[m.end("head"):m.end("head") + 1] == "/"


_NAME_WORD = r"[A-Z][\w'\-]*"
_NAME = rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}}"
_SHORT_HEAD = r"(?:[A-Z][a-z]{0,2}\.[ \t]*)?"  # "Gp. Jawa", "Ds. Tabat" inside a list


def _list_patterns(lex) -> tuple[dict[str, tuple[URIRef, str, str]], re.Pattern, re.Pattern]:
    """Head (lower case) → (class, kind, head as labelled); a head in either case before an
    enumeration "A, B, … dan Z"; a lower-case head before a name and another head."""
    kinds = {w.lower(): (KB.Village, "village", w) for w in lex.word_list("village_head")}
    kinds.update({w.lower(): (KB.District, "district", w) for w in lex.word_list("district_head")})
    heads = [*(k.capitalize() for k in kinds), *kinds]
    stop = words_re([*heads, *lex.word_list("region_head")])  # "… dan Kasang Pudak Kabupaten X"
    other = rf"(?!(?!(?P=head)\b){words_re(heads)}\b)"  # "…, B dan Kecamatan C", not "… dan Desa D"
    name = rf"{other}{_NAME_WORD}(?:[ \t]+(?!{stop}\b){_NAME_WORD}){{0,2}}"
    enumeration = re.compile(
        rf"\b(?P<head>{words_re(heads)}){SP}(?P<items>{name}(?:[ \t]*,[ \t]*{_SHORT_HEAD}{name})*"
        rf"[ \t]*,?[ \t]+{word_kind_re('list_and', lex)}{SP}{_SHORT_HEAD}{name})\b")
    lower = re.compile(rf"\b(?P<head>{words_re(kinds)}){SP}(?P<name>{_NAME})"
                       rf"(?:{SP}|[ \t]*,[ \t]*|{SP}{word_kind_re('list_and', lex)}{SP})"
                       rf"(?={words_re([*(k.capitalize() for k in kinds), *kinds])}{SP}[A-Z])")
    return kinds, enumeration, lower


def village_lists(r: EntityRegistry) -> None:
    """Villages and districts the head words of ``local_places`` name in other shapes:
    an enumeration after one head ("meliputi gampong Lam Ara, Peuniti, Gp. Jawa dan Doy",
    "Desa Sukamaju, Cibodas dan Mekarsari": each a village), and a head in lower case
    before a name that another head follows, perhaps after a comma or "dan" ("desa
    Fatusuki Kecamatan Amfoang Selatan", "kecamatan Sirimau, Desa Tawiri kecamatan Teluk
    Ambon dan Desa Waiheru").
    An item the article already reads as a place (a regency, a province), an organization,
    a post title or a word that is never a name is left alone."""
    kinds, enumeration, lower = compiled(r.lex, "village_lists", _list_patterns)
    titles = {t.title.split()[0] for t in r.lex.post_titles}
    never = {*r.lex.word_list("non_name"), *titles, *r.lex.word_list("region_head")}
    spans: list[tuple[str, int, int, int]] = []  # (head as written, start, name start, end)
    for m in enumeration.finditer(r.text):
        if _in_body_name(r, m.group("head"), m.start()):
            continue  # "Politeknik Negeri Kupang dan …"
        for item in re.finditer(rf"{_SHORT_HEAD}(?P<n>{_NAME})", m.group("items")):
            base = m.start("items")  # the mention holds a short head ("Gp. Jawa")
            spans.append((m.group("head"), base + item.start(), base + item.start("n"),
                          base + item.end("n")))
    for m in lower.finditer(r.text):
        spans.append((m.group("head"), m.start(), m.start("name"), m.end("name")))
    named = [(h.start, h.end) for h in r.hits if h.label in ("PROG", "FRAME", "ORG")]
    not_place = set(r.lex.word_list("not_place_word"))
    for head, start, name_start, end in spans:
        name = " ".join(r.text[name_start:end].split())
        if any(a <= name_start < b for a, b in named) or set(name.split()) & not_place or name.split()[0] in never or name.split()[0].lower() in kinds or any(
                f.start < end and start < f.end for f in r.ctx.found):
            continue  # "Desa Sukamaju, Bupati …", "…, Kecamatan X", a place already read
        cls, kind, label_head = kinds[head.lower()]
        key = r.add(new_entity("place", f"{label_head} {name}", cls, aliases=[name]))
        r.info[key].place_kind = kind
        r.mark(key, start, end)


_ABBREVIATION = re.compile(r"[A-Z]{2,5}")  # a name in capitals only: an abbreviation
_POST_BEFORE = re.compile(r"\b[A-Z][a-z]+[ \t]+$")  # "Kepala Desa …", "Sekretaris Desa …"


def _before_region(r: EntityRegistry, m: re.Match[str], words: list[re.Match[str]], n: int,
                   regions: list) -> tuple[int, str | None]:
    """How many words of a village or district name stay before a city, regency or
    province that the article names elsewhere too (or in its dateline, or a regency last
    in the name that lies in a province of the places the article names elsewhere), and
    that region's key (None when the name holds none)."""
    base = m.start("name")
    provinces = {_province_of(r, g.key) for g in regions if not m.start() <= g.start < m.end()}
    for i in range(1, n):
        at = base + words[i].start()
        inner = [f for f in regions if f.start == at]
        last = words[i - 1].group()  # "Lurah Tanjung Riau" elsewhere repeats the name
        for f in inner:
            if f.key == r.dateline_key or any(
                    g.key == f.key and not m.start() <= g.start < m.end()
                    and not r.text[:g.start].rstrip().endswith(last) for g in regions) or (
                    i == n - 1 and r.info[f.key].place_kind in ("kota", "kabupaten")
                    and _province_of(r, f.key) in provinces - {None}):
                return i, f.key  # the last word a regency of the province the article
                #                  names ("Kec. Bontomarannu Gowa"; not "Desa Tabat Padang")
    return n, None


def _province_of(r: EntityRegistry, key: str) -> str | None:
    info = r.res.place_info(key)
    return None if info is None else key if info.kind == "province" else info.province


def _written_before_region(r: EntityRegistry, m: re.Match[str], words: list[re.Match[str]],
                           n: int, regions: list, written: set) -> tuple[int, str | None]:
    """"Kelurahan Pannampu Makassar" where the article also writes "Kelurahan Pannampu":
    the name ends there, before the bare name of a city or regency the article names
    (marked there)."""
    for i in range(1, n):
        if (m.group("head"), " ".join(w.group() for w in words[:i])) not in written:
            continue
        rest = " ".join(w.group() for w in words[i:n])
        keys = {f.key for f in regions if r.res.place_info(f.key)  # named elsewhere too
                and r.res.place_info(f.key).name == rest and not m.start() <= f.start < m.end()}
        if len(keys) == 1:
            key = keys.pop()
            r.mark(key, m.start("name") + words[i].start(), m.start("name") + words[n - 1].end())
            return i, key
    return n, None


def _initials(abbr: str, name: str) -> bool:
    """"LAS" abbreviates "Labuan Amas Selatan": the capitals of the name, in order."""
    return abbr.isupper() and abbr == "".join(w[0] for w in name.split() if w[:1].isupper())


def _syllables(abbr: str, name: str) -> bool:
    """"Tanbu" shortens "Tanah Bumbu", "Kukar" "Kutai Kartanegara": the start of each word
    of a name of two words or more, in order (two letters or more of the first)."""
    words = [w.casefold() for w in name.split()]
    short = abbr.casefold()
    if len(words) < 2 or not short.isalpha() or len(short) < 4:
        return False

    def fits(i: int, rest: str) -> bool:
        if i == len(words):
            return not rest
        return any(words[i].startswith(rest[:k]) and fits(i + 1, rest[k:])
                   for k in range(2 if i == 0 else 1, len(rest) + 1))
    return fits(0, short)


def _spelling_of(named: dict[tuple[str, str], str], head: str, name: str) -> str | None:
    """A place of the same head whose name differs from ``name`` in one vowel only, or
    ends with ``name`` when that has two words or more ("Kampung Sungai Biuku" after
    "Kampung Baiman Sungai Biuku")."""
    if len(name) < 6:
        return None
    for (h, other), key in named.items():
        if h == head and len(name.split()) >= 2 and other.endswith(" " + name):
            return key
    for (h, other), key in named.items():
        if h != head or len(other) != len(name):
            continue
        diff = [(a, b) for a, b in zip(other, name, strict=True) if a != b]
        if len(diff) == 1 and all(c in "aeiou" for c in diff[0]):
            return key
    return None


def _chain_locative(lex) -> re.Pattern[str]:
    """"di", "ke", "dari", "bertempat" (``locative``, ``locative_at``), either case, perhaps
    one lower-case word after, before a place chain."""
    words = [*lex.word_list("locative"), *lex.word_list("locative_at")]
    return re.compile(rf"\b{words_re([*words, *(w.capitalize() for w in words)])}[ \t]+(?:[a-z]+[ \t]+)?$")


def _chain_name_pattern(lex) -> re.Pattern:
    stop = words_re([*lex.word_list("weekday"), *lex.word_list("month")])
    return re.compile(rf",{SP}(?P<name>(?!{stop}\b)[A-Z][a-z][\w'\-]*(?:{SP}(?!{stop}\b)"
                      rf"[A-Z][a-z][\w'\-]*){{0,2}})(?=[ \t]*[,.]|$)")


def _chain_link_pattern(lex) -> re.Pattern:
    """What joins two places of a chain: a comma (perhaps with "ibu kota": "Wamena, ibu
    kota Kabupaten Jayawijaya"), or blanks alone before an administrative head ("Desa Alat
    Kecamatan Hantakan", "Kecamatan Ciparay Kabupaten Bandung"), perhaps after the
    numbers of an address ("Jalan X RT 2 Desa Y")."""
    heads = [*lex.word_list("village_head"), *lex.word_list("district_head"),
             *lex.word_list("district_short"), *lex.word_list("region_head"),
             *lex.word_list("region_short"), *lex.word_list("street_head")]
    capital = word_kind_re("capital_of", lex)
    # "Jalan X RT 2 Desa Y", "Jl. X No. 57, Kota Y": an address's numbers between the two
    number = (rf"(?:[ \t]+{word_kind_re('address_word', lex)}[ \t]*\d[\w./\-]*"
              r"(?:[ \t]+\d[\w./\-]*)?)*")  # "RW 07/RT 01"
    return re.compile(rf"{number}(?:,[ \t]*(?:{capital}[ \t]+)?|[ \t]+(?={words_re(heads)}(?!\w)))")


def chains(r: EntityRegistry) -> None:
    """"di A, B, C": each place inside the next one (venue ⊂ village ⊂ district ⊂ city ⊂
    province), unknown capitalised names in such a chain becoming places of their own when
    the chain follows a locative ("di", "ke", "dari", "bertempat") or the name begins with
    a village or district head ("…, Kecamatan Kota Sigli")."""
    unknown = compiled(r.lex, "chain_names", _chain_name_pattern)
    link = compiled(r.lex, "chain_links", _chain_link_pattern)
    chain_locative = compiled(r.lex, "chain_locative", _chain_locative)
    heads = {*r.lex.word_list("village_head"), *r.lex.word_list("district_head")}
    places = sorted((f for f in r.ctx.found if f.key.startswith("place/")),
                    key=lambda f: (f.start, -f.end))
    outer = [f for f in places if not any(o is not f and o.start <= f.start and f.end <= o.end
                                          and (o.end - o.start) > (f.end - f.start)
                                          for o in places)]
    by_start = {f.start: f for f in outer}
    _heads_of_lists(r, outer, by_start)
    _bracketed_regions(r, outer, by_start)
    _listed_before_di(r, outer, by_start)
    _unknown_before_region(r, by_start)
    for f in outer:
        chain = [f]
        pos = f.end
        # an unknown name is a place only in a chain that says where ("di A, B"), not in a
        # list of posts ("Kapolsek Aesesa, Danramil")
        where = chain_locative.search(r.text, max(0, f.start - 40), f.start) is not None
        while True:
            m = link.match(r.text, pos)
            if not m:
                break
            nxt = by_start.get(m.end())
            if nxt is None and m.group().startswith(",") and chain[-1].key.startswith("place/") and r.info[
                    chain[-1].key].place_kind in ("venue", "village", "district", "place"):
                u = unknown.match(r.text, pos)
                if u and not r.found_at(u.start("name")) and (where or u.group("name").split()[0]
                                                              in heads):
                    name = " ".join(u.group("name").split())
                    key = r.aliases.get(name) or _chain_place(r, name, chain[-1], link.match(
                        r.text, u.end("name")), by_start)
                    nxt = r.mark(key, u.start("name"), u.end("name"))
                    if nxt is not None:
                        by_start[nxt.start] = nxt
            if nxt is None:
                break
            chain.append(nxt)
            pos = nxt.end
        for a, b in pairwise(chain):
            a = _held_place(r, a, b)
            ka, kb = r.info[a.key].place_kind, r.info[b.key].place_kind
            if a.key != b.key and (PLACE_RANK.get(ka, 1) < PLACE_RANK.get(kb, 1)
                                   or ka == kb == "venue" or "place" in (ka, kb)
                                   or _hamlet_in_village(r, a.key, b.key)):
                r.info[a.key].contained_in.append((b.key, a.start))


def _one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one letter added, dropped or changed; in names shorter
    than eight letters only by a last letter added or dropped ("Bandun", not "Bateng" for
    "Batang": a short name one letter off is as often another name)."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    short, long = sorted((a, b), key=len)
    if len(long) < 8:
        return len(short) < len(long) and long.startswith(short)
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def _region_name_pattern(lex) -> re.Pattern[str]:
    return re.compile(rf"\b{word_kind_re('region_head', lex)}[ \t]+[A-Z][\w'\-]*"
                      r"(?:[ \t]+[A-Z][\w'\-]*){0,2}")


def misspelt_regions(r: EntityRegistry) -> None:
    """"Kabupaten Bandun", "Provinsi Gorontaloo": a region head before a name nothing was
    read in, one letter off the name of one lexicon place of that kind, is that place (the
    longest such name of up to three words)."""
    cover = r.covered()
    for m in compiled(r.lex, "region_names", _region_name_pattern).finditer(r.text):
        if any(cover[m.start():m.end()]):
            continue
        words = list(re.finditer(r"\S+", m.group()))
        for n in range(len(words), 1, -1):
            key = _misspelt_region(r, " ".join(w.group() for w in words[:n]))
            if key is not None:
                r.mark(key, m.start(), m.start() + words[n - 1].end())
                break


_WORD_BEFORE = re.compile(r"(?<![\w.])(?P<word>[A-Za-z]{4,})[ \t]+$")


def misspelt_heads(r: EntityRegistry) -> None:
    """The head of a city, regency or province read by its bare name, written before it
    in lower case ("kota Ambon", "provinsi Riau") or misspelt ("Kabupabaten Karanganyar",
    "Pronvinsi Sulawesi Tengah": six letters or more, difflib ratio 0.85 to the head of
    the place's label), is in the mention, so that no body's name runs on into it; not
    the region word of a post title ("wali kota Ambon")."""
    post = compiled(r.lex, "post_heads", _post_heads)
    for f in list(r.ctx.found):
        if not f.key.startswith("place/") or r.info[f.key].place_kind not in (
                "kota", "kabupaten", "province"):
            continue
        m = _WORD_BEFORE.search(r.text, max(0, f.start - 20), f.start)
        if m is None or post.search(r.text.title(), max(0, m.start() - 30), m.start()):
            continue
        word, head = m.group("word"), r.ctx.entities[f.key].label.split()[0]
        if word == head:
            continue
        if (word.islower() and word == head.casefold()) or (len(word) >= 6 and difflib.SequenceMatcher(
                None, word.casefold(), head.casefold()).ratio() >= 0.85):
            r.mark(f.key, m.start("word"), f.end)


def _misspelt_region(r: EntityRegistry, name: str) -> str | None:
    """"Kabupaten Bandun", "Kota Mataran": a region head before a name one letter off the
    name of one lexicon place of that kind (five letters or more) is that place."""
    head, _, rest = name.partition(" ")
    if head not in r.lex.word_list("region_head") or len(rest) < 5:
        return None
    kind = next((k for k in ("province", "kota", "kabupaten")
                 if head in r.lex.word_list(f"hint_{k}")), None)
    if kind == "province":
        refs = {f"province:{n}" for n in r.res.provinces if _one_edit(n, rest)}
    else:
        refs = {f"regency:{g.label}" for g in r.res.regencies.values()
                if g.kind == kind and _one_edit(g.name, rest)}
    if len(refs) != 1:
        return None
    key = r.add(r.res.entity_of(refs.pop()))
    r.info[key].place_kind = r.res.place_info(key).kind
    return key


def _chain_place(r: EntityRegistry, name: str, before, link, by_start: dict) -> str:
    """An unknown name of a chain: between a village and a city or regency ("Desa
    Kebonagung, Sawahan, Nganjuk") it is the district (an address names village,
    district, regency in turn); elsewhere a place of no known kind."""
    kinds, _ = compiled(r.lex, "local_places", _local_patterns)
    head, _, rest = name.partition(" ")
    if head in kinds and rest:  # "…, Kecamatan Kota Sigli, …" (a head local_places
        cls, kind, label_head = kinds[head]  # leaves to the chain): that district
        key = r.add(new_entity("place", f"{label_head} {rest}", cls, aliases=[rest]))
        r.info[key].place_kind = kind
        return key
    after = by_start.get(link.end()) if link else None
    if (r.info[before.key].place_kind == "village" and after is not None
            and r.info[after.key].place_kind in ("kota", "kabupaten")):
        head = r.lex.word_list("district_head")[0]
        key = r.add(new_entity("place", f"{head} {name}", KB.District, aliases=[name]))
        r.info[key].place_kind = "district"
        r.aliases.setdefault(name, key)  # the bare name later is the same district
        return key
    key = r.add(new_entity("place", name, SCHEMA.Place))
    r.info[key].place_kind = r.info[key].place_kind or "place"
    return key


def _list_link_pattern(lex) -> re.Pattern:
    return re.compile(rf"[ \t]*(?:,[ \t]*)?(?:{word_kind_re('list_and', lex)}[ \t]+)?")


def _heads_of_lists(r: EntityRegistry, outer: list, by_start: dict) -> None:
    """A larger place written right before smaller ones, without a comma, holds them and
    the places of the same kind listed after them ("untuk Kecamatan Bajubang Desa Bungku,
    Desa Ladang Peris dan Desa Petajen": the three villages are in the district). After a
    comma it holds them only when they are two or more and none is followed by a larger
    place of its own ("Kecamatan Pemayung, Desa Kuap, Desa Olak Rambahan.", not
    "Kecamatan A, Desa B Kecamatan C")."""
    link = compiled(r.lex, "chain_links", _chain_link_pattern)
    items = compiled(r.lex, "list_links", _list_link_pattern)
    for f in outer:
        rank = PLACE_RANK.get(r.info[f.key].place_kind, 1)
        m = link.match(r.text, f.end)
        if rank < 3 or not m:
            continue
        first = by_start.get(m.end())
        kind = r.info[first.key].place_kind if first is not None else None
        if kind not in ("village", "district") or PLACE_RANK[kind] >= rank:
            continue
        members, member = [], first
        while member is not None:
            members.append(member)
            nxt = items.match(r.text, member.end)
            member = by_start.get(nxt.end()) if nxt.group() else None
            if member is not None and r.info[member.key].place_kind != kind:
                member = None
        if "," in m.group() and (len(members) < 2 or any(_larger_after(
                r, g, link, by_start) for g in members)):
            continue
        for member in members:
            r.info[member.key].contained_in.append((f.key, member.start))


def _larger_after(r: EntityRegistry, f, link: re.Pattern[str], by_start: dict) -> bool:
    """A place of a larger kind follows the place ``f`` ("Desa B Kecamatan C")."""
    m = link.match(r.text, f.end)
    after = by_start.get(m.end()) if m else None
    return after is not None and PLACE_RANK.get(r.info[after.key].place_kind, 1) > PLACE_RANK.get(
        r.info[f.key].place_kind, 1)


_BRACKET = re.compile(r"[ \t]*\([ \t]*")


def _bracketed_regions(r: EntityRegistry, outer: list, by_start: dict) -> None:
    """"Desa Bontoloe (Sulsel)", "Kelurahan Sidoluhur (Sleman, DIY)": a village or district
    followed by a region in brackets lies in that region (the first one named)."""
    for f in outer:
        if r.info[f.key].place_kind not in ("village", "district"):
            continue
        m = _BRACKET.match(r.text, f.end)
        region = by_start.get(m.end()) if m else None
        if region is not None and PLACE_RANK.get(r.info[region.key].place_kind, 1) > PLACE_RANK[
                r.info[f.key].place_kind]:
            r.info[f.key].contained_in.append((region.key, f.start))


def _unknown_run_pattern(lex) -> re.Pattern[str]:
    """After "di": one or two capitalised names the lexicon does not know, each followed by
    a comma ("di Langara, Pulau Wawonii, Kabupaten X")."""
    stop = words_re([*lex.word_list("weekday"), *lex.word_list("month"), *lex.word_list("non_name"),
                     *lex.word_list("region_head"), *lex.word_list("street_head")])
    name = rf"(?!{stop}\b)[A-Z][a-z][\w'\-]*(?:[ \t]+(?!{stop}\b)[A-Z][a-z][\w'\-]*){{0,2}}"
    return re.compile(rf"\b{word_kind_re('locative_in', lex)}[ \t]+(?P<a>{name})[ \t]*,[ \t]*"
                      rf"(?:(?P<b>{name})[ \t]*,[ \t]*)?")


def _unknown_before_region(r: EntityRegistry, by_start: dict) -> None:
    """"di Langara, Pulau Wawonii, Kabupaten Konawe Kepulauan": names nothing was read in,
    after "di" and before a city, regency or province after a comma, are places, each
    inside the next (the first in the second, the last in the region)."""
    pattern = compiled(r.lex, "unknown_run", _unknown_run_pattern)
    titles = {t.title.split()[0] for t in r.lex.post_titles}
    cover = r.covered()
    for m in pattern.finditer(r.text):
        region = by_start.get(m.end())
        if region is None or r.info[region.key].place_kind not in ("kota", "kabupaten", "province"):
            continue
        names = [g for g in ("a", "b") if m.group(g)]
        if any(any(cover[m.start(g):m.end(g)]) or m.group(g).split()[0] in titles for g in names):
            continue
        inner = None
        for g in names:
            name = " ".join(m.group(g).split())
            key = r.aliases.get(name) or r.add(new_entity("place", name, SCHEMA.Place))
            r.info[key].place_kind = r.info[key].place_kind or "place"
            r.aliases.setdefault(name, key)
            found = r.mark(key, m.start(g), m.end(g))
            if found is not None:
                by_start[found.start] = found
            if inner is not None:
                r.info[inner].contained_in.append((key, m.start(g)))
            inner = key
        r.info[inner].contained_in.append((region.key, m.start(names[-1])))


def _di_pattern(lex) -> re.Pattern[str]:
    return re.compile(rf"[ \t]+(?:{word_kind_re('locative_in', lex)}[ \t]+)?")


def _listed_before_di(r: EntityRegistry, outer: list, by_start: dict) -> None:
    """"Desa Tumbang Bantian dan Tumbang Saan di Kecamatan Sei Babuat": villages (or
    districts) then "di" (or a blank alone: "Desa Pudak dan Kasang Pudak Kabupaten Muaro
    Jambi") and a larger place lie in it, and so do the places of the same kind listed
    right before them."""
    di = compiled(r.lex, "di_link", _di_pattern)
    items = compiled(r.lex, "list_links", _list_link_pattern)
    by_end = {f.end: f for f in outer}
    for f in outer:
        kind = r.info[f.key].place_kind
        m = di.match(r.text, f.end) if kind in ("village", "district") else None
        region = by_start.get(m.end()) if m else None
        if region is None or PLACE_RANK.get(r.info[region.key].place_kind, 1) <= PLACE_RANK[kind]:
            continue
        member = f
        blank = not m.group().strip()  # no "di": "A, B Kabupaten X" is A in B, B in X
        while member is not None and r.info[member.key].place_kind == kind:
            r.info[member.key].contained_in.append((region.key, member.start))
            before = next((e for e in range(member.start - 1, max(-1, member.start - 12), -1)
                           if e in by_end and items.fullmatch(r.text, e, member.start)), None)
            link = r.text[before:member.start].strip(" \t,") if before is not None else ""
            nxt = by_end[before] if link or (before is not None and not blank and r.text[
                before:member.start].strip(" \t")) else None
            if nxt is None and before is not None and PLACE_RANK.get(
                    r.info[by_end[before].key].place_kind, 1) < PLACE_RANK[kind]:
                nxt = _listed_over(r, by_end, items, by_end[before], kind)
            member = nxt


def _listed_over(r: EntityRegistry, by_end: dict, items: re.Pattern[str], low, kind: str):
    """"Desa A Kecamatan X dan Desa B Kecamatan Y Kabupaten Z": from the village B of the
    district Y back over "dan" to the district X listed before it (None when none)."""
    before = next((e for e in range(low.start - 1, max(-1, low.start - 12), -1)
                   if e in by_end and items.fullmatch(r.text, e, low.start)), None)
    if before is None or not r.text[before:low.start].strip(" \t"):
        return None
    prev = by_end[before]
    return prev if r.info[prev.key].place_kind == kind else None


def _hamlet_in_village(r: EntityRegistry, a: str, b: str) -> bool:
    """"Kampung Baiman, Kelurahan Sungai Andai", "Dusun X Desa Y": a hamlet (its head is a
    ``hamlet_head`` word) before a village of another head lies in that village."""
    hamlets = r.lex.word_list("hamlet_head")
    return (r.info[a].place_kind == r.info[b].place_kind == "village"
            and r.ctx.entities[a].label.split()[0] in hamlets
            and r.ctx.entities[b].label.split()[0] not in hamlets)


def _held_place(r: EntityRegistry, venue, outer):
    """The place whose name a venue's name holds, when it lies between the venue and the
    next place of the chain ("Aula Kantor Kelurahan X, Kecamatan Y": the hall is in the
    village, the village in the district): the venue is put inside it here and the chain
    goes on from it; a building that ends a room's name, the same way. Any other link:
    the link itself."""
    if r.info[venue.key].place_kind != "venue":
        return venue
    rank = PLACE_RANK.get(r.info[outer.key].place_kind, 1)
    inner = [f for f in r.ctx.found if f.key.startswith("place/") and f.key != venue.key
             and venue.start <= f.start and f.end <= venue.end
             and 1 < PLACE_RANK.get(r.info[f.key].place_kind, 1) < rank]
    building = next((f for f in r.ctx.found if f.key != venue.key and r.info[f.key].place_kind
                     == "venue" and venue.start < f.start and f.end == venue.end), None)
    if building is not None:  # "Aula Lantai II Kantor Bupati X, Y": the room in the
        return building        # building (``add_venues``), the building in Y
    if not inner:
        return venue
    held = min(inner, key=lambda f: PLACE_RANK[r.info[f.key].place_kind])
    r.info[venue.key].contained_in.append((held.key, venue.start))
    return held


def _kind_word(lex) -> re.Pattern[str]:
    heads = [*lex.word_list("region_head"), *lex.word_list("district_head"),
             *lex.word_list("village_head")]
    return re.compile(rf"\b({words_re([*heads, *(h.lower() for h in heads)])})[ \t]+$")


def place_aliases(r: EntityRegistry) -> None:
    """Bare names of villages, districts and dateline towns defined by this article."""
    kind_word = compiled(r.lex, "kind_word", _kind_word)
    for name, key in sorted(r.aliases.items()):
        if not key.startswith("place/"):
            continue
        for start, end in occurrences(r.text, name):
            if not any(f.start <= start and end <= f.end and f.key != key
                       for f in r.ctx.found if f.key.startswith("place/")):
                head = kind_word.search(r.text, max(0, start - 12), start)
                if head and r.ctx.entities[key].label.casefold().startswith(
                        head.group(1).casefold() + " "):
                    start = head.start()  # "Kabupaten HST" after "… Tengah (HST)",
                    #                       "kecamatan Cipayung" after "Kecamatan Cipayung"
                r.mark(key, start, end)
