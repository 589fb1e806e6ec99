"""Tests for figures: one case file per scenario in cases/figures/, plus the two seeds."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.figures import RULES_PATH, _word_lists, extract_figures, load_rules
from generator.models import Article, Block

CASES = sorted((Path(__file__).parent / "cases" / "figures").glob("*.yaml"))
ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "gold" / "seeds.yaml"


def build_article(paragraphs: Sequence[str], headings: Sequence[str] = (), title: str = "T") -> Article:
    """An article with the given headings first, then paragraphs."""
    blocks = [Block("heading", h) for h in headings] + [Block("paragraph", p) for p in paragraphs]
    return Article("seeds/case.txt", title, None, None, None, tuple(blocks))


def seed_article(path: Path, gold: dict[str, Any]) -> Article:
    """A seed split on blank lines, title first, the gold furniture lines dropped."""
    furniture = set(gold.get("boilerplate", []))
    chunks = [c for c in path.read_text(encoding="utf-8").split("\n\n") if c.strip()]
    blocks = []
    for chunk in chunks[1:]:
        text = " ".join(line.strip() for line in chunk.splitlines() if line.strip() and line.strip() not in furniture)
        if text:
            heading = text in gold.get("headings", [])
            blocks.append(Block("heading", text) if heading else Block("paragraph", text))
    return Article(str(path), chunks[0].strip(), None, None, None, tuple(blocks))


@pytest.mark.parametrize("case_path", CASES, ids=[c.stem for c in CASES])
def test_case(case_path: Path) -> None:
    case = yaml.safe_load(case_path.read_text(encoding="utf-8"))
    article = build_article(case["paragraphs"], case.get("headings", []))

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
    article = build_article([f"It began. {sentence}"])

    figures = extract_figures(article)

    assert all(f.sentence == sentence for f in figures)
    assert all(0 < len(f.what) < len(f.sentence) for f in figures)


def test_output_is_deterministic() -> None:
    article = build_article(["About 5 people came on May 1. Then 7 more left."])

    assert extract_figures(article) == extract_figures(article)


def test_unquoted_yaml_boolean_in_rules_is_rejected() -> None:
    with pytest.raises(ValueError, match="quote them"):
        _word_lists({"edge_words": ["a", True]}, RULES_PATH)


def test_rules_file_loads() -> None:
    assert "September" in load_rules().words["months"]


@pytest.mark.skipif(not GOLD.exists(), reason="shared gold data not present")
def test_seeds_yield_every_gold_figure_and_no_furniture() -> None:
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))["articles"]
    for name, expected in gold.items():
        path = ROOT / "seeds" / name
        if not path.exists():
            continue
        figures = extract_figures(seed_article(path, expected))
        values = [f.value for f in figures]
        for figure in expected["figures"]:
            assert figure["value"] in values, f"{name}: {figure['value']} not in {values}"
        assert all(f.what and f.what != f.sentence for f in figures)
        assert "2024" not in values
