"""Shared request parameters: dates given as YYYY-MM-DD, checked with one clear message."""

from __future__ import annotations

from datetime import date

from habeas.domain.dates import parse_day
from habeas.exceptions import InvalidRecord
from habeas.web.view import today_utc


def day_param(value: str | None, name: str = "as_of") -> date:
    """A YYYY-MM-DD parameter, or today when absent; InvalidRecord (422) when malformed."""
    if value is None or not value.strip():
        return today_utc()
    try:
        return parse_day(value)
    except ValueError as exc:
        raise InvalidRecord(f"{name}: {exc}", {name: str(exc)}) from None
