"""A read-only SPARQL 1.1 Protocol endpoint over an embedded kbgraph store.

``kbgraph serve`` answers ``GET /query?query=…`` and ``POST /query`` (form-encoded or
``application/sparql-query``) in the format the client asks for (``Accept``): SPARQL
JSON (the default), XML, CSV or TSV for SELECT and ASK; Turtle (the default),
N-Triples, RDF/XML, JSON-LD, TriG or N-Quads for CONSTRUCT and DESCRIBE, all written
by pyoxigraph's own serialisers. The project's prefixes (``kb:``, ``kbid:``,
``schema:``, …) are predeclared, as in ``kbgraph query``. ``/`` serves an offline
query page, ``/catalogue`` the question catalogue as JSON.

What it promises (SECURITY.md says how each promise is tested):

- **Read-only**: updates (``/update``, ``update=``, update text, ``LOAD``) are refused
  (403), and so is ``SERVICE``, which would make this machine fetch other URLs.
- **Bounded parsing**: a query's size, bracket depth and operator count are checked
  before any parser sees it (:mod:`kbgraph.queries.bounds`); a deeper query is a 400,
  not a crash.
- **Bounded requests**: a body is read only when ``Content-Length`` is a plain number
  within 256 KiB; ``-1``, ``abc``, two lengths, chunked bodies or more is a 400, 411 or 413
  and the connection is closed without reading on. Every malformed request gets a 4xx.
- **Queries stop at their deadline**: each query runs in a worker process
  (:mod:`kbgraph.queries.worker`, ``--workers`` of them); at ``--timeout`` seconds from the
  request's arrival, waiting for a worker included, the client gets 503 and a worker
  still computing is killed and replaced, so the CPU comes back at once.
- **No silent truncation**: an answer over ``--max-rows`` rows (or triples), or over
  128 MiB as sent (in the format the client asked for), is refused whole with 403 and a
  status line that says so (clients show it); it is never cut.
- **Bounded memory**: a query process may use 4 GiB of address space (``RLIMIT_AS``); a
  query that needs more ends that process only, and the client gets 403 saying so.
- **Only this machine's names**: the ``Host`` header must be an IP address, ``localhost``
  or a name given with ``--allow-host``, with the bound port (DNS rebinding); a query
  from a page of another origin (``Origin``, ``Sec-Fetch-Site``) is refused before any
  work, so a web page cannot make a browser run costly queries here.
- **Connections time out**: an idle connection is closed after 10 s, a request whose
  headers and body take longer than 20 s to arrive is cut, and at most 256 connections
  are served at once (the rest get 503).
- It binds 127.0.0.1 unless told otherwise.

The workers open the store read-only (no lock), so a server can run beside notebooks
and ``kbgraph query``; each sees the store as it was when it started: restart the
server after ``kbgraph build``.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import os
import queue
import re
import select
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from kbgraph.errors import StoreError
from kbgraph.graph.store import EmbeddedStore, is_remote
from kbgraph.ontology.namespaces import PREFIXES

from . import catalog
from .bounds import MAX_QUERY_BYTES, bounds_problem

__all__ = ["ServerConfig", "make_server", "serve", "negotiate", "run_in_thread"]

log = logging.getLogger("kbgraph.serve")

STATIC = Path(__file__).resolve().parent / "static"

#: Media types a client may ask for, by query form; the first is the default.
SELECT_TYPES: dict[str, str] = {
    "application/sparql-results+json": "application/sparql-results+json",
    "application/json": "application/sparql-results+json",
    "application/sparql-results+xml": "application/sparql-results+xml",
    "application/xml": "application/sparql-results+xml",
    "text/xml": "application/sparql-results+xml",
    "text/csv": "text/csv",
    "text/tab-separated-values": "text/tab-separated-values",
}
GRAPH_TYPES: dict[str, str] = {
    "text/turtle": "text/turtle",
    "application/x-turtle": "text/turtle",
    "application/n-triples": "application/n-triples",
    "text/plain": "application/n-triples",
    "application/rdf+xml": "application/rdf+xml",
    "application/xml": "application/rdf+xml",
    "text/xml": "application/rdf+xml",
    "application/ld+json": "application/ld+json",
    "application/json": "application/ld+json",
    "application/trig": "application/trig",
    "application/n-quads": "application/n-quads",
}


@dataclass(frozen=True)
class ServerConfig:
    """What ``kbgraph serve`` was told: where to listen, how long, how much."""

    host: str = "127.0.0.1"
    port: int = 7878
    timeout: float = 10.0
    max_rows: int = 100_000
    workers: int = 2
    allow_hosts: tuple[str, ...] = ()
    max_bytes: int = 128 * 1024 * 1024
    max_memory: int = 4 * 1024 ** 3
    idle_timeout: float = 10.0
    request_timeout: float = 20.0
    max_connections: int = 256
    worker_argv: tuple[str, ...] = field(default=(sys.executable, "-m", "kbgraph.queries.worker"))


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
    for i, part in enumerate(accept.split(",")[:64]):
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


# -- the worker processes ----------------------------------------------------------------


class WorkerDied(Exception):
    """The worker process ended while answering (killed, or crashed in the engine).

    ``signal`` is the signal that ended it, when one did: SIGABRT is the engine's
    answer to an allocation over the worker's address-space cap (``max_memory``).
    """

    signal: int | None = None


class _Worker:
    """One ``kbgraph.queries.worker`` process and its pipes."""

    def __init__(self, argv: list[str], limits: dict[str, int]):
        # RUST_BACKTRACE=0: a query over the memory cap ends the worker with one line
        # on stderr ("memory allocation of … bytes failed"), not a page of backtrace
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     close_fds=True, env={**os.environ, "RUST_BACKTRACE": "0"})
        self._write(json.dumps(limits).encode("utf-8"))

    def _write(self, data: bytes) -> None:
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write(struct.pack(">I", len(data)) + data)
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError) as exc:
            raise WorkerDied(str(exc)) from None

    def ask(self, request: dict[str, Any], deadline: float) -> tuple[bytes, bytes]:
        self._write(json.dumps(request).encode("utf-8"))
        return self.receive(deadline)

    def receive(self, deadline: float) -> tuple[bytes, bytes]:
        head = self._read(9, deadline)
        (size,) = struct.unpack(">Q", head[1:])
        return head[:1], self._read(size, deadline)

    def _read(self, size: int, deadline: float) -> bytes:
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        chunks, got = [], 0
        while got < size:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
                raise TimeoutError
            chunk = os.read(fd, min(size - got, 1 << 20))
            if not chunk:
                raise WorkerDied("the query process ended")
            chunks.append(chunk)
            got += len(chunk)
        return b"".join(chunks)

    def kill(self) -> None:
        try:
            self.proc.kill()
        except OSError:
            pass
        self.proc.wait()
        for pipe in (self.proc.stdin, self.proc.stdout):
            try:
                pipe.close()  # type: ignore[union-attr]
            except OSError:
                pass


class WorkerPool:
    """``size`` worker processes; a query waits for a free one until its deadline."""

    def __init__(self, store_path: Path, config: ServerConfig):
        self.argv = [*config.worker_argv, str(store_path)]
        self.limits = {"max_rows": config.max_rows, "max_bytes": config.max_bytes,
                       "max_memory": config.max_memory, "prefixes": dict(PREFIXES)}
        self.idle: queue.Queue[_Worker] = queue.Queue()
        self.closed = False
        self._lock = threading.Lock()
        self._all: set[_Worker] = set()
        self._wanted: queue.Queue[None] = queue.Queue()
        started: queue.Queue[StoreError | None] = queue.Queue()
        threading.Thread(target=self._spawner, args=(max(1, config.workers), started),
                         daemon=True, name="kbgraph-spawner").start()
        problem = started.get()
        if problem is not None:
            self.close()
            raise problem

    def _start(self) -> _Worker:
        worker = _Worker(self.argv, self.limits)
        with self._lock:
            self._all.add(worker)
        return worker

    def _ready(self, worker: _Worker, deadline: float) -> None:
        try:
            status, payload = worker.receive(deadline)
        except (TimeoutError, WorkerDied, OSError, ValueError):  # OSError: closed meanwhile
            self._discard(worker)
            raise StoreError("the query processes for kbgraph serve did not start") from None
        if status != b"r":
            self._discard(worker)
            raise StoreError(payload.decode("utf-8", "replace"))
        if self.closed:
            self._discard(worker)
            return
        self.idle.put(worker)

    def _discard(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._all.discard(worker)

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker``; the spawner thread starts another."""
        self._discard(worker)
        if not self.closed:
            self._wanted.put(None)

    def _spawner(self, size: int, started: queue.Queue[StoreError | None]) -> None:
        # one long-lived thread starts every worker: Linux delivers a worker's
        # parent-death signal when the *thread* that started it ends
        try:
            for worker in [self._start() for _ in range(size)]:
                self._ready(worker, time.monotonic() + 120)
        except StoreError as exc:
            started.put(exc)
            return
        started.put(None)
        while True:
            self._wanted.get()
            if self.closed:
                return
            try:
                self._ready(self._start(), time.monotonic() + 120)
            except StoreError as exc:
                if not self.closed:
                    log.error("cannot restart a query process: %s", exc)

    def run(self, request: dict[str, Any], deadline: float) -> tuple[bytes, bytes]:
        """(status byte, payload) from a worker; TimeoutError at the deadline."""
        try:
            worker = self.idle.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise TimeoutError from None
        try:
            answer = worker.ask(request, deadline)
        except TimeoutError:
            self._replace(worker)  # killed mid-query: its CPU comes back now
            raise
        except WorkerDied as exc:
            try:  # its pipe closes as it ends: its exit status follows at once
                code = worker.proc.wait(timeout=2)
            except subprocess.TimeoutExpired:
                code = None
            self._replace(worker)
            if code is not None and code < 0:
                exc.signal = -code
            raise
        self.idle.put(worker)
        return answer

    def close(self) -> None:
        self.closed = True
        self._wanted.put(None)
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.kill()


