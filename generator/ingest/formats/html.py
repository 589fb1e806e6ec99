"""Saved web pages (`.html`, `.htm`, `.html.gz`): main text and stated metadata via trafilatura.

trafilatura finds the article among the page's menus, share bars, related links and
comments; this module turns its result into lines (one per heading, paragraph, list
item or table row) and keeps only metadata the page states honestly. It must never
touch the disk, fetch anything the page links to, or guess a value a blank would
state more honestly (a desk name as author, a copyright year as date).
"""

from __future__ import annotations

import codecs
import re
from typing import Any

from lxml import html as lxml_html
from lxml.etree import ParserError, _Element

from generator.ingest import furniture as rules
from generator.ingest.formats import page_meta, page_stated
from generator.ingest.formats.base import Draft, drop_leading_title, language_code, web_url

_PRESCAN_BYTES = 4096
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)
# The HTML standard's decoding rules: these labels mean windows-1252 or UTF-8 in a browser.
_ENCODING_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
}
# trafilatura's options; comments are never article text. `favor_precision` is chosen on data and
# cross-validated by site (`tools/evaluate/extract_cv.py`).
OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "favor_precision": True,
    "with_metadata": True,
    "deduplicate": False,
}
_DATE_OPTIONS = {"extensive_search": False, "original_date": True}
_BLOCKS = {"head", "p", "item", "row", "code", "quote", "list", "table"}
_SKIPPED = {"graphic", "figure", "fig"}
_LANG_XPATHS = (
    "/html/@lang",
    "/html/@xml:lang",
    '//meta[@http-equiv="Content-Language" or @http-equiv="content-language"]/@content',
    '//meta[@itemprop="inLanguage"]/@content',
    '//meta[@property="og:locale"]/@content',
)
_HEADLINE_WORDS = 4
_PERSON = re.compile(r"^[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|de|van|von|der|da|al|bin|le|la)){1,4}$")
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|,|\band\b|&)\s*")


def declared_encoding(data: bytes) -> str | None:
    """The Python codec a page's own `<meta charset>` declares, per the HTML standard's labels."""
    found = _META_CHARSET.search(data[:_PRESCAN_BYTES])
    if not found:
        return None
    label = found.group(1).decode("ascii", "replace").lower()
    label = _ENCODING_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def parse(text: str) -> Draft:
    """A saved page's article text as lines, with the metadata it states."""
    tree = _load(text)
    if tree is None:
        return Draft(lines=())
    url, warnings = web_url(_canonical(tree))
    lang = next((code for code in map(language_code, _stated_languages(tree)) if code), None)
    import trafilatura  # here: only web-page seeds need it, and importing it takes about 0.1 s

    document: Any = trafilatura.bare_extraction(tree, date_extraction_params=_DATE_OPTIONS, **OPTIONS)
    if document is None or getattr(document, "body", None) is None:
        return Draft(lines=(), url=url, lang=lang, warnings=warnings)
    site_name = _text(document.sitename) or None
    stated = page_meta.stated_publishers(tree, site_name)
    publisher = page_meta.full_publisher(stated, site_name)
    title = page_meta.strip_site(_title(document.title, tree, publisher), stated)
    lines = drop_leading_title(_lines(document.body), title)
    return Draft(
        lines=tuple(lines),
        title=title,
        author=_author(document.author) or _author(page_stated.byline(tree)),
        publisher=publisher,
        published=page_stated.publication_date(tree, _date(document.date)),
        url=url,
        lang=lang or language_code(document.language),
        warnings=warnings,
        extracted=True,
    )


def _load(text: str) -> _Element | None:
    # lxml refuses a str that still carries an XML encoding declaration: the text is decoded already.
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        return lxml_html.document_fromstring(text)
    except (ParserError, ValueError):
        return None


def _stated_languages(tree: _Element) -> list[str]:
    return [str(value) for xpath in _LANG_XPATHS for value in tree.xpath(xpath)]


def _canonical(tree: _Element) -> str | None:
    for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        found = tree.xpath(xpath)
        if found:
            return str(found[0])
    return None


def _lines(body: _Element) -> list[str]:
    """trafilatura's XML body to lines: a blank line between blocks, `<lb/>` a line break."""
    lines: list[str] = []
    for element in body:
        _block_lines(element, lines)
    return lines


def _block_lines(element: _Element, lines: list[str]) -> None:
    if element.tag in _SKIPPED:
        return
    children = [child for child in element if child.tag in _BLOCKS]
    if element.tag == "row":
        cells = [_text(" ".join(cell.itertext())) for cell in element]
        _add(lines, [" | ".join(cell for cell in cells if cell)])
    elif children:
        for child in element:
            _block_lines(child, lines)
    else:
        _add(lines, _inline_lines(element))


def _inline_lines(element: _Element) -> list[str]:
    """An element's text, split where it has `<lb/>` line breaks."""
    return [_text(part) for part in _flat(element).split("\n")]


def _flat(element: _Element) -> str:
    parts = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "lb" else "" if child.tag in _SKIPPED else _flat(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _add(lines: list[str], new: list[str]) -> None:
    new = [line for line in new if line]
    if new:
        lines.extend([*new, ""])


def _title(stated: str | None, tree: _Element, site: str | None) -> str | None:
    """The stated title when another of the page's headlines confirms it, else one two headlines agree on,
    else the page's own `<title>` (or `og:title`) when nothing confirms the stated one."""
    title = _text(stated) or None
    heads = [*tree.xpath("//title//text()"), *tree.xpath('//meta[@property="og:title"]/@content')]
    found = [*heads, *(" ".join(h.itertext()) for h in tree.iter("h1"))]
    candidates = [c for c in (_text(str(x)) for x in found) if len(c.split()) >= _HEADLINE_WORDS]
    if title is None or sum(_agree(title, c) for c in candidates) >= 2:
        return title
    agreed = [c for c in candidates if sum(_agree(c, other) for other in candidates) >= 2]
    agreed = [c for c in agreed if not (site and _agree(c, site))]
    if agreed:
        return min(agreed, key=len)
    own = [c for c in (_text(str(x)) for x in heads) if len(c.split()) >= _HEADLINE_WORDS]
    return own[0] if own and not any(_agree(title, c) for c in candidates) else title


def _agree(one: str, other: str) -> bool:
    a, b = _letters(one), _letters(other)
    return bool(a and b) and (a in b or b in a)


def _letters(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


def _author(value: str | None) -> str | None:
    """Person names only: a desk, an agency or a site name is no author."""
    names = [_text(name) for name in _AUTHOR_SPLIT.split(value or "")]
    names = [name.title() if name.isupper() else name for name in names]
    people = [n for n in names if _PERSON.match(n) and not rules.NOT_A_PERSON.search(n)]
    unique = list({person.casefold(): person for person in reversed(people)}.values())[::-1]
    return ", ".join(unique) if unique else None


def _date(value: str | None) -> str | None:
    return value if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else None


def _text(value: str | None) -> str:
    return " ".join((value or "").replace("\u00a0", " ").split())
