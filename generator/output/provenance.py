"""Pure: where a sentence shown on the site was said, without republishing the article.

Where the original's address is known, a sentence leads to the original page at that
sentence through a URL text fragment (`#:~:text=start,end`, WICG Text Fragments, which
Chromium, Safari and Firefox follow); where it is not (pasted text), the page shows the
sentence itself with its paragraph number as a reader counts ("¶ 3"). Never reads files.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

from generator.models import Block
from generator.output.escape import Trusted

EDGE_WORDS = 4
"""Words of a long sentence's start and of its end that a fragment quotes (`text=start,end`)."""
WHOLE_WORDS = 10
"""A sentence of at most this many words is quoted whole (`text=sentence`)."""
_URL_SAFE = ":/?#@!$&'*+,;=%~-._"


def link_target(url: str | None) -> str | None:
    """An http(s) address made safe to print inside a Markdown link's parentheses, else None."""
    if not url or urlsplit(url).scheme not in ("http", "https"):
        return None
    return quote(url, safe=_URL_SAFE)


def fragment_term(text: str) -> str:
    """`text` percent-encoded as a text directive term: everything but letters, digits and
    `_.~` is encoded, `-`, `&` and `,` included, as the spec requires."""
    return quote(text, safe="_.~").replace("-", "%2D")


def text_directive(sentence: str) -> str:
    """`text=...` for `sentence`: whole when short, else its first and last few words as
    `start,end` (words matched as the page shows them: whitespace runs become one space)."""
    words = sentence.split()
    if len(words) <= WHOLE_WORDS:
        return "text=" + fragment_term(" ".join(words))
    start = " ".join(words[:EDGE_WORDS])
    return f"text={fragment_term(start)},{fragment_term(_end_term(words))}"


def _end_term(words: list[str]) -> str:
    """The last few words, more of them while a shorter end would match earlier in the
    sentence (a browser ends the match at the first `end` after `start`)."""
    text = " ".join(words).casefold()
    for count in range(EDGE_WORDS, len(words) - EDGE_WORDS + 1):
        end = " ".join(words[-count:])
        if text.find(end.casefold(), len(" ".join(words[:EDGE_WORDS]))) == len(text) - len(end):
            return end
    return " ".join(words[EDGE_WORDS:])


def original_at(url: str | None, sentence: str) -> str | None:
    """A link to the original page scrolled to `sentence`, or None when the address is unknown."""
    base = link_target(url)
    if base is None or not sentence.split():
        return base
    joiner = ":~:" if "#" in base else "#:~:"
    return f"{base}{joiner}{text_directive(sentence)}"


def paragraph_number(blocks: tuple[Block, ...], index: int) -> int | None:
    """Block `index` as a reader counts paragraphs (from 1, headings skipped), None when out of range or a heading."""
    if not 0 <= index < len(blocks) or blocks[index].kind == "heading":
        return None
    return sum(1 for block in blocks[: index + 1] if block.kind != "heading")


def paragraph_holding(sentence: str, blocks: tuple[Block, ...]) -> int | None:
    """The index of the first block (headings skipped) holding `sentence`, spacing aside; None when none does."""
    wanted = " ".join(sentence.split())
    for index, block in enumerate(blocks):
        if block.kind != "heading" and wanted and wanted in " ".join(block.text.split()):
            return index
    return None


def evidence(sentence: str, blocks: tuple[Block, ...], url: str | None, full_text: bool) -> tuple[Trusted | None, str]:
    """Where `sentence` was said, as (link, its text): with the full text on the page, its
    paragraph's `#p-N` anchor; else the original at that sentence (a text fragment) where the
    address is known; else no link and the paragraph as a reader counts it ("¶ 3")."""
    index = paragraph_holding(sentence, blocks)
    number = paragraph_number(blocks, index) if index is not None else None
    if full_text:
        return (Trusted(f"#p-{index}"), f"paragraph {number}") if index is not None else (None, "")
    if (link := original_at(url, sentence)) is not None:
        return Trusted(link), "in the original"
    return None, f"¶ {number}" if number else ""
