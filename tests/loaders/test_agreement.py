"""kbgraph agreement: one reader's gold scored against another's, with evaluate's rules.

The second reader is a copy of a dev gold file with known differences, so every count
below follows from the edit made to it.
"""

from __future__ import annotations

import json
from pathlib import Path

from kbgraph.cli import main
from kbgraph.loaders.evaluate import agreement_paths, report_to_dict

DEV_GOLD = Path(__file__).parents[1] / "fixtures" / "dev" / "gold"
NAME = "03-rakor-kampung-kb-sulsel"


def reader(folder: Path, edit=None) -> Path:
    """A folder holding one copy of the dev gold file, changed by ``edit``."""
    record = json.loads((DEV_GOLD / f"{NAME}.json").read_text(encoding="utf-8"))
    if edit:
        edit(record)
    folder.mkdir()
    (folder / f"{NAME}.json").write_text(json.dumps(record, ensure_ascii=False),
                                         encoding="utf-8")
    return folder


def second_reader(record: dict) -> None:
    """Leaves out the hotel and reads the chair's post as the Dinas head's organization."""
    record["entities"] = [e for e in record["entities"] if e["label"] != "Hotel Claro Makassar"]
    record["meetings"][0]["location"] = None
    record["people"][0]["organization"] = record["people"][2]["organization"]


def test_a_gold_agrees_with_itself(tmp_path):
    report = report_to_dict(agreement_paths(reader(tmp_path / "a"), reader(tmp_path / "b")),
                            details=True)
    summary = report["summary"]
    assert summary["entities"]["all"]["f1"] == 1.0 and summary["entities"]["all"]["fp"] == 0
    assert summary["people"]["f1"] == summary["meetings"]["f1"] == 1.0
    assert summary["statements"]["f1"] == 1.0
    assert [a["findings"] for a in report["articles"]] == [[]]


def test_each_difference_is_counted_once_where_it_is(tmp_path):
    report = agreement_paths(reader(tmp_path / "a"), reader(tmp_path / "b", second_reader))
    summary = report_to_dict(report)["summary"]
    place = summary["entities"]["PLACE"]
    assert (place["fn"], place["fp"]) == (1, 0)
    assert summary["entities"]["PER"]["f1"] == 1.0
    people = summary["people"]
    assert (people["fp"], people["fn"]) == (1, 1)
    location = summary["slots"]["location"]
    assert (location["correct"], location["missed"], location["wrong"]) == (0, 1, 0)
    assert summary["slots"]["organizer"]["f1"] == 1.0
    missed = {(f.section, f.kind, f.gold) for f in report.findings if f.kind == "missed"}
    assert missed == {
        ("entities", "missed", "PLACE Hotel Claro Makassar"),
        ("meetings", "missed", "Hotel Claro Makassar"),
        ("people", "missed", "Andi Nurlina Mappiasse — Kepala Perwakilan BKKBN Sulsel — "
                             "Perwakilan BKKBN Provinsi Sulawesi Selatan")}


def test_an_article_only_one_reader_annotated_is_named_and_left_out(tmp_path):
    first = reader(tmp_path / "a")
    second = reader(tmp_path / "b")
    (second / f"{NAME}.json").rename(second / "other.json")
    record = json.loads((second / "other.json").read_text(encoding="utf-8"))
    record["file"] = "lain.txt"
    (second / "other.json").write_text(json.dumps(record), encoding="utf-8")
    report = agreement_paths(first, second)
    assert report.articles == []
    assert report.warnings == [
        f"{first / (NAME + '.json')}: {NAME}.txt has no gold on the other side; skipped",
        f"{second / 'other.json'}: lain.txt has no gold on the other side; skipped"]


def test_cli_agreement_prints_the_tables_and_refuses_a_missing_folder(tmp_path, capsys):
    first, second = reader(tmp_path / "a"), reader(tmp_path / "b", second_reader)
    assert main(["agreement", str(first), str(second), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["summary"]["entities"]["PLACE"]["fn"] == 1
    assert main(["agreement", str(first), str(tmp_path / "nope")]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path / 'nope'}" in err and "no such file or folder" in err
