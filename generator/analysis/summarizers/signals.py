"""Sentence-level cues for the default summariser: dangling openers and page furniture.

These are language-generic patterns of web pages plus a short list of English openers that
need the previous sentence to make sense. Lists are about grammar and web pages in general,
never phrases taken from evaluation data. Nothing here may read files or keep state.
"""

from __future__ import annotations

import re

# Openers that point back to something earlier: without the sentence before, a reader
# cannot tell who "he" is or what "this" refers to.
_DANGLING_ENGLISH = frozenset(
    {
        "he",
        "she",
        "it",
        "they",
        "we",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "its",
        "their",
        "him",
        "them",
        "there",
        "but",
        "and",
        "or",
        "so",
        "yet",
        "also",
        "however",
        "still",
        "meanwhile",
        "instead",
        "moreover",
        "furthermore",
        "besides",
        "thus",
        "therefore",
        "hence",
        "then",
        "nevertheless",
        "nonetheless",
        "otherwise",
        "likewise",
        "similarly",
        "such",
        "both",
        "another",
        "others",
        "afterwards",
        "indeed",
    }
)
_FIRST_WORD = re.compile(r"^[\W_]*([A-Za-z]+)(?:['’](?:s|re|ve|ll|d|m))?\b")
_LOWER_START = re.compile(r"^[\W_]*[a-z]")
_SAID_OPENER = re.compile(r"^[\"“‘']?\s*(?:he|she|they|it)\s+(?:said|added|says|adds)\b", re.I)

_URL_OR_HANDLE = re.compile(r"https?://|www\.|\S+@\S+\.\w+|(?:^|\s)@\w{2,}|#\w{3,}")
_TIMESTAMP = re.compile(r"\b\d{1,2}:\d{2}\s*(?:[AP]M|GMT|BST|EST|EDT|PST|UTC|CET)\b", re.I)
_FURNITURE_WORDS = re.compile(
    r"\b(?:click|subscribe|newsletter|sign up|log in|cookies?|advertisement|"
    r"all rights reserved|copyright|read more|scroll down|share (?:this|on)|"
    r"follow (?:us|me|him|her)|image (?:copyright|caption)|photo(?:graph)?:|"
    r"getty images|published:|updated:|last modified|pictured)\b"
    r"|\((?:left|right|above|below|top|bottom|centre|center|pictured)\)",
    re.I,
)
# A byline or a photo credit: who wrote the page or took its pictures, never the story.
_BYLINE = re.compile(r"^\W*(?i:by|written by|reporting by|words by|(?:photos?|images?|pictures?) by)[\s.]+[A-Z]")
_CREDIT = re.compile(
    r"(?:^|[(\[|])\s*(?:photo|image|picture|credit)s?\s*(?:credit)?\s*[:/]\s*\S"
    r"|\b(?:AP|AFP|Reuters|Getty)\s*(?:Photo|Images)\b",
    re.I,
)
_FRAGMENT_WORDS = 12
"""A line this short without a full stop is a headline, label or byline, not a story sentence."""
_BYLINE_WORDS = 5
"""A byline with a full stop ("By . Staff Reporter .") is this short; "By May, prices fell." is longer."""
_TERMINAL = re.compile(r"[.!?…][\"”’')\]]*$")
# A short capitalised label and a colon before a capitalised phrase ("Behind bars: The
# suspects ..."): how photo captions read, and how they run into the text when a page's
# captions are kept inline without their own full stop.
_CAPTION_LABEL = re.compile(r"(?:^|[\w,')]\s+)[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,4}:\s+(?=[A-Z‘'\"“])")


def is_dangling(text: str, language: str = "english") -> bool:
    """True when the sentence opens by pointing back to one before it."""
    if _LOWER_START.match(text):
        return True
    if language != "english":
        return False
    if _SAID_OPENER.match(text):
        return True
    match = _FIRST_WORD.match(text)
    return match is not None and match.group(1).lower() in _DANGLING_ENGLISH


def furniture(text: str, words: int) -> float:
    """How much a sentence looks like page furniture rather than story, 0 to 1."""
    score = 0.0
    if _URL_OR_HANDLE.search(text) or _FURNITURE_WORDS.search(text) or is_credit(text, words):
        score += 0.6
    if _TIMESTAMP.search(text):
        score += 0.4
    if not _TERMINAL.search(text.strip()):
        score += 0.3
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) > 0.6 * len(letters) and words > 2:
        score += 0.4
    if words < 4:
        score += 0.3
    return min(score, 1.0)


def is_credit(text: str, words: int) -> bool:
    """True for a byline, a photo credit or a headline-like fragment: never a summary sentence."""
    if _CREDIT.search(text):
        return True
    if words <= _FRAGMENT_WORDS and not _TERMINAL.search(text.strip()):
        return True
    return words <= _BYLINE_WORDS and _BYLINE.search(text) is not None


def caption_label(text: str) -> float:
    """1 when the sentence holds a caption-style label ("Pictured: The ..."), else 0."""
    return 1.0 if _CAPTION_LABEL.search(text) else 0.0


def is_quote(text: str) -> bool:
    """True when the sentence opens with a quotation mark: mostly a voice, not the facts."""
    return text.lstrip()[:1] in {'"', "“", "‘", "'", "«"}


_QUOTED = re.compile(r"[\"“”][^\"“”]{3,}[\"“”]")


def quoted_parts(text: str) -> tuple[str, ...]:
    """The spans of the sentence inside double quotation marks, marks included."""
    return tuple(m.group(0) for m in _QUOTED.finditer(text))


def quoted_share(text: str) -> float:
    """Share of the sentence's characters inside double quotation marks, 0 to 1."""
    inside = sum(len(m.group(0)) for m in _QUOTED.finditer(text))
    return min(inside / max(len(text), 1), 1.0)
