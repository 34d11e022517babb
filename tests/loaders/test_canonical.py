"""One entity per real-world thing: lexicon, keys, place choice, canonical labels."""

from __future__ import annotations

import shutil

import pytest
from kbgraph.loaders.canonical import entity_key, get_resolver, strip_abbreviation
from kbgraph.ontology.lexicon import LEXICON_DIR, LexiconError, load_lexicon
from kbgraph.ontology.namespaces import KB, ORG, SCHEMA


@pytest.fixture(scope="module")
def res():
    return get_resolver()


def test_keys_are_slugs_of_canonical_labels():
    assert entity_key("org", "Perwakilan BKKBN Provinsi Kalimantan Barat") == (
        "org/perwakilan-bkkbn-provinsi-kalimantan-barat")
    assert entity_key("place", "Kota Pontianak") == "place/kota-pontianak"
    assert strip_abbreviation("Bidang Advokasi  (Adpin) Perwakilan") == "Bidang Advokasi Perwakilan"


def test_lexicon_places_and_their_ids(res):
    lex = load_lexicon()
    names = {p.name: p for p in lex.provinces}
    assert len(lex.provinces) == 38 and len(lex.regencies) == 514
    assert names["DKI Jakarta"].wikidata == "Q3630"
    assert names["Maluku Utara"].wikidata == "Q5094"
    assert {"Papua Selatan", "Papua Tengah", "Papua Pegunungan", "Papua Barat Daya"} <= set(names)
    assert names["Papua Selatan"].wikidata is None  # not confirmed: left out, not guessed
    kalbar = res.entity_of("province:Kalimantan Barat")
    assert (kalbar.key, kalbar.label, kalbar.wikidata) == (
        "place/provinsi-kalimantan-barat", "Provinsi Kalimantan Barat", "Q3916")
    assert "Kalbar" in kalbar.aliases and kalbar.types == [KB.Province, SCHEMA.Place]
    pontianak = res.entity_of("regency:Kota Pontianak")
    assert (pontianak.label, pontianak.wikidata, pontianak.types[0]) == (
        "Kota Pontianak", "Q14168", KB.City)
    assert res.place_info("place/kota-pontianak").kemendagri == "61.71"
    assert res.place_info("place/kota-pontianak").province == "place/provinsi-kalimantan-barat"


def test_no_guessed_wikidata_for_agencies_and_plans(res):
    for ref in ("org:Kementerian Kependudukan dan Pembangunan Keluarga/BKKBN", "org:ANTARA",
                "framework:Rencana Pembangunan Jangka Menengah Nasional"):
        assert res.entity_of(ref).wikidata is None


def test_renamed_entities_are_one_entity_with_dated_former_names(res):
    bkkbn = res.entity_of("org:Kementerian Kependudukan dan Pembangunan Keluarga/BKKBN")
    assert bkkbn.former_names == [("Badan Kependudukan dan Keluarga Berencana Nasional",
                                   "2024-10")]  # October 2024: no day is invented
    assert bkkbn.abbreviation == "BKKBN" and "Kemendukbangga/BKKBN" in bkkbn.aliases
    program = res.entity_of("program:Program Pembangunan Keluarga, Kependudukan dan Keluarga "
                            "Berencana")
    assert program.former_names == [
        ("Program Kependudukan, Keluarga Berencana dan Pembangunan Keluarga", "2019-12")]
    assert "KKBPK" in program.aliases


@pytest.mark.parametrize("refs, hint, explicit, dateline, expected", [
    # a province beats a city of the same name ...
    (["province:Jambi", "regency:Kota Jambi"], None, {}, False, "province:Jambi"),
    # ... but not in a dateline or inside a venue name
    (["province:Jambi", "regency:Kota Jambi"], None, {}, True, "regency:Kota Jambi"),
    (["province:Bengkulu", "regency:Kota Bengkulu"], "local", {}, False, "regency:Kota Bengkulu"),
    # the word before decides
    (["regency:Kabupaten Bandung", "regency:Kota Bandung"], "kabupaten", {}, False,
     "regency:Kabupaten Bandung"),
    # a provincial capital is the city; another shared name is the regency ...
    (["regency:Kabupaten Bandung", "regency:Kota Bandung"], None, {}, False, "regency:Kota Bandung"),
    (["regency:Kabupaten Cirebon", "regency:Kota Cirebon"], None, {}, False,
     "regency:Kabupaten Cirebon"),
    # ... unless the article itself says "Kota Cirebon"
    (["regency:Kabupaten Cirebon", "regency:Kota Cirebon"], None, {"Cirebon": "regency:Kota Cirebon"},
     False, "regency:Kota Cirebon"),
])
def test_choose_place(res, refs, hint, explicit, dateline, expected):
    assert res.choose_place(refs, hint=hint, explicit=explicit, dateline=dateline) == expected


