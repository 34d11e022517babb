"""Meetings: one event per meeting however many sentences name it, with its slots.

A meeting is named ("Rapat Koordinasi Kampung KB Tingkat Provinsi …", "pertemuan
kelompok kerja Kampung KB" after *menggelar*, "Pencanangan Kampung KB Desa …"), called
by a short form ("Rakor", "Rakerda", "Rakor lanjutan") or pointed at ("kegiatan ini",
"Pertemuan itu", "Ajang yang …"). Every sentence is cut into segments, each governed by
the meeting mention that opens it; what a segment says (where, when, how many, who
chaired, who organized) is a fact about that meeting. An earlier meeting named as
followed up ("sebagai tindak lanjut Rapat Koordinasi … tahun 2018") is its own event.

Keys: ``event/<slug of label + start date, else year>`` for every meeting, so the Rakor
of one article and the same Rakor named as followed up in a later one (same label, same
date) get the same key. A slot is left empty rather than guessed. Where a venue lies
(schema:containedInPlace) is the entity pass's fact, except for a venue only this stage
found ("di pendopo Ronggo …", "Aula Gedung X, Kecamatan Y"): it lies in the place
written right after it, when nothing else says where it lies.

Words (``meeting_kinds.csv``: ``head``, ``abbrev``, ``anaphor``, ``keyword`` terms and their
class; ``partnered`` and ``visit`` heads named with a partner or a place). Every other word
of the shapes below is a role of ``meeting_cues.csv``:

- verbs: ``organize`` (its subject organizes), ``organize_event`` (its object is always an
  event), ``organize_adverb``, ``organized_by``, ``held``, ``held_at``, ``place_first``,
  ``launch``, ``launched_as``, ``launched_into``, ``performed_by``, ``attend``,
  ``attended_by``, ``receive``, ``chair``, ``chairs``, ``committee_chair``, ``opened_by``, ``on_behalf``,
  ``opens``, ``opens_when``, ``marked_by``, ``manner``, ``follow_up``, ``purpose``,
  ``supports``, ``agenda``, ``closed``, ``visit_verb``; ``launched_into`` ("sebagai", "jadi");
- which event: ``generic``, ``anaphoric``, ``around``, ``kind_prep``, ``kind_phrase``,
  ``indefinite``, ``future``, ``future_after``, ``habit``, ``subject_adverb``, ``again``,
  ``summary``, ``scope``, ``year_word``, ``theme``, ``theme_end``, ``joint``, ``also``,
  ``name_filler``, ``launch_object_end``, ``main_part``, ``ordinal``, ``list_intro``, ``run_stop``, ``topic``,
  ``series`` ("rangkaian peringatan …": the days kept, no one meeting);
- who with: ``partner``, ``visit_at``, ``co_host``, ``with_org``, ``accompanied``,
  ``not_owner``, ``host``;
- where: ``venue``, ``venue_inside``, ``online`` (held in no one town);
- how many: ``approx``, ``count_lead``, ``count_word``, ``count_verb``, ``count_is``,
  ``count_total``, ``count_noun``, ``participant_noun``, ``participant_head``,
  ``participant_not``, ``percent``, ``duration``, ``day_unit``;
- the small words ``by``, ``which``, ``at``, ``from``, ``with``, ``and``, ``on``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from kbgraph.ontology.lexicon import load_lexicon
from kbgraph.ontology.namespaces import KB, SCHEMA, XSD, short_hash, slugify
from rdflib import URIRef
from spacy.language import Language
from spacy.tokens import Doc

from ..model import Entity, EntityRef, Fact
from .observances import find_observances
from .registry import (
    Context,
    DateMention,
    EntityRegistry,
    Found,
    evidence_span,
    of,
    orgs_in,
    persons_in,
    places_in,
)
from .s11_dates import MONTHS, WEEKDAYS, dates_in
from .text import (
    NUMBER,
    SPEECH_VERB,
    dateline_end,
    initials,
    meeting_cues,
    meeting_terms,
    parse_number,
    starting,
    words_re,
)

__all__ = ["find_meetings", "meeting_class"]

_LEX = load_lexicon()
_HEADS = meeting_terms("head")
_ABBREVS = meeting_terms("abbrev")
_ANAPHORS = meeting_terms("anaphor")
_KEYWORDS = meeting_terms("keyword")
_GENERIC = frozenset(set(meeting_cues("generic")) | set(_ANAPHORS))
_ALL_HEADS = {**_HEADS, **_ABBREVS, **_ANAPHORS}
_LAUNCH_HEADS = frozenset(t for t, (cls, _) in _HEADS.items() if cls == "Launch" and " " not in t)


def _misspellings(heads) -> dict[str, str]:
    """News typos of long one-word heads ("pencangan", "persemian", "sosialisi"): one or two
    letters left out, or two neighbours swapped, after the third letter and before the last
    two (so "penyuluh", a person, is no "penyuluhan") → the head."""
    out: dict[str, str] = {}
    for h in heads:
        if " " in h or len(h) < _TYPO_MIN:
            continue
        n = len(h)
        for i in range(3, n - 2):
            out.setdefault(h[:i] + h[i + 1:], h)
            for j in range(i + 1, n - 2):
                out.setdefault(h[:i] + h[i + 1:j] + h[j + 1:], h)
            if i < n - 3:
                out.setdefault(h[:i] + h[i + 1] + h[i] + h[i + 2:], h)
    return {typo: h for typo, h in out.items() if typo != h and typo not in heads and typo[-2:] == h[-2:]}


_TYPO_MIN = 9  # shorter heads have too many real words one letter away
_TYPOS = _misspellings(_HEADS)
_HEAD_RE = starting(initials({**_ALL_HEADS, **_TYPOS}),
                    rf"(?i:\b{words_re({**_ALL_HEADS, **_TYPOS}, by_initial=True)}\b)", ignorecase=True)
# Words, bracketed abbreviations, commas, and a sentence's final stop as a token of its own.
_TOKEN = re.compile(r"\([^()\n]{1,80}\)|[,;:]|[.!?]+(?=\s|$)|[^\s,;:()]+?(?=[.!?]+(?:\s|$)|[\s,;:()]|$)")
_STOP = frozenset(_LEX.word_list("meeting_stop"))  # words that end a meeting's name
_CONNECT = frozenset(_LEX.word_list("meeting_connect"))  # words that may go on inside it
_DEMONSTRATIVE = frozenset(_LEX.word_list("demonstrative"))
_POST_TITLE = re.compile(rf"{words_re({t.title for t in _LEX.post_titles}, space=' ')}\b")
# the lexicon's small words: capitalized only because they open the sentence
_CUE_WORDS = frozenset(c for c, _role, _w in _LEX.meeting_cues if " " not in c) | _STOP | frozenset(_ANAPHORS)
# "Sekda X Pimpin Rapat Koordinasi …": a verb written in headline case before the name
_VERB_CUES = frozenset(c for role in ("organize", "chairs", "opens") for c in meeting_cues(role))
_UNIT_WORDS = frozenset(w.lower() for w in _LEX.word_list("unit"))
_ORDINAL_NUMBER = re.compile(r"ke (?:\d+|[IVXLC]+)")  # "Rapat Pleno ke II …", "Harganas ke 24 tahun 2017"
_DEMONSTRATIVE_AFTER = re.compile(rf"\s+{words_re(_DEMONSTRATIVE)}\b")  # "… se-Kecamatan X ini"
_TIME_NOUNS = frozenset(_LEX.word_list("time_noun"))  # "tahun ini", "kali ini": this one
_NAME_ADJECTIVES = frozenset(_LEX.word_list("name_adjective"))  # "keluarga berkualitas"
_LOWER_IN_NAME = 6  # lower-case words in a row inside a capitalized name, at most
_VERBISH = re.compile(rf"{words_re(_LEX.word_list('verb_prefix'))}[a-z]{{3,}}$")
_WEEKDAY_WORDS = frozenset(WEEKDAYS)
_MONTH_WORDS = frozenset(m for m in MONTHS if len(m) > 3) | frozenset(_LEX.calendar_words("month", full=True))

def _w(role: str) -> str:
    """The cues of one role of ``meeting_cues.csv`` as a regex alternation."""
    return words_re(meeting_cues(role))


_MANNER = rf"(?:{_w('manner')}\s+)*"  # "langsung", "secara resmi"
# the small words of the shapes below ("dipimpin oleh", "yang digelar", "di Aula …")
_OLEH, _YANG, _DI_WORD, _DARI, _DENGAN, _DAN, _PADA = (
    _w(role) for role in ("by", "which", "at", "from", "with", "and", "on"))

_CLASS = {"Meeting": KB.Meeting, "CoordinationMeeting": KB.CoordinationMeeting,
          "WorkMeeting": KB.WorkMeeting, "Training": KB.Training, "Launch": KB.Launch,
          "Socialization": KB.Socialization, "Ceremony": KB.Ceremony}

_ORGANIZE = re.compile(rf"\b(?P<verb>{words_re(meeting_cues('organize'))}),?\s+"  # "menggelar, puncak peringatan …"
                       rf"(?:(?:{_w('organize_adverb')}|{_w('main_part')}|{words_re(_ANAPHORS)})\s+)*[“\"']?$")
# "ORG terus Sosialisasi …": the organization opening the sentence, then the name
# "BKKBN terus melakukan sosialisasi …" with no day: ongoing work, not one meeting
_HABIT = re.compile(rf"\b{_w('habit')}\s+(?:\w+\s+)?\w+\s+$")
# "Bertempat di Aula X, ORG menggelar …": the venue before the meeting's name
_ORGANIZE_EVENT = re.compile(rf"\b{_w('organize_event')}\s+(?:{_w('organize_adverb')}\s+)*"
                             rf"(?:(?P<noun>{words_re(_ANAPHORS)})\s+)?(?=[A-Z])")
_IN_EVENT = re.compile(rf"\b{_w('kind_prep')}\s+(?:{_w('indefinite')}\s+)?{words_re(_ANAPHORS)}\s+(?=[A-Z])")
_EVENT_NOUN_FIRST = re.compile(rf"(?i:{words_re(_ANAPHORS)})\s+(?=[A-Z])")  # "Acara Kick Off … digelar"
_BY = re.compile(rf"\b{_OLEH}\s+")
_PLACE_FIRST_WORD = re.compile(rf"\s*{_w('place_first')}\b")
# "… berkunjung ke Kampung KB X": a place a part of the event went to
_VISIT_VERB = re.compile(rf"\b{_w('visit_verb')}\b")
_PLACE_FIRST = re.compile(rf"\s*(?i:{_w('place_first')})\s+{_DI_WORD}\s")
# "menghadiri peresmian …": attending names an event too
_ATTEND_BEFORE = re.compile(rf"\b{_w('attend')}\s+$|\b{_w('receive')}\s+$|\b{_w('chairs')}\s+{_MANNER}$")
_ONLY_ABBREVIATION = re.compile(r"\s*\([^()]{1,20}\)")
# "sosialisasi dilaksanakan di …": a meeting word followed by its being held
_HELD = tuple(meeting_cues("held"))
_HELD_AFTER = re.compile(rf"\s+(?:{_YANG}\s+)?(?:{words_re(_HELD)})\b")
# "Kegiatan bertema X …", "acara bertajuk “X”"
_THEME = re.compile(rf"\s+(?:{_YANG}\s+)?{_w('theme')}\s+[“\"']?")
_THEME_END = re.compile(rf"[”\"',.;]|\s+(?:{_w('theme_end')}|{words_re(_HELD)})\b")
_SUBJECT_ONLY = re.compile(rf"\s*(?:{_w('subject_adverb')}\s+)?$")
_FUTURE_BEFORE = re.compile(rf"\b{_w('future')}\b[^.,]{{0,40}}$")
_FUTURE_AFTER = re.compile(rf"\s*(?:{_YANG}\s+)?{_w('future_after')}\b")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_NOT_OWNER = re.compile(rf"\b{_w('not_owner')}\s+"
                       r"(?:\S+\s+){0,4}$")
_DAY_BEFORE_VERB = re.compile(r"[\s,]*(?:[a-z]+[\s,]+)?")  # "(26/02/2020) pagi menggelar"
_OWNER_AFTER_HEAD = re.compile(rf"(?i:{words_re(_ALL_HEADS)})\s+(?:{_w('owner_prefix')}\s+)?")
_DATE_AND_PLACE = re.compile(rf"[\s,.;:()–-]*(?:\b{_DI_WORD}\s+(?:(?:[A-Z]\S*|(?i:{words_re(meeting_cues('venue'))}))"
                             rf"[\s,]*){{1,8}})?[\s,.;:()–-]*")
_GOES_ON = re.compile(rf"\s*(?i:{words_re(_LEX.word_list('meeting_goes_on'))})\b")
_GOES_ON_HEAD = next(iter(_ANAPHORS))  # a generic pointer: it may point at any meeting
_HOST = re.compile(rf"\b{_w('host')}\s+$")
_ANAPHORIC_SUBJECT = re.compile(rf"\s*\w+\s+{_w('anaphoric')}\b")
_FOLLOW = re.compile(rf"(?:{words_re(meeting_cues('follow_up'))})\s+(?:{_DARI}\s+)?$", re.IGNORECASE)
# "pada kegiatan kunjungan …", "giat sharing meeting", "di sela-sela pencanangan …": the
# words after such a cue name an event even when written in lower case
_KIND_WORDS = (rf"(?:\b(?:{_w('kind_prep')}|{words_re(meeting_cues('opens'))}|"
               rf"{words_re(meeting_cues('attend'))})\s+{words_re(_ANAPHORS)}"
               rf"|\b{_w('kind_phrase')})")
_FLOOR = re.compile(rf"{words_re(_LEX.word_list('venue_floor'))}\s+\w+\s+")  # "di Lantai 1 Kantor …"
_IN_BEFORE = re.compile(rf"\b{_w('kind_prep')}\s+$", re.IGNORECASE)  # "dalam pertemuan …"
_DI_AFTER = re.compile(rf"\s+{_DI_WORD}\s+(?=[A-Z])")
_HELD_AT_NEXT = re.compile(rf"\s*,?\s+{_DI_WORD}\s+(?:[A-Z]|(?i:{words_re(meeting_cues('venue'))})\b)")
_KIND_NOUN = re.compile(rf"{_KIND_WORDS}\s+$", re.IGNORECASE)
_JOINT = re.compile(rf"[\s,]*(?:{_w('joint')}\s+(?:{_w('also')}\s+)?)?")
_HOST_ONLY = re.compile(rf"\b{_w('host')}\s+$", re.IGNORECASE)
# "usai rapat koordinasi daerah …", "kegiatan orientasi TPK …", "acara syukuran …": an
# occasion word or an event noun right before a meeting word in lower case names an event
_AROUND = re.compile(rf"\b(?:{words_re(meeting_cues('around'))}|{words_re(_ANAPHORS)})\s+$", re.IGNORECASE)
# "hampir semua kegiatan pencanangan …": every event of a kind, not one
_QUANTIFIED = re.compile(rf"\b{words_re(_LEX.word_list('quantifier'))}\s+(?:{words_re(_ANAPHORS)}\s+)?$",
                         re.IGNORECASE)
_TRIGGER = re.compile(rf"(?:{words_re(meeting_cues('organize'))}(?:,?\s+{_w('main_part')})?|{_w('host')}|{_KIND_WORDS}|"
                      rf"{words_re(meeting_cues('attend'))}|{_w('receive')}|{_w('chairs')}(?:\s+{_w('manner')})*|"
                      rf"{words_re(meeting_cues('follow_up'))}(?:\s+{_DARI})?)\s+$", re.IGNORECASE)
_LAUNCH = re.compile(rf"\b{words_re(meeting_cues('launch'))}\b")
# "Delapan desa … dicanangkan menjadi Kampung KB …": the passive names what was launched
_LAUNCHED_AS = re.compile(rf"\b{words_re(meeting_cues('launched_as'))}\s+{_w('launched_into')}\s+")
# "Desa X[, Kecamatan Y| di Z] sebagai Kampung KB": the places it lies in, then what it was made
_INTO = re.compile(rf"(?:[\s,]+(?:{_DI_WORD}\s+)?[A-Z][\w.'’-]*)*?[\s,]+{_w('launched_into')}\s+(?=[A-Z])")
_ABBREVIATED_WORD = re.compile(rf"(?<!\w){words_re(_LEX.word_list('abbreviation'))}$")  # "Kec.", "Kab."
_ACCOMPANIED = re.compile(rf"\b{_w('accompanied')}\b")
# a meeting with someone: "audiensi bersama Kepala …", "kunjungan kerja ke Kabupaten …"
_PARTNERED = frozenset(meeting_terms("partnered"))
_PARTNER = re.compile(rf"\s+{words_re(meeting_cues('partner'))}\s+(?:{_DENGAN}\s+)?(?=[A-Z])")
# "kunjungan kerja di Maluku Utara": a visit is named by where it went, too
_VISITS = frozenset(meeting_terms("visit"))
_VISIT = re.compile(rf"\s+{words_re((*meeting_cues('partner'), *meeting_cues('visit_at')))}\s+(?:{_DENGAN}\s+)?(?=[A-Z])")
_COUNT_WORD = re.compile(rf"\s*(?i:{_w('count_word')})\s+")
_PASSIVE_ORG = re.compile(rf"\b{words_re(meeting_cues('organized_by'))}\s+(?:(?i:{_OLEH})\s+)?")  # "diselenggarakan Oleh ORG" too
_WITH_ORG = re.compile(rf"\s*(?:,|{_w('with_org')})\s*(?:{_DENGAN}\s+)?")
_APPROX = rf"(?:{_w('approx')}\s+)?"
_NOT_PERCENT = rf"(?!\s*(?:{_w('percent')}|%))"
_THOUSANDS = rf"(?:\s+{words_re(_LEX.number_words('multiplier'))})?"
# "diikuti oleh 12 kabupaten/kota", "Sebanyak 17 Kota Kabupaten … mengikuti": regions, not people
_NOT_REGIONS = rf"(?!\s+(?i:{words_re((*_LEX.word_list('region_head'), *_LEX.word_list('village_head'), *_LEX.word_list('district_head')))})\b)"
_ATTENDED = re.compile(rf"\b(?P<verb>{words_re(meeting_cues('attended_by'))})\s+(?:{_OLEH}\s+)?{_APPROX}"
                       rf"(?P<n>{NUMBER})\b{_NOT_PERCENT}{_NOT_REGIONS}")
# "Dan diikuti oleh 143 peserta …" opening a sentence that names no meeting: the one just reported
_ATTENDED_OPENING = re.compile(rf"\s*(?:(?i:{_DAN})\s+)?(?i:{words_re(meeting_cues('attended_by'))})\s+"
                               rf"(?:{_OLEH}\s+)?{_APPROX}{NUMBER}\b{_NOT_PERCENT}")
_ATTENDED_AFTER = re.compile(rf"\s+{words_re(meeting_cues('attended_by'))}\s+(?:{_OLEH}\s+)?{_APPROX}{NUMBER}\b")
# "menghadirkan sekitar 25 kader": only a count of participants, never "tiga narasumber"
_BRINGS = re.compile(rf"\b(?P<verb>{words_re(meeting_cues('brings_in'))})\s+{_APPROX}(?P<n>{NUMBER})\s+"
                     rf"(?i:{_w('participant_noun')})\b")
# "Sebanyak 96 pengelola Pusat Informasi … (PIK-R) dan kelompok … (BKR) mengikuti X"
_ATTENDS_LONG = re.compile(rf"(?i:{_w('count_lead')})\s+(?P<n>\d[\d.]*{_THOUSANDS}){_NOT_REGIONS}\s+[^.,;:\n]{{0,200}}?\s+"
                           rf"(?P<verb>{words_re(meeting_cues('attend'))})\s+$")
_ATTENDS = re.compile(rf"(?i:{_w('count_lead')}\s+)?(?P<n>\d[\d.]*{_THOUSANDS}){_NOT_REGIONS}\s+"
                      rf"[\w-]+(?:\s+[\w-]+){{0,3}}?\s+"
                      rf"(?P<verb>{words_re(meeting_cues('attend'))})\s+$")
# "Peserta rakor berjumlah 150 orang", "jumlah peserta mencapai 1.200 orang"
_PARTICIPANT = meeting_cues("participant_head")  # "Peserta rakor berjumlah …"
# "peserta KB aktif mencapai 25.000": contraceptive users, not who took part
_NOT_PARTICIPANTS = rf"(?!\s+{_w('participant_not')}\b)"
_COUNT_OF = re.compile(rf"(?:\b(?i:{words_re(_PARTICIPANT)}){_NOT_PARTICIPANTS}(?:\s+[\w()-]+){{0,6}}?\s+{_w('count_verb')}"
                       rf"|\b(?i:{_w('count_total')})\s+{words_re(_PARTICIPANT)}(?:nya)?\s+{_w('count_is')})\s+"
                       rf"{_APPROX}(?P<n>{NUMBER})\b{_NOT_PERCENT}")
# "segenap peserta dari seluruh kapanewon yang menerima undangan (100 orang)": the count in brackets
_BRACKET_COUNT = re.compile(rf"\b(?i:{words_re(_PARTICIPANT)}){_NOT_PARTICIPANTS}\b[^.;:()\n]{{0,120}}?"
                            rf"\(\s*{_APPROX}(?P<n>{NUMBER})\s+(?i:{_w('participant_noun')})\s*\)")
_BARE_COUNT = re.compile(rf"\b(?P<n>\d[\d.]*)\s+{_w('count_noun')}\b")
_DURATION = re.compile(rf"\b{_w('duration')}\s+(?:{_w('duration')}\s+)?(?P<n>{NUMBER})\s+{_w('day_unit')}\b")
_CHAIR = re.compile(rf"\b{_w('chair')}\s+{_MANNER}(?:{_OLEH}\s+)?")
_COMMITTEE = starting({"K", "k"}, rf"\b(?i:{_w('committee_chair')})\b")
_OPENED = re.compile(rf"\b{words_re(meeting_cues('opened_by'))}\s+{_MANNER}"
                     rf"(?:{_OLEH}\s*,?\s+)?"
                     rf"|\b{_w('marked_by')}\b[^.\n]{{0,80}}?\b{_OLEH}\s+")
# "Wakil Gubernur X memimpin Rapat Koordinasi …": the active of *dipimpin*
_BEHALF = re.compile(rf"[\s,]*(?:{_YANG}\s+)?{_w('on_behalf')}\s+(?:{_OLEH}\s+)?")  # "… diwakili (oleh) …"
_CHAIRS = re.compile(rf"\b(?i:{words_re(meeting_cues('chairs'))})\s+{_MANNER}$")  # also "X Pimpin Rapat …"
_PERFORMED = re.compile(rf"\b{words_re(meeting_cues('performed_by'))}\s+{_MANNER}(?:{_OLEH}\s*,?\s+)?")
_OPENS = re.compile(rf"\b{_w('opens_when')}?\s*{words_re(meeting_cues('opens'))}\s+"
                    rf"{_MANNER}(?:{words_re(_ANAPHORS)}\s+)?$")
# "Sepanjang tahun 2016-2018, ORG telah mencanangkan 300 Kampung KB": a summary of years of
# work, not one launch (unless the sentence gives the day)
_SUMMARY = re.compile(rf"\b(?i:{_w('summary')})\s+(?:{_w('year_word')}\s+)?(?:19|20)\d\d\b"
                      r"|\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\b")
_SUPPORTS = re.compile(rf"\b(?:{words_re(meeting_cues('supports'))})\b")
_AGENDA = re.compile(rf"\s*(?:{_w('agenda')}\s+)?")
_PURPOSE = re.compile(rf"\b(?:{words_re(meeting_cues('purpose'))})\b")
_GROUNDS = _LEX.word_list("venue_ground")  # "di Halaman Kantor Bupati …"
_FILLERS = set(meeting_cues("venue")) | set(_GROUNDS)
_DI = re.compile(rf"\b(?:{_w('place_first')}\s+)?{_DI_WORD}\s+(?:(?:{words_re(_FILLERS)}|(?i:{words_re(_GROUNDS)}))\s+){{0,2}}")
_VENUE_WORDS = frozenset(meeting_cues("venue"))
# "digelar di …", "bertempat di …", "yang dipusatkan di …": where it was held comes next
_HELD_BEFORE = re.compile(rf"\b(?:{words_re((*_HELD, *meeting_cues('held_at')))})\s+$")
_CHAIN_SEP = re.compile(r"\s*,?\s*")
_LOWER_THEN_NAME = re.compile(r"((?:[a-z]+\s+)?)(?=[A-Z])")
_VENUE_WORD = re.compile(rf"(?i:\b{words_re(meeting_cues('venue'))}\b|{_w('venue_inside')})")
_CAP_WORD = r"(?:[A-Z][\w'./&-]*|\([^)\n]*\))"
_AFTER_VENUE_WORD = re.compile(rf"(?i:\b{words_re(meeting_cues('venue'))})\s+$")  # "Balai Kota Ambon"
_LOWER_VENUE_NEXT = re.compile(rf"\s+{words_re(meeting_cues('venue'))}\s+(?=[A-Z])")
_CAP_WORD_RE = re.compile(r"(?<!\w)[A-Z]\w+")
_CAP_PHRASE = re.compile(rf"{_CAP_WORD}(?:\s+(?:{_CAP_WORD}|&|{_DAN}(?=\s+[A-Z])))*")
#: "Hotel X Jalan Y", "Hotel X Kota Medan": a street or a region written with its head
#: after a venue is where it lies, not the town the venue is named with ("Ogan Hall Baturaja")
_NOT_NAMED_WITH = re.compile(rf"{words_re([*_LEX.word_list('street_head'), *_LEX.word_list('region_head')])}(?!\w)")
_REGIONS = frozenset({KB.City, KB.Regency, KB.Province})
_PLACE_RANK = {KB.Venue: 0, KB.Village: 1, KB.District: 2, KB.City: 3, KB.Regency: 3,
               SCHEMA.Place: 3, KB.Province: 4, KB.Country: 5}
_AGAIN = re.compile(rf"\b{_w('again')}\b")
_SCOPE = re.compile(rf"\b{_w('scope')}\s+$")
# "pada salah satu hotel dalam kota Manokwari": an unnamed venue, so where it was held is the town
_ONE_OF_VENUES = re.compile(rf"\b(?i:{_w('one_of')})\s+(?i:{words_re(meeting_cues('venue'))})\s+"
                            rf"(?i:{_w('in_town')})\s+(?:(?i:{_w('town_word')})\s+)?")
_MEMBER_OF = re.compile(rf"\b(?i:{_w('member_of')})\s+$")
_ALL_OF = re.compile(rf"\b(?i:{words_re(_LEX.word_list('quantifier'))})\s+[\w-]+\s+$")  # "seluruh kelurahan di X"
_EARLIER = re.compile(rf"\b{words_re(_LEX.word_list('earlier'))}\s+$", re.IGNORECASE)
_CLOSED = re.compile(rf"\b{_w('closed')}\s+(?:{_PADA}\s+)?$")
_LOWER_TAHUN = re.compile(rf"\b{_w('year_word')}\s+((?:19|20)\d{{2}})\s*$")
_LAUNCH_OBJECT_END = re.compile(rf",|\s{_w('launch_object_end')}\s|[.;]"  # "Kampung KB kali ini di …": a time adverb
                                rf"|\s{words_re(_TIME_NOUNS)}\s+{words_re(_DEMONSTRATIVE)}\b")
_COUNT_FIRST = re.compile(rf"\s*(?:(?i:{_w('count_word')})\s+)?")
_CO_HOSTS = frozenset(meeting_cues("co_host"))
_CO_HOST = re.compile(rf"\s*{_w('co_host')}\s+(?:{_DENGAN}\s+)?")  # "Rapat X bersama ORG"
_NAME_FILLERS = frozenset(meeting_cues("name_filler"))  # words that do not tell two names apart
_ACTING = re.compile(rf"(?i:{words_re(_LEX.word_list('acting'))})(?!\w)\s*")
_LEVEL = re.compile(rf"\s+{words_re(_LEX.word_list('level_word'))}\s+"
                    rf"{words_re((*_LEX.word_list('level_name'), *_LEX.word_list('meeting_level')))}\b")
_TOPIC = re.compile(rf"\s+{_w('topic')}(?P<words>(?:\s+[a-z][\w-]*){{1,8}})(?=\s*[,.;:]|\s*$)")
_RUN_STOP = frozenset(meeting_cues("run_stop"))  # "secara daring", "para peserta": no part of a name
_RUN_STOP_NEXT = re.compile(rf"\s+(?i:{words_re(_RUN_STOP)})\b")  # "peringatan secara Nasional di …": how, no name
_KEEPING = frozenset(meeting_terms("keeping"))  # "peringatan": a day kept, not one meeting, when it names only the day
_MAIN_PART = frozenset(meeting_cues("main_part"))  # "acara utama", "acara puncak": the meeting itself
# "kegiatan seperti layanan KB, konsultasi, dan kegiatan pembinaan …", "Agenda Rakorda meliputi
# …, dan Pelantikan X": a kind of work or a part of a meeting, an item of a list, is no meeting
# of its own ("Seperti tahun lalu, ORG menggelar Rapat …" names one)
_LISTED = re.compile(rf"\b(?i:{_w('list_intro')})(?:\s[^.;:]*?(?:,|\s{_DAN}))?\s+"
                     rf"(?:(?i:{words_re(_ANAPHORS)})\s+)?$")
_ORDINAL = frozenset(meeting_cues("ordinal"))  # "Rakor pertama dilaksanakan …": the first session of it
_REGION_CLASSES = frozenset({KB.Village, KB.District, KB.City, KB.Regency, KB.Province})
_SERIES = re.compile(rf"\b(?i:{_w('series')})\s+$")  # "rangkaian peringatan …": the days kept, many events
_ONLINE = re.compile(rf"(?i:\b{_w('online')}\b)")  # held on line or in many places at once: no one town


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    kind: str  # "name" | "short" | "anaphor" | "launch"
    head: str  # lower-case head term
    text: str
    modifiers: tuple[str, ...] = ()
    follow: bool = False  # named as followed up
    future: bool = False  # "akan menggelar …", "… yang dijadwalkan pada Mei"
    meeting: _Meeting | None = None
    habit: bool = False  # "terus melakukan sosialisasi …": ongoing work, unless a day is given
    goes_on: bool = False  # "Kali ini sosialisasi …": the meeting before, when there is one
    as_name: tuple[int, str] | None = None  # "Pencanangan Kampung KB tersebut": (end, name) if none came before
    target: str | None = None  # a launch: what the place it names was made ("Kampung KB")
    points_back: bool = False  # a name closed by "ini/itu/tersebut", or a theme: the meeting named before, if any


@dataclass(slots=True)
class _Meeting:
    cls: URIRef
    name: str | None
    target: bool
    generic: bool
    future: bool = False
    names: list[_Mention] = field(default_factory=list)  # mentions to record as Found
    generic_names: list[_Mention] = field(default_factory=list)  # "rapat koordinasi": found if its label
    organizers: list[tuple[str, int]] = field(default_factory=list)  # (org key, offset)
    places: list[tuple[int, int, str, int]] = field(default_factory=list)  # (rank, offset, key, sent)
    dates: list[tuple[int, int, DateMention]] = field(default_factory=list)  # (priority, offset, d)
    ends: list[DateMention] = field(default_factory=list)
    years: list[DateMention] = field(default_factory=list)
    counts: list[tuple[int, int, int, int]] = field(default_factory=list)  # (-weight, offset, n, pos)
    duration: list[tuple[int, int]] = field(default_factory=list)
    chairs: list[tuple[int, int, str, int]] = field(default_factory=list)  # (priority, offset, key, pos)
    openers: list[tuple[str, int]] = field(default_factory=list)
    concerns: list[tuple[str, int]] = field(default_factory=list)
    supports: list[tuple[str, int]] = field(default_factory=list)
    follows: list[tuple[_Meeting, int]] = field(default_factory=list)
    launch_object: str | None = None
    launch_target: str | None = None  # "… sebagai Kampung KB": what the launched place was made
    online: bool = False  # a sentence about it says it was held on line or in many places at once
    launch_noun: str = "pencanangan"  # "meresmikan Kampung KB": a "peresmian Kampung KB"
    joint: list[_Meeting] = field(default_factory=list)  # named with it as one event
    named_by: list[tuple[str, int]] = field(default_factory=list)  # org closing its name
    again: bool = False  # its organizers hold it "again": they held the meeting it follows up
    launched_at: set[int] = field(default_factory=set)  # offsets of places read as launched
    habit: bool = False  # first named as ongoing work ("terus melakukan …")
    placeholder: bool = False  # pointed at before it is named: takes the next name
    key: str = ""


def meeting_class(name: str) -> URIRef:
    """The most specific meeting class a name's words say (KB.Meeting when none does)."""
    words = name.lower().split()
    words[:1] = [_TYPOS.get(w, w) for w in words[:1]]
    for n in (3, 2, 1):
        head = " ".join(words[:n])
        if head in _ALL_HEADS and _ALL_HEADS[head][0] != "Meeting":
            return _CLASS[_ALL_HEADS[head][0]]
    for w in words[1:3]:
        w = w.strip("(),;")
        if w in _KEYWORDS:
            return _CLASS[_KEYWORDS[w][0]]
    return KB.Meeting


