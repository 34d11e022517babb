"""Stage 4, ``kb_organizations``: the organizations an article names.

The lexicon's (``s02_lexicon`` hits, with "(ABBR)" kept in the mention), then composed
ones — "Perwakilan BKKBN Kalbar", "Pemprov Jambi", "Dinas … (DPPKB) Kabupaten Garut",
"Setda Garut", "Tim Percepatan Penurunan Stunting (TPPS) Kabupaten Lombok Timur",
"Kelompok Kerja (Pokja) Kampung KB Kabupaten Garut", "Komisi IX DPR RI" — and the short
forms an article defines ("(TPPS)", "(Pokja)") for its own later sentences. Each reads
the places of stage 3 (``s03_places``) from the registry.

Mentions follow the gold rules (corpus/dev/README.md): every occurrence, names nested in
longer names included, except a shorter form of an entity inside a longer form of the
same entity (applied in stage 9, ``s09_mentions``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kbgraph.ontology.lexicon import load_lexicon
from kbgraph.ontology.namespaces import KB
from spacy.language import Language
from spacy.tokens import Doc

from ..canonical import cls_of, new_entity
from .registry import (
    ABBR,
    SP,
    EntityRegistry,
    Found,
    compiled,
    government_of,
    level_of,
    of,
    places_at,
    region_named,
    spelling,
    village_government,
    word_kind_re,
    words_re,
)
from .text import initials, occurrences, starting

__all__ = ["lexicon_names"]

_LEX = load_lexicon()


_w = word_kind_re


def _either_case(kind: str) -> str:
    """``_w`` with each word also written with a lower- or upper-case first letter."""
    words = _LEX.word_list(kind)
    return words_re({*words, *(w[:1].lower() + w[1:] for w in words),
                     *(w[:1].upper() + w[1:] for w in words)})


_PROGRAM = _LEX.word_list("program_word")[0]  # "Program KKBPK"
_PROGRAM_BEFORE = re.compile(rf"\b{_either_case('program_word')}[ \t]+$")
_YEAR_AFTER = re.compile(rf"[ \t]+(?:{_either_case('year_word')}[ \t]+)?((?:19|20)\d\d)\b")
_OR_SHORT = re.compile(rf"[ \t]+{_w('or_word')}[ \t]+(?P<abbr>[A-Z][A-Za-z]*\d+)\b")


@Language.component("kb_organizations")
def organizations_stage(doc: Doc) -> Doc:
    """Stage 4: organizations, in the order each reader needs the earlier ones."""
    r = of(doc)
    lexicon_names(r, ("ORG",))
    _offices(r)
    _spelled_offices(r)
    _governments(r)
    _village_governments(r)
    _bodies(r)
    _unknown_bodies(r)
    _associations(r)
    _chapters(r)
    _commissions(r)
    _factions(r)
    _org_aliases(r)
    return doc


# ====================================================================== organizations

def lexicon_names(r: EntityRegistry, labels: tuple[str, ...]) -> None:
    """Organizations, programs and frameworks the lexicon knows, with "(ABBR)" and
    a capitalised "Program" before a program kept in the mention."""
    for h in r.hits:
        if h.label not in labels:
            continue
        entry = r.res.entry(h.ref)
        if entry is None:
            continue
        start, end, inner = h.start, h.end, None
        m = ABBR.match(r.text, end)
        outer = any(o.label == h.label and o.start < h.start and o.end == h.end for o in r.hits)
        if m and not outer and _abbreviates(m.group("abbr"), h.text, entry):
            end = m.end()
        if h.label == "PROG" and not h.text.startswith(_PROGRAM):
            p = _PROGRAM_BEFORE.search(r.text[max(0, start - 10):start])
            if p:
                new_start = start - (len(r.text[max(0, start - 10):start]) - p.start())
                if r.text[new_start].islower():  # "program KKBPK": both forms are mentions
                    inner = (start, end)
                start = new_start
        if h.label == "FRAME" and entry.periodic:
            continue  # periodic frameworks are read with their period (_frameworks)
        if h.label == "PROG" and entry.periodic:
            y = _YEAR_AFTER.match(r.text[end:end + 120])
            if y:  # "Pendataan Keluarga 2021", "Pendataan Keluarga Tahun 2021"
                ent = r.res.entry_entity(entry)
                label = f"{entry.label} {y.group(1)}"
                key = r.add(new_entity("program", label, KB.Program, aliases=[  # "… Tahun 2021"
                    *ent.aliases, f"{entry.label} Tahun {y.group(1)}"], label_en=ent.label_en))
                r.info[key].lexicon_ref = h.ref
                stop = end + y.end()
                short = ABBR.match(r.text, stop) or _OR_SHORT.match(r.text[stop:stop + 40])
                if isinstance(short, re.Match) and short.re is ABBR:
                    r.mark(key, start, short.end())  # "Pendataan Keluarga 2021 (PK21)"
                else:
                    r.mark(key, start, stop)
                if short:  # its short form in the article's later sentences ("PK21")
                    abbr = short.group("abbr")
                    for a0, a1 in occurrences(r.text, abbr):
                        if not any(f.start <= a0 < f.end for f in r.ctx.found
                                   if f.key == key):
                            r.mark(key, a0, a1)
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
                    if w not in _LEX.word_list("name_function_word"))
    return bool(letters) and all(c in initials for c in letters)


def _offices(r: EntityRegistry) -> None:
    """"Perwakilan BKKBN (Provinsi) Kalbar" and "BKKBN Kalbar": one office per province."""
    for agency in [f for f in list(r.ctx.found) if f.key.startswith("org/")]:
        entry = r.res.entry(r.info[agency.key].lexicon_ref or "")
        if entry is None or not entry.office:
            continue
        after = re.match(rf"[ \t]+(?i:{re.escape(entry.office)})\b", r.text[agency.end:agency.end + 20])
        prov = _province_after(r, agency.end + (after.end() if after else 0))
        if prov is None:  # "BKKBN Kalbar", "BKKBN perwakilan Provinsi Gorontalo"
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


def _spelled_agency(entry) -> re.Pattern:
    """"(Perwakilan) Badan Kependudukan (dan) Keluarga Berencana (Nasional) (BKKBN)": the
    ways the agency's name is written out (``words.csv`` spelled_agency)."""
    return re.compile(
        rf"\b(?P<head>{re.escape(entry.office)}[ \t]+)?(?P<agency>{_w('spelled_agency')}"
        rf"(?:[ \t]*\([ \t]*{re.escape(entry.abbreviation)}[ \t]*\))?)[ \t]+")


