"""A Chinese sentence read as units: the names it mentions (registry names, names
seen earlier in the story, organisations found by their suffix, people by their
title, places, goods), its dates, money and percentages, and the words between.

Each step is a small function over the unit list; they run in a fixed order:
marked spans (dates, money, titles, Latin names, known names) → words from the
tagger → organisations → firms by stock code → names by their context
(``discovery``) → plants and products (``made_names``) → people → places and goods →
the other items of lists (``discovery``) → abbreviations → anaphors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from sinograph.graph.model.ontology import EntityType
from sinograph.loaders.extract.zh.amounts import find_money, find_percents
from sinograph.loaders.extract.zh.dates import find_dates
from sinograph.loaders.extract.zh.discovery import (
    ITEM_ENDS,
    coordinated_names,
    firms_by_context,
    investor_kind_width,
)
from sinograph.loaders.extract.zh.entities import EntityTable
from sinograph.loaders.extract.zh.lexicon import (
    ANAPHORS,
    BODY_SUFFIXES,
    COMMODITY_WORDS,
    COMPANY_SUFFIXES,
    INDUSTRY_SUFFIXES,
    INVESTOR_KIND,
    LEGAL_FORMS,
    NAME_BREAKERS,
    ORGANIZATION_SUFFIXES,
    PLACE_SUFFIXES,
    SPEECH_VERBS,
    SURNAMES,
    TITLES,
    words,
)
from sinograph.loaders.extract.zh.made_names import plants_and_products
from sinograph.loaders.extract.zh.names import has_han, lone_character_ok
from sinograph.loaders.extract.zh.segment import is_dictionary_word, tag_words
from sinograph.loaders.extract.zh.units import CONJUNCTIONS, Unit

__all__ = ["StoryState", "keep_state", "read_sentence"]

_PUNCT = frozenset("，,。！？；!?;：:、（）()“”\"'‘’「」『』《》〈〉【】[]—-…·／/|～~")
_TITLE_RE = re.compile(
    "(?:" + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True)) + ")(?!会|长)"
)
# Verbs whose subject is a person: a name before them is a person's.
_PERSON_VERBS = frozenset(
    {
        "出任",
        "担任",
        "辞去",
        "辞任",
        "卸任",
        "接任",
        "获任",
        "当选",
        "升任",
        "就任",
        "离任",
        "不再担任",
        "历任",
        "曾任",
        "曾担任",
        "先后担任",
        "先后任",
        "接替",
    }
)
# Latin letters with their accented forms ("Corporación", "Société")
_CAPITAL = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_LETTER = "A-Za-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff&'\\-"
_LATIN_RE = re.compile(
    rf"[a-z{_CAPITAL}][{_LETTER}]*(?:[ .][0-9a-z{_CAPITAL}][{_LETTER}]*)*"
    r"(?:\.(?=[\s，,。(（\u4e00-\u9fff]))?"
)
# "Freeport-McMoRan Inc.持有的…": the abbreviation's full stop is part of the name.
_LEGAL_ABBREVIATION_RE = re.compile(
    r"\b(?:Inc|Ltd|Corp|Co|Pty|Plc|Bhd|S\.A|N\.V|L\.P|S\.A\.S|S\.p\.A|B\.V|A\.G)\.$",
    re.IGNORECASE,
)
# "DeepSeek-V3.1", "Qwen-2.5": a known name and a version name a product of it.
# "Qwen3", "Qwen3-235B-A22B", "GLM4.5": a known model's name with its version glued on
_GLUED_VERSION_RE = re.compile(r"^([A-Za-z]{2,}?)-?(\d+(?:\.\d+)?(?:[-_][A-Za-z0-9.]+)*)$")
_VERSIONED_RE = re.compile(r"^(.+?)[- ]((?:[VvRrXxKkTt]|[Vv]ersion ?)?\d+(?:\.\d+)*[A-Za-z]?)$")
# Transliterated foreign names ("瓦尔迪斯·东布罗夫斯基斯") use a small set of characters.
_FOREIGN = (
    "阿埃艾爱安奥巴拜班邦保鲍贝本比彼毕宾波伯博布查达戴丹道德迪蒂丁东杜多厄恩尔法范菲费芬丰弗福夫"
    "盖甘冈高戈格贡古瓜哈海汉豪赫亨胡华霍基吉加贾杰金卡凯坎康柯科克肯库夸奎拉莱赖兰朗劳勒雷里理利"
    "莉林琳卢鲁伦罗洛马迈麦曼芒梅门蒙米明莫默穆纳奈南内尼涅努诺欧帕潘佩彭皮珀普齐奇恰乔切钦琼丘萨"
    "塞桑瑟森沙尚舍什施史斯苏索塔泰坦汤特滕提汀图托瓦万旺威韦维温沃乌武西希锡夏谢辛休许雅亚扬耶伊"
    "因英尤于约泽扎詹兹祖佐娜娅丽黛露茨泰默蕾薇艾琪伍沃"
)
_FOREIGN_PERSON_RE = re.compile(f"[{_FOREIGN}]{{1,7}}(?:[·•・][{_FOREIGN}]{{1,9}})+")
_ABBREVIATION_RE = re.compile(
    r"^(?:以下|下文|下同)?(?:简称|称|下称|英文简称|英文名)?[：:为]?[“\"「『]?(?P<short>[^”\"」』，,。]{2,24}?)"
    r"[”\"」』]?(?:，|,)?(?:下同)?$"
)
_PROPER_TAGS = frozenset({"nr", "nrt", "nrfg", "nrf", "ns", "nt", "nz", "j", "eng"})
_BREAK_TAGS = frozenset(
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
        "f",
        "q",
        "y",
        "e",
        "o",
        "zg",
        "ad",
    }
)
_BODY_STOP = words(
    """格局 布局 结局 当局 全部 内部 外部 总部 东部 西部 南部 北部 中部 局部 干部
    部分 俱乐部 大部 本部 局面 政府 邮局 赌局 开局 变局 残局 大局 全局 新局
    胜局 委 部 局 署 厅 办 事业部 业务部 本部 编辑部 总裁办 办事处"""
)
_GENERIC_HEADS = words(
    """合资 新 子 母 上市 控股 投资 保险 科技 互联网 证券 基金 中资 外资 国有
    民营 跨国 房地产 汽车 能源 一家 该 这家 多家 两家 各家 空壳 壳 目标 标的
    平台 金融 资产管理 管理 咨询 贸易 运营 项目 私募 公募 理财 商业 国有控股
    相关 关联 全资子 控股子 下属 参股 独资 合伙 会计师 审计 律师 评级 信用 境外
    海外 本土 龙头 头部 大型 中小 上游 下游 集团 银行 券商 同类 交易 清算 托管
    金融控股 科创 国资 央企 地方 省属 市属 险资 私人 家族 医药 车企 房企"""
)
# Words jieba's dictionary tags as places that are not ("上市" is "to list").
# Words after a country that the tagger may read as places but that say what is done
# there ("在匈牙利新建一家工厂": 新建 is also a district's name).
_NOT_PLACES = frozenset(
    {"上市", "上线", "出海", "内地", "境内", "境外", "海外", "国内", "当地", "新建", "兴建",
     "投建", "扩建", "建设", "设立", "开设", "落户", "布局"}
)  # fmt: skip
# Known names that may open a longer one: "上海龙宇数据", "北方黄金有限公司".
_NAME_OPENERS = frozenset(
    {
        EntityType.REGION,
        EntityType.COUNTRY,
        EntityType.COMPANY,
        EntityType.COMMODITY,
        EntityType.PRODUCT,
        EntityType.MARKET,
        EntityType.GOVERNMENT_BODY,
    }
)
_COVERB_CHARS = frozenset("对向被与和在将把从由为经")
_RATIO_RE = re.compile(r"(?<![\d:：])\d{1,3}(?:\.\d+)?[:：]\d{1,3}(?:\.\d+)?(?![\d:：])")
_LISTING_PORT_RE = re.compile(r"(?<=[在赴])港(?=股?(?:挂牌|上市|IPO|招股|发行新股|首发))")
# Nouns that describe a firm before its name ("中国运动服饰巨头东岳集团").
_DESCRIBERS = frozenset(
    {"巨头", "龙头", "厂商", "制造商", "生产商", "供应商", "运营商", "开发商", "企业", "品牌商"}
)
_PLACE_OR_FIRM = frozenset(
    {EntityType.REGION, EntityType.COUNTRY, EntityType.COMPANY, EntityType.GOVERNMENT_BODY}
)
_TRIGGER_AFTER_PLACE = frozenset({"在", "于", "位于", "设在", "来自", "总部设在", "总部位于"})
_STRONG_SUFFIXES = frozenset(
    {
        "有限公司",
        "股份有限公司",
        "有限责任公司",
        "集团股份有限公司",
        "集团有限公司",
        "控股有限公司",
        "股份公司",
        "集团公司",
        "会计师事务所",
        "律师事务所",
        "交易所",
    }
)


@dataclass(slots=True)
class StoryState:
    """What earlier sentences left behind for later ones."""

    last_company: int = -1
    last_by_type: dict[EntityType, int] = field(default_factory=dict)
    # The firm whose announcement the story reports ("士兰微公告", "X发布公告称"): what
    # a filing's bare "公司" means even after other firms are named.
    issuer: int = -1


def read_sentence(
    text: str, table: EntityTable, published: str | None, state: StoryState
) -> list[Unit]:
    """The units of ``text`` outside parentheses (dates in parentheses are kept)."""
    units = _units(text, table, published)
    if _declare_abbreviations(text, units, table):
        units = _units(text, table, published)  # read again with the new short names
    units = _outside_parentheses(units)
    _titles_of_works(units, table)
    _latin_prefixes(units, table)
    _state_governments(units, table)
    _branches(units, table)
    _qualifiers_and_heads(units, table)
    _unnamed_arms(units, table)
    _model_families(units, table)
    _resolve_anaphors(units, table, state)
    return units


def _latin_prefixes(units: list[Unit], table: EntityTable) -> None:
    """ "CPE源峰", "IDG资本": capitals written against a firm's Chinese name are part of
    that name (the form the story uses becomes one of the firm's names)."""
    for k in range(len(units) - 2, -1, -1):
        latin, firm = units[k], units[k + 1]
        if (
            latin.kind == "word"
            and firm.kind == "entity"
            and not firm.anaphor
            and latin.end == firm.start
            and latin.text.isascii()
            and latin.text.isalpha()
            and latin.text.isupper()
            and 2 <= len(latin.text) <= 5
            and latin.text not in _LATIN_TERMS
            and table.get(firm.entity).type is EntityType.COMPANY
            and (k == 0 or units[k - 1].kind != "word" or not units[k - 1].text.isascii())
        ):
            surface = latin.text + firm.text
            table.alias(surface, firm.entity)
            units[k : k + 2] = [Unit("entity", surface, latin.start, firm.end, entity=firm.entity)]


def _titles_of_works(units: list[Unit], table: EntityTable) -> None:
    """ "根据《欧盟并购条例》": a place inside a longer title of a law or report is part of
    the title, not an actor of the sentence (firms and products in a title stay: a game's
    or a film's title names the product)."""
    k = 0
    while k < len(units):
        if units[k].text != "《":
            k += 1
            continue
        close = next((j for j in range(k + 1, min(len(units), k + 30)) if units[j].text == "》"),
                     None)
        if close is None:
            k += 1
            continue
        inside = range(k + 1, close)
        if len(inside) > 1:
            for j in inside:
                unit = units[j]
                if unit.kind == "entity" and table.get(unit.entity).type in (
                    EntityType.COUNTRY,
                    EntityType.REGION,
                ):
                    units[j] = Unit("word", unit.text, unit.start, unit.end, tag="nz")
        k = close + 1


_GOVERNMENT_WORDS = ("政府", "当局")


def _state_governments(units: list[Unit], table: EntityTable) -> None:
    """ "澳洲政府已批准…": a country's government acts as the country (the ontology's
    state actor), and "澳洲政府" becomes one of the country's names."""
    for k, unit in enumerate(units):
        # "中国政府" cut as one word
        if unit.kind == "word" and len(unit.text) > 3 and unit.text[-2:] in _GOVERNMENT_WORDS:
            entry = table.names.lookup(unit.text[:-2])
            if entry is not None and entry.type is EntityType.COUNTRY:
                index = table.known(entry, unit.text[:-2])
                table.alias(unit.text, index)
                units[k] = Unit("entity", unit.text, unit.start, unit.end, entity=index)
    for k in range(len(units) - 2, -1, -1):
        country, word = units[k], units[k + 1]
        if (
            country.kind == "entity"
            and not country.anaphor
            and word.kind == "word"
            and word.text in _GOVERNMENT_WORDS
            and country.end == word.start
            and table.get(country.entity).type is EntityType.COUNTRY
        ):
            surface = country.text + word.text
            table.alias(surface, country.entity)
            units[k : k + 2] = [
                Unit("entity", surface, country.start, word.end, entity=country.entity)
            ]


def keep_state(units: list[Unit], table: EntityTable, state: StoryState) -> None:
    """Update ``state`` as reading ``units`` again would (the names they mention)."""
    for k, unit in enumerate(units):
        if unit.kind == "entity" and not unit.anaphor:
            kind = table.get(unit.entity).type
            state.last_by_type[kind] = unit.entity
            if kind is EntityType.COMPANY:
                state.last_company = unit.entity
                if state.issuer < 0 and _announces(units, k, table):
                    state.issuer = unit.entity


_AUTHORITY_HEADS = ("监管机构", "监管部门", "监管当局", "反垄断机构", "主管机关", "当局")
_AUTHORITY_FIRST = frozenset(h[0] for h in _AUTHORITY_HEADS)
_QUALIFIED = frozenset(
    {EntityType.COMPANY, EntityType.ASSET, EntityType.ORGANIZATION, EntityType.PRODUCT}
)


def _qualifiers_and_heads(units: list[Unit], table: EntityTable) -> None:
    """ "加拿大Viterra": the country only says where the firm is from, it is no argument;
    "商务部长": the body's head is a title."""
    for k in range(len(units) - 1, 0, -1):
        # "辽宁省国资委": a province's own body, not the national one
        body, place = units[k], units[k - 1]
        if place.kind == "word" and place.text in ("省", "市", "区", "自治区") and k >= 2:
            place = units[k - 2]
        if (
            body.kind == "entity"
            and place.kind == "entity"
            and table.get(body.entity).type is EntityType.GOVERNMENT_BODY
            and table.get(place.entity).type is EntityType.REGION
            and not body.anaphor
        ):
            start = units.index(place)
            surface = "".join(u.text for u in units[start : k + 1])
            index = table.add(surface, EntityType.GOVERNMENT_BODY)
            units[start : k + 1] = [Unit("entity", surface, place.start, body.end, entity=index)]
    for k in range(len(units) - 1, 0, -1):
        # "获得美国、中国和欧盟监管机构的批准": the countries only say whose regulators
        unit = units[k]
        if unit.kind != "word" or unit.text[:1] not in _AUTHORITY_FIRST:
            continue
        following = "".join(u.text for u in units[k : k + 2])
        if not following.startswith(_AUTHORITY_HEADS):
            continue
        j = k - 1
        while (
            j >= 0
            and units[j].kind == "entity"
            and (table.get(units[j].entity).type in (EntityType.COUNTRY, EntityType.REGION))
        ):
            units[j].kind, units[j].tag = "word", "ns"
            if j >= 2 and units[j - 1].text in CONJUNCTIONS:
                j -= 2
            else:
                break
    for k in range(len(units) - 1):
        unit, nxt = units[k], units[k + 1]
        if unit.kind != "entity" or unit.end != nxt.start:
            continue
        kind = table.get(unit.entity).type
        if (
            nxt.kind == "entity"
            and kind in (EntityType.COUNTRY, EntityType.REGION)
            and table.get(nxt.entity).type in _QUALIFIED
        ):
            unit.kind, unit.tag = "word", "ns"
        elif (
            nxt.kind == "word"
            and nxt.text == "长"
            and kind is EntityType.GOVERNMENT_BODY
            and unit.text[-1] in "部局署"
        ):
            nxt.kind, nxt.text = "title", unit.text[-1] + "长"


_MODEL_HEADS = ("大模型", "模型", "大语言模型", "系列", "系列模型")


def _model_families(units: list[Unit], table: EntityTable) -> None:
    """ "通义千问大模型Qwen3系列": the family only qualifies the model the text names
    after it, which is the argument."""
    for k in range(len(units) - 2):
        family = units[k]
        if family.kind != "entity" or table.get(family.entity).type is not EntityType.PRODUCT:
            continue
        j, head = k + 1, ""
        while j < len(units) and units[j].kind == "word" and len(head) < 5:
            head += units[j].text
            j += 1
            if head in _MODEL_HEADS:
                break
        if (
            head in _MODEL_HEADS
            and j < len(units)
            and units[j].kind == "entity"
            and table.get(units[j].entity).type is EntityType.PRODUCT
        ):
            family.kind, family.tag = "word", "nz"


_UNNAMED_ARMS = frozenset(
    {"基金", "产业基金", "投资基金", "子基金", "投资平台", "投资机构", "投资公司", "创投", "资本"}
)


# A body's or a firm's local office, named by its place ("上海分行", "浙江省分局").
_BRANCH_WORDS = ("分行", "支行", "分局", "分公司", "营业部")


def _branches(units: list[Unit], table: EntityTable) -> None:
    """ "中国人民银行上海分行": a known body and a place with a branch word name the
    body's branch, one entity of the body's kind (a central bank's branch is a
    government body), not the body and a firm called "上海分行"."""
    k = 0
    while k < len(units) - 1:
        head = units[k]
        kind = table.get(head.entity).type if head.kind == "entity" else None
        if kind in (EntityType.GOVERNMENT_BODY, EntityType.COMPANY):
            for width in (1, 2):
                tail = units[k + 1 : k + 1 + width]
                text = "".join(u.text for u in tail)
                branch = next((w for w in _BRANCH_WORDS if text.endswith(w)), None)
                if (
                    len(tail) == width
                    and branch is not None
                    and all(u.kind in ("word", "entity") for u in tail)
                    and _is_place(text[: -len(branch)], table)
                ):
                    surface = head.text + text
                    index = table.add(surface, kind)
                    units[k : k + 1 + width] = [
                        Unit("entity", surface, head.start, tail[-1].end, entity=index)
                    ]
                    break
            else:
                if (
                    kind is EntityType.COMPANY
                    and head.text.endswith(_BRANCH_WORDS)
                    and _parent_body(head.text, table)
                ):
                    # "中国人民银行江苏省分行", found by its suffix as a firm
                    table.recast(head.entity, EntityType.GOVERNMENT_BODY)
        k += 1


def _is_place(text: str, table: EntityTable) -> bool:
    """Whether ``text`` names a place: a known one, or a name with a place suffix."""
    if not text:
        return False
    entry = table.names.lookup(text)
    if entry is not None:
        return entry.type in (EntityType.REGION, EntityType.COUNTRY)
    return 2 <= len(text) <= 6 and text.endswith(tuple(PLACE_SUFFIXES))


def _parent_body(name: str, table: EntityTable) -> bool:
    """Whether ``name`` ("中国人民银行江苏省分行") opens with a known government body."""
    for size in range(len(name) - 2, 1, -1):
        entry = table.names.lookup(name[:size])
        if entry is not None:
            return entry.type is EntityType.GOVERNMENT_BODY and _is_place(
                name[size:].removesuffix(next(w for w in _BRANCH_WORDS if name.endswith(w))),
                table,
            )
    return False


def _unnamed_arms(units: list[Unit], table: EntityTable) -> None:
    """ "由中国移动旗下基金、腾讯共同领投": an arm the text does not name acts as its
    firm (one list item, not an owner of the next one)."""
    k = 0
    while k + 2 < len(units):
        unit, under, arm = units[k], units[k + 1], units[k + 2]
        nxt = units[k + 3] if k + 3 < len(units) else None
        if (
            unit.kind == "entity"
            and table.get(unit.entity).type is EntityType.COMPANY
            and under.text in ("旗下", "旗下的")
            and arm.kind == "word"
            and arm.text in _UNNAMED_ARMS
            and (nxt is None or nxt.kind != "entity")
        ):
            units[k : k + 3] = [
                Unit("entity", unit.text, unit.start, arm.end, tag=unit.tag, entity=unit.entity)
            ]
        k += 1


def _units(text: str, table: EntityTable, published: str | None) -> list[Unit]:
    marked = _marked_spans(text, table, published)
    units: list[Unit] = []
    position = 0
    for unit in marked:
        if unit.start > position:
            units.extend(_words(text[position : unit.start], position))
        units.append(unit)
        position = unit.end
    if position < len(text):
        units.extend(_words(text[position:], position))
    _repair_cut_names(units)
    _names_before_bracketed_titles(units)
    units = _organisations(units, table, text)
    units = _ticker_named(units, table, text)
    units = firms_by_context(units, table)
    units = plants_and_products(units, table, text)
    _people(units, table)
    _places_and_goods(units, table, text)
    return coordinated_names(units, table)


def _marked_spans(text: str, table: EntityTable, published: str | None) -> list[Unit]:
    taken = [False] * len(text)
    marked: list[Unit] = []

    def claim(start: int, end: int) -> bool:
        if start >= end or any(taken[start:end]):
            return False
        for k in range(start, end):
            taken[k] = True
        return True

    for money in find_money(text):
        if claim(money.start, money.end):
            marked.append(Unit("money", money.text, money.start, money.end, money=money))
    for pct in find_percents(text):
        if claim(pct.start, pct.end):
            marked.append(Unit("percent", pct.text, pct.start, pct.end, percent=pct))
    for found in find_dates(text, published):
        if claim(found.start, found.end):
            marked.append(Unit("date", found.text, found.start, found.end, date=found))
    for m in _RATIO_RE.finditer(text):
        # "以50:50成立合资公司": a ratio is one number, its colon ends no clause
        if claim(m.start(), m.end()):
            marked.append(Unit("word", m.group(0), m.start(), m.end(), tag="m"))
    for m in _LISTING_PORT_RE.finditer(text):
        exchange = table.registry.lookup("Hong Kong Stock Exchange")
        if exchange is not None and claim(m.start(), m.end()):
            # "在港上市", "赴港IPO": 港 is Hong Kong's exchange
            index = table.known(exchange, m.group(0))
            marked.append(Unit("entity", m.group(0), m.start(), m.end(), entity=index))
    for start, end, index in _known_names(text, table, taken):
        if claim(start, end):
            marked.append(Unit("entity", text[start:end], start, end, entity=index))
    for m in _FOREIGN_PERSON_RE.finditer(text):
        if claim(m.start(), m.end()):
            marked.append(Unit("word", m.group(0), m.start(), m.end(), tag="nrf"))
    for m in _TITLE_RE.finditer(text):
        if claim(m.start(), m.end()):
            marked.append(Unit("title", m.group(0), m.start(), m.end()))
    for m in _LATIN_RE.finditer(text):
        surface = m.group(0).strip(" ")
        if not _LEGAL_ABBREVIATION_RE.search(surface):
            surface = surface.rstrip(" .")
        if len(surface) < 2 or not claim(m.start(), m.start() + len(surface)):
            continue
        latin = _latin_entity(surface, table, text, m.start() + len(surface))
        if latin is None:
            marked.append(Unit("word", surface, m.start(), m.start() + len(surface), tag="eng"))
        else:
            marked.append(
                Unit(
                    "entity", surface, m.start(), m.start() + len(surface), tag="eng", entity=latin
                )
            )
    marked.sort(key=lambda u: u.start)
    return marked


def _known_names(text: str, table: EntityTable, taken: list[bool]) -> list[tuple[int, int, int]]:
    """Longest matches among the story's own surfaces and the registry's Chinese forms."""
    found: list[tuple[int, int, int]] = []
    registry_hits = {
        h.start: h for h in table.names.find(text) if _stands_alone(text, h.start, h.end)
    }
    i, n = 0, len(text)
    while i < n:
        if taken[i]:
            i += 1
            continue
        best_end, best_index = -1, -1
        for size in table.lengths.get(text[i], ()):
            if (
                i + size <= n
                and text[i : i + size] in table.surfaces
                # a one-character name the story used (钼) stays a lone word ("向金钼股份")
                and (size > 1 or lone_character_ok(text, i))
            ):
                best_end, best_index = i + size, table.surfaces[text[i : i + size]]
                break
        hit = registry_hits.get(i)
        if hit is not None and hit.end > best_end:
            best_end, best_index = hit.end, table.known(hit.entry, hit.surface)
        if best_end > i:
            found.append((i, best_end, best_index))
            i = best_end
        else:
            i += 1
    return found


# Latin words in Chinese business news that name nothing: units, ratios, terms.
_LATIN_TERMS = words(
    """GWh MWh kWh GW MW kW Wh mAh nm km GB TB PB PE PB ROE ROA EPS GDP CPI PPI PMI IPO SPAC ETF
    REITs AI AIGC AGI LLM MoE Dense Transformer CEO CFO COO CTO CMO CIO CSO CPO CHRO VP SVP EVP
    App APP API SaaS PaaS IaaS
    OLED LCD LED EV PHEV BEV SUV MPV OTA ADAS FSD VC PE A股 H股 B股 ST QFII RQFII GPU CPU
    NPU TPU FPGA ASIC SoC DRAM NAND HBM CMOS 5G 6G IoT ESG M&A"""
)
_LATIN_UNIT_RE = re.compile(r"^\d+(?:\.\d+)?\s*[A-Za-z]{1,4}$")


def _stands_alone(text: str, start: int, end: int) -> bool:
    """Whether a short registry name at ``[start, end)`` is a word of its own, not part
    of a longer one ("思科" in "蓝思科技", "微信" in "微信号"): jieba must not cut a
    word that begins before the name (unless with a preposition: "对美团") or a
    dictionary word that begins with it and goes on."""
    if end - start > 2:
        return True
    lo, hi = max(0, start - 4), min(len(text), end + 4)
    for word in tag_words(text[lo:hi], lo):
        if word.start < start < word.end and any(
            ch not in _COVERB_CHARS for ch in text[word.start : start]
        ):
            return False
        if (
            word.start == start
            and word.end > end
            and is_dictionary_word(word.text)
            and word.text[end - start :] not in LEGAL_FORMS | COMPANY_SUFFIXES
        ):
            return False
    return True


_LATIN_LEGAL_RE = re.compile(
    r"(?:,?\s+(?:Inc|Ltd|Corp|Co|Corporation|Limited|Plc|PLC|LLC|AG|SE|SA|S\.A|N\.V|Pty|"
    r"S\.A\.S|SAS|S\.p\.A|SpA|B\.V|GmbH)\.?)+$",
    re.IGNORECASE,
)


def _latin_entity(surface: str, table: EntityTable, text: str, end: int) -> int | None:
    entry = table.registry.lookup(surface) or table.registry.lookup(
        _LATIN_LEGAL_RE.sub("", surface)
    )
    if entry is not None:
        return table.known(entry, surface)
    if surface in _LATIN_TERMS or _LATIN_UNIT_RE.match(surface):
        return None  # "100GWh", "MoE架构": units and terms, no names
    if surface in table.surfaces:
        return table.surfaces[surface]
    versioned = _VERSIONED_RE.match(surface)
    base = table.registry.lookup(versioned.group(1)) if versioned else None
    glued = _GLUED_VERSION_RE.match(surface) if base is None else None
    if glued is not None:
        model = table.registry.lookup(glued.group(1))
        base = model if model is not None and model.type is EntityType.PRODUCT else None
    if base is not None and base.type in (EntityType.COMPANY, EntityType.PRODUCT):
        index = table.add(surface, EntityType.PRODUCT)
        maker = table.known(base, base.name)
        if base.type is EntityType.COMPANY:
            table.owner.setdefault(index, maker)
        elif maker in table.owner:
            table.owner.setdefault(index, table.owner[maker])
        return index
    if not surface[0].isupper() or (surface.isupper() and len(surface) <= 4):
        return None  # an acronym names something only once the story says what
    after = text[end : end + 4]
    if after.startswith(("金矿", "矿", "项目", "油田", "工厂")):
        return table.add(surface, EntityType.ASSET)
    # a legal form ("... E-commerce LTD") or a firm word after it fixes the name as a firm's
    fixed = after.startswith(("公司", "集团")) or _LATIN_LEGAL_RE.search(surface) is not None
    return table.add(surface, EntityType.COMPANY, flexible=not fixed)


def _words(text: str, offset: int) -> list[Unit]:
    out: list[Unit] = []
    for word in tag_words(text, offset):
        if word.text in _PUNCT or (len(word.text) == 1 and not word.text.isalnum()):
            out.append(Unit("punct", word.text, word.start, word.end, tag="x"))
        elif word.tag == "x" and has_han(word.text):
            # a character jieba's dictionary lacks ("峰岹科技"): a rare one, mostly in names
            out.append(Unit("word", word.text, word.start, word.end, tag="nz"))
        else:
            out.append(Unit("word", word.text, word.start, word.end, tag=word.tag))
    return out


# --- organisations -------------------------------------------------------------------


def _suffix_kind(unit: Unit) -> tuple[EntityType, bool] | None:
    """The kind of name a word ends (and whether the suffix is a weak, industry one)."""
    if unit.kind != "word":
        return None
    return _word_suffix_kind(unit.text, unit.tag)


@lru_cache(maxsize=65536)
def _word_suffix_kind(word: str, tag: str) -> tuple[EntityType, bool] | None:
    if len(word) > 2 and word in NAME_BREAKERS:
        return None  # "全资子公司" ends in 公司 but names no firm
    for suffixes, kind in (
        (COMPANY_SUFFIXES, EntityType.COMPANY),
        (ORGANIZATION_SUFFIXES, EntityType.ORGANIZATION),
        (BODY_SUFFIXES, EntityType.GOVERNMENT_BODY),
    ):
        for size in (6, 5, 4, 3, 2, 1):
            if len(word) >= size and word[-size:] in suffixes:
                if kind is EntityType.GOVERNMENT_BODY and (
                    word in _BODY_STOP or (size == 1 and tag not in ("j", "nt", "n"))
                ):
                    return None
                return kind, False
    for size in (3, 2):
        if len(word) >= size and word[-size:] in INDUSTRY_SUFFIXES:
            return EntityType.COMPANY, True
    return None


_HIRING_VERBS = frozenset(
    {"聘任", "聘请", "改聘", "续聘", "拟聘", "解聘", "不再聘任", "选聘", "聘用", "委任", "任命"}
)


def _name_part(unit: Unit, previous: Unit | None, table: EntityTable) -> bool:
    if unit.kind == "entity":
        return not unit.anaphor and table.get(unit.entity).type in _NAME_OPENERS
    if unit.kind != "word":
        return False
    after_proper = (
        previous is not None and previous.kind == "word" and (previous.tag in _PROPER_TAGS)
    )
    if unit.text in NAME_BREAKERS and not (len(unit.text) == 1 and after_proper):
        return False  # "华信达科技": a one-character word right after a proper name is in it
    if (
        len(unit.text) == 1
        and unit.tag == "q"
        and after_proper
        and previous is not None
        and previous.end == unit.start
    ):
        return True  # "贝拉米公司": a transliteration's last syllable tagged as a measure word
    glued_place = (  # "北京科兴中维…有限公司": a one-character locality word after a place name
        unit.tag == "f"
        and len(unit.text) == 1
        and previous is not None
        and previous.end == unit.start
        and (
            (previous.kind == "word" and previous.tag in ("ns", "nz", "nt"))
            or (
                previous.kind == "entity"
                and table.get(previous.entity).type in (EntityType.REGION, EntityType.COUNTRY)
            )
        )
    )
    if (
        unit.tag in _BREAK_TAGS
        and not (unit.tag == "f" and len(unit.text) >= 2)
        and not glued_place
    ):
        return False
    if unit.tag == "m":
        return unit.text.isdigit() and len(unit.text) <= 4
    if unit.text in _PERSON_VERBS or unit.text in _HIRING_VERBS:
        return False  # "陈华接任茅台集团", "改聘立信会计师事务所": a post or hiring verb
    if unit.tag.startswith("v") and unit.tag != "vn":
        # "亿利洁能": a verb inside a name only right after a proper name, or one jieba
        # does not know ("易居")
        return (
            previous is not None
            and previous.kind == "word"
            and (previous.tag in _PROPER_TAGS or previous.text in _DESCRIBERS)
        ) or (len(unit.text) >= 2 and not is_dictionary_word(unit.text))
    return True


def _organisations(units: list[Unit], table: EntityTable, text: str) -> list[Unit]:
    out: list[Unit] = []
    i = 0
    n = len(units)
    while i < n:
        unit = units[i]
        found = _suffix_kind(unit)
        if found is None:
            out.append(unit)
            i += 1
            continue
        kind, weak = found
        end = i
        while (
            end + 1 < n
            and units[end + 1].kind == "word"
            and (units[end + 1].text in LEGAL_FORMS or units[end + 1].text in COMPANY_SUFFIXES)
            and not units[end].text.endswith("公司")  # "…有限公司股份": the shares it holds
        ):
            end += 1
            kind, weak = EntityType.COMPANY, False
        if end + 1 < n and units[end + 1].text in ("(", "（"):
            close = next(
                (j for j in range(end + 2, min(n, end + 6)) if units[j].text in (")", "）")), None
            )
            inside = "".join(u.text for u in units[end + 2 : close]) if close else ""
            if close is not None and inside in _PARTNERSHIP_FORMS:
                end = close  # "立信会计师事务所(特殊普通合伙)": its legal form in brackets
        start = len(out)
        chars = sum(len(u.text) for u in units[i : end + 1])
        while start > 0 and chars < 30:
            candidate = out[start - 1]
            previous = out[start - 2] if start >= 2 else None
            opening = _bracketed_inside(out, start - 1)
            if opening is not None and start == len(out):
                # "上海国盛(集团)有限公司", "中国贵州茅台酒厂(集团)有限责任公司": a short
                # bracket just before the legal form is inside the name
                chars += sum(len(u.text) for u in out[opening:start])
                start = opening
                continue
            if candidate.kind == "word" and candidate.text in ("与", "和", "及") and start >= 2:
                # "预警与救援装备" is inside a name; "甲公司与乙公司" joins two names.
                left = out[start - 2]
                if (
                    left.kind == "entity"
                    or _suffix_kind(left) is not None
                    # "华晟微与北江精密有限公司": a proper name before 与 is a name of its own
                    or left.tag in ("nr", "nrt", "nrfg", "nz", "nt")
                    or (len(left.text) >= 2 and not is_dictionary_word(left.text))
                    or not _name_part(left, out[start - 3] if start >= 3 else None, table)
                ):
                    break
                start -= 1
                chars += len(candidate.text)
                continue
            if any(
                INVESTOR_KIND.match("".join(u.text for u in out[j:start]))
                for j in range(max(0, start - 3), start)
            ):
                # "PE基金正心谷资本": the kind of investor describes the name after it
                if candidate.kind == "entity":
                    out[start - 1] = Unit(
                        "word", candidate.text, candidate.start, candidate.end, tag="n"
                    )
                break
            adjacent = start == len(out) and candidate.kind == "word"
            if not (adjacent and candidate.text in _TRADE_WORDS) and not _name_part(
                candidate, previous, table
            ):
                break  # ("南岭投资集团": 投资 before the suffix is the firm's trade, in it)
            start -= 1
            chars += len(candidate.text)
            if candidate.kind == "entity" and table.get(candidate.entity).type in _PLACE_OR_FIRM:
                break  # a known name opens a longer one ("上海" in "上海龙宇数据…"), never more
        parts = out[start:]
        if (
            len(parts) > 1
            and parts[0].kind == "word"
            and parts[0].tag.startswith("v")
            and is_dictionary_word(parts[0].text)
        ):
            start += 1  # "对应星河芯片有限公司": a verb jieba knows opens no name
            parts = out[start:]
        if (
            len(parts) > 1
            and parts[0].kind == "word"
            and parts[0].text in _COVERB_CHARS
            and len("".join(u.text for u in parts[1:])) >= 2
        ):
            start += 1  # "经北辰集团董事会决定": a lone coverb opens no name
            parts = out[start:]
        cut = max(
            (j for j, u in enumerate(parts[:-1]) if u.kind == "word" and u.text in _DESCRIBERS),
            default=None,
        )
        described = cut is not None and len("".join(u.text for u in parts[cut + 1 :])) >= 2
        if described:
            # "运动服饰巨头东岳集团": the words up to the describing noun say what the
            # firm is; the name starts after them (and a name it is, whatever its words)
            start += (cut or 0) + 1
            parts = out[start:]
        glued = next(
            (
                j
                for j, u in enumerate(parts)
                if j
                and u.kind == "word"
                and len(u.text) > 1
                and u.text[0] in _COVERB_CHARS
                and not is_dictionary_word(u.text)
            ),
            None,
        )
        if glued is not None:
            start += glued  # "股权由海创投资有限公司": the name begins after the coverb
            parts = out[start:]
        if (
            parts
            and parts[0].kind == "word"
            and len(parts[0].text) > 1
            and (parts[0].text[0] in _COVERB_CHARS)
        ):
            # jieba glued a preposition to an unknown name ("对斯凯迪克"): cut it off
            head = parts[0]
            out.insert(start, Unit("word", head.text[0], head.start, head.start + 1, tag="p"))
            start += 1
            out[start] = Unit("word", head.text[1:], head.start + 1, head.end, tag="nz")
            parts = out[start:]
        name_units = [*parts, *units[i : end + 1]]
        # an item of a list of names ("…、通用动力信息技术公司、…") needs no proper word
        if (
            start >= 2
            and out[start - 2].text == "、"
            and out[start - 1].kind == "word"
            and has_han(out[start - 1].text)
            and out[start - 1].text not in NAME_BREAKERS
        ):
            start -= 1  # "、通用动力…公司": a list item starts at the mark, verb or not
            parts = out[start:]
            name_units = [*parts, *units[i : end + 1]]
        listed = (
            described
            or (start > 0 and out[start - 1].text == "、")
            or _list_mark_after(units, end + 1)
        )
        whole = _whole_name(units[i], kind, weak) if not parts else False
        surface = text[name_units[0].start : name_units[-1].end]
        shares = (
            units[end].text == "股份"
            and start > 0
            and out[start - 1].kind == "percent"
        )
        if INVESTOR_KIND.match(surface):
            out.extend(units[i : end + 1])  # "PE基金", "产业资本": a kind of investor
        elif shares:
            out.extend(units[i : end + 1])  # "购得9.69%戴姆勒股份": shares, not a firm
        elif whole or _acceptable(parts, name_units, kind, weak, table, listed=listed):
            index = table.add(surface, kind)
            del out[start:]
            out.append(
                Unit("entity", surface, name_units[0].start, name_units[-1].end, entity=index)
            )
        else:
            out.extend(units[i : end + 1])
        i = end + 1
    return out


_PARTNERSHIP_FORMS = frozenset({"特殊普通合伙", "普通合伙", "有限合伙"})
_NAME_BRACKETS = frozenset({"集团", "控股", "中国", "上海", "北京", "深圳", "香港", "广州", "天津"})


def _bracketed_inside(units: list[Unit], k: int) -> int | None:
    """Where ``(集团)`` ending at ``units[k]`` opens, when a name part stands before it."""
    if units[k].text not in (")", "）") or k < 3:
        return None
    inner = units[k - 1]
    opening = units[k - 2]
    if inner.text not in _NAME_BRACKETS or opening.text not in ("(", "（"):
        return None
    before = units[k - 3]
    if before.kind not in ("word", "entity") or not has_han(before.text):
        return None
    return k - 2


def _whole_name(unit: Unit, kind: EntityType, weak: bool) -> bool:
    """ "雅戈尔集团": jieba kept a name and its suffix as one proper word."""
    if weak or kind is not EntityType.COMPANY or unit.kind != "word":
        return False
    found = _word_suffix_kind(unit.text, unit.tag)
    if found is None:
        return False
    rest = unit.text
    for size in (6, 5, 4, 3, 2):
        if rest[-size:] in COMPANY_SUFFIXES:
            rest = rest[:-size]
            break
    return len(rest) >= 2 and (unit.tag in ("nz", "nt", "nrt") or not is_dictionary_word(unit.text))


def _list_mark_after(units: list[Unit], k: int) -> bool:
    """Whether ``units[k]`` is a list mark, an English name in parentheses skipped."""
    if k < len(units) and units[k].text in ("(", "（"):
        while k < len(units) and units[k].text not in (")", "）"):
            k += 1
        k += 1
    return k < len(units) and units[k].text == "、"


def _acceptable(
    parts: list[Unit],
    name_units: list[Unit],
    kind: EntityType,
    weak: bool,
    table: EntityTable,
    *,
    listed: bool = False,
) -> bool:
    if not parts:
        return False
    content = "".join(u.text for u in parts)
    if content in _GENERIC_HEADS or len(content) < 2 and parts[0].kind != "entity":
        return False
    if parts[0].text in ("与", "和", "及"):
        return False
    if content.startswith(("董事会", "监事会", "股东大会")) or "届董事会" in content:
        return False  # "董事会战略委员会": a board's committee, no organisation
    proper = any(
        u.kind == "entity"
        or u.tag in _PROPER_TAGS
        or (u.tag == "m" and u.text.isdigit())
        # a word jieba's dictionary does not know came from its model of unseen words:
        # mostly a name ("海创", "国骏")
        or (len(u.text) >= 2 and has_han(u.text) and not is_dictionary_word(u.text))
        for u in parts
    )
    if (
        name_units[-1].text == "公司"
        and len(content) < 3
        and all(u.kind == "word" and u.tag in ("j", "n", "v", "vn") for u in parts)
    ):
        return False  # "深化公司": jieba tags many verbs "j"; a bare 公司 needs a real name
    if name_units[-1].text == "公司" and (
        not proper or any(u.kind == "word" and u.text in ("和", "与", "及") for u in parts)
    ):
        return False  # "完善公司", "…委员和公司法定代表人": the story's firm, no new name
    if weak:
        if any(
            u.kind == "entity" and table.get(u.entity).type is EntityType.COMPANY for u in parts
        ):
            return False
        first = parts[0]
        verbs = any(u.tag.startswith("v") for u in parts[1:])
        return first.kind == "word" and first.tag in _PROPER_TAGS - {"ns"} and not verbs
    if proper:
        if len(parts) == 1 and parts[0].kind == "entity":
            if parts[0].text.endswith("公司") or (
                name_units[-1].text == "股份"
                and table.get(parts[0].entity).type is EntityType.COMPANY
            ):
                return False  # "…有限公司股份", "6.47万股X股份": the firm's shares
            if name_units[-1].text == "组织" and table.get(parts[0].entity).type in (
                EntityType.GOVERNMENT_BODY,
                EntityType.COMPANY,
            ):
                return False  # "财政部组织检查组": 组织 is the body's verb
            whole = table.get(parts[0].entity).type
            # "上海证监局", "中国银行": a place and a suffix; "中国海关" stays the place's body
            return whole in _PLACE_OR_FIRM or name_units[-1].text in _STRONG_SUFFIXES
        return True
    suffix = name_units[-1].text
    if listed and not weak and len(content) >= 2:
        return True
    return (suffix in _STRONG_SUFFIXES or kind is not EntityType.COMPANY) and len(content) >= 4


_TICKER_RE = re.compile(
    r"\s*(?:\d{6}\.(?:SH|SZ|BJ)|\d{4,5}\.HK|[A-Z]{1,5}\.(?:US|N|O)|(?:SH|SZ|HK|BJ)\s*[,，]?\s*\d{4,6}"
    r"|(?:股票|证券)?代码[:：]?\s*\d{4,6}"
    # a Hong Kong code alone: "(01258)", "（3750）" (not a year: "(2019)")
    r"|0\d{4}(?=\s*[)）])|(?!19\d\d|20\d\d)[1-9]\d{3}(?=\s*[)）]))",
    re.IGNORECASE,
)


# Share classes Hong Kong writes after a name: weighted voting (W), secondary listing (S),
# pre-revenue biotech (B), not yet profitable (U), and their pairs.
_SHARE_CLASSES = frozenset({"W", "S", "B", "U", "P", "SW", "WR", "SB", "BS"})


def _share_class_before(units: list[Unit], k: int) -> bool:
    return (
        k >= 3
        and units[k - 1].text.upper() in _SHARE_CLASSES
        and units[k - 2].text in ("-", "－")
        and units[k - 3].kind in ("word", "entity")
    )


def _opened_by_list_mark(units: list[Unit], k: int, room: int) -> int:
    """Where the name at ``k`` starts when only single characters, glued to it, stand
    between it and a list mark (``k`` itself when anything else does)."""
    start = k
    while (
        start > 0
        and room > 0
        and units[start - 1].kind == "word"
        and len(units[start - 1].text) == 1
        and has_han(units[start - 1].text)
        and units[start - 1].end == units[start].start
    ):
        start -= 1
        room -= 1
    if start < k and start > 0 and units[start - 1].text in ("、", "，", ",", "：", ":"):
        return start
    return k


def _only_a_suffix(surface: str) -> bool:
    """ "科技", "集团": a suffix alone before a code is a name the parser cut short."""
    return (
        surface in INDUSTRY_SUFFIXES
        or surface in COMPANY_SUFFIXES
        or surface in LEGAL_FORMS
        or surface in _GENERIC_HEADS
    )


def _ticker_named(units: list[Unit], table: EntityTable, text: str) -> list[Unit]:
    """ "东阿阿胶(000423.SZ)": a name followed by a stock code is a listed firm."""
    k = 0
    while k < len(units):
        unit = units[k]
        if (
            unit.kind == "punct"
            and unit.text in ("(", "（")
            and k
            and _TICKER_RE.match(text, unit.end)
        ):
            start = k
            if _share_class_before(units, k):
                # "极智嘉-W(02590.HK)": the share class is no part of the name
                start = k - 2
            name_end = start
            chars = 0
            while start > 0 and chars < 8:
                candidate = units[start - 1]
                if candidate.kind not in ("word", "entity") or not _name_part(
                    candidate, units[start - 2] if start >= 2 else None, table
                ):
                    break
                if candidate.kind == "word" and candidate.text in _DESCRIBERS:
                    break  # "运动服饰巨头安踏集团(02020.HK)": the name starts after 巨头
                start -= 1
                chars += len(candidate.text)
                if candidate.kind == "entity":
                    break  # "中国有色矿业(01258)": a known name opens the listed firm's name
            if start < name_end and (
                units[start].kind == "word" or table.get(units[start].entity).entry is None
            ):
                # "、讯众通信(…)": the name was cut after characters that seldom open
                # one; before a stock code, the list mark is where the name starts
                opened = _opened_by_list_mark(units, start, 8 - chars)
                chars += sum(len(u.text) for u in units[opened:start])
                start = opened
            if start < name_end - 1 or (start == name_end - 1 and units[start].kind == "word"):
                pass
            else:
                start = name_end  # a known name alone before its code is already the firm
            surface = text[units[start].start : units[name_end - 1].end] if start < name_end else ""
            if start < name_end and 2 <= chars <= 8 and not _only_a_suffix(surface):
                index = table.add(surface, EntityType.COMPANY)
                first, last = units[start], units[name_end - 1]
                units[start:name_end] = [
                    Unit("entity", surface, first.start, last.end, entity=index)
                ]
                k -= name_end - start - 1
                name_end = start + 1
            if name_end < k and units[name_end - 1].kind == "entity":
                # the share class joins the name's unit, so lists read across it
                named = units[name_end - 1]
                units[name_end - 1 : k] = [
                    Unit("entity", named.text, named.start, units[k - 1].end, entity=named.entity)
                ]
                k = name_end
        k += 1
    return units


# --- people ----------------------------------------------------------------------


# One-character words that follow a name as a word of their own, never as its last character.
_NOT_GIVEN = frozenset("的了在是和与及为等将被对向从也都已于称说表并或但而又就所其之")
_NAME_TAGS = frozenset({"nr", "nz", "ng", "nrfg"})
_APPOINTING = frozenset({"选举", "推选", "任命", "聘任", "聘请", "委任", "选聘", "补选", "提名"})


def _repair_cut_names(units: list[Unit]) -> None:
    """Three-character names jieba cut or glued: "张名"+"君", "周"+"玉林" are one name;
    "鞠振为"+"公司董事长" is "鞠振" + "为"."""
    k = 0
    while k + 1 < len(units):
        unit, nxt = units[k], units[k + 1]
        if (
            unit.kind == "word"
            and unit.tag == "nr"
            and len(unit.text) == 4
            and is_dictionary_word(unit.text)
        ):
            unit.tag = "l"  # "建立健全": jieba's dictionary tags some idioms as names
        if unit.kind != "word" or nxt.kind != "word" or unit.end != nxt.start:
            k += 1
            continue
        whole = unit.text + nxt.text
        glued = (
            unit.tag == "nr"
            and unit.text[0] in SURNAMES
            and len(whole) == 3
            and has_han(whole)
            and not is_dictionary_word(whole)
            and (
                (len(unit.text) == 2 and nxt.tag in _NAME_TAGS and nxt.text not in _NOT_GIVEN)
                or (len(unit.text) == 1 and nxt.tag == "nr")
            )
        )
        if glued:
            units[k : k + 2] = [Unit("word", whole, unit.start, nxt.end, tag="nr")]
            continue
        if (
            len(unit.text) == 2
            and unit.text[0] in CONJUNCTIONS
            and unit.text[1] == "本"
            and nxt.text in ("公司", "集团")
        ):
            # "A、B及本公司": jieba glued the conjunction to 本 ("及本" + "公司")
            units[k : k + 2] = [
                Unit("word", unit.text[0], unit.start, unit.start + 1, tag="c"),
                Unit("word", "本" + nxt.text, unit.start + 1, nxt.end, tag="r"),
            ]
            k += 1
            continue
        if (
            len(unit.text) == 2
            and unit.text[0] == "为"
            and unit.text[1] in SURNAMES
            and nxt.kind == "word"
            and 1 <= len(nxt.text) <= 2
            and has_han(nxt.text)
            and k >= 1
            and units[k - 1].kind == "title"
        ):
            # "总经理为梁"+"文海": jieba glued 为 to the surname after a post
            units[k : k + 2] = [
                Unit("word", "为", unit.start, unit.start + 1, tag="p"),
                Unit("word", unit.text[1] + nxt.text, unit.start + 1, nxt.end, tag="nr"),
            ]
            k += 1
            continue
        if (
            unit.tag == "nr"
            and len(unit.text) == 3
            and unit.text[-1] == "为"
            and (nxt.text in ("公司", "本公司", "该公司") or nxt.text in TITLES)
        ):
            units[k : k + 1] = [
                Unit("word", unit.text[:2], unit.start, unit.end - 1, tag="nr"),
                Unit("word", "为", unit.end - 1, unit.end, tag="p"),
            ]
        k += 1


_TENURE_WORDS = frozenset({"时任", "现任", "原", "前", "曾任"})
_OPENING_BRACKETS = frozenset({"(", "（"})


def _bracketed_title(units: list[Unit], k: int) -> bool:
    """ "(时任财务总监)" at ``k``: a bracket that opens on a post."""
    if k >= len(units) or units[k].text not in _OPENING_BRACKETS:
        return False
    j = k + 1
    if j < len(units) and units[j].text in _TENURE_WORDS:
        j += 1
    return j < len(units) and units[j].kind == "title"


def _names_before_bracketed_titles(units: list[Unit]) -> None:
    """ "对党荣毅(时任财务总监)": jieba glued the coverb to the surname ("对党"+"荣毅")
    or cut a given name that is a word ("戴"+"胜利"); the characters before a bracketed
    post, from a surname, are a name."""
    p = 0
    while p < len(units):
        if not _bracketed_title(units, p):
            p += 1
            continue
        j, chars = p, ""
        while (
            j > 0
            and units[j - 1].kind == "word"
            and units[j - 1].end == units[j].start
            and all(has_han(c) for c in units[j - 1].text)
            and len(chars) + len(units[j - 1].text) <= 4
        ):
            j -= 1
            chars = units[j].text + chars
        if j == p:
            p += 1
            continue
        for n in (3, 2):
            name, rest = chars[-n:], chars[:-n]
            if (
                len(chars) >= n
                and name[0] in SURNAMES
                and not is_dictionary_word(name)
                and (not rest or (len(rest) == 1 and rest in _COVERB_CHARS))
            ):
                start = units[j].start
                pieces = [Unit("word", rest, start, start + 1, tag="p")] if rest else []
                pieces.append(Unit("word", name, start + len(rest), units[p].start, tag="nr"))
                units[j:p] = pieces
                p = j + len(pieces)
                break
        p += 1


def _people(units: list[Unit], table: EntityTable) -> None:
    k = 0
    while k < len(units):
        unit = units[k]
        before = units[k - 1] if k > 0 else None
        if before is not None and before.kind == "title" and unit.kind == "word":
            _name_after_title(units, k)
            unit = units[k]
        elif (
            unit.kind == "word"
            and len(unit.text) == 1
            and unit.text in SURNAMES
            and k + 2 < len(units)
            and units[k + 1].kind == "word"
            and len(units[k + 1].text) <= 2
            and has_han(units[k + 1].text)
            and (
                units[k + 2].text in _PERSON_VERBS
                or units[k + 2].text in SPEECH_VERBS
                # "王立新将接替…": one adverb of time before the post verb
                or (
                    units[k + 2].text in ("将", "拟", "已")
                    and k + 3 < len(units)
                    and units[k + 3].text in _PERSON_VERBS
                )
                # "聘任甲为总裁、梁文海为副总裁": a name in an appointing list, before 为
                # and a post
                or (
                    units[k + 2].text == "为"
                    and k + 3 < len(units)
                    and units[k + 3].kind == "title"
                    and k >= 1
                    and (units[k - 1].text in ("、", "，", ",") or units[k - 1].text in _APPOINTING)
                )
                # "梁文海任星海集团总裁": a post held at a firm named next
                or (
                    units[k + 2].text in ("任", "现任", "兼任")
                    and k + 3 < len(units)
                    and units[k + 3].kind == "entity"
                )
            )
        ):
            # "周立新出任…": jieba cut the name in two
            units[k : k + 2] = [
                Unit("word", unit.text + units[k + 1].text, unit.start, units[k + 1].end, tag="nr")
            ]
            unit = units[k]
        if unit.kind != "word" or unit.tag not in ("nr", "nrfg", "nrf") or not has_han(unit.text):
            k += 1
            continue
        if unit.tag != "nrf" and not 2 <= len(unit.text) <= 4:
            k += 1
            continue
        after = units[k + 1] if k + 1 < len(units) else None
        after2 = units[k + 2] if k + 2 < len(units) else None
        titled = (
            (before is not None and before.kind == "title")
            or any(u is not None and u.kind == "title" for u in (after, after2))
            or _bracketed_title(units, k + 1)
        )
        speaks = (
            after is not None
            and after.kind == "word"
            and (after.text in SPEECH_VERBS or after.text in _PERSON_VERBS)
        ) or (  # "刘强申请辞去…": one adverb or verb of asking before the post verb
            after is not None
            and after.text in ("申请", "正式", "已", "将", "拟", "宣布")
            and after2 is not None
            and after2.text in _PERSON_VERBS
        )
        seen = unit.text in table.surfaces
        # "选举鞠振为公司董事长": the one a board elects or appoints
        speaks = speaks or (
            before is not None
            and before.text in _APPOINTING
            and after is not None
            and after.text in ("为", "担任", "出任")
        )
        full_name = (
            len(unit.text) == 3
            and unit.text[0] in SURNAMES
            and unit.tag == "nr"
            and unit.text[-1] not in _NOUN_ENDINGS  # "许可证" is a word, not Xu Kezheng
        )
        if full_name and _beside_a_firm(units, k, table):
            full_name = False  # "华晟微与北江精密有限公司": a firm's short name, not a person
        if titled or speaks or seen or full_name:
            unit.kind = "entity"
            unit.entity = table.add(unit.text, EntityType.PERSON)
        k += 1


def _beside_a_firm(units: list[Unit], k: int, table: EntityTable) -> bool:
    for conj, other in ((k + 1, k + 2), (k - 1, k - 2)):
        if (
            0 <= other < len(units)
            and units[conj].text in CONJUNCTIONS
            and units[other].kind == "entity"
            and table.get(units[other].entity).type is EntityType.COMPANY
        ):
            return True
    return False


def _name_after_title(units: list[Unit], k: int) -> None:
    """ "首席经济学家花长春": jieba cut the name; a surname and one or two more
    characters right after a title are a name."""
    unit = units[k]
    named = unit.tag in ("nr", "nrfg", "nrf") and len(unit.text) >= 2
    if named or not unit.text or unit.text[0] not in SURNAMES:
        return
    pieces = [unit]
    j = k + 1
    while j < len(units) and sum(len(p.text) for p in pieces) < 3:
        nxt = units[j]
        if nxt.kind not in ("word", "entity") or nxt.text in SPEECH_VERBS or not has_han(nxt.text):
            break
        if nxt.text in NAME_BREAKERS and sum(len(p.text) for p in pieces) >= 2:
            break  # "副总经理向骁在2022年…": 在 opens what the name did, it ends no name
        pieces.append(nxt)
        j += 1
    text = "".join(p.text for p in pieces)
    if not 2 <= len(text) <= 3 or not all(has_han(c) for c in text):
        return
    units[k:j] = [Unit("word", text, pieces[0].start, pieces[-1].end, tag="nr")]


# --- places and goods --------------------------------------------------------------


_GOOD_ENDS = words(
    """进行 反倾销 反补贴 保障措施 调查 存在 实施 征收 加征 采取 立案 发起 进口 出口 时 倾销
    案 产业 反倾销税 反补贴税 关税 的 和 及 与 等"""
)
_TRADE_VERBS = frozenset({"进口", "出口", "禁止", "禁售", "禁运", "加征", "征收", "限制", "采购"})
_ORIGIN_WORDS = frozenset({"原产于", "原产", "产自", "原产地为"})
_GOOD_BREAK_TAGS = ("p", "uj", "c", "x", "d", "r", "m", "t", "f")


def _goods_by_origin(units: list[Unit], table: EntityTable, text: str) -> None:
    """ "原产于日本和美国的进口光纤预制棒": whatever a trade case names after its origin
    is a good, known to the commodity list or not (the origin qualifies it)."""
    k = 0
    while k < len(units):
        traded = (  # "禁止进口来自中国的联网汽车": 来自 gives an origin where goods move
            units[k].text == "来自"
            and any(u.text in _TRADE_VERBS for u in units[max(0, k - 3) : k])
        )
        if not (units[k].kind == "word" and (units[k].text in _ORIGIN_WORDS or traded)):
            k += 1
            continue
        j = k + 1
        if units[k].text == "原产" and j < len(units) and units[j].text == "于":
            j += 1
        origins: list[int] = []
        while j < len(units) and (
            (
                units[j].kind == "entity"
                and table.get(units[j].entity).type in (EntityType.COUNTRY, EntityType.REGION)
            )
            or (units[j].kind == "word" and units[j].tag == "ns")
        ):
            origins.append(j)
            j += 1
            if j + 1 < len(units) and units[j].text in ("和", "及", "、", "与"):
                j += 1
            else:
                break
        while j < len(units) and units[j].kind == "word" and units[j].text in _ORIGIN_FILLERS:
            j += 1
        if (
            len(origins) > 1
            and j < len(units)
            and units[j].kind == "entity"
            and table.get(units[j].entity).type is EntityType.COMMODITY
        ):
            for o in origins:
                units[o].kind, units[o].tag = "word", "nsq"  # the origins only qualify it
            k = j
            continue
        if (
            origins
            and j < len(units)
            and units[j].kind == "entity"
            and table.get(units[j].entity).type is EntityType.COMPANY
            and table.get(units[j].entity).entry is None
        ):
            # "来自中国的联网汽车": a made-up firm name ("…汽车") in the goods' place is goods
            table.goods_after_all(units[j].entity)
            units[j].kind, units[j].tag = "word", "n"
        start, chars = j, 0
        while (
            j < len(units)
            and units[j].kind == "word"
            and has_han(units[j].text)
            and units[j].text not in _GOOD_ENDS
            and not units[j].tag.startswith(_GOOD_BREAK_TAGS)
            and j - start < 4
            and units[j].start == (units[j - 1].end if j > start else units[j].start)
        ):
            chars += len(units[j].text)
            j += 1
        if (
            not origins
            or j == start
            or chars < 2
            or not units[j - 1].tag.startswith(("n", "zg", "l"))
        ):
            k += 1
            continue
        good = text[units[start].start : units[j - 1].end]
        if traded and good in _GENERIC_GOODS:
            k = j  # "来自新疆的产品": no goods of their own
            continue
        _place_good(units, table, good, origins, start, j)
        k = start + 1


def _place_good(
    units: list[Unit], table: EntityTable, good: str, origins: list[int], start: int, end: int
) -> None:
    """``units[start:end]`` become the good ``good``, qualified by its one origin ("越南火龙果",
    kept beside the plain good) or plain when several origins share it; the origins then
    only qualify it."""
    plain = table.add(good, EntityType.COMMODITY)
    names = "".join(units[o].text for o in origins)
    index = table.add(names + good, EntityType.COMMODITY) if len(origins) == 1 else plain
    for o in origins:
        units[o].kind, units[o].tag = "word", "nsq"
    if index != plain:
        table.plain_good.setdefault(index, plain)
    units[start:end] = [Unit("entity", good, units[start].start, units[end - 1].end, entity=index)]


_MASS_UNITS = ("吨", "万吨", "亿吨", "千吨", "桶", "万桶", "亿桶", "立方米", "亿立方米", "万头")


def _goods_by_quantity(units: list[Unit], table: EntityTable) -> None:
    """ "进口铁矿砂8.68亿吨": what a country imports or exports by the ton is goods."""
    for k in range(len(units) - 3):
        verb, good, number, measure = units[k : k + 4]
        if (
            verb.kind == "word"
            and verb.text in ("进口", "出口")
            and good.kind == "word"
            and good.tag.startswith("n")
            and 2 <= len(good.text) <= 6
            and has_han(good.text)
            and good.text not in _GENERIC_GOODS
            and number.kind == "word"
            and number.tag == "m"
            and measure.text.startswith(_MASS_UNITS)
        ):
            index = table.add(good.text, EntityType.COMMODITY)
            units[k + 1] = Unit("entity", good.text, good.start, good.end, entity=index)


_HALTS = frozenset({"暂停", "禁止", "停止", "恢复", "叫停"})
_INFLOWS = frozenset({"输入", "进口", "输华", "入境", "输入大陆", "对华出口", "出口"})


def _goods_halted(units: list[Unit], table: EntityTable, text: str) -> None:
    """ "暂停越南火龙果输入": what a halt or resumption of trade names between its
    origin and its inflow is a good, known to the commodity list or not."""
    for k in range(len(units) - 3):
        if units[k].kind != "word" or units[k].text not in _HALTS:
            continue
        j = k + 1
        if units[j].kind == "word" and units[j].text in ("进口", "输入"):
            j += 1
        origin = units[j] if j < len(units) else None
        if not (
            origin is not None
            and origin.kind == "entity"
            and table.get(origin.entity).type in (EntityType.COUNTRY, EntityType.REGION)
        ):
            continue
        start = end = j + 1
        while (
            end < len(units)
            and end - start < 3
            and units[end].kind == "word"
            and has_han(units[end].text)
            and units[end].tag.startswith("n")
            and units[end].text not in _GOOD_ENDS
            and units[end].start == units[end - 1].end
        ):
            end += 1
        if end == start or end >= len(units) or units[end].text not in _INFLOWS:
            continue
        good = text[units[start].start : units[end - 1].end]
        if len(good) < 2 or good in _GENERIC_GOODS:
            continue
        _place_good(units, table, good, [j], start, end)


def _places_and_goods(units: list[Unit], table: EntityTable, text: str) -> None:
    _goods_by_origin(units, table, text)
    _goods_halted(units, table, text)
    _goods_by_quantity(units, table)
    k = 0
    while k < len(units):
        unit = units[k]
        if unit.kind == "word" and unit.text in COMMODITY_WORDS:
            unit.kind = "entity"
            unit.entity = table.add(unit.text, EntityType.COMMODITY)
        elif unit.kind == "word" and unit.text in _GENERIC_GOODS and k:
            # "来自新疆的产品": goods named only by where they come from
            start = _origin_of(units, k, table)
            if start is None:
                k += 1
                continue
            origin = units[start]
            index = table.add(origin.text + unit.text, EntityType.COMMODITY)
            surface = text[origin.start : unit.end]
            table.alias(surface, index)
            units[start : k + 1] = [Unit("entity", surface, origin.start, unit.end, entity=index)]
            k = start + 1
            continue
        if unit.kind == "entity" and table.get(unit.entity).type is EntityType.COMMODITY and k:
            start = _origin_of(units, k, table)
            if start is not None:
                # "原产于澳大利亚的进口相关葡萄酒" is Australian wine
                origin = units[start]
                name = origin.text + unit.text
                index = table.add(name, EntityType.COMMODITY)
                surface = text[origin.start : unit.end]
                table.alias(surface, index)
                table.plain_good.setdefault(index, unit.entity)
                units[start : k + 1] = [
                    Unit("entity", surface, origin.start, unit.end, entity=index)
                ]
                k = start + 1
                continue
            origin = units[k - 1]
            if (
                origin.kind == "entity"
                and table.get(origin.entity).type
                in (
                    EntityType.COUNTRY,
                    EntityType.REGION,
                )
                and origin.end == unit.start
                and not (k + 1 < len(units) and units[k + 1].text in ("产业", "行业", "企业"))
            ):
                surface = text[origin.start : unit.end]
                index = table.add(surface, EntityType.COMMODITY)
                table.plain_good.setdefault(index, unit.entity)
                units[k - 1 : k + 1] = [
                    Unit("entity", surface, origin.start, unit.end, entity=index)
                ]
                continue
        if (
            unit.kind == "entity"
            and table.get(unit.entity).type in (EntityType.REGION, EntityType.COUNTRY)
            and k + 1 < len(units)
            and units[k + 1].kind == "word"
            and units[k + 1].text in _ADMIN_WORDS
            and units[k + 1].start == unit.end
            and table.get(unit.entity).type is EntityType.REGION
        ):
            # "浙江"+"省": the same region, named with its level
            nxt = units[k + 1]
            table.alias(unit.text + nxt.text, unit.entity)
            units[k : k + 2] = [
                Unit("entity", unit.text + nxt.text, unit.start, nxt.end, entity=unit.entity)
            ]
            continue
        if (
            unit.kind == "word"
            and k
            and units[k - 1].kind == "entity"
            and units[k - 1].end == unit.start
            and table.get(units[k - 1].entity).type in (EntityType.COUNTRY, EntityType.REGION)
            and _place_word(unit)
        ):
            # "匈牙利德布勒森市", "瑞士日内瓦": a place glued after a country is in it
            end = k + 1
            if (
                end < len(units)
                and units[end].text in _ADMIN_WORDS
                and units[end].start == unit.end
            ):
                end += 1
            surface = text[unit.start : units[end - 1].end]
            index = table.add(surface, EntityType.REGION)
            if surface != unit.text:
                table.alias(unit.text, index)
            units[k:end] = [Unit("entity", surface, unit.start, units[end - 1].end, entity=index)]
            k += 1
            continue
        if (
            unit.kind == "word"
            and unit.tag == "ns"
            and len(unit.text) >= 2
            and has_han(unit.text)
            and unit.text not in _NOT_PLACES
        ):
            before = units[k - 1].text if k else ""
            if (
                unit.text[-1] in PLACE_SUFFIXES
                or unit.text[-2:] in PLACE_SUFFIXES
                or (before in _TRIGGER_AFTER_PLACE)
            ):
                unit.kind = "entity"
                unit.entity = table.add(unit.text, EntityType.REGION)
        k += 1


# Last characters of common nouns that jieba may tag as a name ("许可证", "董事会").
_NOUN_ENDINGS = frozenset("证书费权率量额法款单表品器机厂局部会院所业界性化")
# Words that break a name ("甲投资乙公司") except right before its suffix ("南岭投资集团").
# A firm's trade, written just before its legal form though the tagger reads a verb
# ("华东电子支付有限公司", "南岭投资集团").
_TRADE_WORDS = frozenset(
    {"投资", "发展", "建设", "贸易", "管理", "咨询", "服务", "实业", "控股", "支付", "租赁",
     "融资", "担保", "运营", "销售", "制造", "开发", "经营", "运输", "保理", "代理", "物流"}
)  # fmt: skip
_ADMIN_WORDS = frozenset({"省", "市", "县", "区", "州", "自治区", "地区"})


def _place_word(unit: Unit) -> bool:
    """A word that names a place when it follows a country: jieba tags it a place or a
    foreign name, or does not know it."""
    text = unit.text
    if len(text) < 2 or not all("\u4e00" <= ch <= "\u9fff" for ch in text):
        return False
    if text in NAME_BREAKERS or text in _NOT_PLACES or text in COMMODITY_WORDS:
        return False
    if unit.tag in ("ns", "nrt", "nrf"):
        return True
    if unit.tag == "nr" and all(ch in _FOREIGN for ch in text):
        return True  # "萨斯喀彻温省里贾纳": a transliterated town
    return text[-1] in "市省州县" and not is_dictionary_word(text)


_GENERIC_GOODS = frozenset({"产品", "商品", "货物", "进口商品", "出口商品"})
_ORIGIN_CUES = frozenset({"原产于", "产自", "来自", "原产", "源自", "产于"})
_ORIGIN_FILLERS = frozenset({"的", "进口", "出口", "相关", "进口的", "出口的", "涉案"})


def _origin_of(units: list[Unit], k: int, table: EntityTable) -> int | None:
    """Where the origin of the good at ``units[k]`` starts: a country or region after
    原产于/来自 ("原产于美国的高粱"), or glued to the good over 进口/相关 ("澳大利亚进口葡萄酒")."""
    j = k - 1
    fillers = 0
    while j >= 0 and units[j].kind == "word" and units[j].text in _ORIGIN_FILLERS:
        j -= 1
        fillers += 1
    if j < 0 or fillers > 3 or units[j].kind != "entity" or units[j].anaphor:
        return None
    if table.get(units[j].entity).type not in (EntityType.COUNTRY, EntityType.REGION):
        return None
    before = "".join(u.text for u in units[max(0, j - 2) : j])
    cued = any(before.endswith(cue) for cue in _ORIGIN_CUES)
    glued = fillers and all(u.text != "的" for u in units[j + 1 : k])
    # "日本进口铁矿石9000万吨": a country importing tons of the good, not its origin
    weighed = (
        k + 2 < len(units)
        and units[k + 1].tag == "m"
        and units[k + 2].text.startswith(_MASS_UNITS)
    )
    return j if cued or (glued and not weighed) else None


# --- abbreviations and anaphors ----------------------------------------------------


def _declare_abbreviations(text: str, units: list[Unit], table: EntityTable) -> bool:
    """``中芯国际集成电路制造有限公司(以下简称中芯国际)``: the short name joins the full one."""
    added = False
    for k, unit in enumerate(units):
        if unit.kind != "punct" or unit.text not in ("(", "（") or k == 0:
            continue
        named = units[k - 1]
        if named.kind != "entity":
            continue
        close = text.find(")" if unit.text == "(" else "）", unit.end)
        if close < 0:
            close = max(text.find(")", unit.end), text.find("）", unit.end))
        if close < 0 or close - unit.end > 40:
            continue
        inside = text[unit.end : close].strip()
        match = _ABBREVIATION_RE.match(inside)
        if match is None:
            continue
        short = match.group("short").strip()
        if not short or short in table.surfaces or any(ch.isdigit() for ch in short[:1]):
            continue
        if "，" in short or "," in short or short.startswith(("本公司", "公司", "该公司", "下称")):
            continue
        if table.get(named.entity).type is EntityType.PERSON:
            continue
        table.alias(short, named.entity)
        added = True
    return added


def _outside_parentheses(units: list[Unit]) -> list[Unit]:
    out: list[Unit] = []
    depth = 0
    for k, unit in enumerate(units):
        if unit.kind == "punct" and unit.text in ("(", "（"):
            if depth == 0 and out and out[-1].kind == "entity" and _tenure_in_brackets(units, k):
                continue  # "党荣毅(时任财务总监)": the post is read as if unbracketed
            depth += 1
            continue
        if unit.kind == "punct" and unit.text in (")", "）"):
            depth = max(0, depth - 1)
            continue
        if depth == 0 or unit.kind == "date":
            out.append(unit)
    return out


def _tenure_in_brackets(units: list[Unit], k: int) -> bool:
    """A bracket at ``k`` that holds only a tenure word and posts: "(时任副总裁、董事)"."""
    if k + 2 >= len(units) or units[k + 1].text not in ("时任", "现任"):
        return False
    for unit in units[k + 2 :]:
        if unit.text in (")", "）"):
            return True
        if unit.kind != "title" and unit.text not in ("、", "兼", "及", "和"):
            return False
    return False


_ANNOUNCES = ("公告", "发布公告", "发公告", "晚间公告", "今晚公告", "披露")


def _resolve_anaphors(units: list[Unit], table: EntityTable, state: StoryState) -> None:
    for k, unit in enumerate(units):
        if unit.kind == "entity":
            kind = table.get(unit.entity).type
            state.last_by_type[kind] = unit.entity
            if kind is EntityType.COMPANY:
                state.last_company = unit.entity
                if state.issuer < 0 and _announces(units, k, table):
                    state.issuer = unit.entity
            continue
        if unit.kind != "word" or unit.text not in ANAPHORS:
            continue
        before = units[k - 1] if k else None
        after = units[k + 1] if k + 1 < len(units) else None
        if (
            before is not None
            and before.kind not in ("punct",)
            and before.tag not in ("p", "c", "d", "r", "v")
        ):
            continue  # "合资公司": a description, not a pointer
        if after is not None and after.kind == "entity":
            continue  # "退市公司上海龙宇…": a description before the name
        kinds = ANAPHORS[unit.text]
        if EntityType.COUNTRY in kinds:
            entry = table.registry.lookup("China")
            if entry is not None:
                unit.kind, unit.entity, unit.anaphor = "entity", table.known(entry, unit.text), True
            continue
        if unit.text in ("公司", "本公司") and state.issuer >= 0:
            unit.kind, unit.entity, unit.anaphor = "entity", state.issuer, True
        elif state.last_company >= 0:
            unit.kind, unit.entity, unit.anaphor = "entity", state.last_company, True


def _announces(units: list[Unit], k: int, table: EntityTable) -> bool:
    """ "士兰微公告", "广誉远(600771.SH)发布公告": the firm at ``units[k]`` files."""
    j = k + 1
    while j < len(units) and (
        (units[j].kind in ("date", "punct") and units[j].text not in "，,。")
        or (units[j].kind == "entity" and table.get(units[j].entity).type is EntityType.MARKET)
    ):
        j += 1  # "(600771.SH)" is outside the units already; "8月28日晚间公告"; "港股公告"
    return j < len(units) and units[j].kind == "word" and units[j].text.startswith(_ANNOUNCES)


_QUOTES = frozenset('“”"「」『』')


_SUBLIST_OPENERS = frozenset({"以及", "和", "及", "还有"})


def _next_sublist(units: list[Unit], k: int, table: EntityTable) -> int | None:
    """ "包括产业资本A、B，PE基金C、D，以及国际化基金E": after a comma, a list goes on with
    a kind of investor and a name that ends its item; the name's index, else None."""
    if units[k].text not in ("，", ","):
        return None
    j = k + 1
    if j < len(units) and units[j].text in _SUBLIST_OPENERS:
        j += 1
    width = investor_kind_width(units, j, len(units))
    if not width:
        return None
    j += width
    if not (j < len(units) and units[j].kind == "entity"):
        return None
    if table.get(units[j].entity).type is not EntityType.COMPANY:
        return None
    if j + 1 < len(units) and units[j + 1].text not in ITEM_ENDS:
        return None
    return j


def conjuncts(
    units: list[Unit], index: int, step: int, table: EntityTable, *, titles: bool = True
) -> list[int]:
    """Entity units coordinated with ``units[index]`` ("A、B和C", "“A”“B”"), walking by
    ``step``; with ``titles``, a title before a name does not end the list."""
    skipped = frozenset({"title"}) if titles else frozenset()
    found: list[int] = []
    k = index + step
    while 0 <= k < len(units):
        while 0 <= k < len(units) and (units[k].text in _QUOTES or units[k].kind in skipped):
            k += step  # "陈立志、副董事长许松青": a title before a name is no break
        if not 0 <= k < len(units):
            break
        if units[k].kind == "entity" and units[k - step].text in _QUOTES:
            found.append(k)  # quoted names in a row: "“中化国际”“中化化肥”"
            k += step
            continue
        if units[k].text not in CONJUNCTIONS:
            after = _next_sublist(units, k, table) if step == 1 else None
            if after is None:
                break
            found.append(after)
            k = after + 1
            continue
        nxt = k + step
        while 0 <= nxt < len(units) and (units[nxt].text in _QUOTES or units[nxt].kind in skipped):
            nxt += step
        if not (0 <= nxt < len(units)) or units[nxt].kind != "entity":
            break
        found.append(nxt)
        k = nxt + step
    return found
