"""The shortcuts that make extraction fast give exactly what the plain code gives.

Each speed-up of ``benchmarks/extract_speed.py`` replaced a plain construction by a
faster one that must match the same: a lookahead in front of a pattern
(``patterns.starting``), alternations grouped by first letter (``words_re(by_initial=
True)``), ``str.find`` instead of a pattern per name (``patterns.occurrences``), the
lexicon phrases tokenized in one Doc, character offsets read from token arrays. These
tests compare each with the plain version, on the fixture articles and on generated
text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from kbgraph.loaders.clean import CHAR_MAP, REMOVED_CHARS, clean
from kbgraph.loaders.extract import language, s01_sentences, s02_lexicon
from kbgraph.loaders.extract import s03_places as places
from kbgraph.loaders.extract import s04_organizations as organizations
from kbgraph.loaders.extract import s05_programs as programs
from kbgraph.loaders.extract import s06_people as people
from kbgraph.loaders.extract import s08_outlets as outlets
from kbgraph.loaders.extract import s11_dates as dates
from kbgraph.loaders.extract import s12_meetings as meetings
from kbgraph.loaders.extract import s13_statements as speech
from kbgraph.loaders.extract.registry import Context
from kbgraph.loaders.extract.text import (
    SPEECH_VERB,
    _sentence_chars,
    doc_text,
    initials,
    occurrences,
    speech_verbs,
    starting,
    words_re,
)
from kbgraph.loaders.model import Article
from kbgraph.loaders.read import read_path
from kbgraph.ontology.lexicon import load_lexicon

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"


def _texts() -> list[str]:
    paths = [REPO / "loaders" / "sample" / "antara-kalbar-2019-11-26-pokja-kampung-kb.txt"]
    for folder in ("dev", "heldout", "blind", "articles"):
        paths += sorted((FIXTURES / folder).glob("*.txt"))
    return [clean(a).text for p in paths for a in read_path(p)[0]]


def _matcher():
    """The lexicon stage's PhraseMatcher."""
    return language.get_nlp().get_pipe("kb_lexicon").matcher


TEXTS = _texts()
# the same prose in upper and lower case, and words glued to punctuation
VARIANTS = TEXTS + [t.upper() for t in TEXTS[:10]] + [t.lower() for t in TEXTS[:10]] + [
    re.sub(r"\s+", "", t[:400]) for t in TEXTS[:10]]


def _unguarded(p: re.Pattern) -> re.Pattern:
    """The pattern without the lookahead ``starting`` put in front of it."""
    m = re.match(r"\(\?=(?:\(\?i:)?\[(?:\\.|[^\]\\])*\]\)?\)", p.pattern)
    assert m, p.pattern[:60]
    return re.compile(p.pattern[m.end():], p.flags)


def _matches(p: re.Pattern, text: str) -> list:
    return [(m.span(), m.groups()) for m in p.finditer(text)]


def _guarded_patterns() -> list[re.Pattern]:
    lex = load_lexicon()
    words = people._build_words(lex)
    return [*(p for _, p in dates._PATTERNS), meetings._HEAD_RE, words.title_re,
            words.start_re, *places._venue_patterns(lex), places._local_patterns(lex)[1],
            organizations._body_words(lex).pattern, organizations._association_pattern(lex),
            programs._regulation_pattern(lex), meetings._COMMITTEE,
            SPEECH_VERB, speech._MENURUT, speech._NYA]


@pytest.mark.parametrize("pattern", _guarded_patterns(), ids=lambda p: p.pattern[:40])
def test_a_lookahead_changes_no_match(pattern):
    plain = _unguarded(pattern)
    assert plain.pattern != pattern.pattern
    for text in VARIANTS:
        assert _matches(pattern, text) == _matches(plain, text)


