"""Pure: digests become stories, the articles on one event read once.

`group_stories` is the stage function: it groups articles on the same event
(`story_grouping`), then builds each story's cited summary (`story_summary`), the facts
its sources share and add (`story_facts`), numbers they disagree on
(`story_discrepancies`), its quotes and its timeline (`story_timeline`). Only groups of
two or more articles become stories. It must never depend on input order, read files,
or put a sentence under a source that did not write it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial

from generator.briefs import InMemory, Record, StoryRecord
from generator.models import Digest, Story, StoryQuote, StorySentence
from generator.stories.discrepancies import find_discrepancies
from generator.stories.facts import align, fact_vectors, only_in, shared_facts
from generator.stories.grouping import group_articles, similarity_matrix
from generator.stories.summary import SUMMARY_SENTENCES, summarize_story
from generator.stories.timeline import build_timeline
from generator.text.slugs import slugify
from generator.text.vectors import (
    Unit,
    UnitVectors,
    article_terms,
    article_units,
    centroid,
    cosine,
    inverse_frequencies,
    tfidf,
)

DEFAULT_THRESHOLD = 0.22
"""Least mean likeness for a large story; a pair of articles needs `grouping.PAIR_FACTOR`
times it. Chosen by cross-validation on newswire events with unrelated reports mixed in
(`scripts/learn_story_grouping.py`)."""
_SLUG_WORDS = 8
MAX_COMPARED = 8
"""Most articles of one story whose sentences are aligned, summarised and compared."""
UNITS_PER_ARTICLE = 150
"""Sentences of each article a story compares: an e-book chapter must not make it quadratic."""


def group_stories(
    digests: tuple[Record, ...],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    language: str = "english",
    summary_sentences: int = SUMMARY_SENTENCES,
    build: Callable[[tuple[Record, ...]], StoryRecord] | None = None,
) -> tuple[StoryRecord, ...]:
    """Stories of two or more articles each, in order of their first source; slugs unique.

    `build` makes one story from its members (default `build_story`, which needs whole
    digests); the pipeline passes one that reuses stories whose articles have not changed
    and gives their heads.
    """
    build = build or partial(_build_whole, language=language, summary_sentences=summary_sentences)
    ordered = tuple(sorted(digests, key=lambda d: d.article.source))
    clusters = [c for c in group_articles(ordered, threshold, language) if len(c) > 1]
    stories: list[StoryRecord] = []
    taken: set[str] = set()
    for cluster in clusters:
        members = tuple(ordered[i] for i in cluster)
        story = build(members)
        slug = _unique(story.slug, taken)
        taken.add(slug)
        stories.append(story if story.slug == slug else replace(story, slug=slug))
    return tuple(stories)


def _build_whole(members: tuple[Record, ...], *, language: str, summary_sentences: int) -> Story:
    return build_story(
        tuple(InMemory().digest(m) for m in members), language=language, summary_sentences=summary_sentences
    )


def story_units(
    members: Sequence[Digest], language: str = "english"
) -> tuple[tuple[Unit, ...], UnitVectors, dict[str, float]]:
    """The body sentences of the members (the first `UNITS_PER_ARTICLE` of each), their TF-IDF
    vectors and the IDF they share."""
    units = tuple(u for d in members for u in article_units(d.article, language)[:UNITS_PER_ARTICLE])
    idf = inverse_frequencies(u.stems for u in units)
    return units, UnitVectors(tfidf(u.stems, idf) for u in units), idf


def summarize_articles(
    members: Sequence[Digest], *, count: int = SUMMARY_SENTENCES, words: int = 0, language: str = "english"
) -> tuple[StorySentence, ...]:
    """A cited multi-source summary of the members: `count` sentences, or `words` words when given."""
    units, vectors, _ = story_units(members, language)
    return summarize_story(units, vectors, count=count, words=words)


def build_story(
    members: tuple[Digest, ...], *, language: str = "english", summary_sentences: int = SUMMARY_SENTENCES
) -> Story:
    """Everything a story page shows, for articles already known to report one event.

    A story with many sources is compared through its `MAX_COMPARED` most central articles:
    aligning every sentence with every other is quadratic, and a reader wants the gist.
    """
    sources = tuple(d.article.source for d in members)
    compared = _most_central(members, language) if len(members) > MAX_COMPARED else members
    units, vectors, idf = story_units(compared, language)
    facts = fact_vectors(units, vectors, language)
    groups = align(units, facts)
    headline = _headline(compared, language)
    return Story(
        slug=_slug(headline),
        headline=headline,
        articles=sources,
        summary=summarize_story(units, vectors, count=summary_sentences),
        shared_facts=shared_facts(units, facts, groups),
        only_in=only_in(units, facts, groups, tuple(d.article.source for d in compared)),
        discrepancies=find_discrepancies(compared, units, groups),
        quotes=_quotes(compared),
        timeline=build_timeline(units),
    )


def _most_central(members: Sequence[Digest], language: str) -> tuple[Digest, ...]:
    """The `MAX_COMPARED` members closest to the story's centre, in source order."""
    terms = [article_terms(d, language) for d in members]
    idf = inverse_frequencies(terms)
    vectors = [tfidf(t, idf) for t in terms]
    middle = centroid(vectors)
    ranked = sorted(range(len(members)), key=lambda i: (-cosine(vectors[i], middle), members[i].article.source))
    return tuple(members[i] for i in sorted(ranked[:MAX_COMPARED]))


def _headline(members: Sequence[Digest], language: str) -> str:
    """The title of the most central member (ties: earliest published, then source)."""
    similarity = similarity_matrix(members, language)
    titled = [i for i, d in enumerate(members) if d.article.title.strip()] or list(range(len(members)))

    def rank(i: int) -> tuple[float, str, str]:
        # Self-similarity left out and sums rounded: float noise must not decide a tie.
        centrality = round(sum(s for j, s in enumerate(similarity[i]) if j != i), 9)
        return (-centrality, members[i].article.published or "9999", members[i].article.source)

    return members[min(titled, key=rank)].article.title.strip()


def _quotes(members: Sequence[Digest]) -> tuple[StoryQuote, ...]:
    """Every member's quotes with speaker and source, in source then text order."""
    return tuple(StoryQuote(q.text, q.speaker, q.via, q.kind, d.article.source) for d in members for q in d.quotes)


def _slug(headline: str) -> str:
    return "-".join(slugify(headline).split("-")[:_SLUG_WORDS])


def _unique(slug: str, taken: set[str]) -> str:
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    return candidate
