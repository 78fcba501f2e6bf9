"""Search in the browser: Vietnamese with or without diacritics, numbers in any
spelling, phrases, filters and the URL, on a small site built once."""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from urllib.parse import urlencode, urlsplit

import pytest

from conftest import ROOT, build_project, serve
from plan_factory import plan
from vanban.model.text import fold, tone_key
from vanban.search.citations import cited
from vanban.search.extract import article_text
from vanban.search.tokens import number_key

KH = "van-ban/2023/114-kh-duk/"
CT = "van-ban/2021/07-ct-tu/"
TB = "van-ban/2022/20-tb-duk/"
CT_DUK = "van-ban/2022/05-ct-duk/"

PLANS = {
    "2023/114-kh-duk.md": plan(
        "Ban Thường vụ Đảng ủy Khối đề ra kế hoạch công tác dân vận năm 2023.\n\n"
        "Tiếp tục thực hiện Chỉ thị số 07-CT/TU, ngày 06/5/2021 của Ban Thường vụ Tỉnh ủy. "
        "Củng cố khối đại đoàn kết, hòa hợp, xây dựng Đảng trong sạch.",
        so_hieu="114-KH/ĐUK", trich_yeu="Thực hiện công tác dân vận năm 2023", ngay_ban_hanh="2023-02-10"),
    "2021/07-ct-tu.md": plan(
        "Ban Thường vụ Tỉnh uỷ yêu cầu các cấp uỷ, Đảng uỷ Khối thực hiện tốt. Hoà giải ở cơ sở.",
        so_hieu="07-CT/TU", loai="Chỉ thị", co_quan_ban_hanh="Tỉnh ủy Bến Tre", ngay_ban_hanh="2021-05-06",
        trich_yeu="Về đổi mới nội dung, phương thức hoạt động của Mặt trận"),
    "2022/20-tb-duk.md": plan(
        "Văn hóa văn nghệ là vấn đề của người dân; hội diễn có nhiều tiết mục. "
        "Khóm một, khóm hai, khóm ba, khóm bốn, khóm năm, khóm sáu, khóm bảy và khóm ấp.",
        so_hieu="20-TB/ĐUK", loai="Thông báo", trich_yeu="Kết quả hội diễn văn nghệ", ngay_ban_hanh="2022-09-01"),
    "2022/05-ct-duk.md": plan(
        "Quán triệt Chỉ thị số 07-CT/TU. Vận động người dân tham gia; công tác tuyên truyền Chỉ thị số 07-CT/TU.",
        so_hieu="05-CT/ĐUK", loai="Chỉ thị", trich_yeu="Về tuyên truyền", ngay_ban_hanh="2022-03-15"),
    "2023/116-kh-duk.md": plan(
        "Công tác dân vận bí mật, chưa đăng.", so_hieu="116-KH/ĐUK", trich_yeu="Dân vận nội bộ",
        noi_nhan=["Các chi ủy"]),
}
HELD = "van-ban/2023/116-kh-duk/"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    result = build_project(tmp_path_factory.mktemp("search"), plans=PLANS)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="module")
def url(built):
    server, address = serve(built.site)
    yield address
    server.shutdown()


def search(page, url: str, query: str, **filters) -> list[str]:
    """Open the home page with the query in its URL; the result links, in order."""
    page.goto(url + "/?" + urlencode({"q": query, **filters}))
    page.wait_for_function("document.getElementById('vb-tim-trang-thai').textContent.match(/^(Có|Không)/)")
    return [urlsplit(h).path.lstrip("/") for h in
            page.eval_on_selector_all("#vb-tim-danh-sach h3 a", "links => links.map(a => a.href)")]


def words_of(built, path: str) -> tuple[list[str], set[str]]:
    text = article_text(built.html(path + "index.html"))
    keys = {number_key(n) for n in cited(text)}
    return re.findall(r"[^\W_]+", text), keys


