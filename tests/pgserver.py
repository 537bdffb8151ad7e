"""Start and stop a throwaway PostgreSQL cluster on loopback, for tests, CI and benchmarks.

    python tests/pgserver.py start DIR   # prints the URL of a fresh cluster in DIR
    python tests/pgserver.py stop DIR

As root, the server runs as the `postgres` user (PostgreSQL refuses to run as root).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path


def find_bin(name: str) -> str:
    """Path of a PostgreSQL server binary (PATH first, then Debian's versioned folders)."""
    found = shutil.which(name)
    if found:
        return found
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        candidate = os.path.join(folder, name)
        if os.path.exists(candidate):
            return candidate
    raise RuntimeError(f"{name} not found; install PostgreSQL (apt-get install postgresql)")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_server_user(cmd: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


def start(folder: Path) -> str:
    """Create and start a cluster in `folder`; return a psycopg URL to database `habeas`."""
    folder.mkdir(parents=True, exist_ok=True)
    data = folder / "data"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
        folder.chmod(0o700)
    subprocess.run(
        _as_server_user(
            [
                find_bin("initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ]
        ),
        check=True,
        capture_output=True,
    )
    port = _free_port()
    options = f"-c listen_addresses=127.0.0.1 -c port={port} -k {folder} -c fsync=off"
    subprocess.run(
        _as_server_user(
            [
                find_bin("pg_ctl"),
                "-D",
                str(data),
                "-o",
                options,
                "-l",
                str(folder / "log"),
                "-w",
                "start",
            ]
        ),
        check=True,
        capture_output=True,
    )
    subprocess.run(
        _as_server_user(
            [find_bin("createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "habeas"]
        ),
        check=True,
        capture_output=True,
    )
    url = f"postgresql+psycopg://postgres@127.0.0.1:{port}/habeas"
    (folder / "url").write_text(url)
    return url


def stop(folder: Path) -> None:
    """Stop the cluster in `folder` (its files stay until the folder is removed)."""
    data = folder / "data"
    if data.exists():
        subprocess.run(
            _as_server_user([find_bin("pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
            check=False,
            capture_output=True,
        )


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("start", "stop"):
        sys.exit("usage: pgserver.py start|stop DIR")
    target = Path(sys.argv[2])
    if sys.argv[1] == "start":
        print(start(target))
    else:
        stop(target)
