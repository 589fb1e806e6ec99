"""Pure: the briefing's lists (home pages, entity pages, the entity index), paginated.

No listing page grows with the number of articles: every list is cut into pages of
`page_size` items, and the entity index is split by initial letter. Never renders
Markdown itself: it only decides what goes on which page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from generator.text.slugs import slugify

ENTITY_KINDS = (("people", "People"), ("places", "Places"), ("organisations", "Organisations"))
"""Entity kinds: folder name under `entities/` and heading."""


@dataclass(frozen=True)
class Listing:
    """One page of a paginated list."""

    path: str
    """Page path under `docs/`."""
    items: tuple[Any, ...]
    number: int
    """1-based page number."""
    pages: tuple[str, ...]
    """Paths of every page of the list, in order (for numbered navigation)."""


def paginate(first_path: str, rest_path: str, items: Sequence[Any], size: int) -> tuple[Listing, ...]:
    """Cut `items` into pages: `first_path`, then `rest_path` formatted with the page number."""
    chunks = [tuple(items[i : i + size]) for i in range(0, len(items), size)] or [()]
    paths = tuple(first_path if n == 1 else rest_path.format(n=n) for n in range(1, len(chunks) + 1))
    return tuple(Listing(paths[n - 1], chunk, n, paths) for n, chunk in enumerate(chunks, start=1))


def entity_members(views: Sequence[dict[str, Any]]) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """Each (kind, name) to the article or story views that mention it, in the given order."""
    members: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for view in views:
        entities = view["entities"]
        for kind, _ in ENTITY_KINDS:
            for name in entities.get(kind, ()):
                members.setdefault((kind, name), []).append(view)
    return members


def unique_entity_names(members: dict[tuple[str, str], Any]) -> dict[tuple[str, str], str]:
    """A distinct path per entity: names that slugify alike get -2, -3 in name order."""
    taken: set[str] = set()
    paths: dict[tuple[str, str], str] = {}
    for kind, name in sorted(members):
        base, n = slugify(name), 1
        candidate = base
        while f"{kind}/{candidate}" in taken:
            n += 1
            candidate = f"{base}-{n}"
        taken.add(f"{kind}/{candidate}")
        paths[(kind, name)] = candidate
    return paths


def initial(slug: str) -> str:
    """The index letter of a name, from its slug (`unique_entity_names`): its first ASCII
    letter, or `#`."""
    letter = slug[:1]
    return letter if letter.isalpha() else "#"
