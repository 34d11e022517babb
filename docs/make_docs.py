#!/usr/bin/env python3
"""Regenerate the generated parts of the documentation, so none of it is written by hand.

    python docs/make_docs.py             # rewrite README.md and docs/ontology.md in place
    python docs/make_docs.py --check     # change nothing; exit 1 naming what is stale
    python docs/make_docs.py --no-run    # only the tables; leave the examples' output alone

Why: a guide whose printed output was typed in drifts from the program within a week.
Here every output block of the README is what the command printed, and
``tests/docs/test_readme.py`` runs the same examples (through this module) and fails
when the README no longer matches the program.

What is regenerated:

* ``docs/ontology.md`` between ``<!-- ontology:tables:begin -->`` and ``…:end -->``: the
  classes, properties and government levels of ``ontology/kbgraph.ttl``; between
  ``<!-- ontology:examples:… -->``: each core pattern (:data:`PATTERNS`) as real Turtle
  from the graph the README's ``kbgraph demo`` builds.
* ``README.md`` between markers: ``catalogue`` (from
  ``kbgraph.queries.catalog.list_queries()``), ``evaluate:dev`` (copied from
  ``docs/evaluation.md``), ``benchmarks`` (from ``benchmarks/RESULTS.md`` when it exists).
* ``README.md`` examples, run top to bottom in a scratch folder that links the
  checkout's source folders (so ``kbgraph-out/`` and other outputs land there, not in
  the checkout):

  - a ```` ```console ```` block whose first line is ``$ kbgraph …``: each ``$ `` line is
    run with bash (``kbgraph`` is this interpreter's ``python -m kbgraph``), and the
    lines up to the next ``$ `` become what it printed, stdout and stderr together;
  - a ```` ```sparql ```` block: run as ``kbgraph query TEXT --store kbgraph-out/store``;
    its output goes in the ```` ```text ```` block right after it (added if missing);
  - a ```` ```pycon ```` block: ``>>>`` examples run, after all shell examples, in one
    Python interpreter shared by every such block, printing what the REPL prints.

  Tables are deterministic: ``COLUMNS=100``, ``NO_COLOR=1``, ``TERM=dumb``. Timings
  (``in 11.9 s, 0.08 articles/s``) differ between runs, so outputs are compared after
  :func:`normalise`, and a block whose output only differs in timings is left as it is.
"""

from __future__ import annotations

import argparse
import doctest
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
ONTOLOGY_MD = REPO / "docs" / "ontology.md"
EVALUATION_MD = REPO / "docs" / "evaluation.md"
RESULTS_MD = REPO / "benchmarks" / "RESULTS.md"
ONTOLOGY_TTL = REPO / "ontology" / "kbgraph.ttl"

#: What the scratch folder links from the checkout (read-only inputs of the examples).
SOURCE_ENTRIES = ("benchmarks", "docs", "graph", "kbgraph", "loaders", "ontology", "queries",
                  "tests", "pyproject.toml", "README.md")
SEED_STORE = "kbgraph-out/store"
COMMAND_TIMEOUT = 600  # seconds; one build of the sample takes ~15 s here

# Output that changes from run to run, and what it is compared as.
_VOLATILE = (
    (re.compile(r"\bin \d+(?:\.\d+)? s, \d+(?:\.\d+)? articles/s"), "in <seconds> s, <rate> articles/s"),
)
_FENCE = re.compile(r"^(`{3,}|~{3,})\s*([\w+-]*)")


# --------------------------------------------------------------------------- markdown


@dataclass(frozen=True)
class Block:
    """A fenced code block: ``start``/``end`` are the indexes of its fence lines."""

    lang: str
    start: int
    end: int
    body: tuple[str, ...]


def fenced_blocks(lines: Sequence[str]) -> list[Block]:
    """The top-level fenced blocks of a Markdown text split into lines."""
    blocks, i = [], 0
    while i < len(lines):
        m = _FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        fence, j = m.group(1), i + 1
        while j < len(lines) and not (lines[j].startswith(fence[0] * len(fence))
                                      and not lines[j].strip(fence[0]).strip()):
            j += 1
        blocks.append(Block(m.group(2).lower(), i, j, tuple(lines[i + 1:j])))
        i = j + 1
    return blocks


