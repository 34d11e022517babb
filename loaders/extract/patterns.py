"""Word lists and small text helpers shared by the date, meeting and speech readers.

The word lists are data (``ontology/lexicon/speech_verbs.csv``, ``meeting_kinds.csv``,
``meeting_cues.csv``); this module loads them once per process and offers the few
text operations all three readers need: an abbreviation-aware sentence splitter
(spaCy's sentencizer cuts after "Drs." or "H."), Indonesian number parsing
("1.100", "200 ribu", "dua"), and lookups over ``Context.found``.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources

from rdflib import URIRef

from ..model import Article, Entity, Span
from .context import Context, Found

__all__ = [
    "NUMBER",
    "PRONOUN",
    "attribution_verbs",
    "dateline_end",
    "evidence_span",
    "lexicon_rows",
    "make_context",
    "meeting_cues",
    "meeting_terms",
    "orgs_in",
    "parse_number",
    "persons_in",
    "places_in",
    "sentence_spans",
    "speech_verbs",
    "words_re",
]


@cache
def lexicon_rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of ``ontology/lexicon/<name>`` (a CSV with a header), read once."""
    path = resources.files("kbgraph.ontology").joinpath("lexicon", name)
    with path.open(encoding="utf-8", newline="") as fh:
        return tuple({k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh))


@cache
def speech_verbs() -> frozenset[str]:
    """Verbs that open reported speech: 'X mengatakan, …', 'Ia meminta …'."""
    return frozenset(r["word"] for r in lexicon_rows("speech_verbs.csv") if r["role"] == "reported")


@cache
def attribution_verbs() -> frozenset[str]:
    """Roots that close a quote: '"…," katanya' / 'ujar X' / 'kata dia'."""
    return frozenset(r["word"] for r in lexicon_rows("speech_verbs.csv") if r["role"] == "attribution")


@cache
def meeting_terms(role: str) -> dict[str, tuple[str, str]]:
    """Meeting words of one role (head, abbrev, anaphor, keyword): term -> (class name, expansion)."""
    return {r["term"]: (r["class"], r["expansion"])
            for r in lexicon_rows("meeting_kinds.csv") if r["role"] == role}


@cache
def meeting_cues(role: str) -> dict[str, int]:
    """Cue words of one role from ``meeting_cues.csv``: cue -> weight (0 when none)."""
    return {r["cue"]: int(r["weight"] or 0)
            for r in lexicon_rows("meeting_cues.csv") if r["role"] == role}


