"""The one engine that applies the rule tables to a parsed sentence.

For every token whose lemma triggers a rule (with the rule's part of speech,
particle, required preposition and governing verb), the rule's subject and object
roles are read from the tree (:mod:`loaders.extract.syntax`), bound to entities
(:mod:`loaders.extract.arguments`), checked against the rule's types, and become
:class:`Candidate` facts that remember the rule, the trigger and the clause.

Titles ("chief executive", "analyst") are relational nouns read the same way: the
person they are said of (``holder``) and the organisation they belong to
(``owner``), with appointments, departures and successions read from the verb
that carries the title.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from graph.ontology import EntityType, Predicate
from loaders.extract.arguments import Binder, Bound
from loaders.extract.candidate import Candidate
from loaders.extract.coref import Cluster, Coreference
from loaders.extract.exchanges import exchange_for
from loaders.extract.gazetteer import CAPITAL_OF
from loaders.extract.rules.schema import Rule, TitleEntry, load_rule_tables
from loaders.extract.syntax import (
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
    relational_holder,
    relational_owner,
    stage_cues,
    surface_subject,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from loaders.extract.document import ParsedSentence
    from loaders.extract.parse import SentenceTree

__all__ = ["MAX_FACTS_PER_SENTENCE", "RuleBook", "rule_book", "sentence_facts"]

# Bounded work: at most this many facts are read from one sentence.
MAX_FACTS_PER_SENTENCE = 40
_VERB_POS = frozenset({"VERB", "AUX"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_ADJ_POS = frozenset({"ADJ", "VERB", "NOUN", "PROPN"})
_APPOINTING = frozenset(
    {"appoint", "name", "elect", "promote", "nominate", "tap", "pick", "choose", "select",
     "succeed", "replace", "become", "join", "take", "install", "hire", "reappoint"}
)  # fmt: skip
_SUCCEEDING = frozenset({"succeed", "replace"})
_CONTROL_WORDS = frozenset(
    {"majority", "controlling", "control", "outright", "remaining", "outstanding", "rest"}
)
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
_FORMER = frozenset({"former", "ex", "previous", "then", "outgoing", "erstwhile", "late"})
_ORG_TYPES = frozenset({EntityType.COMPANY, EntityType.GOVERNMENT_BODY, EntityType.ORGANIZATION})


@dataclass(slots=True)
class StoryContext:
    """What the whole story tells every sentence: the country it is mostly about and
    the exchange its listings happen on (when a sentence names none)."""

    home_country: str | None = None
    exchange: Cluster | None = None
    # the company the story was last about (the subject of a recent sentence)
    focus: Cluster | None = None
    # the state or body that last acted in the story ("the US announced sanctions ...
    # the sanctions targeted X")
    state_actor: Cluster | None = None
    # (successor, predecessor, sentence): "Y will replace him" with no title named
    successions: list[tuple[int, int, int]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class RuleBook:
    """Every rule, indexed by trigger word; every title; the shared word tables."""

    by_trigger: dict[str, tuple[Rule, ...]]
    titles: dict[tuple[str, ...], TitleEntry]
    longest_title: int
    transparent: dict[str, tuple[str, ...]]
    departures: frozenset[str]
    rules: tuple[Rule, ...] = field(default=())


@lru_cache(maxsize=1)
def rule_book() -> RuleBook:
    """The shipped rule tables, indexed once per process."""
    index: dict[str, list[Rule]] = {}
    titles: dict[tuple[str, ...], TitleEntry] = {}
    transparent: dict[str, tuple[str, ...]] = {}
    departures: set[str] = set()
    rules: list[Rule] = []
    for table in load_rule_tables():
        for rule in table.rules:
            rules.append(rule)
            for word in rule.trigger:
                index.setdefault(word, []).append(rule)
        for entry in table.titles:
            titles[tuple(entry.phrase.lower().split())] = entry
            # the parser splits "co-founder" into "co", "-", "founder"
            titles[tuple(entry.phrase.lower().replace("-", " - ").split())] = entry
        for word, preps in table.transparent.items():
            transparent[word] = tuple(dict.fromkeys((*transparent.get(word, ()), *preps)))
        departures.update(table.departures)
    return RuleBook(
        by_trigger={k: tuple(v) for k, v in index.items()},
        titles=titles,
        longest_title=max((len(k) for k in titles), default=1),
        transparent=transparent,
        departures=frozenset(departures),
        rules=tuple(rules),
    )


def _pos_ok(rule: Rule, token: Token) -> bool:
    if rule.pos == "verb":
        # "U.S.-based" kept as one adjective token
        return token.pos_ in _VERB_POS or ("-" in token.text[1:] and token.pos_ == "ADJ")
    if rule.pos == "name":
        return False  # applied to names, not words
    if rule.pos == "noun":
        # "its rival X": a relational noun tagged as an adjective before a name
        return token.pos_ in _NOUN_POS or (token.pos_ == "ADJ" and token.dep_ == "amod")
    return token.pos_ in _ADJ_POS


def _effective_type(cluster: Cluster) -> EntityType | None:
    if cluster.type is not None:
        return cluster.type
    return EntityType.COMPANY if cluster.named else None


class _SentenceReader:
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
            if not found and trigger.dep_ in ("compound", "nmod"):
                found = possessor(trigger.head)  # "its Ernie models": the models' owner
            return found
        if role == "hyphen":
            return hyphen_modifier(trigger)
        if role == "described":
            return described_by(trigger)
        if role == "holder":
            return relational_holder(trigger)
        if role == "owner":
            return relational_owner(trigger)
        if role == "place":
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
                for token in self.role_tokens(role, trigger, rule):
                    if token.idx >= self.begin_char:
                        literal = rule is not None and rule.literal
                        found = self.binder.bind(
                            token,
                            subject=subject,
                            literal=literal,
                            through=rule.through if rule is not None else None,
                        )
                        if role == "place":
                            found = [b for b in found if b.cluster.type in _PLACE_TYPES]
                        bound.extend(found)
            if rule is not None:
                # "Hong Kong's biggest listing": a place is not who lists
                typed = [
                    b
                    for b in bound
                    if _effective_type(self.state_of_capital(b, rule).cluster) in allowed
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
                    b for b in self.binder.bind(subject) if _effective_type(b.cluster) in _ORG_TYPES
                ]
                if bound:
                    return bound
        return []

    def orphans(
        self, rule: Rule, trigger: Token, objects: list[Bound], predicate: Predicate
    ) -> None:
        """Facts whose subject the story names elsewhere (the pipeline adopts one)."""
        for o in objects:
            if _effective_type(o.cluster) not in rule.object_types:
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
            state = self.coref.find(country, EntityType.COUNTRY) or self.coref.add(
                country, EntityType.COUNTRY
            )
            return Bound(state, bound.token, "capital")
        return bound

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
            if token.lemma_.lower() in self.book.transparent:
                return False
            for bound in self.binder.bind(token, expand=False):
                if bound.cluster.type not in (EntityType.COMMODITY, EntityType.PRODUCT, None):
                    return False
                if bound.cluster.type is None and bound.cluster.named:
                    return False
        return True

    def has_prep(self, trigger: Token, rule: Rule, words: tuple[str, ...]) -> bool:
        """The trigger (or, for a noun, its light verb) carries one of ``words`` as a
        preposition or adverb; ``W+ing`` is preposition W before a gerund."""
        heads = [trigger]
        verb = governor(trigger) if rule.pos == "noun" else None
        if verb is not None and verb.lemma_ in LIGHT_VERBS:
            heads.append(verb)
        for head in heads:
            for c in head.children:
                if c.dep_ not in ("prep", "agent", "dative", "advmod"):
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
            t.lemma_.lower() in rule.actor_words or t.lower_ in rule.actor_words
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
        pairs: list[tuple[Bound, Bound]] = [(s, o) for s in subjects for o in objects]
        if rule.symmetric and not objects and len(subjects) >= 2:
            pairs = [(subjects[0], o) for o in subjects[1:]]
        for s, o in pairs:
            s = self.state_of_capital(s, rule)
            s_type = _effective_type(s.cluster)
            o_type = _effective_type(o.cluster)
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
            if candidate is not None and o.via.startswith("through:"):
                candidate.attributes["through"] = o.via[len("through:") :]
                if any(
                    t.lower_ in _CONTROL_WORDS or (t.lemma_ == "own" and is_negated(t))
                    for p in patient_of(trigger)
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
    def titles(self) -> Iterator[tuple[int, int, TitleEntry]]:
        doc = self.tree.doc
        words = [t.lower_ for t in doc]
        i = 0
        while i < len(doc):
            if doc[i].idx < self.begin_char:
                i += 1
                continue
            for size in range(min(self.book.longest_title, len(doc) - i), 0, -1):
                entry = self.book.titles.get(tuple(words[i : i + size]))
                if entry is not None:
                    yield i, i + size, entry
                    i += size
                    break
            else:
                i += 1

    def title_facts(self) -> None:
        doc = self.tree.doc
        owners_at: dict[int, list[Cluster]] = {}
        for start, end, entry in self.titles():
            span = doc[start:end]
            # English titles end in their head noun ("chief executive *officer*",
            # "co-*founder*"), unless a preposition follows it ("*head* of research")
            head = span.root if any(t.lower_ == "of" for t in span) else doc[end - 1]
            if (
                head.dep_ in ("amod", "compound")
                and head.head.pos_ == "NOUN"
                and head.head.i > end - 1
            ):
                continue  # "chief China economist": "chief" describes another title
            verb = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "as" else None
            if head.dep_ == "oprd" or (head.dep_ == "conj" and head.head.dep_ == "oprd"):
                verb = head.head if head.dep_ == "oprd" else head.head.head
            people: list[Bound] = []
            if verb is not None and verb.lemma_ in _APPOINTING and verb.lemma_ not in _SUCCEEDING:
                # "appointed A as chief executive and B as finance chief": each title goes
                # to the person named just before it
                people = self._person_before(start, verb)
            if not people:
                holders = [
                    b for t in relational_holder(head) for b in self.binder.bind(t, expand=False)
                ]
                people = [b for b in holders if b.cluster.type is EntityType.PERSON]
            if not people:
                continue
            owners = self._title_owners(head, entry, verb, people, start)
            if not owners:
                # "Tesla Co-Founder and Chief Executive Officer": the first title's firm
                owners = next(
                    (owners_at[c.i] for c in (head.head, *head.children) if c.i in owners_at),
                    [],
                )
                owners = [o for o in owners if _effective_type(o) in _ORG_TYPES]
            if not owners:
                continue
            owners_at[head.i] = owners
            former = any(t.lower_ in _FORMER for t in doc[max(0, start - 2) : start]) or any(
                c.lower_ in _FORMER for c in head.children
            )
            verb_lemma = verb.lemma_.lower() if verb is not None else ""
            departure = former or verb_lemma in self.book.departures
            appointed = verb_lemma in _APPOINTING
            if verb is not None and is_negated(verb):
                continue
            for person in people:
                for owner in owners:
                    self._title_fact(person.cluster, owner, entry, head, departure, appointed)
            succession = verb if verb is not None and verb_lemma in _SUCCEEDING else None
            if verb is not None and succession is None:
                # "appointed X as president, replacing Y"
                succession = next(
                    (
                        c
                        for c in verb.children
                        if c.dep_ in ("advcl", "conj", "xcomp") and c.lemma_ in _SUCCEEDING
                    ),
                    None,
                )
            if succession is not None:
                for token in patient_of(succession):
                    for prior in self.binder.bind(token):
                        if prior.cluster.type is EntityType.PERSON:
                            for owner in owners:
                                self._title_fact(prior.cluster, owner, entry, head, True, False)

    def _person_before(self, start: int, verb: Token) -> list[Bound]:
        """The person named closest before the title at ``start``, after ``verb``."""
        doc = self.tree.doc
        for i in range(start - 1, verb.i, -1):
            token = doc[i]
            if token.lower_ in (";",) or (token.pos_ == "VERB" and token.i != verb.i):
                break
            cluster = self.binder.mention_cluster(token)
            if cluster is not None and cluster.type is EntityType.PERSON:
                return [Bound(cluster, token, "before-title")]
        return []

    def successions(self) -> None:
        """ "Y will replace him": a successor takes the predecessor's post, whatever the
        story said it was (read by the pipeline once every sentence is read)."""
        for token in self.tree.doc:
            if token.pos_ != "VERB" or token.lemma_ not in _SUCCEEDING or is_negated(token):
                continue
            if any(c.dep_ == "prep" and c.lower_ == "as" for c in token.children):
                continue  # "replace Y as chairman": the title rules read it
            successors = [
                b.cluster
                for t in actor_of(token)
                for b in self.binder.bind(t, expand=False)
                if b.cluster.type is EntityType.PERSON
            ]
            predecessors = [
                b.cluster
                for t in patient_of(token)
                for b in self.binder.bind(t, expand=False)
                if b.cluster.type is EntityType.PERSON
            ]
            for new in successors:
                for old in predecessors:
                    if new.id != old.id:
                        self.context.successions.append((new.id, old.id, self.index))

    def _title_fact(
        self,
        person: Cluster,
        owner: Cluster,
        entry: TitleEntry,
        head: Token,
        departure: bool,
        appointed: bool,
    ) -> None:
        candidate = self.emit(
            person, entry.predicate, owner, head, 0.8, f"title:{entry.role}", role=entry.role
        )
        if candidate is None:
            return
        candidate.wants_amount = False
        if departure:
            candidate.attributes["departure"] = True
        if appointed:
            candidate.attributes["appointed"] = True

    def _title_owners(
        self,
        head: Token,
        entry: TitleEntry,
        verb: Token | None,
        people: list[Bound],
        start: int,
    ) -> list[Cluster]:
        """The organisations a title belongs to, from the most to the least direct cue."""
        doc = self.tree.doc
        person_ids = {p.cluster.id for p in people}
        allowed = _ORG_TYPES | (
            {EntityType.COUNTRY, EntityType.REGION} if entry.political else set()
        )

        def keep(clusters: Iterable[Cluster]) -> list[Cluster]:
            return [c for c in clusters if c.id not in person_ids and _effective_type(c) in allowed]

        def bound(tokens: Iterable[Token], *, expand: bool = True) -> list[Cluster]:
            return keep(b.cluster for t in tokens for b in self.binder.bind(t, expand=expand))

        # "chief executive of X", "X's chief executive", "the X chief executive"
        found = bound(relational_owner(head, preps=("of", "at", "for", "with", "in")))
        if not found:
            # "Tesla Co-Founder", "Didi's chief executive": a name right before the title
            k = start - 1
            if k >= 0 and doc[k].lower_ in ("'s", "\u2019s"):
                k -= 1
            if k >= 0:
                found = bound([doc[k]], expand=False)
        if not found:
            # "the chairman and party secretary of the CSRC": the second title's owner
            found = bound(
                t for conj in head.conjuncts for t in relational_owner(conj, preps=("of", "at"))
            )
        if not found and verb is not None:
            # "joined Norvik as chief executive"; "Norvik named X as chairman" (a firm
            # appoints its own people; a state council appoints someone else's)
            found = bound(patient_of(verb))
            if not found:
                found = [
                    c for c in bound(actor_of(verb)) if _effective_type(c) is EntityType.COMPANY
                ]
        if not found:
            # "Didi CEO Cheng Wei and President Liu Qing": the second title shares the
            # organisation named before the first
            for person in people:
                if person.token.dep_ == "conj":
                    first = person.token.head
                    found.extend(
                        keep(
                            cluster
                            for c in first.children
                            if c.dep_ in ("compound", "nmod", "poss", "amod") and c.i < first.i
                            for t in c.subtree
                            if (cluster := self.binder.mention_cluster(t)) is not None
                        )
                    )
        if not found:
            # "Norvik said X had resigned as chief executive": the firm that says so
            found = [
                c
                for c in bound(attributed_source(head), expand=False)
                if _effective_type(c) is EntityType.COMPANY
            ]
        if not found and entry.political:
            found = self._state_of(people)
        if not found and entry.predicate in (Predicate.LEADS, Predicate.FOUNDED):
            found = self._focus_company(person_ids, head)
        return found

    def _focus_company(self, person_ids: set[int], head: Token) -> list[Cluster]:
        """ "A year ago, founder and CEO X said ...": a leader's title with no
        organisation belongs to the company the story is about at that point — when the
        sentence names no other organisation before the title."""
        focus = self.context.focus
        if focus is None:
            return []
        before = self.tree.ps_token[head.i]
        for m in self.ps.mentions:
            if m.start >= before:
                break
            cluster = self.coref.of(m)
            if (
                cluster is not None
                and cluster.id not in person_ids
                and cluster.id != focus.id
                and m.named
                and _effective_type(cluster) in _ORG_TYPES
            ):
                return []
        return [focus]

    def _state_of(self, people: list[Bound]) -> list[Cluster]:
        """The country a political title without one belongs to: the person's own (from
        the registry), else the story's, when the sentence names no organisation."""
        for person in people:
            entry = person.cluster.registry
            if entry is not None and entry.country:
                country = self.coref.find(entry.country, EntityType.COUNTRY)
                return [country or self.coref.add(entry.country, EntityType.COUNTRY)]
        if self.context.home_country is None:
            return []
        for m in self.ps.mentions:
            cluster = self.coref.of(m)
            if cluster is not None and _effective_type(cluster) in _ORG_TYPES:
                return []
        country = self.coref.find(self.context.home_country, EntityType.COUNTRY)
        return [country] if country is not None else []


def sentence_facts(
    tree: SentenceTree,
    ps: ParsedSentence,
    index: int,
    coref: Coreference,
    *,
    context: StoryContext | None = None,
    book: RuleBook | None = None,
) -> list[Candidate]:
    """Every fact the rules read in one sentence."""
    book = book or rule_book()
    reader = _SentenceReader(tree, ps, index, coref, book, context or StoryContext())
    for token in tree.doc:
        if token.idx < reader.begin_char:
            continue
        if tree.mention[token.i] >= 0 and (
            token.i + 1 >= len(tree.doc) or tree.mention[token.i + 1] != tree.mention[token.i]
        ):
            # the last token of a name triggers the rules about names themselves
            for rule in book.by_trigger.get("*", ()):
                if rule.pos == "name":
                    reader.apply(rule, token)
        seen: set[str] = set()
        for form in lemma_forms(token):
            for rule in book.by_trigger.get(form, ()):
                if rule.id in seen or not _pos_ok(rule, token):
                    continue
                seen.add(rule.id)
                reader.apply(rule, token)
        if len(reader.out) >= MAX_FACTS_PER_SENTENCE:
            break
    reader.title_facts()
    reader.successions()
    return reader.out[:MAX_FACTS_PER_SENTENCE]
