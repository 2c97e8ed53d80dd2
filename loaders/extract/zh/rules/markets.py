"""Listings: a firm goes public on an exchange."""

from __future__ import annotations

from sinograph.graph.model.ontology import EntityType, FactStatus, Predicate
from sinograph.loaders.extract.zh.rule import COMPANIES, PLACES, Example, Rule

__all__ = ["RULES"]

_LIST = (
    "上市",
    "挂牌",
    "挂牌上市",
    "鸣锣上市",
    "敲钟上市",
    "敲钟",
    "挂牌交易",
    "首发上市",
    "IPO",
    "正式上市",
    "招股",
)

_BUILD = (
    "建立",
    "建设",
    "建厂",
    "设厂",
    "投产",
    "开设",
    "落户",
    "设立",
    "投资建厂",
    "新建",
    "布局",
)

RULES: tuple[Rule, ...] = (
    Rule(
        "zh.operates.builds_in",
        Predicate.OPERATES_IN,
        _BUILD,
        "S ~ 在|于|赴 O ~ V",
        COMPANIES,
        PLACES,
        0.65,
        examples=(Example("宁德时代在匈牙利德布勒森建设电池工厂。", "宁德时代", "匈牙利"),),
    ),
    # "比亚迪宣布,将在匈牙利新建…": the firm that announces it builds there, past the comma
    Rule(
        "zh.operates.announces_build",
        Predicate.OPERATES_IN,
        _BUILD,
        "S ~ 宣布|表示|称|计划 ~~ 在|于|赴 O ~ V",
        COMPANIES,
        PLACES,
        0.6,
        examples=(Example("比亚迪周日宣布,将在匈牙利新建一家储能工厂。", "比亚迪", "匈牙利"),),
    ),
    # "星海速递已在越南、泰国等国部署网络": where a firm runs its business
    Rule(
        "zh.operates.runs_in",
        Predicate.OPERATES_IN,
        ("部署", "开展业务"),
        "S ~~ 在 O ~ V",
        COMPANIES,
        PLACES,
        0.6,
        examples=(
            Example(
                "星海速递成立于2016年，目前已在越南、泰国等多个国家部署物流网络。",
                "星海速递",
                "泰国",
            ),
        ),
    ),
    # "星海速递的业务覆盖越南和泰国"
    Rule(
        "zh.operates.covers",
        Predicate.OPERATES_IN,
        ("覆盖", "遍及", "遍布"),
        "S ~ 业务|网络|门店|服务 ~ V O",
        COMPANIES,
        PLACES,
        0.6,
        examples=(Example("星海物流公司的业务已覆盖越南、泰国和巴西。", "星海物流公司", "巴西"),),
    ),
    Rule(
        "zh.listing.at",
        Predicate.LISTED_ON,
        _LIST,
        "S ~~ 在|于|登陆|赴|登录|在港|登 O ~ V",
        COMPANIES,
        COMPANIES,
        0.8,
        examples=(
            Example(
                "7月10日，蜜雪冰城股份有限公司在香港联交所挂牌上市，募资34.5亿港元。",
                "蜜雪冰城股份有限公司",
                "香港联交所",
            ),
            # 港 before 上市 is Hong Kong's exchange
            Example("北辰电池在港上市首日大涨。", "北辰电池", "Hong Kong Stock Exchange"),
        ),
        amount=True,
        status=FactStatus.COMPLETED,
    ),
    Rule(
        "zh.listing.in_city",
        Predicate.LISTED_ON,
        _LIST,
        "S ~~ 在|于|赴 O V",
        COMPANIES,
        PLACES,
        0.75,
        examples=(Example("北辰电池去年在香港上市。", "北辰电池", "Hong Kong Stock Exchange"),),
        amount=True,
        status=FactStatus.COMPLETED,
    ),
    Rule(
        "zh.listing.lands",
        Predicate.LISTED_ON,
        ("登陆", "登陆了", "登录", "赴港上市"),
        "S ~~ V ~ O",
        COMPANIES,
        COMPANIES | {EntityType.MARKET},
        0.75,
        examples=(
            Example(
                "摩尔线程智能科技股份有限公司今日登陆上海证券交易所。",
                "摩尔线程智能科技股份有限公司",
                "上海证券交易所",
            ),
            Example("华盛味业今日正式登陆港股。", "华盛味业", "Hong Kong Stock Exchange"),
        ),
        amount=True,
        status=FactStatus.COMPLETED,
    ),
)
