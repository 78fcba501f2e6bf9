"""An editor uses /quan-tri/ (Decap CMS with decap-server, no sign-in) on a fresh
copy of the project: creates a Kế hoạch through the form, and opens and saves
the seed plan. Chromium may ask nothing but 127.0.0.1."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from conftest import ROOT, build_project, serve, skip_unless_ci
from vanban.model import documents

pytestmark = pytest.mark.browser

SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
SEED = "plans/2023/114-kh-duk.md"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def decap_server(node: str, repo: Path, port: int, **env: str):
    """decap-server on `repo`, listening on 127.0.0.1:`port` before the block
    starts (a start-up waited for, not a measured time); its output in
    decap-server-PORT.log beside the repository, not in it."""
    with open(repo.parent / f"decap-server-{port}.log", "w") as log:
        server = subprocess.Popen([node, str(SERVER)], cwd=repo, stdout=log, stderr=subprocess.STDOUT,
                                  env={**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1",
                                       "GIT_REPO_DIRECTORY": str(repo), **env})
        try:
            for _ in range(200):
                with socket.socket() as s:
                    if s.connect_ex(("127.0.0.1", port)) == 0:
                        break
                time.sleep(0.05)
            yield
        finally:
            server.terminate()
            server.wait(timeout=10)


def signed_in(browser, url: str):
    """A new browser context on /quan-tri/, signed in, that refuses and records
    every request outside 127.0.0.1: (context, page, the refused addresses)."""
    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    outside: list[str] = []

    def route(r):
        if urlsplit(r.request.url).hostname != "127.0.0.1":
            outside.append(r.request.url)
            return r.abort()
        return r.continue_()

    context.route("**/*", route)
    page = context.new_page()
    page.goto(f"{url}/quan-tri/")
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_text("Văn bản", exact=True).first.wait_for()
    return context, page, outside


def split(path: Path) -> tuple[dict, bytes]:
    """The front matter as parsed, and the body's exact bytes."""
    data = path.read_bytes()
    end = data.index(b"\n---\n", 4)
    return yaml.safe_load(data[4:end].decode("utf-8")), data[end + 5:]


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    """A fresh copy of the project, decap-server on it, and its built site served."""
    node = shutil.which("node")
    if node is None or not SERVER.exists() or not (ROOT / "node_modules/decap-cms/dist/decap-cms.js").exists():
        skip_unless_ci("Node.js and node_modules (npm ci) are needed for the editor")
    port = free_port()
    built = build_project(tmp_path_factory.mktemp("editor"), env={"VANBAN_CMS_LOCAL_PORT": str(port)})
    assert built.returncode == 0, built.output
    project = built.project
    with decap_server(node, project, port):
        http, url = serve(built.site)
        yield project, url
        http.shutdown()


@pytest.fixture
def cms(browser, editor):
    """Chromium with every request outside 127.0.0.1 refused and recorded."""
    project, url = editor
    context, page, outside = signed_in(browser, url)
    yield page, project, url
    context.close()
    assert outside == []


def wait_for_file(path: Path, old: bytes | None = None) -> None:
    for _ in range(600):
        if path.exists() and path.read_bytes() != old:
            return
        time.sleep(0.05)
    raise AssertionError(f"{path} was not written")


def publish(page) -> None:
    page.get_by_text("Công bố", exact=True).click()
    page.get_by_text("Công bố ngay", exact=True).click()
    page.get_by_text("Đã công bố", exact=True).wait_for()


def choose(page, field: str, value: str) -> None:
    box = page.locator(f'input[id^="{field}-field"]')
    box.click()
    box.fill(value)
    page.keyboard.press("Enter")


def add_item(page, button: str, value: str) -> None:
    page.get_by_role("button", name=button, exact=True).click()
    page.locator('input[id^="muc-field"]').last.fill(value)


def test_the_vietnamese_locale_has_every_phrase(cms):
    page, _, _ = cms
    missing = page.evaluate("""() => {
      const flat = (o, p = '', out = {}) => { for (const [k, v] of Object.entries(o)) {
        const key = p ? p + '.' + k : k; if (v && typeof v === 'object') flat(v, key, out); else out[key] = v; } return out; };
      const en = flat(CMS.getLocale('en')), vi = flat(CMS.getLocale('vi'));
      // Phrases that are only a placeholder or a brand are the same in every language.
      const same = (k) => /^[＋\\s%{}a-zA-Z]*$/.test(en[k]) && /%\\{|^Markdown$/.test(en[k]);
      return Object.keys(en).filter(k => !(k in vi) || (vi[k] === en[k] && !same(k)));
    }""")
    assert missing == []


