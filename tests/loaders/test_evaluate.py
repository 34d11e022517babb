"""kbgraph evaluate: the conversion to the gold format, the matching rules, the report.

Most tests build a small :class:`Extraction` by hand over a real dev article (read by
the real reader, offsets found in its text) so they run before, and independently of,
the extraction pipeline. The last tests run the whole pipeline over the dev corpus.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from rdflib import URIRef
from rdflib.namespace import FOAF, ORG

from kbgraph.cli import main
from kbgraph.loaders.evaluate import (
    CLASSES,
    Report,
    evaluate_extractions,
    load_gold,
    render_markdown,
    report_to_dict,
    score_article,
    summary_sections,
    to_gold,
)
from kbgraph.loaders.model import (
    Entity,
    EntityRef,
    Extraction,
    Fact,
    Mention,
    Span,
    Statement,
)
from kbgraph.loaders.read import read_path
from kbgraph.errors import InputError
from kbgraph.ontology.namespaces import KB, SCHEMA

FIXTURES = Path(__file__).parents[1] / "fixtures"
DEV = FIXTURES / "dev"
DEV_GOLD = DEV / "gold"


def gold(name: str) -> dict:
    return json.loads((DEV_GOLD / f"{name}.json").read_text(encoding="utf-8"))


class Builder:
    """Entities and facts over one real article; spans are found in its text."""

    def __init__(self, name: str):
        articles, errors = read_path(DEV / f"{name}.txt")
        assert not errors
        self.article = articles[0]
        self.entities: dict[str, Entity] = {}
        self.facts: list[Fact] = []
        self.statements: list[Statement] = []

    def span(self, surface: str, nth: int = 0) -> Span:
        start = -1
        for _ in range(nth + 1):
            start = self.article.text.index(surface, start + 1)
        return Span(start, start + len(surface), 0)

    def entity(self, key: str, types: list[URIRef], label: str, *surfaces: str | tuple[str, int],
               **kw) -> str:
        mentions = []
        for s in surfaces:
            text, nth = (s, 0) if isinstance(s, str) else s
            mentions.append(Mention(text, self.span(text, nth)))
        self.entities[key] = Entity(key, types, label, mentions=mentions, **kw)
        return key

    def fact(self, subject: str, predicate: URIRef, obj, where: str) -> None:
        value = EntityRef(obj) if isinstance(obj, str) and obj in self.entities else obj
        self.facts.append(Fact(subject, predicate, value, self.span(where)))

    def say(self, speaker: str, text: str, kind: str = "reported") -> None:
        self.statements.append(Statement(speaker, text, kind, self.span(text)))

    def extraction(self) -> Extraction:
        return Extraction(self.article, [], self.entities, self.facts, self.statements)


ORG_TYPES = [KB.RepresentativeOffice, ORG.OrganizationalUnit, ORG.Organization]
PROGRAM = [KB.Program]
KKBPK = "Program Kependudukan, Keluarga Berencana dan Pembangunan Keluarga"
BANGGA = "Program Pembangunan Keluarga, Kependudukan dan Keluarga Berencana"
MEETING_06 = ("Sosialisasi Program Bangga Kencana bagi Mitra Kerja dan OPD KB "
              "Kabupaten/Kota se-Jawa Tengah")


def build_06() -> Builder:
    """Article 06 (KKBPK renamed Bangga Kencana), the way the loaders should see it."""
    b = Builder("06-kkbpk-jadi-bangga-kencana-jateng")
    bkkbn = b.entity("org/bkkbn", [KB.GovernmentAgency, ORG.Organization],
                     "Badan Kependudukan dan Keluarga Berencana Nasional", ("BKKBN", 3),
                     abbreviation="BKKBN")
    office = b.entity("org/perwakilan-bkkbn-provinsi-jawa-tengah", ORG_TYPES,
                      "Perwakilan BKKBN Provinsi Jawa Tengah",
                      "Perwakilan BKKBN Provinsi Jawa Tengah", "Perwakilan BKKBN Jateng")
    program = b.entity(
        "program/bangga-kencana", PROGRAM, BANGGA,
        f"{KKBPK} (KKBPK)", BANGGA, ("Bangga Kencana", 0), "Program Bangga Kencana",
        aliases=["Bangga Kencana", "KKBPK"], abbreviation="Bangga Kencana",
        former_names=[(KKBPK, dt.date(2020, 1, 1))])
    bkb = b.entity("program/bina-keluarga-balita", PROGRAM, "Bina Keluarga Balita",
                   "Bina Keluarga Balita")
    meeting = b.entity("event/sosialisasi", [KB.Socialization, KB.Meeting], MEETING_06,
                       MEETING_06)
    hotel = b.entity("place/hotel-patra-semarang", [KB.Venue, SCHEMA.Place],
                     "Hotel Patra Semarang", "Hotel Patra Semarang")
    city = b.entity("place/kota-semarang", [KB.City, SCHEMA.Place], "Kota Semarang",
                    ("Semarang", 0))
    province = b.entity("place/provinsi-jawa-tengah", [KB.Province, SCHEMA.Place],
                        "Provinsi Jawa Tengah", "Provinsi Jawa Tengah", "Jawa Tengah")
    wahyu = b.entity("person/wahyu-setyo-nugroho", [FOAF.Person], "Wahyu Setyo Nugroho",
                     "Ir. Wahyu Setyo Nugroho, M.Si", "Wahyu")
    post = b.entity("post/kepala-perwakilan-bkkbn-jateng", [ORG.Post],
                    "Kepala Perwakilan BKKBN Provinsi Jawa Tengah",
                    "Kepala Perwakilan BKKBN Jateng",
                    name_as_written="Kepala Perwakilan BKKBN Jateng")
    where = "Kegiatan tersebut diikuti sebanyak 150 peserta"
    b.fact(office, ORG.subOrganizationOf, bkkbn, "Perwakilan BKKBN Provinsi Jawa Tengah")
    b.fact(meeting, KB.organizedBy, office, "disosialisasikan Perwakilan BKKBN")
    b.fact(meeting, SCHEMA.location, hotel, "di Hotel Patra Semarang")
    b.fact(meeting, SCHEMA.startDate, dt.date(2020, 2, 13), "Kamis (13/2/2020)")
    b.fact(meeting, SCHEMA.endDate, dt.date(2020, 2, 13), "Kamis (13/2/2020)")
    b.fact(meeting, KB.participantCount, 150, where)
    b.fact(meeting, KB.concerns, program, MEETING_06)  # not a gold relation: not scored
    b.fact(hotel, SCHEMA.containedInPlace, city, "Hotel Patra Semarang")
    b.fact(city, SCHEMA.containedInPlace, province, "Hotel Patra Semarang")
    b.fact(program, KB.runBy, bkkbn, "Bangga Kencana")
    b.fact(bkb, KB.partOfProgram, program, "Bina Keluarga Balita")
    b.fact(wahyu, ORG.holds, post, "Kepala Perwakilan BKKBN Jateng")
    b.fact(post, ORG.postIn, office, "Kepala Perwakilan BKKBN Jateng")
    b.say(wahyu, "penggantian nama bukan sekadar urusan kemasan.")
    b.say(wahyu, "Dulu orang mengenal BKKBN hanya sebagai urusan alat kontrasepsi.", "quote")
    return b


# ----------------------------------------------------------------------------- to_gold


def test_to_gold_splits_a_renamed_program_into_its_two_names():
    g = to_gold(build_06().extraction())
    programs = [e for e in g["entities"] if e["class"] == "PROG"]
    assert programs == [
        {"label": KKBPK, "class": "PROG", "mentions": [f"{KKBPK} (KKBPK)"], "aliases": ["KKBPK"]},
        {"label": BANGGA, "class": "PROG",
         "mentions": [BANGGA, "Bangga Kencana", "Program Bangga Kencana"],
         "aliases": ["Bangga Kencana"]},
        {"label": "Bina Keluarga Balita", "class": "PROG", "mentions": ["Bina Keluarga Balita"],
         "aliases": []},
    ]
    assert [KKBPK, "renamed to", BANGGA] in g["relations"]
    assert ["Bina Keluarga Balita", "part of", BANGGA] in g["relations"]


def test_to_gold_meeting_people_statements_relations():
    g = to_gold(build_06().extraction())
    assert g["file"] == "06-kkbpk-jadi-bangga-kencana-jateng.txt"
    assert g["published"] == "2020-02-14"
    assert g["meetings"] == [{
        "label": MEETING_06, "organizer": "Perwakilan BKKBN Provinsi Jawa Tengah",
        "location": "Hotel Patra Semarang", "city": "Kota Semarang", "start": "2020-02-13",
        "end": "2020-02-13", "participants": 150, "chair": None, "opened_by": None,
        "follows_up": None, "aliases": [MEETING_06],
    }]
    assert g["people"] == [{"name": "Wahyu Setyo Nugroho", "post": "Kepala Perwakilan BKKBN Jateng",
                            "organization": "Perwakilan BKKBN Provinsi Jawa Tengah"}]
    assert [s["speaker"] for s in g["statements"]] == ["Wahyu Setyo Nugroho"] * 2
    assert g["statements"][1]["opening"] == (
        "Dulu orang mengenal BKKBN hanya sebagai urusan alat kontrasepsi.")
    assert sorted(map(tuple, g["relations"])) == sorted([
        (KKBPK, "renamed to", BANGGA),
        ("Perwakilan BKKBN Provinsi Jawa Tengah", "sub-organization of",
         "Badan Kependudukan dan Keluarga Berencana Nasional"),
        (MEETING_06, "organized by", "Perwakilan BKKBN Provinsi Jawa Tengah"),
        (MEETING_06, "located in", "Hotel Patra Semarang"),
        ("Hotel Patra Semarang", "located in", "Kota Semarang"),
        ("Kota Semarang", "located in", "Provinsi Jawa Tengah"),
        (BANGGA, "run by", "Badan Kependudukan dan Keluarga Berencana Nasional"),
        ("Bina Keluarga Balita", "part of", BANGGA),
        ("Wahyu Setyo Nugroho", "holds post in", "Perwakilan BKKBN Provinsi Jawa Tengah"),
    ])
    assert not [e for e in g["entities"] if e["label"].startswith("Kepala")], "posts: no entity"


def test_scoring_article_06_counts_every_section():
    score = score_article(gold("06-kkbpk-jadi-bangga-kencana-jateng"),
                          to_gold(build_06().extraction()))
    assert {c: (n.tp, n.fp, n.fn) for c, n in score.entities.items()} == {
        "ORG": (2, 0, 2), "PER": (1, 0, 2), "PROG": (3, 0, 3), "FRAME": (0, 0, 2),
        "EVENT": (1, 0, 0), "PLACE": (3, 0, 1)}
    assert (score.people.tp, score.people.fp, score.people.fn) == (1, 0, 2)
    slots = {s: (c.correct, c.both_null, c.wrong, c.missed, c.spurious)
             for s, c in score.slots.items()}
    assert slots == {s: (1, 0, 0, 0, 0) for s in
                     ("organizer", "location", "city", "start", "end", "participants")} | {
        "chair": (0, 1, 0, 0, 0), "follows_up": (0, 1, 0, 0, 0),
        "opened_by": (0, 0, 0, 0, 0)}  # the dev gold does not annotate who opened it
    assert (score.statements.tp, score.statements.fp, score.statements.fn) == (2, 0, 6)
    assert (score.relations["renamed to"].tp, score.relations["renamed to"].fp) == (1, 0)
    assert score.relations["located in"].tp == 3
    assert score.relations["located in"].fn == 1  # Kabupaten Demak in Jawa Tengah
    # "Bangga Kencana" is an entity mention of the gold too: 2 of 2 found for the new name
    assert score.mentions["PROG"].tp == 5


#: The aliases the lexicon gives the renamed BKKBN: old and new names mixed, unlabelled.
BKKBN_ALIASES = [
    "Badan Kependudukan dan Keluarga Berencana Nasional", "Kemendukbangga/BKKBN",
    "Kemendukbangga / BKKBN", "Kemendukbangga", "Kementerian Kependudukan dan Pembangunan Keluarga",
    "Kementerian Kependudukan dan Pembangunan Keluarga/Badan Kependudukan dan Keluarga Berencana "
    "Nasional", "BKKBN Pusat",
]


def build_07() -> Builder:
    """Article 07: BKKBN renamed Kemendukbangga/BKKBN, one organization with dated names."""
    b = Builder("07-kemendukbangga-kaltim")
    long_name = ("Kementerian Kependudukan dan Pembangunan Keluarga/Badan Kependudukan dan "
                 "Keluarga Berencana Nasional (Kemendukbangga/BKKBN)")
    ministry = b.entity(
        "org/kemendukbangga-bkkbn", [KB.GovernmentAgency, ORG.Organization],
        "Kementerian Kependudukan dan Pembangunan Keluarga/BKKBN",
        long_name, ("Kemendukbangga/BKKBN", 3), ("BKKBN", 4),  # 4th: "fungsi BKKBN"
        aliases=BKKBN_ALIASES, abbreviation="BKKBN",
        former_names=[("Badan Kependudukan dan Keluarga Berencana Nasional",
                       dt.date(2024, 10, 21))])
    assert b.article.text[b.entities[ministry].mentions[2].span.start - 7:].startswith("fungsi")
    office = b.entity("org/perwakilan-bkkbn-provinsi-kalimantan-timur", ORG_TYPES,
                      "Perwakilan BKKBN Provinsi Kalimantan Timur",
                      "Perwakilan BKKBN Provinsi Kalimantan Timur")
    b.fact(office, ORG.subOrganizationOf, ministry, "Perwakilan BKKBN Provinsi Kalimantan Timur")
    return b


def test_a_renamed_organization_keeps_one_identity_in_relations():
    g = to_gold(build_07().extraction())
    orgs = [(e["label"], e["mentions"]) for e in g["entities"]
            if e["label"] != "Perwakilan BKKBN Provinsi Kalimantan Timur"]
    assert orgs == [
        ("Badan Kependudukan dan Keluarga Berencana Nasional", ["BKKBN"]),
        ("Kementerian Kependudukan dan Pembangunan Keluarga/BKKBN",
         [g["entities"][1]["mentions"][0], "Kemendukbangga/BKKBN"]),
    ]
    assert g["entities"][1]["mentions"][0].startswith("Kementerian Kependudukan")
    assert g["entities"][0]["aliases"] == ["BKKBN"]
    assert g["entities"][1]["aliases"] == BKKBN_ALIASES[1:]
    score = score_article(gold("07-kemendukbangga-kaltim"), g)
    assert (score.entities["ORG"].tp, score.entities["ORG"].fp) == (3, 0)
    # the gold's two sub-organization relations (to the old and the new name) are one fact
    assert (score.relations["sub-organization of"].tp,
            score.relations["sub-organization of"].fn) == (1, 1)  # + DKP3A → Pemprov, missed
    assert (score.relations["renamed to"].tp, score.relations["renamed to"].fp) == (1, 0)


def test_only_the_name_an_article_uses_is_reported():
    """Before 2020 an article knows only KKBPK: no Bangga Kencana entity, no rename."""
    b = Builder("02-rakerda-kkbpk-jambi-2019")
    b.entity("program/bangga-kencana", PROGRAM, BANGGA, "KKBPK",
             former_names=[(KKBPK, dt.date(2020, 1, 1))])
    b.entity("program/kampung-kb", PROGRAM, "Kampung Keluarga Berencana", "Kampung KB")
    b.fact("program/kampung-kb", KB.partOfProgram, "program/bangga-kencana", "Kampung KB")
    g = to_gold(b.extraction())
    assert [e["label"] for e in g["entities"]] == [KKBPK, "Kampung Keluarga Berencana"]
    assert g["relations"] == [["Kampung Keluarga Berencana", "part of", KKBPK]]


def test_an_article_that_uses_only_the_old_name_gets_no_new_one():
    """In 2017 (article 14) KKBPK is only KKBPK, whatever aliases the lexicon mixes in."""
    b = Builder("14-advokasi-kkbpk-bali")
    b.entity("program/bangga-kencana", PROGRAM, BANGGA, "Program KKBPK", ("KKBPK", 1),
             aliases=["Program Bangga Kencana",
                      "Pembangunan Keluarga, Kependudukan dan Keluarga Berencana", "KKBPK",
                      "Program KKBPK", "Kependudukan, Keluarga Berencana dan Pembangunan Keluarga",
                      "Program Kependudukan, Keluarga Berencana, dan Pembangunan Keluarga"],
             abbreviation="Bangga Kencana", former_names=[(KKBPK, dt.date(2020, 1, 1))])
    g = to_gold(b.extraction())
    assert g["entities"] == [{
        "label": KKBPK, "class": "PROG", "mentions": ["Program KKBPK", "KKBPK"],
        "aliases": ["KKBPK", "Program KKBPK",
                    "Kependudukan, Keluarga Berencana dan Pembangunan Keluarga"]}]
    assert g["relations"] == []


# ---------------------------------------------------------------------- matching rules


def ents(*items: tuple[str, str] | tuple[str, str, list[str]], aliases=None) -> dict:
    out = []
    for item in items:
        label, cls, *rest = item
        out.append({"label": label, "class": cls, "mentions": rest[0] if rest else [label],
                    "aliases": aliases or []})
    return {"file": "x.txt", "entities": out, "people": [], "meetings": [], "statements": [],
            "relations": []}


def entity_counts(g: dict, p: dict, cls: str) -> tuple[int, int, int]:
    c = score_article(g, p).entities[cls]
    return c.tp, c.fp, c.fn


@pytest.mark.parametrize(("gold_label", "mentions", "pred_label", "expected"), [
    ("Kota Bandung", ["Bandung"], "Kabupaten Bandung", (0, 1, 1)),
    ("Kabupaten Bandung", ["Kabupaten Bandung"], "Kota Bandung", (0, 1, 1)),
    ("Kabupaten Bandung", ["Bandung"], "Bandung", (1, 0, 0)),
    ("Kabupaten Bandung", ["Kabupaten Bandung"], "Bandung", (0, 1, 1)),
    ("Pontianak", ["Pontianak"], "Kota Pontianak", (1, 0, 0)),
    ("Provinsi Kalimantan Barat", ["Kalbar"], "provinsi  kalimantan-barat", (1, 0, 0)),
])
def test_place_names_match_with_a_prefix_only_when_the_gold_writes_the_bare_name(
        gold_label, mentions, pred_label, expected):
    assert entity_counts(ents((gold_label, "PLACE", mentions)), ents((pred_label, "PLACE")),
                         "PLACE") == expected


def test_prefix_rule_is_for_places_only():
    g = ents(("Bandung", "ORG", ["Bandung"]))
    assert entity_counts(g, ents(("Kota Bandung", "ORG")), "ORG") == (0, 1, 1)


def test_alias_match_and_class_mismatch():
    g = ents(("Kampung Keluarga Berencana", "PROG"))
    p = ents(("Kampung KB", "PROG"), aliases=["Kampung Keluarga Berencana"])
    assert entity_counts(g, p, "PROG") == (1, 0, 0)
    wrong_class = score_article(g, ents(("Kampung Keluarga Berencana", "ORG")))
    assert (wrong_class.entities["PROG"].fn, wrong_class.entities["ORG"].fp) == (1, 1)
    missed = [f for f in wrong_class.findings if f.kind == "missed"]
    assert missed[0].note == "predicted as ORG Kampung Keluarga Berencana"


def test_an_entity_the_text_only_implies_is_optional():
    """The real corpus's rule: a gold entity with no mention (the government behind a
    post) counts when found and is no miss when not."""
    g = ents(("Pemerintah Kabupaten Sambas", "ORG", []), ("Kota Sambas", "PLACE"))
    assert entity_counts(g, ents(("Kota Sambas", "PLACE")), "ORG") == (0, 0, 0)
    found = ents(("Pemerintah Kabupaten Sambas", "ORG"), ("Kota Sambas", "PLACE"))
    assert entity_counts(g, found, "ORG") == (1, 0, 0)
    assert not [f for f in score_article(g, ents(("Kota Sambas", "PLACE"))).findings
                if f.kind == "missed"]


def test_each_prediction_matches_one_gold_entity_only():
    g = ents(("Kota Bandung", "PLACE", ["Bandung"]), ("Kabupaten Bandung", "PLACE", ["Bandung"]))
    assert entity_counts(g, ents(("Bandung", "PLACE")), "PLACE") == (1, 0, 1)


def test_meeting_names_match_as_written_or_by_containment():
    g = ents(("Pertemuan Kelompok Kerja Kampung KB Kalbar 2019", "EVENT",
              ["pertemuan kelompok kerja Kampung Keluarga Berencana (KB)"]))
    p = ents(("pertemuan kelompok kerja Kampung Keluarga Berencana (KB)", "EVENT"))
    assert entity_counts(g, p, "EVENT") == (1, 0, 0)
    g2 = ents(("Rakor Kampung KB Tingkat Provinsi Sulawesi Selatan", "EVENT"))
    assert entity_counts(g2, ents(("Rakor Kampung KB", "EVENT")), "EVENT") == (1, 0, 0)
    assert entity_counts(g2, ents(("Rakor", "EVENT")), "EVENT") == (0, 1, 1)


def test_mention_recall_counts_exact_surface_forms():
    g = ents(("Provinsi Jawa Tengah", "PLACE", ["Provinsi Jawa Tengah", "Jateng", "Jawa Tengah"]))
    p = ents(("Provinsi Jawa Tengah", "PLACE", ["Provinsi  Jawa Tengah", "jateng"]))
    score = score_article(g, p)
    assert (score.mentions["PLACE"].tp, score.mentions["PLACE"].fn) == (1, 2)


def with_section(base: dict, **sections) -> dict:
    out = copy.deepcopy(base)
    out.update(sections)
    return out


G06 = gold("06-kkbpk-jadi-bangga-kencana-jateng")


def test_people_match_on_name_exact_post_and_organization_label():
    person = {"name": "Wahyu Setyo Nugroho", "post": "Kepala Perwakilan BKKBN Jateng",
              "organization": "Perwakilan BKKBN Provinsi Jawa Tengah"}
    g = with_section(G06, people=[person])

    def people(**changes) -> tuple[int, int, int]:
        c = score_article(g, with_section(G06, people=[{**person, **changes}])).people
        return c.tp, c.fp, c.fn

    assert people() == (1, 0, 0)
    assert people(post="Kepala  Perwakilan BKKBN\nJateng") == (1, 0, 0)
    assert people(name="wahyu setyo nugroho") == (1, 0, 0)
    assert people(post="kepala perwakilan BKKBN Jateng") == (0, 1, 1)
    assert people(organization="Badan Kependudukan dan Keluarga Berencana Nasional") == (0, 1, 1)


def test_people_organization_is_read_through_the_entity_alignment():
    """A predicted org labelled differently but aligned by alias is the gold's org."""
    g = copy.deepcopy(G06)
    p = copy.deepcopy(G06)
    office = next(e for e in p["entities"] if e["label"] == "Perwakilan BKKBN Provinsi Jawa Tengah")
    office["label"], office["aliases"] = "BKKBN Jateng", ["Perwakilan BKKBN Provinsi Jawa Tengah"]
    for person in p["people"]:
        if person["organization"] == "Perwakilan BKKBN Provinsi Jawa Tengah":
            person["organization"] = "BKKBN Jateng"
    score = score_article(g, p)
    assert (score.people.tp, score.people.fp, score.people.fn) == (3, 0, 0)
    assert score.relations["sub-organization of"].tp == 1


