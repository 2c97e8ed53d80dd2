"""Round 21 of the Chinese extractor (from the zh-c2 stories, read after their first try):
a name after 据 ("据某某数据", "根据某某报道") is where the news comes from, never who acts;
a name after a title ends before a function word ("副总经理向骁在2022年…" names 向骁); a
firm followed by a relation noun and another firm ("投资理想汽车电池供应商某某公司") means
the second — all on sentences of our own."""

from __future__ import annotations

from tests.extractor_zh.support import run, triples


def test_a_source_after_ju_does_not_act() -> None:
    facts = triples(run("据Wind统计，今年以来已有40家企业登陆港交所。"))
    assert not any(s == "Wind" for s, _, _ in facts), facts


def test_a_firm_named_after_ju_does_not_hide_the_actor() -> None:
    facts = triples(run("据路透社报道，阿里巴巴将收购网易。"))
    assert ("Alibaba Group Holding", "ACQUIRES", "NetEase") in facts, facts


def test_a_name_after_a_title_stops_before_a_function_word() -> None:
    facts = triples(
        run("北京澜铖电池有限公司副总经理向骁在2022年的论坛上表示，产能将翻倍。")
    )
    assert ("向骁", "WORKS_FOR", "北京澜铖电池有限公司") in facts, facts
    assert not any(s == "向骁在" for s, _, _ in facts), facts


def test_a_three_character_name_with_a_function_character_inside_stays_whole() -> None:
    facts = triples(run("远景科技董事长张在明表示，公司将扩产。"))
    assert any(s == "张在明" and p == "LEADS" for s, p, _ in facts), facts


def test_a_relation_noun_between_two_firms_points_at_the_second() -> None:
    facts = triples(run("腾讯、百度投资理想汽车电池供应商澜铖新能源公司。"))
    assert ("Tencent Holdings", "INVESTS_IN", "澜铖新能源公司") in facts, facts
    assert ("Baidu", "INVESTS_IN", "澜铖新能源公司") in facts, facts
    assert not any(o == "Li Auto" for _, _, o in facts), facts
