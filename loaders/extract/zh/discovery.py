"""Names that no suffix marks, found by where they stand.

Chinese business news names most firms by a short name that carries no legal form
and that jieba's dictionary does not know (立讯精密, 士兰微, 天际股份, ST旭电). The
context says what they are:

* **a firm's cue after it** — ``X公告``, ``X发布公告称``, ``X董事长Y``, ``X旗下``,
  ``X股价``, ``X全资子公司``: X is a firm;
* **a counted list** — ``A、B和C三家公司``, ``A、B等5家银行``: every item is one;
* **a list with a known name in it** — ``宁德时代、欣旺达和亿纬锂能``: the unknown items
  are firms too; ``对陈梓、刘伶俐、张惠娟警告``: people when one of them is a person;
* **special treatment** — ``ST``/``*ST`` before a short name: a listed firm.

A candidate must look like a name: two to eight characters that start at a clause or
list boundary, with a word jieba tags as a proper name, or a word it does not know at
all (its model of unseen words cut it out: mostly names), or an industry word at its
end. A place alone, a common noun alone and the generic heads (``上市公司``) never are.

>>> from sinograph.loaders.extract import default_registry
>>> from sinograph.loaders.extract.zh.entities import EntityTable
>>> from sinograph.loaders.extract.zh.mentions import StoryState, read_sentence
>>> table = EntityTable(default_registry())
>>> units = read_sentence("8月28日，士兰微公告称将增资。", table, "2023-08-29", StoryState())
>>> [(u.text, table.get(u.entity).type.value) for u in units if u.kind == "entity"]
[('士兰微', 'Company')]
"""

from __future__ import annotations

import re

from sinograph.graph.model.ontology import EntityType
from sinograph.loaders.extract.zh.entities import EntityTable
from sinograph.loaders.extract.zh.lexicon import (
    COMPANY_SUFFIXES,
    INDUSTRY_SUFFIXES,
    INVESTOR_KIND,
    NAME_BREAKERS,
    SURNAMES,
    words,
)
from sinograph.loaders.extract.zh.names import has_han
from sinograph.loaders.extract.zh.segment import is_dictionary_word
from sinograph.loaders.extract.zh.units import Unit

__all__ = ["ITEM_ENDS", "coordinated_names", "firms_by_context", "investor_kind_width"]

# Words right after a name that only a firm takes ("士兰微公告", "万科董事会").
FIRM_CUES = words(
    """公告 公告称 发布公告 晚间公告 发布了公告 公告显示 董事会 股东大会 股价 股票 市值 旗下
    全资子公司 控股子公司 子公司 全资附属公司 年报 财报 半年报 招股书 招股说明书 董秘 官微
    官方微博 回应称 盘中 收盘 开盘 涨停 跌停 A股 H股 港股 领投 跟投 参投 联合领投"""
)
# Firm titles: "国泰君安董事长朱健" names the firm before the title.
FIRM_TITLES = words("""董事长 总裁 首席执行官 CEO 总经理 董事会主席 副董事长 副总裁 董事会秘书
    董秘 首席财务官 财务总监 执行董事 联合创始人 创始人""")
