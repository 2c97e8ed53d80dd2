"""One Chinese story into one graph delta: sentences → units → rule facts → merged facts.

Story-level steps after the sentence rules:

* the story is read twice: names first, then facts (a sentence whose first reading
  could not change keeps it); without a publication date, dates fall in the story's year;
* a tariff announced by a ministry is its country's;
* an event fact with no date of its own takes the latest date stated earlier in its
  paragraph, and a fact of the story's lead takes the dateline ("财联社9月13日讯") — the
  publication day when the opening date is old background; a headline's act takes the
  date the body gives it;
* the same fact read twice merges (dates, amounts, status, evidence combine);
* a listing with no amount takes the money the story says it raised (募资, 募集资金);
* facts under ``min_confidence`` are dropped.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import replace
from functools import lru_cache

from sinograph.graph.model.domain import Amount, Entity, Evidence, Fact, GraphDelta, Metric, Story
from sinograph.graph.model.ontology import STATUS_RANK, SYMMETRIC_PREDICATES, EntityType, Predicate
from sinograph.loaders.budget import checkpoint
from sinograph.loaders.extract.gazetteer import EXCHANGE_OF_CITY, city_of_market
from sinograph.loaders.extract.registry import Registry
from sinograph.loaders.extract.zh.dates import story_year
from sinograph.loaders.extract.zh.engine import Candidate, RuleEngine, in_range
from sinograph.loaders.extract.zh.entities import EntityTable
from sinograph.loaders.extract.zh.language import is_traditional, to_simplified
from sinograph.loaders.extract.zh.mentions import StoryState, keep_state, read_sentence
from sinograph.loaders.extract.zh.metrics import MetricReading, read_metrics
from sinograph.loaders.extract.zh.named_facts import named_facts
from sinograph.loaders.extract.zh.roster_lines import roster_sanctions
from sinograph.loaders.extract.zh.rules import ALL_RULES
from sinograph.loaders.extract.zh.sentences import Sentence, split_sentences
from sinograph.loaders.extract.zh.units import Unit

__all__ = ["run_chinese_pipeline"]

_DURATIVE = frozenset(
    {
        Predicate.LEADS,
        Predicate.WORKS_FOR,
        Predicate.OWNS,
        Predicate.CONTROLS,
        Predicate.SUBSIDIARY_OF,
        Predicate.AUDITS,
        Predicate.HEADQUARTERED_IN,
        Predicate.LOCATED_IN,
        Predicate.OPERATES_IN,
        Predicate.IMPORTS,
        Predicate.SUPPLIES,
        Predicate.COMPETES_WITH,
        # a founder's title says who, not when: the story's dates are not the founding's
        Predicate.FOUNDED,
    }
)
_STATE_ACTORS = frozenset({EntityType.GOVERNMENT_BODY, EntityType.COUNTRY})
_PROCEEDS = ("募资", "募集资金", "募得", "集资", "融资")
_LEAD_PARAGRAPHS = 2
# A story's opening date further back than this is background, not its dateline.
_DATELINE_DAYS = 120
# Entities named but in no fact are kept for these types (others only with a fact).
_NAMED_TYPES = frozenset(
    {
        EntityType.COMPANY,
        EntityType.PERSON,
        EntityType.GOVERNMENT_BODY,
        EntityType.ORGANIZATION,
        EntityType.PRODUCT,
        EntityType.COUNTRY,
        EntityType.REGION,
    }
)


@lru_cache(maxsize=1)
def _engine() -> RuleEngine:
    return RuleEngine(ALL_RULES)


def run_chinese_pipeline(
    text: str, story: Story, registry: Registry, *, min_confidence: float
) -> GraphDelta:
    """Extract one Chinese story's entities, facts and metrics."""
    reading = to_simplified(text) if is_traditional(text) else text
    sentences = split_sentences(reading)
    originals = _original_sentences(text, reading, sentences)
    table = EntityTable(registry)
    # Without a publication date, dates resolve in the year the story is written in.
    published = story.published or story_year(reading)
    # A first reading collects the story's names (a short name declared or found by its
    # context in the fifth sentence is also the name in the first); the second reads
    # the facts with all of them known.
    first = StoryState()
    first_units: list[list[Unit]] = []
    seen_before: list[int] = []
    for sentence in sentences:
        checkpoint()
        seen_before.append(len(table.order))
        first_units.append(read_sentence(sentence.text, table, published, first))
    state = StoryState()
    # The first reading of a sentence stands when no name found after it occurs in it
    # (and the same held for every sentence before it, so the story state is the same).
    same = True
    engine = _engine()
    candidates: list[Candidate] = []
    metric_readings: list[tuple[MetricReading, int]] = []
    sentence_units: list[list[Unit]] = []
    actor, actor_paragraph = -1, -1
    for sentence in sentences:
        checkpoint()
        later = table.order[seen_before[sentence.index] :]
        same = same and not _new_name_in(sentence.text, later, first_units[sentence.index])
        firm_before = state.last_company
        if same:
            units = first_units[sentence.index]
            keep_state(units, table, state)
        else:
            units = read_sentence(sentence.text, table, published, state)
        sentence_units.append(units)
        # The actor of an act without one: the body that acted last in the paragraph,
        # else the last body the story named ("…被罚款5865万元" after the regulator).
        context = (
            actor
            if actor_paragraph == sentence.paragraph
            else state.last_by_type.get(EntityType.GOVERNMENT_BODY, -1)
        )
        found = engine.apply(
            sentence.text,
            units,
            sentence.index,
            table,
            context,
            firm_before,
            state.last_by_type.get(EntityType.COMMODITY, -1),
        )
        found.extend(named_facts(units, sentence.index, table))
        for c in found:
            if table.get(c.subject).type in _STATE_ACTORS:
                actor, actor_paragraph = c.subject, sentence.paragraph
        candidates.extend(found)
        for reading_ in read_metrics(units, table, state.last_company):
            metric_readings.append((reading_, sentence.index))
    candidates.extend(roster_sanctions(sentences, sentence_units, table))
    _states_impose_tariffs(candidates, table)
    _minority_stakes(candidates)
    _exchanges_of_cities(candidates, table)
    candidates = [c for c in candidates if not _against_itself(c, table)]
    _fill_dates(candidates, sentences, sentence_units, published, table)
    merged = _without_lesser_posts(_merge(candidates))
    _listing_proceeds(merged, sentence_units)
    merged = [m for m in merged if m.confidence >= min_confidence]
    return _delta(story, originals, table, merged, metric_readings, sentence_units)


