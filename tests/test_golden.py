"""Golden files: the generated Markdown for the seeds, page by page.

Update after an intended change with `pytest tests/test_golden.py --update-golden`
(or `make golden`) and review the diff in git.
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest
from builders import ROOT

from generator import pipeline
from generator.settings import load_settings

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    project = tmp_path_factory.mktemp("golden")
    for name in ("seeds", "templates"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    report = pipeline.build(load_settings(project / "mkdocs.yml"))
    assert not report.problems
    docs = project / "docs"
    return {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in sorted(docs.rglob("*.md"))}


def test_generated_markdown_matches_golden_files(generated: dict[str, str], request: pytest.FixtureRequest) -> None:
    if request.config.getoption("--update-golden"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for path, text in generated.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_text(text, encoding="utf-8")
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8") for p in sorted(GOLDEN.rglob("*.md"))}
    assert sorted(generated) == sorted(expected), "pages differ from tests/golden/: run with --update-golden"
    for path, text in generated.items():
        if text != expected[path]:
            diff = "".join(
                difflib.unified_diff(
                    expected[path].splitlines(True), text.splitlines(True), f"golden/{path}", f"generated/{path}"
                )
            )
            pytest.fail(f"{path} differs from its golden file (update with --update-golden):\n{diff}")
