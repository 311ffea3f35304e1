"""The engine (load the folder, build the brief) in a process of its own, for the desk.

Why a process: in a thread, the engine's pure-Python work and its long C calls (regexes over
long texts, pickling the cache, clustering) hold the GIL, and the desk's own event loop then
answers keys late (measured on Reuters: a key waited up to a third of a second). In a
separate process the UI keeps its interpreter to itself; the desk's thread worker only waits
on a pipe and turns the engine's progress into messages. Plain Python, no Textual.

The child is started with "spawn" (a clean interpreter: safe from any thread, and it may
itself start the loader's process pool) and is not a daemon (daemons cannot have children).
Its standard output and error go to /dev/null: a stray print must never reach the terminal
the desk draws on. It runs at a lower priority (nice 10), it and its parsing pool: with two
cores busy parsing, the desk would otherwise wait for the CPU rather than for the GIL.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from pathlib import Path
from collections.abc import Callable

from ..brief.build import Brief
from ..core.cache import NoCache
from ..core.model import Corpus

CHUNK_ARTICLES = 500
CHUNK_DAYS = 20


class Cancelled(Exception):
    """The desk is closing: the engine process was stopped."""


def _quiet() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    for fd in (1, 2):
        try:
            os.dup2(devnull, fd)
        except OSError:
            pass
    sys.stdout = sys.stderr = open(os.devnull, "w")


def _job(conn, path: Path, settings, options, cache_path: Path | None, moves: dict) -> None:
    _quiet()
    try:
        os.nice(10)  # the desk first: on a busy machine the engine yields the CPU to the UI
    except OSError:
        pass
    try:
        from ..brief.pipeline import make_brief
        from ..core.cache import Cache

        def progress(stage: str):
            last = [0.0]

            def report(done: int, total: int, _name: str = "") -> None:
                now = time.monotonic()
                if done >= total or now - last[0] >= 0.05:
                    last[0] = now
                    conn.send(("progress", stage, done, total))

            return report

        cache = Cache(cache_path) if cache_path is not None else NoCache()
        corpus, brief = make_brief(
            [path], settings, options, load_cache=cache, brief_cache=cache if cache_path else None, moves=moves,
            story_cache=True, reading=progress("reading"), summarising=progress("summarising"),
        )
        # In pieces: the desk unpickles each one in its worker thread, holding its GIL only
        # for a few milliseconds at a time (one pickle of all Reuters held it for ~150 ms).
        for start in range(0, len(corpus.articles), CHUNK_ARTICLES):
            conn.send(("articles", corpus.articles[start : start + CHUNK_ARTICLES]))
        for start in range(0, len(brief.days), CHUNK_DAYS):
            conn.send(("days", brief.days[start : start + CHUNK_DAYS]))
        conn.send(("done", corpus.root, corpus.skipped, brief.undated, brief.settings))
    except BaseException as error:  # everything goes back to the desk as a message
        try:
            conn.send(("error", f"{type(error).__name__}: {error}"))
        except Exception:
            pass
    finally:
        conn.close()


def load_in_process(
    path: Path,
    settings,
    options,
    cache,
    moves: dict,
    on_progress: Callable[[str, int, int], None],
    cancelled: Callable[[], bool],
):
    """(corpus, brief) computed in a child process; progress reported as it comes."""
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    cache_path = None if cache is None or isinstance(cache, NoCache) else Path(cache.path)
    process = context.Process(target=_job, args=(send, Path(path), settings, options, cache_path, dict(moves)), daemon=False)
    process.start()
    send.close()
    articles: list = []
    days: list = []
    try:
        while True:
            if cancelled():
                raise Cancelled()
            if receive.poll(0.1):
                try:
                    message = receive.recv()
                except EOFError:
                    raise RuntimeError(f"the engine process stopped (exit code {process.exitcode})") from None
                if message[0] == "progress":
                    on_progress(*message[1:])
                elif message[0] == "articles":
                    articles.extend(message[1])
                elif message[0] == "days":
                    days.extend(message[1])
                elif message[0] == "done":
                    _, root, skipped, undated, settings = message
                    corpus = Corpus(root, articles, skipped)
                    return corpus, Brief(corpus, days, undated, settings)
                else:
                    raise RuntimeError(message[1])
            elif not process.is_alive() and not receive.poll(0):
                raise RuntimeError(f"the engine process stopped (exit code {process.exitcode})")
    finally:
        receive.close()
        if process.is_alive():
            process.terminate()
        process.join(5)
