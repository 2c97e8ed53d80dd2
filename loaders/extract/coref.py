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

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from graph.ids import normalize_name as _normalize_name
from graph.ontology import EntityType
from loaders.extract.cues import (
    COMPANY_SUFFIXES,
    GOVERNMENT_DESCRIPTIONS,
    LEGAL_SUFFIXES,
    word_set,
)
from loaders.extract.document import ParsedSentence
from loaders.extract.gazetteer import CAPITAL_OF, COUNTRY_OF_DEMONYM, REGION_COUNTRY
from loaders.extract.mention import Mention, MentionKind
from loaders.extract.registry import Registry, RegistryEntry

__all__ = ["Cluster", "Coreference", "resolve_coreference"]

_ORG_TYPES = frozenset({EntityType.COMPANY, EntityType.ORGANIZATION, EntityType.GOVERNMENT_BODY})
_STOP_INITIALS = word_set("of and the for & de du la des on in")
_SKIPPABLE_IN_ACRONYM = LEGAL_SUFFIXES | frozenset({"Co.,", "Limited", "Group", "Holdings"})
_LEADING_PREPOSITIONS = word_set(
    """in on at under after before since during for from with without although though as when while
    because despite following according last founded amid by over"""
)


@dataclass(slots=True)
class Cluster:
    """One entity of the story and every mention of it."""

    id: int
    type: EntityType | None
    canonical: str
    surfaces: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    registry: RegistryEntry | None = None
    named: bool = True
    cue: float = 0.0
    place: str | None = None
    head: str | None = None
    votes: dict[EntityType, float] = field(default_factory=dict)
    description: str | None = None
    merged_into: int = -1
    named_surfaces: list[str] = field(default_factory=list)
    extends: str | None = None

    def forms(self) -> list[str]:
        return [self.canonical, *self.surfaces]


@dataclass(slots=True)
class Coreference:
    """The clusters of a story; ``of(sentence, mention)`` gives a mention's cluster."""

    clusters: list[Cluster]
    sentences: list[ParsedSentence]

    def of(self, mention: Mention) -> Cluster | None:
        if mention.cluster < 0:
            return None
        return self.root(self.clusters[mention.cluster])

    def root(self, cluster: Cluster) -> Cluster:
        while cluster.merged_into >= 0:
            cluster = self.clusters[cluster.merged_into]
        return cluster

    def live(self) -> list[Cluster]:
        return [c for c in self.clusters if c.merged_into < 0]

    def find(self, name: str, kind: EntityType | None = None) -> Cluster | None:
        key = normalize_name(name)
        for c in self.live():
            if kind is not None and c.type is not kind:
                continue
            if any(normalize_name(f) == key for f in c.forms()):
                return c
        return None

    def add(self, name: str, kind: EntityType, *, named: bool = True) -> Cluster:
        """A cluster for an entity the relation stage infers (an exchange, a government)."""
        found = self.find(name, kind)
        if found is not None:
            return found
        cluster = Cluster(len(self.clusters), kind, name, [name], named=named, cue=0.6)
        cluster.votes[kind] = cluster.votes.get(kind, 0.0) + 1.0
        self.clusters.append(cluster)
        return cluster


def resolve_coreference(sentences: list[ParsedSentence], registry: Registry) -> Coreference:
    """Cluster every mention of the story (see the module doc)."""
    coref = Coreference([], sentences)
    _cluster_names(coref, registry)
    _link_aliases_in_text(coref)
    _link_short_forms(coref)
    _link_assets(coref)
    _vote_types(coref)
    _find_subjects(sentences, coref)
    _resolve_references(coref, registry)
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


