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

MIN_WORDS, MODE_WORDS, MAX_WORDS = 150, 450, 1500
"""Body length in words: triangular between the bounds, most often near the mode."""
GROUP_SIZES = (1, 1, 2, 2, 3, 3, 4)
"""How many publishers report one event, drawn uniformly from this tuple."""

FIRST = ("Amara Ben Carla Dmitri Elena Farid Grace Hamish Ines Jonah Keiko Liam Maya Nikhil Olga "
         "Pavel Quinn Rosa Samir Tessa Umar Vera Wendell Xenia Yusuf Zara Aled Bronwen Callum "
         "Delphine Emeka Fiona Gareth Hana Idris Jolene Kofi Lucia Marcus Niamh").split()
SURNAMES = ("Abernathy Bellweather Castellan Drummond Ekwueme Fairclough Galbraith Hollis Ingram "
            "Jankowski Kessler Lindqvist Moreau Nakashima Okonkwo Pemberton Quayle Ravensworth "
            "Sorensen Thorne Underhill Vasquez Whitlock Yardley Zielinski Ashdown Brannigan "
            "Calloway Dunmore Everett Fenwick Greaves Hargreave Iverson Jessop Kilbride").split()
TOWN_HEADS = "Ash Bram Cold Dun Elm Fal Glen Hart Ivy Kings Lang Marl Nor Oak Pen Red Stan Thorn Wick Yew".split()
TOWN_TAILS = "bridge field ford haven holm hurst mere moor port stead ton wick worth".split()
CORP_HEADS = "Vel Tor Arc Nex Cal Quor Bel Zen Mar Lum Ost Pry Sol Tam Vor".split()
CORP_TAILS = "antis ora exa ium ova idge eon ara ix umbra".split()
PUBLISHERS = ("The Northern Ledger", "Valley Courier", "Harbour Times", "The Daily Meridian",
              "Westbrook Gazette", "Coastline News", "The County Herald", "Metro Dispatch")
