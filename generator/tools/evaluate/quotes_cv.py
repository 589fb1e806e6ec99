"""Two-fold cross-validation of the quote rules chosen on data (part of `evaluate quotes`).

The articles are split in two halves by id. On the fit half, each data-chosen choice earns
its place: a regular cue verb is added to the core list (the speech verbs the irregular
list names, with their inflections) only when it strictly raises the fit half's score, and
each window threshold takes the grid value that scores best there (ties keep the shipped
value). The chosen rules are then scored on the other half, both ways round. The code's
patterns are not refitted: they were written from all of the data, so these figures bound
the leak of word lists and thresholds only. Rules are varied by rebinding the quote
modules' constants for one fold and restored after; the build never does this.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from types import ModuleType
from typing import Any

from generator.analysis.quotes import attribution, cues, extract
from generator.tools.evaluate.quotes import score_row, summarise

THRESHOLDS: dict[tuple[ModuleType, str], tuple[float, ...]] = {
    (attribution, "AFTER_CUE_CHARS"): (100, 150, 200, 300),
    (attribution, "AFTER_CUE_TOKENS"): (10, 15, 25, 40),
    (attribution, "SHORT_NEXT_TOKENS"): (0, 4, 8, 12),
    (extract, "LOOKBACK_SUBJECTS"): (1, 3, 6, 12, 24),
    (extract, "HEADLINE_SHARE"): (0.6, 0.7, 0.8, 0.9, 2.0),
}
"""Each window threshold and the grid it is chosen from on a fit half."""


@dataclass(frozen=True)
class Rules:
    """One choice of the data-chosen quote rules: regular cue verbs and window thresholds."""

    verbs: tuple[str, ...] = ()
    thresholds: dict[tuple[ModuleType, str], float] = field(default_factory=dict)


def shipped() -> Rules:
    """The rules as the build uses them."""
    return Rules(cues.REGULAR_CUES, {key: getattr(key[0], key[1]) for key in THRESHOLDS})


@contextmanager
def applied(rules: Rules) -> Iterator[None]:
    """Rebind the quote modules' constants to `rules` for the duration of the block."""
    pattern = cues.cue_pattern(cues.cue_words(rules.verbs))
    bindings: dict[tuple[ModuleType, str], object] = {(m, "CUE"): pattern for m in (cues, attribution, extract)}
    bindings.update(rules.thresholds)
    saved = {key: getattr(key[0], key[1]) for key in bindings}
    try:
        for (module, name), value in bindings.items():
            setattr(module, name, value)
        yield
    finally:
        for (module, name), value in saved.items():
            setattr(module, name, value)


def _objective(scores: list[dict[str, Any]]) -> float:
    """What a fit half maximises: direct-quote F1 plus speaker accuracy."""
    summary = summarise(scores)
    return float(summary["f1"]) + float(summary["speaker_accuracy"])


def _scores(rows: list[dict[str, Any]], rules: Rules) -> list[dict[str, Any]]:
    with applied(rules):
        return [score_row(row) for row in rows]


def _verb_rows(rows: list[dict[str, Any]], verb: str) -> list[int]:
    """Indexes of the rows whose text holds a form of the verb (only they can change)."""
    forms = re.compile(r"\b(?:" + "|".join(cues.cue_words((verb,)) - cues.cue_words(())) + r")\b")
    return [i for i, row in enumerate(rows) if forms.search(row["text"])]


def core_verbs() -> tuple[str, ...]:
    """The regular verbs whose bare form the irregular list already names (`add`, `ask`): the core, never fitted."""
    return tuple(verb for verb in cues.REGULAR_CUES if verb in cues.IRREGULAR_CUES)


def fit(rows: list[dict[str, Any]]) -> Rules:
    """The rules chosen on `rows`: verbs added one at a time, then each threshold from its grid."""
    base = shipped()
    rules = replace(base, verbs=core_verbs())
    scores = _scores(rows, rules)
    best = _objective(scores)
    for verb in (verb for verb in cues.REGULAR_CUES if verb not in rules.verbs):
        trial = replace(rules, verbs=(*rules.verbs, verb))
        changed = _verb_rows(rows, verb)
        with applied(trial):
            candidate = list(scores)
            for i in changed:
                candidate[i] = score_row(rows[i])
        if _objective(candidate) > best:
            rules, scores, best = trial, candidate, _objective(candidate)
    for key, grid in THRESHOLDS.items():
        for value in sorted(grid, key=lambda v: v != base.thresholds[key]):
            trial = replace(rules, thresholds={**rules.thresholds, key: value})
            candidate = _scores(rows, trial)
            if _objective(candidate) > best:
                rules, scores, best = trial, candidate, _objective(candidate)
    return rules


def halves(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The two folds: articles sorted by id, alternately assigned."""
    ordered = sorted(rows, key=lambda row: str(row.get("id", "")))
    return ordered[0::2], ordered[1::2]


def cross_validate(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Held-out scores of rules fitted on the other half, per fold and pooled, with what each fold chose."""
    folds = []
    held_scores: list[dict[str, Any]] = []
    one, two = halves(rows)
    for fit_rows, test_rows in ((one, two), (two, one)):
        rules = fit(fit_rows)
        scores = _scores(test_rows, rules)
        held_scores += scores
        folds.append(
            {
                **summarise(scores),
                "verbs_kept": len(rules.verbs),
                "thresholds": {name: rules.thresholds[(module, name)] for module, name in THRESHOLDS},
            }
        )
    return {"pooled": summarise(held_scores), "folds": folds}
