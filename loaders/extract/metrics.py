"""Reported figures: "property sales ... were 300 billion yuan, down 20%", "Its
revenue rose to $4.5 billion in 2024".

A metric needs a measure word (sales, revenue, purchases, profit, turnover...) and a
money amount (or a ratio such as "11.2 times earnings") in one sentence, and a
subject: an entity named with the measure ("its revenue", "Norvik's income", "southbound
purchases of Hong Kong shares"), else the sentence's subject. The change is the first
percentage after "up"/"down"/"fall"/"rise"/"decline"; the period comes from the date
expression; ``reported_by`` from "according to X", "data from X", "X said".
"""

from __future__ import annotations

from sinograph.graph.model.domain import Evidence, Metric
from sinograph.graph.model.ontology import EntityType
from sinograph.loaders.extract.coref import Cluster, Coreference
from sinograph.loaders.extract.document import ParsedSentence
from sinograph.loaders.extract.mention import MentionKind
from sinograph.loaders.extract.rules.schema import load_metric_table

__all__ = ["build_metric", "metric_candidates"]

_WORDS = load_metric_table()
_MEASURES = _WORDS.measures
_DOWN = _WORDS.falls
_UP = _WORDS.rises
_SUBJECT_TYPES = frozenset(
    {
        EntityType.COMPANY,
        EntityType.MARKET,
        EntityType.COUNTRY,
        EntityType.REGION,
        EntityType.INVESTOR_GROUP,
    }
)
_MAX_METRICS_PER_SENTENCE = 4
_NOT_NAME_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "its",
        "their",
        "of",
        "in",
        "and",
        "had",
        "has",
        "have",
        "was",
        "were",
        "is",
        "are",
        "with",
        "reported",
        "said",
        "says",
        "announced",
        "posted",
        "recorded",
        "its",
        "total",
    ]
)


def metric_candidates(
    sentences: list[ParsedSentence], coref: Coreference
) -> list[tuple[Cluster, dict[str, object], int]]:
    """(subject cluster, metric fields, sentence index) for every figure found."""
    found: list[tuple[Cluster, dict[str, object], int]] = []
    last_subject: Cluster | None = None
    for index, ps in enumerate(sentences):
        tokens = ps.tokens
        measure_at = [k for k in range(ps.begin, len(tokens)) if tokens[k].lower in _MEASURES]
        if not measure_at:
            _carry_change(ps, index, found)
            continue
        count = 0
        for span in ps.money:
            money = span.money
            if money is None or money.per_unit:
                continue
            measure = min(measure_at, key=lambda k: abs(k - span.start))
            if abs(measure - span.start) > 14:
                continue
            subject = _subject(ps, coref, measure)
            if subject is None and measure == ps.begin and index - 1 in [f[2] for f in found]:
                subject = last_subject  # "Revenue climbed 42% to ...": the firm just reported on
            if subject is None:
                continue
            last_subject = subject
            fields: dict[str, object] = {
                "name": _name(ps, measure),
                "value": money.value,
                "unit": money.currency,
            }
            change = _change(ps, span.end)
            if change is None:
                change = _change_before(ps, span.start)
            if change is not None:
                fields["change_pct"] = change
            period, date = _period(ps)
            if period:
                fields["period"] = period
            if date:
                fields["date"] = date
            source = _reported_by(ps, coref)
            if source is not None and source.id != subject.id:
                fields["reported_by"] = source.canonical
            found.append((subject, fields, index))
            count += 1
            if count >= _MAX_METRICS_PER_SENTENCE:
                break
    return found


def _name(ps: ParsedSentence, measure: int) -> str:
    tokens = ps.tokens
    words = [tokens[measure].lower]
    k = measure - 1
    while (
        k >= ps.begin
        and measure - k <= 2
        and tokens[k].text[0].isalpha()
        and not tokens[k].is_cap
        and tokens[k].lower not in _NOT_NAME_WORDS
    ):
        words.insert(0, tokens[k].lower)
        k -= 1
    return " ".join(words)


