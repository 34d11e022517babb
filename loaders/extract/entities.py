"""The entity pass: places, organizations, programs, frameworks, persons, then facts.

It reads the clean text in layers, each using what the earlier found:

1. lexicon names (``nlp.lexicon_hits``: every match, nested ones too);
2. places (``places.py``): venues, which place each bare name is, villages and districts,
   the dateline;
3. organizations: the lexicon's, then composed ones — "Perwakilan BKKBN Kalbar",
   "Pemprov Jambi", "Dinas … (DPPKB) Kabupaten Garut", "Setda Garut",
   "Tim Percepatan Penurunan Stunting (TPPS) Kabupaten Lombok Timur", "Kelompok Kerja
   (Pokja) Kampung KB Kabupaten Garut" — and the short forms an article defines
   ("(TPPS)", "(Pokja)") for its own later sentences;
   programs and frameworks, with periods ("RPJMN dan RENSTRA tahun 2015-2019"), programs
   the lexicon does not know by their shape (``programs.py``: "Program X (ABBR)"),
   regulations ("Perpres 72/2021" = "Peraturan Presiden Nomor 72 Tahun 2021") and
   numbered priorities ("prioritas nomor lima, yakni …");
4. persons and posts (``people.py``), place chains, then the facts between all of these
   (``facts.py``).

Mentions follow the gold rules (corpus/dev/README.md): every occurrence, names nested in
longer names included, except a shorter form of an entity inside a longer form of the
same entity. The dateline and the copyright footer are cut from the clean text, so
their mentions (``KUBU RAYA``, ``ANTARA``) are returned apart, in original offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kbgraph.ontology.namespaces import KB

from ..model import CleanText, Mention
from ..resolve import cls_of, entity_key, new_entity
from . import outlets, places, programs
from .context import Context, Found
from .facts import add_facts
from .nlp import LexHit
from .patterns import initials, occurrences, starting
from .people import find_people
from .entity_pass import (
    ABBR,
    SP,
    EntityPass,
    compiled,
    government_of,
    level_of,
    places_at,
    spelling,
    village_government,
    words_re,
)

__all__ = ["find_entities"]

_PERIOD = re.compile(r"(?:19|20)\d\d[ \t]*[-–][ \t]*(?:19|20)\d\d")
_NUMBER_WORDS = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9, "pertama": 1, "kedua": 2, "ketiga": 3, "keempat": 4,
    "kelima": 5, "keenam": 6, "ketujuh": 7, "kedelapan": 8, "kesembilan": 9,
}


# ====================================================================== organizations

def _lexicon_names(r: EntityPass, labels: tuple[str, ...]) -> None:
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
            y = re.match(r"[ \t]+(?:[Tt]ahun[ \t]+)?((?:19|20)\d\d)\b", r.text[end:end + 120])
            if y:  # "Pendataan Keluarga 2021", "Pendataan Keluarga Tahun 2021"
                ent = r.res.entry_entity(entry)
                label = f"{entry.label} {y.group(1)}"
                key = r.add(new_entity("program", label, KB.Program, aliases=ent.aliases,
                                       label_en=ent.label_en))
                r.info[key].lexicon_ref = h.ref
                stop = end + y.end()
                short = ABBR.match(r.text, stop) or re.match(
                    r"[ \t]+atau[ \t]+(?P<abbr>[A-Z][A-Za-z]*\d+)\b", r.text[stop:stop + 40])
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
                    if w not in ("dan", "serta", "di", "dari", "untuk"))
    return bool(letters) and all(c in initials for c in letters)


def _offices(r: EntityPass) -> None:
    """"Perwakilan BKKBN (Provinsi) Kalbar" and "BKKBN Kalbar": one office per province."""
    for agency in [f for f in list(r.ctx.found) if f.key.startswith("org/")]:
        entry = r.res.entry(r.info[agency.key].lexicon_ref or "")
        if entry is None or not entry.office:
            continue
        after = re.match(r"[ \t]+[Pp]erwakilan\b", r.text[agency.end:agency.end + 20])
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


_SPELLED_AGENCY = re.compile(
    r"\b(?P<head>Perwakilan[ \t]+)?(?P<agency>Badan[ \t]+Kependudukan[ \t]+(?:dan[ \t]+)?Keluarga"
    r"[ \t]+Berencana(?:[ \t]+Nasional)?(?:[ \t]*\([ \t]*BKKBN[ \t]*\))?)[ \t]+")


def _spelled_offices(r: EntityPass) -> None:
    """"(Perwakilan) Badan Kependudukan (dan) Keluarga Berencana (Nasional) (BKKBN) Aceh":
    the agency's name written out, with or without its "dan" and "Nasional", before a
    province is its office there (and the name alone a mention of the agency)."""
    entry = r.res.entry("org:BKKBN") or next(
        (e for e in r.lex.entries if e.kind == "org" and e.abbreviation == "BKKBN"), None)
    if entry is None:
        return
    for m in _SPELLED_AGENCY.finditer(r.text):
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


def _province_after(r: EntityPass, pos: int) -> Found | None:
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


_GOV = starting({"P"}, r"\b(?:(?P<full>Pemerintah)(?P<level>[ \t]+(?:Provinsi|Kabupaten|Kota)[ \t]*"
                  r"\((?:Pemprov|Pemkab|Pemkot|Pemko)\))?|(?P<short>Pemprov|Pemkab|Pemkot|Pemko|Pemda))[ \t]+")
_GOV_KIND = {"Pemprov": ("province",), "Pemkab": ("kabupaten",), "Pemkot": ("kota",), "Pemko": ("kota",),
             "Provinsi": ("province",), "Kabupaten": ("kabupaten",), "Kota": ("kota",),
             "Pemda": ("province", "kabupaten", "kota"),
             "Pemerintah": ("province", "kabupaten", "kota")}


def _governments(r: EntityPass) -> None:
    """"Pemerintah Provinsi Kalbar", "Pemprov Jambi", "Pemkab Kubu Raya", "Pemkot Denpasar"."""
    for m in _GOV.finditer(r.text):
        word = m.group("short") or (m.group("level").split()[0] if m.group("level") else "Pemerintah")
        place = places_at(r, m.end(), _GOV_KIND[word])
        if place is None:
            continue
        if word == "Pemerintah" and not m.group("level") and r.text[
                place.start:place.end].split()[0] not in ("Provinsi", "Kabupaten", "Kota", "Kab."):
            continue
        gov = r.res.regional_government(r.ctx.entities[place.key], spelling(r, place.key))
        if gov is None:
            continue
        key = r.add(gov)
        info = r.info[key]
        info.jurisdiction = place.key
        info.level = level_of(r, place.key)
        r.mark(key, m.start(), place.end)


def _village_governments(r: EntityPass) -> None:
    """"Pemerintah Desa Pamengkang", "Pemerintah Kalurahan Bejiharjo": the government of a
    self-governing village the article names."""
    for m in re.finditer(rf"\bPemerintah{SP}", r.text):
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
            full.setdefault(b.name, (b.name, b.cls, "name"))
    pattern = starting(initials(full), rf"\b(?P<head>{words_re(full)})(?![\w-])")
    return _BodyWords(full, pattern, parents)


#: "… Keluarga Berencana )DP3ADaldukKB) Provinsi Sulsel": a bracket typed the wrong way.
_STRAY_ABBR = re.compile(r"[ \t]*\)(?P<abbr>[A-Z][\w\-/]{1,20})\)")
_TOPIC_WORD = re.compile(r"(?:[ \t]*,)?[ \t]+(?:(?:dan|serta|&)[ \t]+)?(?P<w>[A-Z][\w\-/]*)")
_LEVEL_WORDS = re.compile(r"[ \t]+tingkat[ \t]+(?P<level>provinsi|kabupaten|kota)\b")


def _bodies(r: EntityPass) -> None:
    """Dinas/Badan/Setda/TPPS/Pokja of a region: "<head> <topic> (ABBR) <place>"."""
    words = compiled(r.lex, "bodies", _body_words)
    for m in words.pattern.finditer(r.text):
        if any(f.start < m.start() < f.end for f in r.ctx.found if f.key.startswith("org/")):
            continue
        if any(f.start == m.start() and r.ctx.entities[f.key].types[0] == KB.RepresentativeOffice
               for f in r.ctx.found if f.key.startswith("org/")):
            continue  # "Badan Kependudukan dan Keluarga Berencana Aceh": BKKBN's office
        head = " ".join(m.group("head").split())  # "Dinas  Sosial": blanks run long
        full, cls, shape = words.full[head]
        pos, topic, abbr = m.end(), [], None
        if shape == "name" and _TOPIC_WORD.match(r.text, pos) and not places_at(
                r, pos, ("province", "kabupaten", "kota")) and not ABBR.match(r.text, pos):
            # "Dinas Sosial Pengendalian Penduduk, Keluarga Berencana, …": a longer compound
            # name than the lexicon's; read it as "<head> <topic>" from the head word on
            head_word = full.split()[0]
            if head_word in words.full and words.full[head_word][2] == "head":
                topic = [r.text[m.start() + len(head_word):m.end()]]
                full, cls, shape = words.full[head_word]
        a = ABBR.match(r.text, pos) or _STRAY_ABBR.match(r.text, pos)
        if a:
            abbr, pos = a.group("abbr"), a.end()
        place = None
        while True:
            place = places_at(r, pos, ("province", "kabupaten", "kota"))
            if place is not None:
                break
            a = ABBR.match(r.text, pos)
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
            bare = full.split()[0] in ("Dinas", "Badan") and re.match(r"[ \t]+[a-z]", r.text[pos:pos + 120])
            if lvl or bare:
                place_key = _context_place(r, m.start(), lvl.group("level") if lvl else None)
            if place_key is None:
                continue
        topic_text = " ".join("".join(topic).replace(" ,", ",").split())
        if shape == "head" and full == "Badan" and topic_text.split()[-1:] == ["Nasional"]:
            continue
        label = r.res.body_label(full, topic_text, r.ctx.entities[place_key])
        ent = new_entity("org", label, cls_of(cls))
        key = r.add(ent)
        info = r.info[key]
        info.jurisdiction, info.level = place_key, level_of(r, place_key)
        parent = words.parents.get(full)
        if parent:  # "TP PKK Kabupaten Kupang": a branch of PKK, not of the Pemkab
            pkey = r.add(r.res.entity_of(f"org:{parent}"))
            r.info[pkey].lexicon_ref = f"org:{parent}"
            r.needed.add(pkey)
            info.parent = pkey
        else:
            info.parent = government_of(r, place_key)
        r.mark(key, m.start(), end)
        if abbr and place is not None and not r.res.entry(f"org:{abbr}"):
            r.aliases.setdefault(abbr, key)
            if shape == "head" and topic_text:
                r.aliases.setdefault(f"{abbr} {topic_text}", key)


def _context_place(r: EntityPass, pos: int, level: str | None) -> str | None:
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
            best = (f.start, key)
    if best is None and r.dateline_key and r.info[r.dateline_key].place_kind in want:
        return r.dateline_key
    return best[1] if best else None


def _association_pattern(lex) -> re.Pattern:
    heads = words_re(lex.word_list("cso_head"))
    return starting(initials(lex.word_list("cso_head")), rf"\b(?P<head>{heads}){SP}(?P<name>[A-Z][\w'\-]*(?:{SP}(?:dan{SP})?"
                      rf"[A-Z][\w'\-]*)*)")


def _associations(r: EntityPass) -> None:
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


_COMMISSION = re.compile(r"\b[Kk]omisi[ \t]+(?P<n>(?:X{0,1}(?:IX|IV|V?I{0,3}))|\d{1,2})\b")


def _commissions(r: EntityPass) -> None:
    """"Komisi IX DPR RI", "DPR RI Komisi IX", "komisi IV DPRD …": a commission of a
    legislature the article names (an organization whose name begins "Dewan Perwakilan"),
    a unit of it."""
    for m in _COMMISSION.finditer(r.text):
        if not m.group("n"):
            continue
        house = _legislature(r, r.skip(m.end()), after=True)
        start, end = m.start(), m.end()
        if house is not None:
            end = house.end
        else:
            house = _legislature(r, m.start(), after=False)
            if house is None:
                continue
            start = house.start
        legislature = r.ctx.entities[house.key]
        number = m.group("n")
        names = [legislature.label, *legislature.aliases,
                 *([legislature.abbreviation] if legislature.abbreviation else [])]
        key = r.add(new_entity("org", f"Komisi {number} {legislature.label}", KB.Division,
                               aliases=[f"Komisi {number} {n}" for n in names[1:]]))
        r.info[key].unit_of = house.key
        r.needed.add(house.key)
        r.mark(key, start, end)


def _legislature(r: EntityPass, pos: int, after: bool) -> Found | None:
    """A legislature named right at ``pos`` (after) or ending right before it."""
    for f in r.ctx.found:
        if not f.key.startswith("org/") or not r.ctx.entities[f.key].label.startswith(
                "Dewan Perwakilan"):
            continue
        if (f.start == pos) if after else (f.end <= pos and not r.text[f.end:pos].strip()):
            return f
    return None


def _org_aliases(r: EntityPass) -> None:
    """Short forms an article defines in brackets ("(TPPS)", "(Pokja)"), and a bare
    "Perwakilan BKKBN" when the article names exactly one such office."""
    office = KB.RepresentativeOffice
    offices = {f.key for f in r.ctx.found if r.ctx.entities[f.key].types[0] == office}
    if len(offices) == 1:
        (key,) = offices
        for m in re.finditer(r"\bPerwakilan[ \t]+(?:BKKBN|Kemendukbangga/BKKBN)\b(?![ \t]+[A-Z])",
                             r.text):
            r.mark(key, m.start(), m.end())
    for name, key in sorted(r.aliases.items(), key=lambda kv: -len(kv[0])):
        if not key.startswith("org/"):
            continue
        for start, end in occurrences(r.text, name, "(-", ")-"):
            if not any(f.start <= start < f.end for f in r.ctx.found if f.key == key):
                r.mark(key, start, end)


# ====================================================================== frameworks

def _frameworks(r: EntityPass) -> None:
    """Periodic frameworks with their period ("RPJMN 2015-2019", "Renstra BKKBN
    2020-2024", "RPJMN dan RENSTRA tahun 2015-2019")."""
    hits = [h for h in r.hits if h.label == "FRAME" and r.res.entry(h.ref)
            and r.res.entry(h.ref).periodic]
    hits = [h for h in hits if not any(o is not h and o.label == "FRAME" and o.start <= h.start
                                       and h.end <= o.end and o.end - o.start > h.end - h.start
                                       for o in hits)]
    pending: list[tuple[LexHit, int, str | None]] = []  # hit, mention end, owner as written
    generic: list[tuple[int, int]] = []
    for h in hits:
        entry = r.res.entry(h.ref)
        end = h.end
        a = ABBR.match(r.text, end)
        if a:
            end = a.end()
        owner = None
        if entry.owner:  # "Renstra BKKBN 2020-2024", "RPJMD Kalsel 2016-2021"
            o = r.found_at(end, ("org",))
            place = places_at(r, end, ("province", "kabupaten", "kota"))
            if o and r.text[end:o[0].start].strip() == "":
                owner, end = r.text[o[0].start:o[0].end], o[0].end
            elif place is not None:
                owner, end = r.ctx.entities[place.key].label, place.end
        if any(a <= h.start < b for a, b in generic):
            continue
        if re.match(r"[ \t]+masing-masing\b", r.text[end:end + 20]):
            generic.append((h.start, end))  # "… RPJMD masing-masing": each region's own,
            continue                        # no one plan
        if pending and pending[-1][0].start <= h.start < pending[-1][1]:
            continue  # "(Renstra)" inside "Rencana Strategis (Renstra) BKKBN 2020-2024"
        pending.append((h, end, owner))
    resolved: dict[int, str | None] = {}
    for i, (h, end, _owner) in enumerate(pending):
        m = re.match(rf"[ \t]+(?P<p>{_PERIOD.pattern})", r.text[end:end + 120])
        if m:
            resolved[i] = m.group("p")
    for i, (h, end, _owner) in enumerate(pending):
        if i in resolved:
            continue
        pos, j = end, i
        while j + 1 < len(pending):
            link = re.match(r"[ \t]*(?:,|dan|serta)[ \t]+", r.text[pos:pos + 120])
            if not link or pending[j + 1][0].start != pos + link.end():
                break
            j += 1
            pos = pending[j][1]
            if j in resolved:
                resolved[i] = resolved[j]
                break
        if i not in resolved:
            m = re.match(rf"[ \t]+(?:tahun|periode)[ \t]+(?P<p>{_PERIOD.pattern})", r.text[pos:pos + 120])
            if m:
                for k in range(i, j + 1):
                    resolved.setdefault(k, m.group("p"))
    by_base: dict[tuple[str, str | None], set[str]] = {}
    for i, (h, _end, owner) in enumerate(pending):
        if resolved.get(i):
            by_base.setdefault((h.ref, owner), set()).add(_norm_period(resolved[i]))
    for i, (h, end, owner) in enumerate(pending):
        entry = r.res.entry(h.ref)
        period = _norm_period(resolved[i]) if resolved.get(i) else None
        if period is None and len(by_base.get((h.ref, owner), ())) == 1:
            period = next(iter(by_base[(h.ref, owner)]))
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
        m = re.match(rf"[ \t]+{_PERIOD.pattern}", r.text[end:end + 120])
        r.mark(key, h.start, end + (m.end() if m and resolved.get(i) else 0))


def _norm_period(p: str) -> str:
    a, b = re.findall(r"\d{4}", p)
    return f"{a}-{b}"


def _regulation_pattern(lex) -> re.Pattern:
    types = [w for t in lex.regulation_types for w in (t.abbreviation, t.full, *t.aliases)]
    title = (r"(?P<title>[A-Z][\w\-/]*(?:(?:,[ \t]*|[ \t]+)(?:(?:dan|serta|atau|untuk|di|pada)"
             r"[ \t]+)?[A-Z0-9][\w\-/]*)*)")
    return starting(
        initials(types), rf"\b(?P<type>{words_re(types)})(?:{SP}(?:Republik{SP}Indonesia|RI))?{SP}"
        rf"(?:(?:Nomor|No\.?){SP}?)?(?P<num>\d+[A-Z]?)"
        rf"(?:{SP}[Tt]ahun{SP}|[ \t]*/[ \t]*)(?P<year>(?:19|20)\d\d)\b"
        rf"(?:{SP}tentang{SP}{title})?")


def _regulations(r: EntityPass) -> None:
    """"Peraturan Presiden Nomor 72 Tahun 2021 (tentang …)", "Perpres 72/2021", "UU 52/2009"."""
    pattern = compiled(r.lex, "regulations", _regulation_pattern)
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


_PRIORITY = re.compile(
    rf"\b(?P<head>prioritas|agenda|misi|cita)(?:{SP}(?:nomor|ke-?))?[ \t]*"
    rf"(?P<num>\d+|{words_re(_NUMBER_WORDS)})\b(?P<rest>,?{SP}(?:yakni|yaitu|adalah){SP})?")


def _priorities(r: EntityPass) -> None:
    """"prioritas nomor lima, yakni …", "agenda kelima, yakni …" of an agenda named nearby."""
    pattern = _PRIORITY
    agenda_cls = KB.PoliticalAgenda
    agendas = [f for f in r.ctx.found if r.ctx.entities[f.key].types[0] == agenda_cls]
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

def find_entities(ctx: Context, clean: CleanText | None = None) -> list[tuple[str, Mention]]:
    """Read places, organizations, programs, frameworks, persons and posts into ``ctx``
    (entities, found, facts). Returns the mentions in text that clean() cut (dateline,
    copyright footer, "Baca juga" line) as (entity key, Mention in ``Article.text``
    offsets)."""
    r = EntityPass(ctx, clean)
    places.find_venues(r)
    places.lexicon_places(r)
    places.dateline(r)
    places.add_venues(r)
    places.local_places(r)
    _lexicon_names(r, ("ORG",))
    _offices(r)
    _spelled_offices(r)
    _governments(r)
    _village_governments(r)
    _bodies(r)
    _associations(r)
    _commissions(r)
    _org_aliases(r)
    _lexicon_names(r, ("PROG", "FRAME"))
    programs.shaped_programs(r)
    _frameworks(r)
    _regulations(r)
    programs.expand_titles(r)
    _priorities(r)
    places.place_aliases(r)
    find_people(r)
    places.chains(r)
    places.place_aliases(r)
    places.footer(r)
    places.see_also(r)
    outlets.outlet_mentions(r)
    outlets.bylines(r)
    _prune(r)
    add_facts(r)
    return r.extra


def _prune(r: EntityPass) -> None:
    """Apply the mention rules: drop a form nested in a longer form of the same entity,
    anything inside a person's name, and a place nested in another place's name."""
    found = r.ctx.found
    persons = [f for f in found if f.key.startswith("person/")]
    same_key: dict[str, list[Found]] = {}  # each occurrence is compared with its kin only
    for f in found:
        same_key.setdefault(f.key, []).append(f)
    places: list[Found] | None = None  # non-venue places, listed when first needed
    keep = []
    for f in found:
        former = {n for n, _ in r.ctx.entities[f.key].former_names}
        if f.text not in former and (f.key, f.start, f.end) not in r.keep and any(
                o is not f and o.start <= f.start and f.end <= o.end for o in same_key[f.key]):
            continue
        if not f.key.startswith("person/") and any(
                p.start <= f.start and f.end <= p.end for p in persons):
            continue
        if f.key.startswith("place/") and r.info[f.key].place_kind != "venue":
            if places is None:
                places = [o for o in found if o.key.startswith("place/")
                          and r.info[o.key].place_kind != "venue"]
            if any(o is not f and o.start <= f.start and f.end <= o.end
                   and (o.end - o.start) > (f.end - f.start) for o in places):
                continue
        keep.append(f)
    keep.sort(key=lambda f: (f.start, -f.end, f.key))
    r.ctx.found[:] = keep
    used = {f.key for f in keep} | {k for k, _ in r.extra}
    for key in list(r.ctx.entities):
        if key not in used and not _needed(r, key):
            del r.ctx.entities[key]


def _needed(r: EntityPass, key: str) -> bool:
    """An entity without mentions stays when a post or a body needs it (Bupati → Pemkab)."""
    return key in r.needed
