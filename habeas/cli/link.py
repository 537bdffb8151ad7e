"""link: pair the rows of two name lists that may denote one person, with the reason."""

from __future__ import annotations

import csv
import itertools
import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from habeas.cli.common import err_console, open_output
from habeas.jobs.link import COLUMNS, ListRecord, build_index, link_lists, read_list


class LinkFormat(StrEnum):
    """Output formats of `link`."""

    CSV = "csv"
    JSON = "json"


def _count_lines(path: Path) -> int | None:
    """Count a file's lines quickly (for the progress bar); None for stdin."""
    if str(path) == "-" or not path.is_file():
        return None
    with path.open("rb") as stream:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: stream.read(1 << 20), b""))


def link_command(
    left: Path = typer.Argument(..., help="List to stream (CSV or .jsonl; - for stdin)."),
    right: Path = typer.Argument(..., help="List to index (CSV or .jsonl); ids may repeat."),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="Write rows here (default or -: stdout)."
    ),
    fmt: LinkFormat = typer.Option(LinkFormat.CSV, "--format", help="csv or json (JSON Lines)."),
    threshold: float | None = typer.Option(
        None,
        "--threshold",
        min=0.0,
        max=1.0,
        help="Lowest score to print (default 0.5, 'possible'; 0.8 is 'match').",
    ),
) -> None:
    """Print every pair of a left row and a right person that may be one person, with why.

    With -o FILE the rows go to FILE.part first and replace FILE only when all is done, so
    a bad row halfway leaves no half-written output.
    """
    to_file = output is not None and str(output) != "-"
    partial = output.with_name(output.name + ".part") if output is not None and to_file else None
    stream = open_output(partial)
    written = 0
    done = False
    try:
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err_console,
            transient=True,
        ) as progress:
            indexing = progress.add_task("Indexing right", total=_count_lines(right))

            def indexed() -> Iterator[ListRecord]:
                for record in read_list(right):
                    progress.advance(indexing)
                    yield record

            index = build_index(indexed())
            progress.update(indexing, total=len(index), completed=len(index))
            total = _count_lines(left)
            linking = progress.add_task("Linking left", total=total)

            def streamed() -> Iterator[ListRecord]:
                for record in read_list(left):
                    progress.advance(linking)
                    yield record

            records = streamed()
            first = next(records, None)  # a bad header fails here, before any output
            writer = csv.writer(stream) if fmt is LinkFormat.CSV else None
            if writer is not None:
                writer.writerow(COLUMNS)
            lefts = itertools.chain([first], records) if first is not None else iter(())
            for row in link_lists(lefts, index, threshold=threshold):
                values = row.as_dict()
                if writer is not None:
                    writer.writerow([values[column] for column in COLUMNS])
                else:
                    stream.write(json.dumps(values, ensure_ascii=False) + "\n")
                written += 1
        done = True
    finally:
        if stream is not sys.stdout:
            stream.close()
        if partial is not None and output is not None:
            if done:
                partial.replace(output)
            else:
                partial.unlink(missing_ok=True)
    err_console.print(f"{written} pairs at or above the threshold.", highlight=False)
