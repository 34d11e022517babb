"""The article body made fit for extraction, with a map back to every original character.

Why offsets matter more than tidiness here: every fact in the graph points at the
characters it was read from in ``Article.text``. So cleaning only ever *replaces one
character by one character* or *removes* characters; ``CleanText.offsets[i]`` is the
original index of clean character ``i``. What it does, in order:

1. Lines. Exact repeats of an earlier line (compared with whitespace and quotes
   normalised) are dropped — scrapers often paste a whole body twice; the first copy
   stays. Boilerplate lines are dropped and their content kept as metadata: the
   copyright footer (``COPYRIGHT © ANTARA News Kalimantan Barat 2019``,
   ``© 2019 Kabar Batanghari. Hak cipta dilindungi undang-undang.`` → ``publisher``,
   ``copyright_year``), ``Baca juga:`` links, and photo captions and credits
   (``Foto: …``, ``… (ANTARA/…)``, ``Pewarta: …``, ``Editor: …``).
2. The dateline at the start of the body (``PONTIANAK (ANTARA) - ``, ``JAMBI - ``,
   ``KUBU RAYA, Kalbar (ANTARA) -``, ``Makassar (Lontara Pos) – ``, ``BANDA ACEH (X): ``,
   an outlet alone ``radartvnews.com – ``) is removed and its place (if any) kept as
   ``dateline_place``.
3. Characters: Unicode NFC (a base letter + combining marks composed into one
   character mapped to the base's offset; left as is if composing would lengthen it),
   curly and angle quotes to ``"`` and ``'``, dashes to ``-``, non-breaking and other odd
   spaces to a space, zero-width characters, soft hyphens, stray controls and the
   ``\\r`` of ``\\r\\n`` removed.

Line breaks are kept: the sentencizer treats ``\\n`` as a boundary, so a headline-like
first line without a final period does not run into the next sentence. Every dropped
range is listed in ``CleanText.dropped`` as ``(start, end, reason)`` with reason one of
``duplicate``, ``copyright``, ``see-also``, ``caption``, ``dateline`` — the extractor can
still find e.g. the publisher's name inside the copyright footer there.
"""

from __future__ import annotations

import re
import unicodedata

from .model import Article, CleanText

__all__ = ["CHAR_MAP", "OUTLET_WORD", "REMOVED_CHARS", "WEB_SUFFIX", "clean", "parse_copyright"]

