"""What a build holds of each article and story: its brief or head, and where whole ones are found.

At 10,000 articles, whole digests are most of a build's memory, and decoding them most of
a warm run's time. Listings, feeds, the data index and story grouping need only a brief
(`Brief`) of an article and the head (`StoryHead`) of a story; a stage that makes an
article's or story's own page asks a `Library` for the whole one. Values only, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from generator.models import Digest, Entities, SeedProblem, Story, StorySentence


@dataclass(frozen=True)
class ArticleHead:
    """An article's metadata without its body: what listings, feeds and the index print."""

    source: str
    title: str
    publisher: str | None
    author: str | None
    published: str | None
    format: str = "txt"
    url: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Brief:
    """What every page but an article's own needs of its digest: metadata, slug, summary,
    names, language and grouping terms. A build holds one per article and reads the whole
    digest only for the pages it makes (at 10,000 articles, digests are most of its memory)."""

    article: ArticleHead
    slug: str
    summary: tuple[str, ...]
    entities: Entities
    language: str = "en"
    terms: tuple[str, ...] = ()

    @classmethod
    def of(cls, digest: Digest) -> Brief:
        """The brief of a digest."""
        a = digest.article
        head = ArticleHead(a.source, a.title, a.publisher, a.author, a.published, a.format, a.url, a.warnings)
        return cls(head, digest.slug, digest.summary, digest.entities, digest.language, digest.terms)


Record = Digest | Brief
"""An article as the stages that do not read its body take it: whole, or as its brief."""


@dataclass(frozen=True)
class StoryHead:
    """What listings, feeds and the index need of a story; its page reads the whole story."""

    slug: str
    headline: str
    articles: tuple[str, ...]
    summary: tuple[StorySentence, ...]

    @classmethod
    def of(cls, story: Story) -> StoryHead:
        """The head of a story."""
        return cls(story.slug, story.headline, story.articles, story.summary)


StoryRecord = Story | StoryHead
"""A story whole, or its head."""


class Library(Protocol):
    """Where the whole digest of an article and the whole story are found when a page needs them."""

    def digest(self, record: Record) -> Digest:
        """The whole digest of `record` (under its slug)."""
        ...

    def story(self, record: StoryRecord) -> Story:
        """The whole story of `record` (under its slug)."""
        ...


class InMemory:
    """The library of records that are whole already (tests, and builds without a cache)."""

    def digest(self, record: Record) -> Digest:
        """`record` itself, which must be a whole digest."""
        if not isinstance(record, Digest):
            raise TypeError(f"{record.article.source}: only its brief is in memory")
        return record

    def story(self, record: StoryRecord) -> Story:
        """`record` itself, which must be a whole story."""
        if not isinstance(record, Story):
            raise TypeError(f"story {record.slug}: only its head is in memory")
        return record


@dataclass(frozen=True)
class Briefing:
    """Everything the generator extracted from the seeds, before it becomes pages: each
    article and story whole or in brief, and the library that has them whole."""

    digests: tuple[Record, ...]
    stories: tuple[StoryRecord, ...]
    problems: tuple[SeedProblem, ...]
    library: Library = field(default_factory=InMemory)
