"""Shared fixtures: real SQLite files, a real PostgreSQL cluster, the fixture registry."""

from __future__ import annotations

import itertools
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import pgserver  # noqa: E402

from habeas.storage.engine import dispose_engines  # noqa: E402

_COUNTER = itertools.count()


@pytest.fixture(autouse=True)
def _close_engines() -> Iterator[None]:
    yield
    dispose_engines()


@pytest.fixture(autouse=True)
def _screen_index_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep `habeas screen`'s index files out of the user's cache."""
    monkeypatch.setenv("HABEAS_SCREEN_INDEX", str(tmp_path / "screen-index"))


@pytest.fixture(autouse=True)
def _secret_key_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the key that seals second-factor secrets out of the user's configuration."""
    monkeypatch.setenv("HABEAS_SECRET_KEY_FILE", str(tmp_path / "secret.key"))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """URL of a running PostgreSQL: HABEAS_TEST_PG_URL (set by .ci/run) or one started here."""
    given = os.environ.get("HABEAS_TEST_PG_URL")
    if given:
        yield given
        return
    folder = Path(tempfile.mkdtemp(prefix="habeas-pg-"))
    try:
        url = pgserver.start(folder)
    except Exception as exc:  # pragma: no cover - depends on the machine
        shutil.rmtree(folder, ignore_errors=True)
        pytest.fail(f"could not start PostgreSQL for the tests: {exc}")
    try:
        yield url
    finally:
        pgserver.stop(folder)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test."""
    import psycopg

    base = pg_server.replace("postgresql+psycopg://", "postgresql://")
    admin_url = base.rsplit("/", 1)[0] + "/postgres"
    name = f"habeas_t{os.getpid()}_{next(_COUNTER)}"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield pg_server.rsplit("/", 1)[0] + "/" + name
    dispose_engines()
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A new SQLite file for one test."""
    return f"sqlite:///{tmp_path / 'habeas.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each storage test runs on a real SQLite file and on a real PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'habeas.db'}"
    return str(request.getfixturevalue("pg_url"))
