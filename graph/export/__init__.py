"""The export room: the graph in the files researchers' own tools open.

=============  ================================================================
``registry``   the table of formats by name (:data:`FORMATS`), the selection of
               quads, :func:`export` and :func:`render`
``rdf``        Turtle, N-Triples, N-Quads, TriG, JSON-LD
``owl``        RDF/XML for Protégé and owlready2
``network``    GraphML, GEXF, Cytoscape.js JSON, CSV nodes and edges
``neo4j``      neo4j-admin import CSVs and Cypher
``common``     what the writers share: canonical quads, XML-safe text
=============  ================================================================
"""

from __future__ import annotations

from .registry import *  # noqa: F403
from .registry import __all__ as _registry_all

__all__ = list(_registry_all)
