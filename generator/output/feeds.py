"""Pure: the briefing as feeds, `feed.xml` (RSS 2.0) and `feed.json` (JSON Feed 1.1), for feed readers.

One item per article and per story, newest first, each with its title, link, summary,
publication date and sources. Both files are built as data and serialised by libraries
(`xml.etree.ElementTree`, `json.dumps`), never by string concatenation, so `&`, `<`,
quotes and emoji in a title survive exactly.

Dates, the one rule: an article's date is the `published` date its seed states; a story's
date is the newest date stated by any of its articles. A date is midnight UTC of that day.
Items with a date come first, newest first; items without one come after them and carry no
date at all. Ties, and the undated items, are ordered by title (case-folded), then kind,
then slug. The build time and file times are never used, so the same seeds give the same
bytes.

Links are absolute when `site_url` is set, else relative to the site root (`articles/<slug>/`),
which readers resolve against the feed's own address at the root.

Never reads or writes files, and never looks at the clock.
"""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from email.utils import format_datetime
from typing import Any

from generator.briefs import Record, StoryRecord
from generator.models import MARKER, Page

FEED_XML = "feed.xml"
"""Path of the RSS 2.0 feed under `docs/` (and the site root)."""
FEED_JSON = "feed.json"
"""Path of the JSON Feed 1.1 under `docs/` (and the site root)."""
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"

_DC = "http://purl.org/dc/elements/1.1/"
_ATOM = "http://www.w3.org/2005/Atom"
ET.register_namespace("dc", _DC)
ET.register_namespace("atom", _ATOM)
# Characters XML 1.0 cannot carry at all; a pasted seed may hold any of them.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class FeedSource:
    """One article an item draws on: where it was published and where it is on this site."""

    title: str
    source: str
    """The seed's path, e.g. `seeds/000_x.txt`."""
    publisher: str | None
    author: str | None
    url: str | None
    """The original's canonical address, where the seed states it."""
    path: str
    """The article's page, relative to the site root."""


@dataclass(frozen=True)
class FeedItem:
    """An article or a story as a feed item, before it is serialised."""

    kind: str
    slug: str
    title: str
    path: str
    """The page, relative to the site root, e.g. `articles/<slug>/`."""
    summary: tuple[str, ...]
    published: str | None
    """`YYYY-MM-DD` by the module's date rule, or None."""
    sources: tuple[FeedSource, ...]
    tags: tuple[str, ...]


def render_feeds(
    digests: tuple[Record, ...],
    stories: tuple[StoryRecord, ...] = (),
    *,
    site_url: str | None,
    site_name: str,
    site_description: str = "",
    article_dir: str = "articles",
    story_dir: str = "stories",
    size: int = 50,
) -> tuple[Page, ...]:
    """`feed.xml` and `feed.json`: the `size` first articles and stories, newest first."""
    items = feed_items(digests, stories, article_dir=article_dir, story_dir=story_dir)[:size]
    description = site_description or f"{site_name}: every article summarised."
    return (
        Page(FEED_JSON, _json_feed(items, site_url, site_name, description)),
        Page(FEED_XML, _rss_feed(items, site_url, site_name, description)),
    )


def feed_items(
    digests: tuple[Record, ...],
    stories: tuple[StoryRecord, ...] = (),
    *,
    article_dir: str = "articles",
    story_dir: str = "stories",
) -> tuple[FeedItem, ...]:
    """Articles and stories as feed items, ordered by the module's date rule."""
    sources = {d.article.source: _source(d, article_dir) for d in digests}
    by_source = {d.article.source: d for d in digests}
    items = [_article_item(d, sources[d.article.source], article_dir) for d in digests]
    items += [_story_item(s, by_source, sources, story_dir) for s in stories]
    return order_items(items)


def order_items(items: Iterable[FeedItem]) -> tuple[FeedItem, ...]:
    """Dated items newest first, then undated ones; ties by title, kind and slug."""
    by_name = sorted(items, key=lambda i: (i.title.casefold(), i.title, i.kind, i.slug))
    dated = sorted((i for i in by_name if i.published), key=lambda i: str(i.published), reverse=True)
    return tuple(dated + [i for i in by_name if not i.published])


def story_published(story: StoryRecord, digests: Iterable[Record]) -> str | None:
    """A story's date: the newest date stated by any of its articles, else None."""
    members = set(story.articles)
    stated = [_valid(d.article.published) for d in digests if d.article.source in members]
    return max((d for d in stated if d), default=None)


def site_link(path: str, site_url: str | None) -> str:
    """`path` (relative to the site root) as a link: absolute when `site_url` is set."""
    if not site_url:
        return path
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def _source(digest: Record, article_dir: str) -> FeedSource:
    article = digest.article
    path = f"{article_dir}/{digest.slug}/"
    return FeedSource(article.title, article.source, article.publisher, article.author, article.url, path)


