"""The README, run as a doctest: every example prints what the README says it prints.

Examples (rules in ``docs/make_docs.py``): each ```` ```console ```` block starting with
``$ kbgraph`` (every ``$`` line run with bash in a scratch folder after the README's own
``kbgraph demo``), each ```` ```sparql ```` block (through ``kbgraph query``, compared with
the ```` ```text ```` block after it) and each ```` ```pycon ```` block. Tables are compared
as exact text (COLUMNS=100, NO_COLOR, TERM=dumb); only timings are masked. When an output
changes on purpose, regenerate with ``python docs/make_docs.py``.
"""

from __future__ import annotations

import json
import re
import shlex

import kbgraph_make_docs as make_docs  # docs/make_docs.py, loaded by conftest.py
import pytest

from kbgraph.loaders.evaluate import load_gold

REPO = make_docs.REPO

README = make_docs.README.read_text(encoding="utf-8")
LINES = README.split("\n")
EXAMPLES = make_docs.examples(LINES)
REGENERATE = "\n(if the change is intended, run: python docs/make_docs.py)"


def _example_id(ex: make_docs.Example) -> str:
    first = ex.steps[0][0].strip().split("\n")[0] if ex.steps else ""
    return f"line{ex.line}-{ex.kind}-{re.sub(r'[^a-z0-9]+', '-', first.lower())[:40].strip('-')}"


@pytest.mark.slow  # the first one runs them all: the demo, a small corpus, ~1 min
@pytest.mark.parametrize("index", range(len(EXAMPLES)), ids=[_example_id(e) for e in EXAMPLES])
def test_example_prints_what_the_readme_shows(readme_run, index):
    _, found = readme_run
    ex = found[index]
    assert len(ex.outputs) == len(ex.steps), f"README.md line {ex.line}: not every step ran"
    problems = make_docs.mismatches(ex)
    assert not problems, "\n\n".join(problems) + REGENERATE


def test_the_readme_has_every_kind_of_example_and_starts_with_the_demo():
    kinds = [e.kind for e in EXAMPLES]
    assert kinds[0] == "console" and EXAMPLES[0].steps[0][0] == "kbgraph demo"
    assert kinds.count("sparql") == 2 and kinds.count("pycon") == 2 and kinds.count("console") >= 6
    commands = [cmd for e in EXAMPLES if e.kind == "console" for cmd, _ in e.steps]
    for needed in ("kbgraph query meetings --store kbgraph-out/store", "--format csv", "kbgraph build ",
                   "kbgraph evaluate ", "kbgraph viz ", "kbgraph export --format gexf",
                   "kbgraph export --format neo4j", "kbgraph export --format owl"):
        assert any(needed in c for c in commands), needed
    for ex in EXAMPLES:  # an example without output shows nothing: it was never generated
        if ex.kind == "sparql":
            assert ex.out_block is not None and any(s.strip() for s in ex.out_block.body), ex.line


@pytest.mark.slow
def test_no_output_block_is_empty_or_hand_edited_away(readme_run):
    """An empty expected output only passes when the command prints nothing."""
    _, found = readme_run
    for ex in found:
        for (cmd, want), got in zip(ex.steps, ex.outputs):
            if not want.strip():
                assert not got.strip(), f"README.md line {ex.line}: {cmd!r} prints output the README lacks"


def test_generated_tables_are_current():
    assert make_docs.region(README, "catalogue") == make_docs.catalogue_table(), REGENERATE
    assert make_docs.region(README, "evaluate:dev") == make_docs.evaluation_snippet(), REGENERATE
    assert make_docs.region(README, "benchmarks") == make_docs.benchmark_section(), REGENERATE


def test_catalogue_table_lists_every_query_file():
    names = re.findall(r"^\| `([a-z0-9-]+)` \|", make_docs.region(README, "catalogue"), re.MULTILINE)
    assert names == sorted(p.stem for p in (REPO / "queries").glob("*.rq"))
    assert "timeline" in names and "meetings" in names


def _sh_commands() -> list[str]:
    return [line for b in make_docs.fenced_blocks(LINES) if b.lang == "sh" for line in b.body]


