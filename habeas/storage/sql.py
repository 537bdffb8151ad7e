"""SqlRegistry: the registry on SQLite or PostgreSQL, one code path for both."""

from __future__ import annotations

from habeas.storage.news import ArticleStore
from habeas.storage.publication import PublicationStore
from habeas.storage.review import ReviewStore
from habeas.storage.screening import ScreeningStore
from habeas.storage.users import UserStore


class SqlRegistry(PublicationStore, ReviewStore, ScreeningStore, UserStore, ArticleStore):
    """The registry in a SQL database (SQLite file or PostgreSQL server)."""
