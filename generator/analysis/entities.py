"""People, places and organisations an article mentions, found by rules without a model.

Candidates are runs of capitalised words; rules kept as data in `data/entities.yaml`
(titles, cue words, context words) and a lexicon of places (`places.py`: countries,
continents and large cities) decide their type. It must never download anything, use a trained
model, or hold any article's own names as rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from generator.analysis.places import city_names, continent_names, country_names
from generator.models import Article, Entities
from generator.text.tokenizer import SentenceTokenizer
from generator.text.wordlists import load_word_lists

RULES_PATH = Path(__file__).resolve().parents[1] / "data" / "entities.yaml"
_TOKEN = re.compile(r"\w+(?:[-’'.]\w+)*|[^\w\s]")
_POSSESSIVE = re.compile(r"[’']s$")
_TOKENIZER = SentenceTokenizer()


@dataclass(frozen=True)
class Rules:
    """The word lists from the rules file plus the place lexicon."""

    words: dict[str, frozenset[str]]
    places: frozenset[str]
    country_words: frozenset[str]
    """Every word of a country or region name, for telling demonyms ("Korean")."""

    def has(self, key: str, word: str) -> bool:
        """Whether `word` is in the rule list `key`."""
        return word in self.words[key]


@dataclass(frozen=True)
class Mention:
    """One run of capitalised words with the context rules need."""

    words: tuple[str, ...]
    before: tuple[str, ...]
    """Up to three tokens before the run, nearest last, as written."""
    after: tuple[str, ...]
    """Up to eight tokens after the run, as written."""
    initial: bool
    """The run starts its sentence."""


@lru_cache(maxsize=4)
def load_rules(path: Path = RULES_PATH) -> Rules:
    """Read the rules file and build the place lexicon (cached; reads package data)."""
    words = load_word_lists(path)
    countries = country_names()
    places = countries | city_names() | continent_names()
    countries |= set(words["regions"]) | set(words["country_aliases"])
    places |= countries
    country_words = {w for name in countries for w in name.split()}
    return Rules(words=words, places=frozenset(places), country_words=frozenset(country_words))


def _is_cap(token: str) -> bool:
    return token[:1].isupper()


def _is_name_word(token: str, rules: Rules) -> bool:
    if not _is_cap(token):
        return False
    head, _, tail = token.partition("-")
    return not (tail and rules.has("hyphen_adjectives", tail.lower()))


def _mentions(sentence: str, rules: Rules) -> list[Mention]:
    """Runs of capitalised words in one sentence, possessives cut off."""
    tokens = _TOKEN.findall(sentence)
    found: list[Mention] = []
    i = 0
    while i < len(tokens):
        if not _is_name_word(tokens[i], rules):
            i += 1
            continue
        start, run = i, list[str]()
        while i < len(tokens):
            token = tokens[i]
            joins = (
                run and rules.has("connectors", token) and i + 1 < len(tokens) and _is_name_word(tokens[i + 1], rules)
            )
            if not (_is_name_word(token, rules) or joins):
                break
            run.append(_POSSESSIVE.sub("", token))
            i += 1
            if _POSSESSIVE.search(token):
                break
        found.append(
            Mention(tuple(run), tuple(tokens[max(0, start - 3) : start]), tuple(tokens[i : i + 8]), start == 0)
        )
    return found


def _strip_leading(words: tuple[str, ...], rules: Rules, *, names: bool) -> tuple[str, ...]:
    """Drop stopwords in front, and with `names` also demonyms and titles."""
    while words:
        first = words[0]
        droppable = first.lower() in rules.words["stopwords"] or (
            names and (rules.has("titles", first) or _is_demonym(first, rules))
        )
        if not droppable:
            break
        words = words[1:]
    return words


def _is_demonym(word: str, rules: Rules) -> bool:
    """ "Russian", "Korean", "Belarusian": adjectives of places, never places themselves."""
    if rules.has("demonyms", word):
        return True
    if word in rules.places:
        return False
    for suffix in rules.words["demonym_suffixes"]:
        stem = word[: -len(suffix)] if word.endswith(suffix) else ""
        if len(stem) >= 3 and any(stem + end in rules.country_words for end in ("", "a", "ia", "e")):
            return True
    return False


def _joined(words: tuple[str, ...]) -> str:
    return " ".join(words)


def _context_says_org(mention: Mention, rules: Rules) -> bool:
    before = " ".join(t.lower() for t in mention.before[-2:])
    after = mention.after[:2]
    after_text = " ".join(after).lower()
    starts = [" ".join(after[:n]) for n in (1, 2)]
    return (
        any(before.endswith(cue) for cue in rules.words["org_before"])
        or any(s in rules.words["org_after"] or s.lower() in rules.words["org_after"] for s in starts if s)
        or after_text.startswith("news agency")
    )


def _context_says_person(mention: Mention, rules: Rules) -> bool:
    if mention.before and rules.has("person_roles_before", mention.before[-1]):
        return True
    if mention.after[:1] != (",",):
        return False
    return any(rules.has("person_roles_after", w) for w in mention.after[1:8])


def _classify(mention: Mention, rules: Rules) -> tuple[str, str] | None:
    """Type and cleaned name of one mention, or None when it names nothing."""
    words = _strip_leading(mention.words, rules, names=False)
    if not words or any(rules.has(k, w) for w in words for k in ("calendar", "event_words")):
        return None
    if len(words) > 1 and rules.has("org_suffix_drop", words[-1]):
        return ("organisations", _joined(words[:-1]))
    if _joined(words) in rules.places:
        return ("places", _joined(words))
    if len(words) == 1 and rules.has("org_names", words[0]):
        return ("organisations", words[0])
    if len(words) == 1 and rules.has("org_cues", words[0]):
        return None
    if _has_org_cue(words, rules):
        keep = mention.words[0] == "The" and rules.has("keep_the", words[-1])
        return ("organisations", ("The " if keep else "") + _joined(words))
    named = _strip_leading(words, rules, names=True)
    if not named or _is_demonym(named[-1].rsplit("-", 1)[-1], rules):
        return None
    name = _joined(named)
    if name in rules.places or rules.has("place_cues", named[-1]):
        return ("places", name)
    if _is_place_with_compass(named, rules):
        return ("places", name)
    if all(w.isupper() for w in named) and not _context_says_org(mention, rules):
        return None
    if len(named) < len(words) and rules.has("titles", words[len(words) - len(named) - 1]):
        return ("people", name)
    if _context_says_org(mention, rules):
        return ("organisations", name)
    if _context_says_person(mention, rules):
        return ("people", name)
    if len(named) == 1:
        return _classify_single(mention, name, rules)
    had_the = "the" in (w.lower() for w in mention.words[:1] + mention.before[-1:])
    return None if had_the or len(named) > 4 else ("people", name)


def _has_org_cue(words: tuple[str, ...], rules: Rules) -> bool:
    """A cue word last ("Foreign Ministry") or before "of" ("Ministry of Health")."""
    return rules.has("org_cues", words[-1]) or any(
        rules.has("org_cues", w) and rules.has("connectors", nxt) for w, nxt in zip(words, words[1:], strict=False)
    )


def _is_place_with_compass(words: tuple[str, ...], rules: Rules) -> bool:
    return len(words) > 1 and rules.has("compass", words[0]) and _joined(words[1:]) in rules.places


def _classify_single(mention: Mention, name: str, rules: Rules) -> tuple[str, str] | None:
    """A lone unknown word: a place after "in"/"from", else a possible short name."""
    previous = mention.before[-1:] and mention.before[-1]
    if not mention.initial and previous and rules.has("place_before", previous):
        return ("places", name)
    return ("short", name)


def _units(article: Article) -> list[str]:
    """Title (unless Title Cased, which hides names) then every block, as sentences."""
    title_words = article.title.split()
    title_cased = sum(_is_cap(w) for w in title_words) > 0.6 * max(1, len(title_words))
    texts = ([] if title_cased else [article.title]) + [b.text for b in article.blocks]
    return [s for text in texts for s in _TOKENIZER.to_sentences(text)]


def _key(name: str) -> str:
    return re.sub(r"[\s\-’'.]", "", name).lower()


def _parts(name: str) -> set[str]:
    return {p.lower() for p in re.split(r"[\s\-]", name) if p}


def _merge(found: list[tuple[str, str]]) -> Entities:
    """Deduplicate in first-mention order, short or variant forms folded into full names."""
    full: dict[str, list[str]] = {"people": [], "places": [], "organisations": []}
    seen: set[str] = set()
    for kind, name in found:
        if kind != "short" and _key(name) not in seen:
            seen.add(_key(name))
            full[kind].append(name)
    order: dict[str, list[str]] = {k: [] for k in full}
    for kind, name in found:
        resolved = _resolve(kind, name, full)
        if resolved and resolved[1] not in order[resolved[0]]:
            order[resolved[0]].append(resolved[1])
    return Entities(tuple(order["people"]), tuple(order["places"]), tuple(order["organisations"]))


def _resolve(kind: str, name: str, full: dict[str, list[str]]) -> tuple[str, str] | None:
    """The kind and canonical form a mention stands for."""
    if kind in ("short", "people") or len(name.split()) == 1:
        for known in full["people"]:
            if len(known.split()) > len(name.split()) and _parts(name) <= _parts(known):
                return ("people", known)
    for candidate_kind, names in full.items():
        for known in names:
            if _key(known) == _key(name):
                return (candidate_kind, known)
    return None if kind == "short" else (kind, name)


def extract_entities(article: Article, rules: Rules | None = None) -> Entities:
    """People, places and organisations in order of first mention, variants merged."""
    rules = rules or load_rules()
    found = [
        typed
        for sentence in _units(article)
        for mention in _mentions(sentence, rules)
        if (typed := _classify(mention, rules))
    ]
    return _merge(found)
