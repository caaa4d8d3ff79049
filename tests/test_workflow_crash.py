"""Kill a process running the real workflow commands with SIGKILL at random moments, again and again:
nothing it confirmed may be lost, and no command may be half-applied.

The writer (`tests/workflow_crash_writer.py`) runs rencana aksi, realisasi, bukti dukung, umpan
balik, ratings (state + trace + log rows), capaian organisasi, the SKP planning cycle (with the
periods an approval attaches), clock moves and a refused acting-as attempt, each one `Store.apply`
transaction. It writes a command's audit id to a pipe only after the command returned, i.e. after
COMMIT: the pipe's kernel buffer outlives the killed writer, so a line read from it is a promise the
test checks (like an fsynced side log, without an fsync on every command moving the kills away from
the transactions). After every kill the file must open, pass `PRAGMA integrity_check`, and agree
with a replay of its own audit log (`check`).

Like `test_store_crash.py`, the writer is forked rather than spawned so each kill costs milliseconds,
and the parent holds no open connection while forking. The template office is built once and copied.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import time
from collections import Counter
from pathlib import Path

import pytest
from workflow_crash_writer import ACTIONS, build_template, check, run

from sandbox.store import open_store

KILLS = 80
TIME_BUDGET_S = 25.0


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    path = tmp_path_factory.mktemp("crash_tpl") / "tpl.db"
    with open_store(path) as store:
        ids = build_template(store)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path, ids


def start_writer(db: Path, ids: dict, seed: int) -> tuple[int, int]:
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the writer: never returns into pytest
        code = 0
        try:
            os.close(read_fd)
            run(str(db), ids, seed, write_fd)
        except BaseException:
            code = 3
        finally:
            os._exit(code)
    os.close(write_fd)
    return pid, read_fd


def read_until_ready(fd: int) -> bytes:
    data = b""
    while b"READY\n" not in data and b"ERROR" not in data:
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


def test_sigkill_during_workflow_commands_loses_nothing_confirmed_and_half_applies_nothing(
        template, tmp_path: Path) -> None:
    path, ids = template
    db = tmp_path / "crash.db"
    shutil.copy(path, db)
    rng = random.Random(20260316)
    confirmed: dict[int, str] = {}
    kills = 0
    started = time.monotonic()
    while kills < KILLS and time.monotonic() - started < TIME_BUDGET_S:
        pid, fd = start_writer(db, ids, rng.randrange(2**32))
        if rng.random() < 0.1:  # sometimes while it opens the file (WAL recovery after the last kill)
            output = b""
            time.sleep(rng.uniform(0.0, 0.003))
        else:
            output = read_until_ready(fd)
            time.sleep(rng.uniform(0.0, 0.03))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        kills += 1
        output += drain(fd)
        lines = output.decode().splitlines()
        errors = [line for line in lines if line.startswith("ERROR")]
        assert not errors, f"kill {kills}: the writer failed: {errors[0].replace(' | ', chr(10))}"
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, f"kill {kills}: {status}"
        for line in lines:
            if line != "READY":
                aid, action = line.split()
                confirmed[int(aid)] = action

        with open_store(db) as store:  # opens cleanly after every kill, and every page reads
            assert [r[0] for r in store.conn.execute("PRAGMA integrity_check")] == ["ok"]
            problems = check(store, ids, confirmed)
            committed = Counter(r[0] for r in store.conn.execute(
                "SELECT action FROM audit_log WHERE id > ?", [ids["marks"]["audit_log"]]))
        assert not problems, f"kill {kills}:\n" + "\n".join(problems[:10])

    seconds = time.monotonic() - started
    done = Counter(confirmed.values())
    print(f"\nworkflow crash test: kills={kills} confirmed={len(confirmed)} "
          f"committed={sum(committed.values())} seconds={seconds:.1f}\n  {dict(sorted(done.items()))}")
    assert kills >= 50
    assert len(confirmed) > kills  # the kills really landed among commands, not only at start-up
    assert set(done) == set(ACTIONS), f"never confirmed: {set(ACTIONS) - set(done)}"
