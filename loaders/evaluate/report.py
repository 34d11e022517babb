"""The report as tables: rows of strings for the CLI (rich) and Markdown for the docs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .score import CLASSES, SLOTS, ArticleScore, Counts, Report

__all__ = ["Section", "summary_sections", "render_markdown", "report_to_dict"]

@dataclass(frozen=True, slots=True)
class Section:
    """One table of the summary: a title, column names, rows of strings."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _prf_row(name: str, c: Counts) -> tuple[str, ...]:
    return (name, _fmt(c.precision), _fmt(c.recall), _fmt(c.f1), str(c.tp), str(c.fp), str(c.fn))


_PRF = ("", "P", "R", "F1", "TP", "FP", "FN")


def summary_sections(report: Report) -> list[Section]:
    """The summary tables: entities per class, people, meetings and their slots,
    statements, relations per name."""
    entity_rows = [_prf_row(c, report.entities(c)) for c in CLASSES]
    entity_rows.append(_prf_row("all", report.entities()))
    mentions = report.mentions()
    entity_rows.append(("mentions (recall)", "", _fmt(mentions.recall), "", str(mentions.tp),
                        "", str(mentions.fn)))
    slot_rows = []
    for name in (*SLOTS, None):
        s = report.slot(name)
        slot_rows.append((name or "all slots", _fmt(s.precision), _fmt(s.recall), _fmt(s.f1),
                          _fmt(s.accuracy), str(s.correct), str(s.both_null), str(s.wrong),
                          str(s.missed), str(s.spurious)))
    relation_rows = [_prf_row(n, report.relations(n)) for n in report.relation_names()]
    relation_rows.append(_prf_row("all", report.relations()))
    return [
        Section("Entities", ("class", *_PRF[1:]), tuple(entity_rows)),
        Section("People", _PRF, (_prf_row("people", report.section("people")),)),
        Section("Meetings", _PRF, (_prf_row("meetings", report.section("meetings")),)),
        Section("Meeting slots", ("slot", "P", "R", "F1", "accuracy", "correct", "both null",
                                  "wrong", "missed", "spurious"), tuple(slot_rows)),
        Section("Statements", _PRF, (_prf_row("statements", report.section("statements")),)),
        Section("Relations", ("relation", *_PRF[1:]), tuple(relation_rows)),
    ]


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(report: Report) -> str:
    """The summary as GitHub Markdown tables, for docs/evaluation.md and the README."""
    out = [f"Articles scored: {len(report.articles)}."]
    for section in summary_sections(report):
        rule = ["---"] + ["---:"] * (len(section.columns) - 1)  # numbers right-aligned
        out += ["", f"**{section.title}**", "",
                "| " + " | ".join(_md_cell(c) or " " for c in section.columns) + " |",
                "|" + "|".join(rule) + "|"]
        out += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in section.rows]
    return "\n".join(out) + "\n"


def report_to_dict(report: Report, details: bool = True) -> dict[str, Any]:
    """Machine-readable report (``--format json``)."""
    def article(a: ArticleScore) -> dict[str, Any]:
        out = {
            "file": a.file,
            "entities": {c: a.entities[c].to_dict() for c in CLASSES},
            "mentions": {c: a.mentions[c].to_dict() for c in CLASSES},
            "people": a.people.to_dict(), "meetings": a.meetings.to_dict(),
            "slots": {s: a.slots[s].to_dict() for s in SLOTS},
            "statements": a.statements.to_dict(),
            "relations": {n: c.to_dict() for n, c in sorted(a.relations.items())},
        }
        if details:
            out["findings"] = [
                {"section": f.section, "kind": f.kind, "gold": f.gold, "predicted": f.predicted,
                 "note": f.note} for f in a.findings]
        return out

    return {
        "summary": {
            "articles": len(report.articles),
            "entities": {**{c: report.entities(c).to_dict() for c in CLASSES},
                         "all": report.entities().to_dict()},
            "mentions": report.mentions().to_dict(),
            "people": report.section("people").to_dict(),
            "meetings": report.section("meetings").to_dict(),
            "slots": {**{s: report.slot(s).to_dict() for s in SLOTS},
                      "all": report.slot().to_dict()},
            "statements": report.section("statements").to_dict(),
            "relations": {**{n: report.relations(n).to_dict() for n in report.relation_names()},
                          "all": report.relations().to_dict()},
        },
        "articles": [article(a) for a in report.articles],
        "warnings": list(report.warnings),
    }
