"""Stage 5, ``kb_programs``: programs, frameworks, regulations and numbered priorities.

The lexicon's programs and frameworks (a capitalised "Program" before a program kept in
the mention), periodic frameworks with their period ("RPJMN dan RENSTRA tahun
2015-2019"), regulations ("Perpres 72/2021" = "Peraturan Presiden Nomor 72 Tahun 2021"),
numbered priorities ("prioritas nomor lima, yakni …"), and the programs the lexicon does
not know, recognised by their shape:

- "Program Makan Bergizi Gratis (MBG)", "Gerakan Orang Tua Asuh": a program head word
  (``words.csv`` kind ``program_head``) and at least two capitalised words — the program
  is named with its head;
- "program Pendewasaan Usia Perkawinan": the head in lower case before capitalised words
  names the program by those words alone;
- the abbreviation in brackets after the name names it in the article's later sentences
  ("MBG", "Program MBG");
- a name the lexicon knows written another way (without its commas, or one letter off:
  "Program Bangka Kencana") is the lexicon's program;
- a regulation whose title writes a program by its abbreviation ("… tentang Tata Kelola
  Penyelenggaraan Program MBG") is labelled with the program's full name (the title as
  written stays an alias).

Words after the head that name no program (``program_not``: "Program Studi", "Program
Kerja") are left alone, and so is a span where the lexicon or an earlier reader already
found something: the lexicon's programs, organizations and places come first.
"""

from __future__ import annotations

import re

from kbgraph.ontology.lexicon import load_lexicon
from kbgraph.ontology.namespaces import KB
from spacy.language import Language
from spacy.tokens import Doc

from ..canonical import entity_key, new_entity
from .registry import (
    ABBR,
    SP,
    EntityRegistry,
    compiled,
    of,
    places_at,
    the_region,
    word_kind_re,
    words_re,
)
from .s02_lexicon import LexHit
from .s04_organizations import lexicon_names
from .text import initials, occurrences, starting

__all__ = ["dated_once", "expand_titles", "shaped_programs", "written_otherwise"]


@Language.component("kb_programs")
def programs_stage(doc: Doc) -> Doc:
    """Stage 5: the lexicon's programs and frameworks, then those read by shape."""
    r = of(doc)
    lexicon_names(r, ("PROG", "FRAME"))
    written_otherwise(r)
    shaped_programs(r)
    _places_in_programs(r)
    spelled_out_initiatives(r)
    listed_initiatives(r)
    _frameworks(r)
    _regulations(r)
    expand_titles(r)
    _priorities(r)
    dated_once(r)
    return doc


def dated_once(r: EntityRegistry) -> None:
    """A periodic program named once with its year and elsewhere without ("Survei Status
    Gizi Indonesia (SSGI) 2024" …, "SSGI"): the bare mentions are that year's (a year
    named only inside a regulation's title does not count)."""
    by_ref: dict[str, list[str]] = {}
    for key, info in r.info.items():
        entry = r.res.entry(info.lexicon_ref or "")
        if key.startswith("program/") and entry is not None and entry.periodic:
            by_ref.setdefault(entry.label, []).append(key)
    titles = [(f.start, f.end) for f in r.ctx.found if f.key.startswith("framework/")]
    for label, keys in sorted(by_ref.items()):
        bare = [k for k in keys if r.ctx.entities[k].label == label]
        dated = [k for k in keys if r.ctx.entities[k].label != label and not all(
            any(a <= f.start and f.end <= b for a, b in titles) for f in r.ctx.found if f.key == k)]
        #      a year named only inside a regulation's title ("Surat Edaran … tentang
        #      Perpanjangan Pendataan Keluarga Tahun 2022") is not the article's edition
        if len(bare) != 1 or len(dated) != 1:
            continue
        for f in [f for f in r.ctx.found if f.key == bare[0]]:
            r.ctx.found.remove(f)
            r.mark(dated[0], f.start, f.end)

_WORD = r"[A-Z][\w'’\-]*"


def _pattern(lex) -> re.Pattern[str]:
    heads = lex.word_list("program_head")
    written = [*heads, *(h.lower() for h in heads)]
    skip = word_kind_re("program_not", lex)
    connectors = word_kind_re("program_connector", lex)
    stop = word_kind_re("program_stop", lex)  # "… Bersama Mitra Kerja": with whom
    joined = rf"{SP}(?:(?:{connectors}){SP})?(?!{stop}\b)"
    return re.compile(rf"\b(?P<head>{words_re(written)}){SP}(?!{skip}\b)"
                      rf"(?P<name>{_WORD}(?:{joined}{_WORD}){{0,6}})")


