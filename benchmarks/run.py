"""Measure kbgraph at corpus scale and print one table (Markdown).

    python benchmarks/run.py --n 1000 --browser                   # with rdflib side by side
    python benchmarks/run.py --n 10000 --no-rdflib --repeat 3 --browser
    python benchmarks/run.py --n 10000 --reuse-store --skip-queries  # the viz again
    python benchmarks/run.py --n 10000 --no-rdflib --baseline 4cd61c3  # side by side with an older kbgraph

Figures: build throughput cold and warm (articles/s, triples/s), peak RSS of the build
process, incremental rebuild of one changed article among N, store size on disk, the
latency (median, p95) of every catalogue question on the embedded Oxigraph store and on
rdflib's in-memory store side by side (ratio), and the time and size of the viz HTML with
the default --max-nodes (first after a build, which projects the network, and again from
the store's cache). Each build runs in a child process so its peak RSS and its CPU time
(user + system, the build process and its extraction workers: on a shared machine this
is the figure that does not depend on what else runs) are its own; the corpus is
generated once per WORKDIR and kept. ``--baseline COMMIT`` builds the same corpus and
asks the same questions with the kbgraph of that commit too (its files are taken with
``git archive`` and put first on the child's ``PYTHONPATH``), so two models are compared
in one run on one machine state.
Not a test: targets are reported, not asserted (see benchmarks/RESULTS.md).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from itertools import pairwise
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate


def _child_build(store: str, corpus: str, env: dict | None = None) -> dict:
    """Run ``kbgraph build`` in a child process; wall time, CPU time and peak RSS (MiB)."""
    code = (
        "import json, resource, sys, time\n"
        "def cpu():\n"
        "    return sum(getattr(resource.getrusage(w), f) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)"
        " for f in ('ru_utime', 'ru_stime'))\n"
        "c = cpu()\n"
        "from kbgraph.graph.store import open_store\n"
        "try:\n"
        "    from kbgraph.graph.store.build import build\n"
        "except ImportError:  # a baseline from before graph/store/\n"
        "    from kbgraph.graph.build import build\n"
        "t = time.perf_counter()\n"
        f"with open_store({store!r}) as s:\n"
        f"    r = build(s, [{corpus!r}])\n"
        "el = time.perf_counter() - t\n"
        "cpu_s = cpu() - c\n"
        "rss = int(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM:'))) / 1024\n"
        "kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(json.dumps({'seconds': el, 'cpu_seconds': cpu_s, 'rss_mib': rss, 'child_rss_mib': kids,"
        " 'report': {k: v for k, v in vars(r).items() if isinstance(v, (int, float, str))}}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         cwd=tempfile.gettempdir())  # not the checkout: "" on sys.path would win
    if out.returncode not in (0, 2):
        raise SystemExit(f"build failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _timeit(fn, repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return statistics.median(times), p95


def _rdflib_time(ds, text: str, bindings: dict, timeout: float) -> float | None:
    """Milliseconds rdflib takes for ``text``; None past ``timeout``, -1 on an error.

    Runs in a forked child (which shares the loaded Dataset copy-on-write) so that a
    query rdflib would take hours over can be stopped.
    """
    import multiprocessing as mp

    ctx = mp.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)

    def child() -> None:
        try:
            t = time.perf_counter()
            len(list(ds.query(text, initBindings=bindings or None)))
            send.send((time.perf_counter() - t) * 1000)
        except Exception:  # noqa: BLE001 - reported as "error"
            send.send(-1.0)

    proc = ctx.Process(target=child)
    proc.start()
    if recv.poll(timeout):
        value = recv.recv()
        proc.join()
        return value
    proc.kill()
    proc.join()
    return None


def _example_params(info) -> dict[str, str]:
    """The ``--param k=v`` pairs of the question's own example (its header)."""
    import shlex

    words = shlex.split(getattr(info, "example", "") or "")
    return dict(w.split("=", 1) for prev, w in pairwise(words) if prev == "--param" and "=" in w)


def _variants(info, whole: bool = True) -> list[tuple[str, dict[str, str]]]:
    """Each question as its example asks it, and (if that has parameters and ``whole``)
    the whole table."""
    example = _example_params(info)
    out = [(info.name, example)]
    if whole and example and not any(p.required for p in info.params):
        out.append((f"{info.name} (whole table)", {}))
    return out


def baseline_env(commit: str, workdir: Path) -> dict:
    """An environment whose ``kbgraph`` is the one of ``commit``: ``git archive`` of this
    repository installed (not editable, no dependencies) into a folder of its own, so
    whatever layout that commit's packaging declares is the one used."""
    root = workdir / f"baseline-{commit}"
    if not root.exists():
        src = workdir / f"baseline-{commit}-src"
        tmp = workdir / f"baseline-{commit}-tmp"
        for folder in (src, tmp):
            shutil.rmtree(folder, ignore_errors=True)
        src.mkdir(parents=True)
        archive = subprocess.run(["git", "-C", str(HERE.parent), "archive", commit], capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(src)], input=archive.stdout, check=True)
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation",
                        "--target", str(tmp), str(src)], check=True)
        tmp.rename(root)
    return {**os.environ, "PYTHONPATH": str(root)}


