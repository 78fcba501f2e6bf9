"""`vanban check`: each bad-input kind of the build, reported with file, line,
field and message, in text and in JSON, with the exit status CI relies on."""

from __future__ import annotations

import json

import pytest

from plan_factory import plan
from vanban import cli


def write(root, files: dict[str, str | bytes]) -> None:
    for rel, content in files.items():
        path = root / "plans" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def run_check(tmp_path, monkeypatch, capsys, *args):
    monkeypatch.chdir(tmp_path)
    code = cli.main(["check", *args])
    out = capsys.readouterr().out
    return code, out


def run_json(tmp_path, monkeypatch, capsys, *args):
    code, out = run_check(tmp_path, monkeypatch, capsys, "--format", "json", *args)
    return code, json.loads(out)


def only_error(problems):
    errors = [p for p in problems if p["severity"] == "lỗi"]
    assert len(errors) == 1, errors
    return errors[0]


def test_clean_folder_passes(tmp_path, monkeypatch, capsys):
    write(tmp_path, {"2023/115-kh-duk.md": plan()})
    code, out = run_check(tmp_path, monkeypatch, capsys)
    assert code == 0
    assert out.splitlines()[-1] == "Đã kiểm tra 1 tệp: 0 lỗi, 0 cảnh báo."


def test_yaml_error(tmp_path, monkeypatch, capsys):
    text = "---\nso_hieu: 115-KH/ĐUK\nloai: Kế hoạch\ntrich_yeu: Về việc: tổ chức hội nghị\n---\n\nNội dung.\n"
    write(tmp_path, {"2023/a.md": text})
    code, problems = run_json(tmp_path, monkeypatch, capsys)
    assert code == 1
    problem = only_error(problems)
    assert (problem["file"], problem["line"], problem["field"]) == ("plans/2023/a.md", 4, "trich_yeu")
    assert problem["message"] == ("Giá trị của “trich_yeu” có dấu hai chấm theo sau là dấu cách (“: ”), nên bị "
                                  "hiểu nhầm là một trường mới.")
    assert (problem["source"], problem["column"]) == ("trich_yeu: Về việc: tổ chức hội nghị", 19)
    assert problem["example"] == 'trich_yeu: "Về việc: tổ chức hội nghị"'


def test_unknown_type(tmp_path, monkeypatch, capsys):
    write(tmp_path, {"2023/a.md": plan(loai="Kế hoạch x")})
    code, out = run_check(tmp_path, monkeypatch, capsys)
    assert code == 1
    assert out.splitlines()[0].startswith(
        "plans/2023/a.md:3: lỗi [loai] Loại văn bản “Kế hoạch x” không có trong danh mục. Có phải “Kế hoạch”?")


def test_number_contradicts_type(tmp_path, monkeypatch, capsys):
    write(tmp_path, {"2023/a.md": plan(so_hieu="115-CT/ĐUK")})
    code, problems = run_json(tmp_path, monkeypatch, capsys)
    assert code == 1
    problem = only_error(problems)
    assert (problem["file"], problem["line"], problem["field"]) == ("plans/2023/a.md", 2, "so_hieu")
    assert problem["message"] == "Số hiệu 115-CT/ĐUK có mã loại CT (Chỉ thị) nhưng loại văn bản là “Kế hoạch”."
    assert problem["example"] == "so_hieu: 115-KH/ĐUK"


def test_duplicate_number_names_both_files(tmp_path, monkeypatch, capsys):
    write(tmp_path, {"2023/a.md": plan(), "2023/b.md": plan(trich_yeu="Văn bản khác")})
    code, problems = run_json(tmp_path, monkeypatch, capsys)
    assert code == 1
    assert [(p["file"], p["line"], p["field"]) for p in problems] == [
        ("plans/2023/a.md", 2, "so_hieu"), ("plans/2023/b.md", 2, "so_hieu")]
    assert problems[0]["message"] == (
        "Trùng số hiệu 115-KH/ĐUK năm 2023 giữa các tệp: plans/2023/a.md, plans/2023/b.md.")


