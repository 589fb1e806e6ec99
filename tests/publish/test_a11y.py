"""Where people read: link previews, feeds links, accessibility (axe-core) and phones, on a built site.

The site is the project built with the feeds, the export and the `overrides/` theme
(`test_export.build_wired_project`), served by `http.server` and driven in Debian's Chromium.
axe-core comes bundled with axe-playwright-python: nothing is downloaded.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest
from builders import ARTIFACTS, HOSTILE
from conftest import SITE_URL, build_wired_project, serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTICLE = "/articles/004-8498fe90dd55976d/"
PAGES = {
    "home": "/",
    "article": ARTICLE,
    "story": "/stories/kim-to-meet-putin-russia-seeks-closer-north/",
    "tags": "/tags/",
}
SCHEMES = {"light": "default", "dark": "slate"}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_wired_project(tmp_path_factory.getbasetemp() / "wired") / "site"


def _head(site: Path, path: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((site / path.strip("/") / "index.html").read_bytes()).find("head")


def _meta(head: lxml.html.HtmlElement, key: str) -> list[str]:
    return [m.get("content") for m in head.iter("meta") if key in (m.get("property"), m.get("name"))]


def test_article_link_preview_keeps_a_hostile_title_exact(site: Path) -> None:
    head = _head(site, "/articles/zz-hostile-title/")
    assert _meta(head, "og:title") == [HOSTILE]
    assert _meta(head, "twitter:title") == [] and _meta(head, "twitter:description") == []  # X reads og:
    assert _meta(head, "og:type") == ["article"] and _meta(head, "article:published_time") == ["2024-03-12"]
    description = _meta(head, "description")
    assert len(description) == 1 and _meta(head, "og:description") == description  # Material's, not repeated
    assert description[0].startswith("The town of Riverside held")
    assert _meta(head, "og:url") == [SITE_URL + "articles/zz-hostile-title/"]
    assert _meta(head, "og:site_name") == ["Briefing"] and _meta(head, "twitter:card") == ["summary"]
    assert head.findtext("title").startswith(HOSTILE)


@pytest.mark.parametrize("path", ["/", "/tags/", "/about/"])
def test_other_pages_are_websites_with_both_feeds(site: Path, path: str) -> None:
    head = _head(site, path)
    assert _meta(head, "og:type") == ["website"] and _meta(head, "article:published_time") == []
    assert len(_meta(head, "og:title")) == 1 and len(_meta(head, "description")) == 1
    feeds = {link.get("type"): link.get("href") for link in head.iter("link") if link.get("rel") == "alternate"}
    depth = "../" * path.strip("/").count("/") + ("../" if path != "/" else "")
    assert feeds == {"application/rss+xml": depth + "feed.xml", "application/feed+json": depth + "feed.json"}


@pytest.mark.parametrize("path", ["/", ARTICLE, "/about/"])
def test_the_search_dialog_is_named_in_the_page_itself(site: Path, path: str) -> None:
    """`overrides/main.html` names Material's search dialog in the HTML, not by a script: one
    dialog, one name (a Material release whose markup moved would lose it here first)."""
    page = lxml.html.fromstring((site / path.strip("/") / "index.html").read_bytes())
    (dialog,) = page.xpath('//*[@data-md-component="search"][@role="dialog"]')
    assert dialog.get("aria-label") == "Search"


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    yield from serve(site)


def _open(browser, server: str, path: str, **context_options):
    context = browser.new_context(**context_options)
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(server) else route.abort())
    page = context.new_page()
    page.goto(server + path)
    page.wait_for_load_state("load")
    return context, page


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("name", PAGES)
def test_no_serious_accessibility_violations(browser, server: str, name: str, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    color_scheme = "dark" if scheme == "dark" else "light"
    viewport = {"width": 1280, "height": 900}
    context, page = _open(browser, server, PAGES[name], color_scheme=color_scheme, viewport=viewport)
    assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme]
    results = Axe().run(page)
    context.close()
    serious = [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:5]} {v['help']}"
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    assert not serious, "\n".join(serious)


@pytest.mark.parametrize("name", PAGES)
def test_phone_has_no_horizontal_scrolling(browser, server: str, name: str) -> None:
    context, page = _open(
        browser,
        server,
        PAGES[name],
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
        device_scale_factor=2,
    )
    widths = page.evaluate(
        """() => ({
            viewport: window.innerWidth,
            document: document.documentElement.scrollWidth,
            body: document.body.scrollWidth,
            overflowing: [...document.querySelectorAll('.md-content *')]
                .filter(e => !e.closest('.md-typeset__scrollwrap'))
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                .map(e => e.tagName + '.' + e.className).slice(0, 5),
        })"""
    )
    assert widths["document"] <= widths["viewport"] and widths["body"] <= widths["viewport"], widths
    assert widths["overflowing"] == [], widths
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"phone-{name}.png"), full_page=True)
    context.close()
    context, page = _open(browser, server, PAGES[name], viewport={"width": 1280, "height": 900})
    page.screenshot(path=str(ARTIFACTS / f"desktop-{name}.png"), full_page=True)
    context.close()


def test_phone_key_figures_table_scrolls_in_its_own_box(browser, server: str) -> None:
    context, page = _open(browser, server, ARTICLE, viewport={"width": 390, "height": 844}, is_mobile=True)
    table = page.locator(".md-content table").first
    assert table.is_visible()
    box = table.evaluate(
        """t => {
            const wrap = t.closest('.md-typeset__scrollwrap');
            const r = (wrap || t).getBoundingClientRect();
            const overflow = wrap && getComputedStyle(wrap).overflowX;
            return {wrapped: !!wrap, overflow, right: r.right,
                    fits: !wrap || wrap.scrollWidth <= wrap.clientWidth || overflow !== 'visible'};
        }"""
    )
    context.close()
    assert box["wrapped"] and box["overflow"] in {"auto", "scroll"} and box["fits"], box
    assert box["right"] <= 390 + 1, box
