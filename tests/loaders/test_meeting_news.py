"""Meetings as unseen news writes them, read by the whole production pipeline (clean, every
stage, then the gold shape ``kbgraph evaluate`` scores). The sentences are written for these
tests; each one stands for a shape seen in real articles."""

from __future__ import annotations

import datetime as dt

import pytest
from kbgraph.loaders.clean import clean
from kbgraph.loaders.evaluate.convert import to_gold
from kbgraph.loaders.extract import extract
from kbgraph.loaders.model import Article


def gold(body: str, published: dt.date = dt.date(2024, 6, 5)) -> dict:
    article = Article(id="news", text=body, source="news.txt", published=published)
    return to_gold(extract(article, clean(article)))


def meetings(body: str, **kw) -> dict[str, dict]:
    """label as written → its slots (empty ones left out)."""
    return {m["label"]: {k: v for k, v in m.items() if v is not None and k not in ("label", "aliases")}
            for m in gold(body, **kw)["meetings"]}


@pytest.mark.parametrize(("body", "slot", "value"), [
    # a street after the venue is its address, not part of its name
    (("Perwakilan BKKBN Provinsi Jambi menggelar Rapat Koordinasi Kampung KB di Hotel Mawar Indah "
     "Jalan Sultan Agung No. 12 Kota Jambi, Rabu (5/6/2024).\n"), "location", "Hotel Mawar Indah"),
    # an official holds a meeting for the body of the post
    (("Kepala Perwakilan BKKBN Provinsi Jambi Budi Santoso menggelar Rapat Koordinasi Kampung KB di "
     "Kota Jambi, Rabu (5/6/2024).\n"), "organizer", "Perwakilan BKKBN Provinsi Jambi"),
])
def test_a_slot_of_a_rapat_koordinasi(body, slot, value):
    assert meetings(body)["Rapat Koordinasi Kampung KB"][slot] == value


def test_a_meeting_name_stops_at_a_comma_before_a_post():
    got = meetings("Perwakilan BKKBN Provinsi Jambi menggelar Sosialisasi Program Bangga Kencana "
                   "Bersama Mitra Kerja, Anggota Komisi IX DPR RI Budi Santoso di Aula Kantor Desa "
                   "Sungai Duren, Rabu (5/6/2024).\n")
    assert list(got) == ["Sosialisasi Program Bangga Kencana Bersama Mitra Kerja"]


def test_a_venue_only_the_meeting_stage_reads_lies_in_the_dateline_regency():
    body = ("SUKOHARJO - Bupati Sukoharjo Budi Santoso membuka Rapat Koordinasi Kampung KB di "
            "pendopo Ronggo Wirosobo, Senin (3/6/2024).\n")
    got = meetings(body)["Rapat Koordinasi Kampung KB"]
    assert (got["location"], got["city"]) == ("Pendopo Ronggo Wirosobo", "Kabupaten Sukoharjo")
    assert ["Pendopo Ronggo Wirosobo", "located in", "Kabupaten Sukoharjo"] in gold(body)["relations"]


def test_a_venue_without_a_dateline_stays_in_no_city():
    got = meetings("Bupati Sukoharjo Budi Santoso membuka Rapat Koordinasi Kampung KB di pendopo "
                   "Ronggo Wirosobo, Senin (3/6/2024).\n")["Rapat Koordinasi Kampung KB"]
    assert got["location"] == "Pendopo Ronggo Wirosobo" and "city" not in got


def test_a_launch_first_named_with_a_demonstrative_is_a_meeting():
    got = meetings("Kepala Dinas Budi Santoso menyampaikan laporan tentang tujuan kegiatan.\n\n"
                   "Peresmian Kampung KB tersebut dihadiri oleh Camat Sungai Duren dan para kepala desa.\n")
    assert list(got) == ["Peresmian Kampung KB"]


def test_a_visit_named_again_another_way_is_the_same_visit():
    got = meetings("Inspektur Utama BKKBN Budi Santoso melakukan kunjungan kerja di Provinsi Jambi "
                   "pada 5 sampai 7 Juni 2024.\n\n"
                   "Kunjungan Irtama BKKBN ini untuk memantau langsung program di daerah.\n")
    assert list(got) == ["kunjungan kerja di Provinsi Jambi"]


def events(body: str) -> dict[str, list[str]]:
    """EVENT label → its mentions."""
    return {e["label"]: sorted(e["mentions"]) for e in gold(body)["entities"] if e["class"] == "EVENT"}


