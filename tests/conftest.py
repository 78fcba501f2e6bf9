"""Shared fixtures: a built copy of the real site, a way to build a site from
other documents, a local HTTP server and Debian's Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from plan_factory import plan

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def skip_unless_ci(reason: str) -> None:
    """Skip on a developer's machine that lacks a tool; fail in CI, where
    scripts/test.sh installs it, so a broken install is never a green run."""
    if os.environ.get("CI"):
        pytest.fail(f"CI: {reason}")
    pytest.skip(reason)


@dataclass
class BuildResult:
    project: Path
    site: Path
    returncode: int
    output: str

    def html(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")


def build_project(tmp: Path, plans: dict[str, str | bytes] | None = None, *, strict: bool = True,
                  env: dict | None = None, extra_files: dict[str, str] | None = None) -> BuildResult:
    """Build the site in a temporary copy of the project.

    `plans` maps paths under plans/ to file contents; None copies the real plans/.
    """
    project = tmp / "project"
    project.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, project / name)
    for name in ("docs", "hooks", "data"):
        if (ROOT / name).exists() and not (project / name).exists():
            if any(rel.startswith(name + "/") for rel in extra_files or {}):
                # A test's own file there must not be written through a link into the repository.
                shutil.copytree(ROOT / name, project / name)
            else:
                (project / name).symlink_to(ROOT / name)
    target = project / "plans"
    if plans is None:
        shutil.copytree(ROOT / "plans", target, dirs_exist_ok=True)
    else:
        target.mkdir(exist_ok=True)
        for rel, content in plans.items():
            path = target / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
    for rel, content in (extra_files or {}).items():
        (project / rel).parent.mkdir(parents=True, exist_ok=True)
        (project / rel).write_text(content, encoding="utf-8")
    site = project / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    if strict:
        command.append("--strict")
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "VANBAN_PDF": "false", **(env or {})}
    done = subprocess.run(command, cwd=project, capture_output=True, text=True, env=full_env)
    return BuildResult(project, site, done.returncode, done.stdout + done.stderr)


# Three plans (a Party one, a State one, a third), built once without PDFs:
# the PDF tests print their pages themselves.
THREE_PLANS = {
    "2023/dang.md": plan("Thực hiện công tác dân vận.\n\n**1.** Nội dung thứ nhất."),
    "2023/nha-nuoc.md": plan(so_hieu="12/KH-UBND", co_quan_ban_hanh="Ủy ban nhân dân tỉnh Bến Tre"),
    "2023/ba.md": plan(so_hieu="116-KH/ĐUK", trich_yeu="Kế hoạch thứ ba"),
}


@pytest.fixture(scope="session")
def three_plans(tmp_path_factory) -> BuildResult:
    result = build_project(tmp_path_factory.mktemp("three-plans"), THREE_PLANS)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> BuildResult:
    """The real project, built once for the whole session (PDFs included)."""
    result = build_project(tmp_path_factory.mktemp("real"), env={"VANBAN_PDF": "true"})
    assert result.returncode == 0, result.output
    return result


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


def serve(directory: Path):
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="session")
def site_url(real_site):
    server, url = serve(real_site.site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    yield page
    context.close()
