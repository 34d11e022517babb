"""The README's examples, run once per session in a scratch copy of the checkout.

``docs/make_docs.py`` owns the rules (which blocks run, how, what is compared); it is
loaded here as the module ``kbgraph_make_docs`` (docs/ is not a package, and other test
folders have a ``conftest`` of their own), so the generator and the check cannot disagree.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[2] / "docs" / "make_docs.py"
_spec = importlib.util.spec_from_file_location("kbgraph_make_docs", _PATH)
make_docs = importlib.util.module_from_spec(_spec)
sys.modules["kbgraph_make_docs"] = make_docs  # before running it: dataclasses look it up
_spec.loader.exec_module(make_docs)


@pytest.fixture(scope="session")
def readme_run(tmp_path_factory):
    """Every README example run top to bottom (the first is ``kbgraph demo``)."""
    ws = make_docs.Workspace(tmp_path_factory.mktemp("readme"))
    found = make_docs.examples(make_docs.README.read_text(encoding="utf-8").split("\n"))
    make_docs.run_examples(found, ws)
    return ws, found
