"""The extraction pipeline: sentences -> mentions -> coreference -> facts -> one delta.

Story-level steps after the sentence rules:

* a takeover whose sentence names the target's parent ("X, a unit of Y") makes the
  parent the seller;
* a fact from a section's lead (its headline or first two sentences) with no date
  takes the section's first relative date ("on Sunday", "yesterday"): the news event;
* "The ban was widened ... in March 2019" refines the date of the ban it refers to;
* the same fact read twice merges (amount, date, status and evidence combine); facts
  of one deal (ACQUIRES/SELLS of one target at compatible dates) share amount and date;
* durative roles merge into one fact whose start and end come from all sentences;
* each fact's confidence is its rule's precision measured on gold stories
  (:mod:`loaders.extract.calibration`); facts under ``min_confidence`` are dropped.
"""

from __future__ import annotations

import re

from sinograph.graph.model.domain import GraphDelta, Story
from sinograph.graph.model.ontology import EntityType, FactStatus, Predicate
from sinograph.loaders.budget import checkpoint, note
from sinograph.loaders.extract.attributes import fill_attributes
from sinograph.loaders.extract.calibration import calibrated_confidence
from sinograph.loaders.extract.candidate import Candidate
from sinograph.loaders.extract.coref import Cluster, Coreference, resolve_coreference
from sinograph.loaders.extract.document import ParsedSentence, parse_document
from sinograph.loaders.extract.exchanges import exchange_for
from sinograph.loaders.extract.gazetteer import COUNTRY_OF_DEMONYM
from sinograph.loaders.extract.matcher import StoryContext, sentence_facts
from sinograph.loaders.extract.parse import DEFAULT_PIPELINE, SentenceTree, parse_sentences
from sinograph.loaders.extract.registry import Registry
from sinograph.loaders.extract.rulebook import effective_type
from sinograph.loaders.extract.story_dates import (
    date_from_lead,
    refine_by_anaphora,
    settle_relative_dates,
)
from sinograph.loaders.extract.story_delta import story_delta
from sinograph.loaders.extract.story_merge import copy_candidate, merge_story_facts
from sinograph.loaders.extract.syntax import (
    MONEY_RAISING_VERBS,
    RAISING_VERBS,
    ROUND_WORDS,
    actor_of,
    is_saying,
    surface_subject,
)

__all__ = ["DEFAULT_MIN_CONFIDENCE", "run_pipeline"]

# Facts under this calibrated confidence are dropped: the rules measured below it were
# wrong more often than right on the gold stories (docs/extractor.md, calibration).
DEFAULT_MIN_CONFIDENCE = 0.4


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
    settle_relative_dates(sentences, published)
    checkpoint()
    coref = resolve_coreference(sentences, registry)
    checkpoint()
    trees = parse_sentences(sentences, pipeline)
    context = StoryContext(_home_country(coref), _story_exchange(sentences, coref))
    candidates: list[Candidate] = []
    stakes: list[Candidate] = []
    for index, (ps, tree) in enumerate(zip(sentences, trees, strict=True)):
        checkpoint()
        try:
            found = sentence_facts(tree, ps, index, coref, context=context)
        except RecursionError:
            # a reference loop in one odd sentence costs that sentence, not the story
            note(f"sentence {index + 1} could not be read (its references loop) and was skipped")
            found = []
        for c in found:
            fill_attributes(c, ps)
            if _stake_or_control(c):
                stakes.append(c)
        candidates.extend(found)
        context.focus = _focus_after(ps, tree, coref, context.focus)
        context.raiser = _raiser_after(ps, tree, coref, context.raiser)
    _stakes_bought_from_sellers(stakes, candidates)
    candidates.extend(_holdings_from_stakes(candidates))
    candidates.extend(_successors(candidates, context.successions, coref))
    _adopt_orphans(candidates, coref)
    candidates = [c for c in candidates if c.subject >= 0 and _valid(c, coref)]
    candidates = _drop_weaker_product_facts(candidates, coref)
    candidates = _drop_parent_stand_ins(candidates)
    candidates.extend(_sellers_from_parents(candidates, coref))
    _tariffs_by_states(candidates, coref, context.home_country)
    candidates = [c for c in candidates if c.subject >= 0]
    for c in candidates:
        c.confidence = calibrated_confidence(c.rule, c.predicate.value, c.confidence)
    date_from_lead(candidates, sentences)
    refine_by_anaphora(candidates, sentences)
    merged = merge_story_facts(candidates, coref, published)
    facts = [m for m in merged if m.fact.confidence >= min_confidence]
    return story_delta(story, sentences, coref, facts)


