"""Neo4j writer: a folder for ``neo4j-admin database import`` and for ``LOAD CSV``.

- ``nodes.csv``: ``id:ID`` (the entity IRI), ``:LABEL`` (``Entity`` plus the class
  and top class local names, ``;``-separated), then typed properties
  (``label:string``, ``articles:int``, ``wikidata:string``, ...).
- ``relationships.csv``: ``:START_ID``, ``:END_ID``, ``:TYPE`` (the property's local
  name in UPPER_SNAKE: ``organizedBy`` → ``ORGANIZED_BY``), then ``predicate:string``
  (the full IRI), ``label:string``, ``articles:int``, ...
- ``import.cypher``: the same into an existing database with ``LOAD CSV`` (nodes
  MERGEd by id under the ``Entity`` label, relationships MERGEd by type and predicate).
- ``README.md``: the commands, and how to import the Turtle export with neosemantics.

The extra ``Entity`` label gives both routes the same graph and the Cypher script an
index to MERGE on. CSV is written by the csv module (quotes doubled, fields with
newlines quoted: neo4j-admin needs ``--multiline-fields=true``); article text is
untrusted and never reaches Cypher except as data read by LOAD CSV. Labels, types and
property names are reduced to ``[A-Za-z0-9_]`` and quoted with backticks.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import networkx as nx

from .network import FlatNetwork, Scalar, csv_bytes, flatten

__all__ = ["NODE_LABEL", "relationship_type", "write_neo4j"]

NODE_LABEL = "Entity"

_NEO4J_TYPE = {bool: "boolean", int: "int", float: "double", str: "string"}
_CYPHER_CAST = {"boolean": "toBoolean", "int": "toInteger", "long": "toInteger", "double": "toFloat",
                "date": "date"}
_INT32 = 2**31 - 1
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _identifier(name: str) -> str:
    """A name Neo4j takes in a header and in Cypher without surprises."""
    ident = re.sub(r"[^A-Za-z0-9_]", "_", name)
    return ident if ident and not ident[0].isdigit() else "_" + ident


def relationship_type(key: str) -> str:
    """``organizedBy`` → ``ORGANIZED_BY``; ``subOrganizationOf`` → ``SUB_ORGANIZATION_OF``."""
    local = key.split("@", 1)[0]  # network.project writes "name@iri" on a clash
    snake = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", local)
    return _identifier(snake).upper()


def _neo4j_type(t: type, values: list[Scalar]) -> str:
    if t is int and any(abs(int(v)) > _INT32 for v in values):
        return "long"
    if t is str and values and all(_ISO_DATE.fullmatch(str(v)) for v in values):
        return "date"  # startDate, endDate: ISO dates, so Cypher can compare them
    return _NEO4J_TYPE[t]


def _value(v: Scalar | None) -> Scalar | None:
    if isinstance(v, bool):
        return "true" if v else "false"  # neo4j-admin: only the exact text "true" is true
    return v


def _properties(rows: list[Mapping[str, Scalar]], types: Mapping[str, type],
                first: list[str], skip: set[str]) -> list[tuple[str, str, str]]:
    """(attribute, property name, neo4j type) for each column, ``first`` ones first."""
    names = [k for k in first if k in types] + sorted(k for k in types if k not in first)
    out, used = [], set()
    for k in names:
        if k in skip:
            continue
        prop = _identifier(k)
        while prop in used:
            prop += "_"
        used.add(prop)
        out.append((k, prop, _neo4j_type(types[k], [r[k] for r in rows if k in r])))
    return out


def _labels(attrs: Mapping[str, Scalar]) -> str:
    names = {NODE_LABEL} | {_identifier(str(attrs[k])) for k in ("class", "top") if attrs.get(k)}
    return ";".join(sorted(names))


def write_neo4j(G: nx.MultiDiGraph) -> dict[str, bytes]:
    """The four files of the neo4j folder, as ``{file name: bytes}``."""
    flat = flatten(G)
    node_props = _properties([a for _, a in flat.nodes], flat.node_types,
                             ["label", "label_en", "class", "top", "wikidata", "aliases", "articles"],
                             skip={"iri", "id"} if all(a.get("iri", n) == n for n, a in flat.nodes) else {"id"})
    edge_props = _properties([a for *_, a in flat.edges], flat.edge_types,
                             ["predicate", "label", "articles"], skip=set())
    node_header = ["id:ID", ":LABEL", *(f"{p}:{t}" for _, p, t in node_props)]
    rel_header = [":START_ID", ":END_ID", ":TYPE", *(f"{p}:{t}" for _, p, t in edge_props)]
    nodes = csv_bytes(node_header, (
        [n, _labels(a), *(_value(a.get(k)) for k, _, _ in node_props)] for n, a in flat.nodes
    ))
    rels = csv_bytes(rel_header, (
        [u, v, relationship_type(key), *(_value(a.get(k)) for k, _, _ in edge_props)]
        for u, v, key, a in flat.edges
    ))
    return {
        "nodes.csv": nodes,
        "relationships.csv": rels,
        "import.cypher": _cypher(flat, node_header, node_props, rel_header, edge_props).encode("utf-8"),
        "README.md": _readme(len(flat.nodes), len(flat.edges)).encode("utf-8"),
    }


def _set_clause(var: str, header: list[str], props: list[tuple[str, str, str]], offset: int) -> str:
    sets = []
    for (_, prop, typ), column in zip(props, header[offset:]):
        value = f"row.`{column}`"
        cast = _CYPHER_CAST.get(typ)
        sets.append(f"{var}.`{prop}` = {cast}({value})" if cast else f"{var}.`{prop}` = {value}")
    return ",\n    ".join(sets)


def _cypher(flat: FlatNetwork, node_header: list[str], node_props: list[tuple[str, str, str]],
            rel_header: list[str], edge_props: list[tuple[str, str, str]]) -> str:
    labels = sorted({x for _, a in flat.nodes for x in _labels(a).split(";")} - {NODE_LABEL})
    types = sorted({relationship_type(k) for *_, k, _ in flat.edges})
    parts = [
        "// kbgraph → an existing Neo4j database (Neo4j 4.4 or 5).",
        "// Copy nodes.csv and relationships.csv into the database's import folder, then:",
        "//   cypher-shell -u neo4j -p <password> -f import.cypher",
        "// Re-running it updates the same nodes and relationships (MERGE), it does not duplicate them.",
        "",
        f"CREATE CONSTRAINT kbgraph_entity_id IF NOT EXISTS FOR (n:{NODE_LABEL}) REQUIRE n.id IS UNIQUE;",
        "",
        "LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row",
        f"MERGE (n:{NODE_LABEL} {{id: row.`id:ID`}})",
    ]
    node_set = _set_clause("n", node_header, node_props, 2)
    if node_set:
        parts.append("SET " + node_set)
    for label in labels:
        parts.append(f"FOREACH (_ IN CASE WHEN '{label}' IN split(row.`:LABEL`, ';') THEN [1] ELSE [] END |"
                     f" SET n:`{label}`)")
    parts[-1] += ";"
    edge_set = _set_clause("r", rel_header, edge_props, 3)
    predicate = next((f"{{predicate: row.`{c}`}}" for (k, _, _), c in zip(edge_props, rel_header[3:])
                      if k == "predicate"), "")
    for rel_type in types:
        parts += [
            "",
            "LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row",
            f"WITH row WHERE row.`:TYPE` = '{rel_type}'",
            f"MATCH (a:{NODE_LABEL} {{id: row.`:START_ID`}}), (b:{NODE_LABEL} {{id: row.`:END_ID`}})",
            f"MERGE (a)-[r:`{rel_type}` {predicate}]->(b)"
            + (f"\nSET {edge_set};" if edge_set else ";"),
        ]
    return "\n".join(parts) + "\n"


def _readme(n_nodes: int, n_edges: int) -> str:
    return f"""# kbgraph → Neo4j

