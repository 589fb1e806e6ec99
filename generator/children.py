"""EDGE: worker processes and commands that end when the process that started them ends.

A worker outlives a killed parent otherwise: it would go on writing `docs/` behind the
parent's back (and behind the next build's), then wait for work forever. On Linux the
kernel kills a worker the moment its parent goes (`PR_SET_PDEATHSIG`); elsewhere a thread
in the worker checks its parent every `_POLL_SECONDS`.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor

_PR_SET_PDEATHSIG = 1
_POLL_SECONDS = 0.5


def process_pool(workers: int, *, fork: bool = False) -> ProcessPoolExecutor:
    """A pool of `workers` processes (forked when `fork`, else the platform's default start)
    that each end with the process that made the pool."""
    context = multiprocessing.get_context("fork") if fork else None
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_end_with, initargs=(os.getpid(),))


def ending_with_this_process() -> Callable[[], None] | None:
    """For `subprocess.run(preexec_fn=...)`: on Linux, the command is killed when this process
    (the thread that starts it) ends (the request survives `exec`); elsewhere None.

    The C library is looked up here, before the fork: the function runs between fork and
    `exec`, where loading a library could wait for ever on a lock another thread held."""
    if not sys.platform.startswith("linux"):
        return None
    prctl = ctypes.CDLL(None, use_errno=True).prctl

    def die_with_parent() -> None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)

    return die_with_parent


def _end_with(parent: int) -> None:
    """In a new worker: be killed when `parent` ends (at once if it has already)."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
            if os.getppid() != parent:  # the parent went before the request was made
                os._exit(1)
            return
    threading.Thread(target=_watch, args=(parent,), daemon=True, name="end-with-parent").start()


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_POLL_SECONDS)
    os._exit(1)
