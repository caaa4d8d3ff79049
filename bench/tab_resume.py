"""Benchmark: the time for a closed browser tab to resume its seat (issue #7).

A browser joins a served class with the join code (a cookie now holds its seat), opens the app,
chooses its persona and closes the tab. The tab is opened again: the figure is the time from the
new websocket's connect to the first frame that shows the remembered persona's Beranda (a new seat
process starts, reads `kursi.posisi` and goes back there by itself, nothing typed).

Run from the repository root (prints the figure; asserts nothing):
    .venv/bin/python bench/tab_resume.py [--db kelas.db] [--runs 3]
Without --db a fresh two-seat class in a temporary folder is used. `resume_time(db)` is what
bench/reliability.py calls; given a file that holds no class yet, it creates one (2 seats, T01).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BERANDA = b"Tanggal virtual"  # a line only the Beranda shows (tui.beranda.jam, Indonesian)


def make_class(path: Path, seats: int, *, name: str = "Uji", pin: str | None = None,
               round_for: list[int] | str | None = None) -> str:
    """A class file of `seats` seats, T01 started for the seats in `round_for` ("semua": every seat);
    returns its join code. The one way a bench or a test makes a class to serve."""
    from sandbox.store import open_store
    from sandbox.training.classroom import create_class, start_round
    from sandbox.training.scenario import load_scenario

    with open_store(path) as store:
        info = create_class(store, name, seats, pin=pin)
        if round_for == "semua":
            start_round(store, info.id, load_scenario("T01"))
        elif round_for:
            start_round(store, info.id, load_scenario("T01"), seats=list(round_for))
        return info.kode_gabung


def _prepare(db: Path) -> str:
    """The class's join code; a class of two seats running T01 is made when the file has none."""
    from sandbox.store import open_store
    from sandbox.training.classroom import class_info

    with open_store(db) as store:
        if store.conn.execute("SELECT count(*) FROM kelas").fetchone()[0]:
            return class_info(store).kode_gabung
    return make_class(db, 2, name="Uji lanjut", round_for="semua")


def _seat_ready(db: Path, token: str) -> tuple[int, str]:
    """The seat the token holds (a round started for it if it has none) and its first persona's name."""
    from sandbox.store import open_store
    from sandbox.training.access import remember_place, seat_of_token
    from sandbox.training.attempt import scenario_of, world_of
    from sandbox.training.classroom import class_info, current_attempt, start_round
    from sandbox.training.scenario import load_scenario

    with open_store(db) as store:
        info = class_info(store)
        seat = seat_of_token(store, info.id, token)
        attempt = current_attempt(store, info.id, seat)
        if attempt is None or attempt["selesai_wall_ts"]:
            start_round(store, info.id, load_scenario("T01"), seats=[seat])
            attempt = current_attempt(store, info.id, seat)
        remember_place(store, info.id, seat, {})  # the first tab starts at the seat screen
        role = scenario_of(attempt).peran[0]
        nip = world_of(store, attempt["id"]).cast.nip(role)
        name = store.conn.execute("SELECT nama FROM pegawai WHERE nip = ?", [nip]).fetchone()[0]
    return seat, name


async def read_until(ws, needles: list[bytes], timeout: float) -> tuple[bytes, float | None]:
    """Read the app's output until every needle has been seen; (what was read, when the last
    needle arrived (perf_counter) or None on timeout)."""
    import aiohttp

    seen = b""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        try:
            msg = await ws.receive(timeout=max(0.1, min(2.0, deadline - time.perf_counter())))
        except TimeoutError:
            continue
        if msg.type not in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT):
            break
        seen += msg.data if isinstance(msg.data, bytes) else msg.data.encode()
        if all(n in seen for n in needles):
            return seen, time.perf_counter()
    return seen, None


