"""Building whole sites: the seed page, bad input failing the build, documents
held back, and hostile metadata shown as text."""

import html
import re
from pathlib import Path

import pytest

from conftest import build_project
from plan_factory import plan


def test_seed_page_shows_header_title_signature_and_recipients(real_site):
    page = real_site.html("van-ban/2023/114-kh-duk/index.html")
    assert '<html lang="vi"' in page
    assert '<p class="vb-co-quan">ĐẢNG ỦY KHỐI CƠ QUAN - DOANH NGHIỆP TỈNH</p>' in page
    assert '<p class="vb-sao">*</p>' in page
    assert '<p class="vb-so">Số <span class="vb-so-hieu">114-KH/ĐUK</span></p>' in page
    assert '<p class="vb-quoc-hieu">ĐẢNG CỘNG SẢN VIỆT NAM</p>' in page
    assert "<em>Ngày ban hành: chưa rõ</em>" in page
    assert re.search(r'<span class="vb-loai">KẾ HOẠCH</span> <span class="vb-trich-yeu">Thực hiện công tác dân vận năm 2023</span>', page)
    assert '<p class="vb-tham-quyen">T/M BAN THƯỜNG VỤ</p>' in page
    assert '<p class="vb-chuc-vu">PHÓ BÍ THƯ</p>' in page
    assert '<p class="vb-nguoi-ky">Phạm Hữu Dự</p>' in page
    for recipient in ["Thường trực Tỉnh ủy", "Đ/c Hồ Thị Hoàng Yến, Phó Bí thư Thường trực Tỉnh ủy",
                      "Ban Thường vụ Đoàn Khối", "Đăng Website", "Lưu VP, BTG Đảng ủy Khối"]:
        assert f"<li>{recipient}</li>" in page


def test_seed_page_metadata_panel(real_site):
    page = real_site.html("van-ban/2023/114-kh-duk/index.html")
    panel = page[page.index('class="vb-thuoc-tinh"'):page.index("</aside>")]
    cells = re.findall(r"<td>(.*?)</td>\s*<td>(.*?)</td>", panel, re.S)
    rows = {k: re.sub(r"<[^>]+>", "", v) for k, v in cells}
    assert rows["Số hiệu"] == "114-KH/ĐUK"
    assert rows["Loại văn bản"] == "Kế hoạch"
    assert rows["Cơ quan ban hành"] == "Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh"
    assert rows["Ngày ban hành"] == "chưa rõ"
    assert rows["Cơ quan cấp trên"] == "chưa rõ"
    assert rows["Năm"] == "2023"
    assert rows["Người ký"] == "Phạm Hữu Dự"
    assert rows["Chức vụ"] == "Phó Bí thư"
    assert rows["Thẩm quyền ký"] == "T/M Ban Thường vụ"
    assert rows["Phương châm"] == "Thực chất - Hiệu quả - Hướng về cơ sở"


def test_strict_build_prints_no_warning(real_site):
    assert "WARNING" not in real_site.output
    assert "1 văn bản được đăng" in real_site.output or "văn bản được đăng" in real_site.output


@pytest.fixture(scope="module")
def mixed_site(tmp_path_factory):
    plans = {
        "2023/115-kh-duk.md": plan(),
        "2023/129-kh-duk.md": plan(so_hieu="129-KH/ĐUK", trich_yeu="Kế hoạch nội bộ không đăng",
                                   noi_nhan=["Các chi ủy, đảng ủy cơ sở", "Lưu VP"]),
    }
    result = build_project(tmp_path_factory.mktemp("mixed"), plans)
    assert result.returncode == 0, result.output
    return result


def test_document_without_website_line_is_not_in_the_site(mixed_site):
    assert (mixed_site.site / "van-ban/2023/115-kh-duk/index.html").exists()
    assert not (mixed_site.site / "van-ban/2023/129-kh-duk").exists()
    for path in mixed_site.site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".xml", ".json", ".txt", ".csv", ".ics", ".js"}:
            text = path.read_text(encoding="utf-8", errors="ignore")
            assert "129-KH/ĐUK" not in text and "129-kh-duk" not in text, path
            assert "Kế hoạch nội bộ không đăng" not in text, path
    assert "1 văn bản giữ lại" in mixed_site.output
    assert "giữ lại: plans/2023/129-kh-duk.md (Kế hoạch 129-KH/ĐUK)" in mixed_site.output


HOSTILE = {
    "trich_yeu": '<script>alert("x")</script> "trích" {{ config.site_name }} {% if 1 %}ok{% endif %}',
    "nguoi_ky": "<img src=x onerror=alert(1)> Nguyễn 'A'",
    "noi_nhan": ["<b>Ban</b> & {{ x }}", "Đăng Website"],
}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    body = "Thân văn bản {{ config.site_name }} {% raw %} <script>alert(2)</script> `<i>code</i>`"
    result = build_project(tmp_path_factory.mktemp("hostile"), {"2023/115-kh-duk.md": plan(body, **HOSTILE)})
    assert result.returncode == 0, result.output
    return result


