"""Extractive summaries of an article: a few of its own sentences, in article order.

`summarize` is the stage function; `SUMMARIZERS` is the registry of interchangeable
strategies ("briefing" is the default, "lead" and every stock sumy summariser are there to
compare against). It must never rewrite a sentence, return a heading, download data or
touch the disk.
"""

from __future__ import annotations

from generator.analysis.summarizers.briefing import briefing
from generator.analysis.summarizers.document import Strategy, build_candidates
from generator.analysis.summarizers.stock import STOCK, lead
from generator.models import Article

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
    texts = candidates.texts
    wanted = min(max(count, 0), len({_said(text) for text in texts}))
    if wanted == 0:
        return ()
    chosen = _exactly(strategy(candidates, wanted), wanted, texts)
    return tuple(texts[i] for i in chosen)


def _exactly(picked: tuple[int, ...], wanted: int, texts: tuple[str, ...]) -> tuple[int, ...]:
    """`wanted` valid indices in order, no sentence twice: the strategy's picks, topped up from the lead.

    A sentence an article repeats word for word (a pull quote, a pasted paragraph twice)
    counts once: a second copy is dropped and the summary topped up from the lead.
    """
    chosen: list[int] = []
    said: set[str] = set()
    for index in (*picked, *range(len(texts))):
        if len(chosen) >= wanted:
            break
        words = _said(texts[index]) if 0 <= index < len(texts) else None
        if words is not None and words not in said:
            chosen.append(index)
            said.add(words)
    return tuple(sorted(chosen))


def _said(text: str) -> str:
    """A sentence's words, so that two copies differing in spacing or case compare equal."""
    return " ".join(text.split()).casefold()
