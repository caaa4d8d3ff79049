"""Reliability report (issue #7): how the sandbox holds up as an attacker and an unlucky user would
meet it. Prints figures; asserts nothing (the tests assert). Run from the repository root:

    .venv/bin/python bench/reliability.py [--inputs 200] [--kills 50] [--seats 30]

- bad inputs tried per parser family, and how many were handled cleanly (a message and a refusal,
  no traceback, no database change on refusal) — the same properties the fuzz tests check;
- kill -9 runs of a process mid-entry, confirmed writes lost and half-written entries found;
- concurrent seats held on one class file, and errors seen;
- the time for a closed browser tab to resume its seat;
- hostile trainees (issue #16), handled / tried per attack family: markup and formula names
  (`attacks_names.py`), resize and session floods and many-address join-code guessing against a
  real `ekinerja serve` (`attacks_serve.py`), crafted backups given to `restore` (`crafted_backups.py`).
"""

from __future__ import annotations

import argparse
import importlib
import multiprocessing as mp
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "bench"), str(ROOT)]

FUZZ_MODULES = ("test_fuzz_rule_packs", "test_fuzz_scenarios", "test_fuzz_cli", "test_fuzz_forms")


def bad_inputs(n: int) -> None:
    print(f"== Bad inputs (≥{n} generated per family) ==")
    total_tried = total_clean = 0
    for name in FUZZ_MODULES:
        started = time.perf_counter()
        result = importlib.import_module(name).run_family(n)
        took = time.perf_counter() - started
        total_tried += result["tried"]
        total_clean += result["clean"]
        print(f"  {result['family']:<28} tried {result['tried']:>5}  handled cleanly {result['clean']:>5}"
              f"  ({took:.1f} s)")
        for failure in result["failures"][:5]:
            print(f"      NOT clean: {failure}")
    print(f"  all families: {total_clean} of {total_tried} handled cleanly")


def kills(n: int) -> None:
    from kill_runs import kill_runs

    print(f"== kill -9 mid-entry ({n} runs) ==")
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        result = kill_runs(n, Path(folder))
        took = time.perf_counter() - started
    print(f"  runs {result['runs']}, confirmed entries {result['confirmed']},"
          f" confirmed lost {result['lost']}, half-written found {result['half_written']} ({took:.1f} s)")


def seats(n: int) -> None:
    from bench_class import _seat

    from sandbox.store import open_store
    from sandbox.training.classroom import create_class, start_round
    from sandbox.training.scenario import load_scenario

    print(f"== {n} seats writing at once on one class file ==")
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "kelas.db")
        with open_store(path) as store:
            info = create_class(store, "Keandalan", n)
            start_round(store, info.id, load_scenario("T03"))
        started = time.perf_counter()
        with mp.get_context("spawn").Pool(n) as pool:
            results = pool.map(_seat, [(path, s) for s in range(1, n + 1)])
        wall = time.perf_counter() - started
    errors = sum(r[2] for r in results)
    commands = sum(r[4] for r in results)
    print(f"  seats held {len(results)} of {n}, commands {commands}, errors seen {errors},"
          f" slowest single command {max(r[1] for r in results) * 1000:.0f} ms ({wall:.1f} s wall)")


def resume() -> None:
    from tab_resume import resume_time

    print("== A closed tab reopened ==")
    with tempfile.TemporaryDirectory() as folder:
        seconds = resume_time(Path(folder) / "kelas.db")
    print(f"  time for a tab to resume its seat (connect → the remembered persona on screen):"
          f" {seconds:.2f} s")


def attacks() -> None:
    import attacks_names
    import attacks_serve
    import crafted_backups

    print("== Hostile trainees (handled / tried per attack family) ==")
    rows: list[tuple[str, int, int, float]] = []
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        handled, tried = attacks_names.run(Path(folder))
        rows.append(("markup and formula names", handled, tried, time.perf_counter() - started))
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        families = attacks_serve.run(Path(folder))
        took = time.perf_counter() - started
        for family, (handled, tried) in families.items():
            rows.append((family, handled, tried, took / len(families)))
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        handled, tried = crafted_backups.run(Path(folder))
        rows.append(("crafted backups", handled, tried, time.perf_counter() - started))
    for family, handled, tried, took in rows:
        print(f"  {family:<28} tried {tried:>5}  handled {handled:>5}  ({took:.1f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=200, help="generated bad inputs per parser family")
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--seats", type=int, default=30)
    args = parser.parse_args()
    bad_inputs(args.inputs)
    kills(args.kills)
    seats(args.seats)
    resume()
    attacks()


if __name__ == "__main__":
    main()
