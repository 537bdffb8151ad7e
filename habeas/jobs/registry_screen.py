"""Screening the registry's officials: each hit queued for review, each run stored, changes
since the previous run (new designations, delistings) reported."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from habeas.domain.official import ScreeningRun
from habeas.domain.person import NameKind, Person, PersonName, PersonRole
from habeas.domain.proposal import Proposal, ProposalKind, match_key
from habeas.ingest.imports.spreadsheet import name_script
from habeas.jobs.screen import ScanProgress, ScreenName, ScreenReport, hits_json, screen

ALIAS = NameKind.ALIAS


def official_names(persons: Iterable[Person]) -> Iterator[ScreenName]:
    """Every spelling of every official's name (role official), with birth year and country."""
    for person in persons:
        if person.role is not PersonRole.OFFICIAL:
            continue
        year = person.birth.year if person.birth else None
        for name in person.names:  # "unknown" and "other" are no gender cue (compare)
            yield ScreenName(person.id, name.value, year, person.country, person.gender.value)


@dataclass(frozen=True, slots=True)
class ScreenChanges:
    """What changed since the previous run: hits new now (designated) and gone (delisted)."""

    previous_id: str
    previous_against: str
    designated: tuple[dict[str, Any], ...]
    delisted: tuple[dict[str, Any], ...]

    def as_dict(self) -> dict[str, Any]:
        """The changes as printed under "changes" in JSON."""
        return {
            "previous_run": self.previous_id,
            "previous_against": self.previous_against,
            "designated": list(self.designated),
            "delisted": list(self.delisted),
        }


def screening_changes(previous: ScreeningRun, report: ScreenReport) -> ScreenChanges:
    """Compare a run's hits with a previous run's: new designations and delistings."""
    before = {(h["id"], h["entity_id"]): h for h in json.loads(previous.hits or "[]")}
    now = {(h.id, h.entity_id): h.as_dict() for h in report.hits}
    return ScreenChanges(
        previous.id,
        previous.against,
        tuple(now[key] for key in sorted(now.keys() - before.keys())),
        tuple(before[key] for key in sorted(before.keys() - now.keys())),
    )


def screening_proposals(report: ScreenReport, against: Path) -> list[Proposal]:
    """One SCREENING proposal per hit, keyed so a rejected (official, entity) never returns.

    Accepting one records the listed spelling as an alias of the official; the listing
    itself (programmes, authority, since) stays in the stored screening run.
    """
    proposals: list[Proposal] = []
    for hit in report.hits:
        key = match_key(hit.id, f"ftm-entity:{hit.entity_id}")
        listed = ", ".join(hit.programs or hit.datasets) or "a screening list"
        proposals.append(
            Proposal(
                id=f"screen-{key}",
                kind=ProposalKind.SCREENING,
                person_id=hit.id,
                summary=f"May be {hit.entity_name} ({hit.entity_id}) on {listed}",
                score=hit.score,
                decision=hit.decision,
                explanation=hit.explanation,
                origin=f"{against.name}: entity {hit.entity_id}",
                match_key=key,
                names=(PersonName(hit.entity_name, name_script(hit.entity_name), "", ALIAS),),
            )
        )
    return proposals


class ScreeningRegistry(Protocol):
    """What registry screening needs (SqlRegistry with ScreeningStore)."""

    def persons(self, ids: Any = None) -> list[Person]:
        """Every person."""
        ...

    def add_proposals(self, proposals: list[Proposal], *, actor: str, at: datetime) -> int:
        """Queue proposals."""
        ...

    def save_screening(self, run: ScreeningRun, *, actor: str, at: datetime) -> None:
        """Store a run."""
        ...

    def last_screening(self) -> ScreeningRun | None:
        """The latest run."""
        ...


@dataclass(frozen=True, slots=True)
class RegistryScreen:
    """A screening of the registry's officials: report, proposals queued, changes."""

    report: ScreenReport
    run: ScreeningRun
    queued: int
    changes: ScreenChanges | None


def screen_registry(
    store: ScreeningRegistry,
    against: Path,
    *,
    actor: str,
    at: datetime,
    threshold: float | None = None,
    progress: ScanProgress | None = None,
    workers: int | None = None,
    index_dir: Path | None = None,
    on_build: Callable[[], None] | None = None,
) -> RegistryScreen:
    """Screen every official, queue each hit for review, store the run, report changes."""
    previous = store.last_screening()
    report = screen(
        official_names(store.persons()),
        against,
        threshold=threshold,
        progress=progress,
        workers=workers,
        index_dir=index_dir,
        on_build=on_build,
    )
    run_key = f"{against.name}\x1f{report.file_hash}\x1f{at.isoformat()}"
    run = ScreeningRun(
        id=f"screening-{hashlib.sha256(run_key.encode()).hexdigest()[:16]}",
        against=against.name,
        file_hash=report.file_hash,
        screened=report.screened,
        hits=hits_json(report.hits),
    )
    queued = store.add_proposals(screening_proposals(report, against), actor=actor, at=at)
    store.save_screening(run, actor=actor, at=at)
    changes = screening_changes(previous, report) if previous is not None else None
    return RegistryScreen(report, run, queued, changes)
