"""Places read no further than a careful reader would (sentences written for these tests).

A venue's name ends where its address begins (a street, a district, a city written with
its head); venue words alone name no venue; a village or district named like a regency
is that village or district; a provincial name spelled "Sumatra" is the province.
"""

from __future__ import annotations

from test_places_programs import _cleaned, _inside, labels, read


def test_a_venue_name_ends_before_a_street_or_a_region_written_with_its_head():
    x = read("Rapat kerja digelar di Grand Ballroom Hotel Melati Inn Jl. Sudirman No. 5 Kota "
             "Kendari, Senin (3/6). Webinar lain bertempat di Hotel Santosa Kota Medan Sumatra "
             "Utara.")
    places = labels(x, "place")
    assert {"Grand Ballroom Hotel Melati Inn", "Jl. Sudirman", "Hotel Santosa"} <= set(places)
    assert not [p for p in places if p.startswith(("Grand Ballroom Hotel Melati Inn ",
                                                   "Hotel Santosa "))]
    assert _inside(x, "Grand Ballroom Hotel Melati Inn") == {"Jl. Sudirman"}
    assert _inside(x, "Hotel Santosa") == {"Kota Medan"}
    assert _inside(x, "Kota Medan") == {"Provinsi Sumatera Utara"}
    meeting = next(e for k, e in x.entities.items() if k.startswith("event/")
                   and e.label.startswith("Rapat kerja"))
    assert {x.entities[f.obj.key].label for f in x.facts if f.subject == meeting.key
            and f.predicate.endswith("location")} == {"Grand Ballroom Hotel Melati Inn"}


def test_a_village_hall_ends_before_the_district_after_it():
    x = read("Orientasi kader digelar di Balai Desa Sukamaju Kecamatan Cibeber, diikuti 40 "
             "peserta. Forum lain dilaksanakan di Kantor Desa Mekar Kecamatan Cibeber.")
    places = labels(x, "place")
    assert {"Balai Desa Sukamaju", "Kantor Desa Mekar", "Desa Sukamaju", "Desa Mekar",
            "Kecamatan Cibeber"} <= set(places)
    assert "Balai Desa Sukamaju Kecamatan Cibeber" not in places
    assert _inside(x, "Balai Desa Sukamaju") == {"Desa Sukamaju"}
    assert _inside(x, "Desa Sukamaju") == {"Kecamatan Cibeber"}
    # a region head right after a venue word is the building's own name
    after_venue_word = labels(read("Rapat digelar di Balai Kota Padang, Senin. Sosialisasi di "
                                   "Aula Kantor Kelurahan Sukamaju, Selasa."), "place")
    assert {"Balai Kota Padang", "Aula Kantor Kelurahan Sukamaju"} <= set(after_venue_word)


def test_venue_words_alone_name_no_venue():
    x = read("Ia berbicara usai rapat persiapan di aula Balai pelatihan dan pengembangan, "
             "pekan lalu.")
    assert "Aula Balai" not in labels(x, "place")


def test_a_village_named_like_a_regency_is_the_village():
    x = read("Acara digelar di Dusun Krajan, Desa Karanganyar, Kecamatan Borobudur, Selasa "
             "(12/9). Dinas Kesehatan Kabupaten Magelang hadir.")
    places = labels(x, "place")
    assert {"Desa Karanganyar", "Kecamatan Borobudur"} <= set(places)
    assert "Kabupaten Karanganyar" not in places
    assert _inside(x, "Desa Karanganyar") == {"Kecamatan Borobudur"}
    assert _inside(x, "Kecamatan Borobudur") == {"Kabupaten Magelang"}
    # the regency itself, named with its head, is still the regency
    assert "Kabupaten Karanganyar" in labels(read("Bupati hadir di Kabupaten Karanganyar."),
                                             "place")


