"""Quality gate: run the evaluations on the development data and compare with pinned floors.

The floors live in `quality/floors.json` in the repository; the data stays outside it
(`--data-dir`, `../shared/eval` by default). A score may fall below its floor by at most
its check's `tolerance` (noise, in the metric's own units); re-pinning a floor lower needs `--allow-lower`.
A `summary_cv` check scores the learned summariser by k-fold cross-validation on its
learning file (each article by weights fitted without it), so the floor is a held-out score.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.tools.evaluate.cli import load_jsonl

Runner = Callable[..., dict[str, Any]]
"""Scores one data file (and the files a check names as `distractors`, for stories)."""


def _summary(path: Path) -> dict[str, Any]:
    from generator.tools.evaluate.summary import evaluate_summaries

    return evaluate_summaries(load_jsonl(path), sentences=3, algorithms=("briefing", "lead", "lexrank"))


def _summary_cv(path: Path) -> dict[str, Any]:
    from generator.tools.evaluate.summary_cv import cross_validate_rows

    return cross_validate_rows(load_jsonl(path))


def _quotes(path: Path) -> dict[str, Any]:
    from generator.tools.evaluate.quotes import evaluate_quotes

    return evaluate_quotes(load_jsonl(path))


def _quotes_cv(path: Path) -> dict[str, Any]:
    from generator.tools.evaluate.quotes_cv import cross_validate

    return cross_validate(load_jsonl(path))


def _extract(path: Path) -> dict[str, Any]:
    from generator.tools.evaluate.extract import evaluate_extract

    return evaluate_extract(path)


def _meta(path: Path) -> dict[str, Any]:
    from generator.tools.evaluate.extract import evaluate_meta

    return evaluate_meta(path)


def _stories(path: Path, *distractors: Path, same_event: Path | None = None) -> dict[str, Any]:
    from generator.stories.assemble import DEFAULT_THRESHOLD
    from generator.tools.evaluate.stories import evaluate_stories, read_same_event

    mixed_in = [row for extra in distractors for row in load_jsonl(extra)]
    same = read_same_event(same_event) if same_event else ()
    return evaluate_stories(load_jsonl(path), threshold=DEFAULT_THRESHOLD, distractors=mixed_in, same_event=same)


def _clean(path: Path) -> dict[str, Any]:
    from generator.tools.evaluate.cleaning import SHAPES, load_pastes, measure_loss

    return measure_loss(load_pastes(path), tuple(SHAPES))


RUNNERS: dict[str, Runner] = {
    "summary": _summary,
    "summary_cv": _summary_cv,
    "quotes": _quotes,
    "quotes_cv": _quotes_cv,
    "extract": _extract,
    "meta": _meta,
    "stories": _stories,
    "clean": _clean,
}
"""Evaluation kind to the function that scores one data file."""


def run_gate(
    floors_file: Path, data_dir: Path, *, pin: bool = False, allow_lower: bool = False
) -> tuple[bool, list[str]]:
    """Evaluate every check in the floors file; returns (passed, report lines)."""
    floors = json.loads(floors_file.read_text(encoding="utf-8"))
    lines, passed = [], True
    for check in floors["checks"]:
        tolerance = float(check.get("tolerance", 0.0))
        data = data_dir / check["data"]
        extra = [data_dir / name for name in check.get("distractors", [])]
        missing = [path for path in (data, *extra) if not path.exists()]
        if missing:
            lines.append(f"SKIP {check['name']}: {missing[0]} not found")
            continue
        options = {"same_event": floors_file.parent / check["same_event"]} if "same_event" in check else {}
        result = RUNNERS[check["kind"]](data, *extra, **options)
        for metric, floor in sorted(check["metrics"].items()):
            score = float(_lookup(result, metric))
            ok = score >= floor - tolerance
            lowered = score < floor
            if pin and (not lowered or allow_lower):
                check["metrics"][metric] = round(score, 4)
            passed &= ok or (pin and allow_lower)
            lines.append(f"{'ok  ' if ok else 'FAIL'} {check['name']}: {metric} = {score:.4f} (floor {floor:.4f})")
    if pin:
        floors_file.write_text(json.dumps(floors, indent=2) + "\n", encoding="utf-8")
        lines.append(f"pinned the scores in {floors_file}" + ("" if allow_lower else " (no floor lowered)"))
    return passed, lines


def _lookup(result: dict[str, Any], dotted: str) -> Any:
    value: Any = result
    for key in dotted.split("."):
        value = value[key]
    return value
