"""Shared fixtures: the project's seeds, the editor's gold data, built projects and a headless browser."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from builders import GOLD, HOSTILE, ROOT  # noqa: E402


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ from the current output")


@pytest.fixture(scope="session")
def gold() -> dict:
    """The editor's extraction of the seeds (../shared/gold/seeds.yaml); skips when absent."""
    if not GOLD.is_file():
        pytest.skip("../shared/gold/seeds.yaml is not beside the project")
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_articles():
    """The project's seeds, read and cleaned, keyed by file name."""
    from generator.ingest.clean import clean_article
    from generator.ingest.read import read_seeds

    seeds, problems = read_seeds(ROOT / "seeds", ROOT, 5_000_000)
    assert not problems
    return {Path(s.path).name: clean_article(s) for s in seeds}


def make_project(folder: Path, seeds: list[Path] | None = None) -> Path:
    """A copy of the project in `folder` without generated output; `seeds` replace the seeds."""
    project = folder / "briefing"
    ignore = shutil.ignore_patterns(
        ".venv", "site", ".git", "__pycache__", ".pytest_cache", "tests", "*.egg-info", ".briefing-cache"
    )
    shutil.copytree(ROOT, project, ignore=ignore)
    for generated in (
        "articles",
        "stories",
        "entities",
        "briefing",
        "data",
        "index.md",
        "tags.md",
        "feed.xml",
        "feed.json",
        ".briefing-manifest.json",
    ):
        target = project / "docs" / generated
        shutil.rmtree(target) if target.is_dir() else target.unlink(missing_ok=True)
    if seeds is not None:
        shutil.rmtree(project / "seeds")
        (project / "seeds").mkdir()
        for seed in seeds:
            shutil.copy(seed, project / "seeds" / seed.name)
    return project


@pytest.fixture(scope="session")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project, built once with `python -m generator build` (a real MkDocs build)."""
    project = make_project(tmp_path_factory.mktemp("project"))
    result = run_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


def run_build(project: Path, *args: str):
    """Run `python -m generator build` in `project` and return the finished process."""
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    return subprocess.run(
        [sys.executable, "-m", "generator", "build", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


BROWSER_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def browser_path() -> str:
    """The Chromium to drive: `BRIEFING_BROWSER`, else the first candidate on PATH; fails when none."""
    configured = os.environ.get("BRIEFING_BROWSER")
    found = configured or next((shutil.which(c) for c in BROWSER_CANDIDATES if shutil.which(c)), None)
    if not found:
        pytest.fail("no Chromium found: install Debian's `chromium` or set BRIEFING_BROWSER")
    return found


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve(site: Path) -> Iterator[str]:
    """Serve `site` with `http.server` in a subprocess; yields its base URL, stops it after."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(site)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)


def offline_page(browser, server: str, height: int = 900, originals: dict[str, bytes] | None = None) -> Iterator:
    """A browser page that reaches only the local site: an address starting with a key of
    `originals` gets that saved page (and is listed in `page.opened`), the original's own
    assets are aborted, and any other request outside the site is aborted and fails the test."""
    from urllib.parse import urlsplit

    their_hosts = {urlsplit(prefix).netloc for prefix in originals or {}}
    context = browser.new_context(viewport={"width": 1280, "height": height})
    opened: list[str] = []
    outside: list[str] = []

    def route(route) -> None:
        url = route.request.url
        saved = next((body for prefix, body in (originals or {}).items() if url.startswith(prefix)), None)
        if saved is not None:
            opened.append(url)
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=saved)
        elif url.startswith(server) or url.startswith("data:"):
            route.continue_()
        else:
            if urlsplit(url).netloc not in their_hosts:
                outside.append(url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.opened = opened
    yield page
    context.close()
    assert not outside, f"the site tried to reach the network: {outside}"


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium (the system's, never a download) driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=browser_path(),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


SITE_URL = "https://example.org/briefing/"
HOSTILE_SEED = f"""{HOSTILE}

By Ann Lee
Published 12 March 2024

The town of Riverside held its annual cartoon festival on Saturday, drawing 12,000 visitors to the square.

"We have never seen so many people," said Mayor Jo Park, who opened the festival with a parade.

Organisers said the festival raised 40,000 dollars for the town library, twice the sum raised last year.

The festival will return next spring with a second stage and a night market along the river.
"""


def build_wired_project(base: Path) -> Path:
    """A built copy of the project with a `site_url` and a seed with a hostile title (built once per session)."""
    project = base / "briefing"
    if (project / "site" / "feed.xml").is_file():
        return project
    seed = base / "seeds" / "zz_hostile_title.txt"
    seed.parent.mkdir(parents=True, exist_ok=True)
    seed.write_text(HOSTILE_SEED, encoding="utf-8")
    make_project(base, sorted((ROOT / "seeds").glob("*.txt")) + [seed])
    config = project / "mkdocs.yml"
    config.write_text(f"site_url: {SITE_URL}\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project
