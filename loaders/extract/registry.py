"""The entity registry: known companies, bodies, people and products with their aliases.

The shipped registry is ``loaders/data/registry.jsonl``; a user extends it with a
file of the same format (one JSON object a line: ``name``, ``type``, ``aliases``,
``name_zh``, ``tickers``, ``country``, ``description``). Later entries with the
same type and name extend earlier ones.

>>> registry = Registry.from_entries([
...     RegistryEntry(name="Norvik Mining Group", type="Company", aliases=("Norvik",))])
>>> words = ["Norvik", "bought", "it"]
>>> [m.entry.name for m in registry.matcher.match([w.lower() for w in words], words)]
['Norvik Mining Group']
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from sinograph.graph.model.errors import InvalidInput
from sinograph.graph.model.identifiers import validate_identifiers
from sinograph.graph.model.ids import entity_id, normalize_name
from sinograph.graph.model.ontology import EntityType
from sinograph.loaders.extract.cues import word_set
from sinograph.loaders.extract.gazetteer import PLACES
from sinograph.loaders.extract.tokens import tokenize

__all__ = ["AliasMatch", "AliasMatcher", "Registry", "RegistryEntry"]

_SHIPPED = "registry.jsonl"
_MAX_ALIAS_TOKENS = 12

# Lower-case words that are also short names: matched only with the case as written.
_CASE_SENSITIVE_WORDS = word_set(
    """us it its am an as at be by do go he if in is me my no of on or so to up we ram one man art
    sun apple amazon snap block square target shell visa gap next box meta ford jeep opel"""
)


class RegistryEntry(BaseModel):
    """One known entity, as written in a registry file."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    name: str = Field(min_length=1, max_length=300)
    type: EntityType
    aliases: tuple[str, ...] = ()
    name_zh: str | None = None
    tickers: tuple[str, ...] = ()
    identifiers: dict[str, str] = Field(default_factory=dict)
    country: str | None = None
    description: str | None = None

    @field_validator("identifiers")
    @classmethod
    def _identifiers(cls, value: dict[str, str]) -> dict[str, str]:
        return validate_identifiers(value)

    @field_validator("aliases", "tickers", mode="before")
    @classmethod
    def _strings(cls, value: object) -> object:
        if value is None:
            return ()
        return value

    @property
    def id(self) -> str:
        return entity_id(self.type, self.name)


@dataclass(frozen=True, slots=True)
class AliasMatch:
    """A registry or gazetteer entry found at tokens ``[start, end)``."""

    start: int
    end: int
    entry: RegistryEntry
    surface: str
    from_registry: bool


@dataclass(frozen=True, slots=True)
class _Form:
    words: tuple[str, ...]
    entry: RegistryEntry
    case_sensitive: tuple[str, ...] | None
    from_registry: bool
    lower_written: bool = False


class AliasMatcher:
    """Longest-match lookup of known surface forms over a token sequence."""

    def __init__(self) -> None:
        self._by_first: dict[str, list[_Form]] = {}

    def add(self, surface: str, entry: RegistryEntry, *, from_registry: bool) -> None:
        words = tuple(t.lower for t in tokenize(surface))
        if not words or len(words) > _MAX_ALIAS_TOKENS:
            return
        texts = tuple(t.text for t in tokenize(surface))
        exact = len(words) == 1 and (
            (texts[0].isupper() and len(texts[0]) <= 5) or words[0] in _CASE_SENSITIVE_WORDS
        )
        lower_written = texts[0][:1].islower()
        form = _Form(words, entry, texts if exact else None, from_registry, lower_written)
        bucket = self._by_first.setdefault(words[0], [])
        # A registry form replaces a gazetteer form with the same words.
        for i, old in enumerate(bucket):
            if old.words == words:
                if from_registry or not old.from_registry:
                    bucket[i] = form
                return
        bucket.append(form)
        bucket.sort(key=lambda f: -len(f.words))

    def match(self, lowers: Sequence[str], texts: Sequence[str]) -> list[AliasMatch]:
        """Non-overlapping longest matches, left to right."""
        found: list[AliasMatch] = []
        i = 0
        n = len(lowers)
        while i < n:
            hit = self._match_at(lowers, texts, i, n)
            if hit is None:
                i += 1
                continue
            found.append(hit)
            i = hit.end
        return found

    def _match_at(
        self, lowers: Sequence[str], texts: Sequence[str], i: int, n: int
    ) -> AliasMatch | None:
        for form in self._by_first.get(lowers[i], ()):
            size = len(form.words)
            if i + size > n or tuple(lowers[i : i + size]) != form.words:
                continue
            if form.case_sensitive is not None:
                if tuple(texts[i : i + size]) != form.case_sensitive:
                    continue
            elif form.words[0][:1].isalpha() and not _capitalised(texts[i]):
                # "apple" is not Apple; aliases written in lower case match as written.
                if texts[i][:1] != form.words[0][:1] or _has_upper(form.entry.name):
                    continue
            elif form.lower_written and i > 0:
                # "gold" the commodity is not "Kaseba Gold" the mine: a common noun written
                # in lower case matches a capital only at the start of a sentence.
                continue
            surface = " ".join(texts[i : i + size])
            return AliasMatch(i, i + size, form.entry, surface, form.from_registry)
        return None


