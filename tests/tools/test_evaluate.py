"""The evaluation commands on small data of the project's own: keys, rules, and the gate's floors."""

from __future__ import annotations

import json
from pathlib import Path

from generator.cli import main
from generator.tools.evaluate.cleaning import audit_cleaning, format_cleaning_report
from generator.tools.evaluate.gate import run_gate
from generator.tools.evaluate.quotes import evaluate_quotes
from generator.tools.evaluate.stories import evaluate_stories, format_stories_report

TEXT = "The mayor was clear. “We will rebuild the harbour wall,” Anna Berg said on Monday."
QUOTE = "We will rebuild the harbour wall,"


def _row() -> dict:
    start = TEXT.index(QUOTE)
    speaker = TEXT.index("Anna Berg")
    return {
        "id": "1",
        "title": "t",
        "text": TEXT,
        "quotes": [
            {
                "quote": QUOTE,
                "speaker": "Anna Berg",
                "cue": "said",
                "direct": True,
                "speaker_is_pronoun": False,
                "quote_spans": [[start, start + len(QUOTE)]],
                "speaker_spans": [[speaker, speaker + 9]],
                "cue_spans": [],
            },
        ],
    }


def test_quote_scores_on_a_known_row() -> None:
    result = evaluate_quotes([_row()])
    assert {k: result[k] for k in ("precision", "recall", "f1", "speaker_accuracy", "n_gold", "n_predicted")} == {
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
        "speaker_accuracy": 1.0,
        "n_gold": 1,
        "n_predicted": 1,
    }


def test_clean_audit_shows_what_was_found_and_removed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Harbour wall to be rebuilt\n\nBy Jane Doe\n\n" + TEXT + " The council agreed the plan after a long debate.\n\n"
        "Subscribe to our newsletter for more news from Portville Post.\n\n© 2024 Portville Post. All rights reserved.",
        encoding="utf-8",
    )
    result = audit_cleaning(tmp_path)
    found = result["files"]["a.txt"]
    assert found["title"] == "Harbour wall to be rebuilt" and found["author"] == "Jane Doe"
    assert found["publisher"] == "Portville Post" and len(found["removed"]) == 3
    assert "removed" in format_cleaning_report(result)


def test_gate_fails_below_a_floor_and_never_lowers_one_silently(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "q.jsonl").write_text(json.dumps(_row()) + "\n", encoding="utf-8")
    floors = tmp_path / "floors.json"
    check = {"name": "q", "kind": "quotes", "data": "q.jsonl", "tolerance": 0.01, "metrics": {"f1": 1.0}}
    floors.write_text(json.dumps({"checks": [check]}), encoding="utf-8")
    assert run_gate(floors, data)[0]
    floors.write_text(json.dumps({"checks": [{**check, "metrics": {"f1": 1.5}}]}), encoding="utf-8")
    passed, lines = run_gate(floors, data, pin=True)
    assert not passed and json.loads(floors.read_text())["checks"][0]["metrics"]["f1"] == 1.5
    assert run_gate(floors, data, pin=True, allow_lower=True)[0]
    assert json.loads(floors.read_text())["checks"][0]["metrics"]["f1"] == 1.0
    assert main(["evaluate", "gate", "--floors", str(floors), "--data-dir", str(data)]) == 0


def test_story_scores_count_the_distractors_left_alone() -> None:
    cases = Path(__file__).resolve().parents[1] / "cases" / "stories"
    flood_a, flood_b, football = (
        (cases / f"{name}.txt").read_text(encoding="utf-8") for name in ("flood_a", "flood_b", "football")
    )
    rows = [{"articles": [flood_a, flood_b], "reference": "Flash floods killed at least 12 people in Korvassa."}]
    title, _, text = flood_b.partition("\n\n")
    distractors = [{"text": football}, {"title": title, "text": text}]  # the second reports the floods again
    result = evaluate_stories(rows, distractors=distractors)
    assert (result["articles"], result["distractors"], result["distractors_alone"]) == (4, 2, 0.5)
    assert "distractors" not in evaluate_stories(rows)
    assert "distractors left alone: 0.500 of 2" in format_stories_report(result)


def test_story_scores_date_wire_ids_count_checked_pairs_once_and_score_pairs() -> None:
    from generator.tools.evaluate.stories import digest_feed

    cases = Path(__file__).resolve().parents[1] / "cases" / "stories"
    flood_a, flood_b, football = (
        (cases / f"{name}.txt").read_text(encoding="utf-8") for name in ("flood_a", "flood_b", "football")
    )
    rows = [{"articles": [flood_a], "doc_ids": ["APW19981016.0240"]}]
    copies = [{"id": "x1", "text": flood_b}, {"id": "x2", "text": flood_b}, {"id": "x3", "text": football}]
    feed = digest_feed(rows, copies, same_event=[("x1", "x2")])
    assert feed.digests[0].article.published == "1998-10-16"
    assert len(set(feed.label.values())) == 3 and len(feed.singles) == 1  # x1 and x2 are one event
    result = evaluate_stories(rows, feed=feed)
    assert result["distractors"] == 1 and result["distractors_alone"] == 1.0
    assert {"pair_precision", "pair_recall", "largest"} <= set(result)
    assert result["largest"] >= 2 and "pairs: precision" in format_stories_report(result)


def test_the_grouping_learner_cross_validates_on_held_out_events(tmp_path: Path, capsys) -> None:
    import importlib.util
    import json

    script = Path(__file__).resolve().parents[2] / "scripts" / "learn_story_grouping.py"
    spec = importlib.util.spec_from_file_location("learn_story_grouping", script)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    cases = Path(__file__).resolve().parents[1] / "cases" / "stories"
    flood_a, flood_b, football = (
        (cases / f"{name}.txt").read_text(encoding="utf-8") for name in ("flood_a", "flood_b", "football")
    )
    events = tmp_path / "events.jsonl"
    events.write_text(
        "\n".join(json.dumps(row) for row in ({"articles": [flood_a, flood_b]}, {"articles": [football, football]})),
        encoding="utf-8",
    )
    singles = tmp_path / "singles.jsonl"
    singles.write_text(json.dumps({"id": "s1", "text": football}) + "\n", encoding="utf-8")
    assert module.main(["--events", str(events), "--distractors", str(singles), "--folds", "2"]) == 0
    printed = capsys.readouterr().out
    assert printed.count("held out:") == 2 and "chosen on all" in printed and "cross-validated feed" in printed
