"""Titles: who leads, founded or works for an organisation.

A title ("chief executive", "analyst") is a relational noun: the person it is said
of and the organisation it belongs to, read from the parse (apposition, compounds,
"as" after an appointing verb, coordination), with appointments, departures and
successions read from the verb that carries it. When the sentence names no
organisation, the firm that says so, the state of a political leader, or the
company the story is about at that point is taken.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from sinograph.graph.model.ontology import EntityType, Predicate
from sinograph.loaders.extract.arguments import Bound
from sinograph.loaders.extract.coref import Cluster
from sinograph.loaders.extract.reader import SentenceReader
from sinograph.loaders.extract.rulebook import effective_type
from sinograph.loaders.extract.rules.schema import TitleEntry
from sinograph.loaders.extract.syntax import (
    actor_of,
    as_verb,
    attributed_source,
    is_negated,
    patient_of,
    post_of,
    prep_objects,
    relational_holder,
    relational_owner,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["TitleReader"]

_APPOINTING = frozenset(
    {"appoint", "name", "elect", "promote", "nominate", "tap", "pick", "choose", "select",
     "succeed", "replace", "become", "join", "take", "install", "hire", "reappoint"}
)  # fmt: skip
_SUCCEEDING = frozenset({"succeed", "replace"})
# Verbs by which a firm fills a post (a state's offices are won, not filled so).
_HIRING = frozenset({"appoint", "reappoint", "promote", "hire"})
_PARTS_OF_FIRMS = frozenset(
    {"team", "unit", "division", "department", "business", "operation", "segment", "lab",
     "laboratory", "arm", "branch", "office", "group", "practice", "desk", "research"}
)  # fmt: skip
# What a firm does, which a "head of" heads inside it ("Head of PR for X").
_FUNCTIONS_OF_FIRMS = frozenset(
    {"pr", "marketing", "sales", "communications", "strategy", "design", "engineering",
     "operations", "finance", "hr", "procurement", "partnerships", "product", "policy",
     "legal", "compliance", "investor", "technology", "brand", "growth", "development"}
)  # fmt: skip
_FORMER = frozenset({"former", "ex", "previous", "then", "outgoing", "erstwhile", "late"})
_ORG_TYPES = frozenset({EntityType.COMPANY, EntityType.GOVERNMENT_BODY, EntityType.ORGANIZATION})
_PLACE_TYPES = frozenset({EntityType.COUNTRY, EntityType.REGION})


# The bodies a title can be "of" on the way to the firm ("chairman of the *board* of X").
_BOARDS = frozenset({"board", "boards", "director", "directors", "supervisor", "supervisors"})


# Kin of a title's holder: "the son of the chairman" names a relative, not the chairman.
_KIN = frozenset(
    {"son", "daughter", "grandson", "granddaughter", "wife", "husband", "brother", "sister",
     "nephew", "niece", "father", "mother", "widow", "heir", "cousin", "child", "children"}
)


def _takes_over(verb: Token) -> bool:
    return verb.lemma_.lower() == "take" and any(
        c.dep_ == "prt" and c.lower_ == "over" for c in verb.children
    )


def _board_owners(head: Token) -> list[Token]:
    """The tokens naming whose board a title is of: "chairman of the board (of directors)
    of X", "chairman of X's board", "chairman of the X board"."""
    owners: list[Token] = []
    current = [head]
    for _ in range(3):
        boards = [t for c in current for t in prep_objects(c, ("of",)) if t.lower_ in _BOARDS]
        if not boards:
            break
        owners.extend(t for b in boards for t in relational_owner(b, preps=("of", "at")))
        current = boards
    return owners


# Words before a leading title that make its holder the second in post.
_SECOND = frozenset({"deputy", "vice", "assistant", "associate", "deputy-general"})


