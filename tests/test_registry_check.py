"""Warnings for `vanban check`: citations that name no known document, that
could name several, or that contradict the registry."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from plan_factory import plan
from vanban.graph import corpus as corpus_mod
from vanban.graph import registry

ROOT = Path(__file__).resolve().parent.parent


def warnings_for(tmp_path: Path, **files: str) -> list:
    for name, text in files.items():
        (tmp_path / "plans").mkdir(exist_ok=True)
        (tmp_path / "plans" / f"{name}.md").write_text(text, encoding="utf-8")
    corpus = corpus_mod.load(tmp_path / "plans", tmp_path)
    known = registry.build(corpus.documents, ROOT / "data" / "registry.yml", "Bến Tre")
    return registry.check_citations(corpus, known)


def test_the_seed_plan_has_no_warning(tmp_path):
    seed = (ROOT / "plans" / "2023" / "114-kh-duk.md").read_text(encoding="utf-8")
    assert warnings_for(tmp_path, seed=seed) == []


def test_unknown_contradicting_and_unreadable_citations_are_warnings(tmp_path):
    text = plan(
        "Dòng đầu.\n\nThực hiện Kết luận số 01-KL/TU, ngày 02/3/2022 của Tỉnh ủy.\n\n"
        "Theo Chỉ thị số 08-CT/TU, ngày 24/9/2021 của Ban Thường vụ Tỉnh ủy.",
        thuc_hien=["chương trình công tác năm"],
    )
    found = warnings_for(tmp_path, a=text)
    assert [(p.file, p.line, p.field, p.severity) for p in found] == [
        ("plans/a.md", 10, "thuc_hien", "cảnh báo"),
        ("plans/a.md", 16, "nội dung", "cảnh báo"),
        ("plans/a.md", 18, "nội dung", "cảnh báo"),
    ]
    assert found[0].message == "Không nhận ra văn bản nào trong “chương trình công tác năm”."
    assert found[1].message == ("Văn bản được dẫn chiếu “Kết luận số 01-KL/TU” chưa có trong danh mục; "
                                "trang của nó chỉ có điều lời dẫn chiếu ghi.")
    # Each example, copied, reads as one document with the fields the advice names.
    assert yaml.safe_load(found[0].example) == {
        "thuc_hien": ["Chỉ thị số 06-CT/TU, ngày 06/5/2021 của Ban Thường vụ Tỉnh ủy"]}
    assert yaml.safe_load(found[1].example) == [{
        "loai": "Chỉ thị", "so_hieu": "06-CT/TU", "ngay_ban_hanh": dt.date(2021, 5, 6),
        "co_quan_ban_hanh": "Ban Thường vụ Tỉnh ủy"}]
    assert "ngày dẫn chiếu 24/09/2021 khác ngày ban hành 23/09/2021" in found[2].message


def test_a_document_citing_itself_is_not_a_warning(tmp_path):
    text = plan("Kế hoạch số 115-KH/ĐUK này thay thế kế hoạch cũ.", so_hieu="115-KH/ĐUK")
    assert warnings_for(tmp_path, a=text) == []
