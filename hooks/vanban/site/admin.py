"""The editors' browser editor at /quan-tri/: Decap CMS, configured from the schema.

Everything the form knows (labels, hints, required flags, patterns, choices,
lists, the tasks) comes from `model.schema`, `model.doctypes`, `model.numbers`
and `model.dates`, the same tables the build validates with, so the editor can
never offer a field or a value the build refuses, nor miss one it accepts.

Decap CMS itself is vendored from npm (package-lock.json pins it) and copied
into the built site by `write` once the pages are written; nothing is loaded from another host.
The page is for editors only: noindex, not in the sitemap, the search index or
the listings (those are made from documents, and this is not one).
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from html import escape
from pathlib import Path

import yaml

from vanban.model import dates, doctypes, schema

FOLDER = "quan-tri"  # the editor's address in the site
INBOX = "nhap"  # signed .docx files uploaded here are imported by CI (scripts/ci_import.py)
DIST = Path("node_modules") / "decap-cms" / "dist"
LOCALE_FILE = Path(__file__).parent.parent / "data" / "decap-vi.json"
# The package's own checkout: a build from a copy of the project without
# node_modules (the tests' temporary projects) still finds the vendored editor.
CHECKOUT = Path(__file__).resolve().parents[3]

# Canonical số hiệu only (what numbers.parse prints): the file name is made from
# it in the browser, and must be the name `vanban new` gives (slug of the canonical
# number). Written to be valid in Python and in JavaScript.
NUMBER_PATTERN = (r"^(?:\d{2,5}[a-z]?-[A-Za-zĐđ]{1,5}/[A-Za-zĐđ0-9]{2,12}(?:-[A-Za-zĐđ0-9]{1,12})*"
                  r"|\d{2,5}(?:\.\d{1,3}|[a-z])?/(?:(?:19|20)\d\d/)?[A-Za-zĐđ0-9]{1,12}(?:-[A-Za-zĐđ0-9]{1,12})*)$")
NUMBER_MESSAGE = ("Ghi số hiệu ở dạng chuẩn, không có chữ “Số”, không dấu cách, số dưới 10 có số 0 đứng trước: "
                  "114-KH/ĐUK, 06-CT/TU, 1286/QĐ-UBND, 30/2020/NĐ-CP.")
DATE_MESSAGE = f"Ghi ngày, tháng hoặc năm: {dates.EXAMPLES}."

# Fields of kind "text" that hold more than one line.
MULTILINE = {"ghi_chu", "dinh_chinh"}
# The form writes the year always: the file's folder is plans/<năm>/ and Decap
# can put only a field's value there (its {{year}} reads a field named “date”).
# The path is written {{nam}}, not {{fields.nam}}: Decap turns the dot of a path
# template into a dash before reading it.
ALWAYS = {"nam"}

TASK_FIELDS = {
    "noi_dung": ("Nội dung", "Việc phải làm, như văn bản ghi.", "text", True),
    "don_vi": ("Đơn vị thực hiện", "Mỗi dòng một đơn vị, ghi như văn bản.", "list", True),
    "han": ("Thời hạn", f"Ngày, tháng hoặc năm như văn bản ghi ({dates.EXAMPLES}); bỏ trống nếu văn bản không ghi.",
            "date", False),
}


@dataclass(frozen=True)
class Backend:
    """Where the editor saves: a GitLab or GitHub repository, or nothing yet."""
    name: str = "gitlab"  # gitlab (PKCE, no server of ours) or github (through an OAuth relay)
    repo: str = ""  # owner/name
    branch: str = "main"
    app_id: str = ""  # GitLab: the OAuth application's ID
    base_url: str = ""  # GitLab: the server (self-hosted); GitHub: the OAuth relay
    auth_endpoint: str = ""  # GitHub relay's path, e.g. "auth"
    api_root: str = ""  # self-hosted GitLab's API, e.g. https://gitlab.example.vn/api/v4
    local_port: int = 8081  # decap-server on the editor's own machine

    @property
    def ready(self) -> bool:
        if not self.repo:
            return False
        return bool(self.app_id) if self.name == "gitlab" else bool(self.base_url)


# mkdocs.yml extra.bien_tap keys and the environment variables that override them.
ENV = {"backend": "VANBAN_CMS_BACKEND", "repo": "VANBAN_CMS_REPO", "branch": "VANBAN_CMS_BRANCH",
       "app_id": "VANBAN_CMS_APP_ID", "base_url": "VANBAN_CMS_BASE_URL",
       "auth_endpoint": "VANBAN_CMS_AUTH_ENDPOINT", "api_root": "VANBAN_CMS_API_ROOT",
       "local_port": "VANBAN_CMS_LOCAL_PORT"}


def backend(settings: dict | None, environ: dict | None = None) -> Backend:
    """The backend from mkdocs.yml's extra.bien_tap, then the environment
    (VANBAN_CMS_*), then what CI tells about the repository it runs in."""
    env = os.environ if environ is None else environ
    values = {k: str(v) for k, v in (settings or {}).items() if v not in (None, "")}
    values.update({k: env[v] for k, v in ENV.items() if env.get(v)})
    if "repo" not in values:
        if env.get("CI_PROJECT_PATH"):  # GitLab CI
            values.setdefault("backend", "gitlab")
            values["repo"] = env["CI_PROJECT_PATH"]
            server = env.get("CI_SERVER_URL", "")
            if server and server.rstrip("/") != "https://gitlab.com":
                values.setdefault("base_url", server)
                values.setdefault("api_root", f"{server.rstrip('/')}/api/v4")
        elif env.get("GITHUB_REPOSITORY"):  # GitHub Actions
            values.setdefault("backend", "github")
            values["repo"] = env["GITHUB_REPOSITORY"]
    port = values.get("local_port", "8081")
    return Backend(name=values.get("backend", "gitlab"), repo=values.get("repo", ""),
                   branch=values.get("branch", "main"), app_id=values.get("app_id", ""),
                   base_url=values.get("base_url", ""), auth_endpoint=values.get("auth_endpoint", ""),
                   api_root=values.get("api_root", ""), local_port=int(port) if port.isdigit() else 8081)


# --- the configuration --------------------------------------------------------------

def _hint(spec: schema.Field) -> str:
    """The guide's sentence and, for one value or a list, its example as typed in the form."""
    if isinstance(spec.example, str):
        return f"{spec.help} Ví dụ: {spec.example}"
    if all(isinstance(item, str) for item in spec.example):
        return f"{spec.help} Ví dụ: {'; '.join(spec.example)}"
    return spec.help  # the tasks: each part has its own hint


