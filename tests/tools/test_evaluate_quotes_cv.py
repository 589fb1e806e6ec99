"""The quotes cross-validation on rows of our own: rules vary inside a fold only, and both halves are scored."""

from __future__ import annotations

from generator.analysis.quotes import attribution, cues
from generator.analysis.quotes.extract import find_quotes
from generator.tools.evaluate.quotes_cv import Rules, applied, core_verbs, cross_validate, shipped

TEXT = "The mayor spoke. “We will rebuild the harbour wall.” Anna Berg vowed on Monday."
QUOTE = "“We will rebuild the harbour wall.”"


def _row(n: int) -> dict:
    start = TEXT.index(QUOTE)
    speaker = TEXT.index("Anna Berg")
    gold = {
        "quote": QUOTE,
        "speaker": "Anna Berg",
        "direct": True,
        "quote_spans": [[start, start + len(QUOTE)]],
        "speaker_spans": [[speaker, speaker + 9]],
    }
    return {"id": str(n), "text": TEXT, "quotes": [gold]}


def test_rules_apply_inside_the_block_only() -> None:
    before = (cues.CUE, attribution.CUE, attribution.AFTER_CUE_TOKENS)
    with applied(Rules(core_verbs(), {(attribution, "AFTER_CUE_TOKENS"): 3})):
        assert attribution.AFTER_CUE_TOKENS == 3
        assert not cues.CUE.search("she vowed")
        assert find_quotes(TEXT)[0].speaker is None
    assert (cues.CUE, attribution.CUE, attribution.AFTER_CUE_TOKENS) == before
    assert find_quotes(TEXT)[0].speaker == "Anna Berg"


def test_a_verb_earns_its_place_on_the_fit_half() -> None:
    result = cross_validate([_row(n) for n in range(4)])
    assert [fold["verbs_kept"] for fold in result["folds"]] == [len(core_verbs()) + 1] * 2
    assert result["pooled"]["f1"] == 1.0 and result["pooled"]["n_gold"] == 4
    assert len(shipped().verbs) == len(cues.REGULAR_CUES)