def _minority_stakes(candidates: list[Candidate]) -> None:
    """ "收购戴姆勒9.69%股份": buying a minority stake is an investment, not a takeover, and
    the buyer holds the stake (as the English rules read "acquire a 30% stake")."""
    held: list[Candidate] = []
    for c in candidates:
        if c.predicate is Predicate.ACQUIRES and c.stake_pct is not None and c.stake_pct <= 50:
            c.predicate = Predicate.INVESTS_IN
            held.append(
                replace(c, predicate=Predicate.OWNS, rule="zh.stake_held", rules=[], amount=None)
            )
    candidates.extend(held)


_STATE_MEASURES = frozenset(
    {Predicate.BANS, Predicate.SANCTIONS, Predicate.IMPOSES_TARIFF, Predicate.LIFTS_BAN}
)


def _against_itself(candidate: Candidate, table: EntityTable) -> bool:
    """A state's measure on its own country ("商务部…禁止…与中国有关的进出口": the
    ban is on foreign firms' trade with China, not on China)."""
    if candidate.predicate not in _STATE_MEASURES:
        return False
    target = table.get(candidate.object)
    if target.type is not EntityType.COUNTRY:
        return False
    actor = table.get(candidate.subject)
    own = actor.entry.country if actor.entry is not None else None
    return candidate.subject == candidate.object or own == target.name


def _new_name_in(text: str, surfaces: list[str], units: list[Unit]) -> bool:
    """Whether one of ``surfaces`` occurs in ``text`` outside the names already read
    there ("中国" inside "中国商务部" changes nothing)."""
    names = [(u.start, u.end) for u in units if u.kind == "entity"]
    for surface in surfaces:
        at = text.find(surface)
        while at >= 0:
            end = at + len(surface)
            if not any(a <= at and end <= b for a, b in names):
                return True
            at = text.find(surface, at + 1)
    return False


