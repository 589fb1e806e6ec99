"""export.py: the briefing as JSON (validated against the published schema) and CSV, byte for byte."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
from builders import DIGESTS, HOSTILE, ROOT, build_digest, build_story
from conftest import build_wired_project

from generator.models import Figure, Quote
from generator.output.export import (
    FIGURE_COLUMNS,
    QUOTE_COLUMNS,
    export_rows_csv,
    export_to_dir,
    json_files,
    schema_text,
)
from generator.output.front_matter import article_front_matter, story_front_matter

SCHEMA = json.loads((ROOT / "generator" / "data" / "briefing.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
SETTINGS = {"summary_max": 5, "language": "english", "seeds_dir": "seeds"}


def _stories():
    return (build_story("alpha-bravo", "Alpha & <Bravo>", DIGESTS[0], DIGESTS[1]),)


def _files(digests=DIGESTS, stories=None) -> dict[str, str]:
    files = json_files(digests, _stories() if stories is None else stories, settings=SETTINGS)
    return {f"data/{path}": text for path, text in files.items()}


def test_every_file_validates_against_the_schema() -> None:
    files = _files()
    assert set(files) == {
        "data/briefing.json",
        "data/briefing.schema.json",
        "data/stories/alpha-bravo.json",
        *(f"data/articles/{d.slug}.json" for d in DIGESTS),
    }
    for path, text in files.items():
        if path != "data/briefing.schema.json":
            VALIDATOR.validate(json.loads(text))
    assert json.loads(files["data/briefing.schema.json"]) == SCHEMA


def test_the_schema_rejects_what_it_should() -> None:
    article = json.loads(_files()["data/articles/a-new.json"])
    for broken in ({**article, "published": "4 March"}, {**article, "kind": "page"}, {**article, "extra": 1}):
        assert not VALIDATOR.is_valid(broken)


def test_article_and_story_files_are_their_front_matter() -> None:
    files = _files()
    story = _stories()[0]
    for digest in DIGESTS:
        member = digest.article.source in story.articles
        expected = article_front_matter(digest, story.slug if member else None)["briefing"]
        assert json.loads(files[f"data/articles/{digest.slug}.json"]) == expected
    assert json.loads(files["data/stories/alpha-bravo.json"]) == story_front_matter(story, DIGESTS[:2])["briefing"]


def test_index_lists_stories_and_articles_with_settings() -> None:
    index = json.loads(_files()["data/briefing.json"])
    assert index["schema"] == 1 and index["kind"] == "index" and index["settings"] == dict(sorted(SETTINGS.items()))
    assert [a["slug"] for a in index["articles"]] == sorted(d.slug for d in DIGESTS)
    first = index["articles"][0]
    assert first == {
        **first,
        "title": "alpha",
        "published": "2024-03-04",
        "story": "alpha-bravo",
        "page": "articles/a-new/",
        "data": "data/articles/a-new.json",
        "source": "seeds/a-new.txt",
    }
    story = index["stories"][0]
    assert story["articles"] == ["b-old", "a-new"] or story["articles"] == ["a-new", "b-old"]
    assert story["published"] == "2024-03-04" and story["title"] == "Alpha & <Bravo>"


def test_hostile_title_round_trips_as_json() -> None:
    digest = build_digest("hostile", HOSTILE, summary=(HOSTILE + ".",))
    files = _files((digest,), ())
    assert json.loads(files["data/articles/hostile.json"])["title"] == HOSTILE
    assert "🎉" in files["data/briefing.json"]  # ensure_ascii=False


def test_same_input_gives_the_same_bytes_in_any_order() -> None:
    assert _files() == _files(tuple(reversed(DIGESTS)))
    assert all(text.endswith("\n") for text in _files().values())
    assert schema_text() == (ROOT / "generator" / "data" / "briefing.schema.json").read_text(encoding="utf-8")


def test_csv_rows_per_quote_and_figure() -> None:
    quote = Quote(text='He said "no", then, well, yes\nreally', speaker="Jo Park", via=None, kind="full")
    figure = Figure(value="12,000", what="visitors", sentence="About 12,000 visitors came.")
    digest = build_digest("hostile", HOSTILE)
    digest = type(digest)(**{**digest.__dict__, "quotes": (quote, quote), "figures": (figure,)})
    tables = export_rows_csv((digest, DIGESTS[0]))
    quotes = list(csv.DictReader(io.StringIO(tables["quotes.csv"], newline="")))
    figures = list(csv.DictReader(io.StringIO(tables["figures.csv"], newline="")))
    assert tuple(quotes[0]) == QUOTE_COLUMNS and len(quotes) == 2
    assert quotes[0] == {
        "article_slug": "hostile",
        "article_title": HOSTILE,
        "source": "seeds/hostile.txt",
        "publisher": "The Paper",
        "speaker": "Jo Park",
        "via": "",
        "kind": "full",
        "quote": quote.text,
    }
    assert tuple(figures[0]) == FIGURE_COLUMNS and figures == [
        {
            "article_slug": "hostile",
            "article_title": HOSTILE,
            "source": "seeds/hostile.txt",
            "publisher": "The Paper",
            "value": "12,000",
            "what": "visitors",
            "sentence": figure.sentence,
        }
    ]


def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_stay_text() -> None:
    """Article text is data: `=HYPERLINK(...)` in a quote must not become a live formula."""
    quote = Quote(text='=HYPERLINK("http://example.com","click")', speaker="@handle", via=None, kind="full")
    figure = Figure(value="-3%", what="+ growth", sentence="Growth was -3%.")
    digest = build_digest("hostile", HOSTILE)
    digest = type(digest)(**{**digest.__dict__, "quotes": (quote,), "figures": (figure,)})
    tables = export_rows_csv((digest,))
    (row,) = csv.DictReader(io.StringIO(tables["quotes.csv"], newline=""))
    assert row["quote"] == "'" + quote.text and row["speaker"] == "'@handle"
    (row,) = csv.DictReader(io.StringIO(tables["figures.csv"], newline=""))
    assert row["value"] == "'-3%" and row["what"] == "'+ growth" and row["sentence"] == figure.sentence
    assert not [
        c
        for table in tables.values()
        for r in csv.reader(io.StringIO(table, newline=""))
        for c in r
        if c.startswith(("=", "+", "-", "@"))
    ]


def test_export_to_dir_writes_json_or_csv(tmp_path: Path) -> None:
    written = export_to_dir(DIGESTS, _stories(), "json", tmp_path / "json", SETTINGS)
    assert [p.relative_to(tmp_path / "json").as_posix() for p in written] == sorted(
        path.removeprefix("data/") for path in _files()
    )
    before = {p: p.read_bytes() for p in written}
    assert export_to_dir(DIGESTS, _stories(), "json", tmp_path / "json", SETTINGS) == written
    assert {p: p.read_bytes() for p in written} == before
    csv_files = export_to_dir(DIGESTS, (), "csv", tmp_path / "csv", SETTINGS)
    assert [p.name for p in csv_files] == ["figures.csv", "quotes.csv"]
    with pytest.raises(ValueError, match="xml"):
        export_to_dir(DIGESTS, (), "xml", tmp_path / "xml", SETTINGS)


@pytest.fixture(scope="session")
def wired_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project built with feeds, export and the theme override (see `build_wired_project`)."""
    return build_wired_project(tmp_path_factory.getbasetemp() / "wired")


@pytest.mark.slow
def test_exported_files_of_a_built_site_validate(wired_project: Path) -> None:
    exported = sorted((wired_project / "site" / "data").rglob("*.json"))
    kinds = {json.loads(p.read_text(encoding="utf-8")).get("kind") for p in exported}
    assert {"index", "article"} <= kinds
    for path in exported:
        if path.name != "briefing.schema.json":
            errors = [e.message for e in VALIDATOR.iter_errors(json.loads(path.read_text(encoding="utf-8")))]
            assert not errors, f"{path.relative_to(wired_project)}: {errors}"
    index = json.loads((wired_project / "site" / "data" / "briefing.json").read_text(encoding="utf-8"))
    for entry in index["articles"] + index["stories"]:
        assert (wired_project / "site" / entry["data"]).is_file() and (wired_project / "site" / entry["page"]).is_dir()
    hostile = json.loads((wired_project / "site" / "data" / "articles" / "zz-hostile-title.json").read_text("utf-8"))
    assert hostile["title"] == HOSTILE and hostile["published"] == "2024-03-12"
