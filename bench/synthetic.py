"""Realistic synthetic news graphs and stories, for benchmarks and load tests.

Deterministic for a seed: the same ``(facts, seed)`` always gives the same
deltas, batch by batch, whatever the platform or hash seed. The shape follows
news about China business:

* entity popularity is a power law per type (a few hubs such as China or a big
  bank, a long tail seen once or twice); names come with aliases, short forms
  that several entities share, some Chinese names and tickers;
* facts spread over ten years, mostly in the order they were reported, with
  mixed date precision (day, month, year, none);
* about a quarter of facts are reported again by a later story (one edge,
  several sources, sometimes a status moving forward);
* some durative facts end later (departures with ``valid_until``, bans lifted).

The deltas come in batches (``batch_facts`` fact records each), so a graph of a
million facts never sits in one Python list; only a bounded queue of facts
awaiting a later report is kept between batches.

>>> news = SyntheticNews(facts=200, seed=3)
>>> deltas = list(news.deltas(batch_facts=100))
>>> sum(len(d.facts) for d in deltas)
200
>>> [f.key for f in deltas[0].facts] == [f.key for f in next(news.deltas(100)).facts]
True
"""

from __future__ import annotations

import bisect
import hashlib
import heapq
import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from sinograph.graph.model.domain import Entity, Evidence, Fact, GraphDelta, Metric, Story
from sinograph.graph.model.ontology import DURATIVE_PREDICATES, EntityType, FactStatus, Predicate

__all__ = ["SyntheticNews", "SyntheticStory", "parse_size"]

T = EntityType
P = Predicate

