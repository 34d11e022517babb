"""Persons and the posts they hold, read from the shapes of Indonesian news prose.

Persons are found by patterns, never by a list of names:

- a post followed by a name: "Kepala Perwakilan BKKBN Kalbar Drs. Tengku Rizal Effendi,
  M.M mengatakan", "Bupati Kubu Raya H. Syarifuddin Amran, S.Sos" — the post runs up to
  the name, the name is the capitalised words after it;
- apposition: "Kepala Dinas Kesehatan Kabupaten Sambas, Budi Hartono, mengatakan";
- chained posts: "Wakil Bupati Lombok Timur selaku Ketua TPPS, H. Lalu Fathurrahman",
  "Ketua panitia pelaksana pertemuan yang juga Kepala Bidang … Budi Santoso" (two posts);
- a name with degrees, with a speech verb, after "kata"/"ujar"/"Menurut", or followed by
  "dari <place>" ("Rizky Aditya Pratama dari Kabupaten Tanggamus");
- "… sebagai Duta GenRe Lampung 2018" and "Duta GenRe Kalteng 2022, Dimas …": an
  honorary post, without an organization.

Honorifics and degrees (``words.csv``) stay in the mention and leave the name. Later
short forms of a name ("Nurhayati", "Andi Nurlina") are mentions of the same person.

The organization of a post: the organization named in it ("Kepala Dinas … Kabupaten
Kubu Raya"); for a Kepala/Koordinator Bidang the division (``kb:Division``, a unit of the
office named after it, or of the office in the sentence); for a Deputi Bidang the
Kedeputian of the agency; Bupati/Wali Kota/Gubernur/Sekda X → Pemerintah … X; Camat,
Lurah, Kepala Desa → the government of the area's city or regency, or the village's own
("Pemerintah Desa X", ``registry.local_government``); a
"Ketua panitia" → the office of the other post in the chain, else the organizer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kbgraph.ontology.lexicon import Lexicon, load_lexicon
from kbgraph.ontology.namespaces import FOAF, KB, ORG, slugify
from spacy.lang.id.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from ..canonical import new_entity, person_label
from ..model import EntityRef
from .registry import (
    EntityRegistry,
    Found,
    compiled,
    government_of,
    level_of,
    local_government,
    of,
    places_at,
    region_named,
    spelling,
    the_region,
    word_kind_re,
    words_re,
)
from .s03_places import place_aliases
from .text import attribution_verbs, initials, occurrences, starting

__all__ = ["find_people"]

_LEX = load_lexicon()


_w = word_kind_re


_AND = _w("and_word")  # "dan"
_ROMAN = re.compile(r"[ \t]+(?:I{1,3}|IV|V|VI{0,3}|\d{1,2})\b(?![.,/]\d)")  # "Asisten II", "Inspektur Wilayah 3"
_LINK = re.compile(rf"[ \t]*,?[ \t]*{_w('post_link')}[ \t]+")  # "selaku", "yang juga"
_COMMITTEE = re.compile(rf"[ \t]+{_w('committee')}")  # "panitia (pelaksana)"
_FILLER = re.compile(rf"(?:[ \t]+{_w('committee_of')}"
                     rf"(?:[ \t]+{_w('demonstrative')})?)?")  # "pertemuan ini"
_ORGANIZE = re.compile(rf"\b{_w('organize_verb')}\b")  # "menggelar"


@dataclass(slots=True)
class _Post:
    start: int
    end: int  # end of the post as written
    after: int  # where the text continues (fillers such as "pertemuan" skipped)
    title: str  # canonical title ("Sekretaris Daerah")
    org: str | None  # organization key
    committee: bool = False
    place: str | None = None  # a place named after the organization ("… PKK Kabupaten Kendal")
    words: str = ""  # function words between title and organization ("Bina Kesertaan KB …")
    honorary: bool = False  # an honorary title (Duta GenRe): no organization
    unit_span: tuple[int, int] | None = None  # the unit's name inside the post, a mention


@dataclass(frozen=True, slots=True)
class _Words:
    titles: dict[str, tuple[str, str, bool]]  # title → (attaches, canonical, heads a unit)
    title_re: re.Pattern  # groups: title (as written), acting (a prefix), base (the title)
    unit_re: re.Pattern
    name_re: re.Pattern
    non_name: frozenset[str]
    speech_after: re.Pattern
    speech_before: re.Pattern
    honorary_re: re.Pattern
    honorific_re: re.Pattern
    start_re: re.Pattern  # where a name may start: an honorific or a capital
    courtesy_re: re.Pattern  # "Ibu", "Bapak": before a name, but no sign of one
    degree_re: re.Pattern  # a degree written after the name without a comma ("SH MH")
    stops: frozenset[str]  # words an organization's name never runs over: titles, degrees
    topic_words: frozenset[str]  # words of the names of bodies and units (never a name's)
    unit_words: frozenset[str]  # "Bidang", "Seksi", …
    calendar_words: frozenset[str]  # "Minggu", "Juni": also first names after an honorific
    degrees: frozenset[str] = frozenset()  # "Ak", "Lc": degrees that look like name words
    brands: frozenset[str] = frozenset()  # venue brands ("Sahid"): name words after an honorific


def _build_words(lex: Lexicon) -> _Words:
    titles = {t.title: (t.attaches, t.canonical, t.heads_unit) for t in lex.post_titles}
    # "Inspektur utama", "Sekretaris utama": a title's later words written in lower case
    titles |= {f"{t.split(' ', 1)[0]} {t.split(' ', 1)[1].lower()}": v for t, v in list(titles.items())
               if " " in t and t[:1].isupper() and t.split(" ", 1)[1].lower() not in titles}
    # "wakil Ketua DPRD X": a title whose first word news also writes in lower case
    lower = tuple(f"{h} " for h in lex.word_list("lower_title_head"))
    titles |= {t[:1].lower() + t[1:]: v for t, v in list(titles.items()) if t.startswith(lower)
               and t[:1].lower() + t[1:] not in titles}
    acting = lex.word_list("acting")  # "Plt.", "Pjs.", "Pelaksana Harian" before any title
    title_re = starting(initials(list(titles) + list(acting)),
                        rf"\b(?P<title>(?:(?P<acting>{words_re(acting)})[ \t]+)?"
                        rf"(?P<base>{words_re(titles, by_initial=True)}))(?![\w-])")
    unit_re = re.compile(rf"[ \t]+(?P<unit>{word_kind_re('unit', lex)})(?=[ \t]+[A-Z])")
    courtesies = lex.word_list("courtesy")
    honorifics = words_re(lex.word_list("honorific") + courtesies)
    # a name word; "Muh.", "Moh.", "Abd." (a shortened first name) and "M." before another
    # (any such word first; after another name word only a listed one: "Abdul Gani. Hadir …"
    # ends the name at "Gani")
    # also initials written together ("J.W. Patty")
    # a hyphen joins name parts ("Al-Amin"), not a dash typed as one ("Kurniawan-mewakili")
    word = (r"[A-Z][a-z][\w'’]*(?:-(?:[A-Z]|[a-z]{1,3}\b)[\w'’]*)*|[A-Z]['’][A-Z][a-z]+"
            rf"|(?!{word_kind_re('degree', lex)}\b)[A-Z]\.[A-Z][a-z][\w'’]*"  # "M.Ridho", not "S.Kom"
            r"|(?:[A-Z]\.){2,3}(?=[ \t]+[A-Z])|[A-Z]\.?(?=[ \t]+[A-Z]|,[ \t]*[A-Z])")  # "Rahmat M, MSi"
    shortened = rf"(?={word_kind_re('name_abbreviation', lex)})"
    # two capitals first ("Dr H AS Tamrin"): only after an honorific (see _name)
    first = rf"(?:[A-Z][a-z]{{1,3}}\.(?=[ \t]+[A-Z][a-z])|{word}|[A-Z]{{2}}(?=[ \t]+[A-Z][a-z]))"
    # "Caroll JA Senduk": initials written together between two name words
    token = rf"(?:{shortened}[A-Z][a-z]{{1,3}}\.(?=[ \t]+[A-Z][a-z])|{word}|[A-Z]{{2}}(?=[ \t]+[A-Z][a-z]))"
    # "S.Sos", "M.Kes", "S.E.", not "Palu."; glued ones whole ("SE.M.Si", "S.Pd.M.Si")
    degree = (r"(?:(?![A-Z]\.[ \t])(?:[A-Z][A-Za-z]{0,3}\.)"
              r"(?:(?:[A-Z][A-Za-z]{0,3}\.){1,3}[A-Za-z]{0,4}\.?|[A-Za-z]{1,4}\.?)"
              rf"|{word_kind_re('degree', lex)}\.?)"
              r"(?:\([A-Z]{1,3}\))?(?![\w])")
    inner = word_kind_re("honorific", lex)  # "Abdul Gafur Hi. Ibrahim", never "Ibu"
    name_re = re.compile(
        rf"(?P<hon>(?:{honorifics}(?:[ \t]+|(?<=\.)(?=[A-Z]\.)))*)"  # "Ir.J.W. Patty"
        rf"(?P<name>{first}(?:[ \t]+(?:{inner}[ \t]+)?{token}){{0,5}})"
        rf"(?P<deg>(?:[ \t]*,[ \t]*{degree})*)")
    non_name = {w for t in titles for w in t.split()}
    for kind in ("venue", "unit", "village_head", "district_head", "weekday", "month",
                 "venue_brand", "non_name", "cso_head", "headline_verb", "issued_by"):
        non_name.update(w for word in lex.word_list(kind) for w in word.split())
    non_name.update(w for b in lex.bodies for w in b.name.split()[:1])
    # "Dipimpin Ismail …", "Kata Ismail …": a cue opening a sentence is no name word
    non_name.update(w[:1].upper() + w[1:] for w in lex.word_list("speech_before"))
    honorary = [t.title for t in lex.post_titles if t.attaches == "honorary"]
    return _Words(
        titles, title_re, unit_re, name_re, frozenset(non_name),
        # "… Darius Angi dalam laporannya, mengatakan"
        re.compile(rf"[ \t]*,?[ \t]*(?:{word_kind_re('speech_occasion', lex)}[ \t]+"
                   rf"{word_kind_re('talk_noun', lex)}nya[ \t]*,?[ \t]*)?"
                   rf"{word_kind_re('speech_after', lex)}\b"),
        re.compile(rf"\b(?i:{word_kind_re('speech_before', lex)})[ \t]+$"),  # "” Kata X"
        re.compile(rf"\b{word_kind_re('as_post', lex)}[ \t]+(?P<post>{words_re(honorary)}(?:[ \t]+[\w/-]+)*?)"
                   r"(?=[ \t]*[.,;]|[ \t]*$)"),
        re.compile(honorifics),
        starting(_with(initials(lex.word_list("honorific") + courtesies), "A-Z"),
                 rf"(?<![\w.])(?:{honorifics}[ \t]|[A-Z])"),
        re.compile(rf"(?:{words_re(courtesies)}[ \t]+)+") if courtesies else re.compile(r"(?!)"),
        re.compile(rf"(?:[ \t]*,[ \t]*(?P<cdeg>{degree})|[ \t]+(?P<deg>{word_kind_re('degree', lex)}"
                   r"|M\.?[A-Z][a-z]{1,3}\.?)(?:[ \t]*\([A-Z]\))?)"  # "Sp.OG (K)"
                   r"(?=[ \t]*[,.;:)]|[ \t]+[a-z]|[ \t]*$|[ \t]+[A-Z][A-Za-z]{0,3}\.?(?:[ \t,.;:)]|$)"
                   rf"|\.[ \t]+{word_kind_re('degree', lex)}(?![\w]))"),  # "SH. M.A.P"
        frozenset({t.split()[0] for t in titles if t[:1].isupper()} | set(lex.word_list("degree"))
                  | set(lex.word_list("honorific")) | set(courtesies)),
        _topic_words(lex),
        frozenset(lex.word_list("unit")),
        frozenset(lex.word_list("weekday") + lex.word_list("month")),
        frozenset(lex.word_list("degree")),
        frozenset(w for b in lex.word_list("venue_brand") for w in b.split()),
    )


def _topic_words(lex: Lexicon) -> frozenset[str]:
    """Capitalised words of the lexicon's names of organizations, programs and bodies, of
    unit words and ``unit_word`` ("Publik", "Humas"): words a unit's name may end with."""
    names = [n for e in lex.entries for n in (e.label, *e.aliases)]
    names += [b.name for b in lex.bodies] + list(lex.word_list("unit"))
    names += list(lex.word_list("unit_word"))
    return frozenset(w for n in names for w in re.findall(r"[\w-]+", n) if w[:1].isupper())


