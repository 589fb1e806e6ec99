"""Pure: digests and stories become `Page`s (path under `docs/` and Markdown text) through Jinja2.

Front matter is a dict serialised by PyYAML's safe dumper, never a template or an f-string.
Every value a template prints is escaped by `escape.escape_markdown`, the one choke point.
Never reads or writes files itself: the Jinja environment is passed in.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import jinja2
import yaml

from generator.briefs import InMemory, Library, Record, StoryRecord
from generator.models import MARKER, Block, Citation, Page, StorySentence
from generator.output.escape import Trusted, escape_markdown
from generator.output.export import DATA_DIR, index_files, item_files, settings_data
from generator.output.feeds import render_feeds
from generator.output.front_matter import article_front_matter, story_front_matter
from generator.output.listing_pages import Context, entity_index_pages, entity_pages, home_pages, name_index
from generator.output.listings import ENTITY_KINDS
from generator.output.provenance import evidence, link_target, original_at, paragraph_number
from generator.settings import Settings
from generator.text.dates import iso_day

# libyaml's safe dumper when PyYAML has it (the wheels do): same output, many times faster.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

STORIES_DIR = "stories"
"""Folder under `docs/` for story pages."""


def make_environment(templates: Path) -> jinja2.Environment:
    """A Jinja environment over `templates/` that escapes every printed value."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        autoescape=False,
        finalize=escape_markdown,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def iter_pages(
    digests: tuple[Record, ...],
    stories: tuple[StoryRecord, ...],
    settings: Settings,
    env: jinja2.Environment,
    identities: Mapping[str, str] | None = None,
    library: Library | None = None,
) -> Iterator[Page]:
    """Every page of the briefing (articles, stories, listings, feeds and the data export), one
    at a time, so that a build holds one page's text at once, not the whole site's (hundreds
    of MB at 10,000 articles).

    `identities` maps an article's source to a key that changes whenever its digest, its
    slug, the settings or the code do (`DigestCache.identity`). With it, the pages and data
    files of articles and stories, and the letter pages of names, come with a `key` of what
    they are made from and are made only when the writer asks: after one edit, most pages
    need not be made again.

    Articles and stories may come whole or in brief (`Brief`, `StoryHead`): listings, feeds
    and the index need no more, and a page that is made takes the whole one from `library`
    (default: they are whole already).
    """
    library = library or InMemory()

    def make(path: str, front: dict[str, Any], template: str, context: Context, inputs: Any = None) -> Page:
        render = lambda: _page(path, front, env, template, context() if callable(context) else context).text  # noqa: E731
        return keyed(path, (), [front, inputs], render) if inputs is not None else Page(path, render())

    def keyed(path: str, sources: Sequence[str], extra: list[Any], render: Callable[[], str]) -> Page:
        """A page made from the articles `sources` and the JSON data `extra`, with a key when
        there are identities and every one of those articles has one."""
        known = [identities.get(source) for source in sorted(sources)] if identities is not None else [None]
        if None in known:
            return Page(path, render())
        key = hashlib.sha256(json.dumps([templates, path, *known, *extra]).encode("utf-8")).hexdigest()
        return Page(path, key=key, render=render)

    def deferred(path: str, template: str, view: dict[str, Any], sources: Sequence[str], extra: list[Any]) -> Page:
        def render() -> str:
            full = view["full"](view)
            return _page(path, full["front_matter"], env, template, full).text

        return keyed(path, sources, [*extra, view["chips"]], render)

    templates = templates_fingerprint(env) if identities is not None else ""

    story_of = {source: story.slug for story in stories for source in story.articles}
    articles = {d.article.source: _article_view(d, story_of.get(d.article.source), settings, library) for d in digests}
    story_views = [_story_view(s, tuple(articles[a] for a in s.articles), settings, library) for s in stories]
    views = [*articles.values(), *story_views]
    names = name_index(views, settings.page_size)
    chips = {key: (key[1], Trusted("../" + link)) for key, link in names.links.items()}  # one per name
    for view in views:
        view["chips"] = [chips[(kind, name)] for kind, _ in ENTITY_KINDS for name in view["entities"][kind]]
    yield from entity_pages(names, settings.page_size, make)
    for v in articles.values():
        yield deferred(f"{settings.output_dir}/{v['slug']}.md", "article.md.j2", v, [v["source"]], [v["story"]])
    for v in story_views:
        yield deferred(f"{STORIES_DIR}/{v['slug']}.md", "story.md.j2", v, v["story"].articles, [])
    ranked = sorted(story_views, key=lambda v: (-len(v["members"]), v["story"].headline, v["slug"]))
    yield from home_pages(ranked + [v for v in articles.values() if v["story"] is None], settings.page_size, make)
    yield from entity_index_pages(names, make)
    yield from render_feeds(
        digests,
        stories,
        site_url=settings.site_url,
        site_name=settings.site_name,
        site_description=settings.site_description,
        article_dir=settings.output_dir,
        story_dir=STORIES_DIR,
        size=settings.feed_size,
    )
    index = index_files(
        digests, stories, settings=settings_data(settings), article_dir=settings.output_dir, story_dir=STORIES_DIR
    )
    yield from (Page(f"{DATA_DIR}/{path}", text) for path, text in index.items())
    for item in item_files(digests, stories, library, full_text=settings.full_text):
        yield keyed(f"{DATA_DIR}/{item.path}", item.sources, [item.story], item.text)


def templates_fingerprint(env: jinja2.Environment) -> str:
    """A hash of every template's source: a changed template changes every page key."""
    digest = hashlib.sha256()
    assert env.loader is not None
    for name in env.list_templates():
        digest.update(name.encode("utf-8") + b"\0" + env.loader.get_source(env, name)[0].encode("utf-8") + b"\0")
    return digest.hexdigest()


