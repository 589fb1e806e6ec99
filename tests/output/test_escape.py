"""escape.py: article text renders as the characters it is, never as markup."""

from __future__ import annotations

import re
from html import escape as html_escape

import markdown
import pytest

from generator.output.escape import Trusted, escape_markdown

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "![x](http://example.com/x.png)",
    "{{ config }} and {% include 'x' %}",
    "# Not a heading",
    '!!! danger "Not an admonition"',
    "| a | b |",
    "<!-- material/tags -->",
    "1. not a list",
    "- not a list either",
    "> not a quote",
    "**not bold** and _not em_ and `not code`",
    'A paragraph {: onclick="alert(1)" }',
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_renders_as_text(text: str) -> None:
    html = markdown.markdown(escape_markdown(text), extensions=["admonition", "attr_list", "tables", "md_in_html"])
    assert re.findall(r"<(/?\w+)", html) == ["p", "/p"], html
    assert html == "<p>" + html_escape(text, quote=False) + "</p>"


def test_plain_prose_stays_readable() -> None:
    assert escape_markdown("Mr. Kim said the U.S. paid 3.5% more.") == "Mr. Kim said the U.S. paid 3.5% more."


def test_trusted_values_pass_unchanged() -> None:
    assert escape_markdown(Trusted("articles/a_b.md")) == "articles/a_b.md"
