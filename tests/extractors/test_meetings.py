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
    # the country visited takes part through its government
    assert m.when.iso == "2025-06-02/2025-06-08" and names(m) == {"Friedrich Merz", "China"}
    assert next(p for p in m.participants if p.label == "China").kind == "government"
    facts = extract("Prime Minister Keir Starmer is expected to visit Japan in June.")
    m = by_label(facts, ["visit"])
    assert (m.status, m.place.label, m.when.iso) == ("expected", "Japan", "2025-06")
    facts = extract("The visit to Beijing by Chancellor Friedrich Merz was cancelled.")
    m = by_label(facts, ["visit"])
    assert (m.status, m.place.label) == ("cancelled", "Beijing")
    assert names(m) == {"Friedrich Merz", "China"}
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
    assert (m.status, m.place.label, names(m)) == ("cancelled", "China", {"Merz", "China"})


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
        "July 2 and hold talks in Washington with U.S. President Donald Trump."
    )
    # the visit and the talks held during it are one event
    (visit,) = meetings(facts)
    assert (visit.label, visit.status, visit.place.label) == (
        "official visit",
        "planned",
        "United States",
    )
    assert names(visit) == {"Shigeru Ishiba", "Donald Trump"}  # not the U.S. beside Trump
    # meeting obligations to a country is no meeting
    facts = extract("Poland said it would meet its debt payments to the United States.")
    assert meetings(facts) == []


def test_meetings_one_meeting_reported_in_three_sentences_is_one_event(extract):
    facts = extract(
        "Chancellor Olaf Brenner met French President Marie Delcourt in Lyon on Tuesday. "
        "The meeting lasted two hours. Brenner said after his meeting with Delcourt that "
        "the talks had been frank."
    )
    (m,) = meetings(facts)
    assert names(m) == {"Olaf Brenner", "Marie Delcourt"}
    assert (m.status, m.place.label, m.when.iso) == ("held", "Lyon", "2025-05-27")


def test_meetings_definite_mention_with_nothing_before_is_no_event(extract):
    # "the meeting" refers back; with no meeting named before it there is nothing to join
    assert meetings(extract("Officials said the meeting was useful and the talks went well.")) == []


def test_meetings_separate_meeting_is_another_event(extract):
    facts = extract(
        "Trade minister Kenji Sato met Commerce Secretary Dana Ruiz on Friday. "
        "Sato stayed on to seek a separate meeting with Treasury Secretary Paul Hart."
    )
    assert len(meetings(facts)) == 2
    hart = by_label(facts, ["separate meeting"])
    assert "Paul Hart" in names(hart) and "Dana Ruiz" not in names(hart)


def test_meetings_press_conference_and_one_person_are_no_meeting(extract):
    facts = extract(
        "Prime Minister Anna Lind held a press conference in Oslo on Monday. "
        "Lind later attended a meeting."
    )
    assert meetings(facts) == []
    facts = extract("The parliamentary session on Monday ran late, Prime Minister Anna Lind said.")
    assert meetings(facts) == []


def test_meetings_call_and_meeting_of_the_same_people_stay_apart(extract):
    facts = extract(
        "Foreign Minister Ana Costa met Foreign Minister Piet de Wit in Lisbon on Monday. "
        "Costa spoke by phone with de Wit on Wednesday."
    )
    kinds = sorted(m.kind for m in meetings(facts))
    assert kinds == ["call", "meeting"]


def test_meetings_parties_spread_over_the_paragraph(extract):
    facts = extract(
        "Canadian Trade Minister Claire Dubois will travel to Mexico City on Monday. "
        "There she will meet her counterpart and the finance minister."
    )
    (m,) = meetings(facts)  # the trip and the meeting on it are one event
    assert names(m) == {"Claire Dubois", "Mexico"}  # her counterpart: the host's government
    assert (m.status, m.place.label, m.when.iso) == ("planned", "Mexico City", "2025-06-02")
    # a counterpart with no trip and no country names no one
    facts = extract("Minister Claire Dubois met her counterpart on Monday.")
    assert meetings(facts) == []


