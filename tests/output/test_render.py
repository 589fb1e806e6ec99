"""render.py: digests and stories become pages whose front matter parses and whose text never runs."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import jinja2
import markdown
import pytest
import yaml
from builders import DIGESTS, HOSTILE, ROOT, build_digest, build_story

from generator.models import Citation, Digest, Story, StorySentence
from generator.output.escape import Trusted
from generator.output.render import date_span, iter_pages, make_environment, same_words, templates_fingerprint
from generator.settings import Settings

ENV = make_environment(ROOT / "templates")
SETTINGS = Settings(cache_dir="")
OLD, NEW, UNDATED, _, BAD_DATE = DIGESTS


def pages(
    digests: tuple[Digest, ...], stories: tuple[Story, ...] = (), settings: Settings = SETTINGS
) -> dict[str, str]:
    """Every page's text by path."""
    made = [(page.path, page.content()) for page in iter_pages(digests, stories, settings, ENV)]
    assert len({path for path, _ in made}) == len(made), "two pages share a path"
    return dict(made)


def split(text: str) -> tuple[dict, str]:
    """A page's front matter, parsed with the safe loader, and its Markdown body."""
    assert text.startswith("---\n")
    header, fence, body = text[len("---\n") :].partition("\n---\n")
    assert fence, "the front matter is never closed"
    return yaml.safe_load(header), body


def html(body: str) -> str:
    """The body as Python-Markdown renders it with the block extensions the site relies on."""
    return markdown.markdown(body, extensions=["admonition", "attr_list", "tables", "md_in_html"])


def test_every_digest_gets_an_article_page_and_every_story_a_story_page() -> None:
    story = build_story("the-story", "The story", OLD, NEW)
    made = pages(DIGESTS, (story,))
    assert {f"articles/{d.slug}.md" for d in DIGESTS} | {"stories/the-story.md"} <= set(made)
    assert not [path for path in made if path.startswith("stories/") and path != "stories/the-story.md"]


def test_article_pages_go_under_the_configured_folder() -> None:
    made = pages((OLD,), settings=Settings(cache_dir="", output_dir="news"))
    assert "news/b-old.md" in made and "articles/b-old.md" not in made


def test_an_article_page_front_matter_carries_its_briefing() -> None:
    story = build_story("the-story", "The story", OLD, NEW)
    made = pages(DIGESTS, (story,))
    for digest in DIGESTS:
        front, _ = split(made[f"articles/{digest.slug}.md"])
        briefing = front["briefing"]
        assert briefing["kind"] == "article" and briefing["slug"] == digest.slug
        assert briefing["title"] == digest.article.title
        assert briefing["source"] == digest.article.source
        assert briefing["published"] == digest.article.published
        assert briefing["summary"] == list(digest.summary)
        assert briefing["story"] == ("the-story" if digest in (OLD, NEW) else None)


def test_a_story_page_front_matter_carries_its_briefing() -> None:
    story = build_story("the-story", "The story", NEW, OLD)
    front, _ = split(pages(DIGESTS, (story,))["stories/the-story.md"])
    briefing = front["briefing"]
    assert briefing["kind"] == "story" and briefing["slug"] == "the-story"
    assert briefing["headline"] == "The story"
    assert briefing["articles"] == ["seeds/a-new.txt", "seeds/b-old.txt"]
    assert [(s["source"], s["paragraph"]) for s in briefing["summary"]] == [
        ("seeds/a-new.txt", 0),
        ("seeds/b-old.txt", 0),
    ]


def test_an_article_in_a_story_links_to_the_story_and_others_do_not() -> None:
    story = build_story("the-story", "The story", OLD, NEW)
    made = pages(DIGESTS, (story,))
    assert "](../stories/the-story.md)" in split(made["articles/b-old.md"])[1]
    assert "../stories/" not in split(made["articles/c-undated.md"])[1]


HOSTILE_SUMMARY = (
    "<script>alert(1)</script> {{ 7*7 }} {% if true %}ran{% endif %} [x](javascript:alert(1)) **b**.",
    "# Head\n---\nbriefing: evil\n- item: 1.",
)


@pytest.mark.parametrize("full_text", [False, True])
def test_article_text_with_markup_is_escaped_and_never_executes(full_text: bool) -> None:
    digest = build_digest("evil", f"{HOSTILE}\n---\nkind: story", "2024-03-04", summary=HOSTILE_SUMMARY)
    story = build_story("evil-story", "{{ 7*7 }} <i>headline</i>", digest, OLD)
    made = pages((digest, OLD), (story,), Settings(cache_dir="", full_text=full_text))
    for path, kind in (("articles/evil.md", "article"), ("stories/evil-story.md", "story")):
        front, body = split(made[path])
        assert front["briefing"]["kind"] == kind  # YAML syntax in a value stays inside the value
        assert r"\{% if true %\}ran\{% endif %\}" in body and "49" not in body
        assert not re.search(r"(?<!\\)\{[{%]", body), "a Jinja delimiter is printed unescaped"
        assert "<script" not in body and "<b>" not in body and "<i>" not in body
        rendered = html(body)
        assert not re.search(r"<(script|b|i|hr)\b|<h\d[^>]*>Head|<li>item", rendered)
        assert 'href="javascript' not in rendered
    article, _ = split(made["articles/evil.md"])
    assert article["briefing"]["title"] == f"{HOSTILE}\n---\nkind: story"  # raw values under briefing:
    assert article["briefing"]["summary"] == list(HOSTILE_SUMMARY)
    story_front, _ = split(made["stories/evil-story.md"])
    assert story_front["briefing"]["headline"] == "{{ 7*7 }} <i>headline</i>"


