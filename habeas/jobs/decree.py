"""Decrees: import one (store, match, propose) and check what it did to the list."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from habeas.domain.dates import PartialDate
from habeas.domain.decree import Decree, DecreeEntry, DecreeKind, outcome_word
from habeas.domain.event import Event, EventKind, Measure, ReleaseReason
from habeas.domain.person import NameKind, PersonName
from habeas.domain.proposal import Proposal, ProposalKind, match_key
from habeas.domain.source import Citation, Source, SourceKind, content_hash
from habeas.exceptions import InputError
from habeas.ingest.decrees import DecreeText, ParsedDecree, parse_decree, read_decree_text
from habeas.ingest.imports.spreadsheet import name_script
from habeas.matching.decree import EntryMatch, match_entries, person_index
from habeas.names.compare import Decision
from habeas.storage.registry import ListEntry
from habeas.storage.sql import SqlRegistry


@dataclass(frozen=True, slots=True)
class ImportedDecree:
    """What `decree import` did."""

    decree: Decree
    new: bool
    entries: int
    skipped: list[tuple[int, str, str]]
    duplicates: list[tuple[int, int, str]]
    proposals: int


def decree_id(when: date, kind: DecreeKind, text_hash: str) -> str:
    """A stable id from the date, kind and content: the same file gives the same decree."""
    return f"{kind.value}-{when.isoformat()}-{text_hash.removeprefix('sha256:')[:8]}"


def stored_entries(parsed: ParsedDecree) -> tuple[DecreeEntry, ...]:
    """The parser's entries as the domain stores them."""
    return tuple(
        DecreeEntry(
            line=e.line,
            raw=e.raw,
            name=e.name,
            birth_year=e.birth_year,
            gender=e.gender,
            measure=e.measure,
            term_months=e.term_months,
            section=e.section.text if e.section else "",
        )
        for e in parsed.entries
    )


def import_decree(
    registry: SqlRegistry,
    path: Path,
    *,
    when: date,
    issuer: str,
    kind: DecreeKind,
    number: str = "",
    ocr: bool = False,
    actor: str,
    at: datetime,
) -> ImportedDecree:
    """Read and parse a decree file, store it with its text, and queue match proposals."""
    return import_decree_text(
        registry,
        read_decree_text(path, ocr=ocr),
        label=path.name,
        when=when,
        issuer=issuer,
        kind=kind,
        number=number,
        actor=actor,
        at=at,
    )


def import_decree_text(
    registry: SqlRegistry,
    text: DecreeText,
    *,
    label: str,
    when: date,
    issuer: str,
    kind: DecreeKind,
    number: str = "",
    actor: str,
    at: datetime,
    source: Source | None = None,
) -> ImportedDecree:
    """Store a decree's text and entries, and queue a proposal for each likely match.

    `source` names a stored source that already holds this text (else one is made)."""
    parsed = parse_decree(text)
    if not parsed.entries:
        raise InputError(
            "no decree entries found (name lines such as "
            '"12. Əliyev Elçin Məmməd oğlu, 1975-ci il təvəllüdlü")',
            file=label,
        )
    body = "\n".join(line.text for line in text.lines)
    digest = content_hash(body)
    ident = decree_id(when, kind, digest)
    source = source or Source(
        id=f"s-{ident}",
        title=" ".join(
            f"{kind.value.title()} decree {number} of {when.isoformat()} ({issuer})".split()
        ),
        kind=SourceKind.DECREE,
        publisher=issuer,
        published=PartialDate.of(when),
        text=body,
        content_hash=digest,
    )
    decree = Decree(
        id=ident,
        issuer=issuer,
        date=when,
        kind=kind,
        source_id=source.id,
        number=number,
        language=parsed.language,
        entries=stored_entries(parsed),
        skipped_lines=tuple(s.line for s in parsed.skipped),
    )
    new = registry.add_decree(decree, source, actor=actor, at=at)
    stored = registry.get_decree(ident)
    index = person_index(registry.persons())
    matches = match_entries(list(stored.entries), index)
    proposals = [decree_proposal(stored, source, m) for m in matches]
    recorded = registry.events_by_person(sorted({p.person_id for p in proposals}))
    proposals = [
        p for p in proposals if not already_recorded(p.events[0], recorded.get(p.person_id, []))
    ]
    queued = registry.add_proposals(proposals, actor=actor, at=at)
    return ImportedDecree(
        decree=stored,
        new=new,
        entries=len(parsed.entries),
        skipped=[(s.line, s.text, s.why) for s in parsed.skipped],
        duplicates=[(d.line, d.first_line, d.name) for d in parsed.duplicates],
        proposals=queued,
    )


