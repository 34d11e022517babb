"""The question catalogue: named SPARQL queries stored as ``queries/<name>.rq`` files.

Each file is one question, valid SPARQL on its own, with a header of ``#+ `` comment
lines holding YAML metadata in the style of grlc (title, the question in Indonesian and
English, the result columns, the parameters with their types, an example). Keeping the
SPARQL in data files means researchers can read, copy and run the same text in any
SPARQL tool; this module only reads the headers, converts parameter values to RDF terms
and hands both to the store.

Parameters are never pasted into the query text. A parameter ``p`` of the header is
bound, as an RDF term, to the variable ``?_p`` (grlc's convention), or to
``?_p_iri`` / ``?_p_label`` for a parameter of type ``entity`` (an IRI, or a label
matched case-insensitively). Each query filters with ``!BOUND(?_p) || …`` so that an
absent optional parameter means "no filter". Parameter types:

``string``    a plain literal;
``integer``   an ``xsd:integer``;
``date``      an ``xsd:date`` written ``YYYY-MM-DD``;
``province``  a province name, lower-cased, with a leading "Provinsi " removed (the
              query compares it with the province's labels, aliases and abbreviation
              treated the same way, so "Kalimantan Barat", "Provinsi Kalimantan Barat"
              and "Kalbar" all match);
``entity``    an IRI (``http(s)://…``, ``urn:…``, ``<…>`` or a kbgraph prefixed name such
              as ``kbid:org/bkkbn``) or else a label, lower-cased.

A query given as text or as a file without a header binds ``--param k=v`` to ``?k`` as a
plain literal (``<…>`` as an IRI).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping

import yaml
from rdflib import Literal, URIRef
from rdflib.term import Identifier

from kbgraph.errors import QueryError
from kbgraph.ontology.namespaces import PREFIXES, XSD

if TYPE_CHECKING:  # the store is passed in; queries/ does not open one itself
    import rdflib

    from kbgraph.graph.store import Result

__all__ = [
    "Param", "QueryInfo", "list_queries", "load", "resolve", "bind_params", "run",
    "query_form", "uses_service", "syntax_error", "narrowed", "check_names",
]

PARAM_TYPES = ("string", "integer", "date", "province", "entity")
_HEADER = re.compile(r"^#\+ ?(.*)$")
_PROVINCE_PREFIX = re.compile(r"^\s*(provinsi|prov\.)\s+", re.IGNORECASE)
# SPARQL tokens that may hide keywords: strings, IRIs, comments; then words.
_TOKENS = re.compile(
    r'(?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\')'
    r'|(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)'
    r'|(?P<comment>#[^\n]*)'
    r'|(?P<word>[?$]?[A-Za-z_][A-Za-z0-9_\-]*(?::[^\s{}()<>,;.]*)?|:[^\s{}()<>,;.]*)',
    re.DOTALL,
)
_FORMS = ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")
_UPDATE_WORDS = frozenset({
    "INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH",
})
_POSITION = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.DOTALL)


@dataclass(frozen=True)
class Param:
    """One parameter of a catalogue query, as declared in its header."""

    name: str
    type: str = "string"
    required: bool = False
    default: str | None = None
    description: str = ""
    #: the query variable this (entity) parameter selects: kbgraph then starts the
    #: question from the matching IRIs instead of filtering every row by name
    binds: str | None = None


@dataclass(frozen=True)
class QueryInfo:
    """A catalogue query: its metadata (from the header) and its SPARQL text."""

    name: str
    title: str = ""
    question_id: str = ""
    question_en: str = ""
    columns: tuple[str, ...] = ()
    params: tuple[Param, ...] = ()
    example: str = ""
    notes: str = ""
    #: what one row of the answer is ("one meeting"), and the columns that say which
    #: (no two rows share them)
    row: str = ""
    key: tuple[str, ...] = ()
    text: str = field(default="", repr=False)
    path: Path | None = None

    @property
    def question(self) -> str:
        """The question in Indonesian, else in English."""
        return self.question_id or self.question_en


def _catalogue_dir() -> Path:
    return Path(str(resources.files("kbgraph.queries")))


def list_queries() -> list[QueryInfo]:
    """Every catalogue query, sorted by name."""
    return [load(p.stem) for p in sorted(_catalogue_dir().glob("*.rq"))]


def load(name: str) -> QueryInfo:
    """The catalogue query ``name`` (without ``.rq``), with its text."""
    path = _catalogue_dir() / f"{name}.rq"
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name) or not path.is_file():
        known = ", ".join(p.stem for p in sorted(_catalogue_dir().glob("*.rq")))
        raise QueryError(f"unknown query {name!r}; the catalogue has: {known}")
    return parse_file(path, name=name)


def parse_file(path: Path, name: str | None = None) -> QueryInfo:
    """Read a ``.rq`` file and its ``#+`` header (a file without a header is fine)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"cannot read the query file: {exc}", source=str(path)) from exc
    return _parse_text(text, name or path.stem, source=str(path), path=path)


