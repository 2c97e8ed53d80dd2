"""The registry's Chinese names: ``name_zh``, Chinese aliases and the short forms
that drop a legal form (``紫金矿业集团股份有限公司`` -> ``紫金矿业``), found in text
by longest match.

>>> from sinograph.loaders.extract.registry import Registry, RegistryEntry
>>> names = ChineseNames.build(Registry.from_entries([RegistryEntry(
...     name="Zijin Mining Group", type="Company", name_zh="紫金矿业集团股份有限公司")]))
>>> [(h.surface, h.entry.name) for h in names.find("紫金矿业宣布收购")]
[('紫金矿业', 'Zijin Mining Group')]
>>> names.lookup("紫金矿业集团有限公司").name
'Zijin Mining Group'
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

from sinograph.graph.model.ontology import EntityType
from sinograph.loaders.extract.registry import Registry, RegistryEntry
from sinograph.loaders.extract.zh.lexicon import INDUSTRY_SUFFIXES, LEGAL_FORMS

__all__ = ["ChineseNames", "NameHit", "has_han", "lone_character_ok", "strip_legal_form"]

_LEGAL_BY_LENGTH = sorted(LEGAL_FORMS, key=len, reverse=True)
# Short forms derived by dropping a legal form must keep this many characters.
_MIN_DERIVED = 2
_CHINA_PREFIXES = ("中国", "我国")


def has_han(text: str) -> bool:
    """Whether ``text`` holds a Han character."""
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def strip_legal_form(name: str) -> str:
    """``name`` without its trailing legal forms (``股份有限公司``, ``集团``…).

    >>> strip_legal_form("中国化工集团有限公司")
    '中国化工'
    """
    changed = True
    while changed:
        changed = False
        for form in _LEGAL_BY_LENGTH:
            if name.endswith(form) and len(name) - len(form) >= _MIN_DERIVED:
                name = name[: -len(form)]
                changed = True
                break
    return name


@dataclass(frozen=True, slots=True)
class NameHit:
    """A registry entry named at ``[start, end)`` of a text."""

    start: int
    end: int
    surface: str
    entry: RegistryEntry


class ChineseNames:
    """Chinese surface forms of registry entries and a longest-match finder over them."""

    def __init__(self, forms: dict[str, RegistryEntry]) -> None:
        self.forms = forms
        self._lengths: dict[str, tuple[int, ...]] = {}
        by_first: dict[str, set[int]] = {}
        for form in forms:
            by_first.setdefault(form[0], set()).add(len(form))
        self._lengths = {ch: tuple(sorted(v, reverse=True)) for ch, v in by_first.items()}

    @classmethod
    def build(cls, registry: Registry) -> ChineseNames:
        """Index every Chinese form of ``registry`` (cached per registry object)."""
        cached = _CACHE.get(registry)
        if cached is not None:
            return cached
        explicit: dict[str, RegistryEntry | None] = {}
        derived: dict[str, RegistryEntry | None] = {}

        def put(table: dict[str, RegistryEntry | None], form: str, entry: RegistryEntry) -> None:
            old = table.get(form, entry)
            table[form] = entry if old is None or old.id == entry.id else None

        for entry in registry.entries.values():
            names = [a for a in entry.aliases if has_han(a)]
            if entry.name_zh and has_han(entry.name_zh):
                names.insert(0, entry.name_zh)
            for form in names:
                put(explicit, form, entry)
            for form in names:
                short = strip_legal_form(form)
                if short != form:
                    put(derived, short, entry)
                if (
                    entry.type is EntityType.COMPANY
                    and form.startswith("中国")
                    and len(short) - 2 >= 4
                ):
                    put(derived, short[2:], entry)  # "中国工商银行" is also "工商银行"
                if (
                    entry.type is EntityType.GOVERNMENT_BODY
                    and entry.country == "China"
                    and not form.startswith(_CHINA_PREFIXES + ("国家", "国务院"))
                ):
                    put(derived, "中国" + form, entry)
        forms: dict[str, RegistryEntry] = {}
        for table in (derived, explicit):  # explicit forms win over derived ones
            for form, found in table.items():
                if found is not None:
                    forms[form] = found
                elif table is explicit:
                    forms.pop(form, None)
        built = cls(forms)
        _CACHE[registry] = built
        return built

    def lookup(self, surface: str) -> RegistryEntry | None:
        """The entry named ``surface``, also when it adds a legal form to a known name."""
        found = self.forms.get(surface)
        if found is not None:
            return found
        short = strip_legal_form(surface)
        found = self.forms.get(short)
        if found is not None:
            return found
        found = self._known_with_industry(short)
        if found is not None:
            return found
        for prefix in _CHINA_PREFIXES:
            if surface.startswith(prefix) and len(surface) > len(prefix) + 1:
                inner = self.forms.get(surface[len(prefix) :])
                if inner is not None and inner.country == "China":
                    return inner
        return None

    def _known_with_industry(self, name: str) -> RegistryEntry | None:
        """``宁德时代新能源科技`` is CATL: a known firm's short name followed only by
        words that say its industry."""
        for cut in range(len(name) - 2, 1, -1):
            entry = self.forms.get(name[:cut])
            if entry is not None and entry.type is EntityType.COMPANY:
                return entry if _industry_words(name[cut:]) else None
        return None

    def find(self, text: str) -> list[NameHit]:
        """Non-overlapping longest matches, left to right."""
        hits: list[NameHit] = []
        i, n = 0, len(text)
        forms, lengths = self.forms, self._lengths
        while i < n:
            for size in lengths.get(text[i], ()):
                if i + size <= n:
                    surface = text[i : i + size]
                    entry = forms.get(surface)
                    if entry is not None and (size > 1 or lone_character_ok(text, i)):
                        hits.append(NameHit(i, i + size, surface, entry))
                        i += size
                        break
            else:
                i += 1
        return hits


# A one-character name (镓, 锗, 铜) counts only inside a list or after 对 ("对镓、锗…").
_LIST_MARKS = frozenset("、，,和及与等对")


def lone_character_ok(text: str, i: int) -> bool:
    """Whether the one-character name at ``text[i]`` stands in a list or after 对."""
    before = text[i - 1] if i > 0 else "，"
    after = text[i + 1] if i + 1 < len(text) else "，"
    return before in _LIST_MARKS and after in _LIST_MARKS | frozenset("相")


_INDUSTRY = sorted(
    INDUSTRY_SUFFIXES | {"集成电路", "制造", "新材料", "技术", "控股"}, key=len, reverse=True
)


def _industry_words(rest: str) -> bool:
    while rest:
        for word in _INDUSTRY:
            if rest.startswith(word):
                rest = rest[len(word) :]
                break
        else:
            return False
    return True


_CACHE: weakref.WeakKeyDictionary[Registry, ChineseNames] = weakref.WeakKeyDictionary()
