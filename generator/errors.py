"""The exceptions Briefing raises on purpose; anything else is a bug."""

from __future__ import annotations


class BriefingError(Exception):
    """Base of every error Briefing reports to the user."""


class SeedError(BriefingError):
    """A seed that cannot be used; costs that seed only."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ConfigError(BriefingError):
    """Settings in `mkdocs.yml` that are missing, unknown or of the wrong type."""


class BuildError(BriefingError):
    """The build cannot go on (e.g. `--strict` with problems, unwritable output)."""
