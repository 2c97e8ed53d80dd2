"""Constructions added in the twelfth wire-copy round (from the en-x and en-y batches): a
newsletter's section label or a dateline with a colon opens no name; "its New York debut"
is on the Nasdaq the story names; a Chinese firm's registered city in brackets stays in its
name; a plural noun of firms that a later sentence spells out ("The affected companies are
A, B and C") stands for each of them, and a product introduced without a name for the name
a next sentence gives it; "a ChatGPT rival" is not ChatGPT; the opening words of a long firm
name and "X Group" for "X Industrial Group" are that firm; "Chinese regulators" and "the
Chinese Government" act as China; "US beef imports" are a good, not a country; a title after
an acronym in brackets, a Reuters ".UL" code, "take over from", a lone "State" in
"State-owned", "its round, led by X", descriptions before the names of a list and a
description opening a sentence; "appointed a new chairman, replacing Y" (Y held the post);
a stake taken with its share is also held (OWNS); a capitalised opener ("Now", "ONE") is no
name; long institution names ("X Administration of the People's Republic", "A and B
Trade ... Association") stay whole; what a maker makes is a product; round 13: "Zhejiang
Geely" is Geely, a roster that "includes" some of a counted plural, "Mobile Apps including
A and B", a name in -ly that the tagger took for an adverb;
and a name the parser hung in apposition to the name before it in a list. Sentences are
written for these tests."""

from __future__ import annotations

import pytest

from tests.extractor.conftest import has_fact, run, triples


def test_a_section_label_opens_no_name() -> None:
    delta = run(
        "Market reaction: Shares of hotel operator Norvik Lodging Ltd. rose 20% in their "
        "trading debut on the Nasdaq on Friday."
    )
    got = sorted(triples(delta))
    assert has_fact(delta, "Norvik Lodging Ltd.", "LISTED_ON", "Nasdaq"), got
    names = {e.name for e in delta.entities}
    assert "Market reaction" not in names and "Shares" not in names, names


def test_a_dateline_with_a_colon_is_no_subject() -> None:
    delta = run(
        "HONG KONG: Norvik Motors has raised $80 million in its Series B round, led by "
        "Tallis Holdings, two people said."
    )
    assert has_fact(delta, "Tallis Holdings", "INVESTS_IN", "Norvik Motors"), sorted(
        triples(delta)
    )


def test_a_new_york_debut_is_on_the_exchange_the_story_names() -> None:
    delta = run(
        "Norvik Lodging jumps in New York trading debut\n\n"
        "Shares of Norvik Lodging rose in their debut on the Nasdaq on Friday."
    )
    got = sorted(triples(delta))
    assert has_fact(delta, "Norvik Lodging", "LISTED_ON", "Nasdaq"), got
    assert not has_fact(delta, "Norvik Lodging", "LISTED_ON", "New York Stock Exchange"), got


def test_a_registered_city_in_brackets_stays_in_the_firms_name() -> None:
    delta = run(
        "Investment group Yunhe (Shanghai) Sports Development Ltd has completed its takeover "
        "of Kestrel FC."
    )
    assert has_fact(
        delta, "Yunhe (Shanghai) Sports Development Ltd", "ACQUIRES", "Kestrel FC"
    ), sorted(triples(delta))


def test_a_plural_noun_a_later_sentence_spells_out_stands_for_each_name() -> None:
    delta = run(
        "Washington put four Chinese firms on its entity list on Tuesday, the Commerce "
        "Department announced.\n\nThe listing bars sales of American chips to them.\n\n"
        "The affected firms are Norvik (Beijing) Technology Co., Tallis Computing Co., "
        "Beijing Ostra Technology Co. and Kestrel (Tianjin) Co."
    )
    got = sorted(triples(delta))
    for firm in (
        "Norvik (Beijing) Technology Co.",
        "Tallis Computing Co.",
        "Beijing Ostra Technology Co.",
        "Kestrel (Tianjin) Co.",
    ):
        assert has_fact(delta, "United States", "SANCTIONS", firm), got


