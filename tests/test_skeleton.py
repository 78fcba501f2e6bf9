"""The project's frame: the editor guide documents every field, the hook
watches plans/, the core does not import MkDocs."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import yaml

from vanban.model import schema

ROOT = Path(__file__).resolve().parent.parent


def test_editor_guide_documents_every_field_with_an_example():
    """One value: in the table. A list or the tasks: the lines to type, in a
    YAML block of the guide (never a one-line [a, b], which splits items)."""
    guide = (ROOT / "docs/huong-dan-bien-tap.md").read_text(encoding="utf-8")
    for field in schema.FIELDS:
        assert f"| `{field.key}` | {field.label} |" in guide, field.key
        if isinstance(field.example, str):  # as typed: quoted when it has a colon
            assert f"`{schema.typed(field.example)}`" in guide, field.key
        else:
            assert f"\n{field.yaml}\n" in guide, field.key


def test_core_never_imports_mkdocs():
    code = "import sys, vanban.site, vanban.cli; print(any(m.startswith('mkdocs') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_identity_is_set_once_under_extra():
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    identity = config["extra"]["to_chuc"]
    assert identity["ten"] == config["site_name"]
    assert identity["url"] == config["site_url"]
    assert config["theme"]["language"] == "vi"


def test_serve_watches_plans_folder():
    spec = importlib.util.spec_from_file_location("site_hooks_under_test", ROOT / "hooks/site_hooks.py")
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)

    class Config(dict):
        config_file_path = str(ROOT / "mkdocs.yml")
        site_url = ""
        extra = {"van_ban": {"thu_muc": "plans"}, "to_chuc": {}}

    class Server:
        watched: list = []

        def watch(self, path):
            self.watched.append(path)

    hooks.on_config(Config())
    server = Server()
    hooks.on_serve(server, Config(), None)
    assert server.watched == [str(ROOT / "plans")]


def test_console_command_is_installed():
    out = subprocess.run(["vanban", "--help"], capture_output=True, text=True)
    assert out.returncode == 0
    assert "vanban" in out.stdout