def _otherwise_pattern(lex) -> re.Pattern[str]:
    """The lexicon's program names of three words or more (short forms of two: "bangga
    kencana"), in any case, with or without their commas, perhaps after a program head,
    perhaps with a bracketed short form."""
    names = {norm(n) for e in lex.entries if e.kind == "program"
             for n in (e.label, *e.aliases, *e.patterns) if n and len(norm(n).split()) >= 3}
    names |= {norm(e.abbreviation) for e in lex.entries if e.kind == "program"
              and e.abbreviation and len(e.abbreviation.split()) == 2}
    optional = {w.casefold() for w in lex.word_list("list_and")}  # "…, Kependudukan,
    #                                       Keluarga Berencana" without its "dan"

    def written(name: str) -> str:
        words = name.split()
        return re.escape(words[0]) + "".join(
            rf"(?:[\s,]+{re.escape(w)})?" if w in optional else rf"[\s,]+{re.escape(w)}"
            for w in words[1:])
    alternatives = sorted((written(n) for n in names), key=len, reverse=True)
    heads = word_kind_re("program_head", lex)
    return re.compile(rf"(?<!\w)(?:(?P<head>{heads})[ \t]+)?(?P<name>{'|'.join(alternatives)})(?!\w)",
                      re.IGNORECASE)


def written_otherwise(r: EntityRegistry) -> None:
    """A lexicon program written in another case or without its commas ("Program
    Kependudukan, Keluarga berencana dan pembangunan keluarga (KKBPK)", "program
    pembangunan keluarga kependudukan dan keluarga berencana (Bangga Kencana)"): the
    same program, its head and a bracketed short form of it in the mention."""
    pattern = compiled(r.lex, "programs_otherwise", _otherwise_pattern)
    names = compiled(r.lex, "program_names", _lexicon_names)
    cover = r.covered()
    for m in pattern.finditer(r.text):
        if any(cover[m.start("name"):m.end("name")]):
            continue
        entry = names.get(norm(m.group("name"))) or compiled(
            r.lex, "program_names_bare", _bare_names)[_bare(r.lex, m.group("name"))]
        end = m.end()
        abbr = ABBR.match(r.text, end)
        if abbr and names.get(norm(abbr.group("abbr"))) is entry:
            end = abbr.end()
        elif not m.group("head") and _common_noun(r.lex, m.group("name")):
            continue
        key = r.add(r.res.entry_entity(entry))
        r.info[key].lexicon_ref = f"program:{entry.label}"
        r.mark(key, m.start(), end)
        cover[m.start():end] = b"\x01" * (end - m.start())


def _bare(lex, name: str) -> str:
    """A name's words without "dan"/"serta": how a name written without them compares."""
    optional = {w.casefold() for w in lex.word_list("list_and")}
    return " ".join(w for w in norm(name).split() if w not in optional)


def _bare_names(lex) -> dict[str, object]:
    return {_bare(lex, n): e for n, e in reversed(list(_lexicon_names(lex).items()))}


def _common_noun(lex, written: str) -> bool:
    """A program's name written all in lower case, three words long, not headed by a word
    that makes it a name ("tim", "kampung": ``program_lowercase_head``), is the activity it
    names, not the program ("mengampanyekan pendewasaan usia perkawinan"); four words or
    more, or a two-word short form ("bangga kencana"), are the program's name."""
    words = written.split()
    return (written.islower() and len(words) == 3
            and words[0] not in lex.word_list("program_lowercase_head"))


