"""Dates as Indonesian news prose writes them, resolved to calendar dates.

Shapes read: "12-13 Maret 2021", "Rabu kemarin (26/9)", "(24/08/2022)", "3 hingga 5 Maret 2020", "30 November - 2 Desember
2019", "Kamis (31/1)", "Selasa (12/3/2019)", "Jumat (12/10/18)", "Rabu, (5/10-2022)", "pada 14 Januari 2016", "12 Des 2019",
"akhir Oktober 2024" (a month), "pada Mei mendatang", "tahun 2018" / "pada 2021" (a
year), and a bare weekday "Selasa".

Resolution, never guessing: a date without a year takes the publication year; a bare
weekday is the nearest such day on or before publication; with no publication date a
bare weekday is looked for inside the article's own explicit date ranges ("Selasa"
with "15-16 Maret 2021" is 2021-03-16); a weekday that disagrees with an
explicit date loses to the date; what cannot be resolved (or "31 Februari") is left out; a mistyped year ("Senin
(4/9/3017)") counts only where the weekday confirms the publication year; with no publication date, a
day and month with a weekday ("Rabu (2/8)") take the one year the article writes that fits the weekday.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable

from kbgraph.ontology.lexicon import load_lexicon
from spacy.language import Language
from spacy.tokens import Doc

from .registry import Context, DateMention, of
from .text import initials, starting

__all__ = ["MONTHS", "WEEKDAYS", "dates_in", "find_dates"]

_LEX = load_lexicon()
#: Month words (lower case, abbreviations too) → month number: ``calendar.csv``.
MONTHS: dict[str, int] = _LEX.calendar_words("month")
_FULL_MONTHS = tuple(_LEX.calendar_words("month", full=True))
#: Python weekday numbers (Monday = 0).
WEEKDAYS: dict[str, int] = _LEX.calendar_words("weekday")


def _alt(words: Iterable[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


def _alt_re(kind: str, number: int | None = None) -> str:
    """The words of one kind of ``calendar.csv`` (of one number, when given) as a regex
    alternation; lower-case words match in any case, others ("TA") as written."""
    words = [w for w, n in _LEX.calendar_words(kind).items() if number is None or n == number]
    alts = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(
        (f"(?i:{re.escape(w)})" if w.islower() else re.escape(w)).replace(r"\ ", r"\s+") for w in alts) + ")"


_PAST = _LEX.calendar_words("month_relative")  # word → 1 (ahead of publication) or -1 (before it)


_MONTH = rf"(?:(?i:{_alt(_FULL_MONTHS)})\b|(?i:{_alt(set(MONTHS) - set(_FULL_MONTHS))})\b\.?)"
_MONTH_FULL = "|".join(sorted({w.capitalize() for w in _FULL_MONTHS} | {w.upper() for w in _FULL_MONTHS},
                              key=len, reverse=True))
_WEEKDAY = _alt({w.capitalize() for w in WEEKDAYS} | {w.upper() for w in WEEKDAYS})
_YEAR = r"(?:19|20)\d{2}"
_SEP_TO = rf"(?:\s*[-–—]\s*|\s+{_alt_re('range_to')}\s+)"
_SEP = rf"(?:{_SEP_TO}|\s+{_alt_re('range_and')}\s+)"  # "25 dan 26 November": two days of one event
_NOT_PERIOD = r"(?!\s*[-–/]\s*\d)"


_DIGIT = {r"\d"}
_TODAY = tuple(w for w, n in _LEX.calendar_words("day").items() if n == 0)  # "hari ini"
_WD_FIRST = initials(_WEEKDAY.split("|"))
_MONTH_FIRST = initials(_MONTH_FULL.split("|"))
_PART_OF = _LEX.word_list("date_part")  # "awal Maret", "akhir tahun 2019"
_BEFORE_MONTH = (*_LEX.word_list("before_month"), *_PART_OF)  # "pada Mei", "sejak April"
_BEFORE_YEAR = (*_LEX.word_list("before_year"), *_PART_OF)
_YEAR_FIRST = {c for w in _LEX.calendar_words("year_word") for c in ({w[0].upper(), w[0].lower()} if w.islower() else {w[0]})}

# In priority order: a longer, more explicit shape wins over the parts it contains.
# Each behind the characters a match can start with (``text.starting``: the scans of
# every article are twice as fast, the matches the same).
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "dari Kamis hingga Sabtu (8/10)", "sejak hari ini hingga Rabu 22 September 2021": the
    # first day by its weekday (or as the publication day) before the written last day
    ("wdrange", starting(_WD_FIRST | initials(_TODAY),
        rf"\b(?:(?P<wd1>{_WEEKDAY})|(?P<today>{_alt(_TODAY)})){_SEP_TO}(?P<wd>{_WEEKDAY})\b\s*,?\s*"
        rf"(?:\((?:(?P<dp>\d{{1,2}})\s*[-–]\s*)?(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})(?:/(?P<y>\d{{4}}|\d{{2}}))?\)"
        rf"|(?:(?P<d0>\d{{1,2}})\s*[-–]\s*)?(?P<dd>\d{{1,2}})\s+(?P<mm>{_MONTH})(?:\s+(?P<yy>{_YEAR}))?\b)")),
    ("xrange", starting(_DIGIT,
        rf"\b(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH})(?:\s+(?P<y1>{_YEAR}))?{_SEP_TO}"
        rf"(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH})(?:\s+(?P<y2>{_YEAR})\b)?")),
    ("range", starting(_DIGIT,
        rf"\b(?P<d1>\d{{1,2}}){_SEP}(?P<d2>\d{{1,2}})\s+(?P<m>{_MONTH})(?:\s+(?P<y>{_YEAR})\b)?")),
    ("paren", starting(_WD_FIRST | {r"\("},
        rf"(?:\b(?P<wd>{_WEEKDAY})\b\s*,?\s*(?:{_alt_re('month_relative', -1)}\s+)?)?\((?P<d1>\d{{1,2}})(?:\s*[-–]\s*(?P<d2>\d{{1,2}}))?"
        rf"/(?P<m>\d{{1,2}})(?:(?:/|-(?=(?:19|20)\d\d\)))(?P<y>\d{{4}}|\d{{2}}))?\)")),
    ("day", starting(_WD_FIRST | _DIGIT,
        rf"(?:\b(?P<wd>{_WEEKDAY})\b\s*,?\s+)?\b(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH})"
        rf"(?:\s+(?P<y>{_YEAR})\b)?")),
    ("numeric", starting(_DIGIT,
        rf"\b(?:(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>{_YEAR})"
        rf"|(?P<iy>{_YEAR})-(?P<im>\d{{2}})-(?P<id>\d{{2}}))\b")),
    ("monthyear", starting(initials(_PART_OF) | initials(_LEX.calendar_words("month_word")) | _MONTH_FIRST,
        rf"(?:\b(?:{'|'.join(_PART_OF)})\s+)?(?:\b{_alt_re('month_word')}\s+)?\b(?P<m>{_MONTH_FULL})\s+"
        rf"(?P<y>{_YEAR})\b{_NOT_PERIOD}")),
    ("month", starting(initials(_BEFORE_MONTH),
        rf"\b(?:{'|'.join(_BEFORE_MONTH)})\s+"
        rf"(?P<t>(?P<m>{_MONTH_FULL})\b(?:\s+(?P<rel>{_alt_re('month_relative')}))?)")),
    ("year", starting(initials(_BEFORE_YEAR) | _YEAR_FIRST,
        rf"(?:\b(?:{'|'.join(_BEFORE_YEAR)})\s+|(?=\b{_alt_re('year_word')}\b))"
        rf"(?P<t>(?:{_alt_re('year_word')}\s+)?(?P<y>{_YEAR}))\b{_NOT_PERIOD}")),
    ("weekday", starting(_WD_FIRST,
        rf"\b(?P<wd>{_WEEKDAY})\b(?!\s+{_alt_re('not_after_weekday')}\b)")),
]


def find_dates(ctx: Context) -> None:
    """Read every date mention of ``ctx.text`` into ``ctx.dates`` (sorted by offset)."""
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    weekdays: list[re.Match[str]] = []
    # no publication date: the years the article writes, for a day and month its weekday dates
    years = () if ctx.published else tuple(sorted({int(y) for y in _WRITTEN_YEAR.findall(ctx.text)}))
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(ctx.text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            if kind == "weekday":
                weekdays.append(m)  # resolved last, against the explicit dates
                continue
            resolved = _resolve(kind, m, ctx.published, years)
            if resolved:
                first, last, out_kind = resolved
                found.append(_mention(ctx, m, first, last, out_kind))
    spans = [(d.first, d.last) for d in found if d.kind in ("range", "day")]
    for m in weekdays:
        day = _weekday(WEEKDAYS[m.group("wd").lower()], ctx.published, spans)
        if day:
            found.append(_mention(ctx, m, day, day, "weekday"))
    ctx.dates = sorted(found, key=lambda d: (d.start, d.end))


_WRITTEN_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def dates_in(ctx: Context, start: int, end: int) -> list[DateMention]:
    """The date mentions inside [start, end), in text order."""
    return [d for d in ctx.dates if d.start >= start and d.end <= end]


def _mention(ctx: Context, m: re.Match[str], first: dt.date, last: dt.date, kind: str) -> DateMention:
    start = m.start("t") if "t" in m.re.groupindex else m.start()
    return DateMention(start=start, end=m.end(), sentence=ctx.sentence_of(start),
                       first=first, last=last, text=ctx.text[start:m.end()], kind=kind)


def _month(raw: str) -> int:
    return MONTHS[raw.rstrip(".").lower()]


def _date(y: int | None, m: int, d: int) -> dt.date | None:
    if y is None:
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _year(raw: str | None, published: dt.date | None) -> int | None:
    if raw:
        return 2000 + int(raw) if len(raw) == 2 else int(raw)
    return published.year if published else None


def _resolve(kind: str, m: re.Match[str], pub: dt.date | None,
             years: tuple[int, ...] = ()) -> tuple[dt.date, dt.date, str] | None:
    g = m.groupdict()
    if pub is None and not g.get("y") and g.get("wd") and kind in ("paren", "day"):
        # "Rabu (2/8)" in an undated article that writes 2023: the one written year whose
        # 2 August is a Wednesday
        month = _month(g["m"]) if kind == "day" else int(g["m"])
        day = int(g["d"] if kind == "day" else g["d1"])
        fits = [y for y in years if (d := _date(y, month, day)) and d.weekday() == WEEKDAYS[g["wd"].lower()]]
        if len(fits) == 1:
            pub = dt.date(fits[0], 12, 31)
    if kind == "xrange":
        y2 = _year(g["y2"], pub)
        y1 = int(g["y1"]) if g["y1"] else y2
        first, last = _date(y1, _month(g["m1"]), int(g["d1"])), _date(y2, _month(g["m2"]), int(g["d2"]))
        if first and last and first > last and not g["y1"]:
            first = _date(y1 - 1, _month(g["m1"]), int(g["d1"]))
        return (first, last, "range") if first and last and first <= last else None
    if kind in ("range", "paren"):
        month = _month(g["m"]) if kind == "range" else int(g["m"])
        if kind == "paren" and g["y"] and len(g["y"]) == 4 and not g["y"].startswith(("19", "20")):
            # "Senin (4/9/3017)": a mistyped year; the weekday must then say which year
            first = _date(_year(None, pub), month, int(g["d1"]))
            ok = first and g.get("wd") and first.weekday() == WEEKDAYS[g["wd"].lower()]
            return (first, first, "day") if ok and not g["d2"] else None
        y = _year(g["y"], pub)
        first = _date(y, month, int(g["d1"]))
        last = _date(y, month, int(g["d2"])) if g["d2"] else first
        if first and last and kind == "paren" and not g["y"]:
            first, last = _fit_weekday(first, last, g.get("wd"), pub)
        elif first and first == last and kind == "paren" and g.get("wd"):
            first = last = _fit_month(first, WEEKDAYS[g["wd"].lower()], pub)
        if not (first and last and first <= last):
            return None
        return first, last, "range" if last > first else "day"
    if kind == "wdrange":
        return _weekday_range(g, pub)
    if kind == "day":
        first = _date(_year(g["y"], pub), _month(g["m"]), int(g["d"]))
        if first and not g["y"]:
            first, _ = _fit_weekday(first, first, g.get("wd"), pub)
        return (first, first, "day") if first else None
    if kind == "numeric":
        if g["iy"]:
            first = _date(int(g["iy"]), int(g["im"]), int(g["id"]))
        else:
            first = _date(int(g["y"]), int(g["m"]), int(g["d"]))
        return (first, first, "day") if first else None
    if kind in ("monthyear", "month"):
        month = _month(g["m"])
        y = int(g["y"]) if g.get("y") else _relative_year(month, g.get("rel"), pub)
        if y is None:
            return None
        return dt.date(y, month, 1), dt.date(y, month, calendar.monthrange(y, month)[1]), "month"
    if kind == "year":
        y = int(g["y"])
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
    return None


def _weekday_range(g: dict[str, str | None], pub: dt.date | None) -> tuple[dt.date, dt.date, str] | None:
    """'Kamis hingga Sabtu (8/10)': the last day as written, the first the weekday before it
    (or the publication day: 'hari ini', or the day written: 'Rabu hingga Kamis, 21-22 Mei');
    a last day whose weekday disagrees is no range."""
    if g["d"]:
        last = _date(_year(g["y"], pub), int(g["m"]), int(g["d"]))
    else:
        last = _date(_year(g["yy"], pub), _month(g["mm"]), int(g["dd"]))
    if last is None or last.weekday() != WEEKDAYS[g["wd"].lower()]:
        return None
    if g["today"]:
        first = pub
    elif g["d0"] or g["dp"]:  # "Rabu hingga Kamis, 21-22 Mei 2025", "Sabtu-Minggu (8-9/3)"
        first = _date(last.year, last.month, int(g["d0"] or g["dp"]))
    else:
        first = last - dt.timedelta(days=(last.weekday() - WEEKDAYS[g["wd1"].lower()]) % 7)
    if first is None or not first <= last:
        return None
    return first, last, "range" if last > first else "day"


def _relative_year(month: int, rel: str | None, pub: dt.date | None) -> int | None:
    """'Mei mendatang' / 'April lalu' relative to publication; plain months take its year."""
    if pub is None:
        return None
    step = _PAST.get(rel.lower(), 0) if rel else 0
    if step > 0 and month < pub.month:
        return pub.year + 1
    if step < 0 and month > pub.month:
        return pub.year - 1
    return pub.year


def _fit_weekday(first: dt.date, last: dt.date, wd: str | None,
                 pub: dt.date | None) -> tuple[dt.date, dt.date]:
    """A yearless date after publication whose weekday fits the year before moves back a year."""
    if not wd or pub is None or first <= pub:
        return first, last
    want = WEEKDAYS[wd.lower()]
    prev = _date(first.year - 1, first.month, first.day)
    prev_last = _date(last.year - 1, last.month, last.day)
    if first.weekday() != want and prev and prev_last and prev.weekday() == want:
        return prev, prev_last
    return first, last


def _fit_month(day: dt.date, want: int, pub: dt.date | None) -> dt.date:
    """'Senin (2/11/2019)' published on Monday 2 December 2019: a written month one off,
    which the weekday and the publication day put right (the same day of the month next
    to it, with that weekday, on or before publication and at most a week before it);
    else the day as written."""
    if day.weekday() == want or pub is None:
        return day
    for step in (1, -1):
        month = day.month + step
        year = day.year + (month - 1) // 12
        other = _date(year, (month - 1) % 12 + 1, day.day)
        if other and other.weekday() == want and 0 <= (pub - other).days <= 7:
            return other
    return day


def _weekday(want: int, pub: dt.date | None, spans: list[tuple[dt.date, dt.date]]) -> dt.date | None:
    """A bare weekday: on or before publication; else inside the article's explicit dates."""
    if pub is not None:
        return pub - dt.timedelta(days=(pub.weekday() - want) % 7)
    matches = []
    for first, last in spans:
        day = first
        while day <= last and (day - first).days <= 31:
            if day.weekday() == want:
                matches.append(day)
            day += dt.timedelta(days=1)
    return max(matches) if matches else None


@Language.component("kb_dates")
def dates_stage(doc: Doc) -> Doc:
    """Stage 11: every date of the article (``registry.Context.dates``)."""
    find_dates(of(doc).ctx)
    return doc
