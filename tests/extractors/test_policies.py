"""Policies: tariffs with rate, goods, dates and imposer; pauses, agreements, requests,
pledges and proposals."""

import datetime as dt

import pytest

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
    reached = [a for a in agreements if a.status == "reached"]
    assert {a.target.label for a in reached} == {"China", "United Kingdom"}
    assert all(a.actor.label == "United States" for a in reached)
    # "concede lower duty rates to strike a trade deal": the deal Japan seeks, still to come
    (sought,) = [a for a in agreements if a.status == "proposed"]
    assert {sought.actor.label, sought.target.label} == {"United States", "Japan"}


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
    found = {(p.goods, p.amount, p.currency, p.rate) for p in policies(facts, "tariff")}
    assert (("Japanese electronic goods",), 300e6, "USD", None) in found
    assert (("U.S. goods",), 30e9, "CAD", None) in found


def test_policies_no_rate_from_a_clause_before_the_measure(extract):
    facts = extract(
        '"I am 95 plus pct certain that it (the levy) will not trigger a '
        'counter-move," the trade representative said. Canada has a 25 pct tariff on U.S. '
        "steel."
    )
    assert {p.rate for p in policies(facts, "tariff")} == {25.0}


def test_policies_target_not_from_a_relative_clause_nor_carried_to_itself(extract):
    facts = extract(
        "Japan imposed 20 pct tariffs on Chinese beef last year. The tariffs were put on "
        "products which buyers could find elsewhere so there would be hardly any cost to "
        "the American shopper, he said. Beijing will not drop the planned 100 pct "
        "tariffs on Japanese electronic exports."
    )
    tariffs = policies(facts, "tariff")
    # "the tariffs were put on products": the same measure, still aimed at China, not at the
    # country of the shopper in the relative clause
    (beef,) = [p for p in tariffs if p.rate == 20.0]
    assert (beef.actor.label, beef.target.label) == ("Japan", "China")
    assert "products" in beef.goods
    (japanese,) = [p for p in tariffs if p.rate == 100.0]
    # Japan's goods are the target: the imposer is the other side, never Japan itself; and
    # "will not drop" keeps the tariffs
    assert (japanese.target.label, japanese.actor.label) == ("Japan", "China")
    assert japanese.status == "planned"


# --- the article's reading: imposer and target carried to bare mentions ------------------
def one(facts, kind, **where):
    """The one policy of ``kind`` whose fields have the given values."""
    (found,) = [
        p for p in policies(facts, kind) if all(getattr(p, k) == v for k, v in where.items())
    ]
    return found


def sides(policy):
    return (
        policy.actor.label if policy.actor else None,
        policy.target.label if policy.target else None,
    )


def test_policies_bare_rate_takes_the_articles_imposer(extract):
    facts = extract(
        "Washington imposed new tariffs on Peruvian copper on Monday. Lima said a 20 percent "
        "tariff on Peruvian avocados would follow, and 40 per cent duties on Peruvian fish."
    )
    assert sides(one(facts, "tariff", rate=20.0)) == ("United States", "Peru")
    assert sides(one(facts, "tariff", rate=40.0)) == ("United States", "Peru")


def test_policies_possessive_person_is_the_imposer(extract):
    facts = extract(
        "U.S. President Ann Carter spoke on Monday. Carter's 30% tariffs on Brazilian coffee "
        "will stay, her aides said."
    )
    assert sides(one(facts, "tariff", rate=30.0)) == ("United States", "Brazil")


def test_policies_goods_sent_to_a_country_are_taxed_by_it(extract):
    facts = extract(
        "Officials in Quito said a 25% tariff on banana exports to the United States hurts "
        "Ecuador's farmers."
    )
    assert sides(one(facts, "tariff", rate=25.0)) == ("United States", "Ecuador")


def test_policies_demonym_goods_are_the_target_not_the_imposer(extract):
    facts = extract(
        "The Treasury said the U.S. tariffs would stay. Bangkok warned that tariffs on Thai "
        "exports at 19% would cost jobs."
    )
    assert sides(one(facts, "tariff", rate=19.0)) == ("United States", "Thailand")


def test_policies_no_imposer_and_no_target_is_no_policy(extract):
    facts = extract("Analysts said a 20 percent tariff would hurt growth next year.")
    assert policies(facts) == []


def test_policies_counter_measure_runs_the_other_way(extract):
    facts = extract(
        "Canada has been hit by U.S. tariffs on lumber since March. Officials said the "
        "retaliatory tariffs on bourbon would be reviewed."
    )
    assert sides(one(facts, "tariff", goods=("bourbon",))) == ("Canada", "United States")