def _with(first: set[str] | None, item: str) -> set[str] | None:
    return None if first is None else first | {item}


def _words(r: EntityRegistry) -> _Words:
    return compiled(r.lex, "people", _build_words)


# ---------------------------------------------------------------------- names

@dataclass(frozen=True, slots=True)
class _Name:
    start: int
    end: int  # end of the mention (honorifics and degrees included)
    tokens: tuple[str, ...]
    name_start: int
    name_end: int


#: What may stand between a post and the name after it: a comma, a dash between blanks,
#: "yakni" ("Ketua Komisi IX DPR RI yakni Dedy …").
_BEFORE_NAME = re.compile(rf"[ \t]*(?:,|[–—-](?=[ \t])|{_w('apposition')}(?=[ \t]))?[ \t]*")


def _name(r: EntityRegistry, pos: int, w: _Words) -> _Name | None:
    """A person's name at ``pos`` (after an optional comma, or a dash between blanks:
    "Kepala Perwakilan BKKBN Provinsi X – Rina Marlina –"), with honorifics and degrees."""
    m = _BEFORE_NAME.match(r.text[pos:pos + 120])
    start = pos + m.end()
    n = w.name_re.match(r.text, start)
    if not n:
        return None
    if not n.group("hon") and re.match(r"[A-Z]{2}[ \t]", n.group("name")):
        return _name(r, n.start("name") + 3, w)  # "RI Budi": two capitals need an honorific
    tokens, ends, at = [], [], n.start("name")
    degree_at = None
    for t in re.finditer(r"\S+", n.group("name")):
        word, t_start = t.group(), n.start("name") + t.start()
        if w.honorific_re.fullmatch(word):
            continue  # "Abdul Gafur Hi. Ibrahim": in the mention, not in the name
        if word in w.calendar_words and n.group("hon") and not tokens and t.end() < len(
                n.group("name")):
            pass  # "Drs H Minggu Basuki": a first name after an honorific, not a weekday
        elif word in w.brands and n.group("hon") and tokens:
            pass  # "H. Abdul Sahid": a name word a venue's brand shares, after an honorific
        elif word in w.non_name or r.found_at(t_start, ("org", "place", "program", "framework")):
            break
        elif word.isupper() and len(word) > 1 and (word in w.topic_words or word in w.degrees):
            break  # "… KB Sejahtera": an acronym the lexicon knows, no initials
        elif tokens and (word in w.degrees or w.degree_re.match(r.text, t_start - 1)):
            degree_at = t_start  # "Agus Salim Ak MM", "… Wardoyo Sp.OG (K)": a degree
            break  # written like a name word
        tokens.append(word)
        ends.append(n.start("name") + t.end())
    if not tokens or all(len(t.rstrip(".")) < 2 for t in tokens):
        return None
    topical = sum(t in w.topic_words for t in tokens)
    if topical >= 2 and 2 * topical > len(tokens):
        return None  # "Kabid Pengelolaan Pelayanan Kesehatan Masyarakat, Hj. …": a unit's name
    after = re.match(r"[ \t]+([A-Z][\w-]*)", r.text[ends[-1]:ends[-1] + 40])
    if len(tokens) == 1 and after and after.group(1) in w.topic_words:
        return None  # "Sekretaris Dinkes Dalduk KB Sidrap": a word of a body's name
    if len(tokens) == 1 and re.match(r"[ \t]*[\d/]|[ \t]+[IVX]+\b", r.text[ends[-1]:ends[-1] + 6]):
        return None  # "Nomor 24", "Korem 043/Gatam", "Komis IX": a number follows, not a name
    end = ends[-1]
    if ends[-1] == n.end("name") and n.group("deg"):
        end = n.end("deg")
    if ends[-1] == n.end("name") or degree_at is not None:
        while d := w.degree_re.match(r.text, end) or (  # "Mediharyanto SH MH", "M.Kes MMR."
                r.text[end:end + 1] == "." and w.degree_re.match(r.text, end + 1)):  # "SH. M.A.P"
            if r.found_at(d.start("deg" if d.group("deg") else "cdeg"),
                          ("org", "place", "program", "framework")):
                break
            end = d.end()
    if end > ends[-1] and r.text[end - 1] == "." and re.match(
            r"\s+[A-Z\"]|\s*$", r.text[end:end + 120]):
        end -= 1  # the period ends the sentence ("S.IP. Asep mengatakan")
    return _Name(start, end, tuple(tokens), at, ends[-1])


def _known_as(r: EntityRegistry) -> dict[str, str]:
    """Names the news uses for persons the lexicon knows ("Jokowi") → their label."""
    return compiled(r.lex, "known-persons",
                    lambda lex: {a: p.label for p in lex.persons for a in (p.label, *p.aliases)})


def _add_person(r: EntityRegistry, name: _Name) -> str:
    label = person_label(list(name.tokens))
    label = _known_as(r).get(label, label)
    key = _named_before(r, label.split()) or r.add(new_entity("person", label, FOAF.Person))
    r.mark(key, name.start, name.end)
    return key


def _named_before(r: EntityRegistry, tokens: list[str]) -> str | None:
    """The one person named earlier whose name holds these words in a row ("Kepala BKKBN
    Hasto" after "Hasto Wardoyo"): the same person, not a new one."""
    found = set()
    for key, entity in r.ctx.entities.items():
        if not key.startswith("person/"):
            continue
        words = entity.label.split()
        if len(words) > len(tokens) and (any(
                words[i:i + len(tokens)] == tokens for i in range(len(words) - len(tokens) + 1))
                or _first_and_last(words, tokens)):
            found.add(key)
    return found.pop() if len(found) == 1 else None


def _first_and_last(words: list[str], tokens: list[str]) -> bool:
    """"Benny Litelnoni" after "Benny Alexander Litelnoni": the first and the last word of
    the longer name, with any words between taken from it in order."""
    if len(tokens) < 2 or tokens[0] != words[0] or tokens[-1] != words[-1]:
        return False
    rest = iter(words[1:-1])
    return all(t in rest for t in tokens[1:-1])