_SYLLABLES = (
    "an", "bai", "bao", "bei", "bo", "cai", "chang", "chen", "cheng", "chuang", "da", "dong",
    "fang", "feng", "fu", "gang", "guang", "guo", "hai", "hang", "hao", "he", "heng", "hong",
    "hua", "huan", "hui", "jia", "jian", "jiang", "jin", "jing", "kai", "kang", "lan", "li",
    "lian", "long", "lu", "ming", "nan", "ning", "peng", "ping", "qi", "qian", "qing", "rong",
    "rui", "sheng", "shi", "tai", "tian", "tong", "wan", "wei", "xin", "xing", "xu", "ya", "yang",
    "yi", "ying", "yong", "yu", "yuan", "yue", "zhi", "zhong", "zhou",
)
_COMPANY_SUFFIXES = (
    "Holdings", "Group", "Technology", "Capital", "Mining", "Energy", "Bank", "Securities",
    "Motors", "Pharmaceutical", "Logistics", "Semiconductor", "Insurance", "Properties",
    "Electronics", "Foods", "Steel", "Shipping", "Media", "Robotics",
)
_FAMILY = (
    "Li", "Wang", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun", "Hu",
    "Zhu", "Gao", "Lin", "He", "Guo", "Ma", "Luo", "Liang", "Song", "Zheng", "Xie", "Han", "Tang",
    "Feng", "Yu", "Dong", "Xiao", "Cheng", "Cao", "Yuan", "Deng", "Fu", "Shen", "Zeng", "Peng",
    "Lu", "Su",
)
_COUNTRIES = (
    "China", "United States", "Japan", "Hong Kong", "European Union", "Germany", "Kazakhstan",
    "Australia", "South Korea", "Taiwan", "United Kingdom", "France", "Singapore", "India",
    "Indonesia", "Vietnam", "Brazil", "Russia", "Saudi Arabia", "Canada", "Malaysia", "Thailand",
    "Chile", "Peru", "South Africa", "Nigeria", "Mexico", "Italy", "Netherlands", "Switzerland",
    "Macau", "Philippines", "Pakistan", "Egypt", "Turkey", "Argentina", "Mongolia", "Laos",
    "Cambodia", "New Zealand",
)
_REGIONS = (
    "Shanghai", "Beijing", "Guangdong", "Shenzhen", "Zhejiang", "Jiangsu", "Fujian", "Sichuan",
    "Xinjiang", "Hubei", "Hunan", "Shandong", "Henan", "Anhui", "Chongqing", "Tianjin", "Hainan",
    "Yunnan", "Guangxi", "Inner Mongolia", "Shaanxi", "Liaoning", "Jilin", "Heilongjiang",
    "Jiangxi", "Guizhou", "Gansu", "Qinghai", "Ningxia", "Tibet", "Central Asia", "Southeast Asia",
    "Greater Bay Area", "Yangtze River Delta", "Hangzhou", "Suzhou", "Wuhan", "Chengdu",
)
_BODIES = (
    "Ministry of Commerce", "State Council", "People's Bank of China",
    "China Securities Regulatory Commission", "General Administration of Customs",
    "National Development and Reform Commission", "State Administration for Market Regulation",
    "Ministry of Industry and Information Technology", "US Department of Commerce",
    "European Commission", "Cyberspace Administration of China", "National Financial Regulatory "
    "Administration", "Ministry of Finance", "Hong Kong Monetary Authority",
)
_COMMODITIES = (
    "gold", "copper", "lithium", "rare earths", "iron ore", "coal", "crude oil", "natural gas",
    "soybeans", "pork", "Japanese seafood", "Australian wine", "steel", "aluminium", "nickel",
    "cobalt", "wheat", "corn", "semiconductors", "solar panels", "electric vehicles", "gallium",
    "germanium", "graphite", "cotton", "rubber", "palm oil", "beef", "barley", "timber",
)
_MARKETS = (
    "Hong Kong stocks", "A shares", "Southbound Stock Connect", "Northbound Stock Connect",
    "China new-home market", "onshore bond market", "offshore yuan market", "STAR Market",
    "ChiNext", "Shanghai Stock Exchange main board", "Hong Kong IPO market", "China EV market",
    "China smartphone market", "commodity futures", "Panda bond market", "Dim sum bond market",
)
_INVESTOR_GROUPS = (
    "mainland investors", "international investors", "retail investors", "foreign funds",
    "state funds", "hedge funds", "sovereign wealth funds", "pension funds",
)
_EXCHANGES = (
    "Hong Kong Exchanges and Clearing", "Shanghai Stock Exchange", "Shenzhen Stock Exchange",
    "Nasdaq", "New York Stock Exchange", "Beijing Stock Exchange", "Singapore Exchange",
)
_PUBLISHERS = (
    "Caixin", "South China Morning Post", "Reuters", "Bloomberg", "Financial Times", "Xinhua",
    "China Daily", "Nikkei Asia", "Yicai", "The Paper", "Securities Times", "21st Century "
    "Business Herald", "Global Times", "Jiemian", "36Kr", "The Economic Observer",
)
_CJK = "华新联达中国金海天宏鑫盛泰安恒远通信科技集团控股银行证券能源矿业汽车电子医药物流"
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)

