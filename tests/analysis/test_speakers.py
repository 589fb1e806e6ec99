"""speakers.py: the speaker mention beside a cue verb, a sentence's subject, a relaying outlet."""

from __future__ import annotations

import pytest

from generator.analysis.quotes.speakers import (
    Mention,
    agency_name,
    is_outlet,
    leading_subject,
    subject_after,
    subject_before,
)


def before_cue(phrase: str, cue: str = "said") -> Mention | None:
    """The speaker `subject_before` finds in `phrase`, followed by `cue` in a sentence."""
    text = f"{phrase} {cue} the river would rise."
    mention = subject_before(text, 0, len(phrase) + 1)
    if mention is not None:
        assert text[mention.start : mention.end] == mention.written
    return mention


def after(phrase: str) -> Mention | None:
    """The speaker `subject_after` finds at the start of `phrase` (as after `," said`)."""
    mention = subject_after(phrase, 0, len(phrase))
    if mention is not None:
        assert phrase[mention.start : mention.end] == mention.written
    return mention


def lead(sentence: str) -> Mention | None:
    """The subject `leading_subject` finds opening `sentence`."""
    return leading_subject(sentence, 0, len(sentence))


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("Defence Minister Ola Dahl", "Ola Dahl"),
        ("Port authority chief Maria Okafor", "Maria Okafor"),
        ("Mr. Smith", "Mr. Smith"),
        ("Jo Park, the mayor of Riverside,", "Jo Park"),
        ("the mayor, Jo Park,", "Jo Park"),
        ("Jo Park (pictured)", "Jo Park"),
        ("In a statement, Ortiz", "Ortiz"),
        ("It was late when Jo Park", "Jo Park"),
    ],
)
def test_the_name_just_before_a_cue_is_the_speaker_without_its_title(phrase: str, name: str) -> None:
    mention = before_cue(phrase)
    assert mention is not None
    assert (mention.name, mention.written) == (name, name)
    assert not mention.is_pronoun


@pytest.mark.parametrize("phrase", ["Jo Park has repeatedly", "Jo Park also", "Jo Park had already"])
def test_auxiliaries_and_adverbs_between_the_speaker_and_the_cue_are_skipped(phrase: str) -> None:
    mention = before_cue(phrase)
    assert mention is not None and mention.name == "Jo Park"


@pytest.mark.parametrize("pronoun", ["she", "He", "They"])
def test_a_pronoun_before_a_cue_is_marked_as_one_with_no_name(pronoun: str) -> None:
    mention = before_cue(pronoun)
    assert mention == Mention(0, len(pronoun), pronoun, None, is_pronoun=True)


@pytest.mark.parametrize("phrase", ["officials", "the mayor", "the town's mayor"])
def test_an_unnamed_noun_phrase_is_kept_as_written_with_no_name(phrase: str) -> None:
    mention = before_cue(phrase)
    assert mention is not None
    assert (mention.written, mention.name, mention.is_pronoun) == (phrase, None, False)


@pytest.mark.parametrize(
    ("phrase", "person"),
    [
        ("Jo Park", True),
        ("Mr. Smith", True),
        ("Defence Minister Ola Dahl", True),
        ("Smith", False),
        ("Riverside City Council", False),
        ("The Ministry of Health", False),
    ],
)
def test_a_name_reads_as_a_person_or_as_a_body(phrase: str, person: bool) -> None:
    """Two names, an honorific or a title mark a person; a body's head word marks a body; one bare name, neither."""
    mention = before_cue(phrase)
    assert mention is not None and mention.name is not None
    assert mention.is_person is person


@pytest.mark.parametrize(
    ("phrase", "issuer"),
    [
        ("a statement from Mayor Lena Ortiz", "Lena Ortiz"),
        ("A post on the Harbour Trust's website", "Harbour Trust"),
    ],
)
def test_a_document_is_not_the_speaker_its_issuer_is(phrase: str, issuer: str) -> None:
    mention = before_cue(phrase)
    assert mention is not None and mention.name == issuer


