"""The generate step as a table of contents: seeds in, Markdown pages in `docs/` out.

Each line is one stage on typed values; only reading seeds (`read.py`), the cache and
`write_pages` touch the disk.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import time
from collections import deque
from collections.abc import Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from generator.analysis.digest import iter_analysis, run_analysis
from generator.briefs import Brief, Briefing, Record, StoryHead, StoryRecord
from generator.children import process_pool
from generator.errors import BuildError, SeedError
from generator.incremental import last_build
from generator.incremental.cache import DigestCache, remove_leftovers
from generator.ingest.clean import clean_article
from generator.ingest.read import read_seed, read_seeds, scan_seeds, settle_stamps
from generator.models import Article, BuildReport, Digest, KnownSeed, Seed, SeedProblem, Story, WriteResult
from generator.output.render import iter_pages, make_environment, templates_fingerprint
from generator.publish.write import write_pages
from generator.settings import Settings
from generator.stories.assemble import build_story, group_stories
from generator.text.slugs import assign_slugs


def build(settings: Settings, *, write: bool = True) -> BuildReport:
    """Generate the briefing's pages from the seeds; `write=False` only checks and writes nothing.

    A build whose inputs (seed texts, templates, settings, code) are those of the last build
    that wrote `docs/` without a problem, and finds every page as that build left it, writes
    nothing and makes nothing: the pages would be the same.
    """
    settings = settings if write else replace(settings, cache_dir="")
    cache = _cache(settings)
    env = make_environment(settings.root / "templates")
    scan = _scan(settings, cache)
    inputs = cache.inputs_key(scan.seeds, templates_fingerprint(env)) if cache else ""
    if cache:
        done = last_build.unchanged(cache.folder, settings.docs_path, None if scan.problems else inputs)
        if done is not None:
            _settle(settings, cache, _unstamped(scan), scan.stamps)
            return done
    briefing = collect(settings, cache, scan)  # takes the seeds' texts and lets them go
    # An article's identity changes with its seed, slug, the settings and the code: pages
    # made from unchanged articles need not be made again.
    identities = {d.article.source: cache.identity(d) for d in briefing.digests} if cache else None
    pages = iter_pages(briefing.digests, briefing.stories, settings, env, identities, briefing.library)
    if write:
        record = last_build.page_record(cache.folder, settings.docs_path) if cache else None
        written = write_pages(pages, settings.docs_path, record)
        if cache:
            cache.save_index()
    else:
        deque(pages, maxlen=0)  # rendered all the same: a template error is a problem `check` reports
        written = WriteResult()
    digests = briefing.digests
    newest = max((d.article.published for d in digests if d.article.published), default=None)
    report = BuildReport(tuple(d.article.source for d in digests), briefing.problems + written.skipped, written, newest)
    if cache and not report.problems:
        last_build.remember(cache.folder, settings.docs_path, inputs, report)
    return report


def build_apart(settings: Settings) -> BuildReport:
    """`build` in a child process: a Python process keeps most of the memory it once took
    (half a gigabyte after 10,000 articles), so `generator build` gives it back this way
    before MkDocs starts, and the two peaks never add up."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return build(settings)  # a spawned child would import everything again: not worth it
    with process_pool(1, fork=True) as pool:
        try:
            return pool.submit(build, settings).result()
        except BrokenProcessPool as error:
            raise BuildError(f"the generate step's process died ({error}); is the machine out of memory?") from error


def _cache(settings: Settings) -> DigestCache | None:
    """The settings' cache, with its index of briefs for this project's `docs/`, rid of what
    killed runs left in it; or None."""
    if not settings.cache_path:
        return None
    project = last_build.path_key(settings.docs_path)
    folder = settings.cache_path
    remove_leftovers(folder, time.time())
    return DigestCache(folder, settings, folder / f"briefs-{project}.json", folder / f"seeds-{project}.json")


@dataclass
class Scan:
    """What scanning `seeds/` found: the seeds, the files that are no use, and the seeds' stamps."""

    seeds: tuple[Seed | KnownSeed, ...]
    problems: tuple[SeedProblem, ...]
    stamps: dict[str, Any]


def _scan(settings: Settings, cache: DigestCache | None) -> Scan:
    """Scan the seeds, trusting the cache's stamps of unchanged files, and keep the new stamps."""
    stamps = cache.seed_stamps() if cache else None
    scan = Scan(*scan_seeds(settings.seeds_path, settings.root, settings.max_seed_bytes, stamps))
    if cache:
        cache.save_stamps(scan.stamps)
    return scan


def _unstamped(scan: Scan) -> dict[str, str]:
    """The seeds a scan read but could not stamp (too new), with their checksums."""
    return {s.path: s.checksum for s in scan.seeds if isinstance(s, Seed) and s.path not in scan.stamps}


def _settle(settings: Settings, cache: DigestCache, unstamped: dict[str, str], stamps: dict[str, Any]) -> None:
    """Stamp the `unstamped` seeds that have settled since they were read, unchanged."""
    settled = settle_stamps(settings.root, settings.max_seed_bytes, unstamped) if unstamped else {}
    if settled:
        cache.save_stamps({**stamps, **settled})


