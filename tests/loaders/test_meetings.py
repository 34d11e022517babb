"""Meetings and their slots (loaders/extract/s12_meetings.py, on production docs: extractkit)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from extractkit import run_stages, with_names
from kbgraph.loaders.clean import clean
from kbgraph.loaders.extract.s12_meetings import meeting_class
from kbgraph.loaders.extract.text import parse_number
from kbgraph.loaders.model import EntityRef
from kbgraph.loaders.read import read_path
from kbgraph.ontology.namespaces import KB, SCHEMA, XSD
from rdflib.namespace import FOAF

D = dt.date
SEED = Path(__file__).parents[2] / "loaders" / "sample" / "antara-kalbar-2019-11-26-pokja-kampung-kb.txt"
P = FOAF.Person
SHORT = {KB.organizedBy: "org", SCHEMA.location: "loc", SCHEMA.startDate: "start", SCHEMA.endDate: "end",
         KB.participantCount: "n", KB.durationDays: "days", KB.chairedBy: "chair", KB.openedBy: "opened",
         KB.concerns: "concerns", KB.followsUp: "follows", KB.year: "year", KB.supports: "supports",
         SCHEMA.containedInPlace: "in"}


def run(text: str, names=(), published: dt.date | None = None):
    ctx = with_names(text, names, published)
    run_stages(ctx, "kb_dates", "kb_meetings")
    return ctx


def facts(ctx) -> list[tuple[str, str, object]]:
    out = []
    for f in ctx.facts:
        obj = f.obj.key if isinstance(f.obj, EntityRef) else f.obj
        out.append((f.subject, SHORT[f.predicate], obj))
        s, e, i = f.evidence.start, f.evidence.end, f.evidence.sentence
        assert (s, e) == ctx.sentences[i]  # evidence is the sentence the fact was read in
    return out


def slots_of(ctx, key: str) -> list[tuple[str, object]]:
    """(slot, value) of one meeting's facts, in order."""
    return [(slot, obj) for k, slot, obj in facts(ctx) if k == key]


JAMBI = ("org/bkkbn-jambi", KB.RepresentativeOffice, "Perwakilan BKKBN Provinsi Jambi")
ANI, BUDI = ("person/ani-wulan", P, "Ani Wulan"), ("person/budi-santoso", P, "Budi Santoso")


def written(ctx) -> list[str]:
    """The meetings' names as written, sorted."""
    return sorted(e.name_as_written for e in ctx.entities.values() if KB.Meeting in e.types)


def events(ctx) -> dict[str, tuple]:
    """The meetings (not the observances, named days): key → (label, types)."""
    return {k: (e.label, e.types) for k, e in ctx.entities.items() if KB.Meeting in e.types}


def test_seed_one_meeting_and_the_rakor_it_follows_up():
    text = clean(read_path(SEED)[0][0]).text
    ctx = run(text, [
        ("person/muslimat", P, "Muslimat"),
        ("org/perwakilan-bkkbn-kalbar", KB.RepresentativeOffice, "BKKBN Kalbar"),
        ("org/perwakilan-bkkbn-kalbar", KB.RepresentativeOffice, "Perwakilan BKKBN Kalbar"),
        ("place/pontianak", KB.City, "Pontianak"),
        ("place/provinsi-kalimantan-barat", KB.Province, "Provinsi Kalbar"),
        ("program/kkbpk", KB.Program, "program KKBPK"),
        ("program/kampung-kb", KB.Program, "Kampung Keluarga Berencana (KB)"),
        ("program/kampung-kb", KB.Program, "Kampung KB"),
        ("org/pemprov-kalbar", KB.RegionalGovernment, "Pemerintah Provinsi Kalbar"),
        ("framework/nawacita-prioritas-5", KB.PolicyPriority, "prioritas nomor lima"),
    ])
    meeting = "event/pertemuan-kelompok-kerja-kampung-keluarga-berencana-kb-2019-11-25"
    rakor = "event/rapat-koordinasi-pwg-dan-amp-dwg-2018"
    assert events(ctx) == {
        meeting: ("pertemuan kelompok kerja Kampung Keluarga Berencana (KB)", [KB.Meeting]),
        rakor: ("Rapat Koordinasi PWG dan AMP; DWG 2018", [KB.CoordinationMeeting, KB.Meeting]),
    }
    assert ctx.entities[rakor].name_as_written == "Rapat Koordinasi PWG dan AMP; DWG tahun 2018"
    assert facts(ctx) == [
        (meeting, "org", "org/perwakilan-bkkbn-kalbar"),
        (meeting, "loc", "place/pontianak"),
        (meeting, "start", D(2019, 11, 25)),
        (meeting, "end", D(2019, 11, 26)),
        (meeting, "days", 2),
        (meeting, "n", 133),
        (meeting, "chair", "person/muslimat"),  # "Ketua panitia pelaksana pertemuan … Muslimat"
        (meeting, "concerns", "program/kampung-kb"),
        (meeting, "concerns", "program/kkbpk"),
        (meeting, "supports", "framework/nawacita-prioritas-5"),  # "… mensukseskan … prioritas …"
        (meeting, "supports", "org/pemprov-kalbar"),  # "guna mendukung visi misi Pemerintah …"
        (meeting, "follows", rakor),
        (rakor, "year", "2018"),
    ]
    assert next(f for f in ctx.facts if f.predicate == KB.year).datatype == XSD.gYear
    assert [(f.key, f.text) for f in ctx.found if f.key.startswith("event/")] == [
        (meeting, "pertemuan kelompok kerja Kampung Keluarga Berencana (KB)"),
        (rakor, "Rapat Koordinasi PWG dan AMP; DWG tahun 2018"),
    ]


RAKOR = ("SAMBAS - Dinas Pengendalian Penduduk Kabupaten Sambas menyelenggarakan Rapat Koordinasi "
         "Program Bangga Kencana Tingkat Kabupaten Sambas di Hotel Pantura Jaya, Sambas, Senin (4/3/2019). "
         "Rakor yang dipimpin langsung oleh Kepala Dinas Kesehatan, Budi Hartono, itu diikuti sekitar "
         "1.250 peserta dari 19 kecamatan.\n"
         "Menurut Budi, Rakor menyepakati tiga hal. Rakor lanjutan dijadwalkan pada 20 Mei 2019.")
RAKOR_NAMES = [
    ("org/dinas-pp-sambas", KB.RegionalAgency, "Dinas Pengendalian Penduduk Kabupaten Sambas"),
    ("person/budi-hartono", P, "Budi Hartono"), ("person/budi-hartono", P, "Budi"),
    ("place/kabupaten-sambas", KB.Regency, "Sambas"),
    ("program/bangga-kencana", KB.Program, "Program Bangga Kencana"),
]


def test_one_rakor_named_three_times_with_a_venue_nobody_knew():
    ctx = run(RAKOR, RAKOR_NAMES, D(2019, 3, 5))
    key = "event/rapat-koordinasi-program-bangga-kencana-tingkat-kabupaten-sambas-2019-03-04"
    assert events(ctx) == {key: ("Rapat Koordinasi Program Bangga Kencana Tingkat Kabupaten Sambas",
                                 [KB.CoordinationMeeting, KB.Meeting])}
    assert facts(ctx) == [
        # a venue only the meeting stage found lies in the place written after it
        ("place/hotel-pantura-jaya", "in", "place/kabupaten-sambas"),
        (key, "org", "org/dinas-pp-sambas"),
        (key, "loc", "place/hotel-pantura-jaya"),
        (key, "start", D(2019, 3, 4)),
        (key, "end", D(2019, 3, 4)),
        (key, "n", 1250),
        (key, "chair", "person/budi-hartono"),
        (key, "concerns", "program/bangga-kencana"),
    ]
    assert ctx.entities["place/hotel-pantura-jaya"].types == [KB.Venue, SCHEMA.Place]
    rakor_found = [f.text for f in ctx.found if f.key == key]
    assert rakor_found == ["Rapat Koordinasi Program Bangga Kencana Tingkat Kabupaten Sambas",
                           "Rakor", "Rakor"]


def test_the_followed_up_rakor_of_a_later_article_gets_the_same_key():
    first = run(RAKOR, RAKOR_NAMES, D(2019, 3, 5))
    later = run("Rakor lanjutan itu merupakan tindak lanjut dari Rapat Koordinasi Program Bangga Kencana "
                "Tingkat Kabupaten Sambas yang digelar di Sambas pada 4 Maret 2019.", RAKOR_NAMES,
                D(2019, 5, 21))
    (key,) = [k for k in first.entities if k.startswith("event/")]
    assert list(events(later)) == [key]
    assert (key, "start", D(2019, 3, 4)) in facts(later)


def test_opening_is_not_chairing():
    text = ("Perwakilan BKKBN Provinsi Jambi menggelar Rapat Kerja Daerah (Rakerda) Program KKBPK Tahun 2019 "
            "di Kota Jambi, 26-27 Februari 2019. Rakerda dibuka Sekretaris Daerah Ani Lestari.")
    ctx = run(text, [("org/bkkbn-jambi", KB.RepresentativeOffice, "Perwakilan BKKBN Provinsi Jambi"),
                     ("person/ani-lestari", P, "Ani Lestari"), ("place/kota-jambi", KB.City, "Kota Jambi")])
    key = "event/rapat-kerja-daerah-rakerda-program-kkbpk-tahun-2019-2019-02-26"
    assert facts(ctx) == [
        (key, "org", "org/bkkbn-jambi"),
        (key, "loc", "place/kota-jambi"),
        (key, "start", D(2019, 2, 26)),
        (key, "end", D(2019, 2, 27)),
        (key, "opened", "person/ani-lestari"),
    ]
    assert ctx.entities[key].abbreviation == "Rakerda"
    assert ctx.entities[key].types == [KB.WorkMeeting, KB.Meeting]


