"""Names built on other names: a firm's plants and projects, its products.

* **plants, mines, projects** — a head word (``工厂``, ``生产基地``, ``铜矿``, ``项目``…)
  after a firm, a place or a proper word: ``宁德时代匈牙利工厂``, ``卡莫阿铜矿``; a
  registry asset followed by heads is that asset (``西芒杜`` + ``铁矿项目``);
* **products** — a firm's name with a proper word glued to it, and a Latin or numeric
  model name after that (``腾讯混元``, ``腾讯混元Large``); a quoted name after a product
  word or a release verb (``基础模型“混元turbo”``); the items of a counted list of
  products (``ATTO 3、海豚、海豹三款车型``).

A plant or product named after a firm remembers it (``EntityTable.owner``), so the
story can say that the firm invests in the plant or develops the product
(``named_facts``).

>>> from sinograph.loaders.extract import default_registry
>>> from sinograph.loaders.extract.zh.entities import EntityTable
>>> from sinograph.loaders.extract.zh.mentions import StoryState, read_sentence
>>> table = EntityTable(default_registry())
>>> units = read_sentence("宁德时代德国工厂正式投产。", table, "2025-07-01", StoryState())
>>> [(u.text, table.get(u.entity).type.value) for u in units if u.kind == "entity"]
[('宁德时代德国工厂', 'Asset')]
"""

from __future__ import annotations

import re

from sinograph.graph.model.ontology import EntityType
from sinograph.loaders.extract.zh.entities import EntityTable
from sinograph.loaders.extract.zh.lexicon import (
    COMPANY_SUFFIXES,
    INDUSTRY_SUFFIXES,
    LEGAL_FORMS,
    NAME_BREAKERS,
    TITLES,
    words,
)
from sinograph.loaders.extract.zh.names import has_han
from sinograph.loaders.extract.zh.segment import is_dictionary_word
from sinograph.loaders.extract.zh.units import Unit

__all__ = ["ASSET_HEADS", "PRODUCT_HEADS", "plants_and_products"]

ASSET_HEADS = words(
    """工厂 超级工厂 新工厂 整车工厂 电池工厂 基地 生产基地 产业基地 制造基地 项目 矿 矿山 矿区
    金矿 铜矿 铁矿 锂矿 铜金矿 金矿项目 油田 气田 电站 核电站 电厂 炼厂 炼油厂 冶炼厂 产业园
    工业园 数据中心 码头 港口"""
)
PRODUCT_HEADS = words(
    """大模型 模型 系列 手机 芯片 车型 新车 操作系统 平台 助手 应用 App APP 智能体 汽车品牌"""
)
_RELEASE_WORDS = ("发布", "推出", "上线", "开源", "亮相", "首发", "升级")
_PROPER = frozenset({"nr", "nrt", "nrfg", "nrf", "nz", "nt", "j", "eng"})
_BREAK = frozenset({"x", "p", "c", "u", "uj", "ul", "uz", "ud", "d", "r", "t", "q", "m", "f"})
_ITEM_BREAK = _BREAK - {"m"}
_NOT_STEMS = words(
    """公司 集团 股份 控股 官方 方面 旗下 总部 董事会 股价 业务 市场 团队 高管 员工 用户 产品
    技术 平台 生态 战略 财报 年报 公告 发布 推出 宣布 表示 认为 称 与 和 及 的
    官宣 官微 预告 曝光 确认 透露 发文"""
)
_OWNED_BY = frozenset({EntityType.COMPANY})
_COUNT_RE = re.compile(r"^(?:\d+|[一二三四五六七八九十两几多数]+)款$")
_PRODUCT_CLASSES = ("车型", "产品", "手机", "模型", "大模型", "芯片", "新车", "车", "应用", "游戏")
_QUOTES = {"“": "”", '"': '"', "「": "」"}


def plants_and_products(units: list[Unit], table: EntityTable, text: str) -> list[Unit]:
    """Units with plants, projects and products found (see the module doc)."""
    units = _plants(units, table, text)
    units = _firm_products(units, table, text)
    units = _quoted_products(units, table, text)
    units = _versioned_products(units, table, text)
    units = _dashed_products(units, table, text)
    return _counted_products(units, table, text)


# Kinds of product a release names before its name ("…固态电池——金刚固态电池").
_DASHED_CLASSES = (*_PRODUCT_CLASSES, "电池", "系统", "机器人", "平台", "处理器")


