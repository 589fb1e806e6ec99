"""Stories: grouping, facts, discrepancies, timeline and the ARI used to score grouping."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.analysis.digest import digest_seeds
from generator.models import Article, Block, Digest, Seed, Story
from generator.settings import Settings
from generator.stories.assemble import group_stories
from generator.stories.facts import align, fact_vectors, shared_facts
from generator.stories.timeline import build_timeline
from generator.text.vectors import Unit, UnitVectors, article_units, content_stems, inverse_frequencies, tfidf
from generator.tools.evaluate.clustering import adjusted_rand_index, pairwise_scores, purity
from generator.tools.evaluate.stories import article_from_text

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "cases" / "stories"
GOLD = ROOT.parent / "shared" / "gold" / "seeds.yaml"
SEEDS = tuple(sorted((ROOT / "seeds").glob("*.txt")))


def _digests(*paths: Path) -> tuple[Digest, ...]:
    seeds = tuple(Seed(path=str(p.relative_to(ROOT)), text=p.read_text(encoding="utf-8"), format="txt") for p in paths)
    digests, problems = digest_seeds(seeds, Settings())
    assert not problems
    return digests


@pytest.fixture(scope="module")
def seed_story() -> Story:
    stories = group_stories(_digests(*SEEDS, CASES / "flood.txt", CASES / "football.txt"))
    assert len(stories) == 1
    return stories[0]


def test_the_two_seeds_form_one_story_and_unrelated_articles_stay_out(seed_story: Story) -> None:
    assert seed_story.articles == tuple(str(p.relative_to(ROOT)) for p in SEEDS)
    assert seed_story.headline
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", seed_story.slug)


def test_grouping_does_not_depend_on_input_order() -> None:
    digests = _digests(*SEEDS, CASES / "flood_a.txt", CASES / "football.txt", CASES / "flood_b.txt")
    assert group_stories(digests) == group_stories(tuple(reversed(digests)))


def test_a_single_article_is_no_story() -> None:
    assert group_stories(_digests(CASES / "football.txt")) == ()


def test_every_story_sentence_is_quoted_from_the_paragraph_it_cites(seed_story: Story) -> None:
    blocks = {d.article.source: d.article.blocks for d in _digests(*SEEDS)}
    cited = [*seed_story.summary, *(w for f in seed_story.shared_facts for w in f.wordings)]
    cited += [fact for entry in seed_story.only_in for fact in entry.facts]
    for sentence in cited:
        assert sentence.text in blocks[sentence.citation.source][sentence.citation.paragraph].text
    for entry in seed_story.only_in:
        assert all(f.citation.source == entry.source for f in entry.facts)
    for fact in seed_story.shared_facts:
        sources = [w.citation.source for w in fact.wordings]
        assert len(set(sources)) == len(sources) >= 2


def _covers(text: str, gold: str) -> bool:
    """A found text covers a gold fact when it holds most of the fact's content stems."""
    wanted, found = set(content_stems(gold)), set(content_stems(text))
    return len(wanted & found) > 0.5 * len(wanted)


def _gold_story() -> dict:
    if not GOLD.exists():
        pytest.skip("shared gold file not present")
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))["stories"][0]


def test_shared_facts_cover_most_of_the_gold(seed_story: Story) -> None:
    gold = _gold_story()["shared_facts"]
    found = [g for g in gold if any(_covers(w.text, g) for f in seed_story.shared_facts for w in f.wordings)]
    assert len(found) >= len(gold) - 1, found


def test_no_two_shared_facts_tell_the_same_event(seed_story: Story) -> None:
    shown = [f.text for f in seed_story.shared_facts]
    assert not [(a, b) for a in shown for b in shown if a is not b and _covers(a, b)]


def _units(*bodies: tuple[str, ...]) -> tuple[tuple[Unit, ...], UnitVectors]:
    """The sentence units of one article per body (sources a.txt, b.txt, ...) and their vectors."""
    articles = [
        Article(
            f"seeds/{chr(97 + k)}.txt",
            "Flooding in Millbrook",
            None,
            None,
            None,
            tuple(Block("paragraph", t) for t in body),
        )
        for k, body in enumerate(bodies)
    ]
    units = tuple(u for a in articles for u in article_units(a))
    idf = inverse_frequencies(u.stems for u in units)
    return units, UnitVectors(tfidf(u.stems, idf) for u in units)


