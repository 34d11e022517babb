"""``kbgraph build``, ``stats``, ``check`` and ``demo``: filling and inspecting the store.

Parsing and printing only; the work is in :mod:`kbgraph.graph.store.build`,
:mod:`kbgraph.graph.stats`, :mod:`kbgraph.graph.check.reason`, :mod:`kbgraph.graph.check.validate`
and :mod:`kbgraph.graph.demo`.
"""

from __future__ import annotations

import enum
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Iterator, Optional

import typer
from rdflib import URIRef
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from kbgraph.errors import CheckFailed, InputError
from kbgraph.ontology.safe_text import terminal_text

from .app import DEFAULT_STORE, StoreOpt, UpdateUrlOpt, app

_out = Console(highlight=False, soft_wrap=True)
_err = Console(stderr=True, highlight=False, soft_wrap=True)


@contextmanager
def _progress_bar(label: str) -> Iterator:
    """A rich progress bar (files, articles/s, ETA) on a terminal; nothing when piped."""
    if not _err.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    with Progress(
        TextColumn("[bold]{task.description}"), BarColumn(),
        TextColumn("{task.completed}/{task.total} files"),
        TextColumn("{task.fields[articles]} articles, {task.fields[rate]:.1f}/s"),
        TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
        console=_err, transient=True,
    ) as bar:
        task = bar.add_task(label, total=None, articles=0, rate=0.0)

        def update(p) -> None:
            rate = p.articles / p.elapsed if p.elapsed > 0 else 0.0
            bar.update(task, completed=p.files_done, total=p.files_total, articles=p.articles, rate=rate)

        yield update


def _print_build(report) -> None:
    """Warnings and skipped files, one line each (file names escaped), then the summary."""
    for warning in report.warnings:
        _err.print(f"kbgraph: warning: {_safe(warning)}")
    for problem in report.problems:
        _err.print(f"kbgraph: skipped: {_safe(problem)}")
    _out.print(escape(report.summary()))


def _safe(text: object) -> str:
    """Untrusted text (a file name, a title) for rich: control characters shown as
    escapes, markup escaped."""
    return escape(terminal_text(text))


@app.command("build")
def build_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders (.txt .md .html .jsonl .json .csv).")],
    store: StoreOpt = DEFAULT_STORE,
    update_url: UpdateUrlOpt = None,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Stop at the first bad file or article and leave the store exactly as it was.")] = False,
    prune: Annotated[bool, typer.Option(
        "--prune", help="Remove articles whose files are gone (or no longer hold them).")] = False,
    force: Annotated[bool, typer.Option(
        "--force", help="Re-read and re-extract unchanged articles too, and rebuild the union view "
        "(after upgrading kbgraph; a store of an older format is emptied and rebuilt).")] = False,
    workers: Annotated[Optional[int], typer.Option(
        "--workers", min=1, help="Extraction processes (default: one per CPU).")] = None,
    exclude: Annotated[Optional[list[str]], typer.Option(
        "--exclude", metavar="GLOB", help="Leave out files and folders whose path (relative to the folder "
        "given) or name matches, e.g. 'gold/*' or '*.json' (repeatable).")] = None,
) -> None:
    """Ingest articles into the store; re-running is idempotent and only redoes what changed.

    Exit status 2 when a file or article was skipped (each is named on stderr).
    """
    from kbgraph.graph.store.build import build
    from kbgraph.graph.store import open_store
    from kbgraph.loaders.read import iter_sources

    exclude = exclude or []
    # a missing path or an empty folder fails before a store is created; what the walk
    # finds to say is said once, by the build
    iter_sources(paths, warnings=[], problems=[], exclude=exclude)
    with open_store(store, update_url, upgrade=force) as st, _progress_bar("building") as progress:
        report = build(st, paths, strict=strict, prune=prune, force=force, progress=progress, workers=workers,
                       exclude=exclude)
    _print_build(report)
    _fail_if_skipped(report)


def _fail_if_skipped(report) -> None:
    """Exit status 2 when anything was skipped (raised, so the shell prints one line)."""
    if not report.ok:
        raise InputError(f"{report.skipped} file(s) or article(s) skipped, each named above")


