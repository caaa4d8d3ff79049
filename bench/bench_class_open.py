"""Benchmark: thirty trainees click the class link together (issue #16, fault 8).

A class of N seats (the demo office, T01 started for every seat) is served by the real
`ekinerja serve` on 127.0.0.1; N browsers, each from its own loopback address (127.0.0.10, .11, …:
the server gives one seat per device), join with the code, load the page and open the app's
websocket, all at once. Figures per launcher:

- time from the click (the join request) to the first frame: the first binary websocket message,
  and the seat screen drawn ("Kursi" in the output); min / median / max over the seats;
- memory of the N open seat processes: PSS (from /proc/PID/smaps_rollup, what they cost together,
  shared pages divided among the sharers) and RSS, summed; the zygote's own PSS beside them;
- CPU seconds the seat processes used by then.

Both launchers run in the same invocation: the zygote (seats forked from one process that has
imported the app; the server starts it as it starts, and the tabs open once it is ready, as in a
class where the trainer started the server before the trainees came) and the plain exec spawn
(`EKINERJA_SEAT_ZYGOTE=0`: a new interpreter per seat), and the ratio. Prints figures; asserts
nothing. Run from the repository root:
    .venv/bin/python bench/bench_class_open.py [--seats 30] [--launchers zygote,exec]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "bench")]
PAGE = 4096

from tab_resume import ServedClass, make_class  # noqa: E402  (the one way a bench makes and serves a class)


def _proc_children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def seat_processes(server_pid: int) -> tuple[list[int], list[int]]:
    """(seat pids, zygote pids) under the server: exec'd seats are its children running
    `sandbox seat`; forked seats are the children of its zygote child."""
    tree = _proc_children()
    seats, zygotes = [], []
    for child in tree.get(server_pid, []):
        try:
            cmdline = Path(f"/proc/{child}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"sandbox.training.seat_zygote" in cmdline:
            zygotes.append(child)
            seats.extend(tree.get(child, []))
        elif b"seat" in cmdline:
            seats.append(child)
    return seats, zygotes


def memory(pid: int) -> tuple[int, int]:
    """(PSS, RSS) in kB from /proc/PID/smaps_rollup; (0, 0) if the process is gone."""
    pss = rss = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                pss = int(line.split()[1])
            elif line.startswith("Rss:"):
                rss = int(line.split()[1])
    except OSError:
        pass
    return pss, rss


def cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


async def one_tab(index: int, url: str, code: str, start: asyncio.Event, settled: asyncio.Event,
                  hold: asyncio.Event, timeout: float) -> dict:
    """One trainee: join with the code from 127.0.0.(10+index), load the page, open the app."""
    import aiohttp

    address = f"127.0.0.{10 + index}"
    result: dict = {"tab": index, "first": None, "screen": None, "error": None}
    jar = aiohttp.CookieJar(unsafe=True)
    connector = aiohttp.TCPConnector(local_addr=(address, 0), limit=4)
    async with aiohttp.ClientSession(cookie_jar=jar, connector=connector,
                                     timeout=aiohttp.ClientTimeout(total=timeout)) as client:
        await start.wait()
        began = time.perf_counter()
        try:
            async with client.get(f"{url}/?kode={code}", allow_redirects=False) as answer:
                if answer.status != 303:
                    raise RuntimeError(f"join: HTTP {answer.status}")
            result["joined"] = time.perf_counter() - began
            async with client.get(f"{url}/") as page:
                if page.status != 200:
                    raise RuntimeError(f"page: HTTP {page.status}")
                await page.read()
            ws_url = url.replace("http://", "ws://") + "/ws?width=100&height=30"
            async with client.ws_connect(ws_url, headers={"Origin": url}) as ws:
                result["opened"] = time.perf_counter() - began
                seen = b""
                deadline = began + timeout
                while time.perf_counter() < deadline:
                    try:
                        msg = await ws.receive(timeout=max(0.1, deadline - time.perf_counter()))
                    except TimeoutError:
                        break
                    if msg.type == aiohttp.WSMsgType.BINARY:
                        if result["first"] is None:
                            result["first"] = time.perf_counter() - began
                        seen += msg.data
                        if b"Kursi" in seen:
                            result["screen"] = time.perf_counter() - began
                            break
                    elif msg.type == aiohttp.WSMsgType.TEXT:
                        result.setdefault("said", []).append(msg.data[:200])
                    else:
                        break
                if result["screen"] is None:
                    raise RuntimeError(f"no seat screen after {time.perf_counter() - began:.1f} s"
                                       f" ({len(seen)} bytes; the server said {result.get('said')})")
                settled.set()
                await hold.wait()  # the tab stays open until memory has been measured
        except Exception as error:  # noqa: BLE001 - counted and shown; the other tabs go on
            result["error"] = f"{type(error).__name__}: {error}"
        finally:
            settled.set()
    return result


async def open_class(url: str, code: str, seats: int, server_pid: int, timeout: float) -> dict:
    """All tabs at once; memory measured while every drawn tab is still open."""
    start, hold = asyncio.Event(), asyncio.Event()
    settled = [asyncio.Event() for _ in range(seats)]
    tasks = [asyncio.create_task(one_tab(i, url, code, start, settled[i], hold, timeout))
             for i in range(seats)]
    await asyncio.sleep(0.5)  # every browser made, none has clicked yet
    server_cpu = cpu_seconds(server_pid)
    start.set()
    try:
        await asyncio.wait_for(asyncio.gather(*(e.wait() for e in settled)), timeout + 5)
    except TimeoutError:
        pass
    await asyncio.sleep(2.0)  # the first screens done, nothing pending
    seat_pids, zygotes = seat_processes(server_pid)
    figures = [memory(pid) for pid in seat_pids]
    cpu = sum(cpu_seconds(pid) for pid in seat_pids)
    zygote_mem = [memory(pid) for pid in zygotes]
    server_cpu = cpu_seconds(server_pid) - server_cpu
    hold.set()
    results = await asyncio.wait_for(asyncio.gather(*tasks), timeout + 30)
    return {"results": results, "seats": len(seat_pids), "pss": sum(p for p, _ in figures),
            "rss": sum(r for _, r in figures), "cpu": cpu, "zygote_pss": sum(p for p, _ in zygote_mem),
            "zygote_rss": sum(r for _, r in zygote_mem), "server_cpu": server_cpu,
            "zygote_cpu": sum(cpu_seconds(pid) for pid in zygotes)}


def wait_zygote_idle(server_pid: int, limit: float = 60.0) -> float:
    """Trainees click minutes after the trainer started the server: wait (up to `limit`) until the
    zygote has finished its imports (its CPU time stops growing); seconds waited."""
    began = time.monotonic()
    last = -1.0
    while time.monotonic() - began < limit:
        _, zygotes = seat_processes(server_pid)
        used = sum(cpu_seconds(pid) for pid in zygotes)
        if zygotes and used > 0.1 and used == last:
            break
        last = used
        time.sleep(0.5)
    return time.monotonic() - began


def run(launcher: str, seats: int, timeout: float, folder: Path) -> dict:
    db = folder / f"kelas-{launcher}.db"
    code = make_class(db, seats, name="Bench buka", round_for="semua")
    log = folder / f"serve-{launcher}.log"
    env = dict(os.environ, EKINERJA_SEAT_ZYGOTE="0" if launcher == "exec" else "1")
    with ServedClass(db, log_path=log, env=env) as server:
        if launcher == "zygote":
            wait_zygote_idle(server.pid)
        figures = asyncio.run(open_class(server.url, code, seats, server.pid, timeout))
    figures["log"] = log.read_text(errors="replace").splitlines()
    return figures


def _screens(figures: dict) -> list[float]:
    return sorted(r["screen"] for r in figures["results"] if r["screen"] is not None)


def _spread(values: list[float]) -> str:
    if not values:
        return "none"
    return f"min {values[0]:.2f}  median {statistics.median(values):.2f}  max {values[-1]:.2f} s"


def report(launcher: str, figures: dict, seats: int) -> None:
    results = figures["results"]
    failed = [r for r in results if r["error"]]
    screens = _screens(figures)
    n = max(1, figures["seats"])
    pss, rss = figures["pss"] / 1024, figures["rss"] / 1024
    print(f"[{launcher}] {seats} tabs at once: {len(screens)} drew their seat screen, {len(failed)} failed")
    for key, label in (("joined", "joined (303)"), ("opened", "websocket open"), ("first", "first frame")):
        values = sorted(r[key] for r in results if r.get(key) is not None)
        print(f"  click → {label + ':':21}{_spread(values)}")
    print(f"  click → {'seat screen:':21}{_spread(screens)}")
    print(f"  seat processes: {figures['seats']}; PSS {pss:.0f} MB, RSS {rss:.0f} MB in all"
          f" ({pss / n:.1f} / {rss / n:.1f} MB a seat)")
    print(f"  CPU: seats {figures['cpu']:.1f} s, server {figures['server_cpu']:.1f} s,"
          f" zygote {figures['zygote_cpu']:.1f} s")
    if figures["zygote_pss"]:
        zpss, zrss = figures["zygote_pss"] / 1024, figures["zygote_rss"] / 1024
        print(f"  zygote: PSS {zpss:.0f} MB, RSS {zrss:.0f} MB;"
              f" seats + zygote PSS {pss + zpss:.0f} MB")
    for r in failed[:5]:
        print(f"  tab {r['tab']}: {r['error']}")
    if failed:
        print("  the server's log, last lines:")
        for line in figures["log"][-15:]:
            print(f"    {line}")


def compare(name: str, z: dict, e: dict) -> None:
    zs, es = _screens(z), _screens(e)
    if not zs or not es:
        return
    print(f"exec / {name}: seat screen median {statistics.median(es) / statistics.median(zs):.1f}x,"
          f" max {es[-1] / zs[-1]:.1f}x; PSS {e['pss'] / max(1, z['pss']):.1f}x;"
          f" seat CPU {e['cpu'] / max(0.01, z['cpu']):.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seats", type=int, default=30)
    parser.add_argument("--launchers", default="zygote,exec",
                        help="comma-separated: zygote, exec (in this order)")
    parser.add_argument("--timeout", type=float, default=90.0, help="per tab, seconds")
    args = parser.parse_args()
    if not 1 <= args.seats <= 200:
        parser.error("--seats: 1..200")
    print(f"load before: {Path('/proc/loadavg').read_text().split()[:3]}, cores {os.cpu_count()}")
    runs = {}
    with tempfile.TemporaryDirectory() as folder:
        for launcher in [name.strip() for name in args.launchers.split(",") if name.strip()]:
            runs[launcher] = run(launcher, args.seats, args.timeout, Path(folder))
            report(launcher, runs[launcher], args.seats)
            print(f"  load now: {Path('/proc/loadavg').read_text().split()[:3]}")
    if "zygote" in runs and "exec" in runs:
        compare("zygote", runs["zygote"], runs["exec"])
    print(json.dumps({k: {kk: vv for kk, vv in v.items() if kk not in ("results", "log")}
                      for k, v in runs.items()}))


if __name__ == "__main__":
    main()
