"""A folder mixing pasted text, a saved web page and a Markdown note builds into one site."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from builders import ROOT
from conftest import make_project, run_build

pytestmark = pytest.mark.slow
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "formats"


def _briefing(project: Path, slug: str) -> dict:
    return yaml.safe_load((project / "docs" / "articles" / f"{slug}.md").read_text(encoding="utf-8").split("---\n")[1])[
        "briefing"
    ]


def test_txt_md_and_html_build_into_one_site(tmp_path: Path) -> None:
    seeds = [
        ROOT / "seeds" / "000_e66c796b78405ef7.txt",
        FIXTURES / "004_saved.html",
        FIXTURES / "note.md",
        FIXTURES / "js_canonical.html",
    ]
    project = make_project(tmp_path, seeds)
    (project / "seeds" / "notes.docx").write_bytes(b"PK\x03\x04")
    result = run_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "seeds/notes.docx: unsupported file type" in result.stdout
    assert "seeds/js_canonical.html" in result.stdout  # its javascript: link was dropped and reported
    formats = {slug: _briefing(project, slug)["format"] for slug in ("000-e66c796b78405ef7", "004-saved", "note")}
    assert formats == {"000-e66c796b78405ef7": "txt", "004-saved": "html", "note": "md"}
    saved = _briefing(project, "004-saved")
    assert any(q["speaker"] == "Adrienne Watson" for q in saved["quotes"])
    stories = list((project / "docs" / "stories").glob("*.md"))
    assert len(stories) == 1, "the saved page and the pasted text report one event"
    story = yaml.safe_load(stories[0].read_text(encoding="utf-8").split("---\n")[1])["briefing"]
    assert set(story["articles"]) == {"seeds/000_e66c796b78405ef7.txt", "seeds/004_saved.html"}
    html = (project / "site" / "articles" / "004-saved" / "index.html").read_text(encoding="utf-8")
    if saved["url"]:
        assert "read the original" in html
    assert "javascript:" not in (project / "site" / "articles" / "js-canonical" / "index.html").read_text(
        encoding="utf-8"
    )
