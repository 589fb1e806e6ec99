"""Pure: full calendar dates as stated in text ("4 September 2023", "Sept. 4, 2023", "2023-09-04").

Only dates with a day, a month and a year count: a year alone or a day without a year
is never turned into a publication date.
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_PATTERNS = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        rf"\b{_YEAR}-(?P<month_num>\d{{2}})-(?P<day_num>\d{{2}})\b",
        rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b",
        rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b",
    )
)


def parse_date(text: str) -> str | None:
    """The first full date in `text` as ISO `YYYY-MM-DD`, or None."""
    for pattern in _PATTERNS:
        match = pattern.search(text)
        if match:
            found = _to_date(match.groupdict())
            if found:
                return found.isoformat()
    return None


def is_only_date(text: str) -> bool:
    """True when the line is a date and little else (a dateline with a time, say)."""
    if parse_date(text) is None:
        return False
    rest = text
    for pattern in _PATTERNS:
        rest = pattern.sub("", rest)
    return len(re.findall(r"[A-Za-z]{3,}", rest)) <= 3


def iso_day(published: str | None) -> date | None:
    """The calendar day an ISO date or timestamp states (its first ten characters), or None
    when there is none or it is no real day (`2024-02-31`)."""
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _to_date(parts: dict[str, str | None]) -> date | None:
    month = int(str(parts["month_num"])) if parts.get("month_num") else MONTHS[str(parts["month"]).lower()]
    day = int(parts.get("day_num") or parts["day"] or 0)
    try:
        return date(int(str(parts["year"])), month, day)
    except ValueError:
        return None
