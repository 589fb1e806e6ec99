"""`evaluate clean`: what cleaning keeps and removes for each pasted article, for a person to audit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.analysis.digest import digest_article
from generator.errors import SeedError
from generator.ingest.clean import clean_article
from generator.ingest.read import read_seed
from generator.models import SeedProblem
from generator.settings import Settings


def audit_cleaning(folder: Path, settings: Settings | None = None) -> dict[str, Any]:
    """Per `.txt` file: title, publisher, author, date, summary, headings and removed lines."""
    settings = settings or Settings()
    files: dict[str, Any] = {}
    for path in sorted(folder.glob("*.txt")):
        seed = read_seed(path, path.name, settings.max_seed_bytes)
        if isinstance(seed, SeedProblem):
            files[path.name] = {"problem": seed.reason}
            continue
        try:
            article = clean_article(seed)
        except SeedError as error:
            files[path.name] = {"problem": error.reason}
            continue
        files[path.name] = {
            "title": article.title,
            "publisher": article.publisher,
            "author": article.author,
            "published": article.published,
            "summary": list(digest_article(article, path.stem, settings).summary),
            "headings": [b.text for b in article.blocks if b.kind == "heading"],
            "removed": list(article.removed),
        }
    return {"n": len(files), "files": files}


def format_cleaning_report(result: dict[str, Any]) -> str:
    """A plain-text report, one block per file."""
    lines: list[str] = []
    for name, found in result["files"].items():
        lines.append(f"== {name}")
        if "problem" in found:
            lines.append(f"  PROBLEM: {found['problem']}")
            continue
        for key in ("title", "publisher", "author", "published"):
            lines.append(f"  {key:<10} {found[key]}")
        lines.extend(f"  summary    {s}" for s in found["summary"])
        lines.extend(f"  heading    {h}" for h in found["headings"])
        lines.extend(f"  removed    {r[:110]}" for r in found["removed"])
    lines.append(f"{result['n']} file(s)")
    return "\n".join(lines)
