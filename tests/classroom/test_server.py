"""The classroom server in-process through aiohttp's test client: joining, proposing, a
refused proposal, a group dropping out and taken over, votes, limits and the file table."""

from __future__ import annotations

import asyncio
import json

from aiohttp import WSMsgType
from aiohttp.test_utils import TestClient, TestServer

from game.classroom import server as srv
from game.classroom.classroom import Classroom
from game.classroom.launch import make_classroom
from game.classroom.play import LEAVE_GRACE
from game.classroom.session import ClassSetup

TIMEOUT = 5.0


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def make_room(level, clock: Clock, **kw) -> Classroom:
    room = make_classroom(level, ClassSetup("coop_network", 42, 20, mode="server"), code="123456", **kw)
    room.clock = clock
    return room


async def receive(ws, kind: str, pred=lambda m: True) -> dict:
    """The next message of a kind (skipping pushes of other kinds), bounded in time."""
    async with asyncio.timeout(TIMEOUT):
        while True:
            msg = await ws.receive()
            assert msg.type == WSMsgType.TEXT, msg
            data = json.loads(msg.data)
            if data["type"] == kind and pred(data):
                return data


def run(coro):
    return asyncio.run(asyncio.wait_for(coro, 60))


def test_join_propose_refuse_drop_and_take_over(coop_level):
    clock = Clock()
    room = make_room(coop_level, clock, round_seconds=60.0)

    async def scenario():
        async with TestClient(TestServer(srv.make_app(room))) as client:
            a = await client.ws_connect("/ws")
            await a.send_json({"type": "join", "code": "000000", "name": "Reds"})
            err = await receive(a, "error")
            assert err["code"] == "bad_code" and "code" in err["message"]
            await a.send_json({"type": "join", "code": "123456", "name": "Reds"})
            joined = await receive(a, "joined")
            token = joined["token"]
            assert joined["you"]["kind"] == "worker" and joined["texts"]["page"]["join"] == "Join"
            b = await client.ws_connect("/ws")
            await b.send_json({"type": "join", "code": "123456", "name": "Blues"})
            jb = await receive(b, "joined")
            assert jb["you"]["kind"] == "consumer"
            room.start()
            st = await receive(a, "state", lambda m: m["you"]["status"] == "round")
            you = st["you"]
            # a proposal outside the limits is refused, with the good and the range
            await a.send_json({"type": "propose", "quantities": [x * 10 + 1 for x in you["hi"]]})
            err = await receive(a, "error")
            assert err["code"] == "out_of_bounds" and "outside the allowed range" in err["message"]
            await a.send_json({"type": "propose", "quantities": [1.0]})
            assert (await receive(a, "error"))["code"] == "wrong_length"
            # a preview says what the proposal would mean
            await a.send_json({"type": "preview", "quantities": you["suggested"]})
            pv = await receive(a, "preview")
            assert pv["preview"]["effort"] > 0
            await a.send_json({"type": "propose", "quantities": you["suggested"]})
            assert (await receive(a, "accepted"))["round"] == 1
            assert room.play.round == 1  # still waiting for Blues
            # Blues drops out: after the grace period its council is taken over and the
            # round closes without it
            await b.close()
            for _ in range(100):
                if not room.play.groups["g2"].connected:
                    break
                await asyncio.sleep(0.02)
            clock.t += LEAVE_GRACE + 1
            st = await receive(a, "state", lambda m: m["you"]["round"] == 2)
            assert room.play.groups["g2"].away
            assert room.play.history[0].taken_over == ["g2"]
            # round 2: only Reds is awaited; its proposal closes the round at once
            await a.send_json({"type": "propose", "quantities": st["you"]["suggested"]})
            await receive(a, "state", lambda m: m["you"]["round"] == 3)
            # Blues comes back with its token and gets its council back
            b2 = await client.ws_connect("/ws")
            await b2.send_json({"type": "join", "token": jb["token"]})
            back = await receive(b2, "joined")
            assert back["you"]["council"] == jb["you"]["council"] and not room.play.groups["g2"].away
            # a stranger's token is refused
            c = await client.ws_connect("/ws")
            await c.send_json({"type": "join", "token": "nope"})
            assert (await receive(c, "error"))["code"] == "not_joined"
            await c.send_json({"type": "propose", "quantities": [1]})
            assert (await receive(c, "error"))["code"] == "not_joined"
            assert token != jb["token"]
            for ws in (a, b2, c):
                await ws.close()

    run(scenario())


def test_plan_converges_through_the_server(coop_level):
    clock = Clock()
    room = make_room(coop_level, clock, round_seconds=None)

    async def scenario():
        async with TestClient(TestServer(srv.make_app(room))) as client:
            sockets = []
            for name in ("A", "B", "C"):
                ws = await client.ws_connect("/ws")
                await ws.send_json({"type": "join", "code": "123456", "name": name})
                await receive(ws, "joined")
                sockets.append(ws)
            board = await client.ws_connect("/ws")
            await board.send_json({"type": "board", "key": room.teacher_key})
            assert (await receive(board, "board"))["teacher"] is True
            await board.send_json({"type": "teacher", "key": room.teacher_key, "action": "start"})
            for rnd in range(1, room.play.max_rounds + 1):
                states = [
                    await receive(
                        ws,
                        "state",
                        lambda m, r=rnd: (
                            m["you"]["round"] >= r and m["you"]["status"] == "round" or m["finished"]
                        ),
                    )
                    for ws in sockets
                ]
                if states[0]["you"]["status"] != "round":
                    break
                for ws, st in zip(sockets, states, strict=True):
                    await ws.send_json({"type": "propose", "quantities": st["you"]["suggested"]})
                for ws in sockets:
                    await receive(ws, "accepted")
            final = await receive(board, "board", lambda m: m["outcome"] is not None)
            assert final["board"]["status"] == "converged"
            assert final["outcome"]["class"]["rounds"] == final["outcome"]["automatic"]["rounds"]
            assert room.session.plans and room.session.plans[0]["class"]["converged"]
            for ws in [*sockets, board]:
                await ws.close()

    run(scenario())


