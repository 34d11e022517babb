"""Stage 7, ``kb_place_links``: what places say once persons and bodies are read.

Place chains ("di A, B, C": each place inside the next), the short names of places the
article named in full, and the places and outlets of the text cleaning cut (the
copyright footer, a "Baca juga:" line) — all read by ``s03_places``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .registry import of
from .s03_places import chains, footer, place_aliases, see_also, venues_over_bodies

__all__ = ["place_links_stage"]


@Language.component("kb_place_links")
def place_links_stage(doc: Doc) -> Doc:
    """Stage 7: place chains, short place names, footer and "Baca juga" lines."""
    r = of(doc)
    venues_over_bodies(r)
    chains(r)
    place_aliases(r)
    footer(r)
    see_also(r)
    return doc