# Each predicate: how often, which subject and object types, how often it is undated.
_SPECS: tuple[tuple[Predicate, float, tuple[T, ...], tuple[T, ...], float], ...] = (
    (P.OWNS, 9, (T.COMPANY, T.COMPANY, T.COMPANY, T.PERSON, T.GOVERNMENT_BODY),
     (T.COMPANY, T.COMPANY, T.ASSET), 0.2),
    (P.SUBSIDIARY_OF, 5, (T.COMPANY,), (T.COMPANY,), 0.6),
    (P.INVESTS_IN, 9, (T.COMPANY, T.COMPANY, T.PERSON, T.INVESTOR_GROUP, T.GOVERNMENT_BODY),
     (T.COMPANY, T.COMPANY, T.ASSET, T.MARKET), 0.05),
    (P.ACQUIRES, 8, (T.COMPANY,), (T.COMPANY, T.COMPANY, T.ASSET), 0.02),
    (P.SELLS, 3, (T.COMPANY,), (T.COMPANY, T.ASSET), 0.02),
    (P.MERGES_WITH, 1, (T.COMPANY,), (T.COMPANY,), 0.02),
    (P.PARTNERS_WITH, 8, (T.COMPANY,), (T.COMPANY,), 0.05),
    (P.SUPPLIES, 6, (T.COMPANY,), (T.COMPANY,), 0.3),
    (P.COMPETES_WITH, 4, (T.COMPANY,), (T.COMPANY,), 0.5),
    (P.CONTROLS, 2, (T.COMPANY, T.PERSON, T.COUNTRY), (T.COMPANY,), 0.3),
    (P.LEADS, 6, (T.PERSON,), (T.COMPANY, T.COMPANY, T.COMPANY, T.GOVERNMENT_BODY), 0.1),
    (P.WORKS_FOR, 5, (T.PERSON,), (T.COMPANY, T.COMPANY, T.ORGANIZATION, T.GOVERNMENT_BODY),
     0.3),
    (P.FOUNDED, 2, (T.PERSON,), (T.COMPANY,), 0.4),
    (P.LISTED_ON, 2, (T.COMPANY,), (T.COMPANY,), 0.05),
    (P.HEADQUARTERED_IN, 5, (T.COMPANY, T.COMPANY, T.ORGANIZATION, T.GOVERNMENT_BODY),
     (T.COUNTRY, T.REGION, T.REGION), 0.85),
    (P.OPERATES_IN, 4, (T.COMPANY,), (T.COUNTRY, T.REGION), 0.4),
    (P.LOCATED_IN, 2, (T.ASSET, T.REGION), (T.COUNTRY, T.REGION), 0.9),
    (P.DEVELOPS, 2, (T.COMPANY,), (T.PRODUCT,), 0.3),
    (P.RELEASES, 2, (T.COMPANY,), (T.PRODUCT,), 0.02),
    (P.IMPORTS, 2, (T.COUNTRY, T.COMPANY), (T.COMMODITY,), 0.05),
    (P.BANS, 1, (T.COUNTRY, T.GOVERNMENT_BODY), (T.COMMODITY, T.COMPANY, T.PRODUCT), 0.02),
    (P.SANCTIONS, 2, (T.COUNTRY, T.GOVERNMENT_BODY), (T.COMPANY, T.PERSON), 0.02),
    (P.INVESTIGATES, 2, (T.GOVERNMENT_BODY,), (T.COMPANY, T.PERSON, T.COMMODITY), 0.02),
    (P.FINES, 1, (T.GOVERNMENT_BODY,), (T.COMPANY,), 0.02),
    (P.APPROVES, 2, (T.GOVERNMENT_BODY,), (T.COMPANY, T.PRODUCT, T.ASSET), 0.02),
    (P.IMPOSES_TARIFF, 1, (T.COUNTRY,), (T.COUNTRY, T.COMMODITY), 0.02),
    (P.SUPPORTS, 2, (T.GOVERNMENT_BODY, T.COUNTRY), (T.MARKET, T.COMPANY, T.REGION), 0.1),
)

