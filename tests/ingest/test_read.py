"""read.py: files on disk to seeds, and a clear problem for each file that can't be used."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from generator.ingest import read
from generator.ingest.read import read_seeds
from generator.models import KnownSeed, Seed

LIMIT = 100_000


def _read(folder: Path):
    seeds, problems = read_seeds(folder, folder.parent, LIMIT)
    return {Path(s.path).name: s for s in seeds}, {Path(p.path).name: p.reason for p in problems}


def test_reads_utf8_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Second\n\nBody.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First\n\nBody “quoted”.", encoding="utf-8")
    seeds, problems = read_seeds(tmp_path, tmp_path, LIMIT)
    assert [s.path for s in seeds] == ["a.txt", "b.txt"]
    assert seeds[0].text.endswith("“quoted”.") and not problems


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t \n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"text with a \x00 NUL byte", "binary"),
    ],
)
def test_reports_unusable_files(tmp_path: Path, data: bytes, reason: str) -> None:
    (tmp_path / "bad.txt").write_bytes(data)
    (tmp_path / "good.txt").write_text("Title\n\nA body sentence.", encoding="utf-8")
    seeds, problems = _read(tmp_path)
    assert list(seeds) == ["good.txt"]
    assert reason in problems["bad.txt"]


def test_decodes_cp1252_and_utf16(tmp_path: Path) -> None:
    text = "Minister’s “plan” costs €5 million, the café’s owner said in a long statement today."
    (tmp_path / "cp.txt").write_bytes(("Title\n\n" + text).encode("cp1252"))
    (tmp_path / "u16.txt").write_bytes(("Other title\n\n" + text).encode("utf-16"))
    seeds, problems = _read(tmp_path)
    assert not problems
    assert text in seeds["cp.txt"].text and text in seeds["u16.txt"].text


def test_size_cap_is_checked_before_reading(tmp_path: Path) -> None:
    (tmp_path / "huge.txt").write_bytes(b"a" * (LIMIT + 1))
    _, problems = _read(tmp_path)
    assert "too large" in problems["huge.txt"]


def test_unsupported_type_and_duplicates(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Title\n\nSame body.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Title\n\nSame body.", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / ".hidden.txt").write_text("ignored", encoding="utf-8")
    seeds, problems = _read(tmp_path)
    assert list(seeds) == ["a.txt"]
    assert "same text as" in problems["b.txt"]
    assert "unsupported file type" in problems["notes.docx"]
    assert ".hidden.txt" not in problems


def test_symlinks_are_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("Secret\n\nNot a seed.", encoding="utf-8")
    seeds_dir = tmp_path / "seeds"
    seeds_dir.mkdir()
    (seeds_dir / "link.txt").symlink_to(outside)
    seeds, problems = _read(seeds_dir)
    assert not seeds and "symbolic link" in problems["link.txt"]


def test_folders_are_read_in_path_order_without_hidden_ones_or_links(tmp_path: Path) -> None:
    seeds_dir = tmp_path / "seeds"
    for relative in ("a.txt", "a-b.txt", "a/b.txt", "a/c/d.txt", ".drafts/e.txt", "f/.g/h.txt"):
        (seeds_dir / relative).parent.mkdir(parents=True, exist_ok=True)
        (seeds_dir / relative).write_text(f"Title {relative}\n\nA body about {relative}.", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "x.txt").write_text("Secret\n\nNot a seed.", encoding="utf-8")
    (seeds_dir / "z").symlink_to(tmp_path / "elsewhere")
    seeds, problems = read_seeds(seeds_dir, tmp_path, LIMIT)
    assert [s.path for s in seeds] == ["seeds/a-b.txt", "seeds/a.txt", "seeds/a/b.txt", "seeds/a/c/d.txt"]
    assert [(p.path, "symbolic link" in p.reason) for p in problems] == [("seeds/z", True)]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Title\n\nBody.", encoding="utf-8")
    path.chmod(0)
    _, problems = _read(tmp_path)
    assert "cannot read" in problems["locked.txt"]


def test_crlf_and_tabs_are_normalised(tmp_path: Path) -> None:
    (tmp_path / "win.txt").write_bytes(b"Title\r\n\r\nA\tbody line.\r\n")
    seeds, _ = _read(tmp_path)
    assert seeds["win.txt"].text == "Title\n\nA body line.\n"


def test_special_files_are_reported_not_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")  # opening it would block the build forever
    (tmp_path / "good.txt").write_text("Title\n\nA body sentence.", encoding="utf-8")
    seeds, problems = _read(tmp_path)
    assert list(seeds) == ["good.txt"]
    assert "not a regular file" in problems["pipe.txt"]


def test_latin1_is_decoded(tmp_path: Path) -> None:
    text = "Le café où la réunion a eu lieu était fermé à cause de la grève générale des employés."
    (tmp_path / "latin.txt").write_bytes(("Titre\n\n" + text).encode("latin-1"))
    seeds, problems = _read(tmp_path)
    assert not problems and text in seeds["latin.txt"].text


def test_a_stamped_file_unchanged_since_is_not_read_again(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("First\n\nBody.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Second\n\nBody.", encoding="utf-8")
    first, _, stamps = read.scan_seeds(tmp_path, tmp_path, LIMIT, now_ns=_later())  # settled by then
    assert all(isinstance(s, Seed) for s in first) and set(stamps) == {"a.txt", "b.txt"}
    stamps = json.loads(json.dumps(stamps))  # as the cache keeps them
    b = tmp_path / "b.txt"
    times = b.stat()
    b.write_text("Second\n\nBeds.", encoding="utf-8")  # same size, old times put back: the change time tells
    os.utime(b, ns=(times.st_atime_ns, times.st_mtime_ns))
    again, problems, _ = read.scan_seeds(tmp_path, tmp_path, LIMIT, stamps, now_ns=_later())
    assert not problems
    assert again[0] == KnownSeed("a.txt", "txt", first[0].checksum)
    assert isinstance(again[1], Seed) and again[1].text.endswith("Beds.")


def test_a_file_changed_just_now_is_not_stamped(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("First\n\nBody.", encoding="utf-8")
    seeds, _, stamps = read.scan_seeds(tmp_path, tmp_path, LIMIT)
    assert len(seeds) == 1 and stamps == {}  # a change in the same clock tick would not show in its times


def test_a_seed_too_new_to_stamp_is_stamped_once_settled_and_unchanged(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("First\n\nBody.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Second\n\nBody.", encoding="utf-8")
    seeds, _, stamps = read.scan_seeds(tmp_path, tmp_path, LIMIT)
    assert stamps == {}
    (tmp_path / "b.txt").write_text("Second\n\nBeds.", encoding="utf-8")  # changed after it was read
    settled = read.settle_stamps(tmp_path, LIMIT, {s.path: s.checksum for s in seeds}, now_ns=_later())
    assert set(settled) == {"a.txt"}
    again, _, _ = read.scan_seeds(tmp_path, tmp_path, LIMIT, json.loads(json.dumps(settled)))
    assert again[0] == KnownSeed("a.txt", "txt", seeds[0].checksum)
    assert isinstance(again[1], Seed) and again[1].text.endswith("Beds.")


def test_a_seed_still_too_new_is_not_settled(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("First\n\nBody.", encoding="utf-8")
    seeds, _, _ = read.scan_seeds(tmp_path, tmp_path, LIMIT)
    assert read.settle_stamps(tmp_path, LIMIT, {s.path: s.checksum for s in seeds}) == {}


def _later() -> int:
    """A time when files written now have settled: `RACY_SECONDS` and one more from now."""
    return time.time_ns() + (read.RACY_SECONDS + 1) * 1_000_000_000
