"""Imports point down, and no two modules import each other, read from the code itself.

Every ``import`` and ``from … import`` of every module is read with :mod:`ast`
(including the ones inside functions: a lazy import is still a dependency; so is a
string that names a module, as the export registry's ``"module:function"`` do), and
checked against the order of the layers (DESIGN.md) and of the rooms of ``graph/``:

    kbgraph.errors  <  ontology  <  loaders  <  graph  <  queries  <  the shell (kbgraph/)
    inside graph/:  store  <  network, check  <  export  <  graph/*.py (stats, demo)

Which folder is which package comes from ``setup.py`` (the mapping that ships), so
a new module or subfolder is checked the day it is added.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parents[1]

#: Rank of each layer; an import may only go to a lower or equal rank.
LAYER_RANK = {"errors": 0, "ontology": 1, "loaders": 2, "graph": 3, "queries": 4, "shell": 5}
#: Rank of each room of graph/; modules directly in graph/ sit above all rooms.
ROOM_RANK = {"store": 0, "network": 1, "check": 1, "export": 2, "": 3}


def layer_folders(root: Path = ROOT) -> dict[str, str]:
    """``LAYERS`` of setup.py: import name → folder."""
    tree = ast.parse((root / "setup.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "LAYERS" for t in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError("setup.py defines no LAYERS")


def modules(root: Path = ROOT) -> dict[str, Path]:
    """Every module of the distribution: dotted name → file."""
    found: dict[str, Path] = {}
    for name, folder in layer_folders(root).items():
        base = root / folder
        for path in sorted(base.rglob("*.py")):
            parts = list(path.relative_to(base).with_suffix("").parts)
            if "__pycache__" in parts:
                continue
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join([name, *parts])] = path
    return found


def _is_package(path: Path) -> bool:
    return path.name == "__init__.py"


def imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The kbgraph modules ``name`` imports, anywhere in its code."""
    package = name if _is_package(path) else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            # a module named to be imported later ("module:function" in a registry)
            named = node.value.partition(":")[0]
            targets = [named] if "." in named and named in known else []
        elif isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            # ``from pkg import mod`` imports the module; ``from mod import name`` the module
            targets = [f"{source}.{a.name}" if f"{source}.{a.name}" in known else source for a in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:  # ``import a.b.c`` of a name inside a module
                target = target.rpartition(".")[0]
            if target and target != name:
                out.add(target)
    return out


def import_graph(root: Path = ROOT) -> nx.DiGraph:
    mods = modules(root)
    G = nx.DiGraph()
    G.add_nodes_from(mods)
    for name, path in mods.items():
        G.add_edges_from((name, target) for target in imports(name, path, set(mods)))
    return G


@dataclass(frozen=True)
class Place:
    layer: str
    room: str | None  # a room of graph/ ("" for graph/*.py), None elsewhere

    @property
    def rank(self) -> tuple[int, int]:
        return LAYER_RANK[self.layer], ROOM_RANK[self.room] if self.room is not None else 0


def place(module: str) -> Place:
    """Where a module sits: its layer, and its room inside graph/."""
    parts = module.split(".")
    if module == "kbgraph.errors":
        return Place("errors", None)
    if len(parts) == 1 or parts[1] not in LAYER_RANK or parts[1] in ("errors", "shell"):
        return Place("shell", None)  # kbgraph, kbgraph.cli.*, kbgraph.__main__
    if parts[1] == "graph":
        room = parts[2] if len(parts) > 3 or (len(parts) == 3 and parts[2] in ROOM_RANK) else ""
        return Place("graph", room)
    return Place(parts[1], None)


def upward_imports(G: nx.DiGraph) -> list[str]:
    """Imports from a lower layer or room to a higher one, or between two rooms of one rank."""
    bad = []
    for a, b in sorted(G.edges):
        pa, pb = place(a), place(b)
        if pa.rank < pb.rank:
            bad.append(f"{a} -> {b} ({pa.layer}/{pa.room or ''} imports {pb.layer}/{pb.room or ''})")
        elif pa.rank == pb.rank and pa.room and pb.room and pa.room != pb.room:
            bad.append(f"{a} -> {b} (rooms {pa.room} and {pb.room} are side by side)")
    return bad


def circles(G: nx.DiGraph) -> list[list[str]]:
    """Groups of modules that import each other, directly or around a circle."""
    return sorted(sorted(c) for c in nx.strongly_connected_components(G) if len(c) > 1)


# --------------------------------------------------------------------------- the checks


def test_the_checks_see_every_module_and_its_imports():
    G = import_graph()
    assert {"kbgraph.errors", "kbgraph.graph.store.embedded", "kbgraph.graph.network.projection",
            "kbgraph.graph.export.registry", "kbgraph.graph.check.reason", "kbgraph.cli.store",
            "kbgraph.loaders.extract.s04_organizations", "kbgraph.queries.server"} <= set(G)
    # relative, absolute and lazy (inside a function) imports are all seen
    assert G.has_edge("kbgraph.graph.store.remote", "kbgraph.graph.store.base")
    assert G.has_edge("kbgraph.queries.catalog", "kbgraph.graph.store.terms")
    assert G.has_edge("kbgraph.cli.store", "kbgraph.graph.store.build")
    assert G.has_edge("kbgraph.graph.export.registry", "kbgraph.graph.export.owl")  # by name


def test_no_import_circle():
    assert circles(import_graph()) == []


def test_imports_point_down_the_layers_and_rooms():
    assert upward_imports(import_graph()) == []


def test_nothing_below_the_shell_imports_the_shell():
    G = import_graph()
    shell = {m for m in G if place(m).layer == "shell"}
    assert [(a, b) for a, b in G.edges if b in shell and a not in shell] == []


def test_the_queries_never_import_the_picture():
    G = import_graph()
    assert [(a, b) for a, b in G.edges
            if a.startswith("kbgraph.queries") and b.startswith("kbgraph.graph.network")] == []


# --------------------------------------------------------------------------- the checks can fail


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    (tmp_path / "setup.py").write_text(
        'LAYERS = {"kbgraph": "kbgraph", "kbgraph.ontology": "ontology", "kbgraph.graph": "graph"}\n')
    for rel, text in {"kbgraph/__init__.py": "", "kbgraph/errors.py": "", "ontology/__init__.py": "",
                      "graph/__init__.py": "", "graph/store/__init__.py": "",
                      "graph/network/__init__.py": "", **files}.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    return tmp_path


def test_a_circle_through_a_lazy_import_is_found(tmp_path):
    root = _tree(tmp_path, {
        "graph/store/a.py": "from .b import x\n",
        "graph/store/b.py": "def f():\n    from kbgraph.graph.store.a import y\n",
    })
    assert circles(import_graph(root)) == [["kbgraph.graph.store.a", "kbgraph.graph.store.b"]]


@pytest.mark.parametrize("rel, text, found", [
    ("ontology/owl.py", "from kbgraph import __version__\n", "kbgraph.ontology.owl -> kbgraph"),
    ("graph/store/cache.py", "from ..network import page\n", "kbgraph.graph.store.cache -> kbgraph.graph.network"),
    ("ontology/words.py", "import kbgraph.graph.store\n", "kbgraph.ontology.words -> kbgraph.graph.store"),
])
def test_an_upward_import_is_found(tmp_path, rel, text, found):
    root = _tree(tmp_path, {rel: text, "graph/network/page.py": ""})
    assert [b for b in upward_imports(import_graph(root)) if b.startswith(found)]
