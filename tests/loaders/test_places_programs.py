"""Places and programs as real news writes them (sentences written for these tests).

Villages whose names hold a city's name, kecamatan abbreviations and spelling variants,
a region's abbreviation in brackets, programs and regulations the lexicon does not know.
"""

from __future__ import annotations

from kbgraph.loaders.extract import extract
from kbgraph.loaders.model import Article, CleanText, Extraction
from kbgraph.ontology.namespaces import SCHEMA


def read(text: str) -> Extraction:
    """Extract from a body used as is (identity offsets, no cleaning)."""
    article = Article(id="snippet", text=text, source="snippet.txt")
    return extract(article, CleanText(text=text, offsets=tuple(range(len(text) + 1))))


def labels(x: Extraction, kind: str) -> dict[str, set[str]]:
    """label → its mentions, for the entities of one kind."""
    return {e.label: {m.text for m in e.mentions} for k, e in x.entities.items()
            if k.startswith(kind + "/")}


def test_a_village_named_after_a_city_is_not_in_that_city():
    x = read("Kampung KB dicanangkan di Desa Tabat Padang Kecamatan Haruyan dan "
             "Desa Tabat Kecamatan Limpasu, Kabupaten Hulu Sungai Tengah.")
    places = labels(x, "place")
    assert {"Desa Tabat Padang", "Desa Tabat", "Kecamatan Haruyan", "Kecamatan Limpasu",
            "Kabupaten Hulu Sungai Tengah"} <= set(places)
    assert "Kota Padang" not in places
    assert places["Desa Tabat Padang"] == {"Desa Tabat Padang"}


def test_a_city_after_a_village_named_elsewhere_ends_the_village_name():
    x = read("Pak Budi datang ke Kelurahan Sungai Andai Banjarmasin, Senin. "
             "Kota Banjarmasin punya 20 Kampung KB.")
    places = labels(x, "place")
    assert "Kelurahan Sungai Andai" in places
    assert places["Kota Banjarmasin"] == {"Banjarmasin", "Kota Banjarmasin"}
    village = next(e for e in x.entities.values() if e.label == "Kelurahan Sungai Andai")
    city = next(k for k, e in x.entities.items() if e.label == "Kota Banjarmasin")
    assert [f.obj.key for f in x.facts if f.subject == village.key
            and f.predicate == SCHEMA.containedInPlace] == [city]


def test_kecamatan_abbreviations_short_heads_and_spelling_variants():
    x = read("Pencanangan dipusatkan di Desa Panggang Marak, Kecamatan Labuan Amas Selatan (LAS). "
             "Desa lain ada di Kecamatan LAS dan Kec Bantarsari. Kampung KB di Kecamatan Bebesan "
             "diresmikan; Kecamatan Bebesen kini punya tiga.")
    places = labels(x, "place")
    assert places["Kecamatan Labuan Amas Selatan"] == {
        "Kecamatan Labuan Amas Selatan (LAS)", "Kecamatan LAS"}
    assert places["Kecamatan Bantarsari"] == {"Kec Bantarsari"}
    assert places["Kecamatan Bebesan"] == {"Kecamatan Bebesan", "Kecamatan Bebesen"}
    assert "Kecamatan LAS" not in places and "Kecamatan Bebesen" not in places


def test_a_regency_abbreviated_in_brackets_is_named_so_later():
    x = read("Delapan desa di Kabupaten Hulu Sungai Tengah (HST) dicanangkan. "
             "Pemkab mendukung Kampung KB di Kabupaten HST. Warga HST menyambutnya di Propinsi Kalsel.")
    places = labels(x, "place")
    assert places["Kabupaten Hulu Sungai Tengah"] == {
        "Kabupaten Hulu Sungai Tengah (HST)", "Kabupaten HST", "HST"}
    assert places["Provinsi Kalimantan Selatan"] == {"Propinsi Kalsel"}


def test_no_place_out_of_a_misspelled_program():
    x = read("Sosialisasi Program Bangka Kencana digelar di Kota Pangkalpinang.")
    assert "Kabupaten Bangka" not in labels(x, "place")
    programs = labels(x, "program")
    assert programs == {"Program Pembangunan Keluarga, Kependudukan dan Keluarga Berencana":
                        {"Program Bangka Kencana"}}


