"""Tests for entities: one case file per scenario in cases/entities/, plus the two seeds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.entities import extract_entities
from generator.models import Article, Block

CASES = sorted((Path(__file__).parent / "cases" / "entities").glob("*.yaml"))
ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "gold" / "seeds.yaml"
KINDS = ("people", "places", "organisations")
RECALL_FLOOR = 0.8


def build_article(paragraphs: list[str], title: str = "Briefing test") -> Article:
    """An article made of the given paragraphs."""
    blocks = tuple(Block("paragraph", p) for p in paragraphs)
    return Article("seeds/case.txt", title, None, None, None, blocks)


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
    article = build_article(case["paragraphs"], case.get("title", "Briefing test"))

    entities = extract_entities(article)

    for kind in KINDS:
        if kind in case:
            assert list(getattr(entities, kind)) == case[kind], kind
    for name in case.get("absent", []):
        assert name not in entities.all()


def test_first_mention_order_and_no_duplicates() -> None:
    article = build_article(["Oslo hosted Lena Berg. Later Berg went to Rome, then Oslo."])

    entities = extract_entities(article)

    assert entities.places == ("Oslo", "Rome")
    assert entities.people == ("Lena Berg",)


@pytest.mark.skipif(not GOLD.exists(), reason="shared gold data not present")
def test_seed_recall_floor() -> None:
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))["articles"]
    for name, expected in gold.items():
        path = ROOT / "seeds" / name
        if not path.exists():
            continue
        entities = extract_entities(seed_article(path, expected))
        for kind in KINDS:
            want = set(expected[kind])
            found = want & set(getattr(entities, kind))
            assert len(found) >= RECALL_FLOOR * len(want), f"{name} {kind}: {want - found}"
