"""Attributing one quotation: which cue introduces it, who the speaker is, who relayed it.

Patterns, tried in order: `"...," X said` / `"...," said X` / `"..." ― X` after the quote;
`X said: "..."`, `X said that ... "..."`, `according to X`, `X quoted Y as saying` before it;
a `X said:` paragraph before a quoted paragraph. Pure functions of the text: it must never
attribute a quote to a name that is not written in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.analysis.quotes import speakers, verbs
from generator.analysis.quotes.cues import CUE, INVERTED_CUE, NOUN_CUES
from generator.analysis.quotes.marks import Span, sentence_bounds
from generator.analysis.quotes.names import tokens
from generator.analysis.quotes.speakers import Mention

_PARTICIPLE = re.compile(r"ing\b")
_NOUN_MARKERS = {"his", "her", "their", "its", "the", "these", "those", "recent", "several", "many"}
_AS_SAYING = re.compile(r"\bas (?:saying|telling|writing|stating)\b")
_RELAYS = re.compile(r"^(?:quot|cit)", re.IGNORECASE)
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+$", re.IGNORECASE)
_NAMING = re.compile(r"(?:call|describ|label|dub|term|brand)", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[”\";:]|’(?!\w)|\b(?:that|but|and|because|while|when|whether)\b")
# Windows after a closing mark, chosen on data and cross-validated by `tools/evaluate/quotes_cv.py`:
AFTER_CUE_CHARS = 200
"""How far after a quote its cue verb may start."""
AFTER_CUE_TOKENS = 25
"""Most words between a quote and its cue verb (`," the mayor of X, who ..., said`)."""
SHORT_NEXT_TOKENS = 8
"""A sentence after a quote this short may hold its attribution (`?" Smith asked.`)."""


@dataclass(frozen=True)
class Attribution:
    """The speaker mention of a quote, a relaying outlet, and where its cue ends."""

    mention: Mention | None
    via: str | None = None
    cue_end: int = -1


def _passive_naming(plain: str, cue: re.Match[str]) -> bool:
    """`The plan was called "a disaster"`: the subject of a passive naming verb is what was
    named, not who spoke (`was quoted as saying` is not one: its subject speaks)."""
    named = _NAMING.match(cue.group()) and cue.group().lower().endswith("ed")  # `is calling` is active
    return bool(named and _PASSIVE.search(plain, max(0, cue.start() - 12), cue.start()))


def _relayed(text: str, subj_start: int, cue: re.Match[str], limit: int) -> Attribution | None:
    """`X quoted Y as saying`: Y speaks, X relays."""
    if not _RELAYS.match(cue.group()):
        return None
    saying = _AS_SAYING.search(text, cue.end(), limit)
    if not saying:
        return None
    speaker = speakers.subject_after(text, cue.end(), saying.start())
    via = speakers.agency_name(text, subj_start, cue.start())
    return Attribution(speaker, via, saying.end())


def _told_outlet(text: str, cue: re.Match[str]) -> str | None:
    """`told TASS news agency` relays through TASS."""
    if not cue.group().lower().startswith(("told", "tell")):
        return None
    if speakers.is_outlet(text, cue.end(), cue.end() + 60):
        return speakers.agency_name(text, cue.end(), cue.end() + 60)
    return None


def after_quote(text: str, plain: str, span: Span, sent_end: int) -> Attribution | None:
    """An attribution following the closing mark: `," he said`, `," said X`, `― X`."""
    close = span.end + 1
    rest = plain[close:sent_end]
    lead = len(rest) - len(rest.lstrip(" ,\u00a0"))
    at = close + lead
    if re.match(r"[―—–-]+\s*[A-Z]", plain[at:sent_end]) and sent_end - at < 60:
        dash = at + len(re.match(r"[―—–-]+\s*", plain[at:]).group())  # type: ignore[union-attr]
        return Attribution(speakers.subject_after(text, dash, sent_end), None, dash)
    inverted = INVERTED_CUE.match(plain[at:sent_end])
    if inverted:
        end = min(sent_end, at + 160)
        return Attribution(speakers.subject_after(text, at + inverted.end(), end), None, at + inverted.end())
    cue = CUE.search(plain, at, min(sent_end, at + AFTER_CUE_CHARS))
    cue = cue or verbs.verb_after(text, plain, span, at, sent_end)
    if not cue:
        return None
    if cue.group().lower() == "according to":
        limit = min(sent_end, cue.end() + 120)
        return Attribution(speakers.subject_after(text, cue.end(), limit), None, cue.end())
    if len(tokens(plain[at : cue.start()])) > AFTER_CUE_TOKENS or cue.start() == at:
        return None
    if re.search(r"[“„]|(?<!\S)\"(?=\w)", plain[at : cue.start()]):
        return None  # another quotation stands between: the cue is its attribution
    relayed = _relayed(text, at, cue, sent_end)
    if relayed:
        return relayed
    mention = speakers.subject_after(text, at, cue.start())
    return Attribution(mention, _told_outlet(text, cue), cue.end()) if mention else None


def _clause_start(plain: str, lower: int, cue_start: int) -> int:
    """Where the subject of a cue at cue_start can begin."""
    start = lower
    for m in _CLAUSE_BREAK.finditer(plain, lower, cue_start):
        start = m.end()
    return start


def _noun_cue(plain: str, sent_start: int, cue: re.Match[str]) -> bool:
    """A cue form used as a plural noun: `Trump's early-morning tweets`, `his posts`."""
    if cue.group().lower() not in NOUN_CUES:
        return False
    before = [t[2] for t in tokens(plain[max(sent_start, cue.start() - 40) : cue.start()])[-2:]]
    return bool(before) and (before[-1].lower() in _NOUN_MARKERS or any(re.search(r"[’']s$", t) for t in before))


def _named_before(text: str, plain: str, sent_start: int, cues: list[re.Match[str]]) -> Attribution | None:
    """The nearest of these cues whose subject is a name or a pronoun."""
    for cue in reversed(cues):
        mention = speakers.subject_before(text, _clause_start(plain, sent_start, cue.start()), cue.start())
        if mention and (mention.name or mention.is_pronoun):
            return Attribution(mention, _told_outlet(text, cue), cue.end())
    return None


def before_quote(text: str, plain: str, span: Span, sent_start: int) -> Attribution | None:
    """An attribution earlier in the quote's sentence: `X said: "..."`, `according to X`."""
    cues = list(CUE.finditer(plain, sent_start, span.start - 1))
    cues = [cue for cue in cues if not _noun_cue(plain, sent_start, cue) and not _passive_naming(plain, cue)]
    for n, cue in reversed(list(enumerate(cues))):
        if cue.group().lower() == "according to":
            limit = min(span.start - 1, cue.end() + 120)
            return Attribution(speakers.subject_after(text, cue.end(), limit), None, cue.end())
        if n and _RELAYS.match(cues[n - 1].group()) and _AS_SAYING.match(plain, cue.start() - 3):
            continue  # `X quoted Y as saying`: the relay, before it, names both
        lower = _clause_start(plain, sent_start, cue.start())
        relayed = _relayed(text, lower, cue, span.start)
        if relayed:
            return relayed
        mention = speakers.subject_before(text, lower, cue.start())
        modifier = _PARTICIPLE.search(cue.group()) and not plain[lower : cue.start()].rstrip().endswith(",")
        if mention and not (mention.name or mention.is_pronoun) and modifier:
            # `She says Trump's tweets accusing ...`: a participle after an unnamed phrase modifies it.
            earlier = _named_before(text, plain, sent_start, cues[:n])
            if earlier:
                return earlier
        if mention:
            return Attribution(mention, _told_outlet(text, cue), cue.end())
    if cues:
        subject = speakers.leading_subject(text, sent_start, cues[-1].start())
        if subject:
            return Attribution(subject, None, cues[-1].end())
        return None
    for verb in verbs.verbs_before(plain, span, sent_start):
        mention = speakers.subject_before(text, _clause_start(plain, sent_start, verb.start()), verb.start())
        colon = ":" in plain[verb.end() : span.start]
        if mention and (mention.name or mention.is_pronoun or colon):
            return Attribution(mention, None, verb.end())
    return None


