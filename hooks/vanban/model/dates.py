"""Dates that may be known to the day, the month, the year, or not at all.

Real documents often lack their issue date; the site then says "chưa rõ"
rather than invent one.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

UNKNOWN = "chưa rõ"

_FORMS = (
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), ("y", "m", "d")),
    (re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$"), ("d", "m", "y")),
    (re.compile(r"^(\d{4})-(\d{1,2})$"), ("y", "m")),
    (re.compile(r"^(\d{1,2})/(\d{4})$"), ("m", "y")),
    (re.compile(r"^(\d{4})$"), ("y",)),
)
EXAMPLES = "2023-04-20, 20/4/2023, 4/2023 hoặc 2023"


@dataclass(frozen=True, order=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        """2023-04-20, 2023-04 or 2023: as precise as the source."""
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def vietnamese(self) -> str:
        """20/04/2023, tháng 4/2023 or năm 2023 (callers add “ngày” where a sentence needs it)."""
        if self.day:
            return f"{self.day:02d}/{self.month:02d}/{self.year}"
        if self.month:
            return f"tháng {self.month}/{self.year}"
        return f"năm {self.year}"

    def long_form(self) -> str:
        """The place-and-date line's form: ngày 05 tháng 02 năm 2023 (NĐ 30 padding)."""
        if self.day:
            day = f"{self.day:02d}" if self.day < 10 else str(self.day)
            month = f"{self.month:02d}" if self.month < 3 else str(self.month)
            return f"ngày {day} tháng {month} năm {self.year}"
        if self.month:
            return f"tháng {self.month} năm {self.year}"
        return f"năm {self.year}"

    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def as_date(self) -> dt.date:
        """The earliest day this date may stand for."""
        return dt.date(self.year, self.month or 1, self.day or 1)


def parse(value: object) -> PartialDate | None:
    """A PartialDate from YAML (date, int or text), or None if it is not a date."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return PartialDate(value.year, value.month, value.day)
    if isinstance(value, bool):
        return None
    return _parse_text(str(value).strip())


@functools.lru_cache(maxsize=1 << 14)  # a corpus cites the same dates tens of thousands of times
def _parse_text(text: str) -> PartialDate | None:
    for pattern, order in _FORMS:
        match = pattern.match(text)
        if match:
            parts = dict(zip(order, map(int, match.groups()), strict=True))
            return _checked(parts.get("y"), parts.get("m"), parts.get("d"))
    return None


def _checked(year: int, month: int | None, day: int | None) -> PartialDate | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return PartialDate(year, month, day)


def display(date: PartialDate | None) -> str:
    return date.vietnamese() if date else UNKNOWN
