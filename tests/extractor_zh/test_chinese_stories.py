"""The Chinese extractor end to end: routing, registry names, new names, evidence, and
one graph from a Chinese and an English story about the same deal."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sinograph.graph.model.domain import GraphDelta
from sinograph.graph.model.ontology import Predicate
from sinograph.graph.stores.embedded import EmbeddedStore
from sinograph.loaders.extract import default_registry, extract
from sinograph.loaders.ingest import ingest_stories
from sinograph.loaders.story_input import StoryInput


def _extract(text: str, published: str = "2025-07-16") -> GraphDelta:
    return extract(StoryInput(text=text, published=published), registry=default_registry())


def _names(delta: GraphDelta) -> dict[str, str]:
    return {e.id: e.name for e in delta.entities}


def test_a_registry_name_in_chinese_joins_the_english_entity() -> None:
    delta = _extract("宁德时代新能源科技股份有限公司董事长曾毓群表示，公司将在匈牙利建厂。")
    catl = next(e for e in delta.entities if e.id == "company:catl")
    assert catl.name == "CATL"
    assert "宁德时代新能源科技股份有限公司" in catl.aliases
    assert catl.name_zh == "宁德时代"


def test_a_new_chinese_name_is_its_own_display_name_and_name_zh() -> None:
    delta = _extract("7月10日，广东证监局对深圳市华信达科技有限公司罚款300万元。")
    firm = next(e for e in delta.entities if e.name.startswith("深圳市华信达"))
    assert firm.name == firm.name_zh == "深圳市华信达科技有限公司"
    [fact] = [f for f in delta.facts if f.predicate is Predicate.FINES]
    assert fact.object == firm.id
    assert fact.amount is not None and fact.amount.value == 3_000_000
    assert fact.amount.currency == "CNY"
    assert fact.date == "2025-07-10"
    assert fact.evidence[0].sentence == "7月10日，广东证监局对深圳市华信达科技有限公司罚款300万元。"


def test_a_short_name_declared_in_the_story_is_the_same_entity() -> None:
    delta = _extract(
        "南岭智能装备股份有限公司（以下简称“南岭智能”）6月3日公告。\n"
        "南岭智能拟以5亿元收购北江精密有限公司。"
    )
    names = _names(delta)
    [deal] = [f for f in delta.facts if f.predicate is Predicate.ACQUIRES]
    assert names[deal.subject] == "南岭智能装备股份有限公司"
    assert names[deal.object] == "北江精密有限公司"
    assert deal.date == "2025-06-03"


def test_traditional_chinese_matches_and_quotes_the_text_as_written() -> None:
    text = "吉利汽車2025年7月15日同意收購極氪。"
    delta = _extract(text)
    [deal] = delta.facts
    assert (deal.subject, deal.predicate, deal.object) == (
        "company:geely-automobile-holdings",
        Predicate.ACQUIRES,
        "company:zeekr",
    )
    assert deal.evidence[0].sentence == text


def test_a_person_with_a_title_leads_the_firm_and_a_regulator_fines_it() -> None:
    delta = _extract(
        "北江精密有限公司董事长周立新表示，公司已收到江苏证监局行政处罚决定书，被罚款80万元。"
    )
    names = _names(delta)
    got = {(names[f.subject], f.predicate.value, names[f.object]) for f in delta.facts}
    assert ("周立新", "LEADS", "北江精密有限公司") in got
    assert ("江苏证监局", "FINES", "北江精密有限公司") in got


def test_a_negated_act_states_no_fact() -> None:
    delta = _extract("商务部表示，目前不会对欧盟猪肉加征关税。")
    assert [f for f in delta.facts if f.predicate is Predicate.IMPOSES_TARIFF] == []


def test_english_stories_still_go_to_the_english_extractor() -> None:
    delta = _extract("Norvik Group agreed to buy Tallis Ltd.")
    assert all(f.attributes.get("language") != "zh" for f in delta.facts)
    assert any(f.predicate is Predicate.ACQUIRES for f in delta.facts)


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet="紫金矿业收购罚款对与及、，。（）“”12亿美元%年月日董事长公司集团被将A B",
        max_size=80,
    )
)
def test_any_chinese_text_extracts_without_error(text: str) -> None:
    delta = _extract("中文：" + text)
    for fact in delta.facts:
        assert fact.subject != fact.object


def test_a_chinese_and_an_english_story_make_one_fact_with_two_sources(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "graph.db")
    store.ensure_schema()
    stories = [
        StoryInput(
            text="Geely Automobile Holdings agreed on July 15, 2025 to buy Zeekr.",
            published="2025-07-16",
            url="https://example.com/en/geely-zeekr",
        ),
        StoryInput(
            text="吉利汽车2025年7月15日宣布，同意收购极氪。",
            published="2025-07-16",
            url="https://example.com/zh/geely-zeekr",
        ),
    ]
    report = ingest_stories(store, stories, registry=default_registry())
    assert report.problems == [] and report.stories_written == 2
    deals = [f for f in store.export_delta().facts if f.predicate is Predicate.ACQUIRES]
    assert len(deals) == 1
    [deal] = deals
    assert (deal.subject, deal.object, deal.date) == (
        "company:geely-automobile-holdings",
        "company:zeekr",
        "2025-07-15",
    )
    assert len({e.story_id for e in deal.evidence}) == 2
    sentences = {e.sentence for e in deal.evidence}
    assert "吉利汽车2025年7月15日宣布，同意收购极氪。" in sentences
    geely = store.get_entity("company:geely-automobile-holdings")
    assert "吉利汽车" in geely.entity.aliases
    store.close()


@pytest.mark.parametrize("text", ["", "。。。", "（", "公司", "对对对对罚款罚款"])
def test_degenerate_chinese_text(text: str) -> None:
    assert isinstance(_extract(text), GraphDelta)
