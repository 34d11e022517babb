"""Places, programs and frameworks in shapes the unseen real sets showed (sentences written
for these tests).

Regencies written with the short names the local news uses ("Sidrap", "Tanjab Barat").
"""

from __future__ import annotations

from test_places_programs import _cleaned, _inside, labels, read


def test_a_regency_written_with_its_usual_short_name_is_that_regency():
    x = read("Rapat evaluasi TPPS Sidrap digelar di Aula Dinas Kesehatan Kabupaten Sidrap, "
             "Senin. Bupati Tanjab Barat hadir bersama Wakil Bupati Matim.")
    places = labels(x, "place")
    assert {"Sidrap", "Kabupaten Sidrap"} <= places["Kabupaten Sidenreng Rappang"]
    assert "Tanjab Barat" in places["Kabupaten Tanjung Jabung Barat"]
    assert "Matim" in places["Kabupaten Manggarai Timur"]
    assert not {"Sidrap", "Tanjab Barat", "Matim"} & set(places)


def test_a_dateline_in_a_short_city_name_is_that_city():
    x = _cleaned("KABARKITA.COM, YOGYA - Pemerintah kota meluncurkan program baru di "
                 "Kota Yogyakarta.\n")
    places = labels(x, "place")
    assert "YOGYA" in places["Kota Yogyakarta"]
    assert "Yogya" not in places


def test_a_kampung_kb_with_a_name_of_its_own_is_a_place_in_its_village():
    x = read('Kepala BKKBN mencanangkan Kampung KB "Mawar" di Desa Sukamaju Kecamatan Cibeber, '
             "Kabupaten Garut. Pencanangan Kampung Cikadu sebagai Kampung KB Melati Jaya "
             "digelar Senin.")
    places = labels(x, "place")
    assert places["Kampung KB Mawar"] == {'Kampung KB "Mawar"'}
    assert _inside(x, "Kampung KB Mawar") == {"Desa Sukamaju"}
    assert _inside(x, "Kampung KB Melati Jaya") == {"Kampung Cikadu"}
    # a grade, a body or a name set off by nothing is no place of its own
    y = read("Pemerintah meluncurkan Kampung KB Mandiri di Desa Sukamaju. Kampung KB Perwakilan "
             "BKKBN Provinsi Aceh dibina. Kampung KB Sehat Sejahtera menjadi contoh.")
    assert not [p for p in labels(y, "place") if p.startswith("Kampung KB")]


def test_a_regional_plan_is_the_plan_of_the_government_acting_in_its_sentence():
    x = read("GARUT - Pemprov Jawa Barat menargetkan prevalensi stunting pada RPJMD turun "
             "menjadi 14 persen. Rapat digelar di Kabupaten Garut.")
    assert set(labels(x, "framework")) == {
        "Rencana Pembangunan Jangka Menengah Daerah Provinsi Jawa Barat"}
    y = read("Bupati Garut meminta target Program KKBPK masuk RPJMD. Rapat digelar di "
             "Kabupaten Garut.")
    assert set(labels(y, "framework")) == {
        "Rencana Pembangunan Jangka Menengah Daerah Kabupaten Garut"}


def test_the_constitution_and_the_golden_indonesia_vision_by_their_short_names():
    x = read("Program ini sejalan dengan amanah UUD pasal 28 dan menjadi langkah menuju "
             "Indonesia emas.")
    assert labels(x, "framework") == {
        "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945": {"UUD"},
        "Indonesia Emas 2045": {"Indonesia emas"}}


def test_programs_as_the_local_news_writes_them():
    x = read("Kader memberi penyuluhan Kelangsungan Hidup Ibu, Bayi dan Anak (KHIBA) serta "
             "Pusat Informasi dan Konseling (PIK) Remaja. Tim melakukan audit stunting di "
             "desa dan membina Sekolah Lanjut Usia (Lansia).")
    programs = labels(x, "program")
    assert programs["Kelangsungan Hidup Ibu, Bayi dan Anak"] == {
        "Kelangsungan Hidup Ibu, Bayi dan Anak (KHIBA)"}
    assert programs["Pusat Informasi dan Konseling Remaja"] == {
        "Pusat Informasi dan Konseling (PIK) Remaja"}
    assert programs["Audit Kasus Stunting"] == {"audit stunting"}
    assert "Sekolah Lanjut Usia" in programs


