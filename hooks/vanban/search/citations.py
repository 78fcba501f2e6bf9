"""Numbers written in a text ("Chỉ thị số 06-CT/TU", "Nghị định 30/2020/NĐ-CP").

The same shapes are recognised in a reader's query by docs/assets/search.js;
here they become hidden "cited number" tokens so a query for 06-CT/TU also
finds the documents that cite it.
"""

from __future__ import annotations

import re

from vanban.model import numbers

_PARTY = re.compile(r"(?<![\w/])\d{1,5}[a-z]?\s*-\s*[^\W\d_]{1,5}\s*/\s*[^\W_]{2,12}(?:-[^\W_]{1,12})*")
_STATE = re.compile(
    r"(?<![\w/])\d{1,5}(?:\.\d{1,3})?\s*/\s*(?:(?:19|20)\d\d\s*/\s*)?"
    r"[^\W\d_][^\W_]{0,11}(?:\s*-\s*[^\W_]{1,12})*"
)


def cited(text: str) -> list[str]:
    """Canonical numbers written in `text`, each once, in order of first use."""
    return list(cited_numbers(text))


def cited_numbers(text: str) -> dict[str, numbers.Number]:
    """The numbers written in `text` by canonical form, in order of first use."""
    text = numbers.prepare(text)
    found: dict[str, numbers.Number] = {}
    for pattern in (_PARTY, _STATE):
        for match in pattern.finditer(text):
            number = numbers.parse(match.group())
            if number is not None:
                found.setdefault(number.canonical, number)
    return found
