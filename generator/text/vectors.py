"""Text measures the stages share: content stems, an article's grouping terms and its
background-weighted vector, sentence units with citations, TF-IDF within a story, cosine.

Every stage that compares text does it through these functions, so "similar" means one
thing. It must never read files but the shipped background table, download data (sumy's
stemmer and stop words ship with it) or use sumy's default tokenizer.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy

from generator.briefs import Brief, Record
from generator.models import Article, Citation
from generator.text.background import rarity
from generator.text.tokenizer import SentenceTokenizer
from generator.text.words import stemmer, stop_words

Vector = Mapping[str, float]
"""A sparse, L2-normalised term vector."""

TITLE_WEIGHT = 2
"""Times the title's stems count: a headline names the event."""
ENTITY_PREFIX = "@"
"""Marks entity features apart from word stems."""


@dataclass(frozen=True)
class Unit:
    """One body sentence of one article, with where it sits and its content stems."""

    text: str
    citation: Citation
    position: int
    """Sentence index within the article's body (0 = lead)."""
    stems: tuple[str, ...]
    """Content-word stems in order, repeats kept."""


def content_stems(text: str, language: str = "english") -> tuple[str, ...]:
    """Stems of the words that carry content: no stop words, no one-letter tokens.

    A typographic apostrophe reads as a plain one, so "don’t" is the stop word "don't";
    hyphens are dropped, so "anti-tank" and "antitank" are one word.
    """
    stop = stop_words(language)
    stem = stemmer(language)
    words = (w.lower().replace("’", "'") for w in SentenceTokenizer(language).to_words(text))
    return tuple(stem(w.replace("-", "")) for w in words if len(w) > 1 and w not in stop and not w.isdigit())


def article_terms(digest: Record, language: str = "english") -> tuple[str, ...]:
    """The terms that describe one article for grouping: the digest's own when it has them
    (worked out at analysis in the site's language, which is the language grouping uses)."""
    if digest.terms or isinstance(digest, Brief):  # a brief is made from a digest with its terms
        return digest.terms
    article = digest.article
    title = content_stems(article.title, language) * TITLE_WEIGHT
    body = content_stems(" ".join(article.paragraphs), language)
    names = tuple(ENTITY_PREFIX + name.lower() for name in digest.entities.all())
    return title + body + names


@lru_cache(maxsize=1 << 16)
def term_rarity(term: str, language: str = "english") -> float:
    """A term's background rarity; an entity name's is that of its rarest word."""
    if not term.startswith(ENTITY_PREFIX):
        return rarity(term)
    return max(map(rarity, content_stems(term[len(ENTITY_PREFIX) :], language)), default=rarity(term))


def weighted_vector(terms: Sequence[str], language: str = "english") -> dict[str, float]:
    """An article's L2-normalised vector: each term's sublinear count times its background
    rarity. It depends on the article's own terms alone."""
    counts: dict[str, int] = defaultdict(int)
    for term in terms:
        counts[term] += 1
    weights = {t: (1.0 + math.log(n)) * term_rarity(t, language) for t, n in counts.items()}
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {t: w / norm for t, w in weights.items()} if norm else {}


def article_units(article: Article, language: str = "english") -> tuple[Unit, ...]:
    """Every body sentence of an article, citing its block index; headings are skipped."""
    tokenizer = SentenceTokenizer(language)
    units: list[Unit] = []
    for index, block in enumerate(article.blocks):
        if block.kind != "paragraph":
            continue
        for sentence in tokenizer.to_sentences(block.text):
            citation = Citation(article.source, index)
            units.append(Unit(sentence, citation, len(units), content_stems(sentence, language)))
    return tuple(units)


def inverse_frequencies(documents: Iterable[Iterable[str]]) -> dict[str, float]:
    """Smoothed IDF of every term over the given documents (term sets or sequences)."""
    frequency: Counter[str] = Counter()
    count = 0
    for terms in documents:
        count += 1
        frequency.update(set(terms))
    return {t: math.log((1 + count) / (1 + df)) + 1.0 for t, df in frequency.items()}


def tfidf(terms: Sequence[str], idf: Mapping[str, float], sublinear: bool = True) -> dict[str, float]:
    """An L2-normalised TF-IDF vector; unknown terms weigh as the rarest."""
    counts = Counter(terms)
    # The rarest weight costs a pass over the whole vocabulary: only when a term needs it.
    ceiling = max(idf.values(), default=1.0) if any(t not in idf for t in counts) else 1.0
    weights = {t: (1.0 + math.log(n) if sublinear else float(n)) * idf.get(t, ceiling) for t, n in counts.items()}
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {t: w / norm for t, w in weights.items()} if norm else {}


def cosine(a: Vector, b: Vector) -> float:
    """Cosine of two normalised sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


class UnitVectors(tuple[Vector, ...]):
    """A story's sentence vectors, with the cosine of every pair computed once, as a matrix.

    Aligning facts and ranking summary sentences compare every sentence with every other;
    one pass over the shared terms costs far less than that many dictionary walks.
    """

    similarity: numpy.ndarray

    def __new__(cls, vectors: Iterable[Vector]) -> UnitVectors:
        self = super().__new__(cls, tuple(vectors))
        self.similarity = pairwise(self)
        return self

    def cosine(self, i: int, j: int) -> float:
        """Cosine of sentences `i` and `j`."""
        return float(self.similarity[i, j])

    def apart(self, unlike: numpy.ndarray) -> UnitVectors:
        """The same vectors, with the cosine of every pair `unlike` marks (a boolean matrix) set to 0."""
        other = tuple.__new__(UnitVectors, self)
        other.similarity = numpy.where(unlike, 0.0, self.similarity)
        return other

    def closest_by_source(self, units: Sequence[Unit], among: Sequence[int]) -> dict[int, dict[str, tuple[float, int]]]:
        """For each sentence in `among`, its closest sentence among `among` in each other
        source, as (cosine, index); of equals, the first in reading order."""
        by_source: dict[str, list[int]] = {}
        for j in among:
            by_source.setdefault(units[j].citation.source, []).append(j)
        columns = {source: numpy.array(js) for source, js in by_source.items()}
        closest: dict[int, dict[str, tuple[float, int]]] = {}
        for i in among:
            row = self.similarity[i]
            mine = units[i].citation.source
            found = {}
            for source, js in columns.items():
                if source != mine:
                    k = int(js[int(numpy.argmax(row[js]))])
                    found[source] = (float(row[k]), k)
            closest[i] = found
        return closest


def pairwise(vectors: Sequence[Vector]) -> numpy.ndarray:
    """The matrix of cosines of normalised sparse vectors, summed term by term in term order."""
    postings: dict[str, list[tuple[int, float]]] = {}
    for row, vector in enumerate(vectors):
        for term, weight in vector.items():
            postings.setdefault(term, []).append((row, weight))
    matrix = numpy.zeros((len(vectors), len(vectors)))
    for term in sorted(postings):
        rows = numpy.array([row for row, _ in postings[term]])
        weights = numpy.array([weight for _, weight in postings[term]])
        matrix[numpy.ix_(rows, rows)] += numpy.outer(weights, weights)
    return matrix


def centroid(vectors: Iterable[Vector]) -> dict[str, float]:
    """The normalised mean of vectors."""
    total: Counter[str] = Counter()
    for vector in vectors:
        total.update(vector)
    norm = math.sqrt(sum(w * w for w in total.values()))
    return {t: w / norm for t, w in total.items()} if norm else {}


def word_count(text: str) -> int:
    """Words in a text, as a reader counts them."""
    return len(text.split())
