from alembic.config import Config
from alembic.script import ScriptDirectory

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