def test_a_dateline_naming_a_site_written_with_a_hyphen_is_the_outlet():
    x = _cleaned("KABAR SOLOK – Kepala dinas meninjau Kabupaten Solok.\n",
                 url="https://www.kabar-solok.com/berita/1")
    assert set(labels(x, "place")) == {"Kabupaten Solok"}
    assert "KABAR SOLOK" in labels(x, "org")


def test_a_region_misspelt_by_one_letter_is_the_lexicons():
    x = read("Festival digelar di Gedung Sate, Soreang, Kabupaten Bandun, Kamis (11/5). Rapat "
             "lain di Kecamatan Biluhu, Kabupaten Gorontalo, Provinsi Gorontaloo, Senin.")
    places = labels(x, "place")
    assert places["Kabupaten Bandung"] == {"Kabupaten Bandun"}
    assert places["Provinsi Gorontalo"] == {"Provinsi Gorontaloo"}
    assert "Kabupaten Bandun" not in places and "Provinsi Gorontaloo" not in places
    assert _inside(x, "Soreang") == {"Kabupaten Bandung"}
    assert _inside(x, "Kabupaten Gorontalo") == {"Provinsi Gorontalo"}
    # a short name one letter changed is as often another name: no guess
    assert "Kabupaten Batang" not in labels(read("Warga Kabupaten Bateng hadir."), "place")
    assert "Kabupaten Bandung" not in labels(read("Warga Kabupaten Bandang hadir."), "place")


def test_a_village_whose_name_begins_with_a_region_head():
    x = read("Wali Kota meresmikan Kampung KB di Kelurahan Kota Bumi dan Gerem, Senin.")
    assert {"Kelurahan Kota Bumi", "Kelurahan Gerem"} <= set(labels(x, "place"))
    heads = labels(read("Rapat bagi Kepala Desa Kabupaten/Kota se-Jawa Barat dan para Kepala "
                        "Desa Kabupaten Garut."), "place")
    assert not [p for p in heads if p.startswith("Desa")]
    assert "Kabupaten Garut" in heads


def test_what_follows_a_program_head_but_names_no_program():
    x = read("Dinas menggelar Sosialisasi Program Pembangunan Keluarga Bersama Mitra Kerja di "
             "Kabupaten Maros. Tugas dinas bukan hanya program KB (Keluarga Berencana). Kampung "
             "ini merupakan program Presiden RI dan program Pemkab Garut. Warga mendukung Gerakan "
             "Bersama Cegah Stunting. Warga ikut sosialisasi program Keluarga Berencana ( KB ).")
    programs = labels(x, "program")
    assert "Program Pembangunan Keluarga" in programs
    assert not [p for p in programs if "Mitra" in p
                or p in ("KB", "Keluarga Berencana", "Presiden RI", "Pemkab Garut")]
    assert "Gerakan Bersama Cegah Stunting" in programs  # its first word is its own
    named = labels(read("Ia menjelaskan program PKH (Program Keluarga Harapan) di desa, dalam "
                        "program TMMD (Tentara Manunggal Membangun Desa)."), "program")
    assert "Program Keluarga Harapan" in named
    assert [p for p in named if "Manunggal" in p]  # three words or more spell out a name


def test_a_date_in_brackets_after_the_dateline_is_no_agency():
    x = _cleaned("Padang, Kamis (04/10). Pemerintah Kota Padang mencanangkan Kampung KB.\n")
    assert not [k for k, e in x.entities.items() if k.startswith("org/") and "04" in e.label]
    assert "Kota Padang" in labels(x, "place")


def test_a_program_that_heads_an_enumeration_is_no_village():
    x = read("Pemkab meluncurkan Kampung Keluarga Berkualitas (KB) di Desa Sukamaju. Kampung KB, "
             "Rumah Data Kependudukan dan Dashat ini merupakan program daerah.")
    assert not [p for p in labels(x, "place") if p.startswith("Kampung")]
    assert "Desa Sukamaju" in labels(x, "place")


