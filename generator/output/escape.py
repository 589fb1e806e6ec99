"""The one choke point where article text becomes safe Markdown.

Article text is data, never markup: HTML, Markdown, attribute lists, admonitions and
tag markers inside it must render as the characters they are. Every value a template
prints goes through `escape_markdown` unless the renderer marked it `Trusted`.
"""

from __future__ import annotations

import re

# Python-Markdown honours a backslash before each of these.
_INLINE_ALWAYS = re.compile(r"([\\`*_{}\[\]|~])")
_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)]|[!?]{3}|:)")


class Trusted(str):
    """A string the renderer built itself (a link, a class name): printed as it is."""


def escape_markdown(value: object) -> str:
    """Text that renders in Markdown exactly as the characters given, on one line."""
    if isinstance(value, Trusted):
        return str(value)
    if value is None:
        return ""
    text = " ".join(str(value).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE_ALWAYS.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: m.group(1) + _escape_start(m.group(2)), text)


def _escape_start(token: str) -> str:
    if token[0].isdigit():
        return token[:-1] + "\\" + token[-1]
    if token == "=":
        return "&#61;"
    if token == ":":
        return "&#58;"
    return "\\" + token
