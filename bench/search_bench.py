"""Search at scale: bytes a reader's first query costs and time to results.

For each N it generates N plan-size documents (bench/make_corpus.py) plus the seed
plan, builds the site (PDFs off), times the search index on its own, serves the
site on 127.0.0.1 and drives Debian's Chromium. Printed for each query:
- KB transferred from opening the search box to the results on screen (engine,
  index chunks, fragments of the shown results), as a static host sends them:
  text files gzip-compressed, the Pagefind files as written (already compressed);
- ms from the last keystroke to the results on screen, engine already loaded;
and the index size and build time. Targets: a first query costs ≤ 600 KB
and ≤ 300 ms at 10,000 documents.

    python bench/search_bench.py              # N = 100 and 1000
    python bench/search_bench.py 10000        # sizes to run
    python bench/search_bench.py 10000 --measure-only   # the browser part again
    python bench/search_bench.py 10000 --reindex        # the index and the browser part again
"""

from __future__ import annotations

import argparse
import email.utils
import functools
import gzip
import http.server
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "hooks"))
import make_corpus as bench_corpus  # noqa: E402  (bench/make_corpus.py)

from vanban.graph.corpus import load as load_corpus  # noqa: E402
from vanban.search import index as search_index  # noqa: E402

OUT = HERE / "out" / "search"
QUERIES = ["dân vận", "Chỉ thị số 06", "dan van", "114-KH/ĐUK"]
CHROMIUM = "/usr/bin/chromium"
KB = 1024
TARGET_KB, TARGET_MS = 600, 300
_COMPRESS = (".html", ".js", ".css", ".json", ".svg", ".xml")


def build(n: int) -> tuple[Path, float]:
    project = OUT / str(n)
    if project.exists():
        shutil.rmtree(project)
    plans = project / "plans"
    bench_corpus.generate(n, plans)
    (plans / "2023").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "plans" / "2023" / "114-kh-duk.md", plans / "2023" / "114-kh-duk.md")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for name in ("docs", "hooks", "data"):
        if (ROOT / name).exists():
            (project / name).symlink_to(ROOT / name)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "VANBAN_PDF": "false"}
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", "site"],
                          cwd=project, env=env, capture_output=True, text=True)
    if done.returncode:
        sys.exit(done.stdout + done.stderr)
    return project, time.monotonic() - started


def index_alone(project: Path) -> tuple[int, float, int]:
    """Rebuild only the index: (bytes of the pagefind/ folder, seconds, documents)."""
    corpus = load_corpus(project / "plans", project)
    size, seconds = search_index.write(corpus.published, project / "site")
    return size, seconds, len(corpus.published)


class _Handler(http.server.SimpleHTTPRequestHandler):
    """A static host: text compressed with gzip, everything else as stored.

    It counts the bytes it sends (headers and bodies): what a reader's browser
    transfers, files it reads again from its own cache not included.
    """

    sent = [0, 0]  # bytes, responses
    kinds: dict[str, int] = {}  # bytes by what they are (_kind)
    lock = threading.Lock()

    def log_message(self, *args):
        pass

    def setup(self):
        super().setup()
        self.wfile = _Counting(self.wfile, self)

    def count(self, n: int) -> None:
        with self.lock:
            self.sent[0] += n
            kind = _kind(self.path)
            self.kinds[kind] = self.kinds.get(kind, 0) + n

    def send_head(self):
        with self.lock:
            self.sent[1] += 1
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in _COMPRESS or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        # With a date, as the plain files get it (and as static hosts send
        # them): the browser may keep the file and ask again with it.
        modified = int(path.stat().st_mtime)
        since = self.headers.get("If-Modified-Since")
        if since and _seconds(since) >= modified:
            self.send_response(304)
            self.end_headers()
            return None
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(modified))
        self.end_headers()
        return _Bytes(body)


def _kind(path: str) -> str:
    """What a request is for: the index chunks and result records a query
    needs, or the engine and settings every first query loads."""
    for folder, kind in (("/pagefind/index/", "chunks"), ("/pagefind/fragment/", "records"),
                         ("/pagefind/filter/", "filters")):
        if path.startswith(folder):
            return kind
    return "engine"


def _seconds(http_date: str) -> float:
    try:
        return email.utils.parsedate_to_datetime(http_date).timestamp()
    except (TypeError, ValueError):
        return -1


class _Counting:
    def __init__(self, stream, handler):
        self.stream, self.handler = stream, handler

    def write(self, data):
        self.handler.count(len(data))
        return self.stream.write(data)

    def __getattr__(self, name):
        return getattr(self.stream, name)


