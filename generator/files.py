"""EDGE: the file operations every writer shares: atomic replacement, a folder lock, and
the temporary files killed runs leave behind.

`publish/write.py` (pages in `docs/`), the cache and the export all write through here, so
an interrupted run never leaves a half-written file. It must never decide what to write.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_LEFTOVER = re.compile(r"\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp")
"""A temporary file of `atomic_write` (`tempfile`'s eight random characters), left by a killed run."""


@contextmanager
def exclusive(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on `folder` (no file is added to it); another writer waits."""
    try:
        import fcntl
    except ImportError:  # not a POSIX system: runs are not serialised
        yield
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX)  # released when the handle closes, or the process dies
        except OSError:  # a file system without locks on folders (NFS emulates them for files only)
            pass
        yield
    finally:
        os.close(handle)


def atomic_write(target: Path, data: bytes, scratch: Path | None = None) -> None:
    """Replace `target` with `data` in one rename; readers see the old or the new file, never half.

    The temporary file goes beside `target`, or in `scratch` (a folder on the same file system)
    where whoever cleans up after killed runs looks for it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    folder = scratch or target.parent
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def leftover_of(name: str) -> str | None:
    """The file a temporary file of `atomic_write` named `name` was to become, or None when
    `name` is no such temporary file."""
    match = _LEFTOVER.fullmatch(name) if name.endswith(".tmp") else None
    return match["name"] if match else None


def prune_empty(folder: Path, top: Path) -> None:
    """Remove `folder` and the folders above it, up to `top` (kept), while they are empty."""
    while folder != top and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