def has(built, path: str, words: list[str], number: str | None) -> bool:
    """The page holds every word (with its diacritics if written with them) and the number."""
    present, keys = words_of(built, path)
    for word in words:
        if word == fold(word):
            ok = any(fold(p) == word for p in present)
        else:
            ok = any(tone_key(p) == tone_key(word) for p in present)
        if not ok:
            return False
    return number is None or number_key(number) in keys


# (query, expected document, its place at most, words every result holds, number every result holds)
QUERIES = [
    ("dân vận", KH, 3, ["dân", "vận"], None),
    ("dan van", KH, 3, ["dan", "van"], None),
    ("DÂN VẬN", KH, 3, ["dân", "vận"], None),
    ("đảng ủy khối", KH, 3, ["đảng", "ủy", "khối"], None),
    ("dang uy khoi", KH, 3, ["dang", "uy", "khoi"], None),
    ("Đảng uỷ", KH, 3, ["đảng", "ủy"], None),
    ("Đảng ủy", CT, 3, ["đảng", "ủy"], None),
    ("hoà", KH, 3, ["hòa"], None),
    ("hòa", CT, 3, ["hòa"], None),
    ("114-KH/ĐUK", KH, 1, [], "114-KH/ĐUK"),
    ("114 KH DUK", KH, 1, [], "114-KH/ĐUK"),
    ("114-kh-duk", KH, 1, [], "114-KH/ĐUK"),
    ("114/KH-ĐUK", KH, 1, [], "114-KH/ĐUK"),
    ("Chỉ thị 07-CT/TU", CT, 1, ["chỉ", "thị"], "07-CT/TU"),
    ("07-CT/TU", CT, 1, [], "07-CT/TU"),
    ("Chỉ thị 07", CT, 1, ["chỉ", "thị", "07"], None),
    ('"khối đại đoàn kết"', KH, 1, ["khối", "đại", "đoàn", "kết"], None),
]


@pytest.mark.parametrize(("query", "expected", "place", "words", "number"), QUERIES, ids=[q[0] for q in QUERIES])
def test_query(built, url, page, query, expected, place, words, number):
    results = search(page, url, query)
    assert expected in results[:place], results
    for path in results:
        assert has(built, path, words, number), (path, results)
    assert HELD not in results


def test_a_number_that_exists_comes_first_and_citing_documents_follow(url, page):
    assert search(page, url, "07-CT/TU") == [CT, KH, CT_DUK] or search(page, url, "07-CT/TU")[0] == CT
    assert set(search(page, url, "07-CT/TU")) == {CT, KH, CT_DUK}


def test_tone_placement_and_case_do_not_change_the_results(url, page):
    assert set(search(page, url, "Đảng uỷ")) == set(search(page, url, "đảng ủy")) == {KH, CT, TB, CT_DUK}
    assert set(search(page, url, "hoà")) == set(search(page, url, "hòa")) == {KH, CT}


def test_van_with_a_dot_never_finds_van_with_a_breve(url, page):
    assert TB not in search(page, url, "vận")
    assert TB not in search(page, url, "dân vận")
    assert TB in search(page, url, "văn")
    assert TB in search(page, url, "dan van")  # without diacritics every form counts


def test_quoted_phrase_needs_the_words_together(url, page):
    assert search(page, url, '"công tác dân vận"') == [KH]
    assert search(page, url, '"cong tac dan van"') == [KH]
    assert set(search(page, url, "công tác dân vận")) == {KH, CT_DUK}  # words anywhere


def test_a_phrase_late_in_a_document_is_found(url, page):
    """"khóm ấp" comes after six other "khóm": past what plain queries reach (tokens.KEEP)."""
    assert search(page, url, '"khóm ấp"') == [TB]
    assert search(page, url, '"khom ap"') == [TB]
    assert search(page, url, '"khóm hai"') == [TB]
    assert search(page, url, '"ấp khóm"') == []


