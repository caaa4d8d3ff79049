"""Issue #16, fault 8: seats forked from a zygote behave like fresh processes, and end when they should.

Real parts: a class SQLite file, the zygote process (`python -m sandbox.training.seat_zygote`), the
seats it forks (real `SandboxApp`s speaking textual-serve's protocol on their pipes), and a stand-in
server process killed with SIGKILL. Nothing here measures time (bench/bench_class_open.py does).
"""

from __future__ import annotations

import asyncio
import json
import os
import select
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from sandbox.store import open_store
from sandbox.training import access, seat_launch, seat_zygote
from sandbox.training.classroom import create_class, start_round
from sandbox.training.scenario import load_scenario

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux") or not hasattr(os, "pidfd_open"),
                                reason="the zygote is Linux-only (pidfd, PR_SET_PDEATHSIG)")
REPO = Path(__file__).resolve().parents[1]
QUIT = json.dumps({"type": "quit"}).encode()
WAIT = 90  # seconds: an upper bound for a busy 2-core machine, never a measured figure


def make_class(path: Path, seats: int = 2) -> str:
    """A class with T01 started for seat 1; the token of the browser that took seat 1."""
    with open_store(path) as store:
        info = create_class(store, "Uji zigot", seats)
        start_round(store, info.id, load_scenario("T01"), seats=[1])
        return access.join(store, info.id, info.kode_gabung).token


def seat_argv(db: Path, seat: int | None = 1, lang: str | None = "id") -> list[str]:
    argv = [sys.executable, "-m", "sandbox", "seat", "--db", str(db)]
    if lang:
        argv += ["--lang", lang]
    if seat is not None:
        argv += ["--kursi", str(seat)]
    return argv


def seat_env(base: dict[str, str], token: str | None = None, columns: int = 100, rows: int = 30) -> dict:
    env = dict(base, COLUMNS=str(columns), ROWS=str(rows))
    if token is not None:
        env[access.TOKEN_ENV] = token
    return env


async def screen(process, needle: bytes) -> bytes:
    """The app's output (D packets) until `needle` shows, after textual-serve's prelude line."""
    async def read() -> bytes:
        for _ in range(10):
            if await process.stdout.readline() == b"__GANGLION__\n":
                break
        seen = b""
        while needle not in seen:
            kind = await process.stdout.readexactly(1)
            size = int.from_bytes(await process.stdout.readexactly(4), "big")
            payload = await process.stdout.readexactly(size)
            if kind == b"D":
                seen += payload
        return seen

    return await asyncio.wait_for(read(), WAIT)


async def quit_app(process) -> int:
    process.stdin.write(b"M" + len(QUIT).to_bytes(4, "big") + QUIT)
    await process.stdin.drain()
    return await asyncio.wait_for(process.wait(), WAIT)


def gone(pid: int) -> bool:
    """Ended: no such process, or a zombie nobody has reaped yet (a container's PID 1 may not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] in ("Z", "X")


def wait_gone(pids: list[int], seconds: float = 20) -> bool:
    for _ in range(int(seconds * 10)):
        if all(gone(pid) for pid in pids):
            return True
        select.select([], [], [], 0.1)
    return all(gone(pid) for pid in pids)


@pytest.fixture
def zygote():
    """A zygote started for this test's environment (conftest gives each test its own prefs path)."""
    seat_launch.stop()
    base = seat_launch.served_environment()
    assert seat_launch.start(base)
    yield base
    seat_launch.stop()


@pytest.fixture
def db(tmp_path) -> tuple[Path, str]:
    path = tmp_path / "kelas.db"
    return path, make_class(path)


# -- a forked seat is a seat ---------------------------------------------------------------------------
async def test_a_forked_seat_draws_its_first_screen_over_its_pipes(zygote, db):
    path, token = db
    process = await seat_launch.open_process(seat_argv(path), seat_env(zygote, token))
    assert isinstance(process, seat_launch.ZygoteProcess)
    assert process.pid != seat_launch.zygote_pid()
    seen = await screen(process, b"Kursi 1")
    assert b"T01" in seen or b"Kursi 1" in seen
    fds = [os.readlink(f"/proc/{process.pid}/fd/{fd}") for fd in os.listdir(f"/proc/{process.pid}/fd")]
    assert not [fd for fd in fds if "pidfd" in fd]  # none of the zygote's descriptors came along
    zygote_sockets = {os.readlink(f"/proc/{seat_launch.zygote_pid()}/fd/{fd}")
                      for fd in os.listdir(f"/proc/{seat_launch.zygote_pid()}/fd")} - {"/dev/null"}
    assert not zygote_sockets & {fd for fd in fds if fd.startswith("socket:")}
    assert await quit_app(process) == 0
    assert process.returncode == 0 and gone(process.pid)
    assert await process.stderr.read() == b""


