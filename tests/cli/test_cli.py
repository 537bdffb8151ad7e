"""The habeas command, run as a user runs it: a real process on a real SQLite file."""

from __future__ import annotations

import contextlib
import io
import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from factory import DATA

from habeas.cli.app import main

FIXTURE = DATA / "registry"


def habeas_process(
    db: Path, *args: str, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `python -m habeas --db sqlite:///DB ARGS` as a separate process."""
    return subprocess.run(
        [sys.executable, "-m", "habeas", "--db", f"sqlite:///{db}", "--actor", "ana", *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "COLUMNS": "200", "HOME": str(db.parent)},
    )


def habeas(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the real CLI entry point in this process (fast), capturing output and exit code."""
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(["--db", f"sqlite:///{db}", "--actor", "ana", *args])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
    return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())


@pytest.fixture
def loaded(tmp_path: Path) -> Path:
    db = tmp_path / "habeas.db"
    result = habeas(
        db,
        "import",
        str(FIXTURE / "persons.csv"),
        str(FIXTURE / "events.csv"),
        str(FIXTURE / "correction.csv"),
    )
    assert result.returncode == 0, result.stderr
    return db


def test_count_prints_the_number_alone(loaded: Path) -> None:
    result = habeas_process(loaded, "count", "--as-of", "2015-12-28")
    assert result.stdout == "5\n"


def test_count_json_contract(loaded: Path) -> None:
    result = habeas(
        loaded, "count", "--as-of", "2015-12-28", "--known-at", "2016-01-10", "--format", "json"
    )
    payload = json.loads(result.stdout)
    assert payload == {
        "as_of": "2015-12-28",
        "known_at": "2016-01-10T23:59:59.999999",
        "by": None,
        "count": 4,
    }


def test_count_by_organisation(loaded: Path) -> None:
    assert habeas(loaded, "count", "--as-of", "2015-12-28", "--by", "Union A").stdout == "3\n"


def test_list_csv_and_json(loaded: Path) -> None:
    csv_out = habeas(loaded, "list", "--as-of", "2015-12-28", "--format", "csv").stdout
    lines = csv_out.strip().splitlines()
    assert lines[0] == "id,name,other_names,since,recognised_by"
    assert len(lines) == 6 and lines[1].startswith("p4,Elmir Rzayev,")
    rows = json.loads(habeas(loaded, "list", "--as-of", "2015-12-28", "--format", "json").stdout)
    assert {r["id"] for r in rows} == {"p2", "p4", "p5", "p7", "p8"}


def test_timeline_csv(loaded: Path) -> None:
    result = habeas(
        loaded, "timeline", "--from", "2015-10-01", "--to", "2016-03-01", "--every", "month"
    )
    assert result.stdout.splitlines() == [
        "date,count",
        "2015-10-01,4",
        "2015-11-01,4",
        "2015-12-01,5",
        "2016-01-01,5",
        "2016-02-01,5",
        "2016-03-01,5",
    ]


def test_show_prints_timeline_with_sources(loaded: Path) -> None:
    result = habeas(loaded, "show", "p1")
    assert result.returncode == 0
    assert "Anar Qasimov" in result.stdout and "Анар Касимов" in result.stdout
    assert "https://example.org/fictional/decree-2015" in result.stdout
    flat = " ".join(re.sub(r"[│┃|]", " ", result.stdout).split())
    assert '[1] "Anar' in flat and 'Saturday"' in flat
    assert "[4] https://example.org/fictional/decree-2015" in flat


def test_show_history_lists_every_version(loaded: Path) -> None:
    result = habeas(loaded, "show", "p5", "--history", "--format", "json")
    versions = [(e["id"], e["version"]) for e in json.loads(result.stdout)["events"]]
    assert ("e23", 1) in versions and ("e23", 2) in versions


def test_due_flags_people_held_past_their_term(loaded: Path) -> None:
    result = habeas(loaded, "due", "--within", "90d", "--today", "2016-04-01", "--format", "json")
    rows = {r["id"]: r for r in json.loads(result.stdout)}
    assert rows["p4"]["expected_release"] == "2016-05-30" and rows["p4"]["flag"] == ""
    assert rows["p2"]["flag"] == "HELD PAST TERM"