# Sentences in the style of news; {s} and {o} are surface forms, {when} a date phrase.
_TEMPLATES: dict[Predicate, tuple[str, ...]] = {
    P.OWNS: ("{s} holds a stake in {o}{when}.", "{o} is owned by {s}, filings showed{when}."),
    P.SUBSIDIARY_OF: ("{s} is a unit of {o}.", "{s}, a subsidiary of {o}, reported results{when}."),
    P.INVESTS_IN: ("{s} invested in {o}{when}.", "{s} led a funding round for {o}{when}."),
    P.ACQUIRES: ("{s} agreed to acquire {o}{when}.", "{s} completed its purchase of {o}{when}."),
    P.SELLS: ("{s} sold its holding in {o}{when}.", "{s} agreed to divest {o}{when}."),
    P.MERGES_WITH: ("{s} will merge with {o}, the companies said{when}.",),
    P.PARTNERS_WITH: (
        "{s} formed a joint venture with {o}{when}.", "{s} teamed up with {o}{when}."
    ),
    P.SUPPLIES: ("{s} is a supplier to {o}.", "{s} signed a deal to supply {o}{when}."),
    P.COMPETES_WITH: ("{s} is a rival of {o}.", "{s} competes with {o} for market share."),
    P.CONTROLS: ("{s} controls {o}.", "{o} is controlled by {s}{when}."),
    P.LEADS: ("{s} was named chairman of {o}{when}.", "{s}, chief executive of {o}, spoke{when}."),
    P.WORKS_FOR: ("{s}, an analyst at {o}, said prices would rise{when}.",
                  "{s} joined {o}{when}."),
    P.FOUNDED: ("{s} founded {o}{when}.", "{o} was founded by {s}."),
    P.LISTED_ON: ("{s} debuted on the {o}{when}.", "{s} filed to list on the {o}{when}."),
    P.HEADQUARTERED_IN: ("{s} is based in {o}.", "The {o}-based {s} said it would expand."),
    P.OPERATES_IN: ("{s} has operations in {o}.", "{s} opened a plant in {o}{when}."),
    P.LOCATED_IN: ("{s} lies in {o}.",),
    P.DEVELOPS: ("{o} was developed by {s}.", "{s} makes {o}."),
    P.RELEASES: ("{s} launched {o}{when}.", "{s} unveiled {o}{when}."),
    P.IMPORTS: ("{s} imported more {o}{when}.", "{s} resumed buying {o}{when}."),
    P.BANS: ("{s} banned imports of {o}{when}.", "{s} suspended purchases of {o}{when}."),
    P.LIFTS_BAN: ("{s} lifted its ban on {o}{when}.", "{s} resumed imports of {o}{when}."),
    P.SANCTIONS: ("{s} added {o} to its entity list{when}.", "{s} sanctioned {o}{when}."),
    P.INVESTIGATES: ("{s} opened a probe into {o}{when}.",),
    P.FINES: ("{s} fined {o}{when}.",),
    P.APPROVES: ("{s} approved {o}{when}.", "{s} cleared {o}{when}."),
    P.IMPOSES_TARIFF: ("{s} imposed tariffs on {o}{when}.",),
    P.SUPPORTS: ("{s} pledged support for {o}{when}.",),
}
_DEPARTURES: dict[Predicate, str] = {
    P.LEADS: "{s} stepped down from {o}{when}.",
    P.WORKS_FOR: "{s} left {o}{when}.",
    P.OWNS: "{s} no longer holds shares in {o}{when}.",
    P.CONTROLS: "{s} gave up control of {o}{when}.",
}
_METRIC_NAMES = ("revenue", "net profit", "new-home sales", "exports", "market value", "output")
_STATUSES = (FactStatus.PROPOSED, FactStatus.ANNOUNCED, FactStatus.COMPLETED)
_STATUS_PREDICATES = frozenset({P.ACQUIRES, P.SELLS, P.LISTED_ON, P.MERGES_WITH})
_FIXED_NAMES: dict[EntityType, tuple[str, ...]] = {
    T.COUNTRY: _COUNTRIES,
    T.REGION: _REGIONS,
    T.COMMODITY: _COMMODITIES,
    T.MARKET: _MARKETS,
    T.INVESTOR_GROUP: _INVESTOR_GROUPS,
}
# Share of all entities per type; types with fixed name lists are capped by them.
_TYPE_SHARES: dict[EntityType, float] = {
    T.COMPANY: 0.58, T.PERSON: 0.22, T.PRODUCT: 0.07, T.ASSET: 0.06, T.ORGANIZATION: 0.03,
    T.GOVERNMENT_BODY: 0.02, T.REGION: 0.02, T.COUNTRY: 1.0, T.COMMODITY: 1.0, T.MARKET: 1.0,
    T.INVESTOR_GROUP: 1.0,
}
_ALPHA = 0.85  # power-law exponent of entity popularity within a type


def parse_size(text: str) -> int:
    """``"10k"`` -> 10_000, ``"1m"`` -> 1_000_000, ``"2500"`` -> 2_500.

    >>> parse_size("100k"), parse_size("1M"), parse_size("42")
    (100000, 1000000, 42)
    """
    value = text.strip().lower().replace("_", "")
    scale = {"k": 1_000, "m": 1_000_000}.get(value[-1:], 1)
    number = value[:-1] if scale != 1 else value
    try:
        size = int(float(number) * scale)
    except ValueError:
        raise ValueError(f"bad size {text!r}: expected a number with an optional k or m") from None
    if size < 1:
        raise ValueError(f"bad size {text!r}: must be at least 1")
    return size