def _words(command: str) -> list[str]:
    """A command's words, with the `python -m` and quiet flags CI adds taken out."""
    words = shlex.split(command)
    out, skip = [], False
    for i, w in enumerate(words):
        if skip:
            skip = False
            continue
        if w == "python" and i + 1 < len(words) and words[i + 1] == "-m":
            skip = True
            continue
        if w == "-q":
            continue
        if w == "-p":
            skip = True
            continue
        out.append(w)
    return out


def test_quick_start_is_what_ci_runs():
    commands = _sh_commands()
    assert commands[0] == "pip install -e . && kbgraph demo"
    assert commands[1] == 'pip install -e ".[test]" && pytest'
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    last = [line for line in ci.splitlines() if line.strip() and not line.lstrip().startswith("#")][-1]
    assert _words(last) == _words(commands[1]), f".ci/run runs {last!r}"


def test_gold_example_is_a_gold_file_kbgraph_reads(tmp_path):
    block = next(b for b in make_docs.fenced_blocks(LINES) if b.lang == "json")
    gold = json.loads("\n".join(block.body))
    path = tmp_path / "10-pokja-kampung-kb-garut.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    records = load_gold(path)
    assert [r["file"] for r in records] == ["10-pokja-kampung-kb-garut.txt"]
    full = json.loads((REPO / "tests/fixtures/dev/gold/10-pokja-kampung-kb-garut.json").read_text(encoding="utf-8"))
    for key in ("people", "meetings"):  # shortened, but every item is the real gold's
        assert all(item in full[key] for item in gold[key]), key
    assert all(rel in full["relations"] for rel in gold["relations"])


def test_links_and_the_picture_exist():
    targets = re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", README)
    local = [t for t in targets if not re.match(r"[a-z]+:", t)]
    assert "docs/img/graph.png" in local
    for target in local:
        assert (REPO / target).exists(), f"README links to missing {target}"
    png = (REPO / "docs/img/graph.png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 20_000


def test_normalise_masks_only_timings():
    a = "1 article: 1 added in 14.7 s, 0.07 articles/s  \n\n"
    b = "1 article: 1 added in 9.1 s, 0.11 articles/s"
    assert make_docs.normalise(a) == make_docs.normalise(b)
    assert make_docs.normalise("2 articles: 1 added in 9.1 s, 0.11 articles/s") != make_docs.normalise(b)


def test_rewrite_replaces_outputs_and_keeps_equal_timings():
    lines = ["intro", "```console", "$ kbgraph demo", "in 1.0 s, 1.00 articles/s", "old line",
             "```", "", "```sparql", "SELECT 1", "```", "", "```pycon", ">>> 1 + 1", "3", "```"]
    found = make_docs.examples(lines)
    assert [e.kind for e in found] == ["console", "sparql", "pycon"]
    found[0].outputs = ["in 2.0 s, 9.00 articles/s\nnew line\n"]
    found[1].outputs = ["| 1 |\n"]
    found[2].outputs = ["2\n"]
    assert make_docs.mismatches(found[2]) and not make_docs.mismatches(
        make_docs.Example("pycon", found[2].block, [("1 + 1\n", "2\n")], outputs=["2\n"]))
    out = make_docs.rewrite_examples(lines, found)
    assert out == ["intro", "```console", "$ kbgraph demo", "in 2.0 s, 9.00 articles/s", "new line",
                   "```", "", "```sparql", "SELECT 1", "```", "", "```text", "| 1 |", "```", "",
                   "```pycon", ">>> 1 + 1", "2", "```"]
    found[0].outputs = ["in 5.0 s, 3.00 articles/s\nold line\n"]  # only the timing differs: keep
    assert make_docs.rewrite_examples(lines, found)[3] == "in 1.0 s, 1.00 articles/s"


@pytest.mark.slow
def test_notebook_result_renders_as_an_html_table(readme_run):
    import kbgraph

    ws, _ = readme_run
    with kbgraph.open(ws.root / "kbgraph-out" / "store") as kb:
        html = kb.query("meetings", province="Kalbar")._repr_html_()
    assert html.startswith("<table><caption>meetings: 1 rows</caption>")
    assert "<td>133</td>" in html and "Muslimat" in html
