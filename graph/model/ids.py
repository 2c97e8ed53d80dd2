"""Stable identifiers derived from content, so that the same input always gives the same ids."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from sinograph.graph.model.ontology import EntityType, Predicate

__all__ = [
    "entity_id",
    "fact_key",
    "metric_id",
    "normalize_name",
    "story_id",
    "text_hash",
]

# Letters and digits of every script survive (Latin, CJK, Cyrillic, Arabic, Hebrew...).
_NON_WORD = re.compile(r"[\W_]+")
_POSSESSIVE = re.compile(r"[\u2019'`]s\b")
# A name already in normal form: a bulk load normalises the same names again and again,
# more of them than the cache holds.
_NORMAL_ASCII = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*")


@lru_cache(maxsize=1 << 17)  # names recur across a load's batches and its alias rows
def normalize_name(name: str) -> str:
    """Fold case, accents, punctuation and a leading article, for matching names.

    >>> normalize_name("Cantech S.à r.l.")
    'cantech s a r l'
    >>> normalize_name("The  Zijin Mining Group's")
    'zijin mining group'
    >>> normalize_name("ПАО «Газпром»")
    'пао газпром'
    """
    if _NORMAL_ASCII.fullmatch(name) and not name.startswith("the "):
        return name
    if name.isascii():
        text = name.lower()  # nothing to decompose: a measurable share of bulk loads
    else:
        text = unicodedata.normalize("NFKD", name)
        text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = _POSSESSIVE.sub("", text)
    text = _NON_WORD.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


def entity_id(entity_type: EntityType, name: str) -> str:
    """Stable entity id from its type and normalised canonical name.

    >>> entity_id(EntityType.COMPANY, "Zijin Mining Group")
    'company:zijin-mining-group'
    """
    slug = normalize_name(name).replace(" ", "-")
    if not slug:
        # Names with no letters or digits at all still need a stable id.
        slug = "x" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:12]
    return f"{entity_type.value.lower()}:{slug}"


def fact_key(subject: str, predicate: Predicate, obj: str, date: str | None) -> str:
    """Stable fact key from subject, predicate, object and date.

    >>> fact_key("company:a", Predicate.OWNS, "company:b", None)[:5]
    'fact:'
    """
    raw = "\x1f".join([subject, predicate.value, obj, date or ""])
    return "fact:" + hashlib.sha256(raw.encode("utf-8")).hexdigest()[:20]


def metric_id(subject: str, name: str, period: str | None, reported_by: str | None) -> str:
    """Stable metric id from what is measured, about whom, for when and by whom."""
    raw = "\x1f".join([subject, normalize_name(name), period or "", reported_by or ""])
    return "metric:" + hashlib.sha256(raw.encode("utf-8")).hexdigest()[:20]


def text_hash(text: str) -> str:
    """SHA-256 of a story's text, to recognise the same story loaded again."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def story_id(url: str | None, text_digest: str) -> str:
    """A story is identified by its URL when it has one, else by its text."""
    basis = url.strip() if url and url.strip() else text_digest
    return "story:" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:20]
