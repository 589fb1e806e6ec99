"""What a story's sources agree on and what each adds alone, by aligning their sentences.

Sentences of different sources that say the same thing (cosine of content stems above
`Rules.shared`) become one shared fact, at most one wording per source. A sentence with no
counterpart anywhere, or a clause of an aligned sentence that its counterparts lack, is a
fact only its source reports. It must never attribute a wording to another source, rewrite
text, or return headings or page furniture.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.models import OnlyIn, SharedFact, StorySentence
from generator.story_text import Unit, Vector, centroid, content_stems, cosine, tfidf, word_count
from generator.summarizers.signals import furniture, is_dangling, quoted_share


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
    only_in: int = 5
    """Facts shown per source."""


RULES = Rules()
_NUMBER = re.compile(r"\d+")
_NAME = re.compile(r"(?<=\w )[A-Z][a-z]+")
_CLAUSE_BREAK = re.compile(r"\s*(?:;|,\s+(?=(?:while|whereas|although|but|and also|as well as)\b)|\s[–—]\s)\s*")


def align(units: Sequence[Unit], vectors: Sequence[Vector], rules: Rules = RULES) -> tuple[tuple[int, ...], ...]:
    """Groups of unit indices from distinct sources that state one fact, in reading order.

    Each sentence links to its closest sentence in every other source when they are similar
    enough; a sentence may back several facts (a long lead often states two).
    """
    links = sorted(_best_links(units, vectors, rules), key=lambda link: (-link[0], link[1], link[2]))
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


def _best_links(units: Sequence[Unit], vectors: Sequence[Vector], rules: Rules) -> set[tuple[float, int, int]]:
    """(similarity, i, j) for each sentence's closest sentence in each other source, if close enough."""
    usable = [i for i, u in enumerate(units) if _usable(u, rules)]
    links: set[tuple[float, int, int]] = set()
    for i in usable:
        best: dict[str, tuple[float, int]] = {}
        for j in usable:
            source = units[j].citation.source
            if source == units[i].citation.source:
                continue
            score = cosine(vectors[i], vectors[j])
            if score >= rules.shared and score > best.get(source, (0.0, -1))[0]:
                best[source] = (score, j)
        links.update((round(score, 9), min(i, j), max(i, j)) for score, j in best.values())
    return links


def _joins(group: list[int], i: int, j: int, units: Sequence[Unit], vectors: Sequence[Vector], rules: Rules) -> bool:
    """Whether the link i-j extends `group` by a source it lacks, agreeing with all its members."""
    if (i in group) == (j in group):
        return False
    new = j if i in group else i
    if units[new].citation.source in {units[k].citation.source for k in group}:
        return False
    return all(cosine(vectors[new], vectors[k]) >= rules.shared for k in group)


def shared_facts(units: Sequence[Unit], groups: Sequence[tuple[int, ...]]) -> tuple[SharedFact, ...]:
    """One shared fact per aligned group, shown in its shortest wording."""
    facts = []
    for group in groups:
        wordings = tuple(StorySentence(units[i].text, units[i].citation) for i in group)
        shortest = min(wordings, key=lambda w: (word_count(w.text), w.citation.source))
        facts.append(SharedFact(shortest.text, wordings))
    return tuple(facts)


def only_in(
    units: Sequence[Unit],
    vectors: Sequence[Vector],
    groups: Sequence[tuple[int, ...]],
    sources: Sequence[str],
    idf: Mapping[str, float],
    rules: Rules = RULES,
) -> tuple[OnlyIn, ...]:
    """Per source, its most informative facts that no other source reports."""
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
        for text in texts:
            score = _informativeness(text, tfidf(content_stems(text), idf), core)
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


def _best_counterpart(i: int, units: Sequence[Unit], vectors: Sequence[Vector]) -> float:
    source = units[i].citation.source
    return max(
        (cosine(vectors[i], vectors[j]) for j, u in enumerate(units) if u.citation.source != source),
        default=0.0,
    )


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


def _informativeness(text: str, vector: Vector, core: Vector) -> float:
    """Facts about the event the sources share, with numbers and names, are worth telling first."""
    numbers = len(_NUMBER.findall(text))
    names = len(_NAME.findall(text))
    score = cosine(vector, core) + 0.08 * min(numbers, 2) + 0.03 * min(names, 3)
    return score - 0.3 * quoted_share(text) - 0.05 * is_dangling(text)