def region(text: str, name: str) -> str | None:
    """The text between ``<!-- name:begin -->`` and ``<!-- name:end -->``, or None."""
    m = re.search(rf"<!-- {re.escape(name)}:begin -->\n(.*?)<!-- {re.escape(name)}:end -->",
                  text, re.DOTALL)
    return m.group(1) if m else None


def replace_region(text: str, name: str, content: str, *, source: str = "") -> str:
    """``text`` with the region ``name`` holding ``content`` (a missing marker is an error)."""
    if region(text, name) is None:
        raise SystemExit(f"{source or 'text'}: no <!-- {name}:begin --> … <!-- {name}:end --> markers")
    content = content if content.endswith("\n") else content + "\n"
    return re.sub(rf"(<!-- {re.escape(name)}:begin -->\n).*?(<!-- {re.escape(name)}:end -->)",
                  lambda m: m.group(1) + content + m.group(2), text, count=1, flags=re.DOTALL)


def _cell(text: object) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def md_table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- ontology tables


def ontology_tables(ttl: Path = ONTOLOGY_TTL) -> str:
    """The generated part of docs/ontology.md: every term kbgraph.ttl declares."""
    from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef
    from rdflib.collection import Collection

    from kbgraph.ontology.namespaces import PREFIXES

    g = Graph().parse(ttl, format="turtle")
    by_length = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))

    def curie(term: object) -> str:
        for prefix, ns in by_length:
            if isinstance(term, URIRef) and str(term).startswith(ns):
                return f"{prefix}:{str(term)[len(ns):]}"
        return f"<{term}>"

    def names(terms: Iterable[object]) -> str:
        return ", ".join(sorted(f"`{curie(t)}`" for t in terms if isinstance(t, URIRef)))

    def label(term: URIRef, lang: str) -> str:
        for prop in (RDFS.label, SKOS.prefLabel):
            for value in g.objects(term, prop):
                if isinstance(value, Literal) and value.language == lang:
                    return str(value)
        return ""

    def comment(term: URIRef) -> str:
        values = sorted(str(c) for c in g.objects(term, RDFS.comment) if getattr(c, "language", None) in ("en", None))
        return " ".join(values)

    def order(term: URIRef) -> tuple[bool, str]:
        return (not curie(term).startswith("kb:"), curie(term).lower())

    def declared(kind: URIRef) -> list[URIRef]:
        return sorted((t for t in set(g.subjects(RDF.type, kind)) if isinstance(t, URIRef)), key=order)

    out = []
    for title, terms in (("Classes defined by kbgraph (`kb:`)", [c for c in declared(OWL.Class) if curie(c).startswith("kb:")]),
                         ("Reused classes declared in the ontology", [c for c in declared(OWL.Class) if not curie(c).startswith("kb:")])):
        out.append(f"### {title}\n")
        out.append(md_table(["class", "label (id)", "label (en)", "subclass of", "comment"],
                            ([f"`{curie(c)}`", label(c, "id"), label(c, "en"),
                              names(g.objects(c, RDFS.subClassOf)) + (f" (≡ {names(g.objects(c, OWL.equivalentClass))})"
                                                                      if (c, OWL.equivalentClass, None) in g else ""),
                              comment(c)] for c in terms)))

    def characteristics(p: URIRef) -> str:
        parts = [names(g.objects(p, RDFS.subPropertyOf))] if (p, RDFS.subPropertyOf, None) in g else []
        inverse = set(g.objects(p, OWL.inverseOf)) | set(g.subjects(OWL.inverseOf, p))
        if inverse:
            parts.append(f"inverse of {names(inverse)}")
        for kind, word in ((OWL.TransitiveProperty, "transitive"), (OWL.FunctionalProperty, "functional")):
            if (p, RDF.type, kind) in g:
                parts.append(word)
        return "; ".join(parts)

    for title, kind in (("Object properties", OWL.ObjectProperty), ("Datatype properties", OWL.DatatypeProperty),
                        ("Annotation properties", OWL.AnnotationProperty)):
        out.append(f"### {title}\n")
        out.append(md_table(["property", "label (id)", "label (en)", "domain", "range", "sub-property of / characteristics", "comment"],
                            ([f"`{curie(p)}`", label(p, "id"), label(p, "en"), names(g.objects(p, RDFS.domain)),
                              names(g.objects(p, RDFS.range)), characteristics(p), comment(p)] for p in declared(kind))))

    out.append("### Government levels (`skos:Concept` in `kb:GovernmentLevels`)\n")
    levels = sorted(g.subjects(SKOS.inScheme, URIRef(PREFIXES["kb"] + "GovernmentLevels")), key=order)
    out.append(md_table(["concept", "notation", "label (id)", "label (en)", "broader"],
                        ([f"`{curie(c)}`", " ".join(str(n) for n in g.objects(c, SKOS.notation)), label(c, "id"),
                          label(c, "en"), names(g.objects(c, SKOS.broader))] for c in levels)))

    groups = []
    for node in g.subjects(RDF.type, OWL.AllDisjointClasses):
        for members in g.objects(node, OWL.members):
            groups.append(", ".join(f"`{curie(m)}`" for m in Collection(g, members)))
    if groups:
        out.append("### Disjoint classes\n")
        out.append("No individual may belong to two of: " + "; and of: ".join(sorted(groups)) + ".\n")
    return "\n".join(out)