def test_meetings_a_country_does_not_stand_for_the_named_official(extract):
    facts = extract(
        "The president said during a meeting on Friday with Portugal Prime Minister Rui "
        "Matos that trade must stay open. Matos told reporters after his meeting with "
        "President Ines Vidal that the talks were useful."
    )
    (m,) = meetings(facts)
    assert {"Rui Matos", "Ines Vidal"} <= names(m)
    assert "Portugal" not in names(m)


def test_meetings_the_pair_and_they_are_the_persons_named_together(extract):
    facts = extract(
        "Olaf Brenner and Marie Delcourt have much to settle, and the pair will meet in "
        "Vienna on Friday."
    )
    m = by_label(facts, ["meeting"])
    assert names(m) == {"Olaf Brenner", "Marie Delcourt"}
    assert (m.status, m.when.iso, m.place.label) == ("planned", "2025-05-30", "Vienna")
    # "they" with no one named before is no one
    assert meetings(extract("They will meet in Vienna on Friday.")) == []


def test_meetings_we_in_a_quote_is_the_speaker_and_the_person_thanked(extract):
    facts = extract(
        'Governor Paula Reyes posted a message. "Thank you to President Hugo Salas. '
        'We had an excellent call," she wrote.'
    )
    m = by_label(facts, ["call"])
    assert names(m) == {"Paula Reyes", "Hugo Salas"} and m.kind == "call"


def test_meetings_calls_held_and_had_are_calls_calls_for_something_are_not(extract):
    facts = extract("President Elena Varga held a call with Chancellor Otto Kranz on Monday.")
    m = by_label(facts, ["call"])
    assert (m.kind, names(m), m.status) == ("call", {"Elena Varga", "Otto Kranz"}, "held")
    facts = extract(
        "A call for calm came from Chancellor Otto Kranz. Protesters renewed their calls to "
        "end the war, President Elena Varga said."
    )
    assert meetings(facts) == []


def test_meetings_virtual_chat_with_leaders_is_a_call_of_one_named_person(extract):
    facts = extract(
        "Following a virtual chat with European leaders yesterday, President Hugo Salas "
        "said peace was near."
    )
    m = by_label(facts, ["virtual chat"])
    assert (m.kind, names(m), m.when.iso, m.status) == (
        "call",
        {"Hugo Salas"},
        "2025-05-28",
        "held",
    )


def test_meetings_on_the_sidelines_of_a_summit_points_at_it(extract):
    facts = extract(
        "On the sidelines of the G20 summit in Rio, Chinese President Li Wen met Indian "
        "Prime Minister Arun Das."
    )
    summit = by_label(facts, ["G20 summit"])
    meeting = by_label(facts, ["Li Wen"])
    assert meeting.part_of == summit.key and meeting.place.label == "Rio"
    assert "20 summit" not in [m.label for m in meetings(facts)]


def test_meetings_talks_named_by_their_place_are_the_talks_held_there(extract):
    facts = extract(
        "The leaders of Brazil and Chile met in Santiago last month. "
        "The Santiago talks produced a trade pact."
    )
    (m,) = meetings(facts)
    assert names(m) == {"Brazil", "Chile"} and m.place.label == "Santiago"
    assert m.label == "Santiago talks"


def test_meetings_summit_attendees_named_after_including(extract):
    facts = extract(
        "President Hugo Salas co-chaired the summit with President Ines Vidal, who invited "
        "ten leaders, including Chancellor Otto Kranz and Prime Minister Rui Matos."
    )
    m = by_label(facts, ["summit"])
    assert names(m) == {"Hugo Salas", "Ines Vidal", "Otto Kranz", "Rui Matos"}
    assert m.status == "held"
    # a list of goods is not a list of attendees
    facts = extract("Tariffs hit many goods, including steel, cars and wine, Kranz said.")
    assert meetings(facts) == []


def test_meetings_delegation_heads_and_mediators_join_the_talks_just_told(extract):
    facts = extract(
        "Japan and Peru concluded talks in Lima on Saturday. Envoy Kenji Sato headed the "
        "Japanese delegation, while the Peruvians were led by Minister Rosa Quispe. "
        "Foreign Minister Ana Costa acted as mediator."
    )
    (m,) = meetings(facts)
    assert {"Kenji Sato", "Rosa Quispe", "Ana Costa"} <= names(m)
    assert (m.status, m.when.iso) == ("held", "2025-05-24")
    # with no talks told just before, a delegation head makes no meeting
    facts = extract("Envoy Kenji Sato headed the Japanese delegation to the games.")
    assert meetings(facts) == []


