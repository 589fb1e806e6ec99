"""`mkdocs serve` with the Briefing hook: editing a seed regenerates the page that is served."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import free_port, make_project
from mkdocs.livereload import LiveReloadServer
from watchdog.observers.polling import PollingObserver

from generator.publish import hooks
from generator.publish.watcher import WATCHER_VARIABLE, watch_by_events

pytestmark = pytest.mark.slow


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.3)
    return False


def _search_entries(base: str) -> list[tuple[str, str]]:
    """(location, title) of every entry in the served search index."""
    text = _get(f"{base}/search/search_index.json")
    return [(d["location"], d["title"]) for d in json.loads(text)["docs"]] if text else []


@pytest.mark.parametrize(
    ("flags", "watcher"),
    [(("--livereload",), ""), (("--livereload", "--dirty"), ""), (("--livereload", "--dirty"), "polling")],
    ids=["full", "dirty", "dirty-polling"],
)
def test_editing_a_seed_regenerates_the_served_page(tmp_path: Path, flags: tuple[str, ...], watcher: str) -> None:
    project = make_project(tmp_path)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    url = f"{base}/articles/000-e66c796b78405ef7/"
    log = tmp_path / "serve.log"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", *flags, "-a", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, WATCHER_VARIABLE: watcher},
    )
    try:
        assert _wait_for(lambda: "Kim to meet Putin" in _get(url), 90), "mkdocs serve did not come up"
        expected = "polling (BRIEFING_WATCHER=polling)" if watcher else "file events"
        assert f"Briefing: watching for changes by {expected}" in log.read_text()
        assert "livereload" in _get(url), "live reload script is not injected"
        before = _search_entries(base)
        assert before
        builds_before = log.read_text().count("Documentation built")
        seed = project / "seeds" / "000_e66c796b78405ef7.txt"
        seed.write_text(
            seed.read_text(encoding="utf-8").replace("Kim to meet Putin", "Kim and Putin to meet", 1), encoding="utf-8"
        )
        assert _wait_for(lambda: "Kim and Putin to meet" in _get(url), 60), "the served page did not change"
        # Every page keeps its search entries once, the edited ones as they are now (a dirty
        # build makes again only the pages that changed, the home page among them).
        after = _search_entries(base)
        assert len(after) == len(set(after))
        pages = [{loc.split("#")[0] for loc, _ in entries} for entries in (before, after)]
        stories = [{page for page in found if page.startswith("stories/")} for found in pages]
        assert len(stories[0]) == len(stories[1]) == 1  # the story's headline, and so its address, changed
        assert pages[0] - stories[0] == pages[1] - stories[1]
        assert ("articles/000-e66c796b78405ef7/", "Kim and Putin to meet Putin") not in after
        old_story = f"{base}/{next(iter(stories[0]))}"
        assert _wait_for(lambda: _get(old_story) == "", 10), "the story's old address is still served"
        assert any(loc == "articles/000-e66c796b78405ef7/" and "Kim and Putin to meet" in t for loc, t in after)
        time.sleep(4)
        builds = log.read_text().count("Documentation built")
        time.sleep(4)
        assert log.read_text().count("Documentation built") == builds, "the site keeps rebuilding (reload loop)"
        assert builds == builds_before + 1, "the hook's own writes to docs/ made MkDocs build again"
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_a_dirty_served_site_follows_a_change_to_the_theme_overrides(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    url = f"{base}/articles/000-e66c796b78405ef7/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dirty", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=(tmp_path / "serve.log").open("w"),
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert _wait_for(lambda: "Kim to meet Putin" in _get(url), 90), "mkdocs serve did not come up"
        main = project / "overrides" / "main.html"
        text = main.read_text(encoding="utf-8")
        marker = "content=new-shell-7f3a"  # as minified
        tag = '<meta name="briefing-test" content="new-shell-7f3a">'
        main.write_text(text.replace("{{ super() }}", "{{ super() }}\n  " + tag, 1), encoding="utf-8")
        # The article's Markdown did not change: only a full make of every page shows the new shell.
        assert _wait_for(lambda: marker in _get(url), 60), "the served page kept its old shell"
        assert marker in _get(f"{base}/about/")
    finally:
        server.terminate()
        server.wait(timeout=20)


def _server(tmp_path: Path) -> LiveReloadServer:
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=free_port(), root=str(tmp_path))
    for folder in ("docs", "seeds", "seeds"):  # watched twice: MkDocs counts the watches of a path
        (tmp_path / folder).mkdir(exist_ok=True)
        server.watch(str(tmp_path / folder))
    return server


def test_the_live_preview_watches_by_file_events_and_sees_a_change(tmp_path: Path) -> None:
    server = _server(tmp_path)
    assert watch_by_events(server).startswith("file events")
    assert not isinstance(server.observer, PollingObserver)
    assert server._watched_paths == {str(tmp_path / "docs"): 1, str(tmp_path / "seeds"): 2}
    page = tmp_path / "docs" / "page.md"
    page.write_text("# A page", encoding="utf-8")

    def read_page() -> None:  # as a build reads every page: no change, and no reload loop
        time.sleep(0.5)
        assert page.read_text(encoding="utf-8")

    _rebuilds_for_a_new_seed_only(server, tmp_path, read_page, 1.5)


def _rebuilds_for_a_new_seed_only(
    server: LiveReloadServer, project: Path, ignored: Callable[[], None], wait: float
) -> None:
    """Start `server`'s observer: what `ignored()` does must ask for no rebuild within `wait`
    seconds, and a new seed must ask for one."""
    server.observer.start()
    try:
        ignored()
        time.sleep(wait)
        assert not server._want_rebuild, "a change the server must pass over asked for a rebuild"
        (project / "seeds" / "new.txt").write_text("A title\n\nA paragraph.", encoding="utf-8")
        assert _wait_for(lambda: server._want_rebuild, 10), "a new seed did not ask for a rebuild"
    finally:
        server.observer.stop()
        server.observer.join()


def test_changes_a_build_has_seen_ask_for_no_other_build(tmp_path: Path) -> None:
    from generator.publish import watcher

    docs = tmp_path / "docs"
    (docs / "articles").mkdir(parents=True)
    page, about, gone = docs / "articles" / "a.md", docs / "about.md", docs / "articles" / "gone.md"
    about.write_text("# About", encoding="utf-8")
    watcher.build_starts(docs)
    try:
        page.write_text("# A", encoding="utf-8")  # the hook's regeneration, before MkDocs lists the files
        assert watcher.in_this_build(str(page)) and watcher.in_this_build(str(about))
        watcher.pages_removed(docs, ["articles/gone.md"])
        watcher.files_listed()
        assert watcher.in_this_build(str(page))  # its event came late: the build has it
        assert watcher.in_this_build(str(gone))  # the regeneration removed it
        assert watcher.in_this_build(str(docs / ".briefing-manifest.json"))  # MkDocs never builds dot files
        assert watcher.in_this_build(str(docs / "articles" / ".a.md.x1y2z3w4.tmp"))
        assert not watcher.in_this_build(str(tmp_path / "seeds" / "a.txt"))  # not under docs/
        time.sleep(0.05)
        about.write_text("# About, edited", encoding="utf-8")  # by hand, after the files were listed
        assert not watcher.in_this_build(str(about))
        assert not watcher.in_this_build(str(docs / "hand-removed.md"))
        watcher.build_starts(docs)
        hooks.on_build_error(error=RuntimeError("a seed's template failed"))  # every change counts again
        assert not watcher.in_this_build(str(page)) and not watcher.in_this_build(str(about))
    finally:
        watcher._build = watcher._Build()


def test_the_live_preview_polls_when_asked_and_still_skips_what_a_build_has_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.publish import watcher

    monkeypatch.setenv(WATCHER_VARIABLE, "polling")
    server = _server(tmp_path)
    interval = server.observer.timeout
    assert watch_by_events(server) == "polling (BRIEFING_WATCHER=polling)"
    assert isinstance(server.observer, PollingObserver) and server.observer.timeout == interval
    assert server._watched_paths == {str(tmp_path / "docs"): 1, str(tmp_path / "seeds"): 2}

    def regenerate() -> None:  # the hook's writes to docs/ before MkDocs lists the build's files
        time.sleep(2 * interval)
        watcher.build_starts(tmp_path / "docs")
        (tmp_path / "docs" / "page.md").write_text("# A page", encoding="utf-8")
        watcher.files_listed()

    try:
        _rebuilds_for_a_new_seed_only(server, tmp_path, regenerate, 4 * interval)
    finally:
        watcher._build = watcher._Build()


def test_the_live_preview_keeps_polling_where_file_events_fail(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.publish import watcher

    class Broken(watcher.watchdog.observers.Observer):  # a native observer that cannot start (a full watch limit)
        def start(self) -> None:
            raise OSError(28, "inotify watch limit reached")

    monkeypatch.setattr(watcher.watchdog.observers, "Observer", Broken)
    server = _server(tmp_path)
    assert watch_by_events(server) == "polling (no file events here)"
    assert isinstance(server.observer, PollingObserver) and len(server._watched_paths) == 2


class _Config:
    def __init__(self, project: Path) -> None:
        self.config_file_path = str(project / "mkdocs.yml")
        self.theme = type("Theme", (), {"custom_dir": str(project / "overrides")})()


class _Page:
    def __init__(self, site: Path, url: str) -> None:
        self.url, self.dest_uri = url, f"{url}index.html"
        self.abs_dest_path = str(site / self.dest_uri)


def test_a_dirty_build_makes_every_page_again_when_the_config_or_the_theme_changed(tmp_path: Path) -> None:
    (tmp_path / "overrides" / "partials").mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text("site_name: A\n", encoding="utf-8")
    (tmp_path / "overrides" / "partials" / "search.html").write_text("<form></form>", encoding="utf-8")
    site = tmp_path / "site"
    pages = [_Page(site, url) for url in ("", "articles/a/", "articles/not-built-yet/")]
    files = _Files()
    files.pages = pages

    def outputs_dated() -> list[int]:
        return [os.stat(p.abs_dest_path).st_mtime_ns for p in pages[:2]]

    def build() -> list[int]:
        hooks.on_files(files, config=_Config(tmp_path))
        dated = outputs_dated()
        for page in pages[:2]:  # MkDocs writes the pages again
            Path(page.abs_dest_path).parent.mkdir(parents=True, exist_ok=True)
            Path(page.abs_dest_path).write_text("<html></html>", encoding="utf-8")
        return dated

    for page in pages[:2]:
        Path(page.abs_dest_path).parent.mkdir(parents=True, exist_ok=True)
        Path(page.abs_dest_path).write_text("<html></html>", encoding="utf-8")
    hooks.on_startup("serve", dirty=True)
    try:
        assert 0 not in build() and 0 not in build()  # the first build, then one with nothing changed
        (tmp_path / "overrides" / "partials" / "search.html").write_text("<form role=search></form>", encoding="utf-8")
        assert build() == [0, 0]
        assert 0 not in build()
        (tmp_path / "mkdocs.yml").write_text("site_name: B\n", encoding="utf-8")
        assert build() == [0, 0]
        hooks.on_startup("serve", dirty=False)  # a full build makes every page anyway
        build()
        (tmp_path / "mkdocs.yml").write_text("site_name: C\n", encoding="utf-8")
        assert 0 not in build()
    finally:
        hooks.on_startup("build")
    assert not (site / "articles" / "not-built-yet").exists()


def test_the_theme_fingerprint_skips_a_file_gone_while_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "overrides").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: A\n", encoding="utf-8")
    (tmp_path / "overrides" / "main.html").write_text("{% extends 'base.html' %}", encoding="utf-8")
    before = hooks.shell_fingerprint(_Config(tmp_path))
    listed = list(os.walk(tmp_path / "overrides"))
    # An editor's swap file, listed by the walk and removed before it is read.
    monkeypatch.setattr(hooks.os, "walk", lambda folder: [(f, s, [*n, ".main.html.swp"]) for f, s, n in listed])
    assert hooks.shell_fingerprint(_Config(tmp_path)) == before


class _Index:
    def __init__(self, *locations: str) -> None:
        self.entries = [{"location": loc, "title": loc} for loc in locations]


class _Search:
    def __init__(self, previous: _Index | None, current: _Index) -> None:
        self.search_index_prev, self.search_index = previous, current


class _Files:
    def __init__(self, *urls: str) -> None:
        self.pages = [type("File", (), {"url": url, "dest_uri": f"{url}index.html"})() for url in urls]

    def documentation_pages(self) -> list:
        return self.pages

    def __iter__(self):
        return iter(self.pages)


def _post_build(search: _Search, *pages: str, site: Path = Path("site")) -> list[str]:
    hooks.on_files(_Files(*pages))
    hooks.on_post_build(type("Config", (), {"plugins": {"material/search": search}, "site_dir": str(site)})())
    return [e["location"] for e in search.search_index.entries]


def test_a_dirty_build_removes_the_output_of_pages_gone_since_the_last(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for page in ("", "articles/a/", "articles/gone/", "stories/old-headline/"):
        (site / page).mkdir(parents=True, exist_ok=True)
        (site / page / "index.html").write_text("<html></html>", encoding="utf-8")
    hooks.on_startup("serve", dirty=True)
    try:
        _post_build(_Search(None, _Index()), "", "articles/a/", "articles/gone/", "stories/old-headline/", site=site)
        _post_build(_Search(None, _Index()), "", "articles/a/", "stories/new-headline/", site=site)
    finally:
        hooks.on_startup("build")
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == [
        "articles",
        "articles/a",
        "articles/a/index.html",
        "index.html",
    ]


def test_a_dirty_build_keeps_every_page_s_search_entries_once() -> None:
    previous = _Index("", "#stories", "articles/a/", "articles/a/#summary", "articles/b/", "articles/gone/")
    search = _Search(previous, _Index("", "#stories-now", "articles/a/", "articles/a/#quotes"))
    made = _post_build(search, "", "articles/a/", "articles/b/")
    # The home page and article a are made again; b is kept; a removed page's entries go.
    assert made == ["articles/b/", "", "#stories-now", "articles/a/", "articles/a/#quotes"]
    assert search.search_index_prev is None  # the plugin writes the merged index as it is


def test_a_full_build_s_search_index_is_left_alone() -> None:
    search = _Search(None, _Index("", "articles/a/"))
    assert _post_build(search, "", "articles/a/") == ["", "articles/a/"]
