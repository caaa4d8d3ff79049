"""Benchmark: decisions per second through the HTTP API on this machine, against the engine in-process.

Starts the API (uvicorn, `create_app`) on 127.0.0.1 on a free port in a child process (a server thread
in this process would share the GIL with the client and measure its switch interval), then measures
for one decision:
  - baseline: `Engine().evaluate` in a loop, in-process (what the CLI does per decision);
  - POST /v1/eval, one request per decision, over one keep-alive connection;
  - POST /v1/eval/batch, `--batch` cases per request, with the bulk evaluator (no trace);
  - POST /v1/eval/batch with `"trace": true` (the engine, one trace per case).
Prints figures and ratios to the baseline; asserts nothing. Run from the repository root:
    .venv/bin/python bench/bench_api.py [--count 2000] [--batch 10000] [--pack tpp-contoh --decision tpp]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import socket
import subprocess
import sys
import time

import httpx

from sandbox.rules import Engine, load_pack


def _cases(pack, decision: str, count: int) -> list[dict]:
    """Varied valid inputs: every enum value in turn, numbers stepping inside their bounds."""
    spec = pack.decisions[decision].inputs
    cases = []
    for i in range(count):
        case = {}
        for name, item in spec.items():
            if item.type == "enum":
                case[name] = item.values[i % len(item.values)]
            elif item.type == "boolean":
                case[name] = bool(i % 2)
            elif not item.has_default:
                low = item.minimum if item.minimum is not None else 0
                high = item.maximum if item.maximum is not None else low + 1000
                case[name] = int(low + (i * 7) % max(1, int(high - low) + 1))
        cases.append(case)
    return cases


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _rate(label: str, count: int, seconds: float, baseline: float | None) -> float:
    rate = count / seconds
    ratio = f"  {rate / baseline:6.2f}× baseline" if baseline else ""
    print(f"{label:<52} {rate:>10,.0f} /s  ({count:,} in {seconds:.2f} s){ratio}")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=2_000, help="decisions per mode (default 2,000)")
    parser.add_argument("--batch", type=int, default=10_000, help="cases per batch request (default 10,000)")
    parser.add_argument("--pack", default="permenpanrb-6-2022")
    parser.add_argument("--decision", default="predikat")
    options = parser.parse_args()
    pack = load_pack(options.pack)
    cases = _cases(pack, options.decision, max(options.count, options.batch))
    engine = Engine()
    engine.evaluate(pack, options.decision, cases[0])  # compile once, outside the timing

    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "uvicorn", "--factory", "sandbox.api.app:create_app",
                               "--host", "127.0.0.1", "--port", str(port), "--log-level", "error"])
    try:
        _measure(options, pack, cases, engine, port)
    finally:
        server.terminate()
        server.wait(timeout=10)


def _measure(options, pack, cases, engine, port: int) -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            httpx.get(f"http://127.0.0.1:{port}/v1/packs", timeout=1).raise_for_status()
            break
        except httpx.HTTPError:
            if time.monotonic() > deadline:
                raise SystemExit("the API server did not start") from None
            time.sleep(0.1)
    print(f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores; "
          f"pack {pack.id} decision {options.decision}; server in a child process on 127.0.0.1")

    count = options.count
    started = time.perf_counter()
    for case in cases[:count]:
        engine.evaluate(pack, options.decision, case)
    baseline = _rate("baseline: Engine().evaluate in-process", count, time.perf_counter() - started, None)

    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
        body = {"pack": pack.id, "decision": options.decision}
        # one decision per request through a thin keep-alive client (http.client: httpx itself adds
        # about 2 ms per request on this machine, more than the server takes)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        payloads = [json.dumps({**body, "inputs": case}).encode() for case in cases[:count]]
        started = time.perf_counter()
        for payload in payloads:
            connection.request("POST", "/v1/eval", body=payload, headers={"Content-Type": "application/json"})
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                raise SystemExit(f"/v1/eval answered {response.status}")
        _rate("POST /v1/eval, one request per decision", count, time.perf_counter() - started, baseline)
        connection.close()

        batch = cases[:options.batch]
        for trace in (False, True):
            started = time.perf_counter()
            answer = client.post("/v1/eval/batch", json={**body, "cases": batch, "trace": trace})
            answer.raise_for_status()
            seconds = time.perf_counter() - started
            if answer.json()["failed"]:
                print(f"  ({answer.json()['failed']:,} cases refused)")
            label = (f"POST /v1/eval/batch, {len(batch):,} per request"
                     + (", with trace (engine)" if trace else " (bulk evaluator)"))
            _rate(label, len(batch), seconds, baseline)


if __name__ == "__main__":
    main()
