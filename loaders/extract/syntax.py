"""Argument positions read from a dependency tree, the same way for every rule.

A relation rule names the *roles* it wants ("actor", "patient", "prep:in", ...);
this module finds the tokens that fill them, handling once what would otherwise be
handled per construction:

* voice: the passive subject is the patient, the ``by`` agent the actor;
* control and raising: in "agreed to buy", "is set to buy", "plans to buy" the
  subject of the governing verb acts; in "was asked to sell" its passive subject;
* coordination: "bought X and sold Y" shares the subject;
* relative and participial clauses: "X, which owns Y", "X, founded by Y",
  "firms supplying Y", "the company it bought";
* light verbs over event nouns: "X completed its purchase of Y", "X struck a deal to
  buy Y", "X is in talks to buy Y";
* relational nouns: "X, a unit of Y", "Y's chief executive, X", "X became chairman
  of Y", "named X (as) chairman".

Every function takes and returns spaCy tokens; no function looks further than the
sentence, and every walk up the tree is bounded.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from sinograph.loaders.extract.cues import MONTHS, WEEKDAYS, word_set

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "LIGHT_VERBS",
    "MONEY_RAISING_VERBS",
    "RAISING_VERBS",
    "ROUND_WORDS",
    "actor_of",
    "as_verb",
    "attributed_source",
    "clause_scope",
    "described_by",
    "governor",
    "hyphen_modifier",
    "is_negated",
    "is_passive",
    "is_state",
    "stage_cues",
    "lemma_forms",
    "misread_finite",
    "noun_actor",
    "patient_of",
    "is_saying",
    "possessor",
    "post_of",
    "refined_place",
    "prep_objects",
    "relational_holder",
    "relational_owner",
    "story_round",
    "surface_subject",
    "word_forms",
]

_SUBJECT = frozenset({"nsubj", "csubj"})
_PASSIVE_SUBJECT = frozenset({"nsubjpass", "csubjpass"})
_RELATIVE = frozenset({"which", "that", "who", "whom"})
_COPULAS = frozenset({"be", "become", "remain", "stay", "serve", "act"})
_MAX_CLIMB = 6

# Verbs whose object, not subject, performs the verb they govern: "allowed X to buy".
_OBJECT_CONTROL = frozenset(
    {"allow", "ask", "order", "force", "urge", "require", "permit", "tell", "instruct", "push",
     "name", "pick", "tap", "choose", "select", "appoint", "nominate", "elect", "hire"}
)

# Verbs that hold their object to account for a deed: "fined X for selling", "sanctioned
# X for buying" — the object did the deed.
_BLAME_VERBS = frozenset(
    {"sanction", "fine", "punish", "penalise", "penalize", "blacklist", "target", "charge",
     "sue", "accuse", "ban", "bar", "criticise", "criticize", "investigate", "probe",
     "arrest", "indict", "reprimand", "warn", "list", "add"}
)

# Verbs that carry an event noun without adding meaning of their own: the subject of
# "X completed its purchase of Y" is the buyer.
LIGHT_VERBS = word_set(
    """announce complete agree make launch sign close finalise finalize strike reach
    pursue seek propose unveil conclude file submit initiate open impose extend
    announce confirm clinch seal ink win secure table outline enter take get receive
    lead start begin plan consider weigh explore mull expand widen carry conduct
    undertake place put issue slap levy raise hike set form create establish approve
    unveil complete finish do have hold keep maintain announce expect eye prepare
    push launch kick restart resume revive renew pledge vow promise offer provide roll
    step ramp pour hand mete serve implement introduce adopt enact apply increase double
    triple quadruple tighten toughen escalate"""
)


def lemma_forms(token: Token) -> frozenset[str]:
    """The forms a rule's trigger lemma may take on ``token``: spaCy's lemma, the lower-
    cased word, and the word with a regular inflection undone ("fined" -> "fine"),
    since the small model's lemmatizer misses some ("fined" -> "fin")."""
    return word_forms(token.lower_) | {token.lemma_.lower()}


