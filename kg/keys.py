"""Normalised keys: the slug every IRI (and so every store graph) is minted from.

It lives below both the loaders and the RDF layer because both need the same answer: the
store keeps one named graph per ``slug(article id)``, so the loaders must refuse two articles
whose ids differ but slug alike ("Story-1", "story.1", "story_1/"), or one would silently
replace the other.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

MAX_SLUG = 80
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """Lower-case ASCII words joined by '-'; a digest when nothing readable is left.

    Long or non-Latin keys get a short digest appended so distinct keys stay distinct.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    if not words:
        return digest
    if len(words) > MAX_SLUG or ascii_text != text:
        return f"{words[:MAX_SLUG].rstrip('-')}-{digest}"
    return words
