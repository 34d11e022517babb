"""The extraction's modules follow the order of its stages (``language.STAGES``).

A stage module (``sNN_….py``) may use what an earlier stage defines, never what a later
one does: the file list reads as the pipeline. A helper module without a number
(``registry``, ``text``, ``publishers``) sits at the rank of the highest stage it
imports, directly or through another helper, so a stage can use it only when that rank
is below its own. Read from the code with :mod:`ast`.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from kbgraph.loaders.extract import language

EXTRACT = Path(language.__file__).resolve().parent
_STAGE = re.compile(r"s(\d\d)_\w+")


def _siblings(path: Path) -> set[str]:
    """The modules of ``loaders/extract`` that ``path`` imports (relative imports)."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            out.update([node.module] if node.module else [a.name for a in node.names])
    return out


def _ranks() -> dict[str, int]:
    """Module name → its rank (a stage's number; a helper's highest stage imported)."""
    imports = {p.stem: _siblings(p) for p in EXTRACT.glob("*.py")}
    ranks: dict[str, int] = {}

    def rank(name: str, seen: tuple[str, ...] = ()) -> int:
        if name in ranks:
            return ranks[name]
        m = _STAGE.fullmatch(name)
        if m:
            ranks[name] = int(m.group(1))
        else:
            assert name not in seen, f"import cycle through {name}"
            ranks[name] = max((rank(n, (*seen, name)) for n in imports.get(name, ())
                               if n in imports), default=0)
        return ranks[name]

    for name in imports:
        rank(name)
    return ranks


def test_stage_modules_are_the_declared_stages_in_order() -> None:
    numbered = sorted(p.stem for p in EXTRACT.glob("s[0-9][0-9]_*.py"))
    assert [int(n[1:3]) for n in numbered] == list(range(1, len(language.STAGES) + 1))


def test_every_stage_imports_only_earlier_stages_and_helpers_below_it() -> None:
    ranks = _ranks()
    wrong = []
    for path in sorted(EXTRACT.glob("s[0-9][0-9]_*.py")):
        own = ranks[path.stem]
        for name in sorted(_siblings(path)):
            if name in ranks and ranks[name] >= own:
                wrong.append(f"{path.stem} imports {name} (rank {ranks[name]})")
    assert wrong == []


def test_the_rank_of_a_helper_is_its_highest_stage() -> None:
    ranks = _ranks()
    assert ranks["registry"] == 2  # it reads the lexicon hits of stage 2
    assert ranks["publishers"] == 2  # through registry: usable by the dateline of stage 3
    assert ranks["text"] == 0
