"""News outlets (``kb:NewsPublisher``) and the staff a byline names.

An outlet shows up in four shapes of Indonesian news prose, none of them a place:

- as the head of a dateline, "TRIBUNSUMSEL.COM, MUARA ENIM - " (the town comes second);
- as the dateline's qualifier, "BANJARMASIN, Barito Ekspres – ", "GORONTALO, Humas – "
  (a press office: the short form of the publisher "Humas Pemprov Gorontalo");
- in the body, "KOMPAS.com - …", "keterangan tertulis yang diterima Kompas.com",
  "(Humas Pemprov Gorontalo)";
- in the byline lines clean() cuts, "Pewarta: X", "Penulis: X", "Editor: X" — persons
  holding that post at the outlet (the byline words are ``byline_role`` in ``words.csv``).

Which names stand for an outlet, and the entity each stands for, is :mod:`.publishers`
(the dateline of stage 3 needs it too).
"""

from __future__ import annotations

import re

from kbgraph.ontology.namespaces import FOAF, KB, ORG, slugify
from spacy.language import Language
from spacy.tokens import Doc

from ..canonical import new_entity, person_label
from ..model import EntityRef, Mention, Span
from .publishers import WEB, outlet_key
from .registry import EntityRegistry, compiled, of, words_re

__all__ = ["bylines", "outlet_mentions"]

_NEWS_PUBLISHER = KB.NewsPublisher


def _absent(lowered: str | None, name: str) -> bool:
    """True when a case-insensitive ``re`` search for ``name`` cannot match the text
    whose ``str.lower()`` is ``lowered`` (given only for an ASCII text): an ASCII name
    whose lower case is not in it. Saves a pattern and a scan per name; any other
    name is searched as before."""
    return lowered is not None and name.isascii() and name.lower() not in lowered


def outlet_mentions(r: EntityRegistry) -> None:
    """Every occurrence in the body of an outlet already read (dateline, lexicon) or of
    the article's publisher field, in any case ("KOMPAS.com", "Kompas.com")."""
    names: dict[str, str] = {}
    lowered = r.text.lower() if r.text.isascii() else None
    pub = " ".join((r.ctx.article.publisher or "").split())
    if pub and (WEB.search(pub) or (not _absent(lowered, pub)
                                     and re.search(re.escape(pub), r.text, re.IGNORECASE))):
        names[pub] = ""
    for key, entity in list(r.ctx.entities.items()):
        if entity.types[0] == _NEWS_PUBLISHER:
            for n in (entity.label, *entity.aliases):
                names[n] = key
    for name, key in sorted(names.items(), key=lambda kv: -len(kv[0])):
        if _absent(lowered, name):
            continue
        for m in re.finditer(rf"(?<![\w.]){re.escape(name)}(?![\w])", r.text, re.IGNORECASE):
            if any(f.start <= m.start() < f.end for f in r.ctx.found):
                continue
            key = key or outlet_key(r, name)
            r.mark(key, m.start(), m.end())
    _press_offices(r)


def _press_offices(r: EntityRegistry) -> None:
    """"Humas Pemprov Gorontalo": a government's press office (its label starts with a
    ``press_office`` word) is a unit of the government named inside it."""
    heads = r.lex.word_list("press_office")
    for f in list(r.ctx.found):
        if f.cls != _NEWS_PUBLISHER or not any(
                r.ctx.entities[f.key].label.startswith(h + " ") for h in heads):
            continue
        inner = [g for g in r.ctx.found if g.key.startswith("org/") and g.key != f.key
                 and f.start <= g.start and g.end <= f.end]
        if inner:
            r.info[f.key].unit_of = inner[0].key


def _byline_pattern(lex) -> re.Pattern | None:
    roles = lex.word_list("byline_role")
    if not roles:
        return None
    return re.compile(rf"^[ \t]*(?P<role>{words_re(roles)})[ \t]*:[ \t]*"
                      r"(?P<name>[A-Z][\w'.\-]*(?:[ \t]+[A-Z][\w'.\-]*){0,4})[ \t]*$", re.MULTILINE)


def bylines(r: EntityRegistry) -> None:
    """"Pewarta: Rahmat Fadhillah" — a person holding the post "Pewarta" at the outlet
    (the copyright footer's, else the dateline's, else the publisher field's). The
    lines are cut from the clean text, so the mentions are in original offsets and the
    facts' evidence is the article's last sentence."""
    if r.clean is None:
        return
    line = compiled(r.lex, "bylines", _byline_pattern)
    if line is None:
        return
    text = r.ctx.article.text
    last = max(len(r.text) - 1, 0)
    sentence = r.ctx.sentence_of(last)
    outlet = None
    for d0, d1, _reason in r.clean.dropped:
        for m in line.finditer(text, d0, d1):
            if outlet is None:
                outlet = _byline_outlet(r)
                if outlet is None:
                    return
            name = m.group("name")
            person = r.add(new_entity("person", person_label(name.split()), FOAF.Person))
            r.extra.append((person, Mention(name, Span(m.start("name"), m.end("name"),
                                                       sentence))))
            role = m.group("role")
            post = r.add(new_entity("post", role, ORG.Post, name_as_written=role,
                                    key=f"post/{slugify(role + ' ' + r.ctx.entities[outlet].label)}"))
            r.extra.append((post, Mention(role, Span(m.start("role"), m.end("role"),
                                                     sentence))))
            r.fact(person, ORG.holds, EntityRef(post), last)
            r.fact(post, ORG.postIn, EntityRef(outlet), last)
            r.needed.add(outlet)
            r.anchors.setdefault(outlet, last)


def _byline_outlet(r: EntityRegistry) -> str | None:
    publishers = [k for k, _ in r.extra if r.ctx.entities.get(k) is not None
                  and r.ctx.entities[k].types[0] == KB.NewsPublisher]
    publishers += [f.key for f in r.ctx.found if f.cls == KB.NewsPublisher]
    if publishers:
        return publishers[-1] if r.clean and r.clean.publisher else publishers[0]
    if r.ctx.article.publisher:
        return outlet_key(r, r.ctx.article.publisher)
    return None


@Language.component("kb_outlets")
def outlets_stage(doc: Doc) -> Doc:
    """Stage 8: news outlets named in the text, and the byline's writer and editor."""
    r = of(doc)
    outlet_mentions(r)
    bylines(r)
    return doc
