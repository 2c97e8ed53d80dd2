"""Deals: acquisitions, sales, investments, mergers and partnerships."""

from __future__ import annotations

from sinograph.graph.model.ontology import EntityType, FactStatus, Predicate
from sinograph.loaders.extract.zh.rule import ACTORS, COMPANIES, Example, Rule

__all__ = ["RULES"]

_TARGETS = frozenset({EntityType.COMPANY, EntityType.ASSET})
_BUYERS = ACTORS | {EntityType.PERSON}
_INVESTORS = ACTORS | {EntityType.PERSON, EntityType.COUNTRY}
_BUY = (
    "收购", "并购", "买下", "购入", "全资收购", "要约收购", "竞购", "吞并", "收购了", "买入", "购买"
)
_SELL = ("出售", "转让", "剥离", "出让", "处置", "售出", "卖出", "卖给", "售予", "划转", "无偿划转")
_INVEST = (
    "入股",
    "增资",
    "投资",
    "领投",
    "参投",
    "注资",
    "战略投资",
    "认购",
    "跟投",
    "注资了",
    "出资",
    "认缴",
    "共同出资",
)
# "投资者", "投资方", "投资机构": who invests, named as a noun (not the act)
_INVESTOR_NOUN_ENDS = ("者", "人", "方", "机构")
_MERGE = ("合并", "吸收合并", "联合重组", "战略重组", "合并重组", "换股吸收合并")
_PARTNER = (
    "合资协议",
    "合资公司",
    "成立合资",
    "战略合作协议",
    "战略合作",
    "合作协议",
    "合资企业",
    "组建合资",
    "战略合作伙伴",
    "合作意向书",
    "合作框架协议",
    "合作备忘录",
    "合营企业",
    "合营公司",
)

