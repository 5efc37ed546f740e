"""Headless Chromium settings shared by the page tests (Debian's chromium, no network)."""

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium tries Google's hosts at every start,
# which this machine's closed network refuses.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MISSING = f"{CHROMIUM} missing (apt-get install chromium)"


def route_offline(blocked: list[str], allow: tuple[str, ...] = ("file:",)):
    """A playwright route handler: requests for ``allow`` prefixes go through, any other is
    aborted and its URL recorded in ``blocked`` (a page that works offline records none)."""

    def route(r) -> None:  # r: a playwright Route
        if r.request.url.startswith(allow):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    return route


def offline_page(browser, blocked: list[str], errors: list[str], **context_options):
    """A new page in a context of its own that may load only local files; requests elsewhere
    go to ``blocked``, the page's uncaught errors to ``errors``."""
    context = browser.new_context(**context_options)
    context.route("**/*", route_offline(blocked))
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    return page
