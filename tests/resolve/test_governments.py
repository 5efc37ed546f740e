"""Governments carried across articles: inferred, marked, explained, and withdrawn again."""

from __future__ import annotations

import pyoxigraph as ox

from kg.resolve import resolve_store
from tests.resolve.stories import JAPAN, US, add, mention, role, rows

KG = "https://example.org/kg/ontology#"
GOVERNMENT = (
    "PREFIX org: <http://www.w3.org/ns/org#> PREFIX dcterms: <http://purl.org/dc/terms/> "
    "SELECT ?article ?gov ?inferred WHERE { ?m a org:Membership ; dcterms:source ?article ."
    f" OPTIONAL {{ ?m org:organization ?gov }} OPTIONAL {{ ?m <{KG}inferredBy> ?inferred }} }}"
)


def _by_article(store: ox.Store) -> dict[str, tuple[str, bool]]:
    return {
        r["article"].rsplit("/", 1)[-1]: (r["gov"].rsplit("/", 1)[-1], bool(r["inferred"]))
        for r in rows(store, GOVERNMENT)
    }


def test_governments_a_role_takes_the_government_other_articles_state():
    store = ox.Store()
    for a in ("a1", "a2"):
        add(
            store,
            a,
            "1987-03-01",
            [mention("Ronald Reagan"), role("Ronald Reagan", "President", US)],
        )
    add(
        store,
        "a3",
        "1987-03-02",
        [mention("Ronald Reagan"), role("Ronald Reagan", "President", None)],
    )
    assert resolve_store(store).inferred_governments == 1
    found = _by_article(store)
    assert found["a3"] == ("us", True)  # inferred, and marked so
    assert found["a1"] == ("us", False)  # stated
    why = rows(
        store,
        f"SELECT ?rule ?source WHERE {{ ?r a <{KG}Resolution> ; <{KG}rule> ?rule ;"
        " <http://www.w3.org/ns/prov#wasDerivedFrom> ?source }",
    )
    assert {(r["rule"], r["source"].rsplit("/", 1)[-1]) for r in why} == {
        ("same-role", "a1"),
        ("same-role", "a2"),
    }


def test_governments_not_inferred_when_articles_disagree_or_the_role_differs():
    store = ox.Store()
    add(store, "a1", "2025-01-01", [mention("Jane Doe"), role("Jane Doe", "Ambassador", US)])
    add(store, "a2", "2025-01-02", [mention("Jane Doe"), role("Jane Doe", "Ambassador", JAPAN)])
    add(store, "a3", "2025-01-03", [mention("Jane Doe"), role("Jane Doe", "Ambassador", None)])
    add(store, "a4", "2025-01-03", [mention("Jane Doe"), role("Jane Doe", "adviser", None)])
    assert resolve_store(store).inferred_governments == 0


def test_governments_an_inference_goes_when_its_basis_goes():
    store = ox.Store()
    add(
        store,
        "a1",
        "1987-03-01",
        [mention("Ronald Reagan"), role("Ronald Reagan", "President", US)],
    )
    add(
        store,
        "a2",
        "1987-03-02",
        [mention("Ronald Reagan"), role("Ronald Reagan", "President", None)],
    )
    resolve_store(store)
    assert _by_article(store)["a2"] == ("us", True)
    # a1 is rebuilt without the government: the conclusion must not survive on itself
    add(
        store,
        "a1",
        "1987-03-01",
        [mention("Ronald Reagan"), role("Ronald Reagan", "President", None)],
    )
    resolve_store(store)
    assert _by_article(store)["a2"] == ("", False)
