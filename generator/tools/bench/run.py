"""Benchmark: how long the generate and MkDocs steps take, and how big the site gets, per article.

`run_benchmark` builds a fresh project per corpus size under a work folder (seeds from
`bench_corpus`), times the real pipeline and the real `mkdocs build`, and compares both
with bare baselines run in the same process: stock sumy LexRank on the same texts, and a
minimal mkdocs-material build of the same Markdown. `format_bench_table` prints the result.
It measures whatever the pipeline does today; it must never change the repository or the
pipeline's settings, and it only writes under the work folder it is given.
"""

from __future__ import annotations

import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

from generator import pipeline
from generator.ingest.clean import clean_articles
from generator.publish.mkdocs_build import build_site
from generator.settings import Settings, TolerantLoader, load_settings
from generator.tools.bench.corpus import write_corpus

REPO = Path(__file__).resolve().parents[3]
"""The checkout the benchmark copies its config, templates and stylesheets from."""
SOURCE_DATE_EPOCH = 1_700_000_000
"""Fixed build time, so every benchmark site is reproducible."""
WARMUP_ARTICLES = 3
"""A tiny build run first, so lazily loaded data is not charged to the first size."""
BARE_CONFIG = """site_name: Bare
docs_dir: docs
theme:
  name: material
  font: false
plugins:
  - search
nav:
  - index.md
"""
"""The bare mkdocs-material baseline: no hooks, no plugins but search, and like the site's own
config a short nav (with every page in the nav, MkDocs' time grows with the square of the pages)."""
_COLUMNS = (
    ("articles", "articles", "{:d}"),
    ("generate_s_per_article", "generate s/article", "{:.4f}"),
    ("generate_ratio_vs_sumy", "× bare LexRank", "{:.1f}"),
    ("build_s", "mkdocs build s", "{:.1f}"),
    ("build_ratio_vs_bare_mkdocs", "× bare mkdocs", "{:.2f}"),
    ("zensical_build_s", "zensical build s", "{:.1f}"),
    ("incremental_s", "regenerate after 1 edit s", "{:.2f}"),
    ("site_bytes_per_article", "site KB/article", "{:.1f}"),
    ("search_index_bytes_per_article", "search index KB/article", "{:.1f}"),
    ("peak_rss_mb", "peak RSS MB", "{:.0f}"),
)


def run_benchmark(sizes: Sequence[int], *, workdir: Path, seed: int = 0, zensical: bool = True) -> dict[str, Any]:
    """Benchmark each corpus size in turn; returns `{"machine": {...}, "runs": [...]}`."""
    workdir.mkdir(parents=True, exist_ok=True)
    with _source_date_epoch():
        _warm_up(workdir / "warmup", seed)
        runs = [_run_size(size, workdir / f"articles-{size}", seed) for size in sizes]
        # Zensical last: a child's peak memory stays in this process's count of its children,
        # and Zensical's would hide the default pipeline's own peak.
        for run in runs:
            folder = workdir / f"articles-{run['articles']}"
            run["zensical_build_s"] = round(_zensical_seconds(folder), 3) if zensical else None
    return {"machine": machine_info(), "runs": runs}


def format_bench_table(result: dict[str, Any]) -> str:
    """The result as a Markdown table, machine on the first line; sizes in KB."""
    m = result["machine"]
    lines = [
        f"Machine: {m['cpu_count']} CPU(s), {m.get('memory_gb', '?')} GB RAM, {m['platform']}, "
        f"Python {m['python']}, mkdocs {m['mkdocs']}, mkdocs-material {m['mkdocs_material']}, sumy {m['sumy']}",
        "",
        "| " + " | ".join(title for _, title, _ in _COLUMNS) + " |",
        "|" + "---:|" * len(_COLUMNS),
    ]
    for run in result["runs"]:
        cells = []
        for key, title, form in _COLUMNS:
            value = run[key] / 1024 if title.endswith("KB/article") and run[key] is not None else run[key]
            if value is None:
                cells.append("–")
                continue
            cells.append(form.format(value))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def machine_info() -> dict[str, Any]:
    """What the numbers were measured on."""
    info: dict[str, Any] = {
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
    }
    for name in ("mkdocs", "mkdocs-material", "sumy"):
        try:
            info[name.replace("-", "_")] = metadata.version(name)
        except metadata.PackageNotFoundError:
            info[name.replace("-", "_")] = None
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        kilobytes = int(meminfo.read_text().split("\n", 1)[0].split()[1])
        info["memory_gb"] = round(kilobytes / 1024**2, 1)
    return info


def make_bench_project(folder: Path, size: int, seed: int = 0) -> Settings:
    """A fresh project in `folder` with `size` synthetic seeds; returns its settings."""
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "docs").mkdir(parents=True)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    # The hook file lives in the package, not in the copy; MkDocs loads hooks by path.
    config = config.replace("generator/publish/hooks.py", str(REPO / "generator" / "publish" / "hooks.py"))
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(REPO / "templates", folder / "templates")
    custom_dir = re.search(r"^\s*custom_dir:\s*([^\s#]+)", config, re.MULTILINE)
    if custom_dir and (REPO / custom_dir.group(1)).is_dir():  # theme overrides, when the config has them
        shutil.copytree(REPO / custom_dir.group(1), folder / custom_dir.group(1))
    shutil.copytree(REPO / "docs" / "stylesheets", folder / "docs" / "stylesheets")
    shutil.copy(REPO / "docs" / "about.md", folder / "docs" / "about.md")
    write_corpus(folder / "seeds", size, seed)
    return load_settings(folder / "mkdocs.yml")


