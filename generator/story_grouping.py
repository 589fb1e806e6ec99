"""Which articles report the same event: average-link clustering over TF-IDF and entities.

An article is its title (counted twice), its body's content stems and its entity names;
two articles are as similar as the cosine of their TF-IDF vectors, with IDF taken over the
articles being grouped. Clusters merge while their mean pairwise similarity reaches the
threshold. The result depends only on the set of articles, never on their order, and this
module must never look at any data beyond the digests it is given.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.models import Digest
from generator.story_text import content_stems, cosine, inverse_frequencies, tfidf

TITLE_WEIGHT = 2
"""Times the title's stems count: a headline names the event."""
ENTITY_PREFIX = "@"
"""Marks entity features apart from word stems."""


def article_terms(digest: Digest, language: str = "english") -> tuple[str, ...]:
    """The terms that describe one article for grouping."""
    article = digest.article
    title = content_stems(article.title, language) * TITLE_WEIGHT
    body = content_stems(" ".join(article.paragraphs), language)
    names = tuple(ENTITY_PREFIX + name.lower() for name in digest.entities.all())
    return title + body + names


def similarity_matrix(digests: Sequence[Digest], language: str = "english") -> list[list[float]]:
    """Pairwise cosine similarity of the articles' TF-IDF vectors."""
    terms = [article_terms(d, language) for d in digests]
    idf = inverse_frequencies(terms)
    vectors = [tfidf(t, idf) for t in terms]
    return [[cosine(a, b) for b in vectors] for a in vectors]


def cluster(similarity: list[list[float]], threshold: float) -> tuple[tuple[int, ...], ...]:
    """Average-link agglomerative clusters of item indices, each sorted, in order of first item."""
    clusters: list[list[int]] = [[i] for i in range(len(similarity))]
    while len(clusters) > 1:
        best, pair = threshold, None
        for a in range(len(clusters)):
            for b in range(a + 1, len(clusters)):
                link = _average_link(similarity, clusters[a], clusters[b])
                if link >= best and (pair is None or link > best):
                    best, pair = link, (a, b)
        if pair is None:
            break
        a, b = pair
        clusters[a] = sorted(clusters[a] + clusters[b])
        del clusters[b]
    return tuple(tuple(c) for c in sorted(clusters))


def _average_link(similarity: list[list[float]], left: list[int], right: list[int]) -> float:
    total = sum(similarity[i][j] for i in left for j in right)
    return total / (len(left) * len(right))


def group_articles(
    digests: Sequence[Digest], threshold: float, language: str = "english"
) -> tuple[tuple[int, ...], ...]:
    """Clusters of digest indices; digests should come sorted by source for stable ties."""
    if not digests:
        return ()
    return cluster(similarity_matrix(digests, language), threshold)