def _states_impose_tariffs(candidates: list[Candidate], table: EntityTable) -> None:
    """A tariff is a country's act (the ontology's IMPOSES_TARIFF is Country -> …): the
    ministry or commission that announces it stands for its country."""
    for c in candidates:
        if c.predicate is not Predicate.IMPOSES_TARIFF:
            continue
        body = table.get(c.subject)
        if body.type is not EntityType.GOVERNMENT_BODY or body.entry is None:
            continue
        country = body.entry.country and table.registry.lookup(body.entry.country)
        if country and country.type is EntityType.COUNTRY:
            c.subject = table.known(country, country.name)


def _exchanges_of_cities(candidates: list[Candidate], table: EntityTable) -> None:
    """ "在香港上市": a listing in a city is on the city's exchange (a city without one
    names no exchange, and the fact goes); so is one on a city's market ("登陆港股")."""
    for c in candidates:
        if c.predicate is not Predicate.LISTED_ON:
            continue
        place = table.get(c.object)
        if place.type is EntityType.MARKET:
            city = city_of_market(place.name)  # "登陆港股": Hong Kong stocks
        elif place.type in (EntityType.REGION, EntityType.COUNTRY):
            city = place.name
        else:
            continue
        name = EXCHANGE_OF_CITY.get(city) if city else None
        entry = table.registry.lookup(name) if name else None
        c.object = table.known(entry, entry.name) if entry is not None else -1
    candidates[:] = [c for c in candidates if c.object >= 0]


def _original_sentences(text: str, reading: str, sentences: list[Sentence]) -> list[str]:
    """Evidence quotes the story as written (traditional stays traditional)."""
    if reading is text or len(reading) != len(text):
        return [s.text for s in sentences]
    return [text[s.start : s.start + len(s.text)] for s in sentences]


def _first_date(units: list[Unit]) -> str | None:
    for k, unit in enumerate(units):
        if (
            unit.kind == "date"
            and unit.date is not None
            and unit.date.period is None
            and not in_range(units, k)
        ):
            return unit.date.value
    return None


def _same_act_dates(candidates: list[Candidate], table: EntityTable) -> None:
    def act(c: Candidate) -> tuple[int, Predicate, int]:
        return c.subject, c.predicate, table.plain_good.get(c.object, c.object)

    effective: dict[tuple[int, Predicate, int], str] = {}
    stated: dict[tuple[int, Predicate, int], str] = {}
    for c in candidates:
        if c.date and c.effective:
            effective.setdefault(act(c), c.date)
        elif c.date and c.predicate not in _DURATIVE and not c.weak_date:
            stated.setdefault(act(c), c.date)
    for c in candidates:
        key = act(c)
        if key in effective and not c.effective:
            c.date = effective[key]
        elif (
            (c.date is None or (c.weak_date and not c.effective))
            and c.predicate not in _DURATIVE
            and key in stated
        ):
            c.date = stated[key]


def _fill_dates(
    candidates: list[Candidate],
    sentences: list[Sentence],
    units: list[list[Unit]],
    published: str | None = None,
    table: EntityTable | None = None,
) -> None:
    lead = None
    for sentence in sentences:
        if sentence.paragraph > _LEAD_PARAGRAPHS:
            break
        lead = _first_date(units[sentence.index])
        if lead:
            break
    full = published is not None and len(published) == 10
    if full and (lead is None or not _near_publication(lead, published or "")):
        # no dateline, or "2021年3月26日，商务部发布…" opening a story of 2024 (background):
        # the story's news is of its publication day
        lead = published
    # The same act told twice: a measure is dated when it takes effect, an act told
    # without a date takes the date another sentence gives it ("欧盟决定上调…关税" after
    # "欧盟于上周五…征收…关税"), a qualified good being the plain one ("欧盟白兰地").
    if table is not None:
        _same_act_dates(candidates, table)
    # A headline's act takes the date the body gives the same act.
    body_dates: dict[tuple[Predicate, int], str] = {}
    for c in candidates:
        if c.date and sentences[c.sentence].paragraph > 0:
            body_dates.setdefault((c.predicate, c.object), c.date)
    for c in candidates:
        if c.date is None and sentences[c.sentence].paragraph == 0:
            c.date = body_dates.get((c.predicate, c.object))
    latest: dict[int, str | None] = {}
    current: str | None = None
    paragraph = -1
    for sentence in sentences:
        if sentence.paragraph != paragraph:
            paragraph, current = sentence.paragraph, None
        latest[sentence.index] = current
        dated = [
            u.date.value
            for k, u in enumerate(units[sentence.index])
            if u.kind == "date" and u.date and not in_range(units[sentence.index], k)
        ]
        if dated:
            current = dated[-1]
    for c in candidates:
        if c.date is not None or (c.predicate in _DURATIVE and c.event is None):
            continue
        # An act stated without a date is the story's news: its dateline date (so is an
        # appointment or a departure: "由副董事长刘辉代行董事长职责").
        c.date = latest.get(c.sentence) or lead
        if c.event == "starts":
            c.valid_from = c.valid_from or c.date
        elif c.event == "ends":
            c.valid_until = c.valid_until or c.date


