"""Scores story grouping and story summaries against multi-document event data.

Rows are dicts with `articles` (texts) and `reference`/`references` (summaries of the
event). All rows' articles are mixed, digested and grouped through the site's own code
path; grouping is scored by purity and adjusted Rand index against the rows, summaries by
ROUGE beside a first-sentences baseline. Distractors (rows with one `text` and an optional
`title`, as in the summary data) are single articles, each taken to report an event of its
own: mixed in, they show whether articles on one topic but not one event (two football
matches, two economic reports) are grouped as a story. It must never write files, ship data or assert
quality: floors live elsewhere.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from math import comb

from generator.analysis.digest import digest_article
from generator.briefs import StoryRecord
from generator.models import Article, Block, Digest
from generator.settings import Settings
from generator.stories.assemble import DEFAULT_THRESHOLD, group_stories, summarize_articles
from generator.text.dates import is_only_date, parse_date
from generator.text.tokenizer import SentenceTokenizer
from generator.text.vectors import word_count
from generator.tools.evaluate.rouge import rouge_f1

_TITLE_MAX_WORDS = 20
_END_PUNCTUATION = re.compile(r"[.!?:;,\"”’)]$")


def adjusted_rand_index(truth: Sequence[object], predicted: Sequence[object]) -> float:
    """Hubert and Arabie's adjusted Rand index of two labellings of the same items."""
    n = len(truth)
    if n != len(predicted):
        raise ValueError("labellings differ in length")
    pairs = Counter(zip(truth, predicted, strict=False))
    index = sum(comb(c, 2) for c in pairs.values())
    rows = sum(comb(c, 2) for c in Counter(truth).values())
    columns = sum(comb(c, 2) for c in Counter(predicted).values())
    total = comb(n, 2)
    expected = rows * columns / total if total else 0.0
    ceiling = (rows + columns) / 2
    if ceiling == expected:
        return 1.0
    return (index - expected) / (ceiling - expected)


def purity(truth: Sequence[object], predicted: Sequence[object]) -> float:
    """Share of items whose predicted cluster's majority true label is their own."""
    members: dict[object, Counter[object]] = {}
    for t, p in zip(truth, predicted, strict=False):
        members.setdefault(p, Counter())[t] += 1
    majority = sum(c.most_common(1)[0][1] for c in members.values())
    return majority / len(truth) if truth else 1.0


def article_from_text(text: str, source: str) -> Article:
    """An article: a dateline gives the date, a title-like first line the title, lines the blocks."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    published = None
    if lines and is_only_date(lines[0]):
        published = parse_date(lines.pop(0))
    title = ""
    if lines and _looks_like_title(lines[0]):
        title = lines.pop(0)
    blocks = tuple(Block("heading" if _looks_like_title(line) else "paragraph", line) for line in lines)
    return Article(source=source, title=title, publisher=None, author=None, published=published, blocks=blocks)


def _looks_like_title(line: str) -> bool:
    return len(line.split()) <= _TITLE_MAX_WORDS and not _END_PUNCTUATION.search(line)


def _digests(rows: list[dict], settings: Settings) -> tuple[tuple[Digest, ...], dict[str, int]]:
    """Every article of every row, digested, with the row each came from."""
    digests: list[Digest] = []
    label: dict[str, int] = {}
    for r, row in enumerate(rows):
        for a, text in enumerate(row.get("articles") or ()):
            source = f"row{r:03d}/article{a:03d}"
            label[source] = r
            digests.append(digest_article(article_from_text(str(text), source), source, settings))
    return tuple(digests), label


def evaluate_stories(
    rows: Iterable[dict], *, threshold: float = DEFAULT_THRESHOLD, distractors: Iterable[dict] = ()
) -> dict:
    """ARI and purity of the grouping, and ROUGE of story summaries beside a lead baseline;
    with distractors, also the share of them left alone (in no story)."""
    rows = list(rows)
    alone = [{"articles": [_distractor_text(row)]} for row in distractors]
    digests, label = _digests(rows + alone, Settings())
    stories = group_stories(digests, threshold=threshold)
    story_of = {source: k for k, story in enumerate(stories) for source in story.articles}
    ordered = sorted(label)
    truth = [label[s] for s in ordered]
    predicted = [story_of.get(s, f"alone:{s}") for s in ordered]
    systems: dict[str, list[dict[str, float]]] = {"briefing": [], "first_sentences": []}
    by_source = {d.article.source: d for d in digests}
    for r, row in enumerate(rows):
        references = _references(row)
        members = _best_story(r, stories, label)
        if not references:
            continue
        budget = max(word_count(" ".join(ref)) for ref in references)
        summary = _story_summary(members, stories, by_source, budget)
        baseline = _first_sentences([by_source[s] for s in sorted(s for s in label if label[s] == r)], budget)
        systems["briefing"].append(_rouge(summary, references))
        systems["first_sentences"].append(_rouge(baseline, references))
    scattered = [s for s in ordered if label[s] >= len(rows)]
    result = {
        "threshold": threshold,
        "articles": len(ordered),
        "stories": len(stories),
        "ari": round(adjusted_rand_index(truth, predicted), 4),
        "purity": round(purity(truth, predicted), 4),
        "systems": {name: _mean(scores) for name, scores in systems.items()},
    }
    if scattered:
        result["distractors"] = len(scattered)
        result["distractors_alone"] = round(sum(s not in story_of for s in scattered) / len(scattered), 4)
    return result


def _distractor_text(row: dict) -> str:
    """A distractor row as one article's text: its title line (if any), then its text."""
    title = str(row.get("title") or "").strip()
    text = str(row.get("text") or "")
    return f"{title}\n\n{text}" if title else text


