"""EDGE: incremental building as one layer around the pure stages.

The stages (`ingest`, `analysis`, `stories`, `output`) are functions of their inputs and know
nothing of caching. `Executor` runs them for `pipeline.build` and skips work whose inputs it
has seen, each output keyed by what it is made from:

| output | made by | declared inputs (its key) |
|---|---|---|
| a seed's text | `read.scan_seeds` | the file's stamp: size, times, inode |
| an article's digest | `analysis.digest.iter_analysis` | the seed's path, format and text; settings; code |
| a story | `stories.assemble.build_story` | its members' digest keys and slugs; settings; code |
| a page | `output.render.iter_pages` | its template, its articles' identities, its own data |
| the whole of `docs/` | all of the above | every seed, the templates, settings and code |

Keys are content hashes (`cache.DigestCache`), so a warm run finds what a cold run made
and gives byte-identical pages. Without a cache (`write=False`, or `cache_dir` empty) it
runs every stage and keeps nothing. `work()` says what it did run, by name: how tests and
the bench see what a warm build skipped, without spying on the stages.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

from generator.analysis.digest import iter_analysis, run_analysis, with_warnings
from generator.briefs import Brief, Record, StoryHead, StoryRecord
from generator.errors import BuildError
from generator.incremental import last_build
from generator.incremental.cache import DigestCache, remove_leftovers
from generator.ingest.read import read_seed, scan_seeds, settle_stamps
from generator.models import BuildReport, Digest, KnownSeed, Page, Seed, SeedProblem, Story, Work, WriteResult
from generator.publish.write import write_pages
from generator.settings import Settings
from generator.stories.assemble import build_story
from generator.text.slugs import assign_slugs


@dataclass
class Scan:
    """What scanning `seeds/` found: the seeds (read, or known by their stamps), the files
    that are no use, and the stamps for the next scan."""

    seeds: tuple[Seed | KnownSeed, ...]
    problems: tuple[SeedProblem, ...]
    stamps: dict[str, Any]


@dataclass
class _Done:
    """What this build ran rather than found done (see `models.Work`)."""

    read: list[str] = field(default_factory=list)
    analysed: list[str] = field(default_factory=list)
    stories: list[str] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)
    loaded: list[str] = field(default_factory=list)


class Executor:
    """Runs the stages of one build, each piece of work only when its key is new; also the
    build's `Library` of whole digests and stories (read from the cache when it holds briefs)."""

    def __init__(self, settings: Settings, *, write: bool = True) -> None:
        self.settings = settings
        self.writes = write
        self.cache = _open_cache(settings) if write else None
        self.done = _Done()
        self._inputs = ""
        self._records: dict[str, Record] = {}
        self._unstamped: dict[str, str] = {}
        self._stamps: dict[str, Any] = {}

    def scan(self) -> Scan:
        """The seeds: a file whose stamp the last build kept, unchanged since, is not read."""
        settings, cache = self.settings, self.cache
        stamps = cache.seed_stamps() if cache else None
        scan = Scan(*scan_seeds(settings.seeds_path, settings.root, settings.max_seed_bytes, stamps))
        self.done.read += [s.path for s in scan.seeds if isinstance(s, Seed)]
        self._unstamped = {s.path: s.checksum for s in scan.seeds if isinstance(s, Seed) and s.path not in scan.stamps}
        self._stamps = scan.stamps
        if cache:
            cache.save_stamps(scan.stamps)
        return scan

    # The whole build

    def last_build(self, scan: Scan, templates: str) -> BuildReport | None:
        """The last clean build's report when this build's inputs are that build's and
        `docs/` holds its pages untouched: the pages would be the same. Else None, and the
        note of that build is dropped until this one ends without a problem."""
        cache = self.cache
        if cache is None:
            return None
        self._inputs = cache.inputs_key(scan.seeds, templates)
        done = last_build.unchanged(cache.folder, self.settings.docs_path, None if scan.problems else self._inputs)
        if done is not None:
            self._settle()
            return replace(done, work=self.work())
        return None

    # Articles

    def digests(self, scan: Scan) -> tuple[tuple[Record, ...], tuple[SeedProblem, ...]]:
        """Every seed's digest (its brief, with a cache), under a stable, unique slug, in
        seed order, and the problems of the scan and of each seed. A seed whose digest is in
        the cache is neither cleaned nor analysed again; one that fails costs that seed only.

        Takes the seeds' texts from `scan` and lets them go once digested (at 10,000
        articles, 70 MB more while stories are grouped)."""
        seeds, read_problems = scan.seeds, scan.problems
        scan.seeds = ()
        records, problems = self._digest(seeds)
        del seeds
        self._settle()  # seeds too new to stamp before the analysis
        self._records = {r.article.source: r for r in records}
        return records, read_problems + problems

    def _digest(self, seeds: Sequence[Seed | KnownSeed]) -> tuple[tuple[Record, ...], tuple[SeedProblem, ...]]:
        cache = self.cache
        keys = {seed.path: cache.digest_key(seed) for seed in seeds} if cache else {}
        found = {path: cache.brief(key) for path, key in keys.items()} if cache else {}
        cached = {path: brief for path, brief in found.items() if brief is not None}
        slugs = assign_slugs([seed.path for seed in seeds])  # every seed read takes one, so none moves another's
        todo, problems = self._texts([s for s in seeds if s.path not in cached])
        keys.update((seed.path, cache.digest_key(seed)) for seed in todo if cache)  # a text read again may be new
        by_source: dict[str, Record] = {}
        for result in iter_analysis(todo, slugs, self.settings):  # stored as they come
            if isinstance(result, SeedProblem):
                problems.append(result)
                continue
            source = result.article.source
            self.done.analysed.append(source)
            by_source[source] = self._keep(keys[source], result) if cache else result
        by_source.update((p, d if d.slug == slugs[p] else replace(d, slug=slugs[p])) for p, d in cached.items())
        records = tuple(by_source[s.path] for s in seeds if s.path in by_source)
        return records, with_warnings(records, problems)

    def _keep(self, key: str, digest: Digest) -> Brief:
        """Store a digest just made; the build holds its brief."""
        assert self.cache is not None
        self.cache.put(key, digest)
        return self.cache.keep_brief(key, Brief.of(digest))

    def _texts(self, seeds: Sequence[Seed | KnownSeed]) -> tuple[list[Seed], list[SeedProblem]]:
        """The seeds with their texts: a known seed whose digest is needed is read again."""
        texts: list[Seed] = []
        problems: list[SeedProblem] = []
        root, limit = self.settings.root, self.settings.max_seed_bytes
        for seed in seeds:
            read = seed if isinstance(seed, Seed) else read_seed(root / seed.path, seed.path, limit)
            if isinstance(read, SeedProblem):
                problems.append(read)
                continue
            if isinstance(seed, KnownSeed):
                self.done.read.append(seed.path)
            texts.append(read)
        return texts, problems

    def _settle(self) -> None:
        """Stamp the seeds read too soon after a change to stamp, once settled unchanged."""
        settings, unstamped = self.settings, self._unstamped
        if self.cache is None or not unstamped:
            return
        settled = settle_stamps(settings.root, settings.max_seed_bytes, unstamped)
        if settled:
            self.cache.save_stamps({**self._stamps, **settled})

    # Stories

    def assemble(self, members: tuple[Record, ...]) -> StoryRecord:
        """The story of `members` (for `group_stories`): its head from the cache when none of
        them changed, else assembled from their whole digests (and cached)."""
        cache = self.cache
        key = cache.story_key(members) if cache else ""
        head = cache.story_head(key) if cache else None
        if head is not None:
            return head
        story = self._build_story(members, key)
        return cache.keep_head(key, StoryHead.of(story)) if cache else story

    def _build_story(self, members: tuple[Record, ...], key: str) -> Story:
        """Assemble the story of `members` from their whole digests, and cache it under `key`."""
        story = build_story(tuple(self.digest(m) for m in members), language=self.settings.language)
        self.done.stories.append(story.slug)
        if self.cache:
            self.cache.put(key, story)
        return story

    # The library: whole digests and stories for the pages that are made

    def digest(self, record: Record) -> Digest:
        """The whole digest of `record`, under its slug: read from the cache, or, when its
        entry is gone or unreadable since the brief was taken, made again from its seed."""
        if isinstance(record, Digest):
            return record
        cache, source = self._cache_for(record.article.source), record.article.source
        key = cache.key_of(source)
        digest = cache.get(key)
        if digest is None:
            digest = self._digest_again(cache, record, key)
        else:
            self.done.loaded.append(source)
        return digest if digest.slug == record.slug else replace(digest, slug=record.slug)

    def story(self, record: StoryRecord) -> Story:
        """The whole story of `record`, under its slug."""
        if isinstance(record, Story):
            return record
        cache = self._cache_for(f"story {record.slug}")
        members = tuple(self._records[source] for source in record.articles)
        key = cache.story_key(members)
        story = cache.get_story(key)
        if story is None:
            story = self._build_story(members, key)
        else:
            self.done.loaded.append(f"story {record.slug}")
        return story if story.slug == record.slug else replace(story, slug=record.slug)

    def _cache_for(self, what: str) -> DigestCache:
        if self.cache is None:
            raise TypeError(f"{what}: only its brief is in memory")
        return self.cache

    def _digest_again(self, cache: DigestCache, record: Record, key: str) -> Digest:
        source, settings = record.article.source, self.settings
        seed = read_seed(settings.root / source, source, settings.max_seed_bytes)
        if isinstance(seed, SeedProblem) or cache.digest_key(seed) != key:
            raise BuildError(f"{source}: changed while the briefing was being built; build again")
        digests, problems = run_analysis([seed], {source: record.slug}, settings)
        if problems:
            raise BuildError(f"{source}: {problems[0].reason}")
        self.done.read.append(source)
        self.done.analysed.append(source)
        cache.put(key, digests[0])
        return digests[0]

    # Pages

    def identities(self, records: Sequence[Record]) -> dict[str, str] | None:
        """Each article's identity (`DigestCache.identity`): a page made only of articles
        whose identities are unchanged, and of the same data, is not made again."""
        return {r.article.source: self.cache.identity(r) for r in records} if self.cache else None

    def write(self, pages: Iterable[Page]) -> WriteResult:
        """Write `pages` into `docs/`, making only those whose key the last build did not
        leave untouched; without writing, make every page all the same (a template error
        is a problem `check` reports)."""
        counted = self._counted(pages)
        if not self.writes:
            deque(counted, maxlen=0)
            return WriteResult()
        cache, docs = self.cache, self.settings.docs_path
        written = write_pages(counted, docs, last_build.page_record(cache.folder, docs) if cache else None)
        if cache:
            cache.save_index()
        return written

    def _counted(self, pages: Iterable[Page]) -> Iterator[Page]:
        """`pages`, each noted in `done.pages` when its text is made."""
        made = self.done.pages
        for page in pages:
            if page.render is None:
                made.append(page.path)
                yield page
            else:
                yield replace(page, render=partial(_noted, page.render, page.path, made))

    def finish(self, report: BuildReport) -> BuildReport:
        """The report, with the work done; a clean build's inputs noted for the next build."""
        if self.cache and self.writes and not report.problems and self._inputs:
            last_build.remember(self.cache.folder, self.settings.docs_path, self._inputs, report)
        return replace(report, work=self.work())

    def work(self) -> Work:
        """What this build ran rather than found done, by name."""
        done = self.done
        return Work(tuple(done.read), tuple(done.analysed), tuple(done.stories), tuple(done.pages), tuple(done.loaded))


def _noted(render: Callable[[], str], path: str, made: list[str]) -> str:
    made.append(path)
    return render()


def _open_cache(settings: Settings) -> DigestCache | None:
    """The settings' cache, with its index of briefs for this project's `docs/`, rid of what
    killed runs left in it; or None."""
    if not settings.cache_path:
        return None
    project = last_build.path_key(settings.docs_path)
    folder = settings.cache_path
    remove_leftovers(folder, time.time())
    return DigestCache(folder, settings, folder / f"briefs-{project}.json", folder / f"seeds-{project}.json")
