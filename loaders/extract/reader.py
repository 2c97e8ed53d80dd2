"""Reading one sentence with the rule tables.

For every token whose lemma triggers a rule (with the rule's part of speech,
particle, required preposition and governing verb), the rule's subject and object
roles are read from the tree (:mod:`loaders.extract.syntax`), bound to entities
(:mod:`loaders.extract.arguments`), checked against the rule's types, and become
:class:`Candidate` facts that remember the rule, the trigger, its clause and the
words that tell the fact's stage.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sinograph.graph.model.ontology import EntityType, Predicate
from sinograph.loaders.extract.arguments import Binder, Bound
from sinograph.loaders.extract.candidate import Candidate
from sinograph.loaders.extract.context import StoryContext
from sinograph.loaders.extract.coref import Cluster, Coreference
from sinograph.loaders.extract.cues import PRODUCT_NOUNS
from sinograph.loaders.extract.exchanges import exchange_for
from sinograph.loaders.extract.gazetteer import CAPITAL_OF
from sinograph.loaders.extract.rulebook import RuleBook, effective_type
from sinograph.loaders.extract.rules.schema import Rule
from sinograph.loaders.extract.syntax import (
    LIGHT_VERBS,
    actor_of,
    attributed_source,
    clause_scope,
    described_by,
    governor,
    hyphen_modifier,
    is_negated,
    is_passive,
    is_state,
    lemma_forms,
    noun_actor,
    patient_of,
    possessor,
    prep_objects,
    refined_place,
    relational_holder,
    relational_owner,
    stage_cues,
    story_round,
    surface_subject,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from sinograph.loaders.extract.document import ParsedSentence
    from sinograph.loaders.extract.parse import SentenceTree

__all__ = ["MAX_FACTS_PER_SENTENCE", "SentenceReader"]

# Verbs that put up a plant ("build", "invest in a factory"), not those that run one.
_BUILDING_VERBS = frozenset(
    {"build", "construct", "establish", "open", "invest", "spend", "set", "pour", "plough",
     "plow", "erect", "develop"}
)  # fmt: skip
_PLANT_NOUNS = frozenset({"plant", "factory", "gigafactory", "facility", "plants", "factories"})
# Words that say which of a firm's plants it is, not what kind ("its first plant").
_PLANT_QUALIFIERS = frozenset(
    {"new", "first", "second", "third", "largest", "biggest", "own", "overseas", "local",
     "giant", "huge", "major", "big", "large", "massive"}
)

# Bounded work: at most this many facts are read from one sentence.
MAX_FACTS_PER_SENTENCE = 40
_CONTROL_WORDS = frozenset(
    {"majority", "controlling", "control", "outright", "remaining", "outstanding", "rest"}
)
_STAKES = frozenset({"stake", "stakes", "shares", "holding", "interest", "equity"})
# Verbs by which investors lead a funding round ("the round was co-led by X").
_LEADING = frozenset({"lead", "co-lead", "colead", "spearhead", "anchor"})
# Nouns that close a group's name: "Norvik Group, including A" lists its members.
_GROUP_WORDS = frozenset({"group", "groups", "conglomerate"})
_PLACE_TYPES = frozenset({EntityType.COUNTRY, EntityType.REGION, EntityType.MARKET})
_STATE_ACTS = frozenset(
    {
        Predicate.BANS,
        Predicate.LIFTS_BAN,
        Predicate.SANCTIONS,
        Predicate.FINES,
        Predicate.INVESTIGATES,
        Predicate.IMPOSES_TARIFF,
        Predicate.APPROVES,
    }
)
_ORG_TYPES = frozenset({EntityType.COMPANY, EntityType.GOVERNMENT_BODY, EntityType.ORGANIZATION})
# what a firm owns and may sell, as opposed to goods it trades
_OWNED_THINGS = frozenset(
    {"business", "unit", "division", "operation", "asset", "stake", "share", "park", "hotel",
     "plant", "factory", "arm", "brand", "company", "subsidiary", "studio", "cinema",
     "property", "project", "holding", "interest", "mine", "site", "facility", "chain"}
)  # fmt: skip


class SentenceReader:
    """Reads one sentence's facts rule by rule (see the module doc)."""

    def __init__(
        self,
        tree: SentenceTree,
        ps: ParsedSentence,
        index: int,
        coref: Coreference,
        book: RuleBook,
        context: StoryContext,
    ) -> None:
        self.tree = tree
        self.ps = ps
        self.index = index
        self.coref = coref
        self.book = book
        self.context = context
        self.binder = Binder(tree, ps, coref, book.transparent)
        self.out: list[Candidate] = []
        self.begin_char = ps.tokens[ps.begin].start if ps.begin < len(ps.tokens) else 0

    # --- roles -------------------------------------------------------------------
    def role_tokens(self, role: str, trigger: Token, rule: Rule | None) -> list[Token]:
        is_verb = rule is not None and rule.pos == "verb"
        if role == "actor":
            return actor_of(trigger) if is_verb else noun_actor(trigger)
        if role == "patient":
            return patient_of(trigger) if is_verb else []
        if role.startswith("prep:"):
            words = role[5:].split("|")
            found = prep_objects(trigger, words)
            if not found and is_verb:
                for patient in patient_of(trigger):
                    found = prep_objects(patient, words)
                    # "supply a fifth of its output to X": the preposition hung on the
                    # noun the patient is a part of
                    # ("a stake in X *from* Y": hung on the stake's firm)
                    for inner in prep_objects(patient, ("of", "in")) if not found else ():
                        found = prep_objects(inner, words)
                        if found:
                            break
                    if found and all(t.pos_ == "NOUN" for t in found):
                        # "funding from investors, including X": the parser hangs the
                        # list on the patient, not on the investors it names
                        found = found + prep_objects(patient, ("including",))
                    if found:
                        break
            if not found and not is_verb and "of" not in words:
                # "shares of X *on* the Y exchange", "the sale of X *to* Y": the parser
                # hangs the noun's preposition on its "of" object
                for inner in prep_objects(trigger, ("of",)):
                    found = prep_objects(inner, words)
                    if found:
                        break
            if not found and not is_verb:
                # "duties totalling 80% *on* X": the preposition on the noun's participle
                for c in trigger.children:
                    if c.dep_ == "acl" and c.tag_ in ("VBG", "VBN"):
                        found = prep_objects(c, words)
                        if found:
                            break
            if not found and not is_verb:
                # "X struck a deal *for* Y", "announced the sale of X *to* Y": the
                # parser often hangs the noun's preposition on its light verb
                verb = governor(trigger)
                if verb is not None and verb.lemma_ in LIGHT_VERBS:
                    found = [t for t in prep_objects(verb, words) if trigger not in t.ancestors]
            return found
        if role == "poss":
            found = possessor(trigger)
            if (
                not found
                and trigger.dep_ in ("compound", "nmod")
                and trigger.head.text in PRODUCT_NOUNS
            ):
                # "its Ernie models": the models' owner; "BOE's iPhone panels" are no
                # iPhone of BOE's
                found = possessor(trigger.head)
            return found
        if role == "hyphen":
            return hyphen_modifier(trigger)
        if role == "described":
            return described_by(trigger)
        if role == "holder":
            return relational_holder(trigger)
        if role == "owner":
            return relational_owner(trigger)
        if role in ("place", "modifier"):
            return [
                c
                for c in trigger.children
                if c.dep_ in ("amod", "compound", "nmod", "poss", "npadvmod") and c.i < trigger.i
            ]
        if role == "governor_actor":
            verb = governor(trigger)
            return actor_of(verb) if verb is not None else []
        if role == "governor_patient":
            verb = governor(trigger)
            if verb is None:
                return []
            return [t for t in patient_of(verb) if t != trigger and trigger not in t.subtree]
        if role == "source":
            return attributed_source(trigger)
        if role == "self":
            return [trigger]
        if role == "patient_owner":
            # "Micron's products sold in China": whose the things acted on are
            found = [p for t in patient_of(trigger) for p in possessor(t)]
            return found
        if role == "recipient":
            # "gave X a 17% stake", "handed a stake to X": who receives what is given
            found = [
                t
                for c in trigger.children
                if c.dep_ == "dative"
                for t in ([c] if c.lower_ != "to" else [g for g in c.children if g.dep_ == "pobj"])
            ]
            return found or prep_objects(trigger, ("to",))
        if role == "actor_in":
            # "investors in X's latest round include A": what the acting noun is in
            return [p for t in actor_of(trigger) for p in prep_objects(t, ("in",))]
        if role == "leader_agent":
            # "X's latest round was led by A and B": who leads the event noun, when the
            # noun is what was led (its possessor is whose event it is)
            verb = governor(trigger)
            if verb is None:
                return []
            if trigger.dep_ == "nsubjpass":
                return prep_objects(verb, ("by",)) if verb.lemma_ in _LEADING else []
            # "Led by A and B, X raised $1bn in a new round": a participle fronted on the
            # verb the round hangs on
            return [
                t
                for c in verb.children
                if c.dep_ == "advcl" and c.tag_ == "VBN" and c.lemma_ in _LEADING and c.i < verb.i
                for t in prep_objects(c, ("by",))
            ]
        if role == "listed":
            # "including A and B", a participle used as a preposition: what it lists
            return [c for c in trigger.children if c.dep_ == "pobj"]
        if role == "group_head":
            # "Norvik Group, including A": the group a listing participle hangs on
            head = trigger.head
            return [head] if trigger.dep_ == "prep" and head.lower_ in _GROUP_WORDS else []
        if role == "described_owner":
            # "its newly launched Z9 sedan": whose the thing a participle describes is
            return [p for t in described_by(trigger) for p in possessor(t)]
        if role == "actor_owner":
            # "its R1 model, which debuted in January": whose the acting thing is
            return [p for t in actor_of(trigger) for p in possessor(t)]
        if role == "owner_poss":
            # "R1-0528, the first upgrade to its R1 model": the possessor of the owner
            return [p for t in relational_owner(trigger) for p in possessor(t)]
        if role == "actor_actor":
            # "the UK's sanctions targeted X": who acts through the acting noun
            return [a for t in actor_of(trigger) for a in noun_actor(t)]
        if role == "xcomp_patient":
            # "should stop buying them": what the complement verb acts on
            return [p for c in trigger.children if c.dep_ == "xcomp" for p in patient_of(c)]
        if role == "appos":
            return [c for c in trigger.children if c.dep_ == "appos"]
        if role == "stake_issuer":
            # "X will sell a 30% stake to Y": a stake of no one else's is X's own
            stakes = [p for p in patient_of(trigger) if p.lower_ in _STAKES]
            if not stakes or any(
                (c.dep_ in ("poss", "prep") and c.lower_ not in ("to", "for"))
                # "its joint venture stake", "its Tallis stake": a stake in what is named
                or (
                    c.dep_ in ("compound", "nmod")
                    and c.pos_ in ("NOUN", "PROPN")
                    and c.lower_ not in ("%", "percent", "cent", "per")
                )
                for p in stakes
                for c in p.children
            ):
                return []
            return actor_of(trigger)
        if role == "undergoer":
            # "X is (came, remains) under investigation", "X faces a probe": whom the
            # event noun befalls, said through the clause rather than a preposition
            if trigger.dep_ == "pobj" and trigger.head.lower_ == "under":
                return surface_subject(trigger.head.head)
            verb = governor(trigger)
            if verb is not None and verb.lemma_ in ("face", "undergo"):
                return actor_of(verb)
            return []
        if role == "refined_in":
            return refined_place(trigger)
        return []

    def bind_roles(
        self, roles: tuple[str, ...], trigger: Token, rule: Rule | None, *, subject: bool
    ) -> list[Bound]:
        """The entities of the first role that names any of a type the rule takes ("a+b"
        joins two roles)."""
        if rule is not None:
            allowed = set(rule.subject_types if subject else rule.object_types)
            if not subject:
                allowed |= set(rule.object_switch)
                if rule.exchange:
                    allowed |= {EntityType.REGION, EntityType.COUNTRY, EntityType.MARKET}
        hyphen_joined = (
            trigger.dep_ == "compound" and trigger.i > 0 and trigger.doc[trigger.i - 1].text == "-"
        ) or (
            # "Dubai-based A and China-based B": a list item with a modifier of its own
            # does not share the first item's
            trigger.dep_ == "amod"
            and any(
                c.dep_ == "amod" and c.lemma_ == trigger.lemma_
                for item in trigger.head.conjuncts
                for c in item.children
            )
        )
        for alternative in roles:
            bound: list[Bound] = []
            for role in alternative.split("+"):
                if role == "clause_subject":
                    bound.extend(self.clause_subject(trigger))
                    continue
                if role == "story_exchange":
                    if self.context.exchange is not None:
                        bound.append(Bound(self.context.exchange, trigger, "story"))
                    continue
                if role == "story_actor":
                    if self.context.state_actor is not None:
                        bound.append(Bound(self.context.state_actor, trigger, "story"))
                    continue
                if role == "story_focus":
                    if self.context.focus is not None:
                        bound.append(Bound(self.context.focus, trigger, "story"))
                    continue
                if role == "story_raiser":
                    if self.context.raiser is not None and story_round(trigger) is not None:
                        bound.append(Bound(self.context.raiser, trigger, "story"))
                    continue
                if role == "sentence_state":
                    body = self.sentence_body()
                    if body is not None:
                        bound.append(Bound(body, trigger, "story"))
                    continue
                if role == "home_country":
                    home = self.context.home_country
                    country = self.coref.find(home, EntityType.COUNTRY) if home else None
                    if country is not None:
                        bound.append(Bound(country, trigger, "story"))
                    continue
                for token in self.role_tokens(role, trigger, rule):
                    if token.idx >= self.begin_char:
                        literal = rule is not None and rule.literal
                        found = self.binder.bind(
                            token,
                            subject=subject,
                            literal=literal,
                            through=rule.through if rule is not None else None,
                            # "A and B, a unit of C": the apposition is B's alone;
                            # "Lumen-owner A and Kestrel-operator B": so is each modifier
                            expand=not (
                                (role == "holder" and trigger.dep_ == "appos")
                                or (role in ("described", "holder") and hyphen_joined)
                            ),
                        )
                        if role == "place":
                            found = [b for b in found if b.cluster.type in _PLACE_TYPES]
                        bound.extend(found)
            if rule is not None:
                # "Hong Kong's biggest listing": a place is not who lists
                typed = [
                    b
                    for b in bound
                    if effective_type(self.state_of_capital(b, rule).cluster) in allowed
                ]
                if typed:
                    return bound
                continue
            if bound:
                return bound
        return []

    def clause_subject(self, trigger: Token) -> list[Bound]:
        """The nearest subject up the tree that names an organisation ("X closes in on
        its rival Y": whose rival Y is)."""
        node = trigger
        for _ in range(8):
            if node.head == node:
                break
            node = node.head
            if node.pos_ not in ("VERB", "AUX"):
                continue
            for subject in surface_subject(node):
                bound = [
                    b for b in self.binder.bind(subject) if effective_type(b.cluster) in _ORG_TYPES
                ]
                if bound:
                    return bound
        return []

    def orphans(
        self, rule: Rule, trigger: Token, objects: list[Bound], predicate: Predicate
    ) -> None:
        """Facts whose subject the story names elsewhere (the pipeline adopts one)."""
        for o in objects:
            if effective_type(o.cluster) not in rule.object_types:
                continue
            if len(self.out) >= MAX_FACTS_PER_SENTENCE:
                return
            ps_trigger = self.tree.ps_token[trigger.i]
            self.out.append(
                Candidate(
                    -1,
                    predicate,
                    o.cluster.id,
                    self.index,
                    max(ps_trigger, 0),
                    rule.confidence,
                    rule.id,
                    scope=self.scope_of(trigger),
                )
            )

    def state_of_capital(self, bound: Bound, rule: Rule) -> Bound:
        """ "Beijing banned ...", "Ottawa will levy ...": a capital acting as a state
        stands for its country."""
        cluster = bound.cluster
        if (
            cluster.type is EntityType.REGION
            and EntityType.COUNTRY in rule.subject_types
            and EntityType.REGION not in rule.subject_types
            and cluster.canonical in CAPITAL_OF
        ):
            country = CAPITAL_OF[cluster.canonical]
            state = self.coref.add(country, EntityType.COUNTRY)
            return Bound(state, bound.token, "capital")
        return bound

    def sentence_body(self) -> Cluster | None:
        """The first government body the sentence names (a passive act with no agent)."""
        for m in self.ps.mentions:
            if m.cluster < 0:
                continue
            cluster = self.coref.root(self.coref.clusters[m.cluster])
            if cluster.type is EntityType.GOVERNMENT_BODY:
                return cluster
        return None

    @staticmethod
    def is_near(trigger: Token, words: tuple[str, ...]) -> bool:
        """One of ``words`` (a lemma, or a phrase) sits in the trigger's phrase."""
        lemmas = {t.lemma_.lower() for t in trigger.subtree if t != trigger}
        if lemmas & set(words):
            return True
        tokens = list(trigger.subtree)
        text = trigger.doc[tokens[0].i : tokens[-1].i + 1].text.lower()
        return any(" " in w or "-" in w for w in words) and any(w in text for w in words)

    def goods_patient(self, trigger: Token) -> bool:
        """The verb acts on goods: its object names no firm, person or asset, and is no
        stake in one ("bought a stake from X" is no supply)."""
        patients = patient_of(trigger)
        if not patients:
            return False
        for token in patients:
            lemma = token.lemma_.lower()
            if lemma in self.book.transparent or lemma in _OWNED_THINGS:
                return False
            for bound in self.binder.bind(token, expand=False):
                if bound.cluster.type not in (EntityType.COMMODITY, EntityType.PRODUCT, None):
                    return False
                if bound.cluster.type is None and bound.cluster.named:
                    return False
        return True

    def has_prep(self, trigger: Token, rule: Rule, words: tuple[str, ...]) -> bool:
        """The trigger (or, for a noun, its light verb) carries one of ``words`` as a
        preposition, adverb or result adjective; ``W+ing`` is preposition W before a
        gerund."""
        heads = [trigger]
        verb = governor(trigger) if rule.pos == "noun" else None
        if verb is not None and verb.lemma_ in LIGHT_VERBS:
            heads.append(verb)
        for head in heads:
            for c in head.children:
                # "take X *private*": a result adjective the parser hangs on the verb
                result = c.pos_ == "ADJ" and c.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "dobj")
                if c.dep_ not in ("prep", "agent", "dative", "advmod") and not result:
                    continue
                if c.lower_ in words:
                    return True
                # "from+ing": "barred X from buying"
                if f"{c.lower_}+ing" in words and any(
                    g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children
                ):
                    return True
        return False

    # --- candidates ----------------------------------------------------------------
    def scope_of(self, trigger: Token) -> frozenset[int]:
        return frozenset(
            self.tree.ps_token[i] for i in clause_scope(trigger) if self.tree.ps_token[i] >= 0
        )

    def emit(
        self,
        subject: Cluster,
        predicate: Predicate,
        obj: Cluster,
        trigger: Token,
        confidence: float,
        rule_id: str,
        **extra: object,
    ) -> Candidate | None:
        if subject.id == obj.id or len(self.out) >= MAX_FACTS_PER_SENTENCE:
            return None
        ps_trigger = self.tree.ps_token[trigger.i]
        candidate = Candidate(
            subject.id,
            predicate,
            obj.id,
            self.index,
            max(ps_trigger, 0),
            confidence,
            rule_id,
            scope=self.scope_of(trigger),
        )
        for key, value in extra.items():
            setattr(candidate, key, value)
        candidate.wants_amount = True
        candidate.cues = stage_cues(trigger)
        if is_state(trigger):
            candidate.fixed_date = True  # a standing state carries no event date
        self.out.append(candidate)
        return candidate

    def plant_built(self, firm: Cluster, place: Bound, trigger: Token) -> None:
        """ "Norvik will build a $1 billion battery plant in Turkey": besides doing business
        in Turkey, Norvik invests in a plant there. The plant has no name of its own; it is
        named by its firm, its place and its kind ("Norvik Motors Turkey battery plant"),
        with the words the story calls it by as aliases."""
        if trigger.lemma_.lower() not in _BUILDING_VERBS:
            return
        if place.via.removeprefix("through:") in _PLANT_NOUNS:
            token = place.token  # "a factory in Hungary", "Morocco's first gigafactory"
            noun = token.head if token.dep_ == "poss" else token.head.head
        else:
            # "build a plant in Turkey", the place read on the verb
            noun = next(
                (t for t in patient_of(trigger) if t.lemma_.lower() in _PLANT_NOUNS), trigger
            )
        if noun.lemma_.lower() not in _PLANT_NOUNS or noun.tag_ == "NNS":
            return
        kinds = [
            c
            for c in noun.children
            if c.dep_ in ("compound", "amod", "nmod")
            and c.i < noun.i
            and c.pos_ in ("NOUN", "PROPN", "ADJ")
            and self._kind_word(c)
            and not any(ch.isdigit() for ch in c.text)
        ]
        kind = " ".join([*(c.text for c in kinds if c.lower_ not in _PLANT_QUALIFIERS), noun.text])
        called = " ".join([*(c.text for c in kinds), noun.text])
        named = self.binder.mention_cluster(noun)
        plant = (
            named  # "an LFP battery plant": the story already made the plant an asset
            if named is not None and named.type is EntityType.ASSET
            else self.coref.add(
                f"{firm.canonical} {place.cluster.canonical} {kind}", EntityType.ASSET
            )
        )
        for alias in {kind, called}:
            if " " in alias and alias not in plant.surfaces:
                plant.surfaces.append(alias)
        self.emit(firm, Predicate.INVESTS_IN, plant, trigger, 0.6, "build-plant")
        located = self.emit(plant, Predicate.LOCATED_IN, place.cluster, noun, 0.6, "build-plant")
        if located is not None:
            located.wants_amount = False

    def _kind_word(self, token: Token) -> bool:
        """A word before a plant noun that says its kind ("battery", "LFP"), not a name."""
        cluster = self.binder.mention_cluster(token)
        return cluster is None or cluster.type is EntityType.COMMODITY

    def apply(self, rule: Rule, trigger: Token) -> None:
        if rule.particle and not any(
            c.dep_ in ("prt", "prep", "advmod") and c.lower_ == rule.particle
            for c in trigger.children
        ):
            return
        if rule.requires and not self.has_prep(trigger, rule, rule.requires):
            return
        if rule.unless and self.has_prep(trigger, rule, rule.unless):
            return
        if rule.prefix and not (
            trigger.i >= 2
            and trigger.doc[trigger.i - 1].text == "-"
            and trigger.doc[trigger.i - 2].lower_ == rule.prefix
        ):
            return
        if rule.near and not self.is_near(trigger, rule.near):
            return
        if rule.patient_words and not any(
            t.lemma_.lower() in rule.patient_words or t.lower_ in rule.patient_words
            for t in patient_of(trigger)
        ):
            return
        if rule.patient_not and any(
            t.lemma_.lower() in rule.patient_not or t.lower_ in rule.patient_not
            for t in patient_of(trigger)
        ):
            return
        if rule.patient_goods and not self.goods_patient(trigger):
            return
        predicate = rule.predicate
        subject_roles = rule.subject
        switched = False
        if rule.pos == "noun":
            verb = governor(trigger)
            verb_lemma = verb.lemma_.lower() if verb is not None else ""
            if rule.governors and verb_lemma not in rule.governors:
                return
            if verb_lemma in rule.blocked_governors:
                return
            if verb_lemma in rule.governor_switch:
                # "China lifted its ban on X": the lifter acts
                predicate = rule.governor_switch[verb_lemma]
                subject_roles = ("governor_actor", *rule.subject)
                switched = True
            if verb is not None and is_negated(verb):
                return
        elif is_negated(trigger) or (
            trigger.dep_ == "xcomp" and trigger.head != trigger and is_negated(trigger.head)
        ):
            return
        if rule.passive and not is_passive(trigger):
            return
        if rule.actor_words and not any(
            t.lemma_.lower() in rule.actor_words
            or t.lower_ in rule.actor_words
            or any(
                c.dep_ in ("amod", "acl") and not lemma_forms(c).isdisjoint(rule.actor_modifiers)
                for c in t.children
            )
            for t in actor_of(trigger)
        ):
            return
        if rule.actor_nouns and any(
            t.pos_ == "NOUN"
            and t.lemma_.lower() not in rule.actor_nouns
            and t.lower_ not in rule.actor_nouns
            for t in actor_of(trigger)
        ):
            return
        subjects = self.bind_roles(subject_roles, trigger, rule, subject=True)
        objects = self.bind_roles(rule.object, trigger, rule, subject=False)
        if predicate in _STATE_ACTS:
            for bound in subjects:
                if bound.cluster.type in (EntityType.COUNTRY, EntityType.GOVERNMENT_BODY):
                    self.context.state_actor = bound.cluster
        if not subjects:
            if rule.orphan:
                self.orphans(rule, trigger, objects, predicate)
            return
        # one list read as both roles pairs its items with each other: "the investment
        # arms of A and B" says nothing of A and B
        both = {b.cluster.id for b in subjects} & {b.cluster.id for b in objects}
        pairs: list[tuple[Bound, Bound]] = [
            (s, o)
            for s in subjects
            for o in objects
            if not (s.cluster.id in both and o.cluster.id in both and o.token in s.token.conjuncts)
        ]
        if rule.symmetric and not objects and len(subjects) >= 2:
            pairs = [(subjects[0], o) for o in subjects[1:]]
        for s, o in pairs:
            s = self.state_of_capital(s, rule)
            s_type = effective_type(s.cluster)
            o_type = effective_type(o.cluster)
            if s_type not in rule.subject_types:
                continue
            emitted = predicate
            if o_type not in rule.object_types:
                if o_type is None or o_type not in rule.object_switch:
                    continue
                emitted = rule.object_switch[o_type]
            target = o.cluster
            if rule.exchange:
                exchange = exchange_for(self.coref, o.cluster)
                if exchange is None:
                    continue
                target = exchange
            candidate = self.emit(
                s.cluster,
                emitted,
                target,
                trigger,
                rule.confidence,
                rule.id,
                status=rule.status,
                role=rule.role,
            )
            if candidate is not None and switched and rule.keep_original:
                # "lifted its 2023 ban on X": the ban itself, dated by the noun's own date
                original = self.emit(
                    s.cluster,
                    rule.predicate,
                    target,
                    trigger,
                    rule.confidence - 0.1,
                    rule.id,
                )
                own = frozenset(
                    self.tree.ps_token[t.i] for t in trigger.subtree if self.tree.ps_token[t.i] >= 0
                )
                if original is not None:
                    original.wants_amount = False
                    original.scope = own
                # "lifted a 2023 ban": the year dates the ban, not the lifting
                candidate.scope = (candidate.scope or frozenset()) - own
            if candidate is not None and emitted is Predicate.OPERATES_IN:
                self.plant_built(s.cluster, o, trigger)
            if candidate is not None and o.via.startswith("through:"):
                candidate.attributes["through"] = o.via[len("through:") :]
                # the stake's words: the verb's patient, or the event noun's own phrase
                phrases = patient_of(trigger) if rule.pos == "verb" else [trigger]
                if any(
                    t.lower_ in _CONTROL_WORDS or (t.lemma_ == "own" and is_negated(t))
                    for p in phrases
                    for t in p.subtree
                ):
                    # "a controlling stake", "the shares it does not already own"
                    candidate.attributes["control"] = True
            for bound in (s, o):
                if bound.parent is not None:
                    unit = self.emit(
                        bound.cluster,
                        Predicate.SUBSIDIARY_OF,
                        bound.parent,
                        bound.token,
                        0.7,
                        "named-unit",
                    )
                    if unit is not None:
                        unit.wants_amount = False

    # --- titles ----------------------------------------------------------------------
