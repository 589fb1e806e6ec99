"""Pure: a `Seed` becomes an `Article` (title, publisher, author, date, body blocks).

Publisher furniture is recognised by cue, shape and position (`sift.py`, rules in `furniture.py`),
removed from the body and kept in `Article.removed` for inspection. Metadata is taken
only where the text states it: never guessed, never from a copyright year.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.errors import SeedError
from generator.ingest import furniture as rules
from generator.ingest import prose
from generator.ingest.formats import parse_seed
from generator.ingest.sift import is_name, sift_extracted, sift_pasted
from generator.models import Article, Block, BlockKind, Seed, SeedProblem
from generator.text.dates import is_only_date, parse_date

_MAX_TITLE_CHARS = 250
_LONG_TITLE_WORDS = 12


def clean_article(seed: Seed) -> Article:
    """Clean one seed; raises `SeedError` when no article text is left."""
    draft = parse_seed(seed)
    lines = [_squash(x) for x in draft.lines]
    title = draft.title or ""
    if not title:
        title, lines = _take_title(lines)
    sifted = sift_extracted(_paragraphs(lines)) if draft.extracted else sift_pasted(_paragraphs(lines), title)
    paragraphs, keep, removed = sifted.paragraphs, sifted.keep, sifted.removed
    if not title or not keep:
        raise SeedError(seed.path, "no article text left after removing titles and site furniture")
    blocks = _blocks(paragraphs, keep)
    publisher = draft.publisher or _publisher(paragraphs, removed)
    furniture = [paragraphs[i] for i in removed]
    return Article(
        source=seed.path,
        title=title if draft.title else prose.without_site(title, lambda site: _names(site, publisher, furniture)),
        publisher=publisher,
        author=draft.author or _author(paragraphs, removed),
        published=draft.published or _published(paragraphs, removed),
        blocks=blocks,
        removed=tuple(paragraphs[i] for i in removed),
        format=seed.format,
        url=draft.url,
        lang=draft.lang,
        warnings=draft.warnings + ((sifted.warning,) if sifted.warning else ()),
    )


def clean_articles(seeds: Sequence[Seed]) -> tuple[tuple[Article, ...], tuple[SeedProblem, ...]]:
    """Clean every seed; a seed with nothing left costs that seed only."""
    articles, problems = [], []
    for seed in seeds:
        try:
            article = clean_article(seed)
        except SeedError as error:
            problems.append(SeedProblem(error.path, error.reason))
            continue
        articles.append(article)
        problems.extend(SeedProblem(seed.path, warning) for warning in article.warnings)
    return tuple(articles), tuple(problems)


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
    width = prose.wrap_width(lines)
    previous = ""
    for line in lines:
        if not line:
            previous = ""
            continue
        wrapped = width is not None and prose.wrapped_here(previous, line, width)
        if previous and (wrapped or _continues(paragraphs[-1], line)):
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
        previous = line
    return paragraphs


def _continues(previous: str, line: str) -> bool:
    # A hard-wrapped paragraph: the previous line is long and stops mid-sentence.
    return (
        len(previous) >= 50
        and previous[-1] not in ".!?:”\"’'"
        and (line[0].islower() or previous[-1] in ",;-" or prose.ends_open(previous))
    )


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
            if is_name(name):
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


def _names(site: str, publisher: str | None, furniture: list[str]) -> bool:
    """A title's segment names the publisher: its name or the start of it, or a name the furniture states."""
    letters = _letters(site)
    if not letters or len(site.split()) > 4:
        return False
    if publisher and (_letters(publisher).startswith(letters) or letters.startswith(_letters(publisher))):
        return True
    return any(site.strip() in line and rules.PUBLISHER_HINT.search(line) for line in furniture)


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
