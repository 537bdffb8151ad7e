"""Demo data: the registry of a fictional country, built deterministically as dated batches.

Everything here is invented: the Republic of Veldoria, its people, courts, prisons,
newspapers and rights groups. The criminal-code articles are real Azerbaijani law (so
the charges read true); every case is fictional. Each batch holds what was recorded in
one month (knowledge time); a few later batches correct or retract earlier events, so a
count "as known then" differs from the count as known now.

The story is told in order, one random generator driving it all, so a seed always gives
the same batches: people (`people`), their cases (`cases`), custody planned (`custody`),
pardon decrees (`decrees`), releases and incidents (`custody`), recognition
(`recognitions`), re-arrests (`cases`), removals (`recognitions`), corrections
(`corrections`), the batches (`batches`), and officials' posts (`positions`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from habeas.domain.source import SourceKind
from habeas.jobs.demo.batches import DemoBatch, to_batches, to_source
from habeas.jobs.demo.cases import add_cases, add_rearrests
from habeas.jobs.demo.corrections import add_corrections
from habeas.jobs.demo.custody import add_extras, add_releases, plan_custody
from habeas.jobs.demo.decrees import add_decrees
from habeas.jobs.demo.people import add_people, to_person
from habeas.jobs.demo.positions import add_positions
from habeas.jobs.demo.recognitions import add_derecognitions, add_recognitions
from habeas.jobs.demo.state import Demo
from habeas.jobs.demo.tables import COMMITTEE, COUNTRY, PRESIDENCY, UNION
from habeas.storage.sql import SqlRegistry

__all__ = [
    "COMMITTEE",
    "COUNTRY",
    "PRESIDENCY",
    "UNION",
    "DEMO_SANCTIONS",
    "DemoBatch",
    "build_demo",
    "demo_decrees",
    "demo_screening",
    "load_demo",
]


def build_demo(seed: int = 2015) -> list[DemoBatch]:
    """A fictional country's registry as batches to apply in order; later ones correct earlier."""
    demo = Demo(seed)
    add_people(demo)
    add_cases(demo)
    plan_custody(demo)
    add_decrees(demo)
    add_releases(demo, demo.prisoners)
    add_extras(demo)
    add_recognitions(demo)
    add_rearrests(demo)
    add_derecognitions(demo)
    add_corrections(demo)
    for p in demo.prisoners:
        demo.persons[p.id] = to_person(demo, p)
    batches = to_batches(demo)
    gazette, positions = add_positions(demo)
    last = batches[-1]
    last.changes.sources.append(to_source(gazette, last.at))
    batches[-1] = replace(last, positions=tuple(positions))
    return batches


def load_demo(registry: SqlRegistry, seed: int = 2015, actor: str = "demo") -> int:
    """Apply the demo batches to `registry` (idempotent); return the number of demo persons."""
    persons = 0
    for batch in build_demo(seed):
        registry.apply(batch.changes, actor=actor, at=batch.at, reason=batch.reason)
        registry.add_positions(batch.positions, actor=actor, at=batch.at)
        persons += len(batch.changes.persons)
    return persons


DEMO_SANCTIONS = Path(__file__).parent / "sanctions.ftm.json"
"""A fictional sanctions and PEP list in FollowTheMoney form that names five demo officials
(spelled otherwise than in the registry) among decoys."""


def demo_screening(registry: SqlRegistry, *, actor: str, at: datetime) -> int:
    """Screen the demo officials against the demo sanctions list; return proposals queued."""
    from habeas.jobs.registry_screen import (
        screen_registry,  # followthemoney loads slowly: only here
    )

    return screen_registry(registry, DEMO_SANCTIONS, actor=actor, at=at).queued


def demo_decrees(registry: SqlRegistry, *, actor: str, at: datetime) -> int:
    """Import the demo's pardon decrees (their texts are demo sources) as decrees proper."""
    from habeas.domain.decree import DecreeKind
    from habeas.ingest.decrees import DecreeText
    from habeas.jobs.decree import import_decree_text

    count = 0
    for source in registry.sources():
        if source.kind is not SourceKind.DECREE or source.published is None:
            continue
        number = source.title.split("No. ", 1)[-1].split(" ", 1)[0]
        import_decree_text(
            registry,
            DecreeText.from_string(source.text, source=source.title),
            label=source.title,
            when=source.published.earliest(),
            issuer=PRESIDENCY,
            kind=DecreeKind.PARDON,
            number=number,
            actor=actor,
            at=at,
            source=source,
        )
        count += 1
    return count