def test_launch_named_in_the_next_sentence_with_two_organizers_in_order():
    text = ("Wakil Bupati Ani Lestari mencanangkan Desa Sampali, Kecamatan Percut, sebagai Kampung KB, "
            "Selasa (19/4). Pencanangan Kampung KB Desa Sampali yang digelar Pemkab Deli Serdang bersama "
            "Perwakilan BKKBN Sumut di lapangan desa itu dihadiri sekitar 250 warga.")
    ctx = run(text, [("person/ani-lestari", P, "Ani Lestari"),
                     ("place/desa-sampali", KB.Village, "Desa Sampali"),
                     ("place/kecamatan-percut", KB.District, "Kecamatan Percut"),
                     ("org/pemkab-deli-serdang", KB.RegionalGovernment, "Pemkab Deli Serdang"),
                     ("org/bkkbn-sumut", KB.RepresentativeOffice, "Perwakilan BKKBN Sumut"),
                     ("program/kampung-kb", KB.Program, "Kampung KB")], D(2016, 4, 20))
    key = "event/pencanangan-kampung-kb-desa-sampali-2016-04-19"
    assert events(ctx) == {key: ("Pencanangan Kampung KB Desa Sampali", [KB.Launch, KB.Meeting])}
    assert facts(ctx) == [
        (key, "org", "org/pemkab-deli-serdang"),
        (key, "org", "org/bkkbn-sumut"),
        (key, "loc", "place/desa-sampali"),  # no venue named: the village in its name
        (key, "start", D(2016, 4, 19)),
        (key, "end", D(2016, 4, 19)),
        (key, "n", 250),
        (key, "opened", "person/ani-lestari"),
        (key, "concerns", "program/kampung-kb"),
    ]


def test_participants_are_those_who_take_part_not_the_audience():
    text = ("Sebanyak 30 finalis mengikuti Grand Final Pemilihan Duta GenRe Provinsi Lampung Tahun 2018 "
            "di Balai Keratun, Sabtu (7/7/2018) malam. Ajang yang diselenggarakan Perwakilan BKKBN "
            "Provinsi Lampung itu disaksikan sekitar 400 undangan.")
    ctx = run(text, [("org/bkkbn-lampung", KB.RepresentativeOffice, "Perwakilan BKKBN Provinsi Lampung")],
              D(2018, 7, 8))
    key = "event/grand-final-pemilihan-duta-genre-provinsi-lampung-tahun-2018-2018-07-07"
    assert events(ctx)[key][1] == [KB.Ceremony, KB.Meeting]
    assert facts(ctx) == [
        (key, "org", "org/bkkbn-lampung"),
        (key, "loc", "place/balai-keratun"),
        (key, "start", D(2018, 7, 7)),
        (key, "end", D(2018, 7, 7)),
        (key, "n", 30),
    ]


def test_a_planned_follow_up_meeting_does_not_take_the_current_ones_facts():
    text = ("BKKBN menggelar Rapat Koordinasi Kampung KB di Aula Kantor Gubernur, Selasa (13/3/2018). "
            "Hasilnya dievaluasi dalam rakor lanjutan yang dijadwalkan pada Mei mendatang. "
            "Kegiatan itu dihadiri 120 orang.")
    ctx = run(text, [("org/bkkbn", KB.GovernmentAgency, "BKKBN")], D(2018, 3, 13))
    key = "event/rapat-koordinasi-kampung-kb-2018-03-13"
    assert list(events(ctx)) == [key]
    assert (key, "n", 120) in facts(ctx)


def test_a_generic_meeting_takes_its_name_from_a_later_sentence():
    text = ("GARUT - Kelompok Kerja (Pokja) Kampung KB Kabupaten Garut menggelar pertemuan di "
            "Aula Setda Garut, "
            "Rabu (16/10). Pertemuan Pokja Kampung KB Kabupaten Garut yang dipimpin Ketua Pokja, Dadang "
            "Sukmana, itu dihadiri 45 orang dari 20 OPD.")
    pokja = "Kelompok Kerja (Pokja) Kampung KB Kabupaten Garut"
    ctx = run(text, [("org/pokja-garut", KB.WorkingGroup, pokja),
                     ("person/dadang-sukmana", P, "Dadang Sukmana")], D(2019, 10, 17))
    key = "event/pertemuan-pokja-kampung-kb-kabupaten-garut-2019-10-16"
    assert list(events(ctx)) == [key]
    assert facts(ctx) == [
        (key, "org", "org/pokja-garut"),
        (key, "loc", "place/aula-setda-garut"),
        (key, "start", D(2019, 10, 16)),
        (key, "end", D(2019, 10, 16)),
        (key, "n", 45),
        (key, "chair", "person/dadang-sukmana"),
    ]


def test_organizer_carried_from_the_sentence_before():
    text = ("Perwakilan BKKBN Kaltim mulai menyesuaikan program. Penyesuaian itu dibahas dalam Pertemuan "
            "Konsolidasi Mitra Kerja di Hotel Mercure Samarinda, Senin (18/11/2024).")
    ctx = run(text, [("org/bkkbn-kaltim", KB.RepresentativeOffice, "Perwakilan BKKBN Kaltim")],
              D(2024, 11, 19))
    key = "event/pertemuan-konsolidasi-mitra-kerja-2024-11-18"
    assert facts(ctx)[:2] == [(key, "org", "org/bkkbn-kaltim"), (key, "loc", "place/hotel-mercure-samarinda")]


def test_two_meetings_keep_their_own_facts():
    text = ("BKKBN menggelar Sosialisasi Program GenRe di Aula Dinas Pendidikan, Senin (3/6/2019). "
            "Kegiatan itu diikuti 50 pelajar. Sehari kemudian BKKBN mengadakan Apel Siaga Kampung KB "
            "di Lapangan Merdeka, Selasa (4/6/2019). Apel itu diikuti 300 kader.")
    ctx = run(text, [("org/bkkbn", KB.GovernmentAgency, "BKKBN")], D(2019, 6, 5))
    soc, apel = "event/sosialisasi-program-genre-2019-06-03", "event/apel-siaga-kampung-kb-2019-06-04"
    assert events(ctx) == {soc: ("Sosialisasi Program GenRe", [KB.Socialization, KB.Meeting]),
                           apel: ("Apel Siaga Kampung KB", [KB.Ceremony, KB.Meeting])}
    got = facts(ctx)
    assert (soc, "n", 50) in got and (apel, "n", 300) in got
    assert (soc, "loc", "place/aula-dinas-pendidikan") in got
    assert (apel, "loc", "place/lapangan-merdeka") in got


def test_without_any_entity_found_the_meeting_still_has_its_dates_and_count():
    ctx = run("Rapat Koordinasi Stunting digelar 3 hingga 5 Maret 2020. Rakor itu diikuti 85 peserta.")
    key = "event/rapat-koordinasi-stunting-2020-03-03"
    assert facts(ctx) == [(key, "start", D(2020, 3, 3)), (key, "end", D(2020, 3, 5)), (key, "n", 85)]


def test_nothing_to_read():
    ctx = run("Pertemuan itu diikuti 20 peserta. Kepala BKKBN mengatakan semua baik.")
    assert ctx.facts == [] and events(ctx) == {}


@pytest.mark.parametrize("name, cls", [
    ("Rapat Koordinasi Kampung KB", KB.CoordinationMeeting),
    ("Rakor lanjutan", KB.CoordinationMeeting),
    ("Rapat Kerja Nasional (Rakernas) Program Bangga Kencana", KB.WorkMeeting),
    ("Bimbingan Teknis (Bimtek) Tim Pendamping Keluarga", KB.Training),
    ("Pencanangan Kampung KB Desa Sampali", KB.Launch),
    ("Pertemuan Advokasi Program KKBPK", KB.Socialization),
    ("Grand Final Pemilihan Duta GenRe", KB.Ceremony),
    ("pertemuan kelompok kerja Kampung KB", KB.Meeting),
    ("Pertemuan Konsolidasi Mitra Kerja", KB.Meeting),
])
def test_meeting_class(name, cls):
    assert meeting_class(name) == cls


@pytest.mark.parametrize("raw, value", [
    ("133", 133), ("1.100", 1100), ("200 ribu", 200_000), ("1,5 ribu", 1500), ("dua", 2),
    ("sepuluh", 10), ("2,28", None), ("banyak", None),
])
def test_parse_number(raw, value):
    assert parse_number(raw) == value


def test_a_single_day_and_a_longer_duration_leave_the_end_unwritten():
    text = ("BKKBN menyelenggarakan Rakorda Bangga Kencana di Hotel Maleo, Rabu (7/4). Kegiatan yang "
            "berlangsung selama dua hari itu diikuti oleh 250 peserta.")
    ctx = run(text, [("org/bkkbn", KB.GovernmentAgency, "BKKBN")], D(2021, 4, 8))
    key = "event/rakorda-bangga-kencana-2021-04-07"
    assert facts(ctx) == [(key, "org", "org/bkkbn"), (key, "loc", "place/hotel-maleo"),
                          (key, "start", D(2021, 4, 7)), (key, "days", 2), (key, "n", 250)]


