"""Measure article extraction alone: warm ms/article and cold start (import + first article).

    python benchmarks/extract_speed.py                  # 300 synthetic + the dev articles
    python benchmarks/extract_speed.py --n 100 --cold 5

Warm: one process extracts every article (``pipeline.extract_article``, which cleans and
extracts) once to warm up, then ``--repeat`` more times; the best pass is reported as
ms/article and articles/s (one core). Cold: a fresh interpreter imports the pipeline and
extracts one article, ``--cold`` times; the median is reported, split into import time
(the loaders and spaCy) and first-article time (which builds the spaCy pipeline, the
lexicon matcher and the patterns); ``--importtime N`` adds the N slowest packages one
such process imports (``python -X importtime``). Not a test: the build target (150
articles/s on 2 cores, an incremental rebuild under 2 s) is reported, not asserted.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

_COLD = (
    "import time\n"
    "t0 = time.perf_counter()\n"
    "from kbgraph.loaders.read import read_path\n"
    "from kbgraph.loaders.pipeline import extract_article\n"
    "import kbgraph.loaders.extract\n"  # imported by the first extraction otherwise
    "t1 = time.perf_counter()\n"
    "arts, _ = read_path({path!r})\n"
    "extract_article(arts[0])\n"
    "t2 = time.perf_counter()\n"
    "import json; print(json.dumps({{'import': t1 - t0, 'first': t2 - t1}}))\n"
)


def _articles(paths: list[Path]) -> list:
    from kbgraph.loaders.read import read_path

    out = []
    for path in paths:
        arts, _ = read_path(path)
        out.extend(arts)
    return out


def warm(paths: list[Path], repeat: int) -> float:
    """Best seconds per article over ``repeat`` passes, after one warm-up pass."""
    from kbgraph.loaders.pipeline import extract_article

    articles = _articles(paths)
    for a in articles:
        extract_article(a)
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        for a in articles:
            extract_article(a)
        best = min(best, (time.perf_counter() - t) / len(articles))
    return best


def cold(path: Path, runs: int) -> tuple[float, float, float]:
    """Median (process wall, import, first article) seconds of a fresh interpreter."""
    walls, imports, firsts = [], [], []
    for _ in range(runs):
        t = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", _COLD.format(path=str(path))],
                             capture_output=True, text=True, check=True)
        walls.append(time.perf_counter() - t)
        rec = json.loads(out.stdout.strip().splitlines()[-1])
        imports.append(rec["import"])
        firsts.append(rec["first"])
    return statistics.median(walls), statistics.median(imports), statistics.median(firsts)


def importtimes(path: Path, top: int) -> list[tuple[float, str]]:
    """The ``top`` slowest packages a cold extraction imports: for each top-level package,
    its slowest import made from another package (cumulative seconds: what it imports in
    turn is included, so "numpy" is also inside "spacy")."""
    out = subprocess.run([sys.executable, "-X", "importtime", "-c", _COLD.format(path=str(path))],
                         capture_output=True, text=True, check=True)
    entries = []
    for line in out.stderr.splitlines():
        m = re.match(r"import time:\s+\d+ \|\s+(\d+) \| ( *)(\S+)", line)
        if m:
            entries.append((len(m.group(2)), int(m.group(1)) / 1e6, m.group(3)))
    best: dict[str, tuple[float, str]] = {}
    stack: list[tuple[int, str]] = []  # the enclosing imports (the output lists them after)
    for level, seconds, name in reversed(entries):
        while stack and stack[-1][0] >= level:
            stack.pop()
        package = name.split(".")[0]
        parent = stack[-1][1].split(".")[0] if stack else None
        if parent != package and seconds > best.get(package, (0.0, ""))[0]:
            best[package] = (seconds, name)
        stack.append((level, name))
    return sorted(best.values(), reverse=True)[:top]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300, help="synthetic articles (seed 2019)")
    ap.add_argument("--repeat", type=int, default=3, help="timed warm passes (best kept)")
    ap.add_argument("--cold", type=int, default=5, help="fresh processes for the cold start")
    ap.add_argument("--importtime", type=int, default=0, metavar="N",
                    help="also list the N slowest top-level imports of a cold start")
    args = ap.parse_args(argv)
    dev = sorted((ROOT / "tests/fixtures/dev").glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        generate.generate(args.n, Path(tmp), fmt="txt")
        synth = sorted(Path(tmp).rglob("*.txt"))
        per_synth = warm(synth, args.repeat)
        per_dev = warm(dev, args.repeat)
    seed = ROOT / "loaders/sample/antara-kalbar-2019-11-26-pokja-kampung-kb.txt"
    wall, imp, first = cold(seed, args.cold)
    print("| measure | value |\n|---|---|")
    print(f"| warm, {args.n} synthetic | {per_synth * 1000:.1f} ms/article, "
          f"{1 / per_synth:.0f} articles/s on one core |")
    print(f"| warm, {len(dev)} dev | {per_dev * 1000:.1f} ms/article, "
          f"{1 / per_dev:.0f} articles/s on one core |")
    print(f"| cold start (median of {args.cold}) | process {wall:.2f} s = import {imp:.2f} s "
          f"+ first article {first:.2f} s + interpreter |")
    for seconds, module in importtimes(seed, args.importtime) if args.importtime else ():
        print(f"| import {module} (cumulative) | {seconds:.2f} s |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