def shaped_programs(r: EntityRegistry) -> None:
    """Programs named by shape, their bracketed abbreviations and later short forms."""
    pattern = compiled(r.lex, "shaped_programs", _pattern)
    cover = r.covered()
    for m in pattern.finditer(r.text):
        start, end = m.start(), m.end("name")
        if any(cover[start:end]):
            continue  # the lexicon (or an organization, a place) already read these words
        words = m.group("name").split()
        abbr = ABBR.match(r.text, end)
        if len(words) < 2 and not abbr and not _CAMEL.search(words[0]):
            continue  # "Program KB"; but a coined name ("program De'Best", "SiBunda") is one
        capital = m.group("head")[0].isupper()
        if (abbr and len(words) == 1 and _spells_out(words[0], abbr.group("abbr"))) or (
                not capital and norm(m.group("name")) in compiled(
                    r.lex, "program_generic", lambda lex: {norm(w) for w in lex.word_list("program_generic")})):
            continue  # "program KB (Keluarga Berencana)", "program Keluarga Berencana (KB)";
            #           "Program Keluarga Berencana" is a program's name
        if not capital and _owner_first(r.lex, m.group("name")):
            continue  # "program Presiden RI", "program Pemkab X": whose program, not its name
        label = " ".join(r.text[start if capital else m.start("name"):end].split())
        entry = _known(r.lex, label, m.group("name"), abbr.group("abbr") if abbr else None)
        if entry is not None:
            key = r.add(r.res.entry_entity(entry))
            r.info[key].lexicon_ref = f"program:{entry.label}"
        else:  # "program X" and "Program X" in one article: one program
            forms = {norm(m.group("name")), norm(f"{m.group('head')} {m.group('name')}")}
            key = next((k for k in sorted(r.ctx.entities) if k.startswith("program/")
                        and norm(r.ctx.entities[k].label) in forms), None) or r.add(new_entity(
                "program", label, KB.Program, abbreviation=abbr.group("abbr") if abbr else None))
        r.mark(key, start if capital else m.start("name"), abbr.end() if abbr else end)
        cover[start:end] = b"\x01" * (end - start)
        for a0, a1 in occurrences(r.text, label):
            if not any(cover[a0:a1]):
                r.mark(key, a0, a1)
        if abbr:
            _short_forms(r, key, m.group("head"), abbr.group("abbr"), cover)


#: a word coined as a name: a capital after a small letter ("De'Best", "SiBunda")
_CAMEL = re.compile(r"[a-z]['’]?[A-Z]")


def _spells_out(name: str, bracket: str) -> bool:
    """``bracket`` spells out ``name`` in two words, the letters of ``name`` beginning them
    ("KB (Keluarga Berencana)": the kind of program; "TMMD (TNI Manunggal Membangun Desa)"
    names one)."""
    words = bracket.split()
    return len(words) == 2 and "".join(w[0] for w in words).casefold() == name.casefold()


def _owner_first(lex, name: str) -> bool:
    """The name begins with a post title ("Presiden RI", "Bupati Garut") or a body's word
    (``program_owner``: "Pemkab Bateng"): whose program, not its name."""
    firsts = compiled(lex, "program_owner_words", lambda lex: frozenset(
        [*(t.title.split()[0] for t in lex.post_titles), *lex.word_list("program_owner")]))
    return name.split()[0] in firsts


def _places_in_programs(r: EntityRegistry) -> None:
    """A village or district read only inside programs' names ("Gerakan Membangun Desa
    Saburai (Gerbang Desa Saburai)") is no place of the article."""
    programs = [f for f in r.ctx.found if f.key.startswith("program/")]
    local = {f.key for f in r.ctx.found if f.key.startswith("place/")
             and r.info[f.key].place_kind in ("village", "district")}
    for key in local:
        mine = [f for f in r.ctx.found if f.key == key]
        if mine and all(any(p.start <= f.start and f.end <= p.end for p in programs) for f in mine):
            for f in mine:
                r.ctx.found.remove(f)
            for alias in [a for a, k in r.aliases.items() if k == key]:
                del r.aliases[alias]  # its bare name later is no mention of it either


def _initiative_pattern(lex) -> tuple[re.Pattern[str], re.Pattern[str]]:
    connectors = word_kind_re("program_connector", lex)
    name = (rf"(?P<abbr>[A-Z][A-Za-z'\-]*[A-Z][A-Za-z'\-]*)[ \t]*\((?P<full>{_WORD}"
            rf"(?:{SP}(?:{connectors}{SP})?{_WORD}){{2,8}})\)")
    cue = re.compile(rf"\b{word_kind_re('initiative_cue', lex)}\b", re.IGNORECASE)
    return re.compile(rf"\b{name}"), cue