async def test_the_window_size_reaches_the_forked_seat(zygote, db):
    """COLUMNS/ROWS are the seat's own (they differ per tab): the screen is drawn at that size."""
    path, token = db
    small = await seat_launch.open_process(seat_argv(path), seat_env(zygote, token, columns=60, rows=17))
    seen = await screen(small, b"Kursi 1")
    assert isinstance(small, seat_launch.ZygoteProcess)
    assert b"\x1b[17;1H" in seen or b"\x1b[17;" in seen  # the last line of 17
    assert b"\x1b[18;" not in seen and b"\x1b[30;" not in seen
    await quit_app(small)


async def test_a_forked_seat_speaks_the_language_it_is_given(zygote, db):
    path, token = db
    process = await seat_launch.open_process(seat_argv(path, lang="en"), seat_env(zygote, token))
    assert isinstance(process, seat_launch.ZygoteProcess)
    seen = await screen(process, b"Seat 1")
    assert b"Kursi 1" not in seen
    await quit_app(process)


async def test_a_forked_seat_checks_its_token_as_a_fresh_one_does(zygote, db):
    """The token says seat 1; `--kursi 2` and a forged token are refused before the app opens, in
    the same words and with the same code as by a fresh interpreter."""
    path, token = db
    for seat, secret in ((2, token), (1, "dipalsukan")):
        forked = await seat_launch.open_process(seat_argv(path, seat), seat_env(zygote, secret))
        fresh = await seat_launch._exec(seat_argv(path, seat), seat_env(zygote, secret))
        assert isinstance(forked, seat_launch.ZygoteProcess)
        said = [await asyncio.wait_for(p.stderr.read(), WAIT) for p in (forked, fresh)]
        codes = [await asyncio.wait_for(p.wait(), WAIT) for p in (forked, fresh)]
        assert codes == [1, 1]
        assert said[0] == said[1] and "sesi kursi ini tidak berlaku" in said[0].decode()
        assert secret not in said[0].decode()


async def test_the_environment_a_forked_seat_sees_is_its_requests(tmp_path):
    """A zygote imported under EKINERJA_LANG=en: its seat answers in English, byte for byte as a
    fresh process with that environment; a request whose environment differs in anything but the
    seat's own variables is not forked (it would not be what a fresh process sees) but exec'd."""
    seat_launch.stop()
    english = dict(seat_launch.served_environment(), EKINERJA_LANG="en")
    try:
        assert seat_launch.start(english)
        missing = tmp_path / "tidak-ada.db"
        argv = seat_argv(missing, seat=None, lang=None)
        forked = await seat_launch.open_process(argv, seat_env(english))
        fresh = await seat_launch._exec(argv, seat_env(english))
        assert isinstance(forked, seat_launch.ZygoteProcess)
        said = [await asyncio.wait_for(p.stderr.read(), WAIT) for p in (forked, fresh)]
        assert [await p.wait() for p in (forked, fresh)] == [1, 1]
        assert said[0] == said[1] and b"holds no class yet" in said[0]
        assert not missing.exists()

        indonesian = seat_env(dict(english, EKINERJA_LANG="id"))
        assert "EKINERJA_LANG" in seat_launch._zygote.why_not(argv, indonesian)
        other = await seat_launch.open_process(argv, indonesian)
        assert isinstance(other, asyncio.subprocess.Process)
        text = (await asyncio.wait_for(other.stderr.read(), WAIT)).decode()
        assert await other.wait() == 1 and "belum berisi kelas" in text
        for variable in ("TEXTUAL_FPS", "PYTHONHASHSEED", "LANG"):  # read at import or at start-up
            assert variable in seat_launch._zygote.why_not(argv, seat_env(dict(english, **{variable: "7"})))
        assert seat_launch._zygote.why_not(argv, seat_env(english, "token", 70, 20)) is None
    finally:
        seat_launch.stop()


async def test_only_a_seat_command_of_the_same_python_is_forked(zygote, tmp_path):
    assert seat_zygote.seat_args([sys.executable, "-m", "sandbox", "seat", "--db", "x"], sys.executable) == [
        "seat", "--db", "x"]
    for argv in ([sys.executable, "-m", "sandbox", "serve", "--db", "x"],
                 [sys.executable, "-c", "print(1)"],
                 ["/usr/bin/python3", "-m", "sandbox", "seat", "--db", "x"]):
        assert seat_zygote.seat_args(argv, sys.executable) is None
        request = json.dumps({"argv": argv, "env": {}, "cwd": "/"}).encode()
        with pytest.raises(ValueError):
            seat_zygote._read_request(request, [0, 1, 2], 0)
    process = await seat_launch.open_process([sys.executable, "-c", "print('biasa')"], dict(zygote))
    assert isinstance(process, asyncio.subprocess.Process)
    assert (await asyncio.wait_for(process.stdout.read(), WAIT)).strip() == b"biasa"
    await process.wait()


