"""HTML pages as text: is it a page, and its visible text and title."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_HTML_DOCUMENT = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAG = re.compile(
    r"</?(?:p|div|span|a|br|h[1-6]|ul|ol|li|table|tr|td|th|script|style|article|section|"
    r"header|footer|nav|main|strong|em|b|i|img|meta|link|title|figure|figcaption|blockquote)"
    r"\b[^<>]{0,2000}>",
    re.IGNORECASE,
)
_HTML_PROBE_CHARS = 20_000
_SKIPPED_ELEMENTS = frozenset(
    {"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "canvas"}
)
_BLOCK_ELEMENTS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    ]
)


def looks_like_html(text: str) -> bool:
    """An HTML page rather than text: it opens with a doctype, ``<html>``, ``<head>`` or
    ``<body>``, or it opens with a tag and has at least three common HTML tags near the top.
    Plain text that merely quotes a tag (an article about ``<script>``) is not HTML."""
    if _HTML_DOCUMENT.match(text):
        return True
    return text.lstrip().startswith("<") and len(_HTML_TAG.findall(text[:_HTML_PROBE_CHARS])) >= 3


class _TextOfHtml(HTMLParser):
    """The visible text of a page: blocks become paragraphs; scripts and styles are dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.title: list[str] = []
        self.skipping: list[str] = []
        self.in_title = False

    def _break(self) -> None:
        block = " ".join("".join(self.current).split())
        if block:
            self.blocks.append(block)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        elif tag in _SKIPPED_ELEMENTS and tag != "head":
            self.skipping.append(tag)
        elif tag in _BLOCK_ELEMENTS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif self.skipping and tag == self.skipping[-1]:
            self.skipping.pop()
        elif tag in _BLOCK_ELEMENTS:
            self._break()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skipping:
            self.current.append(data)


def strip_html(html: str) -> tuple[str, str | None]:
    """The visible text of an HTML page (paragraphs separated by blank lines) and its
    ``<title>``, if any. Markup, scripts and styles are dropped; entities are decoded."""
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    parser._break()
    title = " ".join("".join(parser.title).split()) or None
    text = "\n\n".join(parser.blocks)
    return (text + "\n" if text else ""), title