def meeting(**slots) -> dict:
    base = {"label": MEETING_06, "organizer": "Perwakilan BKKBN Provinsi Jawa Tengah",
            "location": "Hotel Patra Semarang", "city": "Kota Semarang", "start": "2020-02-13",
            "end": "2020-02-13", "participants": 150, "chair": None, "follows_up": None}
    return base | slots


def slot_table(g_meetings: list[dict], p_meetings: list[dict]) -> dict:
    score = score_article(with_section(G06, meetings=g_meetings),
                          with_section(G06, meetings=p_meetings))
    return {s: (c.correct, c.both_null, c.wrong, c.missed, c.spurious)
            for s, c in score.slots.items() if (c.correct, c.both_null) != (1, 0)}


def test_meeting_slots_wrong_missed_spurious_and_both_null():
    assert slot_table([meeting()], [meeting()]) == {
        "chair": (0, 1, 0, 0, 0), "follows_up": (0, 1, 0, 0, 0), "opened_by": (0, 0, 0, 0, 0)}
    assert slot_table([meeting()], [meeting(start="2020-02-14", participants=None,
                                            chair="Wahyu Setyo Nugroho")]) == {
        "start": (0, 0, 1, 0, 0), "participants": (0, 0, 0, 1, 0),
        "chair": (0, 0, 0, 0, 1), "follows_up": (0, 1, 0, 0, 0), "opened_by": (0, 0, 0, 0, 0)}


