"""Score what the loaders extract against hand-made gold files (``kbgraph evaluate``).

The extraction engineers change patterns and lexicon entries one at a time; after each
change they need to see, per article, what the loaders now find that a careful reader
also found, what they miss and what they invent. This package answers that without a
store: it runs the loaders, turns each :class:`~kbgraph.loaders.model.Extraction` into
the gold format of ``corpus/dev/gold/*.json`` (:func:`to_gold`) and compares the two
section by section (:func:`score_article`). The matching rules are written down in
``docs/evaluation.md``; keep the two in step.

Gold format (one JSON file per article): ``file`` (basename of the article file),
``published``, ``entities`` ``{label, class, mentions}``, ``people`` ``{name, post,
organization}``, ``meetings`` ``{label, organizer, location, city, start, end,
participants, chair, opened_by, follows_up}`` (``opened_by`` only in gold that annotates
it), ``statements`` ``{speaker, opening}`` and
``relations`` ``[subject, relation, object]``. :func:`to_gold` writes a superset: entities
and meetings carry ``aliases`` and statements the whole ``text``, which the matching uses.

Modules: ``text`` (normalisation), ``convert`` (extraction → gold format), ``score``
(matching and counts), ``report`` (tables); this one reads files.
"""

from __future__ import annotations

import json
from dataclasses import replace
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from kbgraph.errors import InputError

from ..model import Extraction
from ..pipeline import load_paths
from ..reference import as_the_article_states_it
from .convert import article_file, to_gold
from .report import Section, render_markdown, report_to_dict, summary_sections
from .score import CLASSES, SLOTS, ArticleScore, Counts, Finding, Report, SlotCounts, score_article

__all__ = [
    "CLASSES", "SLOTS", "Counts", "SlotCounts", "Finding", "ArticleScore", "Report", "Section",
    "to_gold", "load_gold", "score_article", "evaluate_extractions", "evaluate_paths",
    "agreement_paths",
    "summary_sections", "render_markdown", "report_to_dict",
]

GOLD_KEYS: tuple[str, ...] = (
    "file", "entities", "people", "meetings", "statements", "relations",
)


def _gold_files(path: Path) -> list[tuple[Path, dict[str, Any]]]:
    path = Path(path)
    if not path.exists():
        raise InputError("no such file or folder", source=str(path))
    files = sorted(path.rglob("*.json")) if path.is_dir() else [path]
    if not files:
        raise InputError("no gold *.json files in this folder", source=str(path))
    found = []
    for file in files:
        try:
            record = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(f"not a readable gold JSON file: {exc}", source=str(file)) from exc
        if not isinstance(record, dict) or any(k not in record for k in GOLD_KEYS):
            raise InputError(f"not a gold file: it needs the keys {', '.join(GOLD_KEYS)}",
                             source=str(file))
        found.append((file, record))
    return found


def load_gold(path: Path) -> list[dict[str, Any]]:
    """Gold records from a JSON file or every ``*.json`` below a folder, sorted by path.

    Raises :class:`InputError` naming the file for a missing path, an empty folder, a
    file that is not JSON or a record without the gold keys.
    """
    return [record for _file, record in _gold_files(path)]


def evaluate_extractions(
    pairs: Iterable[tuple[Mapping[str, Any], Extraction]],
    warnings: Iterable[str] = (),
) -> Report:
    """Score (gold, extraction) pairs; the seam tests and notebooks use without files."""
    report = Report(warnings=list(warnings))
    for gold, extraction in pairs:
        stated = as_the_article_states_it(extraction).facts
        report.articles.append(score_article(gold, to_gold(replace(extraction, facts=stated))))
    return report


def _article_files(articles: Path) -> dict[str, Path]:
    """Basename → file for the article file, or every file below the folder (first wins)."""
    if articles.is_file():
        return {articles.name: articles}
    found: dict[str, Path] = {}
    for file in sorted(p for p in articles.rglob("*") if p.is_file()):
        found.setdefault(file.name, file)
    return found


def _article_name(record: Mapping[str, Any]) -> str:
    return Path(str(record["file"])).name


def evaluate_paths(articles: Path, gold: Path) -> Report:
    """Run the loaders over the articles the gold files name, and score them.

    ``articles`` is an article file or a folder, ``gold`` a gold file or folder; each gold
    record names its article by basename (``"file"``). Only those articles are read. A
    gold file whose article is not found, or cannot be read, is skipped with a warning
    (in ``Report.warnings``); a missing path or a broken gold file raises InputError.
    """
    articles, gold = Path(articles), Path(gold)
    if not articles.exists():
        raise InputError("no such file or folder", source=str(articles))
    golds = _gold_files(gold)
    files = _article_files(articles)
    warnings: list[str] = []
    wanted: dict[str, Path] = {}
    for gold_file, record in golds:
        name = _article_name(record)
        if name in files:
            wanted.setdefault(name, files[name])
        else:
            warnings.append(f"{gold_file}: its article {name} is not under {articles}; skipped")
    extractions: dict[str, Extraction] = {}
    if wanted:
        for _article, extraction, error in load_paths(list(wanted.values()), warnings=warnings):
            if extraction is not None:
                extractions.setdefault(article_file(extraction.article), extraction)
            elif error is not None:
                warnings.append(f"{error}; not scored")
    pairs = [(record, extractions[_article_name(record)]) for _file, record in golds
             if _article_name(record) in extractions]
    return evaluate_extractions(pairs, warnings)


def agreement_paths(gold: Path, other: Path) -> Report:
    """Score a second reader's gold files against the first's, article by article.

    How far two careful readers agree on the same articles is the ceiling any extractor
    can be measured against: a figure below it is the loaders', a gap at it is the
    conventions'. Articles are paired by ``"file"``; an article only one side annotated is
    named in ``Report.warnings`` and left out. Raises InputError as :func:`load_gold` does.
    """
    reference = {_article_name(record): (file, record) for file, record in _gold_files(gold)}
    second = {_article_name(record): (file, record) for file, record in _gold_files(other)}
    report = Report(warnings=[
        f"{where[name][0]}: {name} has no gold on the other side; skipped"
        for where, there in ((reference, second), (second, reference))
        for name in sorted(where) if name not in there])
    for name in sorted(reference.keys() & second.keys()):
        report.articles.append(score_article(reference[name][1], second[name][1]))
    return report