#: One-to-one replacements (the offset of the character does not change).
CHAR_MAP: dict[str, str] = {
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u301d\u301e\uff02", '"'),
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2039\u203a\u2032\u00b4\u0060", "'"),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
    **dict.fromkeys("\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
                    "\u2009\u200a\u202f\u205f\u3000\t", " "),
    **dict.fromkeys("\u000b\u000c\u0085\u2028\u2029", "\n"),
}
#: Characters removed outright (they carry no text). ``\r`` is handled apart: removed
#: before ``\n``, turned into ``\n`` when alone.
REMOVED_CHARS = frozenset(
    "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
    + "".join(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r\x0b\x0c")
    + "\x7f"
)
_NOT_ONE_TO_ONE = REMOVED_CHARS | {"\r"}
_TABLE = str.maketrans(CHAR_MAP)
#: ``_TABLE`` that also deletes ``REMOVED_CHARS`` (no replacement is one of them).
_KEY_TABLE = str.maketrans({**CHAR_MAP, **dict.fromkeys(REMOVED_CHARS)})

_COPYRIGHT = re.compile(
    r"^\s*(?:(?:copyright|hak\s+cipta)\s*(?:©|\(c\))|©|\(c\)|copyright(?=\s+(?:19|20)\d\d\b))"
    r"\s*(?P<rest>.*?)\s*$", re.IGNORECASE)
_COPYRIGHT_CUT = re.compile(r"\.(?:\s|$)|\s[|\-–—]\s|,\s|\b(?:all\s+rights|hak\s+cipta)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_SEE_ALSO = re.compile(r"^\s*(?:baca\s+juga|lihat\s+juga|simak\s+juga|berita\s+terkait)\s*:", re.IGNORECASE)
_CAPTION = re.compile(
    r"^\s*(?:foto|pewarta|editor|penulis|reporter|redaktur|penyunting|fotografer|"
    r"sumber\s+foto|ilustrasi)\s*:", re.IGNORECASE)
# A photo credit closing a line: "(ANTARA/Jessica Wuysang)", "(ANTARA FOTO/…)", "(Foto/…)".
_CREDIT = re.compile(r"\((?:ANTARA|[A-Za-z]+\s+FOTO|FOTO|Foto)\b[^()\n]*/[^()\n]*\)\s*$")
#: A written name that can only be an outlet, never a place: a web address
#: ("radartvnews.com", "BERITA-SULSEL.COM", "dprd-diy.go.id") or a word with a capital
#: or "!" inside it ("KlikMINUT", "PadangKita", "Hi!Pontianak"; no place is written so).
#: The endings of a web address an outlet goes by (``publishers.WEB`` reads the same).
WEB_SUFFIX = r"com|co\.id|id|net|news"
OUTLET_WORD = (r"(?:[A-Za-z0-9][\w!]*(?:[.-][\w!]+)*\.(?i:" + WEB_SUFFIX + r"|org)(?![\w.])"
               r"|[A-Z][a-z]+[A-Z!][\w!]*(?![\w.]))")
_DATELINE = re.compile(
    r"""^[ \t\u00a0]*
    (?:(?P<lead>""" + OUTLET_WORD + r""")(?=[ \u00a0]*(?:--?|–|—)[ \u00a0]+)  # radartvnews.com –
    |(?:""" + OUTLET_WORD + r"""(?:-|,[ \u00a0]*|[ \u00a0]*\|[ \u00a0]*)(?=[A-Z]))?  # X.COM-Pekanbaru —, HayKalsel, Kotabaru –, AcehNews.net|TAKENGON –
     (?P<place>[A-Z][A-Z'.]+(?:[ \u00a0]+[A-Z][A-Z'.]*){0,4}       # PONTIANAK, KUBU RAYA
             |[A-Z][a-z'.]+(?:[ \u00a0]+[A-Z][a-z'.]+){0,3})      # Makassar, Bandar Lampung
     (?:[ \u00a0]+\|[ \u00a0]+""" + OUTLET_WORD + r"""(?=[ \u00a0]*(?:--?|–|—)))?  # TAKENGON | AcehNews.net –
    )
    (?:,[ \u00a0]*(?P<qualifier>""" + OUTLET_WORD + r"""|[^\n,()\-–—|]{1,40}?)?)?  # , Kalbar
    [ \u00a0]*(?:\((?P<agency>[^()\n]{1,40})\))?                  # (ANTARA)
    (?:(?:[ \u00a0]*(?:--?|–|—)(?:[ \u00a0]+|(?(qualifier)(?=[A-Z])|(?(agency)(?=[A-Z])|(?!))))  # " - ", ", X.com-Deputi", "(PB.COM)—Kepala"
         |[ \u00a0]+\|[ \u00a0]+                                   # WONOSARI | Kegiatan
         |(?<=\))\.[ \u00a0]+)(?=\S)                               # BARRU, (PEDOMAN KARYA). Pada
       |(?<=[^\W\d_]\))[ \u00a0]*:(?:[ \u00a0]+(?=\S)|[ \u00a0]*$))          # BANDA ACEH (Waspada): Perwakilan
    """, re.VERBOSE)
_MAX_BOILERPLATE = 400  # a longer line is prose, whatever it starts with


def clean(article: Article) -> CleanText:
    """Clean ``article.text``; see the module docstring for what and why."""
    text = article.text
    dropped: list[tuple[int, int, str]] = []
    publisher: str | None = None
    year: int | None = None
    place: str | None = None
    seen: set[str] = set()
    first_body_line = True
    for start, end, nl_end in _lines(text):
        line = text[start:end]
        key = _compare_key(line)
        if not key:
            continue
        if key in seen:
            dropped.append((start, nl_end, "duplicate"))
            continue
        seen.add(key)
        reason = _boilerplate(line)
        if reason == "copyright":
            pub, yr = parse_copyright(line)
            publisher = publisher or pub
            year = year or yr
        if reason:
            dropped.append((start, nl_end, reason))
            continue
        if first_body_line:
            first_body_line = False
            m = _DATELINE.match(line)
            if m:
                place = m.group("place")
                if place and re.fullmatch(OUTLET_WORD, place):  # "REPUBLIKA.CO.ID, MATARAM --"
                    place = m.group("qualifier")
                place = " ".join(place.split()) if place else None
                dropped.append((start, start + m.end(), "dateline"))
    out, offsets = _rebuild(text, dropped)
    final = offsets[-1] + 1 if offsets else 0
    return CleanText(
        text=out,
        offsets=tuple(offsets) + (final,),
        publisher=publisher,
        copyright_year=year,
        dateline_place=place,
        dropped=tuple(_merge(dropped)),
    )


def _lines(text: str):
    """(start, end, end including the newline) of each ``\\n``-separated line."""
    pos = 0
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        if nl < 0:
            yield pos, n, n
            return
        yield pos, nl, nl + 1
        pos = nl + 1


def _compare_key(line: str) -> str:
    """The line as compared for repeats: NFC, quotes/spaces normalised, no zero-widths."""
    return " ".join(unicodedata.normalize("NFC", line).translate(_KEY_TABLE).split())


def _boilerplate(line: str) -> str | None:
    """The reason a whole line is boilerplate, or None if it is body text."""
    if len(line.strip()) > _MAX_BOILERPLATE:
        return None
    if _COPYRIGHT.match(line):
        return "copyright"
    if _SEE_ALSO.match(line):
        return "see-also"
    if _CAPTION.match(line) or _CREDIT.search(line):
        return "caption"
    return None


def parse_copyright(line: str) -> tuple[str | None, int | None]:
    """Publisher and year from a copyright footer line, e.g.
    ``("ANTARA News Kalimantan Barat", 2019)``; ``(None, None)`` if it is not one."""
    m = _COPYRIGHT.match(line)
    if not m:
        return None, None
    rest = _COPYRIGHT_CUT.split(m.group("rest").translate(_TABLE), maxsplit=1)[0]
    years = _YEAR.findall(rest)
    name = _YEAR.sub(" ", rest)
    name = re.sub(r"^[\s\-–,.:©]+|[\s\-–,.:©]+$", "", " ".join(name.split()))
    return (name or None), (int(years[-1]) if years else None)


def _rebuild(text: str, dropped: list[tuple[int, int, str]]) -> tuple[str, list[int]]:
    """The clean text and the original offset of each of its characters."""
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for start, end, _ in sorted(dropped):
        if start > pos:
            _emit(text, pos, start, out, offsets)
        pos = max(pos, end)
    if pos < len(text):
        _emit(text, pos, len(text), out, offsets)
    return "".join(out), offsets


def _emit(text: str, a: int, b: int, out: list[str], offsets: list[int]) -> None:
    segment = text[a:b]
    if _NOT_ONE_TO_ONE.isdisjoint(segment) and unicodedata.is_normalized("NFC", segment):
        out.append(segment.translate(_TABLE))
        offsets.extend(range(a, b))
        return
    i = a
    while i < b:
        c = text[i]
        if c in REMOVED_CHARS:
            i += 1
            continue
        if c == "\r":
            if i + 1 < len(text) and text[i + 1] == "\n":
                i += 1
                continue
            out.append("\n")
            offsets.append(i)
            i += 1
            continue
        j = i + 1
        while j < b and unicodedata.combining(text[j]):
            j += 1
        run = text[i:j]
        composed = unicodedata.normalize("NFC", run)
        places = _places(run, composed)
        if places is None:  # NFC would lengthen or reorder it (rare): keep it as written
            composed, places = run, list(range(len(run)))
        for ch, k in zip(composed, places):
            out.append(CHAR_MAP.get(ch, ch))
            offsets.append(i + k)
        i = j


def _places(run: str, composed: str) -> list[int] | None:
    """Where each character of ``NFC(run)`` comes from in ``run``: the first from the
    base (index 0), each left-over mark from its own index. None when the marks left
    over are not, in order, marks of ``run`` (NFC expanded or reordered them)."""
    if not composed or len(composed) > len(run):
        return None
    places = [0]
    at = 1
    for ch in composed[1:]:
        found = run.find(ch, at)
        if found < 0:
            return None
        places.append(found)
        at = found + 1
    return places


def _merge(dropped: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Sorted, with touching ranges of the same reason joined."""
    merged: list[tuple[int, int, str]] = []
    for start, end, reason in sorted(dropped):
        if merged and merged[-1][2] == reason and merged[-1][1] == start:
            merged[-1] = (merged[-1][0], end, reason)
        else:
            merged.append((start, end, reason))
    return merged
