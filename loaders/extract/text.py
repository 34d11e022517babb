"""Small text helpers shared by the stages, and the doc's text and sentences.

Word patterns (``words_re``, ``starting``, ``initials``), ``occurrences`` of a name,
Indonesian number parsing ("1.100", "200 ribu", "dua"), the dateline's end, the word
lists of the meeting and speech stages (``ontology/lexicon/speech_verbs.csv``,
``meeting_kinds.csv``, ``meeting_cues.csv``), and the character spans of the doc's
sentences (``doc_sentences``: spaCy's, set by stage 1).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from kbgraph.ontology.lexicon import load_lexicon
from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.tokens import Doc

__all__ = [
    "NUMBER",
    "PRONOUN",
    "SPEECH_VERB",
    "attribution_verbs",
    "dateline_end",
    "doc_sentences",
    "doc_text",
    "initials",
    "keep_text",
    "meeting_cues",
    "meeting_terms",
    "occurrences",
    "parse_number",
    "speech_verbs",
    "starting",
    "words_re",
]


@cache
def speech_verbs() -> frozenset[str]:
    """Verbs that open reported speech: 'X mengatakan, …', 'Ia meminta …'."""
    return frozenset(load_lexicon().speech_words("reported"))


@cache
def attribution_verbs() -> frozenset[str]:
    """Roots that close a quote: '"…," katanya' / 'ujar X' / 'kata dia'."""
    return frozenset(load_lexicon().speech_words("attribution"))


def meeting_terms(role: str) -> dict[str, tuple[str, str]]:
    """Meeting words of one role (head, abbrev, anaphor, keyword): term -> (class name, expansion)."""
    return load_lexicon().meeting_words(role)


def meeting_cues(role: str) -> dict[str, int]:
    """Cue words of one role from ``meeting_cues.csv``: cue -> weight (0 when none)."""
    return load_lexicon().cue_weights(role)


def words_re(words, *, suffix: str = "", space: str = r"\s+", by_initial: bool = False) -> str:
    """An alternation of words, longest first, as a non-capturing regex group; a space
    inside a word matches ``space`` (any whitespace by default; the entity readers pass
    blanks only, so a name never runs over a line break).

    ``by_initial``: the same alternation grouped by the words' first letters
    ("r(?:apat|akor)|s(?:eminar)") when these are ASCII letters all of one case (else as
    without it). It matches the same, in any case too (words of different first letters
    cannot match at the same place, and a group keeps its words' order), and lets ``re``
    try one group instead of every word at each word start.
    """
    words = list(words)
    alts = sorted({re.escape(w).replace(r"\ ", space) for w in words}, key=len, reverse=True)
    firsts = "".join(w[:1] for w in words)
    if by_initial and words and all(words) and firsts.isascii() and firsts.isalpha() and (
            firsts.islower() or firsts.isupper()):
        groups: dict[str, list[str]] = {}
        for alt in alts:
            groups.setdefault(alt[0], []).append(alt[1:])
        alts = [f"{first}(?:{'|'.join(rest)})" for first, rest in groups.items()]
    return "(?:" + "|".join(alts) + ")" + suffix


def initials(words: Iterable[str]) -> set[str] | None:
    """The first characters of ``words`` as regex class items, for :func:`starting`;
    None when there is none, or one word is empty or starts with a blank (``words_re``
    of those matches an empty string, or widens the blank)."""
    out = set()
    for w in words:
        if not w or w[0].isspace():
            return None
        out.add(re.escape(w[0]))
    return out or None


def starting(first: Iterable[str] | None, pattern: str, flags: int = 0, *,
             ignorecase: bool = False) -> re.Pattern[str]:
    """``re.compile(pattern, flags)`` behind a lookahead for the characters a match can
    start with (``first``: regex class items, e.g. from :func:`initials`; None: no
    lookahead). ``ignorecase`` compares them in any case, as ``(?i:…)`` does.

    The lookahead changes no match — every match starts with one of those characters —
    it only lets a scan reject most positions with one character test instead of trying
    every alternative of the pattern there (several times faster on a long alternation).
    """
    if first is None:
        return re.compile(pattern, flags)
    guard = f"[{''.join(sorted(set(first)))}]"
    if ignorecase:
        guard = f"(?i:{guard})"
    return re.compile(f"(?={guard}){pattern}", flags)


#: A reported-speech verb as a whole word (the meeting and statement stages).
SPEECH_VERB = starting(initials(speech_verbs()),
                       rf"\b(?P<verb>{words_re(speech_verbs(), by_initial=True)})\b")


def _word_char(c: str) -> bool:
    """``re``'s ``\\w`` for one character of a str pattern."""
    return c.isalnum() or c == "_"


def occurrences(text: str, word: str, before: str = "-", after: str = "-"):
    """Spans of ``word`` in ``text`` not touching a word character, nor a character of
    ``before`` just before it or of ``after`` just after it, left to right without
    overlap: what ``re.finditer(rf"(?<![\\w{before}]){re.escape(word)}(?![\\w{after}])",
    text)`` yields, found with ``str.find`` (a pattern per name costs a compile and a
    scan that tries every position)."""
    if not word:
        cls_b, cls_a = re.escape(before), re.escape(after)
        for m in re.finditer(rf"(?<![\w{cls_b}])(?![\w{cls_a}])", text):
            yield m.span()
        return
    n, size = len(word), len(text)
    i = text.find(word)
    while i >= 0:
        j = i + n
        if (i == 0 or not (_word_char(text[i - 1]) or text[i - 1] in before)) and (
                j == size or not (_word_char(text[j]) or text[j] in after)):
            yield i, j
            i = text.find(word, j)
        else:
            i = text.find(word, i + 1)


_DATELINE = re.compile(
    r"[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+){0,3}(?:\s?\([^)\n]{1,40}\))?\s[-–—]\s"
)


@lru_cache(maxsize=1024)
def dateline_end(text: str, start: int) -> int:
    """Offset after a dateline ("KUBU RAYA (ANTARA) - ", "Makassar (Lontara Pos) – ") at ``start``
    (remembered: the meeting and the speech readers ask it of every sentence)."""
    m = _DATELINE.match(text, start)
    return m.end() if m else start


# ---------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------

_NUMBERS = load_lexicon()
_NUMBER_WORDS = _NUMBERS.number_words("cardinal")  # numbers.csv: "dua", "dua belas", "seratus"
_MULTIPLIERS = _NUMBERS.number_words("multiplier")  # "ribu", "juta"
#: A count as written: "45", "1.100", "1,5 ribu", "200 ribu", "dua", "seratus".
NUMBER = (
    rf"(?:\d{{1,3}}(?:\.\d{{3}})+|\d+(?:,\d+)?)(?:\s+{words_re(_MULTIPLIERS)})?"
    rf"|{words_re(_NUMBER_WORDS)}"
)
PRONOUN = re.compile(r"\b(?:[Ii]a|[Dd]ia|[Bb]eliau)(?:pun)?\b")  # also "Diapun berharap"


def parse_number(raw: str) -> int | None:
    """'1.100' -> 1100, '200 ribu' -> 200000, '1,5 ribu' -> 1500, 'dua' -> 2; else None."""
    s = " ".join(raw.lower().split())
    if s in _NUMBER_WORDS:
        return _NUMBER_WORDS[s]
    mult = 1
    for word, factor in _MULTIPLIERS.items():
        if s.endswith(" " + word):
            s, mult = s[: -len(word) - 1], factor
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s):
        return int(s.replace(".", "")) * mult
    if re.fullmatch(r"\d+", s):
        return int(s) * mult
    if re.fullmatch(r"\d+,\d+", s) and mult > 1:
        value = float(s.replace(",", ".")) * mult
        return int(value) if value.is_integer() else None
    return None


# ---------------------------------------------------------------------------
# The Doc's text and sentences
# ---------------------------------------------------------------------------

#: ``Doc.user_data`` key of the text a doc was made from (see :func:`doc_text`).
_TEXT = "kbgraph.text"


def keep_text(doc: Doc, text: str) -> Doc:
    doc.user_data[_TEXT] = text
    return doc


def doc_text(doc: Doc) -> str:
    """The doc's text. ``Doc.text`` joins every token's text again each time it is read
    (as long as the rest of the extraction of a short article); the tokenizer keeps the
    text exactly, so the text the doc was made from is the same string."""
    text = doc.user_data.get(_TEXT)
    return doc.text if text is None else text


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


def doc_sentences(doc: Doc) -> list[tuple[int, int]]:
    """Sentences as (start, end) clean-text offsets, trimmed of surrounding whitespace."""
    text = doc_text(doc)
    out = []
    for start, end in _sentence_chars(doc):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
    return out
