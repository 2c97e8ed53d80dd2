"""Round 5 of the Chinese extractor: a describing noun before a firm's name
(``…巨头X集团``), what ``对X的收购`` takes over, investors listed after ``由`` in a funding
round — on sentences of our own (the firms are invented)."""

from __future__ import annotations

import pytest

from sinograph.graph.model.ontology import EntityType
from sinograph.loaders.extract import default_registry
from sinograph.loaders.extract.zh.entities import EntityTable
from sinograph.loaders.extract.zh.mentions import StoryState, read_sentence


def _entities(text: str) -> dict[str, EntityType]:
    table = EntityTable(default_registry())
    units = read_sentence(text, table, "2025-07-16", StoryState())
    return {u.text: table.get(u.entity).type for u in units if u.kind == "entity"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the describing noun ends the description; the name starts after it, even when
        # the name's own word is one jieba knows as a verb
        ("中国运动服饰巨头安川集团发布公告。", "安川集团"),
        ("中国运动服饰巨头东岳集团(股票代码:02099.HK)发布公告。", "东岳集团"),
        ("国内电池龙头北辰新能源有限公司宣布扩产。", "北辰新能源有限公司"),
        # what 对 … 的收购 takes over is a firm
        ("东岳集团宣布完成对北岭户外的收购。", "北岭户外"),
        # the investors a funding round lists after 由 are firms
        ("北辰智能这轮融资由清控金信、华信远景联合投资。", "华信远景"),
        # a lone coverb before a firm's name is no part of it
        ("经北辰集团董事会决定，王立新将出任总裁。", "北辰集团"),
    ],
)
def test_a_name_found_by_its_context(text: str, name: str) -> None:
    found = _entities(text)
    assert found.get(name) is EntityType.COMPANY, found


def test_the_description_is_no_part_of_the_name() -> None:
    found = _entities("中国运动服饰巨头安川集团发布公告。")
    assert not any("巨头" in n for n in found), found


def test_a_name_jieba_cut_before_an_adverb_and_a_post_verb_is_a_person() -> None:
    found = _entities("北辰集团宣布，王立新将接替李明出任总裁。")
    assert found.get("王立新") is EntityType.PERSON, found


def test_a_story_in_traditional_characters_keeps_its_written_names_as_aliases() -> None:
    from sinograph.loaders.extract import extract
    from sinograph.loaders.story_input import StoryInput

    delta = extract(
        StoryInput(
            text="北辰電子集團宣佈，將以十億元收購南嶺電氣有限公司，這項交易預計於明年完成。",
            published="2025-07-16",
        ),
        registry=default_registry(),
    )
    forms = {a for e in delta.entities for a in (e.name, *e.aliases)}
    assert {"北辰電子集團", "南嶺電氣有限公司"} <= forms, forms
