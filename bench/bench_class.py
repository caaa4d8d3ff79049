"""Benchmark: a classroom on one laptop — staging a round for N seats, the trainer's board, moving
the clock, and N seat processes writing at once (each its own SQLite connection, as served seats).

Prints figures; asserts nothing. Run from the repository root:
    .venv/bin/python bench/bench_class.py [--seats 30] [--rounds 3] [--scenario T03]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import statistics
import tempfile
import time
from pathlib import Path

from sandbox.store import open_store
from sandbox.training.attempt import world_of
from sandbox.training.classroom import board, create_class, current_attempt, move_clock, start_round
from sandbox.training.scenario import load_scenario
from sandbox.workflow import isi_realisasi, tambah_bukti


def _seat(args: tuple[str, int]) -> tuple[int, float, int, float, int]:
    """One seat: realisation and evidence for every indikator of Triwulan I; per-command latencies."""
    path, seat = args
    latencies = []
    errors = 0
    with open_store(path) as store:
        attempt = current_attempt(store, 1, seat)
        world = world_of(store, attempt["id"])
        nip = world.nip("pegawai")
        period = world.period("pegawai", 1)
        indikator = [r[0] for r in store.conn.execute(
            "SELECT i.id FROM indikator i JOIN rhk ON rhk.id = i.rhk_id WHERE rhk.skp_id = ?",
            [period["skp_id"]])]
        began = time.perf_counter()
        for ind in indikator:
            for command in (lambda i=ind: isi_realisasi(store, nip, period["id"], i, nilai=20),
                            lambda i=ind: tambah_bukti(store, nip, period["id"], i, "Laporan",
                                                       f"https://drive.example.go.id/{seat}/{i}")):
                started = time.perf_counter()
                try:
                    command()
                except Exception:  # noqa: BLE001 - counted, the figure says how many
                    errors += 1
                latencies.append(time.perf_counter() - started)
        busy = time.perf_counter() - began
    return seat, max(latencies), errors, busy, len(latencies)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seats", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--scenario", default="T03")
    args = parser.parse_args()
    scenario = load_scenario(args.scenario)
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "kelas.db")
        with open_store(path) as store:
            started = time.perf_counter()
            info = create_class(store, "Bench", args.seats)
            print(f"create class ({args.seats} seats, demo office): {time.perf_counter() - started:.2f} s")
            rounds, boards = [], []
            for _ in range(args.rounds):
                started = time.perf_counter()
                start_round(store, info.id, scenario)
                rounds.append(time.perf_counter() - started)
                started = time.perf_counter()
                board(store, info.id)
                boards.append(time.perf_counter() - started)
            per_seat = statistics.median(rounds) / args.seats * 1000
            median = statistics.median(rounds)
            print(f"start round {scenario.id} for {args.seats} seats: median {median:.2f} s"
                  f" ({min(rounds):.2f}–{max(rounds):.2f}); per seat {per_seat:.0f} ms")
            print(f"board() with {args.seats} seats: median {statistics.median(boards) * 1000:.0f} ms"
                  f" (the console polls every 2 s and redraws only after another process committed)")
            started = time.perf_counter()
            move_clock(store, info.id, "2026-04-08T12:00:00")
            print(f"move the class clock: {(time.perf_counter() - started) * 1000:.0f} ms")
        with open_store(path) as store:
            mark = store.conn.execute("SELECT max(id) FROM audit_log").fetchone()[0]
        started = time.perf_counter()
        with mp.get_context("spawn").Pool(args.seats) as pool:
            results = pool.map(_seat, [(path, s) for s in range(1, args.seats + 1)])
            wall = time.perf_counter() - started
        worst = max(r[1] for r in results)
        errors = sum(r[2] for r in results)
        busiest = max(r[3] for r in results)
        commands = sum(r[4] for r in results)
        with open_store(path) as store:
            writes = store.conn.execute("SELECT count(*) FROM audit_log WHERE id > ? AND action IN"
                                        " ('periode.realisasi', 'periode.bukti')", [mark]).fetchone()[0]
            stale = board(store, info.id)
        print(f"{args.seats} seat processes writing at once: {commands} commands sent, {writes} written"
              f" (audit rows), errors {errors}; slowest seat {busiest:.2f} s of work, slowest single"
              f" command {worst * 1000:.0f} ms; {wall:.1f} s wall including {args.seats} Python start-ups")
        passed = sum(r.tugas_lulus for r in stale)
        print(f"board after the burst: {passed} tasks passed over {len(stale)} seats")


if __name__ == "__main__":
    main()
