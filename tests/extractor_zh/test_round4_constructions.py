"""Round 4 of the Chinese extractor: constructions the round-3 extractor did not read
(Hong Kong stock codes, a partner's list of partners, mainland China in Hong Kong and
Taiwan copy, a deal's price in a later sentence, a firm's shares after a share count,
one-character names inside longer words). Every sentence here is written for this test."""

from __future__ import annotations

from sinograph.graph.model.domain import GraphDelta
from sinograph.loaders.extract import default_registry, extract
from sinograph.loaders.story_input import StoryInput


def _extract(text: str, published: str = "2025-07-16") -> GraphDelta:
    return extract(StoryInput(text=text, published=published), registry=default_registry())


def _facts(delta: GraphDelta) -> list[tuple[str, str, str, str | None]]:
    names = {e.id: e.name for e in delta.entities}
    return [(names[f.subject], f.predicate.value, names[f.object], f.date) for f in delta.facts]


def test_a_hong_kong_stock_code_names_a_listed_firm() -> None:
    delta = _extract("3月2日，南方有色矿业(01999)发布公告，宣布收购北岭铜业有限公司。")
    facts = _facts(delta)
    assert ("南方有色矿业", "ACQUIRES", "北岭铜业有限公司", "2025-03-02") in facts


def test_a_year_in_parentheses_is_no_stock_code() -> None:
    named = _extract("远山清水(1258)宣布收购北岭铜业有限公司。")
    assert "远山清水" in {e.name for e in named.entities}
    dated = _extract("远山清水(2019)宣布收购北岭铜业有限公司。")
    assert "远山清水" not in {e.name for e in dated.entities}


def test_a_partner_list_after_with_pairs_each_item_with_the_subject_only() -> None:
    delta = _extract("今年以来，本田已经陆续宣布与小米集团、宁德时代和吉利汽车展开战略合作。")
    partners = {(s, o) for s, p, o, _ in _facts(delta) if p == "PARTNERS_WITH"}
    names = {n for pair in partners for n in pair}
    assert len(partners) == 3, partners
    hub = {n for n in names if all(n in pair for pair in partners)}
    assert len(hub) == 1


def test_mainland_china_in_traditional_copy_is_china_not_a_firm() -> None:
    delta = _extract(
        "大陸商務部昨天宣布，將兩家外國企業列入不可靠實體清單，並禁止其從事與大陸有關的進出口。"
    )
    names = {e.name for e in delta.entities}
    assert "Continental AG" not in names


def test_a_deal_price_told_in_the_next_sentence_is_its_amount() -> None:
    delta = _extract(
        "5月6日，东岳矿业发布公告，宣布收购蒙古国北方铜业有限公司的股份。"
        "此次收购涉及1.2万股北方铜业股份，购买价为3500万美元。"
    )
    [deal] = [f for f in delta.facts if f.predicate.value == "ACQUIRES"]
    assert deal.amount is not None
    assert (deal.amount.value, deal.amount.currency) == (35_000_000.0, "USD")
    assert not any(e.name.endswith("铜业股份") for e in delta.entities)


def test_a_one_character_good_is_not_read_inside_a_longer_word() -> None:
    delta = _extract(
        "东岳矿业取得西山钼矿的控制权，该矿年产钼2万吨。"
        "东岳矿业拟以原价加利息向金钼股份转让北山钼业20%股权。"
    )
    names = {e.name for e in delta.entities}
    assert not any("利息" in n for n in names), names


def test_a_coverb_jieba_glues_inside_a_name_opens_it() -> None:
    delta = _extract("北岭电子有限公司的其余10%股权由海创投资有限公司持有。")
    names = {e.name for e in delta.entities}
    assert "海创投资有限公司" in names
    assert not any(n.startswith("股权") for n in names)


def test_a_numbered_board_committee_is_no_organisation() -> None:
    delta = _extract(
        "蓝湾港务股份有限公司于2025年4月2日召开董事会，推选董事何立平先生为公司"
        "第五届董事会董事长、第五届董事会战略委员会主任委员。"
    )
    assert not any("董事会" in e.name for e in delta.entities)
    facts = _facts(delta)
    assert ("何立平", "LEADS", "蓝湾港务股份有限公司", "2025-04-02") in facts


def test_a_stake_sold_to_a_buyer_is_bought_by_it_and_the_rest_held_by_another() -> None:
    delta = _extract(
        "根据协议，东岳矿业拟以原价向北方钼业股份有限公司转让西山钼业有限公司24%股权，"
        "剩余6%由南山城投有限公司持有。"
    )
    facts = {(s, p, o) for s, p, o, _ in _facts(delta)}
    # a 24% stake is an investment, as in English (round 15); a majority one a takeover
    assert ("北方钼业股份有限公司", "INVESTS_IN", "西山钼业有限公司") in facts
    assert ("南山城投有限公司", "OWNS", "西山钼业有限公司") in facts
    assert not any(s == "北方钼业股份有限公司" and p == "SELLS" for s, p, _ in facts)


def test_places_that_only_say_whose_entities_are_listed_are_no_target() -> None:
    delta = _extract("美国商务部9日宣布，对中国和香港的十九个实体实施出口管制。")
    targets = {o for s, p, o, _ in _facts(delta) if p in ("BANS", "SANCTIONS")}
    assert not targets & {"China", "Hong Kong"}, targets


def test_a_state_measure_is_never_against_its_own_country() -> None:
    delta = _extract(
        "商务部昨天公告，上述外国实体即日起被禁止从事与中国有关的进出口活动。",
        published="2025-10-10",
    )
    assert not [f for s, p, o, f in _facts(delta) if p == "BANS" and o == "China"]


def test_a_name_that_abuses_market_dominance_is_a_firm() -> None:
    delta = _extract(
        "睿图滥用市场支配地位被市场监管总局罚款3200万元\n\n"
        "2024年3月，市场监管总局对睿图涉嫌实施垄断行为立案调查。",
        published="2024-12-20",
    )
    facts = {(s, p, o) for s, p, o, _ in _facts(delta)}
    fined = [f for f in delta.facts if f.predicate.value == "FINES"]
    assert fined and fined[0].amount is not None and fined[0].amount.value == 32_000_000.0
    assert any(p == "INVESTIGATES" and o == "睿图" for _, p, o in facts), facts


def test_a_list_item_jieba_cuts_into_an_adverb_and_a_trade_word_is_a_firm() -> None:
    delta = _extract("2024年5月，市场监管总局对北岭电子有限公司、率先药业等立案调查。")
    probed = {o for _, p, o, _ in _facts(delta) if p == "INVESTIGATES"}
    assert probed == {"北岭电子有限公司", "率先药业"}, probed
