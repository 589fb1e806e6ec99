"""Pure: the public front matter of article and story pages (the schema in the README).

Dicts only; `render.py` serialises them with PyYAML's safe dumper. Material prints `title`,
`description` and `tags` into HTML unescaped, so those three are HTML-escaped here and the
raw values are kept under `briefing:`.
"""

from __future__ import annotations

import html
from typing import Any

from generator.briefs import Record
from generator.models import Citation, Digest, Story, StorySentence

SCHEMA_VERSION = 1
"""Version of the `briefing:` front matter schema."""


def article_front_matter(digest: Digest, story: str | None = None, *, full_text: bool = False) -> dict[str, Any]:
    """Front matter of an article page; `story` is the slug of the story it belongs to.

    The article's own text is copied only where the page shows it (summary, figures'
    sentences, quotes); its headings and the furniture lines removed from it come only
    with `full_text`, for private sites that publish the whole article."""
    article = digest.article
    return {
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
            "story": story,
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
            "headings": [b.text for b in article.blocks if b.kind == "heading"] if full_text else [],
            "removed": list(article.removed) if full_text else [],
        },
    }


def story_front_matter(story: Story, members: tuple[Record, ...]) -> dict[str, Any]:
    """Front matter of a story page: what the sources agree on and what each adds."""
    tags = list(dict.fromkeys(name for d in members for name in d.entities.all()))
    return {
        "title": html.escape(story.headline),
        "description": html.escape(story.summary[0].text if story.summary else story.headline),
        "tags": [html.escape(name) for name in tags],
        "briefing": {
            "schema": SCHEMA_VERSION,
            "kind": "story",
            "slug": story.slug,
            "headline": story.headline,
            "articles": list(story.articles),
            "summary": [_cited(s) for s in story.summary],
            "shared_facts": [{"text": f.text, "wordings": [_cited(w) for w in f.wordings]} for f in story.shared_facts],
            "only_in": {entry.source: [_cited(f) for f in entry.facts] for entry in story.only_in},
            "discrepancies": [{"what": d.what, "values": dict(d.values)} for d in story.discrepancies],
            "quotes": [
                {"text": q.text, "speaker": q.speaker, "via": q.via, "kind": q.kind, "source": q.source}
                for q in story.quotes
            ],
            "timeline": [{"date": t.date, "event": t.event, **_where(t.citation)} for t in story.timeline],
        },
    }


def _cited(sentence: StorySentence) -> dict[str, Any]:
    return {"text": sentence.text, **_where(sentence.citation)}


def _where(citation: Citation) -> dict[str, Any]:
    return {"source": citation.source, "paragraph": citation.paragraph}
