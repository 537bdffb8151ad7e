"""The database schema (SQLAlchemy Core); Alembic revisions create and change it."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

persons = Table(
    "persons",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("role", String(16), nullable=False),
    Column("display_name", Text, nullable=False),
    Column("birth", String(10)),
    Column("gender", String(16), nullable=False),
    Column("country", Text, nullable=False, default=""),
    Column("occupations", JSON, nullable=False),
    Column("affiliations", JSON, nullable=False),
    Column("biography", Text, nullable=False, default=""),
    Column("notes", JSON, nullable=False),
    Column("visibility", JSON, nullable=False),
    Column("risk", Boolean, nullable=False, default=False),
)

person_names = Table(
    "person_names",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("person_id", String(64), ForeignKey("persons.id"), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("value", Text, nullable=False),
    Column("script", String(8), nullable=False),
    Column("language", String(16), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("source_id", String(64)),
    Column("folded", Text, nullable=False, index=True),
    Column("phonetic", Text, nullable=False),
)

sources = Table(
    "sources",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("title", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("publisher", Text, nullable=False),
    Column("published", String(10)),
    Column("urls", JSON, nullable=False),
    Column("text", Text, nullable=False),
    Column("content_hash", String(80), nullable=False),
    Column("retrieved_at", DateTime),
)

cases = Table(
    "cases",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("title", Text, nullable=False),
    Column("court", Text, nullable=False),
    Column("visibility", String(16), nullable=False),
    Column("defendants", JSON, nullable=False),
    Column("charges", JSON, nullable=False),
    Column("officials", JSON, nullable=False),
)

case_parties = Table(
    "case_parties",
    metadata,
    Column("case_id", String(64), ForeignKey("cases.id"), primary_key=True),
    Column("person_id", String(64), ForeignKey("persons.id"), primary_key=True),
    Column("role", String(16), primary_key=True),
    Index("ix_case_parties_person", "person_id"),
)

events = Table(
    "events",
    metadata,
    Column("row_id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(64), nullable=False),
    Column("version", Integer, nullable=False),
    Column("person_id", String(64), ForeignKey("persons.id"), nullable=False),
    Column("case_id", String(64), ForeignKey("cases.id")),
    Column("kind", String(24), nullable=False),
    Column("date", String(10), nullable=False),
    Column("anchor", Date, nullable=False),
    Column("fact", Text, nullable=False),  # canonical JSON text, hashed as stored
    Column("fact_hash", String(32), nullable=False),
    Column("recorded_at", DateTime, nullable=False),
    Column("recorded_by", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("retracted", Boolean, nullable=False),
    UniqueConstraint("event_id", "version", name="uq_events_event_id_version"),
    Index("ix_events_person", "person_id", "anchor"),
    Index("ix_events_recorded_at", "recorded_at"),
)

citations = Table(
    "citations",
    metadata,
    Column("event_id", String(64), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("source_id", String(64), ForeignKey("sources.id"), nullable=False, index=True),
    Column("quote", Text, nullable=False),
    Column("start", Integer),
    Column("end", Integer),
)

spells = Table(
    "spells",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("person_id", String(64), ForeignKey("persons.id"), nullable=False, index=True),
    Column("kind", String(16), nullable=False),
    Column("organisation", Text, nullable=False),
    Column("start", Date, nullable=False),
    Column("end", Date),
    Column("start_event", String(64), nullable=False),
    Column("end_event", String(64), nullable=False),
    Index("ix_spells_kind_start", "kind", "start", "end", "person_id", "organisation"),
)

audit = Table(
    "audit",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("at", DateTime, nullable=False),
    Column("actor", Text, nullable=False),
    Column("action", String(32), nullable=False),
    Column("entity", String(32), nullable=False),
    Column("entity_id", String(64), nullable=False),
    Column("reason", Text, nullable=False),
    Column("before", Text),  # canonical JSON text, hashed as stored
    Column("after", Text),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    Index("ix_audit_entity", "entity", "entity_id"),
)

publications = Table(
    "publications",
    metadata,
    Column("number", Integer, primary_key=True, autoincrement=False),
    Column("title", Text, nullable=False),
    Column("as_of", Date, nullable=False),
    Column("known_at", DateTime, nullable=False),
    Column("by_org", Text),
    Column("published_at", DateTime, nullable=False),
    Column("published_by", Text, nullable=False),
    Column("content_hash", String(80), nullable=False),
)

publication_members = Table(
    "publication_members",
    metadata,
    Column("number", Integer, ForeignKey("publications.number"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("person_id", String(64), nullable=False),
    Column("name", Text, nullable=False),
    Column("since", Date, nullable=False),
    Column("organisations", JSON, nullable=False),
)

decrees = Table(
    "decrees",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("issuer", Text, nullable=False),
    Column("date", Date, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("number", Text, nullable=False),
    Column("language", String(8), nullable=False),
    Column("source_id", String(64), ForeignKey("sources.id"), nullable=False),
    Column("skipped_lines", JSON, nullable=False),
)

decree_entries = Table(
    "decree_entries",
    metadata,
    Column("decree_id", String(64), ForeignKey("decrees.id"), primary_key=True),
    Column("line", Integer, primary_key=True),
    Column("raw", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("birth_year", Integer),
    Column("gender", String(16)),
    Column("measure", String(16)),
    Column("term_months", Integer),
    Column("section", Text, nullable=False),
)

proposals = Table(
    "proposals",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("kind", String(16), nullable=False),
    # NULL while the proposal is about a person not yet in the registry (a new candidate
    # found in an article): the person to create travels in the payload.
    Column("person_id", String(64), ForeignKey("persons.id"), nullable=True, index=True),
    Column("summary", Text, nullable=False),
    Column("payload", Text, nullable=False),  # canonical JSON: events, names, evidence
    Column("score", Float),
    Column("decision", String(16), nullable=False),
    Column("explanation", Text, nullable=False),
    Column("origin", Text, nullable=False),
    Column("match_key", String(32), nullable=False, index=True),
    Column("status", String(16), nullable=False, index=True),
    Column("created_at", DateTime, nullable=False),
    Column("reviewed_at", DateTime),
    Column("reviewed_by", Text, nullable=False),
    Column("review_reason", Text, nullable=False),
)

positions = Table(
    "positions",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("person_id", String(64), ForeignKey("persons.id"), nullable=False, index=True),
    Column("title", Text, nullable=False),
    Column("organisation", Text, nullable=False),
    Column("country", Text, nullable=False),
    Column("start", String(10)),
    Column("end", String(10)),
    Column("citations", Text, nullable=False),  # canonical JSON list of citations
    Column("visibility", String(16), nullable=False),
)

screenings = Table(
    "screenings",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("against", Text, nullable=False),
    Column("file_hash", String(80), nullable=False),
    Column("screened", Integer, nullable=False),
    Column("hits", Text, nullable=False),  # canonical JSON list of hits
    Column("at", DateTime, nullable=False),
    Column("actor", Text, nullable=False),
)

# ---------------------------------------------------------------- news (issue 4)

articles = Table(
    "articles",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("content_hash", String(80), nullable=False, unique=True),
    # hash of the words alone (case, spacing, punctuation and quote styles ignored): a copy
    # of the story on another site with other typography is the same article
    Column("story_hash", String(80), nullable=False, index=True),
    Column("source_id", String(64), ForeignKey("sources.id"), nullable=False, index=True),
    Column("title", Text, nullable=False),
    Column("published", String(10)),
    Column("format", String(16), nullable=False),
    Column("language", String(16), nullable=False),
    Column("added_at", DateTime, nullable=False),
    Column("extracted_at", DateTime),
    Column("extraction", Text),  # canonical JSON of what was found (see docs/news.md)
    Column("model", Text, nullable=False),  # the pipeline that read it, with its version
)

article_urls = Table(
    "article_urls",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(64), ForeignKey("articles.id"), nullable=False, index=True),
    Column("url", Text, nullable=False),
    Column("first_seen", DateTime, nullable=False),
    UniqueConstraint("article_id", "url", name="uq_article_urls_article_id_url"),
)

feeds = Table(
    "feeds",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("url", Text, nullable=False),
    Column("etag", Text, nullable=False),
    Column("last_modified", Text, nullable=False),
    Column("checked_at", DateTime),
    Column("status", Integer),
    Column("error", Text, nullable=False),
    Column("entries_seen", JSON, nullable=False),  # entry links already fetched
)

# ---------------------------------------------------------------- web accounts (issue 5)

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(64), nullable=False, unique=True),
    Column("role", String(16), nullable=False),
    Column("password_hash", Text, nullable=False),  # argon2id, never the password
    Column("totp_secret", Text),  # sealed base32 (fernet:...); NULL when no second factor
    Column("totp_last_step", BigInteger),  # the last time step accepted: a code works once
    Column("created_at", DateTime, nullable=False),
    Column("disabled", Boolean, nullable=False, default=False),
)

web_sessions = Table(
    "web_sessions",
    metadata,
    Column("id", String(64), primary_key=True),  # sha256 of the cookie value
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False, index=True),
    Column("csrf", String(64), nullable=False),
    Column("verified", Boolean, nullable=False),  # False until the TOTP step passes
    Column("created_at", DateTime, nullable=False),
    Column("expires_at", DateTime, nullable=False),
    Column("last_seen_at", DateTime),  # an idle session ends (SESSION_IDLE); null: created_at
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", String(64), primary_key=True),  # sha256 of the token
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False, index=True),
    Column("label", Text, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("last_used_at", DateTime),
    Column("revoked", Boolean, nullable=False),
)

login_failures = Table(
    "login_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(200), nullable=False),  # "user:NAME" or "ip:ADDRESS"
    Column("at", DateTime, nullable=False),
    Index("ix_login_failures_key_at", "key", "at"),
)
