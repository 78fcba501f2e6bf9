"""Build time and size: this project against plain Material on the same documents.

For each N it generates N documents (bench/make_corpus.py) plus the seed plan, then
builds, in temporary projects under bench/out/<N>/, four ways, interleaved
(one of each, then again with --repeat), the medians counting:
- plain: Material alone, the same Markdown files copied into docs/ as plain
  pages, out of the nav, no hooks, no search plugin;
- no PDFs: this project's mkdocs.yml, docs/, hooks/ and data/, PDFs off, no .cache;
- shipped, clean: the project as shipped (PDFs on), no .cache (a fresh clone);
- one changed: right after the clean build, one document's text changed, the
  caches kept (a push); the PDFs made are counted (the cache's new entries);
and times `vanban check` on the same plans/. Prints every figure beside its
target with PASS or MISS, and writes the table and a JSON file to bench/out/.

    python bench/build_bench.py                            # N = 100 and 1000
    python bench/build_bench.py 100 1000 10000 --repeat 3  # sizes to run, builds of each kind
    python bench/build_bench.py 1000 --profile             # also a cProfile of the no-PDF build
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import make_corpus as bench_corpus  # noqa: E402  (bench/make_corpus.py, next to this file)

sys.path.insert(0, str(ROOT / "hooks"))
from vanban.graph.corpus import load as load_corpus  # noqa: E402

OUT = HERE / "out"
SEED_PLAN = ROOT / "plans" / "2023" / "114-kh-duk.md"
PROBE = "van-ban/2023/114-kh-duk/index.html"  # the seed plan's page: the same document at every N
TIME = "/usr/bin/time"
MB = 1024 * 1024

# Targets: wall time of each kind of build ÷ plain Material's, at 1,000 documents.
KINDS = ("plain", "nopdf", "clean", "changed")
LABELS = {"plain": "plain Material", "nopdf": "project, no PDFs", "clean": "shipped, clean cache",
          "changed": "shipped, one changed"}
RATIO_MAX = {"nopdf": 5.0, "clean": 6.0, "changed": 5.0}
PDFS_AFTER_CHANGE = 1  # PDFs a build makes after one document changed
GROWTH_MAX = 11.0  # 10 × documents in ≤ 11 × time and memory
MEMORY_MAX_10K = 2048 * MB  # 10,000 documents in ≤ 2 GB
CHECK_MAX_10K = 10.0  # vanban check on 10,000 documents in ≤ 10 s
CHECK_RUNS = 3  # vanban check is timed this many times, cold and again; the median counts
PAGE_SPREAD = 0.10  # a document page's HTML at every N within 10 % (see _growth)


@dataclass
class Run:
    """One measured command."""

    ok: bool
    seconds: float  # wall time
    cpu: float  # user + system seconds of the whole process tree: steadier than wall time on a shared machine
    peak_rss: int  # bytes: the largest sum of PSS over the process tree, sampled (unsampled: max_rss)
    max_rss: int  # bytes: the largest single process (/usr/bin/time -v), 0 if unknown
    warnings: int = 0
    output: str = ""
    by_program: dict = field(default_factory=dict)  # program name → its largest RSS (bytes), sampled
    warm: float = 0.0  # vanban check only: wall time of a second run, nothing changed
    walls: list = field(default_factory=list)  # vanban check only: every cold run's wall time
    warms: list = field(default_factory=list)  # … and every run again, nothing changed


@dataclass
class Build:
    run: Run
    pdfs_made: int = -1  # new entries of .cache/vanban/pdf; -1 with PDFs off
    site_bytes: int = 0
    files: int = 0
    probe_html: int = 0  # the seed plan's page
    median_doc_html: int = 0  # median over all document pages
    max_doc_html: int = 0
    pagefind_bytes: int = 0
    largest_html: int = 0  # the largest HTML page of the site: nothing may grow with N
    largest_page: str = ""


@dataclass
class Result:
    n: int
    documents: int
    builds: dict  # kind → its median build (by wall time)
    runs: dict = field(default_factory=dict)  # kind → every build's wall and CPU seconds, PDFs made
    check: Run | None = None
    core: dict = field(default_factory=dict)  # vanban.site.build alone: CPU seconds per step

    @property
    def project(self) -> Build:
        return self.builds["nopdf"]

    @property
    def plain(self) -> Build:
        return self.builds["plain"]


# --- measuring a command ----------------------------------------------------


def _children(pid: int) -> list[int]:
    found = []
    try:  # a process that ends while it is looked at has no children left to count
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return found
    for task in tasks:
        try:
            found.extend(int(c) for c in (task / "children").read_text().split())
        except OSError:
            pass
    return found


def _rss(pid: int, field: str = "VmRSS:", where: str = "status") -> int:
    try:
        for line in Path(f"/proc/{pid}/{where}").read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _pss(pid: int) -> int:
    """A process's share of memory: pages it shares with others (a forked
    worker and its parent) count a part each, so a tree's sum is what it uses."""
    return _rss(pid, "Pss:", "smaps_rollup") or _rss(pid)


