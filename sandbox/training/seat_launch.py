"""How `ekinerja serve` starts one seat's app process, and how it makes sure the process ends.

The interface the server uses is `open_process(argv, env)`: an object with `stdin`, `stdout`,
`stderr` (asyncio streams), `pid`, `returncode`, `wait()`, `terminate()` and `kill()`, like
`asyncio.subprocess.Process`. The process is started without a shell (the server's signals reach
the app, not a `/bin/sh` wrapper) and dies with the server: on Linux the kernel sends it SIGKILL
when the server's process ends for any reason (`PR_SET_PDEATHSIG`), kill -9 included.

A seat is forked from a zygote (`sandbox.training.seat_zygote`), a process that has imported the
app once: a class of thirty opening the link together then costs thirty forks, not thirty seconds
of imports, and the seats share the imported code's memory. The zygote is started once (`start()`
at the server's start, else by the first `open_process`) and dies with the server; its seats die
with it. A seat is started the plain way (a new interpreter, `exec`) whenever the zygote cannot
give exactly what a fresh process would: no zygote (not Linux, it failed to start, it died), a
command that is not `python -m sandbox seat` of the zygote's Python, another working folder, or
an environment that differs from the zygote's in anything but the seat's own variables
(`SEAT_VARIABLES`: read when the app runs, never when it imports). `EKINERJA_SEAT_ZYGOTE=0` in
the server's environment turns the zygote off.

The seat's token travels in the request's environment over a socketpair (never on a command line,
never in a log).
"""

from __future__ import annotations

import asyncio
import ctypes
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import weakref
from collections.abc import Callable

from sandbox.training.seat_zygote import MAX_MESSAGE, seat_args

PR_SET_PDEATHSIG = 1
ZYGOTE_MODULE = "sandbox.training.seat_zygote"
ZYGOTE_ENV = "EKINERJA_SEAT_ZYGOTE"  # "0": every seat is a new interpreter (the bench's baseline)
# Read by a seat when it runs (the token by `ekinerja seat`, the size by Textual's web driver), never
# at import: the only variables in which a seat's environment may differ from the zygote's.
SEAT_VARIABLES = frozenset({"EKINERJA_KURSI_TOKEN", "COLUMNS", "ROWS"})
READY_TIMEOUT = 20.0  # the zygote's imports (a second), on a laptop a class has just made busy
REPLY_TIMEOUT = 10.0  # a fork
MAX_RESTARTS = 3  # a zygote that keeps dying is not worth a fourth try: seats start the plain way
RESTART_PAUSE = 10.0
# Seats warming up at once (forked, first screen not yet out). Thirty started together share two cores
# thirty ways and all draw late; a few at a time each draws in a fraction of a second and the last one
# no later (less cache and scheduler churn). A seat stops counting once it has written its first
# screen (`WARM_BYTES` on stdout), ended, or after `WARM_SECONDS` whatever it did.
WARMING = max(2, 2 * (os.cpu_count() or 1))
WARM_BYTES = 1024  # textual-serve's prelude and the terminal set-up are ~100 bytes; a screen is KBs
WARM_SECONDS = 2.0
# Threads for numerical libraries would be running in the zygote when it forks; a seat computes none.
QUIET_THREADS = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}

log = logging.getLogger(__name__)
_prctl: Callable | None = None
if sys.platform.startswith("linux"):
    try:  # looked up now: a child between fork and exec should do as little as possible
        _prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        _prctl = None


def die_with_parent() -> None:
    """Ask the kernel to kill this process when its parent ends (Linux; elsewhere nothing)."""
    if _prctl is not None:
        _prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def served_environment() -> dict[str, str]:
    """The environment textual-serve gives every app (`AppService._build_environment`) but the size:
    what the zygote imports under when `start()` is called before any seat asked."""
    from importlib.metadata import version

    env = dict(os.environ)
    env.update({
        "TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver",
        "TEXTUAL_FPS": "60",
        "TEXTUAL_COLOR_SYSTEM": "truecolor",
        "TERM_PROGRAM": "textual",
        "TERM_PROGRAM_VERSION": version("textual-serve"),
    })
    for name in SEAT_VARIABLES:  # a seat's own, set per request (the server's may hold a COLUMNS)
        env.pop(name, None)
    return env


