"""The ontology for OWL tools: a canonical RDF/XML rendering and owlready2 reasoning.

Why this module exists:

* Protégé and owlready2 do not read Turtle, so ``kbgraph.owl`` (RDF/XML) is generated
  from ``kbgraph.ttl`` by :func:`write_owl` (``python -m kbgraph.ontology.owl``); a test
  fails when it is stale. Blank nodes get canonical labels (RDFC-1.0) and triples are
  sorted, so the same ttl always gives the same bytes.
* owlready2 runs HermiT (Java). Three traps are handled here once: owlready2 reads
  N-Triples, not Turtle; HermiT fails with "unable to create default IRI base" when the
  working directory is ``/``, so it runs in a temporary directory; and HermiT rejects
  datatypes outside the OWL 2 datatype map (``xsd:date``, ``xsd:gYear``, used by the
  ontology's ranges), so it runs with ``--ignoreUnsupportedDatatypes``.
* Pellet (owlready2 0.51) is built for a newer Java than 17 and fails; asking for it
  gives a clear :class:`ReasonerUnavailable` instead of a Java stack trace.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from . import ONTOLOGY_TTL
from kbgraph.errors import KbgraphError
from .namespaces import PREFIXES

__all__ = [
    "OWL_PATH", "REASONERS", "ReasonerUnavailable", "ReasonerResult", "ontology_triples",
    "ontology_ntriples", "render_owl", "write_owl", "new_world", "run_reasoner",
]

OWL_PATH = ONTOLOGY_TTL.with_suffix(".owl")
REASONERS = ("hermit", "pellet")
#: owlready2 keeps reasoning results in this ontology of the world.
INFERENCES_IRI = "http://inferrences/"
DATA_IRI = "https://w3id.org/kbgraph/data"


class ReasonerUnavailable(KbgraphError):
    """The reasoner cannot run here (Java missing, Pellet on Java 17, …)."""


# --------------------------------------------------------------------------- rendering

@lru_cache(maxsize=4)
def _canonical(ttl_bytes: bytes) -> tuple[ox.Triple, ...]:
    dataset = ox.Dataset(ox.parse(ttl_bytes, format=ox.RdfFormat.TURTLE))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    triples = [q.triple for q in dataset]
    triples.sort(key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    return tuple(triples)


def ontology_triples(ttl: Path = ONTOLOGY_TTL) -> tuple[ox.Triple, ...]:
    """The ontology's triples, sorted, blank nodes labelled canonically (RDFC-1.0)."""
    return _canonical(Path(ttl).read_bytes())


def ontology_ntriples(ttl: Path = ONTOLOGY_TTL) -> str:
    """The ontology as sorted, canonical N-Triples."""
    return "".join(f"{t} .\n" for t in ontology_triples(ttl))


def render_owl(ttl: Path = ONTOLOGY_TTL) -> bytes:
    """RDF/XML of the ontology (what ``kbgraph.owl`` must contain)."""
    ns = {k: v for k, v in PREFIXES.items() if k not in ("kbid", "wd")}
    return ox.serialize(list(ontology_triples(ttl)), format=ox.RdfFormat.RDF_XML, prefixes=ns)


def write_owl(path: Path = OWL_PATH, ttl: Path = ONTOLOGY_TTL) -> Path:
    """Write the RDF/XML rendering for Protégé and other OWL tools."""
    Path(path).write_bytes(render_owl(ttl))
    return Path(path)


# --------------------------------------------------------------------------- reasoning

@dataclass
class ReasonerResult:
    """What a reasoner run said: consistent or not, and the triples it inferred."""

    consistent: bool
    reasoner: str
    inferred_ntriples: str = ""  # sorted N-Triples of inferred facts about individuals
    seconds: float = 0.0
    messages: list[str] = field(default_factory=list)  # owlready2's warnings


