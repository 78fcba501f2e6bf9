"""The browser editor's configuration comes from the schema the build validates with."""

from __future__ import annotations

import dataclasses
import re

import pytest
import yaml

from conftest import skip_unless_ci
from vanban.model import dates, doctypes, numbers, schema
from vanban.model.text import slug
from vanban.site import admin


def doc_fields(config: dict) -> dict:
    collection = next(c for c in config["collections"] if c["name"] == "van-ban")
    return {f["name"]: f for f in collection["fields"]}


def test_every_schema_field_is_in_the_form_with_its_label_hint_and_required_flag():
    fields = doc_fields(admin.config(admin.Backend()))
    assert list(fields) == [f.key for f in schema.FIELDS] + ["body"]
    for spec in schema.FIELDS:
        field = fields[spec.key]
        assert field["label"] == spec.label
        assert field["hint"].startswith(spec.help)
        assert field["required"] is (spec.required or spec.key == "nam")


def test_widgets_choices_lists_and_tasks():
    fields = doc_fields(admin.config(admin.Backend()))
    assert fields["loai"]["widget"] == "select"
    assert fields["loai"]["options"] == [t.name for t in doctypes.TYPES]
    assert fields["tham_quyen_ky"]["options"] == ["T/M", "K/T", "T/L", "TM.", "KT.", "TL.", "TUQ.", "Q."]
    assert fields["trang_thai"]["options"] == list(schema.STATUSES)
    for key in ("noi_nhan", "can_cu", "thuc_hien", "tags"):
        assert fields[key]["widget"] == "list"
        assert fields[key]["field"]["widget"] == "string"  # a list of lines, not of objects
    assert fields["nam"] == {**fields["nam"], "widget": "number", "value_type": "int", "min": 1900, "max": 2100}
    assert fields["publish"]["widget"] == "boolean"
    assert fields["ghi_chu"]["widget"] == "text"
    assert fields["so_hieu"]["hint"].endswith("Ví dụ: 114-KH/ĐUK")
    assert [f["name"] for f in fields["ban_goc"]["fields"]] == ["tep", "sha256"]
    assert fields["thay_the"]["widget"] == "list"
    assert [f["name"] for f in fields["thuc_hien_nhiem_vu"]["fields"]] == ["van_ban", "nhiem_vu", "don_vi"]
    tasks = fields["nhiem_vu"]
    assert tasks["widget"] == "list"
    assert [f["name"] for f in tasks["fields"]] == list(schema.TASK_KEYS)
    assert [f["required"] for f in tasks["fields"]] == [True, True, False]
    assert tasks["fields"][1]["widget"] == "list"
    assert tasks["fields"][2]["pattern"][0] == dates.pattern()
    assert fields["body"]["modes"] == ["raw"]


def test_documents_are_saved_where_vanban_new_puts_them():
    collection = admin.documents_collection()
    assert collection["folder"] == "plans"
    assert collection["path"] == "{{nam}}/{{slug}}"
    assert collection["slug"] == "{{fields.so_hieu}}"
    assert collection["format"] == "yaml-frontmatter" and collection["extension"] == "md"


def decap_slug(text: str) -> str:
    """What Decap's slug settings (lower case, accents cleaned, ASCII, '-') make of a number."""
    out = text.lower().replace("đ", "d")
    out = re.sub(r"[^a-z0-9_~-]", "-", out)
    return re.sub("-+", "-", out).strip("-")


@pytest.mark.parametrize("written", ["114-KH/ĐUK", "06-CT/TU", "1286/QĐ-UBND", "30/2020/NĐ-CP", "4912/UBND-NC",
                                     "59/2020/QH14", "09-QC/ĐUK", "36-CTr/TU", "01-HD/BTGTW", "66.25/QĐ-TTg"])
def test_the_number_pattern_accepts_canonical_numbers_and_the_file_name_matches(written):
    assert re.fullmatch(admin.NUMBER_PATTERN, written)
    number = numbers.parse(written)
    assert number.canonical == written
    assert decap_slug(written) == slug(number.canonical)


@pytest.mark.parametrize("written", ["Số 114 -KH/ĐUK", "114 -KH/ĐUK", "6-CT/TU", "114-KH/ ĐUK", "KH/ĐUK", ""])
def test_the_number_pattern_refuses_other_forms(written):
    assert not re.fullmatch(admin.NUMBER_PATTERN, written)


