"""The vocabulary layer: the OWL ontology, SHACL shapes, lexicon and namespaces.

Imports nothing else from kbgraph. Data files live beside this module and ship as
package data; :func:`resource` finds them in a checkout and in an install alike.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
ONTOLOGY_TTL = HERE / "kbgraph.ttl"
SHAPES_TTL = HERE / "shapes.ttl"
LEXICON_DIR = HERE / "lexicon"


def resource(name: str) -> Path:
    """Path of a data file shipped with the ontology package."""
    return HERE / name