# Between a name and its cue: "嘉麟杰9月6日晚间公告".
_BETWEEN = words("""晚间 早间 午间 盘后 盘前 当晚 当日 今日 日前 近日 于 也 亦 同日 当天 此前""")
# Nouns a counted list of firms ends with ("5家A股上市公司", "三家厂商").
_FIRM_CLASSES = (
    "公司",
    "企业",
    "银行",
    "券商",
    "厂商",
    "车企",
    "房企",
    "险企",
    "机构",
    "集团",
    "供应商",
    "代工厂",
    "运营商",
    "交易所",
    "基金",
)
_COUNT_RE = re.compile(r"^(?:\d+|[一二三四五六七八九十两几多数]+)家$")
_NUMBER_RE = re.compile(r"^(?:\d+|[一二三四五六七八九十两几多数]+)$")
# Words that are never a whole name even though they stand where one does.
_NOT_NAMES = words(
    """公司 本公司 该公司 上市公司 企业 集团 本集团 该集团 双方 各方 对方 两家公司 其 其中
    监管 市场 投资者 股东 控股股东 大股东 董事会 管理层 官方 国内 海外 全球 行业 业内
    券商 银行 机构 中国 我国 国家 政府 记者 媒体 公告 分析师 人士 知情人士 消息人士
    外资 内资 民企 国企 央企 地方 该行 本行 该所 此次 本次 同时 此外 另外 随后 目前
    募资 融资 定增 增发 业绩 年度 年报 季报 半年报 重组 并购 增持 减持 回购 分红 停牌 复牌"""
)
# (the last line: kinds of filing, which stand before 公告 as a firm's name does:
# "三家公司披露的募资公告")
_PROPER = frozenset({"nr", "nrt", "nrfg", "nrf", "nz", "nt", "j", "eng"})
_BREAK = frozenset(
    {
        "x",
        "p",
        "c",
        "u",
        "uj",
        "ul",
        "uz",
        "ud",
        "ug",
        "uv",
        "d",
        "r",
        "t",
        "q",
        "y",
        "e",
        "o",
        "m",
        "f",
        "ad",
        "zg",
    }
)
_LIST_MARKS = frozenset({"、"})
_LIST_WORDS = frozenset({"和", "及", "与", "以及"})
_EXTRA_INDUSTRY = words(
    """精密 国际 黄金 材料 股份 控股 微电子 光学 电器 照明 环境 智造 数据 网络 信息 云 医疗
    健康 文化 旅游 教育 智能 银行 证券 资本 基金 资管 信托 保险 期货 租赁 地产 置地 发展 建设
    装备 机械 重工 精工 新材 芯片 集成 半导体 光伏 风电 储能 锂电 新能 能源 矿业 资源 农业
    牧业 食品 饮料 啤酒 医药 生物 药业 科技 技术 汽车 汽配 电池 电气 通信 电子 软件 传媒
    物流 航运 港口 高速 铁路 航空 钢铁 铝业 铜业 化工 石化 纺织 服饰 家居 家电 电力 轮胎 味业
    水泥 玻璃 船舶 造船 纸业 煤业 稀土 百货 影视 游戏"""
)


def firms_by_context(units: list[Unit], table: EntityTable) -> list[Unit]:
    """Units with short firm names found by their cues, counted lists, quotes and ``ST``."""
    units = _phases(units, table)
    units = _special_treatment(units, table)
    units = _before_cues(units, table)
    units = _deal_targets(units, table)
    units = _quoted_firms(units, table)
    return _counted_lists(units, table)


# Verbs whose object a quoted short name is a firm ("并控股“中化国际”").
_FIRM_OBJECT_VERBS = words("""控股 持有 收购 入股 参股 增持 减持 旗下 并购 投资 战略投资""")


def _quoted_firms(units: list[Unit], table: EntityTable) -> list[Unit]:
    """ "控股“中化国际”、“中化化肥”": a quoted short name after a verb that takes a firm,
    or in a list of quoted names one of which is a firm, is a firm."""
    spans = _quoted_spans(units)
    if not spans:
        return units
    listed: list[list[tuple[int, int]]] = [[spans[0]]]
    for a, b in spans[1:]:
        gap = _outside_brackets(units[listed[-1][-1][1] + 1 : a - 1])
        if all(u.text in _LIST_MARKS or u.text in _LIST_WORDS for u in gap) and len(gap) <= 1:
            listed[-1].append((a, b))
        else:
            listed.append([(a, b)])
    for group in reversed(listed):
        first_open = group[0][0] - 1
        cued = first_open > 0 and units[first_open - 1].text in _FIRM_OBJECT_VERBS
        has_firm = any(
            b - a == 1
            and units[a].kind == "entity"
            and table.get(units[a].entity).type is EntityType.COMPANY
            for a, b in group
        )
        for a, b in reversed(group):
            run = units[a:b]
            if any(u.kind != "word" for u in run):
                continue
            if (cued and _firm_like(run, strict=True)) or (
                has_firm and _firm_like(run, strict=False)
            ):
                _make(units, a, b, EntityType.COMPANY, table)
    return units


