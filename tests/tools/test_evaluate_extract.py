"""evaluate/extract.py: the shingle metric, the metadata rules, and both evaluations on a tiny folder."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from generator.tools.evaluate.extract import (
    evaluate_extract,
    evaluate_meta,
    format_extract_report,
    meta_right,
    shingle_scores,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "formats"
BODY = (
    "More than two hundred volunteers planted a thousand young oaks and willows along the river bank on Saturday.\n"
    "The trees will help hold the bank together during winter floods, the river trust said after the planting.\n"
    "A second planting day is planned for the autumn, when the trust hopes to reach the old mill at the edge of town."
)


def test_shingle_metric_follows_the_benchmark() -> None:
    truth = {"a": "one two three four five", "b": "", "c": "alpha beta gamma delta"}
    assert shingle_scores({"a": "one two three four five", "b": "", "c": "alpha beta gamma delta"}, truth) == {
        "f1": 1.0,
        "precision": 1.0,
        "recall": 1.0,
    }
    half = shingle_scores({"a": "one two three four", "b": "", "c": "alpha beta gamma delta"}, truth)
    assert half == {"f1": 0.9091, "precision": 1.0, "recall": 0.8333}  # recall (0.5 + 1 + 1) / 3
    missing = shingle_scores({"b": "x y z w"}, {"a": "one two three four", "b": ""})
    assert missing == {"f1": 0.0, "precision": 0.0, "recall": 0.0}


def test_metadata_rules() -> None:
    gold = {
        "title": "Ferry returns",
        "also_accepted_titles": ["The ferry is back"],
        "authors": ["Ines Alvarez, MA"],
        "publisher": "The Harbour Gazette",
        "original_publisher": "Press Wire",
        "published": None,
        "lang": "en",
    }
    assert meta_right("title", "THE FERRY IS BACK", gold)
    assert meta_right("authors", "By Ines Alvarez", gold) and not meta_right("authors", None, gold)
    assert meta_right("publisher", "Harbour Gazette", gold) and meta_right("publisher", "Press Wire", gold)
    assert not meta_right("publisher", None, gold)
    assert meta_right("published", None, gold) and not meta_right("published", "2024-01-01", gold)
    assert meta_right("lang", "en-GB", gold)


def test_evaluate_extract_on_a_small_folder(tmp_path: Path) -> None:
    (tmp_path / "trees.html.gz").write_bytes((FIXTURES / "trees.html.gz").read_bytes())
    (tmp_path / "cookies.html.gz").write_bytes(gzip.compress((FIXTURES / "cookie_only.html").read_bytes(), mtime=0))
    truth = {
        "trees": {"articleBody": BODY, "url": "https://x.example/trees"},
        "cookies": {"articleBody": "", "url": ""},
    }
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    out = tmp_path / "out.json"
    result = evaluate_extract(tmp_path, out=out)
    assert result["n"] == 2 and set(result["systems"]) == {"briefing", "trafilatura"}
    assert set(result["systems"]["briefing"]) == {"f1", "precision", "recall", "ms_per_page"}
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["trees"]["articleBody"] == BODY and written["cookies"]["articleBody"] == ""
    assert "briefing" in format_extract_report(result)


def test_evaluate_meta_on_a_small_folder(tmp_path: Path) -> None:
    (tmp_path / "001.html").write_bytes((FIXTURES / "cp1252.html").read_bytes())
    gold = {
        "title": "Café owners welcome the new harbour ferry",
        "also_accepted_titles": [],
        "authors": ["Ines Alvarez"],
        "publisher": "Harbour Gazette",
        "original_publisher": None,
        "published": "2024-03-12",
        "lang": "en",
    }
    (tmp_path / "001.json").write_text(json.dumps(gold), encoding="utf-8")
    result = evaluate_meta(tmp_path)
    assert result["n"] == 1 and result["misses"] == []
    assert result["systems"]["briefing"] == {"title": 1, "authors": 1, "publisher": 1, "published": 1, "lang": 1}
    assert "trafilatura" in format_extract_report(result)


def test_leave_one_site_out_chooses_on_the_other_sites() -> None:
    from generator.tools.evaluate.extract_cv import leave_one_site_out, site

    truth = {"a": "one two three four five six", "b": "alpha beta gamma delta epsilon", "c": "red green blue cyan teal"}
    sites = {"a": site("https://www.one.example/x", "a"), "b": site("https://two.example/y", "b"), "c": site(None, "c")}
    assert sites == {"a": "one.example", "b": "two.example", "c": "c"}
    texts = {
        "briefing": {"a": truth["a"], "b": truth["b"], "c": "noise noise noise noise noise"},
        "trafilatura": {"a": "x y z w v", "b": "x y z w v", "c": truth["c"]},
    }
    result = leave_one_site_out(texts, truth, sites)
    # Briefing wins on the other two sites whichever site is held out, so it is scored on c too.
    assert result["chosen"] == {"briefing": 3} and result["sites"] == 3
    assert result["site_delta_vs_trafilatura"]["sites_below"] == 1
    assert result["f1"] == result["in_sample"]["briefing"]["f1"]
