"""news add / fetch / watch / extract: read articles, find what changed, queue proposals."""

from __future__ import annotations

import json
import re
import sys
from enum import StrEnum
from pathlib import Path

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
from habeas.exceptions import InputError
from habeas.ingest.news.article import read_article_bytes
from habeas.ingest.news.extract import extract
from habeas.ingest.news.fetch import HOST_DELAY, TIMEOUT, HttpClient
from habeas.ingest.news.found import Extraction
from habeas.jobs.feed import FeedResult, fetch_feed, watch
from habeas.jobs.news import NewsContext, NewsResult, add_files
from habeas.matching.decree import person_index
from habeas.names.blocking import NameIndex

app = typer.Typer(
    help="Read news articles and feeds; propose updates with the sentence as evidence.",
    no_args_is_help=True,
)


class ExtractFormat(StrEnum):
    """Output formats of `news extract`."""

    JSON = "json"
    TABLE = "table"


class AddFormat(StrEnum):
    """Output formats of `news add`."""

    TEXT = "text"
    JSON = "json"


def _context() -> NewsContext:
    return NewsContext(registry(), STATE.actor, now())


def _print_result(result: NewsResult) -> None:
    if result.error:
        err_console.print(f"error: {result.error}", markup=False, highlight=False)
        return
    added = result.added
    assert added is not None
    article = added.article
    if not added.new:
        more = " (new address recorded)" if added.new_url else ""
        console.print(
            f"{result.label}: already stored as {article.id}{more}; "
            f"{len(article.urls)} address(es).",
            markup=False,
            soft_wrap=True,
        )
        return
    found = result.extraction
    assert found is not None
    console.print(
        f"{result.label}: stored as {article.id} ({len(found.persons)} persons, "
        f"{len(found.events)} events, {len(found.quotes)} quotations); "
        f"{added.proposals_new} new proposals, {added.proposals_merged} gained a source.",
        markup=False,
        soft_wrap=True,
    )
    for proposal in result.proposals:
        console.print(f"  proposal {proposal.id}: {proposal.summary}", markup=False, soft_wrap=True)
        if "Context" in proposal.explanation:
            console.print(
                "    " + proposal.explanation.split("Context, not proposed: ", 1)[1],
                markup=False,
                soft_wrap=True,
            )
    for line in result.context:
        console.print(f"  {line}", markup=False, soft_wrap=True)
    for quote in found.quotes:
        who = quote.speaker or "speaker unknown"
        if quote.pronoun:
            who += f" (from “{quote.pronoun}”)"
        short = quote.text if len(quote.text) <= 90 else quote.text[:87] + "…"
        console.print(
            f"  quote [{quote.start}, {quote.end}] {who}: “{short}”", markup=False, soft_wrap=True
        )


def _result_json(result: NewsResult) -> dict[str, object]:
    added = result.added
    return {
        "file": result.label,
        "error": result.error or None,
        "article": added.article.id if added else None,
        "new": added.new if added else None,
        "proposals": [
            {"id": p.id, "person_id": p.person_id, "summary": p.summary} for p in result.proposals
        ],
        "context": list(result.context),
    }


@app.command("add")
def add_command(
    files: list[Path] = typer.Argument(
        ..., help="Articles: text, HTML or e-mail (.eml); - for stdin."
    ),
    published: str | None = typer.Option(
        None, "--published", help="Publication date YYYY-MM-DD (default: from the page)."
    ),
    url: str = typer.Option("", "--url", help="Where the article was published."),
    fmt: AddFormat = typer.Option(AddFormat.TEXT, "--format", help="text or json."),
) -> None:
    """Store articles once each, extract persons, events and quotes, queue proposals."""
    day = day_option(published, "--published")
    results: list[NewsResult] = []
    with Progress(console=err_console, transient=True) as progress:
        task = progress.add_task("Reading articles", total=len(files))
        for result in add_files(_context(), files, published=day, url=url):
            results.append(result)
            progress.advance(task)
    if fmt is AddFormat.JSON:
        sys.stdout.write(json.dumps([_result_json(r) for r in results], indent=2) + "\n")
    else:
        for result in results:
            _print_result(result)
        console.print("Review them with: habeas review list", markup=False, soft_wrap=True)
    if any(r.error for r in results):
        raise typer.Exit(1)


def _print_feed(result: FeedResult) -> None:
    if result.error:
        err_console.print(f"error: {result.error}", markup=False, highlight=False)
        return
    if result.status == 304:
        console.print(
            f"{result.url}: not modified since the last fetch.", markup=False, soft_wrap=True
        )
        return
    console.print(
        f"{result.url}: {len(result.articles)} new entries.", markup=False, soft_wrap=True
    )
    for article in result.articles:
        _print_result(article)


