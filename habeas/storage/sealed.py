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
import tempfile
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

from habeas.exceptions import ConfigError
from habeas.settings import load_settings

SEALED = "fernet:"  # prefix of a sealed value; anything else was stored before sealing


def key_file() -> Path:
    """Return the key file this process seals and opens secrets with."""
    key = load_settings().secret_key_file
    if key is None:
        raise ConfigError(
            "no folder for the key that seals second-factor secrets (this user has no home "
            "folder); set HABEAS_SECRET_KEY_FILE"
        )
    return key


def _read(path: Path) -> Fernet:
    """Return the key in a key file; ConfigError naming the file when it is not one."""
    try:
        return Fernet(path.read_bytes().strip())
    except FileNotFoundError:
        raise
    except (OSError, ValueError) as exc:
        raise ConfigError(
            f"the key file that seals second-factor secrets cannot be used ({path}: {exc}); "
            "restore it from a copy, or point HABEAS_SECRET_KEY_FILE at the right file"
        ) from None


def _fernet(*, create: bool) -> Fernet:
    """Return the sealing key, made first (owner-only) if asked and missing. A new key is
    written whole to a file beside, then linked into place, so no process ever reads half of
    one; of two processes making it at once, the second takes the first one's."""
    path = key_file()
    try:
        return _read(path)
    except FileNotFoundError:
        if not create:
            raise ConfigError(
                f"the key that seals second-factor secrets is missing: {path}. Restore it, or "
                "point HABEAS_SECRET_KEY_FILE at it; without it, give the users new secrets "
                "(habeas user totp NAME)"
            ) from None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, draft = tempfile.mkstemp(prefix=".key-", dir=path.parent)  # mode 0600
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(Fernet.generate_key() + b"\n")
                stream.flush()
                os.fsync(stream.fileno())
            try:
                os.link(draft, path)
            except FileExistsError:
                pass  # another process made it first: theirs is the key
        finally:
            os.unlink(draft)
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)  # the key's name on disk before any secret sealed with it
        finally:
            os.close(folder)
    except OSError as exc:
        raise ConfigError(
            f"cannot write the key that seals second-factor secrets ({path}: {exc}); set "
            "HABEAS_SECRET_KEY_FILE to a file this user may create"
        ) from None
    return _read(path)


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
