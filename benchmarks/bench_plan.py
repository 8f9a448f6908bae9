"""Benchmark: the participatory plan at Hahnel's scale (30,000 WCs, 30,000 CCs, 500 goods,
seed 1) to a 3% threshold with the book rule.

Measures, in one process:
- rounds, and `total_s`: the wall time of `run_plan` (set-up of the round kernel included,
  generation of the economy excluded), median of REPEATS runs;
- `setup_s` and `rounds_s`: after each of those runs, the same plan in run_plan's two
  phases timed apart: `plan_setup` (the checks and the round kernel: everything before
  the first round), then the rounds (`plan_with_kernel`), SPLITS times after each run;
  medians of REPEATS x SPLITS, in wall time
  and (`setup_cpu_s`, `rounds_cpu_s`) in the process's CPU time, which a machine shared
  with other jobs inflates less (no waiting for a core);
- `jit`: which kernel `plan_setup` chose, so which path every figure above and
  `s_per_round`/`ratio_to_stream` measured: true for the compiled `FusedKernel` (numba
  installed, PARECON_JIT not "0", as here: 30,000 WCs), false for numpy's `RoundKernel`;
  `first_plan_s`: the first plan of the process, before the others (with jit: importing
  numba and compiling the loops, or loading them from numba's cache);
- `s_per_round`: one round as `_iterate` runs it (proposals at given prices, excess, their
  maximum, the price update on a copy of the prices) timed on its own, median of
  ROUND_SAMPLES;
- `ratio_to_stream`: s_per_round over one streaming pass that reads every array that
  round reads once (`arr.sum()` over the kernel's `arrays()`), the two timed alternately
  so that both see the same machine state; median of the per-pair ratios. In the same
  loop numpy's kernel on the same economy gets the same treatment against a pass over
  its own `arrays()`: `s_per_round_numpy`, `ratio_to_stream_numpy` (so both paths are
  compared under the same load). Two other references are printed, not reported: the
  scratch buffers too, and one copy of the inputs (`inputs()`);
- `gather_to_stream`, `scatter_to_stream`: numpy's round's two indexed steps alone against
  the pass over numpy's kernel's arrays, timed alternately (medians of the per-pair
  ratios): the gather of log prices into the input list (`np.take`) and the scatter of
  spending on inputs per good (`np.add.at`). numpy's round does both, so their sum bounds
  `ratio_to_stream_numpy` from below;
- `peak_mb`: peak resident set size of the whole process (`resource.getrusage` maxrss:
  interpreter, numpy, the generated economy and the plan). tracemalloc's peak for
  run_plan alone is printed on an earlier line.

Usage: [PARECON_JIT=0] python benchmarks/bench_plan.py [--quick]. Prints readable lines,
then ONE JSON line last: {"jit", "first_plan_s", "setup_s", "rounds_s", "setup_cpu_s",
"rounds_cpu_s", "rounds", "s_per_round", "s_per_round_numpy", "total_s", "peak_mb",
"ratio_to_stream", "ratio_to_stream_numpy", "gather_to_stream", "scatter_to_stream"}.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import game.sim.planning as planning  # noqa: E402
from game.sim.planning import (  # noqa: E402
    GEN_START_PRICE,
    HAHNEL_SCALE,
    PlanEconomy,
    RoundKernel,
    as_prices,
    generate_economy,
    plan_with_kernel,
    run_plan,
)

THRESHOLD = 0.03
SPLITS = 3  # set-up and rounds timed apart this many times after each whole plan


def plan_setup(eco: PlanEconomy) -> Any:
    """What `run_plan` runs before its first round (`planning.plan_setup`); in code from
    before it existed (for before/after runs of this benchmark), what run_plan ran then."""
    if hasattr(planning, "plan_setup"):
        return planning.plan_setup(eco)
    return RoundKernel(eco, planning.scan_economy(eco))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats (smoke test)")
    args = parser.parse_args()
    repeats, samples = (3, 50) if args.quick else (9, 400)

    n_wc, n_cc, n_goods = HAHNEL_SCALE
    t0 = time.perf_counter()
    eco = generate_economy(n_wc, n_cc, n_goods, np.random.default_rng(1))
    gen_s = time.perf_counter() - t0
    print(
        f"economy: {n_wc} WCs, {n_cc} CCs, {n_goods} goods, {len(eco.wc_input)} WC inputs, "
        f"{len(eco.cc_good)} CC weights; generated in {gen_s:.2f} s"
    )

    # the first plan of the process: with jit, numba's import and compile (or cache load)
    t0 = time.perf_counter()
    run_plan(eco, GEN_START_PRICE, threshold=THRESHOLD, rule="book", record_history=False)
    first_s = time.perf_counter() - t0
    kind = type(plan_setup(eco)).__name__
    jit = kind != "RoundKernel"
    print(f"kernel: {kind} (jit {str(jit).lower()}); first plan of the process {first_s:.3f} s")

    # whole plan, repeated; each run_plan is followed by the same plan in its two phases,
    # as run_plan runs them (the checks with the kernel, then the rounds), timed apart
    totals: list[float] = []
    setups: list[float] = []
    round_runs: list[float] = []
    setup_cpu: list[float] = []  # CPU time of the process (both threads of the CC pass)
    rounds_cpu: list[float] = []
    rounds: set[int] = set()
    for _ in range(repeats):
        t0 = time.perf_counter()
        res = run_plan(eco, GEN_START_PRICE, threshold=THRESHOLD, rule="book", record_history=False)
        totals.append(time.perf_counter() - t0)
        rounds.add(res.rounds)
        assert res.converged
        for _ in range(SPLITS):
            t0, c0 = time.perf_counter(), time.process_time()
            kern = plan_setup(eco)  # what run_plan does before its first round
            t1, c1 = time.perf_counter(), time.process_time()
            start = as_prices(eco, GEN_START_PRICE)
            split = plan_with_kernel(kern, eco, start, THRESHOLD, "book", 1000, False)
            t2, c2 = time.perf_counter(), time.process_time()
            setups.append(t1 - t0)
            round_runs.append(t2 - t1)
            setup_cpu.append(c1 - c0)
            rounds_cpu.append(c2 - c1)
            assert split.prices.tobytes() == res.prices.tobytes()
    assert len(rounds) == 1, "the plan must be deterministic"
    n_rounds = rounds.pop()
    r5 = run_plan(eco, GEN_START_PRICE, threshold=0.05, record_history=False).rounds
    print(
        f"book rule: <5% in {r5} rounds, <3% in {n_rounds} rounds "
        f"(Hahnel 2021 Tables 9.1/9.2: 11-13 and 18-22)"
    )
    setup_s = statistics.median(setups)
    rounds_s = statistics.median(round_runs)

    # one round vs one streaming pass over the arrays it reads, alternately; the same for
    # numpy's kernel on the same economy, in the same loop
    kern = plan_setup(eco)
    numpy_kern = RoundKernel(eco)
    p0 = res.price_history[0] if res.price_history is not None else None
    prices = np.full(n_goods, GEN_START_PRICE) if p0 is None else p0
    scratch = prices.copy()

    def one_round(k: Any) -> Callable[[], None]:
        def run() -> None:  # `_iterate`'s round: values, excess, its maximum, the update
            S, D = k.values(prices)
            v = k.excess(S, D)
            float(v.max())
            scratch[:] = prices
            k.update(scratch, S, D, v, "book", None)

        return run

    def stream(arrays: list[np.ndarray]) -> Callable[[], float]:
        def run() -> float:
            total = 0.0
            for a in arrays:
                total += float(a.sum())
            return total

        return run

    arrays = kern.arrays()
    nbytes = sum(a.nbytes for a in arrays)
    one_copy = kern.inputs()
    touched = arrays + kern.buffers()
    steps = {
        "round": one_round(kern),
        "stream": stream(arrays),
        "all": stream(touched),
        "one": stream(one_copy),
        "np_round": one_round(numpy_kern),
        "np_stream": stream(numpy_kern.arrays()),
    }
    for _ in range(20):  # warm caches and code paths
        for step in steps.values():
            step()
    times: dict[str, list[float]] = {name: [] for name in steps}
    for _ in range(samples):
        for name, step in steps.items():
            t0 = time.perf_counter()
            step()
            times[name].append(time.perf_counter() - t0)

    def ratio(num: str, den: str) -> float:
        return statistics.median(r / s for r, s in zip(times[num], times[den], strict=True))

    round_s = times["round"]
    s_round = statistics.median(round_s)
    s_stream = statistics.median(times["stream"])
    ratio_main = ratio("round", "stream")
    print(
        f"one round ({kind}): median {s_round * 1e6:.0f} us (min {min(round_s) * 1e6:.0f}); "
        f"streaming pass over the {len(arrays)} input arrays it reads "
        f"({nbytes / 1e6:.1f} MB): median {s_stream * 1e6:.0f} us; ratio {ratio_main:.2f}"
    )
    all_mb = sum(a.nbytes for a in touched) / 1e6
    print(
        f"  vs a pass over inputs and scratch buffers ({len(touched)} arrays, "
        f"{all_mb:.1f} MB): median {statistics.median(times['all']) * 1e6:.0f} us; "
        f"ratio {ratio('round', 'all'):.2f} (not the reported figure)"
    )
    print(
        f"  vs a pass over one copy of the inputs ({len(one_copy)} arrays, "
        f"{sum(a.nbytes for a in one_copy) / 1e6:.1f} MB): median "
        f"{statistics.median(times['one']) * 1e6:.0f} us; ratio {ratio('round', 'one'):.2f} "
        "(not the reported figure)"
    )
    s_round_np = statistics.median(times["np_round"])
    ratio_np = ratio("np_round", "np_stream")
    np_mb = sum(a.nbytes for a in numpy_kern.arrays()) / 1e6
    print(
        f"numpy's round (RoundKernel) in the same loop: median {s_round_np * 1e6:.0f} us; "
        f"its pass ({np_mb:.1f} MB) median {statistics.median(times['np_stream']) * 1e6:.0f} us; "
        f"ratio {ratio_np:.2f}"
    )

    # numpy's round's two indexed steps alone, each against the pass over its arrays: the
    # gather of log prices into the input list and the scatter of spending on inputs
    logp = np.log(prices)
    numpy_kern.values(prices)  # fills the spending per input entry (numpy_kern.gg)
    dval = np.zeros(n_goods)
    np_stream = steps["np_stream"]

    def gather() -> None:
        np.take(logp, numpy_kern.col, out=numpy_kern.g, mode="clip")

    def scatter() -> None:
        np.add.at(dval, numpy_kern.col, numpy_kern.gg)

    parts: dict[str, list[float]] = {"gather": [], "scatter": []}
    indexed = {"gather": gather, "scatter": scatter}
    for _ in range(samples):
        for name, step in indexed.items():
            t0 = time.perf_counter()
            step()
            t1 = time.perf_counter()
            np_stream()
            t2 = time.perf_counter()
            parts[name].append((t1 - t0) / (t2 - t1))
    gather_ratio = statistics.median(parts["gather"])
    scatter_ratio = statistics.median(parts["scatter"])
    print(
        f"  numpy's round: the gather of log prices into the {len(numpy_kern.col)} input entries "
        f"alone: {gather_ratio:.2f} passes; the scatter of spending on inputs per good alone "
        f"(np.add.at): {scatter_ratio:.2f} passes; together {gather_ratio + scatter_ratio:.2f}"
    )

    tracemalloc.start()
    run_plan(eco, GEN_START_PRICE, threshold=THRESHOLD, record_history=False)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KiB on Linux
    total_s = statistics.median(totals)
    print(
        f"whole plan: median {total_s:.3f} s over {repeats} runs "
        f"(min {min(totals):.3f}, max {max(totals):.3f}); "
        f"tracemalloc peak inside run_plan {traced_peak / 1e6:.1f} MB; "
        f"process peak RSS {peak_mb:.0f} MB"
    )
    print(
        f"in the same runs, run_plan's two phases: set-up (plan_setup) median "
        f"{setup_s * 1e3:.1f} ms (min {min(setups) * 1e3:.1f}), the {n_rounds} rounds median "
        f"{rounds_s * 1e3:.1f} ms (min {min(round_runs) * 1e3:.1f}); set-up / rounds "
        f"{setup_s / rounds_s:.2f}; {n_rounds} x one round alone: {n_rounds * s_round * 1e3:.1f} ms"
    )
    s_cpu, r_cpu = statistics.median(setup_cpu), statistics.median(rounds_cpu)
    print(
        f"  CPU time (process_time, both threads): set-up median {s_cpu * 1e3:.1f} ms, rounds "
        f"median {r_cpu * 1e3:.1f} ms; set-up / rounds {s_cpu / r_cpu:.2f}"
    )
    print(
        json.dumps(
            {
                "jit": jit,
                "first_plan_s": round(first_s, 4),
                "setup_s": round(setup_s, 4),
                "rounds_s": round(rounds_s, 4),
                "setup_cpu_s": round(s_cpu, 4),
                "rounds_cpu_s": round(r_cpu, 4),
                "rounds": n_rounds,
                "s_per_round": round(s_round, 6),
                "s_per_round_numpy": round(s_round_np, 6),
                "total_s": round(total_s, 4),
                "peak_mb": round(peak_mb, 1),
                "ratio_to_stream": round(ratio_main, 3),
                "ratio_to_stream_numpy": round(ratio_np, 3),
                "gather_to_stream": round(gather_ratio, 3),
                "scatter_to_stream": round(scatter_ratio, 3),
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
