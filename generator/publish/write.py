"""EDGE: generated pages into `docs/`, atomically, touching only files Briefing owns.

A page Briefing owns is recorded in the manifest and starts with the generated marker. A
page written for the first time is listed in a journal before it is written, so a run killed
before it wrote the manifest leaves no page the next run would take for a hand-written one.
Hand-written files are never modified or removed; unchanged files are left untouched
(so `mkdocs serve` does not reload in a loop); every write goes through a temporary file
and `os.replace`, so an interrupted run leaves the previous output usable, and the next run
removes the temporary files a killed run left beside Briefing's own pages. One run writes into
`docs/` at a time (`mkdocs serve` regenerating while `generator build` runs waits its turn). A
record kept outside `docs/` (in the cache folder) lets a page whose inputs have not changed be
skipped without being made at all.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from stat import S_ISREG
from typing import Any

from generator.files import atomic_write, exclusive, leftover_of, prune_empty
from generator.models import MARKER, Page, SeedProblem, WriteResult

MANIFEST = ".briefing-manifest.json"
"""Dot file in `docs/`: MkDocs skips it, Briefing reads it to know which pages are its own."""
JOURNAL = ".briefing-manifest.pending"
"""Dot file in `docs/`: pages a run writes for the first time, one per line, listed before each
is written; it is removed once the manifest lists them, so only a killed run leaves it."""


def write_pages(pages: Iterable[Page], docs: Path, record: Path | None = None) -> WriteResult:
    """Write `pages` under `docs`, remove pages of seeds that are gone, update the manifest.

    `pages` may be a generator: each page is written as it comes and then let go. `record`
    (a file outside `docs/`, so that `docs/` stays byte-identical from run to run) keeps each
    keyed page's key, size and modification time: a page whose key it holds for a file
    nobody has touched since is left as it is without its text being made.
    """
    docs.mkdir(parents=True, exist_ok=True)
    with exclusive(docs):
        return _write_pages(pages, docs, record)


def _write_pages(pages: Iterable[Page], docs: Path, record: Path | None) -> WriteResult:
    previous = _read_manifest(docs) | _read_journal(docs)
    with _Journal(docs / JOURNAL) as journal:
        result = _write_all(pages, docs, record, previous, journal)
    (docs / JOURNAL).unlink(missing_ok=True)
    return result


def _write_all(
    pages: Iterable[Page], docs: Path, record: Path | None, previous: set[str], journal: _Journal
) -> WriteResult:
    previous_keys = _read_record(record) if record else {}
    written, unchanged, skipped = [], [], []
    foreign: set[str] = set()
    current: set[str] = set()
    keys: dict[str, list[Any]] = {}
    root = str(docs)
    for page in pages:
        current.add(page.path)
        if page.key and page.path in previous:  # the common case at scale: strings, not paths
            if _untouched(os.path.join(root, page.path), previous_keys.get(page.path), page.key):
                unchanged.append(page.path)
                keys[page.path] = previous_keys[page.path]
                continue
        target = docs / page.path
        data = page.content().encode("utf-8")
        # Read once: a page of ours that is unchanged (the common case) needs no other check.
        if page.path in previous and target.is_file() and not target.is_symlink() and target.read_bytes() == data:
            unchanged.append(page.path)
        elif target.exists() and not _owned(target, page.path, previous):
            skipped.append(SeedProblem(f"{docs.name}/{page.path}", "a hand-written file has this path; left as it is"))
            foreign.add(page.path)
            continue
        else:
            if page.path not in previous:
                journal.add(page.path)
            atomic_write(target, data)
            written.append(page.path)
        stat = target.stat()
        keys[page.path] = [page.key or "", stat.st_size, stat.st_mtime_ns]
    current -= foreign
    _remove_leftovers(docs, previous | current)
    removed = _remove_stale(docs, previous - current)
    _write_manifest(docs, current)
    if record:
        _write_json(record, {"docs": str(docs), "keys": dict(sorted(keys.items()))})
    skipped.sort(key=lambda problem: problem.path)
    return WriteResult(tuple(sorted(written)), tuple(sorted(unchanged)), tuple(removed), tuple(skipped))


def untouched(docs: Path, record: Path) -> tuple[str, ...] | None:
    """The pages `record` lists, when `docs/` holds exactly those pages as the last write left
    them (same size and modification time, the manifest listing the same pages); else None."""
    keys = _read_record(record)
    if not keys or set(keys) != _read_manifest(docs):
        return None
    root = str(docs)
    if not all(_as_recorded(os.path.join(root, path), recorded) for path, recorded in keys.items()):
        return None
    return tuple(sorted(keys))


def _untouched(target: str, recorded: Any, key: str) -> bool:
    """Whether `target` is the file written for `key` and nobody has changed it since."""
    return _as_recorded(target, recorded) and recorded[0] == key


def _as_recorded(target: str, recorded: Any) -> bool:
    """Whether `target` is a regular file of the size and modification time `recorded` holds."""
    if not isinstance(recorded, list) or len(recorded) != 3:
        return False
    try:
        stat = os.lstat(target)
    except OSError:
        return False
    return S_ISREG(stat.st_mode) and [stat.st_size, stat.st_mtime_ns] == recorded[1:]


def _owned(target: Path, relative: str, manifest: set[str]) -> bool:
    if target.is_symlink() or not target.is_file() or relative not in manifest:
        return False
    if not relative.endswith(".md"):  # data files can't carry the marker: the manifest decides
        return True
    return _marker_after_front_matter(target)


def _marker_after_front_matter(target: Path) -> bool:
    """Whether the page's first line after its front matter (however long) is our marker."""
    with target.open("r", encoding="utf-8", errors="replace") as lines:
        first = next(lines, "")
        if first.rstrip("\r\n") == "---":
            for line in lines:
                if line.rstrip("\r\n") in ("---", "..."):
                    break
            first = next(lines, "")
    return first.startswith(MARKER)


