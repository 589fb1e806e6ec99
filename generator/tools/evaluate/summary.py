"""Scores every summariser against reference summaries: ROUGE F1, readability and time per article.

Rows are dicts with `text` and `reference` (optionally `reference_sentences`, `title`, and
`extract_sentences`: the sentences a person chose from the article, scored as a second
reference under `extract_*` keys). `dangling` is the share (%) of summaries with a sentence
that opens on a pronoun or connective while the sentence before it is not in the summary.
All systems go through `generator.analysis.summarize.summarize`, the site's own code path, on the
same sentence splitting. It must never write files or assert quality: floors live elsewhere.
"""

from __future__ import annotations

import json
import re
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from generator.analysis.summarize import ALGORITHMS, summarize
from generator.analysis.summarizers.signals import is_dangling
from generator.models import Article, Block
from generator.text.tokenizer import SentenceTokenizer
from generator.tools.evaluate.rouge import METRICS, rouge_f1

_BLANK_LINE = re.compile(r"\n\s*\n")


def article_from_text(text: str, title: str = "") -> Article:
    """An article whose paragraphs are the text's blank-line (or else line) separated parts."""
    parts = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.splitlines()
    blocks = tuple(Block("paragraph", p.strip()) for p in parts if p.strip())
    return Article(source="", title=title, publisher=None, author=None, published=None, blocks=blocks)


def reference_sentences(row: dict) -> tuple[str, ...]:
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
    """Mean ROUGE F1 x 100 (against the reference, and the human extract when rows have one),
    dangling-opener share (%) and milliseconds per article for each system."""
    systems = _systems(algorithm, algorithms)
    totals: dict[str, defaultdict[str, float]] = {name: defaultdict(float) for name in systems}
    n = extracts = 0
    for row in rows:
        n += 1
        article = article_from_text(str(row["text"]), str(row.get("title") or ""))
        references = {"": reference_sentences(row)}
        if row.get("extract_sentences"):
            references["extract_"] = tuple(str(s) for s in row["extract_sentences"])
            extracts += 1
        # Sentence splits are cached by the tokenizer: split once before timing, so the
        # system that happens to run first is not charged for every system's split.
        order = summarize(article, len(article.blocks) * 1000, algorithm="lead")
        for name, registered in systems.items():
            start = time.perf_counter()
            summary = summarize(article, sentences, algorithm=registered)
            totals[name]["seconds"] += time.perf_counter() - start
            totals[name]["dangling"] += _dangles(summary, order)
            for prefix, reference in references.items():
                for metric, value in rouge_f1(summary, reference).items():
                    totals[name][prefix + metric] += value
    return {"n": n, "systems": {name: _means(t, n, extracts) for name, t in totals.items()}}


def _dangles(summary: Sequence[str], order: Sequence[str]) -> bool:
    """Whether a summary sentence opens by pointing back to a sentence the summary leaves out."""
    place = {text: i for i, text in reversed(list(enumerate(order)))}
    chosen = {place.get(text, -1) for text in summary}
    return any(is_dangling(text) and place.get(text, 0) - 1 not in chosen for text in summary)


def _means(total: dict[str, float], n: int, extracts: int) -> dict[str, float]:
    """Per-article means: scores as F1 x 100, shares in %, time in milliseconds, 2 decimals."""
    scale = 100.0 / max(n, 1)
    means = {metric: round(total[metric] * scale, 2) for metric in METRICS}
    if extracts:
        means.update({f"extract_{m}": round(total[f"extract_{m}"] * 100.0 / extracts, 2) for m in METRICS})
    means["dangling"] = round(total["dangling"] * scale, 2)
    means["ms_per_article"] = round(total["seconds"] * 1000.0 / max(n, 1), 2)
    return means


def format_summary_table(result: dict) -> str:
    """A plain-text table of the result, best ROUGE-1 first; extract columns when scored."""
    extract = any("extract_rouge1" in s for s in result["systems"].values())
    columns = [("R-1", "rouge1"), ("R-2", "rouge2"), ("R-Lsum", "rougeLsum")]
    if extract:
        columns += [("X R-1", "extract_rouge1"), ("X R-2", "extract_rouge2")]
    columns += [("dangl%", "dangling"), ("ms/art", "ms_per_article")]
    header = f"{'system':<12}" + "".join(f"{label:>9}" for label, _ in columns)
    lines = [f"n = {result['n']}", header, "-" * len(header)]
    ranked = sorted(result["systems"].items(), key=lambda kv: -kv[1]["rouge1"])
    for name, s in ranked:
        lines.append(f"{name:<12}" + "".join(f"{s[key]:>9.2f}" for _, key in columns))
    if extract:
        lines.append("R-*: against the reference; X R-*: against the sentences a person chose (extract)")
    return "\n".join(lines)


def load_rows(path: str | Path) -> list[dict]:
    """Rows of a JSON-lines file, blank lines skipped."""
    with Path(path).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