def test_a_roster_that_disagrees_with_the_count_stands_for_nobody() -> None:
    delta = run(
        "Washington put four Chinese firms on its entity list on Tuesday.\n\n"
        "The affected firms are Norvik Technology Co. and Tallis Computing Co."
    )
    assert not has_fact(delta, "United States", "SANCTIONS", "Norvik Technology Co."), sorted(
        triples(delta)
    )


def test_a_product_introduced_without_a_name_takes_the_name_given_next() -> None:
    delta = run(
        "Norvik Labs has unveiled a generative AI model on Tuesday.\n\n"
        "At the launch event, the chat model named Orion Qianli drafted a poem."
    )
    assert has_fact(delta, "Norvik Labs", "RELEASES", "Orion Qianli"), sorted(triples(delta))


def test_a_rival_of_a_product_is_another_product() -> None:
    delta = run("Norvik Labs unveiled a ChatGPT rival on Tuesday.")
    assert not has_fact(delta, "Norvik Labs", "RELEASES", "ChatGPT"), sorted(triples(delta))


def test_the_opening_words_of_a_long_firm_name_are_that_firm() -> None:
    delta = run(
        "Sinopec said that Sinopec Huaxin Chemical Company, a joint venture, will operate "
        "the refinery.\n\nNorvik Group holds 51% of Sinopec Huaxin, while Sinopec and Brava "
        "Group own 30% and 19%, respectively.\n\n"
        "Brava Industrial Group, which is also a partner, put the cost at $12 billion."
    )
    got = sorted(triples(delta))
    for owner in ("Norvik Group", "Sinopec", "Brava Industrial Group"):
        assert has_fact(delta, owner, "OWNS", "Sinopec Huaxin Chemical Company"), got


def test_regulators_and_the_government_of_a_demonym_act_as_the_state() -> None:
    delta = run(
        "Chinese regulators opened a probe into Norvik Systems last week.\n\n"
        "Last month the Chinese Government said it would lift the ban on US pork imports."
    )
    got = sorted(triples(delta))
    assert has_fact(delta, "China", "INVESTIGATES", "Norvik Systems"), got
    assert has_fact(delta, "China", "LIFTS_BAN", "American pork"), got
    assert not has_fact(delta, "China", "LIFTS_BAN", "United States"), got
    assert "Chinese Government" not in {e.name for e in delta.entities}


@pytest.mark.parametrize(
    "text, person, org, predicate",
    [
        ("The pests are a risk, Maritime Affairs Bureau (MAB) Spokesman Ma Hong told reporters.",
         "Ma Hong", "Maritime Affairs Bureau", "WORKS_FOR"),
        ("Speaking on Monday, Council of Fisheries (COF) Minister Chen Wen-hua rejected the "
         "decision.", "Chen Wen-hua", "Council of Fisheries", "LEADS"),
        ("Zou Lin, formerly chairman of China's turbine maker Norvik Electric Corp NRVEL.UL, "
         "is to become chairman of Datang Power.", "Zou Lin", "Norvik Electric Corp", "LEADS"),
    ],
)
def test_titles_past_an_acronym_a_reuters_code_and_a_possessive(
    text: str, person: str, org: str, predicate: str
) -> None:
    delta = run(text)
    assert has_fact(delta, person, predicate, org), sorted(triples(delta))


def test_who_takes_over_from_a_leader_takes_the_post() -> None:
    delta = run(
        "Song Ming, chairman of Norvik Holdings, is under investigation.\n\n"
        "Fu Wen, who ran Tallis Group until 2019, will take over from Song, according to "
        "Norvik Holdings."
    )
    assert has_fact(delta, "Fu Wen", "LEADS", "Norvik Holdings"), sorted(triples(delta))