def _capitalised(text: str) -> bool:
    return text[:1].isupper() or text[:1].isdigit() or any(c.isupper() for c in text[1:3])


def _has_upper(text: str) -> bool:
    return any(c.isupper() for c in text)


class Registry:
    """Known entities and a matcher over their surface forms (plus the gazetteer)."""

    def __init__(self, entries: Iterable[RegistryEntry]) -> None:
        merged: dict[str, RegistryEntry] = {}
        for entry in entries:
            old = merged.get(entry.id)
            if old is not None:
                entry = old.model_copy(
                    update={
                        "aliases": tuple(dict.fromkeys((*old.aliases, *entry.aliases))),
                        "tickers": tuple(dict.fromkeys((*old.tickers, *entry.tickers))),
                        "identifiers": {**old.identifiers, **entry.identifiers},
                        "name_zh": entry.name_zh or old.name_zh,
                        "country": entry.country or old.country,
                        "description": entry.description or old.description,
                    }
                )
            merged[entry.id] = entry
        self.entries: dict[str, RegistryEntry] = merged
        self.by_name: dict[str, RegistryEntry] = {}
        self.matcher = AliasMatcher()
        for place in PLACES:
            entry = RegistryEntry(
                name=place.name, type=place.type, aliases=place.aliases, country=place.country
            )
            for surface in (place.name, *place.aliases):
                self.matcher.add(surface, entry, from_registry=False)
        for entry in merged.values():
            for surface in (entry.name, *entry.aliases):
                self.matcher.add(surface, entry, from_registry=True)
                self.by_name.setdefault(normalize_name(surface), entry)

    def __len__(self) -> int:
        return len(self.entries)

    def lookup(self, name: str) -> RegistryEntry | None:
        """The entry one of whose forms is ``name`` (normalised), if any."""
        return self.by_name.get(normalize_name(name))

    @classmethod
    def from_entries(cls, entries: Iterable[RegistryEntry]) -> Registry:
        return cls(entries)

    @classmethod
    def load(cls, extra_file: str | None = None) -> Registry:
        """The shipped registry, extended by ``extra_file`` (JSON Lines) when given.

        Raises :class:`InvalidInput` naming the file and line of a bad entry.
        """
        entries: list[RegistryEntry] = []
        shipped = resources.files("sinograph.loaders") / "data" / _SHIPPED
        if shipped.is_file():
            entries.extend(_parse_lines(shipped.read_text(encoding="utf-8"), "registry.jsonl"))
        if extra_file:
            path = Path(extra_file)
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise InvalidInput(f"{extra_file}: cannot read registry file: {exc}") from None
            entries.extend(_parse_lines(text, extra_file))
        return cls(entries)


def _parse_lines(text: str, origin: str) -> list[RegistryEntry]:
    entries: list[RegistryEntry] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InvalidInput(f"{origin}:{number}: not valid JSON: {exc.msg}") from None
        if not isinstance(data, dict):
            raise InvalidInput(f"{origin}:{number}: expected a JSON object")
        if isinstance(data.get("type"), str):
            data["type"] = _label(data["type"], origin, number)
        try:
            entries.append(RegistryEntry.model_validate(data))
        except ValidationError as exc:
            problem = "; ".join(
                f"{'.'.join(str(p) for p in err['loc']) or 'entry'}: {err['msg']}"
                for err in exc.errors()
            )
            raise InvalidInput(f"{origin}:{number}: {problem}") from None
    return entries


def _label(value: str, origin: str, number: int) -> str:
    wanted = value.strip().lower()
    for label in EntityType:
        if label.value.lower() == wanted:
            return label.value
    raise InvalidInput(f"{origin}:{number}: unknown entity type {value!r}")
