"""How long reading every document's history from git takes (graph/history.py).

Makes a git repository with N generated documents (bench/make_corpus.py)
committed in batches, then changes a tenth of them in a few more commits, and
times `history.read` twice: cold (every change compared and cached under
.cache/vanban/history) and warm (the cache read back: one `git log`, no
versions). Prints the figures; asserts nothing.

    python bench/history_bench.py [N]        # default 2000
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from make_corpus import generate  # noqa: E402

from vanban.graph import history  # noqa: E402

ENV = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.org",
       "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.org", "GIT_CONFIG_GLOBAL": os.devnull}


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, env=ENV, check=True, capture_output=True)


def main(argv: list[str]) -> int:
    count = int(argv[1]) if len(argv) > 1 else 2000
    with tempfile.TemporaryDirectory(prefix="vanban-history-") as scratch:
        root = Path(scratch)
        plans = root / "plans"
        git(root, "init", "-q", "-b", "main")
        started = time.monotonic()
        files = generate(count, plans)
        for start in range(0, len(files), 500):  # published in batches, as a site grows
            git(root, "add", *[str(p.relative_to(root)) for p in files[start:start + 500]])
            git(root, "commit", "-qm", f"Đăng {min(500, len(files) - start)} văn bản")
        changed = files[::10]
        for round_ in range(3):  # corrections to a tenth of the documents
            for path in changed:
                text = path.read_text(encoding="utf-8")
                path.write_text(text.replace("năm", "năm", 1) + f"\nĐính chính lần {round_ + 1}.\n", encoding="utf-8")
            git(root, "commit", "-qam", f"Đính chính lần {round_ + 1}")
        print(f"{count} văn bản, {len(changed)} văn bản sửa 3 lần: dựng kho git {time.monotonic() - started:.1f} s")
        paths = {str(p.relative_to(root)): p for p in files}
        cache = root / history.FOLDER
        for label in ("lần đầu (không có bộ nhớ đệm)", "lần sau (đọc bộ nhớ đệm)"):
            started = time.monotonic()
            found = history.read(plans, paths, cache)
            seconds = time.monotonic() - started
            shown = sum(len(h.changes) for h in found.by_path.values())
            print(f"  {label}: {seconds:.2f} s, {len(found.by_path)} văn bản có lịch sử, {shown} lần sửa")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
