"""MkDocs hook: regenerate `docs/` from `seeds/` before each build, so `mkdocs serve` stays live.

Listed under `hooks:` in `mkdocs.yml`, with `seeds/` and `templates/` under `watch:`.
Unchanged pages are not rewritten, so a regeneration never triggers a reload loop.
Skipped when the Briefing CLI has generated `docs/` already.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from generator import pipeline
from generator.publish import SKIP_HOOK
from generator.settings import load_settings

log = logging.getLogger("mkdocs.briefing")


def on_pre_build(config: Any, **_: Any) -> None:
    """Regenerate the briefing pages; problems are logged by file name."""
    if os.environ.get(SKIP_HOOK):
        return
    report = pipeline.build(load_settings(Path(config.config_file_path)))
    changed = len(report.write.written) + len(report.write.removed)
    log.info("Briefing: %d article(s), %d page(s) changed", len(report.articles), changed)
    for problem in report.problems:
        log.info("Briefing: %s: %s", problem.path, problem.reason)
