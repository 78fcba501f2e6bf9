"""The quality gates (`vanban gates`): they pass on the real site, and each
planted fault in a copy of it makes them fail, naming the page."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from conftest import build_project
from vanban.gates.checks import Fault, check

DOC = "van-ban/2023/114-kh-duk/index.html"
ABOUT = "gioi-thieu/index.html"


def run_gates(site, *args):
    return subprocess.run([sys.executable, "-m", "vanban.cli", "gates", str(site), *args],
                          capture_output=True, text=True)


def test_gates_pass_on_the_real_site(real_site):
    done = run_gates(real_site.site)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("Đạt: ")


@pytest.fixture(scope="module")
def baseline(real_site):
    """Faults of the unchanged site (none once it passes): a planted fault must
    add exactly its own, whatever else is being built on the site meanwhile."""
    return check(real_site.site)[1]


def added(faults, baseline):
    return [f for f in faults if f not in baseline]


@pytest.fixture
def copy(real_site, tmp_path):
    """A copy of the built real site to plant faults in."""
    target = tmp_path / "site"
    shutil.copytree(real_site.site, target)
    return target


def edit(site, path, old, new, count=1):
    file = site / path
    text = file.read_text(encoding="utf-8")
    assert text.count(old) >= count, f"{old!r} not in {path}"
    file.write_text(text.replace(old, new, count), encoding="utf-8")


def base_of(site):
    return re.search(r'<link rel="canonical" href="([^"]+)"', (site / "index.html").read_text()).group(1)


def plant_broken_link(site):
    edit(site, ABOUT, "</article>", '<a href="../khong-co-trang/">?</a></article>')
    return [Fault(ABOUT, "liên kết hỏng «../khong-co-trang/»: không có khong-co-trang/index.html trong trang đã dựng.")]


def plant_missing_anchor_on_this_page(site):
    edit(site, DOC, "</article>", '<a href="#muc-khong-co">?</a></article>')
    return [Fault(DOC, f"neo hỏng «#muc-khong-co»: trang {DOC} không có phần tử id=\"muc-khong-co\".")]


def plant_anchor_lost_on_another_page(site):
    # A citation-style link from the document to a heading of another page,
    # then that heading loses its id: the link is what breaks.
    edit(site, DOC, "</article>", '<a href="../../../gioi-thieu/#muc-moi">?</a></article>')
    return [Fault(DOC, f"neo hỏng «../../../gioi-thieu/#muc-moi»: trang {ABOUT} không có phần tử id=\"muc-moi\".")]


def plant_page_without_description(site):
    text = (site / ABOUT).read_text(encoding="utf-8")
    (site / ABOUT).write_text(re.sub(r'<meta name="description"[^>]*>', "", text), encoding="utf-8")
    return [Fault(ABOUT, "thiếu mô tả trang (<meta name=\"description\" content=\"…\">).")]


def plant_external_font(site):
    url = "https://fonts.googleapis.com/css?family=Roboto"
    edit(site, ABOUT, "</head>", f'<link rel="stylesheet" href="{url}"></head>')
    return [Fault(ABOUT, f"mở trang là tải tài nguyên từ máy chủ bên ngoài: «{url}». "
                         "Phông chữ, mã JavaScript và ảnh phải nằm trong trang (plugin privacy).")]


def plant_external_script(site):
    url = "https://cdn.example.com/analytics.js"
    edit(site, DOC, "</body>", f'<script src="{url}"></script></body>')
    return [Fault(DOC, f"mở trang là tải tài nguyên từ máy chủ bên ngoài: «{url}». "
                       "Phông chữ, mã JavaScript và ảnh phải nằm trong trang (plugin privacy).")]


def plant_font_in_stylesheet(site):
    url = "https://fonts.gstatic.com/s/roboto/v30/roboto.woff2"
    css = site / "assets" / "vanban.css"
    css.write_text(css.read_text() + f'\n@font-face {{ font-family: R; src: url("{url}"); }}\n')
    return [Fault("assets/vanban.css", f"tệp CSS tải tài nguyên từ máy chủ bên ngoài: «{url}».")]


def plant_wrong_language(site):
    edit(site, ABOUT, '<html lang="vi"', '<html lang="en"')
    return [Fault(ABOUT, "thẻ <html> cần lang=\"vi\" (đang là 'en').")]


def plant_empty_title(site):
    text = (site / ABOUT).read_text(encoding="utf-8")
    (site / ABOUT).write_text(re.sub(r"<title>[^<]*</title>", "<title></title>", text), encoding="utf-8")
    return [Fault(ABOUT, "thiếu tiêu đề trang (<title>).")]


def plant_missing_canonical(site):
    base = base_of(site)
    edit(site, ABOUT, f'<link rel="canonical" href="{base}gioi-thieu/">', "")
    return [Fault(ABOUT, "thiếu địa chỉ chính tắc (<link rel=\"canonical\">); đặt site_url trong mkdocs.yml.")]


def plant_wrong_canonical(site):
    base = base_of(site)
    edit(site, ABOUT, f'<link rel="canonical" href="{base}gioi-thieu/">', f'<link rel="canonical" href="{base}">')
    return [Fault(ABOUT, f"địa chỉ chính tắc là {base}, cần {base}gioi-thieu/.")]


PLANTS = [plant_broken_link, plant_missing_anchor_on_this_page, plant_anchor_lost_on_another_page,
          plant_page_without_description, plant_external_font, plant_external_script, plant_font_in_stylesheet,
          plant_wrong_language, plant_empty_title, plant_missing_canonical, plant_wrong_canonical]


@pytest.mark.parametrize("plant", PLANTS, ids=[p.__name__.removeprefix("plant_") for p in PLANTS])
def test_each_planted_fault_fails_the_gates_naming_the_page(copy, baseline, plant):
    expected = plant(copy)
    _, faults = check(copy, validator=False)
    assert added(faults, baseline) == expected


def test_the_command_fails_and_prints_the_page(copy, baseline):
    plant_broken_link(copy)
    plant_page_without_description(copy)
    done = run_gates(copy, "--skip-validator")
    assert done.returncode == 1
    known = {f.format() for f in baseline}
    lines = [line for line in done.stdout.splitlines() if line not in known]
    assert lines[:2] == [
        f"{ABOUT}: thiếu mô tả trang (<meta name=\"description\" content=\"…\">).",
        f"{ABOUT}: liên kết hỏng «../khong-co-trang/»: không có khong-co-trang/index.html trong trang đã dựng.",
    ]
    assert lines[2].startswith("Không đạt: ")


def test_invalid_html_fails_the_validator_gate(copy, baseline):
    edit(copy, ABOUT, "</article>", '<p id="trung">1</p><p id="trung">2</p></article>')
    faults = added(check(copy)[1], baseline)
    assert [(f.page, f.message.split(": ", 1)[1]) for f in faults] == [(ABOUT, "Duplicate ID 'trung'.")]
    assert faults[0].message.startswith("HTML không hợp lệ (dòng ")


def test_links_resolve_under_a_project_site_path(baseline, tmp_path):
    """GitHub Pages serves a project at /<repo>/: root-relative links (404 page)
    and the canonical addresses must resolve under that path."""
    built = build_project(tmp_path, env={"SITE_URL": "https://to-chuc.github.io/trang-van-ban/"})
    assert built.returncode == 0, built.output
    _, faults = check(built.site, validator=False)
    known = {f.format() for f in baseline}
    assert [f.format() for f in faults if f.format().replace("/trang-van-ban/", "/") not in known] == []
    assert 'href="/trang-van-ban/gioi-thieu/"' in built.html("404.html")


def pages_to_open(site):
    """Every kind of page: the home page, documents, listings, the 404 page
    (at most 40, the shallowest first, so a big corpus stays quick)."""
    paths = sorted((p.relative_to(site).as_posix() for p in site.rglob("*.html")),
                   key=lambda p: (p.count("/"), p))
    return sorted(set(paths[:39]) | {DOC})


@pytest.mark.browser
def test_opening_a_page_asks_no_other_host(real_site, site_url, page):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for path in pages_to_open(real_site.site):
        page.goto(f"{site_url}/{path.removesuffix('index.html')}", wait_until="networkidle")
    foreign = [url for url in requested if not url.startswith((site_url + "/", "data:", "blob:"))]
    assert foreign == []
    assert any(re.search(r"/assets/stylesheets/main\.\w+\.min\.css$", url) for url in requested)
