"""When a saved page says it was published, and who its visible byline names.

A page's own `article:published_time`, `itemprop="datePublished"` or JSON-LD `datePublished`
is its statement; a date in its address or text is a guess (an address often carries the
next day's print date). Pure: reads the parsed page only, and never returns a modified date.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from lxml.etree import _Element

_STATED = (
    '//meta[@property="article:published_time" or @property="article:published"'
    ' or @name="article:published_time" or @property="og:published_time"]/@content',
    '//*[@itemprop="datePublished"]/@content',
    '//*[@itemprop="datePublished"]/@datetime',
)
_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])")
_UTC = re.compile(r"(?:Z|[+-]00:?00)\s*$")
_BYLINE = '//body//*[contains(concat(" ", @class, " "), " byline ") or contains(@class, "-byline")]'
_BY = re.compile(r"^[Bb][Yy]:?\s+([^\d|•]{3,80})$")
_FIRST_YEAR = 1900
"""Earlier years are placeholders (`0001-01-01`), not dates."""


def publication_date(tree: _Element, found: str | None) -> str | None:
    """The publication day the page's metadata states, else the extractor's `found` day.

    A stated time in UTC (`Z`, `+00:00`) is not the day the reader saw when the extractor found
    another: an evening story in New York is dated the next day in UTC, so `found` stays.
    """
    values = [str(v) for xpath in _STATED for v in tree.xpath(xpath)]
    values += list(_ld_dates(tree))
    for value in values:
        day = _DAY.match(value)
        if day and int(day.group(1)) >= _FIRST_YEAR and 1 <= int(day.group(2)) <= 12 and 1 <= int(day.group(3)) <= 31:
            utc = bool(_UTC.search(value))
            return found if utc and found else "-".join(day.groups())
    return found


def _ld_dates(tree: _Element) -> Iterator[str]:
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(str(script))
        except ValueError:
            continue
        yield from _date_published(data)


def _date_published(data: Any) -> Iterator[str]:
    if isinstance(data, list):
        for item in data:
            yield from _date_published(item)
    elif isinstance(data, dict):
        if isinstance(data.get("datePublished"), str):
            yield data["datePublished"]
        yield from _date_published(data.get("@graph"))


def byline(tree: _Element) -> str | None:
    """The names of a visible byline (`By Ann Lee and Bo Park` in an element classed `byline`), or None."""
    for element in tree.xpath(_BYLINE):
        text = " ".join(" ".join(element.itertext()).split())
        found = _BY.match(text)
        if found:
            return found.group(1)
    return None
