"""The engine hides the corpus from the garbage collector while it works, and gives it back."""

import gc

from briefing.core.heap import frozen_heap
from briefing.ingest.load import load_corpus
from conftest import SAMPLE


def test_frozen_until_the_outermost_user_leaves():
    gc.unfreeze()
    with frozen_heap():
        assert gc.get_freeze_count() > 0
        with frozen_heap():
            gc.freeze()
        assert gc.get_freeze_count() > 0  # the inner user leaving does not unfreeze
    assert gc.get_freeze_count() == 0


def test_unfrozen_after_an_error():
    gc.unfreeze()
    try:
        with frozen_heap():
            raise ValueError("a failing stage")
    except ValueError:
        pass
    assert gc.get_freeze_count() == 0


def test_loading_and_briefing_leave_nothing_frozen():
    """A desk session loads folder after folder: what the engine froze must be collectable again."""
    from briefing.brief.build import build_brief

    gc.unfreeze()
    build_brief(load_corpus([SAMPLE]))
    assert gc.get_freeze_count() == 0


def test_story_workers_collect_young_garbage_less_often():
    import multiprocessing

    from briefing.core.heap import WORKER_YOUNG_THRESHOLD, quiet_worker_collector

    with multiprocessing.get_context("fork").Pool(1, initializer=quiet_worker_collector) as pool:
        young, middle, old = pool.apply(gc.get_threshold)
    assert young == WORKER_YOUNG_THRESHOLD > gc.get_threshold()[0]
    assert (middle, old) == gc.get_threshold()[1:]