def _spelled_offices(r: EntityRegistry) -> None:
    """"(Perwakilan) Badan Kependudukan (dan) Keluarga Berencana (Nasional) (BKKBN) Aceh":
    the agency's name written out, with or without its "dan" and "Nasional", before a
    province is its office there (and the name alone a mention of the agency)."""
    entry = r.res.entry("org:BKKBN") or next(
        (e for e in r.lex.entries if e.kind == "org" and e.abbreviation == "BKKBN"), None)
    if entry is None:
        return
    pattern = compiled(r.lex, f"spelled-agency:{entry.label}", lambda lex: _spelled_agency(entry))
    for m in pattern.finditer(r.text):
        prov = _province_after(r, m.end())
        if prov is None or r.found_at(m.start(), ("org",)) and any(
                f.end >= prov.end for f in r.found_at(m.start(), ("org",))):
            continue
        agency = r.add(r.res.entry_entity(entry))
        r.info[agency].lexicon_ref, r.info[agency].level = f"org:{entry.label}", entry.level
        if not any(f.key == agency and f.start == m.start("agency") for f in r.ctx.found):
            r.mark(agency, m.start("agency"), m.end("agency"))
        office = r.res.representative_office(r.ctx.entities[agency], r.ctx.entities[prov.key])
        key = r.add(office)
        info = r.info[key]
        info.parent, info.jurisdiction, info.level = agency, prov.key, "provinsi"
        r.mark(key, m.start(), prov.end)


def _province_after(r: EntityRegistry, pos: int) -> Found | None:
    """A province named right after ``pos`` (bare "Jambi" read as the province here)."""
    f = places_at(r, pos, ("province",))
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


#: The places a government word may stand before, by its label in ``governments.jsonl``;
#: "named" ("Pemerintah" alone) only before a place written with its kind word.
_GOV_KIND = {"province": ("province",), "kabupaten": ("kabupaten",), "kota": ("kota",),
             "any": ("province", "kabupaten", "kota"), "named": ("province", "kabupaten", "kota")}
_BLANKS = re.compile(r"[ \t]+")


def _government_words(r: EntityRegistry) -> list[tuple[int, int, str]]:
    """(start, end after the blanks, label) of each span of ``doc.spans["governments"]``
    (the lexicon's token patterns) that blanks follow: the longest where several start
    together, none inside an earlier one."""
    out: list[tuple[int, int, str]] = []
    doc = r.ctx.doc
    spans = doc.spans.get("governments", ()) if doc is not None else ()
    for span in sorted(spans, key=lambda s: (s.start_char, -s.end_char)):
        after = _BLANKS.match(r.text, span.end_char)
        if after is None or out and span.start_char < out[-1][1]:
            continue
        out.append((span.start_char, after.end(), span.label_))
    return out


def _governments(r: EntityRegistry) -> None:
    """"Pemerintah Provinsi Kalbar", "Pemprov Jambi", "Pemkab Kubu Raya", "Pemkot Denpasar"."""
    for start, end, label in _government_words(r):
        place = places_at(r, end, _GOV_KIND[label])
        if place is None:
            continue
        if label == "named" and r.text[place.start:place.end].split()[0] not in _LEX.word_list(
                "region_kind_word"):
            continue
        gov = r.res.regional_government(r.ctx.entities[place.key], spelling(r, place.key))
        if gov is None:
            continue
        key = r.add(gov)
        info = r.info[key]
        info.jurisdiction = place.key
        info.level = level_of(r, place.key)
        r.mark(key, start, place.end)


_GOVERNMENT_WORD = re.compile(rf"\b{_w('government_word')}{SP}")  # "Pemerintah Desa X"


def _village_governments(r: EntityRegistry) -> None:
    """"Pemerintah Desa Pamengkang", "Pemerintah Kalurahan Bejiharjo": the government of a
    self-governing village the article names."""
    for m in _GOVERNMENT_WORD.finditer(r.text):
        place = places_at(r, m.end(), ("village",))
        if place is None:
            continue
        key = village_government(r, place.key)
        if key is not None:
            r.mark(key, m.start(), place.end)