RULES: tuple[Rule, ...] = (
    Rule(
        "zh.acquire.svo",
        Predicate.ACQUIRES,
        _BUY,
        "S ~~ V ~ O",
        _BUYERS,
        _TARGETS,
        0.8,
        examples=(
            Example(
                "紫金矿业6月29日宣布，以12亿美元收购北方黄金有限公司。",
                "紫金矿业",
                "北方黄金有限公司",
            ),
            Example("华润啤酒拟以60亿元买下金沙酒业55%股权。", "华润啤酒", "金沙酒业"),
        ),
        amount=True,
    ),
    Rule(
        "zh.acquire.holders_stake",
        Predicate.ACQUIRES,
        _BUY,
        "S ~~ V ~ 持有|所持|所持有 的 O",
        _BUYERS,
        _TARGETS,
        0.8,
        examples=(
            Example(
                "洛阳钼业拟以5亿美元收购Atlas Copper Inc.持有的Lomami铜矿80%权益。",
                "洛阳钼业",
                "Lomami铜矿",
            ),
        ),
        amount=True,
    ),
    Rule(
        "zh.sell.holders_stake",
        Predicate.SELLS,
        _BUY,
        "V ~ S 持有|所持|所持有 的 O",
        COMPANIES,
        _TARGETS,
        0.75,
        examples=(
            Example(
                "洛阳钼业拟以5亿美元收购Atlas Copper Inc.持有的Lomami铜矿80%权益。",
                "Atlas Copper Inc.",
                "Lomami铜矿",
            ),
        ),
        amount=True,
    ),
    Rule(
        "zh.acquire.of",
        Predicate.ACQUIRES,
        ("收购", "并购", "要约收购"),
        "S ~~ 对 O 的 V",
        _BUYERS,
        _TARGETS,
        0.75,
        examples=(
            Example(
                "华东电气集团宣布完成对北岭电子有限公司的收购。",
                "华东电气集团",
                "北岭电子有限公司",
            ),
        ),
        amount=True,
    ),
    Rule(
        "zh.acquire.of_business",
        Predicate.ACQUIRES,
        ("收购", "并购"),
        "S ~~ 对 ~ O< ~ 业务|品牌|股权|资产|全部股权|部分股权 的 V",
        _BUYERS,
        _TARGETS,
        0.75,
        examples=(
            Example(
                "东岳体育集团宣布完成对德国户外品牌 Nordkamm(北岭)业务的收购。",
                "东岳体育集团",
                "Nordkamm",
            ),
        ),
        amount=True,
    ),
    Rule(
        "zh.acquire.passive",
        Predicate.ACQUIRES,
        _BUY,
        "O^ ~~ 被|遭 S ~ V",
        _BUYERS,
        _TARGETS,
        0.75,
        examples=(Example("东方明珠科技有限公司去年被腾讯收购。", "腾讯", "东方明珠科技有限公司"),),
        amount=True,
    ),
    Rule(
        "zh.sell.buyer_from",
        Predicate.SELLS,
        _BUY,
        "从|向 S ~ V ~ O",
        COMPANIES,
        _TARGETS,
        0.7,
        examples=(
            Example(
                "复星国际向远景科技集团收购了一家风电公司上海风行科技有限公司。",
                "远景科技集团",
                "上海风行科技有限公司",
            ),
        ),
        amount=True,
    ),
    Rule(
        "zh.sell.svo",
        Predicate.SELLS,
        _SELL,
        "S ~~ V ~ O",
        COMPANIES,
        _TARGETS,
        0.75,
        examples=(
            Example("万科宣布出售北京蓝天置业有限公司全部股权。", "万科", "北京蓝天置业有限公司"),
        ),
        amount=True,
        not_before=("给", "予", "至"),  # "划转给乙": 乙 receives, it is not sold
    ),
    Rule(
        "zh.acquire.transferred_to",
        Predicate.ACQUIRES,
        _SELL,
        "将|把 ~ O ~ V 给|予|至|于 S",
        _BUYERS,
        _TARGETS,
        0.7,
        examples=(
            Example(
                "北江投资有限公司拟将其持有的南岭电气股份有限公司股份无偿划转给华东电气集团。",
                "华东电气集团",
                "南岭电气股份有限公司",
            ),
        ),
        amount=True,
    ),
    Rule(
        "zh.sell.object_first",
        Predicate.SELLS,
        _SELL,
        "S ~ 将|把 ~ O ~ V",
        COMPANIES,
        _TARGETS,
        0.75,
        examples=(
            Example(
                "长江和记实业将和记港口有限公司出售给贝莱德。", "长江和记实业", "和记港口有限公司"
            ),
        ),
        amount=True,
    ),
    Rule(
        "zh.invest.svo",
        Predicate.INVESTS_IN,
        _INVEST,
        "S ~~ V ~ O",
        _INVESTORS,
        _TARGETS | {EntityType.MARKET},
        0.7,
        # "投资者包括A": the investors are a noun, not the verb
        not_before=_INVESTOR_NOUN_ENDS,
        examples=(
            Example(
                "国家集成电路产业投资基金斥资20亿元入股长鑫存储。",
                "国家集成电路产业投资基金",
                "长鑫存储",
            ),
            # the relation noun names whom: the supplier, not the carmaker
            Example("腾讯投资理想汽车电池供应商澜铖新能源公司。", "腾讯", "澜铖新能源公司"),
        ),
        amount=True,
    ),
    Rule(
        "zh.invest.to",
        Predicate.INVESTS_IN,
        ("增资", "注资", "投资", "出资"),
        "S ~~ 对|向 O ~ V",
        _INVESTORS,
        _TARGETS,
        0.75,
        examples=(
            Example(
                "宁德时代向江西升华新材料有限公司增资10亿元。", "宁德时代", "江西升华新材料有限公司"
            ),
        ),
        amount=True,
    ),
    Rule(
        "zh.invest.jointly",
        Predicate.INVESTS_IN,
        _INVEST,
        "S ~ 与|和|同|联合|携手 ~ P ~~ V ~ O",
        _INVESTORS,
        _TARGETS,
        0.7,
        examples=(
            Example(
                "华宇电子拟与关联方国投创业基金、中金资本共同出资5亿元认缴星河芯片有限公司"
                "新增注册资本。",
                "国投创业基金",
                "星河芯片有限公司",
            ),
        ),
        amount=True,
    ),
    Rule(
        "zh.invest.subscribes",
        Predicate.INVESTS_IN,
        ("出资", "以自有资金出资", "现金出资"),
        "S ~~ V ~~ 认缴|认购|增资 ~ O",
        _INVESTORS,
        _TARGETS,
        0.7,
        examples=(
            Example(
                "海创基金以自有资金出资1亿元，对应认缴星河芯片有限公司新增注册资本。",
                "海创基金",
                "星河芯片有限公司",
            ),
        ),
        amount=True,
    ),
    Rule(
        "zh.acquire.restructure",
        Predicate.ACQUIRES,
        ("实施重组", "重组", "战略重组", "托管"),
        "S ~ 对 O ~ V",
        _BUYERS,
        _TARGETS,
        0.7,
        examples=(
            Example(
                "省国资委同意华东钢铁集团对江北钢铁集团实施重组。", "华东钢铁集团", "江北钢铁集团"
            ),
        ),
    ),
    Rule(
        "zh.invest.subscribes_then_target",
        Predicate.INVESTS_IN,
        ("出资",),
        "S ~~ V ~~ 对应 O ~ 认缴|认购",
        _INVESTORS,
        _TARGETS,
        0.7,
        examples=(
            Example(
                "其中，华宇电子以募集资金出资6亿元，对应星河芯片有限公司认缴新增注册资本5.9亿元。",
                "华宇电子",
                "星河芯片有限公司",
            ),
        ),
        amount=True,
    ),
    Rule(
        "zh.invest.placement",
        # shares issued to named investors (a private placement): they buy into the issuer
        Predicate.INVESTS_IN,
        ("发行", "定向发行", "非公开发行", "增发"),
        # the investor right before the verb: "向A全体股东发行" issues to A's holders
        "O ~~ 向 ~ S V ~ 股票|股份|新股|A股|H股",
        _INVESTORS,
        COMPANIES,
        0.7,
        examples=(
            Example(
                "华龙银行拟向特定对象财政部、海川资本发行A股股票，募集资金不超过200亿元。",
                "海川资本",
                "华龙银行",
            ),
        ),
        amount=True,
    ),
    Rule(
        "zh.invest.placement_directed",
        Predicate.INVESTS_IN,
        ("发行", "增发"),
        "O ~~ 向 ~ S 定向|非公开|特定 V ~ 股票|股份|新股|A股|H股",
        _INVESTORS,
        COMPANIES,
        0.7,
        examples=(
            Example(
                "华龙银行晚间公告，本行拟向海川资本定向发行H股股票。", "海川资本", "华龙银行"
            ),
        ),
        amount=True,
    ),
    Rule(
        "zh.invest.round",
        Predicate.INVESTS_IN,
        ("领投", "参投", "跟投"),
        "O ~~ 融资 ~~ 由 S V",
        _INVESTORS,
        COMPANIES,
        0.7,
        examples=(
            Example(
                "智谱华章科技有限公司完成新一轮融资，由美团领投。", "美团", "智谱华章科技有限公司"
            ),
        ),
    ),
    # "基石投资者甲、乙分别认购…发售股份": a listing's cornerstone investors buy into the firm
    Rule(
        "zh.invest.cornerstone",
        Predicate.INVESTS_IN,
        ("基石投资者", "基石投资人"),
        "O V S",
        _INVESTORS,
        COMPANIES,
        0.65,
        examples=(
            Example(
                "星海科技有限公司此次上市的基石投资者海川资本、北辰投资分别认购2亿美元股份。",
                "海川资本",
                "星海科技有限公司",
            ),
        ),
        object_from_context=True,
    ),
    # "某公司本次香港上市共有5家基石投资者，包括甲、乙": the listing firm's cornerstone investors
    Rule(
        "zh.invest.cornerstone_include",
        Predicate.INVESTS_IN,
        ("基石投资者", "基石投资人"),
        "O^ ~~ V ，|, 包括|包含 S",
        _INVESTORS,
        COMPANIES,
        0.65,
        examples=(
            Example(
                "星海味业有限公司本次香港上市共有5家基石投资者，包括海川资本、北辰投资等。",
                "北辰投资",
                "星海味业有限公司",
            ),
        ),
    ),
    # "某公司本轮融资由甲领投，新引入的投资者包括乙、丙": the investors listed put money in
    Rule(
        "zh.invest.investors_include",
        Predicate.INVESTS_IN,
        ("投资者包括", "投资人包括", "投资方包括", "投资机构包括"),
        "O^ ~~ V S",
        _INVESTORS,
        COMPANIES,
        0.65,
        examples=(
            Example(
                "星海出行科技有限公司本轮融资由华龙资本领投，新引入的投资者包括海川资本、北辰投资等机构。",
                "海川资本",
                "星海出行科技有限公司",
            ),
        ),
    ),
    Rule(
        "zh.invest.round_jointly",
        Predicate.INVESTS_IN,
        ("投资", "领投", "参投", "跟投", "注资"),
        "O ~~ 融资 ~~ 由 S ~ V",
        _INVESTORS,
        COMPANIES,
        0.7,
        not_before=_INVESTOR_NOUN_ENDS,
        examples=(
            Example(
                "北辰智能这轮融资由红杉资本、华山基金和东方基金联合投资。",
                "华山基金",
                "北辰智能",
            ),
            Example(
                "北辰智能完成新一轮融资，由华山基金、东方基金等机构投资。",
                "东方基金",
                "北辰智能",
            ),
            # unknown names listed as the round's investors are firms
            Example("北辰智能这轮融资由清控金信、华信远景联合投资。", "华信远景", "北辰智能"),
        ),
    ),
    # "X完成新一轮融资——腾讯领投": the lead named right before the verb, no 由
    Rule(
        "zh.invest.round_led",
        Predicate.INVESTS_IN,
        ("领投", "独家投资", "参投", "跟投"),
        "O ~~ 融资 ~~ S V",
        _INVESTORS,
        COMPANIES,
        0.7,
        examples=(
            Example("北辰智能完成新一轮融资——美团领投，多家机构跟投。", "美团", "北辰智能"),
            Example("北辰智能完成A轮融资，由美团领投，华山创投跟投。", "华山创投", "北辰智能"),
        ),
    ),
    # "…跟投，包括A、B、C等": the followers listed after the verb
    Rule(
        "zh.invest.round_followers",
        Predicate.INVESTS_IN,
        ("跟投", "参投"),
        "O ~~ 融资 ~~ V ，|, 包括|包含|有 S",
        _INVESTORS,
        COMPANIES,
        0.65,
        examples=(
            Example(
                "北辰智能完成新一轮融资，美团领投，老股东跟投，包括华山基金、东方基金等。",
                "东方基金",
                "北辰智能",
            ),
        ),
    ),
    Rule(
        "zh.invest.round_party",
        Predicate.INVESTS_IN,
        ("跟投方", "领投方", "投资方", "参投方"),
        "O ~~ 融资 ~~ S 为 V",
        _INVESTORS,
        COMPANIES,
        0.65,
        examples=(
            Example(
                "北辰智能完成天使轮融资，由华山基金领投，青云资本为跟投方。",
                "青云资本",
                "北辰智能",
            ),
        ),
    ),
    # "…完成B轮融资。本轮投资方包括A、B和C": the round's investors, listed in the sentence
    # after the firm that raised it
    Rule(
        "zh.invest.round_investors_listed",
        Predicate.INVESTS_IN,
        ("投资方", "投资人", "投资机构", "参投方", "出资方"),
        "O ~~ 本轮|此轮|该轮|本次|此次 V 包括|包含|有|为 ~ S",
        _INVESTORS,
        COMPANIES,
        0.65,
        examples=(
            Example(
                "星河机器人宣布完成5亿元B轮融资，本轮投资方包括云海资本、青松基金和远山创投。",
                "青松基金",
                "星河机器人",
            ),
        ),
        object_from_context=True,
    ),
    Rule(
        "zh.acquire.sold_to",
        Predicate.ACQUIRES,
        ("转让", "出售", "出让", "售予"),
        "向|给 S ~ V ~ O",
        _BUYERS,
        _TARGETS,
        0.7,
        examples=(
            Example(
                "华东矿业拟以5亿元向北方钼业股份有限公司转让西山矿业有限公司60%股权。",
                "北方钼业股份有限公司",
                "西山矿业有限公司",
            ),
        ),
    ),
    Rule(
        "zh.acquire.obtains_stake",
        Predicate.ACQUIRES,
        ("获得", "取得", "获取"),
        "S ~~ V ~ O ~ 股权|股份|权益",
        _BUYERS,
        _TARGETS,
        0.7,
        examples=(
            Example(
                "东岳矿业公告，公司通过公开摘牌获得的西山钼业有限公司80%股权已完成过户。",
                "东岳矿业",
                "西山钼业有限公司",
            ),
        ),
        status=FactStatus.COMPLETED,
    ),
    Rule(
        "zh.merge.parties",
        Predicate.MERGES_WITH,
        _MERGE,
        "P ~~ V",
        COMPANIES,
        COMPANIES,
        0.75,
        examples=(
            Example(
                "中国船舶集团有限公司与中国重工股份有限公司宣布实施吸收合并。",
                "中国船舶集团有限公司",
                "中国重工股份有限公司",
            ),
        ),
    ),
    Rule(
        "zh.merge.with",
        Predicate.MERGES_WITH,
        _MERGE,
        "S ~ 与|和|同|跟 O ~~ V",
        COMPANIES,
        COMPANIES,
        0.75,
        examples=(
            Example(
                "国泰君安证券宣布将与海通证券股份有限公司进行合并。",
                "国泰君安证券",
                "海通证券股份有限公司",
            ),
        ),
        status=FactStatus.ANNOUNCED,
    ),
    Rule(
        "zh.merge.absorb",
        Predicate.MERGES_WITH,
        ("吸收合并", "换股吸收合并"),
        "S ~~ V ~ O",
        COMPANIES,
        COMPANIES,
        0.75,
        examples=(
            Example(
                "中国神华拟吸收合并国电电力发展股份有限公司。",
                "中国神华",
                "国电电力发展股份有限公司",
            ),
        ),
    ),
    # "甲换股吸收合并乙": the absorbing firm takes the other over as well as merging with it
    Rule(
        "zh.acquire.absorb",
        Predicate.ACQUIRES,
        ("吸收合并", "换股吸收合并"),
        "S ~ V O",
        COMPANIES,
        COMPANIES,
        0.7,
        examples=(
            Example(
                "方案采取东岳证券换股吸收合并北辰证券股份有限公司的方式。",
                "东岳证券",
                "北辰证券股份有限公司",
            ),
        ),
    ),
    Rule(
        "zh.partner.parties",
        Predicate.PARTNERS_WITH,
        _PARTNER,
        "P ~~ V",
        COMPANIES,
        COMPANIES,
        0.7,
        examples=(
            Example(
                "比亚迪与丰田汽车公司签署合资协议，共同研发纯电动车。", "比亚迪", "丰田汽车公司"
            ),
        ),
    ),
    Rule(
        "zh.partner.with",
        Predicate.PARTNERS_WITH,
        _PARTNER,
        "S ~ 与|和|同|跟 O ~~ V",
        COMPANIES,
        COMPANIES,
        0.7,
        examples=(Example("小米集团宣布与宁德时代签署战略合作协议。", "小米集团", "宁德时代"),),
    ),
)
