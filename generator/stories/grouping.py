"""Which articles report the same event: average-link clustering over background-weighted terms.

An article is its title (counted twice), its body's content stems and its entity names
(`text.vectors.article_terms`); each term weighs by how rare it is in news at large
(`text.background`), never by how common it is in the feed being built, so an article's
vector is its own: one new or edited article changes no other article's vector. Two
articles are as similar as the cosine of their vectors (with `date_scale`, lowered where
both are dated and far apart in time; off by default, as measured), every term they share
counted however many other articles hold it, so their likeness is theirs alone whatever
else the feed holds; each article is compared with its `NEIGHBOURS` most similar ones.

Clusters merge, best first, while their mean pairwise similarity reaches a bar that depends
on the size of the story they would make: a story of two articles needs `PAIR_FACTOR` times
the threshold, and the bar falls with size to the threshold itself. Two reports that merely
share a subject (two strikes, two football transfers) are the commonest false story, while
an event told by many sources shows itself in many likenesses. Average link over the whole
cluster never lets a chain of pairwise likenesses join articles that share nothing. The
result depends only on the set of articles, never on their order, and this module must never
look at any data beyond the digests it is given and the shipped background table.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import chain

import numpy

from generator.briefs import Record
from generator.models import Digest
from generator.text.dates import iso_day
from generator.text.vectors import Vector, article_terms, cosine, term_rarity, weighted_vector

DENSE_FACTOR = 3.0
"""A term held by more than this many times the square root of the number of articles is
summed for every pair at once, by a dense product, instead of posting by posting: the same
likeness (to rounding). Posting by posting a term costs the square of its holders, each
product with its bookkeeping; densely, the number of articles times a far smaller cost per
entry; the factor is where the two met on 10,000 benchmark articles."""
NEIGHBOURS = 50
"""Most similar articles each article is compared with: a story of up to this many sources
keeps every pair, and a year of articles never needs the square of its size in memory."""
PAIR_FACTOR = 2.0
"""A story of two articles needs this many times the threshold; one of `s` articles needs
`max(1, 2 * PAIR_FACTOR / s)` times it (chosen by `scripts/learn_story_grouping.py`)."""
BLOCK_FLOATS = 1_000_000
"""Sums held at once while pairs are found: a block of rows × every article (8 MB)."""
_LEAST_POSITIVE = float(numpy.nextafter(0.0, 1.0))
DATE_SCALE: float | None = None
"""Days over which the likeness of two dated articles falls by a factor e; None: dates are
not used (measured by `scripts/learn_story_grouping.py`)."""


def similarity_matrix(digests: Sequence[Digest], language: str = "english") -> list[list[float]]:
    """Pairwise cosine similarity of the articles' background-weighted vectors (for a story's few members)."""
    vectors = [weighted_vector(article_terms(d, language), language) for d in digests]
    return [[cosine(a, b) for b in vectors] for a in vectors]


@dataclass(frozen=True)
class Postings:
    """Sparse, L2-normalised vectors as parallel arrays, sorted by row and then term: entry k
    is term `terms[k]` (a rank in the sorted vocabulary) of row `rows[k]`, weighing `weights[k]`."""

    size: int
    """Number of rows (vectors), empty ones included."""
    vocabulary: int
    """Number of distinct terms."""
    rows: numpy.ndarray
    terms: numpy.ndarray
    weights: numpy.ndarray

    @classmethod
    def of(cls, vectors: Sequence[Vector]) -> Postings:
        """The postings of sparse vectors given as mappings."""
        rank = {term: k for k, term in enumerate(sorted(set(chain.from_iterable(vectors))))}
        terms = numpy.fromiter(map(rank.__getitem__, chain.from_iterable(vectors)), dtype=numpy.intp)
        weights = numpy.fromiter(chain.from_iterable(v.values() for v in vectors), dtype=float, count=len(terms))
        rows = numpy.repeat(numpy.arange(len(vectors), dtype=numpy.intp), [len(v) for v in vectors])
        order = numpy.lexsort((terms, rows))
        return cls(len(vectors), len(rank), rows[order], terms[order], weights[order])


def weighted_postings(documents: Sequence[Sequence[str]], language: str = "english") -> Postings:
    """Every document's `text.vectors.weighted_vector` as postings, built in numpy: each
    weight is a sublinear count times the term's background rarity, and each row is
    normalised by its own terms alone, summed in term order, so a row does not depend on
    the other documents."""
    vocabulary = sorted(set(chain.from_iterable(documents)))
    rank = {term: k for k, term in enumerate(vocabulary)}
    tokens = numpy.fromiter(map(rank.__getitem__, chain.from_iterable(documents)), dtype=numpy.int64)
    lengths = numpy.fromiter(map(len, documents), dtype=numpy.int64, count=len(documents))
    owner = numpy.repeat(numpy.arange(len(documents), dtype=numpy.int64), lengths)
    keys, counts = numpy.unique(owner * max(len(vocabulary), 1) + tokens, return_counts=True)
    rows, terms = numpy.divmod(keys, max(len(vocabulary), 1))
    rarities = numpy.array([term_rarity(term, language) for term in vocabulary])
    weights = (1.0 + numpy.log(counts)) * rarities[terms] if len(terms) else numpy.zeros(0)
    norms = numpy.sqrt(numpy.bincount(rows, weights * weights, minlength=len(documents)))
    weights = weights / norms[rows] if len(terms) else weights
    return Postings(len(documents), len(vocabulary), rows.astype(numpy.intp), terms.astype(numpy.intp), weights)


def similar_pairs(
    vectors: Postings, neighbours: int = NEIGHBOURS, *, dense_above: int | None = None
) -> dict[tuple[int, int], float]:
    """Cosine of each vector with its `neighbours` most similar vectors (ties all kept), every
    shared term counted.

    The vectors' terms become columns of a sparse matrix (each term's postings listed once);
    a block of rows at a time, every shared term's postings are laid end to end, row by row
    and in term order, and summed per pair by one `bincount` (which adds in that order, so a
    row's sums do not depend on the block it falls in). A term held by more than
    `dense_above` vectors (by default `DENSE_FACTOR` times the square root of their number) would
    cost the square of its holders that way; such terms are a dense matrix, and the block's
    rows times it give their part of every pair's sum in one product. Which terms go which
    way changes only the order the products are added in, never which count. Only each row's
    closest neighbours are kept, so memory follows the number of vectors, never its square.
    """
    n, terms = vectors.size, vectors.terms
    held_by_term = numpy.bincount(terms, minlength=vectors.vocabulary)
    if dense_above is None:
        dense_above = int(DENSE_FACTOR * math.sqrt(n))
    dense_term = held_by_term > dense_above
    held, in_dense = held_by_term[terms], dense_term[terms]
    dense = numpy.zeros((n, int(dense_term.sum())))
    dense[vectors.rows[in_dense], (numpy.cumsum(dense_term) - 1)[terms[in_dense]]] = vectors.weights[in_dense]
    kept = (held > 1) & ~in_dense  # by row, then term order, as postings come
    row_terms, row_weights, row_owner = terms[kept], vectors.weights[kept], vectors.rows[kept]
    row_start = numpy.searchsorted(row_owner, numpy.arange(n + 1))
    by_term = numpy.argsort(row_terms, kind="stable")  # each term's postings in row order
    posting_rows, posting_weights = row_owner[by_term], row_weights[by_term]
    posting_count = numpy.bincount(row_terms, minlength=vectors.vocabulary)
    posting_start = numpy.concatenate([[0], numpy.cumsum(posting_count)])
    pairs: dict[tuple[int, int], float] = {}
    block = max(1, min(256, BLOCK_FLOATS // max(n, 1)))  # rows summed at once: a block is block × n floats
    for first in range(0, n, block):
        last = min(n, first + block)
        entries = slice(row_start[first], row_start[last])
        counts = posting_count[row_terms[entries]]
        offsets = numpy.cumsum(counts) - counts
        gather = numpy.repeat(posting_start[row_terms[entries]] - offsets, counts) + numpy.arange(counts.sum())
        products = posting_weights[gather] * numpy.repeat(row_weights[entries], counts)
        local = numpy.repeat(numpy.arange(last - first) * n, numpy.diff(row_start[first : last + 1]))
        summed = numpy.bincount(numpy.repeat(local, counts) + posting_rows[gather], products, (last - first) * n)
        sums = numpy.asarray(summed, dtype=float).reshape(last - first, n)  # integers when no posting is summed
        if dense.shape[1]:
            sums += dense[first:last] @ dense.T
        sums[numpy.arange(last - first), numpy.arange(first, last)] = 0.0  # not its own neighbour
        # the neighbours-th largest of each row, or the least positive sum where a row has no more
        kth = n - neighbours
        floor = numpy.partition(sums, kth, axis=1)[:, kth : kth + 1] if kth > 0 else 0.0
        found = numpy.flatnonzero(sums >= numpy.maximum(floor, _LEAST_POSITIVE))
        rows, columns = numpy.divmod(found, n)
        values = sums.ravel()[found]
        rows += first
        low, high = numpy.minimum(rows, columns).tolist(), numpy.maximum(rows, columns).tolist()
        pairs.update(zip(zip(low, high, strict=True), values.tolist(), strict=True))
    return pairs


def need(size: int, threshold: float, pair_factor: float = PAIR_FACTOR) -> float:
    """The mean likeness a story of `size` articles needs: `pair_factor` × `threshold` for two
    articles, falling with size to `threshold`."""
    return threshold * max(1.0, 2.0 * pair_factor / size)


def cluster(
    n: int, pairs: dict[tuple[int, int], float], threshold: float, pair_factor: float = PAIR_FACTOR
) -> tuple[tuple[int, ...], ...]:
    """Average-link agglomerative clusters of 0..n-1: the merge whose mean pairwise similarity
    most exceeds the bar for the story it would make (`need`) goes first, while one reaches
    its bar; missing pairs count as similarity 0. Ties go to the lower indices.

    Every bar is at least `threshold`, so a merge needs some pair of articles at least that
    alike across the two clusters: no merge ever crosses two groups of articles that no chain
    of such pairs joins. Each group is clustered on its own, with the pairs inside it, and an
    article in no such pair stays alone. The clusters are the same as over all pairs at once
    (each group sees its own merges in the same order and the same sums), at a fraction of
    the cost: most pairs join articles that never merge.
    """
    root = list(range(n))

    def find(i: int) -> int:
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    for (i, j), value in pairs.items():
        if value >= threshold:
            root[max(find(i), find(j))] = min(find(i), find(j))
    groups: dict[int, dict[tuple[int, int], float]] = defaultdict(dict)
    for (i, j), value in pairs.items():  # in the pairs' order, so every sum adds in the same order
        if find(i) == find(j):
            groups[find(i)][(i, j)] = value
    members: defaultdict[int, list[int]] = defaultdict(list)
    for i in range(n):
        members[find(i)].append(i)
    clusters: list[tuple[int, ...]] = [(i,) for i in range(n) if len(members[find(i)]) == 1]
    bar = [0.0, 0.0] + [need(s, threshold, pair_factor) for s in range(2, n + 1)]
    for group, inside in groups.items():
        clusters += _cluster_group(members[group], inside, bar)
    return tuple(sorted(clusters))


def _cluster_group(nodes: list[int], pairs: dict[tuple[int, int], float], bar: list[float]) -> list[tuple[int, ...]]:
    """`cluster` over one group of articles, given the pairs inside it and the bar by story size."""
    links: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), value in pairs.items():
        links[i][j] = links[j][i] = value
    size = dict.fromkeys(nodes, 1)
    members = {i: [i] for i in nodes}
    heap = [(-value / bar[2], i, j) for (i, j), value in pairs.items() if value >= bar[2]]
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in size or b not in size or abs(_ratio(a, b, links, size, bar) + negative) > 1e-12:
            continue  # a cluster merged since this entry was pushed
        _merge(a, b, links, size, members)
        for d in links[a]:
            ratio = _ratio(a, d, links, size, bar)
            if ratio >= 1.0:
                heapq.heappush(heap, (-ratio, min(a, d), max(a, d)))
    return [tuple(sorted(m)) for m in members.values()]


def _ratio(a: int, b: int, links: dict[int, dict[int, float]], size: dict[int, int], bar: list[float]) -> float:
    """How far clusters `a` and `b`'s mean likeness exceeds the bar for their joint story (1: just reaches it)."""
    return links[a].get(b, 0.0) / (size[a] * size[b]) / bar[size[a] + size[b]]


def _merge(
    a: int, b: int, links: dict[int, dict[int, float]], size: dict[int, int], members: dict[int, list[int]]
) -> None:
    """Fold cluster `b` into cluster `a` (a < b), summing their links to every other cluster."""
    for d, total in links.pop(b).items():
        del links[d][b]
        if d != a:
            links[a][d] = links[d][a] = links[a].get(d, 0.0) + total
    size[a] += size.pop(b)
    members[a] += members.pop(b)


def group_articles(
    digests: Sequence[Record],
    threshold: float,
    language: str = "english",
    *,
    pair_factor: float = PAIR_FACTOR,
    date_scale: float | None = DATE_SCALE,
) -> tuple[tuple[int, ...], ...]:
    """Clusters of digest indices; digests should come sorted by source for stable ties."""
    if not digests:
        return ()
    vectors = weighted_postings([article_terms(d, language) for d in digests], language)
    pairs = similar_pairs(vectors)
    if date_scale:
        pairs = _apart_in_time(pairs, [iso_day(d.article.published) for d in digests], date_scale)
    return cluster(vectors.size, pairs, threshold, pair_factor)


def _apart_in_time(
    pairs: dict[tuple[int, int], float], days: list[date | None], scale: float
) -> dict[tuple[int, int], float]:
    """The pairs' likenesses, each lowered by a factor e per `scale` days between two dated articles."""
    out = {}
    for (i, j), value in pairs.items():
        a, b = days[i], days[j]
        out[(i, j)] = value * math.exp(-abs((a - b).days) / scale) if a and b else value
    return out
