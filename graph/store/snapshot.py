"""A reader's own copy of a store folder that a writer may be compacting.

A read-only RocksDB instance keeps the table files it opened with. A build running
beside it compacts and deletes some of them; a query that then reaches a deleted file
does not fail in pyoxigraph 0.5: its evaluator stores the same error again and again
and the reader's memory grows until the kernel kills it (tens of GB within a minute,
reproduced with a COUNT over ``GRAPH ?g`` during a build). Retrying after the error is
too late.

So a reader opens a snapshot instead, made the way RocksDB's own checkpoints are: the
immutable table files (``*.sst``, ``*.blob``) hard-linked — a link keeps a file's data
alive after the writer deletes its name — and the few small files that change (CURRENT,
the MANIFEST it names, OPTIONS, the write-ahead logs) copied. Making one costs a link per
table file. The snapshot lives in the store folder (hard links need one file system)
under :data:`READERS_DIR`, is removed when the reader closes, and a writer removes
those of readers that died.
"""

from __future__ import annotations

import os
import shutil
import uuid
import weakref
from pathlib import Path

#: The folder in a store folder that holds the readers' snapshots.
READERS_DIR = "kbgraph-readers"
_LINKED = (".sst", ".blob")
_COPIED = ("CURRENT", "MANIFEST-", "OPTIONS-", "IDENTITY")


def make_snapshot(store: Path) -> Path | None:
    """A snapshot folder of ``store`` for this process, or None where none can be made
    (a folder this user cannot write, a file system without hard links): the caller then
    reads the folder itself."""
    target = store / READERS_DIR / f"{os.getpid()}-{uuid.uuid4().hex[:12]}"
    try:
        target.mkdir(parents=True)
    except OSError:
        return None
    try:
        # CURRENT first: the MANIFEST it names is copied after it (a MANIFEST only grows
        # until a new one replaces it), the table files it lists are linked last
        shutil.copyfile(store / "CURRENT", target / "CURRENT")
        for entry in sorted(os.scandir(store), key=lambda e: (not e.name.startswith("MANIFEST-"), e.name)):
            name = entry.name
            if name == "CURRENT" or not entry.is_file(follow_symlinks=False):
                continue
            if name.endswith(_LINKED):
                _link(Path(entry.path), target / name)
            elif name.startswith(_COPIED) or name.endswith(".log"):
                _copy(Path(entry.path), target / name)
    except OSError:
        remove_snapshot(target)
        return None
    return target


def _link(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except FileNotFoundError:  # deleted by the writer since the listing: not in CURRENT's state
        pass


def _copy(source: Path, target: Path) -> None:
    try:
        shutil.copyfile(source, target)
    except FileNotFoundError:
        pass


def remove_snapshot(folder: Path) -> None:
    """Remove a snapshot (its links only: the store's own files stay)."""
    shutil.rmtree(folder, ignore_errors=True)


def remove_when_collected(owner: object, folder: Path) -> weakref.finalize:
    """Remove ``folder`` when ``owner`` is garbage-collected or the process exits."""
    return weakref.finalize(owner, remove_snapshot, folder)


def remove_dead_readers(store: Path) -> None:
    """Remove the snapshots of reader processes that no longer run (a writer calls this;
    a live reader's snapshot stays, whatever it holds)."""
    readers = store / READERS_DIR
    try:
        entries = list(os.scandir(readers))
    except OSError:
        return
    for entry in entries:
        pid = entry.name.split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            remove_snapshot(Path(entry.path))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
