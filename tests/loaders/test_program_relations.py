"""Programs and the bodies that run them, the larger programs they belong to and the
regulations they follow, as real news writes them (sentences written for these tests)."""

from __future__ import annotations

import datetime as dt

from extractkit import article
from kbgraph.loaders.clean import clean
from kbgraph.loaders.extract import extract
from kbgraph.loaders.model import Extraction
from kbgraph.ontology.namespaces import KB, SCHEMA

BKKBN = "Kementerian Kependudukan dan Pembangunan Keluarga/BKKBN"
BANGGA = "Program Pembangunan Keluarga, Kependudukan dan Keluarga Berencana"


def read(text: str, published: dt.date = dt.date(2023, 5, 2)) -> Extraction:
    art = article(text, published)
    return extract(art, clean(art))


def pairs(x: Extraction, predicate) -> set[tuple[str, str]]:
    """(subject label, object label) of the facts of one predicate between entities."""
    label = {k: e.label for k, e in x.entities.items()}
    return {(label[f.subject], label[f.obj.key]) for f in x.facts
            if f.predicate == predicate and hasattr(f.obj, "key")}


def named(x: Extraction, kind: str) -> dict[str, set[str]]:
    """label → its mentions, for the entities of one kind ("place", "framework")."""
    return {e.label: {m.text for m in e.mentions} for k, e in x.entities.items()
            if k.startswith(kind + "/")}


# ------------------------------------------------------------------------ run by

def test_a_program_called_an_agencys_flagship_is_run_by_it():
    x = read("Menurut warga, Kampung KB merupakan salah satu program unggulan BKKBN di desa itu.")
    assert pairs(x, KB.runBy) == {("Kampung Keluarga Berencana", BKKBN)}


def test_the_programs_an_agency_lists_after_yakni_are_each_run_by_it():
    x = read("Rapat itu membahas pelaksanaan program BKKBN yakni Bangga Kencana dan "
             "Percepatan Penurunan Stunting (PPS) di daerah.")
    assert pairs(x, KB.runBy) == {(BANGGA, BKKBN), ("Percepatan Penurunan Stunting", BKKBN)}


def test_a_program_launched_by_an_agency_in_a_passive_clause_is_run_by_it():
    x = read('Pembentukan "Kampung Keluarga Berencana (KB)" yang dicanangkan BKKBN sudah '
             "mencapai separuh target.")
    assert pairs(x, KB.runBy) == {("Kampung Keluarga Berencana", BKKBN)}


def test_the_agency_leading_a_program_runs_it():
    x = read("Kami di BKKBN sebagai ketua percepatan penurunan stunting terus bekerja keras.")
    assert pairs(x, KB.runBy) == {("Percepatan Penurunan Stunting", BKKBN)}


def test_a_parliament_commission_between_agency_and_program_leaves_the_agency_running_it():
    x = read("BKKBN bersama Komisi IX DPR RI menyelenggarakan kegiatan sosialisasi "
             "Program Bangga Kencana di Denpasar.")
    assert pairs(x, KB.runBy) == {(BANGGA, BKKBN)}


def test_an_agency_merely_present_where_a_program_runs_runs_nothing():
    x = read("Warga desa bersama jajaran BKKBN dan mitra kerja hadir di Kampung KB itu.")
    assert pairs(x, KB.runBy) == set()


# -------------------------------------------------------------------- located in

def test_a_village_written_before_its_district_without_a_comma_is_in_that_district():
    x = read("Kampung KB dibentuk di Desa Sukamaju Kecamatan Cibodas Kabupaten Garut dan "
             "di desa Mekarjaya Kecamatan Tarogong.")
    inside = pairs(x, SCHEMA.containedInPlace)
    assert {("Desa Sukamaju", "Kecamatan Cibodas"), ("Kecamatan Cibodas", "Kabupaten Garut"),
            ("Desa Mekarjaya", "Kecamatan Tarogong")} <= inside
    assert ("Desa Sukamaju", "Kabupaten Garut") not in inside
    assert ("Desa Mekarjaya", "Kabupaten Garut") not in inside


def test_a_hall_named_after_its_village_is_in_the_village_and_the_village_in_the_district():
    x = read("Acara digelar di Aula Kantor Kelurahan Sukaresmi, Kecamatan Cisaat "
             "Kabupaten Sukabumi, Jumat.")
    inside = pairs(x, SCHEMA.containedInPlace)
    assert {("Aula Kantor Kelurahan Sukaresmi", "Kelurahan Sukaresmi"),
            ("Kelurahan Sukaresmi", "Kecamatan Cisaat")} <= inside
    assert ("Aula Kantor Kelurahan Sukaresmi", "Kecamatan Cisaat") not in inside