def already_recorded(proposed: Event, events: list[Event]) -> bool:
    """True when the registry already holds the fact a decree proposal would add."""
    return any(
        e.kind is proposed.kind
        and e.date == proposed.date
        and e.release_reason == proposed.release_reason
        and e.measure == proposed.measure
        for e in events
    )


def _line_span(text: str, line: int, count: int = 1) -> tuple[int, int]:
    """Character offsets of `count` lines of a text from the 1-based `line`."""
    start = 0
    for _ in range(line - 1):
        found = text.find("\n", start)
        if found < 0:
            return (start, start)
        start = found + 1
    end = start - 1
    for _ in range(count):
        end = text.find("\n", end + 1)
        if end < 0:
            return (start, len(text))
    return (start, end)


def _quote_span(text: str, raw: str, line: int, rank: int) -> tuple[int, int]:
    """Character offsets of an entry's lines in the decree's text: where its lines stand
    whole, the ``rank``-th time they do (0 for the first entry written so), since an HTML
    decree numbers lines as in its source, not as in the text kept; else by line number."""
    found = text.find(raw)
    while found >= 0:
        end = found + len(raw)
        whole = (found == 0 or text[found - 1] == "\n") and (end == len(text) or text[end] == "\n")
        if whole:
            if rank == 0:
                return found, end
            rank -= 1
        found = text.find(raw, found + 1)
    return _line_span(text, line, 1 + raw.count("\n"))


def decree_events(decree: Decree, entry: DecreeEntry, person_id: str, source: Source) -> Event:
    """The event a decree entry means for a person: a release, or a change of term."""
    rank = sum(1 for other in decree.entries if other.raw == entry.raw and other.line < entry.line)
    start, end = _quote_span(source.text, entry.raw, entry.line, rank)
    citation = Citation(source.id, entry.raw, start, end)
    ident = f"{decree.id}-l{entry.line}-{person_id}"
    ident = "ev-" + hashlib.sha256(ident.encode()).hexdigest()[:16]
    when = PartialDate.of(decree.date)
    measure = entry.measure or Measure.RELEASE
    if measure is Measure.RELEASE:
        reason = ReleaseReason.PARDON if decree.kind is DecreeKind.PARDON else ReleaseReason.AMNESTY
        return Event(
            ident,
            EventKind.RELEASE,
            person_id,
            when,
            release_reason=reason,
            detail=f"decree {decree.number or decree.id}, line {entry.line}",
            citations=(citation,),
        )
    return Event(
        ident,
        decree.kind.event_kind,
        person_id,
        when,
        measure=measure,
        term_months=entry.term_months if measure is Measure.REDUCE else None,
        detail=f"decree {decree.number or decree.id}, line {entry.line}",
        citations=(citation,),
    )


def decree_proposal(decree: Decree, source: Source, found: EntryMatch) -> Proposal:
    """A proposal to record what the decree did to the matched person, with the evidence."""
    entry = found.entry
    event = decree_events(decree, entry, found.person_id, source)
    key = match_key(found.person_id, f"{decree.id}:{entry.line}")
    name = PersonName(
        entry.name, name_script(entry.name), decree.language, NameKind.OFFICIAL, source.id
    )
    return Proposal(
        id=f"pr-{key[:16]}",
        kind=ProposalKind.DECREE_MATCH,
        person_id=found.person_id,
        summary=(
            f"{outcome_word(entry.measure)} by decree {decree.number or decree.id} of "
            f'{decree.date}: line {entry.line} "{" ".join(entry.raw.split())}"'
        ),
        events=(event,),
        names=(name,),
        evidence=event.citations,
        score=round(found.match.score, 3),
        decision=found.match.decision.value,
        explanation=f"registry name {found.registry_name}: {found.match.explanation}",
        origin=f"decree {decree.id} line {entry.line}",
        match_key=key,
    )


