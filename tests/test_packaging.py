"""The wheel holds every module and data file of the checkout, under kbgraph.<layer>.

An editable install reads the folders themselves, so a package or a data file that
the packaging forgets still works there and is only missing for the people who
install the wheel; this builds one and looks inside.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from test_layers import ROOT, layer_folders, modules

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory) -> set[str]:
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation",
         "-q", "-w", str(out)],
        capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stderr
    (whl,) = out.glob("kbgraph-*.whl")
    return set(zipfile.ZipFile(whl).namelist())


def test_every_module_is_in_the_wheel(wheel_names):
    missing = []
    for name, path in modules().items():
        inside = name.replace(".", "/") + ("/__init__.py" if path.name == "__init__.py" else ".py")
        if inside not in wheel_names:
            missing.append(inside)
    assert missing == []
    assert "kbgraph/graph/store/embedded.py" in wheel_names


def test_every_data_file_is_in_the_wheel(wheel_names):
    missing = []
    for name, folder in layer_folders().items():
        for path in sorted((ROOT / folder).rglob("*")):
            rel = path.relative_to(ROOT / folder)
            if path.is_dir() or "__pycache__" in rel.parts or path.suffix == ".pyc":
                continue
            inside = "/".join([*name.split("."), *rel.parts])
            if inside not in wheel_names:
                missing.append(inside)
    assert missing == []
    assert {"kbgraph/graph/assets/viz.js", "kbgraph/ontology/kbgraph.ttl",
            "kbgraph/queries/meetings.rq"} <= wheel_names
