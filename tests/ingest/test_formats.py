"""formats/: saved web pages and Markdown notes become the same kind of Article as pasted text."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from generator.analysis.digest import digest_article
from generator.errors import SeedError
from generator.ingest.clean import clean_article, clean_articles
from generator.ingest.formats import format_of, html, md
from generator.ingest.formats.base import web_url
from generator.ingest.read import read_seed, read_seeds
from generator.models import Article, Seed, SeedProblem
from generator.settings import Settings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "formats"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
LIMIT = 5_000_000


def _seed(path: Path, limit: int = LIMIT) -> Seed:
    seed = read_seed(path, f"seeds/{path.name}", limit)
    assert isinstance(seed, Seed), seed
    return seed


def _article(name: str) -> Article:
    return clean_article(_seed(FIXTURES / name))


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("a.html", "html"),
        ("a.HTM", "html"),
        ("a.html.gz", "html"),
        ("a.md", "md"),
        ("a.markdown", "md"),
        ("a.txt", "txt"),
        ("a.gz", None),
        ("a.docx", None),
        ("html", None),
    ],
)
def test_format_of_matches_the_longest_suffix(name: str, key: str | None) -> None:
    assert format_of(name) == key


def test_html_honours_its_own_meta_charset() -> None:
    seed = _seed(FIXTURES / "cp1252.html")
    article = clean_article(seed)
    assert seed.encoding == "cp1252"
    assert article.paragraphs[0].startswith("The café’s owner said the “new ferry”")
    assert "€5 for adults and €2 for children" in article.paragraphs[1]
    assert (article.title, article.author, article.publisher) == (
        "Café owners welcome the new harbour ferry",
        "Ines Alvarez",
        "The Harbour Gazette",
    )
    assert (article.published, article.lang, article.format) == ("2024-03-12", "en", "html")
    assert article.url == "https://gazette.example/news/cafe-ferry"


@pytest.mark.parametrize(
    ("head", "codec"),
    [
        (b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', "cp1252"),
        (b"<meta charset='utf-8'>", "utf-8"),
        (b'<meta charset="no-such-codec">', None),
        (b"<title>x</title>", None),
    ],
)
def test_declared_encoding_follows_the_html_labels(head: bytes, codec: str | None) -> None:
    assert html.declared_encoding(b"<html><head>" + head + b"</head>") == codec


def test_page_without_article_element_keeps_text_and_headings() -> None:
    article = _article("no_article.html")
    assert article.title == "Library extends its opening hours for exam season"
    assert [b.text for b in article.blocks if b.kind == "heading"] == ["Quiet rooms on every floor"]
    assert len(article.paragraphs) == 4
    assert not any("Most read" in p or "parking fees" in p for p in article.paragraphs)
    assert article.author is None  # "News Desk" is a desk, not a person


def test_cookie_banner_only_page_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "cookies.html").write_bytes((FIXTURES / "cookie_only.html").read_bytes())
    seeds, problems = read_seeds(tmp_path, tmp_path, LIMIT)
    articles, clean_problems = clean_articles(seeds)
    assert not problems and not articles
    assert [(p.path, "no article text" in p.reason) for p in clean_problems] == [("cookies.html", True)]


def test_gzipped_page_is_unpacked() -> None:
    article = _article("trees.html.gz")
    assert article.title == "Volunteers plant a thousand trees along the river"
    assert len(article.paragraphs) == 3 and article.format == "html"


def test_gzip_is_capped_on_the_unpacked_size(tmp_path: Path) -> None:
    (tmp_path / "bomb.html.gz").write_bytes(gzip.compress(b"<p>" + b"a" * 200_000 + b"</p>", mtime=0))
    (tmp_path / "broken.html.gz").write_bytes(b"\x1f\x8b\x08 not really gzip")
    problems = {Path(p).name: read_seed(p, p.name, 10_000) for p in tmp_path.iterdir()}
    assert (
        isinstance(problems["bomb.html.gz"], SeedProblem)
        and "too large when unpacked" in problems["bomb.html.gz"].reason
    )
    assert isinstance(problems["broken.html.gz"], SeedProblem) and "gzip" in problems["broken.html.gz"].reason


def test_javascript_canonical_is_dropped_with_a_warning() -> None:
    draft = html.parse((FIXTURES / "js_canonical.html").read_text(encoding="utf-8"))
    assert draft.url is None
    assert len(draft.warnings) == 1 and "javascript:" in draft.warnings[0]
    assert _article("js_canonical.html").url is None


def test_markdown_front_matter_wins_and_markup_is_plain_text() -> None:
    article = _article("note.md")
    assert (article.title, article.author, article.publisher, article.published, article.lang) == (
        "Harbour ferry returns after a year: what changes",
        "Ines Alvarez",
        "The Harbour Gazette",
        "2024-03-12",
        "en",
    )
    assert article.url == "https://gazette.example/news/ferry-returns" and article.format == "md"
    assert [b.text for b in article.blocks if b.kind == "heading"] == ["Timetable"]
    first = article.paragraphs[0]
    assert first.startswith("The harbour ferry will run again") and first.endswith("at the north quay.")
    assert "Adults pay €5 for a single crossing." in article.paragraphs
    assert not any(mark in "".join(article.paragraphs) for mark in ("**", "](", "# ", "> "))


def test_markdown_without_front_matter_takes_the_first_heading_as_title() -> None:
    article = _article("plain.md")
    assert article.title == "Library extends its opening hours"
    assert article.author is None and article.published is None
    assert [b.text for b in article.blocks if b.kind == "heading"] == ["Quiet rooms"]
    assert "quiet room" in article.paragraphs[1] and "*" not in article.paragraphs[1]


def test_invalid_front_matter_names_the_file_and_line() -> None:
    with pytest.raises(SeedError, match=r"^seeds/bad_front_matter\.md: invalid front matter at line 4: .*line 3"):
        _article("bad_front_matter.md")


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("---\ntitle: [one, two]\n---\nBody.", 2),
        ("---\ntitle: A\npublished: someday\n---\nBody.", 3),
        ("---\ntitle: A\nBody without a closing line.", 1),
        ("---\n- a list\n---\nBody.", 2),
    ],
)
def test_front_matter_errors_give_the_line(text: str, line: int) -> None:
    with pytest.raises(SeedError, match=rf"^seeds/n\.md: invalid front matter at line {line}:"):
        clean_article(Seed(path="seeds/n.md", text=text, format="md"))


def test_markdown_non_web_url_is_dropped_with_a_warning() -> None:
    draft = md.parse("---\nurl: file:///etc/passwd\n---\n\nA body.")
    assert draft.url is None and draft.warnings


def test_a_protocol_relative_address_is_taken_as_https() -> None:
    assert web_url("//news.example.org/a/story") == ("https://news.example.org/a/story", ())
    assert web_url("///etc/passwd")[0] is None  # no host


def test_saved_page_gives_the_same_article_and_digest_as_pasted_text() -> None:
    pasted = clean_article(_seed(SEEDS / "004_8498fe90dd55976d.txt"))
    saved = clean_article(_seed(FIXTURES / "004_saved.html"))
    assert saved.title == pasted.title
    assert saved.blocks == pasted.blocks
    assert (saved.author, saved.publisher) == ("Chris King", "Euro Weekly News")
    settings = Settings()
    ours, theirs = digest_article(saved, "x", settings), digest_article(pasted, "x", settings)
    assert (ours.summary, ours.quotes, ours.figures) == (theirs.summary, theirs.quotes, theirs.figures)


_PAGE = """<html><head><title>{title}</title>{head}</head><body><article><h1>Harbour ferry returns after ten years</h1>
<p>The harbour ferry returned on Monday after ten years away, carrying two hundred passengers over the bay.</p>
<p>Its owners said the timetable would grow in spring, when a second boat joins the service between the two piers.</p>
</article><footer><p>{footer}</p><a href="/contact">Contact Us</a></footer></body></html>"""


def _page(title: str, head: str = "", footer: str = "") -> str:
    return _PAGE.format(title=title, head=head, footer=footer)


def test_publisher_prefers_the_full_form_over_a_handle() -> None:
    text = _page(
        "Harbour ferry returns after ten years - The Portville Gazette",
        '<meta name="application-name" content="PGazette">',
        "© 2024 The Portville Gazette Company",
    )
    draft = html.parse(text)
    assert draft.publisher == "The Portville Gazette"
    assert draft.title == "Harbour ferry returns after ten years"


def test_site_segments_and_section_labels_leave_the_title() -> None:
    head = '<meta property="og:site_name" content="Portville Post">'
    assert html.parse(_page("Opinion | Harbour ferry returns after ten years | Portville Post", head)).title == (
        "Harbour ferry returns after ten years"
    )
    # A segment that names no stated publisher stays: it is part of the headline.
    from generator.ingest.formats.page_meta import strip_site

    title = "Ferry returns - and the bay cheers - Portville Post"
    assert strip_site(title, [("og", "Portville Post")]) == "Ferry returns - and the bay cheers"


def test_a_copyright_holder_alone_does_not_replace_the_site_name() -> None:
    head = '<meta property="og:site_name" content="PTV">'
    draft = html.parse(_page("Harbour ferry returns after ten years", head, "© 2024 Portville Television Network"))
    assert draft.publisher == "PTV"


def test_abbreviation_and_containment_name_one_publisher() -> None:
    from generator.ingest.formats.page_meta import abbreviates, same_publisher

    assert abbreviates("NYTimes", "The New York Times") and abbreviates("JPost.com", "The Jerusalem Post")
    assert not abbreviates("Times", "The New York Times") or same_publisher("Times", "The New York Times")
    assert same_publisher("Breitbart Tech", "Breitbart") and not same_publisher("Vox Media", "The Verge")


def test_stated_publication_day_and_visible_byline() -> None:
    head = '<meta property="article:published_time" content="2024-03-11T21:40:00-04:00">'
    footer = '</p><div class="story-byline">By <a href="/people/ines">Ines Alvarez</a></div><p>'
    draft = html.parse(_page("Harbour ferry returns after ten years", head, footer))
    assert draft.published == "2024-03-11" and draft.author == "Ines Alvarez"


def test_a_utc_stamp_does_not_override_the_extractors_day() -> None:
    from lxml import html as lxml_html

    from generator.ingest.formats.page_stated import publication_date

    page = '<html><head><meta property="article:published_time" content="2024-03-12T01:40:00Z"></head></html>'
    tree = lxml_html.document_fromstring(page)
    assert publication_date(tree, "2024-03-11") == "2024-03-11"
    assert publication_date(tree, None) == "2024-03-12"
