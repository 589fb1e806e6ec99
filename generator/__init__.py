"""Briefing: turn news articles in `seeds/` into a browsable MkDocs briefing site."""

__version__ = "0.1.0"
