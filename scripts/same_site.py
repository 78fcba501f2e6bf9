"""Builds the seed site at a git revision and from the working tree, and
compares every file byte for byte: a refactoring must not change the site.

    python scripts/same_site.py [REV]      # REV defaults to HEAD

PDFs are off and the build's day is fixed, so only the code can differ.
Exit status 0 when the two sites are identical, 1 with the differing files.
"""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = {"VANBAN_PDF": "false", "VANBAN_TODAY": "2023-04-15", "NO_MKDOCS_2_WARNING": "1",
       "SITE_URL": "http://127.0.0.1:8000/"}


def build(tree: Path, out: Path) -> None:
    env = {**os.environ, **ENV, "PYTHONPATH": str(tree / "hooks")}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
                   cwd=tree, env=env, check=True)


def differing(left: Path, right: Path) -> list[str]:
    found = []
    names = {p.relative_to(left) for p in left.rglob("*") if p.is_file()}
    names |= {p.relative_to(right) for p in right.rglob("*") if p.is_file()}
    for name in sorted(names):
        a, b = left / name, right / name
        if not (a.is_file() and b.is_file() and filecmp.cmp(a, b, shallow=False)):
            found.append(str(name))
    return found


USAGE = "Cách dùng: python scripts/same_site.py [REV]   (REV mặc định là HEAD)"


def refused(rev: str) -> str | None:
    """Why REV cannot be built, checked before a worktree is made: "--help"
    or a mistyped revision would otherwise reach `git worktree add` and end
    in git's own usage and a traceback."""
    if rev.startswith("-"):
        return f"Không hiểu tùy chọn “{rev}”."
    known = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], cwd=ROOT,
                           capture_output=True)
    return None if known.returncode == 0 else f"Không có phiên bản “{rev}” trong kho."


def main(rev: str = "HEAD") -> int:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        old = tmp / "old"
        subprocess.run(["git", "worktree", "add", "--detach", "--quiet", str(old), rev], cwd=ROOT, check=True)
        # The browser editor's files are copied from node_modules, which git
        # does not hold: both builds take them from the same install.
        if (ROOT / "node_modules").is_dir():
            (old / "node_modules").symlink_to(ROOT / "node_modules")
        try:
            build(old, tmp / "site-old")
            build(ROOT, tmp / "site-new")
            found = differing(tmp / "site-old", tmp / "site-new")
            count = sum(1 for p in (tmp / "site-new").rglob("*") if p.is_file())
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(old)], cwd=ROOT, check=True)
    for name in found:
        print(f"khác: {name}")
    print(f"{len(found)} tệp khác nhau so với {rev} (trong {count} tệp).")
    return 1 if found else 0


if __name__ == "__main__":
    args = sys.argv[1:]
    if args in (["-h"], ["--help"]):
        print(__doc__.strip())
        sys.exit(0)
    problem = "Chỉ nhận một phiên bản." if len(args) > 1 else refused(args[0]) if args else None
    if problem:
        sys.exit(f"{problem}\n{USAGE}")
    sys.exit(main(*args))
