"""Names in a run of words: tokens with offsets, capitalised runs, titles stripped, person or body.

Pure functions over word tokens `(start, end, word)` of one text, driven by the word sets in
`speaker_words`. It must never decide a name from outside knowledge: only capitalisation,
titles and the words around a run count.
"""

from __future__ import annotations

import re

from generator.analysis.quotes.words import (
    BODY_HEADS,
    DETERMINERS,
    HONORIFICS,
    INTRO_WORDS,
    NAME_CONNECTORS,
    PREPOSITIONS,
    TITLE_WORDS,
)

Token = tuple[int, int, str]
"""A word with its absolute start and end offsets in the text."""

_TOKEN = re.compile(r"[\w’'.\-&]+")
_CAPITAL = re.compile(r"^[A-Z][\w’'.\-&]*$")
_POSSESSIVE = re.compile(r"[’']s$")


def tokens(text: str, offset: int = 0) -> list[Token]:
    """Word tokens of text with absolute offsets."""
    return [(m.start() + offset, m.end() + offset, m.group()) for m in _TOKEN.finditer(text)]


def is_capital(word: str) -> bool:
    """Whether a word is capitalised and not a sentence-opening function word."""
    return bool(_CAPITAL.match(word)) and word.lower() not in INTRO_WORDS


def trailing_name(toks: list[Token]) -> list[Token]:
    """The run of capitalised tokens at the end of a token list (connectors allowed)."""
    run: list[Token] = []
    for tok in reversed(toks):
        word = tok[2]
        if is_capital(word) or (run and word.lower() in NAME_CONNECTORS):
            run.insert(0, tok)
        else:
            break
    while run and run[0][2].lower() in NAME_CONNECTORS:
        run.pop(0)
    return run


def _strip_titles(run: list[Token]) -> list[Token]:
    """Drop leading job titles (`President`, `Defence Minister`) when a name follows them."""
    last_title = -1
    for i, (_, _, word) in enumerate(run[:-1]):
        if word.lower() in TITLE_WORDS or _POSSESSIVE.search(word):
            last_title = i
    if last_title >= 0 and run[last_title + 1][2].lower() == "of":
        return run
    return run[last_title + 1 :]


def segment_name(toks: list[Token]) -> list[Token] | None:
    """The name a comma-separated noun-phrase segment gives, or None for a title or clause."""
    if not toks:
        return None
    words = [t[2].lower().rstrip(",") for t in toks]
    if words[-1] in TITLE_WORDS or _POSSESSIVE.search(toks[-1][2]):
        return None
    run = trailing_name(toks)
    if not run:
        return None
    before = words[: len(toks) - len(run)]
    while before and before[-1] in DETERMINERS:
        before.pop()
    if before and before[-1] in PREPOSITIONS:
        return None
    named = _strip_titles(run)
    if len(named) > 1 and named[0][2].lower() in TITLE_WORDS:
        named = named[1:]
    return named or None


def person_like(name_toks: list[Token], had_title: bool) -> bool:
    """Whether a name reads as a person's rather than a body's or a place's."""
    words = [t[2].lower().rstrip(".") for t in name_toks]
    if words[0] in {h.rstrip(".") for h in HONORIFICS}:
        return True
    if words[-1] in BODY_HEADS or words[0] == "the" or any(w in BODY_HEADS for w in words):
        return False
    return had_title or len(words) >= 2
