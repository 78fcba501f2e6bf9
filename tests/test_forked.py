"""Work split over forked processes (vanban.forked)."""

from __future__ import annotations

import pytest

from vanban import forked

_SEEN = {"base": 10}  # memory of this process: forked workers read it without copying it


def _add_base(n: int) -> int:
    return n + _SEEN["base"]


def test_results_come_back_in_order_and_workers_see_this_process(monkeypatch):
    monkeypatch.setattr(forked.os, "cpu_count", lambda: 2)
    assert forked.workers() == 2
    _SEEN["base"] = 100
    assert forked.map_forked(_add_base, list(range(7)), chunksize=2) == [100, 101, 102, 103, 104, 105, 106]


def test_one_core_leaves_the_work_to_the_caller(monkeypatch):
    monkeypatch.setattr(forked.os, "cpu_count", lambda: 1)
    assert forked.map_forked(_add_base, [1, 2]) is None


def test_no_processes_leaves_the_work_to_the_caller(monkeypatch):
    monkeypatch.setattr(forked.os, "cpu_count", lambda: 4)

    def refuse(*args, **kwargs):
        raise OSError("không tạo được tiến trình")

    monkeypatch.setattr(forked.concurrent.futures, "ProcessPoolExecutor", refuse)
    assert forked.map_forked(_add_base, [1, 2]) is None
    assert forked.workers() == 4


@pytest.mark.parametrize("count", [0, 1, 7, 400, 1001])
def test_spans_cover_every_piece_once_in_order(count, monkeypatch):
    monkeypatch.setattr(forked, "workers", lambda: 2)
    spans = forked.spans(count)
    assert [i for a, b in spans for i in range(a, b)] == list(range(count))
    assert len(spans) <= 8 and all(b > a for a, b in spans)


def test_a_corpus_read_in_workers_equals_one_read_here(tmp_path, monkeypatch):
    """Above forked.AT_LEAST files, documents are read in workers: same documents,
    same problems, same order (a bad file and a non-Markdown file among them)."""
    from plan_factory import plan
    from vanban.graph import corpus

    plans = tmp_path / "plans"
    (plans / "2023").mkdir(parents=True)
    for i in range(forked.AT_LEAST + 5):
        (plans / "2023" / f"{i:03d}-kh-duk.md").write_text(plan(so_hieu=f"{i + 1}-KH/ĐUK"), encoding="utf-8")
    (plans / "2023" / "050-kh-duk.md").write_text(plan(loai="Sắc lệnh", so_hieu="51-KH/ĐUK"), encoding="utf-8")
    (plans / "2023" / "ghi-chu.txt").write_text("x", encoding="utf-8")
    parallel = corpus.load(plans, tmp_path)
    monkeypatch.setattr(forked, "workers", lambda: 1)
    serial = corpus.load(plans, tmp_path)
    assert [d.path for d in parallel.documents] == [d.path for d in serial.documents]
    assert parallel.documents == serial.documents
    assert parallel.problems == serial.problems
    assert sorted({p.file for p in parallel.problems}) == ["plans/2023/050-kh-duk.md", "plans/2023/ghi-chu.txt"]


def _number_of(doc) -> str:
    return doc.number.canonical


@pytest.mark.parametrize("workers", [2, 1])
def test_work_per_document_runs_where_it_is_read(tmp_path, monkeypatch, workers):
    """corpus.load(each=…): every valid document's result, in workers or here;
    an invalid file has none."""
    from plan_factory import plan
    from vanban.graph import corpus

    plans = tmp_path / "plans"
    (plans / "2023").mkdir(parents=True)
    for i in range(forked.AT_LEAST + 2):
        (plans / "2023" / f"{i:03d}-kh-duk.md").write_text(plan(so_hieu=f"{i + 1}-KH/ĐUK"), encoding="utf-8")
    (plans / "2023" / "000-kh-duk.md").write_text(plan(loai="Sắc lệnh"), encoding="utf-8")
    monkeypatch.setattr(forked, "workers", lambda: workers)
    loaded = corpus.load(plans, tmp_path, each=_number_of)
    assert len(loaded.extra) == forked.AT_LEAST + 1
    assert loaded.extra["plans/2023/401-kh-duk.md"] == "402-KH/ĐUK"
    assert "plans/2023/000-kh-duk.md" not in loaded.extra
    assert corpus.load(plans, tmp_path).extra == {}


def test_the_collector_is_paused_for_bulk_work_and_restored_after():
    import gc

    assert gc.isenabled()
    with pytest.raises(ValueError), forked.bulk():
        assert not gc.isenabled()
        raise ValueError
    assert gc.isenabled()
    gc.disable()
    try:
        with forked.bulk():
            pass
        assert not gc.isenabled()  # left as it was found
    finally:
        gc.enable()


def test_a_document_read_in_a_worker_keeps_the_module_s_own_type():
    """A DocType crosses processes as the module's own object (one per type);
    one that is not among doctypes.TYPES crosses by value."""
    import pickle

    from vanban.model import doctypes

    plan_type = doctypes.by_name("Kế hoạch")
    assert pickle.loads(pickle.dumps(plan_type)) is plan_type
    odd = doctypes.DocType("Kế hoạch", ("KHX",))
    back = pickle.loads(pickle.dumps(odd))
    assert back == odd and back is not plan_type


def test_batches_reach_the_workers_through_the_fork(monkeypatch):
    """map_batches: a closure and its items are seen by the workers without
    pickling (a lambda cannot be pickled); results come back in order; below
    the threshold, or with one core, the caller does the work."""
    monkeypatch.setattr(forked, "workers", lambda: 2)
    items = list(range(forked.AT_LEAST + 3))
    offset = 1000
    assert forked.map_batches(items, lambda batch: [i + offset for i in batch]) == [i + offset for i in items]
    assert forked.map_batches(items[:5], lambda batch: batch) is None
    assert forked.map_batches(items[:5], lambda batch: batch, at_least=1) == items[:5]
    assert forked.job() is None  # handed to the workers only, never kept here
    monkeypatch.setattr(forked, "workers", lambda: 1)
    assert forked.map_batches(items, lambda batch: batch) is None