def test_opened_by_is_a_slot_of_its_own_scored_where_the_gold_annotates_it():
    wahyu = "Wahyu Setyo Nugroho"
    # the gold says who opened it: the opener is scored apart from the chair
    assert slot_table([meeting(opened_by=wahyu)], [meeting(opened_by=wahyu)]) == {
        "chair": (0, 1, 0, 0, 0), "follows_up": (0, 1, 0, 0, 0)}
    assert slot_table([meeting(opened_by=wahyu)], [meeting(chair=wahyu)]) == {
        "chair": (0, 0, 0, 0, 1), "opened_by": (0, 0, 0, 1, 0), "follows_up": (0, 1, 0, 0, 0)}
    assert slot_table([meeting(opened_by=None)], [meeting(opened_by=wahyu)])["opened_by"] == (
        0, 0, 0, 0, 1)
    # a gold without the key (the dev corpus) does not score it, whatever is predicted
    assert slot_table([meeting()], [meeting(opened_by=wahyu)])["opened_by"] == (0, 0, 0, 0, 0)
    # one gold meeting without the key: the article's gold does not annotate it
    other = meeting(label="Rapat Kerja Daerah", opened_by=wahyu)
    assert slot_table([meeting(), other], [meeting(opened_by=wahyu), other])[
        "opened_by"] == (0, 0, 0, 0, 0)