This folder holds the kbgraph entity network: {n_nodes} nodes and {n_edges} relationships.

| file | what |
|---|---|
| `nodes.csv` | one node per entity: `id:ID` is its IRI, `:LABEL` is `{NODE_LABEL}` plus its class and top class |
| `relationships.csv` | one relationship per fact: `:TYPE` is the property in UPPER_SNAKE (`kb:organizedBy` → `ORGANIZED_BY`), `predicate` its IRI, `articles` how many articles support it |
| `import.cypher` | the same data into an existing database with `LOAD CSV` |

Text fields come from news articles and may contain quotes and line breaks; the CSV
files quote them (RFC 4180: a `"` inside a field is written `""`).

## A new database: neo4j-admin

Stop the database, put the two CSV files in Neo4j's `import/` folder, then (Neo4j 5):

```sh
bin/neo4j-admin database import full neo4j \\
    --nodes=import/nodes.csv --relationships=import/relationships.csv \\
    --multiline-fields=true --overwrite-destination=true
```

Neo4j 4.4: `bin/neo4j-admin import --database=neo4j --nodes=import/nodes.csv
--relationships=import/relationships.csv --multiline-fields=true`.
Then create (or restart) the database and index the ids:
`CREATE CONSTRAINT kbgraph_entity_id IF NOT EXISTS FOR (n:{NODE_LABEL}) REQUIRE n.id IS UNIQUE;`

## An existing database: LOAD CSV

Put the two CSV files in the database's import folder and run
`cypher-shell -u neo4j -p <password> -f import.cypher`.

## The full RDF graph: neosemantics (n10s)

The CSVs hold the entity network. For everything (articles, evidence sentences,
statements, labels in both languages), export Turtle (`kbgraph export --format ttl
--out graph.ttl`) and import it with the neosemantics plugin:

```cypher
CREATE CONSTRAINT n10s_unique_uri IF NOT EXISTS FOR (r:Resource) REQUIRE r.uri IS UNIQUE;
CALL n10s.graphconfig.init({{handleVocabUris: "SHORTEN", handleMultival: "ARRAY"}});
CALL n10s.rdf.import.fetch("file:///path/to/graph.ttl", "Turtle");
```
"""
