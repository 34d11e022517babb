"""Shapes of real news prose the written corpus did not have (sentences written for these
tests; fictional people, real institutions and places)."""

from __future__ import annotations

from test_extract_entities import entities, people, read


def test_a_body_name_stops_at_its_short_form_and_at_a_comma_before_a_person():
    x = read("Pemerintah Kabupaten Garut menggelar rapat. Kepala Dinas Pengendalian Penduduk dan "
             "KB (DPPKB), Rina Marlina menyebutkan, kader bertambah. Sekretaris Dinas PPKB, Asep "
             "Hidayat mengatakan, data sudah lengkap.")
    orgs = {label for label, _ in entities(x, "org").values()}
    assert not any("Rina" in o or "Asep" in o for o in orgs)
    assert ("Rina Marlina", "Kepala Dinas Pengendalian Penduduk dan KB (DPPKB)",
            "Dinas Pengendalian Penduduk dan Keluarga Berencana Kabupaten Garut") in people(x)
    assert {p[0] for p in people(x)} >= {"Rina Marlina", "Asep Hidayat"}


def test_words_after_a_comma_stay_in_a_body_name_that_ends_at_its_place():
    x = read("Dinas Sosial Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan "
             "Perlindungan Anak Kabupaten Hulu Sungai Tengah membuka layanan baru.")
    assert ("Dinas Sosial Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan "
            "Perlindungan Anak Kabupaten Hulu Sungai Tengah", "RegionalAgency") in entities(
        x, "org").values()
