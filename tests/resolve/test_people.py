"""People across articles: same-name, spelling and short-name merges, and what blocks them."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.query import resolve_query, run_query
from kg.resolve import names, resolve_store
from tests.resolve.stories import JAPAN, KOREA, US, add, mention, role, rows

ID = "https://example.org/kg/id/person/"
CANONICAL = "SELECT ?m ?c WHERE { ?m <https://example.org/kg/ontology#canonical> ?c }"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Lee Jae Myung", "Lee Jae-myung", True),
        ("Lee Jae Myung", "Jae-myung Lee", True),
        ("Maroš Šefčovič", "Maros Sefcovic", True),
        ("Donald J. Trump", "Donald Trump", True),
        ("Donald Trump Jr.", "Donald Trump", False),
        ("Kim Jong-un", "Kim Jong-il", False),
        ("Ryosei Akazawa", "Akazawa", False),  # a short name is another rule
    ],
)
def test_names_same_written_name(a, b, same):
    assert names.same_written_name(a, b) is same


@pytest.mark.parametrize(
    ("a", "b", "variant"),
    [
        ("Volodymyr Zelensky", "Volodymyr Zelenskyy", True),
        ("Kim Jong-un", "Kim Jong-il", False),  # short words never count
        ("Mark Rutte", "Mark Ruttex", False),  # five letters are too few to tell
        ("Anna Lindqvist", "Berit Lindqvist", False),  # another given name
    ],
)
def test_names_spelling_variants(a, b, variant):
    assert names.spelling_variants(a, b) is variant


def _officials(store: ox.Store) -> set[tuple[str, str, str, str]]:
    csv = run_query(store, resolve_query("officials"), {}, "csv").splitlines()[1:]
    out = set()
    for line in csv:
        article, official, name, _role_title, government = line.split(",")
        out.add((article.rsplit("/", 1)[-1], official.rsplit("/", 1)[-1], name, government))
    return out


def test_people_short_name_is_the_unique_full_named_person():
    store = ox.Store()
    add(
        store,
        "a1",
        "2025-05-01",
        [mention("Ryosei Akazawa"), role("Ryosei Akazawa", "Minister", JAPAN)],
    )
    add(store, "a2", "2025-05-08", [mention("Akazawa"), role("Akazawa", "negotiator", None)])
    report = resolve_store(store)
    assert report.merged_people == 1
    assert rows(store, CANONICAL) == [{"m": ID + "akazawa", "c": ID + "ryosei-akazawa"}]
    people = {(a, who, name) for a, who, name, _ in _officials(store)}
    assert people == {
        ("a1", "ryosei-akazawa", "Ryosei Akazawa"),
        ("a2", "ryosei-akazawa", "Akazawa"),  # one IRI; the name as each article writes it
    }


def test_people_same_words_and_spellings_are_one_person():
    store = ox.Store()
    add(
        store,
        "a1",
        "2025-05-01",
        [mention("Lee Jae Myung"), role("Lee Jae Myung", "President", KOREA)],
    )
    add(store, "a2", "2025-05-02", [mention("Lee Jae Myung")])
    add(store, "a3", "2025-05-02", [mention("Jae-myung Lee")])  # given name first
    add(store, "a4", "2025-05-03", [mention("Volodymyr Zelensky")])
    add(store, "a5", "2025-05-04", [mention("Volodymyr Zelensky")])
    add(store, "a6", "2025-05-04", [mention("Volodymyr Zelenskyy")])
    report = resolve_store(store)
    merged = {(r["m"][len(ID) :], r["c"][len(ID) :]) for r in rows(store, CANONICAL)}
    # the canonical name is the one written in the most articles
    assert merged == {
        ("jae-myung-lee", "lee-jae-myung"),
        ("volodymyr-zelenskyy", "volodymyr-zelensky"),
    }
    assert report.by_rule == {"same-name": 1, "spelling": 1}


def test_people_no_merge_when_the_short_name_fits_two_people():
    store = ox.Store()
    add(store, "a1", "2025-05-01", [mention("Kim Min-jun"), role("Kim Min-jun", "Minister", KOREA)])
    add(
        store,
        "a2",
        "2025-05-01",
        [mention("Kim Soo-yeon"), role("Kim Soo-yeon", "Minister", KOREA)],
    )
    add(store, "a3", "2025-05-02", [mention("Kim")])
    assert resolve_store(store).merged_people == 0


def test_people_no_merge_when_governments_disagree():
    store = ox.Store()
    add(store, "a1", "2025-05-01", [mention("John Carter"), role("John Carter", "Minister", JAPAN)])
    add(store, "a2", "2025-05-02", [mention("Carter"), role("Carter", "Ambassador", US)])
    assert resolve_store(store).merged_people == 0


def test_people_a_son_is_not_his_father():
    store = ox.Store()
    add(store, "a1", "2025-05-01", [mention("Donald Trump")])
    add(store, "a2", "2025-05-02", [mention("Donald Trump Jr.")])
    assert resolve_store(store).merged_people == 0