# ---------------------------------------------------------------------- regional bodies

@dataclass(frozen=True, slots=True)
class _BodyWords:
    full: dict[str, tuple[str, str, str]]  # written head → (full name, class CURIE, shape)
    pattern: re.Pattern
    parents: dict[str, str]  # full name → label of its parent organization (TP PKK → PKK)
    places: dict[str, tuple[str, ...]]  # full name → the kinds of region it exists in
    official: re.Pattern  # a noun "Dinas" qualifies as official, just before it ("Rumah ")


def _written_head(words: _BodyWords, head: str) -> tuple[str, str, str]:
    """The lexicon's body whose name ``head`` writes in another case."""
    return next(v for k, v in words.full.items() if k.casefold() == head.casefold())


def _spelled_digits(abbr: str) -> str:
    """"DP3AP2KB" → "DPPPAPPKB": an abbreviation whose counted letters are written out."""
    return re.sub(r"([A-Z])([2-4])", lambda m: m.group(1) * int(m.group(2)), abbr)


def _body_words(lex) -> _BodyWords:
    full: dict[str, tuple[str, str, str]] = {}
    parents = {b.name: b.parent for b in lex.bodies if b.parent}
    for b in lex.bodies:
        if b.shape == "head":
            full[b.name] = (b.name, b.cls, "head")
            for a in b.abbreviations:
                full[a] = (b.name, b.cls, "head")
        else:
            for a in b.abbreviations:
                full[a] = (b.name, b.cls, "name")
                full.setdefault(_spelled_digits(a), (b.name, b.cls, "name"))  # DPPPAPPKB
            full.setdefault(b.name, (b.name, b.cls, "name"))
    # "Tim percepatan penurunan Stunting ( TPPS ) …": a long name written with its later
    # words in any case (read as the lexicon's, see _written_head)
    tails = [rf"{re.escape(n.split(' ', 1)[0])}[ \t]+(?i:{re.escape(n.split(' ', 1)[1]).replace(chr(92) + ' ', '[ ' + chr(92) + 't]+')})"
             for n, (name, _, shape) in full.items() if shape == "name" and n == name and len(n.split()) >= 3]
    pattern = starting(initials(full), rf"\b(?P<head>{words_re(full)}{''.join('|' + t for t in tails)})(?![\w-])")
    official = re.compile(rf"\b(?i:{word_kind_re('official_noun', lex)})[ \t]+$")
    places = {b.name: b.places for b in lex.bodies if b.places}
    return _BodyWords(full, pattern, parents, places, official)


#: "… Keluarga Berencana )DP3ADaldukKB) Provinsi Sulsel": a bracket typed the wrong way.
_STRAY_ABBR = re.compile(r"[ \t]*\)(?P<abbr>[A-Z][\w\-/]{1,20})\)")
_TOPIC_WORD = re.compile(rf"(?:[ \t]*,)?[ \t]+(?:(?:{_w('and_word')}|{_w('also_and')}|&)[ \t]+)?"
                         r"(?P<w>[A-Z][\w\-/]*)")
#: "Dinas Kesehatan tingkat provinsi": the level of a body without a place (a LEVELS key).
_LEVEL_WORDS = re.compile(rf"[ \t]+{_w('level_word')}[ \t]+(?P<level>{_w('level_name')})\b")
#: Head words of regional offices ("Dinas", "Badan"); "Dinas" may also mean "official".
_OFFICE_HEADS = tuple(b.name for b in _LEX.bodies if b.shape == "head" and b.cls == "kb:RegionalAgency")
_OFFICIAL_HEAD = _LEX.word_list("official_head")[0]  # "Dinas"
_NATIONAL_WORD = _LEX.word_list("national_word")[0]  # "Badan … Nasional": a national agency


#: First words of posts' titles ("Kadis", "Kepala"): no word of a body's name.
_TITLE_WORDS = frozenset(t.title.split()[0] for t in _LEX.post_titles)
#: The items of a list of bodies before the place the list ends with.
_LIST_ITEMS = re.compile(rf"(?:[ \t]*,|[ \t]+{_w('and_word')}\b|[ \t]+[A-Z][\w\-/]*|[ \t]*\([^()]{{1,20}}\))*[ \t]*")


def _list_place(r: EntityRegistry, pos: int) -> str | None:
    """The province, regency or city a list of bodies running on from ``pos`` ends with."""
    end = _LIST_ITEMS.match(r.text, pos).end()
    for f in sorted((f for f in r.ctx.found if f.key.startswith("place/") and pos < f.start <= end
                     and r.info[f.key].place_kind in ("province", "kabupaten", "kota")),
                    key=lambda f: f.start):
        if not _LIST_ITEMS.match(r.text, f.end).group().strip(" \t,"):  # nothing listed after
            return f.key
    return None
#: Honorifics without their period ("Dra", "H"): no word of a body's name.
_HONORIFICS = frozenset(h.rstrip(".") for h in _LEX.word_list("honorific"))


