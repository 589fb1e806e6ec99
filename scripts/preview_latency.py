"""Measure the live preview on a synthetic project: idle CPU, and an edit's way to the browser.

Usage: python scripts/preview_latency.py --articles N [--dirty] [--watcher events|polling] [--folder DIR]

Makes a benchmark project of N seeds (as `python -m generator bench` does, with `full_text: true`
so that the edited sentence shows) and generates it, starts `python -m generator serve` on it
(as `make serve` does; `--dirty` as `make serve` with `--dirty`), and prints:
- the CPU the preview's processes (the generator's and MkDocs') use while they wait (share of
  one core over 10 s; Linux only);
- the seconds from saving an edit to one seed until its page is served changed;
- how many regenerations and MkDocs builds that edit made (one each: MkDocs must not build
  a half-written `docs/`, nor build again for the same change).

`--watcher polling` runs the preview with `BRIEFING_WATCHER=polling`. MkDocs' first build is a
full one: about 10 minutes at 10,000 articles.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator import pipeline  # noqa: E402
from generator.publish.watch import WATCHER_VARIABLE  # noqa: E402
from generator.settings import load_settings  # noqa: E402
from generator.tools.bench.run import SOURCE_DATE_EPOCH, _edit_one_seed, make_bench_project  # noqa: E402

BUILT = "Documentation built"
"""What MkDocs logs after each build."""
REGENERATED = "page(s) changed"
"""What the preview logs after each regeneration."""
EDIT = "The figures were confirmed again later that day."
"""The sentence `_edit_one_seed` adds."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--dirty", action="store_true", help="serve with --dirty")
    parser.add_argument("--watcher", choices=("events", "polling"), default="events")
    parser.add_argument("--folder", type=Path, help="project folder (default: a temporary one, removed after)")
    args = parser.parse_args(argv)
    if args.folder:
        print(json.dumps(measure(args.folder, args.articles, args.watcher, args.dirty)))
        return 0
    with tempfile.TemporaryDirectory(prefix="briefing-preview-") as folder:
        print(json.dumps(measure(Path(folder) / "project", args.articles, args.watcher, args.dirty)))
    return 0


def measure(folder: Path, articles: int, watcher: str, dirty: bool = False) -> dict[str, object]:
    """Every measurement of the preview of a fresh `articles`-seed project in `folder`."""
    make_bench_project(folder, articles)
    # The edit adds a sentence that need not reach the summary: the project publishes the full
    # text, so that the edited page shows it.
    config = folder / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("full_text: false", "full_text: true", 1), "utf-8")
    settings = load_settings(config)
    pipeline.build_apart(settings)  # the preview's first regeneration is then a warm one
    index = json.loads((settings.docs_path / "data" / "briefing.json").read_text(encoding="utf-8"))
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    base = f"http://127.0.0.1:{port}/"
    log = folder / "serve.log"
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(SOURCE_DATE_EPOCH), "NO_MKDOCS_2_WARNING": "1"}
    env[WATCHER_VARIABLE] = "polling" if watcher == "polling" else ""
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))  # this checkout's
    command = [sys.executable, "-m", "generator", "serve", "-a", f"127.0.0.1:{port}", *(["--dirty"] * dirty)]
    with log.open("w") as output:
        server = subprocess.Popen(command, cwd=folder, stdout=output, stderr=subprocess.STDOUT, env=env)
    try:
        started = time.perf_counter()
        _wait(lambda: _get(base) != "" or server.poll() is not None, 7200)
        if server.poll() is not None:
            raise SystemExit(f"generator serve stopped; see {log}")
        first_build_s = time.perf_counter() - started
        _quiet(log, 5.0)  # the start settled: any build the first one set off is done
        idle = _cpu_share(server.pid, 10.0)
        seed, original = _edit_one_seed(settings)
        page = next(a["page"] for a in index["articles"] if Path(a["source"]).name == seed.name)
        before = log.read_text(encoding="utf-8")
        saved = time.perf_counter()
        try:
            served = _wait(lambda: EDIT in _get(base + page), 600)
            served_s = time.perf_counter() - saved if served else None
            _quiet(log, 10.0)
            after = log.read_text(encoding="utf-8")
        finally:
            seed.write_text(original, encoding="utf-8")
    finally:
        server.send_signal(signal.SIGINT)  # as Ctrl-C: the preview stops MkDocs too
        server.wait(timeout=60)
    return {
        "articles": articles,
        "dirty": dirty,
        "watcher": watcher,
        "first_build_s": round(first_build_s, 1),
        "idle_cpu_share": idle,
        "edit_served_s": round(served_s, 1) if served_s is not None else None,
        "regenerations_per_edit": after.count(REGENERATED) - before.count(REGENERATED),
        "builds_per_edit": after.count(BUILT) - before.count(BUILT),
    }


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def _wait(predicate: Callable[[], bool], seconds: float) -> bool:
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        if predicate():
            return True
        time.sleep(0.25)
    return False


def _quiet(log: Path, seconds: float) -> None:
    """Wait until the server has logged nothing for `seconds`."""
    size, since = -1, time.perf_counter()
    while time.perf_counter() - since < seconds:
        now = log.stat().st_size
        if now != size:
            size, since = now, time.perf_counter()
        time.sleep(0.5)


def _cpu_share(pid: int, seconds: float) -> float | None:
    """The share of one core process `pid` and its descendants used over `seconds` (None
    where /proc is missing)."""
    if not Path(f"/proc/{pid}/stat").exists():
        return None
    before = _tree_cpu(pid)
    time.sleep(seconds)
    return round((_tree_cpu(pid) - before) / seconds, 3)


def _tree_cpu(pid: int) -> float:
    """CPU seconds (user and system) of `pid` and every process below it, alive now."""
    parents: dict[int, int] = {}
    used: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended meanwhile
            continue
        parents[int(entry.name)] = int(fields[1])
        used[int(entry.name)] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime
    tree, grown = {pid}, True
    while grown:
        below = {child for child, parent in parents.items() if parent in tree} - tree
        tree |= below
        grown = bool(below)
    return sum(used.get(member, 0.0) for member in tree)


if __name__ == "__main__":
    sys.exit(main())