def test_a_named_day_is_an_event_with_its_short_form_but_no_meeting():
    body = ("Bupati Sukoharjo Budi Santoso membuka Peringatan Hari Anak Nasional (Hanas) ke-40 di "
            "Alun-alun Satya Negara, Selasa (23/7/2024).\n\n"
            "Menurut dia, Hanas menjadi momentum untuk melindungi anak.\n\n"
            "Tahun lalu Hari keluarga nasional juga diperingati di desa itu.\n")
    got = events(body)
    assert got["Hari Anak Nasional"] == ["Hanas", "Hari Anak Nasional (Hanas)"]
    assert got["Hari Keluarga Nasional"] == ["Hari keluarga nasional"]
    assert [m["label"] for m in gold(body)["meetings"]] == ["Peringatan Hari Anak Nasional (Hanas) ke-40"]


def test_a_short_form_first_then_the_day_in_brackets():
    got = events("Kegiatan itu bagian dari Harganas (Hari Keluarga Nasional) ke-31 di Jambi.\n")
    assert got == {"Hari Keluarga Nasional": ["Harganas (Hari Keluarga Nasional)"]}


def test_a_day_of_the_week_is_no_observance():
    assert events("Hari Senin Perwakilan BKKBN Nasional memberi laporan, Hari ini juga dibahas.\n") == {}


def test_an_official_quoted_before_an_organizer_names_no_organizer():
    got = meetings("Menurut Kepala Perwakilan BKKBN Provinsi Jambi Budi Santoso, Pemerintah Kota "
                   "Jambi menggelar Rapat Koordinasi Kampung KB, Rabu (5/6/2024).\n")
    assert got["Rapat Koordinasi Kampung KB"].get("organizer") != "Perwakilan BKKBN Provinsi Jambi"


def test_the_main_part_of_a_meeting_is_the_meeting():
    got = meetings("Perwakilan BKKBN Provinsi Jambi menggelar Gebyar Kampung KB Jambi 2024 selama tiga hari.\n\n"
                   "Acara puncak digelar di Hotel Mawar Indah, Kota Jambi, Rabu (5/6/2024).\n")
    assert got["Gebyar Kampung KB Jambi 2024"]["location"] == "Hotel Mawar Indah"


def test_a_company_s_abbreviation_ends_no_sentence():
    got = meetings("Anggota Komisi IX DPR RI Budi Santoso menghadiri Sosialisasi Program Bangga Kencana "
                   "yang digelar di PT. Maju Jaya, Desa Sukamaju, Kabupaten Kediri, Minggu (11/5/2025).\n")
    got = got["Sosialisasi Program Bangga Kencana"]
    assert (got["start"], got["city"]) == ("2025-05-11", "Kabupaten Kediri")


def test_who_opened_a_meeting_on_behalf_of_someone_else_opened_it():
    got = meetings("Pemerintah Kabupaten Tanah Bumbu menggelar rapat koordinasi percepatan penurunan "
                   "stunting di Batulicin, Selasa (11/4/2023).\n\n"
                   "Rakoor dibuka Bupati Ani Wulan diwakili Wakil Bupati Budi Santoso.\n",
                   published=dt.date(2023, 4, 12))
    assert got["rapat koordinasi percepatan penurunan stunting"]["opened_by"] == "Budi Santoso"


def test_a_degree_or_an_acting_post_with_a_period_ends_no_sentence():
    got = meetings("Bupati Sukoharjo Budi Santoso melakukan kunjungan kerja ke Jakarta menemui Kepala "
                   "BKKBN, dr. Ani Wulan, Sp. OG, Jumat (21/10) lalu.\n", published=dt.date(2022, 10, 24))
    assert got["kunjungan kerja ke Jakarta"]["start"] == "2022-10-21"


def test_an_unknown_venue_written_with_its_city_is_a_venue_in_the_city():
    body = ("Dinas Pengendalian Penduduk Kota Cilegon menggelar Rapat Koordinasi Kampung KB yang berlangsung "
            "di Mawarotel Kota Cilegon, Rabu (5/6/2024).\n")
    got = meetings(body)["Rapat Koordinasi Kampung KB"]
    assert (got["location"], got["city"]) == ("Mawarotel Kota Cilegon", "Kota Cilegon")


def test_a_short_name_that_abbreviates_words_of_the_full_name_is_the_same_meeting():
    got = meetings("Rapat Koordinasi (Rakor) Tim Penggerak PKK Se-Jambi digelar di Kota Jambi, Rabu (5/6/2024).\n\n"
                   "Ketua panitia Ani Wulan menjelaskan, Rakor TP PKK tahun ini membahas stunting.\n")
    assert list(got) == ["Rapat Koordinasi (Rakor) Tim Penggerak PKK Se-Jambi"]


def test_how_a_meeting_was_held_is_no_new_meeting_and_a_lower_case_event_noun_after_attending_points_back():
    got = meetings("Dinas Pengendalian Penduduk Kabupaten Sukoharjo menyelenggarakan Orientasi Tim Pendamping "
                   "Keluarga (TPK) pada 24–28 November 2025.\n\n"
                   "Sebanyak 500 kader mengikuti kegiatan secara tatap muka yang dipusatkan di Aula Dinas "
                   "Sukoharjo, sedangkan yang lain mengikuti orientasi secara daring.\n")
    assert list(got) == ["Orientasi Tim Pendamping Keluarga (TPK)"]
    assert got["Orientasi Tim Pendamping Keluarga (TPK)"]["location"] == "Aula Dinas Sukoharjo"


