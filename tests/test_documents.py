"""One test per schema rule and per bad-input kind: each checks the file, the
line, the field and the Vietnamese message exactly."""

from pathlib import Path

import pytest

from plan_factory import plan
from vanban.graph import corpus
from vanban.model import documents


def parse(text, name="plans/2023/x.md"):
    return documents.parse(text, name)


def only_problem(text):
    doc, problems = parse(text)
    assert doc is None
    assert len(problems) == 1, [p.format() for p in problems]
    return problems[0]


def test_valid_document_is_parsed_and_number_canonicalised():
    doc, problems = parse(plan(so_hieu="Số 115 -KH/DUK"))
    assert problems == []
    assert doc.number.canonical == "115-KH/ĐUK"
    assert doc.meta["so_hieu"] == "115-KH/ĐUK"
    assert doc.doctype.name == "Kế hoạch"
    assert doc.date.iso() == "2023-05-10"
    assert doc.src_uri == "van-ban/2023/115-kh-duk.md"
    assert doc.published is True


def test_seed_plan_front_matter():
    doc, problems = documents.read(Path(__file__).parent.parent / "plans/2023/114-kh-duk.md", "seed")
    assert problems == []
    assert doc.number.canonical == "114-KH/ĐUK"
    assert doc.date is None  # the source gives no issue date
    assert doc.year == 2023
    assert doc.src_uri == "van-ban/2023/114-kh-duk.md"
    assert doc.meta["nguoi_ky"] == "Phạm Hữu Dự"
    assert [t.due.iso() for t in doc.tasks] == ["2023-04", "2023-04"]


@pytest.mark.parametrize("field", ["so_hieu", "loai", "trich_yeu", "co_quan_ban_hanh"])
def test_required_field_missing(field):
    problem = only_problem(plan(**{field: None}))
    assert (problem.file, problem.line, problem.field) == ("plans/2023/x.md", 2, field)
    assert problem.message.startswith(f"Thiếu trường bắt buộc “{field}”")
    assert problem.example.startswith(f"{field}: ")


def test_broken_front_matter_yaml():
    text = "---\nso_hieu: 114-KH/ĐUK\nloai: [Kế hoạch\ntrich_yeu: x\n---\nthân\n"
    problem = only_problem(text)
    assert (problem.field, problem.line, problem.column) == ("thông tin đầu", 3, 7)
    assert problem.message == "Dấu ngoặc [ hoặc { mở ở đây nhưng không được đóng đúng chỗ."
    assert problem.example == "noi_nhan:\n  - Ban Dân vận Tỉnh ủy\n  - Các chi ủy, đảng ủy cơ sở\n  - Đăng Website"


def test_missing_front_matter():
    problem = only_problem("Kế hoạch không có phần đầu\n")
    assert (problem.line, problem.field) == (1, "thông tin đầu")
    assert problem.message == "Thiếu phần thông tin đầu văn bản."


def test_unclosed_front_matter():
    problem = only_problem("---\nso_hieu: 114-KH/ĐUK\n")
    assert problem.message == "Phần thông tin đầu văn bản không có dòng --- đóng lại."


def test_front_matter_not_a_mapping():
    problem = only_problem("---\n- a\n- b\n---\n")
    assert problem.message == "Phần thông tin đầu văn bản phải là các cặp khóa: giá trị."


def test_unknown_document_type():
    problem = only_problem(plan(loai="Kế hoạc"))
    assert (problem.field, problem.line) == ("loai", 3)
    assert problem.message == "Loại văn bản “Kế hoạc” không có trong danh mục. Có phải “Kế hoạch”?"
    assert problem.example == "loai: Kế hoạch"


def test_number_contradicts_type():
    problem = only_problem(plan(loai="Chỉ thị"))
    assert (problem.field, problem.line) == ("so_hieu", 2)
    assert problem.message == "Số hiệu 115-KH/ĐUK có mã loại KH (Kế hoạch) nhưng loại văn bản là “Chỉ thị”."
    assert problem.example == "so_hieu: 115-CT/ĐUK"


def test_a_standing_committee_number_is_never_a_law():
    """…/UBTVQH14 is a resolution or an ordinance of the Standing Committee
    (numbers.types_for, the same list the citation parser resolves from)."""
    problem = only_problem(plan(loai="Luật", so_hieu="12/2020/UBTVQH14"))
    assert problem.field == "so_hieu"
    assert problem.message == ("Số hiệu 12/2020/UBTVQH14 có mã loại (không có mã loại) (Nghị quyết, Pháp lệnh) "
                               "nhưng loại văn bản là “Luật”.")
    doc, problems = parse(plan(loai="Pháp lệnh", so_hieu="12/2020/UBTVQH14"))
    assert doc is not None and problems == []


def test_number_unreadable():
    problem = only_problem(plan(so_hieu="một trăm"))
    assert problem.field == "so_hieu"
    assert problem.message == "Số hiệu “một trăm” không đúng dạng số và ký hiệu văn bản."


def test_bad_date():
    problem = only_problem(plan(ngay_ban_hanh="31/2/2023"))
    assert (problem.field, problem.line) == ("ngay_ban_hanh", 6)
    assert problem.message == "Ngày ban hành “31/2/2023” không có thật: tháng 2 năm 2023 chỉ có 28 ngày."
    assert problem.example == "ngay_ban_hanh: 2023-04-20"


@pytest.mark.parametrize("value, iso", [("2023-04-20", "2023-04-20"), ("20/4/2023", "2023-04-20"),
                                        ("4/2023", "2023-04"), ("2023", "2023")])
def test_partial_dates(value, iso):
    doc, problems = parse(plan(ngay_ban_hanh=value))
    assert problems == []
    assert doc.date.iso() == iso


