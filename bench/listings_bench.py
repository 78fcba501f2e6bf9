"""Listings, feeds, deadlines, open data and the lookup table at corpus scale.

Generates N documents (bench/make_corpus.py), runs each generation step of
the listings, feeds, deadlines and open data on them and prints its time, the
number of files it writes and the largest page, so "a page's weight does not
grow with the corpus" can be read off.
With --browser it also opens the lookup table in Chromium on those N rows and
prints how long the first render, a filter and a sort take.

    python bench/listings_bench.py 10000 [--browser]
"""

from __future__ import annotations

import argparse
import gzip
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import make_corpus as corpus_gen  # noqa: E402

from vanban.graph import corpus as corpus_mod  # noqa: E402
from vanban.site import deadlines, feeds, listings, opendata  # noqa: E402
from vanban.site.build import Options, Site  # noqa: E402
from vanban.site.pages import PageParts  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
# The cited documents' step runs first in a real build; it parses every
# document's citations, and open data reuses them from the parser's cache.
from vanban.site import cited_pages  # noqa: E402

STEPS = [("dẫn chiếu*", cited_pages.step), ("deadlines", deadlines.step), ("listings", listings.step), ("table", listings.table_step),
         ("feeds", feeds.step), ("opendata", opendata.step)]


def size(content) -> int:
    return len(content.encode("utf-8") if isinstance(content, str) else content)


def run_steps(plans: Path) -> Site:
    started = time.perf_counter()
    corpus = corpus_mod.load(plans)
    print(f"đọc {len(corpus.documents)} văn bản: {time.perf_counter() - started:.2f} s")
    site = Site(corpus, Options(site_url="https://vanban.example.vn/", identity={"ten": "Đảng ủy Khối"}))
    for doc in corpus.published:
        site.parts[doc.src_uri] = PageParts()
    for name, step in STEPS:
        before = set(site.files)
        started = time.perf_counter()
        step(site)
        elapsed = time.perf_counter() - started
        added = [k for k in site.files if k not in before]
        pages = [k for k in added if k.endswith(".md")]
        largest = max(pages, key=lambda k: size(site.files[k]), default=None)
        line = f"{name:10s} {elapsed:6.2f} s  {len(added):6d} tệp"
        if largest:
            line += f"  trang lớn nhất {size(site.files[largest]) / 1024:6.1f} KB ({largest})"
        print(line)
    print(f"{len(site.published)} văn bản được đăng (* bước của phần dẫn chiếu, chạy trước như khi dựng thật)")
    for path in (listings.TABLE_DATA, opendata.LIST_JSON, opendata.LIST_CSV, "feed/atom.xml", "lich/thoi-han.ics"):
        data = site.files[path]
        raw = data.encode("utf-8") if isinstance(data, str) else data
        print(f"{path:24s} {len(raw) / 1024:9.1f} KB, gzip {len(gzip.compress(raw)) / 1024:8.1f} KB")
    return site


def browser_timings(site: Site, workdir: Path) -> None:
    """Open a page holding only the table and its data, and time it in Chromium."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import CHROMIUM, CHROMIUM_ARGS, serve

    (workdir / "tra-cuu").mkdir(parents=True)
    (workdir / "assets").mkdir()
    (workdir / "assets/table.js").write_bytes((ROOT / "docs/assets/table.js").read_bytes())
    (workdir / listings.TABLE_DATA).write_text(site.files[listings.TABLE_DATA], encoding="utf-8")
    (workdir / "tra-cuu/index.html").write_text(
        '<!doctype html><html lang="vi"><meta charset="utf-8"><title>t</title>'
        '<div id="vb-tra-cuu" data-nguon="van-ban.json"><p>tĩnh</p></div>'
        '<script src="../assets/table.js"></script></html>', encoding="utf-8")
    server, url = serve(workdir)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            page = browser.new_page()
            started = time.perf_counter()
            page.goto(f"{url}/tra-cuu/")
            page.wait_for_selector("#vb-tra-cuu.vb-tra-cuu-san-sang")
            print(f"trình duyệt: tải và vẽ bảng {len(site.published)} dòng: {time.perf_counter() - started:.2f} s")
            for label, script in (
                ("lọc theo loại", "t => { const s = t.root.querySelector('select[name=loai]'); s.selectedIndex = 1; s.dispatchEvent(new Event('change')); }"),
                ("lọc chữ 'dan van'", "t => { const i = t.root.querySelector('input'); i.value = 'dan van'; i.dispatchEvent(new Event('input')); }"),
                ("sắp xếp theo số hiệu", "t => t.root.querySelector('button[data-cot=so_hieu]').click()"),
                ("sắp xếp theo trích yếu", "t => t.root.querySelector('button[data-cot=trich_yeu]').click()"),
            ):
                ms = page.evaluate(f"() => {{ const t = document.getElementById('vb-tra-cuu').vbTable;"
                                   f" const s = performance.now(); ({script})(t); return performance.now() - s; }}")
                print(f"trình duyệt: {label}: {ms:.1f} ms")
            browser.close()
    finally:
        server.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=10_000)
    parser.add_argument("--browser", action="store_true", help="đo cả bảng tra cứu trong Chromium")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        plans = Path(tmp) / "plans"
        started = time.perf_counter()
        corpus_gen.generate(args.n, plans)
        print(f"sinh {args.n} văn bản: {time.perf_counter() - started:.1f} s")
        site = run_steps(plans)
        if args.browser:
            browser_timings(site, Path(tmp) / "web")


if __name__ == "__main__":
    main()