def spelled_out_initiatives(r: EntityRegistry) -> None:
    """"… program inovasi seperti SIBUNDA (Sistem Informasi Ibu Hamil dan Ibu Melahirkan)":
    a short name in capitals spelled out in brackets after it, in a sentence that speaks
    of programs, initiatives or movements before it (``initiative_cue``), is a program
    named by its spelled-out name. A short name whose spelled-out name starts with
    another letter, or words something else was read in, are left alone."""
    pattern, cue = compiled(r.lex, "initiatives", _initiative_pattern)
    cover = r.covered()
    for m in pattern.finditer(r.text):
        start, end = m.span()
        abbr, full = m.group("abbr"), " ".join(m.group("full").split())
        s0 = r.ctx.sentences[r.ctx.sentence_of(start)][0] if r.ctx.sentences else 0
        if (any(cover[start:end]) or abbr[0].casefold() != full[0].casefold()
                or not cue.search(r.text, s0, start)
                or any(h.start < end and start < h.end for h in r.hits if h.label != "PROG")):
            continue  # "RPJMN (Rencana Pembangunan …)": a framework (an organization) the lexicon knows
        key = r.add(new_entity("program", full, KB.Program, abbreviation=abbr))
        r.mark(key, start, end)
        cover[start:end] = b"\x01" * (end - start)
        for a0, a1 in occurrences(r.text, abbr, "(-/", ")-/"):
            if not any(cover[a0:a1]):
                r.mark(key, a0, a1)


def _listed_patterns(lex) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(a count of initiatives then "yaitu"/"yakni" — ``initiative_cue``, ``apposition`` —,
    one item — a capitalised name of up to four words, perhaps spelled out in brackets —,
    what joins two items: a comma or "dan"/"serta", ``list_and``)."""
    cue = re.compile(rf"\b\d+[ \t]+{word_kind_re('initiative_cue', lex)}\b[^.\n]{{0,60}}?"
                     rf"\b{word_kind_re('apposition', lex)}[ \t]*:?[ \t]+", re.IGNORECASE)
    item = re.compile(rf"{_WORD}(?:{SP}{_WORD}){{0,3}}(?:[ \t]*\([^()\n]{{2,60}}\))?")
    link = re.compile(rf"[ \t]*,+[ \t]*(?:{word_kind_re('list_and', lex)}[ \t]+)?"
                      rf"|[ \t]+{word_kind_re('list_and', lex)}[ \t]+")
    return cue, item, link


def listed_initiatives(r: EntityRegistry) -> None:
    """"Ada 4 inovasi yang diluncurkan, yaitu Mocuga Penting (Mobile …), TPK Super Hebat,
    Satya Gatra dan Aplikasi Morena": after a count of initiatives and "yaitu", each named
    item of the list is a program (as written; its spelled-out name in brackets in the
    mention). Items something else was read in are left alone; the list ends at the first
    word that is not a name."""
    cue, item, link = compiled(r.lex, "listed_initiatives", _listed_patterns)
    cover = r.covered()
    for c in cue.finditer(r.text):
        pos = c.end()
        while (m := item.match(r.text, pos)) is not None:
            name = m.group().split("(")[0].strip()
            if not any(cover[m.start():m.start() + len(name)]):
                key = r.add(new_entity("program", " ".join(name.split()), KB.Program))
                r.mark(key, m.start(), m.end())
                cover[m.start():m.end()] = b"\x01" * (m.end() - m.start())
            nxt = link.match(r.text, m.end())
            if nxt is None:
                break
            pos = nxt.end()


def norm(text: str) -> str:
    """Case-folded words without punctuation: how two writings of one name compare."""
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def _lexicon_names(lex) -> dict[str, object]:
    names = {}
    for entry in lex.entries:
        if entry.kind == "program":
            for name in (entry.label, entry.abbreviation, *entry.aliases, *entry.patterns):
                if name:
                    names.setdefault(norm(name), entry)
    return names


def _known(lex, label: str, name: str, abbr: str | None):
    """The lexicon program written as ``label`` (its words without its punctuation, or
    one letter off in a long name), else None."""
    names = compiled(lex, "program_names", _lexicon_names)
    for written in (label, name, abbr):
        if written and norm(written) in names:
            return names[norm(written)]
    key = norm(name)
    if len(key) >= 12:
        for known, entry in names.items():
            if len(known) == len(key) and sum(a != b for a, b in zip(known, key, strict=True)) == 1:
                return entry
    return None


def _short_forms(r: EntityRegistry, key: str, head: str, abbr: str, cover: bytearray) -> None:
    """"MBG" and "Program MBG" after "Program Makan Bergizi Gratis (MBG)" (any program head
    before it: "Program GENTING" after "Gerakan … (GENTING)"); a short form
    written as a word ("(Genting)") also in capitals ("GENTING", "Program GENTING")."""
    heads = {head, *r.lex.word_list("program_head")}  # "Program GENTING" after "Gerakan …"
    before = re.compile(rf"\b{words_re(heads)}{SP}$", re.IGNORECASE)
    forms = [abbr] + ([abbr.upper()] if abbr[1:].islower() and len(abbr) > 3 else [])
    for form in forms:
        for a0, a1 in occurrences(r.text, form, "(-/", ")-/"):
            if any(cover[a0:a1]):
                continue
            h = before.search(r.text, max(0, a0 - max(map(len, heads)) - 3), a0)
            start = h.start() if h and r.text[h.start()].isupper() else a0
            r.mark(key, start, a1)


def expand_titles(r: EntityRegistry) -> None:
    """A regulation title that writes a program by its abbreviation is labelled with the
    program's name ("… Program MBG" → "… Program Makan Bergizi Gratis")."""
    programs = [r.ctx.entities[k] for k in r.ctx.entities
                if k.startswith("program/") and r.ctx.entities[k].abbreviation]
    if not programs:
        return
    for key in sorted(r.ctx.entities):
        info = r.info.get(key)
        entity = r.ctx.entities[key]
        if info is None or info.regulation is None or " tentang " not in entity.label:
            continue
        cite, _, title = entity.label.partition(" tentang ")
        new = title
        for program in programs:
            head = program.label.split()[0]
            new = re.sub(rf"\b(?:{re.escape(head)}{SP})?{re.escape(program.abbreviation)}\b",
                         program.label, new)
        if new != title:
            entity.aliases.append(entity.label)
            entity.label = f"{cite} tentang {new}"


