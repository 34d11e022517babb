"""Regulations cited with a slip of the pen, and places inside places (sentences written
for these tests)."""

from __future__ import annotations

from test_places_programs import _cleaned, _inside, labels, read


def test_a_mistyped_year_of_a_regulation_the_lexicon_knows_by_its_title():
    x = read("Kegiatan ini menindaklanjuti Peraturan Presiden Nomor 72 Tahun 2012 tentang "
             "Percepatan Penurunan Angka Stunting di daerah.")
    assert set(labels(x, "framework")) == {
        "Peraturan Presiden Nomor 72 Tahun 2021 tentang Percepatan Penurunan Stunting"}
    # another title keeps the year as cited: no guess
    other = read("Tim mengacu Peraturan Presiden Nomor 72 Tahun 2012 tentang Tata Ruang Kota.")
    assert set(labels(other, "framework")) == {
        "Peraturan Presiden Nomor 72 Tahun 2012 tentang Tata Ruang Kota"}


def test_a_regulation_with_a_mangled_year_or_a_capitalised_title_word():
    x = read("Program itu menjadi prioritas sesuai Instruksi Presiden Nomor 3 Tahun 20223. "
             "Desa juga diperkuat oleh Inpres Nomor 3 Tahun 2022 Tentang Optimalisasi "
             "Penyelenggaraan kampung KB.")
    frames = labels(x, "framework")
    label = ("Instruksi Presiden Nomor 3 Tahun 2022 tentang Optimalisasi Penyelenggaraan "
             "Kampung Keluarga Berkualitas")
    assert set(frames) == {label}
    assert len(frames[label]) == 2


def test_a_lower_case_district_head_in_a_list_of_headed_places():
    x = read("Kampung KB sudah ada di Dusun Mawar Desa Hila kecamatan Leihitu, Desa Laha "
             "kecamatan Baguala dan Desa Rumah Tiga, Kota Ambon.")
    places = labels(x, "place")
    assert {"Kecamatan Leihitu", "Kecamatan Baguala", "Desa Laha", "Desa Hila"} <= set(places)
    assert places["Kecamatan Baguala"] == {"kecamatan Baguala"}  # the head is in the mention
    # a lower-case head with no head after it names no place
    assert not labels(read("Warga desa Sukamaju, yang hadir, senang."), "place")


def test_national_marriage_and_health_programs_of_the_lexicon():
    x = read("Calon pengantin wajib mengisi Elsimil dan mengikuti Bimbingan Perkawinan (Bimwin). "
             "Data nikah dicatat di Simkah, sejalan dengan gerakan masyarakat sehat (germas).")
    assert {"Elektronik Siap Nikah dan Siap Hamil", "Bimbingan Perkawinan",
            "Sistem Informasi Manajemen Nikah", "Gerakan Masyarakat Hidup Sehat"} <= set(
        labels(x, "program"))


def test_a_dateline_word_the_sites_name_begins_with_is_the_outlet():
    text = "WARTA – Pemerintah Kabupaten Lahat menggelar apel gabungan, Rabu (17/7).\n"
    x = _cleaned(text, url="https://wartasumsel.com/2019/07/17/apel/")
    assert "Warta" not in labels(x, "place") and labels(x, "org")["WARTA"] == {"WARTA"}
    # on another site the same word is a place as written
    assert "Warta" in labels(_cleaned(text, url="https://kabarlahat.com/a/1"), "place")


def test_a_district_then_a_comma_heads_a_list_of_two_villages_or_more():
    x = read("Kampung KB ada di Kabupaten Sarolangun. Kecamatan Limun, Desa Mersip, Desa Temenggung. "
             "Lalu di Kecamatan Pauh, Desa Semaran Kecamatan Mandiangin dan Desa Lidung.")
    assert _inside(x, "Desa Mersip") == _inside(x, "Desa Temenggung") == {"Kecamatan Limun"}
    # a village followed by a district of its own is not in the district before the comma
    assert _inside(x, "Desa Semaran") == {"Kecamatan Mandiangin"}


def _aligned(x) -> set[tuple[str, str]]:
    return {(x.entities[f.subject].label, x.entities[f.obj.key].label) for f in x.facts
            if f.predicate.endswith("alignsWith")}


def test_what_a_program_is_part_of_does_not_take_its_alignment():
    x = read("Kampung KB adalah bagian dari program Bangga Kencana yang menindaklanjuti "
             "Nawacita Presiden.")
    assert _aligned(x) == {("Kampung Keluarga Berencana", "Nawacita")}
    both = read("Kampung KB dan program Bangga Kencana menindaklanjuti Nawacita Presiden.")
    assert {p for p, _ in _aligned(both)} == {
        "Kampung Keluarga Berencana", "Program Pembangunan Keluarga, Kependudukan dan Keluarga Berencana"}


def test_a_village_lies_in_the_one_district_named_before_it_in_its_sentence():
    x = read("Rakor digelar di Kabupaten Sigi. Rakor itu berlangsung di Kecamatan Dolo, diawali "
             "kunjungan ke Posyandu Melati, Desa Kotarindau.")
    assert _inside(x, "Desa Kotarindau") == {"Kecamatan Dolo"}
    # a district that closes another village's name, or one written after the village in
    # a shape no stage reads, is not this village's
    y = read("Di Kabupaten Sigi, Desa Pesaku Kecamatan Dolo Barat menyusul Desa Bobo yang lebih dulu. "
             "Kampung KB ada di Kecamatan Dolo, Desa Kalukubula kecamatan Sigi Biromaru.")
    assert _inside(y, "Desa Bobo") == {"Kabupaten Sigi"}
    assert "Kecamatan Dolo" not in _inside(y, "Desa Kalukubula")


def test_a_misspelt_region_head_before_a_regency_is_in_its_mention():
    x = read("Kepala Dinas Pengendalian Penduduk dan Keluarga Berencana Kabupabaten Karanganyar, "
             "Ani Lestari, membuka rapat. Warga Kabupaten Karanganyar hadir.")
    assert "Kabupabaten Karanganyar" in labels(x, "place")["Kabupaten Karanganyar"]
    assert "Dinas Pengendalian Penduduk dan Keluarga Berencana Kabupaten Karanganyar" in labels(x, "org")
    # a word merely like a head is not one ("Kabinet" is no "Kabupaten")
    y = read("Menteri Kabinet Karanganyar tidak ada; Kabupaten Karanganyar ada.")
    assert "Kabinet Karanganyar" not in labels(y, "place")["Kabupaten Karanganyar"]


def test_a_lower_case_region_head_before_a_bare_name_is_in_the_mention():
    x = read("Rapat digelar di kota Kendari bersama tim provinsi Sulawesi Tenggara.")
    places = labels(x, "place")
    assert places["Kota Kendari"] == {"kota Kendari"}
    assert places["Provinsi Sulawesi Tenggara"] == {"provinsi Sulawesi Tenggara"}
    # the region word of a post title stays the post's
    assert labels(read("Wali kota Kendari hadir di sana."), "place")["Kota Kendari"] == {"Kendari"}
