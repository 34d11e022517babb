"""The vocabulary layer: the OWL ontology, SHACL shapes, lexicon and namespaces.

Imports nothing else from kbgraph but the shared errors (:mod:`kbgraph.errors`). Data
files live beside this module and ship as package data; the paths below find them in a
checkout and in an install alike.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
ONTOLOGY_TTL = HERE / "kbgraph.ttl"
SHAPES_TTL = HERE / "shapes.ttl"
LEXICON_DIR = HERE / "lexicon"