def test_a_dateline_named_like_a_district_of_the_body_is_the_town():
    x = _cleaned("Cibeber (ANTARA) - Bupati membuka pencanangan Kampung KB di Desa Mekar, "
                 "Kecamatan Cibeber, Kabupaten Garut.\n")
    places = labels(x, "place")
    assert places["Cibeber"] == {"Cibeber"}
    assert places["Kecamatan Cibeber"] == {"Kecamatan Cibeber"}
    assert _inside(x, "Cibeber") == {"Kabupaten Garut"}
    # a village of that name in the body is still the village
    y = _cleaned("Mekar (ANTARA) - Bupati membuka pencanangan Kampung KB di Desa Mekar, "
                 "Kecamatan Cibeber, Kabupaten Garut.\n")
    assert "Mekar" in labels(y, "place")["Desa Mekar"]


def test_unknown_names_after_di_and_before_a_region_are_places_inside_each_other():
    x = read("Rapat pembentukan pokja digelar di Sukaraja, Pulau Melati, Kabupaten Garut, "
             "Senin (28/10/2024).")
    places = labels(x, "place")
    assert {"Sukaraja", "Pulau Melati"} <= set(places)
    assert _inside(x, "Sukaraja") == {"Pulau Melati"}
    assert _inside(x, "Pulau Melati") == {"Kabupaten Garut"}
    # a post or a day before the region is no place
    y = read("Hadir di acara itu Sekda Garut, Bupati Garut, Kabupaten Garut, dan warga.")
    assert not {"Sekda Garut", "Bupati Garut"} & set(labels(y, "place"))


def test_villages_listed_after_a_sentence_about_their_district_lie_in_it():
    x = read("Kampung KB dicanangkan di 5 desa di Kabupaten Garut.\n\nKecamatan Cibeber ada "
             "tiga desa. Ketiganya yakni Desa Mekar, Sukaraja dan Cikadu.\n\nLalu Desa Waru "
             "juga dicanangkan.")
    assert _inside(x, "Desa Mekar") == _inside(x, "Desa Sukaraja") == {"Kecamatan Cibeber"}
    assert _inside(x, "Desa Waru") == {"Kabupaten Garut"}  # another paragraph


def test_regulations_cited_in_lower_case_by_a_circular_or_by_a_sibling_type():
    x = read("Pendataan berpedoman pada peraturan kepala Badan Kependudukan dan Keluarga "
             "Berencana Nasional Nomor 4 Tahun 2020 tentang Pendataan Keluarga dan Surat Edaran "
             "Kepala BKKBN Nomor 7 Tahun 2021 tentang Pelaksanaan Pendataan Keluarga. Rencana aksi "
             "disusun sesuai Peraturan Badan Kependudukan Dan Keluarga Berencana Nasional Nomor "
             "12 Tahun 2021.")
    frames = set(labels(x, "framework"))
    assert {"Peraturan Kepala BKKBN Nomor 4 Tahun 2020 tentang Pendataan Keluarga",
            "Surat Edaran Kepala BKKBN Nomor 7 Tahun 2021 tentang Pelaksanaan Pendataan Keluarga",
            # the lexicon knows 12/2021 as a Peraturan Kepala BKKBN: the same regulation
            "Peraturan Kepala BKKBN Nomor 12 Tahun 2021 tentang Rencana Aksi Nasional "
            "Percepatan Penurunan Angka Stunting Indonesia"} <= frames
    assert not [p for p in labels(x, "person") if "Edaran" in p]


def test_negeri_and_pekon_villages_but_not_state_bodies_named_negeri():
    x = read("Kampung KB dicanangkan di Negeri Hative Kecil, Kecamatan Sirimau, dan di Pekon "
             "Sukamaju, Kecamatan Gadingrejo. Rapat digelar di Kantor Negeri Hative Kecil.")
    places = labels(x, "place")
    assert {"Negeri Hative Kecil", "Pekon Sukamaju", "Kantor Negeri Hative Kecil"} <= set(places)
    assert _inside(x, "Negeri Hative Kecil") == {"Kecamatan Sirimau"}
    y = read("Kepala Kejaksaan Negeri Ambon hadir bersama Ketua Pengadilan Negeri Sorong, siswa "
             "SMA Negeri Jakarta dan mahasiswa Politeknik Negeri Kupang dan Aparatur Sipil Negara.")
    assert not [p for p in labels(y, "place") if p.startswith("Negeri")]