def test_a_training_of_trainers_is_a_training():
    got = meetings("Wali Kota Depok Budi Santoso membuka Training of Trainer (ToT) Kader Ketahanan Keluarga "
                   "di Kota Depok, Kamis (22/02/2018).\n")
    assert got["Training of Trainer (ToT) Kader Ketahanan Keluarga"]["opened_by"] == "Budi Santoso"


def test_a_room_written_in_lower_case_before_its_building_is_the_venue_the_entity_pass_read():
    body = ("Pemerintah Kota Jambi menggelar rapat koordinasi Tim Percepatan Penurunan Stunting (TPPS) yang "
            "digelar di ruang Melati Balai Kota Jambi Senin (27/10/2025).\n")
    got = meetings(body, published=dt.date(2025, 10, 28))
    got = got["rapat koordinasi Tim Percepatan Penurunan Stunting (TPPS)"]
    assert (got["location"], got["city"]) == ("ruang Melati Balai Kota Jambi", "Kota Jambi")
    assert not {"Ruang Melati", "Melati Balai Kota Jambi"} & {e["label"] for e in gold(body)["entities"]}


def test_a_meeting_held_during_a_visit_says_where_the_visit_was_held():
    body = ("Deputi BKKBN Ani Wulan melakukan kunjungan kerja (Kunker) di Kabupaten Muaro Jambi, "
            "Rabu (19/5/2021).\n\n"
            "Wakil Bupati Budi Santoso dalam pertemuan di Lantai 2 Gedung Serbaguna Sepucuk Nipah "
            "menyampaikan terima kasih.\n")
    got = meetings(body, published=dt.date(2021, 5, 20))["kunjungan kerja (Kunker) di Kabupaten Muaro Jambi"]
    assert (got["location"], got["city"]) == ("Gedung Serbaguna Sepucuk Nipah", "Kabupaten Muaro Jambi")


def test_a_launch_is_named_by_the_noun_of_its_verb():
    got = meetings("Wali Kota Depok Budi Santoso meresmikan Kampung KB di Kelurahan Pondok Jaya, Senin (30/12/2019).\n",
                   published=dt.date(2019, 12, 31))
    assert list(got) == ["peresmian Kampung KB"]
    assert got["peresmian Kampung KB"]["opened_by"] == "Budi Santoso"


def test_a_meeting_name_does_not_end_inside_a_long_bracket_it_opened():
    got = meetings("Perwakilan BKKBN Provinsi Jambi menggelar Sosialisasi Program Bangga Kencana untuk Wilayah "
                   "Regional II (Provinsi Jambi, Bengkulu, Lampung, Sumatera Selatan, Kalimantan Barat, Kalimantan "
                   "Tengah, dan Bangka Belitung) Tahun 2022, Selasa (15/3/2022).\n")
    assert list(got) == ["Sosialisasi Program Bangga Kencana untuk Wilayah Regional II"]


def test_a_lower_case_day_with_its_short_form_and_a_summit_after_a_comma():
    body = ("Pemerintah Kabupaten Jambi menggelar, puncak peringatan hari keluarga nasional (Harganas) ke-27 di "
            "Halaman Kantor Bupati Jambi, Senin (29/6/2020).\n\n"
            "Tahun lalu Hari Keluargga Nasional diperingati di desa.\n")
    got = gold(body, published=dt.date(2020, 6, 30))
    assert [m["label"] for m in got["meetings"]] == ["peringatan hari keluarga nasional (Harganas) ke-27"]
    assert got["meetings"][0]["start"] == "2020-06-29"
    assert events(body)["Hari Keluarga Nasional"] == ["Hari Keluargga Nasional", "hari keluarga nasional (Harganas)"]


def test_a_planned_meeting_is_no_meeting_yet():
    got = meetings("Pemkab bersama Sekda Budi Santoso menyiapkan rapat koordinasi daerah (rakorda) yang akan "
                   "dilaksanakan Perwakilan BKKBN bulan depan, 16-17 Maret 2020. Rencananya Rakorda itu "
                   "dihadiri Menteri.\n", published=dt.date(2020, 2, 10))
    assert got == {}


def test_a_theme_in_lower_case_words_only_names_no_meeting():
    got = meetings("Bupati Budi Santoso membuka Rapat Koordinasi Kampung KB, Selasa (23/2/2021). Salah satu "
                   "kegiatan yang bertajuk daring/online meeting itu diikuti camat.\n", published=dt.date(2021, 2, 24))
    assert list(got) == ["Rapat Koordinasi Kampung KB"]


