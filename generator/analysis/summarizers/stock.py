"""sumy's stock summarisers, and the Lead baseline, as strategies over `Candidates`.

Each wrapper configures a sumy summariser (public classes only) with sumy's stemmer and
stop words for the article's language and maps its choice back to candidate indices.
Nothing here may use sumy's default tokenizer or private names, the global random
generator, or touch the disk.
"""

from __future__ import annotations

import random
import zlib
from collections import Counter
from collections.abc import Callable
from typing import Any

from sumy.summarizers.edmundson import EdmundsonSummarizer
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from generator.analysis.summarizers.document import Candidates, Strategy
from generator.text.words import stemmer, stop_words

# Words that mark a sentence as talk about the page rather than the story; generic web
# furniture, used as Edmundson's stigma words.
_STIGMA = (
    "click",
    "subscribe",
    "newsletter",
    "advertisement",
    "cookie",
    "cookies",
    "share",
    "follow",
    "copyright",
    "sign",
    "download",
    "app",
    "photo",
    "video",
    "caption",
)
_KEY_WORDS = 10
"""How many of the article's most frequent content words count as Edmundson bonus words."""


def run_sumy(summarizer: Callable[[Any, int], Any], candidates: Candidates, count: int) -> tuple[int, ...]:
    """Run a sumy summariser and map the sentences it picked to candidate indices."""
    if not candidates.texts:
        return ()
    position = {id(s): i for i, s in enumerate(candidates.sentences)}
    picked = summarizer(candidates.document, count)
    return tuple(position[id(s)] for s in picked if id(s) in position)


def _with_stop_words(factory: Callable[..., Any]) -> Strategy:
    """Strategy for a sumy summariser that takes a stemmer and stop words."""

    def strategy(candidates: Candidates, count: int) -> tuple[int, ...]:
        summarizer = factory(stemmer(candidates.language))
        summarizer.stop_words = stop_words(candidates.language)
        return run_sumy(summarizer, candidates, count)

    strategy.__doc__ = f"sumy's {factory.__name__} with stemmer and stop words."
    return strategy


def _edmundson(candidates: Candidates, count: int) -> tuple[int, ...]:
    """Edmundson with title and frequent words as bonus, furniture as stigma words."""
    stems = stemmer(candidates.language)
    null = stop_words(candidates.language) or frozenset({"the"})
    summarizer = EdmundsonSummarizer(stems, cue_weight=1.0, key_weight=1.0)
    words = [
        w.lower()
        for s in candidates.texts
        for w in candidates.tokenizer.to_words(s)
        if w.lower() not in null and not w.isdigit()
    ]
    title = [w.lower() for w in candidates.tokenizer.to_words(candidates.title)]
    frequent = [w for w, _ in Counter(words).most_common(_KEY_WORDS)]
    summarizer.bonus_words = [w for w in title if w not in null] + frequent
    summarizer.stigma_words = _STIGMA
    summarizer.null_words = null
    return run_sumy(summarizer, candidates, count)


def _random(candidates: Candidates, count: int) -> tuple[int, ...]:
    """Random sentences, the same ones every time for the same text.

    sumy's RandomSummarizer draws from the global generator, which a build must not touch,
    and seeding it needs a private method; a generator of our own, seeded from the text,
    draws the same way: every sentence equally likely.
    """
    seed = zlib.crc32("\n".join(candidates.texts).encode("utf-8"))
    n = len(candidates.texts)
    return tuple(random.Random(seed).sample(range(n), min(count, n)))


def lead(candidates: Candidates, count: int) -> tuple[int, ...]:
    """The first `count` sentences: the classic news baseline."""
    return tuple(range(min(count, len(candidates.texts))))


STOCK: dict[str, Strategy] = {
    "lexrank": _with_stop_words(LexRankSummarizer),
    "textrank": _with_stop_words(TextRankSummarizer),
    "lsa": _with_stop_words(LsaSummarizer),
    "luhn": _with_stop_words(LuhnSummarizer),
    "edmundson": _edmundson,
    "sumbasic": _with_stop_words(SumBasicSummarizer),
    "kl": _with_stop_words(KLSummarizer),
    "reduction": _with_stop_words(ReductionSummarizer),
    "random": _random,
}
"""Every stock sumy summariser by its sumy command-line name."""