def test_a_lone_state_in_state_owned_names_nobody() -> None:
    delta = run("The regulator fined State-owned Norvik Bank of China 5 million yuan.")
    assert "State" not in {e.name for e in delta.entities}, sorted(triples(delta))


def test_a_list_of_described_investors_each_invests() -> None:
    delta = run(
        "Chinese electric vehicle startup Norvik Motors has raised more than $1 billion in "
        "its latest round, led by existing investor Tallis Holdings, two people said.\n\n"
        "Backers joining the round include American hedge fund Lone Birch Capital, Chinese "
        "investment firm Kestrel Capital and Brava Partners, according to one of the people."
    )
    got = sorted(triples(delta))
    for investor in ("Tallis Holdings", "Lone Birch Capital", "Kestrel Capital"):
        assert has_fact(delta, investor, "INVESTS_IN", "Norvik Motors"), got
    assert not has_fact(delta, "Norvik Motors", "INVESTS_IN", "Tallis Holdings"), got


def test_a_scottish_firm_is_no_entity_of_its_own_adjective() -> None:
    delta = run("Scottish asset manager Brava Partners bought a stake in Norvik Motors.")
    assert "Scottish" not in {e.name for e in delta.entities}, sorted(triples(delta))


def test_a_firm_that_appoints_a_new_holder_replacing_someone_had_them_in_the_post() -> None:
    delta = run(
        "Norvik Holdings named a new chairman on Monday, replacing Song Ming who faces a "
        "graft probe, the company said."
    )
    assert has_fact(delta, "Song Ming", "LEADS", "Norvik Holdings"), sorted(triples(delta))


def test_a_name_parsed_in_apposition_to_a_name_is_the_next_item_of_a_list() -> None:
    delta = run(
        "Norvik Motors has raised $500 million in a new round.\n\n"
        "Investors in the round include Lone Birch Capital, Kestrel Capital and Brava "
        "Partners, said one of the people."
    )
    got = sorted(triples(delta))
    for investor in ("Lone Birch Capital", "Kestrel Capital", "Brava Partners"):
        assert has_fact(delta, investor, "INVESTS_IN", "Norvik Motors"), got


def test_a_stake_taken_is_an_investment_and_a_holding() -> None:
    delta = run("Tallis Auto will take a 21 per cent stake in Norvik Motors under the deal.")
    got = sorted(triples(delta))
    assert has_fact(delta, "Tallis Auto", "INVESTS_IN", "Norvik Motors"), got
    assert has_fact(delta, "Tallis Auto", "OWNS", "Norvik Motors"), got


def test_a_round_without_a_share_is_no_holding() -> None:
    delta = run("Norvik Motors raised $1 billion in a round led by Tallis Holdings.")
    assert not has_fact(delta, "Tallis Holdings", "OWNS", "Norvik Motors"), sorted(
        triples(delta)
    )


@pytest.mark.parametrize(
    "text, absent",
    [
        ("Now Brava Bank analyst Lena Holt said the offer was fair.", "Now Brava Bank"),
        ("ONE of the biggest carmakers, Norvik Motor Corp., named a new chairman.", "ONE"),
    ],
)
def test_a_sentence_opener_in_capitals_is_no_name(text: str, absent: str) -> None:
    names = {e.name for e in run(text).entities}
    assert absent not in names, names


@pytest.mark.parametrize(
    "text, name",
    [
        ("The ban was lifted by the Maritime Safety Administration of the People's "
         "Republic of China on Friday.",
         "Maritime Safety Administration of the People's Republic of China"),
        ("Lin Wei, head of the Harbor Farming and Forestry Trade Promotion Development "
         "Association, spoke on Monday.",
         "Harbor Farming and Forestry Trade Promotion Development Association"),
    ],
)
def test_long_institution_names_stay_whole(text: str, name: str) -> None:
    names = {e.name for e in run(text).entities}
    assert name in names, names


def test_what_a_maker_makes_is_a_product() -> None:
    delta = run("Tallis already owns Brava Games, maker of Orion Legends, the top PC game.")
    assert has_fact(delta, "Brava Games", "DEVELOPS", "Orion Legends"), sorted(triples(delta))