def test_policies_country_named_on_a_measure_of_another_imposer_is_its_target(extract):
    facts = extract(
        "Washington imposed 25% tariffs on Canadian steel on Monday. The U.S. also kept its "
        "Mexico tariffs of 30% in place."
    )
    assert sides(one(facts, "tariff", rate=30.0)) == ("United States", "Mexico")


def test_policies_goods_from_two_countries_are_two_tariffs(extract):
    facts = extract(
        "Washington imposed 25% tariffs on all imports from Peru and most imports from Chile."
    )
    found = {sides(p) for p in policies(facts, "tariff")}
    assert found == {("United States", "Peru"), ("United States", "Chile")}


def test_policies_negated_measure_is_no_policy(extract):
    facts = extract("The U.S. did not announce a pause on its tariffs on Mexican avocados.")
    assert policies(facts, "pause") == []


# --- rates, amounts and changes -----------------------------------------------------------
def test_policies_rate_cut_points_to_the_rate_it_replaced(extract):
    facts = extract("Washington cut duties on Peruvian cars from 25 percent to 15 percent.")
    new = one(facts, "tariff", rate=15.0)
    old = one(facts, "tariff", rate=25.0)
    assert old.status == "superseded" and new.replaces == old.label
    assert sides(new) == sides(old) == ("United States", "Peru")


def test_policies_rate_raised_to_from(extract):
    facts = extract(
        "Ottawa raised the levy on Chinese solar panels to 27.5 percent from 2.5 percent."
    )
    new = one(facts, "tariff", rate=27.5)
    assert sides(new) == ("Canada", "China") and new.replaces is not None


def test_policies_rates_noun_and_bare_rate_in_brackets(extract):
    facts = extract(
        "The U.S. will impose rates of 20 percent on Peruvian goods (40 percent on "
        "transshipped goods) under the new rules."
    )
    assert sides(one(facts, "tariff", rate=20.0)) == ("United States", "Peru")
    assert one(facts, "tariff", rate=40.0).goods == ("transshipped goods",)


def test_policies_rate_without_a_measure_in_an_article_without_one(extract):
    facts = extract("Exports rose 40 percent on the year, the statistics office said.")
    assert policies(facts) == []


def test_policies_interest_rates_and_credit_quotas_are_no_trade_measures(extract):
    facts = extract(
        "U.K. interest rates fell to 4 percent. The Dutch credit quota was raised. Civic "
        "duties matter, the mayor said."
    )
    assert policies(facts) == []


def test_policies_duties_on_goods_are_a_trade_measure(extract):
    facts = extract("Chile said U.S. duties on Chilean wine were raised to 15 percent.")
    assert sides(one(facts, "tariff", rate=15.0)) == ("United States", "Chile")


# --- dates and status -----------------------------------------------------------------------
def test_policies_start_after_the_article_is_planned_in_the_same_year(extract):
    facts = extract(
        "Washington said a 20 percent tariff on Peruvian sugar applies from Sept. 1.",
        published=dt.date(2025, 8, 14),
    )
    tariff = one(facts, "tariff", rate=20.0)
    assert (tariff.start.iso, tariff.status) == ("2025-09-01", "planned")


def test_policies_since_is_a_past_start(extract):
    facts = extract(
        "Washington has imposed a 20 percent tariff on Peruvian sugar since March 3.",
        published=dt.date(2025, 2, 14),
    )
    tariff = one(facts, "tariff", rate=20.0)
    assert (tariff.start.iso, tariff.status) == ("2024-03-03", "in force")


def test_policies_removal_with_all_takes_the_rate_to_zero(extract):
    facts = extract("Hanoi will cut all tariffs on American goods, the ministry said.")
    tariff = one(facts, "tariff", rate=0.0)
    assert sides(tariff) == ("Vietnam", "United States") and tariff.status == "to be lifted"


# --- agreements and ceasefires --------------------------------------------------------------
def test_policies_agreement_between_conjoined_subjects_reached_with_date(extract):
    facts = extract(
        "Lima and Washington reached a trade deal in late July.", published=dt.date(2025, 8, 26)
    )
    deal = one(facts, "agreement")
    assert set(sides(deal)) == {"Peru", "United States"}
    assert (deal.status, deal.start.iso) == ("reached", "2025-07-21/2025-07-31")


def test_policies_agreement_named_by_its_parties(extract):
    facts = extract("Ministers praised the US-UK tariff deal on Monday.")
    assert set(sides(one(facts, "agreement"))) == {"United States", "United Kingdom"}


def test_policies_broker_is_no_party(extract):
    facts = extract("Officials said the U.S.-brokered deal between Israel and Egypt would hold.")
    assert set(sides(one(facts, "agreement"))) == {"Israel", "Egypt"}


