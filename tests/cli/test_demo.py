"""``kbgraph demo`` (the README's first command) and the store commands around it."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal

from kbgraph.cli import main
from kbgraph.ontology.namespaces import ID, KB, RDFS

pytestmark = pytest.mark.slow  # builds the seed with the real loaders

MEETING = "pertemuan kelompok kerja Kampung Keluarga Berencana (KB)"


def test_demo_builds_the_seed_and_answers_the_meetings_question(tmp_path, capsys):
    out = tmp_path / "kbgraph-out"
    assert main(["demo", "--out", str(out)]) == 0
    captured = capsys.readouterr()
    text = captured.out
    assert text.startswith("1 article: 1 added, 0 updated, 0 unchanged, 0 skipped, 0 pruned in ")
    assert "Which meetings took place, organized by whom, where, when, how big?" in text
    assert f"  - {MEETING}\n" in text
    assert ("organizer: Perwakilan BKKBN Provinsi Kalimantan Barat | location: Kota Pontianak | "
            "start: 2019-11-25 | end: 2019-11-26 | participants: 133 | chair: Muslimat") in text

    ttl = Graph().parse(out / "graph.ttl", format="turtle")
    assert (ID["person/muslimat"], RDFS.label, Literal("Muslimat", lang="id")) in ttl
    assert len(list(ttl.subject_objects(KB.participantCount))) == 1
    html = out / "graph.html"
    assert html.exists() and "Muslimat" in html.read_text(encoding="utf-8")
    first = (out / "graph.ttl").read_bytes()

    # a second demo starts from a fresh store: the same bytes, not a merge
    assert main(["demo", "--out", str(out)]) == 0
    capsys.readouterr()
    assert (out / "graph.ttl").read_bytes() == first

    assert main(["stats", "--store", str(out / "store")]) == 0
    stats = capsys.readouterr().out
    assert "│ articles        │" in stats and "kb:Meeting" in stats and "foaf:Person" in stats


def test_build_exits_2_and_names_a_skipped_file(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "kosong.txt").write_text("  \n", encoding="utf-8")
    (folder / "catatan.txt").write_text(
        "title: Catatan\n---\nPerwakilan BKKBN Kalbar menggelar rapat di Pontianak.\n", encoding="utf-8")
    store = tmp_path / "store"
    assert main(["build", str(folder), "--store", str(store)]) == 2
    captured = capsys.readouterr()
    assert captured.out.startswith("1 article: 1 added, 0 updated, 0 unchanged, 1 skipped, 0 pruned")
    assert f"kbgraph: skipped: {folder / 'kosong.txt'}: is empty" in captured.err
    assert "kbgraph: error: 1 file(s) or article(s) skipped" in captured.err
    assert main(["build", str(folder / "catatan.txt"), "--store", str(store)]) == 0
    assert capsys.readouterr().out.startswith("1 article: 0 added, 0 updated, 1 unchanged")


def test_stats_and_check_on_a_missing_store_say_how_to_make_one(tmp_path, capsys):
    assert main(["stats", "--store", str(tmp_path / "none")]) == 2
    assert "no store at" in capsys.readouterr().err
