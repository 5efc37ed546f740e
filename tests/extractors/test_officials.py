"""Officials: title shapes, country resolution and in-article identity, on real sentences."""

from kg.facts import OfficialRole


def offices(facts):
    """(person, normalised office, country) of every official role."""
    return {
        (f.person.key, f.office, f.government.label if f.government else None)
        for f in facts
        if isinstance(f, OfficialRole)
    }


def roles(facts):
    return {
        (f.person.key, f.title, f.government.label if f.government else None, f.role_class)
        for f in facts
        if isinstance(f, OfficialRole)
    }


def test_officials_seed_yields_the_four_officials(seed_facts):
    found = roles(seed_facts)
    assert ("Shigeru Ishiba", "Prime Minister", "Japan", "head_of_government") in found
    assert ("Donald Trump", "President", "United States", "head_of_state") in found
    assert ("Scott Bessent", "Treasury Secretary", "United States", "minister") in found
    assert ("Ryosei Akazawa", "economic revitalization minister", "Japan", "minister") in found
    # the lead's nameless title and the apposition belong to Akazawa
    assert ("Ryosei Akazawa", "chief tariff negotiator", "Japan", "other") in found
    assert ("Ryosei Akazawa", "close aide to Ishiba", "Japan", "other") in found


def test_officials_seed_has_no_false_officials(seed_facts):
    people = {f.person.key for f in seed_facts if isinstance(f, OfficialRole)}
    assert people == {"Shigeru Ishiba", "Donald Trump", "Scott Bessent", "Ryosei Akazawa"}
    # "the minister in charge of economic revitalization" is the same role, not a new row
    akazawa = [
        f
        for f in seed_facts
        if isinstance(f, OfficialRole)
        and f.person.key == "Ryosei Akazawa"
        and "revitalization" in f.title
    ]
    assert len(akazawa) == 1


def test_officials_evidence_offsets_match_the_text(seed_facts, seed_article):
    for fact in seed_facts:
        if isinstance(fact, OfficialRole):
            sentence, anchor = fact.evidence.sentence, fact.evidence.anchor
            assert seed_article.text[sentence.start : sentence.end] == sentence.text
            assert seed_article.text[anchor.start : anchor.end] == anchor.text
            assert sentence.start <= anchor.start < anchor.end <= sentence.end


def test_officials_country_adjective_and_possessive(extract):
    facts = extract(
        "German Chancellor Angela Merkel met French President Emmanuel Macron in "
        "Paris on Monday. Japan's Foreign Minister Taro Kono said he would visit."
    )
    found = roles(facts)
    assert ("Angela Merkel", "Chancellor", "Germany", "head_of_government") in found
    assert ("Emmanuel Macron", "President", "France", "head_of_state") in found
    assert ("Taro Kono", "Foreign Minister", "Japan", "minister") in found


def test_officials_apposition_after_the_name(extract):
    facts = extract(
        "The talks were led by Radoslaw Sikorski, the Polish foreign minister, "
        "who arrived on Tuesday."
    )
    assert ("Radoslaw Sikorski", "foreign minister", "Poland", "minister") in roles(facts)


def test_officials_vice_president_is_not_head_of_state(extract):
    facts = extract("U.S. Vice President JD Vance spoke to reporters in Washington.")
    found = [f for f in facts if isinstance(f, OfficialRole) and f.person.key == "JD Vance"]
    assert found and all(f.role_class != "head_of_state" for f in found)


def test_officials_no_title_no_official(extract):
    facts = extract(
        "Maria Lopez, a teacher from Madrid, said the strike would go ahead. "
        "Kyodo News reported the story on Thursday."
    )
    assert roles(facts) == set()


def test_officials_company_titles_are_not_government_roles(extract):
    facts = extract("Akio Toyoda, chairman of Toyota, said the tariffs would hurt exports.")
    assert roles(facts) == set()


def test_officials_country_after_the_name_and_titles_with_of(extract):
    facts = extract(
        "Finance Minister Jane Doe of Canada said the tariffs were unfair. "
        "U.S. Secretary of State Marco Rubio held talks in Riyadh."
    )
    found = roles(facts)
    assert ("Jane Doe", "Finance Minister", "Canada", "minister") in found
    assert ("Marco Rubio", "Secretary of State", "United States", "minister") in found


def test_officials_former_is_kept_and_country_words_leave_the_title(extract):
    facts = extract("Former British prime minister Boris Johnson said he would return.")
    assert (
        "Boris Johnson",
        "former prime minister",
        "United Kingdom",
        "head_of_government",
    ) in roles(facts)


