"""Pure: the listing pages (home, names by letter, pages of much-mentioned names) as `Page`s, paginated.

Views come from `render.py`; each has a root-relative `link`, a `kind` (`article` or
`story`) and its `entities`. Links are made relative to the page they appear on.
"""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from generator.models import Page
from generator.output.escape import Trusted
from generator.output.listings import Listing, entity_members, initial, paginate, unique_entity_names

PageMaker = Callable[..., Page]
"""`make(path, front_matter, template, context, inputs=None)`: with `inputs` (JSON data that
determines the page along with its path, front matter and the templates), the page is
made only if they changed since the last run; `context` may then be a function that makes
the template's context only for a page that is made."""
Context = dict[str, Any] | Callable[[], dict[str, Any]]
_TOP_ENTITIES = 30
INLINE_ITEMS = 10
"""Stories and articles listed under a name on its letter page; a name with more has its own page."""
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
        context = _context(listing)
        inputs = [context["up"], context["pages"], [_printed_home(item) for item in listing.items]]
        pages.append(make(listing.path, front, "index.md.j2", context, inputs=inputs))
    return pages


def _printed_home(view: dict[str, Any]) -> list[Any]:
    """What a home page prints of a story or an article: enough to tell whether it changed."""
    if view["kind"] == "story":
        members = [[m["briefing"]["publisher"], m["source"]] for m in view["members"]]
        return [view["story"].headline, view["link"], members, [s.text for s in view["story"].summary[:3]]]
    briefing = view["briefing"]
    printed = [view["article"].title, view["link"], view["source"]]
    return printed + [briefing[key] for key in ("publisher", "author", "published", "summary")]


@dataclass(frozen=True)
class NameIndex:
    """Where every person, place and organisation is listed, decided before any page renders."""

    members: dict[tuple[str, str], list[dict[str, Any]]]
    """Each (kind, name) to the views that mention it."""
    letters: dict[str, tuple[Listing, ...]]
    """Each index letter's pages of (kind, name) keys."""
    pages: dict[tuple[str, str], str]
    """Names with a page of their own (more than `INLINE_ITEMS` mentions): page-1 path."""
    links: dict[tuple[str, str], str]
    """Every name's place: its own page, or its entry on its letter page."""
    anchors: dict[tuple[str, str], str]


def name_index(views: Sequence[dict[str, Any]], size: int) -> NameIndex:
    """Lay out the names: an entry each on a paginated page per letter, and a page of their own
    for the few mentioned more than `INLINE_ITEMS` times. A page per passing mention would make
    names most of the site's pages and bytes."""
    members = entity_members(views)
    slugs = unique_entity_names(members)
    by_letter: dict[str, list[tuple[str, str]]] = {}
    for key in sorted(members, key=lambda k: (k[1].casefold(), k[0], k[1])):
        by_letter.setdefault(initial(slugs[key]), []).append(key)
    letters = {}
    links, anchors = {}, {}
    for letter, keys in sorted(by_letter.items()):
        first = f"entities/index-{'other' if letter == '#' else letter}.md"
        letters[letter] = paginate(first, first[:-3] + "-page-{n}.md", keys, size)
        for listing in letters[letter]:
            for key in listing.items:
                anchors[key] = f"{key[0]}-{slugs[key]}"
                links[key] = f"{listing.path}#{anchors[key]}"
    pages = {key: f"entities/{key[0]}/{slugs[key]}.md" for key, items in members.items() if len(items) > INLINE_ITEMS}
    return NameIndex(members, letters, pages, {**links, **pages}, anchors)


def entity_pages(index: NameIndex, size: int, make: PageMaker) -> list[Page]:
    """A paginated page for each name mentioned more than `INLINE_ITEMS` times."""
    pages = []
    for key, first in sorted(index.pages.items()):
        kind, name = key
        items = index.members[key]
        for listing in paginate(first, first[:-3] + "-page-{n}.md", items, size):
            front = {
                "title": html.escape(name),
                "description": f"Stories and articles that mention {html.escape(name)}.",
                "search": {"exclude": True},
            }
            context = {**_context(listing), "name": name, "kind": _SINGULAR[kind], "count": len(items)}
            inputs = [name, kind, len(items), context["up"], context["pages"], _printed_items(listing.items)]
            pages.append(make(listing.path, front, "entity.md.j2", context, inputs=inputs))
    return pages


