"""`python -m generator serve`: the live preview follows edits to seeds, templates, the config and the theme.

Real processes on a copy of the project: the preview, and the `mkdocs serve` it runs. Every
wait is for an event (a page served changed, a line logged), with a generous time-out.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import free_port, make_project

from generator.publish import watch
from generator.settings import load_settings

pytestmark = pytest.mark.slow

ARTICLE = "/articles/000-e66c796b78405ef7/"
SEED = "seeds/000_e66c796b78405ef7.txt"
NEW_SEED = "seeds/new_report.txt"
NEW_ARTICLE = "/articles/new-report/"
NEW_TEXT = (
    "Harbour reopens after the storm\n\n"
    "The harbour of Port Elin reopened on Tuesday after the storm had closed it for three days.\n\n"
    "Ships that had waited outside the harbour began to unload their cargo in the afternoon.\n\n"
    '"We expect every berth to be in use again by Friday," said Maria Okafor, who runs the port.\n'
)


def _wait_for(predicate: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


class Preview:
    """A running `python -m generator serve` in `project`, and what it serves."""

    def __init__(self, project: Path, log: Path, *flags: str, env: dict[str, str] | None = None) -> None:
        self.project, self.log, self.port = project, log, free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        command = [sys.executable, "-m", "generator", "serve", "-a", f"127.0.0.1:{self.port}", *flags]
        with log.open("w") as output:
            self.process = subprocess.Popen(
                command, cwd=project, stdout=output, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})}
            )

    def get(self, path: str) -> tuple[int, str]:
        """The status and text the preview serves at `path` (0 when nothing answers)."""
        try:
            with urllib.request.urlopen(self.base + path, timeout=5) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, ""
        except OSError:
            return 0, ""

    def shows(self, path: str, text: str) -> Callable[[], bool]:
        return lambda: text in self.get(path)[1]

    def wait(self, predicate: Callable[[], bool], what: str, seconds: float = 90) -> None:
        assert _wait_for(lambda: predicate() or self.process.poll() is not None, seconds) and predicate(), (
            f"{what}\n{self.text()}"
        )

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def mkdocs_processes(self) -> list[int]:
        """The `mkdocs serve` processes serving on this preview's port."""
        found = []
        for entry in Path("/proc").iterdir():
            try:
                command = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if b"serve" in command and b"mkdocs" in command and f"127.0.0.1:{self.port}".encode() in command:
                found.append(int(entry.name))
        return found

    def stop(self, signum: int = signal.SIGINT) -> int:
        self.process.send_signal(signum)
        return self.process.wait(timeout=60)


@contextmanager
def preview(project: Path, log: Path, *flags: str, env: dict[str, str] | None = None) -> Iterator[Preview]:
    running = Preview(project, log, *flags, env=env)
    try:
        running.wait(running.shows(ARTICLE, "Kim to meet Putin"), "the preview did not come up", 180)
        yield running
    finally:
        if running.process.poll() is None:
            running.process.kill()
            running.process.wait()


def _port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("flags", [(), ("--dirty",)], ids=["full", "dirty"])
def test_the_preview_follows_seeds_and_templates(tmp_path: Path, flags: tuple[str, ...]) -> None:
    project = make_project(tmp_path)
    with preview(project, tmp_path / "serve.log", *flags) as served:
        assert "Briefing: watching seeds, templates, overrides, mkdocs.yml by file events" in served.text()
        assert "livereload" in served.get(ARTICLE)[1], "the live reload script is not injected"
        _edit(project / SEED, "Kim to meet Putin", "Kim and Putin to meet")
        served.wait(served.shows(ARTICLE, "Kim and Putin to meet"), "the edited seed's page did not change")

        _edit(project / "templates" / "article.md.j2", "## Summary", "Marked by the test 5c1e.\n\n## Summary")
        served.wait(served.shows(ARTICLE, "Marked by the test 5c1e."), "the edited template did not show")

        (project / NEW_SEED).write_text(NEW_TEXT, encoding="utf-8")
        served.wait(served.shows(NEW_ARTICLE, "Harbour reopens after the storm"), "the new seed's page is not served")
        (project / NEW_SEED).unlink()
        served.wait(lambda: served.get(NEW_ARTICLE)[0] == 404, "the removed seed's page is still served")
        assert served.get(ARTICLE)[0] == 200

        assert served.mkdocs_processes(), "no mkdocs serve found to stop"
        assert served.stop(signal.SIGINT) == 0
        assert _port_is_free(served.port) and not served.mkdocs_processes(), "mkdocs serve outlived the preview"
    assert "Traceback" not in served.text()


