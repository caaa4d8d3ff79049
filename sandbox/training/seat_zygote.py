"""The seat fork server ("zygote"): one process that has imported the app once; every seat is a fork.

A seat started with `python -m sandbox seat` spends about a second of CPU importing Textual, the
app and its data before it draws anything, and keeps its own copy of all of it. Thirty trainees
clicking the class link together on a two-core laptop is then thirty seconds of imports. Here
the imports happen once: this process imports what a seat imports (no database, no thread, no
event loop), freezes the garbage collector's view of it (so the children's collections do not
write to the shared pages), and forks one child per request. The child is a seat process: its
own pipes on 0/1/2, its own environment, and the same code `python -m sandbox seat …` runs.

The server side is `sandbox.training.seat_launch`, which starts this module as
`python -m sandbox.training.seat_zygote FD SERVER_PID` with one end of a socketpair on FD.
Protocol (SOCK_SEQPACKET, one JSON object per message):

- zygote → server, once: `{"ready": zygote_pid}` when the imports are done;
- server → zygote: `{"id": n, "argv": [...], "env": {...}, "cwd": "..."}` with three file
  descriptors (the child's stdin, stdout, stderr) attached (SCM_RIGHTS);
- zygote → server: `{"id": n, "pid": pid}` with the child's pidfd attached, or
  `{"id": n, "error": "..."}`; later `{"exit": pid, "code": returncode}` when the child ended
  (the zygote reaps its children; the code is `asyncio`'s: negative for a signal).

Lifetimes: this process dies with the server (PR_SET_PDEATHSIG) and its children die with it
(the same, set by each child). It only ever runs `python -m sandbox seat …` from the Python it is
itself; anything else is refused and the server starts it the plain way.
"""

from __future__ import annotations

import gc
import importlib
import io
import json
import os
import pkgutil
import select
import signal
import socket
import sys
from dataclasses import dataclass

MAX_MESSAGE = 256 * 1024  # an environment is a few KB; a bigger request is refused, not cut short
SEAT_PREFIX = ["-m", "sandbox", "seat"]  # argv[1:4] of the only command a zygote runs

# What a seat imports (measured: the modules a seat holds after its first screen), imported once here.
# Whole packages are walked so a screen a trainee opens later is already shared too.
PRELOAD_MODULES = (
    "runpy",
    "sandbox.cli",
    "sandbox.cli_training",
    "sandbox.cli_backup",
    "sandbox.tui.app",
    "textual.drivers.web_driver",
    "textual.drivers.headless_driver",
    "textual.layouts.factory",
    "textual.layouts.horizontal",
    "textual.layouts.vertical",
    "textual.layouts.grid",
    "textual.layouts.stream",
    "textual.scrollbar",
    "textual.pilot",
    "importlib.metadata",
    "email.utils",
    "queue",
    "concurrent.futures.thread",
    "rich._emoji_codes",
)
PRELOAD_PACKAGES = ("sandbox.tui", "sandbox.training", "sandbox.workflow")
NOT_PRELOADED = ("sandbox.training.serve", "sandbox.training.seat_launch", "sandbox.training.seat_zygote")


def seat_args(argv: list[str], python: str) -> list[str] | None:
    """The arguments after `python -m sandbox` when argv is a seat command of this Python, else None."""
    if len(argv) < 4 or argv[0] != python or argv[1:4] != SEAT_PREFIX:
        return None
    return argv[3:]


def die_with_parent(expected_parent: int) -> bool:
    """Ask the kernel for SIGKILL when the parent ends; False if it already has (Linux only)."""
    import ctypes

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    return os.getppid() == expected_parent


