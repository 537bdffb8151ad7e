"""Secrets the database keeps sealed (the TOTP seeds of second factors): Fernet from PyCA's
cryptography, with a key kept outside the database.

A copy of the database alone (a dump, a backup, a stolen laptop's habeas.db without the
user's configuration folder) then yields no second factor. The key file is made on first
need, readable by its owner only; every process that signs users in or adds them must read
the same file (HABEAS_SECRET_KEY_FILE). Secrets written before sealing existed are read as
they are and sealed at the user's next sign-in.
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

from habeas.exceptions import ConfigError
from habeas.settings import load_settings

SEALED = "fernet:"  # prefix of a sealed value; anything else was stored before sealing


def key_file() -> Path:
    """Return the key file this process seals and opens secrets with."""
    return load_settings().secret_key_file


def _fernet(*, create: bool) -> Fernet:
    """Return the sealing key, made first (owner-only) if asked and missing."""
    path = key_file()
    try:
        return Fernet(path.read_bytes().strip())
    except FileNotFoundError:
        if not create:
            raise ConfigError(
                f"the key that seals second-factor secrets is missing: {path}. Restore it, or "
                "point HABEAS_SECRET_KEY_FILE at it; without it, give the users new secrets"
            ) from None
    except (OSError, ValueError) as exc:
        raise ConfigError(
            f"cannot read the key that seals second-factor secrets ({path}): {exc}"
        ) from None
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    key = Fernet.generate_key()
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it just now: use theirs
        return _fernet(create=False)
    except OSError as exc:
        raise ConfigError(
            f"cannot write the key that seals second-factor secrets ({path}): {exc}"
        ) from None
    with os.fdopen(handle, "wb") as stream:
        stream.write(key + b"\n")
    return Fernet(key)


def seal(secret: str) -> str:
    """Return a secret sealed for storing (the key file is made if there is none)."""
    return SEALED + _fernet(create=True).encrypt(secret.encode()).decode()


def is_sealed(stored: str) -> bool:
    """Tell whether a stored value was sealed (or written before sealing existed)."""
    return stored.startswith(SEALED)


def unseal(stored: str) -> str:
    """Return the secret a stored value holds; ConfigError when its key is missing or other."""
    if not is_sealed(stored):
        return stored
    try:
        return _fernet(create=False).decrypt(stored[len(SEALED) :].encode()).decode()
    except InvalidToken:
        raise ConfigError(
            f"a second-factor secret was sealed with another key than {key_file()}; point "
            "HABEAS_SECRET_KEY_FILE at the key it was sealed with"
        ) from None
