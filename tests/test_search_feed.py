"""The search index fed page by page while MkDocs renders (search.index.Feed):
the same index, byte for byte, as one made from the written site, whatever
part of the pages the worker received, and when it fails."""

from __future__ import annotations

import filecmp
import os
import shutil
import signal

import pytest

from conftest import build_project
from plan_factory import plan
from vanban.search import index as search_index
from vanban.site import build as core

PLANS = {
    "2023/dang.md": plan("Thực hiện Chỉ thị số 07-CT/TU, ngày 06/5/2021 của Ban Thường vụ Tỉnh ủy. Công tác dân vận."),
    "2021/ct.md": plan("Hòa giải ở cơ sở.", so_hieu="07-CT/TU", loai="Chỉ thị", co_quan_ban_hanh="Tỉnh ủy Bến Tre",
                       ngay_ban_hanh="2021-05-06", trich_yeu="Về Mặt trận"),
    "2022/tb.md": plan("Văn hóa văn nghệ, hội diễn.", so_hieu="20-TB/ĐUK", loai="Thông báo", trich_yeu="Hội diễn"),
    "2023/giu-lai.md": plan("Chưa đăng.", so_hieu="116-KH/ĐUK", noi_nhan=["Các chi ủy"]),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    result = build_project(tmp_path_factory.mktemp("feed"), PLANS)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="module")
def site(built):
    """The core's site of the same plans: its documents and their statuses, as the build had them."""
    return core.build(built.project / "plans", core.Options(registry=built.project / "data" / "registry.yml"),
                      base=built.project)


@pytest.fixture
def documents(site):
    return site.published


@pytest.fixture
def statuses(site):
    return search_index.statuses_of(site)


def pages_of(built, documents):
    return {d.src_uri: (built.site / search_index.page_url(d) / "index.html").read_text(encoding="utf-8")
            for d in documents}


def same_tree(left, right) -> list[str]:
    names = {p.relative_to(left) for p in left.rglob("*") if p.is_file()}
    assert names == {p.relative_to(right) for p in right.rglob("*") if p.is_file()}
    return sorted(str(n) for n in names if not filecmp.cmp(left / n, right / n, shallow=False))


def from_disk(built, documents, statuses, tmp_path):
    site = tmp_path / "disk"
    shutil.copytree(built.site, site)
    search_index.write(documents, site, statuses)
    return site / search_index.BUNDLE



def test_the_built_index_is_the_one_made_from_the_written_site(built, documents, statuses, tmp_path):
    assert ("Tra cứu: 3 văn bản vào chỉ mục (3 đọc ngay khi trang vừa dựng xong, trong lúc dựng các trang khác; "
            "chỉ mục lập xong trong lúc dựng trang)") in built.output
    assert same_tree(built.site / search_index.BUNDLE, from_disk(built, documents, statuses, tmp_path)) == []


@pytest.mark.parametrize("fed", ["all", "some", "none"])
def test_a_feed_given_any_part_of_the_pages_makes_the_same_index(built, documents, statuses, tmp_path, fed):
    site = tmp_path / "fed"
    shutil.copytree(built.site, site)
    feed = search_index.Feed(documents, site, statuses)
    pages = pages_of(built, documents)
    feed.page("index.md", "<html>trang chủ, không phải văn bản</html>")  # not a document: not indexed
    for n, doc in enumerate(documents):
        if fed == "all" or (fed == "some" and n % 2 == 0):
            feed.page(doc.src_uri, pages[doc.src_uri])
    search_index.write(documents, site, statuses, feed)
    assert same_tree(site / search_index.BUNDLE, from_disk(built, documents, statuses, tmp_path)) == []
    assert not feed.scratch.exists()
    assert feed.made == {"all": 3, "some": 2, "none": 0}[fed]
    assert feed.indexed == (fed == "all")  # only a worker with every page runs Pagefind