def find_meetings(ctx: Context, reg: EntityRegistry | None = None) -> None:
    """Find the article's meetings: entities, their Found occurrences and their facts
    (``reg``: the registry, to place a venue only this stage found, as the entity pass places its own)."""
    sentences = ctx.sentences
    covered = [(f.start, f.end) for f in ctx.found if not f.key.startswith("event/")]
    by_sentence = [_mentions(ctx, s, e, covered) for s, e in sentences]
    meetings = _assign([m for ms in by_sentence for m in ms])
    _own_abbreviations(ctx, by_sentence, meetings, covered)
    for (s, e), mentions in zip(sentences, by_sentence):  # "Kegiatan itu diselenggarakan secara daring"
        if _ONLINE.search(ctx.text, s, e):
            for m in mentions:
                if m.meeting is not None:
                    m.meeting.online = True
    prev = None
    for (s, e), mentions in zip(sentences, by_sentence):
        _read_sentence(ctx, s, e, mentions, meetings, prev)
        prev = s
    _emit(ctx, meetings)
    if reg is not None:
        _place_venues(reg)
        _held_in_dateline_town(reg, meetings)


def _place_venues(reg: EntityRegistry) -> None:
    """A meeting's venue nothing places, whose name holds no region, lies in the dateline's
    city or regency, as a venue the entity pass found would ("MADIUN – … di pendopo Ronggo
    Djoemeno": the pendopo in Kabupaten Madiun); so does one whose name holds only the
    province that city lies in ("PALU – … di ruangan X Bappeda Sulteng")."""
    ctx, town = reg.ctx, reg.dateline_key
    if town is None or town not in reg.info or reg.info[town].place_kind not in ("kota", "kabupaten"):
        return
    above = {f.obj.key for f in ctx.facts if f.subject == town and f.predicate == SCHEMA.containedInPlace}
    placed = {f.subject for f in ctx.facts if f.predicate == SCHEMA.containedInPlace and f.obj.key not in above}
    venues = {f.obj.key for f in ctx.facts if f.predicate == SCHEMA.location and f.obj.key not in placed
              and KB.Venue in ctx.entities[f.obj.key].types}
    for key in sorted(venues):
        at = [v for v in ctx.found if v.key == key]
        if at and all(f.cls == KB.Province and f.key in above for v in at for f in ctx.found_in(v.start, v.end)
                      if f.key != key and f.cls in _REGION_CLASSES):
            ctx.facts.append(Fact(key, SCHEMA.containedInPlace, EntityRef(town), evidence_span(ctx, at[0].start)))


