"""Coreference inside one story: mentions of the same entity become one cluster.

* the same name again, a registry alias, or a gazetteer alias ("U.S." and "US");
* short forms: a prefix of a longer name ("Norvik" -> "Norvik Mining Group"), the name
  without its legal form ("Tallis" -> "Tallis S.à r.l."), a person's surname or
  given name ("Zhou" -> "Zhou Hanbin");
* acronyms ("EGSC" -> "Eastern Grid Storage Corp.") and bracketed or
  "known as" aliases ("the Kaseba copper mine, known as KCM");
* an unnamed asset ("a copper mine in Zambia") and a later named one with
  the same head ("the Kaseba copper mine");
* pronouns and descriptions ("it", "its", "the company", "the watchdog", "the
  plant", "his predecessor" is left to the relation stage) resolve to the most
  salient earlier entity of a fitting type, preferring sentence subjects.
"""

from __future__ import annotations

from sinograph.graph.model.ontology import EntityType
from sinograph.loaders.extract.coref_model import (
    Cluster,
    Coreference,
    dominant_type,
    normalize_name,
)
from sinograph.loaders.extract.coref_names import (
    is_acronym,
    link_aliases_in_text,
    link_assets,
    link_bare_goods,
    link_short_forms,
)
from sinograph.loaders.extract.coref_references import resolve_references
from sinograph.loaders.extract.cues import (
    word_set,
)
from sinograph.loaders.extract.document import ParsedSentence
from sinograph.loaders.extract.mention import Mention, MentionKind
from sinograph.loaders.extract.registry import Registry

__all__ = ["Cluster", "Coreference", "is_acronym", "resolve_coreference"]

_SHARE_NOUNS = word_set("shares stock stocks")

_SUBJECT_BLOCKERS = word_set(
    "of in at from to with by for on as into than like about against between via"
)

_LEADING_PREPOSITIONS = word_set(
    """in on at under after before since during for from with without although though as when while
    because despite following according last founded amid by over"""
)


def resolve_coreference(sentences: list[ParsedSentence], registry: Registry) -> Coreference:
    """Cluster every mention of the story (see the module doc)."""
    coref = Coreference([], sentences)
    _cluster_names(coref, registry)
    link_aliases_in_text(coref)
    link_short_forms(coref)
    link_assets(coref)
    link_bare_goods(coref)
    _vote_types(coref)
    _find_subjects(sentences, coref)
    resolve_references(coref, registry)
    return coref


def _key(m: Mention) -> str:
    if m.registry_id:
        return "r:" + m.registry_id
    if m.extends is not None:
        # "PwC Zhong Tian" and "PricewaterhouseCoopers Zhong Tian": one firm's two forms
        return f"x:{m.extends}:{normalize_name(m.text.split(maxsplit=1)[-1])}"

    if m.kind == MentionKind.PLACE:
        return f"p:{m.type}:{m.canonical}"
    if m.kind in (MentionKind.COMMODITY, MentionKind.MARKET, MentionKind.GROUP):
        return f"{m.kind}:{normalize_name(m.canonical or m.text)}"
    if m.kind == MentionKind.ASSET:
        return f"a:{normalize_name(m.canonical or m.text)}"
    return "n:" + normalize_name(m.canonical or m.text)


def _cluster_names(coref: Coreference, registry: Registry) -> None:
    by_key: dict[str, Cluster] = {}
    for s_index, sentence in enumerate(coref.sentences):
        for m_index, m in enumerate(sentence.mentions):
            if m.is_reference:
                continue
            if m.kind == MentionKind.GOVERNMENT and m.canonical is None:
                continue  # resolved against the story's country later
            if (
                m.kind
                in (
                    MentionKind.GOVERNMENT,
                    MentionKind.COMMODITY,
                    MentionKind.MARKET,
                    MentionKind.GROUP,
                )
                and m.canonical is not None
            ):
                entry = registry.lookup(m.canonical)
                if entry is not None and entry.type is m.type:
                    m.registry_id = entry.id
            key = _key(m)
            if not normalize_name(m.canonical or m.text):
                continue
            cluster = by_key.get(key)
            if cluster is None:
                entry = registry.entries.get(m.registry_id) if m.registry_id else None
                canonical = entry.name if entry else (m.canonical or m.text)
                cluster = Cluster(
                    len(coref.clusters),
                    m.type,
                    canonical,
                    registry=entry,
                    named=m.named,
                    place=m.place,
                    head=m.head,
                )
                cluster.extends = m.extends
                coref.clusters.append(cluster)
                by_key[key] = cluster
            _attach(cluster, m, s_index, m_index)


