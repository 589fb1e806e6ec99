"""Attribution by the shape of the sentence, whatever its verb: the fallback when no listed cue is found.

A quote closing its words on a comma (`," she quipped`) or asking (`?" he demanded.`) is
followed by the writer's attribution; a quote opened right after `X verbed:` or `X verbed,`
is introduced by it. These rules read only the sentence's punctuation and word shapes, so
they do not depend on the cue-verb list fitted to data. They must never reach across a
paragraph or past the quote's sentence.
"""

from __future__ import annotations

import re

from generator.analysis.quotes.marks import Span
from generator.analysis.quotes.names import tokens

VERB = re.compile(r"\b[a-z]{3,}(?:ed|es|s)\b")
"""A word shaped like a past or present-tense verb."""
SUBJECT_TOKENS = 6
"""Most words a subject may have before such a verb."""
TAIL_TOKENS = 3
"""Most words after the verb of a short attribution sentence (`?" he asked in an interview.`)."""
_PREDICATE = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:(?:has|have|had|also)\s+)?[a-z]{3,}(?:ed|es|s)\b")
"""A verb opening a predicate right after its subject, perhaps after an adverb or an auxiliary."""
_INTRO_GAP = re.compile(r"\s*(?:that\s*)?[:,]?\s*")
"""What may stand between an introducing verb and the opening mark: a colon, a comma, `that`."""
_AS_GAP = re.compile(r"\s+(?:[\w’'.-]+\s+){1,6}as\s+")
"""A verb's object and `as` before the quoted words (`described the plan as "a disaster"`)."""


def verb_after(text: str, plain: str, span: Span, at: int, sent_end: int) -> re.Match[str] | None:
    """The verb of `," X verbed` after a quote closing on a comma, or of `?" X verbed.` ending the sentence."""
    closing = text[span.end - 1 : span.end]
    if closing not in ",?!" or "\n" in plain[at:sent_end]:
        return None
    verb = VERB.search(plain, at, sent_end)
    if verb is None or len(tokens(plain[at : verb.start()])) > SUBJECT_TOKENS:
        return None
    if closing != "," and len(tokens(plain[verb.end() : sent_end])) > TAIL_TOKENS:
        return None
    return verb


def verbs_before(plain: str, span: Span, sent_start: int) -> list[re.Match[str]]:
    """Verbs that may introduce a quote, nearest first: `X verbed: "..."`, `X verbed, "A..."`,
    `X verbed "A..."` or `X verbed Y as "..."` (a plural noun may look like a verb, so all are tried)."""
    opening = span.start - 1
    capital = plain[span.start : span.start + 1].isupper()
    found = []
    for verb in reversed(list(VERB.finditer(plain, sent_start, opening))):
        gap = plain[verb.end() : opening]
        if _AS_GAP.fullmatch(gap) or (_INTRO_GAP.fullmatch(gap) and (":" in gap or capital)):
            found.append(verb)
    return found


def opens_predicate(text: str, subject_end: int) -> bool:
    """Whether a verb follows a subject ending at subject_end (`Cruz openly urged`)."""
    return bool(_PREDICATE.match(text, subject_end))