def test_duplicate_found_when_only_the_changed_file_is_checked(tmp_path, monkeypatch, capsys):
    """pre-commit passes only changed files; the other file of the pair is still read."""
    write(tmp_path, {"2023/a.md": plan(), "2023/b.md": plan(trich_yeu="Văn bản khác")})
    code, problems = run_json(tmp_path, monkeypatch, capsys, "plans/2023/b.md")
    assert code == 1
    assert [(p["file"], p["field"]) for p in problems] == [("plans/2023/b.md", "so_hieu")]


def test_invalid_utf8(tmp_path, monkeypatch, capsys):
    data = plan().encode("utf-8").replace("Kế hoạch".encode(), b"K\xe1 ho\xe1ch")
    write(tmp_path, {"2023/a.md": data})
    code, problems = run_json(tmp_path, monkeypatch, capsys)
    assert code == 1
    problem = only_error(problems)
    assert (problem["file"], problem["line"], problem["field"]) == ("plans/2023/a.md", 3, "mã hóa")
    assert problem["message"].startswith("Tệp không phải UTF-8 hợp lệ (byte 0xe1")


def test_missing_required_field(tmp_path, monkeypatch, capsys):
    write(tmp_path, {"2023/a.md": plan(trich_yeu=None)})
    code, out = run_check(tmp_path, monkeypatch, capsys)
    assert code == 1
    first = out.splitlines()[0]
    assert first.startswith("plans/2023/a.md:2: lỗi [trich_yeu] Thiếu trường bắt buộc “trich_yeu” (Trích yếu).")
    assert first.endswith("Ví dụ đúng: trich_yeu: Thực hiện công tác dân vận năm 2023")


def test_every_problem_of_every_file_in_one_run(tmp_path, monkeypatch, capsys):
    write(tmp_path, {"2023/a.md": plan(loai="Kế hoạch x", trich_yeu=None), "2024/b.md": plan(so_hieu="1-CT/ĐUK")})
    code, problems = run_json(tmp_path, monkeypatch, capsys)
    assert code == 1
    assert [(p["file"], p["field"]) for p in problems] == [
        ("plans/2023/a.md", "trich_yeu"), ("plans/2023/a.md", "loai"), ("plans/2024/b.md", "so_hieu")]


def test_json_has_the_annotation_fields(tmp_path, monkeypatch, capsys):
    write(tmp_path, {"2023/a.md": plan(loai="Kế hoạch x")})
    _, problems = run_json(tmp_path, monkeypatch, capsys)
    assert list(problems[0]) == ["file", "line", "field", "message", "expected", "example", "severity",
                                "column", "source"]


def test_word_file_in_plans_is_an_error_as_in_the_build(tmp_path, monkeypatch, capsys):
    """The build refuses a .docx left in plans/ rather than skip it; check says the same."""
    write(tmp_path, {"2023/115-kh-duk.md": plan(), "2023/ke-hoach.docx": b"PK\x03\x04 broken"})
    code, problems = run_json(tmp_path, monkeypatch, capsys)
    assert code == 1
    assert problems == [{
        "file": "plans/2023/ke-hoach.docx", "line": 1, "field": "tệp",
        "message": "Tệp “ke-hoach.docx” không phải văn bản Markdown (.md) nên không thể đăng.",
        "expected": "mỗi văn bản là một tệp .md; tệp Word (.docx) cần chuyển bằng lệnh vanban import",
        "example": "vanban import plans/2023/ke-hoach.docx", "severity": "lỗi", "column": 0, "source": ""}]


def test_missing_path_is_a_usage_error(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["check", "khong-co"]) == 2
    assert capsys.readouterr().err == "Không tìm thấy khong-co.\n"


