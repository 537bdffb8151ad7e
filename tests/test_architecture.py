"""Imports point inward: cli/web/jobs -> ingest/matching/storage -> names -> domain."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parent.parent / "habeas"

# Layers a module may import from, by its own layer.
ALLOWED = {
    "domain": {"domain"},
    "names": {"names", "domain"},
    "matching": {"matching", "names", "domain"},
    "storage": {"storage", "names", "domain"},
    "ingest": {"ingest", "storage", "matching", "names", "domain"},
    "jobs": {"jobs", "ingest", "storage", "matching", "names", "domain"},
    "web": {"web", "jobs", "ingest", "storage", "matching", "names", "domain"},
    "cli": {"cli", "jobs", "ingest", "storage", "matching", "names", "domain"},
}
ONLY_IN = {
    "sqlalchemy": {"storage"},
    "alembic": {"storage"},
    "fastapi": {"web"},
    "typer": {"cli"},
    "dask": {"jobs"},
    "rich": {"cli"},
}
STDLIB_ONLY = {"domain"}


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text())
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
    return found


def test_layers_import_inward_only() -> None:
    problems = []
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).parts
        if len(parts) < 2 or parts[0] not in ALLOWED:
            continue
        layer = parts[0]
        for name in _imports(path):
            top = name.split(".")
            if top[0] == "habeas" and len(top) > 1 and top[1] in ALLOWED:
                if top[1] not in ALLOWED[layer]:
                    problems.append(f"{path.relative_to(PACKAGE)} imports {name}")
            elif top[0] in ONLY_IN and layer not in ONLY_IN[top[0]]:
                problems.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert problems == []


def test_domain_uses_only_the_standard_library() -> None:
    import sys

    problems = []
    for path in (PACKAGE / "domain").rglob("*.py"):
        for name in _imports(path):
            top = name.split(".")[0]
            if top not in sys.stdlib_module_names and top not in ("habeas", "__future__"):
                problems.append(f"{path.name} imports {name}")
    assert problems == []
