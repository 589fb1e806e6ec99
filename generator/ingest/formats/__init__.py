"""Seed formats: one module per format behind one registry keyed by format.

A format turns a seed's decoded text into lines and stated metadata, and may say how
its bytes declare their encoding. It must never clean, summarise or touch the disk:
cleaning is shared by every format, and only `read.py` reads files.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.errors import SeedError
from generator.ingest.formats import html, md, txt
from generator.ingest.formats.base import Draft, FormatError
from generator.models import Seed

Parser = Callable[[str], Draft]

FORMATS: dict[str, Parser] = {
    "txt": txt.parse,
    "md": md.parse,
    "html": html.parse,
}
"""Format key to its parser."""

SUFFIXES: dict[str, str] = {
    "txt": "txt",
    "md": "md",
    "markdown": "md",
    "html": "html",
    "htm": "html",
    "html.gz": "html",
    "htm.gz": "html",
}
"""File suffix (without the leading dot, lower case) to format key; `.gz` means gzip-compressed."""

DECLARED_ENCODING: dict[str, Callable[[bytes], str | None]] = {
    "html": html.declared_encoding,
}
"""Formats whose bytes may state their own encoding, and how to read that statement."""

__all__ = ["DECLARED_ENCODING", "FORMATS", "SUFFIXES", "Draft", "FormatError", "Parser", "format_of", "parse_seed"]


def format_of(filename: str) -> str | None:
    """The format key for a file name (longest matching suffix), or None when no format reads it."""
    name = filename.lower()
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if name.endswith("." + suffix) and len(name) > len(suffix) + 1:
            return SUFFIXES[suffix]
    return None


def parse_seed(seed: Seed) -> Draft:
    """The seed's format parser on its text; a format's complaint becomes a `SeedError` naming the file."""
    try:
        return FORMATS[seed.format](seed.text)
    except FormatError as error:
        raise SeedError(seed.path, str(error)) from error
