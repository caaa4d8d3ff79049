"""Kill the practice app with SIGKILL in the middle of an entry, again and again, and count what a
restart finds: every entry the app confirmed must be there, and none may be half-written.

Each run starts the real Textual app (`SandboxApp`, headless, on the office file every run shares),
logs in as a pegawai by typing her NIP, opens *SKP Saya* (F2) and saves entries the way a trainee
does: fill the RHK form, press *Tambah RHK*; fill the indikator form for that RHK, press *Tambah
Indikator*. The button handlers call the workflow service (`tambah_rhk`, `tambah_indikator`), each one
`Store.apply` transaction. The app process writes `SAVING` to a pipe as it presses a button, and
`OK <kind> <tag>` once the saved entry shows in the SKP list on screen, i.e. after COMMIT: a line on
the pipe is a promise to the user (the pipe's kernel buffer outlives the killed process). The runner
waits for a random `SAVING`, sleeps a random fraction of an entry's time and kills the process with
SIGKILL, so the kill lands mid-entry: in the handler, inside the transaction, or while the screen
refreshes.

After every kill the file is opened again as the next app start would (`open_store`: WAL recovery
and the page check on open) and judged:

- lost: a confirmed entry whose row or audit row is missing;
- half-written: an audit row without its RHK/indikator row, a row without its audit row, a row that
  differs from what its command asked for (a partial row), or any `PRAGMA integrity_check` /
  `foreign_key_check` finding.

Three app processes run at once (`parallel`), as seats of a class do, each killed on its own. They
are forked from the caller (which imported the app once), so a run costs the app's start (~0.8 s of
Textual), not an interpreter's; `spawn=True` starts each one as a fresh `python bench/kill_runs.py
app ...` instead (slower, same checks). 50 runs take 38-55 s on a loaded 2-core machine.

    python bench/kill_runs.py [--runs 50] [--spawn] [--dir FOLDER]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

PEGAWAI = "199704292023112001"  # Ade Haryanti, Operator Layanan Operasional: her SKP starts as a DRAFT
RHK_TEXT = "Tersusunnya laporan uji henti {tag}"
IND_TEXT = "Jumlah laporan uji henti {tag}"
TAG = re.compile(r"\[(k\d+\.\d+)\]")
ACTIONS = {"skp.rhk.tambah": "rhk", "skp.indikator.tambah": "indikator"}
READY_TIMEOUT_S = 60.0


# -- the office every run shares --------------------------------------------------------------------------
def prepare(workdir: str | os.PathLike[str]) -> tuple[Path, dict[str, Any]]:
    """The ready demo office with the pegawai's 2026 SKP drafted (through the workflow); returns the
    file and what the runs need: the atasan's RHK to intervene and the rows there before any run."""
    from sandbox.store import open_store
    from sandbox.tui.office import open_office
    from sandbox.tui.session import YEAR
    from sandbox.workflow import buat_skp
    from sandbox.workflow.views import current_skp, parent_rhk_options

    db = Path(workdir) / "kantor.db"
    for stale in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        stale.unlink(missing_ok=True)
    open_office(db).close()
    with open_store(db) as store:
        skp = current_skp(store, PEGAWAI, YEAR) or {"id": buat_skp(store, PEGAWAI, YEAR, "kuantitatif")}
        induk = parent_rhk_options(store, PEGAWAI, YEAR)[0]["id"]
        marks = {t: store.conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {t}").fetchone()[0]
                 for t in ("rhk", "indikator", "audit_log")}
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db, {"skp_id": skp["id"], "induk": induk, "marks": marks}


# -- the app process --------------------------------------------------------------------------------------
def _say(fd: int, line: str) -> None:
    os.write(fd, (line + "\n").encode())


