"""The facts between the entities one article names, each with its evidence sentence.

Organization structure (sub-organization, unit, region, government level), places
(containment from the text's place chains, from names inside a venue's name, from the
lexicon for a city in a province the article also names, and for a village or district
the nearest city or regency named before it; a venue named after a village, in it),
programs (part of; run by only where a sentence says an agency runs it — see ``_runs``),
frameworks (period, priority, regulation type/number/year) and "aligned with" (a program
and a framework named in one sentence, "program tersebut"/"gerakan ini … sesuai …"
pointing back, or a regulation titled after the program).
Lexicon knowledge is written only when the article names both ends, with the first
sentence naming both as evidence (else the subject's first sentence).
"""

from __future__ import annotations

import re

from kbgraph.ontology.namespaces import KB, ORG, SCHEMA, XSD
from spacy.language import Language
from spacy.tokens import Doc

from ..canonical import LEVELS, entity_key
from ..model import EntityRef
from .registry import EntityRegistry, Found, Info, compiled, of, word_kind_re, words_re

__all__ = ["add_facts"]

def add_facts(r: EntityRegistry) -> None:
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
    _parts(r)
    _aligns(r)


def _anchor(r: EntityRegistry, key: str) -> int | None:
    first = r.first_offset(key)
    if first is None:
        first = r.anchors.get(key)
    return first


def _both(r: EntityRegistry, a: str, b: str) -> int | None:
    """Offset of the first sentence naming both entities, else of ``a``'s first mention."""
    together = _together(r, a, b)
    return together if together is not None else _anchor(r, a)


def _org_facts(r: EntityRegistry, key: str, info: Info, pos: int, named: set[str]) -> None:
    ents = r.ctx.entities
    if info.unit_of and info.unit_of in ents:
        r.fact(key, ORG.unitOf, EntityRef(info.unit_of), pos)
    if info.parent and info.parent in ents and (info.parent in named or info.parent in r.needed):
        r.fact(key, ORG.subOrganizationOf, EntityRef(info.parent), pos)
    if info.jurisdiction and info.jurisdiction in ents:
        r.fact(key, KB.jurisdiction, EntityRef(info.jurisdiction), pos)
    if info.level in LEVELS and key.startswith("org/"):
        r.fact(key, KB.governmentLevel, LEVELS[info.level], pos)


def _place_facts(r: EntityRegistry, key: str, info: Info, pos: int, named: set[str]) -> None:
    ents = r.ctx.entities
    parents = [(k, at) for k, at in info.contained_in if k in ents]
    if not parents and info.place_kind == "venue":
        parents = _venue_parent(r, key)
    if not parents and info.place_kind in ("village", "district", "place", "street"):
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


def _venue_parent(r: EntityRegistry, key: str) -> list[tuple[str, int]]:
    """A venue is in the most specific place its own name holds ("Hotel Claro Makassar";
    "Kantor Bupati Belu", "Kantor Bupati Tanbu": a city or regency the article names whose
    name or short form ends the venue's),
    else in the dateline town when that is a city or regency of the same province."""
    rank = {"village": 0, "district": 1, "kota": 2, "kabupaten": 2}
    for v in (f for f in r.ctx.found if f.key == key):
        inner = [f for f in r.ctx.found if f.key.startswith("place/") and f.key != key
                 and v.start <= f.start and f.end <= v.end
                 and r.info[f.key].place_kind in rank]
        if inner:
            best = min(inner, key=lambda f: rank[r.info[f.key].place_kind])
            return [(best.key, v.start)]
        for name, key2 in sorted(r.aliases.items(), key=lambda kv: -len(kv[0])):
            if (key2 != key and key2 in r.ctx.entities and r.info[key2].place_kind
                    in ("village", "district") and re.search(rf"(?<![\w-]){re.escape(name)}$", v.text)):
                return [(key2, v.start)]  # "Kantor Lurah Tanjung Uma" in Kelurahan Tanjung Uma
        named = sorted({f.key for f in r.ctx.found if f.key.startswith("place/") and r.info[
            f.key].place_kind in ("kota", "kabupaten") and any(v.text.endswith(" " + n) for n in (
                r.res.place_info(f.key).name, *(a for a, k in r.aliases.items() if k == f.key)))})
        if len(named) == 1:  # "Kantor Bupati Belu" and Kabupaten Belu named elsewhere
            return [(named[0], v.start)]
    town = r.dateline_key
    if town and r.info[town].place_kind in ("kota", "kabupaten"):
        provinces = {f.key for v in r.ctx.found if v.key == key for f in r.ctx.found
                     if f.key.startswith("place/") and v.start <= f.start and f.end <= v.end
                     and r.info[f.key].place_kind == "province"}
        town_province = r.res.place_info(town).province
        if not provinces or town_province in provinces:
            return [(town, r.first_offset(key) or 0)]
    return []