def test_hostile_values_are_text_everywhere(hostile_site):
    page = hostile_site.html("van-ban/2023/115-kh-duk/index.html")
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "<b>Ban</b>" not in page
    title = html.escape(HOSTILE["trich_yeu"], quote=False)
    # the trích yếu in the title block, the panel and <title>, exactly as written
    assert f'<span class="vb-trich-yeu">{title}</span>' in page.replace("&#34;", '"').replace("&quot;", '"')
    assert re.search(r"<title>Kế hoạch 115-KH/ĐUK: &lt;script&gt;alert\(&(#34|quot);x&(#34|quot);\)&lt;/script&gt;", page)
    meta = re.search(r'<meta name="description" content="([^"]*)"', page).group(1)
    assert html.unescape(meta) == "Kế hoạch 115-KH/ĐUK của Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh: " + HOSTILE["trich_yeu"]
    assert "&lt;img src=x onerror=alert(1)&gt; Nguyễn" in page
    assert "<li>&lt;b&gt;Ban&lt;/b&gt; &amp; {{ x }}</li>" in page


def test_body_is_rendered_not_run_as_a_template(hostile_site):
    page = hostile_site.html("van-ban/2023/115-kh-duk/index.html")
    assert "Thân văn bản {{ config.site_name }} {% raw %} &lt;script&gt;alert(2)&lt;/script&gt;" in page
    assert "<code>&lt;i&gt;code&lt;/i&gt;</code>" in page


def test_bad_documents_fail_the_build_with_every_problem(tmp_path):
    plans = {
        "2023/a.md": plan(loai="Kế hoạc"),
        "2023/b.md": plan(so_hieu="116-KH/ĐUK", loai="Chỉ thị"),
        "2023/c.md": b"---\nso_hieu: 117-KH/\xc4\x90UK\ntrich_yeu: T\xf4\n---\n",
        "2023/d.md": plan(so_hieu="118-KH/ĐUK"),
        "2023/e.md": plan(so_hieu="118-KH/ĐUK"),
        "2023/f.md": "---\nso_hieu: [\n---\n",
    }
    for strict in (True, False):
        result = build_project(tmp_path / str(strict), plans, strict=strict)
        assert result.returncode != 0
        out = result.output
        assert "plans/2023/a.md:3: lỗi [loai] Loại văn bản “Kế hoạc” không có trong danh mục." in out
        assert "plans/2023/b.md:2: lỗi [so_hieu] Số hiệu 116-KH/ĐUK có mã loại KH (Kế hoạch) nhưng loại văn bản là “Chỉ thị”." in out
        assert "plans/2023/c.md:3: lỗi [mã hóa] Tệp không phải UTF-8 hợp lệ" in out
        assert "plans/2023/d.md:2: lỗi [so_hieu] Trùng số hiệu 118-KH/ĐUK năm 2023 giữa các tệp: plans/2023/d.md, plans/2023/e.md." in out
        assert "plans/2023/f.md:2: lỗi [thông tin đầu] Dấu ngoặc [ hoặc { mở ở đây nhưng không được đóng đúng chỗ." in out
        assert "YAML" not in out and "found" not in out
        assert "không xuất bản" in out
        assert not (Path(result.site) / "van-ban/2023/115-kh-duk/index.html").exists()


INJECTED = "[bấm](javascript:alert(1)) **đậm** <i>x</i>"


def test_hostile_group_names_are_text_in_listing_and_deadline_headings(tmp_path):
    """Tags, recipients, units and issuing bodies name listing pages: their Markdown is not run."""
    body = plan(tags=[INJECTED], co_quan_ban_hanh=INJECTED, noi_nhan=[INJECTED, "Đăng Website"],
                nhiem_vu=[{"noi_dung": "Báo cáo", "don_vi": INJECTED, "han": "4/2023"}])
    result = build_project(tmp_path, {"2023/115-kh-duk.md": body}, env={"VANBAN_PDF": "true"})
    assert result.returncode == 0, result.output
    pages = [p for p in result.site.rglob("*.html")]
    headings = 0
    for path in pages:
        text = path.read_text(encoding="utf-8")
        assert 'href="javascript:' not in text, path
        assert "<i>x</i>" not in text and "<strong>đậm</strong>" not in text.split("<h1", 1)[-1].split("</h1>")[0], path
        headings += "[bấm](javascript:alert(1)) **đậm** &lt;i&gt;x&lt;/i&gt;" in text
    assert headings >= 4  # the tag, issuing body and recipient listings and the unit's deadlines page


def test_empty_tags_field_with_pdfs_on(tmp_path):
    text = plan().replace("---\n\n", "tags:\n---\n\n", 1)
    result = build_project(tmp_path, {"2023/115-kh-duk.md": text}, env={"VANBAN_PDF": "true"})
    assert result.returncode == 0, result.output
    assert (result.site / "van-ban/2023/115-kh-duk/115-kh-duk.pdf").exists()


@pytest.mark.parametrize("body", [
    "Đoạn.\n\n```\n<script>alert(1)</script>\n~~~",  # fences that do not match are not code
    "````\n<script>alert(1)</script>\n```",
    "Chữ ``<script>alert(1)</script>` chữ",  # backtick runs that do not match
    "```\n<script>alert(1)</script>",  # a fence never closed
])
def test_raw_html_in_a_body_never_runs(body):
    import markdown

    from vanban.model.markup import neutralize_html
    html_out = markdown.markdown(neutralize_html(body), extensions=["fenced_code"])
    assert "<script>" not in html_out
