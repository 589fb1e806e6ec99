"""The package layout: one package per stage, imports pointing one way, tools apart."""

from __future__ import annotations

import ast
from pathlib import Path

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


DEPENDENCIES = ("mkdocs", "material", "sumy", "watchdog")
"""Packages whose private names the code must never use: one breaks at their next release."""
CODE = (ROOT / "generator", ROOT / "scripts")
"""The code that runs: the package (the MkDocs hook included) and the scripts."""
PRIVATE_ATTRIBUTES_ALLOWED = {"os._exit": "the standard library's documented exit without clean-up, for workers"}
"""Attributes with a leading underscore that are public all the same, each with its reason."""


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _private_uses(path: Path, root: Path = ROOT) -> list[str]:
    """Where `path` reads or writes a private name of another object than its own (`self`,
    `cls`), by attribute or by name (`getattr(x, "_name")`), or imports a private module or
    name of a dependency."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        where = f"{path.relative_to(root).as_posix()}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Attribute) and _private(node.attr):
            own = isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")
            if not own and ast.unparse(node) not in PRIVATE_ATTRIBUTES_ALLOWED:
                found.append(f"{where}: {ast.unparse(node)}")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in ("getattr", "setattr", "hasattr", "delattr") and len(node.args) > 1:
                name = node.args[1]
                if isinstance(name, ast.Constant) and isinstance(name.value, str) and _private(name.value):
                    found.append(f"{where}: {ast.unparse(node)}")
        elif isinstance(node, ast.Import | ast.ImportFrom):
            module = node.module or "" if isinstance(node, ast.ImportFrom) else ""
            names = [f"{module}.{a.name}" if module else a.name for a in node.names]
            for name in names:
                parts = name.split(".")
                if parts[0] in DEPENDENCIES and any(_private(part) for part in parts):
                    found.append(f"{where}: import {name}")
    return found + _private_inherited(path, root)


def _private_inherited(path: Path, root: Path = ROOT) -> list[str]:
    """Where a class of `path` that extends a dependency's class reaches or overrides one of
    that class's private names through `self` (sumy's `_get_ratings` methods, say)."""
    import importlib

    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = {
        alias.asname or alias.name: f"{node.module}.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0
        for alias in node.names
    }
    found = []
    for cls in (node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)):
        for base in cls.bases:
            dotted = imported.get(ast.unparse(base), ast.unparse(base))
            if dotted.split(".")[0] not in DEPENDENCIES:
                continue
            module, name = dotted.rsplit(".", 1)
            parent = getattr(importlib.import_module(module), name)
            for node in ast.walk(cls):
                used = node.attr if isinstance(node, ast.Attribute) else getattr(node, "name", "")
                if isinstance(node, ast.Attribute | ast.FunctionDef) and _private(used) and hasattr(parent, used):
                    found.append(f"{path.relative_to(root).as_posix()}:{node.lineno}: {dotted}.{used}")
    return found


def test_no_private_name_of_a_dependency_is_used() -> None:
    """MkDocs', Material's, sumy's and watchdog's public names only (documented events, classes
    and fields). Simplest to check without knowing what each object is: the code reads or
    writes no name with a leading underscore of any object but its own (`self`, `cls`), so
    the project's own modules are held to the same rule (a private helper another module
    needs is imported by name, which the check allows for the project's own modules only)."""
    users = [use for folder in CODE for path in sorted(folder.rglob("*.py")) for use in _private_uses(path)]
    assert not users, "\n".join(users)


