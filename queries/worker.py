"""A query process for ``kbgraph serve``: evaluates one query at a time, and can be killed.

pyoxigraph cannot cancel a query, so the endpoint runs each query in one of these
processes and kills it at the query's deadline: the CPU it used comes back at once.
A crash in the engine (a stack overflow on a pathological query) ends this process,
not the server. The endpoint (:mod:`kbgraph.queries.server`) starts it as
``python -m kbgraph.queries.worker STORE`` and talks to it over stdin/stdout:

- request: 4-byte big-endian length, then UTF-8 JSON ``{"query", "form", "format",
  "default_graphs", "named_graphs"}``; the first message instead carries the limits
  ``{"max_rows", "max_bytes", "max_memory", "prefixes"}``.
- answer: one status byte, 8-byte big-endian length, payload. ``o``: the serialised
  answer; ``s``: a syntax error; ``c``: over a cap; ``e``: evaluation failed;
  ``r``: ready (the payload says whether the store keeps a union view).

SELECT and ASK answers are written by pyoxigraph's own serialisers. A SELECT is first
written as SPARQL TSV, where every row is one line, so the rows are counted exactly
before anything is sent; over ``max_rows`` the whole answer is refused, never cut. Every
answer, in the format sent, is refused whole past ``max_bytes``; the process's address
space is capped at ``max_memory`` (``RLIMIT_AS``), so a query that needs more fails here,
as a refusal, and the server lives.
"""

from __future__ import annotations

import io
import json
import resource
import struct
import sys
import time
from typing import Any, BinaryIO

import pyoxigraph as ox

__all__ = ["main", "RESULT_FORMATS", "GRAPH_FORMATS"]

#: The formats a request may name, by the media type the endpoint negotiated.
RESULT_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/trig": ox.RdfFormat.TRIG,
    "application/n-quads": ox.RdfFormat.N_QUADS,
}


class OverCap(Exception):
    """The answer is larger than the endpoint sends."""


class _Bounded(io.RawIOBase):
    """A bytes sink that refuses to grow past ``limit`` (the serialiser then stops)."""

    def __init__(self, limit: int):
        self.buffer = bytearray()
        self.limit = limit

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        if len(self.buffer) + len(data) > self.limit:
            raise OverCap(f"the answer is larger than {self.limit:,} bytes")
        self.buffer += data
        return len(data)


def _read_message(stream: BinaryIO) -> dict[str, Any] | None:
    head = stream.read(4)
    if len(head) < 4:
        return None
    (size,) = struct.unpack(">I", head)
    return json.loads(stream.read(size).decode("utf-8"))


def _send(stream: BinaryIO, status: bytes, payload: bytes) -> None:
    stream.write(status + struct.pack(">Q", len(payload)) + payload)
    stream.flush()


def answer(store: ox.Store, request: dict[str, Any], limits: dict[str, int],
           prefixes: dict[str, str], union: bool) -> bytes:
    """The serialised answer to one request; raises SyntaxError, OverCap, OSError…"""
    kwargs: dict[str, Any] = {"prefixes": prefixes}
    if request.get("default_graphs"):
        kwargs["default_graph"] = [ox.NamedNode(g) for g in request["default_graphs"]]
    elif union:
        kwargs["use_default_graph_as_union"] = True
    if request.get("named_graphs"):
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in request["named_graphs"]]
    result = store.query(request["query"], **kwargs)
    media_type = request["format"]
    max_rows, max_bytes = limits["max_rows"], limits["max_bytes"]
    if isinstance(result, ox.QueryBoolean):
        return result.serialize(format=RESULT_FORMATS[media_type])
    if isinstance(result, ox.QuerySolutions):
        sink = _Bounded(max_bytes)
        _serialize(result, sink, ox.QueryResultsFormat.TSV)
        tsv = bytes(sink.buffer)
        rows = tsv.count(b"\n") - 1  # TSV escapes line breaks inside terms
        if rows > max_rows:
            raise OverCap(f"the answer has {rows:,} rows, more than the {max_rows:,} "
                          "this endpoint sends")
        if media_type == "text/tab-separated-values":
            return tsv
        # the answer sent is bounded too: its JSON or XML is larger than the TSV
        parsed = ox.parse_query_results(tsv, format=ox.QueryResultsFormat.TSV)
        del tsv, sink
        sent = _Bounded(max_bytes)
        _serialize(parsed, sent, RESULT_FORMATS[media_type])
        return bytes(sent.buffer)
    triples = []
    for triple in result:
        if len(triples) == max_rows:
            raise OverCap(f"the answer has more than the {max_rows:,} triples "
                          "this endpoint sends")
        triples.append(triple)
    rdf_format = GRAPH_FORMATS[media_type]
    sink = _Bounded(max_bytes)
    options: dict[str, Any] = {}
    if rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.RDF_XML):
        options["prefixes"] = prefixes
    if rdf_format.supports_datasets:
        triples = [ox.Quad(t.subject, t.predicate, t.object) for t in triples]
    _serialize_rdf(triples, sink, rdf_format, options)
    return bytes(sink.buffer)


