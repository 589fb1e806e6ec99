"""EDGE: a content-hash cache of digests, so unchanged seeds are not cleaned or analysed again.

One JSON file per digest or story in a git-ignored folder (`.briefing-cache/` by default).
A digest is keyed by its seed (path, format and text: cleaning is a function of the seed),
so a warm run finds it without cleaning the seed; its slug is not part of the key, since
the slug changes nothing else in a digest. A story is keyed by its members' identities
(digest key and slug). Every key also covers the settings and the generator's own code and
data, so any change to them misses the cache. JSON, not pickle: a cache folder shared
between CI jobs as an artifact must never be able to run code.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import sys
from array import array
from collections.abc import Sequence
from dataclasses import asdict, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from generator.briefs import Brief, Record, StoryHead
from generator.files import atomic_write, leftover_of
from generator.incremental.decoding import decode
from generator.models import Digest, KnownSeed, Seed, Story
from generator.settings import Settings, user_fields

_PACKAGE = Path(__file__).resolve().parents[1]
_DAMAGED = (IndexError, KeyError, TypeError, ValueError, StopIteration)
"""What decoding an entry that is not what this code wrote may raise."""


LEFTOVER_AGE = 3600.0
"""Seconds after which a temporary file in the cache folder is a killed run's, not a live write's."""


def remove_leftovers(folder: Path, now: float, age: float = LEFTOVER_AGE) -> tuple[str, ...]:
    """Remove the temporary files killed runs left in the cache folder (every write's is at
    its top; a brief index's is tens of MB at 10,000 articles) once they are older than any
    write still under way (another build may be writing its own); return their names."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return ()
    removed = []
    for entry in entries:
        if leftover_of(entry.name) is None or not entry.is_file(follow_symlinks=False):
            continue
        try:
            if now - entry.stat(follow_symlinks=False).st_mtime < age:
                continue
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(entry.name)
    return tuple(sorted(removed))


class DigestCache:
    """Digests on disk by content key; a missing or unreadable entry is a miss.

    With a `stamps` file, it keeps what the last build knew of each seed file, so an
    unchanged file is not even read. With an `index` file, it also keeps the brief of every
    digest and the head of every story a build used, all in that one file: a warm build
    reads it instead of decoding every digest and story, and reads whole ones only for the
    pages it makes.
    """

    def __init__(self, folder: Path, settings: Settings, index: Path | None = None, stamps: Path | None = None) -> None:
        self.folder = folder
        self.index = index
        self.stamps = stamps
        self._seed_keys: dict[str, str] = {}
        self._known: dict[str, dict[str, Any]] | None = None
        self._used: dict[str, dict[str, Any]] = {"digests": {}, "stories": {}}
        self._changed = False
        self._words: list[str] = []
        self._word_ids: dict[str, int] = {}
        self._salt = _code_fingerprint() + json.dumps(
            {f.name: getattr(settings, f.name) for f in user_fields()}, sort_keys=True, default=str
        )

    def digest_key(self, seed: Seed | KnownSeed) -> str:
        """The content key of a seed's digest: its path, format and text's checksum (remembered for `identity`)."""
        payload = "\0".join(("digest", seed.path, seed.format, seed.checksum)) + self._salt
        key = self._seed_keys[seed.path] = hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()
        return key

    def inputs_key(self, seeds: Sequence[Seed | KnownSeed], templates: str) -> str:
        """A key of everything a build's pages are made from: every seed's path, format and
        checksum, the templates' fingerprint, the settings and the code."""
        listed = sorted((seed.path, seed.format, seed.checksum) for seed in seeds)
        payload = json.dumps([listed, templates], ensure_ascii=False) + self._salt
        return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()

    def identity(self, digest: Record) -> str:
        """A key that changes whenever the digest, its slug, the settings or the code do:
        its seed's digest key and its slug, or for a digest of no seed seen, its content."""
        key = self._seed_keys.get(digest.article.source)
        if key is None:
            content = json.dumps(asdict(digest.article), sort_keys=True, ensure_ascii=False) + self._salt
            key = hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()
        return f"{key}:{digest.slug}"

    def get(self, key: str) -> Digest | None:
        """The cached digest for `key`, or None."""
        return self._load(Digest, key)

    def key_of(self, source: str) -> str:
        """The digest key of the seed at `source` (asked for by `digest_key` this run)."""
        return self._seed_keys[source]

    def brief(self, key: str) -> Brief | None:
        """The brief of the digest under `key`: from the index, else from the digest, else None."""
        data = self._indexed("digests", key)
        if data is not None:
            try:
                words = self._words
                brief: Brief = decode(Brief, {**data, "terms": [words[i] for i in _numbers(data["terms"])]})
                return brief
            except _DAMAGED:  # an index edited or damaged by hand: the digest still tells
                pass
        digest = self.get(key)
        return None if digest is None else self.keep_brief(key, Brief.of(digest))

    def keep_brief(self, key: str, brief: Brief) -> Brief:
        """Note `brief` for the index this build writes; returned with its terms shared with
        every other brief's (one string per word, not per use: most of a brief's memory)."""
        self._indexed("digests", key)  # reads the index first, so its words keep their numbers
        ids = [self._word_id(term) for term in brief.terms]
        self._used["digests"][key] = {**asdict(brief), "terms": _packed(ids)}
        self._changed = True
        return replace(brief, terms=tuple(self._words[i] for i in ids))

    def story_head(self, key: str) -> StoryHead | None:
        """The head of the story under `key`: from the index, else from the story, else None."""
        data = self._indexed("stories", key)
        if data is not None:
            try:
                head: StoryHead = decode(StoryHead, data)
                return head
            except _DAMAGED:
                pass
        story = self.get_story(key)
        return None if story is None else self.keep_head(key, StoryHead.of(story))

    def keep_head(self, key: str, head: StoryHead) -> StoryHead:
        """Note `head` for the index this build writes."""
        self._used["stories"][key] = asdict(head)
        self._changed = True
        return head

    def save_index(self) -> None:
        """Write the briefs and heads this build used (only they: the index never grows
        with seeds that are gone), unless the index holds exactly those already.

        Grouping terms are stored as numbers into one list of words, packed as base64 of
        32-bit integers (one short string per brief, not hundreds of numbers to parse and
        hold); the list is renumbered when more than half of it is words no brief uses any more.
        """
        known = self._read_index() if self._known is None else self._known
        same = all(self._used[part].keys() == known[part].keys() for part in ("digests", "stories"))
        if self.index is None or (same and not self._changed):
            return
        words, digests = self._words, self._used["digests"]
        used = {i for data in digests.values() for i in _numbers(data["terms"])}
        if len(used) * 2 < len(words):
            renumber = {old: new for new, old in enumerate(sorted(used, key=words.__getitem__))}
            words = [words[i] for i in sorted(used, key=words.__getitem__)]
            digests = {
                k: {**d, "terms": _packed([renumber[i] for i in _numbers(d["terms"])])} for k, d in digests.items()
            }
        data = {"words": words, "digests": digests, "stories": self._used["stories"]}
        text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        atomic_write(self.index, text.encode("utf-8"))

    def _indexed(self, part: str, key: str) -> dict[str, Any] | None:
        """The index's entry for `key` in `part` (noted as used), or None."""
        if self._known is None:
            self._known = self._read_index()
        data = self._known[part].get(key)
        if data is not None:
            self._used[part][key] = data
        return data

    def _word_id(self, word: str) -> int:
        number = self._word_ids.get(word)
        if number is None:
            if len(self._word_ids) < len(self._words):
                self._word_ids.update((w, i) for i, w in enumerate(self._words))
                return self._word_id(word)
            number = self._word_ids[word] = len(self._words)
            self._words.append(word)
        return number

    def _read_index(self) -> dict[str, dict[str, Any]]:
        """The index file (its words in `_words`), or an empty one when it is missing or unreadable."""
        empty: dict[str, dict[str, Any]] = {"digests": {}, "stories": {}}
        if self.index is None:
            return empty
        try:
            data = json.loads(self.index.read_bytes())
        except (OSError, ValueError):
            return empty
        if not isinstance(data, dict) or not isinstance(data.get("words"), list):
            return empty
        if not all(isinstance(data.get(part), dict) for part in empty):
            return empty
        self._words = data["words"]
        return {part: data[part] for part in empty}

    def seed_stamps(self) -> dict[str, Any]:
        """The seed stamps `save_stamps` kept (`read.scan_seeds`), if made under the same code
        and settings; else none."""
        try:
            data = json.loads(self.stamps.read_bytes()) if self.stamps else None
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("salt") != self._salt or not isinstance(data.get("seeds"), dict):
            return {}
        return data["seeds"]

    def save_stamps(self, stamps: dict[str, Any]) -> None:
        """Keep the stamps of the seeds this build read, for the next build's `seed_stamps`."""
        if self.stamps is None:
            return
        text = json.dumps({"salt": self._salt, "seeds": stamps}, sort_keys=True, separators=(",", ":"))
        try:
            if self.stamps.read_text(encoding="utf-8") == text:
                return
        except (OSError, ValueError):
            pass
        atomic_write(self.stamps, text.encode("utf-8"))

    def put(self, key: str, value: Digest | Story) -> None:
        """Store a digest or a story (atomically: a killed run never leaves half an entry)."""
        text = json.dumps(asdict(value), ensure_ascii=False, sort_keys=True)
        # Written at the top of the folder, where `remove_leftovers` finds what a killed run left.
        atomic_write(self.folder / key[:2] / f"{key}.json", text.encode("utf-8"), scratch=self.folder)

    def story_key(self, members: Sequence[Record]) -> str:
        """The content key of the story made of these digests."""
        identities = "".join(sorted(self.identity(d) for d in members))
        return hashlib.sha256(("story" + identities + self._salt).encode("utf-8", "surrogatepass")).hexdigest()

    def get_story(self, key: str) -> Story | None:
        """The cached story for `key`, or None."""
        return self._load(Story, key)

    def _load(self, cls: Any, key: str) -> Any:
        """The entry under `key` as a `cls`; a missing, unreadable or mismatched entry is None."""
        try:
            return decode(cls, json.loads((self.folder / key[:2] / f"{key}.json").read_text(encoding="utf-8")))
        except (OSError, *_DAMAGED):
            return None


def _packed(numbers: list[int]) -> str:
    """Word numbers as base64 of little-endian unsigned 32-bit integers."""
    values = array("I", numbers)
    if sys.byteorder != "little":
        values.byteswap()
    return base64.b64encode(values.tobytes()).decode("ascii")


def _numbers(packed: str) -> list[int]:
    """The word numbers `_packed` stored."""
    values = array("I", base64.b64decode(packed, validate=True))
    if sys.byteorder != "little":
        values.byteswap()
    return values.tolist()


@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    """A hash of the generator's code and data: a new version never reads an old digest."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".json", ".yaml", ".yml", ".txt"}:
            digest.update(path.relative_to(_PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
