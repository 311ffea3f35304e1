"""The headless command line: `briefing inspect`, and the default view.

A thin face over the engine: parse arguments, call `briefing.ingest.load` and friends, print a
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
COMMANDS = ("inspect", "export", "summarize", "open", "watch")


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
    import math

    units = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30}
    text = value.strip().lower().removesuffix("b")
    try:
        if text and text[-1] in units:
            number = float(text[:-1]) * units[text[-1]]
        else:
            number = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (try 20M)") from None
    if not math.isfinite(number) or number > 1 << 50:
        raise argparse.ArgumentTypeError(f"too large a size: {value!r} (try 200M)")
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be positive: {value!r} (try 20M)")
    return int(number)


def _day(value: str):
    import datetime as dt

    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {value!r} (use YYYY-MM-DD)") from None


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number <= 0:
        raise argparse.ArgumentTypeError(f"must be positive: {number}")
    return number


def _brief_options(parser: argparse.ArgumentParser) -> None:
    length = parser.add_mutually_exclusive_group()
    length.add_argument("--words", type=_positive, help="summary length in words (default 120)")
    length.add_argument("--sentences", type=_positive, help="summary length in sentences")
    parser.add_argument(
        "--algorithm", choices=("coverage", "lexrank", "textrank", "lsa", "luhn"),
        help="coverage (default: shared word pairs, best on DUC) or a sumy ranking method",
    )
    parser.add_argument("--timezone", help="group days in this timezone, e.g. Europe/Kyiv")
    parser.add_argument("--config", type=Path, help="TOML config file (default: the user config file)")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--mtime-dates", action="store_true", help="date undated articles by file modification time")
    parser.add_argument("--max-file-size", type=_size, default=None, metavar="SIZE", help="skip files larger than this (default 20M)")
    parser.add_argument("--no-cache", action="store_true", help="do not read or write the analysis cache")
    parser.add_argument(
        "--follow-symlinks", action="store_true", help="also read files that symlinks point to outside the corpus folder"
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="briefing", description="Turn a folder of news articles into a daily brief.")
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)
    inspect = commands.add_parser("inspect", help="show what was read from each article file")
    inspect.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    inspect.add_argument("--format", choices=("text", "json"), default="text")
    _common(inspect)
    export = commands.add_parser("export", help="write the daily brief as Markdown or JSON")
    export.add_argument("path", type=Path, metavar="DIR")
    export.add_argument("--date", type=_day, help="only this day (YYYY-MM-DD)")
    export.add_argument("--from", dest="start", type=_day, help="first day (YYYY-MM-DD)")
    export.add_argument("--to", dest="end", type=_day, help="last day (YYYY-MM-DD)")
    export.add_argument("--format", choices=("md", "json", "html", "slack", "text"), default="md",
                        help="md (default), json, html (e-mail-safe), slack (Block Kit JSON) or text (plain, 72 columns)")
    export.add_argument("--template", choices=("standard", "smart-brevity"), default="standard",
                        help="standard (default) or smart-brevity: headline, why it matters, numbers, a quote, go deeper")
    export.add_argument("-o", "--output", type=Path, help="write to this regular file (atomically; '-' is stdout)")
    export.add_argument("--force", action="store_true", help="allow -o to write inside the corpus folder")
    export.add_argument("--raw", action="store_true", help="ignore the editor's saved curation")
    export.add_argument("--since-last", action="store_true", help="mark what is new since the last export of this folder")
    _common(export)
    _brief_options(export)
    watch = commands.add_parser("watch", help="keep a brief of a folder current as files arrive")
    watch.add_argument("path", type=Path, metavar="DIR")
    watch.add_argument("--format", choices=("md", "json", "html", "slack", "text"), default="md")
    watch.add_argument("-o", "--output", type=Path, help="rewrite this file (atomically) on every change; default stdout once")
    watch.add_argument("--force", action="store_true", help="allow -o to write inside the corpus folder")
    watch.add_argument("--raw", action="store_true", help="ignore the editor's saved curation")
    _common(watch)
    _brief_options(watch)
    summarize = commands.add_parser("summarize", help="summarise the given articles as one story")
    summarize.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    summarize.add_argument("--format", choices=("text", "json"), default="text")
    _common(summarize)
    _brief_options(summarize)
    view = commands.add_parser("open", help="open the corpus (default command)")
    view.add_argument("path", nargs="?", type=Path, metavar="DIR")
    _common(view)
    _brief_options(view)
    return parser


def _settings(args):
    from .core.config import ConfigError, load_settings

    flags = {name: getattr(args, name, None) for name in ("words", "sentences", "algorithm", "timezone")}
    try:
        return load_settings(getattr(args, "config", None), flags)
    except ConfigError as error:
        raise UsageError(f"briefing: {error}") from None


def _options(args, settings=None):
    from .ingest.load import LoadOptions
    from .ingest.readers import DEFAULT_MAX_BYTES

    patterns = settings.compiled_patterns() if settings else ()
    size = args.max_file_size
    return LoadOptions(
        mtime_dates=args.mtime_dates, max_bytes=DEFAULT_MAX_BYTES if size is None else size, clean_patterns=patterns,
        follow_symlinks=getattr(args, "follow_symlinks", False),
    )


def _cache(args):
    from .core.cache import Cache, NoCache

    from .core.config import ConfigError, cache_size

    if getattr(args, "no_cache", False):
        return NoCache()
    try:
        return Cache(size=cache_size(getattr(args, "config", None)))
    except ConfigError as error:
        raise UsageError(f"briefing: {error}") from None


def _load(paths: list[Path], args, settings=None, cache=None, progress=None):
    from .ingest.load import load_corpus

    for path in paths:
        if not path.exists():
            raise UsageError(f"briefing: no such file or folder: {path}")
    if progress is not None:
        corpus = load_corpus(paths, _options(args, settings), progress, cache)
    else:
        with _progress() as bar:
            corpus = load_corpus(paths, _options(args, settings), bar, cache)
    report_skipped(corpus)
    return corpus


def report_skipped(corpus) -> None:
    """One stderr line: how many files were skipped and the commonest reasons (inspect lists each)."""
    from collections import Counter

    if not corpus.skipped:
        return
    files = len({s.path for s in corpus.skipped})
    reasons = Counter(s.reason for s in corpus.skipped).most_common(3)
    said = "; ".join(f"{reason} ({count})" for reason, count in reasons)
    print(f"briefing: skipped {files} file{'s' if files != 1 else ''} ({said}); `briefing inspect` lists them", file=sys.stderr)


def _no_progress(done: int, total: int, name: str) -> None:
    return None


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

    STAGES = ("grouping stories", "summarising")

    def _update(self, done: int, total: int, name: str) -> None:
        """Loading reports file names, later stages their own name (the bar covers them all)."""
        stage = name if name in self.STAGES else "loading"
        self._bar.update(self._task, completed=done, total=total or None, description=stage)

    def __exit__(self, *exc):
        if self._bar:
            self._bar.stop()


def _stderr_console():
    from .output.render import make_console

    return make_console(file=sys.stderr)


def run_inspect(args) -> int:
    from .output.inspect import inspect_document

    corpus = _load(args.paths, args, cache=_cache(args))
    document = inspect_document(corpus)
    if args.format == "json":
        _stdout().write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        from .output.render import make_console, render_inspect

        _stdout()

        console = make_console()
        console.on_broken_pipe = _broken_pipe  # type: ignore[method-assign]  # rich would exit 1 on `| head`
        render_inspect(document, console)
    return EXIT_OK


def _emit(text: str | bytes, output: Path | None) -> None:
    if output is None or str(output) == "-":
        _stdout().write(text.decode("utf-8") if isinstance(text, bytes) else text)
        return
    from .core.atomic import write_atomic

    try:
        write_atomic(output, text)
    except OSError as error:
        raise OutputError(f"briefing: cannot write {output}: {error.strerror or error}") from None
    print(f"briefing: wrote {output}", file=sys.stderr)


class OutputError(Exception):
    """The brief could not be written where asked: exit 1 with the message."""


def check_output(output: Path | None, corpus: Path, force: bool) -> None:
    """Refuse, before any work, an `-o` that is not a regular file or that lies in the corpus
    (the next run would read the brief as an article; --force allows it)."""
    import os

    from .core.atomic import kind_of
    from .ingest.walk import within

    if output is None or str(output) == "-":
        return
    kind = kind_of(output)
    if kind is not None:
        raise UsageError(f"briefing: -o {output} is {kind}: briefing writes regular files only (use '-o -' for stdout)")
    if not force and within(os.path.realpath(output), os.path.realpath(corpus)):
        raise UsageError(
            f"briefing: -o {output} is inside the corpus folder {corpus}: the next run would read the brief "
            "as an article (write it elsewhere, or add --force)"
        )


def _curation(root: Path):
    """The editor's saved edits for this corpus (made in the TUI), if any."""
    from .brief.curation import CurationStore, state_dir

    store = CurationStore(root)
    return store.load() if store.path.exists() or state_dir().exists() else None


