"""EDGE: the live preview watches the project through the operating system's file events.

MkDocs' `serve` polls every watched folder twice a second (watchdog's `PollingObserver`
takes a snapshot of every file's status each time). At 10,000 articles `docs/` and `seeds/`
hold about 38,000 files: polling alone then keeps most of a core busy while the server waits,
and a regeneration takes about 60% longer beside it. The operating system's events
(inotify on Linux, FSEvents on macOS, ReadDirectoryChangesW on Windows) cost nothing while
nothing changes.

They miss changes in some places polling sees, such as a folder mounted into a container
from another system's host or a network share: `BRIEFING_WATCHER=polling` keeps MkDocs' own
polling, and so does a system where the events cannot be had (a full inotify watch limit).
"""

from __future__ import annotations

import os
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


def watch_by_events(server: Any) -> str:
    """Move the watches of MkDocs' live-reload `server` (not started yet) to the native
    observer, and say which watcher watches now."""
    if os.environ.get(WATCHER_VARIABLE, "").strip().lower() == "polling":
        return f"polling ({WATCHER_VARIABLE}=polling)"
    native: Any = watchdog.observers.Observer
    paths, refs = getattr(server, "_watched_paths", None), getattr(server, "_watch_refs", None)
    observer = getattr(server, "observer", None)
    if not (isinstance(paths, dict) and isinstance(refs, dict) and isinstance(observer, PollingObserver)):
        return "MkDocs' own"  # a MkDocs whose server works otherwise: left as it is
    if observer.is_alive() or native is PollingObserver or not _events_work(list(paths)):
        return "polling (no file events here)"
    watched = dict(paths)
    server.observer = _changes_only(native)()
    paths.clear()
    refs.clear()
    for path, count in watched.items():
        for _ in range(count):
            server.watch(path)
    return f"file events ({native.__name__})"


def _changes_only(observer: type[Any]) -> type[Any]:
    """`observer`, passing on only the events in `CHANGES` (MkDocs schedules without a filter)."""

    def schedule(self: Any, handler: Any, path: Any, *, recursive: bool = False, **options: Any) -> Any:
        options["event_filter"] = options.get("event_filter") or CHANGES
        return observer.schedule(self, handler, path, recursive=recursive, **options)

    return type(f"Changes{observer.__name__}", (observer,), {"schedule": schedule})


def _events_work(paths: list[str]) -> bool:
    """Whether a native observer can watch every one of `paths` on this system."""
    probe = watchdog.observers.Observer()
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
