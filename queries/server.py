"""A read-only SPARQL 1.1 Protocol endpoint over an embedded kbgraph store.

``kbgraph serve`` answers ``GET /query?query=…`` and ``POST /query`` (form-encoded or
``application/sparql-query``) with the result format the client asks for (``Accept``):
SPARQL JSON (the default), SPARQL XML, CSV, TSV for SELECT/ASK; Turtle or N-Triples for
CONSTRUCT/DESCRIBE. The project's prefixes (``kb:``, ``kbid:``, ``schema:``, …) are
predeclared, as in ``kbgraph query``. ``/`` serves an offline query page, ``/catalogue`` the question
catalogue as JSON. It refuses updates (``/update``, ``update=``, update text), ``LOAD``
(an update) and ``SERVICE`` (which would make this machine fetch other URLs), caps the
rows it returns (``--max-rows``; a capped answer carries ``X-Kbgraph-Truncated``), and
stops waiting for a query after ``--timeout`` seconds (HTTP 503). It binds 127.0.0.1
unless told otherwise.

Why a small Python server and not ``oxigraph serve-read-only --union-default-graph
--timeout-s N`` (the same Oxigraph 0.5.13 underneath). Measured here on one store (300
articles, 51k quads; 2 cores, shared with other work, load average about 10), 200
requests from 32 client threads: the catalogue's ``meetings`` took 36 s with Oxigraph's
server and 37 s with this one, no errors either way; ``statements`` (1,100 rows) took
55 s and 59 s, and here 19 of the 200 waited past the 10 s timeout in the queue and got
503, where Oxigraph answered all of them late. The work is Oxigraph's in both. What
decided it: ``serve-read-only`` has no row cap, and it evaluates ``SERVICE`` clauses --
checked: a query with ``SERVICE <http://127.0.0.1:…/query>`` made it call that server --
so any browser that can reach it can make this machine fetch URLs. Guarding both would
need a proxy that parses every query and rewrites every result, i.e. this server plus a
second process. Its one advantage is a real timeout: Oxigraph cancels the evaluation.
pyoxigraph has no cancellation, so here the timeout stops the *answer*, not always the
work: a query past its deadline gets 503 at once, a streamed result is abandoned at the
next row, but a query that computes long before its first row (a big GROUP BY or ORDER
BY) finishes in a background worker. The workers are a bounded pool (``--workers``), so
runaway queries cannot pile up: when all are busy, new queries wait, and time out too
(the deadline counts from the request's arrival).

Queries see the union of the article graphs: the store's maintained (deduplicated)
default graph when it has one, else Oxigraph's on-the-fly union. The store is opened
read-only through :class:`~kbgraph.graph.store.EmbeddedStore` (its folder checks, its
retries while a build compacts), which takes no lock, so a
server can run beside notebooks and ``kbgraph query``. It sees the store as it was when
opened: restart it after ``kbgraph build`` (Oxigraph calls a writer running at the same
time undefined behaviour).
"""

from __future__ import annotations

import concurrent.futures
import json
import logging
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kbgraph.graph.store import EmbeddedStore, is_remote
from kbgraph.graph.store.terms import from_ox
from kbgraph.errors import StoreError
from kbgraph.ontology.namespaces import PREFIXES

from . import catalog, results

__all__ = ["ServerConfig", "make_server", "serve", "negotiate"]

log = logging.getLogger("kbgraph.serve")

STATIC = Path(__file__).resolve().parent / "static"
MAX_QUERY_BYTES = 256 * 1024

SELECT_TYPES: dict[str, str] = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES: dict[str, str] = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "nt",
    "text/plain": "nt",
}
CONTENT_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "nt": "application/n-triples",
}


@dataclass(frozen=True)
class ServerConfig:
    """What ``kbgraph serve`` was told: where to listen, how long, how much."""

    host: str = "127.0.0.1"
    port: int = 7878
    timeout: float = 10.0
    max_rows: int = 10_000
    workers: int = 8


class Refused(Exception):
    """A request the endpoint will not run; carries the HTTP status."""

    def __init__(self, status: HTTPStatus, message: str):
        super().__init__(message)
        self.status = status


def negotiate(accept: str | None, table: dict[str, str], default: str) -> str | None:
    """The format for an ``Accept`` header (q-values honoured); None if none fits."""
    if not accept or not accept.strip():
        return default
    choices: list[tuple[float, int, str]] = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        mime, q = fields[0].lower(), 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q <= 0:
            continue
        if mime in table:
            choices.append((q, -i, table[mime]))
        elif mime in ("*/*", "application/*", "text/*"):
            choices.append((q - 0.001, -i, default))
    return max(choices)[2] if choices else None


