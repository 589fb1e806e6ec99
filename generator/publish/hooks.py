"""MkDocs hook: regenerate `docs/` from `seeds/` before each build, and spare MkDocs' memory.

Listed under `hooks:` in `mkdocs.yml`. It uses MkDocs' documented events and the documented
fields of the objects they pass, and nothing else of MkDocs' or any plugin's: a private name
breaks at the next release (`tests/test_layout.py` fails on one).

- `on_pre_build` regenerates `docs/`, so a plain `mkdocs build` or `mkdocs serve` builds from
  the seeds as they are. Skipped when the Briefing CLI has generated `docs/` already
  (`generator build`, and `generator serve`, which watches the seeds itself). Unchanged pages
  are not rewritten, so a regeneration never sets off a reload loop.
- MkDocs reads and converts every page before it writes any, and keeps each page's Markdown
  and HTML in memory until the end: at 10,000 articles that is most of its 1.5 GB. So the
  hook drops a page's Markdown once it is converted, keeps its HTML compressed (in this
  module, by the page's source path) until the page is rendered, and lets it go after.
  Nothing between MkDocs' `on_page_content` and `on_page_context` events reads a page's HTML
  (the search plugin reads it in `on_page_context`, after this hook has put it back). The
  same goes for the `briefing` data in each page's front matter (quotes, figures, a story's
  wordings): MkDocs keeps every page's front matter to the end, and the theme reads only
  `kind` and `published` from it (`overrides/main.html`), so a page keeps only those. The
  whole data stays in the page's Markdown and in `data/`.
- `mkdocs serve --dirty` makes again only the pages whose Markdown changed, and leaves the
  output of a page that is gone (a removed seed's article, a story whose headline changed) in
  the site folder; `on_post_build` removes it, so its address is a 404 as after a full build.
"""

from __future__ import annotations

import logging
import os
import zlib
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority

from generator import pipeline
from generator.files import prune_empty
from generator.publish.mkdocs_build import SKIP_HOOK
from generator.settings import load_settings

log = logging.getLogger("mkdocs.briefing")


_command = "build"
"""The MkDocs command running: `build`, `gh-deploy` or `serve`."""
_dirty_serve = False
"""Whether MkDocs runs `serve --dirty`, whose builds leave the last build's files in place."""
_html: dict[str, bytes] = {}
"""Each converted page's HTML, compressed, by its source path, until the page is rendered."""
_outputs: set[str] = set()
"""Where this build's files go in the site folder (relative paths)."""
_last_outputs: set[str] = set()
"""Where the last build's files went, under `serve --dirty`."""


def on_startup(command: str, dirty: bool = False, **_: Any) -> None:
    """Note which MkDocs command runs, and whether its builds are dirty ones."""
    global _command, _dirty_serve, _last_outputs
    _command = command
    _dirty_serve = command == "serve" and dirty
    _last_outputs = set()  # a new server builds into a new site folder


def on_pre_build(config: Any, **_: Any) -> None:
    """Regenerate the briefing pages; problems are logged by file name.

    `mkdocs build` generates in a child process, so that the generate step's memory is given
    back before MkDocs converts the pages; `mkdocs serve` regenerates in its own process, as
    a quick warm run, and its server threads make forking unsafe.
    """
    _html.clear()
    if os.environ.get(SKIP_HOOK):
        return
    settings = load_settings(Path(config.config_file_path))
    report = pipeline.build(settings) if _command == "serve" else pipeline.build_apart(settings)
    changed = len(report.write.written) + len(report.write.removed)
    log.info("Briefing: %d article(s), %d page(s) changed", len(report.articles), changed)
    for problem in report.problems:
        log.info("Briefing: %s: %s", problem.path, problem.reason)


def on_build_error(**_: Any) -> None:
    """A build failed: the pages it held are let go."""
    _html.clear()


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
    """Keep the converted page compressed until it is rendered, and drop its Markdown."""
    page.markdown = None
    _html[page.file.src_uri] = zlib.compress(html.encode("utf-8"), 1)
    return ""


@event_priority(100)  # first: the search plugin and the theme need the HTML back
def on_page_context(context: Any, page: Any, **_: Any) -> Any:
    """Put the page's HTML back just before it is indexed and rendered."""
    stored = _html.pop(page.file.src_uri, None)
    if stored is not None:
        page.content = zlib.decompress(stored).decode("utf-8")
    return context


@event_priority(-100)
def on_post_page(output: str, page: Any, **_: Any) -> str:
    """The page is written: its HTML is not needed again."""
    page.content = None
    return output


def on_files(files: Any, **_: Any) -> Any:
    """Note where this build's files go, so that the output of a page gone since the last
    build can be removed under `serve --dirty`."""
    _outputs.clear()
    _outputs.update(f.dest_uri for f in files)
    return files


def on_post_build(config: Any, **_: Any) -> None:
    """Under `serve --dirty`, remove the output of pages and files gone since the last build
    (a removed seed's page, a story whose headline changed), which a dirty build leaves."""
    global _last_outputs
    if _dirty_serve:
        _remove_outputs(Path(config.site_dir), _last_outputs - _outputs)
        _last_outputs = set(_outputs)
    _html.clear()


def _remove_outputs(site: Path, gone: set[str]) -> None:
    """Remove the files `gone` (paths inside `site`) and the folders they leave empty."""
    for relative in sorted(gone):
        target = site / relative
        if ".." in Path(relative).parts or not target.is_file():
            continue
        target.unlink()
        prune_empty(target.parent, site)
