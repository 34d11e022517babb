"""graph/store/atomic.py: every file kbgraph writes, whole or not at all, and on disk."""

from __future__ import annotations

import os

import pytest

from kbgraph.errors import InputError
from kbgraph.graph.store import atomic
from kbgraph.graph.store.atomic import write_file, write_folder


@pytest.fixture
def synced(monkeypatch) -> list[str]:
    """What was flushed to disk: 'file' or 'dir' for each fsync."""
    calls: list[str] = []
    real = os.fsync

    def spy(fd: int) -> None:
        calls.append("dir" if os.path.isdir(f"/proc/self/fd/{fd}") else "file")
        real(fd)

    monkeypatch.setattr(atomic.os, "fsync", spy)
    return calls


def test_a_file_is_flushed_then_renamed_then_its_folder_flushed(tmp_path, synced):
    path = write_file(tmp_path / "a" / "graph.ttl", b"<a> <b> <c> .\n")
    assert path.read_bytes() == b"<a> <b> <c> .\n"
    assert synced == ["file", "dir"]
    assert sorted(p.name for p in path.parent.iterdir()) == ["graph.ttl"]  # no temporary left


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "graph.ttl"
    path.write_bytes(b"old")

    def broken(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", broken)
    with pytest.raises(InputError, match="cannot write .*graph.ttl: No space left on device"):
        write_file(path, b"new")
    assert path.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_a_folder_gets_every_file_flushed_and_keeps_the_others(tmp_path, synced):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "mine.txt").write_text("stays")
    files = write_folder(tmp_path / "out", {"nodes.csv": b"id\n", "edges.csv": b"source\n"})
    assert [f.name for f in files] == ["nodes.csv", "edges.csv"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["edges.csv", "mine.txt", "nodes.csv"]
    assert synced.count("file") == 2 and synced[-1] == "dir"


def test_a_folder_where_a_file_is_wanted_is_one_clear_error(tmp_path):
    with pytest.raises(InputError, match="is a folder"):
        write_file(tmp_path, b"x")
