"""The package layout: one package per stage, imports pointing one way, tools apart."""

from __future__ import annotations

import ast

from builders import ROOT, imports_of

PACKAGE = ROOT / "generator"
STAGES = ("text", "ingest", "analysis", "stories", "output", "publish", "incremental")
"""Stage packages in pipeline order: a stage imports only the core and earlier stages."""
CORE = {"models", "errors", "settings", "briefs", "children", "files"}
"""Modules every stage may import; they import only each other."""
ENTRIES = {"pipeline", "cli", "__main__", "publish.hooks", "publish.serve"}
"""Where the stages are put together: they may import any stage."""
ALLOWED = {("settings", "analysis.summarize")}
"""Known exceptions, each with its reason: settings checks a summariser's name against the
summarisers' registry (imported late, when the settings are checked)."""


def _imports() -> dict[str, set[str]]:
    """Each module of the package (dotted, without `generator.`) and the modules it imports."""
    graph: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        module = ".".join(path.relative_to(PACKAGE).with_suffix("").parts).removesuffix(".__init__")
        graph[module] = {m.removeprefix("generator.") for m in imports_of(path) if m.startswith("generator.")}
    return graph


def _rank(module: str) -> int | None:
    """The stage a module belongs to, as an index into STAGES; None for the core and entries."""
    top = module.split(".")[0]
    return STAGES.index(top) if top in STAGES else None


def test_stages_import_only_the_core_and_earlier_stages() -> None:
    wrong = []
    for module, imported in _imports().items():
        if module in ENTRIES or module.startswith("tools"):
            continue
        for target in imported:
            if (module, target) in ALLOWED or target.split(".")[0] in CORE | {"__version__"}:
                continue
            own, theirs = _rank(module), _rank(target)
            if own is None or theirs is None or theirs > own:
                wrong.append(f"{module} imports {target}")
    assert not wrong, "\n".join(sorted(wrong))


def test_only_the_command_line_imports_the_tools() -> None:
    users = {m for m, imported in _imports().items() if any(t.startswith("tools") for t in imported)}
    assert {m for m in users if not m.startswith("tools")} <= {"cli"}


def test_every_package_says_what_it_is_for() -> None:
    for init in PACKAGE.rglob("__init__.py"):
        tree = ast.parse(init.read_text(encoding="utf-8"))
        assert ast.get_docstring(tree), f"{init.relative_to(ROOT)} has no docstring"


def test_no_private_name_of_sumy_is_used() -> None:
    """sumy's public classes only: a private name breaks at its next release. (MkDocs' and
    Material's are not used by the live preview either: see `publish/serve.py`.)"""
    import re

    private = re.compile(r"\bsumy(\.\w+)*\._\w|\b_get_random_ratings\b|\b_get_\w+_ratings\b")
    users = [
        path.relative_to(ROOT).as_posix()
        for path in PACKAGE.rglob("*.py")
        if private.search(path.read_text(encoding="utf-8"))
    ]
    assert not users, users


def test_the_theme_extends_material_and_copies_none_of_its_templates() -> None:
    """`overrides/` overrides Material's documented blocks (`main.html`) and copies none of its
    partials: a copy is Material's markup of one release, and hides the next release's."""
    import yaml

    from generator.settings import TolerantLoader

    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=TolerantLoader)
    custom = ROOT / config["theme"]["custom_dir"]
    assert sorted(p.relative_to(custom).as_posix() for p in custom.rglob("*") if p.is_file()) == ["main.html"]
    assert '{% extends "base.html" %}' in (custom / "main.html").read_text(encoding="utf-8")
