"""Trade measures: bans and their lifting, tariffs, sanctions, imports."""

from __future__ import annotations

from sinograph.graph.model.ontology import EntityType, Predicate
from sinograph.loaders.extract.zh.rule import GOODS, STATES, Example, Rule

__all__ = ["RULES", "SANCTION_LISTS"]

_BANNED = frozenset(
    {EntityType.COMMODITY, EntityType.COMPANY, EntityType.PRODUCT, EntityType.COUNTRY}
)
_BAN = (
    "禁止进口",
    "暂停进口",
    "出口管制",
    "禁止出口",
    "禁令",
    "禁售",
    "叫停",
    "停止进口",
    "撤销",
    "禁止",
    "暂停",
    "全面禁止",
    "断供",
    "限制出口",
    "出口禁令",
    "进口禁令",
)
_LIFT = ("恢复进口", "解除", "解禁", "取消禁令", "撤销禁令", "恢复", "放开", "重新开放")
_TARIFF = (
    "加征关税",
    "关税",
    "反倾销税",
    "反补贴税",
    "反倾销措施",
    "保证金",
    "临时反倾销措施",
    "征收关税",
    "反补贴措施",
    "加征",
)
# Words before a duty that end it: "终止对…征收反倾销税" lifts the duty.
_TARIFF_ENDS = ("终止", "取消", "停止", "不再", "豁免", "免征", "撤销", "暂停")
_TAXED = frozenset({EntityType.COMMODITY, EntityType.PRODUCT, EntityType.COUNTRY})
# The lists a state puts firms on to sanction them (also read by zh/roster_lines.py).
SANCTION_LISTS = (
    "实体清单",
    "不可靠实体清单",
    "管控名单",
    "制裁名单",
    "黑名单",
    "出口管制管控名单",
)
_SANCTIONED = frozenset({EntityType.COMPANY, EntityType.PERSON, EntityType.ORGANIZATION})
_IMPORTERS = frozenset({EntityType.COUNTRY, EntityType.COMPANY})