def _cpu_cell(run: dict, n: int) -> str:
    return f"{run['cpu_seconds']:.1f} s CPU, {1000 * run['cpu_seconds'] / n:.1f} ms CPU per article"


def _note(rows: list[tuple[str, str]], key: str, value: str) -> None:
    """Keep a figure, and print it to stderr now: a long run that is stopped keeps it."""
    rows.append((key, value))
    print(f"| {key} | {value} |", file=sys.stderr, flush=True)


def measure_build(n: int, workdir: Path, env: dict | None = None, tag: str = "") -> list[tuple[str, str]]:
    """Generate (cached) and build the corpus three times: cold, unchanged, one changed."""
    import pyoxigraph as ox

    rows: list[tuple[str, str]] = []
    corpus = workdir / f"corpus-{n}"
    if not corpus.exists():
        t = time.perf_counter()
        generate.generate(n, corpus, fmt="txt")
        _note(rows, "generate corpus", f"{time.perf_counter() - t:.1f} s")
    store_dir = workdir / f"store-{n}{tag}"
    shutil.rmtree(store_dir, ignore_errors=True)
    label = f" [{tag.strip('-')}]" if tag else ""

    cold = _child_build(str(store_dir), str(corpus), env)
    _note(rows, f"build cold{label}", f"{cold['seconds']:.1f} s, {n / cold['seconds']:.1f} articles/s; "
                 + _cpu_cell(cold, n))
    _note(rows, f"build peak RSS{label}", f"{max(cold['rss_mib'], cold['child_rss_mib']):.0f} MiB")
    size = _dir_size(store_dir)
    _note(rows, f"store size after the cold build{label}", f"{size / 2**20:.0f} MiB, {size / n / 1024:.0f} KiB per article")
    st = ox.Store.read_only(str(store_dir))
    # counted by Oxigraph (iterating the quads in Python took 15 minutes at 100,000 articles)
    quads = len(st)
    view = int(next(iter(st.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value)
    del st
    triples = quads - view
    _note(rows, f"triples (all graphs){label}", f"{triples:,} ({triples / n:,.0f} per article); "
                 f"union view {view:,} ({view / n:,.0f} per article)")
    _note(rows, f"build throughput{label}", f"{triples / cold['seconds']:,.0f} triples/s")
    warm = _child_build(str(store_dir), str(corpus), env)
    _note(rows, f"re-build unchanged (warm){label}", f"{warm['seconds']:.2f} s")

    victim = sorted(corpus.rglob("*.txt"))[n // 2]
    original = victim.read_text(encoding="utf-8")
    victim.write_text(original.replace("peserta", "peserta undangan", 1), encoding="utf-8")
    try:
        inc = _child_build(str(store_dir), str(corpus), env)
    finally:
        victim.write_text(original, encoding="utf-8")
    _note(rows, f"re-build, 1 changed article{label}", f"{inc['seconds']:.2f} s")
    _note(rows, f"store size on disk{label}", f"{_dir_size(store_dir) / 2**20:.0f} MiB")
    return rows


def measure_queries(store_dir: Path, repeat: int, rdflib: bool, rdflib_timeout: float,
                    whole: bool = True) -> list[tuple[str, str]]:
    """Every catalogue question on the embedded store, and on rdflib's in-memory store.
    Each row is also printed to stderr as it is measured (:func:`_note`)."""
    import rdflib as rdflib_module
    from kbgraph.graph.store import open_store
    from kbgraph.errors import QueryError
    from kbgraph.queries import catalog

    rows: list[tuple[str, str]] = []
    with open_store(str(store_dir), read_only=True) as s:
        ds = None
        if rdflib:
            ds = rdflib_module.Dataset(default_union=True)
            ds.parse(data=s.dump("nq").decode("utf-8"), format="nquads")
        for info in catalog.list_queries():
            for label, params in _variants(info, whole):
                try:
                    rows_n = len(catalog.run(s, info.name, params).rows)
                except QueryError as exc:  # an example naming what this corpus does not hold
                    _note(rows, f"query {label}", f"not measured: {exc}")
                    continue
                med, p95 = _timeit(lambda name=info.name, prm=params: catalog.run(s, name, prm), repeat)
                cell = f"{rows_n:,} rows; median {med:.1f} ms, p95 {p95:.1f} ms"
                if ds is not None:
                    bindings = catalog.bind_params(info, params)
                    text = catalog.narrowed(s, info, bindings)  # the same text Oxigraph runs
                    r_ms = _rdflib_time(ds, text, bindings, rdflib_timeout)
                    if r_ms is None:
                        r_txt, ratio = f"> {rdflib_timeout:.0f} s", f"> {rdflib_timeout * 1000 / med:.0f}×"
                    elif r_ms < 0:
                        r_txt, ratio = "error", "-"
                    else:
                        r_txt, ratio = f"{r_ms:.0f} ms", f"{r_ms / med:.0f}×" if med > 0 else "-"
                    cell += f" | rdflib {r_txt} | {ratio}"
                _note(rows, f"query {label}", cell)
    return rows


def measure_viz(store_dir: Path, workdir: Path, browser: bool) -> list[tuple[str, str]]:
    """Writing the page with the default --max-nodes: first after a build (the network is
    projected and kept in the store's cache) and again (read from the cache); and
    (optionally) drawing it in chromium."""
    from kbgraph.graph.network import page as viz
    from kbgraph.graph.store import EmbeddedStore, open_store
    from kbgraph.graph.store.embedded import CACHE_DIR

    EmbeddedStore(store_dir).close()  # a store from before revisions gets one
    shutil.rmtree(store_dir / CACHE_DIR, ignore_errors=True)
    rows: list[tuple[str, str]] = []
    out = workdir / "graph.html"
    for label in ("viz, first after a build (projects the network)", "viz again (network from the cache)"):
        with open_store(str(store_dir), read_only=True) as s:
            t = time.perf_counter()
            viz.write_html(s, out)
            rows.append((label, f"{time.perf_counter() - t:.1f} s, {out.stat().st_size / 2**20:.2f} MiB"))
    if browser:
        import render

        if not render.available():
            rows.append(("viz in chromium", "not measured: chromium/chromedriver not installed"))
        else:
            fig = render.render(out)
            ok = "within" if render.within_bound(fig) else "OVER"
            rows.append(("viz in chromium (drawn, settled)",
                         f"{fig['drawn_s']} s, {render.settled_s(fig)} s; {fig['nodes']} nodes, {fig['edges']} edges; "
                         f"{ok} the {render.RENDER_BOUND_S:.0f} s bound"))
    return rows


def _table_rows(text: str) -> list[tuple[str, str]]:
    """The rows of a table this script printed."""
    rows = []
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|", 1)]
        if line.startswith("| ") and len(cells) == 2 and cells[0] not in ("measure", "---"):
            rows.append((cells[0], cells[1]))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "kbgraph-bench")
    ap.add_argument("--repeat", type=int, default=20, help="runs per query")
    ap.add_argument("--no-rdflib", action="store_true", help="skip the rdflib comparison (it needs GBs at 10k)")
    ap.add_argument("--rdflib-timeout", type=float, default=60.0,
                    help="stop an rdflib query after this many seconds")
    ap.add_argument("--reuse-store", action="store_true",
                    help="measure queries and viz on WORKDIR/store-N as it is (no build)")
    ap.add_argument("--browser", action="store_true", help="also draw the page in chromium (benchmarks/render.py)")
    ap.add_argument("--skip-queries", action="store_true", help="measure no catalogue question")
    ap.add_argument("--examples-only", action="store_true",
                    help="ask each question as its example asks it, not also the whole table")
    ap.add_argument("--skip-viz", action="store_true", help="measure no page")
    ap.add_argument("--skip-build", action="store_true", help="(with --baseline) build only with the baseline")
    ap.add_argument("--baseline", metavar="COMMIT",
                    help="also build and ask with the kbgraph of this commit (side by side, same run)")
    ap.add_argument("--store-tag", default="", help=argparse.SUPPRESS)  # the baseline's child run
    args = ap.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    header = [
        ("machine", f"{platform.machine()}, {os.cpu_count()} cores, {platform.python_implementation()} {platform.python_version()}"),
        ("versions", ", ".join(f"{p} {version(p)}" for p in ("kbgraph", "pyoxigraph", "rdflib", "spacy", "pyvis"))),
        ("corpus", f"{args.n:,} synthetic articles (benchmarks/generate.py, seed 2019)"),
    ]
    store_dir = args.workdir / f"store-{args.n}{args.store_tag}"
    rows = header
    if args.baseline:
        env = baseline_env(args.baseline, args.workdir)
        tag = f"-baseline-{args.baseline}"
        if not args.reuse_store:
            rows += measure_build(args.n, args.workdir, env, tag)
        if not args.skip_queries:  # the questions as the baseline asks them, on its store
            cmd = [sys.executable, __file__, "--n", str(args.n), "--workdir", str(args.workdir), "--reuse-store",
                   "--skip-viz", "--repeat", str(args.repeat), f"--store-tag={tag}", "--rdflib-timeout",
                   str(args.rdflib_timeout)] + (["--no-rdflib"] if args.no_rdflib else [])
            out = subprocess.run(cmd, capture_output=True, text=True, env=env)
            if out.returncode:
                raise SystemExit(f"baseline queries failed:\n{out.stderr[-3000:]}")
            rows += [(f"{k} [baseline-{args.baseline}]", v) for k, v in _table_rows(out.stdout)
                     if k.startswith("query ")]
    if not args.reuse_store and not args.skip_build:
        rows += measure_build(args.n, args.workdir)
    if not args.skip_queries:
        rows += measure_queries(store_dir, args.repeat, not args.no_rdflib, args.rdflib_timeout,
                                not args.examples_only)
    if not args.skip_viz:
        rows += measure_viz(store_dir, args.workdir, args.browser)
    print("| measure | value |\n|---|---|")
    for k, v in rows:
        print(f"| {k} | {v} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