def _merge(coref: Coreference, keep: Cluster, drop: Cluster) -> None:
    keep, drop = coref.root(keep), coref.root(drop)
    if keep.id == drop.id:
        return
    drop.merged_into = keep.id
    for surface in drop.forms():
        if surface not in keep.surfaces and surface != keep.canonical:
            keep.surfaces.append(surface)
    keep.mentions.extend(drop.mentions)
    for surface in drop.named_surfaces:
        if surface not in keep.named_surfaces:
            keep.named_surfaces.append(surface)
    for kind, weight in drop.votes.items():
        keep.votes[kind] = keep.votes.get(kind, 0.0) + weight
    keep.named = keep.named or drop.named
    keep.place = keep.place or drop.place
    for s_index, m_index in drop.mentions:
        coref.sentences[s_index].mentions[m_index].cluster = keep.id
    if keep.registry is None and drop.registry is not None:
        keep.registry = drop.registry
        keep.canonical = drop.registry.name
    elif keep.registry is None and len(drop.canonical) > len(keep.canonical) and drop.named:
        keep.canonical = drop.canonical


def _link_aliases_in_text(coref: Coreference) -> None:
    """ "Full Name (ACR)", "X, known as Y", "X, also known as Y", "X, or Y"."""
    for sentence in coref.sentences:
        tokens = sentence.tokens
        ms = sentence.mentions
        named = [m for m in ms if not m.is_reference]
        for a_index in range(len(named) - 1):
            a, b = named[a_index], named[a_index + 1]
            if a.cluster < 0 or b.cluster < 0:
                continue
            gap = [t.lower for t in tokens[a.end : b.start]]
            if (
                3 <= len(gap) <= 10
                and gap[0] == ","
                and gap[-2:] == ["known", "as"]
                and all(w.replace("-", "").isalpha() for w in gap[1:-2])
            ):
                # "Comac, the state-owned planemaker known as Comac"
                gap = [",", "known", "as"]
            closing = b.end < len(tokens) and tokens[b.end].text == ")"
            if gap == ["("] and closing and _acronym_ok(b.text, a):
                _merge(coref, coref.clusters[a.cluster], coref.clusters[b.cluster])
            elif gap in (
                [",", "known", "as"],
                ["known", "as"],
                [",", "also", "known", "as"],
                ["(", "known", "as"],
                [",", "dubbed"],
                [",", "or"],
                [",", "formerly", "known", "as"],
                [",", "formerly"],
            ):
                keep, drop = coref.root(coref.clusters[a.cluster]), coref.clusters[b.cluster]
                # The alias names what was described first: keep that type.
                keep_type = _dominant(keep)
                _merge(coref, keep, drop)
                if keep_type is not None:
                    keep.votes[keep_type] = keep.votes.get(keep_type, 0.0) + 5.0


def _acronym_ok(short: str, long_mention: Mention) -> bool:
    if not short.replace("&", "").isalnum() or not any(c.isupper() for c in short):
        return False
    return len(short) <= 8 and (
        is_acronym(short, long_mention.text) or short.isupper() and len(short) <= 6
    )


def is_acronym(short: str, long_name: str) -> bool:
    """Whether ``short`` spells the initials of ``long_name``, skipping small words and
    legal forms ("EGSC" for "Eastern Grid Storage Co., Limited")."""
    letters = [c for c in short.upper() if c.isalpha()]
    words = [w.strip(",.()") for w in long_name.replace("-", " ").split()]
    words = [w for w in words if w]
    if len(letters) < 2 or not words:
        return False

    def walk(li: int, wi: int, used: int) -> bool:
        if li == len(letters):
            return (
                all(
                    w.lower() in _STOP_INITIALS or w in _SKIPPABLE_IN_ACRONYM or w in LEGAL_SUFFIXES
                    for w in words[wi:]
                )
                and used >= 2
            )
        if wi >= len(words):
            return False
        word = words[wi]
        if word[:1].upper() == letters[li] and walk(li + 1, wi + 1, used + 1):
            return True
        # Two letters from one word ("SGX": SinGapore eXchange).
        if (
            li + 1 < len(letters)
            and len(word) > 1
            and word[:2].upper() == "".join(letters[li : li + 2])
            and walk(li + 2, wi + 1, used + 1)
        ):
            return True
        skippable = word.lower() in _STOP_INITIALS or word in LEGAL_SUFFIXES or word in ("Co.,",)
        if skippable and walk(li, wi + 1, used):
            return True
        # One content word may be left out of a long acronym ("NPMC": National Power
        # Estate Information Corp.).
        return not skipped[0] and len(letters) >= 4 and li > 0 and _skip_once(li, wi, used)

    skipped = [False]

    def _skip_once(li: int, wi: int, used: int) -> bool:
        skipped[0] = True
        ok = walk(li, wi + 1, used)
        skipped[0] = False
        return ok

    return walk(0, 0, 0)