def test_a_program_the_lexicon_does_not_know_its_short_forms_and_its_regulation():
    x = read("Rapat membahas Program Sarapan Bergizi Sekolah (SBS) di Kabupaten Maros. "
             "Menurut Perpres 99 Tahun 2025 tentang Tata Kelola Program SBS, distribusi SBS "
             "melibatkan kader. Program SBS juga mendukung program Penguatan Gizi Keluarga.")
    programs = labels(x, "program")
    assert programs["Program Sarapan Bergizi Sekolah"] == {
        "Program Sarapan Bergizi Sekolah (SBS)", "SBS", "Program SBS"}
    assert programs["Penguatan Gizi Keluarga"] == {"Penguatan Gizi Keluarga"}
    frameworks = labels(x, "framework")
    assert frameworks == {"Peraturan Presiden Nomor 99 Tahun 2025 tentang Tata Kelola Program "
                          "Sarapan Bergizi Sekolah":
                          {"Perpres 99 Tahun 2025 tentang Tata Kelola Program SBS"}}


def test_words_after_program_that_name_no_program():
    x = read("Mahasiswa Program Studi Kebidanan dan Program Kerja Tahunan ikut rapat.")
    assert labels(x, "program") == {}


def test_regulations_real_news_writes():
    x = read("Urusan itu wajib sesuai amanat PP No 38 tahun 2007 tentang Pembagian Urusan "
             "Pemerintahan. Tim dibentuk dengan SK Gubernur Nomor 12 Tahun 2023.")
    assert set(labels(x, "framework")) == {
        "Peraturan Pemerintah Nomor 38 Tahun 2007 tentang Pembagian Urusan Pemerintahan",
        "Keputusan Gubernur Nomor 12 Tahun 2023"}


def _inside(x: Extraction, label: str) -> set[str]:
    """The labels of the places the place ``label`` lies in."""
    key = next(k for k, e in x.entities.items() if e.label == label)
    return {x.entities[f.obj.key].label for f in x.facts
            if f.subject == key and f.predicate == SCHEMA.containedInPlace}


def test_a_brand_before_hotel_and_the_town_after_it_make_one_venue():
    x = read("Forum itu berlangsung di Melati Hotel Pontianak, Kamis (4/7).")
    places = labels(x, "place")
    assert "Melati Hotel Pontianak" in places
    assert "Melati Hotel" not in places and "Hotel Pontianak" not in places
    assert _inside(x, "Melati Hotel Pontianak") == {"Kota Pontianak"}


def test_a_street_after_a_venue_is_a_place_the_venue_lies_in():
    x = read("Rapat kerja dibuka Rabu (5/6) di Grand Mercure Hotel Padang Jalan Sudirman Raya. "
             "Pertemuan lain digelar di Aula Kantor Camat, Jl. Ahmad Yani, Padang, Jumat.")
    places = labels(x, "place")
    assert {"Grand Mercure Hotel Padang", "Jalan Sudirman Raya", "Jl. Ahmad Yani"} <= set(places)
    assert _inside(x, "Grand Mercure Hotel Padang") == {"Jalan Sudirman Raya"}
    assert _inside(x, "Jalan Sudirman Raya") == {"Kota Padang"}
    assert _inside(x, "Aula Kantor Camat") == {"Jl. Ahmad Yani"}
    assert _inside(x, "Jl. Ahmad Yani") == {"Kota Padang"}


def test_a_street_is_read_only_after_a_venue_or_a_locative():
    x = read("Warga Jalan Kenanga ikut senam pagi di Jalan Melur Dua, Minggu.")
    places = labels(x, "place")
    assert "Jalan Melur Dua" in places and "Jalan Kenanga" not in places


def test_venues_after_a_floor_and_eating_places():
    x = read("Tamu diterima di Lantai 3 Kantor Wali Kota Padang, lalu makan siang di "
             "Rumah Makan Sederhana Baru.")
    places = labels(x, "place")
    assert {"Kantor Wali Kota Padang", "Rumah Makan Sederhana Baru"} <= set(places)


def test_the_city_named_in_a_mayors_title_is_the_bare_name():
    x = read("Wali Kota Padang Budi Santoso membuka acara di Kota Padang.")
    assert labels(x, "place")["Kota Padang"] == {"Padang", "Kota Padang"}


def test_a_province_with_its_short_form_in_brackets_is_one_mention():
    x = read("Ada 300 kampung KB di Sumatera Barat (Sumbar). Sumbar terus menambah jumlahnya.")
    assert labels(x, "place")["Provinsi Sumatera Barat"] == {"Sumatera Barat (Sumbar)", "Sumbar"}


