"""Who a digest item credits: "reports the South China Morning Post", "according to Caixin".

Only credits that close a clause count ("according to Caixin." but not "according
to data from Caixin"), so sources of figures and quotes are not taken for outlets.
"Reports X" and "X reported" name media by their verb. "According to X" also
cites ministries, bureaus and companies, so there X must look like an outlet: a
known newsroom, or a name with a media word (Post, Times, News, Daily...).
"""

from __future__ import annotations

import re

__all__ = ["find_attribution", "looks_like_outlet"]

# A capitalised word; dots only inside it ("U.S.-based" yes, a full stop no).
_WORD = r"[A-Z0-9](?:[\w'\u2019&-]|\.(?=\w))*"
_NAME = rf"(?P<name>{_WORD}(?:\s+(?:(?:of|and|&|the|for)\s+)?{_WORD}){{0,6}})"
_DAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_CLAUSE_END = r"(?=\s*(?:[.;,\u3002]|$))"
_CLAUSE_END_OR_DAY = rf"(?=\s*(?:[.;,\u3002]|$)|\s+on\s+{_DAY}\s*[.;,])"

_REPORTS_NAME = re.compile(
    rf",\s*(?:reports|reported|writes|wrote)\s+(?:the\s+)?{_NAME}{_CLAUSE_END_OR_DAY}"
)
_ACCORDING_TO_NAME = re.compile(rf"\baccording\s+to\s+(?:the\s+)?{_NAME}{_CLAUSE_END}")
_NAME_REPORTED = re.compile(
    rf"(?:^|[.;,\u201d\"]\s+|\s)(?:the\s+)?{_NAME}\s+(?:reported|reports){_CLAUSE_END_OR_DAY}"
)

_MEDIA_WORDS = frozenset(
    {
        "post", "times", "news", "journal", "daily", "herald", "wire", "press", "review",
        "media", "tribune", "telegraph", "gazette", "agency", "weekly", "observer",
        "economist", "guardian", "magazine", "tv", "radio", "broadcasting",
    }
)  # fmt: skip
# Newsrooms whose names carry no media word.
_OUTLETS = frozenset(
    {
        "reuters", "bloomberg", "caixin", "caixin global", "xinhua", "yicai", "yicai global",
        "nikkei", "nikkei asia", "cnbc", "afp", "ap", "kyodo", "yonhap", "jiemian",
        "sixth tone", "the paper", "latepost", "36kr", "technode", "pandaily",
        "the information", "bbc", "cctv", "cgtn", "caijing", "sina", "sina finance",
        "securities times", "21st century business herald", "politico", "axios", "semafor",
    }
)  # fmt: skip


def looks_like_outlet(name: str) -> bool:
    """Whether ``name`` reads like a news outlet rather than an official source.

    >>> looks_like_outlet("South China Morning Post"), looks_like_outlet("Caixin")
    (True, True)
    >>> looks_like_outlet("National Bureau of Statistics")
    False
    """
    lowered = name.lower()
    return lowered in _OUTLETS or any(word in _MEDIA_WORDS for word in lowered.split())


def find_attribution(text: str) -> str | None:
    """The outlet the text credits first, or ``None``.

    >>> find_attribution("Sales fell 23% in June, reports Bloomberg. Data showed it.")
    'Bloomberg'
    >>> find_attribution("The deal closed, according to the South China Morning Post.")
    'South China Morning Post'
    >>> find_attribution("Output grew 5.4%, according to the National Bureau of Statistics.")
    """
    found: list[tuple[int, str]] = []
    for pattern in (_REPORTS_NAME, _ACCORDING_TO_NAME, _NAME_REPORTED):
        for match in pattern.finditer(text):
            name = match["name"].strip()
            if pattern is not _ACCORDING_TO_NAME or looks_like_outlet(name):
                found.append((match.start("name"), name))
                break
    if not found:
        return None
    return min(found)[1]
