"""The lexicon files of ``ontology/lexicon/`` as plain, read-only records.

The lexicon is data: known organizations, programs, frameworks, regulations, places
and the words Indonesian news uses around them (titles, honorifics, degrees, venue
words). This module only reads the CSV files (format in ``lexicon/README.md``) and
checks them; it knows nothing of spaCy, RDF or the rest of kbgraph, so that the files
can be edited and tested on their own. Class names stay CURIE strings
(``"kb:RepresentativeOffice"``); the loaders turn them into IRIs.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = [
    "LEXICON_DIR",
    "Body",
    "CalendarWord",
    "Entry",
    "KnownPerson",
    "Lexicon",
    "LexiconError",
    "MeetingTerm",
    "NumberWord",
    "PostTitle",
    "Priority",
    "Province",
    "Regency",
    "Regulation",
    "RegulationType",
    "load_lexicon",
    "load_token_patterns",
    "split_list",
]

LEXICON_DIR = Path(__file__).resolve().parent / "lexicon"


class LexiconError(ValueError):
    """A lexicon file that cannot be read as documented (file, line and problem)."""


@dataclass(frozen=True, slots=True)
class Province:
    label: str  # "Provinsi Kalimantan Barat"
    name: str  # "Kalimantan Barat"
    wikidata: str | None
    iso: str | None
    short_forms: tuple[str, ...]  # "Kalbar"
    aliases: tuple[str, ...]
    capital: str | None  # name of the capital city ("Pontianak")


@dataclass(frozen=True, slots=True)
class Regency:
    label: str  # "Kota Pontianak" / "Kabupaten Kubu Raya"
    kind: str  # "kota" | "kabupaten"
    name: str  # "Pontianak"
    wikidata: str | None
    kemendagri: str | None  # "61.71"
    province: str  # province name, as in Province.name
    bare: bool  # may the bare name (without Kota/Kabupaten) be read as this place?
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Entry:
    """A known organization, program or framework."""

    kind: str  # "org" | "program" | "framework"
    label: str
    cls: str  # CURIE of the most specific class
    abbreviation: str | None
    aliases: tuple[str, ...]
    label_en: str | None
    wikidata: str | None
    parent: str | None  # label of the parent entry (organization or program)
    run_by: str | None  # programs: label of the organization running it
    level: str | None  # organizations: pusat | provinsi | kabupaten | kota
    #: (old name, when the new name took effect: "YYYY", "YYYY-MM" or "YYYY-MM-DD", as
    #: precise as the sources say, or None)
    former_names: tuple[tuple[str, str | None], ...]
    periodic: bool  # the label takes a period or year ("RPJMN 2015-2019")
    owner: bool  # frameworks: may name an owner ("Renstra BKKBN")
    office: str | None  # organizations: the word for a provincial office ("Perwakilan")
    patterns: tuple[str, ...] = ()  # more surface forms to match, not published as aliases
    name_sources: tuple[str, ...] = ()  # what states the renames (a regulation, a URL)


@dataclass(frozen=True, slots=True)
class Body:
    """A kind of regional body: a head word (``Dinas``) or a full name with abbreviations."""

    name: str
    abbreviations: tuple[str, ...]
    cls: str
    shape: str  # "head": takes topic words ("Dinas Kesehatan …"); "name": fixed name
    parent: str | None = None  # label of an organization row: the body's parent (TP PKK →
    # PKK) instead of the regional government
    places: tuple[str, ...] = ()  # the kinds of region it exists in (province, kabupaten,
    # kota); empty: any ("Kantor Kementerian Agama" is a regency's or city's, never a province's)


@dataclass(frozen=True, slots=True)
class RegulationType:
    abbreviation: str  # "Perpres"
    full: str  # "Peraturan Presiden"
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Regulation:
    type: str  # abbreviation, as in RegulationType.abbreviation
    number: str
    year: str
    title: str | None


@dataclass(frozen=True, slots=True)
class Priority:
    framework: str  # label of the framework entry
    number: int
    description: str


@dataclass(frozen=True, slots=True)
class PostTitle:
    title: str  # "Kepala", "Wakil Bupati"
    attaches: str  # org | regency_gov | city_gov | province_gov | region_gov | none | honorary
    canonical: str  # the title spelled out ("Sekda" -> "Sekretaris Daerah"), else the title
    heads_unit: bool = False  # "<title> Bidang X …" heads the division Bidang X


@dataclass(frozen=True, slots=True)
class KnownPerson:
    label: str  # "Joko Widodo"
    aliases: tuple[str, ...]  # names the news uses for the same person ("Jokowi")


@dataclass(frozen=True, slots=True)
class CalendarWord:
    word: str  # "januari", "jan", "jum'at" (lower case)
    kind: str  # "month" | "weekday"
    number: int  # month 1-12; weekday as Python numbers it (Monday = 0)
    full: bool  # the full month name (not an abbreviation)


@dataclass(frozen=True, slots=True)
class NumberWord:
    word: str  # "dua", "dua belas", "kelima", "ribu"
    value: int
    kind: str  # "cardinal" | "ordinal" | "multiplier"


@dataclass(frozen=True, slots=True)
class MeetingTerm:
    term: str  # "rapat koordinasi", "rakor"
    cls: str  # ontology class name ("CoordinationMeeting")
    role: str  # head | abbrev | anaphor | keyword
    expansion: str  # what an abbreviation stands for ("" when none)


@dataclass(frozen=True, slots=True)
class Lexicon:
    provinces: tuple[Province, ...]
    regencies: tuple[Regency, ...]
    entries: tuple[Entry, ...]
    bodies: tuple[Body, ...]
    regulation_types: tuple[RegulationType, ...]
    regulations: tuple[Regulation, ...]
    priorities: tuple[Priority, ...]
    post_titles: tuple[PostTitle, ...]
    words: dict[str, tuple[str, ...]]  # kind -> words (honorific, degree, venue, ...)
    persons: tuple[KnownPerson, ...] = ()  # persons named by a short name ("Jokowi")
    calendar: tuple[CalendarWord, ...] = ()  # calendar.csv
    numbers: tuple[NumberWord, ...] = ()  # numbers.csv
    speech_verbs: tuple[tuple[str, str], ...] = ()  # speech_verbs.csv: (word, role)
    meeting_terms: tuple[MeetingTerm, ...] = ()  # meeting_kinds.csv
    meeting_cues: tuple[tuple[str, str, int], ...] = ()  # meeting_cues.csv: (cue, role, weight)
    unit_fields: tuple[tuple[str, str], ...] = ()  # unit-fields.csv: (short, field)

    def word_list(self, kind: str) -> tuple[str, ...]:
        """The words of one kind in ``words.csv`` (empty when there are none)."""
        return self.words.get(kind, ())

    def calendar_words(self, kind: str, *, full: bool = False) -> dict[str, int]:
        """Month or weekday words (lower case) → number, in file order; ``full``: full
        month names only."""
        return {c.word: c.number for c in self.calendar
                if c.kind == kind and (c.full or not full)}

    def number_words(self, *kinds: str) -> dict[str, int]:
        """Number words of the given kinds → value, in file order."""
        return {n.word: n.value for n in self.numbers if n.kind in kinds}

    def speech_words(self, role: str) -> tuple[str, ...]:
        """Verbs of one role of ``speech_verbs.csv`` (reported, attribution)."""
        return tuple(w for w, r in self.speech_verbs if r == role)

    def meeting_words(self, role: str) -> dict[str, tuple[str, str]]:
        """Meeting terms of one role → (class name, expansion)."""
        return {t.term: (t.cls, t.expansion) for t in self.meeting_terms if t.role == role}

    def cue_weights(self, role: str) -> dict[str, int]:
        """Cues of one role of ``meeting_cues.csv`` → weight (0 when none)."""
        return {c: w for c, r, w in self.meeting_cues if r == role}


def split_list(value: str | None) -> tuple[str, ...]:
    """A ``|``-separated cell as a tuple of stripped, non-empty, unique items."""
    out: list[str] = []
    for item in (value or "").split("|"):
        item = item.strip()
        if item and item not in out:
            out.append(item)
    return tuple(out)


def _rows(directory: Path, name: str, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    path = directory / name
    try:
        fh = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read lexicon file ({exc.strerror})") from exc
    with fh:
        reader = csv.DictReader(fh)
        missing = [c for c in required if c not in (reader.fieldnames or ())]
        if missing:
            raise LexiconError(f"{path}: missing column(s) {', '.join(missing)}")
        for line, row in enumerate(reader, start=2):
            yield line, {k: (v or "").strip() for k, v in row.items() if k is not None}


def _flag(value: str, where: str) -> bool:
    if value in ("", "0", "no", "false"):
        return False
    if value in ("1", "yes", "true"):
        return True
    raise LexiconError(f"{where}: expected 0/1, got {value!r}")


_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _former(value: str, where: str) -> tuple[tuple[str, str | None], ...]:
    """``old name@2019-12`` → ``(old name, "2019-12")``: a year, a month or a day, only
    as precise as the sources of the rename say (never a day no source gives)."""
    out = []
    for item in split_list(value):
        name, _, since = item.partition("@")
        since = since.strip()
        m = _PARTIAL_DATE.match(since)
        try:
            if m and m.group(3):
                dt.date.fromisoformat(since)
            elif m and m.group(2) and not 1 <= int(m.group(2)) <= 12 or since and not m:
                raise ValueError(since)
        except ValueError as exc:
            raise LexiconError(f"{where}: bad date {since!r} in former_names "
                               "(YYYY, YYYY-MM or YYYY-MM-DD)") from exc
        out.append((name.strip(), since or None))
    return tuple(out)


def _entries(directory: Path) -> tuple[Entry, ...]:
    out: list[Entry] = []
    for line, r in _rows(directory, "organizations.csv", ("label", "class")):
        where = f"organizations.csv:{line}"
        out.append(Entry("org", r["label"], r["class"], r.get("abbreviation") or None,
                         split_list(r.get("aliases")), r.get("label_en") or None,
                         r.get("wikidata") or None, r.get("parent") or None, None,
                         r.get("level") or None, _former(r.get("former_names", ""), where),
                         False, False, r.get("office") or None,
                         split_list(r.get("patterns")), split_list(r.get("name_sources"))))
    for line, r in _rows(directory, "programs.csv", ("label",)):
        where = f"programs.csv:{line}"
        out.append(Entry("program", r["label"], "kb:Program", r.get("abbreviation") or None,
                         split_list(r.get("aliases")), r.get("label_en") or None, None,
                         r.get("parent") or None, r.get("run_by") or None, None,
                         _former(r.get("former_names", ""), where),
                         _flag(r.get("periodic", ""), where), False, None,
                         split_list(r.get("patterns")), split_list(r.get("name_sources"))))
    for line, r in _rows(directory, "frameworks.csv", ("label", "class")):
        where = f"frameworks.csv:{line}"
        out.append(Entry("framework", r["label"], r["class"], r.get("abbreviation") or None,
                         split_list(r.get("aliases")), r.get("label_en") or None, None, None,
                         None, None, (), _flag(r.get("periodic", ""), where),
                         _flag(r.get("owner", ""), where), None))
    labels = {(e.kind, e.label) for e in out}
    for e in out:
        if e.parent and (e.kind, e.parent) not in labels:
            raise LexiconError(f"{e.kind} {e.label!r}: unknown parent {e.parent!r}")
        if e.run_by and ("org", e.run_by) not in labels:
            raise LexiconError(f"program {e.label!r}: unknown run_by {e.run_by!r}")
    return tuple(out)


@lru_cache(maxsize=4)
def load_lexicon(directory: str | Path | None = None) -> Lexicon:
    """Read every lexicon file once (cached per directory); raise LexiconError if malformed."""
    d = Path(directory) if directory is not None else LEXICON_DIR
    provinces = tuple(
        Province(r["label"], r["name"], r.get("wikidata") or None, r.get("iso") or None,
                 split_list(r.get("short_forms")), split_list(r.get("aliases")),
                 r.get("capital") or None)
        for _, r in _rows(d, "provinces.csv", ("label", "name")))
    province_names = {p.name for p in provinces}
    regencies = []
    for line, r in _rows(d, "regencies.csv", ("label", "kind", "name", "province")):
        if r["kind"] not in ("kota", "kabupaten"):
            raise LexiconError(f"regencies.csv:{line}: kind must be kota or kabupaten")
        if r["province"] not in province_names:
            raise LexiconError(f"regencies.csv:{line}: unknown province {r['province']!r}")
        regencies.append(Regency(r["label"], r["kind"], r["name"], r.get("wikidata") or None,
                                 r.get("kemendagri") or None, r["province"],
                                 _flag(r.get("bare", "1") or "1", f"regencies.csv:{line}"),
                                 split_list(r.get("aliases"))))
    bodies = tuple(
        Body(r["name"], split_list(r.get("abbreviations")), r["class"], r.get("shape") or "name",
             r.get("parent") or None, split_list(r.get("places")))
        for _, r in _rows(d, "bodies.csv", ("name", "class")))
    regulation_types = tuple(
        RegulationType(r["abbreviation"], r["full"], split_list(r.get("aliases")))
        for _, r in _rows(d, "regulation-types.csv", ("abbreviation", "full")))
    regulations = tuple(
        Regulation(r["type"], r["number"], r["year"], r.get("title") or None)
        for _, r in _rows(d, "regulations.csv", ("type", "number", "year")))
    priorities = []
    for line, r in _rows(d, "priorities.csv", ("framework", "number", "description")):
        if not r["number"].isdigit():
            raise LexiconError(f"priorities.csv:{line}: number must be a positive integer")
        priorities.append(Priority(r["framework"], int(r["number"]), r["description"]))
    post_titles = tuple(
        PostTitle(r["title"], r["attaches"], r.get("canonical") or r["title"],
                  _flag(r.get("heads_unit", ""), f"post-titles.csv:{line}"))
        for line, r in _rows(d, "post-titles.csv", ("title", "attaches")))
    words: dict[str, list[str]] = {}
    for _, r in _rows(d, "words.csv", ("kind", "word")):
        if r["word"] and r["word"] not in words.setdefault(r["kind"], []):
            words[r["kind"]].append(r["word"])
    entries = _entries(d)
    org_labels = {e.label for e in entries if e.kind == "org"}
    for b in bodies:
        if b.parent and b.parent not in org_labels:
            raise LexiconError(f"bodies.csv: {b.name!r}: unknown parent {b.parent!r}")
    persons = tuple(KnownPerson(r["label"], split_list(r.get("aliases")))
                    for _, r in _rows(d, "persons.csv", ("label",)))
    return Lexicon(provinces, tuple(regencies), entries, bodies, regulation_types,
                   regulations, tuple(priorities), post_titles,
                   {k: tuple(v) for k, v in words.items()}, persons, _calendar(d), _numbers(d),
                   tuple((r["word"], r["role"]) for _, r in _rows(d, "speech_verbs.csv", ("word", "role"))),
                   tuple(MeetingTerm(r["term"], r["class"], r["role"], r.get("expansion", ""))
                         for _, r in _rows(d, "meeting_kinds.csv", ("term", "class", "role"))),
                   tuple((r["cue"], r["role"], _int(r.get("weight") or "0", f"meeting_cues.csv:{line}"))
                         for line, r in _rows(d, "meeting_cues.csv", ("cue", "role"))),
                   tuple((r["short"], r["field"]) for _, r in _rows(d, "unit-fields.csv", ("short", "field"))))


def _int(value: str, where: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise LexiconError(f"{where}: expected a whole number, got {value!r}") from None


#: calendar.csv kinds: month and weekday names; ``day`` a day named relative to publication
#: ("hari ini": 0); ``month_relative`` a month word's direction from publication ("mendatang":
#: 1, "lalu": -1); the words of date shapes (number 0): ``range_to`` between two days ("hingga",
#: "s/d"), ``range_and`` ("25 dan 26 November"), ``month_word`` ("bulan Mei"), ``year_word``
#: ("tahun 2018", "TA 2024"; lower case: any case), ``not_after_weekday`` (a weekday followed
#: by one is not a day of the article: "Selasa lalu").
_CALENDAR_KINDS = ("month", "weekday", "day", "month_relative", "range_to", "range_and", "month_word",
                   "year_word", "not_after_weekday")


def _calendar(d: Path) -> tuple[CalendarWord, ...]:
    out = []
    for line, r in _rows(d, "calendar.csv", ("word", "kind", "number")):
        where = f"calendar.csv:{line}"
        if r["kind"] not in _CALENDAR_KINDS:
            raise LexiconError(f"{where}: kind must be one of {', '.join(_CALENDAR_KINDS)}")
        out.append(CalendarWord(r["word"], r["kind"], _int(r["number"], where),
                                _flag(r.get("full", ""), where)))
    return tuple(out)


def _numbers(d: Path) -> tuple[NumberWord, ...]:
    out = []
    for line, r in _rows(d, "numbers.csv", ("word", "value", "kind")):
        where = f"numbers.csv:{line}"
        if r["kind"] not in ("cardinal", "ordinal", "multiplier"):
            raise LexiconError(f"{where}: kind must be cardinal, ordinal or multiplier")
        out.append(NumberWord(r["word"], _int(r["value"], where), r["kind"]))
    return tuple(out)


@lru_cache(maxsize=4)
def load_token_patterns(directory: str | Path | None = None) -> dict[str, tuple[tuple[str, list], ...]]:
    """The spaCy ``Matcher`` patterns of ``lexicon/patterns/*.jsonl``: file stem →
    ((label, token pattern), …) in file order. One JSON object a line, with a ``label``
    (a string) and a ``pattern`` (a list of token attribute dicts, spaCy's Matcher
    format); blank lines are skipped. Raise LexiconError naming file and line if not."""
    d = (Path(directory) if directory is not None else LEXICON_DIR) / "patterns"
    out: dict[str, tuple[tuple[str, list], ...]] = {}
    for path in sorted(d.glob("*.jsonl")):
        rows = []
        for line, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not raw.strip():
                continue
            try:
                row = json.loads(raw)
            except ValueError as exc:
                raise LexiconError(f"{path.name}:{line}: not JSON ({exc})") from None
            if not (isinstance(row, dict) and isinstance(row.get("label"), str)
                    and isinstance(row.get("pattern"), list) and row["pattern"]
                    and all(isinstance(t, dict) for t in row["pattern"])):
                raise LexiconError(f"{path.name}:{line}: expected {{\"label\": str, "
                                   "\"pattern\": [token dicts]}")
            rows.append((row["label"], row["pattern"]))
        out[path.stem] = tuple(rows)
    return out
