"""Statements: direct quotes and reported speech, each attributed to a person.

One statement per quoted passage (a quote that runs over two paragraphs is one) and one
per reported-speech clause opened by a speech verb ("X mengatakan, …", "Ia menjelaskan
bahwa …"), by "Menurut dia/X, …", or by an inline attribution ("Untuk itu ujarnya, …").
The text is the words said, exactly as in the clean text. The speaker is a person named
in the clause; a pronoun (ia, dia, beliau, the -nya of katanya) is the last person named
outside anything already said; a standalone quote continues the previous speaker. An
organization never speaks here, and a statement with no person speaker is dropped.

The words come from the lexicon: ``speech_verbs.csv`` (role ``reported``: "mengatakan";
``attribution``: "kata", "ujar"; ``passive``: "disampaikan", read in "Hal itu
disampaikan X", "Dikatakannya, …", "Ditambahkan oleh X, bahwa …") and the speech kinds
of ``words.csv`` (``speech_that``, ``said_before``, ``nothing_said``, ``courtesy_said``,
``not_said_yet``, ``clause_join``, ``talk_noun``, ``read_by``, …; see its README).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kbgraph.ontology.lexicon import load_lexicon
from kbgraph.ontology.namespaces import ORG, slugify
from spacy.language import Language
from spacy.tokens import Doc

from ..model import Span, Statement
from .registry import Context, Found, of, orgs_in, persons_in
from .s11_dates import dates_in
from .text import (
    PRONOUN,
    SPEECH_VERB,
    attribution_verbs,
    dateline_end,
    speech_verbs,
    starting,
    words_re,
)

__all__ = ["Quote", "find_quotes", "find_statements"]

_LEX = load_lexicon()


def _words(kind: str, capitalised: bool = False) -> str:
    """The words of one kind of ``words.csv`` as a regex group (also with a capital first
    letter: a sentence may open with them)."""
    words = list(_LEX.word_list(kind))
    if capitalised:
        words += [w[:1].upper() + w[1:] for w in words]
    return words_re(words)


_PASSIVE = sorted(_LEX.speech_words("passive"))  # "dikatakan", "disampaikan", …
_THAT = _words("speech_that")  # "bahwa"
_BY_WORD = _words("speech_by")  # "oleh"
_ALSO = _words("speech_also")  # "juga"
_ACCORDING = _words("speech_according", capitalised=True)  # "Menurut"
_ATTR = words_re(attribution_verbs())
_ATTR_CAP = words_re([*attribution_verbs(), *(w.capitalize() for w in attribution_verbs())])
# '"…," katanya' / 'kata dia' / 'ujar Nurhayati' right after a closing quote.
_ATTR_AFTER = re.compile(rf"\s*[,.]?\s*(?P<verb>(?i:{_ATTR}))(?P<nya>nya)?\b")
# "Untuk itu ujarnya, …" / "Selain itu, kata dia, …" at the head of a sentence.
_INLINE = re.compile(
    rf"(?P<lead>[^,\"“”]{{0,40}}?,?\s*)\b(?P<verb>{_ATTR_CAP})"
    rf"(?:nya\b|\s+{_words('speech_pronoun')}\b|\s+(?P<name>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){{0,3}}))"
    rf"\s*(?:,|\b{_THAT}\b)\s*"
)
_MENURUT = starting({"M", "m"}, rf"\b{_ACCORDING}\s+(?P<who>[^,\"“”\n]{{1,120}}?)\s*,\s*")
# "Menurutnya, …", "Dikatakannya, …", "Lebih lanjut disampaikannya, …": the -nya speaks.
_NYA = starting({"M", "m", "D", "d"}, rf"\b(?:{_ACCORDING}|{words_re(_PASSIVE + [w.capitalize() for w in _PASSIVE])})nya\s*,\s*")
# "Dikatakan, …" opening a sentence: the last person named goes on speaking.
_PASSIVE_HEAD = re.compile(rf"\s*{words_re(w.capitalize() for w in _PASSIVE)}\s*,\s*")
# "Dikatakan Wendy, bahwa …" opening a sentence: a passive verb of saying, its agent, a comma.
_PASSIVE_NAMED = re.compile(rf"\s*{words_re(w.capitalize() for w in _PASSIVE)}\s+"
                            r"(?P<name>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3})\s*,\s*"
                            rf"(?:{_THAT}\s+)?")
# "Lebih lanjut dikatakan X …": a passive verb of saying a few words into the sentence, its
# agent a person named right after it (the words said follow the name).
_PASSIVE_LEAD = re.compile(rf"\s*(?:[A-Za-z]+\s+){{1,2}}{words_re(_PASSIVE)}\s+(?=[A-Z])")
# "Disampaikan Deputi Bidang KSPK BKKBN, M. Yani, berbagai …": the agent a post and a name,
# up to the comma a word in lower case follows (what was said).
_PASSIVE_WHO = re.compile(rf"\s*{words_re(w.capitalize() for w in _PASSIVE)}\s+"
                          r"(?P<who>[A-Z][^;\"“”\n]{0,160}?)\s*,\s*"
                          rf"(?:{_THAT}\s+)?(?=[a-z])")
# "Ditambahkan oleh dr. X, bahwa …": a passive verb of saying with its agent.
_BY = starting({"D", "d"}, rf"\b{words_re(_PASSIVE + [w.capitalize() for w in _PASSIVE])}\s+{_BY_WORD}\s+"
                rf"(?P<who>[^\"“”\n]{{1,120}}?)\s*,?\s*{_THAT}\s+")
# "Hal itu disampaikan (oleh) X …", "Demikian disampaikan X …": the words said come before.
_BACK = re.compile(rf"\s*{_words('said_before')}\s+(?:{_ALSO}\s+)?{words_re(_PASSIVE)}\s+(?:{_BY_WORD}\s+)?")
# 'Ia mengatakan, "…"' / 'Menurut dia: "…"': what may stand right before a quote.
_BEFORE_QUOTE = re.compile(
    rf"(?:{SPEECH_VERB.pattern}|\b{_ACCORDING}\s+(?P<who>[^,\"“”]{{1,120}}?))\s*[,:]?\s*$")
# "… menyampaikan hal yang sama": a verb of saying with nothing said.
_NOTHING_SAID = re.compile(rf"(?i:{_words('nothing_said')})\W*$")
# "… menyampaikan terima kasih kepada …": a courtesy the verb conveys, not words said.
_COURTESY = re.compile(rf"(?i:{_words('courtesy_said')})\b(?!\s+{_words('demonstrative')}\b)")
# A speech verb asked for or still to come: "diminta memaparkan", "akan menyampaikan".
_NOT_SAID_YET = re.compile(rf"\b{_words('not_said_yet')}\s+$", re.IGNORECASE)
_THAT_SOON = re.compile(rf"(?:[^\s,.;:\"“”]+\s+){{1,6}}?{_THAT}\s+")
_SAID_LEAD = re.compile(rf"\s*[,:]?\s*(?:{_THAT}\b\s*,?\s*)?")
#: Where the speaker named after "Hal itu disampaikan" ends: "… saat", "… di", a stop.
_SPEAKER_END = re.compile(rf"\s{_words('speaker_end')}\s|[.;]")
#: "pria ramah ini", "wanita berhijab itu": a person pointed back at, as "ia" is.
_PERSON_ANAPHOR = re.compile(rf"\b{_words('person_noun')}(?:\s+[a-z][\w-]*){{0,3}}?\s+"
                             rf"{_words('demonstrative')}\b")
#: "… yang mengatakan …": a verb of saying in a relative clause (someone else speaks).
_RELATIVE = re.compile(rf"{_words('relative')} $")
_OPENERS = "\"“"
# An opening mark starts the text or follows a space or a bracket, and a word follows it;
# a closing mark follows a non-space and no letter or digit follows it (but a verb of
# saying may, written against it: '…,"bebernya').
_OPEN = re.compile(r"(?<![^\s(\[—–-])[\"“](?=\S)|(?:^|(?<=\n))[\"“](?=[ ]\S)")
_CLOSE = re.compile(rf"(?<=\S)[\"”](?:(?![^\W_])|(?=(?i:{_ATTR})(?:nya)?\b))")  # or ',"ujarnya'



@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted passage: ``open``/``close`` are the quote marks, [start, end) the words."""

    open: int
    start: int
    end: int
    close: int


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    kind: str  # "quote" | "reported"
    hint: tuple  # ("person", key) | ("pronoun", pos) | ("last",) | ("none",)
    said_region: tuple[int, int]  # where a date of saying may be written (attribution)


