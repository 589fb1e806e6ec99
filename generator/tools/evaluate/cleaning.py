"""`evaluate clean`: what cleaning keeps and removes for each pasted article, for a person to audit,
and how many words of clean articles it loses when they are pasted in different shapes."""

from __future__ import annotations

import textwrap
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.analysis.digest import digest_article
from generator.errors import SeedError
from generator.ingest.clean import clean_article
from generator.ingest.furniture import BYLINE
from generator.ingest.prose import repeats_title
from generator.ingest.read import decode, read_seed
from generator.models import Article, Seed, SeedProblem
from generator.settings import Settings
from generator.text.dates import is_only_date
from generator.tools.evaluate.cli import load_jsonl


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
            "warnings": list(article.warnings),
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
        lines.extend(f"  WARNING    {w}" for w in found["warnings"])
    lines.append(f"{result['n']} file(s)")
    return "\n".join(lines)


Paste = tuple[str, str, tuple[str, ...]]
"""One article to paste: its name, its title and its body paragraphs."""


def _wrapped(paragraphs: tuple[str, ...]) -> str:
    lines = [textwrap.fill(line, 72, break_long_words=False, break_on_hyphens=False) for line in paragraphs]
    return "\r\n\r\n".join(lines).replace("\n", "\r\n").replace("\r\r\n", "\r\n")


SHAPES: dict[str, Callable[[tuple[str, ...]], str]] = {
    "published": lambda paragraphs: "\n\n".join(paragraphs),
    "one-paragraph": lambda paragraphs: " ".join(" ".join(paragraphs).split()),
    "wrapped-crlf": _wrapped,
}
"""How a user pastes an article's body: as published, as one paragraph, hard-wrapped at 72 columns with CRLF."""


def load_pastes(path: Path) -> list[Paste]:
    """Articles of a folder of `.txt` pages (title on line 1) or of a JSONL file (`text`,
    `paragraphs` or `articles`, with `title` or `titles` where the rows have them)."""
    if path.is_dir():
        pastes = []
        for page in sorted(path.glob("*.txt")):
            title, _, body = page.read_text(encoding="utf-8").strip().partition("\n")
            pastes.append((page.name, title.strip(), _split(body)))
        return pastes
    return [paste for number, row in enumerate(load_jsonl(path)) for paste in _row_pastes(row, number)]


def _row_pastes(row: dict[str, Any], number: int) -> list[Paste]:
    name = str(row.get("id", number))
    if "articles" not in row:
        body = tuple(row["paragraphs"]) if "paragraphs" in row else _split(row["text"])
        return [(name, str(row.get("title") or _stand_in(name)), body)]
    titles: list[Any] = row.get("titles") or []
    ids: list[str] = row.get("doc_ids") or [f"{name}-{i}" for i in range(len(row["articles"]))]
    pastes = []
    for i, text in enumerate(row["articles"]):
        title = titles[i] if i < len(titles) else None
        pastes.append((ids[i], str(title or _stand_in(ids[i])), _split(text)))
    return pastes


def _stand_in(name: str) -> str:
    # A row without a title gets one that no body line can be mistaken for.
    return f"Report {name}"


def _split(text: str) -> tuple[str, ...]:
    """Paragraphs: blank lines separate; each remaining line stands on its own."""
    return tuple(line.strip() for line in text.split("\n") if line.strip())


def _words(text: str) -> Counter[str]:
    return Counter(unicodedata.normalize("NFC", text).split())


def measure_loss(pastes: list[Paste], shapes: tuple[str, ...] = ("published",), top: int = 10) -> dict[str, Any]:
    """Per shape: articles dropped, share of body words removed, and the largest removals. Words of
    a removed line that the article's date or author was taken from, or that repeats its title, count as kept."""
    result: dict[str, Any] = {"n": len(pastes), "shapes": {}}
    for shape in shapes:
        dropped, losses, words, lost, reported = [], [], 0, 0, 0
        for paste in pastes:
            found = _loss(paste, shape)
            words += found["of"]
            lost += found["words"]
            reported += bool(found.get("warnings"))
            if "reason" in found:
                dropped.append({"name": found["name"], "reason": found["reason"]})
            elif found["words"]:
                losses.append(found)
        losses.sort(key=lambda loss: (-int(loss["words"]), str(loss["name"])))
        result["shapes"][shape] = {
            "articles": len(pastes),
            "dropped": len(dropped),
            "reported": reported,
            "articles_kept": round(1 - len(dropped) / max(1, len(pastes)), 6),
            "words": words,
            "words_removed": lost,
            "removed_share": round(lost / max(1, words), 6),
            "words_kept": round(1 - lost / max(1, words), 6),
            "dropped_articles": dropped[:top],
            "largest_removals": losses[:top],
        }
    return result


def _loss(paste: Paste, shape: str) -> dict[str, Any]:
    """The words of one article that cleaning does not keep when it is pasted in `shape`."""
    name, title, paragraphs = paste
    ending = "\r\n" if shape.endswith("crlf") else "\n"
    text, _ = decode(f"{title}{ending}{ending}{SHAPES[shape](paragraphs)}{ending}".encode())
    source = _words(" ".join(paragraphs))
    total = sum(source.values())
    try:
        article = clean_article(Seed(path=name, text=text or "", format="txt"))
    except SeedError as error:
        return {"name": name, "of": total, "words": total, "reason": error.reason}
    missing = sum((source - _words(" ".join([b.text for b in article.blocks] + _metadata_lines(article)))).values())
    return {
        "name": name,
        "of": total,
        "words": missing,
        "share": round(missing / max(1, total), 4),
        "removed": [line[:160] for line in article.removed],
        "warnings": list(article.warnings),
    }


def _metadata_lines(article: Article) -> list[str]:
    """Removed lines the article's date or author was taken from, or that repeat its title: their
    words are kept as metadata."""
    return [
        line
        for line in article.removed
        if (article.published and is_only_date(line))
        or (article.author and BYLINE.match(line) and article.author in line)
        or repeats_title(line, article.title)
    ]


def format_loss_report(result: dict[str, Any]) -> str:
    """One block per shape: the counts, then the dropped articles and the largest removals."""
    lines = []
    for shape, found in result["shapes"].items():
        lines.append(
            f"== {shape}: {found['articles']} articles, {found['dropped']} dropped, {found['reported']} reported, "
            f"{found['words_removed']:,} of {found['words']:,} words removed ({100 * found['removed_share']:.2f}%)"
        )
        lines.extend(f"  dropped    {d['name']}: {d['reason']}" for d in found["dropped_articles"])
        for loss in found["largest_removals"]:
            lines.append(f"  removed    {loss['name']}: {loss['words']} words ({100 * loss['share']:.1f}%)")
            lines.extend(f"             | {r[:110]}" for r in loss["removed"][:4])
    return "\n".join(lines)