def test_meetings_match_by_contained_label_and_unmatched_ones_count_all_slots():
    short = meeting(label="Sosialisasi Program Bangga Kencana")
    assert slot_table([meeting()], [short]) == {
        "chair": (0, 1, 0, 0, 0), "follows_up": (0, 1, 0, 0, 0), "opened_by": (0, 0, 0, 0, 0)}
    score = score_article(with_section(G06, meetings=[meeting()]),
                          with_section(G06, meetings=[meeting(label="Rapat Kerja Daerah")]))
    assert (score.meetings.tp, score.meetings.fp, score.meetings.fn) == (0, 1, 1)
    assert (score.slots["start"].missed, score.slots["start"].spurious) == (1, 1)
    assert score.slots["chair"].both_null == 0


def statements(*pairs: tuple[str, str]) -> list[dict]:
    return [{"speaker": s, "opening": " ".join(t.split()[:10]), "text": t} for s, t in pairs]


@pytest.mark.parametrize(("said", "matches"), [
    ("penggantian nama bukan sekadar urusan kemasan.", True),
    ("“Penggantian  nama bukan sekadar urusan kemasan", True),
    ("Ia mengatakan, penggantian nama bukan sekadar urusan kemasan dan lebih", True),
    ("satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas "
     "penggantian nama bukan sekadar urusan kemasan.", False),
    ("penggantian nama adalah urusan kemasan", False),
])
def test_statement_openings(said, matches):
    g = with_section(G06, statements=statements(
        ("Wahyu Setyo Nugroho", "penggantian nama bukan sekadar urusan kemasan.")))
    p = with_section(G06, statements=statements(("Wahyu Setyo Nugroho", said)))
    assert score_article(g, p).statements.tp == int(matches)


