"""Where a story's sources disagree on a number: the same quantity, different values.

Two figures from different sources count the same thing when their sentences were aligned
as one fact, or when their `what` phrases share most of their content; they disagree when
their numbers differ. It must never compare figures within one source or of different
kinds (a date with a count), nor call rounding ("about 20" against "20") a discrepancy.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.models import Digest, Discrepancy, Figure
from generator.text.vectors import Unit, content_stems

SAME_WHAT = 0.5
"""Least overlap (share of the smaller `what`'s stems) for unaligned figures to match."""
ALIGNED_WHAT = 0.2
"""Least overlap for figures whose sentences state the same fact."""
MAX_SHOWN = 10
"""Discrepancies a story shows at most: a reader checks a few figures, not every pairing."""
_NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_ORDINAL = re.compile(r"(\d)(?:st|nd|rd|th)\b")
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[A-Za-z]+")


def _group(fact_of: dict[tuple[str, str], int], key: tuple[str, str] | None) -> int | None:
    return fact_of.get(key) if key is not None else None


def find_discrepancies(
    digests: Sequence[Digest], units: Sequence[Unit], groups: Sequence[tuple[int, ...]]
) -> tuple[Discrepancy, ...]:
    """Figures of the same quantity stated differently by different sources."""
    fact_of = {(units[i].citation.source, units[i].text): g for g, group in enumerate(groups) for i in group}
    figures = [
        (d.article.source, f, _group(fact_of, _unit_key(d.article.source, f, units)))
        for d in digests
        for f in d.figures
    ]
    found: list[tuple[bool, float, Discrepancy]] = []
    seen: set[tuple[str, ...]] = set()
    for a, (source_a, fig_a, fact_a) in enumerate(figures):
        for source_b, fig_b, fact_b in figures[a + 1 :]:
            if source_a == source_b or not _disagree(fig_a, fig_b):
                continue
            aligned = fact_a is not None and fact_a == fact_b
            overlap = _what_overlap(fig_a, fig_b)
            if overlap < (ALIGNED_WHAT if aligned else SAME_WHAT):
                continue
            key = (source_a, fig_a.value, source_b, fig_b.value)
            if key not in seen:
                seen.add(key)
                pair = ((source_a, fig_a.value), (source_b, fig_b.value))
                found.append((aligned, overlap, Discrepancy(_what_text(fig_a), pair)))
    # The surest first (within one aligned fact, then by how alike the counted things are), in finding order.
    kept = sorted(range(len(found)), key=lambda k: (not found[k][0], -found[k][1], k))[:MAX_SHOWN]
    return tuple(found[k][2] for k in sorted(kept))


def _unit_key(source: str, figure: Figure, units: Sequence[Unit]) -> tuple[str, str] | None:
    for unit in units:
        if unit.citation.source == source and (unit.text in figure.sentence or figure.sentence in unit.text):
            return (source, unit.text)
    return None


def _kind(figure: Figure) -> str:
    head, sep, _ = figure.what.partition(":")
    return head.strip().lower() if sep and len(head.split()) <= 2 else "count"


def _what_text(figure: Figure) -> str:
    head, sep, rest = figure.what.partition(":")
    return rest.strip() if sep and len(head.split()) <= 2 else figure.what


def _numbers(value: str) -> tuple[float, ...]:
    """The numbers a value states, number words read as digits, ordinals as their number."""
    found = []
    for token in _TOKEN.findall(_ORDINAL.sub(r"\1", value.lower())):
        if token[0].isdigit():
            found.append(float(token.replace(",", "")))
        elif token in _NUMBER_WORDS:
            found.append(float(_NUMBER_WORDS[token]))
    return tuple(found)


def _words(value: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z]+", value.lower()) if w not in _NUMBER_WORDS)


def _disagree(a: Figure, b: Figure) -> bool:
    """Same kind of figure, both with numbers, and the numbers differ."""
    if _kind(a) != _kind(b):
        return False
    numbers_a, numbers_b = _numbers(a.value), _numbers(b.value)
    if not numbers_a or not numbers_b or numbers_a == numbers_b:
        return False
    months_a, months_b = _words(a.value) & _MONTHS, _words(b.value) & _MONTHS
    return months_a == months_b or _kind(a) in {"date", "dates"}


def _what_overlap(a: Figure, b: Figure) -> float:
    stems_a, stems_b = set(content_stems(_what_text(a))), set(content_stems(_what_text(b)))
    if not stems_a or not stems_b:
        return 0.0
    return len(stems_a & stems_b) / min(len(stems_a), len(stems_b))


_MONTHS = frozenset("january february march april may june july august september october november december".split())