def word_forms(low: str) -> frozenset[str]:
    """A lower-cased word and the word with a regular inflection undone ("banning" ->
    "ban", "takes" -> "take")."""
    forms = {low}
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("es", ""),
        ("es", "e"),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("d", ""),
        ("ing", ""),
        ("ing", "e"),
    ):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            forms.add(low[: -len(suffix)] + repl)
    if len(low) > 4 and low[-3:-2] == low[-4:-3] and low.endswith(("ed",)):
        forms.add(low[:-3])  # "banned" -> "ban"
    if len(low) > 5 and low.endswith("ing") and low[-4] == low[-5]:
        forms.add(low[:-4])  # "banning" -> "ban"
    if "-" in low and not low.startswith("-"):
        # "U.S.-based" kept as one token: its last part is the word
        last = low.rsplit("-", 1)[1]
        for suffix, repl in (("ed", ""), ("ed", "e"), ("d", "")):
            if last.endswith(suffix) and len(last) > len(suffix) + 2:
                forms.add(last[: -len(suffix)] + repl)
    return frozenset(forms)


def _children(token: Token, deps: Iterable[str]) -> list[Token]:
    wanted = set(deps)
    return [c for c in token.children if c.dep_ in wanted]


def misread_finite(verb: Token) -> bool:
    """ "Norvik Motors partnered with X": the small parser sometimes reads a sentence's
    only finite verb as a participle modifying the name before it (the name becomes
    the root). Such a verb is the clause's verb and the name its subject."""
    head = verb.head
    return (
        verb.dep_ == "acl"
        and head.dep_ == "ROOT"
        and head.pos_ in ("PROPN", "NOUN")
        and verb.i == head.i + 1
        and not any(c.dep_ in ("agent", "aux", "auxpass") for c in verb.children)
    )


def is_passive(verb: Token) -> bool:
    """A passive verb: "was fined", "to be acquired", or a past participle modifying a
    noun ("X, founded by Y", "Geely-owned Volvo")."""
    if any(c.dep_ in ("auxpass", "nsubjpass", "csubjpass", "agent") for c in verb.children):
        return True
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in ("acl", "amod")
        and not any(c.dep_ == "aux" for c in verb.children)
        and not misread_finite(verb)
    )


def is_negated(token: Token) -> bool:
    """ "did not buy", "never owned", "no longer owns"."""
    for c in token.children:
        if c.dep_ == "neg" or c.lower_ in ("never", "not", "n't"):
            return True
        if c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children):
            return True
    return False


