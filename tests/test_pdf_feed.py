"""PDFs made while MkDocs writes the pages (pdf.PdfFeed): each page goes to
the worker once written, and the worker makes the same PDFs and cache entries
as print_all; what the worker did not do (it died, or printed another site's
folder), the build does, and a missing Pango is told by the worker."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from vanban import forked
from vanban.graph import corpus
from vanban.site import pdf
from vanban.site.pages import PageParts
from vanban.site.state import Options, Site

SITE_URL = "http://127.0.0.1:8000/"


class Copy:
    def __init__(self, three_plans, folder):
        self.project = folder
        self.site = folder / "site"
        shutil.copytree(three_plans.site, self.site)
        self.corpus = corpus.load(three_plans.project / "plans", three_plans.project)
        self.docs = self.corpus.published
        self.store_dir = pdf.cache_folder(folder)

    def feed(self, site_dir=None):
        feed = pdf.PdfFeed(site_dir or self.site, SITE_URL, self.store_dir)
        feed.plan(self.docs)
        return feed

    def target(self, doc):
        return pdf.page_html(self.site, doc).with_name(pdf.pdf_name(doc))

    def pdfs(self):
        return {d.src_uri: self.target(d).read_bytes() for d in self.docs}

    def entries(self):
        return sorted(p.name for p in self.store_dir.iterdir())

    def site_with(self, feed):
        return Site(self.corpus, Options(site_url=SITE_URL, pdf=True), project=self.project, pdf_feed=feed,
                    parts={d.src_uri: PageParts() for d in self.docs})


@pytest.fixture
def site(three_plans, tmp_path):
    return Copy(three_plans, tmp_path / "a")


@pytest.fixture
def serial(three_plans, tmp_path, monkeypatch):
    """The same site's PDFs made by print_all, one at a time."""
    other = Copy(three_plans, tmp_path / "b")
    with monkeypatch.context() as one_core:
        one_core.setattr(forked, "workers", lambda: 1)
        made = pdf.print_all(other.docs, [pdf.page_html(other.site, d) for d in other.docs], other.site, SITE_URL,
                             store=pdf.PdfCache(other.store_dir))
    assert made == (3, 0)
    return other


def _wait_for(path):
    deadline = time.monotonic() + 120
    while not path.exists():
        assert time.monotonic() < deadline, f"{path} chưa có"
        time.sleep(0.05)


def test_a_page_goes_to_the_worker_once_the_next_is_written(site):
    feed = site.feed()
    try:
        feed.written(site.docs[0].src_uri)
        assert feed.sent == 0  # MkDocs is writing it now
        feed.written("index.md")  # not a document: nothing to print, but the one before is written
        assert feed.sent == 1
        feed.written(site.docs[1].src_uri)
        assert feed.sent == 1
        ended, (done, _, made, _) = feed.finish()
        assert feed.sent == 2
        assert (ended, done, made) == (True, [site.docs[0].src_uri, site.docs[1].src_uri], 2)
    finally:
        feed.close()


def test_the_worker_prints_while_pages_come_and_the_rest_at_the_end(site, serial):
    feed = site.feed()
    try:
        for n, doc in enumerate(site.docs):
            feed.written(doc.src_uri)
            if n:  # the page before is with the worker, and nothing else waits: it prints it at once
                _wait_for(site.target(site.docs[n - 1]))
        ended, (done, during, made, keys) = feed.finish()
    finally:
        feed.close()
    assert (ended, sorted(done), during, made) == (True, sorted(d.src_uri for d in site.docs), 2, 3)
    assert site.pdfs() == serial.pdfs()
    assert site.entries() == serial.entries()
    assert keys == sorted(name.partition("-")[0] for name in site.entries())


def test_the_worker_reads_back_what_is_cached(site):
    feed = site.feed()
    for doc in site.docs:
        feed.written(doc.src_uri)
    assert feed.finish()[1][2] == 3
    feed.close()
    first = site.pdfs()
    for doc in site.docs:
        site.target(doc).unlink()
    again = site.feed()
    for doc in site.docs:
        again.written(doc.src_uri)
    ended, (done, during, made, keys) = again.finish()
    again.close()
    assert (ended, len(done), during, made, len(keys)) == (True, 3, 0, 0, 3)
    assert site.pdfs() == first