# ---------------------------------------------------------------------- posts

def _title(m: re.Match, w: _Words) -> tuple[str, str, str, bool]:
    """(title, attaches, canonical, heads a unit) of a title match: the lexicon's own
    title when it lists the whole ("Plt. Kepala"), else the title after an acting
    prefix ("Pjs. Bupati" → Bupati, canonical "Pjs. Bupati")."""
    title = " ".join(m.group("title").split())  # "Wakil  Bupati": blanks run long
    if title in w.titles:
        return (title, *w.titles[title])
    base = " ".join(m.group("base").split())
    attaches, canonical, heads_unit = w.titles[base]
    return base, attaches, f"{' '.join(m.group('acting').split())} {canonical}", heads_unit


def _post(r: EntityRegistry, m: re.Match, w: _Words) -> _Post | None:
    """The post that starts with the title matched by ``m`` (None if none can be read)."""
    title, attaches, canonical, heads_unit = _title(m, w)
    pos = m.end()
    short = _SHORT_TITLE.match(r.text[pos:pos + 30])
    if short:  # "Sekretaris Daerah (Sekda) Kota Palembang", "… Daerah Provinsi (Sekdaprov) Riau"
        pos += short.end()
    if title in _LEX.word_list("committee_head"):
        c = _COMMITTEE.match(r.text, pos)
        if c:
            f = _FILLER.match(r.text, c.end())
            return _Post(m.start(), c.end(), f.end(), f"{canonical} panitia", None, True)
    if attaches in ("regency_gov", "city_gov", "province_gov", "region_gov", "none"):
        kinds = {"regency_gov": ("kabupaten",), "city_gov": ("kota",),
                 "province_gov": ("province",), "region_gov": ("province", "kabupaten", "kota"),
                 "none": ("village", "district", "kota", "kabupaten")}[attaches]
        place = next((f for f in r.found_at(pos, ("place",))
                      if r.info[f.key].place_kind in kinds), None)
        if place is None:  # "Wali Kota Bandung": the place "Kota Bandung" began in the title
            place = next((f for f in r.ctx.found if f.key.startswith("place/")
                          and m.start() < f.start < pos < f.end
                          and r.info[f.key].place_kind in kinds), None)
        if place is None and attaches in ("regency_gov", "city_gov"):
            place = region_named(r, pos, kinds[:1])
        if place is None and attaches == "none":
            return _head_of_area(r, m, canonical)
        if place is None and _names_no_region(r, pos):
            # "Bupati Djoko Nugroho", "Gubernur H Longki Djanggola": the head of the one
            # region of that kind the article names; "Sekretaris Daerah Djoko Gunawan": of
            # the one regency or city it names, else (naming none) of the one province
            key = _only_region(r, kinds[0]) if attaches != "region_gov" else the_region(r, dateline=True)
            org = government_of(r, key) if key else None
            return _Post(m.start(), pos, pos, canonical, org) if org else None
        if place is None:
            return None
        org = (government_of(r, place.key) if attaches != "none"
               else local_government(r, place.key, m.start()))
        end = place.end
        area = _AREA_APPOSITION.match(r.text, end) if attaches == "none" and r.info[
            place.key].place_kind in ("kota", "kabupaten") else None
        if area:  # "Camat Langsa Timur, Hendri …": a district named after its city
            end = area.end()
        return _Post(m.start(), end, end, canonical, org)
    if attaches == "honorary":  # "Duta GenRe Kalimantan Tengah 2022, Dimas Ananda Putra,"
        words = re.match(r"(?:[ \t]+[A-Z0-9][\w\-/]*){1,6}(?=[ \t]*,[ \t]*[A-Z])", r.text[pos:pos + 120])
        if words is None:
            return None
        return _Post(m.start(), pos + words.end(), pos + words.end(), canonical, None,
                     honorary=True)
    if attaches == "ministry":
        return _minister(r, m, canonical)
    if attaches == "head_of_state":  # "Presiden Jokowi", "Presiden RI Joko Widodo"
        rest = _COUNTRY.match(r.text[pos:pos + 30])
        return _Post(m.start(), pos + rest.end(), pos + rest.end(), canonical, None)
    unit = w.unit_re.match(r.text, pos) if heads_unit else None
    if unit and any(r.ctx.entities[f.key].types[0] != KB.Division
                    for f in r.found_at(unit.start("unit"), ("org",))):
        unit = None  # "Ketua Pokja Kampung KB Kabupaten Garut": a body of its own
    if unit:
        return _division_post(r, m, unit.start("unit"), unit.end("unit"), canonical, w)
    implied = _implied_unit(title, canonical, w)
    if implied is None and m.group("base") in _LEX.word_list("deputy_title"):
        implied = _LEX.word_list("deputy_field")[0]  # "Deputi Pengendalian Penduduk BKKBN"
    if implied and re.match(r"[ \t]+[A-Z]", r.text[pos:pos + 3]) and not any(
            r.ctx.entities[f.key].types[0] != KB.Division for f in r.found_at(pos, ("org",))):
        # "Kabid Dalduk Perwakilan BKKBN Jabar": the head of the Bidang Dalduk of the office
        post = _division_post(r, m, r.skip(pos), pos, canonical, w, implied)
        if post is not None:
            return post
    org = _org_after(r, pos)
    if org is not None and canonical == "Direktur" and org.start > pos:
        return _directorate_post(r, m, pos, org, canonical)
    if org is None and canonical in r.lex.word_list("staff_title"):  # "Asisten I Jayawijaya", "Asisten … Sekda Kupang"
        return _staff_post(r, m, pos, canonical)
    if org is not None:
        words = " ".join(r.text[pos:org.start].split())
        end = org.end
        suffix = _NATIONAL.match(r.text, end)  # "Sekretaris Utama BKKBN RI", "… (BKKBN) pusat"
        if suffix:
            end += suffix.end() - suffix.start()
        place = next((f for f in r.found_at(end, ("place",)) if r.info[f.key].place_kind
                      in ("province", "kabupaten", "kota")), None)
        if place is not None and r.ctx.entities[org.key].types[0] in (
                KB.CivilSocietyOrganization, KB.GovernmentAgency):
            return _Post(m.start(), place.end, place.end, canonical, org.key, place=place.key,
                         words=words)
        if place is not None and place.key == r.info[org.key].jurisdiction:
            end = place.end  # "Kepala DKPPKB Morowali": the short form, then its own region
        seat = _DISTRICT.match(r.text, end)  # "Anggota Komisi IX DPR RI Dapil Jawa Barat"
        if seat:
            area = next(iter(r.found_at(seat.end(), ("place",))), None)
            if area is not None:
                end = area.end
        faction = _FACTION.match(r.text, end)  # "… DPR RI Fraksi Demokrat", "… Fraksi Partai Golkar"
        after = None
        if faction and faction.group("from"):  # "… DPR-RI dari Fraksi Partai Gerindra, X":
            after = faction.end()  # the member's faction, told after the post
        elif faction:
            end = faction.end()
        elif r.ctx.entities[org.key].label.startswith(_LEGISLATURE):
            party = [f for f in r.found_at(r.skip(end), ("org",))
                     if r.ctx.entities[f.key].label.startswith(_PARTY)]
            if party:  # "Anggota DPRD Partai Nasdem Budi": the member's party
                end = max(f.end for f in party)
        key = org.key
        slash = _SLASH.match(r.text, end)  # "… Kementerian X / Perwakilan BKKBN Provinsi Y":
        other = r.found_at(slash.end(), ("org",)) if slash else []  # the office after the slash
        if other:
            key, end = max(other, key=lambda f: f.end).key, max(f.end for f in other)
        return _Post(m.start(), end, after or end, canonical, key, words=words)
    village = next((f for f in r.found_at(pos, ("place",))
                    if r.info[f.key].place_kind in ("village", "district")), None)
    if village is not None and title in _LEX.word_list("area_head"):
        return _Post(m.start(), village.end, village.end, canonical,
                     local_government(r, village.key, m.start()))
    if attaches == "org" and not heads_unit and r.text[m.start() - 1:m.start()] in (" ", "\t") \
            and _names_no_region(r, pos) and not _unit_words_follow(r, pos):
        # "… Perwakilan BKKBN Provinsi Jambi yang diwakilkan kepada Sekretaris Mhd Irzal":
        # a title alone before a name, of the office its sentence names before it
        office = _office_in_sentence(r, m.start())
        if office is not None and any(f.key == office and f.end <= m.start()
                                      for f in r.ctx.found):
            return _Post(m.start(), pos, pos, canonical, office)
    return None


#: Staff of a regional government whose post names the region or its secretariat only.
_NATIONAL = re.compile(rf"[ \t]+{_w('national')}\b(?![ \t]*[A-Z][a-z])")  # "RI", "pusat"
_NATIONAL_END = re.compile(rf"[ \t]+{_w('national')}$")
_COUNTRY = re.compile(rf"(?:[ \t]+{_w('country')}\b)?")  # "Presiden RI"
_SECRETARIAT = re.compile(rf"[ \t]*{_w('secretariat')}[ \t]+")  # "Setda", "Sekda"
_FACTION = re.compile(rf"[ \t]+(?P<from>{_w('from_word')}[ \t]+)?(?i:{_w('faction_word')})"
                      r"(?:[ \t]+[A-Z][\w-]*){1,3}\b(?=[ \t]*[,.;]|[ \t]+[A-Z][a-z]*\.?[ \t])")
