"""Programs the lexicon does not know, recognised by their shape.

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

from kbgraph.ontology.namespaces import KB

from ..resolve import new_entity
from .patterns import occurrences
from .entity_pass import ABBR, SP, EntityPass, compiled, words_re

__all__ = ["shaped_programs", "expand_titles"]

_WORD = r"[A-Z][\w'\-]*"
_CONNECTORS = ("dan", "untuk", "bagi", "serta")


def _pattern(lex) -> re.Pattern[str]:
    heads = lex.word_list("program_head")
    written = [*heads, *(h.lower() for h in heads)]
    skip = words_re(lex.word_list("program_not"))
    joined = rf"{SP}(?:(?:{words_re(_CONNECTORS)}){SP})?"
    return re.compile(rf"\b(?P<head>{words_re(written)}){SP}(?!{skip}\b)"
                      rf"(?P<name>{_WORD}(?:{joined}{_WORD}){{0,6}})")


def shaped_programs(r: EntityPass) -> None:
    """Programs named by shape, their bracketed abbreviations and later short forms."""
    pattern = compiled(r.lex, "shaped_programs", _pattern)
    cover = r.covered()
    for m in pattern.finditer(r.text):
        start, end = m.start(), m.end("name")
        if any(cover[start:end]):
            continue  # the lexicon (or an organization, a place) already read these words
        words = m.group("name").split()
        abbr = ABBR.match(r.text, end)
        if len(words) < 2 and not abbr:
            continue
        capital = m.group("head")[0].isupper()
        label = " ".join(r.text[start if capital else m.start("name"):end].split())
        entry = _known(r.lex, label, m.group("name"), abbr.group("abbr") if abbr else None)
        if entry is not None:
            key = r.add(r.res.entry_entity(entry))
            r.info[key].lexicon_ref = f"program:{entry.label}"
        else:
            key = r.add(new_entity("program", label, KB.Program,
                                   abbreviation=abbr.group("abbr") if abbr else None))
        r.mark(key, start if capital else m.start("name"), abbr.end() if abbr else end)
        cover[start:end] = b"\x01" * (end - start)
        for a0, a1 in occurrences(r.text, label):
            if not any(cover[a0:a1]):
                r.mark(key, a0, a1)
        if abbr:
            _short_forms(r, key, m.group("head"), abbr.group("abbr"), cover)


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


def _short_forms(r: EntityPass, key: str, head: str, abbr: str, cover: bytearray) -> None:
    """"MBG" and "Program MBG" after "Program Makan Bergizi Gratis (MBG)"."""
    before = re.compile(rf"\b{re.escape(head)}{SP}$", re.IGNORECASE)
    for a0, a1 in occurrences(r.text, abbr, "(-/", ")-/"):
        if any(cover[a0:a1]):
            continue
        h = before.search(r.text, max(0, a0 - len(head) - 3), a0)
        start = h.start() if h and r.text[h.start()].isupper() else a0
        r.mark(key, start, a1)


def expand_titles(r: EntityPass) -> None:
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
