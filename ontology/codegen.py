"""Generate ``ontology/_kb.py`` from ``ontology/kbgraph.ttl``.

The generated module holds a closed rdflib ``DefinedNamespace`` (``_fail = True``):
a typo such as ``KB.organisedBy`` raises at import/attribute time instead of
silently minting a new IRI. Run ``python -m kbgraph.ontology.codegen`` after
editing the ontology; ``tests/ontology/test_namespaces.py`` fails when stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rdflib import Graph, URIRef

HERE = Path(__file__).resolve().parent
TTL = HERE / "kbgraph.ttl"
TARGET = HERE / "_kb.py"
KB_IRI = "https://w3id.org/kbgraph/ontology#"


def kb_terms(ttl: Path = TTL) -> list[str]:
    """Local names of every kb: term that the ontology declares (as a subject)."""
    g = Graph().parse(ttl, format="turtle")
    names = {
        str(s)[len(KB_IRI):]
        for s in g.subjects()
        if isinstance(s, URIRef) and str(s).startswith(KB_IRI) and len(str(s)) > len(KB_IRI)
    }
    return sorted(names)


def render(terms: list[str]) -> str:
    """Python source of the generated namespace module."""
    lines = [
        '"""Generated from ontology/kbgraph.ttl by kbgraph.ontology.codegen — do not edit."""',
        "",
        "from rdflib.namespace import DefinedNamespace, Namespace",
        "from rdflib.term import URIRef",
        "",
        "",
        "class KB(DefinedNamespace):",
        '    """Terms of the kbgraph ontology (closed: unknown names raise)."""',
        "",
        "    _fail = True",
        f'    _NS = Namespace("{KB_IRI}")',
        "",
    ]
    lines += [f"    {t}: URIRef" for t in terms]
    return "\n".join(lines) + "\n"


def main() -> int:
    TARGET.write_text(render(kb_terms()), encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
