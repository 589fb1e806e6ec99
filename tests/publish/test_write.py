"""write.py: atomic writes of owned pages only; unchanged files untouched; stale pages removed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.models import MARKER, Page
from generator.publish.write import JOURNAL, MANIFEST, write_pages


def _page(path: str, body: str = "text") -> Page:
    return Page(path, f"---\ntitle: x\n---\n{MARKER} from seeds/x.txt -->\n{body}\n")


def test_writes_then_leaves_unchanged_files_untouched(tmp_path: Path) -> None:
    first = write_pages((_page("a.md"), _page("articles/b.md")), tmp_path)
    assert sorted(first.written) == ["a.md", "articles/b.md"]
    stamp = (tmp_path / "a.md").stat().st_mtime_ns
    second = write_pages((_page("a.md"), _page("articles/b.md", "new")), tmp_path)
    assert second.unchanged == ("a.md",) and second.written == ("articles/b.md",)
    assert (tmp_path / "a.md").stat().st_mtime_ns == stamp
    assert MANIFEST in {p.name for p in tmp_path.iterdir()}


def test_hand_written_pages_are_never_touched(tmp_path: Path) -> None:
    (tmp_path / "index.md").write_text("# My own home page\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("# Notes\n", encoding="utf-8")
    result = write_pages((_page("index.md"), _page("a.md")), tmp_path)
    assert (tmp_path / "index.md").read_text(encoding="utf-8") == "# My own home page\n"
    assert [p.path for p in result.skipped] == [f"{tmp_path.name}/index.md"]
    write_pages((), tmp_path)
    assert (tmp_path / "notes.md").exists() and (tmp_path / "index.md").exists()


def test_removed_seed_removes_its_page_and_empty_folder(tmp_path: Path) -> None:
    write_pages((_page("articles/a.md"), _page("index.md")), tmp_path)
    result = write_pages((_page("index.md"),), tmp_path)
    assert result.removed == ("articles/a.md",)
    assert not (tmp_path / "articles").exists()


def test_a_page_with_long_front_matter_is_still_ours(tmp_path: Path) -> None:
    """A story of many sources carries hundreds of kilobytes of front matter before the marker."""
    long = Page("stories/big.md", "---\nfacts:\n" + "- a fact\n" * 40_000 + f"---\n{MARKER} -->\ntext\n")
    write_pages((long, _page("index.md")), tmp_path)
    assert (tmp_path / "stories/big.md").stat().st_size > 300_000
    result = write_pages((_page("index.md"),), tmp_path)
    assert result.removed == ("stories/big.md",)


def test_a_marker_inside_the_text_does_not_make_a_page_ours(tmp_path: Path) -> None:
    write_pages((_page("a.md"),), tmp_path)
    (tmp_path / "a.md").write_text(f"# My page\n\nQuoting {MARKER} here\n", encoding="utf-8")
    write_pages((), tmp_path)
    assert (tmp_path / "a.md").exists()


def test_a_generated_page_the_user_rewrote_is_kept(tmp_path: Path) -> None:
    write_pages((_page("a.md"),), tmp_path)
    (tmp_path / "a.md").write_text("# Rewritten by hand, marker gone\n", encoding="utf-8")
    write_pages((), tmp_path)
    assert (tmp_path / "a.md").exists()


def test_no_temporary_files_are_left(tmp_path: Path) -> None:
    write_pages((_page("a.md"),), tmp_path)
    assert not [p for p in tmp_path.rglob("*.tmp")]


def test_temporary_files_a_killed_run_left_are_removed_and_no_others(tmp_path: Path) -> None:
    write_pages((_page("articles/a.md"), _page("articles/gone.md"), _page("index.md")), tmp_path)
    left = [
        tmp_path / "articles" / ".a.md.k3x_9qzt.tmp",  # beside a page that is made again
        tmp_path / "articles" / ".gone.md.0abcdefg.tmp",  # beside a page whose seed is gone
        tmp_path / ".new.md.abcdefgh.tmp",  # beside a page made for the first time
        tmp_path / f".{MANIFEST}.zzzzzzzz.tmp",
    ]
    kept = [
        tmp_path / "articles" / ".notes.md.abcdefgh.tmp",  # not named after a page of ours
        tmp_path / "articles" / ".a.md.tmp",  # not a name `atomic_write` makes
        tmp_path / "draft.tmp",
    ]
    for path in left + kept:
        path.write_text("partial", encoding="utf-8")
    write_pages((_page("articles/a.md"), _page("index.md"), _page("new.md")), tmp_path)
    assert [p for p in left if p.exists()] == []
    assert [p for p in kept if not p.exists()] == []


class _Killed(BaseException):
    """Stands for the signal that ends a run half-way: nothing after it runs."""


def _killed_after(pages: list[Page], count: int) -> Iterator[Page]:
    yield from pages[:count]
    raise _Killed


@pytest.mark.parametrize("kept", [True, False], ids=["seed-kept", "seed-removed"])
def test_pages_a_killed_run_wrote_first_are_still_ours(tmp_path: Path, kept: bool) -> None:
    """A run killed after writing new pages but before the manifest: the next run owns them."""
    write_pages((_page("index.md"),), tmp_path)
    new = [_page("index.md", "two articles"), _page("articles/a.md"), _page("articles/b.md")]
    with pytest.raises(_Killed):
        write_pages(_killed_after(new, 2), tmp_path)
    assert (tmp_path / "articles/a.md").is_file() and (tmp_path / JOURNAL).is_file()
    pages = [_page("index.md", "two articles"), _page("articles/a.md", "now edited")] if kept else [_page("index.md")]
    result = write_pages(pages, tmp_path)
    assert result.skipped == ()
    assert result.removed == (() if kept else ("articles/a.md",))
    assert (tmp_path / "articles/a.md").is_file() == kept
    assert not (tmp_path / JOURNAL).exists()
    assert write_pages((), tmp_path).removed == (("articles/a.md", "index.md") if kept else ("index.md",))


def test_a_journal_entry_never_makes_a_hand_written_page_ours(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("# Notes\n", encoding="utf-8")
    (tmp_path / JOURNAL).write_text("notes.md\n", encoding="utf-8")
    result = write_pages((), tmp_path)
    assert result.removed == () and (tmp_path / "notes.md").exists()


def test_one_run_writes_at_a_time(tmp_path: Path) -> None:
    import fcntl
    import os
    import threading

    other = os.open(tmp_path, os.O_RDONLY)  # another run holds the folder
    fcntl.flock(other, fcntl.LOCK_EX)
    done = threading.Event()
    writer = threading.Thread(target=lambda: (write_pages((_page("a.md"),), tmp_path), done.set()))
    writer.start()
    try:
        assert not done.wait(0.5)
        assert not (tmp_path / "a.md").exists()
    finally:
        os.close(other)
    writer.join(30)
    assert done.is_set() and (tmp_path / "a.md").exists()