@pytest.mark.parametrize("text, n", [
    ("Sebanyak 150 pelajar SMA mengikuti Sosialisasi Program GenRe, Rabu (13/9).", 150),
    ("BKKBN menggelar Rapat Koordinasi Stunting, Rabu (13/9). Peserta rakor berjumlah 1.500 orang.", 1500),
    ("Apel Siaga Kampung KB digelar 29 s.d. 30 Juni. Apel diikuti tak kurang dari 2.500 kader.", 2500),
])
def test_participant_counts(text, n):
    ctx = run(text, [("org/bkkbn", KB.GovernmentAgency, "BKKBN")], D(2023, 9, 14))
    assert [obj for _, slot, obj in facts(ctx) if slot == "n"] == [n]


def test_co_organizer_after_bekerja_sama_dengan_and_a_long_attendance_phrase():
    text = ("KOLAKA - Sebanyak 84 pengelola Pusat Informasi dan Konseling Remaja (PIK-R) dan "
            "kelompok Bina Keluarga Remaja (BKR) mengikuti Orientasi Pengelola PIK-R Tingkat "
            "Kabupaten Kolaka di Hotel Sutra Kolaka, Senin (7/8/2023). Kegiatan yang digelar "
            "Dinas PPKB Kolaka bekerja sama dengan Perwakilan BKKBN Sultra itu dibuka Bupati.")
    ctx = run(text, [("org/dppkb-kolaka", KB.RegionalAgency, "Dinas PPKB Kolaka"),
                     ("org/perwakilan-bkkbn-sultra", KB.RepresentativeOffice, "Perwakilan BKKBN Sultra")])
    key = "event/orientasi-pengelola-pik-r-tingkat-kabupaten-kolaka-2023-08-07"
    got = facts(ctx)
    assert (key, "n", 84) in got
    assert [o for k, p, o in got if k == key and p == "org"] == [
        "org/dppkb-kolaka", "org/perwakilan-bkkbn-sultra"]


def test_ordinal_in_a_name_a_launch_by_meluncurkan_and_the_kb_service_event():
    ctx = run("Gubernur membuka Peringatan Hari Keluarga Nasional (Harganas) ke-31 Tingkat "
              "Provinsi Jambi di Lapangan Kantor Gubernur, Sabtu (29/6/2024).", (), D(2024, 6, 30))
    assert [e[0] for e in events(ctx).values()] == [
        "Peringatan Hari Keluarga Nasional (Harganas) ke-31 Tingkat Provinsi Jambi"]
    launch = run("Pemkab Sleman bersama Perwakilan BKKBN DIY meluncurkan Dapur Sehat Atasi Stunting di "
                 "Kalurahan Sendangadi, Kamis (16/2/2023). Peluncuran DASHAT Kalurahan Sendangadi itu "
                 "dihadiri kader.", [("org/pemkab-sleman", KB.RegionalGovernment, "Pemkab Sleman")])
    (key,) = events(launch)
    assert events(launch)[key] == ("Peluncuran DASHAT Kalurahan Sendangadi", [KB.Launch, KB.Meeting])
    assert (key, "org", "org/pemkab-sleman") in facts(launch)
    assert (key, "start", D(2023, 2, 16)) in facts(launch)
    service = run("Perwakilan BKKBN Aceh menggelar Pelayanan KB Serentak Sejuta Akseptor di "
                  "Puskesmas Ulee Kareng, Selasa (29/6/2021).")
    assert [e[0] for e in events(service).values()] == ["Pelayanan KB Serentak Sejuta Akseptor"]


def test_a_future_unnamed_service_is_not_a_meeting():
    ctx = run("Ia mengatakan, pihaknya akan menggelar pelayanan KB serentak setiap bulan di desa.")
    assert events(ctx) == {}


def test_a_scope_after_first_is_not_where_the_launch_was_held():
    ctx = run("Bupati Lebak Budi Hartono mencanangkan Desa Cibadak sebagai Kampung KB pertama di "
              "Kabupaten Lebak, Selasa (29/3/2016). Pencanangan Kampung KB Desa Cibadak itu "
              "digelar di Balai Desa Cibadak.",
              [("person/budi-hartono", P, "Budi Hartono"), ("place/kabupaten-lebak", KB.Regency,
               "Kabupaten Lebak"), ("place/desa-cibadak", KB.Village, "Desa Cibadak")])
    locs = [o for _, p, o in facts(ctx) if p == "loc"]
    assert locs and "place/kabupaten-lebak" not in locs


def test_an_organizer_holding_a_meeting_again_held_the_one_it_follows_up():
    text = ("KENDARI - Perwakilan BKKBN Sultra kembali mengumpulkan pengelola Kampung KB dalam Rapat "
            "Evaluasi Lanjutan Kampung KB Tingkat Provinsi Sulawesi Tenggara di Kendari, Rabu (13/3/2019).\n"
            "Rapat tersebut merupakan tindak lanjut dari Rapat Koordinasi Kampung KB Tingkat Provinsi "
            "Sulawesi Tenggara yang digelar di Hotel Claro Kendari pada tanggal 14 Januari 2019.")
    office = ("org/perwakilan-bkkbn-sultra", KB.RepresentativeOffice, "Perwakilan BKKBN Sultra")
    ctx = run(text, [office])
    organized = {k for k, p, o in facts(ctx) if p == "org" and o == office[0]}
    assert len(organized) == 2  # the evaluation and the Rakor it follows up
    without = run(text.replace(" kembali", ""), [office])
    assert len({k for k, p, o in facts(without) if p == "org"}) == 1


# ------------------------------------------------ shapes real news uses (sentences written here)

def test_two_meetings_held_as_one_event_share_what_is_said_of_them():
    text = ("Kepala Dinas Budi Santoso menghadiri Rapat Koordinasi Tim Pendamping Keluarga (TPK), "
            "sekaligus Rapat Koordinasi terkait Program Sarapan Sehat di Kabupaten Maros. "
            "Kegiatan ini dibuka langsung oleh Bupati Maros Andi Rahman.")
    ctx = run(text, [("person/budi-santoso", P, "Budi Santoso"), ("person/andi-rahman", P, "Andi Rahman"),
                     ("place/kabupaten-maros", KB.Regency, "Kabupaten Maros")], D(2025, 3, 4))
    first = "event/rapat-koordinasi-tim-pendamping-keluarga-tpk"
    second = "event/rapat-koordinasi-terkait-program-sarapan-sehat"
    assert {k: v[0] for k, v in events(ctx).items()} == {
        first: "Rapat Koordinasi Tim Pendamping Keluarga (TPK)",
        second: "Rapat Koordinasi terkait Program Sarapan Sehat"}
    assert sorted(facts(ctx)) == sorted([
        (first, "loc", "place/kabupaten-maros"), (first, "opened", "person/andi-rahman"),
        (second, "loc", "place/kabupaten-maros"), (second, "opened", "person/andi-rahman")])


def test_a_lower_case_name_after_pada_kegiatan_and_the_date_before_it():
    text = ("Hal itu disampaikan Sekda Maros Ani Wulan, Rabu (5/10-2022) pada kegiatan kunjungan "
            "peserta pelatihan kader Kampung Keluarga Berkualitas (KKB) di Kabupaten Maros.")
    ctx = run(text, [("person/ani-wulan", P, "Ani Wulan"),
                     ("place/kabupaten-maros", KB.Regency, "Kabupaten Maros")], D(2022, 10, 6))
    key = "event/kunjungan-peserta-pelatihan-kader-kampung-keluarga-berkualitas-kkb-2022-10-05"
    assert events(ctx)[key][0] == "kunjungan peserta pelatihan kader Kampung Keluarga Berkualitas (KKB)"
    assert facts(ctx) == [(key, "loc", "place/kabupaten-maros"), (key, "start", D(2022, 10, 5)),
                          (key, "end", D(2022, 10, 5))]


def test_lower_case_words_after_an_organizing_verb_name_the_meeting():
    text = ("Perwakilan BKKBN Provinsi Jambi bersama Komisi IX mengunjungi Bali untuk melakukan "
            "studi banding penanganan stunting, Kamis (22/12).")
    ctx = run(text, [("org/bkkbn-jambi", KB.RepresentativeOffice, "Perwakilan BKKBN Provinsi Jambi")],
              D(2022, 12, 22))
    key = "event/studi-banding-penanganan-stunting-2022-12-22"
    assert events(ctx) == {key: ("studi banding penanganan stunting", [KB.Meeting])}


def test_a_summary_of_years_of_launches_is_no_meeting():
    text = ("Sepanjang tahun 2016-2018, Perwakilan BKKBN Provinsi Jambi telah mencanangkan dan "
            "membentuk 300 Kampung KB. Kepala BKKBN Ani Wulan mengakui dalam pencanangan kampung KB "
            "di Jambi masih ada keterlambatan.")
    ctx = run(text, [("org/bkkbn-jambi", KB.RepresentativeOffice, "Perwakilan BKKBN Provinsi Jambi"),
                     ("person/ani-wulan", P, "Ani Wulan")], D(2018, 5, 2))
    assert events(ctx) == {}


def test_a_launch_with_a_count_in_its_name_its_venue_grounds_and_who_struck_the_gong():
    text = ("Pencanangan 35 kampung KB yang berlangsung di Halaman Kantor Bupati Maros ini diikuti "
            "sekitar 500 peserta. Pengukuhan kampung KB itu ditandai dengan pemukulan gong oleh "
            "Wakil Bupati Maros Andi Rahman.")
    ctx = run(text, [("person/andi-rahman", P, "Andi Rahman"),
                     ("place/kabupaten-maros", KB.Regency, "Maros")], D(2019, 3, 4))
    key = next(iter(events(ctx)))
    assert events(ctx)[key] == ("Pencanangan 35 kampung KB", [KB.Launch, KB.Meeting])
    assert ctx.entities["place/kantor-bupati-maros"].label == "Kantor Bupati Maros"
    assert facts(ctx) == [(key, "loc", "place/kantor-bupati-maros"), (key, "n", 500),
                          (key, "opened", "person/andi-rahman")]