def test_the_check_finds_private_names(tmp_path: Path) -> None:
    code = tmp_path / "code.py"
    code.write_text(
        "from mkdocs.livereload import _serve_url\n"
        "import material._private\n"
        "server._watched_paths.clear()\n"
        "plugin.search_index_prev = None\n"
        "getattr(server, '_watch_refs', None)\n"
        "setattr(page, '_briefing_html', 1)\n"
        "setattr(page, name, 1)\n"
        "self._own = cls._also_own = os.__name__\n"
        "from sumy.summarizers.lex_rank import LexRankSummarizer\n"
        "class Mine(LexRankSummarizer):\n"
        "    def _to_words_set(self, sentence): return self._stop_words\n",
        encoding="utf-8",
    )
    found = sorted(_private_uses(code, tmp_path), key=lambda use: int(use.split(":")[1]))
    uses = [use.split(": ", 1)[1] for use in found]
    assert uses == [
        "import mkdocs.livereload._serve_url",
        "import material._private",
        "server._watched_paths",
        "getattr(server, '_watch_refs', None)",
        "setattr(page, '_briefing_html', 1)",
        "sumy.summarizers.lex_rank.LexRankSummarizer._to_words_set",
        "sumy.summarizers.lex_rank.LexRankSummarizer._stop_words",
    ]


def test_the_theme_extends_material_and_copies_none_of_its_templates() -> None:
    """`overrides/` overrides Material's documented blocks (`main.html`) and copies none of its
    partials: a copy is Material's markup of one release, and hides the next release's."""
    import yaml

    from generator.settings import TolerantLoader

    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=TolerantLoader)
    custom = ROOT / config["theme"]["custom_dir"]
    assert sorted(p.relative_to(custom).as_posix() for p in custom.rglob("*") if p.is_file()) == ["main.html"]
    assert '{% extends "base.html" %}' in (custom / "main.html").read_text(encoding="utf-8")


HOOK_FIELDS = {
    "config.config_file_path": "MkDocsConfig: the config file's path",
    "config.site_dir": "MkDocsConfig: site_dir",
    "page.meta.get": "Page.meta, the front matter (a dict)",
    "page.meta": "Page.meta",
    "page.markdown": "Page.markdown, the Markdown after on_page_markdown (set to None once converted)",
    "page.content": "Page.content, the HTML after on_page_content",
    "page.file.src_uri": "Page.file, File.src_uri: the page's source path",
    "f.dest_uri": "File.dest_uri, of each file in Files",
}
"""The fields of MkDocs' objects that the hook reads or writes, each documented by MkDocs
(https://www.mkdocs.org/dev-guide/api/ and /dev-guide/plugins/#events)."""


MKDOCS_OBJECTS = {"config", "page", "files", "nav", "server", "builder", "env", "context", "error"}
"""The names MkDocs' events give the objects they pass (the others are strings and flags)."""


def test_the_hook_uses_only_documented_fields_of_what_mkdocs_passes() -> None:
    """A field without a leading underscore can still be a plugin's internal state (Material's
    `search_index_prev`), and a page has no field the hook may add (`page.briefing_html`):
    every field the hook reaches from an event's arguments is a documented one."""
    tree = ast.parse((PACKAGE / "publish" / "hooks.py").read_text(encoding="utf-8"))
    passed: set[str] = set()
    for function in tree.body:
        if isinstance(function, ast.FunctionDef) and function.name.startswith("on_"):
            passed |= {a.arg for a in function.args.args + function.args.kwonlyargs} & MKDOCS_OBJECTS
    for node in ast.walk(tree):  # `for f in files`: each item is passed by MkDocs too
        if isinstance(node, ast.comprehension | ast.For) and isinstance(node.iter, ast.Name):
            if node.iter.id in passed and isinstance(node.target, ast.Name):
                passed.add(node.target.id)
    inner = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
    reached = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and id(node) not in inner:
            base = node
            while isinstance(base, ast.Attribute):
                base = base.value
            if isinstance(base, ast.Name) and base.id in passed:
                reached.add(ast.unparse(node))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id.endswith("attr"):
            assert not any(isinstance(a, ast.Name) and a.id in passed for a in node.args), ast.unparse(node)
    assert reached <= set(HOOK_FIELDS), sorted(reached - set(HOOK_FIELDS))
    assert reached, "the check found no field at all: it no longer reads the hook"
