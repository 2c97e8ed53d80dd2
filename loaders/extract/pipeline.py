"""The extraction pipeline: sentences -> mentions -> coreference -> facts -> one delta.

Story-level steps after the sentence rules:

* a fact from a section's lead (its headline or first two sentences) with no date
  takes the section's first relative date ("on Sunday", "yesterday"): the news event;
* "The ban was widened ... in March 2019" refines the date of the ban it refers to;
* the same fact read twice merges (amount, date, status and evidence combine); facts
  of one deal (ACQUIRES/SELLS of one target at compatible dates) share amount and date;
* durative roles merge into one fact whose start and end come from all sentences;
* facts under ``min_confidence`` are dropped.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from graph.ids import normalize_name
from graph.model import Amount, Entity, Evidence, Fact, GraphDelta, Metric, Story
from graph.ontology import (
    STATUS_RANK,
    SYMMETRIC_PREDICATES,
    EntityType,
    FactStatus,
    Predicate,
)
from loaders.extract.attributes import fill_attributes
from loaders.extract.candidate import Candidate
from loaders.extract.coref import Cluster, Coreference, resolve_coreference
from loaders.extract.cues import word_set
from loaders.extract.document import ParsedSentence, Span, parse_document
from loaders.extract.exchanges import exchange_for
from loaders.extract.gazetteer import REGION_COUNTRY
from loaders.extract.matcher import StoryContext, sentence_facts
from loaders.extract.metrics import build_metric, metric_candidates
from loaders.extract.parse import DEFAULT_PIPELINE, SentenceTree, parse_sentences
from loaders.extract.registry import Registry
from loaders.extract.syntax import surface_subject
from loaders.extract.temporal import resolve_relative_date

__all__ = ["DEFAULT_MIN_CONFIDENCE", "run_pipeline"]

DEFAULT_MIN_CONFIDENCE = 0.5

_EVENT_PREDICATES = frozenset(
    {
        Predicate.ACQUIRES,
        Predicate.SELLS,
        Predicate.INVESTS_IN,
        Predicate.MERGES_WITH,
        Predicate.LISTED_ON,
        Predicate.IMPORTS,
        Predicate.RELEASES,
        Predicate.OPEN_SOURCES,
        Predicate.BANS,
        Predicate.LIFTS_BAN,
        Predicate.IMPOSES_TARIFF,
        Predicate.SANCTIONS,
        Predicate.APPROVES,
        Predicate.INVESTIGATES,
        Predicate.FINES,
        Predicate.SUPPORTS,
    }
)
_LEAD_DATED = _EVENT_PREDICATES | {Predicate.PARTNERS_WITH}
_ROLE_PREDICATES = frozenset({Predicate.LEADS, Predicate.WORKS_FOR})
_EVENT_NOUNS: dict[str, frozenset[Predicate]] = {
    "ban": frozenset({Predicate.BANS}),
    "embargo": frozenset({Predicate.BANS}),
    "deal": frozenset({Predicate.ACQUIRES, Predicate.SELLS}),
    "acquisition": frozenset({Predicate.ACQUIRES, Predicate.SELLS}),
    "transaction": frozenset({Predicate.ACQUIRES, Predicate.SELLS}),
    "takeover": frozenset({Predicate.ACQUIRES, Predicate.SELLS}),
    "sale": frozenset({Predicate.ACQUIRES, Predicate.SELLS}),
    "tariff": frozenset({Predicate.IMPOSES_TARIFF}),
    "tariffs": frozenset({Predicate.IMPOSES_TARIFF}),
    "probe": frozenset({Predicate.INVESTIGATES}),
    "investigation": frozenset({Predicate.INVESTIGATES}),
}


_EVENT_VERBS = word_set(
    """extended imposed introduced announced signed completed closed agreed reached struck expanded
    widened launched began started took came effective"""
)


@dataclass(slots=True)
class _Merged:
    fact: Candidate
    sentences: list[int]


def run_pipeline(
    text: str,
    story: Story,
    registry: Registry,
    *,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    pipeline: str = DEFAULT_PIPELINE,
) -> GraphDelta:
    """Extract one story's entities, facts and metrics."""
    published = story.published
    sentences = parse_document(text, published, registry)
    _reanchor_relative_months(sentences, published)
    _past_months_before_publication(sentences, published)
    _resolve_event_relative_days(sentences)
    coref = resolve_coreference(sentences, registry)
    trees = parse_sentences(sentences, pipeline)
    context = StoryContext(_home_country(coref), _story_exchange(sentences, coref))
    candidates: list[Candidate] = []
    for index, (ps, tree) in enumerate(zip(sentences, trees, strict=True)):
        found = sentence_facts(tree, ps, index, coref, context=context)
        for c in found:
            fill_attributes(c, ps)
            _stake_or_control(c)
        candidates.extend(found)
        context.focus = _focus_after(ps, tree, coref, context.focus)
    candidates.extend(_successors(candidates, context.successions, coref))
    _adopt_orphans(candidates, coref)
    candidates = [c for c in candidates if c.subject >= 0 and _valid(c, coref)]
    candidates = _drop_weaker_product_facts(candidates, coref)
    candidates = _drop_parent_stand_ins(candidates)
    _lead_dates(candidates, sentences)
    _event_anaphora(candidates, sentences)
    merged = _merge(candidates, coref, published)
    _share_deal_attributes(merged, coref)
    merged = _prune_implied_locations(merged, coref)
    merged = _prune_state_metonyms(merged, coref)
    facts = [m for m in merged if m.fact.confidence >= min_confidence]
    return _delta(story, sentences, coref, facts)


