"""People and their posts: titles, appointments, departures."""

from __future__ import annotations

from sinograph.graph.model.ontology import EntityType, Predicate
from sinograph.loaders.extract.zh.lexicon import TITLES
from sinograph.loaders.extract.zh.rule import PEOPLE, Example, Rule

__all__ = ["RULES"]

_ORGS = frozenset(
    {EntityType.COMPANY, EntityType.GOVERNMENT_BODY, EntityType.ORGANIZATION, EntityType.COUNTRY}
)
_TITLE_WORDS = tuple(TITLES)

_POSTS = (
    "董事长",
    "总裁",
    "首席执行官",
    "总经理",
    "CEO",
    "董事会主席",
    "副董事长",
    "副总裁",
    "副总经理",
    "首席财务官",
    "财务总监",
    "董事会秘书",
    "董秘",
    "执行董事",
    "董事",
)
# Founders' titles: "创始人X" reads as FOUNDED; a bracketed tenure ("时任…") is a post only
_FOUNDERS = ("创始人", "联合创始人", "创办人")
_TENURE_TITLES = (*_POSTS, "监事", "监事会主席")
_FIRM_TITLES = (*_POSTS, *_FOUNDERS)

RULES: tuple[Rule, ...] = (
    Rule(
        "zh.role.firm_title",
        Predicate.LEADS,
        _FIRM_TITLES,
        "O V S",
        PEOPLE,
        frozenset({EntityType.COMPANY}),
        0.7,
        examples=(
            Example(
                "海天味业股份有限公司发布公告称，公司董事会收到董事长庞康的辞职报告。",
                "庞康",
                "海天味业股份有限公司",
            ),
        ),
        by_title=True,
        object_from_context=True,
    ),
    # "对周明远(时任财务总监)给予警告": the post in brackets, at the firm the story is about
    Rule(
        "zh.role.tenure_after_object",
        Predicate.LEADS,
        _TENURE_TITLES,
        "O ~~ 对|向|给 S 时任|现任 ~ V",
        PEOPLE,
        frozenset({EntityType.COMPANY}),
        0.65,
        examples=(
            Example(
                "证监会对华辰电子股份有限公司作出处罚，对周明远(时任财务总监)给予警告。",
                "周明远",
                "华辰电子股份有限公司",
            ),
        ),
        by_title=True,
        object_from_context=True,
    ),
    Rule(
        "zh.role.tenure_after_name",
        Predicate.LEADS,
        _TENURE_TITLES,
        "O ~~ S 时任|现任 ~ V",
        PEOPLE,
        frozenset({EntityType.COMPANY}),
        0.65,
        examples=(
            Example(
                "华辰电子股份有限公司公告称，周明远(现任总经理)将代为履行董事长职责。",
                "周明远",
                "华辰电子股份有限公司",
            ),
        ),
        by_title=True,
        object_from_context=True,
    ),
    Rule(
        "zh.role.title_before_name",
        Predicate.LEADS,
        _TITLE_WORDS,
        "O ~ V S",
        PEOPLE,
        _ORGS,
        0.8,
        examples=(
            Example("紫金矿业董事长陈景河表示，公司将加快海外布局。", "陈景河", "紫金矿业"),
            Example("比亚迪董事长、总裁王传福出席发布会。", "王传福", "比亚迪"),
            Example("中金公司首席经济学家彭文生认为，政策仍有空间。", "彭文生", "中金公司"),
        ),
        by_title=True,
    ),
    Rule(
        "zh.role.name_then_org",
        Predicate.LEADS,
        _TITLE_WORDS,
        "S ， O ~ V",
        PEOPLE,
        _ORGS,
        0.7,
        examples=(Example("何小鹏，小鹏汽车董事长，当天宣布了新计划。", "何小鹏", "小鹏汽车"),),
        by_title=True,
    ),
    Rule(
        "zh.role.appointed",
        Predicate.LEADS,
        ("出任", "担任", "接任", "升任", "就任", "成为", "任", "现任", "兼任"),
        "S ~~ V O ~ T",
        PEOPLE,
        _ORGS,
        0.8,
        examples=(
            Example("2025年3月，周立新出任华润置地总裁。", "周立新", "华润置地"),
            Example("此前，梁文海任星海集团董事会副主席兼总裁。", "梁文海", "星海集团"),
            Example(
                "经北辰集团董事会决定，王立新将接替我成为北辰集团董事会主席。", "王立新", "北辰集团"
            ),
        ),
        by_title=True,
        starts=True,
    ),
    # "星河科技董事长张明辞职，由副总裁李华接任": the successor takes the post that was left
    Rule(
        "zh.role.successor",
        Predicate.LEADS,
        ("接任", "接替", "继任"),
        "O ~ T ~~ 由 ~ S V",
        PEOPLE,
        _ORGS,
        0.75,
        examples=(
            Example("北辰集团董事长王立新辞职，由副总裁陈华接任。", "陈华", "北辰集团"),
        ),
        by_title=True,
        starts=True,
    ),
    Rule(
        "zh.role.career",
        Predicate.LEADS,
        ("历任", "曾任", "曾担任", "先后担任", "先后任"),
        "S ~~ V O ~ T",
        PEOPLE,
        _ORGS,
        0.7,
        examples=(Example("林国华曾任招商银行行长、董事长。", "林国华", "招商银行"),),
        by_title=True,
    ),
    Rule(
        "zh.role.career_next",
        Predicate.LEADS,
        ("历任", "曾任", "曾担任", "先后担任", "先后任"),
        "S ~~ V ~ 、|，|,|及|和 O ~ T",
        PEOPLE,
        _ORGS,
        0.65,
        examples=(
            Example("林国华历任南方银行行长、中远海运集团董事长。", "林国华", "中远海运集团"),
        ),
        by_title=True,
    ),
    Rule(
        "zh.role.named_by",
        Predicate.LEADS,
        ("任命", "聘任", "委任", "聘请"),
        "O ~~ V S 为|担任 ~ T",
        PEOPLE,
        _ORGS,
        0.8,
        examples=(Example("4月1日，招商银行董事会任命王良为行长。", "王良", "招商银行"),),
        by_title=True,
        starts=True,
    ),
    Rule(
        "zh.role.title_is",
        # "法定代表人、执行董事为甲，总经理为乙": a firm's register lists its posts
        Predicate.LEADS,
        _POSTS,
        "O ~~ V 为 S",
        PEOPLE,
        frozenset({EntityType.COMPANY}),
        0.7,
        examples=(
            Example(
                "杭州星与海智能设备有限公司注册成立，法定代表人、执行董事为王明，总经理为梁文海。",
                "梁文海",
                "杭州星与海智能设备有限公司",
            ),
        ),
        by_title=True,
        object_from_context=True,
    ),
    Rule(
        "zh.role.named_by_second",
        # "聘任甲为首席执行官、乙为总裁": the second name of one appointing verb
        Predicate.LEADS,
        ("任命", "聘任", "委任", "聘请", "选举"),
        "O ~~ V ~~ 、 S 为 T",
        PEOPLE,
        _ORGS,
        0.75,
        examples=(
            Example(
                "星海集团董事会选举王明为董事会主席，聘任王明为首席执行官、梁文海为总裁。",
                "梁文海",
                "星海集团",
            ),
        ),
        by_title=True,
        object_from_context=True,
    ),
    Rule(
        "zh.role.elected",
        Predicate.LEADS,
        ("选举", "推选", "选聘", "补选"),
        "O ~~ V ~ S ~ 为|担任|出任 ~ T",
        PEOPLE,
        _ORGS,
        0.8,
        examples=(
            Example(
                "青松制药董事会于5月8日召开会议，选举林晓东先生为公司第三届董事会董事长。",
                "林晓东",
                "青松制药",
            ),
            # a title the person already holds stands between the verb and the name
            Example(
                "蓝湾港务股份有限公司于2025年4月2日召开董事会，推选董事何立平先生为公司董事长。",
                "何立平",
                "蓝湾港务股份有限公司",
            ),
        ),
        by_title=True,
        starts=True,
        object_from_context=True,
    ),
    Rule(
        "zh.role.acting",
        Predicate.LEADS,
        ("代行", "代为履行", "代为行使", "暂代"),
        "O ~ S ~ V T",
        PEOPLE,
        _ORGS,
        0.75,
        examples=(
            Example(
                "新董事长选出前，由蓝湾港务副董事长郑海波代行董事长职责。",
                "郑海波",
                "蓝湾港务",
            ),
        ),
        by_title=True,
        starts=True,
        object_from_context=True,
    ),
    Rule(
        "zh.role.resigns",
        Predicate.LEADS,
        ("辞去", "辞任", "卸任", "不再担任", "离任"),
        "S ~~ V O ~ T",
        PEOPLE,
        _ORGS,
        0.8,
        examples=(Example("6月5日，刘强辞去长城汽车总经理职务。", "刘强", "长城汽车"),),
        by_title=True,
        ends=True,
    ),
)
