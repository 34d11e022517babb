"""The network room: the knowledge graph as a networkx graph, and what is drawn from it.

==============  ==============================================================
``projection``  store → networkx: entities are nodes, object properties edges
``measures``    centralities, communities, ego networks: pure functions of the
                projected graph that return data
``cache``       the projection of an embedded store, kept for its revision
``orgkind``     organizations' government level and kind (the one classification)
``overview``    what is drawn by default: posts folded, outlets and isolated
                nodes left out; provinces; the filters
``layout``      deterministic positions (stress majorization, overlap removal)
``style``       colours and shapes of nodes
``pagedata``    the JSON the page carries
``page``        the network as one offline HTML page (``kbgraph viz``), or a
                figure (``figure``: png, svg, pdf for a paper)
``notebook``    the page inside Jupyter
==============  ==============================================================

The projection and the measures are re-exported here: ``from kbgraph.graph.network
import project, degree_centrality``.
"""

from __future__ import annotations

from .measures import *  # noqa: F403
from .measures import __all__ as _measures_all
from .projection import *  # noqa: F403
from .projection import __all__ as _projection_all

__all__ = list(_projection_all) + list(_measures_all)
