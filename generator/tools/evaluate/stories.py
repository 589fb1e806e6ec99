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
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from generator.analysis.digest import digest_article
from generator.briefs import StoryRecord
from generator.models import Article, Block, Digest
from generator.settings import Settings
from generator.stories.assemble import DEFAULT_THRESHOLD, group_stories, summarize_articles
from generator.text.dates import is_only_date, parse_date
from generator.text.tokenizer import SentenceTokenizer
from generator.text.vectors import word_count
from generator.tools.evaluate.clustering import adjusted_rand_index, pairwise_scores, purity
from generator.tools.evaluate.rouge import rouge_f1

_TITLE_MAX_WORDS = 20
_END_PUNCTUATION = re.compile(r"[.!?:;,\"”’)]$")


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


_WIRE_DATE = re.compile(r"(?<!\d)(19|20)(\d\d)(\d\d)(\d\d)(?!\d)")
"""A wire id's date, as in `APW19981016.0240` (16 October 1998)."""


def wire_date(doc_id: object) -> str | None:
    """The ISO date a wire id carries, as a saved page's metadata would give it; None without one."""
    match = _WIRE_DATE.search(str(doc_id or ""))
    return f"{match[1]}{match[2]}-{match[3]}-{match[4]}" if match else None


@dataclass(frozen=True)
class Feed:
    """Articles digested once, each with the event it reports: rows' articles, then distractors."""

    digests: tuple[Digest, ...]
    label: dict[str, str]
    """Each article's source to its event: `row003` for a row's, `single:ID` for a distractor's."""
    rows: tuple[dict, ...]
    singles: frozenset[str]
    """Sources of the distractors that report an event no other article reports."""


def digest_feed(
    rows: Iterable[dict], distractors: Iterable[dict] = (), same_event: Iterable[tuple[str, str]] = ()
) -> Feed:
    """Every article of every row and every distractor, digested through the site's own code.

    A row's `doc_ids`, where they carry a wire date, give its articles their dates; distractor
    ids listed together in `same_event` (pairs checked by reading both) count as one event."""
    rows = tuple(rows)
    settings = Settings()
    digests: list[Digest] = []
    label: dict[str, str] = {}
    for r, row in enumerate(rows):
        ids = list(row.get("doc_ids") or ())
        for a, text in enumerate(row.get("articles") or ()):
            source = f"row{r:03d}/article{a:03d}"
            label[source] = f"row{r:03d}"
            dated = wire_date(ids[a]) if a < len(ids) else None
            digests.append(_digest(str(text), source, settings, dated))
    same = _same_event_labels(same_event)
    for k, row in enumerate(distractors):
        ident = str(row.get("id", k))
        source = f"single{k:04d}"
        label[source] = same.get(ident, f"single:{ident}")
        digests.append(_digest(_distractor_text(row), source, settings, None))
    sizes = Counter(label.values())
    singles = frozenset(s for s, event in label.items() if event.startswith("single:") and sizes[event] == 1)
    return Feed(tuple(digests), label, rows, singles)


@cache
def _digest(text: str, source: str, settings: Settings, published: str | None) -> Digest:
    """One article digested (kept: the gate scores the same articles in several feeds)."""
    article = article_from_text(text, source)
    if published and not article.published:
        article = replace(article, published=published)
    return digest_article(article, source, settings)


def _same_event_labels(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each listed id to one label per group of ids that report one event (pairs chain)."""
    group: dict[str, set[str]] = {}
    for a, b in pairs:
        joined = group.get(a, {a}) | group.get(b, {b})
        for ident in joined:
            group[ident] = joined
    return {ident: f"single:{min(members)}" for ident, members in group.items()}


def read_same_event(path: Path) -> tuple[tuple[str, str], ...]:
    """Pairs of distractor ids that report one event: two ids a line, `#` starts a comment."""
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        words = line.split("#", 1)[0].split()
        if len(words) == 2:
            pairs.append((words[0], words[1]))
    return tuple(pairs)


def score_grouping(feed: Feed, stories: Sequence[StoryRecord]) -> dict:
    """ARI, purity, pairwise precision and recall, the largest story and (with distractors) the
    share of single articles left alone, for stories made from `feed`."""
    story_of = {source: k for k, story in enumerate(stories) for source in story.articles}
    ordered = sorted(feed.label)
    truth = [feed.label[s] for s in ordered]
    predicted = [story_of.get(s, f"alone:{s}") for s in ordered]
    precision, recall = pairwise_scores(truth, predicted)
    result = {
        "articles": len(ordered),
        "stories": len(stories),
        "largest": max((len(story.articles) for story in stories), default=1),
        "ari": round(adjusted_rand_index(truth, predicted), 4),
        "purity": round(purity(truth, predicted), 4),
        "pair_precision": round(precision, 4),
        "pair_recall": round(recall, 4),
    }
    if feed.singles:
        result["distractors"] = len(feed.singles)
        result["distractors_alone"] = round(sum(s not in story_of for s in feed.singles) / len(feed.singles), 4)
    return result


def evaluate_stories(
    rows: Iterable[dict],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    distractors: Iterable[dict] = (),
    same_event: Iterable[tuple[str, str]] = (),
    feed: Feed | None = None,
) -> dict:
    """Grouping scores (`score_grouping`) and ROUGE of story summaries beside a lead baseline;
    `feed` reuses articles already digested by `digest_feed`."""
    feed = feed or digest_feed(rows, distractors, same_event)
    stories = group_stories(feed.digests, threshold=threshold)
    label = {s: int(event[3:]) for s, event in feed.label.items() if event.startswith("row")}
    systems: dict[str, list[dict[str, float]]] = {"briefing": [], "first_sentences": []}
    by_source = {d.article.source: d for d in feed.digests}
    for r, row in enumerate(feed.rows):
        references = _references(row)
        members = _best_story(r, stories, label)
        if not references:
            continue
        budget = max(word_count(" ".join(ref)) for ref in references)
        summary = _story_summary(members, stories, by_source, budget)
        baseline = _first_sentences([by_source[s] for s in sorted(s for s in label if label[s] == r)], budget)
        systems["briefing"].append(_rouge(summary, references))
        systems["first_sentences"].append(_rouge(baseline, references))
    result = {"threshold": threshold, **score_grouping(feed, stories)}
    result["systems"] = {name: _mean(scores) for name, scores in systems.items()}
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
        f"ARI {result['ari']:.3f}   purity {result['purity']:.3f}   "
        f"pairs: precision {result['pair_precision']:.3f} recall {result['pair_recall']:.3f}   "
        f"largest story {result['largest']}",
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
