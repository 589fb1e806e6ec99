"""EDGE: the live preview, `python -m generator serve` (behind `make serve`).

Generates `docs/`, then runs MkDocs' own `mkdocs serve` on it as a child process, through
MkDocs' documented command line, and watches what MkDocs does not: `seeds/` and `templates/`
(a change regenerates `docs/`; MkDocs sees the pages that changed, makes them again and
reloads the browser), and the config file and the theme's `custom_dir`, which every page is
rendered with (a change regenerates, then starts MkDocs again: its first build is a full one).
MkDocs watches `docs/` and the config itself.

It must never read or write anything of MkDocs but its command line and the files it
serves, nor anything of watchdog but its documented observers, events and handlers.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import watchdog.events
import watchdog.observers
import yaml
from watchdog.observers.polling import PollingObserver

from generator import pipeline
from generator.children import ending_with_this_process
from generator.models import BuildReport
from generator.publish.mkdocs_build import SKIP_HOOK
from generator.settings import Settings, TolerantLoader, load_settings

log = logging.getLogger("briefing.serve")

WATCHER_VARIABLE = "BRIEFING_WATCHER"
"""Set to `polling` to poll for changes instead of taking the operating system's file events."""
QUIET_SECONDS = 0.3
"""Regenerate once changes have stopped for this long: an editor's save is several events."""
POLL_SECONDS = 0.5
"""How often the polling observer looks, as MkDocs' own does."""
STOP_SECONDS = 15.0
"""How long MkDocs gets to stop after an interrupt before it is killed."""
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


class Preview:
    """The generator and a `mkdocs serve` child process, kept in step."""

    def __init__(self, config: Path, dev_addr: str, dirty: bool, jobs: int = 0) -> None:
        self.config, self.dev_addr, self.dirty, self.jobs = config, dev_addr, dirty, jobs
        self.settings = load_settings(config, jobs=jobs)
        self.child: subprocess.Popen[bytes] | None = None

    def run(self) -> int:
        """Generate, serve and follow changes until interrupted; the exit code."""
        changes = Changes(watched_paths(self.config, self.settings))
        observer, how = start_observer(changes)
        try:
            log.info("Briefing: watching %s by %s", _names(changes.watched), how)
            _log_report(pipeline.build(self.settings))
            self.child = self._start_mkdocs()
            return self._follow(changes)
        except KeyboardInterrupt:
            log.info("Briefing: stopping")
            return 0
        finally:
            self._stop_mkdocs()
            observer.stop()
            observer.join(timeout=STOP_SECONDS)

    def _follow(self, changes: Changes) -> int:
        """Regenerate after each settled change; restart MkDocs after a change to what every
        page is rendered with. Returns MkDocs' exit code when it stops on its own."""
        restarted = False
        while True:
            code = self.child.poll() if self.child else None
            if code is not None:
                if not restarted:
                    return code
                log.error("Briefing: MkDocs stopped (exit code %d); save the config to start it again", code)
                self.child = None
            kinds = changes.settled()
            if not kinds:
                time.sleep(0.1)
                continue
            with self._mkdocs_paused():
                generated = self._regenerate(reload="config" in kinds)
            if not generated:
                continue
            if kinds & {"config", "shell"}:
                log.info("Briefing: the configuration or the theme changed; MkDocs starts again")
                self._stop_mkdocs()
                self.child, restarted = self._start_mkdocs(), True

    def _regenerate(self, reload: bool) -> bool:
        """Generate `docs/` again (with the config read again when `reload`); whether it
        went through. A failure is logged and the last good site stays served."""
        try:
            if reload:
                self.settings = load_settings(self.config, jobs=self.jobs)
            _log_report(pipeline.build(self.settings))
        except Exception as error:  # noqa: BLE001 - any failure keeps the last good site
            log.error("Briefing: the regeneration failed, the last good site is served: %s", error)
            return False
        return True

    @contextmanager
    def _mkdocs_paused(self) -> Iterator[None]:
        """Hold MkDocs still while `docs/` is written (as it holds requests while it builds).

        MkDocs looks for changes under `docs/` twice a second and builds a few tenths of a
        second after the first it sees: a regeneration that writes pages across one of its
        looks would be built half-written, then again. Held still, it sees every page the
        regeneration wrote in one look, and builds once."""
        child = self.child
        pause = getattr(signal, "SIGSTOP", None)  # POSIX only: elsewhere MkDocs may build twice
        if child is None or pause is None or child.poll() is not None:
            yield
            return
        child.send_signal(pause)
        try:
            yield
        finally:
            child.send_signal(signal.SIGCONT)

    def _start_mkdocs(self) -> subprocess.Popen[bytes]:
        command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", self.dev_addr, "-f", str(self.config)]
        if self.dirty:
            # MkDocs warns at every dirty build, and strict mode would abort on the warning.
            command += ["--dirty", "--no-strict"]
        return subprocess.Popen(
            command,
            env={**os.environ, SKIP_HOOK: "1"},  # this process generates docs/, not the hook
            preexec_fn=ending_with_this_process(),  # killed with this process, never orphaned
            process_group=0,  # a terminal's Ctrl-C reaches this process only, which passes it on once
        )

    def _stop_mkdocs(self) -> None:
        """Interrupt MkDocs as Ctrl-C would (it removes its temporary site), then wait."""
        child, self.child = self.child, None
        if child is None or child.poll() is not None:
            return
        child.send_signal(signal.SIGINT)
        try:
            child.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def serve(config: Path, dev_addr: str, dirty: bool, jobs: int = 0) -> int:
    """Run the live preview of the project of `config` on `dev_addr` until interrupted."""
    _log_to_stderr()
    # Ctrl-C stops the preview even where it was started ignoring it (a background job of a
    # script), and so does SIGTERM; MkDocs, started from here, then takes Ctrl-C too.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _interrupt)
    return Preview(config, dev_addr, dirty, jobs).run()


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def _log_report(report: BuildReport) -> None:
    changed = len(report.write.written) + len(report.write.removed)
    log.info("Briefing: %d article(s), %d page(s) changed", len(report.articles), changed)
    for problem in report.problems:
        log.warning("Briefing: %s: %s", problem.path, problem.reason)


def _names(watched: Watched) -> str:
    folders = [*watched.content, *watched.shell]
    root = os.path.dirname(watched.config)
    return ", ".join(os.path.relpath(path, root) for path in [*folders, watched.config])


def _log_to_stderr() -> None:
    """Log as MkDocs does, so the two processes' lines read alike."""
    if not log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.propagate = False