def _zygote_wanted() -> bool:
    return (os.environ.get(ZYGOTE_ENV, "1").strip() != "0" and sys.platform.startswith("linux")
            and hasattr(os, "pidfd_open") and hasattr(signal, "pidfd_send_signal")
            and hasattr(socket, "send_fds"))


class _Zygote:
    """The server's end of one zygote process: requests go out from the event loop, replies come in
    on a thread of their own (so any event loop may ask, and a reply never waits for one)."""

    def __init__(self, python: str, base_env: dict[str, str]) -> None:
        self.python = python
        self.base_env = {k: v for k, v in base_env.items() if k not in SEAT_VARIABLES}
        self.cwd = os.getcwd()
        self.ready = False
        self.dead = False
        self.pid: int | None = None
        self._lock = threading.Lock()
        self._next_id = 0
        self._pending: dict[int, tuple[asyncio.AbstractEventLoop, asyncio.Future]] = {}
        self._ready_waiters: list[tuple[asyncio.AbstractEventLoop, asyncio.Future]] = []
        self._children: dict[int, ZygoteProcess] = {}
        self._early_exits: dict[int, int] = {}  # exit reports that came before their start reply
        self._unwanted: set[int] = set()  # seats started for a request that had given up
        self._sock, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        env = dict(self.base_env)
        for name, value in QUIET_THREADS.items():
            env.setdefault(name, value)
        try:
            theirs.set_inheritable(True)
            # no preexec_fn: the zygote asks for its own PR_SET_PDEATHSIG and checks its parent
            self.process = subprocess.Popen(
                [python, "-m", ZYGOTE_MODULE, str(theirs.fileno()), str(os.getpid())],
                env=env, cwd=self.cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                pass_fds=[theirs.fileno()])
        except BaseException:
            self._sock.close()
            raise
        finally:
            theirs.close()
        self._sock.settimeout(1.0)  # the reader wakes now and then to see whether it should stop
        self._out = self._sock.dup()  # the event loop's end: never blocks (see _send)
        self._out.settimeout(0.0)
        self._reader = threading.Thread(target=self._read, name="seat-zygote", daemon=True)
        self._reader.start()

    # -- fit ----------------------------------------------------------------------------------------
    def why_not(self, argv: list[str], env: dict[str, str]) -> str | None:
        """Why this request needs a fresh interpreter (what differs, never a value), or None."""
        if seat_args(argv, self.python) is None:
            return "not a seat command of the zygote's Python"
        if os.getcwd() != self.cwd:
            return "another working folder"
        mine = {k: v for k, v in env.items() if k not in SEAT_VARIABLES}
        if mine != self.base_env:
            names = sorted(k for k in set(mine) | set(self.base_env) if mine.get(k) != self.base_env.get(k))
            return "environment differs in " + ", ".join(names[:8])
        return None

    # -- requests (event loop) ----------------------------------------------------------------------
    async def wait_ready(self, timeout: float) -> bool:
        loop = asyncio.get_running_loop()
        with self._lock:
            if self.ready or self.dead:
                return self.ready and not self.dead
            future = loop.create_future()
            self._ready_waiters.append((loop, future))
        try:
            return await asyncio.wait_for(asyncio.shield(future), timeout)
        except TimeoutError:
            return False

    async def spawn(self, argv: list[str], env: dict[str, str]) -> ZygoteProcess | None:
        """A seat forked by the zygote, or None (the caller then starts it the plain way)."""
        loop = asyncio.get_running_loop()
        pipes = [os.pipe2(os.O_CLOEXEC) for _ in range(3)]
        theirs = [pipes[0][0], pipes[1][1], pipes[2][1]]
        ours = [pipes[0][1], pipes[1][0], pipes[2][0]]
        future = loop.create_future()
        reply, ident = None, None
        try:
            with self._lock:
                if self.dead:
                    raise OSError("the zygote has ended")
                self._next_id += 1
                ident = self._next_id
                self._pending[ident] = (loop, future)
            message = json.dumps({"id": ident, "argv": argv, "env": env, "cwd": self.cwd}).encode()
            if len(message) > MAX_MESSAGE - 1024:
                raise OSError("request too large")
            await self._send(message, theirs, loop.time() + REPLY_TIMEOUT)
            reply = await asyncio.wait_for(asyncio.shield(future), REPLY_TIMEOUT)
        except (OSError, TimeoutError) as error:
            if isinstance(error, TimeoutError):
                log.warning("seat zygote did not answer within %.0f s; stopping it", REPLY_TIMEOUT)
                self.stop()
        except BaseException:  # cancelled (the tab went away): a seat forked later is killed on arrival
            for fd in ours:
                os.close(fd)
            if future.done():  # its answer may be here, or on its way to this loop: a seat not wanted
                self._abandon(future)
            else:
                future.add_done_callback(self._abandon)
            raise
        finally:
            for fd in theirs:  # the child has its copies now (or there is no child)
                os.close(fd)
            with self._lock:
                self._pending.pop(ident, None)
        if not reply or "pid" not in reply:
            for fd in ours:
                os.close(fd)
            if reply:
                log.warning("seat zygote refused a seat: %s", reply.get("error"))
            return None
        process = ZygoteProcess(reply["pid"], reply["pidfd"], loop)
        with self._lock:
            gone = self.dead
            if not gone:
                self._children[process.pid] = process
            early = self._early_exits.pop(process.pid, None)
        if early is not None:
            process._ended(early)
        elif gone:  # the zygote died between its answer and now: so did the seat
            await loop.run_in_executor(None, process._wait_gone, 5.0)
            process._ended(-signal.SIGKILL)
        try:
            await process._connect(*ours)
        except BaseException:
            process.kill()
            raise
        return process

    def _abandon(self, future: asyncio.Future) -> None:
        """A seat forked for a request that gave up: killed, its exit report not kept."""
        late = None if future.cancelled() else future.result()
        if not late or "pidfd" not in late:
            return
        with self._lock:
            if self._early_exits.pop(late["pid"], None) is None:
                self._unwanted.add(late["pid"])
        _signal(late["pidfd"], signal.SIGKILL)
        os.close(late["pidfd"])

    async def _send(self, message: bytes, fds: list[int], deadline: float) -> None:
        """Send without blocking the event loop: a full socket (thirty seats asked at once) is waited
        out in small sleeps, up to the deadline."""
        loop = asyncio.get_running_loop()
        while True:
            try:
                socket.send_fds(self._out, [message], fds)
                return
            except BlockingIOError:
                if loop.time() > deadline:
                    raise TimeoutError from None
                await asyncio.sleep(0.005)

    # -- replies (reader thread) --------------------------------------------------------------------
    def _read(self) -> None:
        try:
            while True:
                try:
                    data, fds, _flags, _ = socket.recv_fds(self._sock, 64 * 1024, 1, socket.MSG_CMSG_CLOEXEC)
                except TimeoutError:
                    if self.dead:
                        return
                    continue
                if not data and not fds:
                    return
                message = json.loads(data)
                if "ready" in message:
                    self.pid = message["ready"]
                    with self._lock:
                        self.ready = True
                        waiters, self._ready_waiters = self._ready_waiters, []
                    for loop, future in waiters:
                        _settle(loop, future, True)
                elif "exit" in message:
                    with self._lock:
                        child = self._children.pop(message["exit"], None)
                        if child is None and message["exit"] not in self._unwanted:
                            self._early_exits[message["exit"]] = message["code"]
                        self._unwanted.discard(message["exit"])
                    if child is not None:
                        child._ended_threadsafe(message["code"])
                elif "id" in message:
                    if fds:
                        message["pidfd"] = fds[0]
                    with self._lock:
                        waiting = self._pending.pop(message["id"], None)
                    if waiting is None:  # nobody waits any more (timed out): the seat is not wanted
                        if "pid" in message:
                            with self._lock:
                                self._unwanted.add(message["pid"])
                        if fds:
                            _signal(fds[0], signal.SIGKILL)
                            os.close(fds[0])
                        continue
                    _settle(*waiting, message)
        except (OSError, ValueError):
            pass
        finally:
            self._died()

    def _died(self) -> None:
        """The zygote is gone: its seats were killed with it (PR_SET_PDEATHSIG); say so to whoever waits."""
        with self._lock:
            self.dead = True
            waiters, self._ready_waiters = self._ready_waiters, []
            pending, self._pending = self._pending, {}
            children, self._children = self._children, {}
        for loop, future in waiters:
            _settle(loop, future, False)
        for loop, future in pending.values():
            _settle(loop, future, None)
        for child in children.values():
            child._wait_gone(5.0)
            child._ended_threadsafe(-signal.SIGKILL)
        try:
            self.process.kill()
        except OSError:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        self._sock.close()
        self._out.close()

    def stop(self) -> None:
        """End the zygote (its seats end with it)."""
        self.dead = True
        try:
            self.process.kill()
        except OSError:
            pass