def _held_in_dateline_town(reg: EntityRegistry, meetings: list[_Meeting]) -> None:
    """A meeting held on the one day the article gives, of which no sentence says where, was
    held in the city or regency of the dateline ("SAMARINDA – DPRD menggelar RDP
    …, Senin (13/5)": in Kota Samarinda); never a visit (held where it went) nor a meeting
    held on line or at once in many places ("secara daring", "serentak")."""
    ctx, town = reg.ctx, reg.dateline_key
    if town is None or town not in reg.info or reg.info[town].place_kind not in ("kota", "kabupaten"):
        return
    days = {x.key: f.obj for x in meetings if x.key for f in ctx.facts
            if f.subject == x.key and f.predicate == SCHEMA.startDate}
    if len(set(days.values())) != 1:  # meetings on several days: maybe in several towns
        return
    placed = {f.subject for f in ctx.facts if f.predicate == SCHEMA.location}
    at = min((f.start for f in ctx.found if f.key == town), default=0)  # the dateline opens the text
    for x in meetings:
        if x.key in days and x.key not in placed and not x.placeholder and not x.online \
                and not _words(x.name or "") & _VISITS:
            ctx.facts.append(Fact(x.key, SCHEMA.location, EntityRef(town), evidence_span(ctx, at)))


# ---------------------------------------------------------------------------
# Mentions
# ---------------------------------------------------------------------------

