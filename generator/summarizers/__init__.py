"""Summarisation strategies behind `generator.summarize`: one module per concern.

`document` turns an article into candidate sentences and a sumy document, `stock` wraps
sumy's summarisers, `signals` holds our sentence-level cues and `briefing` is the default.
Nothing in this package does I/O or downloads data.
"""
