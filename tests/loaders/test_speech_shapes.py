"""Statements: shapes of reported speech seen on unseen real news (s13_statements.py), each
on sentences written for the test, read by the whole extractor."""

from __future__ import annotations

from kbgraph.loaders.extract import extract
from kbgraph.loaders.model import Article, CleanText


#: A paragraph that names the speaker the sentences after it point back at.
LEAD = "Kepala Dinas Kesehatan Kota Palu, Budi Santoso, membuka rapat di aula dinas.\n\n"


def said(text: str) -> list[tuple[str, str]]:
    """(speaker label, the first five words said) of every statement of ``text``."""
    x = extract(Article(id="s", text=text, source="s.txt"),
                CleanText(text=text, offsets=tuple(range(len(text) + 1))))
    return [(x.entities[s.speaker].label, " ".join(s.text.split()[:5])) for s in x.statements]


def test_an_attribution_inserted_after_a_long_lead_starts_the_words_said_after_it():
    assert said(LEAD + "Sebanyak 30 posyandu yang dibina di kecamatan itu, kata Budi, sudah "
                       "menerima alat ukur baru dari dinas.") == [
        ("Budi Santoso", "sudah menerima alat ukur baru")]
    assert said(LEAD + "Selanjutnya, pembinaan posyandu tersebut, imbuhnya, sejalan dengan "
                       "rencana kerja dinas tahun ini.") == [
        ("Budi Santoso", "sejalan dengan rencana kerja dinas")]
    assert said(LEAD + "Program posyandu, katanya lagi, sudah berjalan sejak lama di kota "
                       "ini.") == [("Budi Santoso", "sudah berjalan sejak lama di")]


def test_an_inserted_attribution_with_no_comma_after_the_name():
    assert said(LEAD + "Pada rapat ini, kata Budi Santoso merupakan awal dari kerja bersama "
                       "semua kader.") == [("Budi Santoso", "merupakan awal dari kerja bersama")]
    assert said(LEAD + "Lanjut Budi Santoso posyandu harus buka setiap bulan di semua "
                       "desa.") == [("Budi Santoso", "posyandu harus buka setiap bulan")]
    # "kata Budi di sela-sela …": where it was said, not what
    got = said(LEAD + "Program ini, kata Budi Santoso di sela-sela rapat kader, sudah berjalan.")
    assert all(not words.startswith("di sela-sela") for _, words in got)


def test_after_an_inserted_attribution_an_occasion_or_a_post_is_not_what_was_said():
    # the words said come before ", kata X, usai …"
    assert said(LEAD + "Dari 40 desa di kota ini masih ada 12 desa tanpa posyandu, kata Budi, "
                       "usai rapat di Palu.") == [
        ("Budi Santoso", "Dari 40 desa di kota")]
    # "kata Budi Santoso, Kepala Dinas …": his post, not his words
    got = said(LEAD + "Semua kader sudah dilatih, kata Budi Santoso, Kepala Dinas Kesehatan "
                      "Kota Palu.")
    assert all(not words.startswith("Kepala Dinas") for _, words in got)


def test_passive_verbs_of_saying_with_a_pronoun_a_lead_or_bahwa_after_the_agent():
    assert said(LEAD + "Dijelaskan dia, bantuan akan dibagikan ke semua desa.") == [
        ("Budi Santoso", "bantuan akan dibagikan ke semua")]
    assert said(LEAD + "Lebih lanjut dijelaskan, tujuan rapat adalah menyamakan data.") == [
        ("Budi Santoso", "tujuan rapat adalah menyamakan data.")]
    assert said(LEAD + "Dalam arahannya ketika menutup rapat ini dikatakan, kader harus aktif "
                       "setiap bulan.") == [("Budi Santoso", "kader harus aktif setiap bulan.")]
    assert said(LEAD + "Dikatakan Budi bahwa posyandu harus buka setiap bulan.") == [
        ("Budi Santoso", "posyandu harus buka setiap bulan.")]
    # "yang dijelaskan,": a relative clause, no one goes on speaking
    assert said(LEAD + "Materi yang dijelaskan, antara lain gizi dan sanitasi.") == []


def test_a_passive_verb_of_saying_before_a_post_in_lower_case_and_its_holder():
    text = ("Rapat dibuka di aula kantor gubernur.\n\nDijelaskan kepala dinas kesehatan Kota "
            "Palu dr. Budi Santoso, M.Kes, bahwa angka stunting turun tahun ini.")
    assert said(text) == [("Budi Santoso", "angka stunting turun tahun ini.")]


