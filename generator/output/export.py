"""The briefing as data: JSON files under `docs/data/` for the site, and JSON or CSV for `export`.

`json_files` is pure (digests and stories in, file texts out): `briefing.json` (an index of
every story and article), one `articles/<slug>.json` and `stories/<slug>.json` each, and
the JSON Schema they follow as `briefing.schema.json`. The site build takes the same files
from `index_files` and `item_files` (the latter made on demand, so that an unchanged
article's file need not be made again) and puts them under `data/`. An article's file is
exactly the `briefing:` mapping of its page's front matter, and a story's likewise, so the
front matter and the data never disagree. `export_rows_csv` is pure too.

`export_to_dir` is an EDGE function: it writes files (atomically) for
`python -m generator export`. Output bytes depend on the input only: fixed key order, lists
in slug order, `ensure_ascii=False`, a trailing newline, no clock.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, partial
from importlib import resources
from pathlib import Path
from typing import Any

from generator.briefs import InMemory, Library, Record, StoryRecord
from generator.files import atomic_write
from generator.models import Digest, Story
from generator.output.feeds import story_published
from generator.output.front_matter import SCHEMA_VERSION, article_front_matter, story_front_matter
from generator.settings import Settings, user_fields

DATA_DIR = "data"
"""Folder under `docs/` (and the site) that holds the JSON export."""
SCHEMA_FILE = "briefing.schema.json"
QUOTE_COLUMNS = ("article_slug", "article_title", "source", "publisher", "speaker", "via", "kind", "quote")
FIGURE_COLUMNS = ("article_slug", "article_title", "source", "publisher", "value", "what", "sentence")


def json_files(
    digests: tuple[Digest, ...],
    stories: tuple[Story, ...] = (),
    *,
    settings: dict[str, Any],
    article_dir: str = "articles",
    story_dir: str = "stories",
) -> dict[str, str]:
    """Path (relative to the data folder) to file text for the index, articles, stories and schema."""
    files = index_files(digests, stories, settings=settings, article_dir=article_dir, story_dir=story_dir)
    full_text = bool(settings.get("full_text", False))
    files.update((item.path, item.text()) for item in item_files(digests, stories, full_text=full_text))
    return files


def index_files(
    digests: tuple[Record, ...],
    stories: tuple[StoryRecord, ...] = (),
    *,
    settings: dict[str, Any],
    article_dir: str = "articles",
    story_dir: str = "stories",
) -> dict[str, str]:
    """The schema and the index (`briefing.json`), by path relative to the data folder."""
    ordered = tuple(sorted(digests, key=lambda d: d.slug))
    by_source = {d.article.source: d for d in ordered}
    story_of = {source: s.slug for s in stories for source in s.articles}
    index = _index(ordered, stories, by_source, story_of, settings, article_dir, story_dir)
    return {SCHEMA_FILE: schema_text(), "briefing.json": _dump(index)}


@dataclass(frozen=True)
class ItemFile:
    """One article's or story's file of the export, made on demand."""

    path: str
    """Relative to the data folder."""
    sources: tuple[str, ...]
    """The articles it is made from."""
    story: str | None
    """The slug of the story it is, or its article belongs to."""
    text: Callable[[], str]


def item_files(
    digests: tuple[Record, ...],
    stories: tuple[StoryRecord, ...] = (),
    library: Library | None = None,
    *,
    full_text: bool = False,
) -> Iterator[ItemFile]:
    """Each article's and each story's file, in slug order; its text is made when asked,
    from the whole digest or story `library` gives (default: they are whole already).
    An article's headings and removed lines come only with `full_text`, as on its page."""
    library = library or InMemory()
    by_source = {d.article.source: d for d in digests}
    story_of = {source: s.slug for s in stories for source in s.articles}
    for digest in sorted(digests, key=lambda d: d.slug):
        source = digest.article.source
        text = partial(_article_text, digest, story_of, library, full_text)
        yield ItemFile(f"articles/{digest.slug}.json", (source,), story_of.get(source), text)
    for story in stories:
        text = partial(_story_text, story, by_source, library)
        yield ItemFile(f"stories/{story.slug}.json", tuple(sorted(story.articles)), story.slug, text)


def export_rows_csv(digests: tuple[Digest, ...]) -> dict[str, str]:
    """`quotes.csv` and `figures.csv`: one row per quote or figure, with its article's slug, title and source.

    Cells are the text as extracted, except that a cell a spreadsheet would run as a formula
    (one starting with `=`, `+`, `-`, `@`, a tab or a carriage return) starts with `'`.
    """
    ordered = sorted(digests, key=lambda d: d.slug)
    quotes = [(*_row_start(d), q.speaker or "", q.via or "", q.kind, q.text) for d in ordered for q in d.quotes]
    figures = [(*_row_start(d), f.value, f.what, f.sentence) for d in ordered for f in d.figures]
    return {"quotes.csv": _csv(QUOTE_COLUMNS, quotes), "figures.csv": _csv(FIGURE_COLUMNS, figures)}