def test_regional_short_forms_of_the_lexicon():
    x = read("Kepala Perwakilan BKKBN Provsu hadir bersama Bupati PALI.")
    places = labels(x, "place")
    assert "Provinsi Sumatera Utara" in places
    assert places["Kabupaten Penukal Abab Lematang Ilir"] == {"PALI"}


def test_villages_listed_before_a_regency_lie_in_it():
    x = read("Peserta datang dari Desa Sukamaju dan Bojong Kulon Kabupaten Garut.")
    places = labels(x, "place")
    assert {"Desa Sukamaju", "Desa Bojong Kulon"} <= set(places)
    assert _inside(x, "Desa Sukamaju") == _inside(x, "Desa Bojong Kulon") == {"Kabupaten Garut"}


def test_an_unknown_name_between_a_village_and_a_regency_is_the_district():
    x = read("Acara digelar di Desa Sukamaju, Cikelet, Garut, Minggu. Warga Cikelet hadir.")
    places = labels(x, "place")
    assert places["Kecamatan Cikelet"] == {"Cikelet"}
    assert _inside(x, "Desa Sukamaju") == {"Kecamatan Cikelet"}
    assert _inside(x, "Kecamatan Cikelet") == {"Kabupaten Garut"}


def test_a_lexicon_program_written_in_another_case_or_without_commas():
    x = read("Rapat Penelaahan Program Kependudukan, Keluarga berencana dan pembangunan keluarga "
             "(KKBPK) dibuka. Lalu advokasi program pembangunan keluarga kependudukan dan keluarga "
             "berencana bersama mitra, dan kader tim pendamping keluarga hadir.")
    progs = labels(x, "program")
    bangga = "Program Pembangunan Keluarga, Kependudukan dan Keluarga Berencana"
    assert bangga in progs and "Tim Pendamping Keluarga" in progs
    assert {"Program Kependudukan, Keluarga berencana dan pembangunan keluarga (KKBPK)",
            "program pembangunan keluarga kependudukan dan keluarga berencana"} <= progs[bangga]


def test_two_word_short_forms_in_another_case_and_written_as_one_word():
    x = read("Rakorda Program Banggakencana digelar agar program Bangga kencana berjalan.")
    progs = labels(x, "program")
    bangga = "Program Pembangunan Keluarga, Kependudukan dan Keluarga Berencana"
    assert {"Program Banggakencana", "program Bangga kencana"} <= progs[bangga]


def test_a_regulation_cited_in_lower_case():
    x = read("Ia mengingatkan perpres nomor 72 tahun 2021 tentang percepatan penurunan stunting.")
    frames = labels(x, "framework")
    assert "Peraturan Presiden Nomor 72 Tahun 2021 tentang Percepatan Penurunan Stunting" in frames
    assert not labels(read("Menurut pp 5 tahun lalu ia sudah datang."), "framework")


def test_a_street_name_holds_a_region_word_but_ends_before_a_city():
    x = read("Posko dibuka di Jalan Balai Kota Selatan, Kota Palu. Rapat di Hotel Nusa Jalan "
             "Merpati Kota Palu, Senin. Warga Kecamatan Ciawi, Sukaresmi dan Kecamatan Cisarua hadir.")
    places = labels(x, "place")
    assert {"Jalan Balai Kota Selatan", "Jalan Merpati", "Kecamatan Sukaresmi"} <= set(places)
    assert _inside(x, "Jalan Merpati") == {"Kota Palu"}


def _cleaned(text: str, url: str | None = None) -> Extraction:
    """Extract from an article cleaned the way production cleans it."""
    from kbgraph.loaders.clean import clean
    article = Article(id="snippet", text=text, source="snippet.txt", url=url)
    return extract(article, clean(article))


def test_dateline_shapes_of_local_outlets():
    shapes = {
        "SOLOK, KABARSOLOK.com-Kepala dinas meninjau Kabupaten Solok.\n": ("Kabupaten Solok", "SOLOK"),
        "SOLOK | Kepala dinas meninjau Kabupaten Solok.\n": ("Kabupaten Solok", "SOLOK"),
        "SOLOK, (KABAR SOLOK). Kepala dinas meninjau Kabupaten Solok.\n": ("Kabupaten Solok", "SOLOK"),
    }
    for text, (label, written) in shapes.items():
        assert written in labels(_cleaned(text), "place")[label], text
    x = _cleaned("KABAR SOLOK— Kepala dinas meninjau Kabupaten Solok.\n",
                 url="https://kabar.co.id/berita/1")
    assert labels(x, "place")["Kabupaten Solok"] == {"SOLOK", "Kabupaten Solok"}
    assert labels(x, "org")["KABAR"] == {"KABAR"}
    assert not _cleaned("Jakarta-Bandung ditempuh dua jam saja.\n").entities.get("place/jakarta")


