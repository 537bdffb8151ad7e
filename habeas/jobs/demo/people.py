"""The demo's people: officials who run the cases and the prisoners whose stories are told."""

from __future__ import annotations

from dataclasses import replace

from habeas.domain.case import OfficialRole
from habeas.domain.dates import PartialDate
from habeas.domain.person import Gender, Note, NoteKind, Person, PersonRole
from habeas.jobs.demo.names import FEMALE, MALE, SURNAMES, FullName
from habeas.jobs.demo.records import Prisoner
from habeas.jobs.demo.state import Demo
from habeas.jobs.demo.tables import AFFILIATIONS, BIOGRAPHY, COUNTRY, COURTS, OCCUPATIONS


def invent_name(demo: Demo, gender: Gender) -> FullName:
    """A new random name: never used before, never a real person's."""
    rng = demo.rng
    while True:
        given = rng.choice(FEMALE if gender is Gender.FEMALE else MALE)
        name = FullName(given, rng.choice(SURNAMES), rng.choice(MALE), gender)
        key = (given.az, name.surname.az)
        if key not in demo.used and name.father != given and not name.is_real():
            demo.used.add(key)
            return name


def add_people(demo: Demo) -> None:
    """Judges, prosecutors and investigators as persons; prisoners as stories to tell."""
    rng = demo.rng
    roles = [OfficialRole.JUDGE] * 10 + [OfficialRole.PROSECUTOR] * 8
    roles += [OfficialRole.INVESTIGATOR] * 7
    for number, role in enumerate(roles, 1):
        gender = Gender.FEMALE if rng.random() < 0.2 else Gender.MALE
        name = invent_name(demo, gender)
        where = COURTS[number % 3] if role is OfficialRole.JUDGE else COUNTRY
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
        demo.persons[person.id] = person
        demo.officials.setdefault(role, []).append(person.id)
        if role is OfficialRole.JUDGE:
            demo.courts[person.id] = where
    occupations = [o for o, (n, _, _) in OCCUPATIONS.items() for _ in range(n)]
    rng.shuffle(occupations)
    for number, occupation in enumerate(occupations, 1):
        gender = Gender.FEMALE if rng.random() < 0.16 else Gender.MALE
        demo.prisoners.append(
            Prisoner(
                f"p-{number:03d}", invent_name(demo, gender), occupation, rng.randint(1956, 1996)
            )
        )
    twin = demo.prisoners[-1]  # a namesake: same name, other father and birth year
    first = demo.prisoners[7]
    father = next(p for p in MALE if p not in (first.name.father, first.name.given))
    twin.name = replace(first.name, father=father)
    twin.born = first.born + 9


def to_person(demo: Demo, p: Prisoner) -> Person:
    """The registry person for prisoner `p`, with notes drawn at random (one is at risk)."""
    rng = demo.rng
    notes: tuple[Note, ...] = ()
    if p.died or rng.random() < 0.06:
        notes += (Note(NoteKind.HEALTH, "Chronic illness; prison clinic refused treatment."),)
    if rng.random() < 0.08:
        notes += (Note(NoteKind.FAMILY, "Family contact only through the lawyer."),)
    risk = p.id == "p-042"
    if risk:
        notes += (Note(NoteKind.FAMILY, "Relatives threatened; do not publish."),)
    affiliation = AFFILIATIONS[p.occupation]
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
