"""Bounded parsing: too deep or too long a query is refused before pyoxigraph sees it,
and what the limits let through parses safely even on a quarter of the usual stack."""

from __future__ import annotations

import resource
import subprocess
import sys

import pytest

from kbgraph.queries import catalog
from kbgraph.queries.bounds import MAX_DEPTH, MAX_OPERATORS, MAX_QUERY_BYTES, bounds_problem

N = MAX_OPERATORS
AT_THE_LIMITS = {
    "union": "ASK { " + " UNION ".join(["{ ?s ?p ?o }"] * (N // 3)) + " }",
    "minus": "ASK { ?s ?p ?o " + " ".join(["MINUS { ?s ?p ?o }"] * (N // 2 - 1)) + " }",
    "bind": "ASK { " + " ".join(f"BIND(1 AS ?v{i})" for i in range(N // 2 - 1)) + " }",
    "or": "ASK { ?s ?p ?o FILTER(" + " || ".join(["?o = 1"] * (N // 2 - 2)) + ") }",
    "plus": "SELECT (" + "+".join(["1"] * (N - 2)) + " AS ?x) {}",
    "not": "SELECT (" + "!" * (N - 2) + "true AS ?x) {}",
    "braces": "ASK " + "{" * MAX_DEPTH + " ?s ?p ?o " + "}" * MAX_DEPTH,
    "parens": "SELECT (" + "(" * (MAX_DEPTH - 1) + "1" + ")" * (MAX_DEPTH - 1) + " AS ?x) {}",
}


def test_every_catalogue_question_is_well_inside_the_limits():
    for q in catalog.list_queries():
        assert bounds_problem(q.text) is None, q.name


@pytest.mark.parametrize("kind", sorted(AT_THE_LIMITS))
def test_queries_at_the_limits_pass_and_more_is_refused(kind):
    text = AT_THE_LIMITS[kind]
    assert bounds_problem(text) is None
    if kind == "braces":
        more = "ASK " + "{" * (MAX_DEPTH + 1) + " ?s ?p ?o " + "}" * (MAX_DEPTH + 1)
    elif kind == "parens":
        more = "SELECT (" + "(" * MAX_DEPTH + "1" + ")" * MAX_DEPTH + " AS ?x) {}"
    else:
        more = text + " " + text  # twice the operators
    assert bounds_problem(more) is not None


def test_what_the_limits_let_through_parses_on_a_2_mib_stack():
    # the limits are checked against the crash: a quarter of Linux's default 8 MiB stack
    # still parses every kind of query at the limits (an 8 MiB stack crashed at about
    # three times these sizes)
    program = ("import sys, json, pyoxigraph as ox\n"
               "for text in json.load(sys.stdin): ox.Store().query(text)\n"
               "print('parsed')\n")

    def small_stack() -> None:
        resource.setrlimit(resource.RLIMIT_STACK, (2 * 1024 * 1024, 2 * 1024 * 1024))

    import json

    done = subprocess.run([sys.executable, "-c", program], input=json.dumps(list(AT_THE_LIMITS.values())),
                          capture_output=True, text=True, timeout=120, preexec_fn=small_stack, check=False)
    assert done.returncode == 0 and done.stdout.strip() == "parsed", (done.returncode, done.stderr[-300:])


def test_refusals_name_the_problem():
    assert bounds_problem("ASK " + "{" * 3000 + "}" * 3000) == (
        "the query nests brackets 3,000 deep; at most 64 levels are accepted")
    assert "at most 1,000 are accepted" in bounds_problem(
        "ASK { " + " UNION ".join(["{ ?s ?p ?o }"] * 600) + " }")
    huge = "SELECT * WHERE { ?s ?p \"" + "x" * MAX_QUERY_BYTES + "\" }"
    assert bounds_problem(huge).startswith(f"the query is {len(huge):,} bytes")
    # brackets, keywords and operators inside strings, IRIs and comments do not count
    quoted = 'SELECT * WHERE { ?s ?p "' + "{" * 5000 + '" } # ' + "UNION (" * 2000
    assert bounds_problem(quoted) is None
    error = catalog.syntax_error("ASK " + "{" * 3000 + "}" * 3000, "q.rq")
    assert str(error) == "q.rq: the query nests brackets 3,000 deep; at most 64 levels are accepted"
