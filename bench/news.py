"""Benchmark of news extraction: throughput on 600-word articles, model load time, and
per-field precision/recall/F1 on the gold sets (the seed article, the FICTIONAL dev set
the rules were written against, and the two FICTIONAL held-out sets).

Run: .venv/bin/python bench/news.py [--articles N] [--processes P]

The 600-word articles are built by joining the fictional gold articles' paragraphs until
each has 600 words. Figures are printed, never asserted (the floors are in
tests/ingest/news/test_news_gold.py).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from habeas.ingest.news.extract import extract, extract_many  # noqa: E402
from habeas.ingest.news.gold import FIELDS, Score, load_gold, score_article  # noqa: E402
from habeas.ingest.news.model import load_pipeline  # noqa: E402

GOLD = ROOT / "tests" / "data" / "news"
SEED = ROOT.parent / "shared" / "fixtures" / "news" / "seed-article.gold.json"


def _articles(count: int, words: int = 600) -> list[str]:
    paragraphs = [
        p
        for path in sorted(GOLD.glob("*.txt"))
        for p in path.read_text(encoding="utf-8").split("\n\n")[1:-1]
    ]
    articles, current, size, i = [], [], 0, 0
    while len(articles) < count:
        paragraph = paragraphs[i % len(paragraphs)]
        i += 1
        current.append(paragraph)
        size += len(paragraph.split())
        if size >= words:
            articles.append("\n\n".join(current))
            current, size = [], 0
    return articles


def _score(paths: list[Path]) -> Score:
    total = Score()
    for path in paths:
        text, gold = load_gold(path)
        total.add(score_article(extract(text, date.fromisoformat(gold["published"])), gold))
    return total


def _load_time() -> float:
    """Model load time in a fresh process (import and load, as a command pays it)."""
    code = (
        "import time; t = time.perf_counter();"
        "from habeas.ingest.news.model import load_pipeline; load_pipeline();"
        "print(time.perf_counter() - t)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return float(out.stdout.strip())


def main() -> None:
    """Print throughput, load time and gold scores."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=120)
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    pipeline = load_pipeline()
    print(f"model: {pipeline.provenance}")
    print(f"model load (fresh process, with imports): {_load_time():.2f} s")
    texts = _articles(args.articles)
    words = sum(len(t.split()) for t in texts) / len(texts)
    items = [(t, date(2020, 1, 1)) for t in texts]
    list(extract_many(items[:4]))  # warm up
    for processes in sorted({1, args.processes}):
        started, cpu = time.perf_counter(), time.process_time()
        found = list(extract_many(items, processes=processes))
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        print(
            f"throughput: {len(found) / elapsed:.1f} articles/s on {processes} process(es) "
            f"({len(found)} articles of {words:.0f} words, {elapsed:.1f} s wall)"
        )
        if processes == 1:
            print(
                f"  CPU time {1000 * cpu / len(found):.0f} ms per article: "
                f"{len(found) / cpu:.1f} articles per CPU-second; load average now "
                f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
            )
    sets = [
        ("seed", [SEED] if SEED.exists() else []),
        ("dev", sorted(GOLD.glob("*.gold.json"))),
        ("heldout", sorted((GOLD / "heldout").glob("*.gold.json"))),
        ("heldout2", sorted((GOLD / "heldout2").glob("*.gold.json"))),
    ]
    for name, paths in sets:
        if not paths:
            continue
        score = _score(paths)
        print(f"\n{name} ({len(paths)} articles)")
        print(f"  {'field':8} {'P':>5} {'R':>5} {'F1':>5}   tp  fp  fn")
        for field in FIELDS:
            t = score.tallies[field]
            print(
                f"  {field:8} {t.precision:5.2f} {t.recall:5.2f} {t.f1:5.2f}  "
                f"{t.tp:3d} {t.fp:3d} {t.fn:3d}"
            )


if __name__ == "__main__":
    main()
