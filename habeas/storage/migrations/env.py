"""Alembic environment: runs on the connection habeas hands it (or the URL in HABEAS_DB)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from habeas.settings import load_settings
from habeas.storage.engine import normalise_url
from habeas.storage.tables import metadata

config = context.config
connection = config.attributes.get("connection")

if connection is not None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()
else:
    engine = create_engine(normalise_url(load_settings().db_url))
    with engine.begin() as own:
        context.configure(
            connection=own,
            target_metadata=metadata,
            render_as_batch=own.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()