def test_the_build_takes_what_the_worker_did(site, serial):
    feed = site.feed()
    os.kill(feed.process.pid, signal.SIGSTOP)  # it finds every page waiting, so prints them all at the end
    try:
        for doc in site.docs:
            feed.written(doc.src_uri)
    finally:
        os.kill(feed.process.pid, signal.SIGCONT)
    built = site.site_with(feed)
    pdf.write_pdfs(built, site.site)
    assert built.log[-1].startswith("PDF: 3 bản mới in, 0 bản lấy lại từ bộ nhớ đệm, ")
    assert built.log[-1].endswith(" giây sau khi dựng xong trang.")
    assert feed.process is None and not feed.scratch.exists()
    assert site.pdfs() == serial.pdfs()
    assert site.entries() == serial.entries()
    again = site.feed()
    for doc in site.docs:
        again.written(doc.src_uri)
    built = site.site_with(again)
    pdf.write_pdfs(built, site.site)
    assert len(built.log) == 1 and built.log[0].startswith("PDF: 0 bản mới in, 3 bản lấy lại từ bộ nhớ đệm, ")


def test_a_pdf_printed_before_the_step_is_counted(site):
    feed = site.feed()
    feed.written(site.docs[0].src_uri)
    feed.written(site.docs[1].src_uri)
    _wait_for(site.target(site.docs[0]))  # nothing else waited: printed at once
    built = site.site_with(feed)
    pdf.write_pdfs(built, site.site)
    assert built.log[-1].startswith("PDF: 3 bản mới in (1 bản in sẵn trước bước PDF), 0 bản lấy lại từ bộ nhớ đệm, ")


@pytest.mark.parametrize("fault", ["dead", "other site"])
def test_what_the_worker_did_not_do_the_build_does(site, serial, fault, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(site.site, elsewhere)
    feed = site.feed(elsewhere if fault == "other site" else None)
    if fault == "dead":
        feed.process.kill()
        feed.process.join()
    for doc in site.docs:
        feed.written(doc.src_uri)
    built = site.site_with(feed)
    pdf.write_pdfs(built, site.site)
    said = ["PDF: tiến trình in trong lúc dựng trang dừng giữa chừng; mọi bản PDF được làm lại ở bước này."]
    assert built.log[:-1] == (said if fault == "dead" else [])
    assert built.log[-1].startswith("PDF: 3 bản mới in, 0 bản lấy lại từ bộ nhớ đệm, ")
    assert feed.process is None and not feed.scratch.exists()
    assert site.pdfs() == serial.pdfs()
    assert site.entries() == serial.entries()


def test_a_worker_that_does_not_answer_is_not_waited_for(site, monkeypatch):
    feed = site.feed()
    os.kill(feed.process.pid, signal.SIGSTOP)  # before it could say anything (its import takes a while)
    monkeypatch.setattr(feed, "heard", lambda wait=60.0: None)  # as after the wait, without waiting
    built = site.site_with(feed)
    pdf.add_actions(built)
    assert built.options.pdf is True and built.pdf_feed is None
    assert feed.process is None and not feed.scratch.exists()


def test_a_worker_killed_ends_with_its_printers(site, tmp_path):
    # A pool's printers would wait for tasks for ever once the worker that started them is gone.
    feed = site.feed()
    spawned = tmp_path / "printer.pid"
    script = f"import os, time; open({str(spawned)!r}, 'w').write(str(os.getpid())); time.sleep(600)"
    pid = feed.process.pid
    child = subprocess.Popen([sys.executable, "-c", script], preexec_fn=lambda: os.setpgid(0, pid))
    _wait_for(spawned)
    feed.close()
    assert child.wait(timeout=30) == -signal.SIGKILL


def test_a_missing_pango_is_told_by_the_worker(site, monkeypatch):
    monkeypatch.setattr(pdf, "pango_missing", lambda: "thiếu libpango")  # before the fork: the worker has it
    feed = site.feed()
    monkeypatch.undo()
    built = site.site_with(feed)
    pdf.add_actions(built)
    assert built.options.pdf is False
    assert built.pdf_feed is None and feed.process is None
    assert built.log == [pdf.PANGO_MISSING.format(error="thiếu libpango")]
    assert [str(a) for a in built.parts[site.docs[0].src_uri].actions] == [str(pdf.PRINT_BUTTON)]


def test_with_pango_the_worker_says_so(site):
    feed = site.feed()
    try:
        built = site.site_with(feed)
        pdf.add_actions(built)  # it waits for the worker's word
        assert built.options.pdf is True and built.pdf_feed is feed and built.log == []
    finally:
        feed.close()


def test_a_worker_nobody_ended_ends_with_the_build(tmp_path):
    # It is no daemon (it forks its printers): without this, Python would wait
    # at exit for a worker that waits for the pages of a build that stopped.
    script = ("from pathlib import Path\nfrom vanban.site import pdf\n"
              f"feed = pdf.PdfFeed(Path({str(tmp_path)!r}), '', None)\nprint(feed.process.pid)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    pid = int(done.stdout)
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
