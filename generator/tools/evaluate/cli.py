"""`python -m generator evaluate ...`: the quality commands, one subcommand per measure."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def add_evaluate_command(commands: Any) -> None:
    """Register `evaluate summary|quotes|clean` on the main parser's subcommands."""
    evaluate = commands.add_parser(
        "evaluate",
        help="print quality scores against evaluation data",
        description="Print quality scores against evaluation data.",
    )
    kinds = evaluate.add_subparsers(dest="kind", metavar="KIND", required=True)

    summary = kinds.add_parser(
        "summary",
        help="ROUGE of every summariser against references (and a human extract), dangling-opener share, speed",
    )
    summary.add_argument(
        "--data",
        type=Path,
        required=True,
        help="JSONL file with `text` and `reference` per row (optional `title`, `extract_sentences`)",
    )
    summary.add_argument("--sentences", type=int, default=3, help="summary length in sentences (default 3)")
    summary.add_argument(
        "--algorithm", default="briefing", help="summariser reported as `briefing` (default: briefing)"
    )
    summary.add_argument("--json", action="store_true", help="print one JSON object")
    summary.set_defaults(run=_summary)

    quotes = kinds.add_parser("quotes", help="direct-quote span F1 and speaker accuracy (PolNeAR-style JSONL)")
    quotes.add_argument(
        "--data", type=Path, required=True, help="JSONL file with `text` and annotated `quotes` per row"
    )
    quotes.add_argument("--json", action="store_true", help="print one JSON object")
    quotes.set_defaults(run=_quotes)

    extract = kinds.add_parser(
        "extract", help="article-text extraction from saved pages (shingle F1) and page metadata, beside trafilatura"
    )
    extract.add_argument("--data", type=Path, help="folder of NAME.html.gz pages with ground-truth.json")
    extract.add_argument("--meta", type=Path, help="folder of NNN.html pages with NNN.json metadata")
    extract.add_argument("--out", type=Path, help="also write the extracted texts as {NAME: {articleBody}} JSON")
    extract.add_argument("--json", action="store_true", help="print one JSON object")
    extract.set_defaults(run=_extract)

    stories = kinds.add_parser(
        "stories", help="story grouping (ARI, purity) and story-summary ROUGE (multi-document JSONL)"
    )
    stories.add_argument(
        "--data", type=Path, required=True, help="JSONL file with `articles` and `reference`/`references` per row"
    )
    stories.add_argument(
        "--threshold", type=float, default=None, help="grouping threshold (default: the site's default)"
    )
    stories.add_argument(
        "--distractors",
        type=Path,
        nargs="+",
        default=[],
        help="JSONL files of single articles (`text`, optional `title`), each on an event of its own, mixed in",
    )
    stories.add_argument(
        "--same-event",
        type=Path,
        help="file of distractor id pairs that report one event (two ids a line), counted as one event",
    )
    stories.add_argument("--json", action="store_true", help="print one JSON object")
    stories.set_defaults(run=_stories)

    gate = kinds.add_parser("gate", help="run the evaluations and fail when a score falls below its pinned floor")
    gate.add_argument(
        "--floors", type=Path, default=Path("quality/floors.json"), help="floors file (default: quality/floors.json)"
    )
    gate.add_argument(
        "--data-dir",
        type=Path,
        default=Path("../shared/eval"),
        help="folder of the evaluation data (default: ../shared/eval)",
    )
    gate.add_argument(
        "--pin",
        action="store_true",
        help="write the current scores as the new floors (never lower without --allow-lower)",
    )
    gate.add_argument("--allow-lower", action="store_true", help="with --pin: allow a floor to go down")
    gate.set_defaults(run=_gate)

    clean = kinds.add_parser(
        "clean",
        help="what cleaning removes: per file for a folder of .txt articles, and in sum for a folder or JSONL file",
    )
    clean.add_argument(
        "--data",
        type=Path,
        required=True,
        help="folder of pasted-text articles, or JSONL file with `text`, `paragraphs` or `articles` per row",
    )
    clean.add_argument(
        "--shapes",
        action="store_true",
        help="paste each article as published, as one paragraph and hard-wrapped at 72 columns with CRLF",
    )
    clean.add_argument("--json", action="store_true", help="print one JSON object")
    clean.set_defaults(run=_clean)


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    """Rows of a JSON Lines file."""
    with path.open(encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def _summary(args: argparse.Namespace) -> int:
    from generator.tools.evaluate.summary import evaluate_summaries, format_summary_table

    result = evaluate_summaries(load_jsonl(args.data), sentences=args.sentences, algorithm=args.algorithm)
    print(json.dumps(result, indent=2) if args.json else format_summary_table(result))
    return 0


def _quotes(args: argparse.Namespace) -> int:
    from generator.tools.evaluate.quotes import evaluate_quotes, format_quotes_report
    from generator.tools.evaluate.quotes_cv import cross_validate

    rows = load_jsonl(args.data)
    result = evaluate_quotes(rows)
    # Beside the in-sample figure, always: word lists and thresholds chosen on one half, scored on the other.
    result["cross_validated"] = cross_validate(rows)
    print(json.dumps(result, indent=2) if args.json else format_quotes_report(result))
    return 0


def _extract(args: argparse.Namespace) -> int:
    from generator.tools.evaluate.extract import evaluate_extract, evaluate_meta, format_extract_report

    if not args.data and not args.meta:
        print("evaluate extract: give --data DIR, --meta DIR or both", file=sys.stderr)
        return 2
    results: dict[str, Any] = {}
    if args.data:
        results["text"] = evaluate_extract(args.data, out=args.out)
    if args.meta:
        results["meta"] = evaluate_meta(args.meta)
    if args.json:
        single = next(iter(results.values())) if len(results) == 1 else results
        print(json.dumps(single, indent=2, ensure_ascii=False))
    else:
        print("\n\n".join(format_extract_report(r) for r in results.values()))
    return 0


def _stories(args: argparse.Namespace) -> int:
    from generator.stories.assemble import DEFAULT_THRESHOLD
    from generator.tools.evaluate.stories import evaluate_stories, format_stories_report, read_same_event

    threshold = DEFAULT_THRESHOLD if args.threshold is None else args.threshold
    distractors = [row for path in args.distractors for row in load_jsonl(path)]
    same = read_same_event(args.same_event) if args.same_event else ()
    result = evaluate_stories(load_jsonl(args.data), threshold=threshold, distractors=distractors, same_event=same)
    print(json.dumps(result, indent=2, ensure_ascii=False) if args.json else format_stories_report(result))
    return 0


def _gate(args: argparse.Namespace) -> int:
    from generator.tools.evaluate.gate import run_gate

    passed, lines = run_gate(args.floors, args.data_dir, pin=args.pin, allow_lower=args.allow_lower)
    print("\n".join(lines))
    print("quality gate: " + ("passed" if passed else "FAILED"))
    return 0 if passed else 1


def _clean(args: argparse.Namespace) -> int:
    from generator.tools.evaluate.cleaning import (
        SHAPES,
        audit_cleaning,
        format_cleaning_report,
        format_loss_report,
        load_pastes,
        measure_loss,
    )

    shapes = tuple(SHAPES) if args.shapes else ("published",)
    result = measure_loss(load_pastes(args.data), shapes)
    if args.data.is_dir() and not args.shapes:
        result["audit"] = audit_cleaning(args.data)
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return 0
    audit = [format_cleaning_report(result["audit"])] if "audit" in result else []
    print("\n".join([*audit, format_loss_report(result)]))
    return 0
