"""Gap 7 of issue 9: ``kbgraph serve`` as a process, from the outside.

tests/queries/test_server.py covers refusals (UPDATE, LOAD, SERVICE), the row cap and a
streamed timeout on an in-thread server, and 200 concurrent requests. Added here, on
the real ``kbgraph serve`` process: the listening socket is loopback only (read from
/proc), the --max-rows and --timeout options are enforced, a query that computes
before its first row (an aggregate) is cut off too, and 200 concurrent requests leave
no file descriptors behind in the server.
"""

from __future__ import annotations

import concurrent.futures
import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

HOSTILE = Path(__file__).resolve().parents[1] / "fixtures" / "hostile"
pytestmark = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs Linux /proc")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    store = tmp_path_factory.mktemp("serve") / "store"
    done = subprocess.run([sys.executable, "-m", "kbgraph", "build", str(HOSTILE / "hostile-article.txt"),
                           "--store", str(store)], capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    proc = subprocess.Popen(
        [sys.executable, "-m", "kbgraph", "serve", "--port", "0", "--store", str(store),
         "--max-rows", "3", "--timeout", "1", "--workers", "2"],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        line = proc.stderr.readline()
        match = re.search(r"(http://127\.0\.0\.1:(\d+)/query)", line)
        assert match, line
        yield proc, match.group(1), int(match.group(2))
    finally:
        proc.kill()
        proc.wait(timeout=10)


def get(url: str, query: str) -> tuple[int, dict, str]:
    req = urllib.request.Request(url + "?" + urllib.parse.urlencode({"query": query}),
                                 headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, dict(resp.headers), resp.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read().decode("utf-8")


def _open_fds(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/fd"))


def test_listens_on_loopback_only(server):
    proc, _, port = server
    listening = []
    for table in ("tcp", "tcp6"):
        path = Path(f"/proc/{proc.pid}/net/{table}")
        if not path.exists():
            continue
        for row in path.read_text().splitlines()[1:]:
            local, state = row.split()[1], row.split()[3]
            addr, hexport = local.rsplit(":", 1)
            if state == "0A" and int(hexport, 16) == port:  # 0A: LISTEN
                listening.append((table, addr))
    assert listening == [("tcp", "0100007F")]  # 127.0.0.1, little-endian; no IPv6, no 0.0.0.0


def test_max_rows_option_is_enforced(server):
    _, url, _ = server
    status, headers, body = get(url, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    assert status == 200 and headers["X-Kbgraph-Truncated"] == "max-rows=3"
    assert len(json.loads(body)["results"]["bindings"]) == 3


def test_200_concurrent_requests_leave_no_open_descriptors(server):
    proc, url, _ = server
    query = "SELECT ?s WHERE { ?s a schema:NewsArticle }"
    assert get(url, query)[0] == 200  # warm up: pools and lazy imports
    before = _open_fds(proc.pid)
    with concurrent.futures.ThreadPoolExecutor(max_workers=16) as pool:
        answers = list(pool.map(lambda _: get(url, query), range(200)))
    assert {a[0] for a in answers} == {200}
    assert len({a[2] for a in answers}) == 1
    deadline = time.monotonic() + 5
    while _open_fds(proc.pid) > before and time.monotonic() < deadline:
        time.sleep(0.1)  # handler threads close their sockets just after answering
    assert _open_fds(proc.pid) <= before


@pytest.mark.slow
def test_timeout_option_cuts_off_an_aggregate_and_the_server_keeps_answering(server):
    # last in this module: the cut-off aggregate keeps one worker busy until the server stops
    _, url, _ = server
    start = time.monotonic()
    status, _, body = get(url, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
    took = time.monotonic() - start
    assert status == 503 and "timed out after 1 s" in body
    assert took < 5, took
    # one of the two workers is still free
    status, _, body = get(url, "SELECT ?t WHERE { ?a a schema:NewsArticle ; dcterms:title ?t }")
    assert status == 200
    assert [b["t"]["value"] for b in json.loads(body)["results"]["bindings"]] == [
        'Rakor </script><img src=x onerror=alert(1)> "} ; DROP ALL > . <http://evil> <p> "x" .']