def _list_item(label: str) -> dict:
    return {"name": "muc", "label": label, "widget": "string"}


def field_config(spec: schema.Field) -> dict:
    """One schema field as a Decap field: widget, label, hint, required, pattern, choices."""
    out = {"name": spec.key, "label": spec.label, "hint": _hint(spec),
           "required": spec.required or spec.key in ALWAYS}
    kind = spec.kind
    if kind == "text":
        out["widget"] = "text" if spec.key in MULTILINE else "string"
        if spec.key == "so_hieu":
            out["pattern"] = [NUMBER_PATTERN, NUMBER_MESSAGE]
    elif kind == "date":
        out.update(widget="string", pattern=[dates.pattern(), DATE_MESSAGE])
    elif kind == "year":
        out.update(widget="number", value_type="int", min=1900, max=2100)
    elif kind == "bool":
        out["widget"] = "boolean"
    elif kind == "choice":
        out.update(widget="select", options=list(choices(spec.key)))
    elif kind == "list":
        out.update(widget="list", field=_list_item(spec.label), collapsed=False)
    elif kind == "original":
        # Not required inside: Decap would then demand them of every document without
        # an original; vanban check refuses one given without the other.
        out.update(widget="object", collapsed=True, fields=[
            {"name": "tep", "label": "Tệp", "widget": "string", "required": False,
             "hint": "Đường dẫn tệp trong kho, tính từ thư mục gốc. Ví dụ: goc/114-KH-DUK.pdf"},
            {"name": "sha256", "label": "Mã SHA-256", "widget": "string", "required": False,
             "pattern": ["^[0-9a-f]{64}$", "64 chữ số hệ 16 (0-9, a-f); lệnh vanban import ghi sẵn mã này."],
             "hint": "Mã của tệp; lệnh vanban import ghi sẵn, người biên tập không cần tự tính."}])
    elif kind == "task_links":
        # One task number an item (several tasks of one document: one item each);
        # a hand-written list of numbers is still read by the build.
        out.update(widget="list", label_singular="nhiệm vụ được thực hiện", collapsed=False,
                   summary="{{fields.van_ban}} – nhiệm vụ {{fields.nhiem_vu}}", fields=[
                       {"name": "van_ban", "label": "Văn bản giao nhiệm vụ", "widget": "string", "required": True,
                        "pattern": [NUMBER_PATTERN, NUMBER_MESSAGE], "hint": "Số hiệu của văn bản giao. Ví dụ: 114-KH/ĐUK"},
                       {"name": "nhiem_vu", "label": "Nhiệm vụ số", "widget": "number", "value_type": "int",
                        "min": 1, "required": True,
                        "hint": "Số thứ tự của nhiệm vụ trong văn bản giao (1 là nhiệm vụ đầu tiên)."},
                       {"name": "don_vi", "label": "Đơn vị", "widget": "string", "required": False,
                        "hint": "Chỉ ghi khi nhiệm vụ giao cho nhiều đơn vị: đơn vị thực hiện là ai."}])
    elif kind == "tasks":
        out.update(widget="list", label_singular="nhiệm vụ", collapsed=False,
                   summary="{{fields.noi_dung}}", fields=[_task_field(k) for k in schema.TASK_KEYS])
    else:  # a new kind in the schema must be given a widget here
        raise ValueError(f"kind {kind!r} of field {spec.key!r} has no editor widget")
    return out