_LEGISLATURE = _LEX.word_list("legislature_head")[0]  # "Dewan Perwakilan …"
_PARTY = f"{_LEX.word_list('party_word')[0]} "  # "Partai …"
_DISTRICT = re.compile(rf"[ \t]+{_w('electoral_district')}[ \t]+")  # "Dapil"
#: "Sekretaris Daerah (Sekda) Kota Palembang", "… Daerah Provinsi (Sekdaprov) Riau"
_SHORT_TITLE = re.compile(rf"[ \t]*(?:{_w('province_word')}[ \t]*(?=\())?\([A-Z][\w.]{{1,10}}\)")
#: A title that names the author of a regulation, not a post: "Peraturan Bupati X Nomor 24".
_ISSUED_BY = re.compile(rf"\b{_w('issued_by')}[ \t]+$")
_AREA_APPOSITION = re.compile(r"[ \t]+[A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*){0,2}(?=[ \t]*,[ \t]*[A-Z])")


def _blanks_before(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1] in " \t":
        pos -= 1
    return pos


def _names_no_region(r: EntityRegistry, pos: int) -> bool:
    """Whether what follows a title is a name and not a region: an honorific, or
    capitalised words that name no province, regency or city of the lexicon."""
    if r.found_at(pos, ("place", "org")):
        return False
    if _words(r).honorific_re.match(r.text, r.skip(pos)):
        return True
    m = _NAME_WORDS.match(r.text, pos)  # "Tonny S. Junus": an initial between
    if m is None:
        return False  # "Wabup Puspa": one word may be a nickname of someone named before
    words = [x for x in m.group().split() if not re.fullmatch(r"[A-Z]\.", x)]
    return not any(r.res.by_name.get(" ".join(words[:n])) or r.res.province_by_alias(
        " ".join(words[:n])) for n in range(1, len(words) + 1))


def _unit_words_follow(r: EntityRegistry, pos: int) -> bool:
    """"Kabid Pengendalian Penduduk Penyuluhan …": the words after a title begin with a
    word of the lexicon's names of bodies and units, a unit's name, not a person's."""
    first = re.match(r"[ \t]+([A-Z][\w-]*)", r.text[pos:pos + 40])
    return bool(first) and first.group(1) in _words(r).topic_words


#: Two to four capitalised words, initials between ("Tonny S. Junus").
_NAME_WORDS = re.compile(r"[ \t]+[A-Z][a-z][\w'-]*(?:[ \t]+(?:[A-Z]\.|[A-Z][a-z][\w'-]*)){1,3}")


def _only_region(r: EntityRegistry, kind: str) -> str | None:
    """The one place of that kind (province, kabupaten, kota) the article has named."""
    keys = {f.key for f in r.ctx.found if f.key.startswith("place/")
            and r.info[f.key].place_kind == kind}
    if not keys and r.dateline_key and r.info[r.dateline_key].place_kind == kind:
        keys = {r.dateline_key}
    return keys.pop() if len(keys) == 1 else None




def _head_of_area(r: EntityRegistry, m: re.Match, canonical: str) -> _Post | None:
    """"Camat Cikande, Asep Sutisna, …": a district or village head named in apposition
    (the area's name runs up to the comma); a post without an organization."""
    area = _AREA_APPOSITION.match(r.text, m.end())
    if area is None:
        return None
    end = area.end()
    after = _COMMA.match(r.text, end)
    if after and _words(r).title_re.match(r.text, after.end()) and " " in area.group().strip():
        # "Camat Biringkanaya Syahrum Makkurade, Lurah …": another post follows the comma,
        # so the name came before it and the area is the first word
        end = m.end() + re.match(r"[ \t]+[A-Z][\w'-]*", area.group()).end()
    return _Post(m.start(), end, end, canonical, None)


#: "Kementerian X": the word a ministry's name begins with, for "Menteri X".
_MINISTRY = f"{_LEX.word_list('ministry_word')[0]} "
#: "Menteri Kependudukan dan Pembangunan Keluarga/Kepala BKKBN": the office held with it.
_ALSO_HEAD = re.compile(rf"/{_w('area_head')}[ \t]+[A-Z][\w/]*")


def _minister(r: EntityRegistry, m: re.Match, canonical: str) -> _Post | None:
    """"Menteri Kesehatan" → Kementerian Kesehatan (the ministry the lexicon knows)."""
    pos = r.skip(m.end())
    best = None
    for entry in r.lex.entries:
        if entry.kind != "org":
            continue
        for name in (entry.label, *entry.aliases):
            if name.startswith(_MINISTRY):
                rest = name[len(_MINISTRY):]
                if r.text.startswith(rest, pos) and (best is None or len(rest) > len(best[0])):
                    best = (rest, entry)
    if best is None:
        return None
    end = pos + len(best[0])
    head = _ALSO_HEAD.match(r.text[end:end + 40])
    if head:
        end += head.end()
    key = r.add(r.res.entry_entity(best[1]))
    r.info[key].lexicon_ref = f"org:{best[1].label}"
    r.info[key].level = best[1].level
    return _Post(m.start(), end, end, canonical, key)


def _directorate_post(r: EntityRegistry, m: re.Match, pos: int, org, canonical: str) -> _Post:
    """"Direktur Advokasi dan KIE (KIE) BKKBN pusat" heads the Direktorat Advokasi dan KIE,
    a unit of the agency named after it."""
    words = r.text[pos:org.start]
    unit = " ".join(re.sub(r"\([^()]*\)", " ", words).replace(" ,", ",").split()).strip(" ,-–—")
    agency = r.ctx.entities[org.key]
    written = " ".join(r.text[org.start:org.end].split())
    short = agency.abbreviation or agency.label
    word = _LEX.word_list("directorate_word")[0]
    key = r.add(new_entity("org", f"{word} {_spelled_out(r, unit)} {short}", KB.Division,
                           aliases=[f"{word} {unit} {written}", f"{word} {unit}"]))
    r.info[key].unit_of = org.key
    r.needed.add(org.key)
    u_start, u_end = r.skip(pos), org.start
    while u_end > u_start and r.text[u_end - 1] in " \t–—-":
        u_end -= 1
    end = org.end
    suffix = _NATIONAL.match(r.text, end)
    if suffix:
        end = suffix.end()
    # "Bina Peran Serta Masyarakat", "Advokasi dan KIE (KIE)": marked once the post is read
    return _Post(m.start(), end, end, canonical, key, unit_span=(u_start, u_end))


def _spelled_out(r: EntityRegistry, unit: str) -> str:
    """"Bidang KSPK" → "Bidang Keluarga Sejahtera dan Pemberdayaan Keluarga": the fields of
    the agency's deputies and directorates written by their short names (unit-fields.csv)."""
    fields = dict(r.lex.unit_fields)
    return re.sub(r"[\w/-]+", lambda w: fields.get(w.group(), w.group()), unit)


#: A word of a staff post's field before its region ("Asisten Administrasi dan Umum …").
_STAFF_STEP = re.compile(rf",?[ \t]+(?:{_AND}[ \t]+)?(?:[A-Z][\w-]*|I{{1,3}}|IV|V|[1-4])(?![.\w])")  # "Asisten 1"


_SECRETARIAT_NAME = _LEX.word_list("secretariat_name")[0]  # "Sekretariat Daerah"