def test_a_dateline_town_the_body_names_as_a_village_with_a_lower_case_head():
    x = _cleaned("Sukamaju, Kabar Desa - Sosialisasi digelar Rabu (14/10) di desa Sukamaju, "
                 "Kabupaten Garut.\n")
    places = labels(x, "place")
    assert places["Desa Sukamaju"] == {"Sukamaju", "desa Sukamaju"}
    assert "Sukamaju" not in places
    assert _inside(x, "Desa Sukamaju") == {"Kabupaten Garut"}


def test_the_numbers_of_an_address_do_not_break_a_place_chain():
    x = read("Bupati hadir di Jalan Melati RT 2 Desa Sukamaju Kecamatan Cibeber, Sabtu (12/5).")
    assert _inside(x, "Jalan Melati") == {"Desa Sukamaju"}
    assert _inside(x, "Desa Sukamaju") == {"Kecamatan Cibeber"}


def test_a_dateline_shared_by_a_city_and_a_regency_is_the_one_the_body_names():
    regency = _cleaned("BANDUNG – Sosialisasi digelar di Kecamatan Ciparay, Kabupaten Bandung.\n")
    assert labels(regency, "place")["Kabupaten Bandung"] == {"BANDUNG", "Kabupaten Bandung"}
    assert "Kota Bandung" not in labels(regency, "place")
    both = _cleaned("BANDUNG – Rapat dihadiri Kabupaten Bandung dan Kota Bandung.\n")
    assert "BANDUNG" in labels(both, "place")["Kota Bandung"]  # the provincial capital


def test_a_dateline_naming_a_regency_read_only_with_its_head_in_a_province_the_body_names():
    x = _cleaned("Ende, NTT (ANTARA) - Kampung KB dicanangkan di Kelurahan Onekore, Kecamatan "
                 "Ende Tengah, Nusa Tenggara Timur.\n")
    places = labels(x, "place")
    assert places["Kabupaten Ende"] == {"Ende"}
    assert "Ende" not in places
    elsewhere = labels(_cleaned("Ende, Kabar - Warga Kota Padang hadir.\n"), "place")
    assert "Kabupaten Ende" not in elsewhere  # no province of Ende named: not a guess


def test_a_district_named_like_a_city_in_a_chain_is_one_district():
    x = read("Kampung KB dicanangkan di Gampong Lampoh, Kecamatan Kota Sigli, Kabupaten Pidie.")
    places = labels(x, "place")
    assert places["Kecamatan Kota Sigli"] == {"Kecamatan Kota Sigli"}
    assert not [p for p in places if p.startswith("Kecamatan Kecamatan")]
    assert _inside(x, "Gampong Lampoh") == {"Kecamatan Kota Sigli"}
    assert _inside(x, "Kecamatan Kota Sigli") == {"Kabupaten Pidie"}


def test_an_unknown_word_before_a_known_place_in_the_dateline_is_the_outlet():
    x = _cleaned("KABARWARTA, BLITAR – Dinas melakukan sosialisasi Kampung KB di Kabupaten "
                 "Blitar.\n", url="https://www.wartakabar.com/read/1")
    assert set(labels(x, "place")) == {"Kabupaten Blitar"}
    assert labels(x, "place")["Kabupaten Blitar"] == {"BLITAR", "Kabupaten Blitar"}
    assert "KABARWARTA" in labels(x, "org")


def test_a_venue_name_ends_before_its_address_numbers_floor_or_area():
    x = read("Acara diadakan di Lapangan Komplek Melati RW 07/RT 01, Desa Sukamaju, Kecamatan "
             "Cibeber. Audiensi bertempat di Ruang Tamu Kakanwil Lt.3 pada hari Rabu. "
             "Pembekalan digelar di Gedung H.A. Salim Convention Center Kawasan Pondok "
             "Pesantren Modern, Senin.")
    places = labels(x, "place")
    assert {"Lapangan Komplek Melati", "Ruang Tamu Kakanwil",
            "Gedung H.A. Salim Convention Center"} <= set(places)
    assert not [p for p in places if p.endswith(("RT 01", " Lt", "Modern"))]
    assert _inside(x, "Lapangan Komplek Melati") == {"Desa Sukamaju"}


