"""The typed, immutable data model every stage exchanges.

Field names follow `../shared/gold/seeds.yaml` so that evaluation needs no mapping.
Nothing here does I/O or analysis: these are values only. What a build holds of them
(briefs and heads) is in `briefs.py`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

BlockKind = Literal["paragraph", "heading"]
QuoteKind = Literal["full", "fragment"]


@dataclass(frozen=True)
class Seed:
    """One input file, read and decoded, before any cleaning."""

    path: str
    """Path as the user knows it, relative to the project, e.g. `seeds/000_x.txt`."""
    text: str
    """The decoded text, line ends normalised to `\\n`."""
    format: str
    """Seed format key in the `formats` registry, e.g. `txt`."""
    encoding: str = "utf-8"
    """Encoding the bytes were decoded from."""

    @cached_property
    def checksum(self) -> str:
        """SHA-256 of the text: what the seed says, whatever file it came from (worked out once)."""
        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class KnownSeed:
    """A seed file unchanged since an earlier build read it (same size, times and inode):
    its text is not read again unless its digest is needed and not in the cache."""

    path: str
    format: str
    checksum: str
    """SHA-256 of the text read then."""


@dataclass(frozen=True)
class SeedProblem:
    """A seed that could not be used, with the reason, for the build report."""

    path: str
    reason: str


@dataclass(frozen=True)
class Block:
    """One paragraph or section heading of an article's body, in reading order."""

    kind: BlockKind
    text: str


@dataclass(frozen=True)
class Article:
    """A cleaned article: metadata, body blocks, and the furniture that was removed."""

    source: str
    """The seed's path, e.g. `seeds/000_x.txt`."""
    title: str
    publisher: str | None
    author: str | None
    published: str | None
    """Publication date as ISO `YYYY-MM-DD`, only when the text states a full date."""
    blocks: tuple[Block, ...]
    removed: tuple[str, ...] = ()
    """Lines removed as publisher furniture, kept for inspection."""
    format: str = "txt"
    """The seed's format key (`txt`, `md`, `html`)."""
    url: str | None = None
    """Canonical address of the original (http or https only), where the seed states it."""
    lang: str | None = None
    """The article's language code (e.g. `en`), where the seed states it."""
    warnings: tuple[str, ...] = ()
    """Things in the seed that were dropped but did not stop it (e.g. a `javascript:` link)."""

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """Body paragraphs (headings excluded)."""
        return tuple(b.text for b in self.blocks if b.kind == "paragraph")


@dataclass(frozen=True)
class Figure:
    """A key number with what it counts and the sentence it comes from."""

    value: str
    what: str
    sentence: str


@dataclass(frozen=True)
class Quote:
    """A direct quotation with who said it and, where stated, who relayed it."""

    text: str
    speaker: str | None
    via: str | None
    kind: QuoteKind
    start: int = -1
    """Offset of the quoted text in the text it was extracted from (-1: unknown)."""
    end: int = -1
    speaker_start: int = -1
    """Offset of the speaker mention as written ("he", "the ministry"), -1 when none."""
    speaker_end: int = -1


@dataclass(frozen=True)
class Entities:
    """People, places and organisations an article mentions, in order of first mention."""

    people: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()

    def all(self) -> tuple[str, ...]:
        """Every entity name, people first."""
        return self.people + self.places + self.organisations


@dataclass(frozen=True)
class Digest:
    """Everything the generator extracted from one article."""

    article: Article
    slug: str
    summary: tuple[str, ...]
    figures: tuple[Figure, ...]
    quotes: tuple[Quote, ...]
    entities: Entities
    language: str = "en"
    """Code of the language the article was analysed as: stated, else detected, else the site's."""
    notes: tuple[str, ...] = ()
    """What the reader should know about this digest (e.g. why there is no summary)."""
    terms: tuple[str, ...] = ()
    """The stems that describe the article for story grouping, worked out once with the digest
    (so a warm run need not stem every article again); empty means not worked out yet."""


@dataclass(frozen=True)
class Page:
    """A generated page: its path under `docs/` and its full Markdown text.

    A page may instead carry `render`, which makes its text when asked, and `key`, a hash of
    everything its text is made from: a writer that finds the same key on an untouched file
    from the last run need not make the text at all.
    """

    path: str
    text: str = ""
    key: str = ""
    render: Callable[[], str] | None = field(default=None, compare=False, repr=False)

    def content(self) -> str:
        """The page's text, made now if it is made on demand."""
        return self.render() if self.render is not None else self.text


@dataclass(frozen=True)
class WriteResult:
    """What writing pages did to `docs/`."""

    written: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    skipped: tuple[SeedProblem, ...] = ()
    """Pages not written because a hand-written file holds their path."""


@dataclass(frozen=True)
class BuildReport:
    """The outcome of one generate run, for the CLI to print."""

    articles: tuple[str, ...]
    problems: tuple[SeedProblem, ...]
    write: WriteResult = field(default_factory=WriteResult)
    newest_published: str | None = None
    """The newest stated publication date among the articles, for reproducible build dates."""


@dataclass(frozen=True)
class Citation:
    """Where a story's sentence comes from: an article and one of its blocks."""

    source: str
    """The article's seed path, e.g. `seeds/000_x.txt`."""
    paragraph: int
    """Index into that article's `blocks` tuple, so a page can link to the paragraph."""


@dataclass(frozen=True)
class StorySentence:
    """A sentence (or clause) taken verbatim from one article, with its citation."""

    text: str
    citation: Citation


@dataclass(frozen=True)
class SharedFact:
    """A fact two or more sources report, with each source's own wording."""

    text: str
    """The most concise of the wordings, for display."""
    wordings: tuple[StorySentence, ...]
    """One wording per source, in source order."""


@dataclass(frozen=True)
class OnlyIn:
    """Facts that a single source adds to the story."""

    source: str
    facts: tuple[StorySentence, ...]
    """Most informative first."""


@dataclass(frozen=True)
class Discrepancy:
    """The same quantity given differently by two or more sources."""

    what: str
    """What the quantity counts, as one source words it."""
    values: tuple[tuple[str, str], ...]
    """`(source, value as stated)` pairs, in source order."""


@dataclass(frozen=True)
class TimelineEntry:
    """A dated event an article mentions."""

    date: str
    """The date exactly as stated ("September 10 to 13", "on Monday", "2011"): no year is added."""
    event: str
    """The sentence that dates the event."""
    citation: Citation


@dataclass(frozen=True)
class StoryQuote:
    """A quotation one of the story's articles carries."""

    text: str
    speaker: str | None
    via: str | None
    kind: QuoteKind
    source: str


@dataclass(frozen=True)
class Story:
    """Articles on the same event, read once: what they agree on and what each adds."""

    slug: str
    headline: str
    articles: tuple[str, ...]
    """Seed paths of the member articles, sorted."""
    summary: tuple[StorySentence, ...]
    """A multi-source summary, each sentence citing its article and paragraph."""
    shared_facts: tuple[SharedFact, ...]
    only_in: tuple[OnlyIn, ...]
    """One entry per source that adds something, in source order."""
    discrepancies: tuple[Discrepancy, ...]
    quotes: tuple[StoryQuote, ...]
    timeline: tuple[TimelineEntry, ...]
