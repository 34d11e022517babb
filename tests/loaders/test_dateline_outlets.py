"""The outlet in a dateline, in the shapes regional news writes it (datelines written for
these tests; the outlets are fictional, the places real)."""

from __future__ import annotations

import pytest
from kbgraph.loaders.clean import clean
from kbgraph.loaders.extract import extract
from kbgraph.loaders.model import Article

BODY = "Pemerintah Kabupaten Garut menggelar rapat koordinasi Kampung KB di Garut."


def _read(dateline: str, url: str = "https://example.org/berita/1"):
    article = Article(id="d", text=dateline + BODY + "\n", source="d.txt", url=url)
    return clean(article), extract(article, clean(article))


def _outlets(x) -> dict[str, set[str]]:
    return {e.label: {m.text for m in e.mentions} for k, e in x.entities.items()
            if k.startswith("org/") and e.types[0].endswith("NewsPublisher")}


def _places(x) -> set[str]:
    return {e.label for k, e in x.entities.items() if k.startswith("place/")}


@pytest.mark.parametrize(("dateline", "outlet", "place"), [
    ("KabarGarut – ", "KabarGarut", None),                     # a capital inside the word
    ("Hi!Priangan – ", "Hi!Priangan", None),
    ("wartapriangan.com – ", "wartapriangan.com", None),         # a web address, any case
    ("WARTA-PRIANGAN.COM – ", "WARTA-PRIANGAN.COM", None),
    ("WARTAPRIANGAN.COM-Garut — ", "WARTAPRIANGAN.COM", "Garut"),
    ("GARUT | WartaPriangan.net – ", "WartaPriangan.net", "GARUT"),
    ("WARTAPRIANGAN.CO.ID, GARUT -- ", "WARTAPRIANGAN.CO.ID", "GARUT"),
    ("KabarPriangan, Garut – ", "KabarPriangan", "Garut"),
    ("Garut, warta-priangan.or.id – ", "warta-priangan.or.id", "Garut"),
    ("GARUT, SUARA PRIANGAN – ", "SUARA PRIANGAN", "GARUT"),     # an unknown name after a place
    ("GARUT (Suara Priangan): ", "Suara Priangan", "GARUT"),     # a colon after the bracket
    ("GARUT (SP.COM)—", "SP.COM", "GARUT"),
])
def test_the_outlet_of_a_dateline_is_read_and_the_place_kept(dateline, outlet, place):
    c, x = _read(dateline)
    assert c.dateline_place == place
    assert c.text.startswith("Pemerintah Kabupaten Garut")
    assert _outlets(x) == {outlet: {outlet}}
    assert "Kabupaten Garut" in _places(x)
    assert not any(outlet.casefold().startswith(p.casefold()) for p in _places(x))


@pytest.mark.parametrize("dateline", ["GARUT, Kamis (12/3) – ", "GARUT, Jabar – ",
                                      "GARUT, CS – ", "Kamis (12/3): "])
def test_a_day_a_province_or_two_letters_after_the_place_name_no_outlet(dateline):
    _c, x = _read(dateline)
    assert _outlets(x) == {}


@pytest.mark.parametrize("agency", ["ANTARA Jabar", "Antaranews Jabar", "ANTARAJabar", "ANTARA"])
def test_a_desk_of_the_news_agency_in_the_bracket_is_the_agency(agency):
    _c, x = _read(f"GARUT ({agency}) - ")
    assert _outlets(x) == {"ANTARA": {agency}}


def test_a_hyphenated_word_after_a_place_is_no_dateline():
    c, x = _read("Garut-Sebanyak 30 kader hadir. ")
    assert c.dateline_place is None and _outlets(x) == {}
