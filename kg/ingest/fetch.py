"""Fetching pages and feeds over HTTP, carefully: timeouts, a size limit, a user agent, and
redirects followed only to http(s) URLs.

``kg build URL`` and the links of a feed come through :func:`fetch`. Every failure is one
:class:`~kg.errors.InputError` naming the URL. A build reads its inputs twice (a check, then
the build), so answers are kept in a small in-memory cache (:data:`CACHE_BYTES`) and a page is
fetched once. ``KG_OFFLINE=1`` forbids every fetch. A host that could not be reached is not
tried again in the same run, so a feed of fifty links on a machine without network costs
one timeout, not fifty.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from kg import __version__
from kg.errors import InputError

if TYPE_CHECKING:
    import httpx

TIMEOUT_SECONDS = 20.0  # whole-request budget: connect, each read, each write
CONNECT_SECONDS = 5.0
MAX_BYTES = 20 * 1024 * 1024  # a news page or feed is far smaller
MAX_REDIRECTS = 5
CACHE_BYTES = 64 * 1024 * 1024
USER_AGENT = f"kg/{__version__} (news knowledge graph; python-httpx)"
OFFLINE_ENV = "KG_OFFLINE"

_cache: OrderedDict[str, Fetched] = OrderedDict()
_unreachable: set[str] = set()  # hosts that failed to connect in this run


@dataclass(frozen=True)
class Fetched:
    """An answer: the URL it finally came from, its media type and its bytes."""

    url: str
    content_type: str
    data: bytes
    charset: str | None = None


def is_web_url(text: str) -> bool:
    return urlsplit(text).scheme.lower() in ("http", "https") and bool(urlsplit(text).netloc)


def offline() -> bool:
    return os.environ.get(OFFLINE_ENV, "").strip().lower() not in ("", "0", "no", "false")


def fetch(url: str) -> Fetched:
    """GET ``url`` (cached for this run); see the module docstring for the limits."""
    if url in _cache:
        _cache.move_to_end(url)
        return _cache[url]
    if not is_web_url(url):
        raise InputError(f"{url}: not an http(s) URL")
    if offline():
        raise InputError(f"{url}: not fetched, {OFFLINE_ENV} is set")
    host = urlsplit(url).netloc.lower()
    if host in _unreachable:
        raise InputError(f"{url}: not fetched, {host} could not be reached earlier in this run")
    answer = _get(url)
    _remember(url, answer)
    return answer


def _remember(url: str, answer: Fetched) -> None:
    _cache[url] = answer
    while sum(len(a.data) for a in _cache.values()) > CACHE_BYTES and len(_cache) > 1:
        _cache.popitem(last=False)


def _get(url: str) -> Fetched:
    import httpx

    timeout = httpx.Timeout(TIMEOUT_SECONDS, connect=CONNECT_SECONDS)
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html, application/xhtml+xml, */*;q=0.8"}
    with httpx.Client(timeout=timeout, headers=headers, follow_redirects=False) as client:
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            try:
                with client.stream("GET", current) as response:
                    if response.is_redirect:
                        current = _next_hop(url, current, response.headers.get("location", ""))
                        continue
                    if response.status_code >= 400:
                        raise InputError(f"{url}: the server answered HTTP {response.status_code}")
                    data = _body(url, response)
                    kind = response.headers.get("content-type", "").split(";")[0].strip()
                    return Fetched(str(response.url), kind.lower(), data, response.charset_encoding)
            except httpx.TimeoutException:
                raise InputError(f"{url}: no answer within {TIMEOUT_SECONDS:g} s") from None
            except httpx.ConnectError as exc:
                _unreachable.add(urlsplit(current).netloc.lower())
                raise InputError(f"{url}: cannot connect: {exc}") from None
            except httpx.HTTPError as exc:
                raise InputError(f"{url}: cannot fetch: {exc}") from None
    raise InputError(f"{url}: more than {MAX_REDIRECTS} redirects")


def _next_hop(url: str, current: str, location: str) -> str:
    target = urljoin(current, location)
    if not is_web_url(target):
        raise InputError(f"{url}: redirect to a non-HTTP URL refused: '{target[:200]}'")
    return target


def _body(url: str, response: httpx.Response) -> bytes:
    """The body, stopped as soon as it passes MAX_BYTES (whatever Content-Length claims)."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BYTES:
        raise InputError(f"{url}: {declared} bytes, more than the {MAX_BYTES} bytes kg reads")
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > MAX_BYTES:
            raise InputError(f"{url}: more than the {MAX_BYTES} bytes kg reads")
        chunks.append(chunk)
    return b"".join(chunks)