@pytest.mark.parametrize("text, n", [
    ("Rapat Koordinasi Penyuluh KB digelar di Jambi dan diikuti 1.908 penyuluh KB.", 1908),
    ("Sosialisasi Program Bangga Kencana itu dihadiri sekitar 500 peserta dari 12 desa.", 500),
    ("Sosialisasi Program Bangga Kencana itu dihadiri sedikitnya 300 warga.", 300),
    ("Rapat Koordinasi Kader diikuti oleh lebih kurang 120 kader KB.", 120),
])
def test_counts_real_news_writes(text, n):
    ctx = run(text, [], D(2023, 9, 14))
    assert [obj for _, slot, obj in facts(ctx) if slot == "n"] == [n]


def test_a_mistyped_year_counts_only_where_the_weekday_confirms_it_and_quotes_stay_out():
    text = ("Bupati Andi Rahman menggelar “Sosialisasi Program Bangga Kencana” di Kabupaten Maros, "
            "Senin (4/9/3017). Rapat Koordinasi Kader digelar Selasa (4/9/3017).")
    ctx = run(text, [("person/andi-rahman", P, "Andi Rahman"),
                     ("place/kabupaten-maros", KB.Regency, "Kabupaten Maros")], D(2017, 9, 6))
    assert {v[0] for v in events(ctx).values()} == {"Sosialisasi Program Bangga Kencana",
                                                     "Rapat Koordinasi Kader"}
    assert sorted((s, o) for _, s, o in facts(ctx) if s == "start") == [("start", D(2017, 9, 4))]


def test_organizers_after_kegiatan_and_an_organization_closing_the_name():
    text = ("Perwakilan BKKBN Provinsi Jambi menyelenggarakan kegiatan Sosialisasi Program Bangga "
            "Kencana, Sabtu (2/8/2025). Hal itu disampaikan Ani Wulan pada kegiatan pentas seni "
            "kreatif BKKBN di Kota Jambi.")
    ctx = run(text, [("org/bkkbn-jambi", KB.RepresentativeOffice, "Perwakilan BKKBN Provinsi Jambi"),
                     ("org/bkkbn", KB.GovernmentAgency, "BKKBN"), ("person/ani-wulan", P, "Ani Wulan"),
                     ("place/kota-jambi", KB.City, "Kota Jambi")], D(2025, 8, 4))
    found = {(events(ctx)[k][0], o) for k, slot, o in facts(ctx) if slot == "org"}
    assert found == {("Sosialisasi Program Bangga Kencana", "org/bkkbn-jambi"),
                     ("pentas seni kreatif BKKBN", "org/bkkbn")}


def test_a_passive_launch_its_doer_named_after_and_a_later_name_are_one_launch():
    text = ("Sebanyak lima desa di Kabupaten Gowa dicanangkan menjadi Kampung KB yang dipusatkan "
            "di Desa Bili-Bili, Kamis (19/9). Pencanangan sendiri dilakukan oleh Pemerintah "
            "Kabupaten Gowa. Pengukuhan kampung KB ditandai dengan pemukulan gong oleh Bupati "
            "Gowa Adnan Purichta.")
    ctx = run(text, [("org/pemkab-gowa", KB.RegionalGovernment, "Pemerintah Kabupaten Gowa"),
                     ("place/kabupaten-gowa", KB.Regency, "Kabupaten Gowa"),
                     ("place/desa-bili-bili", KB.Village, "Desa Bili-Bili"),
                     ("person/adnan-purichta", P, "Adnan Purichta")], D(2024, 9, 20))
    key = next(iter(events(ctx)))
    assert events(ctx)[key][0] == "Pengukuhan kampung KB"
    assert facts(ctx) == [(key, "org", "org/pemkab-gowa"), (key, "loc", "place/desa-bili-bili"),
                          (key, "start", D(2024, 9, 19)), (key, "end", D(2024, 9, 19)),
                          (key, "opened", "person/adnan-purichta")]


def test_a_region_launching_and_the_launch_described_in_the_next_sentence():
    text = ("Kabupaten Banjar meluncurkan sebanyak 12 Kampung Keluarga Berencana (KB) Mandiri di lima "
            "kecamatan. Peluncuran dilakukan di Desa Sungai Alang, Senin (16/9/2024).")
    ctx = run(text, [("place/kabupaten-banjar", KB.Regency, "Kabupaten Banjar"),
                     ("place/desa-sungai-alang", KB.Village, "Desa Sungai Alang")], D(2024, 9, 17))
    key = next(iter(events(ctx)))
    assert ctx.entities[key].label == "peluncuran 12 Kampung Keluarga Berencana (KB) Mandiri"  # its verb's noun
    assert ctx.entities[key].aliases == ["peluncuran 12 Kampung KB Mandiri"]
    assert facts(ctx) == [(key, "loc", "place/desa-sungai-alang"), (key, "start", D(2024, 9, 16)),
                          (key, "end", D(2024, 9, 16))]


def test_a_summary_opening_with_sejak_is_no_launch_and_a_passive_without_a_day_is_none():
    text = ("Sejak 2016, Perwakilan BKKBN Provinsi Jambi telah mencanangkan 427 Kampung KB. "
            "Lima desa dicanangkan menjadi Kampung KB tahun depan.")
    ctx = run(text, [("org/bkkbn-jambi", KB.RepresentativeOffice, "Perwakilan BKKBN Provinsi Jambi")],
              D(2024, 9, 20))
    assert events(ctx) == {}


def test_who_launched_is_the_subject_not_a_companion_nor_a_speaker():
    text = ("Bupati Maros Andi Rahman didampingi Kepala Dinas PPKB Maros Siti Aminah mencanangkan "
            "12 kampung KB, Senin (16/9). Kepala BKKBN Sulsel Ani Wulan mengatakan Kota Langsa "
            "merupakan daerah pertama yang meluncurkan Kampung KB Mandiri.")
    ctx = run(text, [("person/andi-rahman", P, "Andi Rahman"), ("person/siti-aminah", P, "Siti Aminah"),
                     ("person/ani-wulan", P, "Ani Wulan"),
                     ("place/kota-langsa", KB.City, "Kota Langsa")], D(2024, 9, 17))
    assert {v[0] for v in events(ctx).values()} == {"pencanangan 12 kampung KB"}
    assert [o for _, slot, o in facts(ctx) if slot == "opened"] == ["person/andi-rahman"]


def test_a_passive_launch_object_stops_before_oleh_and_a_date_said_at_the_event_is_its_date():
    text = ("Desa Sukamaju dicanangkan sebagai Kampung KB Mandiri oleh Bupati Maros, Senin (16/9). "
            "Kepala BKKBN Sulsel Ani Wulan, pada acara Rapat Koordinasi Kader di Kota Maros, "
            "Rabu (18/9), mengatakan kader harus aktif.")
    ctx = run(text, [("place/desa-sukamaju", KB.Village, "Desa Sukamaju"), ("person/ani-wulan", P, "Ani Wulan"),
                     ("place/kota-maros", KB.City, "Kota Maros")], D(2024, 9, 19))
    by_label = {v[0]: k for k, v in events(ctx).items()}
    assert set(by_label) == {"pencanangan Kampung KB Mandiri", "Rapat Koordinasi Kader"}
    rakor = by_label["Rapat Koordinasi Kader"]
    assert slots_of(ctx, rakor) == [
        ("loc", "place/kota-maros"), ("start", D(2024, 9, 18)), ("end", D(2024, 9, 18))]


def test_ongoing_work_is_no_meeting_unless_a_day_or_place_is_given_and_a_venue_before_the_name():
    text = ("BKKBN terus melakukan sosialisasi pencegahan stunting kepada masyarakat. "
            "Bertempat di Aula Masjid Raya, BKKBN menggelar sosialisasi gizi keluarga, Sabtu (14/9). "
            "Kegiatan ini dibuka pukul 08.00 dan jumlah peserta ada 150 orang.")
    ctx = run(text, [("org/bkkbn", KB.GovernmentAgency, "BKKBN")], D(2024, 9, 15))
    assert {v[0] for v in events(ctx).values()} == {"sosialisasi gizi keluarga"}
    key = next(iter(events(ctx)))
    assert ctx.entities["place/aula-masjid-raya"].label == "Aula Masjid Raya"
    assert facts(ctx) == [(key, "org", "org/bkkbn"), (key, "loc", "place/aula-masjid-raya"),
                          (key, "start", D(2024, 9, 14)), (key, "end", D(2024, 9, 14)), (key, "n", 150)]


def test_ongoing_work_made_specific_in_the_next_sentence_and_a_park_as_venue():
    text = ("BKKBN terus melakukan sosialisasi penurunan stunting di berbagai daerah. "
            "Acara sosialisasi ini digelar di Taman Kota Batu, Kamis (22/8).")
    ctx = run(text, [("org/bkkbn", KB.GovernmentAgency, "BKKBN")], D(2024, 8, 23))
    key = next(iter(events(ctx)))
    assert events(ctx)[key][0] == "sosialisasi penurunan stunting"
    assert [(s, o) for _, s, o in facts(ctx)] == [
        ("org", "org/bkkbn"), ("loc", "place/taman-kota-batu"), ("start", D(2024, 8, 22)),
        ("end", D(2024, 8, 22))]


