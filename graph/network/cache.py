"""The entity network of an embedded store, kept on disk for the store's current revision.

Projecting 10,000 articles reads a quarter of a million evidence nodes and takes tens of
seconds, while a researcher draws the network many times between two builds (another
``--focus``, another ``--max-nodes``, a GraphML for Gephi, ``stats --network``). So the
first projection after a build is written next to the store, keyed by the store's
:attr:`~kbgraph.graph.store.EmbeddedStore.revision` (new after every write) and by what
the projection is made of (the package version, the ``network-*.rq`` queries and the
ontology); later ones read it back. A store without a revision (a writer at work or one
that died), a remote store and an rdflib graph are projected afresh every time.

The file is JSON (networkx's node-link form), never pickle: a store folder may come
from someone else, and reading it must not run code.
"""

from __future__ import annotations

import hashlib
import json
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph

from kbgraph.ontology import ONTOLOGY_TTL

from kbgraph.errors import InputError

from kbgraph.graph.store.atomic import write_file
from kbgraph.graph.store import ASSETS, EmbeddedStore

from . import projection

__all__ = ["project_cached", "cache_file"]

#: Bumped when the file's layout changes.
_LAYOUT = 1
_PREFIX = "network-"


def _version() -> str:
    """The installed kbgraph's version (read from its metadata: this layer does not import the shell)."""
    try:
        return version("kbgraph")
    except PackageNotFoundError:  # a checkout without an install
        return "0.0.0"


def _recipe() -> str:
    """A digest of everything a projection depends on besides the store's content."""
    h = hashlib.sha256(f"{_LAYOUT} {_version()}".encode())
    for path in sorted(ASSETS.glob("network-*.rq")) + [Path(ONTOLOGY_TTL)]:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def cache_file(store: EmbeddedStore) -> Path | None:
    """Where the projection of ``store``'s current revision is kept (None: not cacheable)."""
    revision = store.revision
    if revision is None:
        return None
    return store.cache_dir / f"{_PREFIX}{revision}-{_recipe()}.json"


def project_cached(source: Any) -> nx.MultiDiGraph:
    """:func:`kbgraph.graph.network.project`, read from the cache when it holds this revision.

    Returns the same graph, attribute for attribute and in the same order, as a fresh
    projection. A cache file that cannot be read is ignored and replaced.
    """
    if isinstance(source, Graph) or not isinstance(source, EmbeddedStore):
        return projection.project(source)
    path = cache_file(source)
    if path is None:
        return projection.project(source)
    G = _read(path)
    if G is not None:
        return G
    G = projection.project(source)
    if cache_file(source) == path:  # no writer came and went meanwhile
        _write(path, G)
    return G


def _read(path: Path) -> nx.MultiDiGraph | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        G = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError, nx.NetworkXError):
        return None
    return G if isinstance(G, nx.MultiDiGraph) else None


def _write(path: Path, G: nx.MultiDiGraph) -> None:
    """Write atomically and drop the projections of earlier revisions; a read-only
    folder just means no cache."""
    data = nx.node_link_data(G, edges="edges")
    try:
        write_file(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
        for old in path.parent.glob(f"{_PREFIX}*.json"):
            if old != path:
                old.unlink(missing_ok=True)
    except (InputError, OSError):
        pass