@lru_cache(maxsize=65_536)
def normalize_name(name: str) -> str:
    """:func:`graph.ids.normalize_name`, cached: coreference compares names often."""
    return _normalize_name(name)


def _words(text: str) -> list[str]:
    return [w for w in normalize_name(text).split() if w]


_NOT_SHORT = frozenset(
    {
        EntityType.COUNTRY,
        EntityType.REGION,
        EntityType.COMMODITY,
        EntityType.MARKET,
        EntityType.INVESTOR_GROUP,
    }
)


def _short_form_keys(words: list[str], form: str) -> list[tuple[str, str]]:
    """Keys under which a long name can be found by the short forms that abbreviate it:
    its first word ("Norvik" for "Norvik Mining Group"), its second ("Huarong" for
    "China Huarong ..."), its last (a person's surname) and its initials (acronyms)."""
    keys = [("first", words[0]), ("last", words[-1])]
    if len(words) > 1:
        keys.append(("second", words[1]))
    initials = "".join(w[0] for w in form.split() if w[:1].isalpha() and w[:1].isupper())
    if len(initials) >= 2:
        keys.append(("initials", initials[:2].lower()))
    return keys


def _link_short_forms(coref: Coreference) -> None:
    """Join a short form to the fuller name it abbreviates ("Norvik" -> "Norvik Mining
    Group", "EGSC" -> "Eastern Grid Storage Corp.").

    Candidates come from an index of the names' words and initials, so the work grows
    with the number of names, not with its square (a sentence listing thousands of
    firms is read in about linear time)."""
    clusters = [c for c in coref.live() if c.named]
    index: dict[tuple[str, str], list[Cluster]] = {}
    for long in clusters:
        if long.type in _NOT_SHORT:
            continue
        keys: set[tuple[str, str]] = set()
        for form in long.forms():
            words = _words(form)
            if len(words) >= 2:
                keys.update(_short_form_keys(words, form))
        for key in keys:
            index.setdefault(key, []).append(long)
    for short in sorted(coref.live(), key=lambda c: min(len(_words(f)) for f in c.forms())):
        if (
            short.merged_into >= 0
            or short.registry is not None
            and short.type in (EntityType.COUNTRY, EntityType.REGION)
        ):
            continue
        if short.type in _NOT_SHORT or short.type is EntityType.ASSET:
            continue
        lookups: set[tuple[str, str]] = set()
        for form in short.forms():
            words = _words(form)
            if not words:
                continue
            lookups.update({("first", words[0]), ("second", words[0]), ("last", words[0])})
            if form.isupper() and 2 <= len(form) <= 8:
                lookups.add(("initials", form[:2].lower()))
        seen: set[int] = set()
        candidates = []
        for key in lookups:
            for long in index.get(key, ()):
                if long.id in seen or long.id == short.id or long.merged_into >= 0:
                    continue
                seen.add(long.id)
                if short.registry is not None and long.registry is not None:
                    continue
                if long.extends is not None and short.registry is not None:
                    continue  # "Alibaba Cloud Intelligence" is not Alibaba Cloud
                if _abbreviates(short, long):
                    candidates.append(long)
        if not candidates:
            continue
        candidates.sort(key=lambda c: c.id)
        best = _nearest_before(coref, short, candidates)
        if best is not None:
            target = best if best.registry is not None or short.registry is None else short
            other = short if target is best else best
            _merge(coref, target, other)


