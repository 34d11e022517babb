"""The README's examples, run once per session in a scratch copy of the checkout.

``docs/make_docs.py`` owns the rules (which blocks run, how, what is compared); the tests
here import it, so the generator and the check cannot disagree.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "docs"))

import make_docs  # noqa: E402


@pytest.fixture(scope="session")
def readme_run(tmp_path_factory) -> tuple[make_docs.Workspace, list[make_docs.Example]]:
    """Every README example run top to bottom (the first is ``kbgraph demo``)."""
    ws = make_docs.Workspace(tmp_path_factory.mktemp("readme"))
    found = make_docs.examples(make_docs.README.read_text(encoding="utf-8").split("\n"))
    make_docs.run_examples(found, ws)
    return ws, found
