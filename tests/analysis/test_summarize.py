"""Tests for generator.analysis.summarize: count, order, headings, registry, cues, determinism, cost."""

from __future__ import annotations

import time

import numpy
import pytest

from generator.analysis.summarize import ALGORITHMS, SUMMARIZERS, summarize
from generator.analysis.summarizers.briefing import Bins, Weights, select, weights_from_json
from generator.analysis.summarizers.features import NAMES, SentenceFeatures
from generator.analysis.summarizers.signals import furniture, is_credit, is_dangling
from generator.models import Article, Block

PARAGRAPHS = (
    "The city council approved a new budget for public transport on Monday evening.",
    "The plan adds twelve bus routes and extends tram service to the northern districts. "
    "Council members said the routes would open in stages over the next two years.",
    "They argued that commuters had waited long enough for better service. "
    "The budget also funds repairs to three bridges that engineers flagged last winter.",
    "Opposition members criticised the cost of the plan. "
    "But the mayor said the investment would pay for itself within a decade.",
    "Public hearings on the individual routes will begin in the spring.",
)


def build_article(paragraphs: tuple[str, ...] = PARAGRAPHS, heading: str | None = "Budget vote") -> Article:
    """An article with one heading after the first paragraph."""
    blocks = [Block("paragraph", paragraphs[0])]
    if heading:
        blocks.append(Block("heading", heading))
    blocks.extend(Block("paragraph", p) for p in paragraphs[1:])
    return Article(
        source="seeds/t.txt",
        title="Council backs transport budget",
        publisher=None,
        author=None,
        published=None,
        blocks=tuple(blocks),
    )


def all_sentences(article: Article) -> list[str]:
    """Every body sentence, in order, split the way the summariser splits."""
    return list(summarize(article, 1000, algorithm="lead"))


def test_algorithms_lists_the_registry() -> None:
    assert ALGORITHMS == tuple(SUMMARIZERS)
    assert ALGORITHMS[0] == "briefing"
    for name in ("lead", "lexrank", "textrank", "lsa", "luhn", "edmundson", "sumbasic", "kl", "reduction", "random"):
        assert name in ALGORITHMS


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_every_algorithm_returns_exact_count_in_article_order(algorithm: str) -> None:
    article = build_article()
    order = all_sentences(article)
    for count in (1, 3, 5):
        summary = summarize(article, count, algorithm=algorithm)
        assert len(summary) == count
        positions = [order.index(s) for s in summary]
        assert positions == sorted(positions)
        assert len(set(positions)) == count


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_never_returns_a_heading(algorithm: str) -> None:
    summary = summarize(build_article(), 8, algorithm=algorithm)
    assert "Budget vote" not in summary
    assert "Council backs transport budget" not in summary


def test_count_is_capped_by_available_sentences() -> None:
    article = build_article()
    assert len(summarize(article, 100)) == len(all_sentences(article)) == 8
    assert summarize(article, 0) == ()
    empty = Article(source="e", title="", publisher=None, author=None, published=None, blocks=())
    assert summarize(empty, 3) == ()


def test_unknown_algorithm_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown summary algorithm"):
        summarize(build_article(), 3, algorithm="nope")


@pytest.mark.parametrize("algorithm", ["briefing", "random", "lsa", "textrank"])
def test_same_input_gives_same_output(algorithm: str) -> None:
    first = summarize(build_article(), 3, algorithm=algorithm)
    assert all(summarize(build_article(), 3, algorithm=algorithm) == first for _ in range(3))


def test_dangling_openers_are_recognised() -> None:
    for text in (
        "He said the plan was late.",
        "But the mayor disagreed.",
        "That's why it failed.",
        "This changed everything.",
        "They left early.",
        "and then it rained.",
    ):
        assert is_dangling(text), text
    for text in ("The mayor said the plan was late.", "Hector Smith won.", "Thereafter none."):
        assert not is_dangling(text), text


def test_selection_skips_a_dangling_sentence_whose_antecedent_is_not_chosen() -> None:
    # Sentence 2 scores best, but leans on sentence 1, which scores worst.
    matrix = numpy.zeros((4, len(NAMES)))
    matrix[:, NAMES.index("reduction_rank")] = [0.8, 0.1, 1.0, 0.7]
    stems = tuple(frozenset({f"w{i}"}) for i in range(4))
    features = SentenceFeatures(matrix=matrix, stems=stems, dangling=(False, False, True, False))
    weights = Weights(
        features=tuple(1.0 if n == "reduction_rank" else 0.0 for n in NAMES), redundancy=0.0, dangling=0.5
    )
    assert select(features, weights, 2) == (0, 3)
    assert select(features, Weights(weights.features, 0.0, 0.0), 2) == (0, 2)


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_a_sentence_the_article_repeats_is_summarised_once(algorithm: str) -> None:
    repeated = "The mayor said the investment would pay for itself within a decade."
    paragraphs = (PARAGRAPHS[0], repeated, *PARAGRAPHS[1:], f"  {repeated.upper()} ", repeated)
    article = build_article(paragraphs)
    summary = summarize(article, 4, algorithm=algorithm)
    said = [" ".join(s.split()).casefold() for s in summary]
    assert len(summary) == 4
    assert len(set(said)) == len(said), summary