def _subject(ps: ParsedSentence, coref: Coreference, measure: int) -> Cluster | None:
    tokens = ps.tokens
    # "its revenue", "Norvik's income", "sales of X", "purchases of Japanese bonds"
    k = measure - 1
    while k >= ps.begin and measure - k <= 3:
        m = ps.mention_at(k)
        if m is not None:
            c = coref.of(m)
            if c is not None and c.type in _SUBJECT_TYPES:
                return c
            break
        k -= 1
    if measure + 2 < len(tokens) and tokens[measure + 1].lower in ("of", "from", "in"):
        m = ps.mention_at(measure + 2)
        c = coref.of(m) if m is not None else None
        if c is not None and c.type in (EntityType.MARKET, EntityType.COMPANY):
            return c
    m_measure = ps.mention_at(measure)
    if m_measure is not None and m_measure.kind == MentionKind.MARKET:
        return coref.of(m_measure)
    if ps.subject >= 0:
        c = coref.of(ps.mentions[ps.subject])
        if c is not None and c.type in _SUBJECT_TYPES:
            return c
    return None


def _change(ps: ParsedSentence, after: int) -> float | None:
    tokens = ps.tokens
    for span in ps.percents:
        if span.percent is None or span.start < after or span.start - after > 8:
            continue
        window = {t.lower for t in tokens[max(0, span.start - 3) : span.end + 2]}
        if window & _DOWN:
            return -span.percent.value
        if window & _UP:
            return span.percent.value
    return None


def _change_before(ps: ParsedSentence, money_start: int) -> float | None:
    """ "net profit rose 80.7% to 30.04 billion yuan": the change comes before "to"."""
    tokens = ps.tokens
    for span in ps.percents:
        if span.percent is None or span.end > money_start or money_start - span.end > 2:
            continue
        if span.end < len(tokens) and tokens[span.end].lower != "to":
            continue
        window = {t.lower for t in tokens[max(ps.begin, span.start - 3) : span.start]}
        if window & _DOWN:
            return -span.percent.value
        if window & _UP:
            return span.percent.value
    return None


def _carry_change(
    ps: ParsedSentence, index: int, found: list[tuple[Cluster, dict[str, object], int]]
) -> None:
    """ "... was 30 billion yuan. That was up 81% from a year earlier.": the change
    stated in the next sentence belongs to the figure just read."""
    if not found or found[-1][2] != index - 1 or "change_pct" in found[-1][1]:
        return
    tokens = ps.tokens
    if ps.begin >= len(tokens) or tokens[ps.begin].lower not in ("that", "this", "it", "the"):
        return
    change = _change(ps, ps.begin)
    if change is not None:
        found[-1][1]["change_pct"] = change


def _period(ps: ParsedSentence) -> tuple[str | None, str | None]:
    """The reporting period (a year, quarter or month named with the figure) and date."""
    first: tuple[str | None, str | None] = (None, None)
    for span in ps.dates:
        if span.date is None or span.start < ps.begin:
            continue
        if span.date.period and len(span.date.date or "") != 10:
            return span.date.period, span.date.date  # "net profit for 2023", not "on Tuesday"
        if first == (None, None) and (span.date.period or span.date.date):
            first = (span.date.period, span.date.date)
    return first


def _reported_by(ps: ParsedSentence, coref: Coreference) -> Cluster | None:
    tokens = ps.tokens
    for k in range(ps.begin, len(tokens) - 1):
        low = tokens[k].lower
        if (low == "according" and tokens[k + 1].lower == "to") or (
            low == "from" and k > 0 and tokens[k - 1].lower in ("data", "figures", "statistics")
        ):
            for j in range(k + 1, min(len(tokens), k + 8)):
                m = ps.mention_at(j)
                c = coref.of(m) if m is not None else None
                if c is not None and c.type in (
                    EntityType.COMPANY,
                    EntityType.GOVERNMENT_BODY,
                    EntityType.ORGANIZATION,
                ):
                    return c
        if low in ("said", "showed", "shows") and k > 0:
            m = ps.mention_at(k - 1)
            c = coref.of(m) if m is not None else None
            if c is not None and c.type in (
                EntityType.COMPANY,
                EntityType.GOVERNMENT_BODY,
                EntityType.ORGANIZATION,
            ):
                return c
    return None


def build_metric(
    subject_id: str, fields: dict[str, object], story_id: str, sentence: str
) -> Metric:
    """A :class:`Metric` for ``subject_id`` with its evidence sentence."""
    return Metric.model_validate(
        {
            **fields,
            "subject": subject_id,
            "evidence": [Evidence(story_id=story_id, sentence=sentence)],
        }
    )
