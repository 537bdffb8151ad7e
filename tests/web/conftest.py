"""Fixtures of the web tests (the builders live in websupport.py)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from websupport import Site, build_review, build_site, serving

from habeas.storage.engine import dispose_engines


@pytest.fixture(scope="session")
def site_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The demo site database, built once."""
    url = f"sqlite:///{tmp_path_factory.mktemp('site') / 'site.db'}"
    build_site(url)
    return url


@pytest.fixture(scope="session")
def site(site_db: str) -> Iterator[Site]:
    """The demo site, served for the whole session (tests only read it)."""
    with serving(site_db) as running:
        yield running


@pytest.fixture(scope="session")
def review_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The review database, built once; each test gets its own copy."""
    path = tmp_path_factory.mktemp("review") / "review.db"
    build_review(f"sqlite:///{path}")
    dispose_engines()  # the last connection closing folds the WAL into the file
    return path


@pytest.fixture
def review_site(review_template: Path, tmp_path: Path) -> Iterator[Site]:
    """A fresh copy of the review database, served for one test."""
    copy = tmp_path / "review.db"
    shutil.copyfile(review_template, copy)
    with serving(f"sqlite:///{copy}") as running:
        yield running
