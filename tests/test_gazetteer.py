import re
from collections import defaultdict
from importlib import resources

import pytest

from kg import gazetteer
from kg.gazetteer import KINDS, Country, by_iso2, countries, lookup, surface_index


def _raw_rows() -> list[list[str]]:
    text = resources.files("kg").joinpath("data/countries.tsv").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip()]


def test_gazetteer_table_parses():
    rows = countries()
    assert len(rows) >= 198  # 193 UN members + TW, PS, XK, HK, VA
    assert all(isinstance(c, Country) for c in rows)
    assert countries() is rows  # cached
    raw = _raw_rows()
    assert raw[0] == [
        "iso2",
        "iso3",
        "wikidata",
        "name",
        "aliases",
        "demonyms",
        "capitals",
        "seats",
    ]
    assert all(len(r) == 8 for r in raw)
    assert len(raw) - 1 == len(rows)


def test_gazetteer_iso_codes_well_formed_and_unique():
    rows = countries()
    for c in rows:
        assert re.fullmatch(r"[A-Z]{2}", c.iso2), c
        assert re.fullmatch(r"[A-Z]{3}", c.iso3), c
        assert c.name
    assert len({c.iso2 for c in rows}) == len(rows)
    assert len({c.iso3 for c in rows}) == len(rows)


def test_gazetteer_wikidata_ids_well_formed_and_unique():
    ids = [c.wikidata for c in countries() if c.wikidata is not None]
    assert all(re.fullmatch(r"Q[0-9]+", q) for q in ids)
    assert len(set(ids)) == len(ids)


def test_gazetteer_known_rows():
    assert by_iso2("JP").wikidata == "Q17"
    assert by_iso2("US").wikidata == "Q30"
    assert by_iso2("GB").iso3 == "GBR"
    assert by_iso2("gb").name == "United Kingdom"
    kosovo = by_iso2("XK")
    assert (kosovo.iso3, kosovo.name) == ("XKX", "Kosovo")
    for code in ("TW", "PS", "HK", "VA"):
        assert by_iso2(code)
    assert "The Hague" in by_iso2("NL").capitals
    assert {"Pretoria", "Cape Town", "Bloemfontein"} <= set(by_iso2("ZA").capitals)


def test_gazetteer_by_iso2_unknown_raises():
    with pytest.raises(KeyError):
        by_iso2("ZZ")


def test_gazetteer_no_surface_maps_to_two_countries():
    owners: dict[str, set[str]] = defaultdict(set)
    for c in countries():
        for kind in KINDS:
            for surface in c.surfaces(kind):
                key = gazetteer._normalize(surface)
                if key.lower().startswith("the "):
                    key = key[4:]
                owners[key].add(c.iso2)
    clashes = {s: iso for s, iso in owners.items() if len(iso) > 1}
    assert clashes == {}


def test_gazetteer_no_empty_or_padded_surfaces():
    for c in countries():
        for kind in KINDS:
            for surface in c.surfaces(kind):
                assert surface and surface == surface.strip(), (c.iso2, kind, surface)
                assert "\u2019" not in surface, (c.iso2, kind, surface)


@pytest.mark.parametrize(
    ("surface", "iso2", "how"),
    [
        ("U.S.", "US", "alias"),
        ("Japanese", "JP", "demonym"),
        ("Washington", "US", "capital"),
        ("Kremlin", "RU", "seat"),
        ("the Kremlin", "RU", "seat"),
        ("Britain", "GB", "alias"),
        ("Japan", "JP", "name"),
        ("Japan\u2019s", "JP", "name"),
        ("Japan's", "JP", "name"),
        ("the United States", "US", "alias"),
        ("The United States", "US", "name"),
        ("the Netherlands", "NL", "name"),
        ("the Hague", "NL", "capital"),
        ("The Hague", "NL", "capital"),
        ("the Philippines'", "PH", "name"),
        ("Côte d\u2019Ivoire", "CI", "alias"),
        ("Singapore", "SG", "name"),
        ("White House", "US", "seat"),
        ("Elysee", "FR", "seat"),
        ("Downing Street", "GB", "seat"),
        ("Germans", "DE", "demonym"),
        ("Americans", "US", "demonym"),
    ],
)
def test_gazetteer_lookup_resolves(surface, iso2, how):
    hit = lookup(surface)
    assert hit is not None, surface
    country, kind = hit
    assert (country.iso2, kind) == (iso2, how)


@pytest.mark.parametrize("surface", ["Atlantis", "", "   ", "japan", "the", "Congolese"])
def test_gazetteer_lookup_unknown_returns_none(surface):
    assert lookup(surface) is None


def test_gazetteer_lookup_is_deterministic_and_prefers_higher_kind():
    assert lookup("Singapore") == lookup("Singapore")
    index = surface_index()
    # Singapore is both the name and the capital of SG; the name wins.
    assert index["Singapore"][1] == "name"
    for surface, (country, kind) in index.items():
        assert kind in KINDS
        assert surface in {gazetteer._normalize(s) for s in country.surfaces(kind)}


def test_gazetteer_regions_are_kept_apart_from_countries():
    regions = gazetteer.regions()
    assert regions and all(r.parent and gazetteer.is_iso2(r.parent) for r in regions)
    assert all(re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", r.iso2) for r in regions)
    assert not {r.iso2 for r in regions} & {c.iso2 for c in countries()}
    bavaria = by_iso2("DE-BY")
    assert (bavaria.name, bavaria.parent) == ("Bavaria", "DE")
    assert lookup("Bavarian") == (bavaria, "demonym")
    assert gazetteer.is_region("DE-BY") and not gazetteer.is_region("DE")
    assert gazetteer.country_code("DE-BY") == "DE" and gazetteer.country_code("JP") == "JP"


def test_gazetteer_countries_win_over_regions():
    # "New Mexico" is a region, "Mexico" stays the country; no region takes a country's name
    assert lookup("Mexico")[0].iso2 == "MX"
    assert lookup("New Mexico")[0].iso2 == "US-NM"
    country_forms = {
        gazetteer._normalize(s) for c in countries() for k in KINDS for s in c.surfaces(k)
    }
    for region in gazetteer.regions():
        for kind in KINDS:
            for surface in region.surfaces(kind):
                assert gazetteer._normalize(surface) not in country_forms, surface


def test_gazetteer_the_eu_is_a_bloc_that_is_read_like_a_country():
    from kg.gazetteer import blocs, is_bloc

    eu = by_iso2("EU")
    assert eu.bloc and eu.name == "European Union" and eu in blocs()
    assert is_bloc("EU") and not is_bloc("DE")
    # its commissioners serve it and it is a party to talks and deals, so the shared reading
    # finds it by its names; only policies treat it as a bloc
    assert lookup("European Union")[0] == eu and lookup("EU")[0] == eu
    assert eu in countries()
