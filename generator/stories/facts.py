"""What a story's sources agree on and what each adds alone, by aligning their sentences.

Sentences of different sources that say the same thing (cosine of content stems above
`Rules.shared`) become one shared fact, at most one wording per source. Two sentences that
quote different words never state the same fact, however alike their framing ("X, a
resident, said: ..."): `fact_vectors` sets their cosine to 0 before anything is aligned.
A sentence with no counterpart anywhere, or a clause of an aligned sentence that its
counterparts lack, is a fact only its source reports. It must never attribute a wording to
another source, rewrite text, or return headings or page furniture.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy

from generator.analysis.summarizers.signals import furniture, is_dangling, quoted_parts, quoted_share
from generator.models import OnlyIn, SharedFact, StorySentence
from generator.text.vectors import Unit, UnitVectors, centroid, content_stems, cosine, word_count


@dataclass(frozen=True)
class Rules:
    """Thresholds and limits for aligning facts."""

    shared: float = 0.25
    """Least cosine for two sentences to state the same fact."""
    clause_covered: float = 0.25
    """A clause with at most this share of its stems in its counterparts is new."""
    clause_stems: int = 3
    """Fewest content stems a new clause needs."""
    min_words: int = 6
    only_in: int = 6
    """Facts shown per source."""
    shared_max: int = 12
    """Shared facts shown at most: those most sources report, in reading order."""
    long_words: int = 30
    """Words beyond which an only-in fact starts to count as a string of claims."""
    long_penalty: float = 0.004
    quote_stems: int = 2
    """Fewest content stems inside quotation marks for a sentence's quote to count as a voice."""
    same_quote: float = 0.25
    """Least overlap of two sentences' quoted stems for them to quote the same words."""


RULES = Rules()
_NUMBER = re.compile(
    r"\d+|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?)\b", re.I
)
_NAME = re.compile(r"(?<=\w )[A-Z][a-z]+")
_CLAUSE_BREAK = re.compile(r"\s*(?:;|,\s+(?=(?:while|whereas|although|but|and also|as well as)\b)|\s[–—]\s)\s*")


def fact_vectors(
    units: Sequence[Unit], vectors: UnitVectors, language: str = "english", rules: Rules = RULES
) -> UnitVectors:
    """The story's vectors for comparing facts: sentences that quote different words are unlike.

    A sentence quotes when at least `Rules.quote_stems` content stems stand inside its
    quotation marks. Two quoting sentences whose quoted stems overlap less than
    `Rules.same_quote` (cosine of the stem sets) report two things said, not one, so their
    cosine becomes 0. A quote and a paraphrase of it, or a short quote and the longer one
    it is cut from, stay alike.
    """
    quoted = [frozenset(content_stems(" ".join(quoted_parts(u.text)), language)) for u in units]
    voiced = [i for i, stems in enumerate(quoted) if len(stems) >= rules.quote_stems]
    unlike = numpy.zeros((len(units), len(units)), dtype=bool)
    for a, i in enumerate(voiced):
        for j in voiced[a + 1 :]:
            shared = len(quoted[i] & quoted[j]) / math.sqrt(len(quoted[i]) * len(quoted[j]))
            if shared < rules.same_quote:
                unlike[i, j] = unlike[j, i] = True
    return vectors.apart(unlike) if unlike.any() else vectors


def align(units: Sequence[Unit], vectors: UnitVectors, rules: Rules = RULES) -> tuple[tuple[int, ...], ...]:
    """Groups of unit indices from distinct sources that state one fact, in reading order.

    Each sentence links to its closest sentence in every other source when they are similar
    enough; a sentence may back several facts (a long lead often states two).
    """
    best = _best_matches(units, vectors, rules)
    candidates = {(round(score, 9), min(i, j), max(i, j)) for i, found in best.items() for score, j in found.values()}
    links = sorted(
        (link for link in candidates if _distinct(link[1], link[2], units, vectors, best, rules)),
        key=lambda link: (-link[0], link[1], link[2]),
    )
    groups: list[list[int]] = []
    for _, i, j in links:
        if any(i in g and j in g for g in groups):
            continue
        home = next((g for g in groups if _joins(g, i, j, units, vectors, rules)), None)
        if home is None:
            groups.append([i, j])
        else:
            home.append(j if i in home else i)
    ordered = [tuple(sorted(g, key=lambda k: (units[k].citation.source, units[k].position))) for g in groups]
    return tuple(sorted(ordered, key=lambda g: (units[g[0]].citation.source, units[g[0]].position)))


def _best_matches(units: Sequence[Unit], vectors: UnitVectors, rules: Rules) -> dict[int, dict[str, tuple[float, int]]]:
    """For each usable sentence, its closest sentence in each other source, if close enough."""
    usable = [i for i, u in enumerate(units) if _usable(u, rules)]
    closest = vectors.closest_by_source(units, usable)
    return {i: {s: m for s, m in found.items() if m[0] >= rules.shared} for i, found in closest.items()}