def find_statements(ctx: Context) -> None:
    """Read quotes and reported speech into ``ctx.statements`` (text order, no repeats)."""
    text = ctx.text
    quotes = find_quotes(text)
    sentences = ctx.sentences
    cands = _quote_cands(ctx, quotes, sentences) + _reported_cands(ctx, quotes, sentences)
    cands.sort(key=lambda c: c.start)
    ctx.statements.extend(_attribute(ctx, cands, quotes))


# ---------------------------------------------------------------------------
# Quotes
# ---------------------------------------------------------------------------

def find_quotes(text: str) -> list[Quote]:
    """Quoted passages in text order; a paragraph that ends inside a quote continues it
    when the next paragraph opens with a quote mark (the news convention)."""
    out: list[Quote] = []
    i, n = 0, len(text)
    while True:
        o = _next_open(text, i)
        if o is None:
            return out
        j = o + 1
        while True:
            c = _next_close(text, j)
            nl = text.find("\n", j)
            if c is not None and (nl == -1 or c < nl):
                end, close = c, c + 1
                break
            if nl == -1:
                end = close = n
                break
            k = nl
            while k < n and text[k].isspace():
                k += 1
            if k < n and text[k] in _OPENERS and c is not None:
                j = k + 1  # the passage goes on in the next paragraph
                continue
            end = close = nl
            break
        start = o + 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
            end -= 1
        if end > start:
            out.append(Quote(o, start, end, close))
        i = max(close, o + 1)