def collect(settings: Settings, cache: DigestCache | None = None, scan: Scan | None = None) -> Briefing:
    """Read, clean, analyse and group the seeds: everything the pages are made from (through
    `cache`, or the settings' own cache folder when it is not given; from what `_scan` found,
    when given: its seeds are taken from it, so that their texts can be let go once digested).

    With a cache, articles and stories come as briefs and heads, and the briefing's library
    reads whole ones from the cache; without, they are whole.
    """
    cache = cache or _cache(settings)
    scan = scan or _scan(settings, cache)
    seeds, read_problems, stamps, unstamped = scan.seeds, scan.problems, scan.stamps, _unstamped(scan)
    scan.seeds = ()  # this function holds the only reference, to let the texts go below
    digests, problems = digest_seeds(seeds, settings, cache)
    del seeds  # every text, not needed again: at 10,000 articles, 70 MB more while stories are grouped
    if cache:
        _settle(settings, cache, unstamped, stamps)  # seeds too new to stamp before the analysis
    if cache is None:
        stories = group_stories(digests, threshold=settings.story_threshold, language=settings.language)
        return Briefing(digests, stories, read_problems + problems)
    library = CachedLibrary(cache, digests, settings)
    build = partial(_cached_story, cache=cache, library=library, language=settings.language)
    stories = group_stories(digests, threshold=settings.story_threshold, language=settings.language, build=build)
    return Briefing(digests, stories, read_problems + problems, library)


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
    seeds: Sequence[Seed | KnownSeed], settings: Settings, cache: DigestCache | None = None
) -> tuple[tuple[Record, ...], tuple[SeedProblem, ...]]:
    """Clean and analyse every seed, each under a stable, unique slug, in seed order: whole
    digests without a cache; with one, their briefs (the digests are in the cache).

    A seed whose digest is in the cache is neither cleaned nor analysed again (the cache
    keys a digest by its seed, and a slug that moved is set on the cached brief). A seed
    that fails costs that seed only.
    """
    keys = {seed.path: cache.digest_key(seed) for seed in seeds} if cache else {}
    found = {path: cache.brief(key) for path, key in keys.items()} if cache else {}
    cached = {path: brief for path, brief in found.items() if brief is not None}
    # Every seed read takes a slug, so a seed that cleans to nothing never moves another's.
    slugs = assign_slugs([seed.path for seed in seeds])
    by_source: dict[str, Record] = {}
    todo, problems = _texts([s for s in seeds if s.path not in cached], settings)
    keys.update((seed.path, cache.digest_key(seed)) for seed in todo if cache)  # a text read again may be new
    for result in iter_analysis(todo, slugs, settings):  # stored as they come
        if isinstance(result, SeedProblem):
            problems.append(result)
            continue
        source = result.article.source
        if cache:
            cache.put(keys[source], result)
        by_source[source] = cache.keep_brief(keys[source], Brief.of(result)) if cache else result
    by_source.update((p, d if d.slug == slugs[p] else replace(d, slug=slugs[p])) for p, d in cached.items())
    problems += [SeedProblem(path, w) for path, record in by_source.items() for w in record.article.warnings]
    problems.sort(key=lambda problem: problem.path)
    return tuple(by_source[s.path] for s in seeds if s.path in by_source), tuple(problems)


def _texts(seeds: Sequence[Seed | KnownSeed], settings: Settings) -> tuple[list[Seed], list[SeedProblem]]:
    """The seeds with their texts: a known seed whose digest is needed is read again."""
    texts: list[Seed] = []
    problems: list[SeedProblem] = []
    limit = settings.max_seed_bytes
    for seed in seeds:
        read = seed if isinstance(seed, Seed) else read_seed(settings.root / seed.path, seed.path, limit)
        if isinstance(read, SeedProblem):
            problems.append(read)
        else:
            texts.append(read)
    return texts, problems


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


class CachedLibrary:
    """Whole digests and stories, read from the cache when a page needs them: a build holds
    briefs and heads only. An entry gone from the cache or unreadable since the brief was
    taken is made again from its seed, as a cold build would."""

    def __init__(self, cache: DigestCache, records: Sequence[Record], settings: Settings) -> None:
        self._cache = cache
        self._records = {r.article.source: r for r in records}
        self._settings = settings

    def digest(self, record: Record) -> Digest:
        """The whole digest of `record`, under its slug."""
        if isinstance(record, Digest):
            return record
        key = self._cache.key_of(record.article.source)
        digest = self._cache.get(key) or self._digest_again(record, key)
        return digest if digest.slug == record.slug else replace(digest, slug=record.slug)

    def story(self, record: StoryRecord) -> Story:
        """The whole story of `record`, under its slug."""
        if isinstance(record, Story):
            return record
        members = tuple(self._records[source] for source in record.articles)
        key = self._cache.story_key(members)
        story = self._cache.get_story(key)
        if story is None:
            story = build_story(tuple(self.digest(m) for m in members), language=self._settings.language)
            self._cache.put(key, story)
        return story if story.slug == record.slug else replace(story, slug=record.slug)

    def _digest_again(self, record: Record, key: str) -> Digest:
        source, settings = record.article.source, self._settings
        seed = read_seed(settings.root / source, source, settings.max_seed_bytes)
        if isinstance(seed, SeedProblem) or self._cache.digest_key(seed) != key:
            raise BuildError(f"{source}: changed while the briefing was being built; build again")
        digests, problems = run_analysis([seed], {source: record.slug}, settings)
        if problems:
            raise BuildError(f"{source}: {problems[0].reason}")
        self._cache.put(key, digests[0])
        return digests[0]


def _cached_story(
    members: tuple[Record, ...], *, cache: DigestCache, library: CachedLibrary, language: str
) -> StoryHead:
    """The head of the story of `members`: from the cache when none of them changed, else
    built from their whole digests and cached."""
    key = cache.story_key(members)
    head = cache.story_head(key)
    if head is None:
        story = build_story(tuple(library.digest(m) for m in members), language=language)
        cache.put(key, story)
        head = cache.keep_head(key, StoryHead.of(story))
    return head