@pytest.mark.parametrize("written", ["2023-04-20", "20/4/2023", "20.04.2023", "4/2023", "2023-04", "2023"])
def test_the_date_pattern_is_the_parsers(written):
    assert re.fullmatch(dates.pattern(), written)
    assert dates.parse(written) is not None


@pytest.mark.parametrize("written", ["20 tháng 4", "April 2023", "23", "2023/04/20"])
def test_the_date_pattern_refuses_what_the_parser_refuses(written):
    assert not re.fullmatch(dates.pattern(), written)
    assert dates.parse(written) is None


def test_a_change_to_the_schema_changes_the_configuration(monkeypatch):
    before = admin.config_yaml(admin.Backend())
    added = schema.Field("so_ban", "Số bản", "text", False, "15", "Số bản phát hành.")
    renamed = tuple(dataclasses.replace(f, label="Người ký văn bản") if f.key == "nguoi_ky" else f
                    for f in schema.FIELDS)
    monkeypatch.setattr(schema, "FIELDS", (*renamed, added))
    after = admin.config_yaml(admin.Backend())
    assert after != before
    fields = doc_fields(yaml.safe_load(after))
    assert fields["so_ban"]["label"] == "Số bản" and fields["so_ban"]["required"] is False
    assert fields["nguoi_ky"]["label"] == "Người ký văn bản"
    monkeypatch.setattr(schema, "FIELDS", (*schema.FIELDS, schema.Field("x", "X", "color", False, "", "")))
    with pytest.raises(ValueError, match="kind 'color' of field 'x' has no editor widget"):
        admin.config(admin.Backend())


def test_a_new_document_type_is_offered(monkeypatch):
    monkeypatch.setattr(doctypes, "TYPES", (*doctypes.TYPES, doctypes.DocType("Điều lệ", ("ĐL",))))
    assert doc_fields(admin.config(admin.Backend()))["loai"]["options"][-1] == "Điều lệ"


def test_gitlab_signs_in_with_pkce_from_mkdocs_settings():
    back = admin.backend({"repo": "dang-uy/van-ban", "app_id": "abc123"}, environ={})
    config = admin.config(back, "https://vanban.example.vn/")
    assert config["backend"]["name"] == "gitlab"
    assert config["backend"]["auth_type"] == "pkce"
    assert config["backend"]["repo"] == "dang-uy/van-ban"
    assert config["backend"]["app_id"] == "abc123"
    assert config["publish_mode"] == "editorial_workflow"
    assert config["local_backend"] == {"url": "http://127.0.0.1:8081/api/v1"}
    assert config["locale"] == "vi"
    assert back.ready


def test_the_environment_overrides_and_ci_names_the_repository():
    env = {"VANBAN_CMS_APP_ID": "xyz", "CI_PROJECT_PATH": "to-chuc/van-ban", "CI_SERVER_URL": "https://git.example.vn"}
    back = admin.backend({"app_id": "old"}, environ=env)
    assert (back.name, back.repo, back.app_id) == ("gitlab", "to-chuc/van-ban", "xyz")
    assert back.api_root == "https://git.example.vn/api/v4"
    github = admin.backend({}, environ={"GITHUB_REPOSITORY": "to-chuc/van-ban",
                                        "VANBAN_CMS_BASE_URL": "https://oauth.example.vn"})
    config = admin.config(github)
    assert config["backend"] == {**config["backend"], "name": "github", "repo": "to-chuc/van-ban",
                                 "base_url": "https://oauth.example.vn"}
    assert "auth_type" not in config["backend"]
    assert github.ready
    assert not admin.backend({}, environ={}).ready
    assert admin.backend({}, environ={"VANBAN_CMS_LOCAL_PORT": "9000"}).local_port == 9000


def test_the_editor_page_is_not_for_search_engines():
    html = admin.page_html("https://vanban.example.vn/", "Đảng ủy <Khối>")
    assert '<html lang="vi">' in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert '<link rel="canonical" href="https://vanban.example.vn/quan-tri/">' in html
    assert "Đảng ủy &lt;Khối&gt;" in html
    assert re.findall(r'<script src="([^"]+)"', html) == ["khoi-dong.js", "decap-cms.js", "quan-tri.js"]


def test_the_locale_additions_are_vietnamese_and_in_the_script():
    additions = admin.locale_additions()
    assert additions["editor"]["editorNotesPane"]["save"] == "Lưu"
    script = admin.admin_js()
    assert '"Xem dạng"' in script
    assert 'registerLocale("vi"' in script and script.rstrip().endswith("}());")


