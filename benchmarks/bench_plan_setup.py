"""Benchmark: a plan's set-up at Hahnel's scale (30,000 WCs, 30,000 CCs, 500 goods, seed 1),
the checks' pass over the CC list against one streaming pass over the same bytes.

Each sample runs every step below once, in turn, so that all see the same machine state;
SAMPLES samples (5 with --quick). Wall times (`*_s`) and the process's CPU time, both
threads (`*_cpu_s`), are medians; ratios are medians of the per-sample ratios.
- `cc_jit_s`: the CC pass as the checks run it (`_CCBlocks` to the end: each council's goods
  compared with the first council's, whether every weight is > 0, each council's sum,
  consumer spending), compiled (`plan_scan_jit`), two threads;
  `cc_jit_one_thread_s` the same on one thread; `cc_numpy_s` numpy's blocks, two threads
  (what PARECON_JIT=0 runs);
- `stream_s`: one streaming pass over the same bytes on one thread, `cc_weight.sum()` and
  `cc_good.sum()` (48 + 24 MB); `cc_jit_to_stream`, `cc_numpy_to_stream`: the passes' CPU
  time over the streaming pass's (the work done, whichever core did it), per sample;
- `setup_s`, `rounds_s`: `plan_setup` as `run_plan` runs it, then the plan's rounds
  (`plan_with_kernel`); `setup_to_rounds`, `setup_to_rounds_cpu`: their ratio per sample,
  in wall and in CPU time (the set-up must cost less than the rounds: issue 8).
Without numba (or with PARECON_JIT=0) the compiled steps are skipped and reported as null.

Usage: python benchmarks/bench_plan_setup.py [--quick]. Prints readable lines, then ONE JSON
line last: {"jit", "samples", "cc_jit_s", "cc_jit_cpu_s", "cc_jit_one_thread_s",
"cc_jit_one_thread_cpu_s", "cc_numpy_s", "cc_numpy_cpu_s", "stream_s", "stream_cpu_s",
"cc_jit_to_stream", "cc_numpy_to_stream", "setup_s", "setup_cpu_s", "rounds_s",
"rounds_cpu_s", "setup_to_rounds", "setup_to_rounds_cpu"}.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.sim import plan_economy  # noqa: E402
from game.sim.jit import ENV, jit_enabled  # noqa: E402
from game.sim.planning import (  # noqa: E402
    GEN_START_PRICE,
    HAHNEL_SCALE,
    PlanEconomy,
    as_prices,
    generate_economy,
    plan_setup,
    plan_with_kernel,
    run_plan,
)

THRESHOLD = 0.03
Timed = tuple[float, float]  # wall, CPU


def _timed(step: Callable[[], object]) -> Timed:
    t0, c0 = time.perf_counter(), time.process_time()
    step()
    return time.perf_counter() - t0, time.process_time() - c0


def _cc_pass(eco: PlanEconomy, jit: bool, threads: int) -> Callable[[], Timed]:
    """The checks' CC pass, compiled or numpy's, on one or two threads."""

    def run() -> Timed:
        before = os.environ.get(ENV)
        os.environ[ENV] = "1" if jit else "0"
        try:
            t0, c0 = time.perf_counter(), time.process_time()
            cc = plan_economy._cc_blocks(eco)
            assert cc is not None and (cc.jit is not None) == jit
            if threads == 2:
                cc.start()
            assert cc.result() is not None
            return time.perf_counter() - t0, time.process_time() - c0
        finally:
            if before is None:
                del os.environ[ENV]
            else:
                os.environ[ENV] = before

    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer samples (smoke test)")
    args = parser.parse_args()
    samples = 5 if args.quick else 31
    jit = jit_enabled()

    eco = generate_economy(*HAHNEL_SCALE, np.random.default_rng(1))
    weights, goods = eco.cc_weight, eco.cc_good
    print(
        f"economy: {eco.n_wc} WCs, {eco.n_cc} CCs, {eco.n_goods} goods; the CC list: "
        f"{len(weights)} weights ({weights.nbytes / 1e6:.0f} MB) and goods ({goods.nbytes / 1e6:.0f} MB)"
    )
    rounds_seen: set[int] = set()

    def setup_and_rounds() -> tuple[Timed, Timed]:
        t0, c0 = time.perf_counter(), time.process_time()
        kern = plan_setup(eco)
        t1, c1 = time.perf_counter(), time.process_time()
        res = plan_with_kernel(kern, eco, as_prices(eco, GEN_START_PRICE), THRESHOLD, "book", 1000, False)
        t2, c2 = time.perf_counter(), time.process_time()
        assert res.converged
        rounds_seen.add(res.rounds)
        return (t1 - t0, c1 - c0), (t2 - t1, c2 - c1)

    steps: dict[str, Callable[[], Timed]] = {
        "stream": lambda: _timed(lambda: (weights.sum(), goods.sum())),
        "cc_numpy": _cc_pass(eco, False, 2),
    }
    if jit:
        steps["cc_jit"] = _cc_pass(eco, True, 2)
        steps["cc_jit_one_thread"] = _cc_pass(eco, True, 1)
    run_plan(eco, GEN_START_PRICE, threshold=THRESHOLD, record_history=False)  # numba's cache
    for step in steps.values():  # warm caches and code paths
        step()
    times: dict[str, list[Timed]] = {name: [] for name in [*steps, "setup", "rounds"]}
    for _ in range(samples):
        for name, step in steps.items():
            times[name].append(step())
        setup, rounds = setup_and_rounds()
        times["setup"].append(setup)
        times["rounds"].append(rounds)
    assert len(rounds_seen) == 1, "the plan must be deterministic"

    def med(name: str, cpu: bool = False) -> float | None:
        if name not in times:
            return None
        return round(statistics.median(t[cpu] for t in times[name]), 6)

    def ratio(num: str, den: str, cpu: bool) -> float | None:
        if num not in times:
            return None
        pairs = zip(times[num], times[den], strict=True)
        return round(statistics.median(a[cpu] / b[cpu] for a, b in pairs), 3)

    report: dict[str, object] = {"jit": jit, "samples": samples}
    for name in ("cc_jit", "cc_jit_one_thread", "cc_numpy", "stream", "setup", "rounds"):
        report[f"{name}_s"] = med(name)
        report[f"{name}_cpu_s"] = med(name, cpu=True)
    report["cc_jit_to_stream"] = ratio("cc_jit", "stream", cpu=True)
    report["cc_numpy_to_stream"] = ratio("cc_numpy", "stream", cpu=True)
    report["setup_to_rounds"] = ratio("setup", "rounds", cpu=False)
    report["setup_to_rounds_cpu"] = ratio("setup", "rounds", cpu=True)
    for name in ("stream", "cc_jit", "cc_jit_one_thread", "cc_numpy", "setup", "rounds"):
        wall, cpu = med(name), med(name, cpu=True)
        if wall is not None and cpu is not None:
            print(f"{name}: median {wall * 1e3:.2f} ms wall, {cpu * 1e3:.2f} ms CPU")
    print(
        f"CC pass / streaming pass (CPU): compiled {report['cc_jit_to_stream']}, numpy "
        f"{report['cc_numpy_to_stream']}; set-up / its {rounds_seen.pop()} rounds: "
        f"{report['setup_to_rounds']} wall, {report['setup_to_rounds_cpu']} CPU"
    )
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