def _network_option_help() -> str:
    return "Also list the N most central actors (degree and betweenness centrality)."


@app.command("stats")
def stats_cmd(
    store: StoreOpt = DEFAULT_STORE,
    update_url: UpdateUrlOpt = None,
    network: Annotated[Optional[int], typer.Option(
        "--network", min=1, metavar="N", help=_network_option_help())] = None,
) -> None:
    """How many articles, triples and named graphs the store holds, and entities per class."""
    from kbgraph.graph.check.provenance import short_iri
    from kbgraph.graph.stats import store_stats
    from kbgraph.graph.store import open_store

    with open_store(store, update_url, create=False, read_only=True) as st:  # no lock: works during a build
        s = store_stats(st)
        actors = _top_actors(st, network) if network else None
    head = Table(title=f"kbgraph store {escape(s.location)}", show_header=False)
    head.add_column("what")
    head.add_column("count", justify="right")
    head.add_row("articles", str(s.articles))
    head.add_row("entities", str(s.entities))
    head.add_row("triples (quads)", str(s.quads))
    head.add_row("named graphs", f"{s.graphs} ({s.article_graphs} articles"
                 f"{', ontology' if s.has_ontology else ''}{', inferred' if s.has_inferred else ''})")
    _out.print(head)
    classes = Table(title="entities per class (article graphs)")
    classes.add_column("class")
    classes.add_column("label")
    classes.add_column("entities", justify="right")
    for c in s.classes:
        classes.add_row(_safe(short_iri(c.cls)), _safe(c.label or ""), str(c.count))
    _out.print(classes)
    if actors is not None:
        table = Table(title=f"the {network} most central actors")
        for col in ("rank", "actor", "class", "degree", "betweenness", "articles"):
            table.add_column(col, justify="right" if col in ("rank", "degree", "betweenness", "articles") else "left")
        for a in actors:
            table.add_row(str(a["rank"]), _safe(str(a["label"])), _safe(str(a["class"])),
                          str(a["degree"]), f"{a['betweenness']:.3f}", str(a["articles"]))
        _out.print(table)


def _top_actors(store, n: int) -> list[dict]:
    from kbgraph.graph.stats import top_actors
    from kbgraph.graph.network.cache import project_cached

    return top_actors(project_cached(store), n)


class Reasoner(str, enum.Enum):
    hermit = "hermit"
    pellet = "pellet"


@app.command("check")
def check_cmd(
    store: StoreOpt = DEFAULT_STORE,
    update_url: UpdateUrlOpt = None,
    materialize: Annotated[bool, typer.Option(
        "--materialize", help="Store the inferred triples in their own named graph (replaced each run).")] = False,
    reasoner: Annotated[Reasoner, typer.Option(
        "--reasoner", help="OWL reasoner: hermit, or pellet (needs a Java it was built for).")] = Reasoner.hermit,
    shacl_report: Annotated[Optional[Path], typer.Option(
        "--shacl-report", metavar="FILE", help="Also write the SHACL validation report graph (Turtle).")] = None,
    integrity: Annotated[bool, typer.Option(
        "--integrity", help="Check the store itself instead: its format, that the union view is exactly "
        "the union of the article graphs, and every data block's checksum (embedded store).")] = False,
) -> None:
    """OWL reasoning and SHACL validation; exit 1 naming the entities and articles at fault.

    With --integrity, the store itself: exit 1 naming each problem.
    """
    from kbgraph.graph.check.reason import reason
    from kbgraph.graph.store import open_store
    from kbgraph.graph.check.validate import validate

    if integrity:
        _check_integrity(store, update_url)
        return
    # reading takes no lock (works during a build); only --materialize writes
    with open_store(store, update_url, create=False, read_only=not materialize) as st:
        owl = reason(st, reasoner=reasoner.value, materialize=materialize)
        shacl = validate(st)
    for problem in owl.inconsistencies:
        _out.print(f"inconsistent: {_safe(str(problem))}")
    for result in shacl.results:
        _out.print(_safe(str(result)))
    if shacl_report is not None and shacl.report_graph is not None:
        shacl.report_graph.serialize(destination=str(shacl_report), format="turtle")
        _err.print(f"wrote the SHACL report graph to {escape(str(shacl_report))}")
    _out.print(escape(owl.summary()))
    _out.print(escape(shacl.summary()))
    if not owl.consistent or not shacl.conforms:
        articles = sorted({s for p in owl.inconsistencies for s in p.sources}
                          | {s for r in shacl.violations for s in r.sources})
        named = f"; articles to look at: {', '.join(articles)}" if articles else ""
        raise CheckFailed(
            f"{len(owl.inconsistencies)} inconsistencies, {len(shacl.violations)} SHACL violations{named}")