def test_statement_with_the_wrong_speaker_is_a_miss_with_a_hint():
    g = with_section(G06, statements=statements(("Wahyu Setyo Nugroho", "Yang berubah namanya.")))
    p = with_section(G06, statements=statements(("Retno Wulandari", "Yang berubah namanya.")))
    score = score_article(g, p)
    assert (score.statements.tp, score.statements.fp, score.statements.fn) == (0, 1, 1)
    missed = next(f for f in score.findings if f.section == "statements" and f.kind == "missed")
    assert missed.note == "found, but attributed to Retno Wulandari"


def test_relations_compare_after_entity_alignment():
    g = with_section(G06, relations=[["Kampung Keluarga Berencana", "part of", BANGGA]])
    p = copy.deepcopy(g)
    kampung = next(e for e in p["entities"] if e["label"] == "Kampung Keluarga Berencana")
    kampung["label"], kampung["aliases"] = "Kampung KB", ["Kampung Keluarga Berencana"]
    p["relations"] = [["Kampung KB", "part of", BANGGA], ["Kampung KB", "run by", BANGGA]]
    score = score_article(g, p)
    assert (score.relations["part of"].tp, score.relations["run by"].fp) == (1, 1)
    assert [(f.kind, f.predicted) for f in score.findings if f.section == "relations"] == [
        ("false positive", f"Kampung KB | run by | {BANGGA}")]