def _tree_rss(root: int, by_name: dict[str, int] | None = None) -> int:
    """The summed PSS of a process tree; `by_name` collects each program's largest RSS."""
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        rss = _rss(pid)
        total += _pss(pid)
        if by_name is not None and rss:
            try:
                name = Path(f"/proc/{pid}/comm").read_text().strip()
            except OSError:
                name = "?"
            by_name[name] = max(by_name.get(name, 0), rss)
        stack.extend(_children(pid))
    return total


def measure(command: list[str], cwd: Path, env: dict, timeout: float, sample: bool = True) -> Run:
    """Run a command, sampling its process tree's memory (unless `sample` is
    false: then only /usr/bin/time's largest process); wall time from start to exit."""
    use_time = Path(TIME).exists()
    full = [TIME, "-v", *command] if use_time else command
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(full, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak = [0]
    by_name: dict[str, int] = {}
    done = threading.Event()

    def sample_tree() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss(proc.pid, by_name))
            done.wait(0.05)

    sampler = threading.Thread(target=sample_tree, daemon=True)
    if sample:
        sampler.start()
    try:
        output, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        output, _ = proc.communicate()
        output += f"\n[bench] timed out after {timeout:.0f} s"
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    done.set()
    if sample:
        sampler.join()
    max_rss = 0
    found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", output)
    if found:
        max_rss = int(found.group(1)) * 1024
    code = proc.returncode
    exit_line = re.search(r"Exit status: (\d+)", output)
    if use_time and exit_line:
        code = int(exit_line.group(1))
    warnings = len(re.findall(r"^WARNING", output, re.M))
    return Run(code == 0, seconds, cpu, max(peak[0], max_rss), max_rss, warnings, output, by_name)


# --- the two projects ---------------------------------------------------------


class _Loose(yaml.SafeLoader):
    """Reads mkdocs.yml without resolving its !ENV and other tags."""


_Loose.add_multi_constructor("", lambda loader, suffix, node: None)


def make_corpus(n: int, plans: Path, seed: int) -> int:
    if plans.exists():
        shutil.rmtree(plans)
    paths = bench_corpus.generate(n, plans, seed)
    target = plans / "2023" / SEED_PLAN.name
    shutil.copy(SEED_PLAN, target)
    return len(paths) + 1


def project_tree(base: Path, plans_src: Path) -> Path:
    """This project, as tests/conftest.build_project makes it: mkdocs.yml copied, the rest linked."""
    project = base / "project"
    if project.exists():
        shutil.rmtree(project)
    project.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for name in ("docs", "hooks", "data"):
        if (ROOT / name).exists():
            (project / name).symlink_to(ROOT / name)
    shutil.copytree(plans_src, project / "plans")
    return project


