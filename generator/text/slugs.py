"""Pure: stable, unique URL slugs for seeds, derived from their file names."""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePosixPath


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens; `item` when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "item"


def assign_slugs(sources: list[str]) -> dict[str, str]:
    """One slug per seed path, unique; clashes get -2, -3 in path order so runs agree."""
    slugs: dict[str, str] = {}
    taken: set[str] = set()
    for source in sorted(sources):
        base = slugify(PurePosixPath(source).name.split(".")[0])
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        slugs[source] = slug
    return slugs
