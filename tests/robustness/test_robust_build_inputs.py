"""Gap 1 of issue 9: ``kbgraph build`` over a folder that mixes good articles with
every kind of bad file. The readers' single-file behaviour is tested in
tests/loaders/test_read.py; here the whole command runs in a subprocess, so the exit
status, stderr and the store are what a user gets.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import kbgraph

BODY = ("PONTIANAK - Perwakilan BKKBN Provinsi Kalimantan Barat menggelar Rapat Koordinasi "
        "Kampung KB di Pontianak, Selasa (26/11/2019).\n\"Kami terus mendorong program Bangga "
        "Kencana,\" kata Kepala Perwakilan BKKBN Kalbar, Ahmad Santoso.\n")


def _mixed_folder(folder: Path) -> dict[str, str]:
    """Write the corpus; returns {file name: the stderr message expected for it}."""
    folder.mkdir()
    (folder / "good.txt").write_text(
        "title: Rakor Kampung KB\ndate: 2019-11-26\nurl: https://example.org/berita/rakor\n---\n" + BODY,
        encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    (folder / "doc.txt").write_bytes(b"%PDF-1.4\n%\xe2\xe3\n1 0 obj\n")
    (folder / "cp1252.txt").write_bytes(
        ("title: Caf\u00e9 Kampung KB\nurl: https://example.org/berita/cafe\n---\nBKKBN Jawa Timur "
         "menggelar sosialisasi di Caf\u00e9 Surabaya \u2013 \u201cBangga Kencana\u201d kata Budi Santoso.\n"
         ).encode("cp1252"))
    (folder / "utf16.txt").write_bytes(
        b"\xff\xfe" + ("title: Sosialisasi NTB \u00e9\nurl: https://example.org/berita/ntb\n---\nBKKBN Nusa "
                       "Tenggara Barat menggelar sosialisasi di Mataram, kata Siti Lubis.\n").encode("utf-16-le"))
    (folder / "nav.html").write_text(  # a menu and a footer, nothing else
        "<html><body><nav><a href='/'>Beranda</a></nav><footer>\u00a9 2020</footer></body></html>",
        encoding="utf-8")
    (folder / "records.jsonl").write_text(
        json.dumps({"url": "https://example.org/berita/jsonl-1", "title": "JSONL satu",
                    "text": "BKKBN Provinsi Bali menggelar advokasi KKBPK di Denpasar, kata Made Wijaya."})
        + "\n{broken\n", encoding="utf-8")
    (folder / "notext.json").write_text(json.dumps({"title": "Tanpa teks", "url": "https://example.org/x"}),
                                        encoding="utf-8")
    (folder / "semi.csv").write_text(
        "title;url;text\nCSV satu;https://example.org/berita/csv-1;BKKBN Jambi menggelar Rakerda KKBPK "
        "di Jambi, kata Rudi Hakim.\n", encoding="utf-8")
    (folder / "big.txt").write_text("title: Besar\n---\n" + "BKKBN " * 2000, encoding="utf-8")
    (folder / "baddate.txt").write_text(
        "title: Tanggal aneh\ndate: kemarin sore\nurl: https://example.org/berita/tanggal-aneh\n---\n"
        "BKKBN Sulawesi Tengah menggelar Rakor Bangga Kencana di Palu, kata Hasan Tanjung.\n",
        encoding="utf-8")
    return {
        "big.txt": "is 12,017 bytes, more than the limit of 5,000 bytes (raise it with "
                   "KBGRAPH_MAX_BYTES=<bytes> in the environment)",
        "doc.txt": "is binary (PDF document), not an article",
        "empty.txt": "is empty",
        "image.txt": "is binary (PNG image), not an article",
        "nav.html": "has no article text (only navigation or markup)",
        "notext.json": "the object: no text field (text, body or content); fields found: title, url",
        "records.jsonl": "line 2: not valid JSON: Expecting property name enclosed in double quotes (column 2)",
    }


def _kbgraph(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kbgraph", *args], capture_output=True, text=True, check=False,
                          timeout=120, env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def mixed_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("mixed")
    expected = _mixed_folder(root / "in")
    store = root / "store"
    done = _kbgraph("build", str(root / "in"), "--store", str(store), env={"KBGRAPH_MAX_BYTES": "5000"})
    return root, expected, store, done


def _titles(store: Path) -> dict[str, str | None]:
    q = ("SELECT ?title ?text WHERE { ?a a schema:NewsArticle ; dcterms:title ?title . "
         "OPTIONAL { ?a kb:publishedText ?text } }")
    with kbgraph.open(store) as kb:
        return {str(r[0]): (str(r[1]) if r[1] is not None else None) for r in kb.sparql(q).rows}


def test_bad_files_are_one_line_each_on_stderr_without_traceback(mixed_build):
    root, expected, _, done = mixed_build
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    skipped = sorted(line for line in done.stderr.splitlines() if line.startswith("kbgraph: skipped: "))
    want = sorted(f"kbgraph: skipped: {root / 'in' / name}: {msg}" for name, msg in expected.items())
    assert skipped == want
    assert len(skipped) == 7
    assert done.stderr.splitlines()[-1] == (
        f"kbgraph: error: {len(skipped)} file(s) or article(s) skipped, each named above")


def test_a_navigation_only_page_is_refused(mixed_build):
    root, expected, _, done = mixed_build
    assert f"kbgraph: skipped: {root / 'in' / 'nav.html'}: {expected['nav.html']}" in done.stderr


def test_good_and_re_encoded_articles_are_in_the_store_decoded_right(mixed_build):
    *_, store, _ = mixed_build
    titles = _titles(store)
    for title in ("Rakor Kampung KB", "Caf\u00e9 Kampung KB", "Sosialisasi NTB \u00e9", "JSONL satu",
                  "CSV satu", "Tanggal aneh"):
        assert title in titles, title
    assert titles["Tanggal aneh"] == "kemarin sore"  # kept as text, not guessed
    assert titles["Rakor Kampung KB"] is None
    with kbgraph.open(store) as kb:
        rows = kb.sparql('SELECT ?d WHERE { ?a dcterms:title "Tanggal aneh" ; schema:datePublished ?d }').rows
        assert rows == []
        quotes = [str(r[0]) for r in kb.sparql(
            "SELECT ?x WHERE { GRAPH ?g { ?s oa:exact ?x } FILTER(CONTAINS(?x, 'Caf')) }").rows]
    assert quotes and all("Caf\u00e9" in q for q in quotes), quotes  # not "CafÃ©" or "Caf?"


def test_a_missing_path_writes_nothing(tmp_path):
    store = tmp_path / "store"
    done = _kbgraph("build", str(tmp_path / "nope"), "--store", str(store))
    assert done.returncode == 2
    assert done.stderr == f"kbgraph: error: {tmp_path / 'nope'}: no such file or folder\n"
    assert not store.exists() or not any(store.iterdir())


def test_a_folder_without_readable_files(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    (folder / "README.md").write_text("# corpus\n", encoding="utf-8")
    store = tmp_path / "store"
    done = _kbgraph("build", str(folder), "--store", str(store))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines()[-1].startswith(f"kbgraph: error: {folder}: folder has no readable files (")
    assert not store.exists() or not any(store.iterdir())