@app.command("fetch")
def fetch_command(
    feeds: list[str] = typer.Argument(..., help="RSS or Atom feed addresses."),
    delay: float = typer.Option(HOST_DELAY, "--delay", help="Seconds between requests to a host."),
    timeout: float = typer.Option(TIMEOUT, "--timeout", help="Seconds to wait for a server."),
) -> None:
    """Fetch feeds (conditionally) and add every linked article not read before."""
    client = HttpClient(timeout=timeout, host_delay=delay)
    failed = False
    ctx = _context()
    with Progress(console=err_console, transient=True) as progress:
        task = progress.add_task("Fetching feeds", total=len(feeds))
        results = []
        for url in feeds:
            results.append(fetch_feed(ctx, url, client))
            progress.advance(task)
    for result in results:
        _print_feed(result)
        failed = failed or bool(result.error) or any(a.error for a in result.articles)
    if failed:
        raise typer.Exit(1)


_EVERY = re.compile(r"^(\d+)([smhd]?)$")


def _seconds(value: str) -> float:
    match = _EVERY.match(value.strip())
    if not match:
        raise typer.BadParameter(
            f'"{value}" is not a period; write 90s, 30m, 6h or 1d', param_hint="--every"
        )
    return int(match.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[match.group(2)]


@app.command("watch")
def watch_command(
    feeds: list[str] = typer.Argument(
        None, help="Feeds to watch (default: every feed fetched before)."
    ),
    every: str = typer.Option("30m", "--every", help="Period between rounds: 90s, 30m, 6h, 1d."),
    times: int | None = typer.Option(None, "--times", help="Stop after this many rounds."),
    delay: float = typer.Option(HOST_DELAY, "--delay", help="Seconds between requests to a host."),
    timeout: float = typer.Option(TIMEOUT, "--timeout", help="Seconds to wait for a server."),
) -> None:
    """Fetch the feeds again and again on a schedule (Ctrl-C stops)."""
    period = _seconds(every)
    client = HttpClient(timeout=timeout, host_delay=delay)
    if not feeds and not registry().feeds():
        raise InputError("no feeds to watch: give FEED_URL, or fetch one first (habeas news fetch)")
    for result in watch(_context, list(feeds or []), client, every=period, times=times):
        _print_feed(result)


@app.command("list")
def list_command(
    fmt: Format = typer.Option(Format.TABLE, "--format", help="table, csv or json."),
) -> None:
    """List stored articles: id, publication date, title, addresses, what was found."""
    rows = []
    for article in registry().articles():
        found = article.extraction or {}
        rows.append(
            {
                "id": article.id,
                "published": article.published or "",
                "title": article.title,
                "source_id": article.source.id,
                "urls": list(article.urls),
                "events": len(found.get("events", [])),
                "quotes": len(found.get("quotes", [])),
                "added_at": article.added_at.isoformat(timespec="seconds"),
                "model": article.model,
            }
        )
    columns = ["id", "published", "title", "urls", "events", "quotes"]
    if fmt is not Format.TABLE:
        columns += ["source_id", "added_at", "model"]
    write_rows(rows, columns, fmt, title="Articles")


def _table(found: Extraction) -> None:
    from rich.table import Table

    table = Table(title="Events")
    for column in ("type", "person", "date", "charge", "term", "issuer", "flags", "evidence"):
        table.add_column(column, overflow="fold")
    for e in found.events:
        table.add_row(
            e.type,
            e.person or "",
            str(e.date or ""),
            e.charge or "",
            str(e.term_months or ""),
            e.issuer or "",
            ", ".join(e.flags),
            found.text[e.evidence[0] : e.evidence[1]],
        )
    console.print(table)
    for quote in found.quotes:
        console.print(f"“{quote.text}” — {quote.speaker or '?'}", markup=False, soft_wrap=True)


def _index() -> NameIndex | None:
    """The registry's names, when there is a registry (a missing SQLite file is not made)."""
    url = STATE.db_url
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        return None
    return person_index(registry().persons())


@app.command("extract")
def extract_command(
    file: Path = typer.Argument(..., help="An article: text, HTML or e-mail; - for stdin."),
    published: str | None = typer.Option(
        None, "--published", help="Publication date YYYY-MM-DD (relative dates resolve to it)."
    ),
    fmt: ExtractFormat = typer.Option(ExtractFormat.JSON, "--format", help="json or table."),
    detail: bool = typer.Option(
        False, "--detail", help="Add pronoun speakers, date spans, notes and dates to the JSON."
    ),
) -> None:
    """Print what an article says (persons, events with flags, quotations); stores nothing."""
    day = day_option(published, "--published")
    try:
        data = sys.stdin.buffer.read() if str(file) == "-" else file.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror}", file=str(file)) from None
    article = read_article_bytes(data, file.name)
    store = (
        registry()
        if STATE.db_url and Path(STATE.db_url.removeprefix("sqlite:///")).exists()
        else None
    )
    from habeas.matching.decree import person_index

    index = person_index(store.persons()) if store is not None else None
    found = extract(article.text, day or article.published, index)
    if fmt is ExtractFormat.JSON:
        data = found.to_json(detail=detail)
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        _table(found)
