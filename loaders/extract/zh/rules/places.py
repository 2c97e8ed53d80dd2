"""Where things are: a firm's headquarters, an asset's or a place's location."""

from __future__ import annotations

from sinograph.graph.model.ontology import EntityType, Predicate
from sinograph.loaders.extract.zh.rule import COMPANIES, PLACES, Example, Rule

__all__ = ["RULES"]

_BASED = frozenset({EntityType.COMPANY, EntityType.ORGANIZATION, EntityType.GOVERNMENT_BODY})
_HEADQUARTERS = ("总部位于", "总部设在", "总部设于", "总部在", "总部落户", "总部迁至", "总部搬迁至")
_SITED = frozenset({EntityType.ASSET, EntityType.REGION})

RULES: tuple[Rule, ...] = (
    Rule(
        "zh.hq.of",
        Predicate.HEADQUARTERED_IN,
        _HEADQUARTERS,
        "S ~ V O",
        _BASED,
        PLACES,
        0.75,
        examples=(Example("海康威视总部位于浙江省杭州市。", "海康威视", "杭州市"),),
    ),
    Rule(
        "zh.hq.based",
        Predicate.HEADQUARTERED_IN,
        _HEADQUARTERS,
        "V ~ O 的 ~ S",
        _BASED,
        PLACES,
        0.75,
        examples=(Example("总部设在瑞士日内瓦的嘉能可公司发布财报。", "嘉能可公司", "日内瓦"),),
    ),
    Rule(
        "zh.hq.located_firm",
        Predicate.HEADQUARTERED_IN,
        ("位于", "坐落于", "地处"),
        "S ~ 是 ~ V ~ O 的 ~ 公司|企业|集团|厂商|制造商",
        COMPANIES,
        PLACES,
        0.7,
        examples=(Example("舜宇光学是一家位于浙江省余姚市的光学公司。", "舜宇光学", "余姚市"),),
    ),
    Rule(
        "zh.located.in",
        Predicate.LOCATED_IN,
        ("位于", "坐落于", "地处", "选址"),
        "S ~ V O",
        _SITED,
        PLACES,
        0.7,
        examples=(Example("西芒杜铁矿项目位于几内亚东南部。", "西芒杜铁矿项目", "几内亚"),),
    ),
)
