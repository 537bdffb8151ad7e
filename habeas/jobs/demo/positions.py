"""The demo officials' posts: appointments read from a fictional official gazette.

Derived without the random generator (so adding them changed no other demo record): a
judge sits on the court named in their record, prosecutors and investigators serve in
their offices; each was appointed two to five years before their first demo case. Two
officials were later moved: their first post ends and a second begins.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from habeas.domain.case import OfficialRole
from habeas.domain.dates import PartialDate
from habeas.domain.official import Position
from habeas.domain.source import SourceKind
from habeas.jobs.demo.batches import cite
from habeas.jobs.demo.records import Doc, spell_day
from habeas.jobs.demo.state import Demo
from habeas.jobs.demo.tables import APPEAL_COURT, COUNTRY

GAZETTE = "Official Gazette of the Republic of Veldoria (fictional)"
PROSECUTORS = "Prosecutor General's Office of Veldoria (fictional)"
INVESTIGATORS = "Investigation Department, State Security Service of Veldoria (fictional)"
TITLES = {
    OfficialRole.JUDGE: "Judge",
    OfficialRole.PROSECUTOR: "Prosecutor",
    OfficialRole.INVESTIGATOR: "Senior investigator",
}
MOVED = {"o-003": date(2017, 3, 1), "o-012": date(2016, 9, 1)}  # later posts for two officials


def _first_case_years(demo: Demo) -> dict[str, int]:
    """Per official, the year of the earliest event in any case they acted in."""
    case_year: dict[str, int] = {}
    for prisoner in demo.prisoners:
        for draft in prisoner.drafts:
            case_id = draft.fields.get("case_id")
            if case_id:
                year = draft.fields["date"].year
                case_year[case_id] = min(case_year.get(case_id, year), year)
    first: dict[str, int] = {}
    for case_id, year in case_year.items():
        for official in demo.cases[case_id].officials:
            first[official.person_id] = min(first.get(official.person_id, year), year)
    return first


def _organisation(demo: Demo, person_id: str, role: OfficialRole) -> str:
    if role is OfficialRole.JUDGE:
        return demo.courts[person_id]
    return PROSECUTORS if role is OfficialRole.PROSECUTOR else INVESTIGATORS


def add_positions(demo: Demo) -> tuple[Doc, list[Position]]:
    """The gazette (a demo source) and every official's posts, each citing its notice."""
    gazette = Doc(
        demo.next_id("s"),
        "Official Gazette: appointments of judges, prosecutors and investigators (fictional)",
        SourceKind.REPORT,
        GAZETTE,
        date(2018, 12, 31),
        [f"{GAZETTE}, consolidated register of appointments, {spell_day(date(2018, 12, 31))}."],
    )
    first_year = _first_case_years(demo)
    drafts: list[tuple[Position, str]] = []
    for role, person_ids in demo.officials.items():
        for person_id in person_ids:
            number = int(person_id.split("-")[1])
            start = date(first_year.get(person_id, 2013) - 2 - number % 4, 1 + number % 12, 1)
            name = demo.persons[person_id].name
            where = _organisation(demo, person_id, role)
            moved = MOVED.get(person_id)
            notice = f"{name} appointed {TITLES[role].lower()}, {where}, from {spell_day(start)}."
            if moved:
                notice = notice[:-1] + f", until {spell_day(moved)}."
            drafts.append(
                (
                    Position(
                        f"{person_id}-post1",
                        person_id,
                        TITLES[role],
                        where,
                        COUNTRY,
                        PartialDate.of(start),
                        PartialDate.of(moved) if moved else None,
                    ),
                    notice,
                )
            )
            if moved:
                title, where = (
                    ("Judge", APPEAL_COURT)
                    if role is OfficialRole.JUDGE
                    else ("Deputy head of department", where)
                )
                notice = f"{name} appointed {title.lower()}, {where}, from {spell_day(moved)}."
                drafts.append(
                    (
                        Position(
                            f"{person_id}-post2",
                            person_id,
                            title,
                            where,
                            COUNTRY,
                            PartialDate.of(moved),
                        ),
                        notice,
                    )
                )
    gazette.parts += [notice for _, notice in drafts] + ["Fictional demo data."]
    positions = [replace(p, citations=(cite(gazette, notice),)) for p, notice in drafts]
    return gazette, positions
