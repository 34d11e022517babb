"""The spaCy pipeline, built once per process: tokens, sentences and lexicon names.

``spacy.blank("id")`` with
- tokenizer exceptions for honorifics and abbreviations (``Drs.``, ``Hj.``, ``Pj.``,
  ``Plt.``) so that their period stays inside the word and ends no sentence;
- ``kb_sentence_hints``: what the plain sentencizer gets wrong in news prose — a line
  break always ends a sentence; a period inside a word (``Sp.OG``), after an initial
  (``M. Nur``) or before a comma or a lower-case word does not; a direct quote stays in
  one sentence with its ``katanya``;
- the ``sentencizer`` (``overwrite=False``: it only decides what the hints left open);
- an ``entity_ruler`` fed from ``ontology/lexicon`` (``doc.ents``: the longest known
  names). :func:`lexicon_hits` returns *every* lexicon match, nested ones included
  ("BKKBN" and "Kalbar" inside a longer name), which the entity reader needs.

Pattern ids are lexicon references (``province:Kalimantan Barat``,
``regency:Kota Pontianak``, ``org:<label>``, ``program:<label>``, ``framework:<label>``);
one phrase may carry several (bare "Jambi" is a province and a city).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy
import spacy
from kbgraph.ontology.lexicon import Lexicon, load_lexicon
from spacy.attrs import IS_SPACE, ORTH, SENT_START, SPACY
from spacy.lang.id import Indonesian
from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

__all__ = ["LexHit", "get_nlp", "lexicon_hits", "lexicon_patterns", "parse", "sentence_spans"]

_QUOTES = frozenset('"\u201c\u201d')


@dataclass(frozen=True, slots=True)
class LexHit:
    """One lexicon name found in the text (clean-text character offsets)."""

    start: int
    end: int
    ref: str  # lexicon reference, e.g. "province:Kalimantan Barat"
    label: str  # PLACE | ORG | PROG | FRAME
    text: str


def _kind_label(ref: str) -> str:
    kind = ref.split(":", 1)[0]
    return {"province": "PLACE", "regency": "PLACE", "org": "ORG", "program": "PROG",
            "framework": "FRAME"}[kind]


def lexicon_patterns(lex: Lexicon) -> list[tuple[str, str]]:
    """Every (phrase, lexicon reference) the ruler matches, in a stable order."""
    out: list[tuple[str, str]] = []

    def add(phrase: str, ref: str, upper: bool = False) -> None:
        for p in (phrase, phrase.upper()) if upper else (phrase,):
            if p and (p, ref) not in seen:
                seen.add((p, ref))
                out.append((p, ref))

    seen: set[tuple[str, str]] = set()
    for prov in lex.provinces:
        ref = f"province:{prov.name}"
        names = (prov.name, *prov.aliases, *prov.short_forms)
        for name in names:
            add(name, ref, upper=True)
            add(f"Provinsi {name}", ref, upper=True)
            add(f"Prov. {name}", ref)
    for reg in lex.regencies:
        ref = f"regency:{reg.label}"
        prefixes = ("Kota",) if reg.kind == "kota" else ("Kabupaten", "Kab.", "Kab")
        for name in _spellings(reg.name, reg.aliases):
            for prefix in prefixes:
                add(f"{prefix} {name}", ref, upper=True)
            if reg.bare:
                add(name, ref, upper=True)
    for entry in lex.entries:
        ref = f"{entry.kind}:{entry.label}"
        for name in (entry.label, entry.abbreviation, *entry.aliases,
                     *(n for n, _ in entry.former_names), *entry.patterns):
            if name:
                add(name, ref)
    return out


def _spellings(name: str, aliases: tuple[str, ...]) -> list[str]:
    """A place's names and their usual spelling variants: written as one word or with a
    hyphen ("Gunung Kidul" / "Gunungkidul" / "Gunung-Kidul", "Tanjung Pinang" /
    "Tanjungpinang")."""
    out = [name, *aliases]
    for n in (name, *aliases):
        words = n.split()
        if len(words) > 1 and all(w[:1].isupper() and w.isalpha() for w in words):
            out += [words[0] + "".join(w.lower() for w in words[1:]), "-".join(words)]
    return list(dict.fromkeys(out))


@Language.component("kb_sentence_hints")
def _sentence_hints(doc: Doc) -> Doc:
    """Pre-set sentence starts the sentencizer would get wrong (see module docstring).

    Values are written with one ``Doc.from_array`` call: 1 starts a sentence, -1 does
    not, 0 is left to the sentencizer. (Setting ``Token.is_sent_start`` one token at a
    time re-checks the whole doc on every call.)
    """
    strings = doc.vocab.strings
    arr = doc.to_array([ORTH, SPACY, IS_SPACE])
    toks = [(strings[int(o)], " " if sp else "", bool(is_space)) for o, sp, is_space in arr]
    values = numpy.zeros(len(toks), dtype="int64")
    in_quote = False
    for i, (text, _ws, is_space) in enumerate(toks):
        if i == 0:
            values[i] = 1
            in_quote = text in _QUOTES
            continue
        prev, prev_ws, prev_space = toks[i - 1]
        if prev_space and "\n" in prev:
            values[i] = 1
            in_quote = text in _QUOTES
            continue
        if is_space:
            if "\n" in text:
                values[i] = -1
                in_quote = False
            continue
        prev_start = values[i - 1] == 1 and prev in _QUOTES
        if text in _QUOTES:
            opening = not in_quote
            in_quote = not in_quote
            values[i] = 1 if opening and prev in (".", "!", "?") and prev_ws else -1
        elif (in_quote and not prev_start) or prev_start or text[:1].islower() or prev in (",", ";", ":", "(", "/", "-") or prev == "." and (not prev_ws or _initial(toks, i - 2)):
            values[i] = -1
    doc.from_array([SENT_START], values.astype("uint64"))  # -1 wraps as spaCy stores it
    return doc


def _initial(toks: list[tuple[str, str, bool]], i: int) -> bool:
    """A single capital letter before a period is an initial ("M. Nur"), not a sentence end."""
    return i >= 0 and len(toks[i][0]) == 1 and toks[i][0].isupper() and not toks[i][1]


class _IndonesianNews(Indonesian):
    """spaCy's Indonesian without its ~16,000 tokenizer exceptions.

    Those exceptions (mostly reduplicated words such as "anak-anak") cost about five
    seconds of start-up per process and change nothing the extractor looks at; the
    honorifics and abbreviations it needs are added as special cases from the lexicon.
    """

    lang = "id"

    class Defaults(Indonesian.Defaults):
        tokenizer_exceptions = BASE_EXCEPTIONS


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The pipeline (built once per process; thread-safe to call, not to mutate)."""
    lex = load_lexicon()
    nlp = _IndonesianNews()
    for word in (*lex.word_list("honorific"), *lex.word_list("abbreviation")):
        nlp.tokenizer.add_special_case(word, [{ORTH: word}])
    nlp.add_pipe("kb_sentence_hints")
    nlp.add_pipe("sentencizer", config={"overwrite": False})
    ruler = nlp.add_pipe("entity_ruler", config={"validate": False})
    patterns = lexicon_patterns(lex)
    ruler.add_patterns([{"label": _kind_label(ref), "pattern": phrase, "id": ref}
                        for phrase, ref in patterns])
    return nlp


