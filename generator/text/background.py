"""Background term weights: how rare a word stem is in news at large, not in this feed.

Grouping weighs an article's terms by a table of document frequencies that ships with the
generator (`data/background_df.txt`, learned from a news corpus by
`scripts/learn_background.py`: stems and counts only). So an article's vector depends on
that article alone: a new or edited article changes no other article's vector, and a
briefing of two articles weighs words as one of two thousand does. A stem the table does
not hold weighs as the rarest. It must never read anything but the shipped table.
"""

from __future__ import annotations

import math
from functools import cache
from importlib import resources

TABLE = "background_df.txt"
"""The table in `generator/data/`: a first line `documents<TAB>N`, then `stem<TAB>df` per line."""


@cache
def document_frequencies() -> tuple[int, dict[str, int]]:
    """The shipped table: the number of documents it was learned from, and each stem's count."""
    lines = resources.files("generator").joinpath("data", TABLE).read_text("utf-8").splitlines()
    _, documents = lines[0].split("\t")
    table = {}
    for line in lines[1:]:
        stem, count = line.split("\t")
        table[stem] = int(count)
    return int(documents), table


@cache
def _rarest() -> float:
    documents, _ = document_frequencies()
    return math.log(documents + 1) + 1.0


def rarity(stem: str) -> float:
    """Smoothed inverse document frequency of a stem in the background table."""
    documents, table = document_frequencies()
    count = table.get(stem)
    return _rarest() if count is None else math.log((documents + 1) / (count + 1)) + 1.0


def format_table(documents: int, counts: dict[str, int], least: int = 2) -> str:
    """The table's text: stems held by at least `least` documents (rarer ones weigh as unseen), sorted."""
    kept = sorted((stem, n) for stem, n in counts.items() if n >= least and "\t" not in stem and "\n" not in stem)
    return "".join([f"documents\t{documents}\n", *(f"{stem}\t{n}\n" for stem, n in kept)])