def export_to_dir(
    digests: tuple[Digest, ...], stories: tuple[Story, ...], fmt: str, out: Path, settings: dict[str, Any]
) -> list[Path]:
    """EDGE: write the export in `fmt` (`json` or `csv`) into `out`; returns the files written, sorted.

    JSON gives `briefing.json`, `articles/`, `stories/` and the schema; CSV gives `quotes.csv`
    and `figures.csv`. Each file is replaced atomically; nothing else in `out` is touched.
    """
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(EXPORT_FORMATS)}")
    files = EXPORT_FORMATS[fmt](digests, stories, settings)
    written = []
    for relative, text in sorted(files.items()):
        atomic_write(out / relative, text.encode("utf-8"))
        written.append(out / relative)
    return written


EXPORT_FORMATS: dict[str, Callable[[tuple[Digest, ...], tuple[Story, ...], dict[str, Any]], dict[str, str]]] = {
    "json": lambda digests, stories, settings: json_files(digests, stories, settings=settings),
    "csv": lambda digests, stories, settings: export_rows_csv(digests),
}
"""Export formats for `python -m generator export --format`: each gives file path to text."""


def settings_data(settings: Settings) -> dict[str, Any]:
    """The `extra.briefing` settings of a build as plain data, for the index of `json_files` and `index_files`."""
    return {f.name: getattr(settings, f.name) for f in user_fields()}


@cache
def schema_text() -> str:
    """The JSON Schema of the export, as shipped in `generator/data/` (package data, read once)."""
    return (resources.files("generator") / "data" / SCHEMA_FILE).read_text(encoding="utf-8")


def _article_text(digest: Record, story_of: dict[str, str], library: Library, full_text: bool) -> str:
    return _dump(_article_data(library.digest(digest), story_of, full_text))


def _story_text(story: StoryRecord, by_source: dict[str, Record], library: Library) -> str:
    return _dump(_story_data(library.story(story), by_source))


def _article_data(digest: Digest, story_of: dict[str, str], full_text: bool) -> dict[str, Any]:
    front = article_front_matter(digest, story_of.get(digest.article.source), full_text=full_text)
    data: dict[str, Any] = front["briefing"]
    return data


def _story_data(story: Story, by_source: dict[str, Record]) -> dict[str, Any]:
    members = tuple(by_source[a] for a in story.articles if a in by_source)
    data: dict[str, Any] = story_front_matter(story, members)["briefing"]
    return data


def _index(
    digests: tuple[Record, ...],
    stories: tuple[StoryRecord, ...],
    by_source: dict[str, Record],
    story_of: dict[str, str],
    settings: dict[str, Any],
    article_dir: str,
    story_dir: str,
) -> dict[str, Any]:
    return {
        "schema": SCHEMA_VERSION,
        "kind": "index",
        "generator": "briefing",
        "settings": dict(sorted(settings.items())),
        "stories": [_story_entry(s, by_source, story_dir) for s in sorted(stories, key=lambda s: s.slug)],
        "articles": [_article_entry(d, story_of, article_dir) for d in digests],
    }


def _article_entry(digest: Record, story_of: dict[str, str], article_dir: str) -> dict[str, Any]:
    article = digest.article
    return {
        "slug": digest.slug,
        "title": article.title,
        "source": article.source,
        "publisher": article.publisher,
        "author": article.author,
        "url": article.url,
        "published": article.published,
        "lang": digest.language,
        "story": story_of.get(article.source),
        "page": f"{article_dir}/{digest.slug}/",
        "data": f"{DATA_DIR}/articles/{digest.slug}.json",
    }


def _story_entry(story: StoryRecord, by_source: dict[str, Record], story_dir: str) -> dict[str, Any]:
    members = [by_source[a] for a in story.articles if a in by_source]
    return {
        "slug": story.slug,
        "title": story.headline,
        "articles": [d.slug for d in members],
        "sources": list(story.articles),
        "publishers": list(dict.fromkeys(d.article.publisher for d in members if d.article.publisher)),
        "published": story_published(story, members),
        "page": f"{story_dir}/{story.slug}/",
        "data": f"{DATA_DIR}/stories/{story.slug}.json",
    }


def _row_start(digest: Digest) -> tuple[str, str, str, str]:
    article = digest.article
    return digest.slug, article.title, article.source, article.publisher or ""


def _csv(columns: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(tuple(map(_inert, row)) for row in rows)
    return buffer.getvalue()


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet reads as the start of a formula (OWASP's list for CSV injection)."""


def _inert(cell: str) -> str:
    """Article text is data: a cell that would start a formula is kept as text by a leading `'`."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
