"""Statistics pages: each chart is a table of numbers, drawn as SVG and offered as CSV."""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from datetime import date

from habeas.domain.dates import month_starts
from habeas.domain.event import EventKind, SentenceKind
from habeas.domain.visibility import Visibility
from habeas.jobs.report import timeline
from habeas.storage.sql import SqlRegistry
from habeas.web.charts import bar_chart, column_chart, line_chart
from habeas.web.view import ListCache, ListView, hidden, visible_events

CHARTS = ("over-time", "flows", "sentences", "occupations", "charges")
TERM_BUCKETS = (
    ("< 1y", 0, 12),
    ("1–2y", 12, 24),
    ("2–4y", 24, 48),
    ("4–6y", 48, 72),
    ("6–8y", 72, 96),
    ("8–10y", 96, 120),
    ("10y+", 120, 10**6),
)


@dataclass(frozen=True, slots=True)
class Chart:
    """One chart: its numbers (header + rows) and its SVG drawing."""

    name: str
    title: str
    header: tuple[str, ...]
    rows: list[tuple[object, ...]]
    svg: str
    note: str = ""

    def csv(self) -> str:
        """The numbers as CSV text."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(self.header)
        writer.writerows(self.rows)
        return out.getvalue()


def _first_month(day: date) -> date:
    return date(day.year, day.month, 1)


def over_time(registry: SqlRegistry, today: date) -> Chart:
    """Political prisoners on the first of each month, with published lists and decrees."""
    spells = registry.political_spells()
    starts = [s.start for s in spells]
    first = _first_month(min(starts)) if starts else _first_month(today)
    points = month_starts(first, today) or [today]
    counts = timeline(registry, points)
    markers = [(p.as_of, f"Published list {p.number}: {p.title}") for p in registry.publications()]
    markers += [
        (d.date, f"{d.kind.value.title()} decree {d.number or d.id}") for d in registry.decrees()
    ]
    title = "Political prisoners over time"
    return Chart(
        "over-time",
        title,
        ("date", "count"),
        [(d.isoformat(), n) for d, n in counts],
        line_chart("over-time", title, counts, markers),
        "Counted on the first day of each month. Dashed lines: decrees and published lists.",
    )


@dataclass(frozen=True, slots=True)
class Tallies:
    """Counts over every visible event, read once for the charts that need them."""

    arrests: Counter[str]
    releases: Counter[str]
    terms: Counter[str]


def tallies(registry: SqlRegistry, reader: Visibility) -> Tallies:
    """Arrests and releases per month and prison terms by length, from visible events
    of persons the reader may see."""
    people = {p.id: p for p in registry.persons()}
    arrests: Counter[str] = Counter()
    releases: Counter[str] = Counter()
    terms: Counter[str] = Counter()
    for person_id, events in registry.events_by_person().items():
        person = people.get(person_id)
        if person is None or hidden(person, reader):
            continue
        for event in visible_events(events, reader):
            month = event.date.anchor().strftime("%Y-%m")
            if event.kind in (EventKind.ARREST, EventKind.DETENTION):
                arrests[month] += 1
            elif event.ends_custody:
                releases[month] += 1
            elif event.kind is EventKind.SENTENCE:
                if event.sentence_kind is SentenceKind.LIFE:
                    terms["life"] += 1
                elif event.sentence_kind is SentenceKind.PRISON and event.term_months:
                    for label, lo, hi in TERM_BUCKETS:
                        if lo <= event.term_months < hi:
                            terms[label] += 1
    return Tallies(arrests, releases, terms)


def flows(counts: Tallies) -> Chart:
    """Arrests (custody starts) and releases (custody ends) per month."""
    arrests, releases = counts.arrests, counts.releases
    months = sorted(set(arrests) | set(releases))
    if months:
        first = date.fromisoformat(months[0] + "-01")
        last = date.fromisoformat(months[-1] + "-01")
        months = [d.strftime("%Y-%m") for d in month_starts(first, max(last, first))]
    rows: list[tuple[object, ...]] = [(m, arrests[m], releases[m]) for m in months]
    labels = [m[:4] if m.endswith("-01") else "" for m in months]
    title = "Arrests and releases per month"
    svg = column_chart(
        "flows",
        title,
        labels,
        [
            ("arrests", "#b91c1c", [arrests[m] for m in months]),
            ("releases", "#15803d", [releases[m] for m in months]),
        ],
    )
    return Chart(
        "flows", title, ("month", "arrests", "releases"), rows, svg, "Arrests include detentions."
    )


def sentences(counts: Tallies) -> Chart:
    """Prison terms handed down, by length."""
    labels = [label for label, _, _ in TERM_BUCKETS] + ["life"]
    title = "Prison sentences by length"
    svg = column_chart(
        "sentences", title, labels, [("sentences", "#1d4ed8", [counts.terms[x] for x in labels])]
    )
    return Chart(
        "sentences", title, ("term", "sentences"), [(x, counts.terms[x]) for x in labels], svg
    )


def breakdown(view: ListView, by: str) -> Chart:
    """Political prisoners on the list's date by occupation or by charge."""
    as_of = view.as_of
    counts: Counter[str] = Counter()
    for row in view.rows:
        values = row.occupations if by == "occupations" else row.charges
        for value in values or ("(not recorded)",):
            counts[value] += 1
    ranked = counts.most_common(12)
    title = f"Political prisoners on {as_of} by {'occupation' if by == 'occupations' else 'charge'}"
    note = "A person with several charges counts under each." if by == "charges" else ""
    if view.withheld:
        note += f" {view.withheld} person(s) not named publicly are left out."
    return Chart(
        by,
        title,
        ("occupation" if by == "occupations" else "charge", "persons"),
        [(k, n) for k, n in counts.most_common()],
        bar_chart(by, title, ranked),
        note.strip(),
    )


class ChartCache:
    """Charts drawn once per registry state (they share the lists' cache)."""

    def __init__(self, lists: ListCache) -> None:
        self.lists = lists
        self._memo = lists.get

    def chart(
        self, registry: SqlRegistry, name: str, reader: Visibility, as_of: date, today: date
    ) -> Chart:
        """One chart by name (see CHARTS), drawn once per registry state."""
        seq = registry.last_audit_seq()
        if name == "over-time":
            return self._memo(("chart", name, today, seq), lambda: over_time(registry, today))
        if name in ("flows", "sentences"):
            counts = self._memo(("tallies", reader, seq), lambda: tallies(registry, reader))
            draw = flows if name == "flows" else sentences
            return self._memo(("chart", name, reader, seq), lambda: draw(counts))
        view = self.lists.list(registry, as_of, reader)
        return self._memo(("chart", name, as_of, reader, seq), lambda: breakdown(view, name))