def _outside_brackets(units: list[Unit]) -> list[Unit]:
    """ "“中化国际”(SH, 600500)、“中化化肥”": a ticker in brackets is no gap."""
    out: list[Unit] = []
    depth = 0
    for unit in units:
        if unit.text in ("(", "（"):
            depth += 1
        elif unit.text in (")", "）"):
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(unit)
    return out


def _quoted_spans(units: list[Unit]) -> list[tuple[int, int]]:
    """``[a, b)`` inside each pair of quotes holding one to three units."""
    spans: list[tuple[int, int]] = []
    k = 0
    while k < len(units):
        if units[k].text in ("“", "「", "『"):
            end = k + 1
            while end < len(units) and units[end].text not in ("”", "」", "』") and end - k <= 4:
                end += 1
            if end < len(units) and units[end].text in ("”", "」", "』") and end > k + 1:
                spans.append((k + 1, end))
                k = end + 1
                continue
        k += 1
    return spans


def coordinated_names(units: list[Unit], table: EntityTable) -> list[Unit]:
    """Unknown items of a list that holds a firm (or a person) are firms (people) too."""
    _named_after_known(units, table)
    for items in _lists(units):
        kinds = {
            table.get(units[a].entity).type
            for a, b in items
            if b - a == 1 and units[a].kind == "entity" and not units[a].anaphor
        }
        if _investor_list(units, items):
            kinds.add(EntityType.COMPANY)
        firms = sum(
            1
            for a, b in items
            if units[a].kind == "entity"
            and table.get(units[a].entity).type is EntityType.COMPANY
        )
        for kind in (EntityType.COMPANY, EntityType.PERSON):
            if kind not in kinds:
                continue
            for n, (a, b) in reversed(list(enumerate(items))):
                run = units[a:b]
                if any(u.kind != "word" for u in run):
                    continue
                if kind is EntityType.PERSON:
                    # the last item may run into the verb ("何春耕警告"): its name is a prefix
                    b = next((a + j for j in range(len(run), 0, -1) if _person_like(run[:j])), a)
                    if b == a:
                        continue
                else:
                    # "PE基金远山创投": a suffix word ends the kind of investor before the
                    # name; it never opens a name
                    while b - a > 1:
                        skip = 1 if units[a].text in _FIRM_TAILS else investor_kind_width(
                            units, a, b - 1
                        )
                        if not skip:
                            break
                        a += skip
                    run = units[a:b]
                    if not (
                        _firm_like(run, strict=True)
                        # "特斯拉、吉利、蔚来": a common word between two marks of a list of
                        # firms is a firm too (the first and last items may run into other
                        # words)
                        or (firms >= 2 and 0 < n < len(items) - 1 and _inner_list_firm(run))
                    ):
                        continue
                _make(units, a, b, kind, table)
            break
    _named_after_known(units, table)  # "、碧鸿投资，": a name the lists just found
    return units


# Words that end an investor's name as a list item ("、碧鸿投资，").
_FIRM_TAILS = frozenset({"投资", "资本", "创投", "产投", "基金", "控股"})
# What may follow the last name of a list item ("甲、乙，…", "…丙等").
ITEM_ENDS = frozenset({"、", "，", ",", "；", ";", "。", "等"})


def investor_kind_width(units: list[Unit], j: int, end: int) -> int:
    """How many word units from ``j`` (one or two, before ``end``) spell a kind of investor
    ("产业资本", "PE"+"基金"); 0 when they do not."""
    for width in (1, 2):
        words_only = j + width <= end and all(u.kind == "word" for u in units[j : j + width])
        if words_only and INVESTOR_KIND.match("".join(u.text for u in units[j : j + width])):
            return width
    return 0


