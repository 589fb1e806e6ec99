"""`evaluate clean` in sum: articles dropped and words removed, in each shape a user pastes."""

from __future__ import annotations

import json
from pathlib import Path

from generator.tools.evaluate.cleaning import SHAPES, load_pastes, measure_loss
from generator.tools.evaluate.gate import run_gate

ARTICLE = (
    "The city council voted on Tuesday to build a second bridge over the river, ending a long debate.",
    "The bridge will cost 40 million euros and open in three years, the mayor told reporters after the vote.",
)


def test_shapes_keep_every_word_of_a_wrapped_paragraph() -> None:
    wrapped = SHAPES["wrapped-crlf"](ARTICLE)
    assert "\r\n\r\n" in wrapped
    assert all(len(line) <= 72 for line in wrapped.split("\r\n"))
    assert wrapped.split() == " ".join(ARTICLE).split()
    assert SHAPES["one-paragraph"](ARTICLE) == " ".join(ARTICLE)


def test_jsonl_rows_of_every_kind_are_pasted(tmp_path: Path) -> None:
    data = tmp_path / "rows.jsonl"
    rows = [
        {"id": "a", "title": "Bridge vote", "text": "\n\n".join(ARTICLE)},
        {"id": "b", "articles": ["\n\n".join(ARTICLE)], "titles": ["Bridge vote"]},
        {"id": "c", "paragraphs": list(ARTICLE)},
    ]
    data.write_text("\n".join(json.dumps(row) for row in rows), encoding="utf-8")
    pastes = load_pastes(data)
    assert [name for name, _, _ in pastes] == ["a", "b-0", "c"]
    result = measure_loss(pastes, tuple(SHAPES))
    for found in result["shapes"].values():
        assert found["dropped"] == 0
        assert found["words_removed"] == 0
        assert found["words_kept"] == 1.0


def test_a_folder_counts_furniture_as_removed(tmp_path: Path) -> None:
    page = (
        "Bridge vote\n\n"
        + "\n\n".join(ARTICLE)
        + "\n\nShare this article\n\n© 2021 Riverside Post Ltd. All rights reserved.\n"
    )
    (tmp_path / "page.txt").write_text(page, encoding="utf-8")
    found = measure_loss(load_pastes(tmp_path))["shapes"]["published"]
    assert found["dropped"] == 0
    assert found["words_removed"] == len("Share this article © 2021 Riverside Post Ltd. All rights reserved.".split())
    assert found["largest_removals"][0]["name"] == "page.txt"


def test_the_gate_pins_articles_and_words_kept(tmp_path: Path) -> None:
    (tmp_path / "rows.jsonl").write_text(json.dumps({"id": "a", "title": "Bridge vote", "text": "\n\n".join(ARTICLE)}))
    metrics = {f"shapes.{shape}.{key}": 1.0 for shape in SHAPES for key in ("articles_kept", "words_kept")}
    check = {"name": "clean_rows", "kind": "clean", "data": "rows.jsonl", "metrics": metrics}
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"checks": [check]}), encoding="utf-8")
    passed, lines = run_gate(floors, tmp_path)
    assert passed and len(lines) == 6