def _holdings_from_stakes(candidates: list[Candidate]) -> list[Candidate]:
    """ "X took a 20% stake in Y": X invests in Y and holds the stake (OWNS, with its
    share); a round or an investment with no share of the firm says no holding."""
    out: list[Candidate] = []
    for c in candidates:
        if (
            c.predicate is Predicate.INVESTS_IN
            and c.stake_pct is not None
            and c.stake_pct > 0
            and c.status in (None, FactStatus.COMPLETED)  # "agreed to buy a stake": not yet
        ):
            held = copy_candidate(c)
            held.predicate = Predicate.OWNS
            held.rule = "stake-held"
            held.amount = None
            out.append(held)
    return out


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


# Rules that read DEVELOPS from ownership alone ("Kivra's Orion", "Orion, Kivra's app").
_WEAK_PRODUCT_RULES = frozenset({"possessive-product", "owned-product"})


def _drop_weaker_product_facts(candidates: list[Candidate], coref: Coreference) -> list[Candidate]:
    """Ownership ("Kivra's Orion") says DEVELOPS only when nothing stronger is known."""
    stronger = {
        (c.subject, c.object)
        for c in candidates
        if c.predicate in (Predicate.RELEASES, Predicate.OPEN_SOURCES)
    }
    return [
        c
        for c in candidates
        if not (c.rule in _WEAK_PRODUCT_RULES and (c.subject, c.object) in stronger)
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


def _tariffs_by_states(candidates: list[Candidate], coref: Coreference, home: str | None) -> None:
    """A tariff is a state's act: "China's finance ministry will impose tariffs" is China
    imposing them (the ministry only announces them)."""
    led = {
        coref.root(coref.clusters[c.subject]).id: c.object
        for c in candidates
        if c.predicate is Predicate.LEADS
        and coref.root(coref.clusters[c.object]).type is EntityType.COUNTRY
    }
    for c in candidates:
        if c.predicate is not Predicate.IMPOSES_TARIFF:
            continue
        body = coref.root(coref.clusters[c.subject])
        if body.type is EntityType.PERSON:
            # "President X imposed tariffs": the state he leads; no state, no fact
            c.subject = led.get(body.id, -1)
            continue
        if body.type is not EntityType.GOVERNMENT_BODY:
            continue
        country = body.registry.country if body.registry is not None else None
        country = country or _country_named_in(body.canonical) or home
        if country is None:
            continue
        state = coref.add(country, EntityType.COUNTRY)
        c.subject = state.id


def _country_named_in(name: str) -> str | None:
    """ "China Ministry of Finance" -> "China"."""
    return next((c for c in _COUNTRY_NAMES if name.startswith((c + " ", c + "'s "))), None)


_COUNTRY_NAMES = sorted(set(COUNTRY_OF_DEMONYM.values()), key=len, reverse=True)


def _sellers_from_parents(candidates: list[Candidate], coref: Coreference) -> list[Candidate]:
    """ "bought X, a unit of Y": when the sentence of a takeover names the target's parent,
    the parent is the seller. A stake in the unit is not a sale by the parent."""

    def root(cluster_id: int) -> int:
        return coref.root(coref.clusters[cluster_id]).id

    parents = {
        (c.sentence, root(c.subject)): root(c.object)
        for c in candidates
        if c.predicate is Predicate.SUBSIDIARY_OF
    }
    sold = {root(c.object) for c in candidates if c.predicate is Predicate.SELLS}
    out: list[Candidate] = []
    for c in candidates:
        if c.predicate is not Predicate.ACQUIRES or c.stake_pct is not None:
            continue
        target = root(c.object)
        parent = parents.get((c.sentence, target))
        if parent is None or parent == root(c.subject) or target in sold:
            continue
        seller = copy_candidate(c)
        seller.predicate = Predicate.SELLS
        seller.subject = parent
        seller.rule = "seller-parent"
        seller.confidence = round(c.confidence - 0.1, 2)
        out.append(seller)
        sold.add(target)
    return out


_LISTING_WORDS = frozenset(
    {"ipo", "ipos", "listing", "listings", "listed", "list", "debut", "debuts", "debuted",
     "float", "flotation", "offering", "bourse", "exchange", "shares", "trading"}
)  # fmt: skip


_SEATED = ("based", "headquartered")


def _based_in(ps: ParsedSentence, start: int, end: int) -> bool:
    """ "the Shanghai-based firm", "X, based in Shanghai": the place at ``[start, end)``
    is where a firm sits, not where it lists."""
    tokens = ps.tokens
    if end < len(tokens) and tokens[end].lower in ("-based", "-headquartered"):
        return True
    if end + 1 < len(tokens) and tokens[end].text == "-" and tokens[end + 1].lower in _SEATED:
        return True
    return start >= 2 and tokens[start - 1].lower == "in" and tokens[start - 2].lower in _SEATED


def _story_exchange(sentences: list[ParsedSentence], coref: Coreference) -> Cluster | None:
    """The exchange a story's listings happen on when a sentence names none: the first
    trading venue (or its city) named in a sentence about listings."""
    for ps in sentences:
        if not any(t.lower in _LISTING_WORDS for t in ps.tokens):
            continue
        for m in ps.mentions:
            cluster = coref.of(m)
            if cluster is None or _based_in(ps, m.start, m.end):
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
                taken = copy_candidate(c)
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
            if is_saying(token):
                # "X has raised $1 billion, two people said": what is said is about X
                token = next((c for c in token.children if c.dep_ == "ccomp"), token)
            for subject in surface_subject(token):
                index = tree.mention[subject.i]
                cluster = coref.of(ps.mentions[index]) if index >= 0 else None
                if cluster is not None and cluster.type is EntityType.COMPANY:
                    return cluster
    return focus


def _raiser_after(
    ps: ParsedSentence, tree: SentenceTree, coref: Coreference, raiser: Cluster | None
) -> Cluster | None:
    """The company whose funding round the story reports after this sentence: the actor
    of the last verb that raised money."""
    for token in tree.doc:
        verb = token.lemma_.lower()
        if token.pos_ != "VERB" or verb not in RAISING_VERBS:
            continue
        said = [t for c in token.children if c.dep_ in ("dobj", "prep", "npadvmod")
                for t in c.subtree]
        rounds = any(t.lemma_.lower() in ROUND_WORDS for t in said)
        money = any(t.ent_type_ == "MONEY" or t.text in ("$", "€", "¥", "£") for t in said)
        if not (rounds or (money and verb in MONEY_RAISING_VERBS)):
            continue
        for subject in actor_of(token):
            index = tree.mention[subject.i]
            cluster = coref.of(ps.mentions[index]) if index >= 0 else None
            if cluster is not None and effective_type(cluster) is EntityType.COMPANY:
                raiser = cluster
    return raiser


_CONTROL_WORDS = frozenset({"majority", "controlling", "control", "all", "outright", "full"})


_STAKE_SELLER_RULES = frozenset({"seller-stake-noun", "seller-stake-owner"})


def _stakes_bought_from_sellers(stakes: list[Candidate], candidates: list[Candidate]) -> None:
    """A stake bought from a holder the sentence names ("buys 29% of X from Y") is an
    acquisition of shares that exist, not an investment into the firm. A buyer is not the
    seller of the stake it buys ("agreed to buy back its stake in X")."""
    buyers = {(c.sentence, c.subject, c.object) for c in stakes}
    candidates[:] = [
        c
        for c in candidates
        if not (c.rule in _STAKE_SELLER_RULES and (c.sentence, c.subject, c.object) in buyers)
    ]
    sold = {(c.sentence, c.object) for c in candidates if c.predicate is Predicate.SELLS}
    for c in stakes:
        if (c.sentence, c.object) in sold:
            c.predicate = Predicate.ACQUIRES


def _stake_or_control(c: Candidate) -> bool:
    """Buying a stake is investing; buying control (a majority) is acquiring. Says whether
    the fact became an investment."""
    if c.predicate is not Predicate.ACQUIRES or c.attributes.get("through") is None:
        return False
    if str(c.attributes["through"]) not in (
        "stake",
        "stakes",
        "share",
        "shares",
        "interest",
        "%",
        "percent",
        "cent",  # "per cent"
        "equity",
        "holding",
    ):
        return False
    if c.stake_pct is not None and c.stake_pct > 50:
        return False
    if c.attributes.get("control"):
        return False
    c.predicate = Predicate.INVESTS_IN
    return True


def _home_country(coref: Coreference) -> str | None:
    counts = [(len(c.mentions), c.canonical) for c in coref.live() if c.type is EntityType.COUNTRY]
    if not counts:
        return None
    counts.sort(key=lambda x: (-x[0], x[1]))
    return counts[0][1]


_MACRO_REGION = re.compile(
    r"\b(?:Asia|Europe|Africa|America|Americas|Middle East|Pacific|Oceania|Arctic|Gulf|"
    r"Caribbean|Latin|Nordic|Balkans|Eurasia|ASEAN)\b"
)


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
    if c.predicate is Predicate.HEADQUARTERED_IN and _MACRO_REGION.search(o.canonical):
        return False  # "competes with X in Southeast Asia": a firm has no seat in a continent
    if s.type is None:
        s.type = EntityType.COMPANY
    if o.type is None:
        o.type = EntityType.COMPANY
    return True
