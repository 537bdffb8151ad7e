"""Interpreter settings for long batch jobs (screening, linking)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

BATCH_THRESHOLDS = (100_000, 50, 1000)  # gc thresholds while a batch job runs


def set_batch_collections() -> None:
    """Wake Python's cycle collector far less often, for the rest of this process."""
    gc.set_threshold(*BATCH_THRESHOLDS)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run a block with the cycle collector woken far less often, then restore it.

    The name engine's caches hold millions of small objects, and with the default thresholds
    the collector walks them again and again: about a third of a screening's time. The jobs
    make no reference cycles of their own, so collecting rarely loses no memory.
    """
    old = gc.get_threshold()
    set_batch_collections()
    try:
        yield
    finally:
        gc.set_threshold(*old)
