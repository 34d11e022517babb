"""Gap 6 of issue 9: XML entities in untrusted input.

tests/loaders/test_read.py already shows an HTML external entity is not resolved. Here:
an HTML article declaring BOTH an external entity and a billion-laughs bomb is read
fast, in bounded memory, with neither expanded; kbgraph itself never parses RDF/XML
(it only writes it: ``export --format owl``); and the RDF/XML readers it has (rdflib,
pyoxigraph) do not resolve an external entity.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"


def test_html_with_external_entity_and_entity_bomb_reads_fast_in_bounded_memory():
    probe = textwrap.dedent(f"""
        import json, resource, time
        from kbgraph.loaders.read import read_path
        t = time.monotonic()
        articles, errors = read_path({str(HOSTILE / 'xxe-bomb.html')!r})
        print(json.dumps({{"seconds": time.monotonic() - t,
                          # VmHWM, not ru_maxrss: Linux carries ru_maxrss over fork+exec
                          # from the (large) pytest process that started this one
                          "maxrss_kb": int(next(l.split()[1] for l in open("/proc/self/status")
                                                if l.startswith("VmHWM:"))),
                          "errors": [str(e) for e in errors],
                          "texts": [a.text for a in articles], "titles": [a.title for a in articles]}}))
    """)
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False, timeout=60)
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)
    assert got["errors"] == []
    (text,) = got["texts"]
    assert text.startswith("PONTIANAK - Perwakilan BKKBN Provinsi Kalimantan Barat menggelar")
    assert "lollol" not in text and "root:" not in text and "/bin/" not in text
    assert got["titles"] == ["Rakor Kampung KB"]
    assert len(text) < 1000
    assert got["seconds"] < 10
    assert got["maxrss_kb"] < 400_000  # the interpreter + trafilatura is ~50 MB; a bomb would be GBs


_RDFXML_PARSE = re.compile(
    r"""\.parse\([^)]*(?:format\s*=\s*["'](?:xml|pretty-xml|application/rdf\+xml)["']|RDF_XML)""")


def test_kbgraph_never_parses_rdf_xml():
    """RDF/XML is an output only; so its entity handling never meets untrusted input."""
    offenders = []
    for folder in ("ontology", "loaders", "graph", "queries", "kbgraph"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            text = path.read_text(encoding="utf-8")
            offenders += [f"{path.relative_to(ROOT)}: {m.group(0)}" for m in _RDFXML_PARSE.finditer(text)]
            if "owlready2" in text:  # owlready2 reads RDF/XML; only kbgraph's own output may go in
                offenders += [f"{path.relative_to(ROOT)}: get_ontology(http...)"
                              for _ in re.finditer(r"get_ontology\(\s*[\"']https?:", text)]
    assert offenders == []


XXE_RDF = """<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [<!ENTITY xxe SYSTEM "file://{secret}">]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">
  <rdf:Description rdf:about="https://example.org/x"><rdfs:label>&xxe;</rdfs:label></rdf:Description>
</rdf:RDF>
"""


def test_rdflib_rdf_xml_does_not_resolve_an_external_entity(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-42", encoding="utf-8")
    doc = tmp_path / "xxe.rdf"
    doc.write_text(XXE_RDF.format(secret=secret), encoding="utf-8")
    g = rdflib.Graph().parse(doc, format="xml")
    assert [str(o) for o in g.objects()] == [""]
    assert "TOPSECRET" not in g.serialize(format="nt")


def test_pyoxigraph_rdf_xml_refuses_an_external_entity(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-42", encoding="utf-8")
    with pytest.raises(SyntaxError):
        list(ox.parse(XXE_RDF.format(secret=secret).encode(), format=ox.RdfFormat.RDF_XML))
