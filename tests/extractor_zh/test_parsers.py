"""Chinese dates, money, percentages and language detection, on sentences of our own."""

from __future__ import annotations

import pytest

from sinograph.loaders.extract.zh.amounts import find_money, find_percents, parse_number
from sinograph.loaders.extract.zh.dates import find_dates
from sinograph.loaders.extract.zh.language import is_chinese, is_traditional, to_simplified

PUBLISHED = "2025-07-02"  # a Wednesday


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2025年6月29日", "2025-06-29"),
        ("2024年11月", "2024-11"),
        ("2023年起", "2023"),
        ("6月29日", "2025-06-29"),
        ("12月30日", "2024-12-30"),  # a month well after publication is last year's
        ("今年3月", "2025-03"),
        ("去年", "2024"),
        ("去年8月5日", "2024-08-05"),
        ("上周五", "2025-06-27"),
        ("本周五", "2025-07-04"),
        ("周一", "2025-06-30"),
        ("昨日", "2025-07-01"),
        ("近日", "2025-07"),
        ("本月1日", "2025-07-01"),
        ("上个月", "2025-06"),
        ("16日", "2025-06-16"),  # after the publication day: last month
        ("1日", "2025-07-01"),
        ("7月份", "2025-07"),
        ("2025-06-29", "2025-06-29"),
    ],
)
def test_dates_resolve_against_publication(text: str, value: str) -> None:
    found = find_dates(f"据悉，{text}，公司宣布收购。", PUBLISHED)
    assert [d.value for d in found] == [value]


def test_an_attributive_year_is_no_date() -> None:
    assert find_dates("公司涉及2018年审计项目", PUBLISHED) == []


def test_periods_keep_their_name() -> None:
    [half] = find_dates("上半年营收增长", PUBLISHED)
    assert (half.value, half.period) == ("2025", "2025-H1")
    [quarter] = find_dates("2024年一季度", PUBLISHED)
    assert quarter.period == "2024-Q1"


def test_no_publication_date_means_no_relative_dates() -> None:
    assert [d.value for d in find_dates("上周五与2025年6月29日", None)] == ["2025-06-29"]


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("12亿美元", 1.2e9, "USD"),
        ("3.5亿元人民币", 3.5e8, "CNY"),
        ("人民币3.5亿元", 3.5e8, "CNY"),
        ("182.28亿元", 1.8228e10, "CNY"),
        ("590万元", 5.9e6, "CNY"),
        ("2千亿日元", 2e11, "JPY"),
        ("1.2万亿元", 1.2e12, "CNY"),
        ("80亿港元", 8e9, "HKD"),
        ("4500万欧元", 4.5e7, "EUR"),
        ("十二亿美元", 1.2e9, "USD"),
        ("1,200万英镑", 1.2e7, "GBP"),
    ],
)
def test_money_in_units_and_iso_currency(text: str, value: float, currency: str) -> None:
    [money] = find_money(f"公司以{text}完成交易")
    assert (money.value, money.currency) == (pytest.approx(value), currency)


def test_percentages() -> None:
    assert [p.value for p in find_percents("同比增长10.3%，下降0.5个百分点，持股百分之五十一")] == [
        10.3,
        0.5,
        51.0,
    ]


def test_chinese_numerals() -> None:
    assert parse_number("三千五百") == 3500.0
    assert parse_number("两点五") == 2.5
    assert parse_number("abc") is None


@pytest.mark.parametrize(
    ("text", "chinese"),
    [
        ("紫金矿业以12亿美元收购RG Gold。", True),
        ("紫金礦業以12億美元收購金礦。", True),
        ("Zijin Mining agreed to buy RG Gold (紫金矿业).", False),
        ("紫金矿业收购Freeport-McMoRan Inc.持有的Kisanfu铜钴矿。", True),
        ("Shares of Contemporary Amperex Technology (宁德时代新能源科技) rose.", False),
        ("トヨタ自動車は新工場を建設すると発表した。", False),
        ("삼성전자가 새 공장을 짓는다.", False),
        ("", False),
        ("12345 !!!", False),
    ],
)
def test_language_detection(text: str, chinese: bool) -> None:
    assert is_chinese(text) is chinese


def test_traditional_is_converted_for_matching() -> None:
    assert is_traditional("紫金礦業集團宣佈收購哈薩克斯坦金礦")
    assert not is_traditional("紫金矿业集团宣布收购哈萨克斯坦金矿")
    assert to_simplified("寧德時代") == "宁德时代"