MONTHS = ("January February March April May June July August September October November "
          "December").split()
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
    Kind("{corp} Foods",
         ("Fire at {org} plant in {place} forces {count} workers to evacuate",
          "Blaze tears through {place} factory as {count} staff escape",
          "{place} factory fire: inquiry into {org} blaze begins"),
         ("A large fire broke out at the {org} factory in {place} on {weekday}, forcing {count} workers to leave the site as smoke spread across the town.",
          "Firefighters spent more than {n2} hours tackling a blaze at a food plant run by {org} in {place} on {when}."),
         ("Crews from {n3} fire stations were called to the industrial estate shortly after dawn.",
          "The company estimated the damage at {amount}, and said about {pct} of its production had been halted.",
          "No serious injuries were reported, although {n3} people were treated for smoke inhalation.",
          "Roads around the site stayed closed for {n3} days while investigators examined the {topic}."),
         ("We are incredibly grateful to the firefighters who brought this under control so quickly",
          "Our priority now is the safety of our staff and getting the site back to work",
          "The smoke was so thick you could not see the end of the street"),
         ("managing director of {org}", "the area's chief fire officer"),
         ("cold store", "packaging line", "loading bay", "ventilation system", "storage warehouse")),
    Kind("{place} Borough Council",
         ("{place} council approves {amount} budget with {pct} tax rise",
          "Councillors in {place} back budget as council tax rises by {pct}",
          "{org} agrees spending plan after {n2}-hour debate"),
         ("Councillors in {place} have approved a {amount} budget for the coming year, including a council tax increase of {pct}, after a long debate on {weekday}.",
          "{org} voted on {when} to raise council tax by {pct} and to cut {count} posts over the next {n3} years."),
         ("The plan was passed by {n2} votes to {n3}, with several members abstaining.",
          "Spending on adult social care will rise by {pct2} to {amount}, the largest single item in the budget.",
          "The council expects to save {amount} by closing {n3} offices and moving services online.",
          "Reserves have fallen by {pct2} since {year0}, according to the council's own figures on the {topic}."),
         ("This is the hardest budget we have had to set in a generation",
          "Residents will be paying more and getting less, and that is simply not acceptable",
          "We have protected the services that matter most to vulnerable people"),
         ("leader of {org}", "the opposition finance spokesperson"),
         ("library service", "bus subsidy", "road maintenance programme", "youth centre network", "waste collection contract")),
    Kind("{corp} Rail",
         ("Rail workers at {org} to strike over pay",
          "{place} commuters face {n3} days of rail strikes",
          "Strike ballot at {org} backed by {pct} of members"),
         ("Rail workers at {org} will walk out for {n3} days from {when} after talks over pay broke down, union officials in {place} said.",
          "Commuters in {place} face severe disruption after {pct} of union members at {org} voted to strike."),
         ("The company runs about {count} services a day and carries roughly {n2},000 passengers.",
          "Staff were offered a rise of {pct2}, which the union said fell well short of inflation.",
          "The dispute has already cost the operator an estimated {amount} in lost fares.",
          "Managers said a reduced timetable would run on the main line, but not on the {topic}."),
         ("Nobody wants to strike, but our members have been left with no choice",
          "The offer on the table is fair and affordable, and we urge the union to put it to members",
          "I will have to take unpaid leave because I cannot get to work"),
         ("general secretary of the rail union", "chief executive of {org}"),
         ("coastal branch line", "night services", "airport shuttle", "weekend timetable", "freight yard")),
    Kind("{river} Valley Water",
         ("Floods hit {place} after record rainfall",
          "Hundreds evacuated as river bursts its banks in {place}",
          "{place} flooding: {count} homes damaged, says {org}"),
         ("Hundreds of people were moved from their homes in {place} on {weekday} after the River {river} burst its banks following record rainfall.",
          "More than {count} properties in and around {place} were flooded on {when}, {org} said."),
         ("Rainfall over {n3} days was {pct} above the monthly average, forecasters said.",
          "Insurers put the early cost of the damage at {amount}.",
          "About {n2} people spent the night in emergency shelters at local schools.",
          "Engineers are checking the {topic} for damage before water levels fall further."),
         ("The water came up through the floorboards in minutes, we lost everything downstairs",
          "Our teams have been working around the clock to protect homes and keep supplies running",
          "These defences were promised years ago and they still have not been built"),
         ("operations director at {org}", "a resident of {place}"),
         ("flood barrier", "pumping station", "old stone bridge", "riverside car park", "sewage works")),
    Kind("{corp} Group",
         ("{org} agrees {amount} takeover of {corp2} Holdings",
          "{corp2} Holdings shareholders back {org} bid",
          "{org} deal puts {count} jobs in {place} under review"),
         ("{org} has agreed to buy its rival {corp2} Holdings for {amount}, creating one of the largest employers in {place}.",
          "Shareholders in {corp2} Holdings voted on {when} to accept a {amount} offer from {org}, ending months of talks."),
         ("The offer values each share at a premium of {pct} to the closing price before talks were announced.",
          "The combined company will employ about {count} people, {pct2} of them in {place}.",
          "Analysts expect savings of {amount} a year once the two {topic}s are merged.",
          "Competition regulators have {n3} weeks to decide whether to open a full investigation."),
         ("This deal gives us the scale to compete and to invest in the region for the long term",
          "Staff have been told nothing about what this means for their jobs",
          "We believe the price reflects the true value of the business"),
         ("chief executive of {org}", "a union organiser in {place}"),
         ("distribution centre", "head office", "software platform", "research laboratory", "retail network")),
    Kind("{place} General Hospital",
         ("Waiting lists at {org} grow by {pct}",
          "{place} patients wait longer as hospital lists reach {count}",
          "{org} waiting times: report warns of pressure"),
         ("The number of patients waiting for treatment at {org} has risen by {pct} in a year, figures published on {when} show.",
          "More than {count} people in {place} are now waiting for planned operations, according to a report from {org}."),
         ("Around {pct2} of patients waited longer than the 18-week target.",
          "The hospital trust has set aside {amount} to reopen {n3} operating theatres.",
          "Staff vacancies stand at about {n2}, mostly among nurses in the {topic}.",
          "The average wait in the emergency department was {n3} hours last month."),
         ("Behind every one of these numbers is a patient in pain, waiting for help",
          "Our staff are working incredibly hard, and we are seeing more patients than ever before",
          "I was told I would have my operation in the spring, and I am still waiting"),
         ("chief executive of {org}", "a patient from {place}"),
         ("children's ward", "maternity unit", "cancer centre", "orthopaedic wing", "outpatient clinic")),
)