def choices(key: str) -> tuple[str, ...]:
    if key == "loai":
        return tuple(doctypes.names())
    if key == "tham_quyen_ky":
        return schema.SIGNING_AUTHORITIES
    if key == "trang_thai":
        return schema.STATUSES
    raise ValueError(f"choice field {key!r} has no list of choices")


def _task_field(key: str) -> dict:
    label, hint, kind, required = TASK_FIELDS[key]
    out = {"name": key, "label": label, "hint": hint, "required": required}
    if kind == "list":
        out.update(widget="list", field=_list_item(label), collapsed=False)
    elif kind == "date":
        out.update(widget="string", pattern=[dates.pattern(), DATE_MESSAGE])
    else:
        out["widget"] = "text"
    return out


BODY = {"name": "body", "label": "Nội dung", "widget": "markdown", "required": True,
        # Only the raw mode: the rich-text mode rewrites the Markdown it did not change.
        "modes": ["raw"],
        "hint": "Toàn văn từ sau phần đầu đến trước phần ký, viết bằng Markdown: mỗi đoạn cách một dòng trống; "
                "đề mục lớn bắt đầu bằng “## ” (## I. MỤC ĐÍCH YÊU CẦU); số thứ tự đầu đoạn in đậm (**1.**)."}


def documents_collection() -> dict:
    return {
        "name": "van-ban", "label": "Văn bản", "label_singular": "văn bản",
        "description": "Mỗi văn bản là một tệp plans/<năm>/<số-hiệu>.md; tên tệp đặt theo năm và số hiệu, "
                       "như lệnh vanban new.",
        "folder": "plans", "extension": "md", "format": "yaml-frontmatter", "create": True,
        "path": "{{nam}}/{{slug}}", "slug": "{{fields.so_hieu}}", "identifier_field": "so_hieu",
        "summary": "{{loai}} {{so_hieu}}: {{trich_yeu}}",
        "sortable_fields": ["nam", "so_hieu", "trich_yeu"],
        "editor": {"preview": False},
        "fields": [field_config(spec) for spec in schema.FIELDS] + [BODY],
    }