@lru_cache(maxsize=1)
def _phrase_matcher() -> PhraseMatcher:
    """All-matches twin of the entity ruler (same phrases, one key per lexicon reference)."""
    nlp = get_nlp()
    matcher = PhraseMatcher(nlp.vocab)
    by_ref: dict[str, list[str]] = {}
    for phrase, ref in lexicon_patterns(load_lexicon()):
        by_ref.setdefault(ref, []).append(phrase)
    for ref, phrases in by_ref.items():
        matcher.add(ref, list(nlp.tokenizer.pipe(phrases)))
    return matcher


def parse(text: str) -> Doc:
    """Run the pipeline over a clean text."""
    return get_nlp()(text)


def lexicon_hits(doc: Doc) -> list[LexHit]:
    """Every lexicon match in the doc, overlapping and nested ones included, in text order."""
    strings = doc.vocab.strings
    out = []
    for match_id, start, end in _phrase_matcher()(doc):
        span = doc[start:end]
        ref = strings[match_id]
        out.append(LexHit(span.start_char, span.end_char, ref, _kind_label(ref), span.text))
    out.sort(key=lambda h: (h.start, -h.end, h.ref))
    return out


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """Sentences as (start, end) clean-text offsets, trimmed of surrounding whitespace."""
    text = doc.text
    out = []
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
    return out
