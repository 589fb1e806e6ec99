"""The README documents every command, option and setting (a missing one fails here)."""

from __future__ import annotations

import argparse
import re

from builders import ROOT

from generator.cli import _parser

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(parser: argparse.ArgumentParser, prefix: str = "") -> list[tuple[str, argparse.ArgumentParser]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.append((f"{prefix}{name}", sub))
                found.extend(_commands(sub, f"{prefix}{name} "))
    return found


def test_every_command_and_option_is_in_the_readme() -> None:
    missing = []
    for name, sub in _commands(_parser()):
        if f"python -m generator {name}" not in README:
            missing.append(f"command: {name}")
        for action in sub._actions:
            long = [o for o in action.option_strings if o.startswith("--") and o != "--help"]
            if long and not any(option in README for option in long):
                missing.append(f"{name} {long[0]}")
    assert not missing, f"undocumented in README.md: {missing}"


def test_make_targets_are_in_the_readme() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = re.findall(r"^## ([a-z]+):", makefile, re.MULTILINE)
    assert "site" in targets and "test" in targets
    for target in targets:
        assert f"make {target}" in README, target