def _adopt_orphans(candidates: list[Candidate], coref: Coreference) -> None:
    """ "the launch of Orion X2" names no maker: take the one the story gives elsewhere."""
    makers: dict[int, int] = {}
    for c in candidates:
        if c.subject >= 0 and c.predicate in (
            Predicate.DEVELOPS,
            Predicate.RELEASES,
            Predicate.OPEN_SOURCES,
        ):
            makers.setdefault(coref.root(coref.clusters[c.object]).id, c.subject)
    for c in candidates:
        if c.subject < 0:
            maker = makers.get(coref.root(coref.clusters[c.object]).id)
            if maker is not None:
                c.subject = maker


def _drop_weaker_product_facts(candidates: list[Candidate], coref: Coreference) -> list[Candidate]:
    """A possessive ("Kivra's Orion") says DEVELOPS only when nothing stronger is known."""
    stronger = {
        (c.subject, c.object)
        for c in candidates
        if c.predicate in (Predicate.RELEASES, Predicate.OPEN_SOURCES)
    }
    return [
        c
        for c in candidates
        if not (c.rule == "possessive-product" and (c.subject, c.object) in stronger)
    ]


def _drop_parent_stand_ins(candidates: list[Candidate]) -> list[Candidate]:
    """ "X's cloud unit launched Y" credits X only when no other actor is named for it."""
    named = {(c.predicate, c.object, c.subject) for c in candidates if not c.via_parent}
    return [
        c
        for c in candidates
        if not (
            c.via_parent
            and any(p == c.predicate and o == c.object and s != c.subject for p, o, s in named)
        )
    ]


_THIS_PERIOD = frozenset(
    {"this month", "earlier this month", "this week", "earlier this week", "later this month"}
)


def _reanchor_relative_months(sentences: list[ParsedSentence], published: str | None) -> None:
    """A story that reports events of "Monday" (the day before publication) and says
    "this month" means the month of those events: when a section's news day falls in
    the month before publication, "this month" is re-read from that day."""
    if published is None or len(published) != 10:
        return
    sections = _sections(sentences)
    news_day: dict[int, str] = {}
    for index, ps in enumerate(sentences):
        for span in ps.dates:
            found = span.date
            if (
                found is not None
                and found.relative
                and found.date
                and len(found.date) == 10
                and found.date <= published
                and found.text.lower() not in _THIS_PERIOD
            ):
                sec = sections[index]
                if found.date > news_day.get(sec, ""):
                    news_day[sec] = found.date
    for index, ps in enumerate(sentences):
        anchor = news_day.get(sections[index])
        if anchor is None or anchor[:7] == published[:7]:
            continue
        for k, span in enumerate(ps.dates):
            found = span.date
            if found is None or found.text.lower() not in _THIS_PERIOD:
                continue
            value = resolve_relative_date(found.text, anchor)
            if value:
                ps.dates[k] = Span(
                    span.start,
                    span.end,
                    date=found.model_copy(update={"date": value, "period": value}),
                )


