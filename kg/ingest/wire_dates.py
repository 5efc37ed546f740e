"""Publication dates as inputs write them: ISO 8601, news-wire and e-mail layouts."""

from __future__ import annotations

import datetime as dt
import re

from kg.errors import InputError

_DATE_RE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"  # the date itself
    r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?"  # optional time
    r"\s*(?:Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?"  # optional zone
)


def parse_date(value: str) -> dt.date:
    """Parse ``YYYY-MM-DD`` or an ISO datetime (with or without zone) to the date it names.

    The date is taken as written, never shifted to UTC: a news article dated
    ``2025-05-29T23:30:00+09:00`` was published on the 29th where it was written.
    """
    text = value.strip() if isinstance(value, str) else None
    match = _DATE_RE.fullmatch(text) if text else None
    if match is None:
        raise InputError(
            f"not a date: {value!r}; expected YYYY-MM-DD or an ISO datetime"
            " such as 2025-05-29T10:00:00"
        )
    year, month, day = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise InputError(f"not a date: {value!r}; {exc}") from None


# Date layouts news feeds use besides ISO 8601 (Reuters: "26-FEB-1987 15:01:01.79").
_WIRE_DATE_FORMATS = (
    "%d-%b-%Y %H:%M:%S.%f",
    "%d-%b-%Y %H:%M:%S",
    "%d-%b-%Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
)


def wire_date(value: str) -> dt.date | None:
    """A record date in a common news-wire or e-mail (RFC 2822) layout, else None."""
    text = " ".join(value.split())
    for layout in _WIRE_DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, layout).date()
        except ValueError:
            continue
    try:
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    # a garbled time after a good date ("31-MAR-1987 605:12:19.12" in Reuters-21578):
    # the date is what kg needs
    day = text.split(" ", 1)[0]
    if day != text:
        return wire_date(day)
    return None
