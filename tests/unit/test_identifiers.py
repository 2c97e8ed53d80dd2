"""Identifier checks: a wrong check digit is a clear error, never a stored code."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from sinograph.graph.model.domain import Entity
from sinograph.graph.model.identifiers import check_isin, check_lei, check_uscc, ticker_variants
from sinograph.loaders.extract.registry import RegistryEntry


@pytest.mark.parametrize(
    "code",
    ["91520000214434146R", "914403001922038216", "91110000100010433L", "91350100M000100Y43"],
)
def test_real_unified_social_credit_codes_pass(code: str) -> None:
    assert check_uscc(code)


@pytest.mark.parametrize(
    "code",
    [
        "91520000214434146S",  # wrong check character
        "91520000214434146",  # too short
        "9152000021443414OR",  # O is not in the code's alphabet
        "915200002144341461R",
    ],
)
def test_bad_unified_social_credit_codes_fail(code: str) -> None:
    assert not check_uscc(code)


def test_lei_and_isin_check_digits() -> None:
    assert check_lei("HWUPKR0MPOU8FGXBT394") and not check_lei("HWUPKR0MPOU8FGXBT349")
    assert check_isin("CNE0000018R8") and not check_isin("CNE0000018R9")
    assert not check_isin("0NE0000018R8")


def test_an_entity_with_a_bad_identifier_is_refused_with_the_reason() -> None:
    with pytest.raises(ValidationError, match="not a valid USCC"):
        Entity(name="X Co", type="Company", identifiers={"uscc": "91520000214434146S"})
    with pytest.raises(ValidationError, match="scheme"):
        Entity(name="X Co", type="Company", identifiers={"Bad Scheme!": "1"})
    with pytest.raises(ValidationError, match="not a valid LEI"):
        RegistryEntry(name="X Co", type="Company", identifiers={"lei": "12345"})


def test_identifiers_are_normalised() -> None:
    entity = Entity(
        name="X Co", type="Company",
        identifiers={"USCC": " 9152 0000 2144 3414 6r ", "cik": " 0001577552 "},
    )
    assert entity.identifiers == {"cik": "0001577552", "uscc": "91520000214434146R"}


def test_ticker_variants() -> None:
    assert ticker_variants("600519.SS") == ["600519.SH"]
    assert ticker_variants("0001.HK") == ["1.HK"]
    assert ticker_variants("9988.HK") == []
    assert ticker_variants("BABA") == []
