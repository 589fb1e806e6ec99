"""Scores every summariser against reference summaries: ROUGE F1 and time per article.

Rows are dicts with `text` and `reference` (optionally `reference_sentences`, `title`).
All systems go through `generator.analysis.summarize.summarize`, the site's own code path, on the
same sentence splitting. It must never write files or assert quality: floors live elsewhere.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from generator.analysis.summarize import ALGORITHMS, summarize
from generator.models import Article, Block
from generator.text.tokenizer import SentenceTokenizer
from generator.tools.evaluate.rouge import METRICS, rouge_f1

_BLANK_LINE = re.compile(r"\n\s*\n")


def _article_from_text(text: str, title: str = "") -> Article:
    """An article whose paragraphs are the text's blank-line (or else line) separated parts."""
    parts = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.splitlines()
    blocks = tuple(Block("paragraph", p.strip()) for p in parts if p.strip())
    return Article(source="", title=title, publisher=None, author=None, published=None, blocks=blocks)


def _reference_sentences(row: dict) -> tuple[str, ...]:
    """The reference summary as sentences, as given or split with our tokenizer."""
    given = row.get("reference_sentences")
    if given:
        return tuple(str(s) for s in given)
    return SentenceTokenizer().to_sentences(str(row.get("reference", "")))


def _systems(algorithm: str, algorithms: Sequence[str] | None) -> dict[str, str]:
    """Reported system name -> registered algorithm; `briefing` reports `algorithm`."""
    names = list(algorithms) if algorithms is not None else list(ALGORITHMS)
    systems = {"briefing": algorithm} if "briefing" in names or algorithms is None else {}
    systems.update({n: n for n in names if n != "briefing"})
    return systems


def evaluate_summaries(
    rows: Iterable[dict],
    *,
    sentences: int = 3,
    algorithms: Sequence[str] | None = None,
    algorithm: str = "briefing",
) -> dict:
    """Mean ROUGE-1/2/Lsum F1 x 100 and milliseconds per article for each system."""
    systems = _systems(algorithm, algorithms)
    totals = {name: dict.fromkeys((*METRICS, "seconds"), 0.0) for name in systems}
    n = 0
    for row in rows:
        n += 1
        article = _article_from_text(str(row["text"]), str(row.get("title") or ""))
        reference = _reference_sentences(row)
        # Sentence splits are cached by the tokenizer: split once before timing, so the
        # system that happens to run first is not charged for every system's split.
        summarize(article, 0, algorithm="lead")
        for name, registered in systems.items():
            start = time.perf_counter()
            summary = summarize(article, sentences, algorithm=registered)
            totals[name]["seconds"] += time.perf_counter() - start
            for metric, value in rouge_f1(summary, reference).items():
                totals[name][metric] += value
    return {"n": n, "systems": {name: _means(t, n) for name, t in totals.items()}}


def _means(total: dict[str, float], n: int) -> dict[str, float]:
    """Per-article means: scores as F1 x 100, time in milliseconds, 2 decimals."""
    scale = 100.0 / max(n, 1)
    means = {metric: round(total[metric] * scale, 2) for metric in METRICS}
    means["ms_per_article"] = round(total["seconds"] * 1000.0 / max(n, 1), 2)
    return means


def format_summary_table(result: dict) -> str:
    """A plain-text table of the result, best ROUGE-1 first."""
    header = f"{'system':<12}{'R-1':>8}{'R-2':>8}{'R-Lsum':>8}{'ms/art':>10}"
    lines = [f"n = {result['n']}", header, "-" * len(header)]
    ranked = sorted(result["systems"].items(), key=lambda kv: -kv[1]["rouge1"])
    for name, s in ranked:
        lines.append(
            f"{name:<12}{s['rouge1']:>8.2f}{s['rouge2']:>8.2f}{s['rougeLsum']:>8.2f}{s['ms_per_article']:>10.2f}"
        )
    return "\n".join(lines)


def _load_rows(path: str) -> list[dict]:
    """Rows of a JSON-lines file, blank lines skipped."""
    with Path(path).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
