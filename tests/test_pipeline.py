"""pipeline.build on broken and hostile seeds: each problem named, nothing else lost."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from builders import ROOT
from mkdocs.utils.meta import get_data

from generator import pipeline
from generator.settings import load_settings

GOOD = (ROOT / "seeds" / "000_e66c796b78405ef7.txt").read_text(encoding="utf-8")
BODY = "The regional council met on Thursday and voted to rebuild the old harbour wall before next winter. "


def _project(tmp_path: Path, files: dict[str, bytes | str]) -> Path:
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, data in files.items():
        path = seeds / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return tmp_path


def _build(project: Path):
    return pipeline.build(load_settings(project / "mkdocs.yml"))


def test_broken_seeds_cost_only_themselves(tmp_path: Path) -> None:
    project = _project(
        tmp_path,
        {
            "good.txt": GOOD,
            "empty.txt": b"",
            "blank.txt": b" \n\t\n ",
            "image.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
            "title-only.txt": "Just a title\n",
            "furniture-only.txt": (
                "Subscribe to our newsletter\n\nCopyright © 2024 Example Media. All rights reserved.\n\nComments\n"
            ),
            "zz-copy.txt": GOOD,
            "notes.pdf": b"%PDF-1.7",
            "utf16.txt": ("Harbour wall to be rebuilt\n\n" + BODY * 3).encode("utf-16"),
            "windows.txt": ("Harbour “wall” plan\r\n\r\n" + BODY * 3 + "\r\n").encode("cp1252"),
        },
    )
    report = _build(project)
    problems = {Path(p.path).name: p.reason for p in report.problems}
    assert sorted(Path(a).name for a in report.articles) == ["good.txt", "utf16.txt", "windows.txt"]
    assert "empty" in problems["empty.txt"] and "empty" in problems["blank.txt"]
    assert "binary" in problems["image.txt"]
    assert "no article text" in problems["title-only.txt"]
    assert "no article text" in problems["furniture-only.txt"]
    assert "same text as seeds/good.txt" in problems["zz-copy.txt"]
    assert "unsupported file type" in problems["notes.pdf"]
    page = (project / "docs" / "articles" / "windows.md").read_text(encoding="utf-8")
    assert "Harbour “wall” plan" in get_data(page)[1]["briefing"]["title"]


def test_awkward_file_names_get_unique_stable_slugs(tmp_path: Path) -> None:
    names = ["a b.txt", "a-b.txt", "Ünïcödé news.txt", "-leading-dash.txt", "A B.txt"]
    files = {
        name: f"Title {i}\n\n{BODY} Item {i} of the list was different from the others." for i, name in enumerate(names)
    }
    project = _project(tmp_path, files)
    first = sorted(p.name for p in (project / "docs" / "articles").iterdir()) if _build(project) else []
    assert first == ["a-b-2.md", "a-b-3.md", "a-b.md", "leading-dash.md", "unicode-news.md"]
    shutil.rmtree(project / "docs")
    _build(project)
    assert sorted(p.name for p in (project / "docs" / "articles").iterdir()) == first


def test_one_megabyte_line_and_long_article(tmp_path: Path) -> None:
    long_line = ("The council said the harbour wall would cost more than planned. " * 16_000)[:1_000_000]
    project = _project(tmp_path, {"line.txt": long_line, "book.txt": "A long chapter\n\n" + (BODY + "\n\n") * 1500})
    report = _build(project)
    assert not report.problems
    for name in ("line", "book"):
        meta = get_data((project / "docs" / "articles" / f"{name}.md").read_text(encoding="utf-8"))[1]
        assert len(meta["title"]) < 120 and meta["briefing"]["summary"]


def test_size_cap_from_settings(tmp_path: Path) -> None:
    project = _project(tmp_path, {"big.txt": "Title\n\n" + BODY * 100})
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("max_seed_bytes: 5000000", "max_seed_bytes: 1000"), encoding="utf-8"
    )
    report = _build(project)
    assert "too large" in report.problems[0].reason


def test_other_languages_are_not_summarised_as_english(tmp_path: Path) -> None:
    french = "Le conseil régional a voté jeudi la reconstruction du vieux mur du port avant l'hiver prochain. " * 4
    korean = "지역 의회는 목요일 내년 겨울 전에 오래된 항구 벽을 재건하기로 의결했다. " * 4
    project = _project(tmp_path, {"fr.txt": "Le mur du port\n\n" + french, "ko.txt": "항구 벽\n\n" + korean})
    _build(project)
    fr = get_data((project / "docs" / "articles" / "fr.md").read_text(encoding="utf-8"))[1]["briefing"]
    ko = get_data((project / "docs" / "articles" / "ko.md").read_text(encoding="utf-8"))[1]["briefing"]
    assert fr["lang"] == "fr" and fr["summary"] and fr["quotes"] == [] and fr["entities"]["people"] == []
    assert ko["lang"] == "ko" and ko["summary"] == [] and "cannot summarise Korean" in ko["notes"][0]


def test_check_writes_nothing(tmp_path: Path) -> None:
    project = _project(tmp_path, {"good.txt": GOOD})
    report = pipeline.build(load_settings(project / "mkdocs.yml"), write=False)
    assert len(report.articles) == 1 and not (project / "docs").exists()


@pytest.mark.parametrize(
    "yaml_text", ["---\ntitle: x\n---", "!!python/object/apply:os.system ['echo hi']", "key: &a [*a]"]
)
def test_yaml_in_article_text_is_data(tmp_path: Path, yaml_text: str) -> None:
    project = _project(tmp_path, {"y.txt": f"Title with --- and: colon\n\n{yaml_text}\n\n{BODY * 2}"})
    _build(project)
    body, meta = get_data((project / "docs" / "articles" / "y.md").read_text(encoding="utf-8"))
    assert meta["briefing"]["title"] == "Title with --- and: colon"
    assert body.lstrip().startswith("<!-- generated by Briefing")


def test_lists_are_paginated_and_every_name_has_a_place(tmp_path: Path) -> None:
    texts = [
        "Bread costs more. Bakers in Portville0 raised prices by a fifth after flour doubled, Anna Berg0 said.",
        "Chess final drawn. Grandmasters agreed a draw after ninety moves, organiser Anna Berg1 told reporters.",
        "Comet spotted. Astronomers watched a bright comet cross the northern sky, Anna Berg2 reported.",
        "Library reopens. Readers returned to the repaired reading room whose roof leaked, Anna Berg3 announced.",
        "Trout decline. Anglers counted fewer fish in the upper valley streams this spring, Anna Berg4 warned.",
        "Ferry strike. Crews stopped the island ferry for a day over pay, Anna Berg0 confirmed on the quay.",
    ]
    files = {f"item_{i}.txt": text.replace(". ", "\n\n", 1) for i, text in enumerate(texts)}
    project = _project(tmp_path, files)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("page_size: 50", "page_size: 2"), encoding="utf-8")
    _build(project)
    docs = project / "docs"
    home = [docs / "index.md", docs / "briefing" / "page-2.md", docs / "briefing" / "page-3.md"]
    assert all(p.is_file() for p in home) and not (docs / "briefing" / "page-4.md").exists()
    assert "[2](briefing/page-2.md)" in home[0].read_text(encoding="utf-8")
    assert "(../articles/" in home[1].read_text(encoding="utf-8")
    assert not (docs / "entities" / "people").exists(), "a few mentions: an entry on the letter page, no page"
    letter_pages = sorted((docs / "entities").glob("index-a*.md"))
    assert len(letter_pages) >= 3, "two names a page: the letter's entries are paginated"
    entries = "".join(p.read_text(encoding="utf-8") for p in letter_pages)
    for n in range(5):
        assert f'id="people-anna-berg{n}"' in entries
    article = (docs / "articles" / "item-0.md").read_text(encoding="utf-8")
    link = re.search(r"\(\.\./(entities/index-a[^)#]*\.md)#people-anna-berg0\)\{ \.md-tag \}", article)
    assert link, "every chip links to its name's entry"
    entry = (docs / link.group(1)).read_text(encoding="utf-8").split('id="people-anna-berg0"')[1].split("</div>")[0]
    assert entry.count("(../articles/item-") == 2, "the entry lists both articles that mention the name"
    tags = (docs / "tags.md").read_text(encoding="utf-8")
    assert "entities/index-a.md" in tags


def test_a_much_mentioned_name_has_a_paginated_page_of_its_own(tmp_path: Path) -> None:
    topics = ["bread", "chess", "comets", "libraries", "trout", "ferries", "bridges", "choirs", "orchards", "kites"]
    files = {
        f"item_{i}.txt": f"Note on {topic}\n\nVolunteers in Portville{i} counted {topic} all week and found fewer "
        f"than last year. The count of {topic} ends on Sunday, organiser Anna Berg said.\n"
        for i, topic in enumerate(topics + ["lamps", "boats"])
    }
    project = _project(tmp_path, files)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("page_size: 50", "page_size: 5"), encoding="utf-8")
    _build(project)
    docs = project / "docs"
    own = docs / "entities" / "people" / "anna-berg.md"
    assert own.is_file() and (docs / "entities" / "people" / "anna-berg-page-3.md").is_file()
    assert "(../entities/people/anna-berg.md){ .md-tag }" in (docs / "articles" / "item-0.md").read_text("utf-8")
    index = (docs / "entities" / "index-a.md").read_text("utf-8")
    assert re.search(r"\[All 1[2-9] stories and articles\]\(\.\./entities/people/anna-berg\.md\)", index)


def test_a_50_mb_seed_is_reported_and_never_read(tmp_path: Path) -> None:
    project = _project(tmp_path, {"good.txt": GOOD})
    with (project / "seeds" / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: reading it would show in time and memory
    report = _build(project)
    problems = {Path(p.path).name: p.reason for p in report.problems}
    assert "too large (52,428,800 bytes; the limit is 5,000,000)" in problems["huge.txt"]
    assert [Path(a).name for a in report.articles] == ["good.txt"]


def test_a_seed_that_cleans_to_nothing_keeps_its_slug_so_fixing_it_moves_no_other_page(tmp_path: Path) -> None:
    project = _project(tmp_path, {"news.md": "Only a title\n", "news.txt": GOOD})
    report = _build(project)
    assert [p.path for p in report.problems] == ["seeds/news.md"]
    assert sorted(p.name for p in (project / "docs" / "articles").iterdir()) == ["news-2.md"]
    (project / "seeds" / "news.md").write_text(GOOD.replace("\n", "\n\nA line of its own.\n", 1), encoding="utf-8")
    _build(project)
    assert sorted(p.name for p in (project / "docs" / "articles").iterdir()) == ["news-2.md", "news.md"]


def test_a_build_in_a_child_process_gives_the_same_pages_and_report(tmp_path: Path) -> None:
    apart, here = tmp_path / "apart", tmp_path / "here"
    for project in (apart, here):
        for name in ("seeds", "templates"):
            shutil.copytree(ROOT / name, project / name)
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    report = pipeline.build_apart(load_settings(apart / "mkdocs.yml"))
    assert report == pipeline.build(load_settings(here / "mkdocs.yml"))
    pages = {p.relative_to(apart / "docs"): p.read_bytes() for p in (apart / "docs").rglob("*") if p.is_file()}
    assert pages and pages == {
        p.relative_to(here / "docs"): p.read_bytes() for p in (here / "docs").rglob("*") if p.is_file()
    }


def test_a_seed_that_fails_analysis_still_reports_what_cleaning_found(tmp_path: Path, monkeypatch) -> None:
    from generator.analysis import digest as analyse

    page = "---\ntitle: Harbour wall\nurl: javascript:alert(1)\n---\n\n" + BODY * 3
    project = _project(tmp_path, {"good.txt": GOOD, "deep.md": page})

    def digest(article, slug, settings):
        if article.source.endswith("deep.md"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(article, slug, settings)

    real = analyse.digest_article
    monkeypatch.setattr(analyse, "digest_article", digest)
    settings = replace(load_settings(project / "mkdocs.yml"), jobs=1)  # the patch lives in this process
    report = pipeline.build(settings)
    (reason,) = [p.reason for p in report.problems if p.path == "seeds/deep.md"]
    assert reason.startswith("could not be analysed") and "javascript:" in reason
    assert [Path(a).name for a in report.articles] == ["good.txt"]