def test_a_venue_named_after_a_regency_the_article_names_lies_in_it():
    x = read("Wakil Bupati Belu hadir. Ia berbicara dalam pertemuan di Lantai 1 Kantor Bupati "
             "Belu, Senin. Kunjungan kerja di Kabupaten Belu berjalan baik.")
    assert _inside(x, "Kantor Bupati Belu") == {"Kabupaten Belu"}


def test_a_town_named_with_another_citys_name_is_not_put_in_a_third_region():
    x = read("Rapat di Kabupaten Bandung Barat digelar. Kepala BKKBN hadir di Hotel Aston, "
             "Pasteur Bandung, Senin (27/12).")
    assert "Pasteur Bandung" in labels(x, "place")
    assert _inside(x, "Pasteur Bandung") == set()  # not Kabupaten Bandung Barat
    y = read("Rapat di Kabupaten Garut digelar. Kepala BKKBN hadir di Hotel Melati, Cibodas, "
             "Senin (27/12).")
    assert _inside(y, "Cibodas") == {"Kabupaten Garut"}


def test_regulations_in_sentence_case_and_a_title_that_stops_at_the_next_regulation():
    x = read("Tim dibentuk dengan surat keputusan Bupati nomor 441 tahun 2021 tentang pembentukan "
             "tim serta peraturan Bupati Garut nomor 171 tahun 2022. Rapat mengacu pada "
             "Peraturan Kepala BKKBN Nomor 4 Tahun 2024 tentang Petunjuk Teknis dan Instruksi "
             "Presiden Nomor 8 Tahun 2020 tentang Optimalisasi Program Perlindungan Sosial.")
    frames = labels(x, "framework")
    assert {"Keputusan Bupati Nomor 441 Tahun 2021",
            "Peraturan Bupati Garut Nomor 171 Tahun 2022",
            "Peraturan Kepala BKKBN Nomor 4 Tahun 2024 tentang Petunjuk Teknis",
            ("Instruksi Presiden Nomor 8 Tahun 2020 tentang Optimalisasi Program Perlindungan "
             "Sosial")} <= set(frames)
    program = next(k for k, e in x.entities.items() if e.label == "Program Perlindungan Sosial")
    assert {x.entities[f.obj.key].label for f in x.facts if f.subject == program
            and f.predicate.endswith("alignsWith")} == {
        "Instruksi Presiden Nomor 8 Tahun 2020 tentang Optimalisasi Program Perlindungan Sosial"}


def test_named_initiatives_listed_after_a_count_and_coined_single_word_programs():
    x = read("Ada 3 inovasi yang diluncurkan hari ini yaitu Sigap Gizi (Siaga Gizi Keluarga "
             "Produktif), Satya Bunda dan Aplikasi Cemara. Kader juga menyukseskan program "
             "SiCantik di desa. Program SiCantik dipaparkan Bupati. Program KB berjalan.")
    programs = labels(x, "program")
    assert programs["Sigap Gizi"] == {"Sigap Gizi (Siaga Gizi Keluarga Produktif)"}
    assert {"Satya Bunda", "Aplikasi Cemara"} <= set(programs)
    assert programs["SiCantik"] == {"SiCantik", "Program SiCantik"}
    assert "KB" not in programs and "Program KB" not in programs
    # no count, no list: a sentence that only speaks of innovations names none
    assert labels(read("Inovasi yaitu Desa Sehat harus terus dikembangkan."), "program") == {}


