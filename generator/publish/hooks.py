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

`mkdocs serve --dirty` (what `make serve` runs) makes again only the pages whose Markdown
changed: Briefing's pages depend on nothing else (the navigation is three fixed entries), so
a dirty build gives the pages a full one would. Material's search plugin keeps the last
build's index under dirty reload, but replaces only the entries of the first page made
again, and all of them when that page is the home page; `on_post_build` merges the index
itself first, so every page made again replaces its own entries and the rest are kept. A
dirty build also leaves the output of a page that is gone (a removed seed's article, a story
whose headline changed) in the site folder; `on_post_build` removes it. And a dirty build
would keep every page's old shell after a change to `mkdocs.yml` or the theme's overrides
(`custom_dir`), which every page is rendered with: `on_files` then marks every page's output
as older than its source, so MkDocs makes them all again.
"""

from __future__ import annotations

import hashlib
import logging
import os
import zlib
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority

from generator import pipeline
from generator.files import prune_empty
from generator.publish.mkdocs_build import SKIP_HOOK
from generator.publish.watcher import build_failed, build_starts, files_listed, pages_removed, watch_by_events
from generator.settings import load_settings

log = logging.getLogger("mkdocs.briefing")


_command = "build"
"""The MkDocs command running: `build`, `gh-deploy` or `serve`."""
_dirty_serve = False
"""Whether MkDocs runs `serve --dirty`, whose builds leave the last build's files in place."""


def on_startup(command: str, dirty: bool = False, **_: Any) -> None:
    """Note which MkDocs command runs; under `serve --dirty`, MkDocs' dirty-build warning is information."""
    global _command, _dirty_serve, _last_outputs, _last_shell
    _command = command
    _dirty_serve = command == "serve" and dirty
    _last_outputs = set()  # a new server builds into a new site folder
    _last_shell = None
    build_log = logging.getLogger("mkdocs.commands.build")
    if command == "serve" and dirty and not any(isinstance(f, _DirtyNotice) for f in build_log.filters):
        build_log.addFilter(_DirtyNotice())


class _DirtyNotice(logging.Filter):
    """Tells MkDocs' warning that a dirty build may leave links stale as information, so a
    strict `mkdocs serve --dirty` can run: Briefing's navigation is fixed, and `on_post_build`
    keeps the search index whole. `mkdocs build --dirty` keeps the warning (its index holds
    only the pages it made)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.WARNING and record.getMessage().startswith("A 'dirty' build is being performed"):
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


def on_serve(server: Any, **_: Any) -> Any:
    """Watch the project through file events rather than MkDocs' polling (`generator/publish/watcher.py`)."""
    log.info("Briefing: watching for changes by %s", watch_by_events(server))
    return server


def on_pre_build(config: Any, **_: Any) -> None:
    """Regenerate the briefing pages; problems are logged by file name.

    `mkdocs build` generates in a child process, so that the generate step's memory is given
    back before MkDocs converts the pages; `mkdocs serve` regenerates in its own process, as
    a quick warm run, and its server threads make forking unsafe.
    """
    if os.environ.get(SKIP_HOOK):
        return
    settings = load_settings(Path(config.config_file_path))
    if _command == "serve":
        build_starts(settings.docs_path)  # the watcher takes this build's writes to docs/ for seen
        report = pipeline.build(settings)
        pages_removed(settings.docs_path, report.write.removed)
    else:
        report = pipeline.build_apart(settings)
    changed = len(report.write.written) + len(report.write.removed)
    log.info("Briefing: %d article(s), %d page(s) changed", len(report.articles), changed)
    for problem in report.problems:
        log.info("Briefing: %s: %s", problem.path, problem.reason)


def on_build_error(**_: Any) -> None:
    """A build failed (in the regeneration, or in MkDocs): the watcher counts every change again."""
    build_failed()


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


_pages: set[str] = set()
"""The URLs of this build's Markdown pages."""
_outputs: set[str] = set()
"""Where this build's files go in the site folder (relative paths)."""
_last_outputs: set[str] = set()
"""Where the last build's files went, under `serve --dirty`."""
_last_shell: str | None = None
"""The fingerprint of what the last build rendered every page with, under `serve --dirty`."""


def on_files(files: Any, config: Any = None, **_: Any) -> Any:
    """Note which pages and files this build has, so a removed page's search entries and
    output go too; under `serve --dirty`, have every page made again when the configuration
    or the theme's overrides changed since the last build."""
    global _last_shell
    _pages.clear()
    _pages.update(f.url for f in files.documentation_pages())
    _outputs.clear()
    _outputs.update(f.dest_uri for f in files)
    files_listed()
    if _dirty_serve and config is not None:
        shell = shell_fingerprint(config)
        if _last_shell is not None and shell != _last_shell:
            log.info("Briefing: the configuration or the theme changed; every page is made again")
            for page in files.documentation_pages():
                _make_stale(Path(page.abs_dest_path))
        _last_shell = shell
    return files


def shell_fingerprint(config: Any) -> str:
    """A digest of the configuration file and of every file in the theme's `custom_dir`
    (path, size and modification time): what every page's HTML is rendered with."""
    digest = hashlib.sha256()
    if config.config_file_path and os.path.isfile(config.config_file_path):
        digest.update(Path(config.config_file_path).read_bytes())
    custom = config.theme.custom_dir
    if custom and os.path.isdir(custom):
        for folder, subfolders, names in os.walk(custom):
            subfolders.sort()
            for name in sorted(names):
                path = os.path.join(folder, name)
                try:
                    info = os.stat(path)
                except OSError:  # gone since it was listed (an editor's swap file)
                    continue
                digest.update(f"\0{os.path.relpath(path, custom)}\0{info.st_size}\0{info.st_mtime_ns}".encode())
    return digest.hexdigest()


def _make_stale(output: Path) -> None:
    """Date a page's output before any source, so a dirty build makes the page again."""
    try:
        os.utime(output, ns=(0, 0))
    except OSError:  # not built yet: it will be made anyway
        pass


@event_priority(100)  # first: before the search plugin writes its index
def on_post_build(config: Any, **_: Any) -> None:
    """Under dirty reload, merge the last build's search entries with this build's (a page
    made again replaces its entries, a page removed loses them, the others keep theirs) and
    remove the output of pages and files gone since the last build (a removed seed's page,
    a story whose headline changed), which a dirty build leaves in the site folder."""
    global _last_outputs
    if _dirty_serve:
        _remove_outputs(Path(config.site_dir), _last_outputs - _outputs)
        _last_outputs = set(_outputs)
    _merge_search_index(config)


def _remove_outputs(site: Path, gone: set[str]) -> None:
    """Remove the files `gone` (paths inside `site`) and the folders they leave empty."""
    for relative in sorted(gone):
        target = site / relative
        if ".." in Path(relative).parts or not target.is_file():
            continue
        target.unlink()
        prune_empty(target.parent, site)


def _merge_search_index(config: Any) -> None:
    for plugin in config.plugins.values():
        index, previous = getattr(plugin, "search_index", None), getattr(plugin, "search_index_prev", None)
        if previous is None or index is None:
            continue
        made = {_page_of(entry) for entry in index.entries}
        kept = [e for e in previous.entries if _page_of(e) not in made and _page_of(e) in _pages]
        index.entries = kept + index.entries
        plugin.search_index_prev = None  # nothing left for the plugin to merge


def _page_of(entry: dict[str, Any]) -> str:
    """The page a search entry belongs to: its location without the section anchor."""
    return str(entry.get("location", "")).split("#", 1)[0]
