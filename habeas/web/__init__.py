"""The web app: public list and person pages, statistics, editor side and JSON API."""

from __future__ import annotations

from habeas.web.app import create_app

__all__ = ["create_app"]