async def _measure(url: str, db: Path, code: str, timeout: float) -> tuple[float, str, bytes]:
    import aiohttp

    jar = aiohttp.CookieJar(unsafe=True)  # cookies from an IP address, as browsers keep them
    async with aiohttp.ClientSession(cookie_jar=jar) as client:
        async with client.get(f"{url}/?kode={code}", allow_redirects=False) as answer:
            if answer.status != 303:
                raise RuntimeError(f"join refused: HTTP {answer.status}")
        token = next(c.value for c in jar if c.key == "ekinerja_kursi")
        seat, name = _seat_ready(db, token)
        ws_url = url.replace("http://", "ws://") + "/ws"
        # the first tab: the seat screen, Enter past the name, Enter on the first role → the Beranda;
        # then the tab closes
        async with client.ws_connect(ws_url) as ws:
            await ws.send_str(json.dumps(["resize", {"width": 100, "height": 30}]))
            seen, at = await read_until(ws, [f"Kursi {seat}".encode()], timeout)
            if at is None:
                raise RuntimeError("the seat screen did not appear")
            await asyncio.sleep(0.3)  # the name field takes focus after it is drawn
            await ws.send_str(json.dumps(["stdin", "\r"]))  # no name: on to the roles
            await asyncio.sleep(0.3)
            await ws.send_str(json.dumps(["stdin", "\r"]))  # the first role
            seen, at = await read_until(ws, [BERANDA], timeout)
            if at is None:
                raise RuntimeError("the persona was not chosen")
            await asyncio.sleep(0.5)  # the place is written after the screen is drawn
        # the tab reopened: connect → the Beranda of the same persona, nothing typed
        began = time.perf_counter()
        async with client.ws_connect(ws_url) as ws:
            await ws.send_str(json.dumps(["resize", {"width": 100, "height": 30}]))
            seen, at = await read_until(ws, [BERANDA, name.encode()], timeout)
        if at is not None:  # the persona's name drawn by the Beranda, not only in the seat's role list
            after_seat = seen[max(0, seen.rfind(f"Kursi {seat}".encode())):]
            if BERANDA not in after_seat or name.encode() not in after_seat:
                at = None
        _release(db, seat)  # the next run (or the class's trainees) can have the seat again
        if at is None:
            raise RuntimeError(f"the tab did not resume within {timeout:.0f} s")
        return at - began, name, after_seat


def _release(db: Path, seat: int) -> None:
    from sandbox.store import open_store
    from sandbox.training.access import release
    from sandbox.training.classroom import class_info

    with open_store(db) as store:
        release(store, class_info(store).id, [seat])


class ServedClass:
    """`ekinerja serve --host 127.0.0.1` on a free port, in its own process as in a classroom (this
    process then opens the class file only between the server's requests, never alongside it).
    `extra` are more `serve` options; with `log_path`, what the server prints (the trainer's
    terminal, stdout and stderr) goes to that file (`output()`), else nowhere."""

    def __init__(self, db: Path, *extra: str, log_path: Path | None = None,
                 env: dict[str, str] | None = None) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.db = db
        self.extra = list(extra)
        self.log_path = log_path
        self.env = env  # None: this process's environment
        self._log = None
        self.process: subprocess.Popen | None = None

    @property
    def pid(self) -> int:
        return self.process.pid

    def __enter__(self) -> ServedClass:
        self._log = open(self.log_path, "wb") if self.log_path else None  # noqa: SIM115 (closed in __exit__)
        out = self._log or subprocess.DEVNULL
        self.process = subprocess.Popen(
            [sys.executable, "-m", "sandbox", "serve", "--db", str(self.db), "--host", "127.0.0.1",
             "--port", str(self.port), *self.extra], stdout=out,
            stderr=subprocess.STDOUT if self._log else subprocess.DEVNULL, stdin=subprocess.DEVNULL,
            env=self.env)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return self
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.1)
        self.__exit__()
        raise RuntimeError("the class server did not start: " + self.output()[-2000:])

    def __exit__(self, *exc: object) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self._log is not None:
            self._log.close()
            self._log = None

    def output(self) -> str:
        try:
            return self.log_path.read_text(errors="replace") if self.log_path else ""
        except OSError:
            return ""


def resume_time(db: str | Path, timeout: float = 60.0) -> float:
    """Seconds from a reopened tab's websocket connect to the first frame of its remembered persona."""
    return resumed(db, timeout)[0]


def resumed(db: str | Path, timeout: float = 60.0) -> tuple[float, str, bytes]:
    """A tab closed and reopened on a served class: (seconds to the persona's Beranda, the persona's
    name, what the reopened tab drew after its seat screen). Raises unless the Beranda came back."""
    db = Path(db)
    code = _prepare(db)
    with ServedClass(db) as server:
        return asyncio.run(_measure(server.url, db, code, timeout))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default=None, help="a class file (default: a fresh one)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(args.db) if args.db else Path(folder) / "kelas.db"
        times = [resume_time(db) for _ in range(args.runs)]
    print(f"tab resume (connect → remembered persona on screen): median {statistics.median(times):.2f} s,"
          f" max {max(times):.2f} s over {len(times)} runs")


if __name__ == "__main__":
    main()