@pytest.mark.parametrize("name, cls", [("Malam Penganugerahan Duta Genre", KB.Ceremony),
                                       ("Festival Kampung KB", KB.Ceremony),
                                       ("Gebyar Pelayanan KB", KB.Ceremony),
                                       ("Penyuluhan Kesehatan Reproduksi", KB.Socialization),
                                       ("Pembekalan Kader TPK", KB.Training)])
def test_award_nights_festivals_and_other_event_words(name, cls):
    assert meeting_class(name) == cls


def test_an_audience_with_someone_is_its_own_meeting_dated_by_the_opening_date():
    text = ("Kepala BKKBN Ani Wulan melakukan kunjungan kerja di Provinsi Jambi selama tiga hari. "
            "Selasa, (05/03/2024) Ani Wulan melakukan audiensi bersama Kepala Perwakilan BPKP Provinsi "
            "Jambi Budi Santoso di Kota Jambi.")
    ctx = run(text, [("person/ani-wulan", P, "Ani Wulan"), ("person/budi-santoso", P, "Budi Santoso"),
                     ("place/provinsi-jambi", KB.Province, "Provinsi Jambi"),
                     ("place/kota-jambi", KB.City, "Kota Jambi")], D(2024, 3, 8))
    by_label = {v[0]: k for k, v in events(ctx).items()}
    # a visit is named by where it went (the real gold: "kunjungan kerja di Maluku Utara")
    assert set(by_label) == {"kunjungan kerja di Provinsi Jambi",
                             "audiensi bersama Kepala Perwakilan BPKP Provinsi Jambi"}
    audience = by_label["audiensi bersama Kepala Perwakilan BPKP Provinsi Jambi"]
    assert slots_of(ctx, audience) == [
        ("loc", "place/kota-jambi"), ("start", D(2024, 3, 5)), ("end", D(2024, 3, 5))]


def test_attending_or_opening_an_event_names_it_with_a_count_inside_the_name():
    text = ("Dandim Budi Santoso menghadiri peresmian pencanangan 6 Kampung KB secara serentak di "
            "Desa Bekutuk, Selasa (31/12/2019). Bupati Ani Wulan usai membuka acara sosialisasi "
            "gizi keluarga di Desa Jeruk mengatakan gizi penting.")
    ctx = run(text, [("person/budi-santoso", P, "Budi Santoso"), ("person/ani-wulan", P, "Ani Wulan"),
                     ("place/desa-bekutuk", KB.Village, "Desa Bekutuk"),
                     ("place/desa-jeruk", KB.Village, "Desa Jeruk")], D(2019, 12, 31))
    by_label = {v[0]: k for k, v in events(ctx).items()}
    assert set(by_label) == {"peresmian pencanangan 6 Kampung KB", "sosialisasi gizi keluarga"}
    assert slots_of(ctx, by_label["peresmian pencanangan 6 Kampung KB"]) == [
        ("loc", "place/desa-bekutuk"), ("start", D(2019, 12, 31)), ("end", D(2019, 12, 31))]
    assert slots_of(ctx, by_label["sosialisasi gizi keluarga"]) == [
        ("loc", "place/desa-jeruk"), ("opened", "person/ani-wulan")]


def test_a_venue_written_in_lower_case_lies_in_the_place_after_it():
    text = ("Dinas PPKB menggelar sosialisasi gizi keluarga di aula gedung PGRI Kecamatan Selaawi, "
            "Senin (16/9). Pencanangan Kampung KB digelar di balai desa Bekutuk, Kabupaten Blora.")
    ctx = run(text, [("place/kecamatan-selaawi", KB.District, "Kecamatan Selaawi"),
                     ("place/kabupaten-blora", KB.Regency, "Kabupaten Blora")], D(2024, 9, 17))
    assert ctx.entities["place/aula-gedung-pgri"].label == "Aula Gedung PGRI"
    assert ctx.entities["place/balai-desa-bekutuk"].label == "Balai Desa Bekutuk"
    placed = {(f.subject, f.obj.key) for f in ctx.facts if f.predicate == SCHEMA.containedInPlace}
    assert placed == {("place/aula-gedung-pgri", "place/kecamatan-selaawi"),
                      ("place/balai-desa-bekutuk", "place/kabupaten-blora")}
    assert sorted(o for _, s, o in facts(ctx) if s == "loc") == ["place/aula-gedung-pgri",
                                                               "place/balai-desa-bekutuk"]


def test_a_named_kampung_kb_is_a_venue_up_to_the_village_a_bare_one_is_none():
    text = ("Peluncuran Kampung KB Mandiri digelar di Kampung KB Birjen Desa Bili-Bili, Senin (2/9). "
            "Rapat Koordinasi Kader digelar di Kampung KB Desa Jeruk, Selasa (3/9).")
    ctx = run(text, [("place/desa-bili-bili", KB.Village, "Desa Bili-Bili"),
                     ("place/desa-jeruk", KB.Village, "Desa Jeruk")], D(2024, 9, 4))
    by_label = {v[0]: k for k, v in events(ctx).items()}
    assert ("loc", "place/kampung-kb-birjen") in slots_of(ctx, by_label["Peluncuran Kampung KB Mandiri"])
    assert ("place/kampung-kb-birjen", "in", "place/desa-bili-bili") in facts(ctx)
    assert ("loc", "place/desa-jeruk") in slots_of(ctx, by_label["Rapat Koordinasi Kader"])
    assert "place/kampung-kb" not in ctx.entities


def test_a_region_launching_is_its_government_and_a_village_launched_is_where():
    text = ("Kabupaten Gowa mencanangkan Desa Bili-Bili, Kecamatan Bontomarannu, sebagai Kampung KB "
            "di Kabupaten Gowa, Senin (2/9). Pemerintah Kabupaten Gowa menyiapkan anggaran.")
    ctx = run(text, [("place/kabupaten-gowa", KB.Regency, "Kabupaten Gowa"),
                     ("place/desa-bili-bili", KB.Village, "Desa Bili-Bili"),
                     ("org/pemerintah-kabupaten-gowa", KB.RegionalGovernment, "Pemerintah Kabupaten Gowa")],
              D(2024, 9, 3))
    key = next(iter(events(ctx)))
    assert slots_of(ctx, key)[:2] == [("org", "org/pemerintah-kabupaten-gowa"), ("loc", "place/desa-bili-bili")]


def test_a_meeting_word_followed_by_its_being_held_and_a_theme_after_kegiatan_bertema():
    text = ("Kali ini sosialisasi dilaksanakan di Desa Sekumpul, Rabu (24/8). "
            "Kegiatan bertema integrasi Kampung KB Bersama Mitra Kerja diselenggarakan di Desa Lobuto, "
            "Senin (29/8).")
    ctx = run(text, [("place/desa-sekumpul", KB.Village, "Desa Sekumpul"),
                     ("place/desa-lobuto", KB.Village, "Desa Lobuto")], D(2022, 8, 30))
    by_label = {v[0]: k for k, v in events(ctx).items()}
    assert set(by_label) == {"sosialisasi", "integrasi Kampung KB Bersama Mitra Kerja"}
    assert slots_of(ctx, by_label["sosialisasi"]) == [
        ("loc", "place/desa-sekumpul"), ("start", D(2022, 8, 24)), ("end", D(2022, 8, 24))]
    assert slots_of(ctx, by_label["integrasi Kampung KB Bersama Mitra Kerja"])[:2] == [
        ("loc", "place/desa-lobuto"), ("start", D(2022, 8, 29))]


def test_bare_verb_forms_news_writes_gelar_and_canangkan():
    text = ("BKKBN Sulsel gelar Rapat Kerja Daerah di Hotel Claro Makassar, Selasa (21/2). "
            "Pemerintah Kabupaten Banjar canangkan Kampung KB Desa Antasan, Rabu (22/2).")
    ctx = run(text, [("org/bkkbn-sulsel", KB.RepresentativeOffice, "BKKBN Sulsel"),
                     ("org/pemkab-banjar", KB.RegionalGovernment, "Pemerintah Kabupaten Banjar")],
              D(2023, 2, 23))
    organizers = {events(ctx)[k][0]: o for k, s, o in facts(ctx) if s == "org"}
    assert organizers == {"Rapat Kerja Daerah": "org/bkkbn-sulsel",
                          "pencanangan Kampung KB Desa Antasan": "org/pemkab-banjar"}


def test_an_occasion_word_or_an_event_noun_before_a_lower_case_meeting_word():
    text = ("Kepala Dinas Ani Wulan berbicara usai rapat koordinasi daerah program kependudukan keluarga "
            "berencana dan pembangunan keluarga se-Jambi tahun 2019, di Kota Jambi, Rabu. "
            "Kegiatan orientasi Tim Pendamping Keluarga (TPK) di Balai Desa Sungai Duren diikuti "
            "sebanyak 48 peserta.")
    ctx = run(text, [("person/ani-wulan", P, "Ani Wulan"), ("place/kota-jambi", KB.City, "Kota Jambi")],
              D(2019, 3, 7))
    labels = sorted(label for label, _types in events(ctx).values())
    assert labels == ["orientasi Tim Pendamping Keluarga (TPK)",
                      "rapat koordinasi daerah program kependudukan keluarga berencana dan pembangunan "
                      "keluarga se-Jambi 2019"]
    rakor = next(k for k, (label, _t) in events(ctx).items() if label.startswith("rapat"))
    assert ctx.entities[rakor].name_as_written.endswith("se-Jambi tahun 2019")
    assert ("loc", "place/kota-jambi") in slots_of(ctx, rakor)
    orientasi = next(k for k, (label, _t) in events(ctx).items() if label.startswith("orientasi"))
    assert ("n", 48) in slots_of(ctx, orientasi)