def test_a_year_named_only_in_a_regulation_title_is_not_the_programs_edition():
    x = read("Pendataan Keluarga Tahun 2021 dimulai bulan April. Pelaksanaannya diperpanjang "
             "sesuai Surat Edaran Kepala BKKBN Nomor 5 Tahun 2021 tentang Perpanjangan Pendataan "
             "Keluarga Tahun 2022. Kader menyebut Pendataan Keluarga berjalan baik.")
    programs = labels(x, "program")
    assert "Pendataan Keluarga" not in programs
    assert "Pendataan Keluarga" in programs["Pendataan Keluarga 2021"]


def test_a_venue_head_in_lower_case_after_di_before_a_name():
    x = read("Bantuan diserahkan kepada warga Desa Sukamaju yang berlangsung di kantor Desa "
             "Sukamaju, Senin. Pelatihan digelar di aula Dispermades Garut, Selasa. Kader "
             "berkumpul di balai Kampung KB setiap bulan.")
    places = labels(x, "place")
    assert places["Kantor Desa Sukamaju"] == {"kantor Desa Sukamaju"}
    assert _inside(x, "Kantor Desa Sukamaju") == {"Desa Sukamaju"}
    assert "Aula Dispermades Garut" in places
    assert not [p for p in places if "Kampung KB" in p]  # a program's hall: no named venue


def test_a_street_with_a_short_head_also_has_its_full_name():
    x = read("Pelatihan digelar di Hotel Melati, Jl Cendrawasih, Kota Makassar, Senin.")
    street = next(e for e in x.entities.values() if e.label == "Jl Cendrawasih")
    assert "Jalan Cendrawasih" in street.aliases


def test_a_bare_name_after_a_venue_and_a_comma_is_the_venues_town():
    x = read("Dinas menggelar rapat kerja daerah di Hotel Melati, Gorontalo. Hadir pula "
             "Perwakilan BKKBN Provinsi Gorontalo.")
    assert _inside(x, "Hotel Melati") == {"Kota Gorontalo"}
    assert "Gorontalo" in labels(x, "place")["Kota Gorontalo"]


def test_a_circular_numbered_without_a_year_by_the_governor_of_the_article():
    x = read("Gubernur NTB meraih penghargaan di Kota Tangerang Selatan, Banten. Langkah lain "
             "adalah menerbitkan surat edaran Gubernur Nomor 150/2211/KUM tentang Pendewasaan "
             "Usia Perkawinan (PUP).")
    assert "Surat Edaran Gubernur Nusa Tenggara Barat Nomor 150/2211/KUM tentang Pendewasaan " \
           "Usia Perkawinan" in labels(x, "framework")


def test_a_dateline_with_the_outlet_before_a_bar_and_the_town():
    x = _cleaned("KabarGayo.net|TAKENGON – Bupati Aceh Tengah meminta camat membina kampung KB.\n")
    places = labels(x, "place")
    assert places["Takengon"] == {"TAKENGON"}
    assert _inside(x, "Takengon") == {"Kabupaten Aceh Tengah"}
    assert "KabarGayo.net" in labels(x, "org")


def test_jakartas_administrative_cities_by_their_official_names():
    x = read("Rapat pleno digelar di Kota Administrasi Jakarta Timur. Peserta datang dari "
             "Jakarta Selatan.")
    places = labels(x, "place")
    assert "Kota Administrasi Jakarta Timur" in places["Kota Jakarta Timur"]
    jt = next(e for e in x.entities.values() if e.label == "Kota Jakarta Timur")
    assert "Kota Administrasi Jakarta Timur" in jt.aliases


def test_a_capitalised_demonstrative_ends_a_venue_name():
    x = read("Rapat pekan lalu di Aula Kantor Bapenda Ini turut dihadiri Sekda.")
    places = labels(x, "place")
    assert "Aula Kantor Bapenda" in places and "Aula Kantor Bapenda Ini" not in places