GENERIC_QUOTES = (
    "This has been a difficult time for everyone involved",
    "We need clear answers, and we need them soon",
    "People in {place} deserve better than this",
    "I have lived here for {n2} years and I have never seen anything like it",
    "We will keep working with our partners to make sure this does not happen again",
)
BACKGROUND = (
    "[Last year|Since {year0}|Earlier this month|In recent weeks|According to local records|For much of the past decade], "
    "[residents in {place}|local businesses|officials at {org}|campaigners|opposition councillors|union representatives|"
    "independent analysts|shopkeepers on the high street|parents at nearby schools|community leaders] "
    "[complained about|repeatedly raised concerns about|called for a review of|questioned|pressed for answers about|"
    "criticised|welcomed] [the state|the cost|plans for the future|the management|the funding] of the {topic}"
    "[| amid growing pressure on {org}|, saying costs had risen by {pct2} since {year0}|, though little has changed].",
    "On [the previous evening|{weekday}|the same day], about {n} people attended a [public meeting|briefing|vigil|"
    "protest] at the [town hall|community centre|leisure centre|parish church hall|library] in {place}.",
    "Figures from {org} show that {pct2} of [households|small businesses|pensioners|families with young children|"
    "commuters] in {place} were affected in {year0}, [up from|compared with|down from] {pct3} [a year earlier|in {year1}].",
    "The {topic} was [built|opened|bought] in {year1} and [last refurbished|last inspected|sold on] in {year0}, "
    "[according to planning documents|records show|the {publisher} has learned].",
    "{expert}, [a lecturer in public policy|an economist|a professor of engineering|a research fellow] at the "
    "University of {town2}, said the [figures|events|decisions] in {place} were [typical of|unusual for|a warning to] "
    "[towns of its size|the wider region|the rest of the country].",
    "[A spokesperson for|A source close to|A senior figure at] {org} said [more details would follow|the matter was "
    "under review|it would not comment on speculation|staff had been kept informed][ on {weekday}|].",
    "[Local MP|Councillor|Campaigner] {expert} [has written to|plans to meet|has asked questions of] {org}[ about the "
    "{topic}|| for the second time this year].",
    "[The area|{place}|The district] has a population of about {pop} and [relies heavily on|has long depended "
    "on|is still rebuilding] its [manufacturing|tourism|farming|retail|transport] [jobs|economy|links].",
)
SAY_FIRST = ("{o}{q},{c} said {name}, {role}.", "{name}, {role}, said: {o}{q}.{c}",
             "{o}{q},{c} {name}, {role}, told the {publisher}.", "In a statement, {org} said: {o}{q}.{c}")
"""Attributions that introduce a speaker (or speak for the organisation)."""
SAY_AGAIN = ("{o}{q},{c} {last} said.", "{last} added: {o}{q}.{c}", "{o}{q},{c} said {last}.",
             "{last} said: {o}{q}.{c}")
"""Attributions for a speaker already named in full."""
_CHOICE = re.compile(r"\[([^\[\]]*)\]")
"""`[a|b|c]` in a background template: one of the alternatives."""
FURNITURE = ("Sign up to our free morning newsletter for the day's top stories.",
             "Copyright © {year} {publisher}. All rights reserved.",
             "Follow us on Facebook and Instagram for the latest updates.", "Share this article")


