"""Word tables of Chinese business news: what kind of name a word ends, what a title
is, which words point back to an entity already named.

Data only; the modules that read them say how.
"""

from __future__ import annotations

import re

from sinograph.graph.model.ontology import EntityType

__all__ = [
    "ANAPHORS",
    "BODY_SUFFIXES",
    "COMMODITY_WORDS",
    "COMPANY_SUFFIXES",
    "INDUSTRY_SUFFIXES",
    "INVESTOR_KIND",
    "FOUNDING_TITLES",
    "LEADING_TITLES",
    "LEGAL_FORMS",
    "NAME_BREAKERS",
    "ORGANIZATION_SUFFIXES",
    "PLACE_SUFFIXES",
    "SPEECH_VERBS",
    "SURNAMES",
    "TAGGER_WORDS",
    "TITLES",
    "words",
]


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``."""
    return frozenset(text.split())


# A kind of investor, not a name ("产业资本金鼎资本": industrial capital, 金鼎资本).
INVESTOR_KIND = re.compile(
    r"^(?:产业|PE|VC|美元|人民币|国际化?|政府引导|市场化|知名|头部|国有|国资|战略|财务|券商|"
    r"险资|外资|私募|创投|老牌|新锐|一线|地方|产业投资|专业)(?:资本|基金|机构|投资机构|投资方)$"
)

# A name ending in one of these is a firm ("紫金矿业集团股份有限公司", "国信证券").
COMPANY_SUFFIXES = words(
    """集团股份有限公司 控股集团有限公司 集团有限公司 控股有限公司 股份有限公司 有限责任公司
    有限公司 股份公司 集团公司 总公司 公司 集团 控股 股份 银行 证券 期货 基金 保险 信托 资本 资管
    会计师事务所 律师事务所 事务所 交易所 分所 分行 控股集团 创投"""
)
# Industry words that end a firm's name only after a proper name ("吉润汽车", "欣旺达电子").
INDUSTRY_SUFFIXES = words(
    """科技 汽车 矿业 能源 电子 电器 电力 地产 置业 药业 制药 医药 生物 航空 物流 半导体 智能
    传媒 实业 化工 钢铁 新能源 电气 通信 微电子 光电 材料 重工 建工 石化 燃气 水务 环保 机器人
    动力 锂业 钴业 电池 食品 酒业 乳业 传感 软件 电商 速递 快递 速运 轮胎 味业 水泥 玻璃
    船舶 造船 纸业 煤业 稀土 百货 影视 游戏"""
)
# Words a name cannot begin with, though they precede suffixes ("退市公司上海龙宇…").
NAME_BREAKERS = words(
    """的 在 对 向 被 由 将 把 与 和 及 以及 或 同 跟 从 自 于 为 是 已 拟 将于 并 也 还 及其
    其 该 此 这 那 公司 企业 退市 上市公司 旗下 子公司 控股股东 股东 母公司 龙头 全资 作为
    其中 包括 以 等 家 多家 一家 两家 这家 该家 涉及 收购 出售 投资 成立 宣布 公告 发布
    表示 称 显示 披露 据 根据 依据 今年 去年 此前 目前 近日 日前 同时 此外 另外 但 而 且
    即 则 就 均 都 历任 曾任 曾担任 先后担任 担任 出任 兼任
    全资子公司 控股子公司 全资孙公司 附属公司 全资附属公司 关联方 关联人 非关联人 非关联方
    一致行动人 间接控股股东 实际控制人 实控人 关联 参股公司 参股 控股公司 下属 本次 此次 认缴 出资
    又 曾 已经 正在 一直 合计 共计 共 达 约 超 近 月 日 年 国内 境内 境外
    海外 我国 各 多 几 某 个 位 名 只 原 前 后 上 下 总 副 讯 电 日电 报道 消息 投资者 投资人 投资方
    基石投资者"""
)
# Legal forms: a known name followed only by these is the same entity.
LEGAL_FORMS = words(
    """集团股份有限公司 控股集团有限公司 集团有限公司 控股有限公司 股份有限公司 有限责任公司
    有限公司 股份公司 集团公司 公司 集团 控股 股份 控股集团 (中国) （中国）"""
)
# A name ending in one of these is a government body ("湖北证监局", "商务部").
BODY_SUFFIXES = words(
    """部 委 委员会 总局 局 署 厅 办公室 办 监管局 证监局 银保监局 管理局 监督管理局 海关 法院
    检察院 政府 人民政府 国务院 税务局 外汇局 监管总局"""
)
# A name ending in one of these is a non-commercial body.
ORGANIZATION_SUFFIXES = words(
    """研究院 研究所 研究中心 协会 学会 商会 联合会 大学 学院 基金会 联盟 理事会 组织 智库
    实验室"""
)
PLACE_SUFFIXES = words("""省 市 县 区 州 镇 自治区 特别行政区 新区 开发区 自贸区""")

# Titles before or after a person's name; the value says whether holding it LEADS.
TITLES: dict[str, bool] = {
    "董事长": True,
    "董事会主席": True,
    "主席": True,
    "总裁": True,
    "首席执行官": True,
    "CEO": True,
    "总经理": True,
    "行长": True,
    "董事长兼总裁": True,
    "董事长兼首席执行官": True,
    "创始人": True,
    "联合创始人": True,
    "创办人": True,
    "共同创始人": True,
    "掌门人": True,
    "党委书记": True,
    "书记": True,
    "部长": True,
    "局长": True,
    "署长": True,
    "主任": True,
    "院长": True,
    "会长": True,
    "社长": True,
    "总理": True,
    "总统": True,
    "首相": True,
    "执行董事": False,
    "副董事长": False,
    "副总裁": False,
    "高级副总裁": False,
    "副总经理": False,
    "首席财务官": False,
    "财务总监": False,
    "CFO": False,
    "COO": False,
    "CTO": False,
    "CMO": False,
    "首席营销官": False,
    "首席运营官": False,
    "首席技术官": False,
    "首席经济学家": False,
    "经济学家": False,
    "分析师": False,
    "研究员": False,
    "首席分析师": False,
    "副院长": False,
    "副所长": False,
    "副行长": False,
    "副部长": False,
    "副局长": False,
    "副主任": False,
    "董事": False,
    "独立董事": False,
    "董秘": False,
    "监事": False,
    "监事会主席": False,
    "董事会秘书": False,
    "发言人": False,
    "新闻发言人": False,
    "合伙人": False,
    "专员": False,
    "贸易专员": False,
    "负责人": False,
    "高管": False,
    "总监": False,
}
LEADING_TITLES = frozenset(t for t, leads in TITLES.items() if leads)
# Titles that say who founded the firm (FOUNDED), not who runs it now.
FOUNDING_TITLES = frozenset({"创始人", "联合创始人", "创办人", "共同创始人"})

# Words after a person's name that say a person spoke.
SPEECH_VERBS = words(
    """表示 称 说 指出 认为 强调 透露 告诉 介绍 坦言 直言 回应 谈到 提到 预计 分析 解释"""
)

# Words that point back to the story's firm or body ("公司因…被罚", "该公司").
ANAPHORS: dict[str, frozenset[EntityType]] = {
    "公司": frozenset({EntityType.COMPANY}),
    "该公司": frozenset({EntityType.COMPANY}),
    "本公司": frozenset({EntityType.COMPANY}),
    "其": frozenset({EntityType.COMPANY}),
    "该集团": frozenset({EntityType.COMPANY}),
    "集团": frozenset({EntityType.COMPANY}),
    "本集团": frozenset({EntityType.COMPANY}),
    "该行": frozenset({EntityType.COMPANY}),
    "中方": frozenset({EntityType.COUNTRY}),
    "我国": frozenset({EntityType.COUNTRY}),
}

# Goods traded, banned or taxed; an origin before them makes them specific
# ("加拿大油菜籽", "欧盟白兰地"). Registry commodities are found by their own names.
COMMODITY_WORDS = words(
    """白兰地 葡萄酒 烈酒 油菜籽 菜籽油 大豆 猪肉 牛肉 禽肉 鸡肉 水产品 海产品 海鲜 龙虾 乳制品
    奶粉 小麦 玉米 大麦 高粱 棉花 食糖 稀土 镓 锗 锑 石墨 钨 钼 铟 铋 碲 锂 钴 镍 铜 铝 钢铁 钢材
    铁矿石 煤炭 原油 天然气 液化天然气 光伏产品 光伏组件 多晶硅 太阳能电池 电动汽车 电动车
    新能源汽车 燃油车 汽车 芯片 半导体 晶圆 存储芯片 无人机 农产品 化肥 聚甲醛 丁醇 卤化丁基橡胶
    不锈钢 铝箔 木材 原木 水果 樱桃 榴莲 红酒"""
)

# Common family names: a title followed by one of these starts a person's name.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞"
    "左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕"
    "屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧"
    "闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝花"
)

# Words of filings and business news the tagger must keep whole, with their tag:
# jieba's dictionary cuts "关联人大基金" into "关联/人大/基金" and "一致行动人东旭" into
# "一致/行动人东旭". The nouns also break names (see NAME_BREAKERS).
TAGGER_WORDS: dict[str, str] = {
    **dict.fromkeys(
        words(
            """关联人 非关联人 关联方 非关联方 一致行动人 控股股东 间接控股股东 实际控制人
            实控人 全资子公司 控股子公司 参股公司 全资孙公司 董事会秘书 立案告知书
            行政处罚决定书 事先告知书 警示函 监管函 问询函 不可靠实体清单 实体清单 反倾销税
            反补贴税 战略合作协议 合资公司 募集资金 归母净利润 扣非净利润 营业收入
            有限责任公司"""
        ),
        "n",
    ),
    **dict.fromkeys(
        words(
            """吸收合并 换股吸收合并 加征关税 同比增长 同比下降 立案调查 对应 代行 领投 跟投
            参投 联合领投"""
        ),
        "v",
    ),
}