def _staff_post(r: EntityRegistry, m: re.Match, pos: int, canonical: str) -> _Post | None:
    """"Asisten Administrasi Umum Sekda Kabupaten Kupang" → the secretariat (Setda) of
    Kabupaten Kupang; "Asisten I Jayawijaya" → the government of Jayawijaya: a region
    named after a few capitalised words or a roman numeral."""
    at, closed = pos, False  # closed: a "dan" item was read ("Perekonomian dan Pembangunan")
    for _ in range(12):
        sec = _SECRETARIAT.match(r.text, at)
        place = places_at(r, sec.end() if sec else at, ("province", "kabupaten", "kota"))
        if place is not None:
            if sec is None:
                org = government_of(r, place.key)
            else:
                org = r.add(new_entity("org", r.res.body_label(
                    _SECRETARIAT_NAME, "", r.ctx.entities[place.key], spelling(r, place.key)),
                    KB.RegionalAgency))
                info = r.info[org]
                info.jurisdiction, info.level = place.key, level_of(r, place.key)
                info.parent = government_of(r, place.key)
                r.needed.add(org)
                r.mark(org, r.skip(at), place.end)  # "Sekda Kabupaten Kupang": its mention
            end = place.end
            unit = _words(r).unit_re.match(r.text, end)
            if unit:  # "Staf Ahli Bupati HST Bidang Administrasi dan Umum H Supiani"
                end = _unit_name_end(r, unit.end("unit"), _words(r))
            return _Post(m.start(), end, end, canonical, org) if org else None
        step = _STAFF_STEP.match(r.text[at:at + 60])
        if not step or _staff_post_ends(r, at, step, closed):
            break
        closed = closed or bool(re.match(rf",?[ \t]+{_AND}[ \t]", step.group()))
        at += step.end()
    else:
        return None
    if at == pos:
        return None
    w = _words(r)
    unit = w.unit_re.search(r.text, pos, at + 2)
    numeral = _NUMERAL_STEP.match(r.text, pos)
    if unit:  # "Staf Ahli Bidang Pemerintahan, Hukum dan Politik Theresia …": the field
        at = _unit_name_end(r, unit.end("unit"), w)  # ends where the name begins
    elif numeral:  # "Asisten III Andreas Lameki": the post ends at its numeral
        at = numeral.end()
    # "Asisten Umum (Asmum), Renward Parapat mengatakan Pemko Medan …": no region after
    # the post, the one regional government its sentence names (or region: the one
    # province, regency or city it names; the one of a head the post names, "Staf Ahli
    # Bupati", in the article)
    short = re.match(r"[ \t]*\([A-Z][\w.]{1,10}\)", r.text[at:at + 20])
    end = at + (short.end() if short else 0)
    s0, s1 = r.ctx.sentences[r.ctx.sentence_of(m.start())] if r.ctx.sentences else (0, len(r.text))
    govs = {f.key for f in r.ctx.found if s0 <= f.start < s1
            and r.ctx.entities[f.key].types[0] == KB.RegionalGovernment}
    govs |= {f.obj.key for f in r.ctx.facts if f.predicate == ORG.postIn  # "Gubernur Lampung X"
             and s0 <= f.evidence.start < s1
             and r.ctx.entities[f.obj.key].types[0] == KB.RegionalGovernment}
    if not govs:
        places = {f.key for f in r.ctx.found if s0 <= f.start < s1 and f.key.startswith("place/")
                  and r.info[f.key].place_kind in ("province", "kabupaten", "kota")}
        head = _HEAD_OF_REGION.search(r.text, pos, end)
        if not places and head:
            places = {k for k in [_only_region(r, _REGION_OF_HEAD[head.group(1)])] if k}
        govs = {g for g in (government_of(r, k) for k in places) if g}
    if len(govs) != 1:
        return None
    # "Asisten Perekonomian …" and "Asisten Administrasi Umum": two posts by their fields
    return _Post(m.start(), end, end, canonical, govs.pop(), words=" ".join(r.text[pos:at].split()))


def _staff_post_ends(r: EntityRegistry, at: int, step: re.Match, closed: bool) -> bool:
    """Whether a staff post ("Asisten …", "Staf Ahli …") ends at ``at`` rather than take the
    next word: another post begins ("Staf Ahli, Jajaran OPD, Ketua TP PKK …"), a name
    begins (two name words: "Asisten Administrasi Umum Agus Salim"), or, after a "dan"
    item, a word that is no word of a body's or unit's name ("… dan Pembangunan Hendrid")."""
    w = _words(r)
    word = at + len(step.group()) - len(step.group().lstrip(" \t,"))
    if r.found_at(word, ("person",)):
        return True
    if step.group().lstrip(" \t").startswith(","):  # "…, Setda Kota Langsa" goes on
        return bool(w.title_re.match(r.text, word))  # "Staf Ahli, …, Ketua TP PKK" ends
    last = step.group().split()[-1]
    if closed and last not in w.topic_words and not re.fullmatch(r"I{1,3}|IV|V|[1-4]", last):
        return True
    return _two_name_words(r, at, w) or _named_with_degrees(r, at, w)


_NUMERAL_STEP = re.compile(r"[ \t]+(?:I{1,3}|IV|V|[1-4])(?![.\w])")
#: The head of a region a staff post names ("Staf Ahli Bupati …"): its kind of region.
_REGION_OF_HEAD = {t.title: {"regency_gov": "kabupaten", "city_gov": "kota",
                             "province_gov": "province"}[t.attaches]
                   for t in _LEX.post_titles if t.attaches in ("regency_gov", "city_gov", "province_gov")
                   and not t.title.startswith(("Wakil", *_LEX.word_list("acting")))}
_HEAD_OF_REGION = re.compile(rf"\b({words_re(_REGION_OF_HEAD)})\b") if _REGION_OF_HEAD else re.compile(r"(?!)")


_COMMA = re.compile(r"[ \t]*,[ \t]*")
_DASH = re.compile(r"[ \t]+[–—-][ \t]+")
_SLASH = re.compile(r"[ \t]+/[ \t]+")


_NEXT_WORD = re.compile(rf"(?:[ \t]*,)?[ \t]+(?:{_AND}[ \t]+)?([\w.]+)")
#: A word between a title and its organization ("Asisten Pemerintahan dan Kesra Setda …").
_ORG_STEP = re.compile(rf"(?:[ \t]*,)?[ \t]+(?:{_AND}[ \t]+)?[A-Z][\w-]*(?![.\w])"
                       r"(?:[ \t]*\([A-Z][\w-]{1,10}\))?")


def _org_after(r: EntityRegistry, pos: int, max_words: int = 12):
    """The organization named at ``pos``, possibly after function words ("Asisten
    Pemerintahan dan Kesejahteraan Rakyat Setda Garut", "Asisten II …"); of two that
    start there, the longer ("DPR RI Komisi IX", not "DPR RI")."""
    stops = _words(r).stops
    for i in range(max_words):
        found = r.found_at(pos, ("org",))
        dash = _DASH.match(r.text, pos)
        if not found and dash:  # "Direktur Bina Peran Serta Masyarakat – Kemendukbangga/BKKBN"
            found = r.found_at(dash.end(), ("org",))
        comma = _COMMA.match(r.text, pos) if i and not found else None
        if comma:  # "Asisten II Bidang Perekonomian, Setda Kota Langsa, Abdullah Gade"
            found = [f for f in r.found_at(comma.end(), ("org",))
                     if _COMMA.match(r.text, f.end)]
        if found:
            return max(found, key=lambda f: f.end)
        word = _NEXT_WORD.match(r.text[pos:pos + 60])
        if word and word.group(1) in stops:
            return None  # "Sekretaris X Widi, SH dan Kepala Dinas Y": another post, a degree
        step = _ROMAN.match(r.text, pos) or _ORG_STEP.match(r.text[pos:pos + 80])
        if not step:
            return None
        pos = pos + step.end() if not isinstance(step, re.Match) or step.re is not _ROMAN \
            else step.end()
    return None


def _unit_name_end(r: EntityRegistry, pos: int, w: _Words) -> int:
    """End of a division's name: capitalised words joined by "dan" or listed with
    commas ("Advokasi, Penggerakan dan Informasi"), up to an organization, a bracket, an
    honorific, or the comma after the last "dan" item (unless the list goes on after it:
    "Bina Peran serta Masyarakat, IMP, Humas dan …"). After a "dan" item only words of
    the names of bodies and units go on ("… dan Informasi Publik"): a name may follow
    directly ("… dan Informasi Publik Sitti Aminah")."""
    end, closed, comma = pos, False, None
    word = r"(?P<w>[A-Z][\w-]*(?:/[A-Z][\w-]*)?)(?![.\w])"  # "Bidang KB/KR"
    while True:
        if end > pos and r.found_at(end, ("org", "person")):
            return end if closed or comma is None else comma
        step = re.match(rf"[ \t]+(?:{_AND}|{_w('also_and')}|&)[ \t]+{word}", r.text[end:end + 120])
        if step:
            end, closed = end + step.end(), True
            continue
        step = re.match(rf",[ \t]+{word}", r.text[end:end + 120])
        if step and (not closed or _LIST_GOES_ON.match(r.text, end + step.end())) \
                and not r.found_at(end + 1, ("org", "person")):
            comma = end if comma is None and not closed else comma
            end += step.end()
            continue
        step = re.match(rf"[ \t]+{word}", r.text[end:end + 120])
        if step and not closed and end > pos and (_named_with_degrees(r, end, w) or (
                _two_name_words(r, end, w))):
            return end if comma is None else comma  # "Bidang Latbang Irma Dimyati, SE": a name
        if step and not r.found_at(end, ("org", "person", "place")) and (
                not closed or step.group("w") in w.topic_words):
            h = w.honorific_re.match(r.text, r.skip(end))
            if h and not r.text[h.end():h.end() + 1].isalnum():  # "H." or "Hj", not "Hubungan"
                return end
            end += step.end()
            continue
        # "Bidang Urusan Agama Islam, Afief Mundzir bertempat …": a list of fields ends
        # with "dan" ("Advokasi, Penggerakan dan Informasi"); without one the name ended
        # at its first comma
        return end if closed or comma is None else comma


def _two_name_words(r: EntityRegistry, pos: int, w: _Words) -> bool:
    """Whether two capitalised words follow that no name of a body or unit holds (words of
    a person's name: "Bidang KB/KR Muhammad Razali")."""
    m = re.match(r"[ \t]+([A-Z][a-z][\w'-]*)[ \t]+([A-Z][a-z][\w'-]*)", r.text[pos:pos + 80])
    return bool(m) and not any(x in w.topic_words or x in w.non_name for x in m.groups())


def _named_with_degrees(r: EntityRegistry, pos: int, w: _Words) -> bool:
    """Whether a name of two words or more, with its degrees, begins at ``pos``."""
    name = _name(r, pos, w)
    return name is not None and len(name.tokens) >= 2 and name.end > name.name_end


