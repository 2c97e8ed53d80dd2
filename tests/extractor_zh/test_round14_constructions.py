"""Round 14 of the Chinese extractor (from the zh-s stories): shares issued to named
investors ("向特定对象甲、乙发行A股股票") are their investment in the issuer; the second
name of one appointing verb ("聘任甲为首席执行官、乙为总裁") takes its post; a name the
segmenter cut in two is one name before "为" and a post in an appointing list, and before
"任" and a firm; "甲任某公司总裁" is a post at the firm — all on sentences of our own."""

from __future__ import annotations

from tests.extractor_zh.support import run, triples


def test_shares_issued_to_named_investors_are_their_investment() -> None:
    facts = triples(run("华龙银行拟向特定对象财政部、海川资本发行A股股票，募集资金不超过200亿元。"))
    assert ("海川资本", "INVESTS_IN", "华龙银行") in facts, facts
    assert ("Ministry of Finance", "INVESTS_IN", "华龙银行") in facts, facts


def test_the_second_name_of_one_appointing_verb_takes_its_post() -> None:
    facts = triples(run("星海集团董事会选举王明为董事会主席，聘任王明为首席执行官、梁文海为总裁。"))
    assert ("王明", "LEADS", "星海集团") in facts, facts
    assert ("梁文海", "LEADS", "星海集团") in facts, facts


def test_a_post_held_at_a_firm_named_after_ren() -> None:
    facts = triples(run("此前，梁文海任星海集团董事会副主席兼总裁。"))
    assert ("梁文海", "LEADS", "星海集团") in facts, facts


def test_ren_between_two_firms_makes_no_person() -> None:
    facts = triples(run("星海集团任命华龙银行为主承销商。"))
    assert not any(p in ("LEADS", "WORKS_FOR") for _, p, _ in facts), facts


def test_shares_issued_to_a_firms_holders_in_a_merger_are_no_investment_by_it() -> None:
    facts = triples(run("星海重工拟以向北江船舶全体股东发行A股股票的方式吸收合并北江船舶。"))
    assert ("北江船舶", "INVESTS_IN", "星海重工") not in facts, facts


def test_shares_issued_directedly_to_an_investor() -> None:
    facts = triples(run("华龙银行晚间公告，本行拟向海川资本定向发行H股股票。"))
    assert ("海川资本", "INVESTS_IN", "华龙银行") in facts, facts