_FUTURE_WORDS = word_set(
    "will would plans plan planned expects expected shall could may might intends aims "
    "next scheduled set due"
)
_PAST_IRREGULAR = word_set("bought sold took made won struck agreed began paid")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _past_months_before_publication(sentences: list[ParsedSentence], published: str | None) -> None:
    """ "Midea agreed to buy Teka in November" in a May story: a past-tense event in a
    month named without a year is the last such month before publication."""
    if published is None or len(published) < 7:
        return
    for ps in sentences:
        for k, span in enumerate(ps.dates):
            found = span.date
            if (
                found is None
                or not found.date
                or found.date[:7] <= published[:7]
                or _YEAR.search(found.text)
            ):
                continue
            before = [t.lower for t in ps.tokens[ps.begin : span.start]]
            if any(w in _FUTURE_WORDS for w in before):
                continue
            if not any(
                w in _PAST_IRREGULAR or (w.endswith("ed") and w.isalpha() and len(w) > 3)
                for w in before
            ):
                continue
            year = int(found.date[:4]) - 1
            value = f"{year:04d}{found.date[4:]}"
            ps.dates[k] = Span(
                span.start,
                span.end,
                date=found.model_copy(update={"date": value, "period": value}),
            )


_DAYS_LATER = re.compile(
    r"(?i)^(?:(a|one|two|three|four|five|six|seven|\d{1,2})\s+days?\s+(later|afterwards)|"
    r"the\s+(next|following)\s+day)$"
)
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _resolve_event_relative_days(sentences: list[ParsedSentence]) -> None:
    """ "Beijing responded a day later": counted from the last day the story named."""
    last_day: str | None = None
    sections = _sections(sentences)
    section = -1
    for index, ps in enumerate(sentences):
        if sections[index] != section:
            section, last_day = sections[index], None
        for k, span in enumerate(ps.dates):
            found = span.date
            if found is None:
                continue
            if found.date and len(found.date) == 10:
                last_day = found.date
                continue
            match = _DAYS_LATER.match(found.text.strip())
            if match is None or last_day is None:
                continue
            if match.group(3):
                days = 1
            else:
                count = match.group(1).lower()
                days = int(count) if count.isdigit() else _COUNTS[count]
            value = (date.fromisoformat(last_day) + timedelta(days=days)).isoformat()
            ps.dates[k] = Span(span.start, span.end, date=found.model_copy(update={"date": value}))
            last_day = value


_LISTING_WORDS = frozenset(
    {"ipo", "ipos", "listing", "listings", "listed", "list", "debut", "debuts", "debuted",
     "float", "flotation", "offering", "bourse", "exchange", "shares", "trading"}
)  # fmt: skip


def _story_exchange(sentences: list[ParsedSentence], coref: Coreference) -> Cluster | None:
    """The exchange a story's listings happen on when a sentence names none: the first
    trading venue (or its city) named in a sentence about listings."""
    for ps in sentences:
        if not any(t.lower in _LISTING_WORDS for t in ps.tokens):
            continue
        for m in ps.mentions:
            cluster = coref.of(m)
            if cluster is None:
                continue
            found = exchange_for(coref, cluster)
            if found is not None:
                return found
    return None


def _successors(
    candidates: list[Candidate], successions: list[tuple[int, int, int]], coref: Coreference
) -> list[Candidate]:
    """ "X resigned as chief executive ... Y will replace him": Y takes X's post."""
    out: list[Candidate] = []
    for new, old, sentence in successions:
        old_root = coref.root(coref.clusters[old]).id
        for c in candidates:
            if (
                c.predicate in (Predicate.LEADS, Predicate.WORKS_FOR)
                and c.subject >= 0
                and coref.root(coref.clusters[c.subject]).id == old_root
            ):
                taken = _copy(c)
                taken.subject = new
                taken.sentence = sentence
                taken.rule = "succession"
                taken.valid_until = None
                taken.date = None
                taken.attributes = {"appointed": True}
                out.append(taken)
                break
    return out


