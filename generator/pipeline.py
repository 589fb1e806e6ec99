"""The generate step as a table of contents: seeds in, Markdown pages in `docs/` out.

Each line is one stage on typed values; only `read_seeds` and `write_pages` touch the disk.
"""

from __future__ import annotations

from generator.analyse import digest_article
from generator.clean import clean_article
from generator.errors import SeedError
from generator.models import Article, BuildReport, Digest, Seed, SeedProblem, WriteResult
from generator.read import read_seeds
from generator.render import make_environment, render_pages
from generator.settings import Settings
from generator.slugs import assign_slugs
from generator.stories import group_stories
from generator.write import write_pages


def build(settings: Settings, *, write: bool = True) -> BuildReport:
    """Generate the briefing's pages from the seeds; `write=False` only checks."""
    seeds, read_problems = read_seeds(settings.seeds_path, settings.root, settings.max_seed_bytes)
    articles, clean_problems = clean_articles(seeds)
    digests, analyse_problems = analyse_articles(articles, settings)
    stories = group_stories(digests, threshold=settings.story_threshold, language=settings.language)
    pages = render_pages(digests, stories, settings, make_environment(settings.root / "templates"))
    written = write_pages(pages, settings.docs_path) if write else WriteResult()
    problems = read_problems + clean_problems + analyse_problems + written.skipped
    newest = max((d.article.published for d in digests if d.article.published), default=None)
    return BuildReport(tuple(d.article.source for d in digests), problems, written, newest)


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


def analyse_articles(
    articles: tuple[Article, ...], settings: Settings
) -> tuple[tuple[Digest, ...], tuple[SeedProblem, ...]]:
    """Digest every article under a stable, unique slug."""
    slugs = assign_slugs([a.source for a in articles])
    digests, problems = [], []
    for article in articles:
        try:
            digests.append(digest_article(article, slugs[article.source], settings))
        except RecursionError as error:  # pathological nesting in a pasted text
            problems.append(SeedProblem(article.source, f"could not be analysed: {error}"))
    return tuple(digests), tuple(problems)