_LEAD = "Flood defences failed in Millbrook on Tuesday night after two days of heavy rain."
_SAID = "Jane Porter, a resident of Millbrook, said:"


def _grouped(units: tuple[Unit, ...], groups: tuple[tuple[int, ...], ...], *needles: str) -> bool:
    return any(all(any(n in units[i].text for i in g) for n in needles) for g in groups)


@pytest.mark.parametrize(
    "first, second",
    [
        (
            "The water came up through the kitchen floor within minutes.",
            "Nobody from the council has visited our street.",
        ),
        ("The kitchen flooded first.", "Our street was forgotten."),  # two content words each
    ],
    ids=["long-quotes", "short-quotes"],
)
def test_two_sources_quoting_different_words_in_one_framing_state_two_facts(first: str, second: str) -> None:
    units, vectors = _units((_LEAD, f"{_SAID} “{first}”"), (_LEAD, f"{_SAID} “{second}”"))
    assert _grouped(units, align(units, vectors), "kitchen", "street")  # the framing alone links them
    groups = align(units, fact_vectors(units, vectors))
    assert not _grouped(units, groups, "kitchen", "street")
    assert _grouped(units, groups, "defences")
    texts = [w.text for f in shared_facts(units, fact_vectors(units, vectors), groups) for w in f.wordings]
    assert not [t for t in texts if "Porter" in t]


def test_one_quote_told_in_two_framings_is_one_fact() -> None:
    units, vectors = _units(
        (_LEAD, f"{_SAID} “The water came up through the kitchen floor within minutes.”"),
        (_LEAD, "“The water came up through the kitchen floor within minutes,” Ms Porter told reporters."),
    )
    assert _grouped(units, align(units, fact_vectors(units, vectors)), "said:", "told reporters")


def test_a_fact_is_never_shown_in_the_words_of_an_earlier_fact() -> None:
    # One sentence of a.txt backs two groups, and is the shortest wording of both.
    units, vectors = _units(
        ("Ramham said the pump failed twice before the flood reached homes in Oakford.",),
        ("Ramham said the pump failed twice before the flood reached homes in Oakford on Tuesday.",),
        ("Ramham said the pump failed twice before the flood reached homes in Oakford, and letters went unanswered.",),
    )
    facts = shared_facts(units, vectors, ((0, 1), (0, 2)))
    assert [f.text for f in facts] == [units[0].text]


def test_only_in_facts_are_never_credited_to_the_wrong_source(seed_story: Story) -> None:
    gold = _gold_story()["only_in"]
    by_name = {Path(entry.source).name: entry for entry in seed_story.only_in}
    found = 0
    for name, facts in gold.items():
        others = [f for other, entry in by_name.items() if other != name for f in entry.facts]
        assert not [g for g in facts if any(_covers(f.text, g) for f in others)]
        found += sum(any(_covers(f.text, g) for f in by_name[name].facts) for g in facts)
    assert found >= 4


def test_discrepancies_compare_the_same_quantity_across_sources() -> None:
    stories = group_stories(_digests(CASES / "flood_a.txt", CASES / "flood_b.txt", CASES / "football.txt"))
    assert len(stories) == 1 and len(stories[0].articles) == 2
    values = [dict(d.values) for d in stories[0].discrepancies]
    assert {"tests/cases/stories/flood_a.txt": "12", "tests/cases/stories/flood_b.txt": "At least 15"} in values or any(
        "12" in v.get("tests/cases/stories/flood_a.txt", "") and "15" in v.get("tests/cases/stories/flood_b.txt", "")
        for v in values
    )
    assert all("2010" not in v for d in values for v in d.values())


def test_no_discrepancies_between_identical_figures(seed_story: Story) -> None:
    assert all(len({v for _, v in d.values}) > 1 for d in seed_story.discrepancies)


def test_timeline_keeps_dates_as_stated_and_never_adds_a_year() -> None:
    article = article_from_text(
        "Storm closes port\n\nThe port closed on Tuesday. Ferries resume on March 3. "
        "The harbour wall was built in 1998 and repaired in July.\n\nA review is due next week.",
        "seeds/port.txt",
    )
    entries = build_timeline(article_units(article))
    dates = [e.date for e in entries]
    assert dates == ["in 1998", "March 3", "in July", "on Tuesday", "next week"]
    for entry in entries:
        assert entry.date in entry.event
        assert entry.citation.source == "seeds/port.txt"