def _next_open(text: str, i: int) -> int | None:
    m = _OPEN.search(text, i)
    return m.start() if m else None


def _next_close(text: str, i: int) -> int | None:
    m = _CLOSE.search(text, i)
    return m.start() if m else None


def _quote_cands(ctx: Context, quotes: list[Quote], sentences: list[tuple[int, int]]) -> list[_Cand]:
    text = ctx.text
    out = []
    for q in quotes:
        if len(text[q.start:q.end].split()) < 3:
            continue
        s_end = _sentence_end(sentences, q.close, len(text))
        while s_end < len(text) and _ABBREVIATION.search(text, max(0, s_end - 12), s_end):
            s_end = _sentence_end(sentences, s_end + 1, len(text))  # "kata Pjs. | Bupati X"
        attr = _ATTR_AFTER.match(text, q.close)
        if attr and s_end < attr.end():  # '….” Ujar Wali Kota X.': a sentence of its own
            s_end = _sentence_end(sentences, attr.end(), len(text))
        hint, region = _after_quote(ctx, q, s_end)
        if hint is None:
            s_start = _sentence_start(sentences, q.open)
            hint, region = _before_quote(ctx, q, s_start)
        if hint is None and _standalone(text, q):
            hint, region = ("last",), (q.close, q.close)
        if hint is not None:
            out.append(_Cand(q.start, q.end, "quote", hint, region))
    return out


def _after_quote(ctx: Context, q: Quote, s_end: int) -> tuple[tuple | None, tuple[int, int]]:
    text = ctx.text
    m = _ATTR_AFTER.match(text, q.close)
    if m:
        r_end = min(_attribution_end(text, m.end()), s_end)
        if m.group("nya"):
            return ("pronoun", m.start("verb")), (m.start("verb"), r_end)
        return _speaker_in(ctx, m.end(), r_end, m.start("verb")), (m.start("verb"), r_end)
    after = text[q.close:s_end]
    v = SPEECH_VERB.search(after)
    if v and v.start() <= 80 and not re.search(r"[\"“]", after[:v.start()]):
        return _speaker_in(ctx, q.close, q.close + v.start(), q.close), (q.close, s_end)
    return None, (q.close, q.close)


_STOP = re.compile(r"[.;!?\n\"“]")
#: "…, namun menegaskan bahwa …": a joined clause of saying (its words start after bahwa).
_NEXT_CLAUSE = re.compile(
    rf"(?:,\s*|\s){_words('clause_join')}\s+(?:{_ALSO}\s+)?"
    rf"{words_re(speech_verbs() | set(_PASSIVE))}\s+{_THAT}\s+")
#: "… menyampaikan materi terkait …": a verb of saying whose object names a talk, not words.
_TOPIC_ONLY = re.compile(rf"(?i:{words_re(_LEX.word_list('talk_noun'))})\b")
#: Words written with a period that ends no sentence ("Pjs.", "Drs.", "M.Si."), at the end.
_ABBREVIATION = re.compile(rf"(?<![\w.]){words_re(w for kind in ('acting', 'honorific', 'degree', 'name_abbreviation') for w in _LEX.word_list(kind) if w.endswith('.'))}$")
#: "… yang dibacakan Asisten III Y": a speech read out on its speaker's behalf.
_READ_BY = re.compile(rf"\b{words_re(_LEX.word_list('read_by'))}\b")


