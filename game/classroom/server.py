"""The classroom server: the students' page, the projector's board and one websocket per page.

Why aiohttp: one well-kept asynchronous library gives the HTTP server, websockets and an
in-process test client (aiohttp.test_utils), with no framework or build step around it; a
few dozen school devices need one process and one thread, and the game's planning code
runs in that thread between messages (a round is a millisecond of numpy).

Safety for a school network:
- it listens on 127.0.0.1 unless the teacher asks for the local network (`--lan`);
- only the files of the `static` folder are served, looked up by name in a fixed table
  built at start (a path never reaches the file system);
- a websocket message may be at most MAX_MESSAGE bytes and a page may send RATE messages a
  second (a burst of BURST); beyond that it gets an error, and a flood closes it;
- every proposal is checked on the server against its own council's human-paced limits;
- teacher actions need the teacher's key, which only the projector's address carries;
- a websocket from another site's page (a foreign Origin) is refused.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from aiohttp import WSMsgType, web

from game.classroom.classroom import Classroom
from game.classroom.play import PlayError
from game.classroom.texts import page_texts
from game.classroom.votes import VoteError

STATIC = Path(__file__).resolve().parent / "static"
MAX_MESSAGE = 4096
MAX_BODY = 16_384
RATE = 8.0  # messages per second, refilled continuously
BURST = 24
FLOOD = 200  # messages over the limit before the socket is closed
TICK = 0.25
BROADCAST_DELAY = 0.02  # coalesce bursts of changes into one update per page
TYPES = {".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml"}

CLASSROOM = web.AppKey("classroom", Classroom)
HUB = web.AppKey("hub", object)
FILES = web.AppKey("files", dict)


class Bucket:
    """A token bucket: `take` is False when a page sends faster than RATE (burst BURST)."""

    def __init__(self, rate: float = RATE, burst: int = BURST) -> None:
        self.rate, self.burst = rate, float(burst)
        self.tokens = float(burst)
        self.t = time.monotonic()
        self.over = 0

    def take(self) -> bool:
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.t) * self.rate)
        self.t = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return True
        self.over += 1
        return False


def static_table(folder: Path = STATIC) -> dict[str, tuple[bytes, str]]:
    """name -> (content, type) for every shipped page file; read once, served from memory."""
    table = {}
    for f in sorted(folder.iterdir()):
        if f.is_file() and f.suffix in TYPES:
            table[f.name] = (f.read_bytes(), TYPES[f.suffix])
    return table


class Hub:
    """The open websockets and the task that pushes state to them after every change."""

    def __init__(self, room: Classroom) -> None:
        self.room = room
        self.students: dict[web.WebSocketResponse, str | None] = {}
        self.boards: set[web.WebSocketResponse] = set()
        self.changed = asyncio.Event()
        self.sent_version = -1
        self.tasks: list[asyncio.Task] = []

    def poke(self) -> None:
        self.changed.set()

    async def broadcaster(self) -> None:
        while True:
            await self.changed.wait()
            await asyncio.sleep(BROADCAST_DELAY)
            self.changed.clear()
            await self.push_all()

    async def push_all(self) -> None:
        room = self.room
        self.sent_version = room.version
        board = json.dumps(room.board_state())
        sends = [self._send(ws, board) for ws in list(self.boards)]
        for ws, gid in list(self.students.items()):
            if gid is not None and gid in room.play.groups:
                sends.append(self._send(ws, json.dumps(room.group_state(gid))))
        await asyncio.gather(*sends)

    async def _send(self, ws: web.WebSocketResponse, text: str) -> None:
        if not ws.closed:
            with contextlib.suppress(ConnectionError, RuntimeError):
                await ws.send_str(text)

    async def ticker(self) -> None:
        last_second = -1
        while True:
            await asyncio.sleep(TICK)
            changed = self.room.tick()
            second = int(time.monotonic())
            if changed or self.room.version != self.sent_version:
                self.poke()
            elif second != last_second and self.room.play.deadline is not None and self.boards:
                self.poke()  # the countdown on the projector
            last_second = second


def _same_origin(request: web.Request) -> bool:
    origin = request.headers.get("Origin")
    if not origin or origin == "null":
        return origin is None
    return urlsplit(origin).netloc == request.host


async def _page(request: web.Request) -> web.Response:
    return _serve(request, request.match_info.get("name") or "index.html")


async def _board_page(request: web.Request) -> web.Response:
    return _serve(request, "board.html")


def _serve(request: web.Request, name: str) -> web.Response:
    table = request.app[FILES]
    if name not in table:
        raise web.HTTPNotFound()
    body, ctype = table[name]
    return web.Response(
        body=body,
        content_type=ctype,
        charset="utf-8",
        headers={
            "Content-Security-Policy": "default-src 'self'; connect-src 'self'; img-src 'self' data:",
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "no-store",
        },
    )


async def _texts(request: web.Request) -> web.Response:
    return web.json_response(page_texts(request.app[CLASSROOM].tr, request.app[CLASSROOM].goods))


async def _socket(request: web.Request) -> web.WebSocketResponse:
    if not _same_origin(request):
        raise web.HTTPForbidden(text="cross-site websocket refused")
    room: Classroom = request.app[CLASSROOM]
    hub: Hub = request.app[HUB]  # type: ignore[assignment]
    ws = web.WebSocketResponse(max_msg_size=MAX_MESSAGE, heartbeat=20.0, compress=False)
    await ws.prepare(request)
    hub.students[ws] = None
    bucket = Bucket()
    try:
        async for msg in ws:
            if msg.type == WSMsgType.ERROR:
                break
            if msg.type != WSMsgType.TEXT:
                await ws.send_json(_err(room, "bad_message"))
                continue
            if not bucket.take():
                if bucket.over > FLOOD:
                    await ws.close(code=1008, message=b"rate")
                    break
                await ws.send_json(_err(room, "rate"))
                continue
            try:
                data = json.loads(msg.data)
                if not isinstance(data, dict):
                    raise ValueError
            except ValueError:
                await ws.send_json(_err(room, "bad_message"))
                continue
            reply = _handle(room, hub, ws, data)
            if reply is not None:
                await ws.send_json(reply)
            if room.version != hub.sent_version:
                hub.poke()
    finally:
        gid = hub.students.pop(ws, None)
        hub.boards.discard(ws)
        if gid is not None and not any(v == gid for v in hub.students.values()):
            room.leave(gid)
            hub.poke()
    return ws


def _mode(data: dict[str, Any]) -> str:
    return "hands" if data.get("mode") == "hands" else "groups"


def _err(room: Classroom, code: str) -> dict[str, Any]:
    return room.error(PlayError(code, code))


def _handle(
    room: Classroom, hub: Hub, ws: web.WebSocketResponse, data: dict[str, Any]
) -> dict[str, Any] | None:
    kind = data.get("type")
    gid = hub.students.get(ws)
    try:
        if kind == "join":
            if isinstance(data.get("token"), str):
                g = room.rejoin(data["token"])
            else:
                g = room.join(str(data.get("code", "")), str(data.get("name", "")))
            hub.students[ws] = g.id
            return {
                **room.group_state(g.id),
                "type": "joined",
                "token": g.token,
                "group": g.id,
                "texts": page_texts(room.tr, room.goods),
            }
        if kind == "board":
            if data.get("key") != room.teacher_key and data.get("watch") is not True:
                raise PlayError("not_teacher", "wrong teacher key")
            hub.students.pop(ws, None)
            hub.boards.add(ws)
            return {
                **room.board_state(),
                "texts": page_texts(room.tr, room.goods),
                "teacher": data.get("key") == room.teacher_key,
            }
        if kind == "teacher":
            if data.get("key") != room.teacher_key:
                raise PlayError("not_teacher", "wrong teacher key")
            action = data.get("action")
            if action == "start":
                room.start()
            elif action == "close_round":
                room.close_round()
            elif action == "stop":
                room.stop()
            elif action == "hands":
                room.set_hands(str(data.get("option")), data.get("hands"))  # type: ignore[arg-type]
            elif action == "close_vote":
                room.close_vote()
            elif action == "vote_event":
                room.vote_event(_mode(data))
            elif action == "vote_actions":
                room.vote_actions(_mode(data))
            elif action == "play_turn":
                room.play_turn()
            else:
                raise PlayError("bad_message", "unknown teacher action")
            return None
        if gid is None:
            raise PlayError("not_joined", "join first")
        if kind == "propose":
            room.propose(gid, data.get("quantities"))
            return {"type": "accepted", "round": room.play.round}
        if kind == "preview":
            return {"type": "preview", "preview": room.preview(gid, data.get("quantities"))}
        if kind == "vote":
            room.cast(gid, str(data.get("vote")), str(data.get("option")))
            return {"type": "voted"}
        raise PlayError("bad_message", "unknown message")
    except (PlayError, VoteError) as exc:
        return room.error(exc)
    except KeyError:
        return _err(room, "not_joined")


async def _start_tasks(app: web.Application) -> None:
    hub: Hub = app[HUB]  # type: ignore[assignment]
    hub.tasks = [asyncio.create_task(hub.broadcaster()), asyncio.create_task(hub.ticker())]


async def _stop_tasks(app: web.Application) -> None:
    hub: Hub = app[HUB]  # type: ignore[assignment]
    for t in hub.tasks:
        t.cancel()
    for t in hub.tasks:
        with contextlib.suppress(asyncio.CancelledError):
            await t
    for ws in list(hub.students) + list(hub.boards):
        await ws.close()


def make_app(room: Classroom) -> web.Application:
    app = web.Application(client_max_size=MAX_BODY)
    app[CLASSROOM] = room
    app[HUB] = Hub(room)
    app[FILES] = static_table()
    app.router.add_get("/", _page)
    app.router.add_get("/board", _board_page)
    app.router.add_get("/texts.json", _texts)
    app.router.add_get("/ws", _socket)
    app.router.add_get("/static/{name}", _page)
    app.on_startup.append(_start_tasks)
    app.on_shutdown.append(_stop_tasks)
    return app


def lan_address() -> str:
    """This machine's address on the local network (no packet is sent: connecting a UDP
    socket only picks the route), or 127.0.0.1 if it has none."""
    import socket

    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        s.connect(("10.255.255.255", 1))
        return str(s.getsockname()[0])
    except OSError:
        return "127.0.0.1"
    finally:
        s.close()


class ServerThread:
    """The server in a background thread with its own event loop (for the game window)."""

    def __init__(self, room: Classroom, host: str = "127.0.0.1", port: int = 8765) -> None:
        import threading

        self.room, self.host, self.port = room, host, port
        self.loop = asyncio.new_event_loop()
        self.ready = threading.Event()
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="classroom-server", daemon=True)
        self.runner: web.AppRunner | None = None

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        try:
            self.runner = web.AppRunner(make_app(self.room), handle_signals=False)
            self.loop.run_until_complete(self.runner.setup())
            site = web.TCPSite(self.runner, self.host, self.port)
            self.loop.run_until_complete(site.start())
            if self.port == 0:
                self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        except BaseException as exc:  # reported to the caller: port in use, no permission
            self.error = exc
            self.ready.set()
            return
        self.ready.set()
        self.loop.run_forever()
        self.loop.run_until_complete(self.runner.cleanup())
        self.loop.close()

    def start(self, timeout: float = 10.0) -> None:
        self.thread.start()
        self.ready.wait(timeout)
        if self.error is not None:
            raise self.error

    def poke(self) -> None:
        """Push the state to every page now (after a change made from the game window)."""
        hub = self.runner.app[HUB] if self.runner else None
        if hub is not None:
            self.loop.call_soon_threadsafe(hub.poke)  # type: ignore[attr-defined]

    def stop(self) -> None:
        if self.loop.is_running():
            self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10.0)
