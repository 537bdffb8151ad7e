"""What a reader may see: the one redaction step every page and API response goes through.

The public reads `public` fields only and never sees a person flagged at risk; a viewer
reads `internal` fields too; editors and admins read `restricted` ones.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TypeVar, cast

from habeas.domain.case import Case
from habeas.domain.event import Event, EventKind, SentenceKind
from habeas.domain.person import Person
from habeas.domain.publication import ListChange
from habeas.domain.sentence import SentenceStatus, sentence_status
from habeas.domain.source import Citation, Source, SourceKind
from habeas.domain.status import Status, status_on
from habeas.domain.visibility import Visibility, visible_to
from habeas.exceptions import NotFound
from habeas.jobs.official import describe_event, redact_person
from habeas.jobs.report import person_file
from habeas.storage.sql import SqlRegistry

T = TypeVar("T")
PUBLIC_TEXT_KINDS = frozenset(
    {
        SourceKind.ARTICLE,
        SourceKind.DECREE,
        SourceKind.COURT_DOCUMENT,
        SourceKind.LIST,
        SourceKind.REPORT,
    }
)
"""Source kinds whose archived text is published in full; testimony and other documents
show only the quoted spans, since they may identify witnesses."""


def hidden(person: Person, reader: Visibility) -> bool:
    """True when `reader` may not see the person at all (a risk flag hides from the public)."""
    return person.risk and reader is Visibility.PUBLIC


def withheld_among(registry: SqlRegistry, ids: Iterable[str]) -> set[str]:
    """Which of `ids` the public may not see named (persons flagged at risk)."""
    return {p.id for p in registry.list_persons(sorted(set(ids))) if p.risk}


_EVENT_REF = re.compile(r"\(?event ([^\s)]+)\)?")


def public_explanation(registry: SqlRegistry, change: ListChange) -> str:
    """Why a person entered or left a published list, as the public may read it: events
    that are not public are not named, and a correction says neither who made it nor why
    (staff names and reasons are internal)."""
    text = change.explanation
    public = {
        e.id for e in registry.events_of(change.person_id) if e.visibility is Visibility.PUBLIC
    }
    if text.startswith("correction of event"):
        day = re.search(r"recorded (\d{4}-\d{2}-\d{2})", text)
        return "a correction of the record" + (f" on {day.group(1)}" if day else "")
    named = _EVENT_REF.findall(text)
    if any(ident not in public for ident in named):
        return "see the person's page"
    return text


def visible_person(person: Person, reader: Visibility) -> Person:
    """The person with every field `reader` may not see cleared; NotFound when hidden."""
    if hidden(person, reader):  # the very words of a missing id: no tell-tale difference
        raise NotFound(f'No person with id "{person.id}". Find ids with: habeas search NAME')
    return redact_person(person, reader)


def visible_events(events: Iterable[Event], reader: Visibility) -> list[Event]:
    """Events `reader` may see."""
    return [e for e in events if visible_to(e.visibility, reader)]


def visible_cases(cases: Iterable[Case], reader: Visibility) -> list[Case]:
    """Cases `reader` may see."""
    return [c for c in cases if visible_to(c.visibility, reader)]


@dataclass(frozen=True, slots=True)
class Span:
    """A quoted span shown in its context: text before, the quote, text after."""

    before: str
    quote: str
    after: str


def context_for(source: Source, reader: Visibility) -> int:
    """Characters of context shown around a quote: none for the public from sources whose
    text is not published (testimony may name relatives or places)."""
    return 160 if reader is not Visibility.PUBLIC or source.kind in PUBLIC_TEXT_KINDS else 0


def span_of(source: Source, citation: Citation, context: int = 160) -> Span | None:
    """The cited span with some surrounding text, when the offsets fit the archived text."""
    text = source.text
    start, end = citation.start, citation.end
    if (start is None or end is None) and citation.quote and citation.quote in text:
        start = text.index(citation.quote)
        end = start + len(citation.quote)
    if start is None or end is None or not 0 <= start <= end <= len(text):
        return None
    lo = max(0, start - context)
    hi = min(len(text), end + context)
    return Span(
        ("…" if lo else "") + text[lo:start],
        text[start:end],
        text[end:hi] + ("…" if hi < len(text) else ""),
    )


@dataclass(frozen=True, slots=True)
class FileView:
    """A person's file as one reader may see it."""

    person: Person
    reader: Visibility
    events: list[Event]
    sources: dict[str, Source]
    cases: list[Case]
    officials: dict[str, Person]
    status: Status
    sentence: SentenceStatus | None
    history: list[Event] = field(default_factory=list)

    def describe(self, event: Event) -> str:
        """A short phrase for one event."""
        return describe_event(event)

    def source_number(self, source_id: str) -> int:
        """The footnote number of a source on this page."""
        return list(self.sources).index(source_id) + 1

    def span(self, citation: Citation) -> Span | None:
        """The quoted span of a citation in context."""
        source = self.sources.get(citation.source_id)
        if source is None:
            return None
        return span_of(source, citation, context_for(source, self.reader))


