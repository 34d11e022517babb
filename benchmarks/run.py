"""Measure kbgraph at corpus scale and print one table (Markdown).

    python benchmarks/run.py --n 1000 --browser                   # with rdflib side by side
    python benchmarks/run.py --n 10000 --no-rdflib --repeat 3 --browser
    python benchmarks/run.py --n 10000 --reuse-store --skip-queries  # the viz again

Figures: build throughput cold and warm (articles/s, triples/s), peak RSS of the build
process, incremental rebuild of one changed article among N, store size on disk, the
latency (median, p95) of every catalogue question on the embedded Oxigraph store and on
rdflib's in-memory store side by side (ratio), and the time and size of the viz HTML with
the default --max-nodes (first after a build, which projects the network, and again from
the store's cache). Each build runs in a child process so its peak RSS is its own; the
corpus is generated once per WORKDIR and kept.
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


def _child_build(store: str, corpus: str) -> dict:
    """Run ``kbgraph build`` in a child process; wall time and peak RSS (MiB)."""
    code = (
        "import json, resource, sys, time\n"
        "from kbgraph.graph.store import open_store\n"
        "from kbgraph.graph.store.build import build\n"
        "t = time.perf_counter()\n"
        f"with open_store({store!r}) as s:\n"
        f"    r = build(s, [{corpus!r}])\n"
        "el = time.perf_counter() - t\n"
        "rss = int(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM:'))) / 1024\n"
        "kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(json.dumps({'seconds': el, 'rss_mib': rss, 'child_rss_mib': kids,"
        " 'report': {k: v for k, v in vars(r).items() if isinstance(v, (int, float, str))}}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
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


def _variants(info) -> list[tuple[str, dict[str, str]]]:
    """Each question as its example asks it, and (if that has parameters) the whole table."""
    example = _example_params(info)
    out = [(info.name, example)]
    if example and not any(p.required for p in info.params):
        out.append((f"{info.name} (whole table)", {}))
    return out


def measure_build(n: int, workdir: Path) -> list[tuple[str, str]]:
    """Generate (cached) and build the corpus three times: cold, unchanged, one changed."""
    from kbgraph.graph.store import open_store

    rows: list[tuple[str, str]] = []
    corpus = workdir / f"corpus-{n}"
    if not corpus.exists():
        t = time.perf_counter()
        generate.generate(n, corpus, fmt="txt")
        rows.append(("generate corpus", f"{time.perf_counter() - t:.1f} s"))
    store_dir = workdir / f"store-{n}"
    shutil.rmtree(store_dir, ignore_errors=True)

    cold = _child_build(str(store_dir), str(corpus))
    rows.append(("build cold", f"{cold['seconds']:.1f} s, {n / cold['seconds']:.1f} articles/s"))
    rows.append(("build peak RSS", f"{max(cold['rss_mib'], cold['child_rss_mib']):.0f} MiB"))
    with open_store(str(store_dir)) as s:
        triples = int(s.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows[0][0])
    rows.append(("triples (all graphs)", f"{triples:,} ({triples / n:,.0f} per article)"))
    rows.append(("build throughput", f"{triples / cold['seconds']:,.0f} triples/s"))
    warm = _child_build(str(store_dir), str(corpus))
    rows.append(("re-build unchanged (warm)", f"{warm['seconds']:.2f} s"))

    victim = sorted(corpus.rglob("*.txt"))[n // 2]
    original = victim.read_text(encoding="utf-8")
    victim.write_text(original.replace("peserta", "peserta undangan", 1), encoding="utf-8")
    try:
        inc = _child_build(str(store_dir), str(corpus))
    finally:
        victim.write_text(original, encoding="utf-8")
    rows.append(("re-build, 1 changed article", f"{inc['seconds']:.2f} s"))
    rows.append(("store size on disk", f"{_dir_size(store_dir) / 2**20:.0f} MiB"))
    return rows


def measure_queries(store_dir: Path, repeat: int, rdflib: bool, rdflib_timeout: float
                    ) -> list[tuple[str, str]]:
    """Every catalogue question on the embedded store, and on rdflib's in-memory store."""
    import rdflib as rdflib_module
    from kbgraph.graph.store import open_store
    from kbgraph.queries import catalog

    rows: list[tuple[str, str]] = []
    with open_store(str(store_dir), read_only=True) as s:
        ds = None
        if rdflib:
            ds = rdflib_module.Dataset(default_union=True)
            ds.parse(data=s.dump("nq").decode("utf-8"), format="nquads")
        for info in catalog.list_queries():
            for label, params in _variants(info):
                rows_n = len(catalog.run(s, info.name, params).rows)
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
                rows.append((f"query {label}", cell))
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
    args = ap.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    header = [
        ("machine", f"{platform.machine()}, {os.cpu_count()} cores, {platform.python_implementation()} {platform.python_version()}"),
        ("versions", ", ".join(f"{p} {version(p)}" for p in ("kbgraph", "pyoxigraph", "rdflib", "spacy", "pyvis"))),
        ("corpus", f"{args.n:,} synthetic articles (benchmarks/generate.py, seed 2019)"),
    ]
    store_dir = args.workdir / f"store-{args.n}"
    rows = header + ([] if args.reuse_store else measure_build(args.n, args.workdir))
    if not args.skip_queries:
        rows += measure_queries(store_dir, args.repeat, not args.no_rdflib, args.rdflib_timeout)
    rows += measure_viz(store_dir, args.workdir, args.browser)
    print("| measure | value |\n|---|---|")
    for k, v in rows:
        print(f"| {k} | {v} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
