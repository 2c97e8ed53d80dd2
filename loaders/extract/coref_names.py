"""Names of one entity joined: registry and bracketed aliases, short forms ("Norvik" for
"Norvik Mining Group"), acronyms ("EGSC"), and assets named alike."""

from __future__ import annotations

from sinograph.graph.model.ontology import EntityType
from sinograph.loaders.extract.coref_model import (
    ORG_TYPES,
    PLACE_WORDS,
    Cluster,
    Coreference,
    dominant_type,
    merge_clusters,
    normalize_name,
)
from sinograph.loaders.extract.cues import (
    COMPANY_SUFFIXES,
    LEGAL_SUFFIXES,
    word_set,
)
from sinograph.loaders.extract.gazetteer import CAPITAL_OF, COUNTRY_OF_DEMONYM
from sinograph.loaders.extract.mention import Mention

__all__ = [
    "is_acronym",
    "link_aliases_in_text",
    "link_assets",
    "link_bare_goods",
    "link_short_forms",
]

_STOP_INITIALS = word_set("of and the for & de du la des on in")

_SKIPPABLE_IN_ACRONYM = LEGAL_SUFFIXES | frozenset({"Co.,", "Limited", "Group", "Holdings"})


def link_aliases_in_text(coref: Coreference) -> None:
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
                merge_clusters(coref, coref.clusters[a.cluster], coref.clusters[b.cluster])
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
                keep_type = dominant_type(keep)
                merge_clusters(coref, keep, drop)
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


def link_short_forms(coref: Coreference) -> None:
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
                if _country_unit(long):
                    continue  # "Xiaomi India" is Xiaomi's unit, not another name for it
                if _abbreviates(short, long):
                    candidates.append(long)
        if not candidates:
            continue
        candidates.sort(key=lambda c: c.id)
        best = _nearest_before(coref, short, candidates)
        if best is not None:
            target = best if best.registry is not None or short.registry is None else short
            other = short if target is best else best
            merge_clusters(coref, target, other)


_COUNTRY_ENDINGS = tuple(" " + c for c in sorted(set(COUNTRY_OF_DEMONYM.values())))


def _country_unit(cluster: Cluster) -> bool:
    """A firm's name that ends in a country ("Tesla China") names the firm's unit there."""
    return cluster.type in (EntityType.COMPANY, None) and cluster.canonical.endswith(
        _COUNTRY_ENDINGS
    )


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
    short_type = dominant_type(short)
    long_type = dominant_type(long)
    if (
        short_type is not None
        and long_type is not None
        and short_type is not long_type
        and not (short_type in ORG_TYPES and long_type in ORG_TYPES)
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
                and l_words[0] in PLACE_WORDS
                and l_words[1 : 1 + len(s_words)] == s_words
                and short.registry is None
                and long_type is EntityType.COMPANY
                and not all(w.capitalize() in COMPANY_SUFFIXES for w in s_words)
                and _rest_is_suffix(" ".join(l_form.split()[1:]), len(s_words))
            ):
                return True  # "Huarong" for "China Huarong Asset Management"
            if (
                len(s_words) == 2
                and len(l_words) in (3, 4)
                and l_words[0] == s_words[0]
                and l_words[-1] == s_words[-1]
                and all(w.capitalize() in COMPANY_SUFFIXES for w in l_words[1:])
            ):
                return True  # "Panjin Group" for "Panjin Industrial Group"
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


def link_bare_goods(coref: Coreference) -> None:
    """ "barley" after "Australian barley": bare goods are the one kind of them the story
    qualifies by origin (none is merged when it qualifies two: "US and Brazilian soybeans")."""
    goods = [c for c in coref.live() if dominant_type(c) is EntityType.COMMODITY]
    for bare in goods:
        words = bare.canonical.lower().split()
        if not words or bare.merged_into >= 0:
            continue
        fuller = [
            c
            for c in goods
            if c.id != bare.id
            and c.merged_into < 0
            and c.place is not None
            # the text itself names the goods with their origin ("Australian barley");
            # goods whose origin came from elsewhere in the sentence keep their own name
            and any(
                len(s.split()) > len(words) and s.lower().split()[-len(words) :] == words
                for s in c.surfaces
            )
        ]
        if len(fuller) == 1:
            merge_clusters(coref, fuller[0], bare)


def link_assets(coref: Coreference) -> None:
    assets = [c for c in coref.live() if dominant_type(c) is EntityType.ASSET]
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
                merge_clusters(
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
            merge_clusters(coref, first, c)
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
                merge_clusters(coref, target, unnamed)
                break


def _specific(place: str) -> bool:
    return place not in CAPITAL_OF.values()
