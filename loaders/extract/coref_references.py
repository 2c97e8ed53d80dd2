"""Pronouns and descriptions ("it", "its", "the company", "the watchdog", "the
ministry") resolved to the most salient earlier entity of a fitting type, preferring
sentence subjects; descriptions of government bodies ("the securities regulator") to
the body the story's country has."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from sinograph.graph.model.ontology import EntityType
from sinograph.loaders.extract.coref_model import (
    ORG_TYPES,
    Cluster,
    Coreference,
)
from sinograph.loaders.extract.coref_names import is_acronym
from sinograph.loaders.extract.cues import (
    DESCRIPTOR_TYPES,
    GOVERNMENT_DESCRIPTIONS,
    ROLE_ADJECTIVES,
    ROLE_NOUNS,
    word_set,
)
from sinograph.loaders.extract.document import ParsedSentence
from sinograph.loaders.extract.gazetteer import COUNTRY_OF_DEMONYM
from sinograph.loaders.extract.mention import Mention, MentionKind
from sinograph.loaders.extract.registry import Registry
from sinograph.loaders.extract.tokens import Token

__all__ = ["resolve_references"]


def _after_of(coref: Coreference, s_index: int, token: int) -> bool:
    """A mention right after "of"/"by"/"from" is an owner or agent, not the owned thing."""
    tokens = coref.sentences[s_index].tokens
    return token > 0 and tokens[token - 1].lower in ("of", "by", "from")


# A description right after these starts a new clause ("It said the company would"),
# where it may well be the subject again.

_CLAUSE_START = frozenset(
    {"said", "says", "that", "and", "but", "while", "added", "noted", "told", ",", "as"}
)
# Nouns whose "of" complement is often the clause's own subject ("chief executive of the
# company", "part of the group").

_HEAD_NOUNS = word_set(
    """chief executive officer head chairman chairwoman president founder director part unit
    shareholder shareholders owner member board staff employee employees"""
)


def _clause_subject(
    sentence: ParsedSentence, m: Mention, *, strict: bool = False
) -> Mention | None:
    """The mention heading the clause that holds ``m``: the nearest earlier named mention
    followed by a verb-like word (not a preposition, comma or attributive suffix)."""
    tokens = sentence.tokens
    for other in reversed(sentence.mentions):
        if other.end > m.start:
            continue
        if other.is_reference and other.kind != MentionKind.PRONOUN and (
            other.cluster < 0 or not strict
        ):
            continue  # a description heads a pronoun's clause only once resolved
        if (other.end == m.start and other.is_place) or _modifies_next(sentence, other):
            continue  # "the U.S. retailer": the place modifies the description
        nxt = tokens[other.end].lower if other.end < len(tokens) else ""
        if nxt.startswith("-") or nxt in _NOT_VERBS:
            continue  # a modifier ("Beijing-based") or the object of a preposition
        k = other.start - 1
        while k >= 0 and tokens[k].lower in ("the", "a", "an"):
            k -= 1
        if k >= 0 and tokens[k].lower in _PREPOSITIONS:
            continue  # "... backed by the Abu Dhabi government": inside a phrase
        if nxt in _MODIFIER_HEADS:
            continue  # "Abu Dhabi government": a modifier of the noun after it
        if strict and not nxt[:1].isalpha():
            continue  # "... Apple and Nvidia, and its founder": no verb follows
        if _in_closed_relative(tokens, other, m.start):
            continue  # "X, in which Y owns a stake, said it ...": Y heads no clause of it
        return other
    return None


_RELATIVE_WORDS = word_set("which who whom whose")


def _in_closed_relative(tokens: Sequence[Token], other: Mention, end: int) -> bool:
    """Whether ``other`` sits in a relative clause set off by commas ("X, in which *Y*
    owns a stake, said ...") that closes before token ``end``."""
    opened = any(
        tokens[k].lower in _RELATIVE_WORDS and k > 0 and tokens[k - 1].text in (",", "in", "of")
        for k in range(max(0, other.start - 3), other.start)
    )
    return opened and any(t.text == "," for t in tokens[other.end : end])


_PREPOSITIONS = word_set(
    "of in at for with from to by on about into than like via over under between"
)

_MODIFIER_HEADS = word_set(
    """government officials official authorities shares stock stocks executives employees unit
    units brand brands group market markets economy firms companies plants factories products
    goods sales exports imports investors customers users staff"""
)

_NOT_VERBS = word_set(
    """of in at for with from to by on about into and or 's than as like via over under between"""
)

_OWNED_NOUNS = frozenset(
    {"unit", "subsidiary", "business", "division", "arm", "brand", "target", "affiliate"}
)

_REGULATOR_WORDS = frozenset({"watchdog", "regulator", "regulators", "watchdogs"})
_SPEECH_WORDS = word_set(
    "said says reported reports told stated announced added noted wrote confirmed"
)


# Words whose "that" opens what is said, not a relative clause ("X said in a filing that
# it had ...": "it" is X).
_CLAIMING = _SPEECH_WORDS | word_set(
    """say announces confirms disclosed revealed expects expected believes believed hopes
    hoped insisted argued warned claimed denied acknowledged explained indicated showed shows
    filing filings statement statements notice announcement release"""
)


def _as_role(sentence: ParsedSentence, m: Mention) -> bool:
    """ "X agreed to resign *as its auditor*": a role named after "as its" is one X plays
    for someone else."""
    tokens = sentence.tokens
    if m.start < 1 or tokens[m.start - 1].lower != "as":
        return False
    k = m.end
    while k < len(tokens) and tokens[k].lower in ROLE_ADJECTIVES:
        k += 1
    return k < len(tokens) and tokens[k].lower in ROLE_NOUNS


def _complementizer(sentence: ParsedSentence, that: int) -> bool:
    """Whether the "that" at token ``that`` follows a word of saying in its clause (up to
    eight words back, before any name)."""
    for k in range(that - 1, max(sentence.begin - 1, that - 9), -1):
        if sentence.owner[k] >= 0:
            return False
        if sentence.tokens[k].lower in _CLAIMING:
            return True
    return False


def _is_regulator(cluster: Cluster) -> bool:
    text = " ".join(cluster.forms()).lower()
    if cluster.registry is not None and cluster.registry.description:
        text += " " + cluster.registry.description.lower()
    return any(
        w in text
        for w in ("regulat", "watchdog", "commission", "administration", "authority", "supervis")
    )


def _fits(cluster: Cluster, m: Mention) -> bool:
    kind = cluster.type
    if kind is None:
        return False
    if m.kind == MentionKind.PRONOUN:
        if m.head in ("he", "his", "him", "she", "her"):
            return kind is EntityType.PERSON
        return kind in (ORG_TYPES | {EntityType.COUNTRY})
    if m.type is EntityType.GOVERNMENT_BODY:
        return kind in (EntityType.GOVERNMENT_BODY,)
    if m.type is EntityType.COMPANY:
        return kind is EntityType.COMPANY
    return kind is m.type


_COPULAR_LINKS = word_set(
    "is are was were remains remained became becomes among one of also now still"
)


def _origin_of(sentence: ParsedSentence, m: Mention) -> str | None:
    """The country a description names ("the Swedish carmaker" -> Sweden)."""
    if m.kind != MentionKind.DESCRIPTION:
        return None
    tokens = sentence.tokens
    for k in range(max(0, m.start - 2), m.end):
        country = COUNTRY_OF_DEMONYM.get(tokens[k].text)
        if country is not None:
            return country
    return None


def _place_token(sentence: ParsedSentence, k: int) -> bool:
    m = sentence.mention_at(k)
    return m is not None and m.is_place


def resolve_references(coref: Coreference, registry: Registry) -> None:
    history: list[tuple[int, int, int, bool, bool]] = []  # sentence, token, cluster, subject, named
    countries = Counter(
        c.canonical for c in coref.live() if c.type is EntityType.COUNTRY for _ in c.mentions
    )
    home = countries.most_common(1)[0][0] if countries else "China"
    for s_index, sentence in enumerate(coref.sentences):
        for m_index, m in enumerate(sentence.mentions):
            if m.kind == MentionKind.GOVERNMENT and m.cluster < 0:
                _resolve_government(coref, registry, sentence, s_index, m_index, home, history)
            if m.is_reference and m.cluster < 0:
                target = _antecedent(coref, m, s_index, history, sentence)
                if target is not None:
                    m.cluster = target.id
            if m.cluster >= 0 and not _modifies_next(sentence, m):
                cluster = coref.of(m)
                if cluster is not None:
                    history.append(
                        (
                            s_index,
                            m.start,
                            cluster.id,
                            m_index == sentence.subject,
                            not m.is_reference,
                        )
                    )


def _modifies_next(sentence: ParsedSentence, m: Mention) -> bool:
    """ "the U.S. chipmaker": a place naming where the next noun's firm is from is no
    antecedent for a later pronoun."""
    tokens = sentence.tokens
    return (
        m.type in (EntityType.COUNTRY, EntityType.REGION)
        and m.end < len(tokens)
        and DESCRIPTOR_TYPES.get(tokens[m.end].lower) is not None
    )


def _resolve_government(
    coref: Coreference,
    registry: Registry,
    sentence: ParsedSentence,
    s_index: int,
    m_index: int,
    home: str,
    history: list[tuple[int, int, int, bool, bool]],
) -> None:
    m = sentence.mentions[m_index]
    country = m.place
    if country is None:
        for _, _, cid, is_subject, _ in reversed(history[-12:]):
            c = coref.root(coref.clusters[cid])
            if c.type is EntityType.COUNTRY and is_subject:
                country = c.canonical
                break
    body = GOVERNMENT_DESCRIPTIONS.get((country or home, m.head or ""))
    if body is None and country is not None and m.place is None:
        body = GOVERNMENT_DESCRIPTIONS.get((home, m.head or ""))
    if body is None and m.place is not None and m.head:
        # "Norway's finance ministry": a body the table does not know, of a named state
        words = [w for w in m.text.split() if w.lower() != "the"]
        while words and _strip_possessive(words[0]) in m.place.split():
            words = words[1:]
        body = " ".join([m.place, *words]) if words else None
    if body is None:
        return
    entry = registry.lookup(body)
    name = entry.name if entry else body
    found = coref.find(name, EntityType.GOVERNMENT_BODY)
    if found is None:
        for c in coref.live():
            if c.type is EntityType.GOVERNMENT_BODY and any(
                f.isupper() and is_acronym(f, name) for f in c.forms()
            ):
                found = c
                break
    if found is None:
        found = coref.add(name, EntityType.GOVERNMENT_BODY)
        found.registry = entry
    m.canonical = name
    m.cluster = found.id
    found.mentions.append((s_index, m_index))
    if m.text not in found.surfaces and not m.text.lower().startswith(("its ", "the ")):
        found.surfaces.append(_strip_possessive(m.text))


def _antecedent(
    coref: Coreference,
    m: Mention,
    s_index: int,
    history: list[tuple[int, int, int, bool, bool]],
    sentence: ParsedSentence,
) -> Cluster | None:
    reach = 3 if m.kind == MentionKind.PRONOUN else 6
    window = [h for h in history if s_index - h[0] <= reach]
    if m.kind == MentionKind.DESCRIPTION and m.head and m.type is EntityType.GOVERNMENT_BODY:
        # "the ministry" many sentences after "the Finance Ministry": the body whose own
        # name has that word, however far back
        word = m.head.lower()
        for _, _, cid, _, named in reversed(history):
            body = coref.root(coref.clusters[cid])
            if (
                named
                and body.type is EntityType.GOVERNMENT_BODY
                and any(word in f.lower().split() for f in body.forms())
            ):
                return body
    tokens = sentence.tokens
    possessor = m.end < len(tokens) and tokens[m.end].lower == "'s"
    if (
        m.kind == MentionKind.DESCRIPTION
        and m.start >= 2
        and tokens[m.start - 1].text == ","
        and not possessor  # "X, the group's finance chief": the group is not X
    ):
        # "Temu, the online marketplace owned by ...": an apposition names what it follows
        appositive = sentence.mention_at(m.start - 2)
        if appositive is not None and not appositive.is_reference:
            cluster = coref.of(appositive)
            if cluster is not None and _fits(cluster, m):
                return cluster
    origin = _origin_of(sentence, m)
    if origin is not None:
        # "the Swedish carmaker": the nearest firm known to come from Sweden
        for require_subject in (True, False):
            for _, _, cid, is_subject, named in reversed(window):
                cluster = coref.root(coref.clusters[cid])
                home = cluster.registry.country if cluster.registry is not None else None
                if require_subject and not is_subject:
                    continue
                if named and home == origin and _fits(cluster, m):
                    return cluster
    excluded = -1
    copular = False
    relative = (
        m.kind == MentionKind.PRONOUN
        and m.start >= 2
        and tokens[m.start - 1].lower in ("that", "which", "whom")
        and not _complementizer(sentence, m.start - 1)
    )
    if relative:
        # "X, the producer that it bought": the relative clause is about X, so "it" is
        # someone else (the main clause's subject)
        for k in range(m.start - 2, max(-1, m.start - 10), -1):
            prior = sentence.mention_at(k)
            if prior is not None and prior.cluster >= 0 and not prior.is_reference:
                excluded = coref.root(coref.clusters[prior.cluster]).id
                break
    if m.kind == MentionKind.PRONOUN and m.head in ("its", "it") and not relative:
        # "Geely completed its takeover": the subject of the pronoun's own clause
        own = _clause_subject(sentence, m, strict=True)
        if own is not None and own.cluster >= 0 and (
            not own.is_reference or own.kind == MentionKind.DESCRIPTION
        ):
            cluster = coref.root(coref.clusters[own.cluster])
            between = {t.lower for t in tokens[own.end : m.start]}
            if between and between <= _COPULAR_LINKS:
                excluded = cluster.id  # "BYD remains its main rival": not BYD's own rival
                copular = True
            elif _as_role(sentence, m):
                excluded = cluster.id  # "PwC resigned as its auditor": not PwC's own
            elif _fits(cluster, m):
                return cluster
            else:
                # "... the chipmaker broke commitments it made when Beijing approved its
                # acquisition": the nearest firm before, not the place heading the clause
                for h_s, h_t, cid, _, _ in reversed(window):
                    near = coref.root(coref.clusters[cid])
                    if h_s == s_index and h_t < m.start and near.type is EntityType.COMPANY:
                        return near
    if m.kind == MentionKind.DESCRIPTION and m.head in _REGULATOR_WORDS:
        # "the watchdog": a body known as a regulator, not any government body
        for _, _, cid, _, _ in reversed(window):
            cluster = coref.root(coref.clusters[cid])
            if cluster.type is EntityType.GOVERNMENT_BODY and _is_regulator(cluster):
                return cluster
    if m.kind == MentionKind.PRONOUN and m.head in ("they", "their", "them"):
        # "Shares of X jumped in their debut": the sentence's own subject, if before.
        if sentence.subject >= 0 and m.head == "their":
            subject = sentence.mentions[sentence.subject]
            subject_cluster = coref.of(subject)
            if (
                subject_cluster is not None
                and subject.start < m.start
                and subject_cluster.type in ORG_TYPES
            ):
                return subject_cluster
        return None  # plural: the relation stage reads coordinated subjects itself
    if m.kind == MentionKind.DESCRIPTION and m.head in _OWNED_NOUNS:
        # "The unit was sold": a unit or business is what deals are about, not who
        # makes them; take the latest named entity that was not a subject.
        for h_s, h_t, cid, is_subject, named in reversed(window):
            cluster = coref.root(coref.clusters[cid])
            if named and not is_subject and _fits(cluster, m) and not _after_of(coref, h_s, h_t):
                return cluster
    lead = m.start
    while lead > 0 and (
        tokens[lead - 1].lower.startswith("-")
        or tokens[lead - 1].lower in ("the", "a", "an")
        or _place_token(sentence, lead - 1)
    ):
        lead -= 1  # "the Hong Kong-listed carmaker": what comes before the whole phrase
    before = tokens[lead - 1].lower if lead > 0 else ""
    before2 = tokens[lead - 2].lower if lead > 1 else ""
    complement = before in ("of", "at", "for", "with") and before2 in _HEAD_NOUNS
    if m.kind == MentionKind.DESCRIPTION and before not in _CLAUSE_START and not complement:
        clause_subject = _clause_subject(sentence, m)
        own_cluster = (
            coref.root(coref.clusters[clause_subject.cluster])
            if clause_subject is not None and clause_subject.cluster >= 0
            else None
        )
        # "Lu joined the company": a person's firm is the salient one, not the latest named
        reported = clause_subject is not None and bool(
            {t.lower for t in tokens[clause_subject.end : m.start]} & _SPEECH_WORDS
        )
        if reported and own_cluster is not None:
            # "Reuters reported the company had raised funds": the description heads the
            # reported clause; the one reporting is not what it refers to
            excluded = own_cluster.id
        elif (
            clause_subject is not None
            and own_cluster is not None
            and own_cluster.type is not EntityType.PERSON
        ):
            # "Google bought the handset maker": a description after the subject of its
            # own clause names something else; prefer the latest other named entity.
            own_id = coref.root(coref.clusters[clause_subject.cluster]).id
            for h_s, h_t, cid, _, named in reversed(window):
                # "Its chairman Wang founded the company": "its" already named it
                if h_s == s_index and not named and h_t < m.start:
                    cluster = coref.root(coref.clusters[cid])
                    if cluster.id != own_id and _fits(cluster, m):
                        return cluster
            for _, _, cid, _, named in reversed(window):
                cluster = coref.root(coref.clusters[cid])
                if named and cluster.id != own_id and _fits(cluster, m):
                    return cluster
            return None
    # Prefer a subject in this sentence, then subjects of earlier sentences, then any.
    objective = m.kind == MentionKind.PRONOUN and m.head in ("him", "them")
    if objective and m.start >= 2 and tokens[m.start - 2].text == ",":
        # "X bought a stake, making him the largest shareholder": a clause of its own
        objective = not tokens[m.start - 1].lower.endswith("ing")
    if possessor and m.start >= 2 and tokens[m.start - 1].text == ",":
        # "Alibaba Cloud, the group's unit": the group owns the name, it is not the name
        apposed = sentence.mention_at(m.start - 2)
        named_cluster = coref.of(apposed) if apposed is not None else None
        if named_cluster is not None:
            excluded = coref.root(named_cluster).id
    for require_subject in (True, False):
        for h_s, _, cid, is_subject, _ in reversed(window):
            if require_subject and not is_subject:
                continue
            if (objective or copular) and h_s == s_index:
                continue  # "Xu will replace him": not the clause's own subject
            if coref.root(coref.clusters[cid]).id == excluded:
                continue
            cluster = coref.root(coref.clusters[cid])
            if _fits(cluster, m):
                return cluster
    return None


def _strip_possessive(text: str) -> str:
    for suffix in ("'s", "\u2019s"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text.rstrip("'\u2019")
