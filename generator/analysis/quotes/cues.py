"""Cue verbs: the speech and stance verbs that introduce or frame a quotation, as data.

Word lists and the two patterns built from them. It holds words only: no logic that looks
at an article beyond matching these patterns.
"""

from __future__ import annotations

import re

# Speech and stance verbs that introduce or frame a quotation. Irregular forms in full;
# regular verbs are inflected by `_forms` (past, third person, -ing; no bare noun-like base).
IRREGULAR_CUES = (
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "telling",
    "write",
    "writes",
    "wrote",
    "writing",
    "speak",
    "speaks",
    "spoke",
    "speaking",
    "find",
    "found",
    "finds",
    "add",
    "warn",
    "call",
    "ask",
    "insist",
    "explain",
    "admit",
    "deny",
    "denies",
    "denied",
)
REGULAR_CUES = (
    "add",
    "warn",
    "claim",
    "call",
    "describe",
    "tweet",
    "ask",
    "state",
    "declare",
    "insist",
    "argue",
    "note",
    "explain",
    "continue",
    "reply",
    "respond",
    "acknowledge",
    "admit",
    "announce",
    "assert",
    "suggest",
    "recall",
    "report",
    "urge",
    "accuse",
    "praise",
    "blast",
    "dismiss",
    "label",
    "dub",
    "cite",
    "complain",
    "predict",
    "promise",
    "vow",
    "boast",
    "joke",
    "concede",
    "confirm",
    "stress",
    "emphasize",
    "emphasise",
    "observe",
    "remark",
    "testify",
    "mock",
    "slam",
    "criticize",
    "criticise",
    "laud",
    "liken",
    "compare",
    "brand",
    "tout",
    "wonder",
    "question",
    "conclude",
    "pledge",
    "threaten",
    "demand",
    "quote",
    "reject",
    "hail",
    "condemn",
    "lament",
    "encourage",
    "post",
    "maintain",
    "dispute",
    "comment",
    "reveal",
    "allege",
    "contend",
    "counter",
    "mention",
    "thank",
)


def _forms(verb: str) -> tuple[str, ...]:
    """Past, third-person and -ing forms of a regular verb."""
    stem = verb[:-1] if verb.endswith("e") else verb
    if verb.endswith("y"):
        return (verb[:-1] + "ied", verb[:-1] + "ies", verb + "ing")
    double = verb + verb[-1] if verb in {"dub", "slam", "label"} else stem
    third = verb + ("es" if verb.endswith(("s", "sh", "ch")) else "s")
    return (double + "ed" if not verb.endswith("e") else verb + "d", third, double + "ing")


def cue_words(regular: tuple[str, ...] = REGULAR_CUES) -> frozenset[str]:
    """Every cue form: the irregular list and the inflections of the given regular verbs."""
    return frozenset(IRREGULAR_CUES) | {f for v in regular for f in _forms(v)}


def cue_pattern(words: frozenset[str]) -> re.Pattern[str]:
    """The pattern matching `according to` or any of the cue forms, with a particle (`out`)."""
    return re.compile(
        r"\b(?:[Aa]ccording to|(?:" + "|".join(sorted(words, key=len, reverse=True)) + r"))\b"
        r"(?:\s+(?:on|out|up)\b)?"
    )


CUE_WORDS = cue_words()
CUE = cue_pattern(CUE_WORDS)
# Cue forms that may follow a quote with the speaker after them: `"...," said Smith`.
INVERTED_CUE = re.compile(
    r"^\s*(?:said|says|added|adds|wrote|writes|asked|asks|continued|explained|recalled|"
    r"tweeted|replied|warned|insisted|argued|noted|declared|told|stated)\b",
)
# Cue forms that are also plural nouns (`his tweets`, `Smith's claims`): after a possessive or a
# determiner they name what was said, not the saying.
NOUN_CUES = frozenset(
    {"tweets", "posts", "reports", "claims", "calls", "notes", "comments", "quotes", "questions", "promises"}
    | {"threats", "demands", "warnings", "remarks", "statements", "praises", "labels", "findings", "finds"}
)