def test_seed_timeline_has_no_invented_year(seed_story: Story) -> None:
    for entry in seed_story.timeline:
        assert entry.date in entry.event
    assert "September 10 to 13" in [e.date for e in seed_story.timeline]


def test_adjusted_rand_index_on_known_cases() -> None:
    assert adjusted_rand_index([0, 0, 1, 1], [5, 5, 7, 7]) == pytest.approx(1.0)
    assert adjusted_rand_index([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]) == pytest.approx(0.24242424)
    assert adjusted_rand_index([0, 0, 1, 1], [0, 1, 0, 1]) == pytest.approx(-0.5)
    assert purity([0, 0, 1, 1], ["a", "a", "a", "b"]) == pytest.approx(0.75)


def test_pairwise_precision_and_recall_on_known_cases() -> None:
    # truth: {a,b,c} {d}; predicted: {a,b} {c,d}: 1 of 2 said pairs right, 1 of 3 true pairs found
    assert pairwise_scores("aaab", "xxyy") == pytest.approx((0.5, 1 / 3))
    assert pairwise_scores("ab", "xy") == (1.0, 1.0)


def test_a_wire_id_gives_its_date_and_checked_pairs_make_one_event(tmp_path) -> None:
    from generator.tools.evaluate.stories import _same_event_labels, read_same_event, wire_date

    assert wire_date("APW19981016.0240") == "1998-10-16"
    assert wire_date("NYT19981231.0001") == "1998-12-31"
    assert wire_date("bbc-sport-112") is None
    listed = tmp_path / "same.txt"
    listed.write_text("# checked\na b  # one event\nc d\nb c\n\nlonely\n", encoding="utf-8")
    pairs = read_same_event(listed)
    assert pairs == (("a", "b"), ("c", "d"), ("b", "c"))
    labels = _same_event_labels(pairs)
    assert len(set(labels.values())) == 1 and set(labels) == {"a", "b", "c", "d"}


def test_article_from_text_reads_a_dateline_and_a_title() -> None:
    article = article_from_text("Monday, March 2, 2009\n\nRiver rises\n\nThe river rose.\nIt fell.", "x")
    assert article.published == "2009-03-02"
    assert article.title == "River rises"
    assert article.paragraphs == ("The river rose.", "It fell.")


def test_a_wording_two_sources_share_word_for_word_is_shown_once_crediting_both(tmp_path: Path) -> None:
    """Wire copy: the story page lists each distinct wording of a shared fact once, followed
    by every source that uses it, and still shows a differently worded source on its own."""
    from generator.output.render import iter_pages, make_environment

    wire = (CASES / "flood_a.txt").read_text(encoding="utf-8")
    seeds = (
        Seed(path="seeds/a.txt", text=wire, format="txt"),
        Seed(path="seeds/b.txt", text="Deadly floods hit Korvassa" + wire[wire.index("\n") :], format="txt"),
        Seed(path="seeds/c.txt", text=(CASES / "flood_b.txt").read_text(encoding="utf-8"), format="txt"),
    )
    digests, problems = digest_seeds(seeds, Settings(cache_dir=""))
    assert not problems
    (story,) = group_stories(digests)
    shared = [
        f for f in story.shared_facts if {"seeds/a.txt", "seeds/b.txt"} <= {w.citation.source for w in f.wordings}
    ]
    assert shared
    page = next(
        p.text
        for p in iter_pages(
            digests, (story,), Settings(cache_dir="", full_text=True), make_environment(ROOT / "templates")
        )
        if p.path == f"stories/{story.slug}.md"
    )
    agree = page.split("## What the sources agree on", 1)[1].split("\n## ", 1)[0]
    listed = [line for line in agree.splitlines() if line.startswith("- ")]
    for fact in shared:
        a = next(w for w in fact.wordings if w.citation.source == "seeds/a.txt")
        (line,) = [line for line in listed if f"(../articles/a.md#p-{a.citation.paragraph})" in line]
        assert line.startswith(f"- “{a.text}” <small>") and " · [seeds/b.txt](../articles/b.md#p-" in line
    different = [w.text for f in story.shared_facts for w in f.wordings if w.citation.source == "seeds/c.txt"]
    assert all(any(line.startswith(f"- “{text}” <small>") for line in listed) for text in different)
    texts = [line.split(" <small>")[0] for line in agree.split("</details>")[0].splitlines() if line.startswith("- ")]
    assert len(texts) == len(set(texts)), "a wording is listed twice in one fact"