def test_count_is_capped_by_distinct_sentences() -> None:
    line = "Public hearings on the individual routes will begin in the spring."
    article = build_article((line, line, "  " + line), heading=None)
    assert summarize(article, 3) == (line,)


def test_selection_never_picks_a_sentence_with_the_stems_of_a_chosen_one() -> None:
    matrix = numpy.zeros((3, len(NAMES)))
    matrix[:, NAMES.index("reduction_rank")] = [1.0, 0.9, 0.1]
    stems = (frozenset({"mayor", "say"}), frozenset({"say", "mayor"}), frozenset({"bridg"}))
    features = SentenceFeatures(matrix=matrix, stems=stems, dangling=(False, False, False))
    weights = Weights(tuple(1.0 if n == "reduction_rank" else 0.0 for n in NAMES), redundancy=0.0, dangling=0.0)
    assert select(features, weights, 2) == (0, 2)
    assert select(features, weights, 3) == (0, 2)


def test_default_summary_keeps_antecedents_of_dangling_sentences() -> None:
    article = build_article()
    order = all_sentences(article)
    summary = summarize(article, 3)
    for sentence in summary:
        if is_dangling(sentence):
            assert order[order.index(sentence) - 1] in summary


def test_default_avoids_page_furniture() -> None:
    noisy = (
        PARAGRAPHS[0],
        "Click here to subscribe to our newsletter for more stories like this one.",
        *PARAGRAPHS[1:],
    )
    summary = summarize(build_article(noisy, heading=None), 3)
    assert not any("subscribe" in s for s in summary)
    assert furniture("Follow us on www.example.com for updates", 7) > 0.5


def test_long_article_is_summarised_quickly() -> None:
    sentence = (
        "Officials in district {i} reported that the {w} project had reached stage {j} "
        "after months of planning and public consultation."
    )
    words = ("bridge", "school", "water", "railway", "housing", "energy", "park")
    paragraphs = tuple(
        " ".join(sentence.format(i=i, j=j, w=words[(i + j) % len(words)]) for j in range(6)) for i in range(180)
    )
    article = build_article(paragraphs, heading=None)
    assert sum(len(p.split()) for p in paragraphs) > 20_000
    start = time.perf_counter()
    summary = summarize(article, 3)
    assert time.perf_counter() - start < 2.0
    assert len(summary) == 3


def test_one_huge_paragraph_is_bounded_too() -> None:
    text = " ".join(f"Sentence number {i} tells of a small event in the town today." for i in range(2500))
    article = build_article((text,), heading=None)
    start = time.perf_counter()
    assert len(summarize(article, 3)) == 3
    assert time.perf_counter() - start < 2.0


def test_bylines_credits_and_headline_fragments_are_recognised() -> None:
    for text in (
        "By Jane Smith, CNN",
        "By . Staff Reporter .",
        "Photo: Jane Smith/Reuters",
        "(AP Photo/Jo Bloggs)",
        "Storm hits the coast",
    ):
        assert is_credit(text, len(text.split())), text
    for text in (
        "By the 1970s, rail travel was in deep decline.",
        "By May, prices had fallen by half.",
        "The storm hit.",
    ):
        assert not is_credit(text, len(text.split())), text


def test_default_never_picks_a_byline_or_credit() -> None:
    noisy = (
        "By Jane Smith, Transport Correspondent",
        *PARAGRAPHS[:2],
        "Photo: Jo Bloggs/City Council",
        *PARAGRAPHS[2:],
    )
    summary = summarize(build_article(noisy, heading=None), 4)
    assert not any(s.startswith(("By Jane", "Photo:")) for s in summary), summary


def test_bins_bend_a_weight_by_value_range() -> None:
    bins = Bins(edges=(0.2, 0.5), weights=(1.0, -1.0))
    assert list(bins.add(numpy.array([0.1, 0.2, 0.4, 0.5, 0.9]))) == [0.0, 1.0, 1.0, -1.0, -1.0]
    assert list(Bins().add(numpy.array([0.3]))) == [0.0]


def test_weights_read_bins_by_feature_name() -> None:
    weights = weights_from_json({"features": {"lead": 2.0}, "bins": {"length": {"edges": [0.5], "weights": [0.3]}}})
    assert weights.features[NAMES.index("lead")] == 2.0
    assert weights.bins[NAMES.index("length")] == Bins((0.5,), (0.3,))
    assert weights.bins[NAMES.index("lead")] == Bins()
