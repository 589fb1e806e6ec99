"""Property tests: arbitrary text through the whole pipeline never crashes or breaks a page."""

from __future__ import annotations

import random
import shutil
import string
import subprocess
import sys
from pathlib import Path

import pytest
from builders import ROOT, build_seed
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from generator.analysis.digest import digest_article
from generator.errors import SeedError
from generator.ingest.clean import clean_article
from generator.output.render import iter_pages, make_environment
from generator.settings import Settings

ENV = make_environment(ROOT / "templates")
SETTINGS = Settings(cache_dir="")
MARKUP = [
    "<script>",
    "</div>",
    "{{",
    "}}",
    "{%",
    "---",
    "...",
    "!!!",
    "#",
    "|",
    "[",
    "](",
    "`",
    "*",
    "_",
    ":",
    "&",
    '"',
    "“",
    "’",
    "\\",
    "\t",
    "\n",
    "\n\n",
    "!!python/object:x",
    "<!-- material/tags -->",
    "{: #x }",
]
text_like = st.lists(st.one_of(st.text(min_size=0, max_size=40), st.sampled_from(MARKUP)), max_size=40).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=text_like, body=text_like)
def test_any_text_renders_pages_whose_front_matter_parses_back(title: str, body: str) -> None:
    try:
        article = clean_article(
            build_seed(f"{title}\n\n{body}\n\nThe council said on Monday that it would meet again next week to decide.")
        )
    except SeedError:
        return
    digest = digest_article(article, "item", SETTINGS)
    for page in iter_pages((digest,), (), SETTINGS, ENV):
        if not page.path.endswith(".md"):
            continue
        _, meta = get_data(page.text)
        assert meta["title"], page.path
        if page.path.startswith("articles/"):
            assert meta["briefing"]["title"] == article.title
            assert meta["briefing"]["summary"] == list(digest.summary)
            assert meta["briefing"]["quotes"] == [
                {"text": q.text, "speaker": q.speaker, "via": q.via, "kind": q.kind} for q in digest.quotes
            ]


def _noise(rng: random.Random) -> str:
    pieces = []
    for _ in range(rng.randint(20, 80)):
        pieces.append(
            rng.choice(MARKUP)
            if rng.random() < 0.3
            else "".join(rng.choices(string.printable + "é’“”—🎉", k=rng.randint(1, 12)))
        )
    return "".join(pieces)


@pytest.mark.slow
def test_mkdocs_strict_build_passes_on_arbitrary_seeds(tmp_path: Path) -> None:
    from conftest import make_project

    rng = random.Random(7)
    seeds = tmp_path / "noise"
    seeds.mkdir()
    for i in range(8):
        (seeds / f"noise_{i}.txt").write_text(f"{_noise(rng)}\n\n{_noise(rng)}\n\n{_noise(rng)}.", encoding="utf-8")
    project = make_project(tmp_path, sorted(seeds.iterdir()))
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build"], cwd=project, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    shutil.rmtree(project / "site")