def words_re(words, *, suffix: str = "", space: str = r"\s+") -> str:
    """An alternation of words, longest first, as a non-capturing regex group; a space
    inside a word matches ``space`` (any whitespace by default; the entity readers pass
    blanks only, so a name never runs over a line break)."""
    alts = sorted({re.escape(w).replace(r"\ ", space) for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(alts) + ")" + suffix


# ---------------------------------------------------------------------------
# Sentences
# ---------------------------------------------------------------------------

# Words after which a period does not end a sentence: titles before names, and
# common abbreviations. Degrees after a name ("S.IP.") may end one.
_NO_BREAK_AFTER = frozenset(
    "dr drs dra hj h ir prof st no nomor jl jln kab kec kel prov bpk sdr sdri kh ny tn "  # noqa: SIM905
    "dkk dll dsb yth a.n u.p pt cv tbk s.d sd".split()
)


@cache
def _no_break_after() -> frozenset[str]:
    """The words above, the lexicon's honorifics and abbreviations ("Hi.", "Ny.", "Muh.")
    and shortened first names ("Muh.", "Moh.", "Abd.": ``name_abbreviation``)."""
    words = {r["word"].lower().rstrip(".") for r in lexicon_rows("words.csv")
             if r["kind"] in ("honorific", "abbreviation", "name_abbreviation")}
    return _NO_BREAK_AFTER | frozenset(words)


_BOUNDARY = re.compile(r"[.!?]+[\"”’]?(?=\s+[\"“]?[A-Z0-9])")
_PARA = re.compile(r"[^\n]+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences of ``text`` as (start, end), never across a line break.

    A period after a title or an initial ("Drs.", "H.", "dr.") does not end a
    sentence; a period after a degree ("S.IP. Asep mengatakan") does.
    """
    out: list[tuple[int, int]] = []
    for para in _PARA.finditer(text):
        p0, ptext = para.start(), para.group()
        start = 0
        for m in _BOUNDARY.finditer(ptext):
            before = ptext[start:m.start()].rsplit(None, 1)
            word = before[-1].lstrip("(\"“") if before else ""
            if word.lower() in _no_break_after() or re.fullmatch(r"[A-Z]", word):
                continue
            out.append(_trimmed(text, p0 + start, p0 + m.end()))
            start = m.end()
        if ptext[start:].strip():
            out.append(_trimmed(text, p0 + start, p0 + len(ptext)))
    return [s for s in out if s[1] > s[0]]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_DATELINE = re.compile(
    r"[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+){0,3}(?:\s?\([^)\n]{1,40}\))?\s[-–—]\s"
)


def dateline_end(text: str, start: int) -> int:
    """Offset after a dateline ("KUBU RAYA (ANTARA) - ", "Makassar (Lontara Pos) – ") at ``start``."""
    m = _DATELINE.match(text, start)
    return m.end() if m else start


# ---------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------

_NUMBER_WORDS = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11, "dua belas": 12,
    "seratus": 100, "seribu": 1000,
}
_MULTIPLIERS = {"ribu": 1000, "juta": 1_000_000}
#: A count as written: "133", "1.100", "1,5 ribu", "200 ribu", "dua", "seratus".
NUMBER = (
    r"(?:\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)(?:\s+(?:ribu|juta))?"
    r"|(?:dua\s+belas|sebelas|sepuluh|sembilan|delapan|tujuh|enam|lima|empat|tiga|dua|satu"
    r"|seratus|seribu)"
)
PRONOUN = re.compile(r"\b(?:[Ii]a|[Dd]ia|[Bb]eliau)\b")


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
# Context lookups
# ---------------------------------------------------------------------------

def evidence_span(ctx: Context, start: int, end: int | None = None) -> Span:
    """The clean-text sentence that holds ``start``, as the evidence of a fact."""
    idx = ctx.sentence_of(start)
    if ctx.sentences:
        s, e = ctx.sentences[idx]
        return Span(s, e, idx)
    return Span(start, end if end is not None else start, idx)


def _of_kind(ctx: Context, kind: str, start: int, end: int) -> list[Found]:
    return sorted((f for f in ctx.found_in(start, end) if f.key.startswith(kind + "/")),
                  key=lambda f: (f.start, -f.end))


def persons_in(ctx: Context, start: int, end: int) -> list[Found]:
    """Person occurrences inside [start, end), in text order."""
    return _of_kind(ctx, "person", start, end)


def _outermost(found: list[Found]) -> list[Found]:
    return [f for f in found if not any(o is not f and o.start <= f.start and f.end <= o.end
                                        and (o.end - o.start) > (f.end - f.start) for o in found)]


def orgs_in(ctx: Context, start: int, end: int) -> list[Found]:
    """Organization occurrences inside [start, end), outermost only, in text order."""
    return _outermost(_of_kind(ctx, "org", start, end))


def places_in(ctx: Context, start: int, end: int) -> list[Found]:
    """Place occurrences inside [start, end), outermost only, in text order."""
    return _outermost(_of_kind(ctx, "place", start, end))


def make_context(text: str, names: Iterable[tuple[str, URIRef, str]] = (),
                 published: dt.date | None = None, article_id: str = "test") -> Context:
    """A :class:`Context` built by hand, for tests and notebooks, without the entity pass.

    ``names`` are (entity key, class, surface form): every whole-word occurrence of the
    surface becomes a :class:`Found` (longer surfaces first; nested ones are kept, as
    the entity pass keeps "Makassar" inside "Hotel Claro Makassar").
    """
    article = Article(id=article_id, text=text, source=f"{article_id}.txt", published=published)
    ctx = Context(article=article, text=text, sentences=sentence_spans(text), published=published)
    found: list[Found] = []
    for key, cls, surface in sorted(names, key=lambda n: -len(n[2])):
        ctx.entities.setdefault(key, Entity(key=key, types=[cls], label=surface))
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            if not any(f.key == key and f.start <= m.start() < f.end for f in found):
                found.append(Found(key, cls, m.start(), m.end(), surface, ctx.sentence_of(m.start())))
    ctx.found = sorted(found, key=lambda f: (f.start, -f.end))
    return ctx
