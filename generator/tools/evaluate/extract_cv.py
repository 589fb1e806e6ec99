"""Leave-one-site-out cross-validation of what the project does on top of trafilatura (part of `evaluate extract`).

Each candidate is one way to get article text from a saved page: trafilatura's default
`extract()`, the shipped way (`formats/html.py` options, then `clean_article`), and the
shipped way without one of its data-chosen rules (no cleaning; no `favor_precision`), or with
a fallback to the less strict output where the strict one keeps little of it. For each site,
the candidate with the best pooled score on the other sites is chosen and scored on that
site's pages; the held-out pages are pooled as the benchmark pools pages. Options are varied
by rebinding `html.OPTIONS` for one run and restored after; the build never does this.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from generator.ingest.formats import html
from generator.ingest.read import read_seed
from generator.models import SeedProblem
from generator.tools.evaluate.extract import PageScore, _pipeline_text, _shingles, page_scores, pooled_scores

SHIPPED = "briefing"
BASELINE = "trafilatura"
FALLBACK_COVER = 0.7
"""The fallback candidate keeps the strict text unless it holds less than this share of the lenient text's shingles."""
_MAX_BYTES = 50_000_000


@contextmanager
def _options(**changes: Any) -> Iterator[None]:
    """trafilatura options changed for the duration of the block."""
    saved = html.OPTIONS
    html.OPTIONS = {**saved, **changes}
    try:
        yield
    finally:
        html.OPTIONS = saved


def _raw_text(path: Path) -> str:
    """The format's lines with the shipped options, before `clean_article`."""
    seed = read_seed(path, path.name, _MAX_BYTES)
    if isinstance(seed, SeedProblem):
        return ""
    return "\n".join(line for line in html.parse(seed.text).lines if line)


def _lenient_text(path: Path) -> str:
    with _options(favor_precision=False):
        return _pipeline_text(path)


def _fallback(strict: str, lenient: str) -> str:
    """The strict text unless it keeps less than `FALLBACK_COVER` of the lenient text's shingles."""
    wide, narrow = _shingles(lenient), _shingles(strict)
    if not wide or sum((narrow & wide).values()) >= FALLBACK_COVER * sum(wide.values()):
        return strict
    return lenient


def candidate_texts(folder: Path, names: list[str], ours: dict[str, str], theirs: dict[str, str]) -> dict[str, dict]:
    """Each candidate's text per page; `ours` and `theirs` are the shipped and the default texts, already run."""
    run: dict[str, Callable[[Path], str]] = {"no_cleaning": _raw_text, "no_precision": _lenient_text}
    texts = {SHIPPED: ours, BASELINE: theirs}
    texts |= {key: {name: make(folder / f"{name}.html.gz") for name in names} for key, make in run.items()}
    texts["fallback"] = {name: _fallback(ours[name], texts["no_precision"][name]) for name in names}
    return texts


def site(url: str | None, name: str) -> str:
    """A page's site: its address's host without `www.`, or its own name when it has no address."""
    host = urlsplit(url or "").netloc.lower()
    return host.removeprefix("www.") or name


def leave_one_site_out(
    texts: dict[str, dict[str, str]], expected: dict[str, str], sites: dict[str, str]
) -> dict[str, Any]:
    """Held-out scores of the candidate chosen on the other sites, beside the baseline, per site and pooled."""
    pages = {key: {name: page_scores(found[name], expected[name]) for name in expected} for key, found in texts.items()}
    held: list[PageScore] = []
    chosen: dict[str, int] = {}
    deltas: list[float] = []
    for held_site in sorted(set(sites.values())):
        inside = [n for n in expected if sites[n] == held_site]
        outside = [n for n in expected if sites[n] != held_site]
        best = max(pages, key=lambda key: (pooled_scores(pages[key][n] for n in outside)["f1"], key == SHIPPED))
        chosen[best] = chosen.get(best, 0) + 1
        held += [pages[best][n] for n in inside]
        ours = pooled_scores(pages[best][n] for n in inside)["f1"]
        deltas.append(ours - pooled_scores(pages[BASELINE][n] for n in inside)["f1"])
    return {
        **pooled_scores(held),
        "sites": len(deltas),
        "chosen": chosen,
        "site_delta_vs_trafilatura": {
            "mean": round(sum(deltas) / len(deltas), 4) if deltas else 0.0,
            "min": round(min(deltas), 4) if deltas else 0.0,
            "max": round(max(deltas), 4) if deltas else 0.0,
            "sites_below": sum(delta < 0 for delta in deltas),
        },
        "in_sample": {key: pooled_scores(found.values()) for key, found in pages.items()},
    }