#: After an item of a list: another one (", X" or "dan X").
_LIST_GOES_ON = re.compile(rf"(?:,|[ \t]+(?:{_AND}|&))[ \t]+[A-Z]")


def _implied_unit(title: str, canonical: str, w: _Words) -> str | None:
    """The unit word a shortened title names ("Kabid" → Kepala Bidang: "Bidang")."""
    last = canonical.split()[-1]
    return last if last in w.unit_words and not title.endswith(last) else None


def _division_post(r: EntityRegistry, m: re.Match, u_start: int, u_end: int, canonical: str,
                   w: _Words, implied: str | None = None) -> _Post | None:
    """The post of a division's head: "Kepala Bidang X (ABBR) <office>", or "Kabid X
    <office>" (``implied``: the unit word the title holds); the office is the one named
    after the division's name, else the one in the sentence."""
    read = [f.end for f in r.found_at(u_start, ("org",))
            if r.ctx.entities[f.key].types[0] == KB.Division]  # the unit an earlier reading marked
    name_end = max(read) if implied and read else _unit_name_end(r, u_end, w)
    if implied and not r.text[u_start:name_end].strip():
        return None
    mention_end = name_end
    abbr = re.match(r"[ \t]*\((?P<abbr>[^()]{1,20})\)", r.text[name_end:name_end + 120])
    if abbr:
        mention_end = name_end + abbr.end()
    org = _org_after(r, mention_end, max_words=1)
    slash = _SLASH.match(r.text, org.end) if org else None
    other = r.found_at(slash.end(), ("org",)) if slash else []
    if other:  # "Tim Kerja X Kementerian Y / Perwakilan BKKBN Provinsi Z": the office after it
        org = max(other, key=lambda f: f.end)
    region = None
    if implied in _GOVERNMENT_UNITS and org is None and _office_in_sentence(r, m.start()) is None:
        # "Kasubag Humas Kota Madiun Laili": a (sub)section of the government of the region
        # named after it, when no office is named in its sentence
        region = places_at(r, r.skip(mention_end), ("province", "kabupaten", "kota"))
    gov = government_of(r, region.key, keep=True) if region else None
    if gov is not None:
        org = Found(gov, KB.RegionalGovernment, region.start, region.end, region.text,
                    region.sentence)
    if implied and org is None:
        return None  # "Kabid Sosbud Bapperida": the office must be named after the unit
    office_key = org.key if org else _office_in_sentence(r, m.start())
    if office_key is None:
        return _Post(m.start(), mention_end, mention_end, canonical, None)
    unit_name = " ".join(r.text[u_start:name_end].split())
    if implied:
        unit_name = f"{implied} {unit_name}"
    office = r.ctx.entities[office_key]
    if m.group("base") in _LEX.word_list("deputy_title"):
        # the office's short name ("… BKKBN", also after "BKKBN Pusat" or its name spelled
        # out), else its name as written
        written = office.abbreviation or _NATIONAL_END.sub(
            "", " ".join(r.text[org.start:org.end].split()) if org else office.label)
        label = f"{_LEX.word_list('deputy_unit')[0]} {_spelled_out(r, unit_name)} {written}"
    elif office.former_names and office.abbreviation:
        # "Biro Umum dan Humas BKKBN RI" in 2023: the agency by the short name it has kept
        # through its renaming (its label is today's name)
        label = f"{unit_name} {office.abbreviation}"
    else:
        label = f"{unit_name} {office.label}"
    ent = new_entity("org", label, KB.Division, aliases=[unit_name],
                     abbreviation=abbr.group("abbr") if abbr else None)
    # "Deputi Bidang Keluarga Sejahtera … (KSPK) BKKBN" … "Deputi Bidang KSPK BKKBN": the
    # unit the article named before by the short name it gave in brackets
    short = unit_name.split(None, 1)[-1]
    key = next((k for k, e in r.ctx.entities.items() if k.startswith("org/") and
                e.types[0] == KB.Division and e.abbreviation == short and
                r.info[k].unit_of == office_key), None) or r.add(ent)
    r.info[key].unit_of = office_key
    r.mark(key, u_start, mention_end)
    end = org.end if org else mention_end
    suffix = _NATIONAL.match(r.text, end) if org else None  # "… Kemendukbangga/BKKBN Pusat"
    if suffix:
        end = suffix.end()
    return _Post(m.start(), end, end, canonical, key)


#: "Bagian", "Subbagian": units of a regional government's secretariat (words.csv)
_GOVERNMENT_UNITS = frozenset(_LEX.word_list("government_unit"))


def _office_in_sentence(r: EntityRegistry, pos: int) -> str | None:
    """The office a division belongs to when the post does not name it: the nearest
    agency, office or regional body in the same sentence (before it first)."""
    sent = r.ctx.sentence_of(pos)
    orgs = [f for f in r.ctx.found if f.sentence == sent and f.key.startswith("org/")]
    offices = [f for f in orgs if r.ctx.entities[f.key].types[0] in (
        KB.RepresentativeOffice, KB.GovernmentAgency, KB.RegionalAgency)
        and not any(o is not f and o.start <= f.start and f.end <= o.end for o in orgs)]
    before = [f for f in offices if f.start < pos]
    if before:
        return max(before, key=lambda f: f.start).key
    return min(offices, key=lambda f: f.start).key if offices else None


def _committee_org(r: EntityRegistry, chain: list[_Post]) -> str | None:
    """The organization a "Ketua panitia" serves: the office of the other post in the
    chain, else the first organization that holds (menggelar …) something."""
    for post in chain:
        if post.org and not post.committee:
            return r.info[post.org].unit_of or post.org
    for f in sorted(r.ctx.found, key=lambda f: f.start):
        if not f.key.startswith("org/"):
            continue
        end = r.ctx.sentences[f.sentence][1] if r.ctx.sentences else len(r.text)
        if _ORGANIZE.search(r.text, f.end, end):
            return f.key
    return None


def _add_post(r: EntityRegistry, post: _Post, person: str) -> None:
    written = " ".join(r.text[post.start:post.end].split())
    for f in r.ctx.facts:  # "Asisten III Setda Biak Numfor X" … "Asisten III X": said again
        held = r.ctx.entities.get(f.obj.key) if f.subject == person and f.predicate == ORG.holds \
            else None
        if held is not None and (held.name_as_written or "").startswith(f"{written} "):
            return
    org_label = r.ctx.entities[post.org].label if post.org else None
    ident = " ".join(x for x in (post.title, post.words, org_label) if x) if org_label else written
    if post.place:
        ident = f"{ident} {r.ctx.entities[post.place].label}"
    key = f"post/{slugify(ident)}"
    ent = new_entity("post", written, KB.HonoraryPost if post.honorary else ORG.Post, key=key,
                     name_as_written=written)
    key = r.add(ent)
    have = r.ctx.entities[key]
    if have.name_as_written and written.startswith(f"{have.name_as_written} ") and any(
            f.key == post.org and f.end == post.end for f in r.ctx.found):
        # "Anggota Komisi IX" then "Anggota Komisi IX DPR RI": the post as written with its
        # organization in full (not "… DPR RI Dapil Jawa Barat", a member's own seat)
        have.label = have.name_as_written = written
    r.mark(key, post.start, post.end)
    if post.unit_span and post.org:
        r.mark(post.org, *post.unit_span)
    r.fact(person, ORG.holds, EntityRef(key), post.start)
    if post.org:
        r.fact(key, ORG.postIn, EntityRef(post.org), post.start)
        r.anchors.setdefault(post.org, post.start)
        r.needed.add(post.org)


# ---------------------------------------------------------------------- the pass

_OPEN_BRACKET = re.compile(r"[ \t]*\([ \t]*")
#: A post's short form in brackets after it: one word ("(Sekdaprovsu)", "(Kadis)").
_SHORT_AFTER = re.compile(r"[ \t]*\([ \t]*[A-Z][\w.-]{1,15}[ \t]*\)")


def find_people(r: EntityRegistry) -> None:
    """Persons with their posts, persons by cues, honorary posts, then short forms."""
    w = _words(r)
    taken: list[tuple[int, int]] = []
    for m in w.title_re.finditer(r.text):
        if any(a <= m.start() < b for a, b in taken) or r.in_venue(m.start(), m.end()):
            continue
        if any(f.start < m.start() < f.end for f in r.ctx.found if f.key.startswith("org/")):
            continue
        if _ISSUED_BY.search(r.text, max(0, m.start() - 20), m.start()):
            continue
        post = _post(r, m, w)
        if post is None:
            continue
        chain, pos = [post], post.after
        while True:
            link = _LINK.match(r.text, pos)
            nxt = w.title_re.match(r.text, link.end()) if link else None
            p2 = _post(r, nxt, w) if nxt else None
            if p2 is None:
                break
            chain.append(p2)
            pos = p2.after
        name = _name(r, pos, w)
        if name is not None and len(name.tokens) == 1 and name.start == name.name_start:
            later = _name(r, name.end, w) if _COMMA.match(r.text, name.end) else None
            if later is not None and len(later.tokens) >= 2 and chain[-1].end == pos and \
                    w.speech_after.match(r.text, later.end):
                # "Kepala Dinas … (P3AP2KB) Tanbu, Erli Yuli Susanti mengatakan": the one
                # word ends the post (a place the lexicon does not know), the name follows
                chain[-1].end = chain[-1].after = name.end
                name = later
        short = _SHORT_AFTER.match(r.text, pos) if name is None else None
        if short and chain[-1].end == pos:
            # "Sekretaris Daerah Provinsi Sumatera Utara (Sekdaprovsu) Ibnu": the post's
            # short form in brackets, then the name
            name = _name(r, short.end(), w)
            if name is not None:
                chain[-1].end = chain[-1].after = short.end()
        bracket = _OPEN_BRACKET.match(r.text, pos) if name is None else None
        if bracket:  # "Plt. Kadis DPPKB Kab. Karawang (Hj. Sofiah) membuka …"
            name = _name(r, bracket.end(), w)
            if name is not None and not re.match(r"[ \t]*\)", r.text[name.end:name.end + 3]):
                name = None
        if name is None:
            continue
        person = _add_person(r, name)
        for post in chain:
            if post.committee:
                post.org = _committee_org(r, chain)
            _add_post(r, post, person)
        end = _members_listed(r, chain, name.end, w)
        taken.append((m.start(), end))
    _units_acted_through(r, w)
    _known_persons(r)
    _short_forms(r)
    _cue_persons(r, w)
    _short_forms(r)
    _bracket_posts(r, w)
    _honorary(r, w)