def preload() -> None:
    """Import what a seat imports. A module that fails to import is left to the seat (which then
    fails the way a fresh process would), never a reason for the zygote not to start."""
    for name in PRELOAD_MODULES:
        _try_import(name)
    for package in PRELOAD_PACKAGES:
        module = _try_import(package)
        if module is None:
            continue
        for info in pkgutil.walk_packages(module.__path__, package + "."):
            if info.name not in NOT_PRELOADED:
                _try_import(info.name)
    try:  # rich loads its width table by name at first use: the module, not the (cached) choice
        from rich import _unicode_data

        _try_import("rich._unicode_data.unicode" + _unicode_data.VERSIONS[-1].replace(".", "-"))
    except (ImportError, AttributeError, IndexError):
        pass


def _try_import(name: str):
    try:
        return importlib.import_module(name)
    except Exception:  # noqa: BLE001 - see preload()
        return None


@dataclass
class Request:
    """What one seat needs from the server: its command, environment, folder and pipes."""

    ident: object
    argv: list[str]
    env: dict[str, str]
    cwd: str
    fds: list[int]


def _send(sock: socket.socket, message: dict, fds: list[int] = ()) -> None:
    socket.send_fds(sock, [json.dumps(message).encode()], list(fds))


def _read_request(data: bytes, fds: list[int], flags: int) -> Request:
    if flags & (socket.MSG_TRUNC | socket.MSG_CTRUNC) or len(fds) != 3:
        raise ValueError("request cut short or without its three pipes")
    raw = json.loads(data)
    argv, env, cwd = raw["argv"], raw["env"], raw["cwd"]
    if not (isinstance(argv, list) and all(isinstance(a, str) for a in argv)):
        raise ValueError("argv")
    if not (isinstance(env, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in env.items())):
        raise ValueError("env")
    if not isinstance(cwd, str):
        raise ValueError("cwd")
    if seat_args(argv, sys.executable) is None:
        raise ValueError("not a seat command of this Python")
    return Request(raw.get("id"), argv, env, cwd, fds)


def serve(sock: socket.socket) -> Request:
    """Fork a seat per request and report each child's end. Returns only in a child (its request);
    the zygote itself exits when the server closes its end."""
    children: dict[int, int] = {}  # pidfd → pid
    poller = select.poll()
    poller.register(sock.fileno(), select.POLLIN)
    while True:
        for fd, _event in poller.poll():
            if fd != sock.fileno():
                pid = children.pop(fd)
                poller.unregister(fd)
                _pid, status = os.waitpid(pid, 0)  # the pidfd is readable: the child has exited
                os.close(fd)
                _send(sock, {"exit": pid, "code": os.waitstatus_to_exitcode(status)})
                continue
            try:
                data, fds, flags, _ = socket.recv_fds(sock, MAX_MESSAGE, 3, socket.MSG_CMSG_CLOEXEC)
            except InterruptedError:
                continue
            if not data and not fds:  # the server closed its end (or died)
                raise SystemExit(0)
            try:
                request = _read_request(data, fds, flags)
            except (ValueError, KeyError, TypeError) as error:
                for extra in fds:
                    os.close(extra)
                _send(sock, {"id": _ident(data), "error": str(error)})
                continue
            gc.freeze()  # what the zygote made since the last fork is shared as well
            try:
                pid = os.fork()
            except OSError as error:
                for extra in fds:
                    os.close(extra)
                _send(sock, {"id": request.ident, "error": f"fork: {error.strerror}"})
                continue
            if pid == 0:  # the seat: drop the zygote's descriptors, keep only its own pipes
                for pidfd in children:
                    os.close(pidfd)
                sock.close()
                return request
            for extra in fds:
                os.close(extra)
            pidfd = os.pidfd_open(pid)  # before any waitpid: the pid cannot be reused yet
            children[pidfd] = pid
            poller.register(pidfd, select.POLLIN)
            _send(sock, {"id": request.ident, "pid": pid}, [pidfd])


def _ident(data: bytes):
    try:
        return json.loads(data).get("id")
    except (ValueError, AttributeError, UnicodeDecodeError):
        return None


