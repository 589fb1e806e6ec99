"""Test builders: small articles and seeds made in code, and the project's paths."""

from __future__ import annotations

import time
from pathlib import Path

from generator import read
from generator.models import Article, Block, Seed

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
    """A `time` for `generator.read`: the real time at its first call (a scan's), then
    `RACY_SECONDS` + 1 s later, as if a long analysis had run before the seeds are settled."""

    def __init__(self) -> None:
        self.calls = 0

    def time_ns(self) -> int:
        self.calls += 1
        return time.time_ns() + (0 if self.calls == 1 else (read.RACY_SECONDS + 1) * 1_000_000_000)