#: "anggota Komisi II Budi, Rina, Agus dan Dewi": a member title whose post a list shares.
_MEMBER_TITLES = frozenset(_LEX.word_list("member_title"))
_LIST_STEP = re.compile(rf"[ \t]*,[ \t]*(?:{_AND}[ \t]+)?|[ \t]+(?:{_AND}|&)[ \t]+")
#: where an item of such a list ends: the next item, the sentence's end or a lower-case word
_ITEM_END = re.compile(rf"[ \t]*(?:[,.;]|$)|[ \t]+(?:{_AND}\b|&|[a-z])")


def _members_listed(r: EntityRegistry, chain: list[_Post], pos: int, w: _Words) -> int:
    """"anggota Komisi 2 Drs. Budi, MM, Hj. Rina, Agus, Dewi hadir": the names listed after
    the first member's hold the same post; each a name ending where the next begins, the
    sentence ends or a lower-case word follows ("Rina, Kepala Dinas …" ends the list).
    Returns where the list ends."""
    post = chain[-1]
    if len(chain) > 1 or post.title not in _MEMBER_TITLES or post.org is None:
        return pos
    while (step := _LIST_STEP.match(r.text, pos)) is not None:
        if w.title_re.match(r.text, step.end()):
            break
        name = _name(r, step.end(), w)
        if name is None or name.start != step.end() or not _ITEM_END.match(r.text, name.end) \
                or any(t in w.topic_words or r.res.by_name.get(t) or r.res.province_by_alias(t)
                       for t in name.tokens):  # "Unsur Forkopimda Kapuas": no person's name
            break
        _add_post(r, post, _add_person(r, name))
        pos = name.end
    return pos


_THROUGH_UNIT = re.compile(rf"[ \t]*,?[ \t]*{_w('through_word')}[ \t]+(?P<unit>{_w('unit')})(?=[ \t]+[A-Z])")
_OFFICE_CLASSES = (KB.RepresentativeOffice, KB.RegionalAgency, KB.GovernmentAgency)


def _units_acted_through(r: EntityRegistry, w: _Words) -> None:
    """"Perwakilan BKKBN Provinsi Papua melalui Bidang Pelatihan dan Pengembangan
    (Latbang) …": a division of the office that acts through it, named without a head."""
    for f in [f for f in r.ctx.found if f.key.startswith("org/")
              and r.ctx.entities[f.key].types[0] in _OFFICE_CLASSES]:
        m = _THROUGH_UNIT.match(r.text, f.end)
        if m is None or r.found_at(m.start("unit"), ("org",)):
            continue
        end = _unit_name_end(r, m.end("unit"), w)
        unit_name = " ".join(r.text[m.start("unit"):end].split())
        if unit_name == m.group("unit") or any(g.key != f.key for g in r.found_at(end, ("org",))):
            continue  # "melalui Direktorat Bina KUA …": an organization inside the name
        office = r.ctx.entities[f.key]
        abbr = re.match(r"[ \t]*\((?P<abbr>[^()]{1,20})\)", r.text[end:end + 40])
        written = office.abbreviation if office.former_names and office.abbreviation else office.label
        key = r.add(new_entity("org", f"{unit_name} {written}", KB.Division, aliases=[unit_name],
                               abbreviation=abbr.group("abbr") if abbr else None))
        r.info[key].unit_of = f.key
        r.needed.add(f.key)
        r.mark(key, m.start("unit"), end + (abbr.end() if abbr else 0))


def _known_persons(r: EntityRegistry) -> None:
    """Persons the lexicon knows by a short name, named without a post ("Nawacita Jokowi")."""
    cover = r.covered()
    for name, label in sorted(_known_as(r).items(), key=lambda kv: (-len(kv[0]), kv[0])):
        for start, end in occurrences(r.text, name, ".-"):
            if any(cover[start:end]) or _CAPITALISED_AFTER.match(r.text, end, end + 4):
                continue
            key = r.add(new_entity("person", label, FOAF.Person))
            r.mark(key, start, end)
            cover[start:end] = b"\x01" * (end - start)


#: What may stand between a person's name and the post written after it.
#: ("… , yang juga menjabat sebagai Ketua TPPS …": a link word first, then a bare comma)
_AFTER_NAME = re.compile(rf"[ \t]*(?P<open>\(|(?:,[ \t]*)?(?i:{words_re(_LEX.word_list('as_post') + _LEX.word_list('post_link'))})"
                         r"(?=[ \t])|,|(?<=[ \t])(?=[A-Z]))[ \t]*")


def _bracket_posts(r: EntityRegistry, w: _Words) -> None:
    """A post written right after a person's name: in brackets ("Budi Santoso, S.E.
    (Kepala Dinas Kesehatan Kota Palu)"), in apposition up to the end of the clause
    ("dr. Ani Lestari, MPH, Kepala Dinas … Kota Banda Aceh.", "… Aceh dan …"), or after
    "selaku"/"sebagai" ("Drs. Budi, M.Pd selaku Deputi Bidang … BKKBN, dan …")."""
    for f in [f for f in r.ctx.found if f.key.startswith("person/")]:
        b = _AFTER_NAME.match(r.text, f.end)
        if b is None:
            continue
        m = w.title_re.match(r.text, b.end())
        post = _post(r, m, w) if m else None
        if post is None or post.committee:
            continue
        close = (r"[ \t]*\)" if b.group("open") == "(" else
                 rf"[ \t]*(?:[.,;:\n]|$)|[ \t]+{_w('apposition_end')}\b")
        if not re.match(close, r.text[post.end:post.end + 12]):
            continue
        comma = _COMMA.match(r.text, post.end)
        if comma and r.found_at(comma.end(), ("person",)):
            continue  # "A, Ketua X, B": the post introduces the next person of a list
        if b.group("open") == "," and _post_ends_before(r, f.start):
            continue  # "Sekretaris Utama BKKBN, A, Kepala BKKBN Papua Barat, …": a list
        if b.group("open") == "," and comma and w.title_re.match(r.text, comma.end()) and \
                _post_ends_before(r, f.start, comma=False):
            continue  # "Anggota Komisi IX A, MM, Kepala Perwakilan …, Kepala Dinas …, B": a
            #           list of guests, each post before its name (the office's head unnamed)
        _add_post(r, post, f.key)


def _post_ends_before(r: EntityRegistry, pos: int, comma: bool = True) -> bool:
    """Whether a post read before ends right before ``pos``, a comma between
    ("Sekretaris Utama BKKBN RI, Budi"), or only blanks (``comma`` False: "Anggota Komisi
    IX Budi"): the name has its post already."""
    before = r.text[:pos].rstrip(" \t")
    if comma and not before.endswith(","):
        return False
    end = len(before[:-1].rstrip(" \t")) if comma else len(before)
    return any(p.key.startswith("post/") and p.end == end for p in r.ctx.found)


