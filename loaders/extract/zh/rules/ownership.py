"""Ownership and control: stakes, parents, subsidiaries, controlling holders."""

from __future__ import annotations

from sinograph.graph.model.ontology import EntityType, Predicate
from sinograph.loaders.extract.zh.rule import COMPANIES, Example, Rule

__all__ = ["RULES"]

_OWNERS = frozenset(
    {EntityType.COMPANY, EntityType.PERSON, EntityType.GOVERNMENT_BODY, EntityType.COUNTRY}
)
_OWNED = frozenset({EntityType.COMPANY, EntityType.ASSET})
_SUBSIDIARY = ("子公司", "全资子公司", "控股子公司", "附属公司", "全资附属公司", "间接附属公司")

RULES: tuple[Rule, ...] = (
    Rule(
        "zh.own.held_by",
        Predicate.OWNS,
        ("持有",),
        "O ~~ 由 S V",
        _OWNERS,
        _OWNED,
        0.65,
        examples=(
            Example(
                "星河芯片有限公司的其余10%股权由海创投资有限公司持有。",
                "海创投资有限公司",
                "星河芯片有限公司",
            ),
        ),
    ),
    Rule(
        "zh.own.holds",
        Predicate.OWNS,
        ("持有", "持股", "控股", "拥有"),
        "S ~ V ~ O",
        _OWNERS,
        _OWNED,
        0.7,
        examples=(Example("腾讯持有京东方科技集团5%股份。", "腾讯", "京东方科技集团"),),
        not_before=("股东", "子公司", "公司", "集团", "权"),
    ),
    Rule(
        "zh.own.in_capital",
        Predicate.OWNS,
        ("拥有", "持有"),
        "S ~ 于|在 O ~ V",
        _OWNERS,
        _OWNED,
        0.7,
        examples=(
            Example(
                "增资完成后，远川医药集团将于长岭生物有限公司的注册资本中拥有20%权益。",
                "远川医药集团",
                "长岭生物有限公司",
            ),
        ),
    ),
    Rule(
        "zh.own.also_holds",
        Predicate.OWNS,
        ("控股", "持有", "拥有"),
        "S ~~ 并|还|同时|并且 V ~ O",
        _OWNERS,
        _OWNED,
        0.65,
        examples=(
            Example(
                "华东电气集团设立五大事业部，并控股“南岭电气”和“北江精密”。",
                "华东电气集团",
                "北江精密",
            ),
        ),
        not_before=("股东", "子公司", "公司", "集团", "权"),
    ),
    Rule(
        "zh.own.brands",
        Predicate.OWNS,
        ("旗下拥有", "旗下有", "旗下包括", "旗下品牌包括"),
        "S ~~ V ~ O",
        _OWNERS,
        _OWNED | {EntityType.PRODUCT},
        0.65,
        examples=(
            Example(
                "雅戈尔集团是服装巨头，旗下拥有Hart Schaffner Marx等品牌。",
                "雅戈尔集团",
                "Hart Schaffner Marx",
            ),
        ),
    ),
    Rule(
        "zh.own.holder_named",
        Predicate.OWNS,
        ("控股股东", "间接控股股东", "第一大股东", "大股东", "单一最大股东"),
        "O ~ V S",
        _OWNERS,
        _OWNED,
        0.7,
        examples=(
            Example(
                "北江精密有限公司控股股东南岭投资集团有限公司拟减持。",
                "南岭投资集团有限公司",
                "北江精密有限公司",
            ),
        ),
    ),
    Rule(
        "zh.own.controlling_holder",
        Predicate.OWNS,
        ("控股股东", "第一大股东", "大股东", "最大股东", "单一最大股东"),
        "S ~ 为|是|系|成为 O ~ V",
        _OWNERS,
        _OWNED,
        0.7,
        examples=(
            Example("华润集团是华润置地有限公司的控股股东。", "华润集团", "华润置地有限公司"),
        ),
    ),
    # "大基金二期股东包括财政部、国开金融…", "…，其他股东包括A、B": each holder listed owns
    Rule(
        "zh.own.holders_listed",
        Predicate.OWNS,
        ("股东", "其他股东", "主要股东", "前十大股东", "股东方"),
        "O ~~ V 包括|包含|有|还有|涵盖 S",
        _OWNERS,
        _OWNED,
        0.65,
        examples=(
            Example(
                "北江精密有限公司股东包括南岭投资集团有限公司和财政部。",
                "南岭投资集团有限公司",
                "北江精密有限公司",
            ),
        ),
        not_before=("大会", "会"),
    ),
    Rule(
        "zh.control.actual",
        Predicate.CONTROLS,
        ("实际控制人", "实控人"),
        "S ~ 为|是|系|成为 O ~ V",
        _OWNERS,
        COMPANIES,
        0.7,
        examples=(Example("雷军为小米集团的实际控制人。", "雷军", "小米集团"),),
    ),
    Rule(
        "zh.control.gains",
        Predicate.CONTROLS,
        ("控股权", "控制权", "实际控制权"),
        "S ~~ 取得|获得|拥有|掌握|收购|接手 ~ O ~ V",
        _OWNERS,
        COMPANIES,
        0.7,
        examples=(
            Example("华宇电子将取得星河芯片有限公司控股权。", "华宇电子", "星河芯片有限公司"),
        ),
    ),
    Rule(
        "zh.control.actual_after",
        Predicate.CONTROLS,
        ("实际控制人", "实控人"),
        "O ~ V ~ S",
        _OWNERS,
        COMPANIES,
        0.7,
        examples=(
            Example("北京蓝海科技有限公司的实际控制人为张建国。", "张建国", "北京蓝海科技有限公司"),
        ),
    ),
    Rule(
        "zh.subsidiary.under",
        Predicate.SUBSIDIARY_OF,
        ("旗下",),
        "O V ~ S",
        COMPANIES,
        COMPANIES,
        0.7,
        examples=(
            Example(
                "阿里巴巴旗下的菜鸟网络科技有限公司宣布裁员。", "菜鸟网络科技有限公司", "阿里巴巴"
            ),
        ),
    ),
    Rule(
        "zh.subsidiary.named",
        Predicate.SUBSIDIARY_OF,
        _SUBSIDIARY,
        "O ~ V S",
        COMPANIES,
        COMPANIES,
        0.7,
        examples=(
            Example(
                "宁德时代全资子公司时代新能源电池有限公司将在匈牙利建厂。",
                "时代新能源电池有限公司",
                "宁德时代",
            ),
        ),
    ),
    Rule(
        "zh.subsidiary.is",
        Predicate.SUBSIDIARY_OF,
        _SUBSIDIARY,
        "S ~ 为|是|系 O ~ V",
        COMPANIES,
        COMPANIES,
        0.7,
        examples=(
            Example(
                "上海华新电气有限公司是海尔智家的全资子公司。", "上海华新电气有限公司", "海尔智家"
            ),
        ),
    ),
    Rule(
        "zh.subsidiary.becomes",
        Predicate.SUBSIDIARY_OF,
        ("旗下", *_SUBSIDIARY),
        "S ~ 成为|并入|纳入 O V",
        COMPANIES,
        COMPANIES,
        0.7,
        examples=(
            Example(
                "交割完成后，北岭电子有限公司正式成为华东电气集团旗下企业。",
                "北岭电子有限公司",
                "华东电气集团",
            ),
        ),
    ),
    Rule(
        "zh.own.becomes_parent",
        Predicate.OWNS,
        ("旗下", *_SUBSIDIARY),
        "O ~ 成为|并入|纳入 S V",
        _OWNERS,
        _OWNED,
        0.65,
        examples=(
            Example(
                "交割完成后，北岭电子有限公司正式成为华东电气集团旗下企业。",
                "华东电气集团",
                "北岭电子有限公司",
            ),
        ),
    ),
    Rule(
        "zh.own.parent_of",
        Predicate.OWNS,
        ("旗下",),
        "S V ~ O",
        _OWNERS,
        _OWNED,
        0.65,
        examples=(Example("复星国际旗下的豫园股份发布公告。", "复星国际", "豫园股份"),),
    ),
)
