"""Cleaning: repeats and boilerplate out, characters normalised, offsets exact."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from kbgraph.loaders.clean import CHAR_MAP, clean, parse_copyright
from kbgraph.loaders.model import Article, CleanText
from kbgraph.loaders.read import read_path

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "loaders" / "sample" / "antara-kalbar-2019-11-26-pokja-kampung-kb.txt"
INPUT = REPO / "tests" / "fixtures" / "input"


def read_one(path) -> Article:
    articles, errors = read_path(path)
    assert not errors
    return articles[0]


def art(text: str) -> Article:
    return Article(id="t", text=text, source="t.txt")


def assert_spans_map_back(article: Article, c: CleanText, needles: list[str]) -> None:
    """Each needle found in the clean text maps back to the same characters."""
    for needle in needles:
        for m in re.finditer(re.escape(needle), c.text):
            o1, o2 = c.to_original(m.start(), m.end())
            assert article.text[o1:o2] == c.text[m.start():m.end()] == needle


# --------------------------------------------------------------------------- the seed

def test_seed_keeps_first_copy_and_drops_copyright():
    a = read_one(SEED)
    c = clean(a)
    cut = a.text.index("COPYRIGHT")
    second = a.text.index("\n", cut) + 1
    assert c.text == a.text[:cut]
    assert c.dropped == ((cut, second, "copyright"), (second, len(a.text), "duplicate"))
    assert c.publisher == "ANTARA News Kalimantan Barat"
    assert c.copyright_year == 2019
    assert c.dateline_place is None  # the seed has no dateline
    assert c.text.count("diikuti sebanyak 133 peserta") == 1
    assert c.text.count("\n") == 9  # line breaks kept: the first line has no final period
    assert c.text.startswith("BKKBN Kalbar menggelar pertemuan kelompok kerja")
    assert c.offsets == tuple(range(cut + 1))


def test_seed_offsets_map_sampled_spans_back():
    a = read_one(SEED)
    c = clean(a)
    assert_spans_map_back(a, c, ["Muslimat", "Perwakilan BKKBN Kalbar", "RPJMN dan RENSTRA",
                                 "25-26 November 2019", "133 peserta", "Kampung KB",
                                 "lini lapangan.", "katanya."])
    for a_, b_ in [(0, 12), (100, 180), (len(c.text) - 40, len(c.text))]:
        o1, o2 = c.to_original(a_, b_)
        assert a.text[o1:o2] == c.text[a_:b_]


# --------------------------------------------------------------------------- dev articles

@pytest.mark.parametrize("name, place, prefix, body", [
    ("dev-02-rakerda-kkbpk-jambi-2019.txt", "JAMBI", "JAMBI - ",
     "Perwakilan BKKBN Provinsi Jambi menggelar Rapat Kerja Daerah"),
    ("dev-04-rakor-lanjutan-kampung-kb-sulsel.txt", "Makassar", "Makassar (Lontara Pos) \u2013 ",
     "Perwakilan BKKBN Provinsi Sulawesi Selatan kembali"),  # Title Case, agency, en dash
])
def test_dev_datelines(name, place, prefix, body):
    c = clean(read_one(INPUT / name))
    assert c.dateline_place == place
    assert c.dropped[0] == (0, len(prefix), "dateline")
    assert c.text.startswith(body)


def test_dev_copyright_footer_first_form():
    a = read_one(INPUT / "dev-02-rakerda-kkbpk-jambi-2019.txt")
    c = clean(a)
    assert (c.publisher, c.copyright_year) == ("Kabar Batanghari", 2019)
    assert "Hak cipta" not in c.text
    footer = a.text.index("\u00a9 2019 Kabar Batanghari")
    assert c.dropped[-1] == (footer, len(a.text), "copyright")
    assert_spans_map_back(a, c, ["Swiss-Belhotel Jambi", "26-27 Februari 2019", "180 peserta"])


def test_dev_duplicated_paragraphs_kept_once():
    a = read_one(INPUT / "dev-14-advokasi-kkbpk-bali.txt")
    c = clean(a)
    assert c.dateline_place == "DENPASAR"
    assert a.text.count("Ia menambahkan, pelayanan KB gratis") == 2
    assert c.text.count("Ia menambahkan, pelayanan KB gratis") == 1
    assert c.text.count("Perwakilan BKKBN Provinsi Bali menggelar") == 1
    second = a.text.index("DENPASAR - ", 10)
    assert [r for _, _, r in c.dropped] == ["dateline"] + ["duplicate"] * 5
    assert c.dropped[1][0] == second
    assert_spans_map_back(a, c, ["Inna Bali Heritage Hotel", "banjar-banjar", "Ni Luh Putu Sriasih"])


# --------------------------------------------------------------------------- boilerplate shapes

@pytest.mark.parametrize("line, expected", [
    ("COPYRIGHT \u00a9 ANTARA News Kalimantan Barat 2019", ("ANTARA News Kalimantan Barat", 2019)),
    ("Copyright \u00a9 ANTARA 2017", ("ANTARA", 2017)),
    ("\u00a9 2019 Kabar Batanghari. Hak cipta dilindungi undang-undang.", ("Kabar Batanghari", 2019)),
    ("Copyright (c) 2010-2021 Kompas.com, All rights reserved", ("Kompas.com", 2021)),
    ("Copyright 2018 Warta Celebes", ("Warta Celebes", 2018)),
    ("\u00a9 Lontara Pos", ("Lontara Pos", None)),
    ("Hak cipta \u00a9 2020 Warta Pantura | Semua hak dilindungi", ("Warta Pantura", 2020)),
    ("Copyright law is complicated", (None, None)),
    ("Kegiatan itu dilakukan di Pontianak.", (None, None)),
])
def test_parse_copyright(line, expected):
    assert parse_copyright(line) == expected


def test_boilerplate_lines_dropped_with_reasons():
    text = ("KUBU RAYA, Kalbar (ANTARA) - Bupati mencanangkan Kampung KB di desa itu.\n"
            "Baca juga: Kampung KB di Pesawaran Jadi Percontohan Nasional\n"
            "Foto: Bupati memukul gong.\n"
            "Bupati Kubu Raya memukul gong tanda pencanangan. (ANTARA/Jessica Wuysang)\n"
            "Kegiatan itu dihadiri 300 warga.\n"
            "Pewarta: Dedi\n"
            "Editor: Rahmad\n"
            "COPYRIGHT \u00a9 ANTARA 2017\n")
    c = clean(art(text))
    assert c.text == "Bupati mencanangkan Kampung KB di desa itu.\nKegiatan itu dihadiri 300 warga.\n"
    assert c.dateline_place == "KUBU RAYA"
    assert (c.publisher, c.copyright_year) == ("ANTARA", 2017)
    assert [r for _, _, r in c.dropped] == ["dateline", "see-also", "caption", "caption",
                                            "copyright"]
    assert c.dropped[0] == (0, len("KUBU RAYA, Kalbar (ANTARA) - "), "dateline")
    caption_start = text.index("Foto:")
    caption_end = text.index("Kegiatan itu")
    assert c.dropped[2] == (caption_start, caption_end, "caption")  # touching: merged
    assert c.dropped[3] == (text.index("Pewarta"), text.index("COPYRIGHT"), "caption")


@pytest.mark.parametrize("first_line, place", [
    ("PONTIANAK (ANTARA) - BKKBN menggelar rapat.", "PONTIANAK"),
    ("JAMBI - BKKBN menggelar rapat.", "JAMBI"),
    ("DELI SERDANG - BKKBN menggelar rapat.", "DELI SERDANG"),
    ("Bandar Lampung - Sebanyak 30 finalis ikut.", "Bandar Lampung"),
    ("JAKARTA, KOMPAS.com \u2014 BKKBN menggelar rapat.", "JAKARTA"),
    ("BKKBN Kalbar menggelar pertemuan kelompok kerja Kampung KB", None),
    ("Nama Program KKBPK kini resmi berganti - menjadi Bangga Kencana.", None),
    ("Ketua panitia - yang juga Kepala Bidang - mengatakan.", None),
    ("PONTIANAK -", None),
])
def test_dateline_shapes(first_line, place):
    c = clean(art(first_line + "\nKalimat kedua.\n"))
    assert c.dateline_place == place
    if place is None:
        assert c.text.startswith(first_line)


def test_dateline_only_on_the_first_body_line():
    c = clean(art("Rapat digelar.\nJAMBI - bukan dateline di tengah.\n"))
    assert c.dateline_place is None
    assert "JAMBI - bukan" in c.text


def test_long_prose_line_starting_with_copyright_is_kept():
    line = "Copyright \u00a9 " + "kata " * 120
    assert clean(art(line)).text == line


def test_repeated_blank_lines_are_kept_repeated_text_is_not():
    text = "Satu.\n\nDua.\n\nSatu.\n\n  Dua.  \n"
    c = clean(art(text))
    assert c.text == "Satu.\n\nDua.\n\n\n"
    assert [r for _, _, r in c.dropped] == ["duplicate", "duplicate"]


# --------------------------------------------------------------------------- characters

def test_quotes_and_spaces_replaced_one_to_one():
    text = "\u201cIni penting,\u201d katanya. \u2018Ya\u2019 \u00abtidak\u00bb \u201eya\u201c\u00a0a\u202fb 25\u201326"
    c = clean(art(text))
    assert c.text == "\"Ini penting,\" katanya. 'Ya' \"tidak\" \"ya\" a b 25-26"
    assert c.offsets == tuple(range(len(text) + 1))


def test_zero_width_soft_hyphen_and_crlf_removed_with_offsets():
    text = "Kam\u00adpung\u200b KB\r\nBaris dua\rBaris tiga\ufeff."
    c = clean(art(text))
    assert c.text == "Kampung KB\nBaris dua\nBaris tiga."
    assert c.to_original(0, 7) == (0, 8)  # "Kampung" spans the soft hyphen
    assert text[slice(*c.to_original(8, 10))] == "KB"
    assert c.offsets[10] == text.index("\r\n") + 1  # the "\n" of "\r\n"
    assert c.offsets[len("Kampung KB\nBaris dua")] == text.index("\rBaris")


def test_nfc_composes_and_maps_to_the_base_letter():
    text = "Caf\u0065\u0301 di Sulawesi"  # e + combining acute
    c = clean(art(text))
    assert c.text == "Caf\u00e9 di Sulawesi"
    assert c.offsets[3] == 3 and c.offsets[4] == 5
    assert text[slice(*c.to_original(5, 7))] == "di"


def test_every_clean_char_comes_from_its_offset():
    a = read_one(INPUT / "cp1252.txt")
    c = clean(a)
    assert "\u201c" not in c.text and '"Sehati"' in c.text
    for i, ch in enumerate(c.text):
        src = a.text[c.offsets[i]]
        assert ch == CHAR_MAP.get(src, src)


def test_empty_and_whitespace_articles():
    c = clean(art(""))
    assert c.text == "" and c.offsets == (0,)
    c = clean(art("  \n\n"))
    assert c.text == "  \n\n" and len(c.offsets) == 5


def test_clean_is_deterministic():
    a = read_one(SEED)
    assert clean(a) == clean(a)