def test_held_back_documents_are_never_found(url, page):
    assert search(page, url, "bí mật") == []
    assert HELD not in search(page, url, "116-KH/ĐUK")


def test_results_show_type_number_date_and_highlighted_passage(url, page):
    search(page, url, "dân vận")
    first = page.locator("#vb-tim-danh-sach li").first
    assert first.locator("h3").inner_text() == "Kế hoạch 114-KH/ĐUK"
    assert first.locator(".vb-tim-trich-yeu").inner_text() == "Thực hiện công tác dân vận năm 2023"
    assert "10/02/2023" in first.locator(".vb-tim-thuoc-tinh").inner_text()
    assert first.locator("mark").all_inner_texts()[:2] == ["dân", "vận"]


def test_a_filter_narrows_the_results_and_lives_in_the_url(url, page):
    assert set(search(page, url, "chỉ thị")) == {KH, CT, CT_DUK}
    page.select_option("#vb-tim-loai", "Chỉ thị")
    page.wait_for_function("new URL(location.href).searchParams.get('loai') === 'Chỉ thị'")
    page.wait_for_function("document.querySelectorAll('#vb-tim-danh-sach li').length === 2")
    links = page.eval_on_selector_all("#vb-tim-danh-sach h3 a", "a => a.map(x => new URL(x.href).pathname.slice(1))")
    assert set(links) == {CT, CT_DUK}
    page.go_back()
    page.wait_for_function("document.querySelectorAll('#vb-tim-danh-sach li').length === 3")
    assert page.input_value("#vb-tim-loai") == ""


def test_a_shared_url_restores_the_search(url, page):
    results = search(page, url, "dan van", nam="2022")
    assert set(results) == {TB, CT_DUK}  # "dân" with "văn", and "dân" with "Vận"
    assert page.input_value("input[name=q]") == "dan van"
    assert page.input_value("#vb-tim-nam") == "2022"


def test_keyboard_opens_search_and_reaches_the_results(url, page):
    page.goto(url + "/van-ban/2023/114-kh-duk/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.name") == "q"
    page.keyboard.type("07-CT/TU")
    page.wait_for_function("document.getElementById('vb-tim-trang-thai').textContent.includes('07-CT/TU')")
    assert page.locator("#vb-tim-danh-sach li").count() == 3
    assert "q=07-CT%2FTU" in page.url
    assert page.get_attribute("#vb-tim-trang-thai", "role") == "status"
    for _ in range(8):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('#vb-tim-danh-sach') !== null"):
            break
    assert page.evaluate("document.activeElement.textContent") == "Chỉ thị 07-CT/TU"
    page.keyboard.press("Escape")
    assert not page.is_checked("#__search")
    page.set_viewport_size({"width": 400, "height": 800})  # the icon shows on narrow screens
    opener = page.locator("label.vb-tim-mo")
    assert opener.inner_text().strip() == "Tra cứu văn bản"  # its name for screen readers
    opener.focus()
    page.keyboard.press("Enter")
    assert page.is_checked("#__search")
    assert page.evaluate("document.activeElement.name") == "q"


def test_without_javascript_the_box_leads_to_the_listings(built):
    html = built.html("index.html")
    assert re.search(r'<form class="md-search__form vb-tim"[^>]*action="danh-muc/"', html)
    assert "<noscript>" in html and 'href="danh-muc/"' in html
    assert "Gõ từ cần tìm" in html


def test_only_document_content_is_indexed(url, page):
    assert search(page, url, "Giới thiệu") == []  # a nav entry, in every page's sidebar
    assert search(page, url, "Trang chủ") == []
    assert search(page, url, "dẫn chiếu") == []  # the "cited by" section after the signature


def test_every_word_must_be_found(url, page):
    assert search(page, url, "dân vận") != []
    assert search(page, url, "dân vận xyzzy") == []


