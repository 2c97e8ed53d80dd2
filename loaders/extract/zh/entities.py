"""The entities one story names: registry entries (their canonical name and id) and
new names, which keep their Chinese name as name and ``name_zh``.

>>> from sinograph.loaders.extract.registry import Registry, RegistryEntry
>>> table = EntityTable(Registry.from_entries([RegistryEntry(
...     name="CATL", type="Company", name_zh="宁德时代")]))
>>> table.get(table.add("宁德时代新能源科技股份有限公司", EntityType.COMPANY)).name
'CATL'
>>> table.get(table.add("欣旺达", EntityType.COMPANY)).name_zh
'欣旺达'
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sinograph.graph.model.domain import Entity
from sinograph.graph.model.ids import normalize_name
from sinograph.graph.model.ontology import EntityType
from sinograph.loaders.extract.registry import Registry, RegistryEntry
from sinograph.loaders.extract.zh.lexicon import INDUSTRY_SUFFIXES
from sinograph.loaders.extract.zh.names import ChineseNames, has_han, strip_legal_form
from sinograph.loaders.extract.zh.segment import is_dictionary_word, tag_words

__all__ = ["EntityTable", "StoryEntity", "short_forms"]


@dataclass(slots=True)
class StoryEntity:
    """One entity of the story and every surface form it was named by."""

    index: int
    name: str
    type: EntityType
    entry: RegistryEntry | None = None
    surfaces: list[str] = field(default_factory=list)
    # A Latin name or a quoted name whose type a relation may still settle.
    flexible: bool = False

    @property
    def name_zh(self) -> str | None:
        if self.entry is not None:
            return self.entry.name_zh or next((s for s in self.surfaces if has_han(s)), None)
        return self.name if has_han(self.name) else None

    def to_entity(self) -> Entity:
        aliases = [s for s in self.surfaces if s and len(s) <= 200]
        if self.entry is not None:
            e = self.entry
            return Entity(
                name=e.name,
                type=e.type,
                aliases=(*aliases, *e.aliases),
                name_zh=self.name_zh,
                country=e.country,
                tickers=e.tickers,
                description=e.description,
            )
        return Entity(name=self.name, type=self.type, aliases=tuple(aliases), name_zh=self.name_zh)


class EntityTable:
    """Story entities, found again by any surface form already seen in the story."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.names = ChineseNames.build(registry)
        self.entities: list[StoryEntity] = []
        self.surfaces: dict[str, int] = {}
        self._by_key: dict[tuple[str, str], int] = {}
        # Lengths of the Han surfaces seen so far, by first character, for longest match.
        self.lengths: dict[str, list[int]] = {}
        # Every surface in the order it was first seen (a reading can tell what is new).
        self.order: list[str] = []
        # A plant or a product named after its firm ("宁德时代匈牙利工厂", "腾讯混元"): the firm.
        self.owner: dict[int, int] = {}
        # A good qualified by its origin ("欧盟白兰地", "中国电动汽车"): the plain good.
        self.plain_good: dict[int, int] = {}

    def get(self, index: int) -> StoryEntity:
        return self.entities[index]

    def known(self, entry: RegistryEntry, surface: str) -> int:
        """The story entity of a registry entry named ``surface``."""
        key = ("registry", entry.id)
        index = self._by_key.get(key)
        if index is None:
            index = self._new(entry.name, entry.type, entry)
            self._by_key[key] = index
        self._see(index, surface)
        return index

    def add(self, surface: str, kind: EntityType, *, flexible: bool = False) -> int:
        """The story entity named ``surface``: a form seen before, a registry name, or new."""
        index = self.surfaces.get(surface)
        if index is not None:
            return index
        entry = self.names.lookup(surface) if has_han(surface) else self.registry.lookup(surface)
        if entry is not None:
            return self.known(entry, surface)
        key = (kind.value, normalize_name(surface) or surface)
        index = self._by_key.get(key)
        if index is None:
            index = self._new(surface, kind, None)
            self.entities[index].flexible = flexible
            self._by_key[key] = index
            if kind is EntityType.COMPANY:
                for short in short_forms(surface):
                    if short not in self.surfaces and self.names.lookup(short) is None:
                        self._see(index, short)
        self._see(index, surface)
        return index

    def whole(self, surface: str, kind: EntityType) -> int:
        """The entity named ``surface`` whole, even where an earlier reading took part of it
        for another name ("Norvik Co. Ltd." read as "Norvik Co." and "Ltd.")."""
        index = self.add(surface, kind)
        if self.entities[index].name != surface and self.entities[index].entry is None:
            index = self._new(surface, kind, None)
            self._see(index, surface)
        return index

    def alias(self, surface: str, index: int) -> None:
        """``surface`` names entity ``index`` from here on ("以下简称…")."""
        self._see(index, surface)

    def retype(self, index: int, kind: EntityType) -> None:
        """Settle the type of a flexible entity (a Latin name that turns out a product)."""
        entity = self.entities[index]
        if entity.flexible and entity.entry is None:
            entity.type = kind
            entity.flexible = False

    def recast(self, index: int, kind: EntityType) -> None:
        """A name the story made itself (not the registry's) whose context shows another
        kind: a dashed product name, a known body's branch found by its suffix."""
        entity = self.entities[index]
        if entity.entry is None:
            entity.type = kind
            entity.flexible = False

    def goods_after_all(self, index: int) -> None:
        """A name the story made a firm of ("联网汽车") that its context shows is goods."""
        self.recast(index, EntityType.COMMODITY)

    def _new(self, name: str, kind: EntityType, entry: RegistryEntry | None) -> int:
        index = len(self.entities)
        self.entities.append(StoryEntity(index, name, kind, entry))
        return index

    def _see(self, index: int, surface: str) -> None:
        entity = self.entities[index]
        if surface and surface not in entity.surfaces:
            entity.surfaces.append(surface)
        if surface not in self.surfaces:
            self.surfaces[surface] = index
            self.order.append(surface)
            if has_han(surface):
                sizes = self.lengths.setdefault(surface[0], [])
                if len(surface) not in sizes:
                    sizes.append(len(surface))
                    sizes.sort(reverse=True)


