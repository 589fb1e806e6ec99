"""EDGE: what the live preview watches, through watchdog's public API only: the seeds, the
templates, the config file and the theme's `custom_dir` (MkDocs watches `docs/` itself).

It must never read or write anything of watchdog but its documented observers, events and
handlers.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import watchdog.events
import watchdog.observers
import yaml
from watchdog.observers.polling import PollingObserver

from generator.settings import Settings, TolerantLoader

log = logging.getLogger("briefing.serve")

WATCHER_VARIABLE = "BRIEFING_WATCHER"
"""Set to `polling` to poll for changes instead of taking the operating system's file events."""
QUIET_SECONDS = 0.3
"""Regenerate once changes have stopped for this long: an editor's save is several events."""
POLL_SECONDS = 0.5
"""How often the polling observer looks, as MkDocs' own does."""
CHANGES = [
    watchdog.events.FileCreatedEvent,
    watchdog.events.FileDeletedEvent,
    watchdog.events.FileModifiedEvent,
    watchdog.events.FileMovedEvent,
    watchdog.events.FileClosedEvent,  # closed after writing
    watchdog.events.DirCreatedEvent,
    watchdog.events.DirDeletedEvent,
    watchdog.events.DirMovedEvent,
]
"""The events that are changes: a file merely opened, read or closed unwritten is none (a
regeneration reads every template, and would otherwise set off another for ever)."""


@dataclass(frozen=True)
class Watched:
    """What the preview watches (absolute paths)."""

    config: str
    """The MkDocs config file: a change reloads the settings, regenerates and restarts MkDocs."""
    content: tuple[str, ...]
    """Folders whose changes regenerate `docs/`: the seeds and the templates."""
    shell: tuple[str, ...]
    """Folders every page's frame is rendered from (the theme's `custom_dir`): a change
    restarts MkDocs, so that every page is made again."""

    def kind(self, path: str) -> str | None:
        """`config`, `shell` or `content` for a change at `path`; None when it is none of
        those (another file beside the config, a hidden file such as an editor's swap file)."""
        if path == self.config:
            return "config"
        for kind, folders in (("shell", self.shell), ("content", self.content)):
            for folder in folders:
                if path.startswith(folder + os.sep):
                    hidden = any(part.startswith(".") for part in path[len(folder) + 1 :].split(os.sep))
                    return None if hidden else kind
        return None


def watched_paths(config: Path, settings: Settings) -> Watched:
    """The seeds, the templates, the config file and the theme's `custom_dir` of `config`."""
    custom = _custom_dir(config)
    return Watched(
        config=os.path.abspath(config),
        content=(os.path.abspath(settings.seeds_path), os.path.abspath(settings.root / "templates")),
        shell=(os.path.abspath(config.parent / custom),) if custom else (),
    )


def _custom_dir(config: Path) -> str | None:
    """`theme.custom_dir` of the MkDocs config, as written (relative to its folder), or None."""
    try:
        data = yaml.load(config.read_text(encoding="utf-8"), Loader=TolerantLoader) or {}
    except (OSError, yaml.YAMLError):
        return None
    theme = data.get("theme") if isinstance(data, dict) else None
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    return str(custom) if custom else None


class Changes(watchdog.events.FileSystemEventHandler):
    """Collects the changes the observer reports, until the preview takes them."""

    def __init__(self, watched: Watched) -> None:
        self.watched = watched
        self._kinds: set[str] = set()
        self._last = 0.0
        self._lock = threading.Lock()

    def on_any_event(self, event: watchdog.events.FileSystemEvent) -> None:
        paths = [event.src_path, event.dest_path] if event.dest_path else [event.src_path]
        kinds = {self.watched.kind(os.fsdecode(path)) for path in paths} - {None}
        if kinds:
            with self._lock:
                self._kinds |= {str(kind) for kind in kinds}
                self._last = time.monotonic()

    def settled(self) -> set[str]:
        """The kinds of change since the last call, once none has come for `QUIET_SECONDS`;
        empty while there is none or changes are still coming."""
        with self._lock:
            if not self._kinds or time.monotonic() - self._last < QUIET_SECONDS:
                return set()
            kinds, self._kinds = self._kinds, set()
            return kinds


def start_observer(handler: Changes) -> tuple[Any, str]:
    """Start watching `handler.watched` with the operating system's file events, or by
    polling where those cannot be had or `BRIEFING_WATCHER=polling` asks; says which."""
    if os.environ.get(WATCHER_VARIABLE, "").strip().lower() == "polling":
        return _started(PollingObserver(timeout=POLL_SECONDS), handler), f"polling ({WATCHER_VARIABLE}=polling)"
    native: Callable[[], Any] = watchdog.observers.Observer
    if native is PollingObserver:
        return _started(PollingObserver(timeout=POLL_SECONDS), handler), "polling (no file events here)"
    observer = native()
    try:
        return _started(observer, handler), f"file events ({type(observer).__name__})"
    except OSError as error:  # a full inotify watch limit, a file system without events
        observer.stop()
        log.info("Briefing: file events cannot be had here (%s); polling instead", error)
        return _started(PollingObserver(timeout=POLL_SECONDS), handler), "polling (no file events here)"


def _started(observer: Any, handler: Changes) -> Any:
    watched = handler.watched
    for folder in (*watched.content, *watched.shell):
        if os.path.isdir(folder):
            observer.schedule(handler, folder, recursive=True, event_filter=CHANGES)
    # The folder, not the file: an editor that saves by renaming a new file over the old one
    # leaves a watch on the file itself with nothing to watch.
    observer.schedule(handler, os.path.dirname(watched.config), recursive=False, event_filter=CHANGES)
    observer.start()
    return observer