def test_a_known_firm_under_its_provinces_name_is_the_firm() -> None:
    delta = run("Zhejiang Geely has completed its purchase of Tallis Cars from Norvik Motors.")
    assert has_fact(delta, "Geely Automobile Holdings", "ACQUIRES", "Tallis Cars"), sorted(
        triples(delta)
    )


def test_a_roster_that_includes_some_of_a_counted_plural_needs_no_agreeing_count() -> None:
    delta = run(
        "The Ministry of Commerce has put 12 US companies on its dual-use export ban.\n\n"
        "State media said companies hit by the ban include Kestrel Photonics and Novara "
        "Tech."
    )
    got = sorted(triples(delta))
    for firm in ("Kestrel Photonics", "Novara Tech"):
        assert has_fact(delta, "Ministry of Commerce", "SANCTIONS", firm), got


def test_a_capitalised_kind_of_thing_with_a_list_stands_for_the_list() -> None:
    delta = run(
        "Last week India banned 40 Foreign Mobile Apps including Lumo Chat, Orion Browser "
        "and Kestrel Maps over data worries."
    )
    got = sorted(triples(delta))
    for app in ("Lumo Chat", "Orion Browser", "Kestrel Maps"):
        assert has_fact(delta, "India", "BANS", app), got


def test_a_name_ending_in_ly_is_no_adverb_to_the_parser() -> None:
    delta = run("Tallis Group and Geely on Friday inked a joint venture agreement for engines.")
    assert has_fact(delta, "Tallis Group", "PARTNERS_WITH", "Geely Automobile Holdings"), sorted(
        triples(delta)
    )


def test_their_inside_the_subject_it_refers_to_ends() -> None:
    # "their" inside one of the coordinated subjects it would stand for once looped
    # without end (RecursionError on a real wire story)
    delta = run(
        "The regulator accused Li of fraud as it found he and other managers as well as "
        "their property unit had committed three offences."
    )
    assert isinstance(delta.facts, tuple)


def test_a_sentence_that_cannot_be_read_costs_only_that_sentence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sinograph.loaders.extract.pipeline as pipeline
    from sinograph.loaders.budget import collecting_notes

    real = pipeline.sentence_facts

    def failing_second(tree, ps, index, coref, **kwargs):  # type: ignore[no-untyped-def]
        if index == 1:
            raise RecursionError("maximum recursion depth exceeded")
        return real(tree, ps, index, coref, **kwargs)

    monkeypatch.setattr(pipeline, "sentence_facts", failing_second)
    with collecting_notes() as notes:
        delta = run(
            "Norvik Group bought Tallis Foods in March.\n\n"
            "Kestrel Bank fined Brava Mining on Monday.\n\n"
            "Orion Labs acquired Lumo Robotics last year."
        )
    got = sorted(triples(delta))
    assert has_fact(delta, "Norvik Group", "ACQUIRES", "Tallis Foods"), got
    assert has_fact(delta, "Orion Labs", "ACQUIRES", "Lumo Robotics"), got
    assert any("sentence 2" in n for n in notes), notes


def test_a_units_name_starts_after_its_owner() -> None:
    delta = run("Tallis Motors to acquire GM Thailand's Bangna plants, makes entry into Asia")
    assert has_fact(delta, "Tallis Motors", "ACQUIRES", "GM Thailand Bangna plants"), sorted(
        triples(delta)
    )


def test_a_bracketed_exchange_quote_is_no_owner() -> None:
    delta = run(
        "Internet firm Kestrel (Nasdaq: KSTR) and other holders of Norvik China will get a "
        "2.3% stake in Tallis Rides."
    )
    got = sorted(triples(delta))
    assert not any(s == "Nasdaq" for s, _, _ in got), got
    assert has_fact(delta, "Kestrel", "OWNS", "Tallis Rides"), got