def _near_publication(day: str, published: str) -> bool:
    """Whether a dateline date is at most four months before publication (or after it)."""
    start = dt.date.fromisoformat(published) - dt.timedelta(days=_DATELINE_DAYS)
    return day >= start.isoformat()[: len(day)]


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


class _Merged:
    __slots__ = ("fact", "sentences", "confidence")

    def __init__(self, fact: Candidate) -> None:
        self.fact = fact
        self.sentences = [fact.sentence]
        self.confidence = fact.confidence

    def absorb(self, other: Candidate) -> None:
        f = self.fact
        if other.date and (
            f.date is None or (other.date.startswith(f.date) and len(other.date) > len(f.date))
        ):
            f.date = other.date
        f.amount = f.amount or other.amount
        f.stake_pct = f.stake_pct if f.stake_pct is not None else other.stake_pct
        if other.status is not None and (
            f.status is None or STATUS_RANK[other.status] > STATUS_RANK[f.status]
        ):
            f.status = other.status
        f.role = f.role or other.role
        if other.valid_from and (f.valid_from is None or other.valid_from < f.valid_from):
            f.valid_from = other.valid_from
        f.valid_until = f.valid_until or other.valid_until
        for rule in other.rules:
            if rule not in f.rules:
                f.rules.append(rule)
        if other.sentence not in self.sentences:
            self.sentences.append(other.sentence)
        self.confidence = min(0.99, max(self.confidence, other.confidence) + 0.05)


def _merge(candidates: list[Candidate]) -> list[_Merged]:
    groups: dict[tuple[int, Predicate, int], list[_Merged]] = defaultdict(list)
    order: list[_Merged] = []
    for c in candidates:
        if c.predicate in SYMMETRIC_PREDICATES and c.subject > c.object:
            c.subject, c.object = c.object, c.subject
        key = (c.subject, c.predicate, c.object)
        home = None
        for m in groups[key]:
            if c.predicate in _DURATIVE or _compatible(m.fact.date, c.date):
                home = m
                break
        if home is None:
            home = _Merged(c)
            groups[key].append(home)
            order.append(home)
        else:
            home.absorb(c)
    return order


def _without_lesser_posts(merged: list[_Merged]) -> list[_Merged]:
    """ "董事程杰…代为履行董事长职责": one who leads a body in the story is not also
    only its staff (LEADS says WORKS_FOR and more)."""
    leads = {(m.fact.subject, m.fact.object) for m in merged if m.fact.predicate is Predicate.LEADS}
    return [
        m
        for m in merged
        if not (
            m.fact.predicate is Predicate.WORKS_FOR and (m.fact.subject, m.fact.object) in leads
        )
    ]


