"""Observances: a named day kept every year ("Hari Keluarga Nasional (Harganas)", "Hari
Kontrasepsi Sedunia"), an event of its own (schema:Event), not a meeting.

Read by shape, not from a list: ``observance_head`` ("Hari") and one to three words, then an
``observance_scope`` word ("Nasional", "Sedunia"), in any case ("Hari keluarga nasional").
A short form in brackets right after it ("(Harganas)", which also lets the name be written
in lower case) or before it ("Harganas (Hari …)") stays in the mention, and stands for the
day wherever else the article writes it. The label is the long name with each word
capitalized (one misspelling with a doubled letter is the same day), so every article's
Harganas is one entity. A
meeting held for the day ("Peringatan Hari Keluarga Nasional … ke-32") is the meeting
stage's; the day named inside its name is this one.
"""

from __future__ import annotations

import re

from kbgraph.ontology.lexicon import load_lexicon
from kbgraph.ontology.namespaces import SCHEMA, slugify

from ..model import Entity
from .registry import Context, Found
from .text import words_re

__all__ = ["find_observances"]

_LEX = load_lexicon()
_WORDS = (rf"\b{words_re(_LEX.word_list('observance_head'))}(?:\s+[A-Za-z]+){{1,3}}?"
          rf"\s+(?i:{words_re(_LEX.word_list('observance_scope'))})\b")
_CALENDAR = frozenset(w.lower() for w in (*_LEX.word_list("weekday"), *_LEX.word_list("month")))
_SHORT = r"[A-Z][A-Za-z]{3,11}"
_DOUBLED = re.compile(r"(\w)\1")
# "Hari X Nasional (Harganas)" or "Harganas (Hari X Nasional)"
_OBSERVANCE = re.compile(rf"(?P<name>{_WORDS})(?:\s*\((?P<short>{_SHORT})\))?"
                         rf"|(?P<first>{_SHORT})\s*\((?P<inner>{_WORDS})\)"
                         rf"|(?P<lower>(?i:{_WORDS}))\s*\((?P<lshort>{_SHORT})\)")  # "hari keluarga nasional (Harganas)"


def find_observances(ctx: Context) -> None:
    """Every observance the article names: entities and their Found occurrences (none
    over a name another stage found, none with a weekday or a month in it)."""
    text = ctx.text
    shorts: dict[str, str] = {}
    keys: dict[str, str] = {}  # a label with its doubled letters single → the key first given it
    for m in _OBSERVANCE.finditer(text):
        name = m.group("name") or m.group("inner") or m.group("lower")
        if _CALENDAR & {w.lower() for w in name.split()} or any(
                f.start < m.end() and m.start() < f.end for f in ctx.found):
            continue  # "Hari Senin …", "Hari ini Perwakilan BKKBN Nasional …": no day's name
        label = " ".join(w.capitalize() if w.islower() else w for w in name.split())
        key = keys.setdefault(_DOUBLED.sub(r"\1", label.lower()), f"event/{slugify(label)}")  # "Keluargga"
        if key not in ctx.entities:
            ctx.entities[key] = Entity(key=key, types=[SCHEMA.Event], label=label)
        short = m.group("short") or m.group("first") or m.group("lshort")
        if short:
            shorts.setdefault(short, key)
            ctx.entities[key].abbreviation = ctx.entities[key].abbreviation or short
        _occurs(ctx, key, m.start(), m.end())
    for short, key in shorts.items():
        for m in re.finditer(rf"(?<![\w(]){re.escape(short)}(?![\w)])", text):
            if not any(f.start <= m.start() < f.end and f.key == key for f in ctx.found):
                _occurs(ctx, key, m.start(), m.end())


def _occurs(ctx: Context, key: str, start: int, end: int) -> None:
    ctx.found.append(Found(key, SCHEMA.Event, start, end, ctx.text[start:end], ctx.sentence_of(start)))