def _bodies(r: EntityRegistry) -> None:
    """Dinas/Badan/Setda/TPPS/Pokja of a region: "<head> <topic> (ABBR) <place>"."""
    words = compiled(r.lex, "bodies", _body_words)
    for m in words.pattern.finditer(r.text):
        if any(f.start < m.start() < f.end for f in r.ctx.found if f.key.startswith("org/")):
            continue
        if any(f.start == m.start() and r.ctx.entities[f.key].types[0] == KB.RepresentativeOffice
               for f in r.ctx.found if f.key.startswith("org/")):
            continue  # "Badan Kependudukan dan Keluarga Berencana Aceh": BKKBN's office
        if any(f.start == m.start() and f.end > m.end() for f in r.ctx.found
               if f.key.startswith("org/")):
            continue  # "Badan POM": a national agency the lexicon knows, not a regional body
        head = " ".join(m.group("head").split())  # "Dinas  Sosial": blanks run long
        if head.startswith(_OFFICIAL_HEAD) and words.official.search(r.text, max(0, m.start() - 20),
                                                              m.start()):
            continue  # "Rumah Dinas Gubernur", "Mobil Dinas": "dinas" means official there
        full, cls, shape = words.full.get(head) or _written_head(words, head)
        pos, topic, abbr = m.end(), [], None
        place_key_listed = None
        if shape == "name" and head == full and _TOPIC_WORD.match(r.text, pos) and not places_at(
                r, pos, ("province", "kabupaten", "kota")) and not ABBR.match(r.text, pos):
            # "Dinas Sosial Pengendalian Penduduk, Keluarga Berencana, …": a longer compound
            # name than the lexicon's; read it as "<head> <topic>" from the head word on
            head_word = full.split()[0]
            if head_word in words.full and words.full[head_word][2] == "head":
                topic = [r.text[m.start() + len(head_word):m.end()]]
                full, cls, shape = words.full[head_word]
        a = ABBR.match(r.text, pos) or _STRAY_ABBR.match(r.text, pos)
        abbr_at = None
        if a:
            abbr, pos, abbr_at = a.group("abbr"), a.end(), a.start("abbr")
        place = None
        comma: tuple[int, int] | None = None  # (topic words, offset) before the first ", X"
        closed = False  # a bracketed short form after the topic closes the name
        while True:
            place = places_at(r, pos, ("province", "kabupaten", "kota"))
            if place is None and shape == "name":  # "DPRD Kapuas": a regency the article
                place = region_named(r, pos, ("kabupaten", "kota"), named_only=True)  # names
            if place is not None:
                break
            a = ABBR.match(r.text, pos)
            if a and topic:
                abbr, pos, closed, abbr_at = a.group("abbr"), a.end(), True, a.start("abbr")
                continue
            if shape != "head" or closed:
                break  # after "(DP3AKB)" only a place may follow, never ", Idham Noh"
            w = _TOPIC_WORD.match(r.text, pos)
            if not w or r.found_at(w.start("w"), ("org", "person")) or w.group("w").rstrip(
                    ".") in _HONORIFICS:  # "… Keluarga Berencana Dra. Rina": a name begins
                break
            if topic and (w.group("w") in words.full or w.group("w") in _TITLE_WORDS) and \
                    r.text[pos:w.start("w")].strip(" \t"):
                # "Dinas Tenaga Kerja, Dinas Kesehatan dan Dinas PPKB Kota X", "Dinas
                # Kominfo, Kadis Nakertrans …": a list of bodies, each of the place it ends with
                place_key_listed = _list_place(r, pos)
                break
            if comma is None and r.text[pos:w.start("w")].lstrip(" \t").startswith(","):
                comma = (len(topic), pos)
            topic.append(r.text[pos:w.end()])
            pos = w.end()
        # "Kepala DPPKBP3A Pemkab Blitar X": the government named after the body, its region
        gov = None if place is not None else next(
            (f for f in r.found_at(pos, ("org",)) if r.info[f.key].jurisdiction
             and r.ctx.entities[f.key].types[0] == KB.RegionalGovernment), None)
        if gov is not None:
            place = Found(r.info[gov.key].jurisdiction, gov.cls, gov.start, gov.end, gov.text,
                          gov.sentence)
        cut = place is None and comma is not None and not closed
        if cut:
            # "Dinas PPKB, Sofyan Daud menyebutkan": words after a comma belong to the name
            # only when the name ends at its place ("…, Keluarga Berencana Kabupaten X")
            topic, pos = topic[:comma[0]], comma[1]
        if shape == "head" and not topic:
            continue
        nxt = _TOPIC_WORD.match(r.text, pos) if place is None and place_key_listed is None else None
        if nxt and (nxt.group("w") in words.full or nxt.group("w") in _TITLE_WORDS) and \
                r.text[pos:nxt.start("w")].strip(" \t"):  # "Dinas Kominfo, Kadis … Kota X"
            place_key_listed = _list_place(r, pos)
        end = place.end if place else pos
        place_key = place.key if place else place_key_listed
        if place is None and abbr_at is not None and _national_spelled(r, m.start(), pos, abbr_at):
            continue
        if place is None and place_key is None:
            place_key = _through_place(r, m.start())
        if place_key is None and shape == "name" and not topic and not closed and \
                not _NATIONAL_AFTER.match(r.text, pos) and not _EACH_AFTER.match(r.text, pos) \
                and _TITLE_BEFORE.search(
                    r.text, max(0, m.start() - 40), m.start()):
            # "Ketua TP PKK Kabupaten Lahat X, Wakil Ketua TP PKK Y": after a post's title,
            # the body named with its place before is the one its bare name means (not
            # "TP-PKK Pusat")
            place_key = _same_body_place(r, full, m.start())
        if place_key is None and _EACH_REGION.match(r.text, pos):
            continue
        if place_key is None:
            lvl = _LEVEL_WORDS.match(r.text, pos)
            # a regional office or legislature written without its place ("DPRD", "Dinas
            # Kesehatan setempat") is the one of the region the article speaks of
            bare = (full.split()[0] in _OFFICE_HEADS or full.startswith(_LEGISLATURE)) and (
                cut or closed or head != full or re.match(r"[ \t]+[a-z]", r.text[pos:pos + 120]))
            # "Para Camat, Kepala Puskesmas, TP. PKK, Kades …": a branch of a movement written
            # with its own head word ("TP"), not the movement's bare name, is the region's
            bare = bare or (full in words.parents and not _NATIONAL_AFTER.match(r.text, pos)
                            and head.replace("-", " ").split()[0].rstrip(".")
                            == "".join(w[0] for w in full.split()[:2])
                            and r.text[m.start() - 1:m.start()] != "("  # a short form defined
                            and not re.match(r"[ \t]+[a-z]", r.text[pos:pos + 3]))  # "… kecamatan"
            if lvl or bare:
                place_key = _same_body_place(r, full, m.start()) or _context_place(
                    r, m.start(), lvl.group("level") if lvl else None)
            if place_key is None:
                continue
        if full in words.places and r.info[place_key].place_kind not in words.places[full]:
            continue  # "Kemenag Provinsi X": no Kantor Kementerian Agama of a province
        # "Pemberdayaan Perempuan, dan Keluarga Berencana": no comma before the last "dan"
        topic_text = " ".join("".join(topic).replace(" ,", ",").split()).replace(", dan ", " dan ")
        if shape == "head" and full in _OFFICE_HEADS and full != _OFFICIAL_HEAD and \
                topic_text.split()[-1:] == [_NATIONAL_WORD]:  # "Badan … Nasional": national
            continue
        label = r.res.body_label(full, topic_text, r.ctx.entities[place_key], spelling(r, place_key))
        ent = new_entity("org", label, cls_of(cls), aliases=_short_names(words, full, label))
        key = r.add(ent)
        info = r.info[key]
        info.jurisdiction, info.level = place_key, level_of(r, place_key)
        parent = words.parents.get(full)
        if parent:  # "TP PKK Kabupaten Kupang": a branch of PKK, not of the Pemkab
            pkey = r.add(r.res.entity_of(f"org:{parent}"))
            r.info[pkey].lexicon_ref = f"org:{parent}"
            r.needed.add(pkey)
            info.parent = pkey
        elif not full.startswith(_LEGISLATURE):  # a DPRD is no unit of the government
            info.parent = government_of(r, place_key)
        r.mark(key, m.start(), end)
        for f in [f for f in r.ctx.found if f.start == m.start() and f.end < end and f.key != key
                  and f.key.startswith("org/") and full.startswith(r.ctx.entities[f.key].label + " ")]:
            r.ctx.found.remove(f)  # "Dewan Perwakilan Rakyat Daerah": not the DPR inside it
        # the short form it defines is its name later, unless the short form is the lexicon's
        # for every region's body ("TPPS") and no place tied it to this one
        if abbr and (place is not None or abbr not in words.full) and not r.res.entry(f"org:{abbr}"):
            r.aliases.setdefault(abbr, key)
            if shape == "head" and topic_text:
                r.aliases.setdefault(f"{abbr} {topic_text}", key)