async def _drive(db: str, ids: dict[str, Any], run: int, fd: int) -> None:
    from textual.widgets import Button, Input, Select, Static

    from sandbox.tui.app import SandboxApp
    from sandbox.tui.screens.skp import SkpScreen

    app = SandboxApp("id", db_path=db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one("#cari", Input).value = PEGAWAI  # typed, as a trainee does
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        screen = app.screen
        if not isinstance(screen, SkpScreen) or screen.skp is None or screen.skp["id"] != ids["skp_id"]:
            raise RuntimeError(f"SKP Saya did not open on SKP {ids['skp_id']}: {screen!r}")
        _say(fd, "READY")
        store = app.session.store

        async def save(kind: str, button: str, error: str, text: str) -> None:
            _say(fd, "SAVING")
            screen.query_one(button, Button).press()
            await pilot.pause()
            shown = str(screen.query_one("#daftar", Static).render())
            problem = str(screen.query_one(error, Static).render())
            if problem or text not in shown:
                raise RuntimeError(f"{kind} {text!r} not saved: {problem or 'not in the list'}")
            _say(fd, f"OK {kind} {TAG.search(text).group(1)}")

        for entry in range(1_000_000):
            tag = f"[k{run}.{entry}]"
            rhk_text = RHK_TEXT.format(tag=tag)
            screen.query_one("#induk", Select).value = ids["induk"]
            screen.query_one("#rhk-teks", Input).value = rhk_text
            await save("rhk", "#tambah-rhk", "#rhk-error", rhk_text)
            (rhk_id,) = store.conn.execute("SELECT id FROM rhk WHERE teks = ?", [rhk_text]).fetchone()
            ind_text = IND_TEXT.format(tag=tag)
            screen.query_one("#ind-rhk", Select).value = rhk_id
            screen.query_one("#ind-teks", Input).value = ind_text
            screen.query_one("#target", Input).value = str(entry % 24 + 1)
            screen.query_one("#satuan", Input).value = "laporan"
            await save("indikator", "#tambah-ind", "#ind-error", ind_text)


def app_process(db: str, ids: dict[str, Any], run: int, fd: int) -> None:
    """The body of one app process: saves entries until killed; an unexpected failure is reported
    as an `ERROR` line (the runner fails on it), never swallowed."""
    import traceback

    try:
        asyncio.run(_drive(db, ids, run, fd))
    except BaseException:
        _say(fd, "ERROR " + traceback.format_exc().replace("\n", " | "))
        raise


# -- the verdict after a kill -----------------------------------------------------------------------------
def check(db: Path, ids: dict[str, Any], confirmed: dict[str, set[str]]) -> tuple[set[tuple[str, str]],
                                                                                   list[str]]:
    """Open the file as a restart would; returns (confirmed entries missing, half-written findings)."""
    from sandbox.store import open_store

    half: list[str] = []
    marks = ids["marks"]
    with open_store(db) as store, store.snapshot() as conn:  # one view: the other seats write on
        half += [f"integrity_check: {r[0]}" for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        half += [f"foreign key: {tuple(r)}" for r in conn.execute("PRAGMA foreign_key_check")]
        audits: dict[tuple[str, str], list[dict]] = {}
        for aid, action, payload in conn.execute(
                "SELECT id, action, payload FROM audit_log WHERE id > ? AND action IN (?, ?) ORDER BY id",
                [marks["audit_log"], *ACTIONS]):
            p = json.loads(payload)
            found = TAG.search(p.get("teks") or "")
            if found is None:
                half.append(f"audit {aid} {action}: no tag in {p.get('teks')!r}")
                continue
            audits.setdefault((ACTIONS[action], found.group(1)), []).append({"id": aid, **p})
        rows: dict[tuple[str, str], list[dict]] = {}
        for kind, sql in (
                ("rhk", "SELECT id, skp_id, induk_rhk_id, teks, jenis FROM rhk WHERE id > ?"),
                ("indikator", "SELECT id, rhk_id, teks, aspek, target_nilai, target_satuan FROM indikator"
                              " WHERE id > ?")):
            cursor = conn.execute(sql, [marks[kind]])
            names = [d[0] for d in cursor.description]
            for r in cursor:
                row = dict(zip(names, r, strict=True))
                found = TAG.search(row["teks"] or "")
                if found is None:
                    half.append(f"{kind} {row['id']}: no tag in {row['teks']!r} (a partial row)")
                    continue
                rows.setdefault((kind, found.group(1)), []).append(row)
    for key in sorted(set(audits) | set(rows)):
        kind, tag = key
        made, asked = rows.get(key, []), audits.get(key, [])
        if len(made) != 1 or len(asked) != 1:
            half.append(f"{kind} {tag}: {len(asked)} audit rows, {len(made)} {kind} rows")
            continue
        row, p = made[0], asked[0]
        want = ({"skp_id": p["skp_id"], "induk_rhk_id": p["induk_rhk_id"], "teks": p["teks"]} if kind == "rhk"
                else {"rhk_id": p["rhk_id"], "teks": p["teks"], "target_nilai": float(p["target_nilai"]),
                      "target_satuan": p["target_satuan"]})
        wrong = {k: row[k] for k, v in want.items() if row[k] != v}
        if wrong:
            half.append(f"{kind} {tag}: {wrong} differs from its command {want}")
    whole = {key for key in rows if len(rows[key]) == 1 and len(audits.get(key, [])) == 1}
    lost = {(kind, tag) for kind, tags in confirmed.items() for tag in tags} - whole
    return lost, half


# -- the runner -------------------------------------------------------------------------------------------
def _start(db: Path, ids: dict[str, Any], run: int, spawn: bool) -> tuple[Any, int]:
    read_fd, write_fd = os.pipe()
    prefs = str(db.parent / "prefs.json")  # the app's preferences file: the runs', not the user's
    if spawn:
        child = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "app", str(db), json.dumps(ids), str(run),
             str(write_fd)], pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env={**os.environ, "EKINERJA_PREFS": prefs})
        os.close(write_fd)
        return child.pid, read_fd
    pid = os.fork()
    if pid == 0:  # the app process: never returns into the caller
        code = 0
        try:
            os.close(read_fd)
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            os.environ["EKINERJA_PREFS"] = prefs
            app_process(str(db), ids, run, write_fd)
        except BaseException:
            code = 3
        finally:
            os._exit(code)
    os.close(write_fd)
    return pid, read_fd


