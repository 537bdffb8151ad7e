"""The demo's pardon decrees: who each frees or halves, and the decree text naming them."""

from __future__ import annotations

from datetime import timedelta

from habeas.domain.event import EventKind, Measure, ReleaseReason
from habeas.domain.person import Gender
from habeas.domain.source import SourceKind
from habeas.jobs.demo.names import year_ordinal
from habeas.jobs.demo.people import invent_name
from habeas.jobs.demo.records import Doc, Draft, spell_day
from habeas.jobs.demo.state import Demo
from habeas.jobs.demo.tables import DECREES, PRESIDENCY


def add_decrees(demo: Demo) -> None:
    """Issue each decree of `DECREES` to prisoners held after their appeal, plus filler names."""
    rng = demo.rng
    for day, number, freed, halved, political in DECREES:
        pool = [
            p
            for p in demo.prisoners
            if p.pardonable and p.appeal and p.appeal + timedelta(days=45) < day and p.held(day)
        ]
        if not political:
            pool = [p for p in pool if not any(d < day for d in p.recognised.values())]
        chosen = rng.sample(pool, min(len(pool), freed + halved))
        entries = [(p, Measure.RELEASE) for p in chosen[:freed]]
        entries += [(p, Measure.HALVE) for p in chosen[freed:]]
        lines: dict[Measure, list[str]] = {Measure.RELEASE: [], Measure.HALVE: []}
        for p, measure in entries:
            lines[measure].append(f"{p.name.decree_line()}, {year_ordinal(p.born)} il təvəllüdlü")
        for _ in range(rng.randint(6, 12)):
            filler = invent_name(demo, Gender.FEMALE if rng.random() < 0.1 else Gender.MALE)
            measure = rng.choice((Measure.RELEASE, Measure.HALVE))
            year = year_ordinal(rng.randint(1950, 1998))
            lines[measure].append(f"{filler.decree_line()}, {year} il təvəllüdlü")
        parts = [
            f"Pardon decree No. {number} of the President of the Republic of Veldoria, "
            f"{spell_day(day)} (fictional demo document).",
            "1. Aşağıdakı şəxslər cəzalarının çəkilməmiş hissəsindən azad edilsinlər:",
            *sorted(lines[Measure.RELEASE]),
            "2. Aşağıdakı şəxslərin cəzalarının çəkilməmiş hissəsi yarıyadək azaldılsın:",
            *sorted(lines[Measure.HALVE]),
            "Fictional demo data.",
        ]
        doc = Doc(
            demo.next_id("s"),
            f"Pardon decree No. {number} of {spell_day(day)} (fictional)",
            SourceKind.DECREE,
            PRESIDENCY,
            day,
            parts,
        )
        demo.decree_docs.append(doc)
        for p, measure in entries:
            quote = f"{p.name.decree_line()}, {year_ordinal(p.born)} il təvəllüdlü"
            draft: Draft | None
            if measure is Measure.RELEASE:
                p.freed, p.how = day, ReleaseReason.PARDON
                draft = demo.event(
                    p,
                    EventKind.RELEASE,
                    day,
                    doc,
                    quote,
                    release_reason=ReleaseReason.PARDON,
                    detail=f"pardon decree No. {number}",
                )
            else:
                assert p.end is not None
                p.end = day + timedelta(days=(p.end - day).days // 2)
                draft = demo.event(
                    p,
                    EventKind.PARDON,
                    day,
                    doc,
                    quote,
                    measure=Measure.HALVE,
                    detail=f"pardon decree No. {number}",
                )
            if draft is not None:
                draft.recorded_at = demo.stamp(day, 0, 2)
