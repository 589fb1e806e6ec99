"""Choose story grouping's threshold, pair factor and date scale by cross-validation.

Usage: python scripts/learn_story_grouping.py --events DUC.jsonl --distractors XSUM.jsonl ...
       [--same-event quality/same_event.txt] [--check MULTILING.jsonl] [--folds 5]

The events file holds rows of articles on one event each (as `multidoc_duc2003.jsonl`), the
distractor files single reports on events of their own (as `summaries_*.jsonl`). Every article
is digested once through the site's own code. Rows and distractors are split into folds; for
each fold the settings that score best on the other folds are chosen and scored on it alone,
so the reported scores are on events the choice never saw. The objective is the adjusted
Rand index, less twice any shortfall of purity below 0.95 and of the share of single reports
left alone below 0.92 (a story that joins two events misleads; two stories on one event only
repeat). `--check` files (as MultiLing's running topics) are scored with the final choice and
never used to choose. Only numbers are printed: the choice goes into `stories/grouping.py`
and `extra.briefing.story_threshold` by hand.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.stories.grouping import group_articles  # noqa: E402
from generator.tools.evaluate.cli import load_jsonl  # noqa: E402
from generator.tools.evaluate.stories import Feed, digest_feed, read_same_event, score_grouping  # noqa: E402

THRESHOLDS = (0.14, 0.16, 0.18, 0.2, 0.22, 0.24, 0.26)
PAIR_FACTORS = (1.0, 1.5, 2.0, 2.5, 3.0)
DATE_SCALES: tuple[float | None, ...] = (None, 60.0, 180.0)


class Choice(NamedTuple):
    threshold: float
    pair_factor: float
    date_scale: float | None


class Group(NamedTuple):
    articles: tuple[str, ...]


def subset(feed: Feed, keep: set[str]) -> Feed:
    """The feed's articles whose events are in `keep`."""
    digests = tuple(d for d in feed.digests if feed.label[d.article.source] in keep)
    label = {d.article.source: feed.label[d.article.source] for d in digests}
    return Feed(digests, label, (), frozenset(s for s in feed.singles if s in label))


def scores(feed: Feed, choice: Choice) -> dict:
    """Grouping scores of `feed` under `choice`."""
    ordered = tuple(sorted(feed.digests, key=lambda d: d.article.source))
    clusters = group_articles(ordered, choice.threshold, pair_factor=choice.pair_factor, date_scale=choice.date_scale)
    stories = [Group(tuple(ordered[i].article.source for i in c)) for c in clusters if len(c) > 1]
    return score_grouping(feed, stories)  # type: ignore[arg-type]


def objective(result: dict) -> float:
    """ARI, less twice the shortfalls of purity below 0.95 and of singles alone below 0.92."""
    alone = result.get("distractors_alone", 1.0)
    return result["ari"] - 2 * max(0.0, 0.95 - result["purity"]) - 2 * max(0.0, 0.92 - alone)


def best(feed: Feed, grid: Sequence[Choice]) -> tuple[Choice, dict]:
    """The choice of `grid` that scores best on `feed`, with its scores."""
    results = [(objective(r), c, r) for c in grid for r in [scores(feed, c)]]
    top = max(results, key=lambda x: (x[0], -x[1].threshold))
    return top[1], top[2]


def folds(feed: Feed, k: int) -> list[set[str]]:
    """Events split into `k` folds, rows and single reports dealt out in turn."""
    events = sorted(set(feed.label.values()))
    rows = [e for e in events if e.startswith("row")]
    singles = [e for e in events if not e.startswith("row")]
    return [set(rows[i::k]) | set(singles[i::k]) for i in range(k)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=Path, required=True)
    parser.add_argument("--distractors", type=Path, nargs="*", default=[])
    parser.add_argument("--same-event", type=Path)
    parser.add_argument("--check", type=Path, nargs="*", default=[])
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args(argv)
    same = read_same_event(args.same_event) if args.same_event else ()
    singles = [row for path in args.distractors for row in load_jsonl(path)]
    feed = digest_feed(load_jsonl(args.events), singles, same)
    grid = [Choice(*c) for c in itertools.product(THRESHOLDS, PAIR_FACTORS, DATE_SCALES)]
    held_out = []
    for k, fold in enumerate(folds(feed, args.folds)):
        train = subset(feed, set(feed.label.values()) - fold)
        choice, _ = best(train, grid)
        for name, part in (
            ("events", subset(feed, {e for e in fold if e.startswith("row")})),
            ("feed", subset(feed, fold)),
        ):
            held_out.append((name, scores(part, choice)))
        print(f"fold {k}: chose {choice}; held out: {held_out[-1][1]}")
    choice, in_sample = best(feed, grid)
    print(f"\nchosen on all: {choice}")
    events_only = subset(feed, {e for e in feed.label.values() if e.startswith("row")})
    print(f"in sample, events alone: {scores(events_only, choice)}")
    print(f"in sample, mixed feed:   {in_sample}")
    for name in ("events", "feed"):
        rows = [r for n, r in held_out if n == name]
        for metric in ("ari", "purity", "distractors_alone", "pair_precision", "pair_recall"):
            values = [r[metric] for r in rows if metric in r]
            if values:
                print(
                    f"cross-validated {name:6s} {metric:18s} mean {statistics.mean(values):.3f}  min {min(values):.3f}"
                )
    for path in args.check:
        check = digest_feed(load_jsonl(path), singles, same)
        alone = subset(check, {e for e in check.label.values() if e.startswith("row")})
        print(f"check {path.name}: alone {scores(alone, choice)}; with distractors {scores(check, choice)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
