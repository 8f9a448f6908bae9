"""`classroom LEVEL [--port N] [--lan]`: the classroom server on the teacher's machine.

Students open the address on the projector in any browser on the same network, type the
join code and a group name, and each group plays one council of the level's council economy
in the class's planning rounds. The facilitation board (join code, prices, excess per good,
who has proposed, the countdown, the teacher's buttons and the class votes) is the page
`/board?key=...`, printed at start: show it on the projector. Ctrl+C ends the session; with
`--out DIR` the class's run and debrief are written there.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
from pathlib import Path

from game.commands.args import number_in
from game.errors import UserError, part
from game.i18n import LANGUAGES, N_
from game.os_words import os_reason

_port = number_in(
    int, N_("not a port number"), N_("a port is a number from 1024 to 65535, not {value}"), 1024, 65535
)
_seconds = number_in(
    float, N_("not a number of seconds"), N_("a round lasts 10 to 600 seconds, not {value:g}"), 10, 600
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    from game.commands.simulate import seed_value

    p.add_argument("level", help="a level id (or level file)")
    p.add_argument("--port", type=_port, default=8765, help="port to listen on (default 8765)")
    p.add_argument(
        "--lan",
        action="store_true",
        help="listen on the local network so students' devices can join (default: this computer only)",
    )
    p.add_argument("--seed", type=seed_value, default=1, help="the class game's seed (default 1)")
    p.add_argument("--minutes", type=int, choices=(20, 45), default=45, help="lesson length: sets the turns")
    p.add_argument(
        "--difficulty",
        choices=("gentle", "standard", "hard"),
        default="standard",
        help="the old elite's strength: gentle (0.6 times the level's), standard or hard (1.4 times)",
    )
    p.add_argument("--round-seconds", type=_seconds, default=90.0, help="time for each planning round")
    p.add_argument("--groups", type=int, default=40, help="most groups that may join (1 to 80)")
    p.add_argument("--lang", choices=tuple(LANGUAGES), default="en", help="language of the pages")
    p.add_argument("--mods", type=Path, action="append", default=[], help="extra mods folder")
    p.add_argument(
        "--out", type=Path, metavar="DIR", help="write the class's run and debrief here at the end"
    )


def run(args: argparse.Namespace) -> int:
    from aiohttp import web

    from game.classroom.launch import make_classroom, write_class_report
    from game.classroom.server import lan_address, make_app
    from game.classroom.session import ClassSetup
    from game.levels.catalog import resolve_level

    if not 1 <= args.groups <= 80:
        raise UserError.of(part(N_("--groups {n}: a class has 1 to 80 groups"), n=args.groups))
    if args.out is not None and args.out.exists() and not args.out.is_dir():
        raise UserError.of(part(N_("{flag} {path}: not a folder"), flag="--out", path=args.out))
    loaded = resolve_level(args.level, args.mods)
    setup = ClassSetup(loaded.level.id, args.seed, args.minutes, args.difficulty, "server")
    room = make_classroom(loaded.level, setup, args.lang, args.round_seconds, args.groups)
    host = "0.0.0.0" if args.lan else "127.0.0.1"
    shown = lan_address() if args.lan else "127.0.0.1"
    url = f"http://{shown}:{args.port}"

    async def serve() -> None:
        runner = web.AppRunner(make_app(room), handle_signals=False)
        await runner.setup()
        try:
            await web.TCPSite(runner, host, args.port).start()
        except OSError as exc:
            await runner.cleanup()
            raise UserError.of(
                part(
                    N_("cannot listen on port {port}: {why}; try --port with another number"),
                    port=args.port,
                    why=os_reason(exc),
                ),
                code=1,
            ) from None
        stop = asyncio.Event()
        with contextlib.suppress(NotImplementedError, RuntimeError):  # no signal handlers on Windows
            asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
        print(f"Classroom for {loaded.level.id} (scenario code {setup.scenario_code})")
        print(f"Students open: {url}/  and enter the code {room.code}")
        print(f"Projector (the teacher's board): {url}/board?key={room.teacher_key}")
        if not args.lan:
            print("Listening on this computer only; add --lan to let students' devices join.")
        print("Ctrl+C ends the session.", flush=True)
        try:
            await stop.wait()
        finally:
            await runner.cleanup()

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve())
    if args.out is not None:
        files = write_class_report(room, args.out, args.lang)
        print("wrote " + ", ".join(str(f) for f in files))
    return 0
