"""Which articles report the same event: average-link clustering over TF-IDF and entities.

An article is its title (counted twice), its body's content stems and its entity names;
two articles are as similar as the cosine of their TF-IDF vectors, with IDF taken over the
articles being grouped; each article is compared with its `NEIGHBOURS` most similar ones.
Clusters merge while their mean pairwise similarity reaches the threshold, while it is not
far below the cohesion of the tighter cluster (two tight stories of the same kind, two
councils' budgets or two strikes, share enough vocabulary to pass a low threshold, but far
less than each story shares within itself), and while some article on one side closely
resembles some article on the other (so no diffuse average of weak likenesses joins
unrelated reports). The result depends only on the set of articles, never on their order,
and this module must never look at any data beyond the digests it is given.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

import numpy

from generator.briefs import Record
from generator.models import Digest
from generator.text.vectors import Vector, article_terms, cosine, inverse_frequencies, tfidf

_EXACT_UP_TO = 400
"""Up to this many articles every shared term counts, so similarities are exact."""
_COMMON_SHARE = 0.05
"""Beyond that, terms in more than this share of the articles are too common to count."""
NEIGHBOURS = 50
"""Most similar articles each article is compared with: a story of up to this many sources
keeps every pair, and a year of articles never needs the square of its size in memory."""
COHESION_SHARE = 0.25
"""A merge needs a mean similarity of at least this share of the tighter cluster's cohesion
(its mean internal similarity)..."""
LINK_FACTOR = 1.7
"""A merge needs one pair of articles across the two clusters at least this many times the
threshold alike."""
COHESION_CAP = 0.6
"""...counting cohesion at most this much, so near-identical agency copies of a report
still take in a third outlet's own wording of the event."""


def similarity_matrix(digests: Sequence[Digest], language: str = "english") -> list[list[float]]:
    """Pairwise cosine similarity of the articles' TF-IDF vectors (for a story's few members)."""
    vectors = _vectors(digests, language)
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


def tfidf_postings(documents: Sequence[Sequence[str]]) -> Postings:
    """`story_text.tfidf` of every document under `inverse_frequencies` of them all, as
    postings: the same weights bit for bit (each factor from `math.log`, each norm summed in
    the order of the terms' first use, as `tfidf` sums), at a fraction of the cost."""
    vocabulary = sorted(set(chain.from_iterable(documents)))
    rank = {term: k for k, term in enumerate(vocabulary)}
    tokens = numpy.fromiter(map(rank.__getitem__, chain.from_iterable(documents)), dtype=numpy.int64)
    lengths = numpy.fromiter(map(len, documents), dtype=numpy.int64, count=len(documents))
    owner = numpy.repeat(numpy.arange(len(documents), dtype=numpy.int64), lengths)
    keys, first, counts = numpy.unique(owner * len(vocabulary) + tokens, return_index=True, return_counts=True)
    rows, terms = numpy.divmod(keys, len(vocabulary))
    held = numpy.bincount(terms, minlength=len(vocabulary)).tolist()
    idf = numpy.array([math.log((1 + len(documents)) / (1 + df)) + 1.0 for df in held])
    tf = numpy.array([1.0 + math.log(n) if n else 0.0 for n in range(int(counts.max(initial=0)) + 1)])
    weights = tf[counts] * idf[terms]
    in_use = numpy.argsort(first, kind="stable")  # each row's terms in order of first use
    norms = numpy.sqrt(numpy.bincount(rows[in_use], (weights * weights)[in_use], minlength=len(documents)))
    weights /= norms[rows]
    return Postings(len(documents), len(vocabulary), rows.astype(numpy.intp), terms.astype(numpy.intp), weights)


