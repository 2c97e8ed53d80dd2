"""Round 2 of the Chinese extractor: names without a suffix, plants and products built
on names, facts the names state, and the story-level date rules — on sentences of our
own (the firms are invented unless the registry knows them)."""

from __future__ import annotations

import pytest

from sinograph.graph.model.domain import GraphDelta
from sinograph.graph.model.ontology import EntityType, Predicate
from sinograph.loaders.extract import default_registry, extract
from sinograph.loaders.extract.zh.dates import find_dates, story_year
from sinograph.loaders.extract.zh.entities import EntityTable, short_forms
from sinograph.loaders.extract.zh.mentions import StoryState, read_sentence
from sinograph.loaders.story_input import StoryInput


def _extract(text: str, published: str | None = "2025-07-16") -> GraphDelta:
    return extract(StoryInput(text=text, published=published), registry=default_registry())


def _entities(text: str) -> dict[str, EntityType]:
    table = EntityTable(default_registry())
    units = read_sentence(text, table, "2025-07-16", StoryState())
    return {u.text: table.get(u.entity).type for u in units if u.kind == "entity"}


def _facts(delta: GraphDelta) -> set[tuple[str, str, str]]:
    names = {e.id: e.name_zh or e.name for e in delta.entities}
    return {(names[f.subject], f.predicate.value, names[f.object]) for f in delta.facts}


# --- names without a suffix -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("8月28日，星澜微公告称，公司拟增资。", "星澜微"),  # before 公告
        ("鼎泰科董事长周立新表示，订单充足。", "鼎泰科"),  # before a firm title
        ("ST瑞达晚间公告，收到问询函。", "ST瑞达"),  # special treatment
        ("昨日，瀚海精密股价大涨。", "瀚海精密"),  # before 股价
    ],
)
def test_a_short_name_is_a_firm_by_its_cue(text: str, name: str) -> None:
    assert _entities(text).get(name) is EntityType.COMPANY


def test_every_item_of_a_counted_list_of_firms_is_a_firm() -> None:
    found = _entities("鼎泰科、华晟微和ST瑞达三家公司均被立案调查。")
    assert {found.get(n) for n in ("鼎泰科", "华晟微", "ST瑞达")} == {EntityType.COMPANY}


def test_names_beside_a_person_in_a_list_are_people() -> None:
    delta = _extract("证监会对陈立民、刘伶玉、何春耕警告并罚款合计30万元。")
    fined = {o for _, p, o in _facts(delta) if p == "FINES"}
    assert {"陈立民", "刘伶玉", "何春耕"} <= fined
    # a sum for several people is no one's amount
    assert all(f.amount is None for f in delta.facts)


def test_a_fund_phase_is_its_own_fund() -> None:
    found = _entities("大基金三期拟入股星河芯片有限公司。")
    assert found.get("大基金三期") is EntityType.COMPANY


def test_a_short_registry_name_inside_a_longer_word_is_not_matched() -> None:
    found = _entities("蓝思科技去年进入特斯拉供应链。")
    assert "思科" not in found and found.get("蓝思科技") is EntityType.COMPANY


def test_short_forms_of_a_full_firm_name() -> None:
    assert short_forms("厦门星澜明镓化合物半导体有限公司")[-1] == "星澜明镓"
    assert short_forms("北江精密有限公司") == ["北江精密"]


def test_a_short_form_named_later_is_the_same_firm_and_known_earlier() -> None:
    delta = _extract(
        "星澜明镓将获增资。\n厦门星澜明镓化合物半导体有限公司由华晟微控股。\n"
        "华晟微拟以10亿元增资星澜明镓。"
    )
    names = {e.id: e.name for e in delta.entities}
    [invest] = [f for f in delta.facts if f.predicate is Predicate.INVESTS_IN]
    assert names[invest.object] == "厦门星澜明镓化合物半导体有限公司"


