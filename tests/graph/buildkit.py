"""Helpers for the store/build tests: a small deterministic extractor and corpus writer.

``fake_extract`` stands in for the loaders' extraction where a test needs to count
calls, slow extraction down (the kill -9 test) or make an article fail on purpose. It
builds a real :class:`Extraction` and maps it with the loaders' own ``to_graph``, so
the graphs have the shape of docs/rdf-model.md. Picklable (module level), so it also
runs in the build's worker processes.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from functools import lru_cache
from pathlib import Path

from rdflib import Graph

from kbgraph.loaders.mapping import to_graph
from kbgraph.loaders.model import Article, Entity, EntityRef, Extraction, Fact, Mention, Sentence, Span
from kbgraph.errors import InputError
from kbgraph.ontology.namespaces import KB, ORG, SCHEMA, slugify

CALLS: list[str] = []  # article ids extracted in this process
BROKEN_MARK = "RUSAK"  # an article containing this word fails extraction
DELAY_ENV = "KBGRAPH_TEST_EXTRACT_DELAY"
PIDS_ENV = "KBGRAPH_TEST_EXTRACT_PIDS"  # a file each extracting process appends its pid to


def fake_extract(article: Article) -> Graph:
    """A meeting organized by BKKBN in the town the article names after ' di '."""
    CALLS.append(article.id)
    if os.environ.get(PIDS_ENV):
        with open(os.environ[PIDS_ENV], "a", encoding="utf-8") as f:
            f.write(f"{os.getpid()}\n")
    delay = float(os.environ.get(DELAY_ENV, "0") or 0)
    if delay:
        time.sleep(delay)
    text = article.text
    if BROKEN_MARK in text:
        raise InputError("the extractor cannot read this article (marked RUSAK)")
    sentences = [Sentence(0, 0, len(text), text)]
    m_town = re.search(r"\bdi ([A-Z][a-z]+)", text)
    town = m_town.group(1) if m_town else "Jakarta"
    title = article.title or article.id
    ev_key = f"event/{slugify('rapat ' + title)}"
    org_key, place_key = "org/bkkbn", f"place/{slugify(town)}"

    def mention(needle: str) -> list[Mention]:
        i = text.find(needle)
        return [Mention(needle, Span(i, i + len(needle), 0))] if i >= 0 else []

    entities = {
        org_key: Entity(org_key, [KB.GovernmentAgency, ORG.FormalOrganization, ORG.Organization],
                        "Badan Kependudukan dan Keluarga Berencana Nasional", abbreviation="BKKBN",
                        mentions=mention("BKKBN")),
        place_key: Entity(place_key, [KB.City, SCHEMA.Place], town, mentions=mention(town)),
        ev_key: Entity(ev_key, [KB.Meeting], f"Rapat {title}", mentions=mention("Rapat")),
    }
    whole = Span(0, len(text), 0)
    facts = [
        Fact(ev_key, KB.organizedBy, EntityRef(org_key), whole),
        Fact(ev_key, SCHEMA.location, EntityRef(place_key), whole),
    ]
    if article.published:
        facts.append(Fact(ev_key, SCHEMA.startDate, article.published, whole))
    m_count = re.search(r"(\d+) peserta", text)
    if m_count:
        facts.append(Fact(ev_key, KB.participantCount, int(m_count.group(1)), whole))
    return to_graph(Extraction(article, sentences, entities, facts, []))


def write_article(folder: Path, name: str, town: str, *, day: int = 1, url: bool = True,
                  extra: str = "") -> Path:
    """A small article file with front matter; ``url=False`` makes its id a text hash."""
    head = [f"title: Rapat koordinasi {name}", f"date: 2024-03-{day:02d}", "publisher: Kabar Uji"]
    if url:
        head.append(f"url: https://example.org/uji/{name}")
    body = (f"Perwakilan BKKBN menggelar rapat koordinasi {name} di {town}, "
            f"diikuti {100 + day} peserta.{extra}\n")
    path = folder / f"{name}.txt"
    path.write_text("\n".join(head) + "\n---\n" + body, encoding="utf-8")
    return path


def write_corpus(folder: Path, n: int) -> list[Path]:
    """``n`` distinct articles in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    towns = ["Pontianak", "Surabaya", "Mataram", "Jambi", "Makassar", "Bengkulu", "Garut"]
    return [write_article(folder, f"artikel-{i:03d}", towns[i % len(towns)], day=1 + i % 28)
            for i in range(n)]


def run_build(store, paths, **kw):
    """``build`` with the fake extractor in one process, unless told otherwise."""
    from kbgraph.graph.store.build import build

    kw.setdefault("extractor", fake_extract)
    kw.setdefault("workers", 1)
    return build(store, paths if isinstance(paths, list) else [paths], **kw)


def counts(report) -> tuple[int, ...]:
    """added, updated, unchanged, skipped, pruned."""
    return report.added, report.updated, report.unchanged, report.skipped, report.pruned


def graphs_ntriples(store) -> dict[str, str]:
    """Each named graph's sorted N-Triples, keyed by graph IRI."""
    return {str(g): store.graph_ntriples(g) for g in store.graphs()}


@lru_cache(maxsize=1)
def seed_nquads() -> bytes:
    """The bundled seed article built by the real loaders, as N-Quads (built once a run)."""
    from kbgraph.graph.store.build import build
    from kbgraph.graph.demo import sample_dir
    from kbgraph.graph.store import open_store

    with tempfile.TemporaryDirectory(prefix="kbgraph-seed-") as tmp:
        with open_store(Path(tmp) / "store") as store:
            report = build(store, [sample_dir()], workers=1)
            assert report.ok and report.added == 1, report.problems
            return store.dump("nq")


def store_with(nquads: bytes, path: Path):
    """A new embedded store at ``path`` holding ``nquads``."""
    import pyoxigraph as ox

    from kbgraph.graph.store import open_store

    store = open_store(path)
    store.ox_store.load(nquads, format=ox.RdfFormat.N_QUADS)
    store.refresh_view()
    return store
