"""Pure: which paragraphs of a pasted article are site furniture, and which are the article.

A line goes by its cue (`furniture.py`) or its shape (a byline, a date, a caption repeated
with its credit), and by position only when it does not read as prose. A cue inside a long
paragraph of prose removes at most the prompt at its edge, never the paragraph. When the
rules would still take more than `DOUBT_SHARE` of the words, the prose among what they took
is kept and the article says so. It must never drop a sentence for where it stands alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.ingest import furniture as rules
from generator.ingest import prose
from generator.text.dates import is_only_date

SHORT_FURNITURE_WORDS = 40
SUBSTANTIVE_WORDS = 12
DOUBT_SHARE = 0.2
"""Above this share of an article's words removed, prose among the removed lines is kept and reported."""
_SHOWN = 3


@dataclass(frozen=True)
class Sifted:
    """Paragraphs (long ones split from a prompt at their edge), which to keep and remove, and any doubt."""

    paragraphs: list[str]
    keep: list[int]
    removed: list[int]
    warning: str | None = None


def sift_pasted(paragraphs: list[str], title: str = "") -> Sifted:
    """Furniture of pasted text, by cue, shape and (for lines that are not prose) position; a line
    before the article that repeats the `title` is the page's own headline."""
    closing = _closing_byline(paragraphs)
    ending = paragraphs[closing:]
    pieces = [piece for p in paragraphs[:closing] for part in _split_residue(p) for piece in _split_prompts(part)]
    paragraphs, credited = [text for text, _ in pieces], [after for _, after in pieces]
    cued = [_cued(p) for p in paragraphs]
    headline = [prose.repeats_title(p, title) for p in paragraphs]
    substantive = [i for i, p in enumerate(paragraphs) if _article_like(p) and not (credited[i] or headline[i])]
    for fallback in (prose.reads_as_prose, _long_line):  # a short article; text pasted without final punctuation
        if not substantive:
            substantive = [i for i, p in enumerate(paragraphs) if not (cued[i] or headline[i]) and fallback(p)]
    if not substantive:
        return Sifted(paragraphs + ending, [], list(range(len(paragraphs) + len(ending))))
    first, last = substantive[0], substantive[-1]
    removed = {i for i in range(len(paragraphs)) if cued[i]}
    removed |= _head_furniture(paragraphs, first)
    removed |= {i for i in range(first) if headline[i]}
    removed |= {i for i in range(last + 1, len(paragraphs)) if credited[i] or _after_article(paragraphs[i])}
    removed |= _closing_run(paragraphs, last, cued)
    removed |= set(range(len(paragraphs), len(paragraphs) + len(ending)))
    return _with_doubt(paragraphs + ending, removed)


def _long_line(paragraph: str) -> bool:
    return not short(paragraph, SUBSTANTIVE_WORDS - 1)


def _closing_byline(paragraphs: list[str]) -> int:
    """Where a "Written by" or "About the author" line after the article's text (and in the second
    half of the words) starts the writer's box (name, bio, contact), or the paragraph count."""
    total = sum(len(p.split()) for p in paragraphs)
    before, article = 0, False
    for i, paragraph in enumerate(paragraphs):
        if rules.BYLINE_MARKER.match(paragraph) and article and before >= total / 2:
            return i
        before += len(paragraph.split())
        article = article or _article_like(paragraph)
    return len(paragraphs)


def sift_extracted(paragraphs: list[str]) -> Sifted:
    """An extractor's body: drop cued short lines, bylines before the text, and a closing run of promos."""
    cued = [_cued(p) for p in paragraphs]
    removed = {i for i in range(len(paragraphs)) if cued[i]}
    substantive = [i for i, p in enumerate(paragraphs) if _article_like(p)]
    if substantive:
        removed |= _head_furniture(paragraphs, substantive[0])
    removed |= _closing_run(paragraphs, len(paragraphs) - 1, cued)
    keep = [i for i in range(len(paragraphs)) if i not in removed]
    return Sifted(paragraphs, keep, sorted(removed))


def _after_article(paragraph: str) -> bool:
    # After the article's last paragraph, a cue or a line that is not prose is enough; position alone never is.
    return not prose.reads_as_prose(paragraph) or (short(paragraph) and _has_cue(paragraph))


def _with_doubt(paragraphs: list[str], removed: set[int]) -> Sifted:
    """Keep the prose among the removed lines when they are too large a share of the words."""
    total = sum(len(p.split()) for p in paragraphs)
    share = sum(len(paragraphs[i].split()) for i in removed) / max(1, total)
    warning = None
    if share > DOUBT_SHARE:
        doubtful = {i for i in removed if _doubtful(paragraphs[i])}
        removed -= doubtful
        shown = "; ".join(f"“{_opening(paragraphs[i])}”" for i in sorted(doubtful)[:_SHOWN])
        warning = f"cleaning would remove {share:.0%} of the words as site furniture; " + (
            f"kept {len(doubtful)} paragraph(s) of it that read as article text ({shown}): check them"
            if doubtful
            else "check that none of it is article text"
        )
    keep = [i for i in range(len(paragraphs)) if i not in removed]
    return Sifted(paragraphs, keep, sorted(removed), warning)


