"""Issue #16 (faults 2–5, the door's part of 8 and 11): hostile browsers against `ekinerja serve`.

Done when: a `resize` (or a URL) asking for a 50000×50000 terminal leaves the seat process small and
the process is gone when its tab closes; ten websockets on one cookie run at most one seat process;
one device gets one seat (unless the trainer allows more); guessing the join code from many
addresses is throttled across the class, and a full class answers a guesser as a wrong code does;
kill -9 of the server leaves no seat process; a malformed message closes its session and no secret
reaches the server's terminal; the pages fetch nothing from another host; a session that ends says
why, in Indonesian first.

Real parts: a class SQLite file, `ekinerja serve` in its own process on 127.0.0.1 (its output in a
file: the trainer's terminal), browsers played by aiohttp, each device on its own 127.0.0.N address,
seat processes read from /proc. The machinery is bench/attacks_serve.py's, which counts the same
attacks for bench/reliability.py.
"""

from __future__ import annotations

import asyncio
import json
import re
import sys
from pathlib import Path

import pytest

from sandbox.i18n import message
from sandbox.store import open_store
from sandbox.training import access, serve

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
from attacks_serve import (  # noqa: E402
    END,
    RSS_LIMIT_MB,
    HostileServer,
    alive,
    browser,
    descendants,
    join,
    make_class,
    many_address_guessing,
    normalized,
    read_frames,
    resize_attack,
    rows_drawn,
    seat_processes,
    ten_sockets,
    token_of,
    wait_for,
    wrong_codes,
)

pytestmark = pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc (Linux)")


# -- one websocket message and memory -----------------------------------------------------------------
def test_a_huge_resize_is_clamped_and_its_seat_process_ends_with_the_tab(tmp_path):
    db = tmp_path / "kelas.db"
    code = make_class(db, 2, round_for=[1])

    async def play(server: HostileServer) -> None:
        async with browser(2) as client:
            assert (await join(client, server.url, code))[0] == 303
            for query, messages in (("", [["resize", {"width": 50000, "height": 50000}]]),
                                    ("", [["resize", {"width": 10**12 + i, "height": 10**9}]
                                          for i in range(100)]),
                                    ("?width=50000&height=50000", [])):
                handled, detail = await resize_attack(server, client, query, messages, watch=4.0)
                assert handled, f"{query or messages[0]}: {detail}"  # < RSS_LIMIT_MB, ≤ 100 rows, gone
                peak = int(detail.split("peak ")[1].split(" MB")[0])
                assert 0 < peak < RSS_LIMIT_MB

    with HostileServer(db) as server:
        asyncio.run(play(server))


def test_sizes_are_held_to_the_bounds_a_screen_can_have(tmp_path):
    """The app is told at most 300×100 and at least 20×10, whatever the URL or the message says; a
    size that is not a number is the default in the URL and a malformed message in a `resize`."""
    assert serve.clamp_size(50000, 50000) == (300, 100)
    assert serve.clamp_size(-5, 0) == (20, 10)
    assert serve.clamp_size(True, "80") == (80, 24)
    huge = json.dumps(["resize", {"width": 10**30, "height": 3}])
    assert serve.parse_message(huge) == ("resize", (300, 10))
    for bad in ('["resize", {"width": "9e9", "height": 40}]', '["resize", {"width": 1.5e9, "height": 40}]',
                '["resize", {"width": true, "height": 40}]', '["resize", [1, 2]]', '["stdin", 5]',
                '["stdin", "\\ud800"]', '["ping", "' + "x" * 100 + '"]', '["exec", "ls"]', '{"a": 1}',
                "[]", "bukan json", "[" * 100_000 + "]" * 100_000):
        with pytest.raises(serve.Malformed):
            serve.parse_message(bad)
    db = tmp_path / "kelas.db"
    code = make_class(db, 2, round_for=[1])

    async def play(server: HostileServer) -> None:
        async with browser(2) as client:
            assert (await join(client, server.url, code))[0] == 303
            async with client.ws_connect(server.ws_url + "?width=50000&height=99999") as ws:
                screen, _, _ = await read_frames(ws, 60, b"Kursi")
                assert b"Kursi" in screen
                more, _, _ = await read_frames(ws, 1.5)
                assert 10 <= rows_drawn(screen + more) <= 100  # it draws 100 rows, not 99999

    with HostileServer(db) as server:
        asyncio.run(play(server))