#: "DP3KB", "DPPPKBPPA": a Dinas abbreviation the lexicon lacks, family-planning marked
#: (``words.csv`` unknown_body_mark: "KB"), from its head letter ("D") on.
_UNKNOWN_BODY = re.compile(rf"\b(?P<abbr>{_LEX.word_list('official_head')[0][0]}[A-Z0-9]{{2,11}})(?![\w-])")
_BODY_MARKS = tuple(_LEX.word_list("unknown_body_mark"))


def _unknown_bodies(r: EntityRegistry) -> None:
    """"Kepala DP3KB Brebes": an upper-case abbreviation of a Dinas the lexicon does not
    know, marked as a family-planning body, right before the region it serves (a place of
    the article) is that region's body, named as written ("DP3KB Kabupaten Brebes")."""
    for m in _UNKNOWN_BODY.finditer(r.text):
        abbr = m.group("abbr")
        if not any(k in abbr for k in _BODY_MARKS) or abbr in r.aliases or r.res.entry(
                f"org:{abbr}") or any(f.start <= m.start() < f.end for f in r.ctx.found
                                      if f.key.startswith("org/")):  # known, or defined
            continue
        pos = r.skip(m.end())
        place = places_at(r, pos, ("province", "kabupaten", "kota")) or region_named(
            r, pos, ("kabupaten", "kota"), named_only=True)
        if place is None:
            continue
        label = f"{abbr} {r.res.spelled_label(r.ctx.entities[place.key], spelling(r, place.key))}"
        key = r.add(new_entity("org", label, KB.RegionalAgency))
        info = r.info[key]
        info.jurisdiction, info.level = place.key, level_of(r, place.key)
        info.parent = government_of(r, place.key)
        r.mark(key, m.start(), place.end)
        r.aliases.setdefault(abbr, key)


