"""Attributes of a proposed fact read from its sentence: the amount, the stake, the
date (and validity for roles), and the status of a deal, listing or ban.

* amount: money met while reading the fact's arguments ("a $750 million agreement
  to buy", "for 2.4 billion euros"), else the nearest total (not a price per
  share) in the sentence; an amount in brackets after another is its conversion;
* stake: a percentage followed by stake/share/interest/of ("acquire 60% of Tallis");
* date: the date expression nearest the trigger, ignoring the dateline and dates
  that qualify another noun; "from March 2011 to October 2014" gives a role its
  validity; a departure's date closes the role (``valid_until``);
* status: bid/plan -> proposed; agreed/deal/agreement -> agreed; announced ->
  announced; completed/closed -> completed; terminated/called off -> terminated; a
  past-tense deal verb with no other cue -> completed.
"""

from __future__ import annotations

from sinograph.graph.model.ontology import FactStatus, Predicate
from sinograph.loaders.extract.candidate import Candidate
from sinograph.loaders.extract.cues import word_set
from sinograph.loaders.extract.document import ParsedSentence, Span

__all__ = ["fill_attributes"]

_STATUS_PREDICATES = frozenset(
    {
        Predicate.ACQUIRES,
        Predicate.SELLS,
        Predicate.MERGES_WITH,
        Predicate.LISTED_ON,
        Predicate.INVESTS_IN,
        Predicate.BANS,
        Predicate.PARTNERS_WITH,
    }
)
_STAKE_PREDICATES = frozenset(
    {Predicate.ACQUIRES, Predicate.SELLS, Predicate.INVESTS_IN, Predicate.OWNS}
)
_TERMINATED = word_set(
    """terminated terminate terminates scrapped scraps scrap abandoned abandons abandon dropped
    drops collapsed collapses blocked blocks withdrew withdrawn withdraws cancelled canceled
    cancel axed"""
)
_COMPLETED = word_set(
    """completed completes complete closed finalised finalized concluded wrapped"""
)
_AGREED = word_set(
    """agreed agrees agree agreement deal signed signs struck strikes reached inked sealed clinched
    definitive"""
)
_ANNOUNCED = word_set("announced announces announcement unveiled disclosed")
_PROPOSED = word_set(
    """plans plan planned planning proposed proposes proposal bid bids offer offers offered
    considering consider mulling weighing exploring explore seeks seeking talks intends intend
    eyeing eyes could may might would hopes hope aims aim expects potential possible"""
)
_PAST_DEAL_VERBS = word_set(
    """acquired bought purchased sold divested snapped merged listed debuted banned imposed"""
)
_NOT_TOTAL_BEFORE = word_set(
    """revenue revenues income sales profit profits earnings valuation valued worth loss losses
    capacity price"""
)
_AMOUNT_WINDOW = 24
_DATE_WINDOW = 30
_UNDATED_STATES = frozenset(
    {
        Predicate.HEADQUARTERED_IN,
        Predicate.LOCATED_IN,
        Predicate.OPERATES_IN,
        Predicate.OWNS,
        Predicate.CONTROLS,
        Predicate.SUBSIDIARY_OF,
        Predicate.COMPETES_WITH,
        Predicate.DEVELOPS,
        Predicate.SUPPLIES,
        Predicate.AUDITS,
        Predicate.WORKS_FOR,
    }
)


def fill_attributes(c: Candidate, ps: ParsedSentence) -> None:
    """Fill amount, stake, date and status of ``c`` from its sentence, in place."""
    if c.wants_amount and c.amount is None:
        money = _pick_money(c, ps)
        if money is not None and money.money is not None:
            c.amount = (money.money.value, money.money.currency)
    if c.predicate in _STAKE_PREDICATES and c.stake_pct is None:
        c.stake_pct = _pick_stake(c, ps)
    if not c.fixed_date:
        _pick_date(c, ps)
    elif c.date is None and c.scope is not None:
        # a standing state keeps only a date stated right at it ("listed since 2019")
        _since_date(c, ps)
    if c.predicate in _STATUS_PREDICATES:
        found = _status(c, ps)
        # a rule's own stage ("a bid": proposed) gives way only to its ending
        if c.status is None or found is FactStatus.TERMINATED:
            c.status = found


