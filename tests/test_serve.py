"""`mkdocs serve` with the Briefing hook: editing a seed regenerates the page that is served."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import free_port, make_project

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


def test_editing_a_seed_regenerates_the_served_page(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    port = free_port()
    url = f"http://127.0.0.1:{port}/articles/000-e66c796b78405ef7/"
    log = tmp_path / "serve.log"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert _wait_for(lambda: "Kim to meet Putin" in _get(url), 90), "mkdocs serve did not come up"
        assert "livereload" in _get(url), "live reload script is not injected"
        seed = project / "seeds" / "000_e66c796b78405ef7.txt"
        seed.write_text(
            seed.read_text(encoding="utf-8").replace("Kim to meet Putin", "Kim and Putin to meet", 1), encoding="utf-8"
        )
        assert _wait_for(lambda: "Kim and Putin to meet" in _get(url), 60), "the served page did not change"
        time.sleep(4)
        builds = log.read_text().count("Documentation built")
        time.sleep(4)
        assert log.read_text().count("Documentation built") == builds, "the site keeps rebuilding (reload loop)"
    finally:
        server.terminate()
        server.wait(timeout=20)
