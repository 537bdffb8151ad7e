"""The demo's criminal cases: arrest, charge, trial, verdict and appeal, and re-arrests."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from habeas.domain.case import Case, CaseOfficial, Charge, OfficialRole
from habeas.domain.dates import add_months
from habeas.domain.event import AppealOutcome, EventKind, ReleaseReason, SentenceKind
from habeas.jobs.demo.custody import add_releases
from habeas.jobs.demo.recognitions import recognise
from habeas.jobs.demo.records import Prisoner, pick_day
from habeas.jobs.demo.state import Demo
from habeas.jobs.demo.tables import (
    APPEAL_COURT,
    ARREST_YEARS,
    ARTICLES,
    DETENTION_CENTRE,
    LAST_ARREST,
    OCCUPATIONS,
    PRISONS,
    SECURITY_DETENTION,
    TERMS,
)


def add_cases(demo: Demo) -> None:
    """Group prisoners of one occupation into shared cases; the rest stand trial alone."""
    rng = demo.rng
    pool = list(demo.prisoners)
    groups: list[list[Prisoner]] = []
    for occupation in [o for o in OCCUPATIONS if o != "lawyer"] * 2:
        members = [p for p in pool if p.occupation == occupation][: rng.randint(2, 4)]
        if len(members) >= 2:
            groups.append(members)
            pool = [p for p in pool if p not in members]
    groups += [[p] for p in pool]
    rng.shuffle(groups)
    years = list(ARREST_YEARS)
    weights = list(ARREST_YEARS.values())
    for members in groups:
        year = rng.choices(years, weights)[0]
        arrest = pick_day(rng, date(year, 1, 2), min(date(year, 12, 31), LAST_ARREST))
        add_case(demo, members, arrest)


def add_case(demo: Demo, members: list[Prisoner], arrest: date, second: bool = False) -> None:
    """One case of `members` arrested on `arrest`, up to acquittal, release or prison."""
    rng, off = demo.rng, demo.officials
    articles = rng.choice(OCCUPATIONS[members[0].occupation][1])
    judge = rng.choice(off[OfficialRole.JUDGE])
    lead = members[0].name.en
    title = " and ".join(p.name.en for p in members) if len(members) < 3 else f"{lead} and others"
    case = Case(
        demo.next_id("c"),
        f"Case of {title} (fictional)",
        tuple(p.id for p in members),
        tuple(Charge(a, ARTICLES[a], "Criminal Code of Veldoria (fictional)") for a in articles),
        demo.courts[judge],
        tuple(
            CaseOfficial(pid, role)
            for role, pid in (
                (OfficialRole.JUDGE, judge),
                (OfficialRole.PROSECUTOR, rng.choice(off[OfficialRole.PROSECUTOR])),
                (OfficialRole.INVESTIGATOR, rng.choice(off[OfficialRole.INVESTIGATOR])),
            )
        ),
    )
    demo.cases[case.id] = case
    labels = "; ".join(c.label() for c in case.charges)
    held = SECURITY_DETENTION if "274" in articles else DETENTION_CENTRE
    trial = arrest + timedelta(days=rng.randint(120, 300))
    verdict = trial + timedelta(days=rng.randint(20, 90))
    appeal = verdict + timedelta(days=rng.randint(60, 150))
    K, R, S = EventKind, ReleaseReason, SentenceKind
    for p in members:
        p.start = day = arrest + timedelta(days=rng.randint(0, 3) if len(members) > 1 else 0)
        who, term = p.name.en, rng.choice(TERMS)
        held_on, charged = day + timedelta(days=1), day + timedelta(days=rng.randint(1, 2))
        steps: list[tuple[EventKind, date, str, dict[str, Any]]] = [
            (K.ARREST, day, f"Police detain {p.occupation} {who}.", {}),
            (K.DETENTION, held_on, f"{who} held for four months.", {"facility": held}),
            (K.CHARGE, charged, f"{who} charged under {labels}.", {"detail": labels}),
            (K.TRIAL, trial, f"Trial opens at {case.court}.", {}),
        ]
        single = len(members) == 1 and not second
        if single and demo.acquittals < 2 and verdict < date(2017, 1, 1):
            demo.acquittals += 1
            p.freed, p.how = verdict, R.ACQUITTAL
            steps.append((K.RELEASE, verdict, f"{who} acquitted.", {"release_reason": p.how}))
        elif not second and rng.random() < 0.06:
            p.freed, p.how = verdict, R.CONDITIONAL
            sentence = {"sentence_kind": S.SUSPENDED, "term_months": term // 2}
            freed = {"release_reason": p.how, "detail": "freed in court: suspended sentence"}
            steps.append((K.SENTENCE, verdict, f"Suspended sentence for {who}.", sentence))
            steps.append((K.RELEASE, verdict, f"{who} freed in the courtroom.", freed))
        else:
            reduced = rng.random() < 0.2
            p.term = max(12, term - rng.choice((6, 12, 18, 24))) if reduced else term
            p.appeal, p.end, p.pardonable = appeal, add_months(p.start, p.term), not second
            outcome = AppealOutcome.REDUCED if reduced else AppealOutcome.UPHELD
            ruling = {"outcome": outcome, "term_months": p.term if reduced else None}
            sentence = {"sentence_kind": S.PRISON, "term_months": term}
            prison = rng.choice(PRISONS)
            moved = appeal + timedelta(days=rng.randint(10, 40))
            steps.append((K.SENTENCE, verdict, f"{who} sentenced to {term // 12} years.", sentence))
            steps.append((K.APPEAL, appeal, f"{APPEAL_COURT} rules on appeal.", ruling))
            steps.append(
                (K.TRANSFER, moved, f"{who} moved.", {"facility": prison, "case_id": None})
            )
            if rng.random() < 0.3:
                later = moved + timedelta(days=rng.randint(200, 700))
                p.pending.append((later, rng.choice([x for x in PRISONS if x != prison])))
        for kind, when, text, extra in steps:
            demo.news(p, kind, when, text, **{"case_id": case.id, **extra})


def add_rearrests(demo: Demo) -> None:
    """Three recognised prisoners, freed before October 2016, are arrested in a new case."""
    rng = demo.rng
    pool = [
        p
        for p in demo.prisoners
        if p.freed
        and p.freed < date(2016, 10, 1)
        and p.how is not ReleaseReason.ACQUITTAL
        and p.recognised
        and p.id != "p-042"
    ]
    for p in rng.sample(pool, 3):
        assert p.freed is not None
        arrest = min(p.freed + timedelta(days=rng.randint(150, 500)), LAST_ARREST)
        p.freed = p.how = p.parole = None
        p.pending, p.rearrested = [], True
        add_case(demo, [p], arrest, second=True)
        for org in sorted(p.recognised):
            day = add_months(arrest, 1).replace(day=15)
            recognise(demo, p, org, day, "listed again after a new arrest")
        add_releases(demo, [p])
