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
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = [
    "KnownPerson",
    "LEXICON_DIR",
    "Body",
    "Entry",
    "Lexicon",
    "LexiconError",
    "PostTitle",
    "Priority",
    "Province",
    "Regency",
    "Regulation",
    "RegulationType",
    "load_lexicon",
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

    def word_list(self, kind: str) -> tuple[str, ...]:
        """The words of one kind in ``words.csv`` (empty when there are none)."""
        return self.words.get(kind, ())


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
            elif m and m.group(2) and not 1 <= int(m.group(2)) <= 12:
                raise ValueError(since)
            elif since and not m:
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
             r.get("parent") or None)
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
                   {k: tuple(v) for k, v in words.items()}, persons)
