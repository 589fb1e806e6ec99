"""Tests for quote extraction: one invented case file per scenario, plus the two seeds' gold."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.analysis.quotes.extract import extract_quotes, find_quotes
from generator.models import Article, Block, Quote

ROOT = Path(__file__).resolve().parents[2]
CASES = sorted((Path(__file__).resolve().parents[1] / "cases" / "quotes").glob("*.yaml"))
GOLD = ROOT.parent / "shared" / "gold" / "seeds.yaml"


def _norm(text: str) -> str:
    """Quote text with typography evened out: straight marks, no edge punctuation."""
    table = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
    return " ".join(text.translate(table).split()).strip(" ,.\"'")


def _row(quote: Quote) -> dict[str, Any]:
    return {"text": _norm(quote.text), "speaker": quote.speaker, "via": quote.via, "kind": quote.kind}


def seed_article(path: Path) -> Article:
    """An Article from a seed: blank-line paragraphs, first line as the title."""
    title, _, body = path.read_text(encoding="utf-8").partition("\n")
    paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()]
    return Article(
        source=str(path),
        title=title,
        publisher=None,
        author=None,
        published=None,
        blocks=tuple(Block("paragraph", p) for p in paragraphs),
    )


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_case(case: Path) -> None:
    data = yaml.safe_load(case.read_text(encoding="utf-8"))
    found = [_row(q) for q in find_quotes(data["text"])]
    expected = [dict(q, text=_norm(q["text"])) for q in data["quotes"]]
    assert found == expected


def test_offsets_point_at_the_quoted_text() -> None:
    text = "“Roads are closed,” police chief Ada Moss said."
    (quote,) = find_quotes(text)
    assert text[quote.start : quote.end] == quote.text
    assert text[quote.speaker_start : quote.speaker_end] == "Ada Moss"


def test_headings_are_never_quoted() -> None:
    article = Article(
        "x.txt",
        "T",
        None,
        None,
        None,
        (
            Block("heading", "Minister says ‘no deal’"),
            Block("paragraph", "“No deal,” said Minister Ola Dahl."),
            Block("paragraph", "“No deal,” said Minister Ola Dahl."),
        ),
    )
    assert [(q.text, q.speaker) for q in extract_quotes(article)] == [("No deal,", "Ola Dahl")]


@pytest.mark.skipif(not GOLD.exists(), reason="shared gold not present")
def test_seed_gold_quotes() -> None:
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))["articles"]
    for name, expected in gold.items():
        found = [_row(q) for q in extract_quotes(seed_article(ROOT / "seeds" / name))]
        for quote in expected.get("quotes", []):
            want = {
                "text": _norm(quote["text"]),
                "speaker": quote.get("speaker"),
                "via": quote.get("via"),
                "kind": quote["kind"],
            }
            assert want in found, f"{name}: {want} not in {found}"
