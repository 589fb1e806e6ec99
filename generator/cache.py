"""EDGE: a content-hash cache of digests, so unchanged seeds are not cleaned or analysed again.

One JSON file per cleaned article, digest or story in a git-ignored folder
(`.briefing-cache/` by default). A cleaned article is keyed by its seed (path, format,
text), a digest by its article and slug, a story by its digests' keys; every key also
covers the settings and the generator's own code and data, so any change to them misses
the cache. JSON, not pickle: a cache folder shared between CI jobs as an artifact must
never be able to run code.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict, fields, is_dataclass
from functools import cache, lru_cache
from pathlib import Path
from types import UnionType
from typing import Any, Union, get_args, get_origin, get_type_hints

from generator.models import Article, Digest, Seed, Story
from generator.settings import Settings, user_fields
from generator.write import atomic_write

_PACKAGE = Path(__file__).resolve().parent


class DigestCache:
    """Digests on disk by content key; a missing or unreadable entry is a miss."""

    def __init__(self, folder: Path, settings: Settings) -> None:
        self.folder = folder
        self._keys: dict[tuple[Article, str], str] = {}
        self._salt = _code_fingerprint() + json.dumps(
            {f.name: getattr(settings, f.name) for f in user_fields()}, sort_keys=True, default=str
        )

    def key(self, article: Article, slug: str) -> str:
        """The content key of an article's digest (worked out once per run: stories ask again)."""
        found = self._keys.get((article, slug))
        if found is None:
            payload = json.dumps(asdict(article), sort_keys=True, ensure_ascii=False) + slug + self._salt
            found = self._keys[(article, slug)] = hashlib.sha256(payload.encode("utf-8")).hexdigest()
        return found

    def seed_key(self, seed: Seed) -> str:
        """The content key of a seed's cleaned article: its path, format and text."""
        payload = "\0".join(("seed", seed.path, seed.format, seed.text)) + self._salt
        return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()

    def get_article(self, key: str) -> Article | None:
        """The cleaned article stored under a seed key, or None."""
        return self._load(Article, key)

    def get(self, key: str) -> Digest | None:
        """The cached digest for `key`, or None."""
        return self._load(Digest, key)

    def put(self, key: str, value: Article | Digest | Story) -> None:
        """Store an article, a digest or a story (atomically: a killed run never leaves half an entry)."""
        text = json.dumps(asdict(value), ensure_ascii=False, sort_keys=True)
        atomic_write(self.folder / key[:2] / f"{key}.json", text.encode("utf-8"))

    def story_key(self, member_keys: list[str]) -> str:
        """The content key of the story made of the digests with these keys."""
        return hashlib.sha256(("story" + "".join(sorted(member_keys)) + self._salt).encode()).hexdigest()

    def get_story(self, key: str) -> Story | None:
        """The cached story for `key`, or None."""
        return self._load(Story, key)

    def _load(self, cls: Any, key: str) -> Any:
        """The entry under `key` as a `cls`; a missing, unreadable or mismatched entry is None."""
        try:
            return decode(cls, json.loads((self.folder / key[:2] / f"{key}.json").read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError, KeyError, StopIteration):
            return None


@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    """A hash of the generator's code and data: a new version never reads an old digest."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".json", ".yaml", ".yml", ".txt"}:
            digest.update(path.relative_to(_PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def decode(cls: Any, data: Any) -> Any:
    """Rebuild a value of type `cls` (a model dataclass, tuple, optional or scalar) from JSON data."""
    return _decoder(cls)(data)


@cache
def _decoder(cls: Any) -> Callable[[Any], Any]:
    """A function that rebuilds values of type `cls`, made once per type: a warm build decodes
    thousands of digests, and asking what each field's type is for every value costs more."""
    origin, args = get_origin(cls), get_args(cls)
    if origin in (Union, UnionType):
        inner = _decoder(next(a for a in args if a is not type(None)))
        return lambda data: None if data is None else inner(data)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])
            return lambda data: tuple(item(v) for v in data)
        items = tuple(_decoder(a) for a in args)
        return lambda data: tuple(f(v) for f, v in zip(items, data, strict=True))
    if is_dataclass(cls):
        hints = get_type_hints(cls)
        named = tuple((f.name, _decoder(hints[f.name])) for f in fields(cls))
        make: Any = cls
        return lambda data: make(**{name: f(data[name]) for name, f in named if name in data})
    return _same


def _same(data: Any) -> Any:
    return data
