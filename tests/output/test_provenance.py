"""Provenance without republishing: text fragments to the original, paragraph numbers for pasted text."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

from builders import ROOT, build_article
from lxml import html as lxml_html

from generator.models import Block
from generator.output.escape import Trusted
from generator.output.provenance import (
    evidence,
    fragment_term,
    original_at,
    paragraph_holding,
    paragraph_number,
    text_directive,
)

SAVED = ROOT / "tests" / "fixtures" / "formats" / "004_saved.html"
URL = "https://news.example/a/"


def _terms(link: str) -> list[str]:
    directive = link.split(":~:text=", 1)[1]
    return [unquote(term) for term in directive.split(",")]


def test_terms_encode_the_characters_the_spec_reserves() -> None:
    assert fragment_term("A-B & C, D") == "A%2DB%20%26%20C%2C%20D"
    assert fragment_term("l’été (90%)") == "l%E2%80%99%C3%A9t%C3%A9%20%2890%25%29"


def test_a_short_sentence_is_quoted_whole_and_a_long_one_by_its_ends() -> None:
    assert text_directive("Prices rose  by 3%.") == "text=Prices%20rose%20by%203%25."
    long = "The council said on Monday that the new bridge, long delayed, would open to traffic in early May."
    assert text_directive(long) == "text=The%20council%20said%20on,traffic%20in%20early%20May."
    repeated = "Officials said on Monday the storm had passed and on Tuesday the storm had passed"
    assert text_directive(repeated).endswith(",Tuesday%20the%20storm%20had%20passed")


def test_original_at_keeps_an_existing_fragment_and_needs_an_http_address() -> None:
    assert original_at(URL, "It rained.") == URL + "#:~:text=It%20rained."
    assert original_at(URL + "#top", "It rained.") == URL + "#top:~:text=It%20rained."
    assert original_at("ftp://news.example/a", "It rained.") is None
    assert original_at(None, "It rained.") is None


def test_paragraph_numbers_count_as_a_reader_does() -> None:
    kinds = ("heading", "paragraph", "heading", "paragraph")
    blocks = tuple(Block(kind, text) for kind, text in zip(kinds, ("Intro", "One.", "More", "Two."), strict=True))
    assert [paragraph_number(blocks, i) for i in range(5)] == [None, 1, None, 2, None]
    assert paragraph_holding("Two.", blocks) == 3
    assert paragraph_holding("Intro", blocks) is None


def test_evidence_by_what_is_known() -> None:
    article = build_article("Intro", "It rained all day.  Roads flooded.", headings=("Intro",))
    blocks = article.blocks
    assert evidence("Roads flooded.", blocks, None, False) == (None, "¶ 1")
    link, label = evidence("Roads flooded.", blocks, URL, False)
    assert isinstance(link, Trusted) and link.endswith("#:~:text=Roads%20flooded.") and label == "in the original"
    assert evidence("Roads flooded.", blocks, URL, True) == ("#p-1", "paragraph 1")
    assert evidence("Not in the text.", blocks, None, False) == (None, "")


def _visible_text(page: Path) -> str:
    tree = lxml_html.fromstring(page.read_bytes())
    for hidden in tree.xpath("//script | //style | //head"):
        hidden.drop_tree()
    return " ".join(tree.text_content().split())


def test_the_fragment_of_a_long_sentence_matches_that_sentence_on_the_saved_page() -> None:
    """Text fragments match case-insensitively on the page's text: start, then the nearest end."""
    text = _visible_text(SAVED)
    sentence = next(s for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) > 20)
    start, end = _terms(str(original_at(URL, sentence)))
    found = re.search(re.escape(start) + ".*?" + re.escape(end), text, re.IGNORECASE)
    assert found is not None and found.group(0) == sentence