def _listing_proceeds(merged: list[_Merged], units: list[list[Unit]]) -> None:
    """A listing without an amount takes the money raised told in the next sentences;
    a deal without one its value ("此次交易的收购总额约为29.1亿美元")."""
    for m in merged:
        if m.fact.amount is not None:
            continue
        cues: tuple[str, ...]
        if m.fact.predicate is Predicate.LISTED_ON:
            cues, reach = _PROCEEDS, 6
        elif m.fact.predicate in (Predicate.ACQUIRES, Predicate.SELLS):
            cues, reach = _DEAL_VALUE, 4
        else:
            continue
        for sentence_units in units[m.fact.sentence : m.fact.sentence + reach]:
            cue = next(
                (
                    k
                    for k, u in enumerate(sentence_units)
                    if u.kind == "word" and u.text.startswith(cues)
                ),
                None,
            )
            if cue is None:
                continue
            money = next(
                (
                    u.money
                    for u in sentence_units[cue:]
                    if u.money is not None and not u.text.endswith("/股")
                ),
                None,
            )
            if money is None and cues is _PROCEEDS:
                money = next(
                    (
                        u.money
                        for u in sentence_units
                        if u.money is not None and not u.text.endswith("/股")
                    ),
                    None,
                )
            if money is not None:
                m.fact.amount = (money.value, money.currency)
                break


_DEAL_VALUE = (
    "总额",
    "总对价",
    "对价",
    "交易对价",
    "交易价值",
    "交易金额",
    "交易作价",
    "收购价",
    "购买价",
    "转让价",
    "成交价",
    "总价",
)


def _written_forms(
    entities: dict[int, Entity], originals: list[str], units: list[list[Unit]]
) -> None:
    """A story in traditional characters is read in simplified ones; the names as the
    story writes them ("上海復旦微電子") are aliases too, so a search in either finds them."""
    for sentence, original in zip(units, originals, strict=False):
        for u in sentence:
            entity = entities.get(u.entity) if u.kind == "entity" else None
            if entity is None or u.end > len(original):
                continue
            written = original[u.start : u.end]
            if written != u.text and written not in entity.aliases:
                entities[u.entity] = entity = entity.model_copy(
                    update={"aliases": (*entity.aliases, written)}
                )


def _delta(
    story: Story,
    originals: list[str],
    table: EntityTable,
    merged: list[_Merged],
    metric_readings: list[tuple[MetricReading, int]],
    units: list[list[Unit]],
) -> GraphDelta:
    entities: dict[int, Entity] = {}

    def entity_of(index: int) -> Entity:
        if index not in entities:
            entities[index] = table.get(index).to_entity()
        return entities[index]

    facts: dict[str, Fact] = {}
    order: dict[str, int] = {}
    for m in merged:
        c = m.fact
        subject, obj = entity_of(c.subject), entity_of(c.object)
        if subject.id == obj.id:
            continue
        fact = Fact(
            subject=subject.id,
            predicate=c.predicate,
            object=obj.id,
            date=c.date,
            amount=Amount(value=c.amount[0], currency=c.amount[1]) if c.amount else None,
            stake_pct=c.stake_pct,
            status=c.status,
            role=c.role,
            valid_from=c.valid_from,
            valid_until=c.valid_until,
            confidence=round(max(0.0, min(1.0, m.confidence)), 3),
            attributes={"rule": ",".join(c.rules), "language": "zh"},
            evidence=tuple(
                Evidence(story_id=story.id, sentence=originals[i]) for i in sorted(m.sentences)
            ),
        )
        old = facts.get(fact.key)
        if old is None or fact.confidence > old.confidence:
            facts[fact.key] = fact
            order[fact.key] = min(m.sentences)
    named = {
        u.entity for sentence in units for u in sentence if u.kind == "entity" and not u.anaphor
    }
    for index in sorted(named):
        if table.get(index).type in _NAMED_TYPES:
            entity_of(index)
    metrics: dict[str, Metric] = {}
    for reading, sentence in metric_readings:
        subject = entity_of(reading.subject)
        metric = Metric(
            subject=subject.id,
            name=reading.name,
            value=reading.value,
            unit=reading.currency,
            change_pct=reading.change_pct,
            period=reading.period,
            evidence=(Evidence(story_id=story.id, sentence=originals[sentence]),),
        )
        metrics.setdefault(metric.id, metric)
    _written_forms(entities, originals, units)
    return GraphDelta(
        stories=(story,),
        entities=tuple(sorted(entities.values(), key=lambda e: e.id)),
        # The earliest-stated fact first: a story states its news before background.
        facts=tuple(sorted(facts.values(), key=lambda f: (order[f.key], f.key))),
        metrics=tuple(sorted(metrics.values(), key=lambda m: m.id)),
    )