def according_after(text: str, plain: str, span: Span, sent_end: int) -> Attribution | None:
    """`..., according to X` later in the sentence."""
    m = re.search(r"\baccording to\b", plain[span.end : sent_end], re.IGNORECASE)
    if not m:
        return None
    start = span.end + m.end()
    return Attribution(speakers.subject_after(text, start, min(sent_end, start + 120)), None, start)


def colon_paragraph(text: str, plain: str, span: Span, prev: tuple[int, int] | None) -> Attribution | None:
    """`X said:` closing the paragraph before a paragraph that opens with the quote."""
    if prev is None or text[span.para_start : span.start - 1].strip():
        return None
    ps, pe = prev
    if not text[ps:pe].rstrip().endswith(":"):
        return None
    colon = ps + len(text[ps:pe].rstrip()) - 1
    sent_start, _ = sentence_bounds(plain, ps, pe, colon)
    fake = Span(colon + 2, colon + 2, ps, pe)
    return before_quote(text, plain, fake, sent_start)


def _sentence_subject(text: str, span: Span, sent_start: int) -> Attribution | None:
    """A person (or pronoun) opening the quote's sentence: words quoted in their predicate."""
    subject = speakers.leading_subject(text, sent_start, span.start - 1)
    if subject and (subject.is_pronoun or subject.is_person):
        return Attribution(subject, None, subject.end)
    if subject and subject.name and verbs.opens_predicate(text, subject.end):
        return Attribution(subject, None, subject.end)  # `Cruz exhorted delegates to "vote"`: a name, then its verb
    return None


def _next_sentence_end(plain: str, span: Span, sent_end: int) -> int:
    """End of a short sentence right after a quote that ends its own (`?" Smith asked.`)."""
    if sent_end > span.end + 2 or sent_end >= span.para_end:
        return sent_end
    _, after = sentence_bounds(plain, span.para_start, span.para_end, sent_end + 1)
    short = len(tokens(plain[sent_end:after])) <= SHORT_NEXT_TOKENS
    return after if short or plain[span.end - 1] in "?!" else sent_end


def attribute(text: str, plain: str, span: Span, prev_par: tuple[int, int] | None) -> Attribution | None:
    """The best attribution of one quotation, or None for an unattributed one."""
    sent_start, _ = sentence_bounds(plain, span.para_start, span.para_end, span.start)
    _, sent_end = sentence_bounds(plain, span.para_start, span.para_end, span.end)
    for found in (
        after_quote(text, plain, span, _next_sentence_end(plain, span, sent_end)),
        before_quote(text, plain, span, sent_start),
        according_after(text, plain, span, sent_end),
        colon_paragraph(text, plain, span, prev_par),
        _sentence_subject(text, span, sent_start),
    ):
        if found and found.mention:
            return found
    return None