def _named_after_known(units: list[Unit], table: EntityTable) -> None:
    """ "凯辉基金、美团龙珠、今日资本": an item of a list of firms that is a known name and
    one short word more ("美团" + "龙珠", "北汽" + "产投") is a firm named after the known
    one (its fund or arm), not the known firm and a stray word."""
    k = 1
    while k + 2 < len(units):
        head, tail, after = units[k], units[k + 1], units[k + 2]
        if (
            units[k - 1].text == "、"
            and head.kind == "entity"
            and table.get(head.entity).type in (EntityType.COMPANY, EntityType.REGION)
            and tail.kind == "word"
            and 1 <= len(tail.text) <= 2
            and has_han(tail.text)
            and (
                tail.text in _FIRM_TAILS
                or tail.text not in NAME_BREAKERS
                and not tail.tag.startswith(("v", "p", "c", "u", "m", "d", "r", "f", "q"))
            )
            and (after.text in ITEM_ENDS or after.text in _LIST_WORDS)
            and _firm_beside(units, k - 2, table)
        ):
            _make(units, k, k + 2, EntityType.COMPANY, table)
        k += 1


def _firm_beside(units: list[Unit], k: int, table: EntityTable) -> bool:
    """Whether the list item ending at ``k`` (before a 、) names a firm."""
    return (
        0 <= k < len(units)
        and units[k].kind == "entity"
        and table.get(units[k].entity).type is EntityType.COMPANY
    )


_INVESTING = ("投资", "领投", "跟投", "参投", "出资", "注资", "入股")


def _investor_list(units: list[Unit], items: list[tuple[int, int]]) -> bool:
    """ "由甲、乙和丙联合投资": the agents of an investment are firms."""
    first, last = items[0][0], items[-1][1]
    if first == 0 or units[first - 1].text != "由":
        return False
    following = "".join(u.text for u in units[last : last + 2])
    return following.startswith(_INVESTING) or following.startswith(
        tuple(w + v for w in ("联合", "共同", "独家") for v in _INVESTING)
    )


# --- steps ---------------------------------------------------------------------------


_PHASE_RE = re.compile(r"^(?:[一二三四五六七八九十]|\d{1,2})期$")


def _phases(units: list[Unit], table: EntityTable) -> list[Unit]:
    """ "大基金二期": a fund's phase is a fund of its own."""
    for k in range(len(units) - 2, -1, -1):
        unit, nxt = units[k], units[k + 1]
        if (
            unit.kind == "entity"
            and not unit.anaphor
            and table.get(unit.entity).type is EntityType.COMPANY
            and nxt.kind == "word"
            and nxt.start == unit.end
            and _PHASE_RE.match(nxt.text)
        ):
            _make(units, k, k + 2, EntityType.COMPANY, table)
    return units


def _special_treatment(units: list[Unit], table: EntityTable) -> list[Unit]:
    k = 0
    while k < len(units) - 1:
        unit = units[k]
        if unit.kind == "word" and unit.text.upper() in ("ST", "*ST", "SST", "S*ST"):
            start = k - 1 if k and units[k - 1].text == "*" else k
            end = k + 1
            chars = 0
            while (
                end < len(units)
                and units[end].kind == "word"
                and has_han(units[end].text)
                and _is_part(units[end])
                and chars + len(units[end].text) <= 4
                and units[end].start == units[end - 1].end
            ):
                chars += len(units[end].text)
                end += 1
            if chars >= 2:
                _make(units, start, end, EntityType.COMPANY, table)
                k = start + 1
                continue
        k += 1
    return units


def _before_cues(units: list[Unit], table: EntityTable) -> list[Unit]:
    k = 0
    while k < len(units):
        unit = units[k]
        if unit.text not in _CUE_WORDS and unit.kind not in ("percent", "money"):
            k += 1  # most words open no cue: skip the checks
            continue
        if _suffixed_name_before(units, k):
            # "持有南湖物流30%股权": the word and the industry word just before the cue
            _make(units, k - 2, k, EntityType.COMPANY, table)
            k -= 1
            continue
        cue = (
            (unit.kind == "word" and unit.text in FIRM_CUES)
            or (unit.kind == "title" and unit.text in FIRM_TITLES)
            or _is_a_firm(units, k)
            or _holds_dominance(units, k)
            or _raises_funds(units, k)
            or _latin_name_after(units, k)
            or _suspected(units, k)
        )
        if not cue or k == 0:
            k += 1
            continue
        end = k
        while end > 0 and (units[end - 1].kind == "date" or units[end - 1].text in _BETWEEN):
            end -= 1
        if _suspected(units, k) and end > 0 and _split_coverb(units, end - 1):
            k += 1  # "对云栈涉嫌…": jieba glued the coverb to the name
            end += 1
        run = _run_before(units, end)
        if run is not None:
            start = run
            parts = units[start:end]
            person = (
                unit.kind == "title"
                and len(parts) == 1
                and parts[0].tag.startswith("nr")
                and parts[0].text[0] in SURNAMES
            )
            if not person and _firm_like(parts, strict=unit.kind == "title"):
                _make(units, start, end, EntityType.COMPANY, table)
                k = start + 1 + (k - end)
                continue
        k += 1
    return units


