"""The dev container that VS Code and GitHub Codespaces open for editors on
Windows and macOS: valid JSON with comments, CI's image with Debian's Pango
and fonts, the pinned requirements installed after the project is mounted,
and the preview's port forwarded."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from conftest import ROOT
from vanban.site import pdf

FOLDER = ROOT / ".devcontainer"
# devcontainer.json properties this file may use (the Dev Container specification's names):
# a misspelt one is ignored by the tools without a word.
KNOWN = {"name", "build", "image", "postCreateCommand", "forwardPorts", "portsAttributes",
         "customizations", "containerEnv", "remoteEnv", "features", "remoteUser"}
# A JSONC comment outside a string: strings are matched first and kept.
JSONC = re.compile(r'("(?:\\.|[^"\\])*")|//[^\n]*|/\*.*?\*/', re.S)


def jsonc(text: str):
    return json.loads(JSONC.sub(lambda m: m.group(1) or "", text))


@pytest.fixture(scope="module")
def config() -> dict:
    return jsonc((FOLDER / "devcontainer.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def dockerfile() -> str:
    # One instruction a line: continuation lines joined.
    return (FOLDER / "Dockerfile").read_text(encoding="utf-8").replace("\\\n", " ")


def test_the_comment_reader_keeps_slashes_inside_strings():
    assert jsonc('{"a": "http://x/*y*/", // c\n /* d */ "b": 1}') == {"a": "http://x/*y*/", "b": 1}


def test_devcontainer_json_is_jsonc_with_only_known_properties(config):
    assert set(config) <= KNOWN
    assert config["name"] == "Văn bản"
    assert config["build"] == {"dockerfile": "Dockerfile"}
    assert (FOLDER / config["build"]["dockerfile"]).is_file()


def test_the_image_is_the_one_ci_builds_in(dockerfile):
    froms = re.findall(r"^FROM\s+(\S+)", dockerfile, re.M)
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert froms == ["python:3.11-bookworm"]
    assert workflow["jobs"]["build"]["container"] == gitlab["image"] == froms[0]


def test_the_image_installs_debians_pango_and_fonts_for_the_pdfs(dockerfile):
    installs = [line.split("apt-get install", 1)[1].split("&&")[0] for line in dockerfile.splitlines()
                if "apt-get install" in line]
    assert [[word for word in words.split() if not word.startswith("-")] for words in installs] == [
        list(pdf.SYSTEM_PACKAGES)]


def test_the_image_has_an_active_virtual_environment(dockerfile):
    assert "RUN python -m venv /opt/venv" in dockerfile
    env = dict(re.findall(r"(\w+)=(\S+)", dockerfile.split("\nENV ", 1)[1].split("\n\n")[0]))
    assert env == {"VIRTUAL_ENV": "/opt/venv", "PATH": "/opt/venv/bin:$PATH", "NO_MKDOCS_2_WARNING": "1"}


def test_after_creation_the_pinned_requirements_are_installed(config):
    assert config["postCreateCommand"] == "pip install -r requirements.txt"
    pins = [line for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    # Every package at one exact version, and vanban itself from the project.
    assert pins[-1] == "-e ."
    assert all(re.fullmatch(r"[a-z0-9-]+(\[\w+\])?==[\w.]+", line) for line in pins[:-1]), pins


def test_the_preview_port_is_forwarded(config):
    assert config["forwardPorts"] == [8000]
    assert config["portsAttributes"] == {"8000": {"label": "Xem trước trang", "onAutoForward": "openBrowser"}}
    # The port `mkdocs serve` uses: the address in mkdocs.yml (dev_addr unset: 127.0.0.1:8000).
    assert "dev_addr" not in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_vs_code_uses_the_environments_python(config):
    assert config["customizations"]["vscode"]["settings"]["python.defaultInterpreterPath"] == "/opt/venv/bin/python"
