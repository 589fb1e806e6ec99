"""MkDocs hook: regenerate `docs/` from `seeds/` before each build, so `mkdocs serve` stays live.

Listed under `hooks:` in `mkdocs.yml`, with `seeds/` and `templates/` under `watch:`.
Unchanged pages are not rewritten, so a regeneration never triggers a reload loop.
Skipped when the Briefing CLI has generated `docs/` already.

MkDocs reads and converts every page before it writes any, and keeps each page's Markdown
and HTML in memory until the end: at 10,000 articles that is most of its 1.5 GB. So the
hook drops a page's Markdown once it is converted, keeps its HTML compressed until the page
is written, and lets it go after. Nothing between MkDocs' `on_page_content` and
`on_page_context` events reads a page's HTML (the search plugin reads it in
`on_page_context`, after this hook has put it back). The same goes for the `briefing` data
in each page's front matter (quotes, figures, a story's wordings): MkDocs keeps every page's
front matter to the end, and the theme reads only `kind` and `published` from it
(`overrides/main.html`), so a page keeps only those. The whole data stays in the page's
Markdown and in `data/`.
"""

from __future__ import annotations

import logging
import os
import zlib
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority

from generator import pipeline
from generator.publish import SKIP_HOOK
from generator.settings import load_settings

log = logging.getLogger("mkdocs.briefing")


_command = "build"
"""The MkDocs command running: `build`, `gh-deploy` or `serve`."""


def on_startup(command: str, **_: Any) -> None:
    """Note which MkDocs command runs."""
    global _command
    _command = command


def on_pre_build(config: Any, **_: Any) -> None:
    """Regenerate the briefing pages; problems are logged by file name.

    `mkdocs build` generates in a child process, so that the generate step's memory is given
    back before MkDocs converts the pages; `mkdocs serve` regenerates in its own process, as
    a quick warm run, and its server threads make forking unsafe.
    """
    if os.environ.get(SKIP_HOOK):
        return
    settings = load_settings(Path(config.config_file_path))
    report = pipeline.build(settings) if _command == "serve" else pipeline.build_apart(settings)
    changed = len(report.write.written) + len(report.write.removed)
    log.info("Briefing: %d article(s), %d page(s) changed", len(report.articles), changed)
    for problem in report.problems:
        log.info("Briefing: %s: %s", problem.path, problem.reason)


THEME_KEYS = ("kind", "published")
"""The keys of a page's `briefing` front matter that the theme reads."""


@event_priority(-100)  # last: every other plugin has seen the front matter
def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    """Keep only what the theme reads of the page's `briefing` front matter."""
    data = page.meta.get("briefing")
    if isinstance(data, dict):
        page.meta["briefing"] = {key: data[key] for key in THEME_KEYS if key in data}
    return markdown


@event_priority(-100)  # last: every other plugin has seen the HTML
def on_page_content(html: str, page: Any, **_: Any) -> str:
    """Keep the converted page compressed until it is written, and drop its Markdown."""
    page.markdown = None
    page.briefing_html = zlib.compress(html.encode("utf-8"), 1)
    return ""


@event_priority(100)  # first: the search plugin and the theme need the HTML back
def on_page_context(context: Any, page: Any, **_: Any) -> Any:
    """Put the page's HTML back just before it is indexed and rendered."""
    stored = getattr(page, "briefing_html", None)
    if stored is not None:
        page.content = zlib.decompress(stored).decode("utf-8")
        page.briefing_html = None
    return context


@event_priority(-100)
def on_post_page(output: str, page: Any, **_: Any) -> str:
    """The page is written: its HTML is not needed again."""
    page.content = None
    return output