# "X完成(了)数亿元A轮融资", "X获8亿元天使轮融资", "X这轮融资由…": who raises the
# round is a firm. The verb must reach 融资 inside its clause.
_FUNDING_VERBS = words("""完成 获 获得 斩获 拿下 官宣 宣布 宣布完成 宣布获得 再获 获投 启动""")
_ROUND_WORDS = words("""这轮 本轮 此轮 新一轮 最新一轮""")


# Verbs that make "word + industry word" before them a firm ("远山电子聘任…", "星河科技
# 宣布…"): jieba knows 远山 and 星河 as ordinary words, so no other cue marks the name.
_SUFFIXED_CUES = words(
    """宣布 聘任 聘请 拟 发布 总部 收购 与 表示 称 计划 推出 签署 签订 达成 披露 成立 投资
    发布会 官宣 宣告 处以 被 跟投 领投 出售 持有 获得 完成 将 已"""
)
_STAKES = words("股权 股份 的股权 的股份 权益")
# Words that say what kind of goods or trade, not whose ("新能源汽车", "消费电子").
_GENERIC_STEMS = words(
    """新能源 智能 金融 消费 数字 电动 国产 网联 互联网 人工智能 传统 全球 国内 国际 海外 本土
    高端 新兴 头部 相关 上游 下游 整车 零部件 医疗 生物 化工 能源 工业 家用 商用 乘用 民用
    军用 光伏 储能 动力 半导体 汽车 电子 科技 物流 电池 芯片 通信 信息 网络 软件 硬件 航空
    航天 船舶 钢铁 有色 材料 环保 新材料 检测 服务 制造 装备 机械 电力 电气 核电 风电 水电
    火电 燃气 石油 化学 医药 农业 食品 家电 手机 显示 面板 安全 数据 云 算力 平台 品牌 产业
    行业 企业 民营 国有 外资 合资 跨境 电商 零售 地产 房地产 建筑 交通 运输 旅游 文化 教育
    体育 娱乐 游戏 影视 传媒 广告 咨询 投资 证券 银行 保险 基金 资本 社会 民间 风险 产业
    私募 公募 外国 境外 政府 地方 中央 耐心 长期 短期 更多 大量 部分"""
)


# Words for an investor that end a name after an ordinary word ("星河资本", "远山创投").
_FIRM_WORD_SUFFIXES = words("资本 基金 创投 投资")


def _suffixed_name_before(units: list[Unit], k: int) -> bool:
    """A verb in _SUFFIXED_CUES right after a word and an industry word that no list of
    generic stems knows: "远山电子聘任…" names 远山电子, "新能源汽车在…" names nothing."""
    after = units[k + 1].text if k + 1 < len(units) else ""
    stake = units[k].kind == "percent" and (
        after in _STAKES or (after == "的" and k + 2 < len(units) and units[k + 2].text in _STAKES)
    )
    # "领投南湖机器人5亿元B轮融资": the money of a round follows the firm that raises it
    round_money = units[k].kind == "money" and after.endswith(("轮", "融资"))
    if k < 2 or not (
        stake or round_money or (units[k].kind == "word" and units[k].text in _SUFFIXED_CUES)
    ):
        return False  # "远山电子聘任…", "南湖物流30%股权"
    stem, suffix = units[k - 2], units[k - 1]
    return (
        stem.kind == "word"
        and suffix.kind == "word"
        and (suffix.text in INDUSTRY_SUFFIXES or suffix.text in _FIRM_WORD_SUFFIXES)
        and len(stem.text) >= 2
        and has_han(stem.text)
        and stem.text not in _GENERIC_STEMS
        and stem.tag in ("n", "ns", "nz", "nr", "nt", "j")
        and (
            k < 3
            or units[k - 3].kind != "word"
            or units[k - 3].tag in ("x", "p", "c", "d", "uj")
            # "持有南湖锂业…", "领投南湖机器人…": a verb before the name ends it there
            or units[k - 3].tag.startswith("v")
        )
    )


