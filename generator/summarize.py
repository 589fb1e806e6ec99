"""Extractive summaries of an article: a few of its own sentences, in article order.

`summarize` is the stage function; `SUMMARIZERS` is the registry of interchangeable
strategies ("briefing" is the default, "lead" and every stock sumy summariser are there to
compare against). It must never rewrite a sentence, return a heading, download data or
touch the disk.
"""

from __future__ import annotations

from generator.models import Article
from generator.summarizers.briefing import briefing
from generator.summarizers.document import Strategy, build_candidates
from generator.summarizers.stock import STOCK, lead

SUMMARIZERS: dict[str, Strategy] = {"briefing": briefing, "lead": lead, **STOCK}
"""Summarisers by name; each picks candidate sentence indices for a count."""

ALGORITHMS: tuple[str, ...] = tuple(SUMMARIZERS)


def summarize(
    article: Article, count: int, *, algorithm: str = "briefing", language: str = "english"
) -> tuple[str, ...]:
    """The article's `count` most summary-worthy body sentences, in article order."""
    try:
        strategy = SUMMARIZERS[algorithm]
    except KeyError:
        known = ", ".join(ALGORITHMS)
        raise ValueError(f"unknown summary algorithm {algorithm!r}; expected one of {known}") from None
    candidates = build_candidates(article, language)
    wanted = min(max(count, 0), len(candidates.texts))
    if wanted == 0:
        return ()
    chosen = _exactly(strategy(candidates, wanted), wanted, len(candidates.texts))
    return tuple(candidates.texts[i] for i in chosen)


def _exactly(picked: tuple[int, ...], wanted: int, available: int) -> tuple[int, ...]:
    """`wanted` distinct valid indices in order: the strategy's picks, topped up from the lead."""
    chosen: list[int] = []
    for index in picked:
        if 0 <= index < available and index not in chosen:
            chosen.append(index)
    for index in range(available):
        if len(chosen) >= wanted:
            break
        if index not in chosen:
            chosen.append(index)
    return tuple(sorted(chosen[:wanted]))
