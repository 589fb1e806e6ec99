"""The default summariser: tf-idf graph centrality plus news cues, picked greedily with MMR.

Each sentence gets a weighted sum of the features in `features` (weights learned offline
by `scripts/learn_summary_weights.py`, stored in `generator/data/summary_weights.json`).
Selection then adds one sentence at a time, discounting ones that repeat what is already
chosen (maximal marginal relevance) and ones that lean on an unchosen previous sentence.
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


@dataclass(frozen=True)
class Weights:
    """How much each feature counts, and the two selection-time penalties."""

    features: tuple[float, ...]
    """One weight per name in `features.NAMES`."""
    redundancy: float
    """Penalty per unit of word overlap with the closest sentence already chosen."""
    dangling: float
    """Penalty for a sentence that leans on a previous sentence not chosen."""


@lru_cache(maxsize=1)
def default_weights() -> Weights:
    """The packaged, learned weights."""
    text = resources.files("generator").joinpath("data/summary_weights.json").read_text("utf-8")
    return weights_from_json(json.loads(text))


def weights_from_json(data: dict) -> Weights:
    """Weights from their JSON form; a feature the file does not name weighs 0."""
    named = data.get("features", {})
    return Weights(
        features=tuple(float(named.get(name, 0.0)) for name in NAMES),
        redundancy=float(data.get("redundancy", 0.0)),
        dangling=float(data.get("dangling", 0.0)),
    )


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
    base = features.matrix @ numpy.array(weights.features)
    chosen: list[int] = []
    while len(chosen) < min(count, len(base)):
        best, best_gain = -1, -math.inf
        for i, score in enumerate(base):
            if i in chosen or _repeats(features, i, chosen):
                continue
            gain = score - weights.redundancy * _overlap(features, i, chosen)
            if features.dangling[i] and (i - 1) not in chosen:
                gain -= weights.dangling
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