def make_corpus(count: int, seed: int = 0) -> dict[str, str]:
    """`count` seed texts by file name; the same arguments always give the same texts."""
    rng = random.Random(seed)
    texts: list[str] = []
    while len(texts) < count:
        event = _event(rng)
        publishers = rng.sample(PUBLISHERS, min(rng.choice(GROUP_SIZES), count - len(texts)))
        texts.extend(_article(rng, event, publisher) for publisher in publishers)
    rng.shuffle(texts)
    return {f"bench_{i:05d}.txt": text for i, text in enumerate(texts)}


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
    people = [f"{rng.choice(FIRST)} {rng.choice(SURNAMES)}" for _ in range(2)]
    slots = {
        "place": rng.choice(TOWN_HEADS) + rng.choice(TOWN_TAILS),
        "corp": rng.choice(CORP_HEADS) + rng.choice(CORP_TAILS),
        "corp2": rng.choice(CORP_HEADS) + rng.choice(CORP_TAILS),
        "river": rng.choice(TOWN_HEADS) + rng.choice(("en", "wy", "brook", "burn")),
        "amount": f"£{rng.randint(12, 980) / 10:g} million",
        "count": f"{rng.randint(40, 4800):,}",
        "pct": f"{rng.randint(3, 95)}%" if rng.random() < 0.7 else f"{rng.randint(3, 40)} per cent",
        "pct2": f"{rng.randint(2, 60)}.{rng.randint(1, 9)}%",
        "n2": str(rng.randint(6, 90)), "n3": rng.choice(("two", "three", "four", "five", "six")),
        "weekday": WEEKDAYS[day.weekday()], "when": f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}",
        "year": str(day.year), "pop": f"{rng.randint(12, 480)},000", "year0": str(day.year - rng.randint(3, 12)),
    }
    after = day + timedelta(days=rng.randint(0, 2))
    slots["published"] = f"{after.day} {MONTHS[after.month - 1]} {after.year}"
    slots["org"] = kind.org.format_map(slots)
    for i, (person, role) in enumerate(zip(people, kind.roles)):
        slots[f"p{i}"], slots[f"l{i}"], slots[f"r{i}"] = person, person.split()[-1], role.format_map(slots)
    return kind, slots


def _article(rng: random.Random, event: tuple[Kind, dict[str, str]], publisher: str) -> str:
    """One publisher's report of an event: title, byline, body paragraphs and furniture."""
    kind, shared = event
    slots = {**shared, "publisher": publisher, "topic": rng.choice(kind.topics)}
    if rng.random() < 0.25:  # a source with a different count, so stories have discrepancies
        slots["count"] = f"{rng.randint(40, 4800):,}"
    head = [rng.choice(kind.headlines).format_map(slots)]
    if rng.random() < 0.6:
        head.append(f"By {rng.choice(FIRST)} {rng.choice(SURNAMES)}")
    if rng.random() < 0.6:
        head.append(f"Published: {slots['published']}")
    body = _body(rng, kind, slots, int(rng.triangular(MIN_WORDS, MAX_WORDS, MODE_WORDS)))
    tail = [line.format_map(slots) for line in rng.sample(FURNITURE, rng.randint(0, 3))]
    return "\n\n".join(head + body) + ("\n\n" + "\n".join(tail) if tail else "") + "\n"


def _body(rng: random.Random, kind: Kind, slots: dict[str, str], words: int) -> list[str]:
    """Paragraphs of one to three sentences until the body reaches about `words` words."""
    facts = rng.sample(kind.facts, len(kind.facts))
    quotes = rng.sample(kind.quotes + GENERIC_QUOTES, len(kind.quotes + GENERIC_QUOTES))
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
                sentences.append(_background(rng, slots))
        paragraphs.append(" ".join(sentences))
        total += len(paragraphs[-1].split())
    return paragraphs


def _quote(rng: random.Random, quote: str, slots: dict[str, str], marks: tuple[str, str],
           named: list[int]) -> str:
    """A direct quote by one of the event's people, named in full the first time."""
    who = rng.randrange(2)
    forms = SAY_AGAIN if who in named else SAY_FIRST
    form = rng.choice(forms)
    if "{name}" in form:
        named.append(who)
    return form.format(
        o=marks[0], c=marks[1], q=quote, name=slots[f"p{who}"], last=slots[f"l{who}"],
        role=slots[f"r{who}"], org=slots["org"], publisher=slots["publisher"],
    )


def _background(rng: random.Random, slots: dict[str, str]) -> str:
    """A composed background sentence, so long articles rarely repeat themselves."""
    local = {**slots, "n": str(rng.randint(12, 900)), "pct2": f"{rng.randint(2, 60)}%",
             "pct3": f"{rng.randint(2, 60)}%", "year1": str(int(slots["year0"]) - rng.randint(1, 40)),
             "expert": f"{rng.choice(FIRST)} {rng.choice(SURNAMES)}",
             "town2": rng.choice(TOWN_HEADS) + rng.choice(TOWN_TAILS)}
    template = _CHOICE.sub(lambda m: rng.choice(m.group(1).split("|")), rng.choice(BACKGROUND))
    sentence = template.format_map(local)
    return sentence[0].upper() + sentence[1:]