def _pick_money(c: Candidate, ps: ParsedSentence) -> Span | None:
    totals = [s for s in ps.money if s.money is not None and not s.money.per_unit]
    if c.scope is not None:
        totals = [s for s in totals if s.start in c.scope]
    if not totals:
        return None
    for hint in c.hints:
        for span in totals:
            if span.start == hint:
                return span
    best: Span | None = None
    best_distance = _AMOUNT_WINDOW + 1
    for span in totals:
        before = ps.tokens[span.start - 1].lower if span.start > 0 else ""
        before2 = ps.tokens[span.start - 2].lower if span.start > 1 else ""
        if before in _NOT_TOTAL_BEFORE or (before == "of" and before2 in _NOT_TOTAL_BEFORE):
            continue
        # amounts after the trigger come first
        after = span.start >= c.trigger
        distance = span.start - c.trigger if after else c.trigger - span.end + 4
        if distance < best_distance:
            best, best_distance = span, distance
    return best


def _pick_stake(c: Candidate, ps: ParsedSentence) -> float | None:
    tokens = ps.tokens
    for span in ps.percents:
        if c.scope is not None and span.start not in c.scope:
            continue
        if span.percent is None or span.percent.points or not 0 < span.percent.value <= 100:
            continue
        nxt = tokens[span.end].lower if span.end < len(tokens) else ""
        nxt2 = tokens[span.end + 1].lower if span.end + 1 < len(tokens) else ""
        if (
            nxt in ("stake", "of", "share", "interest", "holding", "equity")
            or nxt2
            in (
                "stake",
                "interest",
                "holding",
            )
        ) and (abs(span.start - c.trigger) <= 12 or span.start in c.hints):
            return span.percent.value
    return None


def _usable_dates(c: Candidate, ps: ParsedSentence) -> list[Span]:
    tokens = ps.tokens
    usable: list[Span] = []
    for span in ps.dates:
        if span.date is None or span.date.date is None or span.start < ps.begin:
            continue
        nxt = tokens[span.end] if span.end < len(tokens) else None
        # "a 2023 ban", "its January IPO": the date qualifies the next noun.
        prev = tokens[span.start - 1].lower if span.start > 0 else ""
        if (
            nxt is not None
            and nxt.text[0].isalpha()
            and not nxt.is_cap
            and span.end != c.trigger
            and prev in ("a", "an", "the", "its", "their", "his", "her", "'s")
        ):
            continue
        # "the biggest listing since 2021": a comparison, not the event's date (a state's
        # "since" is read as its start elsewhere)
        if prev == "since" and c.predicate not in _DURATIVE:
            continue
        usable.append(span)
    return usable


def _pick_date(c: Candidate, ps: ParsedSentence) -> None:
    dates = _usable_dates(c, ps)
    if c.scope is not None:
        dates = [d for d in dates if d.start in c.scope]
    if not dates:
        return
    tokens = ps.tokens
    if c.predicate in (Predicate.LEADS, Predicate.WORKS_FOR):
        for span in dates:
            if (
                span.start > 0
                and tokens[span.start - 1].lower == "from"
                and (0 <= span.start - c.trigger <= 8)
            ):
                later = [d for d in dates if d.start > span.end and d.start - span.end <= 3]
                if later and tokens[later[0].start - 1].lower in ("to", "until", "through"):
                    c.date = c.valid_from = span.date.date if span.date else None
                    c.valid_until = later[0].date.date if later[0].date else None
                    return
    if c.predicate in _DURATIVE:
        lo, hi = _clause(ps, c.trigger)
        for span in dates:
            if (
                lo <= span.start < hi
                and span.start > c.trigger
                and tokens[span.start - 1].lower == "since"
                and span.date is not None
            ):
                # "has led the company since 2015": the state began then
                c.date = c.valid_from = span.date.date
                return
    trigger = tokens[c.trigger].lower if c.trigger < len(tokens) else ""
    if (
        (c.predicate in _UNDATED_STATES or c.predicate is Predicate.LEADS)
        and not (c.attributes.get("appointed") or c.attributes.get("departure"))
        and trigger not in _EVENT_TRIGGERS
    ):
        # A state holds for a while: only a date right at its trigger dates it.
        dates = [d for d in dates if 0 <= d.start - c.trigger <= 3 or 0 <= c.trigger - d.end <= 1]
        if not dates:
            return
    lo, hi = _clause(ps, c.trigger)
    dates = [d for d in dates if d.start >= lo and d.end <= hi]
    best: Span | None = None
    best_distance = 10_000
    for span in dates:
        # a date after the trigger comes first
        after = span.start >= c.trigger
        distance = span.start - c.trigger if after else c.trigger - span.end + 3
        if distance < best_distance:
            best, best_distance = span, distance
    if best is None or best.date is None or best_distance > _DATE_WINDOW:
        return
    if c.attributes.get("departure"):
        c.valid_until = best.date.date
        return
    c.date = best.date.date
    if c.predicate in (Predicate.LEADS, Predicate.WORKS_FOR) and c.attributes.get("appointed"):
        c.valid_from = c.date


