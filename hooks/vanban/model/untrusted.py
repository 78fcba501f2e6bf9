"""Reading an untrusted file: never through a link out of the project, never
more than its size limit (model/limits.py).

A link (symlink) is refused before anything is opened when it leads outside
the project folder, so a document linked to a file elsewhere on the machine
(a key, another project's secrets) is never read and nothing of it reaches a
message or the site. The size is taken from the file's entry before reading,
and the read itself stops one byte past the limit, so a file that grows, or a
device under a file's name, costs no more than the limit.
"""

from __future__ import annotations

import os
from pathlib import Path

from vanban.model import limits
from vanban.model.problems import Problem

FIELD = "tệp"
SEED = "plans/2023/114-kh-duk.md"


def inside(target: str, home: str) -> bool:
    """`target` (a real path) lies in the folder `home` (a real path)."""
    return target == home or target.startswith(os.path.join(home, ""))


def link_problem(path: Path, name: str, home: str) -> Problem | None:
    """A Problem when `path` is a link leading out of `home` (the project's real
    path) or a linked folder listed instead of walked (it leads back into a
    folder being read); None for anything else, links inside included."""
    if not os.path.islink(path):
        return None
    target = os.path.realpath(path)
    if not inside(target, home):
        return outside(name, target)
    if os.path.isdir(target):
        return Problem(name, 1, FIELD, f"“{name}” là liên kết tới thư mục {target} chứa chính nó (vòng lặp); không đọc.",
                       "thư mục văn bản thật, hoặc liên kết tới một thư mục khác trong kho",
                       "plans/2023/")
    return None


def outside(name: str, target: str) -> Problem:
    return Problem(name, 1, FIELD, f"“{name}” là liên kết (symlink) dẫn ra ngoài kho, tới {target}; không đọc.",
                   "tệp văn bản thật nằm trong kho, không phải liên kết tới nơi khác trên máy",
                   f"chép nội dung văn bản vào một tệp như {SEED}")


def read(path: Path, limit: int, name: str, expected: str, example: str) -> bytes | Problem:
    """The file's bytes, or a Problem naming its size and the limit."""
    try:
        size = os.stat(path).st_size
    except OSError as err:
        return _unreadable(path, name, err)
    if size <= limit:
        try:
            with open(path, "rb") as handle:
                data = handle.read(limit + 1)
        except OSError as err:
            return _unreadable(path, name, err)
        if len(data) <= limit:
            return data
        size = max(size, len(data))
    return too_large(name, "Tệp", size, limit, expected, example)


def too_large(name: str, what: str, size: int, limit: int, expected: str, example: str, line: int = 1,
              field: str = FIELD) -> Problem:
    """The one wording of a size refusal: what, its size, the limit; nothing of it was read."""
    return Problem(name, line, field, f"{what} quá lớn: {limits.size(size)}, giới hạn là {limits.size(limit)}; "
                   "không đọc.", expected, example)


def _unreadable(path: Path, name: str, err: OSError) -> Problem:
    return Problem(name, 1, FIELD, f"Không đọc được tệp ({err.strerror or err}).",
                   "tệp văn bản đọc được", SEED)
