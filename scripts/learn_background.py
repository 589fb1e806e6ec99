"""Learn the background document frequencies grouping weighs words by; write the table.

Usage: python scripts/learn_background.py CORPUS.jsonl [--out generator/data/background_df.txt]

CORPUS is JSON lines with `title` and `text` (or `paragraphs`), such as the CNN Corpus in
`../shared/eval/cnncorpus.jsonl`. Each article counts once for every content stem its title
or body holds, stemmed as the generator stems (`text.vectors.content_stems`). Only stems and
counts are written: never any text of the corpus.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.text.background import TABLE, format_table  # noqa: E402
from generator.text.vectors import content_stems  # noqa: E402
from generator.tools.evaluate.cli import load_jsonl  # noqa: E402

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "generator" / "data" / TABLE


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--least", type=int, default=2, help="drop stems fewer documents hold (they weigh as unseen)")
    args = parser.parse_args(argv)
    counts: Counter[str] = Counter()
    documents = 0
    for row in load_jsonl(args.corpus):
        body = row.get("text") or "\n\n".join(row.get("paragraphs") or ())
        counts.update(set(content_stems(f"{row.get('title') or ''}\n\n{body}")))
        documents += 1
    args.out.write_text(format_table(documents, counts, args.least), encoding="utf-8")
    print(f"{documents} documents, {sum(n >= args.least for n in counts.values())} stems kept -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
