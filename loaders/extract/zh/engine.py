"""The one engine that reads every relation rule: find a trigger, match the rule's
pattern around it over the sentence's units, expand conjuncts, and attach the date,
money, stake and status the sentence gives.

Matching is anchored at the trigger and nearest-first: the subject is the closest
fitting entity before the trigger, the object the closest after it, so "甲称乙将收购丙"
reads 乙 -> 丙. Each candidate records the rule that made it (``rule``) and its score.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from sinograph.graph.model.ontology import EntityType, FactStatus, Predicate
from sinograph.loaders.extract.zh.entities import EntityTable
from sinograph.loaders.extract.zh.lexicon import FOUNDING_TITLES, LEADING_TITLES
from sinograph.loaders.extract.zh.mentions import conjuncts
from sinograph.loaders.extract.zh.rule import Rule
from sinograph.loaders.extract.zh.units import CONJUNCTIONS, Unit

__all__ = ["Candidate", "RuleEngine", "in_range"]

_NEGATIONS = frozenset(
    {
        "不",
        "未",
        "没",
        "没有",
        "并未",
        "尚未",
        "不会",
        "不再",
        "无意",
        "否认",
        "并非",
        "拒绝",
        "暂不",
        "并不",
        "不得",
        "未能",
        "不予",
        "无",
        "无法",
        "不能",
        "难以",
        # "撤回在科创板上市的申请": a withdrawn application lists nothing
        "撤回",
        "撤销",
    }
)
# Verbs that carry the trigger noun ("无法获得FCC批准"): a negation before them negates it.
_LIGHT_VERBS = frozenset({"获得", "取得", "得到", "获", "拿到", "获取"})
_ADVERBS = frozenset("拟已并再也还又均都亦将")
_TELLS = frozenset(
    {"宣布", "表示", "称", "公告", "发布", "披露", "通报", "指出", "发布公告", "宣称"}
)
# Before a trigger, the act is shared and its money is no one party's ("共同出资12亿元").
_JOINT = frozenset({"共同", "联合", "合计", "共计", "一起", "携手"})
_WITH = frozenset({"与", "和", "同", "跟"})
_TOTAL_WORDS = frozenset({"合计", "共计", "总计", "共", "累计", "总额", "合共"})
_STATUS_CUES: tuple[tuple[FactStatus, tuple[str, ...]], ...] = (
    (FactStatus.TERMINATED, ("终止", "放弃", "叫停", "取消")),
    (FactStatus.COMPLETED, ("完成", "已完成", "完成了", "交割", "落地", "正式完成")),
    (FactStatus.AGREED, ("签署", "签订", "订立", "达成", "同意", "签约", "协议")),
    (FactStatus.PROPOSED, ("拟", "计划", "有意", "筹划", "拟议", "提议", "打算", "寻求", "或将")),
)
_STAKE_WORDS = ("股权", "股份", "权益", "的股权", "的股份")


@dataclass(slots=True)
class Candidate:
    """A fact read from one sentence, before the story's facts are merged."""

    subject: int
    predicate: Predicate
    object: int
    sentence: int
    rule: str
    confidence: float
    date: str | None = None
    amount: tuple[float, str] | None = None
    stake_pct: float | None = None
    status: FactStatus | None = None
    role: str | None = None
    valid_from: str | None = None
    valid_until: str | None = None
    rules: list[str] = field(default_factory=list)
    # "starts" or "ends" when the fact is an appointment or a departure: dated like an act
    # even though the relation lasts.
    event: str | None = None
    # The date is when a measure takes effect ("从本周五(10月11日)开始"), not when it was told.
    effective: bool = False
    # The date came from another clause of the sentence ("且2021年未披露…，因此拟对X处以罚款").
    weak_date: bool = False


@dataclass(slots=True)
class _Match:
    subjects: list[int]
    objects: list[int]
    role: str | None
    first: int
    last: int
    # a founder's title in the run of titles ("创始人兼CEO"): FOUNDED as well
    founder: bool = False


