"""The built site in a real headless Chromium (Debian's, driven by Playwright; no browser download)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from builders import ARTIFACTS, ROOT
from conftest import make_project, offline_page, run_build, serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def server(built_project: Path) -> Iterator[str]:
    yield from serve(built_project / "site")


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The hostile seed built with `full_text: true`, so that every line of it is on its page."""
    project = make_project(
        tmp_path_factory.mktemp("hostile-full"), [ROOT / "tests" / "fixtures" / "hostile" / "injection.txt"]
    )
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("full_text: false", "full_text: true", 1), encoding="utf-8"
    )
    result = run_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    yield from serve(project / "site")


@pytest.fixture()
def page(browser, server: str):
    yield from offline_page(browser, server)


def _front_matter(built_project: Path, slug: str) -> dict:
    text = (built_project / "docs" / "articles" / f"{slug}.md").read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])["briefing"]


def test_home_page_lists_articles_with_summaries(page, server: str, built_project: Path) -> None:
    page.goto(server + "/")
    briefing = _front_matter(built_project, "000-e66c796b78405ef7")
    content = page.locator("article")
    assert "Kim to meet Putin" in content.inner_text()
    assert briefing["summary"][0][:60] in " ".join(content.inner_text().split())
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "home.png"), full_page=True)


def test_article_page_shows_summary_quote_speaker_and_figure(page, server: str, built_project: Path) -> None:
    briefing = _front_matter(built_project, "004-8498fe90dd55976d")
    page.goto(server + "/articles/004-8498fe90dd55976d/")
    text = " ".join(page.locator("article").inner_text().split())
    assert briefing["summary"][0] in text
    quote = next(q for q in briefing["quotes"] if q["speaker"] == "Adrienne Watson")
    figure_element = page.locator("figure.briefing-quote", has_text=quote["text"][:40])
    assert figure_element.locator("blockquote").is_visible()
    assert "Adrienne Watson" in figure_element.locator("figcaption").inner_text()
    figure = briefing["figures"][0]
    row = page.locator("table tr", has_text=figure["what"][:30]).first
    assert row.is_visible() and figure["value"] in row.inner_text()
    page.screenshot(path=str(ARTIFACTS / "article.png"), full_page=True)
    # Pasted text has no original to link to: the figure's sentence is the evidence, with its paragraph.
    cell = " ".join(row.inner_text().split())
    assert figure["sentence"][:60] in cell and "(¶ " in cell
    assert page.get_by_text("Full text").count() == 0


def test_dark_scheme_renders(browser, server: str) -> None:
    context = browser.new_context(color_scheme="dark", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + "/articles/000-e66c796b78405ef7/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "article-dark.png"))
    context.close()


def test_article_text_never_executes_or_adds_elements(browser, hostile_server: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for path in ("/", "/articles/injection/", "/tags/"):
        page.goto(hostile_server + path)
        page.wait_for_load_state("load")
        content = page.locator("article")
        assert content.locator("script, iframe, img, b, [onerror], [onclick], a[href^='javascript']").count() == 0
        assert content.locator(".admonition.danger, th:text-is('not'), th:text-is('table')").count() == 0
        assert "<script>" in page.title() or path != "/articles/injection/"
    page.goto(hostile_server + "/articles/injection/")
    text = page.locator("article").text_content() or ""
    assert "<script>alert(1)</script>" in text and '<img src=x onerror="alert(2)">' in text
    assert "{{ config.site_name }}" in text and "[click me](javascript:alert(3))" in text
    page.wait_for_timeout(300)
    assert dialogs == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "hostile.png"), full_page=True)
    context.close()


def test_story_page_shows_sources_agreement_and_additions(page, server: str, built_project: Path) -> None:
    stories = sorted((built_project / "docs" / "stories").glob("*.md"))
    assert len(stories) == 1
    briefing = yaml.safe_load(stories[0].read_text(encoding="utf-8").split("---\n")[1])["briefing"]
    page.goto(f"{server}/stories/{stories[0].stem}/")
    text = " ".join(page.locator("article").inner_text().split())
    assert "The New Daily" in text and "Euro Weekly News" in text
    assert page.get_by_role("heading", name="What the sources agree on").is_visible()
    fact = page.locator("details.briefing-fact").first
    assert fact.locator("summary").inner_text().startswith(briefing["shared_facts"][0]["text"][:40])
    for source, facts in briefing["only_in"].items():
        assert facts[0]["text"][:50] in text, source
    page.screenshot(path=str(ARTIFACTS / "story.png"), full_page=True)
    # Provenance of pasted text: the sentence is on the page with its paragraph number, and
    # its source's name leads to that article's page.
    first = briefing["summary"][0]
    item = page.locator("article li", has_text=first["text"][:40]).first
    assert "¶ " in item.inner_text()
    item.locator("a").first.click()
    page.wait_for_load_state("load")
    assert "/articles/" in page.url and "#" not in page.url


def test_home_page_puts_stories_first(page, server: str) -> None:
    page.goto(server + "/")
    first = page.locator("article h2").first.inner_text()
    assert first.startswith("Kim to meet Putin")
    assert "Story · 2 sources" in page.locator("article").inner_text()
