"""What every seed format produces: the article's lines and what the seed states."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Draft:
    """A seed's text as lines, before cleaning, with metadata the format states outright."""

    lines: tuple[str, ...]
    """Non-empty lines in order; blank lines become empty strings to keep paragraph breaks."""
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    lang: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)