def test_the_one_meeting_reported_takes_the_one_day_the_article_gives():
    body = ("MATARAM - BKKBN menggelar Sosialisasi Rencana Aksi Nasional Percepatan Penurunan Stunting di Kota "
            "Mataram.\n\n"
            "“Lima daerah berstatus merah,” kata Budi Santoso, di Mataram, Rabu (23/3/2022).\n")
    got = meetings(body, published=dt.date(2022, 3, 24))
    assert got["Sosialisasi Rencana Aksi Nasional Percepatan Penurunan Stunting"]["start"] == "2022-03-23"
    two_days = body.replace("Rabu (23/3/2022)", "Rabu (23/3/2022), setelah rapat Selasa (22/3/2022)")
    assert "start" not in meetings(two_days, published=dt.date(2022, 3, 24))[
        "Sosialisasi Rencana Aksi Nasional Percepatan Penurunan Stunting"]


def test_a_verb_in_headline_case_before_a_meeting_name_does_not_hide_it():
    got = meetings("Sekretaris Daerah Kabupaten Kapuas Budi Santoso Pimpin Rapat Koordinasi Percepatan Penurunan "
                   "Stunting di Aula Bappeda Kapuas, Senin (6/6/2022).\n", published=dt.date(2022, 6, 7))
    got = got["Rapat Koordinasi Percepatan Penurunan Stunting"]
    assert (got["location"], got["start"]) == ("Aula Bappeda Kapuas", "2022-06-06")


def test_keeping_a_day_named_by_the_day_alone_is_no_meeting():
    body = ("Perwakilan BKKBN Provinsi Jambi menyiapkan Hari Keluarga Nasional (Harganas) tahun ini.\n\n"
            "Kepala Perwakilan Budi Santoso menjadi penanggung jawab utama dalam peringatan Harganas.\n\n"
            "Ia mengatakan, Peringatan Harganas menjadi momentum keluarga.\n")
    assert meetings(body) == {}
    assert "Hari Keluarga Nasional" in events(body)


def test_words_that_never_go_on_in_a_meeting_name():
    body = ("Perwakilan BKKBN Provinsi Jambi menggelar Rapat Koordinasi Kampung KB di Kota Jambi, Rabu (5/6/2024).\n\n"
            "Usai pelatihan para peserta meninjau Kampung KB. Seusai pertemuan, PJ Kepala Desa Sukamaju "
            "menyambut rombongan.\n")
    assert list(meetings(body)) == ["Rapat Koordinasi Kampung KB"]


def test_regions_taking_part_are_no_participant_count():
    got = meetings("Perwakilan BKKBN Provinsi Riau menggelar Gebyar Kampung KB di Kota Pekanbaru, Rabu (22/2/2023), "
                   "dan diikuti oleh 12 kabupaten/kota secara virtual.\n", published=dt.date(2023, 2, 23))
    assert "participants" not in got["Gebyar Kampung KB"]


def test_a_closing_day_and_a_duration_give_the_first_day():
    got = meetings("Pelatihan Pengelolaan Kelompok Bina Keluarga Remaja yang diadakan Dinas PPKB Kota Jayapura "
                   "di tutup (8/11/19) setelah berlangsung selama 3 hari di Gedung Serbaguna Jayapura.\n",
                   published=dt.date(2019, 11, 9))
    got = got["Pelatihan Pengelolaan Kelompok Bina Keluarga Remaja"]
    assert (got["start"], got["end"]) == ("2019-11-06", "2019-11-08")


def test_a_lower_case_office_keeps_the_region_of_the_body_it_houses():
    got = meetings("Ketua Muslimat NU Riau Ani Wulan melakukan audiensi dengan Kepala Perwakilan BKKBN Provinsi Riau, "
                   "Budi Santoso, di kantor BKKBN Provinsi Riau, Senin (13/5/2024).\n", published=dt.date(2024, 5, 14))
    assert next(iter(got.values()))["location"] == "Kantor BKKBN Provinsi Riau"


def test_a_short_name_opening_with_an_abbreviation_is_the_one_meeting_that_spells_it_out():
    body = ("Perwakilan BKKBN Provinsi Jambi menggelar Rapat Koordinasi Daerah Program Prioritas Tahun 2017.\n\n"
            "“Ini angka yang baik,” ujar Budi Santoso di sela acara Rakorda program KKBPK di Hotel Mawar Indah.\n")
    got = meetings(body, published=dt.date(2017, 3, 8))
    assert list(got) == ["Rapat Koordinasi Daerah Program Prioritas Tahun 2017"]
    assert got["Rapat Koordinasi Daerah Program Prioritas Tahun 2017"]["location"] == "Hotel Mawar Indah"


@pytest.mark.parametrize("name", ["Fasilitasi dan Pembinaan Kampung KB", "Pelantikan Pengurus Wilayah Muslimat NU Jambi",
                                  "Penandatanganan MoU Pemprov Jambi"])
