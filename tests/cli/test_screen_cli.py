"""The screen command, run in-process through a small Typer app as `habeas screen` will run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from habeas.cli.common import STATE
from habeas.cli.screen import screen_command
from habeas.jobs.demo import DEMO_SANCTIONS

DATA = Path(__file__).parent.parent / "data" / "ftm"
app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
app.command("screen")(screen_command)
app.command("noop", hidden=True)(lambda: None)  # two commands keep "screen" as a subcommand


@pytest.mark.parametrize("workers", [[], ["--workers", "2"]])
def test_screen_list_prints_the_json_contract(workers: list[str]) -> None:
    result = CliRunner().invoke(
        app,
        [
            "screen",
            "--names",
            str(DATA / "officials.csv"),
            "--against",
            str(DATA / "sanctions.ftm.json"),
            "--format",
            "json",
            *workers,
        ],
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["screened"] == 5
    assert [(h["id"], h["entity_id"]) for h in data["hits"]] == [
        ("o1", "fx-elsad-bagirzade"),
        ("o2", "fx-rovsan-talibov"),
    ]
    summary = " ".join(result.stderr.split())
    assert "Skipped: 1 entity without a name, 2 malformed lines, 1 unknown schema." in summary


def test_index_is_built_once_and_no_index_writes_nothing(tmp_path: Path) -> None:
    base = ["screen", "--names", str(DATA / "officials.csv"), "--against"]
    base += [str(DATA / "sanctions.ftm.json"), "--format", "json"]
    folder = tmp_path / "index"
    first = CliRunner().invoke(app, [*base, "--index-dir", str(folder)])
    second = CliRunner().invoke(app, [*base, "--index-dir", str(folder)])
    streamed = CliRunner().invoke(app, [*base, "--no-index", "--index-dir", str(tmp_path / "x")])
    for result in (first, second, streamed):
        assert result.exit_code == 0, result.stderr
    assert "Indexing the entities file once" in first.stderr
    assert "Indexing" not in second.stderr and "Indexing" not in streamed.stderr
    assert json.loads(first.stdout) == json.loads(second.stdout) == json.loads(streamed.stdout)
    assert len(list(folder.glob("*.sqlite"))) == 1 and not (tmp_path / "x").exists()


def test_screen_officials_queues_proposals(sqlite_url: str) -> None:
    STATE.db_url = sqlite_url
    try:
        result = CliRunner().invoke(
            app, ["screen", "--against", str(DATA / "sanctions.ftm.json"), "--format", "json"]
        )
    finally:
        STATE.db_url = ""
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["screened"] == 0 and data["hits"] == [] and data["changes"] is None


def test_screen_missing_file_is_an_error() -> None:
    result = CliRunner().invoke(
        app, ["screen", "--names", str(DATA / "officials.csv"), "--against", "absent.ftm.json"]
    )
    assert result.exit_code != 0
    assert "no such file" in str(result.exception)


def test_birth_date_column_gives_the_year_and_bad_dates_name_the_line(tmp_path: Path) -> None:
    names = tmp_path / "names.csv"
    names.write_text(
        "id,name,birth_date\nx1,Vagif Aliyev,1967-02-03\nx2,Vagif Aliyev,1990\n", "utf-8"
    )
    against = str(DEMO_SANCTIONS)
    args = ["screen", "--names", str(names), "--against", against, "--format", "json"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr
    pairs = {(h["id"], h["entity_id"]) for h in json.loads(result.stdout)["hits"]}
    assert pairs == {("x1", "vx-vagif-aliev-1967"), ("x2", "vx-vagif-aliyev-1990")}
    names.write_text("id,name,birth_date\nx1,Vagif Aliyev,19x7\n", "utf-8")
    result = CliRunner().invoke(app, args)
    assert result.exit_code != 0
    assert 'names.csv, line 2: birth_date: "19x7" is not a date' in str(result.exception)


def test_a_json_lines_list_carries_birth_date_and_country_too(tmp_path: Path) -> None:
    names = tmp_path / "names.jsonl"
    rows = [
        {"id": "x1", "name": "Vagif Aliyev", "birth_date": "1967-02-03", "country": "az"},
        {"id": "x2", "name": "Vagif Aliyev", "birth_date": "1990"},
    ]
    names.write_text("\n".join(json.dumps(r) for r in rows) + "\n", "utf-8")
    args = ["screen", "--names", str(names), "--against", str(DEMO_SANCTIONS), "--format", "json"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr
    pairs = {(h["id"], h["entity_id"]) for h in json.loads(result.stdout)["hits"]}
    assert pairs == {("x1", "vx-vagif-aliev-1967"), ("x2", "vx-vagif-aliyev-1990")}
