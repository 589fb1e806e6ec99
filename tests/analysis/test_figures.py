"""Tests for figures: one case file per scenario in cases/figures/, plus the two seeds."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from builders import build_article

from generator.analysis.figures import extract_figures, load_rules
from generator.models import Article

CASES = sorted((Path(__file__).resolve().parents[1] / "cases" / "figures").glob("*.yaml"))


@pytest.mark.parametrize("case_path", CASES, ids=[c.stem for c in CASES])
def test_case(case_path: Path) -> None:
    case = yaml.safe_load(case_path.read_text(encoding="utf-8"))
    headings = tuple(case.get("headings", []))
    article = build_article(*headings, *case["paragraphs"], headings=headings)

    figures = extract_figures(article)

    found = {f.value: f for f in figures}
    for expected in case["expect"]:
        assert expected["value"] in found, f"{expected['value']} not in {list(found)}"
        assert expected["what_contains"] in found[expected["value"]].what
    for value in case.get("absent", []):
        assert value not in found
    if case.get("exact") or not case["expect"]:
        assert [f.value for f in figures] == [e["value"] for e in case["expect"]]


def test_figures_carry_their_sentence_and_a_short_what() -> None:
    sentence = "North Korea has conducted six nuclear tests since 2006 and more."
    article = build_article(f"It began. {sentence}")

    figures = extract_figures(article)

    assert all(f.sentence == sentence for f in figures)
    assert all(0 < len(f.what) < len(f.sentence) for f in figures)


def test_output_is_deterministic() -> None:
    article = build_article("About 5 people came on May 1. Then 7 more left.")

    assert extract_figures(article) == extract_figures(article)


def test_unquoted_yaml_boolean_in_rules_is_rejected(tmp_path: Path) -> None:
    rules = tmp_path / "figures.yaml"
    rules.write_text("edge_words: [a, on]\n", encoding="utf-8")

    with pytest.raises(ValueError, match="quote them"):
        load_rules(rules)


def test_rules_file_loads() -> None:
    assert "September" in load_rules().words["months"]


def test_seeds_yield_every_gold_figure_and_no_furniture(gold: dict, seed_articles: dict[str, Article]) -> None:
    for name, expected in gold["articles"].items():
        if name not in seed_articles:
            continue
        figures = extract_figures(seed_articles[name])
        values = [f.value for f in figures]
        for figure in expected["figures"]:
            assert figure["value"] in values, f"{name}: {figure['value']} not in {values}"
        assert all(f.what and f.what != f.sentence for f in figures)
        assert "2024" not in values
