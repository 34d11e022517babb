"""Organizations told apart: government level and kind, from what the graph holds.

A researcher reading the network wants to see at a glance whether a node is BKKBN or one
of its provincial offices, a regional government, a dinas, a task force, a civil society
organization or a parliament, and at which level of government it sits. The projection
(:func:`kbgraph.graph.network.project`) gives each organization its most specific
ontology class (``RepresentativeOffice``, ``RegionalAgency``...), its names (label,
English label, aliases from the lexicon) and, when the lexicon or the extractor knew it,
its ``kb:governmentLevel`` concept (``level``: ``LevelProvinsi``...). :func:`classify` turns
these into one ``(level, kind)`` pair per organization; the rules are data:

* ``assets/org-kinds.csv``: kinds in order, the first that matches wins. A kind matches
  by ``names`` (any of them as a whole word in the label, English label or an alias:
  "Perwakilan BKKBN Provinsi Bali" is BKKBN's) or by ``classes`` (local class names).
  A unit (``RepresentativeOffice``, ``Division``) that matches only ``other`` takes
  the kind of the organization it belongs to (``unitOf``, ``subOrganizationOf``).
* ``assets/org-levels.csv``: the four government levels and "unknown". A level comes from
  the SKOS concept the graph holds (``concepts``); else from the class of the place it
  has jurisdiction over (``place_classes``); else from the first level word in its label
  (``words``: "Dinas Kesehatan Kabupaten Garut"); else from the organization it belongs
  to (a "Bidang" of a provincial office); else a national government agency is
  national; else it is unknown.

News outlets are one rule too: :func:`is_publisher` (class ``NewsPublisher``, or the
``schema:publisher`` of an article).

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("o", label="Perwakilan BKKBN Provinsi Bali", aliases=[], top="Organization",
...            **{"class": "RepresentativeOffice"})
>>> G.add_node("d", label="Dinas Kesehatan Kabupaten Garut", aliases=[], top="Organization",
...            **{"class": "RegionalAgency"})
>>> classify(G)
{'d': ('regency', 'dinas'), 'o': ('provincial', 'bkkbn')}
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

__all__ = ["KINDS", "LEVELS", "Kind", "Level", "classify", "is_publisher"]

ASSETS = Path(__file__).resolve().parent.parent / "assets"
_UNIT_CLASSES = frozenset({"RepresentativeOffice", "Division", "OrganizationalUnit"})
_PARENT_EDGES = ("unitOf", "subOrganizationOf")
_NATIONAL_CLASSES = frozenset({"GovernmentAgency"})


@dataclass(frozen=True)
class Kind:
    """One kind of organization (a row of ``assets/org-kinds.csv``)."""

    name: str
    classes: frozenset[str]
    names: tuple[str, ...]
    label_id: str
    label_en: str
    color: str

    @property
    def label(self) -> str:
        return f"{self.label_id} / {self.label_en}"


@dataclass(frozen=True)
class Level:
    """One government level (a row of ``assets/org-levels.csv``)."""

    name: str
    concepts: frozenset[str]
    place_classes: frozenset[str]
    words: tuple[str, ...]
    label_id: str
    label_en: str
    shape: str  # vis-network
    glyph: str  # legend
    marker: str  # matplotlib

    @property
    def label(self) -> str:
        return f"{self.label_id} / {self.label_en}"


def _split(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.split("|") if x.strip())


def _rows(name: str) -> list[dict[str, str]]:
    with (ASSETS / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@functools.cache
def _kinds() -> dict[str, Kind]:
    return {r["kind"]: Kind(r["kind"], frozenset(_split(r["classes"])), _split(r["names"]),
                            r["label_id"], r["label_en"], r["color"]) for r in _rows("org-kinds.csv")}


@functools.cache
def _levels() -> dict[str, Level]:
    return {r["level"]: Level(r["level"], frozenset(_split(r["concepts"])), frozenset(_split(r["place_classes"])),
                              _split(r["words"]), r["label_id"], r["label_en"], r["shape"], r["glyph"], r["marker"])
            for r in _rows("org-levels.csv")}


KINDS: dict[str, Kind] = _kinds()
LEVELS: dict[str, Level] = _levels()


@functools.cache
def _word_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w/])(?:{alternatives})(?![\w])", re.IGNORECASE)


def _names(d: dict) -> list[str]:
    return [s for s in (d.get("label"), d.get("label_en"), *d.get("aliases", ())) if s]


def is_publisher(d: dict) -> bool:
    """True for a news outlet: class ``NewsPublisher``, or the publisher of an article.

    The one rule for "publisher": the overview leaves these out, and the figure too.

    >>> is_publisher({"class": "NewsPublisher"}), is_publisher({"class": "RegionalAgency", "publisher": True})
    (True, True)
    >>> is_publisher({"class": "GovernmentAgency"})
    False
    """
    return d.get("class") == "NewsPublisher" or d.get("publisher") is True


def _own_kind(d: dict) -> str:
    if is_publisher(d):
        return "publisher"
    names = _names(d)
    for kind in KINDS.values():
        pattern = _word_pattern(kind.names)
        if pattern and any(pattern.search(s) for s in names):
            return kind.name
        if d.get("class") in kind.classes:
            return kind.name
    return "other"


def _own_level(G: nx.MultiDiGraph, x: str) -> str | None:
    d = G.nodes[x]
    level = d.get("level")
    for lv in LEVELS.values():
        if level in lv.concepts:
            return lv.name
    return None


def _place_level(G: nx.MultiDiGraph, x: str) -> str | None:
    for _, place, key in G.out_edges(x, keys=True):
        if key.split("@")[0] == "jurisdiction":
            cls = G.nodes[place].get("class")
            for lv in LEVELS.values():
                if cls in lv.place_classes:
                    return lv.name
    return None


def _word_level(d: dict) -> str | None:
    """The level of the first level word in the label ("Desa A Kecamatan B" is a village)."""
    best: tuple[int, str] | None = None
    for lv in LEVELS.values():
        pattern = _word_pattern(lv.words)
        m = pattern.search(d.get("label", "")) if pattern else None
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), lv.name)
    return best[1] if best else None


def _parents(G: nx.MultiDiGraph, x: str) -> list[str]:
    return sorted({v for _, v, key in G.out_edges(x, keys=True)
                   if key.split("@")[0] in _PARENT_EDGES and G.nodes[v].get("top") == "Organization"})


def classify(G: nx.MultiDiGraph, nodes: Iterable[str] | None = None) -> dict[str, tuple[str, str]]:
    """``(level, kind)`` of each organization of ``G`` (or of those in ``nodes``), sorted by node.

    Levels are names of :data:`LEVELS` (``national``, ``provincial``, ``regency``,
    ``village``, ``unknown``), kinds names of :data:`KINDS`. Parents are followed through
    ``G`` whatever ``nodes`` holds, so pass the whole projected network.
    """
    orgs = [x for x in G if G.nodes[x].get("top") == "Organization"]
    wanted = set(orgs if nodes is None else nodes) & set(orgs)

    @functools.cache
    def kind(x: str, depth: int = 0) -> str:
        own = _own_kind(G.nodes[x])
        if own == "other" and G.nodes[x].get("class") in _UNIT_CLASSES and depth < 8:
            for p in _parents(G, x):
                inherited = kind(p, depth + 1)
                if inherited != "other":
                    return inherited
        return own

    @functools.cache
    def level(x: str, depth: int = 0) -> str:
        d = G.nodes[x]
        found = _own_level(G, x) or _place_level(G, x) or _word_level(d)
        if found is None and depth < 8:
            for p in _parents(G, x):
                up = level(p, depth + 1)
                if up != "unknown":
                    found = up
                    break
        if found is None and d.get("class") in _NATIONAL_CLASSES:
            found = "national"
        return found or "unknown"

    return {x: (level(x), kind(x)) for x in sorted(wanted)}