def _short_names(words: _BodyWords, full: str, label: str) -> list[str]:
    """"Tim Penggerak PKK Kota Ambon": the label with the body's name written half short
    (a short form that keeps the name's first word, ``bodies.csv``); "DPRD Kabupaten
    Indramayu": a legislature's by its abbreviation (its commissions are named so)."""
    if not label.startswith(f"{full} "):
        return []
    place = label[len(full) + 1:]
    head = full.split()[0]
    return [f"{a} {place}" for a, (name, _, shape) in words.full.items()
            if name == full and shape == "name" and a != full and "(" not in a
            and (a.split()[0] == head or full.startswith(_LEGISLATURE) and a.isupper())]


_NATIONAL_AFTER = re.compile(rf"[ \t]+{_w('national')}\b")
_EACH_AFTER = re.compile(rf"[ \t]+{_w('each_own')}\b")  # "Ketua TPPS masing-masing daerah"
#: "Bappeda, DPPKB dan Dinas Kesehatan se Sulawesi Tenggara": a list of bodies of every
#: region of a province (each one's own), none of which the article names
_EACH_REGION = re.compile(rf"(?:[ \t]*(?:,|\([^()]{{1,20}}\)|{_w('and_word')}\b|[A-Z][\w-]*))*?"
                          rf"[ \t]+{_w('each_region')}(?:-|[ \t]+)(?=[A-Z])")
#: a post's title right before a body ("Wakil Ketua TP PKK"): post-titles.csv
_TITLE_BEFORE = re.compile(rf"\b{words_re([t.title for t in _LEX.post_titles])}[ \t]+$")


def _national_spelled(r: EntityRegistry, start: int, end: int, abbr_at: int) -> bool:
    """"Badan Kependudukan dan Keluarga Berencana (BKKBN) RI": a name written short of the
    lexicon's, whose bracketed abbreviation is a national agency the lexicon knows and
    after which no place follows, names that agency (marked from ``start``), not a
    regional body of the place the sentence names."""
    agency = next((f for f in r.found_at(abbr_at, ("org",))
                   if r.info[f.key].level == "pusat" and f.end <= end), None)
    if agency is None:
        return False
    n = _NATIONAL_AFTER.match(r.text, end)
    r.mark(agency.key, start, n.end() if n else end)
    return True


_THROUGH = re.compile(rf"{_w('through_word')}[ \t]+$")


def _through_place(r: EntityRegistry, pos: int) -> str | None:
    """"Pemerintah Kabupaten X melalui Tim Percepatan Penurunan Stunting (TPPS) …": a body
    without a place that a regional organization acts through is that region's."""
    t = _THROUGH.search(r.text, max(0, pos - 20), pos)
    if t is None:
        return None
    stop = t.start()
    while stop > 0 and r.text[stop - 1] in " \t":
        stop -= 1
    return next((r.info[f.key].jurisdiction for f in r.ctx.found if f.end == stop
                 and f.key.startswith("org/") and r.info[f.key].jurisdiction), None)


def _same_body_place(r: EntityRegistry, full: str, pos: int) -> str | None:
    """"… DPRD PALI, …, Anggota DPRD Partai Nasdem …": a body written without its place
    after the article named the same body with one is that one (the last before it)."""
    before = [f for f in r.ctx.found if f.start < pos and f.key.startswith("org/")
              and r.ctx.entities[f.key].label.startswith(f"{full} ") and r.info[f.key].jurisdiction]
    return r.info[max(before, key=lambda f: f.start).key].jurisdiction if before else None


def _context_place(r: EntityRegistry, pos: int, level: str | None) -> str | None:
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
        if (key and r.info.get(key) and r.info[key].place_kind in want
                and (best is None or f.start > best[0])):
            best = (f.start, key, f.key)
    if level is None and best is not None and \
            r.ctx.entities[best[2]].types[0] == KB.RepresentativeOffice:
        # "Perwakilan BKKBN Provinsi X … di Kabupaten Y. … Bappeda setempat": an office of the
        # national agency tells the province, a regency or city named after it the region
        later = [f for f in r.ctx.found if best[0] < f.start < pos and f.key.startswith("place/")
                 and r.info.get(f.key) and r.info[f.key].place_kind in ("kabupaten", "kota")]
        if later:
            best = (later[-1].start, later[-1].key, later[-1].key)
    if best is None and r.dateline_key and r.info[r.dateline_key].place_kind in want:
        return r.dateline_key
    if best is None:  # nothing before it: the one region of that level the article names
        keys = {f.key for f in r.ctx.found if f.key.startswith("place/") and r.info.get(f.key)
                and r.info[f.key].place_kind in want}
        return keys.pop() if len(keys) == 1 else None
    return best[1]


def _association_pattern(lex) -> re.Pattern:
    heads = word_kind_re("cso_head", lex)
    return starting(initials(lex.word_list("cso_head")), rf"\b(?P<head>{heads}){SP}(?P<name>[A-Z][\w'\-]*(?:{SP}(?:{_w('and_word')}{SP})?"
                      rf"[A-Z][\w'\-]*)*)")


