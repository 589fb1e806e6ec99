"""Pure: one cleaned `Article` becomes its `Digest` (summary, figures, quotes, entities).

The article's own language decides how it is summarised, never the site's language: when
sumy has no stemmer and stop words for it, the digest says so instead of summarising.
`iter_analysis` runs cleaning and analysis of many seeds in worker processes.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import nullcontext
from dataclasses import replace
from typing import Any

from tqdm import tqdm

from generator.analysis.entities import extract_entities
from generator.analysis.figures import extract_figures
from generator.analysis.quotes.extract import extract_quotes
from generator.analysis.summarize import summarize
from generator.briefs import Record
from generator.children import process_pool
from generator.errors import SeedError
from generator.ingest.clean import clean_article
from generator.models import Article, Digest, Entities, Seed, SeedProblem
from generator.settings import Settings
from generator.text.language import NAMES, SUMMARISABLE, code_for, detect_language, normalise_code
from generator.text.slugs import assign_slugs
from generator.text.tokenizer import SentenceTokenizer
from generator.text.vectors import article_terms

_PER_WORKER = 16
"""Fewer articles than this per worker are analysed in this process: workers cost more to start."""
_ENGLISH_ONLY = "Key figures, quotes and names are extracted from English text only."


def digest_article(article: Article, slug: str, settings: Settings) -> Digest:
    """Run every analysis stage on one article."""
    code = article_language(article, settings)
    language = SUMMARISABLE.get(code)
    notes: list[str] = []
    if language is None:
        summary: tuple[str, ...] = ()
        notes.append(
            f"No summary: Briefing cannot summarise {NAMES.get(code, code)} text "
            "(sumy has no stemmer and stop words for it)."
        )
    else:
        tokenizer = SentenceTokenizer(language)
        count = settings.summary_length(sum(len(tokenizer.to_sentences(p)) for p in article.paragraphs))
        summary = summarize(article, count, algorithm=settings.summarizer, language=language)
    english = code == "en"
    if not english:
        notes.append(_ENGLISH_ONLY)
    digest = Digest(
        article=article,
        slug=slug,
        summary=summary,
        figures=extract_figures(article) if english else (),
        quotes=extract_quotes(article) if english else (),
        entities=extract_entities(article) if english else Entities(),
        language=code,
        notes=tuple(notes),
    )
    return replace(digest, terms=article_terms(digest, settings.language))


def run_analysis(
    seeds: list[Seed], slugs: dict[str, str], settings: Settings
) -> tuple[tuple[Digest, ...], tuple[SeedProblem, ...]]:
    """Clean and digest `seeds`, in worker processes when there are enough of them; a failure
    costs one seed."""
    results = list(iter_analysis(seeds, slugs, settings))
    digests = tuple(r for r in results if isinstance(r, Digest))
    return digests, tuple(r for r in results if isinstance(r, SeedProblem))


def digest_seeds(seeds: Sequence[Seed], settings: Settings) -> tuple[tuple[Digest, ...], tuple[SeedProblem, ...]]:
    """Clean and analyse every seed, each under a stable, unique slug, in seed order, with
    the problems of the seeds that fail (each costs that seed only) and what cleaning warns of."""
    slugs = assign_slugs([seed.path for seed in seeds])
    digests, problems = run_analysis(list(seeds), slugs, settings)
    return digests, with_warnings(digests, list(problems))


def with_warnings(records: Sequence[Record], problems: list[SeedProblem]) -> tuple[SeedProblem, ...]:
    """`problems` and every article's cleaning warnings, by seed path."""
    problems = problems + [SeedProblem(r.article.source, w) for r in records for w in r.article.warnings]
    return tuple(sorted(problems, key=lambda problem: problem.path))


def iter_analysis(seeds: list[Seed], slugs: dict[str, str], settings: Settings) -> Iterator[Digest | SeedProblem]:
    """Each seed's digest or problem, in order, as the workers finish them. The workers clean
    the seeds too, so no cleaned article waits in this process; a caller that stores each
    digest as it comes never holds them all (at 10,000 articles, most of a build's memory)."""
    jobs = min(settings.jobs or os.cpu_count() or 1, max(1, len(seeds) // _PER_WORKER))
    work = [(seed, slugs[seed.path], settings) for seed in seeds]
    with _progress(len(work)) as bar, process_pool(jobs) if jobs > 1 else nullcontext() as pool:
        for result in pool.map(_digest_or_problem, work, chunksize=8) if pool else map(_digest_or_problem, work):
            bar.update()
            yield result


def _digest_or_problem(item: tuple[Seed, str, Settings]) -> Digest | SeedProblem:
    seed, slug, settings = item
    article = None
    try:
        article = clean_article(seed)
        return digest_article(article, slug, settings)
    except SeedError as error:  # nothing left once cleaned
        return SeedProblem(error.path, error.reason)
    except RecursionError as error:  # pathological nesting in a pasted text
        # What cleaning found (a dropped address) is still news to the user: said with the failure.
        also = "".join(f"; also: {warning}" for warning in article.warnings) if article else ""
        return SeedProblem(seed.path, f"could not be analysed: {error}{also}")


def _progress(total: int) -> Any:
    """A progress bar on long runs in a terminal; silent otherwise."""
    return tqdm(
        total=total, unit="article", desc="Analysing", disable=total < 50 or not sys.stderr.isatty(), leave=False
    )


def article_language(article: Article, settings: Settings) -> str:
    """The language code the article states, else the one detected, else the site's."""
    stated = normalise_code(article.lang)
    return stated or detect_language(" ".join(article.paragraphs)) or code_for(settings.language)