def file_view(
    registry: SqlRegistry,
    person_id: str,
    today: date,
    reader: Visibility,
    *,
    history: bool = False,
) -> FileView:
    """A person's file redacted for `reader`: status and sentence arithmetic are computed
    from the events the reader may see, so a hidden event cannot show through a date."""
    found = person_file(registry, person_id, today)
    person = visible_person(found.person, reader)
    events = visible_events(found.events, reader)
    source_ids = list(dict.fromkeys(c.source_id for e in events for c in e.citations))
    sources = {sid: found.sources[sid] for sid in source_ids if sid in found.sources}
    cases = visible_cases(found.cases, reader)
    official_ids = sorted({o.person_id for c in cases for o in c.officials})
    officials = {p.id: p for p in registry.persons(official_ids) if not hidden(p, reader)}
    versions = _visible_history(registry, person_id, reader) if history else []
    return FileView(
        person=person,
        reader=reader,
        events=events,
        sources=sources,
        cases=cases,
        officials=officials,
        status=status_on(events, today),
        sentence=sentence_status(events, today),
        history=versions,
    )


def _visible_history(registry: SqlRegistry, person_id: str, reader: Visibility) -> list[Event]:
    """Every version of the events whose latest version `reader` may see, each version
    also visible itself: an event restricted later hides its earlier versions too."""
    versions = registry.events_of(person_id, history=True)
    latest: dict[str, Event] = {}
    for event in versions:
        if event.id not in latest or event.version > latest[event.id].version:
            latest[event.id] = event
    shown = {i for i, e in latest.items() if visible_to(e.visibility, reader)}
    return [e for e in visible_events(versions, reader) if e.id in shown]


def source_view(
    registry: SqlRegistry, person_id: str, source_id: str, reader: Visibility
) -> tuple[Person, Source, list[tuple[Event, Citation]]]:
    """A source as cited in a person's file: only when a visible event cites it."""
    person = visible_person(registry.get_person(person_id), reader)
    events = visible_events(registry.events_of(person_id), reader)
    cited = [(e, c) for e in events for c in e.citations if c.source_id == source_id]
    if not cited:
        raise NotFound(f'No source "{source_id}" is cited in the file of "{person_id}".')
    return person, registry.get_source(source_id), cited


# ---------------------------------------------------------------------------------- the list


@dataclass(frozen=True, slots=True)
class ListRow:
    """One political prisoner on the list, with what the filters need."""

    id: str
    name: str
    other_names: tuple[str, ...]
    since: date
    organisations: tuple[str, ...]
    occupations: tuple[str, ...]
    charges: tuple[str, ...]
    sentenced: bool
    term: str

    @property
    def status(self) -> str:
        """ "sentenced" or "awaiting trial"."""
        return "sentenced" if self.sentenced else "awaiting trial"


@dataclass(frozen=True, slots=True)
class ListView:
    """The list on a date as a reader may see it; `withheld` counts persons not named."""

    as_of: date
    count: int
    rows: list[ListRow]
    withheld: int
    facets: dict[str, list[str]] = field(default_factory=dict)


def _term(events: list[Event], since: date, on: date) -> tuple[bool, str]:
    sentences = [
        e for e in events if e.kind is EventKind.SENTENCE and since <= e.date.anchor() <= on
    ]
    if not sentences:
        return False, ""
    last = max(sentences, key=lambda e: e.date.anchor())
    if last.sentence_kind is SentenceKind.LIFE:
        return True, "life"
    months = last.term_months or 0
    years, rest = divmod(months, 12)
    text = (f"{years}y" if years else "") + (f"{rest}m" if rest else "")
    return True, text or (last.sentence_kind.value if last.sentence_kind else "")