def test_an_outlet_after_the_dateline_place():
    x = _cleaned("PADANG KBR | Kepala dinas meninjau Kota Padang.\n", url="https://kbrnews.id/a/1")
    assert labels(x, "place")["Kota Padang"] == {"PADANG", "Kota Padang"}
    assert labels(x, "org")["KBR"] == {"KBR"}


def test_a_room_named_before_its_building_lies_in_it():
    x = read("Rapat digelar di Ruang Melati (Lantai Dua) Nusa Hotel Padang, Kamis. Rapat kedua di "
             "ruang Cendana Balai Kota Padang, Jumat.")
    places = labels(x, "place")
    assert {"Ruang Melati (Lantai Dua) Nusa Hotel Padang", "Nusa Hotel Padang",
            "ruang Cendana Balai Kota Padang", "Balai Kota Padang"} <= set(places)
    assert "Ruang Melati" not in places
    assert _inside(x, "Ruang Melati (Lantai Dua) Nusa Hotel Padang") == {"Nusa Hotel Padang"}
    assert _inside(x, "ruang Cendana Balai Kota Padang") == {"Balai Kota Padang"}


def test_a_venue_named_after_a_body_runs_to_the_bodys_end():
    x = read("Rapat digelar di Aula Kantor Dinas Pengendalian Penduduk dan Keluarga Berencana "
             "Kota Padang, Senin. Forum lain di Grand Melati Resort And Convention Padang, Selasa.")
    places = labels(x, "place")
    assert {"Aula Kantor Dinas Pengendalian Penduduk dan Keluarga Berencana Kota Padang",
            "Grand Melati Resort And Convention Padang"} <= set(places)
    assert "Aula Kantor Dinas Pengendalian Penduduk" not in places


def test_national_surveys_with_their_year_and_their_bare_short_form():
    x = read("Data Survei Status Gizi Indonesia (SSGI) 2024 menunjukkan penurunan. Menurut SSGI, "
             "angka itu membaik. Hasil SDKI 2017 juga dibahas.")
    progs = labels(x, "program")
    assert progs["Survei Status Gizi Indonesia 2024"] >= {"SSGI"}
    assert "Survei Status Gizi Indonesia" not in progs
    assert "Survei Demografi dan Kesehatan Indonesia 2017" in progs


def test_a_lower_case_head_before_a_district_named_in_full_is_in_its_mention():
    x = read("Kelurahan Sukamaju Kecamatan Cibeber punya Kampung KB. Di kecamatan Cibeber ada lima.")
    assert labels(x, "place")["Kecamatan Cibeber"] == {"Kecamatan Cibeber", "kecamatan Cibeber"}


def test_a_dateline_town_lies_in_the_one_regency_the_article_names():
    x = _cleaned("SUKAMULYA (ANTARA) - Bupati meresmikan Kampung KB di Kabupaten Garut.\n")
    assert labels(x, "place")["Sukamulya"] == {"SUKAMULYA"}
    assert _inside(x, "Sukamulya") == {"Kabupaten Garut"}
    x = _cleaned("SUKAMULYA (ANTARA) - Bupati Garut dan Bupati Ciamis hadir di Kabupaten Garut "
                 "dan Kabupaten Ciamis.\n")
    assert _inside(x, "Sukamulya") == set()


def test_a_lower_case_program_name_of_three_words_is_the_activity_unless_a_name_word_heads_it():
    """"mengampanyekan pendewasaan usia perkawinan" speaks of the activity (the dev gold has
    no program there); "kader tim pendamping keluarga" names the team."""
    activity = read("Remaja itu akan mengampanyekan pendewasaan usia perkawinan di desanya.")
    assert "Pendewasaan Usia Perkawinan" not in labels(activity, "program")
    named = read("Kader program pendewasaan usia perkawinan hadir di desa itu.")
    assert "Pendewasaan Usia Perkawinan" in labels(named, "program")
    team = read("Sebanyak 40 kader tim pendamping keluarga hadir di desa itu.")
    assert "Tim Pendamping Keluarga" in labels(team, "program")