def test_closing_quote_marks_written_apart_doubled_or_turned_and_more_closing_verbs():
    assert said(LEAD + "\" Semua kader sudah kami latih bulan lalu, \" Papar Kepala Dinas "
                       "Kesehatan Kota Palu Budi Santoso.") == [
        ("Budi Santoso", "Semua kader sudah kami latih")]
    assert said(LEAD + "\"Posyandu buka setiap bulan di semua desa,’’ ucapnya.") == [
        ("Budi Santoso", "Posyandu buka setiap bulan di")]
    assert said(LEAD + "\"Kami ingin semua desa punya posyandu aktif “ Ungkapnya.") == [
        ("Budi Santoso", "Kami ingin semua desa punya")]
    assert said(LEAD + "\"Mari kita jaga gizi anak-anak kita bersama,\" ajak Budi.") == [
        ("Budi Santoso", "Mari kita jaga gizi anak-anak")]
    assert said(LEAD + "\"Data yang baik adalah dasar semua program,\" kunci Budi.") == [
        ("Budi Santoso", "Data yang baik adalah dasar")]
    # "Kuncinya, …" opening a sentence is "the key is", no verb of saying
    assert said(LEAD + "Kuncinya, semua kader harus hadir setiap bulan.") == []


def test_a_speaker_named_as_someones_kin_is_the_one_pointed_back_at():
    text = ("Ketua TP PKK Kota Palu, Ani Lestari, membuka rapat kader.\n\n\"Kita harus bergerak "
            "bersama,\" ujar Ani Lestari.\n\n\"Karena itu, kita harus tetap bersemangat,\" ajak "
            "istri Wali Kota Palu Budi Santoso itu.")
    assert said(text) == [("Ani Lestari", "Kita harus bergerak bersama"),
                          ("Ani Lestari", "Karena itu, kita harus tetap")]


def test_a_verb_of_saying_without_its_prefix_right_after_its_subject():
    assert said(LEAD + "Dia jelaskan bahwa kader posyandu harus hadir setiap bulan.") == [
        ("Budi Santoso", "kader posyandu harus hadir setiap")]
    assert said(LEAD + "Kepala Dinas Kesehatan Kota Palu Budi Santoso minta kepada camat agar "
                       "membina satu desa.") == [("Budi Santoso", "kepada camat agar membina satu")]
    # no third person reports here: a relative clause, the first person, an apology
    assert said(LEAD + "Materi yang dia sampaikan cukup panjang dan jelas.") == []
    assert said(LEAD + "Perlu juga kami sampaikan jadwal posyandu bulan depan.") == []
    assert said(LEAD + "Budi Santoso minta maaf kepada warga atas keterlambatan itu.") == []


def test_a_post_after_the_last_comma_before_the_verb_names_the_speaker():
    text = ("Kepala Kantor Wilayah Kementerian Agama Provinsi Aceh, Drs. Ahmad Fauzi, M.Si, "
            "hadir.\n\nDalam rapat dengan Badan Pemeriksa Keuangan di Kantor Gubernur Aceh, "
            "Kepala Kantor mengungkapkan sejumlah kegiatan penyuluh agama tahun ini.")
    assert said(text) == [("Ahmad Fauzi", "sejumlah kegiatan penyuluh agama tahun")]


def test_menurut_with_no_comma_before_the_words_said():
    assert said(LEAD + "Menurut dia pendataan ini adalah modal menyusun program, dan data itu "
                       "milik bersama.") == [("Budi Santoso", "pendataan ini adalah modal menyusun")]
    assert said(LEAD + "Menurutnya di desa binaan kualitas hidup warga bisa dilihat.") == [
        ("Budi Santoso", "di desa binaan kualitas hidup")]
    # a passive verb with -nya and no comma tells when it was said, not what
    got = said(LEAD + "Ia mengatakan kader harus hadir setiap bulan. Hal itu dikatakannya saat "
                      "rapat di Palu.")
    assert got and all(not words.startswith("saat") for _, words in got)


def test_a_later_verb_that_names_the_speaker_wins_over_an_earlier_one_that_names_no_one():
    text = ("Rapat kerja dibuka di Palu.\n\nSaat menyampaikan laporan panitia, Kepala Dinas "
            "Kesehatan Kota Palu, Budi Santoso mengatakan, tujuan rapat adalah menyamakan data.\n\n"
            "Menurut salah seorang narasumber dari Dinas Kesehatan Kota Palu, dr. Ani Lestari, "
            "menjelaskan bahwa posyandu harus buka setiap bulan.")
    assert said(text) == [("Budi Santoso", "tujuan rapat adalah menyamakan data."),
                          ("Ani Lestari", "posyandu harus buka setiap bulan.")]