def test_the_hostile_title_is_printed_as_its_characters() -> None:
    _, body = split(pages((build_digest("t", HOSTILE),))["articles/t.md"])
    assert "# Tom &amp; Jerry &lt;b&gt;say&lt;/b&gt;" in body
    assert re.search(r"<h1[^>]*>Tom &amp; Jerry &lt;b&gt;say&lt;/b&gt; \"hi\" &amp; it's 🎉 time</h1>", html(body))


def test_only_an_http_address_is_linked_as_the_original() -> None:
    _, linked = split(pages((NEW,))["articles/a-new.md"])
    assert "[read the original](https://news.example/a)" in linked
    hostile = build_digest("js", "Js", url="javascript:alert(1)")
    _, body = split(pages((hostile,))["articles/js.md"])
    assert "read the original" not in body and "javascript:" not in body


def test_a_story_page_states_the_days_its_sources_were_published_ignoring_invalid_dates() -> None:
    spanning = build_story("spanning", "Spanning", OLD, NEW, UNDATED)
    one_day = build_story("one-day", "One day", OLD, BAD_DATE)
    made = pages(DIGESTS, (spanning, one_day))
    assert "A story from 3 sources, published from 2024-01-02 to 2024-03-04:" in made["stories/spanning.md"]
    (line,) = [line for line in made["stories/one-day.md"].splitlines() if "A story from" in line]
    assert "A story from 2 sources, published 2024-01-02:" in line and "2024-02-31" not in line


def test_pages_are_the_same_on_every_run() -> None:
    story = build_story("the-story", "The story", OLD, NEW)
    assert pages(DIGESTS, (story,)) == pages(DIGESTS, (story,))


def test_the_environment_escapes_every_printed_value_but_trusted_ones() -> None:
    template = ENV.from_string("{{ value }}")
    printed = template.render(value="<b>*x*</b> {{ y }}")
    assert "<b>" not in printed and "{{" not in printed and "*x*" not in printed
    assert template.render(value=Trusted("../articles/a_b.md")) == "../articles/a_b.md"


def test_the_environment_refuses_an_undefined_name() -> None:
    with pytest.raises(jinja2.UndefinedError):
        ENV.from_string("{{ missing }}").render()


def test_the_environment_reads_the_templates_folder_it_is_given(tmp_path: Path) -> None:
    (tmp_path / "only.md.j2").write_text("{{ x }}!", encoding="utf-8")
    env = make_environment(tmp_path)
    assert env.list_templates() == ["only.md.j2"]
    assert env.get_template("only.md.j2").render(x="hi") == "hi!"


def test_the_templates_fingerprint_follows_their_contents(tmp_path: Path) -> None:
    copy = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", copy)
    original = templates_fingerprint(make_environment(copy))
    assert original == templates_fingerprint(ENV)  # the contents count, not where they are
    article = copy / "article.md.j2"
    source = article.read_text(encoding="utf-8")

    article.write_text(source + "\n", encoding="utf-8")
    edited = templates_fingerprint(make_environment(copy))
    assert edited != original

    article.write_text(source, encoding="utf-8")
    assert templates_fingerprint(make_environment(copy)) == original

    (copy / "extra.md.j2").write_text("", encoding="utf-8")
    assert templates_fingerprint(make_environment(copy)) not in (original, edited)


def test_the_templates_fingerprint_tells_which_template_holds_a_text(tmp_path: Path) -> None:
    """Moving the same text from one template to another is a change."""
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
    (tmp_path / "a" / "one.md.j2").write_text("xy", encoding="utf-8")
    (tmp_path / "a" / "two.md.j2").write_text("", encoding="utf-8")
    (tmp_path / "b" / "one.md.j2").write_text("x", encoding="utf-8")
    (tmp_path / "b" / "two.md.j2").write_text("y", encoding="utf-8")
    first, second = (templates_fingerprint(make_environment(tmp_path / n)) for n in ("a", "b"))
    assert first != second


@pytest.mark.parametrize(
    ("dates", "span"),
    [
        (["2024-03-12", None, "2024-02-31", "2024-03-11T09:00:00"], ("2024-03-11", "2024-03-12")),
        (["2024-05-01", "2023-12-31", "2024-01-15"], ("2023-12-31", "2024-05-01")),
        (["2024-01-02"], ("2024-01-02", "2024-01-02")),
        (["not a date", "2024-13-01", "2024-02-30", "2024-01-02"], ("2024-01-02", "2024-01-02")),
        ([None, "not a date", "", "2023-02-29"], None),
        ([], None),
    ],
)
def test_date_span_is_the_first_and_last_valid_day(dates: list[str | None], span: tuple[str, str] | None) -> None:
    assert date_span(dates) == span
    assert date_span(iter(dates)) == span  # any iterable, read once


def test_same_words_lists_each_wording_once_with_its_sources_in_first_use_order() -> None:
    a, b, c, d = (Citation(f"seeds/{k}.txt", n) for n, k in enumerate("abcd"))
    wordings = [
        StorySentence("The river rose.", a),
        StorySentence("Water rose in the town.", b),
        StorySentence("The river rose.", c),
        StorySentence("Water rose in the town.", d),
        StorySentence("The river rose", a),  # not word for word: its own wording
    ]
    assert same_words(wordings) == [
        ("The river rose.", [a, c]),
        ("Water rose in the town.", [b, d]),
        ("The river rose", [a]),
    ]
    assert same_words([]) == []
