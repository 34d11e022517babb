"""Stage 1, ``kb_sentences``: where sentences start — the only sentence split of the extraction.

First the hints, what the plain sentencizer gets wrong in news prose — a line break
always ends a sentence; a period inside a word (``Sp.OG``), after an initial (``M. Nur``)
or before a comma or a lower-case word does not; a direct quote stays in one sentence
with its ``katanya`` —, then spaCy's ``Sentencizer`` rule (a sentence starts after
sentence-final punctuation) for what the hints leave open, in the same pass (as the
``sentencizer`` component with ``overwrite=False`` did, a pass of its own). Every later
stage reads these sentences (``Doc.sents``, as character spans: :func:`.text.doc_sentences`).
"""

from __future__ import annotations

import numpy
from spacy.attrs import IS_PUNCT, IS_SPACE, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

__all__ = ["sentences"]

_QUOTES = frozenset('"\u201c\u201d')


@Language.component("kb_sentences")
def sentences(doc: Doc) -> Doc:
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
            elif prev in (",", ";", ":"):
                values[i] = -1  # "M.Si.,  menyampaikan": the second space after a comma
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



