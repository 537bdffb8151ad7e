"""Custody: recognition days planned, one death, paroles, releases, transfers, incidents."""

from __future__ import annotations

from datetime import date, timedelta

from habeas.domain.dates import PartialDate, add_months
from habeas.domain.event import EventKind, ReleaseReason
from habeas.jobs.demo.records import Prisoner, pick_day
from habeas.jobs.demo.state import Demo
from habeas.jobs.demo.tables import COMMITTEE, END, PRISON_HOSPITAL, UNION


def plan_custody(demo: Demo) -> None:
    """Decide recognition days, the one death in custody and a few paroles."""
    rng = demo.rng
    for p in demo.prisoners:
        if rng.random() < 0.85:
            day = p.start + timedelta(days=rng.randint(20, 120))
            p.recognised[UNION] = day if day.day <= 15 else add_months(day, 1)
            p.recognised[UNION] = p.recognised[UNION].replace(day=15)
        if rng.random() < 0.6:
            day = p.start + timedelta(days=rng.randint(30, 200))
            quarter = date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
            p.recognised[COMMITTEE] = add_months(quarter, 3)
    sentenced = [p for p in demo.prisoners if p.term and p.freed is None]
    dying = [
        p
        for p in sentenced
        if p.term and p.term >= 72 and date(2014, 1, 1) <= p.start < date(2016, 1, 1)
    ]
    victim = rng.choice(dying)
    victim.died = pick_day(rng, date(2017, 4, 1), date(2017, 9, 30))
    victim.pardonable = False
    victim.pending.append((victim.died - timedelta(days=35), PRISON_HOSPITAL))
    for p in rng.sample([p for p in sentenced if p is not victim and (p.term or 0) >= 36], 6):
        assert p.term is not None and p.appeal is not None
        parole = add_months(p.start, p.term * 6 // 10) + timedelta(days=rng.randint(0, 30))
        if parole > p.appeal + timedelta(days=60):
            p.parole = parole


def add_releases(demo: Demo, people: list[Prisoner]) -> None:
    """End each sentence still running: death in custody, parole, or the term served."""
    for p in people:
        if p.freed is not None or p.end is None:
            continue
        if p.died is not None:
            demo.news(
                p,
                EventKind.DEATH_IN_CUSTODY,
                p.died,
                f"{p.name.en} dies in custody.",
                facility=PRISON_HOSPITAL,
            )
            continue
        day, how = p.end, ReleaseReason.SERVED
        if p.parole is not None and p.parole < p.end:
            day, how = p.parole, ReleaseReason.CONDITIONAL
        if day <= END:
            p.freed, p.how = day, how
            demo.news(p, EventKind.RELEASE, day, f"{p.name.en} released.", release_reason=how)


def add_extras(demo: Demo) -> None:
    """Pending transfers, and at random hunger strikes and reports of ill-treatment."""
    rng = demo.rng
    for p in demo.prisoners:
        gone = p.gone() or END
        for day, facility in p.pending:
            if p.start < day < gone:
                demo.news(p, EventKind.TRANSFER, day, f"{p.name.en} moved.", facility=facility)
        window = (p.start + timedelta(days=30), gone - timedelta(days=10))
        if window[0] >= window[1]:
            continue
        if p.died or rng.random() < 0.15:
            day = pick_day(rng, *window)
            demo.news(
                p,
                EventKind.HUNGER_STRIKE,
                day,
                f"{p.name.en} on hunger strike.",
                detail="refusing food in protest against the charges",
            )
        if p.died or rng.random() < 0.1:
            day = pick_day(rng, *window)
            month = rng.random() < 0.4
            demo.news(
                p,
                EventKind.ILL_TREATMENT,
                day,
                f"Lawyer reports beating of {p.name.en}.",
                partial=PartialDate(day.year, day.month) if month else None,
                date_uncertain=month,
            )