def _nearest_before(coref: Coreference, short: Cluster, options: list[Cluster]) -> Cluster | None:
    if len(options) == 1:
        return options[0]
    first_short = min(short.mentions) if short.mentions else (0, 0)
    best: Cluster | None = None
    best_pos: tuple[int, int] = (-1, -1)
    for option in options:
        before = [p for p in option.mentions if p < first_short]
        pos = max(before) if before else (-1, -1)
        if best is None or pos > best_pos:
            best, best_pos = option, pos
    # Two different firms share the short form and neither comes first: leave it alone.
    return best if best_pos >= (0, 0) else None


def _abbreviates(short: Cluster, long: Cluster) -> bool:
    short_type = _dominant(short)
    long_type = _dominant(long)
    if (
        short_type is not None
        and long_type is not None
        and short_type is not long_type
        and not (short_type in _ORG_TYPES and long_type in _ORG_TYPES)
        and not (short_type is EntityType.PRODUCT and long_type is EntityType.COMPANY)
    ):
        return False
    for s_form in short.forms():
        s_words = _words(s_form)
        if not s_words:
            continue
        for l_form in long.forms():
            l_words = _words(l_form)
            if len(l_words) <= len(s_words):
                continue
            if long_type is EntityType.PERSON:
                if len(s_words) == 1 and (s_words[0] == l_words[-1] or s_words[0] == l_words[0]):
                    return True
                if s_words == l_words[: len(s_words)]:
                    return True
                continue
            if short_type is EntityType.PERSON:
                continue
            if (
                len(l_words) > len(s_words) + 1
                and l_words[0] in _PLACE_WORDS
                and l_words[1 : 1 + len(s_words)] == s_words
                and short.registry is None
                and long_type is EntityType.COMPANY
                and not all(w.capitalize() in COMPANY_SUFFIXES for w in s_words)
                and _rest_is_suffix(" ".join(l_form.split()[1:]), len(s_words))
            ):
                return True  # "Huarong" for "China Huarong Asset Management"
            if l_words[: len(s_words)] == s_words and _rest_is_suffix(l_form, len(s_words)):
                rest = l_form.split()[len(s_words) :]
                if (
                    short.registry is not None
                    and long.registry is None
                    and rest[-1] in COMPANY_SUFFIXES
                    and rest[-1] not in LEGAL_SUFFIXES
                    and any(w not in COMPANY_SUFFIXES for w in rest)
                ):
                    continue  # "Wistron InfoComm Manufacturing" is not Wistron itself
                return True
            if s_form.isupper() and 2 <= len(s_form) <= 8 and is_acronym(s_form, l_form):
                return True
    return False


def _rest_is_suffix(long_form: str, skip: int) -> bool:
    """ "Norvik" abbreviates "Norvik Mining Group"; "China" does not abbreviate "China Mobile"
    unless the rest is made of suffix words."""
    words = long_form.split()
    rest = words[skip:]
    if not rest:
        return False
    return (
        all(w.strip(",.") in COMPANY_SUFFIXES or w in LEGAL_SUFFIXES for w in rest)
        or len(words) - skip <= 3
        and skip >= 1
        and words[0][:1].isupper()
        and not _is_common_start(words[0])
    )


def _is_common_start(word: str) -> bool:
    return word in (
        "China",
        "Chinese",
        "Hong",
        "Bank",
        "National",
        "State",
        "General",
        "New",
        "Great",
        "First",
        "United",
        "International",
        "Global",
        "Asia",
        "American",
    )