_PERIOD = re.compile(r"(?:19|20)\d\d[ \t]*[-–][ \t]*(?:19|20)\d\d")
#: capitalised words right before a period: the owner of a periodic plan
_OWNER_BEFORE_PERIOD = re.compile(rf"[ \t]+(?P<owner>[A-Z][\w\-]*(?:[ \t]+[A-Z][\w\-]*){{0,5}})"
                                  rf"(?=[ \t]+{_PERIOD.pattern})")
#: "prioritas lima", "agenda kelima": numbers.csv, cardinals and ordinals
_NUMBER_WORDS = load_lexicon().number_words("cardinal", "ordinal")



# ---------------------------------------------------------------------- frameworks

def _frameworks(r: EntityRegistry) -> None:
    """Periodic frameworks with their period ("RPJMN 2015-2019", "Renstra BKKBN
    2020-2024", "RPJMN dan RENSTRA tahun 2015-2019")."""
    hits = [h for h in r.hits if h.label == "FRAME" and r.res.entry(h.ref)
            and r.res.entry(h.ref).periodic]
    hits = [h for h in hits if not any(o is not h and o.label == "FRAME" and o.start <= h.start
                                       and h.end <= o.end and o.end - o.start > h.end - h.start
                                       for o in hits)]
    each, joined, period_after = compiled(r.lex, "framework_words", _framework_words)
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
            named = _OWNER_BEFORE_PERIOD.match(r.text, end)
            if o and r.text[end:o[0].start].strip() == "":
                owner, end = r.text[o[0].start:o[0].end], o[0].end
            elif place is not None:
                owner, end = r.ctx.entities[place.key].label, place.end
            elif named:  # "Renstra Dinas Kesehatan 2021-2026": a body no stage read, as written
                owner, end = " ".join(named.group("owner").split()), named.end("owner")
            elif entry.label in r.lex.word_list("regional_plan"):
                owner = _acting_region(r, h.start) or _label(r, the_region(r))  # "Pemprov Riau
                #   menargetkan … pada RPJMD": the plan of the government acting in the
                #   sentence; "… target Program KKBPK RPJMD." in an article on one regency:
                #   that regency's plan
        if any(a <= h.start < b for a, b in generic):
            continue
        if each.match(r.text[end:end + 20]):
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
            link = joined.match(r.text[pos:pos + 120])
            if not link or pending[j + 1][0].start != pos + link.end():
                break
            j += 1
            pos = pending[j][1]
            if j in resolved:
                resolved[i] = resolved[j]
                break
        if i not in resolved:
            m = period_after.match(r.text[pos:pos + 120])
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


def _label(r: EntityRegistry, key: str | None) -> str | None:
    return r.ctx.entities[key].label if key else None


