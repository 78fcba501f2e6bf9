"""PDFs are optional: where Pango is missing the build says so once, in
Vietnamese with how to install it, and builds everything else; a preview
(`mkdocs serve`) makes no PDFs unless VANBAN_PDF asks for them."""

from __future__ import annotations

import importlib.util
import logging
import os
import sys
from types import SimpleNamespace

import pytest

from conftest import ROOT, build_project
from plan_factory import plan
from vanban.site import pdf

# What WeasyPrint raises as it is imported on a machine without Pango (cffi's dlopen).
NO_PANGO = "cannot load library 'libgobject-2.0-0': libgobject-2.0-0: cannot open shared object file: No such file or directory"


class _NoPango:
    """An import hook that fails `import weasyprint` the way a missing Pango does."""

    def find_spec(self, name, path=None, target=None):
        if name == "weasyprint" or name.startswith("weasyprint."):
            raise OSError(NO_PANGO)
        return None


def test_pango_found_here():
    assert pdf.pango_missing() is None


def test_pango_missing_is_the_import_error(monkeypatch):
    for name in [m for m in sys.modules if m == "weasyprint" or m.startswith("weasyprint.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setattr(sys, "meta_path", [_NoPango(), *sys.meta_path])
    assert pdf.pango_missing() == NO_PANGO


def test_the_message_says_how_to_install_pango_everywhere():
    message = pdf.PANGO_MISSING.format(error=NO_PANGO)
    lines = message.splitlines()
    assert lines[0] == f"Không làm bản PDF: máy này thiếu thư viện Pango mà WeasyPrint cần để in ({NO_PANGO})."
    assert lines[2] == "  - Debian, Ubuntu: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-core"
    assert lines[3].startswith("  - macOS: brew install pango ")
    assert "pacman -S mingw-w64-ucrt-x86_64-pango" in lines[4]
    assert r"WEASYPRINT_DLL_DIRECTORIES=C:\msys64\ucrt64\bin" in lines[4]
    assert lines[-1] == "  Không cần PDF thì đặt VANBAN_PDF=false."


@pytest.fixture(scope="module")
def no_pango_site(tmp_path_factory):
    """The build where `import weasyprint` fails as it does without Pango: a
    package of that name first on the path raises the same OSError."""
    tmp = tmp_path_factory.mktemp("no-pango")
    fake = tmp / "fake" / "weasyprint"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text(f"raise OSError({NO_PANGO!r})\n", encoding="utf-8")
    path = [str(fake.parent), *filter(None, [os.environ.get("PYTHONPATH")])]
    plans = {"2023/mot.md": plan(), "2023/hai.md": plan(so_hieu="116-KH/ĐUK")}
    result = build_project(tmp, plans, env={"VANBAN_PDF": "true", "PYTHONPATH": os.pathsep.join(path)})
    assert result.returncode == 0, result.output
    return result


def test_without_pango_the_strict_build_says_so_once_and_builds_the_rest(no_pango_site):
    assert no_pango_site.output.count("Không làm bản PDF") == 1
    assert f"thiếu thư viện Pango mà WeasyPrint cần để in ({NO_PANGO})." in no_pango_site.output
    assert "sudo apt-get install libpango-1.0-0" in no_pango_site.output
    for page in ("index.html", "van-ban/2023/115-kh-duk/index.html", "van-ban/2023/116-kh-duk/index.html"):
        assert (no_pango_site.site / page).is_file(), page
    assert list(no_pango_site.site.rglob("*.pdf")) == []


def test_without_pango_no_page_links_a_pdf_but_printing_stays(no_pango_site):
    page = no_pango_site.html("van-ban/2023/115-kh-duk/index.html")
    assert "vb-tai-pdf" not in page and "Tải PDF" not in page
    assert str(pdf.PRINT_BUTTON) in page


# The MkDocs adapter, loaded as MkDocs loads it: by path, its own module.
def _adapter():
    spec = importlib.util.spec_from_file_location("site_hooks_for_test", ROOT / "hooks" / "site_hooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pdf_option(adapter, setting) -> bool:
    config = SimpleNamespace(config_file_path=str(ROOT / "mkdocs.yml"), site_url="",
                             extra={"to_chuc": {}, "van_ban": {"pdf": setting}})
    adapter.on_config(config)
    return adapter._state["options"].pdf


@pytest.mark.parametrize(("command", "variable", "setting", "expected"), [
    ("serve", None, True, False),  # mkdocs.yml's default (VANBAN_PDF unset): a preview has none
    ("serve", "true", "true", True),  # asked for by name
    ("serve", "false", "false", False),
    ("serve", "true", False, False),  # mkdocs.yml turned them off for good
    ("build", None, True, True),
    ("build", "false", "false", False),
    ("gh-deploy", None, True, True),
])
def test_a_preview_makes_pdfs_only_when_asked(monkeypatch, command, variable, setting, expected):
    if variable is None:
        monkeypatch.delenv("VANBAN_PDF", raising=False)
    else:
        monkeypatch.setenv("VANBAN_PDF", variable)
    adapter = _adapter()
    adapter.on_startup(command=command, dirty=False)
    assert _pdf_option(adapter, setting) is expected
    assert _pdf_option(adapter, setting) is expected  # every rebuild of the same preview


def test_a_preview_says_once_that_it_makes_no_pdfs(monkeypatch, caplog):
    monkeypatch.delenv("VANBAN_PDF", raising=False)
    adapter = _adapter()
    with caplog.at_level(logging.INFO, logger="mkdocs.vanban"):
        adapter.on_startup(command="serve", dirty=False)
        _pdf_option(adapter, True)
        _pdf_option(adapter, True)
    assert [r.getMessage() for r in caplog.records] == [
        "Xem trước không làm bản PDF (chậm); cần PDF thì chạy với VANBAN_PDF=true."]


def test_mkdocs_yml_reads_the_pdf_setting_from_vanban_pdf():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "pdf: !ENV [VANBAN_PDF, true]" in text


def test_every_place_that_installs_pango_installs_the_same_packages():
    packages = " ".join(pdf.SYSTEM_PACKAGES)
    for script in ("scripts/build.sh", ".devcontainer/Dockerfile"):
        text = " ".join((ROOT / script).read_text(encoding="utf-8").replace("\\\n", " ").split())
        assert packages in text, script
    words = (ROOT / "scripts" / "test.sh").read_text(encoding="utf-8").replace("(", " ").replace(")", " ").split()
    assert set(pdf.SYSTEM_PACKAGES) <= set(words)
