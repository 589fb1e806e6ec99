"""`evaluate extract`: article-body extraction and page metadata from saved web pages, beside trafilatura.

Scores the text the pipeline keeps (read as `read.py` reads, then `clean_article`)
with the article-extraction benchmark's 4-token shingle metric, and the metadata
against hand-checked gold. It never ships or copies evaluation data: folders are
arguments, and only the generator's own output is written, where asked.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import trafilatura

from generator.errors import SeedError
from generator.ingest.clean import clean_article
from generator.ingest.read import read_seed
from generator.models import Article, SeedProblem
from generator.text.language import detect_language, normalise_code

_MAX_BYTES = 50_000_000
_TOKEN = re.compile(r"\w+")
_SHINGLE = 4
_META_FIELDS = ("title", "authors", "publisher", "published", "lang")


def evaluate_extract(folder: Path, out: Path | None = None) -> dict[str, Any]:
    """Shingle F1, precision, recall and ms per page for Briefing and trafilatura's default `extract()`,
    and the leave-one-site-out figure of the project's rules on top of trafilatura (`extract_cv`)."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    names = sorted(name for name in truth if (folder / f"{name}.html.gz").is_file())
    expected = {name: truth[name].get("articleBody") or "" for name in names}
    ours, our_ms = _timed(names, lambda name: _pipeline_text(folder / f"{name}.html.gz"))
    theirs, their_ms = _timed(names, lambda name: _trafilatura_text(folder / f"{name}.html.gz"))
    if out is not None:
        out.write_text(
            json.dumps({n: {"articleBody": ours[n]} for n in names}, ensure_ascii=False, indent=1), encoding="utf-8"
        )
    from generator.tools.evaluate.extract_cv import candidate_texts, leave_one_site_out, site

    texts = candidate_texts(folder, names, ours, theirs)
    sites = {name: site(truth[name].get("url"), name) for name in names}
    return {
        "n": len(names),
        "systems": {
            "briefing": {**shingle_scores(ours, expected), "ms_per_page": our_ms},
            "trafilatura": {**shingle_scores(theirs, expected), "ms_per_page": their_ms},
        },
        "cross_validated": leave_one_site_out(texts, expected, sites),
    }


def shingle_scores(predicted: dict[str, str], expected: dict[str, str]) -> dict[str, float]:
    """The benchmark's metric: mean precision and recall of 4-token shingles over pages, and their F1."""
    return pooled_scores([page_scores(predicted.get(name, ""), text) for name, text in expected.items()])


PageScore = tuple[float | None, float | None]
"""One page's shingle precision and recall; None where the benchmark leaves the page out of that mean."""


def page_scores(guess_text: str, truth_text: str) -> PageScore:
    """One page's shingle precision (None for an empty guess) and recall (None for an empty truth)."""
    guess, truth = _shingles(guess_text), _shingles(truth_text)
    if guess == truth:
        return 1.0, 1.0
    tp, fp, fn = sum((guess & truth).values()), sum((guess - truth).values()), sum((truth - guess).values())
    return (tp / (tp + fp) if guess else None), (tp / (tp + fn) if truth else None)


def pooled_scores(pages: Iterable[PageScore]) -> dict[str, float]:
    """F1 of the mean precision and mean recall over pages, as the benchmark pools them."""
    pages = list(pages)
    precisions = [p for p, _ in pages if p is not None]
    recalls = [r for _, r in pages if r is not None]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": round(f1, 4), "precision": round(precision, 4), "recall": round(recall, 4)}


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + _SHINGLE]) for i in range(len(tokens) - _SHINGLE + 1))


def _timed(names: Iterable[str], run: Callable[[str], str]) -> tuple[dict[str, str], float]:
    names = list(names)
    start = time.perf_counter()
    texts = {name: run(name) for name in names}
    return texts, round((time.perf_counter() - start) * 1000 / max(1, len(names)), 1)


def _article(path: Path) -> Article | None:
    seed = read_seed(path, path.name, _MAX_BYTES)
    if isinstance(seed, SeedProblem):
        return None
    try:
        return clean_article(seed)
    except SeedError:
        return None


def _pipeline_text(path: Path) -> str:
    article = _article(path)
    return "\n".join(block.text for block in article.blocks) if article else ""


def _trafilatura_text(path: Path) -> str:
    return trafilatura.extract(_page_bytes(path)) or ""


def _page_bytes(path: Path) -> bytes:
    import gzip

    data = path.read_bytes()
    return gzip.decompress(data) if path.name.endswith(".gz") else data


