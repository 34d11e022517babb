"""Entities, mentions, people and their facts, on the seed and on dev-like snippets.

The snippets are written for these tests (fictional people, real institutions) in the
shapes of Indonesian news prose the extractor must read: apposition, chained posts,
degrees, bare place names, regulations in both spellings, periods shared by two plans.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import pytest
from extractkit import parse
from kbgraph.loaders.clean import clean
from kbgraph.loaders.extract import extract
from kbgraph.loaders.extract.text import doc_sentences
from kbgraph.loaders.model import Article, CleanText, EntityRef, Extraction
from kbgraph.loaders.read import read_path
from kbgraph.ontology.namespaces import KB, SCHEMA, XSD
from rdflib.namespace import FOAF, ORG

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "loaders" / "sample" / "antara-kalbar-2019-11-26-pokja-kampung-kb.txt"
DEV = REPO / "tests" / "fixtures" / "dev"

BKKBN = "org/kementerian-kependudukan-dan-pembangunan-keluarga-bkkbn"
BANGGA = "program/program-pembangunan-keluarga-kependudukan-dan-keluarga-berencana"
KALBAR_OFFICE = "org/perwakilan-bkkbn-provinsi-kalimantan-barat"
ADPIN = "org/bidang-advokasi-pergerakan-dan-informasi-perwakilan-bkkbn-provinsi-kalimantan-ba-89dc5500"


def read(text: str) -> Extraction:
    """Extract from a body used as is (identity offsets, no cleaning)."""
    article = Article(id="snippet", text=text, source="snippet.txt")
    return extract(article, CleanText(text=text, offsets=tuple(range(len(text) + 1))))


def entities(x: Extraction, *kinds: str) -> dict[str, tuple[str, str]]:
    """key → (label, most specific class name) for the entities of some kinds."""
    return {k: (e.label, e.types[0].split("#")[-1].split("/")[-1])
            for k, e in x.entities.items() if k.split("/")[0] in kinds}


def mentions(x: Extraction, key: str) -> set[str]:
    return {m.text for m in x.entities[key].mentions}


def people(x: Extraction) -> set[tuple[str, str, str | None]]:
    """(name, post as written, organization label) as the gold lists people."""
    out = set()
    for f in x.facts:
        if f.predicate != ORG.holds:
            continue
        post = x.entities[f.obj.key]
        orgs = [g.obj.key for g in x.facts if g.subject == post.key and g.predicate == ORG.postIn]
        out.add((x.entities[f.subject].label, post.name_as_written,
                 x.entities[orgs[0]].label if orgs else None))
    return out


def relations(x: Extraction, predicate) -> set[tuple[str, str]]:
    return {(f.subject, f.obj.key) for f in x.facts
            if f.predicate == predicate and isinstance(f.obj, EntityRef)}


@pytest.fixture(scope="module")
def seed() -> Extraction:
    article = read_path(SEED)[0][0]
    return extract(article, clean(article))


# ---------------------------------------------------------------------- the seed

def test_seed_entities(seed):
    assert entities(seed, "org", "person", "program", "framework", "place") == {
        BKKBN: ("Kementerian Kependudukan dan Pembangunan Keluarga/BKKBN", "GovernmentAgency"),
        KALBAR_OFFICE: ("Perwakilan BKKBN Provinsi Kalimantan Barat", "RepresentativeOffice"),
        ADPIN: (("Bidang Advokasi Pergerakan dan Informasi Perwakilan BKKBN Provinsi Kalimantan "
                 "Barat"), "Division"),
        "org/pemerintah-provinsi-kalimantan-barat": ("Pemerintah Provinsi Kalimantan Barat",
                                                     "RegionalGovernment"),
        "org/antara-news-kalimantan-barat": ("ANTARA News Kalimantan Barat", "NewsPublisher"),
        "person/muslimat": ("Muslimat", "Person"),
        BANGGA: ("Program Pembangunan Keluarga, Kependudukan dan Keluarga Berencana", "Program"),
        "program/kampung-keluarga-berencana": ("Kampung Keluarga Berencana", "Program"),
        "framework/nawacita": ("Nawacita", "PoliticalAgenda"),
        "framework/nawacita-prioritas-5": (
            "Nawacita prioritas 5: meningkatkan kualitas hidup manusia Indonesia", "PolicyPriority"),
        "framework/rencana-pembangunan-jangka-menengah-nasional-2015-2019": (
            "Rencana Pembangunan Jangka Menengah Nasional 2015-2019", "DevelopmentPlan"),
        "framework/rencana-strategis-2015-2019": ("Rencana Strategis 2015-2019", "StrategicPlan"),
        "framework/strategi-pembangunan-nasional-2015-2019": (
            "Strategi Pembangunan Nasional 2015-2019", "DevelopmentPlan"),
        "place/kota-pontianak": ("Kota Pontianak", "City"),
        "place/provinsi-kalimantan-barat": ("Provinsi Kalimantan Barat", "Province"),
    }
    # the renamed program keeps its old name, dated; the publisher is not a place
    assert seed.entities[BANGGA].former_names[0][0] == (
        "Program Kependudukan, Keluarga Berencana dan Pembangunan Keluarga")
    assert seed.entities["place/kota-pontianak"].wikidata == "Q14168"


def test_seed_mentions_once_each_and_nested(seed):
    assert mentions(seed, BKKBN) == {"BKKBN"}  # inside "Perwakilan BKKBN Kalbar"
    assert mentions(seed, KALBAR_OFFICE) == {"BKKBN Kalbar", "Perwakilan BKKBN Kalbar"}
    assert mentions(seed, "place/provinsi-kalimantan-barat") == {"Kalbar", "Provinsi Kalbar"}
    assert mentions(seed, ADPIN) == {"Bidang Advokasi Pergerakan dan Informasi (Adpin)"}
    assert mentions(seed, "program/kampung-keluarga-berencana") == {
        "Kampung Keluarga Berencana (KB)", "Kampung KB", "Program Kampung KB"}
    assert {"Kependudukan, Keluarga Berencana dan Pembangunan Keluarga (KKBPK)", "KKBPK",
            "program KKBPK"} <= mentions(seed, BANGGA)
    assert mentions(seed, "framework/nawacita-prioritas-5") == {
        "prioritas nomor lima, yakni meningkatkan kualitas hidup manusia Indonesia"}
    assert mentions(seed, "org/antara-news-kalimantan-barat") == {"ANTARA News Kalimantan Barat"}
    # the duplicated body and the footer are cut: each mention is in the first copy or footer
    body_end = seed.article.text.index("COPYRIGHT")
    for entity in seed.entities.values():
        for m in entity.mentions:
            assert seed.article.text[m.span.start:m.span.end] == m.text
            assert m.span.start < body_end or m.text == "ANTARA News Kalimantan Barat"


def test_seed_people_and_structure(seed):
    assert people(seed) == {
        ("Muslimat", ("Kepala Bidang Advokasi Pergerakan dan Informasi (Adpin) Perwakilan BKKBN "
                      "Kalbar"), ("Bidang Advokasi Pergerakan dan Informasi Perwakilan BKKBN "
                                  "Provinsi Kalimantan Barat")),
        ("Muslimat", "Ketua panitia pelaksana", "Perwakilan BKKBN Provinsi Kalimantan Barat"),
    }
    assert (KALBAR_OFFICE, BKKBN) in relations(seed, ORG.subOrganizationOf)
    assert (KALBAR_OFFICE, "place/provinsi-kalimantan-barat") in relations(seed, KB.jurisdiction)
    assert relations(seed, ORG.unitOf) == {(ADPIN, KALBAR_OFFICE)}
    assert ("place/kota-pontianak", "place/provinsi-kalimantan-barat") in relations(
        seed, SCHEMA.containedInPlace)
    levels = {(f.subject, f.obj) for f in seed.facts if f.predicate == KB.governmentLevel}
    assert {(KALBAR_OFFICE, KB.LevelProvinsi), (BKKBN, KB.LevelPusat)} <= levels


def test_seed_programs_and_frameworks(seed):
    rpjmn = "framework/rencana-pembangunan-jangka-menengah-nasional-2015-2019"
    renstra = "framework/rencana-strategis-2015-2019"
    assert relations(seed, KB.partOfProgram) == {("program/kampung-keluarga-berencana", BANGGA)}
    assert (BANGGA, BKKBN) in relations(seed, KB.runBy)
    assert relations(seed, KB.alignsWith) == {(BANGGA, rpjmn), (BANGGA, renstra)}
    periods = {(f.subject, f.obj) for f in seed.facts if f.predicate == KB.period}
    assert periods == {(rpjmn, "2015/2019"), (renstra, "2015/2019"),
                       ("framework/strategi-pembangunan-nasional-2015-2019", "2015/2019")}
    priority = "framework/nawacita-prioritas-5"
    assert (priority, "framework/nawacita") in relations(seed, KB.priorityOf)
    assert any(f.subject == priority and f.predicate == KB.priorityNumber and f.obj == 5
               for f in seed.facts)


def test_seed_evidence_is_the_sentence_in_the_original(seed):
    for fact in seed.facts:
        sentence = seed.sentences[fact.evidence.sentence]
        assert (fact.evidence.start, fact.evidence.end) == (sentence.start, sentence.end)
        assert seed.article.text[sentence.start:sentence.end] == sentence.text
    align = next(f for f in seed.facts if f.predicate == KB.alignsWith)
    assert "program KKBPK menuju sasaran RPJMN dan RENSTRA" in seed.sentences[
        align.evidence.sentence].text


def test_sentences_of_news_prose():
    text = ('"Ini bagus. Sangat," katanya.\n\nIa menjelaskan, Drs. H. Dadang Sukmana, M.Si, '
            "hadir. Kepala Bidang Asep Saepul Milah, S.IP. Asep mengatakan, Sp.OG dan Ph.D. "
            "tidak memotong. M. Nur datang\nBaris baru")
    doc = parse(text, until="kb_sentences")
    assert [text[s:e] for s, e in doc_sentences(doc)] == [
        '"Ini bagus. Sangat," katanya.',
        "Ia menjelaskan, Drs. H. Dadang Sukmana, M.Si, hadir.",
        "Kepala Bidang Asep Saepul Milah, S.IP.",
        "Asep mengatakan, Sp.OG dan Ph.D. tidak memotong.",
        "M. Nur datang",
        "Baris baru",
    ]


# ---------------------------------------------------------------------- snippets

REGIONAL = (
    "Kepala Dinas Kesehatan Kabupaten Sambas, Budi Hartono, mengatakan program Bangga Kencana "
    "sejalan dengan Perpres 72/2021.\n"
    "Acara dibuka Sekda Provinsi Jambi yang diwakili Asisten II Bidang Perekonomian dan "
    "Pembangunan Setda Provinsi Jambi Ir. Agus Sunaryo, M.Si di Gedung Sate, Bandung, Senin "
    "(12/3/2023).\n"
    "Pemkot Bandung dan Pemkab Bandung sepakat membentuk Tim Percepatan Penurunan Stunting "
    "(TPPS) Kota Bandung. Wali Kota Bandung H. Yana Mulyana, S.E. menyatakan TPPS akan bekerja "
    "keras.\n"
    "Kepala Bidang Pengendalian Penduduk DP2KB Kabupaten Cirebon Hj. Siti Aminah, S.Sos "
    "mengatakan Kampung KB di Desa Sukamaju, Kecamatan Plumbon, Cirebon sudah aktif. Menurut "
    "Siti, Bina Keluarga Lansia (BKL) juga berjalan.\n"
)


def test_regional_posts_apposition_and_bodies():
    x = read(REGIONAL)
    assert people(x) == {
        ("Budi Hartono", "Kepala Dinas Kesehatan Kabupaten Sambas",
         "Dinas Kesehatan Kabupaten Sambas"),
        ("Agus Sunaryo", "Asisten II Bidang Perekonomian dan Pembangunan Setda Provinsi Jambi",
         "Sekretariat Daerah Provinsi Jambi"),
        ("Yana Mulyana", "Wali Kota Bandung", "Pemerintah Kota Bandung"),
        ("Siti Aminah", "Kepala Bidang Pengendalian Penduduk DP2KB Kabupaten Cirebon",
         ("Bidang Pengendalian Penduduk Dinas Pengendalian Penduduk dan Keluarga Berencana "
          "Kabupaten Cirebon")),
    }
    assert mentions(x, "person/agus-sunaryo") == {"Ir. Agus Sunaryo, M.Si"}
    assert mentions(x, "person/yana-mulyana") == {"H. Yana Mulyana, S.E."}
    assert mentions(x, "person/siti-aminah") == {"Hj. Siti Aminah, S.Sos", "Siti"}
    taskforce = "org/tim-percepatan-penurunan-stunting-kota-bandung"
    assert x.entities[taskforce].types[0] == KB.TaskForce
    assert mentions(x, taskforce) == {"Tim Percepatan Penurunan Stunting (TPPS) Kota Bandung",
                                      "TPPS"}
    assert (taskforce, "org/pemerintah-kota-bandung") in relations(x, ORG.subOrganizationOf)
    assert "org/pemerintah-provinsi-jambi" not in x.entities  # the Sekda was not named


def test_bare_place_names():
    x = read(REGIONAL)
    assert mentions(x, "place/kota-bandung") >= {"Bandung", "Kota Bandung"}  # a capital
    assert mentions(x, "place/kabupaten-bandung") == {"Bandung"}  # after "Pemkab"
    assert mentions(x, "place/kabupaten-cirebon") == {"Kabupaten Cirebon", "Cirebon"}
    contained = relations(x, SCHEMA.containedInPlace)
    assert {("place/desa-sukamaju", "place/kecamatan-plumbon"),
            ("place/kecamatan-plumbon", "place/kabupaten-cirebon"),
            ("place/gedung-sate", "place/kota-bandung")} <= contained
    assert x.entities["place/gedung-sate"].types[0] == KB.Venue


NATIONAL = (
    "Kepala BKKBN dr. Hasto Wardoyo, Sp.OG(K) meminta daerah mempercepat penurunan stunting. "
    "Hal itu disampaikan Hasto di Semarang.\n"
    "Menteri Kesehatan Budi Gunadi Sadikin menambahkan, Kemenkes bekerja sama dengan Bappenas. "
    "Deputi Bidang Pengendalian Penduduk BKKBN Bonivasius Prasetya, M.Si mengatakan data "
    "Pendataan Keluarga 2021 menjadi acuan.\n"
    "Sementara itu Ketua TP PKK Kabupaten Kendal, Hj. Dyah Kartika, mengatakan kader PKK siap "
    "mendampingi keluarga. Dia dan kader lain dari dinas kesehatan ikut hadir; KB dan TFR dibahas.\n"
)


def test_national_posts_ministers_and_deputies():
    x = read(NATIONAL)
    assert people(x) == {
        ("Hasto Wardoyo", "Kepala BKKBN", "Kementerian Kependudukan dan Pembangunan Keluarga/BKKBN"),
        ("Budi Gunadi Sadikin", "Menteri Kesehatan", "Kementerian Kesehatan"),
        ("Bonivasius Prasetya", "Deputi Bidang Pengendalian Penduduk BKKBN",
         "Kedeputian Bidang Pengendalian Penduduk BKKBN"),
        ("Dyah Kartika", "Ketua TP PKK Kabupaten Kendal",  # the regency's branch of PKK
         "Tim Penggerak Pemberdayaan Kesejahteraan Keluarga Kabupaten Kendal"),
    }
    assert mentions(x, "person/hasto-wardoyo") == {"dr. Hasto Wardoyo, Sp.OG(K)", "Hasto"}
    deputy = "org/kedeputian-bidang-pengendalian-penduduk-bkkbn"
    assert relations(x, ORG.unitOf) == {(deputy, BKKBN)}
    assert mentions(x, "program/pendataan-keluarga-2021") == {"Pendataan Keluarga 2021"}
    # generic words are not entities: pronouns, lower-case agencies, "KB", metrics
    labels = {e.label for e in x.entities.values()}
    assert not labels & {"Dia", "dinas kesehatan", "KB", "TFR"}
    assert not [k for k in x.entities if k.startswith("org/dinas")]


AREAS = (
    "Pj. Gubernur Gorontalo Hamka Hendra Noer mengatakan program berjalan. Asisten I Setda "
    "Provinsi Maluku Utara Abdul Gafur Hi. Ibrahim membuka acara. Camat Cikande, M. Nasir, "
    "mengatakan warga antusias. Plt. Kepala Dinas DP3AP2KB Kota Banda Aceh, Cut Nurjannah, "
    "hadir di Kalurahan Bleberan, Kapanewon Playen, Gunungkidul.\n"
)


def test_acting_titles_area_heads_and_names_with_honorifics_inside():
    x = read(AREAS)
    assert people(x) == {
        ("Hamka Hendra Noer", "Pj. Gubernur Gorontalo", "Pemerintah Provinsi Gorontalo"),
        ("Abdul Gafur Ibrahim", "Asisten I Setda Provinsi Maluku Utara",
         "Sekretariat Daerah Provinsi Maluku Utara"),
        ("M. Nasir", "Camat Cikande", None),
        ("Cut Nurjannah", "Plt. Kepala Dinas DP3AP2KB Kota Banda Aceh",
         ("Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan "
          "Keluarga Berencana Kota Banda Aceh")),
    }
    assert mentions(x, "person/abdul-gafur-ibrahim") == {"Abdul Gafur Hi. Ibrahim"}
    assert {("place/kalurahan-bleberan", "place/kapanewon-playen"),
            ("place/kapanewon-playen", "place/kabupaten-gunung-kidul")} <= relations(
        x, SCHEMA.containedInPlace)
    assert x.entities["place/kapanewon-playen"].types[0] == KB.District


FRAMEWORKS = (
    "Kegiatan itu memastikan program KKBPK menuju sasaran RPJMN dan RENSTRA tahun 2015-2019.\n"
    "Pembentukan TPK merupakan amanat Peraturan Presiden Nomor 72 Tahun 2021 tentang "
    "Percepatan Penurunan Stunting, sedangkan Perpres 72/2021 juga mengatur TPPS.\n"
    "Program Bangga Kencana juga menjadi kerangka Rencana Strategis (Renstra) BKKBN 2020-2024 "
    "dan UU No. 52 Tahun 2009, serta Rencana Aksi Nasional Percepatan Penurunan Angka Stunting "
    "Indonesia (RAN PASTI).\n"
    "Kampung KB dicanangkan di banyak desa. Menurut dia, program tersebut menjadi bagian dari "
    "Nawacita.\n"
)


def test_frameworks_periods_and_regulations():
    x = read(FRAMEWORKS)
    perpres = "framework/peraturan-presiden-nomor-72-tahun-2021"
    assert x.entities[perpres].label == (
        "Peraturan Presiden Nomor 72 Tahun 2021 tentang Percepatan Penurunan Stunting")
    assert mentions(x, perpres) == {
        "Peraturan Presiden Nomor 72 Tahun 2021 tentang Percepatan Penurunan Stunting",
        "Perpres 72/2021"}
    attrs = {(f.predicate, f.obj, f.datatype) for f in x.facts if f.subject == perpres}
    assert attrs == {(KB.regulationType, "Perpres", None), (KB.regulationNumber, "72", None),
                     (KB.regulationYear, 2021, XSD.gYear)}
    uu = "framework/undang-undang-nomor-52-tahun-2009"
    assert x.entities[uu].label.endswith("tentang Perkembangan Kependudukan dan Pembangunan Keluarga")
    assert mentions(x, uu) == {"UU No. 52 Tahun 2009"}
    renstra = "framework/rencana-strategis-bkkbn-2020-2024"
    assert mentions(x, renstra) == {"Rencana Strategis (Renstra) BKKBN 2020-2024"}
    assert x.entities["framework/rencana-aksi-nasional-percepatan-penurunan-angka-stunting-"
                      "indonesia"].types[0] == KB.ActionPlan
    periods = {(f.subject, f.obj) for f in x.facts if f.predicate == KB.period}
    assert periods == {("framework/rencana-pembangunan-jangka-menengah-nasional-2015-2019",
                        "2015/2019"), ("framework/rencana-strategis-2015-2019", "2015/2019"),
                       (renstra, "2020/2024")}
    aligns = relations(x, KB.alignsWith)
    assert {(BANGGA, "framework/rencana-pembangunan-jangka-menengah-nasional-2015-2019"),
            ("program/tim-pendamping-keluarga", perpres),
            ("program/percepatan-penurunan-stunting", perpres),
            (BANGGA, renstra), (BANGGA, uu),
            ("program/kampung-keluarga-berencana", "framework/nawacita")} <= aligns
    # KKBPK and Bangga Kencana are one program
    assert mentions(x, BANGGA) >= {"KKBPK", "program KKBPK", "Program Bangga Kencana"}


def test_dateline_and_footer_mentions_in_original_offsets():
    body = ("JAMBI (ANTARA) - Kepala Perwakilan BKKBN Provinsi Jambi Dr. Hj. Nurhayati Syamsuddin, "
            "M.Kes mengatakan Jambi baru memiliki 98 Kampung KB. Rapat digelar di Swiss-Belhotel "
            "Jambi.\n\nCopyright © ANTARA 2019\n")
    article = Article(id="jambi", text=body, source="jambi.txt")
    x = extract(article, clean(article))
    assert mentions(x, "place/kota-jambi") == {"JAMBI", "Jambi"}  # dateline, inside the venue
    assert mentions(x, "place/provinsi-jambi") == {"Provinsi Jambi", "Jambi"}
    assert mentions(x, "org/antara") == {"ANTARA"}
    assert [m.span.start for m in x.entities["org/antara"].mentions] == [
        body.index("ANTARA"), body.index("ANTARA 2019")]
    assert ("place/swiss-belhotel-jambi", "place/kota-jambi") in relations(
        x, SCHEMA.containedInPlace)
    assert people(x) == {("Nurhayati Syamsuddin", "Kepala Perwakilan BKKBN Provinsi Jambi",
                          "Perwakilan BKKBN Provinsi Jambi")}
    assert x.entities["person/nurhayati-syamsuddin"].types == [FOAF.Person]


def test_same_input_same_output():
    a, b = read(REGIONAL), read(REGIONAL)
    assert sorted(a.entities) == sorted(b.entities)
    assert a.facts == b.facts


# ---------------------------------------------------------------------- quality and speed

@pytest.mark.slow
def test_dev_corpus_quality():
    from kbgraph.loaders.evaluate import evaluate_paths

    report = evaluate_paths(DEV, DEV / "gold")
    for cls in ("ORG", "PER", "PROG", "FRAME", "PLACE"):
        assert report.entities(cls).f1 >= 0.95, cls
    assert report.section("people").f1 >= 0.95
    assert report.mentions().recall >= 0.95


def test_entity_pass_is_fast():
    article = read_path(SEED)[0][0]
    text = clean(article).text
    text = text + "\n" + text.replace("Kalbar", "Jateng").replace("Pontianak", "Semarang")
    assert len(text.split()) > 380
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        parse(text, until="kb_mentions")  # the entity stages
        times.append(time.perf_counter() - t0)
    assert statistics.median(times[1:]) < 0.2  # ~10 ms on an idle core; a loaded CI is slower


# ---------------------------------------------------------------- held-out shapes

def test_village_and_district_heads_serve_a_government():
    x = read("Bupati Serang Hj. Ratna Wulandari mencanangkan Desa Sukamaju, Kecamatan Kramat, "
             "sebagai Kampung KB pertama di Kabupaten Serang. Camat Kramat Asep Mulyadi berharap "
             "warga aktif. Kepala Desa Sukamaju Darsa menuturkan, Pemerintah Desa Sukamaju "
             "menyiapkan ruangan.")
    assert people(x) == {
        ("Ratna Wulandari", "Bupati Serang", "Pemerintah Kabupaten Serang"),
        ("Asep Mulyadi", "Camat Kramat", "Pemerintah Kabupaten Serang"),
        ("Darsa", "Kepala Desa Sukamaju", "Pemerintah Desa Sukamaju")}  # not "Desa Sukamaju Darsa"
    assert mentions(x, "org/pemerintah-desa-sukamaju") == {"Pemerintah Desa Sukamaju"}
    assert mentions(x, "place/desa-sukamaju") == {"Desa Sukamaju"}


def test_lurah_of_a_kelurahan_serves_the_city_of_a_kalurahan_its_own():
    x = read("Pemkot Batam mencanangkan Kelurahan Tanjung Riau, Kecamatan Sekupang, sebagai "
             "Kampung KB. Lurah Tanjung Riau M. Yunus berharap warga datang.")
    assert people(x) == {("M. Yunus", "Lurah Tanjung Riau", "Pemerintah Kota Batam")}
    y = read("Kegiatan digelar di Kalurahan Wonosari, Kapanewon Playen. Lurah Wonosari Sukirno "
             "mengatakan warga antusias.")
    assert people(y) == {("Sukirno", "Lurah Wonosari", "Pemerintah Kalurahan Wonosari")}


def test_tp_pkk_of_a_region_is_a_branch_of_pkk():
    x = read("Ketua TP PKK Kabupaten Sikka Ny. Maria Yasinta Da-Silva berharap kader PKK aktif.")
    tp = "org/tim-penggerak-pemberdayaan-kesejahteraan-keluarga-kabupaten-sikka"
    assert people(x) == {("Maria Yasinta Da-Silva", "Ketua TP PKK Kabupaten Sikka",
                          "Tim Penggerak Pemberdayaan Kesejahteraan Keluarga Kabupaten Sikka")}
    assert (tp, "org/pemberdayaan-kesejahteraan-keluarga") in relations(x, ORG.subOrganizationOf)
    assert mentions(x, "org/pemberdayaan-kesejahteraan-keluarga") == {"PKK"}


def test_acting_titles_with_the_short_form_in_brackets_and_shortened_first_names():
    x = read("Penjabat (Pj.) Gubernur Sulawesi Barat Dr. Zainal Arifin, M.Si membuka acara. "
             "Kepala Dinas Kesehatan Kabupaten Mamuju H. Muh. Ridwan Saleh, S.KM hadir.")
    assert people(x) == {
        ("Zainal Arifin", "Penjabat (Pj.) Gubernur Sulawesi Barat", "Pemerintah Provinsi Sulawesi Barat"),
        ("Muh. Ridwan Saleh", "Kepala Dinas Kesehatan Kabupaten Mamuju",
         "Dinas Kesehatan Kabupaten Mamuju")}


def test_honorary_post_in_apposition():
    x = read("Acara menghadirkan Duta GenRe Sulawesi Barat 2021, Rina Kartika Sari, sebagai "
             "narasumber.")
    assert people(x) == {("Rina Kartika Sari", "Duta GenRe Sulawesi Barat 2021", None)}


def test_place_spelling_variants_and_the_government_spelled_as_the_text_does():
    x = read("Pemerintah Kabupaten Gunungkidul menggelar rapat. Wakil Bupati Gunungkidul "
             "Slamet Riyadi membuka rapat.")
    assert people(x) == {("Slamet Riyadi", "Wakil Bupati Gunungkidul",
                          "Pemerintah Kabupaten Gunungkidul")}
    assert "org/pemerintah-kabupaten-gunungkidul" in x.entities
    y = read("Wali Kota Tanjungpinang Rahma Dewi hadir.")
    assert people(y) == {("Rahma Dewi", "Wali Kota Tanjungpinang", "Pemerintah Kota Tanjungpinang")}


def _article(body: str, publisher: str | None = None) -> Extraction:
    article = Article(id="outlet", text=body, source="outlet.txt", publisher=publisher)
    return extract(article, clean(article))


def test_outlets_in_datelines_bodies_and_bylines_are_publishers_not_places():
    x = _article("SERANGNEWS.COM, PANDEGLANG - Kepala Dinas Kesehatan Kabupaten Pandeglang Budi "
                 "Santoso mengatakan layanan gratis.\n\nPenulis: Rudi Hermawan\nEditor: Tati "
                 "Suryani\n", publisher="Serangnews.com")
    outlet = "org/serangnews-com"
    assert x.entities[outlet].types[0] == KB.NewsPublisher
    assert mentions(x, outlet) == {"SERANGNEWS.COM"}
    assert mentions(x, "place/kabupaten-pandeglang") >= {"PANDEGLANG"}
    assert {p for p in people(x) if p[2] == "Serangnews.com"} == {
        ("Rudi Hermawan", "Penulis", "Serangnews.com"), ("Tati Suryani", "Editor", "Serangnews.com")}
    y = _article("PALU, Humas – Gubernur Sulawesi Tengah Andi Rahman membuka rapat.\n\n"
                 "(Humas Pemprov Sulteng)\n", publisher="Humas Pemprov Sulteng")
    humas = "org/humas-pemprov-sulteng"
    assert mentions(y, humas) == {"Humas", "Humas Pemprov Sulteng"}
    assert (humas, "org/pemerintah-provinsi-sulawesi-tengah") in relations(y, ORG.unitOf)
    z = _article("KOMPAS.com - Pemerintah Kabupaten Sikka meluncurkan program. Keterangan itu "
                 "diterima Kompas.com, Senin.", publisher="Kompas.com")
    assert mentions(z, "org/kompas-com") == {"KOMPAS.com", "Kompas.com"}


def test_run_by_needs_a_sentence_that_says_who_runs_it():
    x = read("Kampung KB menjadi cara BKKBN menerjemahkan Nawacita. Kepala BKKBN hadir di acara "
             "Bina Keluarga Balita.")
    assert relations(x, KB.runBy) == {(
        "program/kampung-keluarga-berencana", BKKBN)}  # "cara BKKBN"; the BKB sentence says nothing
    y = read("Perwakilan BKKBN Lampung juga memperkuat kelompok Bina Keluarga Balita di desa.")
    assert relations(y, KB.runBy) == {("program/bina-keluarga-balita",
                                       "org/perwakilan-bkkbn-provinsi-lampung")}
    z = read("Data itu dasar upaya percepatan penurunan stunting yang kini dikoordinasikan BKKBN.")
    assert relations(z, KB.runBy) == {("program/percepatan-penurunan-stunting", BKKBN)}


def test_aligned_with_across_sentences_and_by_a_regulation_s_title():
    x = read("Ia menyebutkan, Muara Enim memiliki 312 kelompok BKB dan 145 kelompok BKL. "
             "Pembinaan melalui kelompok kegiatan tersebut merupakan amanat Peraturan Pemerintah "
             "Nomor 87 Tahun 2014.")
    pp = [k for k in x.entities if k.startswith("framework/peraturan-pemerintah-nomor-87")]
    assert len(pp) == 1
    assert relations(x, KB.alignsWith) == {("program/bina-keluarga-balita", pp[0]),
                                           ("program/bina-keluarga-lansia", pp[0])}
    y = read("Bupati meminta percepatan penurunan stunting dikebut. Gerakan ini dijalankan sesuai "
             "Peraturan Presiden Nomor 72 Tahun 2021 tentang Percepatan Penurunan Stunting.")
    (perpres,) = [k for k in y.entities if k.startswith("framework/peraturan-presiden")]
    assert ("program/percepatan-penurunan-stunting", perpres) in relations(y, KB.alignsWith)


def test_a_venue_named_after_a_village_lies_in_that_village():
    x = read("Pemkot Batam mencanangkan Kelurahan Sei Jodoh, Kecamatan Batu Ampar, sebagai Kampung "
             "KB. Acara digelar di halaman Kantor Lurah Sei Jodoh, Kamis (18/1/2018).")
    assert ("place/kantor-lurah-sei-jodoh", "place/kelurahan-sei-jodoh") in relations(
        x, SCHEMA.containedInPlace)


def test_a_regional_plan_takes_its_region_and_a_plan_of_each_region_is_no_entity():
    x = read("Bupati diminta memasukkan target ke Rencana Pembangunan Jangka Menengah Daerah "
             "(RPJMD) masing-masing. Pemprov Jateng telah menyelaraskan target dengan RPJMD Jateng "
             "2018-2023.")
    assert entities(x, "framework") == {
        "framework/rencana-pembangunan-jangka-menengah-daerah-provinsi-jawa-tengah-2018-2023": (
            "Rencana Pembangunan Jangka Menengah Daerah Provinsi Jawa Tengah 2018-2023",
            "DevelopmentPlan")}


def test_a_periodic_program_with_tahun_and_its_short_form():
    x = read("Kader mengikuti Apel Siaga Pendataan Keluarga Tahun 2023 di Jayapura. Menurut dia, "
             "Pendataan Keluarga 2023 atau PK23 dilaksanakan serentak. Data PK23 menjadi dasar.")
    assert mentions(x, "program/pendataan-keluarga-2023") == {
        "Pendataan Keluarga Tahun 2023", "Pendataan Keluarga 2023", "PK23"}
    assert "program/pendataan-keluarga" not in x.entities
    y = read("Sasaran ditentukan dari hasil Pendataan Keluarga 2021 (PK21) tahun lalu.")
    assert mentions(y, "program/pendataan-keluarga-2021") == {"Pendataan Keluarga 2021 (PK21)"}
