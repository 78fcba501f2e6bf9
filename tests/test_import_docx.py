"""`vanban import` of Word files in the official layouts, built here with python-docx:
each imported, checked clean, built, and shown with the source's metadata."""

from __future__ import annotations

import base64
import html
import json
import re
import zipfile

import docx_factory
import pytest

from conftest import build_project
from vanban import cli
from vanban.model import documents

CASES = {
    "party-plan": (docx_factory.PARTY_PLAN, "2023/120-kh-duk.md", {
        "so_hieu": "120-KH/ĐUK", "loai": "Kế hoạch", "trich_yeu": "Tổ chức hội nghị học tập chuyên đề năm 2023",
        "co_quan_ban_hanh": "Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh", "co_quan_cap_tren": "Đảng bộ tỉnh Bến Tre",
        "dia_danh": "Bến Tre", "nguoi_ky": "Nguyễn Văn An", "chuc_vu": "Bí thư", "tham_quyen_ky": "T/M",
        "thay_mat": "Ban Thường vụ",
        "noi_nhan": ["Ban Tuyên giáo Tỉnh ủy", "Các chi ủy, đảng ủy cơ sở", "Đăng Website", "Lưu VP"],
        "thuc_hien": ["Kế hoạch số 45-KH/TU, ngày 10/3/2023 của Ban Thường vụ Tỉnh ủy"],
        "nhiem_vu": [{"noi_dung": "Tổ chức học tập đầy đủ", "don_vi": ["Các chi ủy, đảng ủy cơ sở"], "han": "6/2023"}],
    }, "2023-05-15"),
    "state-decision": (docx_factory.STATE_DECISION, "2024/123-qd-ubnd.md", {
        "so_hieu": "123/QĐ-UBND", "loai": "Quyết định",
        "trich_yeu": "Về việc thành lập Tổ công tác cải cách hành chính",
        "co_quan_ban_hanh": "Ủy ban nhân dân tỉnh Bến Tre", "dia_danh": "Bến Tre", "nguoi_ky": "Trần Thị Bình",
        "chuc_vu": "Phó Chủ tịch", "tham_quyen_ky": "KT.", "thay_mat": "Chủ tịch",
        "noi_nhan": ["Như Điều 2", "Chủ tịch, các Phó Chủ tịch UBND tỉnh", "Cổng thông tin điện tử tỉnh",
                     "Đăng Website", "Lưu: VT"],
        "can_cu": ["Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015"],
    }, "2024-02-05"),
    "no-header-table": (docx_factory.NO_HEADER_TABLE, "2023/15-tb-duk.md", {
        "so_hieu": "15-TB/ĐUK", "loai": "Thông báo",
        "trich_yeu": "Kết luận của Ban Thường vụ về công tác quý II năm 2023",
        "co_quan_ban_hanh": "Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh", "dia_danh": "Bến Tre",
        "nguoi_ky": "Lê Văn Cường", "chuc_vu": "Chánh Văn phòng", "tham_quyen_ky": "T/L",
        "thay_mat": "Ban Thường vụ", "noi_nhan": ["Các chi ủy, đảng ủy cơ sở", "Đăng Website", "Lưu VP"],
    }, "2023-07-03"),
    "youth-plan": (docx_factory.YOUTH_PLAN, "2023/12-kh-dtn.md", {
        "so_hieu": "12-KH/ĐTN", "loai": "Kế hoạch",
        "trich_yeu": "Nâng cao chất lượng công tác giám sát, phản biện xã hội năm 2023",
        # as in the header, capitals as the union writes its name; the title line apart
        "co_quan_ban_hanh": "BCH Đoàn Khối Cơ quan - Doanh nghiệp tỉnh", "co_quan_cap_tren": "BCH Đoàn tỉnh Bến Tre",
        "tieu_de": "ĐOÀN TNCS HỒ CHÍ MINH", "dia_danh": "Bến Tre", "nguoi_ky": "Nguyễn Thị Bích", "chuc_vu": "Bí thư",
        "tham_quyen_ky": "TM.", "thay_mat": "Ban Thường vụ",
        "noi_nhan": ["Ban Thường vụ Đảng ủy Khối", "Các chi đoàn, đoàn cơ sở", "Đăng Website", "Lưu VP"],
        "thuc_hien": ["Kế hoạch số 114-KH/ĐUK của Ban Thường vụ Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh"],
    }, "2023-04-20"),
}


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """All the layouts imported into one project's plans/, with the import reports."""
    root = tmp_path_factory.mktemp("import")
    reports = {}
    for name, (layout, _, _, _) in CASES.items():
        source = docx_factory.build(layout, root / f"{name}.docx")
        with pytest.MonkeyPatch.context() as mp:
            mp.chdir(root)
            reports[name] = cli.main(["import", str(source)])
    return root, reports