# --------------------------------------------------------------------------- ontology examples

KBID = "https://w3id.org/kbgraph/id/"
LITERAL_CHARS = 90  # longer literals (sentences, quotes) are cut with "…"


@dataclass(frozen=True)
class Pick:
    """Which node of the seed graph to show, and which of its properties.

    ``node`` is an IRI relative to ``kbid:``; or ``("subjects", predicate, object)`` — the
    first subject (sorted) with that triple; or ``("objects", k, predicate)`` — the objects
    of the node picked ``k`` places before, through ``predicate`` (all of them). Each entry of
    ``props`` is a CURIE, or ``(CURIE, n)`` to show only the first ``n`` values.
    """

    node: object
    props: tuple


#: The core patterns of docs/rdf-model.md, shown with real triples of ``kbgraph demo``.
PATTERNS: tuple[tuple[str, tuple[Pick, ...]], ...] = (
    ("**An office of a national agency, its division, a post and the person holding it** (`org:`):", (
        Pick("org/perwakilan-bkkbn-provinsi-kalimantan-barat",
             ("rdf:type", "rdfs:label", "kb:abbreviation", "org:subOrganizationOf", "kb:jurisdiction",
              "kb:governmentLevel")),
        Pick(("subjects", "org:unitOf", "org/perwakilan-bkkbn-provinsi-kalimantan-barat"),
             ("rdf:type", "rdfs:label", "kb:abbreviation", "org:unitOf")),
        Pick("person/muslimat", ("rdf:type", "rdfs:label", "schema:name", "org:holds")),
        Pick(("objects", 1, "org:holds"), ("rdf:type", "rdfs:label", "org:postIn")),
    )),
    ("**A meeting** (`schema:Event` → `kb:Meeting`; its label is the name as written): who organized and "
     "chaired it, where, when, how many took part, which program it concerns, which earlier meeting it "
     "follows up.", (
        Pick("event/pertemuan-kelompok-kerja-kampung-keluarga-berencana-kb-2019-11-25",
             ("rdf:type", "rdfs:label", "kb:organizedBy", "kb:chairedBy", "schema:location", "schema:startDate",
              "schema:endDate", "kb:participantCount", "kb:durationDays", "kb:concerns", "kb:followsUp")),
    )),
    ("**A program inside a larger one, run by an agency, answering policy frameworks with a period** "
     "(`time:`):", (
        Pick("program/kampung-keluarga-berencana",
             ("rdf:type", "rdfs:label", "kb:abbreviation", "kb:partOfProgram", "kb:runBy")),
        Pick("program/program-pembangunan-keluarga-kependudukan-dan-keluarga-berencana",
             ("rdf:type", "rdfs:label", "kb:abbreviation", "kb:alignsWith")),
        Pick("framework/rencana-pembangunan-jangka-menengah-nasional-2015-2019",
             ("rdf:type", "rdfs:label", "kb:abbreviation", "kb:period")),
        Pick(("objects", 1, "kb:period"), ("rdf:type", "time:hasBeginning", "time:hasEnd")),
        Pick(("objects", 1, "time:hasBeginning"), ("rdf:type", "time:inXSDgYear")),
        Pick(("objects", 2, "time:hasEnd"), ("rdf:type", "time:inXSDgYear")),
        Pick("framework/nawacita-prioritas-5", ("rdf:type", "rdfs:label", "kb:priorityOf", "kb:priorityNumber")),
    )),
    ("**A rename is one entity with dated names** (KKBPK → Bangga Kencana, BKKBN → "
     "Kemendukbangga/BKKBN), not two unrelated actors:", (
        Pick("program/program-pembangunan-keluarga-kependudukan-dan-keluarga-berencana",
             ("rdfs:label", "kb:nameChange")),
        Pick(("objects", 1, "kb:nameChange"), ("rdf:type", "kb:formerName", "kb:newName", "kb:nameValidFrom")),
    )),
    ("**A place**, inside a larger one, with its Wikidata ID where the lexicon knows it:", (
        Pick("place/kota-pontianak", ("rdf:type", "rdfs:label", "schema:containedInPlace", "kb:wikidataId",
                                      "schema:sameAs", "kb:kemendagriCode")),
    )),
    ("**Every fact points back to its sentence** (`prov:`, `oa:`): the article, one evidence record per "
     "fact pointing at its sentence (stored once, with its offsets and text), each mention of an entity, and what "
     "a person said. These stay in the article's own graph (the union view holds entities and facts).", (
        Pick(("subjects", "rdf:type", "schema:NewsArticle"),
             ("rdf:type", "dcterms:identifier", "dcterms:language", "schema:publisher", ("schema:mentions", 2))),
        Pick(("subjects", "rdf:predicate", "kb:participantCount"),
             ("rdf:type", "rdf:subject", "rdf:predicate", "rdf:object", "oa:hasTarget")),
        Pick(("objects", 1, "oa:hasTarget"), ("oa:hasSource", "kb:sentenceIndex", "oa:start", "oa:end", "oa:exact")),
        Pick(("subjects", "oa:hasBody", "person/muslimat"),
             ("rdf:type", "oa:hasBody", "oa:hasSource", "oa:start", "oa:end", "oa:exact")),
        Pick(("subjects", "rdf:type", "kb:DirectQuote"),
             ("rdf:type", "prov:wasAttributedTo", "schema:text", "dcterms:date", "prov:wasDerivedFrom",
              "oa:start", "oa:end")),
    )),
)


