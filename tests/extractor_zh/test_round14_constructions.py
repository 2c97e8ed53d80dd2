"""Round 14 of the Chinese extractor (from the zh-s stories): shares issued to named
investors ("向特定对象甲、乙发行A股股票") are their investment in the issuer; the second
name of one appointing verb ("聘任甲为首席执行官、乙为总裁") takes its post; a name the
segmenter cut in two is one name before "为" and a post in an appointing list, and before
"任" and a firm; "甲任某公司总裁" is a post at the firm. From zh-t: a register's "总经理为乙"
names the post's holder (and "为梁" glued by the segmenter is cut); a transliteration's
last syllable tagged as a measure word stays in the name ("贝拉米公司"); "澳洲政府" acts as
Australia and becomes one of its names; a firm runs its network "在A、B等国家"; a place
inside the title of a law is no actor; 印尼 is Indonesia; what a halt of trade names between
its origin and its inflow ("暂停越南火龙果输入") is a good — all on sentences of our own."""

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


def test_a_registered_post_with_wei_names_its_holder() -> None:
    facts = triples(
        run("杭州星与海智能设备有限公司注册成立，法定代表人、执行董事为王明，总经理为梁文海。")
    )
    assert ("梁文海", "LEADS", "杭州星与海智能设备有限公司") in facts, facts


def test_a_transliterated_name_keeps_a_syllable_tagged_as_a_measure_word() -> None:
    facts = triples(run("星海集团收购了贝拉米公司。"))
    assert ("星海集团", "ACQUIRES", "贝拉米公司") in facts, facts


def test_a_measure_word_after_a_number_stays_outside_names() -> None:
    delta = run("星海集团铺设了3000米管道。")
    assert not any(e.name.endswith("米管道") for e in delta.entities), delta.entities


def test_a_countrys_government_acts_as_the_country_and_names_it() -> None:
    delta = run("澳洲政府已批准星海乳业公司收购华贝公司。")
    facts = triples(delta)
    assert ("Australia", "APPROVES", "星海乳业公司") in facts, facts
    australia = next(e for e in delta.entities if e.name == "Australia")
    assert "澳洲政府" in australia.aliases


def test_a_firm_runs_its_network_in_listed_countries() -> None:
    facts = triples(run("星海速递成立于2016年，目前已在越南、泰国等多个国家部署物流网络。"))
    assert ("星海速递", "OPERATES_IN", "Vietnam") in facts, facts
    assert ("星海速递", "OPERATES_IN", "Thailand") in facts, facts


def test_a_place_inside_the_title_of_a_law_is_no_actor() -> None:
    facts = triples(run("监管机构根据《欧盟并购条例》批准了星海集团的交易。"))
    assert not any(s == "European Union" for s, _, _ in facts), facts


def test_indonesia_has_its_short_chinese_name() -> None:
    facts = triples(run("星海物流公司的业务已覆盖印尼和泰国。"))
    assert ("星海物流公司", "OPERATES_IN", "Indonesia") in facts, facts


def test_what_a_trade_halt_names_between_origin_and_inflow_is_a_good() -> None:
    facts = triples(run("海关总署10日发布关于暂停越南火龙果输入大陆的通知。"))
    assert ("General Administration of Customs", "BANS", "越南火龙果") in facts, facts
    assert not any(o == "Vietnam" for _, p, o in facts if p == "BANS"), facts
