"""Command line: argv → Settings → pipeline → a report and an exit code.

Exit codes: 0 success; 1 problems with seeds under `--strict`; 2 bad usage or settings;
3 the MkDocs build failed.
"""

from __future__ import annotations

import argparse
import calendar
import os
import sys
from datetime import date
from pathlib import Path

from generator import __version__, pipeline
from generator.errors import BuildError, ConfigError
from generator.models import BuildReport
from generator.settings import Settings, load_settings

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_BUILD = 0, 1, 2, 3


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.run(args))
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BUILD


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator", description="Briefing: news articles in seeds/ to a briefing site."
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, run, text in (
        ("build", _build, "generate docs/ from seeds/, then mkdocs build --strict into site/"),
        ("generate", _generate, "generate docs/ from seeds/ only"),
        ("check", _check, "read and analyse every seed and report problems; writes nothing"),
    ):
        command = commands.add_parser(name, help=text, description=text)
        command.add_argument(
            "-f", "--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs config file (default: mkdocs.yml)"
        )
        command.add_argument("--strict", action="store_true", help="exit with code 1 when any seed has a problem")
        command.add_argument(
            "-j", "--jobs", type=int, default=0, help="worker processes for analysis (default: one per core)"
        )
        command.set_defaults(run=run)
        if name == "build":
            command.add_argument(
                "--engine", choices=("mkdocs", "zensical"), default="mkdocs", help="site builder (default: mkdocs)"
            )
            command.add_argument(
                "--site-dir",
                type=Path,
                help="output folder (default: site_dir of mkdocs.yml; site-zensical for zensical)",
            )
    export = commands.add_parser("export", help="write the extracted data as JSON or CSV without building the site")
    export.add_argument(
        "-f", "--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs config file (default: mkdocs.yml)"
    )
    export.add_argument(
        "--format", choices=("csv", "json"), default="json", help="json (with its schema) or csv (default: json)"
    )
    export.add_argument("--out", type=Path, required=True, help="folder to write into")
    export.add_argument(
        "-j", "--jobs", type=int, default=0, help="worker processes for analysis (default: one per core)"
    )
    export.add_argument("--strict", action="store_true", help="exit with code 1 when any seed has a problem")
    export.set_defaults(run=_export)
    warm = commands.add_parser(
        "warm", help="analyse one shard of the seeds into the cache only (split the slow step across CI jobs)"
    )
    warm.add_argument(
        "-f", "--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs config file (default: mkdocs.yml)"
    )
    warm.add_argument("--shard", required=True, help="which shard of how many, as K/N (e.g. 2/4)")
    warm.add_argument("-j", "--jobs", type=int, default=0, help="worker processes for analysis (default: one per core)")
    warm.add_argument("--strict", action="store_true", help="exit with code 1 when any seed has a problem")
    warm.set_defaults(run=_warm)
    serve = commands.add_parser(
        "serve",
        help="live preview: generate docs/, serve it with mkdocs serve, regenerate when seeds/ or templates/ change",
    )
    serve.add_argument(
        "-f",
        "--config",
        "--config-file",
        type=Path,
        default=Path("mkdocs.yml"),
        help="MkDocs config file (default: mkdocs.yml)",
    )
    serve.add_argument(
        "-a", "--dev-addr", default="127.0.0.1:8000", help="address to serve on, IP:PORT (default: 127.0.0.1:8000)"
    )
    serve.add_argument(
        "--dirty", action="store_true", help="make again only the pages whose Markdown changed (large projects)"
    )
    serve.add_argument(
        "-j", "--jobs", type=int, default=0, help="worker processes for analysis (default: one per core)"
    )
    serve.set_defaults(run=_serve)
    bench = commands.add_parser(
        "bench", help="benchmark generate and build on synthetic corpora; prints ratios to baselines"
    )
    bench.add_argument("--articles", default="100,1000", help="comma-separated corpus sizes (default: 100,1000)")
    bench.add_argument("--workdir", type=Path, help="folder for the corpora (default: a temporary folder)")
    bench.add_argument("--seed", type=int, default=0, help="random seed of the synthetic corpus (default: 0)")
    bench.add_argument("--json", action="store_true", help="print one JSON object")
    bench.add_argument("--no-zensical", action="store_true", help="skip the Zensical build (slow and large at 10,000)")
    bench.set_defaults(run=_bench)
    from generator.tools.evaluate.cli import add_evaluate_command

    add_evaluate_command(commands)
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    if not args.config.is_file():
        raise ConfigError(f"{args.config}: config file not found (run from the project folder or pass -f)")
    if args.jobs < 0:
        raise ConfigError(f"--jobs: expected 0 (one per core) or more, got {args.jobs}")
    return load_settings(args.config, jobs=args.jobs)


