"""The story's delta: entities named by their registry entry or their fullest form,
facts with their evidence sentences, and metrics."""

from __future__ import annotations

from sinograph.graph.model.domain import Amount, Entity, Evidence, Fact, GraphDelta, Metric, Story
from sinograph.graph.model.ids import normalize_name
from sinograph.graph.model.ontology import EntityType
from sinograph.loaders.extract.coref import Cluster, Coreference
from sinograph.loaders.extract.document import ParsedSentence
from sinograph.loaders.extract.gazetteer import COUNTRY_OF_DEMONYM
from sinograph.loaders.extract.metrics import build_metric, metric_candidates
from sinograph.loaders.extract.story_merge import Merged

__all__ = ["story_delta"]


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
    if cluster.type is EntityType.COMMODITY and cluster.place:
        # "American coal" is not all coal: a store would merge it with every "coal"
        # ... but "EU pork" is "European Union pork": any form that keeps its origin
        base = _goods_base(name, cluster.place).lower()
        aliases = [a for a in aliases if a.lower() != base and a.lower().endswith(" " + base)]
        aliases.extend(_origin_forms(name, cluster.place))
    return Entity(
        name=name,
        type=cluster.type or EntityType.COMPANY,
        aliases=tuple(aliases),
        country=cluster.place if cluster.type is not EntityType.COUNTRY else None,
    )


def _goods_base(name: str, country: str) -> str:
    """The goods without their origin: "pork" of "European Union pork"."""
    if name.startswith(country + " "):
        return name[len(country) + 1 :]
    first, _, rest = name.partition(" ")
    return rest if rest and COUNTRY_OF_DEMONYM.get(first) == country else name


def _origin_forms(name: str, country: str) -> list[str]:
    """ "American coal" is also "U.S. coal" and "US coal": the other words for its origin."""
    rest = _goods_base(name, country)
    if rest == name:
        return []
    first = name[: -len(rest) - 1]  # "European Union" or "American"
    words = [w for w, c in COUNTRY_OF_DEMONYM.items() if c == country]
    return [f"{word} {rest}" for word in words if word != first]


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


def story_delta(
    story: Story,
    sentences: list[ParsedSentence],
    coref: Coreference,
    facts: list[Merged],
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