def test_officials_counterpart_takes_the_other_persons_office(extract):
    facts = extract(
        "Chinese President Xi Jinping is meeting with his South African counterpart "
        "Jacob Zuma ahead of the BRICS summit in Durban."
    )
    found = offices(facts)
    assert ("Xi Jinping", "President", "China") in found
    assert ("Jacob Zuma", "President", "South Africa") in found
    zuma = [f for f in facts if isinstance(f, OfficialRole) and f.person.key == "Jacob Zuma"]
    assert [f.role_class for f in zuma] == ["head_of_state"]


def test_officials_plural_title_over_a_list_of_names(extract):
    facts = extract(
        "Presidents Dilma Rouseff of Brazil, Vladimir Putin of Russia, Prime Minister "
        "Manmohan Singh of India attended."
    )
    assert offices(facts) == {
        ("Dilma Rouseff", "President", "Brazil"),
        ("Vladimir Putin", "President", "Russia"),
        ("Manmohan Singh", "Prime Minister", "India"),
    }


def test_officials_name_right_after_the_title(extract):
    facts = extract(
        "Sale or no sale, German Finance Minister Peer Steinbrueck suspects that GM "
        "favors the bid. It reflected US Secretary of State John Kerry's tour."
    )
    found = roles(facts)
    assert ("Peer Steinbrueck", "Finance Minister", "Germany", "minister") in found
    assert ("John Kerry", "Secretary of State", "United States", "minister") in found


def test_officials_regional_titles_serve_the_region(extract):
    facts = extract(
        "Bavarian Premier Markus Lang said the state would appeal. Rajesh Kumar, the chief "
        "minister of West Bengal, rejected the plan. Omar Baig, governor of Pakistan's Punjab "
        "province, was not available."
    )
    found = roles(facts)
    assert ("Markus Lang", "Premier", "Bavaria", "head_of_government") in found
    assert (
        "Rajesh Kumar",
        "chief minister of West Bengal",
        "West Bengal",
        "head_of_government",
    ) in found
    assert any(p == "Omar Baig" and g == "Punjab" for p, _, g, _ in found)
    # none of them serves the national government
    assert not {g for _, _, g, _ in found} & {"Germany", "India", "Pakistan"}


def test_officials_state_premier_takes_the_state_named_before_it(extract):
    facts = extract(
        "In the eastern state of Saxony, State Premier Tom Krause confirmed the reports. "
        "Officials in Thuringia and Thuringia's capital Erfurt said little. "
        "German Chancellor Olaf Scholz was briefed."
    )
    found = offices(facts)
    assert ("Tom Krause", "State Premier", "Saxony") in found
    assert ("Olaf Scholz", "Chancellor", "Germany") in found


def test_officials_state_premier_without_a_state_is_no_national_office(extract):
    facts = extract(
        "Berlin said on Monday that state premier Tom Krause had resigned. Germany's economy "
        "grew. Germany and France agreed. Germany will pay."
    )
    assert all(g != "Germany" for _, _, g in offices(facts) if _ == "Tom Krause")


def test_officials_party_and_international_titles_serve_no_government(extract):
    facts = extract(
        "CDU general secretary Volker Kauder criticised the plan. EU parliament president "
        "Martin Schulz informed the anti-fraud office. Frank Habineza, president of Rwanda's "
        "Green Party, told reporters. Paul Biya, president of Cameroon, did not comment. "
        "Austrian Foreign Minister Sebastian Kurz (photo) of the rightist Austrian People's "
        "Party told a newspaper that the policy should be replicated. New Home Secretary "
        "Charles Clarke has vowed to press on with ID cards."
    )
    found = roles(facts)
    for person in ("Volker Kauder", "Martin Schulz", "Frank Habineza"):
        assert {(g, c) for p, _, g, c in found if p == person} == {(None, "other")}, person
    # a country's own office is still one
    assert ("Paul Biya", "president of Cameroon", "Cameroon", "head_of_state") in found
    assert any(p == "Sebastian Kurz" and g == "Austria" for p, _, g, _ in found)
    # the tagger's ORG "New Home" is no party or body
    assert ("Charles Clarke", "Home Secretary", "United Kingdom", "minister") in found