def pattern_examples(seed: Path) -> str:
    """The examples part of docs/ontology.md: each core pattern as real Turtle of ``seed``."""
    from rdflib import Graph, Literal, URIRef

    from kbgraph.ontology.namespaces import PREFIXES, bind_prefixes

    g = Graph().parse(seed, format="turtle")

    def term(text: str) -> URIRef:
        if ":" in text and text.split(":", 1)[0] in PREFIXES:
            prefix, local = text.split(":", 1)
            return URIRef(PREFIXES[prefix] + local)
        return URIRef(KBID + text)

    out = []
    for title, picks in PATTERNS:
        shown = Graph()
        bind_prefixes(shown)
        nodes: list[list[URIRef]] = []
        for pick in picks:
            if isinstance(pick.node, str):
                chosen = [term(pick.node)]
            elif pick.node[0] == "subjects":
                subjects = sorted(s for s in g.subjects(term(pick.node[1]), term(pick.node[2])) if isinstance(s, URIRef))
                chosen = subjects[:1]
            else:
                chosen = sorted(o for s in nodes[-pick.node[1]] for o in g.objects(s, term(pick.node[2]))
                                if isinstance(o, URIRef))
            if not chosen:
                raise SystemExit(f"{seed}: nothing matches {pick.node!r} (docs/make_docs.py PATTERNS)")
            nodes.append(chosen)
            for node in chosen:
                for prop in pick.props:
                    name, limit = (prop, None) if isinstance(prop, str) else prop
                    values = sorted(g.objects(node, term(name)))
                    if name == "rdfs:label":
                        values = [v for v in values if getattr(v, "language", None) == "id"]
                    for value in values[:limit]:
                        if isinstance(value, Literal) and len(value) > LITERAL_CHARS:
                            value = Literal(value[:LITERAL_CHARS].rstrip() + " …", lang=value.language,
                                            datatype=value.datatype)
                        shown.add((node, term(name), value))
        ttl = shown.serialize(format="turtle")
        body = "\n".join(line for line in ttl.strip().split("\n") if not line.startswith("@prefix"))
        body = body.replace(f"<{KBID}", "<").strip()
        out.append(f"{title}\n\n```turtle\n{body}\n```\n")
    return "\n".join(out)


