"""Writing files so that a reader sees the old content or the new, never half of either.

Every file kbgraph writes (an export, the demo's files, the network page, the cached
projection, the build index, the store's revision) goes through :func:`write_file`:
the bytes go to a temporary file in the same folder, are flushed to disk (``fsync``),
and the temporary file is renamed over the target, then the folder itself is flushed
so that the rename survives a crash too. An error leaves the target as it was and no
temporary file behind, and is reported as one :class:`~kbgraph.errors.InputError` line
naming the file.

Examples
--------
>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as d:
...     path = write_file(pathlib.Path(d) / "out" / "a.txt", b"hello")
...     path.read_bytes(), sorted(p.name for p in path.parent.iterdir())
(b'hello', ['a.txt'])
"""

from __future__ import annotations

import errno
import os
import tempfile
import uuid
from collections.abc import Mapping
from pathlib import Path

from kbgraph.errors import InputError

__all__ = ["write_file", "write_folder"]


def _fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (a rename) to disk; a filesystem that cannot is left be."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def _write_synced(path: Path, data: bytes) -> None:
    # open(..., "xb") rather than mkstemp: the file gets the umask's permissions, not 0600
    with open(path, "xb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def write_file(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically and durably; parent folders are created.

    Raises InputError (naming ``path``) when it is a folder or cannot be written.
    """
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path} is a folder; give a file name for this format")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
        try:
            _write_synced(tmp, data)
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        _fsync_dir(path.parent)
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path


def write_folder(path: str | os.PathLike[str], files: Mapping[str, bytes]) -> list[Path]:
    """Write every file to a temporary folder inside ``path`` first, then move them in.

    Files of ``path`` not named in ``files`` are left alone. Raises InputError when
    ``path`` is a file or cannot be written.
    """
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise InputError(f"{path} is a file; this format writes a folder")
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=f".{path.name}.", dir=path) as tmp:
            for name, data in files.items():
                _write_synced(Path(tmp) / name, data)
            for name in files:
                os.replace(Path(tmp) / name, path / name)
        _fsync_dir(path)
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror or exc}") from None
    return [path / name for name in files]
