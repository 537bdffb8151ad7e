"""Demo data: the registry of a fictional country, built deterministically as dated batches.

Everything here is invented: the Republic of Veldoria, its people, courts, prisons,
newspapers and rights groups. The criminal-code articles are real Azerbaijani law (so
the charges read true); every case is fictional. Each batch holds what was recorded in
one month (knowledge time); a few later batches correct or retract earlier events, so a
count "as known then" differs from the count as known now.
"""

from __future__ import annotations

import calendar
import random
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from habeas.domain.case import Case, CaseOfficial, Charge, OfficialRole
from habeas.domain.dates import PartialDate, add_months
from habeas.domain.event import (
    AppealOutcome,
    Event,
    EventKind,
    Measure,
    ReleaseReason,
    SentenceKind,
)
from habeas.domain.person import Gender, Note, NoteKind, Person, PersonRole
from habeas.domain.source import Citation, Source, SourceKind
from habeas.jobs import demo_names as dn
from habeas.jobs.demo_names import (
    ARREST_YEARS,
    ARTICLES,
    DECREES,
    OCCUPATIONS,
    QUOTES,
    TERMS,
    year_ordinal,
)
from habeas.storage.registry import ChangeSet
from habeas.storage.sql import SqlRegistry

COUNTRY = "Republic of Veldoria (fictional)"
UNION = "Veldoria Political Prisoners Union (fictional)"
COMMITTEE = "Committee for Veldorian Detainees (fictional)"
PRESIDENCY = "Office of the President of the Republic of Veldoria (fictional)"
BIOGRAPHY = "Fictional person (demo data)."
START, END = date(2013, 1, 1), date(2018, 12, 31)
LAST_ARREST = date(2018, 9, 30)


@dataclass(frozen=True, slots=True)
class DemoBatch:
    """Records known at one knowledge time `at` (naive UTC), applied in order."""

    at: datetime
    reason: str
    changes: ChangeSet


@dataclass(slots=True)
class _Doc:
    id: str
    title: str
    kind: SourceKind
    publisher: str
    day: date
    parts: list[str]

    def text(self) -> str:
        return "\n".join(self.parts)


@dataclass(slots=True)
class _Draft:
    fields: dict[str, Any]
    doc: _Doc
    quote: str
    recorded_at: datetime
    first: dict[str, Any] = field(default_factory=dict)
    second: dict[str, Any] | None = None
    second_at: datetime | None = None
    second_doc: _Doc | None = None


@dataclass(slots=True)
class _Prisoner:
    id: str
    name: dn.FullName
    occupation: str
    born: int
    start: date = START
    appeal: date | None = None
    term: int | None = None
    end: date | None = None
    freed: date | None = None
    how: ReleaseReason | None = None
    parole: date | None = None
    died: date | None = None
    pardonable: bool = True
    recognised: dict[str, date] = field(default_factory=dict)
    pending: list[tuple[date, str]] = field(default_factory=list)
    rearrested: bool = False
    drafts: list[_Draft] = field(default_factory=list)


def _day(rng: random.Random, lo: date, hi: date) -> date:
    return lo + timedelta(days=rng.randint(0, max(0, (hi - lo).days)))


def _nice(day: date) -> str:
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"


