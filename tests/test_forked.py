"""Work split over forked processes (vanban.forked)."""

from __future__ import annotations

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
