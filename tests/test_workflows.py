"""The GitHub workflows: valid against GitHub's schema, least privilege, no event data in shell lines."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from builders import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
# Event fields an attacker controls (titles, bodies, branch names, commit messages).
UNTRUSTED = re.compile(r"\$\{\{\s*github\.(event\.|head_ref)")


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=[w.name for w in WORKFLOWS])
def test_workflow_is_valid_against_githubs_schema(workflow: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(workflow)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=[w.name for w in WORKFLOWS])
def test_least_privilege_and_no_event_data_in_run_lines(workflow: Path) -> None:
    data = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    assert data.get("permissions") == {"contents": "read"}, "top-level permissions must be read-only"
    for name, job in data["jobs"].items():
        granted = job.get("permissions", {})
        assert all(v in ("read", "none") or k in ("pages", "id-token") for k, v in granted.items()), name
        for step in job.get("steps", []):
            assert not UNTRUSTED.search(step.get("run", "")), f"{name}: event data expanded in a run line"