# Every word one of the cues above starts with (FIRM_CUES, FIRM_TITLES, _is_a_firm,
# _holds_dominance, _raises_funds, _latin_name_after, _suspected).
_CUE_WORDS = (
    _SUFFIXED_CUES
    | FIRM_CUES
    | FIRM_TITLES
    | _FUNDING_VERBS
    | _ROUND_WORDS
    | frozenset({"是", "滥用", "具有", "拥有", "具备", "(", "（", "涉嫌"})
)


def _split_coverb(units: list[Unit], k: int) -> bool:
    """Cut a leading 对 off the word at ``k`` ("对云栈" → "对" + "云栈")."""
    unit = units[k]
    if unit.kind != "word" or len(unit.text) < 3 or unit.text[0] != "对":
        return False
    if is_dictionary_word(unit.text):
        return False
    units[k : k + 1] = [
        Unit("word", "对", unit.start, unit.start + 1, tag="p"),
        Unit("word", unit.text[1:], unit.start + 1, unit.end, tag="nz"),
    ]
    return True


def _suspected(units: list[Unit], k: int) -> bool:
    """ "对知网涉嫌实施垄断行为立案调查": what an authority acts on for a suspected breach
    is a firm (a person's name is found by its own cues first)."""
    return units[k].text == "涉嫌" and any(
        u.text == "对" or (u.text[:1] == "对" and len(u.text) >= 3)
        for u in units[max(0, k - 4) : k]
    )


def _raises_funds(units: list[Unit], k: int) -> bool:
    unit = units[k]
    if unit.kind == "word" and unit.text in _ROUND_WORDS:
        return k + 1 < len(units) and "融资" in units[k + 1].text
    if unit.kind != "word" or unit.text not in _FUNDING_VERBS:
        return False
    for later in units[k + 1 : k + 9]:
        if later.kind == "punct":
            return False
        if later.kind == "word" and later.text.endswith("融资"):
            return True
    return False


def _latin_name_after(units: list[Unit], k: int) -> bool:
    """ "它石智航(TARS)": a Chinese name with its Latin name in brackets."""
    return (
        units[k].text in ("(", "（")
        and k + 2 < len(units)
        and units[k + 1].kind == "word"
        and units[k + 1].tag == "eng"
        and units[k + 1].text[:1].isupper()
        and units[k + 2].text in (")", "）")
    )


_FIRM_NOUNS = ("公司", "企业", "集团", "厂商", "制造商", "银行", "券商", "供应商", "运营商")
_DEAL_NOUNS = frozenset({"收购", "并购", "增资", "入股", "战略投资", "控股"})


def _deal_targets(units: list[Unit], table: EntityTable) -> list[Unit]:
    """ "完成对北岭户外的收购": what 对 … 的收购 takes over is a firm."""
    k = 1
    while k + 1 < len(units):
        if units[k].text == "的" and units[k + 1].text in _DEAL_NOUNS:
            start = _run_before(units, k)
            if (
                start is not None
                and start > 0
                and units[start - 1].text == "对"
                and _firm_like(units[start:k], strict=False)
            ):
                _make(units, start, k, EntityType.COMPANY, table)
                k = start + 2
                continue
        k += 1
    return units



def _holds_dominance(units: list[Unit], k: int) -> bool:
    """ "X滥用市场支配地位", "X具有市场支配地位": only a firm holds a market position."""
    if units[k].text not in ("滥用", "具有", "拥有", "具备"):
        return False
    following = "".join(u.text for u in units[k + 1 : k + 5])
    return following.startswith(("市场支配地位", "支配地位"))