# -- sessions and devices -----------------------------------------------------------------------------
def test_ten_websockets_on_one_cookie_run_at_most_one_seat_process(tmp_path):
    db = tmp_path / "kelas.db"
    code = make_class(db, 3, round_for=[1])

    async def play(server: HostileServer) -> None:
        async with browser(2) as client:
            assert (await join(client, server.url, code))[0] == 303
            handled, detail = await ten_sockets(server, client)
            assert handled, detail
            assert "peak seat processes 1" in detail  # one did run: the newest tab holds the seat
            assert await wait_for(lambda: not seat_processes(server.pid), 30)  # and none after they close

    with HostileServer(db) as server:
        asyncio.run(play(server))


def test_a_new_tab_takes_the_seat_over_and_the_old_one_hears_why(tmp_path):
    db = tmp_path / "kelas.db"
    code = make_class(db, 2, round_for=[1])

    async def play(server: HostileServer) -> None:
        async with browser(2) as client:
            assert (await join(client, server.url, code))[0] == 303
            async with client.ws_connect(server.ws_url) as first:
                screen, _, _ = await read_frames(first, 60, b"Kursi")
                assert b"Kursi" in screen
                old = seat_processes(server.pid)
                assert len(old) == 1
                async with client.ws_connect(server.ws_url) as second:
                    _, reason, closed = await read_frames(first, 30)
                    assert reason == "diambil_alih" and closed
                    screen, _, _ = await read_frames(second, 60, b"Kursi")
                    assert b"Kursi" in screen  # the new tab has the seat
                    assert not alive(old[0])  # the old tab's app is gone, not running alongside
                    assert len(seat_processes(server.pid)) == 1

    with HostileServer(db) as server:
        asyncio.run(play(server))


def test_one_device_claims_one_seat_unless_the_trainer_allows_more(tmp_path):
    db = tmp_path / "kelas.db"
    code = make_class(db, 5)

    async def play(server: HostileServer, allowed: int) -> None:
        for n in range(allowed):
            async with browser(5) as again:  # the same device, no cookie (another browser, cleared)
                assert (await join(again, server.url, code))[0] == 303, n
        async with browser(5) as again:
            status, text = await join(again, server.url, code)
            assert status == 409 and token_of(again) is None
            assert "perangkat ini sudah memegang kursi" in text and "this device already holds seat" in text
            assert "minta pelatih melepas kursi itu" in text and "ask the trainer to release" in text
            assert text.index("perangkat ini") < text.index("this device")  # Indonesian first
        async with browser(6) as other:  # another device is not affected
            assert (await join(other, server.url, code))[0] == 303

    with HostileServer(db) as server:
        asyncio.run(play(server, 1))
    with open_store(db) as store:
        assert access.device_seats(store, 1, "127.0.0.5") == [1]
        access.release(store, 1)
    with HostileServer(db, "--kursi-per-perangkat", "2") as server:
        asyncio.run(play(server, 2))
    with open_store(db) as store:
        assert len(access.device_seats(store, 1, "127.0.0.5")) == 2


# -- guessing the join code ---------------------------------------------------------------------------------
def test_the_door_throttle_counts_every_address_together():
    now = [0.0]
    door = access.DoorThrottle(clock=lambda: now[0])
    answers = [door.fail(f"10.0.{n // 250}.{n % 250}") for n in range(access.CLASS_MAX_FAILURES)]
    assert all(wait == 0 for wait, _ in answers[:-1])  # no address reached its own limit …
    assert answers[-1][1] == "kelas" and answers[-1][0] > 0  # … yet the class's door is shut
    assert door.wait("10.9.9.9") == (answers[-1][0], "kelas")  # for a new address too
    assert door.addresses() == access.CLASS_MAX_FAILURES
    now[0] += access.CLASS_WINDOW_SECONDS + 1
    assert door.wait("10.9.9.9") == (0, None)
    ipv6 = [door.fail(f"2001:db8::{n:x}") for n in range(access.MAX_FAILURES)]
    assert ipv6[-1][1] == "alamat"  # one /64 is one device
    assert door.wait("2001:db8::ffff") == door.wait("2001:db8::1") != (0, None)
    assert door.wait("2001:db8:0:1::1") == (0, None)
    # a room of 30 that each mistype once: nobody waits
    room = access.DoorThrottle(clock=lambda: now[0])
    assert all(room.fail(f"192.168.1.{n}") == (0, None) for n in range(30))


