"""The demo build's state and the steps every part of the story uses to record an event."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from typing import Any

from habeas.domain.case import Case, OfficialRole
from habeas.domain.dates import PartialDate
from habeas.domain.event import EventKind
from habeas.domain.person import Person
from habeas.domain.source import SourceKind
from habeas.jobs.demo.records import Doc, Draft, Prisoner, spell_day
from habeas.jobs.demo.tables import END, OUTLETS, QUOTES


class Demo:
    """Everything built so far for one seed; one random generator drives it all."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.persons: dict[str, Person] = {}
        self.cases: dict[str, Case] = {}
        self.docs: dict[str, Doc] = {}
        self.decree_docs: list[Doc] = []
        self.prisoners: list[Prisoner] = []
        self.used: set[tuple[str, str]] = set()
        self.officials: dict[OfficialRole, list[str]] = {}
        self.courts: dict[str, str] = {}  # judge's person id -> the court they sit on
        self.counters: dict[str, int] = {}
        self.acquittals = 0

    def next_id(self, prefix: str) -> str:
        """The next id with `prefix`: s-0001, s-0002, c-0001..."""
        self.counters[prefix] = self.counters.get(prefix, 0) + 1
        return f"{prefix}-{self.counters[prefix]:04d}"

    def article(self, key: str, day: date, headline: str, body: str, quote: str) -> Doc:
        """The news article filed under `key`, written by a random outlet the first time."""
        doc = self.docs.get(key)
        if doc is None:
            outlet = self.rng.choice(OUTLETS)
            doc = Doc(
                self.next_id("s"),
                f"{headline} (fictional)",
                SourceKind.ARTICLE,
                outlet,
                day,
                [f"{outlet}, Velgrad, {spell_day(day)}.", body, quote, "Fictional demo data."],
            )
            self.docs[key] = doc
        return doc

    def statement(self, org: str, day: date, text: str) -> Doc:
        """A new statement by `org` on `day`."""
        return Doc(
            self.next_id("s"),
            f"{org}: statement of {spell_day(day)}",
            SourceKind.REPORT,
            org,
            day,
            [f"{org}, statement, {spell_day(day)}.", text, "Fictional demo data."],
        )

    def stamp(self, day: date, lo: int = 1, hi: int = 10) -> datetime:
        """When an event of `day` was recorded: `lo` to `hi` days later, in office hours."""
        lag = timedelta(days=self.rng.randint(lo, hi), hours=self.rng.randint(9, 19))
        return datetime(day.year, day.month, day.day) + lag

    def event(
        self, p: Prisoner, kind: EventKind, day: date, doc: Doc, quote: str, **fields: Any
    ) -> Draft | None:
        """Draft an event of `p` citing `quote` in `doc`; None when `day` is after the end."""
        if day > END:
            return None
        if quote not in doc.parts:
            doc.parts.insert(-1, quote)
        number = len(p.drafts) + 1
        values: dict[str, Any] = {"id": f"{p.id}-e{number:02d}", "kind": kind, "person_id": p.id}
        values["date"] = fields.pop("partial", None) or PartialDate.of(day)
        lag = (0, 3) if kind in (EventKind.RECOGNITION, EventKind.DERECOGNITION) else (1, 10)
        draft = Draft({**values, **fields}, doc, quote, self.stamp(day, *lag))
        p.drafts.append(draft)
        return draft

    def news(self, p: Prisoner, kind: EventKind, day: date, text: str, **fields: Any) -> None:
        """Draft an event of `p` reported in the news; one article covers a case's day."""
        key = f"{fields.get('case_id') or p.id}:{kind.value}:{day}"
        doc = self.article(key, day, text.split(".")[0], text, QUOTES[kind.value])
        if p.name.en not in doc.parts[1]:
            doc.parts[1] += f" Among them: {p.name.en}."
        self.event(p, kind, day, doc, QUOTES[kind.value], **fields)
