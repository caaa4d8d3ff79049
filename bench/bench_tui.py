"""Benchmark: time to the first frame and per screen switch of the practice app on a big office.

Prints figures; asserts nothing. Run from the repository root:
    .venv/bin/python bench/bench_tui.py [--staff 1000] [--switches 40]

Headless (Textual's `run_test`), so it measures the app's own work — queries, layout, render — not
the terminal's drawing. A switch is half of "press the menu key, then Esc", minus what Pilot itself
takes for a key nobody binds.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path


async def _measure(db: Path, switches: int) -> tuple[float, list[float], float]:
    from sandbox.tui.app import SandboxApp
    from sandbox.tui.screens.persona import PersonaScreen

    started = time.perf_counter()
    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=(120, 40)) as pilot:
        while not isinstance(app.screen, PersonaScreen):
            await asyncio.sleep(0.001)
        await pilot.pause()
        first_frame = time.perf_counter() - started
        leader = app.screen.everyone[1]["nip"]  # a head of unit: every menu is open to them
        await pilot.press(*leader, "enter")
        await pilot.pause()
        baseline = []
        for _ in range(10):  # what Pilot itself costs: a key nobody binds, then settling
            tick = time.perf_counter()
            await pilot.press("f12")
            await pilot.pause()
            baseline.append(time.perf_counter() - tick)
        times = []
        for index in range(switches):
            key = ("f2", "f3", "f7", "f9")[index % 4]
            tick = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            times.append((time.perf_counter() - tick) / 2)  # one push and one pop
    overhead = statistics.median(baseline)
    return first_frame, [max(t - overhead, 0.0) for t in times], overhead


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--staff", type=int, default=1000)
    parser.add_argument("--switches", type=int, default=40)
    args = parser.parse_args()
    from sandbox.store import open_store
    from sandbox.synth.office import generate_office
    from sandbox.synth.persist import save_office
    from sandbox.synth.ready import prepare_for_practice

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        tick = time.perf_counter()
        with open_store(db) as store:
            save_office(store, generate_office(1, args.staff))
            ready = prepare_for_practice(store)
        print(f"office of {args.staff:,} staff, {ready.approved_skp} leaders' SKPs approved, "
              f"prepared in {time.perf_counter() - tick:.1f} s")
        first, switches, overhead = asyncio.run(_measure(db, args.switches))
    print(f"{'time to first frame (persona list)':<40} {first * 1000:8.0f} ms")
    print(f"{'Pilot overhead per key (subtracted)':<40} {overhead * 1000:8.0f} ms")
    print(f"{'screen switch, median':<40} {statistics.median(switches) * 1000:8.0f} ms")
    print(f"{'screen switch, slowest':<40} {max(switches) * 1000:8.0f} ms")


if __name__ == "__main__":
    main()
