"""Write the FICTIONAL gold articles of articles.py (and heldout*/articles.py) as
NN-slug.txt + NN-slug.gold.json (the seed article's gold format, offsets computed from the
text). Run from anywhere: python tests/data/news/build.py"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
FOOTER = "(Fictional article for the habeas tests: every name is invented.)"


def _articles(folder: Path) -> list[dict[str, Any]]:
    spec = importlib.util.spec_from_file_location(f"gold_{folder.name}", folder / "articles.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    articles: list[dict[str, Any]] = module.ARTICLES
    return articles


def _spans(text: str, needle: str) -> list[list[int]]:
    return [[m.start(), m.end()] for m in re.finditer(rf"\b{re.escape(needle)}\b", text)]


def _quote_span(text: str, opening: str) -> list[int]:
    start = text.index(opening)
    end = text.index("”", start + 1) + 1
    return [start, end]


def build(folder: Path = HERE) -> list[Path]:
    """Write every article and its gold file; return the gold paths."""
    written = []
    for number, item in enumerate(_articles(folder), start=1):
        stem = f"{number:02d}-{item['slug']}"
        text = item["text"] + "\n\n" + FOOTER
        persons = []
        for key, name, mentions, prisoner in item["persons"]:
            spans: list[list[int]] = []
            for mention in mentions:
                spans += [s for s in _spans(text, mention) if s not in spans]
            persons.append(
                {"key": key, "name": name, "prisoner": prisoner, "mentions": sorted(spans)}
            )
        events = []
        for index, event in enumerate(item["events"], start=1):
            data = {"id": f"E{index}", **event}
            if "term" in data:
                data["term"] = {"months": data["term"]}
            data.setdefault("flags", [])
            data["must_not_become_update"] = bool(data["flags"])
            events.append(data)
        quotes = [
            {"id": f"Q{i}", "span": _quote_span(text, opening), "speaker": speaker}
            for i, (opening, speaker) in enumerate(item["quotes"], start=1)
        ]
        not_quotes = [
            {"span": [text.index(q), text.index(q) + len(q)], "text": q, "kind": "scare quote"}
            for q in item.get("not_quotes", [])
        ]
        gold = {
            "article": f"{stem}.txt",
            "fictional": True,
            "published": item["published"],
            "persons": persons,
            "events": events,
            "quotes": quotes,
            "not_quotes": not_quotes,
        }
        (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
        path = folder / f"{stem}.gold.json"
        path.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for where in (HERE, HERE / "heldout", HERE / "heldout2"):
        print(f"wrote {len(build(where))} gold articles to {where}")