def test_officials_company_president_with_a_second_title_is_no_official(extract):
    facts = extract(
        "Ulrich Simon, president and chief executive of Carl Zeiss Micro Imaging in Jena, "
        "said sales had grown in Germany."
    )
    assert roles(facts) == set()


def test_officials_bare_title_of_another_country_is_not_the_named_minister(extract):
    facts = extract(
        "Turkish Foreign Minister Mevlut Cavusoglu cancelled a visit. On Thursday, the Swiss "
        "foreign minister told his counterpart that Switzerland would investigate."
    )
    assert {(p, g) for p, _, g, _ in roles(facts)} == {("Mevlut Cavusoglu", "Turkey")}


def test_officials_names_with_particles_and_a_sentence_final_stop(extract):
    facts = extract(
        "The money went to relatives of Cambodia's Prime Minister Hen Sen. Tabcorp, a listed "
        "company, declined to comment. It was announced by Dutch Justice Minister Ard van der "
        "Steur in The Hague."
    )
    found = offices(facts)
    assert ("Hen Sen", "Prime Minister", "Cambodia") in found
    assert ("Ard van der Steur", "Justice Minister", "Netherlands") in found
    assert not any(p == "Tabcorp" for p, _, _ in found)


def test_officials_country_the_tagger_called_a_person(extract):
    facts = extract(
        '"Azerbaijan could serve as a supplier as well," Azerbaijani President Ilham Aliyev '
        "said. Michael Jordan said he would not go."
    )
    found = roles(facts)
    assert ("Ilham Aliyev", "President", "Azerbaijan", "head_of_state") in found
    assert not any(p == "Michael Jordan" for p, _, _, _ in found)


def test_officials_a_countrys_leader_but_not_a_partys(extract):
    facts = extract(
        "The 2011 conflict ended Libyan leader Moammar Gadhafi's 42-year rule. Opposition "
        "leader Kim Dae-jung and Polish party leader Jan Nowak spoke. The group's leader "
        "Abu Omar said nothing."
    )
    found = roles(facts)
    assert ("Moammar Gadhafi", "leader", "Libya", "head_of_state") in found
    assert not any(p in ("Kim Dae-jung", "Jan Nowak", "Abu Omar") for p, _, _, _ in found)


def test_officials_chiefs_of_security_services(extract):
    facts = extract(
        "Italy's former military intelligence chief, Nicolo Pollari, was sentenced. "
        "The kitchen chief, Marco Rossi, was not."
    )
    found = roles(facts)
    assert any(p == "Nicolo Pollari" and g == "Italy" and c == "other" for p, _, g, c in found)
    assert not any(p == "Marco Rossi" for p, _, _, _ in found)


def test_officials_administration_is_headed_by_the_us_president(extract):
    facts = extract(
        "The Obama administration came under fire for failing to send an official. "
        "The Smith government in Canberra said nothing."
    )
    found = roles(facts)
    assert ("Obama", "Obama administration", "United States", "head_of_state") in found
    assert not any(p == "Smith" for p, _, _, _ in found)


def test_officials_administration_adds_no_second_role_to_a_titled_president(extract):
    facts = extract(
        "Talks stalled after the Trump administration raised tariffs. "
        "President Donald Trump said on Friday that he was open to a deal."
    )
    found = roles(facts)
    assert ("Donald Trump", "President", "United States", "head_of_state") in found
    assert not any(title.endswith("administration") for _, title, _, _ in found)


def test_officials_government_spokesman_and_vice_president_take_the_context_country(extract):
    facts = extract(
        "BERLIN - Berlin welcomed the decision as a success, government spokesman Steffen "
        "Seibert said. Vice President Jacob Zuma agreed. Party spokesman Tim Kohl did not."
    )
    found = roles(facts)
    assert any(p == "Steffen Seibert" and g == "Germany" for p, _, g, _ in found)
    assert any(p == "Jacob Zuma" and g == "Germany" and c == "other" for p, _, g, c in found)
    assert not any(p == "Tim Kohl" and g is not None for p, _, g, _ in found)


def test_officials_surnames_the_tagger_cut_off_and_titles_it_read_as_orgs(extract):
    facts = extract(
        "An investigator said that President Demetris Christofias bore responsibility for it. "
        "US Deputy Assistant Secretary of State Matthew Bryza noted that the summit went well."
    )
    found = roles(facts)
    assert any(p == "Demetris Christofias" for p, _, _, _ in found)
    # an assistant secretary is below the cabinet
    assert any(
        p == "Matthew Bryza" and g == "United States" and c == "other" for p, _, g, c in found
    )


