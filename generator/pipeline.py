"""The generate step as a table of contents: seeds in, Markdown pages in `docs/` out.

Each line of `build` is one stage, a pure function of typed values (`ingest`, `analysis`,
`stories`, `output`), run through the incremental layer (`incremental.executor`), which
alone touches the cache, the seeds' files and `docs/`, and skips work whose inputs it has seen.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures.process import BrokenProcessPool

from generator.briefs import Briefing
from generator.children import process_pool
from generator.errors import BuildError
from generator.incremental.executor import Executor
from generator.incremental.shards import warm_shard
from generator.models import BuildReport
from generator.output.render import iter_pages, make_environment, templates_fingerprint
from generator.settings import Settings
from generator.stories.assemble import group_stories


def build(settings: Settings, *, write: bool = True) -> BuildReport:
    """Generate the briefing's pages from the seeds; `write=False` only checks and writes nothing.

    A build whose inputs (seed texts, templates, settings, code) are those of the last build
    that wrote `docs/` without a problem, and finds every page as that build left it, writes
    nothing and makes nothing: the pages would be the same.
    """
    run = Executor(settings, write=write)
    env = make_environment(settings.root / "templates")
    scan = run.scan()  # seeds/: a file unchanged since the last build is not read
    if (last := run.last_build(scan, templates_fingerprint(env))) is not None:
        return last  # the inputs of the last clean build, its pages untouched: nothing to do
    digests, problems = run.digests(scan)  # each seed cleaned and analysed, once per text
    stories = group_stories(digests, threshold=settings.story_threshold, language=settings.language, build=run.assemble)
    pages = iter_pages(digests, stories, settings, env, run.identities(digests), run)
    written = run.write(pages)  # a page whose inputs are unchanged is not even made
    newest = max((d.article.published for d in digests if d.article.published), default=None)
    sources = tuple(d.article.source for d in digests)
    return run.finish(BuildReport(sources, problems + written.skipped, written, newest))


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


def collect(settings: Settings) -> Briefing:
    """Read, clean, analyse and group the seeds: everything the pages are made from, through
    the settings' cache (articles and stories then come as briefs and heads, and the
    briefing's library reads whole ones from the cache)."""
    run = Executor(settings)
    digests, problems = run.digests(run.scan())
    stories = group_stories(digests, threshold=settings.story_threshold, language=settings.language, build=run.assemble)
    return Briefing(digests, stories, problems, run)


def warm_cache(settings: Settings, shard: int, shards: int) -> BuildReport:
    """Analyse shard `shard` of `shards` (1-based) into the cache only: for splitting the slow
    step across CI jobs, whose caches are then merged for one final build."""
    return warm_shard(settings, shard, shards)
