"""Recognition as political prisoners: the rights groups' lists, and removals after review."""

from __future__ import annotations

from datetime import date, timedelta

from habeas.domain.event import EventKind
from habeas.domain.source import SourceKind
from habeas.jobs.demo.records import Doc, Prisoner, spell_day
from habeas.jobs.demo.state import Demo
from habeas.jobs.demo.tables import END, OCCUPATIONS, UNION


def recognise(demo: Demo, p: Prisoner, org: str, day: date, note: str = "") -> None:
    """List `p` in `org`'s update of `day`, citing the PACE criteria of the occupation."""
    letters = OCCUPATIONS[p.occupation][2]
    criteria = f"PACE Res. 1900 (2012), criteria ({letters.replace(', ', '), (')})"
    key = f"{org}:{day}"
    doc = demo.docs.get(key)
    if doc is None:
        doc = Doc(
            demo.next_id("s"),
            f"{org}: list of political prisoners, update of {spell_day(day)}",
            SourceKind.LIST,
            org,
            day,
            [
                f"{org} — list of political prisoners as of {spell_day(day)}.",
                "Fictional demo data.",
            ],
        )
        demo.docs[key] = doc
    line = f"{p.name.en} ({p.occupation}), held since {spell_day(p.start)}; {criteria}."
    demo.event(
        p,
        EventKind.RECOGNITION,
        day,
        doc,
        line,
        organisation=org,
        criteria=criteria,
        detail=note,
    )


def add_recognitions(demo: Demo) -> None:
    """Record the planned recognitions that fall while the prisoner is still held."""
    for p in demo.prisoners:
        gone = p.gone() or END
        for org, day in sorted(p.recognised.items(), key=lambda kv: kv[1]):
            if day < gone and day <= END:
                recognise(demo, p, org, day)
        p.recognised = {o: d for o, d in p.recognised.items() if d < gone and d <= END}


def add_derecognitions(demo: Demo) -> None:
    """Two removals after review: one by the only group listing a prisoner, one by the Union."""
    rng = demo.rng
    for wanted in (1, 2):
        pool = []
        for p in demo.prisoners:
            if len(p.recognised) != wanted or p.rearrested or p.died:
                continue
            day = max(p.recognised.values()) + timedelta(days=rng.randint(180, 400))
            if p.held(day + timedelta(days=30)) and day <= END:
                pool.append((p, day))
        p, day = rng.choice(pool)
        org = UNION if wanted == 2 else next(iter(p.recognised))
        quote = (
            f"After review, {p.name.en} no longer meets the criteria: the case file shows "
            "calls to violence."
        )
        demo.event(
            p,
            EventKind.DERECOGNITION,
            day,
            demo.statement(org, day, quote),
            quote,
            organisation=org,
            detail="removed after review",
        )
