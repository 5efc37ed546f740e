"""Normalise news date expressions against the article's publication date.

"Thursday" in an article of Thursday 2025-05-29 is 2025-05-29; "July 9" is 2025-07-09;
"in June" is 2025-06; "later this week" is the range 2025-05-30/2025-06-01. Explicit
calendar dates go through ``dateparser``; the relative ranges news uses ("last week",
"early July", "mid-June") that dateparser does not cover are a few rules here.
No spaCy here: the function takes a string, so it is testable alone.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from kg.facts import DateValue

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

PAST = "past"
FUTURE = "future"

_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9

_LEADING = re.compile(
    r"^(?:since|until|till|through|by|on|in|from|to|before|after|as of|as early as|"
    r"as late as|starting|beginning|ending)\s+",
    re.IGNORECASE,
)
_PART_OF_MONTH = re.compile(
    r"^(early|mid|middle of|late|end of|the end of|beginning of|the beginning of|start of|"
    r"the start of|mid-)\s*-?\s*([A-Za-z]+)(?:\s+(\d{4}))?$",
    re.IGNORECASE,
)
_WEEK_PHRASE = re.compile(
    r"^(?:(earlier|later)\s+)?(this|last|next|past|previous|coming)\s+week$", re.IGNORECASE
)
_WEEKEND_PHRASE = re.compile(r"^(this|last|next|past|previous|coming)\s+weekend$", re.IGNORECASE)
_MONTH_PHRASE = re.compile(r"^(this|last|next|past|previous|coming)\s+month$", re.IGNORECASE)
_YEAR_PHRASE = re.compile(r"^(this|last|next|past|previous|coming)\s+year$", re.IGNORECASE)
_YEAR = re.compile(r"^(?:the\s+year\s+)?(1[89]\d\d|2[01]\d\d)$")
_DURATION = re.compile(
    r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|few)[\s-]+"
    r"(day|week|month|year)s?\b|\bconsecutive\b|\bdecades?\b|\bcenturies\b|\bhours?\b",
    re.IGNORECASE,
)


def _day(text: str, day: dt.date) -> DateValue:
    return DateValue(text, day.isoformat(), "day", day, day)


def _range(text: str, first: dt.date, last: dt.date) -> DateValue:
    return DateValue(text, f"{first.isoformat()}/{last.isoformat()}", "range", first, last)


def _month(text: str, year: int, month: int) -> DateValue:
    last = calendar.monthrange(year, month)[1]
    return DateValue(
        text,
        f"{year:04d}-{month:02d}",
        "month",
        dt.date(year, month, 1),
        dt.date(year, month, last),
    )


def _pick_year(month: int, day: int, anchor: dt.date, tense: str | None) -> int:
    """The year a month (and day) without a year most likely refers to."""
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        safe_day = min(day, calendar.monthrange(year, month)[1])
        candidates.append(dt.date(year, month, safe_day))
    if tense == PAST:
        past = [c for c in candidates if c <= anchor]
        return max(past).year
    if tense == FUTURE:
        future = [c for c in candidates if c >= anchor]
        return min(future).year
    return min(candidates, key=lambda c: abs((c - anchor).days)).year


def _week_bounds(anchor: dt.date) -> tuple[dt.date, dt.date]:
    monday = anchor - dt.timedelta(days=anchor.weekday())
    return monday, monday + dt.timedelta(days=6)


def _relative_weekend(match: re.Match[str], text: str, anchor: dt.date) -> DateValue:
    """'last weekend' is the Saturday and Sunday of the week before the anchor's (Monday to
    Sunday), 'this weekend' of its week, 'next weekend' of the week after."""
    shift = {"last": -7, "past": -7, "previous": -7, "next": 7, "coming": 7}.get(
        match.group(1).lower(), 0
    )
    _, sunday = _week_bounds(anchor)
    sunday += dt.timedelta(days=shift)
    return _range(text, sunday - dt.timedelta(days=1), sunday)


def _relative_week(match: re.Match[str], text: str, anchor: dt.date) -> DateValue:
    side, which = (match.group(1) or "").lower(), match.group(2).lower()
    monday, sunday = _week_bounds(anchor)
    if which in ("last", "past", "previous"):
        return _range(text, monday - dt.timedelta(days=7), sunday - dt.timedelta(days=7))
    if which in ("next", "coming"):
        return _range(text, monday + dt.timedelta(days=7), sunday + dt.timedelta(days=7))
    if side == "later":
        first = min(anchor + dt.timedelta(days=1), sunday)
        return _range(text, first, sunday)
    if side == "earlier":
        last = max(anchor - dt.timedelta(days=1), monday)
        return _range(text, monday, last)
    return _range(text, monday, sunday)


def _part_of_month(
    match: re.Match[str], text: str, anchor: dt.date, tense: str | None
) -> DateValue | None:
    part, month_name, year_text = match.group(1).lower(), match.group(2).lower(), match.group(3)
    month = _MONTHS.get(month_name)
    if month is None:
        return None
    year = int(year_text) if year_text else _pick_year(month, 15, anchor, tense)
    last = calendar.monthrange(year, month)[1]
    if part.startswith("early") or "beginning" in part or "start" in part:
        days = (1, 10)
    elif part.startswith("mid"):
        days = (11, 20)
    else:  # late, end of
        days = (21, last)
    return _range(text, dt.date(year, month, days[0]), dt.date(year, month, days[1]))


def normalise_date(text: str, anchor: dt.date | None, tense: str | None = None) -> DateValue | None:
    """Resolve a date expression against ``anchor`` (the publication date).

    ``tense`` (``PAST``/``FUTURE``/None) breaks ties for a bare weekday or month, which
    news uses for both the last and the next one. Durations ("90-day", "two weeks")
    and expressions that cannot be placed on a calendar return None, and so does a date
    that falls outside years 1-9999 ("tomorrow" in an article dated 9999-12-31).
    """
    try:
        return _normalise(text, anchor, tense)
    except (ValueError, OverflowError):  # date arithmetic past Python's calendar
        return None


def _normalise(text: str, anchor: dt.date | None, tense: str | None) -> DateValue | None:
    surface = " ".join(text.split())
    core = _LEADING.sub("", surface).strip(" ,.")
    core = re.sub(r"^the\s+", "", core, flags=re.IGNORECASE)
    if not core or _DURATION.search(core):
        return None
    year_match = _YEAR.match(core)
    if year_match:
        return _year(surface, int(year_match.group(1)))
    if anchor is None:
        return _absolute(surface, core)
    return _relative(surface, core, anchor, tense)


# Words for a day relative to the anchor, and how many days from it.
_DAY_WORDS = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "yesterday": -1,
    "last night": -1,
    "tomorrow": 1,
}
# 'last month', 'next year': the shift of the phrase's first word.
_SHIFTS = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}


def _relative(surface: str, core: str, anchor: dt.date, tense: str | None) -> DateValue | None:
    """An expression placed on the calendar by the anchor (the publication date)."""
    lower = core.lower()
    if lower in _DAY_WORDS:
        return _day(surface, anchor + dt.timedelta(days=_DAY_WORDS[lower]))
    weekday, tense = _weekday_and_tense(lower, tense)
    if weekday is not None:
        return _weekday(surface, weekday, anchor, tense)
    for pattern, resolve in _PHRASES:
        match = pattern.match(core)
        if match:
            return resolve(match, surface, anchor, tense)
    month = _MONTHS.get(lower)
    if month is not None and len(lower) > 3:
        return _month(surface, _pick_year(month, 15, anchor, tense), month)
    return _calendar(surface, core, anchor, tense)


def _weekday_and_tense(lower: str, tense: str | None) -> tuple[int | None, str | None]:
    """The weekday of 'Thursday(s)' or 'last/next/this Thursday'; the last two set the tense
    (as any two words after 'last', 'next' or 'this' do, weekday or not)."""
    weekday = _WEEKDAYS.get(lower.removesuffix("s"))
    if (
        weekday is None
        and lower.split(" ")[0] in ("last", "next", "this")
        and len(lower.split()) == 2
    ):
        return _WEEKDAYS.get(lower.split()[1]), PAST if lower.startswith("last") else FUTURE
    return weekday, tense


def _weekday(surface: str, weekday: int, anchor: dt.date, tense: str | None) -> DateValue:
    """A bare weekday: the next one for the future tense, else the last one (or the anchor)."""
    if tense == FUTURE:
        ahead = (weekday - anchor.weekday()) % 7
        return _day(surface, anchor + dt.timedelta(days=ahead))
    delta = (anchor.weekday() - weekday) % 7
    return _day(surface, anchor - dt.timedelta(days=delta))


def _year(text: str, year: int) -> DateValue:
    return DateValue(text, f"{year:04d}", "year", dt.date(year, 1, 1), dt.date(year, 12, 31))


def _relative_month(match: re.Match[str], text: str, anchor: dt.date) -> DateValue:
    index = anchor.year * 12 + anchor.month - 1 + _SHIFTS.get(match.group(1).lower(), 0)
    return _month(text, index // 12, index % 12 + 1)


def _relative_year(match: re.Match[str], text: str, anchor: dt.date) -> DateValue:
    return _year(text, anchor.year + _SHIFTS.get(match.group(1).lower(), 0))


_Resolve = Callable[[re.Match[str], str, dt.date, str | None], DateValue | None]

# The relative phrases, tried in order: the first pattern that matches decides.
_PHRASES: tuple[tuple[re.Pattern[str], _Resolve], ...] = (
    (_WEEK_PHRASE, lambda m, text, anchor, _tense: _relative_week(m, text, anchor)),
    (_WEEKEND_PHRASE, lambda m, text, anchor, _tense: _relative_weekend(m, text, anchor)),
    (_MONTH_PHRASE, lambda m, text, anchor, _tense: _relative_month(m, text, anchor)),
    (_YEAR_PHRASE, lambda m, text, anchor, _tense: _relative_year(m, text, anchor)),
    (_PART_OF_MONTH, lambda m, text, anchor, tense: _part_of_month(m, text, anchor, tense)),
)


_MONTH_DAY = re.compile(
    r"^(?P<month>[A-Za-z]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?$"
)
_DAY_MONTH = re.compile(
    r"^(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>[A-Za-z]+)\.?(?:,?\s+(?P<year>\d{4}))?$"
)
_MONTH_YEAR = re.compile(r"^(?P<month>[A-Za-z]+)\.?,?\s+(?P<year>\d{4})$")


def _calendar(surface: str, core: str, anchor: dt.date, tense: str | None) -> DateValue | None:
    """Month-day forms get their year from the anchor; the rest goes to dateparser."""
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        match = pattern.match(core)
        if match and match.group("month").lower() in _MONTHS:
            month = _MONTHS[match.group("month").lower()]
            day = int(match.group("day"))
            year = int(match.group("year")) if match.group("year") else None
            if year is None:
                year = _pick_year(month, day, anchor, tense)
            try:
                return _day(surface, dt.date(year, month, day))
            except ValueError:
                return None
    match = _MONTH_YEAR.match(core)
    if match and match.group("month").lower() in _MONTHS:
        return _month(surface, int(match.group("year")), _MONTHS[match.group("month").lower()])
    return _absolute(surface, core)


@lru_cache(maxsize=1)
def _parser() -> DateDataParser:  # dateparser is slow to import: loaded when a date needs it
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={"STRICT_PARSING": True})


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@lru_cache(maxsize=4096)  # pure, and a corpus repeats its dates: dateparser is the slow part
def _absolute(surface: str, core: str) -> DateValue | None:
    """Fully specified dates ("2025-05-29", "29 May 2025") via dateparser; others None."""
    if not re.search(r"\d{4}", core):
        return None
    if _ISO_DAY.fullmatch(core):  # a publication date: no need for dateparser
        try:
            return _day(surface, dt.date.fromisoformat(core))
        except ValueError:
            pass  # not a calendar day: dateparser decides, as for any other text
    try:
        data = _parser().get_date_data(core)
    except (ValueError, OverflowError):
        return None
    if data is None or data.date_obj is None:
        return None
    day = data.date_obj.date()
    if data.period == "month":
        return _month(surface, day.year, day.month)
    if data.period == "year":
        return _year(surface, day.year)
    return _day(surface, day)
