"""Seed formats: one module per format behind one registry keyed by file suffix.

A format turns a seed's decoded text into lines and stated metadata. It must never
clean, summarise or touch the disk: cleaning is shared by every format.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.formats import txt
from generator.formats.base import Draft

Parser = Callable[[str], Draft]

FORMATS: dict[str, Parser] = {
    "txt": txt.parse,
}
"""Format key (file suffix without the dot) to its parser."""

__all__ = ["FORMATS", "Draft", "Parser", "format_of"]


def format_of(filename: str) -> str | None:
    """The format key for a file name, or None when no format reads it."""
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    return suffix if suffix in FORMATS else None
