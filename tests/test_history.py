"""History from git: a document changed in two commits shows both changes with
their dates and exact words; the correction notice shows at the top; the
sitemap and feeds take the last change's date; a shallow clone builds with a
warning naming the missing history and never a wrong first date; outside git
nothing is said."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from conftest import build_project
from plan_factory import plan
from vanban.graph import history

ENV = {**os.environ, "GIT_AUTHOR_NAME": "Biên tập", "GIT_AUTHOR_EMAIL": "bt@example.org",
       "GIT_COMMITTER_NAME": "Biên tập", "GIT_COMMITTER_EMAIL": "bt@example.org", "GIT_CONFIG_GLOBAL": os.devnull}
PAGE = "van-ban/2023/114-kh-duk/index.html"
CORRECTION = "Ngày 15/5/2023 đính chính: tại Điều 1, “tháng 5” sửa thành “tháng 6”."


def git(folder: Path, *args: str, when: str | None = None) -> str:
    env = dict(ENV)
    if when:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = when
    return subprocess.run(["git", *args], cwd=folder, check=True, env=env, capture_output=True, text=True).stdout


def make_repository(tmp: Path) -> Path:
    """A project whose one document was published, then changed twice."""
    project = tmp / "project"
    path = project / "plans" / "2023" / "114-kh-duk.md"
    path.parent.mkdir(parents=True)
    git(project, "init", "-q", "-b", "main")
    path.write_text(plan("Điều 1. Tổ chức hội nghị vào tháng 5/2023.\n\nĐiều 2. Các chi bộ báo cáo kết quả.",
                         so_hieu="114-KH/ĐUK"), encoding="utf-8")
    git(project, "add", ".")
    git(project, "commit", "-qm", "Đăng Kế hoạch 114-KH/ĐUK", when="2023-04-20T09:00:00+07:00")
    path.write_text(plan("Điều 1. Tổ chức hội nghị vào tháng 6/2023.\n\nĐiều 2. Các chi bộ báo cáo kết quả.",
                         so_hieu="114-KH/ĐUK"), encoding="utf-8")
    git(project, "commit", "-qam", "Đính chính tháng tổ chức hội nghị", when="2023-05-15T10:00:00+07:00")
    path.write_text(plan("Điều 1. Tổ chức hội nghị vào tháng 6/2023.\n\nĐiều 2. Các chi bộ báo cáo kết quả.\n\n"
                         "Điều 3. Văn phòng theo dõi.", so_hieu="114-KH/ĐUK", trich_yeu="Tổ chức hội nghị dân vận",
                         dinh_chinh=CORRECTION), encoding="utf-8")
    git(project, "commit", "-qam", "Thêm Điều 3 và sửa trích yếu", when="2023-06-01T08:30:00+07:00")
    return project


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("history")
    make_repository(tmp)
    result = build_project(tmp, {})
    assert result.returncode == 0, result.output
    return result


def test_both_changes_show_with_their_dates_and_messages(built):
    html = built.html(PAGE)
    ids = git(built.project, "log", "--format=%H").split()
    assert '<h2 id="lich-su">Lịch sử</h2>' in html
    assert ('<li><strong>Đăng lần đầu</strong> ngày 20/04/2023: “Đăng Kế hoạch <span class="vb-so-hieu">114-KH/ĐUK</span>”.'
            '</li>') in html
    assert (f'<li><strong>Sửa ngày 15/05/2023</strong>: “Đính chính tháng tổ chức hội nghị” '
            f'(<a href="#sua-{ids[1][:10]}">xem thay đổi</a>).</li>') in html
    assert (f'<li><strong>Sửa ngày 01/06/2023</strong>: “Thêm Điều 3 và sửa trích yếu” '
            f'(<a href="#sua-{ids[0][:10]}">xem thay đổi</a>).</li>') in html


def test_each_change_shows_its_exact_words_and_fields(built):
    html = built.html(PAGE)
    first = re.search(r'<details class="vb-thay-doi" id="sua-\w+">\s*<summary>Thay đổi ngày 15/05/2023: '
                      r'1 đoạn nội dung</summary>(.*?)</details>', html, re.S)
    assert first is not None
    assert ('<p class="vb-thay-doi-doan">Điều 1. Tổ chức hội nghị vào tháng <del>5/2023.</del><ins>6/2023.</ins></p>'
            in first.group(1))
    second = re.search(r"<summary>Thay đổi ngày 01/06/2023: 2 trường thông tin, 1 đoạn nội dung</summary>(.*?)</details>",
                       html, re.S).group(1)
    assert ("<li><strong>Trích yếu</strong> (<code>trich_yeu</code>): <del>Tổ chức hội nghị</del> → "
            "<ins>Tổ chức hội nghị dân vận</ins></li>") in second
    assert f"<li><strong>Đính chính</strong> (<code>dinh_chinh</code>): thêm <ins>{CORRECTION}</ins></li>" in second
    assert '<p class="vb-thay-doi-doan"><ins>Điều 3. Văn phòng theo dõi.</ins></p>' in second


def test_the_correction_notice_is_at_the_top(built):
    html = built.html(PAGE)
    notice = html.index('<div class="admonition warning vb-dinh-chinh">')
    assert notice < html.index("<p>Điều 1. Tổ chức hội nghị")
    assert f"<p>{CORRECTION}</p>" in html[notice:]


def test_sitemap_and_feeds_take_the_last_change(built):
    sitemap = (built.site / "sitemap.xml").read_text(encoding="utf-8")
    assert re.search(r"<loc>[^<]*/van-ban/2023/114-kh-duk/</loc>\s*<lastmod>2023-06-01</lastmod>", sitemap)
    atom = (built.site / "feed/atom.xml").read_text(encoding="utf-8")
    assert "<updated>2023-06-01T08:30:00+07:00</updated>" in atom
    assert "<published>2023-05-10T00:00:00+07:00</published>" in atom  # the issue day stays


def test_changes_are_cached_by_commit(built):
    ids = git(built.project, "log", "--format=%H").split()
    cached = sorted(p.stem for p in (built.project / history.FOLDER).glob("*.json"))
    assert cached == sorted(ids)  # each version's publication, and the two changes


def test_a_draft_held_back_is_never_shown(tmp_path):
    project = tmp_path / "project"
    path = project / "plans" / "2023" / "114-kh-duk.md"
    path.parent.mkdir(parents=True)
    git(project, "init", "-q", "-b", "main")
    path.write_text(plan("Bản nháp có tên người chưa công bố.", so_hieu="114-KH/ĐUK", noi_nhan=["Lưu VP"]),
                    encoding="utf-8")
    git(project, "add", ".")
    git(project, "commit", "-qm", "Bản nháp", when="2023-04-01T09:00:00+07:00")
    path.write_text(plan("Nội dung đã duyệt.", so_hieu="114-KH/ĐUK"), encoding="utf-8")
    git(project, "commit", "-qam", "Duyệt và đăng", when="2023-04-20T09:00:00+07:00")
    result = build_project(tmp_path, {})
    assert result.returncode == 0, result.output
    html = result.html(PAGE)
    assert "<li><strong>Đăng lần đầu</strong> ngày 20/04/2023: “Duyệt và đăng”.</li>" in html
    assert "Chưa sửa lần nào từ khi đăng." in html
    assert "Bản nháp" not in html and "chưa công bố" not in html


@pytest.mark.parametrize("drafts", [1, 2])
def test_a_document_published_only_in_the_work_tree_has_no_first_date(tmp_path, drafts):
    project = tmp_path / "project"
    path = project / "plans" / "2023" / "114-kh-duk.md"
    path.parent.mkdir(parents=True)
    git(project, "init", "-q", "-b", "main")
    path.write_text(plan("Bản nháp.", so_hieu="114-KH/ĐUK", noi_nhan=["Lưu VP"]), encoding="utf-8")
    git(project, "add", ".")
    git(project, "commit", "-qm", "Bản nháp", when="2023-04-01T09:00:00+07:00")
    if drafts == 2:
        path.write_text(plan("Bản nháp hai.", so_hieu="114-KH/ĐUK", noi_nhan=["Lưu VP"]), encoding="utf-8")
        git(project, "commit", "-qam", "Bản nháp hai", when="2023-04-05T09:00:00+07:00")
    path.write_text(plan("Nội dung đã duyệt.", so_hieu="114-KH/ĐUK"), encoding="utf-8")  # not committed
    result = build_project(tmp_path, {})
    assert result.returncode == 0, result.output
    html = result.html(PAGE)
    assert "Nội dung đã duyệt." in html
    assert "Đăng lần đầu" not in html and "01/04/2023" not in html and "05/04/2023" not in html


def test_a_shallow_clone_builds_warns_and_gives_no_first_date(tmp_path):
    origin = make_repository(tmp_path / "origin")
    clone = tmp_path / "clone" / "project"
    clone.parent.mkdir()
    git(clone.parent, "clone", "-q", "--depth", "2", f"file://{origin}", str(clone))
    boundary = git(clone, "log", "--format=%H").split()[-1]
    result = build_project(clone.parent, {}, strict=False)
    assert result.returncode == 0, result.output
    assert (f"WARNING -  plans:1: cảnh báo [lịch sử] Bản sao git này thiếu lịch sử (bản sao nông, shallow clone): "
            f"không có các commit trước {boundary[:10]} (15/05/2023, “Đính chính tháng tổ chức hội nghị”). "
            "1 văn bản không ghi ngày đăng lần đầu") in result.output
    assert "fetch-depth: 0 (GitHub Actions) hoặc GIT_DEPTH: 0 (GitLab CI)" in result.output
    html = result.html(PAGE)
    assert "Đăng lần đầu" not in html
    assert ("Bản dựng này thiếu lịch sử trước ngày 15/05/2023 (bản sao git không đủ lịch sử), "
            "nên không ghi ngày đăng lần đầu.") in html
    assert "<li><strong>Sửa ngày 01/06/2023</strong>: “Thêm Điều 3 và sửa trích yếu”" in html
    assert "Sửa ngày 15/05/2023" not in html  # the boundary commit's own change is not known


def test_a_shallow_clone_never_says_a_document_was_not_changed(tmp_path):
    origin = make_repository(tmp_path / "origin")
    clone = tmp_path / "clone" / "project"
    clone.parent.mkdir()
    git(clone.parent, "clone", "-q", "--depth", "1", f"file://{origin}", str(clone))
    result = build_project(clone.parent, {}, strict=False)
    assert result.returncode == 0, result.output
    html = result.html(PAGE)
    assert "Chưa sửa lần nào từ khi đăng." not in html
    assert ("Không có lần sửa nào sau ngày 01/06/2023; các lần sửa trước đó không có trong bản dựng này.") in html


def test_outside_git_nothing_is_said(tmp_path):
    result = build_project(tmp_path, {"2023/114-kh-duk.md": plan("Nội dung.", so_hieu="114-KH/ĐUK")})
    assert result.returncode == 0, result.output
    html = result.html(PAGE)
    assert "Lịch sử" not in html and "Đăng lần đầu" not in html
    assert "<lastmod>2023-05-10</lastmod>" in (result.site / "sitemap.xml").read_text(encoding="utf-8")


def test_word_diff_keeps_a_few_words_around_a_change():
    old = "Một hai ba bốn năm sáu bảy tám chín mười mười một mười hai mười ba mười bốn cuối cũ."
    new = old.replace("cuối cũ.", "cuối mới.")
    assert history.word_diff(old, new) == [[["=", "… một mười hai mười ba mười bốn cuối "],
                                             ["-", "cũ."], ["+", "mới."]]]
    assert history.word_diff("A.\n\nB.", "A.\n\nB.\n\nC.") == [[["+", "C."]]]
    middle = history.word_diff("x " + old, "y " + old.replace("cũ.", "mới."))[0]
    assert middle[2] == ["=", " Một hai ba bốn năm sáu bảy tám … một mười hai mười ba mười bốn cuối "]
    assert history.word_diff("A.\n\nB.", "B.") == [[["-", "A."]]]


def test_a_moved_file_keeps_its_first_publication(tmp_path):
    project = tmp_path / "project"
    old = project / "plans" / "2022" / "114-kh-duk.md"
    old.parent.mkdir(parents=True)
    git(project, "init", "-q", "-b", "main")
    old.write_text(plan("Nội dung văn bản.", so_hieu="114-KH/ĐUK", ngay_ban_hanh="2022-05-10"), encoding="utf-8")
    git(project, "add", ".")
    git(project, "commit", "-qm", "Đăng Kế hoạch 114-KH/ĐUK", when="2023-04-20T09:00:00+07:00")
    new = project / "plans" / "2023" / "114-kh-duk.md"
    new.parent.mkdir()
    git(project, "mv", "plans/2022/114-kh-duk.md", "plans/2023/114-kh-duk.md")
    new.write_text(plan("Nội dung văn bản.", so_hieu="114-KH/ĐUK"), encoding="utf-8")
    git(project, "commit", "-qam", "Sửa năm ban hành", when="2023-05-02T09:00:00+07:00")
    result = build_project(tmp_path, {})
    assert result.returncode == 0, result.output
    html = result.html(PAGE)
    assert ('<li><strong>Đăng lần đầu</strong> ngày 20/04/2023: “Đăng Kế hoạch <span class="vb-so-hieu">114-KH/ĐUK'
            '</span>”.</li>') in html
    assert ("<li><strong>Ngày ban hành</strong> (<code>ngay_ban_hanh</code>): <del>2022-05-10</del> → "
            "<ins>2023-05-10</ins></li>") in html


def test_a_commit_that_also_changed_code_shows_its_date_and_change_without_its_message(tmp_path):
    project = tmp_path / "project"
    path = project / "plans" / "2023" / "114-kh-duk.md"
    path.parent.mkdir(parents=True)
    git(project, "init", "-q", "-b", "main")
    path.write_text(plan("Điều 1. Hội nghị tháng 5.", so_hieu="114-KH/ĐUK"), encoding="utf-8")
    (project / "data").mkdir()
    (project / "data" / "registry.yml").write_text("[]\n", encoding="utf-8")
    git(project, "add", ".")
    git(project, "commit", "-qm", "Đăng Kế hoạch 114-KH/ĐUK", when="2023-04-20T09:00:00+07:00")
    path.write_text(plan("Điều 1. Hội nghị tháng 6.", so_hieu="114-KH/ĐUK"), encoding="utf-8")
    (project / "hooks.py").write_text("x = 1\n", encoding="utf-8")
    git(project, "add", ".")
    git(project, "commit", "-qm", "Refactor the parser", when="2023-05-15T10:00:00+07:00")
    found = history.read(project / "plans", {"2023/114-kh-duk.md": path}).get("2023/114-kh-duk.md")
    assert found.first.message == "Đăng Kế hoạch 114-KH/ĐUK"
    assert [(c.commit.when.date().isoformat(), c.commit.message) for c in found.changes] == [("2023-05-15", "")]
