"""Tests for generator.tools.evaluate.summary on two tiny rows of our own."""

from __future__ import annotations

from generator.tools.evaluate.summary import _article_from_text, evaluate_summaries, format_summary_table

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
        assert set(scores) == {"rouge1", "rouge2", "rougeLsum", "ms_per_article"}
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


def test_article_from_text_splits_on_blank_lines_else_lines() -> None:
    assert len(_article_from_text("One. Two.\n\nThree.\nStill three.").paragraphs) == 2
    assert len(_article_from_text("One.\nTwo.\nThree.").paragraphs) == 3
    assert _article_from_text("\n\n").paragraphs == ()