# -- the query logic ---------------------------------------------------------------------


class Endpoint:
    """The query logic of the server, separate from HTTP so it can be tested directly."""

    def __init__(self, store_path: Path, config: ServerConfig):
        self.config = config
        self.pool = WorkerPool(store_path, config)

    def check(self, text: str) -> str:
        """The query form, or Refused for what is too big, updates, SERVICE, non-queries."""
        problem = bounds_problem(text)
        if problem is not None:
            too_long = len(text.encode("utf-8", "surrogatepass")) > MAX_QUERY_BYTES
            raise Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE if too_long
                          else HTTPStatus.BAD_REQUEST, problem)
        if catalog.is_update(text):
            raise Refused(HTTPStatus.FORBIDDEN,
                          "this endpoint is read-only: SPARQL updates (and LOAD) are refused")
        if catalog.uses_service(text):
            raise Refused(HTTPStatus.FORBIDDEN,
                          "SERVICE (federated query) is refused by this endpoint")
        form = catalog.query_form(text)
        if form is None:
            raise Refused(HTTPStatus.BAD_REQUEST,
                          "not a SPARQL query (SELECT, CONSTRUCT, ASK or DESCRIBE)")
        return form

    def run(self, text: str, accept: str | None, default_graphs: list[str],
            named_graphs: list[str], arrived: float | None = None) -> tuple[str, bytes]:
        """Evaluate; returns (content type, body) or raises Refused."""
        form = self.check(text)
        graph_form = form in ("CONSTRUCT", "DESCRIBE")
        table = GRAPH_TYPES if graph_form else SELECT_TYPES
        media_type = negotiate(accept, table, next(iter(table.values())))
        if media_type is None:
            raise Refused(HTTPStatus.NOT_ACCEPTABLE,
                          f"cannot answer a {form} in any of: {accept}; offered: "
                          + ", ".join(sorted(set(table.values()))))
        for iri in default_graphs + named_graphs:
            if not iri or re.search(r'[\x00-\x20<>"{}|^`\\]', iri):
                raise Refused(HTTPStatus.BAD_REQUEST, f"not a graph IRI: {iri!r}")
        deadline = (arrived or time.monotonic()) + self.config.timeout
        request = {"query": text, "format": media_type, "default_graphs": default_graphs,
                   "named_graphs": named_graphs}
        try:
            status, payload = self.pool.run(request, deadline)
        except TimeoutError:
            raise Refused(HTTPStatus.SERVICE_UNAVAILABLE,
                          f"query timed out after {self.config.timeout:g} s") from None
        except WorkerDied as exc:
            if exc.signal == signal.SIGABRT:
                raise Refused(HTTPStatus.FORBIDDEN,
                              "the query needs more memory than the "
                              f"{self.config.max_memory // 1024 ** 2:,} MiB this endpoint gives one "
                              "query; nothing was sent") from None
            raise Refused(HTTPStatus.BAD_REQUEST,
                          "the query engine failed on this query (too complex?)") from None
        message = payload.decode("utf-8", "replace")
        if status == b"o":
            return media_type, payload
        if status == b"s":
            raise Refused(HTTPStatus.BAD_REQUEST, str(catalog._positioned(message, "query", text)))
        if status == b"c":
            raise Refused(HTTPStatus.FORBIDDEN,
                          f"{message}: add LIMIT, or start kbgraph serve with a larger "
                          "--max-rows (nothing was cut)")
        raise Refused(HTTPStatus.BAD_REQUEST, f"query failed: {message}")

    def close(self) -> None:
        self.pool.close()