def _focus_after(
    ps: ParsedSentence, tree: SentenceTree, coref: Coreference, focus: Cluster | None
) -> Cluster | None:
    """The company a story is about after this sentence: the subject of its main verb
    when that is a company; a headline starts afresh."""
    if ps.sentence.headline:
        return None
    for token in tree.doc:
        if token.dep_ == "ROOT":
            for subject in surface_subject(token):
                index = tree.mention[subject.i]
                cluster = coref.of(ps.mentions[index]) if index >= 0 else None
                if cluster is not None and cluster.type is EntityType.COMPANY:
                    return cluster
    return focus


_CONTROL_WORDS = frozenset({"majority", "controlling", "control", "all", "outright", "full"})


def _stake_or_control(c: Candidate) -> None:
    """Buying a stake is investing; buying control (a majority) is acquiring."""
    if c.predicate is not Predicate.ACQUIRES or c.attributes.get("through") is None:
        return
    if str(c.attributes["through"]) not in (
        "stake",
        "stakes",
        "share",
        "shares",
        "interest",
        "%",
        "percent",
        "equity",
        "holding",
    ):
        return
    if c.stake_pct is not None and c.stake_pct > 50:
        return
    if c.attributes.get("control"):
        return
    c.predicate = Predicate.INVESTS_IN


def _home_country(coref: Coreference) -> str | None:
    counts = [(len(c.mentions), c.canonical) for c in coref.live() if c.type is EntityType.COUNTRY]
    if not counts:
        return None
    counts.sort(key=lambda x: (-x[0], x[1]))
    return counts[0][1]


def _valid(c: Candidate, coref: Coreference) -> bool:
    s = coref.root(coref.clusters[c.subject])
    o = coref.root(coref.clusters[c.object])
    if s.id == o.id:
        return False
    c.subject, c.object = s.id, o.id
    if c.predicate is Predicate.HEADQUARTERED_IN and s.type in (
        EntityType.REGION,
        EntityType.ASSET,
    ):
        c.predicate = Predicate.LOCATED_IN  # "Congo's Lualaba province": a place has no seat
    if s.type is None:
        s.type = EntityType.COMPANY
    if o.type is None:
        o.type = EntityType.COMPANY
    return True


def _sections(sentences: list[ParsedSentence]) -> list[int]:
    """The section each sentence belongs to; a headline starts a section."""
    section = 0
    out: list[int] = []
    for index, ps in enumerate(sentences):
        if ps.sentence.headline and index > 0 and not sentences[index - 1].sentence.headline:
            section += 1
        out.append(section)
    return out


def _lead_dates(candidates: list[Candidate], sentences: list[ParsedSentence]) -> None:
    sections = _sections(sentences)
    lead_date: dict[int, str] = {}
    position: dict[int, int] = defaultdict(int)
    lead_sentences: set[int] = set()
    for index, ps in enumerate(sentences):
        sec = sections[index]
        if not ps.sentence.headline:
            position[sec] += 1
        if ps.sentence.headline or position[sec] <= 2:
            lead_sentences.add(index)
        if position[sec] <= 3 and not ps.sentence.headline and sec not in lead_date:
            for span in ps.dates:
                found = span.date
                if (
                    found is not None
                    and found.relative
                    and found.date
                    and (span.start >= ps.begin)
                    and len(found.date) == 10
                ):
                    lead_date[sec] = found.date
                    break
    for c in candidates:
        if (
            c.date is None
            and not c.fixed_date
            and c.valid_until is None
            and c.sentence in lead_sentences
            and (c.predicate in _LEAD_DATED or c.attributes.get("appointed"))
        ):
            found_date = lead_date.get(sections[c.sentence])
            if found_date is not None:
                c.date = found_date
                if c.attributes.get("appointed"):
                    c.valid_from = found_date


def _event_anaphora(candidates: list[Candidate], sentences: list[ParsedSentence]) -> None:
    """ "The ban was widened to all ports in March 2019": a more precise date
    for the ban already read."""
    for index, ps in enumerate(sentences):
        tokens = ps.tokens
        for k in range(ps.begin, min(len(tokens) - 1, ps.begin + 3)):
            if tokens[k].lower not in ("the", "that", "this"):
                continue
            noun = tokens[k + 1].lower
            predicates = _EVENT_NOUNS.get(noun)
            if predicates is None:
                continue
            dated = [
                s.date.date
                for s in ps.dates
                if s.date
                and s.date.date
                and s.start >= ps.begin
                and tokens[s.start - 1].lower not in ("since", "until")
            ]
            if not dated:
                continue
            if not any(t.lower in _EVENT_VERBS for t in tokens[k + 2 : k + 10]):
                continue
            earlier = [c for c in candidates if c.predicate in predicates and c.sentence < index]
            if not earlier:
                continue
            target = earlier[-1]
            for value in dated:
                if target.date is None or (
                    value.startswith(target.date) and len(value) > len(target.date)
                ):
                    target.date = value
                    break


