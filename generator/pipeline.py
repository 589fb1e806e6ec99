"""The generate step as a table of contents: seeds in, Markdown pages in `docs/` out.

Each line is one stage on typed values; only `read_seeds` and `write_pages` touch the disk.
"""

from __future__ import annotations

import hashlib
from collections import deque
from dataclasses import replace
from functools import partial
from pathlib import Path

from generator.analyse import run_analysis
from generator.cache import DigestCache
from generator.clean import clean_article
from generator.errors import BuildError, SeedError
from generator.models import Article, Briefing, BuildReport, Digest, Seed, SeedProblem, Story, WriteResult
from generator.read import read_seeds
from generator.render import iter_pages, make_environment
from generator.settings import Settings
from generator.slugs import assign_slugs
from generator.stories import build_story, group_stories
from generator.write import write_pages


def build(settings: Settings, *, write: bool = True) -> BuildReport:
    """Generate the briefing's pages from the seeds; `write=False` only checks and writes nothing."""
    settings = settings if write else replace(settings, cache_dir="")
    cache = DigestCache(settings.cache_path, settings) if settings.cache_path else None
    briefing = collect(settings, cache)
    # An article's identity changes with its seed, slug, the settings and the code: pages
    # made from unchanged articles need not be made again.
    identities = {d.article.source: cache.identity(d) for d in briefing.digests} if cache else None
    env = make_environment(settings.root / "templates")
    pages = iter_pages(briefing.digests, briefing.stories, settings, env, identities)
    if write:
        record = cache.folder / f"pages-{_path_key(settings.docs_path)}.json" if cache else None
        written = write_pages(pages, settings.docs_path, record)
    else:
        deque(pages, maxlen=0)  # rendered all the same: a template error is a problem `check` reports
        written = WriteResult()
    digests = briefing.digests
    newest = max((d.article.published for d in digests if d.article.published), default=None)
    return BuildReport(tuple(d.article.source for d in digests), briefing.problems + written.skipped, written, newest)


def _path_key(folder: Path) -> str:
    """A short name for a folder, so that two projects sharing one cache keep their own records."""
    return hashlib.sha256(str(folder.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def collect(settings: Settings, cache: DigestCache | None = None) -> Briefing:
    """Read, clean, analyse and group the seeds: everything the pages are made from (through
    `cache`, or the settings' own cache folder when it is not given)."""
    if cache is None and settings.cache_path:
        cache = DigestCache(settings.cache_path, settings)
    seeds, read_problems = read_seeds(settings.seeds_path, settings.root, settings.max_seed_bytes)
    digests, problems = digest_seeds(seeds, settings, cache)
    build = partial(_cached_story, cache=cache, language=settings.language) if cache else None
    stories = group_stories(digests, threshold=settings.story_threshold, language=settings.language, build=build)
    return Briefing(digests, stories, read_problems + problems)


def warm_cache(settings: Settings, shard: int, shards: int) -> BuildReport:
    """Analyse shard `shard` of `shards` (1-based) into the cache only: for splitting the slow
    step across CI jobs, whose caches are then merged for one final build."""
    if not settings.cache_path:
        raise BuildError("extra.briefing.cache_dir is empty: sharding needs the cache")
    cache = DigestCache(settings.cache_path, settings)
    seeds, read_problems = read_seeds(settings.seeds_path, settings.root, settings.max_seed_bytes)
    mine = tuple(s for s in seeds if _shard_of(s.path, shards) == shard - 1)
    digests, problems = digest_seeds(mine, settings, cache)  # slugs are set again by the final build
    return BuildReport(tuple(d.article.source for d in digests), read_problems + problems)


def _shard_of(source: str, shards: int) -> int:
    return int(hashlib.sha256(source.encode("utf-8")).hexdigest(), 16) % shards


def digest_seeds(
    seeds: tuple[Seed, ...], settings: Settings, cache: DigestCache | None = None
) -> tuple[tuple[Digest, ...], tuple[SeedProblem, ...]]:
    """Clean and analyse every seed, each under a stable, unique slug, in seed order.

    A seed whose digest is in the cache is neither cleaned nor analysed again (the cache
    keys a digest by its seed, and a slug that moved is set on the cached digest). A seed
    that fails costs that seed only.
    """
    keys = {seed.path: cache.digest_key(seed) for seed in seeds} if cache else {}
    found = {path: cache.get(key) for path, key in keys.items()} if cache else {}
    cached = {path: digest for path, digest in found.items() if digest is not None}
    articles, clean_problems = clean_articles(tuple(s for s in seeds if s.path not in cached))
    warnings = tuple(SeedProblem(path, w) for path, digest in cached.items() for w in digest.article.warnings)
    slugs = assign_slugs([*cached, *(a.source for a in articles)])
    fresh, analyse_problems = run_analysis(list(articles), slugs, settings)
    if cache:
        for digest in fresh:
            cache.put(keys[digest.article.source], digest)
    by_source = {d.article.source: d for d in fresh}
    by_source.update((p, d if d.slug == slugs[p] else replace(d, slug=slugs[p])) for p, d in cached.items())
    problems = sorted(clean_problems + warnings + analyse_problems, key=lambda problem: problem.path)
    return tuple(by_source[s.path] for s in seeds if s.path in by_source), tuple(problems)


def clean_articles(seeds: tuple[Seed, ...]) -> tuple[tuple[Article, ...], tuple[SeedProblem, ...]]:
    """Clean every seed; a seed with nothing left costs that seed only."""
    articles, problems = [], []
    for seed in seeds:
        try:
            article = clean_article(seed)
        except SeedError as error:
            problems.append(SeedProblem(error.path, error.reason))
            continue
        articles.append(article)
        problems.extend(SeedProblem(seed.path, warning) for warning in article.warnings)
    return tuple(articles), tuple(problems)


def _cached_story(members: tuple[Digest, ...], *, cache: DigestCache, language: str) -> Story:
    """The story of `members`, from the cache when none of them changed."""
    key = cache.story_key(members)
    story = cache.get_story(key)
    if story is None:
        story = build_story(members, language=language)
        cache.put(key, story)
    return story