def run_export(args) -> int:
    from .brief.build import brief_json_data, brief_to_dict
    from .brief.pipeline import curate, make_brief

    if not args.path.is_dir():
        raise UsageError(f"briefing: not a folder: {args.path}")
    if args.date and (args.start or args.end):
        raise UsageError("briefing export: --date cannot be combined with --from/--to")
    start, end = (args.date, args.date) if args.date else (args.start, args.end)
    if start and end and start > end:
        raise UsageError("briefing export: --from is after --to")
    check_output(args.output, args.path, getattr(args, "force", False))
    if args.output is None or str(args.output) == "-":
        _stdout()  # closed: say so before the work, not after
    settings = _settings(args)
    cache = _cache(args)
    curation = None if args.raw else _curation(args.path)
    with _progress() as progress:
        corpus = _load([args.path], args, settings, cache, progress=progress or _no_progress)
        if progress:
            progress(0, 0, "grouping stories")
        corpus, brief = make_brief(
            [args.path], settings, corpus=corpus, start=start, end=end, summarising=progress,
            brief_cache=None if args.no_cache else cache, moves=curation.moves if curation else None,
        )
    had_stories = bool(brief.days or brief.undated)
    if curation is not None:
        brief = curate(brief, curation)
        for note in curation.notes:
            print(f"briefing: {note}", file=sys.stderr)
        if curation.orphans:
            print(
                f"briefing: edits of {len(curation.orphans)} stor{'ies' if len(curation.orphans) != 1 else 'y'} match no "
                f"story now ({', '.join(_orphan_label(curation, sid) for sid in curation.orphans)}); they are kept in the "
                "curation file and can be re-applied in the desk (ctrl+p: re-apply orphaned edits)", file=sys.stderr,
            )
    from .brief.extras import prepare_export

    record = prepare_export(brief, args.path, getattr(args, "since_last", False))
    if args.format == "json":
        text = brief_json_data(brief_to_dict(brief))  # bytes, written as they are
    else:
        from .output.formats import render

        text = render(brief, start, end, getattr(args, "template", "standard"), args.format)
    if not brief.days and not brief.undated:
        _warn_empty(brief, start, end, had_stories)
    _emit(text, args.output)
    record()
    return EXIT_OK


