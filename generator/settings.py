"""Typed, validated settings, read from `extra.briefing` in `mkdocs.yml`.

MkDocs' strict mode rejects unknown top-level keys, so ours live under `extra:`.
Validation names the key, the value and what was expected. Never reads seeds.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.errors import ConfigError


@dataclass(frozen=True)
class Settings:
    """Everything a build needs to know, with the defaults a new project gets."""

    root: Path = field(default=Path("."), metadata={"internal": True})
    """Project folder; paths below are relative to it."""
    docs_dir: str = field(default="docs", metadata={"internal": True})
    """MkDocs' `docs_dir`, taken from `mkdocs.yml`."""
    site_dir: str = field(default="site", metadata={"internal": True})
    """MkDocs' `site_dir`, taken from `mkdocs.yml`."""
    site_name: str = field(default="Briefing", metadata={"internal": True})
    """MkDocs' `site_name`, for feeds."""
    site_url: str | None = field(default=None, metadata={"internal": True})
    """MkDocs' `site_url`, for absolute links in feeds; None when not set."""
    site_description: str = field(default="", metadata={"internal": True})
    """MkDocs' `site_description`, for feeds."""
    jobs: int = field(default=0, metadata={"internal": True})
    """Worker processes for analysis (`--jobs`); 0 means one per core."""
    seeds_dir: str = "seeds"
    """Folder of articles to build from."""
    output_dir: str = "articles"
    """Folder under `docs/` that holds the generated article pages."""
    summary_min: int = 2
    """Fewest summary sentences for any article."""
    summary_max: int = 5
    """Most summary sentences for any article."""
    summary_ratio: float = 0.15
    """Share of an article's sentences its summary keeps, between the two bounds."""
    summarizer: str = "briefing"
    """Summariser name: `briefing` (default) or a stock sumy algorithm such as `lexrank`."""
    language: str = "english"
    """Language for sentence splitting, stemming and stop words."""
    max_seed_bytes: int = 5_000_000
    """Seeds larger than this are reported and never read."""
    story_threshold: float = 0.22
    """Least similarity (0 to 1) for two articles to be grouped into one story."""
    page_size: int = 50
    """Items per page of the home page and the entity pages; longer lists continue on further pages."""
    feed_size: int = 50
    """Newest stories and articles in each feed: a feed is what changed, not the archive."""
    full_text: bool = False
    """Whether article pages (and the export) publish each article's whole text, for private sites;
    by default a page copies only its summary, figures' sentences and quotes, and links to the original."""
    search_full_text: bool = False
    """With `full_text`, whether the search index holds the full text (else titles, names, summaries, quotes)."""
    cache_dir: str = ".briefing-cache"
    """Folder (git-ignored) where analysed articles are kept by content hash; empty: no cache."""

    @property
    def seeds_path(self) -> Path:
        """Absolute folder of the seeds."""
        return self.root / self.seeds_dir

    @property
    def cache_path(self) -> Path | None:
        """Absolute folder of the digest cache, or None when caching is off."""
        return self.root / self.cache_dir if self.cache_dir else None

    @property
    def docs_path(self) -> Path:
        """Absolute folder MkDocs reads pages from."""
        return self.root / self.docs_dir

    def summary_length(self, sentence_count: int) -> int:
        """Summary sentences for an article of `sentence_count` sentences."""
        wanted = round(sentence_count * self.summary_ratio)
        return max(self.summary_min, min(self.summary_max, wanted))


def user_fields() -> tuple[dataclasses.Field[Any], ...]:
    """The settings a user may set under `extra.briefing`."""
    return tuple(f for f in dataclasses.fields(Settings) if not f.metadata.get("internal"))


class TolerantLoader(yaml.SafeLoader):
    """Safe loader that reads tags it does not know (e.g. `!!python/name:`) as None."""


TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)
TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def load_settings(config_file: Path, **overrides: Any) -> Settings:
    """Read and validate settings from `mkdocs.yml`; overrides win over the file."""
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=TolerantLoader) or {}
    except (OSError, yaml.YAMLError) as error:
        raise ConfigError(f"{config_file}: cannot read: {error}") from error
    if not isinstance(config, dict):
        raise ConfigError(f"{config_file}: expected a mapping at the top level")
    extra = config.get("extra") or {}
    raw = extra.get("briefing") or {} if isinstance(extra, dict) else {}
    if not isinstance(raw, dict):
        raise ConfigError(f"extra.briefing: expected a mapping, got {raw!r}")
    internal = {key: overrides.pop(key) for key in list(overrides) if key in ("jobs",)}
    values = _validate({**raw, **overrides})
    settings = Settings(
        **internal,
        root=config_file.parent,
        docs_dir=str(config.get("docs_dir") or "docs"),
        site_dir=str(config.get("site_dir") or "site"),
        site_name=str(config.get("site_name") or "Briefing"),
        site_url=str(config["site_url"]) if config.get("site_url") else None,
        site_description=str(config.get("site_description") or ""),
        **values,
    )
    _check_ranges(settings)
    return settings


def _validate(raw: dict[str, Any]) -> dict[str, Any]:
    known = {f.name: f for f in user_fields()}
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in known:
            raise ConfigError(f"extra.briefing.{key}: unknown setting; known settings: {', '.join(sorted(known))}")
        expected = type(known[key].default)
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if type(value) is not expected:
            raise ConfigError(f"extra.briefing.{key}: expected {expected.__name__}, got {value!r}")
        values[key] = value
    return values


def _check_ranges(settings: Settings) -> None:
    from generator.analysis.summarize import SUMMARIZERS  # late: summarisers import sumy

    if not 1 <= settings.summary_min <= settings.summary_max:
        raise ConfigError(
            f"extra.briefing.summary_min/summary_max: expected 1 <= min <= max, "
            f"got {settings.summary_min} and {settings.summary_max}"
        )
    if not 0 < settings.summary_ratio <= 1:
        raise ConfigError(f"extra.briefing.summary_ratio: expected 0 < ratio <= 1, got {settings.summary_ratio}")
    if settings.summarizer not in SUMMARIZERS:
        raise ConfigError(
            f"extra.briefing.summarizer: expected one of {', '.join(SUMMARIZERS)}, got {settings.summarizer!r}"
        )
    if not 0 < settings.story_threshold <= 1:
        raise ConfigError(
            f"extra.briefing.story_threshold: expected 0 < threshold <= 1, got {settings.story_threshold}"
        )
    if settings.page_size < 1:
        raise ConfigError(f"extra.briefing.page_size: expected a positive number, got {settings.page_size}")
    if settings.feed_size < 1:
        raise ConfigError(f"extra.briefing.feed_size: expected a positive number, got {settings.feed_size}")
    if settings.max_seed_bytes < 1:
        raise ConfigError(f"extra.briefing.max_seed_bytes: expected a positive size, got {settings.max_seed_bytes}")
