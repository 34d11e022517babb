"""Statements: direct quotes and reported speech (loaders/extract/s13_statements.py, on production docs: extractkit)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from extractkit import parse, run_stages, with_names
from kbgraph.loaders.clean import clean
from kbgraph.loaders.extract.s13_statements import find_quotes
from kbgraph.loaders.extract.text import doc_sentences
from kbgraph.loaders.read import read_path
from kbgraph.ontology.namespaces import KB
from rdflib.namespace import FOAF

D = dt.date
SEED = Path(__file__).parents[2] / "loaders" / "sample" / "antara-kalbar-2019-11-26-pokja-kampung-kb.txt"
BUDI = ("person/budi-hartono", FOAF.Person, "Budi Hartono")
BUDI_SHORT = ("person/budi-hartono", FOAF.Person, "Budi")
ANI = ("person/ani-lestari", FOAF.Person, "Ani Lestari")
DINKES = ("org/dinkes-sambas", KB.RegionalAgency, "Dinas Kesehatan Kabupaten Sambas")
BKKBN = ("org/bkkbn", KB.GovernmentAgency, "BKKBN")


def statements(text: str, names=(), published: dt.date | None = None):
    ctx = with_names(text, names, published)
    run_stages(ctx, "kb_dates", "kb_statements")
    for s in ctx.statements:
        said = ctx.text[s.span.start:s.span.end]
        assert s.text == said or s.kind == "quote"  # a two-paragraph quote drops the inner mark
        assert s.span.sentence == ctx.sentence_of(s.span.start)
    return [(s.speaker, s.kind, s.text, s.said_on) for s in ctx.statements]


def test_seed_eight_statements_all_by_muslimat_on_tuesday():
    article = read_path(SEED)[0][0]
    text = clean(article).text
    ctx = with_names(text, [
        ("person/muslimat", FOAF.Person, "Muslimat"),
        ("org/perwakilan-bkkbn-kalbar", KB.RepresentativeOffice, "Perwakilan BKKBN Kalbar"),
        ("org/perwakilan-bkkbn-kalbar", KB.RepresentativeOffice, "BKKBN Kalbar"),
        ("org/pemprov-kalbar", KB.RegionalGovernment, "Pemerintah Provinsi Kalbar"),
    ])
    run_stages(ctx, "kb_dates", "kb_statements")
    got = [(s.speaker, s.kind, s.said_on, " ".join(s.text.split()[:6])) for s in ctx.statements]
    muslimat, tuesday = "person/muslimat", D(2019, 11, 26)
    assert got == [
        (muslimat, "reported", tuesday, "kegiatan itu dilakukan sebagai upaya memperkuat"),
        (muslimat, "quote", tuesday, "Ini dimaksudkan dalam rangka menuju keluarga"),
        (muslimat, "reported", tuesday, "kegiatan ini sebagai wujud kesungguhan dan"),
        (muslimat, "quote", tuesday, "Selain itu, kegiatan ini dilakukan guna"),
        (muslimat, "reported", tuesday, "diperlukan peran aktif stakeholder dan mitra"),
        (muslimat, "quote", tuesday, "Keberhasilan program KKBPK telah terlihat pada"),
        (muslimat, "reported", tuesday, "kegiatan ini bertujuan untuk meningkatkan sinergitas"),
        (muslimat, "quote", tuesday, "Kegiatan ini dilaksanakan selama dua hari"),
    ]
    first = ctx.statements[0]
    assert first.text == "kegiatan itu dilakukan sebagai upaya memperkuat program KKBPK di Provinsi Kalbar."
    assert ctx.statements[7].text.endswith("yang konsen terhadap program KKBPK")  # no closing comma


def test_name_in_apposition_after_its_post_is_the_speaker():
    text = "Kepala Dinas Kesehatan Kabupaten Sambas, Budi Hartono, mengatakan stok vaksin cukup."
    assert statements(text, [BUDI, DINKES]) == [
        ("person/budi-hartono", "reported", "stok vaksin cukup.", None)]


def test_an_organization_never_speaks():
    text = "BKKBN menyatakan anggaran sudah tersedia. \"Semua siap,\" kata BKKBN."
    assert statements(text, [BKKBN]) == []


def test_pronoun_is_the_last_person_named_outside_words_already_said():
    text = ("Budi Hartono mengatakan, program itu didukung Ani Lestari.\n"
            "Ia menambahkan, kader sudah dilatih.")
    got = statements(text, [BUDI, ANI], D(2020, 1, 6))
    assert got == [
        ("person/budi-hartono", "reported", "program itu didukung Ani Lestari.", D(2020, 1, 6)),
        ("person/budi-hartono", "reported", "kader sudah dilatih.", D(2020, 1, 6)),
    ]


def test_pronoun_after_narration_names_the_new_person():
    text = ("Rakerda dibuka Sekretaris Daerah Ani Lestari yang mewakili Gubernur. "
            "Dalam sambutannya, ia meminta bupati tidak lalai.")
    assert statements(text, [ANI]) == [
        ("person/ani-lestari", "reported", "bupati tidak lalai.", None)]


def test_menurut_bahwa_and_inline_attribution():
    text = ("Menurut Budi, kader harus aktif. Ani Lestari menyampaikan bahwa data sudah lengkap. "
            "Untuk itu ujarnya, diperlukan dukungan desa.")
    assert statements(text, [BUDI, BUDI_SHORT, ANI]) == [
        ("person/budi-hartono", "reported", "kader harus aktif.", None),
        ("person/ani-lestari", "reported", "data sudah lengkap.", None),
        ("person/ani-lestari", "reported", "diperlukan dukungan desa.", None),
    ]


def test_quote_across_two_paragraphs_is_one_statement():
    text = ("Budi Hartono meninjau posyandu.\n"
            "\"Kami ingin semua desa punya kader aktif.\n"
            "\"Tanpa kader, program tidak akan jalan,\" kata Budi.")
    got = statements(text, [BUDI, BUDI_SHORT])
    assert got == [("person/budi-hartono", "quote",
                    "Kami ingin semua desa punya kader aktif.\nTanpa kader, program tidak akan jalan", None)]
    assert len(find_quotes(text)) == 1


def test_quote_introduced_by_a_speech_verb_counts_once():
    text = "Ani Lestari mengatakan: “Desa ini contoh bagi kecamatan lain.”"
    assert statements(text, [ANI]) == [
        ("person/ani-lestari", "quote", "Desa ini contoh bagi kecamatan lain.", None)]


def test_standalone_quote_continues_the_previous_speaker_and_slogans_are_not_statements():
    text = ("Ani Lestari menjelaskan, slogan \"Berencana Itu Keren\" dipakai sejak Februari.\n"
            "\"Remaja harus paham soal keluarga berencana.\"")
    assert statements(text, [ANI]) == [
        ("person/ani-lestari", "reported", "slogan \"Berencana Itu Keren\" dipakai sejak Februari.", None),
        ("person/ani-lestari", "quote", "Remaja harus paham soal keluarga berencana.", None),
    ]


def test_a_short_name_in_the_attribution_resolves_through_the_known_persons():
    ctx = with_names("\"Kami siap membantu desa,\" kata Hartono.", [BUDI])
    run_stages(ctx, "kb_statements")
    assert [(s.speaker, s.text) for s in ctx.statements] == [
        ("person/budi-hartono", "Kami siap membantu desa")]


def test_said_on_is_the_day_in_the_attribution_not_a_date_in_the_words_said():
    text = ("Budi Hartono di Sambas, Senin (4/3/2019), mengatakan rapat berikutnya 20 Maret 2019.\n"
            "\"Semua kader hadir pada 5 Maret 2019,\" ujarnya.")
    got = statements(text, [BUDI], D(2019, 3, 6))
    assert [(s[2][:20], s[3]) for s in got] == [("rapat berikutnya 20 ", D(2019, 3, 4)),
                                                 ("Semua kader hadir pa", D(2019, 3, 6))]


def test_a_body_repeated_by_the_scraper_counts_once():
    para = "Budi Hartono mengatakan, kader sudah dilatih."
    assert len(statements(f"{para}\n{para}", [BUDI])) == 1


def test_without_a_person_nothing_is_attributed():
    assert statements("Ia mengatakan, semua baik. \"Kami siap,\" katanya.") == []


def test_sentences_do_not_break_after_titles_but_do_after_degrees():
    text = "Kepala Bidang Drs. H. Dadang, M.Si, itu hadir. Ia datang bersama Asep, S.IP. Asep mengatakan."
    assert [text[s:e] for s, e in doc_sentences(parse(text, until="kb_sentences"))] == [
        "Kepala Bidang Drs. H. Dadang, M.Si, itu hadir.",
        "Ia datang bersama Asep, S.IP.",
        "Asep mengatakan.",
    ]


def test_nya_forms_speak_and_a_verb_with_nothing_said_does_not():
    text = ("Budi Hartono membuka rapat. Menurutnya, target tahun ini realistis. "
            "Dikatakannya, kader akan ditambah. Dalam rapat lain, ia sudah menyampaikan hal yang sama.")
    assert statements(text, [BUDI]) == [
        ("person/budi-hartono", "reported", "target tahun ini realistis.", None),
        ("person/budi-hartono", "reported", "kader akan ditambah.", None),
    ]


def test_thanks_conveyed_is_not_a_statement_but_a_noun_phrase_after_hopes_is():
    budi = [BUDI, BUDI_SHORT]
    assert statements("Lurah Budi Hartono menyampaikan terima kasih kepada Pemkot Batam.", budi) == []
    said = statements("Budi Hartono berharap penghargaan itu memacu desa lain.", budi)
    assert [(s[0], s[2]) for s in said] == [("person/budi-hartono", "penghargaan itu memacu desa lain.")]


def test_honorific_and_shortened_name_inside_a_name_do_not_end_a_sentence():
    text = ("Rapat dipimpin Abdul Gafur Hi. Ibrahim dan Abd. Rahman Said. Peserta pulang sore.")
    assert [text[s:e] for s, e in doc_sentences(parse(text, until="kb_sentences"))] == [
        "Rapat dipimpin Abdul Gafur Hi. Ibrahim dan Abd. Rahman Said.", "Peserta pulang sore."]


def test_a_speech_verb_asked_for_says_nothing_yet():
    budi = [BUDI, BUDI_SHORT]
    assert statements("Budi Hartono menjadi salah satu yang diminta memaparkan pengalaman daerahnya.",
                      budi) == []


def _said(text: str) -> list[tuple[str, str]]:
    from kbgraph.loaders.extract import extract
    from kbgraph.loaders.model import Article, CleanText
    x = extract(Article(id="s", text=text, source="s.txt"),
                CleanText(text=text, offsets=tuple(range(len(text) + 1))))
    return [(x.entities[s.speaker].label, s.text) for s in x.statements]


def test_words_said_before_hal_itu_disampaikan_and_demikian_belong_to_the_person_named_after():
    assert _said("Pemerintah Kabupaten Sambas menilai program itu berhasil menekan angka stunting.\n\n"
                 "Hal ini diungkapkan Kepala Dinas Kesehatan Kabupaten Sambas, Rudi Hartono, saat "
                 "membuka rapat.") == [
        ("Rudi Hartono", "program itu berhasil menekan angka stunting.")]
    assert _said("Kampung KB harus menjadi pusat layanan keluarga. Demikian disampaikan Budi Santoso "
                 "di Sambas.") == [
        ("Budi Santoso", "Kampung KB harus menjadi pusat layanan keluarga.")]


def test_passive_attributions_and_the_statement_that_goes_on():
    said = _said("Kepala Dinas Kesehatan Kota Palu, Ani Lestari, menekankan bahwa keluarga adalah "
                 "kunci. Melalui keluarga yang kuat, anak tumbuh sehat. Dikatakan, posyandu "
                 "dibuka setiap bulan. Ditambahkan oleh dr. Rina Marlina, bahwa stok vaksin aman.")
    assert said == [
        ("Ani Lestari", "keluarga adalah kunci. Melalui keluarga yang kuat, anak tumbuh sehat."),
        ("Ani Lestari", "posyandu dibuka setiap bulan."),
        ("Rina Marlina", "stok vaksin aman.")]


def test_a_speaker_named_only_by_a_post_the_article_gave_one_person():
    said = _said("Kepala Dinas Kesehatan Kota Palu, Ani Lestari, membuka acara.\n\n"
                 "\"Posyandu dibuka setiap bulan untuk semua warga,\" ujar Kepala Dinas itu.\n\n"
                 "\" Stok vaksin tersedia di semua puskesmas kota,\" Jelas Ani.")
    assert said == [("Ani Lestari", "Posyandu dibuka setiap bulan untuk semua warga"),
                    ("Ani Lestari", "Stok vaksin tersedia di semua puskesmas kota")]


def test_a_speech_read_on_behalf_of_a_head_named_by_an_acting_post_is_the_heads():
    said = _said("Prasasti ditandatangani Pjs. Bupati Sambas, Yohanes Warsito, yang diwakili "
                 "Asisten III Setda Sambas, Rudi Hartono.\n\n"
                 "\"Kami mendukung penuh program ini di semua desa,\" kata Pjs. Bupati Sambas "
                 "dalam sambutannya yang dibacakan Asisten III Rudi Hartono.\n\n"
                 "Menurut Bupati, pemerintah daerah siap menambah anggaran kampung KB.")
    assert said == [("Yohanes Warsito", "Kami mendukung penuh program ini di semua desa"),
                    ("Yohanes Warsito", "pemerintah daerah siap menambah anggaran kampung KB.")]


def test_a_second_clause_of_saying_is_a_statement_and_a_talk_given_is_none():
    said = _said("Kepala Dinas Kesehatan Kota Palu, Ani Lestari, menyampaikan materi terkait gizi "
                 "balita di posyandu.\n\nAni menyatakan dukungan penuh bagi kader, namun "
                 "menegaskan bahwa anggaran desa juga harus dipakai.\n\nIa menjelaskan, materi "
                 "pelatihan meliputi gizi balita.")
    assert said == [("Ani Lestari", "dukungan penuh bagi kader"),
                    ("Ani Lestari", "anggaran desa juga harus dipakai."),
                    ("Ani Lestari", "materi pelatihan meliputi gizi balita.")]


def test_a_speaker_named_by_a_short_title_of_the_post_one_person_holds():
    said = _said("Sekretaris Daerah Provinsi Riau Budi Santoso membuka rakor di Pekanbaru.\n\n"
                 "Dalam arahannya, Sekda menegaskan bahwa stunting harus turun tahun ini.\n\n"
                 "\"Semua dinas harus bekerja bersama di desa,\" ujar Sekda dalam sambutannya.")
    assert said == [("Budi Santoso", "stunting harus turun tahun ini."),
                    ("Budi Santoso", "Semua dinas harus bekerja bersama di desa")]


def test_a_sentence_opening_with_kata_and_a_post():
    said = _said("Gubernur Jambi H Budi Santoso menerima tim BKKBN di Jambi.\n\n"
                 "Kata Gubernur, kampung KB di Provinsi Jambi terus bertambah.")
    assert said == [("Budi Santoso", "kampung KB di Provinsi Jambi terus bertambah.")]


def test_a_speaker_after_a_post_that_names_no_known_organization():
    said = _said("\"Pemantauan dilakukan setiap bulan di semua kabupaten,\" kata Koordinator "
                 "Manager Satgas Gizi Rudi Hartono di Makassar, Selasa.")
    assert said == [("Rudi Hartono", "Pemantauan dilakukan setiap bulan di semua kabupaten")]


def test_a_person_pointed_back_at_by_a_noun_and_a_demonstrative():
    said = _said("Kepala Dinas Kesehatan Kota Palu, Ani Lestari mengatakan posyandu buka tiap "
                 "bulan.\n\n\"Desa adalah ukuran pembangunan kita,\" pungkas wanita ramah ini.")
    assert said == [("Ani Lestari", "posyandu buka tiap bulan."),
                    ("Ani Lestari", "Desa adalah ukuran pembangunan kita")]


def test_a_verb_of_saying_written_against_the_closing_quote():
    said = _said("Kepala Dinas Kesehatan Kota Palu, Ani Lestari, membuka acara.\n\n"
                 "\"Kami bekerja sama dengan dua universitas di kota ini,\"bebernya.")
    assert said == [("Ani Lestari", "Kami bekerja sama dengan dua universitas di kota ini")]


def test_the_words_of_a_sentence_before_kata_and_the_speaker():
    said = _said("Kepala Perwakilan BKKBN Provinsi Jambi Rudi Hartono membuka rakor.\n\n"
                 "Dari 1.200 desa di provinsi ini masih ada 300 desa tertinggal, kata Kepala "
                 "Perwakilan BKKBN Provinsi Jambi Rudi Hartono, usai rakor di Jambi, Rabu.")
    assert said == [("Rudi Hartono", "Dari 1.200 desa di provinsi ini masih ada 300 desa "
                                     "tertinggal")]


def said_by(text: str) -> list[tuple[str, str]]:
    """(speaker key, first words) of every statement, through the whole extractor."""
    from test_people_news import read
    return [(s.speaker, " ".join(s.text.split()[:3])) for s in read(text).statements]


def test_a_post_right_after_a_name_the_speaker_represents_is_the_speaker():
    said = said_by("Rapat dibuka oleh Wakil Gubernur Jambi Rudi Santoso. Dalam sambutannya "
                   "mewakili Gubernur Jambi Budi Hartono Wagub menyampaikan, semua pihak harus "
                   "terlibat dalam program ini.")
    assert said == [("person/rudi-santoso", "semua pihak harus")]


def test_a_pronoun_after_a_quote_said_by_a_post_is_its_speaker():
    said = said_by("Hal itu disampaikan Kepala Dinas Kesehatan Kota Palu Rudi Santoso usai rapat. "
                   "Rapat dipimpin oleh Ketua TP PKK Kota Palu, Ani Lestari.\n\n"
                   "“Tiga agenda kami jalankan sekaligus,” ujar Kepala Dinas Kesehatan kepada "
                   "wartawan.\n\nIa menjelaskan, jumlah kasus stunting juga turun.")
    assert said == [("person/rudi-santoso", "Tiga agenda kami"),
                    ("person/rudi-santoso", "jumlah kasus stunting")]


def test_a_passive_verb_of_saying_with_its_agent_opening_a_sentence():
    said = said_by("Kepala Dinas Kesehatan Kota Palu Budi Santoso hadir. Dikatakan Budi, bahwa "
                   "menurunkan angka stunting merupakan upaya pemerintah. Dikatakan Kota Palu, "
                   "angka itu turun.")
    assert said == [("person/budi-santoso", "menurunkan angka stunting")]


def test_a_verb_of_saying_after_a_quote_that_ends_its_sentence():
    said = said_by("Wali Kota Palu Budi Santoso hadir.\n\n“Kampung KB yang kita bentuk ada 11 di "
                   "kecamatan ini.” Ujar Wali Kota Palu Budi Santoso.")
    assert said == [("person/budi-santoso", "Kampung KB yang")]


def test_a_pronoun_written_with_pun_speaks():
    said = said_by("Wali Kota Palu Budi Santoso hadir di acara itu. Diapun berharap, BKKBN dapat "
                   "membantu pemerintah daerah.")
    assert said == [("person/budi-santoso", "BKKBN dapat membantu")]


def test_a_pronoun_after_a_person_named_as_the_agent_of_a_passive_continues_the_last_speaker():
    text = ("Budi Hartono mengatakan, kampung itu maju.\n"
            "Program itu dicanangkan Ani Lestari pada 2016 di seluruh daerah.\n"
            "\"Kader sudah dilatih,\" katanya.")
    assert [s[0] for s in statements(text, [BUDI, ANI])] == ["person/budi-hartono"] * 2
    opened = ("Budi Hartono mengatakan, kampung itu maju.\n"
              "Rapat itu dibuka Ani Lestari. Dalam sambutannya, ia meminta kader rajin.")
    assert [s[0] for s in statements(opened, [BUDI, ANI])] == [
        "person/budi-hartono", "person/ani-lestari"]


def test_a_speech_verb_in_a_clause_of_purpose_says_nothing():
    text = "Kampung itu dibentuk atas petunjuk Budi Hartono, guna memastikan target tercapai."
    assert statements(text, [BUDI]) == []