def _compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    return a.startswith(b) or b.startswith(a)


def _more_precise(a: str | None, b: str | None) -> str | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if len(a) >= len(b) else b


def _absorb(into: Candidate, other: Candidate) -> None:
    into.date = _more_precise(into.date, other.date)
    into.amount = into.amount or other.amount
    into.stake_pct = into.stake_pct if into.stake_pct is not None else other.stake_pct
    if other.status is not None and (
        into.status is None or STATUS_RANK[other.status] > STATUS_RANK[into.status]
    ):
        into.status = other.status
    into.role = into.role or other.role
    into.valid_from = _earliest(into.valid_from, other.valid_from)
    into.valid_until = into.valid_until or other.valid_until
    into.confidence = min(0.99, max(into.confidence, other.confidence) + 0.05)
    for key, value in other.attributes.items():
        into.attributes.setdefault(key, value)


def _earliest(a: str | None, b: str | None) -> str | None:
    if a is None or b is None:
        return a or b
    return min(a, b)


def _merge(candidates: list[Candidate], coref: Coreference, published: str | None) -> list[_Merged]:
    groups: dict[tuple[int, Predicate, int], list[Candidate]] = defaultdict(list)
    order: list[tuple[int, Predicate, int]] = []
    for c in candidates:
        s, o = c.subject, c.object
        if c.predicate in SYMMETRIC_PREDICATES and s > o:
            s, o = o, s
            c.subject, c.object = s, o
        key = (s, c.predicate, o)
        if key not in groups:
            order.append(key)
        groups[key].append(c)
    merged: list[_Merged] = []
    for key in order:
        group = groups[key]
        predicate = key[1]
        if predicate in _EVENT_PREDICATES:
            buckets = _merge_events(group, published)
            if predicate in (Predicate.ACQUIRES, Predicate.SELLS):
                buckets = _one_deal(buckets)
            merged.extend(buckets)
        else:
            merged.append(_merge_state(group, predicate, published))
    return merged


def _merge_events(group: list[Candidate], published: str | None) -> list[_Merged]:
    dated = sorted({c.date for c in group if c.date}, key=lambda d: (-len(d), d))
    buckets: list[_Merged] = []
    for value in dated:
        if any(_compatible(value, b.fact.date) for b in buckets):
            continue
        seed = next(c for c in group if c.date == value)
        buckets.append(_Merged(_copy(seed), []))
    if not buckets:
        buckets.append(_Merged(_copy(group[0]), []))
    for c in group:
        home = _bucket_for(c, buckets, published)
        if home.sentences or home.fact is not c:
            _absorb(home.fact, c)
        if c.sentence not in home.sentences:
            home.sentences.append(c.sentence)
    for b in buckets:
        b.fact.confidence = min(0.99, b.fact.confidence)
    return buckets


def _one_deal(buckets: list[_Merged]) -> list[_Merged]:
    """A deal agreed on one date and completed on another is one deal: the story's main
    (earliest-stated) mention keeps its date and takes the later status."""
    if len(buckets) != 2:
        return buckets
    done = [b for b in buckets if b.fact.status is FactStatus.COMPLETED]
    if len(done) != 1:
        return buckets
    main = min(buckets, key=lambda b: min(b.sentences) if b.sentences else b.fact.sentence)
    other = buckets[1] if main is buckets[0] else buckets[0]
    first, second = sorted(d for d in (main.fact.date, other.fact.date) if d) or ["", ""]
    if len(first) < 7 or len(second) < 7 or int(second[:4]) - int(first[:4]) > 1:
        return buckets  # years apart: two deals, not one
    main.fact.status = FactStatus.COMPLETED
    if main.fact.amount is None:
        main.fact.amount = other.fact.amount
    main.sentences.extend(x for x in other.sentences if x not in main.sentences)
    return [main]