def _stdio(fd: int, name: str, write: bool, like: io.TextIOWrapper | None) -> io.TextIOWrapper:
    """sys.stdin/out/err as a fresh interpreter makes them (CPython's create_stdio): buffered unless
    -u, line-buffered on a terminal (stderr always), the interpreter's encoding, newline '\\n'."""
    buffered = not getattr(sys.__stdout__, "write_through", False)  # -u / PYTHONUNBUFFERED, as the zygote's
    buffer = open(fd, "wb" if write else "rb", -1 if (buffered or not write) else 0, closefd=False)
    raw = buffer.raw if hasattr(buffer, "raw") else buffer
    raw.name = name
    line_buffering = buffered and (raw.isatty() or fd == 2)
    encoding = getattr(like, "encoding", None) or "utf-8"
    errors = "backslashreplace" if fd == 2 else (getattr(like, "errors", None) or "strict")
    stream = io.TextIOWrapper(buffer, encoding, errors, "\n", line_buffering, not buffered)
    stream.mode = "w" if write else "r"
    return stream


# Module-level generators seeded at import, which a fork would otherwise share among all seats (the
# `random` module reseeds its own after fork; tests/test_seat_launch.py checks this list is complete).
RESEEDED = (("faker.generator", "random"), ("faker.generator", "mod_random"),
            ("faker.utils.distribution", "mod_random"))


def fresh_randomness() -> None:
    """Each seat draws its own random numbers, as a fresh process does. Only the generators named
    above are touched: walking every module's globals would copy their pages into each seat."""
    for module_name, attribute in RESEEDED:
        generator = getattr(sys.modules.get(module_name), attribute, None)
        if generator is not None:
            generator.seed()
    numpy_random = sys.modules.get("numpy.random")
    if numpy_random is not None:
        try:
            numpy_random.seed()
        except Exception:  # noqa: BLE001 - an odd numpy: its generator is not used by a seat
            pass


def become_seat(request: Request, zygote: int) -> list[str]:
    """Turn this fresh fork into the seat's process; returns `python -m sandbox`'s arguments."""
    if not die_with_parent(zygote):  # the zygote died before the request above took effect
        os._exit(1)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # the zygote ignores Ctrl+C; a seat does not
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):
            pass
    for target, fd in enumerate(request.fds):
        os.dup2(fd, target)
    for fd in request.fds:
        if fd > 2:
            os.close(fd)
    sys.stdin = sys.__stdin__ = _stdio(0, "<stdin>", False, sys.__stdin__)
    sys.stdout = sys.__stdout__ = _stdio(1, "<stdout>", True, sys.__stdout__)
    sys.stderr = sys.__stderr__ = _stdio(2, "<stderr>", True, sys.__stderr__)
    os.chdir(request.cwd)
    os.environ.clear()
    os.environ.update(request.env)
    fresh_randomness()
    gc.enable()
    sys.orig_argv = list(request.argv)
    return seat_args(request.argv, sys.executable) or []


def main(argv: list[str]) -> None:
    """`python -m sandbox.training.seat_zygote FD SERVER_PID` (started by seat_launch, never by hand)."""
    fd, server = int(argv[0]), int(argv[1])
    if not die_with_parent(server):
        raise SystemExit(1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the server's; it stops the seats gently
    sock = socket.socket(fileno=fd)
    gc.disable()  # no collection while importing: no holes in the pages the children share
    preload()
    gc.freeze()
    gc.enable()
    _send(sock, {"ready": os.getpid()})
    zygote = os.getpid()
    try:
        request = serve(sock)
    except (BrokenPipeError, ConnectionResetError):
        raise SystemExit(0) from None
    args = become_seat(request, zygote)
    # From here on this process is `python -m sandbox seat …`: the same module, run as __main__,
    # its SystemExit ending the interpreter the usual way (threads joined, atexit, stdio flushed).
    import runpy

    sys.argv = ["-m", *args]
    runpy.run_module("sandbox", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main(sys.argv[1:])
