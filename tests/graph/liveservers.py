"""Live SPARQL servers on 127.0.0.1 for the remote-store tests: Oxigraph and Virtuoso.

Each is started once per test module (a few seconds for Oxigraph; Virtuoso creates a
fresh database, 4 s on a quiet machine and up to a minute on a loaded one) and
stopped at its end. Virtuoso is configured as README.md's recipe says: ports bound to
127.0.0.1, ``ResultSetMaxRows`` raised, SPARQL Update granted. The package's own
Conductor is not installed into the test database (it is not needed and takes time).
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

VIRTUOSO_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
HAVE_OXIGRAPH = shutil.which("oxigraph") is not None
HAVE_VIRTUOSO = bool(shutil.which("virtuoso-t") and shutil.which("isql-vt") and VIRTUOSO_INI.is_file())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_http(url: str, proc: subprocess.Popen, seconds: float, name: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(f"{name} exited with {proc.returncode}")
            time.sleep(0.2)
    raise RuntimeError(f"{name} did not answer within {seconds:g} s")


class Server:
    proc: subprocess.Popen
    url: str

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


class OxigraphServer(Server):
    """``oxigraph serve --union-default-graph`` (the README's recipe) on a free port."""

    def __init__(self, location: Path, union: bool = True):
        self.port = free_port()
        args = ["oxigraph", "serve", "--location", str(location), "--bind", f"127.0.0.1:{self.port}"]
        if union:
            args.append("--union-default-graph")
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.url = f"http://127.0.0.1:{self.port}/query"
        self.gsp_url = f"http://127.0.0.1:{self.port}/store"
        _wait_http(f"http://127.0.0.1:{self.port}/", self.proc, 30, "oxigraph serve")


def virtuoso_ini(folder: Path, port: int, sql_port: int, max_rows: int) -> str:
    """Debian's virtuoso.ini with README.md's settings: the database in ``folder``, both
    ports on 127.0.0.1, ``ResultSetMaxRows`` raised."""
    ini = VIRTUOSO_INI.read_text(encoding="utf-8")
    ini = ini.replace("/var/lib/virtuoso-opensource-7/db/", f"{folder}/")
    ini = re.sub(r"(?m)^ServerPort\s*=\s*1111\b.*$", f"ServerPort = 127.0.0.1:{sql_port}", ini)
    ini = re.sub(r"(?m)^ServerPort\s*=\s*8890\b.*$", f"ServerPort = 127.0.0.1:{port}", ini)
    return re.sub(r"(?m)^ResultSetMaxRows\s*=.*$", f"ResultSetMaxRows = {max_rows}", ini)


class VirtuosoServer(Server):
    """Debian's ``virtuoso-t`` on a fresh database in ``folder``, as README.md's recipe says."""

    def __init__(self, folder: Path, max_rows: int = 100_000):
        folder.mkdir(parents=True, exist_ok=True)
        self.max_rows = max_rows
        self.port, self.sql_port = free_port(), free_port()
        ini = virtuoso_ini(folder, self.port, self.sql_port, max_rows)
        ini = re.sub(r"(?m)^VADInstallDir\s*=.*$", "", ini)  # no Conductor: faster start
        (folder / "virtuoso.ini").write_text(ini, encoding="utf-8")
        self.proc = subprocess.Popen(
            ["virtuoso-t", "+configfile", str(folder / "virtuoso.ini"), "+foreground"],
            cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.url = f"http://127.0.0.1:{self.port}/sparql"
        try:
            _wait_http(f"{self.url}?query=ASK%7B%7D", self.proc, 180, "virtuoso-t")
            self.isql('GRANT SPARQL_UPDATE TO "SPARQL";')
        except BaseException:
            self.stop()
            raise

    def isql(self, statement: str) -> str:
        done = subprocess.run(["isql-vt", f"127.0.0.1:{self.sql_port}", "dba", "dba", f"exec={statement}"],
                              capture_output=True, text=True, timeout=60, check=False)
        if done.returncode != 0 or "Error" in done.stdout:
            raise RuntimeError(f"isql-vt {statement!r}: {done.stdout} {done.stderr}")
        return done.stdout