def _mentions(ctx: Context, s: int, e: int, covered: list[tuple[int, int]]) -> list[_Mention]:
    """The meeting mentions of one sentence: names, short forms, anaphors, launches.

    ``covered``: spans of other entities; a head word inside one ("Forum Musyawarah …"
    as an organization) is not a meeting.
    """
    text = ctx.text
    head0 = dateline_end(text, s)
    out: list[_Mention] = []
    for m in _HEAD_RE.finditer(text, head0, e):
        p = m.start()
        if (out and p < out[-1].end) or any(a <= p < b for a, b in covered):
            continue
        head = " ".join(m.group().lower().split())
        head = _TYPOS.get(head, head)
        cap = text[p].isupper()
        before = text[max(head0, p - 60):p]
        prev_word = before.rsplit(None, 1)[-1] if before.strip() else ""
        first_word = bool(prev_word) and not text[head0:p].strip()[:-len(prev_word)].strip()  # "Dalam Rapat …"
        if (cap and prev_word[:1].isupper() and not prev_word.endswith((".", ":", ",", ";"))
                and not ((first_word or prev_word.lower() in _VERB_CUES) and prev_word.lower() in _CUE_WORDS)) or \
                prev_word.lower() in _UNIT_WORDS:  # "Kepala seksi Advokasi dan KIE": a unit
            continue  # inside another capitalized name ("Bidang Pelatihan dan …")
        ext = _extent(ctx, m.end(), e)
        follow = bool(_FOLLOW.search(before))
        around = _AROUND.search(before) is not None and not _QUANTIFIED.search(before)
        triggered = follow or around or bool(_TRIGGER.search(before))
        # "X membuka pencanangan 15 desa menjadi Kampung KB": opening a launch named in lower case
        opened = not cap and ext.run != () and meeting_class(head) == KB.Launch and _OPENS.search(before) is not None
        future = bool(_FUTURE_BEFORE.search(before) or _FUTURE_AFTER.match(text, ext.end, e))
        at_start = p == head0
        as_name = None
        if ext.demonstrative:
            kind, end = "anaphor", m.end()
            if cap and head not in _ANAPHORS and ext.run and all(w[:1].isupper() for w in ext.run):
                as_name = (ext.run_end, text[p:ext.run_end])
        elif head in _ANAPHORS and (theme := _THEME.match(text, m.end(), e)):
            # "Kegiatan bertema integrasi Kampung KB … diselenggarakan di …": the theme names it
            t_end = _THEME_END.search(text, theme.end(), e)
            t_end = t_end.start() if t_end else e
            if t_end - theme.end() < 4 or not (text[theme.end() - 1] in "“\"'" or _CAP_WORD_RE.search(
                    text, theme.end(), t_end)):
                continue  # "kegiatan yang bertajuk daring/online meeting": how, not a name
            out.append(_Mention(theme.end(), t_end, "name", text[theme.end():t_end].split()[0].lower(),
                                text[theme.end():t_end], (), follow, future, points_back=True))
            continue
        elif head in _ANAPHORS:  # kegiatan, acara, ajang: never a name
            if not (cap and at_start) and not (_ATTEND_BEFORE.search(before) and not ext.named):
                continue  # "… kader mengikuti kegiatan secara tatap muka …": the one named before
            kind, end = "anaphor", m.end()
        elif ext.named and head in _GENERIC and _POST_TITLE.match(text, _skip(text, m.end(), e), e):
            kind, end = "anaphor", m.end()  # "Hadir dalam pertemuan Kepala BKKBN, Wali Kota …"
        elif ext.named and (cap or triggered):
            if not cap and _HOST_ONLY.search(before) and meeting_class(head) == KB.Launch:
                continue  # "dalam pencanangan kampung KB …": launching as a process
            kind, end = "name", ext.end
        elif (cap and at_start and not ext.run and head not in _ABBREVS and head not in _ANAPHORS
              and _HELD_AFTER.match(text, m.end(), e) and not future):
            kind, end = "name", m.end()  # "Audiensi berlangsung di …": a meeting named by its kind
        elif cap:
            kind = "short" if head in _ABBREVS else "anaphor"
            if kind == "anaphor" and head in _GENERIC and not at_start:
                continue
            end = ext.run_end if ext.run else m.end()
        elif (triggered or opened) and (_ORGANIZE.search(before) or _KIND_NOUN.search(before) or opened
                                        or _ATTEND_BEFORE.search(before) or (around and ext.run)
                            or (head in _PARTNERED and not ext.run and _PARTNER.match(text, m.end(), e))) and not future:
            # "menggelar pertemuan di …": a meeting, name to come; "melakukan studi banding
            # penanganan stunting, Kamis …": the lower-case words after the head name it; "dalam
            # audiensi bersama ORG": a meeting named by whom it was held with
            kind, end = "name", ext.run_end if ext.run else m.end()
        elif _HELD_AFTER.match(text, ext.run_end if ext.run else m.end(), e) and not future:
            kind, end = "name", ext.run_end if ext.run else m.end()  # "sosialisasi dilaksanakan di …"
        elif not ext.run and _ATTENDED_AFTER.match(text, m.end(), e) and not future:
            kind, end = "anaphor", m.end()  # "…, peresmian dihadiri oleh sekitar 500 warga": the one named
        elif head in _ABBREVS:  # "peserta rakor", "materi bimtek": specific enough to point
            kind, end = "anaphor", ext.run_end if ext.run else m.end()
        elif head in _GENERIC and not ext.run and _IN_BEFORE.search(before) and _DI_AFTER.match(text, m.end(), e):
            kind, end = "anaphor", m.end()  # "… dalam pertemuan di Kantor Bupati X": the one reported
        elif (ext.named or ext.run) and not future and not _RUN_STOP_NEXT.match(text, m.end(), e) and _HELD_AT_NEXT.match(
                text, ext.end if ext.named else ext.run_end, e) and _has_day(ctx, head0, e):
            # "melalui rapat koordinasi penguatan Kampung KB di ruang rapat …, Rabu (2/8)", "pada
            # pertemuan khusus di Kantor X, Senin (2/12)": a kind with the words naming it, held
            # somewhere on a day, is a meeting even in lower case
            kind, end = "name", ext.end if ext.named else ext.run_end
        else:
            continue
        if kind == "name" and _LISTED.search(text, head0, p):
            _listed_events(ctx, p, end)
            continue
        if kind == "name" and head in _KEEPING and (_only_observance(ctx, m.end(), end) or _SERIES.search(before)):
            continue  # "peringatan Harganas", "rangkaian peringatan Harganas ke-25": keeping the day, no one meeting
        if kind == "name" and head in _PARTNERED and (end == m.end() or _ONLY_ABBREVIATION.fullmatch(
                text, m.end(), end)):  # "kunjungan kerja (Kunker) ke Jakarta"
            end = _partner_end(ctx, end, e, visit=head in _VISITS)  # "audiensi bersama Kepala Perwakilan BPKP …"
        modifiers = () if kind == "name" else ext.run
        out.append(_Mention(p, end, kind, head, text[p:end], modifiers, follow, future,
                            habit=not cap and _HABIT.search(before) is not None, as_name=as_name,
                            points_back=kind == "name" and _DEMONSTRATIVE_AFTER.match(text, end, e) is not None))
    out.extend(_unknown_names(ctx, head0, e, out))
    summary = _SUMMARY.search(text, head0, e) is not None and not any(
        d.kind in ("day", "range") for d in dates_in(ctx, head0, e))
    for m in (*_LAUNCH.finditer(text, head0, e), *_LAUNCHED_AS.finditer(text, head0, e)):
        before = text[head0:m.start()]
        passive = m.re is _LAUNCHED_AS
        subj = _subject_start(text, head0, m.start())
        if summary or _FUTURE_BEFORE.search(before) or not (
                persons_in(ctx, subj, m.start()) or orgs_in(ctx, subj, m.start())
                or _region_subject(ctx, subj, m.start())
                or (passive and _has_day(ctx, head0, e))):
            continue
        obj = _COUNT_WORD.match(text, m.end(), e)
        obj_start = obj.end() if obj else m.end()
        obj_end = min([_launch_object_end(text, obj_start, e)]  # "… TPPS Tahun 2022 serta Rapat Koordinasi …"
                      + [x.start for x in out if x.start > obj_start])
        into = None if passive else _launched_into(ctx, obj_start, e)
        if into:
            out.append(_Mention(m.start(), m.end(), "launch", _launch_noun(m.group()), into[0], target=into[1]))
        elif obj_end > obj_start:
            out.append(_Mention(m.start(), m.end(), "launch", _launch_noun(m.group()),
                                text[obj_start:obj_end].strip()))
    goes_on = _GOES_ON.match(text, head0, e)
    if goes_on and out and out[0].kind == "name" and out[0].text.lower() == out[0].head and \
            not text[goes_on.end():out[0].start].strip(" ,"):
        out[0].goes_on = True  # "Kali ini sosialisasi dilaksanakan di …": the meeting named before
    if not out and (goes_on or _only_dates(ctx, head0, e) or _ATTENDED_OPENING.match(text, head0, e)):
        # "Kali ini di Desa X, Rabu (7/11)." / "Minggu, 17 Juli 2022." / "Dan diikuti oleh 143
        # peserta …": the meeting of the sentence before goes on in a sentence that names none
        out.append(_Mention(head0, head0, "anaphor", _GOES_ON_HEAD, ""))
    return sorted(out, key=lambda x: x.start)


_LIST_ITEM = re.compile(r"[A-Z][^,;]*")


def _listed_events(ctx: Context, start: int, end: int) -> None:
    """"… diramaikan serangkaian acara, diantaranya Fun Walk, Launching Logo X, Wisuda Y": the
    named activities of a list are events of their own (schema:Event), parts of the meeting the
    article reports, but no meetings with slots; each item a capitalized name of two words or
    more, cut at commas, not inside (nor across) another entity's name, and at least two of them
    (an enumeration)."""
    items = [(i.start(), i.group().rstrip()) for i in _LIST_ITEM.finditer(ctx.text, start, end)]
    items = [(at, name) for at, name in items if len(name.split()) >= 2 and not any(  # a name nested in it is fine
        f.start < at + len(name) and at < f.end and not (at <= f.start and f.end <= at + len(name))
        and not f.key.startswith("event/") for f in ctx.found)]
    if len(items) < 2:
        return
    for at, name in items:
        key = f"event/{slugify(name)}-{short_hash(ctx.article.id, n=8)}"
        if key not in ctx.entities:
            ctx.entities[key] = Entity(key=key, types=[SCHEMA.Event], label=name)
        ctx.found.append(Found(key, SCHEMA.Event, at, at + len(name), name, ctx.sentence_of(at)))


def _launch_noun(verb: str) -> str:
    """The noun of a launch verb, when the lexicon knows it as a launch: me-X-kan → pe-X-an
    ("meresmikan" → "peresmian", "mengukuhkan" → "pengukuhan", "kukuhkan" → "pengukuhan");
    else "pencanangan"."""
    low = verb.lower()
    if not low.endswith("kan"):
        return "pencanangan"
    stem = low[:-3]
    if low.startswith("me"):
        nouns = [f"pe{stem[2:]}an"]
    else:  # the bare verb of headlines and quick news: "resmikan", "kukuhkan", "canangkan"
        nouns = [f"pe{stem}an", f"pen{stem}an", f"peng{stem}an", f"peng{stem[1:]}an", f"pem{stem[1:]}an"]
    return next((n for n in nouns if n in _LAUNCH_HEADS), "pencanangan")


def _only_observance(ctx: Context, start: int, end: int) -> bool:
    """The words [start, end) after a meeting word are one observance's name and nothing else."""
    at = _skip(ctx.text, start, end)
    return any(f.start == at and f.end == end and f.cls == SCHEMA.Event for f in ctx.found)


def _only_dates(ctx: Context, start: int, end: int) -> bool:
    dates = dates_in(ctx, start, end)
    if not dates or not any(d.kind in ("day", "range") for d in dates):
        return False
    if ctx.text[start:dates[0].start].strip(" \t\n,.;:-–()"):
        return False
    rest = "".join(ctx.text[a:b] for a, b in zip([start, *(d.end for d in dates)],
                                                 [*(d.start for d in dates), end], strict=True))
    # "Kamis (15/12/2022) di hotel Aria Surabaya.": the day, and where
    return _DATE_AND_PLACE.fullmatch(rest) is not None


def _unknown_names(ctx: Context, head0: int, e: int, found: list[_Mention]) -> list[_Mention]:
    """A meeting of a kind the lexicon lacks, named by capitalized words no other pass took:
    right after a verb whose object is always an event, in a sentence that says where or
    when ("ORG mengadakan Pasanggiri Kreatifitas KIE … di Dago Tea House, Rabu (21/8)"), or
    after an event noun ("menggelar kegiatan Forum Nasional Stunting", even where another
    pass took the words for a body; "Acara Kick Off … digelar …", being held)."""
    text, out = ctx.text, []
    # (where the name starts, an event noun says it is an event, held verb needed, where/when needed)
    starts = [(v.end(), v.group("noun") is not None, False, v.group("noun") is None)
              for v in _ORGANIZE_EVENT.finditer(text, head0, e)]
    starts += [(n.end(), True, True, False) for n in _EVENT_NOUN_FIRST.finditer(text, head0, e) if n.start() == head0]
    starts += [(n.end(), True, False, True) for n in _IN_EVENT.finditer(text, head0, e)]  # "dalam sebuah kegiatan X"
    for p, noun, must_be_held, where_when in starts:
        if any(m.start <= p < max(m.end, m.start + 1) for m in found) or (not noun and any(
                f.start <= p < f.end for f in ctx.found)) or _FUTURE_BEFORE.search(text, head0, p):
            continue
        first = re.compile(r"\S+").match(text, p, e)
        if first is None or not first.group()[:1].isupper() or first.group().lower().strip("“\"'") in _ALL_HEADS:
            continue
        ext = _extent(ctx, first.end(), e)
        if not ext.named or (where_when and not (_has_day(ctx, head0, e) or _DI.search(text, ext.end, e))):
            continue
        if must_be_held and not _HELD_AFTER.match(text, ext.end, e):
            continue
        out.append(_Mention(p, ext.end, "name", first.group().lower(), text[p:ext.end]))
    return out


def _partner_end(ctx: Context, pos: int, limit: int, visit: bool = False) -> int:
    """Where "bersama/dengan/ke" + the capitalized name of a partner ends (``pos`` when
    none follows); the partner's name stops before a person's name, a weekday or a month."""
    w = (_VISIT if visit else _PARTNER).match(ctx.text, pos, limit)
    if not w:
        return pos
    phrase = _CAP_PHRASE.match(ctx.text, w.end(), limit)
    if not phrase:
        return pos
    stop = min([f.start for f in persons_in(ctx, w.end(), phrase.end())] + [phrase.end()])
    words = list(re.finditer(r"\S+", ctx.text[w.end():stop]))
    for i, word in enumerate(words):
        if word.group().lower().strip("(),") in _WEEKDAY_WORDS | _MONTH_WORDS:
            words = words[:i]
            break
    return w.end() + words[-1].end() if words else pos


def _subject_start(text: str, head: int, pos: int) -> int:
    """Where the subject of a verb at ``pos`` may start: after the last speech verb before
    it ("X mengatakan Kota Y yang meluncurkan …": X said so, Y launched)."""
    said = [v.end() for v in SPEECH_VERB.finditer(text, head, pos)]
    return said[-1] if said else head


def _government_of_subject(ctx: Context, head: int, end: int) -> tuple[str, int] | None:
    """The government of the region opening the sentence, when the article names it."""
    first = next(iter(places_in(ctx, head, end)), None)
    if first is None or first.start != head or not 3 <= _PLACE_RANK.get(first.cls, 0) <= 4:
        return None
    place = ctx.entities.get(first.key)
    wanted = f"pemerintah {place.label}".lower() if place else None
    gov = next((k for k, ent in ctx.entities.items()
                if k.startswith("org/") and ent.label.lower() == wanted), None)
    return (gov, first.start) if gov else None


def _region_subject(ctx: Context, head: int, end: int) -> bool:
    """"Kabupaten Gowa melaunching …": a regency, city or province as the subject."""
    first = next(iter(places_in(ctx, head, end)), None)
    return first is not None and first.start == head and 3 <= _PLACE_RANK.get(first.cls, 0) <= 4


def _has_day(ctx: Context, start: int, end: int) -> bool:
    return any(d.kind in ("day", "range", "weekday") for d in dates_in(ctx, start, end))


class _Extent(NamedTuple):
    end: int  # where the name ends (the head's end when no word after it belongs to it)
    named: bool  # words after the head belong to the name
    run: tuple[str, ...]  # lower-case words right after the head, when not part of a name
    run_end: int  # where those words end
    demonstrative: bool  # "… itu/ini/tersebut" closes the phrase: an anaphor


