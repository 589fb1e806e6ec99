"""Property: cleaning keeps every sentence of an article, in any shape it is pasted, with or without
furniture around it. Articles are built from the sentences of the project's own seeds (their
article lines, as the editor's gold data marks them) and furniture from the gold's furniture lines."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from builders import GOLD, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.ingest.clean import clean_article
from generator.ingest.read import decode
from generator.models import Seed
from generator.text.tokenizer import SentenceTokenizer
from generator.tools.evaluate.cleaning import SHAPES


def _seed_parts() -> tuple[list[str], list[str], list[str]]:
    """Sentences of the seeds' article lines, their furniture lines, and their titles."""
    if not GOLD.is_file():
        return [], [], []
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))["articles"]
    split = SentenceTokenizer().to_sentences
    sentences: list[str] = []
    furniture: list[str] = []
    for name, expected in sorted(gold.items()):
        lines = [line.strip() for line in (ROOT / "seeds" / name).read_text(encoding="utf-8").splitlines()]
        skip = {expected["title"], *expected["boilerplate"], *expected.get("headings", [])}
        sentences += [s for line in lines[1:] if line and line not in skip for s in split(line)]
        furniture += [line for line in expected["boilerplate"] if line not in furniture]
    return sentences, furniture, [gold[name]["title"] for name in sorted(gold)]


SENTENCES, FURNITURE, TITLES = _seed_parts()
pytestmark = pytest.mark.skipif(not SENTENCES, reason="../shared/gold/seeds.yaml is not beside the project")


@st.composite
def pasted_articles(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A pasted text and the article sentences it holds."""
    sentences = draw(st.lists(st.sampled_from(SENTENCES or ["."]), min_size=1, max_size=12, unique=True))
    cuts = (
        sorted(draw(st.sets(st.integers(1, len(sentences) - 1), max_size=len(sentences) - 1)))
        if len(sentences) > 1
        else []
    )
    bounds = [0, *cuts, len(sentences)]
    paragraphs = tuple(" ".join(sentences[a:b]) for a, b in zip(bounds, bounds[1:], strict=False))
    shape = draw(st.sampled_from(sorted(SHAPES)))
    head = draw(st.lists(st.sampled_from(FURNITURE or ["."]), max_size=3)) if draw(st.booleans()) else []
    tail = draw(st.lists(st.sampled_from(FURNITURE or ["."]), max_size=4)) if draw(st.booleans()) else []
    title = draw(st.sampled_from(TITLES or ["A title"]))
    end = "\r\n" if shape.endswith("crlf") else "\n"
    parts = [title, *head, SHAPES[shape](paragraphs), *tail]
    return end.join(part + end for part in parts), sentences


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pasted=pasted_articles())
def test_every_article_sentence_survives_cleaning(pasted: tuple[str, list[str]]) -> None:
    text, sentences = pasted
    decoded, _ = decode(text.encode("utf-8"))
    article = clean_article(Seed(path="seeds/pasted.txt", text=decoded or "", format="txt"))
    body = " ".join(" ".join(block.text.split()) for block in article.blocks)
    for sentence in sentences:
        assert " ".join(sentence.split()) in body, sentence


def test_the_fixtures_give_sentences_and_furniture() -> None:
    assert len(SENTENCES) > 40 and len(FURNITURE) > 5
    assert not any(Path(line).suffix == ".txt" for line in FURNITURE)