def _dashed_products(units: list[Unit], table: EntityTable, text: str) -> list[Unit]:
    """ "推出一款…的固态电池——金刚固态电池": after a release verb, the name a dash
    puts after the kind of product is the product, whatever its last word suggests."""
    k = 0
    while k + 1 < len(units):
        if not (
            k > 0
            and units[k].text in ("—", "——")
            and units[k - 1].text.endswith(_DASHED_CLASSES)
            and any(u.text.startswith(_RELEASE_WORDS) for u in units[:k])
        ):
            k += 1
            continue
        start = k + 2 if units[k].text == "—" and units[k + 1].text == "—" else k + 1
        if start >= len(units):
            k += 1
            continue
        end = start
        while end < len(units) and units[end].kind in ("word", "entity") and end - start < 4:
            end += 1
        if end == start or (end < len(units) and units[end].kind not in ("punct",)):
            k += 1
            continue
        name = text[units[start].start : units[end - 1].end]
        single = units[start] if end - start == 1 and units[start].kind == "entity" else None
        if single is not None:
            table.recast(single.entity, EntityType.PRODUCT)
        elif has_han(name):
            index = table.add(name, EntityType.PRODUCT)
            units[start:end] = [
                Unit("entity", name, units[start].start, units[end - 1].end, entity=index)
            ]
        k = start + 1
    return units


_VERSION_RE = re.compile(r"^(?:[vV]?\d+(?:\.\d+)*[a-zA-Z]?|[A-Z]{1,2}\d+(?:\.\d+)*)$")
_VARIANTS = words(
    """lite pro max mini turbo flash plus ultra air thinking vision instruct chat base
    preview se"""
)


def _versioned_products(units: list[Unit], table: EntityTable, text: str) -> list[Unit]:
    """ "豆包大模型1.6 lite", "混元T1": a product line with a version (and a variant) is
    the versioned product, made by the line's firm."""
    k = 0
    while k < len(units):
        unit = units[k]
        if unit.kind != "entity" or table.get(unit.entity).type is not EntityType.PRODUCT:
            k += 1
            continue
        j = _head_end(units, k + 1) if k + 1 < len(units) else k + 1
        if not (
            j < len(units)
            and units[j].kind in ("word", "money", "percent")
            and _VERSION_RE.match(units[j].text)
            and not text[units[j - 1].end : units[j].start].strip()
            and units[j].start - units[j - 1].end <= 1
        ):
            k += 1
            continue
        end = j + 1
        while (
            end < len(units)
            and units[end].text.lower() in _VARIANTS
            and units[end].start - units[end - 1].end <= 1
            and not text[units[end - 1].end : units[end].start].strip()
        ):
            end += 1
        surface = text[unit.start : units[end - 1].end]
        index = table.add(surface, EntityType.PRODUCT)
        owner = table.owner.get(unit.entity)
        if owner is not None:
            table.owner.setdefault(index, owner)
        units[k:end] = [Unit("entity", surface, unit.start, units[end - 1].end, entity=index)]
        k += 1
    return units


def _plants(units: list[Unit], table: EntityTable, text: str) -> list[Unit]:
    k = 0
    while k < len(units):
        unit = units[k]
        if not _asset_head(unit):
            k += 1
            continue
        end = k + 1
        while (
            end < len(units) and _asset_head(units[end]) and units[end].start == units[end - 1].end
        ):
            end += 1
        start = k
        chars = 0
        while start > 0 and chars < 12 and start > k - 4:
            before = units[start - 1]
            if before.end != units[start].start:
                break
            if before.kind == "entity":
                kind = table.get(before.entity).type
                if (
                    kind
                    not in (
                        EntityType.COMPANY,
                        EntityType.ASSET,
                        EntityType.COUNTRY,
                        EntityType.REGION,
                    )
                    or before.anaphor
                ):
                    break
                start -= 1
                chars += len(before.text)
                if kind in (EntityType.COMPANY, EntityType.ASSET):
                    break  # a firm or a known asset opens the name
                continue
            if not _plain_part(before):
                break
            start -= 1
            chars += len(before.text)
        parts = units[start:k]
        if not parts or not _names_a_plant(parts, table):
            k = end
            continue
        first = parts[0]
        surface = text[first.start : units[end - 1].end]
        if first.kind == "entity" and table.get(first.entity).type is EntityType.ASSET:
            index = first.entity  # "西芒杜" + "铁矿项目": the registry's asset
            table.alias(surface, index)
        else:
            index = table.add(surface, EntityType.ASSET)
            if first.kind == "entity" and table.get(first.entity).type in _OWNED_BY:
                table.owner.setdefault(index, first.entity)
        units[start:end] = [Unit("entity", surface, first.start, units[end - 1].end, entity=index)]
        k = start + 1
    return units


def _asset_head(unit: Unit) -> bool:
    if unit.kind != "word":
        return False
    return unit.text in ASSET_HEADS or (len(unit.text) == 2 and unit.text.endswith("矿"))