def _opening(paragraph: str, words: int = 8) -> str:
    found = paragraph.split()
    return " ".join(found[:words]) + ("…" if len(found) > words else "")


def _doubtful(paragraph: str) -> bool:
    return (
        not short(paragraph, SUBSTANTIVE_WORDS - 1)
        and prose.reads_as_prose(paragraph)
        and not prose.addresses_reader(paragraph)
    )


def _split_residue(paragraph: str) -> list[str]:
    """Share buttons glued to the start of a paragraph, apart from the paragraph's own words."""
    found = rules.SHARE_RESIDUE.match(paragraph)
    rest = paragraph[found.end() :].strip() if found else ""
    return [found.group().strip(), rest] if found and len(rest.split()) >= 3 else [paragraph]


def _split_prompts(paragraph: str) -> list[tuple[str, bool]]:
    """A long paragraph of prose with a prompt ("Follow us…") as its first or last sentences, in
    pieces; each with whether it follows a credit (a writer's bio goes on after its first sentence)."""
    if short(paragraph) or not _has_cue(paragraph) or not prose.reads_as_prose(paragraph):
        return [(paragraph, False)]
    lead, body, tail = _edges(paragraph)
    if not body or not (lead or tail):
        return [(paragraph, False)]
    pieces = [(lead, False)] if lead else []
    return pieces + [(body, bool(lead) and _strong(lead))] + ([(tail, False)] if tail else [])


def _edges(paragraph: str) -> tuple[str, str, str]:
    """The paragraph as (prompts before, the rest, prompts after), split between sentences."""
    found = prose.sentences(paragraph)
    start, end = 0, len(found)
    while start < end and _prompt(found[start]):
        start += 1
    while end > start and _prompt(found[end - 1]):
        end -= 1
    return " ".join(found[:start]), " ".join(found[start:end]), " ".join(found[end:])


def _prompt(sentence: str) -> bool:
    """A credit or notice, or a topical cue in a line that speaks to the reader or is not prose."""
    if _strong(sentence):
        return True
    topical = any(rule.search(prose.unquoted(sentence)) for rule in rules.TOPICAL)
    return topical and (prose.addresses_reader(sentence) or not prose.reads_as_prose(sentence))


def _strong(text: str) -> bool:
    outside = prose.unquoted(text)
    return any(rule.search(outside) for rule in rules.ANYWHERE) or bool(rules.DATELINE.match(text) and short(text, 15))


def _has_cue(paragraph: str) -> bool:
    return _strong(paragraph) or any(rule.search(prose.unquoted(paragraph)) for rule in rules.TOPICAL)


def _cued(paragraph: str) -> bool:
    """Furniture wherever it stands: a short prompt, or a long paragraph of prose made of prompts alone."""
    if short(paragraph):
        return _prompt(paragraph)
    return _has_cue(paragraph) and prose.reads_as_prose(paragraph) and not _edges(paragraph)[1]


def _article_like(paragraph: str) -> bool:
    """Long enough, with final punctuation, and no cue (a long paragraph of prose may carry one)."""
    if len(paragraph.split()) < SUBSTANTIVE_WORDS or paragraph[-1] not in rules.TERMINAL:
        return False
    if not _has_cue(paragraph):
        return True
    return not short(paragraph) and prose.reads_as_prose(paragraph) and bool(_edges(paragraph)[1])


def short(paragraph: str, words: int = SHORT_FURNITURE_WORDS) -> bool:
    """At most `words` words."""
    return len(paragraph.split()) <= words


def _head_furniture(paragraphs: list[str], first: int) -> set[int]:
    """Before the first real paragraph: captions repeated with their credit, and bylines."""
    removed = set()
    for i in range(first):
        text = paragraphs[i]
        repeated = any(
            j != i and paragraphs[j].startswith(text) and len(paragraphs[j]) > len(text) for j in range(first)
        )
        byline = rules.BYLINE.match(text) or (i > 0 and is_name(text) and rules.BYLINE_MARKER.match(paragraphs[i - 1]))
        if repeated or byline or is_only_date(text):
            removed.add(i)
    return removed


def _closing_run(paragraphs: list[str], end: int, cued: list[bool]) -> set[int]:
    """The run of cued or self-promotional lines that ends at `end`."""
    removed = set()
    while end > 0 and (cued[end] or _promo(paragraphs[end])):
        removed.add(end)
        end -= 1
    return removed


def _promo(paragraph: str) -> bool:
    # The outlet speaking of itself in a short line; a quotation's "we" is a speaker's, not the outlet's.
    return bool(rules.PROMO.search(paragraph)) and short(paragraph) and prose.addresses_reader(paragraph)


def is_name(text: str) -> bool:
    """A person's name, not a desk or an agency."""
    return bool(rules.PERSON_NAME.match(text)) and not rules.NOT_A_PERSON.search(text)
