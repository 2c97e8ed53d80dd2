"""Round 11 of the Chinese extractor (from the zh-m stories): a kind of investor before a
name ("产业资本", "PE基金") is no part of it; a list of investors goes on past a comma
when a kind of investor opens the next part; a list item that is a known name and one
short word more is a firm named after it; "本轮投资方包括…" lists the round's investors
for the firm of the sentence before; "恢复输华" lifts China's ban (and "暂停输华" is
one); "无法获得…批准" is no approval; "甲吸收合并乙" is also a takeover. From probe
sentences of our own: an ordinary word and an industry word before a verb or a stake
("远山电子聘任…", "南湖物流30%股权") name a firm unless the word is a generic stem
("新能源汽车"); 跟投 and 领投 stay whole words; 创投 ends a firm's name; "由X接任" gives X
the post that was left — all on sentences of our own."""

from __future__ import annotations

from sinograph.graph.model.ontology import EntityType
from tests.extractor_zh.support import names_of, run, triples


def test_a_kind_of_investor_before_a_name_is_not_part_of_it() -> None:
    names = names_of("本轮投资方包括产业资本云海资本、PE基金远山资本。", EntityType.COMPANY)
    assert {"云海资本", "远山资本"} <= names, names
    assert not any(n.startswith(("产业资本", "PE", "基金")) for n in names), names


def test_the_round_investors_listed_after_the_round() -> None:
    facts = triples(
        run(
            "星河机器人宣布完成5亿元B轮融资。本轮投资方包括产业资本云海资本、青松基金，"
            "PE基金远山创投、北辰资本，以及国际化基金南湖基金。"
        )
    )
    for investor in ("云海资本", "青松基金", "远山创投", "北辰资本", "南湖基金"):
        assert (investor, "INVESTS_IN", "星河机器人") in facts, facts


def test_a_comma_followed_by_a_verb_ends_the_list() -> None:
    facts = triples(run("星河机器人完成融资，由云海资本领投，北辰资本表示看好。"))
    assert ("北辰资本", "INVESTS_IN", "星河机器人") not in facts, facts


def test_a_known_name_and_a_short_word_in_a_list_of_firms_is_one_firm() -> None:
    names = names_of("股东包括凯辉基金、美团龙珠、高瓴创投。", EntityType.COMPANY)
    assert "美团龙珠" in names, names


def test_goods_going_to_china_again_and_no_more() -> None:
    facts = triples(run("北方牧场的牛肉获准恢复输华。该州的龙虾此前被暂停输华。"))
    assert ("China", "LIFTS_BAN", "beef") in facts, facts
    assert ("China", "BANS", "龙虾") in facts, facts


def test_an_approval_that_cannot_be_obtained_is_none() -> None:
    facts = triples(run("纳入清单后，北辰无人机将无法获得联邦通信委员会批准。"))
    assert not any(p == "APPROVES" for _, p, _ in facts), facts


def test_an_absorbing_merger_is_a_takeover_too() -> None:
    facts = triples(run("方案采取东岳证券换股吸收合并北辰证券股份有限公司的方式。"))
    assert ("东岳证券", "ACQUIRES", "北辰证券股份有限公司") in facts, facts


def test_an_ordinary_word_and_an_industry_word_before_a_verb_name_a_firm() -> None:
    facts = triples(
        run(
            "快讯\n\n星河科技宣布以12亿元收购远山电子60%股权。远山电子聘任王强为公司总经理。"
            "北辰集团将其持有的南湖物流30%股权转让给东岳资本。"
        )
    )
    assert ("星河科技", "ACQUIRES", "远山电子") in facts, facts
    assert ("王强", "LEADS", "远山电子") in facts, facts
    assert ("东岳资本", "ACQUIRES", "南湖物流") in facts, facts
    assert ("北辰集团", "SELLS", "南湖物流") in facts, facts


def test_a_generic_stem_and_an_industry_word_name_no_firm() -> None:
    names = names_of("新能源汽车宣布降价潮来临。", EntityType.COMPANY)
    assert "新能源汽车" not in names, names


def test_followers_of_a_round_and_a_venture_arm_by_its_suffix() -> None:
    facts = triples(run("快讯\n\n云海机器人完成3亿元A轮融资，由红杉中国领投，高瓴创投跟投。"))
    assert ("高瓴创投", "INVESTS_IN", "云海机器人") in facts, facts


def test_the_successor_takes_the_post_that_was_left() -> None:
    facts = triples(run("快讯\n\n星河科技董事长张明辞职，由副总裁李华接任。"))
    assert ("李华", "LEADS", "星河科技") in facts, facts
