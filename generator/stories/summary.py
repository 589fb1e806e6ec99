"""A story's multi-source summary: central sentences of all its articles, repeats removed.

Each sentence scores by closeness to the story's centroid, by how closely the other
sources echo it and by how near its article's lead it sits (weights chosen on
multi-document event data); selection is greedy with maximal marginal relevance so no fact
is told twice. The summary reads like a news story, leads first: sentences in order of
their place in their article, so a reader who stops early still has the gist.
Sentences are quoted verbatim with their citation. It must never rewrite a sentence, pick
a heading or furniture, or read files.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.analysis.summarizers.signals import furniture, is_dangling, quoted_share
from generator.models import StorySentence
from generator.text.vectors import Unit, UnitVectors, centroid, cosine, word_count

SUMMARY_SENTENCES = 5
"""Sentences in a story page's summary."""


@dataclass(frozen=True)
class Weights:
    """How the parts of a sentence's score combine; rules as data."""

    centrality: float = 1.0
    agreement: float = 1.0
    """Weight of the mean, over the other sources, of the sentence's closest match there."""
    lead: float = 0.35
    """Bonus for an article's first sentence, halving with each later one."""
    redundancy: float = 1.2
    dangling: float = 0.3
    quoted: float = 1.0
    """Penalty per share of the sentence inside quotation marks: voices, not facts."""
    min_words: int = 8
    max_words: int = 55


WEIGHTS = Weights()


def summarize_story(
    units: Sequence[Unit],
    vectors: UnitVectors,
    *,
    count: int = SUMMARY_SENTENCES,
    words: int = 0,
    weights: Weights = WEIGHTS,
) -> tuple[StorySentence, ...]:
    """`count` sentences (or, when `words` > 0, enough to reach that many words), leads first.

    Sentences come in order of their place in their article, ties in order of first source.
    """
    eligible = [i for i, u in enumerate(units) if _eligible(u, weights)]
    scores = _scores(units, vectors, eligible, weights)
    chosen: list[int] = []
    total = 0
    while eligible and (total < words if words > 0 else len(chosen) < count):
        best = max(
            (i for i in eligible if i not in chosen),
            key=lambda i: (_gain(i, scores, vectors, chosen, weights), -i),
            default=None,
        )
        if best is None:
            break
        chosen.append(best)
        total += word_count(units[best].text)
    order = {u.citation.source: k for k, u in reversed(list(enumerate(units)))}
    chosen.sort(key=lambda i: (units[i].position, order[units[i].citation.source]))
    return tuple(StorySentence(units[i].text, units[i].citation) for i in chosen)


def _eligible(unit: Unit, weights: Weights) -> bool:
    n = word_count(unit.text)
    return weights.min_words <= n <= weights.max_words and furniture(unit.text, n) < 0.5


def _scores(units: Sequence[Unit], vectors: UnitVectors, eligible: list[int], weights: Weights) -> dict[int, float]:
    """Static score of every eligible sentence."""
    middle = centroid(vectors[i] for i in eligible)
    closest = vectors.closest_by_source(units, eligible)
    scores: dict[int, float] = {}
    for i in eligible:
        unit = units[i]
        score = weights.centrality * cosine(vectors[i], middle)
        score += weights.agreement * _agreement(closest[i])
        score += weights.lead * 0.5**unit.position
        score -= weights.dangling * is_dangling(unit.text)
        score -= weights.quoted * quoted_share(unit.text)
        scores[i] = score
    return scores


def _agreement(closest: dict[str, tuple[float, int]]) -> float:
    """How closely the other sources echo a sentence: mean of their best cosine with it."""
    return sum(score for score, _ in closest.values()) / len(closest) if closest else 0.0


def _gain(i: int, scores: dict[int, float], vectors: UnitVectors, chosen: list[int], weights: Weights) -> float:
    overlap = max((vectors.cosine(i, j) for j in chosen), default=0.0)
    return scores[i] - weights.redundancy * overlap
