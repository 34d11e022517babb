"""kbgraph: a knowledge graph of Indonesia's population and family-planning policy.

The public API for notebooks and scripts lives here; everything else is in the
layers ``kbgraph.ontology``, ``kbgraph.loaders``, ``kbgraph.graph`` and
``kbgraph.queries``.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kbgraph")
except PackageNotFoundError:  # running from a checkout without an install
    __version__ = "0.0.0"

__all__ = ["__version__"]