def _distinct(
    i: int,
    j: int,
    units: Sequence[Unit],
    vectors: UnitVectors,
    best: Mapping[int, Mapping[str, tuple[float, int]]],
    rules: Rules,
) -> bool:
    """Whether the link i-j states a fact of its own, not one a closer match already states.

    When `j` is not `i`'s closest sentence in `j`'s source, the link stands only if `j`
    says something else than that closest sentence (a long lead may state two facts); a
    second wording of the same part of `i` is a different event told alike.
    """
    for a, b in ((i, j), (j, i)):
        closest = best[a].get(units[b].citation.source, (0.0, b))[1]
        if closest != b and vectors.cosine(b, closest) >= rules.shared:
            return False
    return True


def _joins(group: list[int], i: int, j: int, units: Sequence[Unit], vectors: UnitVectors, rules: Rules) -> bool:
    """Whether the link i-j extends `group` by a source it lacks, agreeing with all its members."""
    if (i in group) == (j in group):
        return False
    new = j if i in group else i
    if units[new].citation.source in {units[k].citation.source for k in group}:
        return False
    return all(vectors.cosine(new, k) >= rules.shared for k in group)


def shared_facts(
    units: Sequence[Unit], vectors: UnitVectors, groups: Sequence[tuple[int, ...]], rules: Rules = RULES
) -> tuple[SharedFact, ...]:
    """One shared fact per aligned group, shown in its shortest wording that tells something new.

    A long sentence may back two facts; each fact is shown in a wording unlike those the facts
    before it show, so two facts never read as one event told twice. A group that has no
    better wording than the very words an earlier fact is shown in (its sentences back that
    fact too) would show them twice, and is left out.
    """
    facts = []
    shown: list[int] = []
    for group in groups:
        wordings = tuple(StorySentence(units[i].text, units[i].citation) for i in group)

        def rank(i: int) -> tuple[bool, int, str]:
            repeats = any(vectors.cosine(i, k) >= rules.shared for k in shown)
            return (repeats, word_count(units[i].text), units[i].citation.source)

        best = min(group, key=rank)
        if any(units[best].text == units[k].text for k in shown):
            continue
        shown.append(best)
        facts.append(SharedFact(units[best].text, wordings))
    kept = sorted(range(len(facts)), key=lambda k: (-len(facts[k].wordings), k))[: rules.shared_max]
    return tuple(facts[k] for k in sorted(kept))


def only_in(
    units: Sequence[Unit],
    vectors: UnitVectors,
    groups: Sequence[tuple[int, ...]],
    sources: Sequence[str],
    rules: Rules = RULES,
) -> tuple[OnlyIn, ...]:
    """Per source, its most informative facts that no other source reports.

    A fact counts as relevant as its sentence is close to what the sources agree on (a new
    clause of a shared sentence adds to a shared fact), then as specific as its numbers and
    names make it.
    """
    aligned = {i: group for group in groups for i in group}
    core = centroid(vectors[i] for i in sorted(aligned)) or centroid(vectors)
    found: dict[str, list[tuple[float, int, StorySentence]]] = {s: [] for s in sources}
    for i, unit in enumerate(units):
        if not _usable(unit, rules):
            continue
        if i in aligned:
            texts = _new_clauses(unit, [units[j] for j in aligned[i] if j != i], rules)
        elif _best_counterpart(i, units, vectors) < rules.shared:
            texts = [unit.text]
        else:
            texts = []
        relevance = cosine(vectors[i], core)
        for text in texts:
            score = relevance + _specificity(text, whole=text == unit.text, rules=rules)
            entry = (-score, unit.position, StorySentence(text, unit.citation))
            found[unit.citation.source].append(entry)
    result = []
    for source in sources:
        best = sorted(found[source], key=lambda e: (e[0], e[1]))[: rules.only_in]
        if best:
            result.append(OnlyIn(source, tuple(e[2] for e in best)))
    return tuple(result)


def _usable(unit: Unit, rules: Rules) -> bool:
    n = word_count(unit.text)
    return n >= rules.min_words and furniture(unit.text, n) < 0.5


def _best_counterpart(i: int, units: Sequence[Unit], vectors: UnitVectors) -> float:
    source = units[i].citation.source
    others = [j for j, u in enumerate(units) if u.citation.source != source]
    return float(vectors.similarity[i, others].max()) if others else 0.0


def _new_clauses(unit: Unit, counterparts: Sequence[Unit], rules: Rules) -> list[str]:
    """Clauses of an aligned sentence whose content the other wordings lack."""
    covered = {s for u in counterparts for s in u.stems}
    clauses = [c for c in _CLAUSE_BREAK.split(unit.text) if c]
    if len(clauses) < 2:
        return []
    new = []
    for clause in clauses[1:]:
        stems = set(content_stems(clause))
        if len(stems) >= rules.clause_stems and len(stems & covered) <= rules.clause_covered * len(stems):
            new.append(clause.rstrip(" ,;"))
    return new


def _specificity(text: str, *, whole: bool, rules: Rules) -> float:
    """Facts with numbers and names, told plainly and briefly, are worth telling first.

    Quoted voices, long sentences that string several claims together and sentences that
    open by pointing back (a clause cut from its sentence always does) count against.
    """
    numbers = len(_NUMBER.findall(text))
    names = len(_NAME.findall(text))
    score = 0.08 * min(numbers, 2) + 0.03 * min(names, 3) - 0.3 * quoted_share(text)
    score -= rules.long_penalty * max(word_count(text) - rules.long_words, 0)
    return score - 0.05 * (whole and is_dangling(text))
