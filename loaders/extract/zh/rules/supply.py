"""Supply chains and rivals: who supplies whom, who competes with whom."""

from __future__ import annotations

from sinograph.graph.model.ontology import Predicate
from sinograph.loaders.extract.zh.rule import COMPANIES, Example, Rule

__all__ = ["RULES"]

_RIVALRY = ("竞争对手", "竞争者", "对手", "竞品")

RULES: tuple[Rule, ...] = (
    Rule(
        "zh.supply.is_supplier",
        Predicate.SUPPLIES,
        ("供应商", "代工厂", "供货商", "组装厂", "代工伙伴", "合作伙伴供应商"),
        "S ~ 为|是|成为|作为 O ~ V",
        COMPANIES,
        COMPANIES,
        0.7,
        examples=(Example("歌尔股份是苹果的重要供应商。", "歌尔股份", "苹果"),),
    ),
    Rule(
        "zh.supply.to",
        Predicate.SUPPLIES,
        ("供货", "供应", "提供", "代工", "组装", "配套"),
        "S ~ 向|为|给 O V",
        COMPANIES,
        COMPANIES,
        0.65,
        examples=(
            Example("宁德时代向理想汽车供货。", "宁德时代", "理想汽车"),
            Example("比亚迪电子为华为代工平板电脑。", "比亚迪电子", "华为"),
        ),
    ),
    Rule(
        "zh.supply.chain",
        Predicate.SUPPLIES,
        ("供应链", "供应商名单", "供应体系", "供货体系"),
        "S ~~ 进入|位列|打入|跻身|加入|纳入|成为 O ~ V",
        COMPANIES,
        COMPANIES,
        0.65,
        examples=(Example("蓝思科技去年进入特斯拉供应链。", "蓝思科技", "特斯拉"),),
    ),
    Rule(
        "zh.supply.buys_from",
        Predicate.SUPPLIES,
        ("采购", "购买", "进货", "订购"),
        "O ~ 从|向 S ~ V",
        COMPANIES,
        COMPANIES,
        0.65,
        examples=(Example("理想汽车将从欣旺达采购动力电池。", "欣旺达", "理想汽车"),),
    ),
    # "东方航空与空客签订协议，将采购20架飞机": the maker the buyer signed with supplies it
    Rule(
        "zh.supply.signed_to_buy",
        Predicate.SUPPLIES,
        ("采购", "购买", "订购", "採購", "購買", "訂購"),
        "O ~ 与|和|與 S ~ 签订协议|签署协议|签订|签署|簽訂|簽署 ~~ V",
        COMPANIES,
        COMPANIES,
        0.6,
        examples=(
            Example("东方航空12月宣布已与空客签订协议，将采购20架飞机。", "空客", "东方航空"),
        ),
    ),
    # "宁德时代的前五大客户分别为特斯拉、蔚来": whose customers they are supplies them
    Rule(
        "zh.supply.customers",
        Predicate.SUPPLIES,
        ("客户", "大客户", "主要客户", "重要客户", "核心客户"),
        "S ~ V ~ 为|是|包括|包含|有|涵盖 O",
        COMPANIES,
        COMPANIES,
        0.6,
        examples=(
            Example(
                "据研报，宁德时代前五大客户分别为蔚来、吉利、小鹏和理想汽车。", "宁德时代", "吉利"
            ),
            Example("欣旺达的主要客户包括理想汽车。", "欣旺达", "理想汽车"),
        ),
    ),
    Rule(
        "zh.compete.rival_of",
        Predicate.COMPETES_WITH,
        _RIVALRY,
        "S ~ 是|为|成为 O ~ V",
        COMPANIES,
        COMPANIES,
        0.65,
        examples=(Example("小鹏汽车是蔚来的主要竞争对手。", "小鹏汽车", "蔚来"),),
    ),
    Rule(
        "zh.compete.rival_named",
        Predicate.COMPETES_WITH,
        _RIVALRY,
        "S ~ 的 ~ V O",
        COMPANIES,
        COMPANIES,
        0.65,
        examples=(Example("特斯拉的竞争对手比亚迪公布了销量。", "特斯拉", "比亚迪"),),
    ),
    Rule(
        "zh.compete.with",
        Predicate.COMPETES_WITH,
        ("竞争", "抗衡", "角逐", "争夺", "比拼", "较量"),
        "S ~ 与|和|同|跟 O ~ V",
        COMPANIES,
        COMPANIES,
        0.6,
        examples=(Example("华为将与苹果在高端手机市场展开竞争。", "华为", "苹果"),),
    ),
    Rule(
        "zh.compete.overtakes",
        Predicate.COMPETES_WITH,
        ("超越", "赶超", "超过", "反超", "取代"),
        "S ~~ V O",
        COMPANIES,
        COMPANIES,
        0.6,
        examples=(Example("比亚迪去年超越特斯拉成为全球最大电动车制造商。", "比亚迪", "特斯拉"),),
    ),
)
