"""Two articles' likeness in grouping is theirs alone: no other article in the feed changes it."""

from __future__ import annotations

import pytest

from generator.stories.grouping import Postings, similar_pairs, weighted_postings

PAIR = (
    ("storm", "flood", "river", "rain", "evacu", "storm", "bridg", "@tewkesburi"),
    ("storm", "flood", "river", "sandbag", "rain", "storm", "@tewkesburi", "warn"),
)


def _pairs(documents: list[tuple[str, ...]]) -> dict[tuple[int, int], float]:
    return similar_pairs(weighted_postings(documents))


def _filler(count: int, prefix: str, *shared: str) -> list[tuple[str, ...]]:
    """Articles on nothing the pair reports: words of their own (unseen, so as rare as any), and `shared`."""
    return [(f"{prefix}{k}a", f"{prefix}{k}b", f"{prefix}{k}c", *shared) for k in range(count)]


def test_a_pairs_likeness_does_not_change_when_many_articles_share_one_of_its_words() -> None:
    feed = [*PAIR, *_filler(420, "zzquiet")]  # more than 400 articles: a size where a feed-wide cut once applied
    crowded = [*feed, *_filler(500, "zzloud", "storm")]  # 500 unrelated articles all saying "storm"
    alone, mixed = _pairs(feed), _pairs(crowded)
    assert alone[(0, 1)] > 0.5
    assert mixed[(0, 1)] == pytest.approx(alone[(0, 1)], abs=1e-12)


def test_the_likeness_is_the_cosine_of_the_two_articles_vectors_alone() -> None:
    crowded = [*PAIR, *_filler(420, "zzquiet"), *_filler(500, "zzloud", "storm", "rain")]
    just_the_pair = similar_pairs(weighted_postings(list(PAIR)))
    assert _pairs(crowded)[(0, 1)] == pytest.approx(just_the_pair[(0, 1)], abs=1e-12)


def test_terms_summed_densely_give_the_same_likenesses_as_posting_by_posting() -> None:
    documents = [*PAIR, *_filler(420, "zzquiet", "rain"), *_filler(500, "zzloud", "storm")]
    vectors: Postings = weighted_postings(documents)
    sparse = similar_pairs(vectors, dense_above=len(documents))
    dense = similar_pairs(vectors, dense_above=2)
    assert sparse.keys() == dense.keys()
    assert list(dense.values()) == pytest.approx(list(sparse.values()), abs=1e-12)
