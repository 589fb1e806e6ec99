"""Tests for generator.tools.evaluate.summary on two tiny rows of our own."""

from __future__ import annotations

from generator.analysis.summarizers.briefing import Weights
from generator.analysis.summarizers.features import NAMES
from generator.tools.evaluate.summary import article_from_text, evaluate_summaries, format_summary_table
from generator.tools.evaluate.summary_cv import cross_validate, folds_of, learned_weights, prepare_case

ROWS = [
    {
        "text": "A storm closed the harbour on Friday. Ferries were cancelled.\n\n"
        "Forecasters expect calmer weather by Sunday. Fishermen stayed ashore.",
        "reference": "A storm closed the harbour. Calmer weather is expected by Sunday.",
    },
    {
        "title": "Library reopens",
        "text": "The town library reopened after repairs.\nIt now has a larger reading room.\n"
        "Opening hours are longer on weekdays.",
        "reference": "The library reopened with a larger reading room.",
        "reference_sentences": ["The library reopened with a larger reading room."],
    },
]


def test_evaluate_summaries_returns_documented_keys() -> None:
    result = evaluate_summaries(ROWS, sentences=2, algorithms=["briefing", "lead", "lexrank"])
    assert result["n"] == 2
    assert set(result["systems"]) == {"briefing", "lead", "lexrank"}
    for scores in result["systems"].values():
        assert set(scores) == {"rouge1", "rouge2", "rougeLsum", "dangling", "ms_per_article"}
        assert 0.0 <= scores["rouge1"] <= 100.0
        assert scores["ms_per_article"] >= 0.0
    table = format_summary_table(result)
    assert "briefing" in table and "lexrank" in table


def test_algorithm_fills_the_briefing_slot() -> None:
    as_lead = evaluate_summaries(ROWS, algorithms=["briefing", "lead"], algorithm="lead")
    systems = as_lead["systems"]
    assert systems["briefing"]["rouge1"] == systems["lead"]["rouge1"]


def test_default_scores_every_registered_system() -> None:
    from generator.analysis.summarize import ALGORITHMS

    result = evaluate_summaries(ROWS[:1], sentences=1)
    assert set(result["systems"]) == set(ALGORITHMS)


def testarticle_from_text_splits_on_blank_lines_else_lines() -> None:
    assert len(article_from_text("One. Two.\n\nThree.\nStill three.").paragraphs) == 2
    assert len(article_from_text("One.\nTwo.\nThree.").paragraphs) == 3
    assert article_from_text("\n\n").paragraphs == ()


EXTRACT_ROWS = [
    {
        "title": "Harbour closed",
        "text": "A storm closed the harbour on Friday.\n\nIt also cut power to the old town. "
        "Ferries were cancelled until Sunday.\n\nForecasters expect calmer weather by Sunday.",
        "reference_sentences": ["A storm shut the harbour.", "Calmer weather is due on Sunday."],
        "extract_sentences": ["A storm closed the harbour on Friday.", "Forecasters expect calmer weather by Sunday."],
    },
]


def test_rows_with_a_human_extract_are_scored_against_it_too() -> None:
    result = evaluate_summaries(EXTRACT_ROWS, sentences=2, algorithms=["lead", "lexrank"])
    lead = result["systems"]["lead"]
    assert {"extract_rouge1", "extract_rouge2", "extract_rougeLsum"} <= set(lead)
    assert lead["extract_rouge1"] < 100.0
    assert "X R-1" in format_summary_table(result)


def test_dangling_share_counts_openers_without_their_antecedent() -> None:
    row = {
        "text": "The mayor opened the bridge.\n\nThe crowd cheered.\n\nShe thanked the builders.",
        "reference": "The mayor opened the bridge.",
    }
    # Lead-2 leaves "She ..." out; an article that opens on "She" dangles whatever is chosen.
    assert evaluate_summaries([row], sentences=2, algorithms=["lead"])["systems"]["lead"]["dangling"] == 0.0
    one = dict(row, text="She thanked the builders.\n\nThe crowd cheered.")
    assert evaluate_summaries([one], sentences=2, algorithms=["lead"])["systems"]["lead"]["dangling"] == 100.0


def _cv_row(i: int) -> dict:
    """A small article of our own whose summary-worthy sentences are its first and last."""
    return {
        "title": f"Bridge {i} reopens",
        "text": f"Bridge {i} reopened on Monday after two years of repairs costing {i} million.\n\n"
        "Workers painted the railings. They also fixed the lamps.\n\n"
        "A cafe nearby sold more coffee than usual.\n\n"
        f"Traffic over bridge {i} is expected to return to normal within a week.",
        "reference_sentences": [
            f"Bridge {i} reopened on Monday after repairs costing {i} million.",
            "Traffic is to be normal in a week.",
        ],
        "extract_sentences": [
            f"Bridge {i} reopened on Monday after two years of repairs costing {i} million.",
            f"Traffic over bridge {i} is expected to return to normal within a week.",
        ],
    }


def test_cases_are_labelled_by_the_human_choice_and_the_highlights() -> None:
    case = prepare_case(_cv_row(1), stock=False)
    assert case is not None
    assert list(case.labels) == [1.0, 0.0, 0.0, 0.0, 1.0]
    assert case.oracle[0] == 1.0 and case.oracle.sum() <= 3
    assert set(case.baselines) == {"lead"}


def test_cross_validation_scores_held_out_articles_beside_lead() -> None:
    cases = [c for c in (prepare_case(_cv_row(i), stock=False) for i in range(6)) if c is not None]
    template = Weights(features=(0.0,) * len(NAMES), redundancy=0.5, dangling=1.0)
    scores = cross_validate(cases, template, k=3)
    assert set(scores) == {"briefing", "lead"}
    assert set(scores["briefing"]) == {
        "highlights_rouge1",
        "highlights_rouge2",
        "extract_rouge1",
        "extract_rouge2",
        "dangling",
    }
    weights = learned_weights(cases, template)
    assert len(weights.features) == len(weights.bins) == len(NAMES)
    assert folds_of(7, 3) == [[0, 3, 6], [1, 4], [2, 5]]
