"""Who publishes a saved page, in the fullest form it states, and its title without the site's name.

A page names its publisher in several places: `og:site_name`, JSON-LD `publisher.name`, the
copyright line, a segment of its `<title>`, and an app name or handle. Forms that name the
same publisher (one contains the other, or one abbreviates the other, as `NYTimes` does
`The New York Times`) are grouped; the group stated by the most places wins, and within it
the form most places state, a full form before its handle. Pure functions of the parsed page:
it must never guess a publisher the page does not state.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from lxml.etree import _Element

_SEPARATORS = re.compile(r"\s+[|\-–—·•:]{1,2}\s+")
_PLACES = ("og", "ld", "title", "extractor", "app", "copyright")
"""Where a publisher is stated, most telling first: a copyright line often names a parent company."""
_DOMAIN = re.compile(r"\.(?:com|net|org|co|info|news)(?:\.[a-z]{2})?$", re.IGNORECASE)
"""A name that is an address (`JPost.com`) is a handle, not the full form."""
_SECTION_WORDS = 2
"""Most words of a section label before ` | ` (`Opinion | ...`)."""
_MIN_TITLE_WORDS = 3
_COPYRIGHT = re.compile(
    r"(?:©|\([cC]\)|(?i:copyright))\s*(?:¦?\s*\d{4}(?:\s*[-–]\s*\d{4})?[\s¦]*)?,?\s*"
    r"((?:[Tt]he\s+)?[A-Z][\w&'’.]*(?:\s+(?:[A-Z][\w&'’.]*|&|of|and|the)){0,5})"
)
_LEGAL_WORDS = {"company", "co", "inc", "llc", "ltd", "limited", "corp", "corporation", "plc", "gmbh"}
_NOT_NAMES = {"all", "rights", "reserved", "copyright"}
_MIN_NAME_LETTERS = 3
_VISIBLE_TEXT = "//body//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::noscript)]"


def stated_publishers(tree: _Element, site_name: str | None) -> list[tuple[str, str]]:
    """Every (place, name) the page states its publisher in; `site_name` is the extractor's pick."""
    found = [("og", str(v)) for v in tree.xpath('//meta[@property="og:site_name"]/@content')]
    found += [("ld", name) for name in _ld_publishers(tree)]
    found += [("copyright", name) for name in _copyright_names(tree)]
    found += [("app", str(v)) for v in tree.xpath('//meta[@name="application-name"]/@content')]
    titles = [str(x) for x in tree.xpath("//title//text()") + tree.xpath('//meta[@property="og:title"]/@content')]
    found += [("title", segment) for title in titles for segment in _edge_segments(title)]
    if site_name:
        found.append(("extractor", site_name))
    # `The Jerusalem Post | JPost.com`: each part of a stated name is a form of its own.
    parts = [(place, part) for place, name in found for part in (name, *_SEPARATORS.split(name)[1:])]
    parts = [(place, _SEPARATORS.split(name)[0]) if place != "title" else (place, name) for place, name in parts]
    return [(place, _clean(name)) for place, name in parts if _clean(name)]


def full_publisher(stated: list[tuple[str, str]], site_name: str | None) -> str | None:
    """The publisher in its fullest stated form: the best-supported group's best form (see module doc)."""
    named = [(place, name) for place, name in stated if place != "title" or _supported(name, stated)]
    if not named:
        return site_name
    places: dict[str, set[str]] = {}
    shown: dict[str, str] = {}
    for place, name in sorted(named, key=lambda found: _display_rank(*found)):
        key = _letters(name)
        places.setdefault(key, set()).add(place)
        shown.setdefault(key, name)
    groups = _groups(shown)
    best = max(groups, key=lambda group: len(set().union(*(places[key] for key in group))))

    def rank(key: str) -> tuple[bool, int, int, int]:
        handle = bool(_DOMAIN.search(shown[key])) or any(abbreviates(shown[key], shown[o]) for o in best if o != key)
        trust = -min(_PLACES.index(place) for place in places[key])
        # A full form beats a handle when two places state it (a legal name in a copyright line alone does not).
        return (not handle and len(places[key]) > 1, len(places[key]), trust, -len(key))

    return shown[max(best, key=rank)]


def _display_rank(place: str, name: str) -> tuple[bool, int, int]:
    """How to show a name stated in several spellings: cased, in words (`The Hill`, not `TheHill`), most trusted."""
    return (name == name.lower(), -len(name.split()), _PLACES.index(place))


