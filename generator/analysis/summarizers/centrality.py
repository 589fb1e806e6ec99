"""Graph and frequency scores of sentences, from one tf-idf matrix built with numpy.

These reimplement the ideas of sumy's TextRank, Reduction, LexRank and SumBasic in a few
matrix operations, so one pass over the article serves them all (sumy would re-tokenise the
document once per method). Scores are compared within one article only, so every helper
here can also turn raw scores into per-article ranks. Nothing here may read files.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy

_DAMPING = 0.85
"""PageRank damping factor, as in LexRank."""
_ITERATIONS = 30
"""Power-method steps: enough for the tens of sentences of a news article to settle."""
_LEAD = 3
"""Sentences that make up the lead, the pseudo-reference of `lead_similarity`."""


@dataclass(frozen=True)
class Centrality:
    """Per-sentence scores, each a numpy vector in article order."""

    reduction: numpy.ndarray
    """Summed word overlap with every other sentence (sumy's Reduction/TextRank edge)."""
    degree: numpy.ndarray
    """Summed tf-idf cosine similarity with every other sentence."""
    lexrank: numpy.ndarray
    """Stationary PageRank probability on the tf-idf cosine graph (continuous LexRank)."""
    frequency: numpy.ndarray
    """Mean article probability of the sentence's distinct content words (SumBasic)."""
    lead_similarity: numpy.ndarray
    """tf-idf cosine with the lead taken as a whole: a pseudo-reference of the story."""
    first_similarity: numpy.ndarray
    """tf-idf cosine with the first sentence (1 for the first sentence itself)."""
    unit: numpy.ndarray
    """Row-normalised tf-idf matrix, for similarity between chosen sentences."""


def centrality(stems: tuple[tuple[str, ...], ...]) -> Centrality:
    """Scores for sentences given as their content-word stems (stop words removed)."""
    counts = _term_counts(stems)
    n = counts.shape[0]
    present = (counts > 0).astype(float)
    idf = numpy.log((n + 1) / (present.sum(axis=0) + 0.5))
    unit = _unit_rows(counts * idf)
    similarity = unit @ unit.T
    numpy.fill_diagonal(similarity, 0.0)
    lengths = numpy.log(present.sum(axis=1) + 2.0)
    overlap = (present @ present.T) / (lengths[:, None] + lengths[None, :])
    numpy.fill_diagonal(overlap, 0.0)
    probability = counts.sum(axis=0) / max(float(counts.sum()), 1.0)
    distinct = numpy.maximum(present.sum(axis=1), 1.0)
    lead = _unit_rows((counts * idf)[:_LEAD].sum(axis=0, keepdims=True))[0]
    first = similarity[0].copy()
    first[0] = 1.0
    return Centrality(
        reduction=overlap.sum(axis=1),
        degree=similarity.sum(axis=1),
        lexrank=_pagerank(similarity),
        frequency=(present @ probability) / distinct,
        lead_similarity=unit @ lead,
        first_similarity=first,
        unit=unit,
    )


def _term_counts(stems: tuple[tuple[str, ...], ...]) -> numpy.ndarray:
    """Sentence-by-term count matrix (at least one column, so empty articles work)."""
    vocabulary: dict[str, int] = {}
    for words in stems:
        for word in words:
            vocabulary.setdefault(word, len(vocabulary))
    counts = numpy.zeros((len(stems), max(len(vocabulary), 1)))
    for row, words in enumerate(stems):
        for word in words:
            counts[row, vocabulary[word]] += 1.0
    return counts


def _unit_rows(matrix: numpy.ndarray) -> numpy.ndarray:
    """Rows scaled to length 1; all-zero rows stay zero."""
    norms = numpy.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / numpy.where(norms > 0, norms, 1.0)


def _pagerank(similarity: numpy.ndarray) -> numpy.ndarray:
    """Stationary distribution of a damped random walk over the similarity graph."""
    n = similarity.shape[0]
    totals = similarity.sum(axis=1, keepdims=True)
    walk = numpy.where(totals > 0, similarity / numpy.where(totals > 0, totals, 1.0), 1.0 / n)
    rank = numpy.full(n, 1.0 / n)
    for _ in range(_ITERATIONS):
        rank = (1.0 - _DAMPING) / n + _DAMPING * (rank @ walk)
    return rank


def ranked(values: numpy.ndarray) -> numpy.ndarray:
    """Per-article rank as 1 (best) down to 0 (worst); ties keep article order."""
    n = len(values)
    order = numpy.argsort(-values, kind="stable")
    ranks = numpy.empty(n)
    ranks[order] = numpy.arange(n)
    return 1.0 - ranks / max(n - 1, 1)


def scaled(values: numpy.ndarray) -> numpy.ndarray:
    """Values divided by their maximum (all zero stays zero)."""
    top = float(values.max()) if len(values) else 0.0
    return values / top if top > 0 else numpy.zeros_like(values)
