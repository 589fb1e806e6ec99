"""Words of a language: sumy's stop words and its stemmer, the one source every stage uses.

A missing language gives no stop words and lower-casing for a stem, never an error. It must
never download data (sumy's stemmers and stop-word lists ship with it).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from sumy.nlp.stemmers import Stemmer
from sumy.utils import get_stop_words


@lru_cache(maxsize=8)
def stop_words(language: str) -> frozenset[str]:
    """sumy's stop words for a language, empty when sumy has none."""
    try:
        return frozenset(get_stop_words(language))
    except LookupError:
        return frozenset()


@lru_cache(maxsize=8)
def stemmer(language: str) -> Callable[[str], str]:
    """sumy's stemmer for a language (memoised: news repeats words), else lower-casing."""
    try:
        return lru_cache(maxsize=1 << 16)(Stemmer(language))
    except LookupError:
        return str.lower