def plain_tree(base: Path, plans_src: Path) -> Path:
    """Plain Material: the same Markdown files as pages, out of the nav, no hooks, no search.

    Only the documents the project publishes are copied, so both sites hold the same pages.
    """
    plain = base / "plain"
    if plain.exists():
        shutil.rmtree(plain)
    docs = plain / "docs"
    for doc in load_corpus(plans_src, base=plans_src).published:
        target = docs / "van-ban" / str(doc.year) / f"{doc.slug}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(plans_src / doc.path, target)
    (docs / "index.md").write_text("# Văn bản\n\nTrang chủ.\n", encoding="utf-8")
    source = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loose)
    theme = source.get("theme", {})
    config = {
        "site_name": "Văn bản",
        "site_url": "http://127.0.0.1:8000/",
        "use_directory_urls": True,
        "theme": {"name": "material", "language": theme.get("language", "vi"), "font": False,
                  "features": theme.get("features", [])},
        "plugins": [],
        "validation": {"nav": {"omitted_files": "ignore"}},
        "markdown_extensions": source.get("markdown_extensions", []),
        "nav": [{"Trang chủ": "index.md"}],
    }
    (plain / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return plain


def build(project: Path, timeout: float, profile: Path | None = None, *, pdf: bool = False,
          clean: bool = True) -> Build:
    site = project / "site"
    if site.exists():
        shutil.rmtree(site)
    if clean:
        _forget_cache(project)  # measured from cold, as on a fresh clone
    stored = _pdf_entries(project)
    runner = [sys.executable]
    if profile:
        runner += ["-m", "cProfile", "-o", str(profile)]
    command = [*runner, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "VANBAN_PDF": "true" if pdf else "false", "PYTHONHASHSEED": "0"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "hooks"), env.get("PYTHONPATH")]))
    result = Build(measure(command, project, env, timeout))
    if pdf:
        result.pdfs_made = len(_pdf_entries(project) - stored)
    if site.exists():
        _sizes(result, site)
    return result


def _pdf_entries(project: Path) -> set[str]:
    folder = project / ".cache" / "vanban" / "pdf"
    return {p.name for p in folder.glob("*.pdf")} if folder.is_dir() else set()


def change_one(project: Path, attempt: int) -> None:
    """An editor's push: one sentence added to the seed plan's body."""
    path = project / "plans" / "2023" / SEED_PLAN.name
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + f"\n\nĐoạn bổ sung lần {attempt + 1}.\n", encoding="utf-8")


def _sizes(result: Build, site: Path) -> None:
    files = [p for p in site.rglob("*") if p.is_file()]
    result.files = len(files)
    result.site_bytes = sum(p.stat().st_size for p in files)
    probe = site / PROBE
    result.probe_html = probe.stat().st_size if probe.exists() else 0
    docs = [p.stat().st_size for p in (site / "van-ban").glob("*/*/index.html")]
    if docs:
        result.median_doc_html = int(statistics.median(docs))
        result.max_doc_html = max(docs)
    pages = [(p.stat().st_size, p) for p in site.rglob("*.html")]
    if pages:
        size, path = max(pages)
        result.largest_html, result.largest_page = size, path.relative_to(site).as_posix()
    pagefind = site / "pagefind"
    if pagefind.exists():
        result.pagefind_bytes = sum(p.stat().st_size for p in pagefind.rglob("*") if p.is_file())


def check(project: Path, timeout: float) -> Run | None:
    """`vanban check` over the corpus, if the subcommand exists."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks")}
    probe = subprocess.run([sys.executable, "-m", "vanban.cli", "check", "--help"], cwd=project, env=env,
                           capture_output=True, text=True)
    if probe.returncode != 0:
        return None
    command = [sys.executable, "-m", "vanban.cli", "check"]
    colds, warms, ok = [], [], True
    # Not sampled: reading every process's memory map 20 times a second costs the
    # kernel time that grows with the process, and slowed a check of 10,000
    # documents on two cores by a tenth. Its memory is /usr/bin/time's largest process.
    for _ in range(CHECK_RUNS):  # one run on this shared machine can be 15% off either way
        _forget_cache(project)
        colds.append(measure(command, project, env, timeout, sample=False))
        again = measure(command, project, env, timeout, sample=False)
        warms.append(again.seconds)
        ok = ok and colds[-1].ok and again.ok
    cold = sorted(colds, key=lambda run: run.seconds)[CHECK_RUNS // 2]
    cold.ok = ok  # a failed exit in any run shows
    cold.walls, cold.warms = [run.seconds for run in colds], sorted(warms)
    cold.warm = cold.warms[CHECK_RUNS // 2]
    return cold


def _range(seconds: list) -> str:
    return " / ".join(f"{value:.2f}" for value in sorted(seconds)) if seconds else "-"


def _forget_cache(project: Path) -> None:
    """The citations earlier runs found (citations.cache): a cold run reads none."""
    shutil.rmtree(project / ".cache", ignore_errors=True)


# --- the core alone, step by step -----------------------------------------------


def core_steps(plans: Path) -> dict:
    """Time vanban.site.build's parts in a fresh process (no MkDocs): where the project's time goes."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks")}
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--core", str(plans)],
                          env=env, capture_output=True, text=True)
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["?"])[-1]}
    return json.loads(done.stdout)


