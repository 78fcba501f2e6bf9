"""A reader's budget on phones: Lighthouse scores of the pages readers open.

Builds the site (or takes a built one with --site), serves it on 127.0.0.1,
runs Lighthouse 12.2.3 (pinned in bench/package-lock.json) with Debian's
Chromium under Lighthouse's mobile settings (emulated phone, simulated slow
4G and CPU), and prints the four scores of each page against the targets:
performance ≥ 90, accessibility 100, best practices ≥ 95, SEO ≥ 95.
Audits that cost points are listed under the table. Exit 1 if a page misses.

    python3 bench/lighthouse.py [--site site/] [--out bench/out/lighthouse]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import re
import statistics
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
CHROMIUM = "/usr/bin/chromium"
TARGETS = {"performance": 90, "accessibility": 100, "best-practices": 95, "seo": 95}
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync")


def install() -> Path:
    """npm ci in bench/ when the installed Lighthouse is not the locked one."""
    lock = json.loads((BENCH / "package-lock.json").read_text())
    wanted = lock["packages"]["node_modules/lighthouse"]["version"]
    installed = BENCH / "node_modules" / "lighthouse" / "package.json"
    if not installed.exists() or json.loads(installed.read_text())["version"] != wanted:
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=BENCH, check=True)
    return BENCH / "node_modules" / ".bin" / "lighthouse"


def build(site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                   cwd=ROOT, env=env, check=True)


def pages(site: Path) -> dict[str, str]:
    """One page of each kind: the home page, the seed plan, a document it
    cites, a listing, the deadlines, the lookup table and a written page."""
    chosen = {"Trang chủ": "", "114-KH/ĐUK": "van-ban/2023/114-kh-duk/"}
    plan = (site / "van-ban/2023/114-kh-duk/index.html").read_text(encoding="utf-8")
    cited = re.search(r'href="\.\./\.\./(dan-chieu/[^"#/]+/)"', plan)
    if cited:
        chosen["Văn bản được dẫn chiếu"] = "van-ban/" + cited.group(1)
    for listing in ("danh-muc/tat-ca/", "danh-muc/", "danh-muc/nam/"):
        if (site / listing / "index.html").exists():
            chosen["Danh mục"] = listing
            break
    for name, path in (("Thời hạn", "thoi-han/"), ("Tra cứu", "tra-cuu/"), ("Hướng dẫn biên tập", "huong-dan-bien-tap/")):
        if (site / path / "index.html").exists():
            chosen[name] = path
    return chosen


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the site gzip-compressed, as GitHub Pages and GitLab Pages do,
    so the transfer sizes Lighthouse sees are the ones readers get."""

    COMPRESS = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}

    def log_message(self, *args):  # keep the table readable
        pass

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in self.COMPRESS or "gzip" not in self.headers.get("Accept-Encoding", "") \
                or not path.is_file() or not self.path.split("?")[0].endswith(("/", path.name)):
            return super().do_GET()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(site: Path):
    handler = functools.partial(_Handler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def lighthouse(binary: Path, url: str, report: Path) -> dict:
    subprocess.run([str(binary), url, "--quiet", "--output=json", f"--output-path={report}",
                    "--form-factor=mobile", "--only-categories=" + ",".join(TARGETS),
                    f"--chrome-flags={CHROME_FLAGS}", "--max-wait-for-load=60000"],
                   env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True)
    return json.loads(report.read_text())


def scores(result: dict) -> dict[str, int]:
    return {key: round((result["categories"][key]["score"] or 0) * 100) for key in TARGETS}


def lost_points(result: dict) -> list[str]:
    """Audits that weigh in a category and did not pass."""
    out = []
    for key in TARGETS:
        for ref in result["categories"][key]["auditRefs"]:
            audit = result["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                shown = audit.get("displayValue", "")
                out.append(f"{key}: {ref['id']} ({audit['score']:.2f}) {audit['title']} {shown}".rstrip())
    return out


def measure(binary: Path, url: str, out: Path, runs: int) -> tuple[dict[str, int], dict]:
    """The median score of each category over `runs` runs, and the median run."""
    results = []
    for run in range(runs):
        name = re.sub(r"[^a-z0-9]+", "-", url.split("/", 3)[3]).strip("-") or "home"
        results.append(lighthouse(binary, url, out / f"{name}-{run + 1}.json"))
    results.sort(key=lambda r: scores(r)["performance"])
    middle = results[len(results) // 2]
    return {k: statistics.median_low(scores(r)[k] for r in results) for k in TARGETS}, middle


def main(argv=None) -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--site", type=Path, help="trang đã dựng (mặc định: dựng mới vào --out/site)")
    args.add_argument("--out", type=Path, default=BENCH / "out" / "lighthouse")
    args.add_argument("--runs", type=int, default=3, help="số lần đo mỗi trang; in trung vị (mặc định 3)")
    opts = args.parse_args(argv)
    opts.out.mkdir(parents=True, exist_ok=True)
    binary = install()
    site = opts.site or opts.out / "site"
    if not opts.site:
        build(site)
    server, base = serve(site)
    misses, notes, power = 0, [], []
    print(f"Lighthouse, điện thoại (mô phỏng), trung vị {opts.runs} lần đo mỗi trang")
    print(f"{'trang':<24} {'hiệu năng':>9} {'tiếp cận':>9} {'thực hành':>9} {'SEO':>5}")
    try:
        for name, path in pages(site).items():
            got, result = measure(binary, base + path, opts.out, opts.runs)
            power.append(result["environment"]["benchmarkIndex"])
            missed = [k for k, v in got.items() if v < TARGETS[k]]
            misses += bool(missed)
            row = f"{got['performance']:>9} {got['accessibility']:>9} {got['best-practices']:>9} {got['seo']:>5}"
            print(f"{name:<24} {row}  /{path}{'  CHƯA ĐẠT: ' + ', '.join(missed) if missed else ''}")
            notes += [f"/{path}: {line}" for line in lost_points(result)]
    finally:
        server.shutdown()
    print("mục tiêu: " + ", ".join(f"{k} ≥ {v}" for k, v in TARGETS.items()))
    # Lighthouse's own measure of this machine's CPU: a loaded machine lowers performance.
    print(f"benchmarkIndex của máy: {min(power):.0f}–{max(power):.0f}")
    if notes:
        print("Các mục làm mất điểm (lần đo trung vị):")
        print("\n".join("  " + n for n in notes))
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