def _extent(ctx: Context, pos: int, limit: int) -> _Extent:
    """Where a meeting name whose head ends at ``pos`` runs to.

    The name stops at " di ", " yang ", a date, a weekday, a lower-case verb, a comma
    not followed by a capitalized word, or a comma before a place; lower-case words
    right after the head ("kelompok kerja") belong to it only when capitalized words
    follow them.
    """
    text = ctx.text
    tokens = list(_TOKEN.finditer(text, pos, limit))
    words = [t.group() for t in tokens]
    i = 0
    while i < len(words):  # lower-case words right after the head: "kelompok kerja", "lanjutan"
        low = words[i].lower()
        nxt = words[i + 1].lower() if i + 1 < len(words) else ""
        if low in _DEMONSTRATIVE or (low in _TIME_NOUNS and nxt in _DEMONSTRATIVE):  # "rakor kali ini"
            return _Extent(pos, False, tuple(words[:i]), tokens[i - 1].end() if i else pos, True)
        count = i == 0 and words[i].isdigit() and i + 1 < len(words) and words[i + 1][:1].islower()
        if not ((words[i][:1].islower() or count) and low not in _STOP and low not in _RUN_STOP
                and not _verbish(low) and i < 3):
            break  # "orientasi secara daring": how it was held, not its name
        i += 1
    run, run_end = tuple(words[:i]), tokens[i - 1].end() if i else pos
    end, named, pending, after_head = pos, False, [], 0
    for j in range(i, len(words)):
        w, low = words[j], words[j].lower()
        nxt = words[j + 1] if j + 1 < len(words) else ""
        if w.startswith("("):
            if re.search(r"\d/\d", w) or (pending and pending[-1] in ",;"):
                break
        elif w in ",;":
            pending.append(w)
            continue
        elif low in _WEEKDAY_WORDS or low.rstrip(".") in _MONTH_WORDS:
            break
        elif _YEAR.fullmatch(w):
            if pending and pending[-1].lower() != "tahun":
                break
        elif (w[:1].isupper() or low.startswith("se-") or re.fullmatch(r"ke-?\d+", low)
              or (w.isdigit() and (nxt[:1].isupper() or pending[-1:] == ["ke"]))):  # "pencanangan 6 Kampung KB"
            if pending and pending[-1] in ",;" and (_place_starts(ctx, tokens[j].start())
                                                    or _person_starts(ctx, tokens[j].start())):
                break  # "Sosialisasi X, Anggota Komisi IX …": a person (or a post) after a comma
        elif low in _CONNECT or (low == "tahun" and _YEAR.fullmatch(nxt)) or _ORDINAL_NUMBER.fullmatch(
                f"{low} {nxt}") or (
                low in _CO_HOSTS and nxt[:1].isupper() and j + 1 < len(tokens)
                and _nobody(ctx, tokens[j + 1].start(), limit)):
            pending.append(w)  # "… Bangga Kencana bersama Mitra Kerja": no one it was held with
            continue
        elif (w[:1].islower() and low not in _STOP and not _verbish(low) and "," not in pending
              and ";" not in pending and sum(p[:1].islower() for p in pending) < _LOWER_IN_NAME):
            pending.append(w)  # "Rakerda program Pembangunan Keluarga …": lower-case words
            continue           # inside a name, kept when a capitalized word follows them
        else:
            break
        end, named, pending = tokens[j].end(), True, []
        after_head += 1
    if not named:
        return _Extent(pos, False, run, run_end, False)
    tail = _TOKEN.match(text, _skip(text, end, limit), limit) if end < limit else None
    if tail and tail.group().lower() in _DEMONSTRATIVE and after_head <= 2 and len(run) <= 1:
        # "pertemuan Pokja ini", "Pengukuhan kampung KB itu"
        return _Extent(pos, False, tuple(words[:i + after_head]), end, True)
    while end > pos and text[end - 1] in "\"”’'":  # "kegiatan “Sosialisasi … Kencana” di …"
        end -= 1
    level = _LEVEL.match(text, end, limit)
    if level:  # "peringatan Harganas ke-32 tingkat kabupaten": the level is part of the name
        end = level.end()
    topic = _TOPIC.match(text, end, limit)
    if topic and not any(_verbish(w.lower()) or w.lower() in _STOP for w in topic.group("words").split()):
        end = topic.end()  # "Rapat Koordinasi (Rakor) terkait persiapan launching …": what it was about
    opened = _unclosed_bracket(text, pos, end)
    if opened is not None:  # "… Regional II (Provinsi Lampung, Sumatera Selatan, …)": not inside it
        end = pos + len(text[pos:opened].rstrip())
    return _Extent(end, True, (), pos, False) if end > pos else _Extent(pos, False, run, run_end, False)


def _unclosed_bracket(text: str, start: int, end: int) -> int | None:
    """Where the last "(" left open in [start, end) is, if one is."""
    opened: list[int] = []
    for i in range(start, end):
        if text[i] == "(":
            opened.append(i)
        elif text[i] == ")" and opened:
            opened.pop()
    return opened[-1] if opened else None


def _verbish(word: str) -> bool:
    """A verb by its prefix ("diselenggarakan", "membahas"), not an adjective of names
    ("berkualitas", "berencana")."""
    return _VERBISH.match(word) is not None and word not in _NAME_ADJECTIVES


def _skip(text: str, i: int, limit: int) -> int:
    while i < limit and text[i].isspace():
        i += 1
    return i


def _place_starts(ctx: Context, pos: int) -> bool:
    return any(f.start == pos and f.key.startswith("place/") for f in ctx.found)


def _person_starts(ctx: Context, pos: int) -> bool:
    """A post title ("Anggota Komisi IX …", "Asisten II", "PJ Kepala …") or a person's name starts at ``pos``."""
    acting = _ACTING.match(ctx.text, pos)  # "…, PJ Kepala Kampung X": a post held ad interim
    return _POST_TITLE.match(ctx.text, acting.end() if acting else pos) is not None or any(
        f.start == pos and f.key.startswith("person/") for f in ctx.found)


def _launch_object_end(text: str, pos: int, limit: int) -> int:
    """Where a launch's object ends; "Kec." and the like, a word cut short, go on."""
    while (m := _LAUNCH_OBJECT_END.search(text, pos, limit)) and m.group() == "." and \
            _ABBREVIATED_WORD.search(text, max(0, m.start() - 12), m.end()):
        pos = m.end()
    return m.start() if m else limit


def _launched_into(ctx: Context, start: int, end: int) -> tuple[str, str] | None:
    """"mencanangkan Desa X Kecamatan Y sebagai Kampung KB …", "resmikan Desa X Kec. Y jadi
    Kampung Keluarga Berencana (KB)": the place (its first name, not the ones it lies in) and
    what it was made, as (place, what) — ("Desa X", "Kampung KB"); None for another object."""
    text = ctx.text
    start += len(text[start:end]) - len(text[start:end].lstrip())
    place = max((f for f in ctx.found if f.start == start and f.key.startswith("place/")),
                key=lambda f: f.end, default=None)
    if place is None:
        return None
    into = _INTO.match(text, place.end, end)
    target = into and _CAP_PHRASE.match(text, into.end(), end)
    if not target:
        return None
    return text[place.start:place.end], _abbreviated(target.group().rstrip("."))


# ---------------------------------------------------------------------------
# One meeting per meeting
# ---------------------------------------------------------------------------

def _assign(mentions: list[_Mention]) -> list[_Meeting]:
    """Mentions to meetings: a new name opens a meeting unless it names one already open;
    short forms and anaphors point at the latest open meeting they fit (never at a
    followed-up or a future one)."""
    meetings: list[_Meeting] = []
    for m in mentions:
        if m.goes_on and (before := next((x for x in reversed(meetings) if _current(x)), None)):
            m.kind, m.meeting = "anaphor", before
        elif m.kind == "name" and m.points_back and (before := _named_before(meetings, m)):
            m.kind, m.meeting = "anaphor", before  # "temu kader X … kegiatan pertemuan X se-Kecamatan Y ini"
            if before.name[:1].islower() and m.text[:1].isupper():  # "… Acara bertajuk Sosialisasi X": its name
                m.kind, before.name = "name", m.text
                before.names.append(m)
        elif m.kind == "name":
            m.meeting = _meeting_for_name(meetings, m)
        elif m.kind == "launch":
            cur = next((x for x in reversed(meetings) if _current(x) and x.cls == KB.Launch), None)
            if cur is None:
                cur = _Meeting(KB.Launch, None, False, True, launch_noun=m.head)
                meetings.append(cur)
            if cur.launch_object is None:
                cur.launch_object, cur.launch_target = m.text, m.target
            m.meeting = cur
        else:
            m.meeting = next((x for x in reversed(meetings) if _current(x) and _refers(m, x)), None)
            if m.meeting and m.kind == "short":
                m.meeting.names.append(m)
            elif m.meeting is None and m.as_name and not m.future and not any(
                    _current(x) and _same_head(m, x) for x in meetings):
                # "Pencanangan Kampung KB tersebut …" with no launch named before: a name
                m.kind, m.modifiers, (m.end, m.text) = "name", (), m.as_name
                m.meeting = _meeting_for_name(meetings, m)
            elif m.meeting is None and m.head in _ANAPHORS and m.text[:1].isupper():
                # "Kegiatan kali ini berlangsung di …" before any meeting is named: the one
                # the article names next ("Pelaksanaan sosialisasi …"), if it names one
                m.meeting = _Meeting(KB.Meeting, None, False, True, placeholder=True)
                meetings.append(m.meeting)
    return meetings


_OWN_ABBREVIATION = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)")


def _own_abbreviations(ctx: Context, by_sentence: list[list[_Mention]], meetings: list[_Meeting],
                       covered: list[tuple[int, int]]) -> None:
    """"Rapat Dengar Pendapat (RDP) … RDP yang dipimpin oleh X": the initials a meeting's name
    gives itself in brackets, spelling its words from the first, stand for that meeting where
    they stand alone later on (an abbreviation of a body inside the name, "Rakor Tim
    Percepatan Penurunan Stunting (TPPS)", spells no name's opening words and stays the body's)."""
    own: dict[str, _Meeting | None] = {}  # None: two meetings give themselves the same initials
    for x in meetings:
        if not x.names or x.target or x.future:
            continue
        first = x.names[0]
        a = _OWN_ABBREVIATION.search(first.text)
        if a is None or a.group(1).lower() in _ABBREVS:
            continue
        words = re.findall(r"[\w-]+", first.text[:a.start()])
        abbr = a.group(1)
        if len(words) == len(abbr) and "".join(w[0] for w in words).upper() == abbr.upper():
            own[abbr] = x if own.get(abbr, x) is x else None
    mine = {a: x for a, x in own.items() if x is not None}
    if not mine:
        return
    text = ctx.text
    word = re.compile(rf"(?<![\w(/-])(?:{'|'.join(map(re.escape, sorted(mine, key=len, reverse=True)))})(?![\w)/-])")
    for (s, e), mentions in zip(ctx.sentences, by_sentence):
        for w in word.finditer(text, s, e):
            x = mine[w.group()]
            if w.start() <= x.names[0].start or any(a <= w.start() < b for a, b in covered) or any(
                    m.start <= w.start() < max(m.end, m.start + 1) for m in mentions):
                continue
            m = _Mention(w.start(), w.end(), "short", w.group().lower(), w.group(), meeting=x)
            x.names.append(m)
            mentions.append(m)
        mentions.sort(key=lambda m: m.start)


def _same_head(m: _Mention, x: _Meeting) -> bool:
    """Meeting ``x`` is of the kind ``m`` names ("Kunjungan Irtama BKKBN ini" after
    "kunjungan kerja di …": the same visit, written another way)."""
    cls = meeting_class(m.head)
    return (cls != KB.Meeting and cls == x.cls) or set(m.head.split()) <= _words(x.name or "")


def _current(x: _Meeting) -> bool:
    return not x.target and not x.future


def _named_before(meetings: list[_Meeting], m: _Mention) -> _Meeting | None:
    """The meeting a name closed by a demonstrative points at: the latest one held and named
    before, of its kind (or of the general kind), unless the name is that of another one; one
    named only by its kind or by its launch takes the name instead (``_meeting_for_name``)."""
    if any(x.name and _same_name(x.name, m.text) for x in meetings):
        return None
    cls = meeting_class(m.text)
    return next((x for x in reversed(meetings) if _current(x) and not x.placeholder and x.name and not x.generic
                 and (x.cls == cls or KB.Meeting in (x.cls, cls))), None)


def _meeting_for_name(meetings: list[_Meeting], m: _Mention) -> _Meeting:
    cls = meeting_class(m.text)
    generic = m.text.lower() == m.head
    pool = [x for x in meetings if x.target == m.follow and (x.target or x.future == m.future)]
    for x in reversed(pool):
        if x.placeholder and generic:  # "… Pelaksanaan sosialisasi …": the kind it was of
            x.name, x.cls, x.generic, x.placeholder = m.text, cls, generic, False
            (x.generic_names if generic else x.names).append(m)
            return x
        same = x.name is not None and _same_name(x.name, m.text)
        upgrade = (x.generic and not generic and not x.placeholder and (x.cls == cls or KB.Meeting in (x.cls, cls))
                   and _same_kind(x, m.text, cls))
        if same or upgrade or (generic and _refers(m, x)):
            if upgrade:
                x.name, x.generic = m.text, False
                x.cls = cls if cls != KB.Meeting else x.cls
            (x.generic_names if generic else x.names).append(m)
            return x
    described = _described_before(pool, m, cls, generic)
    if described is not None:  # "menggelar pelatihan tatap muka bagi … saat membuka Pelatihan Teknis X"
        described.name = m.text
        described.names.append(m)
        return described
    spelled = _spelled_out(pool, m)
    if spelled is not None:  # "Rakorda program KKBPK" after "Rapat Koordinasi Daerah Program Kegiatan …"
        spelled.names.append(m)
        return spelled
    new = _Meeting(cls, m.text, m.follow, generic, m.future and not m.follow, habit=m.habit)
    (new.generic_names if generic else new.names).append(m)
    meetings.append(new)
    return new


def _described_before(pool: list[_Meeting], m: _Mention, cls: URIRef, generic: bool) -> _Meeting | None:
    """The one meeting of a specific kind (a training, a socialization, …) first described in
    lower case ("pelatihan tatap muka bagi para kader …"), when a capitalized name of that kind
    comes later: its name ("Pelatihan Teknis Pendataan Keluarga Tahun 2021")."""
    if generic or cls == KB.Meeting or not m.text[:1].isupper() or m.follow or m.future:
        return None
    of_kind = [x for x in pool if x.cls == cls and (x.name or x.launch_object)]
    if len(of_kind) != 1:
        return None
    x = of_kind[0]
    return x if _current(x) and not x.generic and not x.placeholder and x.name and x.name[:1].islower() else None