def _associations(r: EntityRegistry) -> None:
    """Foundations and associations the lexicon does not know: "Yayasan Cinta Anak
    Bangsa (YCAB)", "Ikatan Penyuluh … " — a head word and capitalised words."""
    pattern = compiled(r.lex, "associations", _association_pattern)
    for m in pattern.finditer(r.text):
        if r.found_at(m.start(), ("org",)) or any(
                f.start < m.start() < f.end for f in r.ctx.found if f.key.startswith("org/")):
            continue
        end = m.end("name")
        inner = [f for f in r.ctx.found if m.start() < f.start < end and not f.key.startswith(
            "program/")]
        if inner:  # a known place or body ends the name ("… Kabupaten Garut")
            end = min(f.start for f in inner)
            while end > m.start() and r.text[end - 1] in " \t":
                end -= 1
        label = " ".join(r.text[m.start():end].split())
        if len(label.split()) < 2:
            continue
        key = r.add(new_entity("org", label, KB.CivilSocietyOrganization))
        a = ABBR.match(r.text, end)
        r.mark(key, m.start(), a.end() if a else end)
        if a and not r.res.entry(f"org:{a.group('abbr')}"):
            r.aliases.setdefault(a.group("abbr"), key)


#: The boards of an association's chapters ("Pimpinan Wilayah", "Cabang"), the preferred
#: one first: a short form ("PW", "DPD") stands for the first one with those initials.
_CHAPTERS = _LEX.word_list("chapter")
_CHAPTER_OF_SHORT: dict[str, str] = {}
for _c in _CHAPTERS:
    if " " in _c:
        _CHAPTER_OF_SHORT.setdefault("".join(w[0] for w in _c.split()), _c)
_CHAPTER = words_re([*_CHAPTERS, *_CHAPTER_OF_SHORT])
_CHAPTER_BEFORE = re.compile(rf"(?<![\w-])(?P<chapter>{_CHAPTER})[ \t]+$")
_CHAPTER_AFTER = re.compile(rf"[ \t]+(?P<chapter>{_CHAPTER})(?![\w-])")


def _chapters(r: EntityRegistry) -> None:
    """"Pengurus Wilayah <association> <province>", "PP <association>", "<association> Cabang
    Kabupaten <regency>": a chapter of an association (its board's name before or after the association's,
    then the region it serves, if any), a sub-organization of the association; labelled with
    the board and the region spelled out, and also known as written."""
    for f in [f for f in r.ctx.found if f.key.startswith("org/")]:
        if r.ctx.entities[f.key].types[0] != KB.CivilSocietyOrganization or r.info[f.key].parent:
            continue
        before = _CHAPTER_BEFORE.search(r.text, max(0, f.start - 40), f.start)
        after = None if before else _CHAPTER_AFTER.match(r.text, f.end)
        if before is None and after is None:
            continue
        chapter = (before or after).group("chapter")
        board = _CHAPTER_OF_SHORT.get(chapter, chapter)
        start = before.start("chapter") if before else f.start
        end = after.end() if after else f.end
        place = places_at(r, r.skip(end), ("province", "kabupaten", "kota")) if re.match(
            r"[ \t]+[A-Z]", r.text[end:end + 3]) else None
        if place is None and not before and board == chapter:
            continue  # "IBI Cabang" with no region: no chapter named
        association = r.ctx.entities[f.key].label
        region = f" {r.ctx.entities[place.key].label}" if place else ""
        label = (f"{board} {association}" if before else f"{association} {board}") + region
        written = " ".join(r.text[start:place.end if place else end].split())
        # "Pengurus Wilayah … Maluku Utara" … "PW …", "Pimpinan Wilayah … Malut": one chapter
        key = next((k for k, e in r.ctx.entities.items() if k.startswith("org/")
                    and r.info[k].parent == f.key and e.label.startswith(tuple(_CHAPTERS))
                    and e.label.split()[1] == board.split()[-1]
                    and r.info[k].jurisdiction == (place.key if place else None)), None)
        if key is None:
            key = r.add(new_entity("org", label, KB.CivilSocietyOrganization, aliases=[written]))
        elif written not in r.ctx.entities[key].aliases:
            r.ctx.entities[key].aliases.append(written)
        info = r.info[key]
        info.parent = f.key
        r.needed.add(f.key)
        if place:
            info.jurisdiction, info.level = place.key, level_of(r, place.key)
        r.mark(key, start, place.end if place else end)


_COMMISSION_WORD = _LEX.word_list("commission_word")[0]  # "Komisi"
_COMMISSION = re.compile(rf"\b{_either_case('commission_word')}[ \t]+"
                         r"(?P<n>\d{1,2}|[A-E](?=[ \t]+[A-Z])|(?:X{0,1}(?:IX|IV|V?I{0,3})))\b")  # "Komisi D DPRD"


