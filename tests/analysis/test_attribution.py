"""attribution.py: which cue introduces a quotation, who speaks it and who relayed it."""

from __future__ import annotations

import pytest

from generator.analysis.quotes.attribution import (
    AFTER_CUE_TOKENS,
    Attribution,
    after_quote,
    attribute,
    before_quote,
    colon_paragraph,
)
from generator.analysis.quotes.extract import find_quotes
from generator.analysis.quotes.marks import find_spans, masked, paragraphs, sentence_bounds


def attributions(text: str) -> list[tuple[str, Attribution | None]]:
    """Each quotation of `text` with its attribution, found the way the extractor asks for it."""
    spans = find_spans(text)
    plain = masked(text, spans)
    pars = paragraphs(text)
    found = []
    for span in spans:
        idx = pars.index((span.para_start, span.para_end))
        found.append((text[span.start : span.end], attribute(text, plain, span, pars[idx - 1] if idx else None)))
    return found


def only(text: str) -> Attribution | None:
    """The attribution of the one quotation in `text`."""
    ((_, found),) = attributions(text)
    return found


def named(text: str) -> str | None:
    """The name the one quotation of `text` is attributed to (None when unattributed or unnamed)."""
    found = only(text)
    return found.mention.name if found and found.mention else None


@pytest.mark.parametrize(
    "text",
    [
        '"We will rebuild," said Mayor Jo Park, who opened the dam.',
        "“We will rebuild,” said Mayor Jo Park, who opened the dam.",
        "‘We will rebuild,’ said Mayor Jo Park, who opened the dam.",
    ],
    ids=["straight", "curly", "single"],
)
def test_said_then_a_titled_name_after_the_quote_attributes_it_to_the_name_without_the_title(text: str) -> None:
    found = only(text)
    assert found is not None and found.mention is not None
    assert found.mention.name == "Jo Park" and found.mention.is_person
    assert text[found.mention.start : found.mention.end] == "Jo Park"
    assert found.via is None
    assert found.cue_end == text.index("said") + len("said")


def test_a_name_then_said_after_the_quote_is_the_speaker() -> None:
    text = '"We will rebuild," Jo Park said.'
    found = only(text)
    assert found is not None and found.mention is not None
    assert found.mention.name == "Jo Park"
    assert found.cue_end == text.index("said") + len("said")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We will rebuild," Defence Minister Ola Dahl said.', "Ola Dahl"),
        ('"We will rebuild," police chief Ada Moss said.', "Ada Moss"),
        ('"We will rebuild," said the mayor, Jo Park.', "Jo Park"),
        ('"It is over," Jo Park, the mayor of Riverside, who opened the festival on Saturday, said.', "Jo Park"),
        ('"We will rebuild," wrote Jo Park on Twitter.', "Jo Park"),
    ],
)
def test_titles_roles_and_asides_around_the_name_are_not_part_of_the_speaker(text: str, speaker: str) -> None:
    assert named(text) == speaker


@pytest.mark.parametrize("text", ['"We will rebuild," she said.', '"We will rebuild," she quipped.'])
def test_a_pronoun_after_the_quote_is_kept_as_a_pronoun_for_the_extractor_to_resolve(text: str) -> None:
    found = only(text)
    assert found is not None and found.mention is not None
    assert found.mention.is_pronoun and found.mention.name is None
    assert found.mention.written == "she"


def test_a_role_without_a_name_is_kept_as_written_and_unnamed() -> None:
    found = only('"We will rebuild," the mayor said.')
    assert found is not None and found.mention is not None
    assert found.mention.written == "the mayor"
    assert found.mention.name is None and not found.mention.is_pronoun


def test_a_role_ending_the_sentence_is_written_without_the_full_stop() -> None:
    found = only('"We will rebuild," said the mayor.')
    assert found is not None and found.mention is not None
    assert found.mention.written == "the mayor"


@pytest.mark.parametrize("ending", ["said the mayor.", "the mayor said."])
def test_a_role_is_resolved_to_the_person_named_before_whatever_the_word_order(ending: str) -> None:
    (quote,) = find_quotes(f'Mayor Jo Park opened the dam on Friday. "We will rebuild," {ending}')
    assert quote.speaker == "Jo Park"