def _spelled_out(pool: list[_Meeting], m: _Mention) -> _Meeting | None:
    """The one meeting of the pool whose name spells out the abbreviation a name opens with
    ("Rakorda …" and "Rapat Koordinasi Daerah …"), when no other meeting is of its kind."""
    if m.head not in _ABBREVS or not m.text.lower().startswith(m.head):
        return None
    cls, expansion = _ABBREVS[m.head]
    spelled = [x for x in pool if x.name and " ".join(x.name.lower().split()).startswith(expansion)]
    same_kind = [x for x in pool if x.cls == _CLASS[cls]]
    return spelled[0] if len(spelled) == 1 and same_kind == spelled else None


def _same_kind(x: _Meeting, name: str, cls: URIRef) -> bool:
    """Can a generic meeting take ``name``? A "rapat" or a launch can; a "kunjungan kerja"
    does not become an "audiensi …"."""
    if x.name is None or x.name.lower() in _GENERIC or (x.cls == cls != KB.Meeting):
        return True
    return _words(x.name) <= _words(name)


def _words(name: str) -> set[str]:
    words = set()
    for w in re.findall(r"[\w-]+", name.lower()):
        words.add("pencanangan" if w in _LAUNCH_HEADS else w)  # one launch, whatever its verb
        if w in _ABBREVS:
            words.update(_ABBREVS[w][1].split())
    return words - _NAME_FILLERS


def _same_name(a: str, b: str) -> bool:
    """One name's words are all in the other's, an abbreviation standing for the words whose
    initials it spells ("Rakor TP PKK" and "Rapat Koordinasi (Rakor) Tim Penggerak PKK …")."""
    wa, wb = _words(a), _words(b)
    return wa <= wb | _initials(b) or wb <= wa | _initials(a)


def _initials(name: str) -> set[str]:
    """The initials of every run of two to five capitalized words of a name, in lower case."""
    words = re.findall(r"[\w-]+", name)
    out = set()
    for i in range(len(words)):
        for n in range(2, 6):
            run = words[i:i + n]
            if len(run) == n and all(w[:1].isupper() for w in run):
                out.add("".join(w[0] for w in run).lower())
    return out


def _refers(m: _Mention, x: _Meeting) -> bool:
    """Can a short form or anaphor point at meeting ``x``?"""
    name = _label(x) if x.name is None and x.launch_object else (x.name or "")
    name_words = _words(name) | {w.lower() for w in name.split()}
    if any(mod.strip("()").lower() not in name_words | _MAIN_PART | _ORDINAL for mod in m.modifiers):
        return False  # "Rakor TPPS" is no "Rakor Kampung KB"; "Acara utama", "Rakor pertama": the one named
    if m.head in _GENERIC:
        return True
    if m.head in _ABBREVS:
        cls, expansion = _ABBREVS[m.head]
        return m.head in name_words or set(expansion.split()) <= name_words or \
            (x.name is None and _CLASS[cls] == x.cls)
    cls = _CLASS[_ALL_HEADS[m.head][0]]
    if cls == KB.Meeting:  # the general class: an "audiensi" is no "kunjungan kerja"
        return set(m.head.split()) <= name_words
    return cls == x.cls


# ---------------------------------------------------------------------------
# Reading one sentence
# ---------------------------------------------------------------------------

def _read_sentence(ctx: Context, s: int, e: int, mentions: list[_Mention], meetings: list[_Meeting],
                   prev: int | None) -> None:
    text = ctx.text
    head = dateline_end(text, s)
    main = _main(meetings)
    if main is not None:
        _committee_chair(ctx, head, e, main)
    if not mentions:
        return
    first = mentions[0]
    _before_first(ctx, head, first, prev)
    for c in _COUNT_OF.finditer(text, head, e):  # "Peserta rakor berjumlah 150 orang"
        near = next((m for m in reversed(mentions) if m.start <= c.start()), first)
        if near.meeting is not None and (n := parse_number(c.group("n"))):
            near.meeting.counts.append((-3, c.start(), n, c.start()))
    for i, m in enumerate(mentions):
        seg_end = mentions[i + 1].start if i + 1 < len(mentions) else e
        if m.meeting is None:
            continue
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        said_end = text.find(m.text, m.end) + len(m.text) if m.kind == "launch" else m.end
        if (nxt is not None and nxt.meeting is not None and nxt.meeting is not m.meeting
                and m.kind in ("name", "launch") and nxt.kind == "name" and not (m.follow or nxt.follow)
                and _JOINT.fullmatch(text, said_end, nxt.start)):
            nxt.meeting.joint.append(m.meeting)  # "Rapat A, sekaligus Rapat B di …", "kukuhkan TPPS serta Rakor …"
        if m.follow and m.meeting.target:
            source = next((x.meeting for x in reversed(mentions[:i]) if x.meeting and _current(x.meeting)),
                          None) or _main(meetings)
            if source is not None and source is not m.meeting:
                source.follows.append((m.meeting, m.start))
        if m.kind == "launch" and _LAUNCHED_AS.match(text, m.start):
            _passive_launch(ctx, m, mentions[i - 1].end if i else head, seg_end)
        if i and m.kind == "name":
            _opened_after(ctx, mentions[i - 1].end, m)
        _read_segment(ctx, m, seg_end)


def _opened_after(ctx: Context, start: int, m: _Mention) -> None:
    """'"… menggelar pelatihan …," kata Kepala X, Y saat membuka Pelatihan Teknis …': a name
    later in a sentence, right after an opening verb, was opened by the last person before
    the verb and after the mention before it."""
    people = persons_in(ctx, start, m.start)
    if people and _OPENS.search(ctx.text, people[-1].end, m.start):
        m.meeting.openers.append((people[-1].key, people[-1].start))


def _passive_launch(ctx: Context, m: _Mention, start: int, end: int) -> None:
    """"Gampong X, Kecamatan Y, dicanangkan sebagai Kampung KB … oleh Z": launched at the
    village or district before the verb (from ``start``), by the person after "oleh"."""
    x = m.meeting
    first = next((f for f in places_in(ctx, start, m.start) if _PLACE_RANK.get(f.cls, 3) in (1, 2)), None)
    if first is not None:
        x.places.append((_PLACE_RANK.get(first.cls, 3), first.start, first.key, ctx.sentence_of(m.start)))
        x.launched_at.add(first.start)
    by = _BY.search(ctx.text, m.end, end)
    people = persons_in(ctx, by.end(), min(end, by.end() + 160)) if by else []
    if people:
        x.openers.append((people[0].key, by.start()))


def _main(meetings: list[_Meeting]) -> _Meeting | None:
    return next((x for x in meetings if _current(x)), None)


def _before_first(ctx: Context, head: int, m: _Mention, prev: int | None) -> None:
    """What the words before a sentence's first meeting mention say about it.

    "ORG (bersama ORG) menggelar X", "ORG … dalam X", "Hal itu dibahas dalam X" (the
    organization opening the sentence before), "Sebanyak 30 finalis mengikuti X",
    "Kepala … X saat membuka kegiatan itu".
    """
    text = ctx.text
    x = m.meeting
    if x is None:
        return
    before = text[head:m.start]
    people = persons_in(ctx, head, m.start)
    verb = _ORGANIZE.search(before) if m.kind == "name" else None
    if m.kind == "launch" and _LAUNCHED_AS.match(text, m.start):
        pass  # read with its segment (_passive_launch)
    elif m.kind == "launch":  # "Bupati X mencanangkan …" / "ORG bersama ORG mencanangkan …"
        people = persons_in(ctx, _subject_start(text, head, m.start), m.start)
        if people and _ACCOMPANIED.search(text, people[0].end, m.start):
            x.openers.append((people[0].key, people[0].start))  # "X didampingi Y … mencanangkan"
        elif people:
            x.openers.append((people[-1].key, people[-1].start))
        else:
            x.organizers.extend((o.key, o.start) for o in _organizers(ctx, head, m.start))
            if not x.organizers and (gov := _government_of_subject(ctx, head, m.start)):
                x.organizers.append(gov)  # "Kabupaten Gowa melaunching …": its government
    elif verb is not None:
        if not people:
            x.organizers.extend((o.key, o.start) for o in _organizers(ctx, head, head + verb.start()))
        else:  # "anggota Komisi IX DPR-RI …, X menggelar …": a member holds it for the committee;
            # "Inspektur Utama BKKBN X melakukan kunjungan kerja …": an official, for the body of the post
            x.organizers.extend((o.key, o.start) for o in _organizers(ctx, head, people[0].start)[:1]
                                if (o.cls == KB.Division and _MEMBER_OF.search(text, head, o.start))
                                or _official_of(ctx, head, o, people[0], head + verb.start()))
    elif m.kind == "name" and not people and (subject := _organizers(ctx, head, m.start)) and (
            subject[0].start == _past_dateline(ctx, head, m.start)
            and _SUBJECT_ONLY.fullmatch(text, subject[0].end, m.start)):
        x.organizers.append((subject[0].key, subject[0].start))
    elif m.kind == "name" and _HOST.search(before) and not people:
        hosts = _organizers(ctx, head, m.start)
        if not hosts and prev is not None and _ANAPHORIC_SUBJECT.match(before):
            p_head = dateline_end(text, prev)
            hosts = [o for o in _organizers(ctx, p_head, m.start) if o.start == p_head][:1]
        x.organizers.extend((o.key, o.start) for o in hosts)
    if _PLACE_FIRST.match(before):
        _read_places(ctx, x, head, m.start, ctx.sentence_of(m.start))
    if x.organizers and _AGAIN.search(before):
        x.again = True  # "ORG kembali mengumpulkan … dalam Rapat … Lanjutan"
    c = _ATTENDS.search(before) or _ATTENDS_LONG.search(before)
    if c and (n := parse_number(c.group("n"))):
        weight = meeting_cues("attend")[c.group("verb").lower()]
        x.counts.append((-weight, head + c.start(), n, head + c.start()))
    if _OPENS.search(before) and people:
        x.openers.append((people[-1].key, people[-1].start))
    elif (chairs := _CHAIRS.search(before)) and people and people[-1].end <= head + chairs.start():
        x.chairs.append((0, people[-1].start, people[-1].key, people[-1].start))  # "Wagub X memimpin Rapat …"
    opening = next(iter(dates_in(ctx, head, m.start)), None)
    if (opening is not None and not text[head:opening.start].strip() and opening.kind in ("range", "day")
            and not _said_date(text, opening)):  # "Selasa, (05/03/2024) X melakukan audiensi …"
        x.dates.append((3 + {"range": 0, "day": 1}[opening.kind], opening.start, opening))
    elif m.kind == "launch" and (last := next(reversed(dates_in(ctx, head, m.start)), None)) and (
            last.kind in ("range", "day", "weekday") and not text[last.end:m.start].strip(" ,")):
        x.dates.append((3 + {"range": 0, "day": 1, "weekday": 2}[last.kind], last.start, last))
        # "ORG, Kamis (07/06) mencanangkan …": the day between the subject and the launch
    elif m.kind == "name" and ((kind_noun := _KIND_NOUN.search(before) is not None) or verb is not None):
        # "X, Rabu (5/10), pada kegiatan Y"; "ORG Rabu (26/2) pagi menggelar Y": the day between
        # the organizer and its verb; "ORG, AS, 22-24 Agustus 2017, menggelar Y": set off by commas
        for d in dates_in(ctx, head, m.start if kind_noun else head + verb.start()):
            if not kind_noun and not (_DAY_BEFORE_VERB.fullmatch(text, d.end, head + verb.start()) and (any(
                    not text[o.end:d.start].strip(" ,") for o in _organizers(ctx, head, d.start))
                    or (text[head:d.start].rstrip().endswith(",") and text[d.end:head + verb.start()].strip() == ","))):
                continue
            if d.kind in ("range", "day", "weekday") and not _said_date(text, d):
                x.dates.append((3 + {"range": 0, "day": 1, "weekday": 2}[d.kind], d.start, d))


def _official_of(ctx: Context, head: int, org: Found, person: Found, verb: int) -> bool:
    """The sentence opens with a post in ``org`` (not a membership) right before ``person``,
    who is the subject of the verb at ``verb`` ("Kepala Perwakilan BKKBN Provinsi X, Budi, menggelar …")."""
    text = ctx.text
    return (_POST_TITLE.match(text, _past_dateline(ctx, head, org.start)) is not None
            and not _MEMBER_OF.search(text, head, org.start)  # "Anggota Partai X, Y": a member only
            and not text[org.end:person.start].strip(" ,")
            and not text[person.end:verb].strip(" ,")
            and len(persons_in(ctx, head, verb)) == 1)


def _nobody(ctx: Context, pos: int, limit: int) -> bool:
    """The capitalized words from ``pos`` name no person or organization another pass found."""
    phrase = _CAP_PHRASE.match(ctx.text, pos, limit)
    return phrase is not None and not any(
        f.start < phrase.end() and pos < f.end and f.key.startswith(("org/", "person/")) for f in ctx.found)


def _found_at(ctx: Context, pos: int) -> bool:
    return any(f.start == pos for f in ctx.found)


def _past_dateline(ctx: Context, head: int, end: int) -> int:
    """Where a sentence's subject starts: after a dateline the cleaner left ("SUKABUMI,
    PASUNDANNEWS BKKBN terus …"), a place and an outlet in capitals, each its own entity."""
    pos, outlet = head, False
    while True:
        f = next((f for f in ctx.found_in(pos, end) if f.start == pos and f.text.isupper()
                  and (f.cls == KB.NewsPublisher or f.key.startswith("place/"))), None)
        stop = f.end if f is not None else None
        if f is None and pos > head and not outlet and not _found_at(ctx, pos):
            word = re.compile(r"[A-Z][A-Z0-9.]{4,}(?=\s)").match(ctx.text, pos, end)  # an outlet no pass knew
            stop, outlet = (word.end(), True) if word else (None, outlet)
        if stop is None:
            return pos
        pos = re.compile(r"[\s,–—-]*").match(ctx.text, stop, end).end()


