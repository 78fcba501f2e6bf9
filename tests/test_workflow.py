"""The CI files: actionlint passes on the GitHub workflow, and both CI files run
the README's test command, `vanban check`, a strict build and the gates (these
three from the project's .venv/ the first made), and publish only from main,
one deploy at a time."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
PIPELINE = ["bash scripts/test.sh", "vanban check plans", "mkdocs build --strict", "vanban gates"]


def actionlint(*files):
    return subprocess.run(["bash", str(ROOT / "scripts" / "actionlint.sh"), *map(str, files)],
                          capture_output=True, text=True, cwd=ROOT)


def test_actionlint_passes_on_the_workflows():
    done = actionlint()
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip().endswith("actionlint: không có lỗi.")


def test_actionlint_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - run: echo ${{ github.no_such_thing }}\n")
    done = actionlint(broken)
    assert done.returncode == 1
    assert f"{broken}:6:" in done.stdout
    assert done.stdout.strip().endswith("actionlint: 1 lỗi.")


def workflow() -> dict:
    # PyYAML reads the key `on` as True.
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def run_lines(job: dict) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step]


def test_the_workflow_checks_then_builds_then_gates_in_that_order():
    build = workflow()["jobs"]["build"]
    lines = run_lines(build)
    assert [next(i for i, line in enumerate(lines) if line.startswith(cmd)) for cmd in PIPELINE] == [0, 2, 3, 4]
    # The steps after the tests run the programs scripts/test.sh installed into .venv/.
    assert lines[1] == 'echo "$PWD/.venv/bin" >> "$GITHUB_PATH"'
    assert lines[4] == "vanban gates site"
    assert "bash scripts/test.sh" in (ROOT / ".ci" / "run").read_text()  # .ci/run runs the same command
    build_step = next(s for s in build["steps"] if s.get("run", "").startswith("mkdocs build"))
    assert "steps.pages.outputs.base_url" in build_step["env"]["SITE_URL"]


def test_every_action_is_pinned_to_a_full_commit():
    uses = re.findall(r"uses:\s*(\S+)", WORKFLOW.read_text(encoding="utf-8"))
    assert {u.split("@")[0] for u in uses} >= {"actions/configure-pages", "actions/upload-pages-artifact",
                                               "actions/deploy-pages"}
    assert [u for u in uses if not re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", u)] == []


def test_only_main_deploys_one_at_a_time_with_the_pages_permissions():
    flow = workflow()
    assert set(flow[True]) == {"pull_request", "push", "workflow_dispatch"}
    assert flow[True]["push"]["branches"] == ["main"]
    deploy = flow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert "refs/heads/main" in deploy["if"] and "pull_request" in deploy["if"]
    steps = {s.get("uses", "").split("@")[0]: s for s in flow["jobs"]["build"]["steps"]}
    assert steps["actions/upload-artifact"]["if"] == "github.event_name == 'pull_request'"
    assert steps["actions/upload-pages-artifact"]["with"] == {"path": "site/"}


def test_gitlab_runs_the_same_and_publishes_public():
    ci = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    script = ci[".kiem-tra"]["script"]
    order = [next(i for i, line in enumerate(script) if cmd in line) for cmd in PIPELINE]
    assert order == sorted(order) and order[0] == 0
    assert script[1] == 'export PATH="$PWD/.venv/bin:$PATH"'
    assert "CI_PAGES_URL" in script[order[2] - 1]
    assert "--site-dir public" in script[order[2]] and script[order[3]] == "vanban gates public"
    assert ci["pages"]["extends"] == ".kiem-tra"
    assert ci["pages"]["artifacts"]["paths"] == ["public"]
    assert ci["pages"]["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert ci["pages"]["resource_group"] == "pages"
