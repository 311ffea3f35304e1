"""State handed to forked pool workers explicitly, as an argument, not through module globals.

The parent builds a small context object (the articles, the settings) and gives it to
`pool()`, which passes it to each worker's initializer: with the fork start method a worker
inherits it in memory (copy-on-write), it is never pickled. The jobs a worker runs read it
with `context()`. The parent process keeps nothing between runs.
"""

from __future__ import annotations

import multiprocessing
from typing import Any

from .heap import quiet_worker_collector

_context: Any = None  # set inside a worker process only, by its initializer


def pool(workers: int, context: Any):
    """A fork pool of `workers` processes, each holding `context` for its jobs."""
    return multiprocessing.get_context("fork").Pool(workers, initializer=_enter, initargs=(context,))


def _enter(context: Any) -> None:
    global _context
    quiet_worker_collector()
    _context = context


def context() -> Any:
    """The context this worker was started with (None outside a pool worker)."""
    return _context