def test_unresolved_citation_is_a_warning(tmp_path, monkeypatch, capsys):
    write(tmp_path, {"2023/115-kh-duk.md": plan(thuc_hien=["một việc gì đó"])})
    code, problems = run_json(tmp_path, monkeypatch, capsys)
    assert code == 0
    assert [(p["file"], p["field"], p["severity"]) for p in problems] == [
        ("plans/2023/115-kh-duk.md", "thuc_hien", "cảnh báo")]
    assert problems[0]["message"] == "Không nhận ra văn bản nào trong “một việc gì đó”."


def test_citations_with_a_wrong_date_or_no_target_are_warnings(tmp_path, monkeypatch, capsys):
    body = ("Thực hiện Chỉ thị số 06-CT/ĐUK, ngày 07/5/2023 của Ban Thường vụ Đảng ủy Khối về công tác. "
            "Theo Kế hoạch số 99-KH/ĐUK, ngày 01/02/2023 của Ban Thường vụ Đảng ủy Khối.")
    write(tmp_path, {"2023/a.md": plan(so_hieu="06-CT/ĐUK", loai="Chỉ thị", ngay_ban_hanh="2023-05-06"),
                     "2023/b.md": plan(body=body)})
    code, problems = run_json(tmp_path, monkeypatch, capsys)
    assert code == 0  # warnings do not fail the build
    assert [(p["file"], p["line"], p["field"], p["severity"]) for p in problems] == [
        ("plans/2023/b.md", 12, "nội dung", "cảnh báo"), ("plans/2023/b.md", 12, "nội dung", "cảnh báo")]
    wrong_date, unknown = (p["message"] for p in problems)
    assert "07/05/2023" in wrong_date and "06/05/2023" in wrong_date
    assert "“Kế hoạch số 99-KH/ĐUK” chưa có trong danh mục" in unknown


def test_citations_are_checked_with_an_empty_identity_in_mkdocs_yml(tmp_path, monkeypatch, capsys):
    """An empty `to_chuc:` once made the citation check give up quietly with exit 0."""
    (tmp_path / "mkdocs.yml").write_text("extra:\n  to_chuc:\n", encoding="utf-8")
    write(tmp_path, {"2023/115-kh-duk.md": plan("Thực hiện Chỉ thị số 99-CT/TU, ngày 06/5/2021 của Ban Thường vụ Tỉnh ủy.")})
    code, problems = run_json(tmp_path, monkeypatch, capsys)
    assert code == 0
    assert [p["field"] for p in problems] == ["nội dung"]
    assert "99-CT/TU" in problems[0]["message"]


def test_a_file_named_through_a_symlinked_folder_keeps_its_problems(tmp_path, monkeypatch, capsys):
    project = tmp_path / "real"
    write(project, {"2023/1-kh-duk.md": plan(loai="Sắc lệnh", so_hieu="1-KH/ĐUK")})
    (tmp_path / "link").symlink_to(project, target_is_directory=True)
    code, problems = run_json(tmp_path, monkeypatch, capsys, str(tmp_path / "link" / "plans" / "2023" / "1-kh-duk.md"))
    assert code == 1
    assert only_error(problems)["file"] == "real/plans/2023/1-kh-duk.md"