class RuleEngine:
    """All rules, indexed by trigger, applied to one sentence at a time."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = tuple(rules)
        by_trigger: dict[str, list[Rule]] = {}
        for rule in self.rules:
            for trigger in rule.triggers:
                by_trigger.setdefault(trigger, []).append(rule)
        self._by_trigger = by_trigger
        ordered = sorted(by_trigger, key=len, reverse=True)
        self._finder = re.compile("(?=(" + "|".join(re.escape(t) for t in ordered) + "))")
        # Triggers that are prefixes of a longer trigger fire where the longer one does.
        self._prefixes = {t: [p for p in ordered if t.startswith(p)] for t in ordered}

    def apply(
        self,
        text: str,
        units: list[Unit],
        sentence: int,
        table: EntityTable,
        context_actor: int,
        context_firm: int = -1,
        context_good: int = -1,
    ) -> list[Candidate]:
        """Every fact the rules read in one sentence."""
        found: list[Candidate] = []
        for m in self._finder.finditer(text):
            start = m.start()
            first = _unit_at(units, start)
            if (
                first is not None
                and first + 1 < len(units)
                and units[first].kind == "entity"
                and units[first + 1].kind == "title"
                and units[first + 1].text == m.group(1)
            ):
                # "商务部长": the title "部长" shares its first character with the body
                first += 1
                start = units[first].start - (len(units[first].text) - 1)
            if first is None or units[first].kind not in ("word", "title"):
                continue
            if _negated(units, first, text, self._by_trigger):
                continue
            for trigger in self._prefixes[m.group(1)]:
                last = _unit_at(units, start + len(trigger) - 1)
                if last is None:
                    continue
                for rule in self._by_trigger[trigger]:
                    if (rule.needs or rule.unless) and not _cues_fit(rule, units, first):
                        continue
                    after = text[start + len(trigger) : start + len(trigger) + 4]
                    if rule.not_before and after.startswith(rule.not_before):
                        continue
                    for match in self._match(
                        rule,
                        units,
                        first,
                        last,
                        table,
                        context_actor,
                        context_firm,
                        context_good,
                    ):
                        found.extend(
                            self._candidates(rule, match, units, first, last, sentence, table)
                        )
        return found

    # --- pattern matching -----------------------------------------------------------

    def _match(
        self,
        rule: Rule,
        units: list[Unit],
        first: int,
        last: int,
        table: EntityTable,
        context_actor: int,
        context_firm: int = -1,
        context_good: int = -1,
    ) -> Iterator[_Match]:
        split = next(i for i, (kind, _) in enumerate(rule.elements) if kind == "trigger")
        left = rule.elements[:split][::-1]
        right = rule.elements[split + 1 :]
        bound: dict[str, int] = {}
        ends = {"first": first, "last": last, "trigger": first}
        if self._side(rule, left, units, first - 1, -1, table, bound, ends) and self._side(
            rule, right, units, last + 1, 1, table, bound, ends
        ):
            yield self._expand(rule, units, bound, table, ends)
            return
        if not (rule.object_from_context or rule.subject_from_context or rule.subject_from_firm):
            return
        # a missing object is the story's firm, or for a measure on goods the last good
        # named ("商务部决定…实施临时反倾销措施" after "原产于日本的电解电容器纸");
        # the story's firm is the one named last before the trigger (in this sentence or
        # before it): a firm named after it is not the one a title before a name belongs to
        context_firm = _firm_before(units, first, table, context_firm)
        context_object = context_firm
        if (
            context_object < 0 or table.get(context_object).type not in rule.object
        ) and context_good >= 0:
            context_object = context_good
        if rule.object_from_context and context_object >= 0 and left and left[-1] == ("role", "O"):
            trimmed = left[:-1]
            while trimmed and trimmed[-1][0] == "gap":
                trimmed = trimmed[:-1]
            bound = {}
            ends = {"first": first, "last": last, "trigger": first}
            if (
                self._side(rule, trimmed, units, first - 1, -1, table, bound, ends)
                and self._side(rule, right, units, last + 1, 1, table, bound, ends)
                and table.get(context_object).type in rule.object
            ):
                match = self._expand(rule, units, bound, table, ends)
                match.objects = [context_object]
                yield match
                return
        if rule.subject_from_firm and context_firm >= 0:
            context_actor = context_firm
        if (
            (rule.subject_from_context or rule.subject_from_firm)
            and context_actor >= 0
            and left
            and left[-1] == ("role", "S")
        ):
            trimmed = left[:-1]
            while trimmed and trimmed[-1][0] == "gap":
                trimmed = trimmed[:-1]
            bound = {}
            ends = {"first": first, "last": last, "trigger": first}
            if (
                self._side(rule, trimmed, units, first - 1, -1, table, bound, ends)
                and self._side(rule, right, units, last + 1, 1, table, bound, ends)
                and table.get(context_actor).type in rule.subject
            ):
                match = self._expand(rule, units, bound, table, ends)
                match.subjects = [context_actor]
                yield match

    def _side(
        self,
        rule: Rule,
        elements: Sequence[tuple[str, str | int]],
        units: list[Unit],
        pos: int,
        step: int,
        table: EntityTable,
        bound: dict[str, int],
        ends: dict[str, int],
    ) -> bool:
        if not elements:
            return True
        kind, value = elements[0]
        rest = elements[1:]
        if kind == "gap":
            limit = int(value)
            at, used = pos, 0
            while True:
                if self._side(rule, rest, units, at, step, table, bound, ends):
                    return True
                crossed = units[at] if 0 <= at < len(units) else None
                if crossed is None or crossed.is_sentence_end:
                    return False
                if limit < 10 and crossed.is_clause_end:
                    return False
                # a list of names counts as one unit ("将A、B、…、J列入实体清单")
                if not (crossed.kind == "entity" or crossed.text == "、"):
                    used += 1
                    if used > limit:
                        return False
                at += step
        if not 0 <= pos < len(units):
            return False
        unit = units[pos]
        if kind == "words":
            alternatives = str(value).split("|")
            glued = (  # "拟将", "并将": jieba glues an adverb to the coverb
                len(unit.text) == 2 and unit.text[0] in _ADVERBS and unit.text[1] in alternatives
            )
            if (
                unit.text in _WITH
                and pos >= 2
                and units[pos - 1].kind == "entity"
                and units[pos - 2].text == "、"
            ):
                return False  # "与A、B和C合作": a list's last 和 joins items, not partners
            if unit.kind in ("word", "punct") and (unit.text in alternatives or glued):
                return self._side(rule, rest, units, pos + step, step, table, bound, ends)
            return False
        role = str(value)
        clause_initial = role.endswith("^")
        first_after_word = role.endswith("<")
        role = role.rstrip("^<")
        if role == "T":
            if unit.kind != "title":
                return False
            bound["T"] = pos
            return self._side(rule, rest, units, pos + step, step, table, bound, ends)
        if unit.kind != "entity" or not self._fits(rule, role, unit, table):
            return False
        if role == "O" and rule.predicate in _MEASURES and _qualifies_holders(units, pos, table):
            return False  # "对中国和香港的19个实体": the entities are the object, not the places
        if clause_initial and pos != _clause_topic(rule, role, units, pos, table):
            return False
        if first_after_word and step == -1 and not _first_after_word(rule, role, units, pos, table):
            return False
        if (
            role in ("S", "P")
            and step == -1
            and pos > 0
            and units[pos - 1].kind == "word"
            and units[pos - 1].text in _OBLIQUE
            and not (rest and rest[0][0] == "words")
            and not _pattern_wants(rest, units[pos - 1].text)
        ):
            return False  # "从欧盟进口": 欧盟 is where from, not who
        if role == "O" and step == 1:
            pos = _named_after_relation(rule, units, pos, table)
        if role in bound and bound[role] != pos:
            return False
        bound[role] = pos
        ends["first"] = min(ends["first"], pos)
        ends["last"] = max(ends["last"], pos)
        if self._side(rule, rest, units, pos + step, step, table, bound, ends):
            return True
        del bound[role]
        return False

    @staticmethod
    def _fits(rule: Rule, role: str, unit: Unit, table: EntityTable) -> bool:
        entity = table.get(unit.entity)
        wanted = rule.object if role == "O" else rule.subject
        if entity.type in wanted:
            return True
        # A product or plant named after its firm stands for the firm where a firm is
        # wanted ("腾讯混元推出…": Tencent releases; "腾讯混元3D模型负责人郭春超").
        owner = table.owner.get(unit.entity)
        if owner is not None and table.get(owner).type in wanted:
            return True
        # A Latin name of unsettled type may be the product a release names.
        return entity.flexible and EntityType.PRODUCT in wanted and role == "O"

    def _expand(
        self,
        rule: Rule,
        units: list[Unit],
        bound: dict[str, int],
        table: EntityTable,
        ends: dict[str, int],
    ) -> _Match:
        subjects: list[int] = []
        objects: list[int] = []
        if "P" in bound:
            at = bound["P"]
            group = [
                at,
                *conjuncts(units, at, -1, table, titles=not rule.by_title),
                *conjuncts(units, at, 1, table, titles=not rule.by_title),
            ]
            subjects = sorted(
                {units[k].entity for k in group if table.get(units[k].entity).type in rule.subject}
            )
            head = min(group)
            if "S" not in bound and head > 0 and units[head - 1].text in _WITH:
                # "丰田与A、B和C展开合作": the list is one party's partners, not a
                # group of parties with each other (the rule with S~与~O reads it)
                subjects = []
        if "S" in bound:
            at = bound["S"]
            around_s = [at, *conjuncts(units, at, -1, table, titles=not rule.by_title)]
            if (at > 0 and units[at - 1].text == "由") or at > ends["trigger"]:
                # "由甲、乙和丙联合投资": the agent list opens after 由; "联合创始人甲、乙":
                # a subject after its title opens its list too
                around_s += conjuncts(units, at, 1, table, titles=not rule.by_title)
            own = [
                units[k].entity
                for k in around_s
                if k == at or table.get(units[k].entity).type in rule.subject
            ]
            # "甲拟与乙、丙共同出资": the parties join the subject
            subjects = own + [p for p in subjects if p not in own]
        if "O" in bound:
            at = bound["O"]
            chain = [at]
            if rule.predicate in _WHERE:
                chain = _place_chain(units, at, table)
                # a firm is headquartered in the city; it operates in the country too
                at = chain[-1]
            kinds = rule.object
            around = (
                at,
                *conjuncts(units, at, 1, table, titles=not rule.by_title),
                *conjuncts(units, at, -1, table, titles=not rule.by_title),
            )
            objects = [
                units[k].entity
                for k in around
                if table.get(units[k].entity).type in kinds or k == at
            ]
            if rule.predicate is Predicate.OPERATES_IN:
                objects += [units[k].entity for k in chain[:-1]]
        if not subjects and rule.subject_from_owner:
            subjects = sorted({table.owner[o] for o in objects if o in table.owner})
        if not subjects and rule.subject_named is not None:
            subjects = [table.add(rule.subject_named, EntityType.COUNTRY)]
        subjects = [_owner_if_needed(e, rule.subject, table) for e in subjects]
        objects = [_owner_if_needed(e, rule.object, table) for e in objects]
        role = None
        run: list[str] = []
        k = bound.get("T", ends["trigger"])
        if units[k].kind == "title":
            # "董事长、执行董事周子学", "创始人兼CEO张建中": the whole run of titles
            run.append(units[k].text)
            while (
                k - 2 >= 0 and units[k - 1].text in _TITLE_LINKS and units[k - 2].kind == "title"
            ):
                k -= 2
                run.insert(0, units[k].text)
            # "辞去公司董事、董事长职务", "仍担任公司董事、总裁": and after it.
            k = bound.get("T", ends["trigger"])
            while (
                k + 2 < len(units)
                and units[k + 1].text in _TITLE_LINKS
                and units[k + 2].kind == "title"
            ):
                k += 2
                run.append(units[k].text)
            trigger_title = units[bound.get("T", ends["trigger"])].text
            # the leading title of the run counts; a founder's title only when alone
            running = [t for t in run if t in LEADING_TITLES and t not in FOUNDING_TITLES]
            role = trigger_title if trigger_title in running else (running or [trigger_title])[0]
        founder = any(t in FOUNDING_TITLES for t in run)
        return _Match(subjects, objects, role, ends["first"], ends["last"], founder)

    # --- attributes -------------------------------------------------------------------

    def _candidates(
        self,
        rule: Rule,
        match: _Match,
        units: list[Unit],
        first: int,
        last: int,
        sentence: int,
        table: EntityTable,
    ) -> list[Candidate]:
        out: list[Candidate] = []
        predicate = rule.predicate
        if rule.by_title and match.role is not None:
            predicate = Predicate.LEADS if match.role in LEADING_TITLES else Predicate.WORKS_FOR
            if match.role in FOUNDING_TITLES:
                predicate = Predicate.FOUNDED
        if "P" in rule.pattern.split() and "O" not in rule.pattern.split():
            pairs = [(a, b) for i, a in enumerate(match.subjects) for b in match.subjects[i + 1 :]]
        else:
            pairs = [(s, o) for s in match.subjects for o in match.objects]
        if not pairs:
            return out
        if predicate in _DEALS and "O" in rule.pattern.split() and _holds_next(units, match.last):
            # "收购Y持有的O权益": Y only holds what is bought (zh.acquire.holders_stake)
            return out
        date = _date_near(units, first, last)
        if predicate in _DEALS and _named_as_case(units, match.last):
            # "中国化工收购先正达案周一获批": the date is the approval's, not the deal's
            date = None
        effective = None
        if predicate in _STARTING:
            effective = _start_date(units, last)
            date = effective or date
        # A sum stated for several parties ("A、B合计被罚款2亿元", "甲与乙共同出资12亿元")
        # is no one party's amount.
        single = (
            len({o for _, o in pairs}) == 1
            and len({s for s, _ in pairs}) == 1
            and not any(
                u.text in _JOINT or u.text.startswith(tuple(_JOINT))
                for u in units[max(0, first - 3) : first + 1]
            )
        )
        amount = _amount_near(units, first, last) if rule.amount and single else None
        stake = _stake_near(units, last)
        status = _status_near(units, first) or rule.status
        for s, o in pairs:
            if s == o:
                continue
            if (
                table.get(o).flexible
                and EntityType.PRODUCT in rule.object
                and EntityType.COMPANY not in rule.object
            ):
                table.retype(o, EntityType.PRODUCT)
            out.append(
                Candidate(
                    s,
                    predicate,
                    o,
                    sentence,
                    rule.name,
                    rule.confidence,
                    date=None if rule.by_title and not (rule.starts or rule.ends) else date,
                    amount=amount,
                    stake_pct=stake if predicate in _STAKE_PREDICATES else None,
                    status=status if predicate in _STATUS_PREDICATES else None,
                    role=match.role,
                    valid_from=date if rule.starts else None,
                    valid_until=date if rule.ends else None,
                    rules=[rule.name],
                    event="starts" if rule.starts else ("ends" if rule.ends else None),
                    effective=effective is not None,
                    weak_date=date is not None and not _date_in_clause(units, first, last),
                )
            )
        if rule.by_title and match.founder and predicate is not Predicate.FOUNDED and not rule.ends:
            out += [
                replace(
                    c,
                    predicate=Predicate.FOUNDED,
                    role=None,
                    valid_from=None,
                    event=None,
                    rules=list(c.rules),
                )
                for c in out
            ]
        return out


_DEALS = frozenset(
    {Predicate.ACQUIRES, Predicate.SELLS, Predicate.MERGES_WITH, Predicate.INVESTS_IN}
)
_CASE_WORDS = ("案", "一案", "案件", "事项", "交易", "申请")


_MEASURES = frozenset(
    {
        Predicate.BANS,
        Predicate.SANCTIONS,
        Predicate.IMPOSES_TARIFF,
        Predicate.LIFTS_BAN,
        Predicate.FINES,
        Predicate.INVESTIGATES,
    }
)
_HOLDER_NOUNS = ("实体", "企业", "公司", "机构", "个人", "组织", "企业和个人")
_PLACE_TYPES = frozenset({EntityType.COUNTRY, EntityType.REGION})


def _qualifies_holders(units: list[Unit], pos: int, table: EntityTable) -> bool:
    """Whether the place at ``units[pos]`` (with the places coordinated after it) only
    says whose entities follow: "对中国和香港的19个实体", "美国的三家企业"."""
    if table.get(units[pos].entity).type not in _PLACE_TYPES:
        return False
    k = pos + 1
    while (
        k + 1 < len(units)
        and units[k].text in CONJUNCTIONS
        and units[k + 1].kind == "entity"
        and table.get(units[k + 1].entity).type in _PLACE_TYPES
    ):
        k += 2
    if k >= len(units) or units[k].text != "的":
        return False
    return any(u.kind == "word" and u.text.endswith(_HOLDER_NOUNS) for u in units[k + 1 : k + 4])


def _holds_next(units: list[Unit], last: int) -> bool:
    nxt = units[last + 1] if last + 1 < len(units) else None
    return (
        nxt is not None
        and nxt.text in ("持有", "所持", "所持有")
        and last + 2 < len(units)
        and units[last + 2].text == "的"
    )


def _named_as_case(units: list[Unit], last: int) -> bool:
    """Whether the act ending at ``units[last]`` is named as a case ("收购先正达案")."""
    nxt = units[last + 1] if last + 1 < len(units) else None
    if nxt is not None and nxt.text == "的" and last + 2 < len(units):
        nxt = units[last + 2]
    return nxt is not None and nxt.kind == "word" and nxt.text.startswith(_CASE_WORDS)


_TITLE_LINKS = frozenset({"、", "及", "和", "兼"})
_STAKE_PREDICATES = frozenset(
    {Predicate.ACQUIRES, Predicate.SELLS, Predicate.INVESTS_IN, Predicate.OWNS}
)
_STATUS_PREDICATES = frozenset(
    {
        Predicate.ACQUIRES,
        Predicate.SELLS,
        Predicate.INVESTS_IN,
        Predicate.MERGES_WITH,
        Predicate.LISTED_ON,
    }
)


def _negated(units: list[Unit], first: int, text: str, triggers: dict[str, list[Rule]]) -> bool:
    """ "目前不会对欧盟猪肉加征关税": a negation earlier in the trigger's clause (but not
    the 不 of a trigger phrase such as "不可靠实体清单")."""
    lo, _ = _clause_bounds(units, first, first)
    for j in range(lo, first):
        u = units[j]
        if u.kind == "word" and u.text in _NEGATIONS:
            rest = text[u.start : u.start + 8]
            if any(rest.startswith(t) for t in triggers if t[:1] == u.text[:1]):
                continue
            # "未勤勉尽责案作出行政处罚": another verb between takes the negation
            if any(
                w.kind == "word"
                and w.tag.startswith(("v", "i", "l"))
                and w.tag != "vn"
                and w.text not in _LIGHT_VERBS
                for w in units[j + 1 : first]
            ):
                continue
            return True
    return False


_WHERE = frozenset({Predicate.HEADQUARTERED_IN, Predicate.LOCATED_IN, Predicate.OPERATES_IN})


def _owner_if_needed(index: int, wanted: frozenset[EntityType], table: EntityTable) -> int:
    owner = table.owner.get(index)
    if table.get(index).type in wanted or owner is None:
        return index
    return owner


def _place_chain(units: list[Unit], at: int, table: EntityTable) -> list[int]:
    """ "广东省东莞市": the places glued one after another from ``at``, outermost first."""
    chain = [at]
    while (
        chain[-1] + 1 < len(units)
        and units[chain[-1] + 1].kind == "entity"
        and units[chain[-1] + 1].start == units[chain[-1]].end
        and table.get(units[chain[-1] + 1].entity).type is EntityType.REGION
    ):
        chain.append(chain[-1] + 1)
    return chain


_FORMER = frozenset({"原", "前", "曾任", "曾在", "曾于"})


def _firm_before(units: list[Unit], first: int, table: EntityTable, fallback: int) -> int:
    """The firm named last before ``units[first]``, never one after 原 ("是原英伟达中国区
    总经理": a former employer), else ``fallback``."""
    for k in range(first - 1, -1, -1):
        unit = units[k]
        if (
            unit.kind == "entity"
            and table.get(unit.entity).type is EntityType.COMPANY
            and not (k and units[k - 1].text in _FORMER)
        ):
            return unit.entity
    return fallback


def _cues_fit(rule: Rule, units: list[Unit], first: int) -> bool:
    lo, _ = _clause_bounds(units, first, first)
    before = "".join(u.text for u in units[lo:first] if u.kind in ("word", "title"))
    if rule.unless and any(cue in before for cue in rule.unless):
        return False
    return not rule.needs or any(cue in before for cue in rule.needs)


def _unit_at(units: list[Unit], offset: int) -> int | None:
    for k, unit in enumerate(units):
        if unit.start <= offset < unit.end:
            return k
        if unit.start > offset:
            return None
    return None


# "据Wind数据…": a name after 据 is the source of the news, never the actor
_OBLIQUE = frozenset(
    {"从", "自", "向", "对", "被", "由", "给", "为", "跟", "同", "据", "根据", "依据"}
)


# Nouns that say what one firm is to another ("理想汽车电池供应商甲": Li Auto's battery
# supplier 甲); the firm named after them is the one meant.
_RELATION_NOUNS = frozenset(
    {"供应商", "子公司", "全资子公司", "控股子公司", "合作伙伴", "客户", "母公司", "代工厂",
     "经销商", "合资公司", "关联公司"}
)  # fmt: skip


def _named_after_relation(rule: Rule, units: list[Unit], pos: int, table: EntityTable) -> int:
    """The object at ``pos``, or the firm a relation noun after it names ("投资理想汽车
    电池供应商甲" invests in the supplier 甲, not in Li Auto)."""
    k = pos + 1
    while k < len(units) and k <= pos + 3 and units[k].kind == "word":
        if units[k].text in _RELATION_NOUNS:
            after = k + 1
            if (
                after < len(units)
                and units[after].kind == "entity"
                and RuleEngine._fits(rule, "O", units[after], table)
            ):
                return after
            return pos
        k += 1
    return pos


def _pattern_wants(rest: Sequence[tuple[str, str | int]], word: str) -> bool:
    """Whether the next words of a pattern, past its gaps, are ``word``: a rule that asks
    for "向 ~ S" means the one shares are issued to, oblique or not."""
    for kind, value in rest:
        if kind != "gap":
            return kind == "words" and word in str(value).split("|")
    return False


def _first_after_word(
    rule: Rule, role: str, units: list[Unit], pos: int, table: EntityTable
) -> bool:
    """Whether ``units[pos]`` is the first fitting entity after the pattern word before it
    (a country only when nothing else fits: "对原产于美国的大豆" is the soybeans)."""
    wanted = rule.object if role == "O" else rule.subject
    words = {str(v) for kind, v in rule.elements if kind == "words"}
    literals = {w for group in words for w in group.split("|")}
    k = pos - 1
    while k >= 0 and not (units[k].kind == "word" and units[k].text in literals):
        if units[k].is_sentence_end:
            return True
        k -= 1
    fitting = [
        j
        for j in range(k + 1, pos + 1)
        if units[j].kind == "entity" and table.get(units[j].entity).type in wanted
    ]
    preferred = [j for j in fitting if table.get(units[j].entity).type is not EntityType.COUNTRY]
    return bool(fitting) and (preferred or fitting)[0] == pos


def _clause_topic(rule: Rule, role: str, units: list[Unit], pos: int, table: EntityTable) -> int:
    """The clause's topic: its first fitting entity, a firm or good before a country
    ("加拿大最大的谷物商理查森公司…被海关总署撤销": the firm)."""
    lo, _ = _clause_bounds(units, pos, pos)
    wanted = rule.object if role == "O" else rule.subject
    fitting = [
        k
        for k in range(lo, pos + 1)
        if units[k].kind == "entity" and table.get(units[k].entity).type in wanted
    ]
    if not fitting:
        return pos
    preferred = [k for k in fitting if table.get(units[k].entity).type is not EntityType.COUNTRY]
    return (preferred or fitting)[0]


def _clause_bounds(units: list[Unit], first: int, last: int) -> tuple[int, int]:
    lo = first
    while lo > 0 and not units[lo - 1].is_clause_end and not units[lo - 1].is_sentence_end:
        lo -= 1
    hi = last
    while (
        hi + 1 < len(units)
        and not units[hi + 1].is_clause_end
        and not units[hi + 1].is_sentence_end
    ):
        hi += 1
    return lo, hi


_RANGE_MARKS = frozenset({"-", "—", "–", "~", "～", "至", "到", "—-"})
_UNTIL = frozenset({"截至", "截止", "至", "到", "直至"})


def in_range(units: list[Unit], k: int) -> bool:
    """Whether the date at ``units[k]`` bounds a period ("2021年-2025年", "截至6月末"),
    which dates no single act."""
    before = units[k - 1].text if k else ""
    after = units[k + 1] if k + 1 < len(units) else None
    if before in _UNTIL or before in _RANGE_MARKS:
        return True
    return after is not None and after.text in _RANGE_MARKS


# Measures dated by when they take effect ("自10月11日起征收"), as the ontology asks.
_STARTING = frozenset({Predicate.IMPOSES_TARIFF, Predicate.BANS, Predicate.LIFTS_BAN})
_FROM = frozenset({"自", "从", "于", "将于"})
_ONWARD = ("起", "开始", "生效", "实施")


def _start_date(units: list[Unit], last: int) -> str | None:
    """The date a measure starts from in its sentence ("从本周五(10月11日)开始")."""
    for k, unit in enumerate(units):
        if unit.kind != "date" or unit.date is None:
            continue
        before = units[k - 1].text if k else ""
        j = k + 1
        while j < len(units) and (units[j].kind == "date" or units[j].text in "()（）"):
            j += 1  # "本周五(10月11日)开始": the bracketed day is the same date
        after = units[j].text if j < len(units) else ""
        if after.startswith(_ONWARD) and (before in _FROM or k < last):
            # the precise one of a weekday and its bracketed day
            days = [u.date.value for u in units[k:j] if u.kind == "date" and u.date]
            return max(days, key=len)
    return None


def _date_in_clause(units: list[Unit], first: int, last: int) -> bool:
    """Whether the act's date is its own: in the trigger's clause, or in a clause of
    time words alone before it ("今年3月20日，X被证监会立案调查", "一周后的3月27日，")."""
    lo, hi = _clause_bounds(units, first, last)
    if any(
        units[k].kind == "date" and units[k].date is not None and not in_range(units, k)
        for k in range(lo, hi + 1)
    ):
        return True
    k = lo - 1
    while k > 0:
        start, _ = _clause_bounds(units, k - 1, k - 1)
        inside = units[start:k]
        if any(u.kind == "date" for u in inside):
            # a clause that only tells who announced ("商务部昨日宣布，对X启动调查")
            # dates the act too; one with any other verb dates something else
            return not any(
                u.kind == "word"
                and (u.text in _NEGATIONS or (u.tag.startswith("v") and u.text not in _TELLS))
                for u in inside
            )
        k = start - 1
    return False


def _date_near(units: list[Unit], first: int, last: int) -> str | None:
    """The event's date: the nearest date in the trigger's clause ("已于2021年7月27日订立"),
    else the nearest before it in the sentence ("9月16日，甲宣布…")."""
    lo, hi = _clause_bounds(units, first, last)
    inside = [
        k
        for k in range(lo, hi + 1)
        if units[k].kind == "date" and units[k].date is not None and not in_range(units, k)
    ]
    if inside:
        best = min(inside, key=lambda k: first - k if k < first else k - last + 0.5)
        value = units[best].date
        assert value is not None
        return value.value
    for k in range(first - 1, -1, -1):
        unit = units[k]
        if unit.kind == "date" and unit.date is not None:
            if in_range(units, k):
                continue
            return unit.date.value
    _, hi = _clause_bounds(units, first, last)
    for k in range(last + 1, hi + 1):
        unit = units[k]
        if unit.kind == "date" and unit.date is not None:
            return unit.date.value
    return None


def _per_share(units: list[Unit], k: int) -> bool:
    nxt = units[k + 1].text if k + 1 < len(units) else ""
    return nxt.startswith(("/", "／", "每股")) or units[k].text.endswith("/股")


def _amount_near(units: list[Unit], first: int, last: int) -> tuple[float, str] | None:
    """The money of the act: a stated total after the trigger, else the nearest amount
    after it, else the nearest one before it in its clause ("以12亿美元收购")."""
    after: list[int] = []
    for k in range(last + 1, len(units)):
        if units[k].is_sentence_end:
            break
        if units[k].kind == "money" and not _per_share(units, k):
            after.append(k)
    _, clause_end = _clause_bounds(units, first, last)
    own = [k for k in after if k <= clause_end]
    for k in own or after:
        # with money in its own clause, a total in the next one belongs to another act
        if any(units[j].text in _TOTAL_WORDS for j in range(max(last + 1, k - 3), k)):
            money = units[k].money
            assert money is not None
            return money.value, money.currency
    if after and after[0] - last <= 12:
        money = units[after[0]].money
        assert money is not None
        return money.value, money.currency
    lo, _ = _clause_bounds(units, first, last)
    for k in range(first - 1, lo - 1, -1):
        if units[k].kind == "money" and not _per_share(units, k):
            money = units[k].money
            assert money is not None
            return money.value, money.currency
    if after:
        money = units[after[0]].money
        assert money is not None
        return money.value, money.currency
    return None


def _stake_near(units: list[Unit], last: int) -> float | None:
    after = units[last + 1].text if last + 1 < len(units) else ""
    if after.startswith(_STAKE_WORDS):
        # "购得9.69%戴姆勒股份": the share before the firm whose shares they are
        for k in range(last - 1, max(-1, last - 4), -1):
            unit = units[k]
            if unit.kind == "percent" and unit.percent is not None:
                return unit.percent.value if 0 < unit.percent.value <= 100 else None
    for k in range(last + 1, min(len(units), last + 10)):
        unit = units[k]
        if unit.is_sentence_end:
            break
        if unit.kind == "percent" and unit.percent is not None:
            nxt = units[k + 1].text if k + 1 < len(units) else ""
            if nxt.startswith(_STAKE_WORDS) or nxt == "的":
                return unit.percent.value if 0 < unit.percent.value <= 100 else None
    return None


def _status_near(units: list[Unit], first: int) -> FactStatus | None:
    lo, _ = _clause_bounds(units, first, first)
    words = {u.text for u in units[lo : first + 1] if u.kind in ("word", "title")}
    trigger = units[first].text
    for status, cues in _STATUS_CUES:
        if any(cue in words or trigger.startswith(cue) for cue in cues):
            return status
    return None