async def test_seats_take_turns_warming_up_and_every_one_draws(zygote, db, monkeypatch):
    """At most WARMING seats start at once; a seat leaves the count when it has drawn or ended (a
    refused token ends it at once), so every tab gets its seat, one after another."""
    path, token = db
    monkeypatch.setattr(seat_launch, "WARMING", 1)
    seat_launch._gates.clear()
    refused = await seat_launch.open_process(seat_argv(path, 2), seat_env(zygote, token))
    starts = [seat_launch.open_process(seat_argv(path, lang=lang), seat_env(zygote, token))
              for lang in ("id", "en")]
    opened = await asyncio.wait_for(asyncio.gather(*starts), WAIT)
    assert await asyncio.wait_for(refused.wait(), WAIT) == 1
    for process, needle in zip(opened, (b"Kursi 1", b"Seat 1"), strict=True):
        assert isinstance(process, seat_launch.ZygoteProcess)
        await screen(process, needle)
        assert process.warm.done()
        await quit_app(process)
    seat_launch._gates.clear()


# -- it ends -------------------------------------------------------------------------------------------
async def test_kill_and_terminate_end_a_forked_seat(zygote, db):
    path, token = db
    for stop, expected in (("kill", (-signal.SIGKILL,)), ("terminate", (0, -signal.SIGTERM))):
        process = await seat_launch.open_process(seat_argv(path), seat_env(zygote, token))
        assert isinstance(process, seat_launch.ZygoteProcess)
        await screen(process, b"Kursi 1")
        getattr(process, stop)()
        assert await asyncio.wait_for(process.wait(), WAIT) in expected
        assert process.returncode in expected and wait_gone([process.pid])
        process.kill()  # after the end: nothing happens (no signal to a reused pid)


def zygote_children() -> list[int]:
    zygote = seat_launch.zygote_pid()
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == zygote:
                    found.append(int(entry.name))
            except (OSError, ValueError, IndexError):
                continue
    return [pid for pid in found if not gone(pid)]


async def test_a_tab_that_goes_away_while_its_seat_starts_leaves_nothing_behind(zygote, db):
    """The request is cancelled at different moments (while the zygote imports, before, during and
    after the fork): no seat keeps running and the server keeps no descriptor of it."""
    path, token = db
    before = len(os.listdir("/proc/self/fd"))

    async def cancelled_soon(steps: int) -> None:
        task = asyncio.create_task(seat_launch.open_process(seat_argv(path), seat_env(zygote, token)))
        for _ in range(steps):
            await asyncio.sleep(0)
        task.cancel()
        try:
            process = await task
        except asyncio.CancelledError:
            return
        process.kill()  # it was done before the cancel came: ended the usual way
        await asyncio.wait_for(process.wait(), WAIT)

    await cancelled_soon(3)  # the zygote is still importing
    assert await seat_launch._zygote.wait_ready(WAIT)
    for steps in (0, 1, 2, 3, 5, 8, 13, 21):
        await cancelled_soon(steps)
    # one request seen through: the zygote answers in order, so every fork above has been answered
    # (and its seat killed on arrival) by the time this one's answer is here
    last = await seat_launch.open_process(seat_argv(path), seat_env(zygote, token))
    last.kill()
    await asyncio.wait_for(last.wait(), WAIT)
    for _ in range(WAIT * 10):
        if not zygote_children():
            break
        await asyncio.sleep(0.1)
    assert zygote_children() == []
    assert seat_launch.zygote_pid() is not None  # the zygote itself is fine
    assert len(os.listdir("/proc/self/fd")) <= before + 1  # a transport closing a moment later at most


async def test_seats_end_with_the_zygote_and_the_next_seat_still_starts(zygote, db, monkeypatch):
    path, token = db
    process = await seat_launch.open_process(seat_argv(path), seat_env(zygote, token))
    await screen(process, b"Kursi 1")
    zygote_pid = seat_launch.zygote_pid()
    os.kill(zygote_pid, signal.SIGKILL)
    assert await asyncio.wait_for(process.wait(), WAIT) == -signal.SIGKILL
    assert wait_gone([process.pid, zygote_pid])
    monkeypatch.setattr(seat_launch, "RESTART_PAUSE", 3600.0)  # no new zygote yet: the plain way
    again = await seat_launch.open_process(seat_argv(path), seat_env(zygote, token))
    assert isinstance(again, asyncio.subprocess.Process)
    await screen(again, b"Kursi 1")
    assert await quit_app(again) == 0