def _nearest_region(r: EntityRegistry, key: str) -> list[tuple[str, int]]:
    """A village, district or town with no place named after it lies in the nearest city
    or regency named before it, else in the one city or regency the article names, else
    in the dateline's; a town whose own name ends with another city's or regency's name
    ("Pasteur Bandung") lies in no other one."""
    out = _nearest_region_any(r, key)
    words = r.ctx.entities[key].label.split()
    owned = {entity_key("place", g.label) for n in (1, 2) if len(words) > n
             for g in r.res.by_name.get(" ".join(words[-n:]), ())}
    return [] if owned and out and out[0][0] not in owned else out


def _nearest_region_any(r: EntityRegistry, key: str) -> list[tuple[str, int]]:
    mine = sorted(f.start for f in r.ctx.found if f.key == key)
    district = _district_before(r, key, mine)
    if district is not None:
        return [(district, mine[0])]
    regions = [f for f in r.ctx.found if f.key.startswith("place/")
               and r.info[f.key].place_kind in ("kota", "kabupaten")]
    for at in mine:
        before = [f for f in regions if f.end <= at]
        if before:
            return [(max(before, key=lambda f: f.start).key, at)]
    if mine and len({f.key for f in regions}) == 1:
        return [(regions[0].key, mine[0])]
    if not mine and key == r.dateline_key and len({f.key for f in regions}) == 1:
        return [(regions[0].key, regions[0].start)]  # "ATAMBUA, …" and Kabupaten Belu only
    town = r.dateline_key
    if town and town != key and r.info[town].place_kind in ("kota", "kabupaten") and mine:
        return [(town, mine[0])]
    return []


def _district_head_after(lex) -> re.Pattern[str]:
    heads = [*lex.word_list("district_head"), *lex.word_list("district_short")]
    return re.compile(rf"[ \t]*,?[ \t]*(?i:{words_re(heads)})(?![\w])")


def _district_before(r: EntityRegistry, key: str, mine: list[int]) -> str | None:
    """The one district named earlier in the sentence of a village's first mention ("… di
    Kecamatan Karossa, diawali kunjungan ke Desa Tasokko"), unless a district head follows
    the village (its own district, written in a shape no stage read) or that district
    closes the chain of another village written before it ("Desa A Kecamatan B …, setelah
    Desa C")."""
    if r.info[key].place_kind != "village" or not mine:
        return None
    first = next(f for f in r.ctx.found if f.key == key and f.start == mine[0])
    if compiled(r.lex, "district_head_after", _district_head_after).match(r.text, first.end):
        return None
    places = [f for f in r.ctx.found if f.sentence == first.sentence and f.end <= first.start
              and f.key.startswith("place/")]
    villages = [g for g in places if r.info[g.key].place_kind == "village"]
    districts = {f.key for f in places if r.info[f.key].place_kind == "district" and not any(
        re.fullmatch(r"[ \t]*,?[ \t]*", r.text[g.end:f.start]) for g in villages if g.end <= f.start)}
    if not districts and not any(r.info[f.key].place_kind in ("district", "kota", "kabupaten")
                                 for f in places):
        return _district_of_previous_sentence(r, first.sentence)
    return districts.pop() if len(districts) == 1 else None


def _district_of_previous_sentence(r: EntityRegistry, sentence: int) -> str | None:
    """"Kecamatan Borong ada tiga desa. Ketiganya yakni Desa A, B …": the district that is
    the only place of the sentence before, in the same paragraph, holds the villages the
    next sentence lists."""
    if sentence == 0:
        return None
    (a, _), (b, _) = r.ctx.sentences[sentence - 1], r.ctx.sentences[sentence]
    if "\n" in r.text[a:b].strip():
        return None
    keys = {f.key for f in r.ctx.found if f.sentence == sentence - 1 and f.key.startswith("place/")}
    one = keys.pop() if len(keys) == 1 else None
    return one if one is not None and r.info[one].place_kind == "district" else None