def test_every_event_of_a_kind_is_no_meeting():
    text = "Menurut dia, hampir semua kegiatan pencanangan kampung KB dihadiri kepala daerah."
    assert events(run(text, published=D(2019, 3, 7))) == {}


def test_one_launch_named_by_two_launch_words():
    text = ("Bupati Ani Wulan mencanangkan Desa Sungai Duren sebagai Kampung KB, Selasa. "
            "\"Kampung KB ini penting,\" kata Ani saat peresmian Kampung KB itu.")
    ctx = run(text, [("person/ani-wulan", P, "Ani Wulan"), ("person/ani-wulan", P, "Ani"),
                     ("place/desa-sungai-duren", KB.Village, "Desa Sungai Duren")], D(2019, 3, 6))
    assert len(events(ctx)) == 1


def test_lower_case_words_inside_a_capitalized_name_and_a_name_adjective():
    text = ("Rapat Kerja Daerah (Rakerda) program Bangga Kencana Provinsi Jambi digelar Kamis (28/3/2024). "
            "Perwakilan BKKBN Provinsi Jambi juga menggelar lokakarya kampung keluarga berkualitas "
            "(Kampung KB) pada 6-8 Oktober 2024.")
    assert written(run(text, [JAMBI], D(2024, 3, 28))) == [
        "Rapat Kerja Daerah (Rakerda) program Bangga Kencana Provinsi Jambi",
        "lokakarya kampung keluarga berkualitas (Kampung KB)"]


def test_memimpin_is_chairing_and_an_opener_after_oleh_with_a_comma():
    text = ("Wakil Gubernur Jambi Ani Wulan memimpin Rapat Koordinasi Tim Percepatan Penurunan Stunting "
            "se-Provinsi Jambi, Kamis (8/5/2025). Rapat Koordinasi itu dibuka langsung oleh, Sekretaris "
            "Daerah Budi Santoso.")
    ctx = run(text, [ANI, BUDI], D(2025, 5, 8))
    slots = slots_of(ctx, next(iter(events(ctx))))
    assert ("chair", "person/ani-wulan") in slots and ("opened", "person/budi-santoso") in slots


def test_who_carried_out_a_launch_opened_it():
    text = ("Camat Budi Santoso menghadiri peresmian Kampung KB Desa Sungai Duren, Selasa (31/12/2019). "
            "Peresmian dilaksanakan langsung oleh Bupati Ani Wulan secara simbolis.")
    ctx = run(text, [("person/ani-wulan", P, "Ani Wulan"), ("person/budi-santoso", P, "Budi Santoso"),
                     ("place/desa-sungai-duren", KB.Village, "Desa Sungai Duren")], D(2019, 12, 31))
    key = next(iter(events(ctx)))
    assert ("opened", "person/ani-wulan") in slots_of(ctx, key)


def test_a_named_place_without_a_venue_word_where_it_was_held():
    text = ("Sosialisasi KIE Bangga Kencana digelar di GMIM Sion Tondano, Kecamatan Tondano Barat, "
            "Kamis (19/6/2025).")
    ctx = run(text, [("place/kecamatan-tondano-barat", KB.District, "Kecamatan Tondano Barat")],
              D(2025, 6, 20))
    key = next(iter(events(ctx)))
    assert ctx.entities["place/gmim-sion-tondano"].label == "GMIM Sion Tondano"
    assert slots_of(ctx, key)[0] == ("loc", "place/gmim-sion-tondano")


def test_a_sentence_that_goes_on_about_the_meeting_before():
    text = ("Pemerintah Kabupaten Jambi terus mencanangkan kampung KB. Kali ini di Desa Sungai Duren, "
            "setelah sebelumnya di Desa Pulau Raman, Rabu (7/11). Selain itu BKKBN menggelar sosialisasi "
            "di Aula Desa Sungai Duren. Minggu, 17 November 2019.")
    ctx = run(text, [("org/pemkab-jambi", KB.RegionalGovernment, "Pemerintah Kabupaten Jambi"),
                     ("org/bkkbn", KB.GovernmentAgency, "BKKBN"),
                     ("place/desa-sungai-duren", KB.Village, "Desa Sungai Duren"),
                     ("place/desa-pulau-raman", KB.Village, "Desa Pulau Raman")], D(2019, 11, 18))
    launch, sosialisasi = sorted(events(ctx), key=lambda k: not k.startswith("event/pencanangan"))
    assert ("loc", "place/desa-sungai-duren") in slots_of(ctx, launch)
    assert ("start", D(2019, 11, 7)) in slots_of(ctx, launch)
    assert ("start", D(2019, 11, 17)) in slots_of(ctx, sosialisasi)


def test_a_meeting_word_then_yang_digelar_and_its_organizer():
    text = ("Forum pelatihan yang digelar Dinas PPKB Kota Jambi, Rabu hingga Kamis, 21–22 Mei 2025, "
            "diikuti 72 kader.")
    ctx = run(text, [("org/dppkb-jambi", KB.GovernmentAgency, "Dinas PPKB Kota Jambi")], D(2025, 5, 22))
    key = next(iter(events(ctx)))
    assert slots_of(ctx, key)[:3] == [("org", "org/dppkb-jambi"), ("start", D(2025, 5, 21)),
                                      ("end", D(2025, 5, 22))]


def test_a_misspelled_meeting_word_still_names_the_meeting_but_a_person_is_no_meeting():
    text = ("Wakil Bupati Jambi melakukan pencangan Kampung KB Kabupaten Jambi di pendopo Sungai Duren, "
            "Kamis 20 Desember 2018. Para penyuluh KB hadir.")
    ctx = run(text, [], D(2018, 12, 20))
    assert [(label, types) for label, types in events(ctx).values()] == [
        ("pencangan Kampung KB Kabupaten Jambi", [KB.Launch, KB.Meeting])]


def test_a_meeting_named_only_by_its_kind_is_found_where_named_and_a_visit_by_where_it_went():
    text = ("TPPS Jambi mengadakan rapat koordinasi untuk mengevaluasi capaian, Selasa (4/3/2025). "
            "Inspektur Utama BKKBN Ani Wulan melakukan kunjungan kerja di Maluku Utara pada "
            "tanggal 5 sampai dengan 7 Maret 2025.")
    ctx = run(text, [("org/tpps-jambi", KB.GovernmentAgency, "TPPS Jambi"), ("person/ani-wulan", P, "Ani Wulan"),
                     ("place/provinsi-maluku-utara", KB.Province, "Maluku Utara")], D(2025, 3, 8))
    rakor, visit = sorted(events(ctx), key=lambda k: not k.startswith("event/rapat"))
    assert [f.text for f in ctx.found if f.key == rakor] == ["rapat koordinasi"]
    assert ctx.entities[visit].name_as_written == "kunjungan kerja di Maluku Utara"
    assert slots_of(ctx, visit)[:2] == [("loc", "place/provinsi-maluku-utara"), ("start", D(2025, 3, 5))]


def test_a_launch_dated_between_its_subject_and_its_verb_and_a_passive_launch_where_it_was():
    text = ("Perwakilan BKKBN Provinsi Jambi, Kamis (07/06) mencanangkan 24 Kampung KB di Kabupaten Muaro "
            "Jambi.")
    ctx = run(text, [JAMBI, ("place/kabupaten-muaro-jambi", KB.Regency, "Kabupaten Muaro Jambi")],
              D(2018, 6, 11))
    assert ("start", D(2018, 6, 7)) in slots_of(ctx, next(iter(events(ctx))))
    text = ("Dalam rangkaian peringatan Harganas tahun 2018, Desa Sungai Duren, Kecamatan Jambi Luar Kota, "
            "dicanangkan sebagai Kampung KB Mandiri oleh Bupati yang diwakili Asisten II, Ani Wulan, "
            "Senin (9/7).")
    ctx = run(text, [("person/ani-wulan", P, "Ani Wulan"),
                     ("place/desa-sungai-duren", KB.Village, "Desa Sungai Duren"),
                     ("place/kecamatan-jambi-luar-kota", KB.District, "Kecamatan Jambi Luar Kota")],
              D(2018, 7, 10))
    launch = next(k for k in events(ctx) if not k.startswith("event/peringatan"))
    assert ("loc", "place/desa-sungai-duren") in slots_of(ctx, launch)
    assert ("opened", "person/ani-wulan") in slots_of(ctx, launch)


def test_where_a_part_of_the_event_went_is_not_where_it_was_held():
    text = ("Perwakilan BKKBN Provinsi Jambi menggelar lokakarya Kampung KB di Kota Jambi, Kamis (6/10). "
            "Dalam rangkaian kegiatan tersebut, peserta berkunjung ke Kampung KB Sungai Duren di "
            "Kecamatan Jambi Luar Kota. Acara pencanangan Kampung KB Maju di Kampung Pinang Merah, "
            "Rabu (5/10), meriah.")
    ctx = run(text, [JAMBI, ("place/kota-jambi", KB.City, "Kota Jambi"),
                     ("place/kecamatan-jambi-luar-kota", KB.District, "Kecamatan Jambi Luar Kota")],
              D(2022, 10, 7))
    workshop = next(k for k in events(ctx) if k.startswith("event/lokakarya"))
    launch = next(k for k in events(ctx) if k.startswith("event/pencanangan"))
    assert [v for s, v in slots_of(ctx, workshop) if s == "loc"] == ["place/kota-jambi"]
    assert ctx.entities["place/kampung-pinang-merah"].label == "Kampung Pinang Merah"
    assert slots_of(ctx, launch)[0] == ("loc", "place/kampung-pinang-merah")