def inbox_collection() -> dict:
    return {
        "name": "nhap-word", "label": "Nhập từ tệp Word", "label_singular": "tệp Word",
        "description": "Tải lên bản Word (.docx) đã ký. Khi gửi duyệt, CI đọc tệp, tạo văn bản trong plans/ "
                       "ngay trong yêu cầu hợp nhất này và xóa tệp Word; xem kết quả ở phần tóm tắt của CI.",
        "folder": INBOX, "extension": "yml", "format": "yml", "create": True,
        "slug": "{{fields.ten}}", "identifier_field": "ten", "summary": "{{ten}}",
        "media_folder": "", "public_folder": "", "editor": {"preview": False},
        "fields": [
            {"name": "ten", "label": "Tên gọi", "widget": "string", "required": True,
             "hint": "Loại và số hiệu như trên bản gốc, để nhận ra tệp. Ví dụ: Kế hoạch 125-KH/ĐUK"},
            {"name": "tep", "label": "Tệp Word đã ký (.docx)", "widget": "file", "required": True,
             "hint": "Bản .docx cuối cùng, đúng như bản đã ký; tối đa một tệp.",
             "choose_url": False, "media_library": {"config": {"multiple": False}}},
            {"name": "ghi_chu", "label": "Ghi chú", "widget": "text", "required": False,
             "hint": "Điều người duyệt cần biết (không đăng lên trang)."},
        ],
    }


def config(back: Backend, site_url: str = "") -> dict:
    """The Decap CMS configuration, as written to /quan-tri/config.yml."""
    backend_config: dict = {"name": back.name, "branch": back.branch}
    if back.repo:
        backend_config["repo"] = back.repo
    if back.name == "gitlab":
        backend_config["auth_type"] = "pkce"
        if back.app_id:
            backend_config["app_id"] = back.app_id
    if back.base_url:
        backend_config["base_url"] = back.base_url
    if back.auth_endpoint:
        backend_config["auth_endpoint"] = back.auth_endpoint
    if back.api_root:
        backend_config["api_root"] = back.api_root
    backend_config["commit_messages"] = {
        "create": "Thêm {{collection}} “{{slug}}”", "update": "Sửa {{collection}} “{{slug}}”",
        "delete": "Xóa {{collection}} “{{slug}}”", "uploadMedia": "Tải lên “{{path}}”",
        "deleteMedia": "Xóa “{{path}}”", "openAuthoring": "{{message}}",
    }
    out = {
        "locale": "vi",
        "backend": backend_config,
        # Every change is a pull or merge request, checked by CI before it is published.
        "publish_mode": "editorial_workflow",
        # decap-server on the editor's own machine; Decap only looks for it when the
        # page itself is served from localhost or 127.0.0.1.
        "local_backend": {"url": f"http://127.0.0.1:{back.local_port}/api/v1"},
        "media_folder": INBOX, "public_folder": f"/{INBOX}",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "show_preview_links": False,
        "collections": [documents_collection(), inbox_collection()],
    }
    if site_url:
        out["site_url"] = out["display_url"] = site_url
    return out


def config_yaml(back: Backend, site_url: str = "") -> str:
    head = ("# Tệp sinh tự động khi dựng trang (vanban.site.admin), từ mẫu thông tin văn bản; đừng sửa tay.\n")
    return head + yaml.safe_dump(config(back, site_url), allow_unicode=True, sort_keys=False, width=10_000)


# --- the page and its script ----------------------------------------------------------