def test_votes_by_groups_and_by_hands(coop_level):
    room = make_room(coop_level, Clock())

    async def scenario():
        async with TestClient(TestServer(srv.make_app(room))) as client:
            ws = []
            for name in ("A", "B", "C"):
                s = await client.ws_connect("/ws")
                await s.send_json({"type": "join", "code": "123456", "name": name})
                await receive(s, "joined")
                ws.append(s)
            board = await client.ws_connect("/ws")
            await board.send_json({"type": "board", "key": room.teacher_key})
            await receive(board, "board")
            key = room.teacher_key
            await board.send_json({"type": "teacher", "key": key, "action": "vote_actions", "mode": "groups"})
            st = await receive(ws[0], "state", lambda m: m["vote"] is not None)
            vote = st["vote"]
            first, second = vote["options"][0]["id"], vote["options"][1]["id"]
            await ws[0].send_json({"type": "vote", "vote": vote["id"], "option": second})
            await ws[1].send_json({"type": "vote", "vote": vote["id"], "option": second})
            await ws[2].send_json({"type": "vote", "vote": vote["id"], "option": first})
            for s in ws:
                await receive(s, "voted")
            await ws[0].send_json({"type": "vote", "vote": vote["id"], "option": "nonsense"})
            assert (await receive(ws[0], "error"))["code"] == "unknown_option"
            # a student cannot act as the teacher
            await ws[0].send_json({"type": "teacher", "key": "guess", "action": "close_vote"})
            assert (await receive(ws[0], "error"))["code"] == "not_teacher"
            await board.send_json({"type": "teacher", "key": key, "action": "close_vote"})
            closed = await receive(board, "board", lambda m: m["vote"] and m["vote"]["closed"])
            assert closed["vote"]["winner"] == second
            await board.send_json({"type": "teacher", "key": key, "action": "play_turn"})
            await receive(board, "board", lambda m: m["game"]["turn"] == 2)
            assert room.session.reports[0]["actions"] == [second]
            # by hands: the teacher types the counts
            await board.send_json({"type": "teacher", "key": key, "action": "vote_actions", "mode": "hands"})
            v2 = (await receive(board, "board", lambda m: m["vote"] and m["vote"]["mode"] == "hands"))["vote"]
            await ws[0].send_json({"type": "vote", "vote": v2["id"], "option": v2["options"][0]["id"]})
            assert (await receive(ws[0], "error"))["code"] == "hands_vote"
            opt = v2["options"][1]["id"]
            await board.send_json(
                {"type": "teacher", "key": key, "action": "hands", "option": opt, "hands": 17}
            )
            await board.send_json({"type": "teacher", "key": key, "action": "close_vote"})
            done = await receive(board, "board", lambda m: m["vote"] and m["vote"]["closed"])
            assert done["vote"]["winner"] == opt
            rec = room.session.record()["votes"]
            assert [v["mode"] for v in rec] == ["groups", "hands"] and rec[1]["winner"] == opt
            for s in [*ws, board]:
                await s.close()

    run(scenario())


def test_limits_size_rate_origin_and_files(coop_level):
    room = make_room(coop_level, Clock())

    async def scenario():
        async with TestClient(TestServer(srv.make_app(room))) as client:
            for path in ("/", "/board", "/static/app.js", "/static/style.css"):
                r = await client.get(path)
                assert r.status == 200, path
                assert "default-src 'self'" in r.headers["Content-Security-Policy"]
            for path in (
                "/static/../server.py",
                "/static/..%2fserver.py",
                "/static/%2e%2e%2f%2e%2e%2fpyproject.toml",
                "/static/server.py",
                "/../../pyproject.toml",
                "/static/",
            ):
                r = await client.get(path)
                assert r.status == 404, path
            r = await client.get("/ws", headers={"Origin": "http://evil.example"})
            assert r.status == 403
            ws = await client.ws_connect("/ws")
            await ws.send_str("x" * (srv.MAX_MESSAGE + 10))
            msg = await asyncio.wait_for(ws.receive(), TIMEOUT)
            assert msg.type in (WSMsgType.CLOSE, WSMsgType.CLOSED, WSMsgType.CLOSING)
            ws = await client.ws_connect("/ws")
            await ws.send_str("not json")
            assert (await receive(ws, "error"))["code"] == "bad_message"
            for _ in range(srv.BURST + 5):
                await ws.send_json({"type": "preview", "quantities": []})
            errs = []
            async with asyncio.timeout(TIMEOUT):
                while "rate" not in errs:
                    errs.append((await receive(ws, "error"))["code"])
            await ws.close()

    run(scenario())