@pytest.mark.skipif(shutil.which("unshare") is None, reason="unshare is not installed")
def test_the_build_needs_no_network(tmp_path):
    """mkdocs build in a network namespace with no interface but loopback."""
    if subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode != 0:
        pytest.skip("no permission for a network namespace")
    project = tmp_path / "project"
    (project / "plans" / "2023").mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for name in ("docs", "hooks", "data"):
        if (ROOT / name).exists():
            (project / name).symlink_to(ROOT / name)
    (project / "plans" / "2023" / "114-kh-duk.md").write_text(PLANS["2023/114-kh-duk.md"], encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "VANBAN_PDF": "false"}
    done = subprocess.run(["unshare", "-n", sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "site"],
                          cwd=project, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    bundle = project / "site" / "pagefind"
    # The engine's WebAssembly glue (search-worker.js imports it) and the data; no unused UI scripts.
    assert sorted(p.name for p in bundle.iterdir() if p.is_file() and not p.name.endswith(".pf_meta")) == [
        "pagefind-entry.json", "pagefind-worker.js", "vanban-search.json", "wasm.unknown.pagefind"]
    assert len(list((bundle / "fragment").iterdir())) == 2  # the document and the one-letter page
    assert (bundle / "vanban-search.json").is_file()


def test_the_query_side_knows_every_index_chunk(built):
    """search.js fetches each chunk a word's prefix runs into (bundles.join)."""
    settings = json.loads((built.site / "pagefind" / "vanban-search.json").read_text(encoding="utf-8"))
    ranges = settings["chunks"]
    assert ranges and all(len(r) == 2 and r[0] <= r[1] for r in ranges)
    assert [r[0] for r in ranges] == sorted(r[0] for r in ranges)
    assert len(list((built.site / "pagefind" / "index").iterdir())) == len(ranges)
    assert settings["filters"]["loai"] == ["Chỉ thị", "Kế hoạch", "Thông báo"]
    assert settings["sentinel"] == "zs"  # the word of the page no query may return (index.py SENTINEL)


def test_the_engine_worker_is_written_for_the_pinned_pagefind(built):
    """search-worker.js calls Pagefind's WebAssembly functions by name and
    argument list: the release it names is the one pinned and the one built."""
    worker = (ROOT / "docs" / "assets" / "search-worker.js").read_text(encoding="utf-8")
    written_for = re.search(r'const PAGEFIND = "([^"]+)"', worker).group(1)
    pinned = re.search(r"^pagefind\[bin\]==(\S+)$", (ROOT / "requirements.txt").read_text(), re.M).group(1)
    glue = (built.site / "pagefind" / "pagefind-worker.js").read_text(encoding="utf-8")
    assert written_for == pinned == re.match(r'const pagefind_version="([^"]+)"', glue).group(1)


# --- Shards and parts: the same answers when every document is a shard of its
# own and the index is built in two Pagefind runs, then joined (bundles.py) ---


@pytest.fixture(scope="module")
def sharded_url(tmp_path_factory):
    result = build_project(tmp_path_factory.mktemp("sharded"), plans=PLANS,
                           env={"VANBAN_SEARCH_SHARD_SIZE": "1", "VANBAN_SEARCH_PART_SIZE": "2"})
    assert result.returncode == 0, result.output
    settings = json.loads((result.site / "pagefind" / "vanban-search.json").read_text(encoding="utf-8"))
    assert settings["shards"] == 4  # the published documents
    server, address = serve(result.site)
    yield address
    server.shutdown()


@pytest.mark.parametrize(("query", "expected", "place"), [q[:3] for q in QUERIES], ids=[q[0] for q in QUERIES])
def test_shards_give_the_same_results(url, sharded_url, page, query, expected, place):
    results = search(page, sharded_url, query)
    assert expected in results[:place], results
    assert set(results) == set(search(page, url, query))


def test_shards_keep_every_word_required_and_tones_apart(sharded_url, page):
    assert search(page, sharded_url, "dân vận xyzzy") == []
    assert search(page, sharded_url, "khóm xyzzy") == []  # "khóm" in one shard only
    assert TB not in search(page, sharded_url, "vận")
    assert search(page, sharded_url, '"khóm ấp"') == [TB]
    assert set(search(page, sharded_url, "dan van", nam="2022")) == {TB, CT_DUK}


def test_a_second_engine_searches_half_the_shards(url, sharded_url, page):
    """Two copies of the engine (two workers) share the shards; the answers are those of one."""
    expected = search(page, url, "vận động")
    assert expected == [CT_DUK]
    assert search(page, sharded_url, "vận động") == expected
    assert search(page, url, "khóm") == search(page, sharded_url, "khóm") == [TB]
    assert set(search(page, url, "dân")) == set(search(page, sharded_url, "dân")) == {KH, TB, CT_DUK}
    assert page.evaluate("() => window.vanbanSearch.engines()") == 2


def test_a_search_stops_once_a_newer_query_is_typed(sharded_url, page):
    """A search of words still being typed gives way: it stops before its next
    shards rather than make the newest query wait behind it."""
    page.goto(sharded_url + "/")
    page.evaluate("() => window.vanbanSearch.ready()")
    outcome = "q => window.vanbanSearch.search(q, {}, () => true).then(() => 'xong', (e) => e.message)"
    assert page.evaluate(outcome, "dân vận") == "stale"
    assert page.evaluate("q => window.vanbanSearch.search(q).then((f) => f.results.length)", "dân vận") >= 1
    # In the box: a query typed while the first one runs still ends with its own results.
    page.keyboard.press("/")
    page.keyboard.type("dân", delay=0)
    page.keyboard.type(" vận động", delay=0)
    page.wait_for_function("document.getElementById('vb-tim-trang-thai').textContent.includes('“dân vận động”')")
    links = page.eval_on_selector_all("#vb-tim-danh-sach h3 a", "a => a.map(x => new URL(x.href).pathname.slice(1))")
    assert links == [CT_DUK]


def _cards(page) -> list[tuple[str, list[str]]]:
    return [(li.locator("h3").inner_text(), li.locator("mark").all_inner_texts())
            for li in page.locator("#vb-tim-danh-sach li").all()]


def test_the_page_reads_the_result_records_and_any_host_s_encoding(url, page):
    """Result records (Pagefind fragments) are fetched and unpacked by the page,
    the index by the engine's worker; a host that sends every file of the index
    already unpacked gives the same cards."""
    search(page, url, "dân vận")
    read_by_page = _cards(page)
    assert read_by_page[0] == ("Kế hoạch 114-KH/ĐUK", read_by_page[0][1])
    assert read_by_page[0][1][:2] == ["dân", "vận"]
    fetched = page.evaluate("() => performance.getEntriesByType('resource')"
                            ".filter(e => e.name.includes('/fragment/')).map(e => e.initiatorType)")
    assert fetched and set(fetched) == {"fetch"}

    unpacked: list[str] = []

    def unpack(route):  # a host that sends the file unpacked
        response = route.fetch()
        unpacked.append(route.request.url.rsplit(".", 1)[-1])
        route.fulfill(response=response, body=gzip.decompress(response.body()))

    page.context.route(re.compile(r".*/pagefind/.*\.(pf_fragment|pf_index|pf_meta|pf_filter|pagefind)$"), unpack)
    search(page, url, "dân vận")
    assert _cards(page) == read_by_page
    assert {"pf_fragment", "pf_index", "pf_meta", "pagefind"} <= set(unpacked)


def test_an_engine_that_did_not_load_is_reported_and_loaded_again(url, page):
    """An index file that does not arrive (a dropped connection) ends in a
    message with the listings, not a box that waits forever; the next search
    loads the engine again and finds."""
    page.context.route("**/pagefind/index/*.pf_index", lambda route: route.fulfill(status=503, body=""))
    page.goto(url + "/")
    page.keyboard.press("/")
    status = page.locator("#vb-tim-trang-thai")
    status.get_by_text("Không tải được bộ tra cứu.").wait_for()
    assert status.inner_text() == "Không tải được bộ tra cứu. Xem danh mục văn bản theo loại, năm và cơ quan ban hành."
    page.keyboard.type("dân vận", delay=0)
    page.wait_for_timeout(700)
    assert status.inner_text() == "Không tải được bộ tra cứu. Xem danh mục văn bản theo loại, năm và cơ quan ban hành."
    page.context.unroute("**/pagefind/index/*.pf_index")
    page.keyboard.type(" ", delay=0)
    page.wait_for_function("document.getElementById('vb-tim-trang-thai').textContent.includes('“dân vận”')")
    links = page.eval_on_selector_all("#vb-tim-danh-sach h3 a", "a => a.map(x => new URL(x.href).pathname.slice(1))")
    assert links[0] == KH
    assert page.locator("#vb-tim-loai option").all_inner_texts() == ["Tất cả", "Chỉ thị", "Kế hoạch", "Thông báo"]
    assert _live_workers(page) == 1  # the workers of the failed loads were let go


def _live_workers(page, settle: int = 40) -> int:
    """Workers of the page, once those being stopped are gone."""
    for _ in range(settle):
        count = len(page.workers)
        page.wait_for_timeout(50)
        if len(page.workers) == count:
            return count
    return len(page.workers)


def test_a_record_that_does_not_arrive_is_reported_and_asked_again(url, page):
    """A result's record lost on the way leaves no cards of an earlier search
    on screen and no "more" button; the same search again shows them."""
    search(page, url, "dân vận")
    expected = _cards(page)
    page.context.route("**/pagefind/fragment/*.pf_fragment", lambda route: route.fulfill(status=503, body=""))
    page.locator("input[name=q]").fill("dân")
    status = page.locator("#vb-tim-trang-thai")
    status.get_by_text("Không tải được kết quả tra cứu. Hãy thử lại.").wait_for()
    assert _cards(page) == [] and page.locator("#vb-tim-them").is_hidden()
    page.context.unroute("**/pagefind/fragment/*.pf_fragment")
    page.locator("input[name=q]").fill("dân vận")
    page.wait_for_function("document.getElementById('vb-tim-trang-thai').textContent.includes('“dân vận”')")
    assert _cards(page) == expected


class _CachingHost(http.server.SimpleHTTPRequestHandler):
    """A static host that lets browsers keep every file ten minutes (GitHub Pages)."""

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def log_message(self, *args):
        pass


def test_a_new_deploy_is_searched_at_once_by_a_returning_reader(built, page, tmp_path):
    """The files that name the index of a build are asked for afresh at each
    visit, even from a host that lets browsers keep files: a reader who
    searched before a deploy finds the document it added."""
    added = {**PLANS, "2024/01-tb-duk.md": plan(
        "Thông báo về vườn xoài của khóm.", so_hieu="01-TB/ĐUK", loai="Thông báo",
        trich_yeu="Về vườn xoài", ngay_ban_hanh="2024-01-05")}
    after = build_project(tmp_path / "after", plans=added)
    assert after.returncode == 0, after.output
    live = tmp_path / "live"
    shutil.copytree(built.site, live)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_CachingHost, directory=str(live)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        address = f"http://127.0.0.1:{server.server_address[1]}"
        assert search(page, address, "xoài") == []
        shutil.rmtree(live)
        shutil.copytree(after.site, live)
        assert search(page, address, "xoài") == ["van-ban/2024/01-tb-duk/"]
    finally:
        server.shutdown()


@pytest.mark.parametrize(("typed", "unfinished"), [
    ("114-", True), ("114-KH/Đ", True), ("Chỉ thị số 06-CT/T", True), ("dân vận 114/", True),
    ("06 - CT / T", True),
    ("114-KH/ĐUK", False), ("06-CT/TU", False), ("1286/QĐ-UBND", False), ("dân vận", False), ("năm 2023", False),
    ("Nghị định 15/2020 về xử phạt", False), ("kế hoạch năm 2023-2024 của đảng ủy", False),
    ("Điều 5. Tổ chức thực hiện", False), ("giai đoạn 2021 - 2025 phát triển", False),
])
def test_a_number_half_typed_is_waited_for(url, page, typed, unfinished):
    """While a number is being typed its parts are not searched as words (nor
    their index chunks fetched ahead): the box waits for the rest of it."""
    page.goto(url + "/")
    page.evaluate("() => window.vanbanSearch.ready()")  # the party codes ("KH", "CT") come with the settings
    assert page.evaluate("t => window.vanbanSearch.numberTyping(t)", typed) is unfinished


def test_a_number_typed_in_the_box_finds_its_document(url, page):
    page.goto(url + "/")
    page.keyboard.press("/")
    page.keyboard.type("114-KH/ĐUK", delay=30)
    page.wait_for_function("document.getElementById('vb-tim-trang-thai').textContent.includes('“114-KH/ĐUK”')")
    links = page.eval_on_selector_all("#vb-tim-danh-sach h3 a", "a => a.map(x => new URL(x.href).pathname.slice(1))")
    assert links[0] == KH


def test_without_an_engine_the_box_leads_to_the_listings(url, page):
    """A browser that cannot run the engine (here: no workers) is told so, with
    a link to the listings, and the form goes there as it does without JavaScript."""
    page.add_init_script("delete window.Worker")
    page.goto(url + "/")
    page.keyboard.press("/")
    status = page.locator("#vb-tim-trang-thai")
    status.get_by_text("Không tải được bộ tra cứu.").wait_for()
    assert status.inner_text() == "Không tải được bộ tra cứu. Xem danh mục văn bản theo loại, năm và cơ quan ban hành."
    assert urlsplit(status.locator("a").get_attribute("href")).path.rstrip("/").endswith("danh-muc")
    page.keyboard.type("dân vận")
    page.keyboard.press("Enter")
    page.wait_for_url("**/danh-muc/?q=*")
    assert page.locator("h1").first.inner_text() != ""


def test_the_best_records_are_fetched_while_the_last_shards_are_searched(url, sharded_url, page):
    """Once most shards are searched, the records of the best results so far
    are fetched ahead: each record once, the cards those of a search without."""
    expected = search(page, url, "dân")
    cards = _cards(page)
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url) if r.url.endswith(".pf_fragment") else None)
    assert search(page, sharded_url, "dân") == expected
    assert _cards(page) == cards
    assert len(fetched) == len(set(fetched)) >= len(expected)


def test_engines_warm_up_at_load_from_the_chunk_already_fetched(sharded_url, page):
    """Each engine searches the index's warm-up prefix a few times once it is up:
    no index chunk but the one the first search fetched, and no change to results."""
    cold = search(page, sharded_url, "dân vận")
    assert page.evaluate("() => fetch('/pagefind/vanban-search.json').then(r => r.json()).then(s => s.warm)")
    chunks: list[str] = []
    page.on("request", lambda r: chunks.append(r.url) if r.url.endswith(".pf_index") else None)
    page.goto(sharded_url + "/")
    page.keyboard.press("/")
    page.evaluate("() => window.vanbanSearch.ready()")
    page.wait_for_function("() => window.vanbanSearch.warmed() === 6")  # three runs, two engines
    assert len(set(chunks)) == 1
    page.keyboard.type("dân vận", delay=0)
    page.wait_for_function("document.getElementById('vb-tim-trang-thai').textContent.includes('“dân vận”')")
    links = page.eval_on_selector_all("#vb-tim-danh-sach h3 a", "a => a.map(x => new URL(x.href).pathname.slice(1))")
    assert links == cold
