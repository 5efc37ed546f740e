"""Meetings: triggers, participants, places, dates and statuses."""

from kg.facts import Meeting


def meetings(facts):
    return [f for f in facts if isinstance(f, Meeting)]


def by_label(facts, words):
    found = [m for m in meetings(facts) if all(w in m.label for w in words)]
    assert found, f"no meeting with {words} in {[m.label for m in meetings(facts)]}"
    return found[0]


def names(meeting):
    return {p.label for p in meeting.participants}


def test_meetings_seed_held_meeting_with_ishiba(seed_facts):
    m = by_label(seed_facts, ["Akazawa", "Ishiba"])
    assert (m.status, m.when.iso) == ("held", "2025-05-29")
    assert names(m) == {"Ryosei Akazawa", "Shigeru Ishiba"}
    assert m.place is None  # "in Washington" belongs to the talks that follow, not to "met"


def test_meetings_seed_fourth_round_planned_in_washington(seed_facts):
    m = by_label(seed_facts, ["fourth round"])
    assert (m.ordinal, m.status, m.place.label) == (4, "planned", "Washington")
    assert m.place.kind == "place"  # the city, not the government
    assert m.when.earliest.isoformat() == "2025-05-30" and m.when.text == "later this week"


def test_meetings_seed_expected_meeting_with_bessent(seed_facts):
    m = by_label(seed_facts, ["Bessent"])
    assert m.status == "expected"
    assert names(m) == {"Ryosei Akazawa", "Scott Bessent"}


def test_meetings_seed_g7_meeting_in_canada_last_week(seed_facts):
    m = by_label(seed_facts, ["Group of Seven"])
    assert (m.status, m.place.label, m.when.iso) == ("held", "Canada", "2025-05-19/2025-05-25")
    assert names(m) == {"Scott Bessent"}


def test_meetings_seed_hoped_for_summit_and_fifth_round(seed_facts):
    summit = by_label(seed_facts, ["in-person summit"])
    assert summit.status == "proposed" and summit.when.iso == "2025-06"
    assert {"Shigeru Ishiba", "Donald Trump"} <= names(summit)
    assert summit.part_of == by_label(seed_facts, ["G7 summit"]).key  # an explicit link
    fifth = by_label(seed_facts, ["fifth round"])
    assert (fifth.ordinal, fifth.status) == (5, "proposed")
    assert names(fifth) == {"Japan", "United States"}


def test_meetings_phone_call_and_cancelled_summit(extract):
    facts = extract(
        "President Joe Biden will hold talks with Chinese President Xi Jinping in "
        "Geneva next week. The EU summit scheduled for June was cancelled."
    )
    talks = by_label(facts, ["talks"])
    assert talks.status == "planned" and talks.place.label == "Geneva"
    assert talks.when.iso == "2025-06-02/2025-06-08"
    assert {"Joe Biden", "Xi Jinping"} <= names(talks)


def test_meetings_generic_mentions_are_not_events(extract):
    facts = extract(
        "Trade talks are often slow, and negotiations can take years. "
        "She said the meeting was useful."
    )
    assert meetings(facts) == []


def test_meetings_verb_meet_with_place_and_joint_subjects(extract):
    facts = extract(
        "Indonesian President Prabowo Subianto met Australian Prime Minister "
        "Anthony Albanese in Jakarta on Tuesday."
    )
    m = by_label(facts, ["Prabowo"])
    assert (m.status, m.place.label, m.when.iso) == ("held", "Jakarta", "2025-05-27")
    facts = extract(
        "Chancellor Friedrich Merz and President Emmanuel Macron will meet in Paris next week."
    )
    m = by_label(facts, ["Merz"])
    assert names(m) == {"Friedrich Merz", "Emmanuel Macron"}
    assert (m.status, m.place.label) == ("planned", "Paris")


def test_meetings_scheduled_is_planned(extract):
    facts = extract(
        "The two leaders are scheduled to hold a summit with Chinese Premier Li Qiang "
        "in Beijing next month."
    )
    m = by_label(facts, ["summit"])
    assert (m.status, m.place.label, m.when.iso) == ("planned", "Beijing", "2025-06")


def test_meetings_talks_between_countries_are_between_governments(extract):
    facts = extract("Trade talks between Japan and South Korea resumed in Seoul on Monday.")
    m = by_label(facts, ["talks"])
    assert {(p.kind, p.label) for p in m.participants} == {
        ("government", "Japan"),
        ("government", "South Korea"),
    }
    assert (m.status, m.place.label, m.when.iso) == ("held", "Seoul", "2025-05-26")
    # "between" with no one named is still generic
    assert meetings(extract("Talks between the two sides often end in failure.")) == []


def test_meetings_unnamed_counterpart_stands_for_its_government(extract):
    facts = extract(
        "Chinese President Xi Jinping held talks with his Japanese counterpart on Tuesday."
    )
    m = by_label(facts, ["talks"])
    assert names(m) == {"Xi Jinping", "Japan"}
    assert next(p for p in m.participants if p.label == "Japan").kind == "government"
    facts = extract("Negotiators from Japan and Canada met in Ottawa on Tuesday.")
    m = by_label(facts, ["Japan", "Canada"])
    assert names(m) == {"Japan", "Canada"} and m.place.label == "Ottawa"
    # a counterpart with no country says nothing about who took part
    facts = extract("Prime Minister Keir Starmer met his counterpart on Tuesday.")
    assert not any("counterpart" in p.label for m in meetings(facts) for p in m.participants)