def test_guessing_from_many_addresses_is_throttled_across_the_class(tmp_path):
    db = tmp_path / "kelas.db"
    code = make_class(db, 3)

    async def play(server: HostileServer) -> None:
        statuses = []
        guesses = iter(wrong_codes(code, 121))
        for device in range(10, 40):  # 30 addresses, 4 guesses each: never 5 from one address
            async with browser(device) as client:
                for _ in range(4):
                    status, text = await join(client, server.url, next(guesses))
                    statuses.append(status)
        limit = access.CLASS_MAX_FAILURES
        assert statuses == [403] * (limit - 1) + [429] * (120 - limit + 1)
        assert "pintu kelas ditutup" in text and "door is shut" in text
        async with browser(60) as fresh:  # the right code, from an address that never guessed
            status, text = await join(fresh, server.url, code)
            assert status == 429 and token_of(fresh) is None
        async with browser(61) as other:
            wrong = await join(other, server.url, next(guesses))
        assert (status, normalized(text)) == (wrong[0], normalized(wrong[1]))

    with HostileServer(db) as server:
        asyncio.run(play(server))
        log = server.output()
    with open_store(db) as store:
        assert access.claimed_seats(store, 1) == set()
    assert "pintu kelas ditutup" in log  # the trainer's terminal says so (once, without the code)
    assert code not in log


def test_a_full_class_answers_a_guesser_as_a_wrong_code(tmp_path):
    db = tmp_path / "kelas.db"
    code = make_class(db, 1)

    async def play(server: HostileServer) -> None:
        async with browser(2) as seated:
            assert (await join(seated, server.url, code))[0] == 303  # the one seat is taken
        # a trainee with the right code hears it is full, and to ask the trainer (no command)
        async with browser(3) as late:
            status, text = await join(late, server.url, code)
            assert status == 409 and "kelas penuh (1 kursi)" in text and "the class is full (1 seats)" in text
            assert "beri tahu pelatih" in text and "tell the trainer" in text
            assert "ekinerja class" not in text
        # a guesser on one address: after its wrong codes the right one says what a wrong one says
        async with browser(4) as guesser:
            for guess in wrong_codes(code, access.MAX_FAILURES):
                await join(guesser, server.url, guess)
            right = await join(guesser, server.url, code)
            wrong = await join(guesser, server.url, wrong_codes(code, access.MAX_FAILURES + 1)[-1])
            assert right[0] == wrong[0] == 429
            assert normalized(right[1]) == normalized(wrong[1])
        # guessers on many addresses: the same, for everyone
        handled, detail = await many_address_guessing(server, code, addresses=40, each=4, full=True)
        assert handled, detail

    with HostileServer(db) as server:
        asyncio.run(play(server))


# -- the server's death and its log --------------------------------------------------------------------
def test_kill_9_of_the_server_leaves_no_seat_process(tmp_path):
    db = tmp_path / "kelas.db"
    code = make_class(db, 3, round_for=[1, 2])
    server = HostileServer(db)

    async def open_seats() -> list:
        clients = [browser(device) for device in (2, 3)]
        sockets = []
        for client in clients:
            assert (await join(client, server.url, code))[0] == 303
            ws = await client.ws_connect(server.ws_url)
            screen, _, _ = await read_frames(ws, 60, b"Kursi")
            assert b"Kursi" in screen
            sockets.append(ws)
        return clients, sockets

    async def play() -> None:
        clients, sockets = await open_seats()
        try:
            assert len(seat_processes(server.pid)) == 2
            everything = descendants(server.pid)  # the seats, and a seat zygote if there is one
            server.kill9()
            assert await wait_for(lambda: not any(alive(pid) for pid in everything), 15), \
                [(pid, alive(pid)) for pid in everything]
        finally:
            for client in clients:
                await client.close()

    with server:
        asyncio.run(play())
    with open_store(db) as store:  # the class file is free: nothing holds it open
        assert len(access.claimed_seats(store, 1)) == 2