def _is_a_firm(units: list[Unit], k: int) -> bool:
    """ "X是一家位于东莞的电子公司": 是一家 … 公司 says X is a firm."""
    if units[k].text != "是" or k + 1 >= len(units) or units[k + 1].text not in ("一家", "一间"):
        return False
    for unit in units[k + 2 : k + 16]:
        if unit.is_sentence_end or unit.is_clause_end:
            return False
        if unit.kind == "word" and unit.text.endswith(_FIRM_NOUNS):
            return True
    return False


def _counted_lists(units: list[Unit], table: EntityTable) -> list[Unit]:
    if not any("家" in u.text for u in units if u.kind == "word"):
        return units
    k = len(units) - 1
    while k > 0:
        unit = units[k]
        after = -1
        if unit.kind == "word" and _COUNT_RE.match(unit.text):
            after = k + 1
        elif (
            unit.kind == "word"
            and _NUMBER_RE.match(unit.text)
            and k + 1 < len(units)
            and units[k + 1].text == "家"
        ):
            after = k + 2
        if after < 0:
            k -= 1
            continue
        tail = "".join(u.text for u in units[after : after + 3])[:8]
        if not any(word in tail for word in _FIRM_CLASSES):
            k -= 1
            continue
        end = k - 1 if units[k - 1].text == "等" else k
        items = _items_ending_at(units, end)
        if len(items) >= 2:
            for a, b in reversed(items):
                run = units[a:b]
                if all(u.kind == "word" for u in run) and _firm_like(run, strict=False):
                    _make(units, a, b, EntityType.COMPANY, table)
            k = items[0][0] - 1
            continue
        k -= 1
    return units


# --- helpers ---------------------------------------------------------------------------


def _opens_trade_name(units: list[Unit], k: int) -> bool:
    """ "、先声药业等": a word jieba tags as an adverb or a verb, right before a trade
    word and after a list mark, is the first half of a firm's short name."""
    unit = units[k]
    nxt = units[k + 1] if k + 1 < len(units) else None
    return (
        k > 0
        and units[k - 1].text in _LIST_MARKS
        and unit.kind == "word"
        and len(unit.text) == 2
        and has_han(unit.text)
        and unit.text not in NAME_BREAKERS
        and nxt is not None
        and nxt.kind == "word"
        and nxt.start == unit.end
        and (nxt.text in INDUSTRY_SUFFIXES or nxt.text in _EXTRA_INDUSTRY)
    )


def _is_part(unit: Unit) -> bool:
    if unit.kind != "word":
        return False
    text = unit.text
    if not (has_han(text) or (text.isascii() and text.isalnum())):
        return False
    if text in NAME_BREAKERS or text in _NOT_NAMES or text in FIRM_CUES:
        return False
    if unit.tag in _BREAK:
        # a family name jieba took for a word ("刘" in "刘伶俐", "何" in "何春耕")
        return len(text) == 1 and text in SURNAMES
    return not (unit.tag.startswith("v") and is_dictionary_word(text))


def _boundary(unit: Unit | None) -> bool:
    if unit is None:
        return True
    if unit.kind in ("punct", "date", "money", "percent"):
        return True
    if unit.kind == "entity":
        return False
    return unit.text in NAME_BREAKERS or unit.text in _LIST_WORDS or unit.tag in ("p", "c", "d")


def _run_before(units: list[Unit], end: int) -> int | None:
    """Where a name ending just before ``units[end]`` starts (None when none does)."""
    start = end
    chars = 0
    while start > 0 and end - start < 3 and _is_part(units[start - 1]):
        chars += len(units[start - 1].text)
        start -= 1
        if chars > 8:
            return None
    if start == end or not _boundary(units[start - 1] if start else None):
        return None
    return start


def _firm_like(run: list[Unit], *, strict: bool) -> bool:
    text = "".join(u.text for u in run)
    if not 2 <= len(text) <= 8 or text in _NOT_NAMES or not has_han(text):
        return False
    if len(run) == 1 and run[0].tag == "ns" and is_dictionary_word(run[0].text):
        return False  # a place alone ("广东公告" is no firm)
    unknown = any(
        len(u.text) >= 2 and has_han(u.text) and not is_dictionary_word(u.text) for u in run
    )
    proper = any(u.tag in _PROPER and u.tag != "ns" for u in run)
    industry = len(run) >= 2 and (
        run[-1].text in INDUSTRY_SUFFIXES
        or run[-1].text in _EXTRA_INDUSTRY
        or run[-1].text in COMPANY_SUFFIXES
    )
    if strict:
        return unknown or (proper and len(text) >= 2) or industry
    return unknown or proper or industry or len(run) >= 2