class Endpoint:
    """The query logic of the server, separate from HTTP so it can be tested directly."""

    def __init__(self, store: ox.Store, config: ServerConfig):
        self.store = store
        self.config = config
        self.pool = concurrent.futures.ThreadPoolExecutor(
            max_workers=config.workers, thread_name_prefix="kbgraph-query")

    def check(self, text: str) -> str:
        """The query form, or Refused for updates, SERVICE and what does not parse."""
        if len(text.encode("utf-8")) > MAX_QUERY_BYTES:
            raise Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "query too long")
        if catalog.is_update(text):
            raise Refused(HTTPStatus.FORBIDDEN,
                          "this endpoint is read-only: SPARQL updates (and LOAD) are refused")
        if catalog.uses_service(text):
            raise Refused(HTTPStatus.FORBIDDEN,
                          "SERVICE (federated query) is refused by this endpoint")
        form = catalog.query_form(text)
        if form is None:
            error = catalog.syntax_error(text, "query")
            raise Refused(HTTPStatus.BAD_REQUEST, str(error or "not a SPARQL query"))
        return form

    def run(self, text: str, accept: str | None, default_graphs: list[str],
            named_graphs: list[str]) -> tuple[str, bytes, dict[str, str]]:
        """Evaluate; returns (content type, body, extra headers) or raises Refused."""
        form = self.check(text)
        graph_form = form in ("CONSTRUCT", "DESCRIBE")
        table, default = (GRAPH_TYPES, "turtle") if graph_form else (SELECT_TYPES, "json")
        fmt = negotiate(accept, table, default)
        if fmt is None:
            raise Refused(HTTPStatus.NOT_ACCEPTABLE,
                          f"cannot answer a {form} in any of: {accept}; offered: "
                          + ", ".join(sorted(table)))
        deadline = time.monotonic() + self.config.timeout
        future = self.pool.submit(self._evaluate, text, form, deadline, default_graphs,
                                  named_graphs)
        try:
            payload, truncated = future.result(timeout=max(0.0, deadline - time.monotonic()))
        except concurrent.futures.TimeoutError:
            raise Refused(HTTPStatus.SERVICE_UNAVAILABLE,
                          f"query timed out after {self.config.timeout:g} s") from None
        except SyntaxError as exc:
            raise Refused(HTTPStatus.BAD_REQUEST,
                          str(catalog.syntax_error(text, "query") or exc)) from None
        except (OSError, RuntimeError, ValueError) as exc:
            raise Refused(HTTPStatus.BAD_REQUEST, f"query failed: {exc}") from None
        headers = {}
        if truncated:
            headers["X-Kbgraph-Truncated"] = f"max-rows={self.config.max_rows}"
        return CONTENT_TYPES[fmt], self._serialize(form, fmt, payload), headers

    def _evaluate(self, text: str, form: str, deadline: float, default_graphs: list[str],
                  named_graphs: list[str]) -> tuple[Any, bool]:
        kwargs: dict[str, Any] = {"prefixes": PREFIXES}
        if default_graphs:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
        # else: the store's default graph, which kbgraph maintains as the deduplicated
        # union of the article graphs (graph/store/embedded.py)
        if named_graphs:
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        answer = self.store.query(text, **kwargs)
        if form == "ASK":
            return bool(answer), False
        cap = self.config.max_rows
        items: list[Any] = []
        truncated = False
        for item in answer:
            if len(items) >= cap:
                truncated = True
                break
            if time.monotonic() > deadline:
                break  # nobody waits for it any more
            items.append(item)
        if form == "SELECT":
            variables = [v.value for v in answer.variables]
            rows = [tuple(from_ox(s[i]) for i in range(len(variables))) for s in items]
            return (variables, rows), truncated
        return items, truncated

    def _serialize(self, form: str, fmt: str, payload: Any) -> bytes:
        if form == "ASK":
            text = results.boolean_xml(payload) if fmt == "xml" else results.boolean_json(payload)
            if fmt in ("csv", "tsv"):
                text = ("_askResult\r\n" if fmt == "csv" else "?_askResult\n") + (
                    "true" if payload else "false") + "\n"
            return text.encode("utf-8")
        if form == "SELECT":
            variables, rows = payload
            writer: Callable[..., str] = {
                "json": results.to_json, "xml": results.to_xml,
                "csv": results.to_csv, "tsv": results.to_tsv,
            }[fmt]
            return writer(variables, rows).encode("utf-8")
        rdf_format = ox.RdfFormat.TURTLE if fmt == "turtle" else ox.RdfFormat.N_TRIPLES
        return ox.serialize(payload, format=rdf_format) or b""

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)


