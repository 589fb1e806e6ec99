"""The default summariser: the sentences an editor would pick, learned from human choices.

Each sentence gets a weighted sum of the features in `features` (position, length,
centrality, title overlap, names, figures, quotation, dangling openers): the logit of a
logistic regression fitted offline by `scripts/learn_summary_weights.py` to the sentences
people chose as news summaries, stored in `generator/data/summary_weights.json`.
Selection then adds one sentence at a time, discounting ones that repeat what is already
chosen (maximal marginal relevance); a sentence that leans on an unchosen previous one,
or page furniture, is taken only when nothing else is left.
It must never switch behaviour by data set or read anything but its packaged weights.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy

from generator.analysis.summarizers.document import Candidates
from generator.analysis.summarizers.features import NAMES, SentenceFeatures, sentence_features

MODEL = "data/summary_weights.json"
"""The packaged model, relative to the `generator` package."""
_FURNITURE_PENALTY = 1000.0
"""Larger than any score: furniture is picked only when nothing else is left."""


@dataclass(frozen=True)
class Weights:
    """How much each feature counts, and the two selection-time penalties."""

    features: tuple[float, ...]
    """One weight per name in `features.NAMES`."""
    redundancy: float
    """Penalty per unit of word overlap with the closest sentence already chosen."""
    dangling: float
    """Penalty for a sentence that leans on a previous sentence not chosen."""
    bins: tuple[Bins, ...] = ()
    """Per feature (same order as `features`), extra weights by value range; empty: linear only."""


@dataclass(frozen=True)
class Bins:
    """A feature's value ranges and what each adds: a bend in an otherwise linear weight."""

    edges: tuple[float, ...] = ()
    """Ascending cut points; a value at or above edges[k] falls in range k + 1."""
    weights: tuple[float, ...] = ()
    """What ranges 1.. add (range 0, below the first edge, adds nothing)."""

    def add(self, values: numpy.ndarray) -> numpy.ndarray:
        """The extra score of each value."""
        if not self.edges:
            return numpy.zeros(len(values))
        table = numpy.concatenate([[0.0], self.weights])
        return table[numpy.searchsorted(numpy.array(self.edges), values, side="right")]


@lru_cache(maxsize=1)
def default_weights() -> Weights:
    """The packaged, learned weights."""
    text = resources.files("generator").joinpath(MODEL).read_text("utf-8")
    return weights_from_json(json.loads(text))


def weights_from_json(data: dict) -> Weights:
    """Weights from their JSON form; a feature the file does not name weighs 0."""
    named = data.get("features", {})
    ranges = data.get("bins", {})
    return Weights(
        features=tuple(float(named.get(name, 0.0)) for name in NAMES),
        redundancy=float(data.get("redundancy", 0.0)),
        dangling=float(data.get("dangling", 0.0)),
        bins=tuple(
            Bins(tuple(map(float, ranges[n]["edges"])), tuple(map(float, ranges[n]["weights"])))
            if n in ranges
            else Bins()
            for n in NAMES
        ),
    )


def scores(features: SentenceFeatures, weights: Weights) -> numpy.ndarray:
    """Each sentence's score: the learned model's logit of "an editor would pick it"."""
    base = features.matrix @ numpy.array(weights.features)
    for column, bins in enumerate(weights.bins):
        base = base + bins.add(features.matrix[:, column])
    return base


def briefing(candidates: Candidates, count: int) -> tuple[int, ...]:
    """Indices of the `count` sentences the default summariser picks."""
    if not candidates.texts:
        return ()
    return select(sentence_features(candidates), default_weights(), count)


def select(features: SentenceFeatures, weights: Weights, count: int) -> tuple[int, ...]:
    """Greedy MMR selection over feature scores, with the dangling-opener penalty.

    A sentence with the same content stems as one already chosen says nothing new and is
    never picked, so an article that repeats a sentence is not summarised by it twice.
    """
    base = scores(features, weights)
    chosen: list[int] = []
    while len(chosen) < min(count, len(base)):
        best, best_gain = -1, -math.inf
        for i, score in enumerate(base):
            if i in chosen or _repeats(features, i, chosen):
                continue
            gain = score - weights.redundancy * _overlap(features, i, chosen)
            if features.dangling[i] and (i - 1) not in chosen:
                gain -= weights.dangling
            if i < len(features.furniture) and features.furniture[i]:
                gain -= _FURNITURE_PENALTY
            if gain > best_gain:
                best, best_gain = i, gain
        if best < 0:
            break
        chosen.append(best)
    return tuple(sorted(chosen))


def _repeats(features: SentenceFeatures, i: int, chosen: list[int]) -> bool:
    """Whether sentence i has exactly the content stems of a chosen sentence."""
    mine = features.stems[i]
    return bool(mine) and any(features.stems[j] == mine for j in chosen)


def _overlap(features: SentenceFeatures, i: int, chosen: list[int]) -> float:
    """Largest cosine overlap of sentence i's content stems with any chosen sentence."""
    mine = features.stems[i]
    if not mine or not chosen:
        return 0.0
    return max(
        len(mine & features.stems[j]) / math.sqrt(len(mine) * len(features.stems[j])) if features.stems[j] else 0.0
        for j in chosen
    )
