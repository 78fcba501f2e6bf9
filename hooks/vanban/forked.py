"""Pure-Python work over a whole corpus, split over one forked process per core.

Forked workers see this process's memory as it is (the documents, the texts)
without copying or pickling it; only each call's argument and result cross.
Used for the steps whose cost is thousands of independent pieces: reading
documents and parsing their citations, resolving a check's citations,
writing the search index's pages.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import gc
import multiprocessing
import os
from collections.abc import Callable

AT_LEAST = 400  # pieces of work; below that, starting processes costs more than it saves


def workers() -> int:
    return min(os.cpu_count() or 1, 8)


def spans(count: int) -> list[tuple[int, int]]:
    """[start, end) bounds that split `count` pieces into four batches a worker:
    small enough that a slow batch does not leave the other workers idle."""
    size = max(1, -(-count // (workers() * 4)))
    return [(start, min(start + size, count)) for start in range(0, count, size)]


def map_forked(function, arguments: list, *, chunksize: int = 1, job=None) -> list | None:
    """[function(a) for a in arguments], in forked workers; None where there is one
    core or processes cannot start (a sandbox, another platform): the caller then
    does the work in this process. `job`: any object, closures included, that
    each worker receives through the fork (never pickled) before its first call
    and `function` reads with job()."""
    if workers() < 2:
        return None
    try:
        with concurrent.futures.ProcessPoolExecutor(
                workers(), mp_context=multiprocessing.get_context("fork"),
                initializer=_receive, initargs=(job,)) as pool:
            return list(pool.map(function, arguments, chunksize=chunksize))
    except (OSError, ValueError, concurrent.futures.process.BrokenProcessPool):
        return None


def map_batches(items: list, work: Callable[[list], list], at_least: int | None = None) -> list | None:
    """work(batch) over batches of `items` in forked workers, the results joined
    in order; None below `at_least` (AT_LEAST) items, with one core or no processes (the
    caller then does the work here). `items` and `work` (a closure will do)
    reach the workers through the fork: only each batch's bounds cross."""
    if len(items) < (AT_LEAST if at_least is None else at_least):
        return None
    done = map_forked(_run_batch, spans(len(items)), job=(items, work))
    return None if done is None else [result for batch in done for result in batch]


# Set in each worker process only, when it starts: what its pool's map_forked
# call handed it. The calling process never sets it.
_received: list = [None]


def _receive(value) -> None:
    _received[0] = value


def job():
    """In a worker of map_forked: the `job` its call handed over."""
    return _received[0]


def _run_batch(span: tuple[int, int]) -> list:
    items, work = job()
    return work(items[span[0]:span[1]])


@contextlib.contextmanager
def bulk():
    """The cyclic garbage collector paused while thousands of documents and
    citations are made (read, unpickled from the workers, resolved): it would
    walk every object made so far again and again, for the few cycles among
    them, which it frees when it resumes. A tenth of a check at 10,000
    documents, in this process and in the forked workers, which start with it
    paused and end with their batches."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