def test_a_district_named_with_its_citys_name_is_a_district_of_the_city():
    x = read("Pemko Medan menggelar lomba. Juara datang dari Kelurahan Sari Indah, "
             "Kecamatan Medan Baru yang mewakili Sumatera Utara.")
    inside = pairs(x, SCHEMA.containedInPlace)
    assert ("Kelurahan Sari Indah", "Kecamatan Medan Baru") in inside
    assert ("Kelurahan Sari Indah", "Kota Medan") not in inside


# ------------------------------------------------------- part of, regulations, shapes

def test_a_program_said_to_be_part_of_another_or_listed_under_it_is_part_of_it():
    x = read("Pemerintah meluncurkan program Quick Wins, salah satunya Program Makan Bergizi "
             "Gratis (MBG). Gerakan Ayo Menabung Sehat merupakan salah satu Program Desa Sehat "
             "Sejahtera di Garut.")
    assert pairs(x, KB.partOfProgram) == {
        ("Program Makan Bergizi Gratis", "Quick Wins"),
        ("Gerakan Ayo Menabung Sehat", "Program Desa Sehat Sejahtera")}
    assert not any(k.startswith("place/") and "Sehat" in e.label for k, e in x.entities.items())


def test_two_programs_merely_named_together_are_not_parts_of_each_other():
    x = read("Rapat membahas Program Makan Bergizi Gratis (MBG) dan Gerakan Ayo Menabung Sehat.")
    assert pairs(x, KB.partOfProgram) == set()


def test_a_regulation_with_its_issuer_before_the_number_is_one_regulation():
    x = read("Kampung KB dikuatkan dengan Peraturan Bupati Bengkalis Nomor 24 Tahun 2019 tentang "
             "Kampung KB. Tim dibentuk berdasarkan SK Gubernur Jambi Nomor 188 Tahun 2022.")
    frames = named(x, "framework")
    assert frames == {
        "Peraturan Bupati Bengkalis Nomor 24 Tahun 2019 tentang Kampung Keluarga Berencana":
            {"Peraturan Bupati Bengkalis Nomor 24 Tahun 2019 tentang Kampung KB"},
        "Keputusan Gubernur Jambi Nomor 188 Tahun 2022": {"SK Gubernur Jambi Nomor 188 Tahun 2022"}}
    assert not any(k.startswith("person/") for k in x.entities)
    assert ("Kampung Keluarga Berencana",
            "Peraturan Bupati Bengkalis Nomor 24 Tahun 2019 tentang Kampung Keluarga Berencana"
            ) in pairs(x, KB.alignsWith)


def test_a_regulation_with_its_abbreviation_in_brackets_or_without_its_year_is_found():
    x = read("Semua sesuai Peraturan Presiden (Perpres) Nomor 72 tahun 2021. Indikatornya "
             "tercantum dalam Perpres 72 itu. Adapun Perpres 99 belum dibahas.")
    frames = named(x, "framework")
    assert frames == {"Peraturan Presiden Nomor 72 Tahun 2021 tentang Percepatan Penurunan Stunting":
                      {"Peraturan Presiden (Perpres) Nomor 72 tahun 2021", "Perpres 72"}}


def test_a_short_form_written_as_a_word_is_found_in_capitals_too():
    x = read("BKKBN meluncurkan Gerakan Sayang Anak Desa (Gesad) di Karawang. Program GESAD "
             "menjangkau seribu keluarga; GESAD juga dipantau tiap bulan.")
    program = next(e for k, e in x.entities.items() if k.startswith("program/"))
    assert program.label == "Gerakan Sayang Anak Desa"
    assert {m.text for m in program.mentions} == {
        "Gerakan Sayang Anak Desa (Gesad)", "Program GESAD", "GESAD"}
    assert pairs(x, KB.runBy) == {("Gerakan Sayang Anak Desa", BKKBN)}


# ------------------------------------------------------------- no place out of these

def test_no_village_out_of_a_program_name_or_a_pair_of_heads():
    x = read("Sudah terbentuk 22 Desa Kampung KB di kabupaten itu. BKKBN menggelar webinar "
             "Desa/Kelurahan Bebas Stunting di Jakarta.")
    assert not any(e.types[0].endswith("Village") for e in x.entities.values())


