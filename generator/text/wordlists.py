"""Word-list rule files: YAML mappings of rule name to a list of words, read as frozen sets.

Shared by the rule-driven stages (`entities`, `figures`). It reads the one file it is given
and must never fall back to a default list or silently coerce a non-string entry.
"""

from __future__ import annotations

from pathlib import Path

import yaml

# libyaml's safe loader when PyYAML has it (the wheels do): the same values, read many times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_word_lists(path: Path) -> dict[str, frozenset[str]]:
    """Read a rules file into named word sets."""
    return _word_lists(yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER), path)


def _word_lists(raw: dict[str, list[object]], path: Path) -> dict[str, frozenset[str]]:
    """Rule lists as sets; a non-string entry (YAML reads a bare `on` as true) is an error."""
    for key, values in raw.items():
        bad = [v for v in values if not isinstance(v, str)]
        if bad:
            raise ValueError(f"{path}: {key}: entries must be strings (quote them): {bad}")
    return {key: frozenset(str(v) for v in values) for key, values in raw.items()}
