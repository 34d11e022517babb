#!/usr/bin/env python3
"""Make docs/img/graph.png: the seed graph's network page, as a browser draws it.

    python docs/screenshot.py                       # kbgraph demo in a scratch folder, then shoot
    python docs/screenshot.py --html kbgraph-out/graph.html --out /tmp/graph.png

The README shows what ``kbgraph demo`` really writes, so the picture is taken, not
drawn: Debian's headless chromium opens ``graph.html`` from a file:// URL and waits
(``--virtual-time-budget``) for the layout to settle. A dead proxy makes sure the page
draws with no network, as it must for researchers offline.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "docs" / "img" / "graph.png"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--window-size=1400,900", "--virtual-time-budget=8000", "--hide-scrollbars",
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
    parser.add_argument("--html", type=Path, help="page to shoot (default: run kbgraph demo in a scratch folder)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"PNG to write (default: {DEFAULT_OUT})")
    args = parser.parse_args(argv)
    if args.html:
        path = screenshot(args.html, args.out)
    else:
        with tempfile.TemporaryDirectory(prefix="kbgraph-demo-") as tmp:
            path = screenshot(demo_html(Path(tmp) / "kbgraph-out"), args.out)
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
