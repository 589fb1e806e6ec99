"""A story's timeline: the dated events its articles mention, dates exactly as stated.

Date expressions are found by patterns kept as data below ("September 10 to 13",
"August 30", "in July", "since 2006", "on Monday", "last week"). Entries with a month or a
year are ordered by what they state (stated years first, then month and day); relative
ones ("on Monday") follow in reading order. It must never add a year, month or day the
text does not state, nor read dates from headings or furniture.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.models import TimelineEntry
from generator.text.dates import MONTHS
from generator.text.vectors import Unit

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"  # noqa: E501 (a pattern reads best on one line)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_RANGE = rf"{_DAY}(?:\s*(?:to|-|–|and)\s*{_DAY})?"
_YEAR = r"(?:1[89]|20)\d{2}"
PATTERNS: tuple[tuple[str, str], ...] = (
    ("day", rf"(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_RANGE}(?:,?\s+{_YEAR})?(?!\d)"),
    ("day", rf"(?:{_WEEKDAY},?\s+)?{_RANGE}\s+{_MONTH}(?:,?\s+{_YEAR})?"),
    (
        "month",
        rf"(?:(?:in|since|until|by|from|during|early|late|mid|end of|beginning of|start of)\s+){_MONTH}(?:\s+{_YEAR})?",
    ),
    ("year", rf"(?:(?:in|since|until|by|from|during|early|late|mid|end of|after|before)\s+){_YEAR}(?![\d%])"),
    ("relative", rf"(?:on|last|next|this|since|by)\s+{_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?"),
    (
        "relative",
        r"(?:last|next|earlier this|later this|this)\s+(?:week|month|year|weekend|spring|summer|autumn|fall|winter)",
    ),
)
"""(kind, pattern) pairs, most specific first; matches never overlap."""
_COMPILED = tuple((kind, re.compile(rf"\b{p}\b")) for kind, p in PATTERNS)
_YEAR_IN = re.compile(rf"\b{_YEAR}\b")
_DAY_IN = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")
_MONTH_IN = re.compile(rf"\b{_MONTH}")
_OVERLAP = 0.5


def build_timeline(units: Sequence[Unit]) -> tuple[TimelineEntry, ...]:
    """Dated events of the story's sentences, ordered where the text makes order knowable."""
    entries: list[tuple[tuple[float, ...], TimelineEntry, frozenset[str]]] = []
    for unit in units:
        for kind, date in _dates(unit.text):
            entry = TimelineEntry(date, unit.text, unit.citation)
            if not any(_same_event(date, unit.stems, e, stems) for _, e, stems in entries):
                entries.append((_sort_key(kind, date, len(entries)), entry, frozenset(unit.stems)))
    return tuple(e for _, e, _ in sorted(entries, key=lambda item: item[0]))


def _dates(text: str) -> list[tuple[str, str]]:
    """Non-overlapping date expressions in a sentence, in order, as (kind, text)."""
    taken: list[tuple[int, int, str, str]] = []
    for kind, pattern in _COMPILED:
        for match in pattern.finditer(text):
            if all(match.end() <= s or match.start() >= e for s, e, _, _ in taken):
                taken.append((match.start(), match.end(), kind, match.group(0)))
    return [(kind, date) for _, _, kind, date in sorted(taken)]


def _sort_key(kind: str, date: str, order: int) -> tuple[float, ...]:
    """Stated years first by year, then year-less month dates by month and day, then the rest."""
    if kind == "relative":
        return (2, 0, 0, 0, order)
    year = _YEAR_IN.search(date)
    month_match = _MONTH_IN.search(date)
    month = MONTHS.get(month_match.group(0).rstrip(".").lower(), 0) if month_match else 0
    without_year = _YEAR_IN.sub("", date)
    day_match = _DAY_IN.search(without_year)
    day = int(day_match.group(1)) if day_match and month else 0
    if year:
        return (0, int(year.group(0)), month, day, order)
    return (1, 0, month, day, order)


def _same_event(date: str, stems: Sequence[str], entry: TimelineEntry, other: frozenset[str]) -> bool:
    """A date already on the timeline for a sentence saying much the same."""
    if date.lower() != entry.date.lower():
        return False
    mine = set(stems)
    if not mine or not other:
        return False
    return len(mine & other) / min(len(mine), len(other)) >= _OVERLAP
