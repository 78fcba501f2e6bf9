"""Numbers written in a text ("Chỉ thị số 06-CT/TU", "Nghị định 30/2020/NĐ-CP").

The same shapes are recognised in a reader's query by docs/assets/search.js;
here they become hidden "cited number" tokens so a query for 06-CT/TU also
finds the documents that cite it. The shapes are model.numbers' (IN_TEXT), the
codes its table of types.
"""

from __future__ import annotations

from vanban.model import numbers


def cited(text: str) -> list[str]:
    """Canonical numbers written in `text`, each once, in order of first use."""
    return list(cited_numbers(text))


def cited_numbers(text: str) -> dict[str, numbers.Number]:
    """The numbers written in `text` by canonical form, in order of first use."""
    text = numbers.prepare(text)
    found: dict[str, numbers.Number] = {}
    for pattern in numbers.IN_TEXT:  # the shapes model.numbers reads, as written in running text
        for match in pattern.finditer(text):
            number = numbers.parse(match.group())
            if number is not None:
                found.setdefault(number.canonical, number)
    return found