def _program_facts(r: EntityRegistry, key: str, info: Info, named: set[str]) -> None:
    entry = r.res.entry(info.lexicon_ref or "")
    if entry is None:  # a program read by its shape: who runs it only from its sentence
        _runs(r, key, None)
        return
    parent = entry.parent
    while parent:
        pkey = entity_key("program", parent)
        if pkey in named:
            r.fact(key, KB.partOfProgram, EntityRef(pkey), _both(r, key, pkey))
            break
        up = r.res.entry(f"program:{parent}")
        parent = up.parent if up else None
    _runs(r, key, entity_key("org", entry.run_by) if entry.run_by else None)


def _part_cues(lex) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(between a program and the larger one after it — "… merupakan bagian dari …",
    "… salah satu …" —, between a larger program and the ones it lists after it — ",
    salah satunya", "di antaranya" —): ``words.csv`` kinds ``part_of_cue`` and
    ``part_list_cue``."""
    def build(lex):
        inside = re.compile(r"^[\s,]*(?:\w+[\s,]+){0,3}?" + word_kind_re("part_of_cue", lex)
                            + r"(?:[\s,]+\w+){0,2}?[\s,]*$", re.IGNORECASE)
        listing = re.compile(r"^[\s,:]*" + word_kind_re("part_list_cue", lex)
                             + rf"[\s,:]+(?:(?:,|{word_kind_re('list_and', lex)}|\s)+)?$", re.IGNORECASE)
        return inside, listing
    return compiled(lex, "part_cues", build)


def _parts(r: EntityRegistry) -> None:
    """``kb:partOfProgram`` where a sentence says a program belongs to another: "Kampung KB
    merupakan bagian dari program Bangga Kencana", "Program X, salah satunya Program Y,
    Z dan W" (each listed program). Only programs, commas and "dan" may stand between
    the listed ones; a part already known from the lexicon is not repeated."""
    inside, listing = _part_cues(r.lex)
    by_sentence: dict[int, list[Found]] = {}
    for f in r.ctx.found:
        if f.key.startswith("program/"):
            by_sentence.setdefault(f.sentence, []).append(f)
    known = {(f.subject, f.obj.key) for f in r.ctx.facts if f.predicate == KB.partOfProgram}
    for found in by_sentence.values():
        found = sorted(found, key=lambda f: f.start)
        outer = [f for f in found if not any(o is not f and o.start <= f.start and f.end <= o.end
                                             for o in found)]
        for i, a in enumerate(outer):
            for b in outer[i + 1:]:
                if a.key == b.key:
                    continue
                between = list(r.text[a.end:b.start])
                for f in outer:
                    if a.end <= f.start and f.end <= b.start:
                        between[f.start - a.end:f.end - a.end] = " " * (f.end - f.start)
                gap = "".join(between)
                if inside.match(r.text[a.end:b.start]) and len(gap.split()) <= 6:
                    part, whole = a, b  # "A merupakan bagian dari B"
                elif listing.match(gap):
                    part, whole = b, a  # "A, salah satunya B"
                else:
                    continue
                if (part.key, whole.key) not in known and (whole.key, part.key) not in known:
                    known.add((part.key, whole.key))
                    r.fact(part.key, KB.partOfProgram, EntityRef(whole.key), part.start)


def _run_cues(lex) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(cue between an agency and the program after it, cue between a program and the
    agency after it, a program noun just before the agency — "program unggulan BKKBN" —,
    an apposition between that agency and the programs it lists — "yakni", "yaitu"):
    ``words.csv`` kinds ``run_verb``, ``run_after``, ``run_of`` and ``apposition``."""
    def build(lex):
        verbs = re.compile(r"\b" + word_kind_re("run_verb", lex) + r"\b", re.IGNORECASE)
        after = re.compile(r"^[\s,\"“”']*(?:\w+[\s,]+){0,4}?" + word_kind_re("run_after", lex)
                           + rf"(?:[\s,]+{word_kind_re('agent_by', lex)})?[\s,]*$", re.IGNORECASE)
        genitive = re.compile(r"\b" + word_kind_re("run_of", lex) + r"(?:[ \t]+\w+)?[ \t]+$",
                              re.IGNORECASE)
        listed = re.compile(r"^[\s,:]*" + word_kind_re("apposition", lex)
                            + rf"[\s,:]+(?:(?:,|{word_kind_re('list_and', lex)}|\s)+)?$", re.IGNORECASE)
        return verbs, after, genitive, listed
    return compiled(lex, "run_cues", build)


#: Who can run a program: agencies and their offices, regional governments and bodies.
_RUNNERS = (KB.GovernmentAgency, KB.RepresentativeOffice, KB.RegionalGovernment,
            KB.RegionalAgency)


def _runs(r: EntityRegistry, key: str, owner: str | None) -> None:
    """``kb:runBy`` only where one sentence says an agency runs the program: the agency
    then a running word before it ("BKKBN … memperkuat program KKBPK", "BKKBN yang ditunjuk
    sebagai koordinator percepatan penurunan stunting"), the program then a passive or
    genitive cue before the agency ("… yang dikoordinasikan BKKBN", "cara BKKBN", "Kampung
    KB BKKBN", "… merupakan program unggulan BKKBN"), or the agency's programs listed
    after it ("program BKKBN yakni A dan B": each of them). An organization between the
    agency and the program that runs nothing (a parliament commission: "BKKBN bersama
    Komisi IX … menyelenggarakan …") leaves the agency the runner. The lexicon's declared
    owner wins over its own offices (a Perwakilan strengthening KKBPK: the program is still
    BKKBN's)."""
    verbs, after, genitive, listed = _run_cues(r.lex)
    ents = r.ctx.entities
    by_sentence: dict[int, list[Found]] = {}
    for f in r.ctx.found:
        by_sentence.setdefault(f.sentence, []).append(f)
    mine = sorted((f for f in r.ctx.found if f.key == key), key=lambda f: f.start)
    for p in mine:
        for o in sorted(by_sentence.get(p.sentence, ()), key=lambda f: f.start):
            if ents[o.key].types[0] not in _RUNNERS or _nested(o, by_sentence[p.sentence]):
                continue  # "BKKBN" inside "Perwakilan BKKBN Lampung": the office speaks
            if o.end <= p.start:
                gap = r.text[o.end:p.start]
                ok = (bool(verbs.search(gap)) and len(gap.split()) <= 16 and not _other_org(
                    r, by_sentence[p.sentence], o.end, p.start)) or _lists(
                    r, o, p, by_sentence[p.sentence], genitive, listed)
            elif p.end <= o.start:
                ok = bool(after.match(r.text[p.end:o.start]))
            else:
                ok = False
            if not ok:
                continue
            target = o.key
            if owner and owner in ents and (o.key == owner or r.info[o.key].parent == owner):
                target = owner
            elif owner and owner != o.key and owner in ents:
                continue
            r.fact(key, KB.runBy, EntityRef(target), p.start)
            return


def _nested(o: Found, found: list[Found]) -> bool:
    """An organization named inside a longer organization's name."""
    return any(f is not o and f.key.startswith("org/") and f.start <= o.start and o.end <= f.end
               for f in found)


def _lists(r: EntityRegistry, o: Found, p: Found, found: list[Found], genitive: re.Pattern[str],
           listed: re.Pattern[str]) -> bool:
    """"program BKKBN yakni A, B dan C": the agency after a program noun, then the
    programs it lists (only programs, commas and "dan" between the apposition and ``p``)."""
    if not genitive.search(r.text, max(0, o.start - 40), o.start):
        return False
    gap = list(r.text[o.end:p.start])
    for f in found:
        if f.key.startswith("program/") and o.end <= f.start and f.end <= p.start:
            gap[f.start - o.end:f.end - o.end] = " " * (f.end - f.start)
    return bool(listed.match("".join(gap)))


def _other_org(r: EntityRegistry, found: list[Found], start: int, end: int) -> bool:
    """An organization that can run a program named between two offsets (the running
    verb is then its own)."""
    return any(f.key.startswith("org/") and start <= f.start and f.end <= end
               and r.ctx.entities[f.key].types[0] in _RUNNERS for f in found)


def _together(r: EntityRegistry, a: str, b: str) -> int | None:
    """Offset of the first sentence that names both entities, or None."""
    sents_b = {f.sentence for f in r.ctx.found if f.key == b}
    return next((f.start for f in sorted(r.ctx.found, key=lambda f: f.start)
                 if f.key == a and f.sentence in sents_b), None)


def _framework_facts(r: EntityRegistry, key: str, info: Info, pos: int) -> None:
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




def _align_cues(lex) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(a demonstrative subject — "gerakan ini", "kegiatan tersebut", "perubahan itu" —,
    an alignment cue — "sesuai", "mengacu pada", "merupakan amanat" —, "program
    tersebut"): ``words.csv`` kinds ``anaphor_noun``, ``anaphor_det``, ``align_cue``
    and ``run_of``."""
    def build(lex):
        nouns = word_kind_re("anaphor_noun", lex)
        that = word_kind_re("anaphor_det", lex)
        program = words_re(lex.word_list("run_of")[:1])
        return (re.compile(rf"\b{nouns}(?:[ \t]+\w+){{0,2}}?[ \t]+{that}\b", re.IGNORECASE),
                re.compile(rf"\b{word_kind_re('align_cue', lex)}\b", re.IGNORECASE),
                re.compile(rf"\b{program}[ \t]+{that}\b"))
    return compiled(lex, "align_cues", build)


def _aligns(r: EntityRegistry) -> None:
    """A program (or task force) and a framework named in one sentence: the program is
    directed towards the framework ("program KKBPK menuju sasaran RPJMN …"). A sentence
    naming frameworks but no program points back with a demonstrative subject and an
    alignment cue ("gerakan ini dijalankan sesuai Perpres …", "kegiatan tersebut merupakan
    amanat PP …", "perubahan itu sejalan dengan RPJMN …") to the programs of the last
    sentence that named some. A regulation titled after a program the article names
    ("Perpres … tentang Percepatan Penurunan Stunting") is one the program follows."""
    anaphor, cue, program_anaphor = _align_cues(r.lex)
    by_sentence: dict[int, list[Found]] = {}
    for f in r.ctx.found:
        by_sentence.setdefault(f.sentence, []).append(f)
    task_force = KB.TaskForce
    programs_so_far: list[Found] = []
    last_programs: list[Found] = []
    for sentence, found in sorted(by_sentence.items()):
        programs = [f for f in found if f.key.startswith("program/")
                    or r.ctx.entities[f.key].types[0] == task_force]
        frames = [f for f in found if f.key.startswith("framework/")]
        s0, s1 = r.ctx.sentences[sentence]
        if frames and not programs and programs_so_far and program_anaphor.search(r.text, s0, s1):
            programs = [programs_so_far[-1]]  # "program tersebut menjadi bagian dari … Nawacita"
        elif frames and last_programs and all(  # none but inside a title ("Perpres … tentang
                any(fw.start <= f.start and f.end <= fw.end for fw in frames)  # Percepatan …")
                for f in programs):
            first = min(f.start for f in frames)
            a = anaphor.search(r.text, s0, first)
            if a and cue.search(r.text, a.end(), first):
                programs = last_programs
        mine = [f for f in found if f.key.startswith("program/")]
        programs_so_far.extend(mine)
        if mine:
            last_programs = list({f.key: f for f in sorted(mine, key=lambda f: -f.start)}.values())
        programs = _not_wholes(r, programs)
        for p in programs:  # a program named inside a regulation's title follows that one
            titled = [fw for fw in frames if fw.start <= p.start and p.end <= fw.end]
            for fw in titled or frames:
                r.fact(p.key, KB.alignsWith, EntityRef(fw.key), p.start)
    _titled_after(r)


def _not_wholes(r: EntityRegistry, programs: list[Found]) -> list[Found]:
    """The programs of a sentence without the one another is said to be part of: in
    "Kampung KB adalah bagian dari program KKBPK … menindaklanjuti Nawacita" what follows
    the Nawacita is Kampung KB, the subject, not KKBPK."""
    inside, _ = _part_cues(r.lex)
    wholes = {b.key for b in programs for a in programs
              if a.key != b.key and a.end <= b.start and inside.match(r.text[a.end:b.start])}
    return [p for p in programs if p.key not in wholes]


def _titled_after(r: EntityRegistry) -> None:
    """A regulation whose title names a program the article names: the program follows it."""
    ents = r.ctx.entities
    programs = {ents[k].label.casefold(): k for k in ents if k.startswith("program/")}
    for key in sorted(ents):
        info = r.info.get(key)
        if not key.startswith("framework/") or info is None or info.regulation is None:
            continue
        title = ents[key].label.partition(" tentang ")[2].casefold()
        for label, pkey in sorted(programs.items()):
            if title and (title == label or title.startswith(label)):
                at = _both(r, pkey, key)
                if at is not None:
                    r.fact(pkey, KB.alignsWith, EntityRef(key), at)


@Language.component("kb_facts")
def facts_stage(doc: Doc) -> Doc:
    """Stage 10: the facts between the entities the earlier stages registered."""
    add_facts(of(doc))
    return doc
