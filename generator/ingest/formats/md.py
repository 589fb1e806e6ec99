"""Markdown notes (`.md`): optional YAML front matter, then the article in Markdown.

Front matter states metadata (`title`, `author`, `publisher`, `published`, `url`,
`lang`) and wins over anything cleaning would find. The body is rendered with
python-markdown (the parser MkDocs uses) and the HTML walked to lines. It must never
touch the disk, and never accept front matter it cannot read: that is an error
naming the line.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import markdown
import yaml
from lxml import html as lxml_html
from lxml.etree import ParserError, _Element

from generator.ingest.formats.base import Draft, FormatError, drop_leading_title, language_code, web_url
from generator.text.dates import parse_date

_FENCE = re.compile(r"^---[ \t]*$")
_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
_KNOWN = ("title", "author", "publisher", "published", "url", "lang")
_EXTENSIONS = ("extra", "sane_lists")
_LINE_BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "pre", "tr", "figcaption"}
_BREAK = "\u2028"  # a hard line break (`<br>`); every other newline in HTML is a space
_DROPPED = {"script", "style", "img", "template", "head"}


def parse(text: str) -> Draft:
    """Front matter to stated metadata; the Markdown body to lines."""
    meta, lines_before, body = _split_front_matter(text)
    values = _read_front_matter(meta, lines_before) if meta is not None else {}
    url, warnings = web_url(values.pop("url", None))
    stated = {key: values.pop(key, None) for key in ("title", "author", "publisher", "published", "lang")}
    return Draft(
        lines=tuple(drop_leading_title(_markdown_lines(body), stated["title"])),
        title=stated["title"],
        author=stated["author"],
        publisher=stated["publisher"],
        published=stated["published"],
        url=url,
        lang=language_code(stated["lang"]),
        metadata=values,
        warnings=warnings,
        extracted=True,
    )


def _split_front_matter(text: str) -> tuple[str | None, int, str]:
    """Front matter text (or None), how many lines precede it, and the body."""
    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0]):
        return None, 0, text
    for number, line in enumerate(lines[1:], start=1):
        if _END.match(line):
            return "\n".join(lines[1:number]), 1, "\n".join(lines[number + 1 :])
    raise FormatError("invalid front matter at line 1: no closing '---' line")


def _read_front_matter(meta: str, offset: int) -> dict[str, str]:
    """Known keys checked and normalised; other scalar keys kept as text."""
    loader = yaml.SafeLoader(meta)
    try:
        node = loader.get_single_node()
        if node is None:
            return {}
        if not isinstance(node, yaml.MappingNode):
            raise FormatError(
                f"invalid front matter at line {node.start_mark.line + offset + 1}: expected 'key: value' lines"
            )
        values: dict[str, str] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + offset + 1
            key = str(loader.construct_object(key_node, deep=True))
            value = _value(key, loader.construct_object(value_node, deep=True), line)
            if value is not None:
                values[key] = value
        return values
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + offset + 1 if mark else offset + 1
        reason = str(error.problem or error.context or error)
        if (
            error.context
            and error.context_mark
            and error.problem_mark
            and error.context_mark.line != error.problem_mark.line
        ):
            reason += f" ({error.context} started at line {error.context_mark.line + offset + 1})"
        raise FormatError(f"invalid front matter at line {line}: {reason}") from error
    finally:
        loader.dispose()


def _value(key: str, value: Any, line: int) -> str | None:
    """One front-matter value as text, or a `FormatError` naming its line."""
    if value is None or key not in _KNOWN:
        return value if isinstance(value, str) else None
    if key == "published":
        return _published(value, line)
    if key == "author" and isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ", ".join(v.strip() for v in value if v.strip()) or None
    if not isinstance(value, str):
        raise FormatError(f"invalid front matter at line {line}: '{key}' must be text, got {type(value).__name__}")
    return " ".join(value.split()) or None


def _published(value: Any, line: int) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    found = parse_date(str(value))
    if found is None:
        raise FormatError(
            f"invalid front matter at line {line}: 'published' must be a full date (YYYY-MM-DD), got {value!r}"
        )
    return found


def _markdown_lines(body: str) -> list[str]:
    """Markdown rendered to HTML, then one line per heading, paragraph, list item or table row."""
    rendered = markdown.markdown(body, extensions=list(_EXTENSIONS), output_format="html")
    if not rendered.strip():
        return []
    try:
        root = lxml_html.fragment_fromstring(rendered, create_parent="div")
    except (ParserError, ValueError):
        return []
    lines: list[str] = []
    _walk(root, lines)
    return lines


def _walk(element: _Element, lines: list[str]) -> None:
    for child in element:
        if not isinstance(child.tag, str) or child.tag in _DROPPED:
            continue
        nested = any(isinstance(x.tag, str) and x.tag in _LINE_BLOCKS for x in child.iterdescendants())
        if child.tag in _LINE_BLOCKS and not (child.tag == "li" and nested):
            _add(lines, _flat(child))
        elif child.tag == "li":
            _add(lines, _flat(child, stop=True))
            _walk(child, lines)
        else:
            _walk(child, lines)


def _flat(element: _Element, stop: bool = False) -> str:
    """Text of an element, `<br>` as a line break; with `stop`, nested blocks are left out."""
    parts = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str) or child.tag in _DROPPED:
            pass
        elif child.tag == "br":
            parts.append(_BREAK)
        elif child.tag in ("td", "th"):
            parts.append(" | " if len(parts) > 1 else "")
            parts.append(_flat(child))
        elif not (stop and (child.tag in _LINE_BLOCKS or child.tag in ("ul", "ol"))):
            parts.append(_flat(child, stop))
        parts.append(child.tail or "")
    return "".join(parts)


def _add(lines: list[str], text: str) -> None:
    new = [" ".join(part.split()) for part in text.split(_BREAK)]
    new = [line for line in new if line]
    if new:
        lines.extend([*new, ""])