def _generate(args: argparse.Namespace) -> int:
    settings = _settings(args)
    report = pipeline.build(settings)
    _print_report(report, settings)
    return _exit_code(report, args.strict)


def _check(args: argparse.Namespace) -> int:
    report = pipeline.build(_settings(args), write=False)
    print(f"Checked {len(report.articles)} article(s); nothing written.")
    _print_problems(report)
    return _exit_code(report, args.strict)


def _build(args: argparse.Namespace) -> int:
    from generator.publish.mkdocs_build import build_site

    settings = _settings(args)
    report = pipeline.build_apart(settings)
    _print_report(report, settings)
    default = settings.site_dir if args.engine == "mkdocs" else f"{settings.site_dir}-{args.engine}"
    site_dir = args.site_dir or settings.root / default
    changed = build_site(args.config, site_dir, _source_date_epoch(report), args.engine)
    print(f"Site: {site_dir.resolve() / 'index.html'} ({changed} file(s) changed)")
    return _exit_code(report, args.strict)


def _serve(args: argparse.Namespace) -> int:
    from generator.publish.serve import serve

    settings = _settings(args)  # a config or settings error stops here, with its message
    return serve(args.config, args.dev_addr, args.dirty, settings.jobs)


def _export(args: argparse.Namespace) -> int:
    from generator.output.export import export_to_dir, settings_data

    settings = _settings(args)
    briefing = pipeline.collect(settings)
    digests = tuple(briefing.library.digest(d) for d in briefing.digests)
    stories = tuple(briefing.library.story(s) for s in briefing.stories)
    written = export_to_dir(digests, stories, args.format, args.out, settings_data(settings))
    print(
        f"Exported {len(briefing.digests)} article(s) and {len(briefing.stories)} story(ies) "
        f"as {args.format}: {len(written)} file(s) in {args.out}"
    )
    _print_problems(BuildReport(tuple(d.article.source for d in briefing.digests), briefing.problems))
    return EXIT_PROBLEMS if args.strict and briefing.problems else EXIT_OK


def _warm(args: argparse.Namespace) -> int:
    try:
        shard, shards = (int(n) for n in args.shard.split("/"))
    except ValueError:
        raise ConfigError(f"--shard: expected K/N such as 2/4, got {args.shard!r}") from None
    if not 1 <= shard <= shards:
        raise ConfigError(f"--shard: expected 1 <= K <= N, got {args.shard!r}")
    settings = _settings(args)
    report = pipeline.warm_cache(settings, shard, shards)
    print(f"Shard {shard}/{shards}: {len(report.articles)} article(s) analysed into {settings.cache_dir}/")
    _print_problems(report)
    return _exit_code(report, args.strict)


def _bench(args: argparse.Namespace) -> int:
    import json
    import tempfile

    from generator.tools.bench.run import format_bench_table, run_benchmark

    try:
        sizes = [int(n) for n in args.articles.split(",") if n.strip()]
    except ValueError:
        raise ConfigError(f"--articles: expected sizes like 100,1000, got {args.articles!r}") from None
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as scratch:
        workdir = args.workdir or Path(scratch)
        result = run_benchmark(sizes, workdir=workdir, seed=args.seed, zensical=not args.no_zensical)
    print(json.dumps(result, indent=2) if args.json else format_bench_table(result))
    return EXIT_OK


def _print_report(report: BuildReport, settings: Settings) -> None:
    w = report.write
    print(
        f"Built {len(report.articles)} article(s) into {settings.docs_dir}/ "
        f"({len(w.written)} written, {len(w.unchanged)} unchanged, {len(w.removed)} removed)."
    )
    _print_problems(report)


def _print_problems(report: BuildReport) -> None:
    if not report.problems:
        print("No problems.")
        return
    print(f"{len(report.problems)} problem(s):")
    for problem in report.problems:
        print(f"  {problem.path}: {problem.reason}")


def _exit_code(report: BuildReport, strict: bool) -> int:
    return EXIT_PROBLEMS if strict and report.problems else EXIT_OK


def _source_date_epoch(report: BuildReport) -> int:
    """The user's SOURCE_DATE_EPOCH, else midnight of the newest stated publication date, else 0."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    newest = report.newest_published
    return calendar.timegm(date.fromisoformat(newest).timetuple()) if newest else 0
