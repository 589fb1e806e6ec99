"""Learn the default summariser's weights from human choices, and cross-validate them.

Rows are dicts with `text`, optional `title`, reference sentences (`reference_sentences`
or `reference`, the highlights) and the sentences a person chose (`extract_sentences`).
Each candidate sentence is labelled twice: whether the person chose it, and whether it is
among the sentences that together match the highlights best (a greedy ROUGE oracle). A
logistic regression over the features of `features.NAMES`, each with a few value ranges
so a weight can bend, learns from a mix of the two how an editor picks. Folds are by article, so every
score reported by `cross_validate` is on articles the weights never saw. Only numbers come
out of here: it must never write text from the data anywhere.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from importlib import resources

import numpy
from rouge_score.tokenizers import DefaultTokenizer

from generator.analysis.summarizers.briefing import MODEL, Bins, Weights, default_weights, select
from generator.analysis.summarizers.document import build_candidates
from generator.analysis.summarizers.features import SentenceFeatures, sentence_features
from generator.analysis.summarizers.stock import STOCK, lead
from generator.tools.evaluate.summary import article_from_text, reference_sentences

COUNT = 3
"""Summary length in sentences, as on the site."""
_RANGES = 5
"""Value ranges (quantiles of the training rows) per feature: enough to bend, few enough to read."""
_MATCH = 0.6
"""Token F1 at which a candidate sentence is the one the person chose (splits may differ)."""
_TOKENS = DefaultTokenizer(use_stemmer=True)


@dataclass(frozen=True)
class Case:
    """One article, prepared: features, labels, candidate tokens and reference n-grams."""

    features: SentenceFeatures
    labels: numpy.ndarray
    """1 for each candidate sentence the person chose, else 0."""
    oracle: numpy.ndarray
    """1 for the sentences that together match the highlights best (greedy ROUGE-1 + ROUGE-2)."""
    tokens: tuple[tuple[str, ...], ...]
    references: dict[str, tuple[Counter, Counter]]
    """Unigram and bigram counts of each reference: `highlights` and `extract`."""
    baselines: dict[str, tuple[int, ...]]
    """Sentences Lead and each stock summariser picked."""


def _ngrams(tokens: Sequence[str], n: int) -> Counter:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _f1(summary: Counter, reference: Counter) -> float:
    hit = sum((summary & reference).values())
    if not hit:
        return 0.0
    p, r = hit / sum(summary.values()), hit / sum(reference.values())
    return 2 * p * r / (p + r)


def _reference(sentences: Iterable[str]) -> tuple[Counter, Counter]:
    tokens = [t for s in sentences for t in _TOKENS.tokenize(s)]
    return _ngrams(tokens, 1), _ngrams(tokens, 2)


def _labels(tokens: tuple[tuple[str, ...], ...], chosen: Sequence[str]) -> numpy.ndarray:
    """Mark the candidate closest to each chosen sentence, when close enough."""
    labels = numpy.zeros(len(tokens))
    bags = [Counter(t) for t in tokens]
    for sentence in chosen:
        target = Counter(_TOKENS.tokenize(sentence))
        scores = [_f1(bag, target) for bag in bags]
        best = int(numpy.argmax(scores)) if scores else -1
        if best >= 0 and scores[best] >= _MATCH:
            labels[best] = 1.0
    return labels


def prepare_case(row: dict, *, stock: bool = True) -> Case | None:
    """A prepared article, or None when it has no candidate sentences."""
    candidates = build_candidates(article_from_text(str(row["text"]), str(row.get("title") or "")))
    if not candidates.texts:
        return None
    tokens = tuple(tuple(_TOKENS.tokenize(t)) for t in candidates.texts)
    extract = [str(s) for s in row.get("extract_sentences") or ()]
    strategies = {"lead": lead, **(STOCK if stock else {})}
    case = Case(
        features=sentence_features(candidates),
        labels=_labels(tokens, extract),
        oracle=numpy.zeros(len(tokens)),
        tokens=tokens,
        references={"highlights": _reference(reference_sentences(row)), "extract": _reference(extract)},
        baselines={name: tuple(sorted(s(candidates, COUNT))) for name, s in strategies.items()},
    )
    return replace(case, oracle=_oracle(case))


def _oracle(case: Case) -> numpy.ndarray:
    """Mark the sentences a greedy search picks to match the highlights best, up to `COUNT`."""
    chosen: list[int] = []
    best = 0.0
    for _ in range(COUNT):
        pick = None
        for i in range(len(case.tokens)):
            if i not in chosen and sum(rouge12(case, [*chosen, i], "highlights")) > best:
                best, pick = sum(rouge12(case, [*chosen, i], "highlights")), i
        if pick is None:
            break
        chosen.append(pick)
    marks = numpy.zeros(len(case.tokens))
    marks[chosen] = 1.0
    return marks


def rouge12(case: Case, picked: Sequence[int], reference: str) -> tuple[float, float]:
    """ROUGE-1 and ROUGE-2 F1 x 100, as rouge-score computes them, for picked sentences."""
    tokens = [t for i in sorted(picked) for t in case.tokens[i]]
    ref1, ref2 = case.references[reference]
    return 100 * _f1(_ngrams(tokens, 1), ref1), 100 * _f1(_ngrams(tokens, 2), ref2)


def fit_logistic(x: numpy.ndarray, y: numpy.ndarray, l2: float = 1.0, steps: int = 25) -> tuple[numpy.ndarray, float]:
    """Logistic-regression weights and bias (Newton's method, L2 on the weights; y may be soft)."""
    design = numpy.hstack([x, numpy.ones((len(x), 1))])
    beta = numpy.zeros(design.shape[1])
    penalty = numpy.full(design.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + numpy.exp(-(design @ beta)))
        gradient = design.T @ (p - y) + penalty * beta
        hessian = (design * (p * (1 - p))[:, None]).T @ design + numpy.diag(penalty + 1e-9)
        step = numpy.linalg.solve(hessian, gradient)
        beta -= step
        if float(numpy.abs(step).max()) < 1e-6:
            break
    return beta[:-1], float(beta[-1])


def learned_weights(cases: Sequence[Case], template: Weights, l2: float = 1.0, extract: float = 0.0) -> Weights:
    """The template's selection penalties with feature weights (and bends) fitted to these cases.

    The target is the highlights oracle, mixed with the person's choice by `extract`.
    """
    x = numpy.vstack([c.features.matrix for c in cases])
    y = numpy.concatenate([(1 - extract) * c.oracle + extract * c.labels for c in cases])
    edges = [_edges(x[:, j]) for j in range(x.shape[1])]
    beta, _ = fit_logistic(_expand(x, edges), y, l2)
    linear, bins, at = [], [], 0
    for cuts in edges:
        linear.append(round(float(beta[at]), 4))
        bins.append(Bins(cuts, tuple(round(float(w), 4) for w in beta[at + 1 : at + 1 + len(cuts)])))
        at += 1 + len(cuts)
    return replace(template, features=tuple(linear), bins=tuple(bins))


def _edges(values: numpy.ndarray) -> tuple[float, ...]:
    """Quantile cut points of a feature with more than two values; none for flags."""
    if len(numpy.unique(values)) <= 2:
        return ()
    cuts = numpy.unique(numpy.quantile(values, numpy.linspace(0, 1, _RANGES + 1)[1:-1]))
    return tuple(round(float(c), 4) for c in cuts)


def _expand(x: numpy.ndarray, edges: Sequence[tuple[float, ...]]) -> numpy.ndarray:
    """Each feature's value, followed by one indicator per value range above the first."""
    columns = []
    for j, cuts in enumerate(edges):
        columns.append(x[:, j : j + 1])
        ranges = numpy.searchsorted(numpy.array(cuts), x[:, j], side="right")
        columns.extend((ranges == k).astype(float)[:, None] for k in range(1, len(cuts) + 1))
    return numpy.hstack(columns)


def folds_of(n: int, k: int) -> list[list[int]]:
    """Article indices of k folds, interleaved so each fold spans the whole file."""
    return [list(range(start, n, k)) for start in range(k)]


def cross_validate(cases: Sequence[Case], template: Weights, k: int = 5, l2: float = 1.0, extract: float = 0.0) -> dict:
    """Held-out mean ROUGE-1/2 of the learned default, Lead and stock, against both references."""
    picks: list[dict[str, tuple[int, ...]]] = [dict(c.baselines) for c in cases]
    for held in folds_of(len(cases), k):
        kept = set(held)
        weights = learned_weights([c for i, c in enumerate(cases) if i not in kept], template, l2, extract)
        for i in held:
            picks[i]["briefing"] = select(cases[i].features, weights, COUNT)
    return score_picks(cases, picks)


def score_picks(cases: Sequence[Case], picks: Sequence[dict[str, tuple[int, ...]]]) -> dict:
    """Mean ROUGE-1/2 per system and reference, and the dangling-opener share per system."""
    totals: dict[str, defaultdict[str, float]] = {}
    for case, chosen in zip(cases, picks, strict=True):
        for name, picked in chosen.items():
            row = totals.setdefault(name, defaultdict(float))
            for reference in case.references:
                r1, r2 = rouge12(case, picked, reference)
                row[f"{reference}_rouge1"] += r1
                row[f"{reference}_rouge2"] += r2
            row["dangling"] += 100.0 * _dangles(case.features, picked)
    n = max(len(cases), 1)
    return {name: {k: round(v / n, 2) for k, v in row.items()} for name, row in totals.items()}


def cross_validate_rows(rows: Iterable[dict], k: int | None = None) -> dict:
    """Held-out scores of the learning procedure with the packaged model's settings (for the gate).

    Lead is the only baseline here: stock summarisers are slow and the gate pins our scores.
    """
    model = json.loads(resources.files("generator").joinpath(MODEL).read_text("utf-8"))
    cases = [c for c in (prepare_case(row, stock=False) for row in rows) if c is not None]
    folds = int(k or model.get("folds", 5))
    l2, extract = float(model.get("l2", 1.0)), float(model.get("extract", 0.0))
    scores = cross_validate(cases, default_weights(), k=folds, l2=l2, extract=extract)
    return {"n": len(cases), "folds": folds, "systems": scores}


def _dangles(features: SentenceFeatures, picked: Sequence[int]) -> bool:
    """Whether a picked sentence leans on a previous one that was not picked."""
    return any(features.dangling[i] and (i - 1) not in picked for i in picked)
