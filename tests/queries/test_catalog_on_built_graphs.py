"""The catalogue on graphs the real pipeline builds: the seed article, and the fixture
articles of tests/fixtures/articles (four short articles written for these questions:
two meetings in Jawa Timur, the second following up the first; one in NTB with two
organizers; a national Rakernas that names both provincial offices)."""

from __future__ import annotations

import pytest

from kbgraph.queries.catalog import run

from querykit import labelled, table

pytestmark = pytest.mark.slow

KALBAR_OFFICE = "Perwakilan BKKBN Provinsi Kalimantan Barat"
NATIONAL = "Kementerian Kependudukan dan Pembangunan Keluarga/BKKBN"
BANGGA_KENCANA = "Program Pembangunan Keluarga, Kependudukan dan Keluarga Berencana"
POKJA = "pertemuan kelompok kerja Kampung Keluarga Berencana (KB)"
OPENINGS = [
    "kegiatan itu dilakukan sebagai upaya memperkuat program KKBPK di Provinsi Kalbar",
    "Ini dimaksudkan dalam rangka menuju keluarga kecil berkualitas",
    "kegiatan ini sebagai wujud kesungguhan",
    "Selain itu, kegiatan ini dilakukan guna mendukung visi misi",
    "diperlukan peran aktif stakeholder dan mitra kerja",
    "Keberhasilan program KKBPK telah terlihat pada masa lalu",
    "kegiatan ini bertujuan untuk meningkatkan sinergitas",
    "Kegiatan ini dilaksanakan selama dua hari",
]


# -- the seed -------------------------------------------------------------------------

def test_seed_meetings_one_row(seed_store):
    assert labelled(seed_store, run(seed_store, "meetings")) == [
        (POKJA, POKJA, KALBAR_OFFICE, "Kota Pontianak", "2019-11-25", "2019-11-26", "133", "Muslimat",
         None, None),
    ]
    assert len(run(seed_store, "meetings", {"province": "Kalimantan Barat"})) == 1
    assert len(run(seed_store, "meetings", {"province": "Provinsi Kalimantan Barat"})) == 1
    assert len(run(seed_store, "meetings", {"province": "Jawa Timur"})) == 0


def test_seed_statements_eight_all_muslimat(seed_store):
    rows = labelled(seed_store, run(seed_store, "statements"))
    assert len(rows) == 8
    assert {(r[0], r[3]) for r in rows} == {("Muslimat", "2019-11-26")}
    assert all(r[1].startswith(o) for r, o in zip(rows, OPENINGS))
    assert len({r[2] for r in rows}) == 1  # one article
    assert len(run(seed_store, "statements", {"speaker": "muslimat"})) == 8


def test_seed_actors(seed_store):
    assert labelled(seed_store, run(seed_store, "actors")) == [
        ("Bidang Advokasi Pergerakan dan Informasi Perwakilan BKKBN Provinsi Kalimantan Barat",
         "Bidang Advokasi Pergerakan dan Informasi Perwakilan BKKBN Provinsi Kalimantan Barat",
         "bidang", KALBAR_OFFICE, None, None),
        (NATIONAL, NATIONAL, "lembaga pemerintah pusat", None, None,
         "Badan Kependudukan dan Keluarga Berencana Nasional (until 2024-10)"),
        ("Pemerintah Provinsi Kalimantan Barat", "Pemerintah Provinsi Kalimantan Barat",
         "pemerintah daerah", None, "Provinsi Kalimantan Barat", None),
        (KALBAR_OFFICE, KALBAR_OFFICE, "kantor perwakilan", NATIONAL, "Provinsi Kalimantan Barat",
         None),
    ]  # the outlet (ANTARA) is the article's publisher, not an actor


def test_seed_people(seed_store):
    assert labelled(seed_store, run(seed_store, "people")) == [
        ("Muslimat", "Muslimat",
         "Kepala Bidang Advokasi Pergerakan dan Informasi (Adpin) Perwakilan BKKBN Kalbar",
         "Bidang Advokasi Pergerakan dan Informasi Perwakilan BKKBN Provinsi Kalimantan Barat",
         "Bidang Advokasi Pergerakan dan Informasi Perwakilan BKKBN Provinsi Kalimantan Barat",
         "2019-11-26"),
        ("Muslimat", "Muslimat", "Ketua panitia pelaksana", KALBAR_OFFICE, KALBAR_OFFICE,
         "2019-11-26"),
    ]  # reported on the sample's date of publication