def test_a_verb_of_saying_after_guna_says_nothing():
    text = ("Atas petunjuk Presiden Joko Widodo, posyandu menjadi strategi daerah guna "
            "memastikan target gizi tercapai.")
    assert said(text) == []


def test_the_reader_of_a_written_speech_is_not_the_one_katanya_points_back_at():
    text = ("Gubernur Sulawesi Tengah Budi Santoso lewat sambutan tertulisnya, yang dibacakan Asisten "
            "Pemerintahan Sekda Sulteng Ani Lestari menyampaikan bahwa keluarga adalah "
            "wahana utama pembangunan. \"Keluarga perlu didukung semua pihak,\" katanya.")
    assert said(text) == [("Budi Santoso", "keluarga adalah wahana utama pembangunan."),
                          ("Budi Santoso", "Keluarga perlu didukung semua pihak")]


def test_beliau_after_a_speaker_named_only_by_a_post_is_no_one_named_before():
    text = ("Bupati Sigi Budi Santoso hadir di acara itu.\n\nKepala Perwakilan BKKBN Provinsi "
            "Sulteng pada kesempatan itu menyampaikan bahwa desa ini sudah menjadi Kampung KB. "
            "Lebih lanjut beliau menyampaikan bahwa jalan desa sedang diperbaiki. \"Sarana desa "
            "juga dibangun,\" ujar beliau.")
    assert said(text) == []


def test_a_post_holder_named_in_another_case_and_the_addressee_before_bahwa():
    text = ("Kepala Bappeda Kota Palu, Ani Lestari mengatakan, tim sudah dibentuk.\n\n"
            "Tidak hanya itu, Kepala BAPPEDA Kota Palu berharap, semua kabupaten membuat "
            "rencana aksi.\n\nIa juga menyampaikan kepada jajaran Bupati dan Wali Kota dan OPD KB "
            "bahwa data keluarga harus diperbarui.")
    assert said(text) == [("Ani Lestari", "tim sudah dibentuk."),
                          ("Ani Lestari", "semua kabupaten membuat rencana aksi."),
                          ("Ani Lestari", "data keluarga harus diperbarui.")]


def test_two_spaces_after_a_comma_after_a_degree_do_not_end_the_sentence():
    text = ("Kepala Bidang Advokasi Perwakilan BKKBN Provinsi Papua, Ani Lestari, S.Sos, M.Si.,  "
            "menyampaikan bahwa kader harus aktif setiap bulan.")
    assert said(text) == [("Ani Lestari", "kader harus aktif setiap bulan.")]


def test_a_courtesy_noun_after_a_comma_opens_words_said():
    assert said("Kepala Dinas Kesehatan Kota Palu, Budi Santoso mengatakan, penghargaan kepada "
                "desa terpilih diberikan karena inovasinya.") == [
        ("Budi Santoso", "penghargaan kepada desa terpilih diberikan")]
    assert said("Kepala Dinas Kesehatan Kota Palu, Budi Santoso menyampaikan penghargaan kepada "
                "desa terpilih.") == []


def test_a_quote_whose_opening_mark_the_page_lost():
    assert said(LEAD + "Posyandu tidak hanya soal gizi, tapi juga soal air bersih dan sanitasi "
                       "desa,” ungkapnya.") == [("Budi Santoso", "Posyandu tidak hanya soal gizi,")]


def test_menurut_dia_with_no_comma_in_the_sentence():
    assert said(LEAD + "Menurut dia optimalisasi posyandu merupakan langkah yang tepat.") == [
        ("Budi Santoso", "optimalisasi posyandu merupakan langkah yang")]



def test_menurutnya_in_a_relative_clause_opens_nothing():
    assert said(LEAD + "Desa itu dipilih oleh kementerian yang menurutnya masuk dalam indikator "
                       "pembangunan desa.") == []


def test_dikatakannya_lagi_and_berkata():
    assert said(LEAD + "Dikatakannya lagi, rapat ini menyegarkan komitmen semua mitra.") == [
        ("Budi Santoso", "rapat ini menyegarkan komitmen semua")]
    assert said(LEAD + "Beliau juga berkata tahun depan posyandu akan ditambah.") == [
        ("Budi Santoso", "tahun depan posyandu akan ditambah.")]
    assert said(LEAD + "Menurutnya lagi, kader harus hadir setiap bulan.") == [
        ("Budi Santoso", "kader harus hadir setiap bulan.")]


def test_a_verb_inside_what_an_organization_says_does_not_make_a_person_speak():
    text = ("BKKBN menyampaikan bahwa program yang dicanangkan Bupati Sigi Budi Santoso tahun "
            "lalu meminta warga aktif di posyandu.")
    assert said(text) == []
