"""Document-type knowledge lives in one table, model.doctypes.TYPES: the
grammar's type words and abbreviations, the mixed-case codes and the codes a
number may carry are read from it."""

from __future__ import annotations

from pathlib import Path

from vanban.citations import grammar
from vanban.citations.parser import find_citations
from vanban.model import doctypes, numbers
from vanban.model.text import fold

PACKAGE = Path(__file__).resolve().parent.parent / "hooks" / "vanban"


def test_every_name_and_phrase_of_the_table_is_a_type_word():
    for t in doctypes.TYPES:
        for word in (t.name, *t.words):
            assert grammar.TYPE_WORDS[fold(word)] == t.name
    assert grammar.TYPE_WORDS["van ban"] is None
    assert len(grammar.TYPE_WORDS) == 1 + sum(1 + len(t.words) for t in doctypes.TYPES)


def test_the_abbreviations_are_the_tables():
    assert grammar.ABBREVIATIONS == {
        "NQ": "Nghị quyết", "QD": "Quyết định", "CT": "Chỉ thị", "KL": "Kết luận", "HD": "Hướng dẫn",
        "TB": "Thông báo", "BC": "Báo cáo", "KH": "Kế hoạch", "CTR": "Chương trình", "TTR": "Tờ trình",
        "CV": "Công văn", "ND": "Nghị định", "TT": "Thông tư"}
    # A mixed-case abbreviation is read as written or with its inner capital in
    # lower case, never all in upper case.
    assert [c.type for c in find_citations("CTr 39-CTr/TU; Ctr 40-CTr/TU")] == ["Chương trình"] * 2
    assert [(c.number, c.start) for c in find_citations("CTR 39-CTr/TU")] == [("39-CTr/TU", 4)]


def test_the_mixed_case_codes_are_the_tables_and_the_prime_ministers():
    assert doctypes.MIXED_CASE == {"QĐI": "QĐi", "QYĐ": "QyĐ", "CTR": "CTr", "TTR": "TTr", "QTR": "QTr",
                                   "TTG": "TTg"}
    assert [numbers.canonical_code(c) for c in ("ctr", "TTR", "qdi", "QYD", "qtr", "ttg", "kh")] == [
        "CTr", "TTr", "QĐi", "QyĐ", "QTr", "TTg", "KH"]


def test_no_module_lists_the_codes_again():
    """The codes are spelled in the table only (and in doctypes' one issuer)."""
    for path in PACKAGE.rglob("*.py"):
        if path.name == "doctypes.py":
            continue
        source = path.read_text(encoding="utf-8")
        for code in ('"CTR"', '"TTR"', '"QĐI"', '"TTG"', '"QTR"', '"QYĐ"', '"C[Tt]r"'):
            assert code not in source, (path.name, code)
