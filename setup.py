"""Which packages the distribution holds: every package below the top-level folders.

The design card fixes the top level: each folder is importable as ``kbgraph.<name>``
(``LAYERS``). Their subpackages are found by setuptools (``find_packages``), so a new
subfolder with an ``__init__.py`` ships in the wheel without being listed anywhere;
everything else about the distribution is in ``pyproject.toml``.
"""

from setuptools import find_packages, setup

#: Import name → folder: the design card's top-level folders (the shell keeps its name).
LAYERS = {
    "kbgraph": "kbgraph",
    "kbgraph.ontology": "ontology",
    "kbgraph.loaders": "loaders",
    "kbgraph.graph": "graph",
    "kbgraph.queries": "queries",
}


def packages() -> list[str]:
    found = []
    for name, folder in LAYERS.items():
        found.append(name)
        found += [f"{name}.{sub}" for sub in find_packages(folder)]
    return sorted(found)


setup(package_dir=LAYERS, packages=packages())
