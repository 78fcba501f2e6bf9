"""What the site and its build say: the numbers an editor wrote in a list,
no English on any page (footer, 404), Vietnamese build lines, and Material's
end-of-life notice silenced by the project's scripts and CI but still shown
to a developer who runs MkDocs without them."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, build_project
from plan_factory import plan

BODY = """Đoạn mở đầu, như bản gốc.

2. Mục hai, sau một đoạn văn.
3. Mục ba.

Đoạn giữa.

1. Danh sách mới, từ 1.

Căn cứ Kế hoạch số 130-KH/ĐUK và Quyết định số 1286/QĐ-UBND, ngày 20/4/2023."""

# Words of an English interface; none may be read on a page.
ENGLISH = re.compile(r"\b(Made with|Material for MkDocs|Not found|Skip to content|Back to top|Search|Previous|Next|"
                     r"Table of contents|Copy to clipboard|Initializing|Type to start)\b")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    result = build_project(tmp_path_factory.mktemp("words"), {"2023/115-kh-duk.md": plan(BODY)})
    assert result.returncode == 0, result.output
    return result


def test_numbered_list_keeps_the_editors_numbers(built):
    page = built.html("van-ban/2023/115-kh-duk/index.html")
    assert '<ol start="2">\n<li>Mục hai, sau một đoạn văn.</li>\n<li>Mục ba.</li>\n</ol>' in page
    assert "<ol>\n<li>Danh sách mới, từ 1.</li>\n</ol>" in page


def test_numbers_are_wrapped_to_stay_whole_and_the_text_is_unchanged(built):
    page = built.html("van-ban/2023/115-kh-duk/index.html")
    assert '<span class="vb-so-hieu">1286/QĐ-UBND</span>' in page
    assert re.search(r'<span class="vb-so-hieu">130-KH/ĐUK</span>', page)
    assert '<span class="vb-so-hieu">20/4/2023</span>' not in page  # a date is no number
    text = (built.project / "plans/2023/115-kh-duk.md").read_text(encoding="utf-8")
    assert "Kế hoạch số 130-KH/ĐUK" in text  # the stored text stays as typed


def test_no_english_on_any_page(built):
    for path in sorted(built.site.rglob("*.html")):
        page = path.read_text(encoding="utf-8")
        page = re.sub(r"<(script|style)\b.*?</\1>", "", page, flags=re.S)
        seen = " ".join(re.findall(r'(?:aria-label|title|placeholder|alt)="([^"]*)"', page))
        seen += " " + re.sub(r"<[^>]+>", " ", page)
        found = ENGLISH.search(html.unescape(seen))
        assert found is None, (path, found and found.group())


def test_the_404_page_is_vietnamese(built):
    page = built.html("404.html")
    assert "<h1>Không tìm thấy trang</h1>" in page
    assert "<title>Không tìm thấy trang - " in page
    assert "404 - Not found" not in page


def test_build_lines_are_vietnamese_and_the_notice_silenced(built):
    out = built.output
    assert "end of life" not in out and "Zensical" not in out
    assert "Dựng trang vào thư mục " in out
    assert re.search(r"Đã dựng xong trong [\d.]+ giây", out)
    for english in ("Cleaning site directory", "Building documentation", "Documentation built"):
        assert english not in out


def test_held_back_documents_say_why_in_the_build(tmp_path):
    result = build_project(tmp_path, {"2023/115-kh-duk.md": plan(),
                                      "2023/116-kh-duk.md": plan(so_hieu="116-KH/ĐUK", publish=False),
                                      "2023/117-kh-duk.md": plan(so_hieu="117-KH/ĐUK", noi_nhan=["Lưu VP"])})
    assert result.returncode == 0, result.output
    assert "giữ lại: plans/2023/116-kh-duk.md (Kế hoạch 116-KH/ĐUK): có dòng publish: false" in result.output
    assert ("giữ lại: plans/2023/117-kh-duk.md (Kế hoạch 117-KH/ĐUK): Nơi nhận không có dòng “Đăng Website”"
            in result.output)


def test_a_developer_running_mkdocs_still_sees_the_notice(tmp_path):
    """Not hidden from developers: only the project's scripts and CI set NO_MKDOCS_2_WARNING."""
    result = build_project(tmp_path, {"2023/115-kh-duk.md": plan()}, env={"NO_MKDOCS_2_WARNING": ""})
    assert result.returncode == 0, result.output
    assert "Material for MkDocs reaches end of life" in result.output