# ----------------------------------------------------------------- the corpus and gold


DEV_NAMES = sorted(p.stem for p in DEV_GOLD.glob("*.json"))


def test_gold_scored_against_itself_is_perfect():
    report = Report(articles=[score_article(gold(n), gold(n)) for n in DEV_NAMES])
    assert report.findings == []
    assert report.entities().f1 == 1.0 and report.relations().f1 == 1.0
    # what the dev gold holds, counted once (07's two sub-organization facts are one)
    assert {c: report.entities(c).tp for c in CLASSES} == {
        "ORG": 72, "PER": 39, "PROG": 44, "FRAME": 21, "EVENT": 15, "PLACE": 65}
    assert report.mentions().tp == 350
    assert (report.section("people").tp, report.section("meetings").tp,
            report.section("statements").tp) == (41, 15, 104)
    assert report.relations().tp == 215
    assert (report.slot().correct, report.slot().both_null) == (97, 23)


def test_load_gold_reads_a_folder_or_a_file_and_names_broken_files(tmp_path):
    assert [g["file"] for g in load_gold(DEV_GOLD)][:2] == [
        "01-pencanangan-kampung-kb-kubu-raya.txt", "02-rakerda-kkbpk-jambi-2019.txt"]
    assert len(load_gold(DEV_GOLD / "01-pencanangan-kampung-kb-kubu-raya.json")) == 1
    with pytest.raises(InputError, match="no such file"):
        load_gold(tmp_path / "missing")
    with pytest.raises(InputError, match="no gold"):
        load_gold(tmp_path)
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.json: not a readable gold JSON file"):
        load_gold(tmp_path)
    (tmp_path / "bad.json").write_text('{"file": "a.txt"}', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.json: not a gold file"):
        load_gold(tmp_path)


def test_markdown_and_json_reports():
    report = evaluate_extractions([(G06, build_06().extraction())])
    md = render_markdown(report)
    assert md.startswith(
        "Articles scored: 1.\n\n**Entities**\n\n| class | P | R | F1 | TP | FP | FN |\n")
    assert "| PROG | 1.00 | 0.50 | 0.67 | 3 | 0 | 3 |" in md
    assert "| chair | – | – | – | 1.00 | 0 | 1 | 0 | 0 | 0 |" in md
    assert [s.title for s in summary_sections(report)] == [
        "Entities", "People", "Meetings", "Meeting slots", "Statements", "Relations"]
    data = json.loads(json.dumps(report_to_dict(report)))
    assert data["summary"]["entities"]["PROG"] == {
        "tp": 3, "fp": 0, "fn": 3, "precision": 1.0, "recall": 0.5, "f1": pytest.approx(2 / 3)}
    assert data["articles"][0]["file"] == "06-kkbpk-jadi-bangga-kencana-jateng.txt"
    assert {"section": "entities", "kind": "missed",
            "gold": "FRAME Rencana Strategis BKKBN 2020-2024", "predicted": "",
            "note": ""} in data["articles"][0]["findings"]
    assert "findings" not in report_to_dict(report, details=False)["articles"][0]


# ----------------------------------------------------------------------------- the CLI


def test_cli_bad_input_exits_2(tmp_path, capsys):
    assert main(["evaluate", str(tmp_path / "nope"), str(DEV_GOLD)]) == 2
    assert "nope: no such file or folder" in capsys.readouterr().err


def test_cli_gold_without_article_is_a_warning(tmp_path, capsys):
    shutil.copy(DEV_GOLD / "03-rakor-kampung-kb-sulsel.json", tmp_path)
    assert main(["evaluate", str(DEV / "01-pencanangan-kampung-kb-kubu-raya.txt"),
                 str(tmp_path), "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert "03-rakor-kampung-kb-sulsel.txt is not under" in captured.err
    assert json.loads(captured.out)["summary"]["articles"] == 0


# -------------------------------------------------------------- the pipeline, end to end


@pytest.fixture(scope="module")
def dev_report():  # runs the loaders over the 14 dev articles
    from kbgraph.loaders.evaluate import evaluate_paths

    return evaluate_paths(DEV, DEV_GOLD)


@pytest.mark.slow
def test_pipeline_over_the_dev_corpus_scores_every_article(dev_report):
    assert dev_report.warnings == []
    assert [a.file for a in dev_report.articles] == [f"{n}.txt" for n in DEV_NAMES]
    # the gold side of every count is fixed by the gold files, whatever the loaders find
    gold_side = {c: dev_report.entities(c).tp + dev_report.entities(c).fn for c in CLASSES}
    assert gold_side == {"ORG": 72, "PER": 39, "PROG": 44, "FRAME": 21, "EVENT": 15, "PLACE": 65}
    statements = dev_report.section("statements")
    assert statements.tp + statements.fn == 104
    relations = dev_report.relations()
    assert relations.tp + relations.fn == 215


def test_cli_table_and_details_for_one_article(tmp_path, capsys):
    name = "06-kkbpk-jadi-bangga-kencana-jateng"
    planted = with_section(G06)  # a gold entity no text names: always a miss to list
    planted["entities"].append({"label": "Lembaga Tanpa Nama", "class": "ORG",
                                "mentions": ["Lembaga Tanpa Nama"]})
    (tmp_path / f"{name}.json").write_text(json.dumps(planted), encoding="utf-8")
    assert main(["evaluate", str(DEV / f"{name}.txt"), str(tmp_path), "--details"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Articles scored: 1\n")
    for title in ("Entities", "People", "Meetings", "Meeting slots", "Statements", "Relations",
                  f"{name}.txt"):
        assert f"\n{title}" in out
    assert "ORG Lembaga Tanpa Nama" in out


@pytest.mark.slow
def test_the_dev_corpus_meets_the_quality_bar_of_issue_3(dev_report):
    # entity F1 >= 0.90 per class; meeting slots (organizer, place, dates, participants,
    # chair) >= 0.90; people with post and organization >= 0.85; statements >= 0.90
    for cls in CLASSES:
        assert dev_report.entities(cls).f1 >= 0.90, cls
    for slot in ("organizer", "location", "start", "end", "participants", "chair"):
        assert dev_report.slot(slot).f1 >= 0.90, slot
    assert dev_report.section("people").f1 >= 0.85
    assert dev_report.section("statements").f1 >= 0.90


@pytest.mark.slow
def test_the_dev_corpus_stays_where_it_is(dev_report):
    """Issue 15: rules written for real news must not cost the written corpus anything
    (a lower-case program match once made "pendewasaan usia perkawinan" a program there)."""
    for cls in CLASSES:
        counts = dev_report.entities(cls)
        assert (counts.fp, counts.fn) == (0, 0), cls
    for section in ("people", "meetings", "statements"):
        counts = dev_report.section(section)
        assert (counts.fp, counts.fn) == (0, 0), section


def test_an_article_from_before_a_rename_names_the_entity_by_its_name_then():
    from extractkit import article
    from kbgraph.loaders.clean import clean
    from kbgraph.loaders.extract import extract

    text = "Kepala BKKBN RI, Budi Santoso, mencanangkan Kampung KB di Kabupaten Sambas.\n"
    for published, label in ((dt.date(2018, 3, 1), "Badan Kependudukan dan Keluarga Berencana "
                              "Nasional"),
                             (dt.date(2025, 3, 1), "Kementerian Kependudukan dan Pembangunan "
                              "Keluarga/BKKBN")):
        art = article(text, published)
        g = to_gold(extract(art, clean(art)))
        assert [(e["label"], e["mentions"]) for e in g["entities"] if e["class"] == "ORG"
                and "BKKBN RI" in e["mentions"]] == [(label, ["BKKBN RI"])]
        assert g["people"] == [{"name": "Budi Santoso", "post": "Kepala BKKBN RI",
                                "organization": label}]
