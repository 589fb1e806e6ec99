"""Learn the default summariser's weights from reference summaries; write them as JSON.

Usage: python scripts/learn_summary_weights.py DATA.jsonl [DATA.jsonl ...] [--out PATH]

Each file is one kind of news; the objective is the worst margin, over files and over
ROUGE-1/ROUGE-2, by which the default beats both Lead and the best stock sumy summariser,
so no single file can dominate. Only numbers are written: never any text from the data.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rouge_score.tokenizers import DefaultTokenizer  # noqa: E402

from generator.analysis.summarizers.briefing import Weights, select, weights_from_json  # noqa: E402
from generator.analysis.summarizers.document import build_candidates  # noqa: E402
from generator.analysis.summarizers.features import NAMES, SentenceFeatures, sentence_features  # noqa: E402
from generator.analysis.summarizers.stock import STOCK, lead  # noqa: E402
from generator.tools.evaluate.summary import _article_from_text, _load_rows, _reference_sentences  # noqa: E402

COUNT = 3
GRID = (-2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0)
STEPS = (-0.5, -0.2, -0.1, 0.1, 0.2, 0.5)
"""Absolute values and relative steps tried for each weight in coordinate ascent."""
READABILITY_FLOOR = 0.1
"""Least redundancy and dangling-opener penalty: ROUGE does not reward readability."""
_TOKENS = DefaultTokenizer(use_stemmer=True)


@dataclass(frozen=True)
class Case:
    """One article, prepared: features, candidate tokens and reference n-grams."""

    features: SentenceFeatures
    tokens: tuple[tuple[str, ...], ...]
    ref1: Counter
    ref2: Counter


def _ngrams(tokens: list[str], n: int) -> Counter:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _f1(summary: Counter, reference: Counter) -> float:
    hit = sum((summary & reference).values())
    if not hit:
        return 0.0
    p, r = hit / sum(summary.values()), hit / sum(reference.values())
    return 2 * p * r / (p + r)


def rouge12(case: Case, picked: tuple[int, ...]) -> tuple[float, float]:
    """ROUGE-1 and ROUGE-2 F1 x 100, as rouge-score computes them, for picked sentences."""
    tokens = [t for i in sorted(picked) for t in case.tokens[i]]
    return 100 * _f1(_ngrams(tokens, 1), case.ref1), 100 * _f1(_ngrams(tokens, 2), case.ref2)


def prepare(path: str) -> tuple[list[Case], dict[str, tuple[float, float]]]:
    """Cases of one file and the mean ROUGE-1/2 of Lead and each stock summariser."""
    cases, baselines = [], {name: [0.0, 0.0] for name in ("lead", *STOCK)}
    for row in _load_rows(path):
        candidates = build_candidates(_article_from_text(row["text"], row.get("title") or ""))
        if not candidates.texts:
            continue
        ref = [t for s in _reference_sentences(row) for t in _TOKENS.tokenize(s)]
        case = Case(
            sentence_features(candidates),
            tuple(tuple(_TOKENS.tokenize(t)) for t in candidates.texts),
            _ngrams(ref, 1),
            _ngrams(ref, 2),
        )
        cases.append(case)
        for name, strategy in (("lead", lead), *STOCK.items()):
            r1, r2 = rouge12(case, strategy(candidates, COUNT))
            baselines[name][0] += r1
            baselines[name][1] += r2
    return cases, {k: (v[0] / len(cases), v[1] / len(cases)) for k, v in baselines.items()}


_SEEN: dict[tuple[int, tuple[int, ...]], tuple[float, float]] = {}
"""ROUGE of (case, picked sentences) already computed: most trials repick the same ones."""


def score(cases: list[Case], weights: Weights) -> tuple[float, float]:
    """Mean ROUGE-1/2 of the default with these weights."""
    totals = [0.0, 0.0]
    for case in cases:
        picked = select(case.features, weights, COUNT)
        key = (id(case), picked)
        if key not in _SEEN:
            _SEEN[key] = rouge12(case, picked)
        r1, r2 = _SEEN[key]
        totals[0] += r1
        totals[1] += r2
    return totals[0] / len(cases), totals[1] / len(cases)


def objective(sets: list[tuple[list[Case], tuple[float, float]]], weights: Weights) -> float:
    """Worst margin over files and metrics, plus a little of the mean margin."""
    margins = []
    for cases, targets in sets:
        got = score(cases, weights)
        margins += [got[0] - targets[0], got[1] - targets[1]]
    return min(margins) + 0.1 * sum(margins) / len(margins)


def _current(weights: Weights, slot: int) -> float:
    if slot < len(NAMES):
        return weights.features[slot]
    return weights.redundancy if slot == len(NAMES) else weights.dangling


def _variants(weights: Weights, slot: int, value: float) -> Weights:
    if slot < len(NAMES):
        features = list(weights.features)
        features[slot] = value
        return replace(weights, features=tuple(features))
    if slot == len(NAMES):
        return replace(weights, redundancy=max(value, READABILITY_FLOOR))
    return replace(weights, dangling=max(value, READABILITY_FLOOR))


def learn(sets: list[tuple[list[Case], tuple[float, float]]], start: Weights, rounds: int) -> Weights:
    """Coordinate ascent over a fixed grid, starting from the current weights."""
    best, best_value = start, objective(sets, start)
    for _ in range(rounds):
        improved = False
        for slot in range(len(NAMES) + 2):
            current = _current(best, slot)
            for value in (*GRID, *(current + step for step in STEPS)):
                trial = _variants(best, slot, round(value, 3))
                value_now = objective(sets, trial)
                if value_now > best_value + 1e-6:
                    best, best_value, improved = trial, value_now, True
        print(f"objective {best_value:.3f}", file=sys.stderr)
        if not improved:
            break
    return best


def to_json(weights: Weights) -> dict:
    return {
        "features": {n: w for n, w in zip(NAMES, weights.features, strict=False)},
        "redundancy": weights.redundancy,
        "dangling": weights.dangling,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--out", default="generator/data/summary_weights.json")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument(
        "--holdout", action="store_true", help="learn on even rows, report odd rows too (nothing written)"
    )
    args = parser.parse_args()
    sets, held = [], []
    for path in args.paths:
        cases, baselines = prepare(path)
        targets = tuple(max(b[k] for b in baselines.values()) for k in (0, 1))
        print(path, {k: tuple(round(x, 2) for x in v) for k, v in baselines.items()}, file=sys.stderr)
        train = cases[::2] if args.holdout else cases
        sets.append((train, targets))
        held.append((cases[1::2], targets))
    start = weights_from_json(json.loads(Path(args.out).read_text()))
    weights = learn(sets, start, args.rounds)
    for (cases, targets), path in zip(held if args.holdout else sets, args.paths, strict=False):
        print(
            path,
            "default",
            [round(x, 2) for x in score(cases, weights)],
            "targets",
            [round(x, 2) for x in targets],
            file=sys.stderr,
        )
    print(json.dumps(to_json(weights), indent=1))
    if not args.holdout:
        Path(args.out).write_text(json.dumps(to_json(weights), indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