def _copy(c: Candidate) -> Candidate:
    return Candidate(
        c.subject,
        c.predicate,
        c.object,
        c.sentence,
        c.trigger,
        c.confidence,
        c.rule,
        date=c.date,
        amount=c.amount,
        stake_pct=c.stake_pct,
        status=c.status,
        role=c.role,
        valid_from=c.valid_from,
        valid_until=c.valid_until,
        attributes=dict(c.attributes),
    )


def _bucket_for(c: Candidate, buckets: list[_Merged], published: str | None) -> _Merged:
    if c.date is not None:
        for b in buckets:
            if _compatible(c.date, b.fact.date):
                return b
    # An undated mention belongs to the event nearest the story's publication.
    if published is not None and len(buckets) > 1:
        return max(
            buckets, key=lambda b: (b.fact.date or "") if (b.fact.date or "") <= (published) else ""
        )
    return buckets[0]


def _merge_state(group: list[Candidate], predicate: Predicate, published: str | None) -> _Merged:
    first = _copy(group[0])
    result = _Merged(first, [group[0].sentence])
    for c in group[1:]:
        keep_date = first.date
        _absorb(first, c)
        if predicate in _ROLE_PREDICATES:
            starts = [x for x in (keep_date, c.date) if x]
            first.date = min(starts) if starts else None
        else:
            dates = [x for x in (keep_date, c.date) if x]
            first.date = max(dates) if dates else None
        if c.sentence not in result.sentences:
            result.sentences.append(c.sentence)
    if (
        predicate in _ROLE_PREDICATES
        and first.valid_until
        and first.date
        and (first.date >= first.valid_until)
    ):
        first.date = None
    return result


def _prune_implied_locations(merged: list[_Merged], coref: Coreference) -> list[_Merged]:
    """ "a module plant in Malaysia" adds nothing when the plant is in Penang and Penang
    is in Spain: keep the most specific place."""
    located: dict[int, set[int]] = defaultdict(set)
    for m in merged:
        if m.fact.predicate is Predicate.LOCATED_IN:
            located[m.fact.subject].add(m.fact.object)

    def country_of(cluster_id: int) -> str | None:
        cluster = coref.root(coref.clusters[cluster_id])
        if cluster.registry is not None and cluster.registry.country:
            return cluster.registry.country
        return REGION_COUNTRY.get(cluster.canonical)

    keep: list[_Merged] = []
    for m in merged:
        fact = m.fact
        if fact.predicate is Predicate.LOCATED_IN:
            target = coref.root(coref.clusters[fact.object]).canonical
            implied = any(
                other != fact.object
                and (fact.object in located.get(other, set()) or country_of(other) == target)
                for other in located[fact.subject]
            )
            if implied:
                continue
        keep.append(m)
    return keep


_STATE_ACTS = frozenset(
    {
        Predicate.BANS,
        Predicate.LIFTS_BAN,
        Predicate.SANCTIONS,
        Predicate.APPROVES,
        Predicate.INVESTIGATES,
        Predicate.FINES,
        Predicate.IMPOSES_TARIFF,
    }
)


def _prune_state_metonyms(merged: list[_Merged], coref: Coreference) -> list[_Merged]:
    """ "China opens probe into X" (headline) and "the State Administration for Market
    Regulation launched an investigation into X": one act, done by the body; the country
    standing for it is dropped."""
    acted: set[tuple[Predicate, int, str]] = set()
    for m in merged:
        if m.fact.predicate not in _STATE_ACTS:
            continue
        subject = coref.root(coref.clusters[m.fact.subject])
        home = subject.registry.country if subject.registry is not None else None
        if subject.type is EntityType.GOVERNMENT_BODY and home:
            acted.add((m.fact.predicate, m.fact.object, home))
    keep: list[_Merged] = []
    for m in merged:
        subject = coref.root(coref.clusters[m.fact.subject])
        if (
            subject.type is EntityType.COUNTRY
            and (m.fact.predicate, m.fact.object, subject.canonical) in acted
        ):
            continue
        keep.append(m)
    return keep