def test_only_the_bundle_files_the_editor_loads_are_copied():
    dist = admin.dist_folder(admin.CHECKOUT)
    if dist is None:
        skip_unless_ci("node_modules/decap-cms is not installed (npm ci)")
    files = admin.vendored(dist)
    names = {name.split("/", 1)[1] for name in files}
    assert "decap-cms.js" in names
    assert not any(n.endswith(".map") or n == "cms.js" for n in names)
    assert all(name.startswith("quan-tri/") for name in files)


def test_the_built_site_has_the_editor_out_of_sitemap_search_and_listings(real_site):
    site = real_site.site
    if not (site / "quan-tri" / "index.html").exists():
        skip_unless_ci("node_modules/decap-cms is not installed (npm ci)")
    config = yaml.safe_load((site / "quan-tri" / "config.yml").read_text(encoding="utf-8"))
    assert doc_fields(config) == doc_fields(admin.config(admin.Backend()))
    assert "quan-tri" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    for page in site.rglob("*.html"):
        if page.parts[-2] != "quan-tri":
            assert "decap-cms" not in page.read_text(encoding="utf-8"), page
    for data in (site / "pagefind").rglob("*"):
        if data.is_file() and data.suffix in (".json", ".js"):
            assert b"quan-tri" not in data.read_bytes(), data
    assert "quan-tri" not in (site / "api" / "van-ban.json").read_text(encoding="utf-8")


EDITOR_BLANKS = """---
so_hieu: 120-KH/ĐUK
loai: Kế hoạch
trich_yeu: Thử
co_quan_ban_hanh: Đảng ủy Khối
co_quan_cap_tren: ""
ngay_ban_hanh: ""
nam: 2025
tham_quyen_ky: null
tags: []
noi_nhan: []
can_cu: []
nhiem_vu:
  - noi_dung: Xây dựng kế hoạch
    don_vi:
      - Ban Thường vụ Đoàn Khối
    han: ""
thuc_hien_nhiem_vu: []
ban_goc:
  tep: ""
  sha256: ""
ghi_chu: ""
---
Nội dung.
"""


@pytest.mark.parametrize("original", ["ban_goc:\n  tep: \"\"\n  sha256: \"\"\n", "ban_goc: {}\n"])
def test_what_the_editor_writes_for_fields_left_blank_is_accepted(original):
    """Decap writes "" for a text cleared, [] for a list emptied, null for a choice
    cleared, and a group of blanks for a group opened and left empty."""
    from vanban.model import documents

    text = EDITOR_BLANKS.replace("ban_goc:\n  tep: \"\"\n  sha256: \"\"\n", original)
    doc, problems = documents.parse(text, "plans/2025/120-kh-duk.md")
    assert problems == []
    assert doc.tasks[0].due is None and doc.tasks[0].units == ["Ban Thường vụ Đoàn Khối"]


def test_the_editor_is_written_into_the_built_site_from_the_vendored_bundle(tmp_path):
    dist = tmp_path / admin.DIST
    dist.mkdir(parents=True)
    for name in ("decap-cms.js", "decap-cms.js.LICENSE.txt", "12.decap-cms.js", "decap-cms.js.map", "cms.js"):
        (dist / name).write_text(f"// {name}\n", encoding="utf-8")
    site_dir = tmp_path / "site"
    assert admin.write(tmp_path, site_dir, {"repo": "to-chuc/van-ban"}, "https://vanban.example.vn/", "Đảng ủy") is None
    written = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file())
    assert written == ["quan-tri/12.decap-cms.js", "quan-tri/config.yml", "quan-tri/decap-cms.js",
                       "quan-tri/decap-cms.js.LICENSE.txt", "quan-tri/index.html", "quan-tri/khoi-dong.js",
                       "quan-tri/quan-tri.js"]
    assert (site_dir / "quan-tri" / "decap-cms.js").read_text(encoding="utf-8") == "// decap-cms.js\n"
    config = yaml.safe_load((site_dir / "quan-tri" / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"]["repo"] == "to-chuc/van-ban"


def test_without_the_bundle_no_editor_is_written_and_the_log_says_why(tmp_path, monkeypatch):
    monkeypatch.setattr(admin, "CHECKOUT", tmp_path / "checkout")
    site_dir = tmp_path / "site"
    assert admin.write(tmp_path, site_dir, None, "", "Đảng ủy") == (
        "Chưa có Decap CMS trong node_modules (chạy npm ci): trang không có trình biên tập /quan-tri/.")
    assert not site_dir.exists()
