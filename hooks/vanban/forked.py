"""Pure-Python work over a whole corpus, split over one forked process per core.

Forked workers see this process's memory as it is (the documents, the texts)
without copying or pickling it; only each call's argument and result cross.
Used for the steps whose cost is thousands of independent pieces: reading
documents and parsing their citations, resolving a check's citations,
writing the search index's pages, printing PDFs. And Feed: one worker forked
early, handed pages while MkDocs renders (the search index, the PDFs).
"""

from __future__ import annotations

import atexit
import collections
import concurrent.futures
import contextlib
import gc
import multiprocessing
import multiprocessing.util  # its exit handler registered before _end_all, which must run first
import os
import pickle
import queue
import select
import shutil
import signal
import tempfile
import time
import weakref
from collections.abc import Callable
from pathlib import Path

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


# The lines of a feed's pipe besides item numbers.
SEALED = b"sealed"  # the last item: the worker ends them now, on its own time
END = b"end"  # no more items, said when the result is awaited
_WRITERS: set[int] = set()  # every feed's end of its pipe, open in this process
_LIVE: weakref.WeakSet = weakref.WeakSet()  # feeds whose worker may still run


@atexit.register  # before multiprocessing's own handler, which would wait for a worker that is no daemon
def _end_all() -> None:
    for feed in list(_LIVE):
        feed.close()