def test_a_name_the_lexicon_lacks_after_a_verb_whose_object_is_an_event():
    text = ("Perwakilan BKKBN Provinsi Jambi mengadakan Pasanggiri Kreatifitas KIE Kader Kampung KB di "
            "Gedung Serbaguna, Rabu (21/8/2019). Acara ini dibuka oleh Ani Wulan. "
            "Perwakilan BKKBN Provinsi Jambi juga melaksanakan Program Bangga Kencana.")
    ctx = run(text, [JAMBI, ("person/ani-wulan", P, "Ani Wulan"),
                     ("program/bangga-kencana", KB.Program, "Program Bangga Kencana")], D(2019, 8, 22))
    assert written(ctx) == ["Pasanggiri Kreatifitas KIE Kader Kampung KB"]
    key = next(iter(events(ctx)))
    assert slots_of(ctx, key)[:3] == [("org", "org/bkkbn-jambi"), ("loc", "place/gedung-serbaguna"),
                                      ("start", D(2019, 8, 21))]
    assert ("opened", "person/ani-wulan") in slots_of(ctx, key)


def test_this_time_a_meeting_word_alone_is_the_meeting_named_before():
    text = ("Komisi IX DPR RI bersama BKKBN menggelar Promosi dan KIE Percepatan Penurunan Stunting di "
            "Provinsi Jambi. Kali ini sosialisasi dilaksanakan di Desa Sungai Duren, Rabu (24/8/2022).")
    ctx = run(text, [("org/komisi-ix", KB.GovernmentAgency, "Komisi IX DPR RI"),
                     ("org/bkkbn", KB.GovernmentAgency, "BKKBN"),
                     ("place/provinsi-jambi", KB.Province, "Provinsi Jambi"),
                     ("place/desa-sungai-duren", KB.Village, "Desa Sungai Duren")], D(2022, 8, 25))
    assert written(ctx) == ["Promosi dan KIE Percepatan Penurunan Stunting"]
    key = next(iter(events(ctx)))
    assert ("loc", "place/desa-sungai-duren") in slots_of(ctx, key)
    assert ("start", D(2022, 8, 24)) in slots_of(ctx, key)


def test_an_organizer_before_a_quoted_name_and_a_count_of_this_times_meeting():
    text = ("Perwakilan BKKBN Provinsi Jambi menggelar kegiatan “Workshop Kampung Keluarga Berkualitas” "
            "di Kota Jambi, Kamis (6/10/2022). Kegiatan workshop kali ini diikuti 200-an peserta.")
    ctx = run(text, [JAMBI, ("place/kota-jambi", KB.City, "Kota Jambi")], D(2022, 10, 7))
    key = next(iter(events(ctx)))
    slots = slots_of(ctx, key)
    assert slots[0] == ("org", "org/bkkbn-jambi") and ("n", 200) in slots


def test_a_received_audience_from_someone_held_in_the_next_sentence():
    text = ("Bupati Jambi Ani Wulan menerima audiensi dari Deputi Bidang KSPK BKKBN RI dalam rangka "
            "percepatan penurunan stunting. Audiensi berlangsung di Ruang Rapat Bupati, Senin (11/7/2022). "
            "Kepala seksi Advokasi dan KIE Budi Santoso hadir.")
    ctx = run(text, [ANI, BUDI], D(2022, 7, 12))
    assert written(ctx) == ["audiensi dari Deputi Bidang KSPK BKKBN RI"]
    key = next(iter(events(ctx)))
    assert slots_of(ctx, key)[:2] == [("loc", "place/ruang-rapat-bupati"), ("start", D(2022, 7, 11))]


def test_a_visit_named_with_its_abbreviation_and_where_it_went():
    text = "Bupati Ani Wulan melakukan kunjungan kerja (Kunker) ke Jakarta, Jumat (21/10/2022)."
    ctx = run(text, [("person/ani-wulan", P, "Ani Wulan")], D(2022, 10, 24))
    assert written(ctx) == ["kunjungan kerja (Kunker) ke Jakarta"]


def test_an_event_pointed_at_before_it_is_named_takes_the_next_name():
    text = ("Program Bangga Kencana kembali dikenalkan kepada warga. Kegiatan kali ini berlangsung di "
            "Aula Desa Sungai Duren, Senin (9/10/2025). Sosialisasi dilaksanakan oleh panitia "
            "desa. Ia juga hadir dalam Rapat Koordinasi Kader di Kota Jambi.")
    ctx = run(text, [ANI], D(2025, 10, 13))
    assert written(ctx) == ["Rapat Koordinasi Kader", "Sosialisasi"]
    key = next(k for k in events(ctx) if k.startswith("event/sosialisasi"))
    assert slots_of(ctx, key)[:2] == [("loc", "place/aula-desa-sungai-duren"), ("start", D(2025, 10, 9))]


def test_the_subject_after_a_dateline_organizes_and_the_delegation_is_received_where_it_met():
    text = ("JAMBI, JAMBINEWS BKKBN terus Sosialisasi Program Bangga Kencana bersama Mitra Kerja di "
            "Desa Sungai Duren, Jumat (13/11/2020). Perwakilan BKKBN Provinsi Jambi melakukan studi tiru "
            "penanganan stunting, Kamis (12/11/2020). Rombongan diterima di Ruang Pertemuan Wacika.")
    ctx = run(text, [("place/kota-jambi", KB.City, "JAMBI"), ("org/bkkbn", KB.GovernmentAgency, "BKKBN"),
                     JAMBI, ("place/desa-sungai-duren", KB.Village, "Desa Sungai Duren")], D(2020, 11, 13))
    assert written(ctx) == ["Sosialisasi Program Bangga Kencana bersama Mitra Kerja",
                            "studi tiru penanganan stunting"]
    sosialisasi = next(k for k in events(ctx) if k.startswith("event/sosialisasi"))
    assert slots_of(ctx, sosialisasi)[0] == ("org", "org/bkkbn")
    visit = next(k for k in events(ctx) if k.startswith("event/studi"))
    assert ("loc", "place/ruang-pertemuan-wacika") in slots_of(ctx, visit)


def test_a_sentence_of_a_day_and_a_place_goes_on_about_the_meeting_before():
    text = ("Perwakilan BKKBN Provinsi Jambi menggelar FGD (Focus Group Discussion) dalam rangka studi "
            "kasus stunting tahun 2022. Kamis (15/12/2022) di hotel Aria Jambi. Senin (12/12/2022) di "
            "Kota Jambi, Ani Wulan menandatangani nota kesepahaman.")
    ctx = run(text, [JAMBI, ANI], D(2022, 12, 17))
    key = next(iter(events(ctx)))
    slots = slots_of(ctx, key)
    assert ("loc", "place/hotel-aria-jambi") in slots and ("start", D(2022, 12, 15)) in slots
    assert ("start", D(2022, 12, 12)) not in slots


def test_names_after_an_event_noun_even_where_another_pass_saw_a_body():
    text = ("BKKBN menggelar kegiatan Forum Nasional Stunting (FNS) Tahun 2022. Kegiatan yang dihadiri "
            "Wakil Presiden itu dipusatkan di Hotel Shangri La Jakarta, Selasa (6/12/2022). "
            "Hadir dalam pertemuan Kepala BKKBN, Wali Kota Jambi dan Gubernur Jambi. "
            "Acara Kick Off Semesta Mencegah Stunting digelar di Studio Satu, Rabu (7/12/2022). "
            "Setiap tahun diadakan pertemuan rutin dalam sebuah kegiatan Forum Musyawarah Kampung KB "
            "yang dilaksanakan di Kantor Desa Sungai Duren, Jumat (9/12/2022).")
    ctx = run(text, [("org/bkkbn", KB.GovernmentAgency, "BKKBN"),
                     ("org/fns", KB.CivilSocietyOrganization, "Forum Nasional Stunting (FNS)"),
                     ("org/forum-musyawarah", KB.CivilSocietyOrganization, "Forum Musyawarah Kampung KB")],
              D(2022, 12, 10))
    assert written(ctx) == ["Forum Musyawarah Kampung KB", "Forum Nasional Stunting (FNS) Tahun 2022",
                            "Kick Off Semesta Mencegah Stunting"]
    fns = next(k for k in events(ctx) if k.startswith("event/forum-nasional"))
    assert slots_of(ctx, fns)[:3] == [("org", "org/bkkbn"), ("loc", "place/hotel-shangri-la-jakarta"),
                                      ("start", D(2022, 12, 6))]


def test_a_name_after_a_capitalized_first_word_and_counts_of_participants_not_of_kb_users():
    text = ("Dalam Rapat Koordinasi Kader KB disebutkan peserta KB aktif mencapai 25.000 orang. "
            "Peserta Rapat Koordinasi Kader KB tahun ini berjumlah 150 orang.")
    ctx = run(text, [], D(2025, 3, 4))
    assert written(ctx) == ["Rapat Koordinasi Kader KB"]
    assert [v for s, v in slots_of(ctx, next(iter(events(ctx)))) if s == "n"] == [150]