def _acting_region(r: EntityRegistry, pos: int) -> str | None:
    """The label of the province, city or regency whose body is named last before ``pos``
    in the same sentence ("Pemprov Riau menargetkan … pada RPJMD" → Provinsi Riau)."""
    sentence = r.ctx.sentence_of(pos)
    bodies = [f for f in r.ctx.found if f.key.startswith("org/") and f.end <= pos
              and f.sentence == sentence and (j := r.info[f.key].jurisdiction)
              and j in r.info and r.info[j].place_kind in ("province", "kota", "kabupaten")]
    last = max(bodies, key=lambda f: f.end, default=None)
    return r.ctx.entities[r.info[last.key].jurisdiction].label if last else None


def _framework_words(lex) -> tuple[re.Pattern[str], ...]:
    """"… RPJMD masing-masing" (``each_own``: each region's own plan, no one plan); "A,
    B dan C" (``list_and``); "tahun 2015-2019" (``period_word``) after a list of plans."""
    return (re.compile(rf"[ \t]+{word_kind_re('each_own', lex)}\b"),
            re.compile(rf"[ \t]*(?:,|{word_kind_re('list_and', lex)})[ \t]+"),
            re.compile(rf"[ \t]+{word_kind_re('period_word', lex)}[ \t]+(?P<p>{_PERIOD.pattern})"))


def _norm_period(p: str) -> str:
    a, b = re.findall(r"\d{4}", p)
    return f"{a}-{b}"


def _leading_lower(name: str) -> list[str]:
    """A type's name with its first one, two, … words in lower case, acronyms kept
    ("peraturan Kepala BKKBN", "peraturan kepala BKKBN")."""
    words = name.split()
    return [" ".join([*(w if w.isupper() else w.lower() for w in words[:k]), *words[k:]])
            for k in range(1, len(words) + 1)]


def _regulation_pattern(lex) -> re.Pattern:
    """A regulation's citation: its type (``regulation-types.csv``), perhaps "Republik
    Indonesia" and its abbreviation in brackets, perhaps its issuer before the number,
    the number, the year, and its title after "tentang" (the words are ``words.csv``
    kinds ``regulation_state``, ``regulation_number``, ``regulation_year``,
    ``regulation_about``, ``title_connector``)."""
    types = [w for t in lex.regulation_types for w in (t.abbreviation, t.full, *t.aliases)]
    types += [w.lower() for w in types if len(w) >= 5]  # "perpres nomor 72 tahun 2021"
    types += [v for w in types if " " in w for v in _leading_lower(w)]  # "peraturan Bupati X
    #   nomor …", "peraturan kepala Badan Kependudukan …"
    types += [w.replace(" dan ", " Dan ") for w in types if " dan " in w]  # "… Kependudukan Dan …"
    number = word_kind_re("regulation_number", lex)
    not_number = rf"(?!{words_re(w.rstrip('.') for w in lex.word_list('regulation_number'))}\b)"
    another = rf"(?!{words_re(types)}\b)"  # "… tentang X dan Instruksi Presiden …": the next one
    title = (rf"(?P<title>[A-Z][\w\-/]*(?:(?:,[ \t]*|[ \t]+)(?:{word_kind_re('title_connector', lex)}"
             rf"[ \t]+)?{another}[A-Z0-9][\w\-/]*)*)")
    return starting(
        initials(types), rf"\b(?P<type>{words_re(types)})"
        rf"(?:{SP}{word_kind_re('regulation_state', lex)})?"
        r"(?:[ \t]*\((?P<short>[^()\n]{1,15})\))?"
        rf"(?:{SP}(?P<issuer>{not_number}[A-Z][\w\-]*(?:{SP}{not_number}[A-Z][\w\-]*){{0,3}})"
        rf"(?={SP}{number}))?{SP}"
        rf"(?:{number}{SP}?)?(?P<num>\d+[A-Z]?)\b(?P<code>(?:/(?!(?:19|20)\d\d\b)[A-Z0-9][A-Za-z0-9.\-]*)*)"
        rf"(?:(?:{SP}{word_kind_re('regulation_year', lex)}{SP}|[ \t]*/[ \t]*)"
        r"(?P<year>(?:19|20)\d\d)\b)?"
        rf"(?:{SP}{word_kind_re('regulation_about', lex)}{SP}{title})?")


