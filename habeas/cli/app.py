"""The `habeas` command: one Typer app; errors caught in one place."""

from __future__ import annotations

import sys

import typer

from habeas.cli import audit, decree, news, official, publish, review, web
from habeas.cli.common import STATE, err_console
from habeas.cli.demo import demo_command
from habeas.cli.link import link_command
from habeas.cli.official import dossier_command
from habeas.cli.person import search_command, show_command
from habeas.cli.screen import screen_command
from habeas.cli.status import (
    count_command,
    due_command,
    list_command,
    reindex_command,
    timeline_command,
)
from habeas.cli.transfer import export_command, import_command, retract_command
from habeas.exceptions import HabeasError
from habeas.settings import load_settings

app = typer.Typer(
    name="habeas",
    help="habeas: a sourced registry of political prisoners, their cases and events.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def root(
    db: str | None = typer.Option(
        None,
        "--db",
        envvar="HABEAS_DB",
        help="Database URL (default sqlite:///habeas.db here; or postgresql+psycopg://...).",
    ),
    actor: str | None = typer.Option(
        None, "--actor", envvar="HABEAS_ACTOR", help="Who is making changes (for the audit)."
    ),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks on errors."),
) -> None:
    """habeas: a sourced registry of political prisoners, their cases and events."""
    settings = load_settings()
    STATE.db_url = db or settings.db_url
    STATE.actor = actor or settings.actor
    STATE.debug = debug


app.command("count", help="Print how many political prisoners there were on a date.")(count_command)
app.command("list", help="Print who the political prisoners were on a date.")(list_command)
app.command("show", help="Print a person's timeline with sources and sentence arithmetic.")(
    show_command
)
app.command("search", help="Find persons by any spelling of their name.")(search_command)
app.command("timeline", help="Print counts of political prisoners over time.")(timeline_command)
app.command("due", help="List terms ending soon and people held past their term.")(due_command)
app.command("import", help="Import persons.csv, events.csv or native .jsonl, all or nothing.")(
    import_command
)
app.command("retract", help="Withdraw an event (history kept), with a reason.")(retract_command)
app.command("export", help="Export the registry as native JSON Lines or CSV.")(export_command)
app.command("link", help="Pair the rows of two name lists that may denote one person.")(
    link_command
)
app.command("reindex", help="Rebuild derived indexes after upgrading habeas.")(reindex_command)
app.command("demo", help="Build a demo database of a fictional country.")(demo_command)
app.add_typer(audit.app, name="audit", help="Verify and read the hash-chained audit trail.")
app.add_typer(decree.app, name="decree", help="Import decrees and check them against the list.")
app.add_typer(review.app, name="review", help="Review proposals: list, show, accept, reject.")
app.add_typer(news.app, name="news", help="Read news articles and feeds; propose updates.")
app.add_typer(publish.app, name="publish", help="Publish numbered lists; list, show, diff them.")
app.command("serve", help="Serve the web app: public pages, editor side, JSON API.")(
    web.serve_command
)
app.add_typer(web.app, name="user", help="Web accounts: add, list, API tokens, passwords, disable.")
app.add_typer(official.app, name="official", help="Officials behind the cases: records, rankings.")
app.command("dossier", help="Build an official's sanctions dossier (HTML, PDF or JSON).")(
    dossier_command
)
app.command("screen", help="Screen officials or a name list against a sanctions/PEP FtM file.")(
    screen_command
)


def main(argv: list[str] | None = None) -> None:
    """Run the CLI: HabeasError → one line on stderr, exit 1; usage errors exit 2."""
    try:
        app(args=argv, prog_name="habeas")
    except HabeasError as exc:
        if STATE.debug:
            raise
        err_console.print(f"Error: {exc}", markup=False, highlight=False, soft_wrap=True)
        sys.exit(1)
    except KeyboardInterrupt:
        err_console.print("Interrupted; nothing was written by the unfinished step.")
        sys.exit(130)
    except Exception as exc:  # last resort: one line unless --debug
        if STATE.debug:
            raise
        err_console.print(
            f"Unexpected error: {type(exc).__name__}: {exc}. Re-run with --debug for details.",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
        sys.exit(1)
