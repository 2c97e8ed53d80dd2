"""Regulators at work: fines, investigations, approvals, audits, suspensions."""

from __future__ import annotations

from sinograph.graph.model.ontology import EntityType, Predicate
from sinograph.loaders.extract.zh.rule import BODIES, COMPANIES, STATES, Example, Rule

__all__ = ["RULES"]

_PUNISHED = frozenset({EntityType.COMPANY, EntityType.PERSON})
_FINE = ("罚款", "罚没", "行政处罚", "罚单", "处以", "顶格罚款", "处罚", "罚金", "没收违法所得")
_PROBED = frozenset(
    {EntityType.COMPANY, EntityType.PERSON, EntityType.COMMODITY, EntityType.PRODUCT}
)
_PROBE = (
    "立案调查",
    "立案",
    "调查",
    "反垄断调查",
    "反倾销调查",
    "反补贴调查",
    "专项检查",
    "反倾销立案调查",
    "审查",
    "稽查",
    "现场检查",
    "安全审查",
    "约谈",
    "复审",
    "期终复审",
    "审查调查",
)
_APPROVE = ("批准", "核准", "附条件批准", "无条件批准", "批复", "同意注册", "注册生效", "获批")
_APPROVERS = BODIES | {EntityType.ORGANIZATION, EntityType.COMPANY, EntityType.COUNTRY}