async def test_a_zygote_that_cannot_start_leaves_the_plain_way(db, monkeypatch):
    path, token = db
    seat_launch.stop()
    monkeypatch.setattr(seat_launch, "ZYGOTE_MODULE", "sandbox.training.tidak_ada_zigot")
    try:
        env = seat_env(seat_launch.served_environment(), token)
        process = await seat_launch.open_process(seat_argv(path), env)
        assert isinstance(process, asyncio.subprocess.Process)
        await screen(process, b"Kursi 1")
        assert await quit_app(process) == 0
    finally:
        seat_launch.stop()


async def test_the_zygote_can_be_turned_off(db, monkeypatch):
    path, token = db
    seat_launch.stop()
    monkeypatch.setenv(seat_launch.ZYGOTE_ENV, "0")
    env = seat_env(seat_launch.served_environment(), token)
    process = await seat_launch.open_process(seat_argv(path), env)
    assert isinstance(process, asyncio.subprocess.Process) and seat_launch.zygote_pid() is None
    await screen(process, b"Kursi 1")
    await quit_app(process)


STAND_IN_SERVER = """
import asyncio, json, os, sys
from sandbox.training import seat_launch

async def main():
    argv = json.loads(sys.argv[1])
    env = dict(seat_launch.served_environment(), COLUMNS="80", ROWS="24")  # the token is in os.environ
    process = await seat_launch.open_process(argv, env)
    await process.stdout.readline()  # the app is up
    print(json.dumps([seat_launch.zygote_pid(), process.pid]), flush=True)
    await asyncio.sleep(300)

asyncio.run(main())
"""


@pytest.mark.parametrize("zygote_on", ["1", "0"])
def test_kill_9_of_the_server_ends_the_zygote_and_every_seat(db, zygote_on):
    """The server dies without a word (SIGKILL): the kernel ends its zygote, and the zygote's end
    ends the seat (PR_SET_PDEATHSIG at each step); with the plain spawn, the seat directly."""
    path, token = db
    env = dict(os.environ, EKINERJA_SEAT_ZYGOTE=zygote_on, EKINERJA_KURSI_TOKEN=token)
    server = subprocess.Popen([sys.executable, "-c", STAND_IN_SERVER, json.dumps(seat_argv(path))],
                              cwd=REPO, env=env, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL)
    try:
        ready, _, _ = select.select([server.stdout], [], [], WAIT)
        assert ready, "the stand-in server started no seat"
        zygote_pid, seat_pid = json.loads(server.stdout.readline())
        alive = [pid for pid in (zygote_pid, seat_pid) if pid]
        assert len(alive) == (2 if zygote_on == "1" else 1) and not any(gone(pid) for pid in alive)
        if zygote_on == "1":
            parent = int(Path(f"/proc/{seat_pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
            assert parent == zygote_pid
        server.kill()
        server.wait(timeout=WAIT)
        assert wait_gone(alive), "a seat or the zygote outlived the server"
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


def test_the_zygote_imports_under_what_textual_serve_gives_every_app():
    """`start()` before any seat asked uses textual-serve's environment; if that ever changes, seats
    would quietly all be exec'd (the environment would not fit)."""
    from textual_serve.app_service import AppService

    service = AppService("x", write_bytes=None, write_str=None, close=None, download_manager=None)
    served = service._build_environment(80, 24)
    for name in seat_launch.SEAT_VARIABLES:
        served.pop(name, None)
    assert served == seat_launch.served_environment()


def test_every_generator_a_fork_would_share_is_reseeded():
    """After the zygote's imports, every module-level `random.Random` but the `random` module's own
    (which reseeds itself after fork) is in `seat_zygote.RESEEDED`."""
    probe = """
import json, random, sys
from sandbox.training import seat_zygote
seat_zygote.preload()
found = sorted([name, attr] for name, module in list(sys.modules.items())
               for attr, value in list(getattr(module, "__dict__", {}).items())
               if type(value) is random.Random and not (name == "random" and attr == "_inst"))
print(json.dumps(found))
"""
    run = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True,
                         timeout=WAIT)
    assert run.returncode == 0, run.stderr
    found = {tuple(item) for item in json.loads(run.stdout)}
    assert found <= set(seat_zygote.RESEEDED), found - set(seat_zygote.RESEEDED)
