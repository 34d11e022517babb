"""Which written names stand for a news outlet: shared by the dateline (stage 3) and the
outlet stage (stage 8), so it sits below both.

A dateline part or a body name is an outlet when it is the article's ``publisher`` field
(same name, any case, or its first words), a web address ("….com", "….co.id"), a
``kb:NewsPublisher`` row of the lexicon, or the name of the site the article comes from
("SULTENG RAYA" on sultengraya.com). :func:`outlet_key` registers the entity it stands
for, labelled with the lexicon's name, else the publisher field's spelling, else as
written.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..clean import WEB_SUFFIX
from .registry import EntityRegistry

__all__ = ["WEB", "is_outlet", "is_site", "outlet_key", "site_name"]

WEB = re.compile(rf"\.(?:{WEB_SUFFIX})$", re.IGNORECASE)


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _lexicon_outlet(r: EntityRegistry, written: str):
    want = _fold(written)
    for entry in r.lex.entries:
        if entry.kind == "org" and entry.cls == "kb:NewsPublisher" and want in {
                _fold(n) for n in (entry.label, *entry.aliases, *entry.patterns)}:
            return entry
    return None


def is_outlet(r: EntityRegistry, written: str) -> bool:
    """Whether a dateline part names an outlet rather than a place: the publisher, a web
    address, an outlet of the lexicon, or the site the article comes from ("SULTENG RAYA –"
    on sultengraya.com)."""
    want = _fold(written)
    pub = _fold(r.ctx.article.publisher or "")
    if pub and (want == pub or pub.startswith(want + " ")):
        return True
    return is_site(r, written) or bool(WEB.search(want)) or _lexicon_outlet(r, written) is not None


def is_site(r: EntityRegistry, written: str) -> bool:
    """Whether ``written`` is the name of the site the article comes from, spaces and
    case aside ("SULTENG RAYA" on sultengraya.com, "PROSUMUT" on prosumut.com)."""
    site = site_name(r.ctx.article.url)  # "RADAR PALEMBANG" on radar-palembang.com too
    return bool(site) and re.sub(r"[^0-9a-z]", "", _fold(written)) == re.sub(r"[^0-9a-z]", "", site)


_SECOND_LEVEL = frozenset({"co", "go", "or", "ac", "web", "my", "sch", "net", "biz", "com"})


def site_name(url: str | None) -> str | None:
    """The name a site is registered under, in lower case: "sultengraya" for
    https://sultengraya.com/…, "antaranews" for papua.antaranews.com, "sulselprov" for
    sulselprov.go.id (None without a URL)."""
    host = (urlsplit(url).hostname or "") if url else ""
    labels = [x for x in host.lower().split(".") if x]
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else None


def outlet_key(r: EntityRegistry, written: str) -> str:
    """The outlet entity a written name stands for (registered)."""
    entry = _lexicon_outlet(r, written)
    if entry is not None:
        key = r.add(r.res.entry_entity(entry))
        r.info[key].lexicon_ref = f"org:{entry.label}"
        return key
    pub = " ".join((r.ctx.article.publisher or "").split())
    want, folded = _fold(written), _fold(pub)
    label = pub if pub and (want == folded or folded.startswith(want + " ")) else \
        " ".join(written.split())
    entities = r.res.outlet(label)  # a regional desk is part of its outlet
    key = r.add(entities[0])
    if len(entities) == 2:
        r.info[key].parent = r.add(entities[1])
        r.needed.add(r.info[key].parent)
    return key
