"""Round 3 of the Chinese extractor: constructions the round-2 extractor did not read
(board elections and acting chairs, names jieba cuts, the same act told in two
sentences, a party's own subscription, Latin names, versioned products, trade cases on
goods the commodity list does not know). Every sentence here is written for this test."""

from __future__ import annotations

from sinograph.graph.model.domain import GraphDelta
from sinograph.graph.model.ontology import Predicate
from sinograph.loaders.extract import default_registry, extract
from sinograph.loaders.story_input import StoryInput


def _extract(text: str, published: str = "2025-07-16") -> GraphDelta:
    return extract(StoryInput(text=text, published=published), registry=default_registry())


def _facts(delta: GraphDelta) -> list[tuple[str, str, str, str | None]]:
    names = {e.id: e.name for e in delta.entities}
    return [(names[f.subject], f.predicate.value, names[f.object], f.date) for f in delta.facts]


def test_an_acting_chair_leads_from_the_day_of_the_story() -> None:
    delta = _extract(
        "2025年3月2日，蓝湾港务股份有限公司董事会收到董事长吴志成的辞职报告。\n\n"
        "在新董事长选出前，由公司副董事长郑海波代行董事长职责。",
        published="2025-03-02",
    )
    facts = _facts(delta)
    assert ("郑海波", "LEADS", "蓝湾港务股份有限公司", "2025-03-02") in facts
    # one who leads is not also listed as staff of the same firm
    assert not [f for f in facts if f[0] == "郑海波" and f[1] == "WORKS_FOR"]


def test_a_board_election_starts_a_post_and_a_glued_name_is_cut_off() -> None:
    delta = _extract(
        "青松制药(600001.SH)发布公告，公司于2025年5月8日召开董事会，会议选举鞠振为公司董事长。"
    )
    [lead] = [f for f in delta.facts if f.predicate is Predicate.LEADS]
    names = {e.id: e.name for e in delta.entities}
    assert names[lead.subject] == "鞠振"
    assert lead.valid_from == "2025-05-08"
    assert not any(name.endswith("为公司") for name in names.values())


def test_a_three_character_name_jieba_cuts_stays_whole() -> None:
    delta = _extract("海川电子公司董事会收到副总裁张名君提交的辞职报告。")
    assert "张名君" in {e.name for e in delta.entities}


def test_a_resignation_from_several_posts_counts_the_leading_one() -> None:
    delta = _extract("6月5日，刘强申请辞去长城汽车董事、总经理职务。")
    [post] = [f for f in delta.facts if f.object == "company:great-wall-motor"]
    assert post.predicate is Predicate.LEADS
    assert post.role == "总经理"


def test_a_measure_is_dated_when_it_takes_effect() -> None:
    delta = _extract(
        "商务部10月8日宣布，中国将对原产于美国的进口丙烷加征关税。\n\n"
        "从本周五(10月11日)开始，中国海关对原产于美国的丙烷征收关税。",
        published="2024-10-08",
    )
    tariffs = [f for f in delta.facts if f.predicate is Predicate.IMPOSES_TARIFF]
    assert tariffs
    assert {f.date for f in tariffs} == {"2024-10-11"}


def test_an_act_told_without_a_date_takes_the_date_another_sentence_gives() -> None:
    delta = _extract(
        "华东电气集团收购北岭电子有限公司案周一获得批准。\n\n"
        "今年2月，华东电气集团宣布以12亿元收购北岭电子有限公司。",
        published="2025-07-14",
    )
    [deal] = [f for f in delta.facts if f.predicate is Predicate.ACQUIRES]
    assert deal.date == "2025-02"  # the approval's Monday is not the deal's date


def test_a_deal_takes_its_value_from_the_next_sentence() -> None:
    delta = _extract(
        "华东电气集团宣布完成对北岭电子有限公司的收购。此次交易的收购总额约为8.5亿美元。"
    )
    [deal] = [f for f in delta.facts if f.predicate is Predicate.ACQUIRES]
    assert deal.amount is not None
    assert (deal.amount.value, deal.amount.currency) == (850_000_000.0, "USD")


def test_a_partys_own_subscription_names_the_target_after_it() -> None:
    delta = _extract(
        "海尔智家公告，公司拟与关联方南岭投资基金共同出资10亿元认缴星河芯片有限公司新增注册资本。"
        "其中，公司以自有资金出资6亿元，对应星河芯片有限公司认缴新增注册资本5.9亿元。"
    )
    names = {e.id: e.name for e in delta.entities}
    own = [
        f
        for f in delta.facts
        if f.predicate is Predicate.INVESTS_IN and names[f.subject] == "Haier Smart Home"
    ]
    assert [(f.amount.value if f.amount else None) for f in own] == [600_000_000.0]


def test_a_filings_bare_company_is_the_announcing_firm() -> None:
    delta = _extract(
        "海尔智家公告，公司拟与南岭投资基金共同投资星河芯片有限公司。"
        "南岭投资基金将持有星河芯片有限公司20%股权。"
        "公司以自有资金出资6亿元，对应星河芯片有限公司认缴新增注册资本。"
    )
    names = {e.id: e.name for e in delta.entities}
    subjects = {
        names[f.subject]
        for f in delta.facts
        if f.predicate is Predicate.INVESTS_IN and f.amount is not None
    }
    assert subjects == {"Haier Smart Home"}


def test_a_latin_name_with_a_legal_form_joins_the_registry_and_a_holders_stake() -> None:
    delta = _extract("紫金矿业宣布以5.5亿美元收购Freeport-McMoRan Inc.持有的Kisanfu铜钴矿95%权益。")
    facts = {(f[0], f[1], f[2]) for f in _facts(delta)}
    assert ("Zijin Mining Group", "ACQUIRES", "Kisanfu") in facts
    assert ("Freeport-McMoRan", "SELLS", "Kisanfu") in facts
    assert ("Zijin Mining Group", "ACQUIRES", "Freeport-McMoRan") not in facts


def test_versioned_products_are_products_of_their_line() -> None:
    delta = _extract("火山引擎6月11日发布豆包大模型1.6 lite，价格进一步下降。")
    assert ("Volcano Engine", "RELEASES", "豆包大模型1.6 lite", "2025-06-11") in _facts(delta)
    delta = _extract("深度求索发布DeepSeek-V3.1。")
    products = {e.name: e.type.value for e in delta.entities}
    assert products["DeepSeek-V3.1"] == "Product"


def test_a_trade_case_on_goods_the_commodity_list_does_not_know() -> None:
    delta = _extract(
        "商务部裁定原产于日本和美国的进口光纤预制棒存在倾销，决定实施临时反倾销措施。",
        published="2025-05-18",
    )
    facts = {(f[0], f[1], f[2]) for f in _facts(delta)}
    assert ("China", "IMPOSES_TARIFF", "光纤预制棒") in facts
    # the origins only say where the goods come from: no country imports them here
    assert not [f for f in facts if f[1] == "IMPORTS"]


def test_countries_before_regulators_are_not_what_they_approve() -> None:
    delta = _extract("华东电气集团收购北岭电子有限公司已经获得美国、欧盟和巴西监管机构的批准。")
    assert not [f for f in delta.facts if f.predicate is Predicate.APPROVES]


def test_a_career_history_gives_each_post() -> None:
    delta = _extract("刘连舸曾历任中国银行行长、中国投资有限责任公司副董事长。")
    posts = {(f[0], f[1], f[2]) for f in _facts(delta)}
    assert ("刘连舸", "LEADS", "Bank of China") in posts
    assert any(p[0] == "刘连舸" and p[2] == "China Investment Corporation" for p in posts)