def new_world(data_ntriples: str | bytes = b"", ttl: Path = ONTOLOGY_TTL):
    """A fresh owlready2 World holding the ontology and (optionally) instance data.

    Returns ``(world, messages)``; owlready2's load warnings go to ``messages`` rather
    than to the terminal.
    """
    import owlready2

    if isinstance(data_ntriples, str):
        data_ntriples = data_ntriples.encode("utf-8")
    world = owlready2.World()
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(err):
        world.get_ontology(str(PREFIXES["kb"]).rstrip("#")).load(
            fileobj=io.BytesIO(ontology_ntriples(ttl).encode("utf-8")), format="ntriples"
        )
        if data_ntriples.strip():
            world.get_ontology(DATA_IRI).load(fileobj=io.BytesIO(data_ntriples), format="ntriples")
    return world, _lines(err.getvalue())


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def run_reasoner(world, *, reasoner: str = "hermit", infer_property_values: bool = True) -> ReasonerResult:
    """Run HermiT (default) or Pellet on an owlready2 World.

    An inconsistent ontology is a result (``consistent=False``), not an exception.
    Raises :class:`ReasonerUnavailable` when Java or the reasoner cannot run.
    """
    import owlready2

    if reasoner not in REASONERS:
        raise ReasonerUnavailable(f"unknown reasoner {reasoner!r}; choose one of {', '.join(REASONERS)}")
    err = io.StringIO()
    started = time.perf_counter()
    cwd = os.getcwd()
    with tempfile.TemporaryDirectory(prefix="kbgraph-reason-") as tmp:
        os.chdir(tmp)  # HermiT cannot create its default IRI base when the cwd is "/"
        try:
            with contextlib.redirect_stderr(err), contextlib.redirect_stdout(err):
                if reasoner == "hermit":
                    owlready2.sync_reasoner_hermit(
                        world, infer_property_values=infer_property_values, debug=0,
                        ignore_unsupported_datatypes=True,
                    )
                else:
                    owlready2.sync_reasoner_pellet(
                        world, infer_property_values=infer_property_values, debug=0
                    )
        except owlready2.OwlReadyInconsistentOntologyError:
            return ReasonerResult(False, reasoner, seconds=time.perf_counter() - started,
                                  messages=_lines(err.getvalue()))
        except FileNotFoundError as exc:
            raise ReasonerUnavailable(
                f"cannot run {reasoner}: Java was not found ({exc})",
                hint="install a Java runtime (17 or newer) and put 'java' on PATH",
            ) from None
        except Exception as exc:  # OwlReadyJavaError, CalledProcessError from Pellet, …
            raise _java_failure(reasoner, exc) from None
        finally:
            os.chdir(cwd)
    inferred = world.get_ontology(INFERENCES_IRI)
    buf = io.BytesIO()
    inferred.save(buf, format="ntriples")
    return ReasonerResult(
        True, reasoner, inferred_ntriples=_individual_facts(buf.getvalue()),
        seconds=time.perf_counter() - started, messages=_lines(err.getvalue()),
    )


def _java_failure(reasoner: str, exc: Exception) -> ReasonerUnavailable:
    text = f"{exc} {getattr(exc, 'stderr', b'') or b''!r} {getattr(exc, 'output', b'') or b''!r}"
    if "UnsupportedClassVersionError" in text:
        return ReasonerUnavailable(
            f"{reasoner} cannot run on this Java: owlready2's {reasoner} jar was built for a "
            "newer Java than the one installed",
            hint="use --reasoner hermit, or install owlready2 0.49 for Pellet on Java 17",
        )
    first = next((line for line in str(exc).splitlines() if line.strip()), type(exc).__name__)
    return ReasonerUnavailable(f"{reasoner} failed: {first[:300]}")


_SCHEMA_IRIS = ("<http://www.w3.org/2002/07/owl#", "<http://inferrences")


def _individual_facts(ntriples: bytes) -> str:
    """Inferred facts about instances only (not class axioms), as sorted N-Triples."""
    kbid = "<" + PREFIXES["kbid"]
    keep = set()
    for line in ntriples.decode("utf-8").splitlines():
        line = line.strip()
        if not line.startswith(kbid):
            continue
        if any(iri in line.split(" ", 2)[2] for iri in _SCHEMA_IRIS):
            continue  # owl:Thing, owl:NamedIndividual
        keep.add(line)
    return "".join(line + "\n" for line in sorted(keep))


def main(argv: list[str] | None = None) -> int:
    """``python -m kbgraph.ontology.owl``: regenerate ontology/kbgraph.owl."""
    path = write_owl()
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