def _article_item(digest: Record, source: FeedSource, article_dir: str) -> FeedItem:
    article = digest.article
    return FeedItem(
        "article",
        digest.slug,
        article.title,
        f"{article_dir}/{digest.slug}/",
        digest.summary,
        _valid(article.published),
        (source,),
        digest.entities.all(),
    )


def _story_item(
    story: StoryRecord, by_source: dict[str, Record], sources: dict[str, FeedSource], story_dir: str
) -> FeedItem:
    members = tuple(by_source[a] for a in story.articles if a in by_source)
    tags = tuple(dict.fromkeys(name for d in members for name in d.entities.all()))
    return FeedItem(
        "story",
        story.slug,
        story.headline,
        f"{story_dir}/{story.slug}/",
        tuple(s.text for s in story.summary),
        story_published(story, members),
        tuple(sources[d.article.source] for d in members),
        tags,
    )


def _valid(published: str | None) -> str | None:
    try:
        return date.fromisoformat(published).isoformat() if published else None
    except ValueError:
        return None


def _moment(published: str) -> datetime:
    return datetime.combine(date.fromisoformat(published), time(), tzinfo=UTC)


def _description(item: FeedItem) -> str:
    return item.summary[0] if item.summary else item.title


def _authors(item: FeedItem) -> list[str]:
    return list(dict.fromkeys(name for s in item.sources for name in (s.author, s.publisher) if name))


def _json_feed(items: tuple[FeedItem, ...], site_url: str | None, name: str, description: str) -> str:
    feed: dict[str, Any] = {"version": JSON_FEED_VERSION, "title": name, "description": description}
    if site_url:
        feed["home_page_url"] = site_link("", site_url)
        feed["feed_url"] = site_link(FEED_JSON, site_url)
    feed["items"] = [_json_item(item, site_url) for item in items]
    return json.dumps(feed, ensure_ascii=False, separators=(",", ":")) + "\n"


def _json_item(item: FeedItem, site_url: str | None) -> dict[str, Any]:
    link = site_link(item.path, site_url)
    entry: dict[str, Any] = {
        "id": link,
        "url": link,
        "title": item.title,
        "summary": _description(item),
        "content_text": " ".join(item.summary) or item.title,
    }
    if item.kind == "article" and item.sources[0].url:
        entry["external_url"] = item.sources[0].url
    if item.published:
        entry["date_published"] = _moment(item.published).isoformat().replace("+00:00", "Z")
    if authors := _authors(item):
        entry["authors"] = [{"name": name} for name in authors]
    if item.tags:
        entry["tags"] = list(item.tags)
    sources = [_json_source(s, site_url) for s in item.sources]
    entry["_briefing"] = {"kind": item.kind, "slug": item.slug, "sources": sources}
    return entry


def _json_source(source: FeedSource, site_url: str | None) -> dict[str, Any]:
    return {
        "title": source.title,
        "source": source.source,
        "publisher": source.publisher,
        "author": source.author,
        "url": source.url,
        "link": site_link(source.path, site_url),
    }


def _rss_feed(items: tuple[FeedItem, ...], site_url: str | None, name: str, description: str) -> str:
    rss = ET.Element("rss", {"version": "2.0"})
    rss.append(ET.Comment(f" {MARKER.removeprefix('<!-- ')}: edits here are overwritten on the next build "))
    channel = ET.SubElement(rss, "channel")
    _text(channel, "title", name)
    _text(channel, "link", site_link("", site_url) or "./")
    _text(channel, "description", description)
    if site_url:
        ET.SubElement(
            channel,
            f"{{{_ATOM}}}link",
            {"href": site_link(FEED_XML, site_url), "rel": "self", "type": "application/rss+xml"},
        )
    _text(channel, "generator", "Briefing")
    newest = next((i.published for i in items if i.published), None)
    if newest:
        _text(channel, "lastBuildDate", format_datetime(_moment(newest)))
    for item in items:
        channel.append(_rss_item(item, site_url))
    ET.indent(rss)
    return ET.tostring(rss, encoding="utf-8", xml_declaration=True).decode("utf-8") + "\n"


def _rss_item(item: FeedItem, site_url: str | None) -> ET.Element:
    element = ET.Element("item")
    link = site_link(item.path, site_url)
    _text(element, "title", item.title)  # plain text, as the RSS best practices profile asks
    _text(element, "link", link)
    # <description> is HTML by convention, so the text is HTML-escaped here and XML-escaped by ElementTree.
    _text(element, "description", html.escape(" ".join(item.summary) or item.title))
    _text(element, "guid", link, {"isPermaLink": "true" if site_url else "false"})
    if item.published:
        _text(element, "pubDate", format_datetime(_moment(item.published)))
    for name in _authors(item):
        _text(element, f"{{{_DC}}}creator", name)
    for source in item.sources:
        _text(element, f"{{{_DC}}}source", source.url or source.source)
    for tag in item.tags:
        _text(element, "category", tag)
    return element


def _text(parent: ET.Element, tag: str, text: str, attributes: dict[str, str] | None = None) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes or {})
    element.text = _NOT_XML.sub("", text)
    return element