def _settle(loop: asyncio.AbstractEventLoop, future: asyncio.Future, value: object) -> None:
    def settle() -> None:
        if not future.done():
            future.set_result(value)

    try:
        loop.call_soon_threadsafe(settle)
    except RuntimeError:  # that loop is closed: nobody waits
        pass


def _signal(pidfd: int, sig: int) -> None:
    try:
        signal.pidfd_send_signal(pidfd, sig)
    except (ProcessLookupError, OSError):
        pass


class ZygoteProcess:
    """A seat forked by the zygote, with what the server uses of `asyncio.subprocess.Process`.

    Signals go through a pidfd (never to a pid that has meanwhile been reused); the exit code comes
    from the zygote, which reaps its children."""

    def __init__(self, pid: int, pidfd: int, loop: asyncio.AbstractEventLoop) -> None:
        self.pid = pid
        self._pidfd: int | None = pidfd
        self._loop = loop
        self._exit = loop.create_future()
        self.warm = loop.create_future()  # done once the seat has drawn (see WARMING)
        self._written = 0
        self._warm_timer = loop.call_later(WARM_SECONDS, self._warmed)
        self.returncode: int | None = None
        self.stdin: asyncio.StreamWriter | None = None
        self.stdout: asyncio.StreamReader | None = None
        self.stderr: asyncio.StreamReader | None = None
        self._transports: list[asyncio.BaseTransport] = []

    async def _connect(self, stdin_fd: int, stdout_fd: int, stderr_fd: int) -> None:
        loop = self._loop
        files = [open(stdin_fd, "wb", buffering=0), open(stdout_fd, "rb", buffering=0),
                 open(stderr_fd, "rb", buffering=0)]
        try:
            self.stdout, self.stderr = asyncio.StreamReader(loop=loop), asyncio.StreamReader(loop=loop)
            for reader, file in ((self.stdout, files[1]), (self.stderr, files[2])):
                counted = self._count if reader is self.stdout else None
                transport, _ = await loop.connect_read_pipe(
                    lambda r=reader, c=counted: _ReadProtocol(r, c, loop), file)
                self._transports.append(transport)
            transport, protocol = await loop.connect_write_pipe(
                lambda: _WriteProtocol(loop), files[0])
            self._transports.append(transport)
            self.stdin = asyncio.StreamWriter(transport, protocol, None, loop)
        except BaseException:
            for transport in self._transports:
                transport.close()
            for file in files:
                file.close()
            raise

    def _count(self, size: int) -> None:
        self._written += size
        if self._written >= WARM_BYTES:
            self._warmed()

    def _warmed(self) -> None:
        self._warm_timer.cancel()
        if not self.warm.done():
            self.warm.set_result(None)

    def _ended_threadsafe(self, code: int) -> None:
        try:
            self._loop.call_soon_threadsafe(self._ended, code)
        except RuntimeError:  # the loop is closed
            self.returncode = code
            self._close_pidfd()

    def _ended(self, code: int) -> None:
        if self.returncode is None:
            self.returncode = code
        self._close_pidfd()
        self._warmed()
        if not self._exit.done():
            self._exit.set_result(self.returncode)

    def _close_pidfd(self) -> None:
        pidfd, self._pidfd = self._pidfd, None
        if pidfd is not None:
            os.close(pidfd)

    def _wait_gone(self, timeout: float) -> None:
        """Block (reader thread) until the process has ended, killing it if it lingers."""
        pidfd = self._pidfd
        if pidfd is None:
            return
        import select

        try:
            if not select.select([pidfd], [], [], timeout)[0]:
                _signal(pidfd, signal.SIGKILL)
                select.select([pidfd], [], [], timeout)
        except (OSError, ValueError):
            pass

    async def wait(self) -> int:
        return await asyncio.shield(self._exit)

    def send_signal(self, sig: int) -> None:
        if self.returncode is None and self._pidfd is not None:
            _signal(self._pidfd, sig)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def __repr__(self) -> str:
        return f"<ZygoteProcess {self.pid}>"


