"""The link command, run in-process through a small Typer app as `habeas link` will run."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from habeas.cli.link import link_command
from habeas.exceptions import HabeasError

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
app.command("link")(link_command)
app.command("noop", hidden=True)(lambda: None)  # two commands keep "link" as a subcommand


def run(*args: str) -> tuple[int, str, str, BaseException | None]:
    """Run `link ARGS`; return exit code, stdout, stderr and any exception raised."""
    result = CliRunner().invoke(app, ["link", *args])
    return result.exit_code, result.stdout, result.stderr, result.exception


def lists(tmp_path: Path) -> tuple[Path, Path]:
    left = tmp_path / "decree.csv"
    left.write_text(
        "id,name,birth_year\nd1,Qarayev Tural Vaqif oğlu,1975\nd2,Həsənov Kamran Elşən oğlu,1970\n",
        encoding="utf-8",
    )
    right = tmp_path / "registry.jsonl"
    right.write_text(
        '{"id": "p1", "name": "Tural Garayev", "birth_year": 1975}\n'
        '{"id": "p1", "name": "Турал Гараев"}\n'
        '{"id": "p2", "name": "Lamiya Nasibova", "birth_year": 1984}\n',
        encoding="utf-8",
    )
    return left, right


def test_link_prints_csv_with_header(tmp_path: Path) -> None:
    left, right = lists(tmp_path)
    code, out, err, _ = run(str(left), str(right))
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["left_id", "right_id", "score", "decision", "explanation"]
    assert [(r["left_id"], r["right_id"], r["decision"]) for r in rows] == [("d1", "p1", "match")]
    assert "1 pairs at or above the threshold." in err


def test_link_writes_json_lines_to_a_file(tmp_path: Path) -> None:
    left, right = lists(tmp_path)
    out_path = tmp_path / "pairs.jsonl"
    code, out, err, _ = run(str(left), str(right), "-o", str(out_path), "--format", "json")
    assert code == 0, err
    assert out == ""
    rows = [json.loads(line) for line in out_path.read_text("utf-8").splitlines()]
    assert rows[0]["right_id"] == "p1" and rows[0]["score"] >= 0.8
    assert not (tmp_path / "pairs.jsonl.part").exists()


def test_link_threshold_out_of_range_is_a_usage_error(tmp_path: Path) -> None:
    left, right = lists(tmp_path)
    code, _, _, _ = run(str(left), str(right), "--threshold", "2")
    assert code == 2


def test_csv_without_id_raises_one_line_and_leaves_no_output(tmp_path: Path) -> None:
    _, right = lists(tmp_path)
    left = tmp_path / "bad.csv"
    left.write_text("name\nTural Garayev\n", encoding="utf-8")
    out_path = tmp_path / "pairs.csv"
    _, _, _, error = run(str(left), str(right), "-o", str(out_path))
    assert isinstance(error, HabeasError)
    assert str(error).startswith('bad.csv, line 1: missing column "id"')
    assert not out_path.exists() and not (tmp_path / "pairs.csv.part").exists()
