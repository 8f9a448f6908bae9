"""Run a slow function (a turn's simulation) in a worker thread and collect its result from
the main loop, so the window keeps drawing and answering while it runs.

Why threads: the simulation is pure numpy and releases the GIL in its array work; no process
pool, no pickling. Callbacks run on the main thread inside `Workers.poll()`, never in the worker.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any


class Task:
    """One call running in a daemon thread."""

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        self._result: Any = None
        self._error: BaseException | None = None
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(fn, args, kwargs), daemon=True)
        self._thread.start()

    def _run(self, fn: Callable[..., Any], args: tuple, kwargs: dict) -> None:
        try:
            self._result = fn(*args, **kwargs)
        except BaseException as exc:  # noqa: BLE001 - handed to the main thread
            self._error = exc
        finally:
            self._done.set()

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        return self._done.wait(timeout)

    def result(self) -> Any:
        """The return value; re-raises the worker's exception. Only call when done."""
        if not self.done:
            raise RuntimeError("task still running")
        if self._error is not None:
            raise self._error
        return self._result

    @property
    def error(self) -> BaseException | None:
        return self._error


class Workers:
    """The tasks an App is waiting for; `poll()` once per frame delivers finished results."""

    def __init__(self) -> None:
        self._pending: list[
            tuple[Task, Callable[[Any], None] | None, Callable[[BaseException], None] | None]
        ] = []

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        **kwargs: Any,
    ) -> Task:
        task = Task(fn, *args, **kwargs)
        self._pending.append((task, on_done, on_error))
        return task

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def join(self, timeout: float | None = None) -> bool:
        """Wait until every pending task has finished (their callbacks still wait for `poll`);
        False if `timeout` seconds passed first. A caller that steps frames after this steps
        the same frames on a fast machine and a loaded one (the interface tests do)."""
        end = None if timeout is None else time.monotonic() + timeout
        for task, _done, _error in list(self._pending):
            if not task.wait(None if end is None else max(0.0, end - time.monotonic())):
                return False
        return True

    def poll(self) -> int:
        """Run callbacks of finished tasks on this (the main) thread; returns how many."""
        finished = [p for p in self._pending if p[0].done]
        if not finished:
            return 0
        self._pending = [p for p in self._pending if not p[0].done]
        for task, on_done, on_error in finished:
            if task.error is not None:
                if on_error is None:
                    raise task.error
                on_error(task.error)
            elif on_done is not None:
                on_done(task.result())
        return len(finished)
