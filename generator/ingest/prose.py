"""Pure: does a pasted line read as article prose, does it speak to the reader, and was it hard-wrapped.

Cleaning asks these before it removes anything by position or by cue, so that an article's
own sentences are never taken for site furniture. Shape only: no site's wording, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from generator.text.tokenizer import SentenceTokenizer

_PROSE_MIN_WORDS = 3
_LOWER_SHARE = 0.3
_LONG_WORDS = 40
# A hard-wrapped paste: lines between these widths, and at least two (and half) that fill the width.
_MIN_WRAP_WIDTH = 50
_MAX_WRAP_WIDTH = 100
_FULL_LINE_SHARE = 0.85
_FULL_LINES = 2

# Final punctuation, perhaps followed by a wire service's stray tag ("&UR; kl", "(aos)").
_FINAL = re.compile(r"[.!?…][\"”’'»)\]]*(?:\s+\S+){0,2}$")
_SENTENCE_END = re.compile(r"[a-z][.!?][\"”’']?\s+\S")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|''.*?''|‘[^’]*’(?!\w)")
# The reader addressed: "your", the outlet's "our" and "us", or an imperative a prompt starts with
# (a bare "you" is as often the generic one of news prose: "you have to agree to...").
_READER = re.compile(
    r"(?-i:\b(?:[Yy]ours?|[Oo]ur|us)\b)|^(?:please\s+)?(?:sign|subscribe|follow|share|click|tap|download|join|"
    r"read|see|watch|listen|like|email|contact|send|register|log|support|donate|get|stay|check|visit|"
    r"do remember|don’t miss|don't miss|thank)\b",
    re.IGNORECASE,
)
_sentences = SentenceTokenizer("english").to_sentences


def reads_as_prose(text: str) -> bool:
    """Sentences, not a label: enough words, mostly lower-case ones, and final punctuation with
    quotes closed (in a long paragraph, one sentence end anywhere is enough: a paste loses a full stop)."""
    words = text.split()
    lower = sum(1 for w in words[1:] if w[:1].islower())
    if len(words) < _PROSE_MIN_WORDS or lower < _LOWER_SHARE * (len(words) - 1):
        return False
    if len(words) > _LONG_WORDS:
        return bool(_FINAL.search(text) or _SENTENCE_END.search(text))
    return bool(_FINAL.search(text)) and _quotes_closed(text)


def _quotes_closed(text: str) -> bool:
    # A quotation may go on into the next paragraph (news leaves it open); one closed that never opened may not.
    return text.count("”") <= text.count("“")


def addresses_reader(text: str) -> bool:
    """The line speaks to its reader outside any quotation ("follow us", "your inbox", "Sign up")."""
    return bool(_READER.search(unquoted(text)))


def unquoted(text: str) -> str:
    """The text without the quotations inside it (what a speaker said is not the page's furniture);
    a line that is one quotation stays whole."""
    outside = " ".join(_QUOTED.sub(" ", text).split())
    return outside if len(outside.split()) >= 2 else text


def sentences(paragraph: str) -> tuple[str, ...]:
    """The paragraph's sentences, in order."""
    return _sentences(paragraph)


# Words a sentence or a heading cannot end on: a line ending with one goes on in the next line.
_OPEN_WORDS = frozenset(
    "a an the and or but nor of to in on at by for from with into as than that which who whom whose "
    "is are was were be been has have had will would can could should may might its their his her our".split()
)


def ends_open(line: str) -> bool:
    """The line stops on a word no sentence ends with ("which", "the", "of"): it was wrapped."""
    words = line.split()
    return bool(words) and words[-1].lower() in _OPEN_WORDS


def wrap_width(lines: list[str]) -> int | None:
    """The column a hard-wrapped paste was wrapped at, or None when its lines are not wrapped.
    Only lines that another line follows count: a long line standing alone was not wrapped."""
    lengths = [len(line) for line, after in zip(lines, lines[1:], strict=False) if line and after]
    fitting = [n for n in lengths if n <= _MAX_WRAP_WIDTH]
    # A word longer than the width stands on a line of its own: a few such lines do not unmake the wrap.
    if len(fitting) < 0.9 * len(lengths) or not fitting or max(fitting) < _MIN_WRAP_WIDTH:
        return None
    width = max(fitting)
    full = sum(1 for n in lengths if n >= _FULL_LINE_SHARE * width)
    return width if full >= max(_FULL_LINES, len(lengths) / 2) else None


def wrapped_here(previous: str, line: str, width: int) -> bool:
    """The break was the wrap's: the line's first word would not have fitted on the previous line
    (after two spaces, as typed text puts after a full stop or a colon)."""
    first = line.split(maxsplit=1)[0]
    return len(previous) + 2 + len(first) > width


_TITLE_SEPARATOR = re.compile(r"(?:\s+[|–—-]\s+|\s*::\s*)")
_MIN_HEADLINE_WORDS = 4


def folded(text: str) -> str:
    """Lower-case words without punctuation: how a repeated headline is compared with the title."""
    return " ".join(re.sub(r"[^\w\s]", "", text.lower().replace("’", "").replace("'", "")).split())


def title_forms(title: str) -> set[str]:
    """The folded title, without a " - Site" / "Site | " segment, and without its first word."""
    forms = {folded(title)}
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) > 1:
        forms |= {folded(" ".join(parts[:-1])), folded(" ".join(parts[1:]))}
    for form in list(forms):
        words = form.split()
        if len(words) > _MIN_HEADLINE_WORDS:
            forms.add(" ".join(words[1:]))
    return {form for form in forms if len(form.split()) >= min(_MIN_HEADLINE_WORDS, len(folded(title).split()))}


def repeats_title(line: str, title: str) -> bool:
    """The line is the title again: equal but for case, punctuation, a site's name or the first word."""
    return bool(title) and folded(line) in title_forms(title)


def without_site(title: str, names_publisher: Callable[[str], bool]) -> str:
    """The title without a " - Site" suffix or "Site | " prefix that names the publisher."""
    suffix = re.match(r"^(?P<rest>.+)" + _TITLE_SEPARATOR.pattern + r"(?P<site>[^|–—:]+)$", title)
    if suffix and names_publisher(suffix["site"]) and len(suffix["rest"].split()) >= _MIN_HEADLINE_WORDS:
        return suffix["rest"].strip()
    prefix = re.match(r"^(?P<site>[^|–—:]+?)" + _TITLE_SEPARATOR.pattern + r"(?P<rest>.+)$", title)
    if prefix and names_publisher(prefix["site"]) and len(prefix["rest"].split()) >= _MIN_HEADLINE_WORDS:
        return prefix["rest"].strip()
    return title
