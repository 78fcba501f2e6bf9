"""scripts/same_site.py refuses what it cannot build before it makes a worktree
(git's own usage or a traceback would show in stderr otherwise)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT

USAGE = "Cách dùng: python scripts/same_site.py [REV]   (REV mặc định là HEAD)\n"


def same_site(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "same_site.py"), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


def test_help_prints_the_usage():
    done = same_site("--help")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith("Builds the seed site at a git revision and from the working tree")
    assert "    python scripts/same_site.py [REV]      # REV defaults to HEAD\n" in done.stdout


@pytest.mark.parametrize(("args", "problem"), [
    (["khong-co-phien-ban-nay"], "Không có phiên bản “khong-co-phien-ban-nay” trong kho."),
    (["--nhanh"], "Không hiểu tùy chọn “--nhanh”."),
    (["HEAD", "HEAD~1"], "Chỉ nhận một phiên bản."),
])
def test_what_cannot_be_built_is_refused_before_a_worktree_is_made(args, problem):
    done = same_site(*args)
    assert (done.returncode, done.stdout, done.stderr) == (1, "", problem + "\n" + USAGE)