def test_leading_a_visit_names_it_and_the_body_it_went_to_is_not_its_organizer():
    text = ("Bupati Jambi Ani Wulan memimpin langsung kunjungan ke Kantor BKKBN pada Jumat, 11 Juli 2025.")
    ctx = run(text, [ANI, ("org/bkkbn", KB.GovernmentAgency, "BKKBN")], D(2025, 7, 12))
    assert written(ctx) == ["kunjungan ke Kantor BKKBN"]
    slots = slots_of(ctx, next(iter(events(ctx))))
    assert ("chair", "person/ani-wulan") in slots and not [v for s, v in slots if s == "org"]


def test_a_venue_name_stops_at_the_weekday_and_keeps_the_town_it_is_named_after():
    text = ("Tim Pendamping Keluarga menggelar rapat koordinasi di ruang Melati Balai Kota Sorong "
            "Selasa (14/10/2025). Kader juga hadir.")
    ctx = run(text, [("place/kota-sorong", KB.City, "Kota Sorong")], D(2025, 10, 15))
    assert ctx.entities["place/ruang-melati-balai-kota-sorong"].label == "Ruang Melati Balai Kota Sorong"
    (key,) = [k for k in ctx.entities if k.startswith("event/")]
    assert ("loc", "place/ruang-melati-balai-kota-sorong") in slots_of(ctx, key)
    assert ("start", D(2025, 10, 14)) in slots_of(ctx, key)
    assert [(f.subject, f.obj.key) for f in ctx.facts if f.predicate == SCHEMA.containedInPlace] == [
        ("place/ruang-melati-balai-kota-sorong", "place/kota-sorong")]
    text = "Dinas PPKB menggelar sosialisasi gizi di Gedung Serbaguna Mawar Rabu (3/9/2025). Kader hadir."
    ctx = run(text, [], D(2025, 9, 4))
    assert [e.label for k, e in ctx.entities.items() if k.startswith("place/")] == ["Gedung Serbaguna Mawar"]


def test_the_day_between_the_organizer_and_its_organizing_verb_is_the_meeting_day():
    text = ("Perwakilan BKKBN Provinsi Jambi Kamis (12/03/2020) pagi menggelar Rapat Kerja Daerah Program "
            "Bangga Kencana di Hotel Mahligai. Kader juga hadir.")
    ctx = run(text, [JAMBI], D(2020, 3, 13))
    (key,) = [k for k in ctx.entities if k.startswith("event/")]
    assert ("start", D(2020, 3, 12)) in slots_of(ctx, key) and ("end", D(2020, 3, 12)) in slots_of(ctx, key)
    assert ("org", "org/bkkbn-jambi") in slots_of(ctx, key)


def test_the_organization_right_after_the_meeting_word_holds_it():
    text = ("Hal itu disampaikan Ani Wulan pada Rakerda Perwakilan BKKBN Provinsi Jambi untuk program Bangga "
            "Kencana di Hotel Mahligai, Rabu (20/3).")
    ctx = run(text, [ANI, JAMBI, ("org/bkkbn-jambi", KB.RepresentativeOffice, "BKKBN Provinsi Jambi")],
              D(2019, 3, 22))
    by_name = {e.label: k for k, e in ctx.entities.items() if k.startswith("event/")}
    rakerda = by_name["Rakerda Perwakilan BKKBN Provinsi Jambi untuk program Bangga Kencana"]
    assert ("org", "org/bkkbn-jambi") in slots_of(ctx, rakerda)


def test_a_launch_object_stops_at_a_time_adverb():
    text = ("Wali Kota Medan Budi Santoso kembali meresmikan Kampung KB kali ini di Kelurahan Sei Sikambing, "
            "Senin (30/12/2019).")
    ctx = run(text, [BUDI, ("place/kelurahan-sei-sikambing", KB.Village, "Kelurahan Sei Sikambing"),
                     ("program/kampung-kb", KB.Program, "Kampung KB")], D(2019, 12, 31))
    ((key, (label, _types)),) = events(ctx).items()
    assert label == "peresmian Kampung KB"  # "meresmikan": a peresmian
    assert ("loc", "place/kelurahan-sei-sikambing") in slots_of(ctx, key)


def test_a_lower_case_audience_is_named_by_whom_it_was_held_with():
    text = ("“Kita harus punya satu data,” ujar Gubernur Budi Santoso dalam audiensi bersama BKKBN Jambi "
            "di ruang kerjanya, Senin, 14 Juli 2025. Dalam pertemuan itu hadir pula kader.")
    ctx = run(text, [BUDI, ("org/bkkbn-jambi", KB.RepresentativeOffice, "BKKBN Jambi")], D(2025, 7, 15))
    assert written(ctx) == ["audiensi bersama BKKBN Jambi"]
    assert slots_of(ctx, "event/audiensi-bersama-bkkbn-jambi-2025-07-14")[:2] == [
        ("start", D(2025, 7, 14)), ("end", D(2025, 7, 14))]
    ctx = run("Penyuluh KB terus melakukan audiensi dengan warga desa.", [], D(2025, 7, 15))
    assert written(ctx) == []


def test_a_coaching_of_cadres_is_a_training_and_counts_the_cadres_it_brought_in():
    text = ("Perwakilan BKKBN Provinsi Jambi melaksanakan kegiatan pembinaan kader posyandu, Selasa (26/2/2019). "
            "Kegiatan yang berlangsung di Hotel Mahligai tersebut menghadirkan sekitar 40 kader dari dua desa. "
            "Kegiatan itu juga menghadirkan tiga narasumber.")
    ctx = run(text, [JAMBI], D(2019, 2, 27))
    ((key, (label, types)),) = events(ctx).items()
    assert (label, types) == ("pembinaan kader posyandu", [KB.Training, KB.Meeting])
    assert [obj for slot, obj in slots_of(ctx, key) if slot == "n"] == [40]
    ctx = run("Peran tokoh masyarakat dalam pembinaan ketahanan keluarga sangat penting.", [], D(2019, 2, 27))
    assert events(ctx) == {}


def test_ongoing_work_over_every_village_of_a_town_is_no_meeting():
    text = "Wali Kota Budi Santoso mengatakan Pemko gencar melakukan pembinaan terhadap seluruh kelurahan di Kota Medan."
    ctx = run(text, [BUDI, ("place/kota-medan", KB.City, "Kota Medan")], D(2019, 2, 27))
    assert events(ctx) == {}


def test_an_unnamed_hotel_in_a_town_places_the_meeting_in_the_town():
    text = ("Sekda Budi Santoso membuka Rakerda Perwakilan BKKBN Provinsi Jambi, yang berlangsung pada salah satu "
            "hotel dalam kota Sungai Penuh, Kamis (02/03/2023).")
    ctx = run(text, [BUDI, JAMBI, ("place/kota-sungai-penuh", KB.City, "Sungai Penuh")], D(2023, 3, 3))
    (key,) = [k for k in ctx.entities if k.startswith("event/")]
    assert ("loc", "place/kota-sungai-penuh") in slots_of(ctx, key)
    assert not any(k.startswith("place/") and k != "place/kota-sungai-penuh" for k in ctx.entities)


def test_a_lower_case_room_in_a_lower_case_building_is_one_venue():
    text = ("Perwakilan BKKBN Provinsi Jambi menggelar Rapat Kerja Daerah di ruang Melati kantor Gubernur Jambi, "
            "Kamis (02/03/2023).")
    ctx = run(text, [JAMBI], D(2023, 3, 3))
    assert [e.label for k, e in ctx.entities.items() if k.startswith("place/")] == [
        "Ruang Melati kantor Gubernur Jambi"]


def test_a_venue_written_with_its_town_is_named_with_the_town_and_lies_in_it():
    text = "Ani Wulan membuka Rakerda Perwakilan BKKBN Provinsi Jambi di Mutiara Hotel Kerinci, Rabu (20/3/2019)."
    ctx = run(text, [ANI, JAMBI, ("place/mutiara-hotel", KB.Venue, "Mutiara Hotel"),
                     ("place/kabupaten-kerinci", KB.Regency, "Kerinci")], D(2019, 3, 21))
    (key,) = [k for k in ctx.entities if k.startswith("event/")]
    assert ctx.entities["place/mutiara-hotel-kerinci"].label == "Mutiara Hotel Kerinci"
    assert [obj for slot, obj in slots_of(ctx, key) if slot == "loc"][0] == "place/mutiara-hotel-kerinci"
    assert ("place/mutiara-hotel-kerinci", "place/kabupaten-kerinci") in {
        (f.subject, f.obj.key) for f in ctx.facts if f.predicate == SCHEMA.containedInPlace}


def test_a_committee_member_holds_a_meeting_for_the_committee_a_party_member_does_not():
    komisi = ("org/komisi-ix", KB.Division, "Komisi IX DPR RI")
    text = ("Anggota Komisi IX DPR RI, Ani Wulan menggelar Sosialisasi Program Bangga Kencana di Desa Sukamaju, "
            "Senin (20/11/2023).")
    ctx = run(text, [komisi, ANI], D(2023, 11, 21))
    (key,) = [k for k in ctx.entities if k.startswith("event/")]
    assert ("org", "org/komisi-ix") in slots_of(ctx, key)
    text = ("Anggota Partai Maju, Ani Wulan menggelar Sosialisasi Program Bangga Kencana di Desa Sukamaju, "
            "Senin (20/11/2023).")
    ctx = run(text, [("org/partai-maju", KB.CivilSocietyOrganization, "Partai Maju"), ANI], D(2023, 11, 21))
    (key,) = [k for k in ctx.entities if k.startswith("event/")]
    assert all(slot != "org" for slot, _ in slots_of(ctx, key))
