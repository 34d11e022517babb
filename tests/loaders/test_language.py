"""The extraction's spaCy language: its stages in order, its data files, its docs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from extractkit import parse, read, registry
from kbgraph.loaders.extract import language
from kbgraph.ontology.lexicon import LEXICON_DIR, LexiconError, load_lexicon, load_token_patterns

EXTRACT = Path(language.__file__).parent


def test_the_pipeline_is_the_declared_stages_in_order_and_the_file_list_reads_as_it():
    assert language.get_nlp().pipe_names == list(language.STAGES)
    numbered = sorted(p.stem for p in EXTRACT.glob("s[0-9][0-9]_*.py"))
    assert [int(n[1:3]) for n in numbered] == list(range(1, len(language.STAGES) + 1))


def test_each_stage_is_doc_to_doc_and_leaves_its_results_on_the_doc():
    doc = parse("Pemprov Jambi menggelar rapat koordinasi di Kota Jambi.", until="kb_lexicon")
    assert [h.text for h in doc._.lexicon_hits][:2] == ["Jambi", "Jambi"]
    assert [(s.text, s.label_) for s in doc.spans["governments"]] == [("Pemprov", "province")]
    assert doc._.registry is None  # no entity stage has run yet
    reg = registry("Pemprov Jambi menggelar rapat koordinasi di Kota Jambi.", until="kb_organizations")
    assert "org/pemerintah-provinsi-jambi" in reg.ctx.entities
    assert not any(k.startswith("event/") for k in reg.ctx.entities)  # meetings come later


def test_an_unknown_stage_is_refused():
    with pytest.raises(ValueError, match="no stage 'kb_nothing'"):
        read("Teks.", until="kb_nothing")


def test_government_words_are_token_patterns_of_the_lexicon():
    text = ("Pemerintah Kota (Pemkot) Bandung dan Pemkab Garut hadir. Pemerintah Kabupaten Garut "
            "mendukung, begitu pula Pemda Garut.")
    reg = registry(text)
    govs = sorted({(f.text, reg.ctx.entities[f.key].label) for f in reg.ctx.found
                   if f.key.startswith("org/pemerintah")})
    assert govs == [("Pemda Garut", "Pemerintah Kabupaten Garut"),
                    ("Pemerintah Kabupaten Garut", "Pemerintah Kabupaten Garut"),
                    ("Pemerintah Kota (Pemkot) Bandung", "Pemerintah Kota Bandung"),
                    ("Pemkab Garut", "Pemerintah Kabupaten Garut")]


def test_word_lists_of_the_stages_come_from_the_lexicon():
    lex = load_lexicon()
    assert lex.calendar_words("month")["agt"] == 8
    assert list(lex.calendar_words("month", full=True))[:2] == ["januari", "februari"]
    assert lex.calendar_words("weekday")["jum'at"] == 4
    assert lex.number_words("cardinal")["dua belas"] == 12
    assert lex.number_words("multiplier") == {"ribu": 1000, "juta": 1_000_000}
    assert "mengatakan" in lex.speech_words("reported")
    assert lex.meeting_words("abbrev")["rakor"][0] == "CoordinationMeeting"
    assert "tersebut" in lex.word_list("demonstrative")
    assert load_token_patterns()["governments"][0][0] == "province"


def test_a_bad_token_pattern_line_names_file_and_line(tmp_path):
    shutil.copytree(LEXICON_DIR, tmp_path / "lex")
    path = tmp_path / "lex" / "patterns" / "governments.jsonl"
    path.write_text(path.read_text(encoding="utf-8") + '{"label": "kota"}\n', encoding="utf-8")
    with pytest.raises(LexiconError, match=r"governments\.jsonl:9: expected"):
        load_token_patterns(tmp_path / "lex")
    path.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"governments\.jsonl:1: not JSON"):
        load_token_patterns(tmp_path / "lex")


def test_a_bad_number_in_the_calendar_names_file_and_line(tmp_path):
    shutil.copytree(LEXICON_DIR, tmp_path / "lex")
    path = tmp_path / "lex" / "calendar.csv"
    path.write_text(path.read_text(encoding="utf-8") + "brumaire,month,dua,\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"calendar\.csv:\d+: expected a whole number"):
        load_lexicon(tmp_path / "lex")
