"""Synthetic, seeded news corpus for `generator.tools.bench.run`: article-like `.txt` seeds made in code.

Invented events are each reported by one to four invented publishers in their own words,
so stories form. Bodies carry direct quotes (curly and straight, with "said"
attributions), people, places and organisations, amounts, counts, dates and percentages;
most end with publisher furniture. Everything comes from the lists and templates in `bench_words`:
this module must never read data files or the network, and the same count and seed must
always give the same bytes.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from generator.tools.bench.kinds import KINDS, Kind
from generator.tools.bench.words import (
    BACKGROUND,
    CHOICE,
    DETAIL,
    FIRST,
    FURNITURE,
    GENERIC_QUOTES,
    GROUP_SIZES,
    HEADLINES,
    HEADS,
    MAX_WORDS,
    MIN_WORDS,
    MODE_WORDS,
    MONTHS,
    NAMED_THINGS,
    NOUNS,
    PARTICIPLES,
    PUBLISHERS,
    SAY_AGAIN,
    SAY_FIRST,
    STOP_VERBS,
    STREETS,
    TAILS,
    TOWN_HEADS,
    WEEKDAYS,
)


def make_corpus(count: int, seed: int = 0) -> dict[str, str]:
    """`count` seed texts by file name; the same arguments always give the same texts."""
    return {name: text for name, (_, text) in _reports(count, seed).items()}


def story_groups(count: int, seed: int = 0) -> tuple[tuple[str, ...], ...]:
    """File names of the corpus grouped by the event they report, groups of two or more only."""
    events: dict[int, list[str]] = {}
    for name, (event, _) in _reports(count, seed).items():
        events.setdefault(event, []).append(name)
    return tuple(tuple(names) for names in sorted(events.values()) if len(names) > 1)


def _reports(count: int, seed: int) -> dict[str, tuple[int, str]]:
    """Every seed's event number and text, by file name, in a seeded shuffled order."""
    rng = random.Random(seed)
    reports: list[tuple[int, str]] = []
    while len(reports) < count:
        event, number = _event(rng), len(reports)
        publishers = rng.sample(PUBLISHERS, min(rng.choice(GROUP_SIZES), count - len(reports)))
        reports.extend((number, _article(rng, event, publisher)) for publisher in publishers)
    rng.shuffle(reports)
    return {f"bench_{i:05d}.txt": report for i, report in enumerate(reports)}


def write_corpus(folder: Path, count: int, seed: int = 0) -> tuple[Path, ...]:
    """Write the corpus into `folder` (created) as UTF-8 `.txt` seeds; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in make_corpus(count, seed).items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return tuple(paths)


def _event(rng: random.Random) -> tuple[Kind, dict[str, str]]:
    """One invented event: its kind and the facts every report of it shares."""
    kind = rng.choice(KINDS)
    day = date(rng.choice((2023, 2024)), rng.randint(1, 12), rng.randint(1, 28))
    people = [_person(rng) for _ in range(2)]
    slots = {
        "place": _surname(rng),
        "corp": _surname(rng),
        "corp2": _surname(rng),
        "river": rng.choice(TOWN_HEADS) + rng.choice(("en", "wy", "brook", "burn")),
        "amount": f"£{rng.randint(12, 980) / 10:g} million",
        "count": f"{rng.randint(40, 4800):,}",
        "pct": f"{rng.randint(3, 95)}%" if rng.random() < 0.7 else f"{rng.randint(3, 40)} per cent",
        "pct2": f"{rng.randint(2, 60)}.{rng.randint(1, 9)}%",
        "n2": str(rng.randint(6, 90)),
        "n3": rng.choice(("two", "three", "four", "five", "six")),
        "weekday": WEEKDAYS[day.weekday()],
        "when": f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}",
        "year": str(day.year),
        "pop": f"{rng.randint(12, 480)},000",
        "year0": str(day.year - rng.randint(3, 12)),
    }
    after = day + timedelta(days=rng.randint(0, 2))
    slots["published"] = f"{after.day} {MONTHS[after.month - 1]} {after.year}"
    slots["month"] = MONTHS[day.month - 1]
    slots.update(_lexicon(rng, 16))
    slots.update({f"x{i}": _person(rng) for i in range(4)})
    slots.update({f"s{i}": _surname(rng) + rng.choice(STREETS) for i in range(3)})
    slots["org"] = kind.org.format_map(slots)
    slots["firm"] = slots["org"].split()[0]  # the short name reporters use after the first mention
    for i, (person, role) in enumerate(zip(people, kind.roles, strict=True)):
        slots[f"p{i}"], slots[f"l{i}"], slots[f"r{i}"] = (
            person,
            person.split()[-1],
            role.replace("{org}", "{firm}").format_map(slots),
        )
    return kind, slots


def _surname(rng: random.Random) -> str:
    """An invented name (surname, town, street, firm) from a few thousand combinations."""
    return rng.choice(HEADS) + rng.choice(TAILS)


def _person(rng: random.Random) -> str:
    """An invented person's full name."""
    return f"{rng.choice(FIRST)} {_surname(rng)}"


