"""EDGE: warm the cache one shard of the seeds at a time, for splitting the slow step across CI jobs."""

from __future__ import annotations

import hashlib

from generator.analysis.digest import digest_seeds, with_warnings
from generator.errors import BuildError
from generator.incremental.cache import DigestCache
from generator.ingest.read import read_seeds
from generator.models import BuildReport
from generator.settings import Settings


def warm_shard(settings: Settings, shard: int, shards: int) -> BuildReport:
    """Analyse the seeds of shard `shard` of `shards` (1-based, by a hash of each seed's
    path) into the cache only, skipping those it holds already."""
    if settings.cache_path is None:
        raise BuildError("extra.briefing.cache_dir is empty: sharding needs the cache")
    cache = DigestCache(settings.cache_path, settings)
    seeds, read_problems = read_seeds(settings.seeds_path, settings.root, settings.max_seed_bytes)
    mine = [s for s in seeds if _shard_of(s.path, shards) == shard - 1]
    found = {s.path: cache.get(cache.digest_key(s)) for s in mine}  # an unreadable entry is a miss
    cached = [digest for digest in found.values() if digest is not None]
    todo = [s for s in mine if found[s.path] is None]
    digests, problems = digest_seeds(todo, settings)  # slugs are set again by the final build
    for digest in digests:
        cache.put(cache.key_of(digest.article.source), digest)
    analysed = {d.article.source for d in (*digests, *cached)}
    problems = with_warnings(cached, list(problems))  # what cleaning said of the cached ones, too
    return BuildReport(tuple(s.path for s in mine if s.path in analysed), read_problems + problems)


def _shard_of(source: str, shards: int) -> int:
    return int(hashlib.sha256(source.encode("utf-8")).hexdigest(), 16) % shards
