"""Byte ranges of a file and the map over worker processes (real spawned processes)."""

from __future__ import annotations

import os
import resource
import signal
import tempfile
import time
from pathlib import Path

import pytest

from habeas.jobs.parallel import WorkerError, process_map, tapered_ranges


def _lines_file(path: Path, count: int) -> Path:
    """Write count lines of varying length; return the path."""
    path.write_bytes(b"".join(b"line %d %s\n" % (i, b"x" * (i * 7 % 53)) for i in range(count)))
    return path


def _covers_by_lines(path: Path, ranges: list[tuple[Path, int, int]]) -> None:
    """Assert the ranges tile the file and each starts at the beginning of a line."""
    data = path.read_bytes()
    assert ranges[0][1] == 0 and ranges[-1][2] == len(data)
    for (_, _, end), (_, start, _) in zip(ranges, ranges[1:], strict=False):
        assert end == start
    for _, start, end in ranges:
        assert start < end
        assert start == 0 or data[start - 1 : start] == b"\n"


def test_ranges_tile_the_file_on_line_starts(tmp_path: Path) -> None:
    path = _lines_file(tmp_path / "f.txt", 2_000)
    size = path.stat().st_size
    for chunk in (size * 2, size // 3, size // 16, size // 500, 7, 1):
        for workers in (1, 2, 4):
            _covers_by_lines(path, tapered_ranges(path, size, chunk, workers))


def test_tapered_ranges_shrink_toward_the_end(tmp_path: Path) -> None:
    path = _lines_file(tmp_path / "f.txt", 20_000)
    size = path.stat().st_size
    chunk = size // 20
    ranges = tapered_ranges(path, size, chunk, 2)
    _covers_by_lines(path, ranges)
    lengths = [end - start for _, start, end in ranges]
    assert max(lengths) <= chunk + 100  # a line longer at most
    assert lengths[-1] < chunk // 6  # the last two are an eighth of a chunk
    assert lengths[-2] < chunk // 6
    assert lengths[-3] > chunk // 6 and lengths[-5] > chunk // 3
    small = tapered_ranges(path, size, size * 4, 2)  # a file under a chunk: 16 parts or more
    _covers_by_lines(path, small)
    assert len(small) >= 16


def square(value: int) -> int:
    """A job: the square of value."""
    return value * value


def die_on_three(value: int) -> int:
    """A job whose worker the system kills (as for memory) when it gets 3."""
    if value == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    return value


def fail_on_three(value: int) -> int:
    """A job that raises on 3."""
    if value == 3:
        raise ValueError("three")
    return value


def large_or_fail(value: int) -> bytes:
    """A job answering 20 MB, or raising on 5 (while others are sending theirs)."""
    if value == 5:
        raise ValueError("five")
    return b"x" * (20 << 20)


def interrupted(value: int) -> int:
    """A job whose worker gets Ctrl-C (SIGINT) while it works."""
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(0.05)
    return value


def slow(value: int) -> int:
    """A job that takes a while."""
    time.sleep(0.2)
    return value


def test_process_map_returns_every_result() -> None:
    with process_map(square, range(20), 2) as results:
        assert sorted(results) == [i * i for i in range(20)]


def test_a_killed_worker_is_one_clear_error_not_a_hang() -> None:
    started = time.monotonic()
    with pytest.raises(WorkerError, match="worker process stopped"):
        with process_map(die_on_three, range(8), 2) as results:
            list(results)
    assert time.monotonic() - started < 60


def test_an_error_in_a_job_reaches_the_caller() -> None:
    with pytest.raises(ValueError, match="three"):
        with process_map(fail_on_three, range(8), 2) as results:
            list(results)


def test_leaving_early_cancels_the_rest() -> None:
    started = time.monotonic()
    with process_map(slow, range(200), 2) as results:
        first = next(results)
    assert first in range(200)
    assert time.monotonic() - started < 20  # 200 jobs x 0.2 s / 2 workers would be 20 s


def test_an_error_beside_large_answers_ends_without_a_hang() -> None:
    for _ in range(3):  # workers are never killed halfway through sending a part back
        started = time.monotonic()
        with pytest.raises(ValueError, match="five"):
            with process_map(large_or_fail, range(16), 2) as results:
                for _answer in results:
                    pass
        assert time.monotonic() - started < 60


def test_workers_leave_ctrl_c_to_the_main_process() -> None:
    with process_map(interrupted, range(6), 2) as results:
        assert sorted(results) == list(range(6))


class _DiesWhenSaved:
    """An answer whose worker the system kills (as for memory) while it is being saved."""

    def __reduce__(self) -> tuple[object, ...]:
        os.kill(os.getpid(), signal.SIGKILL)
        return (_DiesWhenSaved, ())


def large_or_die(value: int) -> object:
    """A job answering 20 MB, or one whose worker is killed while handing its answer over."""
    if value == 5:
        return [b"y" * (20 << 20), _DiesWhenSaved()]
    return b"x" * (20 << 20)


def test_a_worker_killed_while_handing_over_its_answer_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    started = time.monotonic()
    with pytest.raises(WorkerError, match="worker process stopped"):
        with process_map(large_or_die, range(12), 2) as results:
            for _answer in results:
                pass
    assert time.monotonic() - started < 60
    assert list(tmp_path.iterdir()) == []  # half-written answers are gone with their folder


def test_answers_pass_through_private_files_that_are_gone_after_the_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with process_map(slow, range(40), 2) as results:
        next(results)
        (folder,) = list(tmp_path.iterdir())
        assert folder.stat().st_mode & 0o077 == 0  # no one else may read the parts
    assert list(tmp_path.iterdir()) == []


def small_files() -> None:
    """A worker that may only write files of 1 KiB (as on a full disk)."""
    resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))


def test_a_worker_that_cannot_write_its_answer_says_where_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with pytest.raises(WorkerError, match="cannot hand its part over in .*habeas-parts-") as caught:
        with process_map(large_or_fail, [1, 2], 2, small_files) as results:
            list(results)
    assert "\n" not in str(caught.value) and "TMPDIR" in str(caught.value)
    assert list(tmp_path.iterdir()) == []