@pytest.mark.parametrize("grouped, plain", [
    (meetings._HEAD_RE, re.compile(rf"(?i:\b{words_re(meetings._ALL_HEADS)}\b)")),
    (SPEECH_VERB, re.compile(rf"\b(?P<verb>{words_re(speech_verbs())})\b")),
], ids=["meeting heads", "speech verbs"])
def test_words_grouped_by_initial_match_as_listed(grouped, plain):
    assert _unguarded(grouped).pattern != plain.pattern
    for text in VARIANTS:
        assert _matches(grouped, text) == _matches(plain, text)


WORD = st.text(alphabet="abkrsAKRS ſK-.", min_size=1, max_size=6)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORD, min_size=1, max_size=6), st.text(alphabet="abkrsAKRS ſK-.x\n",
                                                       max_size=40))
def test_words_grouped_by_initial_match_the_same(words, text):
    for flags in (0, re.IGNORECASE):
        grouped = re.compile(rf"\b{words_re(words, by_initial=True)}\b", flags)
        plain = re.compile(rf"\b{words_re(words)}\b", flags)
        assert [m.span() for m in grouped.finditer(text)] == [
            m.span() for m in plain.finditer(text)]


def test_words_are_grouped_only_by_ascii_initials_of_one_case():
    grouped = words_re(["rapat", "rakor", "seminar"], by_initial=True)
    assert grouped in ("(?:s(?:eminar)|r(?:akor|apat))", "(?:s(?:eminar)|r(?:apat|akor))")
    assert words_re(["Rapat", "rakor"], by_initial=True) == words_re(["Rapat", "rakor"])
    assert words_re(["(KB)", "kb"], by_initial=True) == words_re(["(KB)", "kb"])
    assert words_re(["", "x"], by_initial=True) == "(?:x|)"


def test_initials_refuse_words_that_would_match_more():
    assert initials(["Rapat", "rakor", "(KB)"]) == {"R", "r", r"\("}
    assert initials([]) is None  # "(?:)" matches everywhere
    assert initials(["x", ""]) is None
    assert initials([" x"]) is None  # words_re widens the blank
    assert starting(None, "a").pattern == "a"
    assert starting({"b", "a"}, "a|b").pattern == "(?=[ab])a|b"
    assert starting({"a"}, "a", ignorecase=True).pattern == "(?=(?i:[a]))a"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab-._ (é1)\n", max_size=14), st.text(alphabet="ab -.(", max_size=3),
       st.sampled_from([("-", "-"), (".-", "-"), ("(-", ")-")]))
def test_occurrences_are_the_matches_of_the_bounded_pattern(text, word, chars):
    before, after = chars
    plain = re.compile(rf"(?<![\w{re.escape(before)}]){re.escape(word)}(?![\w{re.escape(after)}])")
    assert list(occurrences(text, word, before, after)) == [m.span() for m in plain.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abKk ſ.İi", max_size=12), st.text(alphabet="abKk ſ.İi", min_size=1,
                                                          max_size=3))
def test_an_absent_outlet_name_cannot_be_found(text, name):
    lowered = text.lower() if text.isascii() else None
    if outlets._absent(lowered, name):
        assert re.search(re.escape(name), text, re.IGNORECASE) is None


def test_the_phrase_matcher_holds_each_phrase_as_tokenized_alone():
    """One Doc for all phrases gives the patterns of one Doc per phrase (a fresh
    pipeline, so that nothing is shared with the one under test)."""
    from spacy.attrs import ORTH
    from spacy.matcher import PhraseMatcher

    lex = load_lexicon()
    fresh = language._IndonesianNews()
    for word in (*lex.word_list("honorific"), *lex.word_list("abbreviation")):
        fresh.tokenizer.add_special_case(word, [{ORTH: word}])
    reference = PhraseMatcher(fresh.vocab)
    by_ref: dict[str, list[str]] = {}
    for phrase, ref in s02_lexicon.lexicon_patterns(lex):
        by_ref.setdefault(ref, []).append(phrase)
    for ref, phrases in by_ref.items():
        reference.add(ref, list(fresh.tokenizer.pipe(phrases)))
    # PhraseMatcher pickles as (vocab, {key: {ORTH id tuples}}, callbacks, attr)
    assert _matcher().__reduce__()[1][1] == reference.__reduce__()[1][1]


