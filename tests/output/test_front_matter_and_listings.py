"""front_matter.py and listings.py: the public front matter of pages, and paginated lists."""

from __future__ import annotations

import yaml
from builders import HOSTILE, build_digest, build_story

from generator.output.front_matter import SCHEMA_VERSION, article_front_matter, story_front_matter
from generator.output.listings import entity_members, initial, paginate, unique_entity_names


def test_article_front_matter_escapes_what_material_prints_and_keeps_the_raw_values() -> None:
    digest = build_digest("a", HOSTILE, "2024-03-04", summary=(f"{HOSTILE}.", "Second."))
    front = article_front_matter(digest, story="s")
    assert "<b>" not in front["title"] and "&lt;b&gt;" in front["title"]
    assert "<b>" not in front["description"]
    assert front["briefing"]["title"] == HOSTILE  # raw under briefing:
    assert front["briefing"]["schema"] == SCHEMA_VERSION and front["briefing"]["kind"] == "article"
    assert front["briefing"]["story"] == "s" and front["briefing"]["published"] == "2024-03-04"
    assert yaml.safe_load(yaml.safe_dump(front)) == front  # plain data, round-trips as YAML


def test_story_front_matter_cites_each_summary_sentence() -> None:
    first, second = build_digest("a", "Alpha"), build_digest("b", "Bravo")
    story = build_story("alpha", "Alpha & <Bravo>", first, second)
    front = story_front_matter(story, (first, second))
    assert front["title"] == "Alpha &amp; &lt;Bravo&gt;"
    assert front["briefing"]["articles"] == ["seeds/a.txt", "seeds/b.txt"]
    assert front["briefing"]["summary"] == [
        {"text": "First sentence.", "source": "seeds/a.txt", "paragraph": 0},
        {"text": "First sentence.", "source": "seeds/b.txt", "paragraph": 0},
    ]


def test_pages_of_a_list_and_an_empty_list_has_one_page() -> None:
    pages = paginate("index.md", "briefing/page-{n}.md", list(range(5)), 2)
    assert [p.path for p in pages] == ["index.md", "briefing/page-2.md", "briefing/page-3.md"]
    assert [p.items for p in pages] == [(0, 1), (2, 3), (4,)]
    assert all(p.pages == ("index.md", "briefing/page-2.md", "briefing/page-3.md") for p in pages)
    (empty,) = paginate("index.md", "briefing/page-{n}.md", [], 2)
    assert empty.items == () and empty.number == 1


def test_names_that_slugify_alike_get_distinct_paths_and_a_letter() -> None:
    views = [
        {"entities": {"people": ["José Ruiz", "Jose Ruiz"], "places": ["Jose Ruiz"]}},
        {"entities": {"people": ["José Ruiz"]}},
    ]
    members = entity_members(views)
    assert len(members[("people", "José Ruiz")]) == 2
    paths = unique_entity_names(members)
    assert paths[("people", "Jose Ruiz")] == "jose-ruiz" and paths[("people", "José Ruiz")] == "jose-ruiz-2"
    assert paths[("places", "Jose Ruiz")] == "jose-ruiz"  # another kind, another folder
    assert initial("jose-ruiz") == "j" and initial("1984-group") == "#"


def test_a_wording_that_is_already_a_quotation_is_not_quoted_twice(tmp_path) -> None:
    from dataclasses import replace

    from builders import ROOT

    from generator.models import Citation, SharedFact, StorySentence
    from generator.output.render import iter_pages, make_environment
    from generator.settings import Settings

    first, second = build_digest("a", "Alpha"), build_digest("b", "Bravo")
    quoted = StorySentence("\u201cWe are ready,\u201d the mayor said.", Citation("seeds/a.txt", 0))
    plain = StorySentence("The mayor said they were ready.", Citation("seeds/b.txt", 0))
    story = replace(
        build_story("alpha", "Alpha", first, second), shared_facts=(SharedFact(plain.text, (quoted, plain)),)
    )
    settings = Settings(cache_dir="")
    (page,) = [
        p.text
        for p in iter_pages((first, second), (story,), settings, make_environment(ROOT / "templates"))
        if p.path.startswith("stories/")
    ]
    assert "- \u201cWe are ready,\u201d the mayor said. <small>" in page
    assert "- \u201cThe mayor said they were ready.\u201d <small>" in page
    assert "\u201c\u201c" not in page
