"""Numeric features of each candidate sentence for the default summariser.

Centrality comes from sumy's own TextRank and LexRank; the rest are position, length,
title overlap and the cues in `signals`. Every feature is scaled to about 0..1 so learned
weights stay comparable. Nothing here may read files or depend on one data set's phrasing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

import numpy
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from generator.summarizers.document import Candidates
from generator.summarizers.signals import furniture, is_dangling, is_quote, quoted_share
from generator.summarizers.stock import stemmer, stop_words

NAMES: tuple[str, ...] = (
    "first", "lead", "relpos", "par_first", "length", "rel_length", "short", "overlong",
    "textrank", "lexrank", "title", "quote", "quoted", "furniture",
)
"""Feature names, in the column order of `SentenceFeatures.matrix`."""
_LONG = 40
"""Words at which a sentence counts as fully long."""
_SHORT = 8
"""Sentences under this many words are usually captions, datelines or fragments."""
_OVERLONG = 40
"""News sentences rarely run longer; longer ones are mostly run-together captions or lists."""


@dataclass(frozen=True)
class SentenceFeatures:
    """Static features per candidate plus what selection needs to judge pairs."""

    matrix: numpy.ndarray
    """One row per candidate, one column per name in `NAMES`."""
    stems: tuple[frozenset[str], ...]
    """Content-word stems of each candidate, for redundancy."""
    dangling: tuple[bool, ...]
    """Whether each candidate leans on the sentence before it."""


def sentence_features(candidates: Candidates) -> SentenceFeatures:
    """Features for every candidate sentence of an article."""
    stop = stop_words(candidates.language)
    stem = stemmer(candidates.language)
    words = [candidates.tokenizer.to_words(t) for t in candidates.texts]
    stems = tuple(
        frozenset(stem(w.lower()) for w in ws if w.lower() not in stop) for ws in words
    )
    title = frozenset(
        stem(w.lower()) for w in candidates.tokenizer.to_words(candidates.title)
        if w.lower() not in stop
    )
    columns = {
        **_position(candidates),
        **_length([len(ws) for ws in words]),
        **_centrality(candidates),
        "title": [len(s & title) / len(title) if title else 0.0 for s in stems],
        "quote": [float(is_quote(t)) for t in candidates.texts],
        "quoted": [quoted_share(t) for t in candidates.texts],
        "furniture": [furniture(t, len(ws)) for t, ws in zip(candidates.texts, words)],
    }
    matrix = numpy.array([columns[name] for name in NAMES], dtype=float).T
    dangling = tuple(is_dangling(t, candidates.language) for t in candidates.texts)
    return SentenceFeatures(matrix=matrix, stems=stems, dangling=dangling)


def _position(candidates: Candidates) -> dict[str, list[float]]:
    """Where each sentence sits: first, early, relative place, paragraph opener."""
    n = len(candidates.texts)
    return {
        "first": [1.0 if i == 0 else 0.0 for i in range(n)],
        "lead": [1.0 / math.sqrt(1 + i) for i in range(n)],
        "relpos": [1.0 - i / max(n - 1, 1) for i in range(n)],
        "par_first": [1.0 if k == 0 else 0.0 for k in candidates.in_paragraph],
    }


def _length(counts: list[int]) -> dict[str, list[float]]:
    """Absolute and relative sentence length, and a flag for very short ones."""
    longest = max(counts, default=1) or 1
    return {
        "length": [min(c, _LONG) / _LONG for c in counts],
        "rel_length": [c / longest for c in counts],
        "short": [1.0 if c < _SHORT else 0.0 for c in counts],
        "overlong": [min(max(c - _OVERLONG, 0) / _OVERLONG, 1.0) for c in counts],
    }


def _centrality(candidates: Candidates) -> dict[str, list[float]]:
    """sumy's TextRank and LexRank scores over the candidates, each scaled to max 1."""
    stem = stemmer(candidates.language)
    stop = stop_words(candidates.language)
    textrank = TextRankSummarizer(stem)
    textrank.stop_words = stop
    ranks = textrank.rate_sentences(candidates.document)
    tr = [float(ranks[s]) for s in candidates.sentences]
    return {"textrank": _scaled(tr), "lexrank": _scaled(_lexrank(candidates, stem, stop))}


def _lexrank(
    candidates: Candidates, stem: Callable[[str], str], stop: frozenset[str]
) -> list[float]:
    """LexRank scores through sumy's own steps (it has no public rating method)."""
    lexrank = LexRankSummarizer(stem)
    lexrank.stop_words = stop
    words = [lexrank._to_words_set(s) for s in candidates.sentences]
    tf = lexrank._compute_tf(words)
    idf = lexrank._compute_idf(words)
    matrix = lexrank._create_matrix(words, lexrank.threshold, tf, idf)
    return [float(x) for x in lexrank.power_method(matrix, lexrank.epsilon)]


def _scaled(values: list[float]) -> list[float]:
    """Values divided by their maximum (all zero stays zero)."""
    top = max(values, default=0.0)
    return [v / top if top > 0 else 0.0 for v in values]