@pytest.mark.parametrize("workers", [2, 1])
def test_a_check_of_hundreds_of_files_reports_every_citation_once(tmp_path, monkeypatch, capsys, workers):
    """Above forked.AT_LEAST files the citations are parsed in the workers that
    read the files: the same warnings as in one process, and a second run
    parses nothing (the cache holds every text)."""
    from vanban import forked
    from vanban.citations import parser

    monkeypatch.setattr(forked, "workers", lambda: workers)
    files = {f"2023/{i:03d}-kh-duk.md": plan(f"Thực hiện Kế hoạch số {i + 900}-KH/ĐUK của Ban Thường vụ.",
                                             so_hieu=f"{i + 1}-KH/ĐUK", can_cu=[f"Chỉ thị số {i + 1}-CT/TU"])
             for i in range(forked.AT_LEAST + 1)}
    write(tmp_path, files)
    code, problems = run_json(tmp_path, monkeypatch, capsys)
    assert code == 0
    assert len(problems) == 2 * len(files)
    assert {(p["file"], p["field"]) for p in problems} == {
        (f"plans/{name}", field) for name in files for field in ("can_cu", "nội dung")}
    assert "“Kế hoạch số 1300-KH/ĐUK” chưa có trong danh mục" in next(
        p["message"] for p in problems if p["file"] == "plans/2023/400-kh-duk.md" and p["field"] == "nội dung")

    # A new run starts from nothing but the cache file: every text is read back.
    monkeypatch.setattr(parser, "parse", lambda *a: pytest.fail("parsed again"))
    assert run_json(tmp_path, monkeypatch, capsys) == (0, problems)


def test_the_program_checks_and_exits_with_the_status(tmp_path):
    """`vanban check` as a program (the entry point and `python -m vanban.cli`
    run `run`, which ends with the collector frozen): its output and status."""
    import subprocess
    import sys

    write(tmp_path, {"2023/1-kh-duk.md": plan(loai="Sắc lệnh", so_hieu="1-KH/ĐUK")})
    done = subprocess.run([sys.executable, "-m", "vanban.cli", "check"], cwd=tmp_path,
                          capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 1
    assert done.stdout.splitlines()[-1] == "Đã kiểm tra 1 tệp: 1 lỗi, 0 cảnh báo."
    assert "plans/2023/1-kh-duk.md:" in done.stdout


def test_a_task_link_naming_no_task_is_a_warning(tmp_path, monkeypatch, capsys):
    write(tmp_path, {
        "2023/114-kh-duk.md": plan(so_hieu="114-KH/ĐUK", nhiem_vu=[{"noi_dung": "Việc", "don_vi": "Đoàn Khối"}]),
        "2023/20-kh-dtn.md": plan(so_hieu="20-KH/ĐTN", co_quan_ban_hanh="Đoàn Khối Cơ quan - Doanh nghiệp tỉnh",
                                  thuc_hien_nhiem_vu=[{"van_ban": "114-KH/ĐUK", "nhiem_vu": 2}]),
    })
    code, problems = run_json(tmp_path, monkeypatch, capsys)
    assert code == 0
    found = [p for p in problems if p["field"] == "thuc_hien_nhiem_vu"]
    assert [(p["file"], p["line"], p["severity"], p["message"]) for p in found] == [
        ("plans/2023/20-kh-dtn.md", 10, "cảnh báo", "Kế hoạch 114-KH/ĐUK có 1 nhiệm vụ, không có nhiệm vụ thứ 2.")]


def test_a_scan_or_other_file_in_plans_gets_an_example_that_works(tmp_path, monkeypatch, capsys):
    """vanban import reads .docx and text only: a PDF is pointed to goc/ and ban_goc, anything else out of plans/."""
    write(tmp_path, {"2023/115-kh-duk.md": plan(), "2023/goc.pdf": b"%PDF-1.4\n%%EOF\n", "2023/anh.jpg": b"\xff\xd8"})
    code, problems = run_json(tmp_path, monkeypatch, capsys)
    assert code == 1
    assert [(p["file"], p["expected"], p["example"]) for p in problems] == [
        ("plans/2023/anh.jpg", "trong plans/ chỉ có tệp văn bản .md; tệp khác để ngoài thư mục plans/",
         "plans/2023/114-kh-duk.md"),
        ("plans/2023/goc.pdf",
         "bản quét có chữ ký để trong thư mục goc/ (ngoài plans/); lệnh vanban new hoặc vanban import "
         "với --ban-goc ghi đường dẫn và mã SHA-256 của tệp vào trường ban_goc của văn bản",
         "vanban new --ban-goc goc/goc.pdf"),
    ]