def _organizers(ctx: Context, start: int, end: int) -> list[Found]:
    return [o for o in orgs_in(ctx, start, end) if o.cls != KB.NewsPublisher]


def _committee_chair(ctx: Context, head: int, e: int, main: _Meeting) -> None:
    for c in _COMMITTEE.finditer(ctx.text, head, e):
        stop = SPEECH_VERB.search(ctx.text, c.end(), e)
        people = persons_in(ctx, c.end(), stop.start() if stop else e)
        if people:
            main.chairs.append((1, people[0].start, people[0].key, c.start()))


def _read_segment(ctx: Context, m: _Mention, end: int) -> None:
    text = ctx.text
    x = m.meeting
    start = m.start
    after = m.end
    sent = ctx.sentence_of(start)
    if m.kind == "name":
        x.concerns.extend(_programs(ctx, m.start, m.end))
        orgs = [o for o in _organizers(ctx, m.start, m.end) if o.start > m.start]
        owner = [o for o in orgs if o.end == m.end] or [o for o in orgs[:1] if _OWNER_AFTER_HEAD.fullmatch(
            text, m.start, o.start)]  # "Rakerda BKKBN untuk …", "rapat koordinasi TPPS": the org right after the head
        if owner and not _NOT_OWNER.search(text, m.start, owner[0].start):
            x.named_by.append((owner[0].key, owner[0].start))
        x.years.extend(d for d in dates_in(ctx, m.start, m.end) if d.kind == "year")
        w = _CO_HOST.match(text[after:end])
        if w:
            x.organizers.extend((o.key, o.start) for o in _org_chain(ctx, after + w.end(), end))
    for p in _PASSIVE_ORG.finditer(text, after, end):
        x.organizers.extend((o.key, o.start) for o in _org_chain(ctx, p.end(), end))
        break
    if m.kind == "launch":  # "mencanangkan Desa X sebagai Kampung KB": launched there
        obj = _COUNT_FIRST.match(text, after, end).end()
        for f in places_in(ctx, obj, end):
            if f.start == obj and _PLACE_RANK.get(f.cls, 3) in (1, 2):
                x.places.append((_PLACE_RANK.get(f.cls, 3), f.start, f.key, sent))
                x.launched_at.add(f.start)
    _read_places(ctx, x, m.start if m.head in _VISITS and m.kind == "name" else after, end, sent)
    # "X, pada acara Y di Z, Rabu (23/3), mengatakan": said at the meeting, on its day
    at_event = m.kind == "name" and _KIND_NOUN.search(text, max(0, start - 40), start) is not None
    for d in dates_in(ctx, after, end):
        if _said_date(text, d) and not at_event:
            continue
        if d.kind in ("range", "day", "weekday"):
            prio = {"range": 0, "day": 1, "weekday": 2}[d.kind]
            if _CLOSED.search(text, max(after, d.start - 40), d.start):
                x.ends.append(d)
            else:
                x.dates.append((prio, d.start, d))
        elif d.kind == "year" and x.target:
            x.years.append(d)
    for c in (*_ATTENDED.finditer(text, after, end), *_BRINGS.finditer(text, after, end)):
        n = parse_number(c.group("n"))
        if n:
            weight = {**meeting_cues("attended_by"), **meeting_cues("brings_in")}[c.group("verb").lower()]
            x.counts.append((-weight, c.start(), n, c.start()))
    for c in _BRACKET_COUNT.finditer(text, after, end):
        if n := parse_number(c.group("n")):
            x.counts.append((-3, c.start("n"), n, c.start("n")))
    for c in _BARE_COUNT.finditer(text, after, end):
        n = parse_number(c.group("n"))
        if n:
            x.counts.append((1, c.start(), n, c.start()))
    for c in _DURATION.finditer(text, after, end):
        n = parse_number(c.group("n"))
        if n:
            x.duration.append((n, c.start()))
    for c in _CHAIR.finditer(text, after, end):
        people = persons_in(ctx, c.end(), end)
        if people:
            x.chairs.append((0, people[0].start, people[0].key, c.start()))
    for c in _OPENED.finditer(text, after, end):
        people = persons_in(ctx, c.end(), min(end, c.end() + 160))
        if people and (proxy := _BEHALF.match(text, people[0].end, end)):
            people = persons_in(ctx, proxy.end(), min(end, proxy.end() + 160)) or people
        if people:  # "dibuka Bupati X diwakili Staf Ahli Y": Y opened it
            x.openers.append((people[0].key, c.start()))
    if x.cls == KB.Launch:  # "Peresmian dilaksanakan langsung oleh Bupati X": who performed it
        for c in _PERFORMED.finditer(text, after, end):
            people = persons_in(ctx, c.end(), min(end, c.end() + 60))
            if people:
                x.openers.append((people[0].key, c.start()))
    for c in _SUPPORTS.finditer(text, after, end):  # "guna mendukung visi misi Pemprov …"
        x.supports.extend((f.key, f.start) for f in ctx.found_in(c.end(), end)
                          if f.key.startswith("framework/"))
        agenda = _AGENDA.match(text, c.end(), end)
        x.supports.extend((o.key, o.start) for o in _organizers(ctx, agenda.end(), end)
                          if o.start == agenda.end())
    for c in _PURPOSE.finditer(text, after, end):
        x.concerns.extend(_programs(ctx, c.end(), end))
        break


def _programs(ctx: Context, start: int, end: int) -> list[tuple[str, int]]:
    return [(f.key, f.start) for f in ctx.found_in(start, end) if f.key.startswith("program/")]


def _org_chain(ctx: Context, pos: int, end: int) -> list[Found]:
    """Organizations listed from ``pos``: 'X bersama Y', 'X dan Y', 'X, Y'."""
    out = []
    for o in _organizers(ctx, pos, end):
        if o.start != pos:
            break
        out.append(o)
        w = _WITH_ORG.match(ctx.text, o.end)
        if not w:
            break
        pos = w.end()
    return out


def _said_date(text: str, d: DateMention) -> bool:
    """'… di Pontianak, Selasa mengatakan': the day a statement was made, not the meeting's."""
    tail = text[d.end:d.end + 40]
    v = SPEECH_VERB.search(tail)
    return bool(v) and re.fullmatch(r"[\s,]*(?:\w+\s+){0,1}", tail[:v.start()]) is not None


def _read_places(ctx: Context, x: _Meeting, start: int, end: int, sent: int) -> None:
    """Where the meeting was held, from the "di …" of [start, end); "di" right at ``start``
    (after the meeting's name), or after a held verb, is where it was held."""
    text = ctx.text
    visit = x.name is not None and bool(_words(x.name) & _VISITS)
    for d in _DI.finditer(text, start, end):
        if _SCOPE.search(text, max(start, d.start() - 30), d.start()) or \
                _EARLIER.search(text, max(start, d.start() - 30), d.start()) or \
                _ALL_OF.search(text, max(start, d.start() - 30), d.start()):
            continue  # "Kampung KB pertama di Kabupaten Serang", "seluruh kelurahan di X": a scope;
            # "setelah sebelumnya di X": an earlier one
        if not visit and _VISIT_VERB.search(text, start, d.start()):
            continue  # "… peserta berkunjung ke Kampung KB X": where a part of it went
        held = _HELD_BEFORE.search(text, max(start, d.start() - 40), d.start()) is not None or \
            _PLACE_FIRST_WORD.match(d.group()) is not None or not text[start:d.start()].strip()
        # "di ruang Vlissingen Balai Kota Ambon": a venue the entity pass read from a word
        # "di" passed over
        room = next((f for f in places_in(ctx, d.start() + 1, end) if f.start < d.end()
                     and _PLACE_RANK.get(f.cls, 3) == 0), None)
        at = room.start if room is not None else d.end()
        known = any(f.start == at for f in places_in(ctx, at, end))
        chain = _place_chain(ctx, at, end, held=held)
        if not chain or chain[0][1] > 0 or not known:  # "di pendopo Ronggo Djoemeno", "di ruang
            named = _lower_venue(ctx, d.start(), d.end(), end)  # X Balai Kota": the venue word in lower case
            if named:
                after = re.compile(r"[\s,]*").match(text, named[3], end).end()
                inside = [(f.key, _PLACE_RANK.get(f.cls, 3), f.start, f.end) for f in ctx.found_in(named[2] + 1, named[3])
                          if f.key.startswith("place/") and _PLACE_RANK.get(f.cls, 3) >= 3]
                # "Balai Kota Ambon": the town the venue is named after
                chain = [named, *inside[-1:], *_place_chain(ctx, after, end)]
        _venue_in(ctx, chain)
        for key, rank, pos, _stop in chain:  # where each place lies is the entity pass's
            x.places.append((rank, pos, key, sent))  # fact (places.chains, facts.py)
    for o in _ONE_OF_VENUES.finditer(text, start, end):
        town = next((f for f in places_in(ctx, o.end(), end) if f.start == o.end()), None)
        if town is not None and not any(k == town.key for _r, _p, k, _s in x.places):
            x.places.append((_PLACE_RANK.get(town.cls, 3), town.start, town.key, sent))


def _venue_in(ctx: Context, chain: list[tuple[str, int, int, int]]) -> None:
    """'Aula Gedung PGRI, Kecamatan Selaawi': a venue nothing else places lies in the place
    written right after it."""
    if len(chain) < 2 or chain[0][1] != 0 or chain[1][1] == 0:
        return
    venue, nxt = chain[0][0], chain[1]
    if any(f.subject == venue and f.predicate == SCHEMA.containedInPlace for f in ctx.facts):
        return
    ctx.facts.append(Fact(venue, SCHEMA.containedInPlace, EntityRef(nxt[0]), evidence_span(ctx, nxt[2])))


def _lower_venue(ctx: Context, di: int, pos: int, end: int) -> tuple[str, int, int, int] | None:
    """'di pendopo Ronggo Djoemeno' / 'di balai desa Bekutuk': venue words written in lower
    case, then the capitalized name (up to a place the entity pass knows): a venue."""
    text = ctx.text
    skipped = re.search(r"\bdi\s+(.*)$", text[di:pos], re.DOTALL)
    words = skipped.group(1).split() if skipped else []
    m = _LOWER_THEN_NAME.match(text, pos, end)  # "desa Bekutuk": one more lower-case word
    if not words or not all(w.islower() and w in _VENUE_WORDS for w in words) or m is None:
        return None
    name_start = m.end()
    phrase_end = _name_end(ctx, name_start, end)
    if phrase_end is None:
        return None
    stop = min([f.start for f in places_in(ctx, name_start + 1, phrase_end)
                if not _AFTER_VENUE_WORD.search(text, name_start, f.start)
                and f.cls not in _REGIONS  # "kantor DPRD Kota Madiun": the body's region
                and not _in_org_name(ctx, name_start, f)] + [phrase_end])  # is in the name
    while stop == phrase_end and (more := _LOWER_VENUE_NEXT.match(text, stop, end)):  # "ruang Bulian kantor
        if (phrase_end := _name_end(ctx, more.end(), end)) is None:  # BKKBN Provinsi Jambi": the building
            break                                                      # the room is in, one venue
        stop = phrase_end
    while stop > name_start and text[stop - 1] in ".,":  # "… Kota Madiun." ends the sentence
        stop -= 1
    if all(w.lower() in _VENUE_WORDS for w in text[name_start:stop].split()):
        return None  # "di aula Balai pelatihan": venue words alone name no venue
    name = " ".join(w.capitalize() for w in (*words, *m.group(1).split())) + " " + text[name_start:stop].strip(" ,")
    start = di + skipped.start(1)
    return _venue(ctx, start, stop, label=name), 0, start, stop


def _in_org_name(ctx: Context, start: int, place: Found) -> bool:
    """The place ends the name of a body written from ``start`` on ("kantor BKKBN Provinsi Riau":
    the office's building, not the office and then the province)."""
    return any(o.start == start and o.end == place.end for o in orgs_in(ctx, start, place.end))


def _place_chain(ctx: Context, pos: int, end: int, held: bool = False) -> list[tuple[str, int, int, int]]:
    """'Hotel X, Makassar, Sulawesi Selatan' from ``pos``: (place key, rank, start, end) each.

    ``held``: the words before say the meeting was held there ("digelar di", "bertempat
    di"): a capitalized name without a venue word first on the chain is a venue too when a
    place the entity pass knows follows it after a comma ("digelar di GMAHK Pioneer, Kecamatan
    X"), or when "bertempat di" introduces it.
    """
    out = []
    floor = _FLOOR.match(ctx.text, pos, end)
    if floor and any(f.start == floor.end() for f in places_in(ctx, floor.end(), end)):
        pos = floor.end()  # "di Lantai 1 Kantor Bupati X": the venue the entity pass read after the floor
    while pos < end:
        f = next((f for f in places_in(ctx, pos, end) if f.start == pos), None)
        town = None if f is None or _PLACE_RANK.get(f.cls, 3) != 0 else next(
            (t for t in places_in(ctx, f.end, end) if _PLACE_RANK.get(t.cls, 3) == 3
             and not ctx.text[f.end:t.start].strip() and t.start > f.end
             and not _NOT_NAMED_WITH.match(t.text)), None)
        if town is not None:  # "Ogan Hall Baturaja": a venue written with its town is named so
            key = _venue(ctx, f.start, town.end)
            out += [(key, 0, f.start, town.end), (town.key, 3, town.start, town.end)]
            stop = town.end
        elif f is not None:
            out.append((f.key, _PLACE_RANK.get(f.cls, 3), f.start, f.end))
            stop = f.end
        else:
            m_end = _name_end(ctx, pos, end)
            if m_end is None:
                break
            # "Kampung KB Birjen Desa Bili-Bili …": the venue's name stops at a known place
            stop = min([f.start for f in places_in(ctx, pos + 1, m_end)
                        if _PLACE_RANK.get(f.cls, 3) in (1, 2)] + [m_end])  # a village, a district
            name = ctx.text[pos:stop].rstrip(" ,")
            if " ".join(name.lower().split()) in _VENUE_WORDS and stop < m_end:
                pos = stop  # "Kampung KB Desa Jeruk": a venue word alone names no venue;
                continue    # the village after it does
            town = _town_closing(ctx, pos, stop) if held and not out and not _VENUE_WORD.search(name) else None
            if town is not None:  # "berlangsung di Greenotel Kota Cilegon": a venue named with its town
                out += [(_venue(ctx, pos, town.end), 0, pos, town.end), (town.key, 3, town.start, town.end)]
                stop = town.end
            elif " ".join(name.lower().split()) in _VENUE_WORDS or not (
                    _VENUE_WORD.search(name) or (held and not out and _unnamed_venue(ctx, pos, stop, end))):
                break
            else:
                stop = pos + len(name)
                out.append((_venue(ctx, pos, stop), 0, pos, stop))
        w = _CHAIN_SEP.match(ctx.text, stop, end)
        if not w or (not w.group().strip() and not any(
                f.start == w.end() for f in places_in(ctx, w.end(), end))):
            break  # without a comma, only a place the entity pass knows goes on the chain
        pos = w.end()
    return out


