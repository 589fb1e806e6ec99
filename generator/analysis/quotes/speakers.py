"""Who said a quote: the speaker mention next to a cue verb, a pronoun, or a relaying agency.

Rules are data (`speaker_cues`, `speaker_words`) applied to one text with character offsets;
names within a phrase are found by `speaker_names`. It only reads the text it is given: it
must never guess a speaker from outside knowledge (name lists, the network) or return a
mention that is not written in the text.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from generator.analysis.quotes.names import Token, is_capital, person_like, segment_name, tokens, trailing_name
from generator.analysis.quotes.verbs import VERB
from generator.analysis.quotes.words import (
    ADVERB_LIKE,
    COLLECTIVES,
    DETERMINERS,
    DOCUMENT_WORDS,
    INTRO_WORDS,
    MEDIA_WORDS,
    PREPOSITIONS,
    PRONOUNS,
    SKIPPABLE,
    TITLE_WORDS,
)

_ISSUER_TOKENS = 12
"""Longest phrase searched for an issuer (`a statement on Gov. Sam Brownback's campaign website`)."""


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


_ABBREVIATIONS = frozenset({"jr", "sr", "inc", "ltd", "co", "corp", "bros", "st", "plc"})
"""Words whose full stop is their own, not the sentence's."""


def _mention(text: str, toks: list[Token], name: str | None, pronoun: bool = False, person: bool = False) -> Mention:
    """A Mention covering the given tokens, without the full stop of a sentence they end."""
    end = toks[-1][1] - _sentence_stop(toks[-1][2])
    return Mention(toks[0][0], end, text[toks[0][0] : end], name, pronoun, person)


def _sentence_stop(word: str) -> int:
    """1 when `word` ends with a full stop that is the sentence's (`mayor.`), not its own
    (an initial `J.`, `U.S.`, `Jr.`); else 0."""
    if not word.endswith(".") or "." in word[:-1]:
        return 0
    bare = word[:-1]
    return 0 if len(bare) <= 1 or bare.lower() in _ABBREVIATIONS else 1


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
    if seg and seg[0][2].lower() in DETERMINERS and len(seg) <= _ISSUER_TOKENS:
        issuer = _issuer(text, seg)
        if issuer:
            return issuer
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


def _issuer(text: str, seg: list[Token]) -> Mention | None:
    """Who issued a statement or a post the phrase names (`a statement from X`, `X’s website`), if anyone."""
    words = [t[2].lower().rstrip(".,") for t in seg]
    if not any(word in DOCUMENT_WORDS for word in words):
        return None
    for i, tok in enumerate(seg):
        if words[i] in {"from", "by", "of"}:
            run = _leading_run(seg[i + 1 :])
            run = (segment_name(run) or run) if run else run
            if run:
                return _mention(text, run, text[run[0][0] : run[-1][1]], person=person_like(run, False))
        if re.search(r"[’']s$", tok[2]) and is_capital(tok[2]):
            run = [*trailing_name(seg[:i])[-3:], (tok[0], tok[1] - 2, tok[2][:-2])]
            run = segment_name(run) or run
            return _mention(text, run, text[run[0][0] : run[-1][1]], person=person_like(run, False))
    return None


def _leading_run(toks: list[Token]) -> list[Token]:
    """The capitalised tokens a token list opens with, past a leading article."""
    run: list[Token] = []
    for tok in toks:
        if is_capital(tok[2]) and not re.search(r"[’']s$", tok[2]):
            run.append(tok)
        elif run or tok[2].lower() not in DETERMINERS:
            break
    return run


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
    opens_phrase = last[0][2].lower() in DETERMINERS and len(last) <= _ISSUER_TOKENS
    issuer = _issuer(text, last) if opens_phrase else None  # `A statement on X's website said`
    if issuer:
        return issuer
    tail = last
    for i, tok in enumerate(last):
        if tok[2].lower() in PREPOSITIONS | {"and", "but", "or"}:
            tail = last[i + 1 :]
    verb_last = bool(VERB.fullmatch(last[-1][2]))
    if len(tail) < len(last) or verb_last:
        # `X chimed in on Twitter, saying`: a name after a preposition is where, not who;
        # `X issued a statement saying`: the subject of the verb before the cue speaks.
        lead = leading_subject(text, last[0][0], last[-1][1])
        if lead and (lead.is_person or lead.is_pronoun or (verb_last and (lead.name or lead.written))):
            return lead
    return _nominal(text, tail)


def subject_after(text: str, start: int, end: int) -> Mention | None:
    """The speaker mention at the start of text[start:end], e.g. right after a quote."""
    segs = _segments(text, start, end)
    for seg in segs[:3]:
        if seg[0][2].lower() in PRONOUNS:
            return _mention(text, seg[:1], None, pronoun=True)
        found = _named(text, seg, segs) or _name_then_place(text, seg)
        if found:
            return found
    return _nominal(text, segs[0]) if segs else None


def _name_then_place(text: str, seg: list[Token]) -> Mention | None:
    """`John Smith on Twitter`: the name a segment opens with, before a preposition's object."""
    run = _leading_run(seg)
    if not run or len(run) == len(seg) or seg[len(run)][2].lower() not in PREPOSITIONS:
        return None
    named = segment_name(run)
    return _mention(text, named, text[named[0][0] : named[-1][1]], person=person_like(named, False)) if named else None


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
        if toks and all(tok[2].lower() in DETERMINERS for tok in toks):
            # `The company issued ...`: the article opens a common noun, kept as written.
            noun = list(itertools.takewhile(lambda tok: not VERB.fullmatch(tok[2]), seg[len(toks) : len(toks) + 3]))
            return _mention(text, toks + noun, None) if noun else None
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
