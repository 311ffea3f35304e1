"""The headless command line: `briefing inspect`, and the default view.

A thin face over the engine: parse arguments, call `briefing.load` and friends, print a
document to stdout (progress and errors go to stderr). Exit codes: 0 ok, 1 failure, 2 usage
error, 130 interrupted. Errors are one line on stderr; `--debug` shows the traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
COMMANDS = ("inspect", "open")


class UsageError(Exception):
    """Bad arguments: exit 2 with the message."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse would exit(2) itself; we want one code path
        raise UsageError(f"{self.prog}: {message}")


def default_corpus() -> Path:
    """The sample corpus when run from a checkout of the repo, else the current folder."""
    bundled = Path(__file__).resolve().parent.parent / "sample_corpus"
    return bundled if bundled.is_dir() else Path.cwd()


def _size(value: str) -> int:
    units = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30}
    value = value.strip().lower().removesuffix("b")
    try:
        if value and value[-1] in units:
            return int(float(value[:-1]) * units[value[-1]])
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (try 20M)") from None


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--mtime-dates", action="store_true", help="date undated articles by file modification time")
    parser.add_argument("--max-file-size", type=_size, default=None, metavar="SIZE", help="skip files larger than this (default 20M)")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="briefing", description="Turn a folder of news articles into a daily brief.")
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)
    inspect = commands.add_parser("inspect", help="show what was read from each article file")
    inspect.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    inspect.add_argument("--format", choices=("text", "json"), default="text")
    _common(inspect)
    view = commands.add_parser("open", help="open the corpus (default command)")
    view.add_argument("path", nargs="?", type=Path, metavar="DIR")
    _common(view)
    return parser


def _options(args):
    from .load import LoadOptions
    from .readers import DEFAULT_MAX_BYTES

    return LoadOptions(mtime_dates=args.mtime_dates, max_bytes=args.max_file_size or DEFAULT_MAX_BYTES)


def _load(paths: list[Path], args):
    from .load import load_corpus

    for path in paths:
        if not path.exists():
            raise UsageError(f"briefing: no such file or folder: {path}")
    with _progress() as progress:
        return load_corpus(paths, _options(args), progress)


class _progress:
    """A progress bar on stderr for long loads, only when stderr is a terminal."""

    def __enter__(self):
        self._bar = None
        if not sys.stderr.isatty():
            return None
        from rich.progress import Progress

        self._bar = Progress(transient=True, console=_stderr_console())
        self._bar.start()
        self._task = self._bar.add_task("loading", total=None)
        return self._update

    def _update(self, done: int, total: int, name: str) -> None:
        self._bar.update(self._task, completed=done, total=total)

    def __exit__(self, *exc):
        if self._bar:
            self._bar.stop()


def _stderr_console():
    from .render import make_console

    return make_console(file=sys.stderr)


def run_inspect(args) -> int:
    from .inspect import inspect_document

    corpus = _load(args.paths, args)
    document = inspect_document(corpus)
    if args.format == "json":
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        from .render import make_console, render_inspect

        render_inspect(document, make_console())
    return EXIT_OK


def run_open(args) -> int:
    """Until the TUI lands: print the corpus day by day."""
    from rich.text import Text

    from .render import make_console

    corpus = _load([args.path or default_corpus()], args)
    console = make_console()
    days: dict[str, list] = {}
    for article in corpus.articles:
        days.setdefault(article.date.isoformat() if article.date else "undated", []).append(article)
    for day in sorted(days, reverse=True):
        console.print(Text(day, style="bold underline"))
        for article in days[day]:
            line = Text("  • ")
            line.append(article.title or article.text[:80].replace("\n", " ") + "…")
            line.append(f"  ({article.source or 'unknown source'}, {article.words} words)", style="dim")
            console.print(line)
    for item in corpus.skipped:
        console.print(Text(f"skipped {item.path}: {item.reason}", style="yellow"))
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    if not argv or (argv[0] not in COMMANDS and not argv[0].startswith("-")) or argv[0] in ("--debug",) and len(argv) == 1:
        argv.insert(0, "open")
    try:
        args = build_parser().parse_args(argv)
        if args.command is None:
            args = build_parser().parse_args(["open", *argv])
        handler = {"inspect": run_inspect, "open": run_open}[args.command]
        return handler(args)
    except UsageError as error:
        print(str(error), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("briefing: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:  # the one place that turns any failure into one clear line
        if debug:
            raise
        print(f"briefing: error: {type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_FAILURE


if __name__ == "__main__":
    sys.exit(main())