def test_a_dateline_that_is_a_web_address_is_the_outlet_not_a_place():
    body = "CONTOHWARTA.CO.ID – Kampung KB di Desa Sukamaju diresmikan, Senin."
    art = article(body, dt.date(2023, 5, 2))
    x = extract(art, clean(art))
    kinds = {e.label: e.types[0].split("#")[-1].split("/")[-1] for e in x.entities.values()}
    assert kinds.get("CONTOHWARTA.CO.ID") == "NewsPublisher"
    assert not any(label.casefold() == "contohwarta.co.id" and kind != "NewsPublisher"
                   for label, kind in kinds.items())


def test_a_district_written_before_its_villages_holds_them():
    x = read("Untuk Kecamatan Bajubang Desa Bungku, Desa Ladang Peris dan Desa Petajen. "
             "Semua di Kabupaten Batanghari.")
    inside = pairs(x, SCHEMA.containedInPlace)
    assert {("Desa Bungku", "Kecamatan Bajubang"), ("Desa Ladang Peris", "Kecamatan Bajubang"),
            ("Desa Petajen", "Kecamatan Bajubang")} <= inside
    assert not any(a.startswith("Desa") and b == "Kabupaten Batanghari" for a, b in inside)


def test_a_town_named_before_the_day_is_a_place_in_the_one_regency_the_body_names():
    x = read("Kabupaten Aceh Tengah kini punya 20 Kampung KB. \"Kami terus bekerja,\" katanya "
             "di Takengon, Selasa. Warga Takengon menyambut baik.")
    places = named(x, "place")
    assert places["Takengon"] == {"Takengon"}
    assert ("Takengon", "Kabupaten Aceh Tengah") in pairs(x, SCHEMA.containedInPlace)
    y = read("\"Kami terus bekerja,\" katanya di Jakarta, Selasa, dan di Kantor BKKBN, Rabu.")
    assert not any(e.types[0] == SCHEMA.Place for e in y.entities.values())


def test_a_misspelt_regency_word_and_a_park_and_a_capital_town():
    x = read("Kampung KB ada di Kabupeten Jayapura (20) dan Kota Jayapura (6). Pentas digelar "
             "di Taman Kota Gorontalo, Sabtu. Ia tiba di Wamena, ibu kota Kabupaten Jayawijaya.")
    places = named(x, "place")
    assert places["Kabupaten Jayapura"] == {"Kabupeten Jayapura"}
    assert "Taman Kota Gorontalo" in places
    inside = pairs(x, SCHEMA.containedInPlace)
    assert ("Taman Kota Gorontalo", "Kota Gorontalo") in inside
    assert ("Wamena", "Kabupaten Jayawijaya") in inside


def test_a_kampung_is_a_village_unless_a_program_a_count_or_a_nickname():
    x = read("Kepala BKKBN berkunjung ke Kampung KB Kampung Baiman Sungai Biuku, Kelurahan Sungai "
             "Andai, Senin. Menuju Kampung Sungai Biuku bisa lewat sungai. Warga menyebutnya "
             "sebagai Kampung Rambutan. Di kecamatan itu ada 28 Kampung Definitif.")
    places = named(x, "place")
    assert places["Kampung Baiman Sungai Biuku"] == {"Kampung Baiman Sungai Biuku",
                                                     "Kampung Sungai Biuku"}
    assert not {"Kampung Rambutan", "Kampung Definitif", "Kampung KB"} & set(places)
    assert ("Kampung Baiman Sungai Biuku", "Kelurahan Sungai Andai") in pairs(
        x, SCHEMA.containedInPlace)
    assert "Kampung Keluarga Berencana" in named(x, "program")


def test_a_number_of_an_address_before_a_village_is_no_count():
    x = read("Acara di Jalan Melati RW 3 Kelurahan Cempaka Putih Kecamatan Kembangan, Selasa.")
    assert ("Kelurahan Cempaka Putih", "Kecamatan Kembangan") in pairs(x, SCHEMA.containedInPlace)


def test_a_lexicon_program_written_in_lower_case_is_that_program():
    x = read("Pemkab membentuk 40 kampung KB tahun ini. Semua mendukung program bangga kencana.")
    programs = named(x, "program")
    assert programs["Kampung Keluarga Berencana"] == {"kampung KB"}
    assert any(m.endswith("bangga kencana") for m in programs[BANGGA])


