"""The kinds of invented event the synthetic benchmark corpus reports, with their templates."""

from __future__ import annotations

from dataclasses import dataclass


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