def test_odd_phrases_are_tokenized_alone():
    nl = language.get_nlp()
    odd = ["Kota  Bandung", " Jambi", "Kab.\tBogor", "A\nB", "Kalbar"]
    got = s02_lexicon._phrase_orths(nl, odd)
    assert got == {p: tuple(t.orth for t in nl.tokenizer(p)) for p in odd}


SENTENCE_PIECES = ["Halo", "dunia", ".", "!", "?", "...", '"', "\u201c", "\u201d", ",", "M.", "Nur",
                   "katanya", "\n", " ", "Drs.", "(", ")", "ia", "A", "b", "!?", "\u3002", "-",
                   "Sp.OG", "\n\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(SENTENCE_PIECES), st.sampled_from(["", " "])),
                max_size=25))
def test_sentence_starts_are_the_hints_then_the_sentencizer(pieces):
    _same_sentences_as_spacy_sentencizer("".join(a + b for a, b in pieces))


def test_sentence_starts_of_the_fixtures_are_the_hints_then_the_sentencizer():
    for text in TEXTS:
        _same_sentences_as_spacy_sentencizer(text)


def _same_sentences_as_spacy_sentencizer(text: str) -> None:
    """``kb_sentences`` sets what the hints, then spaCy's own ``Sentencizer`` (with
    ``overwrite=False``) would set."""
    import numpy
    from spacy.attrs import IS_SPACE, ORTH, SENT_START, SPACY
    from spacy.pipeline import Sentencizer

    reference = language.get_nlp().make_doc(text)
    rows = reference.to_array([ORTH, SPACY, IS_SPACE]).tolist()
    words = [reference.vocab.strings[row[0]] for row in rows]
    reference.from_array([SENT_START], numpy.array(s01_sentences._hints(words, rows), dtype="int64")
                         .astype("uint64"))
    Sentencizer(overwrite=False)(reference)
    got = language.parse(text, until="kb_sentences")
    assert got.to_array([SENT_START]).tolist() == reference.to_array([SENT_START]).tolist()


def test_offsets_from_token_arrays_are_those_of_spans():
    for text in TEXTS[:20] + ["", "  ", "Halo.\n\nApa kabar?  Baik. "]:
        doc = language.parse(text, until="kb_lexicon")
        assert list(_sentence_chars(doc)) == [(s.start_char, s.end_char) for s in doc.sents]
        hits = doc._.lexicon_hits
        spans = sorted(((doc[s:e].start_char, doc[s:e].end_char, doc.vocab.strings[k], doc[s:e].text)
                        for k, s, e in _matcher()(doc)), key=lambda h: (h[0], -h[1], h[2]))
        assert [(h.start, h.end, h.ref, h.text) for h in hits] == spans
        assert doc_text(doc) == doc.text


def test_sentence_of_is_the_last_sentence_starting_at_or_before():
    sentences = [(3, 10), (12, 20), (25, 30)]
    ctx = Context(article=Article(id="x", text="", source="x"), text="", sentences=sentences,
                  published=None)
    assert [ctx.sentence_of(o) for o in (0, 3, 11, 12, 24, 25, 99)] == [0, 0, 0, 1, 1, 2, 2]
    ctx.sentences = []
    assert ctx.sentence_of(5) == 0


def test_the_comparison_table_deletes_nothing_it_maps():
    """``clean._KEY_TABLE`` maps and deletes in one pass only because no character is
    both mapped and removed, and no replacement is removed."""
    assert not set(CHAR_MAP) & REMOVED_CHARS
    assert not set(CHAR_MAP.values()) & REMOVED_CHARS
