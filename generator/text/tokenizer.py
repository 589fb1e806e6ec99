"""Offline sentence and word tokenizer with sumy's tokenizer interface.

sumy's own `Tokenizer` loads NLTK Punkt data at run time, which cannot be downloaded
here. This one splits sentences with pysbd (rule based, ships everything it needs) and
words with a regular expression. It must never fetch data or touch the disk.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pysbd

# pysbd keeps a sentence going after a question or exclamation mark inside closing
# quotes (`?’ Nobody`), which news prose does all the time.
_QUOTE_END_SPLIT = re.compile(r"(?<=[?!][’”\"'])\s+(?=[A-Z“‘\"])")
# pysbd slows down sharply on very long inputs; longer paragraphs are cut at likely
# sentence ends first, and each piece is split on its own.
_CHUNK_CHARS = 4000
_ROUGH_END = re.compile(r"(?<=[a-z]{4}[.!?])\s+(?=[\"“‘'(\[]?[A-Z])")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+(?:[-'’.]\w+)*", re.UNICODE)
_ALPHA = re.compile(r"\w", re.UNICODE)

# pysbd knows these languages; others fall back to English rules, which still split on
# terminal punctuation.
_PYSBD_LANGUAGES = {
    "english": "en",
    "german": "de",
    "french": "fr",
    "spanish": "es",
    "italian": "it",
    "dutch": "nl",
    "russian": "ru",
    "portuguese": "en",
    "czech": "en",
    "greek": "el",
    "polish": "pl",
    "danish": "da",
    "chinese": "zh",
    "japanese": "ja",
    "arabic": "ar",
}


@lru_cache(maxsize=8)
def _segmenter(code: str) -> pysbd.Segmenter:
    return pysbd.Segmenter(language=code, clean=False, char_span=False)


class SentenceTokenizer:
    """Drop-in for `sumy.nlp.tokenizers.Tokenizer` that needs no downloaded data."""

    def __init__(self, language: str = "english") -> None:
        self._language = language.lower()
        self._code = _PYSBD_LANGUAGES.get(self._language, "en")

    @property
    def language(self) -> str:
        """The language name sumy's stemmer and stop words use."""
        return self._language

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        """Split one paragraph into sentences, whitespace-trimmed, none empty."""
        return _split(self._code, " ".join(paragraph.split()))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        """Word tokens of a sentence, punctuation dropped."""
        return tuple(w for w in _WORD.findall(sentence) if _ALPHA.search(w))


@lru_cache(maxsize=16384)
def _split(code: str, text: str) -> tuple[str, ...]:
    # Cached: every stage splits the same paragraphs, and pysbd is the slowest step.
    pieces: list[str] = []
    for chunk in _chunks(text) if text else ():
        for sentence in _segmenter(code).segment(chunk):
            pieces.extend(_QUOTE_END_SPLIT.split(sentence))
    return tuple(p.strip() for p in pieces if p.strip())


def _chunks(text: str) -> list[str]:
    """`text` in pieces of about `_CHUNK_CHARS`, cut only where a sentence likely ends."""
    if len(text) <= _CHUNK_CHARS:
        return [text]
    chunks: list[str] = []
    start = 0
    while len(text) - start > _CHUNK_CHARS:
        window = (start + _CHUNK_CHARS // 2, start + _CHUNK_CHARS)
        cut = _ROUGH_END.search(text, *window) or _SPACE.search(text, *window)
        end = cut.start() if cut else start + _CHUNK_CHARS
        chunks.append(text[start:end])
        start = end
    chunks.append(text[start:])
    return chunks