def test_policies_agreement_name_without_parties_is_no_policy(extract):
    facts = extract(
        "Delegates met in Geneva to discuss the General Agreement on Trade in Services."
    )
    assert policies(facts, "agreement") == []


def test_policies_ceasefire_between_two_parties(extract):
    facts = extract("A ceasefire between Israel and Hamas took hold on Friday.")
    assert sides(one(facts, "ceasefire")) == ("Israel", "Hamas")


def test_policies_ceasefire_with_one_party_is_no_policy(extract):
    facts = extract("Israel said the ceasefire would hold.")
    assert policies(facts, "ceasefire") == []


# --- exemptions, export controls, sanctions -------------------------------------------------
def test_policies_exemption_for_each_country_it_covers(extract):
    facts = extract(
        "Washington gave a one-month tariff exemption to carmakers importing vehicles from "
        "Peru and Chile."
    )
    found = {sides(p) for p in policies(facts, "exemption")}
    assert found == {("United States", "Peru"), ("United States", "Chile")}


def test_policies_spared_from_duties_is_an_exemption(extract):
    facts = extract(
        "The agreement spares aircraft makers in Britain from the steep U.S. duties on "
        "aircraft parts."
    )
    assert sides(one(facts, "exemption")) == ("United States", "United Kingdom")


def test_policies_exempted_from_service_is_no_policy(extract):
    facts = extract("The soldiers were exempted from military service.")
    assert policies(facts) == []


def test_policies_export_controls(extract):
    facts = extract("China imposed export controls on gallium and germanium. Border controls stay.")
    control = one(facts, "export control")
    assert control.actor.label == "China" and control.goods == ("gallium", "germanium")


def test_policies_sanctions_package_and_the_bloc(extract):
    facts = extract(
        "The EU adopted its 18th package of sanctions against Russia on Friday. The bloc "
        "also extended its sanctions on Belarus."
    )
    found = {sides(p) for p in policies(facts, "sanction")}
    assert found == {("European Union", "Russia"), ("European Union", "Belarus")}


# --- investments, purchases, requests -------------------------------------------------------
def test_policies_investment_pledge_with_amount_and_currency(extract):
    facts = extract("Japan pledged to invest $550 billion in the United States.")
    pledge = one(facts, "investment")
    assert sides(pledge) == ("Japan", "United States")
    assert (pledge.amount, pledge.currency, pledge.rate) == (550e9, "USD", None)


def test_policies_investment_package_under_the_deal(extract):
    facts = extract(
        "Lima and Washington reached a trade deal in July. Under the deal, Peru pledged a "
        "$35 billion investment package."
    )
    assert sides(one(facts, "investment")) == ("Peru", "United States")


def test_policies_amount_invested_without_a_pledger_is_no_policy(extract):
    facts = extract("The amount invested, 3 billion yen, was small, brokers said.")
    assert policies(facts) == []


def test_policies_purchase_planned_from_a_country(extract):
    facts = extract(
        "The U.S. plans to buy ships from South Korea. Spain buys olive oil from Italy."
    )
    purchase = one(facts, "purchase")
    assert sides(purchase) == ("United States", "South Korea") and purchase.status == "planned"


def test_policies_request_to_drop_measures(extract):
    facts = extract(
        "Tokyo sent its envoy, with Japan requesting the U.S. side to drop the tariff "
        "measures. Tokyo is also pressing Seoul to reduce its trade surplus."
    )
    assert sides(one(facts, "request")) == ("Japan", "United States")


def test_policies_capital_a_measure_is_aimed_at_is_its_country(extract):
    facts = extract("Canada unveiled reciprocal tariffs of 25% this week against Beijing.")
    assert sides(one(facts, "tariff", rate=25.0)) == ("Canada", "China")


def test_policies_pause_verb_pauses_the_measure_of_its_subject(extract):
    facts = extract("Canada paused its tariffs on Mexican steel for 90 days on Monday.")
    pause = one(facts, "pause")
    assert sides(pause) == ("Canada", "Mexico") and (pause.rate, pause.unit) == (90.0, "days")


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("The United States paused the tariffs on Mexican goods until July 9, officials said "
         "on Friday.", "2025-07-09"),
        # the day of the saying is not the day the pause ends
        ("Washington paused the 34% tariffs on Chinese goods for 90 days, Treasury Secretary "
         "Scott Bessent said on Monday.", None),
    ],
)  # fmt: skip
def test_policies_a_pause_ends_on_a_date_of_its_own_clause(extract, text, end):
    pause = one(extract(text), "pause")
    assert (pause.end.iso if pause.end else None) == end