def similar_pairs(vectors: Postings, common: int, neighbours: int = NEIGHBOURS) -> dict[tuple[int, int], float]:
    """Cosine of each vector with its `neighbours` most similar vectors (ties all kept),
    counting only terms held by at most `common` vectors.

    The vectors' terms become columns of a sparse matrix (each term's postings listed once);
    a block of rows at a time, every shared term's postings are laid end to end, row by row
    and in term order, and summed per pair by one `bincount` (which adds in that order, so a
    row's sums do not depend on the block it falls in). Only each row's closest neighbours
    are kept. So the cost follows the terms articles share, and memory the number of
    articles, never their square. A term in more than `common` vectors (a word every article
    uses) adds nothing.
    """
    n, terms = vectors.size, vectors.terms
    held = numpy.bincount(terms, minlength=vectors.vocabulary)[terms]
    kept = (held > 1) & (held <= common)  # by row, then term order, as postings come
    row_terms, row_weights, row_owner = terms[kept], vectors.weights[kept], vectors.rows[kept]
    row_start = numpy.searchsorted(row_owner, numpy.arange(n + 1))
    by_term = numpy.argsort(row_terms, kind="stable")  # each term's postings in row order
    posting_rows, posting_weights = row_owner[by_term], row_weights[by_term]
    posting_count = numpy.bincount(row_terms, minlength=vectors.vocabulary)
    posting_start = numpy.concatenate([[0], numpy.cumsum(posting_count)])
    pairs: dict[tuple[int, int], float] = {}
    block = max(1, min(256, 2_000_000 // max(n, 1)))  # rows summed at once: a block is block × n floats
    for first in range(0, n, block):
        last = min(n, first + block)
        entries = slice(row_start[first], row_start[last])
        counts = posting_count[row_terms[entries]]
        offsets = numpy.cumsum(counts) - counts
        gather = numpy.repeat(posting_start[row_terms[entries]] - offsets, counts) + numpy.arange(counts.sum())
        products = posting_weights[gather] * numpy.repeat(row_weights[entries], counts)
        local = numpy.repeat(numpy.arange(last - first) * n, numpy.diff(row_start[first : last + 1]))
        sums = numpy.bincount(numpy.repeat(local, counts) + posting_rows[gather], products, (last - first) * n)
        sums[numpy.arange(last - first) * n + numpy.arange(first, last)] = 0.0  # not its own neighbour
        found = numpy.flatnonzero(sums > 0)
        rows, columns = numpy.divmod(found, n)
        values = sums[found]
        per_row = numpy.bincount(rows, minlength=last - first)
        floor = numpy.zeros(last - first)
        ends = numpy.cumsum(per_row)
        for row in numpy.flatnonzero(per_row > neighbours).tolist():
            row_values = values[ends[row] - per_row[row] : ends[row]]
            cut = len(row_values) - neighbours
            floor[row] = numpy.partition(row_values, cut)[cut]  # the neighbours-th largest
        close = values >= floor[rows]
        rows, columns, values = rows[close] + first, columns[close], values[close]
        low, high = numpy.minimum(rows, columns).tolist(), numpy.maximum(rows, columns).tolist()
        pairs.update(zip(zip(low, high, strict=True), values.tolist(), strict=True))
    return pairs


def cluster(n: int, pairs: dict[tuple[int, int], float], threshold: float) -> tuple[tuple[int, ...], ...]:
    """Average-link agglomerative clusters of 0..n-1, merging the best pair first while it reaches
    `threshold` and the cohesion rule above; missing pairs count as similarity 0. Ties go to
    the lower indices.

    A merge needs a pair of articles at least `LINK_FACTOR` × `threshold` alike across the
    two clusters, so no merge ever crosses two groups of articles that no chain of such pairs
    joins: each group is clustered on its own, with the pairs inside it, and an article in
    no such pair stays alone. The clusters are the same as over all pairs at once (each
    group sees its own merges in the same order and the same sums), at a fraction of the
    cost: most pairs join articles that never merge.
    """
    strong = LINK_FACTOR * threshold
    root = list(range(n))

    def find(i: int) -> int:
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    for (i, j), value in pairs.items():
        if value >= strong:
            root[max(find(i), find(j))] = min(find(i), find(j))
    groups: dict[int, dict[tuple[int, int], float]] = defaultdict(dict)
    for (i, j), value in pairs.items():  # in the pairs' order, so every sum adds in the same order
        if find(i) == find(j):
            groups[find(i)][(i, j)] = value
    members: defaultdict[int, list[int]] = defaultdict(list)
    for i in range(n):
        members[find(i)].append(i)
    clusters: list[tuple[int, ...]] = [(i,) for i in range(n) if len(members[find(i)]) == 1]
    for group, inside in groups.items():
        clusters += _cluster_group(members[group], inside, threshold)
    return tuple(sorted(clusters))


def _cluster_group(nodes: list[int], pairs: dict[tuple[int, int], float], threshold: float) -> list[tuple[int, ...]]:
    """`cluster` over one group of articles, given the pairs inside it."""
    links: dict[int, dict[int, float]] = defaultdict(dict)
    closest: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), value in pairs.items():
        links[i][j] = links[j][i] = closest[i][j] = closest[j][i] = value
    size = dict.fromkeys(nodes, 1)
    inner = dict.fromkeys(nodes, 0.0)
    members = {i: [i] for i in nodes}
    heap = [(-value, i, j) for (i, j), value in pairs.items() if value >= threshold]
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in size or b not in size or abs(links[a].get(b, 0.0) / (size[a] * size[b]) + negative) > 1e-12:
            continue  # a cluster merged since this entry was pushed
        tighter = max(_cohesion(inner[a], size[a]), _cohesion(inner[b], size[b]))
        if -negative < COHESION_SHARE * min(tighter, COHESION_CAP) or closest[a][b] < LINK_FACTOR * threshold:
            continue  # pushed again if either cluster grows
        inner[a] += inner.pop(b) + links[a][b]
        _merge_closest(a, b, closest)
        _merge(a, b, links, size, members)
        for d, total in links[a].items():
            average = total / (size[a] * size[d])
            if average >= threshold:
                heapq.heappush(heap, (-average, min(a, d), max(a, d)))
    return [tuple(sorted(m)) for m in members.values()]


def _cohesion(inner: float, size: int) -> float:
    """Mean similarity of a cluster's pairs, from their sum; a single article has none."""
    return inner / (size * (size - 1) / 2) if size > 1 else 0.0


def _merge_closest(a: int, b: int, closest: dict[int, dict[int, float]]) -> None:
    """Fold `b` into `a` in the table of each cluster pair's most similar article pair."""
    for d, value in closest.pop(b).items():
        del closest[d][b]
        if d != a:
            closest[a][d] = closest[d][a] = max(closest[a].get(d, 0.0), value)


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
    digests: Sequence[Record], threshold: float, language: str = "english"
) -> tuple[tuple[int, ...], ...]:
    """Clusters of digest indices; digests should come sorted by source for stable ties."""
    if not digests:
        return ()
    vectors = tfidf_postings([article_terms(d, language) for d in digests])
    common = max(_EXACT_UP_TO, int(vectors.size * _COMMON_SHARE))
    return cluster(vectors.size, similar_pairs(vectors, common), threshold)


def _vectors(digests: Sequence[Record], language: str) -> list[dict[str, float]]:
    terms = [article_terms(d, language) for d in digests]
    idf = inverse_frequencies(terms)
    return [tfidf(t, idf) for t in terms]
