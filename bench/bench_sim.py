"""Benchmark: a paired comparison of two packs over N synthetic staff for one year.

Prints staff-years per second, the time per phase and peak memory; asserts nothing. Targets
(issue #6): 100,000 staff × one year × two packs in ≤ 15 s and ≤ 2 GB on a 2-core machine; from a
measured run of ≥ 1,000,000 staff, an estimate of the national run (4.3 million ASN). The year
includes the curve adjustment step (issue #19): the people it moved and the units still out of their
curve are printed too.
Run from the repository root:
    .venv/bin/python bench/bench_sim.py [--staff 100000] [--workers 2] [--no-store] [--asumsi FILE]
    .venv/bin/python bench/bench_sim.py --staff 1000000      # the national estimate
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from sandbox.sim.assumptions import default_assumptions, load
from sandbox.sim.compare import Request, run

NATIONAL = 4_300_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--staff", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=0)
    parser.add_argument("--base", default="permenpanrb-6-2022")
    parser.add_argument("--reform", default="rules/reforms/sel-hasil-di-atas-perilaku-sesuai.yaml")
    parser.add_argument("--no-store", action="store_true", help="skip the per-person SQLite rows")
    parser.add_argument("--asumsi", default=None, help="assumptions file (default sandbox/sim/asumsi.yaml)")
    args = parser.parse_args()
    assumptions = load(args.asumsi) if args.asumsi else default_assumptions()
    with tempfile.TemporaryDirectory() as folder:
        out = None if args.no_store else Path(folder)
        started = time.perf_counter()
        outcome = run(Request([args.base, args.reform], staff=args.staff, seed=args.seed, out=out,
                              workers=args.workers, assumptions=assumptions))
        wall = time.perf_counter() - started
        size = (out / "hasil.sqlite").stat().st_size / 1e6 if out else 0.0
    parent = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    workers = args.workers or 2
    staff = outcome.summary.pegawai
    phases = outcome.summary.seconds
    print(f"staff {staff:,} in {outcome.summary.offices} offices, {outcome.summary.units:,} units; "
          f"packs {' vs '.join(outcome.labels)}; year {outcome.year}")
    print(f"{'wall time (paired run, 2 packs)':<46} {wall:8.1f} s")
    print(f"{'staff-years per second (paired)':<46} {staff / wall:8,.0f}")
    print(f"{'pack-staff-years per second':<46} {2 * staff / wall:8,.0f}")
    print(f"{'  generate offices (summed over workers)':<46} {phases.get('load', 0):8.1f} s")
    print(f"{'  simulate + decide (summed over workers)':<46} {phases.get('run', 0):8.1f} s")
    print(f"{'  store rows + totals (parent)':<46} {phases.get('store', 0):8.1f} s")
    print(f"{'peak memory, parent':<46} {parent:8.0f} MB")
    print(f"{'peak memory, largest worker':<46} {child:8.0f} MB")
    print(f"{'peak memory, upper bound (parent + workers)':<46} {parent + workers * child:8.0f} MB")
    if out is not None:
        print(f"{'results file (hasil.sqlite)':<46} {size:8.1f} MB")
    for label in outcome.labels:
        total = outcome.summary.totals[label]
        print(f"{'curve: staff moved (annual), ' + label[:16]:<46} {int(total.moved[-1]):8,}   units still "
              f"breaking it {int(total.units_broken_final[-1]):,} of {int(total.units_checked[-1]):,} "
              f"(first check {int(total.units_broken[-1]):,})")
    estimate = wall * NATIONAL / staff
    basis = "measured on ≥ 1,000,000 staff" if staff >= 1_000_000 else "extrapolated from a small run"
    print(f"{'national estimate (4.3 million, ' + basis + ')':<46} {estimate / 60:8.1f} min")


if __name__ == "__main__":
    main()