MALFORMED = [
    "bukan json",
    json.dumps({"type": "resize"}),
    json.dumps(["resize", {"width": "lebar", "height": 30}]),
    json.dumps(["resize", {"width": 100}]),
    json.dumps(["stdin", {"x": 1}]),
    '["stdin", "\\udc00"]',
    json.dumps(["exec", "rm -rf /"]),
    json.dumps(["ping", "p" * 10_000]),
    "[" * 50_000 + "]" * 50_000,
]


def test_a_malformed_message_closes_its_session_and_no_secret_reaches_the_log(tmp_path):
    db = tmp_path / "kelas.db"
    code = make_class(db, 2, round_for=[1])

    async def play(server: HostileServer) -> str:
        async with browser(2) as client:
            assert (await join(client, server.url, code))[0] == 303
            token = token_of(client)
            for payload in MALFORMED:
                async with client.ws_connect(server.ws_url) as ws:
                    await ws.send_str(payload)
                    _, reason, closed = await read_frames(ws, 60)
                    assert closed and reason == "rusak", payload[:40]
            async with client.ws_connect(server.ws_url) as ws:  # binary, and one too big
                await ws.send_bytes(b"\x00\x01")
                _, reason, closed = await read_frames(ws, 60)
                assert closed and reason == "rusak"
            async with client.ws_connect(server.ws_url, max_msg_size=0) as ws:
                await ws.send_str(json.dumps(["stdin", "a" * (serve.MAX_MESSAGE + 10)]))
                _, _, closed = await read_frames(ws, 60)
                assert closed
            async with client.ws_connect(server.ws_url) as ws:  # the seat still opens afterwards
                screen, _, _ = await read_frames(ws, 60, b"Kursi")
                assert b"Kursi" in screen
            assert await wait_for(lambda: not seat_processes(server.pid), 30)
            return token

    with HostileServer(db) as server:
        token = asyncio.run(play(server))
        log = server.output()
    assert log.count("pesan websocket tidak dikenali") >= len(MALFORMED)
    assert token not in log and code not in log
    assert "Traceback" not in log and "locals" not in log.lower() and "kode=" not in log
    assert "rm -rf" not in log and "lebar" not in log  # a message's content is never echoed