def _core_main(plans: Path) -> None:
    from vanban.graph import corpus as corpus_mod
    from vanban.site import build as site_mod

    timings: dict[str, float] = {}

    def timed(name, func):
        def run(*args, **kwargs):
            start = time.process_time()  # CPU time: the machine is shared
            try:
                return func(*args, **kwargs)
            finally:
                timings[name] = timings.get(name, 0.0) + time.process_time() - start
        return run

    site_mod.corpus_mod.load = timed("load", corpus_mod.load)
    site_mod.STEPS = tuple(timed(f"{s.__module__.rsplit('.', 1)[-1]}.{s.__name__}", s) for s in site_mod.STEPS)
    site_mod._document_pages = timed("document_pages", site_mod._document_pages)
    source = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loose)
    identity = {k: v for k, v in (source.get("extra", {}).get("to_chuc") or {}).items() if v is not None}
    options = site_mod.Options(site_url="http://127.0.0.1:8000/", identity=identity,
                               registry=ROOT / "data" / "registry.yml")
    start = time.process_time()
    site_mod.build(plans, options, base=plans.parent)
    timings["total"] = time.process_time() - start
    print(json.dumps({k: round(v, 3) for k, v in timings.items()}, ensure_ascii=False))


# --- one size -------------------------------------------------------------------


