"""Round 6 of the Chinese extractor: names before a stock code whose characters jieba
does not know or cuts off, Hong Kong share classes (``-W``), firms named by the round
they raise, and a Chinese name with its Latin name in brackets — on sentences of our
own (the firms are invented)."""

from __future__ import annotations

import pytest

from sinograph.graph.model.ontology import EntityType
from sinograph.loaders.extract import default_registry, extract
from sinograph.loaders.extract.zh.entities import EntityTable
from sinograph.loaders.extract.zh.mentions import StoryState, read_sentence
from sinograph.loaders.story_input import StoryInput


def _entities(text: str) -> dict[str, EntityType]:
    table = EntityTable(default_registry())
    units = read_sentence(text, table, "2025-07-16", StoryState())
    return {u.text: table.get(u.entity).type for u in units if u.kind == "entity"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a character jieba's dictionary lacks stays inside the name
        ("港交所迎来新股：岚岹科技(HK01305)上市。", "岚岹科技"),
        ("在上市的企业中，蓝思科技和岚岹科技都已在深交所上市。", "岚岹科技"),
        # single characters the suffix rule would not open a name with, between a list
        # mark and a stock code, are the name's start
        ("港交所迎来新股：岚岹科技(HK01305)、讯启通信(HK02598)上市。", "讯启通信"),
        # the share class is no part of the name
        ("今天，岚岹科技-W(HK01305)在港股上市。", "岚岹科技"),
        # who raises a funding round is a firm
        ("澜舟智能完成数亿元新一轮融资。", "澜舟智能"),
        ("近日，面墙智能也官宣了一笔数亿元的新融资。", "面墙智能"),
        ("墨石智航宣布获得8亿元天使轮融资。", "墨石智航"),
        ("澜舟智能这轮融资由洪泰基金领投。", "澜舟智能"),
        # a Chinese name with its Latin name in brackets
        ("其中，墨石智航(TARS)吸引了广泛关注。", "墨石智航"),
    ],
)
def test_a_name_found_by_its_context(text: str, name: str) -> None:
    found = _entities(text)
    assert found.get(name) is EntityType.COMPANY, found


@pytest.mark.parametrize(
    "text",
    [
        # a suffix alone before a code is never a name of its own
        "港交所迎来新股：岚岹科技(HK01305)上市。",
        "今天，岚岹科技-W(HK01305)在港股上市。",
    ],
)
def test_no_name_is_a_suffix_or_share_class_alone(text: str) -> None:
    found = _entities(text)
    assert not {"科技", "W", "岚岹科技-W"} & set(found), found


@pytest.mark.parametrize(
    "text", ["其中，墨石智航的团队吸引了广泛关注。", "墨石智航宣布获得了新订单。"]
)
def test_no_firm_without_its_cue(text: str) -> None:
    # neither a funding round nor a Latin name: the unknown name stays unread
    assert "墨石智航" not in _entities(text)


def test_a_listed_list_with_share_classes_lists_every_firm() -> None:
    delta = extract(
        StoryInput(
            text="7月9日，岚岹科技-W(HK01305)、讯启通信(HK02598)共2家公司在港股上市。",
            published="2025-07-10",
        )
    )
    listed = {(f.subject, f.object) for f in delta.facts if f.predicate.value == "LISTED_ON"}
    assert listed == {
        ("company:岚岹科技", "company:hong-kong-stock-exchange"),
        ("company:讯启通信", "company:hong-kong-stock-exchange"),
    }