def _cue_persons(r: EntityRegistry, w: _Words) -> None:
    """Names that no post introduces: with degrees, a speech verb, "kata X", "X dari Y"."""
    cover = r.covered()
    shorts = _post_short_forms(r)
    for m in w.start_re.finditer(r.text):
        if cover[m.start()]:
            continue
        name = _name(r, m.start(), w)
        if name is not None and name.tokens[0] in shorts and len(name.tokens) > 1:
            # "ucap Wagubri Edy Natar": the short form the article gave a post, then the name
            r.mark(shorts[name.tokens[0]], name.name_start, name.name_start + len(name.tokens[0]))
            cover[name.name_start:name.name_start + len(name.tokens[0])] = b"\x01" * len(
                name.tokens[0])
            continue
        if name is None or name.start != m.start():
            continue
        first = name.tokens[0]
        before = r.text[max(0, name.start - 25):name.start].split()
        if before and (before[-1] in w.titles or " ".join(before[-2:]) in w.titles) and not (
                _names_no_region(r, _blanks_before(r.text, name.start))):
            continue  # a post that could not be read: do not guess a name from it (unless
            # a name it is: "Gubernur H Budi Santoso" in an article naming no province)
        if first.casefold() in STOP_WORDS and not r.text[name.start:name.name_start].strip():
            continue
        courtesy = w.courtesy_re.fullmatch(r.text, name.start, name.name_start)
        has_marks = (name.name_start > name.start and not courtesy) or name.end > name.name_end
        if _STREET.search(r.text, max(0, name.start - 40), name.start):
            continue  # "Jalan Moh Yamin": a street named after a person
        if name.end == name.name_end and any(t in w.topic_words for t in name.tokens):
            continue  # "… kata Penata Kependudukan dan …", "Direktur Jenderal Pendidikan
            #           Tinggi": words of the name of a body (an honorific before them or not)
        if all(len(t.rstrip(".")) <= 2 for t in name.tokens) and name.start == name.name_start:
            continue  # "S. Ag, MM": a degree written with a blank, not a name
        if len(name.tokens) < 2 and not has_marks and not (
                _ATTRIBUTED.search(r.text, max(0, name.start - 20), name.start)
                and first not in w.calendar_words and first not in w.non_name
                and first[-1].isalpha() and first not in _LEX.word_list("acting")) and not (
                _opens_sentence(r, name.start) and _post_follows(r, name.end, w, apposed=True,
                                                                  then_verb=True)):
            continue  # one word is a name only after '…," ujar' ('…," ujar Saryoto Kepala …')
            #           or before a post between commas ("Waspi, Kepala BKKBN Sumsel, …")
        cue = (has_marks or w.speech_after.match(r.text, name.end)
               or w.speech_before.search(r.text[max(0, name.start - 20):name.start])
               or _from_place(r, name.end) or _post_follows(r, name.end, w)
               or _post_follows(r, name.end, w, apposed=True))
        if not cue and _said_by_post(r, name.start, w):
            name = _without_post_words(r, name, w)  # "… Satgas Gizi Rudi Hartono"
            cue = name is not None
        if cue:
            last = _last_named(r, name.tokens, name.start) if len(name.tokens) == 1 else None
            if last is not None:  # '… Akmal Malik. … Yulia Zubir Akmal … " kata Akmal'
                r.mark(last, name.start, name.end)
            else:
                _add_person(r, name)
            cover[name.start:name.end] = b"\x01" * (name.end - name.start)


def _post_short_forms(r: EntityRegistry) -> dict[str, str]:
    """The short forms an article gives its posts in brackets right after them ("Wakil
    Gubernur Riau (Wagubri), …"): word → the post."""
    out: dict[str, str] = {}
    for f in r.ctx.found:
        if f.key.startswith("post/"):
            for short in _SHORT_IN.finditer(r.text, f.start, min(len(r.text), f.end + 20)):
                if short.start() <= f.end:
                    out.setdefault(short.group(1), f.key)
    return out


_SHORT_IN = re.compile(r"\([ \t]*([A-Z][\w.-]{1,15})[ \t]*\)")


def _last_named(r: EntityRegistry, tokens: tuple[str, ...], pos: int) -> str | None:
    """Of the persons named before ``pos`` whose names hold this one word (several: the
    short-form pass left it alone), or begin with it ("Pinta" for "Pintauli Romangasi
    Siregar"), the one named last."""
    word = tokens[0]
    keys = {k for k, e in r.ctx.entities.items() if k.startswith("person/") and (
        word in e.label.split() or len(word) >= 4 and e.label.split()[0].startswith(word))}
    before = [f for f in r.ctx.found if f.key in keys and f.end <= pos]
    return max(before, key=lambda f: f.start).key if before else None


def _post_follows(r: EntityRegistry, pos: int, w: _Words, apposed: bool = False,
                  then_verb: bool = False) -> bool:
    """"… yaitu Budi Santoso Wakil Ketua Komisi IX DPR RI, …": a post of a named
    organization written right after the name; ``apposed``: between commas ("Waspi,
    Kepala BKKBN Provinsi Sumsel, mengatakan"); ``then_verb``: a word in lower case after
    them (not the next name of a list: "pejabat Administrator, Ketua TP PKK X, Nur …")."""
    blank = re.match(r"[ \t]*,[ \t]*" if apposed else r"[ \t]*\([ \t]*|[ \t]+", r.text[pos:pos + 4])
    m = w.title_re.match(r.text, pos + blank.end()) if blank else None
    post = _post(r, m, w) if m else None
    close = r"[ \t]*,[ \t]*[a-z]" if then_verb else r"[ \t]*,"
    return bool(post and post.org and not post.committee) and (
        not apposed or bool(re.match(close, r.text[post.end:post.end + 6])))


def _opens_sentence(r: EntityRegistry, pos: int) -> bool:
    """Whether ``pos`` is where a sentence (or the text after a dateline) begins."""
    sent = r.ctx.sentences[r.ctx.sentence_of(pos)] if r.ctx.sentences else (0, len(r.text))
    return not r.text[sent[0]:pos].strip(" \t\n\"“")


def _without_post_words(r: EntityRegistry, name: _Name, w: _Words) -> _Name | None:
    """The name without the words of the post before it that it took in ("Gizi Rudi
    Hartono" → "Rudi Hartono"); None when fewer than two name words are left."""
    if name.name_start > name.start:
        return name  # an honorific opens the name
    words = list(re.finditer(r"\S+", r.text[name.name_start:name.name_end]))
    drop = 0
    while drop < len(words) and (words[drop].group() in w.topic_words
                                 or words[drop].group() in w.non_name):
        drop += 1
    if len(name.tokens) - drop < 2:
        return None
    start = name.name_start + words[drop].start()
    return _Name(start, name.end, name.tokens[drop:], start, name.name_end)


def _said_by_post(r: EntityRegistry, pos: int, w: _Words) -> bool:
    """"kata Koordinator Manager Satgas Stunting Andi Irfanji": a name after a verb of
    saying and a post that could not be read (a title, then capitalised words)."""
    run = _TITLE_RUN.search(r.text, max(0, pos - 120), pos)
    if run is None:
        return False
    title = w.title_re.match(r.text, run.start())
    return bool(title) and bool(w.speech_before.search(
        r.text[max(0, run.start() - 20):run.start()]))


#: Capitalised words right before a name, the first of which may begin a post.
_TITLE_RUN = re.compile(r"(?<![\w.])[A-Z][\w.-]*(?:[ \t]+[A-Z0-9][\w.-]*){0,8}[ \t]+$")
#: A verb that attributes the words said right before it ('…," ujar', ', kata'): a single
#: capitalised word after it is who said them.
_ATTRIBUTED = re.compile(rf"[,\"”][ \t]*(?i:{words_re(attribution_verbs())})[ \t]+$")
_STREET = re.compile(rf"\b{_w('street')}\.?(?:[ \t]+[A-Z][\w'.]*){{0,3}}[ \t]*$")
_CAPITALISED_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")
_INITIAL_BEFORE = re.compile(r"(?<![\w.])[A-Z]\.[ \t]+$")
_FROM = re.compile(rf"[ \t]+{_w('from_word')}[ \t]+")


def _from_place(r: EntityRegistry, pos: int) -> bool:
    m = _FROM.match(r.text, pos)
    return bool(m and r.found_at(m.end(), ("place", "org")))


def _honorary(r: EntityRegistry, w: _Words) -> None:
    """"… A dari X dan B dari Y sebagai Duta GenRe Lampung 2018": each holds that post."""
    for m in w.honorary_re.finditer(r.text):
        sent = r.ctx.sentence_of(m.start())
        persons = [f for f in r.ctx.found if f.key.startswith("person/") and f.sentence == sent
                   and f.end <= m.start()]
        if not persons:
            continue
        post = _Post(m.start("post"), m.end("post"), m.end("post"), m.group("post"), None,
                     honorary=True)
        for p in {f.key: f for f in persons}:
            _add_post(r, post, p)


def _short_forms(r: EntityRegistry) -> None:
    """The name again, bare or shortened ("Nurhayati", "Andi Nurlina", "Zainal")."""
    persons = {k: e.label.split() for k, e in r.ctx.entities.items() if k.startswith("person/")}
    forms: dict[str, set[str]] = {}
    for key, tokens in persons.items():
        for i in range(len(tokens)):
            for j in range(i + 1, len(tokens) + 1):
                forms.setdefault(" ".join(tokens[i:j]), set()).add(key)
    non_name = _words(r).non_name
    cover = r.covered()
    for form in sorted(forms, key=lambda f: (-len(f), f)):
        keys = forms[form]
        if len(keys) != 1 or len(form) < 3 or form in non_name:
            continue
        if " " not in form and form.casefold() in STOP_WORDS:
            continue
        (key,) = keys
        for start, end in occurrences(r.text, form, ".-"):
            if any(cover[start:end]):
                continue
            if _CAPITALISED_AFTER.match(r.text, end, end + 4):
                continue  # part of a longer capitalised name
            if _INITIAL_BEFORE.search(r.text, max(0, start - 8), start):
                continue  # "Zalzulmida A. Djanggola": the end of another person's name
            r.mark(key, start, end)
            cover[start:end] = b"\x01" * (end - start)


@Language.component("kb_people")
def people_stage(doc: Doc) -> Doc:
    """Stage 6: persons and their posts (the short place names first: "Bupati Garut")."""
    r = of(doc)
    place_aliases(r)
    find_people(r)
    return doc