def _attribution_end(text: str, pos: int) -> int:
    """Where the attribution after a quote ends: the first stop mark that is not the
    period of an abbreviation ("kata Pjs. Bupati X"), or a speech read out by someone
    else ("… dalam sambutannya yang dibacakan Asisten III Y": the words are X's)."""
    i = pos
    while True:
        stop = _STOP.search(text, i)
        if stop is None:
            end = len(text)
            break
        if text[stop.start()] == "." and _ABBREVIATION.search(text, max(pos, stop.start() - 12),
                                                             stop.start() + 1):
            i = stop.end()
            continue
        end = stop.start()
        break
    read = _READ_BY.search(text, pos, end)
    return read.start() if read else end


def _before_quote(ctx: Context, q: Quote, s_start: int) -> tuple[tuple | None, tuple[int, int]]:
    text = ctx.text
    lead = text[s_start:q.open]
    m = _BEFORE_QUOTE.search(lead)
    if not m or re.search(r"[\"”]", lead):
        return None, (q.open, q.open)
    if m.group("who") is not None:
        return _speaker_in(ctx, s_start + m.start("who"), s_start + m.end("who"), s_start), (s_start, q.open)
    start = dateline_end(text, s_start)
    return _speaker_in(ctx, start, s_start + m.start(), start), (s_start, q.open)


def _standalone(text: str, q: Quote) -> bool:
    """A quote that is a sentence of its own: starts a paragraph or follows a full stop."""
    before = text[:q.open].rstrip(" \t")
    starts = not before or before.endswith("\n") or before[-1] in ".!?\"”"
    return starts and text[q.end - 1] in ".!?"


# ---------------------------------------------------------------------------
# Reported speech
# ---------------------------------------------------------------------------

def _reported_cands(ctx: Context, quotes: list[Quote], sentences: list[tuple[int, int]]) -> list[_Cand]:
    text = ctx.text
    out: list[_Cand] = []
    for i, (s, e) in enumerate(sentences):
        if _inside(quotes, s):
            continue
        head = dateline_end(text, s)
        cand = _first_trigger(ctx, quotes, head, e)
        said_end = e
        if cand is None:  # "… sangat tertinggal, kata Kepala BKKBN Kalteng Kusnadi, usai …"
            trailing = _said_before_attribution(ctx, quotes, head, e)
            if trailing is not None:
                cand, said_end = trailing
        back = _said_by_next(ctx, quotes, sentences, i)
        if back is not None:
            speaker, region = back
            if cand is None:  # "… ke Kampung KB. Demikian disampaikan X": the sentence was said
                cand = (speaker, head, region)
            elif cand[0][0] != "person":  # "Pemkab X mengakui …. Hal ini diungkapkan Y …"
                cand = (speaker, cand[1], region)
        if cand is None:
            if out and out[-1].kind == "reported" and _continues(ctx, quotes, out[-1], s, e):
                out[-1].end = _trim_end(text, out[-1].start, e)
            continue
        hint, said_start, region = cand
        said_start = _skip_space(text, said_start, e)
        q = next((q for q in quotes if q.open == said_start), None)
        if q is not None:
            continue  # 'X mengatakan, "…"': the quote carries it (see _before_quote)
        while said_end > said_start and text[said_end - 1].isspace():
            said_end -= 1
        for start, end in _clauses(text, quotes, said_start, said_end):
            if (len(text[start:end].split()) < 2 or _NOTHING_SAID.match(text, start, end)
                    or _COURTESY.match(text, start, end) or _talk_given(text, start, end)):
                continue
            out.append(_Cand(start, end, "reported", hint, region))
    return out


def _talk_given(text: str, start: int, end: int) -> bool:
    """"menyampaikan materi terkait …": the verb's object names a talk; after a comma
    ("Ia menjelaskan, materi bimtek meliputi …") the words are what was said."""
    return bool(_TOPIC_ONLY.match(text, start, end)) and not _AFTER_COMMA.search(
        text, max(0, start - 3), start)


_AFTER_COMMA = re.compile(r"[,:]\s*$")


def _clauses(text: str, quotes: list[Quote], start: int, end: int) -> list[tuple[int, int]]:
    """What one speaker says in a sentence, clause by clause: a second verb of saying
    joined to the first ("…, namun menegaskan bahwa …", "… lebih lanjut disampaikan
    bahwa …") opens a statement of its own."""
    out = []
    for m in _NEXT_CLAUSE.finditer(text, start, end):
        if m.start() <= start or _inside(quotes, m.start()):
            continue
        stop = m.start()
        while stop > start and text[stop - 1] in " \t,":
            stop -= 1
        out.append((start, stop))
        start = m.end()
    out.append((start, end))
    return out


