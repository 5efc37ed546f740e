"""Policies: tariffs with rate, goods, dates and imposer; pauses, agreements, requests,
pledges and proposals."""

from kg.facts import Policy


def policies(facts, kind=None):
    return [f for f in facts if isinstance(f, Policy) and (kind is None or f.kind == kind)]


def test_policies_seed_car_tariff(seed_facts):
    (car,) = [p for p in policies(seed_facts, "tariff") if p.rate == 25.0]
    assert car.unit == "percent" and car.goods == ("imported cars",)
    assert car.actor.label == "United States"
    assert (
        car.start.iso == "2025-04-03"
    )  # merged from "the 25-percent new tariff imposed since April 3"


def test_policies_seed_tariffs_on_parts_steel_aluminum_and_reciprocal(seed_facts):
    tariffs = policies(seed_facts, "tariff")
    goods = {g for p in tariffs for g in p.goods}
    assert {"key car parts", "steel", "aluminum"} <= goods
    assert all(p.actor is not None and p.actor.label == "United States" for p in tariffs)
    assert any(p.label == "reciprocal tariff" for p in tariffs)


def test_policies_seed_pause_until_july_9(seed_facts):
    (pause,) = policies(seed_facts, "pause")
    assert pause.about == "reciprocal tariff"
    assert (pause.rate, pause.unit, pause.end.iso) == (90.0, "days", "2025-07-09")


def test_policies_seed_agreements_with_china_and_britain(seed_facts):
    agreements = policies(seed_facts, "agreement")
    assert {a.target.label for a in agreements} == {"China", "United Kingdom"}
    assert all(a.actor.label == "United States" and a.status == "reached" for a in agreements)


def test_policies_seed_request_pledge_and_proposal(seed_facts):
    (request,) = policies(seed_facts, "request")
    assert (request.actor.label, request.target.label) == ("Japan", "United States")
    (pledge,) = policies(seed_facts, "pledge")
    assert pledge.actor.label == "Japan" and "shipbuilding" in pledge.label
    (proposal,) = policies(seed_facts, "proposal")
    assert proposal.goods == ("U.S. defense equipment",) and proposal.actor.label == "Japan"


def test_policies_reuters_style_tariff(extract):
    facts = extract(
        "The United States imposed 100 pct tariffs on Japanese electronic goods "
        "on April 17, Washington officials said.",
        published=None,
    )
    (tariff,) = policies(facts, "tariff")
    assert tariff.rate == 100.0 and tariff.target.label == "Japan"
    assert tariff.actor.label == "United States"


def test_policies_plain_deal_without_trade_context_is_ignored(extract):
    facts = extract(
        "The club signed a deal with the striker on Monday. The meal came with a side of fries."
    )
    assert policies(facts) == []


def test_policies_rate_goods_and_dates_hung_on_the_verb(extract):
    facts = extract(
        "Canada imposed 25 per cent counter-tariffs on C$30 billion of U.S. goods on March 4."
    )
    (tariff,) = policies(facts, "tariff")
    assert (tariff.actor.label, tariff.target.label, tariff.rate) == ("Canada", "United States", 25)
    assert tariff.goods == ("U.S. goods",) and tariff.start.iso == "2025-03-04"
    assert tariff.status == "in force"


def test_policies_future_tariff_is_planned_not_in_force(extract):
    facts = extract("Beijing will impose tariffs of up to 15% on U.S. coal from Feb. 10.")
    (tariff,) = policies(facts, "tariff")
    assert (tariff.actor.label, tariff.rate, tariff.status) == ("China", 15, "planned")
    assert tariff.start.iso == "2026-02-10"  # the next Feb. 10 after 2025-05-29: it is to come


def test_policies_rate_and_trade_value_in_wire_copy(extract):
    facts = extract(
        "The order would put 100 pct tariffs on roughly 250 mln dlrs worth of Japanese "
        "imports of laptops, stereo systems and hand drills."
    )
    (tariff,) = policies(facts, "tariff")
    assert (tariff.rate, tariff.unit) == (100.0, "percent")
    goods = " | ".join(tariff.goods)
    assert "laptops" in goods and "hand drills" in goods
    assert "dlrs" not in goods  # the trade value is no good
    assert "250 mln dlrs" in tariff.label and tariff.target.label == "Japan"


def test_policies_trade_value_is_the_amount_without_a_rate(extract):
    facts = extract(
        "Reagan put tariffs on 300 mln dlrs of Japanese electronic goods on Friday. "
        "Ottawa put counter-tariffs on C$30 billion of U.S. goods."
    )
    found = {(p.goods, p.rate, p.unit) for p in policies(facts, "tariff")}
    assert (("Japanese electronic goods",), 300e6, "USD") in found
    assert (("U.S. goods",), 30e9, "CAD") in found


def test_policies_no_rate_from_a_clause_before_the_measure(extract):
    facts = extract(
        '"I am 95 plus pct certain that it (the levy) will not trigger a '
        'counter-move," the trade representative said. A 25 pct tariff on steel is in force.'
    )
    assert {p.rate for p in policies(facts, "tariff")} == {25.0}


def test_policies_target_not_from_a_relative_clause_nor_carried_to_itself(extract):
    facts = extract(
        "Japan imposed 20 pct tariffs on U.S. beef last year. The tariffs were put on "
        "products which buyers could find elsewhere so there would be hardly any cost to "
        "the American shopper, he said. Reagan will not drop the planned 100 pct "
        "tariffs on Japanese electronic exports."
    )
    tariffs = policies(facts, "tariff")
    (items,) = [p for p in tariffs if p.goods == ("products",)]
    assert items.target is None
    (japanese,) = [p for p in tariffs if p.rate == 100.0]
    assert japanese.target.label == "Japan" and japanese.actor is None