def _parse_text(text: str, name: str, source: str, path: Path | None = None) -> QueryInfo:
    header = []
    for line in text.splitlines():
        m = _HEADER.match(line)
        if m:
            header.append(m.group(1))
        elif line.strip() and not line.lstrip().startswith("#"):
            break
    meta: Any = {}
    if header:
        try:
            meta = yaml.safe_load("\n".join(header)) or {}
        except yaml.YAMLError as exc:
            raise QueryError(f"the '#+' header is not valid YAML: {exc}", source=source) from exc
        if not isinstance(meta, dict):
            raise QueryError("the '#+' header must be a YAML mapping", source=source)
    description = meta.get("description") or {}
    if isinstance(description, str):
        description = {"en": description}
    return QueryInfo(
        name=name,
        title=str(meta.get("title", "")),
        question_id=str(description.get("id", "")).strip(),
        question_en=str(description.get("en", "")).strip(),
        columns=tuple(str(c) for c in meta.get("columns") or ()),
        params=_parse_params(meta.get("params") or [], source),
        example=str(meta.get("example", "")),
        notes=" ".join(str(meta.get("notes", "")).split()),
        row=str(meta.get("row", "")),
        key=tuple(str(c) for c in meta.get("key") or ()),
        text=text,
        path=path,
    )


def _parse_params(raw: Any, source: str) -> tuple[Param, ...]:
    """``params`` is a list of one-key mappings: ``- name: {type: …, required: …}``."""
    if not isinstance(raw, list):
        raise QueryError("'params' in the header must be a list", source=source)
    params = []
    for item in raw:
        if isinstance(item, str):
            item = {item: {}}
        if not isinstance(item, dict) or len(item) != 1:
            raise QueryError(f"bad parameter declaration {item!r}", source=source)
        (pname, spec), = item.items()
        spec = spec or {}
        ptype = str(spec.get("type", "string"))
        if ptype not in PARAM_TYPES:
            raise QueryError(
                f"parameter {pname!r} has unknown type {ptype!r}; expected one of "
                f"{', '.join(PARAM_TYPES)}", source=source)
        default = spec.get("default")
        params.append(Param(
            name=str(pname), type=ptype, required=bool(spec.get("required", False)),
            default=None if default is None else str(default),
            description=str(spec.get("description", "")),
            binds=_binds(spec.get("binds"), str(pname), ptype, source),
        ))
    return tuple(params)


def _binds(value: Any, pname: str, ptype: str, source: str) -> str | None:
    if value is None:
        return None
    if ptype != "entity" or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", str(value)):
        raise QueryError(f"parameter {pname!r}: 'binds' needs an entity parameter and a "
                         f"variable name, not {value!r}", source=source)
    return str(value)


