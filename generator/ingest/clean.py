"""Pure: a `Seed` becomes an `Article` (title, publisher, author, date, body blocks).

Publisher furniture is recognised by cue, position and line shape (`furniture.py`),
removed from the body and kept in `Article.removed` for inspection. Metadata is taken
only where the text states it: never guessed, never from a copyright year.
"""

from __future__ import annotations

import re

from generator.errors import SeedError
from generator.ingest import furniture as rules
from generator.ingest.formats import parse_seed
from generator.models import Article, Block, BlockKind, Seed
from generator.text.dates import is_only_date, parse_date

_SHORT_FURNITURE_WORDS = 40
_SUBSTANTIVE_WORDS = 12
_MAX_TITLE_CHARS = 250
_LONG_TITLE_WORDS = 12


def clean_article(seed: Seed) -> Article:
    """Clean one seed; raises `SeedError` when no article text is left."""
    draft = parse_seed(seed)
    lines = [_squash(x) for x in draft.lines]
    title = draft.title or ""
    if not title:
        title, lines = _take_title(lines)
    paragraphs = _paragraphs(lines)
    keep, removed = (_split_extracted if draft.extracted else _split_furniture)(paragraphs)
    if not title or not keep:
        raise SeedError(seed.path, "no article text left after removing titles and site furniture")
    blocks = _blocks(paragraphs, keep)
    return Article(
        source=seed.path,
        title=title,
        publisher=draft.publisher or _publisher(paragraphs, removed),
        author=draft.author or _author(paragraphs, removed),
        published=draft.published or _published(paragraphs, removed),
        blocks=blocks,
        removed=tuple(paragraphs[i] for i in removed),
        format=seed.format,
        url=draft.url,
        lang=draft.lang,
        warnings=draft.warnings,
    )


def _take_title(lines: list[str]) -> tuple[str, list[str]]:
    """The first line is the title unless it is too long to be one; then it stays text."""
    first = next((i for i, line in enumerate(lines) if line), None)
    if first is None:
        return "", []
    line = lines[first]
    if len(line) <= _MAX_TITLE_CHARS:
        return line, lines[first + 1 :]
    words = line.split()
    return " ".join(words[:_LONG_TITLE_WORDS]) + "…", lines[first:]


def _squash(line: str) -> str:
    return " ".join(line.replace("\u00a0", " ").split())


def _paragraphs(lines: list[str]) -> list[str]:
    """Lines to paragraphs: blank lines separate; hard-wrapped lines are joined."""
    paragraphs: list[str] = []
    joinable = False
    for line in lines:
        if not line:
            joinable = False
            continue
        if joinable and _continues(paragraphs[-1], line):
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
        joinable = True
    return paragraphs


def _continues(previous: str, line: str) -> bool:
    # A hard-wrapped paragraph: the previous line is long and stops mid-sentence.
    return len(previous) >= 50 and previous[-1] not in ".!?:”\"’'" and (line[0].islower() or previous[-1] in ",;-")


def _split_furniture(paragraphs: list[str]) -> tuple[list[int], list[int]]:
    """Indexes of paragraphs to keep and to remove as furniture."""
    cued = [_cued(p) for p in paragraphs]
    substantive = [i for i, p in enumerate(paragraphs) if _substantive(p) and not cued[i]]
    if not substantive:  # text pasted without final punctuation: long lines are the article
        substantive = [i for i, p in enumerate(paragraphs) if not cued[i] and not _short(p, _SUBSTANTIVE_WORDS - 1)]
    if not substantive:
        return [], list(range(len(paragraphs)))
    first, last = substantive[0], substantive[-1]
    removed = set(i for i in range(len(paragraphs)) if cued[i] and _short(paragraphs[i]))
    removed |= _head_furniture(paragraphs, first)
    removed |= _tail_furniture(paragraphs, last, cued)
    keep = [i for i in range(len(paragraphs)) if i not in removed]
    return keep, sorted(removed)


def _split_extracted(paragraphs: list[str]) -> tuple[list[int], list[int]]:
    """An extractor's body: drop cued short lines, bylines before the text, and a closing run of promos."""
    cued = [_cued(p) for p in paragraphs]
    removed = set(i for i in range(len(paragraphs)) if cued[i] and _short(paragraphs[i]))
    substantive = [i for i, p in enumerate(paragraphs) if _substantive(p) and not cued[i]]
    if substantive:
        removed |= _head_furniture(paragraphs, substantive[0])
    removed |= _closing_run(paragraphs, len(paragraphs) - 1, cued)
    keep = [i for i in range(len(paragraphs)) if i not in removed]
    return keep, sorted(removed)


