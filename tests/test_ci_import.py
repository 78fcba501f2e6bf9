"""The CI job that turns Word files uploaded to nhap/ into documents: run as CI
runs it (`vanban nhap-hop-thu --tom-tat FILE` in the repository), on .docx files
made by the tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import docx_factory
import pytest

from conftest import ROOT
from vanban.model import documents


def run(project: Path, *extra: str) -> subprocess.CompletedProcess:
    summary = project / "tom-tat.md"
    return subprocess.run([sys.executable, "-m", "vanban.cli", "nhap-hop-thu", "--tom-tat", str(summary), *extra],
                          cwd=project, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")})


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path) -> Path:
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    (tmp_path / "nhap").mkdir()
    return tmp_path


def test_a_word_file_becomes_a_document_and_leaves_the_inbox(project):
    docx_factory.build(docx_factory.PARTY_PLAN, project / "nhap" / "ke-hoach-120.docx")
    (project / "nhap" / "ke-hoach-120.yml").write_text(
        "ten: Kế hoạch 120-KH/ĐUK\ntep: /nhap/ke-hoach-120.docx\n", encoding="utf-8")
    (project / "nhap" / "khac.yml").write_text("ten: Tệp khác\ntep: khac.docx\n", encoding="utf-8")
    done = run(project)
    assert done.returncode == 0, done.stdout + done.stderr
    written = project / "plans" / "2023" / "120-kh-duk.md"
    doc, problems = documents.read(written)
    assert problems == []
    assert doc.heading == "Kế hoạch 120-KH/ĐUK"
    assert doc.meta["nguoi_ky"] == "Nguyễn Văn An"
    # the Word file and its note are gone; a note naming another file stays
    assert sorted(p.name for p in (project / "nhap").iterdir()) == ["khac.yml"]
    summary = (project / "tom-tat.md").read_text(encoding="utf-8")
    assert "### ke-hoach-120.docx → `plans/2023/120-kh-duk.md` (Kế hoạch 120-KH/ĐUK)" in summary
    assert "| Số hiệu (`so_hieu`) | 120-KH/ĐUK |" in summary
    assert "| Nơi nhận (`noi_nhan`) | 4 mục |" in summary
    assert "- Thẩm quyền ký (`tham_quyen_ky`)" not in summary  # found: T/M
    assert summary in done.stdout + "\n"
    check = subprocess.run([sys.executable, "-m", "vanban.cli", "check", "plans"], cwd=project, capture_output=True,
                           text=True, env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")})
    assert check.returncode == 0, check.stdout + check.stderr


def test_fields_not_found_are_listed(project):
    docx_factory.build(docx_factory.NO_HEADER_TABLE, project / "nhap" / "khong-bang.docx")
    assert run(project).returncode == 0
    summary = (project / "tom-tat.md").read_text(encoding="utf-8")
    assert "| Ngày ban hành (`ngay_ban_hanh`) | 2023-07-03 |" in summary
    assert summary.endswith("Không tìm thấy trong bản gốc (để trống, trang ghi “chưa rõ”; thêm trong /quan-tri/ "
                            "nếu bản gốc có):\n\n- Cơ quan cấp trên (`co_quan_cap_tren`)\n\n")


def test_a_file_that_cannot_be_imported_fails_and_changes_nothing(project):
    docx_factory.build(docx_factory.PARTY_PLAN, project / "nhap" / "a-tot.docx")
    (project / "nhap" / "b-hong.docx").write_bytes(b"day khong phai tep Word")
    before = tree(project)
    done = run(project)
    assert done.returncode == 1
    assert tree(project) == {**before, "tom-tat.md": (project / "tom-tat.md").read_bytes()}
    summary = (project / "tom-tat.md").read_text(encoding="utf-8")
    assert "**Không nhập được 1 trong 2 tệp; không thay đổi gì.**" in summary
    assert "nhap/b-hong.docx" in summary
    assert "Không thay đổi gì: sửa hoặc thay tệp Word trên rồi gửi lại." in done.stderr


def test_a_document_already_published_is_not_overwritten(project):
    docx_factory.build(docx_factory.PARTY_PLAN, project / "nhap" / "lan-1.docx")
    assert run(project).returncode == 0
    docx_factory.build(docx_factory.PARTY_PLAN, project / "nhap" / "lan-2.docx")
    done = run(project)
    assert done.returncode == 1
    assert "nhap/lan-2.docx: văn bản plans/2023/120-kh-duk.md đã có; không ghi đè." in done.stdout
    assert (project / "nhap" / "lan-2.docx").exists()


def test_two_files_for_one_document_are_refused(project):
    docx_factory.build(docx_factory.PARTY_PLAN, project / "nhap" / "mot.docx")
    docx_factory.build(docx_factory.PARTY_PLAN, project / "nhap" / "hai.docx")
    done = run(project)
    assert done.returncode == 1
    assert "hai tệp Word cùng cho văn bản plans/2023/120-kh-duk.md" in done.stdout
    assert not (project / "plans" / "2023" / "120-kh-duk.md").exists()


def test_an_empty_inbox_is_not_an_error(project):
    done = run(project)
    assert done.returncode == 0
    assert done.stdout == "Thư mục nhap/ không có tệp Word (.docx) nào để nhập.\n"


def test_github_and_gitlab_run_the_command_on_changes_to_the_inbox():
    import yaml

    github = yaml.safe_load((ROOT / ".github/workflows/nhap-word.yml").read_text(encoding="utf-8"))
    assert github[True]["pull_request"]["paths"] == ["nhap/**"]  # YAML 1.1 reads the key `on` as True
    job = github["jobs"]["nhap"]
    assert job["permissions"] == {"contents": "write"}
    runs = [step.get("run", "") for step in job["steps"]]
    assert 'vanban nhap-hop-thu --tom-tat "$GITHUB_STEP_SUMMARY"' in runs
    assert "vanban check plans" in runs
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))["nhap-word"]
    assert gitlab["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"', "changes": ["nhap/**/*"]}]
    assert "vanban nhap-hop-thu --tom-tat tom-tat-nhap.md" in gitlab["script"]
    assert gitlab["artifacts"]["paths"] == ["tom-tat-nhap.md"]