def resolve(query: str) -> QueryInfo:
    """A catalogue name, a ``.rq`` file or SPARQL text → :class:`QueryInfo`."""
    stripped = query.strip()
    if re.fullmatch(r"[a-z0-9][a-z0-9-]*", stripped) and (_catalogue_dir() / f"{stripped}.rq").is_file():
        return load(stripped)
    if stripped.endswith(".rq") and "\n" not in stripped:
        path = Path(stripped)
        if not path.is_file():
            raise QueryError("no such query file", source=stripped)
        return parse_file(path)
    if query_form(query) is None and not is_update(query) and not _looks_like_sparql(query):
        return load(stripped)  # raises "unknown query …" with the catalogue's names
    return _parse_text(query, "query", source="query")


def _looks_like_sparql(text: str) -> bool:
    return "{" in text or any(w.upper() in _FORMS + ("PREFIX", "BASE") for w in _words(text)[:1])


def _words(text: str) -> list[str]:
    """The words of a SPARQL text outside strings, IRIs and comments."""
    return [m.group("word") for m in _TOKENS.finditer(text) if m.group("word")]


def _first_keyword(text: str) -> str | None:
    """The first word after the prologue (BASE and PREFIX declarations), upper-cased."""
    words = _words(text)
    i = 0
    while i < len(words):
        w = words[i].upper()
        if w == "BASE":
            i += 1
        elif w == "PREFIX":
            i += 2 if i + 1 < len(words) and words[i + 1].endswith(":") else 1
        else:
            return w
    return None


def query_form(text: str) -> str | None:
    """SELECT, CONSTRUCT, ASK or DESCRIBE; None for an update or something else."""
    word = _first_keyword(text)
    return word if word in _FORMS else None


def uses_service(text: str) -> bool:
    """True when a SERVICE clause may occur: the keyword outside strings, IRIs, comments."""
    return any(w.upper() == "SERVICE" for w in _words(text))


def is_update(text: str) -> bool:
    """True when the text starts (after its prologue) with an update keyword."""
    return _first_keyword(text) in _UPDATE_WORDS


def syntax_error(text: str, source: str) -> QueryError | None:
    """A QueryError naming line and column if ``text`` is not valid SPARQL 1.1, else None.

    Parsed by pyoxigraph (the engine that runs it) on an empty in-memory store, with the
    project's prefixes (kb:, kbid:, schema:, …) predeclared as the store does. A text
    that fails to parse is never evaluated; SELECT, CONSTRUCT and DESCRIBE are lazy, so
    a valid one is not evaluated either. ASK is evaluated at once: one with SERVICE is
    left to the store rather than reach out to the network here.
    """
    import pyoxigraph

    from .bounds import bounds_problem

    problem = bounds_problem(text)  # before any parser: too deep a query crashes it
    if problem is not None:
        return QueryError(problem, source=source)
    form = query_form(text)
    if form is None and is_update(text):
        return QueryError("this is a SPARQL update; only queries (SELECT, CONSTRUCT, ASK, "
                          "DESCRIBE) are run here", source=source)
    if form == "ASK" and uses_service(text):
        return None
    try:
        pyoxigraph.Store().query(text, prefixes=PREFIXES)
    except SyntaxError as exc:
        return _positioned(str(exc), source, text)
    except OSError:  # evaluation on the empty store failed: the text did parse
        return None
    if form is None:
        return QueryError("not a SPARQL query (SELECT, CONSTRUCT, ASK or DESCRIBE)",
                          source=source)
    return None


def _positioned(message: str, source: str, text: str | None = None) -> QueryError:
    m = _POSITION.search(message)
    if not m:
        return QueryError(f"SPARQL syntax error: {message}", source=source)
    line, column = int(m.group(1)), int(m.group(2))
    if text is not None and line > len(text.rstrip().splitlines()):
        # pyoxigraph points past the end for some errors; rdflib's parser says where
        line, column = _rdflib_position(text) or (line, column)
    detail = " ".join(m.group(3).split())
    if len(detail) > 200:
        detail = detail[:200] + "…"
    return QueryError(f"SPARQL syntax error at line {line}, column {column}: {detail}",
                      source=source)