class _ReadProtocol(asyncio.StreamReaderProtocol):
    """A stdout/stderr pipe's protocol; for stdout, it also counts what the seat has written."""

    def __init__(self, reader: asyncio.StreamReader, counted: Callable[[int], None] | None,
                 loop: asyncio.AbstractEventLoop) -> None:
        super().__init__(reader, loop=loop)
        self._counted = counted

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self._counted is not None:
            self._counted(len(data))


class _WriteProtocol(asyncio.streams.FlowControlMixin, asyncio.Protocol):
    """The stdin pipe's protocol: what `StreamWriter.drain()` needs (pause/resume, connection lost)."""


_zygote: _Zygote | None = None
_restarts = 0
_last_start = 0.0
_start_lock = threading.Lock()
_told: set[str] = set()


def start(env: dict[str, str] | None = None, python: str | None = None) -> bool:
    """Start the zygote now (the server calls this once as it starts, in its main thread: the zygote
    dies with the thread that started it); True if one is running or starting. Cheap to call again."""
    global _zygote, _restarts, _last_start
    if not _zygote_wanted():
        return False
    with _start_lock:
        if _zygote is not None and not _zygote.dead:
            return True
        if _last_start:  # one died or failed to start: another, but not in a loop
            if _restarts >= MAX_RESTARTS or time.monotonic() - _last_start < RESTART_PAUSE:
                return False
            _restarts += 1
        _last_start = time.monotonic()
        try:
            _zygote = _Zygote(python or sys.executable, served_environment() if env is None else env)
        except (OSError, ValueError) as error:
            log.warning("seat zygote could not start (%s); seats start the plain way", error)
            _zygote = None
            return False
        return True


