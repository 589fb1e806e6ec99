"""Who said a quote: the speaker mention next to a cue verb, a pronoun, or a relaying agency.

Rules are data (`speaker_cues`, `speaker_words`) applied to one text with character offsets;
names within a phrase are found by `speaker_names`. It only reads the text it is given: it
must never guess a speaker from outside knowledge (name lists, the network) or return a
mention that is not written in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.analysis.quotes.names import Token, is_capital, person_like, segment_name, tokens, trailing_name
from generator.analysis.quotes.words import (
    ADVERB_LIKE,
    COLLECTIVES,
    DETERMINERS,
    INTRO_WORDS,
    MEDIA_WORDS,
    PREPOSITIONS,
    PRONOUNS,
    SKIPPABLE,
    TITLE_WORDS,
)


@dataclass(frozen=True)
class Mention:
    """A speaker mention as written (offsets into the text) and the name it stands for."""

    start: int
    end: int
    written: str
    name: str | None
    is_pronoun: bool = False
    is_person: bool = False


def _segments(text: str, start: int, end: int) -> list[list[Token]]:
    """Comma/dash separated token segments of text[start:end], parentheses blanked."""
    region = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group()), text[start:end])
    parts: list[list[Token]] = []
    last = 0
    for m in re.finditer(r"[,;—–]|\s-\s", region):
        parts.append(tokens(region[last : m.start()], start + last))
        last = m.end()
    parts.append(tokens(region[last:], start + last))
    return [p for p in parts if p]


def _mention(text: str, toks: list[Token], name: str | None, pronoun: bool = False, person: bool = False) -> Mention:
    """A Mention covering the given tokens."""
    return Mention(toks[0][0], toks[-1][1], text[toks[0][0] : toks[-1][1]], name, pronoun, person)


def _named(text: str, seg: list[Token], others: list[list[Token]]) -> Mention | None:
    """The named mention a segment gives, if any; titles in other segments mark a person."""
    run = segment_name(seg)
    if run is None:
        return None
    name = text[run[0][0] : run[-1][1]].rstrip(",.")
    had_title = len(run) < len(seg) or len(others) > 1
    return _mention(
        text,
        run,
        name,
        person=person_like(run, had_title and any(t[2].lower() in TITLE_WORDS for s in others for t in s)),
    )


def _nominal(text: str, seg: list[Token]) -> Mention | None:
    """A short unnamed noun phrase (`the announcer`, `officials`) kept as written."""
    if not seg or len(seg) > 6 or seg[0][2].lower() in INTRO_WORDS | PREPOSITIONS:
        return None
    first = seg[0][2]
    if (
        first.lower() in DETERMINERS
        or is_capital(first)
        or (len(seg) == 1 and seg[0][2].lower() in TITLE_WORDS | COLLECTIVES)
    ):
        return _mention(text, seg, None)
    return None


def subject_before(text: str, start: int, end: int) -> Mention | None:
    """The speaker mention at the end of text[start:end], just before a cue verb."""
    segs = _segments(text, start, end)
    while segs:
        word = segs[-1][-1][2]
        if word.lower() not in SKIPPABLE | ADVERB_LIKE and not (word.endswith("ly") and word.islower()):
            break
        segs[-1] = segs[-1][:-1]
        if not segs[-1]:
            segs.pop()
    if not segs:
        return None
    last = segs[-1]
    if last[-1][2].lower() in PRONOUNS:
        return _mention(text, last[-1:], None, pronoun=True)
    for seg in reversed(segs[-3:]):
        found = _named(text, seg, segs)
        if found:
            return found
    tail = last
    for i, tok in enumerate(last):
        if tok[2].lower() in PREPOSITIONS | {"and", "but", "or"}:
            tail = last[i + 1 :]
    if len(tail) < len(last):
        # `X chimed in on Twitter, saying`: a name after a preposition is where, not who.
        lead = leading_subject(text, last[0][0], last[-1][1])
        if lead and (lead.is_person or lead.is_pronoun):
            return lead
    return _nominal(text, tail)


def subject_after(text: str, start: int, end: int) -> Mention | None:
    """The speaker mention at the start of text[start:end], e.g. right after a quote."""
    segs = _segments(text, start, end)
    for seg in segs[:3]:
        if seg[0][2].lower() in PRONOUNS:
            return _mention(text, seg[:1], None, pronoun=True)
        found = _named(text, seg, segs)
        if found:
            return found
    return _nominal(text, segs[0]) if segs else None


def leading_subject(text: str, start: int, end: int) -> Mention | None:
    """The grammatical subject a sentence text[start:end] opens with, if it is a name."""
    for seg in _segments(text, start, end)[:3]:
        if seg[0][2].lower() in INTRO_WORDS:
            continue
        toks: list[Token] = []
        for i, tok in enumerate(seg):
            word = tok[2]
            nxt = seg[i + 1][2] if i + 1 < len(seg) else ""
            if (
                is_capital(word)
                or word.lower() in DETERMINERS | TITLE_WORDS
                or (nxt and (is_capital(nxt) or nxt.lower() in TITLE_WORDS))
            ):
                toks.append(tok)
            else:
                break
        if len(toks) == 1 and toks[0][2].lower() in PRONOUNS:
            return _mention(text, toks, None, pronoun=True)
        return _named(text, toks, [toks]) if toks else None
    return None


def agency_name(text: str, start: int, end: int) -> str | None:
    """A relaying outlet's name in text[start:end] (`Interfax news agency` -> `Interfax`)."""
    region = text[start:end]
    media = "|".join(re.escape(w) for w in MEDIA_WORDS)
    m = re.search(r"((?:[A-Z][\w.&’'-]*\s+)*[A-Z][\w.&-]*)\s+(?:" + media + r")\b", region)
    if m:
        return m.group(1).split("’")[0].strip()
    run = trailing_name(tokens(region))
    return " ".join(t[2] for t in run).strip(",.") or None


def is_outlet(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] names a news outlet (`TASS news agency`)."""
    media = "|".join(re.escape(w) for w in MEDIA_WORDS)
    return bool(re.match(r"\s*(?:[A-Z][\w.&-]*\s+)+(?:" + media + r")\b", text[start:end]))
