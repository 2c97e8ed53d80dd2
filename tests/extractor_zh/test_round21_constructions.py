"""Round 21 of the Chinese extractor (from the zh-c2 stories, read after their first try):
a name after 据 ("据某某数据", "根据某某报道") is where the news comes from, never who acts;
a name after a title ends before a function word ("副总经理向晋在2021年…" names 向晋); a
firm followed by a relation noun and another firm ("投资蔚来电池供应商卫蓝新能源") means
the second — all on sentences of our own."""

from __future__ import annotations

from tests.extractor_zh.support import run, triples


def test_a_source_after_ju_does_not_act() -> None:
    facts = triples(run("据Wind数据不完全统计，截至9月16日，共有53家企业登陆港交所。"))
    assert not any(s == "Wind" for s, _, _ in facts), facts


def test_a_firm_named_after_ju_does_not_hide_the_actor() -> None:
    facts = triples(run("据路透社报道，阿里巴巴将收购网易。"))
    assert ("Alibaba Group Holding", "ACQUIRES", "NetEase") in facts, facts


def test_a_name_after_a_title_stops_before_a_function_word() -> None:
    facts = triples(
        run("北京卫蓝新能源科技有限公司副总经理向晋在2021年的论坛上表示，固态电池将量产。")
    )
    assert ("向晋", "WORKS_FOR", "北京卫蓝新能源科技有限公司") in facts, facts
    assert not any(s == "向晋在" for s, _, _ in facts), facts


def test_a_three_character_name_with_a_function_character_inside_stays_whole() -> None:
    facts = triples(run("远景科技董事长张在明表示，公司将扩产。"))
    assert any(s == "张在明" and p == "LEADS" for s, p, _ in facts), facts


def test_a_relation_noun_between_two_firms_points_at_the_second() -> None:
    facts = triples(run("小米、华为投资蔚来电池供应商卫蓝新能源。"))
    assert ("Xiaomi", "INVESTS_IN", "卫蓝新能源") in facts, facts
    assert ("Huawei Technologies", "INVESTS_IN", "卫蓝新能源") in facts, facts
    assert not any(o == "NIO" for _, _, o in facts), facts
