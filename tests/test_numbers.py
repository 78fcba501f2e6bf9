import pytest

from vanban.model import numbers


@pytest.mark.parametrize("raw, canonical, type_code, issuer, year, system", [
    ("Số 114 -KH/ĐUK", "114-KH/ĐUK", "KH", "ĐUK", None, "party"),
    ("114-KH/ĐUK", "114-KH/ĐUK", "KH", "ĐUK", None, "party"),
    ("Số: 6-CT/TU", "06-CT/TU", "CT", "TU", None, "party"),
    ("36-ctr/tu", "36-CTr/TU", "CTr", "TU", None, "party"),
    ("114–KH/DUK", "114-KH/ĐUK", "KH", "ĐUK", None, "party"),
    ("858CV/ĐUK", "858-CV/ĐUK", "CV", "ĐUK", None, "party"),
    ("08-QĐi/TW", "08-QĐi/TW", "QĐi", "TW", None, "party"),
    ("Số: 1286/QĐ-UBND", "1286/QĐ-UBND", "QĐ", "UBND", None, "state"),
    ("30/2020/ND-CP", "30/2020/NĐ-CP", "NĐ", "CP", 2020, "state"),
    ("4912/UBND-NC", "4912/UBND-NC", None, "UBND-NC", None, "state"),
    ("59/2020/QH14", "59/2020/QH14", None, "QH14", 2020, "state"),
    ("1493/QĐ-TTg", "1493/QĐ-TTg", "QĐ", "TTg", None, "state"),
])
def test_parse_canonical(raw, canonical, type_code, issuer, year, system):
    number = numbers.parse(raw)
    assert (number.canonical, number.type_code, number.issuer, number.year, number.system) == (
        canonical, type_code, issuer, year, system)


@pytest.mark.parametrize("raw", ["", "abc", "114", "2023", "KH/ĐUK", "114-XYZ/ĐUK"])
def test_parse_rejects(raw):
    assert numbers.parse(raw) is None


def test_types_for():
    assert [t.name for t in numbers.types_for(numbers.parse("114-KH/ĐUK"))] == ["Kế hoạch"]
    assert [t.name for t in numbers.types_for(numbers.parse("218-QĐ/TW"))] == ["Quyết định", "Quy định"]
    assert [t.name for t in numbers.types_for(numbers.parse("4912/UBND-NC"))] == ["Công văn"]


@pytest.mark.parametrize("raw, names", [
    # A law's number (QH + term) has no type code; the Standing Committee
    # (UBTVQH + term) passes resolutions and ordinances, never a law.
    ("59/2020/QH14", ["Luật", "Bộ luật", "Pháp lệnh", "Nghị quyết"]),
    ("1211/2016/UBTVQH13", ["Nghị quyết", "Pháp lệnh"]),
    ("560/NQ-UBTVQH15", ["Nghị quyết"]),
    ("04-QyĐ/ĐU", ["Quy định"]),  # the State code in the Party shape: wrong, but read as written
    ("05/CV-UBND", ["Công văn"]),  # a Party-only code in the State shape
    ("05-TT/TU", ["Thông tri"]),
    ("05/TT-BNV", ["Thông tư"]),
])
def test_types_for_codeless_and_crossed_codes(raw, names):
    assert [t.name for t in numbers.types_for(numbers.parse(raw))] == names


def test_types_for_is_what_the_parser_resolves():
    """The parser picks among the same types: the word when it is one of them."""
    from vanban.citations.parser import find_citations
    assert [c.type for c in find_citations("Pháp lệnh số 02/2022/UBTVQH15")] == ["Pháp lệnh"]
    assert [c.type for c in find_citations("Luật số 02/2022/UBTVQH15")] == ["Nghị quyết"]
    assert [c.type for c in find_citations("Kế hoạch số 4912/UBND-NC")] == ["Kế hoạch"]