def test_audit_verify_names_a_row_edited_behind_habeas_back(loaded: Path) -> None:
    assert habeas(loaded, "audit", "verify").returncode == 0
    with sqlite3.connect(loaded) as conn:
        conn.execute("UPDATE audit SET reason = 'nothing to see' WHERE seq = 12")
    result = habeas(loaded, "audit", "verify")
    assert result.returncode == 1
    assert "Audit entry 12 is broken" in result.stderr


def test_publish_and_diff(loaded: Path) -> None:
    first = habeas(loaded, "publish", "--as-of", "2015-12-27", "--title", "Before")
    assert "Published list 1" in first.stdout
    habeas(loaded, "publish", "--as-of", "2016-03-01", "--title", "After")
    diff = json.loads(habeas(loaded, "publish", "diff", "1", "2", "--format", "json").stdout)
    removed = {d["id"]: d["because"] for d in diff if d["change"] == "removed"}
    assert "release (pardon) on 2015-12-28" in removed["p1"]
    listed = json.loads(habeas(loaded, "publish", "list", "--format", "json").stdout)
    assert [(p["number"], p["count"]) for p in listed] == [(1, 5), (2, 5)]


def test_search_any_script(loaded: Path) -> None:
    result = habeas(loaded, "search", "Касимов", "--format", "json")
    assert [r["id"] for r in json.loads(result.stdout)] == ["p1"]


def test_export_jsonl_and_reimport_into_new_db(loaded: Path, tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    assert habeas(loaded, "export", "--format", "jsonl", "-o", str(dump)).returncode == 0
    fresh = tmp_path / "fresh.db"
    assert habeas(fresh, "import", str(dump)).returncode == 0
    assert habeas(fresh, "count", "--as-of", "2015-12-28").stdout == "5\n"


def test_export_csv_reimports_to_the_same_counts(loaded: Path, tmp_path: Path) -> None:
    out = tmp_path / "csv"
    assert habeas(loaded, "export", "--format", "csv", "-o", str(out)).returncode == 0
    fresh = tmp_path / "fresh.db"
    result = habeas(fresh, "import", str(out / "persons.csv"), str(out / "events.csv"))
    assert result.returncode == 0, result.stderr
    for day in ("2013-01-01", "2015-12-28", "2016-03-01"):
        assert (
            habeas(fresh, "count", "--as-of", day).stdout
            == habeas(loaded, "count", "--as-of", day).stdout
        )


def test_usage_error_exits_2(loaded: Path) -> None:
    result = habeas_process(loaded, "count", "--as-of", "2015-02-30")
    assert result.returncode == 2
    assert "February 2015 has 28 days" in result.stderr


def test_unknown_person_is_one_line_exit_1(loaded: Path) -> None:
    result = habeas_process(loaded, "show", "p-0042")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        'Error: No person with id "p-0042". Find ids with: habeas search NAME'
    ]


def test_help_lists_every_command_in_one_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "habeas", "--help"],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "COLUMNS": "200"},
    )
    for command in ("count", "list", "show", "timeline", "due", "import", "export", "publish"):
        assert f" {command} " in result.stdout


def test_retract_withdraws_a_fact_but_keeps_history(loaded: Path) -> None:
    assert habeas(loaded, "count", "--as-of", "2016-03-01").stdout == "5\n"
    result = habeas(loaded, "retract", "e15", "--reason", "arrest report was wrong")
    assert result.returncode == 0, result.stderr
    assert habeas(loaded, "count", "--as-of", "2016-03-01").stdout == "4\n"
    history = json.loads(habeas(loaded, "show", "p3", "--history", "--format", "json").stdout)
    versions = [(e["version"], e["retracted"]) for e in history["events"] if e["id"] == "e15"]
    assert versions == [(1, False), (2, True)]
    assert habeas(loaded, "retract", "e15", "--reason", "again").returncode == 1
    assert habeas(loaded, "retract", "nope", "--reason", "x").returncode == 1


def test_import_reason_is_kept_with_corrections(loaded: Path, tmp_path: Path) -> None:
    fix = tmp_path / "fix.csv"
    fix.write_text(
        "event_id,person_id,type,date,detail,source_url\ne14,p3,release,2015-05-11,served,\n",
        encoding="utf-8",
    )
    assert habeas(loaded, "import", str(fix), "--reason", "court record").returncode == 0
    history = json.loads(habeas(loaded, "show", "p3", "--history", "--format", "json").stdout)
    latest = [e for e in history["events"] if e["id"] == "e14"][-1]
    assert latest["reason"] == "import fix.csv: court record" and latest["version"] == 2