def _cued(paragraph: str) -> bool:
    return any(rule.search(paragraph) for rule in rules.ANYWHERE) or bool(
        rules.DATELINE.match(paragraph) and _short(paragraph, 15)
    )


def _short(paragraph: str, words: int = _SHORT_FURNITURE_WORDS) -> bool:
    return len(paragraph.split()) <= words


def _substantive(paragraph: str) -> bool:
    return len(paragraph.split()) >= _SUBSTANTIVE_WORDS and paragraph[-1] in rules.TERMINAL


def _head_furniture(paragraphs: list[str], first: int) -> set[int]:
    """Before the first real paragraph: captions repeated with their credit, and bylines."""
    removed = set()
    for i in range(first):
        text = paragraphs[i]
        repeated = any(
            j != i and paragraphs[j].startswith(text) and len(paragraphs[j]) > len(text) for j in range(first)
        )
        byline = rules.BYLINE.match(text) or (i > 0 and _is_name(text) and rules.BYLINE_MARKER.match(paragraphs[i - 1]))
        if repeated or byline or is_only_date(text):
            removed.add(i)
    return removed


def _tail_furniture(paragraphs: list[str], last: int, cued: list[bool]) -> set[int]:
    """After the last real paragraph everything is furniture; before it, a run of cued or promo lines."""
    return set(range(last + 1, len(paragraphs))) | _closing_run(paragraphs, last, cued)


def _closing_run(paragraphs: list[str], end: int, cued: list[bool]) -> set[int]:
    """The run of cued or self-promotional lines that ends at `end`."""
    removed = set()
    while end > 0 and (cued[end] or rules.PROMO.search(paragraphs[end])):
        removed.add(end)
        end -= 1
    return removed


def _blocks(paragraphs: list[str], keep: list[int]) -> tuple[Block, ...]:
    blocks = []
    for position, index in enumerate(keep):
        text = paragraphs[index]
        inside = 0 < position < len(keep) - 1
        kind: BlockKind = "heading" if inside and _heading_shaped(text) else "paragraph"
        blocks.append(Block(kind=kind, text=text))
    return tuple(blocks)


def _heading_shaped(text: str) -> bool:
    return (
        len(text.split()) <= 14
        and len(text) <= 100
        and text[-1] not in rules.TERMINAL
        and (text[0].isupper() or text[0].isdigit())
    )


def _is_name(text: str) -> bool:
    return bool(rules.PERSON_NAME.match(text)) and not rules.NOT_A_PERSON.search(text)


def _author(paragraphs: list[str], removed: list[int]) -> str | None:
    """A byline among the removed lines: "By X", "Written by" then a name line."""
    for index in removed:
        text = paragraphs[index]
        match = rules.BYLINE.match(text)
        name = (match.group("name") or match.group("name2")) if match else None
        if name is None and rules.BYLINE_MARKER.match(text) and index + 1 < len(paragraphs):
            name = paragraphs[index + 1]
        if name:
            name = re.split(r"\s*(?:[|,•·]|\s-\s|\s–\s)\s*", name.strip())[0]
            if _is_name(name):
                return name
    return None


def _publisher(paragraphs: list[str], removed: list[int]) -> str | None:
    """The outlet's name where its furniture states it, in the form its web address spells."""
    votes: dict[str, int] = {}
    for index in removed:
        for cue in rules.PUBLISHER_CUES:
            for match in cue.finditer(paragraphs[index]):
                name = re.sub(r"\s+(?:All|Ltd|Limited|Inc|Pty|Group)\b.*$", "", match.group("name")).strip()
                if len(name.split()) >= 2 or name.isupper():
                    votes[name] = votes.get(name, 0) + 1
    if not votes:
        return None
    best = sorted(votes.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
    hosts = {m.group("host").lower() for i in removed for m in rules.DOMAIN.finditer(paragraphs[i])}
    bare = re.sub(r"^The\s+", "", best)
    if bare != best and any(_letters(bare) == host for host in hosts):
        return bare
    return best


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _published(paragraphs: list[str], removed: list[int]) -> str | None:
    """A full date on a dateline ("Published 4 September 2023"); never a copyright year."""
    for index in removed:
        text = paragraphs[index]
        if rules.DATELINE.match(text) or rules.BYLINE.match(text) or is_only_date(text):
            found = parse_date(rules.DATELINE.sub("", text))
            if found:
                return found
    return None
