"""What a built site copies from each article: by default only the sentences it shows, with
`full_text: true` the whole text with its paragraph anchors (real builds with MkDocs)."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from builders import ROOT
from conftest import make_project, run_build

from generator.ingest.clean import clean_article
from generator.ingest.read import read_seeds
from generator.models import Article
from generator.text.tokenizer import SentenceTokenizer

pytestmark = pytest.mark.slow

SAVED = ROOT / "tests" / "fixtures" / "formats" / "004_saved.html"
LEAST_WORDS = 6
"""Shorter sentences ("He declined.") may well recur in what is shown; longer ones do not by chance."""


def _project(base: Path, full_text: bool) -> Path:
    """The seeds and a saved page with a canonical address, built with `full_text` (and
    `search_full_text`) set as given."""
    project = make_project(base, sorted((ROOT / "seeds").glob("*.txt")) + [SAVED])
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    value = str(full_text).lower()
    text = re.sub(r"(?m)^(\s+(search_)?full_text): (true|false)$", lambda m: f"{m[1]}: {value}", text)
    config.write_text(text, encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


@pytest.fixture(scope="module")
def public(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _project(tmp_path_factory.mktemp("public"), full_text=False)


@pytest.fixture(scope="module")
def private(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _project(tmp_path_factory.mktemp("private"), full_text=True)


def _articles(project: Path) -> list[Article]:
    seeds, problems = read_seeds(project / "seeds", project, 5_000_000)
    assert not problems
    return [clean_article(seed) for seed in seeds]


def _plain(text: str) -> str:
    """Text as a reader sees it: entities decoded (twice: RSS descriptions are HTML in XML),
    tags and Markdown's backslash escapes dropped, spacing collapsed."""
    text = html.unescape(html.unescape(text))
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\\(?=[^\w\s])", "", text)
    return " ".join(text.split())


def _strings(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


def _outputs(project: Path) -> dict[str, str]:
    """Every page, feed, export file and the search index, as plain text."""
    files = [p for p in (project / "docs").rglob("*") if p.suffix in (".md", ".json", ".xml")]
    files += [project / "site" / "search" / "search_index.json", *(project / "site").rglob("*.html")]
    found = {}
    for path in files:
        raw = path.read_text(encoding="utf-8")
        text = "\n".join(_strings(json.loads(raw))) if path.suffix == ".json" else raw
        found[path.relative_to(project).as_posix()] = _plain(text)
    return found


def _front(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])["briefing"]


def _shown(project: Path) -> str:
    """Every sentence the pages show of the articles, joined: summaries, figures' sentences,
    quotes and story facts."""
    shown: list[str] = []
    for page in (project / "docs" / "articles").glob("*.md"):
        front = _front(page)
        shown += front["summary"] + [f["sentence"] for f in front["figures"]] + [q["text"] for q in front["quotes"]]
    for page in (project / "docs" / "stories").glob("*.md"):
        front = _front(page)
        shown += [s["text"] for s in front["summary"]] + [t["event"] for t in front["timeline"]]
        shown += [w["text"] for f in front["shared_facts"] for w in f["wordings"]]
        shown += [f["text"] for facts in front["only_in"].values() for f in facts]
    return "\n".join(" ".join(s.split()) for s in shown)


def _unshown_sentences(project: Path) -> list[str]:
    tokenizer, shown = SentenceTokenizer(), _shown(project)
    sentences = [s for a in _articles(project) for b in a.paragraphs for s in tokenizer.to_sentences(b)]
    return [s for s in sentences if len(s.split()) >= LEAST_WORDS and s not in shown]


def test_by_default_nothing_holds_a_sentence_the_pages_do_not_show(public: Path) -> None:
    unshown = _unshown_sentences(public)
    assert len(unshown) > 20  # the articles are long: much of their text is not shown
    outputs = _outputs(public)
    assert "site/search/search_index.json" in outputs and "docs/feed.xml" in outputs
    leaks = {(path, s[:60]) for s in unshown for path, text in outputs.items() if s in text}
    assert not leaks


def test_by_default_article_pages_have_no_full_text_and_link_to_the_original(public: Path) -> None:
    saved = (public / "docs" / "articles" / "004-saved.md").read_text(encoding="utf-8")
    pasted = (public / "docs" / "articles" / "000-e66c796b78405ef7.md").read_text(encoding="utf-8")
    for page in (saved, pasted):
        assert "Full text" not in page and "#p-" not in page and "{ #p-" not in page
    assert "(https://euroweeklynews.example/news/world/kim-jong-un-putin-trip/#:~:text=" in saved
    assert re.search(r"\(¶ \d+\)", pasted)
    assert _front(public / "docs" / "articles" / "004-saved.md")["removed"] == []


def test_full_text_publishes_every_paragraph_with_its_anchor(private: Path) -> None:
    outputs = _outputs(private)
    pages = {_front(p)["source"]: p for p in (private / "docs" / "articles").glob("*.md")}
    for article in _articles(private):
        page = pages[article.source]
        assert "Full text" in page.read_text(encoding="utf-8") and "{ #p-" in page.read_text(encoding="utf-8")
        text = outputs[page.relative_to(private).as_posix()]
        assert all(" ".join(p.split()) in text for p in article.paragraphs)
    unshown = _unshown_sentences(private)
    assert sum(s in outputs["site/search/search_index.json"] for s in unshown) > len(unshown) / 2