def _lexicon(rng: random.Random, nouns: int) -> dict[str, str]:
    """Words one event (or one reporter) keeps coming back to, drawn from the large pools."""
    words = {f"n{i}": w for i, w in enumerate(rng.sample(NOUNS, nouns))}
    # Things are named after places and people ("the Ashwick pump"): such names tell events apart.
    words.update({f"name{i}": _surname(rng) for i in range(NAMED_THINGS)})
    words.update({f"a{i}": words[f"name{i}"] for i in range(5)})
    words.update({f"v{i}": w for i, w in enumerate(rng.sample(PARTICIPLES, 2))})
    # The rest are stop words to sumy: shared verbs would tie unrelated events together.
    words.update({f"v{i}": w for i, w in enumerate(rng.sample(STOP_VERBS, 4), start=2)})
    return words


def _article(rng: random.Random, event: tuple[Kind, dict[str, str]], publisher: str) -> str:
    """One publisher's report of an event: title, byline, body paragraphs and furniture."""
    kind, shared = event
    slots = {**shared, "publisher": publisher, "topic": rng.choice(kind.topics)}
    # Half the nouns and some names are the reporter's own, so reports of one event differ.
    slots.update({f"n{i}": w for i, w in zip(range(8, 16), rng.sample(NOUNS, 8), strict=True)})
    slots.update({"x2": _person(rng), "x3": _person(rng), "s2": _surname(rng) + rng.choice(STREETS)})
    if rng.random() < 0.25:  # a source with a different count, so stories have discrepancies
        slots["count"] = f"{rng.randint(40, 4800):,}"
    head = [rng.choice(kind.headlines + HEADLINES).format_map(slots)]
    if rng.random() < 0.6:
        head.append(f"By {_person(rng)}")
    if rng.random() < 0.6:
        head.append(f"Published: {slots['published']}")
    body = _body(rng, kind, slots, int(rng.triangular(MIN_WORDS, MAX_WORDS, MODE_WORDS)))
    tail = [line.format_map(slots) for line in rng.sample(FURNITURE, rng.randint(0, 3))]
    return "\n\n".join(head + body) + ("\n\n" + "\n".join(tail) if tail else "") + "\n"


def _body(rng: random.Random, kind: Kind, slots: dict[str, str], words: int) -> list[str]:
    """Paragraphs of one to three sentences until the body reaches about `words` words."""
    # Few sentences come from the kind's fixed text: shared wording would glue unrelated
    # events of one kind into a story.
    facts = rng.sample(kind.facts, 1)
    quotes = rng.sample(GENERIC_QUOTES, len(GENERIC_QUOTES)) + [rng.choice(kind.quotes)] * (rng.random() < 0.5)
    marks = ("“", "”") if rng.random() < 0.6 else ('"', '"')
    named: list[int] = []
    paragraphs = [rng.choice(kind.leads).format_map(slots)]
    total = len(paragraphs[0].split())
    while total < words:
        sentences = []
        for _ in range(rng.choice((1, 2, 2, 3))):
            roll = rng.random()
            if roll < 0.25 and facts:
                sentences.append(facts.pop().format_map(slots))
            elif roll < 0.45 and quotes:
                sentences.append(_quote(rng, quotes.pop().format_map(slots), slots, marks, named))
            else:
                sentences.append(_background(rng, slots, DETAIL if roll < 0.95 else BACKGROUND))
        paragraphs.append(" ".join(sentences))
        total += len(paragraphs[-1].split())
    return paragraphs


def _quote(rng: random.Random, quote: str, slots: dict[str, str], marks: tuple[str, str], named: list[int]) -> str:
    """A direct quote by one of the event's people, named in full the first time."""
    who = rng.randrange(2)
    forms = SAY_AGAIN if who in named else SAY_FIRST
    form = rng.choice(forms)
    if "{name}" in form:
        named.append(who)
    return form.format(
        o=marks[0],
        c=marks[1],
        q=quote,
        name=slots[f"p{who}"],
        last=slots[f"l{who}"],
        role=slots[f"r{who}"],
        firm=slots["firm"],
        publisher=slots["publisher"],
    )


def _background(rng: random.Random, slots: dict[str, str], frames: tuple[str, ...]) -> str:
    """A composed background sentence, so long articles rarely repeat themselves."""
    local = {
        **slots,
        "n": str(rng.randint(12, 900)),
        "pct2": f"{rng.randint(2, 60)}%",
        "pct3": f"{rng.randint(2, 60)}%",
        "year1": str(int(slots["year0"]) - rng.randint(1, 40)),
        "expert": _person(rng),
        "town2": _surname(rng),
        "num": str(rng.randint(2, 40)),
        "money": f"{rng.randint(2, 950):,}",
    }
    template = CHOICE.sub(lambda m: rng.choice(m.group(1).split("|")), rng.choice(frames))
    sentence = template.format_map(local)
    return sentence[0].upper() + sentence[1:]