def test_a_port_in_use_is_one_sentence_and_a_bad_seat_limit_is_refused(tmp_path):
    import socket
    import subprocess

    db = tmp_path / "kelas.db"
    make_class(db, 1)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = subprocess.run([sys.executable, "-m", "sandbox", "serve", "--db", str(db),
                              "--host", "127.0.0.1", "--port", str(port)],
                             capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    assert f"port {port} sudah dipakai program lain" in run.stderr and "Traceback" not in run.stderr
    assert "Kelas disajikan" not in run.stdout  # nothing announced that is not served
    run = subprocess.run([sys.executable, "-m", "sandbox", "serve", "--db", str(db), "--kursi-per-perangkat",
                          "0"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and "--kursi-per-perangkat harus 1 atau lebih" in run.stderr


def test_a_seat_app_that_ignores_quit_is_killed(tmp_path, monkeypatch):
    """The stop waits `STOP_SECONDS`, not forever, then kills (what kept growing after a tab closed)."""
    db = tmp_path / "kelas.db"
    make_class(db, 1)
    monkeypatch.setattr(serve, "STOP_SECONDS", 1.0)
    server = serve.make_server(db, "127.0.0.1", 0)
    stubborn = [sys.executable, "-c", "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN);"
                " print('__GANGLION__', flush=True); time.sleep(600)"]

    async def play() -> None:
        async def nothing(*_args) -> None:
            return None

        service = server.SeatService(stubborn, "token-uji", 1, write_bytes=nothing, write_str=nothing,
                                     close=nothing, download_manager=server.download_manager)
        await service.start(80, 24)
        pid = service._process.pid
        assert alive(pid)
        await asyncio.wait_for(service.stop(), 30)
        assert service._process.returncode is not None and not alive(pid)
        await service.stop()  # a second stop is harmless

    asyncio.run(play())


# -- the page ------------------------------------------------------------------------------------------------
def test_the_pages_take_nothing_from_another_host(tmp_path):
    db = tmp_path / "kelas.db"
    code = make_class(db, 2)
    url_pattern = re.compile(r"https?://", re.IGNORECASE)

    async def play(server: HostileServer) -> None:
        async with browser(2) as client:
            async with client.get(server.url + "/") as door:
                door_html = await door.text()
            assert (await join(client, server.url, code))[0] == 303
            async with client.get(server.url + "/") as page:
                assert page.status == 200
                html = await page.text()
                policy = page.headers["Content-Security-Policy"]
            for text in (door_html, html):
                assert not url_pattern.search(text), url_pattern.search(text)
                assert "googleapis" not in text
            assert "default-src 'self'" in policy and "font-src 'self'" in policy
            assert not url_pattern.search(policy)  # ws://this-server only
            refs = re.findall(r'(?:src|href)="([^"]+)"', html)
            assert refs and all(ref.startswith("/") or ref.startswith("data:") for ref in refs), refs
            for ref in refs:
                if not ref.startswith("/static/"):
                    continue
                async with client.get(server.url + ref) as asset:
                    assert asset.status == 200, ref
                    body = (await asset.read()).decode("utf-8", "replace")
                if ref.endswith(".css"):
                    body = re.sub(r"/\*.*?\*/", "", body, flags=re.S)  # comments fetch nothing
                    assert not url_pattern.search(body) and "@import" not in body, ref
                    assert all(u.strip("'\"").startswith(("data:", "/", "#"))
                               for u in re.findall(r"url\(([^)]*)\)", body)), ref
                if ref.endswith(".js"):
                    assert not url_pattern.search(body), ref
            fonts = re.findall(r'url\("([^"]+\.ttf)"\)', html)
            assert fonts  # the monospace font is this server's own
            for font in fonts:
                async with client.get(server.url + font) as asset:
                    assert asset.status == 200 and len(await asset.read()) > 10_000
            async with client.get(server.url + "/static/") as listing:
                assert listing.status in (403, 404)  # no directory listing

    with HostileServer(db) as server:
        asyncio.run(play(server))


def test_a_session_that_ends_says_why_in_indonesian_first(tmp_path):
    from sandbox.cli import main

    db = tmp_path / "kelas.db"
    code = make_class(db, 2, round_for=[1])

    async def play(server: HostileServer) -> None:
        async with browser(2) as client:
            assert (await join(client, server.url, code))[0] == 303
            async with client.get(server.url + "/") as page:
                html = await page.text()
            # the page knows every reason in both languages, Indonesian first; no file path in it
            assert str(db) not in html and str(db.parent) not in html
            title = re.search(r"<title>(.*?)</title>", html).group(1)
            assert title == "Kursi 1 · e-Kinerja Sandbox"
            texts = json.loads(re.search(r'<script type="application/json" id="alasan">(.*?)</script>', html,
                                         re.S).group(1))
            for reason in serve.REASONS:
                assert texts[reason]["id"] == message(f"akses.akhir.{reason}", "id")
                assert texts[reason]["en"] == message(f"akses.akhir.{reason}", "en")
                assert texts[reason]["id"] != texts[reason]["en"] and texts[reason]["id_fix"]
            assert "Pelatih melepas kursi ini" in texts["dilepas"]["id"]
            assert "ketik kode gabung" in texts["dilepas"]["id_fix"]
            assert "dibuka di tab atau jendela lain" in texts["diambil_alih"]["id"]
            assert "Session ended" not in html and "Restart" not in html
            assert "xterm-helper-textarea" in html  # the terminal takes the keyboard
            # the trainer releases the seat: the open tab hears why, then the server stops its app
            async with client.ws_connect(server.ws_url) as ws:
                screen, _, _ = await read_frames(ws, 60, b"Kursi")
                assert b"Kursi" in screen
                pid = seat_processes(server.pid)[0]
                assert main(["class", "lepas", "--db", str(db), "--kursi", "1"]) == 0
                _, reason, closed = await read_frames(ws, 30)
                assert (reason, closed) == ("dilepas", True)
            assert await wait_for(lambda: not alive(pid), 30)
            async with client.get(server.url + "/") as page:
                assert page.status == 403  # back at the door, which asks for the code

    with HostileServer(db) as server:
        asyncio.run(play(server))
        log = server.output()
    assert "kursi 1: sesi berakhir (dilepas pelatih) / seat 1: session ended (released by the trainer)" in log


def test_the_end_message_is_what_textual_js_ignores():
    """The reason travels as ["ekinerja_akhir", reason]; textual.js switches on the first element
    and has no case for it (so the stock client ignores it and only the page's script reads it)."""
    from textual_serve import server as ts

    script = (Path(ts.__file__).parent / "static" / "js" / "textual.js").read_text()
    assert f'case"{END}"' not in script and 'switch(i){case"log"' in script
    assert END == serve.END


# -- in a real browser (when Chromium is installed) ------------------------------------------------------
CHROMIUM = next((path for name in ("chromium", "chromium-browser", "google-chrome")
                 if (path := __import__("shutil").which(name))), None)


class Chromium:
    """Headless Chromium driven over the DevTools protocol: every request the page makes is kept."""

    def __init__(self, folder: Path) -> None:
        import socket
        import subprocess

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.process = subprocess.Popen(
            [CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
             f"--user-data-dir={folder}", f"--remote-debugging-port={self.port}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.requests: list[str] = []
        self._pending: dict[int, asyncio.Future] = {}
        self._n = 0

    async def __aenter__(self) -> Chromium:
        import aiohttp

        self.http = aiohttp.ClientSession()
        targets = None
        for _ in range(100):
            try:
                async with self.http.get(f"http://127.0.0.1:{self.port}/json") as answer:
                    targets = await answer.json()
                    break
            except aiohttp.ClientError:
                await asyncio.sleep(0.2)
        page = next(t for t in targets if t["type"] == "page")
        self.ws = await self.http.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0)
        self._reader = asyncio.create_task(self._read())
        await self.call("Network.enable")
        await self.call("Runtime.enable")
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._reader.cancel()
        await self.ws.close()
        await self.http.close()
        self.process.terminate()
        self.process.wait(timeout=30)

    async def _read(self) -> None:
        async for msg in self.ws:
            said = json.loads(msg.data)
            if said.get("id") in self._pending:
                self._pending.pop(said["id"]).set_result(said.get("result", {}))
            elif said.get("method") == "Network.requestWillBeSent":
                self.requests.append(said["params"]["request"]["url"])

    async def call(self, method: str, **params) -> dict:
        self._n += 1
        future = asyncio.get_running_loop().create_future()
        self._pending[self._n] = future
        await self.ws.send_json({"id": self._n, "method": method, "params": params})
        return await asyncio.wait_for(future, 30)

    async def value(self, expression: str):
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    async def until(self, expression: str, timeout: float = 60) -> bool:
        deadline = asyncio.get_running_loop().time() + timeout
        while asyncio.get_running_loop().time() < deadline:
            if await self.value(expression):
                return True
            await asyncio.sleep(0.3)
        return False


@pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium")
def test_in_a_real_browser_the_page_is_local_focused_and_says_why_it_ended(tmp_path):
    from sandbox.cli import main

    db = tmp_path / "kelas.db"
    code = make_class(db, 2, round_for=[1])

    async def play(server: HostileServer) -> None:
        async with Chromium(tmp_path / "profil") as browser_:
            await browser_.call("Page.navigate", url=f"{server.url}/?kode={code}")
            assert await browser_.until("document.body && document.body.classList.contains('-first-byte')")
            # the keyboard goes to the terminal without a click
            assert await browser_.until("document.activeElement && document.activeElement.className"
                                        " === 'xterm-helper-textarea'")
            # waits, not speed checks: a loaded 2-core machine draws slowly
            assert await browser_.until("document.fonts.check('16px \"Roboto Mono\"')")
            assert await browser_.value("document.title") == "Kursi 1 · e-Kinerja Sandbox"
            assert browser_.requests and all(url.startswith(server.url + "/") for url in browser_.requests), \
                browser_.requests
            assert main(["class", "lepas", "--db", str(db), "--kursi", "1"]) == 0
            assert await browser_.until("document.body.classList.contains('-closed')")
            said = await browser_.value("document.getElementById('akhir').innerText")
            assert said.index("Pelatih melepas kursi ini") < said.index("The trainer released this seat")
            assert "Session ended" not in await browser_.value("document.body.innerText")
            assert await browser_.value("document.activeElement.id") == "buka-lagi"

    with HostileServer(db) as server:
        asyncio.run(play(server))