def _attach(cluster: Cluster, m: Mention, s_index: int, m_index: int) -> None:
    m.cluster = cluster.id
    cluster.mentions.append((s_index, m_index))
    if m.named or m.kind in (
        MentionKind.COMMODITY,
        MentionKind.MARKET,
        MentionKind.GROUP,
        MentionKind.ASSET,
    ):
        surface = _strip_possessive(m.text)
        if surface and surface not in cluster.surfaces:
            cluster.surfaces.append(surface)
        for alias in m.aliases:
            if alias not in cluster.surfaces:
                cluster.surfaces.append(alias)
        if m.named and surface and surface not in cluster.named_surfaces:
            cluster.named_surfaces.append(surface)
    if m.type is not None:
        cluster.votes[m.type] = cluster.votes.get(m.type, 0.0) + max(m.cue, 0.1)
    if m.named and not cluster.named:
        cluster.named = True
    if m.place and not cluster.place:
        cluster.place = m.place


def _strip_possessive(text: str) -> str:
    for suffix in ("'s", "\u2019s"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text.rstrip("'\u2019")


def _vote_types(coref: Coreference) -> None:
    for cluster in coref.live():
        cluster.type = dominant_type(cluster)


def _find_subjects(sentences: list[ParsedSentence], coref: Coreference) -> None:
    """The subject of a sentence: its first mention after any opening adverbial."""
    for sentence in sentences:
        tokens = sentence.tokens
        start = sentence.begin
        if start < len(tokens) and tokens[start].lower in _LEADING_PREPOSITIONS:
            for k in range(start, min(len(tokens), start + 14)):
                if tokens[k].text == ",":
                    start = k + 1
                    break
        for index, m in enumerate(sentence.mentions):
            if m.start < start:
                continue
            if m.start - start > 12:
                break
            if m.kind == MentionKind.PRONOUN and m.head in ("its", "their", "his", "her"):
                continue
            if m.type is EntityType.COMMODITY:
                continue  # "bubble tea chain": a commodity word inside a description
            if m.is_place and _describes_next(sentence, m):
                continue  # "Dutch chipmaker Vantrix": the place describes the firm
            if _in_brackets(sentence, m):
                continue
            k = m.start - 1
            while k >= 0 and tokens[k].lower in ("the", "a", "an", "its", "their"):
                k -= 1
            prev = tokens[k].lower if k >= 0 else ""
            if prev in _SUBJECT_BLOCKERS and not (
                prev == "of" and k > 0 and tokens[k - 1].lower in _SHARE_NOUNS
            ):
                continue  # "Shares of X rose": X is what the sentence is about
            if m.end < len(tokens) and tokens[m.end].lower.startswith("-"):
                continue  # "The Ningde-based company": the place modifies the subject
            sentence.subject = index
            break


def _in_brackets(sentence: ParsedSentence, m: Mention) -> bool:
    tokens = sentence.tokens
    return (
        m.start > 0
        and m.end < len(tokens)
        and tokens[m.start - 1].text in "(["
        and tokens[m.end].text in ")]"
    )


def _describes_next(sentence: ParsedSentence, m: Mention) -> bool:
    tokens = sentence.tokens
    k = m.end
    if k + 1 < len(tokens) and tokens[k].lower == "'s":
        j = k + 1
        while (
            j < len(tokens)
            and j - k <= 4
            and sentence.mention_at(j) is None
            and not tokens[j].is_cap
            and (tokens[j].text[0].isalpha() or tokens[j].text.startswith("-"))
        ):
            j += 1  # "China's state-owned CITIC": the owner's modifiers before the firm
        owned = sentence.mention_at(j) if j < len(tokens) else None
        if owned is not None and owned.type in (EntityType.COMPANY, EntityType.PRODUCT):
            return True
    if k < len(tokens) and tokens[k].lower.startswith("-"):
        return True  # "Shenzhen-based BYD"
    while (
        k < len(tokens) and k - m.end < 3 and not tokens[k].is_cap and tokens[k].text[0].isalpha()
    ):
        k += 1
    nxt = sentence.mention_at(k)
    if k == m.end and nxt is not None and nxt.kind == MentionKind.DESCRIPTION:
        return nxt.type is EntityType.COMPANY  # "The U.S. retailer offloaded ..."
    return k > m.end and nxt is not None and nxt.type is EntityType.COMPANY
