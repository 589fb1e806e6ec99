"""Summarisation strategies behind `generator.analysis.summarize`: one module per concern.

`document` turns an article into candidate sentences and a sumy document, `stock` wraps
sumy's summarisers, `centrality` scores sentences on one tf-idf graph, `signals` holds our
sentence-level cues, `features` turns both into numbers and `briefing` is the default.
Nothing in this package does I/O or downloads data.
"""
