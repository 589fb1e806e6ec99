"""Scores quote extraction against attribution gold such as PolNeAR's (`quotes_polnear.jsonl`).

Usage: `python -m generator evaluate quotes --data ../shared/eval/quotes_polnear.jsonl`: in-sample
scores, and 2-fold cross-validated ones (`quotes_cv`).
It runs `find_quotes` (the site's own quote logic) on each row's text and scores only gold
attributions with `direct: true`. It must never be imported by the build, and never write or
copy the evaluation data anywhere.

Units. PolNeAR marks the whole attributed content, so for a mixed quote (a few quoted words
inside the writer's sentence) the gold span is the reported clause, not the quoted words. A
prediction is therefore scored on `reported_span`: a full quote with its marks, a fragment
as its clause from the cue to the sentence end. Only attributed predictions count (a quote
with no speaker, e.g. scare quotes or titles, is not an attribution); predictions sharing a
speaker mention in one paragraph (`"A," she said. "B."`) are one attribution, as in the gold.

Matching: a prediction matches a gold quote when it covers at least half of the gold
quote's characters; pairs are matched one-to-one, largest overlap first.

Speaker rule: on matched pairs whose gold names a speaker, the speaker is correct when the
predicted mention span overlaps the gold speaker span, or when the head words (last token,
case-insensitive, possessive dropped) of the predicted speaker and the gold speaker agree.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from generator.analysis.quotes.extract import find_quotes, reported_span

_Prediction = tuple[int, int, int, int, str]
"""(start, end, speaker_start, speaker_end, speaker) of one scored prediction."""


def _predictions(text: str) -> list[_Prediction]:
    """Attributed predictions on reported spans, split quotes of one mention merged."""
    merged: list[_Prediction] = []
    for quote in find_quotes(text):
        if quote.speaker_start < 0 or quote.speaker is None:
            continue
        start, end = reported_span(text, quote)
        last = merged[-1] if merged else None
        same = last and last[2:4] == (quote.speaker_start, quote.speaker_end)
        if last and same and "\n" not in text[last[0] : end]:
            merged[-1] = (min(last[0], start), max(last[1], end)) + last[2:]
        else:
            merged.append((start, end, quote.speaker_start, quote.speaker_end, quote.speaker))
    return merged


def _head(words: str) -> str:
    """Last token, lower-cased, possessive and punctuation dropped."""
    parts = words.replace("’s", "").replace("'s", "").strip(" ,.").split()
    return parts[-1].lower() if parts else ""


def _speaker_ok(pred: _Prediction, gold: dict[str, Any], text: str) -> bool:
    """The documented speaker rule: overlapping mention spans or agreeing head words."""
    for s, e in gold["speaker_spans"]:
        if pred[2] < e and s < pred[3]:
            return True
    gold_heads = {_head(text[s:e]) for s, e in gold["speaker_spans"]} | {_head(gold["speaker"])}
    return _head(pred[4]) in gold_heads


def _match(preds: list[_Prediction], golds: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one (prediction, gold) index pairs covering at least half of each gold."""
    options = []
    for gi, gold in enumerate(golds):
        size = sum(e - s for s, e in gold["quote_spans"])
        for pi, pred in enumerate(preds):
            overlap = sum(max(0, min(e, pred[1]) - max(s, pred[0])) for s, e in gold["quote_spans"])
            if size and overlap * 2 >= size:
                options.append((overlap, pi, gi))
    pairs, used_p, used_g = [], set(), set()
    for _, pi, gi in sorted(options, reverse=True):
        if pi not in used_p and gi not in used_g:
            pairs.append((pi, gi))
            used_p.add(pi)
            used_g.add(gi)
    return pairs


def score_row(row: dict[str, Any]) -> dict[str, Any]:
    """Counts for one article, with its misses for inspection."""
    text = row["text"]
    golds = [q for q in row["quotes"] if q.get("direct")]
    preds = _predictions(text)
    pairs = _match(preds, golds)
    judged = [(p, g) for p, g in pairs if golds[g]["speaker_spans"]]
    right = [_speaker_ok(preds[p], golds[g], text) for p, g in judged]
    matched_g = {g for _, g in pairs}
    matched_p = {p for p, _ in pairs}
    return {
        "gold": len(golds),
        "predicted": len(preds),
        "matched": len(pairs),
        "judged": len(judged),
        "speaker_right": sum(right),
        "missed": [golds[g]["quote"][:80] for g in range(len(golds)) if g not in matched_g],
        "spurious": [text[preds[p][0] : preds[p][1]][:80] for p in range(len(preds)) if p not in matched_p],
        "wrong_speaker": [
            (preds[p][4], golds[g]["speaker"]) for (p, g), ok in zip(judged, right, strict=False) if not ok
        ],
    }


def evaluate_quotes(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Precision, recall, F1 and speaker accuracy of `find_quotes` on direct gold quotes."""
    scores = [score_row(row) for row in rows]
    return {
        **summarise(scores),
        "errors": {k: [e for s in scores for e in s[k]] for k in ("missed", "spurious", "wrong_speaker")},
    }


def summarise(scores: list[dict[str, Any]]) -> dict[str, Any]:
    """Precision, recall, F1 and speaker accuracy from the counts of `score_row` over articles."""
    total = {k: sum(s[k] for s in scores) for k in ("gold", "predicted", "matched", "judged", "speaker_right")}
    precision = total["matched"] / total["predicted"] if total["predicted"] else 0.0
    recall = total["matched"] / total["gold"] if total["gold"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "speaker_accuracy": round(total["speaker_right"] / total["judged"], 4) if total["judged"] else 0.0,
        "n_gold": total["gold"],
        "n_predicted": total["predicted"],
    }


def format_quotes_report(result: dict[str, Any]) -> str:
    """A short human-readable report of `evaluate_quotes` scores."""
    return "\n".join(
        [
            f"quotes: {result['n_gold']} gold direct, {result['n_predicted']} predicted",
            f"  precision {result['precision']:.4f}  recall {result['recall']:.4f}  F1 {result['f1']:.4f}",
            f"  speaker accuracy (matched) {result['speaker_accuracy']:.4f}",
            *_cv_lines(result.get("cross_validated")),
        ]
    )


def _cv_lines(cv: dict[str, Any] | None) -> list[str]:
    """The cross-validated figures, pooled over both held-out halves and per fold."""
    if not cv:
        return []
    pooled = cv["pooled"]
    folds = ", ".join(f"{fold['f1']:.4f}/{fold['speaker_accuracy']:.4f}" for fold in cv["folds"])
    return [
        f"2-fold cross-validated (held-out halves): precision {pooled['precision']:.4f}  recall {pooled['recall']:.4f}"
        f"  F1 {pooled['f1']:.4f}  speaker {pooled['speaker_accuracy']:.4f}",
        f"  per fold F1/speaker: {folds}",
    ]


def _load_jsonl(path: Path) -> list[dict[str, Any]]:
    """Rows of a UTF-8 JSON-lines file."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