def test_meetings_summit_starting_sunday_is_ahead_and_planned(extract):
    # published on a Thursday: Sunday is three days later
    facts = extract("Leaders will gather in Rome for the G20 summit starting Sunday.")
    m = by_label(facts, ["G20 summit"])
    assert (m.status, m.when.iso, m.place.label) == ("planned", "2025-06-01", "Rome")
    facts = extract(
        "Ministers met at the OECD Ministerial Council Meeting, held Tuesday and Wednesday."
    )
    m = by_label(facts, ["OECD"])
    assert (m.status, m.when.iso) == ("held", "2025-05-27/2025-05-28")


def test_meetings_plans_for_a_meeting_are_planned_and_talks_ended_abruptly_cancelled(extract):
    facts = extract(
        "When President Hugo Salas revealed his plans for a meeting with President Ines "
        "Vidal last week, markets rose."
    )
    m = by_label(facts, ["meeting"])
    assert names(m) == {"Hugo Salas", "Ines Vidal"}
    assert m.status == "planned" and m.when is None  # last week is when he said so
    facts = extract("President Hugo Salas abruptly ended the trade talks with Canada on Thursday.")
    assert by_label(facts, ["talks"]).status == "cancelled"
    facts = extract("Negotiators from Chile and Peru concluded their talks in Lima on Thursday.")
    assert by_label(facts, ["talks"]).status == "held"


def test_meetings_first_talks_that_took_place_are_held(extract):
    facts = extract(
        "Japan and South Korea held their first ministerial-level talks in six years in Seoul "
        "on Tuesday."
    )
    m = by_label(facts, ["first ministerial-level talks"])
    assert (m.status, m.ordinal, names(m)) == ("held", 1, {"Japan", "South Korea"})


def test_meetings_group_of_20_summit_keeps_its_whole_name(extract):
    facts = extract("Leaders will attend the Group of 20 summit in Johannesburg next week.")
    (m,) = meetings(facts)
    assert m.label == "Group of 20 summit" and m.status == "planned"
    (m,) = meetings(extract("The G-20 summit opens in Johannesburg next week."))
    assert m.label == "G-20 summit" and m.place.label == "Johannesburg"


def test_meetings_told_in_a_phone_call_and_not_at_the_meeting(extract):
    facts = extract(
        "Chancellor Otto Kranz told President Ines Vidal in a phone call on Tuesday that "
        "sanctions would stay."
    )
    m = by_label(facts, ["call"])
    assert (m.kind, names(m)) == ("call", {"Otto Kranz", "Ines Vidal"})
    # someone who "was not at" a meeting did not take part in it
    facts = extract(
        "Minister Ana Costa, who was not at the Lisbon meeting, said it went well. "
        "President Rui Matos met Chancellor Otto Kranz in Lisbon on Monday."
    )
    assert all("Ana Costa" not in names(m) for m in meetings(facts))


def test_meetings_meeting_goals_or_hosting_a_dinner_is_no_meeting(extract):
    facts = extract(
        'Minister Ed Ball said: "We will meet our spending commitments, as Chancellor Gordon '
        'Hart promised."'
    )
    assert meetings(facts) == []
    facts = extract("President Hugo Salas and his wife Ana Salas hosted a dinner on Friday.")
    assert meetings(facts) == []
    facts = extract("The visiting Japanese minister Kenji Sato said talks were useful.")
    assert meetings(facts) == []


def test_meetings_no_meeting_is_no_meeting_and_talks_on_a_country_are_not_held_there(extract):
    assert (
        meetings(extract("No OPEC meeting is foreseen before June, Minister Ali Nasser said."))
        == []
    )
    facts = extract(
        "Foreign Minister Ana Costa met Foreign Minister Piet de Wit in Lisbon on Monday to "
        "discuss the talks on North Korea."
    )
    m = by_label(facts, ["Ana Costa"])
    assert m.place.label == "Lisbon"


