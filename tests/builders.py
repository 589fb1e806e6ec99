"""Test builders: small articles and seeds made in code, and the project's paths."""

from __future__ import annotations

import time
from pathlib import Path

from generator.ingest import read
from generator.models import Article, Block, Citation, Digest, Entities, Seed, Story, StorySentence

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "gold" / "seeds.yaml"
ARTIFACTS = ROOT / "tests" / "artifacts"
"""Screenshots the browser tests leave for a human to look at."""


def build_seed(text: str, path: str = "seeds/example.txt") -> Seed:
    """A decoded `.txt` seed with the given text."""
    return Seed(path=path, text=text, format="txt")


def build_article(*paragraphs: str, title: str = "A title", headings: tuple[str, ...] = ()) -> Article:
    """An article of the given paragraphs; any paragraph listed in `headings` is a heading."""
    blocks = tuple(Block("heading" if p in headings else "paragraph", p) for p in paragraphs)
    return Article(source="seeds/example.txt", title=title, publisher=None, author=None, published=None, blocks=blocks)


class LaterClock:
    """A `time` for `generator.ingest.read`: the real time at its first call (a scan's), then
    `RACY_SECONDS` + 1 s later, as if a long analysis had run before the seeds are settled."""

    def __init__(self) -> None:
        self.calls = 0

    def time_ns(self) -> int:
        self.calls += 1
        return time.time_ns() + (0 if self.calls == 1 else (read.RACY_SECONDS + 1) * 1_000_000_000)


HOSTILE = 'Tom & Jerry <b>say</b> "hi" & it\'s 🎉 time'


def build_digest(
    slug: str,
    title: str,
    published: str | None = None,
    *,
    publisher: str | None = "The Paper",
    url: str | None = None,
    summary: tuple[str, ...] = ("First sentence.", "Second sentence."),
) -> Digest:
    """A digest of a one-paragraph article, enough for feeds and exports."""
    article = Article(
        source=f"seeds/{slug}.txt",
        title=title,
        publisher=publisher,
        author="Ann Lee",
        published=published,
        blocks=(Block("paragraph", " ".join(summary)),),
        url=url,
    )
    entities = Entities(people=("Ann Lee",))
    return Digest(article=article, slug=slug, summary=summary, figures=(), quotes=(), entities=entities)


def build_story(slug: str, headline: str, *members: Digest) -> Story:
    """A story over `members` whose summary cites each member's first paragraph."""
    sources = tuple(sorted(d.article.source for d in members))
    summary = tuple(StorySentence(d.summary[0], Citation(d.article.source, 0)) for d in members)
    return Story(slug, headline, sources, summary, (), (), (), (), ())


DIGESTS = (
    build_digest("b-old", "Bravo", "2024-01-02"),
    build_digest("a-new", "alpha", "2024-03-04", url="https://news.example/a"),
    build_digest("c-undated", "Charlie"),
    build_digest("d-undated", "Able"),
    build_digest("e-bad-date", "Echo", "2024-02-31"),
)


def imports_of(path: Path) -> set[str]:
    """The dotted modules a Python file imports absolutely; `from pkg import name` counts as
    `pkg.name` when `pkg` is the project's top package (`name` may be a module of it)."""
    import ast

    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            top = node.module == "generator"
            found |= {f"generator.{a.name}" for a in node.names} if top else {node.module}
    return found