# --------------------------------------------------------------------------- README regions


def catalogue_table() -> str:
    """The question catalogue as a Markdown table (name, question, columns, parameters)."""
    from kbgraph.queries.catalog import list_queries

    rows = []
    for q in list_queries():
        question = q.question_en + (f"<br>*{q.question_id}*" if q.question_id and q.question_en else q.question_id)
        params = ", ".join(f"`{p.name}` ({p.type}{', required' if p.required else ''})" for p in q.params) or "–"
        rows.append([f"`{q.name}`", question, ", ".join(q.columns), params])
    return md_table(["name", "question", "columns", "parameters"], rows)


def evaluation_snippet() -> str:
    """The dev-corpus table that docs/evaluation.md holds between its markers."""
    text = region(EVALUATION_MD.read_text(encoding="utf-8"), "evaluate:dev")
    if text is None:
        raise SystemExit(f"{EVALUATION_MD}: no <!-- evaluate:dev:begin/end --> markers")
    return text


def benchmark_section() -> str:
    """The headline figures from benchmarks/RESULTS.md, or a note that there are none yet.

    RESULTS.md's ``<!-- headline:begin/end -->`` region when it has one, else the whole
    file without its first heading.
    """
    if not RESULTS_MD.exists():
        return ("*No measurements yet: `benchmarks/RESULTS.md` does not exist. Run "
                "`python benchmarks/run.py --n 1000`, write the figures there, then "
                "`python docs/make_docs.py`.*\n")
    text = RESULTS_MD.read_text(encoding="utf-8")
    part = region(text, "headline")
    if part is None:
        part = re.sub(r"\A\s*#[^\n]*\n", "", text)
    return part.strip() + "\n\n(From [benchmarks/RESULTS.md](benchmarks/RESULTS.md).)\n"


# --------------------------------------------------------------------------- examples


@dataclass
class Example:
    """One runnable example of the README: steps of (command or source, expected output)."""

    kind: str  # console | sparql | pycon
    block: Block
    steps: list[tuple[str, str]]
    out_block: Block | None = None  # sparql: the ```text block after it
    outputs: list[str] = field(default_factory=list)  # filled by run_examples

    @property
    def line(self) -> int:
        return self.block.start + 1


def examples(lines: Sequence[str]) -> list[Example]:
    """The README's runnable examples, in document order."""
    found = []
    blocks = fenced_blocks(lines)
    for k, b in enumerate(blocks):
        if b.lang == "console" and b.body and b.body[0].startswith("$ kbgraph"):
            steps: list[tuple[str, list[str]]] = []
            for line in b.body:
                if line.startswith("$ "):
                    steps.append((line[2:], []))
                elif steps:
                    steps[-1][1].append(line)
            found.append(Example("console", b, [(c, "\n".join(o)) for c, o in steps]))
        elif b.lang == "sparql":
            nxt = blocks[k + 1] if k + 1 < len(blocks) else None
            between = lines[b.end + 1:nxt.start] if nxt else []
            out = nxt if nxt and nxt.lang == "text" and not any(s.strip() for s in between) else None
            found.append(Example("sparql", b, [("\n".join(b.body), "\n".join(out.body) if out else "")], out))
        elif b.lang == "pycon":
            parsed = doctest.DocTestParser().get_examples("\n".join(b.body) + "\n")
            found.append(Example("pycon", b, [(e.source, e.want) for e in parsed]))
    return found