def test_open_and_save_the_seed_plan_leaves_it_as_it_was(cms):
    """Decap saves only a changed entry: one field is changed and saved, then
    changed back and saved; every other field went through its writer twice."""
    page, project, _ = cms
    path = project / SEED
    meta_before, body_before = split(path)
    address = page.url.split("#")[0] + "#/collections/van-ban/entries/2023/114-kh-duk"
    for title, expected in ((meta_before["trich_yeu"] + " (sửa)", {**meta_before, "trich_yeu": meta_before["trich_yeu"] + " (sửa)"}),
                            (meta_before["trich_yeu"], meta_before)):
        old = path.read_bytes()
        page.goto(address)
        page.reload()
        box = page.locator('input[id^="trich_yeu-field"]')
        box.wait_for()
        box.fill(title)
        publish(page)
        wait_for_file(path, old)
        meta_after, body_after = split(path)
        assert meta_after == expected
        assert body_after == body_before
    doc, problems = documents.read(path)
    assert problems == [] and doc.heading == "Kế hoạch 114-KH/ĐUK"
    assert "#" not in path.read_text(encoding="utf-8").split("\n---\n")[0]  # nothing left in comments


def test_create_a_plan_through_the_form(cms):
    page, project, url = cms
    page.goto(page.url.split("#")[0] + "#/collections/van-ban/new")
    page.locator('input[id^="so_hieu-field"]').fill("120-KH/ĐUK")
    choose(page, "loai", "Kế hoạch")
    page.locator('input[id^="trich_yeu-field"]').fill("Tuyên truyền kỷ niệm 50 năm Ngày Giải phóng miền Nam")
    page.locator('input[id^="co_quan_ban_hanh-field"]').fill("Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh")
    page.locator('input[id^="ngay_ban_hanh-field"]').fill("15/3/2025")
    page.locator('input[id^="nam-field"]').fill("2025")
    page.locator('input[id^="dia_danh-field"]').fill("Bến Tre")
    choose(page, "tham_quyen_ky", "T/M")
    page.locator('input[id^="thay_mat-field"]').fill("Ban Thường vụ")
    add_item(page, "Thêm nơi nhận", "Các chi ủy, đảng ủy cơ sở")
    add_item(page, "Thêm nơi nhận", "Đăng Website")
    page.get_by_role("button", name="Thêm nhiệm vụ", exact=True).click()
    page.locator('textarea[id^="noi_dung-field"]').fill("Xây dựng kế hoạch tuyên truyền của đơn vị")
    add_item(page, "Thêm đơn vị thực hiện", "Các chi ủy, đảng ủy cơ sở")
    page.locator('input[id^="han-field"]').fill("4/2025")
    body = page.locator('[id^="body-field"] [contenteditable="true"], [contenteditable="true"]').last
    body.click()
    page.keyboard.type("## I. MỤC ĐÍCH YÊU CẦU\n\n**1.** Tuyên truyền sâu rộng trong cán bộ, đảng viên.")
    publish(page)
    path = project / "plans" / "2025" / "120-kh-duk.md"
    wait_for_file(path)

    meta, body_bytes = split(path)
    assert meta["so_hieu"] == "120-KH/ĐUK" and meta["nam"] == 2025 and meta["ngay_ban_hanh"] == "15/3/2025"
    assert meta["noi_nhan"] == ["Các chi ủy, đảng ủy cơ sở", "Đăng Website"]
    assert meta["nhiem_vu"] == [{"noi_dung": "Xây dựng kế hoạch tuyên truyền của đơn vị",
                                 "don_vi": ["Các chi ủy, đảng ủy cơ sở"], "han": "4/2025"}]
    assert "publish" not in meta  # an untouched switch writes nothing: publication follows Nơi nhận
    assert b"**1.** Tuy\xc3\xaan truy\xe1\xbb\x81n" in body_bytes

    check = subprocess.run([sys.executable, "-m", "vanban.cli", "check", "plans"], cwd=project,
                           capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")})
    assert check.returncode == 0, check.stdout + check.stderr
    assert "lỗi" not in check.stdout.lower().replace("0 lỗi", ""), check.stdout

    rebuilt = build_project(project.parent / "again", plans={
        str(p.relative_to(project / "plans")): p.read_bytes() for p in (project / "plans").rglob("*.md")})
    assert rebuilt.returncode == 0, rebuilt.output
    html = rebuilt.html("van-ban/2025/120-kh-duk/index.html")
    assert "Tuyên truyền kỷ niệm 50 năm Ngày Giải phóng miền Nam" in html
    assert json.loads((rebuilt.site / "api" / "van-ban.json").read_text(encoding="utf-8"))["so_luong"] == 2


def test_a_word_file_uploaded_in_the_browser_is_imported_by_the_ci_command(cms, tmp_path):
    """The inbox form puts the .docx and a note in nhap/; the CI job's command
    turns it into a document and empties the inbox."""
    import docx_factory

    page, project, _ = cms
    source = docx_factory.build(docx_factory.STATE_DECISION, tmp_path / "Quyết định 123.docx")
    page.goto(page.url.split("#")[0] + "#/collections/nhap-word/new")
    page.locator('input[id^="ten-field"]').fill("Quyết định 123/QĐ-UBND")
    page.get_by_role("button", name="Chọn một tập tin").click()
    page.locator('input[type="file"]').set_input_files(str(source))
    page.get_by_role("button", name="Lấy những cái đã chọn").click()
    publish(page)
    inbox = project / "nhap"
    wait_for_file(inbox / "quyet-dinh-123-qd-ubnd.yml")
    assert sorted(p.suffix for p in inbox.iterdir()) == [".docx", ".yml"]
    assert (inbox / "quyet-dinh-123-qd-ubnd.yml").read_text(encoding="utf-8").splitlines()[0] == \
        "ten: Quyết định 123/QĐ-UBND"

    done = subprocess.run([sys.executable, "-m", "vanban.cli", "nhap-hop-thu"], cwd=project, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")})
    assert done.returncode == 0, done.stdout + done.stderr
    assert list(inbox.iterdir()) == []
    written = next((project / "plans").rglob("123-qd-ubnd.md"))
    doc, problems = documents.read(written)
    assert problems == [] and doc.heading == "Quyết định 123/QĐ-UBND"


@pytest.fixture(scope="module")
def git_editor(tmp_path_factory):
    """decap-server in its git mode on a repository: the editorial workflow, as on GitLab and GitHub."""
    node = shutil.which("node")
    if node is None or shutil.which("git") is None or not SERVER.exists():
        skip_unless_ci("Node.js, git and node_modules (npm ci) are needed for the editor")
    port = free_port()
    built = build_project(tmp_path_factory.mktemp("git-editor"), env={"VANBAN_CMS_LOCAL_PORT": str(port)})
    assert built.returncode == 0, built.output
    repo = built.project / "repo"
    shutil.copytree(built.project / "plans", repo / "plans")
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "seed"], check=True)
    with decap_server(node, repo, port, MODE="git"):
        http, url = serve(built.site)
        yield repo, url
        http.shutdown()