def _rdflib_position(text: str) -> tuple[int, int] | None:
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        parseQuery(text)
    except ParseBaseException as exc:
        return exc.lineno, exc.col
    except Exception:  # noqa: BLE001 - rdflib may fail otherwise; keep pyoxigraph's position
        return None
    return None


def bind_params(info: QueryInfo, params: Mapping[str, str] | None) -> dict[str, Identifier]:
    """Convert the user's ``name=value`` strings to RDF terms keyed by variable name."""
    params = dict(params or {})
    if not info.params:
        return {name: _plain_term(value) for name, value in params.items()}
    declared = {p.name: p for p in info.params}
    unknown = sorted(set(params) - set(declared))
    if unknown:
        raise QueryError(
            f"unknown parameter {unknown[0]!r}; this query takes: {', '.join(declared)}",
            source=info.name)
    bindings: dict[str, Identifier] = {}
    for p in info.params:
        value = params.get(p.name, p.default)
        if value is None or (isinstance(value, str) and not value.strip()):
            if p.required:
                raise QueryError(f"parameter {p.name!r} is required ({p.description})",
                                 source=info.name)
            continue
        bindings.update(_convert(p, str(value), info.name))
    return bindings


def _plain_term(value: str) -> Identifier:
    v = value.strip()
    if v.startswith("<") and v.endswith(">"):
        return _iri(v[1:-1], "value", "query")
    return Literal(value)


def _convert(p: Param, value: str, source: str) -> dict[str, Identifier]:
    var = f"_{p.name}"
    if p.type == "date":
        try:
            return {var: Literal(dt.date.fromisoformat(value.strip()), datatype=XSD.date)}
        except ValueError:
            raise QueryError(
                f"parameter {p.name!r}: {value!r} is not a date; expected YYYY-MM-DD "
                f"(e.g. 2019-11-25)", source=source) from None
    if p.type == "integer":
        try:
            return {var: Literal(int(value.strip()))}
        except ValueError:
            raise QueryError(f"parameter {p.name!r}: {value!r} is not an integer",
                             source=source) from None
    if p.type == "province":
        name = _PROVINCE_PREFIX.sub("", " ".join(value.split()))
        return {var: Literal(name.lower())}
    if p.type == "entity":
        iri = _as_iri(value.strip())
        if iri is not None:
            return {f"{var}_iri": _iri(iri, p.name, source)}
        return {f"{var}_label": Literal(" ".join(value.split()).lower())}
    return {var: Literal(value)}


def _as_iri(value: str) -> str | None:
    """The IRI a parameter value names, or None if it is a label."""
    if value.startswith("<") and value.endswith(">"):
        return value[1:-1]
    if re.match(r"(https?|urn|file):", value, re.IGNORECASE) and " " not in value:
        return value
    prefix, sep, local = value.partition(":")
    if sep and prefix in PREFIXES and " " not in value:
        return PREFIXES[prefix] + local
    return None


def _iri(value: str, pname: str, source: str) -> URIRef:
    if not value or re.search(r'[\x00-\x20<>"{}|^`\\]', value):
        raise QueryError(f"parameter {pname!r}: {value!r} is not a valid IRI", source=source)
    return URIRef(value)


def run(store: Any, query: str, params: Mapping[str, str] | None = None
        ) -> "Result | rdflib.Graph | bool":
    """Run a catalogue name, a ``.rq`` file or SPARQL text on ``store``.

    SELECT gives the store's Result, CONSTRUCT/DESCRIBE an rdflib Graph, ASK a
    bool. Bad syntax, unknown or ill-typed parameters raise QueryError naming the query.
    """
    info = resolve(query)
    bindings = bind_params(info, params)
    source = str(info.path) if info.path else info.name
    error = syntax_error(info.text, source)
    if error is not None:
        raise error
    form = query_form(info.text)
    check_names(store, info, bindings)
    text = narrowed(store, info, bindings)
    try:
        if form == "SELECT":
            return store.select(text, bindings=bindings or None)
        if form == "ASK":
            return store.ask(text, bindings=bindings or None)
        return store.construct(text, bindings=bindings or None)
    except SyntaxError as exc:  # e.g. ASK, which is not pre-parsed
        raise _positioned(str(exc), source, info.text) from exc


