"""Who said a quote: cue verbs, speaker noun phrases, names, pronouns and relaying agencies.

Rules are data (word sets and regular expressions below) applied to one text with character
offsets. It only reads the text it is given: it must never guess a speaker from outside
knowledge (name lists, the network) or return a mention that is not written in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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


CUE_WORDS = frozenset(IRREGULAR_CUES) | {f for v in REGULAR_CUES for f in _forms(v)}
CUE = re.compile(
    r"\b(?:[Aa]ccording to|(?:" + "|".join(sorted(CUE_WORDS, key=len, reverse=True)) + r"))\b"
    r"(?:\s+(?:on|out|up)\b)?"
)
# Cue forms that may follow a quote with the speaker after them: `"...," said Smith`.
INVERTED_CUE = re.compile(
    r"^\s*(?:said|says|added|adds|wrote|writes|asked|asks|continued|explained|recalled|"
    r"tweeted|replied|warned|insisted|argued|noted|declared|told|stated)\b",
)
PRONOUNS = {"he", "she", "they", "it", "we", "i", "who", "which", "you"}
PERSON_PRONOUNS = {"he", "she", "who"}
# Words between a subject and its cue verb: auxiliaries and adverbs.
SKIPPABLE = {
    "has",
    "had",
    "have",
    "was",
    "were",
    "is",
    "are",
    "also",
    "then",
    "later",
    "once",
    "would",
    "will",
    "did",
    "does",
    "do",
    "again",
    "further",
    "earlier",
    "last",
    "week",
    "not",
    "never",
    "just",
    "already",
    "been",
    "first",
    "still",
    "even",
    "previously",
}
# Role words: a noun phrase ending in one names a job, not a person.
TITLE_WORDS = {
    "minister",
    "president",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "secretary",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "governor",
    "senator",
    "representative",
    "adviser",
    "advisor",
    "official",
    "officials",
    "leader",
    "chief",
    "nominee",
    "candidate",
    "head",
    "mayor",
    "general",
    "commander",
    "envoy",
    "aide",
    "lawyer",
    "attorney",
    "analyst",
    "professor",
    "judge",
    "premier",
    "king",
    "queen",
    "prince",
    "host",
    "founder",
    "ceo",
    "executive",
    "manager",
    "member",
    "speaker",
    "deputy",
    "prosecutor",
    "correspondent",
    "editor",
    "reporter",
    "expert",
    "police",
    "engineer",
    "economist",
    "scientist",
    "doctor",
    "researcher",
    "teacher",
    "activist",
    "historian",
    "author",
    "coach",
    "officer",
    "inspector",
    "pastor",
    "bishop",
    "gov.",
    "sen.",
    "rep.",
    "gen.",
    "lt.",
    "col.",
    "capt.",
    "sgt.",
    "prof.",
    "pres.",
}
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lord"}
# Heads of names that denote an organisation or a place, not a person.
BODY_HEADS = {
    "ministry",
    "house",
    "council",
    "kremlin",
    "times",
    "agency",
    "department",
    "committee",
    "party",
    "office",
    "service",
    "news",
    "post",
    "government",
    "court",
    "commission",
    "campaign",
    "administration",
    "university",
    "bank",
    "police",
    "army",
    "force",
    "forces",
    "korea",
    "states",
    "kingdom",
    "union",
    "republic",
    "nations",
    "america",
    "africa",
    "europe",
    "asia",
    "east",
    "west",
    "city",
    "county",
    "province",
    "coast",
    "journal",
    "network",
    "group",
    "institute",
    "association",
    "organisation",
    "organization",
    "company",
    "corporation",
    "inc",
    "board",
    "senate",
    "congress",
    "parliament",
    "fbi",
}
MEDIA_WORDS = ("news agency", "agency", "newspaper", "daily", "radio", "television", "broadcaster")
# Words that open an introductory phrase rather than a subject.
INTRO_WORDS = {
    "on",
    "in",
    "at",
    "during",
    "after",
    "before",
    "when",
    "while",
    "although",
    "though",
    "but",
    "and",
    "so",
    "however",
    "meanwhile",
    "last",
    "earlier",
    "later",
    "since",
    "as",
    "for",
    "with",
    "from",
    "by",
    "if",
    "because",
    "yet",
    "still",
    "then",
    "according",
    "to",
    "of",
    "about",
    "over",
    "under",
    "following",
    "despite",
    "instead",
    "that",
}
PREPOSITIONS = {
    "of",
    "at",
    "to",
    "for",
    "from",
    "in",
    "with",
    "on",
    "by",
    "about",
    "during",
    "after",
    "before",
    "under",
    "over",
    "against",
    "into",
    "than",
    "like",
    "as",
}
COLLECTIVES = {"sources", "source", "officials", "critics", "witnesses", "residents", "analysts"}
ADVERB_LIKE = {
    "in",
    "a",
    "statement",
    "interview",
    "on",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
}
DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these"}
_TOKEN = re.compile(r"[\w’'.\-&]+")
_CAPITAL = re.compile(r"^[A-Z][\w’'.\-&]*$")
_POSSESSIVE = re.compile(r"[’']s$")


@dataclass(frozen=True)
class Mention:
    """A speaker mention as written (offsets into the text) and the name it stands for."""

    start: int
    end: int
    written: str
    name: str | None
    is_pronoun: bool = False
    is_person: bool = False


def tokens(text: str, offset: int = 0) -> list[tuple[int, int, str]]:
    """Word tokens of text with absolute offsets."""
    return [(m.start() + offset, m.end() + offset, m.group()) for m in _TOKEN.finditer(text)]


def _is_capital(word: str) -> bool:
    """Whether a word is capitalised and not a sentence-opening function word."""
    return bool(_CAPITAL.match(word)) and word.lower() not in INTRO_WORDS


def _trailing_name(toks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The run of capitalised tokens at the end of a token list (connectors allowed)."""
    run: list[tuple[int, int, str]] = []
    for tok in reversed(toks):
        word = tok[2]
        if _is_capital(word) or (run and word.lower() in {"of", "de", "al", "bin", "van", "von"}):
            run.insert(0, tok)
        else:
            break
    while run and run[0][2].lower() in {"of", "de", "al", "bin", "van", "von"}:
        run.pop(0)
    return run