def test_more_kinds_of_events(name):
    got = meetings(f"{name} dengan Perwakilan BKKBN Jambi digelar di Kota Jambi, Rabu (5/6/2024).\n")
    assert list(got) == [name]  # the name stops at "dengan"


def test_the_level_after_a_meeting_name_is_part_of_it():
    got = meetings("Pemerintah Kabupaten Jambi menggelar Rapat Koordinasi (Rakor) TPPS tingkat kecamatan di "
                   "Kecamatan Sukamaju, Selasa (19/8/2025).\n", published=dt.date(2025, 8, 20))
    assert list(got) == ["Rapat Koordinasi (Rakor) TPPS tingkat kecamatan"]


def test_what_a_meeting_was_about_is_part_of_its_name_and_its_second_mention_is_the_same_meeting():
    body = ("Pemkab Muaro Jambi mengadakan Rapat Koordinasi (Rakor) terkait persiapan kampanye gizi "
            "seimbang bagi keluarga, Rabu (5/6/2024).\n\n"
            "Turut memimpin rapat persiapan kampanye gizi seimbang, Asisten Pemerintahan Budi Santoso.\n")
    got = meetings(body, published=dt.date(2024, 6, 6))
    assert list(got) == ["Rapat Koordinasi (Rakor) terkait persiapan kampanye gizi seimbang bagi keluarga"]


def test_an_adjective_with_a_verb_prefix_stays_in_a_meeting_name():
    got = meetings("Bappeda Provinsi Jambi menggelar rapat terbatas bidang koordinasi dan konvergensi TPPS se-Provinsi "
                   "Jambi, Selasa (12/7/2022).\n", published=dt.date(2022, 7, 13))
    assert list(got) == ["rapat terbatas bidang koordinasi dan konvergensi TPPS se-Provinsi Jambi"]


def test_a_visit_is_held_in_the_town_it_went_to():
    got = meetings("Komisi IV DPRD Kabupaten Banjar melakukan kunjungan kerja ke Kabupaten Hulu Sungai Utara dalam "
                   "rangka mempelajari program kependudukan, Rabu (20/9/2017).\n", published=dt.date(2017, 9, 21))
    assert got["kunjungan kerja ke Kabupaten Hulu Sungai Utara"]["city"] == "Kabupaten Hulu Sungai Utara"


def test_the_initials_a_meeting_gives_itself_stand_for_it_later():
    got = meetings("SAMARINDA - Komisi IV DPRD Kota Samarinda menggelar Rapat Dengar Pendapat (RDP) "
                   "bersama Dinas Kesehatan Kota Samarinda, Senin (3/6/2024).\n\n"
                   "RDP yang dipimpin oleh Budi Santoso itu membahas angka stunting.\n")
    assert got["Rapat Dengar Pendapat (RDP)"]["chair"] == "Budi Santoso"


def test_the_initials_of_a_body_inside_a_meeting_name_stay_the_body():
    body = ("Pemerintah Kabupaten Kendal menggelar Rapat Koordinasi Tim Percepatan Penurunan Stunting "
            "(TPPS) di Pendopo Kabupaten Kendal, Senin (3/6/2024).\n\n"
            "TPPS yang dipimpin oleh Budi Santoso itu membahas angka stunting.\n")
    (got,) = meetings(body).values()
    assert "chair" not in got


def test_a_name_later_in_a_quoted_sentence_is_opened_by_the_speaker_before_the_verb():
    body = ("Perwakilan BKKBN Provinsi Jambi menggelar pelatihan bagi kader Kampung KB di Kota Jambi.\n\n"
            "\"Ini pertama kalinya kita menggelar pelatihan sejak pandemi,\" kata Kepala Perwakilan BKKBN "
            "Provinsi Jambi, Budi Santoso saat membuka Pelatihan Teknis Pendataan Keluarga di Kota "
            "Jambi, Senin (3/6/2024).\n")
    assert meetings(body)["Pelatihan Teknis Pendataan Keluarga"]["opened_by"] == "Budi Santoso"


@pytest.mark.parametrize(("room", "city"), [
    # a room named after a body of the province the dateline's city lies in: in that city
    ("ruangan Melati Bappeda Sulteng", "Kota Palu"),
    # named after a body of another province: no city
    ("ruangan Melati Bappeda Gorontalo", None),
])
def test_a_room_named_after_a_provincial_body(room, city):
    body = ("PALU - Bappeda Provinsi Sulawesi Tengah menggelar Rapat Koordinasi Kampung KB. Rapat ini "
            f"dilaksanakan di {room}, Selasa (4/6/2024).\n")
    got = meetings(body)["Rapat Koordinasi Kampung KB"]
    assert (got["location"], got.get("city")) == (room[0].upper() + room[1:], city)