def _remove_stale(docs: Path, stale: set[str]) -> list[str]:
    removed = []
    for relative in sorted(stale):
        target = docs / relative
        if _owned(target, relative, {relative}):
            target.unlink()
            removed.append(relative)
            prune_empty(target.parent, docs)
    return removed


def _remove_leftovers(docs: Path, ours: set[str]) -> None:
    """Remove the temporary files a killed run left beside our pages (and only those)."""
    for folder in sorted({""} | {relative.rpartition("/")[0] for relative in ours}):
        try:
            entries = list(os.scandir(docs / folder))
        except OSError:
            continue
        for entry in entries:
            name = leftover_of(entry.name)
            if name is None or not entry.is_file(follow_symlinks=False):
                continue
            relative = f"{folder}/{name}" if folder else name
            if relative in ours or relative == MANIFEST:
                Path(entry.path).unlink(missing_ok=True)


def _read_manifest(docs: Path) -> set[str]:
    try:
        data = json.loads((docs / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    pages = data.get("pages") if isinstance(data, dict) else None
    return {p for p in pages if isinstance(p, str)} if isinstance(pages, list) else set()


def _write_manifest(docs: Path, pages: set[str]) -> None:
    _write_json(docs / MANIFEST, {"generator": "briefing", "pages": sorted(pages)}, indent=2)


class _Journal:
    """The journal of first writes, opened for appending on its first entry."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.stream: Any = None

    def __enter__(self) -> _Journal:
        return self

    def __exit__(self, *_: object) -> None:
        if self.stream:
            self.stream.close()

    def add(self, relative: str) -> None:
        """List `relative` for good before its page is written (flushed to the system, which
        keeps it when the process is killed)."""
        if self.stream is None:
            self.stream = self.path.open("a", encoding="utf-8")
        self.stream.write(relative + "\n")
        self.stream.flush()


def _read_journal(docs: Path) -> set[str]:
    try:
        lines = (docs / JOURNAL).read_text(encoding="utf-8").splitlines()
    except (OSError, ValueError):
        return set()
    return {line for line in lines if line and not line.startswith("/") and ".." not in line.split("/")}


def _read_record(record: Path) -> dict[str, Any]:
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    keys = data.get("keys") if isinstance(data, dict) else None
    return keys if isinstance(keys, dict) else {}


def _write_json(target: Path, data: Any, indent: int | None = None) -> None:
    """Write `data` as JSON to `target` unless it already holds exactly that."""
    text = json.dumps(data, indent=indent) + "\n"
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        atomic_write(target, text.encode("utf-8"))
