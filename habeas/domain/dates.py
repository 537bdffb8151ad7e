"""Partial dates (year, month or day precision) and the anchoring rule used for counting."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


class Precision(StrEnum):
    """How much of a date is known."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A date known to the day, the month or only the year.

    Counting rule (docs/counting.md): a partial date is *anchored* at the first day of
    its period, so "2015" counts from 2015-01-01 and "2015-06" from 2015-06-01. The
    precision travels with the date so every output can say when a count rests on it.
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year {self.year} is out of range")
        if self.month is None and self.day is not None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} does not exist")
        if self.day is not None and self.month is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise ValueError(
                    f"{self.year:04d}-{self.month:02d}-{self.day:02d} does not exist "
                    f"({calendar.month_name[self.month]} {self.year} has {last} days)"
                )

    @property
    def precision(self) -> Precision:
        """Day, month or year."""
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    def earliest(self) -> date:
        """First day the date may stand for (its anchor for counting)."""
        return date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> date:
        """Last day the date may stand for."""
        if self.day is not None and self.month is not None:
            return date(self.year, self.month, self.day)
        if self.month is not None:
            return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return date(self.year, 12, 31)

    def anchor(self) -> date:
        """The day used when counting and ordering (the earliest)."""
        return self.earliest()

    def isoformat(self) -> str:
        """YYYY, YYYY-MM or YYYY-MM-DD."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def __str__(self) -> str:
        return self.isoformat()

    @classmethod
    def of(cls, value: date) -> PartialDate:
        """A day-precision partial date from a calendar date."""
        return cls(value.year, value.month, value.day)


@lru_cache(maxsize=32768)
def parse_partial_date(text: str) -> PartialDate:
    """Parse YYYY, YYYY-MM or YYYY-MM-DD; raise ValueError naming the problem."""
    match = _PATTERN.match(text.strip())
    if not match:
        raise ValueError(f'"{text}" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD')
    year, month, day = match.groups()
    return PartialDate(int(year), int(month) if month else None, int(day) if day else None)


def parse_day(text: str) -> date:
    """Parse a full YYYY-MM-DD date; raise ValueError naming the problem."""
    partial = parse_partial_date(text)
    if partial.precision is not Precision.DAY:
        raise ValueError(f'"{text}" is not a full date; write YYYY-MM-DD')
    return partial.earliest()


def add_months(start: date, months: int) -> date:
    """`start` plus a number of months, clamped to the month's last day."""
    total = start.month - 1 + months
    year, month = start.year + total // 12, total % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def months_between(start: date, end: date) -> float:
    """Length of [start, end) in months, counting a month as 30.4375 days."""
    return (end - start).days / 30.4375


def month_starts(start: date, end: date, every: int = 1) -> list[date]:
    """Dates from `start` to `end` inclusive, stepping `every` months."""
    points: list[date] = []
    current = start
    step = 0
    while current <= end:
        points.append(current)
        step += every
        current = add_months(start, step)
    return points


def day_steps(start: date, end: date, every_days: int) -> list[date]:
    """Dates from `start` to `end` inclusive, stepping `every_days` days."""
    points: list[date] = []
    current = start
    while current <= end:
        points.append(current)
        current += timedelta(days=every_days)
    return points
