"""The extraction's spaCy language: a tokenizer for Indonesian news and the stages, in order.

``get_nlp()`` builds it once per process: ``spacy.blank("id")`` without its reduplication
exceptions, with the lexicon's honorifics and abbreviations (``Drs.``, ``Hj.``, ``Pj.``,
``Plt.``) as special cases so that their period stays inside the word, then the stages
below as registered pipeline components (``Doc -> Doc``), added in :data:`STAGES` order.
Each stage lives in the module of its number (``s01_sentences.py`` …
``s13_statements.py``); what it finds goes on the doc (``doc._.lexicon_hits``, and
``doc._.registry``: :mod:`.registry`).

:func:`make_doc` makes the Doc of a clean text (the article and its
:class:`~kbgraph.loaders.model.CleanText` on ``doc._.article`` / ``doc._.clean``),
:func:`parse` runs the stages over it (all, or those up to one), :func:`read` does so
for a cleaned article. Tests build their docs the same way
(``tests/loaders/extractkit.py``).
"""

from __future__ import annotations

from functools import lru_cache

from kbgraph.loaders.read import max_chars_limit
from kbgraph.ontology.lexicon import load_lexicon
from spacy.attrs import ORTH
from spacy.lang.id import Indonesian
from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS
from spacy.language import Language
from spacy.tokens import Doc

from ..model import Article, CleanText
from . import (  # noqa: F401  (importing a stage registers its component)
    registry,
    s01_sentences,
    s02_lexicon,
    s03_places,
    s04_organizations,
    s05_programs,
    s06_people,
    s07_place_links,
    s08_outlets,
    s09_mentions,
    s10_facts,
    s11_dates,
    s12_meetings,
    s13_statements,
)
from .text import keep_text

__all__ = ["STAGES", "get_nlp", "make_doc", "parse", "read"]

#: The pipeline, in order: each name is a registered component (``@Language.component``
#: or ``@Language.factory``) of the module with its number.
STAGES = (
    "kb_sentences",      # s01: sentence starts (the only sentence split)
    "kb_lexicon",        # s02: lexicon names → doc._.lexicon_hits
    "kb_places",         # s03: venues, lexicon places, the dateline, villages and districts
    "kb_organizations",  # s04: the lexicon's and composed organizations
    "kb_programs",       # s05: programs, frameworks, regulations, priorities
    "kb_people",         # s06: persons and their posts
    "kb_place_links",    # s07: place chains, short place names, footer and "Baca juga" lines
    "kb_outlets",        # s08: news outlets and bylines
    "kb_mentions",       # s09: the mention rules (nested forms, unused entities)
    "kb_facts",          # s10: facts between the entities
    "kb_dates",          # s11: dates
    "kb_meetings",       # s12: meetings and their slots
    "kb_statements",     # s13: quotes and reported speech
)


class _IndonesianNews(Indonesian):
    """spaCy's Indonesian without its ~16,000 tokenizer exceptions.

    Those exceptions (mostly reduplicated words such as "anak-anak") cost about five
    seconds of start-up per process and change nothing the extractor looks at; the
    honorifics and abbreviations it needs are added as special cases from the lexicon.
    """

    lang = "id"

    class Defaults(Indonesian.Defaults):
        tokenizer_exceptions = BASE_EXCEPTIONS


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The pipeline (built once per process; thread-safe to call, not to mutate)."""
    lex = load_lexicon()
    nlp = _IndonesianNews()
    for word in (*lex.word_list("honorific"), *lex.word_list("abbreviation"),
                 *lex.word_list("name_abbreviation")):
        nlp.tokenizer.add_special_case(word, [{ORTH: word}])
    for name in STAGES:
        nlp.add_pipe(name)
    # the reader refuses longer articles; spaCy's own guard (1,000,000) is for its parser
    nlp.max_length = max(nlp.max_length, max_chars_limit() + 1)
    return nlp


def make_doc(text: str, article: Article | None = None, clean: CleanText | None = None) -> Doc:
    """The tokens of a clean text, with its article and CleanText on the doc (no stage run)."""
    doc = keep_text(get_nlp().make_doc(text), text)
    doc._.article = article
    doc._.clean = clean
    return doc


def parse(text: str, article: Article | None = None, clean: CleanText | None = None, *,
          until: str | None = None) -> Doc:
    """The doc of a clean text after every stage, or after the stages up to ``until``
    (a name of :data:`STAGES`)."""
    if until is not None and until not in STAGES:
        raise ValueError(f"no stage {until!r}; the stages are {', '.join(STAGES)}")
    doc = make_doc(text, article, clean)
    for name, proc in get_nlp().pipeline:
        doc = proc(doc)
        if name == until:
            break
    return doc


def read(article: Article, clean: CleanText, *, until: str | None = None) -> Doc:
    """The doc of one cleaned article after every stage (or the stages up to ``until``)."""
    return parse(clean.text, article, clean, until=until)
