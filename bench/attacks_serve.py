"""Hostile browsers against `ekinerja serve` (issue #16): what one websocket message, one cookie, one
device or one machine with many addresses can do to a served class. Counts, asserts nothing (the
tests in tests/test_serve_hostile.py assert the same outcomes).

Run from the repository root:
    .venv/bin/python bench/attacks_serve.py
`run(folder)` is what bench/reliability.py calls: {family: (handled, tried)}, one try per payload:

- "resize flood": a size no screen has (50000×50000, 10^12, negative, a flood of them), in a `resize`
  message or in the `/ws` URL. Handled: the seat process stayed under `RSS_LIMIT_MB` and was gone
  soon after its tab closed.
- "session flood": ten websockets on one cookie, four tabs of one seat typing at once, one device
  without cookies joining again and again. Handled: never more than one live seat process per seat,
  one seat per device.
- "many-address guessing": wrong join codes from 225 loopback addresses (127.0.0.x), then the right
  code; the same on a full class; one address guessing. Handled: the right code after the guessing
  gets no seat, and its answer is the same as a wrong code's.

Everything runs on 127.0.0.0/8 against a server of its own (`HostileServer`), every loop bounded in
count and time.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import signal
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from tab_resume import ServedClass, make_class  # noqa: E402,F401  (the one way a bench or test makes

# and serves a class; make_class is imported from here by tests/test_serve_hostile.py)

RSS_LIMIT_MB = 300  # a seat draws a class's screens in well under this; 50000×50000 took gigabytes
COOKIE = "ekinerja_kursi"
END = "ekinerja_akhir"


# -- a class and its server ---------------------------------------------------------------------------
class HostileServer(ServedClass):
    """The class server with its terminal kept in a file the tests read, and a kill -9."""

    def __init__(self, db: Path, *extra: str) -> None:
        super().__init__(db, *extra)
        self.log_path = db.with_name(f"{db.stem}-serve-{self.port}.log")
        self.ws_url = f"ws://127.0.0.1:{self.port}/ws"

    def kill9(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)


# -- processes (Linux /proc) -----------------------------------------------------------------------------
def _stat(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text.rsplit(")", 1)[1].split()  # [state, ppid, ...]


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def descendants(pid: int) -> list[int]:
    """Every living process under `pid` (children, their children…)."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            stat = _stat(int(entry.name))
            if stat and stat[0] != "Z":
                parents.setdefault(int(stat[1]), []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def seat_processes(server_pid: int) -> list[int]:
    """The server's seat processes: its descendants but a seat zygote (the fork server that
    `seat_launch` may keep: a direct child running `sandbox.training.seat_zygote`)."""
    zygotes = {p for p in descendants(server_pid)
               if "seat_zygote" in _cmdline(p) and (_stat(p) or ["", ""])[1] == str(server_pid)}
    return [p for p in descendants(server_pid) if p not in zygotes]


def alive(pid: int) -> bool:
    stat = _stat(pid)
    return stat is not None and stat[0] not in ("Z", "X")


def rss_mb(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    except OSError:
        return None
    return None


async def wait_for(condition, timeout: float, step: float = 0.2) -> bool:
    """Poll `condition()` until true or `timeout` seconds passed (a deadline, not a speed claim)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        await asyncio.sleep(step)
    return bool(condition())


# -- browsers ----------------------------------------------------------------------------------------------
def browser(device: int = 1):
    """A browser on device N: its own cookie jar, speaking from 127.0.0.N."""
    import aiohttp

    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True),
                                 connector=aiohttp.TCPConnector(local_addr=(f"127.0.0.{device}", 0)),
                                 timeout=aiohttp.ClientTimeout(total=60))


def token_of(client) -> str | None:
    return next((c.value for c in client.cookie_jar if c.key == COOKIE), None)


async def join(client, url: str, code: str) -> tuple[int, str]:
    async with client.get(f"{url}/?kode={code}", allow_redirects=False) as answer:
        return answer.status, await answer.text()


def wrong_codes(code: str, n: int) -> list[str]:
    """n distinct six-digit codes that are not the join code."""
    found, candidate = [], 0
    while len(found) < n:
        text = f"{(candidate * 7919 + 13) % 10**6:06d}"
        if text != code and text not in found:
            found.append(text)
        candidate += 1
    return found


def normalized(text: str) -> str:
    """An answer with its numbers blanked (the seconds to wait count down between two requests)."""
    return re.sub(r"\d+", "#", text)


async def read_frames(ws, timeout: float, needle: bytes | None = None) -> tuple[bytes, str | None, bool]:
    """Read until `needle`, the session's end or `timeout`: (screen bytes, end reason, closed)."""
    import aiohttp

    seen, reason = b"", None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            msg = await ws.receive(timeout=max(0.1, min(1.0, deadline - time.monotonic())))
        except TimeoutError:
            continue
        if msg.type == aiohttp.WSMsgType.BINARY:
            seen += msg.data
            if needle is not None and needle in seen:
                return seen, reason, False
        elif msg.type == aiohttp.WSMsgType.TEXT:
            with contextlib.suppress(ValueError):
                said = json.loads(msg.data)
                if isinstance(said, list) and said and said[0] == END:
                    reason = said[1]
        else:  # closing, closed, error
            return seen, reason, True
    return seen, reason, ws.closed


def rows_drawn(screen: bytes) -> int:
    """The lowest row the app moved the cursor to (`ESC [ row ; col H`): the height it draws."""
    rows = [int(n) for n in re.findall(rb"\x1b\[(\d+);\d+H", screen)]
    return max(rows, default=0)


# -- the attacks ---------------------------------------------------------------------------------------------
RESIZE_PAYLOADS: list[tuple[str, str, list]] = [
    # (name, URL query, messages after the first frame)
    ("resize 50000x50000", "", [["resize", {"width": 50000, "height": 50000}]]),
    ("resize 10^12", "", [["resize", {"width": 10**12, "height": 10**12}]]),
    ("resize negative", "", [["resize", {"width": -5, "height": -70000}]]),
    ("resize flood", "", [["resize", {"width": 50000 - i, "height": 40000 + i}] for i in range(200)]),
    ("url 50000x50000", "?width=50000&height=50000", []),
    ("url 10^20", "?width=100000000000000000000&height=99999999999", []),
]


async def resize_attack(server: HostileServer, client, query: str, messages: list,
                        watch: float = 5.0) -> tuple[bool, str]:
    """One payload on its own session: (handled, what was seen)."""
    before = set(seat_processes(server.pid))
    async with client.ws_connect(server.ws_url + query) as ws:
        screen, reason, closed = await read_frames(ws, 60, b"Kursi")
        if b"Kursi" not in screen:
            return False, f"the seat did not draw (reason {reason}, closed {closed})"
        mine = [p for p in seat_processes(server.pid) if p not in before]
        if len(mine) != 1:
            return False, f"seat processes of this session: {mine}"
        pid = mine[0]
        for message in messages:
            await ws.send_str(json.dumps(message))
        peak, deadline = 0, time.monotonic() + watch
        while time.monotonic() < deadline:
            more, reason, closed = await read_frames(ws, 0.5)
            screen += more
            peak = max(peak, rss_mb(pid) or 0)
            if closed:
                break
        rows = rows_drawn(screen)
    gone = await wait_for(lambda: not alive(pid), 30)
    handled = peak < RSS_LIMIT_MB and gone and rows <= 100
    return handled, f"peak {peak} MB, rows drawn {rows}, gone after the tab closed: {gone}"


async def ten_sockets(server: HostileServer, client, n: int = 10) -> tuple[bool, str]:
    """n websockets on one cookie, all kept open: how many seat processes run at once."""
    import aiohttp

    sockets = []
    try:
        for _ in range(n):
            sockets.append(await client.ws_connect(server.ws_url))
        peak = 0
        deadline = time.monotonic() + 12
        while time.monotonic() < deadline:
            peak = max(peak, len(seat_processes(server.pid)))
            await asyncio.sleep(0.2)
        open_ = 0
        for ws in sockets:
            _, _, closed = await read_frames(ws, 0.3)
            open_ += not closed
        return peak <= 1 and open_ <= 1, f"peak seat processes {peak}, websockets still open {open_}"
    finally:
        for ws in sockets:
            with contextlib.suppress(aiohttp.ClientError, OSError):
                await ws.close()


async def four_tabs_typing(server: HostileServer, client, n: int = 4) -> tuple[bool, str]:
    """n tabs of one seat connect together and type at once."""
    import aiohttp

    sockets = await asyncio.gather(*(client.ws_connect(server.ws_url) for _ in range(n)))
    try:
        peak = 0
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            for ws in sockets:
                if not ws.closed:
                    with contextlib.suppress(aiohttp.ClientError, ConnectionError, RuntimeError):
                        await ws.send_str(json.dumps(["stdin", "x"]))
            peak = max(peak, len(seat_processes(server.pid)))
            await asyncio.sleep(0.25)
        return peak <= 1, f"peak seat processes {peak}"
    finally:
        for ws in sockets:
            with contextlib.suppress(aiohttp.ClientError, OSError):
                await ws.close()


async def cookieless_device(server: HostileServer, code: str, device: int,
                            tries: int = 10) -> tuple[bool, str]:
    """One device without cookies joins `tries` times: how many seats it gets."""
    seats = 0
    for _ in range(tries):
        async with browser(device) as client:
            status, _ = await join(client, server.url, code)
            seats += status == 303
    return seats <= 1, f"seats claimed by one device: {seats} of {tries} joins"


async def many_address_guessing(server: HostileServer, code: str, addresses: int = 225, each: int = 4,
                                full: bool = False) -> tuple[bool, str]:
    """`each` wrong codes from each of `addresses` loopback addresses (at most 10 s of trying),
    then the right code from a fresh one: does it get in, and does its answer differ from a
    wrong code's?"""
    guesses = iter(wrong_codes(code, addresses * each + 1))
    statuses: dict[int, int] = {}
    deadline = time.monotonic() + 10

    async def guesser(device: int) -> None:
        async with browser(device) as client:
            for _ in range(each):
                if time.monotonic() > deadline:
                    return
                status, _ = await join(client, server.url, next(guesses))
                statuses[status] = statuses.get(status, 0) + 1

    for start in range(0, addresses, 25):  # 25 addresses at a time
        await asyncio.gather(*(guesser(10 + d) for d in range(start, min(addresses, start + 25))))
    tried = sum(statuses.values())
    async with browser(250) as fresh, browser(251) as other:
        right = await join(fresh, server.url, code)
        wrong = await join(other, server.url, next(guesses))
        got_in = token_of(fresh) is not None
    same = right[0] == wrong[0] and normalized(right[1]) == normalized(wrong[1])
    kind = "full class" if full else "class"
    return (not got_in and same and statuses.get(403, 0) < tried,
            f"{kind}: {tried} guesses {statuses}; right code after: HTTP {right[0]}, same as a wrong code:"
            f" {same}, got a seat: {got_in}")


async def one_address_guessing(server: HostileServer, code: str, device: int = 7) -> tuple[bool, str]:
    """Five wrong codes from one address, then the right one."""
    async with browser(device) as client:
        for guess in wrong_codes(code, 5):
            await join(client, server.url, guess)
        right = await join(client, server.url, code)
        wrong = await join(client, server.url, wrong_codes(code, 6)[-1])
        got_in = token_of(client) is not None
    same = right[0] == wrong[0] and normalized(right[1]) == normalized(wrong[1])
    return not got_in and same, f"right code after 5 wrong: HTTP {right[0]}, same as wrong: {same}"


# -- the report ---------------------------------------------------------------------------------------------
async def _resize_family(folder: Path, failures: list[str]) -> tuple[int, int]:
    db = folder / "resize.db"
    code = make_class(db, 2, round_for=[1])
    handled = 0
    with HostileServer(db) as server:
        async with browser(2) as client:
            await join(client, server.url, code)
            for name, query, messages in RESIZE_PAYLOADS:
                ok, detail = await resize_attack(server, client, query, messages)
                handled += ok
                if not ok:
                    failures.append(f"resize flood / {name}: {detail}")
    return handled, len(RESIZE_PAYLOADS)


async def _session_family(folder: Path, failures: list[str]) -> tuple[int, int]:
    db = folder / "sessions.db"
    code = make_class(db, 30, round_for=[1, 2])
    results = []
    with HostileServer(db) as server:
        async with browser(3) as client:
            await join(client, server.url, code)
            results.append(("ten websockets on one cookie", await ten_sockets(server, client)))
            await wait_for(lambda: not seat_processes(server.pid), 30)
            results.append(("four tabs typing at once", await four_tabs_typing(server, client)))
        results.append(("one device without cookies", await cookieless_device(server, code, 4)))
    for name, (ok, detail) in results:
        if not ok:
            failures.append(f"session flood / {name}: {detail}")
    return sum(ok for _, (ok, _) in results), len(results)


async def _guessing_family(folder: Path, failures: list[str]) -> tuple[int, int]:
    results = []
    db = folder / "guess.db"
    code = make_class(db, 3)
    with HostileServer(db) as server:
        results.append(("225 addresses", await many_address_guessing(server, code)))
    db = folder / "guess-full.db"
    code = make_class(db, 1)
    with HostileServer(db) as server:
        async with browser(2) as seated:
            await join(seated, server.url, code)
        results.append(("one address, full class", await one_address_guessing(server, code)))
        results.append(("225 addresses, full class", await many_address_guessing(server, code, full=True)))
    for name, (ok, detail) in results:
        if not ok:
            failures.append(f"many-address guessing / {name}: {detail}")
    return sum(ok for _, (ok, _) in results), len(results)


def run(folder: Path, failures: list[str] | None = None) -> dict[str, tuple[int, int]]:
    """{family: (handled, tried)} over every payload; what was not handled goes to `failures`."""
    failures = [] if failures is None else failures
    folder = Path(folder)

    async def all_families() -> dict[str, tuple[int, int]]:
        return {
            "resize flood": await _resize_family(folder, failures),
            "session flood": await _session_family(folder, failures),
            "many-address guessing": await _guessing_family(folder, failures),
        }

    return asyncio.run(all_families())


def main() -> None:
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        results = run(Path(folder), failures)
        took = time.perf_counter() - started
    for family, (handled, tried) in results.items():
        print(f"  {family:<24} handled {handled} of {tried}")
    for failure in failures:
        print(f"      NOT handled: {failure}")
    print(f"  ({took:.1f} s)")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
