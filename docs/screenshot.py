#!/usr/bin/env python3
"""Make the README's pictures: the network page as a browser draws it, and a figure.

    python docs/screenshot.py                       # all three pictures of docs/img/
    python docs/screenshot.py --html kbgraph-out/graph.html --out /tmp/graph.png

* ``docs/img/graph.png``: the default overview of the seed article (``kbgraph demo`` in
  a scratch folder, its ``graph.html``);
* ``docs/img/dev-overview.png``: the default overview of the dev corpus
  (``tests/fixtures/dev``, 14 articles, built in a scratch store);
* ``docs/img/figure.png``: ``kbgraph viz --format png`` of the dev corpus around
  Perwakilan BKKBN Kalbar (two steps), as written (300 dpi).

The README shows what kbgraph really writes, so the pages are taken, not drawn: Debian's
headless chromium opens each from a file:// URL in a 1600 × 1000 window and waits
(``--virtual-time-budget``) until it is drawn. A dead proxy makes sure the page draws
with no network, as it must for researchers offline.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
IMG = REPO / "docs" / "img"
DEFAULT_OUT = IMG / "graph.png"
DEV = REPO / "tests" / "fixtures" / "dev"
FIGURE_FOCUS = ("--focus", "Perwakilan BKKBN Kalbar", "--depth", "2")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--window-size=1600,1000", "--virtual-time-budget=8000", "--hide-scrollbars",
         "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>")
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def chromium() -> str:
    """The chromium executable (Debian: ``apt-get install chromium``)."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        raise SystemExit("chromium is not installed (apt-get install chromium)")
    return found


def demo_html(folder: Path) -> Path:
    """Run ``kbgraph demo --out folder`` and return its graph.html."""
    subprocess.run([sys.executable, "-m", "kbgraph", "demo", "--out", str(folder)], check=True,
                   stdout=subprocess.DEVNULL)
    html = folder / "graph.html"
    if not html.exists():
        raise SystemExit(f"kbgraph demo wrote no {html}")
    return html


def kbgraph(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "kbgraph", *args], check=True, stdout=subprocess.DEVNULL)


def dev_store(folder: Path) -> Path:
    """The dev corpus built into ``folder/store``."""
    kbgraph("build", *map(str, sorted(DEV.glob("*.txt"))), "--store", str(folder / "store"))
    return folder / "store"


def screenshot(html: Path, out: Path) -> Path:
    """Shoot ``html`` into the PNG ``out`` (written whole, or not at all)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kbgraph-shot-") as tmp:
        shot = Path(tmp) / "shot.png"
        subprocess.run([chromium(), *FLAGS, f"--user-data-dir={Path(tmp) / 'profile'}", f"--screenshot={shot}",
                        html.resolve().as_uri()], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=120)
        data = shot.read_bytes() if shot.exists() else b""
        if not data.startswith(PNG_MAGIC):
            raise SystemExit(f"chromium wrote no picture of {html}")
        tmp_out = out.with_name(f".{out.name}.tmp")
        tmp_out.write_bytes(data)
        tmp_out.replace(out)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--html", type=Path, help="one page to shoot (default: the three pictures of docs/img)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"PNG to write with --html (default: {DEFAULT_OUT})")
    args = parser.parse_args(argv)
    if args.html:
        print(f"wrote {screenshot(args.html, args.out)}")
        return 0
    with tempfile.TemporaryDirectory(prefix="kbgraph-demo-") as tmp:
        print(f"wrote {screenshot(demo_html(Path(tmp) / 'kbgraph-out'), IMG / 'graph.png')}")
        store = dev_store(Path(tmp))
        kbgraph("viz", "--store", str(store), "--out", str(Path(tmp) / "dev.html"))
        print(f"wrote {screenshot(Path(tmp) / 'dev.html', IMG / 'dev-overview.png')}")
        figure = Path(tmp) / "figure.png"
        kbgraph("viz", "--store", str(store), "--format", "png", *FIGURE_FOCUS, "--out", str(figure))
        (IMG / "figure.png").write_bytes(figure.read_bytes())
        print(f"wrote {IMG / 'figure.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
