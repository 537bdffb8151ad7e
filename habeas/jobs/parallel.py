"""Work on one large file in worker processes: byte ranges that start at line beginnings, and
a map over them that ends with one clear line when a worker dies.

``multiprocessing.Pool`` replaces a worker the system killed (out of memory, say) and waits
forever for the part it was reading; ``concurrent.futures.ProcessPoolExecutor`` notices and
breaks, which ``process_map`` turns into a ``WorkerError``.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from habeas.exceptions import HabeasError

Job = TypeVar("Job")
Result = TypeVar("Result")
Range = tuple[Path, int, int]  # file, first byte, byte after the last


class WorkerError(HabeasError):
    """A worker process stopped without an answer (killed for memory, or crashed)."""


def byte_ranges(path: Path, size: int, parts: int) -> list[Range]:
    """Split a file into about ``parts`` byte ranges that start at line beginnings."""
    step = max(size // parts, 1)
    return _aligned(path, size, [step] * parts)


def tapered_ranges(path: Path, size: int, chunk: int, workers: int) -> list[Range]:
    """Split a file into ranges of about ``chunk`` bytes (less for a small file: eight per
    worker at least) that halve toward the end (each size ``workers`` times, down to an
    eighth of a chunk), so the workers finish nearly together instead of all but one waiting
    for the last full chunk."""
    chunk = max(min(chunk, size // (workers * 8)), 1)
    tail: list[int] = []
    part = chunk // 2
    while part >= max(chunk // 8, 1):
        tail += [part] * workers
        part //= 2
    head = max(size - sum(tail), 0)
    sizes = [chunk] * (head // chunk) + ([head % chunk] if head % chunk else []) + tail
    return _aligned(path, size, sizes)


def _aligned(path: Path, size: int, sizes: list[int]) -> list[Range]:
    """Return ranges of about these sizes covering the file, each moved to start on a line."""
    starts = [0]
    with path.open("rb") as stream:
        for length in sizes[:-1]:
            if starts[-1] + length >= size:
                break
            stream.seek(starts[-1] + length - 1)
            stream.readline()  # from the byte before: a range may start right on a line
            if stream.tell() >= size:
                break
            if stream.tell() > starts[-1]:
                starts.append(stream.tell())
    ends = starts[1:] + [size]
    return [(path, start, end) for start, end in zip(starts, ends, strict=True)]


@contextmanager
def process_map(
    function: Callable[[Job], Result],
    jobs: Iterable[Job],
    workers: int,
    initializer: Callable[..., Any] | None = None,
    initargs: tuple[Any, ...] = (),
) -> Iterator[Iterator[Result]]:
    """Start every job in ``workers`` new (spawned) processes; give an iterator over the
    results as they finish, in any order. Leaving the block early cancels the jobs not
    started; an error in it (or Ctrl-C) also ends the workers at once."""
    context = multiprocessing.get_context("spawn")  # safe beside threads (web, progress bars)
    pool = ProcessPoolExecutor(
        workers, mp_context=context, initializer=initializer, initargs=initargs
    )
    try:
        futures = [pool.submit(function, job) for job in jobs]
        yield _results(futures)
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown(wait=True, cancel_futures=True)  # left early: the parts running finish


def _results(futures: list[Future[Result]]) -> Iterator[Result]:
    """Yield each future's result as it completes, keeping none once given (parts are large);
    a dead worker is one WorkerError."""
    pending = set(futures)
    futures.clear()
    try:
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            while done:
                yield done.pop().result()
    except BrokenProcessPool:
        raise WorkerError(
            "a worker process stopped without finishing its part (killed for lack of "
            "memory?); run again with fewer workers (--workers 1) or more memory"
        ) from None


def _stop(pool: ProcessPoolExecutor) -> None:
    """Cancel the jobs not started and end the workers at once (an error or Ctrl-C)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        try:
            process.terminate()
        except (AttributeError, OSError):
            pass
