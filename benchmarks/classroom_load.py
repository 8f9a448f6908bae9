"""Load test: 40 simulated groups propose at once against the classroom server on 127.0.0.1.

The server is the real command (`python main.py classroom coop_network --port P`) in its own
process; this script reads the join code and the teacher's key from its output, opens 40
websockets (aiohttp's client), joins 40 groups, starts the planning from the teacher's
board socket and plays every round: as soon as the last group has the round's state, all 40
send their proposal at the same moment (the automatic suggestion, so the plan converges as
the automatic one does).

Measured per round: `round_s`, from the moment all 40 proposals are sent to the moment all
40 pages have the next round's state (validation of 40 proposals, the round's planning,
the price update and 40 state pushes); per proposal: `ack_s`, from sending to the server's
"accepted". Bounded: at most MAX_ROUNDS rounds and LIMIT_S seconds in all, and the server
process is always stopped.

Usage: python benchmarks/classroom_load.py [--groups N] [--port P]. Prints readable lines,
then ONE JSON line last: {"groups", "rounds", "converged", "round_median_s", "round_p99_s",
"ack_median_s", "ack_p99_s", "join_s"}.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
MAX_ROUNDS = 40
LIMIT_S = 180.0


def p99(xs: list[float]) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, int(round(0.99 * (len(s) - 1))))]


async def next_of(ws: aiohttp.ClientWebSocketResponse, pred) -> dict:
    while True:
        msg = await ws.receive()
        if msg.type != aiohttp.WSMsgType.TEXT:
            raise RuntimeError(f"socket closed: {msg}")
        data = json.loads(msg.data)
        if data.get("type") == "error":
            raise RuntimeError(data["message"])
        if pred(data):
            return data


async def drive(port: int, code: str, key: str, groups: int) -> dict:
    url = f"http://127.0.0.1:{port}/ws"
    async with aiohttp.ClientSession() as http:
        t0 = time.perf_counter()
        socks = [await http.ws_connect(url) for _ in range(groups)]
        for i, ws in enumerate(socks):
            await ws.send_json({"type": "join", "code": code, "name": f"Group {i + 1}"})
        await asyncio.gather(*(next_of(ws, lambda m: m["type"] == "joined") for ws in socks))
        join_s = time.perf_counter() - t0
        teacher = await http.ws_connect(url)
        await teacher.send_json({"type": "board", "key": key})
        await teacher.send_json({"type": "teacher", "key": key, "action": "start"})
        rounds, acks = [], []
        states = await asyncio.gather(
            *(next_of(ws, lambda m: m["type"] == "state" and m["you"]["status"] == "round") for ws in socks)
        )
        converged = False
        for rnd in range(1, MAX_ROUNDS + 1):

            async def propose(ws, st):
                t = time.perf_counter()
                await ws.send_json({"type": "propose", "quantities": st["you"]["suggested"]})
                await next_of(ws, lambda m: m["type"] == "accepted")
                acks.append(time.perf_counter() - t)

            start = time.perf_counter()
            await asyncio.gather(*(propose(ws, st) for ws, st in zip(socks, states, strict=True)))
            states = await asyncio.gather(
                *(
                    next_of(
                        ws,
                        lambda m, r=rnd: (
                            m["type"] == "state"
                            and (m["finished"] or m["you"]["round"] > r and m["you"]["status"] == "round")
                        ),
                    )
                    for ws in socks
                )
            )
            rounds.append(time.perf_counter() - start)
            if states[0]["finished"]:
                converged = states[0]["you"]["status"] == "converged"
                break
        for ws in [*socks, teacher]:
            await ws.close()
    return {
        "groups": groups,
        "rounds": len(rounds),
        "converged": converged,
        "round_median_s": statistics.median(rounds),
        "round_p99_s": p99(rounds),
        "ack_median_s": statistics.median(acks),
        "ack_p99_s": p99(acks),
        "join_s": join_s,
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--groups", type=int, default=40)
    ap.add_argument("--port", type=int, default=8790)
    args = ap.parse_args()
    if not 1 <= args.groups <= 80:
        print("--groups: 1 to 80", file=sys.stderr)
        return 2
    cmd = [sys.executable, "main.py", "classroom", "coop_network", "--port", str(args.port)]
    cmd += ["--groups", str(args.groups), "--round-seconds", "600"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        code = key = None
        deadline = time.monotonic() + 60
        assert proc.stdout is not None
        while (code is None or key is None) and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            if m := re.search(r"enter the code (\d+)", line):
                code = m.group(1)
            if m := re.search(r"board\?key=(\S+)", line):
                key = m.group(1)
        if code is None or key is None:
            print("the server did not start", file=sys.stderr)
            return 1
        result = asyncio.run(asyncio.wait_for(drive(args.port, code, key, args.groups), LIMIT_S))
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
    print(f"{result['groups']} groups joined in {result['join_s']:.3f} s")
    print(f"{result['rounds']} rounds, converged: {result['converged']}")
    for label, key in (("round", "round"), ("proposal ack", "ack")):
        med, top = result[f"{key}_median_s"] * 1000, result[f"{key}_p99_s"] * 1000
        print(f"{label}: median {med:.1f} ms, p99 {top:.1f} ms")
    print(json.dumps({k: round(v, 5) if isinstance(v, float) else v for k, v in result.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
