"""Key figures of an article: numbers, amounts, dates and durations with what they count.

Rules live in `data/figures.yaml`. Figures come from body paragraphs only, in article
order, each with a short `what` phrase cut from its own sentence. It must never read
headings or site furniture (a copyright year is no figure), nor guess beyond the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from generator.models import Article, Figure
from generator.text.tokenizer import SentenceTokenizer
from generator.text.wordlists import load_word_lists

RULES_PATH = Path(__file__).resolve().parents[1] / "data" / "figures.yaml"
_MAX_WORDS = 8
_TOKENIZER = SentenceTokenizer()
_WORD = re.compile(r"[\w$€£%]+(?:[’'.%-][\w%]+)*|[^\w\s]")
_CLAUSE_STOPS = frozenset(",;:()—–")
_RANGE = re.compile(r"\d\s*(?:to|-|–|and)\s*\d")
_RELATIVES = frozenset({"which", "who", "where", "when", "whose"})
_PREPOSITIONS = frozenset(
    {
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "since",
        "of",
        "into",
        "over",
        "against",
        "until",
        "after",
        "before",
    }
)


@dataclass(frozen=True)
class Rules:
    """Word lists from the rules file and the patterns built from them."""

    words: dict[str, frozenset[str]]
    date: re.Pattern[str]
    number: re.Pattern[str]


def _alternation(words: frozenset[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _patterns(words: dict[str, frozenset[str]]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    month = _alternation(words["months"])
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    date = re.compile(
        rf"\b(?:(?:{month})\.?\s+{day}(?:\s*(?:to|-|–|and)\s*{day})?(?:,?\s+\d{{4}})?"
        rf"|{day}(?:\s*(?:to|-|–)\s*{day})?\s+(?:{month})(?:,?\s+\d{{4}})?)\b(?![’'])"
    )
    scale = _alternation(words["scales"])
    word = _alternation(words["number_words"])
    digits = r"[$€£¥]?\s?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
    core = (
        rf"(?:\d+(?:st|nd|rd|th)\b|{digits}(?:\s?(?:{scale})\b)?(?:\s?(?:%|per\s?cent))?"
        rf"|\b(?:tens|hundreds|thousands)\s+of\s+(?:thousands|millions|billions)\b"
        rf"|\b(?:{word})(?:-(?:{word}|one))?(?:\s(?:{scale})\b)?)"
    )
    approx = _alternation(words["approximations"])
    unit = _alternation(words["units_of_time"])
    number = re.compile(
        rf"(?<![\w.,/:\-\[])(?:\b(?P<approx>{approx})\s+)?(?P<core>{core})"
        rf"(?:\s(?P<unit>{unit})\b)?(?![\w/:\]]|[.,]\d)",
        re.IGNORECASE,
    )
    return date, number


@lru_cache(maxsize=4)
def load_rules(path: Path = RULES_PATH) -> Rules:
    """Read the rules file and compile its patterns (cached)."""
    words = load_word_lists(path)
    return Rules(words, *_patterns(words))


@dataclass(frozen=True)
class _Hit:
    """One number found in a sentence, before its `what` is phrased."""

    start: int
    end: int
    value: str
    kind: str
    """date, year, duration, ordinal or count."""


def _kind(match: re.Match[str]) -> str:
    core = match.group("core")
    if match.group("unit"):
        return "duration"
    if re.fullmatch(r"1[89]\d\d|20\d\d", core) and not match.group("approx"):
        return "year"
    return "ordinal" if re.fullmatch(r"\d+(?:st|nd|rd|th)", core, re.IGNORECASE) else "count"


def _is_trivial(sentence: str, match: re.Match[str], kind: str, rules: Rules) -> bool:
    """Numbers in names, definite references ("the two leaders") and "two of them"."""
    before = sentence[: match.start()].split()
    previous = before[-1] if before else ""
    after = sentence[match.end() :].split()
    if (
        previous[:1].isupper()
        and previous[-1:].isalnum()
        and previous.lower() not in rules.words["not_names"]
        and previous.strip(".,") not in rules.words["months"]
    ):
        return True
    if kind == "count" and previous.lower() in rules.words["definite"]:
        return True
    is_word = match.group("core")[:1].isalpha()
    return is_word and bool(after) and after[0] == "of" and not match.group("core").endswith("s")


def _hits(sentence: str, rules: Rules) -> list[_Hit]:
    """Dates first, then numbers that do not overlap a date, in sentence order."""
    hits = [
        _Hit(m.start(), m.end(), m.group(0), "dates" if _RANGE.search(m.group(0)) else "date")
        for m in rules.date.finditer(sentence)
    ]
    taken = [(h.start, h.end) for h in hits]
    for m in rules.number.finditer(sentence):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        kind = _kind(m)
        if not _is_trivial(sentence, m, kind, rules):
            hits.append(_Hit(m.start(), m.end(), " ".join(m.group(0).split()), kind))
    return sorted(hits, key=lambda h: h.start)


def _trim(words: list[str], rules: Rules) -> list[str]:
    edge = rules.words["edge_words"]
    while words and (words[0].lower() in edge or words[0] in _CLAUSE_STOPS):
        words = words[1:]
    while words and (words[-1].lower() in edge or not words[-1][:1].isalnum()):
        words = words[:-1]
    return words


def _right_phrase(text: str, rules: Rules) -> list[str]:
    """The noun phrase after a number: what it counts ("nuclear tests since 2006")."""
    words: list[str] = []
    tokens = _WORD.findall(text)
    if tokens and tokens[0].lower() in _PREPOSITIONS - {"of"}:
        return []
    for token in tokens:
        low = token.lower()
        is_verb = low.endswith("ed") and words and len(low) > 3
        if token in _CLAUSE_STOPS or token in ".!?" or low in rules.words["phrase_breaks"] or is_verb:
            break
        words.append(token)
        if len(words) == _MAX_WORDS:
            break
    return _trim(words, rules)


def _left_clause(text: str) -> list[str]:
    """The clause before a number; a relative clause keeps its antecedent."""
    chunks = re.split(r"\s*[,;:()—–]\s*", text)
    clause = _WORD.findall(chunks[-1])
    if (not clause or clause[0].lower() in _RELATIVES) and len(chunks) > 1:
        antecedent = _WORD.findall(chunks[-2])[-4 if clause else -_MAX_WORDS :]
        clause = antecedent + ([","] if clause else []) + clause
    return clause


def _cut(tokens: list[str], head: bool) -> list[str]:
    """At most `_MAX_WORDS` words from the head or the tail, punctuation not counted."""
    kept: list[str] = []
    count = 0
    for token in tokens if head else reversed(tokens):
        count += token[:1].isalnum()
        if count > _MAX_WORDS:
            break
        kept.append(token)
    return kept if head else kept[::-1]


def _left_phrase(text: str, kind: str, rules: Rules) -> list[str]:
    """Up to eight words of the clause before a number, head first for durations."""
    return _trim(_cut(_trim(_left_clause(text), rules), head=kind == "duration"), rules)


def _text(words: list[str]) -> str:
    return re.sub(r"\s+([,’'])|([‘])\s+", r"\1\2", " ".join(words))


def _what(sentence: str, hit: _Hit, rules: Rules) -> str:
    """A short phrase saying what a figure counts, cut from its sentence."""
    left_text = sentence[: hit.start]
    left = _left_phrase(left_text, hit.kind, rules)
    if hit.kind in ("date", "dates", "duration", "year"):
        label = hit.kind
        preposition = _WORD.findall(left_text)[-1:]
        if hit.kind == "year" and preposition and preposition[0].lower() == "since":
            label = "year since which"
        return f"{label}: {_text(left)}" if left else label
    right = _right_phrase(sentence[hit.end :], rules)
    after = _WORD.findall(sentence[hit.end :])
    if not right and after and after[0].lower() in _PREPOSITIONS and left:
        return f"{_text(left)} {after[0]} {_text(_right_phrase(' '.join(after[1:]), rules))}".strip()
    if len(right) > 1 or not left:
        return _text(right) or hit.kind
    raw_left = _WORD.findall(left_text)
    if raw_left and raw_left[-1].lower() in _PREPOSITIONS and right:
        clause = _cut(_left_clause(left_text), head=False)
        if clause and clause[0] in ("The", "A", "An"):
            clause = [clause[0].lower()] + clause[1:]
        return f"{_text(right)} {_text(clause)}"
    return f"{_text(right)} ({_text(left)})" if right else _text(left)


def _is_furniture(sentence: str, rules: Rules) -> bool:
    low = sentence.lower()
    return any(marker in low for marker in rules.words["furniture"])


def _same(a: Figure, b: Figure) -> bool:
    """Same value and mostly the same words in `what`: one figure, not two."""
    if a.value.lower() != b.value.lower():
        return False
    wa, wb = set(a.what.lower().split()), set(b.what.lower().split())
    return len(wa & wb) >= 0.5 * min(len(wa), len(wb))


def extract_figures(article: Article, rules: Rules | None = None) -> tuple[Figure, ...]:
    """Key figures from body paragraphs, in article order, duplicates dropped."""
    rules = rules or load_rules()
    figures: list[Figure] = []
    for paragraph in article.paragraphs:
        for sentence in _TOKENIZER.to_sentences(paragraph):
            if _is_furniture(sentence, rules):
                continue
            for hit in _hits(sentence, rules):
                figure = Figure(hit.value, _what(sentence, hit, rules), sentence)
                if not any(_same(figure, seen) for seen in figures):
                    figures.append(figure)
    return tuple(figures)
