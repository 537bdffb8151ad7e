"""decree import / list / check: what a pardon or amnesty decree did to the list."""

from __future__ import annotations

import html
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer
from rich.progress import Progress

from habeas.cli.common import (
    STATE,
    Format,
    console,
    day_option,
    err_console,
    now,
    registry,
    write_rows,
)
from habeas.domain.decree import DecreeKind
from habeas.jobs.decree import CheckItem, DecreeReport, check_decree, import_decree

app = typer.Typer(
    help="Import pardon and amnesty decrees and check them against the list.", no_args_is_help=True
)


@app.command("import")
def import_command(
    file: Path = typer.Argument(..., help="The decree: text, HTML, DOCX or PDF with text."),
    when: str = typer.Option(..., "--date", help="Date the decree was signed, YYYY-MM-DD."),
    issuer: str = typer.Option(..., "--issuer", help="Who issued it (President, parliament)."),
    kind: DecreeKind = typer.Option(..., "--kind", help="pardon or amnesty."),
    number: str = typer.Option("", "--number", help="The decree's number, if any."),
    ocr: bool = typer.Option(False, "--ocr", help="Read a scanned PDF with tesseract."),
) -> None:
    """Store a decree, split it into entries, and queue a proposal for each likely match."""
    day = day_option(when, "--date")
    assert day is not None
    with Progress(console=err_console, transient=True) as progress:
        progress.add_task("Reading and matching the decree", total=None)
        done = import_decree(
            registry(),
            file,
            when=day,
            issuer=issuer,
            kind=kind,
            number=number,
            ocr=ocr,
            actor=STATE.actor,
            at=now(),
        )
    state = "Imported" if done.new else "Already imported"
    console.print(
        f"{state} decree {done.decree.id}: {done.entries} entries, "
        f"{len(done.skipped)} lines skipped, {len(done.duplicates)} duplicates; "
        f"{done.proposals} new proposals to review (habeas review list)."
    )
    for line, text, why in done.skipped:
        err_console.print(f"  skipped line {line}: {why}: {text}", markup=False)
    for line, first, name in done.duplicates:
        err_console.print(f"  duplicate line {line} (first on line {first}): {name}", markup=False)
    console.print(f"Check it with: habeas decree check {done.decree.id}")


@app.command("list")
def list_command(
    fmt: Format = typer.Option(Format.TABLE, "--format", help="table, csv or json."),
) -> None:
    """List stored decrees."""
    rows = [
        {
            "id": d.id,
            "date": d.date.isoformat(),
            "kind": d.kind.value,
            "number": d.number,
            "issuer": d.issuer,
            "language": d.language,
        }
        for d in registry().decrees()
    ]
    write_rows(rows, ["id", "date", "kind", "number", "issuer", "language"], fmt, "Decrees")


class CheckFormat(StrEnum):
    """Output formats of `decree check`."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    HTML = "html"


def _item(item: CheckItem) -> dict[str, Any]:
    return {
        "person_id": item.person_id,
        "name": item.name,
        "entry_line": item.entry_line,
        "entry_text": item.entry_text,
        "score": item.score,
        "outcome": item.outcome,
        "explanation": item.explanation,
    }


def report_json(report: DecreeReport) -> dict[str, Any]:
    """The report as the JSON contract gives it."""
    d = report.decree
    return {
        "decree": {
            "id": d.id,
            "date": d.date.isoformat(),
            "kind": d.kind.value,
            "number": d.number,
            "issuer": d.issuer,
            "entries": len(d.entries),
        },
        "by": report.by,
        "summary": report.sentence(),
        "prisoners_in_custody": report.prisoners_in_custody,
        "included": [_item(i) for i in report.included],
        "possible": [_item(i) for i in report.possible],
        "not_included": [_item(i) for i in report.not_included],
        "others": [_item(i) for i in report.others],
    }


def _html(report: DecreeReport) -> str:
    data = report_json(report)
    parts = [
        "<!doctype html><html lang='en'><meta charset='utf-8'>",
        f"<title>Decree {html.escape(report.decree.id)}</title>",
        "<style>body{font-family:sans-serif;max-width:60em;margin:auto}"
        "td,th{border-bottom:1px solid #ddd;padding:.3em;text-align:left}</style>",
        f"<h1>{html.escape(data['decree']['kind'].title())} decree of "
        f"{html.escape(data['decree']['date'])}</h1>",
        f"<p><strong>{html.escape(report.sentence())}</strong></p>",
    ]
    for key, title in (
        ("included", "Named in the decree"),
        ("possible", "Needs review"),
        ("not_included", "Left out"),
        ("others", "Resemble other persons"),
    ):
        parts.append(
            f"<h2>{title} ({len(data[key])})</h2><table><tr><th>person</th>"
            "<th>line</th><th>entry</th><th>outcome</th><th>score</th>"
            "<th>explanation</th></tr>"
        )
        for row in data[key]:
            cells = [
                f"{row['name']} ({row['person_id']})",
                row["entry_line"] or "",
                row["entry_text"],
                row["outcome"],
                row["score"] or "",
                row["explanation"],
            ]
            parts.append(
                "<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in cells) + "</tr>"
            )
        parts.append("</table>")
    return "\n".join(parts) + "\n</html>\n"


@app.command("check")
def check_command(
    decree: str = typer.Argument(..., help="Decree id (see: habeas decree list)."),
    by: str | None = typer.Option(None, "--by", help="Only this organisation's list."),
    fmt: CheckFormat = typer.Option(
        CheckFormat.TABLE, "--format", help="table, json, csv or html."
    ),
) -> None:
    """Say which political prisoners the decree names, which it leaves out, which to review."""
    report = check_decree(registry(), decree, by=by)
    if fmt is CheckFormat.JSON:
        sys.stdout.write(json.dumps(report_json(report), ensure_ascii=False, indent=2) + "\n")
        return
    if fmt is CheckFormat.HTML:
        sys.stdout.write(_html(report))
        return
    data = report_json(report)
    rows = [
        {"status": key, **row}
        for key in ("included", "possible", "not_included", "others")
        for row in data[key]
    ]
    columns = [
        "status",
        "person_id",
        "name",
        "entry_line",
        "entry_text",
        "outcome",
        "score",
        "explanation",
    ]
    if fmt is CheckFormat.CSV:
        write_rows(rows, columns, Format.CSV)
        return
    console.print(report.sentence(), markup=False, soft_wrap=True)
    write_rows(
        [r for r in rows if r["status"] != "not_included"],
        columns[:-1],
        Format.TABLE,
        title="Named or resembling",
    )
    left_out = [r["name"] for r in rows if r["status"] == "not_included"]
    if left_out:
        console.print(
            f"Left out ({len(left_out)}): " + ", ".join(left_out), markup=False, soft_wrap=True
        )
