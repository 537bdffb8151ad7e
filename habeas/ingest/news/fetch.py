"""Polite HTTP for feeds and the pages they link: timeouts, conditional requests (ETag,
Last-Modified), a delay between requests to one host, a size cap, few redirects, and a
User-Agent that says who is asking."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from email.message import Message
from typing import Any
from urllib.parse import urljoin, urlsplit

from habeas.exceptions import InputError
from habeas.ingest.news.article import MAX_BYTES

USER_AGENT = "habeas-news/0.1 (+https://github.com/habeas; human-rights case tracker)"
TIMEOUT = 20.0
HOST_DELAY = 2.0
MAX_REDIRECTS = 5


@dataclass(frozen=True, slots=True)
class Response:
    """A fetched resource: status (304 = not modified), body and validators."""

    url: str
    status: int
    body: bytes = b""
    etag: str = ""
    last_modified: str = ""
    content_type: str = ""


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS
    max_repeats = 2


@dataclass
class HttpClient:
    """Fetches over HTTP(S) with the rules above; one instance per batch."""

    timeout: float = TIMEOUT
    host_delay: float = HOST_DELAY
    user_agent: str = USER_AGENT
    max_bytes: int = MAX_BYTES
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    _last: dict[str, float] = field(default_factory=dict)

    def _wait_for(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            pause = self.host_delay - (self.clock() - last)
            if pause > 0:
                self.sleep(pause)
        self._last[host] = self.clock()

    def get(self, url: str, *, etag: str = "", last_modified: str = "") -> Response:
        """GET url; 304 when the validators still hold; InputError with one clear line on
        timeouts, HTTP errors, redirect loops, oversize bodies and bad addresses."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise InputError("not an http(s) address", file=url)
        self._wait_for(parts.netloc)
        headers = {"User-Agent": self.user_agent, "Accept-Encoding": "identity"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        request = urllib.request.Request(url, headers=headers)
        opener = urllib.request.build_opener(_Redirects())
        try:
            with opener.open(request, timeout=self.timeout) as reply:
                return self._read(url, reply)
        except urllib.error.HTTPError as exc:
            if exc.code == 304:
                return Response(url, 304, etag=etag, last_modified=last_modified)
            if exc.code in (301, 302, 303, 307, 308):
                raise InputError(
                    f"more than {MAX_REDIRECTS} redirects (a redirect loop); skipped", file=url
                ) from None
            raise InputError(
                f"the server answered HTTP {exc.code} {exc.reason}", file=url
            ) from None
        except TimeoutError:
            raise InputError(f"no answer within {self.timeout:g} s (timed out)", file=url) from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, TimeoutError):
                raise InputError(
                    f"no answer within {self.timeout:g} s (timed out)", file=url
                ) from None
            text = " ".join(str(reason).split())
            raise InputError(f"cannot reach the server: {text}", file=url) from None
        except OSError as exc:
            text = " ".join(str(exc).split())
            raise InputError(f"connection failed: {text}", file=url) from None

    def _read(self, url: str, reply: Any) -> Response:
        headers: Message = reply.headers
        length = headers.get("Content-Length")
        if length and length.isdigit() and int(length) > self.max_bytes:
            raise InputError(
                f"{int(length) / 1_048_576:.0f} MB is too large (limit "
                f"{self.max_bytes // 1_048_576} MB); skipped",
                file=url,
            )
        body = reply.read(self.max_bytes + 1)
        if len(body) > self.max_bytes:
            raise InputError(
                f"more than {self.max_bytes // 1_048_576} MB; skipped (too large for an article)",
                file=url,
            )
        return Response(
            url=reply.geturl(),
            status=reply.status,
            body=body,
            etag=headers.get("ETag", "") or "",
            last_modified=headers.get("Last-Modified", "") or "",
            content_type=headers.get("Content-Type", "") or "",
        )


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item of a feed: the page it links and what the feed says about it."""

    link: str
    title: str
    published: date | None


def parse_feed(body: bytes, url: str) -> list[FeedEntry]:
    """Entries of an RSS or Atom feed; InputError when the body is not a feed."""
    import feedparser

    parsed = feedparser.parse(body, response_headers={"content-location": url})
    version = getattr(parsed, "version", "")
    if not parsed.entries and (parsed.bozo or not version):
        raise InputError("not an RSS or Atom feed (no feed XML found)", file=url)
    entries = []
    for entry in parsed.entries:
        link = urljoin(url, entry.get("link") or "")
        if not entry.get("link"):
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None
        entries.append(FeedEntry(link, entry.get("title") or "", published))
    return entries