def _since_date(c: Candidate, ps: ParsedSentence) -> None:
    for span in ps.dates:
        if (
            span.date is not None
            and span.date.date
            and span.start in (c.scope or ())
            and span.start > 0
            and ps.tokens[span.start - 1].lower == "since"
        ):
            c.valid_from = span.date.date
            return


_DURATIVE = frozenset(
    {Predicate.LEADS, Predicate.WORKS_FOR, Predicate.OWNS, Predicate.CONTROLS, Predicate.BANS}
)
# Verbs that state an event even for a relation that usually holds for a while.
_EVENT_TRIGGERS = frozenset(
    [
        "delivered",
        "delivers",
        "shipped",
        "ships",
        "signed",
        "signs",
        "agreed",
        "agrees",
        "named",
        "appointed",
        "joined",
        "launched",
    ]
)
_CLAUSE_OPENERS = word_set(
    "which while but although though whereas as after before because since when"
)


def _clause(ps: ParsedSentence, t: int) -> tuple[int, int]:
    """Token range of the clause holding ``t``: bounded by ";" and by a comma that opens
    a relative, adverbial or -ing clause ("..., removing an irritant ... last September")."""
    tokens = ps.tokens
    n = len(tokens)

    def opens_clause(k: int) -> bool:
        if tokens[k].text == ";":
            return True
        if tokens[k].text != "," or k + 1 >= n:
            return False
        nxt = tokens[k + 1].lower
        return nxt in _CLAUSE_OPENERS or (
            nxt.endswith("ing") and len(nxt) > 5 and not tokens[k + 1].is_cap
        )

    lo = ps.begin
    for k in range(t - 1, ps.begin - 1, -1):
        if opens_clause(k):
            lo = k + 1
            break
    hi = n
    for k in range(t + 1, n):
        if opens_clause(k):
            hi = k
            break
    return lo, hi


# Stage words read from the parse (lemmas of the trigger's auxiliaries and governors).
_CUE_TERMINATED = frozenset(
    {"terminate", "scrap", "abandon", "collapse", "block", "withdraw", "cancel", "axe",
     "reject", "kill", "end", "halt", "call"}
)  # fmt: skip
_CUE_COMPLETED = frozenset({"complete", "close", "finalise", "finalize", "conclude", "wrap"})
_CUE_PROPOSED = frozenset(
    {"plan", "propose", "bid", "offer", "consider", "mull", "weigh", "explore", "seek",
     "talk", "intend", "aim", "hope", "expect", "eye", "prepare", "want", "could", "may",
     "might", "would", "apply", "file", "pursue", "study", "look"}
)  # fmt: skip
_CUE_AGREED = frozenset(
    {"agree", "deal", "agreement", "sign", "strike", "reach", "ink", "seal", "clinch"}
)
_CUE_ANNOUNCED = frozenset({"announce", "unveil", "disclose", "confirm"})
_CUE_FUTURE = frozenset({"will", "shall", "would", "to"})


def _status_from_cues(cues: frozenset[str]) -> FactStatus | None:
    if cues & _CUE_TERMINATED and not ("call" in cues and "off" not in cues):
        return FactStatus.TERMINATED
    if cues & _CUE_COMPLETED:
        return FactStatus.COMPLETED
    if cues & _CUE_PROPOSED:
        return FactStatus.PROPOSED
    if cues & _CUE_AGREED:
        return FactStatus.AGREED
    if cues & _CUE_ANNOUNCED:
        return FactStatus.ANNOUNCED
    if "PAST" in cues and not cues & _CUE_FUTURE:
        return FactStatus.COMPLETED
    return None


def _status(c: Candidate, ps: ParsedSentence) -> FactStatus | None:
    if c.cues is not None:
        return _status_from_cues(c.cues)
    tokens = ps.tokens
    lo = max(ps.begin, c.trigger - 10)
    hi = min(len(tokens), c.trigger + 3)
    window = [t.lower for t in tokens[lo:hi]]
    words = set(window)
    if words & _TERMINATED or ("called" in words and "off" in words):
        return FactStatus.TERMINATED
    if words & _COMPLETED:
        return FactStatus.COMPLETED
    if words & _PROPOSED:
        return FactStatus.PROPOSED
    if words & _AGREED:
        return FactStatus.AGREED
    if words & _ANNOUNCED:
        return FactStatus.ANNOUNCED
    trigger = tokens[c.trigger].lower if c.trigger < len(tokens) else ""
    if trigger in _PAST_DEAL_VERBS and not (words & {"will", "to", "would", "shall"}):
        return FactStatus.COMPLETED
    return None