def test_the_first_session_of_a_meeting_named_before_is_that_meeting():
    body = ("Pemerintah Kabupaten Mamuju Tengah menggelar Rapat Koordinasi (Rakor) TPPS tingkat kecamatan.\n\n"
            "Rakor pertama dilaksanakan pada Selasa, 4 Juni 2024 di Kecamatan Karossa.\n")
    got = meetings(body)["Rapat Koordinasi (Rakor) TPPS tingkat kecamatan"]
    assert (got["location"], got["start"]) == ("Kecamatan Karossa", "2024-06-04")


@pytest.mark.parametrize(("second", "count"), [
    # the participants counted in brackets, at an event pointed at as "even tersebut"
    ("Hadir pada even tersebut segenap peserta dari seluruh desa yang diundang (120 orang).", 120),
    # a number in brackets that counts no people is no participant count
    ("Hadir pada even tersebut segenap peserta dari seluruh desa (Kecamatan Wonosari).", None),
])
def test_participants_counted_in_brackets(second, count):
    body = ("Perwakilan BKKBN DI Yogyakarta menggelar Sosialisasi Program Bangga Kencana di Balai Desa "
            f"Wonosari, Rabu (5/6/2024). {second}\n")
    assert meetings(body)["Sosialisasi Program Bangga Kencana"].get("participants") == count


@pytest.mark.parametrize(("body", "names"), [
    # the parts a meeting's agenda lists are no meetings of their own
    ("Perwakilan BKKBN Provinsi Bengkulu menggelar Rapat Koordinasi Daerah di Kota Bengkulu, Rabu "
     "(5/6/2024). Agenda utama dalam Rakorda meliputi penyerahan penghargaan kepada mitra kerja dan "
     "Pelantikan Forum Kader Muda Provinsi Bengkulu.\n", ["Rapat Koordinasi Daerah"]),
    # nor are the kinds of work a plan lists as examples
    ("Tahun ini dinas mengutamakan kerja lapangan, seperti konseling remaja, penyuluhan, dan "
     "kegiatan pendampingan keluarga.\n", []),
    # "seperti tahun lalu": a comparison, then the meeting the sentence names
    ("Seperti tahun lalu, Perwakilan BKKBN Provinsi Bengkulu menggelar Rapat Koordinasi Daerah di Kota "
     "Bengkulu, Rabu (5/6/2024).\n", ["Rapat Koordinasi Daerah"]),
])
def test_an_item_of_a_list_is_no_meeting(body, names):
    assert list(meetings(body)) == names


def test_the_days_set_off_by_commas_before_the_verb_are_the_meetings():
    got = meetings("MAKASSAR - Universitas Harapan Bangsa, Jepang, 3-5 Juni 2024, menggelar pelatihan bagi "
                   "fasilitator Kampung KB di Kota Makassar.\n")
    got = got["pelatihan bagi fasilitator Kampung KB"]
    assert (got["start"], got["end"]) == ("2024-06-03", "2024-06-05")


def test_a_kind_word_attended_by_a_count_points_at_the_meeting_named_before():
    body = ("Wali Kota Jambi Budi Santoso meresmikan Kampung KB di Kelurahan Talang Banjar, Rabu (5/6/2024).\n\n"
            "Ketua panitia Ani Wulan mengatakan, peresmian dihadiri oleh sekitar 300 warga.\n")
    (got,) = meetings(body).values()
    assert got["participants"] == 300


def test_an_organizer_after_a_capitalized_oleh_mid_sentence():
    body = ("GARUT - Hal itu disampaikan Budi dalam Sosialisasi Kampung KB yang diselenggarakan Oleh "
            "Perwakilan BKKBN Provinsi Jawa Barat di Desa Sukamaju, Kamis (6/6/2024).\n")
    assert meetings(body)["Sosialisasi Kampung KB"]["organizer"] == "Perwakilan BKKBN Provinsi Jawa Barat"


def test_a_meeting_no_sentence_places_was_held_in_the_dateline_town():
    got = meetings("SUKOHARJO - Dinas Pengendalian Penduduk dan KB menggelar Rapat Koordinasi Kampung KB "
                   "bersama para camat, Senin (3/6/2024).\n")["Rapat Koordinasi Kampung KB"]
    assert (got["location"], got["city"]) == ("Kabupaten Sukoharjo", "Kabupaten Sukoharjo")


@pytest.mark.parametrize("body", [
    # held on line: the dateline is only where the news was written
    ("SUKOHARJO - Dinas Pengendalian Penduduk dan KB mengikuti Rapat Koordinasi Kampung KB secara "
     "daring, Senin (3/6/2024).\n"),
    # a visit is held where it went
    ("SUKOHARJO - Komisi IV DPRD melakukan kunjungan kerja ke Dinas Kesehatan, Senin (3/6/2024).\n"),
    # no day: maybe not held yet, or long ago
    ("SUKOHARJO - Dinas Pengendalian Penduduk dan KB menggelar Rapat Koordinasi Kampung KB bersama "
     "para camat.\n"),
])
def test_the_dateline_town_is_no_place_of_a_meeting_held_elsewhere_or_undated(body):
    assert all("location" not in m for m in meetings(body).values())