@pytest.mark.parametrize("name", list(CASES))
def test_front_matter_from_the_official_layout(imported, name):
    root, codes = imported
    layout, rel, expected, date = CASES[name]
    assert codes[name] == 0
    doc, problems = documents.read(root / "plans" / rel)
    assert problems == []
    assert {k: v for k, v in doc.meta.items() if k != "ngay_ban_hanh"} == expected
    assert doc.date.iso() == date


def test_body_markup_survives(imported):
    root, _ = imported
    body = (root / "plans" / "2023" / "120-kh-duk.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    assert "\n## I. MỤC ĐÍCH, YÊU CẦU\n" in body
    assert "\n**1.** Nâng cao nhận thức của cán bộ, đảng viên.\n" in body
    assert "Hội nghị học tập **chuyên đề năm 2023** *theo hình thức trực tiếp.*" in body
    assert "| Thời gian | Nội dung |\n|---|---|\n| Sáng 20/5 | Khai mạc |" in body
    assert "\n- Văn phòng Đảng ủy Khối chuẩn bị hội trường.\n" in body
    assert "Nơi nhận" not in body and "T/M" not in body  # the closing went to the front matter
    decision = (root / "plans" / "2024" / "123-qd-ubnd.md").read_text(encoding="utf-8")
    assert "Điều 1. **Thành lập Tổ công tác** *cải cách hành chính" in decision


def test_imported_files_check_clean(imported, monkeypatch, capsys):
    root, _ = imported
    monkeypatch.chdir(root)
    code = cli.main(["check", "--format", "json"])
    problems = json.loads(capsys.readouterr().out)
    assert [p for p in problems if p["severity"] == "lỗi"] == []
    assert code == 0


def _text(page: str) -> str:
    """The page's visible text, tags dropped, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_built_pages_show_the_sources_metadata(imported, tmp_path):
    root, _ = imported
    plans = {p.relative_to(root / "plans").as_posix(): p.read_text(encoding="utf-8")
             for p in (root / "plans").rglob("*.md")}
    result = build_project(tmp_path, plans)
    assert result.returncode == 0, result.output
    for layout, rel, _, _ in CASES.values():
        text = _text(result.html(f"van-ban/{rel[:-3]}/index.html"))
        left = [t for t, _ in layout.left if t != "*" and not t.startswith("Số")]
        state = "CỘNG HÒA" in layout.right[0][0]
        # the header's bodies: the issuer's two lines of a State header read as one name
        for line in ([" ".join(left)] if state else left):
            assert line in text
        number = next(t for t, _ in layout.left if t.startswith("Số"))
        assert re.search(re.escape(number).replace(r"\ ", r"\s*").replace(":", r"\s*:"), text)
        for motto, _, _ in layout.right[:-1]:
            assert motto in text
        assert layout.right[-1][0] in text  # place and date, as the source writes them
        assert f"{layout.title} {layout.summary}" in text
        for recipient in layout.recipients:
            assert recipient in text
        for line, _ in layout.signature:
            if not line.startswith("("):
                assert line in text


def _kinds(tmp_path):
    good = docx_factory.build(docx_factory.NO_HEADER_TABLE, tmp_path / "good.docx").read_bytes()
    return {
        "not-docx": (b"%PDF-1.7 not a Word file", "không phải tệp Word .docx"),
        "encrypted": (bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 504, "tệp Word đã đặt mật khẩu (mã hóa)"),
        "empty": (b"", "tệp rỗng (0 byte)"),
        "truncated": (good[: len(good) // 2], "tệp .docx bị hỏng hoặc bị cắt cụt"),
    }


@pytest.mark.parametrize("kind", ["not-docx", "encrypted", "empty", "truncated"])
def test_bad_word_files_write_nothing(tmp_path, monkeypatch, capsys, kind):
    data, reason = _kinds(tmp_path)[kind]
    source = tmp_path / f"{kind}.docx"
    source.write_bytes(data)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["import", str(source)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"Không nhập được: {source}: {reason}")
    assert err.endswith("Không ghi tệp nào.\n")
    assert not (tmp_path / "plans").exists()


def test_zip_that_is_not_a_word_document(tmp_path, monkeypatch, capsys):
    source = tmp_path / "nen.docx"
    with zipfile.ZipFile(source, "w") as archive:
        archive.writestr("readme.txt", "xin chào")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["import", str(source)]) == 1
    assert "tệp nén này không phải tài liệu Word (thiếu word/document.xml)" in capsys.readouterr().err
    assert not (tmp_path / "plans").exists()


PNG_1PX = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")


def test_images_are_reported_not_silently_dropped(tmp_path, monkeypatch, capsys):
    source = docx_factory.build(docx_factory.NO_HEADER_TABLE, tmp_path / "anh.docx")
    document = docx_factory.docx.Document(source)
    (tmp_path / "anh.png").write_bytes(PNG_1PX)
    document.add_picture(str(tmp_path / "anh.png"))
    document.save(source)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["import", str(source)]) == 0
    assert "  Lưu ý khi đọc tệp Word: 1 hình ảnh trong tệp Word không được chuyển; thêm lại bằng tay nếu cần." in \
        capsys.readouterr().out