class TitleReader:
    """Reads the titles of the sentence a :class:`SentenceReader` reads."""

    def __init__(self, reader: SentenceReader) -> None:
        self.tree = reader.tree
        self.ps = reader.ps
        self.coref = reader.coref
        self.context = reader.context
        self.book = reader.book
        self.binder = reader.binder
        self.emit = reader.emit
        self.out = reader.out
        self.index = reader.index
        self.begin_char = reader.begin_char

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
                    if entry.predicate is Predicate.LEADS and i > 0 and words[i - 1] in _SECOND:
                        # "deputy head", "vice governor": the second in post works there;
                        # only the head leads
                        entry = entry.model_copy(
                            update={
                                "predicate": Predicate.WORKS_FOR,
                                "role": f"{words[i - 1]} {entry.role}",
                            }
                        )
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
                # "Chairman Kwak Jae-sun": a name's last part read as a noun is no title
                and self.binder.mention_cluster(head.head) is None
            ):
                continue  # "chief China economist": "chief" describes another title
            if (
                head.dep_ == "pobj"
                and head.head.lower_ == "of"
                and head.head.head.lemma_.lower() in _KIN
            ):
                continue  # "a grandson of the founder": the title's holder is not named
            verb = as_verb(head.head) if head.dep_ == "pobj" and head.head.lower_ == "as" else None
            if head.dep_ == "oprd" or (head.dep_ == "conj" and head.head.dep_ == "oprd"):
                verb = head.head if head.dep_ == "oprd" else head.head.head
            post = post_of(head)
            if verb is None and post is not None and post.head.head.pos_ == "VERB":
                verb = post.head.head  # "removed X from the post of governor"
            people: list[Bound] = []
            if verb is not None and verb.lemma_ in _APPOINTING and verb.lemma_ not in _SUCCEEDING:
                # "appointed A as chief executive and B as finance chief": each title goes
                # to the person named just before it
                people = self._person_before(start, verb)
            if not people:
                # "former directors X, Y and Z": a plural title is held by each of a list
                # ("X, Y and other executives" says nothing of whose executives they are)
                plural = head.tag_ == "NNS"
                if plural and any(c.lower_ == "other" for c in head.children):
                    continue
                holders = [
                    b for t in relational_holder(head) for b in self.binder.bind(t, expand=plural)
                ]
                people = [b for b in holders if b.cluster.type is EntityType.PERSON]
                if plural and people:
                    for b in holders:
                        if b.cluster.type is None:
                            b.cluster.type = EntityType.PERSON  # listed with people
                            people.append(b)
            framed = self._roster_person(start)  # "X, Vice President, Y"
            roster = not people and bool(framed)
            people = people or framed
            if not people:
                continue
            owners = self._roster_owner(end) if roster else []
            owners = owners or self._title_owners(head, entry, verb, people, start)
            if not owners and framed:
                owners = self._roster_owner(end)  # the same frame read as appositions
            if not owners:
                # "Tesla Co-Founder and Chief Executive Officer": the first title's firm
                owners = next(
                    (owners_at[c.i] for c in (head.head, *head.children) if c.i in owners_at),
                    [],
                )
                owners = [o for o in owners if effective_type(o) in _ORG_TYPES]
            # "president of the Asia division for Halden": the unit is no one we know, the
            # firm it belongs to employs the title's holder
            employer = self._employer_of_unit(head, owners)
            if not owners and not employer:
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
            if entry.predicate is Predicate.LEADS and self._heads_a_unit(head, owners):
                # "head of the company's AI team": works for the firm, does not lead it
                entry = entry.model_copy(update={"predicate": Predicate.WORKS_FOR})
            for person in people:
                for owner in owners:
                    self._title_fact(person.cluster, owner, entry, head, departure, appointed)
            if employer:
                works = entry.model_copy(update={"predicate": Predicate.WORKS_FOR})
                for person in people:
                    for firm in employer:
                        self._title_fact(person.cluster, firm, works, head, departure, appointed)
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
            predecessors: Iterable[Token] = ()
            if succession is not None:
                predecessors = patient_of(succession)
            elif verb is not None and _takes_over(verb):
                # "X took over as chief executive from Y": Y held the post before
                predecessors = [
                    t
                    for prep in (*verb.children, *head.children)
                    if prep.dep_ == "prep" and prep.lower_ == "from"
                    for t in prep.children
                ]
            for token in predecessors:
                for prior in self.binder.bind(token):
                    if prior.cluster.type is EntityType.PERSON:
                        for owner in owners:
                            self._title_fact(prior.cluster, owner, entry, head, True, False)

    def _roster_person(self, start: int) -> list[Bound]:
        """ "Anna Berg, Vice President, Norvik Group": in a roster item the person is
        named just before the comma that opens the title."""
        doc = self.tree.doc
        k = start - 1
        while (
            k > start - 6
            and k > 0
            and doc[k].text != ","
            and self.binder.mention_cluster(doc[k]) is None
            and (doc[k].lower_ == "and" or doc[k].text[:1].isupper() or doc[k].text == "-")
        ):
            k -= 1  # "Anna Berg, Co-Founder and CEO, ...": the second title of a pair
        if k < 1 or doc[k].text != ",":
            return []
        token = doc[k - 1]
        cluster = self.binder.mention_cluster(token)
        if cluster is None or cluster.type is not EntityType.PERSON:
            return []
        return [Bound(cluster, token, "roster")]

    def _roster_owner(self, end: int) -> list[Cluster]:
        """The organisation right after the comma that closes a roster item's titles
        ("Co-Founder and CEO, Tallis Robotics")."""
        doc = self.tree.doc
        k = end
        while k < len(doc) and k < end + 8 and doc[k].text != ",":
            if doc[k].is_punct or self.binder.mention_cluster(doc[k]) is not None:
                return []
            k += 1
        if k + 1 >= len(doc) or doc[k].text != ",":
            return []
        cluster = self.binder.mention_cluster(doc[k + 1])
        if cluster is None or effective_type(cluster) not in _ORG_TYPES:
            return []
        return [cluster]

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
            if token.pos_ != "VERB" or is_negated(token):
                continue
            if token.lemma_ in _SUCCEEDING:
                replaced = patient_of(token)
            elif _takes_over(token):
                # "Y would take over from X"
                replaced = [
                    o
                    for c in token.children
                    if c.dep_ == "prep" and c.lower_ == "from"
                    for o in c.children
                    if o.dep_ == "pobj"
                ]
            else:
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
                for t in replaced
                for b in self.binder.bind(t, expand=False)
                if b.cluster.type is EntityType.PERSON
            ]
            for new in successors:
                for old in predecessors:
                    if new.id != old.id:
                        self.context.successions.append((new.id, old.id, self.index))
            if not successors and predecessors:
                self._replaced_in_post(token, predecessors)

    def _replaced_in_post(self, verb: Token, predecessors: list[Cluster]) -> None:
        """ "X has appointed a new chairman, replacing Y": Y held the post at X."""
        appointing = verb.head
        if verb.dep_ not in ("advcl", "xcomp", "conj") or appointing.lemma_ not in _APPOINTING:
            return
        post = next((c for c in appointing.children if c.dep_ == "dobj"), None)
        if post is None:
            return
        entry = next(
            (e for start, end, e in self.titles() if start <= post.i < end), None
        )
        if entry is None:
            return
        firms = [
            b.cluster
            for t in actor_of(appointing)
            for b in self.binder.bind(t, expand=False)
            if effective_type(b.cluster) is EntityType.COMPANY
        ]
        for firm in firms:
            for person in predecessors:
                self._title_fact(person, firm, entry, post, True, False)

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
            return [c for c in clusters if c.id not in person_ids and effective_type(c) in allowed]

        def bound(tokens: Iterable[Token], *, expand: bool = True) -> list[Cluster]:
            return keep(b.cluster for t in tokens for b in self.binder.bind(t, expand=expand))

        found: list[Cluster] = []
        if start >= 2 and doc[start - 1].lower_ in ("'s", "\u2019s"):
            # "X's general director": the possessor right before the title, whatever
            # the parser attached to it
            found = bound([doc[start - 2]], expand=False)
        stated: list[Token] = []
        if not found:
            # "chief executive of X", "the X chief executive"
            stated = relational_owner(head, preps=("of", "at", "for", "with", "in"))
            found = bound(stated)
        if not found:
            # "chairman of the board of directors of X", "chairman of X's board"
            found = bound(_board_owners(head))
        if not found:
            # "Tesla Co-Founder", "Didi's chief executive": a name right before the title
            k = start - 1
            if k >= 0 and doc[k].lower_ in ("'s", "\u2019s"):
                k -= 1
            if k >= 3 and doc[k].text == ")" and doc[k - 2].text == "(":
                k -= 3  # "Council of Agriculture (COA) Minister X": past the acronym
            if k >= 0:
                found = bound([doc[k]], expand=False)
        if not found:
            # "the chairman and party secretary of the CSRC": the second title's owner
            found = bound(
                t for conj in head.conjuncts for t in relational_owner(conj, preps=("of", "at"))
            )
        if not found and any(
            t.i > head.i and t.pos_ == "PROPN" and not self._holds(t, person_ids) for t in stated
        ):
            # "managing director at grain trader Feldmark": the title's own body is
            # named and is no organisation we know; the firms around it are not it
            return []
        if not found and verb is not None:
            # "joined Norvik as chief executive"; "Norvik named X as chairman" (a firm
            # appoints its own people; a state council appoints someone else's)
            found = bound(patient_of(verb))
            if not found:
                found = [
                    c for c in bound(actor_of(verb)) if effective_type(c) is EntityType.COMPANY
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
        if not found and (
            entry.public
            or (
                # "President Lee imposed tariffs, the Ledger reports": an office of
                # state written before a name
                entry.political
                and doc[start].text[:1].isupper()
                and any(head.i < p.token.i <= head.i + 3 for p in people)
            )
        ):
            # "Governor Ana Ruiz", "Prime Minister Ben Walsh": a public office is not
            # held in a firm nearby, nor in the outlet that reports it; an office of
            # state is the state's
            return self._state_of(people) if entry.political else []
        if not found:
            # "Norvik said X had resigned as chief executive": the firm that says so
            found = [
                c
                for c in bound(attributed_source(head), expand=False)
                if effective_type(c) is EntityType.COMPANY
            ]
        if (
            not found
            and entry.political
            # "X was appointed as president": a post a firm fills by hiring is the
            # firm's, not the state's
            and not (verb is not None and verb.lemma_ in _HIRING and doc[start].is_lower)
        ):
            found = self._state_of(people)
        if not found and entry.predicate in (Predicate.LEADS, Predicate.FOUNDED):
            found = self._focus_company(person_ids, head)
        return found

    def _employer_of_unit(self, head: Token, owners: list[Cluster]) -> list[Cluster]:
        """ "general manager of the Cloud Group at Halden Corp", "president of the Asia
        division for Halden": the unit's firm employs the title's holder too."""
        owner_ids = {o.id for o in owners}
        found: list[Cluster] = []
        for unit in relational_owner(head, preps=("of",)):
            for firm in prep_objects(unit, ("at", "for")) or prep_objects(head, ("at",)):
                for b in self.binder.bind(firm, expand=False):
                    if (
                        b.cluster.id not in owner_ids
                        and effective_type(b.cluster) is EntityType.COMPANY
                        and b.cluster not in found
                    ):
                        found.append(b.cluster)
        return found

    def _holds(self, token: Token, person_ids: set[int]) -> bool:
        """Whether ``token`` names one of the title's holders ("Prime Minister *X*")."""
        cluster = self.binder.mention_cluster(token)
        return cluster is not None and cluster.id in person_ids

    def _heads_a_unit(self, head: Token, owners: list[Cluster]) -> bool:
        """ "head of the firm's chip design team", "Head of PR for X": the title is of a
        part or a function of the firm; "its India head", "Europe chief", "head of China
        operations": of a firm's business in one place (a state's "US President" leads
        it)."""
        firms = bool(owners) and all(effective_type(o) is EntityType.COMPANY for o in owners)
        if firms and any(
            c.dep_ in ("compound", "amod", "nmod")
            and c.i < head.i
            and (place := self.binder.mention_cluster(c)) is not None
            and effective_type(place) in _PLACE_TYPES
            for c in head.children
        ):
            return True
        return any(
            (t.pos_ == "NOUN" and t.lemma_.lower() in _PARTS_OF_FIRMS)
            or (t.lower_ in _FUNCTIONS_OF_FIRMS and t.head.lower_ == "of")
            for t in [
                *relational_owner(head, preps=("of", "at", "for")),
                *prep_objects(head, ("of", "for")),
            ]
            if self.binder.mention_cluster(t) is None
        )

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
                and effective_type(cluster) in _ORG_TYPES
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
            if cluster is not None and effective_type(cluster) in _ORG_TYPES:
                return []
        country = self.coref.find(self.context.home_country, EntityType.COUNTRY)
        return [country] if country is not None else []
