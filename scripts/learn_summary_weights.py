"""Learn the default summariser's weights from the sentences editors chose; write them as JSON.

Usage: python scripts/learn_summary_weights.py CNNCORPUS.jsonl [--check OTHER.jsonl ...]
       [--folds 5] [--out generator/data/summary_weights.json] [--cache DIR] [--dry-run]

The learning file needs `extract_sentences` (the sentences a person chose) per row. A
logistic regression over general sentence features learns that choice; every score printed
for the learning file is k-fold cross-validated (folds by article: each article is scored
by weights fitted without it), beside Lead-3 and every stock sumy summariser on the same
articles. `--check` files are only scored, with the weights fitted to the whole learning
file, and never influence them. Only numbers are written: never any text from the data.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.analysis.summarizers.briefing import Weights, select  # noqa: E402
from generator.analysis.summarizers.features import NAMES  # noqa: E402
from generator.tools.evaluate.summary import load_rows  # noqa: E402
from generator.tools.evaluate.summary_cv import (  # noqa: E402
    COUNT,
    Case,
    cross_validate,
    learned_weights,
    prepare_case,
    score_picks,
)

REDUNDANCY = (0.5, 1.0)
"""Redundancy penalties compared by cross-validation (logit units of the regression)."""
DANGLING = (1.0, 2.0)
"""Penalties for a dangling opener without its antecedent, compared by cross-validation."""
EXTRACT = (0.0, 0.5)
"""Shares of the person's choice in the target (the rest: the highlights oracle)."""
L2 = 1.0
"""Ridge strength of the regression."""
MOST_DANGLING = 4.0
"""Largest held-out share (%) of summaries with a dangling opener a setting may have."""


def load_cases(path: str, cache: Path | None) -> list[Case]:
    """Prepared articles of one file (features, labels, baselines), cached by file content."""
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]
    stored = cache / f"cases-{digest}.pkl" if cache else None
    if stored and stored.exists():
        return pickle.loads(stored.read_bytes())
    cases = [c for c in (prepare_case(row) for row in load_rows(path)) if c is not None]
    if stored:
        stored.parent.mkdir(parents=True, exist_ok=True)
        stored.write_bytes(pickle.dumps(cases))
    return cases


def table(title: str, scores: dict) -> str:
    """Systems by highlight ROUGE-1, with extract ROUGE and the dangling-opener share."""
    keys = ("highlights_rouge1", "highlights_rouge2", "extract_rouge1", "extract_rouge2", "dangling")
    lines = [title, f"{'system':<12}" + "".join(f"{k.replace('highlights', 'ref'):>18}" for k in keys)]
    for name, s in sorted(scores.items(), key=lambda kv: -kv[1]["highlights_rouge1"]):
        lines.append(f"{name:<12}" + "".join(f"{s.get(k, 0.0):>18.2f}" for k in keys))
    return "\n".join(lines)


def _merit(scores: dict) -> float:
    """What the cross-validation compares: the margin over Lead against the highlights (R1 + R2).

    Against the human extract the default is far ahead of every system whatever the
    setting; against the highlights the goal is tight. Too many dangling openers disqualify.
    """
    s, lead = scores["briefing"], scores["lead"]
    if s["dangling"] > MOST_DANGLING:
        return -1e9
    return sum(s[k] - lead[k] for k in ("highlights_rouge1", "highlights_rouge2"))


def choose(cases: list[Case], folds: int) -> tuple[Weights, float, dict]:
    """Selection penalties and target mix with the best cross-validated scores."""
    best: tuple[float, Weights, float, dict] | None = None
    for extract in EXTRACT:
        for redundancy in REDUNDANCY:
            for dangling in DANGLING:
                template = Weights(features=(0.0,) * len(NAMES), redundancy=redundancy, dangling=dangling)
                scores = cross_validate(cases, template, k=folds, l2=L2, extract=extract)
                print(
                    f"extract {extract} redundancy {redundancy} dangling {dangling}:",
                    scores["briefing"],
                    file=sys.stderr,
                )
                if best is None or _merit(scores) > best[0]:
                    best = (_merit(scores), template, extract, scores)
    assert best is not None
    return best[1], best[2], best[3]


def check(path: str, weights: Weights, cache: Path | None) -> dict:
    """Scores on a file the weights were not fitted to, beside the baselines."""
    cases = load_cases(path, cache)
    picks = [{**c.baselines, "briefing": select(c.features, weights, COUNT)} for c in cases]
    return score_picks(cases, picks)


def to_json(weights: Weights, extract: float, folds: int, scores: dict) -> dict:
    """The model file: weights per feature, selection penalties and how they were validated."""
    return {
        "features": dict(zip(NAMES, weights.features, strict=True)),
        "bins": {
            n: {"edges": b.edges, "weights": b.weights} for n, b in zip(NAMES, weights.bins, strict=True) if b.edges
        },
        "redundancy": weights.redundancy,
        "dangling": weights.dangling,
        "l2": L2,
        "extract": extract,
        "folds": folds,
        "cross_validated": {name: scores[name] for name in ("briefing", "lead")},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("path", help="JSONL with text, title, reference_sentences and extract_sentences")
    parser.add_argument("--check", nargs="*", default=[], help="JSONL files only scored, never learned from")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--out", type=Path, default=Path("generator/data/summary_weights.json"))
    parser.add_argument("--cache", type=Path, help="folder for prepared articles (speeds up reruns)")
    parser.add_argument("--dry-run", action="store_true", help="report only, write nothing")
    args = parser.parse_args()
    cases = load_cases(args.path, args.cache)
    template, extract, scores = choose(cases, args.folds)
    print(table(f"{args.path}: {args.folds}-fold cross-validated, n = {len(cases)}", scores))
    weights = learned_weights(cases, template, L2, extract)
    model = to_json(weights, extract, args.folds, scores)
    for path in args.check:
        print(table(f"{path}: weights fitted to {args.path}", check(path, weights, args.cache)))
    print(json.dumps(model, indent=1))
    if not args.dry_run:
        args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
