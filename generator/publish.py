"""EDGE: run a real `mkdocs build --strict` and move its output into `site/` file by file.

MkDocs builds into a temporary folder; then only changed files are replaced (each with
an atomic rename) and files that are gone are removed, so `site/` stays usable if the run
is killed and unchanged files keep their timestamps. Never touches `docs/`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from generator.errors import BuildError
from generator.write import atomic_write

_STAGING = ".briefing-site-"
SKIP_HOOK = "BRIEFING_SKIP_HOOK"
"""Set for MkDocs when the CLI has already generated `docs/`, so the hook does not run again."""


def build_site(config_file: Path, site_dir: Path, source_date_epoch: int) -> int:
    """Build the site into `site_dir`; returns how many files changed."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    for stale in site_dir.parent.glob(f"{_STAGING}*"):  # left by a run that was killed
        shutil.rmtree(stale, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix=_STAGING, dir=site_dir.parent) as staging:
        env = {**os.environ, SKIP_HOOK: "1", "SOURCE_DATE_EPOCH": str(source_date_epoch)}
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config_file), "-d", staging]
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise BuildError(f"mkdocs build --strict failed:\n{result.stderr.strip() or result.stdout.strip()}")
        return sync_tree(Path(staging), site_dir)


def sync_tree(source: Path, target: Path) -> int:
    """Make `target` hold exactly the files of `source`, replacing only those that differ."""
    changed = 0
    wanted = {p.relative_to(source) for p in source.rglob("*") if p.is_file()}
    for relative in sorted(wanted):
        data = (source / relative).read_bytes()
        destination = target / relative
        if destination.is_file() and not destination.is_symlink() and destination.read_bytes() == data:
            continue
        atomic_write(destination, data)
        changed += 1
    if target.is_dir():
        for path in sorted(target.rglob("*"), reverse=True):
            relative = path.relative_to(target)
            if path.is_file() and relative not in wanted:
                path.unlink()
                changed += 1
            elif path.is_dir() and not any(path.iterdir()):
                shutil.rmtree(path)
    return changed
