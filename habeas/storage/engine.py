"""One engine per database URL, and the schema brought up to date with Alembic."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from habeas.exceptions import ConfigError

MIGRATIONS = Path(__file__).parent / "migrations"
SCHEMA_HEAD = "20261130_session_idle"
"""The newest Alembic revision; a test checks it matches the migrations folder."""
_ENGINES: dict[str, Engine] = {}


def normalise_url(url: str) -> str:
    """Accept `postgresql://` and `postgres://` as psycopg 3 URLs; check the driver exists."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ConfigError(
            f'Database URL "{url}" is not valid. Use e.g. sqlite:///habeas.db or '
            "postgresql+psycopg://user@host/dbname"
        ) from exc
    backend = parsed.get_backend_name()
    if backend == "postgresql" and importlib.util.find_spec("psycopg") is None:
        raise ConfigError(
            "HABEAS_DB points to PostgreSQL but psycopg is not installed. Install habeas[postgres]."
        )
    if backend not in ("sqlite", "postgresql"):
        raise ConfigError(
            f'Database "{backend}" is not supported; use SQLite or PostgreSQL ({url}).'
        )
    return url


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def get_engine(url: str) -> Engine:
    """The engine for `url`, created once per process."""
    url = normalise_url(url)
    engine = _ENGINES.get(url)
    if engine is None:
        if url.startswith("sqlite"):
            engine = create_engine(url)
            event.listen(engine, "connect", _sqlite_pragmas)
        else:
            engine = create_engine(url, pool_pre_ping=True)
        _ENGINES[url] = engine
    return engine


def dispose_engines() -> None:
    """Close every pooled connection (tests and shutdown)."""
    for engine in _ENGINES.values():
        engine.dispose()
    _ENGINES.clear()


def current_revision(engine: Engine) -> str | None:
    """The schema revision stamped in the database, or None for a new database."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    return str(row[0]) if row else None


def upgrade(engine: Engine) -> None:
    """Run Alembic migrations up to head on `engine` (no-op, without importing Alembic, when
    the database is current)."""
    current = current_revision(engine)
    if current == SCHEMA_HEAD:
        return
    from alembic import command
    from alembic.config import Config

    if current is None and inspect(engine).has_table("persons"):
        raise ConfigError(
            "The database has habeas tables but no migration record; "
            "it was not created by habeas. Use a new database file."
        )
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