def _said_before_attribution(ctx: Context, quotes: list[Quote], head: int, end: int):
    """"Dari 1.433 desa … sangat tertinggal, kata Kepala BKKBN Kalteng Kusnadi, usai …":
    the words of the sentence before ", kata X" (six words at least: a short lead belongs to
    an inline attribution, "Karena, kata dia, …"); ((hint, said start, region), said end)."""
    m = _TRAILING_ATTR.search(ctx.text, head, end)
    if m is None or _inside(quotes, m.start()) or any(head <= q.open < m.start() for q in quotes):
        return None
    if len(ctx.text[head:m.start()].split()) < 6:
        return None
    if m.group("nya") or m.group("pronoun"):
        hint = ("pronoun", m.start("verb"))
    else:
        stop = re.compile(r",|[.;]\s").search(ctx.text, m.end(), end)
        hint = _speaker_in(ctx, m.end(), stop.start() if stop else end, m.end())
        if hint[0] != "person":
            return None
    return (hint, head, (m.start(), m.end())), m.start()


#: ", kata X" / ", katanya" after the words said, in the same sentence.
_TRAILING_ATTR = re.compile(rf",\s*(?P<verb>{_ATTR})(?:(?P<nya>nya)\b|\s+(?P<pronoun>"
                            rf"{_words('speech_pronoun')})\b|(?=\s+[A-Z]))")


def _said_by_next(ctx: Context, quotes: list[Quote], sentences: list[tuple[int, int]],
                  i: int) -> tuple[tuple, tuple[int, int]] | None:
    """The person the next sentence says said sentence ``i`` ("Hal itu disampaikan
    Kepala Dinas X, Budi …", "Demikian disampaikan Budi …"), with where it says so."""
    if i + 1 >= len(sentences):
        return None
    s, e = sentences[i + 1]
    m = _BACK.match(ctx.text, s, e)
    if m is None or _inside(quotes, s):
        return None
    stop = _SPEAKER_END.search(ctx.text, m.end(), e)
    hint = _speaker_in(ctx, m.end(), stop.start() if stop else e, m.end())
    if hint[0] != "person":
        return None
    return hint, (s, e)


def _continues(ctx: Context, quotes: list[Quote], prev: _Cand, s: int, e: int) -> bool:
    """A sentence right after a reported statement, in its paragraph, that names no new
    speaker and quotes nothing, goes on with what was said ("Ia menekankan bahwa X. Melalui
    Y, …"); one that names a person tells of someone ("Rakor dibuka Gubernur X …")."""
    text = ctx.text
    between = text[prev.end:s]
    if "\n" in between or between.strip(" \t.!?") or any(
            s <= q.open < e and not text[s:q.open].strip() for q in quotes):
        return False  # a quote that opens the sentence is said again, not a term cited
    return not _BACK.match(text, s, e) and not persons_in(ctx, s, e)


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _first_trigger(ctx: Context, quotes: list[Quote], head: int, end: int):
    """The earliest speech trigger of a sentence outside quotes: (hint, said start, region)."""
    text = ctx.text
    best = None
    m = _INLINE.match(text, head, end)
    if m and not _inside(quotes, m.start("verb")):
        if m.group("name"):
            hint = _speaker_in(ctx, m.start("name"), m.end("name"), head)
        else:
            hint = ("pronoun", m.start("verb"))
        best = (m.start("verb"), hint, m.end(), (head, m.end()))
    m = _PASSIVE_HEAD.match(text, head, end)
    if m and best is None:
        best = (m.start(), ("pronoun", m.start()), m.end(), (m.start(), m.end()))
    m = _PASSIVE_NAMED.match(text, head, end)
    if m and best is None:  # "Dikatakan Wendy, bahwa …": the one named speaks
        hint = _speaker_in(ctx, m.start("name"), m.end("name"), head)
        if hint[0] == "person":
            best = (m.start(), hint, m.end(), (m.start(), m.end()))
    m = _PASSIVE_LEAD.match(text, head, end) if not _BACK.match(text, head, end) else None
    if m and best is None:  # "Lebih lanjut dikatakan Sarles Brabar berbicara tentang …"
        who = next((f for f in ctx.found if f.start == m.end() and f.key.startswith("person/")),
                   None)
        if who is not None:
            said = _SAID_LEAD.match(text, who.end, end)
            best = (m.start(), ("person", who.key), said.end() if said else who.end,
                    (m.start(), who.end))
    m = _PASSIVE_WHO.match(text, head, end)
    if m and best is None:  # "Disampaikan Deputi Bidang … BKKBN, M. Yani, berbagai …"
        hint = _speaker_in(ctx, m.start("who"), m.end("who"), head)
        if hint[0] == "person":
            best = (m.start(), hint, m.end(), (m.start(), m.end()))
    for m in _NYA.finditer(text, head, end):
        if _inside(quotes, m.start()):
            continue
        if best is None or m.start() < best[0]:
            best = (m.start(), ("pronoun", m.start()), m.end(), (m.start(), m.end()))
        break
    for pattern in (_BY, _MENURUT):  # the first one outside quotes, of each kind
        for m in pattern.finditer(text, head, end):
            if _inside(quotes, m.start()):
                continue
            if best is None or m.start() < best[0]:
                hint = _speaker_in(ctx, m.start("who"), m.end("who"), m.start("who"))
                best = (m.start(), hint, m.end(), (m.start(), m.end()))
            break
    for m in SPEECH_VERB.finditer(text, head, end):
        if _inside(quotes, m.start()) or _RELATIVE.search(text[max(head, m.start() - 5):m.start()].lower()):
            continue
        if _NOT_SAID_YET.search(text, max(head, m.start() - 20), m.start()):
            continue  # "diminta memaparkan …", "akan menjelaskan …": nothing said here
        if best is None or m.start() < best[0]:
            start = max([q.close for q in quotes if head <= q.close <= m.start()] + [head])
            hint = _speaker_in(ctx, start, m.start(), start)
            lead = _SAID_LEAD.match(text, m.end(), end)
            said = lead.end() if lead else m.end()
            that = _THAT_SOON.match(text, said, end)
            if that and said == _skip_space(text, m.end(), end):  # "menanggapi hasil itu bahwa …"
                said = that.end()
            best = (m.start(), hint, said, (start, m.start()))
        break
    if best is None:
        return None
    return best[1], best[2], best[3]


