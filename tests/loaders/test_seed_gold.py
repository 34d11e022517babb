"""Acceptance: the graph of the seed article holds everything its gold says, once.

The gold (``tests/fixtures/seed-gold/antara-kalbar-2019-11-26-pokja-kampung-kb.json``, a
copy of ``shared/gold``) describes entities, facts and attributes by meaning; the tables
below name them in the ontology. Each gold item is one test running one SPARQL query
(``tests/fixtures/seed-gold/sparql/*.rq``, bound with rdflib ``initBindings``) against
``article_rdf(extract_article(seed))``, shaped as in ``docs/rdf-model.md``. Facts and
attributes must carry exactly one ``kb:Evidence`` whose quoted sentence is the text at
its offsets and holds the words that state the fact. A failing test here is an item of
the extraction's to-do list.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import FOAF, ORG
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query

from kbgraph.loaders.model import Article
from kbgraph.loaders.pipeline import article_rdf, extract_article
from kbgraph.loaders.read import read_path
from kbgraph.ontology.namespaces import DCTERMS, KB, SCHEMA, XSD

ROOT = Path(__file__).parents[2]
SEED = ROOT / "loaders" / "sample" / "antara-kalbar-2019-11-26-pokja-kampung-kb.txt"
GOLD_DIR = ROOT / "tests" / "fixtures" / "seed-gold"
SPARQL = GOLD_DIR / "sparql"
GOLD = json.loads((GOLD_DIR / "antara-kalbar-2019-11-26-pokja-kampung-kb.json")
                  .read_text(encoding="utf-8"))
EVAL = json.loads((GOLD_DIR / "antara-kalbar-2019-11-26-pokja-kampung-kb.eval.json")
                  .read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Kind:
    """How the ontology names a gold entity: its top class, its specific class, and the
    labels a careful reader would accept (the gold's, the scoring gold's, the dev
    corpus's canonical form)."""

    top: URIRef
    cls: URIRef | None
    labels: tuple[str, ...]
    renamed: bool = False  # renamed since: the graph may label it with its current name


KKBPK = "Program Kependudukan, Keluarga Berencana dan Pembangunan Keluarga"
ENTITIES: dict[str, Kind] = {
    # one organization, renamed in 2024, one program, renamed in 2020: docs/rdf-model.md
    # labels a renamed entity with its current name and keeps the old one as skos:altLabel
    "bkkbn": Kind(ORG.Organization, KB.GovernmentAgency, (
        "Badan Kependudukan dan Keluarga Berencana Nasional",
        "Kementerian Kependudukan dan Pembangunan Keluarga/BKKBN"), renamed=True),
    "bkkbn-kalbar": Kind(ORG.Organization, KB.RepresentativeOffice,
                         ("Perwakilan BKKBN Provinsi Kalimantan Barat",)),
    "bidang-adpin": Kind(ORG.Organization, KB.Division, (
        "Bidang Advokasi Pergerakan dan Informasi",
        "Bidang Advokasi Pergerakan dan Informasi Perwakilan BKKBN Provinsi Kalimantan Barat")),
    "pemprov-kalbar": Kind(ORG.Organization, KB.RegionalGovernment,
                           ("Pemerintah Provinsi Kalimantan Barat",)),
    "antara-kalbar": Kind(ORG.Organization, KB.NewsPublisher, ("ANTARA News Kalimantan Barat",)),
    "muslimat": Kind(FOAF.Person, None, ("Muslimat",)),
    "post-kabid-adpin": Kind(ORG.Post, None, (
        "Kepala Bidang Advokasi Pergerakan dan Informasi, Perwakilan BKKBN Kalimantan Barat",
        "Kepala Bidang Advokasi Pergerakan dan Informasi (Adpin) Perwakilan BKKBN Kalbar",
        "Kepala Bidang Advokasi Pergerakan dan Informasi Perwakilan BKKBN Provinsi "
        "Kalimantan Barat")),
    "kkbpk": Kind(KB.Program, None, (
        KKBPK, "Program Pembangunan Keluarga, Kependudukan dan Keluarga Berencana"), renamed=True),
    "kampung-kb": Kind(KB.Program, None, ("Kampung Keluarga Berencana",)),
    "pokja-meeting-2019": Kind(KB.Meeting, None, (
        "Pertemuan Kelompok Kerja Kampung KB Kalimantan Barat 2019",
        "pertemuan kelompok kerja Kampung Keluarga Berencana (KB)")),
    "rakor-2018": Kind(KB.Meeting, KB.CoordinationMeeting, (
        "Rapat Koordinasi PWG dan AMP; DWG 2018", "Rapat Koordinasi PWG dan AMP; DWG tahun 2018")),
    "rpjmn-2015-2019": Kind(KB.PolicyFramework, KB.DevelopmentPlan,
                            ("Rencana Pembangunan Jangka Menengah Nasional 2015-2019",)),
    "renstra-2015-2019": Kind(KB.PolicyFramework, KB.StrategicPlan, (
        "Rencana Strategis 2015-2019", "Rencana Strategis BKKBN 2015-2019")),
    "nawacita": Kind(KB.PolicyFramework, KB.PoliticalAgenda, ("Nawacita",)),
    "nawacita-priority-5": Kind(KB.PolicyFramework, KB.PolicyPriority, (
        "Nawacita priority 5: meningkatkan kualitas hidup manusia Indonesia",
        "Nawacita prioritas 5: meningkatkan kualitas hidup manusia Indonesia",
        "Nawacita agenda kelima: meningkatkan kualitas hidup manusia Indonesia")),
    "strategi-pembangunan-nasional": Kind(KB.PolicyFramework, None,
                                          ("Strategi Pembangunan Nasional 2015-2019",)),
    "pontianak": Kind(SCHEMA.Place, KB.City, ("Pontianak", "Kota Pontianak")),
    "kalbar": Kind(SCHEMA.Place, KB.Province, ("Provinsi Kalimantan Barat", "Kalimantan Barat")),
}

#: The gold's fact phrasings (parenthesised glosses dropped) → (predicate, inverse?).
PREDICATES: dict[str, tuple[URIRef, bool]] = {
    "is a sub-organization of": (ORG.subOrganizationOf, False),
    "has jurisdiction over": (KB.jurisdiction, False),
    "governs": (KB.jurisdiction, False),
    "is a unit of": (ORG.unitOf, False),
    "is a post in": (ORG.postIn, False),
    "holds": (ORG.holds, False),
    "chairs the organizing committee of": (KB.chairedBy, True),
    "is organized by": (KB.organizedBy, False),
    "takes place in": (SCHEMA.location, False),
    "is located in": (SCHEMA.containedInPlace, False),
    "concerns": (KB.concerns, False),
    "follows up": (KB.followsUp, False),
    "supports": (KB.supports, False),
    "is directed towards the targets of": (KB.alignsWith, False),
    "is run by": (KB.runBy, False),
    # "is part of": a program inside a program, or a priority of a framework (below)
}

#: Words the evidence sentence of each fact must contain: the words that state it.
FACT_WORDS: dict[tuple[str, str, str], tuple[str, ...]] = {
    ("bkkbn-kalbar", "is a sub-organization (provincial office) of", "bkkbn"): ("BKKBN Kalbar",),
    ("bkkbn-kalbar", "has jurisdiction over", "kalbar"): ("BKKBN Kalbar",),
    ("bidang-adpin", "is a unit of", "bkkbn-kalbar"): ("(Adpin) Perwakilan BKKBN Kalbar",),
    ("post-kabid-adpin", "is a post in", "bidang-adpin"): (
        "Kepala Bidang Advokasi Pergerakan dan Informasi",),
    ("muslimat", "holds", "post-kabid-adpin"): ("Kepala Bidang Advokasi", "Muslimat"),
    ("muslimat", "chairs the organizing committee (ketua panitia pelaksana) of",
     "pokja-meeting-2019"): ("Ketua panitia pelaksana", "Muslimat"),
    ("pokja-meeting-2019", "is organized by", "bkkbn-kalbar"): ("BKKBN Kalbar", "pertemuan"),
    ("pokja-meeting-2019", "takes place in", "pontianak"): ("di Pontianak",),
    ("pontianak", "is located in", "kalbar"): ("Pontianak",),
    ("pemprov-kalbar", "governs", "kalbar"): ("Pemerintah Provinsi Kalbar",),
    ("pokja-meeting-2019", "concerns (strengthens)", "kkbpk"): ("KKBPK",),
    ("pokja-meeting-2019", "concerns", "kampung-kb"): ("Kampung K",),
    ("pokja-meeting-2019", "follows up", "rakor-2018"): (
        "tindak lanjut", "Rapat Koordinasi PWG dan AMP; DWG tahun 2018"),
    ("pokja-meeting-2019", "supports", "nawacita-priority-5"): ("prioritas nomor lima",),
    ("pokja-meeting-2019", "supports (the vision and mission of)", "pemprov-kalbar"): (
        "mendukung visi misi Pemerintah Provinsi Kalbar",),
    ("kampung-kb", "is part of", "kkbpk"): ("Kampung K", "KKBPK"),
    ("kkbpk", "is directed towards the targets of", "rpjmn-2015-2019"): ("KKBPK", "RPJMN"),
    ("kkbpk", "is directed towards the targets of", "renstra-2015-2019"): ("KKBPK", "RENSTRA"),
    ("nawacita-priority-5", "is part of", "nawacita"): ("Nawacita", "prioritas nomor lima"),
    ("kkbpk", "is run by", "bkkbn"): ("KKBPK", "BKKBN"),
}

#: Attribute name → (predicate, expected RDF value, words of its evidence sentence).
ATTRIBUTES: dict[tuple[str, str], tuple[URIRef, Literal, tuple[str, ...]]] = {
    ("pokja-meeting-2019", "start date"): (
        SCHEMA.startDate, Literal(dt.date(2019, 11, 25), datatype=XSD.date),
        ("25-26 November 2019",)),
    ("pokja-meeting-2019", "end date"): (
        SCHEMA.endDate, Literal(dt.date(2019, 11, 26), datatype=XSD.date),
        ("25-26 November 2019",)),
    ("pokja-meeting-2019", "number of participants"): (
        KB.participantCount, Literal(133), ("133 peserta",)),
    ("pokja-meeting-2019", "duration in days"): (KB.durationDays, Literal(2), ("dua hari",)),
    ("rakor-2018", "year"): (KB.year, Literal("2018", datatype=XSD.gYear), ("tahun 2018",)),
    ("nawacita-priority-5", "priority number"): (
        KB.priorityNumber, Literal(5), ("prioritas nomor lima",)),
}
PERIOD_WORDS: dict[str, tuple[str, ...]] = {
    "rpjmn-2015-2019": ("RPJMN", "2015-2019"),
    "renstra-2015-2019": ("RENSTRA", "2015-2019"),
    "strategi-pembangunan-nasional": ("Strategi Pembangunan Nasional 2015-2019",),
}
#: Four statements are direct quotes, four reported speech (the gold's note), in order.
QUOTES = {"Ini dimaksudkan", "Selain itu,", "Keberhasilan program", "Kegiatan ini dilaksanakan"}


# ------------------------------------------------------------------------------ fixtures


@dataclass(frozen=True)
class Seed:
    article: Article
    graph: Graph
    found: dict[str, URIRef] = field(default_factory=dict)  # gold key → entity, once found


@pytest.fixture(scope="module")
def seed() -> Seed:
    articles, errors = read_path(SEED)
    assert not errors and len(articles) == 1
    return Seed(articles[0], article_rdf(extract_article(articles[0])))


@cache
def _query(name: str) -> Query:
    return prepareQuery((SPARQL / f"{name}.rq").read_text(encoding="utf-8"))


def select(graph: Graph, name: str, **bindings) -> list[dict]:
    """Rows of ``sparql/<name>.rq`` with ``bindings`` bound (never pasted into the text)."""
    result = graph.query(_query(name), initBindings=bindings)
    return [{str(v): row[v] for v in result.vars} for row in result]


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def find(seed: Seed, key: str) -> URIRef:
    """The one entity of the gold key's top class labelled with one of its names."""
    if key in seed.found:
        return seed.found[key]
    kind = ENTITIES[key]
    rows = select(seed.graph, "entity", top=kind.top)
    found = {r["entity"] for r in rows if any(_same(str(r["label"]), n) for n in kind.labels)}
    assert found, (f"{key}: no {kind.top.n3()} labelled {' / '.join(kind.labels)}; labels of "
                   f"that class: {sorted({str(r['label']) for r in rows})}")
    assert len(found) == 1, f"{key}: {len(found)} entities share its name: {sorted(found)}"
    seed.found[key] = found.pop()
    return seed.found[key]


def _phrase(text: str) -> str:
    return re.sub(r"\s*\([^)]*\)", "", text).strip()


def _predicate(subject: str, phrase: str) -> tuple[URIRef, bool]:
    if _phrase(phrase) == "is part of":
        is_program = ENTITIES[subject].top == KB.Program
        return (KB.partOfProgram if is_program else KB.priorityOf), False
    return PREDICATES[_phrase(phrase)]


def check_evidence(seed: Seed, rows: list[dict], words: tuple[str, ...], what: str) -> None:
    """Exactly one evidence; its quote is the text at its offsets and holds the words."""
    evidence = {r["evidence"] for r in rows if r["evidence"] is not None}
    assert evidence, f"{what}: in the graph, but without a kb:Evidence"
    assert len(evidence) == 1, f"{what}: {len(evidence)} evidence nodes, expected one"
    row = next(r for r in rows if r["evidence"] is not None)
    sentence, start, end = str(row["sentence"]), int(row["start"]), int(row["end"])
    assert seed.article.text[start:end] == sentence, (
        f"{what}: evidence offsets {start}-{end} do not hold its quoted sentence")
    missing = [w for w in words if w not in sentence]
    assert not missing, f"{what}: evidence sentence lacks {missing}: {sentence!r}"


# ----------------------------------------------------------------------------- entities


def _eval_mentions(key: str) -> list[str]:
    """Mentions as the scoring gold lists them (it leaves out anaphora such as
    "kegiatan" and names only inside the footer); a post has only the gold's."""
    for entity in EVAL["entities"]:
        if any(_same(entity["label"], n) for n in ENTITIES[key].labels):
            return entity["mentions"]
    return next(e["mentions"] for e in GOLD["entities"] if e["key"] == key)


GOLD_KEYS = [e["key"] for e in GOLD["entities"]]


def test_every_gold_entity_has_a_kind():
    assert sorted(GOLD_KEYS) == sorted(ENTITIES)


@pytest.mark.parametrize("key", GOLD_KEYS)
def test_entity(seed, key):
    iri = find(seed, key)
    types = {r["type"] for r in select(seed.graph, "types", entity=iri)}
    kind = ENTITIES[key]
    assert kind.top in types
    if kind.cls is not None:
        assert kind.cls in types, f"{key}: not a {kind.cls.n3()}; types {sorted(types)}"
    if kind.renamed:  # whatever its label now, the name the article used is one of its names
        names = [str(r["name"]) for r in select(seed.graph, "names", entity=iri)]
        assert any(_same(n, kind.labels[0]) for n in names), f"{key}: names {names}"


@pytest.mark.parametrize("key", GOLD_KEYS)
def test_entity_mentions(seed, key):
    iri = find(seed, key)
    found = {str(r["exact"]) for r in select(seed.graph, "mention", entity=iri)}
    missing = [m for m in _eval_mentions(key) if m not in found]
    assert not missing, f"{key}: mentions not recorded {missing}; recorded {sorted(found)}"


# ------------------------------------------------------------------------ facts, values


FACT_IDS = [f"{s}-{_phrase(p)}-{o}".replace(" ", "_") for s, p, o in GOLD["facts"]]


@pytest.mark.parametrize(("subject", "phrase", "obj"), [tuple(f) for f in GOLD["facts"]],
                         ids=FACT_IDS)
def test_fact(seed, subject, phrase, obj):
    predicate, inverse = _predicate(subject, phrase)
    s, o = find(seed, subject), find(seed, obj)
    if inverse:
        s, o = o, s
    what = f"{subject} {phrase} {obj} ({s.n3()} {predicate.n3()} {o.n3()})"
    rows = select(seed.graph, "fact", s=s, p=predicate, o=o)
    assert rows, f"{what}: not in the graph"
    check_evidence(seed, rows, FACT_WORDS[(subject, phrase, obj)], what)


def test_every_gold_fact_and_attribute_has_its_words():
    assert sorted(FACT_WORDS) == sorted(tuple(f) for f in GOLD["facts"])
    attributes = [(s, a) for s, a, _ in GOLD["attributes"] if a != "period"]
    assert sorted(ATTRIBUTES) == sorted(attributes)
    for subject, name, value in GOLD["attributes"]:  # the table says what the gold says
        if name != "period":
            assert str(ATTRIBUTES[(subject, name)][1]) == str(value)
    assert sorted(PERIOD_WORDS) == sorted(s for s, a, _ in GOLD["attributes"] if a == "period")


@pytest.mark.parametrize(("subject", "name", "value"),
                         [tuple(a) for a in GOLD["attributes"] if a[1] != "period"])
def test_attribute(seed, subject, name, value):
    predicate, expected, words = ATTRIBUTES[(subject, name)]
    s = find(seed, subject)
    rows = select(seed.graph, "attribute", s=s, p=predicate)
    values = sorted({r["value"] for r in rows}, key=str)
    what = f"{subject} {name}"
    assert values == [expected], f"{what}: values {values}, expected exactly [{expected!r}]"
    check_evidence(seed, rows, words, what)


@pytest.mark.parametrize("subject", [a[0] for a in GOLD["attributes"] if a[1] == "period"])
def test_period(seed, subject):
    value = next(v for s, a, v in GOLD["attributes"] if s == subject and a == "period")
    first, last = value.split("/")
    rows = select(seed.graph, "period", s=find(seed, subject))
    assert rows, f"{subject}: no kb:period interval with gYear ends"
    ends = {(r["first"], r["last"]) for r in rows}
    assert ends == {(Literal(first, datatype=XSD.gYear), Literal(last, datatype=XSD.gYear))}
    check_evidence(seed, rows, PERIOD_WORDS[subject], f"{subject} period")


# ---------------------------------------------------------------------------- statements


OPENINGS = GOLD["statements"]["openings"]


@pytest.mark.parametrize("opening", OPENINGS)
def test_statement(seed, opening):
    rows = select(seed.graph, "statement", opening=Literal(opening))
    statements = {r["statement"] for r in rows}
    assert len(statements) == 1, f"{len(statements)} statements start with {opening!r}"
    row = rows[0]
    speaker = find(seed, GOLD["statements"]["speaker"])
    assert {r["speaker"] for r in rows} == {speaker}
    said_on = Literal(dt.date.fromisoformat(GOLD["statements"]["said_on"]), datatype=XSD.date)
    assert {r["date"] for r in rows} == {said_on}
    expected = KB.DirectQuote if any(opening.startswith(q) for q in QUOTES) else KB.ReportedSpeech
    assert {r["kind"] for r in rows} == {expected}
    assert row["exact"] is not None and str(row["exact"]).startswith(opening)


def test_statement_count(seed):
    n = select(seed.graph, "count", type=KB.Statement)[0]["n"]
    assert int(n) == GOLD["statements"]["count"] == len(OPENINGS) == 8


def test_meeting_count(seed):
    """One meeting this year (the duplicated body must not make two) and the earlier one."""
    meetings = [e for e in GOLD["entities"] if e["type"].startswith("meeting")]
    n = select(seed.graph, "count", type=KB.Meeting)[0]["n"]
    assert int(n) == len(meetings) == 2


# ------------------------------------------------------------------------------ article


def test_article_publisher_and_language(seed):
    rows = select(seed.graph, "article")
    assert len({r["article"] for r in rows}) == 1
    # the footer's "ANTARA News Kalimantan Barat": ANTARA's desk for the province
    assert {str(r["publisherLabel"]) for r in rows} == {"ANTARA Kalimantan Barat"}
    assert {r["language"] for r in rows} == {Literal(GOLD["article_metadata"]["language"])}


def test_article_graph_is_named_after_the_article(seed):
    from kbgraph.ontology.namespaces import article_graph

    assert seed.graph.identifier == article_graph(seed.article.id)
    assert (None, DCTERMS.identifier, Literal(seed.article.id)) in seed.graph