def evaluate_meta(folder: Path) -> dict[str, Any]:
    """Per metadata field, pages right for Briefing and for trafilatura's metadata, and Briefing's misses.

    `briefing_cv` is leave-one-site-out: for each field, the held-out site's pages take Briefing's
    value or trafilatura's, whichever was right on more pages of the other sites (ties: Briefing's).
    """
    right: dict[str, dict[str, dict[str, bool]]] = {"briefing": {}, "trafilatura": {}}
    misses: list[dict[str, Any]] = []
    sites: dict[str, str] = {}
    for page in sorted(folder.glob("*.html")):
        gold = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
        sites[page.name] = _letters(str(gold.get("publisher") or page.name))
        for system, found in (("briefing", _our_meta(page)), ("trafilatura", _their_meta(page))):
            right[system][page.name] = {field: meta_right(field, found.get(field), gold) for field in _META_FIELDS}
            misses += [
                {"page": page.name, "field": field, "got": found.get(field), "gold": gold.get(field)}
                for field in _META_FIELDS
                if system == "briefing" and not right[system][page.name][field]
            ]
    systems = {
        system: {field: sum(page[field] for page in pages.values()) for field in _META_FIELDS}
        for system, pages in right.items()
    }
    systems["briefing_cv"] = {field: _held_out_right(right, sites, field) for field in _META_FIELDS}
    return {"n": len(sites), "systems": systems, "misses": misses}


def _held_out_right(right: dict[str, dict[str, dict[str, bool]]], sites: dict[str, str], field: str) -> int:
    """Pages right on one field when each site takes the system that was right more often on the other sites."""
    total = 0
    for held in set(sites.values()):
        others = [page for page, site in sites.items() if site != held]
        best = max(right, key=lambda system: (sum(right[system][p][field] for p in others), system == "briefing"))
        total += sum(right[best][page][field] for page, site in sites.items() if site == held)
    return total


def _our_meta(page: Path) -> dict[str, str | None]:
    article = _article(page)
    if article is None:
        return {}
    # The language a page is analysed in: stated by the page, else detected from its words.
    lang = normalise_code(article.lang) or detect_language(" ".join(article.paragraphs))
    return {
        "title": article.title,
        "authors": article.author,
        "publisher": article.publisher,
        "published": article.published,
        "lang": lang,
    }


def _their_meta(page: Path) -> dict[str, str | None]:
    document: Any = trafilatura.bare_extraction(page.read_bytes(), with_metadata=True)
    if document is None:
        return {}
    return {
        "title": document.title,
        "authors": document.author,
        "publisher": document.sitename,
        "published": document.date,
        "lang": document.language,
    }


def meta_right(field: str, value: str | None, gold: dict[str, Any]) -> bool:
    """The gold folder's README rules for one field of one page."""
    value = (value or "").strip()
    if field == "title":
        accepted = [gold.get("title") or "", *gold.get("also_accepted_titles", [])]
        return bool(value) and _fold(value) in {_fold(t) for t in accepted}
    if field == "authors":
        return _surnames(value) == {_surname(name) for name in gold.get("authors") or []}
    if field == "publisher":
        targets = [gold.get(k) for k in ("publisher", "original_publisher") if gold.get(k)]
        guess = _letters(str(value or ""))
        return bool(guess) and any(guess in _letters(str(t)) or _letters(str(t)) in guess for t in targets)
    if field == "published":
        return value[:10] == (gold.get("published") or "")
    return value.split("-")[0].lower() == (gold.get("lang") or "").split("-")[0].lower()


def _fold(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.casefold().split())


def _surnames(value: str) -> set[str]:
    names = re.split(r"\s*(?:;|\band\b|&|,)\s*", value)
    return {_surname(name) for name in names if name.strip() and len(name.split()) > 1}


def _surname(name: str) -> str:
    name = re.sub(r"^by\s+", "", name.split(",")[0].strip(), flags=re.IGNORECASE)
    return name.split()[-1].casefold() if name.split() else ""


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", re.sub(r"^the\s+", "", text.casefold()))


def format_extract_report(result: dict[str, Any]) -> str:
    """A plain-text table for either evaluation's result."""
    systems = result["systems"]
    columns = list(next(iter(systems.values())))
    lines = [f"{result['n']} pages", "system       " + "".join(f"{c:>13}" for c in columns)]
    for system, scores in systems.items():
        lines.append(f"{system:<13}" + "".join(f"{scores[c]:>13}" for c in columns))
    cv = result.get("cross_validated")
    if cv:
        delta = cv["site_delta_vs_trafilatura"]
        lines.append(
            f"leave-one-site-out ({cv['sites']} sites): F1 {cv['f1']}  precision {cv['precision']}"
            f"  recall {cv['recall']}  chosen {cv['chosen']}"
        )
        lines.append(
            f"  per held-out site, F1 minus trafilatura's: mean {delta['mean']}, min {delta['min']},"
            f" max {delta['max']}, {delta['sites_below']} sites below"
        )
        lines += [f"  in-sample {key}: F1 {value['f1']}" for key, value in cv["in_sample"].items()]
    for miss in result.get("misses", []):
        lines.append(f"  miss {miss['page']} {miss['field']}: got {miss['got']!r}, gold {miss['gold']!r}")
    return "\n".join(lines)
