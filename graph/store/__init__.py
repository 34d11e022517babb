"""The store room: one store interface, its embedded and remote backends, and the build.

=================  ===========================================================
``base``           the :class:`Store` interface every part of kbgraph uses
``result``         :class:`Result`, the rows of a SELECT (the one result type)
``embedded``       :class:`EmbeddedStore`: Oxigraph in a folder on disk
``remote``         :class:`RemoteStore`: a SPARQL 1.1 server over HTTP
``terms``          RDF terms between rdflib, pyoxigraph and SPARQL text
``serialize``      RDF text (N-Triples, N-Quads, Turtle, TriG, JSON-LD): one
                   writer per syntax, for ``Store.dump`` and ``kbgraph export``
``build``          files → loaders → the store (``kbgraph build``)
``build_index``    what the last build read, so unchanged files are not read again
``atomic``         every file kbgraph writes, written atomically (fsync)
``check``          ``kbgraph check --integrity``: the format, the union view, the data files
=================  ===========================================================

:func:`open_store` opens either backend from a ``--store`` value; it lives here, above
both, so that neither backend imports the other.
"""

from __future__ import annotations

import os

from .base import ASSETS, Store, sparql_asset
from .embedded import EmbeddedStore
from .remote import RemoteStore
from .result import Result

__all__ = ["Store", "EmbeddedStore", "RemoteStore", "Result", "open_store", "is_remote",
           "sparql_asset", "ASSETS"]


def is_remote(location: str | os.PathLike[str]) -> bool:
    """True when ``location`` is the http(s) URL of a SPARQL server."""
    return str(location).lower().startswith(("http://", "https://"))


def open_store(
    location: str | os.PathLike[str],
    update_url: str | None = None,
    *,
    create: bool = True,
    read_only: bool = False,
    gsp_url: str | None = None,
    timeout: float = 300.0,
    upgrade: bool = False,
) -> Store:
    """Open the store at a folder (embedded Oxigraph) or an http(s) SPARQL endpoint URL.

    ``create=False`` refuses a folder that does not exist yet (for commands that only
    read). For a URL, ``update_url`` defaults to the query URL with its last path
    segment ``query``/``sparql`` replaced by ``update``; ``gsp_url`` (a Graph Store
    Protocol endpoint such as Oxigraph's ``/store``) makes graph replacement use HTTP PUT.
    ``upgrade=True`` (``build --force``) empties an embedded store of an older format, to
    be rebuilt, instead of refusing it.
    """
    if is_remote(location):
        return RemoteStore(str(location), update_url=update_url, gsp_url=gsp_url, timeout=timeout)
    return EmbeddedStore(location, create=create, read_only=read_only, upgrade=upgrade)