def _article_view(digest: Record, story: str | None, settings: Settings, library: Library) -> dict[str, Any]:
    """What listings need of an article, and under `full` the whole view its page is made from
    (its whole digest and front matter: read and made only for a page that is made)."""
    article, entities = digest.article, digest.entities
    view: dict[str, Any] = {
        "kind": "article",
        "title": article.title,
        "entities": {
            "people": list(entities.people),
            "places": list(entities.places),
            "organisations": list(entities.organisations),
        },
        "slug": digest.slug,
        "link": Trusted(f"{settings.output_dir}/{digest.slug}.md"),
        "story": story,
        "digest": digest,
        "article": article,
        "source": article.source,
        "briefing": {
            "publisher": article.publisher,
            "author": article.author,
            "published": article.published,
            "summary": list(digest.summary),
        },
    }

    # `full` takes the view as an argument: a closure over it would be a reference cycle,
    # and 13,000 views would then wait for the cycle collector after every build.
    view["full"] = partial(_whole_article_view, digest, story, settings, library)
    return view


def _whole_article_view(
    digest: Record, story: str | None, settings: Settings, library: Library, view: dict[str, Any]
) -> dict[str, Any]:
    """An article's view with its whole digest and front matter, for its page."""
    whole = library.digest(digest)
    front = article_front_matter(whole, story, full_text=settings.full_text)
    blocks = whole.article.blocks
    where = partial(evidence, blocks=blocks, url=whole.article.url, full_text=settings.full_text)
    return {
        **view,
        "digest": whole,
        "article": whole.article,
        "story_link": Trusted(f"../{STORIES_DIR}/{story}.md") if story else None,
        "front_matter": front,
        "briefing": front["briefing"],
        "full_text": settings.full_text,
        "blocks": list(enumerate(blocks)) if settings.full_text else [],
        "summary_rows": [(s, *where(s)) for s in whole.summary],
        "figure_rows": [(f, *where(f.sentence)) for f in whole.figures],
        "quote_rows": [(q, *where(q["text"])) for q in front["briefing"]["quotes"]],
        "search_full_text": settings.search_full_text,
        "original": _link_target(whole.article.url),
    }


def _link_target(url: str | None) -> Trusted | None:
    """An http(s) address made safe to print inside a Markdown link's parentheses."""
    target = link_target(url)
    return Trusted(target) if target else None


def _story_view(
    story: StoryRecord, members: tuple[dict[str, Any], ...], settings: Settings, library: Library
) -> dict[str, Any]:
    """What listings need of a story, and under `full` the whole view its page is made from."""
    entities = {
        kind: list(dict.fromkeys(n for m in members for n in m["entities"][kind]))
        for kind in ("people", "places", "organisations")
    }
    view: dict[str, Any] = {
        "kind": "story",
        "title": story.headline,
        "entities": entities,
        "slug": story.slug,
        "link": Trusted(f"{STORIES_DIR}/{story.slug}.md"),
        "story": story,
        "members": members,
    }

    # no closure over the view: see articles
    view["full"] = partial(_whole_story_view, story, settings.full_text, library)
    return view


def date_span(dates: Iterable[str | None]) -> tuple[str, str] | None:
    """The first and last of the calendar days given (ISO, invalid ones ignored); None without any."""
    days = sorted(day for day in map(iso_day, dates) if day)
    return (days[0].isoformat(), days[-1].isoformat()) if days else None


def _whole_story_view(story: StoryRecord, full_text: bool, library: Library, view: dict[str, Any]) -> dict[str, Any]:
    """A story's view with the whole story and its front matter, for its page."""
    whole = library.story(story)
    members = view["members"]
    by_source = {m["source"]: m for m in members}
    front = story_front_matter(whole, tuple(m["digest"] for m in members))
    blocks: dict[str, tuple[Block, ...]] = {}

    def number(source: str, paragraph: int) -> str:
        """ "¶ N" where the sentence's only evidence is the sentence itself (pasted text, no full text)."""
        if full_text or by_source[source]["digest"].article.url:
            return ""
        if source not in blocks:
            blocks[source] = library.digest(by_source[source]["digest"]).article.blocks
        found = paragraph_number(blocks[source], paragraph)
        return f"¶ {found}" if found else ""

    def cite(source: str, paragraph: int, text: str) -> Trusted:
        """The paragraph's anchor with the full text; else the original at `text`; else the article's page."""
        page = f"../{by_source[source]['link']}"
        if full_text:
            return Trusted(f"{page}#p-{paragraph}")
        return Trusted(original_at(by_source[source]["digest"].article.url, text) or page)

    return {
        **view,
        "story": whole,
        "by_source": by_source,
        "front_matter": front,
        "briefing": front["briefing"],
        "span": date_span(m["briefing"].get("published") for m in members),
        "cite": cite,
        "number": number,
        "full_text": full_text,
        "same_words": same_words,
    }


def same_words(wordings: Sequence[StorySentence]) -> list[tuple[str, list[Citation]]]:
    """Each distinct wording once, with every source that uses it word for word, in order of
    first use: wire copy carried by several outlets is shown once, not once per outlet."""
    grouped: dict[str, list[Citation]] = {}
    for wording in wordings:
        grouped.setdefault(wording.text, []).append(wording.citation)
    return list(grouped.items())


def _page(path: str, front: dict[str, Any], env: jinja2.Environment, template: str, context: dict[str, Any]) -> Page:
    header = yaml.dump(front, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=1_000_000)
    body = env.get_template(template).render(**context, marker=Trusted(MARKER), page_path=Trusted(path))
    return Page(path=path, text=f"---\n{header}---\n{body}")