def test_a_meeting_held_in_a_room_written_in_lower_case_is_held_in_that_room():
    x = read("Kepala Dinas berbicara usai rapat koordinasi TPPS yang digelar di ruang Melati "
             "Balai Kota Padang Senin (27/10/2025).")
    places = labels(x, "place")
    assert "ruang Melati Balai Kota Padang" in places
    assert not [p for p in places if p in ("Ruang Melati", "Melati Balai Kota Padang")]
    meeting = next(k for k in x.entities if k.startswith("event/"))
    assert {x.entities[f.obj.key].label for f in x.facts if f.subject == meeting
            and f.predicate.endswith("location")} == {"ruang Melati Balai Kota Padang"}


def test_hamlets_of_yogyakarta_and_west_sumatra():
    x = read("Kampung KB dicanangkan di Padukuhan Ngasem, Kalurahan Bunder, Gunungkidul. Lalu "
             "di Jorong Koto Tuo, Nagari Sinuruik.")
    places = labels(x, "place")
    assert {"Padukuhan Ngasem", "Kalurahan Bunder", "Jorong Koto Tuo", "Nagari Sinuruik"} <= set(places)
    assert _inside(x, "Padukuhan Ngasem") == {"Kalurahan Bunder"}
    assert _inside(x, "Jorong Koto Tuo") == {"Nagari Sinuruik"}


def test_a_plan_owned_by_a_body_no_stage_reads_and_perwal():
    x = read("Target itu masuk Renstra Dinas Kesehatan 2021-2026 dan Renstra BKKBN 2020-2024. "
             "Acuannya Perwal Nomor 5 Tahun 2021.")
    frames = labels(x, "framework")
    assert frames["Rencana Strategis Dinas Kesehatan 2021-2026"] == {
        "Renstra Dinas Kesehatan 2021-2026"}
    assert "Rencana Strategis" not in frames
    assert "Peraturan Wali Kota Nomor 5 Tahun 2021" in frames


def test_a_region_head_is_part_of_the_name_of_a_venue_not_named_after_a_place():
    x = read("Pembinaan digelar di Balai Penyuluh KB Kecamatan Cibeber, Senin. Upacara di "
             "Lapangan Korpri Kantor Gubernur Provinsi Lampung, Selasa.")
    places = labels(x, "place")
    assert {"Balai Penyuluh KB Kecamatan Cibeber",
            "Lapangan Korpri Kantor Gubernur Provinsi Lampung"} <= set(places)
    assert "Balai Penyuluh KB" not in places
    assert "Puskesmas Sukamaju" in labels(read("Sosialisasi di Puskesmas Sukamaju Desa "
                                               "Sukamaju, Senin."), "place")


def test_a_village_written_again_with_its_city_after_it():
    x = read("Kampung KB ada di Kelurahan Sukamaju Kota Padang. Usai pelatihan peserta meninjau "
             "Kampung KB di Kelurahan Sukamaju Padang.")
    places = labels(x, "place")
    assert "Kelurahan Sukamaju Padang" not in places
    assert places["Kelurahan Sukamaju"] == {"Kelurahan Sukamaju"}
    assert places["Kota Padang"] == {"Kota Padang", "Padang"}
    # a village whose own name holds a city's, never written without it, keeps it
    assert "Desa Tabat Padang" in labels(read("Kampung KB di Desa Tabat Padang dicanangkan."),
                                         "place")


def test_a_program_head_a_few_words_before_a_village_head_names_a_program():
    x = read("Provinsi mendukung Gerakan Membangun Desa Saburai di Kota Bandar Lampung. Warga "
             "Desa Sukamaju ikut gerakan bersih Desa Mekar. Rapat membahas Audit Kasus Stunting "
             "(AKS) dan Posyandu. Sosialisasi di Balaidesa Jatimulyo, lalu di Posyandu Melati.")
    places = labels(x, "place")
    assert "Desa Saburai" not in places
    assert {"Desa Sukamaju", "Desa Mekar", "Balaidesa Jatimulyo", "Posyandu Melati"} <= set(places)
    programs = labels(x, "program")
    assert {"Gerakan Membangun Desa Saburai", "Audit Kasus Stunting"} <= set(programs)


