"""articles, their addresses, feeds; proposals may name no person yet

Revision ID: 20261129_news
Revises: 20261129_accountability
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "20261129_news"
down_revision = "20261129_accountability"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("content_hash", sa.String(length=80), nullable=False),
        sa.Column("story_hash", sa.String(length=80), nullable=False),
        sa.Column("source_id", sa.String(length=64), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("published", sa.String(length=10), nullable=True),
        sa.Column("format", sa.String(length=16), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("extracted_at", sa.DateTime(), nullable=True),
        sa.Column("extraction", sa.Text(), nullable=True),
        sa.Column("model", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_articles_source_id_sources")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("content_hash", name=op.f("uq_articles_content_hash")),
    )
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_articles_source_id"), ["source_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_articles_story_hash"), ["story_hash"], unique=False)
    op.create_table(
        "article_urls",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("first_seen", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_article_urls_article_id_articles")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_urls")),
        sa.UniqueConstraint("article_id", "url", name="uq_article_urls_article_id_url"),
    )
    with op.batch_alter_table("article_urls", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_article_urls_article_id"), ["article_id"], unique=False
        )
    op.create_table(
        "feeds",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("etag", sa.Text(), nullable=False),
        sa.Column("last_modified", sa.Text(), nullable=False),
        sa.Column("checked_at", sa.DateTime(), nullable=True),
        sa.Column("status", sa.Integer(), nullable=True),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("entries_seen", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feeds")),
    )
    # A proposal about a new candidate names no registry person until it is accepted.
    with op.batch_alter_table("proposals", schema=None) as batch_op:
        batch_op.alter_column("person_id", existing_type=sa.String(length=64), nullable=True)


def downgrade() -> None:
    # Proposals about new candidates (pending, or rejected: "never propose again") have no
    # place in the older schema; refuse rather than lose them.
    waiting = (
        op.get_bind()
        .execute(sa.text("SELECT COUNT(*) FROM proposals WHERE person_id IS NULL"))
        .scalar_one()
    )
    if waiting:
        raise RuntimeError(
            f"cannot go back before 20261129_news: {waiting} proposals name new candidates "
            "that the older schema cannot hold; export them (habeas review list --format "
            "json) and delete them first, or stay on this version"
        )
    with op.batch_alter_table("proposals", schema=None) as batch_op:
        batch_op.alter_column("person_id", existing_type=sa.String(length=64), nullable=False)
    op.drop_table("feeds")
    with op.batch_alter_table("article_urls", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_article_urls_article_id"))
    op.drop_table("article_urls")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_articles_story_hash"))
        batch_op.drop_index(batch_op.f("ix_articles_source_id"))
    op.drop_table("articles")
