"""Bad input: one clear line naming file, line, column and problem; exit 1; nothing written."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from factory import DATA
from test_cli import habeas, habeas_process

FIXTURE = DATA / "registry"
HEADER = "event_id,person_id,type,date,detail,source_url\n"


def _rows(db: Path) -> tuple[int, int, int]:
    with sqlite3.connect(db) as conn:
        return tuple(  # type: ignore[return-value]
            conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("persons", "events", "audit")
        )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "habeas.db"
    assert habeas(path, "import", str(FIXTURE / "persons.csv")).returncode == 0
    return path


CASES = [
    (
        "unknown type",
        HEADER + "x1,p1,kidnap,2015-01-01,,\n",
        'events.csv, line 2, column type: unknown event type "kidnap"',
    ),
    (
        "february 30",
        HEADER + "x1,p1,arrest,2015-02-30,,\n",
        "events.csv, line 2, column date: 2015-02-30 does not exist",
    ),
    (
        "duplicate id",
        HEADER + "x1,p1,arrest,2015-01-01,,\nx1,p1,arrest,2015-01-02,,\n",
        'events.csv, line 3, column event_id: duplicate event_id "x1" (first on line 2)',
    ),
    (
        "unknown person",
        HEADER + "x1,p1,arrest,2015-01-01,,\nx2,zz,arrest,2015-01-01,,\n",
        'events.csv, line 3: no person with id "zz"',
    ),
    (
        "release before arrest",
        HEADER + "x1,p1,arrest,2015-03-01,,\nx2,p1,release,2015-02-01,served,\n",
        'line 3: impossible chronology for person "p1": release on 2015-02-01 comes before the '
        "arrest on 2015-03-01",
    ),
    (
        "sentence before charge",
        HEADER + "x1,p1,charge,2015-03-01,,\nx2,p1,sentence,2015-02-01,5y,\n",
        'line 3: impossible chronology for person "p1": sentence on 2015-02-01 comes before '
        "the charge",
    ),
    (
        "ragged row",
        HEADER + "x1,p1,arrest,2015-01-01\n",
        "events.csv, line 2: has 4 fields but the header has 6",
    ),
    (
        "bad term",
        HEADER + "x1,p1,sentence,2015-01-01,six years,\n",
        'events.csv, line 2, column detail: "six years" is not a term',
    ),
    (
        "missing organisation",
        HEADER + "x1,p1,recognition,2015-01-01,,\n",
        "events.csv, line 2, column detail: a recognition needs the organisation",
    ),
    (
        "unknown release reason",
        HEADER + "x1,p1,arrest,2014-01-01,,\nx2,p1,release,2015-01-01,escaped,\n",
        'events.csv, line 3, column detail: release reason "escaped" is unknown',
    ),
    ("empty file", "", "events.csv: the file is empty"),
    ("header only", HEADER, "events.csv: has a header but no rows"),
    (
        "unknown header",
        "a,b,c\n1,2,3\n",
        "events.csv, line 1: header is neither persons.csv nor events.csv",
    ),
    ("unclosed quote", HEADER + 'x1,p1,arrest,2015-01-01,"oops,\n', "events.csv, line"),
]


@pytest.mark.parametrize(("name", "content", "message"), CASES, ids=[c[0] for c in CASES])
def test_bad_events_file(db: Path, tmp_path: Path, name: str, content: str, message: str) -> None:
    before = _rows(db)
    bad = tmp_path / "events.csv"
    bad.write_text(content, encoding="utf-8")
    result = habeas(db, "import", str(bad))
    assert result.returncode == 1, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert message in lines[0]
    assert "Traceback" not in result.stderr
    assert _rows(db) == before


def test_non_utf8_file_names_the_line(db: Path, tmp_path: Path) -> None:
    before = _rows(db)
    bad = tmp_path / "events.csv"
    bad.write_bytes(
        (HEADER + "x1,p1,arrest,2015-01-01,,\nx2,p1,hunger_strike,2015-02-01,").encode()
        + "Qasımov".encode("cp1254")
        + b",\n"
    )
    result = habeas(db, "import", str(bad))
    assert result.returncode == 1
    assert "events.csv, line 3: is not UTF-8" in result.stderr
    assert _rows(db) == before


def test_one_bad_file_of_two_writes_neither(tmp_path: Path) -> None:
    db = tmp_path / "habeas.db"
    bad = tmp_path / "events.csv"
    bad.write_text(
        HEADER + "x1,p1,arrest,2015-01-01,,\nx2,p1,arrest,2015-13-01,,\n", encoding="utf-8"
    )
    result = habeas(db, "import", str(FIXTURE / "persons.csv"), str(bad))
    assert result.returncode == 1
    assert "line 3, column date" in result.stderr
    assert _rows(db) == (0, 0, 0)


def test_bad_persons_file(tmp_path: Path) -> None:
    db = tmp_path / "habeas.db"
    bad = tmp_path / "persons.csv"
    bad.write_text(
        "person_id,name,other_names,birth_year,gender,occupation\n"
        "q1,Anar,,1980,male,\nq2,Leyla,,19x5,female,\n",
        encoding="utf-8",
    )
    result = habeas(db, "import", str(bad))
    assert result.returncode == 1
    assert "persons.csv, line 3, column birth_year" in result.stderr


def test_missing_file_is_one_line(tmp_path: Path) -> None:
    result = habeas_process(tmp_path / "h.db", "import", str(tmp_path / "nope.csv"))
    assert result.returncode == 1
    assert "nope.csv: cannot read the file" in result.stderr
