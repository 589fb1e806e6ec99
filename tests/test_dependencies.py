"""Every package the generator imports is declared in pyproject.toml, with an exact pin."""

from __future__ import annotations

import re
import sys
import tomllib
from importlib.metadata import packages_distributions

from builders import ROOT, imports_of

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _imported(paths: list) -> set[str]:
    """Top-level modules the files import from outside the standard library and the project."""
    found = {module.split(".")[0] for path in paths for module in imports_of(path)}
    return {m for m in found if m not in sys.stdlib_module_names and m != "generator"}


def _names(requirements: list[str]) -> set[str]:
    return {re.split(r"[=<>\[ ]", r)[0].lower().replace("_", "-") for r in requirements}


def _distributions(modules: set[str]) -> dict[str, set[str]]:
    owners = packages_distributions()
    return {m: {d.lower().replace("_", "-") for d in owners.get(m, [])} for m in modules}


def test_the_runtime_imports_only_declared_dependencies() -> None:
    files = [p for p in (ROOT / "generator").rglob("*.py") if "tools" not in p.relative_to(ROOT).parts]
    declared = _names(PYPROJECT["dependencies"])
    missing = {m: d for m, d in _distributions(_imported(files)).items() if not d & declared}
    assert not missing, f"imported but not in [project] dependencies: {missing}"


def test_the_tools_import_only_declared_dependencies_or_the_eval_extra() -> None:
    files = list((ROOT / "generator" / "tools").rglob("*.py"))
    declared = _names(PYPROJECT["dependencies"]) | _names(PYPROJECT["optional-dependencies"]["eval"])
    missing = {m: d for m, d in _distributions(_imported(files)).items() if not d & declared}
    assert not missing, f"imported but not declared: {missing}"


def test_every_dependency_is_pinned_exactly() -> None:
    for requirement in PYPROJECT["dependencies"] + [r for e in PYPROJECT["optional-dependencies"].values() for r in e]:
        assert "==" in requirement, requirement
