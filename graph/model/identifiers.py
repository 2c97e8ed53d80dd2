"""Company identifiers and stock codes: validated, normalised, and the forms a user types.

An entity carries ``identifiers`` by scheme (:data:`KNOWN_SCHEMES` are checked):

* ``lei`` — Legal Entity Identifier (ISO 17442): 20 letters and digits, two check
  digits (ISO 7064 MOD 97-10);
* ``uscc`` — China's unified social credit code (统一社会信用代码, GB 32100-2015): 18
  characters, the last a check character over the first 17;
* ``isin`` — International Securities Identification Number (ISO 6166): a country
  code, nine characters and a Luhn check digit;

and any other scheme (``cik``, ``company_number``...) as a plain code. Tickers stay
in ``tickers`` as ``CODE.EXCHANGE``; :func:`ticker_variants` gives the other ways
people write one (``600519.SS`` for ``600519.SH``, ``700.HK`` for ``0700.HK``,
``BABA`` for ``BABA.US``), so search finds the entity by any of them.

>>> validate_identifier("uscc", "91350100 m000100y43")
'91350100M000100Y43'
>>> validate_identifier("lei", "HWUPKR0MPOU8FGXBT394")
'HWUPKR0MPOU8FGXBT394'
>>> validate_identifier("isin", "US0378331005")
'US0378331005'
>>> ticker_variants("600519.SH")
['600519.SS']
"""

from __future__ import annotations

import re

__all__ = [
    "KNOWN_SCHEMES",
    "check_isin",
    "check_lei",
    "check_uscc",
    "ticker_variants",
    "validate_identifier",
    "validate_identifiers",
]

KNOWN_SCHEMES = {
    "lei": "Legal Entity Identifier (ISO 17442)",
    "uscc": "unified social credit code (统一社会信用代码, GB 32100-2015)",
    "isin": "International Securities Identification Number (ISO 6166)",
}
_SCHEME = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_MAX_VALUE = 100

# GB 32100-2015: the code's alphabet (no I, O, S, V, Z) and the weights of positions 1-17.
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_USCC = re.compile(r"^[0-9A-HJ-NP-RTUWXY]{2}[0-9]{6}[0-9A-HJ-NP-RTUWXY]{10}$")
_LEI = re.compile(r"^[0-9A-Z]{18}[0-9]{2}$")
_ISIN = re.compile(r"^[A-Z]{2}[0-9A-Z]{9}[0-9]$")


def _compact(value: str) -> str:
    return re.sub(r"[\s\-]+", "", value).upper()


def check_uscc(code: str) -> bool:
    """Whether ``code`` (compact, upper case) is a well-formed USCC with the right check
    character.

    >>> check_uscc("91350100M000100Y43"), check_uscc("91350100M000100Y44")
    (True, False)
    """
    if not _USCC.match(code):
        return False
    total = sum(_USCC_ALPHABET.index(c) * w for c, w in zip(code, _USCC_WEIGHTS, strict=False))
    expected = (31 - total % 31) % 31
    return code[17] == _USCC_ALPHABET[expected]


def _letters_to_digits(code: str) -> str:
    return "".join(str(int(c, 36)) for c in code)


def check_lei(code: str) -> bool:
    """Whether ``code`` is a well-formed LEI whose check digits hold (MOD 97 = 1).

    >>> check_lei("HWUPKR0MPOU8FGXBT394"), check_lei("HWUPKR0MPOU8FGXBT395")
    (True, False)
    """
    return bool(_LEI.match(code)) and int(_letters_to_digits(code)) % 97 == 1


def check_isin(code: str) -> bool:
    """Whether ``code`` is a well-formed ISIN whose Luhn check digit holds.

    >>> check_isin("US0378331005"), check_isin("US0378331006")
    (True, False)
    """
    if not _ISIN.match(code):
        return False
    digits = _letters_to_digits(code[:-1])
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return (10 - total % 10) % 10 == int(code[-1])


_CHECKS = {"uscc": check_uscc, "lei": check_lei, "isin": check_isin}


def validate_identifier(scheme: str, value: str) -> str:
    """The normalised value of one identifier, or ``ValueError`` saying what is wrong."""
    if not _SCHEME.match(scheme):
        raise ValueError(
            f"identifier scheme {scheme!r} must be lower-case letters, digits and _ "
            "(e.g. lei, uscc, isin)"
        )
    text = value.strip()
    if not text or len(text) > _MAX_VALUE:
        raise ValueError(f"{scheme} must be 1 to {_MAX_VALUE} characters")
    check = _CHECKS.get(scheme)
    if check is None:
        return text
    code = _compact(text)
    if not check(code):
        raise ValueError(f"{value!r} is not a valid {scheme.upper()}: {KNOWN_SCHEMES[scheme]}")
    return code


def validate_identifiers(values: dict[str, str]) -> dict[str, str]:
    """Every identifier of an entity validated, by lower-case scheme, sorted."""
    out: dict[str, str] = {}
    for scheme, value in values.items():
        key = str(scheme).strip().lower()
        out[key] = validate_identifier(key, str(value))
    return dict(sorted(out.items()))


# Exchange suffixes written more than one way: Yahoo's .SS for Shanghai, and so on.
_SUFFIX_TWINS = {"SH": ("SS",), "SS": ("SH",)}


def ticker_variants(ticker: str) -> list[str]:
    """Other spellings of a ``CODE.EXCHANGE`` ticker that name the same listing.

    >>> ticker_variants("0700.HK"), ticker_variants("BABA.US"), ticker_variants("300750.SZ")
    (['700.HK'], ['BABA'], [])
    """
    code, dot, suffix = ticker.strip().upper().rpartition(".")
    if not dot or not code:
        return []
    out = [f"{code}.{twin}" for twin in _SUFFIX_TWINS.get(suffix, ())]
    if suffix == "HK" and code.isdigit() and code.startswith("0"):
        out.append(f"{code.lstrip('0') or '0'}.HK")
    if suffix == "US":
        out.append(code)
    return out