def page_html(site_url: str, site_name: str) -> str:
    canonical = f"{site_url.rstrip('/')}/{FOLDER}/" if site_url else f"/{FOLDER}/"
    return f"""<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Biên tập văn bản – {escape(site_name)}</title>
<meta name="description" content="Trình biên tập văn bản dành cho người biên tập của trang; bạn đọc không cần trang này.">
<link rel="canonical" href="{escape(canonical)}">
</head>
<body>
<noscript>Trình biên tập cần bật JavaScript.</noscript>
<script src="khoi-dong.js"></script>
<script src="decap-cms.js"></script>
<script src="quan-tri.js"></script>
</body>
</html>
"""


# Before the bundle: it must not start until the Vietnamese locale is complete.
BOOT_JS = "window.CMS_MANUAL_INIT = true;\n"


def locale_additions() -> dict:
    return json.loads(LOCALE_FILE.read_text(encoding="utf-8"))


def admin_js() -> str:
    additions = json.dumps(locale_additions(), ensure_ascii=False, indent=1, sort_keys=True)
    return f"""// Sinh tự động (vanban.site.admin). The bundle's Vietnamese locale lacks
// some phrases (they would show in English): completed here, then started.
(function () {{
  "use strict";
  var additions = {additions};
  function merge(base, extra) {{
    var out = {{}}, key;
    for (key in base) {{ out[key] = base[key]; }}
    for (key in extra) {{
      out[key] = (typeof extra[key] === "object" && typeof base[key] === "object")
        ? merge(base[key], extra[key]) : extra[key];
    }}
    return out;
  }}
  window.CMS.registerLocale("vi", merge(window.CMS.getLocale("vi") || {{}}, additions));
  window.CMS.init();
}}());
"""


# --- the files ---------------------------------------------------------------------------

def dist_folder(project: Path) -> Path | None:
    """node_modules/decap-cms/dist of the project, or of this package's checkout."""
    for base in (project, CHECKOUT):
        if (base / DIST / "decap-cms.js").is_file():
            return base / DIST
    return None


def vendored(dist: Path) -> dict[str, Path]:
    """The bundle's files the editor loads (its script, lazily loaded chunks and
    WebAssembly, and the licence notice); not the source maps or the second copy."""
    wanted = [p for p in sorted(dist.iterdir()) if p.is_file() and (
        p.name in ("decap-cms.js", "decap-cms.js.LICENSE.txt")
        or (p.name.endswith(".decap-cms.js") and p.name.split(".")[0].isdigit())
        or p.suffix == ".wasm")]
    return {f"{FOLDER}/{p.name}": p for p in wanted}


def generated(back: Backend, site_url: str, site_name: str) -> dict[str, str]:
    """The editor's own files: its page, configuration and start-up scripts."""
    return {
        f"{FOLDER}/index.html": page_html(site_url, site_name),
        f"{FOLDER}/config.yml": config_yaml(back, site_url),
        f"{FOLDER}/khoi-dong.js": BOOT_JS,
        f"{FOLDER}/quan-tri.js": admin_js(),
    }


MISSING = "Chưa có Decap CMS trong node_modules (chạy npm ci): trang không có trình biên tập /quan-tri/."


def write(project: Path, site_dir: Path, settings: dict | None, site_url: str, site_name: str) -> str | None:
    """Write /quan-tri/ into the built site: its page, configuration and the
    vendored bundle. Returns the line for the build log when there is no bundle
    (then nothing is written). Written after the build, not handed to MkDocs:
    the privacy plugin would rewrite the bundle's addresses of services it never calls."""
    dist = dist_folder(project)
    if dist is None:
        return MISSING
    for src_uri, content in generated(backend(settings), site_url, site_name).items():
        (site_dir / src_uri).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / src_uri).write_text(content, encoding="utf-8")
    for src_uri, path in vendored(dist).items():
        shutil.copyfile(path, site_dir / src_uri)
    return None
