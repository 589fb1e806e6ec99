"""EDGE: a content-hash cache of digests, so unchanged seeds are not analysed again.

One JSON file per digest in a git-ignored folder (`.briefing-cache/` by default). The key
covers the article, its slug, the settings that shape analysis and the generator's own
code and data, so any change to them misses the cache. JSON, not pickle: a cache folder
shared between CI jobs as an artifact must never be able to run code.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

from generator.models import Article, Block, Digest, Entities, Figure, Quote
from generator.settings import Settings, user_fields
from generator.write import atomic_write

_PACKAGE = Path(__file__).resolve().parent


class DigestCache:
    """Digests on disk by content key; a missing or unreadable entry is a miss."""

    def __init__(self, folder: Path, settings: Settings) -> None:
        self.folder = folder
        self._salt = _code_fingerprint() + json.dumps(
            {f.name: getattr(settings, f.name) for f in user_fields()}, sort_keys=True, default=str
        )

    def key(self, article: Article, slug: str) -> str:
        """The content key of an article's digest."""
        payload = json.dumps(asdict(article), sort_keys=True, ensure_ascii=False) + slug + self._salt
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def get(self, key: str) -> Digest | None:
        """The cached digest for `key`, or None."""
        try:
            data = json.loads((self.folder / key[:2] / f"{key}.json").read_text(encoding="utf-8"))
            return _digest_from(data)
        except (OSError, ValueError, TypeError, KeyError):
            return None

    def put(self, key: str, digest: Digest) -> None:
        """Store a digest (atomically: a killed run never leaves half an entry)."""
        text = json.dumps(asdict(digest), ensure_ascii=False, sort_keys=True)
        atomic_write(self.folder / key[:2] / f"{key}.json", text.encode("utf-8"))


@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    """A hash of the generator's code and data: a new version never reads an old digest."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".json", ".yaml", ".yml", ".txt"}:
            digest.update(path.relative_to(_PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _digest_from(data: dict[str, Any]) -> Digest:
    article = dict(data["article"])
    article["blocks"] = tuple(Block(**b) for b in article["blocks"])
    for name in ("removed", "warnings"):
        article[name] = tuple(article[name])
    return Digest(
        article=Article(**article),
        slug=data["slug"],
        summary=tuple(data["summary"]),
        figures=tuple(Figure(**f) for f in data["figures"]),
        quotes=tuple(Quote(**q) for q in data["quotes"]),
        entities=Entities(**{f.name: tuple(data["entities"][f.name]) for f in fields(Entities)}),
        language=data["language"],
        notes=tuple(data["notes"]),
    )