def normalise(text: str) -> str:
    """Output as compared: trailing spaces and blank lines dropped, timings masked."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    out = "\n".join(lines)
    for pattern, repl in _VOLATILE:
        out = pattern.sub(repl, out)
    return out


_PYCON_RUNNER = r"""
import contextlib, io, json, sys, traceback
blocks = json.load(sys.stdin)
ns = {"__name__": "__main__"}
results = []
for block in blocks:
    outs = []
    for source in block:
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(buf):
            try:
                exec(compile(source, "<README>", "single"), ns)
            except Exception as exc:
                buf.write("Traceback (most recent call last):\n  ...\n")
                buf.write("".join(traceback.format_exception_only(type(exc), exc)))
        outs.append(buf.getvalue())
    results.append(outs)
sys.__stdout__.write(json.dumps(results))
"""


class Workspace:
    """A scratch folder that looks like the checkout, where the README's examples run."""

    def __init__(self, root: Path, repo: Path = REPO):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        for name in SOURCE_ENTRIES:
            if (repo / name).exists() and not (self.root / name).exists():
                (self.root / name).symlink_to(repo / name)
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("KBGRAPH_", "FORCE_COLOR", "CLICOLOR", "TTY_", "JUPYTER_"))
               and k not in ("COLUMNS", "LINES", "PYTHONSTARTUP")}
        env.update(COLUMNS="100", LINES="50", NO_COLOR="1", TERM="dumb", PYTHONUNBUFFERED="1",
                   PYTHONIOENCODING="utf-8", KBGRAPH_DOCS_PYTHON=sys.executable)
        self.env = env

    def shell(self, command: str) -> str:
        """Run one ``$`` line with bash; what it printed, stdout and stderr as they came."""
        script = 'kbgraph() { "$KBGRAPH_DOCS_PYTHON" -m kbgraph "$@"; }\n' + command
        done = subprocess.run(["bash", "-c", script], cwd=self.root, env=self.env, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=COMMAND_TIMEOUT)
        return done.stdout.decode("utf-8", "replace")

    def sparql(self, text: str) -> str:
        """``kbgraph query TEXT --store kbgraph-out/store``, as a table."""
        done = subprocess.run([sys.executable, "-m", "kbgraph", "query", text, "--store", SEED_STORE],
                              cwd=self.root, env=self.env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, timeout=COMMAND_TIMEOUT)
        return done.stdout.decode("utf-8", "replace")

    def python(self, blocks: list[list[str]]) -> list[list[str]]:
        """Run pycon sources in one interpreter; per block, per example, what it printed."""
        if not blocks:
            return []
        done = subprocess.run([sys.executable, "-c", _PYCON_RUNNER], cwd=self.root, env=self.env,
                              input=json.dumps(blocks).encode("utf-8"), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=COMMAND_TIMEOUT)
        if done.returncode:
            raise RuntimeError(f"the pycon runner failed:\n{done.stderr.decode('utf-8', 'replace')}")
        return json.loads(done.stdout.decode("utf-8"))


def run_examples(found: list[Example], ws: Workspace) -> list[Example]:
    """Fill every example's ``outputs``: shell and SPARQL in order, then the Python."""
    for ex in found:
        if ex.kind == "console":
            ex.outputs = [ws.shell(cmd) for cmd, _ in ex.steps]
        elif ex.kind == "sparql":
            ex.outputs = [ws.sparql(ex.steps[0][0])]
    pycon = [ex for ex in found if ex.kind == "pycon"]
    for ex, outs in zip(pycon, ws.python([[src for src, _ in ex.steps] for ex in pycon])):
        ex.outputs = outs
    return found