def _commissions(r: EntityRegistry) -> None:
    """"Komisi IX DPR RI", "DPR RI Komisi IX", "komisi IV DPRD …": a commission of a
    legislature the article names (an organization whose name begins "Dewan Perwakilan"),
    a unit of it."""
    bare: list[tuple[re.Match, str]] = []
    made: dict[str, set[str]] = {}  # number → the commissions of that number
    for m in _COMMISSION.finditer(r.text):
        if not m.group("n"):
            continue
        number = _roman(m.group("n"))  # "Komisi 2" is Komisi II
        house = _legislature(r, r.skip(m.end()), after=True)
        start, end = m.start(), m.end()
        if house is not None:
            end = house.end
        else:
            house = _legislature(r, m.start(), after=False)
            if house is None:
                bare.append((m, number))
                continue
            start = house.start
        legislature = r.ctx.entities[house.key]
        names = [legislature.label, *legislature.aliases,
                 *([legislature.abbreviation] if legislature.abbreviation else [])]
        key = r.add(new_entity("org", f"{_COMMISSION_WORD} {number} {legislature.label}", KB.Division,
                               aliases=[f"{_COMMISSION_WORD} {number} {n}" for n in names[1:]]))
        r.info[key].unit_of = house.key
        r.needed.add(house.key)
        r.mark(key, start, end)
        made.setdefault(number, set()).add(key)
    for m, number in bare:  # "Wakil Ketua Komisi 2 …": the one Komisi II the article names
        if len(made.get(number, ())) == 1 and not r.found_at(m.start(), ("org",)):
            r.mark(next(iter(made[number])), m.start(), m.end())


def _roman(number: str) -> str:
    """"2" → "II", "11" → "XI"; a Roman numeral or a letter ("D") as written."""
    if not number.isdigit() or not 0 < int(number) < 40:
        return number
    n, out = int(number), ""
    for value, numeral in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + numeral, n - value
    return out


_LEGISLATURE = _LEX.word_list("legislature_head")[0]  # "Dewan Perwakilan …"


def _legislature(r: EntityRegistry, pos: int, after: bool) -> Found | None:
    """A legislature named right at ``pos`` (after) or ending right before it."""
    for f in r.ctx.found:
        if not f.key.startswith("org/") or not r.ctx.entities[f.key].label.startswith(
                _LEGISLATURE):
            continue
        if (f.start == pos) if after else (f.end <= pos and not r.text[f.end:pos].strip()):
            return f
    return None


_FACTION = re.compile(rf"(?P<from>{_w('from_word')}[ \t]+)?\b{_either_case('faction_word')}[ \t]+"
                      r"(?=[A-Z])")
_PARTY = f"{_LEX.word_list('party_word')[0]} "  # "Partai …"


def _factions(r: EntityRegistry) -> None:
    """"Anggota Komisi IX DPR RI Fraksi Demokrat", "… DPR-RI dari Fraksi Partai Gerindra":
    the faction of a legislature named right before it (or of the legislature of a
    commission), a unit of the legislature; named as written: "Fraksi" and the party
    (an organization whose name begins "Partai") or one capitalised word."""
    for m in _FACTION.finditer(r.text):
        house = None
        for f in r.ctx.found:
            if not f.key.startswith("org/") or r.text[f.end:m.start()].strip(" \t"):
                continue
            label = r.ctx.entities[f.key].label
            parent = r.info[f.key].unit_of
            if label.startswith(_LEGISLATURE):
                house = f.key
            elif parent and r.ctx.entities[parent].label.startswith(_LEGISLATURE):
                house = parent
        if house is None:
            continue
        party = [f for f in r.found_at(m.end(), ("org",))
                 if r.ctx.entities[f.key].label.startswith(_PARTY)]
        word = re.match(r"[A-Z][\w-]*", r.text[m.end():m.end() + 40])
        end = max(f.end for f in party) if party else m.end() + word.end()
        start = m.start("from") + len(m.group("from")) if m.group("from") else m.start()
        name = " ".join(r.text[start:end].split())
        key = r.add(new_entity("org", name[:1].upper() + name[1:], KB.Division))
        r.info[key].unit_of = house
        r.needed.add(house)
        r.mark(key, start, end)


#: "Perwakilan BKKBN" with no province after it: the one office the article names.
_BARE_OFFICE = re.compile(rf"\b{_w('office_word')}[ \t]+{_w('office_agency')}\b(?![ \t]+[A-Z])")


def _org_aliases(r: EntityRegistry) -> None:
    """Short forms an article defines in brackets ("(TPPS)", "(Pokja)"), and a bare
    "Perwakilan BKKBN" when the article names exactly one such office."""
    office = KB.RepresentativeOffice
    offices = {f.key for f in r.ctx.found if r.ctx.entities[f.key].types[0] == office}
    if len(offices) == 1:
        (key,) = offices
        for m in _BARE_OFFICE.finditer(r.text):
            r.mark(key, m.start(), m.end())
    for name, key in sorted(r.aliases.items(), key=lambda kv: -len(kv[0])):
        if not key.startswith("org/"):
            continue
        for start, end in occurrences(r.text, name, "(-", ")-"):
            if not any(f.start <= start < f.end for f in r.ctx.found if f.key == key):
                r.mark(key, start, end)
                for f in [f for f in r.ctx.found if f.start == start and f.end < end
                          and f.key.startswith("org/") and f.key != key]:
                    r.ctx.found.remove(f)  # "Dinkes Dalduk KB": not the Dinkes its name begins with