def run_watch(args) -> int:
    """`briefing watch DIR`: see `briefing.watch`."""
    from .watch import Watcher

    if not args.path.is_dir():
        raise UsageError(f"briefing: not a folder: {args.path}")
    check_output(args.output, args.path, getattr(args, "force", False))
    settings = _settings(args)
    watcher = Watcher(args.path, args.output, args.format, settings, _options(args, settings), _cache(args), raw=args.raw)
    if args.output is None or str(args.output) == "-":
        watcher.round()  # stdout: the brief once (a pipe cannot be rewritten)
        return EXIT_OK
    print(f"briefing: watching {args.path}, keeping {args.output} current (Ctrl-C stops)", file=sys.stderr)
    watcher.run()
    return EXIT_OK


def _warn_empty(brief, start, end, had_stories: bool) -> None:
    from collections import Counter

    corpus = brief.corpus
    if had_stories:
        why = "every story was dropped in the desk"
    elif corpus.articles:
        why = "no story in this range"
    else:
        reasons = Counter(s.reason for s in corpus.skipped).most_common(2)
        files = len({s.path for s in corpus.skipped})
        why = f"no article read; {files} file{'s' if files != 1 else ''} skipped" + (
            f" (mostly: {'; '.join(r for r, _ in reasons)})" if reasons else ""
        ) if files else "no article files in the folder"
    print(f"briefing: warning: the brief is empty: {why}", file=sys.stderr)