def test_meetings_a_named_meeting_told_twice_is_one(extract):
    facts = extract(
        "Minister Ana Costa attended a Lisbon Forum meeting on Monday. Critics said the "
        "Lisbon Forum meeting achieved little."
    )
    assert [m.label for m in meetings(facts)] == ["Lisbon Forum meeting"]
    facts = extract(
        "Prime Minister Rui Matos met Chancellor Otto Kranz and President Ines Vidal on Monday. "
        "The Downing Street talks covered trade."
    )
    (m,) = meetings(facts)
    assert names(m) == {"Rui Matos", "Otto Kranz", "Ines Vidal"}


def test_meetings_sides_named_in_the_label(extract):
    facts = extract("The U.S.-China talks in Geneva ended on Monday.")
    m = by_label(facts, ["U.S.-China talks"])
    assert names(m) == {"United States", "China"} and m.status == "held"
    facts = extract("Russia-Ukraine peace talks resumed in Istanbul on Friday.")
    assert names(by_label(facts, ["peace talks"])) == {"Russia", "Ukraine"}
    # one country in the label is its topic or its host, not two sides
    facts = extract("The Geneva talks ended on Monday, officials said.")
    assert all(not m.participants for m in meetings(facts))


def test_meetings_two_days_of_talks_are_the_talks_held(extract):
    facts = extract(
        "Treasury Secretary Paul Hart and Vice Premier Li Wen held two days of talks in "
        "Geneva on Monday and Tuesday."
    )
    m = by_label(facts, ["talks"])
    assert names(m) == {"Paul Hart", "Li Wen"} and m.place.label == "Geneva"


def test_meetings_expected_in_june_is_the_june_to_come(extract):
    # published in May 2025: "in June" after "is expected" is June 2025, not 2024
    facts = extract("A Japan-U.S. summit is expected in June.")
    m = by_label(facts, ["summit"])
    assert (m.status, m.when.iso) == ("expected", "2025-06")
    assert names(m) == {"Japan", "United States"}


def test_meetings_delegation_head_named_before_the_talks(extract):
    facts = extract(
        "Vladimir Sokolov, who led the Russian delegation, met Ukrainian Defence Minister "
        "Taras Koval in Istanbul on Friday."
    )
    (m,) = meetings(facts)
    assert {"Vladimir Sokolov", "Taras Koval"} <= names(m)


def test_meetings_an_organisations_name_or_an_audience_is_no_meeting(extract):
    facts = extract(
        "Economist Ann Lee told a banking conference in Boston that rates would rise. "
        "Conference President Ali Nasser said the UN Conference on Trade and Development "
        "would publish a report."
    )
    assert meetings(facts) == []


def test_meetings_talks_with_a_countrys_officials_need_a_second_side(extract):
    # "Canadian officials" are Canada's government: one side, and nobody for the other
    facts = extract("The agency spoke after talks with Canadian officials on Monday.")
    assert meetings(facts) == []
    facts = extract("Minister Ana Costa held talks with Canadian officials on Monday.")
    assert names(by_label(facts, ["talks"])) == {"Ana Costa", "Canada"}


def test_meetings_a_title_without_a_name_is_the_one_person_holding_it(extract):
    facts = extract(
        "U.S. President Hugo Salas spoke on Monday. On Tuesday the U.S. President met "
        "Chancellor Otto Kranz in Berlin."
    )
    m = by_label(facts, ["Kranz"])
    assert names(m) == {"Hugo Salas", "Otto Kranz"}


def test_meetings_talks_held_on_the_sidelines_point_at_the_summit(extract):
    facts = extract(
        "On the sidelines of the SCO summit, Chinese President Li Wen held talks with Indian "
        "Prime Minister Arun Das."
    )
    talks = by_label(facts, ["talks"])
    assert talks.part_of == by_label(facts, ["SCO summit"]).key
    assert names(talks) == {"Li Wen", "Arun Das"}


