"""Round 18 of the Chinese extractor (from the zh-z stories): a firm named by an industry
word the lexicon lacked ("轮胎", "味业") is a firm; a listing "on" a city's market ("登陆港股")
is on the city's exchange; cornerstone investors listed after a comma ("共有5家基石投资者，
包括甲、乙") buy into the listing firm; "购买" buys a stake as "收购" does ("购买甲持有的乙10%的
股权": a minority stake, so an investment and a holding, and the holder sells) — all on
sentences of our own."""

from __future__ import annotations

from sinograph.graph.model.ontology import EntityType
from tests.extractor_zh.support import names_of, run, triples


def test_an_industry_word_ends_a_firms_name() -> None:
    cases = (("金田轮胎今年在泰国新建工厂。", "金田轮胎"), ("华盛味业今天发布年报。", "华盛味业"))
    for text, firm in cases:
        found = names_of(text, EntityType.COMPANY)
        assert firm in found, found


def test_landing_on_a_citys_market_is_a_listing_on_its_exchange() -> None:
    facts = triples(run("6月19日，华盛味业正式登陆港股。华盛味业表示，募资将用于扩产。"))
    assert ("华盛味业", "LISTED_ON", "Hong Kong Stock Exchange") in facts, facts


def test_cornerstone_investors_listed_after_a_comma() -> None:
    facts = triples(
        run("星海味业有限公司本次香港上市共有5家基石投资者，包括海川资本、北辰投资等。")
    )
    assert ("海川资本", "INVESTS_IN", "星海味业有限公司") in facts, facts
    assert ("北辰投资", "INVESTS_IN", "星海味业有限公司") in facts, facts


def test_buying_a_holders_minority_stake() -> None:
    facts = triples(
        run("北辰科技有限公司拟出资20亿元，购买华山集团持有的南方智能技术有限公司10%的股权。")
    )
    assert ("北辰科技有限公司", "INVESTS_IN", "南方智能技术有限公司") in facts, facts
    assert ("北辰科技有限公司", "OWNS", "南方智能技术有限公司") in facts, facts
    assert ("华山集团", "SELLS", "南方智能技术有限公司") in facts, facts
    assert ("北辰科技有限公司", "ACQUIRES", "南方智能技术有限公司") not in facts, facts


def test_buying_goods_is_no_takeover() -> None:
    facts = triples(run("北辰科技有限公司将向华山集团购买一批芯片。"))
    assert not any(p in ("ACQUIRES", "SELLS") for _, p, _ in facts), facts