def _check_integrity(store: str, update_url: str | None) -> None:
    from kbgraph.graph.store import EmbeddedStore, open_store
    from kbgraph.graph.store.check import check_store

    with open_store(store, update_url, create=False, read_only=True) as st:
        if not isinstance(st, EmbeddedStore):
            raise InputError("--integrity checks an embedded store (a folder), not a SPARQL server",
                             hint="a server checks its own data")
        result = check_store(st)
    for problem in result.problems:
        _out.print(escape(problem))
    _out.print(escape(result.summary()))
    if not result.ok:
        raise CheckFailed(f"the store {store} has {len(result.problems)} problem(s), each named above")


@app.command("demo")
def demo_cmd(
    out: Annotated[Path, typer.Option("--out", help="Folder to write the store, graph.ttl and graph.html to.")
                   ] = Path("kbgraph-out"),
) -> None:
    """Build the bundled sample article into a fresh store and show what kbgraph makes of it."""
    from kbgraph.graph.demo import run_demo
    from kbgraph.graph.store import open_store

    with _progress_bar("demo") as progress:
        result = run_demo(out, progress=progress)
    _print_build(result.report)
    s = result.stats
    _out.print(f"[bold]kbgraph demo[/bold]: {s.articles} article{'' if s.articles == 1 else 's'}, {s.quads} triples, "
               f"{s.entities} entities")
    _out.print(f"  store       {escape(str(result.store))}   (kbgraph query meetings --store {escape(str(result.store))})")
    _out.print(f"  graph.ttl   {escape(str(result.ttl))}   (Protégé, any RDF tool)")
    if result.html:
        _out.print(f"  graph.html  {escape(str(result.html))}   (open in a browser, works offline)")
    if result.html_note:
        _err.print(f"kbgraph: note: {escape(result.html_note)}")
    with open_store(result.store, create=False, read_only=True) as st:
        answer = _meetings(st)
    _out.print()
    _out.print("[bold]Which meetings took place, organized by whom, where, when, how big?[/bold]"
               "  (kbgraph query meetings)")
    _out.print(answer)
    _fail_if_skipped(result.report)


def _meetings(store) -> str:
    """The catalogue's ``meetings`` answer, one meeting a paragraph, IRIs shown as labels."""
    from kbgraph.graph.check.provenance import describe_node
    from kbgraph.queries.catalog import run

    result = run(store, "meetings")
    labels: dict = {}

    def show(term) -> str:
        if isinstance(term, URIRef):
            if term not in labels:
                labels[term] = describe_node(store, term).label or str(term)
            return labels[term]
        return str(term)

    merged: dict = {}  # one entry per meeting; several organizers or chairs are joined
    for row in result.to_dicts():
        item = merged.setdefault(row["meeting"], {})
        for key, term in row.items():
            if key != "meeting" and term is not None:
                values = item.setdefault(key, [])
                if show(term) not in values:
                    values.append(show(term))
    if not merged:
        return "  (no meetings found)"
    lines = []
    for meeting, item in merged.items():
        title = ", ".join(item.pop("label", [])) or show(meeting)
        lines.append(f"  - [bold]{_safe(title)}[/bold]")
        details = [f"{k}: {_safe(', '.join(v))}" for k, v in item.items()]
        if details:
            lines.append("      " + " | ".join(details))
    return "\n".join(lines)