def test_seed_programs_and_frameworks(seed_store):
    assert labelled(seed_store, run(seed_store, "programs")) == [
        ("Kampung Keluarga Berencana", "Kampung Keluarga Berencana", BANGGA_KENCANA, None, None, None),
        (BANGGA_KENCANA, BANGGA_KENCANA, None, NATIONAL,
         "Rencana Pembangunan Jangka Menengah Nasional 2015-2019 | Rencana Strategis 2015-2019",
         "Program Kependudukan, Keluarga Berencana dan Pembangunan Keluarga (until 2019-12)"),
    ]
    assert [r[1:] for r in labelled(seed_store, run(seed_store, "frameworks"))] == [
        ("Nawacita", None, None, POKJA),
        ("Nawacita prioritas 5: meningkatkan kualitas hidup manusia Indonesia", None, None, POKJA),
        ("Rencana Pembangunan Jangka Menengah Nasional 2015-2019", "2015", "2019", BANGGA_KENCANA),
        ("Rencana Strategis 2015-2019", "2015", "2019", BANGGA_KENCANA),
        ("Strategi Pembangunan Nasional 2015-2019", "2015", "2019", POKJA),
    ]


def test_seed_timeline_follow_ups_articles(seed_store):
    timeline = labelled(seed_store, run(seed_store, "timeline"))
    assert [(r[0], r[2], r[3], r[4]) for r in timeline] == [
        ("2019-11-25", "pertemuan", "Kota Pontianak", "Provinsi Kalimantan Barat"),
    ]  # what the article reports; the lexicon's renames only when asked for:
    reference = labelled(seed_store, run(seed_store, "timeline", {"reference": "yes"}))
    assert [(r[0], r[2], r[5]) for r in reference[1:]] == [
        ("2019-12", "perubahan nama",  # as precise as the source: a month, no invented day
         "Program Kependudukan, Keluarga Berencana dan Pembangunan Keluarga → " + BANGGA_KENCANA),
        ("2024-10", "perubahan nama", "Badan Kependudukan dan Keluarga Berencana Nasional → " + NATIONAL),
    ]
    assert not any("namechange" in str(cell) for r in reference for cell in r)
    assert len(run(seed_store, "timeline", {"province": "Kalbar"})) == 1
    assert labelled(seed_store, run(seed_store, "follow-ups")) == [
        (POKJA, "Rapat Koordinasi PWG dan AMP; DWG 2018", "2019-11-25")]
    articles = labelled(seed_store, run(seed_store, "articles"))
    assert len(articles) == 1
    assert articles[0][1:5] == (  # the sample's front matter; its publisher is ANTARA's desk
        "BKKBN Kalbar gelar pertemuan kelompok kerja Kampung Keluarga Berencana", "2019-11-26",
        "ANTARA Kalimantan Barat", "https://kalbar.antaranews.com/berita/397219/"
        "bkkbn-kalbar-gelar-pertemuan-kelompok-kerja-kampung-keluarga-berencana")
    assert articles[0][5].endswith("loaders/sample/antara-kalbar-2019-11-26-pokja-kampung-kb.txt")


def test_seed_co_mentions_program_coverage(seed_store):
    pairs = labelled(seed_store, run(seed_store, "co-mentions"))
    assert len(pairs) == 10 and {r[2] for r in pairs} == {"1"}  # five actors, one article
    assert ("Pemerintah Provinsi Kalimantan Barat", KALBAR_OFFICE, "1") in pairs
    assert labelled(seed_store, run(seed_store, "program-coverage")) == [
        ("Kampung Keluarga Berencana", None, "pusat", "1"),
        ("Kampung Keluarga Berencana", "Provinsi Kalimantan Barat", "provinsi", "1"),
        (BANGGA_KENCANA, None, "pusat", "1"),
        (BANGGA_KENCANA, "Provinsi Kalimantan Barat", "provinsi", "1"),
    ]