def test_a_platform_after_a_preposition_is_where_the_words_were_posted_not_who_wrote_them() -> None:
    mention = before_cue("Mayor Lena Ortiz weighed in on Twitter,", cue="writing")
    assert mention is not None and mention.name == "Lena Ortiz"
    mention = after("Tom Reyes on Twitter.")
    assert mention is not None and mention.name == "Tom Reyes"


@pytest.mark.parametrize("phrase", ["", "quietly and"])
def test_no_speaker_before_a_cue_when_no_name_pronoun_or_noun_is_written(phrase: str) -> None:
    assert before_cue(phrase) is None


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("Jo Park, the mayor, on Monday.", "Jo Park"),
        ("the city engineer, Tomas Lindqvist, on Monday.", "Tomas Lindqvist"),
        ("Mayor Jo Park, who opened the festival with a parade.", "Jo Park"),
        ("Ivan Petrov", "Ivan Petrov"),
    ],
)
def test_the_name_opening_the_words_after_a_cue_is_the_speaker(phrase: str, name: str) -> None:
    mention = after(phrase)
    assert mention is not None
    assert (mention.name, mention.written) == (name, name)
    assert mention.is_person


@pytest.mark.parametrize("phrase", ["he added.", "she said on Monday."])
def test_a_pronoun_after_a_quote_is_marked_as_one(phrase: str) -> None:
    mention = after(phrase)
    assert mention is not None
    assert mention.is_pronoun and mention.name is None and mention.written == phrase.split()[0]


@pytest.mark.parametrize("phrase", ["", "quietly."])
def test_no_speaker_after_a_cue_when_only_an_adverb_follows(phrase: str) -> None:
    assert after(phrase) is None


@pytest.mark.parametrize(("phrase", "written"), [("the mayor.", "the mayor"), ("Jo Park.", "Jo Park")])
def test_a_speaker_ending_the_sentence_does_not_take_its_full_stop(phrase: str, written: str) -> None:
    mention = after(phrase)
    assert mention is not None
    assert mention.written == written


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Mayor Petra Holm opened the library.", "Petra Holm"),
        ("However, Jo Park opened it.", "Jo Park"),
        ("On Monday, Jo Park opened it.", "Jo Park"),
    ],
)
def test_the_named_subject_opening_a_sentence_past_an_introduction(sentence: str, name: str) -> None:
    mention = lead(sentence)
    assert mention is not None
    assert (mention.name, mention.written, mention.is_person) == (name, name, True)
    assert sentence[mention.start : mention.end] == name


def test_a_sentence_opening_with_a_pronoun_or_an_article_gives_an_unnamed_subject() -> None:
    pronoun = lead("She opened it.")
    assert pronoun is not None and pronoun.is_pronoun and pronoun.written == "She"
    noun = lead("The company issued a statement.")
    assert noun is not None
    assert (noun.written, noun.name, noun.is_pronoun) == ("The company", None, False)


def test_a_sentence_opening_with_a_lowercase_noun_has_no_leading_subject() -> None:
    assert lead("residents fled the town.") is None
    assert lead("") is None


@pytest.mark.parametrize(
    ("phrase", "outlet", "is_one"),
    [
        ("Interfax news agency", "Interfax", True),
        ("TASS news agency said", "TASS", True),
        ("Kyiv Post newspaper", "Kyiv Post", True),
        ("Reuters", "Reuters", False),
        ("reporters", None, False),
    ],
)
def test_an_outlet_is_named_without_its_media_word(phrase: str, outlet: str | None, is_one: bool) -> None:
    assert agency_name(phrase, 0, len(phrase)) == outlet
    assert is_outlet(phrase, 0, len(phrase)) is is_one


def test_a_lowercase_phrase_before_a_media_word_is_not_an_outlet() -> None:
    assert not is_outlet("the state broadcaster", 0, len("the state broadcaster"))
    assert agency_name("state broadcaster", 0, len("state broadcaster")) is None


def test_offsets_are_absolute_in_the_whole_text() -> None:
    """Searching a window of a longer text gives offsets into the whole text, not the window."""
    text = 'The dam held. "We will rebuild," said Mayor Jo Park, smiling.'
    start = text.index("said") + len("said")
    mention = subject_after(text, start, len(text))
    assert mention is not None
    assert (mention.start, mention.end) == (text.index("Jo Park"), text.index("Jo Park") + len("Jo Park"))