def _regulations(r: EntityRegistry) -> None:
    """"Peraturan Presiden Nomor 72 Tahun 2021 (tentang …)", "Perpres 72/2021", "UU 52/2009",
    "Peraturan Presiden (Perpres) Nomor 72 tahun 2021", with the issuer named before the
    number ("Peraturan Bupati Bengkalis Nomor 24 Tahun 2019", "SK Gubernur Jambi Nomor 188
    Tahun 2022"), and without its year when the lexicon knows one regulation only of
    that type and number ("Perpres 72")."""
    pattern = compiled(r.lex, "regulations", _regulation_pattern)
    for m in pattern.finditer(r.text):
        kind = r.res.regulation_type(m.group("type"))
        if kind is None:
            continue
        abbr, full = kind
        num, year = m.group("num"), m.group("year")
        issuer = " ".join(m.group("issuer").split()) if m.group("issuer") else None
        code = m.group("code")  # "Nomor 663/VII/2024": a code between number and year
        if year is None:
            years = {g.year for g in r.lex.regulations if (g.type, g.number) == (abbr, num)}
            if issuer and code and m.group("title"):
                pass  # "surat edaran Gubernur Nomor 150/1138/KUM tentang X": a whole number
            elif issuer or len(years) != 1:
                continue  # "Perpres 72" is the one Perpres 72 the lexicon knows, or none
            else:
                year = years.pop()
        elif not issuer:
            year = _year_of_title(r, abbr, num, year, m.group("title"))
            abbr, full = _known_type(r, abbr, full, num, year)
        if issuer:  # "Peraturan Bupati Bengkalis Nomor 24 Tahun 2019": the issuer's own
            issuer = _issuer_region(r, issuer)
            full, abbr = f"{full} {issuer}", f"{abbr} {issuer}"
        if year is None:
            cite = f"{full} Nomor {num}{code}"
        else:
            cite = f"{full} Nomor {num}{code}/{year}" if code else f"{full} Nomor {num} Tahun {year}"
        known = None if issuer else r.res.regulation_title(abbr, num, year)
        written = m.group("title")
        about = known or written
        label = f"{cite} tentang {about}" if about else cite
        aliases = [cite, f"{abbr} {num}/{year}", f"{abbr} Nomor {num} Tahun {year}"] if year else [cite]
        key = r.add(new_entity("framework", label, KB.Regulation, key=entity_key("framework", cite),
                               aliases=[a for a in aliases if a != label],
                               abbreviation=f"{abbr} {num}{code}" if year is None else f"{abbr} {num}/{year}"))
        if year is not None:
            r.info[key].regulation = (abbr, num, year)
        last = m.end("year") if m.group("year") else m.end("num")
        end = m.end("title") if written and (not known or written.startswith(known)) else last
        if written and known and written.startswith(known):
            end = m.start("title") + len(known)
        r.mark(key, m.start(), end)


def _issuer_region(r: EntityRegistry, issuer: str) -> str:
    """"Gubernur" alone: the governor of the one province the article names after "Gubernur"
    elsewhere, else of the one province it names ("Gubernur Nusa Tenggara Barat"); "Bupati",
    "Wali Kota" alone likewise of a regency or city (``hint_province``, ``hint_kabupaten``,
    ``hint_kota`` words); any other issuer as written."""
    for kind, words in (("province", "hint_province"), ("kabupaten", "hint_kabupaten"),
                        ("kota", "hint_kota")):
        if issuer in r.lex.word_list(words):
            places = [f for f in r.ctx.found if f.key.startswith("place/") and r.info[f.key].place_kind == kind]
            titled = {f.key for f in places if re.search(rf"\b{re.escape(issuer)}[ \t]+$", r.text[:f.start])}
            keys = titled or {f.key for f in places}  # "Gubernur NTB" elsewhere in the article
            if len(keys) == 1:
                return f"{issuer} {r.res.place_info(keys.pop()).name}"
    return issuer


def _known_type(r: EntityRegistry, abbr: str, full: str, num: str, year: str) -> tuple[str, str]:
    """The type the lexicon knows a regulation of this number and year by, when the text
    names it by a sibling type of the same issuer ("Peraturan BKKBN Nomor 12 Tahun 2021"
    for the known Peraturan Kepala BKKBN 12/2021: the same first and last words)."""
    if r.res.regulation_title(abbr, num, year) is not None:
        return abbr, full
    words = full.split()
    same = {(t.abbreviation, t.full) for g in r.lex.regulations if (g.number, g.year) == (num, year)
            for t in r.lex.regulation_types if t.abbreviation == g.type
            and t.full.split()[0] == words[0] and t.full.split()[-1] == words[-1]}
    return same.pop() if len(same) == 1 else (abbr, full)


