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
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from generator import pipeline
from generator.children import ending_with_this_process
from generator.models import BuildReport
from generator.publish.mkdocs_build import SKIP_HOOK
from generator.publish.watch import Changes, Watched, start_observer, watched_paths
from generator.settings import load_settings

log = logging.getLogger("briefing.serve")

STOP_SECONDS = 15.0
"""How long MkDocs gets to stop after an interrupt before it is killed."""


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
