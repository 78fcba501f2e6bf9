"""Dates that may be known to the day, the month, the year, or not at all.

Real documents often lack their issue date; the site then says "chưa rõ"
rather than invent one.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import os
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


def pattern() -> str:
    """Every accepted form as one regular expression, valid in Python and in
    JavaScript (the browser editor checks a date field with it)."""
    return "^(?:" + "|".join(p.pattern[1:-1] for p, _order in _FORMS) + ")$"


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

    def phrase(self) -> str:
        """As a sentence names it: ngày 20/04/2023, tháng 4/2023 or năm 2023."""
        return f"ngày {self.vietnamese()}" if self.day else self.vietnamese()

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
    if not 1900 <= year <= 2100 or month == 0 or day == 0:  # 0 would read as "not given"
        return None
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return PartialDate(year, month, day)


def why_not(value: object) -> str:
    """Why `value` is not a date, for an editor: the impossible part of a date
    written in an accepted form ("tháng 4 chỉ có 30 ngày"), or that the form is
    not one of the accepted ones ("" when it is a date)."""
    if parse(value) is not None:
        return ""
    text = str(value).strip()
    for pattern, order in _FORMS:
        match = pattern.match(text)
        if match:
            parts = dict(zip(order, map(int, match.groups()), strict=True))
            return _impossible(parts["y"], parts.get("m"), parts.get("d"))
    return "không đúng dạng ngày"


def _impossible(year: int, month: int | None, day: int | None) -> str:
    if not 1900 <= year <= 2100:
        return f"năm {year} nằm ngoài khoảng 1900–2100"
    if month and not 1 <= month <= 12:
        return f"không có tháng {month} (tháng từ 1 đến 12)"
    if month == 0:
        return "không có tháng 0 (tháng từ 1 đến 12)"
    if day is not None and day < 1:
        return "không có ngày 0"
    length = calendar.monthrange(year, month or 1)[1]
    if month == 2 and day == 29:
        return f"năm {year} không phải năm nhuận nên tháng 2 chỉ có 28 ngày"
    return f"tháng {month} năm {year} chỉ có {length} ngày" if month == 2 else f"tháng {month} chỉ có {length} ngày"


TODAY_ENV = "VANBAN_TODAY"  # YYYY-MM-DD: "today" for checks and builds that must not depend on the clock
VIETNAM = dt.timezone(dt.timedelta(hours=7))


def today() -> dt.date:
    """Today in Vietnam, or VANBAN_TODAY when set."""
    text = os.environ.get(TODAY_ENV, "").strip()
    if text:
        return dt.date.fromisoformat(text)
    return dt.datetime.now(VIETNAM).date()


def latest_day(date: PartialDate) -> dt.date:
    """The last day a partial date may stand for."""
    if date.day:
        return dt.date(date.year, date.month, date.day)
    if date.month:
        return dt.date(date.year, date.month, calendar.monthrange(date.year, date.month)[1])
    return dt.date(date.year, 12, 31)


def display(date: PartialDate | None) -> str:
    return date.vietnamese() if date else UNKNOWN