def run_size(n: int, args) -> Result:
    base = OUT / str(n)
    plans = base / "plans"
    documents = make_corpus(n, plans, args.seed)
    project = project_tree(base, plans)
    plain = plain_tree(base, plans)
    builds: dict[str, list[Build]] = {kind: [] for kind in KINDS}
    for attempt in range(args.repeat):  # one of each kind a round: a busy spell of the machine hits them all
        for kind in KINDS:
            print(f"[bench] N = {n}, round {attempt + 1}: {LABELS[kind]}…", file=sys.stderr, flush=True)
            if kind == "plain":
                made = build(plain, args.timeout)
            elif kind == "nopdf":
                made = build(project, args.timeout)
            elif kind == "clean":
                made = build(project, args.timeout, pdf=True)
            else:
                change_one(project, attempt)
                made = build(project, args.timeout, pdf=True, clean=False)
            builds[kind].append(made)
            _report_failure(kind, n, made.run)
    if args.profile:
        profile = base / "project.prof"
        build(project, args.timeout, profile)
        _print_profile(profile, base / "project-profile.txt")
    check_run = check(project, args.timeout) if not args.no_check else None
    median = {kind: sorted(runs, key=lambda b: b.run.seconds)[(len(runs) - 1) // 2] for kind, runs in builds.items()}
    runs = {kind: [{"wall": round(b.run.seconds, 2), "cpu": round(b.run.cpu, 2), "pdfs_made": b.pdfs_made,
                    "ok": b.run.ok} for b in got] for kind, got in builds.items()}
    for kind in ("clean", "changed"):  # a failed build in any round shows
        median[kind].run.ok = all(b.run.ok for b in builds[kind])
    return Result(n, documents, median, runs, check_run, core_steps(project / "plans"))


def _report_failure(name: str, n: int, run: Run) -> None:
    if not run.ok:
        tail = "\n".join(run.output.strip().splitlines()[-25:])
        print(f"[bench] {name} build at N={n} FAILED:\n{tail}", file=sys.stderr)


def _print_profile(profile: Path, out: Path) -> None:
    import io
    import pstats

    text = io.StringIO()
    stats = pstats.Stats(str(profile), stream=text)
    stats.sort_stats("cumulative").print_stats(45)
    stats.sort_stats("tottime").print_stats(30)
    out.write_text(text.getvalue(), encoding="utf-8")
    print(f"[bench] profile: {out}")


# --- the report -------------------------------------------------------------------


def _mb(value: int) -> str:
    return f"{value / MB:.1f} MB"


def _kb(value: int) -> str:
    return f"{value / 1024:.1f} KB"


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def _ratio(a: float, b: float) -> float:
    return a / b if b else float("nan")


def report(results: list[Result]) -> str:
    lines = ["Wall time is the median of the rounds (the machine is shared: single runs are noisy); "
             "every run is listed under 'all runs'."]
    for r in results:
        plain = r.builds["plain"]
        lines.append(f"== N = {r.n} ({r.documents} documents: {r.n} generated + the seed plan) ==")
        lines.append(f"{'':24}{'wall':>10}{'CPU':>10}{'peak mem':>12}{'× plain wall':>14}{'× plain CPU':>13}"
                     f"{'PDFs made':>11}   target (wall, at 1,000)")
        for kind in KINDS:
            b = r.builds[kind]
            ratio = _ratio(b.run.seconds, plain.run.seconds)
            target = ""
            if kind in RATIO_MAX:
                target = f"≤ {RATIO_MAX[kind]:.0f}×"
                if r.n == 1000:
                    target += f": {_verdict(b.run.ok and ratio <= RATIO_MAX[kind])}"
            if kind == "changed":
                target += f"; PDFs made = {PDFS_AFTER_CHANGE}: {_verdict(b.pdfs_made == PDFS_AFTER_CHANGE)}"
            made = "" if b.pdfs_made < 0 else str(b.pdfs_made)
            lines.append(f"{LABELS[kind] + ('' if b.run.ok else ' FAILED'):24}{b.run.seconds:>8.2f} s"
                         f"{b.run.cpu:>8.2f} s{_mb(b.run.peak_rss):>12}{ratio:>14.2f}"
                         f"{_ratio(b.run.cpu, plain.run.cpu):>13.2f}{made:>11}   {target}")
        p, m = r.project, r.plain
        programs = ", ".join(f"{name} {_mb(size)}" for name, size in sorted(p.run.by_program.items(), key=lambda i: -i[1])
                             if size > 20 * MB and name != "time")
        lines.append(f"{'no PDFs, by program':24}{programs}")
        lines.append(f"{'CPU per document':24}{p.run.cpu / r.documents * 1000:>11.1f} ms (no PDFs)"
                     f"{m.run.cpu / r.documents * 1000:>9.1f} ms (plain)")
        lines.append(f"{'site size':24}{_mb(p.site_bytes):>14}{_mb(m.site_bytes):>16}")
        lines.append(f"{'files in site':24}{p.files:>14}{m.files:>16}")
        lines.append(f"{'seed plan page HTML':24}{_kb(p.probe_html):>14}{_kb(m.probe_html):>16}")
        lines.append(f"{'document page median':24}{_kb(p.median_doc_html):>14}{_kb(m.median_doc_html):>16}")
        lines.append(f"{'document page max':24}{_kb(p.max_doc_html):>14}{_kb(m.max_doc_html):>16}")
        lines.append(f"{'largest HTML page':24}{_kb(p.largest_html):>14}{_kb(m.largest_html):>16}   {p.largest_page}")
        lines.append(f"{'Pagefind index':24}{_mb(p.pagefind_bytes) if p.pagefind_bytes else 'none':>14}")
        lines.append(f"{'build warnings':24}{p.run.warnings:>14}{m.run.warnings:>16}")
        if r.n >= 10000:
            peak = max(b.run.peak_rss for b in r.builds.values())
            lines.append(f"{'memory at 10,000':24}{_mb(peak):>14}   (largest of the four) target ≤ 2048 MB: "
                         f"{_verdict(all(b.run.ok for b in r.builds.values()) and peak <= MEMORY_MAX_10K)}")
        if r.check is None:
            lines.append(f"{'vanban check':24}{'not run':>14}")
        else:
            extra = (f"   target ≤ {CHECK_MAX_10K:.0f} s at 10,000: {_verdict(r.check.seconds <= CHECK_MAX_10K)}"
                     if r.n >= 10000 else "")
            lines.append(f"{'vanban check':24}{r.check.seconds:>12.2f} s   ({r.check.cpu:.2f} s CPU, largest process {_mb(r.check.peak_rss)}), "
                         f"exit {'0' if r.check.ok else 'non-zero'}{extra}")
            lines.append(f"{'  runs (s)':24}{_range(r.check.walls):>14}   again: {_range(r.check.warms)}; the median counts")
            lines.append(f"{'  again, files unchanged':24}{r.check.warm:>12.2f} s   (citations read from .cache/vanban)")
        for kind in KINDS:
            shown = ", ".join(f"{run['wall']:.1f}/{run['cpu']:.1f}" + (f"/{run['pdfs_made']} PDFs" if run["pdfs_made"] >= 0 else "")
                              for run in r.runs[kind])
            lines.append(f"{'all runs ' + kind:24}{shown}   (wall/CPU s)")
        lines.append(f"{'core alone (CPU s)':24}{json.dumps(r.core, ensure_ascii=False)}")
        lines.append("")
    lines.extend(_growth(results))
    return "\n".join(lines)


def _growth(results: list[Result]) -> list[str]:
    """10 × documents in ≤ 11 × time and memory; a document page's size the same at every N."""
    lines = []
    by_n = {r.n: r for r in results}
    for small, large in ((100, 1000), (1000, 10000)):
        if small in by_n and large in by_n:
            for kind in KINDS:
                a, b = by_n[small].builds[kind].run, by_n[large].builds[kind].run
                t, w, m = _ratio(b.cpu, a.cpu), _ratio(b.seconds, a.seconds), _ratio(b.peak_rss, a.peak_rss)
                lines.append(f"growth {small} → {large}, {LABELS[kind]}: CPU × {t:.2f} ({_verdict(t <= GROWTH_MAX)}), "
                             f"wall × {w:.2f} ({_verdict(w <= GROWTH_MAX)}), memory × {m:.2f} ({_verdict(m <= GROWTH_MAX)}); "
                             f"target ≤ {GROWTH_MAX:.0f}×")
    # Bounded lists ("Văn bản liên quan", ten rows) fill up as the corpus grows and
    # then stay; their titles differ in length. So "independent of N" is read as:
    # within PAGE_SPREAD of each other, and not growing from one N to the next.
    for label, pick in (("seed plan page", lambda b: b.probe_html), ("median document page", lambda b: b.median_doc_html),
                        ("largest document page", lambda b: b.max_doc_html)):
        sizes = {r.n: pick(r.project) for r in results if pick(r.project)}
        if len(sizes) > 1:
            spread = max(sizes.values()) / min(sizes.values()) - 1
            shown = ", ".join(f"{n}: {size:,} B" for n, size in sorted(sizes.items()))
            lines.append(f"{label} HTML by N: {shown}; spread {spread:.1%} — target: independent of N "
                         f"(≤ {PAGE_SPREAD:.0%}): {_verdict(spread <= PAGE_SPREAD)}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000])
    parser.add_argument("--repeat", type=int, default=1, help="rounds of the four builds per size; the median counts")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=3600.0, help="seconds per command")
    parser.add_argument("--profile", action="store_true", help="also profile the project build (cProfile)")
    parser.add_argument("--no-check", action="store_true", help="skip vanban check")
    parser.add_argument("--core", type=Path, help=argparse.SUPPRESS)  # internal: time the core on PLANS
    args = parser.parse_args(argv)
    if args.core:
        _core_main(args.core)
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    results = []
    for n in args.sizes:
        print(f"[bench] N = {n}…", file=sys.stderr, flush=True)
        results.append(run_size(n, args))
    text = report(results)
    print(text)
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    name = "-".join(map(str, args.sizes))
    (OUT / f"build-{name}-{stamp}.txt").write_text(text + "\n", encoding="utf-8")
    data = [_plain_data(r) for r in results]
    (OUT / f"build-{name}-{stamp}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0 if all(b.run.ok for r in results for b in r.builds.values()) else 1


def _plain_data(result: Result) -> dict:
    data = asdict(result)
    for build_data in data["builds"].values():
        build_data["run"].pop("output")
    if data["check"]:
        data["check"].pop("output")
    return data


if __name__ == "__main__":
    raise SystemExit(main())
