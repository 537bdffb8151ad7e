from datetime import datetime

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from habeas.storage.engine import MIGRATIONS, SCHEMA_HEAD, current_revision, get_engine, upgrade


def test_schema_head_constant_matches_the_migrations_folder() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_heads() == [SCHEMA_HEAD]


def test_revisions_are_named_by_date_and_slug() -> None:
    for path in (MIGRATIONS / "versions").glob("*.py"):
        stem = path.stem
        assert stem[:8].isdigit() and stem[8] == "_", stem


def test_upgrade_stamps_a_new_database(db_url: str) -> None:
    engine = get_engine(db_url)
    assert current_revision(engine) is None
    upgrade(engine)
    assert current_revision(engine) == SCHEMA_HEAD
    upgrade(engine)  # idempotent


def test_migrations_build_exactly_the_declared_tables(db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from habeas.storage.tables import metadata

    engine = get_engine(db_url)
    upgrade(engine)
    with engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), metadata)
    assert differences == []


def _alembic(engine: Engine, step: str, revision: str) -> None:
    """Run Alembic upgrade or downgrade to a revision on engine, as habeas.storage does."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        getattr(command, step)(config, revision)


def test_every_migration_goes_down_and_up_again(db_url: str) -> None:
    engine = get_engine(db_url)
    upgrade(engine)
    _alembic(engine, "downgrade", "base")
    assert current_revision(engine) is None
    upgrade(engine)
    assert current_revision(engine) == SCHEMA_HEAD


def test_going_back_before_news_keeps_new_candidate_proposals(db_url: str) -> None:
    from sqlalchemy import func, insert, select

    from habeas.storage import tables as t

    engine = get_engine(db_url)
    upgrade(engine)
    row = {
        "id": "pr-new",
        "kind": "news",
        "person_id": None,
        "summary": "a new candidate",
        "payload": "{}",
        "score": 0.9,
        "decision": "match",
        "explanation": "",
        "origin": "article",
        "match_key": "k",
        "status": "rejected",
        "created_at": datetime(2026, 1, 1),
        "reviewed_at": None,
        "reviewed_by": "",
        "review_reason": "not the same person",
    }
    with engine.begin() as conn:
        conn.execute(insert(t.proposals).values(**row))
    with pytest.raises(RuntimeError, match="1 proposals name new candidates"):
        _alembic(engine, "downgrade", "20261129_accountability")
    assert current_revision(engine) == SCHEMA_HEAD
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(t.proposals)).scalar_one() == 1
