"""persons.csv rows (and the web form, which reuses them) over a stored person."""

from __future__ import annotations

from habeas.domain.person import NameKind, Person, PersonName, Script
from habeas.ingest.imports.spreadsheet import Row, parse_persons

STORED = Person(
    id="p1",
    names=(
        PersonName("Mirqədirov Rauf Fazil oğlu", Script.LATN, "az", NameKind.OFFICIAL, "s-decree"),
        PersonName("Rauf Mirgadirov", Script.LATN, "en", NameKind.TRANSLITERATION, "s-news"),
    ),
)


def _row(**values: str) -> Row:
    base = {"person_id": "p1", "name": "", "other_names": "", "birth_year": "", "gender": ""}
    base.update({"occupation": "", **values})
    return Row(2, base)


def test_a_row_keeps_where_each_stored_spelling_came_from() -> None:
    row = _row(
        name="Rauf Mirgadirov",
        other_names="Mirqədirov Rauf Fazil oğlu | Рауф Миргадиров",
        occupation="journalist",
    )
    (person,) = parse_persons([row], "persons.csv", {"p1": STORED}).persons
    by_value = {n.value: n for n in person.names}
    assert by_value["Mirqədirov Rauf Fazil oğlu"] == STORED.names[0]
    assert by_value["Rauf Mirgadirov"] == STORED.names[1]
    new = by_value["Рауф Миргадиров"]
    assert (new.script, new.kind, new.source_id) == (Script.CYRL, NameKind.TRANSLITERATION, None)
    assert person.names[0].value == "Rauf Mirgadirov"  # the row's name leads
    assert person.occupations == ("journalist",)