def test_a_story_page_says_when_its_sources_were_published() -> None:
    from dataclasses import replace

    from generator.output.render import date_span, iter_pages, make_environment

    assert date_span(["2024-03-12", None, "2024-02-31", "2024-03-11T09:00:00"]) == ("2024-03-11", "2024-03-12")
    assert date_span([None, "not a date"]) is None
    texts = [(CASES / name).read_text(encoding="utf-8") for name in ("flood_a.txt", "flood_b.txt")]
    seeds = tuple(Seed(path=f"seeds/{k}.txt", text=text, format="txt") for k, text in enumerate(texts))
    digests, _ = digest_seeds(seeds, Settings(cache_dir=""))
    days = ("2024-03-12", "2024-03-11")
    dated = tuple(replace(d, article=replace(d.article, published=day)) for d, day in zip(digests, days, strict=True))
    (story,) = group_stories(dated)
    (page,) = [
        p.text
        for p in iter_pages(dated, (story,), Settings(cache_dir=""), make_environment(ROOT / "templates"))
        if p.path.startswith("stories/")
    ]
    assert "A story from 2 sources, published from 2024-03-11 to 2024-03-12:" in page


def test_with_a_date_scale_reports_a_year_apart_are_not_one_story() -> None:
    from dataclasses import replace

    from generator.stories.grouping import group_articles

    texts = [(CASES / name).read_text(encoding="utf-8") for name in ("flood_a.txt", "flood_b.txt")]
    seeds = tuple(Seed(path=f"seeds/{k}.txt", text=text, format="txt") for k, text in enumerate(texts))
    digests, _ = digest_seeds(seeds, Settings(cache_dir=""))
    days = ("2023-03-11", "2024-03-12")
    dated = tuple(replace(d, article=replace(d.article, published=day)) for d, day in zip(digests, days, strict=True))
    assert group_articles(dated, 0.22) == ((0, 1),)
    assert group_articles(dated, 0.22, date_scale=30.0) == ((0,), (1,))
    undated = tuple(replace(d, article=replace(d.article, published=None)) for d in dated)
    assert group_articles(undated, 0.22, date_scale=30.0) == ((0, 1),)


@pytest.mark.parametrize("seed", range(40))
def test_similar_pairs_are_each_articles_closest_neighbours_by_cosine(seed: int) -> None:
    import random

    from generator.stories.grouping import Postings, similar_pairs

    rng = random.Random(seed)
    vocabulary = [f"term{k}" for k in range(rng.randint(1, 60))]
    size = min(12, len(vocabulary))
    vectors = [
        {t: rng.choice([0.25, 0.5, rng.random()]) for t in rng.sample(vocabulary, rng.randint(0, size))}
        for _ in range(rng.randint(0, 50))
    ]
    dense_above, neighbours = rng.randint(1, len(vectors) + 2), rng.randint(1, 6)
    expected: dict[tuple[int, int], float] = {}
    for i, a in enumerate(vectors):
        row = {}
        for j, b in enumerate(vectors):
            value = 0.0
            for term in sorted(set(a) & set(b)):
                value += a[term] * b[term]  # in term order, as the module adds posting by posting
            if j != i and value > 0:
                row[j] = value
        floor = sorted(row.values(), reverse=True)[neighbours - 1] if len(row) > neighbours else 0.0
        expected.update(((min(i, j), max(i, j)), v) for j, v in sorted(row.items()) if v >= floor)
    assert similar_pairs(Postings.of(vectors), neighbours, dense_above=len(vectors)) == expected
    found = similar_pairs(Postings.of(vectors), neighbours, dense_above=dense_above)  # some terms summed densely
    assert found.keys() == expected.keys()
    assert list(found.values()) == pytest.approx(list(expected.values()), abs=1e-12)