def test_no_date_and_no_year():
    problem = only_problem(plan(ngay_ban_hanh=None))
    assert problem.field == "ngay_ban_hanh"
    assert problem.message == "Cần ngày ban hành hoặc năm để đặt đường dẫn văn bản."
    assert problem.example == "nam: 2023"


def test_year_contradicts_date():
    problem = only_problem(plan(nam=2022))
    assert (problem.field, problem.message) == ("nam", "Năm 2022 không trùng năm của ngày ban hành (2023-05-10).")


def test_unknown_field_suggests_the_right_one():
    problem = only_problem(plan(nguoiky="Phạm Hữu Dự"))
    assert problem.field == "nguoiky"
    assert problem.message == "Trường “nguoiky” không có trong mẫu; có phải “nguoi_ky”?"
    assert problem.example == "nguoi_ky: Phạm Hữu Dự"


def test_unknown_field_with_nothing_close_ends_its_sentence():
    problem = only_problem(plan(xyz="1"))
    assert problem.format() == (
        "plans/2023/x.md:10: lỗi [xyz] Trường “xyz” không có trong mẫu. "
        "Cần: một trong các trường của Hướng dẫn biên tập. Ví dụ đúng: so_hieu: 114-KH/ĐUK")


def test_bad_signing_authority_and_status_and_publish():
    doc, problems = parse(plan(tham_quyen_ky="TM", trang_thai="tốt", publish="có"))
    assert doc is None
    assert [(p.field, p.message) for p in problems] == [
        ("tham_quyen_ky", "Thẩm quyền ký “TM” không hợp lệ."),
        ("trang_thai", "Trạng thái “tốt” không hợp lệ."),
        ("publish", "“publish” chỉ nhận true hoặc false, không nhận “có”."),
    ]


def test_bad_task():
    problem = only_problem(plan(nhiem_vu=[{"noi_dung": "Báo cáo", "han": "4/2023"}]))
    assert problem.field == "nhiem_vu"
    assert problem.message == "Nhiệm vụ thứ 1 thiếu nội dung (noi_dung) hoặc đơn vị (don_vi)."


def test_every_problem_of_a_file_in_one_run():
    doc, problems = parse(plan(loai="Kế hoạc", ngay_ban_hanh="hôm qua", nguoiky="x"))
    assert sorted(p.field for p in problems) == ["loai", "ngay_ban_hanh", "nguoiky"]


@pytest.mark.parametrize("recipients, published", [
    (["Ban Dân vận Tỉnh ủy", "Đăng Website"], True),
    (["Đăng website"], True),
    (["Đăng trang thông tin điện tử"], True),
    (["Đăng Cổng thông tin điện tử tỉnh"], True),
    (["Ban Dân vận Tỉnh ủy", "Lưu VP"], False),
    ([], False),
])
def test_publication_rule(recipients, published):
    doc, _ = parse(plan(noi_nhan=recipients))
    assert doc.published is published


def test_publish_flag_overrides():
    assert parse(plan(noi_nhan=["Lưu VP"], publish=True))[0].published is True
    assert parse(plan(publish=False))[0].published is False


def test_invalid_utf8(tmp_path):
    path = tmp_path / "plans" / "2023" / "bad.md"
    path.parent.mkdir(parents=True)
    path.write_bytes(plan().encode("utf-8").replace("Tổ chức".encode(), b"T\xf4 ch\xfac"))
    loaded = corpus.load(tmp_path / "plans")
    (problem,) = loaded.problems
    assert (problem.file, problem.line, problem.field) == ("plans/2023/bad.md", 4, "mã hóa")
    assert problem.message.startswith("Tệp không phải UTF-8 hợp lệ (byte 0xf4")


def test_duplicate_number_names_both_files(tmp_path):
    root = tmp_path / "plans"
    (root / "2023").mkdir(parents=True)
    (root / "2023" / "a.md").write_text(plan(), encoding="utf-8")
    (root / "2023" / "b.md").write_text(plan(so_hieu="115-kh/duk"), encoding="utf-8")
    loaded = corpus.load(root)
    messages = {(p.file, p.line, p.field, p.message) for p in loaded.problems}
    text = "Trùng số hiệu 115-KH/ĐUK năm 2023 giữa các tệp: plans/2023/a.md, plans/2023/b.md."
    assert ("plans/2023/a.md", 2, "so_hieu", text) in messages
    assert ("plans/2023/b.md", 2, "so_hieu", text) in messages


def test_same_number_in_another_year_is_another_document(tmp_path):
    root = tmp_path / "plans"
    (root / "2023").mkdir(parents=True)
    (root / "2023" / "a.md").write_text(plan(), encoding="utf-8")
    (root / "2023" / "b.md").write_text(plan(ngay_ban_hanh="2024-01-05"), encoding="utf-8")
    assert corpus.load(root).problems == []


def test_nfd_input_is_normalised():
    import unicodedata
    doc, problems = parse(unicodedata.normalize("NFD", plan()))
    assert problems == []
    assert doc.title == "Tổ chức hội nghị"
    assert unicodedata.is_normalized("NFC", doc.body)


def test_a_file_that_is_not_markdown_is_reported_not_skipped(tmp_path):
    root = tmp_path / "plans"
    (root / "2023").mkdir(parents=True)
    (root / "2023" / "ke-hoach.docx").write_bytes(b"PK\x03\x04")
    (root / ".gitkeep").write_text("")
    (problem,) = corpus.load(root).problems
    assert (problem.file, problem.line, problem.field) == ("plans/2023/ke-hoach.docx", 1, "tệp")
    assert problem.message == "Tệp “ke-hoach.docx” không phải văn bản Markdown (.md) nên không thể đăng."
    assert problem.example == "vanban import plans/2023/ke-hoach.docx"
