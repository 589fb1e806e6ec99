"""Numeric features of each candidate sentence for the default summariser.

Centrality comes from `centrality` (tf-idf graph and word-frequency scores, mostly as
per-article ranks so that articles of any length and style are comparable); the rest are
position, length, title overlap and the cues in `signals`. Every feature lies in about 0..1
so learned weights stay comparable. Nothing here may read files or depend on one data
set's phrasing.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import numpy

from generator.analysis.summarizers.centrality import centrality, ranked, scaled
from generator.analysis.summarizers.document import Candidates
from generator.analysis.summarizers.signals import (
    caption_label,
    furniture,
    is_credit,
    is_dangling,
    is_quote,
    quoted_share,
)
from generator.text.words import stemmer, stop_words

NAMES: tuple[str, ...] = (
    "first",
    "second",
    "third",
    "lead",
    "relpos",
    "par_first",
    "par_lead",
    "in_par_lead",
    "par_size",
    "early",
    "par_second",
    "par_third",
    "length",
    "length_rank",
    "short",
    "overlong",
    "words_under_15",
    "words_15_25",
    "words_25_35",
    "reduction_rank",
    "degree_rank",
    "lexrank",
    "frequency",
    "lead_similarity",
    "lead_similarity_rank",
    "first_similarity",
    "title",
    "title_rank",
    "lexrank_rank",
    "quote",
    "quoted",
    "furniture",
    "caption_label",
    "entities",
    "figures",
    "dangling",
)
"""Feature names, in the column order of `SentenceFeatures.matrix`."""
_LONG = 40
"""Words at which a sentence counts as fully long."""
_SHORT = 8
"""Sentences under this many words are usually captions, datelines or fragments."""
_OVERLONG = 40
"""News sentences rarely run longer; longer ones are mostly run-together captions or lists."""
_FIGURE = re.compile(r"\d")
"""A digit: counts, sums, dates and scores, the facts a summary tends to keep."""


@dataclass(frozen=True)
class SentenceFeatures:
    """Static features per candidate plus what selection needs to judge pairs."""

    matrix: numpy.ndarray
    """One row per candidate, one column per name in `NAMES`."""
    stems: tuple[frozenset[str], ...]
    """Content-word stems of each candidate, for redundancy."""
    dangling: tuple[bool, ...]
    """Whether each candidate leans on the sentence before it."""
    furniture: tuple[bool, ...] = ()
    """Whether each candidate is a byline, a photo credit or a headline-like fragment: never a summary."""


def sentence_features(candidates: Candidates) -> SentenceFeatures:
    """Features for every candidate sentence of an article."""
    stop = stop_words(candidates.language)
    stem = stemmer(candidates.language)
    words = [candidates.tokenizer.to_words(t) for t in candidates.texts]
    stems = tuple(tuple(stem(w.lower()) for w in ws if w.lower() not in stop) for ws in words)
    title = frozenset(stem(w.lower()) for w in candidates.tokenizer.to_words(candidates.title) if w.lower() not in stop)
    texts = candidates.texts
    dangling = tuple(is_dangling(t, candidates.language) for t in texts)
    overlap = [len(set(s) & title) / len(title) if title else 0.0 for s in stems]
    clutter = [furniture(t, len(ws)) for t, ws in zip(texts, words, strict=True)]
    columns = {
        **_position(candidates),
        **_length([len(ws) for ws in words]),
        **_centrality(stems),
        "title": overlap,
        "title_rank": ranked(numpy.array(overlap)),
        "quote": [float(is_quote(t)) for t in texts],
        "quoted": [quoted_share(t) for t in texts],
        "furniture": clutter,
        "caption_label": [caption_label(t) for t in texts],
        "entities": [_entity_share(ws) for ws in words],
        "figures": [1.0 if _FIGURE.search(t) else 0.0 for t in texts],
        "dangling": [float(d) for d in dangling],
    }
    matrix = numpy.array([columns[name] for name in NAMES], dtype=float).T
    return SentenceFeatures(
        matrix=matrix,
        stems=tuple(frozenset(s) for s in stems),
        dangling=dangling,
        furniture=tuple(is_credit(t, len(ws)) for t, ws in zip(texts, words, strict=True)),
    )


def _position(candidates: Candidates) -> dict[str, list[float]]:
    """Where each sentence sits: first, early, relative place, paragraph opener."""
    n = len(candidates.texts)
    sizes = Counter(candidates.paragraph)
    return {
        "first": [1.0 if i == 0 else 0.0 for i in range(n)],
        "second": [1.0 if i == 1 else 0.0 for i in range(n)],
        "third": [1.0 if i == 2 else 0.0 for i in range(n)],
        "lead": [1.0 / math.sqrt(1 + i) for i in range(n)],
        "relpos": [1.0 - i / max(n - 1, 1) for i in range(n)],
        "par_first": [1.0 if k == 0 else 0.0 for k in candidates.in_paragraph],
        "par_lead": [1.0 / math.sqrt(1 + p) for p in candidates.paragraph],
        "in_par_lead": [1.0 / math.sqrt(1 + k) for k in candidates.in_paragraph],
        "par_size": [1.0 / sizes[p] for p in candidates.paragraph],
        "early": [1.0 if 3 <= i < 7 else 0.0 for i in range(n)],
        "par_second": [1.0 if p == 1 else 0.0 for p in candidates.paragraph],
        "par_third": [1.0 if p == 2 else 0.0 for p in candidates.paragraph],
    }


def _length(counts: list[int]) -> dict[str, object]:
    """Absolute length, its per-article rank, and flags for very short and overlong ones."""
    return {
        "length": [min(c, _LONG) / _LONG for c in counts],
        "length_rank": ranked(numpy.array(counts, dtype=float)),
        "short": [1.0 if c < _SHORT else 0.0 for c in counts],
        "overlong": [min(max(c - _OVERLONG, 0) / _OVERLONG, 1.0) for c in counts],
        "words_under_15": [1.0 if c < 15 else 0.0 for c in counts],
        "words_15_25": [1.0 if 15 <= c < 25 else 0.0 for c in counts],
        "words_25_35": [1.0 if 25 <= c < 35 else 0.0 for c in counts],
    }


def _centrality(stems: tuple[tuple[str, ...], ...]) -> dict[str, object]:
    """Graph centrality and frequency, as per-article ranks or scaled to a maximum of 1."""
    scores = centrality(stems)
    return {
        "reduction_rank": ranked(scores.reduction),
        "degree_rank": ranked(scores.degree),
        "lexrank": scaled(scores.lexrank),
        "lexrank_rank": ranked(scores.lexrank),
        "frequency": scaled(scores.frequency),
        "lead_similarity": scores.lead_similarity,
        "lead_similarity_rank": ranked(scores.lead_similarity),
        "first_similarity": scores.first_similarity,
    }


def _entity_share(words: tuple[str, ...]) -> float:
    """Share of a sentence's words after the first that are capitalised: names of people and places."""
    rest = [w for w in words[1:] if w[:1].isalpha()]
    return sum(w[:1].isupper() for w in rest) / len(rest) if rest else 0.0
