"""A SPARQL 1.1 server as a kbgraph store (Oxigraph, Fuseki, GraphDB, Virtuoso).

Plain HTTP through urllib: the SPARQL 1.1 Protocol for queries and updates, and
optionally the Graph Store Protocol (HTTP PUT/DELETE of one graph). rdflib's
``SPARQLUpdateStore`` is not used: in rdflib 7.6 it writes the default graph to
``urn:x-rdflib:default`` and queries elsewhere.

The server must answer queries over the union of its named graphs (``oxigraph serve
--union-default-graph``; Fuseki/TDB2 ``tdb2:unionDefaultGraph true``): kbgraph keeps
every article in its own graph. :class:`RemoteStore` checks this when it opens.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping

import pyoxigraph as ox
from rdflib import URIRef

from kbgraph.errors import QueryError, StoreError
from kbgraph.ontology.namespaces import PREFIXES

from .embedded import Bindings, Store, solution_rows
from .terms import inject_values

__all__ = ["RemoteStore", "default_update_url"]

_SPARQL_JSON = "application/sparql-results+json"
_NTRIPLES = "application/n-triples"


def default_update_url(query_url: str) -> str:
    """The update endpoint that goes with a query endpoint (Oxigraph, Fuseki convention)."""
    parts = urllib.parse.urlsplit(query_url)
    path = re.sub(r"/(query|sparql)/?$", "/update", parts.path)
    return urllib.parse.urlunsplit(parts._replace(path=path))


def _prologue(sparql: str) -> str:
    """PREFIX lines for kbgraph's prefixes the query does not declare itself.

    The embedded store knows these prefixes; a server does not, and the same query
    must mean the same thing on both.
    """
    declared = {m.group(1) for m in re.finditer(r"(?i)\bPREFIX\s+([A-Za-z0-9_.-]*):", sparql)}
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items() if p not in declared)


class RemoteStore(Store):
    """A store behind a SPARQL 1.1 query endpoint (and its update endpoint)."""

    def __init__(
        self,
        query_url: str,
        *,
        update_url: str | None = None,
        gsp_url: str | None = None,
        timeout: float = 300.0,
        check_union: bool = True,
    ):
        self.query_url = query_url
        self.update_url = update_url or default_update_url(query_url)
        self.gsp_url = gsp_url
        self.timeout = timeout
        self.location = query_url
        if check_union:
            self._check_union_default_graph()

    # -- HTTP ------------------------------------------------------------------------

    def _http(self, url: str, *, data: bytes | None, method: str, headers: Mapping[str, str]) -> bytes:
        req = urllib.request.Request(url, data=data, method=method, headers=dict(headers))
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                return resp.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read()[:600].decode("utf-8", "replace").strip().replace("\n", " ")
            if exc.code in (400, 422):
                raise QueryError(f"the SPARQL server at {url} rejected the request: {detail}") from None
            raise StoreError(f"the SPARQL server at {url} answered HTTP {exc.code}: {detail}") from None
        except urllib.error.URLError as exc:
            raise StoreError(
                f"cannot reach the SPARQL server at {url}: {exc.reason}",
                hint="is the server running? check --store / --update-url",
            ) from None
        except TimeoutError:
            raise StoreError(f"the SPARQL server at {url} did not answer within {self.timeout:g} s") from None

    def _post_query(self, sparql: str, bindings: Bindings, accept: str) -> bytes:
        text = _prologue(sparql) + inject_values(sparql, bindings or {})
        body = urllib.parse.urlencode({"query": text}).encode("utf-8")
        return self._http(
            self.query_url, data=body, method="POST",
            headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": accept},
        )

    # -- primitives --------------------------------------------------------------------

    def _results(self, sparql: str, bindings: Bindings) -> ox.QuerySolutions | ox.QueryBoolean:
        raw = self._post_query(sparql, bindings, _SPARQL_JSON)
        try:
            return ox.parse_query_results(raw, format=ox.QueryResultsFormat.JSON)
        except (SyntaxError, ValueError) as exc:
            raise StoreError(f"the SPARQL server at {self.query_url} sent unreadable results: {exc}") from None

    def _select_ox(self, sparql: str, bindings: Bindings) -> tuple[list[str], list[tuple]]:
        return solution_rows(self._results(sparql, bindings))

    def _construct_ox(self, sparql: str, bindings: Bindings) -> list[ox.Triple]:
        raw = self._post_query(sparql, bindings, _NTRIPLES)
        try:
            return [q.triple for q in ox.parse(raw, format=ox.RdfFormat.N_TRIPLES)]
        except SyntaxError as exc:
            raise StoreError(f"the SPARQL server at {self.query_url} sent unreadable RDF: {exc}") from None

    def _ask(self, sparql: str, bindings: Bindings) -> bool:
        result = self._results(sparql, bindings)
        if not isinstance(result, ox.QueryBoolean):
            raise QueryError("not an ASK query")
        return bool(result)

    def _update(self, sparql: str) -> None:
        self._http(
            self.update_url, data=sparql.encode("utf-8"), method="POST",
            headers={"Content-Type": "application/sparql-update; charset=utf-8"},
        )

    def _quads_ox(self) -> Iterable[ox.Quad]:
        _, rows = self._select_ox("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }", None)
        return [ox.Quad(s, p, o, g) for s, p, o, g in rows]

    def graphs(self) -> list[URIRef]:
        _, rows = self._select_ox("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", None)
        return sorted(URIRef(r[0].value) for r in rows if isinstance(r[0], ox.NamedNode))

    def write(self, replace: Mapping[URIRef, str], drop: Iterable[URIRef] = (), *,
              new: bool = False) -> None:
        """As :meth:`Store.write`; with a Graph Store Protocol URL, one PUT per graph
        (atomic per graph, not across graphs)."""
        if self.gsp_url is None:
            super().write(replace, drop, new=new)
            return
        for g in sorted(set(drop) - set(replace)):
            self._gsp("DELETE", g, None)
        for g, nt in sorted(replace.items()):
            self._gsp("PUT", g, nt.encode("utf-8"))

    def _gsp(self, method: str, graph_iri: URIRef, body: bytes | None) -> None:
        sep = "&" if "?" in self.gsp_url else "?"
        url = f"{self.gsp_url}{sep}{urllib.parse.urlencode({'graph': str(graph_iri)})}"
        headers = {"Content-Type": f"{_NTRIPLES}; charset=utf-8"} if body is not None else {}
        try:
            self._http(url, data=body, method=method, headers=headers)
        except StoreError as exc:
            if method == "DELETE" and "HTTP 404" in str(exc):
                return  # already absent
            raise

    # -- checks ----------------------------------------------------------------------

    def _check_union_default_graph(self) -> None:
        """Fail early when the server's default graph is not the union of named graphs."""
        _, rows = self._select_ox("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1", None)
        if not rows:
            return  # an empty store: nothing to tell yet
        s, p, o = rows[0]
        ask = f"ASK {{ {s} {p} {o} }}"
        if not self._ask(ask, None):
            raise StoreError(
                f"the SPARQL server at {self.query_url} does not query the union of its named graphs",
                hint="start it with: oxigraph serve --union-default-graph "
                "(Fuseki: tdb2:unionDefaultGraph true)",
            )

    def __repr__(self) -> str:
        return f"<RemoteStore {self.query_url} update={self.update_url}>"

