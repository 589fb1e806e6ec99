"""feeds.py: RSS 2.0 and JSON Feed 1.1 of articles and stories, newest first, escaped by libraries."""

from __future__ import annotations

import html
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest
from builders import DIGESTS, HOSTILE, ROOT, build_digest, build_story

from generator.models import Digest
from generator.output.feeds import FEED_JSON, FEED_XML, JSON_FEED_VERSION, render_feeds

SITE = "https://example.org/briefing/"


def _pages(digests=DIGESTS, stories=(), site_url: str | None = SITE) -> dict[str, str]:
    pages = render_feeds(digests, stories, site_url=site_url, site_name="Briefing")
    return {p.path: p.text for p in pages}


def test_rss_entries_are_newest_first_then_undated_by_title() -> None:
    feed = feedparser.parse(_pages()[FEED_XML])
    assert not feed.bozo, feed.get("bozo_exception")
    assert [e.title for e in feed.entries] == ["alpha", "Bravo", "Able", "Charlie", "Echo"]
    assert feed.entries[0].link == SITE + "articles/a-new/"
    assert tuple(feed.entries[0].published_parsed[:3]) == (2024, 3, 4)
    assert tuple(feed.entries[1].published_parsed[:3]) == (2024, 1, 2)
    assert all("published" not in e for e in feed.entries[2:])  # undated, and an impossible date, carry none
    assert feed.entries[0].author_detail.name in {"Ann Lee", "The Paper"}
    assert feed.entries[0].dc_source == "https://news.example/a"
    assert feed.feed.title == "Briefing" and feed.feed.link == SITE


def test_feeds_carry_only_the_newest_items() -> None:
    pages = {p.path: p.text for p in render_feeds(DIGESTS, site_url=SITE, site_name="Briefing", size=2)}
    assert [e.title for e in feedparser.parse(pages[FEED_XML]).entries] == ["alpha", "Bravo"]
    assert [i["title"] for i in json.loads(pages[FEED_JSON])["items"]] == ["alpha", "Bravo"]


def test_json_feed_has_the_required_structure() -> None:
    feed = json.loads(_pages()[FEED_JSON])
    assert feed["version"] == JSON_FEED_VERSION and feed["title"] == "Briefing"
    assert feed["home_page_url"] == SITE and feed["feed_url"] == SITE + FEED_JSON
    first = feed["items"][0]
    assert first["id"] == first["url"] == SITE + "articles/a-new/"
    assert first["date_published"] == "2024-03-04T00:00:00Z"
    assert first["summary"] == "First sentence." and first["content_text"] == "First sentence. Second sentence."
    assert first["external_url"] == "https://news.example/a"
    assert first["_briefing"]["sources"][0]["url"] == "https://news.example/a"
    assert [i["title"] for i in feed["items"]] == ["alpha", "Bravo", "Able", "Charlie", "Echo"]
    assert all("date_published" not in i for i in feed["items"][2:])
    assert all({"id", "url", "title", "content_text"} <= set(i) for i in feed["items"])


def test_links_are_relative_to_the_site_root_without_site_url() -> None:
    pages = _pages(site_url=None)
    feed = json.loads(pages[FEED_JSON])
    assert "home_page_url" not in feed and "feed_url" not in feed
    assert feed["items"][0]["url"] == "articles/a-new/"
    channel = ET.fromstring(pages[FEED_XML]).find("channel")
    assert channel is not None
    assert [i.findtext("link") for i in channel.iter("item")][0] == "articles/a-new/"
    assert channel.find("item/guid").get("isPermaLink") == "false"  # type: ignore[union-attr]


def test_story_items_carry_their_sources_and_newest_member_date() -> None:
    story = build_story("alpha-bravo", "Alpha and Bravo", DIGESTS[0], DIGESTS[1])
    feed = json.loads(_pages(stories=(story,))[FEED_JSON])
    item = next(i for i in feed["items"] if i["_briefing"]["kind"] == "story")
    assert item["url"] == SITE + "stories/alpha-bravo/"
    assert item["date_published"] == "2024-03-04T00:00:00Z"
    assert {s["link"] for s in item["_briefing"]["sources"]} == {SITE + "articles/a-new/", SITE + "articles/b-old/"}
    titles = [e.title for e in feedparser.parse(_pages(stories=(story,))[FEED_XML]).entries]
    assert titles[:3] == ["alpha", "Alpha and Bravo", "Bravo"]  # the same date: by title


def test_hostile_title_survives_both_feeds() -> None:
    digest = build_digest("hostile", HOSTILE + "\x0b", "2024-03-12", summary=(HOSTILE + " said <i>so</i>.",))
    pages = _pages((digest,))
    tree = ET.fromstring(pages[FEED_XML])  # well-formed despite the control character
    assert tree.findtext("channel/item/title") == HOSTILE
    assert html.unescape(tree.findtext("channel/item/description") or "") == HOSTILE + " said <i>so</i>."
    entry = feedparser.parse(pages[FEED_XML]).entries[0]
    assert entry.title == HOSTILE
    assert html.unescape(entry.summary) == HOSTILE + " said <i>so</i>."
    item = json.loads(pages[FEED_JSON])["items"][0]
    assert item["title"] == HOSTILE + "\x0b" and "🎉" in pages[FEED_JSON]  # JSON can carry it, escaped


def test_same_input_gives_the_same_bytes_in_any_order() -> None:
    first = render_feeds(DIGESTS, site_url=SITE, site_name="Briefing")
    again = render_feeds(tuple(reversed(DIGESTS)), site_url=SITE, site_name="Briefing")
    assert first == again
    assert all(p.text.endswith("\n") for p in first)


@pytest.fixture(scope="module")
def seed_digests() -> tuple[Digest, ...]:
    """The project's seeds, read, cleaned and analysed as a build does."""
    from generator.analysis.digest import digest_seeds
    from generator.ingest.read import read_seeds
    from generator.settings import load_settings

    settings = load_settings(ROOT / "mkdocs.yml")
    seeds, _ = read_seeds(settings.seeds_path, settings.root, settings.max_seed_bytes)
    digests, _ = digest_seeds(seeds, settings)
    return digests


def test_feed_of_the_seeds_matches_them(seed_digests: tuple[Digest, ...]) -> None:
    pages = _pages(seed_digests)
    feed = feedparser.parse(pages[FEED_XML])
    by_link = {e.link: e for e in feed.entries}
    assert len(feed.entries) == len(seed_digests)
    for digest in seed_digests:
        entry = by_link[SITE + f"articles/{digest.slug}/"]
        assert entry.title == digest.article.title
        stated = digest.article.published
        assert (tuple(entry.published_parsed[:3]) if "published" in entry else None) == (
            tuple(int(n) for n in stated.split("-")) if stated else None
        )
    assert Path(ROOT / "seeds").is_dir()