RULES: tuple[Rule, ...] = (
    Rule(
        "zh.ban.on",
        Predicate.BANS,
        _BAN,
        "S ~~ 对 ~ O< ~~ V",
        STATES,
        _BANNED,
        0.75,
        examples=(Example("商务部宣布对镓、锗相关物项实施出口管制。", "商务部", "镓"),),
    ),
    Rule(
        "zh.ban.svo",
        Predicate.BANS,
        _BAN,
        "S ~~ V ~ O",
        STATES,
        _BANNED,
        0.7,
        examples=(
            Example(
                "海关总署3月4日暂停进口美国普渡谷物公司的大豆。", "海关总署", "美国普渡谷物公司"
            ),
        ),
    ),
    Rule(
        "zh.ban.passive",
        Predicate.BANS,
        _BAN,
        "O^ ~~ 被 S ~ V",
        STATES,
        _BANNED,
        0.7,
        examples=(
            Example(
                "澳大利亚星河肉类有限公司的出口资格被海关总署暂停。",
                "海关总署",
                "澳大利亚星河肉类有限公司",
            ),
        ),
    ),
    Rule(
        "zh.lift.svo",
        Predicate.LIFTS_BAN,
        _LIFT,
        "S ~~ V ~ O",
        STATES,
        _BANNED,
        0.7,
        examples=(Example("海关总署决定恢复进口日本水产品。", "海关总署", "日本水产品"),),
    ),
    Rule(
        "zh.lift.on",
        Predicate.LIFTS_BAN,
        _LIFT,
        "S ~~ 对 ~ O< ~~ V",
        STATES,
        _BANNED,
        0.7,
        examples=(
            Example("商务部宣布对斯凯迪克有限公司解除出口管制措施。", "商务部", "斯凯迪克有限公司"),
        ),
    ),
    Rule(
        # "澳大利亚龙虾恢复输华": the goods may go to China again, so China lifted its ban
        "zh.lift.to_china",
        Predicate.LIFTS_BAN,
        ("恢复输华", "恢复对华出口", "恢复出口中国", "恢复向中国出口", "重新输华"),
        "O ~ V",
        STATES,
        GOODS,
        0.65,
        examples=(Example("北方牧场的牛肉获准恢复输华。", "中国", "牛肉"),),
        subject_named="中国",
    ),
    Rule(
        # "澳大利亚龙虾暂停输华": the goods may not go to China, so China bans them
        "zh.ban.to_china",
        Predicate.BANS,
        ("暂停输华", "禁止输华", "停止输华", "暂停对华出口"),
        "O ~ V",
        STATES,
        GOODS,
        0.65,
        examples=(Example("该州的龙虾此前被暂停输华。", "中国", "龙虾"),),
        subject_named="中国",
    ),
    Rule(
        "zh.tariff.on",
        Predicate.IMPOSES_TARIFF,
        _TARIFF,
        "S ~~ 对 ~ O< ~~ V",
        STATES,
        _TAXED,
        0.75,
        examples=(
            Example(
                "国务院关税税则委员会宣布对原产于美国的大豆加征10%关税。",
                "国务院关税税则委员会",
                "美国大豆",
            ),
        ),
        unless=_TARIFF_ENDS,
    ),
    Rule(
        "zh.lift.tariff",
        Predicate.LIFTS_BAN,
        _TARIFF,
        "S ~~ 对 ~ O< ~~ V",
        STATES,
        _TAXED,
        0.7,
        examples=(
            Example(
                "商务部宣布，自5月1日起终止对原产于美国的高粱征收反倾销税。", "商务部", "美国高粱"
            ),
        ),
        needs=_TARIFF_ENDS,
    ),
    Rule(
        "zh.tariff.measure",
        Predicate.IMPOSES_TARIFF,
        ("临时反倾销措施", "反倾销措施", "反补贴措施", "保证金形式"),
        "O ~~ S ~~ 实施|采取|采用 ~ V",
        STATES,
        frozenset({EntityType.COMMODITY, EntityType.PRODUCT}),
        0.7,
        examples=(
            Example(
                "商务部裁定原产于韩国的进口氯丁橡胶存在倾销，决定自7月1日起实施临时反倾销措施。",
                "China",
                "韩国氯丁橡胶",
            ),
        ),
        object_from_context=True,
        unless=_TARIFF_ENDS,
    ),
    Rule(
        "zh.tariff.svo",
        Predicate.IMPOSES_TARIFF,
        ("加征关税", "征收关税", "征收反倾销税"),
        "S ~~ 向|对 O ~ V",
        STATES,
        _TAXED,
        0.7,
        examples=(Example("美国宣布向越南征收关税。", "美国", "越南"),),
        unless=_TARIFF_ENDS,
    ),
    Rule(
        "zh.sanction.list",
        Predicate.SANCTIONS,
        SANCTION_LISTS,
        "S ~~ 将|把 ~ O ~~ V",
        STATES,
        _SANCTIONED,
        0.8,
        examples=(
            Example("商务部将洛克希德·马丁公司列入不可靠实体清单。", "商务部", "洛克希德·马丁公司"),
        ),
        subject_from_context=True,
    ),
    Rule(
        "zh.sanction.on",
        Predicate.SANCTIONS,
        ("制裁", "反制措施", "反制"),
        "S ~~ 对 ~ O< ~~ V",
        STATES,
        _SANCTIONED,
        0.75,
        examples=(
            Example(
                "外交部宣布对雷神导弹系统有限公司采取反制措施。", "外交部", "雷神导弹系统有限公司"
            ),
        ),
    ),
    Rule(
        "zh.sanction.svo",
        Predicate.SANCTIONS,
        ("制裁",),
        "S ~~ V ~ O",
        STATES,
        _SANCTIONED,
        0.7,
        examples=(
            Example(
                "美国财政部制裁了中国石油化工集团有限公司旗下炼厂。",
                "美国财政部",
                "中国石油化工集团有限公司",
            ),
        ),
    ),
    # "受制裁的企业共计20家，其中包括A、B和C": a roster of the sanctioned names them
    Rule(
        "zh.sanction.roster",
        Predicate.SANCTIONS,
        ("受制裁", "被制裁", "反制清单", "制裁名单", "反制名单"),
        "S ~~ V ~~ 包括 O",
        STATES,
        _SANCTIONED,
        0.7,
        examples=(
            Example(
                "外交部宣布对美国军工企业采取反制措施，受制裁的企业共计3家，其中包括凯斯特雷尔动力公司。",
                "外交部",
                "凯斯特雷尔动力公司",
            ),
        ),
        subject_from_context=True,
    ),
    # "中方对10名高管实施了制裁。名单中包括A、B": the list of the state's last act
    Rule(
        "zh.sanction.named_list",
        Predicate.SANCTIONS,
        ("名单中包括", "名单包括", "名单上包括"),
        "S ~~ V ~ O",
        STATES,
        frozenset({EntityType.PERSON}),  # firms named here are the people's employers
        0.6,
        examples=(
            Example(
                "外交部对两名高管实施制裁，名单中包括诺维克公司的创始人卡尔·韦伯。",
                "外交部",
                "卡尔·韦伯",
            ),
        ),
        subject_from_context=True,
    ),
    Rule(
        "zh.sanction.passive",
        Predicate.SANCTIONS,
        SANCTION_LISTS + ("制裁",),
        "O^ ~~ 被 S ~~ V",
        STATES,
        _SANCTIONED,
        0.75,
        examples=(Example("浪潮集团被美国商务部列入实体清单。", "美国商务部", "浪潮集团"),),
    ),
    Rule(
        "zh.import.svo",
        Predicate.IMPORTS,
        ("进口",),
        "S ~ V ~ O",
        _IMPORTERS,
        GOODS,
        0.6,
        examples=(Example("中国今年进口大豆超过1亿吨。", "中国", "大豆"),),
        # "…；进口原油4亿吨": a sentence with no subject imports for the state acting before
        # (tests/extractor_zh/test_round10_constructions.py; an example is one sentence)
        # "将禁止美国销售及进口…": a ban on importing is no import
        unless=("禁止", "禁售", "暂停", "停止"),
        subject_from_context=True,
    ),
    Rule(
        "zh.import.buys",
        Predicate.IMPORTS,
        ("采购", "购买", "购入"),
        "S ~ V ~ O",
        frozenset({EntityType.COUNTRY}),
        GOODS,
        0.6,
        examples=(Example("印度今年采购大豆超过500万吨。", "印度", "大豆"),),
    ),
    Rule(
        "zh.import.noun",
        Predicate.IMPORTS,
        ("进口",),
        "S 的 ~ O V",
        _IMPORTERS,
        GOODS,
        0.6,
        examples=(Example("日本的液化天然气进口主要来自澳大利亚。", "日本", "液化天然气"),),
    ),
)
