"""Round 12 of the Chinese extractor (from the zh-o stories): a known body or firm and a
place with a branch word ("中国人民银行上海分行") name the body's branch, a body itself;
a firm's trade read as a verb ("支付", "租赁") still sits inside its name before the
legal form; a product named after a dash that follows its kind ("…固态电池——金刚固态
电池") is released; 新建 after a country is what is done there, not a place; a firm that
announces it will build somewhere operates there; a word and an industry word after a
verb and before a stake or a round's money name a firm ("持有南湖锂业18.5%的股份"); 电商
ends a firm's name; a withdrawn listing application (撤回) lists nothing — all on
sentences of our own. Later, from our own probes: a raid (搜查) is a probe of the firm
raided; an ordinary word and an investor word (资本, 创投...) before a deal verb name a
firm unless the word is generic (社会资本)."""

from __future__ import annotations

from sinograph.graph.model.ontology import EntityType
from tests.extractor_zh.support import names_of, run, triples

BODY = EntityType.GOVERNMENT_BODY


def test_a_known_body_and_a_place_name_its_branch() -> None:
    text = "中国人民银行上海分行对华东支付有限公司罚款300万元。"
    assert ("中国人民银行上海分行", "FINES", "华东支付有限公司") in triples(run(text))
    assert "中国人民银行上海分行" in names_of(text, BODY)


def test_a_branch_found_by_its_suffix_is_a_body_when_its_parent_is() -> None:
    text = "华东支付有限公司被中国人民银行江苏省分行处以8万元罚款。"
    assert "中国人民银行江苏省分行" in names_of(text, BODY)
    assert ("中国人民银行江苏省分行", "FINES", "华东支付有限公司") in triples(run(text))


def test_a_firms_trade_read_as_a_verb_stays_in_its_name() -> None:
    names = names_of("支付公司华东电子支付有限公司因违规被罚款300万元。", EntityType.COMPANY)
    assert "华东电子支付有限公司" in names, names


def test_a_product_named_after_a_dash_is_released() -> None:
    facts = triples(
        run("比亚迪推出一款续航更长、成本更低的固态电池——金刚固态电池。")
    )
    assert ("BYD", "RELEASES", "金刚固态电池") in facts, facts


def test_building_after_a_country_is_no_place() -> None:
    places = names_of("比亚迪宣布,将在匈牙利新建一家超级工厂。", EntityType.REGION)
    assert "新建" not in places, places


def test_a_firm_that_announces_it_builds_somewhere_operates_there() -> None:
    facts = triples(run("比亚迪周日宣布,将在匈牙利新建一家储能工厂。"))
    assert ("BYD", "OPERATES_IN", "Hungary") in facts, facts


def test_a_name_before_a_stake_after_a_verb_is_a_firm() -> None:
    facts = triples(run("北辰能源持有南湖锂业18.5%的股份,为其第二大股东。"))
    assert ("北辰能源", "OWNS", "南湖锂业") in facts, facts


def test_the_firm_that_raises_a_round_is_named_before_its_money() -> None:
    facts = triples(run("远山资本领投南湖机器人5亿元B轮融资,星河创投跟投。"))
    assert ("远山资本", "INVESTS_IN", "南湖机器人") in facts, facts
    assert ("星河创投", "INVESTS_IN", "远山资本") not in facts, facts


def test_an_online_retailer_is_a_firm() -> None:
    assert "星河电商" in names_of("市场监管局对星河电商处以罚款。", EntityType.COMPANY)


def test_a_withdrawn_listing_application_lists_nothing() -> None:
    facts = triples(run("北辰化工撤回了在深圳证券交易所创业板上市的申请。"))
    assert not any(p == "LISTED_ON" for _, p, _ in facts), facts


def test_a_raid_is_a_probe_of_the_firm_raided() -> None:
    facts = triples(run("印度执法局搜查了小米公司在印度的办公室。"))
    assert ("印度执法局", "INVESTIGATES", "Xiaomi") in facts, facts


def test_an_ordinary_word_and_an_investor_word_before_a_deal_verb_name_a_firm() -> None:
    facts = triples(run("星河资本将其持有的南湖科技30%股份出售给远山集团。"))
    assert ("星河资本", "SELLS", "南湖科技") in facts, facts
    assert "社会资本" not in names_of("社会资本将进入该领域。", EntityType.COMPANY)