def test_province_short_forms_any_case(res):
    for written in ("Kalbar", "KALBAR", "Provinsi Kalbar", "kalimantan barat"):
        assert res.province_by_alias(written).name == "Kalimantan Barat"
    assert res.province_by_alias("Jakarta").label == "Provinsi DKI Jakarta"
    assert res.province_by_alias("Gotham") is None


def test_canonical_organizations(res):
    bkkbn = res.entity_of("org:Kementerian Kependudukan dan Pembangunan Keluarga/BKKBN")
    kalbar = res.entity_of("province:Kalimantan Barat")
    office = res.representative_office(bkkbn, kalbar)
    assert (office.key, office.label, office.types) == (
        "org/perwakilan-bkkbn-provinsi-kalimantan-barat",
        "Perwakilan BKKBN Provinsi Kalimantan Barat",
        [KB.RepresentativeOffice, ORG.Organization])
    assert {"BKKBN Kalbar", "Perwakilan BKKBN Kalbar"} <= set(office.aliases)
    gov = res.regional_government(res.entity_of("regency:Kabupaten Kubu Raya"))
    assert (gov.label, gov.abbreviation) == ("Pemerintah Kabupaten Kubu Raya", "Pemkab Kubu Raya")
    assert res.regional_government(res.entity_of("province:Jambi")).label == (
        "Pemerintah Provinsi Jambi")
    place = res.entity_of("regency:Kabupaten Kubu Raya")
    assert res.body_label("Dinas", "Pengendalian Penduduk dan KB", place) == (
        "Dinas Pengendalian Penduduk dan Keluarga Berencana Kabupaten Kubu Raya")
    assert res.body_label("Sekretariat Daerah", "", res.entity_of("regency:Kabupaten Garut")) == (
        "Sekretariat Daerah Kabupaten Garut")


def test_regulations(res):
    assert res.regulation_type("Peraturan Presiden") == ("Perpres", "Peraturan Presiden")
    assert res.regulation_type("perpres") == ("Perpres", "Peraturan Presiden")
    assert res.regulation_type("Undang Undang") == ("UU", "Undang-Undang")
    assert res.regulation_title("Perpres", "72", "2021") == "Percepatan Penurunan Stunting"
    assert res.regulation_title("Perpres", "1", "1999") is None
    assert res.priority("Nawacita", 5) == "meningkatkan kualitas hidup manusia Indonesia"


def test_malformed_lexicon_is_reported_with_file_and_line(tmp_path):
    shutil.copytree(LEXICON_DIR, tmp_path / "lex")
    path = tmp_path / "lex" / "regencies.csv"
    path.write_text(path.read_text(encoding="utf-8") + "Kota Atlantis,kota,Atlantis,,,Atlantis,1,\n",
                    encoding="utf-8")
    with pytest.raises(LexiconError, match=r"regencies\.csv:516: unknown province 'Atlantis'"):
        load_lexicon(tmp_path / "lex")
    path.unlink()
    with pytest.raises(LexiconError, match="regencies.csv: cannot read"):
        load_lexicon(tmp_path / "lex")


def test_regional_government_takes_the_article_s_spelling_of_the_same_name(res):
    place = res.entity_of("regency:Kabupaten Gunung Kidul")
    assert res.regional_government(place).label == "Pemerintah Kabupaten Gunung Kidul"
    assert res.regional_government(place, "Gunungkidul").label == "Pemerintah Kabupaten Gunungkidul"
    assert res.regional_government(place, "Gunung-Kidul").label == "Pemerintah Kabupaten Gunung-Kidul"
    assert res.regional_government(place, "Wonosari").label == "Pemerintah Kabupaten Gunung Kidul"


def test_a_body_s_parent_must_be_a_known_organization(tmp_path):
    shutil.copytree(LEXICON_DIR, tmp_path / "lex")
    path = tmp_path / "lex" / "bodies.csv"
    path.write_text(path.read_text(encoding="utf-8") + "Tim Penggerak Posyandu,,kb:TaskForce,name,"
                    "Posyandu Pusat\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="bodies.csv: 'Tim Penggerak Posyandu': unknown parent "
                                           "'Posyandu Pusat'"):
        load_lexicon(tmp_path / "lex")