def test_a_dateline_town_the_body_names_as_a_village_is_that_village():
    body = ("SUKAMAJU – Warga Desa Sukamaju Kecamatan Sukamaju menyambut Kampung KB, Senin. "
            "Di Kecamatan Martapura Barat juga ada.")
    art = article(body, dt.date(2023, 5, 2))
    x = extract(art, clean(art))
    places = named(x, "place")
    assert places["Desa Sukamaju"] == {"SUKAMAJU", "Desa Sukamaju"}
    assert "Sukamaju" not in places
    other = "MARTAPURA – Pencanangan di Kecamatan Martapura Barat, Rabu."
    art = article(other, dt.date(2023, 5, 2))
    assert "Kecamatan Martapura" not in named(extract(art, clean(art)), "place")


def test_villages_with_their_region_in_brackets_lie_there_not_in_the_last_city_named():
    x = read("Pemenang lomba di Kota Surabaya diumumkan. Juaranya Desa Pinang Merah (Jambi), "
             "Kelurahan Sidomulyo (Sleman, DIY) dan Desa Rangkah (Kebumen, Jateng).")
    inside = pairs(x, SCHEMA.containedInPlace)
    assert {("Desa Pinang Merah", "Provinsi Jambi"), ("Kelurahan Sidomulyo", "Kabupaten Sleman"),
            ("Desa Rangkah", "Kabupaten Kebumen")} <= inside
    assert not any(b == "Kota Surabaya" for a, b in inside if a.startswith(("Desa", "Kelurahan")))


def test_villages_listed_before_di_and_a_district_lie_in_it():
    x = read("Dua desa dipilih, yaitu Desa Tumbang Bantian dan Desa Tumbang Saan di Kecamatan "
             "Sei Babuat, Kabupaten Murung Raya.")
    inside = pairs(x, SCHEMA.containedInPlace)
    assert {("Desa Tumbang Bantian", "Kecamatan Sei Babuat"),
            ("Desa Tumbang Saan", "Kecamatan Sei Babuat")} <= inside


def test_an_award_or_a_category_named_after_villages_is_no_village():
    x = read("Pertemuan Nasional Desa Bebas Stunting Award 2023 digelar di Yogyakarta.")
    assert not any(e.types[0].endswith("Village") for e in x.entities.values())


def test_a_short_name_spelled_out_in_brackets_after_a_program_cue_is_a_program():
    x = read("Berbagai program inovasi dijalankan seperti SIMANIS (Sistem Informasi Ibu Manis "
             "dan Sehat) di puskesmas. SIMANIS kini dipakai di 12 desa. Rapat dihadiri "
             "PKK (Pemberdayaan Kesejahteraan Keluarga) setempat.")
    programs = named(x, "program")
    assert programs == {"Sistem Informasi Ibu Manis dan Sehat": {
        "SIMANIS (Sistem Informasi Ibu Manis dan Sehat)", "SIMANIS"}}


def test_a_venue_named_only_by_a_city_office_takes_the_citys_name():
    x = read("Pemko Medan menggelar rapat koordinasi di Balai Kota, Jumat. Rapat di Auditorium "
             "BKKBN juga direncanakan.")
    places = named(x, "place")
    assert places["Balai Kota Medan"] == {"Balai Kota"}
    assert ("Balai Kota Medan", "Kota Medan") in pairs(x, SCHEMA.containedInPlace)
    assert "Auditorium BKKBN" in places


def test_a_decree_numbered_with_a_code_before_its_year_is_one_regulation():
    x = read("Tim bekerja sesuai Keputusan Gubernur Jambi Nomor 663/VII/2024 tentang Pembentukan "
             "Tim Kerja Kampung KB.")
    decree = ("Keputusan Gubernur Jambi Nomor 663/VII/2024 tentang Pembentukan Tim Kerja Kampung "
              "Keluarga Berencana")
    assert set(named(x, "framework")) == {decree}


def test_a_city_name_with_a_compass_word_is_a_district_of_the_city():
    x = read("Acara di Gedung Kampus Widya, Desa Adat Tambawu, Denpasar Timur, Sabtu. "
             "Kota Denpasar mendukung. Warga Jakarta Timur juga hadir.")
    places = named(x, "place")
    assert places["Kecamatan Denpasar Timur"] == {"Denpasar Timur"}
    inside = pairs(x, SCHEMA.containedInPlace)
    assert {("Desa Adat Tambawu", "Kecamatan Denpasar Timur"),
            ("Kecamatan Denpasar Timur", "Kota Denpasar")} <= inside
    assert "Kecamatan Jakarta Timur" not in places
