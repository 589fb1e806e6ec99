"""cache.py and the pipeline around it: warm runs reuse digests and give the same pages."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import jinja2
import pytest
from builders import ROOT, LaterClock

from generator import pipeline
from generator.briefs import Brief, StoryHead
from generator.incremental import cache
from generator.incremental.cache import LEFTOVER_AGE, DigestCache
from generator.ingest import read
from generator.models import Seed, Work
from generator.settings import load_settings


def _project(tmp_path: Path) -> Path:
    for name in ("seeds", "templates"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def _docs(project: Path) -> dict[str, bytes]:
    docs = project / "docs"
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


def _forget_last_build(project: Path) -> None:
    """Drop the cache's note of the last build, so that a build checks every page's key."""
    for note in (project / ".briefing-cache").glob("built-*.json"):
        note.unlink()


def _assert_a_cold_build_gives_the_same(project: Path, settings) -> None:
    """A build with no `docs/` and no cache makes exactly the pages the warm builds left."""
    warm = _docs(project)
    shutil.rmtree(project / "docs")
    shutil.rmtree(project / ".briefing-cache")
    pipeline.build(settings)
    assert _docs(project) == warm


def _entries(project: Path) -> list[Path]:
    """The cache's entries (each under a folder named by its key's first two characters)."""
    return sorted((project / ".briefing-cache").glob("??/*.json"))


def test_warm_run_reads_the_cache_and_gives_identical_output(tmp_path: Path) -> None:
    project = _project(tmp_path)
    settings = load_settings(project / "mkdocs.yml")
    pipeline.build(settings)
    cold = _docs(project)
    entries = _entries(project)
    assert len(entries) == 3  # two digests and their story
    shutil.rmtree(project / "docs")
    briefing = pipeline.collect(settings)
    cache = DigestCache(settings.cache_path, settings)
    seeds = sorted((project / "seeds").iterdir())
    for path, brief in zip(seeds, briefing.digests, strict=True):
        seed = Seed(str(path.relative_to(project)), path.read_text(encoding="utf-8"), "txt")
        whole = cache.get(cache.digest_key(seed))  # keyed by the seed: found without cleaning it
        assert isinstance(brief, Brief) and whole == briefing.library.digest(brief) and Brief.of(whole) == brief
    story = cache.get_story(cache.story_key(briefing.digests))
    assert isinstance(briefing.stories[0], StoryHead) and story == briefing.library.story(briefing.stories[0])
    assert story is not None and StoryHead.of(story) == briefing.stories[0]
    pipeline.build(settings)
    assert _docs(project) == cold
    assert _entries(project) == entries


def test_changed_seed_or_settings_miss_the_cache(tmp_path: Path) -> None:
    project = _project(tmp_path)
    settings = load_settings(project / "mkdocs.yml")
    pipeline.build(settings)
    seed = project / "seeds" / "000_e66c796b78405ef7.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("within weeks", "within days"), encoding="utf-8")
    pipeline.build(settings)
    assert len(_entries(project)) == 5  # a new digest and story
    pipeline.build(load_settings(project / "mkdocs.yml", summary_max=3))
    assert len(_entries(project)) == 8  # all three again, under new settings


def test_unreadable_entry_is_a_miss(tmp_path: Path) -> None:
    project = _project(tmp_path)
    settings = load_settings(project / "mkdocs.yml")
    pipeline.build(settings)
    for entry in _entries(project):
        entry.write_text("{not json", encoding="utf-8")
    cold = _docs(project)
    shutil.rmtree(project / "docs")
    pipeline.build(settings)
    assert _docs(project) == cold


def test_workers_give_the_same_pages_as_one_process(tmp_path: Path) -> None:
    project = _project(tmp_path)
    seeds = project / "seeds"
    text = (seeds / "004_8498fe90dd55976d.txt").read_text(encoding="utf-8")
    for i in range(40):
        (seeds / f"copy_{i:02}.txt").write_text(text.replace("Chris King", f"Writer Number{i}"), encoding="utf-8")
    serial = load_settings(project / "mkdocs.yml", jobs=1, cache_dir="")
    pipeline.build(serial)
    one = _docs(project)
    shutil.rmtree(project / "docs")
    pipeline.build(load_settings(project / "mkdocs.yml", jobs=2, cache_dir=""))
    assert _docs(project) == one


def test_sharded_warm_up_then_one_build_analyses_nothing_again(tmp_path: Path) -> None:
    project = _project(tmp_path)
    settings = load_settings(project / "mkdocs.yml")
    analysed = [pipeline.warm_cache(settings, k, 2).articles for k in (1, 2)]
    assert sorted(analysed[0] + analysed[1]) == sorted(
        str(p.relative_to(project)) for p in (project / "seeds").iterdir()
    )
    assert not (project / "docs").exists()
    warmed = {p: p.stat().st_mtime_ns for p in _entries(project)}
    assert len(warmed) == 2  # each job analyses its own seeds only
    pipeline.build(settings)  # reads both digests from the cache (not rewritten), adds the story
    after = {p: p.stat().st_mtime_ns for p in _entries(project)}
    assert len(after) == 3 and all(after[p] == stamp for p, stamp in warmed.items())


def test_a_shard_warmed_again_analyses_nothing_and_reports_the_same(tmp_path: Path) -> None:
    project = _project(tmp_path)
    page = "---\ntitle: Harbour wall\nurl: javascript:alert(1)\n---\n\n" + LONE_ARTICLE.split("\n", 2)[2]
    (project / "seeds" / "wall.md").write_text(page, encoding="utf-8")  # cleaning drops the address, and says so
    settings = load_settings(project / "mkdocs.yml")
    first = [pipeline.warm_cache(settings, k, 2) for k in (1, 2)]
    assert any("javascript:" in p.reason for r in first for p in r.problems if p.path == "seeds/wall.md")
    warmed = {p: p.stat().st_mtime_ns for p in _entries(project)}
    again = [pipeline.warm_cache(settings, k, 2) for k in (1, 2)]
    assert again == first  # the same articles and problems, from the cache
    assert {p: p.stat().st_mtime_ns for p in _entries(project)} == warmed  # nothing analysed or written


LONE_ARTICLE = """Harbour ferry timetable changes from Monday

