"""Dates as Indonesian news prose writes them (loaders/extract/s11_dates.py, on production docs: extractkit)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from extractkit import run_stages, with_names
from kbgraph.loaders.clean import clean
from kbgraph.loaders.read import read_path

D = dt.date
SEED = Path(__file__).parents[2] / "loaders" / "sample" / "antara-kalbar-2019-11-26-pokja-kampung-kb.txt"


def dates(text: str, published: dt.date | None = None) -> list[tuple[str, dt.date, dt.date, str]]:
    ctx = with_names(text, published=published)
    run_stages(ctx, "kb_dates")
    for d in ctx.dates:
        assert ctx.text[d.start:d.end] == d.text
        assert d.sentence == ctx.sentence_of(d.start)
    return [(d.text, d.first, d.last, d.kind) for d in ctx.dates]


@pytest.mark.parametrize("text, expected", [
    ("selama dua hari dari tanggal 25-26 November 2019 di Pontianak",
     [("25-26 November 2019", D(2019, 11, 25), D(2019, 11, 26), "range")]),
    ("digelar 3 hingga 5 Maret 2020.", [("3 hingga 5 Maret 2020", D(2020, 3, 3), D(2020, 3, 5), "range")]),
    ("pada 26-27 Februari 2019.", [("26-27 Februari 2019", D(2019, 2, 26), D(2019, 2, 27), "range")]),
    ("dari 30 November - 2 Desember 2019.",
     [("30 November - 2 Desember 2019", D(2019, 11, 30), D(2019, 12, 2), "range")]),
    ("Rapat itu, Selasa (12/3/2019), dibuka.",
     [("Selasa (12/3/2019)", D(2019, 3, 12), D(2019, 3, 12), "day")]),
    ("ditetapkan pada 14 Januari 2016.", [("14 Januari 2016", D(2016, 1, 14), D(2016, 1, 14), "day")]),
    ("sejak 12 Des 2019 dan 3 Agt. 2020", [("12 Des 2019", D(2019, 12, 12), D(2019, 12, 12), "day"),
                                         ("3 Agt. 2020", D(2020, 8, 3), D(2020, 8, 3), "day")]),
    ("dilantik akhir Oktober 2024.", [("akhir Oktober 2024", D(2024, 10, 1), D(2024, 10, 31), "month")]),
    ("sebagai tindak lanjut Rapat Koordinasi tahun 2018 sebelumnya",
     [("tahun 2018", D(2018, 1, 1), D(2018, 12, 31), "year")]),
    ("turun menjadi 21,6 persen pada 2022.", [("2022", D(2022, 1, 1), D(2022, 12, 31), "year")]),
])
def test_explicit_dates(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text, published, expected", [
    ("Rapat digelar Rabu kemarin (26/9) di Jambi.", D(2018, 9, 27),
     ("Rabu kemarin (26/9)", D(2018, 9, 26))),
    ("Acara itu Jum'at (9/3) malam ramai.", D(2018, 3, 10), ("Jum'at (9/3)", D(2018, 3, 9))),
    ("Rapat Jumat (12/10/18) dibuka.", None, ("Jumat (12/10/18)", D(2018, 10, 12))),
    ("Sosialisasi digelar (24/08/2022).", None, ("(24/08/2022)", D(2022, 8, 24))),
    ("Kamis 11 September 2025 – Rapat dibuka.", None, ("Kamis 11 September 2025", D(2025, 9, 11))),
    ("Rapat Senin, 28 Agustus 2023 dibuka.", None, ("Senin, 28 Agustus 2023", D(2023, 8, 28))),
])
def test_weekday_and_date_shapes_of_real_news(text, published, expected):
    (written, day), = [(t, first) for t, first, last, kind in dates(text, published)
                       if kind == "day" and first == last]
    assert (written, day) == expected


def test_periods_counts_and_places_are_not_dates():
    text = ("RPJMN 2015-2019 dan RENSTRA tahun 2015-2019 menargetkan 15 desa, "
            "24 kabupaten/kota dan 2.130 tim; Sabtu lalu ada rapat.")
    assert dates(text) == []


def test_invalid_dates_are_dropped_not_guessed():
    assert dates("pada 31 Februari 2020 dan Senin (30/2/2020).") == []


def test_a_date_without_year_takes_the_publication_year():
    got = dates("Rapat di Aula Setda Garut, Rabu (16/10). Digelar lagi 20 hingga 22 Juni.", D(2019, 10, 17))
    assert got == [("Rabu (16/10)", D(2019, 10, 16), D(2019, 10, 16), "day"),
                   ("20 hingga 22 Juni", D(2019, 6, 20), D(2019, 6, 22), "range")]


def test_a_yearless_date_after_publication_whose_weekday_fits_moves_back_a_year():
    # published 2 January 2019: "Senin (31/12)" is Monday 31 December 2018
    assert dates("Apel digelar Senin (31/12).", D(2019, 1, 2)) == [
        ("Senin (31/12)", D(2018, 12, 31), D(2018, 12, 31), "day")]


def test_without_publication_date_a_yearless_date_is_left_out():
    assert dates("Rapat digelar Kamis (31/1).") == []


def test_explicit_date_wins_over_a_disagreeing_weekday():
    # 12 March 2019 was a Tuesday; the text says Monday
    assert dates("Senin (12/3/2019)") == [("Senin (12/3/2019)", D(2019, 3, 12), D(2019, 3, 12), "day")]


def test_bare_weekday_is_the_nearest_such_day_on_or_before_publication():
    assert dates("Bupati, Selasa, mengatakan", D(2019, 10, 17)) == [
        ("Selasa", D(2019, 10, 15), D(2019, 10, 15), "weekday")]
    assert dates("Bupati, Kamis, mengatakan", D(2019, 10, 17)) == [
        ("Kamis", D(2019, 10, 17), D(2019, 10, 17), "weekday")]


def test_bare_weekday_without_publication_falls_inside_the_articles_own_dates():
    text = "Muslimat di Pontianak, Selasa mengatakan. Kegiatan ini digelar 25-26 November 2019."
    assert dates(text)[0] == ("Selasa", D(2019, 11, 26), D(2019, 11, 26), "weekday")
    assert dates("Muslimat di Pontianak, Selasa mengatakan.") == []
    assert dates("Kamis mengatakan. Digelar 25-26 November 2019.") == [
        ("25-26 November 2019", D(2019, 11, 25), D(2019, 11, 26), "range")]


def test_relative_months():
    got = dates("pada Mei mendatang dan pada April lalu; paling lambat Desember.", D(2019, 10, 17))
    assert got == [("Mei mendatang", D(2020, 5, 1), D(2020, 5, 31), "month"),
                   ("April lalu", D(2019, 4, 1), D(2019, 4, 30), "month"),
                   ("Desember", D(2019, 12, 1), D(2019, 12, 31), "month")]


def test_seed_article():
    article = read_path(SEED)[0][0]
    text = clean(article).text
    ctx = with_names(text)
    run_stages(ctx, "kb_dates")
    assert [(d.text, d.first, d.last, d.kind) for d in ctx.dates] == [
        ("Selasa", D(2019, 11, 26), D(2019, 11, 26), "weekday"),
        ("tahun 2018", D(2018, 1, 1), D(2018, 12, 31), "year"),
        ("25-26 November 2019", D(2019, 11, 25), D(2019, 11, 26), "range"),
    ]


@pytest.mark.parametrize("text, published, expected", [
    ("digelar di Jambi dari Kamis hingga Sabtu (8/10).", D(2022, 10, 9),
     [("Kamis hingga Sabtu (8/10)", D(2022, 10, 6), D(2022, 10, 8), "range")]),
    ("berlangsung sejak hari ini hingga Rabu 22 September 2021.", D(2021, 9, 21),
     [("hari ini hingga Rabu 22 September 2021", D(2021, 9, 21), D(2021, 9, 22), "range")]),
    ("pada Rabu hingga Kamis, 21–22 Mei 2025.", D(2025, 5, 20),
     [("Rabu hingga Kamis, 21–22 Mei 2025", D(2025, 5, 21), D(2025, 5, 22), "range")]),
    ("pada Sabtu-Minggu (8-9/3).", D(2025, 3, 10),
     [("Sabtu-Minggu (8-9/3)", D(2025, 3, 8), D(2025, 3, 9), "range")]),
    ("dari Senin hingga Sabtu (8/10).", D(2022, 10, 9),
     [("Senin hingga Sabtu (8/10)", D(2022, 10, 3), D(2022, 10, 8), "range")]),
])
def test_a_range_from_a_weekday_to_a_written_day(text, published, expected):
    assert dates(text, published) == expected


def test_a_weekday_range_whose_last_day_is_another_weekday_is_no_range():
    assert [d[3] for d in dates("dari Kamis hingga Jumat (8/10).", D(2022, 10, 9))] != ["range"]


def test_a_written_month_one_off_is_put_right_by_the_weekday_and_the_publication_day():
    # 2 November 2019 is a Saturday; 2 December 2019, the publication day, a Monday
    assert dates("Launching dilakukan Senin (2/11/2019).", D(2019, 12, 2)) == [
        ("Senin (2/11/2019)", D(2019, 12, 2), D(2019, 12, 2), "day")]
    # a weekday that no month next to it fits, or far from publication: the day as written
    assert dates("Rapat digelar Senin (2/11/2019).", D(2020, 3, 2)) == [
        ("Senin (2/11/2019)", D(2019, 11, 2), D(2019, 11, 2), "day")]


@pytest.mark.parametrize(("text", "expected"), [
    # undated article: of the years it writes, the one whose 2 August is a Wednesday
    ("Target tuntas akhir 2023 atau 2024. Rakor digelar Rabu (2/8) lalu.",
     ("Rabu (2/8)", D(2023, 8, 2), D(2023, 8, 2), "day")),
    ("Program 2022 dan 2023. Rakor digelar Rabu, 2 Agustus di aula.",
     ("Rabu, 2 Agustus", D(2023, 8, 2), D(2023, 8, 2), "day")),
])
def test_an_undated_article_dates_a_day_by_the_year_it_writes_that_fits_the_weekday(text, expected):
    assert expected in dates(text)


@pytest.mark.parametrize("text", [
    "Rakor digelar Rabu (2/8) lalu.",  # no year written
    "Program 2017 dan 2023. Rakor digelar Rabu (2/8) lalu.",  # both years fit: no guess
])
def test_an_undated_day_no_single_written_year_fits_stays_unresolved(text):
    assert not [d for d in dates(text) if d[3] == "day"]