@pytest.mark.parametrize(("word", "written"), [("Jr.", "Jo Park Jr."), ("J.", "Jo J.")])
def test_an_abbreviation_ending_the_sentence_keeps_its_own_full_stop(word: str, written: str) -> None:
    found = only(f'"We will rebuild," said {written.rsplit(" ", 1)[0]} {word}')
    assert found is not None and found.mention is not None
    assert found.mention.written == written


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Port authority chief Maria Okafor said: "Ships are waiting outside the harbour."', "Maria Okafor"),
        ('Jo Park, the mayor of Riverside, said: "We will rebuild."', "Jo Park"),
        ('Jo Park said that the town "will rebuild" soon.', "Jo Park"),
        ('Ortiz says Reyes\'s recent tweets attacking the plan are "simply wrong."', "Ortiz"),
    ],
)
def test_a_speaker_and_cue_before_the_quote_attribute_it(text: str, speaker: str) -> None:
    assert named(text) == speaker


@pytest.mark.parametrize(
    "text",
    [
        'According to Jo Park, "the town will rebuild."',
        '"The town will rebuild," according to Jo Park, the mayor.',
        'The town "will rebuild" by May, according to Jo Park, the mayor.',
    ],
)
def test_according_to_names_the_speaker_before_or_after_the_quote(text: str) -> None:
    found = only(text)
    assert found is not None and found.mention is not None
    assert found.mention.name == "Jo Park"
    assert found.cue_end == text.index("ccording to") + len("ccording to")


@pytest.mark.parametrize("text", ['"We will rebuild." ― Jo Park', '"We will rebuild" - Jo Park'])
def test_a_dash_after_the_quote_signs_it(text: str) -> None:
    assert named(text) == "Jo Park"


@pytest.mark.parametrize(
    ("text", "speaker", "via"),
    [
        (
            '"We are ready," Nordpress news agency quoted Energy Minister Ivan Petrov as saying.',
            "Ivan Petrov",
            "Nordpress",
        ),
        ('"We are ready," Reuters quoted Jo Park as saying.', "Jo Park", "Reuters"),
        (
            'Nordpress news agency cited Ivan Petrov as saying the pipeline was "nearly finished".',
            "Ivan Petrov",
            "Nordpress",
        ),
        ('"We will rebuild," Jo Park told Balt news agency.', "Jo Park", "Balt"),
        ('"We will rebuild," Jo Park told reporters.', "Jo Park", None),
    ],
)
def test_an_outlet_relaying_the_words_is_the_via_never_the_speaker(text: str, speaker: str, via: str | None) -> None:
    found = only(text)
    assert found is not None and found.mention is not None
    assert (found.mention.name, found.via) == (speaker, via)


def test_the_cue_of_a_relayed_quote_ends_after_as_saying() -> None:
    text = '"We are ready," Reuters quoted Jo Park as saying.'
    found = only(text)
    assert found is not None
    assert found.cue_end == text.index("as saying") + len("as saying")


def test_an_outlet_quoting_a_speaker_before_the_quote_is_the_via() -> None:
    found = only('Reuters quoted Jo Park as saying: "The town will rebuild."')
    assert found is not None and found.mention is not None
    assert (found.mention.name, found.via) == ("Jo Park", "Reuters")


def test_a_said_colon_paragraph_introduces_the_quoted_paragraph_after_it() -> None:
    text = 'Jo Park said:\n\n"We will rebuild."'
    assert named(text) == "Jo Park"
    spans = find_spans(text)
    first, _ = paragraphs(text)
    assert colon_paragraph(text, masked(text, spans), spans[0], first) is not None


def test_a_paragraph_before_the_quote_without_a_colon_does_not_introduce_it() -> None:
    text = 'Jo Park said the town would recover.\n\n"We will rebuild."'
    assert only(text) is None
    spans = find_spans(text)
    first, _ = paragraphs(text)
    assert colon_paragraph(text, masked(text, spans), spans[0], first) is None
    assert colon_paragraph(text, masked(text, spans), spans[0], None) is None


def test_an_attribution_never_reaches_into_the_next_paragraph() -> None:
    assert only('"We will rebuild."\n\nJo Park said the town would recover.') is None


