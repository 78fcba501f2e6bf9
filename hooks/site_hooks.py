"""MkDocs adapter: turns MkDocs events into calls of the vanban core.

MkDocs imports this file by path and keeps it between builds of `mkdocs serve`,
so all build state lives in _state and is started afresh in on_config; _run
holds what is known once per MkDocs command (which command it is).
"""

from __future__ import annotations

import ctypes
import gc
import logging
import os
import re
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File

from vanban.model.problems import DocumentErrors
from vanban.site import admin
from vanban.site import build as core

log = logging.getLogger("mkdocs.vanban")
_state: dict = {}
_run: dict = {}
# The variable mkdocs.yml reads `extra.van_ban.pdf` from.
PDF_VARIABLE = "VANBAN_PDF"


def on_startup(command, dirty):
    _run["command"] = command
    if _previewing_without_pdfs():
        log.info("Xem trước không làm bản PDF (chậm); cần PDF thì chạy với %s=true.", PDF_VARIABLE)


def _previewing_without_pdfs() -> bool:
    # A preview rebuilds on every save: PDFs only when the editor asked for them by name.
    return _run.get("command") == "serve" and PDF_VARIABLE not in os.environ

# MkDocs' own lines of every build and preview, said in Vietnamese like the
# rest of the output. Its rarer messages (a theme's template missing…) are
# for developers and stay as they are.
_MKDOCS_WORDS = (
    (re.compile(r"^Cleaning site directory$"), "Xóa trang đã dựng lần trước"),
    (re.compile(r"^Building documentation to directory: (.*)$"), r"Dựng trang vào thư mục \1"),
    (re.compile(r"^Documentation built in ([\d.]+) seconds$"), r"Đã dựng xong trong \1 giây"),
    (re.compile(r"^Building documentation\.\.\.$"), "Đang dựng trang…"),
    (re.compile(r"^Serving on (\S+)( and opening it in a browser)?$"), r"Xem trang tại \1"),
    (re.compile(r"^Watching paths for changes: (.*)$"), r"Theo dõi thay đổi trong: \1"),
    (re.compile(r"^Detected file changes$"), "Có tệp vừa sửa"),
    (re.compile(r"^Reloading browsers$"), "Tải lại trang trong trình duyệt"),
)


# `mkdocs serve` puts the time before its own lines: "[10:42:07] Serving on …".
_TIME = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?")


class _Vietnamese(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        time = _TIME.match(message).group()
        for pattern, words in _MKDOCS_WORDS:
            if pattern.match(message[len(time):]):
                record.msg, record.args = time + pattern.sub(words, message[len(time):]), ()
                break
        return True


def _speak_vietnamese() -> None:
    """On the handlers MkDocs put on its logger: a filter on the logger itself
    would miss the records of its children (mkdocs.commands.build…)."""
    for handler in logging.getLogger("mkdocs").handlers:
        if not any(isinstance(f, _Vietnamese) for f in handler.filters):
            handler.addFilter(_Vietnamese())


_speak_vietnamese()


def on_config(config):
    _speak_vietnamese()  # `mkdocs serve` may have set its handlers up since this file was loaded
    _stop_all()  # `mkdocs serve`: an earlier build that stopped half-way
    _state.clear()
    root = Path(config.config_file_path).parent
    settings = config.extra.get("van_ban", {})
    _state["root"] = root
    _state["plans"] = root / settings.get("thu_muc", "plans")
    _state["options"] = core.Options(
        site_url=config.site_url or "",
        identity=dict(config.extra.get("to_chuc", {})),
        pdf=_flag(settings.get("pdf", False)) and not _previewing_without_pdfs(),
        registry=root / "data" / "registry.yml",
    )
    return config


def on_pre_build(config):
    # Forked now, before the corpus is read, while this process is small: the
    # search index's and the PDFs' workers share none of the memory the build fills later.
    _state["feed"] = core.feed_ahead(Path(config.site_dir), _state["options"], _state["root"])


def on_files(files, config):
    try:
        site = core.build(_state["plans"], _state["options"], base=_state["root"], ahead=_state["feed"])
    except DocumentErrors as err:
        for problem in err.problems:
            log.error(problem.format())
        raise Abort(f"Có {len(err.problems)} lỗi trong văn bản; không xuất bản. Sửa các lỗi trên rồi chạy lại.") from None
    for problem in site.problems:
        log.warning(problem.format())
    for line in site.log:
        log.info(line)
    # MkDocs holds the generated files from now on; the core keeps their names.
    for src_uri, content in site.hand_off():
        files.append(File.generated(config, src_uri, content=content))
    _state["site"] = site
    _state["files"] = files
    core.start_writing(site, _state.pop("feed"))
    return files


def on_page_content(html, page, config, files):
    # MkDocs keeps every page's Markdown and HTML until the build ends; the
    # Markdown is not read again once converted, so release it (at 10,000
    # documents it is hundreds of MB). The title comes from meta or the HTML.
    page.markdown = ""
    # MkDocs converts every page before it writes any: the search index gets
    # the content now, while the other pages convert, and indexes it on the other core.
    core.page_rendered(_state["site"], page.file.src_uri, html)
    if page.file.generated_by is not None:
        page.file.content_string = ""
    return html


def on_post_page(output, page, config):
    # MkDocs writes each page once this returns: the page before it is written,
    # and the PDFs' worker reads it from the site folder while MkDocs goes on.
    core.page_written(_state["site"], page.file.src_uri)
    return output


def on_build_error(error):
    _stop_all()


def _stop_all() -> None:
    """What runs beside MkDocs ends: the search index's and the PDFs' workers, started or not yet fed."""
    feed = _state.pop("feed", None)
    if feed is not None:
        feed.close()
    core.stopped(_state.get("site"))


def on_post_build(config):
    # Every page is written: the post-build steps read the HTML files, not the
    # pages MkDocs holds. Giving that memory back before the search index runs
    # keeps the build's peak to the larger of the two, not their sum.
    for file in _state["files"].documentation_pages():
        if file.page is not None:
            file.page.content = None
    _state.pop("files")
    _release_memory()
    missing = admin.write(_state["root"], Path(config.site_dir), config.extra.get("bien_tap"),
                          config.site_url or "", config.site_name)
    if missing:
        log.info(missing)
    site = _state["site"]
    logged = len(site.log)
    core.post_build(site, Path(config.site_dir))
    for line in site.log[logged:]:  # what the PDFs and the search index took
        log.info(line)


def _release_memory() -> None:
    gc.collect()
    try:  # glibc keeps freed memory for reuse unless asked to return it
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass  # another C library: the memory is reused, just not returned


def on_serve(server, config, builder):
    server.watch(str(_state["plans"]))
    return server


def _flag(value) -> bool:
    return str(value).strip().lower() in ("1", "true", "yes", "on")
