"""Work on one large file in worker processes: byte ranges that start at line beginnings, and
a map over them that ends with one clear line when a worker dies.

``multiprocessing.Pool`` replaces a worker the system killed (out of memory, say) and waits
forever for the part it was reading; ``concurrent.futures.ProcessPoolExecutor`` notices and
breaks, which ``process_map`` turns into a ``WorkerError``. Workers hand their answers over
in private files, so the pipe carries a file name (a write too short to be cut), or a job's
error.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import shutil
import signal
import tempfile
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
    results as they finish, in any order. Leaving the block (done, early, on an error or
    Ctrl-C) cancels the jobs not started and waits for the running ones (a part at most).

    A worker killed while it sent a large answer through the pool's pipe would leave half a
    message there, and the pool's reader would wait for the rest forever. So each answer is
    written to a file in a folder only this user can read, and the pipe carries its name;
    the file is read and deleted here, and the folder goes when the block ends. Workers are
    never killed from here, and they ignore Ctrl-C; this process stops them.
    """
    context = multiprocessing.get_context("spawn")  # safe beside threads (web, progress bars)
    pool = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start, initargs=(initializer, initargs)
    )
    folder = ""
    try:
        folder = tempfile.mkdtemp(prefix="habeas-parts-")  # mode 0700
        yield _results([pool.submit(_answer, function, folder, job) for job in jobs])
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        if folder:
            shutil.rmtree(folder, ignore_errors=True)


def _answer(function: Callable[[Job], Result], folder: str, job: Job) -> str:
    """Run one job in a worker; write its answer to a new file in folder and return the name."""
    result = function(job)
    try:
        handle, name = tempfile.mkstemp(suffix=".part", dir=folder)
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(result, stream, protocol=pickle.HIGHEST_PROTOCOL)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise WorkerError(
            f"a worker process cannot hand its part over in {folder} ({reason}); free space "
            "there or set TMPDIR to a folder with room"
        ) from None
    return name


def _collect(name: str) -> Any:
    """Read an answer a worker wrote, and delete its file."""
    try:
        with open(name, "rb") as stream:
            return pickle.load(stream)
    finally:
        os.unlink(name)


def _start(initializer: Callable[..., Any] | None, initargs: tuple[Any, ...]) -> None:
    """Begin a worker: Ctrl-C is for the main process to handle; then the job's set-up."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if initializer is not None:
        initializer(*initargs)


def _results(futures: list[Future[str]]) -> Iterator[Any]:
    """Yield each future's answer as it completes, keeping none once given (parts are large);
    a dead worker is one WorkerError."""
    pending = set(futures)
    futures.clear()
    try:
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            while done:
                yield _collect(done.pop().result())
    except BrokenProcessPool:
        raise WorkerError(
            "a worker process stopped without finishing its part (killed for lack of "
            "memory?, or it could not start); run again with fewer workers (--workers 1) or "
            "more memory"
        ) from None
