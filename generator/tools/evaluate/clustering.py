"""Scores of a clustering against true labels: adjusted Rand index, purity, pairwise precision and recall."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from math import comb


def adjusted_rand_index(truth: Sequence[object], predicted: Sequence[object]) -> float:
    """Hubert and Arabie's adjusted Rand index of two labellings of the same items."""
    n = len(truth)
    if n != len(predicted):
        raise ValueError("labellings differ in length")
    pairs = Counter(zip(truth, predicted, strict=False))
    index = sum(comb(c, 2) for c in pairs.values())
    rows = sum(comb(c, 2) for c in Counter(truth).values())
    columns = sum(comb(c, 2) for c in Counter(predicted).values())
    total = comb(n, 2)
    expected = rows * columns / total if total else 0.0
    ceiling = (rows + columns) / 2
    if ceiling == expected:
        return 1.0
    return (index - expected) / (ceiling - expected)


def purity(truth: Sequence[object], predicted: Sequence[object]) -> float:
    """Share of items whose predicted cluster's majority true label is their own."""
    members: dict[object, Counter[object]] = {}
    for t, p in zip(truth, predicted, strict=False):
        members.setdefault(p, Counter())[t] += 1
    majority = sum(c.most_common(1)[0][1] for c in members.values())
    return majority / len(truth) if truth else 1.0


def pairwise_scores(truth: Sequence[object], predicted: Sequence[object]) -> tuple[float, float]:
    """Of the pairs put in one story, the share truly on one event; of the pairs truly on one
    event, the share put in one story (1.0 where there are none)."""
    both = sum(comb(c, 2) for c in Counter(zip(truth, predicted, strict=True)).values())
    said = sum(comb(c, 2) for c in Counter(predicted).values())
    true = sum(comb(c, 2) for c in Counter(truth).values())
    return (both / said if said else 1.0), (both / true if true else 1.0)
