"""Later knowledge: events corrected by court records, and one false report retracted."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from habeas.domain.dates import PartialDate
from habeas.domain.event import AppealOutcome, EventKind, ReleaseReason, SentenceKind
from habeas.domain.source import SourceKind
from habeas.jobs.demo.records import Doc, Draft, Prisoner, pick_day
from habeas.jobs.demo.state import Demo
from habeas.jobs.demo.tables import QUOTES, UNION


def court_record(demo: Demo, p: Prisoner, day: date) -> Doc:
    """A court record obtained by `p`'s defence on `day`."""
    return Doc(
        demo.next_id("s"),
        f"Court record in the case of {p.name.en} (fictional)",
        SourceKind.COURT_DOCUMENT,
        "Velgrad Court of Appeal registry (fictional)",
        day,
        [
            f"Court record obtained by the defence of {p.name.en}.",
            QUOTES["court"],
            "Fictional demo data.",
        ],
    )


def correct(demo: Demo, draft: Draft, p: Prisoner, reason: str, first: dict[str, Any]) -> None:
    """First record `draft` with the wrong values `first`; a court record later corrects it."""
    draft.first = first
    draft.second = {"reason": reason}
    draft.second_at = draft.recorded_at + timedelta(days=demo.rng.randint(60, 150))
    draft.second_doc = court_record(demo, p, draft.second_at.date())


def add_corrections(demo: Demo) -> None:
    """Four events first recorded wrong and corrected later; one release report retracted."""
    rng = demo.rng
    single = [p for p in demo.prisoners if not p.rearrested and p.id != "p-042"]

    def drafts(kind: EventKind, lo: int, hi: int) -> list[tuple[Prisoner, Draft]]:
        found = [
            (p, d)
            for p in single
            for d in p.drafts
            if d.fields["kind"] is kind
            and lo <= d.fields["date"].year <= hi
            and not d.first
            and d.second is None
        ]
        return found

    p, d = rng.choice(
        [
            (p, d)
            for p, d in drafts(EventKind.SENTENCE, 2014, 2015)
            if d.fields["sentence_kind"] is SentenceKind.PRISON
        ]
    )
    correct(
        demo,
        d,
        p,
        "court record obtained: the written judgment gives a shorter term",
        {"term_months": d.fields["term_months"] + 12},
    )
    p, d = rng.choice(drafts(EventKind.ARREST, 2016, 2017))
    day = d.fields["date"]
    correct(
        demo,
        d,
        p,
        "court record obtained: the detention protocol gives the exact day",
        {"date": PartialDate(day.year, day.month), "date_uncertain": True},
    )
    p, d = rng.choice(
        [
            (p, d)
            for p, d in drafts(EventKind.RELEASE, 2016, 2018)
            if d.fields["release_reason"] is not ReleaseReason.PARDON
            and p.recognised
            and d.fields["date"].earliest() < date(2018, 9, 1)
        ]
    )
    true = d.fields["date"].earliest()
    d.recorded_at = demo.stamp(true + timedelta(days=12))
    correct(
        demo,
        d,
        p,
        "prison administration letter obtained: released earlier than first reported",
        {"date": PartialDate.of(true + timedelta(days=12))},
    )
    p, d = rng.choice(
        [
            (p, d)
            for p, d in drafts(EventKind.APPEAL, 2013, 2018)
            if d.fields["outcome"] is AppealOutcome.REDUCED
        ]
    )
    correct(
        demo,
        d,
        p,
        "court record obtained: the appeal court reduced the term",
        {"outcome": AppealOutcome.UPHELD, "term_months": None},
    )
    pool = [
        p
        for p in single
        if p.recognised
        and min(p.recognised.values()) < date(2017, 3, 1)
        and p.held(date(2017, 3, 1))
        and p.held(date(2018, 6, 1))
    ]
    p = rng.choice(pool)
    day = pick_day(rng, date(2017, 3, 1), date(2017, 6, 30))
    text = f"{p.name.en} reported freed on parole."
    doc = demo.article(f"{p.id}:false", day, text, text, QUOTES["release"])
    draft = demo.event(
        p,
        EventKind.RELEASE,
        day,
        doc,
        QUOTES["release"],
        release_reason=ReleaseReason.CONDITIONAL,
        detail="reported freed on parole",
    )
    assert draft is not None
    reason = "report withdrawn: the outlet confirmed the prisoner is still held"
    draft.second = {"retracted": True, "reason": reason}
    draft.second_at = draft.recorded_at + timedelta(days=rng.randint(35, 45))
    draft.second_doc = demo.statement(UNION, draft.second_at.date(), reason.capitalize() + ".")
