"""How `ekinerja serve` starts one seat's app process, and how it makes sure the process ends.

The interface the server uses is `open_process(argv, env)`: an object with `stdin`, `stdout`,
`stderr` (asyncio streams), `pid`, `returncode`, `wait()`, `terminate()` and `kill()`, like
`asyncio.subprocess.Process`. The process is started without a shell (the server's signals reach
the app, not a `/bin/sh` wrapper) and dies with the server: on Linux the kernel sends it SIGKILL
when the server's process ends for any reason (`PR_SET_PDEATHSIG`), kill -9 included.
"""

from __future__ import annotations

import asyncio
import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Ask the kernel to kill this process when its parent ends (Linux; elsewhere nothing)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return


async def open_process(argv: list[str], env: dict[str, str]) -> asyncio.subprocess.Process:
    """Start one seat's app with pipes for textual-serve's protocol; it ends with the server."""
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
