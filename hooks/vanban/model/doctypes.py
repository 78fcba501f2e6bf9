"""The document types of Party and State practice and their codes.

The rules they follow: CITATIONS.md §1-§2. Party codes as Hướng dẫn
36-HD/VPTW and later Party practice write them; State codes as Nghị định
30/2020/NĐ-CP (Phụ lục III) and the codes of legal normative documents.
"""

from __future__ import annotations

from dataclasses import dataclass

from vanban.model.text import fold


@dataclass(frozen=True)
class DocType:
    name: str  # canonical Vietnamese name, as displayed
    party: tuple[str, ...] = ()  # codes in the Party shape 06-CT/TU
    state: tuple[str, ...] = ()  # codes in the State shape 1286/QĐ-UBND
    abbreviations: tuple[str, ...] = ()  # type words written as an abbreviation
    words: tuple[str, ...] = ()  # other phrases that name the type in a citation

    def __reduce__(self):
        # Pickled as the module's own object when it is one of TYPES: a document
        # read in a forked worker comes back with it, not with a copy.
        return (_type, (self.name, self.party, self.state, self.abbreviations, self.words))


TYPES: tuple[DocType, ...] = (
    DocType("Nghị quyết", ("NQ",), ("NQ",), ("NQ",), ("Nghị quyết liên tịch",)),
    DocType("Quyết định", ("QĐ",), ("QĐ",), ("QĐ",)),
    # 36-HD/VPTW wrote QĐi; the 2026 guide is reported to use QĐ for both.
    DocType("Quy định", ("QĐi", "QĐ"), ("QyĐ",)),
    DocType("Chỉ thị", ("CT",), ("CT",), ("CT",)),
    DocType("Kết luận", ("KL",), (), ("KL",)),
    DocType("Quy chế", ("QC",), ("QC",)),
    DocType("Thông tri", ("TT",)),
    DocType("Hướng dẫn", ("HD",), ("HD",), ("HD",)),
    DocType("Thông báo", ("TB",), ("TB",), ("TB",), ("Thông báo kết luận",)),
    DocType("Thông cáo", ("TC",), ("TC",)),
    DocType("Báo cáo", ("BC",), ("BC",), ("BC",)),
    DocType("Kế hoạch", ("KH",), ("KH",), ("KH",)),
    DocType("Chương trình", ("CTr",), ("CTr",), ("CTr",), ("Chương trình hành động",)),
    DocType("Tờ trình", ("TTr",), ("TTr",), ("TTr",)),
    DocType("Đề án", ("ĐA",), ("ĐA",)),
    DocType("Phương án", ("PA",), ("PA",)),
    DocType("Dự án", (), ("DA",)),
    DocType("Công văn", ("CV",), (), ("CV",)),
    DocType("Biên bản", ("BB",), ("BB",)),
    DocType("Quy trình", ("QTr",)),
    DocType("Bản sao", ("BS",)),
    DocType("Nghị định", (), ("NĐ",), ("NĐ",)),
    DocType("Thông tư", (), ("TT",), ("TT",)),
    DocType("Thông tư liên tịch", (), ("TTLT",)),
    DocType("Luật", ()),
    DocType("Bộ luật", ()),
    DocType("Pháp lệnh", ()),
    DocType("Lệnh", (), ("L",)),
    DocType("Công điện", (), ("CĐ",)),
    DocType("Hợp đồng", (), ("HĐ",)),
    DocType("Giấy mời", ("GM",), ("GM",)),
)

_BY_FOLDED_NAME = {fold(t.name): t for t in TYPES}


def by_name(name: str) -> DocType | None:
    """The type named `name`, in any case, with or without diacritics."""
    return _BY_FOLDED_NAME.get(fold(" ".join(name.split())))


def _type(*fields) -> DocType:
    made = DocType(*fields)
    known = by_name(made.name)
    return known if known == made else made


def names() -> list[str]:
    return [t.name for t in TYPES]


def party_types_for(code: str) -> list[DocType]:
    return [t for t in TYPES if code in t.party]


def state_types_for(code: str) -> list[DocType]:
    return [t for t in TYPES if code in t.state]


# Every type code of either shape; numbers.parse asks for each number it reads.
ALL_CODES = frozenset(c for t in TYPES for c in (*t.party, *t.state))


def all_codes() -> set[str]:
    return set(ALL_CODES)


# Issuer codes whose canonical spelling is not plain upper case.
MIXED_CASE_ISSUERS = ("TTg",)  # Thủ tướng Chính phủ: 1493/QĐ-TTg
# Every code written in mixed case, by its upper-case form: CTR → CTr. A code
# typed in any case is printed so, and read as a code only in these cases.
MIXED_CASE = {c.upper(): c for t in TYPES for c in (*t.party, *t.state) if c != c.upper()} | {
    c.upper(): c for c in MIXED_CASE_ISSUERS}
