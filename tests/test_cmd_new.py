"""`vanban new`: from options or by asking in a terminal, into the right file,
with a valid front matter and the type's standard parts."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from vanban import cli
from vanban.editing import body_templates
from vanban.model import doctypes, documents

OPTIONS = ["new", "--loai", "ke hoach", "--so-hieu", "Số 116 -KH/DUK", "--ngay-ban-hanh", "20/4/2023",
           "--trich-yeu", "Tổ chức hội nghị", "--co-quan-ban-hanh", "Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh",
           "--tham-quyen-ky", "T/M", "--thay-mat", "Ban Thường vụ", "--chuc-vu", "Phó Bí thư",
           "--nguoi-ky", "Phạm Hữu Dự", "--noi-nhan", "Các chi ủy, đảng ủy cơ sở", "--noi-nhan", "Đăng Website"]


class Terminal(io.StringIO):
    """Answers typed at a terminal."""

    def isatty(self) -> bool:
        return True


def test_from_options(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert cli.main(OPTIONS) == 0
    path = tmp_path / "plans" / "2023" / "116-kh-duk.md"
    assert capsys.readouterr().out == (
        "Đã tạo plans/2023/116-kh-duk.md (Kế hoạch 116-KH/ĐUK). Mở tệp, thay các dấu … bằng nội dung văn bản.\n")
    doc, problems = documents.read(path)
    assert problems == []
    assert doc.meta == {
        "so_hieu": "116-KH/ĐUK", "loai": "Kế hoạch", "trich_yeu": "Tổ chức hội nghị",
        "co_quan_ban_hanh": "Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh", "ngay_ban_hanh": dt.date(2023, 4, 20),
        "nguoi_ky": "Phạm Hữu Dự", "chuc_vu": "Phó Bí thư", "tham_quyen_ky": "T/M", "thay_mat": "Ban Thường vụ",
        "noi_nhan": ["Các chi ủy, đảng ủy cơ sở", "Đăng Website"],
    }
    assert [line for line in doc.body.splitlines() if line.startswith("## ")] == [
        "## I. MỤC ĐÍCH, YÊU CẦU", "## II. NỘI DUNG", "## III. TỔ CHỨC THỰC HIỆN"]
    assert cli.main(["check", str(path)]) == 0


def test_refuses_to_overwrite(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert cli.main(OPTIONS) == 0
    path = tmp_path / "plans" / "2023" / "116-kh-duk.md"
    path.write_text("đã sửa", encoding="utf-8")
    assert cli.main(OPTIONS) == 1
    assert capsys.readouterr().err == (
        "Tệp plans/2023/116-kh-duk.md đã có; không ghi đè. Kiểm tra lại số hiệu; "
        "nếu đúng là văn bản ấy, mở tệp đã có để sửa.\n")
    assert path.read_text(encoding="utf-8") == "đã sửa"


def test_missing_fields_without_a_terminal(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert cli.main(["new", "--loai", "Chỉ thị", "--so-hieu", "07-CT/ĐUK"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "Thiếu --trich-yeu (Trích yếu). Ví dụ: --trich-yeu 'Thực hiện công tác dân vận năm 2023'",
        "Thiếu --co-quan-ban-hanh (Cơ quan ban hành). Ví dụ: --co-quan-ban-hanh 'Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh'",
        "Thiếu --nam (Năm). Ví dụ: --nam '2023'",
        "Không ghi tệp nào.",
    ]
    assert not (tmp_path / "plans").exists()


def test_number_that_contradicts_the_type(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["new", "--loai", "Kế hoạch", "--so-hieu", "116-CT/ĐUK", "--nam", "2023",
                     "--trich-yeu", "X", "--co-quan-ban-hanh", "Y"]) == 1
    assert capsys.readouterr().err == "Lỗi: Số hiệu 116-CT/ĐUK là của Chỉ thị, không phải “Kế hoạch”.\n"
    assert not (tmp_path / "plans").exists()


def test_asks_in_a_terminal_and_asks_again_after_a_wrong_answer(tmp_path, monkeypatch, capsys):
    answers = [
        "Ke hoach x",  # loai: wrong, asked again
        "Quyết định",
        "123/QĐ-UBND",  # so_hieu
        "",  # ngay_ban_hanh: not in the source
        "2024",  # nam, asked because there is no date
        "Về việc thành lập Tổ công tác",
        "Ủy ban nhân dân tỉnh Bến Tre",
        "",  # co_quan_cap_tren
        "Bến Tre",
        "KT.",
        "Chủ tịch",  # thay_mat, asked because of KT.
        "Phó Chủ tịch",
        "Trần Thị Bình",
        "Như Điều 3", "Đăng Website", "",  # noi_nhan, ended by an empty line
        "",  # no task
    ]
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.stdin", Terminal("\n".join(answers) + "\n"))
    assert cli.main(["new"]) == 0
    out = capsys.readouterr().out
    assert "  Loại văn bản “Ke hoach x” không có trong danh mục. Có phải “Kế hoạch”?" in out
    doc, problems = documents.read(tmp_path / "plans" / "2024" / "123-qd-ubnd.md")
    assert problems == []
    assert doc.meta == {
        "so_hieu": "123/QĐ-UBND", "loai": "Quyết định", "trich_yeu": "Về việc thành lập Tổ công tác",
        "co_quan_ban_hanh": "Ủy ban nhân dân tỉnh Bến Tre", "nam": 2024, "dia_danh": "Bến Tre",
        "nguoi_ky": "Trần Thị Bình", "chuc_vu": "Phó Chủ tịch", "tham_quyen_ky": "KT.", "thay_mat": "Chủ tịch",
        "noi_nhan": ["Như Điều 3", "Đăng Website"],
    }
    assert doc.body.strip() == body_templates.body("Quyết định").strip()
    assert "**QUYẾT ĐỊNH:**" in doc.body


def test_stdout_writes_no_file(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert cli.main([*OPTIONS, "--stdout"]) == 0
    assert capsys.readouterr().out.startswith("---\nso_hieu: 116-KH/ĐUK\nloai: Kế hoạch\n")
    assert not (tmp_path / "plans").exists()


@pytest.mark.parametrize("name", sorted(body_templates.BLOCKS))
def test_every_template_is_for_a_known_type_and_validates(name):
    assert doctypes.by_name(name).name == name
    text = f"---\nso_hieu: 01/ABC\nloai: Công văn\ntrich_yeu: x\nco_quan_ban_hanh: y\nnam: 2023\n---\n\n{body_templates.body(name)}"
    assert documents.parse(text, "x")[1] == []


def test_signed_original_is_the_scans_path_and_its_hash_is_read(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "goc").mkdir()
    (tmp_path / "goc" / "116-KH-DUK.pdf").write_bytes(b"scan")
    assert cli.main([*OPTIONS, "--ban-goc", "goc/116-KH-DUK.pdf"]) == 0
    doc, problems = documents.read(tmp_path / "plans" / "2023" / "116-kh-duk.md")
    assert problems == []
    assert doc.meta["ban_goc"] == {
        "tep": "goc/116-KH-DUK.pdf", "sha256": "59ad1b2fc74287ded1bba7af67765d23ad4a49f1ae51902cc2ed3f8ebee96cfa"}


def test_signed_original_that_is_not_in_the_repository(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert cli.main([*OPTIONS, "--ban-goc", "goc/khong-co.pdf"]) == 1
    assert capsys.readouterr().err == (
        f"Lỗi: goc/khong-co.pdf: bản gốc có chữ ký phải là một tệp nằm trong kho ({tmp_path.resolve()}), "
        "ví dụ goc/114-KH-DUK.pdf; chép tệp vào thư mục goc/ của kho rồi nhập lại.\n")
    assert not (tmp_path / "plans").exists()
