"""Every IRI the code writes comes from here.

Ontology terms are closed namespaces (rdflib ``DefinedNamespace`` with ``_fail``):
``KB`` is generated from ``kbgraph.ttl``; ``SCHEMA`` and ``OA`` list the
schema.org and Web Annotation terms kbgraph uses (a test checks each is
declared in the ttl). rdflib's own ``SDO`` is ``https://schema.org/``; kbgraph
uses ``http://schema.org/`` everywhere and never mixes the two.

Instance IRIs are minted by :func:`entity_iri` from a kind and a slug derived
from the canonical name, so the same entity gets the same IRI in every build.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import Namespace, URIRef
from rdflib.namespace import (
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SKOS,
    TIME,
    XSD,
    DefinedNamespace,
)

from ._kb import KB

__all__ = [
    "KB", "SCHEMA", "OA", "ORG", "PROV", "DCTERMS", "SKOS", "TIME", "FOAF", "OWL", "RDF",
    "RDFS", "XSD", "WD", "ID", "GRAPH", "ONTOLOGY_IRI", "ONTOLOGY_GRAPH", "INFERRED_GRAPH",
    "LEXICON_GRAPH", "SHARED_GRAPHS",
    "PREFIXES", "slugify", "entity_iri", "article_graph", "short_hash", "bind_prefixes",
    "PROVENANCE_KINDS", "PROVENANCE_IRI_PREFIXES", "PROVENANCE_LINE_PREFIXES", "is_provenance_line",
]


class SCHEMA(DefinedNamespace):
    """The schema.org terms kbgraph uses, under ``http://schema.org/``."""

    _fail = True
    _NS = Namespace("http://schema.org/")

    Person: URIRef
    Place: URIRef
    Event: URIRef
    NewsArticle: URIRef
    organizer: URIRef
    location: URIRef
    containedInPlace: URIRef
    containsPlace: URIRef
    mentions: URIRef
    publisher: URIRef
    locationCreated: URIRef
    sameAs: URIRef
    about: URIRef
    areaServed: URIRef
    startDate: URIRef
    endDate: URIRef
    datePublished: URIRef
    url: URIRef
    text: URIRef
    copyrightYear: URIRef
    name: URIRef


class OA(DefinedNamespace):
    """The Web Annotation terms kbgraph uses."""

    _fail = True
    _NS = Namespace("http://www.w3.org/ns/oa#")

    Annotation: URIRef
    SpecificResource: URIRef
    TextPositionSelector: URIRef
    TextQuoteSelector: URIRef
    hasTarget: URIRef
    hasBody: URIRef
    hasSource: URIRef
    hasSelector: URIRef
    start: URIRef
    end: URIRef
    exact: URIRef


WD = Namespace("http://www.wikidata.org/entity/")
ID = Namespace("https://w3id.org/kbgraph/id/")
GRAPH = Namespace("https://w3id.org/kbgraph/graph/")
ONTOLOGY_IRI = URIRef("https://w3id.org/kbgraph/ontology")
ONTOLOGY_GRAPH = GRAPH["ontology"]
INFERRED_GRAPH = GRAPH["inferred"]
#: Reference data derived from the lexicon (names in time, renames with their sources):
#: kept apart from what articles say.
LEXICON_GRAPH = GRAPH["lexicon"]
#: The named graphs that belong to no article (everything else is one article's graph).
SHARED_GRAPHS = frozenset({ONTOLOGY_GRAPH, INFERRED_GRAPH, LEXICON_GRAPH})

PREFIXES: dict[str, str] = {
    "kb": str(KB._NS),
    "kbid": str(ID),
    "org": str(ORG._NS),
    "prov": str(PROV._NS),
    "schema": str(SCHEMA._NS),
    "dcterms": str(DCTERMS._NS),
    "skos": str(SKOS._NS),
    "time": str(TIME._NS),
    "oa": str(OA._NS),
    "foaf": str(FOAF._NS),
    "owl": str(OWL._NS),
    "rdf": str(RDF._NS),
    "rdfs": str(RDFS._NS),
    "xsd": str(XSD._NS),
    "wd": str(WD),
}

#: Kinds of instance IRI: ``https://w3id.org/kbgraph/id/<kind>/<slug>``.
KINDS = frozenset({
    "org", "person", "post", "program", "framework", "event", "place",
    "article", "statement", "evidence", "mention", "namechange", "passage", "name", "lexicon",
})


#: Kinds whose nodes are one article's provenance (evidence, its sentences, mentions,
#: statements): kept in the article's named graph only, never in the deduplicated union
#: view (docs/rdf-model.md, "The union view").
PROVENANCE_KINDS = ("evidence", "mention", "passage", "statement")
#: The IRI prefixes of provenance nodes.
PROVENANCE_IRI_PREFIXES = tuple(f"{ID}{kind}/" for kind in PROVENANCE_KINDS)
#: The same as the start of an N-Triples line whose subject is a provenance node.
PROVENANCE_LINE_PREFIXES = tuple(f"<{p}" for p in PROVENANCE_IRI_PREFIXES)


def is_provenance_line(line: str) -> bool:
    """True for an N-Triples line whose subject is a provenance node."""
    return line.startswith(PROVENANCE_LINE_PREFIXES)


def slugify(text: str, max_len: int = 80) -> str:
    """ASCII, lower-case, hyphen-separated slug; stable across runs and platforms."""
    norm = unicodedata.normalize("NFKD", text)
    ascii_text = norm.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > max_len:
        slug = slug[:max_len].rstrip("-") + "-" + short_hash(text, n=8)
    return slug or short_hash(text, n=12)


def short_hash(*parts: object, n: int = 12) -> str:
    """A short, deterministic hex digest of the parts (joined by U+001F)."""
    data = "\x1f".join(str(p) for p in parts).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:n]


def entity_iri(kind: str, slug: str) -> URIRef:
    """The IRI of an instance; ``kind`` must be one of :data:`KINDS`."""
    if kind not in KINDS:
        raise ValueError(f"unknown IRI kind {kind!r}; expected one of {sorted(KINDS)}")
    if not slug or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", slug):
        raise ValueError(f"not a valid slug: {slug!r}")
    return ID[f"{kind}/{slug}"]


def article_graph(article_id: str) -> URIRef:
    """The named graph that holds everything one article says."""
    return GRAPH[f"article/{article_id}"]


def bind_prefixes(graph) -> None:
    """Bind the project's prefixes on an rdflib Graph/Dataset (for readable output)."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
