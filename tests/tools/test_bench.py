"""The benchmark: its synthetic corpus is deterministic and news-like, and a small run reports every key."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.analysis.digest import digest_seeds
from generator.ingest.read import read_seeds
from generator.tools.bench import corpus as bench_corpus
from generator.tools.bench.run import format_bench_table, make_bench_project, run_benchmark

RUN_KEYS = {
    "articles",
    "generate_s_per_article",
    "generate_ratio_vs_sumy",
    "build_s",
    "build_ratio_vs_bare_mkdocs",
    "zensical_build_s",
    "incremental_s",
    "site_bytes_per_article",
    "search_index_bytes_per_article",
    "peak_rss_mb",
}


def test_corpus_is_deterministic() -> None:
    first = bench_corpus.make_corpus(12, seed=3)
    assert first == bench_corpus.make_corpus(12, seed=3)
    assert first != bench_corpus.make_corpus(12, seed=4)
    assert len(first) == 12


def test_corpus_is_written_byte_for_byte(tmp_path: Path) -> None:
    one = bench_corpus.write_corpus(tmp_path / "one", 6, seed=1)
    two = bench_corpus.write_corpus(tmp_path / "two", 6, seed=1)
    assert [p.read_bytes() for p in one] == [p.read_bytes() for p in two]


def test_corpus_reads_like_news() -> None:
    texts = list(bench_corpus.make_corpus(40, seed=0).values())
    joined = "\n".join(texts)
    assert "“" in joined and '"' in joined, "curly and straight quotes"
    assert re.search(r"\bsaid\b", joined)
    assert re.search(r"\d+(?:\.\d+)?%|\d+ per cent", joined)
    assert re.search(r"£\d", joined)
    months = "|".join(bench_corpus.MONTHS)
    assert re.search(rf"\b\d{{1,2}} (?:{months}) 20\d\d\b", joined)
    assert sum("All rights reserved" in t or "newsletter" in t for t in texts) > len(texts) // 3
    words = [len(t.split()) for t in texts]
    assert min(words) >= bench_corpus.MIN_WORDS and max(words) <= bench_corpus.MAX_WORDS + 200
    assert bench_corpus.story_groups(40, seed=0), "several articles report one event"


@pytest.fixture(scope="module")
def small_digests(tmp_path_factory: pytest.TempPathFactory):
    """The real pipeline's digests of a 12-article synthetic corpus."""
    settings = make_bench_project(tmp_path_factory.mktemp("bench") / "project", 12, seed=0)
    seeds, problems = read_seeds(settings.seeds_path, settings.root, settings.max_seed_bytes)
    assert not problems
    digests, problems = digest_seeds(seeds, settings)
    assert not problems and len(digests) == 12
    return digests


def test_pipeline_finds_quotes_figures_and_metadata(small_digests) -> None:
    assert all(d.quotes for d in small_digests)
    assert all(d.figures for d in small_digests)
    assert any(q.speaker for d in small_digests for q in d.quotes)
    assert any(d.article.published for d in small_digests)
    assert any(d.article.removed for d in small_digests), "furniture is recognised and removed"


def test_articles_on_one_event_form_stories(small_digests) -> None:
    stories = pytest.importorskip("generator.stories.assemble")
    if not hasattr(stories, "group_stories"):
        pytest.skip("no story grouping yet")
    grouped = stories.group_stories(small_digests)
    assert grouped, "at least one story of two or more articles"
    events = {name: i for i, group in enumerate(bench_corpus.story_groups(12, seed=0)) for name in group}
    members = [[events.get(Path(source).name) for source in story.articles] for story in grouped]
    assert any(len(m) > len(set(m)) and None not in m for m in members), "a story holds two reports of one event"


def test_events_of_one_kind_stay_separate_stories(tmp_path: Path) -> None:
    """Many councils pass budgets and many unions strike: each event is its own story."""
    from generator.stories.assemble import group_stories
    from generator.stories.discrepancies import MAX_SHOWN
    from generator.stories.facts import RULES
    from generator.tools.evaluate.clustering import adjusted_rand_index

    size = 120
    settings = make_bench_project(tmp_path / "project", size, seed=0)
    seeds, _ = read_seeds(settings.seeds_path, settings.root, settings.max_seed_bytes)
    digests, _ = digest_seeds(seeds, settings)
    stories = group_stories(digests)
    story_of = {s: k for k, story in enumerate(stories) for s in story.articles}
    event_of = {name: k for k, group in enumerate(bench_corpus.story_groups(size, seed=0)) for name in group}
    names = sorted(Path(d.article.source).name for d in digests)
    truth = [event_of.get(name, name) for name in names]
    predicted = [story_of.get(f"seeds/{name}", name) for name in names]
    assert adjusted_rand_index(truth, predicted) >= 0.9
    # Reports built from stock phrases align in dozens of ways; a page shows the best few.
    assert max(len(story.shared_facts) for story in stories) <= RULES.shared_max
    assert max(len(story.discrepancies) for story in stories) <= MAX_SHOWN


def test_small_benchmark_reports_every_key(tmp_path: Path) -> None:
    result = run_benchmark([5], workdir=tmp_path)
    assert {"cpu_count", "python", "platform"} <= set(result["machine"])
    (run,) = result["runs"]
    assert RUN_KEYS <= set(run)
    assert run["articles"] == 5
    assert all(run[key] > 0 for key in RUN_KEYS)
    assert (tmp_path / "articles-5" / "site" / "index.html").is_file()
    table = format_bench_table(result)
    assert table.count("\n| 5 |") == 1


@pytest.mark.slow
def test_the_preview_measurement_serves_an_edit_from_one_build(tmp_path: Path) -> None:
    import importlib.util

    script = Path(__file__).resolve().parents[2] / "scripts" / "preview_latency.py"
    spec = importlib.util.spec_from_file_location("preview_latency", script)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    result = module.measure(tmp_path / "project", 6, "events")
    assert result["edit_served_s"] is not None and result["edit_served_s"] > 0
    assert result["regenerations_per_edit"] == 1 and result["builds_per_edit"] == 1
    assert result["idle_cpu_share"] is None or 0 <= result["idle_cpu_share"] <= 2  # a figure for bench, not a bar
    seeds = sorted((tmp_path / "project" / "seeds").glob("*.txt"))
    assert all(module.EDIT not in seed.read_text(encoding="utf-8") for seed in seeds)  # the edit is undone