def test_meetings_visit_is_a_meeting_with_a_place(extract):
    facts = extract("German Chancellor Friedrich Merz will visit Beijing next week.")
    m = by_label(facts, ["visit", "Merz"])
    assert (m.kind, m.status, m.place.label) == ("visit", "planned", "Beijing")
    assert m.when.iso == "2025-06-02/2025-06-08" and names(m) == {"Friedrich Merz"}
    facts = extract("Prime Minister Keir Starmer is expected to visit Japan in June.")
    m = by_label(facts, ["visit"])
    assert (m.status, m.place.label, m.when.iso) == ("expected", "Japan", "2025-06")
    facts = extract("The visit to Beijing by Chancellor Friedrich Merz was cancelled.")
    m = by_label(facts, ["visit"])
    assert (m.status, m.place.label, names(m)) == ("cancelled", "Beijing", {"Friedrich Merz"})
    # visiting without anyone named is not a meeting, nor is a campaign tour
    assert meetings(extract("Many tourists visit Paris every year.")) == []
    facts = extract("Mr Kennedy visits Manchester, Liverpool and Leeds this week.")
    assert meetings(facts) == []


def test_meetings_phone_calls_from_verbs(extract):
    facts = extract(
        "Prime Minister Keir Starmer spoke by phone with Chancellor Friedrich Merz on Sunday."
    )
    m = by_label(facts, ["Starmer"])
    assert (m.kind, m.status, m.when.iso) == ("call", "held", "2025-05-25")
    assert names(m) == {"Keir Starmer", "Friedrich Merz"}
    facts = extract("President Donald Trump phoned Chinese President Xi Jinping on Tuesday.")
    assert by_label(facts, ["Trump"]).kind == "call"
    # speaking to reporters, or speaking without a phone, is no call
    assert meetings(extract("Prime Minister Keir Starmer spoke to reporters on Sunday.")) == []
    assert meetings(extract("Keir Starmer spoke with Friedrich Merz about trade.")) == []


def test_meetings_host_is_a_meeting_of_host_and_guest(extract):
    facts = extract(
        "President Donald Trump hosted Prime Minister Keir Starmer at the White House on Monday."
    )
    m = by_label(facts, ["Trump", "Starmer"])
    assert (m.status, m.when.iso) == ("held", "2025-05-26")
    assert meetings(extract("The city hosted a football match on Monday.")) == []


def test_meetings_called_off_and_postponed_are_cancelled(extract):
    facts = extract("The summit between Japan and China was called off.")
    assert by_label(facts, ["summit"]).status == "cancelled"
    facts = extract("The summit between Japan and China was held.")
    assert by_label(facts, ["summit"]).status == "held"
    facts = extract("Merz's visit to China was postponed.")
    m = by_label(facts, ["visit"])
    assert (m.status, m.place.label, names(m)) == ("cancelled", "China", {"Merz"})


def test_meetings_journey_for_talks_brings_the_traveller(extract):
    facts = extract(
        "Japan's chief negotiator Ryosei Akazawa will fly to Washington next week for talks "
        "with Treasury Secretary Scott Bessent."
    )
    m = by_label(facts, ["talks"])
    assert names(m) == {"Ryosei Akazawa", "Scott Bessent"}
    assert (m.status, m.place.label, m.when.iso) == (
        "planned",
        "Washington",
        "2025-06-02/2025-06-08",
    )
    # a trip for talks with no one named is no meeting
    assert meetings(extract("Mr Blair went home for talks with his family.")) == []


def test_meetings_trip_abroad_is_a_visit_going_home_is_not(extract):
    facts = extract("Britain's trade secretary Jonathan Reynolds will travel to India next month.")
    m = by_label(facts, ["visit", "Reynolds"])
    assert (m.kind, m.status, m.place.label, m.when.iso) == ("visit", "planned", "India", "2025-06")
    assert meetings(extract("German Chancellor Friedrich Merz went to Berlin on Friday.")) == []
    assert meetings(extract("Mr Blair flew to his constituency on Friday.")) == []


def test_meetings_suspended_talks_are_cancelled(extract):
    facts = extract("The talks between the U.S. and China were suspended last week.")
    assert by_label(facts, ["talks"]).status == "cancelled"
    facts = extract("The talks between the U.S. and China resumed last week.")
    assert by_label(facts, ["talks"]).status == "held"


def test_meetings_make_a_visit_and_hold_talks_share_the_subject(extract):
    facts = extract(
        "Prime Minister Shigeru Ishiba will make an official visit to the United States from "
        "July 2 and hold talks in Washington with President Donald Trump."
    )
    visit = by_label(facts, ["official visit"])
    assert (visit.status, visit.place.label, names(visit)) == (
        "planned",
        "United States",
        {"Shigeru Ishiba"},
    )
    talks = by_label(facts, ["talks"])
    assert names(talks) == {"Shigeru Ishiba", "Donald Trump"}
    assert talks.place.label == "Washington"
    # meeting obligations to a country is no meeting
    facts = extract("Poland said it would meet its debt payments to the United States.")
    assert meetings(facts) == []