def _plain_part(unit: Unit) -> bool:
    if unit.kind != "word" or not has_han(unit.text):
        return False
    if unit.text in NAME_BREAKERS or unit.tag in _BREAK:
        return False
    return not (unit.tag.startswith("v") and is_dictionary_word(unit.text))


def _names_a_plant(parts: list[Unit], table: EntityTable) -> bool:
    first = parts[0]
    if first.kind == "entity":
        kind = table.get(first.entity).type
        if kind in (EntityType.COMPANY, EntityType.ASSET):
            return True
    # a place and a head alone ("匈牙利工厂") is a description; a proper word names one
    return any(
        u.kind == "word"
        and (u.tag in _PROPER or (len(u.text) >= 2 and not is_dictionary_word(u.text)))
        and u.tag != "ns"
        for u in parts
    )


def _firm_products(units: list[Unit], table: EntityTable, text: str) -> list[Unit]:
    k = 0
    while k < len(units) - 1:
        firm = units[k]
        stem = units[k + 1]
        spaced = not text[firm.end : stem.start].strip()  # "苹果 iPhone"
        if (
            firm.kind == "entity"
            and firm.entity in table.owner
            and table.get(firm.entity).type is EntityType.PRODUCT
            and stem.start == firm.end
            and _latin(stem, table)
        ):
            # "腾讯混元" + "3D": a model of a firm's product line
            head = _head_end(units, k + 2)
            surface = text[firm.start : stem.end]
            index = table.add(surface, EntityType.PRODUCT)
            table.owner.setdefault(index, table.owner[firm.entity])
            if head > k + 2:
                table.alias(text[firm.start : units[head - 1].end], index)
            units[k:head] = [Unit("entity", surface, firm.start, units[head - 1].end, entity=index)]
            k += 1
            continue
        if (
            firm.kind != "entity"
            or firm.anaphor
            or table.get(firm.entity).type is not EntityType.COMPANY
            or not spaced
        ):
            k += 1
            continue
        if (
            stem.kind == "entity"
            and table.get(stem.entity).type is EntityType.PRODUCT
            and (stem.start != firm.end or stem.text.isascii())
        ):
            table.owner.setdefault(stem.entity, firm.entity)  # "苹果 iPhone": a known model
            k += 2
            continue
        if _latin(stem, table) and sum(ch.isalpha() for ch in stem.text) >= 2:
            # "苹果iPhone": the model keeps its own name; the firm makes it ("腾讯3D" is a
            # term, not a model)
            index = _as_product(stem, table)
            table.owner.setdefault(index, firm.entity)
            table.alias(text[firm.start : stem.end], index)
            units[k + 1] = Unit("entity", stem.text, stem.start, stem.end, entity=index)
            k += 2
            continue
        known = stem.kind == "entity" and table.get(stem.entity).type is EntityType.PRODUCT
        modelled = (
            k + 2 < len(units)
            and units[k + 2].start == stem.end
            and _latin(units[k + 2], table)
            and stem.kind == "word"
            and stem.tag in ("n", "nz", "j", "nr")
            and len(stem.text) == 2
            and stem.text not in NAME_BREAKERS
            and stem.text not in _NOT_STEMS  # "华为官宣Mate 80": a verb, not a line
        )  # "百度" + "文心" + "X1": a model name confirms the product line
        if not (_stem(stem) or known or modelled) or stem.start != firm.end:
            k += 1
            continue
        end = k + 2
        if (
            end < len(units)
            and units[end].start == units[end - 1].end
            and _latin(units[end], table)
        ):
            end += 1  # "腾讯混元" + "Large"
        head = _head_end(units, end)
        if not known and head == end == k + 2:
            # a word after a firm names a product only with a model name or a product
            # word after it ("美团领投" is no product, "海通恒信" is a subsidiary)
            k += 1
            continue
        surface = text[firm.start : units[end - 1].end]
        if known and end == k + 2:
            index = stem.entity  # "腾讯"+"混元": the known product, named with its maker
            table.alias(surface, index)
        else:
            index = table.add(surface, EntityType.PRODUCT)
        table.owner.setdefault(index, firm.entity)
        if head > end:
            table.alias(text[firm.start : units[head - 1].end], index)
        units[k:head] = [Unit("entity", surface, firm.start, units[head - 1].end, entity=index)]
        k += 1
    return units


def _head_end(units: list[Unit], k: int) -> int:
    """Where a product word after a name ends ("大模型", "生成大模型"), or ``k``."""
    joined = ""
    for j in range(k, min(len(units), k + 3)):
        unit = units[j]
        if unit.kind != "word" or not has_han(unit.text) or unit.start != units[j - 1].end:
            break
        joined += unit.text
        if len(joined) > 6:
            break
        if joined.endswith(tuple(PRODUCT_HEADS)):
            return j + 1
    return k


