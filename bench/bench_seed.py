"""Benchmark: seconds and peak memory to generate and store a synthetic office of N staff.

Prints figures; asserts nothing. Run from the repository root:
    .venv/bin/python bench/bench_seed.py [--staff 100000] [--seed 1]
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from sandbox.store import open_store
from sandbox.synth.office import generate_office
from sandbox.synth.persist import save_office


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--staff", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        started = time.perf_counter()
        office = generate_office(args.seed, args.staff)
        generated = time.perf_counter()
        with open_store(path) as store:
            saved = save_office(store, office)
        stored = time.perf_counter()
        size_mb = path.stat().st_size / 1e6
    print(f"staff {saved.pegawai:,} in {saved.units:,} units (seed {args.seed})")
    print(f"{'generate (Faker id_ID, NIP, hierarchy)':<44} {generated - started:8.1f} s")
    print(f"{'store (one transaction, sqlite-utils)':<44} {stored - generated:8.1f} s")
    print(f"{'total':<44} {stored - started:8.1f} s")
    print(f"{'peak memory':<44} {_peak_mb():8.0f} MB")
    print(f"{'database file':<44} {size_mb:8.1f} MB")


if __name__ == "__main__":
    main()