class Feed:
    """One worker forked early (while this process is still small, so that it
    shares almost none of the memory the build fills later), handed items one
    at a time while this process goes on. Each item is pickled into a file and
    only its number goes down a non-blocking pipe, in one short write: the
    sender never waits for the worker, nor for a thread of its own (such a
    thread waits for the interpreter lock while MkDocs renders, and the
    worker starves). A worker that stops reading lets the pipe fill, and one
    that dies stops taking: hand() then says False and the caller does that
    work itself, as it would without a feed.

    The worker leads a process group of its own: close() ends it with all it
    started, and a build stopped from the terminal ends it at exit (_end_all).
    A subclass says what its worker does: begin() first, take(item) for
    each item, end(sealed) once the items end (its return value is what
    outcome() gets here); said(message) in the worker reaches heard() here."""

    name = "vanban-feed"
    daemon = True  # False for a worker that forks workers of its own

    def __init__(self) -> None:
        self.scratch = Path(tempfile.mkdtemp(prefix=f"{self.name}-"))
        self.inbox = self.scratch / "in"  # items handed over, each read and removed by the worker
        self.inbox.mkdir()
        self.process = None
        self.writer: int | None = None  # this end of the pipe; None once closed
        self.sent = 0
        self._messages: collections.deque = collections.deque()  # what the worker said, not yet asked for
        self._outcome = None
        context = multiprocessing.get_context("fork")
        reader = None
        try:  # a system without semaphores or processes: no feed, the callers do all the work
            self.results = context.Queue()
            reader, self.writer = os.pipe()
            _WRITERS.add(self.writer)  # before the fork: the worker closes it
            self.process = context.Process(target=self._serve, args=(reader,), daemon=self.daemon, name=self.name)
            self.process.start()
            # A group of its own (set here and in the worker, whichever runs first):
            # close() ends the worker with what it started (printers, Pagefind).
            with contextlib.suppress(OSError):
                os.setpgid(self.process.pid, self.process.pid)
            _LIVE.add(self)  # ended with this process, if nothing ended it before
        except (OSError, ValueError, ImportError):
            self.process = None
            self._close_pipe()
        if reader is not None:
            os.close(reader)
        if self.writer is not None:
            os.set_blocking(self.writer, False)

    # --- in this process ---------------------------------------------------------

    def hand(self, item, then: bytes = b"") -> bool:
        """Give the worker `item` (and, in the same write, the line `then`:
        END, so that it finds the end waiting); False if it gets nothing more."""
        if self.writer is None:
            return False
        number, self.sent = self.sent, self.sent + 1
        try:
            (self.inbox / f"{number}.pickle").write_bytes(pickle.dumps(item, pickle.HIGHEST_PROTOCOL))
        except OSError:  # a full disk: the caller does the rest
            self._close_pipe()
            return False
        return self._send(b"%d" % number + (b"\n" + then if then else b""))

    def seal(self) -> None:
        """That was the last item: the worker ends them at once (end(True))."""
        self._send(SEALED)
        self._close_pipe()

    def heard(self, wait: float = 60.0):
        """The next thing the worker said; None if it ended or died without saying it."""
        deadline = time.monotonic() + wait
        while self.process is not None and not self._messages and self._outcome is None \
                and time.monotonic() < deadline:
            self._receive(0.5)
        return self._messages.popleft() if self._messages else None

    def outcome(self, wait: float = 600.0) -> tuple[bool, object]:
        """Wait for the worker to end its items: (True, what end() returned),
        or (False, None) if it failed, died or took longer than `wait`
        seconds; found dead, it is not waited for to the end."""
        if self.process is None:
            return False, None
        self._send(END)
        self._close_pipe()
        deadline = time.monotonic() + wait
        while self._outcome is None and time.monotonic() < deadline:
            self._receive(0.5)
        self.process.join(timeout=10)
        self._kill()
        return self._outcome or (False, None)

    def _receive(self, wait: float) -> None:
        try:
            kind, value = self.results.get(timeout=wait)
        except queue.Empty:
            if self.process is None or self.process.is_alive():
                return
            try:  # an answer put just before the worker ended
                kind, value = self.results.get(timeout=1)
            except (queue.Empty, OSError, EOFError):
                kind, value = "failed", None
        except (OSError, EOFError, ValueError):
            kind, value = "failed", None
        if kind == "said":
            self._messages.append(value)
        else:
            self._outcome = (kind == "done", value)

    def _send(self, line: bytes) -> bool:
        if self.writer is None:
            return False
        try:  # a few bytes: written whole or not at all
            os.write(self.writer, line + b"\n")
        except OSError:
            # The worker is gone, or so far behind that the pipe is full: it
            # gets nothing more, and the caller does the rest itself.
            self._close_pipe()
            return False
        return True

    def _close_pipe(self) -> None:
        if self.writer is not None:
            _WRITERS.discard(self.writer)
            os.close(self.writer)
            self.writer = None

    def close(self) -> None:
        """The worker ends now, whatever it was doing, and its files go."""
        self._close_pipe()
        self._kill()
        shutil.rmtree(self.scratch, ignore_errors=True)

    def _kill(self) -> None:
        """The worker's process group ends (what the worker started dies with
        it: a pool's printers would otherwise wait for tasks for ever)."""
        if self.process is None:
            return
        with contextlib.suppress(OSError):
            os.killpg(self.process.pid, signal.SIGKILL)
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=10)
        self.process = None
        _LIVE.discard(self)

    # --- in the worker ---------------------------------------------------------------

    def begin(self) -> None:
        """Once, before the first item."""

    def take(self, item) -> None:
        raise NotImplementedError

    def end(self, sealed: bool):
        """Once the items end; sealed: seal() ended them, not outcome()."""
        return None

    def said(self, message) -> None:
        self.results.put(("said", message))

    def idle(self) -> bool:
        """No item is waiting: the worker may do something slower first."""
        return not self._lines and not self._waiting.poll(0)

    def _serve(self, reader: int) -> None:
        # Every feed's end of its pipe, its own among them, is closed here, so that a
        # worker sees the end of its pipe when the one process that feeds it closes it.
        for writer in list(_WRITERS):
            with contextlib.suppress(OSError):
                os.close(writer)
        _WRITERS.clear()
        with contextlib.suppress(OSError):
            os.setpgid(0, 0)
        self._reader, self._lines, self._partial = reader, collections.deque(), b""
        self._waiting = select.poll()  # poll, not select: the pipe's number may be past select's 1,024
        self._waiting.register(reader, select.POLLIN)
        outcome = ("failed", None)
        try:
            self.begin()
            outcome = ("done", self.end(self._take_all()))
        finally:
            # "failed": it stopped before the end (an error); what it left is not used.
            self.results.put(outcome)

    def _take_all(self) -> bool:
        while (line := self._line()) not in (None, END):
            if line == SEALED:
                return True
            handed = self.inbox / f"{int(line)}.pickle"
            item = pickle.loads(handed.read_bytes())  # noqa: S301 (written by this build)
            handed.unlink()
            self.take(item)
        return False

    def _line(self) -> bytes | None:
        """The next line of the pipe; None at its end (the sender closed it, or died)."""
        while not self._lines:
            chunk = os.read(self._reader, 1 << 16)
            if not chunk:
                return None
            *whole, self._partial = (self._partial + chunk).split(b"\n")
            self._lines.extend(whole)
        return self._lines.popleft()