def stop() -> None:
    """Stop the zygote, if any (its seats end with it); the next `start()` starts afresh."""
    global _zygote, _restarts, _last_start
    with _start_lock:
        zygote, _zygote = _zygote, None
        _restarts, _last_start = 0, 0.0
    if zygote is not None:
        zygote.stop()


def zygote_pid() -> int | None:
    """The running zygote's pid (for tests and the bench), or None."""
    zygote = _zygote
    return zygote.pid if zygote is not None and zygote.ready and not zygote.dead else None


async def open_process(argv: list[str], env: dict[str, str]):
    """Start one seat's app with pipes for textual-serve's protocol; it ends with the server."""
    if _zygote_wanted() and seat_args(argv, argv[0] if argv else "") is not None:
        if _zygote is None or _zygote.dead:
            start({k: v for k, v in env.items() if k not in SEAT_VARIABLES}, python=argv[0])
        zygote = _zygote
        if zygote is not None and not zygote.dead:
            reason = zygote.why_not(argv, env)
            if reason is None:
                if await zygote.wait_ready(READY_TIMEOUT):
                    gate = _gate()
                    await gate.acquire()
                    try:
                        process = await zygote.spawn(argv, env)
                    except BaseException:
                        gate.release()
                        raise
                    if process is not None:
                        process.warm.add_done_callback(lambda _: gate.release())
                        return process
                    gate.release()
            elif reason not in _told:  # once per reason, not once per seat
                _told.add(reason)
                log.warning("seats start without the zygote: %s", reason)
    return await _exec(argv, env)


_gates: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _gate() -> asyncio.Semaphore:
    """This event loop's admission of seats warming up (a semaphore belongs to one loop)."""
    loop = asyncio.get_running_loop()
    gate = _gates.get(loop)
    if gate is None:
        gate = _gates[loop] = asyncio.Semaphore(WARMING)
    return gate


async def _exec(argv: list[str], env: dict[str, str]) -> asyncio.subprocess.Process:
    """A new interpreter for the seat (the way before the zygote, and its fallback)."""
    parent = os.getpid()

    def in_child() -> None:
        die_with_parent()
        if os.getppid() != parent:  # the server died before the request above took effect
            os._exit(1)

    return await asyncio.create_subprocess_exec(
        *argv,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=env,
        preexec_fn=in_child,
    )