def test_scripts_and_ci_silence_the_notice():
    for script in ("scripts/build.sh", ".ci/run"):
        assert "export NO_MKDOCS_2_WARNING=1" in (ROOT / script).read_text(encoding="utf-8"), script
    assert "NO_MKDOCS_2_WARNING=1" in (ROOT / ".devcontainer/Dockerfile").read_text(encoding="utf-8")
    workflow = yaml.safe_load((ROOT / ".github/workflows/site.yml").read_text(encoding="utf-8"))
    assert workflow["jobs"]["build"]["env"]["NO_MKDOCS_2_WARNING"] == "1"
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gitlab["variables"]["NO_MKDOCS_2_WARNING"] == "1"


def test_generator_line_is_off():
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)  # noqa: S506
    assert config["extra"]["generator"] is False
    assert "sane_lists" in config["markdown_extensions"]
    assert Path(ROOT / "hooks/vanban/site/unbroken.py").exists()


def test_no_label_carries_an_aria_label(built):
    """A <label> has no role an aria-label could name (Lighthouse and axe:
    aria-prohibited-attr); the search box's close label is named by its text."""
    for path in sorted(built.site.rglob("*.html")):
        page = path.read_text(encoding="utf-8")
        assert re.findall(r"<label\b[^>]*\baria-label=", page) == [], path
    page = built.html("index.html")
    assert re.search(r'<label class="md-search__icon md-icon" for="__search" title="Đóng tra cứu">\s*<svg.*?</svg>\s*'
                     r'<span class="vb-an">Đóng tra cứu</span>\s*<svg.*?</svg>\s*</label>', page, flags=re.S)


@pytest.mark.parametrize("english, vietnamese", [
    ("[10:42:07] Serving on http://127.0.0.1:8000/", "[10:42:07] Xem trang tại http://127.0.0.1:8000/"),
    ("[10:42:07] Watching paths for changes: 'docs', 'plans'", "[10:42:07] Theo dõi thay đổi trong: 'docs', 'plans'"),
    ("[10:42:09] Detected file changes", "[10:42:09] Có tệp vừa sửa"),
    ("Building documentation...", "Đang dựng trang…"),
    ("Documentation built in 2.18 seconds", "Đã dựng xong trong 2.18 giây"),
    ("Template skipped: 'x.html' not found in theme directories.",
     "Template skipped: 'x.html' not found in theme directories."),  # a developer's message stays
])
def test_mkdocs_preview_lines_in_vietnamese(english, vietnamese):
    import importlib.util
    import logging
    spec = importlib.util.spec_from_file_location("site_hooks_words", ROOT / "hooks/site_hooks.py")
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)
    record = logging.LogRecord("mkdocs.livereload", logging.INFO, __file__, 1, english, (), None)
    assert hooks._Vietnamese().filter(record) is True
    assert record.getMessage() == vietnamese


def test_the_back_to_top_button_says_where_it_goes(built):
    page = built.html("van-ban/2023/115-kh-duk/index.html")
    button = re.search(r'<button type="button" class="md-top md-icon"[^>]*>(.*?)</button>', page, re.S).group(1)
    assert re.sub(r"<svg.*?</svg>", "", button, flags=re.S).split() == ["Về", "đầu", "trang"]
    assert "Trở lại mục lục" not in page
