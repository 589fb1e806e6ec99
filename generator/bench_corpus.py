"""Synthetic, seeded news corpus for `generator.bench`: article-like `.txt` seeds made in code.

Invented events are each reported by one to four invented publishers in their own words,
so stories form. Bodies carry direct quotes (curly and straight, with "said"
attributions), people, places and organisations, amounts, counts, dates and percentages;
most end with publisher furniture. Everything comes from the lists and templates below:
this module must never read data files or the network, and the same count and seed must
always give the same bytes.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

NAMED_THINGS = 12
"""Distinct names an event gives its things ("the Ashwick pump"); they tell events apart."""
MIN_WORDS, MODE_WORDS, MAX_WORDS = 150, 450, 1500
"""Body length in words: triangular between the bounds, most often near the mode."""
GROUP_SIZES = (1, 1, 2, 2, 3, 3, 4)
"""How many publishers report one event, drawn uniformly from this tuple."""

FIRST = (
    "Amara Ben Carla Dmitri Elena Farid Grace Hamish Ines Jonah Keiko Liam Maya Nikhil Olga "
    "Pavel Quinn Rosa Samir Tessa Umar Vera Wendell Xenia Yusuf Zara Aled Bronwen Callum "
    "Delphine Emeka Fiona Gareth Hana Idris Jolene Kofi Lucia Marcus Niamh Anouk Bastian Cosima Declan "
    "Esme Florin Gwilym Halima Ivo Jarrah Kasimir Leontine Mireille Nadim Oisin Priya Ragnar Solveig "
    "Tobiah Ulrike Valentin Wilhelmina Yannick Zeynep"
).split()
NAME_HEADS = (
    "Ash Bell Black Brad Brom Cald Crom Dun Fair Gold Hal Hart Hask Kel Lang Mer Mor Nor Pem Quar "
    "Rad Ram Sel Stan Thorn Wal Whit Win Wood Yard"
).split()
NAME_TAILS = "bury by cott dale field ford ham hurst ing ley lock more ridge ston well wood".split()
TOWN_HEADS = "Ash Bram Cold Dun Elm Fal Glen Hart Ivy Kings Lang Marl Nor Oak Pen Red Stan Thorn Wick Yew".split()
TOWN_TAILS = "bridge field ford haven holm hurst mere moor port stead ton wick worth".split()
CORP_HEADS = "Vel Tor Arc Nex Cal Quor Bel Zen Mar Lum Ost Pry Sol Tam Vor".split()
CORP_TAILS = "antis ora exa ium ova idge eon ara ix umbra".split()
PUBLISHERS = (
    "The Northern Ledger",
    "Valley Courier",
    "Harbour Times",
    "The Daily Meridian",
    "Westbrook Gazette",
    "Coastline News",
    "The County Herald",
    "Metro Dispatch",
)
MONTHS = ("January February March April May June July August September October November December").split()
_HEADS = tuple(NAME_HEADS + TOWN_HEADS + CORP_HEADS)
_TAILS = tuple(NAME_TAILS + TOWN_TAILS + CORP_TAILS)
STREETS = "gate row side way field".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


@dataclass(frozen=True)
class Kind:
    """One kind of event: how its organisation is named and how reporters write about it."""

    org: str
    headlines: tuple[str, ...]
    leads: tuple[str, ...]
    facts: tuple[str, ...]
    quotes: tuple[str, ...]
    roles: tuple[str, str]
    topics: tuple[str, ...]


KINDS = (
    Kind(
        "{corp} Foods",
        (
            "Fire at {org} plant in {place} forces {count} workers to evacuate",
            "Blaze tears through {place} factory as {count} staff escape",
            "{place} factory fire: inquiry into {org} blaze begins",
        ),
        (
            "A large fire broke out at the {org} factory in {place} on {weekday}, forcing {count} workers to leave "
            "the site as smoke spread across the town.",
            "Firefighters spent more than {n2} hours tackling a blaze at a food plant run by {org} in {place} on "
            "{when}.",
        ),
        (
            "Crews from {n3} fire stations were called to the industrial estate shortly after dawn.",
            "The company estimated the damage at {amount}, and said about {pct} of its production had been halted.",
            "No serious injuries were reported, although {n3} people were treated for smoke inhalation.",
            "Roads around the site stayed closed for {n3} days while investigators examined the {topic}.",
        ),
        (
            "We are incredibly grateful to the firefighters who brought this under control so quickly",
            "Our priority now is the safety of our staff and getting the site back to work",
            "The smoke was so thick you could not see the end of the street",
        ),
        ("managing director of {org}", "the area's chief fire officer"),
        ("cold store", "packaging line", "loading bay", "ventilation system", "storage warehouse"),
    ),
    Kind(
        "{place} Borough Council",
        (
            "{place} council approves {amount} budget with {pct} tax rise",
            "Councillors in {place} back budget as council tax rises by {pct}",
            "{org} agrees spending plan after {n2}-hour debate",
        ),
        (
            "Councillors in {place} have approved a {amount} budget for the coming year, including a council tax "
            "increase of {pct}, after a long debate on {weekday}.",
            "{org} voted on {when} to raise council tax by {pct} and to cut {count} posts over the next {n3} years.",
        ),
        (
            "The plan was passed by {n2} votes to {n3}, with several members abstaining.",
            "Spending on adult social care will rise by {pct2} to {amount}, the largest single item in the budget.",
            "The council expects to save {amount} by closing {n3} offices and moving services online.",
            "Reserves have fallen by {pct2} since {year0}, according to the council's own figures on the {topic}.",
        ),
        (
            "This is the hardest budget we have had to set in a generation",
            "Residents will be paying more and getting less, and that is simply not acceptable",
            "We have protected the services that matter most to vulnerable people",
        ),
        ("leader of {org}", "the opposition finance spokesperson"),
        (
            "library service",
            "bus subsidy",
            "road maintenance programme",
            "youth centre network",
            "waste collection contract",
        ),
    ),
    Kind(
        "{corp} Rail",
        (
            "Rail workers at {org} to strike over pay",
            "{place} commuters face {n3} days of rail strikes",
            "Strike ballot at {org} backed by {pct} of members",
        ),
        (
            "Rail workers at {org} will walk out for {n3} days from {when} after talks over pay broke down, union "
            "officials in {place} said.",
            "Commuters in {place} face severe disruption after {pct} of union members at {org} voted to strike.",
        ),
        (
            "The company runs about {count} services a day and carries roughly {n2},000 passengers.",
            "Staff were offered a rise of {pct2}, which the union said fell well short of inflation.",
            "The dispute has already cost the operator an estimated {amount} in lost fares.",
            "Managers said a reduced timetable would run on the main line, but not on the {topic}.",
        ),
        (
            "Nobody wants to strike, but our members have been left with no choice",
            "The offer on the table is fair and affordable, and we urge the union to put it to members",
            "I will have to take unpaid leave because I cannot get to work",
        ),
        ("general secretary of the rail union", "chief executive of {org}"),
        ("coastal branch line", "night services", "airport shuttle", "weekend timetable", "freight yard"),
    ),
    Kind(
        "{river} Valley Water",
        (
            "Floods hit {place} after record rainfall",
            "Hundreds evacuated as river bursts its banks in {place}",
            "{place} flooding: {count} homes damaged, says {org}",
        ),
        (
            "Hundreds of people were moved from their homes in {place} on {weekday} after the River {river} burst "
            "its banks following record rainfall.",
            "More than {count} properties in and around {place} were flooded on {when}, {org} said.",
        ),
        (
            "Rainfall over {n3} days was {pct} above the monthly average, forecasters said.",
            "Insurers put the early cost of the damage at {amount}.",
            "About {n2} people spent the night in emergency shelters at local schools.",
            "Engineers are checking the {topic} for damage before water levels fall further.",
        ),
        (
            "The water came up through the floorboards in minutes, we lost everything downstairs",
            "Our teams have been working around the clock to protect homes and keep supplies running",
            "These defences were promised years ago and they still have not been built",
        ),
        ("operations director at {org}", "a resident of {place}"),
        ("flood barrier", "pumping station", "old stone bridge", "riverside car park", "sewage works"),
    ),
    Kind(
        "{corp} Group",
        (
            "{org} agrees {amount} takeover of {corp2} Holdings",
            "{corp2} Holdings shareholders back {org} bid",
            "{org} deal puts {count} jobs in {place} under review",
        ),
        (
            "{org} has agreed to buy its rival {corp2} Holdings for {amount}, creating one of the largest "
            "employers in {place}.",
            "Shareholders in {corp2} Holdings voted on {when} to accept a {amount} offer from {org}, ending months "
            "of talks.",
        ),
        (
            "The offer values each share at a premium of {pct} to the closing price before talks were announced.",
            "The combined company will employ about {count} people, {pct2} of them in {place}.",
            "Analysts expect savings of {amount} a year once the two {topic}s are merged.",
            "Competition regulators have {n3} weeks to decide whether to open a full investigation.",
        ),
        (
            "This deal gives us the scale to compete and to invest in the region for the long term",
            "Staff have been told nothing about what this means for their jobs",
            "We believe the price reflects the true value of the business",
        ),
        ("chief executive of {org}", "a union organiser in {place}"),
        ("distribution centre", "head office", "software platform", "research laboratory", "retail network"),
    ),
    Kind(
        "{place} General Hospital",
        (
            "Waiting lists at {org} grow by {pct}",
            "{place} patients wait longer as hospital lists reach {count}",
            "{org} waiting times: report warns of pressure",
        ),
        (
            "The number of patients waiting for treatment at {org} has risen by {pct} in a year, figures published "
            "on {when} show.",
            "More than {count} people in {place} are now waiting for planned operations, according to a report "
            "from {org}.",
        ),
        (
            "Around {pct2} of patients waited longer than the 18-week target.",
            "The hospital trust has set aside {amount} to reopen {n3} operating theatres.",
            "Staff vacancies stand at about {n2}, mostly among nurses in the {topic}.",
            "The average wait in the emergency department was {n3} hours last month.",
        ),
        (
            "Behind every one of these numbers is a patient in pain, waiting for help",
            "Our staff are working incredibly hard, and we are seeing more patients than ever before",
            "I was told I would have my operation in the spring, and I am still waiting",
        ),
        ("chief executive of {org}", "a patient from {place}"),
        ("children's ward", "maternity unit", "cancer centre", "orthopaedic wing", "outpatient clinic"),
    ),
)

HEADLINES = (  # the event's own words, so headlines tell events of one kind apart
    "{place} {n0} {v0} as {x0} warns of {a1} {n4}",
    "{firm} under pressure over {a0} {n0} on {s0}",
    "{x0} and {x1} question {firm} over {place} {n2}",
)
GENERIC_QUOTES = (  # mostly stop words around the event's own words, as in DETAIL
    "The {n3} on {s0} has been {v2} again and nobody here knows why",
    "We {v1} the {a2} {n4} ourselves until {x1} came",
    "If the {n5} had been {v0} sooner, we would not be here",
    "Nobody from {firm} came to look at the {n6} in {place}",
    "I have been on {s1} for {n2} years and I have never seen the {n7} like this",
)
BACKGROUND = (
    "[Last year|Since {year0}|Earlier this month|In recent weeks|According to local records|For much of the past "
    "decade], "
    "[residents in {place}|local businesses|officials at {firm}|campaigners|opposition councillors|union "
    "representatives|"
    "independent analysts|shopkeepers on the high street|parents at nearby schools|community leaders] "
    "[complained about|repeatedly raised concerns about|called for a review of|questioned|pressed for answers about|"
    "criticised|welcomed] [the state|the cost|plans for the future|the management|the funding] of the {topic}"
    "[| amid growing pressure on {firm}|, saying costs had risen by {pct2} since {year0}|, though little has changed].",
    "On [the previous evening|{weekday}|the same day], about {n} people attended a [public meeting|briefing|vigil|"
    "protest] at the [town hall|community centre|leisure centre|parish church hall|library] in {place}.",
    "Figures from {firm} show that {pct2} of [households|small businesses|pensioners|families with young children|"
    "commuters] in {place} were affected in {year0}, [up from|compared with|down from] {pct3} [a year earlier|in "
    "{year1}].",
    "The {topic} was [built|opened|bought] in {year1} and [last refurbished|last inspected|sold on] in {year0}, "
    "[according to planning documents|records show|the {publisher} has learned].",
    "{expert}, [a lecturer in public policy|an economist|a professor of engineering|a research fellow] at the "
    "University of {town2}, said the [figures|events|decisions] in {place} were [typical of|unusual for|a warning to] "
    "[towns of its size|the wider region|the rest of the country].",
    "[A spokesperson for|A source close to|A senior figure at] {firm} said [more details would follow|the matter was "
    "under review|it would not comment on speculation|staff had been kept informed][ on {weekday}|].",
    "[Local MP|Councillor|Campaigner] {expert} [has written to|plans to meet|has asked questions of] {firm}[ about the "
    "{topic}|| for the second time this year].",
    "[The area|{place}|The district] has a population of about {pop} and [relies heavily on|has long depended "
    "on|is still rebuilding] its [manufacturing|tourism|farming|retail|transport] [jobs|economy|links].",
)
NOUNS = (
    "barrier bollard boiler cable canal carriage chimney culvert depot drain embankment fence footbridge "
    "gantry gate generator girder hangar hedge hoist jetty kiln ladder lantern lock mast meter mill outlet "
    "paddock panel pavilion pier pipe platform pontoon pump quay railing ramp sensor shed signal silo sluice "
    "spire stable stall switch tank terrace tower trailer tram trench tunnel turbine valve van vault viaduct "
    "wagon weir wharf winch workshop yard archive ballot bulletin contract ledger licence mandate memo permit "
    "petition pledge policy proposal register rota survey tariff tender voucher warrant apprentice auditor "
    "cleaner contractor courier engineer farmer gardener inspector joiner landlord locksmith mechanic midwife "
    "miner paramedic pharmacist plumber porter surveyor tenant trader warden welder allotment bakery brewery "
    "cinema creamery dairy distillery forge foundry garage greenhouse hostel laundry museum nursery orchard "
    "pottery quarry refinery sawmill shipyard smithy stadium studio tannery theatre vineyard badger beacon "
    "bicycle blanket bucket candle cargo compass crane drone harness helmet kettle parcel radio scooter shovel "
    "siren stretcher tarpaulin torch tractor trolley umbrella uniform"
).split()
PARTICIPLES = (
    "inspected repaired replaced damaged demolished dismantled drained extended fenced guarded insured "
    "installed leased locked moved painted rebuilt reopened reinforced relocated renovated restored "
    "sealed sold surveyed tested upgraded valued widened abandoned cleared cordoned emptied examined "
    "funded ignored mended monitored photographed scrapped searched stripped towed vandalised"
).split()
_STOP_VERBS = ("done", "kept", "used", "sent", "placed", "taken away", "seen to", "gone over", "taken on")
DETAIL = (  # mostly sumy stop words around slots: fixed content words would glue events together
    "The {a0} {n0} on {s0} had been {v0} before anyone from {firm} came.",
    "Much of the {n2} was {v2} after the {n3}, and the {a1} {n4} is still on {s1}.",
    "{x0} said nobody could say whether the {n5} or the {a2} {n6} had been {v4} first.",
    "Those on {s1} say the {n8} should have been {v4} well before now.",
    "Both the {n9} and the {n10} will be {v5} again before {month} is out.",
    "[Later|Soon after|By then], the {n11} next to the {a3} {n12} had been {v1} [twice|once|again].",
    "{x1}, of {s2}, could not say why the {n13} was {v2} while the {n14} was not.",
    "[Meanwhile|Later|Before that], a {a4} {n6} near the {n7} was {v0}, and the {n15} beside it was taken away.",
    "[Without|Despite|After] the {n9}, the {a0} {n1} could not be {v4}, {x2} said.",
    "Each {n2} is about £{money}, and {num} more are to be {v5}, according to {x3}.",
    "Of the {n} {n3}s in {place}, only {num} have been {v0} so far.",
    "{x2} and {x3} were among those who saw the {n12} being {v1} near {s0}.",
)
SAY_FIRST = (
    "{o}{q},{c} said {name}, {role}.",
    "{name}, {role}, said: {o}{q}.{c}",
    "{o}{q},{c} {name}, {role}, told the {publisher}.",
    "In a statement, {firm} said: {o}{q}.{c}",
)
"""Attributions that introduce a speaker (or speak for the organisation)."""
SAY_AGAIN = (
    "{o}{q},{c} {last} said.",
    "{last} added: {o}{q}.{c}",
    "{o}{q},{c} said {last}.",
    "{last} said: {o}{q}.{c}",
)
"""Attributions for a speaker already named in full."""
_CHOICE = re.compile(r"\[([^\[\]]*)\]")
"""`[a|b|c]` in a background template: one of the alternatives."""
FURNITURE = (
    "Sign up to our free morning newsletter for the day's top stories.",
    "Copyright © {year} {publisher}. All rights reserved.",
    "Follow us on Facebook and Instagram for the latest updates.",
    "Share this article",
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
    return rng.choice(_HEADS) + rng.choice(_TAILS)


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
    words.update({f"v{i}": w for i, w in enumerate(rng.sample(_STOP_VERBS, 4), start=2)})
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
    template = _CHOICE.sub(lambda m: rng.choice(m.group(1).split("|")), rng.choice(frames))
    sentence = template.format_map(local)
    return sentence[0].upper() + sentence[1:]