def _year_of_title(r: EntityRegistry, abbr: str, num: str, year: str, title: str | None) -> str:
    """The year as cited, unless the lexicon knows no regulation of that type, number and
    year but one of that type and number whose every title word the written title holds:
    "Peraturan Presiden Nomor 72 Tahun 2001 tentang Percepatan Penurunan Angka Stunting"
    is Perpres 72/2021 with a mistyped year."""
    if title is None or r.res.regulation_title(abbr, num, year) is not None:
        return year
    written = set(title.casefold().split())
    same = [g for g in r.lex.regulations if (g.type, g.number) == (abbr, num)
            and set(g.title.casefold().replace(",", " ").split()) <= written]
    return same[0].year if len(same) == 1 else year


def _priority_patterns(lex) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """"prioritas nomor lima, yakni …" (``words.csv`` kinds ``priority_head``,
    ``priority_number``, ``priority_is``) and the words that end its description
    (``priority_end``: "… melalui …")."""
    return (re.compile(
        rf"\b(?P<head>{word_kind_re('priority_head', lex)})"
        rf"(?:{SP}{word_kind_re('priority_number', lex)})?[ \t]*"
        rf"(?P<num>\d+|{words_re(_NUMBER_WORDS)})\b"
        rf"(?P<rest>,?{SP}{word_kind_re('priority_is', lex)}{SP})?"),
        re.compile(rf"\s+{word_kind_re('priority_end', lex)}\s+"))


def _described_priorities(r: EntityRegistry, agendas: list) -> None:
    """"… salah satu Nawacita Presiden yakni membangun Indonesia dari pinggiran": an agenda,
    then "yakni"/"yaitu" (``priority_is``) and the description of one of its priorities
    the lexicon knows (``priorities.csv``), in one sentence, is that priority."""
    is_word = re.compile(rf"\b{word_kind_re('priority_is', r.lex)}[ \t]+", re.IGNORECASE)
    ordinals = {n: w for w, n in load_lexicon().number_words("ordinal").items()}
    for agenda in agendas:
        framework = r.ctx.entities[agenda.key]
        s1 = r.ctx.sentences[agenda.sentence][1] if r.ctx.sentences else len(r.text)
        m = is_word.search(r.text, agenda.end, min(s1, agenda.end + 60))
        if m is None:
            continue
        for p in r.lex.priorities:
            tail = r.text[m.end():m.end() + len(p.description)]
            if p.framework != framework.label or tail.casefold() != p.description.casefold():
                continue
            canonical = f"{framework.label} prioritas {p.number}"
            word = ordinals.get(p.number, str(p.number))
            key = r.add(new_entity("framework", f"{canonical}: {p.description}", KB.PolicyPriority,
                                   key=entity_key("framework", canonical),
                                   aliases=[f"{framework.label} agenda {word}: {p.description}"],
                                   label_en=f"{framework.label} priority {p.number}: {p.description}"))
            r.info[key].priority = (agenda.key, p.number)
            r.mark(key, m.end(), m.end() + len(p.description))


def _priorities(r: EntityRegistry) -> None:
    """"prioritas nomor lima, yakni …", "agenda kelima, yakni …" of an agenda named nearby."""
    pattern, ends = compiled(r.lex, "priorities", _priority_patterns)
    agenda_cls = KB.PoliticalAgenda
    agendas = [f for f in r.ctx.found if r.ctx.entities[f.key].types[0] == agenda_cls]
    _described_priorities(r, agendas)
    for m in pattern.finditer(r.text):
        sent = r.ctx.sentence_of(m.start())
        near = [f for f in agendas if f.start <= m.start() and r.ctx.sentence_of(f.start)
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
                    desc = ends.split(desc)[0]
            if desc:
                end = m.end() + len(desc)
        canonical = f"{framework.label} prioritas {number}"
        written = r.text[m.start():m.end('num')]
        alias = f"{framework.label} {written}: {desc}" if desc else f"{framework.label} {written}"
        desc = r.res.priority(framework.label, number) or desc  # the lexicon's wording labels it
        label = f"{canonical}: {desc}" if desc else canonical
        ordinal = {n: w for w, n in load_lexicon().number_words("ordinal").items()}.get(number)
        aliases = [alias] + ([f"{framework.label} agenda {ordinal}: {desc}"] if ordinal and desc else [])
        key = r.add(new_entity("framework", label, KB.PolicyPriority,
                               key=entity_key("framework", canonical), aliases=aliases,
                               label_en=f"{framework.label} priority {number}"
                               + (f": {desc}" if desc else "")))
        r.info[key].priority = (agenda.key, number)
        r.mark(key, m.start(), end)