@pytest.mark.parametrize(("body", "label", "as_written"), [
    ("Wakil Bupati Budi Santoso mencanangkan Desa Sumber Rejo Kecamatan Kalisat sebagai Kampung "
     "Keluarga Berencana (KB), Senin (3/6/2024).\n",
     "pencanangan Kampung KB Desa Sumber Rejo", "pencanangan Desa Sumber Rejo"),
    # "Kec." does not end the sentence; "jadi" as "menjadi"
    ("Gubernur Jawa Timur Budi Santoso, Senin (3/6/2024), resmikan Desa Sumber Rejo Kec. Kalisat "
     "Jember jadi Kampung KB.\n",
     "peresmian Kampung KB Desa Sumber Rejo", "peresmian Desa Sumber Rejo"),
])
def test_a_place_launched_as_a_kampung_kb_names_the_launch(body, label, as_written):
    (got,) = gold(body)["meetings"]
    assert (got["label"], got["location"]) == (label, "Desa Sumber Rejo")
    assert as_written in got["aliases"]


def test_a_bare_launch_verb_then_a_meeting_with_serta_are_two_events_held_together():
    got = meetings("Bupati Sukoharjo Budi Santoso kukuhkan Tim Percepatan Penurunan Stunting Kabupaten "
                   "Sukoharjo serta Rapat Koordinasi Kampung KB bersama mitra kerja, Kamis (17/11/2022).\n\n"
                   "Kegiatan yang diselenggarakan di Aula Kantor Bappeda Sukoharjo itu dihadiri para camat.\n")
    assert set(got) == {"pengukuhan Tim Percepatan Penurunan Stunting Kabupaten Sukoharjo",
                        "Rapat Koordinasi Kampung KB"}
    launch = got["pengukuhan Tim Percepatan Penurunan Stunting Kabupaten Sukoharjo"]
    assert (launch["opened_by"], launch["start"]) == ("Budi Santoso", "2022-11-17")



def test_a_sentence_opening_with_its_attendance_counts_the_meeting_before():
    got = meetings("Perwakilan BKKBN Provinsi Jambi menggelar Rapat Koordinasi Kampung KB di Hotel Mawar "
                   "Indah, Rabu (5/6/2024). Dan diikuti oleh 143 peserta dari seluruh kabupaten.\n")
    assert got["Rapat Koordinasi Kampung KB"]["participants"] == 143


def test_a_meeting_said_to_be_held_on_line_stays_out_of_the_dateline_town():
    got = meetings("SUKOHARJO - Dinas Pengendalian Penduduk dan KB menggelar Sarasehan Kampung KB. "
                   "Kegiatan itu diselenggarakan secara daring, Senin (3/6/2024).\n")
    assert "location" not in got["Sarasehan Kampung KB"]


def test_a_meeting_named_again_another_way_with_ini_is_the_same_meeting():
    got = meetings("Pemerintah Kabupaten Sukoharjo menggelar temu kader Kampung KB di Balai Desa Sumber "
                   "Rejo, Selasa (4/12/2018).\n\nSelain materi, kegiatan pertemuan kader se-Kecamatan "
                   "Kalisat ini juga diisi dengan tanya jawab.\n")
    assert list(got) == ["temu kader Kampung KB"]


@pytest.mark.parametrize(("body", "label", "start"), [
    ("Komitmen itu diwujudkan melalui rapat koordinasi penguatan Kampung KB di ruang rapat lantai 3 "
     "Setda, Rabu (5/6/2024) lalu.\n", "rapat koordinasi penguatan Kampung KB", "2024-06-05"),
    ("Penyerahan penghargaan dilakukan pada pertemuan khusus di Kantor Kejati Jambi, Senin (3/6/2024).\n",
     "pertemuan khusus", "2024-06-03"),
])
def test_a_lower_case_meeting_held_somewhere_on_a_day_is_a_meeting(body, label, start):
    assert meetings(body)[label]["start"] == start


def test_a_lower_case_kind_with_a_place_but_no_day_is_no_meeting():
    assert meetings("Menurut dia, pelatihan keterampilan di Kabupaten Sukoharjo sangat membantu warga.\n") == {}


def test_a_training_described_in_lower_case_then_named_is_one_training():
    got = meetings("Perwakilan BKKBN Provinsi Jambi menggelar pelatihan tatap muka bagi para penyuluh KB "
                   "se-Jambi.\n\n\"Ini pelatihan pertama sejak pandemi,\" kata Kepala Perwakilan BKKBN "
                   "Provinsi Jambi Budi Santoso saat membuka Pelatihan Teknis Pendataan Keluarga Tahun 2021 "
                   "di Kota Jambi, Senin (5/4/2021).\n")
    assert list(got) == ["Pelatihan Teknis Pendataan Keluarga Tahun 2021"]
    assert got["Pelatihan Teknis Pendataan Keluarga Tahun 2021"]["organizer"] == "Perwakilan BKKBN Provinsi Jambi"