class _Demo:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.persons: dict[str, Person] = {}
        self.cases: dict[str, Case] = {}
        self.docs: dict[str, _Doc] = {}
        self.decree_docs: list[_Doc] = []
        self.prisoners: list[_Prisoner] = []
        self.used: set[tuple[str, str]] = set()
        self.officials: dict[OfficialRole, list[str]] = {}
        self.counters: dict[str, int] = {}
        self.acquittals = 0

    # ---------------------------------------------------------------- people

    def _name(self, gender: Gender) -> dn.FullName:
        rng = self.rng
        while True:
            given = rng.choice(dn.FEMALE if gender is Gender.FEMALE else dn.MALE)
            name = dn.FullName(given, rng.choice(dn.SURNAMES), rng.choice(dn.MALE), gender)
            key = (given.az, name.surname.az)
            if key not in self.used and name.father != given and not name.is_real():
                self.used.add(key)
                return name

    def _people(self) -> None:
        rng = self.rng
        roles = [OfficialRole.JUDGE] * 10 + [OfficialRole.PROSECUTOR] * 8
        roles += [OfficialRole.INVESTIGATOR] * 7
        for number, role in enumerate(roles, 1):
            gender = Gender.FEMALE if rng.random() < 0.2 else Gender.MALE
            name = self._name(gender)
            where = dn.COURTS[number % 3] if role is OfficialRole.JUDGE else COUNTRY
            person = Person(
                id=f"o-{number:03d}",
                names=name.names(rng.random() < 0.5, False),
                birth=PartialDate(rng.randint(1955, 1980)),
                gender=gender,
                country=COUNTRY,
                occupations=(role.value,),
                biography=f"{BIOGRAPHY} {role.value.capitalize()} ({where}).",
                role=PersonRole.OFFICIAL,
            )
            self.persons[person.id] = person
            self.officials.setdefault(role, []).append(person.id)
        occupations = [o for o, (n, _, _) in OCCUPATIONS.items() for _ in range(n)]
        rng.shuffle(occupations)
        for number, occupation in enumerate(occupations, 1):
            gender = Gender.FEMALE if rng.random() < 0.16 else Gender.MALE
            self.prisoners.append(
                _Prisoner(
                    f"p-{number:03d}", self._name(gender), occupation, rng.randint(1956, 1996)
                )
            )
        twin = self.prisoners[-1]  # a namesake: same name, other father and birth year
        first = self.prisoners[7]
        father = next(p for p in dn.MALE if p not in (first.name.father, first.name.given))
        twin.name = replace(first.name, father=father)
        twin.born = first.born + 9

    def _person(self, p: _Prisoner) -> Person:
        rng = self.rng
        notes: tuple[Note, ...] = ()
        if p.died or rng.random() < 0.06:
            notes += (Note(NoteKind.HEALTH, "Chronic illness; prison clinic refused treatment."),)
        if rng.random() < 0.08:
            notes += (Note(NoteKind.FAMILY, "Family contact only through the lawyer."),)
        risk = p.id == "p-042"
        if risk:
            notes += (Note(NoteKind.FAMILY, "Relatives threatened; do not publish."),)
        affiliation = dn.AFFILIATIONS[p.occupation]
        article = "An" if p.occupation[0] in "aeiou" else "A"
        born = PartialDate(p.born)
        if rng.random() < 0.3:
            born = PartialDate(p.born, rng.randint(1, 12), rng.randint(1, 28))
        return Person(
            id=p.id,
            names=p.name.names(rng.random() < 0.4, rng.random() < 0.3),
            birth=born,
            gender=p.name.gender,
            country=COUNTRY,
            occupations=(p.occupation,),
            affiliations=(affiliation[int(p.id[2:]) % len(affiliation)],),
            biography=f"{BIOGRAPHY} {article} {p.occupation} from the {COUNTRY}, born {p.born}.",
            notes=notes,
            risk=risk,
        )

    # ---------------------------------------------------------------- documents

    def _next(self, prefix: str) -> str:
        self.counters[prefix] = self.counters.get(prefix, 0) + 1
        return f"{prefix}-{self.counters[prefix]:04d}"

    def _article(self, key: str, day: date, headline: str, body: str, quote: str) -> _Doc:
        doc = self.docs.get(key)
        if doc is None:
            outlet = self.rng.choice(dn.OUTLETS)
            doc = _Doc(
                self._next("s"),
                f"{headline} (fictional)",
                SourceKind.ARTICLE,
                outlet,
                day,
                [f"{outlet}, Velgrad, {_nice(day)}.", body, quote, "Fictional demo data."],
            )
            self.docs[key] = doc
        return doc

    def _stamp(self, day: date, lo: int = 1, hi: int = 10) -> datetime:
        lag = timedelta(days=self.rng.randint(lo, hi), hours=self.rng.randint(9, 19))
        return datetime(day.year, day.month, day.day) + lag

    def _event(
        self, p: _Prisoner, kind: EventKind, day: date, doc: _Doc, quote: str, **fields: Any
    ) -> _Draft | None:
        if day > END:
            return None
        if quote not in doc.parts:
            doc.parts.insert(-1, quote)
        number = len(p.drafts) + 1
        values: dict[str, Any] = {"id": f"{p.id}-e{number:02d}", "kind": kind, "person_id": p.id}
        values["date"] = fields.pop("partial", None) or PartialDate.of(day)
        lag = (0, 3) if kind in (EventKind.RECOGNITION, EventKind.DERECOGNITION) else (1, 10)
        draft = _Draft({**values, **fields}, doc, quote, self._stamp(day, *lag))
        p.drafts.append(draft)
        return draft

    def _news(self, p: _Prisoner, kind: EventKind, day: date, text: str, **fields: Any) -> None:
        key = f"{fields.get('case_id') or p.id}:{kind.value}:{day}"
        doc = self._article(key, day, text.split(".")[0], text, QUOTES[kind.value])
        if p.name.en not in doc.parts[1]:
            doc.parts[1] += f" Among them: {p.name.en}."
        self._event(p, kind, day, doc, QUOTES[kind.value], **fields)

    # ---------------------------------------------------------------- cases

    def _cases(self) -> None:
        rng = self.rng
        pool = list(self.prisoners)
        groups: list[list[_Prisoner]] = []
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
            arrest = _day(rng, date(year, 1, 2), min(date(year, 12, 31), LAST_ARREST))
            self._case(members, arrest)

    def _case(self, members: list[_Prisoner], arrest: date, second: bool = False) -> None:
        rng, off = self.rng, self.officials
        articles = rng.choice(OCCUPATIONS[members[0].occupation][1])
        judge = rng.choice(off[OfficialRole.JUDGE])
        lead = members[0].name.en
        title = (
            " and ".join(p.name.en for p in members) if len(members) < 3 else f"{lead} and others"
        )
        case = Case(
            self._next("c"),
            f"Case of {title} (fictional)",
            tuple(p.id for p in members),
            tuple(
                Charge(a, ARTICLES[a], "Criminal Code of Veldoria (fictional)") for a in articles
            ),
            self.persons[judge].biography.split("(", 1)[1].rsplit(")", 1)[0],
            tuple(
                CaseOfficial(pid, role)
                for role, pid in (
                    (OfficialRole.JUDGE, judge),
                    (OfficialRole.PROSECUTOR, rng.choice(off[OfficialRole.PROSECUTOR])),
                    (OfficialRole.INVESTIGATOR, rng.choice(off[OfficialRole.INVESTIGATOR])),
                )
            ),
        )
        self.cases[case.id] = case
        labels = "; ".join(c.label() for c in case.charges)
        held = dn.SECURITY_DETENTION if "274" in articles else dn.DETENTION_CENTRE
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
            if single and self.acquittals < 2 and verdict < date(2017, 1, 1):
                self.acquittals += 1
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
                prison = rng.choice(dn.PRISONS)
                moved = appeal + timedelta(days=rng.randint(10, 40))
                steps.append(
                    (K.SENTENCE, verdict, f"{who} sentenced to {term // 12} years.", sentence)
                )
                steps.append((K.APPEAL, appeal, f"{dn.APPEAL_COURT} rules on appeal.", ruling))
                steps.append(
                    (K.TRANSFER, moved, f"{who} moved.", {"facility": prison, "case_id": None})
                )
                if rng.random() < 0.3:
                    later = moved + timedelta(days=rng.randint(200, 700))
                    p.pending.append((later, rng.choice([x for x in dn.PRISONS if x != prison])))
            for kind, when, text, extra in steps:
                self._news(p, kind, when, text, **{"case_id": case.id, **extra})

    # ---------------------------------------------------------------- custody

    def _gone(self, p: _Prisoner) -> date | None:
        """The day the current spell ended, if it did (freed or died)."""
        ends = [d for d in (p.freed, p.died) if d is not None]
        return min(ends) if ends else None

    def _held(self, p: _Prisoner, day: date) -> bool:
        gone = self._gone(p)
        ends = [d for d in (gone, p.end, p.parole) if d is not None]
        return p.start <= day and all(day < d for d in ends)

    def _plan(self) -> None:
        rng = self.rng
        for p in self.prisoners:
            if rng.random() < 0.85:
                day = p.start + timedelta(days=rng.randint(20, 120))
                p.recognised[UNION] = day if day.day <= 15 else add_months(day, 1)
                p.recognised[UNION] = p.recognised[UNION].replace(day=15)
            if rng.random() < 0.6:
                day = p.start + timedelta(days=rng.randint(30, 200))
                quarter = date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
                p.recognised[COMMITTEE] = add_months(quarter, 3)
        sentenced = [p for p in self.prisoners if p.term and p.freed is None]
        dying = [
            p
            for p in sentenced
            if p.term and p.term >= 72 and date(2014, 1, 1) <= p.start < date(2016, 1, 1)
        ]
        victim = rng.choice(dying)
        victim.died = _day(rng, date(2017, 4, 1), date(2017, 9, 30))
        victim.pardonable = False
        victim.pending.append((victim.died - timedelta(days=35), dn.PRISON_HOSPITAL))
        for p in rng.sample([p for p in sentenced if p is not victim and (p.term or 0) >= 36], 6):
            assert p.term is not None and p.appeal is not None
            parole = add_months(p.start, p.term * 6 // 10) + timedelta(days=rng.randint(0, 30))
            if parole > p.appeal + timedelta(days=60):
                p.parole = parole

    def _decrees(self) -> None:
        rng = self.rng
        for day, number, freed, halved, political in DECREES:
            pool = [
                p
                for p in self.prisoners
                if p.pardonable
                and p.appeal
                and p.appeal + timedelta(days=45) < day
                and self._held(p, day)
            ]
            if not political:
                pool = [p for p in pool if not any(d < day for d in p.recognised.values())]
            chosen = rng.sample(pool, min(len(pool), freed + halved))
            entries = [(p, Measure.RELEASE) for p in chosen[:freed]]
            entries += [(p, Measure.HALVE) for p in chosen[freed:]]
            lines: dict[Measure, list[str]] = {Measure.RELEASE: [], Measure.HALVE: []}
            for p, measure in entries:
                lines[measure].append(
                    f"{p.name.decree_line()}, {year_ordinal(p.born)} il təvəllüdlü"
                )
            for _ in range(rng.randint(6, 12)):
                filler = self._name(Gender.FEMALE if rng.random() < 0.1 else Gender.MALE)
                measure = rng.choice((Measure.RELEASE, Measure.HALVE))
                year = year_ordinal(rng.randint(1950, 1998))
                lines[measure].append(f"{filler.decree_line()}, {year} il təvəllüdlü")
            parts = [
                f"Pardon decree No. {number} of the President of the Republic of Veldoria, "
                f"{_nice(day)} (fictional demo document).",
                "1. Aşağıdakı şəxslər cəzalarının çəkilməmiş hissəsindən azad edilsinlər:",
                *sorted(lines[Measure.RELEASE]),
                "2. Aşağıdakı şəxslərin cəzalarının çəkilməmiş hissəsi yarıyadək azaldılsın:",
                *sorted(lines[Measure.HALVE]),
                "Fictional demo data.",
            ]
            doc = _Doc(
                self._next("s"),
                f"Pardon decree No. {number} of {_nice(day)} (fictional)",
                SourceKind.DECREE,
                PRESIDENCY,
                day,
                parts,
            )
            self.decree_docs.append(doc)
            for p, measure in entries:
                quote = f"{p.name.decree_line()}, {year_ordinal(p.born)} il təvəllüdlü"
                draft: _Draft | None
                if measure is Measure.RELEASE:
                    p.freed, p.how = day, ReleaseReason.PARDON
                    draft = self._event(
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
                    draft = self._event(
                        p,
                        EventKind.PARDON,
                        day,
                        doc,
                        quote,
                        measure=Measure.HALVE,
                        detail=f"pardon decree No. {number}",
                    )
                if draft is not None:
                    draft.recorded_at = self._stamp(day, 0, 2)

    def _releases(self, people: list[_Prisoner]) -> None:
        for p in people:
            if p.freed is not None or p.end is None:
                continue
            if p.died is not None:
                self._news(
                    p,
                    EventKind.DEATH_IN_CUSTODY,
                    p.died,
                    f"{p.name.en} dies in custody.",
                    facility=dn.PRISON_HOSPITAL,
                )
                continue
            day, how = p.end, ReleaseReason.SERVED
            if p.parole is not None and p.parole < p.end:
                day, how = p.parole, ReleaseReason.CONDITIONAL
            if day <= END:
                p.freed, p.how = day, how
                self._news(p, EventKind.RELEASE, day, f"{p.name.en} released.", release_reason=how)

    def _extras(self) -> None:
        rng = self.rng
        for p in self.prisoners:
            gone = self._gone(p) or END
            for day, facility in p.pending:
                if p.start < day < gone:
                    self._news(p, EventKind.TRANSFER, day, f"{p.name.en} moved.", facility=facility)
            window = (p.start + timedelta(days=30), gone - timedelta(days=10))
            if window[0] >= window[1]:
                continue
            if p.died or rng.random() < 0.15:
                day = _day(rng, *window)
                self._news(
                    p,
                    EventKind.HUNGER_STRIKE,
                    day,
                    f"{p.name.en} on hunger strike.",
                    detail="refusing food in protest against the charges",
                )
            if p.died or rng.random() < 0.1:
                day = _day(rng, *window)
                month = rng.random() < 0.4
                self._news(
                    p,
                    EventKind.ILL_TREATMENT,
                    day,
                    f"Lawyer reports beating of {p.name.en}.",
                    partial=PartialDate(day.year, day.month) if month else None,
                    date_uncertain=month,
                )

    def _recognise(self, p: _Prisoner, org: str, day: date, note: str = "") -> None:
        letters = OCCUPATIONS[p.occupation][2]
        criteria = f"PACE Res. 1900 (2012), criteria ({letters.replace(', ', '), (')})"
        key = f"{org}:{day}"
        doc = self.docs.get(key)
        if doc is None:
            doc = _Doc(
                self._next("s"),
                f"{org}: list of political prisoners, update of {_nice(day)}",
                SourceKind.LIST,
                org,
                day,
                [
                    f"{org} — list of political prisoners as of {_nice(day)}.",
                    "Fictional demo data.",
                ],
            )
            self.docs[key] = doc
        line = f"{p.name.en} ({p.occupation}), held since {_nice(p.start)}; {criteria}."
        self._event(
            p,
            EventKind.RECOGNITION,
            day,
            doc,
            line,
            organisation=org,
            criteria=criteria,
            detail=note,
        )

    def _recognitions(self) -> None:
        for p in self.prisoners:
            gone = self._gone(p) or END
            for org, day in sorted(p.recognised.items(), key=lambda kv: kv[1]):
                if day < gone and day <= END:
                    self._recognise(p, org, day)
            p.recognised = {o: d for o, d in p.recognised.items() if d < gone and d <= END}

    # ---------------------------------------------------------------- later changes

    def _rearrests(self) -> None:
        rng = self.rng
        pool = [
            p
            for p in self.prisoners
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
            self._case([p], arrest, second=True)
            for org in sorted(p.recognised):
                day = add_months(arrest, 1).replace(day=15)
                self._recognise(p, org, day, "listed again after a new arrest")
            self._releases([p])

    def _statement(self, org: str, day: date, text: str) -> _Doc:
        return _Doc(
            self._next("s"),
            f"{org}: statement of {_nice(day)}",
            SourceKind.REPORT,
            org,
            day,
            [f"{org}, statement, {_nice(day)}.", text, "Fictional demo data."],
        )

    def _derecognitions(self) -> None:
        rng = self.rng
        for wanted in (1, 2):
            pool = []
            for p in self.prisoners:
                if len(p.recognised) != wanted or p.rearrested or p.died:
                    continue
                day = max(p.recognised.values()) + timedelta(days=rng.randint(180, 400))
                if self._held(p, day + timedelta(days=30)) and day <= END:
                    pool.append((p, day))
            p, day = rng.choice(pool)
            org = UNION if wanted == 2 else next(iter(p.recognised))
            quote = (
                f"After review, {p.name.en} no longer meets the criteria: the case file shows "
                "calls to violence."
            )
            self._event(
                p,
                EventKind.DERECOGNITION,
                day,
                self._statement(org, day, quote),
                quote,
                organisation=org,
                detail="removed after review",
            )

    def _court_record(self, p: _Prisoner, day: date) -> _Doc:
        return _Doc(
            self._next("s"),
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

    def _correct(self, draft: _Draft, p: _Prisoner, reason: str, first: dict[str, Any]) -> None:
        draft.first = first
        draft.second = {"reason": reason}
        draft.second_at = draft.recorded_at + timedelta(days=self.rng.randint(60, 150))
        draft.second_doc = self._court_record(p, draft.second_at.date())

    def _corrections(self) -> None:
        rng = self.rng
        single = [p for p in self.prisoners if not p.rearrested and p.id != "p-042"]

        def drafts(kind: EventKind, lo: int, hi: int) -> list[tuple[_Prisoner, _Draft]]:
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
        self._correct(
            d,
            p,
            "court record obtained: the written judgment gives a shorter term",
            {"term_months": d.fields["term_months"] + 12},
        )
        p, d = rng.choice(drafts(EventKind.ARREST, 2016, 2017))
        day = d.fields["date"]
        self._correct(
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
        d.recorded_at = self._stamp(true + timedelta(days=12))
        self._correct(
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
        self._correct(
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
            and self._held(p, date(2017, 3, 1))
            and self._held(p, date(2018, 6, 1))
        ]
        p = rng.choice(pool)
        day = _day(rng, date(2017, 3, 1), date(2017, 6, 30))
        text = f"{p.name.en} reported freed on parole."
        doc = self._article(f"{p.id}:false", day, text, text, QUOTES["release"])
        draft = self._event(
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
        draft.second_doc = self._statement(UNION, draft.second_at.date(), reason.capitalize() + ".")

    # ---------------------------------------------------------------- output

    def build(self) -> list[DemoBatch]:
        self._people()
        self._cases()
        self._plan()
        self._decrees()
        self._releases(self.prisoners)
        self._extras()
        self._recognitions()
        self._rearrests()
        self._derecognitions()
        self._corrections()
        for p in self.prisoners:
            self.persons[p.id] = self._person(p)
        return self._batches()

    def _cite(self, doc: _Doc, quote: str) -> Citation:
        start = doc.text().index(quote)
        return Citation(doc.id, quote, start, start + len(quote))

    def _source(self, doc: _Doc, at: datetime) -> Source:
        return Source(
            id=doc.id,
            title=doc.title,
            kind=doc.kind,
            publisher=doc.publisher,
            published=PartialDate.of(doc.day),
            urls=(
                f"https://{doc.publisher.split(' (')[0].lower().replace(' ', '-')}"
                f".example/{doc.day:%Y/%m/%d}/{doc.id}",
            ),
            text=doc.text(),
            retrieved_at=at,
        ).with_hash()

    def _batches(self) -> list[DemoBatch]:
        rows: list[tuple[datetime, str, Event, list[_Doc]]] = []
        for p in self.prisoners:
            for d in p.drafts:
                cite = self._cite(d.doc, d.quote)
                first = Event(
                    **{**d.fields, **d.first}, citations=(cite,), recorded_at=d.recorded_at
                )
                y, m = d.recorded_at.year, d.recorded_at.month
                month_end = datetime(y, m, calendar.monthrange(y, m)[1], 23)
                label = f"Demo data (fictional): records of {calendar.month_name[m]} {y}"
                rows.append((month_end, label, first, [d.doc]))
                if d.second is not None and d.second_at and d.second_doc:
                    second = Event(
                        **{**d.fields, **d.second},
                        citations=(cite, self._cite(d.second_doc, d.second_doc.parts[1])),
                        version=2,
                        recorded_at=d.second_at,
                    )
                    rows.append((d.second_at, second.reason, second, [d.doc, d.second_doc]))
        grouped: dict[tuple[datetime, str], list[tuple[Event, list[_Doc]]]] = {}
        for at, label, event, docs in sorted(rows, key=lambda r: (r[0], r[2].id, r[2].version)):
            grouped.setdefault((at, label), []).append((event, docs))
        placed: set[str] = set()
        batches: list[DemoBatch] = []
        for (at, label), items in grouped.items():
            changes = ChangeSet(exact_versions=True)
            for event, docs in items:
                for doc in docs:
                    if doc.id not in placed:
                        placed.add(doc.id)
                        changes.sources.append(self._source(doc, at))
                self._place(changes, placed, event.person_id)
                if event.case_id and event.case_id not in placed:
                    case = self.cases[event.case_id]
                    for pid in [*case.defendants, *(o.person_id for o in case.officials)]:
                        self._place(changes, placed, pid)
                    placed.add(case.id)
                    changes.cases.append(case)
                changes.events.append(event)
            batches.append(DemoBatch(at, label, changes))
        for pid in self.persons:
            self._place(batches[0].changes, placed, pid)
        for doc in self.decree_docs:  # decrees that name no registry person are sources too
            if doc.id not in placed:
                placed.add(doc.id)
                batch = next((b for b in batches if b.at.date() >= doc.day), batches[-1])
                batch.changes.sources.append(self._source(doc, batch.at))
        return batches

    def _place(self, changes: ChangeSet, placed: set[str], person_id: str) -> None:
        if person_id not in placed:
            placed.add(person_id)
            changes.persons.append(self.persons[person_id])


def build_demo(seed: int = 2015) -> list[DemoBatch]:
    """A fictional country's registry as batches to apply in order; later ones correct earlier."""
    return _Demo(seed).build()


def load_demo(registry: SqlRegistry, seed: int = 2015, actor: str = "demo") -> int:
    """Apply the demo batches to `registry` (idempotent); return the number of demo persons."""
    persons = 0
    for batch in build_demo(seed):
        registry.apply(batch.changes, actor=actor, at=batch.at, reason=batch.reason)
        persons += len(batch.changes.persons)
    return persons


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