class Handler(BaseHTTPRequestHandler):
    """HTTP for :class:`Endpoint` (one thread per connection, ThreadingHTTPServer)."""

    server_version = "kbgraph-sparql"
    protocol_version = "HTTP/1.1"
    endpoint: Endpoint  # set on the subclass made by make_server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        log.info("%s %s", self.address_string(), format % args)

    # -- routing -----------------------------------------------------------------
    def do_GET(self) -> None:  # noqa: N802
        url = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        if url.path in ("/query", "/sparql"):
            if "update" in params:
                return self._refuse(HTTPStatus.FORBIDDEN, "this endpoint is read-only")
            if "query" not in params:
                return self._refuse(HTTPStatus.BAD_REQUEST, "missing 'query' parameter")
            return self._query(params["query"][0], params)
        if url.path in ("/", "/index.html"):
            return self._static("index.html", "text/html; charset=utf-8")
        if url.path == "/catalogue":
            return self._send(HTTPStatus.OK, "application/json", _catalogue_json())
        if url.path == "/update":
            return self._refuse(HTTPStatus.FORBIDDEN, "this endpoint is read-only")
        return self._refuse(HTTPStatus.NOT_FOUND, f"no such path: {url.path}")

    def do_POST(self) -> None:  # noqa: N802
        url = urllib.parse.urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_QUERY_BYTES:
            return self._refuse(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "request too large")
        body = self.rfile.read(length).decode("utf-8", errors="replace") if length else ""
        if url.path not in ("/query", "/sparql"):
            status = HTTPStatus.FORBIDDEN if url.path == "/update" else HTTPStatus.NOT_FOUND
            return self._refuse(status, "this endpoint is read-only" if url.path == "/update"
                                else f"no such path: {url.path}")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        if ctype == "application/sparql-update":
            return self._refuse(HTTPStatus.FORBIDDEN,
                                "this endpoint is read-only: SPARQL updates are refused")
        if ctype == "application/sparql-query":
            return self._query(body, params)
        if ctype == "application/x-www-form-urlencoded":
            form = urllib.parse.parse_qs(body, keep_blank_values=True)
            if "update" in form:
                return self._refuse(HTTPStatus.FORBIDDEN,
                                    "this endpoint is read-only: SPARQL updates are refused")
            if "query" not in form:
                return self._refuse(HTTPStatus.BAD_REQUEST, "missing 'query' parameter")
            merged = {**params, **form}
            return self._query(form["query"][0], merged)
        return self._refuse(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                            f"unsupported Content-Type {ctype!r}")

    # -- helpers -----------------------------------------------------------------
    def _query(self, text: str, params: dict[str, list[str]]) -> None:
        try:
            ctype, body, headers = self.endpoint.run(
                text, self.headers.get("Accept"), params.get("default-graph-uri", []),
                params.get("named-graph-uri", []))
        except Refused as exc:
            return self._refuse(exc.status, str(exc))
        self._send(HTTPStatus.OK, ctype + "; charset=utf-8", body, headers)

    def _static(self, name: str, ctype: str) -> None:
        path = STATIC / name
        if not path.is_file():
            return self._send(HTTPStatus.OK, "text/plain; charset=utf-8",
                              b"kbgraph SPARQL endpoint: GET or POST /query\n")
        self._send(HTTPStatus.OK, ctype, path.read_bytes())

    def _refuse(self, status: HTTPStatus, message: str) -> None:
        self._send(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))

    def _send(self, status: HTTPStatus, ctype: str, body: bytes,
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def _catalogue_json() -> bytes:
    items = [{
        "name": q.name, "title": q.title, "question_id": q.question_id,
        "question_en": q.question_en, "columns": list(q.columns), "text": q.text,
        "params": [{"name": p.name, "type": p.type, "required": p.required,
                    "description": p.description} for p in q.params],
    } for q in catalog.list_queries()]
    return json.dumps(items, ensure_ascii=False).encode("utf-8")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256


def make_server(store_path: str | Path, config: ServerConfig) -> ThreadingHTTPServer:
    """A server bound to ``config.host:config.port`` (port 0: any free port)."""
    path = Path(store_path)
    if is_remote(store_path):
        raise StoreError("kbgraph serve needs an embedded store folder, not a URL",
                         hint="the server at that URL is already an endpoint")
    # the store's own opening: its folder checks, and retries while a build compacts
    store = EmbeddedStore(path, create=False, read_only=True)
    endpoint = Endpoint(store.ox_store, config)
    handler = type("BoundHandler", (Handler,), {"endpoint": endpoint})
    try:
        server = _Server((config.host, config.port), handler)
    except OSError as exc:
        endpoint.close()
        raise StoreError(f"cannot listen on {config.host}:{config.port}: {exc}") from None
    server.endpoint = endpoint  # type: ignore[attr-defined]
    return server


def serve(store_path: str | Path, config: ServerConfig,
          ready: Callable[[str], None] | None = None) -> None:
    """Serve until interrupted; ``ready`` is called with the endpoint URL once listening."""
    server = make_server(store_path, config)
    host, port = server.server_address[:2]
    url = f"http://{host}:{port}/query"
    if ready is not None:
        ready(url)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        server.endpoint.close()  # type: ignore[attr-defined]


def run_in_thread(store_path: str | Path, config: ServerConfig
                  ) -> tuple[ThreadingHTTPServer, threading.Thread]:
    """Start a server in a daemon thread (for tests and notebooks); stop with shutdown()."""
    server = make_server(store_path, config)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                              daemon=True)
    thread.start()
    return server, thread