def test_the_worker_reads_what_it_is_handed_not_the_written_site(built, documents, statuses, tmp_path):
    # Pages are handed over before MkDocs writes any: the site is still empty.
    site = tmp_path / "fed"
    feed = search_index.Feed(documents, site, statuses)
    for doc, html in pages_of(built, documents).items():
        feed.page(doc, html)
    shutil.copytree(built.site, site)
    search_index.write(documents, site, statuses, feed)
    assert feed.made == 3
    assert same_tree(site / search_index.BUNDLE, from_disk(built, documents, statuses, tmp_path)) == []
    assert not feed.scratch.exists()


def test_a_worker_started_before_the_documents_are_known_makes_the_same_index(built, documents, statuses, tmp_path):
    # The adapter starts it when MkDocs starts the build (on_pre_build), before the corpus is read.
    site = tmp_path / "fed"
    shutil.copytree(built.site, site)
    feed = search_index.Feed(None, site)
    feed.plan(documents, statuses)
    for doc, html in pages_of(built, documents).items():
        feed.page(doc, html)
    search_index.write(documents, site, statuses, feed)
    assert feed.made == 3
    assert same_tree(site / search_index.BUNDLE, from_disk(built, documents, statuses, tmp_path)) == []


def test_a_worker_that_dies_leaves_the_index_to_the_written_site(built, documents, statuses, tmp_path):
    site = tmp_path / "fed"
    shutil.copytree(built.site, site)
    feed = search_index.Feed(documents, site, statuses)
    feed.process.kill()
    feed.process.join()
    feed.page(documents[0].src_uri, "<html>bị cắt")
    feed.page(documents[1].src_uri, "<html>bị cắt")
    search_index.write(documents, site, statuses, feed)
    assert same_tree(site / search_index.BUNDLE, from_disk(built, documents, statuses, tmp_path)) == []
    assert not feed.scratch.exists()
    assert feed.made == 0


def test_a_feed_for_other_documents_is_not_used(built, documents, statuses, tmp_path):
    site = tmp_path / "fed"
    shutil.copytree(built.site, site)
    feed = search_index.Feed(documents[:1], site, statuses)
    feed.page(documents[0].src_uri, "<html><body><main>chữ khác hẳn</main></body></html>")
    search_index.write(documents, site, statuses, feed)
    assert same_tree(site / search_index.BUNDLE, from_disk(built, documents, statuses, tmp_path)) == []


def test_a_stopped_build_ends_the_worker_and_removes_its_pages(documents, tmp_path):
    feed = search_index.Feed(documents, tmp_path)
    process = feed.process
    feed.close()
    assert not process.is_alive()
    assert not feed.scratch.exists()
    feed.close()  # twice is harmless


def test_a_worker_that_stops_reading_never_holds_the_build(built, documents, statuses, tmp_path):
    # A stopped worker lets the pipe fill: the pages after that are not sent
    # (rendering goes on at once), and the index makes them from the site.
    site = tmp_path / "fed"
    shutil.copytree(built.site, site)
    feed = search_index.Feed(documents, site, statuses)
    pages = pages_of(built, documents)
    os.kill(feed.process.pid, signal.SIGSTOP)
    try:
        for n in range(100_000):  # far more numbers than a pipe holds, never the last page
            feed.page(documents[n % 2].src_uri, pages[documents[n % 2].src_uri])
        assert feed.writer is None
        feed.page(documents[2].src_uri, pages[documents[2].src_uri])  # the pipe is closed: not sent
    finally:
        os.kill(feed.process.pid, signal.SIGCONT)
    search_index.write(documents, site, statuses, feed)
    assert same_tree(site / search_index.BUNDLE, from_disk(built, documents, statuses, tmp_path)) == []
    assert not feed.scratch.exists()


