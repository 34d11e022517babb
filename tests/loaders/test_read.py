"""Reading files into Articles: formats, encodings, front matter, bad input."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest
from kbgraph.loaders.read import (
    DEFAULT_MAX_BYTES,
    article_id,
    decode_bytes,
    iter_sources,
    max_bytes_limit,
    parse_date,
    read_bytes,
    read_path,
)
from kbgraph.errors import InputError

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "loaders" / "sample" / "antara-kalbar-2019-11-26-pokja-kampung-kb.txt"
INPUT = REPO / "tests" / "fixtures" / "input"


def one(path, **kw):
    articles, errors = read_path(path, **kw)
    assert errors == [], [str(e) for e in errors]
    assert len(articles) == 1
    return articles[0]


def only_error(path, **kw) -> str:
    articles, errors = read_path(path, **kw)
    assert articles == []
    assert len(errors) == 1 and isinstance(errors[0], InputError)
    return str(errors[0])


# --------------------------------------------------------------------------- the seed

def test_the_bundled_sample_carries_its_title_date_url_and_publisher():
    data = SEED.read_bytes()
    a = one(SEED)
    assert a.title == "BKKBN Kalbar gelar pertemuan kelompok kerja Kampung Keluarga Berencana"
    assert a.published == dt.date(2019, 11, 26) and a.published_raw == "2019-11-26"
    assert a.url == ("https://kalbar.antaranews.com/berita/397219/"
                     "bkkbn-kalbar-gelar-pertemuan-kelompok-kerja-kampung-keluarga-berencana")
    assert a.publisher == "ANTARA Kalbar"
    # the id is the url's: the same article saved from another file has the same IRI
    assert a.id == "kalbar-antaranews-com-berita-397219-bkkbn-kalbar-gelar-pertemuan-kelompok-kerja-17369e6e"
    assert a.id == article_id(a.url, "another text")
    body = data.decode("utf-8").split("---\n", 1)[1]
    assert a.text == body and a.text.startswith("BKKBN Kalbar menggelar")
    assert a.content_hash == hashlib.sha256(data).hexdigest()
    assert a.source == str(SEED)
    assert a.meta == ()


def test_a_body_without_front_matter_is_all_text_and_its_id_the_hash_of_it(tmp_path):
    body = SEED.read_text(encoding="utf-8").split("---\n", 1)[1]
    (tmp_path / "bare.txt").write_text(body, encoding="utf-8")
    a = one(tmp_path / "bare.txt")
    assert a.text == body
    assert a.id == "sha-" + hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]
    assert a.id == "sha-528c4f1c6e67eba2"
    assert a.title is None and a.url is None and a.publisher is None
    assert a.published is None and a.published_raw is None


def test_seed_id_is_stable_across_reads():
    assert one(SEED).id == one(str(SEED)).id


# --------------------------------------------------------------------------- front matter

def test_dev_article_front_matter():
    path = INPUT / "dev-02-rakerda-kkbpk-jambi-2019.txt"
    raw = path.read_text(encoding="utf-8")
    a = one(path)
    assert a.title == ("Rakerda KKBPK Jambi 2019 Sepakati Tiga Prioritas, dari Kampung KB "
                       "hingga Pendataan Keluarga")
    assert a.published == dt.date(2019, 2, 27)
    assert a.published_raw == "2019-02-27"
    assert a.url == "https://example.org/dev/02"
    assert a.publisher == "Kabar Batanghari"
    assert a.id == "example-org-dev-02"
    assert a.text == raw.split("---\n", 1)[1]
    assert a.text.startswith("JAMBI - Perwakilan BKKBN Provinsi Jambi menggelar")
    assert raw.endswith(a.text)


def test_front_matter_between_fences_with_source_in_meta(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("---\ntitle: \"Rakor KB\"\nsource: arsip redaksi\nauthor: Ani\n---\n"
                 "Isi berita.\n", encoding="utf-8")
    a = one(p)
    assert a.title == "Rakor KB"
    assert a.text == "Isi berita.\n"
    assert a.meta == (("author", "Ani"), ("source", "arsip redaksi"))


def test_unknown_key_means_no_front_matter(tmp_path):
    p = tmp_path / "a.txt"
    body = "Catatan: rapat ditunda.\n---\nBKKBN menggelar rapat.\n"
    p.write_text(body, encoding="utf-8")
    a = one(p)
    assert a.text == body and a.title is None


def test_prose_line_before_fence_means_no_front_matter(tmp_path):
    p = tmp_path / "a.txt"
    body = "title: Judul\nIni kalimat biasa tanpa titik dua\n---\nlanjutan\n"
    p.write_text(body, encoding="utf-8")
    assert one(p).text == body


def test_front_matter_without_body_is_an_error(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("title: Judul\n---\n\n", encoding="utf-8")
    assert only_error(p) == f"{p}: has front matter but no body text"


def test_unparsable_date_is_kept_raw(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("date: kemarin sore\n---\nBerita.\n", encoding="utf-8")
    a = one(p)
    assert a.published is None
    assert a.published_raw == "kemarin sore"


# --------------------------------------------------------------------------- bad files

def test_empty_file():
    assert only_error(INPUT / "empty.txt") == f"{INPUT / 'empty.txt'}: is empty"


def test_whitespace_only_file_is_empty(tmp_path):
    p = tmp_path / "blank.txt"
    p.write_bytes(b" \n\t\r\n ")
    assert only_error(p) == f"{p}: is empty"


@pytest.mark.parametrize("name, what", [
    ("image.png", "PNG image"), ("fake.pdf", "PDF document"),
    ("notes.docx", "ZIP archive or Office document")])
def test_binary_files(name, what):
    assert only_error(INPUT / name) == f"{INPUT / name}: is binary ({what}), not an article"


@pytest.mark.parametrize("data, what", [
    ((INPUT / "image.png").read_bytes(), "PNG image"), (b"abc\x00def ghi", "contains NUL bytes")])
def test_binary_content_named_txt(tmp_path, data, what):
    p = tmp_path / "foto.txt"
    p.write_bytes(data)
    assert only_error(p) == f"{p}: is binary ({what}), not an article"


def test_unknown_extension_read_directly(tmp_path):
    p = tmp_path / "x.rtf"
    p.write_text("teks", encoding="utf-8")
    assert "unknown extension '.rtf'" in only_error(p)


def test_missing_file():
    assert only_error("/nonexistent/berita.txt") == "/nonexistent/berita.txt: no such file"


def test_big_file_names_the_limit_and_how_to_raise_it(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text("Berita panjang. " * 200, encoding="utf-8")
    msg = only_error(p, max_bytes=1000)
    assert msg == (f"{p}: is 3,200 bytes, more than the limit of 1,000 bytes "
                   "(raise it with KBGRAPH_MAX_BYTES=<bytes> in the environment)")


def test_max_bytes_from_environment(tmp_path, monkeypatch):
    p = tmp_path / "big.txt"
    p.write_text("x" * 500, encoding="utf-8")
    monkeypatch.setenv("KBGRAPH_MAX_BYTES", "100")
    assert "more than the limit of 100 bytes" in only_error(p)
    monkeypatch.setenv("KBGRAPH_MAX_BYTES", "1_000")
    assert one(p).text == "x" * 500
    monkeypatch.setenv("KBGRAPH_MAX_BYTES", "banyak")
    assert only_error(p) == "KBGRAPH_MAX_BYTES must be a whole number of bytes, got 'banyak'"
    monkeypatch.delenv("KBGRAPH_MAX_BYTES")
    assert max_bytes_limit() == DEFAULT_MAX_BYTES == 20_000_000


# --------------------------------------------------------------------------- encodings

def test_cp1252_is_decoded_not_rejected():
    a = one(INPUT / "cp1252.txt")
    assert "Kafe \u201cSehati\u201d" in a.text
    assert "Pontianak \u2013 sebanyak" in a.text
    assert "cr\u00e8me br\u00fbl\u00e9e" in a.text


def test_latin1_bytes_decode(tmp_path):
    p = tmp_path / "l1.txt"
    p.write_bytes("Kepala Dinas ber\u00e9 di caf\u00e9 \u00bfya? se\u00f1or".encode("latin-1"))
    assert one(p).text == "Kepala Dinas ber\u00e9 di caf\u00e9 \u00bfya? se\u00f1or"


def test_utf16_with_bom_and_front_matter():
    a = one(INPUT / "utf16.txt")
    assert a.title == "Rakor Kampung KB"
    assert a.text == ("JAMBI - Perwakilan BKKBN Provinsi Jambi menggelar rapat koordinasi "
                      "\u2013 diikuti 50 peserta.\n")


def test_utf8_bom_is_not_part_of_the_text(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbftitle: Judul\n---\nBerita \xc3\xa9.\n")
    a = one(p)
    assert a.title == "Judul" and a.text == "Berita \u00e9.\n"


def test_decode_rejects_control_garbage():
    with pytest.raises(InputError, match="is binary"):
        decode_bytes(bytes(range(1, 32)) * 10, "x")


# --------------------------------------------------------------------------- HTML

HTML = """<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
<title>Kampung KB Dicanangkan di Kubu Raya - Warta Contoh</title>
<link rel="canonical" href="https://www.example.org/berita/kampung-kb-kubu-raya">
<meta property="og:site_name" content="Warta Contoh">
<meta property="og:title" content="Kampung KB Dicanangkan di Kubu Raya">
<meta property="article:published_time" content="2017-08-09T10:00:00+07:00">
</head><body><nav><a href="/">Beranda</a> <a href="/daerah">Daerah</a></nav>
<article><h1>Kampung KB Dicanangkan di Kubu Raya</h1>
<p>KUBU RAYA (ANTARA) - Perwakilan BKKBN Provinsi Kalimantan Barat mencanangkan Kampung KB di Desa Arang Limbung.</p>
<p>Kegiatan itu disaksikan sekitar 300 warga, kader posyandu dan tokoh agama setempat.</p>
</article><footer>Hak cipta Warta Contoh</footer></body></html>"""


def test_html_main_text_and_metadata(tmp_path):
    p = tmp_path / "berita.html"
    p.write_text(HTML, encoding="utf-8")
    a = one(p)
    assert a.title == "Kampung KB Dicanangkan di Kubu Raya"
    assert a.url == "https://www.example.org/berita/kampung-kb-kubu-raya"
    assert a.id == "example-org-berita-kampung-kb-kubu-raya"
    assert a.publisher == "Warta Contoh"
    assert a.published == dt.date(2017, 8, 9)
    assert a.text == ("KUBU RAYA (ANTARA) - Perwakilan BKKBN Provinsi Kalimantan Barat "
                      "mencanangkan Kampung KB di Desa Arang Limbung.\nKegiatan itu disaksikan "
                      "sekitar 300 warga, kader posyandu dan tokoh agama setempat.")
    assert "Beranda" not in a.text
    assert a.content_hash == hashlib.sha256(p.read_bytes()).hexdigest()


def test_html_without_article_text():
    msg = only_error(INPUT / "no-text.html")
    assert msg == f"{INPUT / 'no-text.html'}: has no article text (only navigation or markup)"


@pytest.mark.parametrize("ext", [".html", ".htm"])
def test_html_does_not_resolve_external_entities(tmp_path, ext):
    secret = tmp_path / "secret.txt"
    secret.write_text("RAHASIA-XXE-4711", encoding="utf-8")
    p = tmp_path / f"xxe{ext}"
    p.write_text(f"""<?xml version="1.0"?>
