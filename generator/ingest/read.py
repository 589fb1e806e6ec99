"""EDGE: `seeds/` on disk to decoded `Seed`s, and a `SeedProblem` for each file that can't be used.

The only stage besides `write.py` that touches the disk. It never follows symlinks,
never reads a file larger than the size cap (nor unpacks a `.gz` past it), and never
interprets the text beyond the encoding a format says its bytes declare.
"""

from __future__ import annotations

import gzip
import io
import os
import stat
import time
import unicodedata
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes

from generator.ingest.formats import DECLARED_ENCODING, SUFFIXES, format_of
from generator.models import KnownSeed, Seed, SeedProblem

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_BINARY_SIGNATURES = (b"\x89PNG", b"%PDF", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x7fELF")
RACY_SECONDS = 2
"""A file changed this recently is read again next time, whatever its stamp says."""
Stamp = tuple[int, int, int, int, str, str]
"""What `scan_seeds` knows of a seed file: size, modification and change times (ns), inode,
format and the checksum of its text."""


def read_seeds(folder: Path, root: Path, max_bytes: int) -> tuple[tuple[Seed, ...], tuple[SeedProblem, ...]]:
    """Read every seed in `folder` in name order; paths are reported relative to `root`."""
    seeds, problems, _ = scan_seeds(folder, root, max_bytes)
    return tuple(seed for seed in seeds if isinstance(seed, Seed)), problems


def scan_seeds(
    folder: Path, root: Path, max_bytes: int, stamps: Mapping[str, Any] | None = None, *, now_ns: int | None = None
) -> tuple[tuple[Seed | KnownSeed, ...], tuple[SeedProblem, ...], dict[str, Stamp]]:
    """Like `read_seeds`, but a file whose `stamps` entry still matches it (size, modification
    and change times, inode and format) is not read again: it comes as a `KnownSeed`.

    Also returns the stamps of this scan's seeds, for the next. A file changed in the last
    `RACY_SECONDS` is not stamped: a change within the same tick of the file system's clock
    would not show in its times (git's "racy clean" problem); `now_ns` is the time to
    measure that against (default: now).
    """
    stamps = stamps or {}
    seeds: list[Seed | KnownSeed] = []
    problems: list[SeedProblem] = []
    seen: dict[str, str] = {}
    taken: dict[str, Stamp] = {}
    if not folder.is_dir():
        return (), (SeedProblem(_display(folder, root), "seeds folder not found"),), {}
    recent = (time.time_ns() if now_ns is None else now_ns) - RACY_SECONDS * 1_000_000_000
    base = _display(folder, root)
    for relative, name, where in _entries(folder):
        shown = relative if base == "." else f"{base}/{relative}"
        stamp = _stamp(where, name)
        known = stamps.get(shown)
        result: Seed | KnownSeed | SeedProblem
        if stamp is not None and isinstance(known, list) and len(known) == 6 and known[:5] == list(stamp[:5]):
            result = KnownSeed(shown, stamp[4], str(known[5]))
        else:
            result = read_seed(Path(where), shown, max_bytes)
        if isinstance(result, SeedProblem):
            problems.append(result)
            continue
        if result.checksum in seen:
            problems.append(SeedProblem(shown, f"same text as {seen[result.checksum]}; skipped"))
            continue
        seen[result.checksum] = shown
        seeds.append(result)
        if stamp is not None and max(stamp[1], stamp[2]) < recent:
            taken[shown] = (*stamp[:4], result.format, result.checksum)
    return tuple(seeds), tuple(problems), taken


def settle_stamps(
    root: Path, max_bytes: int, read: Mapping[str, str], *, now_ns: int | None = None
) -> dict[str, Stamp]:
    """Stamps for seeds a scan read but could not stamp (changed too recently), taken later.

    `read` maps each such seed, as the scan showed it, to the checksum of the text the build
    used. A file whose times are now more than `RACY_SECONDS` old and whose text still has
    that checksum gets its stamp: any change after this would show in its times. One that
    changed, or is still too new (than `now_ns`, default now), is left to be read again. A build that runs for a while
    (a cold build of a freshly cloned `seeds/`) so spares the next one reading every seed again.
    """
    settled: dict[str, Stamp] = {}
    recent = (time.time_ns() if now_ns is None else now_ns) - RACY_SECONDS * 1_000_000_000
    for shown, checksum in read.items():
        path = Path(shown) if Path(shown).is_absolute() else root / shown
        before = _stamp(path)
        if before is None or max(before[1], before[2]) >= recent:
            continue
        again = read_seed(path, shown, max_bytes)
        if isinstance(again, Seed) and again.checksum == checksum and _stamp(path) == before:
            settled[shown] = (*before[:4], again.format, checksum)
    return settled


def _entries(folder: Path) -> list[tuple[str, str, str]]:
    """Every entry under `folder` but folders and hidden entries (nothing under a hidden
    folder either; a link to a folder is an entry, never followed), as its path relative to
    `folder` (with `/`), its name and its path, in the order of the relative paths."""
    found: list[tuple[str, str, str]] = []
    pending = [("", str(folder))]
    while pending:
        prefix, directory = pending.pop()
        try:
            with os.scandir(directory) as listing:
                entries = list(listing)
        except OSError:  # a folder that cannot be listed holds no seed
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                pending.append((f"{prefix}{entry.name}/", entry.path))
            else:
                found.append((prefix + entry.name, entry.name, entry.path))
    found.sort()
    return found


def _stamp(path: Path | str, name: str | None = None) -> Stamp | None:
    """Size, modification and change times and inode of a regular file, with its format
    (from `name`, by default the path's); else None."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    fmt = format_of(name if name is not None else Path(path).name)
    if not stat.S_ISREG(info.st_mode) or fmt is None:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, fmt, "")


def read_seed(path: Path, shown: str, max_bytes: int) -> Seed | SeedProblem:
    """Read and decode one seed file, or say why it can't be used."""
    fmt = format_of(path.name)
    try:
        info = path.lstat()
    except OSError as error:
        return SeedProblem(shown, f"cannot read: {error.strerror or error}")
    if stat.S_ISLNK(info.st_mode):
        return SeedProblem(shown, "is a symbolic link; links are not followed")
    if not stat.S_ISREG(info.st_mode):
        return SeedProblem(shown, "not a regular file")
    if fmt is None:
        known = ", ".join(f".{suffix}" for suffix in SUFFIXES)
        return SeedProblem(shown, f"unsupported file type; Briefing reads {known}")
    if info.st_size > max_bytes:
        return SeedProblem(shown, f"too large ({info.st_size:,} bytes; the limit is {max_bytes:,})")
    try:
        data = _read_bytes(path)
        data = _unpack(data, max_bytes) if path.name.lower().endswith(".gz") else data
    except OSError as error:
        return SeedProblem(shown, f"cannot read: {error.strerror or error}")
    except ValueError as error:
        return SeedProblem(shown, str(error))
    declared = DECLARED_ENCODING[fmt](data) if fmt in DECLARED_ENCODING else None
    text, encoding = decode(data, declared)
    if text is None:
        return SeedProblem(shown, encoding)
    if not text.strip():
        return SeedProblem(shown, "empty: no text in the file")
    return Seed(path=shown, text=text, format=fmt, encoding=encoding)


def decode(data: bytes, declared: str | None = None) -> tuple[str | None, str]:
    """Decoded, normalised text and its encoding; or None and the reason it isn't text.

    A byte-order mark wins, then the encoding the file `declared` (if its bytes fit it),
    then UTF-8, then detection.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _normalise(data.decode(encoding)), encoding
            except UnicodeDecodeError:
                return None, f"starts with a {encoding} byte-order mark but is not valid {encoding}"
    if data.startswith(_BINARY_SIGNATURES) or b"\x00" in data:
        return None, "binary file, not text"
    for encoding in dict.fromkeys(e for e in (declared, "utf-8") if e):
        try:
            return _normalise(data.decode(encoding)), encoding
        except (UnicodeDecodeError, LookupError):
            pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        return None, "not UTF-8 and its encoding could not be detected"
    text = str(best)
    if _control_share(text) > 0.01:
        return None, f"decodes as {best.encoding} only to control characters; not text"
    return _normalise(text), best.encoding


def _read_bytes(path: Path) -> bytes:
    # O_NOFOLLOW: a file swapped for a link after the check is still not followed.
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(path, flags)
    with os.fdopen(descriptor, "rb") as handle:
        return handle.read()


def _unpack(data: bytes, max_bytes: int) -> bytes:
    """Gunzipped bytes, never more than `max_bytes` of them; ValueError says why not."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            unpacked = stream.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as error:
        raise ValueError(f"not a readable gzip file ({error})") from error
    if len(unpacked) > max_bytes:
        raise ValueError(f"too large when unpacked (over the limit of {max_bytes:,} bytes)")
    return unpacked


def _normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return unicodedata.normalize("NFC", text)


def _control_share(text: str) -> float:
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t")
    return controls / max(1, len(text))


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