def test_meetings_the_day_it_was_said_is_not_the_day_of_the_event(extract):
    facts = extract(
        "President Hugo Salas said Tuesday he had called off a planned summit with Russian "
        "President Ivan Petrov in Budapest."
    )
    m = by_label(facts, ["summit"])
    assert (m.status, m.when, m.place.label) == ("cancelled", None, "Budapest")
    assert names(m) == {"Hugo Salas", "Ivan Petrov"}
    facts = extract("Leaders will gather at the SCO summit in Tianjin starting Sunday.")
    assert by_label(facts, ["SCO summit"]).when.iso == "2025-06-01"


def test_meetings_who_comes_for_talks_and_who_a_visit_is_to_discuss_with(extract):
    facts = extract(
        "Iranian Oil Minister Reza Tavakoli is expected here on Friday for talks with his "
        "Algerian counterpart Belkacem Nabi."
    )
    assert names(by_label(facts, ["talks"])) == {"Reza Tavakoli", "Belkacem Nabi"}
    facts = extract(
        "Prime Minister Yoshi Nakamura will visit Washington on April 29 for a week to "
        "discuss trade issues with President Ron Reagan."
    )
    m = by_label(facts, ["visit"])
    assert {"Yoshi Nakamura", "Ron Reagan"} <= names(m)
    assert m.when.iso == "2026-04-29"  # the April to come, read up to "for a week"
    # a call for talks with no one named on the other side names no one
    facts = extract("Minister Reza Tavakoli called for talks on the crisis.")
    assert meetings(facts) == []


def test_meetings_a_person_named_beside_a_common_noun_takes_part(extract):
    facts = extract(
        "Senator Dan Kowalski said he and his wife, Transportation Secretary Ellen Dole, had "
        "met with President Ron Reagan at the White House."
    )
    m = by_label(facts, ["meeting"])
    assert {"Ellen Dole", "Ron Reagan"} <= names(m)


def test_meetings_a_call_during_which_and_the_calls_of_a_person(extract):
    facts = extract(
        'Governor Paula Reyes wrote: "Thank you to President Hugo Salas. We had a good call '
        'during which we agreed on many things."'
    )
    assert names(by_label(facts, ["call"])) == {"Paula Reyes", "Hugo Salas"}
    facts = extract(
        "Minister Kenji Sato spoke twice with Secretary Dana Lutz on Saturday. Sato's calls "
        "with Lutz came a day after they held a meeting in Washington."
    )
    calls = [m for m in meetings(facts) if m.kind == "call"]
    assert calls and all(names(m) == {"Kenji Sato", "Dana Lutz"} for m in calls)
    meeting = by_label(facts, ["meeting"])
    assert names(meeting) == {"Kenji Sato", "Dana Lutz"} and meeting.place.label == "Washington"


def test_meetings_he_after_a_quote_and_a_visit_to_come_is_not_the_visit_made(extract):
    facts = extract(
        "President Hugo Salas will pay a state visit to Britain next month. "
        "Business Secretary Peter Kyle told the BBC that talks were going well. "
        '"We are making progress." '
        "He said he flew to Washington on Monday. "
        "Critics said the visit next week would test the government."
    )
    kyle = by_label(facts, ["Peter Kyle"])
    assert names(kyle) == {"Peter Kyle", "United States"} and kyle.status == "held"
    state = by_label(facts, ["state visit"])
    assert names(state) == {"Hugo Salas", "United Kingdom"} and state.status == "planned"


def test_meetings_after_two_days_of_talks_the_sides_had_held_them(extract):
    facts = extract(
        "China and the United States agreed to extend their truce after two days of talks in "
        "Stockholm."
    )
    m = by_label(facts, ["talks"])
    assert (names(m), m.status, m.place.label) == ({"China", "United States"}, "held", "Stockholm")


def test_meetings_saturdays_talks_and_a_trip_last_weekend_are_dated(extract):
    facts = extract("Saturday's talks between Iran and the United States were constructive.")
    m = by_label(facts, ["talks"])
    assert (m.when.iso, m.status) == ("2025-05-24", "held")
    facts = extract("Trade Secretary Peter Kyle flew to Washington last weekend.")
    m = by_label(facts, ["visit"])
    assert (m.when.iso, names(m)) == ("2025-05-24/2025-05-25", {"Peter Kyle", "United States"})