def test_a_regency_last_in_a_village_name_in_the_province_the_article_names_ends_it():
    x = read("Kampung KB ada di Kelurahan Jalanjang Bulukumba, Desa Balassuka Kec. Tombolo Pao "
             "dan Kec.Bontomarannu Gowa, dan Kelurahan Pannampu Kota Makassar.")
    places = labels(x, "place")
    assert {"Kelurahan Jalanjang", "Kecamatan Bontomarannu", "Kabupaten Gowa",
            "Kabupaten Bulukumba"} <= set(places)
    assert _inside(x, "Kecamatan Bontomarannu") == {"Kabupaten Gowa"}
    assert _inside(x, "Kelurahan Jalanjang") == {"Kabupaten Bulukumba"}
    # a city of another province inside a village's name stays in it
    y = read("Kampung KB dicanangkan di Desa Tabat Padang, Kabupaten Hulu Sungai Tengah.")
    assert "Desa Tabat Padang" in labels(y, "place")
    assert "Kota Padang" not in labels(y, "place")
    assert labels(read("Warga ikut Program Keluarga Berencana di desa."), "program")


def test_no_program_out_of_a_known_framework_spelled_out_and_no_district_out_of_a_body():
    x = read("Program KKBPK masuk RPJMN (Rencana Pembangunan Jangka Menengah Nasional). Hadir "
             "Koordinator Kecamatan Dewan Pengurus Cabang Ikatan Penyuluh KB se-Kalbar.")
    assert "Rencana Pembangunan Jangka Menengah Nasional" not in labels(x, "program")
    assert "Rencana Pembangunan Jangka Menengah Nasional" in labels(x, "framework")
    assert not [p for p in labels(x, "place") if "Dewan" in p]


def test_rooms_in_a_building_and_offices_written_in_lower_case_with_their_region():
    x = read("Rapat digelar di Aula Lantai II Kantor Bupati Garut, Tarogong, Senin.")
    places = labels(x, "place")
    assert {"Aula Lantai II Kantor Bupati Garut", "Kantor Bupati Garut"} <= set(places)
    assert _inside(x, "Aula Lantai II Kantor Bupati Garut") == {"Kantor Bupati Garut"}
    assert _inside(x, "Kantor Bupati Garut") == {"Tarogong"}
    office = labels(read("Tim menggelar rapat koordinasi di kantor DPRD Kota Madiun."), "place")
    assert [p for p in office if p.casefold() == "kantor dprd kota madiun"]  # no "." after it
    # the hall of a building named right after its head is one venue
    assert "Kantor Kelurahan Sukamaju" not in labels(read(
        "Sosialisasi di Aula Kantor Kelurahan Sukamaju, Selasa."), "place")


def test_districts_listed_with_their_villages_before_one_regency_and_syllable_short_forms():
    x = read("Kegiatan digelar di Desa Pongpongan Kecamatan Merakurak dan Desa Hargoretno "
             "Kecamatan Kerek Kabupaten Tuban. Rapat di Kabupaten Tanah Bumbu (Tanbu) digelar di "
             "Kantor Bupati Tanbu. Warga Tanbu senang.")
    assert _inside(x, "Kecamatan Merakurak") == {"Kabupaten Tuban"}
    assert _inside(x, "Kecamatan Kerek") == {"Kabupaten Tuban"}
    places = labels(x, "place")
    assert places["Kabupaten Tanah Bumbu"] == {"Kabupaten Tanah Bumbu (Tanbu)", "Tanbu"}
    assert _inside(x, "Kantor Bupati Tanbu") == {"Kabupaten Tanah Bumbu"}
    bangga = read("Sosialisasi Program Pembangunan Keluarga, Kependudukan, Keluarga Berencana "
                  "(Bangga Kencana) digelar di desa.")
    assert set(labels(bangga, "program")) == {
        "Program Pembangunan Keluarga, Kependudukan dan Keluarga Berencana"}