def _run_size(size: int, folder: Path, seed: int) -> dict[str, Any]:
    """Every measurement for one corpus size."""
    settings = make_bench_project(folder, size, seed)
    # As `generator build` does it: in a child process, whose memory is given back when it ends.
    generate_s = _timed(lambda: pipeline.build_apart(settings))
    site = folder / settings.site_dir
    build_s = _timed(lambda: build_site(folder / "mkdocs.yml", site, SOURCE_DATE_EPOCH))
    edited, original = _edit_one_seed(settings)
    incremental_s = _timed(lambda: pipeline.build_apart(settings))
    # Read before the baselines run: their memory (every text and cleaned article held for
    # LexRank, a MkDocs without the memory hook) is theirs, not Briefing's.
    peak_mb = peak_rss_mb()
    edited.write_text(original, encoding="utf-8")  # LexRank reads the texts the generate step read
    sumy_s = bare_lexrank_seconds(settings)
    bare_s = bare_mkdocs_seconds(settings.docs_path, folder / "bare", _project_nav(folder / "mkdocs.yml"))
    return {
        "articles": size,
        "generate_s": round(generate_s, 3),
        "generate_s_per_article": generate_s / size,
        "sumy_lexrank_s_per_article": sumy_s / size,
        "generate_ratio_vs_sumy": generate_s / sumy_s if sumy_s else None,
        "build_s": round(build_s, 3),
        "bare_mkdocs_s": round(bare_s, 3),
        "build_ratio_vs_bare_mkdocs": build_s / bare_s if bare_s else None,
        "incremental_s": round(incremental_s, 3),
        "site_bytes_per_article": _tree_bytes(site) / size,
        "search_index_bytes_per_article": (site / "search" / "search_index.json").stat().st_size / size,
        "peak_rss_mb": peak_mb,
    }


def _zensical_seconds(folder: Path) -> float:
    """Seconds for Zensical to build a benchmark project's pages into their own folder."""
    zensical = folder / f"{load_settings(folder / 'mkdocs.yml').site_dir}-zensical"
    return _timed(lambda: build_site(folder / "mkdocs.yml", zensical, SOURCE_DATE_EPOCH, engine="zensical"))


def bare_lexrank_seconds(settings: Settings) -> float:
    """Seconds for stock sumy LexRank over every seed, at the site's summary length."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    from generator.text.tokenizer import SentenceTokenizer

    jobs = _lexrank_jobs(settings)
    start = time.perf_counter()
    tokenizer = SentenceTokenizer(settings.language)
    summarizer = LexRankSummarizer(Stemmer(settings.language))
    summarizer.stop_words = get_stop_words(settings.language)
    for text, count in jobs:
        summarizer(PlaintextParser.from_string(text, tokenizer).document, count)
    return time.perf_counter() - start


def _lexrank_jobs(settings: Settings) -> list[tuple[str, int]]:
    """Each seed's text with the summary length the site gives its cleaned article (untimed)."""
    from generator.ingest.read import read_seeds
    from generator.text.tokenizer import SentenceTokenizer

    seeds, _ = read_seeds(settings.seeds_path, settings.root, settings.max_seed_bytes)
    articles, _ = clean_articles(seeds)
    texts = {seed.path: seed.text for seed in seeds}
    tokenizer = SentenceTokenizer(settings.language)
    return [
        (texts[a.source], settings.summary_length(sum(len(tokenizer.to_sentences(p)) for p in a.paragraphs)))
        for a in articles
    ]


def bare_mkdocs_seconds(docs: Path, folder: Path, nav: Any = None) -> float:
    """Seconds for a minimal mkdocs-material build of a copy of `docs`, with `nav` when given."""
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(docs, folder / "docs")
    extra = yaml.safe_dump({"nav": nav}, sort_keys=False) if nav else ""
    (folder / "mkdocs.yml").write_text(BARE_CONFIG + extra, encoding="utf-8")
    config, site = str(folder / "mkdocs.yml"), str(folder / "site")
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", config, "-d", site]
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(SOURCE_DATE_EPOCH)}
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def peak_rss_mb() -> float:
    """Peak resident memory of this process plus its largest child so far, in MB (Linux: KB units)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    unit = 1 if sys.platform == "darwin" else 1024  # macOS reports bytes, Linux kilobytes
    return round((own + children) * unit / 1024**2, 1)


def _project_nav(config_file: Path) -> Any:
    """The `nav` of a project's MkDocs config, or None."""
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=TolerantLoader) or {}
    return config.get("nav") if isinstance(config, dict) else None


def _warm_up(folder: Path, seed: int) -> None:
    settings = make_bench_project(folder, WARMUP_ARTICLES, seed)
    pipeline.build(settings)
    bare_lexrank_seconds(settings)


def _edit_one_seed(settings: Settings) -> tuple[Path, str]:
    """Change one seed's text as an editor would: one more sentence in its longest paragraph.
    Returns the seed and its text before the edit."""
    seed = min(settings.seeds_path.glob("*.txt"))
    original = seed.read_text(encoding="utf-8")
    paragraphs = original.split("\n\n")
    longest = max(range(len(paragraphs)), key=lambda i: len(paragraphs[i]))
    paragraphs[longest] += " The figures were confirmed again later that day."
    seed.write_text("\n\n".join(paragraphs), encoding="utf-8")
    return seed, original


def _timed(action: Any) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


@contextmanager
def _source_date_epoch() -> Iterator[None]:
    """Set `SOURCE_DATE_EPOCH` for the run and restore what was there."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(SOURCE_DATE_EPOCH)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before