def _serialize(result: Any, sink: _Bounded, fmt: ox.QueryResultsFormat) -> None:
    try:
        result.serialize(sink, format=fmt)
    except OverCap:
        raise
    except OSError as exc:  # pyoxigraph wraps the sink's exception
        if isinstance(exc.__cause__, OverCap) or "larger than" in str(exc):
            raise OverCap(f"the answer is larger than {sink.limit:,} bytes") from None
        raise


def _serialize_rdf(triples: list[Any], sink: _Bounded, fmt: ox.RdfFormat,
                   options: dict[str, Any]) -> None:
    try:
        ox.serialize(triples, sink, format=fmt, **options)
    except OverCap:
        raise
    except OSError as exc:
        if isinstance(exc.__cause__, OverCap) or "larger than" in str(exc):
            raise OverCap(f"the answer is larger than {sink.limit:,} bytes") from None
        raise


def _limit_memory(max_memory: int) -> None:
    """Cap this process's address space: a runaway aggregate ends this process only."""
    if max_memory > 0:
        try:
            resource.setrlimit(resource.RLIMIT_AS, (max_memory, max_memory))
        except (ValueError, OSError):
            pass


def _die_with_parent() -> None:
    """Ask Linux to kill this process when the server ends (PR_SET_PDEATHSIG, SIGKILL)."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):
        pass


def _open(path: str) -> ox.Store:
    """The store read-only (no lock); a table file a running build's compaction removed
    meanwhile is a race, not damage: try again (as graph.store.embedded does)."""
    for attempt in range(40):
        try:
            return ox.Store.read_only(path)
        except (OSError, RuntimeError) as exc:
            if attempt == 39 or "No such file or directory" not in str(exc):
                raise
            time.sleep(0.05)
    raise AssertionError("unreachable")


def main(argv: list[str]) -> int:
    # imports pyoxigraph only (no rdflib): a worker killed at a deadline is replaced in
    # a few milliseconds of CPU
    _die_with_parent()
    inp, out = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing else may write into the answer channel
    limits = _read_message(inp)
    if limits is None:
        return 0
    try:
        store = _open(argv[1])
        # kbgraph's embedded store keeps the union of the article graphs as its default
        # graph; a store without one is queried over Oxigraph's on-the-fly union
        union = not bool(store.query("ASK { ?s ?p ?o }"))
    except (OSError, RuntimeError) as exc:
        _send(out, b"e", f"cannot open the store {argv[1]} read-only: {exc}".encode("utf-8"))
        return 2
    prefixes = limits.get("prefixes", {})
    _limit_memory(int(limits.get("max_memory", 0)))
    _send(out, b"r", json.dumps({"union": union}).encode("utf-8"))
    while True:
        request = _read_message(inp)
        if request is None:
            return 0
        try:
            _send(out, b"o", answer(store, request, limits, prefixes, union))
        except SyntaxError as exc:
            _send(out, b"s", str(exc).encode("utf-8"))
        except OverCap as exc:
            _send(out, b"c", str(exc).encode("utf-8"))
        except MemoryError:
            _send(out, b"c", b"the query needs more memory than this endpoint gives one query")
        except (OSError, RuntimeError, ValueError, TypeError, KeyError) as exc:
            _send(out, b"e", str(exc).encode("utf-8"))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
