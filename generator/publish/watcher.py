"""EDGE: the live preview watches the project through the operating system's file events.

MkDocs' `serve` polls every watched folder twice a second (watchdog's `PollingObserver`
takes a snapshot of every file's status each time). At 10,000 articles `docs/` and `seeds/`
hold about 38,000 files: polling alone then keeps most of a core busy while the server waits,
and a regeneration takes about 60% longer beside it. The operating system's events
(inotify on Linux, FSEvents on macOS, ReadDirectoryChangesW on Windows) cost nothing while
nothing changes.

A build also tells the watcher when MkDocs has listed the files under `docs/`: a change
there made before (the hook's own regeneration, which runs first) is in that build
already, so it asks for no second build; MkDocs alone would take it for a new change and
build once more. Dot files under `docs/` (Briefing's manifest and temporary files) never
count: MkDocs leaves them out of the site.

File events miss changes in some places polling sees, such as a folder mounted into a container
from another system's host or a network share: `BRIEFING_WATCHER=polling` polls as MkDocs
does (at its interval), and so does a system where the events cannot be had (a full inotify
watch limit); the changes a build has seen are left out all the same.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import watchdog.events
import watchdog.observers
from watchdog.observers.polling import PollingObserver

WATCHER_VARIABLE = "BRIEFING_WATCHER"
"""Set to `polling` to keep MkDocs' polling watcher."""
CHANGES = [
    watchdog.events.FileCreatedEvent,
    watchdog.events.FileDeletedEvent,
    watchdog.events.FileModifiedEvent,
    watchdog.events.FileMovedEvent,
    watchdog.events.FileClosedEvent,
    watchdog.events.FileAttribEvent,  # `touch`: polling sees the new modification time
]
"""The events that are changes. Native observers also report a file opened or closed
unwritten; MkDocs takes any event for a change, and a build reads every page, so those
would make the server rebuild for ever."""


@dataclass
class _Build:
    """What the watcher knows of the build under way or just done."""

    docs: str | None = None
    """The absolute `docs/` folder, once a build has started."""
    listing: bool = False
    """Whether a build has started and MkDocs has not listed its files yet."""
    listed_ns: int = 0
    """When MkDocs last listed the files (wall clock, as file times are)."""
    removed: frozenset[str] = field(default_factory=frozenset)
    """The pages the last regeneration removed (absolute paths)."""


_build = _Build()


def build_starts(docs: Path) -> None:
    """A build starts: changes under `docs` until MkDocs lists its files are in that build."""
    _build.docs, _build.listing = os.path.abspath(docs), True


def pages_removed(docs: Path, pages: Iterable[str]) -> None:
    """The regeneration removed `pages` (relative to `docs`): their removal is in the build."""
    _build.removed = frozenset(os.path.join(os.path.abspath(docs), page) for page in pages)


def files_listed() -> None:
    """MkDocs has listed the files of the build: a later change needs another build."""
    if _build.listing:
        _build.listing, _build.listed_ns = False, time.time_ns()


def build_failed() -> None:
    """The build failed, perhaps before MkDocs listed its files: every later change counts."""
    _build.listing, _build.listed_ns = False, 0


def in_this_build(path: str) -> bool:
    """Whether the change an event reports at `path` is one the last build has seen already
    (or one MkDocs never builds from: a dot file under `docs/`)."""
    docs = _build.docs
    if docs is None or not path.startswith(docs + os.sep):
        return False
    if any(part.startswith(".") for part in os.path.relpath(path, docs).split(os.sep)) or _build.listing:
        return True
    try:
        return os.stat(path).st_mtime_ns <= _build.listed_ns
    except OSError:  # gone: seen if the regeneration removed it
        return path in _build.removed


class _NewChanges(watchdog.events.FileSystemEventHandler):
    """Passes on to `handler` only the events of changes the last build has not seen."""

    def __init__(self, handler: Any) -> None:
        self.handler = handler

    def dispatch(self, event: watchdog.events.FileSystemEvent) -> None:
        paths = [event.src_path, event.dest_path] if event.dest_path else [event.src_path]
        if not all(in_this_build(os.fsdecode(path)) for path in paths):
            self.handler.dispatch(event)


def watch_by_events(server: Any) -> str:
    """Move the watches of MkDocs' live-reload `server` (not started yet) to the native
    observer, or where it cannot be had or `BRIEFING_WATCHER=polling` asks for it, to a
    polling one; either passes on only the changes no build has seen. Says which watches."""
    paths, refs = getattr(server, "_watched_paths", None), getattr(server, "_watch_refs", None)
    observer = getattr(server, "observer", None)
    if not (isinstance(paths, dict) and isinstance(refs, dict) and isinstance(observer, PollingObserver)):
        return "MkDocs' own"  # a MkDocs whose server works otherwise: left as it is
    if observer.is_alive():
        return "MkDocs' own (already watching)"
    native: Any = watchdog.observers.Observer
    if os.environ.get(WATCHER_VARIABLE, "").strip().lower() == "polling":
        chosen, said = PollingObserver, f"polling ({WATCHER_VARIABLE}=polling)"
    elif native is PollingObserver or not _events_work(native, list(paths)):
        chosen, said = PollingObserver, "polling (no file events here)"
    else:
        chosen, said = native, f"file events ({native.__name__})"
    interval = {"timeout": observer.timeout} if chosen is PollingObserver else {}  # MkDocs' polling interval
    watched = dict(paths)
    server.observer = _changes_only(chosen)(**interval)
    paths.clear()
    refs.clear()
    for path, count in watched.items():
        for _ in range(count):
            server.watch(path)
    return said


def _changes_only(observer: type[Any]) -> type[Any]:
    """`observer`, passing on only the events in `CHANGES` (MkDocs schedules without a
    filter) of changes the last build has not seen."""

    def schedule(self: Any, handler: Any, path: Any, *, recursive: bool = False, **options: Any) -> Any:
        options["event_filter"] = options.get("event_filter") or CHANGES
        return observer.schedule(self, _NewChanges(handler), path, recursive=recursive, **options)

    return type(f"Changes{observer.__name__}", (observer,), {"schedule": schedule})


def _events_work(native: type[Any], paths: list[str]) -> bool:
    """Whether the `native` observer can watch every one of `paths` on this system."""
    probe = native()
    try:
        for path in paths:
            probe.schedule(watchdog.events.FileSystemEventHandler(), path, recursive=True)
        probe.start()
    except Exception:  # noqa: BLE001 - any failure to watch (watch limit, file system) means: poll
        return False
    finally:
        if probe.is_alive():
            probe.stop()
            probe.join(timeout=5)
    return True