def _strip_titles(run: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop leading job titles (`President`, `Defence Minister`) when a name follows them."""
    last_title = -1
    for i, (_, _, word) in enumerate(run[:-1]):
        if word.lower() in TITLE_WORDS or _POSSESSIVE.search(word):
            last_title = i
    if last_title >= 0 and run[last_title + 1][2].lower() == "of":
        return run
    return run[last_title + 1 :]


def _segment_name(toks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]] | None:
    """The name a comma-separated noun-phrase segment gives, or None for a title or clause."""
    if not toks:
        return None
    words = [t[2].lower().rstrip(",") for t in toks]
    if words[-1] in TITLE_WORDS or _POSSESSIVE.search(toks[-1][2]):
        return None
    run = _trailing_name(toks)
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


def _person_like(name_toks: list[tuple[int, int, str]], had_title: bool) -> bool:
    """Whether a name reads as a person's rather than a body's or a place's."""
    words = [t[2].lower().rstrip(".") for t in name_toks]
    if words[0] in {h.rstrip(".") for h in HONORIFICS}:
        return True
    if words[-1] in BODY_HEADS or words[0] == "the" or any(w in BODY_HEADS for w in words):
        return False
    return had_title or len(words) >= 2


def _segments(text: str, start: int, end: int) -> list[list[tuple[int, int, str]]]:
    """Comma/dash separated token segments of text[start:end], parentheses blanked."""
    region = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group()), text[start:end])
    parts: list[list[tuple[int, int, str]]] = []
    last = 0
    for m in re.finditer(r"[,;—–]|\s-\s", region):
        parts.append(tokens(region[last : m.start()], start + last))
        last = m.end()
    parts.append(tokens(region[last:], start + last))
    return [p for p in parts if p]


def _mention(
    text: str, toks: list[tuple[int, int, str]], name: str | None, pronoun: bool = False, person: bool = False
) -> Mention:
    """A Mention covering the given tokens."""
    return Mention(toks[0][0], toks[-1][1], text[toks[0][0] : toks[-1][1]], name, pronoun, person)


def _named(text: str, seg: list[tuple[int, int, str]], others: list[list[tuple[int, int, str]]]) -> Mention | None:
    """The named mention a segment gives, if any; titles in other segments mark a person."""
    run = _segment_name(seg)
    if run is None:
        return None
    name = text[run[0][0] : run[-1][1]].rstrip(",.")
    had_title = len(run) < len(seg) or len(others) > 1
    return _mention(
        text,
        run,
        name,
        person=_person_like(run, had_title and any(t[2].lower() in TITLE_WORDS for s in others for t in s)),
    )


def _nominal(text: str, seg: list[tuple[int, int, str]]) -> Mention | None:
    """A short unnamed noun phrase (`the announcer`, `officials`) kept as written."""
    if not seg or len(seg) > 6 or seg[0][2].lower() in INTRO_WORDS | PREPOSITIONS:
        return None
    first = seg[0][2]
    if (
        first.lower() in DETERMINERS
        or _is_capital(first)
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
        toks: list[tuple[int, int, str]] = []
        for i, tok in enumerate(seg):
            word = tok[2]
            nxt = seg[i + 1][2] if i + 1 < len(seg) else ""
            if (
                _is_capital(word)
                or word.lower() in DETERMINERS | TITLE_WORDS
                or (nxt and (_is_capital(nxt) or nxt.lower() in TITLE_WORDS))
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
    run = _trailing_name(tokens(region))
    return " ".join(t[2] for t in run).strip(",.") or None


def is_outlet(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] names a news outlet (`TASS news agency`)."""
    media = "|".join(re.escape(w) for w in MEDIA_WORDS)
    return bool(re.match(r"\s*(?:[A-Z][\w.&-]*\s+)+(?:" + media + r")\b", text[start:end]))
