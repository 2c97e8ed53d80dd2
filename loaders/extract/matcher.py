"""The one engine that applies the rule tables to a parsed sentence: every token that
triggers a rule is read by :class:`~loaders.extract.reader.SentenceReader`, and the
sentence's titles by :class:`~loaders.extract.titles.TitleReader`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sinograph.graph.model.ontology import EntityType
from sinograph.loaders.extract.candidate import Candidate
from sinograph.loaders.extract.context import StoryContext
from sinograph.loaders.extract.coref import Coreference
from sinograph.loaders.extract.reader import MAX_FACTS_PER_SENTENCE, SentenceReader
from sinograph.loaders.extract.rulebook import RuleBook, pos_ok, rule_book
from sinograph.loaders.extract.syntax import lemma_forms
from sinograph.loaders.extract.titles import TitleReader

if TYPE_CHECKING:
    from spacy.tokens import Token

    from sinograph.loaders.extract.document import ParsedSentence
    from sinograph.loaders.extract.parse import SentenceTree

__all__ = ["MAX_FACTS_PER_SENTENCE", "RuleBook", "StoryContext", "rule_book", "sentence_facts"]


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
    reader = SentenceReader(tree, ps, index, coref, book, context or StoryContext())
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
                if rule.id in seen or not pos_ok(rule, token):
                    continue
                if rule.pos == "noun" and _inside_a_firms_name(tree, ps, token):
                    continue
                seen.add(rule.id)
                reader.apply(rule, token)
        if len(reader.out) >= MAX_FACTS_PER_SENTENCE:
            break
    titles = TitleReader(reader)
    titles.title_facts()
    titles.successions()
    return reader.out[:MAX_FACTS_PER_SENTENCE]


_FIRM_TYPES = frozenset(
    {EntityType.COMPANY, EntityType.ORGANIZATION, EntityType.INVESTOR_GROUP}
)


def _inside_a_firms_name(tree: SentenceTree, ps: ParsedSentence, token: Token) -> bool:
    """ "Sable *Partners*", "Juniper *Capital*": a capitalised word of a firm's name is
    the name, not the noun a rule is triggered by."""
    k = tree.mention[token.i]
    if k < 0 or not token.text[:1].isupper():
        return False
    mention = ps.mentions[k]
    return mention.named and mention.type in _FIRM_TYPES