_PROPER = frozenset({"nr", "nrt", "nrfg", "nz", "nt", "j", "eng"})
_TRADE_TAGS = frozenset({"n", "vn", "a", "b", "an", "v"})


def short_forms(name: str) -> list[str]:
    """The short names a story may use for a firm it named in full: without the legal
    form, and without the place before it and the trade words after it
    (``厦门士兰明镓化合物半导体有限公司`` → ``士兰明镓化合物半导体``, ``士兰明镓``).
    A core must keep a word jieba tags as a name or does not know.

    >>> short_forms("张家港市国泰华荣化工新材料有限公司")
    ['张家港市国泰华荣化工新材料', '国泰华荣']
    """
    bare = strip_legal_form(name)
    if bare == name or not has_han(bare):
        return []
    forms = [bare] if len(bare) >= 2 else []
    words = tag_words(bare)
    if words and words[0].tag == "ns" and len(words) > 1:
        words = words[1:]  # "厦门", "张家港市": where the firm is registered
    rest = "".join(w.text for w in words)
    while len(words) > 1 and (
        words[-1].text in INDUSTRY_SUFFIXES
        or words[-1].text == "新"
        or (
            len(words[-1].text) >= 2
            and words[-1].tag in _TRADE_TAGS
            and is_dictionary_word(words[-1].text)
        )
    ):
        words = words[:-1]
    core = "".join(w.text for w in words)
    named = any(
        w.tag in _PROPER or (len(w.text) >= 2 and not is_dictionary_word(w.text)) for w in words
    )
    if 2 <= len(core) <= 6 and named and core not in forms and core != name:
        forms.append(core)
    # jieba may cut across the trade words ("科兴中维生物技术" as 中/维生物/技术): strip
    # them as characters too
    while True:
        trade = next(
            (t for t in _TRADE_STRINGS if rest.endswith(t) and len(rest) > len(t) + 1), None
        )
        if trade is None:
            break
        rest = rest[: -len(trade)]
    if 2 < len(rest) <= 6 and rest not in forms and rest != name and not is_dictionary_word(rest):
        forms.append(rest)
    return forms


_TRADE_STRINGS = tuple(
    sorted(
        INDUSTRY_SUFFIXES | {"技术", "工程", "信息", "网络", "数据", "发展"}, key=len, reverse=True
    )
)