def build_list(registry: SqlRegistry, as_of: date, reader: Visibility) -> ListView:
    """Who the political prisoners were on `as_of`, with occupations, charges and status.

    The count is everyone's (the same as `habeas count`); the rows show only what `reader`
    may see: a person whose status rests on events hidden from the reader (an internal
    recognition, a restricted arrest) is re-derived from the visible events alone, and is
    counted but not named when those do not make them a political prisoner that day.
    """
    entries = registry.list_on(as_of)
    ids = [e.person.id for e in entries]
    persons = {p.id: p for p in registry.persons(ids)} if ids else {}
    events = registry.events_by_person(ids, kinds={EventKind.SENTENCE}) if ids else {}
    visible = {e.person.id: e for e in registry.visible_entries(entries, as_of, reader)}
    charges: dict[str, list[str]] = {}
    for case in visible_cases(registry.cases(), reader):
        for defendant in case.defendants:
            for charge in case.charges:
                label = charge.label()
                bucket = charges.setdefault(defendant, [])
                if label not in bucket:
                    bucket.append(label)
    rows: list[ListRow] = []
    withheld = 0
    for entry in entries:
        person = persons.get(entry.person.id)
        if person is None or hidden(person, reader):
            withheld += 1
            continue
        seen = visible.get(person.id)
        if seen is None:  # political only by events the reader may not see
            withheld += 1
            continue
        since, organisations = seen.since, seen.organisations
        shown = redact_person(person, reader)
        mine = visible_events(events.get(person.id, []), reader)
        sentenced, term = _term(mine, since, as_of)
        rows.append(
            ListRow(
                id=person.id,
                name=entry.person.name,
                other_names=entry.person.other_names,
                since=since,
                organisations=organisations,
                occupations=shown.occupations,
                charges=tuple(charges.get(person.id, ())),
                sentenced=sentenced,
                term=term,
            )
        )
    return ListView(as_of, len(entries), rows, withheld, facets(rows))


class Memo:
    """A small LRU of values computed from the registry; keys carry the audit sequence,
    so whatever the registry changes drops out by itself."""

    def __init__(self, size: int = 48) -> None:
        self.size = size
        self._items: OrderedDict[tuple[object, ...], object] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[object, ...], build: Callable[[], T]) -> T:
        """The value stored under `key`, built by `build()` the first time."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return cast(T, self._items[key])
        value = build()
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value


class ListCache(Memo):
    """Lists (and what is made from them) built once per registry state."""

    def list(self, registry: SqlRegistry, as_of: date, reader: Visibility) -> ListView:
        """The list on `as_of` for `reader`."""
        key = ("list", as_of, reader, registry.last_audit_seq())
        return self.get(key, lambda: build_list(registry, as_of, reader))


@dataclass(frozen=True, slots=True)
class Filters:
    """The list filters a reader chose (empty strings mean no filter)."""

    q: str = ""
    occupation: str = ""
    charge: str = ""
    organisation: str = ""
    status: str = ""
    year: str = ""

    def active(self) -> bool:
        """True when any filter is set."""
        return any(
            (self.q, self.occupation, self.charge, self.organisation, self.status, self.year)
        )


def filter_rows(rows: list[ListRow], filters: Filters, matches: set[str] | None) -> list[ListRow]:
    """Rows passing every chosen filter; `matches` are ids found by the name search."""
    out = []
    for row in rows:
        if matches is not None and row.id not in matches:
            continue
        if filters.occupation and filters.occupation not in row.occupations:
            continue
        if filters.charge and filters.charge not in row.charges:
            continue
        if filters.organisation and filters.organisation not in row.organisations:
            continue
        if filters.status and filters.status != row.status:
            continue
        if filters.year and str(row.since.year) != filters.year:
            continue
        out.append(row)
    return out


def facets(rows: list[ListRow]) -> dict[str, list[str]]:
    """The values each filter offers, from the rows on the list."""
    return {
        "occupation": sorted({o for r in rows for o in r.occupations}),
        "charge": sorted({c for r in rows for c in r.charges}, key=_article_key),
        "organisation": sorted({o for r in rows for o in r.organisations}),
        "status": ["awaiting trial", "sentenced"],
        "year": sorted({str(r.since.year) for r in rows}, reverse=True),
    }


def _article_key(label: str) -> tuple[int, str]:
    digits = "".join(ch for ch in label.split("—")[0] if ch.isdigit())
    return (int(digits) if digits else 0, label)


def search_ids(
    registry: SqlRegistry, query: str, reader: Visibility, limit: int = 500
) -> list[Person]:
    """Persons whose any spelling matches `query`, in any script, that `reader` may see."""
    return [p for p in registry.search_persons(query, limit) if not hidden(p, reader)]


def today_utc() -> date:
    """Today's date in UTC (the web layer's clock)."""
    from datetime import UTC

    return datetime.now(UTC).date()
