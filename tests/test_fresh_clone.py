"""The README's commands on a stock Debian: in a fresh clone, with Debian's own
/usr/bin/python3 first on PATH and no virtual environment active (pip may not
install into that Python: PEP 668), `bash scripts/build.sh` makes .venv/,
installs into it and builds the site; run again it installs nothing and says
so; `bash scripts/build.sh serve` serves the preview, without PDFs; and the dev
container's own step (its postCreateCommand in an active environment) is
followed by a working `vanban check plans`.

The clone is of the committed HEAD. The first install takes a minute or more:
it is done once, for the whole module."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, skip_unless_ci

# Slow (one install into a new environment) but never skipped in CI: deselect
# it on a workstation with `-m "not fresh_clone"`.
pytestmark = pytest.mark.fresh_clone

DEBIAN_PYTHON = Path("/usr/bin/python3")
# Debian's directories only: no pyenv, no /usr/local/bin (a python3 image puts its own Python there).
STOCK_PATH = os.pathsep.join(["/usr/bin", "/bin", "/usr/sbin", "/sbin"])
SEED = "van-ban/2023/114-kh-duk"


def stock_env(**extra: str) -> dict[str, str]:
    unset = {"VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "VANBAN_PDF", "VANBAN_TODAY", "SITE_URL",
             "NO_MKDOCS_2_WARNING"}
    env = {key: value for key, value in os.environ.items() if key not in unset}
    return {**env, "PATH": STOCK_PATH, **extra}


def run(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8",
                          timeout=900, stdin=subprocess.DEVNULL)


def output(done: subprocess.CompletedProcess) -> str:
    return done.stdout + done.stderr


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    # scripts/test.sh installs python3-venv, so CI always has what this needs.
    missing = [] if DEBIAN_PYTHON.exists() else [str(DEBIAN_PYTHON)]
    if not missing and subprocess.run([str(DEBIAN_PYTHON), "-c", "import ensurepip, venv"], capture_output=True).returncode:
        missing.append("python3-venv")
    if missing:
        skip_unless_ci(f"Debian's Python is not complete here: {missing}")
    target = tmp_path_factory.mktemp("clone") / "vanban"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(target)], check=True)
    return target


@pytest.fixture(scope="module")
def first_build(clone) -> subprocess.CompletedProcess:
    return run(["bash", "scripts/build.sh"], clone, stock_env())


@pytest.fixture(scope="module")
def second_build(clone, first_build) -> subprocess.CompletedProcess:
    return run(["bash", "scripts/build.sh"], clone, stock_env())


def test_the_first_run_makes_the_environment_installs_and_builds(clone, first_build):
    text = output(first_build)
    assert first_build.returncode == 0, text
    venv = clone / ".venv"
    assert f"Tạo môi trường ảo {venv} bằng /usr/bin/python3…" in text
    assert f"Cài gói Python theo requirements.txt vào {venv} (lần đầu mất vài phút)…" in text
    assert "Đã cài xong gói Python." in text
    assert "home = /usr/bin\n" in (venv / "pyvenv.cfg").read_text(encoding="utf-8")
    assert (venv / "bin" / "vanban").is_file() and (venv / "bin" / "mkdocs").is_file()


def test_the_first_run_builds_the_site_with_its_pdfs(clone, first_build):
    assert first_build.returncode == 0, output(first_build)
    assert (clone / "site" / "index.html").is_file()
    assert (clone / "site" / SEED / "index.html").is_file()
    assert (clone / "site" / SEED / "114-kh-duk.pdf").read_bytes().startswith(b"%PDF-")


def test_the_environment_stays_out_of_git(clone, first_build):
    status = subprocess.run(["git", "status", "--porcelain", "--ignored"], cwd=clone, capture_output=True,
                            text=True, check=True).stdout.splitlines()
    assert "!! .venv/" in status
    assert [line for line in status if not line.startswith("!! ")] == []


def test_the_second_run_installs_nothing_and_says_so(clone, second_build):
    text = output(second_build)
    assert second_build.returncode == 0, text
    assert f"Dùng môi trường ảo của dự án: {clone / '.venv'}" in text
    assert "Gói Python đã đủ theo requirements.txt (không cài lại)." in text
    assert "Tạo môi trường ảo" not in text and "Cài gói Python" not in text
    assert (clone / "site" / "index.html").is_file()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError):
        return None


def test_serve_previews_the_site_without_pdfs(clone, second_build, tmp_path):
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as sink:
        server = subprocess.Popen(["bash", "scripts/build.sh", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                  cwd=clone, env=stock_env(), stdout=sink, stderr=subprocess.STDOUT,
                                  stdin=subprocess.DEVNULL, start_new_session=True)
        try:
            page = None
            deadline = time.monotonic() + 300  # the preview builds the site before it listens
            while page is None and server.poll() is None and time.monotonic() < deadline:
                time.sleep(1)
                page = _get(f"http://127.0.0.1:{port}/{SEED}/")
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=60)
    text = log.read_text(encoding="utf-8")
    assert page is not None, text
    assert "Gói Python đã đủ theo requirements.txt (không cài lại)." in text
    assert "Xem trước không làm bản PDF (chậm); cần PDF thì chạy với VANBAN_PDF=true." in text
    assert "In văn bản" in page
    assert "Tải PDF" not in page and ".pdf" not in page


def test_the_dev_container_step_then_vanban_check(clone, second_build):
    config = (ROOT / ".devcontainer" / "devcontainer.json").read_text(encoding="utf-8")
    command = json.loads(re.search(r'"postCreateCommand":\s*("[^"]*")', config).group(1))
    venv = clone / ".venv"
    active = stock_env(VIRTUAL_ENV=str(venv), PATH=f"{venv / 'bin'}{os.pathsep}{STOCK_PATH}")
    created = run(["bash", "-c", command], clone, active)
    assert created.returncode == 0, output(created)
    checked = run(["vanban", "check", "plans"], clone, active)
    assert checked.returncode == 0, output(checked)
    assert checked.stdout.strip().splitlines()[-1] == "Đã kiểm tra 1 tệp: 0 lỗi, 0 cảnh báo."
