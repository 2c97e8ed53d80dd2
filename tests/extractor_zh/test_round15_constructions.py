"""Round 15 of the Chinese extractor (from the zh-v stories): a roster of the sanctioned
("受制裁的企业……其中包括甲、乙") names whom the state that acted sanctions, and so does a list
of people after a sanction ("名单中包括某公司的创始人甲"; the firm is the person's employer,
not sanctioned); buying a minority stake ("收购某集团9.69%股份") is an investment and
a holding, not a takeover; a share written before the firm ("购得9.69%某某股份") is a
stake, and "某某股份" after a percentage is the firm's shares, not a firm; names listed a line
each after a sanction ("这3家公司包括：" then "Norvik Co. Ltd.(某某)") are sanctioned — all on
sentences of our own."""

from __future__ import annotations

from sinograph.graph.model.ontology import EntityType
from tests.extractor_zh.support import names_of, run, triples


def test_a_roster_of_the_sanctioned_names_whom_the_state_sanctions() -> None:
    facts = triples(
        run(
            "外交部周五宣布对美国军工企业采取反制措施。\n\n"
            "受制裁的企业名单共计3家，其中包括诺维克动力公司、凯斯特雷尔系统公司、塔利斯海事服务公司等。"
        )
    )
    for firm in ("诺维克动力公司", "凯斯特雷尔系统公司", "塔利斯海事服务公司"):
        assert ("Ministry of Foreign Affairs", "SANCTIONS", firm) in facts, facts


def test_a_list_of_people_after_a_sanction_names_the_people_not_their_firms() -> None:
    facts = triples(run("外交部对两名高管实施制裁，名单中包括诺维克公司的创始人卡尔·韦伯。"))
    assert ("Ministry of Foreign Affairs", "SANCTIONS", "卡尔·韦伯") in facts, facts
    assert ("Ministry of Foreign Affairs", "SANCTIONS", "诺维克公司") not in facts, facts


def test_a_minority_stake_bought_is_an_investment() -> None:
    facts = triples(run("星海集团董事长王明斥资约50亿欧元收购北江汽车集团8.2%股份。"))
    assert ("王明", "INVESTS_IN", "北江汽车集团") in facts, facts
    assert ("王明", "OWNS", "北江汽车集团") in facts, facts
    assert ("王明", "ACQUIRES", "北江汽车集团") not in facts, facts


def test_a_majority_stake_bought_is_a_takeover() -> None:
    facts = triples(run("星海集团以60亿元收购北江汽车集团55%股权。"))
    assert ("星海集团", "ACQUIRES", "北江汽车集团") in facts, facts


def test_shares_after_a_percentage_are_no_firm() -> None:
    firms = names_of("星海集团创始人王明透过一家基金购得了9.69%北江股份。", EntityType.COMPANY)
    assert "北江股份" not in firms, firms


def test_names_listed_a_line_each_after_a_sanction_are_sanctioned() -> None:
    facts = triples(
        run(
            "8月3日，美国商务部宣布将3家中国企业列入实体清单。\n\n这3家公司包括：\n\n"
            "Norvik Textile Co. Ltd.(诺维克纺织)\nKestrel Optics Group(凯斯特雷尔光电)\n"
            "塔利斯精密科技\n\n据了解，这些企业主要从事纺织和光学业务。"
        )
    )
    for firm in ("Norvik Textile Co. Ltd.", "Kestrel Optics Group", "塔利斯精密科技"):
        assert ("US Department of Commerce", "SANCTIONS", firm) in facts, facts
