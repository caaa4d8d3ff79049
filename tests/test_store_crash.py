"""Kill a writer with SIGKILL at random moments, again and again: nothing it confirmed may be lost,
and no command may be half-applied.

The writer (`tests/store_helpers/writer.py`) prints a command's number only after COMMIT returned.
It is forked rather than spawned so each of the many kills costs milliseconds, not an interpreter
start-up. The parent holds no open connection while forking (SQLite connections must not cross a
fork).
"""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

from sandbox.store import content_hash, open_store
from tests.store_helpers.writer import numbers_by_table, run, seed

KILLS = 60
TIME_BUDGET_S = 20.0


def start_writer(db: Path, first: int) -> tuple[int, int]:
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the writer: never returns into pytest
        try:
            os.close(read_fd)
            os.dup2(write_fd, 1)
            run(str(db), first, None, "199001012020011001")
        finally:
            os._exit(0)
    os.close(write_fd)
    return pid, read_fd


def read_until_ready(fd: int) -> bytes:
    data = b""
    while b"READY\n" not in data:
        chunk = os.read(fd, 4096)
        if not chunk:
            break
        data += chunk
    return data


def drain(fd: int) -> bytes:
    data = b""
    while chunk := os.read(fd, 65536):
        data += chunk
    os.close(fd)
    return data


def test_sigkill_loses_no_confirmed_command_and_leaves_none_half_applied(tmp_path: Path) -> None:
    db = tmp_path / "crash.db"
    with open_store(db) as store:
        seed(store)
    rng = random.Random(20260102)
    confirmed: set[int] = set()
    kills = lost = half = 0
    next_first = 1
    started = time.monotonic()
    while kills < KILLS and time.monotonic() - started < TIME_BUDGET_S:
        pid, fd = start_writer(db, next_first)
        output = read_until_ready(fd)
        time.sleep(rng.uniform(0.0, 0.06))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        kills += 1
        output += drain(fd)
        confirmed |= {int(x) for x in output.split() if x.isdigit()}

        with open_store(db) as store:  # opens cleanly after every kill, and every page reads
            store.quick_check()
            found = numbers_by_table(store)
            content_hash(store)
        everywhere = set.intersection(*found.values())
        anywhere = set.union(*found.values())
        lost += len(confirmed - everywhere)
        half += len(anywhere - everywhere)
        assert confirmed <= everywhere, f"kill {kills}: lost {sorted(confirmed - everywhere)}"
        assert anywhere == everywhere, f"kill {kills}: half-applied {sorted(anywhere - everywhere)}"
        # committed-but-unreported commands (killed between COMMIT and print) are allowed, whole
        next_first = max(anywhere, default=0) + 1

    print(f"\ncrash test: kills={kills} confirmed={len(confirmed)} committed={next_first - 1} "
          f"lost={lost} half_applied={half} seconds={time.monotonic() - started:.1f}")
    assert kills >= 50
    assert len(confirmed) > kills  # the kills really landed among writes, not only at start-up