def test_officials_title_then_name_between_commas(extract):
    facts = extract(
        "Italy's prime minister at the time, Silvio Berlusconi, rejected the offer. "
        "Asked about the president, Smith said no."
    )
    found = roles(facts)
    assert ("Silvio Berlusconi", "former prime minister", "Italy", "head_of_government") in found
    assert not any(p == "Smith" for p, _, _, _ in found)


def test_officials_context_country_when_one_country_clearly_leads(extract):
    text = (
        "Dutch government collapses. The collapse of the Dutch government worried Brussels. "
        "The Prime Minister Jan Peter Balkenende's coalition resigned on Wednesday. Poland, "
        "Slovakia and Cyprus wait. Experts in the Netherlands disagree. Dutch voters shrugged."
    )
    assert ("Jan Peter Balkenende", "Prime Minister", "Netherlands") in offices(extract(text))
    # with two countries named about as often, no country is guessed
    text2 = (
        "Russia and Ukraine argued. Russia said Ukraine must pay. Ukraine said Russia lied. "
        "The rivalry with Prime Minister Yulia Timoshenko could still lead to a cancellation."
    )
    assert ("Yulia Timoshenko", "Prime Minister", None) in offices(extract(text2))


def test_officials_a_plural_title_without_names_is_no_one(extract):
    facts = extract(
        "After Lithuanian lawmakers approved a bill, rights groups considered what to do. "
        '"This is crazy," said Ulrike Lunacek, a member of the European Parliament.'
    )
    assert not any(p == "Ulrike Lunacek" for p, _, _, _ in roles(facts))


def test_officials_who_rules_or_governs_a_country_heads_it(extract):
    facts = extract(
        "Evo Morales has governed Bolivia for over a decade. Saddam Hussein ruled Iraq with "
        "an iron fist. The court ruled that Germany must pay. Maria Lopez governs her club."
    )
    found = roles(facts)
    assert ("Evo Morales", "governed Bolivia", "Bolivia", "head_of_state") in found
    assert ("Saddam Hussein", "ruled Iraq", "Iraq", "head_of_state") in found
    assert {p for p, _, _, _ in found} == {"Evo Morales", "Saddam Hussein"}
    saddam = [f for f in facts if isinstance(f, OfficialRole) and f.person.key == "Saddam Hussein"]
    assert saddam[0].qualifier == "former"


def test_officials_no_context_country_in_a_two_country_story(extract):
    text = (
        "Japan warned the United States it may retaliate. Japan said the U.S. tariffs were "
        "unfair. Japan and the United States will meet. Japan's exports fell and Japan's "
        "imports rose. The U.S. deficit with Japan grew, a U.S. official said. Japan agreed. "
        "President Reagan announced the tariffs on Japanese goods. Japan objected. Japan's "
        "chipmakers and Japan's carmakers worry."
    )
    assert ("Reagan", "President", "Japan") not in offices(extract(text))


def test_officials_president_of_country_then_the_name_in_commas(extract):
    facts = extract(
        "The president of Syria, Bashar al-Assad, spoke on Monday. Acting President Kim "
        "Min-jun of South Korea agreed. The leaders of Syria, Iraq and Iran met."
    )
    found = roles(facts)
    assert ("Bashar al-Assad", "president of Syria", "Syria", "head_of_state") in found
    assert any(p == "Kim Min-jun" and g == "South Korea" for p, _, g, _ in found)
    assert {p for p, _, _, _ in found} == {"Bashar al-Assad", "Kim Min-jun"}


def test_officials_lone_surname_with_a_title_in_apposition(extract):
    facts = extract(
        "Merkel, the chancellor, said on Monday that the plan would work. "
        "Toyota, the carmaker, said so. Siemens, the company's chairman, said so too."
    )
    assert {(p, t) for p, t, _, _ in roles(facts)} == {("Merkel", "chancellor")}


def test_officials_a_mayor_serves_the_city_not_the_country(extract):
    facts = extract(
        "Paris Mayor Anne Hidalgo said the games would go ahead. Hamburg Mayor Olaf Scholz "
        "disagreed. French President Emmanuel Macron said nothing."
    )
    found = {(p, g) for p, _, g, _ in roles(facts)}
    assert ("Anne Hidalgo", None) in found
    assert ("Olaf Scholz", "Hamburg") in found  # a city-state is a region of its own
    assert ("Emmanuel Macron", "France") in found