def test_quoted_short_names_after_a_holding_verb_are_firms() -> None:
    facts = _facts(_extract("华东电气集团设立五大事业部，并控股“南岭电气”和“北江精密”。"))
    assert ("华东电气集团", "OWNS", "南岭电气") in facts
    assert ("华东电气集团", "OWNS", "北江精密") in facts


# --- plants, products and the facts names state ----------------------------------------


def test_a_plant_named_after_its_firm_is_the_firms_investment() -> None:
    delta = _extract("宁德时代德国工厂正式投产，项目总投资18亿欧元。")
    facts = _facts(delta)
    assert ("宁德时代", "INVESTS_IN", "宁德时代德国工厂") in facts
    [invest] = [f for f in delta.facts if f.predicate is Predicate.INVESTS_IN]
    assert invest.amount is not None and invest.amount.currency == "EUR"


def test_places_glued_together_are_one_inside_the_other() -> None:
    facts = _facts(_extract("瀚海精密是一家位于广东省东莞市的电子公司。"))
    assert ("瀚海精密", "HEADQUARTERED_IN", "东莞市") in facts
    assert ("东莞市", "LOCATED_IN", "广东省") in facts


def test_a_country_before_a_firm_is_where_it_is_based() -> None:
    facts = _facts(_extract("商务部对美国星桥集团启动调查。"))
    assert ("美国星桥集团", "HEADQUARTERED_IN", "美国") in facts


def test_a_model_named_after_its_firm_is_developed_by_it() -> None:
    facts = _facts(_extract("另一款开源的百度文心X1模型已可下载。"))
    assert ("百度", "DEVELOPS", "百度文心X1") in facts
    assert ("百度", "OPEN_SOURCES", "百度文心X1") in facts


def test_a_counted_list_of_models_are_products_released_by_the_story_firm() -> None:
    facts = _facts(_extract("比亚迪发布公告。\n海狮07、汉L和唐L三款车型已于5月在德国完成首秀。"))
    assert {("比亚迪", "RELEASES", p) for p in ("海狮07", "汉L", "唐L")} <= facts


def test_the_title_of_a_body_glued_to_it_names_its_head() -> None:
    facts = _facts(_extract("商务部长王文涛当天会见了外国客人。"))
    assert ("王文涛", "LEADS", "商务部") in facts


# --- dates --------------------------------------------------------------------------------


def test_without_a_publication_date_the_story_year_dates_the_news() -> None:
    assert story_year("2024年4月10日披露；9月6日收到告知书") == "2024"
    delta = _extract(
        "2024年4月10日，星澜微公告称收到问询函。\n9月6日，证监会对星澜微立案调查。", None
    )
    [probe] = [f for f in delta.facts if f.predicate is Predicate.INVESTIGATES]
    assert probe.date == "2024-09-06"


def test_a_date_the_text_puts_ahead_is_the_next_one() -> None:
    assert [d.value for d in find_dates("新车将于3月交付", "2025-07-01")] == ["2026-03"]


def test_an_announcement_number_is_no_day() -> None:
    assert [d.text for d in find_dates("商务部当天发布第7号公告", "2021-04-01")] == ["当天"]


def test_a_period_bound_dates_no_act() -> None:
    delta = _extract(
        "华晟微与北江精密有限公司签订战略合作协议，2026年-2030年每年采购不少于500吨。",
        "2025-08-02",
    )
    [deal] = [f for f in delta.facts if f.predicate is Predicate.PARTNERS_WITH]
    assert deal.date == "2025-08-02"


def test_a_headline_act_takes_the_date_the_body_gives_it() -> None:
    delta = _extract(
        "商务部：终止对美国高粱征收反倾销税\n"
        "2021年3月26日，商务部曾发布公告。\n"
        "商务部决定，自2025年3月29日起终止对原产于美国的高粱征收反倾销税。",
        "2025-03-28",
    )
    lifts = [f for f in delta.facts if f.predicate is Predicate.LIFTS_BAN]
    assert lifts and all(f.date == "2025-03-29" for f in lifts)
