"""Web benchmark: the real app (`habeas serve`) over the 50,000-person bench database.

A small httpx load generator on loopback (threads, bounded in time) prints throughput and
p50/p99 latency for the public list page, a person page, the statistics page and the API
list endpoint. Goals on a 2-core machine: >= 300 requests/s for the list page with
p99 <= 100 ms; person page p50 <= 20 ms. Figures are printed, never asserted.

    python bench/web.py [--persons 50000] [--seconds 8] [--clients 4] [--db sqlite:///x.db]
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from registry import generate  # noqa: E402


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def load(base: str, path: str, seconds: float, clients: int) -> tuple[int, list[float], int]:
    """Hit `path` from `clients` threads for `seconds`; (requests, latencies ms, errors)."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def worker() -> None:
        nonlocal errors
        mine: list[float] = []
        bad = 0
        with httpx.Client(base_url=base, timeout=30) as client:
            while time.perf_counter() < stop:
                start = time.perf_counter()
                response = client.get(path)
                mine.append((time.perf_counter() - start) * 1000)
                bad += response.status_code != 200
        with lock:
            latencies.extend(mine)
            errors += bad

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(latencies), latencies, errors


def main() -> None:
    """Build (or reuse) the bench database, serve it, and load each page in turn."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--persons", type=int, default=50_000)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--db", default="", help="reuse this database instead of building one")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="habeas-bench-web-"))
    url = args.db or f"sqlite:///{folder / 'bench.db'}"
    try:
        if not args.db:
            start = time.perf_counter()
            events = generate(folder, args.persons, 10)
            subprocess.run(
                [sys.executable, "-m", "habeas", "--db", url, "import"]
                + [str(folder / "persons.csv"), str(folder / "events.csv")],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            print(
                f"built {args.persons:,} fictional persons, {events:,} events "
                f"in {time.perf_counter() - start:.0f} s"
            )
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "habeas", "--db", url, "serve", "--port", str(port)],
            env={**os.environ},
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    raise SystemExit("the server did not start")
                time.sleep(0.2)
            day = "2013-06-01"
            listed = httpx.get(f"{base}/api/v1/list?as_of={day}", timeout=300).json()
            person = listed["items"][0]["id"] if listed["items"] else "b000000"
            print(f"list on {day}: {listed['count']:,} persons (page shows 200 rows)")
            pages = {
                "list page": f"/?as_of={day}",
                "person page": f"/persons/{person}",
                "statistics page": f"/statistics?as_of={day}",
                "API list": f"/api/v1/list?as_of={day}",
            }
            for label, path in pages.items():
                httpx.get(base + path, timeout=300)  # warm the caches once
                n, latencies, errors = load(base, path, args.seconds, args.clients)
                cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
                print(
                    f"{label:16} {n / args.seconds:7.1f} req/s   p50 {cuts[49]:7.1f} ms   "
                    f"p99 {cuts[98]:7.1f} ms   errors {errors}"
                )
        finally:
            server.terminate()
            server.wait(10)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
