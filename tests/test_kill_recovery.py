"""Issue #7, recovery: the practice app killed with SIGKILL in the middle of an entry, 50 times; on
every restart each entry it confirmed is there and none is half-written.

The runner is `bench/kill_runs.py` (also the reliability report's source: `kill_runs(n, workdir)`).
Each run is the real Textual app, headless, on one shared office file: log in by NIP, *SKP Saya*,
fill the RHK form and press *Tambah RHK*, fill the indikator form and press *Tambah Indikator*, again
and again, until the kill lands during a save. Three app processes run at once, as seats of a class
do. The checker itself is tested on files made wrong on purpose, so a pass means something.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sqlite3
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
KILLS = 50

pytestmark = pytest.mark.skipif(not hasattr(os, "fork") or sys.platform == "win32",
                                reason="SIGKILL and fork are POSIX")


def _load():
    spec = importlib.util.spec_from_file_location("kill_runs", ROOT / "bench" / "kill_runs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


kill_runs_module = _load()
kill_runs = kill_runs_module.kill_runs


def test_app_killed_mid_entry_50_times_keeps_every_confirmed_entry_and_no_half(tmp_path: Path) -> None:
    started = time.monotonic()
    result = kill_runs(KILLS, tmp_path, parallel=3)
    seconds = time.monotonic() - started
    print(f"\nkill test: {json.dumps({k: v for k, v in result.items() if k != 'findings'})} "
          f"wall={seconds:.1f}s")
    assert result["errors"] == []
    assert result["runs"] == KILLS
    assert result["lost"] == 0, result["findings"]
    assert result["half_written"] == 0, result["findings"]
    assert result["confirmed"] >= KILLS // 2  # the kills landed among real saves
    assert result["confirmed_rhk"] and result["confirmed_indikator"]
    assert result["saves_started"] > result["confirmed"]  # some kills hit a save before it was confirmed


def test_fresh_interpreters_too(tmp_path: Path) -> None:
    """`spawn=True`: each app a new `python bench/kill_runs.py app ...`, nothing inherited by fork."""
    result = kill_runs(3, tmp_path, spawn=True, parallel=3)
    assert result["errors"] == [] and result["runs"] == 3
    assert result["lost"] == 0 and result["half_written"] == 0, result["findings"]


def test_the_checker_sees_a_lost_entry_and_a_half_written_one(tmp_path: Path) -> None:
    db, ids = kill_runs_module.prepare(tmp_path)
    lost, half = kill_runs_module.check(db, ids, {"rhk": {"k9.9"}, "indikator": set()})
    assert lost == {("rhk", "k9.9")} and half == []
    conn = sqlite3.connect(db)
    with conn:  # an RHK row no command wrote (as a torn, unaudited write would leave)
        conn.execute("INSERT INTO rhk (skp_id, induk_rhk_id, jenis, teks) VALUES (?, ?, 'utama', ?)",
                     [ids["skp_id"], ids["induk"], kill_runs_module.RHK_TEXT.format(tag="[k8.8]")])
        conn.execute("INSERT INTO rhk (skp_id, jenis, teks) VALUES (?, 'utama', 'Tersusunnya lapo')",
                     [ids["skp_id"]])
    conn.close()
    lost, half = kill_runs_module.check(db, ids, {"rhk": {"k8.8"}, "indikator": set()})
    assert lost == {("rhk", "k8.8")}
    assert any("k8.8: 0 audit rows, 1 rhk rows" in h for h in half)
    assert any("no tag" in h and "partial row" in h for h in half)


def test_the_checker_reads_one_state_while_other_seats_commit(tmp_path: Path, monkeypatch) -> None:
    """The flake seen once in CI ('rhk k2.0: 0 audit rows, 1 rhk rows'): the check after one kill runs
    while the other app processes save on, and its audit and RHK reads straddled a commit. Here
    another seat commits a whole entry (audit row and RHK, one transaction) exactly when the checker
    starts reading RHK rows; read in one snapshot, the checker must see neither half of it."""
    import sandbox.store
    from sandbox.workflow import tambah_rhk

    db, ids = kill_runs_module.prepare(tmp_path)
    real_open = sandbox.store.open_store
    other = real_open(db)
    committed: list[int] = []

    def commit_between(sql: str) -> None:
        if sql.lstrip().startswith("SELECT id, skp_id") and not committed:
            committed.append(tambah_rhk(other, kill_runs_module.PEGAWAI, ids["skp_id"],
                                        kill_runs_module.RHK_TEXT.format(tag="[k7.7]"),
                                        induk_rhk_id=ids["induk"]))

    def open_traced(*args, **kwargs):
        store = real_open(*args, **kwargs)
        store.conn.set_trace_callback(commit_between)
        return store

    monkeypatch.setattr(sandbox.store, "open_store", open_traced)
    try:
        lost, half = kill_runs_module.check(db, ids, {"rhk": set(), "indikator": set()})
    finally:
        other.close()
    assert committed, "the other seat's commit did not happen during the check"
    assert (lost, half) == (set(), [])
    lost, half = kill_runs_module.check(db, ids, {"rhk": {"k7.7"}, "indikator": set()})
    assert (lost, half) == (set(), [])  # the next check sees the whole entry

