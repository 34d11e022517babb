"""Stage 9, ``kb_mentions``: the mention rules, once every entity stage has read.

A form nested in a longer form of the same entity is no mention of its own (unless a
stage kept it: "program KKBPK" inside "Program KKBPK"), nor is anything inside a
person's name, nor a place nested in another place's name. An entity left without a
mention is dropped unless a post or a body needs it (a Bupati's Pemkab).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .registry import EntityRegistry, Found, of

__all__ = ["mentions_stage"]


@Language.component("kb_mentions")
def mentions_stage(doc: Doc) -> Doc:
    """Stage 9: apply the mention rules to what stages 3–8 found."""
    _prune(of(doc))
    return doc


def _prune(r: EntityRegistry) -> None:
    """Apply the mention rules: drop a form nested in a longer form of the same entity,
    anything inside a person's name, and a place nested in another place's name."""
    found = r.ctx.found
    persons = [f for f in found if f.key.startswith("person/")]
    same_key: dict[str, list[Found]] = {}  # each occurrence is compared with its kin only
    for f in found:
        same_key.setdefault(f.key, []).append(f)
    places: list[Found] | None = None  # non-venue places, listed when first needed
    keep = []
    for f in found:
        former = {n for n, _ in r.ctx.entities[f.key].former_names}
        if f.text not in former and (f.key, f.start, f.end) not in r.keep and any(
                o is not f and o.start <= f.start and f.end <= o.end for o in same_key[f.key]):
            continue
        if not f.key.startswith("person/") and any(
                p.start <= f.start and f.end <= p.end for p in persons):
            continue
        if f.key.startswith("place/") and r.info[f.key].place_kind != "venue":
            if places is None:
                places = [o for o in found if o.key.startswith("place/")
                          and r.info[o.key].place_kind != "venue"]
            if any(o is not f and o.start <= f.start and f.end <= o.end
                   and (o.end - o.start) > (f.end - f.start) for o in places):
                continue
        keep.append(f)
    keep.sort(key=lambda f: (f.start, -f.end, f.key))
    r.ctx.found[:] = keep
    used = {f.key for f in keep} | {k for k, _ in r.extra}
    for key in list(r.ctx.entities):
        if key not in used and not _needed(r, key):
            del r.ctx.entities[key]


def _needed(r: EntityRegistry, key: str) -> bool:
    """An entity without mentions stays when a post or a body needs it (Bupati → Pemkab)."""
    return key in r.needed
