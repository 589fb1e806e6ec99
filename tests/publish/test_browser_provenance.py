"""Provenance in a real headless Chromium: a figure of a saved page leads to the original at
its sentence (a URL text fragment); a pasted article's sentence is on the page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml
from builders import ROOT
from conftest import make_project, offline_page, run_build, serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SAVED = ROOT / "tests" / "fixtures" / "formats" / "004_saved.html"
ORIGINAL = "https://euroweeklynews.example/news/world/kim-jong-un-putin-trip/"
"""The saved page's canonical address."""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("provenance"), [ROOT / "seeds" / "000_e66c796b78405ef7.txt", SAVED])
    result = run_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


@pytest.fixture(scope="module")
def server(project: Path) -> Iterator[str]:
    yield from serve(project / "site")


@pytest.fixture()
def page(browser, server: str):
    """A page that reaches only the local site, and gets the saved page for the original's address."""
    yield from offline_page(browser, server, height=400, originals={ORIGINAL: SAVED.read_bytes()})


def _briefing(project: Path, slug: str) -> dict:
    text = (project / "docs" / "articles" / f"{slug}.md").read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])["briefing"]


def _words(text: str) -> str:
    return " ".join(text.split()).casefold()


def test_a_figure_links_to_the_original_at_its_sentence(page, server: str, project: Path) -> None:
    figure = _briefing(project, "004-saved")["figures"][-1]  # the last: its sentence is far down the original
    page.goto(server + "/articles/004-saved/")
    row = page.locator(".briefing-figures tr", has_text=figure["what"][:30]).first
    link = row.get_by_role("link", name="in the original")
    href = link.get_attribute("href") or ""
    assert href.startswith(ORIGINAL + "#:~:text=")
    terms = [unquote(term) for term in href.split(":~:text=", 1)[1].split(",")]
    sentence = _words(figure["sentence"])
    assert sentence.startswith(_words(terms[0])) and sentence.endswith(_words(terms[-1]))
    link.click()  # the original (served from the saved page) opens at the fragment
    page.wait_for_load_state("load")
    assert page.opened and page.opened[0].startswith(ORIGINAL)  # type: ignore[attr-defined]
    original = _words(page.locator("body").inner_text())
    assert _words(terms[0]) in original and _words(terms[-1]) in original
    page.wait_for_timeout(300)
    assert page.evaluate("window.scrollY") > 0  # Chromium found the sentence and scrolled to it
    page.goto(ORIGINAL)
    assert page.evaluate("window.scrollY") == 0  # without the fragment it stays at the top


def test_a_summary_sentence_links_to_the_original(page, server: str, project: Path) -> None:
    sentence = _briefing(project, "004-saved")["summary"][0]
    page.goto(server + "/articles/004-saved/")
    item = page.locator("article li", has_text=sentence[:40]).first
    href = item.get_by_role("link", name="in the original").get_attribute("href") or ""
    assert href.startswith(ORIGINAL + "#:~:text=") and page.get_by_text("Full text").count() == 0
    assert page.get_by_role("link", name="read the original").get_attribute("href") == ORIGINAL


def test_a_pasted_articles_sentence_is_on_the_page(page, server: str, project: Path) -> None:
    briefing = _briefing(project, "000-e66c796b78405ef7")
    page.goto(server + "/articles/000-e66c796b78405ef7/")
    text = " ".join(page.locator("article").inner_text().split())
    figure = briefing["figures"][0]
    assert " ".join(figure["sentence"].split()) in text
    row = " ".join(page.locator(".briefing-figures tr", has_text=figure["what"][:30]).first.inner_text().split())
    assert "(¶ " in row and page.locator("a[href*=':~:text=']").count() == 0
