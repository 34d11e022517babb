"""Renames an article reports: the article as a source of a rename the lexicon knows.

A rename is reference data (``loaders/reference.py``: ``E kb:nameChange C``, dated and
sourced by the lexicon row). An article is a source of it only where one of its
sentences says it, read here as a fact ``E kb:nameChange C`` with that sentence as its
evidence. A sentence says it when it names the renamed entity and either

* holds a ``rename_cue`` (``words.csv``: "dikenal sebagai", "bernama", "berganti nama" …)
  between a mention by a former name and a mention by a later one ("Bangga Kencana yang
  dulu dikenal sebagai KKBPK", "Nama … (KKBPK) … kini resmi berganti menjadi Program
  Pembangunan Keluarga …"), or
* has a ``rename_to`` cue ("berubah menjadi", "berganti nama menjadi" …) just before a
  mention by its current name ("lembaganya berubah menjadi Kementerian Kependudukan …").

Which name a mention uses is decided as the evaluation does (``names_former``); a name
still inside the current one ("BKKBN" of "Kementerian …/BKKBN") is no former name. Only
entities the lexicon knows as renamed (``Entity.former_names``) are read: an article
naming a program by two names is not evidence of a rename the lexicon does not know.
The date of the rename stays the lexicon's; the article only adds itself as a source.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from kbgraph.ontology.lexicon import load_lexicon
from kbgraph.ontology.namespaces import KB

from .evaluate.convert import names_former
from .extract.text import words_re
from .mapping import iri_of_key
from .model import Entity, Extraction, Fact, Mention, Sentence, Span
from .reference import name_change_iri

__all__ = ["reported_renames", "with_reported_renames"]

#: At most this many characters (blanks, a quote, an opening bracket) between a
#: ``rename_to`` cue and the name after it.
_GAP = re.compile(r"^[\s\"'“(]{1,3}$")


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lex = load_lexicon()
    cue = re.compile(r"\b" + words_re(lex.word_list("rename_cue")) + r"\b", re.IGNORECASE)
    to = re.compile(r"\b" + words_re(lex.word_list("rename_to")) + r"\b", re.IGNORECASE)
    return cue, to


def with_reported_renames(extraction: Extraction) -> Extraction:
    """The extraction with :func:`reported_renames` added to its facts."""
    found = reported_renames(extraction)
    if not found:
        return extraction
    return replace(extraction, facts=[*extraction.facts, *found])


def reported_renames(extraction: Extraction) -> list[Fact]:
    """``E kb:nameChange C`` for each sentence that reports the rename C of an entity E
    (see the module docstring); one fact per entity, rename and sentence."""
    out: list[Fact] = []
    for key in sorted(extraction.entities):
        entity = extraction.entities[key]
        if not entity.former_names or not entity.mentions:
            continue
        for sentence in extraction.sentences:
            inside = [m for m in entity.mentions
                      if sentence.start <= m.span.start and m.span.end <= sentence.end]
            former = _reported(entity, inside, sentence)
            if former is not None:
                change = name_change_iri(iri_of_key(key), former)
                start = min(m.span.start for m in inside)
                end = max(m.span.end for m in inside)
                out.append(Fact(key, KB.nameChange, change, Span(start, end, sentence.index)))
    return out


def _reported(entity: Entity, mentions: list[Mention], sentence: Sentence) -> str | None:
    """The former name whose change the sentence reports, or None."""
    if not mentions:
        return None
    cue, to = _cues()
    text, at = sentence.text, sentence.start
    current = _fold(entity.label)
    old = [(m, f) for m in mentions for f, _ in entity.former_names
           if names_former(m.text, f, entity.label) and _fold(m.text) not in current]
    new = [m for m in mentions if not any(m is o for o, _ in old)]
    for m_old, name in old:
        for m_new in new:
            first, second = sorted((m_old, m_new), key=lambda m: m.span.start)
            if cue.search(text[first.span.end - at:second.span.start - at]):
                return name
    for m in new:
        before = text[:m.span.start - at]
        for hit in to.finditer(before):
            if _GAP.match(before[hit.end():]):
                return _last_change(entity)
    return None


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _last_change(entity: Entity) -> str:
    """The former name of the entity's latest rename (undated ones first)."""
    return max(entity.former_names, key=lambda fs: fs[1] or "")[0]