The island ferry will run every forty minutes from Monday, the harbour board said.

Passengers with season tickets need not renew them, and the first crossing stays at six.

"We have listened to the people who use the boat every day," said harbour master Ines Varga.
"""


def test_pages_of_unchanged_articles_are_not_made_again(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / "seeds" / "lone.txt").write_text(LONE_ARTICLE, encoding="utf-8")  # in no story
    settings = load_settings(project / "mkdocs.yml")
    first = pipeline.build(settings)
    cold = _docs(project)
    assert "articles/000-e66c796b78405ef7.md" in first.work.pages and "data/briefing.json" in first.work.pages
    report = pipeline.build(settings)
    assert _docs(project) == cold and not report.write.written
    assert report.work == Work(read=report.work.read)  # nothing changed: nothing made (seeds this new are read)
    _forget_last_build(project)  # each page's key is checked
    report = pipeline.build(settings)
    made = report.work.pages
    assert _docs(project) == cold and not report.write.written
    assert made and not [p for p in made if p.startswith(("articles/", "stories/", "entities/index-", "data/articles"))]
    assert "index.md" not in made  # nor the home page, nor data files, nor the letter pages of names
    assert not report.work.analysed and not report.work.stories and not report.work.loaded
    seed = project / "seeds" / "000_e66c796b78405ef7.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("within weeks", "within days"), encoding="utf-8")
    work = pipeline.build(settings).work  # the edited article and its story are made again; the other is not
    assert work.analysed == ("seeds/000_e66c796b78405ef7.txt",) and len(work.stories) == 1
    assert "articles/000-e66c796b78405ef7.md" in work.pages and any(p.startswith("stories/") for p in work.pages)
    assert "articles/004-8498fe90dd55976d.md" not in work.pages
    assert [p for p in work.pages if p.startswith("data/articles/")] == ["data/articles/000-e66c796b78405ef7.json"]


def test_a_generated_page_edited_by_hand_or_a_changed_template_is_made_again(tmp_path: Path) -> None:
    project = _project(tmp_path)
    settings = load_settings(project / "mkdocs.yml")
    pipeline.build(settings)
    cold = _docs(project)
    page = project / "docs" / "articles" / "000-e66c796b78405ef7.md"
    page.write_text(page.read_text(encoding="utf-8") + "A line added by hand.\n", encoding="utf-8")
    report = pipeline.build(settings)
    assert report.write.written == ("articles/000-e66c796b78405ef7.md",) and _docs(project) == cold
    template = project / "templates" / "article.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + "\nA line from the template.\n", encoding="utf-8")
    pipeline.build(settings)
    assert "A line from the template." in page.read_text(encoding="utf-8")
    assert "A line from the template." in (project / "docs" / "articles" / "004-8498fe90dd55976d.md").read_text(
        encoding="utf-8"
    )


def test_a_cached_digest_whose_slug_moved_gives_the_same_pages_as_a_cold_run(tmp_path: Path) -> None:
    project = _project(tmp_path)
    settings = load_settings(project / "mkdocs.yml")
    pipeline.build(settings)
    text = (project / "seeds" / "004_8498fe90dd55976d.txt").read_text(encoding="utf-8")
    # Sorts before the cached seed and takes its slug: the cached digest must move to `-2`.
    (project / "seeds" / "004_8498fe90dd55976d.md").write_text(text.replace("Chris King", "Chris Kong"), "utf-8")
    pipeline.build(settings)
    assert "articles/004-8498fe90dd55976d-2.md" in _docs(project)
    _assert_a_cold_build_gives_the_same(project, settings)


def test_a_changed_title_makes_the_letter_pages_and_home_page_that_list_it_again(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / "seeds" / "lone.txt").write_text(LONE_ARTICLE, encoding="utf-8")
    settings = load_settings(project / "mkdocs.yml")
    pipeline.build(settings)
    letter = project / "docs" / "entities" / "index-i.md"
    assert "Harbour ferry timetable changes from Monday" in letter.read_text(encoding="utf-8")  # Ines Varga
    seed = project / "seeds" / "lone.txt"
    seed.write_text(LONE_ARTICLE.replace("from Monday", "from Tuesday"), encoding="utf-8")
    pipeline.build(settings)
    assert "Harbour ferry timetable changes from Tuesday" in letter.read_text(encoding="utf-8")
    assert "Harbour ferry timetable changes from Tuesday" in (project / "docs" / "index.md").read_text("utf-8")
    _assert_a_cold_build_gives_the_same(project, settings)


def test_a_name_page_is_made_again_only_when_what_it_lists_changes(tmp_path: Path) -> None:
    """A much-mentioned name's own pages are keyed like the letter pages: a warm run does
    not make them, a changed title of an article they list does."""
    project = _project(tmp_path)
    topics = [
        "bread",
        "chess",
        "comets",
        "libraries",
        "trout",
        "ferries",
        "bridges",
        "choirs",
        "orchards",
        "kites",
        "lamps",
    ]
    for i, topic in enumerate(topics):
        (project / "seeds" / f"item_{i:02}.txt").write_text(
            f"Note on {topic}\n\nVolunteers in Portville{i} counted {topic} all week and found fewer than last "
            f"year. The count of {topic} ends on Sunday, organiser Anna Berg said.\n",
            encoding="utf-8",
        )
    settings = load_settings(project / "mkdocs.yml")
    pipeline.build(settings)
    own = project / "docs" / "entities" / "people" / "anna-berg.md"
    assert "Note on kites" in own.read_text(encoding="utf-8")
    _forget_last_build(project)  # each page's key is checked
    made = pipeline.build(settings).work.pages
    assert made and "entities/people/anna-berg.md" not in made
    seed = project / "seeds" / "item_09.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("Note on kites", "Note on the kites"), encoding="utf-8")
    assert "entities/people/anna-berg.md" in pipeline.build(settings).work.pages
    assert "Note on the kites" in own.read_text(encoding="utf-8")
    _assert_a_cold_build_gives_the_same(project, settings)


def _index(project: Path) -> Path:
    (index,) = (project / ".briefing-cache").glob("briefs-*.json")
    return index


def test_a_warm_run_takes_briefs_from_the_index_and_reads_no_whole_digest(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / "seeds" / "lone.txt").write_text(LONE_ARTICLE, encoding="utf-8")
    settings = load_settings(project / "mkdocs.yml")
    pipeline.build(settings)
    cold, stamp = _docs(project), _index(project).stat().st_mtime_ns
    _forget_last_build(project)  # a build that checks every page
    work = pipeline.build(settings).work
    assert not work.loaded and not work.analysed and _docs(project) == cold  # no digest or story decoded
    assert _index(project).stat().st_mtime_ns == stamp  # nor the index written again
    seed = project / "seeds" / "lone.txt"
    seed.write_text(LONE_ARTICLE.replace("forty minutes", "thirty minutes"), encoding="utf-8")
    work = pipeline.build(settings).work
    assert work.analysed == ("seeds/lone.txt",) and set(work.loaded) == {"seeds/lone.txt"}  # for its pages only
    _forget_last_build(project)
    (project / "docs" / "articles" / "lone.md").unlink()
    assert pipeline.build(settings).work.loaded == ("seeds/lone.txt",)  # only the page made reads its digest
    (project / "seeds" / "lone.txt").unlink()
    pipeline.build(settings)
    index = json.loads(_index(project).read_text(encoding="utf-8"))
    assert len(index["digests"]) == 2 and len(index["stories"]) == 1  # a seed gone leaves the index
    assert all(isinstance(brief["terms"], str) for brief in index["digests"].values())  # packed word numbers


@pytest.mark.parametrize("damage", ["{not json", '{"words": [], "digests": "x", "stories": {}}', "ids"])
def test_a_damaged_index_is_a_miss(tmp_path: Path, damage: str) -> None:
    project = _project(tmp_path)
    settings = load_settings(project / "mkdocs.yml")
    pipeline.build(settings)
    cold = _docs(project)
    index = _index(project)
    if damage == "ids":  # numbers past the end of the list of words, a story head without fields
        data = json.loads(index.read_text(encoding="utf-8"))
        data["words"] = data["words"][:1]
        data["stories"] = {key: {} for key in data["stories"]}
        damage = json.dumps(data)
    index.write_text(damage, encoding="utf-8")
    shutil.rmtree(project / "docs")
    pipeline.build(settings)
    assert _docs(project) == cold
    pipeline.build(settings)  # from the index written again
    assert _docs(project) == cold


def _settled(project: Path) -> None:
    """Wait until the seeds' last change is older than the file system's clock could miss
    (`read.RACY_SECONDS`): a build stamps them then, and the next need not read them."""
    seeds = [p.stat() for p in (project / "seeds").rglob("*") if p.is_file()]
    last = max(max(s.st_mtime_ns, s.st_ctime_ns) for s in seeds)
    while time.time_ns() <= last + (read.RACY_SECONDS + 0.1) * 1e9:
        time.sleep(0.1)


def test_a_warm_run_reads_no_unchanged_seed_and_still_sees_a_change(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _settled(project)
    settings = load_settings(project / "mkdocs.yml")
    assert len(pipeline.build(settings).work.read) == 2
    cold = _docs(project)
    _forget_last_build(project)
    assert pipeline.build(settings).work.read == () and _docs(project) == cold
    seed = project / "seeds" / "000_e66c796b78405ef7.txt"
    times = seed.stat()
    seed.write_text(seed.read_text(encoding="utf-8").replace("within weeks", "within years"), encoding="utf-8")
    os.utime(seed, ns=(times.st_atime_ns, times.st_mtime_ns))  # an editor that keeps the modification time
    assert pipeline.build(settings).work.read == ("seeds/000_e66c796b78405ef7.txt",)
    assert "within years" in (project / "docs" / "articles" / "000-e66c796b78405ef7.md").read_text(encoding="utf-8")


def test_seeds_copied_just_before_a_cold_build_are_not_read_again_by_the_next(tmp_path: Path, monkeypatch) -> None:
    """The seeds are too new to stamp when the build reads them, and settled by the time
    its analysis ends (the clock jumps as a long analysis would make it)."""
    project = _project(tmp_path)
    settings = load_settings(project / "mkdocs.yml")
    monkeypatch.setattr(read, "time", LaterClock())
    pipeline.build(settings)
    monkeypatch.undo()
    _forget_last_build(project)
    assert pipeline.build(settings).work.read == ()


@pytest.mark.parametrize("change", ["page removed", "data file removed", "page added to docs", "setting changed"])
def test_a_build_with_nothing_changed_is_no_build_only_while_nothing_has(tmp_path: Path, change: str) -> None:
    project = _project(tmp_path)
    settings = load_settings(project / "mkdocs.yml")
    pipeline.build(settings)
    cold = _docs(project)
    again = pipeline.build(settings)  # nothing changed: nothing made or written, the same report
    assert not again.write.written and set(again.write.unchanged) == set(
        json.loads(cold[".briefing-manifest.json"])["pages"]
    )
    assert len(again.articles) == 2 and not again.problems
    docs = project / "docs"
    if change == "page removed":
        (docs / "articles" / "000-e66c796b78405ef7.md").unlink()
    elif change == "data file removed":
        next((docs / "data").rglob("*.json")).unlink()
    elif change == "page added to docs":  # a hand-written page changes nothing generated
        (docs / "notes.md").write_text("# Notes\n", encoding="utf-8")
        cold["notes.md"] = b"# Notes\n"
    else:
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        config.write_text(text.replace("summary_max: 5", "summary_max: 2"), encoding="utf-8")
        settings = load_settings(config)
    report = pipeline.build(settings)
    if change == "setting changed":
        assert report.write.written and _docs(project) != cold  # shorter summaries
    else:
        assert _docs(project) == cold
        assert bool(report.write.written) == (change != "page added to docs")


@pytest.mark.parametrize("problem", ["seeds/empty.txt", "docs/index.md"])
def test_a_build_with_a_problem_is_never_skipped(tmp_path: Path, problem: str) -> None:
    project = _project(tmp_path)
    (project / problem).parent.mkdir(exist_ok=True)
    (project / problem).write_text("" if problem.startswith("seeds/") else "# My own home page\n", encoding="utf-8")
    settings = load_settings(project / "mkdocs.yml")
    first = pipeline.build(settings)
    second = pipeline.build(settings)  # an empty seed, or a hand-written page where a generated one goes
    assert [p.path for p in first.problems] == [p.path for p in second.problems] == [problem]


@pytest.mark.parametrize("between", ["a build stopped while writing", "a build with a problem"])
def test_a_build_between_leaves_nothing_for_a_later_build_to_skip_to(tmp_path: Path, between: str) -> None:
    project = _project(tmp_path)
    settings = load_settings(project / "mkdocs.yml")
    pipeline.build(settings)
    cold = _docs(project)
    seed = project / "seeds" / "000_e66c796b78405ef7.txt"
    original = seed.read_text(encoding="utf-8")
    seed.write_text(original.replace("Kim to meet Putin", "Kim and Putin to meet", 1), encoding="utf-8")
    empty = project / "seeds" / "empty.txt"
    if between == "a build stopped while writing":
        template = project / "templates" / "story.md.j2"
        good = template.read_text(encoding="utf-8")
        template.write_text(good + "{{ no_such_value }}\n", encoding="utf-8")  # fails after the article pages
        with pytest.raises(jinja2.UndefinedError):
            pipeline.build(settings)
        template.write_text(good, encoding="utf-8")
    else:
        empty.write_text("", encoding="utf-8")
        assert pipeline.build(settings).problems  # pages written for the edit, with a problem
    assert _docs(project) != cold
    seed.write_text(original, encoding="utf-8")  # back to the seeds of the last clean build
    empty.unlink(missing_ok=True)
    pipeline.build(settings)
    assert _docs(project) == cold


def test_temporary_files_killed_runs_left_in_the_cache_are_removed_once_old(tmp_path: Path) -> None:
    project = _project(tmp_path)
    settings = load_settings(project / "mkdocs.yml")
    folder = project / ".briefing-cache"
    folder.mkdir()
    old = [folder / ".briefs-0123abcd.json.k3x_9qzt.tmp", folder / ".seeds-0123abcd.json.abcdefgh.tmp"]
    kept = [
        folder / ".briefs-0123abcd.json.zzzzzzzz.tmp",  # recent: another build may still be writing it
        folder / "notes.tmp",  # not a name `atomic_write` makes
    ]
    for path in old + kept:
        path.write_text("partial", encoding="utf-8")
    long_ago = time.time() - 2 * LEFTOVER_AGE
    for path in old + kept[1:]:
        os.utime(path, (long_ago, long_ago))
    pipeline.build(settings)
    assert [p for p in old if p.exists()] == []
    assert [p for p in kept if not p.exists()] == []


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="finds a file's name by /proc")
def test_a_run_killed_while_it_stores_an_entry_leaves_its_temporary_file_where_it_is_removed(tmp_path: Path) -> None:
    project = _project(tmp_path)
    folder = project / ".briefing-cache"
    killed = """
import os, re, signal, sys
from pathlib import Path
from generator import pipeline
from generator.settings import load_settings
sync = os.fsync
def fsync(fd):  # killed with a cache entry half stored
    if re.fullmatch(r"[.][0-9a-f]{64}[.]json[.].*", os.path.basename(os.readlink(f"/proc/self/fd/{fd}"))):
        os.kill(os.getpid(), signal.SIGKILL)
    sync(fd)
os.fsync = fsync
pipeline.build(load_settings(Path(sys.argv[1]) / "mkdocs.yml"))
"""
    run = subprocess.run([sys.executable, "-c", killed, str(project)], cwd=ROOT, check=False)
    assert run.returncode == -signal.SIGKILL
    left = [p.relative_to(folder).as_posix() for p in folder.rglob("*.tmp")]
    assert len(left) == 1 and "/" not in left[0]  # at the top, not in an entry's folder
    assert cache.remove_leftovers(folder, time.time() + 2 * LEFTOVER_AGE) == tuple(left)
    assert not list(folder.rglob("*.tmp"))
