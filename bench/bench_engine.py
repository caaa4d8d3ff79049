"""Benchmark: predikat decisions per second through durable-rules, and memory after the run.

Prints figures; asserts nothing. Run from the repository root:
    .venv/bin/python bench/bench_engine.py [--count 1000000]
"""

from __future__ import annotations

import argparse
import platform
import resource
import time

from durable.engine import Host, MessageObservedException

from sandbox.rules import Engine, load_pack
from sandbox.rules.engine import ruleset_definition

VALUES = ("di_atas", "sesuai", "di_bawah")


def _inputs(count: int) -> list[dict]:
    return [{"rating_hasil_kerja": VALUES[i % 3], "rating_perilaku": VALUES[(i // 3) % 3]}
            for i in range(count)]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rate(label: str, count: int, seconds: float) -> None:
    print(f"{label:<58} {count / seconds:>10,.0f} /s  ({count:,} in {seconds:.1f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1_000_000,
                        help="decisions per mode (default 1,000,000)")
    count = parser.parse_args().count
    pack = load_pack("permenpanrb-6-2022")
    engine = Engine()
    inputs = _inputs(count)
    print(f"python {platform.python_version()} on {platform.machine()}, "
          f"pack {pack.id} decision predikat, {count:,} decisions per mode")
    engine.evaluate(pack, "predikat", inputs[0])  # compile once, outside the timing
    start_mb = _peak_mb()

    started = time.perf_counter()
    for item in inputs:
        engine.evaluate(pack, "predikat", item)
    _rate("one at a time, Engine.evaluate (trace included)", count, time.perf_counter() - started)
    print(f"{'peak memory after that run':<58} {_peak_mb():>10,.0f} MB  "
          f"(before: {start_mb:,.0f} MB)")

    started = time.perf_counter()
    results = engine.evaluate_many(pack, "predikat", inputs)
    _rate("batches of 100, Engine.evaluate_many (trace included)", len(results),
          time.perf_counter() - started)
    del results

    # The stock path, for comparison: durable-rules' Host.post with a Python action per rule.
    host = Host()
    fired: list = []
    def recorder(rule_id: str):
        # exactly one parameter: durable-rules treats a two-parameter action as asynchronous
        def run(_closure) -> None:
            fired.append(rule_id)

        return run

    definition = ruleset_definition(pack.decisions["predikat"], recorder)
    host.register_rulesets({"bench_stock_predikat": definition})
    sample = inputs[: min(count, 100_000)]
    refused = 0
    started = time.perf_counter()
    for number, item in enumerate(sample):
        try:
            host.post("bench_stock_predikat", {**item, "_n": number + 1})
        except MessageObservedException:
            refused += 1
    _rate("stock Host.post, rule id only (no trace), for comparison", len(sample),
          time.perf_counter() - started)
    time.sleep(0.5)  # let the stock Host's timer thread finish what it took
    print(f"{'  stock path: events refused as already observed':<58} {refused:>10,}")
    print(f"{'  stock path: matched events with no action seen':<58} "
          f"{len(sample) - refused - len(fired):>10,}")
    print(f"{'peak memory at the end':<58} {_peak_mb():>10,.0f} MB")


if __name__ == "__main__":
    main()