def mismatches(ex: Example) -> list[str]:
    """One message per step whose output differs from the README's (after normalising)."""
    problems = []
    for (cmd, want), got in zip(ex.steps, ex.outputs):
        if ex.kind == "pycon":
            want = want.replace("<BLANKLINE>", "")
        if normalise(want) != normalise(got):
            problems.append(f"README.md line {ex.line}: {cmd.strip()!r}\n--- README\n{normalise(want)}\n"
                            f"--- printed\n{normalise(got)}")
    return problems


def _render(ex: Example) -> tuple[list[str], list[str] | None]:
    """New body lines of the example's block, and of its output block (sparql)."""
    if ex.kind == "sparql":
        return list(ex.block.body), normalise(ex.outputs[0]).split("\n")
    body: list[str] = []
    for (cmd, want), got in zip(ex.steps, ex.outputs):
        if ex.kind == "pycon":
            want = want.replace("<BLANKLINE>", "")
        text = want if normalise(want) == normalise(got) else got  # keep timings stable
        if ex.kind == "console":
            body.append(f"$ {cmd}")
        else:
            src = cmd.rstrip("\n").split("\n")
            body += [f">>> {src[0]}"] + [f"... {s}" for s in src[1:]]
        out = normalise(text) if ex.kind == "pycon" else "\n".join(x.rstrip() for x in text.rstrip("\n").split("\n"))
        if out:
            body += [x or "<BLANKLINE>" for x in out.split("\n")] if ex.kind == "pycon" else out.split("\n")
    return body, None


def rewrite_examples(lines: list[str], found: list[Example]) -> list[str]:
    """The README's lines with every example's output block replaced by what was printed."""
    lines = list(lines)
    for ex in sorted(found, key=lambda e: -e.block.start):
        body, out = _render(ex)
        if ex.kind == "sparql":
            if ex.out_block is not None:
                old = ex.out_block
                if normalise("\n".join(old.body)) != normalise("\n".join(out)):
                    lines[old.start + 1:old.end] = out
            else:
                lines[ex.block.end + 1:ex.block.end + 1] = ["", "```text", *out, "```"]
        else:
            lines[ex.block.start + 1:ex.block.end] = body
    return lines


# --------------------------------------------------------------------------- main


def generated_readme(text: str, *, ws: Workspace | None) -> str:
    """README.md regenerated; its examples re-run in ``ws`` (left alone when ``ws`` is None)."""
    text = replace_region(text, "catalogue", catalogue_table(), source="README.md")
    text = replace_region(text, "evaluate:dev", evaluation_snippet(), source="README.md")
    text = replace_region(text, "benchmarks", benchmark_section(), source="README.md")
    if ws is None:
        return text
    lines = text.split("\n")
    found = run_examples(examples(lines), ws)
    return "\n".join(rewrite_examples(lines, found))


def generated_ontology_md(text: str, *, seed: Path | None) -> str:
    """docs/ontology.md regenerated; the Turtle examples only when a seed graph is given."""
    text = replace_region(text, "ontology:tables", ontology_tables(), source="docs/ontology.md")
    if seed is not None:
        text = replace_region(text, "ontology:examples", pattern_examples(seed), source="docs/ontology.md")
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a file is stale")
    parser.add_argument("--no-run", action="store_true",
                        help="only the tables: do not re-run the README's examples or the demo")
    args = parser.parse_args(argv)
    stale, new = [], {}
    with tempfile.TemporaryDirectory(prefix="kbgraph-docs-") as tmp:
        ws = None if args.no_run else Workspace(Path(tmp))
        old = {path: path.read_text(encoding="utf-8") for path in (README, ONTOLOGY_MD)}
        new[README] = generated_readme(old[README], ws=ws)  # runs kbgraph demo first
        seed = ws.root / "kbgraph-out" / "graph.ttl" if ws else None
        new[ONTOLOGY_MD] = generated_ontology_md(old[ONTOLOGY_MD], seed=seed)
    for path in (README, ONTOLOGY_MD):
        if new[path] != old[path]:
            stale.append(path.relative_to(REPO))
            if not args.check:
                path.write_text(new[path], encoding="utf-8")
    verb = "stale" if args.check else "rewritten"
    for path in stale:
        print(f"{path}: {verb}")
    if not stale:
        print("docs up to date")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