class _Bytes:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *_):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def serve(site: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


# In the page: time from the last keystroke to the status line naming the query.
_WATCH = """q => new Promise(resolve => {
  const input = document.querySelector('input[name=q]');
  const status = document.getElementById('vb-tim-trang-thai');
  let last = 0;
  input.addEventListener('keydown', () => { last = performance.now(); });
  new MutationObserver((_, obs) => {
    if (status.textContent.includes('“' + q + '”')) {
      obs.disconnect();
      resolve({ms: performance.now() - last, shown: document.querySelectorAll('#vb-tim-danh-sach li').length,
               status: status.textContent});
    }
  }).observe(status, {childList: true, characterData: true, subtree: true});
})"""


def measure(browser, url: str, query: str) -> dict:
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    page.goto(url + "/")
    page.wait_for_load_state("networkidle")
    parts: list[tuple[int, str]] = []  # as the browser saw them, cache hits included (--detail)
    page.on("requestfinished", lambda req: parts.append((_size(req), req.url)))
    _Handler.sent[:] = [0, 0]
    _Handler.kinds.clear()
    page.keyboard.press("/")
    page.evaluate("() => window.vanbanSearch.ready()")  # the engine, as opening the box loads it
    page.evaluate(f"q => {{ window.__searchDone = ({_WATCH})(q); }}", query)
    page.keyboard.type(query, delay=40)
    result = page.evaluate("() => window.__searchDone")
    page.wait_for_load_state("networkidle")
    context.close()
    return {"query": query, "kb": _Handler.sent[0] / KB, "requests": _Handler.sent[1], "parts": sorted(parts, reverse=True),
            "kinds": {k: v / KB for k, v in _Handler.kinds.items()},
            **result}


def _size(request) -> int:
    sizes = request.sizes()
    return sizes["responseBodySize"] + sizes["responseHeadersSize"]


def run(n: int, browser, measure_only: bool = False, detail: bool = False, reindex: bool = False,
        runs: int = 5) -> list[str]:
    if measure_only or reindex:  # the site of an earlier run, with today's search.js
        project = OUT / str(n)
        shutil.copy(ROOT / "docs" / "assets" / "search.js", project / "site" / "assets" / "search.js")
        lines = [f"N = {n}: trang đã dựng trước"]
        if reindex:  # and today's index
            size, index_seconds, documents = index_alone(project)
            lines = [f"N = {n} ({documents} văn bản đăng): trang đã dựng trước; "
                     f"chỉ mục {size / KB / KB:.1f} MB, dựng chỉ mục {index_seconds:.1f} s"]
    else:
        project, build_seconds = build(n)
        size, index_seconds, documents = index_alone(project)
        lines = [f"N = {n} ({documents} văn bản đăng): dựng trang {build_seconds:.1f} s; "
                 f"chỉ mục {size / KB / KB:.1f} MB, dựng chỉ mục {index_seconds:.1f} s"]
    server, url = serve(project / "site")
    try:
        for query in QUERIES:
            # Each run in a fresh browser context (nothing cached); the median
            # of the times, as one run on two shared cores varies by ±20%.
            tries = [measure(browser, url, query) for _ in range(runs)]
            m = tries[0]
            kb = max(t["kb"] for t in tries)
            times = sorted(t["ms"] for t in tries)
            ms = statistics.median(times)
            kb_ok = "ĐẠT" if kb <= TARGET_KB else "CHƯA ĐẠT"
            ms_ok = "ĐẠT" if ms <= TARGET_MS else "CHƯA ĐẠT"
            spread = f" (trung vị {runs} lần: {times[0]:.0f}–{times[-1]:.0f})" if runs > 1 else ""
            lines.append(f"  “{query}”: {kb:.0f} KB trong {m['requests']} yêu cầu ({kb_ok} ≤ {TARGET_KB}), "
                         f"{ms:.0f} ms sau phím cuối{spread} ({ms_ok} ≤ {TARGET_MS}); {m['status']}")
            heaviest = max(tries, key=lambda t: t["kb"])  # the run whose bytes are printed
            names = {"engine": "động cơ và thiết lập", "chunks": "chỉ mục", "records": "bản ghi kết quả", "filters": "bộ lọc"}
            lines.append("      gồm: " + ", ".join(f"{names[k]} {v:.0f} KB" for k, v in sorted(
                heaviest["kinds"].items(), key=lambda kv: list(names).index(kv[0]))))
            if detail:
                lines.extend(f"      {size / KB:7.1f} KB  {url.split('/', 3)[-1]}" for size, url in m["parts"])
    finally:
        server.shutdown()
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Đo tra cứu: dung lượng tải và thời gian ra kết quả.")
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000])
    parser.add_argument("--measure-only", action="store_true", help="đo lại trên trang đã dựng ở lần chạy trước")
    parser.add_argument("--reindex", action="store_true", help="như --measure-only, nhưng dựng lại chỉ mục")
    parser.add_argument("--detail", action="store_true", help="in từng tệp đã tải và dung lượng")
    parser.add_argument("--runs", type=int, default=5, help="số lần đo mỗi truy vấn (in trung vị)")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
        for n in args.sizes:
            for line in run(n, browser, args.measure_only, args.detail, args.reindex, max(1, args.runs)):
                print(line, flush=True)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
