"""A real ``kbgraph build`` in a subprocess that writes in small batches.

The build writes up to ``WRITE_BATCH`` (256) articles per bulk load: a corpus of a few
dozen articles would land in one write, and a reader running beside it would never see
the store half built. These tests are about what readers see *between* writes, so the
child build writes every few articles; everything else is the production command.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CHILD = """
import sys
import kbgraph.graph.store.build as build
build.WRITE_BATCH, build.WRITE_EVERY = 4, 0.2
from kbgraph.cli import main
sys.exit(main(sys.argv[1:]))
"""


def start_build(corpus: Path, store: Path) -> subprocess.Popen:
    """``kbgraph build CORPUS --store STORE --workers 1``, started, with small writes."""
    return subprocess.Popen([sys.executable, "-c", CHILD, "build", str(corpus), "--store", str(store),
                             "--workers", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
