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
- `s_per_round`: one round (proposals at given prices, excess, price update) timed on
  its own, median of ROUND_SAMPLES;
- `ratio_to_stream`: s_per_round over one streaming pass that reads every array a round
  reads once (`arr.sum()` over `RoundKernel.arrays()`), the two timed alternately so
  that both see the same machine state; median of the per-pair ratios. Two other
  references are printed, not reported: the scratch buffers too, and one copy of the
  inputs (`RoundKernel.inputs()`, without the by-good copy);
- `gather_to_stream`, `scatter_to_stream`: the round's two indexed steps alone against the
  same pass, timed alternately (medians of the per-pair ratios): the gather of log prices
  into the input list (`np.take`) and the scatter of spending on inputs per good
  (`np.add.at`). Every round does both, so their sum bounds `ratio_to_stream` from below;
- `peak_mb`: peak resident set size of the whole process (`resource.getrusage` maxrss:
  interpreter, numpy, the generated economy and the plan). tracemalloc's peak for
  run_plan alone is printed on an earlier line.

Usage: python benchmarks/bench_plan.py [--quick]. Prints readable lines, then ONE JSON
line last: {"setup_s", "rounds_s", "setup_cpu_s", "rounds_cpu_s", "rounds", "s_per_round",
"total_s", "peak_mb", "ratio_to_stream", "gather_to_stream", "scatter_to_stream"}.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

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
    price_step,
    run_plan,
)

THRESHOLD = 0.03
SPLITS = 3  # set-up and rounds timed apart this many times after each whole plan


def plan_setup(eco: PlanEconomy) -> RoundKernel:
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

    # one round vs one streaming pass over the arrays a round reads, alternately
    kern = RoundKernel(eco)
    arrays = kern.arrays()
    nbytes = sum(a.nbytes for a in arrays)
    p0 = res.price_history[0] if res.price_history is not None else None
    prices = np.full(n_goods, GEN_START_PRICE) if p0 is None else p0

    def one_round(p: np.ndarray) -> None:
        S, D = kern.values(p)
        kern.excess(S, D)
        price_step(p, S, D)

    def stream() -> float:
        total = 0.0
        for a in arrays:
            total += float(a.sum())
        return total

    one_copy = kern.inputs()

    def stream_one() -> float:
        total = 0.0
        for a in one_copy:
            total += float(a.sum())
        return total

    touched = arrays + kern.buffers()

    def stream_all() -> float:
        total = 0.0
        for a in touched:
            total += float(a.sum())
        return total

    for _ in range(20):  # warm caches and code paths
        one_round(prices)
        stream()
        stream_all()
        stream_one()
    round_s: list[float] = []
    stream_s: list[float] = []
    all_s: list[float] = []
    one_s: list[float] = []
    for _ in range(samples):
        t0 = time.perf_counter()
        one_round(prices)
        t1 = time.perf_counter()
        stream()
        t2 = time.perf_counter()
        stream_all()
        t3 = time.perf_counter()
        stream_one()
        t4 = time.perf_counter()
        round_s.append(t1 - t0)
        stream_s.append(t2 - t1)
        all_s.append(t3 - t2)
        one_s.append(t4 - t3)
    s_round = statistics.median(round_s)
    s_stream = statistics.median(stream_s)
    ratio = statistics.median(r / s for r, s in zip(round_s, stream_s, strict=True))
    ratio_all = statistics.median(r / s for r, s in zip(round_s, all_s, strict=True))
    print(
        f"one round: median {s_round * 1e6:.0f} us (min {min(round_s) * 1e6:.0f}); "
        f"streaming pass over the {len(arrays)} input arrays it reads "
        f"({nbytes / 1e6:.1f} MB): median {s_stream * 1e6:.0f} us; ratio {ratio:.2f}"
    )
    all_mb = sum(a.nbytes for a in touched) / 1e6
    print(
        f"  vs a pass over inputs and scratch buffers ({len(touched)} arrays, "
        f"{all_mb:.1f} MB): median {statistics.median(all_s) * 1e6:.0f} us; "
        f"ratio {ratio_all:.2f} (not the reported figure)"
    )
    ratio_one = statistics.median(r / s for r, s in zip(round_s, one_s, strict=True))
    print(
        f"  vs a pass over one copy of the inputs (without the kernel's by-good copy; "
        f"{len(one_copy)} arrays, {sum(a.nbytes for a in one_copy) / 1e6:.1f} MB): median "
        f"{statistics.median(one_s) * 1e6:.0f} us; ratio {ratio_one:.2f} (not the reported figure)"
    )

    # the round's two indexed steps alone, each against the same streaming pass: the
    # gather of log prices into the input list and the scatter of spending on inputs
    logp = np.log(prices)
    kern.values(prices)  # fills the spending per input entry (kern.gg)
    dval = np.zeros(n_goods)

    def gather() -> None:
        np.take(logp, kern.col, out=kern.g, mode="clip")

    def scatter() -> None:
        np.add.at(dval, kern.col, kern.gg)

    parts: dict[str, list[float]] = {"gather": [], "scatter": []}
    steps = {"gather": gather, "scatter": scatter}
    for _ in range(samples):
        for name, step in steps.items():
            t0 = time.perf_counter()
            step()
            t1 = time.perf_counter()
            stream()
            t2 = time.perf_counter()
            parts[name].append((t1 - t0) / (t2 - t1))
    gather_ratio = statistics.median(parts["gather"])
    scatter_ratio = statistics.median(parts["scatter"])
    print(
        f"  of which the gather of log prices into the {len(kern.col)} input entries alone: "
        f"{gather_ratio:.2f} passes; the scatter of spending on inputs per good alone "
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
                "setup_s": round(setup_s, 4),
                "rounds_s": round(rounds_s, 4),
                "setup_cpu_s": round(s_cpu, 4),
                "rounds_cpu_s": round(r_cpu, 4),
                "rounds": n_rounds,
                "s_per_round": round(s_round, 6),
                "total_s": round(total_s, 4),
                "peak_mb": round(peak_mb, 1),
                "ratio_to_stream": round(ratio, 3),
                "gather_to_stream": round(gather_ratio, 3),
                "scatter_to_stream": round(scatter_ratio, 3),
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
