"""Where quotations are in a text: pairing quote marks, and sentence bounds around them.

Pure text geometry with character offsets: double marks (straight and curly) and curly
single marks, where `’` is also the apostrophe. It must never let a quotation cross a
paragraph break unless the next paragraph reopens it, so a stray mark cannot swallow the
rest of an article.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

_DOUBLE = '"“”„'
_OPENING = "“„‘"
_CLOSING = "”’"
_BEFORE_OPEN = "([{—–-/:"
_AFTER_CLOSE = ".,;:!?)]}—–-…"
_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "gov",
    "sen",
    "rep",
    "st",
    "jr",
    "sr",
    "gen",
    "lt",
    "col",
    "no",
    "vs",
    "inc",
    "co",
    "corp",
    "u.s",
    "u.k",
    "u.n",
    "prof",
    "capt",
    "sgt",
    "ft",
    "mt",
    "e.g",
    "i.e",
    "jan",
    "feb",
    "aug",
    "sept",
    "oct",
    "nov",
    "dec",
    "a.m",
    "p.m",
    "d.c",
}
_SENTENCE_GAP = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")


@dataclass(frozen=True)
class Span:
    """One quotation: offsets of its text (marks excluded) and of its paragraph."""

    start: int
    end: int
    para_start: int
    para_end: int
    continued: bool = False
    """True when the quotation runs on into the next paragraph."""


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Offsets of the non-empty lines of text."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]


def _role(par: str, i: int) -> str | None:
    """'open', 'close' or None (undecided) for the mark at par[i], from its neighbours."""
    prev = par[i - 1] if i > 0 else " "
    nxt = par[i + 1] if i + 1 < len(par) else " "
    open_ctx = (prev.isspace() or prev in _BEFORE_OPEN or prev in _DOUBLE) and not nxt.isspace()
    close_ctx = not prev.isspace() and (nxt.isspace() or nxt in _AFTER_CLOSE or nxt in _DOUBLE)
    if open_ctx and not close_ctx:
        return "open"
    if close_ctx and not open_ctx:
        return "close"
    return None


def _pair(par: str, marks: list[int], opens: str) -> tuple[list[tuple[int, int]], int | None]:
    """Pair top-level marks into (open, close) indices; also the index of a mark left open.

    A straight mark inside curly ones (or the reverse) nests one level; a second opener of
    the same style while one is open means the first was stray, so it is dropped.
    """
    pairs: list[tuple[int, int]] = []
    stack: list[tuple[int, bool]] = []
    for i in marks:
        straight = par[i] in "\"'"
        role = _role(par, i) or ("open" if par[i] in opens else "close" if par[i] in _CLOSING else None)
        if not stack:
            if role != "close" or i == len(par) - len(par.lstrip()):
                stack.append((i, straight))
        elif role == "open" and len(stack) == 1 and stack[0][1] != straight:
            stack.append((i, straight))
        elif role == "open" and par[i] in opens + '"':
            stack = [(i, straight)]
        else:
            opened = stack.pop()
            if not stack:
                pairs.append((opened[0], i))
    return pairs, stack[0][0] if stack else None


def _single_marks(par: str, taken: list[tuple[int, int]]) -> list[int]:
    """Curly single marks that can be quote marks (not apostrophes), outside double quotes."""
    found = []
    for i, ch in enumerate(par):
        if any(a <= i <= b for a, b in taken):
            continue
        nxt = par[i + 1] if i + 1 < len(par) else " "
        if ch == "‘" and _role(par, i) != "close":
            found.append(i)
        elif ch == "’" and not nxt.isalnum() and found and par[found[-1]] == "‘":
            found.append(i)
    return found


def _unclosed(par: str, open_at: int | None, next_par: str) -> int | None:
    """Keep a quotation left open only if the next paragraph reopens it or it opens this one."""
    if open_at is None:
        return None
    reopened = next_par.lstrip()[:1] in _DOUBLE + "‘"
    at_start = open_at == len(par) - len(par.lstrip())
    return open_at if reopened or at_start else None


def find_spans(text: str) -> list[Span]:
    """Every top-level quotation in text, in order."""
    spans: list[Span] = []
    pars = paragraphs(text)
    for n, (ps, pe) in enumerate(pars):
        par = text[ps:pe]
        next_par = text[pars[n + 1][0] : pars[n + 1][1]] if n + 1 < len(pars) else ""
        doubles, left = _pair(par, [i for i, c in enumerate(par) if c in _DOUBLE], "“„")
        left = _unclosed(par, left, next_par)
        taken = doubles + ([(left, len(par))] if left is not None else [])
        singles, left1 = _pair(par, _single_marks(par, taken), "‘")
        left1 = _unclosed(par, left1, next_par) if left is None else None
        found = [(a + 1, b, False) for a, b in doubles + singles]
        found += [(o + 1, len(par), True) for o in (left, left1) if o is not None]
        for a, b, cont in sorted(found):
            if par[a:b].strip():
                lead = len(par[a:b]) - len(par[a:b].lstrip())
                spans.append(Span(ps + a + lead, ps + len(par[:b].rstrip()), ps, pe, cont))
    return spans


def masked(text: str, spans: list[Span]) -> str:
    """text with quoted words blanked to `x` (first letter and final punctuation kept)."""
    chars = list(text)
    for span in spans:
        for i in range(span.start + 1, span.end - 1):
            if not chars[i].isspace():
                chars[i] = "x"
    return "".join(chars)


def sentence_bounds(plain: str, ps: int, pe: int, pos: int) -> tuple[int, int]:
    """Bounds of the sentence of the masked paragraph plain[ps:pe] that holds offset pos."""
    gaps = _sentence_gaps(plain, ps, pe)
    index = bisect.bisect_right(gaps, (pos, pos))
    start = ps
    for _, gap_end in gaps[max(0, index - 2) : index + 1]:
        if gap_end <= pos:
            start = gap_end
    after = next((g for g, _ in itertools.islice(gaps, max(0, index - 1), index + 1) if g >= pos), pe)
    return start, after


@lru_cache(maxsize=64)
def _sentence_gaps(plain: str, ps: int, pe: int) -> list[tuple[int, int]]:
    """Every sentence break of plain[ps:pe], once per paragraph (callers ask per sentence)."""
    gaps = []
    for m in _SENTENCE_GAP.finditer(plain, ps, pe):
        word = plain[max(ps, m.start() - 6) : m.start()].split()
        last = word[-1].rstrip('.!?"”’)').lower() if word else ""
        if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
            continue
        gaps.append((m.start(), m.end()))
    return gaps