def _inner_list_firm(run: list[Unit]) -> bool:
    text = "".join(u.text for u in run)
    return (
        2 <= len(text) <= 8
        and all(has_han(c) for c in text)
        and text not in _NOT_NAMES
        and not any(u.tag.startswith(("m", "v", "p", "c", "u")) for u in run)
    )


def _person_like(run: list[Unit]) -> bool:
    text = "".join(u.text for u in run)
    if not (2 <= len(text) <= 3 and all("\u4e00" <= ch <= "\u9fff" for ch in text)):
        return False
    if text[0] not in SURNAMES:
        return False
    # jieba cut the name ("刘"+"伶俐"), tagged it a name, or did not know it
    return len(run) >= 2 or run[0].tag in _PROPER or not is_dictionary_word(run[0].text)


def _make(units: list[Unit], a: int, b: int, kind: EntityType, table: EntityTable) -> None:
    surface = "".join(u.text for u in units[a:b])
    index = table.add(surface, kind)
    units[a:b] = [Unit("entity", surface, units[a].start, units[b - 1].end, entity=index)]


def _items_ending_at(units: list[Unit], end: int) -> list[tuple[int, int]]:
    """The items of a list ``A、B和C`` whose last item ends just before ``end``."""
    items: list[tuple[int, int]] = []
    b = end
    while b > 0:
        a = b
        while (
            a > 0
            and (
                units[a - 1].kind == "entity"
                or _is_part(units[a - 1])
                or _opens_trade_name(units, a - 1)
            )
            and b - a < 3
        ):
            if units[a - 1].kind == "entity" and a != b:
                break
            a -= 1
            if units[a].kind == "entity":
                break
        if a == b:
            break
        items.append((a, b))
        if a > 0 and (units[a - 1].text in _LIST_MARKS or units[a - 1].text in _LIST_WORDS):
            b = a - 1
            continue
        break
    items.reverse()
    return items


def _lists(units: list[Unit]) -> list[list[tuple[int, int]]]:
    """Every list ``A、B、C`` (and ``A、B和C``) in the sentence, as item spans."""
    found: list[list[tuple[int, int]]] = []
    for k in range(1, len(units) - 1):
        # "华晟微与北江精密有限公司": a name and a firm joined by one conjunction
        if units[k].text in _LIST_WORDS and (
            units[k - 1].kind == "entity" or units[k + 1].kind == "entity"
        ):
            left = units[k - 1]
            right = units[k + 1]
            if (left.kind == "entity" or _is_part(left)) and (
                right.kind == "entity" or _is_part(right)
            ):
                found.append([(k - 1, k), (k + 1, k + 2)])
    k = len(units) - 1
    while k > 0:
        if units[k].text in _LIST_MARKS:
            # the list's last item is after the last mark of a run of marks
            end = k + 1
            stop = end
            while (
                stop < len(units)
                and (
                    units[stop].kind == "entity"
                    or _is_part(units[stop])
                    or _opens_trade_name(units, stop)
                )
                and stop - end < 3
            ):
                stop += 1
                if units[stop - 1].kind == "entity":
                    break
            if stop < len(units) and units[stop].text in _LIST_WORDS:
                nxt = stop + 1
                while (
                    nxt < len(units)
                    and (units[nxt].kind == "entity" or _is_part(units[nxt]))
                    and nxt - stop - 1 < 3
                ):
                    nxt += 1
                    if units[nxt - 1].kind == "entity":
                        break
                if nxt > stop + 1:
                    stop = nxt
            items = _items_ending_at(units, stop)
            if len(items) >= 2 and items[0][0] < k:
                found.append(items)
                k = items[0][0] - 1
                continue
        k -= 1
    return found
