"""Products: who develops, releases and open-sources them."""

from __future__ import annotations

from sinograph.graph.model.ontology import EntityType, Predicate
from sinograph.loaders.extract.zh.rule import COMPANIES, Example, Rule

__all__ = ["RULES"]

_MAKERS = COMPANIES | {EntityType.ORGANIZATION}
_PRODUCTS = frozenset({EntityType.PRODUCT})
_RELEASE = ("发布", "推出", "上线", "发布了", "推出了", "正式发布", "亮相", "首发", "交付", "首秀")

RULES: tuple[Rule, ...] = (
    Rule(
        "zh.release.svo",
        Predicate.RELEASES,
        _RELEASE,
        "S ~~ V ~ O",
        _MAKERS,
        _PRODUCTS,
        0.75,
        examples=(Example("深度求索1月20日发布推理模型DeepSeek-R1。", "深度求索", "DeepSeek-R1"),),
    ),
    # "发布全球首款…的超充电池——神行超充电池": the name after a dash, however long the
    # description of the product before it
    Rule(
        "zh.release.dashed",
        Predicate.RELEASES,
        _RELEASE,
        "S ~~ V ~~ — — O",
        _MAKERS,
        _PRODUCTS,
        0.7,
        examples=(
            Example(
                "比亚迪推出一款续航更长、成本更低的固态电池——金刚固态电池。",
                "比亚迪",
                "金刚固态电池",
            ),
        ),
    ),
    Rule(
        "zh.release.debut",
        Predicate.RELEASES,
        ("首秀", "完成首秀", "亮相", "首发", "正式上市", "上市销售", "开售", "发售"),
        "S ~~ O ~~ V",
        _MAKERS,
        _PRODUCTS,
        0.65,
        examples=(Example("蔚来发布公告称，新车型“乐道L60”将于9月正式上市。", "蔚来", "乐道L60"),),
        subject_from_firm=True,
        # "发售股份": shares offered, not a product
        not_before=("股", "新股", "的股份"),
    ),
    # "华为Mate 80手机将于本月正式发布": a release the maker announces ahead
    Rule(
        "zh.release.scheduled",
        Predicate.RELEASES,
        ("发布", "正式发布", "推出", "上市", "正式上市"),
        "S ~~ O ~ 将于|将在|于|已于 ~ V",
        _MAKERS,
        _PRODUCTS,
        0.65,
        examples=(
            Example("小米宣布，小米SU9将于下月正式发布。", "小米", "小米SU9"),
        ),
        subject_from_firm=True,
    ),
    Rule(
        "zh.develops.svo",
        Predicate.DEVELOPS,
        ("研发", "开发", "自研", "研制", "打造", "自主研发", "训练"),
        "S ~~ V ~ O",
        _MAKERS,
        _PRODUCTS,
        0.7,
        examples=(Example("科大讯飞自主研发了星火认知大模型“讯飞星火”。", "科大讯飞", "讯飞星火"),),
    ),
    Rule(
        "zh.develops.by",
        Predicate.DEVELOPS,
        ("研发", "开发", "自研", "研制", "打造", "推出"),
        "O ~ 由 S V",
        _MAKERS,
        _PRODUCTS,
        0.7,
        examples=(Example("“通义千问”由阿里云研发。", "阿里云", "通义千问"),),
    ),
    Rule(
        "zh.open_source.svo",
        Predicate.OPEN_SOURCES,
        ("开源",),
        "S ~~ V ~ O",
        _MAKERS,
        _PRODUCTS,
        0.75,
        examples=(Example("阿里云宣布开源Qwen2.5-Max模型。", "阿里云", "Qwen2.5-Max"),),
    ),
    # "公开了两个模型的权重：A和B": publishing a model's weights opens it
    Rule(
        "zh.open_source.weights",
        Predicate.OPEN_SOURCES,
        ("权重", "模型权重"),
        "S ~~ 公开|开放|发布|放出 ~ V :|：|为|包括 O",
        _MAKERS,
        _PRODUCTS,
        0.7,
        examples=(
            Example("智谱还公开了两个模型的权重：GLM-4.5和GLM-4.5-Air。", "智谱", "GLM-4.5-Air"),
        ),
    ),
    Rule(
        "zh.open_source.attribute",
        Predicate.OPEN_SOURCES,
        ("开源",),
        "V 的 ~ O",
        _MAKERS,
        _PRODUCTS,
        0.65,
        examples=(Example("另一款开源的百度文心X1模型已可下载。", "百度", "百度文心X1"),),
        subject_from_owner=True,
    ),
    Rule(
        "zh.open_source.is_by",
        Predicate.OPEN_SOURCES,
        ("开源",),
        "O ~ 是|为|系 S V 的",
        _MAKERS,
        _PRODUCTS,
        0.7,
        examples=(Example("Lumo-Coder是字节跳动开源的一款代码大模型。", "字节跳动", "Lumo-Coder"),),
    ),
    Rule(
        "zh.open_source.object_first",
        Predicate.OPEN_SOURCES,
        ("开源",),
        "S ~~ 将|把 O ~ V",
        _MAKERS,
        _PRODUCTS,
        0.75,
        examples=(Example("百度宣布将Ernie 4.5系列模型开源。", "百度", "Ernie 4.5"),),
    ),
)
