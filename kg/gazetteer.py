"""Country gazetteer: names, aliases, demonyms, capitals and seats of government.

The data lives in ``kg/data/countries.tsv`` (one row per sovereign state, plus Taiwan,
Palestine, Kosovo, Hong Kong and Vatican City) and is loaded once, lazily.

Blocs that make policy for their members (the European Union sets tariffs and sanctions)
are listed in ``kg/data/blocs.tsv``. A bloc the country table also has (the EU: its
commissioners serve it, it is a party to talks and deals) is that row, marked ``bloc``;
a bloc only in blocs.tsv is known to :func:`by_iso2` but not to :func:`lookup`, so its name
never reads as a country in general text. :func:`blocs` lists both kinds.

Sub-national regions with governments of their own (German states, Indian states, US
states, ...) live in ``kg/data/regions.tsv``, keyed by ISO 3166-2 code ("DE-BY"); they are
returned by :func:`by_iso2` and :func:`lookup` like countries, carry their country in
``parent``, and are never listed by :func:`countries`. A country's surface form always wins
over a region's.

Surface forms are resolved by :func:`lookup`. When a surface form is listed for more than
one country, or more than once for the same country, exactly one entry is kept, chosen by:

1. kind priority: ``name`` > ``alias`` > ``demonym`` > ``capital`` > ``seat``;
2. then table order (the order of rows in the TSV file).

The shipped table itself is kept free of cross-country duplicates (a test enforces it), so
the rule only matters for within-row repeats such as Singapore's capital "Singapore".
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from importlib import resources
from types import MappingProxyType

__all__ = [
    "KINDS",
    "Country",
    "by_iso2",
    "countries",
    "country_code",
    "is_region",
    "lookup",
    "regions",
    "surface_index",
]

_RESOURCE = "data/countries.tsv"
_HEADER = ("iso2", "iso3", "wikidata", "name", "aliases", "demonyms", "capitals", "seats")
_REGIONS = "data/regions.tsv"
_REGION_HEADER = ("code", "wikidata", "name", "aliases", "demonyms")
_BLOCS = "data/blocs.tsv"
_BLOC_HEADER = ("code", "wikidata", "name", "aliases", "seats")

#: Kinds of surface form, highest priority first.
KINDS: tuple[str, ...] = ("name", "alias", "demonym", "capital", "seat")

# Typographic apostrophes that news text uses in place of "'".
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'"})


@dataclass(frozen=True)
class Country:
    iso2: str
    iso3: str
    wikidata: str | None
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    seats: tuple[str, ...]
    parent: str | None = None  # for a region: the alpha-2 code of its country
    bloc: bool = False  # a bloc of countries with common policies (the European Union)

    def surfaces(self, kind: str) -> tuple[str, ...]:
        """The surface forms of one kind (see :data:`KINDS`) listed for this country."""
        if kind == "name":
            return (self.name,)
        if kind == "alias":
            return self.aliases
        if kind == "demonym":
            return self.demonyms
        if kind == "capital":
            return self.capitals
        if kind == "seat":
            return self.seats
        raise ValueError(f"unknown surface kind: {kind!r}")


@dataclass(frozen=True)
class _Gazetteer:
    countries: tuple[Country, ...]
    regions: tuple[Country, ...]
    blocs: tuple[Country, ...]
    by_iso2: Mapping[str, Country]
    index: Mapping[str, tuple[Country, str]]


def _split(field: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in field.split("|") if part.strip())


def _normalize(surface: str) -> str:
    return " ".join(surface.translate(_APOSTROPHES).split())


def _tsv_rows(text: str, name: str, header: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    """(line number, stripped fields) of each non-blank line of a table after its header;
    a wrong header or field count is a ValueError naming the file and line."""
    lines = text.splitlines()
    if not lines or tuple(lines[0].split("\t")) != header:
        raise ValueError(f"{name}: unexpected header")
    for lineno, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) != len(header):
            raise ValueError(
                f"{name} line {lineno}: expected {len(header)} fields, got {len(fields)}"
            )
        yield lineno, fields


def _parse(text: str) -> tuple[Country, ...]:
    rows: list[Country] = []
    for lineno, fields in _tsv_rows(text, "countries.tsv", _HEADER):
        iso2, iso3, wikidata, name, aliases, demonyms, capitals, seats = fields
        if not name:
            raise ValueError(f"countries.tsv line {lineno}: empty name")
        rows.append(
            Country(
                iso2=iso2,
                iso3=iso3,
                wikidata=wikidata or None,
                name=name,
                aliases=_split(aliases),
                demonyms=_split(demonyms),
                capitals=_split(capitals),
                seats=_split(seats),
            )
        )
    return tuple(rows)


def _parse_regions(text: str) -> tuple[Country, ...]:
    rows: list[Country] = []
    for lineno, fields in _tsv_rows(text, "regions.tsv", _REGION_HEADER):
        if "-" not in fields[0] or not fields[2]:
            raise ValueError(f"regions.tsv line {lineno}: expected CODE-XX and five fields")
        code, wikidata, name, aliases, demonyms = fields
        rows.append(
            Country(
                iso2=code,
                iso3="",
                wikidata=wikidata or None,
                name=name,
                aliases=_split(aliases),
                demonyms=_split(demonyms),
                capitals=(),
                seats=(),
                parent=code.split("-")[0],
            )
        )
    return tuple(rows)


def _parse_blocs(text: str) -> tuple[Country, ...]:
    rows: list[Country] = []
    for lineno, fields in _tsv_rows(text, "blocs.tsv", _BLOC_HEADER):
        if len(fields[0]) != 2 or not fields[2]:
            raise ValueError(f"blocs.tsv line {lineno}: expected a two-letter code and five fields")
        code, wikidata, name, aliases, seats = fields
        rows.append(
            Country(
                iso2=code,
                iso3="",
                wikidata=wikidata or None,
                name=name,
                aliases=_split(aliases),
                demonyms=(),
                capitals=(),
                seats=_split(seats),
                bloc=True,
            )
        )
    return tuple(rows)


def _build_index(rows: tuple[Country, ...]) -> dict[str, tuple[Country, str]]:
    index: dict[str, tuple[Country, str]] = {}
    for kind in KINDS:
        for country in rows:
            for surface in country.surfaces(kind):
                index.setdefault(_normalize(surface), (country, kind))
    return index


@functools.lru_cache(maxsize=1)
def _load() -> _Gazetteer:
    text = resources.files("kg").joinpath(_RESOURCE).read_text(encoding="utf-8")
    rows = _parse(text)
    regions = _parse_regions(resources.files("kg").joinpath(_REGIONS).read_text(encoding="utf-8"))
    blocs = _parse_blocs(resources.files("kg").joinpath(_BLOCS).read_text(encoding="utf-8"))
    # a bloc the country table also lists (the EU, whose officials and parties the extractors
    # read like a country's) is that row, marked as a bloc
    listed = {country.iso2 for country in rows}
    rows = tuple(replace(c, bloc=True) if c.iso2 in {b.iso2 for b in blocs} else c for c in rows)
    blocs = tuple(
        next(c for c in rows if c.iso2 == b.iso2) if b.iso2 in listed else b for b in blocs
    )
    by_code: dict[str, Country] = {}
    for country in rows + regions + tuple(b for b in blocs if b.iso2 not in listed):
        if country.iso2 in by_code:
            raise ValueError(f"gazetteer: duplicate code {country.iso2}")
        by_code[country.iso2] = country
    for region in regions:
        if region.parent not in by_code:
            raise ValueError(f"regions.tsv: {region.iso2} has no country in countries.tsv")
    # countries first, so a country's surface form is never taken by a region
    return _Gazetteer(
        countries=rows,
        regions=regions,
        blocs=blocs,
        by_iso2=MappingProxyType(by_code),
        index=MappingProxyType(_build_index(rows + regions)),
    )


def countries() -> tuple[Country, ...]:
    """All countries, in table order."""
    return _load().countries


def regions() -> tuple[Country, ...]:
    """Sub-national regions with their own government, in table order."""
    return _load().regions


def blocs() -> tuple[Country, ...]:
    """Blocs of countries with common policies (not matched by :func:`lookup`)."""
    return _load().blocs


def is_bloc(code: str) -> bool:
    """True for the code of a bloc ("EU")."""
    found = _load().by_iso2.get(code.strip().upper())
    return found is not None and found.bloc


def by_iso2(code: str) -> Country:
    """The country with ISO 3166-1 alpha-2 ``code``, or the region with ISO 3166-2 ``code``
    (case-insensitive); KeyError if unknown."""
    return _load().by_iso2[code.strip().upper()]


def is_iso2(code: str) -> bool:
    """True for the alpha-2 code of a country in the table."""
    return len(code) == 2 and code.upper() in _load().by_iso2


def is_region(code: str) -> bool:
    """True for the ISO 3166-2 code of a region in the table ("DE-BY")."""
    return "-" in code and code.upper() in _load().by_iso2


def country_code(code: str) -> str:
    """The alpha-2 code of the country a country or region code belongs to."""
    found = _load().by_iso2.get(code.strip().upper())
    return found.parent or found.iso2 if found is not None else code


def surface_index() -> Mapping[str, tuple[Country, str]]:
    """Read-only map of every (normalized) surface form to ``(country, kind)``."""
    return _load().index


def _candidates(surface: str) -> list[str]:
    base = _normalize(surface)
    forms = [base]
    if base.endswith("'s"):
        forms.append(base[:-2])
    elif base.endswith("s'"):  # plural possessive: "the Philippines'"
        forms.append(base[:-1])
    out: list[str] = []
    for form in forms:
        out.append(form)
        if form[:4].lower() == "the " and len(form) > 4:
            rest = form[4:]
            out.extend((rest, "The " + rest, "the " + rest))
    return out


def lookup(surface: str) -> tuple[Country, str] | None:
    """Resolve a surface form to ``(country, kind)``, kind being one of :data:`KINDS`.

    Matching is case-sensitive, but tolerates a leading "the "/"The ", typographic
    apostrophes, extra inner whitespace and a trailing possessive ("Japan's", "Japan’s").
    Returns None when nothing matches.
    """
    index = _load().index
    for form in _candidates(surface):
        if form and form in index:
            return index[form]
    return None