def _orphan_label(curation, story_id: str) -> str:
    edits = curation.stories[story_id]
    return f"“{edits.headline}”" if edits.headline else story_id


def run_summarize(args) -> int:
    from .analyse.summarize import headline, summarize

    settings = _settings(args)
    corpus = _load(args.paths, args, settings, _cache(args))
    picked = summarize(corpus.articles, words=settings.words, sentences=settings.sentences, algorithm=settings.algorithm)
    if args.format == "json":
        document = {
            "headline": headline(corpus.articles) if corpus.articles else None,
            "articles": [a.id for a in corpus.articles],
            "summary": [{"text": s.text, "article": s.article} for s in picked],
            "skipped": [{"path": s.path, "reason": s.reason} for s in corpus.skipped],
        }
        _stdout().write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        _stdout().write("".join(s.text + "\n" for s in picked))
    return EXIT_OK


def _not_a_folder(path: Path) -> str:
    """A mistyped command reads as a folder name: say both."""
    import difflib

    name = str(path)
    if not path.exists() and "/" not in name and "." not in name:
        close = difflib.get_close_matches(name, COMMANDS, n=1)
        hint = f" (did you mean `briefing {close[0]}`?)" if close else f" (commands: {', '.join(COMMANDS)})"
        return f"briefing: no such command or folder: {name}{hint}"
    return f"briefing: not a folder: {path}"


def run_open(args) -> int:
    """The editor's desk (TUI) in a terminal; elsewhere (a pipe, CI) the Markdown brief."""
    path = args.path or default_corpus()
    if not path.is_dir():
        raise UsageError(_not_a_folder(path))
    settings = _settings(args)
    if _terminal():
        from .tui.app import run

        return run(path, settings, _options(args, settings), _cache(args))
    print("briefing: not a terminal, printing the brief (run it in a terminal for the desk)", file=sys.stderr)
    args.date = args.start = args.end = args.output = None
    args.format, args.raw, args.force, args.template = "md", False, False, "standard"
    args.path = path
    return run_export(args)


def _one_blas_thread() -> None:
    """Keep numpy's BLAS to one thread: we parallelise with processes (the loader's and the
    story workers), and OpenBLAS threads on top only fight them for the cores. On the 2-core
    machine a story's small matrix products took 1.6 times the CPU with them. It must be set
    before numpy loads; a value the user set wins."""
    import os

    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")


def _with_command(argv: list[str]) -> list[str]:
    """The arguments with their command first: `briefing --no-cache DIR` and `briefing --words
    50 DIR` mean `briefing open …`, and `briefing --no-cache export DIR` means `export`."""
    if not argv or argv[0] in COMMANDS or argv[0] in ("-h", "--help", "--version"):
        return argv if argv else ["open"]
    for n, token in enumerate(argv):
        if token in COMMANDS and (n == 0 or argv[n - 1] not in _VALUED):
            return [token, *argv[:n], *argv[n + 1 :]]
    first = argv[0]
    if not first.startswith("-") and not Path(first).exists() and "/" not in first:
        import difflib

        close = difflib.get_close_matches(first, COMMANDS, n=1)
        if close:
            raise UsageError(f"briefing: no such command or folder: {first} (did you mean `briefing {close[0]}`?)")
    return ["open", *argv]