def _speaker_in(ctx: Context, start: int, end: int, region_start: int) -> tuple:
    """Who speaks in [start, end): the last person or pronoun there; never an organization.
    "X dalam sambutan yang dibacakan oleh Y mengatakan, …": the words are X's."""
    read = _READ_BY.search(ctx.text, start, end)
    if read and persons_in(ctx, start, read.start()):
        end = read.start()
    people = [f for f in persons_in(ctx, start, end) if not _accompanies(ctx, f, start)]
    pronouns = list(PRONOUN.finditer(ctx.text, start, end)) or list(
        _PERSON_ANAPHOR.finditer(ctx.text, start, end))  # "pungkas pria ramah ini"
    last_person = people[-1] if people else None
    last_pron = pronouns[-1] if pronouns else None
    if last_person and (not last_pron or last_person.start > last_pron.start()):
        tail = ctx.text[last_person.end:end]
        if re.match(r"[ \t]+[A-Z]", tail):
            # "mewakili Gubernur Sulut Olly Dondokambey Wagub menyampaikan": the post
            # named after the person, no comma between, is the speaker
            holder = _post_holder(ctx, tail)
            if holder:
                return ("person", holder)
        return ("person", last_person.key)
    if last_pron:
        return ("pronoun", last_pron.start())
    holder = _post_holder(ctx, ctx.text[start:end])
    if holder:  # "ujar Kepala Dinas P3AP2KB": the one person the article gave that post
        return ("person", holder)
    if orgs_in(ctx, start, end):
        return ("none",)
    key = _person_named(ctx, ctx.text[start:end])
    return ("person", key) if key else ("none",)


#: "mewakili", "didampingi (oleh)": the person after it, a post between, is the other one.
_COMPANION = re.compile(rf"\b{_words('companion')}\s+(?:[A-Z(][\w.()/'’-]*,?\s+){{0,10}}$")


def _accompanies(ctx: Context, f: Found, start: int | None = None) -> bool:
    """"A, mewakili Ketua TPPS B, menyampaikan …", "A didampingi B mengatakan": B is
    represented or accompanies, A speaks; only when A is a person named before B in the
    sentence (from ``start`` on, if given)."""
    s0 = ctx.sentences[f.sentence][0] if ctx.sentences else 0
    lead = max(s0, start or 0)
    if not _COMPANION.search(ctx.text, max(lead, f.start - 160), f.start):
        return False
    return any(g.key.startswith("person/") and g.key != f.key and lead <= g.start
               and g.end <= f.start for g in ctx.found)