def entity_index_pages(index: NameIndex, make: PageMaker) -> list[Page]:
    """`tags.md` (the most mentioned names and the letters) and the paginated letter pages,
    each name with the stories and articles that mention it."""
    ranked = sorted(index.members.items(), key=lambda kv: (-len(kv[1]), kv[0][1], kv[0][0]))
    top = [_entry(key, index) for key, _ in ranked[:_TOP_ENTITIES]]
    front: dict[str, Any] = {"title": "Tags", "description": "People, places and organisations in the briefing."}
    letters = [
        (letter, Trusted(listings[0].path), sum(len(listing.items) for listing in listings))
        for letter, listings in sorted(index.letters.items())
    ]
    pages = [make("tags.md", front, "tags.md.j2", {"top": top, "letters": letters, "up": Trusted("")})]
    for letter, listings in sorted(index.letters.items()):
        for listing in listings:
            title = f"Names: {letter.upper()}" + ("" if listing.number == 1 else f", page {listing.number}")
            front = {"title": title, "description": title, "search": {"exclude": True}}
            common = _context(listing)
            inputs = [common["up"], common["pages"], [_printed(key, index) for key in listing.items]]
            context = partial(_letter_context, common, letter.upper(), listing.items, index)
            pages.append(make(listing.path, front, "entity_index.md.j2", context, inputs=inputs))
    return pages


def _letter_context(
    common: dict[str, Any], letter: str, keys: Sequence[tuple[str, str]], index: NameIndex
) -> dict[str, Any]:
    """A letter page's template context, its entries made now."""
    return {**common, "letter": letter, "entries": [_entry(key, index) for key in keys]}


def _printed(key: tuple[str, str], index: NameIndex) -> list[Any]:
    """What a letter page prints of a name's entry (`_entry`): enough to tell whether the page
    has changed without making it (the letter pages together list every mention in the
    briefing)."""
    items = index.members[key]
    printed = _printed_items(items[:INLINE_ITEMS])
    return [key[1], _SINGULAR[key[0]], len(items), index.links[key], index.anchors[key], index.pages.get(key), printed]


def _printed_items(views: Sequence[dict[str, Any]]) -> list[str]:
    """A hash of what a page of names prints of each story or article it lists (worked out
    once per view: the letter pages together list every mention in the briefing, and the
    JSON of their page keys would otherwise repeat each view's title and links as often)."""
    printed = []
    for v in views:
        if "printed" not in v:
            shown = [v["title"], v["link"], v["kind"]] + (
                [len(v["members"])] if v["kind"] == "story" else [v["briefing"]["publisher"], v["source"]]
            )
            v["printed"] = hashlib.sha256(json.dumps(shown).encode("utf-8")).hexdigest()[:32]
        printed.append(v["printed"])
    return printed


def _entry(key: tuple[str, str], index: NameIndex) -> dict[str, Any]:
    items = index.members[key]
    return {
        "name": key[1],
        "kind": _SINGULAR[key[0]],
        "count": len(items),
        "link": Trusted(index.links[key]),
        "anchor": Trusted(index.anchors[key]),
        "items": items[:INLINE_ITEMS],
        "page": Trusted(index.pages[key]) if key in index.pages else None,
    }


def _context(listing: Listing) -> dict[str, Any]:
    """Items, the way up to the site root, and numbered links to every page of the list."""
    up = Trusted("../" * listing.path.count("/"))
    pages = [(n, Trusted(up + path)) for n, path in enumerate(listing.pages, start=1)]
    return {"items": listing.items, "up": up, "number": listing.number, "pages": pages if len(pages) > 1 else []}
