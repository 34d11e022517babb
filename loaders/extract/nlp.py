"""The spaCy pipeline, built once per process: tokens, sentences and lexicon names.

``spacy.blank("id")`` with
- tokenizer exceptions for honorifics and abbreviations (``Drs.``, ``Hj.``, ``Pj.``,
  ``Plt.``) so that their period stays inside the word and ends no sentence;
- ``kb_sentences``: first the hints, what the plain sentencizer gets wrong in news
  prose — a line break always ends a sentence; a period inside a word (``Sp.OG``),
  after an initial (``M. Nur``) or before a comma or a lower-case word does not; a
  direct quote stays in one sentence with its ``katanya`` —, then spaCy's
  ``Sentencizer`` rule (a sentence starts after sentence-final punctuation) for what
  the hints leave open, in the same pass (as the ``sentencizer`` component with
  ``overwrite=False`` did, a pass of its own).

Lexicon names are found by a ``PhraseMatcher`` fed from ``ontology/lexicon``
(:func:`lexicon_hits`: *every* match, nested ones included — "BKKBN" and "Kalbar" inside
a longer name — which the entity reader needs). There is no ``entity_ruler`` in the
pipeline: nothing read its ``doc.ents``, and feeding it the ~7,000 lexicon phrases ran
the whole pipeline over each of them, about a second of every process's start-up.

Match keys are lexicon references (``province:Kalimantan Barat``,
``regency:Kota Pontianak``, ``org:<label>``, ``program:<label>``, ``framework:<label>``);
one phrase may carry several (bare "Jambi" is a province and a city).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy
import spacy
from kbgraph.loaders.read import max_chars_limit
from kbgraph.ontology.lexicon import Lexicon, load_lexicon
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, ORTH, SENT_START, SPACY
from spacy.lang.id import Indonesian
from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

__all__ = ["LexHit", "get_nlp", "lexicon_hits", "lexicon_patterns", "parse", "phrase_hits",
           "sentence_spans"]

_QUOTES = frozenset('"\u201c\u201d')


@dataclass(frozen=True, slots=True)
class LexHit:
    """One lexicon name found in the text (clean-text character offsets)."""

    start: int
    end: int
    ref: str  # lexicon reference, e.g. "province:Kalimantan Barat"
    label: str  # PLACE | ORG | PROG | FRAME
    text: str


_LABELS = {"province": "PLACE", "regency": "PLACE", "org": "ORG", "program": "PROG",
           "framework": "FRAME"}


def _kind_label(ref: str) -> str:
    return _LABELS[ref.split(":", 1)[0]]


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
            add(f"Propinsi {name}", ref)  # the old spelling, still in the news
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


@Language.component("kb_sentences")
def _sentences(doc: Doc) -> Doc:
    """Sentence starts: the hints (:func:`_hints`), then the sentencizer's rule for the
    tokens they leave open (:func:`_sentencizer_starts`), written with one
    ``Doc.from_array`` call.

    One pass over token attributes read once as plain lists: spaCy's ``sentencizer``
    component would walk the doc again with a Token object per token, and setting
    ``Token.is_sent_start`` one token at a time re-checks the whole doc on every call.
    """
    rows = doc.to_array([ORTH, SPACY, IS_SPACE, IS_PUNCT]).tolist()
    strings = doc.vocab.strings
    texts = [strings[row[0]] for row in rows]
    starts = _sentencizer_starts(texts, rows)
    values = [v or (1 if start else -1) for v, start in zip(_hints(texts, rows), starts)]
    # -1 wraps as spaCy stores it
    doc.from_array([SENT_START], numpy.array(values, dtype="int64").astype("uint64"))
    return doc


def _hints(texts: list[str], rows: list[list[int]]) -> list[int]:
    """What the plain sentencizer gets wrong (see module docstring), per token: 1 starts
    a sentence, -1 does not, 0 is left to the sentencizer's rule. ``rows``: ``ORTH``,
    ``SPACY``, ``IS_SPACE`` of each token."""
    values = [0] * len(texts)
    in_quote = False
    for i, text in enumerate(texts):
        if i == 0:
            values[i] = 1
            in_quote = text in _QUOTES
            continue
        prev = texts[i - 1]
        prev_ws, prev_space = rows[i - 1][1], rows[i - 1][2]
        if prev_space and "\n" in prev:
            values[i] = 1
            in_quote = text in _QUOTES
            continue
        if rows[i][2]:  # a whitespace token
            if "\n" in text:
                values[i] = -1
                in_quote = False
            continue
        prev_start = values[i - 1] == 1 and prev in _QUOTES
        if text in _QUOTES:
            opening = not in_quote
            in_quote = not in_quote
            values[i] = 1 if opening and prev in (".", "!", "?") and prev_ws else -1
        elif (in_quote and not prev_start) or prev_start or text[:1].islower() or prev in (
                ",", ";", ":", "(", "/", "-") or prev == "." and (
                not prev_ws or _initial(texts, rows, i - 2)):
            values[i] = -1
    return values


#: The sentencizer's sentence-final punctuation (spaCy's default list).
_PUNCT_CHARS = frozenset(Sentencizer.default_punct_chars)


def _sentencizer_starts(texts: list[str], rows: list[list[int]]) -> list[bool]:
    """Where spaCy's ``Sentencizer`` starts sentences (its ``predict``, step by step):
    the first token, and the first token after a run of sentence-final punctuation that
    is no punctuation itself. ``rows[i][3]``: ``IS_PUNCT``."""
    starts = [False] * len(texts)
    if texts:
        starts[0] = True
        start, seen_period = 0, False
        for i, text in enumerate(texts):
            in_punct_chars = text in _PUNCT_CHARS
            if seen_period and not rows[i][3] and not in_punct_chars:
                starts[start] = True
                start, seen_period = i, False
            elif in_punct_chars:
                seen_period = True
        starts[start] = True
    return starts


def _initial(texts: list[str], rows: list[list[int]], i: int) -> bool:
    """A single capital letter before a period is an initial ("M. Nur"), not a sentence end."""
    return i >= 0 and len(texts[i]) == 1 and texts[i].isupper() and not rows[i][1]


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
    nlp.add_pipe("kb_sentences")
    # the reader refuses longer articles; spaCy's own guard (1,000,000) is for its parser
    nlp.max_length = max(nlp.max_length, max_chars_limit() + 1)
    return nlp


@lru_cache(maxsize=1)
def _phrase_matcher() -> PhraseMatcher:
    """Every lexicon phrase, one key per lexicon reference (see :func:`lexicon_hits`).

    A pattern is the ``ORTH`` ids of the phrase's tokens, as the tokenizer alone cuts it
    (the matcher compares ``ORTH``; it takes such id sequences as well as Docs).
    """
    nlp = get_nlp()
    matcher = PhraseMatcher(nlp.vocab)
    by_ref: dict[str, list[str]] = {}
    for phrase, ref in lexicon_patterns(load_lexicon()):
        by_ref.setdefault(ref, []).append(phrase)
    orths = _phrase_orths(nlp, list(dict.fromkeys(p for group in by_ref.values() for p in group)))
    for ref, group in by_ref.items():
        matcher.add(ref, [orths[p] for p in group])
    return matcher


def _phrase_orths(nlp: Language, phrases: list[str]) -> dict[str, tuple[int, ...]]:
    """The ``ORTH`` ids of each phrase's tokens.

    The phrases are tokenized together, one per line of a single text: the tokenizer
    cuts each run of non-blank characters on its own, so a phrase with single spaces
    between its words gets the tokens it gets alone, and the line breaks come out as
    tokens of their own between phrases. That is one Doc instead of ~7,000 (a quarter
    of a second of every start-up). Any other phrase is tokenized alone.

    Each distinct word is tokenized alone first, which fills the tokenizer's cache: in
    one long Doc the tokenizer stops caching after the first special case ("Kab."),
    and would cut "Kabupaten" again for each of its ~500 phrases.
    """
    out: dict[str, tuple[int, ...]] = {}
    simple = [p for p in phrases if p and p == " ".join(p.split())]
    if simple:
        for word in dict.fromkeys(w for p in simple for w in p.split(" ")):
            nlp.tokenizer(word)
        doc = nlp.make_doc("\n".join(simple))
        newline = nlp.vocab.strings["\n"]
        current: list[int] = []
        lines = []
        for orth in doc.to_array(ORTH).tolist():
            if orth == newline:
                lines.append(tuple(current))
                current = []
            else:
                current.append(orth)
        lines.append(tuple(current))
        if len(lines) == len(simple):
            out.update(zip(simple, lines))
    for p in phrases:
        if p not in out:
            out[p] = tuple(t.orth for t in nlp.tokenizer(p))
    return out


def parse(text: str) -> Doc:
    """Run the pipeline over a clean text."""
    return _keep_text(get_nlp()(text), text)


#: ``Doc.user_data`` key of the text a doc was made from (see :func:`_text`).
_TEXT = "kbgraph.text"


def _keep_text(doc: Doc, text: str) -> Doc:
    doc.user_data[_TEXT] = text
    return doc


def _text(doc: Doc) -> str:
    """The doc's text. ``Doc.text`` joins every token's text again each time it is read
    (as long as the rest of the extraction of a short article); the tokenizer keeps the
    text exactly, so the text the doc was made from is the same string."""
    text = doc.user_data.get(_TEXT)
    return doc.text if text is None else text


def lexicon_hits(doc: Doc) -> list[LexHit]:
    """Every lexicon match in the doc, overlapping and nested ones included, in text order."""
    matches = _phrase_matcher()(doc)
    if not matches:
        return []
    strings = doc.vocab.strings
    text = _text(doc)
    # character offsets of every token (a Span per match costs more than the match)
    bounds = doc.to_array([IDX, LENGTH]).tolist()
    out = []
    for match_id, start, end in matches:
        start_char = bounds[start][0]
        end_char = bounds[end - 1][0] + bounds[end - 1][1]
        ref = strings[match_id]
        out.append(LexHit(start_char, end_char, ref, _kind_label(ref), text[start_char:end_char]))
    out.sort(key=lambda h: (h.start, -h.end, h.ref))
    return out


@lru_cache(maxsize=4096)
def phrase_hits(text: str) -> tuple[LexHit, ...]:
    """:func:`lexicon_hits` of a short text (a dateline, a "Baca juga" line), remembered.

    Only the tokenizer runs: matches depend on the tokens alone, not on sentences.
    """
    return tuple(lexicon_hits(_keep_text(get_nlp().make_doc(text), text)))


def _sentence_chars(doc: Doc):
    """(start_char, end_char) of each of ``doc.sents``, read from two arrays instead of
    one Span (and its tokens) per sentence."""
    if not len(doc) or not doc.has_annotation("SENT_START"):
        yield from ((s.start_char, s.end_char) for s in doc.sents)
        return
    rows = doc.to_array([SENT_START, IDX, LENGTH]).tolist()
    first = 0
    for i in range(1, len(rows) + 1):
        if i == len(rows) or rows[i][0] == 1:
            last = rows[i - 1]
            yield rows[first][1], last[1] + last[2]
            first = i


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """Sentences as (start, end) clean-text offsets, trimmed of surrounding whitespace."""
    text = _text(doc)
    out = []
    for start, end in _sentence_chars(doc):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
    return out