@pytest.mark.parametrize(
    "text",
    [
        '"We will rebuild."',
        'The town "will rebuild" soon.',
        '"We will rebuild." Jo Park visited the dam on Monday with several hundred volunteers and said it was hard.',
    ],
    ids=["bare", "scare-quotes", "long-next-sentence"],
)
def test_a_quote_with_no_attribution_in_reach_has_no_speaker(text: str) -> None:
    assert only(text) is None


def test_a_short_sentence_after_a_question_holds_its_attribution() -> None:
    assert named('"Will it open?" Smith asked.') == "Smith"


def test_a_cue_further_after_the_quote_than_the_token_window_is_not_taken() -> None:
    """`," X, who ..., said`: up to AFTER_CUE_TOKENS words may stand between a quote and its cue."""

    def text(words: int) -> str:
        return '"It is over," Jo Park, who ' + " ".join(["ran"] * words) + ", said."

    inside, outside = AFTER_CUE_TOKENS - 3, AFTER_CUE_TOKENS - 2  # `Jo Park, who` are three words
    assert named(text(inside)) == "Jo Park"
    assert only(text(outside)) is None


def test_a_cue_after_a_later_quotation_belongs_to_that_quotation() -> None:
    (first, second) = attributions('"Stay calm," "help is coming," the chief said.')
    assert first == ("Stay calm,", None)
    assert second[0] == "help is coming,"
    assert second[1] is not None and second[1].mention is not None and second[1].mention.written == "the chief"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Cruz exhorted delegates to "vote your conscience."', "Cruz"),
        ('Jo Park called the plan "a disaster".', "Jo Park"),
    ],
)
def test_a_named_subject_speaks_the_words_quoted_in_its_predicate(text: str, speaker: str) -> None:
    assert named(text) == speaker


def test_the_subject_of_a_passive_cue_is_not_the_speaker() -> None:
    found = only('The plan was called "a disaster" by critics.')
    assert found is None or found.mention is None or found.mention.written != "The plan"


def test_the_subject_of_a_progressive_naming_cue_is_the_speaker() -> None:
    found = only('The mayor Jo Park is calling the plan "a disaster" for the town.')
    assert found is not None and found.mention is not None and found.mention.name == "Jo Park"


def test_before_and_after_look_only_on_their_own_side_of_the_quote() -> None:
    def sides(text: str) -> tuple[Attribution | None, Attribution | None]:
        spans = find_spans(text)
        plain = masked(text, spans)
        (span,) = spans
        start, _ = sentence_bounds(plain, span.para_start, span.para_end, span.start)
        _, end = sentence_bounds(plain, span.para_start, span.para_end, span.end)
        return before_quote(text, plain, span, start), after_quote(text, plain, span, end)

    before, after = sides('"We will rebuild," Jo Park said.')
    assert before is None and after is not None and after.mention is not None and after.mention.name == "Jo Park"
    before, after = sides('Jo Park said: "We will rebuild."')
    assert after is None and before is not None and before.mention is not None and before.mention.name == "Jo Park"


TEXTS = [
    '"We will rebuild," said Mayor Jo Park, who opened the dam.',
    '"We will rebuild," said Mayor Jo Park.',
    '"We are ready," Nordpress news agency quoted Energy Minister Ivan Petrov as saying.',
    'On Sunday, the envoy, Olga Sarin, told Balt news agency that the pipeline was "nearly finished".',
    '"The pier will reopen," a statement from Mayor Lena Ortiz said.',
    'According to a post on Tom Reyes\'s website, "We are ready."',
    'Mayor Lena Ortiz weighed in on Twitter, writing: "Every bridge will reopen by May."',
    '"Any boats left?" asked Tom Reyes on Twitter.',
    'Jo Park said:\n\n"We will rebuild."',
    '"We will rebuild," she said, "and it will take years."',
]


@pytest.mark.parametrize("text", TEXTS)
def test_every_speaker_and_outlet_is_written_in_the_text_where_the_mention_says(text: str) -> None:
    """Never a name from outside the text: the mention is the text at its offsets."""
    found = [a for _, a in attributions(text) if a is not None]
    assert found
    for attribution in found:
        mention = attribution.mention
        assert mention is not None
        assert text[mention.start : mention.end] == mention.written
        assert mention.name is None or mention.name in mention.written
        assert attribution.via is None or attribution.via in text