def _link_assets(coref: Coreference) -> None:
    assets = [c for c in coref.live() if _dominant(c) is EntityType.ASSET]
    named = [c for c in assets if c.named]
    unnamed_list = [c for c in assets if not c.named]
    # Unnamed phrases with the same head ("solar module plant", "a module plant in
    # Penang") are one asset when the story has no named one of that head.
    for i, a in enumerate(unnamed_list):
        for b in unnamed_list[i + 1 :]:
            if a.merged_into >= 0 or b.merged_into >= 0:
                continue
            a_head = (a.head or "").split()[-2:]
            b_head = (b.head or "").split()[-2:]
            if (
                a_head
                and a_head == b_head
                and not any((n.head or "").split()[-1:] == a_head[-1:] for n in named)
            ):
                _merge(
                    coref,
                    b if b.place and _specific(b.place) else a,
                    a if b.place and _specific(b.place) else b,
                )
    # "the Kestrel copper mine" and "the Kestrel mine": one name, one head noun
    by_name: dict[tuple[str, str], Cluster] = {}
    for c in named:
        words = c.canonical.split()
        proper = tuple(w for w in words if w[:1].isupper())
        if len(words) < 2 or not proper or words[-1][:1].isupper():
            continue
        key = (" ".join(proper), words[-1].lower())
        first = by_name.get(key)
        if first is None:
            by_name[key] = c
        elif first.merged_into < 0 and c.merged_into < 0:
            _merge(coref, first, c)
    unnamed_list = [c for c in unnamed_list if c.merged_into < 0]
    for unnamed in unnamed_list:
        head = (unnamed.head or "").split()[-1:] or []
        for target in named:
            t_head = (target.head or "").split()[-1:] or []
            if (
                head
                and head == t_head
                and (
                    unnamed.place is None
                    or target.place is None
                    or unnamed.place == target.place
                    or target.place is not None
                    and unnamed.place in CAPITAL_OF.values()
                )
            ):
                _merge(coref, target, unnamed)
                break


def _specific(place: str) -> bool:
    return place not in CAPITAL_OF.values()


def _dominant(cluster: Cluster) -> EntityType | None:
    if cluster.registry is not None:
        return cluster.registry.type
    if not cluster.votes:
        return cluster.type
    votes = dict(cluster.votes)
    first = cluster.canonical.split()[0] if cluster.canonical.split() else ""
    if EntityType.PERSON in votes and (first in REGION_COUNTRY or first in _COUNTRY_NAMES):
        # "China Renaissance" is a firm named after a place, never a person
        votes.pop(EntityType.PERSON)
        if not votes:
            return EntityType.COMPANY
    # Highest weight; ties go to the label name so the result never depends on order.
    return max(votes.items(), key=lambda kv: (kv[1], kv[0].value))[0]


def _vote_types(coref: Coreference) -> None:
    for cluster in coref.live():
        cluster.type = _dominant(cluster)


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
        owned = sentence.mention_at(k + 1)
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


_SHARE_NOUNS = word_set("shares stock stocks")
_SUBJECT_BLOCKERS = word_set(
    "of in at from to with by for on as into than like about against between via"
)


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
        if other.end > m.start or other.is_reference and other.kind != MentionKind.PRONOUN:
            continue
        if other.end == m.start and other.is_place:
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
        return other
    return None


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
        return kind in (_ORG_TYPES | {EntityType.COUNTRY})
    if m.type is EntityType.GOVERNMENT_BODY:
        return kind in (EntityType.GOVERNMENT_BODY,)
    if m.type is EntityType.COMPANY:
        return kind is EntityType.COMPANY
    return kind is m.type


_COUNTRY_NAMES = frozenset(COUNTRY_OF_DEMONYM.values())

# Place names that may open a firm's name ("China Huarong", "Zhejiang Geely"), lower case.
_PLACE_WORDS = frozenset(
    w.lower() for w in (*REGION_COUNTRY, *COUNTRY_OF_DEMONYM.values()) if " " not in w
)
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


def _resolve_references(coref: Coreference, registry: Registry) -> None:
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
            if m.cluster >= 0:
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
    if m.kind == MentionKind.PRONOUN and m.head in ("its", "it"):
        # "Geely completed its takeover": the subject of the pronoun's own clause
        own = _clause_subject(sentence, m, strict=True)
        if own is not None and own.cluster >= 0 and not own.is_reference:
            cluster = coref.root(coref.clusters[own.cluster])
            between = {t.lower for t in tokens[own.end : m.start]}
            if between and between <= _COPULAR_LINKS:
                excluded = cluster.id  # "BYD remains its main rival": not BYD's own rival
                copular = True
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
                and subject_cluster.type in _ORG_TYPES
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
        if (
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