def test_a_worker_that_fails_on_a_page_does_not_hold_the_build(
        built, documents, statuses, tmp_path, monkeypatch):
    # The worker stops at the failing page; what it wrote so far is not used.
    site = tmp_path / "fed"
    shutil.copytree(built.site, site)
    made = search_index.record

    def record(doc, site_dir, shard=0, status="Chưa rõ", html=None):
        if doc.src_uri == documents[0].src_uri:
            raise ValueError("trang hỏng")
        return made(doc, site_dir, shard, status, html)

    monkeypatch.setattr(search_index, "record", record)  # before the fork: the worker has it
    feed = search_index.Feed(documents, site, statuses)
    monkeypatch.setattr(search_index, "record", made)
    pages = pages_of(built, documents)
    for doc in (documents[1], documents[0], *[documents[2]] * 64):
        feed.page(doc.src_uri, pages[doc.src_uri])
    search_index.write(documents, site, statuses, feed)
    assert same_tree(site / search_index.BUNDLE, from_disk(built, documents, statuses, tmp_path)) == []
    assert feed.made == 0
    assert not feed.scratch.exists()


def test_an_index_that_fails_still_ends_the_worker_and_removes_its_pages(documents, tmp_path, monkeypatch):
    feed = search_index.Feed(documents, tmp_path)
    process = feed.process

    def broken(*_):
        raise OSError("đĩa đầy")

    monkeypatch.setattr(search_index, "_index", broken)
    with pytest.raises(OSError):
        search_index.write(documents, tmp_path, None, feed)
    assert not process.is_alive()
    assert not feed.scratch.exists()


def test_the_worker_indexes_once_it_has_the_last_page(built, documents, statuses, tmp_path):
    # One Pagefind run: the worker makes the bundle while MkDocs renders, and
    # the build only joins it; the pipe is closed after the last page.
    site = tmp_path / "fed"
    shutil.copytree(built.site, site)
    feed = search_index.Feed(documents, site, statuses)
    for doc, html in pages_of(built, documents).items():
        feed.page(doc, html)
    assert feed.writer is None
    kind, (made, bundle) = feed.results.get(timeout=60)  # what the worker put, before write() waits for it
    assert (kind, sorted(made), bundle) == ("done", sorted(d.src_uri for d in documents), str(feed.scratch / "bundle"))
    assert (feed.scratch / "bundle" / "pagefind-entry.json").exists()
    assert not (feed.scratch / "pages-0").exists()
    feed.results.put((kind, (made, bundle)))  # as the worker left it, for finish()
    search_index.write(documents, site, statuses, feed)
    assert (feed.made, feed.indexed) == (3, True)
    assert same_tree(site / search_index.BUNDLE, from_disk(built, documents, statuses, tmp_path)) == []
    assert not feed.scratch.exists()


def test_a_worker_whose_index_fails_leaves_it_to_write(built, documents, statuses, tmp_path, monkeypatch):
    # Its records are kept: write() runs Pagefind over them.
    site = tmp_path / "fed"
    shutil.copytree(built.site, site)
    made = search_index._index

    def broken(*_):
        raise OSError("đĩa đầy")

    monkeypatch.setattr(search_index, "_index", broken)  # before the fork: the worker has it
    feed = search_index.Feed(documents, site, statuses)
    monkeypatch.setattr(search_index, "_index", made)
    for doc, html in pages_of(built, documents).items():
        feed.page(doc, html)
    search_index.write(documents, site, statuses, feed)
    assert (feed.made, feed.indexed) == (3, False)
    assert same_tree(site / search_index.BUNDLE, from_disk(built, documents, statuses, tmp_path)) == []
    assert not feed.scratch.exists()


def test_several_pagefind_runs_are_left_to_write(built, documents, statuses, tmp_path, monkeypatch):
    # More documents than one run holds: write() makes each run's bundle in
    # turn, one at a time (memory), from the worker's records.
    monkeypatch.setenv("VANBAN_SEARCH_PART_SIZE", "2")
    site = tmp_path / "fed"
    shutil.copytree(built.site, site)
    feed = search_index.Feed(documents, site, statuses)
    for doc, html in pages_of(built, documents).items():
        feed.page(doc, html)
    assert feed.writer is not None  # no word to index now: the pipe stays open until finish()
    search_index.write(documents, site, statuses, feed)
    assert (feed.made, feed.indexed) == (3, False)
    assert same_tree(site / search_index.BUNDLE, from_disk(built, documents, statuses, tmp_path)) == []
