"""Pure: digests become `Page`s (path under `docs/` and Markdown text) through Jinja2 templates.

Front matter is a dict serialised with `yaml.safe_dump`, never a template or an f-string.
Every value a template prints is escaped by `escape.escape_markdown`, the one choke point.
Never reads or writes files itself: the Jinja environment is passed in.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import jinja2
import yaml

from generator.escape import Trusted, escape_markdown
from generator.models import Digest, Page
from generator.settings import Settings
from generator.write import MARKER

SCHEMA_VERSION = 1
"""Version of the `briefing:` front matter schema documented in the README."""


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


def render_pages(digests: tuple[Digest, ...], settings: Settings, env: jinja2.Environment) -> tuple[Page, ...]:
    """Every page of the briefing: one per article, the home page and the tags page."""
    articles = tuple(_article_view(d, settings) for d in digests)
    pages = [
        _page(f"{settings.output_dir}/{view['slug']}.md", view["front_matter"], env, "article.md.j2", view)
        for view in articles
    ]
    home = {"title": "Briefing", "description": "Every article summarised, with key figures and quotes."}
    pages.append(_page("index.md", home, env, "index.md.j2", {"articles": articles, "source": "seeds/"}))
    tags = {"title": "Tags", "description": "People, places and organisations in the briefing."}
    pages.append(_page("tags.md", tags, env, "tags.md.j2", {"source": "seeds/"}))
    return tuple(sorted(pages, key=lambda p: p.path))


def article_front_matter(digest: Digest) -> dict[str, Any]:
    """The public front matter of an article page (schema in the README)."""
    article = digest.article
    return {
        # Material and MkDocs print these three into HTML unescaped (the tags listing, <title>,
        # <meta>), so they are HTML-escaped here; the raw values are under `briefing:`.
        "title": html.escape(article.title),
        "description": html.escape(digest.summary[0] if digest.summary else article.title),
        "tags": [html.escape(name) for name in digest.entities.all()],
        "briefing": {
            "schema": SCHEMA_VERSION,
            "kind": "article",
            "slug": digest.slug,
            "title": article.title,
            "source": article.source,
            "format": article.format,
            "url": article.url,
            "lang": digest.language,
            "notes": list(digest.notes),
            "publisher": article.publisher,
            "author": article.author,
            "published": article.published,
            "summary": list(digest.summary),
            "figures": [{"value": f.value, "what": f.what, "sentence": f.sentence} for f in digest.figures],
            "quotes": [{"text": q.text, "speaker": q.speaker, "via": q.via, "kind": q.kind} for q in digest.quotes],
            "entities": {
                "people": list(digest.entities.people),
                "places": list(digest.entities.places),
                "organisations": list(digest.entities.organisations),
            },
            "headings": [b.text for b in article.blocks if b.kind == "heading"],
            "removed": list(article.removed),
        },
    }


def _article_view(digest: Digest, settings: Settings) -> dict[str, Any]:
    front = article_front_matter(digest)
    return {
        "slug": digest.slug,
        "link": Trusted(f"{settings.output_dir}/{digest.slug}.md"),
        "front_matter": front,
        "article": digest.article,
        "briefing": front["briefing"],
        "source": digest.article.source,
        "blocks": digest.article.blocks,
    }


def _page(path: str, front: dict[str, Any], env: jinja2.Environment, template: str, context: dict[str, Any]) -> Page:
    header = yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=1_000_000)
    body = env.get_template(template).render(**context, marker=Trusted(MARKER), page_path=Trusted(path))
    return Page(path=path, text=f"---\n{header}---\n{body}")
