"""``kbgraph evaluate ARTICLES GOLD`` and ``kbgraph agreement GOLD OTHER``: scores.

Parses arguments, calls :func:`kbgraph.loaders.evaluate.evaluate_paths` (the loaders
against gold) or :func:`~kbgraph.loaders.evaluate.agreement_paths` (one reader's gold
against another's) and prints the report; the scoring itself lives in the library so
tests and notebooks call it directly.
"""

from __future__ import annotations

import enum
import json
from itertools import groupby
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from kbgraph.loaders.evaluate import (
    Report,
    agreement_paths,
    evaluate_paths,
    render_markdown,
    report_to_dict,
    summary_sections,
)
from kbgraph.ontology.safe_text import terminal_text

from .app import app


class EvalFormat(str, enum.Enum):
    table = "table"
    json = "json"
    markdown = "markdown"


FormatOption = Annotated[EvalFormat, typer.Option(
    "--format", help="table (rich), json (machine-readable) or markdown (for docs).")]
DetailsOption = Annotated[bool, typer.Option(
    "--details", help="List every miss and false positive, article by article.")]


@app.command()
def evaluate(
    articles: Annotated[Path, typer.Argument(help="An article file or a folder of articles.")],
    gold: Annotated[Path, typer.Argument(
        help="A gold JSON file or a folder of them (format of corpus/dev/gold).")],
    fmt: FormatOption = EvalFormat.table,
    details: DetailsOption = False,
) -> None:
    """Score what the loaders extract from ARTICLES against the GOLD files.

    Each gold file names its article by basename ("file"); rules: docs/evaluation.md.
    """
    _print_report(evaluate_paths(articles, gold), fmt, details)


@app.command()
def agreement(
    gold: Annotated[Path, typer.Argument(
        help="The first reader's gold: a JSON file or a folder of them.")],
    other: Annotated[Path, typer.Argument(
        help="A second reader's gold of the same articles (paired by \"file\").")],
    fmt: FormatOption = EvalFormat.table,
    details: DetailsOption = False,
) -> None:
    """Score a second reader's gold against the first's: how far two readers agree.

    The same sections and rules as `kbgraph evaluate`, with OTHER in the loaders' place:
    the ceiling against which the loaders' figures are read (docs/evaluation.md).
    """
    _print_report(agreement_paths(gold, other), fmt, details)


def _print_report(report: Report, fmt: EvalFormat, details: bool) -> None:
    err = Console(stderr=True)
    for warning in report.warnings:
        err.print(f"kbgraph: warning: {escape(terminal_text(warning))}", highlight=False)
    if fmt is EvalFormat.json:
        typer.echo(json.dumps(report_to_dict(report, details=details), indent=1,
                              ensure_ascii=False))
        return
    if fmt is EvalFormat.markdown:
        typer.echo(render_markdown(report), nl=False)
        return
    out = Console(highlight=False)
    out.print(f"Articles scored: {len(report.articles)}")
    for section in summary_sections(report):
        table = Table(title=section.title, title_justify="left")
        for i, column in enumerate(section.columns):
            table.add_column(column, justify="left" if i == 0 else "right")
        for row in section.rows:
            table.add_row(*(escape(cell) for cell in row))
        out.print(table)
    if details:
        _print_details(out, report)


_KIND_STYLE = {"missed": "red", "false positive": "yellow", "wrong": "magenta"}


def _print_details(out: Console, report: Report) -> None:
    """Every finding on one line, grouped by article: section, kind, gold / predicted, note.

    One line each (no table), so a long label is never cut and the list greps well.
    """
    for article, findings in groupby(report.findings, key=lambda f: f.article):
        out.print()
        out.print(f"[bold]{escape(terminal_text(article))}[/bold]")
        for f in findings:
            parts = [f"gold: {f.gold}" if f.gold else "", f"predicted: {f.predicted}"
                     if f.predicted else "", f"({f.note})" if f.note else ""]
            text = "  ".join(p for p in parts if p)
            out.print(f"  {f.section:<10} [{_KIND_STYLE[f.kind]}]{f.kind:<14}[/] {escape(text)}",
                      soft_wrap=True)
