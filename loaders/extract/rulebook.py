"""The rule tables indexed for matching: rules by trigger word, titles by phrase, and the
words every rule reads through."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from sinograph.graph.model.ontology import EntityType
from sinograph.loaders.extract.coref import Cluster
from sinograph.loaders.extract.rules.schema import Rule, TitleEntry, load_rule_tables

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["RuleBook", "effective_type", "pos_ok", "rule_book", "verb_triggers"]

_VERB_POS = frozenset({"VERB", "AUX"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_ADJ_POS = frozenset({"ADJ", "VERB", "NOUN", "PROPN"})


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
            for variant in _title_variants(entry.phrase.lower()):
                titles.setdefault(variant, entry)
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


@lru_cache(maxsize=1)
def verb_triggers() -> frozenset[str]:
    """Every word a verb rule triggers on ("buy", "acquire", "sell"...), and the verbs
    that end a post ("step", "resign"): the news verbs a headline capitalises."""
    book = rule_book()
    return frozenset(w for r in book.rules if r.pos == "verb" for w in r.trigger) | book.departures


def _title_variants(phrase: str) -> list[tuple[str, ...]]:
    """A title as written and hyphenated: the parser splits "co-founder" into "co", "-",
    "founder", and "vice president" is also written "vice-president"."""
    words = phrase.replace("-", " - ").split()
    variants = [tuple(phrase.split()), tuple(words)]
    for k in range(1, len(words)):
        if words[k - 1] != "-" and words[k] != "-":
            variants.append((*words[:k], "-", *words[k:]))
    # "former directors X, Y and Z": the plural names a title each of them holds
    plurals = [(*v[:-1], _plural(v[-1])) for v in variants if v[-1][-1:].isalpha()]
    return variants + plurals


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def pos_ok(rule: Rule, token: Token) -> bool:
    """Whether ``token`` has the part of speech ``rule`` triggers on."""
    if rule.pos == "verb":
        # "U.S.-based" kept as one adjective token; "would remain headquartered in X":
        # a participle the tagger calls an adjective after a copula
        return token.pos_ in _VERB_POS or (
            token.pos_ == "ADJ"
            and ("-" in token.text[1:] or token.dep_ == "acomp" and token.lower_.endswith("ed"))
        )
    if rule.pos == "name":
        return False  # applied to names, not words
    if rule.pos == "noun":
        # "its rival X": a relational noun tagged as an adjective before a name; "led a
        # 500 million yuan funding *round*": a noun in an object's place tagged as an adverb
        return (
            token.pos_ in _NOUN_POS
            or (token.pos_ == "ADJ" and token.dep_ == "amod")
            or (token.pos_ == "ADV" and token.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass"))
        )
    return token.pos_ in _ADJ_POS


def effective_type(cluster: Cluster) -> EntityType | None:
    """A cluster's type; an untyped name counts as a company."""
    if cluster.type is not None:
        return cluster.type
    return EntityType.COMPANY if cluster.named else None
