"""ROUGE F1 between a summary and its reference, both given as sentences.

One scorer configuration (rouge-score with Porter stemming) for every system, so numbers
are comparable. It must never tokenize sentences itself or read files.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from rouge_score import rouge_scorer

METRICS: tuple[str, ...] = ("rouge1", "rouge2", "rougeLsum")


@lru_cache(maxsize=1)
def _scorer() -> rouge_scorer.RougeScorer:
    return rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)


def rouge_f1(summary: Sequence[str], reference: Sequence[str]) -> dict[str, float]:
    """F1 per metric in [0, 1]; ROUGE-Lsum sees one sentence a line on both sides."""
    scores = _scorer().score("\n".join(reference), "\n".join(summary))
    return {metric: scores[metric].fmeasure for metric in METRICS}