def _groups(shown: dict[str, str]) -> list[list[str]]:
    """Keys joined when their names name one publisher, directly or through another key."""
    groups: list[list[str]] = []
    for key in shown:
        linked = [g for g in groups if any(same_publisher(shown[key], shown[other]) for other in g)]
        merged = [key, *(k for g in linked for k in g)]
        groups = [g for g in groups if g not in linked] + [merged]
    return groups


def strip_site(title: str | None, stated: list[tuple[str, str]]) -> str | None:
    """A title without a leading or trailing segment that names the publisher, or a short section label."""
    if not title:
        return title
    names = [name for place, name in stated if place != "title"]
    parts = _SEPARATORS.split(title)
    seps = _SEPARATORS.findall(title)
    while len(parts) > 1 and any(same_publisher(parts[-1], name) for name in names):
        parts, seps = parts[:-1], seps[:-1]
    while len(parts) > 1 and (
        any(same_publisher(parts[0], name) for name in names)
        or (len(parts[0].split()) <= _SECTION_WORDS and "|" in seps[0])
    ):
        parts, seps = parts[1:], seps[1:]
    kept = parts[0] + "".join(sep + part for sep, part in zip(seps, parts[1:], strict=True))
    return kept if len(kept.split()) >= _MIN_TITLE_WORDS else title


def same_publisher(one: str, other: str) -> bool:
    """Whether two forms name one publisher: one contains the other, or abbreviates it."""
    a, b = _letters(one), _letters(other)
    if not a or not b:
        return False
    return a in b or b in a or abbreviates(one, other) or abbreviates(other, one)


def abbreviates(short: str, full: str) -> bool:
    """Whether `short` is spelt by prefixes of `full`'s words in order (`NYTimes`, `The New York Times`)."""
    target = _letters(short)
    words = [_letters(w) for w in _drop_the(full).split() if _letters(w)]
    if len(words) < 2 or len(target) >= len(_letters(full)):
        return False
    return _spelt(target, words)


def _spelt(target: str, words: list[str]) -> bool:
    if not words:
        return not target
    head, rest = words[0], words[1:]
    return any(target.startswith(head[:n]) and _spelt(target[n:], rest) for n in range(1, len(head) + 1))


def _supported(segment: str, stated: list[tuple[str, str]]) -> bool:
    """A title segment counts as a publisher only when another place names the same one."""
    return any(place != "title" and same_publisher(segment, name) for place, name in stated)


def _edge_segments(title: str) -> list[str]:
    parts = _SEPARATORS.split(" ".join(title.split()))
    return [parts[0], parts[-1]] if len(parts) > 1 else []


def _copyright_names(tree: _Element) -> Iterator[str]:
    """Holders named in copyright lines, up to a sentence end or a legal suffix (`Company`, `LLC`)."""
    # Text nodes are kept apart (`¦`), so a holder's name never runs on into the next link.
    text = " ".join(" ¦ ".join(tree.xpath(_VISIBLE_TEXT)).split())
    for match in _COPYRIGHT.finditer(text):
        words: list[str] = []
        for word in match.group(1).split():
            if word.lower().strip(".,") in _LEGAL_WORDS | _NOT_NAMES:
                break
            words.append(word.rstrip(","))
            if word.endswith((".", ",")) and len(word) > 2:
                break
        name = " ".join(words).rstrip(".")
        if len(_letters(name)) >= _MIN_NAME_LETTERS:
            yield name


def _ld_publishers(tree: _Element) -> Iterator[str]:
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(str(script))
        except ValueError:
            continue
        yield from _publisher_names(data)


def _publisher_names(data: Any) -> Iterator[str]:
    if isinstance(data, list):
        for item in data:
            yield from _publisher_names(item)
    elif isinstance(data, dict):
        publisher = data.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            yield publisher["name"]
        for key in ("@graph", "mainEntity"):
            yield from _publisher_names(data.get(key))


def _clean(name: str) -> str:
    """A stated name tidied, or "" when it is no name (an address, one letter, a sentence)."""
    name = " ".join(name.replace("\u00a0", " ").split()).strip(" .,|-–—@")
    return name if 2 <= len(name) <= 80 and "://" not in name and not name.startswith("www.") else ""


def _drop_the(text: str) -> str:
    """Without a leading article (`The Hill`, `TheHill`) and an address ending (`JPost.com`)."""
    return _DOMAIN.sub("", re.sub(r"^[Tt]he(?:\s+|(?=[A-Z]))", "", text.strip()))


def _letters(text: str) -> str:
    return re.sub(r"[\W_]", "", _drop_the(text).casefold())