def test_the_preview_follows_the_config_and_the_theme_by_polling(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    pages = (ARTICLE, "/", "/about/", "/tags/")
    env = {watch.WATCHER_VARIABLE: "polling"}
    with preview(project, tmp_path / "serve.log", "--dirty", env=env) as served:
        assert "by polling (BRIEFING_WATCHER=polling)" in served.text()
        _edit(project / SEED, "Kim to meet Putin", "Kim and Putin to meet")
        served.wait(served.shows(ARTICLE, "Kim and Putin to meet"), "the edited seed's page did not change")

        # Every page's frame changes, and no page's Markdown: MkDocs starts again and makes all.
        _edit(project / "mkdocs.yml", "site_name: Briefing", "site_name: Morning Digest")
        served.wait(lambda: all("Morning Digest" in served.get(page)[1] for page in pages), "a page kept the old name")
        main = project / "overrides" / "main.html"
        _edit(main, "{{ super() }}", '{{ super() }}\n  <meta name="briefing-test" content="new-shell-7f3a">')
        marker = "content=new-shell-7f3a"  # as minified
        served.wait(lambda: all(marker in served.get(page)[1] for page in pages), "a page kept its old frame")

        assert served.stop(signal.SIGTERM) == 0
        assert _port_is_free(served.port) and not served.mkdocs_processes(), "mkdocs serve outlived the preview"
    assert served.text().count("MkDocs starts again") == 2


def test_a_broken_regeneration_keeps_the_last_good_site(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    with preview(project, tmp_path / "serve.log") as served:
        template = project / "templates" / "article.md.j2"
        good = template.read_text(encoding="utf-8")
        template.write_text(good + "\n{% if %}\n", encoding="utf-8")  # a template that does not compile
        served.wait(lambda: "the regeneration failed" in served.text(), "the failure was not logged")
        assert served.get(ARTICLE)[0] == 200 and served.process.poll() is None
        template.write_text(good.replace("## Summary", "Mended 9d2b.\n\n## Summary"), encoding="utf-8")
        served.wait(served.shows(ARTICLE, "Mended 9d2b."), "the mended template did not show")
        assert served.stop() == 0


def test_only_changes_count_and_only_where_they_matter(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    watched = watch.watched_paths(project / "mkdocs.yml", load_settings(project / "mkdocs.yml"))
    root = str(project)
    assert watched.kind(f"{root}/mkdocs.yml") == "config"
    assert watched.kind(f"{root}/overrides/main.html") == "shell"
    assert watched.kind(f"{root}/seeds/a.txt") == watched.kind(f"{root}/templates/article.md.j2") == "content"
    for ignored in ("README.md", "docs/index.md", "seeds/.a.txt.swp", "seeds/.hidden/a.txt", "site/index.html"):
        assert watched.kind(f"{root}/{ignored}") is None, ignored

    changes = watch.Changes(watched)
    observer, how = watch.start_observer(changes)
    try:
        assert how.startswith("file events")
        for template in (project / "templates").iterdir():  # as a regeneration reads every template
            template.read_text(encoding="utf-8")
        (project / "README.md").write_text("not watched", encoding="utf-8")
        _edit(project / "mkdocs.yml", "site_name: Briefing", "site_name: Elsewhere")
        # Events come in order: had reading a template counted, it would be in the same batch.
        found: set[str] = set()
        assert _wait_for(lambda: bool(found.update(changes.settled()) or found), 30)
        assert found == {"config"}
    finally:
        observer.stop()
        observer.join()


def test_the_preview_polls_where_file_events_fail(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import watchdog.observers

    class Broken(watchdog.observers.Observer):  # as with a full inotify watch limit
        def start(self) -> None:
            raise OSError(28, "inotify watch limit reached")

    monkeypatch.setattr(watchdog.observers, "Observer", Broken)
    project = make_project(tmp_path)
    changes = watch.Changes(watch.watched_paths(project / "mkdocs.yml", load_settings(project / "mkdocs.yml")))
    observer, how = watch.start_observer(changes)
    try:
        assert how == "polling (no file events here)"
        (project / "seeds" / "new.txt").write_text(NEW_TEXT, encoding="utf-8")
        found: set[str] = set()
        assert _wait_for(lambda: bool(found.update(changes.settled()) or found), 30)
        assert found == {"content"}
    finally:
        observer.stop()
        observer.join()