def test_saving_makes_a_branch_for_review_not_a_change_of_main(browser, git_editor):
    repo, url = git_editor
    context, page, outside = signed_in(browser, url)
    page.goto(f"{url}/quan-tri/#/collections/van-ban/entries/2023/114-kh-duk")
    box = page.locator('input[id^="trich_yeu-field"]')
    box.wait_for()
    box.fill("Thực hiện công tác dân vận năm 2023 (sửa)")
    page.get_by_role("button", name="Lưu", exact=True).click()
    branch = "cms/van-ban/2023/114-kh-duk"
    shown = b""
    for _ in range(600):  # until decap-server has committed on the branch
        shown = subprocess.run(["git", "-C", str(repo), "show", f"{branch}:{SEED}"], capture_output=True).stdout
        if "(sửa)".encode() in shown:
            break
        time.sleep(0.05)
    context.close()
    assert outside == []
    end = shown.index(b"\n---\n", 4)
    assert yaml.safe_load(shown[4:end])["trich_yeu"] == "Thực hiện công tác dân vận năm 2023 (sửa)"
    on_main = subprocess.run(["git", "-C", str(repo), "show", f"main:{SEED}"], capture_output=True, check=True).stdout
    assert on_main == (ROOT / SEED).read_bytes()  # main is untouched until the request is accepted
    log = subprocess.run(["git", "-C", str(repo), "log", "-1", "--format=%s", branch], capture_output=True,
                         text=True, check=True).stdout
    assert log == "Sửa văn bản “2023/114-kh-duk”\n"