@dataclass(frozen=True, slots=True)
class CheckItem:
    """A political prisoner (or a registry person) and the decree entry that may name them."""

    person_id: str
    name: str
    entry_line: int | None
    entry_text: str
    score: float | None
    outcome: str
    explanation: str


@dataclass(frozen=True, slots=True)
class DecreeReport:
    """What a decree did to the list of political prisoners held on its date."""

    decree: Decree
    on: date
    by: str | None
    prisoners_in_custody: int
    included: list[CheckItem] = field(default_factory=list)
    possible: list[CheckItem] = field(default_factory=list)
    not_included: list[CheckItem] = field(default_factory=list)
    others: list[CheckItem] = field(default_factory=list)

    def sentence(self) -> str:
        """The line a monitor would publish."""
        outcomes = Counter(item.outcome for item in self.included)
        detail = ", ".join(f"{n} {word}" for word, n in sorted(outcomes.items()))
        named = len(self.included)
        verb = "is" if named == 1 else "are"
        text = (
            f"{named} of {self.prisoners_in_custody} political prisoners in custody on "
            f"{self.on.isoformat()} {verb} named in this decree"
        )
        text += f" ({detail})" if detail else ""
        if self.possible:
            n = len(self.possible)
            text += (
                f"; {n} possible match{'es' if n != 1 else ''} need{'s' if n == 1 else ''} review"
            )
        return text + "."
        return text


def prisoners_held(registry: SqlRegistry, on: date, by: str | None) -> list[ListEntry]:
    """Political prisoners held on a decree's date before it took effect: those on the list
    the day before or on the day (a release by the decree itself ends custody on the day)."""
    seen: dict[str, ListEntry] = {}
    for day in (on - timedelta(days=1), on):
        for entry in registry.list_on(day, by=by):
            seen.setdefault(entry.person.id, entry)
    return sorted(seen.values(), key=lambda e: (e.person.name.casefold(), e.person.id))


def check_decree(registry: SqlRegistry, ident: str, *, by: str | None = None) -> DecreeReport:
    """Which political prisoners a decree names (with outcome, score and explanation)."""
    decree = registry.get_decree(ident)
    held = prisoners_held(registry, decree.date, by)
    held_ids = {e.person.id for e in held}
    everyone = registry.persons()
    index = person_index(everyone)
    names = {p.id: p.name for p in everyone}
    best: dict[str, EntryMatch] = {}
    others: list[CheckItem] = []
    for found in match_entries(list(decree.entries), index):
        if found.person_id in held_ids:
            held_best = best.get(found.person_id)
            if held_best is None or found.match.score > held_best.match.score:
                best[found.person_id] = found
        elif found.match.decision is not Decision.NO:
            others.append(_item(found, names[found.person_id]))
    report = DecreeReport(decree, decree.date, by, len(held), others=others)
    for entry in held:
        named = best.get(entry.person.id)
        if named is None:
            report.not_included.append(
                CheckItem(entry.person.id, entry.person.name, None, "", None, "not named", "")
            )
        elif named.match.decision is Decision.MATCH:
            report.included.append(_item(named, entry.person.name))
        else:
            report.possible.append(_item(named, entry.person.name))
    return report


def _item(found: EntryMatch, name: str) -> CheckItem:
    return CheckItem(
        person_id=found.person_id,
        name=name,
        entry_line=found.entry.line,
        entry_text=" ".join(found.entry.raw.split()),
        score=round(found.match.score, 3),
        outcome=outcome_word(found.entry.measure),
        explanation=f"registry name {found.registry_name}: {found.match.explanation}",
    )
