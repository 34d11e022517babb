"""Persons and posts in the shapes real news takes (issue 15, item 3 "people").

Every sentence here is written for these tests (fictional people, real institutions).
"""

from __future__ import annotations

from kbgraph.loaders.extract import extract
from kbgraph.loaders.model import Article, CleanText, Extraction
from rdflib.namespace import ORG


def read(text: str) -> Extraction:
    article = Article(id="snippet", text=text, source="snippet.txt")
    return extract(article, CleanText(text=text, offsets=tuple(range(len(text) + 1))))


def persons(x: Extraction) -> dict[str, set[str]]:
    """label → mentions as written, for every person."""
    return {e.label: {m.text for m in e.mentions} for k, e in x.entities.items()
            if k.startswith("person/")}


def people(x: Extraction) -> set[tuple[str, str, str | None]]:
    """(name, post as written, organization label), as the gold lists people."""
    out = set()
    for f in x.facts:
        if f.predicate != ORG.holds:
            continue
        post = x.entities[f.obj.key]
        orgs = [g.obj.key for g in x.facts if g.subject == post.key and g.predicate == ORG.postIn]
        out.add((x.entities[f.subject].label, post.name_as_written,
                 x.entities[orgs[0]].label if orgs else None))
    return out


def test_honorifics_without_a_period_stay_out_of_the_name():
    x = read("Rapat dibuka Sekda Kabupaten Sambas H Ahmad Rizal. Hadir pula Hj Nurul Aini "
             "mengatakan program berjalan, dan Tgk Hasan menyampaikan doa.")
    assert persons(x) == {"Ahmad Rizal": {"H Ahmad Rizal"}, "Nurul Aini": {"Hj Nurul Aini"},
                          "Hasan": {"Tgk Hasan"}}
    assert people(x) == {("Ahmad Rizal", "Sekda Kabupaten Sambas", "Pemerintah Kabupaten Sambas")}


def test_a_regulation_a_number_or_a_military_unit_is_no_person():
    x = read("Hal itu diatur dalam Peraturan Bupati Sambas Nomor 12 Tahun 2020. Kegiatan juga "
             "didukung Korem 071/Wijayakusuma dan Kodim 0703 Cilacap.")
    assert persons(x) == {}


def test_degrees_written_without_commas_belong_to_the_mention():
    x = read("Sekretaris Dinas Kesehatan Kota Palu, Budiman SH MH mengatakan stok aman. "
             "Hadir pula dr. H. Rudi Santoso M.Kes MMR., yang memberi materi.")
    assert persons(x) == {"Budiman": {"Budiman SH MH"},
                          "Rudi Santoso": {"dr. H. Rudi Santoso M.Kes MMR."}}


def test_a_post_in_brackets_after_the_name():
    x = read("Narasumber kegiatan ini antara lain Rina Marlina, S.E. (Kepala Dinas Kesehatan Kota "
             "Palu) dan Dra. Wayan Sari, M.Si. (Kepala DP3AP2KB Kota Denpasar).")
    assert people(x) == {
        ("Rina Marlina", "Kepala Dinas Kesehatan Kota Palu", "Dinas Kesehatan Kota Palu"),
        ("Wayan Sari", "Kepala DP3AP2KB Kota Denpasar",
         "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga "
         "Berencana Kota Denpasar")}


def test_a_street_named_after_a_person_and_a_courtesy_word_are_no_cue():
    x = read("Tim meninjau posyandu di Jalan Moh Yamin, Palu. Kelas Ibu Hamil digelar setiap "
             "bulan. Ketua TP PKK Kota Palu, Ibu Ratna Dewi, hadir.")
    assert persons(x) == {"Ratna Dewi": {"Ibu Ratna Dewi"}}


def test_a_secretary_written_with_the_abbreviation_of_the_province_in_brackets():
    x = read("Sekretaris Daerah Provinsi (Sekdaprov) Riau Hendra Saputra membuka rapat itu.")
    assert people(x) == {("Hendra Saputra", "Sekretaris Daerah Provinsi (Sekdaprov) Riau",
                          "Pemerintah Provinsi Riau")}