@pytest.mark.parametrize("seed", range(20))
def test_an_articles_likeness_to_another_does_not_depend_on_the_rest_of_the_feed(seed: int) -> None:
    import random

    from generator.stories.grouping import Postings, similar_pairs
    from generator.text.vectors import weighted_vector

    rng = random.Random(seed)
    words = ["storm", "flood", "minister", "budget", "match", "goal", "court", "verdict", "river", "rain"]
    feed = [tuple(rng.choices(words, k=rng.randint(1, 12))) for _ in range(rng.randint(2, 30))]
    more = feed + [tuple(rng.choices(words, k=rng.randint(1, 12))) for _ in range(rng.randint(1, 30))]
    alone = similar_pairs(Postings.of([weighted_vector(d) for d in feed]), len(feed))
    mixed = similar_pairs(Postings.of([weighted_vector(d) for d in more]), len(more))
    for pair, value in alone.items():
        assert mixed[pair] == pytest.approx(value, abs=1e-12)


@pytest.mark.parametrize("seed", range(20))
def test_weighted_postings_are_each_articles_own_vector(seed: int) -> None:
    import random

    from generator.stories.grouping import Postings, weighted_postings
    from generator.text.vectors import weighted_vector

    rng = random.Random(seed)
    words = ["storm", "flood", "minister", "budget", "@jo park", "goal", "court", "zzunseen", "river", "rain"]
    documents = [tuple(rng.choices(words, k=rng.randint(0, 15))) for _ in range(rng.randint(0, 20))]
    found = weighted_postings(documents)
    expected = Postings.of([weighted_vector(d) for d in documents])
    assert (found.size, found.rows.tolist(), found.terms.tolist()) == (
        expected.size,
        expected.rows.tolist(),
        expected.terms.tolist(),
    )
    assert found.weights.tolist() == pytest.approx(expected.weights.tolist(), abs=1e-12)
    more = weighted_postings([*documents, tuple(rng.choices(words, k=9)), ("storm", "unrelated")])
    for row in range(len(documents)):  # the same weights, bit for bit, whatever else is in the feed
        assert more.weights[more.rows == row].tolist() == found.weights[found.rows == row].tolist()


def _merge_by_brute_force(n: int, pairs: dict[tuple[int, int], float], bar: list[float]) -> tuple[tuple[int, ...], ...]:
    """The size-dependent average link, every candidate merge scored again at every step."""
    links: dict[int, dict[int, float]] = {i: {} for i in range(n)}
    for (i, j), value in pairs.items():
        links[i][j] = links[j][i] = value
    members = {i: [i] for i in range(n)}
    while True:
        candidates = [
            (total / (len(members[a]) * len(members[b])) / bar[len(members[a]) + len(members[b])], a, b)
            for a in members
            for b, total in links[a].items()
            if a < b
        ]
        best = max(candidates, key=lambda c: (c[0], -c[1], -c[2]), default=None)
        if best is None or best[0] < 1.0:
            return tuple(sorted(tuple(sorted(m)) for m in members.values()))
        _, a, b = best
        for d, total in links.pop(b).items():
            del links[d][b]
            if d != a:
                links[a][d] = links[d][a] = links[a].get(d, 0.0) + total
        members[a] += members.pop(b)


@pytest.mark.parametrize("seed", range(30))
def test_clusters_are_the_size_dependent_average_link_of_all_pairs(seed: int) -> None:
    import random

    from generator.stories.grouping import cluster, need

    rng = random.Random(seed)
    n = rng.randint(1, 25)
    threshold, factor = rng.choice([0.1, 0.2]), rng.choice([1.0, 1.5, 2.0, 3.0])
    pairs = {}
    for _ in range(n * 3):
        i, j = sorted(rng.sample(range(n), 2)) if n > 1 else (0, 0)
        if i != j:
            pairs[(i, j)] = rng.choice([0.05, 0.15, 0.3, 0.5, rng.random()])
    bar = [0.0, 0.0] + [need(s, threshold, factor) for s in range(2, n + 1)]
    assert cluster(n, pairs, threshold, factor) == _merge_by_brute_force(n, pairs, bar)


def test_a_pair_needs_more_likeness_than_a_larger_story() -> None:
    from generator.stories.grouping import cluster

    pair = {(0, 1): 0.3}
    assert cluster(2, pair, 0.2, 2.0) == ((0,), (1,))
    five = {(i, j): 0.3 for i in range(5) for j in range(i + 1, 5)}
    assert cluster(5, {**five, (0, 1): 0.41}, 0.2, 2.0) == ((0, 1, 2, 3, 4),)


def test_a_contraction_is_a_stop_word_whatever_its_apostrophe() -> None:
    assert (
        content_stems("You’re sure I’m right, don’t you?") == content_stems("You're sure I'm right, don't you?") == ()
    )
