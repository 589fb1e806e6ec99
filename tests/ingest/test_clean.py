"""clean.py: title, metadata, headings, and furniture removed by cue, position and shape."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from builders import build_seed

from generator.errors import SeedError
from generator.ingest.clean import clean_article

CASES = sorted((Path(__file__).resolve().parents[1] / "cases" / "clean").glob("*.yaml"))


def _norm(text: str | None) -> str | None:
    """Compare tolerantly of typography: quotes, spacing, a leading "The"."""
    if text is None:
        return None
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"^the\s+", "", " ".join(text.split()).lower())


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_clean_case(case: Path) -> None:
    data = yaml.safe_load(case.read_text(encoding="utf-8"))
    article = clean_article(build_seed(data["text"]))
    expect = data["expect"]
    for key in ("title", "publisher", "author", "published"):
        if key in expect:
            assert _norm(getattr(article, key)) == _norm(expect[key]), key
    if "removed" in expect:
        assert list(article.removed) == expect["removed"]
    if "headings" in expect:
        assert [b.text for b in article.blocks if b.kind == "heading"] == expect["headings"]
    if "paragraphs" in expect:
        assert len(article.paragraphs) == expect["paragraphs"]
    if "kept_last" in expect:
        assert article.paragraphs[-1] == expect["kept_last"]


def test_nothing_left_is_an_error() -> None:
    with pytest.raises(SeedError, match="no article text"):
        clean_article(build_seed("Subscribe now\n\nCopyright © 2024 Example News.\n\nComments"))


def test_seed_metadata_matches_gold(gold: dict, seed_articles: dict) -> None:
    for name, expected in gold["articles"].items():
        article = seed_articles[name]
        assert _norm(article.title) == _norm(expected["title"])
        assert _norm(article.publisher) == _norm(expected["publisher"])
        assert article.author == expected["author"]
        assert article.published == expected["published"]


def test_seed_furniture_removed_and_headings_kept(gold: dict, seed_articles: dict) -> None:
    for name, expected in gold["articles"].items():
        article = seed_articles[name]
        body = {_norm(b.text) for b in article.blocks}
        for line in expected["boilerplate"]:
            assert _norm(line) not in body, line
            assert _norm(line) in {_norm(r) for r in article.removed}, line
        headings = [b.text for b in article.blocks if b.kind == "heading"]
        assert headings == expected.get("headings", [])


def test_much_removed_keeps_the_article_text_and_says_so() -> None:
    doubtful = (
        "The company said in a statement that all rights reserved under the old contract would pass to the "
        "new owners next year."
    )
    text = (
        "Factory sold to a rival\n\n"
        "The factory on the edge of town was sold on Friday to a rival maker of parts for trains.\n\n"
        f"{doubtful}\n\nShare this article\n"
    )
    article = clean_article(build_seed(text))
    assert doubtful in article.paragraphs
    assert article.removed == ("Share this article",)
    assert len(article.warnings) == 1 and "check them" in article.warnings[0]


def test_clean_text_is_not_reported() -> None:
    text = "Storm closes ports\n\nA storm closed every port along the northern coast on Monday, stranding ferries.\n"
    assert clean_article(build_seed(text)).warnings == ()