def test_a_regional_plan_named_without_its_owner_is_the_one_regions_plan():
    one = read("Target program tertuang dalam RPJMD. Dinas di Kabupaten Garut bekerja keras.")
    assert set(labels(one, "framework")) == {
        "Rencana Pembangunan Jangka Menengah Daerah Kabupaten Garut"}
    two = read("Target tertuang dalam RPJMD. Dinas di Kabupaten Garut dan Kota Bandung bekerja.")
    assert set(labels(two, "framework")) == {"Rencana Pembangunan Jangka Menengah Daerah"}


def test_an_agenda_priority_named_by_its_description_or_after_the_agenda_in_lower_case():
    x = read("Program KKBPK menindaklanjuti salah satu Nawacita Presiden yakni membangun "
             "Indonesia dari pinggiran. Kampung KB merupakan implementasi dari program nawacita "
             "kelima yakni meningkatkan kualitas hidup masyarakat Indonesia.")
    frames = labels(x, "framework")
    assert "Nawacita prioritas 3: membangun Indonesia dari pinggiran" in frames
    assert "nawacita" in frames["Nawacita"]
    assert [f for f in frames if f.startswith("Nawacita prioritas 5")]


def test_a_town_before_the_day_in_the_one_regency_of_dateline_and_body():
    x = _cleaned("GARUT, kabarwarta.com - Pemerintah Kabupaten Garut menggelar rapat di Tarogong, "
                 "Selasa (11/4/2023).\n")
    assert _inside(x, "Tarogong") == {"Kabupaten Garut"}
    y = _cleaned("BANDA ACEH (ANTARA) - Kepala BKKBN berbicara di Takengon, Selasa.\n")
    assert _inside(y, "Takengon") == set()


def test_a_dateline_naming_a_government_office_is_its_outlet_with_the_region_in_it():
    x = _cleaned("DINAS KOMINFO KAB. BELU – Rabu (20/03), Badan Koordinasi menggelar rapat di "
                 "Atambua.\n")
    places = labels(x, "place")
    assert not [p for p in places if "Dinas" in p or "DINAS" in p]
    assert places.get("Kabupaten Belu") == {"KAB. BELU"}
    assert "DINAS KOMINFO KAB. BELU" in labels(x, "org")


def test_a_village_read_only_inside_a_programs_name_is_no_place():
    x = read("Melalui Program Unggulan Gubernur Lampung ”Gerakan Membangun Desa Saburai (Gerbang "
             "Desa Saburai)” dengan Program lain, Desa Sukamaju maju.")
    assert "Desa Saburai" not in labels(x, "place")
    assert "Desa Sukamaju" in labels(x, "place")
    x = read("Pendataan Keluarga Tahun 2021 (PK21) dimulai. PK21 berjalan.")
    dated = next(e for k, e in x.entities.items() if k.startswith("program/"))
    assert dated.label == "Pendataan Keluarga 2021"
    assert "Pendataan Keluarga Tahun 2021" in dated.aliases  # as news and annotators write it


def test_an_office_named_as_a_party_is_no_venue():
    x = read("Hadir pejabat dinas, lalu ada dari unsur Kantor Urusan Agama (KUA) kecamatan. "
             "Rapat digelar di Kantor Camat Cibeber, Senin.")
    places = labels(x, "place")
    assert "Kantor Urusan Agama" not in places
    assert "Kantor Camat Cibeber" in places


def test_a_degree_written_with_a_blank_is_no_person():
    x = read("Ketua Pengurus Wilayah Muslimat Riau, Hj. Dinawati, S. Ag, MM didampingi Erni Waty, "
             "SE, mengatakan program itu penting.")
    people = {e.label for k, e in x.entities.items() if k.startswith("person/")}
    assert people == {"Dinawati", "Erni Waty"}


def test_a_hospital_is_a_venue():
    x = read("Bakti sosial digelar di Rumah Sakit Bhayangkara Padang, Kamis (26/7).")
    assert _inside(x, "Rumah Sakit Bhayangkara Padang") == {"Kota Padang"}
