"""Throughput of the Chinese extractor on one core.

Generates Chinese business stories from sentence templates of our own (deals, fines,
probes, bans, listings, people, figures) with seeded random firm names, extracts each
once, and prints stories per second and characters per second. ``--folder`` measures
real ``*.txt`` stories instead (for example ``../shared/eval/zh``; they are read, never
copied). A figure, not a test: nothing is asserted.

    .venv/bin/python bench/bench_extract_zh.py --stories 1000 --seed 7
    .venv/bin/python bench/bench_extract_zh.py --folder ../shared/eval/zh --repeat 20
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

from sinograph.loaders.extract import default_registry, extract
from sinograph.loaders.story_input import StoryInput

_STEMS = [
    "华信",
    "北江",
    "南岭",
    "星河",
    "东方明",
    "海创",
    "瑞丰",
    "金桥",
    "天启",
    "远航",
    "恒泰",
    "新宇",
]
_SUFFIXES = [
    "科技股份有限公司",
    "集团有限公司",
    "矿业集团",
    "电子有限公司",
    "证券股份有限公司",
    "新能源有限公司",
    "控股集团",
    "生物医药股份有限公司",
]
_PEOPLE = ["周立新", "王海峰", "李文杰", "陈宇欣", "刘志强", "张明远", "赵静怡", "孙建国"]
_BODIES = ["证监会", "市场监管总局", "商务部", "海关总署", "广东证监局", "财政部", "国家药监局"]
_GOODS = ["大豆", "油菜籽", "稀土", "镓", "白兰地", "猪肉", "水产品"]
_COUNTRIES = ["日本", "加拿大", "澳大利亚", "美国", "欧盟", "巴西"]
_TEMPLATES = [
    "{day}，{a}宣布以{n}亿美元收购{b}{p}%股权。",
    "{body}对{a}罚款{n}亿元，并对相关责任人给予警告。",
    "{a}董事长{person}表示，公司将加快海外布局。",
    "{a}与{c}签署战略合作协议，共同开发新产品。",
    "{body}{day}对{b}立案调查。",
    "海关总署宣布暂停进口{country}{goods}。",
    "{b}于{day}在上海证券交易所挂牌上市，募资{n}亿元。",
    "{a}上半年营业收入{n}亿元，同比增长{p}%。",
    "{c}是{b}的控股股东，持有其{p}%股份。",
    "今年3月，{person}出任{c}总裁。",
    "分析人士认为，行业整合仍将持续，市场需求有望回暖。",
    "{a}旗下的{b}近日发布新一代产品。",
    # round 2: names no suffix marks, lists, places, plants and products
    "{day}晚间，{short}公告称，公司收到证监会下发的《立案告知书》。",
    "{short}、{short2}和ST{stem}三家公司均被立案调查。",
    "{short}是一家位于广东省东莞市的电子公司，总部设在深圳。",
    "{short}匈牙利工厂正式投产，项目总投资{n}亿欧元。",
    "{short}发布{short}X{p}大模型，并宣布开源。",
]
_DAYS = ["6月29日", "上周五", "昨日", "2025年3月18日", "近日", "本月1日"]


def _firm(rng: random.Random) -> str:
    return rng.choice(_STEMS) + rng.choice(_SUFFIXES)


_SHORT_ENDS = ["微", "科", "精密", "股份", "智能", "材料"]


def _short(rng: random.Random) -> str:
    """A firm's short name with no legal form ("星河微", "恒泰精密")."""
    return rng.choice(_STEMS) + rng.choice(_SHORT_ENDS)


def make_story(rng: random.Random) -> StoryInput:
    """One synthetic Chinese story of 6 to 12 sentences."""
    a, b, c = _firm(rng), _firm(rng), _firm(rng)
    short, short2 = _short(rng), _short(rng)
    lines = [f"{a}拟收购{b}"]
    for _ in range(rng.randint(6, 12)):
        lines.append(
            rng.choice(_TEMPLATES).format(
                a=a,
                b=b,
                c=c,
                day=rng.choice(_DAYS),
                n=rng.randint(1, 90) / 10,
                p=rng.randint(1, 60),
                person=rng.choice(_PEOPLE),
                body=rng.choice(_BODIES),
                goods=rng.choice(_GOODS),
                country=rng.choice(_COUNTRIES),
                short=short,
                short2=short2,
                stem=rng.choice(_STEMS),
            )
        )
    return StoryInput(text=lines[0] + "\n\n" + "".join(lines[1:]), published="2025-07-02")


def _folder_stories(folder: Path, repeat: int) -> list[StoryInput]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"{folder}: no *.txt stories")
    return [StoryInput(text=t, published="2025-07-02") for _ in range(repeat) for t in texts]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=1_000, help="how many stories (>= 1)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--folder", type=Path, help="measure the *.txt stories of this folder")
    parser.add_argument("--repeat", type=int, default=10, help="passes over --folder")
    args = parser.parse_args(argv)
    if args.stories < 1 or args.repeat < 1:
        parser.error("--stories and --repeat must be at least 1")
    if args.folder is not None:
        stories = _folder_stories(args.folder, args.repeat)
    else:
        rng = random.Random(args.seed)
        stories = [make_story(rng) for _ in range(args.stories)]
    registry = default_registry()
    extract(stories[0], registry=registry)  # warm caches (registry index, tagger, rules)
    chars = sum(len(s.text) for s in stories)
    timings: list[float] = []
    facts = 0
    started = time.perf_counter()
    cpu_started = time.process_time()
    for story in stories:
        t0 = time.perf_counter()
        facts += len(extract(story, registry=registry).facts)
        timings.append(time.perf_counter() - t0)
    elapsed = time.perf_counter() - started
    # CPU time of this process: on a shared, loaded machine the wall clock also counts
    # the time other processes held the core; this does not.
    cpu = time.process_time() - cpu_started
    print(f"stories        {len(stories)}")
    print(f"characters     {chars}")
    print(f"facts          {facts}")
    print(f"seconds        {elapsed:.2f}")
    print(f"stories/s      {len(stories) / elapsed:.1f}   (one core)")
    print(f"chars/s        {chars / elapsed:.0f}")
    print(f"cpu seconds    {cpu:.2f}")
    print(f"stories/cpu-s  {len(stories) / cpu:.1f}   (per second of one core's CPU time)")
    print(f"median ms      {statistics.median(timings) * 1000:.2f}")
    print(f"p95 ms         {sorted(timings)[int(len(timings) * 0.95) - 1] * 1000:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