<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>
<html><head><title>&xxe;</title></head><body><article>
<p>PONTIANAK - Perwakilan BKKBN Provinsi Kalimantan Barat menggelar pertemuan &xxe; di Pontianak.</p>
<p>Kegiatan itu diikuti sebanyak 133 peserta dari berbagai kabupaten dan kota.</p>
</article></body></html>""", encoding="utf-8")
    articles, errors = read_path(p)
    found = " ".join(a.text + (a.title or "") for a in articles) + " ".join(map(str, errors))
    assert "RAHASIA-XXE-4711" not in found
    assert len(articles) == 1
    assert "Perwakilan BKKBN Provinsi Kalimantan Barat menggelar pertemuan" in articles[0].text


# --------------------------------------------------------------------------- JSONL / JSON / CSV

def test_broken_jsonl_line_is_one_error_the_others_load():
    path = INPUT / "broken.jsonl"
    articles, errors = read_path(path)
    assert [a.source for a in articles] == [f"{path}#L1", f"{path}#L3"]
    assert [str(e) for e in errors] == [
        f"{path}: line 2: not valid JSON: Unterminated string starting at (column 28)"]
    first, third = articles
    assert first.id == "example-org-berita-rakor-kampung-kb-sulsel"
    assert first.title == "Rakor Kampung KB Sulsel" and first.publisher == "Warta Celebes"
    assert first.published == dt.date(2018, 3, 13)
    lines = path.read_bytes().split(b"\n")
    assert first.content_hash == hashlib.sha256(lines[0]).hexdigest()
    assert third.text == "Rakor lanjutan Kampung KB digelar di Makassar."  # from "body"
    assert third.published == dt.date(2018, 5, 22)
    assert third.published_raw == "Selasa, 22/05/2018 10:00 WITA"
    assert third.id.startswith("sha-") and third.url is None
    assert third.meta == (("source", "arsip-redaksi"),)


def test_json_record_without_text_lists_its_fields():
    path = INPUT / "no-text.json"
    assert only_error(path) == (f"{path}: the object: no text field (text, body or content); "
                                "fields found: date, title, url")


def test_a_gold_file_in_a_corpus_folder_is_named_as_one(tmp_path):
    """A gold file copied next to its article is the usual slip; the message says so."""
    gold = tmp_path / "artikel.json"
    gold.write_text(json.dumps({"file": "artikel.txt", "published": "2019-11-26",
                                "entities": [], "people": [], "meetings": [],
                                "statements": [], "relations": []}), encoding="utf-8")
    assert only_error(gold) == (
        f"{gold}: the object: no text field (text, body or content); fields found: entities, "
        "file, meetings, people, published, relations, statements; it looks like a gold "
        "annotation, not an article: keep gold files out of the folder you build "
        "(`kbgraph evaluate TEXTS GOLD` reads them)")


def test_json_list_one_bad_record(tmp_path):
    p = tmp_path / "a.json"
    p.write_text(json.dumps([{"content": "Berita satu."}, {"text": ""}, ["bukan objek"],
                             {"Text": "Berita empat.", "Title": "Empat"}]), encoding="utf-8")
    articles, errors = read_path(p)
    assert [(a.source, a.text, a.title) for a in articles] == [
        (f"{p}#1", "Berita satu.", None), (f"{p}#4", "Berita empat.", "Empat")]
    assert [str(e) for e in errors] == [
        f"{p}: record 2: the 'text' field is empty",
        f"{p}: record 3: expected a JSON object, got a list"]


def test_json_syntax_error_names_line_and_column(tmp_path):
    p = tmp_path / "a.json"
    p.write_text('[\n {"text": "a"},\n {"text": }\n]', encoding="utf-8")
    assert only_error(p) == f"{p}: not valid JSON: Expecting value (line 3, column 11)"


def test_semicolon_csv():
    path = INPUT / "semicolon.csv"
    articles, errors = read_path(path)
    assert errors == []
    assert [a.source for a in articles] == [f"{path}#1", f"{path}#2"]
    first, second = articles
    assert first.text == ('JAMBI - Perwakilan BKKBN Provinsi Jambi menggelar Rakerda, diikuti 180 '
                          'peserta; "Kampung KB" jadi prioritas.')
    assert first.published == dt.date(2019, 2, 26) and first.published_raw == "26 Februari 2019"
    assert first.id == "example-org-berita-rakerda-jambi"
    assert second.url is None and second.published == dt.date(2020, 2, 13)


def test_csv_without_text_column(tmp_path):
    p = tmp_path / "a.csv"
    p.write_text("judul,tanggal\nA,2019-01-01\n", encoding="utf-8")
    assert only_error(p) == (f"{p}: header has no text column (text, body or content); "
                             "columns found: judul, tanggal")


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_csv_delimiters(tmp_path, delimiter):
    p = tmp_path / "a.csv"
    rows = [["title", "body"], ["Satu", "Berita satu, dengan koma."], ["Dua", "Berita dua."]]
    p.write_text("\n".join(delimiter.join(r) if delimiter != "," else
                           ",".join(f'"{c}"' for c in r) for r in rows) + "\n", encoding="utf-8")
    articles, errors = read_path(p)
    assert errors == []
    assert [(a.title, a.text) for a in articles] == [("Satu", "Berita satu, dengan koma."),
                                                    ("Dua", "Berita dua.")]


def test_csv_row_with_wrong_field_count(tmp_path):
    p = tmp_path / "a.csv"
    p.write_text("title,text\nA,Berita A.\nB,Berita B.,lebih\nC,Berita C.\n", encoding="utf-8")
    articles, errors = read_path(p)
    assert [a.title for a in articles] == ["A", "C"]
    assert [str(e) for e in errors] == [f"{p}: record 2 (line 3): has 3 fields, the header has 2"]


# --------------------------------------------------------------------------- ids and dates

def test_article_id_from_url():
    assert article_id("https://www.example.org/dev/01/", "x") == "example-org-dev-01"
    assert article_id("https://example.org/a?utm_source=x&id=7", "x") == "example-org-a-id-7"
    long_url = "https://example.org/" + "/".join(["segmen-panjang-sekali"] * 10)
    aid = article_id(long_url, "x")
    assert len(aid) <= 80 + 1 + 8 and aid == article_id(long_url, "y")
    assert aid != article_id(long_url + "-lain", "x")


def test_article_id_without_url():
    text = "Berita tanpa url."
    assert article_id(None, text) == "sha-" + hashlib.sha256(text.encode()).hexdigest()[:16]
    assert article_id("  ", text) == article_id(None, text)


@pytest.mark.parametrize("raw, expected", [
    ("2019-11-26", dt.date(2019, 11, 26)),
    ("2019-11-26T14:05:00+07:00", dt.date(2019, 11, 26)),
    ("26 November 2019", dt.date(2019, 11, 26)),
    ("Selasa, 26/11/2019 14:05 WIB", dt.date(2019, 11, 26)),
    ("Kamis, 13 Februari 2020 | 10:15 WIB", dt.date(2020, 2, 13)),
    ("1 Mei 2019", dt.date(2019, 5, 1)),
    ("13 Agu 2020", dt.date(2020, 8, 13)),
    ("Tuesday, November 26, 2019", dt.date(2019, 11, 26)),
    ("kemarin", None),
    ("2 hari lalu", None),
    ("November 2019", None),
    ("26 November", None),
    ("2019-02-30", None),
    ("", None),
])
def test_parse_date(raw, expected):
    assert parse_date(raw) == expected


def test_read_bytes_matches_read_path():
    data = SEED.read_bytes()
    articles, errors = read_bytes(data, str(SEED), ext=".txt")
    assert errors == [] and articles == [one(SEED)]


# --------------------------------------------------------------------------- sources

def test_iter_sources_folder_sorted_and_unknown_skipped_with_warning():
    warnings: list[str] = []
    files = list(iter_sources(INPUT, warnings=warnings))
    names = [p.name for p in files]
    assert names == sorted(names)
    assert "semicolon.csv" in names and "broken.jsonl" in names and "no-text.html" in names
    assert not {"image.png", "fake.pdf", "notes.docx"} & set(names)
    assert sorted(warnings) == sorted(
        f"{INPUT / n}: skipped, unknown extension '{Path(n).suffix}'"
        for n in ("image.png", "fake.pdf", "notes.docx"))


def test_iter_sources_recursive_hidden_readme_and_duplicates(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "z.txt").write_text("z", encoding="utf-8")
    (tmp_path / "a.jsonl").write_text("{}", encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text("x", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / "README.md").write_text("# corpus", encoding="utf-8")
    warnings: list[str] = []
    files = list(iter_sources([tmp_path, tmp_path / "b" / "z.txt"], warnings=warnings))
    assert files == [tmp_path / "a.jsonl", tmp_path / "b" / "z.txt"]
    assert warnings == [f"{tmp_path / 'README.md'}: skipped, a README file is not an article"]


def test_iter_sources_missing_path():
    with pytest.raises(InputError) as exc:
        iter_sources([INPUT, "/nonexistent/folder"])
    assert str(exc.value) == "/nonexistent/folder: no such file or folder"


def test_iter_sources_folder_without_readable_files(tmp_path):
    (tmp_path / "foto.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    with pytest.raises(InputError) as exc:
        iter_sources(tmp_path)
    assert str(exc.value) == (f"{tmp_path}: folder has no readable files "
                              "(.csv, .htm, .html, .json, .jsonl, .md, .txt)")


def test_iter_sources_single_file():
    assert list(iter_sources(SEED)) == [SEED]