def test_a_typo_of_menggelar_still_says_who_held_it():
    got = meetings("Perwakilan BKKBN Provinsi Jambi mengelar Rapat Koordinasi Kampung KB di Kota Jambi, "
                   "Rabu (5/6/2024).\n")
    assert got["Rapat Koordinasi Kampung KB"]["organizer"] == "Perwakilan BKKBN Provinsi Jambi"


def test_opening_a_launch_named_in_lower_case_opens_it_and_its_place_follows():
    got = meetings("Plt Sekretaris Daerah Sukoharjo, Budi Santoso membuka pencanangan 12 desa menjadi Kampung "
                   "Keluarga Berencana (KB).\n\nKegiatan itu berlangsung di Desa Sumber Rejo, Kecamatan Kalisat, "
                   "Kamis (7/6/2018).\n")
    (got,) = got.values()
    assert (got["opened_by"], got["location"], got["start"]) == ("Budi Santoso", "Desa Sumber Rejo", "2018-06-07")


def test_a_museum_is_a_venue():
    got = meetings("Bupati Sukoharjo Budi Santoso membuka Rapat Koordinasi Kampung KB di Museum Batik Nusantara, "
                   "Kabupaten Sukoharjo, Sabtu (27/8/2016).\n")
    assert got["Rapat Koordinasi Kampung KB"]["location"] == "Museum Batik Nusantara"


def test_an_ordinal_written_apart_stays_in_the_meeting_name():
    got = meetings("Kepala Perwakilan BKKBN Provinsi Jambi Budi Santoso berbicara pada Rapat Pleno ke II "
                   "Hari Keluarga Nasional ke 24 tahun 2017 di Aula Kantor Gubernur Jambi, Selasa (13/6/2017).\n")
    assert list(got) == ["Rapat Pleno ke II Hari Keluarga Nasional ke 24 tahun 2017"]


def test_the_series_of_days_kept_is_no_meeting_and_takes_nobody_from_a_launch_in_it():
    got = meetings("Pada rangkaian peringatan Hari Keluarga Nasional (Harganas) ke XXIV di Provinsi Jambi, "
                   "Kepala BKKBN Budi Santoso mencanangkan Kampung KB Sejahtera di Desa Sumber Rejo, "
                   "Kamis (13/7/2017).\n")
    (label,) = got
    assert label.startswith("pencanangan") and got[label]["opened_by"] == "Budi Santoso"


def test_an_enumeration_of_named_activities_gives_events_but_no_meeting():
    body = ("Perwakilan BKKBN Provinsi Jambi menggelar Peringatan Hari Keluarga Nasional ke-31 di Lapangan "
            "Merdeka, Sabtu (29/6/2024). Kegiatan itu diramaikan serangkaian acara, diantaranya Jalan Sehat "
            "Keluarga, Launching Logo Kader Hebat, Lomba Senam Kreasi untuk umum.\n")
    assert list(meetings(body)) == ["Peringatan Hari Keluarga Nasional ke-31"]
    assert {"Launching Logo Kader Hebat", "Lomba Senam Kreasi"} <= set(events(body))


def test_one_listed_item_is_no_event_of_its_own():
    body = ("Agenda Rapat Koordinasi Kampung KB meliputi paparan program dan Pelantikan Forum Kader "
            "Provinsi Jambi, Rabu (5/6/2024).\n")
    assert "Pelantikan Forum Kader Provinsi Jambi" not in events(body)


def test_a_theme_after_a_named_meeting_is_that_meeting():
    got = meetings("Perwakilan BKKBN Provinsi Jambi menggelar Temu Kerja Kader Kampung KB di Hotel Mawar Indah, "
                   "Kamis (27/6/2024).\n\nKegiatan dengan tema “Bersama Cegah Stunting dari Keluarga” dibuka oleh "
                   "Kepala BKKBN Budi Santoso.\n")
    assert list(got) == ["Temu Kerja Kader Kampung KB"]
    assert got["Temu Kerja Kader Kampung KB"]["opened_by"] == "Budi Santoso"


def test_how_a_day_was_kept_names_no_lower_case_meeting():
    assert meetings("Harganas diperingati di Kabupaten Sukoharjo dan dilanjutkan dengan peringatan secara "
                    "Nasional di Kota Jambi, Sabtu (15/7/2017).\n") == {}


def test_ready_to_host_is_a_plan_not_a_meeting():
    assert meetings("Saya menilai Provinsi Jambi sudah siap menyelenggarakan puncak peringatan Harganas ke XXVI "
                    "dengan baik, kata Budi Santoso, Rabu (6/2/2019).\n") == {}