def _references(row: dict) -> list[tuple[str, ...]]:
    """Each reference summary as sentences."""
    given = row.get("references") or ([row["reference"]] if row.get("reference") else [])
    tokenizer = SentenceTokenizer()
    return [tokenizer.to_sentences(str(text)) for text in given if str(text).strip()]


def _best_story(row: int, stories: Sequence[StoryRecord], label: dict[str, int]) -> int | None:
    """The story holding most of the row's articles (ties: the earlier story), if any."""
    counts = [sum(label.get(s) == row for s in story.articles) for story in stories]
    best = max(range(len(stories)), key=lambda k: (counts[k], -k), default=None)
    return best if best is not None and counts[best] > 0 else None


def _story_summary(
    index: int | None, stories: Sequence[StoryRecord], by_source: dict[str, Digest], budget: int
) -> tuple[str, ...]:
    """The story's summary at the reference's length; none when the row found no story."""
    if index is None:
        return ()
    members = tuple(by_source[s] for s in stories[index].articles)
    return tuple(s.text for s in summarize_articles(members, words=budget))


def _first_sentences(members: Sequence[Digest], budget: int) -> tuple[str, ...]:
    """Baseline: first sentences of the articles in turn, then second ones, up to `budget` words."""
    tokenizer = SentenceTokenizer()
    leads = [[s for p in d.article.paragraphs for s in tokenizer.to_sentences(p)] for d in members]
    chosen: list[str] = []
    total, depth = 0, 0
    while total < budget and any(depth < len(sentences) for sentences in leads):
        for sentences in leads:
            if depth < len(sentences) and total < budget:
                chosen.append(sentences[depth])
                total += word_count(sentences[depth])
        depth += 1
    return tuple(chosen)


def _truncate(sentences: Sequence[str], words: int) -> tuple[str, ...]:
    """The sentences cut to `words` words in all."""
    kept: list[str] = []
    left = words
    for sentence in sentences:
        if left <= 0:
            break
        tokens = sentence.split()
        kept.append(" ".join(tokens[:left]))
        left -= len(tokens)
    return tuple(kept)


def _rouge(summary: Sequence[str], references: Sequence[Sequence[str]]) -> dict[str, float]:
    """Mean ROUGE-1/2 F1 over the references, the summary cut to each one's length."""
    scores = [rouge_f1(_truncate(summary, word_count(" ".join(ref))), ref) for ref in references]
    return {m: sum(s[m] for s in scores) / len(scores) for m in ("rouge1", "rouge2")}


def _mean(scores: list[dict[str, float]]) -> dict[str, float]:
    n = max(len(scores), 1)
    return {m: round(100.0 * sum(s[m] for s in scores) / n, 2) for m in ("rouge1", "rouge2")}


def format_stories_report(result: dict) -> str:
    """A short plain-text report of an `evaluate_stories` result."""
    lines = [
        f"threshold {result['threshold']}: {result['articles']} articles -> {result['stories']} stories",
        f"ARI {result['ari']:.3f}   purity {result['purity']:.3f}",
        *(
            [f"distractors left alone: {result['distractors_alone']:.3f} of {result['distractors']}"]
            if "distractors" in result
            else []
        ),
        f"{'system':<16} {'ROUGE-1':>8} {'ROUGE-2':>8}",
    ]
    for name, scores in result["systems"].items():
        lines.append(f"{name:<16} {scores['rouge1']:>8.2f} {scores['rouge2']:>8.2f}")
    return "\n".join(lines)