# -- HTTP --------------------------------------------------------------------------------


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        return False
    return True


class Handler(BaseHTTPRequestHandler):
    """HTTP for :class:`Endpoint` (one thread per connection, ThreadingHTTPServer)."""

    server_version = "kbgraph-sparql"
    protocol_version = "HTTP/1.1"
    default_request_version = "HTTP/1.0"  # errors on a garbled request line get a status line
    endpoint: Endpoint  # set on the subclass made by make_server
    config: ServerConfig
    timeout = 10.0  # idle connections (socket timeout); set from the config too

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        log.info("%s %s", self.address_string(), format % args)

    def handle_one_request(self) -> None:
        self.arrived = time.monotonic()
        self.server.watch(self)  # type: ignore[attr-defined]
        try:
            super().handle_one_request()
        finally:
            self.server.unwatch(self)  # type: ignore[attr-defined]

    # -- routing -----------------------------------------------------------------
    def do_GET(self) -> None:  # noqa: N802
        self._guarded(self._get)

    def do_HEAD(self) -> None:  # noqa: N802
        self._guarded(self._get)

    def do_POST(self) -> None:  # noqa: N802
        self._guarded(self._post)

    def _guarded(self, action: Callable[[], None]) -> None:
        try:
            self._check_host()
            action()
        except Refused as exc:
            self._refuse(exc.status, str(exc))
        except (UnicodeDecodeError, ValueError) as exc:
            self._refuse(HTTPStatus.BAD_REQUEST, f"malformed request: {exc}")

    def _get(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        if url.path in ("/query", "/sparql"):
            params = _params(url.query)
            if "update" in params:
                raise Refused(HTTPStatus.FORBIDDEN, "this endpoint is read-only")
            self._check_origin()
            return self._query(_one(params, "query"), params)
        if url.path in ("/", "/index.html"):
            return self._static("index.html", "text/html; charset=utf-8")
        if url.path == "/catalogue":
            return self._send(HTTPStatus.OK, "application/json", _catalogue_json())
        if url.path == "/update":
            raise Refused(HTTPStatus.FORBIDDEN, "this endpoint is read-only")
        raise Refused(HTTPStatus.NOT_FOUND, f"no such path: {url.path}")

    def _post(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        body = self._body()
        if url.path not in ("/query", "/sparql"):
            if url.path == "/update":
                raise Refused(HTTPStatus.FORBIDDEN, "this endpoint is read-only")
            raise Refused(HTTPStatus.NOT_FOUND, f"no such path: {url.path}")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = _params(url.query)
        if ctype == "application/sparql-update" or "update" in params:
            raise Refused(HTTPStatus.FORBIDDEN,
                          "this endpoint is read-only: SPARQL updates are refused")
        if ctype == "application/sparql-query":
            self._check_origin()
            return self._query(body.decode("utf-8"), params)
        if ctype == "application/x-www-form-urlencoded":
            form = _params(body.decode("ascii"))
            if "update" in form:
                raise Refused(HTTPStatus.FORBIDDEN,
                              "this endpoint is read-only: SPARQL updates are refused")
            self._check_origin()
            merged = {**params, **form}
            return self._query(_one(form, "query"), merged)
        raise Refused(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, f"unsupported Content-Type {ctype!r}")

    # -- the rules -----------------------------------------------------------------
    def _check_host(self) -> None:
        """The Host header names this server: an IP, localhost or --allow-host; our port."""
        hosts = self.headers.get_all("Host") or []
        if len(hosts) != 1:
            raise Refused(HTTPStatus.BAD_REQUEST, "exactly one Host header is required")
        m = re.fullmatch(r"(\[[0-9A-Fa-f:.]+\]|[^:\[\]]+)(?::(\d{1,5}))?", hosts[0].strip())
        if m is None:
            raise Refused(HTTPStatus.BAD_REQUEST, "malformed Host header")
        name, port = m.group(1).lower(), int(m.group(2) or 80)
        allowed = name in ("localhost",) or _is_ip(name) or name in self.config.allow_hosts
        if not allowed or port != self.server.server_address[1]:
            raise Refused(HTTPStatus.FORBIDDEN,
                          f"Host {hosts[0]!r} is not this server's name; use an IP address or "
                          "localhost, or start kbgraph serve with --allow-host NAME")

    def _check_origin(self) -> None:
        """Refuse, before any work, a query sent by a web page of another origin."""
        site = (self.headers.get("Sec-Fetch-Site") or "").strip().lower()
        if site in ("cross-site", "same-site"):
            raise Refused(HTTPStatus.FORBIDDEN, "cross-origin requests are refused")
        origin = (self.headers.get("Origin") or "").strip()
        if origin and origin != f"http://{self.headers.get('Host', '').strip()}":
            raise Refused(HTTPStatus.FORBIDDEN, f"requests from origin {origin!r} are refused")

    def _body(self) -> bytes:
        """The request body, read only when its length is a plain number within the cap."""
        if self.headers.get("Transfer-Encoding"):
            self.close_connection = True
            raise Refused(HTTPStatus.LENGTH_REQUIRED,
                          "Transfer-Encoding is not accepted; send Content-Length")
        lengths = self.headers.get_all("Content-Length") or []
        if not lengths:
            self.close_connection = True
            raise Refused(HTTPStatus.LENGTH_REQUIRED, "Content-Length is required")
        if len(set(v.strip() for v in lengths)) != 1 or not re.fullmatch(r"\d{1,12}", lengths[0].strip()):
            self.close_connection = True
            raise Refused(HTTPStatus.BAD_REQUEST, f"malformed Content-Length {lengths[0]!r}")
        length = int(lengths[0])
        if length > MAX_QUERY_BYTES:
            self.close_connection = True
            raise Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                          f"request body over {MAX_QUERY_BYTES:,} bytes")
        body = self.rfile.read(length) if length else b""
        if len(body) != length:
            self.close_connection = True
            raise Refused(HTTPStatus.BAD_REQUEST, "request body shorter than its Content-Length")
        return body

    # -- helpers -----------------------------------------------------------------
    def _query(self, text: str, params: dict[str, list[str]]) -> None:
        self.server.unwatch(self)  # type: ignore[attr-defined]  # the query has its own deadline
        media_type, body = self.endpoint.run(
            text, self.headers.get("Accept"), params.get("default-graph-uri", []),
            params.get("named-graph-uri", []), arrived=self.arrived)
        self._send(HTTPStatus.OK, media_type + "; charset=utf-8", body)

    def _static(self, name: str, ctype: str) -> None:
        path = STATIC / name
        if not path.is_file():
            return self._send(HTTPStatus.OK, "text/plain; charset=utf-8",
                              b"kbgraph SPARQL endpoint: GET or POST /query\n")
        self._send(HTTPStatus.OK, ctype, path.read_bytes())

    def _refuse(self, status: HTTPStatus, message: str) -> None:
        # the reason phrase carries the message too: SPARQLWrapper and rdflib show
        # "HTTP Error 403: <reason>" and not the body
        reason = " ".join(message.encode("ascii", "replace").decode("ascii").split())[:300]
        self._send(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"),
                   reason=reason or None)

    def _send(self, status: HTTPStatus, ctype: str, body: bytes,
              reason: str | None = None) -> None:
        self.send_response(status, reason)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Vary", "Accept")
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def _params(query: str) -> dict[str, list[str]]:
    """Form or URL parameters; malformed percent-encoding or UTF-8 is a ValueError (400)."""
    return urllib.parse.parse_qs(query, keep_blank_values=True, strict_parsing=False,
                                 errors="strict", max_num_fields=100)


def _one(params: dict[str, list[str]], name: str) -> str:
    values = params.get(name, [])
    if len(values) != 1:
        raise Refused(HTTPStatus.BAD_REQUEST,
                      f"exactly one '{name}' parameter is required, not {len(values)}")
    return values[0]


def _catalogue_json() -> bytes:
    items = [{
        "name": q.name, "title": q.title, "question_id": q.question_id,
        "question_en": q.question_en, "columns": list(q.columns), "text": q.text,
        "params": [{"name": p.name, "type": p.type, "required": p.required,
                    "description": p.description} for p in q.params],
    } for q in catalog.list_queries()]
    return json.dumps(items, ensure_ascii=False).encode("utf-8")


class _Server(ThreadingHTTPServer):
    """Threads per connection, at most ``max_connections``; a watchdog for slow requests."""

    daemon_threads = True
    request_queue_size = 256
    config: ServerConfig

    def server_activate(self) -> None:
        super().server_activate()
        self._slots = threading.BoundedSemaphore(self.config.max_connections)
        self._reading: dict[Handler, float] = {}
        self._reading_lock = threading.Lock()
        self._stopped = threading.Event()
        threading.Thread(target=self._watchdog, daemon=True).start()

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self._slots.acquire(blocking=False):
            try:
                request.sendall(b"HTTP/1.1 503 Too many connections\r\nContent-Length: 0\r\n"
                                b"Connection: close\r\n\r\n")
            except OSError:
                pass
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    def watch(self, handler: Handler) -> None:
        with self._reading_lock:
            self._reading[handler] = time.monotonic() + self.config.request_timeout

    def unwatch(self, handler: Handler) -> None:
        with self._reading_lock:
            self._reading.pop(handler, None)

    def _watchdog(self) -> None:
        """Cut connections whose request has not arrived in ``request_timeout`` (slowloris)."""
        while not self._stopped.wait(0.5):
            now = time.monotonic()
            with self._reading_lock:
                late = [h for h, limit in self._reading.items() if limit < now]
                for h in late:
                    del self._reading[h]
            for h in late:
                try:
                    h.connection.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def handle_error(self, request: Any, client_address: Any) -> None:
        # a client that went away mid-answer, or a connection the watchdog cut
        log.info("connection from %s ended: %s", client_address, sys.exc_info()[1])

    def server_close(self) -> None:
        self._stopped.set()
        super().server_close()


def make_server(store_path: str | Path, config: ServerConfig) -> ThreadingHTTPServer:
    """A server bound to ``config.host:config.port`` (port 0: any free port)."""
    path = Path(store_path)
    if is_remote(store_path):
        raise StoreError("kbgraph serve needs an embedded store folder, not a URL",
                         hint="the server at that URL is already an endpoint")
    # the store's own opening first (its folder checks, a clear error); the query
    # processes then open it read-only themselves
    EmbeddedStore(path, create=False, read_only=True).close()
    endpoint = Endpoint(path, config)
    handler = type("BoundHandler", (Handler,), {
        "endpoint": endpoint, "config": config, "timeout": config.idle_timeout})
    server_class = type("BoundServer", (_Server,), {"config": config})
    try:
        server = server_class((config.host, config.port), handler)
    except OSError as exc:
        endpoint.close()
        raise StoreError(f"cannot listen on {config.host}:{config.port}: {exc}") from None
    server.endpoint = endpoint  # type: ignore[attr-defined]
    return server


def serve(store_path: str | Path, config: ServerConfig,
          ready: Callable[[str], None] | None = None) -> None:
    """Serve until interrupted; ``ready`` is called with the endpoint URL once listening."""
    server = make_server(store_path, config)

    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, stop)  # the workers end with the server
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
