"""A small news site on 127.0.0.1 for the tests of pages, feeds and URLs (never the internet).

It serves the files of ``tests/data/site`` and a few misbehaving paths: a redirect to an
``ftp:`` URL, a redirect to a page, a body larger than the limit, an answer slower than the
timeout, a 404. It records the User-Agent of every request.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.paths import DATA

SITE = DATA / "site"
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
}


@dataclass
class Site:
    url: str
    agents: list[str] = field(default_factory=list)


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # quiet
            pass

        def _send(self, status: int, body: bytes, kind: str = "text/html") -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # client gave up
                self.wfile.write(body)

        def do_GET(self) -> None:  # the http.server API names it so
            site.agents.append(self.headers.get("User-Agent", ""))
            path = self.path.split("?")[0]
            if path == "/to-ftp":
                self.send_response(302)
                self.send_header("Location", "ftp://127.0.0.1/secret.html")
                self.end_headers()
            elif path == "/to-page":
                self.send_response(301)
                self.send_header("Location", "/akazawa.html")
                self.end_headers()
            elif path == "/huge":  # no Content-Length: the limit must hold while reading
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                for _ in range(64):
                    self.wfile.write(b"<p>" + b"x" * 16_381 + b"</p>")
            elif path == "/slow":
                time.sleep(3)
                self._send(200, b"<p>late</p>")
            else:
                file = SITE / path.lstrip("/")
                if path != "/" and file.is_file() and file.parent == SITE:
                    self._send(200, file.read_bytes(), TYPES.get(file.suffix, "text/plain"))
                else:
                    self._send(404, b"<h1>not found</h1>")

    return Handler


@contextmanager
def serve_site() -> Iterator[Site]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    site = Site(url=f"http://127.0.0.1:{server.server_address[1]}")
    server.RequestHandlerClass = _handler(site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
