"""The note of a project's last clean build, and whether a new build can stand on it.

A build whose inputs (every seed's text, the templates, the settings and the code, as one
key) are those of the last build that wrote `docs/` without a problem, and that finds every
generated page as that build left it, would make the same pages: `unchanged` gives that
build's report instead. Any build that does not stand on the note drops it first, so a build
stopped half-way, or one with a problem, leaves nothing to stand on; `remember` writes it
again after a clean build. Touches only the note in the cache folder and the file stats of
`docs/` (through `write.untouched`).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from generator.files import atomic_write
from generator.models import BuildReport, WriteResult
from generator.publish.write import untouched


def path_key(folder: Path) -> str:
    """A short name for a folder, so that two projects sharing one cache keep their own records."""
    return hashlib.sha256(str(folder.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def page_record(cache: Path, docs: Path) -> Path:
    """The record, in the cache folder, of the pages written into `docs/` (see `write_pages`)."""
    return cache / f"pages-{path_key(docs)}.json"


def _note(cache: Path, docs: Path) -> Path:
    return cache / f"built-{path_key(docs)}.json"


def unchanged(cache: Path, docs: Path, inputs: str | None) -> BuildReport | None:
    """The last clean build's report, when its inputs key was `inputs` and `docs/` holds its
    pages untouched; else None, and the note is dropped. `inputs` None: this build cannot
    stand on the note (its seeds have problems)."""
    note = _note(cache, docs)
    try:
        last = json.loads(note.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        last = None
    if inputs is not None and isinstance(last, dict) and last.get("inputs") == inputs:
        articles, newest = last.get("articles"), last.get("newest")
        pages = untouched(docs, page_record(cache, docs)) if isinstance(articles, list) else None
        if isinstance(articles, list) and pages is not None:
            newest = newest if isinstance(newest, str) else None
            return BuildReport(tuple(map(str, articles)), (), WriteResult(unchanged=pages), newest)
    note.unlink(missing_ok=True)
    return None


def remember(cache: Path, docs: Path, inputs: str, report: BuildReport) -> None:
    """Keep the note of a build that wrote `docs/` without a problem, made from `inputs`."""
    data: dict[str, Any] = {"inputs": inputs, "articles": report.articles, "newest": report.newest_published}
    try:
        atomic_write(_note(cache, docs), json.dumps(data, ensure_ascii=False).encode("utf-8"))
    except OSError:
        pass  # only a shortcut for the next build is lost