def _post_holder(ctx: Context, region: str) -> str | None:
    """The person named only by a post ("Asisten III Sekda Kabupaten Kupang ini", "Kepala
    Dinas P3AP2KB", "Menurut Bupati, …"): the one person whose post, as the article wrote
    it, begins with the same two words (or the same title word before a numeral, or the
    one title word the region holds), an acting prefix ("Pjs.") left aside on both."""
    words = _ACTING_HEAD.sub("", region.strip()).split()
    if not words:
        return None
    holders: dict[str, set[str]] = {}
    for f in ctx.facts:
        if f.predicate == ORG.holds and f.subject.startswith("person/"):
            post = ctx.entities.get(f.obj.key)
            if post is not None:
                written = _ACTING_HEAD.sub("", post.name_as_written or post.label).split()
                holders.setdefault(f.subject, set()).add(" ".join(written[:2]))
    if len(words) > 1 and re.fullmatch(r"[IVX]+|\d+", words[1]):
        n = 1
    elif not words[0][:1].isupper() or len(words) > 1 and not words[1][:1].isupper():
        n = 0  # "Kepala dinas", "dalam sambutannya": no post written from its start
    elif len(words) == 1:
        n = 1  # "Menurut Bupati,": the title alone
    else:
        n = 2
    want = " ".join(words[:n])
    found = {p for p, posts in holders.items() if n and any(
        (x if n == 2 else x.split()[0]) == want for x in posts)}
    if len(found) == 1:
        return found.pop()
    return _holder_by_title(ctx, region) if not found else None


def _holder_by_title(ctx: Context, region: str) -> str | None:
    """"Dalam arahannya, Sekda …", "ujar Sekda dalam sambutannya": a title the region
    names, spelled out ("Sekda" → Sekretaris Daerah), that one person holds in the article
    (the post's key begins with the title it was read with)."""
    matches = list(_TITLE_WORD.finditer(region))
    titles = {_TITLES[" ".join(m.group().split())] for m in matches}
    if len(titles) != 1:
        return None
    head = f"post/{slugify(titles.pop())}"
    # "kata Menteri Dukbangga": the capitalised word after the title names the post
    named = {n.group(1) for m in matches if (n := _NAMED_AFTER.match(region, m.end()))}
    found = {f.subject for f in ctx.facts if f.predicate == ORG.holds
             and f.subject.startswith("person/")
             and (f.obj.key == head or f.obj.key.startswith(f"{head}-"))
             and all(w in _written(ctx, f.obj.key) for w in named)}
    return found.pop() if len(found) == 1 else None


#: A capitalised word right after a title ("Menteri Sosial"): what names the post.
_NAMED_AFTER = re.compile(r"[ \t]+([A-Z][\w-]*)")


def _written(ctx: Context, key: str) -> str:
    """The post as written, with the names of its organization ("Kadis DPPKB" asks for
    the Kepala Dinas whose office is the DPPKB)."""
    post = ctx.entities.get(key)
    if post is None:
        return ""
    names = [post.name_as_written or "", post.label]
    for f in ctx.facts:
        org = ctx.entities.get(f.obj.key) if f.subject == key and f.predicate == ORG.postIn else None
        if org is not None:
            names += [org.label, *org.aliases, org.abbreviation or ""]
    return " ".join(names)


#: Post titles (``post-titles.csv``) → the title spelled out.
_TITLES = {t.title: t.canonical for t in _LEX.post_titles}
_TITLE_WORD = re.compile(rf"(?<![\w-]){words_re(_TITLES)}(?![\w-])")


#: An acting prefix at the head of a post ("Pjs. Bupati X" is asked for as "Bupati").
_ACTING_HEAD = re.compile(rf"^{words_re(_LEX.word_list('acting'))}\s+")


_NAME = re.compile(r"[A-Z][a-z][\w'-]*")


def _person_named(ctx: Context, region: str) -> str | None:
    """A person the entity pass knows whose name contains the capitalized words of ``region``."""
    words = {w.lower() for w in _NAME.findall(region)}
    if not words:
        return None
    names: dict[str, set[str]] = {}
    for f in ctx.found:
        if f.key.startswith("person/"):
            names.setdefault(f.key, set()).update(w.lower() for w in _NAME.findall(f.text))
    for key, ent in ctx.entities.items():
        if key.startswith("person/"):
            names.setdefault(key, set()).update(w.lower() for w in _NAME.findall(ent.label))
    hits = [k for k, toks in names.items() if words & toks and words <= toks]
    return hits[0] if len(hits) == 1 else None


# ---------------------------------------------------------------------------
# Attribution, dates, duplicates
# ---------------------------------------------------------------------------