def test_seed_evidence_and_article_entities(seed_store):
    evidence = labelled(seed_store, run(seed_store, "evidence", {"subject": KALBAR_OFFICE}))
    assert [(r[1], r[2]) for r in evidence] == [  # subject or object
        ("diselenggarakan oleh", KALBAR_OFFICE),
        ("unit dari", KALBAR_OFFICE),
        ("sub-organisasi dari", NATIONAL),
        ("tingkat pemerintahan", "provinsi"),
        ("wilayah kerja", "Provinsi Kalimantan Barat"),
        ("jabatan di", KALBAR_OFFICE),
    ]
    assert all(r[3].startswith("BKKBN Kalbar menggelar pertemuan") for r in evidence
               if r[0] == KALBAR_OFFICE)
    assert all(int(r[5]) < int(r[6]) for r in evidence)
    entities = {r[2]: r for r in labelled(seed_store, run(seed_store, "article-entities"))}
    assert len(entities) == 19
    assert entities[KALBAR_OFFICE][3:] == ("kantor perwakilan",
                                           "BKKBN Kalbar | Perwakilan BKKBN Kalbar", None)
    assert entities["Kampung Keluarga Berencana"][4] == (
        "Kampung KB | Kampung Keluarga Berencana (KB) | Program Kampung KB")


# -- the fixture articles ---------------------------------------------------------------

def test_fixture_timeline_by_province_and_dates(fixture_store):
    jatim = labelled(fixture_store, run(fixture_store, "timeline", {"province": "Jawa Timur"}))
    assert [(r[0], r[1], r[2], r[3]) for r in jatim] == [
        ("2021-03-08", "Rapat Koordinasi Kampung KB Provinsi Jawa Timur", "rapat koordinasi",
         "Kota Surabaya"),
        ("2021-06-15", "Rapat Koordinasi Lanjutan Kampung KB Provinsi Jawa Timur",
         "rapat koordinasi", "Kota Malang"),
    ]
    window = labelled(fixture_store, run(fixture_store, "timeline",
                                         {"from": "2022-01-01", "to": "2023-12-31"}))
    assert [(r[0], r[1], r[4]) for r in window] == [
        ("2022-08-09", "Sosialisasi Program Bangga Kencana", "Provinsi Nusa Tenggara Barat"),
        ("2023-01-25", "Rapat Kerja Nasional Program Bangga Kencana 2023", "Provinsi DKI Jakarta"),
    ]


def test_fixture_meetings_two_organizers_two_rows(fixture_store):
    ntb = labelled(fixture_store, run(fixture_store, "meetings", {"province": "Nusa Tenggara Barat"}))
    assert [(r[2], r[4], r[6]) for r in ntb] == [  # one row, the organizers joined
        ("Pemerintah Kabupaten Lombok Tengah | Perwakilan BKKBN Provinsi Nusa Tenggara Barat",
         "2022-08-09", "60"),
    ]


def test_fixture_co_mentions(fixture_store):
    top = labelled(fixture_store, run(fixture_store, "co-mentions"))[:2]
    assert top == [(NATIONAL, "Perwakilan BKKBN Provinsi Jawa Timur", "3"),
                   (NATIONAL, "Perwakilan BKKBN Provinsi Nusa Tenggara Barat", "2")]


def test_fixture_program_coverage(fixture_store):
    rows = labelled(fixture_store, run(fixture_store, "program-coverage"))
    kampung = [r[1:] for r in rows if r[0] == "Kampung Keluarga Berencana"]
    assert kampung == [
        (None, "pusat", "3"),
        ("Provinsi Jawa Timur", "kabupaten", "1"),
        ("Provinsi Jawa Timur", "kota", "1"),
        ("Provinsi Jawa Timur", "provinsi", "3"),
        ("Provinsi Nusa Tenggara Barat", "provinsi", "1"),
    ]
    assert [r[1:] for r in rows if r[0] == BANGGA_KENCANA] == [
        (None, "pusat", "3"),
        ("Provinsi Jawa Timur", "kabupaten", "1"),
        ("Provinsi Jawa Timur", "provinsi", "2"),
        ("Provinsi Nusa Tenggara Barat", "kabupaten", "1"),
        ("Provinsi Nusa Tenggara Barat", "provinsi", "2"),
    ]


def test_fixture_follow_up_by_label(fixture_store):
    rows = labelled(fixture_store, run(fixture_store, "follow-ups"))
    assert rows == [("Rapat Koordinasi Lanjutan Kampung KB Provinsi Jawa Timur",
                     "Rapat Koordinasi Kampung KB Provinsi Jawa Timur", "2021-06-15")]


@pytest.mark.xfail(strict=True, reason="the loaders mint the earlier meeting named in 02 as its "
                   "own event (no date in its slug), not the meeting of 01")
def test_fixture_follow_up_points_at_the_meeting_of_article_01(fixture_store):
    followed = {r[1] for r in table(run(fixture_store, "follow-ups"))}
    dated = {r[1] for r in table(run(fixture_store, "timeline", {"province": "Jawa Timur"}))}
    assert followed <= dated
