"""Feeds: fetch RSS/Atom feeds conditionally and add the pages they link; watch them on a
schedule."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from habeas.exceptions import HabeasError
from habeas.ingest.news.article import read_article_bytes
from habeas.ingest.news.fetch import HttpClient, parse_feed
from habeas.jobs.news import NewsContext, NewsResult, add_article
from habeas.storage.news import FeedState


@dataclass(frozen=True, slots=True)
class FeedResult:
    """What one fetch of one feed did."""

    url: str
    status: int | None
    articles: tuple[NewsResult, ...] = ()
    error: str = ""


def fetch_feed(ctx: NewsContext, url: str, client: HttpClient) -> FeedResult:
    """Fetch a feed (conditionally) and add every page it links that was not read before."""
    state = ctx.registry.feed_state(url) or FeedState(url)
    try:
        reply = client.get(url, etag=state.etag, last_modified=state.last_modified)
    except HabeasError as exc:
        ctx.registry.save_feed_state(replace(state, checked_at=ctx.at, error=str(exc)))
        return FeedResult(url, None, error=str(exc))
    if reply.status == 304:
        ctx.registry.save_feed_state(replace(state, checked_at=ctx.at, status=304, error=""))
        return FeedResult(url, 304)
    try:
        entries = parse_feed(reply.body, url)
    except HabeasError as exc:
        ctx.registry.save_feed_state(
            replace(state, checked_at=ctx.at, status=reply.status, error=str(exc))
        )
        return FeedResult(url, reply.status, error=str(exc))
    seen = list(state.entries_seen)
    results = []
    for entry in entries:
        if entry.link in seen:
            continue
        try:
            page = client.get(entry.link)
            article = read_article_bytes(page.body, entry.link, page.url)
            if entry.title and not article.title:
                article = replace(article, title=entry.title)
            published = entry.published or article.published
            results.append(
                add_article(ctx, article, label=entry.link, published=published, url=entry.link)
            )
            seen.append(entry.link)
        except HabeasError as exc:
            results.append(NewsResult(entry.link, error=str(exc)))
    ctx.registry.save_feed_state(
        FeedState(url, reply.etag, reply.last_modified, ctx.at, reply.status, "", tuple(seen))
    )
    return FeedResult(url, reply.status, tuple(results))


def watch(
    make_context: Callable[[], NewsContext],
    urls: list[str],
    client: HttpClient,
    *,
    every: float,
    times: int | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Iterator[FeedResult]:
    """Fetch the feeds (given, else every feed fetched before) every `every` seconds."""
    rounds = 0
    while times is None or rounds < times:
        ctx = make_context()
        feeds = urls or [f.url for f in ctx.registry.feeds()]
        for url in feeds:
            yield fetch_feed(ctx, url, client)
        rounds += 1
        if times is None or rounds < times:
            sleep(every)
