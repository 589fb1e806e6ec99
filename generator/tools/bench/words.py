"""Word lists, event kinds and sentence templates for the synthetic benchmark corpus.

Data only, written for `bench_corpus`: invented names and places, and templates whose
fixed words are mostly stop words so that events of one kind stay apart.
"""

from __future__ import annotations

import re

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
HEADS = tuple(NAME_HEADS + TOWN_HEADS + CORP_HEADS)
TAILS = tuple(NAME_TAILS + TOWN_TAILS + CORP_TAILS)
STREETS = "gate row side way field".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


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
STOP_VERBS = ("done", "kept", "used", "sent", "placed", "taken away", "seen to", "gone over", "taken on")
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
CHOICE = re.compile(r"\[([^\[\]]*)\]")
"""`[a|b|c]` in a background template: one of the alternatives."""
FURNITURE = (
    "Sign up to our free morning newsletter for the day's top stories.",
    "Copyright © {year} {publisher}. All rights reserved.",
    "Follow us on Facebook and Instagram for the latest updates.",
    "Share this article",
)
