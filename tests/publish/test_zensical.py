"""The next engine: the same docs/ built by Zensical shows the summary, a quote with its speaker and a figure."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import make_project, run_build

pytestmark = pytest.mark.slow


def test_zensical_builds_the_same_pages(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    result = run_build(project, "--engine", "zensical")
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site-zensical"
    assert not (project / "site").exists()
    page = (project / "docs" / "articles" / "004-8498fe90dd55976d.md").read_text(encoding="utf-8")
    briefing = yaml.safe_load(page.split("---\n")[1])["briefing"]
    home = (site / "index.html").read_text(encoding="utf-8")
    article = (site / "articles" / "004-8498fe90dd55976d" / "index.html").read_text(encoding="utf-8")
    assert "Kim to meet Putin" in home
    assert briefing["summary"][0][:60] in article
    assert "Adrienne Watson" in article and "arms negotiations between Russia and the DPRK" in article
    figure = briefing["figures"][0]
    assert f"<strong>{figure['value']}</strong>" in article
