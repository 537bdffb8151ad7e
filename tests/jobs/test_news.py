"""News job on a real database: articles stored once, syndication, proposals per fact with
every source, flagged events never proposed, feeds over HTTP on loopback (ETag, 304, errors).
Every article here except the seed is fictional."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from factory import event, person

from habeas.domain.proposal import ProposalKind, ProposalStatus
from habeas.domain.source import content_hash
from habeas.ingest.news.article import Article
from habeas.ingest.news.fetch import HttpClient
from habeas.jobs.feed import fetch_feed, watch
from habeas.jobs.news import NewsContext, add_article, add_files
from habeas.storage.registry import ChangeSet
from habeas.storage.sql import SqlRegistry

AT = datetime(2016, 3, 5, 12, 0)
SEED = Path(__file__).parents[2].parent / "shared" / "fixtures" / "news" / "seed-article.txt"
ARREST = (
    "Veldorian blogger Tamar Ostrava (fictional) was arrested on March 1, 2016, in the "
    "capital, her husband said. Police accused her of hooliganism after she filmed a protest "
    "outside the parliament. Her supporters say the accusation is fabricated and that she "
    "is being punished for her posts about corruption in the ministry."
)
ARREST_AGAIN = (
    "Police in Veldoria arrested Tamar Ostrava (fictional) on March 1, 2016. Ostrava, a "
    "blogger known for her posts about corruption, was taken to the central police station. "
    "Her husband said he had not been allowed to see her since the arrest."
)


def ctx(url: str) -> NewsContext:
    return NewsContext(SqlRegistry(url), "ana", AT)


def test_seed_article_proposes_the_sentence_of_a_new_candidate_and_nothing_flagged(
    db_url: str,
) -> None:
    if not SEED.exists():
        pytest.skip("shared fixtures not present")
    (result,) = add_files(ctx(db_url), [SEED], published=date(2015, 12, 30))
    assert result.error == ""
    registry = SqlRegistry(db_url)
    pending = registry.proposals(ProposalStatus.PENDING)
    kinds = sorted((p.events[0].kind.value, p.events[0].date.isoformat()) for p in pending)
    assert kinds == [("hearing", "2015-12-25"), ("sentence", "2015-12-28")]
    sentence = next(p for p in pending if p.events[0].kind.value == "sentence")
    assert sentence.kind is ProposalKind.NEWS and sentence.person is not None
    assert sentence.person.name == "Rauf Mirgadirov" and sentence.decision == "new"
    assert sentence.events[0].term_months == 72 and "espionage" in sentence.events[0].detail
    assert "disputed" in sentence.explanation and "decried as false" in sentence.explanation
    (citation,) = sentence.evidence
    text = SEED.read_text()
    assert text[citation.start : citation.end] == citation.quote
    assert citation.quote.startswith("On the same day, prominent journalist Rauf Mirgadirov")
    # flagged events are context only: no release, pardon, decree or charge proposal
    assert not any(p.events[0].kind.value in ("release", "pardon", "charge") for p in pending)
    assert any(line.startswith("not proposed (hypothetical)") for line in result.context)
    assert any(line.startswith("not proposed (negated, in_quote)") for line in result.context)
    # accepting creates the new person and the sentence, citing the stored article
    registry.accept(sentence.id, actor="ana", at=AT)
    created = registry.get_person(sentence.person_id)
    assert created.name == "Rauf Mirgadirov"
    events = registry.events_by_person([created.id])[created.id]
    assert [e.kind.value for e in events] == ["sentence"]
    assert events[0].citations[0].source_id == citation.source_id
    assert registry.get_proposal(sentence.id).person_id == created.id


def test_adding_the_same_article_twice_stores_it_once(db_url: str) -> None:
    article = Article(ARREST, title="Blogger arrested (fictional)")
    first = add_article(ctx(db_url), article, label="a", url="https://a.example/1")
    second = add_article(ctx(db_url), article, label="a", url="https://a.example/1")
    assert first.added is not None and second.added is not None
    assert first.added.new and not second.added.new and not second.added.new_url
    registry = SqlRegistry(db_url)
    assert len(registry.articles()) == 1
    assert len(registry.proposals()) == first.added.proposals_new == 1


def test_syndicated_copy_is_one_source_with_two_addresses(db_url: str) -> None:
    article = Article(ARREST)
    add_article(ctx(db_url), article, label="a", url="https://a.example/1")
    copy = add_article(ctx(db_url), article, label="b", url="https://b.example/x")
    assert copy.added is not None and copy.added.new_url and not copy.added.new
    (stored,) = SqlRegistry(db_url).articles()
    assert stored.urls == ("https://a.example/1", "https://b.example/x")
    assert stored.source.urls == ("https://a.example/1", "https://b.example/x")
    assert stored.source.text == ARREST


def test_the_same_fact_from_two_articles_is_one_proposal_with_two_sources(db_url: str) -> None:
    add_article(ctx(db_url), Article(ARREST), label="a", published=date(2016, 3, 2))
    second = add_article(ctx(db_url), Article(ARREST_AGAIN), label="b", published=date(2016, 3, 3))
    assert second.added is not None and second.added.proposals_merged == 1
    (proposal,) = SqlRegistry(db_url).proposals()
    assert proposal.events[0].kind.value == "arrest"
    assert proposal.events[0].date.isoformat() == "2016-03-01"
    assert len({c.source_id for c in proposal.evidence}) == 2
    assert proposal.summary.endswith("[2 sources]")
    assert len(proposal.events[0].citations) == 2


def test_registry_person_is_linked_across_spellings_and_proposed_by_id(db_url: str) -> None:
    registry = SqlRegistry(db_url)
    known = person("Тамар Острава", pid="p-ostrava")
    registry.apply(ChangeSet(persons=[known]), actor="ana", at=AT, reason="test")
    result = add_article(ctx(db_url), Article(ARREST), label="a", published=date(2016, 3, 2))
    (proposal,) = result.proposals
    assert proposal.person_id == "p-ostrava" and proposal.person is None
    assert proposal.decision == "match"
    assert [n.value for n in proposal.names] == ["Tamar Ostrava"]  # a new spelling
    assert result.extraction is not None
    assert result.extraction.persons[0].registry_id == "p-ostrava"


def test_a_bad_file_is_reported_and_the_batch_goes_on(db_url: str, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0" + bytes(500))
    good = tmp_path / "good.txt"
    good.write_text(ARREST)
    results = list(add_files(ctx(db_url), [empty, binary, good], published=date(2016, 3, 2)))
    assert [bool(r.error) for r in results] == [True, True, False]
    assert "empty" in results[0].error and "binary" in results[1].error
    assert len(SqlRegistry(db_url).articles()) == 1


def test_a_publication_date_before_the_articles_own_dates_is_refused(
    db_url: str, tmp_path: Path
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARREST)
    (result,) = add_files(ctx(db_url), [path], published=date(2016, 2, 1))
    assert "before a date the article itself gives (2016-03-01)" in result.error
    assert SqlRegistry(db_url).articles() == []


# ---------------------------------------------------------------- feeds over HTTP


class _Site:
    """A small news site on loopback: a feed with an ETag, pages, and misbehaving paths."""

    def __init__(self) -> None:
        self.hits: list[tuple[str, str]] = []
        self.feed_etag = '"v1"'
        self.pages = {"/a1": f"<html><body><article><p>{ARREST}</p></article></body></html>"}

    def feed(self, base: str) -> bytes:
        return (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Veldoria Daily '
            "(fictional)</title>"
            f"<item><title>Blogger arrested</title><link>{base}/a1</link>"
            "<pubDate>Wed, 02 Mar 2016 09:00:00 GMT</pubDate></item>"
            f"<item><title>Broken</title><link>{base}/fail</link></item>"
            "</channel></rss>"
        ).encode()


@pytest.fixture
def site() -> Iterator[tuple[str, _Site]]:
    state = _Site()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            state.hits.append((self.path, self.headers.get("If-None-Match", "")))
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            if self.path == "/feed.xml":
                if self.headers.get("If-None-Match") == state.feed_etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self._send(200, state.feed(base), "application/rss+xml", state.feed_etag)
            elif self.path in state.pages:
                self._send(200, state.pages[self.path].encode(), "text/html")
            elif self.path == "/notxml":
                self._send(200, b"<html><body>Hello</body></html>", "text/html")
            elif self.path == "/loop":
                self.send_response(302)
                self.send_header("Location", "/loop")
                self.end_headers()
            elif self.path == "/hang":
                threading.Event().wait(3)
                self._send(200, b"late", "text/plain")
            else:
                self._send(500, b"boom", "text/plain")

        def _send(self, code: int, body: bytes, kind: str, etag: str = "") -> None:
            self.send_response(code)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            if etag:
                self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

    class QuietServer(ThreadingHTTPServer):
        def handle_error(self, request: object, client_address: object) -> None:
            pass  # the /hang client gave up before the answer: a broken pipe, expected

    server = QuietServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", state
    finally:
        server.shutdown()
        server.server_close()


def _client() -> HttpClient:
    return HttpClient(timeout=1.0, host_delay=0.0)


def test_feed_pages_are_added_and_a_second_fetch_is_conditional(
    sqlite_url: str, site: tuple[str, _Site]
) -> None:
    base, state = site
    first = fetch_feed(ctx(sqlite_url), f"{base}/feed.xml", _client())
    assert first.status == 200 and first.error == ""
    assert [bool(a.error) for a in first.articles] == [False, True]
    assert "HTTP 500" in first.articles[1].error
    (stored,) = SqlRegistry(sqlite_url).articles()
    assert stored.urls == (f"{base}/a1",) and stored.published == "2016-03-02"
    second = fetch_feed(ctx(sqlite_url), f"{base}/feed.xml", _client())
    assert second.status == 304 and second.articles == ()
    assert state.hits[-1] == ("/feed.xml", '"v1"')
    saved = SqlRegistry(sqlite_url).feed_state(f"{base}/feed.xml")
    assert saved is not None and saved.etag == '"v1"' and saved.status == 304


def test_changed_feed_fetches_only_new_entries(sqlite_url: str, site: tuple[str, _Site]) -> None:
    base, state = site
    fetch_feed(ctx(sqlite_url), f"{base}/feed.xml", _client())
    state.feed_etag = '"v2"'
    state.hits.clear()
    again = fetch_feed(ctx(sqlite_url), f"{base}/feed.xml", _client())
    assert again.status == 200
    assert [path for path, _ in state.hits] == ["/feed.xml", "/fail"]  # /a1 is not re-read


@pytest.mark.parametrize(
    ("path", "problem"),
    [
        ("/notxml", "not an RSS or Atom feed"),
        ("/boom", "HTTP 500"),
        ("/loop", "redirect"),
        ("/hang", "timed out"),
    ],
)
def test_bad_feeds_give_one_clear_line(
    sqlite_url: str, site: tuple[str, _Site], path: str, problem: str
) -> None:
    base, _ = site
    result = fetch_feed(ctx(sqlite_url), base + path, _client())
    assert problem in result.error and "\n" not in result.error
    assert SqlRegistry(sqlite_url).articles() == []


def test_requests_to_one_host_are_spaced_and_say_who_asks(site: tuple[str, _Site]) -> None:
    base, _ = site
    pauses: list[float] = []
    clock = iter([0.0, 0.5, 2.0])
    client = replace(_client(), host_delay=2.0, sleep=pauses.append, clock=lambda: next(clock))
    client.get(f"{base}/a1")
    client.get(f"{base}/a1")
    assert pauses == [1.5]
    assert "habeas" in client.user_agent


def test_watch_polls_every_known_feed_on_a_schedule(
    sqlite_url: str, site: tuple[str, _Site]
) -> None:
    base, state = site
    fetch_feed(ctx(sqlite_url), f"{base}/feed.xml", _client())  # now a known feed
    state.hits.clear()
    pauses: list[float] = []
    rounds = list(
        watch(lambda: ctx(sqlite_url), [], _client(), every=60, times=2, sleep=pauses.append)
    )
    assert [r.status for r in rounds] == [304, 304]
    assert pauses == [60]
    assert [path for path, _ in state.hits] == ["/feed.xml", "/feed.xml"]


def test_a_new_spelling_of_a_registry_prisoner_is_proposed_and_accepted(db_url: str) -> None:
    registry = SqlRegistry(db_url)
    registry.apply(
        ChangeSet(persons=[person("Тамар Острава", pid="p-ostrava")]),
        actor="ana",
        at=AT,
        reason="test",
    )
    text = (
        "Supporters of the blogger Tamar Ostrava (fictional) gathered outside the embassy on "
        "Sunday to read her poems aloud and to collect signatures for a petition."
    )
    result = add_article(ctx(db_url), Article(text), label="a", published=date(2016, 3, 4))
    (proposal,) = result.proposals
    assert proposal.events == () and [n.value for n in proposal.names] == ["Tamar Ostrava"]
    assert proposal.summary.startswith("new spelling “Tamar Ostrava” of Тамар Острава")
    registry.accept(proposal.id, actor="ana", at=AT)
    names = [n.value for n in registry.get_person("p-ostrava").names]
    assert names == ["Тамар Острава", "Tamar Ostrava"]


def test_a_failure_while_storing_leaves_nothing_half_stored(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: object, **kwargs: object) -> tuple[int, int]:
        raise RuntimeError("disk full")

    monkeypatch.setattr(SqlRegistry, "_add_news_proposals", boom)
    with pytest.raises(RuntimeError):
        add_article(ctx(sqlite_url), Article(ARREST), label="a", published=date(2016, 3, 2))
    registry = SqlRegistry(sqlite_url)
    assert registry.articles() == [] and registry.proposals() == []
    assert registry.article_by_hash(content_hash(ARREST)) is None
    assert [s for s in registry.sources() if s.text == ARREST] == []


def test_a_copy_with_other_typography_is_the_same_story(db_url: str) -> None:
    add_article(ctx(db_url), Article(ARREST), label="a", url="https://a.example/1")
    retyped = ARREST.replace(", ", " , ").replace("’", "'") + "\n"
    copy = add_article(ctx(db_url), Article(retyped), label="b", url="https://b.example/2")
    assert copy.added is not None and not copy.added.new and copy.added.new_url
    (stored,) = SqlRegistry(db_url).articles()
    assert stored.source.text == ARREST  # the first text stays the analysed text
    assert stored.urls == ("https://a.example/1", "https://b.example/2")


def test_a_fact_already_in_the_registry_is_not_proposed_again(db_url: str) -> None:
    registry = SqlRegistry(db_url)
    known = person("Тамар Острава", pid="p-ostrava")
    arrest = event("arrest", "2016-03-01", "p-ostrava")
    registry.apply(ChangeSet(persons=[known], events=[arrest]), actor="ana", at=AT, reason="t")
    result = add_article(ctx(db_url), Article(ARREST), label="a", published=date(2016, 3, 2))
    kinds = [(p.events[0].kind.value if p.events else "names") for p in result.proposals]
    assert kinds == ["names"]  # the arrest is known; only the new spelling is proposed


def test_a_second_article_about_a_new_name_needs_the_reviewer_to_say_same_person(
    sqlite_url: str,
) -> None:
    from habeas.exceptions import Conflict

    registry = SqlRegistry(sqlite_url)
    first = add_article(ctx(sqlite_url), Article(ARREST), label="a", published=date(2016, 3, 2))
    later = (
        "A court in the capital sentenced Veldorian blogger Tamar Ostrava (fictional) to two "
        "years in prison on March 4, 2016, for hooliganism, her lawyer said."
    )
    second = add_article(ctx(sqlite_url), Article(later), label="b", published=date(2016, 3, 5))
    arrest = next(p for p in first.proposals if p.person is not None)
    sentence = next(p for p in second.proposals if p.person is not None)
    assert arrest.person_id == sentence.person_id  # the same spelling, the same candidate id
    registry.accept(arrest.id, actor="ana", at=AT)
    with pytest.raises(Conflict, match="may be two people"):
        registry.accept(sentence.id, actor="ana", at=AT)
    registry.accept(sentence.id, actor="ana", at=AT, same_person=True)
    kinds = [e.kind.value for e in registry.events_of(arrest.person_id)]
    assert kinds == ["arrest", "sentence"]