class _Run:
    """One app process being watched: its pipe, what it confirmed, and when it is to be killed."""

    def __init__(self, number: int, pid: int, fd: int, target: int, ready_by: float):
        self.number, self.pid, self.fd, self.target = number, pid, fd, target
        self.buffer = bytearray()
        self.saves = 0
        self.kill_at: float | None = None
        self.ready_by = ready_by

    def lines(self, chunk: bytes) -> list[str]:
        self.buffer += chunk
        *whole, rest = bytes(self.buffer).split(b"\n")
        self.buffer[:] = rest
        return [line.decode() for line in whole]


def kill_runs(n: int, workdir: str | os.PathLike[str], *, seed: int = 20260401, spawn: bool = False,
              parallel: int = 3, window_s: float = 0.1) -> dict[str, Any]:
    """Start the app `n` times on one office file (`parallel` at once, like seats of a class), kill
    each with SIGKILL mid-entry, and check the file after every kill.

    Returns {"runs", "confirmed", "lost", "half_written", ...}: kills, entries the app confirmed in
    all, confirmed entries missing after a restart, half-written findings (see `check`).
    """
    import sandbox.tui.app  # noqa: F401 - imported once here, so forked app processes start at once

    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    db, ids = prepare(workdir)
    rng = random.Random(seed)
    confirmed: dict[str, set[str]] = {"rhk": set(), "indikator": set()}
    lost: set[tuple[str, str]] = set()
    half: list[str] = []
    errors: list[str] = []
    saves_started = kills = 0
    running: dict[int, _Run] = {}
    started = time.monotonic()

    def hear(run: _Run, chunk: bytes) -> None:
        nonlocal saves_started
        run.ready_by = time.monotonic() + READY_TIMEOUT_S  # it is alive: the next line is due by then
        for line in run.lines(chunk):
            if line.startswith("OK "):
                _, kind, tag = line.split()
                confirmed[kind].add(tag)
            elif line == "SAVING":
                run.saves += 1
                saves_started += 1
                if run.saves == run.target and run.kill_at is None:
                    run.kill_at = time.monotonic() + rng.uniform(0.0, window_s)
            elif line.startswith("ERROR"):
                errors.append(f"run {run.number}: {line}")
                run.kill_at = time.monotonic()

    def kill(run: _Run) -> None:
        nonlocal kills
        try:
            os.kill(run.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(run.pid, 0)
        kills += 1
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:  # what it wrote before dying is still in the pipe
            ready, _, _ = select.select([run.fd], [], [], max(0.0, deadline - time.monotonic()))
            chunk = os.read(run.fd, 65536) if ready else b""
            if not chunk:
                break
            hear(run, chunk)
        os.close(run.fd)
        del running[run.fd]
        missing, findings = check(db, ids, confirmed)  # the restart: open, recover, judge
        lost.update(missing)
        half.extend(f"after run {run.number}: {f}" for f in findings)

    number = 0
    while number < n or running:
        while number < n and len(running) < parallel:
            pid, fd = _start(db, ids, number, spawn)
            running[fd] = _Run(number, pid, fd, rng.randint(1, 3), time.monotonic() + READY_TIMEOUT_S)
            number += 1
        now = time.monotonic()
        due = [r for r in running.values()
               if (r.kill_at is not None and r.kill_at <= now) or r.ready_by <= now]
        for run in due:
            if run.ready_by <= now:
                errors.append(f"run {run.number}: silent for {READY_TIMEOUT_S:.0f} s")
            kill(run)
        if due:
            continue
        wake = min([r.kill_at for r in running.values() if r.kill_at is not None]
                   + [r.ready_by for r in running.values()])
        ready, _, _ = select.select(list(running), [], [], max(0.0, wake - time.monotonic()))
        for fd in ready:
            chunk = os.read(fd, 65536)
            if chunk:
                hear(running[fd], chunk)
            else:  # the process ended by itself (it never should): an error, then reap it
                running[fd].kill_at = time.monotonic()
                errors.append(f"run {running[fd].number}: the app process ended before it was killed")
    seconds = time.monotonic() - started
    committed = _committed(db, ids)
    total = sum(len(tags) for tags in confirmed.values())
    return {"runs": kills, "confirmed": total, "lost": len(lost), "half_written": len(half),
            "confirmed_rhk": len(confirmed["rhk"]), "confirmed_indikator": len(confirmed["indikator"]),
            "committed": committed, "committed_unconfirmed": committed - total,
            "saves_started": saves_started,
            "errors": errors, "findings": sorted(f"lost {k} {t}" for k, t in lost) + half[:20],
            "seconds": round(seconds, 1), "spawn": spawn, "parallel": parallel}


def _committed(db: Path, ids: dict[str, Any]) -> int:
    from sandbox.store import open_store

    with open_store(db) as store:
        return store.conn.execute("SELECT count(*) FROM audit_log WHERE id > ? AND action IN (?, ?)",
                                  [ids["marks"]["audit_log"], *ACTIONS]).fetchone()[0]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["app"]:  # a spawned app process: app DB IDS RUN FD
        _, db, ids, run, fd = argv
        app_process(db, json.loads(ids), int(run), int(fd))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--spawn", action="store_true", help="a fresh interpreter per run")
    parser.add_argument("--dir", default=None, help="work folder (default: a temporary one)")
    args = parser.parse_args(argv)
    workdir = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="kill-runs-"))
    try:
        result = kill_runs(args.runs, workdir, spawn=args.spawn)
    finally:
        if not args.dir:
            shutil.rmtree(workdir, ignore_errors=True)
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0 if result["lost"] == 0 and result["half_written"] == 0 and not result["errors"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
