"""Docs are tested: every command and every setting has its entry."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from habeas.cli.app import app

ROOT = Path(__file__).parent.parent


def _commands(group: object, prefix: str = "habeas") -> list[str]:
    names: list[str] = []
    for name, command in getattr(group, "commands", {}).items():
        full = f"{prefix} {name}"
        names.append(full)
        names.extend(_commands(command, full))
    return names


def test_every_command_has_a_docs_entry() -> None:
    headings = set(re.findall(r"^## (habeas .+)$", (ROOT / "docs/cli.md").read_text(), re.M))
    commands = _commands(typer.main.get_command(app))
    assert commands, "no commands found"
    missing = [c for c in commands if c not in headings]
    assert missing == []


def test_every_setting_is_documented() -> None:
    source = (ROOT / "habeas/settings.py").read_text()
    settings = set(re.findall(r'"(HABEAS_[A-Z_]+)"', source))
    documented = (ROOT / "docs/settings.md").read_text()
    assert settings and all(f"`{name}`" in documented for name in settings)


def test_readme_starts_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```(?:sh|bash)?\n(.*?)```", readme, re.S)
    assert blocks[0].strip() == "make demo"
    assert blocks[1].strip() == "make test"