def _latin(unit: Unit, table: EntityTable) -> bool:
    text = unit.text
    if not text.isascii() or not any(ch.isalpha() for ch in text):
        return False  # "Large", "X1", "3D"; not "2025"
    if unit.kind == "word":
        return unit.tag in ("eng", "m", "x") and len(text) >= 2 and text.isalnum()
    return unit.kind == "entity" and table.get(unit.entity).flexible


def _as_product(unit: Unit, table: EntityTable) -> int:
    if unit.kind == "entity":
        table.retype(unit.entity, EntityType.PRODUCT)
        return unit.entity
    return table.add(unit.text, EntityType.PRODUCT)


def _stem(unit: Unit) -> bool:
    """A word that names a product after a firm's name: proper or unknown to jieba."""
    text = unit.text
    if unit.kind != "word":
        return False
    if text in _NOT_STEMS or text in NAME_BREAKERS or text in TITLES:
        return False
    if text in LEGAL_FORMS or text in COMPANY_SUFFIXES or text in INDUSTRY_SUFFIXES:
        return False
    if text in ASSET_HEADS or text in PRODUCT_HEADS:
        return False
    if len(text) < 2 or not all("\u4e00" <= ch <= "\u9fff" for ch in text):
        return False
    if unit.tag[:1] in ("v", "d", "p", "c", "u", "m", "t"):
        return False
    return unit.tag in ("nz", "j") or not is_dictionary_word(text)


def _item(unit: Unit, table: EntityTable) -> bool:
    """An item of a counted list of products: a name, or a plain noun."""
    if unit.kind == "entity":
        return table.get(unit.entity).type in (EntityType.PRODUCT, EntityType.COMPANY)
    if unit.kind != "word" or unit.text in NAME_BREAKERS or unit.tag in _ITEM_BREAK:
        return False
    if unit.tag == "eng" or (unit.tag == "m" and unit.text.isdigit()):
        return True
    return 1 <= len(unit.text) <= 6 and has_han(unit.text) and not unit.tag.startswith("v")


def _quoted_products(units: list[Unit], table: EntityTable, text: str) -> list[Unit]:
    k = 0
    while k < len(units) - 2:
        mark = units[k]
        close = _QUOTES.get(mark.text)
        if close is None or k == 0:
            k += 1
            continue
        before = units[k - 1]
        cue = before.kind == "word" and (
            before.text.endswith(tuple(PRODUCT_HEADS)) or before.text.startswith(_RELEASE_WORDS)
        )
        end = k + 1
        while end < len(units) and units[end].text != close and end - k <= 6:
            end += 1
        if not cue or end >= len(units) or units[end].text != close or end == k + 1:
            k += 1
            continue
        inner = units[k + 1 : end]
        surface = text[inner[0].start : inner[-1].end]
        if (
            not 2 <= len(surface) <= 20
            or any(u.kind in ("punct", "date", "money", "percent") for u in inner)
            or (len(inner) == 1 and inner[0].kind == "entity")
        ):
            k = end + 1
            continue
        index = table.add(surface, EntityType.PRODUCT)
        units[k + 1 : end] = [Unit("entity", surface, inner[0].start, inner[-1].end, entity=index)]
        k += 3
    return units


def _counted_products(units: list[Unit], table: EntityTable, text: str) -> list[Unit]:
    if "款" not in text:
        return units
    k = len(units) - 1
    while k > 1:
        unit = units[k]
        if not (unit.kind == "word" and _COUNT_RE.match(unit.text)):
            k -= 1
            continue
        tail = "".join(u.text for u in units[k + 1 : k + 3])
        if not tail.startswith(_PRODUCT_CLASSES):
            k -= 1
            continue
        items: list[tuple[int, int]] = []
        end = k
        while end > 0:
            start = end
            # an item is up to three glued units: "海狮" + "07", "汉" + "L"
            while (
                start > 0
                and end - start < 3
                and _item(units[start - 1], table)
                and (start == end or units[start - 1].end == units[start].start)
            ):
                start -= 1
            if start == end:
                break
            items.append((start, end))
            if start >= 1 and units[start - 1].text in ("、", "和", "及"):
                end = start - 1
                continue
            break
        if len(items) >= 2:
            for a, b in items:  # right to left: earlier indices stay valid
                if b - a == 1 and units[a].kind == "entity":
                    table.retype(units[a].entity, EntityType.PRODUCT)
                    continue
                surface = text[units[a].start : units[b - 1].end]
                index = table.add(surface, EntityType.PRODUCT)
                units[a:b] = [
                    Unit("entity", surface, units[a].start, units[b - 1].end, entity=index)
                ]
            k = items[-1][0] - 1
            continue
        k -= 1
    return units
