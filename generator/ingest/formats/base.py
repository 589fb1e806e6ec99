"""What every seed format produces: the article's lines and what the seed states.

Values and small shared rules only: nothing here reads files or cleans text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

WEB_SCHEMES = ("http", "https")
"""The only address schemes an article's `url` may have."""


class FormatError(ValueError):
    """A seed's text that its format cannot read; the seed's path is added by `parse_seed`."""


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
    warnings: tuple[str, ...] = ()
    """Things the format dropped or doubted (e.g. a non-web canonical address), for the build report."""
    extracted: bool = False
    """The lines are already the article body, chosen by a main-content extractor: cleaning should
    drop cued furniture lines but not cut by position (a closing list or table is article text)."""


def web_url(value: str | None) -> tuple[str | None, tuple[str, ...]]:
    """The address when it is http(s), else None and a warning saying what was dropped. A
    protocol-relative address (`//host/path`, as some pages state their canonical address)
    is taken as https."""
    if not value or not value.strip():
        return None, ()
    address = value.strip()
    if address.startswith("//"):
        address = "https:" + address
    parts = urlsplit(address)
    if parts.scheme.lower() in WEB_SCHEMES and parts.netloc:
        return address, ()
    shown = address if len(address) <= 60 else address[:57] + "..."
    return None, (f"canonical address {shown!r} is not an http(s) address; dropped",)


def language_code(value: str | None) -> str | None:
    """The primary language subtag of a language tag (`en-GB` → `en`), or None."""
    if not value:
        return None
    primary = value.strip().replace("_", "-").split("-")[0].lower()
    return primary if primary.isalpha() and 2 <= len(primary) <= 3 else None


def drop_leading_title(lines: list[str], title: str | None) -> list[str]:
    """Lines without a first line that repeats the title (a page's own headline)."""
    first = next((i for i, line in enumerate(lines) if line), None)
    if title and first is not None and _folded(lines[first]) == _folded(title):
        return lines[first + 1 :]
    return lines


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())