def test_policies_sanction_verb(extract):
    facts = extract("The U.S. Treasury sanctioned two Russian oil companies on Wednesday.")
    assert sides(one(facts, "sanction")) == ("United States", "Russia")


def test_policies_two_sides_agreed_on_a_trade_measure(extract):
    facts = extract("Washington and Beijing agreed to cut tariffs on each other's goods.")
    deal = one(facts, "agreement")
    assert set(sides(deal)) == {"United States", "China"} and deal.status == "reached"


def test_policies_agreeing_to_meet_is_no_agreement(extract):
    facts = extract("Washington and Beijing agreed to meet again next month.")
    assert policies(facts, "agreement") == []


def test_policies_slapped_with_a_tariff_by(extract):
    facts = extract("India was slapped with a 50% tariff by Washington last week.")
    assert sides(one(facts, "tariff", rate=50.0)) == ("United States", "India")


def test_policies_goods_on_the_verb_of_the_measures_preposition(extract):
    facts = extract("The EU agreed to a 15% tariff on most of its exports to the U.S.")
    assert sides(one(facts, "tariff", rate=15.0)) == ("United States", "European Union")


def test_policies_possessive_country_of_the_articles_target_is_the_target(extract):
    facts = extract(
        "Washington imposed a 39% tariff on Swiss watches in August. Bern hopes to lower "
        "Switzerland's 39% tariff soon."
    )
    assert {sides(p) for p in policies(facts, "tariff")} == {("United States", "Switzerland")}


def test_policies_price_cap_and_import_ban_are_sanctions_a_smoking_ban_is_not(extract):
    facts = extract(
        "The EU approved a price cap on Russian oil and a ban on Russian gas imports on "
        "Friday. A smoking ban was also debated."
    )
    found = [sides(p) for p in policies(facts, "sanction")]
    assert found == [("European Union", "Russia")] * 2


def test_policies_zero_tariffs(extract):
    facts = extract("Manila will impose zero tariffs on U.S. cars, officials said.")
    assert sides(one(facts, "tariff", rate=0.0)) == ("Philippines", "United States")


def test_policies_goods_exempt_from_tariffs(extract):
    facts = extract("U.S. goods are exempt from Canadian tariffs under the pact, Ottawa said.")
    assert sides(one(facts, "exemption")) == ("Canada", "United States")


def test_policies_truce_in_a_tariff_article_is_a_pause(extract):
    facts = extract(
        "Washington imposed 20% tariffs on Chinese goods in March. The truce between "
        "Washington and Beijing was extended."
    )
    assert sides(one(facts, "pause")) == ("United States", "China")
    assert policies(facts, "ceasefire") == []


def test_policies_agreement_of_the_two_countries_an_article_is_about(extract):
    facts = extract(
        "Russian and Ukrainian delegates met in Istanbul. The two sides agreed on a "
        "prisoner swap, Ukraine said. Russia confirmed it."
    )
    assert set(sides(one(facts, "agreement"))) == {"Russia", "Ukraine"}


def test_policies_purchase_commitment_without_a_sum(extract):
    facts = extract("Japan agreed to increase purchases of U.S. rice, Tokyo said.")
    purchase = one(facts, "purchase")
    assert sides(purchase) == ("Japan", "United States") and purchase.goods == ("U.S. rice",)


def test_policies_export_ban_is_an_export_control(extract):
    facts = extract("China imposed an export ban on gallium.")
    assert one(facts, "export control").actor.label == "China"
    assert policies(facts, "sanction") == []


@pytest.mark.parametrize(
    ("text", "expected_sides", "words"),
    [
        (
            "Peru's commitment to opening its market to Brazilian beef was welcomed in Lima.",
            ("Peru", "Brazil"),
            "opening its market",
        ),
        (
            "Diplomats said the Canadian pledge to cut tariffs on Mexican steel still stands.",
            ("Canada", "Mexico"),
            "cut tariffs",
        ),
    ],
    ids=["possessive-gerund", "adjective-infinitive"],
)
def test_policies_pledge_told_as_a_noun(extract, text, expected_sides, words):
    (pledge,) = policies(extract(text), "pledge")
    assert sides(pledge) == expected_sides
    assert pledge.label.startswith("pledge to ") and words in pledge.label
    assert pledge.status == "pledged"


def test_policies_a_commitment_with_no_owner_or_no_action_is_no_pledge(extract):
    facts = extract(
        "The commitment to free trade runs deep. Peru's commitment was never in doubt, "
        "officials in Lima said."
    )
    assert policies(facts, "pledge") == []
