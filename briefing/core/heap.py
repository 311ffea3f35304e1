"""Keep Python's cyclic garbage collector off the corpus while the engine works on it.

A loaded corpus is millions of objects (articles, their analysis, the brief being built).
The collector's full passes walk every one of them each time the heap has grown by a
quarter: on Reuters-21578 that was 2.3 s of the main process's time, serial with the rest.
`gc.freeze()` moves what exists now out of the collector's sight (reference counting still
frees it); `frozen_heap` gives it back to the collector when its outermost user is done, so
a long desk session that loads folder after folder leaks no cyclic garbage.
"""

from __future__ import annotations

import gc
import threading
from contextlib import ExitStack, contextmanager

_lock = threading.Lock()
_users = 0


@contextmanager
def frozen_heap():
    """Within: call `gc.freeze()` whenever much has been built (freezing is cheap: a list
    splice). On leaving the outermost `frozen_heap`, everything frozen is unfrozen."""
    global _users
    with _lock:
        _users += 1
    try:
        gc.freeze()
        yield
    finally:
        with _lock:
            _users -= 1
            if _users == 0:
                gc.unfreeze()


class HeldHeap:
    """`frozen_heap` for an owner that outlives any `with` block (the desk and its loaded
    folder): `freeze()` after each load keeps what exists out of the collector's full passes,
    `release()` (the owner going away) gives it back."""

    def __init__(self) -> None:
        self._stack: ExitStack | None = None

    def freeze(self) -> None:
        if self._stack is None:
            self._stack = ExitStack()
            self._stack.enter_context(frozen_heap())  # freezes on entering
        else:
            gc.freeze()  # within the held frozen_heap, as its docstring asks after a big build

    def release(self) -> None:
        if self._stack is not None:
            self._stack.close()
            self._stack = None


#: Allocations between young collections in a story worker (Python's default is 700): a
#: story's tokens and candidate lists are hundreds of thousands of short-lived objects, and
#: the default thresholds had the collector take 3% of a worker's CPU on Reuters (0.3 of
#: 9.75 s on a quarter of its stories; 0.04 s at 20,000).
WORKER_YOUNG_THRESHOLD = 20_000


def quiet_worker_collector() -> None:
    """Pool initializer: collect a worker's young garbage less often (it is short-lived work)."""
    _, middle, old = gc.get_threshold()
    gc.set_threshold(WORKER_YOUNG_THRESHOLD, middle, old)
