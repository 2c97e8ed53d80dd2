"""Dates across a story: relative dates settled against the story's own news day, the
lead's date given to undated news facts, and dates that later sentences add to an
event already read ("That ban was widened ... in March 2019").
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, timedelta

from sinograph.graph.model.ontology import Predicate
from sinograph.loaders.extract.candidate import Candidate
from sinograph.loaders.extract.cues import word_set
from sinograph.loaders.extract.document import ParsedSentence, Span
from sinograph.loaders.extract.temporal import resolve_relative_date

__all__ = [
    "LEAD_DATED",
    "date_from_lead",
    "refine_by_anaphora",
    "section_of",
    "settle_relative_dates",
]

EVENT_PREDICATES = frozenset(
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

LEAD_DATED = EVENT_PREDICATES | {Predicate.PARTNERS_WITH}


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


def settle_relative_dates(sentences: list[ParsedSentence], published: str | None) -> None:
    """Relative dates read against the story's news day rather than its publication:
    "this month" of a story about last month, a month without a year before
    publication, "a day later"."""
    _reanchor_relative_months(sentences, published)
    _past_months_before_publication(sentences, published)
    _resolve_event_relative_days(sentences)


_THIS_PERIOD = frozenset(
    {"this month", "earlier this month", "this week", "earlier this week", "later this month"}
)


def _reanchor_relative_months(sentences: list[ParsedSentence], published: str | None) -> None:
    """A story that reports events of "Monday" (the day before publication) and says
    "this month" means the month of those events: when a section's news day falls in
    the month before publication, "this month" is re-read from that day."""
    if published is None or len(published) != 10:
        return
    sections = section_of(sentences)
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
    sections = section_of(sentences)
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


def section_of(sentences: list[ParsedSentence]) -> list[int]:
    """The section each sentence belongs to; a headline starts a section."""
    section = 0
    out: list[int] = []
    for index, ps in enumerate(sentences):
        if ps.sentence.headline and index > 0 and not sentences[index - 1].sentence.headline:
            section += 1
        out.append(section)
    return out


def date_from_lead(candidates: list[Candidate], sentences: list[ParsedSentence]) -> None:
    sections = section_of(sentences)
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
            and (c.predicate in LEAD_DATED or c.attributes.get("appointed"))
        ):
            found_date = lead_date.get(sections[c.sentence])
            if found_date is not None:
                c.date = found_date
                if c.attributes.get("appointed"):
                    c.valid_from = found_date
    # "The regulator fined X on Monday ... It also fined Y and Z": the same agent doing the
    # same act later in the story is the same news event, so it takes the lead's date
    lead_acts = {
        (c.subject, c.predicate): c.date
        for c in candidates
        if c.sentence in lead_sentences and c.date and c.predicate in LEAD_DATED
    }
    lead_targets = {
        (c.predicate, c.object): c.date
        for c in candidates
        if c.sentence in lead_sentences and c.date and c.predicate in LEAD_DATED
    }
    for c in candidates:
        if (
            c.date is None
            and not c.fixed_date
            and c.valid_until is None
            and c.predicate in LEAD_DATED
            and c.sentence not in lead_sentences
        ):
            shared = lead_acts.get((c.subject, c.predicate))
            if shared is None:
                # "US agency blacklists X" in the headline, "... include: W, X, Y" later
                # under a sub-agency's name: the same act on the same target
                shared = lead_targets.get((c.predicate, c.object))
            if shared is not None:
                c.date = shared
    # the rest of that list: one sentence's undated acts of the same agent and kind share
    # the date one of them took
    listed = {
        (c.sentence, c.subject, c.predicate): c.date
        for c in candidates
        if c.date and c.predicate in LEAD_DATED and c.sentence not in lead_sentences
    }
    for c in candidates:
        if c.date is None and not c.fixed_date and c.valid_until is None:
            same_list = listed.get((c.sentence, c.subject, c.predicate))
            if same_list is not None:
                c.date = same_list


def refine_by_anaphora(candidates: list[Candidate], sentences: list[ParsedSentence]) -> None:
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