def _antecedent(pronoun: Token, clause: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies — in "a company based
    in the Netherlands that owns Fiat", the company, not the place the parser hung it on."""
    if pronoun.lower_ in _RELATIVE and clause.dep_ == "relcl":
        head = clause.head
        place = head.head
        if (
            head.dep_ == "pobj"
            and place.dep_ == "prep"
            and place.head.dep_ in ("acl", "amod")
            and place.head.lemma_ in ("base", "headquarter", "locate", "register", "list")
        ):
            return place.head.head
        return head
    return pronoun


def _named_subject(found: list[Token]) -> Token:
    """ "Robot maker Unitree bought a stake": the small parser sometimes gives the verb
    two subjects, a descriptive noun and the name right after it. The name is the
    subject; the noun describes it."""
    first = found[0]
    if len(found) > 1:
        second = found[1]
        if (
            first.pos_ == "NOUN"
            and second.pos_ == "PROPN"
            and first.right_edge.i + 1 == second.left_edge.i
        ):
            return second
    return first


def surface_subject(verb: Token) -> list[Token]:
    """The grammatical subject of ``verb`` (active or passive), relative pronouns
    replaced by their antecedent; inherited through coordination and control."""
    for _ in range(_MAX_CLIMB):
        found = _children(verb, _SUBJECT | _PASSIVE_SUBJECT)
        if found:
            return [_antecedent(_named_subject(found), verb)]
        sayer = _misread_sayer(verb)
        if sayer is not None:
            return [sayer]
        if verb.dep_ == "xcomp" and verb.head != verb:
            objects = _children(verb.head, ("dobj",))
            if objects:
                return objects  # "named Wu to replace Yi": Wu replaces
        if verb.dep_ in ("conj", "xcomp", "advcl", "acomp") and verb.head != verb:
            verb = verb.head  # "are ready to join": the subject of the copula
            continue
        if verb.dep_ == "relcl":
            return [verb.head]
        return []
    return []


def _misread_sayer(verb: Token) -> Token | None:
    """ "..., bought from A, B said": the parser reads B as A's apposition and leaves
    the verb of saying without a subject."""
    if verb.lemma_ not in _SAYING or verb.i == 0 or _children(verb, _SUBJECT):
        return None
    before = verb.doc[verb.i - 1]
    if (
        before.dep_ in ("appos", "conj")
        and before.pos_ in ("PROPN", "NOUN")
        and before.head.i < before.i
    ):
        return before
    return None


# Instruments an authority acts through: their -ing clause is the authority's act.
_DECREES = word_set(
    """order decree rule regulation directive law notice measure ruling resolution
    executive_order proclamation policy"""
)


_ANNOUNCING = frozenset({"announce", "declare", "decide"})


def actor_of(verb: Token) -> list[Token]:
    """Who does what ``verb`` says: the active subject, the passive ``by`` agent, or the
    subject inherited from a governing verb or noun."""
    passive = is_passive(verb)
    if passive:
        for agent in _children(verb, ("agent",)):
            return _children(agent, ("pobj",))
        # "the ministry announced that X will be imposed on Y", "X will be imposed on Y,
        # the ministry announced": who announces a measure takes it (the rule's types
        # settle whether the announcer can)
        if verb.dep_ == "ccomp" and verb.head.lemma_ in _ANNOUNCING:
            return surface_subject(verb.head)
        for child in verb.children:
            if (
                child.dep_ in ("advcl", "parataxis", "ccomp")
                and child.lemma_ in _ANNOUNCING
                and child.i > verb.i
            ):
                return surface_subject(child)
        return []
    subjects = _children(verb, _SUBJECT)
    if subjects:
        return [_antecedent(_named_subject(subjects), verb)]
    sayer = _misread_sayer(verb)
    if sayer is not None:
        return [sayer]
    if verb.pos_ == "VERB" and verb.tag_ in ("VBZ", "VBD", "VBP"):
        names = [c for c in verb.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if names and names[-1].i < verb.i:
            # "Norvik Motors competes with ...": the small model hangs the subject's name
            # on the finite verb as a compound
            return [names[-1]]
    if misread_finite(verb):
        return [verb.head]
    return _inherited_actor(verb)


def _inherited_actor(verb: Token) -> list[Token]:
    head = verb.head
    if head == verb:
        return []
    dep = verb.dep_
    # "tapped X to lead Y": also when the parser reads "to lead" as an adverbial
    infinitive = dep == "advcl" and verb.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    )
    if dep == "xcomp" or infinitive:
        objects = _children(head, ("dobj",))
        if objects and head.lemma_ in _OBJECT_CONTROL:
            return objects
        if dep == "xcomp":
            return surface_subject(head)
    if dep == "conj" and head.pos_ in ("VERB", "AUX"):
        return surface_subject(head)
    if dep == "advcl" and verb.tag_ in ("VBG", "VBN", "VB"):
        return surface_subject(head)
    if dep == "pcomp" and head.dep_ == "prep":
        verb = head.head
        if verb.pos_ not in ("VERB", "AUX"):
            return []
        objects = _children(verb, ("dobj",))
        if head.lower_ == "from" and objects:
            return objects  # "barred X from buying": X would buy
        if head.lower_ == "for" and objects and verb.lemma_.lower() in _BLAME_VERBS:
            return objects  # "sanctioned X for buying oil": X bought it
        return surface_subject(verb)
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if dep in ("acl", "relcl") and infinitive and head.pos_ in ("NOUN", "PROPN"):
        # "a deal to buy X", "talks to buy X": whoever holds the deal or talks
        return noun_actor(head)
    if dep == "acl" and verb.tag_ == "VBG" and head.lemma_.lower() in _DECREES:
        # "issued an order banning 59 apps": who issues the order bans
        return noun_actor(head)
    if dep == "acl" and verb.tag_ == "VBG":
        return [head]  # "firms supplying drones"
    if dep == "relcl":
        return [head]
    return []


def patient_of(verb: Token) -> list[Token]:
    """What ``verb`` acts on: the direct object, the passive subject, the noun a past
    participle modifies, or a relative clause's antecedent ("the firm it bought")."""
    if is_passive(verb):
        subjects = _children(verb, _PASSIVE_SUBJECT)
        if subjects:
            return [_antecedent(subjects[0], verb)]
        if verb.dep_ in ("acl", "amod"):
            return [verb.head]
        if verb.dep_ in ("xcomp", "conj", "acomp", "oprd", "ccomp"):
            return surface_subject(verb.head)
        if verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.i < verb.head.i:
            return surface_subject(verb.head)  # "Approved by X, A will merge": A
        return []
    # "fined *X* $3 million": a noun indirect object comes before the money object
    objects = [c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP"]
    for obj in _children(verb, ("dobj",)):
        # "made its models open-source" read with "models" as a subject inside the object
        inner = [
            t
            for t in obj.subtree
            if t.dep_ == "nsubj" and t.head.head == obj and t.head.pos_ == "ADJ"
        ]
        objects.extend(inner or [obj])
    if objects:
        return [_antecedent(o, verb) for o in objects]
    if verb.dep_ == "relcl" and _children(verb, _SUBJECT):
        return [verb.head]  # "the company it bought"
    follower = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if (
        follower is not None
        and follower.head == verb
        and follower.dep_ in ("advmod", "npadvmod")
        and follower.pos_ == "PROPN"
        and follower.text not in WEEKDAYS
        and follower.text not in MONTHS
    ):
        # the small model misreads a hyphenated name right after the verb as an
        # adverb ("released Vela-3, its model"): the name is the object
        return [follower]
    for c in verb.children:
        if c.dep_ == "oprd" and c.pos_ in ("PROPN", "NOUN"):
            return [c]  # "named Anna Berg (as) chairman" read as a predicate
        if c.dep_ in ("ccomp", "oprd", "xcomp", "advmod") and c.pos_ in ("ADJ", "ADV"):
            # "made its models available / open-source": the small clause's subject
            inner = _children(c, _SUBJECT)
            if inner:
                return inner
    return []


def prep_objects(token: Token, preps: Iterable[str]) -> list[Token]:
    """Objects of the prepositions ``preps`` attached to ``token`` ("stake *in* X")."""
    wanted = set(preps)
    out: list[Token] = []
    for c in token.children:
        if c.dep_ not in ("prep", "agent", "dative"):
            continue
        word = c.lower_
        if word not in wanted:
            # two-word prepositions: "according to", "such as", "along with"
            inner = [g for g in c.children if g.dep_ == "prep" and f"{word} {g.lower_}" in wanted]
            for g in inner:
                out.extend(_children(g, ("pobj",)))
            continue
        if _refines_earlier_prep(c):
            continue  # "based in X, in Y province": Y places X, not the subject
        out.extend(_children(c, ("pobj", "pcomp")))
    return out


def _refines_earlier_prep(prep: Token) -> bool:
    """ "in Wuhu, in Anhui province": a second "in" right after a comma that closes an
    earlier "in" phrase of the same head, not one item of a list ("in A, in B and in C")."""
    if prep.lower_ != "in" or prep.i < 2 or prep.doc[prep.i - 1].text != ",":
        return False
    earlier = [
        c
        for c in prep.head.children
        if c.dep_ == "prep" and c.lower_ == "in" and prep.i - 2 <= c.right_edge.i < prep.i
    ]
    if not earlier:
        return False
    after = prep.right_edge.i + 1
    listed = after < len(prep.doc) and prep.doc[after].lower_ in ("and", "or", ",")
    return not listed and not any(c.dep_ in ("conj", "cc") for c in prep.children)


def refined_place(token: Token) -> list[Token]:
    """ "based in Wuhu, in China's Anhui province": from Wuhu, the place that refines it."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ != "in":
        return []
    for sibling in prep.head.children:
        if (
            sibling.i > prep.i
            and sibling.dep_ == "prep"
            and _refines_earlier_prep(sibling)
            and prep.right_edge.i >= sibling.i - 2
        ):
            return _children(sibling, ("pobj",))
    return []


def possessor(noun: Token) -> list[Token]:
    """ "X's purchase", "its stake"."""
    return _children(noun, ("poss",))


def hyphen_modifier(token: Token) -> list[Token]:
    """The name joined by a hyphen before a participle: "Tencent-backed", "Hangzhou-based"."""
    if "-" in token.text and not token.text.startswith("-"):
        return [token]  # "U.S.-based" is one token; the name is inside it
    out: list[Token] = []
    for c in token.children:
        if c.dep_ in ("npadvmod", "compound", "nmod", "amod", "nsubj") and c.i < token.i:
            between = token.doc[c.i + 1 : token.i]
            if any(t.text in ("-", "\u2010", "\u2011") for t in between) or (
                c.i == token.i - 2 and token.doc[token.i - 1].text == "-"
            ):
                out.append(c)
    if not out and token.i >= 2 and token.doc[token.i - 1].text == "-":
        out.append(token.doc[token.i - 2])
    return out


def described_by(token: Token) -> list[Token]:
    """The noun a participle or relational noun describes: "the Hangzhou-based *firm*",
    "*X*, based in Y", "*X* is based in Y"."""
    if token.dep_ in ("amod", "acl", "compound", "appos") and token.head != token:
        return [token.head]
    subjects = _children(token, _PASSIVE_SUBJECT | _SUBJECT)
    if subjects:
        return [_antecedent(subjects[0], token)]
    if token.dep_ in ("acomp", "xcomp", "oprd", "attr") and token.head.lemma_ in _COPULAS:
        return surface_subject(token.head)
    doc = token.doc
    hyphenated = "-" in token.text[1:] or (token.i > 0 and doc[token.i - 1].text == "-")
    if hyphenated and token.i + 1 < len(doc):
        return [doc[token.i + 1]]  # "... and U.S.-based Resource Capital Funds" misattached
    return []


def post_of(title: Token) -> Token | None:
    """The post a title names ("the *post* of governor", "the *role* of chief executive"),
    when the post, not the title, is where the verb attaches."""
    head = title.head
    if title.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_ in _POST_NOUNS:
        post: Token = head.head
        return post
    return None


def as_verb(as_token: Token) -> Token:
    """The verb an "as" phrase belongs to: its head, or the verb of the object it hangs on
    ("appointed X *as* president", parsed with "as" under X)."""
    head = as_token.head
    if head.dep_ == "dobj" and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    return head


def governor(noun: Token) -> Token | None:
    """The verb an event noun is the object of ("completed *the purchase*"), looking
    through "in talks", "a plan for" and coordination."""
    node = noun
    for _ in range(_MAX_CLIMB):
        head = node.head
        if head == node:
            return None
        if node.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and head.pos_ in ("VERB", "AUX"):
            return head
        if node.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
            return head.head
        if node.dep_ in ("conj", "appos") or (node.dep_ == "pobj" and head.dep_ == "prep"):
            node = head if node.dep_ != "pobj" else head.head
            continue
        if node.dep_ in ("amod", "compound", "nmod") and head.pos_ in ("NOUN", "NUM", "PROPN"):
            node = head  # "a 1.8 million yuan *fine*" read as a modifier of the money
            continue
        return None
    return None


def _participle_agents(noun: Token) -> list[Token]:
    """ "a round led by X", "a deal backed by X", "a deal which was backed by X"."""
    found: list[Token] = []
    for c in noun.children:
        if (c.dep_ == "acl" and c.tag_ == "VBN") or (
            c.dep_ == "relcl" and c.tag_ == "VBN" and is_passive(c)
        ):
            for agent in _children(c, ("agent",)):
                found.extend(_children(agent, ("pobj",)))
    return found


def noun_actor(noun: Token) -> list[Token]:
    """Who performs an event noun: its ``by`` agent (on the noun or on a participle after
    it), else its possessor, or the actor of the light verb that carries it."""
    # "its latest round, led by X", "Y's takeover by X": an agent named with "by" acts,
    # the possessor is whose event it is
    found = prep_objects(noun, ("by",)) or _participle_agents(noun)
    if found:
        return found
    found = possessor(noun)
    if found:
        return found
    carrier = noun.head
    if noun.dep_ == "dobj" and not is_passive(carrier):
        # "approved the takeover of X by Y": the parser hangs "by Y" on the active verb,
        # which takes no agent, so it belongs to the event noun
        for c in carrier.children:
            if c.dep_ == "prep" and c.lower_ == "by" and c.i > noun.i:
                found.extend(o for o in _children(c, ("pobj",)) if o.pos_ == "PROPN")
        if found:
            return found
    if (
        noun.dep_ == "pobj"
        and noun.head.lower_ in ("for", "over")
        and noun.head.head.lemma_.lower() in _BLAME_VERBS
        and not possessor(noun)
    ):
        # "investigating X for its (the) acquisition of Y": the one blamed did it
        objects = _children(noun.head.head, ("dobj",))
        if objects:
            return objects
    verb = governor(noun)
    if verb is not None and verb.lemma_ in LIGHT_VERBS | {"be"}:
        if verb.lemma_ == "be":
            return surface_subject(verb)  # "X is in talks to buy"
        # "the round was co-led by X": the parser may take "co" for the passive auxiliary
        # and call the noun a plain subject
        if noun.dep_ == "nsubjpass" or (noun.dep_ == "nsubj" and is_passive(verb)):
            return actor_of(verb)
        return actor_of(verb) or surface_subject(verb)
    return []


def relational_holder(noun: Token) -> list[Token]:
    """What a relational noun ("unit", "chief executive", "owner") is said of:

    "X, a unit of Y" / "Y's unit, X" / "X is a unit of Y" / "chief executive X" /
    "named X (as) chief executive" / "X will serve as chief executive".
    """
    for c in noun.children:
        if c.dep_ == "nsubj" and c.i < noun.i and noun.dep_ in ("ccomp", "xcomp", "oprd"):
            return [c]  # "making him the largest shareholder": a small clause
    for c in noun.children:
        if c.dep_ == "appos":
            return [c]
    for c in noun.children:
        if (
            c.dep_ in ("nmod", "compound")
            and c.pos_ == "PROPN"
            and c.i == noun.i - 2
            and noun.doc[noun.i - 1].text == ","
            and not any(t.is_alpha and not t.is_title for t in c.subtree)
        ):
            return [c]  # "X, operator of Y" parsed with X as the noun's modifier
    for c in noun.children:
        if (
            c.dep_ == "conj"
            and c.pos_ == "PROPN"
            and c.i > noun.i
            and not c.text.isupper()
            and c.lower_ not in _TITLE_HEADS
        ):
            return [c]  # "founder and CEO Li Wei" read as "founder" and "Li Wei"
    dep = noun.dep_
    head = noun.head
    post = post_of(noun)
    if post is not None:
        return relational_holder(post)  # "the post of governor": the post's holder
    if dep == "pobj" and head.dep_ == "agent":
        return []  # "it was replaced by the local unit of Y": the agent is the unit, no one
    if dep == "pobj" and head.lower_ in ("from", "to") and head.head.pos_ == "VERB":
        # "removed X from the post", "promoted X to the role"
        return patient_of(head.head) if noun.lemma_ in _POST_NOUNS else []
    if dep == "appos":
        return [head]
    if dep in ("compound", "amod", "nmod") and head.pos_ in ("PROPN", "NOUN"):
        return [head]
    if dep == "conj" and head.pos_ in ("PROPN", "NOUN"):
        return relational_holder(head)  # "founder and CEO X"
    if dep in ("attr", "acomp") and head.lemma_ in _COPULAS:
        return surface_subject(head)
    if dep == "oprd":
        return patient_of(head) or surface_subject(head)
    if dep == "pobj" and head.lower_ == "as" and head.head.dep_ == "dobj":
        return [head.head]  # "appointed X as president", "as" hung on the person
    if dep == "pobj" and head.lower_ == "as" and head.head.pos_ in ("VERB", "AUX"):
        verb = head.head
        patient = patient_of(verb)
        if patient and not is_passive(verb) and verb.lemma_ not in _KEEPS_SUBJECT:
            return patient  # "named X as chief executive"
        return surface_subject(verb)  # "X will serve as", "X was named as"
    # "rivals including X and Y": the noun's own list (bound through "including")
    return [noun]


# Nouns that only say what kind of thing a relational noun before them is ("the parent
# company of Y", "its holding firm").
_KIND_NOUNS = frozenset({"company", "firm", "group", "entity", "business", "bank", "unit"})
_POST_NOUNS = frozenset({"post", "position", "role", "job", "office", "seat", "title"})

# Head words of titles, which a name never is.
_TITLE_HEADS = frozenset(
    {"officer", "executive", "founder", "chairman", "chairwoman", "president", "director",
     "head", "chief", "manager", "secretary", "governor", "minister", "premier", "partner",
     "analyst", "economist", "spokesperson", "spokesman", "spokeswoman", "member", "chair"}
)  # fmt: skip

# "X succeeded Y as chairman", "X joined Z as CEO": the role is the subject's.
_KEEPS_SUBJECT = frozenset(
    {"succeed", "replace", "join", "leave", "quit", "resign", "retire", "serve", "remain",
     "take", "return", "step", "continue", "stay", "act", "start", "begin"}
)  # fmt: skip


def relational_owner(
    noun: Token, *, preps: Iterable[str] = ("of", "at", "for", "with", "in", "to")
) -> list[Token]:
    """Whose relational noun it is: "Y's unit", "a unit of Y", "the Y unit"."""
    found = possessor(noun)
    if found:
        return found
    found = prep_objects(noun, preps)
    if found:
        return found
    if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and noun.head.lemma_ in _KIND_NOUNS:
        found = prep_objects(noun.head, preps)  # "the parent *company* of Y"
        if found:
            return found
    # "Norvik Group Chief Executive Anna Berg": a name compounded before the title
    head = noun.head
    siblings = [
        c
        for c in head.children
        if c.dep_ in ("compound", "nmod", "poss") and c.i < noun.i and c != noun
    ]
    own = [c for c in noun.children if c.dep_ in ("compound", "nmod", "amod") and c.i < noun.i]
    return own + siblings


_SAYING = frozenset(
    {
        "say",
        "announce",
        "state",
        "report",
        "add",
        "confirm",
        "disclose",
        "note",
        "reveal",
        "declare",
        "show",
        "find",
        "determine",
        "rule",
        "decide",
        "publish",
    }
)


def is_saying(verb: Token) -> bool:
    """A verb of saying or reporting ("said", "reported", "told")."""
    return verb.lemma_ in _SAYING


# fmt: skip


def attributed_source(trigger: Token) -> list[Token]:
    """Who states the clause holding ``trigger``: "..., the regulator said", "X announced
    that ...", "according to X"."""
    node = trigger
    for _ in range(_MAX_CLIMB):
        head = node.head
        if head == node:
            break
        if head.lemma_ in _SAYING and node.dep_ in ("ccomp", "parataxis", "xcomp", "advcl", "conj"):
            found = actor_of(head)
            if found:
                return found
        node = head
    root = trigger.sent.root if trigger.has_head() else trigger
    for token in (root, *root.children):
        found = prep_objects(token, ("according to",))
        if found:
            return found
    # "..., the regulator said." read with the saying verb as the root
    if root.lemma_ in _SAYING and root != trigger:
        return actor_of(root)
    return []


# Participles that date the event of the noun they modify ("the deal, *announced*
# Sunday, ..."): their dates are the deal's.
_EVENT_PARTICIPLES = frozenset(
    {"announce", "sign", "reach", "strike", "unveil", "complete", "finalise", "finalize",
     "seal", "agree", "approve", "close"}
)  # fmt: skip


# ... and that date it: "imports fell 9% in October" are October's imports
_AMOUNT_VERBS = frozenset(
    {"reach", "total", "amount", "hit", "stand", "exceed", "top", "come", "rise", "climb",
     "fall", "drop", "decline", "decrease", "increase", "grow", "jump", "surge", "slump",
     "plunge", "soar", "slide", "dip", "ease", "rebound", "double", "triple"}
)


def stage_cues(trigger: Token) -> frozenset[str]:
    """Lemmas that tell a fact's stage: the trigger, its auxiliaries and negation, and the
    verbs and nouns that govern it ("agreed to buy", "is in talks to buy", "completed
    its purchase", "plans to list") — and ``"PAST"`` for a finite past-tense trigger."""
    cues = {trigger.lemma_.lower()}
    if trigger.tag_ == "VBD":
        cues.add("PAST")
    node = trigger
    for _ in range(_MAX_CLIMB):
        for c in node.children:
            if c.dep_ in ("aux", "auxpass", "neg", "prt"):
                cues.add(c.lemma_.lower())
        head = node.head
        if head == node or node.dep_ not in (
            "xcomp",
            "dobj",
            "pobj",
            "prep",
            "acl",
            "relcl",
            "nsubjpass",
            "ccomp",
            "amod",
            "compound",
            "conj",
        ):
            break
        if node.dep_ == "ccomp" and head.lemma_ in _SAYING:
            break
        cues.add(head.lemma_.lower())
        node = head
    return frozenset(cues)


def is_state(trigger: Token) -> bool:
    """A participle describing a standing state, not an event: "the Hong Kong-listed
    firm", "X is listed in Hong Kong", "Tencent-backed X"."""
    if trigger.dep_ in ("amod", "compound") and trigger.tag_ in ("VBN", "JJ"):
        return True
    if "-" in trigger.text[1:] and trigger.pos_ == "ADJ":
        return True
    passive_present = any(
        c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in trigger.children
    )
    return passive_present and trigger.tag_ == "VBN"


def clause_scope(trigger: Token) -> set[int]:
    """Token positions that belong to the clause of ``trigger``: its subtree without
    embedded clauses, plus the direct modifiers of the verbs that govern it through
    control ("agreed *on Monday* to buy") or as a light verb ("completed *on Friday*
    its purchase of")."""
    scope: set[int] = set()
    stop = {"relcl", "advcl", "ccomp", "conj", "parataxis", "acl", "appos"}

    def add(node: Token, root: bool) -> None:
        scope.add(node.i)
        for c in node.children:
            if (
                not root
                and c.dep_ in stop
                and not (c.dep_ == "acl" and c.lemma_ in _EVENT_PARTICIPLES)
            ):
                continue
            if root and c.dep_ in ("relcl", "ccomp", "conj", "parataxis", "advcl"):
                continue
            add(c, False)

    add(trigger, True)
    node = trigger
    for _ in range(_MAX_CLIMB):
        head = node.head
        if head == node or node.dep_ not in (
            "xcomp",
            "dobj",
            "pobj",
            "prep",
            "acl",
            "relcl",
            "nsubjpass",
            "ccomp",
            "nsubj",
        ):
            break
        if node.dep_ == "relcl" and not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in node.children
        ):
            break  # only "a deal to buy": a relative clause proper is another event
        if node.dep_ == "nsubj" and head.lemma_ not in _AMOUNT_VERBS:
            break  # "purchases reached HK$731 billion": the verb gives the noun its amount
        if node.dep_ == "ccomp" and head.lemma_ not in _EVENT_PARTICIPLES | {"say"}:
            break  # "X said on Monday it had agreed to buy": the saying dates the deal
        if node.dep_ in ("acl", "relcl") and head.pos_ not in ("NOUN",):
            break
        scope.add(head.i)
        # "agreed *on Monday* to buy"; "a *$750 million* agreement to buy"
        kept: tuple[str, ...] = ("prep", "npadvmod", "advmod", "tmod")
        if node.dep_ == "nsubj":
            kept = (*kept, "dobj", "attr")
        if node.dep_ in ("acl", "relcl"):
            kept = (*kept, "nummod", "compound", "nmod", "amod", "quantmod")
        for c in head.children:
            if c.dep_ in kept and c != node:
                for t in c.subtree:
                    scope.add(t.i)
        node = head
    return scope


ROUND_WORDS = frozenset({"round", "funding", "financing", "fundraising", "fundraise"})
# verbs a firm raises money with (the round they govern is that firm's, said in the clause)
RAISING_VERBS = frozenset(
    {"raise", "net", "bag", "secure", "close", "complete", "land", "receive", "get", "announce"}
)
# ... those that raise money with an amount alone ("raised $600 million"); the others need
# a round ("closed its Series C round"), since "completed a $5 billion purchase" raises
# nothing
MONEY_RAISING_VERBS = frozenset({"raise", "net", "bag"})
_INVESTING_VERBS = frozenset({"invest", "participate"})


def story_round(trigger: Token) -> Token | None:
    """The round ``trigger`` speaks of when the sentence names no firm for it, so that it
    is the round the story reports: the trigger itself ("*the round* was led by X", "This
    was followed by *a round* from X"), the round it takes part in ("X took part in *the
    latest round*"), or an investment "alongside" another backer with no firm named
    ("A and B *invested* alongside X"). A round a raising verb governs ("raised $5m in
    the round led by X", "X closed the round") is that verb's subject's, so it is none of
    these, and so is a round whose firm is said ("Y's round", "a round in Y")."""
    if trigger.lemma_.lower() in _INVESTING_VERBS:
        preps = {
            c.lower_ for c in trigger.children
            if c.dep_ == "prep" and not any(_is_when(g) for g in c.children if g.dep_ == "pobj")
        }
        if "alongside" in preps and not preps & {"in", "into"}:
            return trigger
    noun = trigger if trigger.lemma_.lower() in ROUND_WORDS else None
    if noun is None:
        noun = next(
            (g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "in"
             for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in ROUND_WORDS),
            None,
        )
    if noun is None and trigger.dep_ == "dobj" and trigger.head.lemma_ in ("include", "feature"):
        # "the latest round includes investments from X"
        noun = next(
            (s for s in trigger.head.children
             if s.dep_ == "nsubj" and s.lemma_.lower() in ROUND_WORDS),
            None,
        )
    if noun is None:
        return None
    owned = any(
        c.dep_ == "poss"
        or (c.dep_ == "prep" and c.lower_ in ("in", "for", "of")
            # "a round in 2017" is dated, not owned
            and any(g.dep_ == "pobj" and not _is_when(g) for g in c.children))
        for c in noun.children
    )
    verb = governor(noun)
    raised_here = verb is not None and verb.lemma_.lower() in RAISING_VERBS
    return None if owned or raised_here else noun


def _is_when(token: Token) -> bool:
    return token.ent_type_ in ("DATE", "TIME") or token.like_num
