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

import yaml

from generator.children import ending_with_this_process
from generator.errors import BuildError
from generator.files import atomic_write, exclusive
from generator.settings import TolerantLoader

_STAGING = ".briefing-site-"
SKIP_HOOK = "BRIEFING_SKIP_HOOK"
"""Set for MkDocs when the CLI has already generated `docs/`, so the hook does not run again."""


ENGINES = ("mkdocs", "zensical")
"""Site builders: MkDocs with Material (the default) or Zensical, Material's successor."""


def build_site(config_file: Path, site_dir: Path, source_date_epoch: int, engine: str = "mkdocs") -> int:
    """Build the site into `site_dir` with `engine`, in strict mode; returns how many files changed."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    with exclusive(site_dir.parent):  # one build at a time: the next one removes what a killed one left
        return _build_site(config_file, site_dir, source_date_epoch, engine)


def _build_site(config_file: Path, site_dir: Path, source_date_epoch: int, engine: str) -> int:
    for stale in site_dir.parent.glob(f"{_STAGING}*"):  # left by a run that was killed
        shutil.rmtree(stale, ignore_errors=True) if stale.is_dir() else stale.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix=_STAGING, dir=site_dir.parent) as staging:
        env = {**os.environ, SKIP_HOOK: "1", "SOURCE_DATE_EPOCH": str(source_date_epoch)}
        command = _command(engine, config_file, Path(staging))
        try:
            # Killed with this process: a killed build leaves no MkDocs writing behind it.
            end = ending_with_this_process()
            result = subprocess.run(command, env=env, capture_output=True, text=True, check=False, preexec_fn=end)
        finally:
            Path(staging + ".yml").unlink(missing_ok=True)
        if result.returncode != 0:
            raise BuildError(f"{engine} build --strict failed:\n{result.stderr.strip() or result.stdout.strip()}")
        return sync_tree(Path(staging) / "site", site_dir)


def _command(engine: str, config_file: Path, staging: Path) -> list[str]:
    output = staging / "site"
    if engine == "mkdocs":
        return [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--quiet",
            "-f",
            str(config_file),
            "-d",
            str(output),
        ]
    # Zensical has no output option: it reads site_dir from a copy of the config beside the original.
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=TolerantLoader) or {}
    config["site_dir"] = str(output)
    config.pop("hooks", None)  # the CLI has generated docs/ already
    copy = config_file.parent / f"{staging.name}.yml"  # Zensical wants docs_dir under the config's folder
    copy.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return [str(Path(sys.executable).with_name("zensical")), "build", "--strict", "-f", str(copy)]


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
