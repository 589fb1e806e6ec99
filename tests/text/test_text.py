"""The text layer: sentences and words, language, calendar dates, slugs, background weights."""

from __future__ import annotations

import pytest

from generator.text.background import document_frequencies, format_table, rarity
from generator.text.dates import is_only_date, parse_date
from generator.text.language import code_for, detect_language, normalise_code
from generator.text.slugs import assign_slugs, slugify
from generator.text.tokenizer import SentenceTokenizer
from generator.text.vectors import content_stems, weighted_vector


def test_sentences_split_after_a_quoted_question_and_keep_abbreviations() -> None:
    tokenizer = SentenceTokenizer()
    text = "\u201cWho knew?\u201d Nobody did. Mr. Smith arrived at 3 p.m. on Monday. He left."
    assert tokenizer.to_sentences(text) == (
        "\u201cWho knew?\u201d",
        "Nobody did.",
        "Mr. Smith arrived at 3 p.m. on Monday.",
        "He left.",
    )


def test_words_keep_hyphens_and_apostrophes_inside_a_word() -> None:
    assert SentenceTokenizer().to_words("The anti-tank gun isn't O'Neil's, he said.") == (
        "The", "anti-tank", "gun", "isn't", "O'Neil's", "he", "said",
    )  # fmt: skip


def test_a_very_long_paragraph_is_split_without_losing_a_word() -> None:
    paragraph = " ".join(f"Sentence number {k} says something about the river." for k in range(800))
    sentences = SentenceTokenizer().to_sentences(paragraph)
    assert len(sentences) == 800
    assert " ".join(sentences).split() == paragraph.split()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The minister said that the budget would be cut and that the unions were not happy with it.", "en"),
        ("Der Minister sagte, dass der Haushalt gekürzt werde und die Gewerkschaften nicht zufrieden seien.", "de"),
        ("Министр заявил, что бюджет будет сокращён, и профсоюзы этим недовольны.", "ru"),
        ("政府は来年度の予算を削減すると発表した。", "ja"),
        ("ok", None),
    ],
)
def test_the_language_is_told_by_stop_words_or_script(text: str, code: str | None) -> None:
    assert detect_language(text) == code


def test_language_codes_and_names() -> None:
    assert normalise_code("en-GB") == normalise_code("EN") == normalise_code("en_US") == "en"
    assert normalise_code(None) is None and normalise_code("") is None
    assert code_for("english") == "en" and code_for("German") == "de"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("4 September 2023", "2023-09-04"),
        ("Sept. 4, 2023", "2023-09-04"),
        ("Published on 2023-09-04 at noon", "2023-09-04"),
        ("Monday, March 2nd, 2009", "2009-03-02"),
        ("31 February 2024", None),
        ("September 2023", None),
        ("4 September", None),
    ],
)
def test_only_full_calendar_dates_are_dates(text: str, day: str | None) -> None:
    assert parse_date(text) == day


def test_a_line_that_is_only_a_date() -> None:
    assert is_only_date("Saturday, January 8, 2005")
    assert not is_only_date("On January 8, 2005 the river rose above the old stone bridge")


def test_slugs_are_ascii_unique_and_stable_in_path_order() -> None:
    assert slugify("Ça va? Déjà vu!") == "ca-va-deja-vu"
    assert slugify("???") == "item"
    sources = ["seeds/b/Report.txt", "seeds/a/report.md", "seeds/report.html"]
    slugs = assign_slugs(sources)
    assert slugs == assign_slugs(list(reversed(sources)))
    assert sorted(slugs.values()) == ["report", "report-2", "report-3"]
    assert slugs["seeds/a/report.md"] == "report"


def test_a_rare_stem_weighs_more_than_a_common_one_and_an_unknown_one_most() -> None:
    documents, table = document_frequencies()
    assert documents > 1000 and table
    common, rare = content_stems("government")[0], content_stems("hurricane")[0]
    assert table[common] > table.get(rare, 0)
    assert rarity(common) < rarity(rare) < rarity("zzqxv-never-seen")


def test_an_articles_vector_is_normalised_and_its_own() -> None:
    vector = weighted_vector(("flood", "flood", "river", "@jo park"))
    assert sum(w * w for w in vector.values()) == pytest.approx(1.0)
    assert vector == weighted_vector(("river", "@jo park", "flood", "flood"))
    assert weighted_vector(()) == {}


def test_the_background_table_keeps_counted_stems_sorted() -> None:
    text = format_table(3, {"b": 2, "a": 3, "c": 1, "bad\tstem": 2})
    assert text == "documents\t3\na\t3\nb\t2\n"
