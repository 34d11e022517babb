"""A SPARQL 1.1 server as a kbgraph store (Oxigraph, Virtuoso, Fuseki, GraphDB).

Plain HTTP through urllib: the SPARQL 1.1 Protocol for queries and updates (both as
form POSTs, which every server takes: Virtuoso hangs on a POST of
``application/sparql-query``), and optionally the Graph Store Protocol (HTTP PUT/DELETE
of one graph). rdflib's ``SPARQLUpdateStore`` is not used: in rdflib 7.6 it writes the
default graph to ``urn:x-rdflib:default`` and queries elsewhere.

The server must answer queries over the union of its named graphs: kbgraph keeps every
article in its own graph. :class:`RemoteStore` checks this when it opens and names the
setting (``oxigraph serve --union-default-graph``; Fuseki/TDB2 ``tdb2:unionDefaultGraph
true``; Virtuoso does so by default). Tested against live Oxigraph and Virtuoso servers
(tests/graph/test_remote.py), where what the server says differs:

- Virtuoso takes updates at its query URL (``/sparql``); the server is recognised by its
  ``Server`` header and the update URL follows unless ``--update-url`` is given. A
  refused update names the grant it needs.
- Virtuoso refuses blank nodes in ``INSERT DATA`` ("not allowed in a constant clause")
  and an article's ``INSERT DATA`` past "10000 lines of code" of generated SQL; graphs
  go to it by its Graph Store Protocol (``/sparql-graph-crud``: one PUT of N-Triples per
  graph, atomic per graph) unless ``--update-url`` is given.
- Virtuoso's union holds its own system graphs (about 5,600 triples): queries sent to it
  exclude the graphs that are not kbgraph's when the store is opened (Virtuoso's
  ``define input:default-graph-exclude``), and graph lists, counts and dumps read only
  kbgraph's graphs (``https://w3id.org/kbgraph/graph/…``) on every server.
- Virtuoso names blank nodes ``nodeID://b1234`` in results; they are renamed to valid
  labels. It cuts answers at ``ResultSetMaxRows`` (10,000 by default) and stops "anytime"
  queries at ``MaxQueryExecutionTime``: both are refused as errors naming the setting,
  never taken as whole answers.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping
from typing import Any

import pyoxigraph as ox
from rdflib import URIRef

from kbgraph.errors import QueryError, StoreError
from kbgraph.ontology.namespaces import GRAPH, PREFIXES

from .base import Bindings, Store, solution_rows
from .terms import inject_values

__all__ = ["RemoteStore", "default_update_url"]

_SPARQL_JSON = "application/sparql-results+json"
_NTRIPLES = "application/n-triples"
#: Only kbgraph's graphs are listed, counted and dumped (a server keeps its own too).
_IS_OURS = f'STRSTARTS(STR(?g), "{GRAPH}")'
_OURS = f"FILTER({_IS_OURS})"
#: Virtuoso's refusals of an ``INSERT DATA`` it cannot compile (blank nodes, size).
_VIRTUOSO_TOO_MUCH = re.compile(r"SP031|SQ199|not allowed in a constant clause|10000 lines of code")
_VIRTUOSO_GRANT = ("""isql-vt HOST:PORT dba PASSWORD exec='GRANT SPARQL_UPDATE TO "SPARQL";'""")


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
        self._update_url = update_url
        self._update_given = update_url is not None
        self._gsp_url = gsp_url
        self.timeout = timeout
        self.location = query_url
        self.server: str | None = None  # the Server header of the first answer
        self._defines = ""
        self._ask("ASK {}", None)  # who answers (and whether anyone does)
        if self.virtuoso:
            # its system graphs (and any other program's) stay out of kbgraph's answers
            _, rows = self._select_ox(
                f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(!{_IS_OURS}) }}", None)
            self._defines = "".join(
                f"define input:{kind}-graph-exclude <{r[0].value}>\n"
                for r in rows if isinstance(r[0], ox.NamedNode) for kind in ("default", "named"))
        if check_union:
            self._check_union_default_graph()

    @property
    def virtuoso(self) -> bool:
        return "virtuoso" in (self.server or "").lower()

    @property
    def gsp_url(self) -> str | None:
        """``--gsp-url``; on Virtuoso its Graph Store Protocol endpoint by default."""
        if self._gsp_url is None and self.virtuoso and not self._update_given:
            parts = urllib.parse.urlsplit(self.query_url)
            path = re.sub(r"/sparql/?$", "/sparql-graph-crud", parts.path)
            if path != parts.path:
                self._gsp_url = urllib.parse.urlunsplit(parts._replace(path=path, query=""))
        return self._gsp_url

    @property
    def update_url(self) -> str:
        """``--update-url``, else the query URL on Virtuoso, else ``…/update``."""
        if self._update_url is None:
            self._update_url = self.query_url if self.virtuoso else default_update_url(self.query_url)
        return self._update_url

    # -- HTTP ------------------------------------------------------------------------

    def _http(self, url: str, *, data: bytes | None, method: str, headers: Mapping[str, str],
              writing: bool = False) -> bytes:
        req = urllib.request.Request(url, data=data, method=method, headers=dict(headers))
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                if self.server is None:
                    self.server = resp.headers.get("Server", "")
                self._check_whole(url, resp.headers)
                return resp.read()
        except urllib.error.HTTPError as exc:
            if self.server is None:
                self.server = exc.headers.get("Server", "")
            detail = " ".join(re.sub(r"<[^>]*>", " ", exc.read()[:2000].decode("utf-8", "replace")).split())[:600]
            hint = self._hint(url, exc.code, detail, writing)
            if exc.code in (400, 422) and hint is None:
                raise QueryError(f"the SPARQL server at {url} rejected the request: {detail}") from None
            raise StoreError(f"the SPARQL server at {url} answered HTTP {exc.code}: {detail}",
                             hint=hint) from None
        except urllib.error.URLError as exc:
            raise StoreError(
                f"cannot reach the SPARQL server at {url}: {exc.reason}",
                hint="is the server running? check --store / --update-url",
            ) from None
        except TimeoutError:
            raise StoreError(f"the SPARQL server at {url} did not answer within {self.timeout:g} s") from None

    def _check_whole(self, url: str, headers: Any) -> None:
        """Refuse an answer the server says it cut (Virtuoso's row cap and anytime queries)."""
        if headers.get("X-SPARQL-MaxRows"):
            raise StoreError(
                f"the SPARQL server at {url} cut its answer at {headers['X-SPARQL-MaxRows']} rows",
                hint="raise ResultSetMaxRows in the [SPARQL] section of virtuoso.ini "
                "(1000000 serves 10,000 articles)")
        if (headers.get("X-SQL-State") or "").strip() == "S1TAT":
            raise StoreError(
                f"the SPARQL server at {url} stopped the query at its time limit and sent a "
                "partial answer",
                hint="raise MaxQueryExecutionTime in the [SPARQL] section of virtuoso.ini")

    def _hint(self, url: str, code: int, detail: str, writing: bool) -> str | None:
        """What to change on the server, for the refusals whose cause is known."""
        if writing and ("SR186" in detail or "permission" in detail.lower() or code in (401, 403)):
            if self.virtuoso:
                return f"grant SPARQL Update to Virtuoso's SPARQL user: {_VIRTUOSO_GRANT}"
            return "the server refuses updates: allow SPARQL Update (or check --update-url)"
        if writing and self.virtuoso and _VIRTUOSO_TOO_MUCH.search(detail):
            return ("Virtuoso's SPARQL Update takes no blank nodes in INSERT DATA and no graph "
                    "as large as an article's: leave out --update-url, and kbgraph writes "
                    "through its Graph Store Protocol (/sparql-graph-crud)")
        if writing and url == self._update_url and code in (404, 405):
            return ("no update endpoint there: give the server's update URL with --update-url "
                    "(Oxigraph, Fuseki: …/update; Virtuoso: …/sparql)")
        return None

    def _post_query(self, sparql: str, bindings: Bindings, accept: str) -> bytes:
        text = self._defines + _prologue(sparql) + inject_values(sparql, bindings or {})
        body = urllib.parse.urlencode({"query": text}).encode("utf-8")
        return self._http(
            self.query_url, data=body, method="POST",
            headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": accept},
        )

    # -- primitives --------------------------------------------------------------------

    def _results(self, sparql: str, bindings: Bindings) -> ox.QuerySolutions | ox.QueryBoolean:
        raw = _valid_blank_nodes(self._post_query(sparql, bindings, _SPARQL_JSON))
        try:
            return ox.parse_query_results(raw, format=ox.QueryResultsFormat.JSON)
        except (SyntaxError, ValueError) as exc:
            raise StoreError(f"the SPARQL server at {self.query_url} sent unreadable results: {exc}") from None

    def _select_ox(self, sparql: str, bindings: Bindings) -> tuple[list[str], list[tuple]]:
        variables, rows = solution_rows(self._results(sparql, bindings))
        if _DISTINCT.match(sparql):  # Virtuoso repeats rows whose values it computed (IRI())
            rows = list(dict.fromkeys(rows))
        return variables, rows

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
        body = urllib.parse.urlencode({"update": sparql}).encode("utf-8")
        self._http(
            self.update_url, data=body, method="POST",
            headers={"Content-Type": "application/x-www-form-urlencoded"}, writing=True,
        )

    def _quads_ox(self) -> Iterable[ox.Quad]:
        _, rows = self._select_ox(f"SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_OURS} }}", None)
        return [ox.Quad(s, p, o, g) for s, p, o, g in rows]

    def graphs(self) -> list[URIRef]:
        _, rows = self._select_ox(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_OURS} }}", None)
        return sorted(URIRef(r[0].value) for r in rows if isinstance(r[0], ox.NamedNode))

    def count_quads(self) -> int:
        """How many quads kbgraph's named graphs hold."""
        rows = self._select_ox(
            f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_OURS} }}", None)[1]
        return int(rows[0][0].value) if rows and rows[0][0] is not None else 0

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
            self._http(url, data=body, method=method, headers=headers, writing=True)
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
        if isinstance(s, ox.BlankNode) or isinstance(o, ox.BlankNode):
            s = "?s" if isinstance(s, ox.BlankNode) else s
            o = "?o" if isinstance(o, ox.BlankNode) else o
        ask = f"ASK {{ {s} {p} {o} }}"
        if not self._ask(ask, None):
            raise StoreError(
                f"the SPARQL server at {self.query_url} does not query the union of its named graphs",
                hint="start it with: oxigraph serve --union-default-graph "
                "(Fuseki: tdb2:unionDefaultGraph true; Virtuoso does by default)",
            )

    def __repr__(self) -> str:
        return f"<RemoteStore {self.query_url} update={self._update_url or '?'}>"


#: A SELECT DISTINCT (or REDUCED) after the prologue.
_DISTINCT = re.compile(r"(?is)\s*(?:(?:#[^\n]*|PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*"
                       r"SELECT\s+(?:DISTINCT|REDUCED)\b")


def _valid_blank_nodes(raw: bytes) -> bytes:
    """Virtuoso's ``nodeID://b1234`` blank nodes as labels pyoxigraph reads (``b1234``)."""
    if b"nodeID://" not in raw:
        return raw
    data = json.loads(raw)
    for row in data.get("results", {}).get("bindings", []):
        for term in row.values():
            if term.get("type") == "bnode":
                term["value"] = re.sub(r"[^A-Za-z0-9_]", "_", term["value"].removeprefix("nodeID://"))
    return json.dumps(data).encode("utf-8")
