"""Plain text as pasted from a web page: title on the first line, then the article."""

from __future__ import annotations

from generator.ingest.formats.base import Draft


def parse(text: str) -> Draft:
    """Split pasted text into lines; the cleaning stage decides what each line is."""
    return Draft(lines=tuple(line.strip() for line in text.split("\n")))
