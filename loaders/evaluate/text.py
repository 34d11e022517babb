"""Normalisation shared by the conversion and the scoring: how two strings are "the same".

Each function is one rule of docs/evaluation.md; keep them in step.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

__all__ = [
    "ws", "norm", "speech", "contains", "split_place", "acronyms", "unique", "PLACE_PREFIXES",
]

PLACE_PREFIXES = ("kota", "kabupaten", "provinsi")

_QUOTES = dict.fromkeys(map(ord, "\"'“”‘’«»„‟‹›`´"), " ")


def ws(text: str) -> str:
    """Collapse runs of whitespace; the only normalisation a post title gets."""
    return " ".join(text.split())


def norm(text: str) -> str:
    """Label key: NFKC, case-folded, punctuation as spaces, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = "".join(" " if unicodedata.category(ch)[0] in "PS" else ch for ch in text)
    return " ".join(text.split())


def speech(text: str) -> str:
    """Words said, compared without quote marks, case or spacing differences."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return " ".join(text.split())


def contains(a: str, b: str, min_words: int = 3) -> bool:
    """One normalised name inside the other (the shorter has at least ``min_words``)."""
    short, long_ = sorted((a, b), key=len)
    return len(short.split()) >= min_words and f" {short} " in f" {long_} "


def split_place(label: str) -> tuple[str | None, str]:
    """``"Kota Bandung"`` → ``("kota", "bandung")``; no prefix → ``(None, name)``."""
    key = norm(label)
    head, _, rest = key.partition(" ")
    if head in PLACE_PREFIXES and rest:
        return head, rest
    return None, key


def acronyms(name: str) -> set[str]:
    """Initials of the capitalised words, with and without a leading generic word.

    ``"Badan Kependudukan dan Keluarga Berencana Nasional"`` → ``{"bkkbn", "kkbn"}``;
    ``"Program Kependudukan, Keluarga Berencana dan Pembangunan Keluarga"`` gives
    ``"kkbpk"`` once "Program" is dropped. Used only to tell which of an entity's dated
    names a mention uses.
    """
    initials = [w[0] for w in re.findall(r"\w+", name) if w[0].isupper()]
    return {"".join(initials).casefold(), "".join(initials[1:]).casefold()} - {""}


def unique(items: Iterable[str | None]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        if item and item not in seen:
            seen[item] = None
    return list(seen)