class SyntheticStory(BaseModel):
    """A synthetic news story for the extractor: the fields of a story input."""

    model_config = ConfigDict(frozen=True)

    text: str
    title: str
    publisher: str
    published: str
    url: str


@dataclass
class _Pending:
    """A fact waiting to be reported (again) by a later story."""

    subject: int
    predicate: Predicate
    object: int
    date_text: str | None
    when: date
    kind: str  # "repeat", "departure" or "lift"
    valid_until: str | None = None
    status: FactStatus | None = None


@dataclass
class _Draft:
    fact: Fact
    sentence: str
    when: date
    extra_entities: list[int] = field(default_factory=list)


class SyntheticNews:
    """A deterministic synthetic news universe of about ``facts`` fact records.

    Entities are numbered; ``entity(n)`` builds one on demand (cached), so the
    universe costs a few arrays, not a list of models.
    """

    def __init__(self, facts: int, *, seed: int = 7, years: int = 10, first_year: int = 2016):
        if facts < 1:
            raise ValueError("facts must be at least 1")
        self.facts = facts
        self.seed = seed
        self.first_day = date(first_year, 1, 1)
        self.span_days = (date(first_year + years, 1, 1) - self.first_day).days - 1
        total = max(200, facts // 5)
        self._types: list[EntityType] = []
        self._ranks: list[int] = []
        self._first: dict[EntityType, int] = {}
        self._count: dict[EntityType, int] = {}
        self._cum: dict[EntityType, list[float]] = {}
        for kind, share in _TYPE_SHARES.items():
            fixed = _FIXED_NAMES.get(kind)
            count = len(fixed) if fixed else max(5, int(total * share))
            self._first[kind] = len(self._types)
            self._count[kind] = count
            self._types.extend([kind] * count)
            self._ranks.extend(range(count))
            self._cum[kind] = list(itertools.accumulate(1.0 / (r + 1) ** _ALPHA
                                                        for r in range(count)))
        self.entity = lru_cache(maxsize=100_000)(self._build_entity)

    # ------------------------------------------------------------ entities

    def _pick(self, rng: random.Random, kind: EntityType) -> int:
        cum = self._cum[kind]
        rank = bisect.bisect_left(cum, rng.random() * cum[-1])
        return self._first[kind] + min(rank, len(cum) - 1)

    def _mix(self, number: int, modulus: int) -> int:
        # A bijection of 0..modulus-1 seeded by the seed, so names are scattered.
        return (number * 2_654_435_761 + self.seed * 97) % modulus

    def _syllables(self, value: int, n: int) -> str:
        parts = []
        for _ in range(n):
            value, digit = divmod(value, len(_SYLLABLES))
            parts.append(_SYLLABLES[digit])
        return "".join(parts).capitalize()

    def _build_entity(self, number: int) -> Entity:
        kind = self._types[number]
        rank = self._ranks[number]
        fixed = _FIXED_NAMES.get(kind)
        aliases: list[str] = []
        name_zh = None
        tickers: list[str] = []
        if fixed:
            name = fixed[rank]
        elif kind is T.COMPANY:
            code = self._mix(rank, 1_000_003 * 64)
            first = self._syllables(code % 3_600, 2)
            second = self._syllables(code // 3_600 % 3_600 + 7, 2)
            suffix = _COMPANY_SUFFIXES[code // 12_960_000 % len(_COMPANY_SUFFIXES)]
            if rank < len(_EXCHANGES) and rank % 3 == 0:
                name = _EXCHANGES[rank]
            else:
                name = f"{first} {second} {suffix} {rank}" if rank >= 100_000 else (
                    f"{first} {second} {suffix}" if rank < 1_000 else f"{first} {second} {suffix}"
                    f" No {rank}"
                )
                aliases = [f"{first} {second}", first, f"{first[0]}{second[0]} {suffix}"]
            if rank % 3 == 0:
                name_zh = "".join(_CJK[(code >> s) % len(_CJK)] for s in (0, 5, 10, 15))
            if rank % 10 == 0:
                tickers = [f"{code % 9000 + 1000:04d}.HK"]
        elif kind is T.PERSON:
            code = self._mix(rank, 40 * 3_600 * 1_000)
            family = _FAMILY[code % len(_FAMILY)]
            given = self._syllables(code // len(_FAMILY) % 3_600, 2)
            name = f"{family} {given}" if rank < 3_000 else f"{family} {given} {rank}"
            aliases = [f"{given} {family}", f"Mr {family}" if rank % 2 else f"Ms {family}"]
        elif kind is T.GOVERNMENT_BODY:
            base = _BODIES[rank % len(_BODIES)]
            name = base if rank < len(_BODIES) else f"{_REGIONS[rank % len(_REGIONS)]} {base} " \
                f"Office {rank}"
        elif kind is T.ORGANIZATION:
            name = f"{self._syllables(self._mix(rank, 3_600), 2)} Institute {rank}"
            aliases = [f"{self._syllables(self._mix(rank, 3_600), 2)} Institute"]
        elif kind is T.PRODUCT:
            base = self._syllables(self._mix(rank, 3_600), 2)
            name = f"{base} {rank % 9 + 1}.{rank % 5} Model {rank}"
            aliases = [f"{base} {rank % 9 + 1}.{rank % 5}"]
        else:  # Asset
            base = self._syllables(self._mix(rank, 3_600), 2)
            what = ("gold mine", "copper mine", "power plant", "gas field", "port", "factory")
            name = f"{base} {what[rank % len(what)]} {rank}"
            aliases = [f"{base} {what[rank % len(what)]}"]
        return Entity(name=name, type=kind, aliases=aliases, name_zh=name_zh, tickers=tickers)

    # --------------------------------------------------------------- dates

    def _day(self, rng: random.Random, position: int) -> date:
        # News arrives roughly in time order, with stories looking back and ahead.
        centre = self.span_days * position / max(1, self.facts)
        offset = int(min(self.span_days, max(0.0, rng.gauss(centre, 60))))
        return self.first_day + timedelta(days=offset)

    @staticmethod
    def _date_text(rng: random.Random, day: date, undated_p: float) -> str | None:
        roll = rng.random()
        if roll < undated_p:
            return None
        roll = rng.random()
        if roll < 0.72:
            return day.isoformat()
        if roll < 0.92:
            return day.isoformat()[:7]
        return day.isoformat()[:4]

    @staticmethod
    def _when(text: str | None) -> str:
        if text is None:
            return ""
        if len(text) == 10:
            return f" on {int(text[8:])} {_MONTHS[int(text[5:7]) - 1]} {text[:4]}"
        if len(text) == 7:
            return f" in {_MONTHS[int(text[5:7]) - 1]} {text[:4]}"
        return f" in {text}"

    # --------------------------------------------------------------- facts

    def _surface(self, rng: random.Random, number: int) -> str:
        entity = self.entity(number)
        if entity.aliases and rng.random() < 0.3:
            return entity.aliases[rng.randrange(len(entity.aliases))]
        return entity.name

    def _draft(
        self,
        rng: random.Random,
        subject: int,
        predicate: Predicate,
        obj: int,
        date_text: str | None,
        when: date,
        *,
        story: str,
        valid_until: str | None = None,
        status: FactStatus | None = None,
        template: str | None = None,
    ) -> _Draft:
        pattern = template or rng.choice(_TEMPLATES[predicate])
        sentence = pattern.format(
            s=self._surface(rng, subject),
            o=self._surface(rng, obj),
            when=self._when(valid_until or date_text),
        )
        extra: dict[str, object] = {}
        if predicate in _STATUS_PREDICATES and status is None and rng.random() < 0.7:
            status = rng.choice(_STATUSES)
        if predicate in (P.ACQUIRES, P.INVESTS_IN, P.SELLS) and rng.random() < 0.4:
            extra["amount"] = {"value": float(rng.randrange(1, 500) * 10**rng.randrange(6, 10)),
                               "currency": rng.choice(("USD", "CNY", "HKD"))}
        if predicate in (P.OWNS, P.ACQUIRES) and rng.random() < 0.3:
            extra["stake_pct"] = float(rng.randrange(1, 100))
        if predicate is P.LEADS and valid_until is None:
            extra["role"] = rng.choice(("chairman", "chief executive", "president", "director"))
        fact = Fact(
            subject=self.entity(subject).id,
            predicate=predicate,
            object=self.entity(obj).id,
            date=date_text,
            valid_until=valid_until,
            status=status,
            confidence=round(rng.uniform(0.6, 1.0), 2),
            evidence=[Evidence(story_id=story, sentence=sentence)],
            **extra,
        )
        return _Draft(fact, sentence, when, [subject, obj])

    def _new_fact(self, rng: random.Random, position: int, story: str) -> tuple[_Draft, _Pending]:
        while True:
            spec = _SPEC_TABLE[bisect.bisect_left(_SPEC_CUM, rng.random() * _SPEC_CUM[-1])]
            predicate, _w, subjects, objects, undated_p = spec
            subject = self._pick(rng, rng.choice(subjects))
            obj = self._pick(rng, rng.choice(objects))
            if subject != obj:
                break
        when = self._day(rng, position)
        date_text = self._date_text(rng, when, undated_p)
        draft = self._draft(rng, subject, predicate, obj, date_text, when, story=story)
        return draft, _Pending(subject, predicate, obj, date_text, when, "repeat",
                               status=draft.fact.status)

    def _later(self, rng: random.Random, pending: _Pending, story: str) -> _Draft:
        if pending.kind == "repeat":
            status = pending.status
            if status is not None and rng.random() < 0.5:
                status = FactStatus.COMPLETED
            return self._draft(rng, pending.subject, pending.predicate, pending.object,
                               pending.date_text, pending.when, story=story, status=status)
        end = pending.when + timedelta(days=rng.randrange(30, 1_500))
        end_text = end.isoformat() if rng.random() < 0.7 else end.isoformat()[:7]
        if pending.kind == "lift":
            return self._draft(rng, pending.subject, P.LIFTS_BAN, pending.object, end_text, end,
                               story=story)
        return self._draft(rng, pending.subject, pending.predicate, pending.object, None, end,
                           story=story, valid_until=end_text,
                           template=_DEPARTURES[pending.predicate])

    def _schedule(
        self, rng: random.Random, draft: _Draft, pending: _Pending, position: int,
        queue: list[tuple[int, int, _Pending]], counter: Iterator[int],
    ) -> None:
        horizon = max(50, min(20_000, self.facts // 10))
        if rng.random() < 0.25:
            heapq.heappush(queue, (position + rng.randrange(1, horizon), next(counter), pending))
        fact = draft.fact
        if fact.date is None:
            return
        if fact.predicate is P.BANS and rng.random() < 0.4:
            lift = _Pending(pending.subject, fact.predicate, pending.object, fact.date,
                            draft.when, "lift")
            heapq.heappush(queue, (position + rng.randrange(1, horizon), next(counter), lift))
        elif fact.predicate in _DEPARTURES and fact.predicate in DURATIVE_PREDICATES and (
            rng.random() < 0.15
        ):
            leave = _Pending(pending.subject, fact.predicate, pending.object, fact.date,
                             draft.when, "departure")
            heapq.heappush(queue, (position + rng.randrange(1, horizon), next(counter), leave))

    def deltas(self, batch_facts: int = 10_000) -> Iterator[GraphDelta]:
        """The graph as deltas of about ``batch_facts`` fact records, in reporting order.

        Each delta carries the stories of its facts and a record of every entity
        they name, as an extractor's output would.
        """
        if batch_facts < 1:
            raise ValueError("batch_facts must be at least 1")
        rng = random.Random(f"sinograph-synthetic-{self.seed}")
        queue: list[tuple[int, int, _Pending]] = []
        counter = itertools.count()
        position = 0
        story_number = 0
        while position < self.facts:
            stop = min(self.facts, position + batch_facts)
            stories: list[Story] = []
            facts: list[Fact] = []
            metrics: list[Metric] = []
            named: dict[int, None] = {}
            while position < stop:
                story_number += 1
                url = f"https://news.example.com/{self.seed}/{story_number}"
                story_id = Story(url=url, text_hash="-").id
                drafts: list[_Draft] = []
                for _ in range(min(stop - position, rng.randint(1, 6))):
                    if queue and queue[0][0] <= position:
                        _, _, pending = heapq.heappop(queue)
                        drafts.append(self._later(rng, pending, story_id))
                    else:
                        draft, pending = self._new_fact(rng, position, story_id)
                        drafts.append(draft)
                        self._schedule(rng, draft, pending, position, queue, counter)
                    position += 1
                newest = max(d.when for d in drafts)
                published = newest + timedelta(days=rng.randrange(0, 3))
                if rng.random() < 0.15:
                    subject = self._pick(rng, rng.choice((T.COMPANY, T.MARKET, T.COUNTRY)))
                    metric_name = rng.choice(_METRIC_NAMES)
                    period = str(published.year - rng.randrange(0, 2))
                    sentence = (f"{self.entity(subject).name} reported {metric_name} of "
                                f"{rng.randrange(1, 900)} billion yuan for {period}.")
                    metrics.append(Metric(
                        subject=self.entity(subject).id, name=metric_name,
                        value=float(rng.randrange(1, 900)) * 1e9, unit="CNY",
                        change_pct=round(rng.uniform(-30, 30), 1), period=period,
                        reported_by=rng.choice(_PUBLISHERS), date=period,
                        evidence=[Evidence(story_id=story_id, sentence=sentence)],
                    ))
                    named[subject] = None
                text = " ".join(d.sentence for d in drafts)
                stories.append(Story(
                    id=story_id,
                    title=drafts[0].sentence.rstrip("."),
                    publisher=_PUBLISHERS[story_number % len(_PUBLISHERS)],
                    published=published.isoformat(),
                    url=url,
                    text_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                ))
                for d in drafts:
                    facts.append(d.fact)
                    named.update(dict.fromkeys(d.extra_entities))
            yield GraphDelta(
                stories=tuple(stories),
                entities=tuple(self.entity(n) for n in named),
                facts=tuple(facts),
                metrics=tuple(metrics),
            )

    def stories(self, count: int) -> Iterator[SyntheticStory]:
        """``count`` news stories of several paragraphs, for the extractor.

        Sentences use the same entities, trigger words and date phrases as the
        graph, with some filler between them, so extraction does realistic work.
        """
        rng = random.Random(f"sinograph-stories-{self.seed}")
        fillers = (
            "Analysts said the move reflected a wider shift in the sector.",
            "Shares rose 3.2 per cent in Hong Kong trading after the announcement.",
            "The company did not respond to a request for comment.",
            "The deal is subject to regulatory approval.",
            "Officials gave no timetable for further measures.",
        )
        for number in range(count):
            position = rng.randrange(self.facts)
            story_id = f"story:synthetic-{number}"
            drafts = [self._new_fact(rng, position, story_id)[0] for _ in range(rng.randint(3, 9))]
            paragraphs = []
            for draft in drafts:
                paragraphs.append(f"{draft.sentence} {rng.choice(fillers)}")
            published = max(d.when for d in drafts) + timedelta(days=1)
            yield SyntheticStory(
                text="\n\n".join(paragraphs) + "\n",
                title=drafts[0].sentence.rstrip("."),
                publisher=_PUBLISHERS[number % len(_PUBLISHERS)],
                published=published.isoformat(),
                url=f"https://news.example.com/stories/{self.seed}/{number}",
            )


_SPEC_TABLE = _SPECS
_SPEC_CUM = list(itertools.accumulate(s[1] for s in _SPECS))