_VALUED = {"--words", "--sentences", "--algorithm", "--timezone", "--config", "--max-file-size"}  # options taking a value


class ClosedOutput(Exception):
    """stdout was closed by the caller (`briefing export DIR >&-`)."""


def _quiet_stdout() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass


def _broken_pipe() -> None:
    _quiet_stdout()
    raise BrokenPipeError


def _stdout():
    if sys.stdout is None:
        raise ClosedOutput("briefing: standard output is closed: nothing to write the document to (use -o FILE)")
    return sys.stdout


def _headless(args) -> bool:
    return args.command != "open" or not _terminal()


def _terminal() -> bool:
    return sys.stdin is not None and sys.stdout is not None and sys.stdin.isatty() and sys.stdout.isatty()


class _Stop:
    """One SIGINT or SIGTERM ends a headless run cleanly: the first raises KeyboardInterrupt in
    the main thread (its `finally` blocks remove temporaries and stop worker pools); further
    signals are ignored; a watchdog ends the process 1.5 s later if the clean-up stalls.
    Forked workers ignore SIGINT (Ctrl-C reaches the whole process group: they printed
    tracebacks) and die at once on the SIGTERM a pool's terminate() sends them."""

    code: int | None = None

    @classmethod
    def install(cls) -> None:
        import os
        import signal

        main_pid = os.getpid()

        def on_signal(number, frame):
            if os.getpid() != main_pid or cls.code is not None:
                return
            cls.code = 128 + number
            cls._watchdog()
            raise KeyboardInterrupt

        def in_child():
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)

        signal.signal(signal.SIGINT, on_signal)
        signal.signal(signal.SIGTERM, on_signal)
        if not getattr(cls, "_registered", False):
            os.register_at_fork(after_in_child=in_child)
            cls._registered = True  # type: ignore[attr-defined]

    @classmethod
    def _watchdog(cls) -> None:
        import threading
        import time

        def end():
            time.sleep(1.5)
            cls.finish()

        threading.Thread(target=end, daemon=True).start()

    @classmethod
    def finish(cls) -> None:
        """Stop any worker left, say so once, and leave without the interpreter's teardown
        (a half-closed pool's __del__ printed "Bad file descriptor")."""
        import multiprocessing
        import os

        for child in multiprocessing.active_children():
            try:
                child.kill()
            except Exception:
                pass
        try:
            sys.stderr.write("briefing: interrupted\n")
            sys.stderr.flush()
        except Exception:
            pass
        os._exit(cls.code or EXIT_INTERRUPTED)


def main(argv: list[str] | None = None) -> int:
    _one_blas_thread()
    as_program = argv is None  # signal handlers only for a real run, not a call from a test
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    try:
        argv = _with_command(argv)
        args = build_parser().parse_args(argv)
        if args.command is None:
            args = build_parser().parse_args(["open", *argv])
        handler = {"inspect": run_inspect, "export": run_export, "summarize": run_summarize, "open": run_open, "watch": run_watch}[args.command]
        if as_program and _headless(args):
            _Stop.install()
        return handler(args)
    except UsageError as error:
        print(str(error), file=sys.stderr)
        return EXIT_USAGE
    except OutputError as error:
        print(str(error), file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        if _Stop.code is not None:
            _Stop.finish()
        print("briefing: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _quiet_stdout()  # the reader stopped (`| head`): fine; no second error at exit
        return EXIT_OK
    except ClosedOutput as error:
        print(str(error), file=sys.stderr)
        return EXIT_FAILURE
    except Exception as error:  # the one place that turns any failure into one clear line
        if debug:
            raise
        print(f"briefing: error: {type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_FAILURE


if __name__ == "__main__":
    sys.exit(main())
