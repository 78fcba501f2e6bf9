"""The pre-commit configurations run `vanban check` on changed files under plans/."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _hooks(path: Path) -> list[dict]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data if isinstance(data, list) else [h for repo in data["repos"] for h in repo["hooks"]]


def test_local_and_published_hooks_run_vanban_check_on_plans():
    for name in (".pre-commit-config.yaml", ".pre-commit-hooks.yaml"):
        (hook,) = _hooks(ROOT / name)
        assert hook["id"] == "vanban-check"
        assert hook["entry"] == "vanban check"
        assert hook["pass_filenames"] is True
        assert hook["verbose"] is True  # warnings shown on a commit that passes
        pattern = re.compile(hook["files"])
        assert pattern.search("plans/2023/114-kh-duk.md")
        assert not pattern.search("docs/huong-dan-bien-tap.md")


def test_local_hook_is_a_local_repo():
    data = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in data["repos"]] == ["local"]