RULES: tuple[Rule, ...] = (
    Rule(
        "zh.fine.on",
        Predicate.FINES,
        _FINE,
        "S ~~ 对|向 ~ O< ~~ V",
        BODIES,
        _PUNISHED,
        0.8,
        examples=(
            Example(
                "10月9日，广东证监局对深圳市华信达科技有限公司罚款300万元。",
                "广东证监局",
                "深圳市华信达科技有限公司",
            ),
            Example("市场监管总局对美团作出行政处罚，罚款34.42亿元。", "市场监管总局", "美团"),
        ),
        amount=True,
        subject_from_context=True,
    ),
    # "作出行政处罚决定，责令知网停止违法行为，并处以8760万元罚款": the one ordered is fined
    Rule(
        "zh.fine.ordered",
        Predicate.FINES,
        ("罚款", "罚没", "罚金"),
        "S ~~ 责令 O< ~~ V",
        BODIES,
        _PUNISHED,
        0.75,
        examples=(
            Example(
                "市场监管总局依法作出行政处罚决定，责令美团停止违法行为，并处以罚款。",
                "市场监管总局",
                "美团",
            ),
        ),
        amount=True,
        subject_from_context=True,
    ),
    Rule(
        "zh.fine.passive",
        Predicate.FINES,
        _FINE,
        "O^ ~~ 被|遭 S ~ V",
        BODIES,
        _PUNISHED,
        0.8,
        examples=(
            Example(
                "安徽东方纸业有限公司被安徽证监局罚款120万元。",
                "安徽证监局",
                "安徽东方纸业有限公司",
            ),
        ),
        amount=True,
    ),
    Rule(
        "zh.fine.passive_bare",
        Predicate.FINES,
        ("罚款", "罚没", "处罚", "行政处罚", "罚单"),
        "S ~~ O^ ~~ 被|遭 V",
        BODIES,
        _PUNISHED,
        0.7,
        examples=(
            Example(
                "据国家金融监督管理总局披露，华北商业银行因贷款管理不审慎，被罚款1200万元。",
                "国家金融监督管理总局",
                "华北商业银行",
            ),
        ),
        amount=True,
        subject_from_context=True,
    ),
    Rule(
        "zh.fine.received",
        Predicate.FINES,
        ("行政处罚", "处罚决定书", "事先告知书"),
        "O^ ~ 收到|接到|收到了 S ~ V",
        BODIES,
        _PUNISHED,
        0.75,
        examples=(
            Example(
                "南方华电股份有限公司收到江苏证监局行政处罚决定书，被罚款80万元。",
                "江苏证监局",
                "南方华电股份有限公司",
            ),
        ),
        amount=True,
    ),
    # "印度执法局搜查了小米公司的办公室": a raid is a probe of the firm raided
    Rule(
        "zh.probe.raid",
        Predicate.INVESTIGATES,
        ("搜查", "突击搜查", "突击检查", "查抄"),
        "S ~ V ~ O",
        STATES,
        _PROBED,
        0.7,
        examples=(
            Example("印度执法局搜查了小米公司在印度的办公室。", "印度执法局", "小米公司"),
        ),
    ),
    Rule(
        "zh.probe.on",
        Predicate.INVESTIGATES,
        _PROBE,
        "S ~~ 对 ~ O< ~~ V",
        STATES,
        _PROBED,
        0.75,
        examples=(
            Example("市场监管总局依法对高通公司开展立案调查。", "市场监管总局", "高通公司"),
            Example("商务部去年1月对原产于欧盟的猪肉启动反倾销调查。", "商务部", "欧盟猪肉"),
        ),
        subject_from_context=True,
    ),
    Rule(
        "zh.probe.passive",
        Predicate.INVESTIGATES,
        _PROBE,
        "O^ ~~ 被|遭 S ~ V",
        STATES,
        _PROBED,
        0.75,
        examples=(
            Example(
                "华东医药科技有限公司因涉嫌信息披露违规被证监会立案调查。",
                "证监会",
                "华东医药科技有限公司",
            ),
        ),
    ),
    Rule(
        "zh.probe.notice",
        Predicate.INVESTIGATES,
        ("立案告知书", "调查通知书", "立案调查通知书", "立案通知书"),
        "O ~~ 收到|接到|收到了 S ~~ V",
        STATES,
        _PROBED,
        0.75,
        examples=(
            Example(
                "南岭智能董事长周立新、董事会秘书王海峰于6月3日收到证监会下发的《立案告知书》。",
                "证监会",
                "王海峰",
            ),
        ),
    ),
    Rule(
        "zh.probe.passive_bare",
        Predicate.INVESTIGATES,
        ("立案调查", "立案", "调查"),
        "S ~~ O^ ~~ 被|遭 V",
        STATES,
        _PROBED,
        0.65,
        examples=(
            Example(
                "证监会9月6日通报，南岭智能装备股份有限公司因涉嫌信息披露违规被立案调查。",
                "证监会",
                "南岭智能装备股份有限公司",
            ),
        ),
        subject_from_context=True,
    ),
    Rule(
        "zh.approve.svo",
        Predicate.APPROVES,
        _APPROVE,
        "S ~ V ~ O",
        _APPROVERS,
        frozenset(EntityType) - {EntityType.PERSON},
        0.7,
        examples=(Example("国家药监局批准百济神州的新药上市。", "国家药监局", "百济神州"),),
    ),
    Rule(
        "zh.approve.agrees",
        Predicate.APPROVES,
        ("同意", "原则同意"),
        "S ~~ V ~ O",
        BODIES,
        frozenset({EntityType.COMPANY}),
        0.65,
        examples=(
            Example(
                "江西省国资委下发通知，同意华东钢铁集团对江北钢铁集团实施重组。",
                "江西省国资委",
                "华东钢铁集团",
            ),
        ),
    ),
    Rule(
        "zh.approve.passive",
        Predicate.APPROVES,
        _APPROVE,
        "O^ ~~ 获|获得|通过|经 S ~ V",
        _APPROVERS,
        frozenset(EntityType) - {EntityType.PERSON},
        0.7,
        examples=(
            Example(
                "华大科技股份有限公司的重组方案获证监会批准。", "证监会", "华大科技股份有限公司"
            ),
        ),
    ),
    Rule(
        "zh.audit.of",
        Predicate.AUDITS,
        ("审计机构", "审计师", "核数师"),
        "O ~ V 的 S",
        COMPANIES,
        COMPANIES,
        0.7,
        examples=(
            Example(
                "作为碧桂园审计机构的安永华明会计师事务所受到调查。",
                "安永华明会计师事务所",
                "碧桂园",
            ),
        ),
    ),
    Rule(
        "zh.audit.is",
        Predicate.AUDITS,
        ("审计机构", "审计师", "核数师"),
        "S ~ 为|是|担任 O ~ V",
        COMPANIES,
        COMPANIES,
        0.7,
        examples=(
            Example(
                "德勤华永会计师事务所是万达商业管理集团的审计机构。",
                "德勤华永会计师事务所",
                "万达商业管理集团",
            ),
        ),
    ),
    # "海通证券拟改聘立信会计师事务所为公司2024年度审计机构": who is hired audits the hirer
    Rule(
        "zh.audit.hired",
        Predicate.AUDITS,
        ("审计机构", "审计师", "核数师", "境内审计师", "境外审计师"),
        "O^ ~~ 聘任|聘请|改聘|续聘|拟聘|选聘 S 为 ~ V",
        COMPANIES,
        COMPANIES,
        0.7,
        examples=(
            Example(
                "北江精密有限公司拟续聘天衡会计师事务所为公司2025年度审计机构。",
                "天衡会计师事务所",
                "北江精密有限公司",
            ),
        ),
    ),
    Rule(
        "zh.ban.suspend_business",
        Predicate.BANS,
        ("暂停经营业务", "暂停业务", "吊销"),
        "S ~~ 对 ~ O< ~~ V",
        BODIES,
        COMPANIES,
        0.7,
        examples=(
            Example("财政部对大华会计师事务所暂停经营业务6个月。", "财政部", "大华会计师事务所"),
        ),
        subject_from_context=True,
    ),
)
