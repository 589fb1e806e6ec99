"""Pure: the listing pages (home, entity pages, entity index) as `Page`s, paginated.

Views come from `render.py`; each has a root-relative `link`, a `kind` (`article` or
`story`) and its `entities`. Links are made relative to the page they appear on.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any

from generator.escape import Trusted
from generator.listings import Listing, entity_members, initial, paginate, unique_entity_names
from generator.models import Page

PageMaker = Callable[[str, dict[str, Any], str, dict[str, Any]], Page]
_TOP_ENTITIES = 30
_MIN_ARTICLES = 2
"""Articles that must mention a name before it gets a page of its own."""
_SINGULAR = {"people": "Person", "places": "Place", "organisations": "Organisation"}


def home_pages(items: Sequence[dict[str, Any]], size: int, make: PageMaker) -> list[Page]:
    """The home page and its older pages: stories first, then articles outside any story."""
    pages = []
    for listing in paginate("index.md", "briefing/page-{n}.md", items, size):
        title = "Briefing" if listing.number == 1 else f"Briefing, page {listing.number}"
        front: dict[str, Any] = {
            "title": title,
            "description": "Stories and articles, summarised, with key figures and quotes.",
        }
        if listing.number > 1:
            front["search"] = {"exclude": True}  # listings repeat what the pages they list say
        pages.append(make(listing.path, front, "index.md.j2", _context(listing)))
    return pages


def entity_pages(
    views: Sequence[dict[str, Any]], size: int, make: PageMaker
) -> tuple[list[Page], dict[tuple[str, str], str]]:
    """A paginated page per person, place and organisation that two or more articles mention;
    and each such entity's page-1 path. A name only one article mentions links to that article
    instead: a page per passing mention would multiply the site's pages."""
    members = {key: items for key, items in entity_members(views).items() if _articles(items) >= _MIN_ARTICLES}
    slugs = unique_entity_names(members)
    paths = {key: f"entities/{key[0]}/{slug}.md" for key, slug in slugs.items()}
    pages = []
    for (kind, name), items in sorted(members.items()):
        first = paths[(kind, name)]
        for listing in paginate(first, first[:-3] + "-page-{n}.md", items, size):
            front = {
                "title": html.escape(name),
                "description": f"Stories and articles that mention {html.escape(name)}.",
                "search": {"exclude": True},
            }
            context = {**_context(listing), "name": name, "kind": _SINGULAR[kind], "count": len(items)}
            pages.append(make(listing.path, front, "entity.md.j2", context))
    return pages, paths


def entity_index_pages(
    views: Sequence[dict[str, Any]], paths: dict[tuple[str, str], str], size: int, make: PageMaker
) -> list[Page]:
    """`tags.md` (the most mentioned names and the letters) and one paginated page per letter."""
    members = entity_members(views)
    letters: dict[str, list[dict[str, Any]]] = {}
    for (kind, name), items in sorted(members.items(), key=lambda kv: (kv[0][1].casefold(), kv[0][0])):
        letters.setdefault(initial(name), []).append(_entry(kind, name, items, paths))
    letter_paths = {letter: f"entities/index-{'other' if letter == '#' else letter}.md" for letter in letters}
    ranked = sorted(members.items(), key=lambda kv: (-len(kv[1]), kv[0][1], kv[0][0]))
    top = [_entry(kind, name, items, paths) for (kind, name), items in ranked[:_TOP_ENTITIES]]
    front = {"title": "Tags", "description": "People, places and organisations in the briefing."}
    index = {
        "top": top,
        "letters": [(letter, Trusted(letter_paths[letter]), len(letters[letter])) for letter in sorted(letters)],
        "up": Trusted(""),
    }
    pages = [make("tags.md", front, "tags.md.j2", index)]
    for letter, entries in sorted(letters.items()):
        first = letter_paths[letter]
        for listing in paginate(first, first[:-3] + "-page-{n}.md", entries, size * 4):
            title = f"Names: {letter.upper()}" + ("" if listing.number == 1 else f", page {listing.number}")
            pages.append(
                make(
                    listing.path,
                    {"title": title, "description": title, "search": {"exclude": True}},
                    "entity_index.md.j2",
                    {**_context(listing), "letter": letter.upper()},
                )
            )
    return pages


def _articles(items: Sequence[dict[str, Any]]) -> int:
    return sum(1 for item in items if item["kind"] == "article")


def _entry(kind: str, name: str, items: Sequence[dict[str, Any]], paths: dict[tuple[str, str], str]) -> dict[str, Any]:
    link = paths.get((kind, name)) or items[0]["link"]
    return {"name": name, "kind": kind, "count": len(items), "link": Trusted(link)}


def _context(listing: Listing) -> dict[str, Any]:
    """Items, the way up to the site root, and numbered links to every page of the list."""
    up = Trusted("../" * listing.path.count("/"))
    pages = [(n, Trusted(up + path)) for n, path in enumerate(listing.pages, start=1)]
    return {"items": listing.items, "up": up, "number": listing.number, "pages": pages if len(pages) > 1 else []}
