"""What the last build saw, so that the next one need not read unchanged files again.

Re-running a build over 10,000 articles read every file and asked the store for every
article's hash before finding that nothing changed (3–4 s). The build now leaves, next
to the store, the index of what it read: for every file without errors its size, its
modification time and the (id, source, content hash) of each article in it, and the
store's article hashes after the build. Both are tied to the store's
:attr:`~kbgraph.graph.store.EmbeddedStore.revision`, so an index of other content (a
later write, a build that died) is never used.

A file is trusted unchanged only when its size and nanosecond modification time are
those recorded and it was last modified well before the index was written (a file
changed twice within the clock's resolution looks unmodified: git's "racy" rule), and
when the store still holds each of its articles with that hash at that source. Anything
else is read and hashed as before. ``build(force=True)`` and a custom reader bypass the
index.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from kbgraph.errors import InputError
from kbgraph.ontology.namespaces import SHARED_GRAPHS

from .atomic import write_file
from .embedded import EmbeddedStore

__all__ = ["BuildIndex", "FileRecord", "load_index", "save_index", "INDEX_FILE"]

INDEX_FILE = "build-index.json"
_LAYOUT = 1
#: How long before the index was written a file must have last changed to be trusted.
RACY_NS = 2_000_000_000

Record = tuple[str, str, str]  # (article id, source, content hash)


@dataclass(frozen=True)
class FileRecord:
    """One file as the last build read it."""

    size: int
    mtime_ns: int
    articles: tuple[Record, ...]


@dataclass
class BuildIndex:
    """Files read, and the store's article graphs (IRI → (hash, source)) after the build."""

    written_ns: int = 0
    files: dict[str, FileRecord] = field(default_factory=dict)
    stored: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)

    def unchanged(self, path: Path, st: os.stat_result) -> FileRecord | None:
        """The record of ``path`` if the file is, by its metadata, the one recorded."""
        rec = self.files.get(str(path))
        if rec is None or rec.size != st.st_size or rec.mtime_ns != st.st_mtime_ns:
            return None
        if st.st_mtime_ns >= self.written_ns - RACY_NS:
            return None
        return rec


def _path(store: EmbeddedStore) -> Path:
    return store.cache_dir / INDEX_FILE


def load_index(store: EmbeddedStore) -> BuildIndex | None:
    """The index of the store's current revision, or None (no index, other content, unreadable)."""
    revision = store.revision
    if revision is None:
        return None
    try:
        data = json.loads(_path(store).read_text(encoding="utf-8"))
        if data.get("layout") != _LAYOUT or data.get("revision") != revision:
            return None
        files = {
            str(p): FileRecord(int(size), int(mtime), tuple((str(a), str(s), str(h)) for a, s, h in arts))
            for p, (size, mtime, arts) in data["files"].items()
        }
        stored = {str(g): (h, s) for g, (h, s) in data["stored"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    if not _agrees(store, stored):
        return None
    return BuildIndex(int(data["written_ns"]), files, stored)


def _agrees(store: EmbeddedStore, stored: dict[str, tuple[str | None, str | None]]) -> bool:
    """Whether the store holds exactly the article graphs the index says (a derived file
    is believed only when it agrees with the store: a store emptied or replaced behind
    kbgraph's back must not make a build report its articles "unchanged")."""
    held = {g.value for g in store.ox_store.named_graphs() if isinstance(g, ox.NamedNode)}
    held -= {str(g) for g in SHARED_GRAPHS}
    return held == set(stored)


def save_index(store: EmbeddedStore, revision: str, files: dict[str, FileRecord],
               stored: dict[str, tuple[str | None, str | None]]) -> None:
    """Write the index for ``revision`` atomically; a folder that cannot be written means no index."""
    path = _path(store)
    data = {
        "layout": _LAYOUT,
        "revision": revision,
        "written_ns": time.time_ns(),
        "files": {p: [r.size, r.mtime_ns, [list(a) for a in r.articles]] for p, r in sorted(files.items())},
        "stored": {g: list(v) for g, v in sorted(stored.items())},
    }
    try:
        write_file(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    except InputError:
        pass
