"""serve and user: run the web app, and manage its accounts and API tokens."""

from __future__ import annotations

import sys

import typer

from habeas.cli.common import STATE, Format, now, registry, write_rows
from habeas.exceptions import InvalidRecord
from habeas.settings import load_settings
from habeas.storage.sealed import key_file
from habeas.storage.users import Role

app = typer.Typer(no_args_is_help=True)


def serve_command(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    secure_cookies: bool = typer.Option(
        False, "--secure-cookies", help="Mark cookies Secure (set when behind an HTTPS proxy)."
    ),
    proxy: str = typer.Option(
        "",
        "--proxy",
        help="Address of a reverse proxy whose X-Forwarded-For to trust (e.g. 127.0.0.1), "
        "so sign-in throttling counts clients, not the proxy.",
    ),
) -> None:
    """Serve the web app (public pages, editor side, JSON API) until interrupted."""
    import os

    import uvicorn

    url = STATE.db_url or load_settings().db_url
    registry()  # migrate and fail early with a one-line error when the database is wrong
    os.environ["HABEAS_DB"] = url
    if secure_cookies:
        os.environ["HABEAS_SECURE_COOKIES"] = "1"
    typer.echo(f"habeas: serving {url} on http://{host}:{port}/ (Ctrl-C stops)", err=True)
    uvicorn.run(
        "habeas.web.app:app_from_settings",
        factory=True,
        host=host,
        port=port,
        log_level="warning",
        proxy_headers=bool(proxy),
        forwarded_allow_ips=proxy or None,
        access_log=False,
    )


def _password(password_stdin: bool) -> str:
    if password_stdin:
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    first: str = typer.prompt("Password", hide_input=True)
    second: str = typer.prompt("Repeat password", hide_input=True)
    if first != second:
        raise InvalidRecord(
            "The two passwords differ; nothing was created.", {"password": "differ"}
        )
    return first


@app.command("add", help="Create a web account (asks for a password, or reads --password-stdin).")
def add_command(
    name: str = typer.Argument(..., help="User name (no spaces)."),
    role: Role = typer.Option(Role.EDITOR, "--role", help="viewer, editor or admin."),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read the password from the first line of stdin."
    ),
    totp: bool = typer.Option(
        False, "--totp", help="Require a TOTP second factor; prints the secret to enrol once."
    ),
) -> None:
    """Create a web account with an argon2-hashed password."""
    password = _password(password_stdin)
    secret = None
    if totp:
        import pyotp

        secret = pyotp.random_base32()
    user = registry().add_user(
        name, role, password, actor=STATE.actor, at=now(), totp_secret=secret
    )
    typer.echo(f"Created {user.role.value} {user.name}.")
    if secret:
        _show_secret(user.name, secret)


def _show_secret(name: str, secret: str) -> None:
    """Print a new TOTP secret once, its enrolment URI, and where its sealing key is."""
    import pyotp

    uri = pyotp.TOTP(secret).provisioning_uri(name=name, issuer_name="habeas")
    typer.echo(f"TOTP secret (enter it in an authenticator app; shown once): {secret}")
    typer.echo(f"Enrolment URI: {uri}")
    typer.echo(
        f"Stored sealed with the key in {key_file()}: every process that signs users in "
        "needs it (HABEAS_SECRET_KEY_FILE); keep a copy apart from the database's backups."
    )


@app.command("list", help="List web accounts and their roles.")
def list_command(
    fmt: Format = typer.Option(Format.TABLE, "--format", help="table, csv or json."),
) -> None:
    """List web accounts."""
    rows = [
        {
            "name": u.name,
            "role": u.role.value,
            "totp": u.totp,
            "created_at": u.created_at.isoformat(timespec="seconds"),
            "disabled": u.disabled,
        }
        for u in registry().users()
    ]
    write_rows(rows, ["name", "role", "totp", "created_at", "disabled"], fmt, title="Users")


@app.command("token", help="Issue an API bearer token for a user (shown once).")
def token_command(
    name: str = typer.Argument(..., help="User name."),
    label: str = typer.Option("", "--label", help="What the token is for (shown in the audit)."),
) -> None:
    """Issue an API token for a user and print it once; only its hash is stored."""
    token = registry().issue_token(name, label=label, actor=STATE.actor, at=now())
    sys.stdout.write(token + "\n")


@app.command("password", help="Set a new password for a user (their sessions end).")
def password_command(
    name: str = typer.Argument(..., help="User name."),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read the password from the first line of stdin."
    ),
) -> None:
    """Replace a user's password."""
    registry().set_password(name, _password(password_stdin), actor=STATE.actor, at=now())
    typer.echo(f"New password set for {name}; their sessions were signed out, API tokens revoked.")


@app.command("totp", help="Give a user a new second-factor secret (shown once), or --remove.")
def totp_command(
    name: str = typer.Argument(..., help="User name."),
    remove: bool = typer.Option(False, "--remove", help="Sign in with the password alone."),
) -> None:
    """Replace (or remove) a user's TOTP second factor; their sessions end."""
    import pyotp

    secret = None if remove else pyotp.random_base32()
    registry().set_totp_secret(name, secret, actor=STATE.actor, at=now())
    if secret is None:
        typer.echo(f"Removed the second factor of {name}; their sessions were signed out.")
        return
    typer.echo(f"New second factor for {name}; their sessions were signed out.")
    _show_secret(name, secret)


@app.command("disable", help="Disable an account: sessions end, API tokens are revoked.")
def disable_command(
    name: str = typer.Argument(..., help="User name."),
    enable: bool = typer.Option(False, "--enable", help="Enable the account again."),
) -> None:
    """Disable (or enable again) a web account."""
    registry().set_disabled(name, not enable, actor=STATE.actor, at=now())
    typer.echo(f"{'Enabled' if enable else 'Disabled'} {name}.")
