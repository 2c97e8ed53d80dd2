"""From an argument's tokens to the story's entities.

A role (:mod:`loaders.extract.syntax`) gives a token; the entity it stands for is
the mention covering it, else one reached through the phrase around it:

* apposition: "the chipmaker, *Vantrix*," / "its chairman, *Joseph Tsai*";
* a list introduced by "including" / "such as": "16 firms, including *A* and *B*";
* a naming participle: "a startup called *X*";
* a transparent noun (a table per domain: "a 30% *stake* in X", "*imports* of X",
  "*shares* of X", "the *state* of X", "its Ernie *model* family");
* a demonym: "*Chinese* regulators" -> China;
* an unnamed unit: as a subject it stands for its parent ("Norvik's cloud *unit*
  launched X"); as an object, when a place names it, it is an entity of its own
  ("Norvik's *Kunshan unit*", a unit of Norvik).

Coordinated arguments ("A, B and C") are expanded once here, for every rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from sinograph.graph.model.ontology import EntityType
from sinograph.loaders.extract.coref import Cluster, Coreference
from sinograph.loaders.extract.cues import DESCRIPTOR_TYPES, GENERIC_ACRONYMS, ROLE_NOUNS
from sinograph.loaders.extract.gazetteer import COUNTRY_OF_DEMONYM
from sinograph.loaders.extract.later_names import named_later, spelled_out_later
from sinograph.loaders.extract.syntax import is_saying, surface_subject

if TYPE_CHECKING:
    from spacy.tokens import Token

    from sinograph.loaders.extract.document import ParsedSentence
    from sinograph.loaders.extract.mention import Mention
    from sinograph.loaders.extract.parse import SentenceTree

__all__ = ["Binder", "Bound"]

_LIST_PREPS = frozenset({"including", "include", "like", "as", "among"})
_NAMING = frozenset({"call", "name", "dub", "know", "brand"})
_POSSESSIVE_PRONOUNS = frozenset({"its", "their"})
_OBJECT_PRONOUNS = frozenset({"it", "them", "him", "her"})
_OWNER_TYPES = frozenset(
    {
        EntityType.COMPANY,
        EntityType.GOVERNMENT_BODY,
        EntityType.ORGANIZATION,
        EntityType.COUNTRY,
        EntityType.PERSON,
    }
)
# Units named by a place ("its Beijing branch") and the type of entity they are.
_UNIT_NOUNS: dict[str, EntityType] = {
    **dict.fromkeys(
        ("unit", "branch", "office", "subsidiary", "arm", "division", "affiliate", "operation"),
        EntityType.COMPANY,
    ),
    **dict.fromkeys(
        ("plant", "factory", "site", "campus", "facility", "mine", "refinery", "smelter"),
        EntityType.ASSET,
    ),
}
# A firm's businesses, which a deal may sell without naming ("its appliance division").
_BUSINESS_NOUNS: dict[str, EntityType] = {
    **dict.fromkeys(("business", "company", "operations"), EntityType.COMPANY),
    **dict.fromkeys(("park", "studio", "hotel", "asset"), EntityType.ASSET),
}
_DEAL_VERBS = frozenset(
    {"buy", "acquire", "purchase", "sell", "divest", "dispose", "offload", "take",
     "transfer", "merge", "exit"}
)  # fmt: skip
_DEAL_NOUNS = frozenset(
    {"sale", "purchase", "acquisition", "takeover", "divestment", "disposal", "spin-off",
     "exit", "buyout"}
)  # fmt: skip
# Words that describe a business's age or size, not what it does.
_EVALUATIVE = frozenset(
    {"old", "new", "big", "large", "small", "major", "main", "entire", "whole", "remaining",
     "domestic", "global", "international", "loss-making", "struggling", "profitable",
     "century-old", "decades-old", "core", "non-core", "other", "former", "existing"}
)  # fmt: skip


def _describing_words(noun: Token) -> list[Token]:
    """The words right before ``noun`` that say what kind of business it is ("appliance",
    "parks management"), without its age or size."""
    out: list[Token] = []
    k = noun.i - 1
    while k >= 0:
        t = noun.doc[k]
        if t.dep_ in ("compound", "amod", "nmod") and t.pos_ in ("NOUN", "ADJ", "PROPN"):
            if t.lower_ in _EVALUATIVE or "-" in t.text or t.pos_ == "ADJ" and t.i < noun.i - 2:
                break
            out.insert(0, t)
            k -= 1
            continue
        break
    return out


_GOODS_TYPES = frozenset({EntityType.COMMODITY, EntityType.PRODUCT})
_PLACE_NOUNS = frozenset(
    {"state", "province", "city", "region", "county", "prefecture", "town", "district",
     "municipality", "island"}
)  # fmt: skip
# Nouns for a state's organs: with a country named, they stand for it.
_STATE_NOUNS = frozenset(
    {"government", "administration", "authority", "authorities", "regulator", "regulators",
     "official", "officials", "watchdog", "watchdogs", "ministry", "cabinet", "state",
     "lawmaker", "lawmakers", "legislator", "legislators"}
)  # fmt: skip
# Of those, the nouns whose demonym names the state itself ("the Dutch government"),
# not a place within it ("the Mexican state of Nuevo Leon").
_RULING_NOUNS = frozenset(
    {"government", "administration", "authority", "authorities", "cabinet", "regulator",
     "official", "watchdog", "lawmaker", "legislator"}
)  # fmt: skip
_PAIR_NOUNS = frozenset(
    {"company", "firm", "group", "bank", "lender", "carmaker", "automaker", "partner",
     "side", "business", "maker", "party"}
)  # fmt: skip
_LISTING_VERBS = frozenset({"include", "comprise", "feature", "be"})
_MAX_DEPTH = 4
_PLURAL_KINDS = frozenset(
    {"apps", "companies", "firms", "brands", "products", "entities", "banks", "groups"}
)
_SHARE_NOUNS = frozenset({"percent", "%", "stake", "share", "shares", "interest"})
# Nouns for something like the name compounded into them, not that name.
_LIKENESS_NOUNS = frozenset(
    {"rival", "competitor", "challenger", "alternative", "answer", "clone", "equivalent",
     "killer", "counterpart", "lookalike", "copycat"}
)



@dataclass(frozen=True, slots=True)
class Bound:
    """An argument bound to an entity: its cluster, the token it was read at, how
    (``name``, ``apposition``, ``member``, ``through:stake``, ``unit``...), and for a
    unit named by a place, the cluster of its parent."""

    cluster: Cluster
    token: Token
    via: str
    parent: Cluster | None = None


class Binder:
    """Binds argument tokens of one sentence to clusters."""

    def __init__(
        self,
        tree: SentenceTree,
        ps: ParsedSentence,
        coref: Coreference,
        transparent: dict[str, tuple[str, ...]],
    ) -> None:
        self.tree = tree
        self.ps = ps
        self.coref = coref
        self.transparent = transparent
        self.literal = False
        self.extra: dict[str, tuple[str, ...]] = {}

    @cached_property
    def sentence_index(self) -> int:
        """Where this sentence stands among the story's (-1 if it is not one of them);
        found once per sentence, not on every binding that needs it."""
        return next((i for i, ps in enumerate(self.coref.sentences) if ps is self.ps), -1)

    def mention_cluster(self, token: Token) -> Cluster | None:
        """The cluster of the mention covering ``token``, if any."""
        index = self.tree.mention[token.i]
        if index < 0:
            return None
        return self.coref.of(self.ps.mentions[index])

    def bind(
        self,
        token: Token,
        *,
        expand: bool = True,
        subject: bool = False,
        literal: bool = False,
        through: dict[str, tuple[str, ...]] | None = None,
    ) -> list[Bound]:
        """Every entity ``token`` stands for (one, or several when coordinated).

        ``literal``: a unit stays itself ("a Singapore-based subsidiary of X" is not X);
        ``through``: more words to read through, for this binding only."""
        self.literal = literal
        self.extra = through or {}
        out: list[Bound] = []
        seen: set[int] = set()
        heads = [token]
        if expand:
            heads.extend(c for c in token.conjuncts if c.i > token.i)
            heads.extend(self._listed_as_apposition(heads))
        found = [b for head in heads for b in self._bind_one(head, 0, subject)]
        if expand:
            found.extend(self._listed_with(token))
        for bound in found:
            if bound.cluster.id not in seen:
                seen.add(bound.cluster.id)
                out.append(bound)
        return out

    def _listed_as_apposition(self, heads: list[Token]) -> list[Token]:
        """ "include A, B and C" parsed with B in apposition to A: a name in apposition to a
        name is the next item of a list (a description would be a common noun)."""
        out: list[Token] = []
        for head in heads:
            if self.mention_cluster(head) is None:
                continue
            for c in head.children:
                if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > head.i:
                    named = self.mention_cluster(c)
                    if named is not None and named.type in (EntityType.COMPANY, None):
                        out.append(c)
                        out.extend(x for x in c.conjuncts if x.i > c.i)
        return out

    def _bind_one(self, token: Token, depth: int, subject: bool) -> list[Bound]:
        if token.lower_ == "their":
            plural = self._plural_reference(token, depth)
            if plural:
                return plural
        if token.lower_ in _POSSESSIVE_PRONOUNS and token.dep_ == "poss":
            own = self._clause_owner(token)
            if own is not None:
                return [own]
        if token.lower_ == "whose":
            # "X, whose customers include Y": whose is X
            relative = next((a for a in token.ancestors if a.dep_ == "relcl"), None)
            if relative is not None:
                return self._bind_all(relative.head, depth + 1, "whose", subject)
        plural = self._plural_reference(token, depth)
        if plural:
            return plural
        if depth < _MAX_DEPTH and token.lemma_.lower() in self.extra:
            # a word this rule alone reads through wins over the word's own mention
            # ("banned Huawei *equipment*": the maker, not generic equipment)
            through = self._through(token, depth, subject)
            if through:
                return through
        cluster = self.mention_cluster(token)
        if cluster is not None and token.lower_ in _PLURAL_KINDS:
            # "blocked 40 Foreign Apps such as A and B": a capitalised kind of
            # thing names nothing; its list does
            listed = [
                b
                for child in token.children
                if child.dep_ == "prep" and child.lower_ in _LIST_PREPS
                for member in child.children
                if member.dep_ == "pobj"
                for b in self._bind_all(member, depth + 1, "member", subject)
            ]
            if listed:
                return listed
        if cluster is not None:
            if token.lower_ in _OBJECT_PRONOUNS:
                cluster = self._not_the_subject(token, cluster)
            return [Bound(cluster, token, "name")]
        if depth >= _MAX_DEPTH:
            return []
        country = COUNTRY_OF_DEMONYM.get(token.text)
        if country is not None and token.pos_ in ("ADJ", "PROPN", "NOUN"):
            state = self.coref.add(country, EntityType.COUNTRY)
            return [Bound(state, token, "demonym")]
        listed = self._colon_list(token)
        if listed:
            return listed
        out: list[Bound] = []
        for child in token.children:
            if child.dep_ == "appos":
                out.extend(self._bind_all(child, depth + 1, "apposition", subject))
        if out:
            return out
        if self._is_money(token):
            # "fined Didi Global 8 billion yuan" read as one noun phrase headed by the money
            for t in token.subtree:
                if t.i < token.i and not self._is_money(t):
                    cluster = self.mention_cluster(t)
                    if cluster is not None:
                        return [Bound(cluster, t, "before-money")]
            # "duties on $5bn of steel from Korea": what the money is worth of
            return [
                b
                for c in token.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for o in c.children
                if o.dep_ == "pobj"
                for b in self._bind_all(o, depth + 1, "worth-of", subject)
            ]
        member_of = self._member_of(token)
        if member_of is not None:
            # "X, which is among the entities sanctioned by Y": what holds for the group
            # holds for X
            out.extend(self._bind_all(member_of, depth + 1, "member-of", subject))
            if out:
                return out
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_ in _LISTING_VERBS:
            # "the firms added to the list include A, B and C"
            for member in token.head.children:
                if member.dep_ in ("dobj", "attr"):
                    out.extend(self._bind_all(member, depth + 1, "member", subject))
            if out:
                # a long list the parser broke up: the roster read from the tokens is whole
                roster = self._later_roster(token)
                return roster if len(roster) > len(out) else out
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in _LIST_PREPS:
                for member in child.children:
                    if member.dep_ == "pobj":
                        out.extend(self._bind_all(member, depth + 1, "member", subject))
            elif child.dep_ == "acl" and child.lemma_ in _NAMING:
                for named in child.children:
                    if named.dep_ in ("oprd", "attr", "dobj", "xcomp"):
                        out.extend(self._bind_all(named, depth + 1, "named", subject))
                    elif named.dep_ == "prep" and named.lower_ == "as":
                        for pobj in named.children:
                            out.extend(self._bind_all(pobj, depth + 1, "named", subject))
        if out:
            return out
        roster = self._later_roster(token)
        if roster:
            return roster
        government = self._government_of_place(token)
        if government is not None:
            return [government]
        if not subject:
            unit = self._named_unit(token)
            if unit is not None:
                return [unit]
        through = self._through(token, depth, subject)
        if through:
            return through
        if token.dep_ == "appos" and token.pos_ == "NOUN" and token.head.i < token.i:
            # "Tallis, a firm controlled by X": the description stands for the name
            return self._bind_all(token.head, depth + 1, "described", subject)
        if (
            token.dep_ == "nsubj"
            and token.head.lemma_ == "be"
            and self.mention_cluster(token) is None
        ):
            # "The refinery the Treasury targeted is X": what the subject is said to be
            said_to_be = [
                b
                for t in token.head.children
                if t.dep_ == "attr" and t.i > token.i
                for b in self._bind_all(t, depth + 1, "described", subject)
            ]
            if said_to_be:
                return said_to_be
        if token.dep_ == "attr" and token.head.lemma_ in ("be", "become", "remain"):
            # "Tallis is a firm controlled by X"
            return [
                b
                for t in surface_subject(token.head)
                if t.i < token.i
                for b in self._bind_all(t, depth + 1, "described", subject)
            ]
        return []

    def _not_the_subject(self, pronoun: Token, cluster: Cluster) -> Cluster:
        """ "PBOC fined Gopay and issued *it* with a warning": an object pronoun is not
        its own clause's subject; take the nearest other name before it instead."""
        verb = pronoun.head
        if pronoun.dep_ == "pobj" and verb.dep_ == "prep":
            verb = verb.head
        if pronoun.dep_ not in ("dobj", "dative", "pobj") or verb.pos_ not in ("VERB", "AUX"):
            return cluster
        subjects = [self.mention_cluster(t) for t in surface_subject(verb)]
        if not any(s is not None and s.id == cluster.id for s in subjects):
            return cluster
        k = self.tree.ps_token[pronoun.i]
        for m in reversed(self.ps.mentions):
            if m.end > k or not m.named:
                continue
            other = self.coref.of(m)
            if other is not None and other.id != cluster.id and other.type in _OWNER_TYPES:
                return other
        return cluster

    @staticmethod
    def _member_of(token: Token) -> Token | None:
        """The subject of "S is among the Ns ..." / "S is one of the Ns ..." for the N."""
        head = token.head
        if token.dep_ != "pobj" or head.dep_ != "prep":
            return None
        if head.lower_ == "among" and head.head.lemma_ == "be":
            subjects = surface_subject(head.head)
            return subjects[0] if subjects else None
        quantity = head.head
        if (
            head.lower_ == "of"
            and quantity.dep_ == "attr"
            and quantity.head.lemma_ == "be"
            and quantity.pos_ in ("NUM", "PRON")
        ):
            subjects = surface_subject(quantity.head)
            return subjects[0] if subjects else None
        return None

    def _is_money(self, token: Token) -> bool:
        k = self.tree.ps_token[token.i]
        return k >= 0 and self.ps.money_at(k) is not None

    def _through(self, token: Token, depth: int, subject: bool) -> list[Bound]:
        word = token.lemma_.lower()
        preps = (
            self.extra.get(word) or self.transparent.get(word) or self.transparent.get(token.lower_)
        )
        if not preps and word in _LIKENESS_NOUNS:
            return []  # "a ChatGPT rival" is another product, not ChatGPT
        if not preps:
            # "its Seagull hatchback": a named product before any common noun is what the
            # noun stands for, whatever kind of thing the noun names; "the Xiaomi group",
            # "the Norvik conglomerate": a named firm before a word for a firm
            firm_word = DESCRIPTOR_TYPES.get(word) is EntityType.COMPANY or word == "group"
            return [
                b
                for c in _name_compounds(token)
                for b in self._bind_all(c, depth + 1, "kind", subject)
                if b.cluster.type is EntityType.PRODUCT
                or (firm_word and b.cluster.type in (EntityType.COMPANY, None))
            ]
        if self.literal and word in _UNIT_NOUNS:
            return []
        out: list[Bound] = []
        # the table's order decides: "imports *of* seafood from Japan" are seafood,
        # "gallium exports to the US" ([of, compound, to]) are gallium
        for entry in preps:
            if entry == "compound":
                # "its Lumen AI model": the name inside a kind of thing, past the
                # technology word
                compounds: list[Bound] = []
                for child in token.children:
                    if child.dep_ in ("compound", "nmod"):
                        for named in _past_acronym(child) or [child]:
                            compounds.extend(self._bind_all(named, depth + 1, "kind", subject))
                if any(b.cluster.type is EntityType.COMMODITY for b in compounds):
                    # "US beef imports": the country says where the goods come from
                    compounds = [b for b in compounds if b.cluster.type is not EntityType.COUNTRY]
                out.extend(compounds)
            elif entry.endswith(":party"):
                # "soybean imports from three US firms": the firms, but "beef imports
                # from Brazil" are Brazilian beef (the goods say where they come from)
                out.extend(
                    b
                    for b in self._through_prep(
                        token, entry.removesuffix(":party"), word, depth, subject
                    )
                    if b.cluster.type not in (EntityType.COUNTRY, EntityType.REGION)
                )
            elif entry.startswith("clause:"):
                # "a ban on firms *selling* goods *to* X": the clause on the noun says
                # whom the noun's act reaches
                prep = entry.removeprefix("clause:")
                out.extend(
                    b
                    for clause in token.children
                    if clause.dep_ in ("acl", "relcl")
                    for marker in clause.children
                    if marker.dep_ in ("prep", "dative", "agent") and marker.lower_ == prep
                    for pobj in marker.children
                    if pobj.dep_ == "pobj"
                    for b in self._bind_all(pobj, depth + 1, f"through:{word}", subject)
                )
            elif entry not in ("poss", "possessor"):
                out.extend(self._through_prep(token, entry, word, depth, subject))
            if out:
                break
        for child in token.children:
            if child.dep_ == "prep":
                continue
            elif child.dep_ == "poss" and "poss" in preps and subject:
                # "Norvik's cloud unit launched X": the parent stands in for its unit
                out.extend(self._bind_all(child, depth + 1, "parent", subject))
            elif child.dep_ == "poss" and "possessor" in preps:
                # "its Hong Kong-listed shares", "signed off on X's accounts"
                out.extend(self._bind_all(child, depth + 1, f"through:{word}", subject))
        return out

    def _through_prep(
        self, token: Token, prep: str, word: str, depth: int, subject: bool
    ) -> list[Bound]:
        """What ``token``'s preposition ``prep`` names ("imports *of* X")."""
        children = [c for c in token.children if c.dep_ == "prep" and c.lower_ == prep]
        if not children and token.dep_ == "dobj":
            # "buy the shares it does not own *in* X": the preposition hung on the verb
            children = [c for c in token.head.children if c.dep_ == "prep" and c.lower_ == prep]
        if not children and prep == "of":
            # "exports to the US *of* gallium": the parser hangs "of" on the other
            # preposition's object
            children = [
                c
                for p in token.children
                if p.dep_ == "prep" and p.lower_ != "of"
                for o in p.children
                if o.dep_ == "pobj" and o.pos_ == "PROPN"
                for c in o.children
                if c.dep_ == "prep" and c.lower_ == "of" and c.i > o.i
            ]
        if not children and token.dep_ in ("dobj", "conj") and word in _SHARE_NOUNS:
            # "X owns 51% in Y, while A and B hold 30% and 19%": the second clause's
            # shares are in what the first clause's were
            verb = token.head
            while verb.dep_ == "conj" and verb.pos_ == "NOUN":
                verb = verb.head
            if verb.dep_ in ("advcl", "conj") and verb.head.pos_ in ("VERB", "AUX"):
                children = [
                    c
                    for o in verb.head.children
                    if o.dep_ == "dobj" and o.lemma_.lower() in _SHARE_NOUNS
                    for c in o.children
                    if c.dep_ == "prep" and c.lower_ == prep
                ]
        out: list[Bound] = []
        for child in children:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found = self._bind_all(pobj, depth + 1, f"through:{word}", subject)
                    if word in _PLACE_NOUNS:
                        for bound in found:
                            if bound.cluster.type is None:
                                bound.cluster.type = EntityType.REGION  # "the state of X"
                    out.extend(found)
        return out

    def _government_of_place(self, token: Token) -> Bound | None:
        """ "the Jiangsu government", "the government of Nuevo Leon": a region's
        government is a body of its own; a country's government is the country."""
        if token.lemma_.lower() not in _STATE_NOUNS:
            return None
        places = [
            c for c in token.children if c.dep_ in ("compound", "poss", "amod") and c.i < token.i
        ]
        # "the government of Nuevo Leon"; "regulators in China" for the nouns of the state
        preps = ("of", "in") if token.lemma_.lower() in _RULING_NOUNS else ("of",)
        places += [
            p
            for c in token.children
            if c.dep_ == "prep" and c.lower_ in preps
            for p in c.children
            if p.dep_ == "pobj"
        ]
        for t in places:
            cluster = self.mention_cluster(t)
            country = (
                COUNTRY_OF_DEMONYM.get(t.text)
                if t.dep_ == "amod" and token.lemma_.lower() in _RULING_NOUNS
                else None
            )
            if cluster is None and country is not None:
                # "the Dutch government": the state the adjective names
                cluster = self.coref.add(country, EntityType.COUNTRY)
            if cluster is None or cluster.type not in (EntityType.REGION, EntityType.COUNTRY):
                continue
            if cluster.type is EntityType.COUNTRY:
                # "China's financial regulators", "the US government": the state
                return Bound(cluster, token, "government")
            if token.lemma_.lower() not in ("government", "administration"):
                continue
            body = self.coref.add(f"{cluster.canonical} government", EntityType.GOVERNMENT_BODY)
            label = f"government of {cluster.canonical}"
            if label not in body.surfaces:
                body.surfaces.append(label)
            return Bound(body, token, "government")
        return None

    @staticmethod
    def _sold_or_bought(token: Token) -> bool:
        """``token`` is what a deal verb or noun acts on ("buy *X*", "the sale of *X*")."""
        head = token.head
        if token.dep_ == "dobj" and head.lemma_.lower() in _DEAL_VERBS:
            return True
        if token.dep_ == "pobj" and head.lower_ == "of":
            return head.head.lemma_.lower() in _DEAL_NOUNS
        return bool(token.dep_ == "pobj" and head.lower_ == "over" and head.head.lemma_ == "take")

    def _named_unit(self, token: Token) -> Bound | None:
        """ "Norvik's Kunshan unit", "its Beijing branch": a unit named by a place is an
        entity of its own, a unit of its possessor."""
        kind = _UNIT_NOUNS.get(token.lemma_.lower()) or _BUSINESS_NOUNS.get(token.lemma_.lower())
        if kind is None:
            return None
        owners = [c for c in token.children if c.dep_ == "poss"]
        names = [
            c
            for c in token.children
            if c.dep_ in ("compound", "nmod", "amod") and c.pos_ == "PROPN" and c.i < token.i
        ]
        if not names and self._sold_or_bought(token):
            # "buy GE's appliance division", "selling its parks management companies": a
            # business described, not named, as the thing a deal changes hands
            names = _describing_words(token)
        # the words after the owner name the unit ("GM Thailand's Rayong plants": Rayong)
        names = [c for c in names if owners and c.i > max(t.i for t in owners[0].subtree)]
        if len(owners) != 1 or not names:
            return None
        parent: Cluster | None = None
        for bound in self._bind_one(owners[0], _MAX_DEPTH - 1, True):
            parent = bound.cluster
            break
        if parent is None or parent.type not in (EntityType.COMPANY, None):
            return None
        firm = self.mention_cluster(token.doc[token.i - 1]) if token.i > 0 else None
        if firm is not None and firm.type is EntityType.COMPANY and firm is not parent:
            # "its Orion Music Group subsidiary": the firm named is the unit itself
            return Bound(firm, token, "unit", parent=parent)
        label = " ".join(t.text for t in token.doc[names[0].i : token.i + 1])
        cluster = self.coref.add(f"{parent.canonical} {label}", kind)
        if label not in cluster.surfaces:
            cluster.surfaces.append(label)
        return Bound(cluster, token, "unit", parent=parent)

    def _colon_list(self, token: Token) -> list[Bound]:
        """ "targeted two companies: A, B and C": a plural noun that a colon spells out
        stands for every name after the colon (the parser seldom attaches such lists
        whole), up to a closing attribution (", the agency said")."""
        doc = token.doc
        if token.tag_ != "NNS" or token.i + 1 >= len(doc) or doc[token.i + 1].text != ":":
            return []
        end = len(doc)
        root = token.sent.root
        if root.i > token.i and is_saying(root):
            end = max(
                (t.i for t in doc[token.i : root.i] if t.text == ","),
                default=root.i,
            )
        out: list[Bound] = []
        seen: set[int] = set()
        for t in doc[token.i + 2 : end]:
            cluster = self.mention_cluster(t)
            if cluster is not None and cluster.id not in seen:
                seen.add(cluster.id)
                out.append(Bound(cluster, t, "listed"))
        return out

    def _bind_all(self, token: Token, depth: int, via: str, subject: bool) -> list[Bound]:
        out: list[Bound] = []
        for head in [token, *[c for c in token.conjuncts if c.i > token.i]]:
            for bound in self._bind_one(head, depth, subject):
                keep = via if bound.via == "name" else bound.via
                out.append(Bound(bound.cluster, bound.token, keep, bound.parent))
        return out

    def _comma_list_of_firms(self, found: list[int]) -> bool:
        if len(found) < 3:
            return False
        kinds = set()
        for k in found:
            cluster = self.coref.of(self.ps.mentions[k])
            kinds.add(cluster.type if cluster is not None else None)
        return kinds == {EntityType.COMPANY}

    def _listed_with(self, token: Token) -> list[Bound]:
        """Names listed with the one at ``token`` ("A, B and C") inside its phrase, when
        the parser attached the list oddly ("Verny Capital and Resource Capital Funds"
        read as one name with modifiers)."""
        index = self.tree.mention[token.i]
        if index < 0:
            return []
        mentions = self.ps.mentions
        tokens = self.ps.tokens
        inside = {self.tree.ps_token[t.i] for t in token.subtree}
        found: list[int] = [index]
        for step in (-1, 1):
            k = index
            while 0 <= k + step < len(mentions):
                here, there = mentions[k], mentions[k + step]
                gap = tokens[here.end : there.start] if step > 0 else tokens[there.end : here.start]
                words = [t.lower for t in gap]
                if not words or any(w not in (",", "and", "or", "&") for w in words):
                    # "A and U.S.-based B": a place modifying the next name is no list item
                    if self._modifier_mention(there) and 0 <= k + 2 * step < len(mentions):
                        k += step
                        continue
                    break
                goods = here.type is there.type and here.type in _GOODS_TYPES
                if not goods and not all(j in inside for j in range(there.start, there.end)):
                    # the parser often breaks a list of goods ("coal, liquefied natural
                    # gas and farm machinery"); a list of firms must be its subtree
                    break
                k += step
                if not self._modifier_mention(there):
                    found.append(k)
        # "A, B and C" is a list; "Shandong, China" is an address; "A, B, C" (a headline's
        # list, no "and") is a list when three or more firms make it
        first, last = min(found), max(found)
        joined = {t.lower for t in tokens[mentions[first].end : mentions[last].start]}
        if not joined & {"and", "or", "&"} and not self._comma_list_of_firms(found):
            return []
        out: list[Bound] = []
        for k in found[1:]:
            cluster = self.coref.of(mentions[k])
            if cluster is not None:
                out.append(Bound(cluster, token, "listed"))
        return out

    def _later_roster(self, token: Token) -> list[Bound]:
        """A plural noun a next sentence spells out, or a product named only later
        (:mod:`loaders.extract.later_names`)."""
        index = self.sentence_index
        if index < 0 or self.mention_cluster(token) is not None:
            return []
        listed = spelled_out_later(token, index, self.coref, at=self.tree.ps_token[token.i])
        if listed:
            return [Bound(c, token, "listed") for c in listed]
        return [Bound(c, token, "named-later") for c in named_later(token, index, self.coref)]

    def _plural_reference(self, token: Token, depth: int) -> list[Bound]:
        """ "Both are controlled by X", "the two companies will jointly develop": the two
        firms named last, in this sentence before the reference or in the one before."""
        words = {c.lower_ for c in token.children}
        if token.lower_ == "their" and token.dep_ == "poss":
            if depth >= _MAX_DEPTH:
                return []  # a reference reached again through what it refers to
            # "A and B completed their merger": "their" is the coordinated subject
            heads: list[Token] = []
            for verb in token.ancestors:  # "A and B said their merger would close"
                if verb.pos_ in ("VERB", "AUX"):
                    heads = [s for s in surface_subject(verb) if s.i < token.i]
                    if heads:
                        break
            subjects = [*heads, *(c for h in heads for c in h.children if c.dep_ == "conj")]
            # "Their X and Y ...": a subject that holds "their" is not what it refers to
            # (reading it would come back to "their" without end)
            subjects = [s for s in subjects if token not in s.subtree]
            if len(subjects) >= 2:
                pairs: list[Bound] = []
                for subject in subjects:
                    for bound in self._bind_one(subject, _MAX_DEPTH - 1, True):
                        if bound.cluster.id not in {p.cluster.id for p in pairs}:
                            pairs.append(Bound(bound.cluster, token, "pair"))
                if len(pairs) >= 2:
                    return pairs
            return []
        if token.lower_ == "both" and token.dep_ in ("nsubj", "nsubjpass"):
            pass
        elif token.lower_ == "two" and token.dep_ in ("nsubj", "nsubjpass") and words & {"the"}:
            pass  # "The two will merge into one corporation"
        elif not (
            token.lemma_.lower() in _PAIR_NOUNS and token.tag_ == "NNS" and words & {"two", "both"}
        ):
            return []
        k = self.tree.ps_token[token.i]
        sentences = self.coref.sentences
        index = self.sentence_index
        pools = [[m for m in self.ps.mentions if m.end <= k]]
        if index > 0:
            pools.append(list(sentences[index - 1].mentions))
        for pool in pools:
            firms: list[Cluster] = []
            for m in reversed(pool):
                cluster = self.coref.of(m)
                if (
                    cluster is not None
                    and m.named
                    and cluster.type in (EntityType.COMPANY, None)
                    and cluster.id not in {f.id for f in firms}
                ):
                    firms.append(cluster)
            if len(firms) >= 2:
                return [Bound(c, token, "pair") for c in reversed(firms[:2])]
        return []

    def _modifier_mention(self, m: Mention) -> bool:
        """A place used as a modifier of what follows ("U.S.-based", "Hong Kong-listed")."""
        return m.modifies_next(self.ps.tokens)

    def _clause_owner(self, pronoun: Token) -> Bound | None:
        """ "Nvidia broke the rules in *its* purchase of Mellanox": a possessive pronoun
        inside a clause refers to that clause's subject when it is an organisation —
        not in "X remains *its* rival", where it cannot be X."""
        node = pronoun.head
        if node.lower_ in ROLE_NOUNS and node.dep_ == "pobj" and node.head.lower_ == "as":
            return None  # "PwC will resign as its auditor": someone else's auditor
        if node.dep_ in ("attr", "acomp") or (
            node.dep_ == "pobj"
            and node.head.lower_ in ("among", "of")
            and node.head.head.lemma_ in ("be", "remain", "become")
        ):
            return None
        for _ in range(6):
            if node.pos_ in ("VERB", "AUX"):
                for subject in surface_subject(node):
                    if subject.i >= pronoun.i:
                        continue
                    cluster = self.mention_cluster(subject)
                    if cluster is None:
                        for bound in self._bind_one(subject, _MAX_DEPTH - 1, True):
                            cluster = bound.cluster
                            break
                    if cluster is not None and cluster.type in _OWNER_TYPES:
                        return Bound(cluster, pronoun, "clause-subject")
                return None
            if node.head == node:
                return None
            node = node.head
        return None


def _name_compounds(noun: Token) -> list[Token]:
    """The compounds before a common noun that may name it; "its Lumen AI model": a
    technology word between the name and the noun is passed over."""
    if noun.pos_ != "NOUN":
        return []
    out: list[Token] = []
    for c in noun.children:
        if c.dep_ != "compound" or c.i > noun.i:
            continue
        out.extend(_past_acronym(c) if c.text in GENERIC_ACRONYMS else [c])
    return out


def _past_acronym(compound: Token) -> list[Token]:
    """The names before a technology word ("Lumen" of "Lumen AI model"); none when the
    compound is no such word."""
    if compound.text not in GENERIC_ACRONYMS:
        return []
    return [g for g in compound.children if g.dep_ == "compound" and g.i < compound.i]