def _name_end(ctx: Context, pos: int, end: int) -> int | None:
    """Where the capitalized name at ``pos`` ends: before a date written after it ("Balai
    Kota X Senin (27/10/2025)": the weekday and the date are not part of the name)."""
    m = _CAP_PHRASE.match(ctx.text, pos, end)
    if m is None:
        return None
    cut = [d.start for d in dates_in(ctx, pos + 1, end) if d.start < m.end()]
    cut += [w.start() for w in _CAP_WORD_RE.finditer(ctx.text, pos + 1, m.end()) if w.group().lower() in _WEEKDAY_WORDS]
    stop = min(cut, default=m.end())
    stop = pos + len(ctx.text[pos:stop].rstrip(" ,"))
    return stop if stop > pos else None


def _town_closing(ctx: Context, start: int, stop: int) -> Found | None:
    """The city or regency that closes the capitalized name [start, stop) when the words before
    it name nothing another pass found ("Greenotel Kota Cilegon", after a held verb)."""
    town = next((t for t in places_in(ctx, start + 1, stop) if t.end == stop and t.cls in (KB.City, KB.Regency)), None)
    if town is None or not ctx.text[start:town.start].strip() or any(
            f.start < town.start and start < f.end for f in ctx.found_in(start, town.start)):
        return None
    return town


def _unnamed_venue(ctx: Context, start: int, stop: int, end: int) -> bool:
    """A capitalized name no entity pass took, held at, followed by a known place or by
    the sentence's date (``_place_chain``)."""
    if any(f.start < stop and start < f.end for f in ctx.found_in(start, stop)):
        return False
    nxt = re.compile(r"\s*,\s*").match(ctx.text, stop, end)
    if nxt is None:
        return False
    word = re.compile(r"[\w']+").match(ctx.text, nxt.end(), end)
    return any(f.start == nxt.end() for f in places_in(ctx, nxt.end(), end)) or any(
        d.start == nxt.end() for d in dates_in(ctx, nxt.end(), end)) or (
        word is not None and word.group().lower() in _WEEKDAY_WORDS)


def _venue(ctx: Context, start: int, end: int, label: str | None = None) -> str:
    """A venue the entity pass did not know ("Hotel Claro Makassar"): a place of its own."""
    name = label or ctx.text[start:end]
    key = f"place/{slugify(name)}"
    if key not in ctx.entities:
        ctx.entities[key] = Entity(key=key, types=[KB.Venue, SCHEMA.Place], label=name)
    if not any(f.key == key and f.start == start for f in ctx.found):
        ctx.found.append(Found(key, KB.Venue, start, end, name, ctx.sentence_of(start)))
    return key


# ---------------------------------------------------------------------------
# Entities and facts
# ---------------------------------------------------------------------------

def _emit(ctx: Context, meetings: list[_Meeting]) -> None:
    for y in meetings:  # two meetings named as one event: what the text says of the
        for x in y.joint:  # later one holds for the earlier, where it says nothing else
            for slot in ("organizers", "places", "dates", "ends", "counts", "chairs", "openers"):
                if not getattr(x, slot):
                    getattr(x, slot).extend(getattr(y, slot))
    for x in meetings:  # "Sosialisasi KIE BKKBN": BKKBN's, unless the text names others
        if not x.organizers:
            x.organizers.extend(x.named_by[:1])
    for x in meetings:  # "ORG kembali menggelar …": the earlier meeting was theirs too
        if x.again:
            for y, _pos in x.follows:
                if not y.organizers:
                    y.organizers.extend(x.organizers)
    held = [x for x in meetings if (x.name is not None or x.launch_object is not None) and not x.future
            and not x.target and not (x.habit and not (x.dates or x.places))]
    _only_day(ctx, held)
    for x in meetings:
        if x.name is None and x.launch_object is None:
            continue
        if x.habit and not (x.dates or x.places):  # ongoing work, no one meeting of it
            continue
        if x.future:  # "rakorda yang akan dilaksanakan pada 26-27 Februari": a plan, no meeting yet
            continue
        _key(x, ctx)
    for x in meetings:
        if x.key:
            _facts(ctx, x)


def _only_day(ctx: Context, held: list[_Meeting]) -> None:
    """The one meeting an article reports, with no day of its own, was held on the one day the
    article gives ("…,” kata X, di Mataram, Rabu (23/3/2022): said there, that day)."""
    if len(held) != 1 or held[0].dates or held[0].ends:
        return
    days = [d for d in ctx.dates if d.kind == "day"]
    if days and len({d.first for d in days}) == 1:
        held[0].dates.append((5, days[0].start, days[0]))


def _label(x: _Meeting) -> str:
    if x.name is None:  # "pencanangan Kampung KB Desa X" for "mencanangkan Desa X sebagai Kampung KB"
        return " ".join(w for w in (x.launch_noun, x.launch_target, x.launch_object) if w)
    m = _LOWER_TAHUN.search(x.name)
    return x.name[:m.start()] + m.group(1) if m else x.name


def _key(x: _Meeting, ctx: Context) -> None:
    label = _label(x)
    start = _start_end(x)
    year = _year(x)
    suffix = start[0].isoformat() if start else (year if year and not label.endswith(year) else "")
    if x.generic or x.name is None:  # "rapat", "pencanangan …": not a name other articles share
        suffix = f"{suffix} {short_hash(ctx.article.id, n=8)}"
    x.key = "event/" + slugify(f"{label} {suffix}".strip())
    abbrev = next((a.group(1) for a in re.finditer(r"\(([^)]+)\)", x.name or "")
                   if a.group(1).lower() in _ABBREVS), None)
    types = [x.cls] if x.cls == KB.Meeting else [x.cls, KB.Meeting]
    ent = ctx.entities.get(x.key)
    if ent is None:
        short = _abbreviated(label)
        aliases = [short] if short != label else []
        if x.name is None and x.launch_target:  # "pencanangan Desa X", as the text says it
            aliases.append(f"{x.launch_noun} {x.launch_object}")
        ctx.entities[x.key] = Entity(key=x.key, types=types, label=label, name_as_written=x.name,
                                     abbreviation=abbrev, aliases=aliases)
    # a meeting named only by its kind ("mengadakan rapat koordinasi"): that is its name
    named = x.names + [m for m in x.generic_names if x.generic and m.text.lower() == (x.name or "").lower()]
    for m in named:
        if not any(f.key == x.key and f.start == m.start for f in ctx.found):
            ctx.found.append(Found(x.key, x.cls, m.start, m.end, ctx.text[m.start:m.end],
                                   ctx.sentence_of(m.start)))


_LONG_SHORT = re.compile(r"((?:\b[A-Z][\w-]*\s+){1,6})\(([A-Z][A-Za-z]{1,7})\)")


def _abbreviated(name: str) -> str:
    """'Kampung Keluarga Berencana (KB) Mandiri' → 'Kampung KB Mandiri': a long form the
    bracketed initials spell, written the short way (the name news also uses)."""
    def short(m: re.Match[str]) -> str:
        words, abbr = m.group(1).split(), m.group(2)
        for k in range(len(words)):
            if "".join(w[0] for w in words[k:]).upper() == abbr.upper():
                return " ".join(words[:k] + [abbr]) + " "
        return m.group()
    return " ".join(_LONG_SHORT.sub(short, name).split())


def _venue_in_its_town(ctx: Context, x: _Meeting, venue: str) -> None:
    """A venue nothing places, whose name holds no region, lies in the one city or regency the
    sentence first naming the meeting says it was held in ("kunjungan kerja di Kabupaten Belu
    … pertemuan di Kantor Bupati Belu")."""
    if KB.Venue not in ctx.entities[venue].types or not x.names or any(
            f.subject == venue and f.predicate == SCHEMA.containedInPlace for f in ctx.facts) or any(
            f.key != venue and f.cls in _REGION_CLASSES for v in ctx.found if v.key == venue
            for f in ctx.found_in(v.start, v.end)):
        return
    first = ctx.sentence_of(x.names[0].start)
    towns = sorted({(k, p) for _r, p, k, sent in x.places
                    if sent == first and {KB.City, KB.Regency} & set(ctx.entities[k].types)})
    if len({k for k, _p in towns}) == 1:
        ctx.facts.append(Fact(venue, SCHEMA.containedInPlace, EntityRef(towns[0][0]), evidence_span(ctx, towns[0][1])))


def _start_end(x: _Meeting):
    if not x.dates and x.ends and x.duration:  # "ditutup (8/11) setelah berlangsung selama 3 hari"
        e = x.ends[0]
        return e.first - dt.timedelta(days=x.duration[0][0] - 1), e.first, e
    if not x.dates:
        return None
    d = min(x.dates, key=lambda t: (t[0], t[1]))[2]
    last = d.last
    for e in x.ends:
        if e.first > last and d.first == d.last:
            last = e.first
    return d.first, last, d


def _year(x: _Meeting) -> str | None:
    return str(x.years[0].first.year) if x.years else None


def _facts(ctx: Context, x: _Meeting) -> None:
    add = ctx.facts.append

    def ev(pos: int):
        return evidence_span(ctx, pos)

    seen: set[str] = set()
    for key, pos in sorted(x.organizers, key=lambda t: t[1]):
        if key not in seen:
            seen.add(key)
            add(Fact(x.key, KB.organizedBy, EntityRef(key), ev(pos)))
    if x.places:
        _, pos, key, _ = min(x.places, key=lambda t: (t[0], t[1]))
        if pos in x.launched_at:  # "mencanangkan Desa X …": the name holding X says it best
            pos = next((f.start for m in x.names for f in places_in(ctx, m.start, m.end) if f.key == key), pos)
        add(Fact(x.key, SCHEMA.location, EntityRef(key), ev(pos)))
        _venue_in_its_town(ctx, x, key)
    elif x.names:
        inner = [f for m in x.names for f in places_in(ctx, m.start, m.end)]
        # "kunjungan kerja ke Kabupaten HSU": a visit is held in the town it went to
        most = 3 if x.name and _words(x.name) & _VISITS else 2
        inner = [f for f in inner if _PLACE_RANK.get(f.cls, 3) <= most and f.cls != SCHEMA.Place]
        if inner:
            f = min(inner, key=lambda f: (_PLACE_RANK.get(f.cls, 3), f.start))
            add(Fact(x.key, SCHEMA.location, EntityRef(f.key), ev(f.start)))
    span = _start_end(x)
    if span:
        first, last, d = span
        add(Fact(x.key, SCHEMA.startDate, first, ev(d.start)))
        days = x.duration[0][0] if x.duration else None
        if days is None or days == (last - first).days + 1:  # "selama dua hari", "Rabu (7/4)":
            add(Fact(x.key, SCHEMA.endDate, last, ev(d.start)))  # the end is not written
    elif (year := _year(x)) is not None:
        add(Fact(x.key, KB.year, year, ev(x.years[0].start), datatype=XSD.gYear))
    if x.duration:
        n, pos = x.duration[0]
        add(Fact(x.key, KB.durationDays, n, ev(pos)))
    if x.counts:
        _, _, n, pos = min(x.counts)
        add(Fact(x.key, KB.participantCount, n, ev(pos)))
    if x.chairs:
        _, _, key, pos = min(x.chairs)
        add(Fact(x.key, KB.chairedBy, EntityRef(key), ev(pos)))
    seen = set()
    for key, pos in x.openers:
        if key not in seen and not (x.chairs and key == min(x.chairs)[2]):
            seen.add(key)
            add(Fact(x.key, KB.openedBy, EntityRef(key), ev(pos)))
    seen = set()
    for key, pos in x.concerns:
        if key not in seen:
            seen.add(key)
            add(Fact(x.key, KB.concerns, EntityRef(key), ev(pos)))
    seen = set()
    for key, pos in sorted(x.supports, key=lambda t: t[1]):
        if key not in seen:
            seen.add(key)
            add(Fact(x.key, KB.supports, EntityRef(key), ev(pos)))
    for target, pos in x.follows:
        if target.key and target.key != x.key:
            add(Fact(x.key, KB.followsUp, EntityRef(target.key), ev(pos)))


@Language.component("kb_meetings")
def meetings_stage(doc: Doc) -> Doc:
    """Stage 12: meetings, one event each, with their slots (entities and facts); the
    observances (named days) the article names."""
    reg = of(doc)
    find_observances(reg.ctx)
    find_meetings(reg.ctx, reg)
    return doc