def _share_deal_attributes(merged: list[_Merged], coref: Coreference) -> None:
    deals = [m for m in merged if m.fact.predicate in (Predicate.ACQUIRES, Predicate.SELLS)]
    for a in deals:
        for b in deals:
            if a is b or a.fact.object != b.fact.object:
                continue
            same_pair = a.fact.subject == b.fact.subject and a.fact.predicate is b.fact.predicate
            if same_pair and a.fact.amount is None and b.fact.amount is not None:
                a.fact.amount = b.fact.amount  # "agreed to buy X in May 2022" ... "$69bn deal"
            if not _compatible(a.fact.date, b.fact.date):
                continue
            if a.fact.date is None and b.fact.date is not None and len(b.fact.date) == 10:
                a.fact.date = b.fact.date
            if a.fact.amount is None and b.fact.amount is not None and (a.fact.date == b.fact.date):
                a.fact.amount = b.fact.amount
            if a.fact.status is None and b.fact.status is not None:
                a.fact.status = b.fact.status


def _entity(cluster: Cluster) -> Entity:
    entry = cluster.registry
    aliases = [s for s in cluster.surfaces if s and len(s) <= 200]
    if entry is not None:
        aliases.extend(entry.aliases)
        return Entity(
            name=entry.name,
            type=entry.type,
            aliases=tuple(aliases),
            name_zh=entry.name_zh,
            country=entry.country,
            tickers=entry.tickers,
            description=entry.description,
        )
    name = _canonical(cluster)
    return Entity(
        name=name,
        type=cluster.type or EntityType.COMPANY,
        aliases=tuple(aliases),
        country=cluster.place if cluster.type is not EntityType.COUNTRY else None,
    )


def _canonical(cluster: Cluster) -> str:
    if not cluster.named or cluster.type in (
        EntityType.COUNTRY,
        EntityType.REGION,
        EntityType.COMMODITY,
        EntityType.MARKET,
        EntityType.INVESTOR_GROUP,
    ):
        return cluster.canonical
    forms = [f for f in cluster.forms() if f and normalize_name(f)]
    if cluster.named_surfaces:
        forms = [f for f in cluster.named_surfaces if normalize_name(f)] or forms
    forms.sort(key=lambda f: (-len(f), f))
    return forms[0] if forms else cluster.canonical


def _delta(
    story: Story,
    sentences: list[ParsedSentence],
    coref: Coreference,
    facts: list[_Merged],
) -> GraphDelta:
    entities: dict[int, Entity] = {}

    def entity_of(cluster_id: int) -> Entity:
        cluster = coref.root(coref.clusters[cluster_id])
        if cluster.id not in entities:
            entities[cluster.id] = _entity(cluster)
        return entities[cluster.id]

    out_facts: list[Fact] = []
    for m in facts:
        c = m.fact
        subject, obj = entity_of(c.subject), entity_of(c.object)
        if subject.id == obj.id:
            continue
        evidence = tuple(
            Evidence(story_id=story.id, sentence=sentences[i].sentence.text)
            for i in sorted(set(m.sentences))
        )
        out_facts.append(
            Fact(
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
                confidence=round(max(0.0, min(1.0, c.confidence)), 3),
                attributes={**c.attributes, "rule": c.rule},
                evidence=evidence,
            )
        )
    for cluster in coref.live():
        if cluster.type is None or not cluster.named or not cluster.mentions:
            continue
        if cluster.type in (
            EntityType.COMMODITY,
            EntityType.MARKET,
            EntityType.INVESTOR_GROUP,
            EntityType.ASSET,
        ) and (cluster.id not in entities):
            continue
        entity_of(cluster.id)
    unique: dict[str, Fact] = {}
    for fact in out_facts:
        old = unique.get(fact.key)
        if old is None or fact.confidence > old.confidence:
            unique[fact.key] = fact
    metric_list: dict[str, Metric] = {}
    for cluster, fields, index in metric_candidates(sentences, coref):
        subject_entity = entity_of(cluster.id)
        metric = build_metric(subject_entity.id, fields, story.id, sentences[index].sentence.text)
        metric_list.setdefault(metric.id, metric)
    return GraphDelta(
        stories=(story,),
        entities=tuple(sorted(entities.values(), key=lambda e: e.id)),
        facts=tuple(sorted(unique.values(), key=lambda f: f.key)),
        metrics=tuple(sorted(metric_list.values(), key=lambda m: m.id)),
    )


def _status_rank(status: FactStatus | None) -> int:
    return -1 if status is None else STATUS_RANK[status]
