"""Số hiệu (number and symbol): parsing one written form, printing the canonical one.

Canonical form (CITATIONS.md §1): ASCII '-' and '/', no spaces, the numeral
zero-padded to two digits, codes in canonical case with a lost Đ restored.
Party: 114-KH/ĐUK. State: 30/2020/NĐ-CP, 1286/QĐ-UBND, 4912/UBND-NC, 59/2020/QH14.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vanban.model import doctypes
from vanban.model.text import clean

# Dash and slash look-alikes (CITATIONS.md §3).
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-")
_SLASHES = dict.fromkeys(map(ord, "\uff0f\u2215\u2044"), "/")

# A D that stands for a lost Đ, only where the D-form is not itself a code
# (HD is Hướng dẫn and DA is Dự án, so they stay).
_LOST_D = {
    "ND": "NĐ", "QD": "QĐ", "QDI": "QĐi", "QYD": "QyĐ", "DUK": "ĐUK", "DU": "ĐU",
    "HDND": "HĐND", "CD": "CĐ", "DH": "ĐH", "BCD": "BCĐ", "CTD": "CTĐ",
}

PARTY_ISSUER = re.compile(r"^(?:TW|TU|HU|QU|ĐU|ĐUK|CB|ĐH|BCĐ|[A-ZĐ]+(?:TW|TU|HU))$")

# The parts of a written number, for the patterns of one whole value below and
# for IN_TEXT, which finds numbers in running text.
_PARTY_NUMERAL = r"\d{1,5}[a-z]?"  # numeral, e.g. 114 or 05a
_TYPE_CODE = r"[^\W\d_]{1,5}"  # type code: KH, CTr, QĐi
_PARTY_ISSUER = r"[^\W_]{2,12}(?:-[^\W_]{1,12})*"  # issuer, e.g. ĐUK or TWĐTN-VP
_YEAR = r"(?:19|20)\d\d"  # the year of a normative document
_MORE_GROUPS = r"(?:\s*-\s*[^\W_]{1,12})*"  # -UBND, -NC after a State symbol's first group

_PREFIX = r"^\s*(?:[sS][ốoôỐOÔ]\s*:?\s*)?"
_PARTY = re.compile(
    _PREFIX
    + rf"(?P<n>{_PARTY_NUMERAL})"
    r"\s*-?\s*"  # hyphen, sometimes lost or spaced ("114 -KH")
    rf"(?P<type>{_TYPE_CODE})"
    r"\s*/\s*"  # the Party slash
    rf"(?P<issuer>{_PARTY_ISSUER})\s*$",
)
_STATE = re.compile(
    _PREFIX
    + r"(?P<n>\d{1,5}(?:\.\d{1,3}|[a-z])?)"  # numeral, e.g. 1286, 66.25 or 12a
    r"\s*/\s*"
    rf"(?:(?P<year>{_YEAR})\s*/\s*)?"  # year, only in normative numbers
    rf"(?P<symbol>[^\W_]{{1,12}}{_MORE_GROUPS})\s*$",  # QĐ-UBND, UBND-NC, QH14
)
# Numbers as written in running text, for parse() to read: stricter than a
# whole value (the Party hyphen written, a State symbol starting with a letter,
# not glued to a word or a path before).
IN_TEXT = (
    re.compile(rf"(?<![\w/]){_PARTY_NUMERAL}\s*-\s*{_TYPE_CODE}\s*/\s*{_PARTY_ISSUER}"),
    re.compile(rf"(?<![\w/])\d{{1,5}}(?:\.\d{{1,3}})?\s*/\s*(?:{_YEAR}\s*/\s*)?[^\W\d_][^\W_]{{0,11}}{_MORE_GROUPS}"),
)


@dataclass(frozen=True)
class Number:
    canonical: str
    numeral: str
    type_code: str | None  # None for công văn and laws (no type code)
    issuer: str  # after the slash (Party) or after the type code (State)
    year: int | None  # only State normative numbers carry a year
    system: str  # "party" or "state"


def canonical_code(code: str) -> str:
    """'ctr' → 'CTr', 'dUK' → 'ĐUK', 'ND' → 'NĐ', 'Ttg' → 'TTg'."""
    upper = code.upper()
    upper = _LOST_D.get(upper, upper)
    return doctypes.MIXED_CASE.get(upper, upper)


def pad(numeral: str) -> str:
    """Numbers below 10 carry a leading zero: 6 → 06."""
    digits = re.match(r"\d+", numeral)
    if digits and len(digits.group()) == 1:
        return "0" + numeral
    return numeral


def prepare(text: str) -> str:
    return clean(text).translate(_DASHES).translate(_SLASHES)


def parse(text: str) -> Number | None:
    """Parse one written số hiệu, or None when it has neither shape."""
    text = prepare(text)
    party = _PARTY.match(text)
    if party and canonical_code(party["type"]) in doctypes.ALL_CODES:
        issuer = "-".join(canonical_code(p) for p in party["issuer"].split("-"))
        type_code = canonical_code(party["type"])
        numeral = pad(party["n"])
        return Number(f"{numeral}-{type_code}/{issuer}", numeral, type_code, issuer, None, "party")
    state = _STATE.match(text)
    if state:
        return _state_number(state)
    return None


def _state_number(match: re.Match) -> Number:
    parts = [canonical_code(p.strip()) for p in match["symbol"].split("-")]
    numeral = pad(match["n"])
    year = int(match["year"]) if match["year"] else None
    if len(parts) > 1 and parts[0] in doctypes.ALL_CODES:
        type_code, issuer = parts[0], "-".join(parts[1:])
    else:
        type_code, issuer = None, "-".join(parts)
    symbol = "-".join(parts)
    middle = f"{year}/" if year else ""
    return Number(f"{numeral}/{middle}{symbol}", numeral, type_code, issuer, year, "state")


def types_for(number: Number) -> list[doctypes.DocType]:
    """The document types this number can stand for, the likeliest first.

    A code names its types (a code of the other system's table when it has
    none in its own: QyĐ written in the Party shape is a Quy định). With no
    type code: a law's number (QH + term) is a Luật, Bộ luật, Pháp lệnh or
    Nghị quyết; a number of the National Assembly's Standing Committee
    (UBTVQH + term) a Nghị quyết or Pháp lệnh, never a law; any other is a
    Công văn (CITATIONS.md §4.5)."""
    if number.type_code is None:
        if number.system == "state" and _LAW_ISSUER.fullmatch(number.issuer):
            return _LAW_TYPES
        if number.system == "state" and _STANDING_COMMITTEE.fullmatch(number.issuer):
            return _STANDING_COMMITTEE_TYPES
        return _CODELESS_TYPES
    own, other = doctypes.party_types_for, doctypes.state_types_for
    if number.system != "party":
        own, other = other, own
    return own(number.type_code) or other(number.type_code)


_LAW_ISSUER = re.compile(r"QH\d+")
_STANDING_COMMITTEE = re.compile(r"UBTVQH\d+")
_LAW_TYPES = [doctypes.by_name(n) for n in ("Luật", "Bộ luật", "Pháp lệnh", "Nghị quyết")]
_STANDING_COMMITTEE_TYPES = [doctypes.by_name(n) for n in ("Nghị quyết", "Pháp lệnh")]
_CODELESS_TYPES = [doctypes.by_name("Công văn")]
