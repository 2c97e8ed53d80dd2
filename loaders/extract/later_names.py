"""Names a later sentence gives to a noun that named nobody when it was used.

Wire copy often states an act first and its names after: "Washington blacklisted three
firms on Monday. ... The three firms are A, B and C." or "X unveiled a new AI model. ...
The model, called Orion, ...". The relation rules bind such a noun (a plural of firms or
people, or a product introduced with "a") to the names one of the next few sentences gives
it; a count before the plural must agree with a roster that lists them all ("The three
firms are A, B and C"), not with one that "includes" some of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sinograph.graph.model.ontology import EntityType
from sinograph.loaders.extract.coref import Cluster, Coreference
from sinograph.loaders.extract.cues import COUNT_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from sinograph.loaders.extract.document import ParsedSentence

__all__ = ["named_later", "spelled_out_later"]

# Plural nouns a later roster sentence may spell out, with what they can name.
_FIRMS = (EntityType.COMPANY, None, EntityType.ORGANIZATION)
_ROSTER_NOUNS: dict[str, tuple[EntityType | None, ...]] = {
    "company": _FIRMS,
    "firm": _FIRMS,
    "entity": (*_FIRMS, EntityType.ORGANIZATION, EntityType.PERSON),
    "business": _FIRMS,
    "supplier": _FIRMS,
    "bank": _FIRMS,
    "individual": (EntityType.PERSON,),
    "executive": (EntityType.PERSON,),
}
_ROSTER_VERBS = frozenset({"are", "were", "include", "included", "includes", "comprise"})
_ROSTER_REACH = 6  # sentences after the plural noun
_NAMEABLE_PRODUCTS = frozenset(
    {"model", "chatbot", "assistant", "app", "platform", "chip", "processor", "smartphone",
     "phone", "car", "vehicle", "suv", "sedan", "drug", "vaccine", "game", "system"}
)  # fmt: skip
_NAMING_WORDS = frozenset({"named", "called", "dubbed", "branded", "christened"})
_NAMING_REACH = 3  # sentences after the unnamed product
# a count of two or more, in words or digits ("four companies", "12 firms")
_COUNTS = {w: n for w, n in COUNT_WORDS.items() if n >= 2} | {str(n): n for n in range(2, 100)}


def spelled_out_later(
    token: Token, index: int, coref: Coreference, at: int = -1
) -> list[Cluster]:
    """The names a roster sentence after sentence ``index`` lists for the plural ``token``
    ("four companies" ... "The affected companies are A, B, C and D"), or none; with
    ``at`` (the noun's place among sentence ``index``'s tokens) the rest of its own
    sentence is read first."""
    kinds = _ROSTER_NOUNS.get(token.lemma_.lower())
    if kinds is None or token.tag_ != "NNS":
        return []
    count = next((_COUNTS.get(c.lower_) for c in token.children if c.dep_ == "nummod"), None)
    first = index if at >= 0 else index + 1
    for later in coref.sentences[first : index + 1 + _ROSTER_REACH]:
        # "The entities blacklisted under the order are: A, B and C": the roster may follow
        # the plural in its own sentence
        own = at if later is coref.sentences[index] else -1
        clusters, complete = _roster(later, token.lower_, kinds, coref, at=own)
        if clusters:
            # "are" lists them all, so the count must agree; "include" lists some
            return clusters if count is None or not complete or count == len(clusters) else []
    return []


def named_later(token: Token, index: int, coref: Coreference) -> list[Cluster]:
    """The name a sentence after ``index`` gives the product noun ``token`` introduced with
    "a" ("a new model" ... "the model named Orion"), or none."""
    if (
        token.tag_ != "NN"
        or token.lemma_.lower() not in _NAMEABLE_PRODUCTS
        or not any(c.lower_ in ("a", "an") for c in token.children if c.dep_ == "det")
    ):
        return []
    for later in coref.sentences[index + 1 : index + 1 + _NAMING_REACH]:
        tokens = later.tokens
        starts = {m.start: m for m in later.mentions}
        for k in range(len(tokens) - 2):
            if tokens[k].lower != token.lower_:
                continue
            j = k + 1 + (tokens[k + 1].text == ",")
            if j < len(tokens) and tokens[j].lower in _NAMING_WORDS:
                m = starts.get(j + 1)
                cluster = coref.of(m) if m is not None else None
                if cluster is not None and cluster.type in (EntityType.PRODUCT, None):
                    return [cluster]
    return []


def _roster(
    ps: ParsedSentence,
    noun: str,
    kinds: tuple[EntityType | None, ...],
    coref: Coreference,
    *,
    at: int = -1,
) -> tuple[list[Cluster], bool]:
    """The names a roster sentence lists ("The [affected] companies are A, B and C",
    "companies added to the list include A and B"), and whether it lists them all;
    ``at`` (a token index) reads only the plural noun found there."""
    tokens = ps.tokens
    if at >= 0:
        head = at if at < len(tokens) and tokens[at].lower == noun else -1
    else:
        head = next((k for k in range(ps.begin, len(tokens)) if tokens[k].lower == noun), -1)
    if head < 0:
        return [], False
    verb = next(
        (k for k in range(head + 1, min(len(tokens), head + 10))
         if tokens[k].lower in _ROSTER_VERBS),
        -1,
    )  # fmt: skip
    if verb < 0 or any(head < m.start < verb for m in ps.mentions):
        return [], False  # a name between the noun and its verb: not this roster
    start = tokens[verb].start
    out: list[Cluster] = []
    complete = tokens[verb].lower in ("are", "were")
    for m in ps.mentions:
        if ps.tokens[m.start].start < start:
            continue
        cluster = coref.of(m)
        if cluster is not None and cluster.type in kinds:
            if cluster not in out:
                out.append(cluster)
            continue
        if m.modifies_next(tokens):
            continue  # "are US-based A, B and UK-based C": where each one is from
        if len(out) < 2:
            return [], False  # a place or a date in the list: not a plain roster
        complete = False  # "... and C, along with units in Japan": the roster ended
        break
    return (out, complete) if len(out) >= 2 else ([], False)