def _attribute(ctx: Context, cands: list[_Cand], quotes: list[Quote]) -> list[Statement]:
    text = ctx.text
    said: list[tuple[int, int]] = [(q.open, q.close) for q in quotes]
    kept: list[tuple[_Cand, str, dt.date | None]] = []
    prev: tuple[_Cand, str | None] | None = None  # the statement before, kept or not
    for c in cands:
        kind = c.hint[0]
        if kind == "person":
            speaker = c.hint[1]
        elif kind == "pronoun":
            speaker = _antecedent(ctx, c.hint[1], said, kept[-1] if kept else None)
        elif kind == "last" and prev and _near(text, prev[0].end, c.start):
            speaker = prev[1]  # none when the one who spoke before is not known
        else:
            speaker = None
        prev = (c, speaker)
        said.append((c.start, c.end))
        if speaker is None or not speaker.startswith("person/"):
            continue
        kept.append((c, speaker, _said_on(ctx, c)))
    fallback = ctx.published or next((d for _, _, d in kept if d), None)
    out, seen = [], set()
    for c, speaker, day in kept:
        body = text[c.start:c.end]
        if c.kind == "quote":
            body = re.sub(r"(\n\s*)[\"“]", r"\1", body)
        norm = (speaker, " ".join(body.split()))
        if norm in seen:
            continue  # a body repeated by the scraper says it once
        seen.add(norm)
        out.append(Statement(speaker=speaker, text=body, kind=c.kind,
                             span=Span(c.start, c.end, ctx.sentence_of(c.start)),
                             said_on=day or fallback))
    return out


def _antecedent(ctx: Context, pos: int, said: list[tuple[int, int]], last=None) -> str | None:
    """The last person named before ``pos`` outside anything said (quotes, statements),
    or the speaker of the ``last`` statement when its attribution comes after that name
    ("ujar Kepala Dinas DPPKB." then "Ia menjelaskan, …": the one who spoke last)."""
    best: Found | None = None
    for f in ctx.found:
        if not f.key.startswith("person/") or f.end > pos:
            continue
        if any(s <= f.start < e for s, e in said) or _accompanies(ctx, f):
            continue
        if best is None or f.start > best.start:
            best = f
    if last is not None and last[0].said_region[0] < pos and (
            best is None or last[0].said_region[0] > best.end or (
                _agent_of_passive(ctx, best) and not _TALK_GIVEN.search(ctx.text, best.end, pos))):
        # "… dicanangkan Presiden X pada 2016. "…," katanya": X is no subject (but "dibuka
        # Bupati X. Dalam sambutannya, ia …": the one who opened gave the talk)
        return last[1]
    return best.key if best else None


#: A passive verb ("dicanangkan", "diresmikan") or "oleh" right before a person (and the
#: post written before the name): the person did something, the sentence is not about them.
_PASSIVE_AGENT = re.compile(rf"(?:\bdi[a-z]{{3,}}(?:kan|i)|\b{_BY_WORD})[ \t]+$")


_TALK_GIVEN = re.compile(rf"\b{_words('talk_noun')}nya\b", re.IGNORECASE)  # "sambutannya"


def _agent_of_passive(ctx: Context, f: Found) -> bool:
    """Whether the person ``f`` is named as the agent of a passive verb."""
    lead = min((g.start for g in ctx.found if g.key.startswith("post/") and g.start < f.start
                and not ctx.text[g.end:f.start].strip(" \t,")), default=f.start)
    return bool(_PASSIVE_AGENT.search(ctx.text, max(0, lead - 40), lead))


def _said_on(ctx: Context, c: _Cand) -> dt.date | None:
    """A single day written in the attribution (not in the words said)."""
    start, end = c.said_region
    for d in dates_in(ctx, start, end):
        if d.first == d.last and d.kind in ("day", "weekday") and not (c.start <= d.start < c.end):
            return d.first
    return None


def _near(text: str, prev_end: int, start: int) -> bool:
    """Same or next paragraph."""
    return len(re.findall(r"\n\s*", text[prev_end:start])) <= 1


def _inside(quotes: list[Quote], pos: int) -> bool:
    return any(q.open <= pos < q.close for q in quotes)


def _skip_space(text: str, i: int, end: int) -> int:
    while i < end and text[i].isspace():
        i += 1
    return i


def _sentence_start(sentences: list[tuple[int, int]], pos: int) -> int:
    starts = [s for s, _ in sentences if s <= pos]
    return starts[-1] if starts else 0


def _sentence_end(sentences: list[tuple[int, int]], pos: int, default: int) -> int:
    for s, e in sentences:
        if s <= pos <= e:
            return e
    ends = [e for s, e in sentences if s >= pos]
    return ends[0] if ends else default


@Language.component("kb_statements")
def statements_stage(doc: Doc) -> Doc:
    """Stage 13: quotes and reported speech with their speakers (``Context.statements``)."""
    find_statements(of(doc).ctx)
    return doc