def narrowed(store: Any, info: QueryInfo, bindings: Mapping[str, Identifier]) -> str:
    """The query text, started from the IRIs its ``binds:`` parameters name.

    A name given for such a parameter is first looked up (``queries/lib/entities-named.rq``)
    and the question then begins from those IRIs, which the store answers by index
    lookups: the difference between scanning every evidence node of 10,000 articles
    and reading one entity's. The bindings stay, so the query's own FILTER still
    decides exactly which rows match; only the work changes, not the answer.
    """
    from kbgraph.graph.store.terms import inject_block, values_column

    text = info.text
    for p in info.params:
        if p.binds is None:
            continue
        iri = bindings.get(f"_{p.name}_iri")
        name = bindings.get(f"_{p.name}_label")
        if iri is not None:
            text = inject_block(text, values_column(p.binds, [iri]))
        elif name is not None:
            rows = store.select(_LOOKUP.read_text(encoding="utf-8"), bindings={"_name": name}).rows
            text = inject_block(text, values_column(p.binds, [r[0] for r in rows if r[0] is not None]))
    return text


_LIB = Path(__file__).resolve().parent / "lib"
_LOOKUP = _LIB / "entities-named.rq"


def check_names(store: Any, info: QueryInfo, bindings: Mapping[str, Identifier]) -> None:
    """Raise QueryError when a province or entity parameter names nothing.

    A province is known when the graph holds a province of that name, or the lexicon
    knows it (a real province the articles do not mention answers with no rows); an
    entity when some entity or article bears the name, or the IRI is used. The error
    offers the closest names, as ``kbgraph viz --focus`` does.
    """
    import difflib

    for p in info.params:
        if p.type == "province" and f"_{p.name}" in bindings:
            value = str(bindings[f"_{p.name}"])
            rows = store.select(_text("province-names")).rows
            names = {str(r[0]) for r in rows if r[0] is not None} | _lexicon_provinces()
            keys = {_PROVINCE_PREFIX.sub("", " ".join(n.split())).lower() for n in names}
            if value not in keys:
                close = difflib.get_close_matches(value, sorted(keys), n=3, cutoff=0.5)
                shown = sorted({n for n in names if n.lower() in close
                                or _PROVINCE_PREFIX.sub("", n).lower() in close})[:3]
                raise QueryError(f"parameter {p.name!r}: no province is called {value!r}",
                                 source=info.name, hint=_hint(shown))
        if p.type != "entity":
            continue
        iri, name = bindings.get(f"_{p.name}_iri"), bindings.get(f"_{p.name}_label")
        if iri is not None and not store.ask(_text("iri-used"), bindings={"_iri": iri}):
            raise QueryError(f"parameter {p.name!r}: the graph does not use the IRI <{iri}>",
                             source=info.name, hint="try a label, alias or abbreviation")
        if name is not None and not store.select(_text("entities-named"),
                                                 bindings={"_name": name}).rows:
            names = sorted({str(r[0]) for r in store.select(_text("names")).rows if r[0] is not None})
            folded = {n.lower(): n for n in names}
            close = difflib.get_close_matches(str(name), list(folded), n=3, cutoff=0.5)
            raise QueryError(f"parameter {p.name!r}: nothing in the graph is called {str(name)!r}",
                             source=info.name, hint=_hint([folded[c] for c in close]))


def _hint(close: list[str]) -> str:
    return f"did you mean: {'; '.join(close)}" if close else "try a label, alias or IRI"


def _text(name: str) -> str:
    return (_LIB / f"{name}.rq").read_text(encoding="utf-8")


def _lexicon_provinces() -> set[str]:
    from kbgraph.ontology.lexicon import load_lexicon

    return {n for p in load_lexicon().provinces for n in (p.label, p.name, *p.aliases, *p.short_forms)}
