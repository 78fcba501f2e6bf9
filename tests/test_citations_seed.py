"""The seed plan 114-KH/ĐUK: every citation in its body, and nothing else."""

from __future__ import annotations

from pathlib import Path

from vanban.citations.parser import find_citations

SEED = Path(__file__).resolve().parent.parent / "plans" / "2023" / "114-kh-duk.md"
TU = "Ban Thường vụ Tỉnh ủy"
DUK = "Ban Thường vụ Đảng ủy Khối"

EXPECTED = [
    ("Chương trình số 36-CTr/TU", "Chương trình", "36-CTr/TU", "TU", "2023-02-27", TU),
    ("Chỉ thị số 06-CT/TU", "Chỉ thị", "06-CT/TU", "TU", "2021-05-06", TU),
    ("Quy chế số 09-QC/ĐUK", "Quy chế", "09-QC/ĐUK", "ĐUK", "2022-11-25", DUK),
    ("Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII", "Nghị quyết", None, None, None,
     "Đại hội Đảng toàn quốc lần thứ XIII"),
    ("Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XI", "Nghị quyết", None, None, None,
     "Đại hội đại biểu Đảng bộ tỉnh lần thứ XI"),
    ("Quyết định số 306-QĐ/TU", "Quyết định", "306-QĐ/TU", "TU", "2021-11-19", TU),
    ("Chỉ thị số 06-CT/TU", "Chỉ thị", "06-CT/TU", "TU", "2021-05-06", TU),
    ("Chỉ thị số 08-CT/TU", "Chỉ thị", "08-CT/TU", "TU", "2021-09-23", TU),
    ("Quy chế số 09-QC/ĐUK", "Quy chế", "09-QC/ĐUK", "ĐUK", "2022-11-25", DUK),
    ("Nghị quyết Đại hội đại biểu Đảng bộ Khối lần thứ XIII", "Nghị quyết", None, None, None,
     "Đại hội đại biểu Đảng bộ Khối lần thứ XIII"),
    ("Chỉ thị số 08-CT/TU", "Chỉ thị", "08-CT/TU", "TU", "2021-09-23", TU),
    ("Chỉ thị số 18-CT/TW", "Chỉ thị", "18-CT/TW", "TW", None, "Ban Bí thư Trung ương Đảng"),
    ("Quyết định số 218-QĐ/TW", "Quyết định", "218-QĐ/TW", "TW", None, "Bộ Chính trị"),
    ("Chỉ thị số 18-CT/TW", "Chỉ thị", "18-CT/TW", "TW", None, "Ban Bí thư Trung ương Đảng"),
]


def _body() -> str:
    text = SEED.read_text(encoding="utf-8")
    return text.split("\n---\n", 1)[1]


def test_seed_body_citations_are_exactly_these():
    body = _body()
    found = [(body[c.start:c.end], c.type, c.number, c.issuer, c.date, c.body) for c in find_citations(body)]
    assert found == EXPECTED


def test_seed_whole_file_skips_front_matter_and_keeps_file_offsets():
    text = SEED.read_text(encoding="utf-8")
    cites = find_citations(text)
    assert [text[c.start:c.end] for c in cites] == [e[0] for e in EXPECTED]
    assert all(c.start > text.index("\n---\n") for c in cites)


def test_seed_never_cites_itself_or_its_terms():
    spans = [_body()[c.start:c.end] for c in find_citations(_body())]
    assert not any("Kế hoạch" in s or "2020 - 2025" in s or "114" in s for s in spans)
