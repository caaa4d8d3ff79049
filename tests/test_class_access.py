"""Issue #7: who may enter a class, and a tab that resumes.

Done when: a class served on 127.0.0.1 refuses a session without the join code, with a wrong code
(and throttles guessing), a 31st seat on a 30-seat class; the trainer's screens refuse without the
PIN; seat A cannot read seat B's SKP — over `ekinerja serve`, in the app and at the service level.
And a closed tab comes back where it was, with every confirmed entry.

Real parts: a class SQLite file, `ekinerja serve` in its own process on a free port (the server's
child processes are read from /proc to show that a refused session starts nothing), browsers played
by aiohttp (cookies kept as a browser keeps them), seat processes, and the app under Pilot.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import aiohttp
import pytest
from textual.widgets import DataTable, Input

from sandbox.store import open_store
from sandbox.training import access
from sandbox.training.attempt import world_of
from sandbox.training.classroom import class_info, current_attempt, start_round
from sandbox.training.scenario import load_scenario
from sandbox.tui.app import SandboxApp
from sandbox.workflow import buat_skp, tambah_indikator, tambah_rhk
from sandbox.workflow.actors import TRAINER

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
from attacks_serve import seat_processes  # noqa: E402
from tab_resume import BERANDA, ServedClass, make_class, read_until, resumed  # noqa: E402

SECRET_B = "RAHASIAKURSIDUA"  # a word only seat 2's SKP holds


def children(pid: int) -> list[int]:
    """The seat processes `pid` started (Linux /proc), a seat zygote (the fork server started with
    the server, which runs no seat) left out: what a refused session must not add to."""
    return seat_processes(pid)


needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")


def browser(device: int = 1) -> aiohttp.ClientSession:
    """A browser on its own device: device N speaks from 127.0.0.N (one seat per device, issue #16)."""
    connector = aiohttp.TCPConnector(local_addr=(f"127.0.0.{device}", 0))
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True), connector=connector)


def token_of(client: aiohttp.ClientSession) -> str | None:
    return next((c.value for c in client.cookie_jar if c.key == "ekinerja_kursi"), None)


async def join(client, url: str, code: str) -> tuple[int, str]:
    async with client.get(f"{url}/?kode={code}", allow_redirects=False) as answer:
        return answer.status, await answer.text()


async def ws_status(client, url: str, headers: dict | None = None) -> int:
    """The websocket's answer: 101 when it opened (then closed at once), else the HTTP status."""
    try:
        async with client.ws_connect(url.replace("http", "ws") + "/ws", headers=headers or {}):
            return 101
    except aiohttp.WSServerHandshakeError as refused:
        return refused.status


# -- over `ekinerja serve` ---------------------------------------------------------------------------
@needs_proc
def test_without_the_code_or_with_a_wrong_one_nobody_gets_in_and_nothing_starts(tmp_path):
    db = tmp_path / "kelas.db"
    code = make_class(db, 3, round_for=[1])
    wrong = "000000" if code != "000000" else "111111"

    async def play(url: str, server_pid: int) -> None:
        async with browser() as client:
            async with client.get(f"{url}/") as door:  # no code: the door, not the app
                text = await door.text()
                assert door.status == 403
                assert "Kode gabung" in text and "Join code" in text and "/ws" not in text
            assert await ws_status(client, url) == 403  # the app's websocket without a seat
            client.cookie_jar.update_cookies({"ekinerja_kursi": "dipalsukan"})
            assert await ws_status(client, url) == 403  # a forged seat cookie
            status, text = await join(client, url, wrong)
            assert status == 403 and "kode gabung salah" in text and "wrong join code" in text
            status, text = await join(client, url, "")
            assert status == 403 and "kode gabung belum diisi" in text
            assert children(server_pid) == []  # nothing was started for any of them
            # the right code: a seat, and now (only now) the websocket starts a seat process
            status, _ = await join(client, url, code)
            assert status == 303 and token_of(client)
            async with client.get(f"{url}/") as page:
                assert page.status == 200 and "/ws" in await page.text()
            # another site's page cannot use the trainee's seat (its Origin is not this server)
            assert await ws_status(client, url, {"Origin": "http://jahat.example"}) == 403
            assert children(server_pid) == []
            async with client.ws_connect(url.replace("http", "ws") + "/ws") as ws:
                await ws.send_str(json.dumps(["resize", {"width": 100, "height": 30}]))
                seen, at = await read_until(ws, [b"Kursi 1", b"T01"], 60)
                assert at is not None, seen[-500:]
                assert children(server_pid)  # the check above would have seen one

    with ServedClass(db) as server:
        asyncio.run(play(server.url, server.process.pid))


def test_wrong_codes_are_throttled_per_address(tmp_path):
    db = tmp_path / "kelas.db"
    code = make_class(db, 2)
    wrong = "000000" if code != "000000" else "111111"

    async def play(url: str) -> None:
        async with browser() as client:
            statuses = [(await join(client, url, wrong))[0] for _ in range(access.MAX_FAILURES)]
            assert statuses == [403] * (access.MAX_FAILURES - 1) + [429]
            status, text = await join(client, url, code)  # even the right code, for a while
            assert status == 429 and "tunggu" in text and "wait" in text
            assert token_of(client) is None

    with ServedClass(db) as server:
        asyncio.run(play(server.url))
    with open_store(db) as store:
        assert access.claimed_seats(store, 1) == set()


def test_thirty_seats_fill_a_thirty_seat_class_and_the_31st_is_refused(tmp_path):
    """31 browsers at once: exactly 30 seats, all different; the 31st hears the class is full. A
    browser that comes back (its cookie) gets its own seat again, not a new one."""
    db = tmp_path / "kelas.db"
    code = make_class(db, 30)

    async def play(url: str) -> None:
        clients = [browser(device) for device in range(1, 32)]  # 31 laptops
        try:
            answers = await asyncio.gather(*(join(c, url, code) for c in clients))
            statuses = sorted(status for status, _ in answers)
            assert statuses == [303] * 30 + [409]
            full = next(text for status, text in answers if status == 409)
            assert "kelas penuh (30 kursi)" in full and "the class is full (30 seats)" in full
            tokens = [token_of(c) for c in clients if token_of(c)]
            assert len(tokens) == 30
            with open_store(db) as store:
                seats = [access.seat_of_token(store, 1, t) for t in tokens]
            assert sorted(seats) == list(range(1, 31))
            back = clients[answers.index(next(a for a in answers if a[0] == 303))]
            before = token_of(back)
            status, _ = await join(back, url, code)  # the same browser types the code again
            assert status == 303 and token_of(back) == before
            async with back.get(f"{url}/") as page:  # or just reopens the page
                assert page.status == 200
        finally:
            for c in clients:
                await c.close()

    with ServedClass(db) as server:
        asyncio.run(play(server.url))
    with open_store(db) as store:
        assert len(access.claimed_seats(store, 1)) == 30
        joins = store.conn.execute("SELECT count(*) FROM audit_log WHERE action = 'kelas.masuk'"
                                   ).fetchone()[0]
        assert joins == 30


def test_a_released_seat_stops_its_session_and_goes_to_the_next_to_join(tmp_path):
    from sandbox.cli import main

    db = tmp_path / "kelas.db"
    code = make_class(db, 3)

    async def play(url: str) -> None:
        async with browser(1) as first, browser(2) as second, browser(3) as third:
            for client in (first, second):
                assert (await join(client, url, code))[0] == 303
            assert main(["class", "lepas", "--db", str(db), "--kursi", "1"]) == 0  # the trainer
            async with first.get(f"{url}/") as page:
                assert page.status == 403  # its cookie no longer holds a seat
            assert await ws_status(first, url) == 403
            assert (await join(third, url, code))[0] == 303  # seat 1 again, before never-used seat 3
            with open_store(db) as store:
                assert access.seat_of_token(store, 1, token_of(third)) == 1
                assert access.seat_of_token(store, 1, token_of(first)) is None

    with ServedClass(db) as server:
        asyncio.run(play(server.url))


def test_a_seat_process_runs_only_for_the_seat_its_token_holds(tmp_path):
    """What `ekinerja serve` starts carries the token: `--kursi` naming another seat (or a forged
    token) is refused before the app opens."""
    db = tmp_path / "kelas.db"
    code = make_class(db, 2, round_for=[1, 2])
    with open_store(db) as store:
        mine = access.join(store, 1, code)
    env = dict(os.environ)
    for seat, token in ((2, mine.token), (1, "dipalsukan")):
        env[access.TOKEN_ENV] = token
        run = subprocess.run([sys.executable, "-m", "sandbox", "seat", "--db", str(db), "--kursi", str(seat)],
                             env=env, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
        assert run.returncode == 1, run.stderr
        assert "sesi kursi ini tidak berlaku" in run.stderr


def test_over_serve_seat_a_never_shows_seat_bs_work(tmp_path):
    """Seat 1's browser session: its own people, its own SKP screen; seat 2's RHK never appears."""
    db = tmp_path / "kelas.db"
    code = make_class(db, 2, round_for=[1, 2])
    write_skp(db, 1, "Tersusunnya kajian MILIKKURSISATU tepat waktu")
    write_skp(db, 2, f"Tersusunnya kajian {SECRET_B} tepat waktu")

    async def play(url: str) -> bytes:
        async with browser() as client:
            assert (await join(client, url, code))[0] == 303
            async with client.ws_connect(url.replace("http", "ws") + "/ws") as ws:
                await ws.send_str(json.dumps(["resize", {"width": 120, "height": 40}]))
                seen, at = await read_until(ws, [b"Kursi 1"], 60)
                assert at is not None
                await asyncio.sleep(0.3)
                await ws.send_str(json.dumps(["stdin", "\r"]))  # no name for the board: on to the roles
                await asyncio.sleep(0.3)
                await ws.send_str(json.dumps(["stdin", "\r"]))  # the seat's pegawai
                more, at = await read_until(ws, [b"Tanggal virtual"], 60)
                assert at is not None
                await ws.send_str(json.dumps(["stdin", "\x1bOQ"]))  # F2: SKP Saya
                rest, at = await read_until(ws, [b"MILIKKURSISATU"], 30)
                assert at is not None, "seat 1's own SKP screen did not open"
                return seen + more + rest

    with ServedClass(db) as server:
        seen = asyncio.run(play(server.url))
    assert SECRET_B.encode() not in seen
    with open_store(db) as store:
        other = world_of(store, current_attempt(store, 1, 2)["id"]).cast
        name_b = store.conn.execute("SELECT nama FROM pegawai WHERE nip = ?",
                                    [other.nip("pegawai")]).fetchone()[0]
    assert name_b.encode() not in seen


# -- in the app and the services ---------------------------------------------------------------------
def write_skp(db: Path, seat: int, rhk_text: str) -> int:
    """The seat's pegawai drafts an SKP with one RHK (through the workflow service)."""
    with open_store(db) as store:
        world = world_of(store, current_attempt(store, 1, seat)["id"])
        nip = world.nip("pegawai")
        parent = store.conn.execute("SELECT id FROM rhk WHERE skp_id = ? ORDER BY id",
                                    [world.skp("kasi")["id"]]).fetchone()[0]
        skp_id = buat_skp(store, nip, 2026)
        rhk = tambah_rhk(store, nip, skp_id, rhk_text, induk_rhk_id=parent)
        tambah_indikator(store, nip, rhk, "Jumlah dokumen kajian", aspek="kuantitas", target_nilai=12,
                         target_satuan="dokumen")
        return skp_id


async def test_in_the_app_seat_a_cannot_become_or_read_seat_b(tmp_path):
    from sandbox.tui.screens.kursi import SeatScreen

    db = tmp_path / "kelas.db"
    make_class(db, 2, round_for=[1, 2])
    write_skp(db, 1, "Tersusunnya kajian MILIKKURSISATU tepat waktu")
    skp_b = write_skp(db, 2, f"Tersusunnya kajian {SECRET_B} tepat waktu")
    app = SandboxApp("id", str(db), start="kursi", seat=1)
    async with app.run_test(size=(140, 45)) as pilot:
        await pilot.pause()
        store, session = app.session.store, app.session
        mine = world_of(store, current_attempt(store, 1, 1)["id"]).cast
        theirs = world_of(store, current_attempt(store, 1, 2)["id"]).cast
        assert session.allowed == {mine.nip("pegawai")}
        seat_screen = app.screen
        assert isinstance(seat_screen, SeatScreen)
        assert seat_screen.choose(theirs.nip("pegawai")) is None  # not offered, not taken
        for somebody in (theirs.nip("pegawai"), theirs.nip("kasi"), TRAINER, "199001012020011001"):
            with pytest.raises(access.AccessRefused):
                session.actor = somebody  # whatever screen or key would try it
        assert session.actor is None
        assert not seat_screen.query_one("#kode-gabung", Input).display  # no other seat to go to
        app.screen.query_one("#peran", DataTable).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert session.actor == mine.nip("pegawai")
        await pilot.press("f2")
        await pilot.pause()
        await pilot.pause()
        shown = app.export_screenshot()
        assert "MILIKKURSISATU" in shown and SECRET_B not in shown
        await pilot.press("ctrl+b")  # the language switch rebuilds the screens: still seat 1's
        await pilot.pause()
        assert session.actor == mine.nip("pegawai") and session.allowed == {mine.nip("pegawai")}
        assert SECRET_B not in app.export_screenshot()
        # the command palette offers menus, languages and themes; no console, no other seat
        from sandbox.tui.commands import SandboxCommands

        labels = [label for label, _, _ in SandboxCommands(app.screen, None)._entries()]
        assert labels and not any("Konsol" in label or "kursi" in label.lower() for label in labels)
    # the service level: what a seat may read
    with open_store(db) as store:
        with pytest.raises(access.AccessRefused) as refused:
            access.read_skp(store, 1, 1, skp_b)
        assert "kursi 1" in str(refused.value)
        assert SECRET_B in access.read_skp(store, 1, 2, skp_b)["rhk"][0]["teks"]
        with pytest.raises(access.AccessRefused):
            access.check_read(store, 1, 1, "199001012020011001")  # the demo office is no seat's


async def test_the_trainers_console_needs_the_pin_and_throttles_guesses(tmp_path):
    from sandbox.tui.screens.kelas import ClassConsoleScreen, PinScreen

    db = tmp_path / "kelas.db"
    code = make_class(db, 2, pin="2468")
    clock = [1000.0]
    app = SandboxApp("id", str(db), start="kelas")
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        app.pin_throttle = access.Throttle(clock=lambda: clock[0])
        assert isinstance(app.screen, PinScreen)
        assert app.session.actor is None  # not the trainer yet
        assert not any(isinstance(s, ClassConsoleScreen) for s in app.screen_stack)
        assert code not in app.export_screenshot()  # the join code is the console's, not shown here
        field = app.screen.query_one("#pin-pelatih", Input)
        assert field.password

        async def typed(pin: str) -> str:
            field.focus()
            field.value = pin
            await pilot.press("enter")
            await pilot.pause()
            if not isinstance(app.screen, PinScreen):
                return ""
            return str(app.screen.query_one("#pin-pesan").render())

        assert "PIN pelatih salah" in await typed("1111")
        await pilot.press("ctrl+b")  # rebuilding the screens in English keeps the door shut
        await pilot.pause()
        assert isinstance(app.screen, PinScreen)
        field = app.screen.query_one("#pin-pelatih", Input)
        said = [await typed("1111") for _ in range(access.MAX_FAILURES - 1)]
        assert "wait 60 seconds" in said[-1]
        assert "wait" in await typed("2468")  # the right PIN, but too soon
        assert isinstance(app.screen, PinScreen)
        clock[0] += access.WINDOW_SECONDS + 1
        await typed("2468")
        assert isinstance(app.screen, ClassConsoleScreen)
        assert app.session.actor == TRAINER
        board = app.screen.query_one("#papan", DataTable)
        assert board.row_count == 2
        assert code in app.export_screenshot()  # now the console shows the join code
        # a seat taken, then released from the console (F9 on its row)
        access.join(app.session.store, 1, code)
        app.screen.refresh_board()
        await pilot.pause()
        assert str(board.get_row_at(0)[-1]) == "✓"
        board.focus()
        board.move_cursor(row=0)
        await pilot.press("f9")  # asks first: Enter on the focused Batal keeps the seat
        await pilot.pause()
        assert "seat 1" in str(app.screen.query_one("#konfirmasi-tanya").render()).lower()
        await pilot.press("enter")
        await pilot.pause()
        assert access.claimed_seats(app.session.store, 1) == {1}
        assert "not released" in str(app.screen.query_one("#kelas-pesan").render())
        await pilot.press("f9")
        await pilot.pause()
        await pilot.click("#ya")
        await pilot.pause()
        assert access.claimed_seats(app.session.store, 1) == set()
        assert "seat 1 released" in str(app.screen.query_one("#kelas-pesan").render())


def test_the_class_commands_set_a_pin_and_release_seats(tmp_path, capsys):
    from sandbox.cli import main

    db = tmp_path / "kelas.db"
    assert main(["class", "create", "--db", str(db), "--kursi", "2"]) == 0
    out = capsys.readouterr().out
    pin = out.split("PIN pelatih: ")[1].split()[0]
    with open_store(db) as store:
        assert access.has_pin(store, 1) and access.check_pin(store, 1, pin)
        assert pin not in json.dumps(store.conn.execute("SELECT * FROM kelas").fetchall())  # a hash only
        assert not access.check_pin(store, 1, "000000" if pin != "000000" else "111111")
        entry = access.join(store, 1, class_info(store).kode_gabung)
    assert main(["class", "pin", "--db", str(db), "--pin", "9753"]) == 0
    assert "PIN pelatih diganti" in capsys.readouterr().out
    assert main(["class", "pin", "--db", str(db), "--pin", "12"]) == 1
    assert "PIN terlalu pendek" in capsys.readouterr().err
    assert main(["class", "lepas", "--db", str(db), "--semua"]) == 0
    assert "kursi dilepas: 1" in capsys.readouterr().out
    with open_store(db) as store:
        assert access.check_pin(store, 1, "9753")
        assert access.seat_of_token(store, 1, entry.token) is None
    assert main(["class", "create", "--db", str(tmp_path / "lain.db"), "--kursi", "2", "--pin", "12"]) == 1


async def test_a_terminal_seat_enters_with_the_join_code(tmp_path):
    db = tmp_path / "kelas.db"
    code = make_class(db, 3, round_for=[1, 2, 3])
    wrong = "000000" if code != "000000" else "111111"
    first = SandboxApp("id", str(db), start="kursi")
    async with first.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        field = first.screen.query_one("#kode-gabung", Input)
        assert field.display and first.session.seat is None
        with pytest.raises(access.AccessRefused):
            first.session.actor = world_of(first.session.store, 1).nip("pegawai")  # nobody before a seat
        field.value = wrong
        await pilot.press("enter")
        await pilot.pause()
        assert "kode gabung salah" in str(first.screen.query_one("#kursi-skenario").source)
        assert first.session.seat is None
        field.value = code
        await pilot.press("enter")
        await pilot.pause()
        assert first.session.seat == 1 and not field.display
        assert first.screen.query_one("#peran", DataTable).row_count == 1
        with open_store(db) as store:
            holder = json.loads(store.conn.execute("SELECT pemegang FROM kursi WHERE no = 1").fetchone()[0])
            assert holder[2] == os.getpid()
            # seat 2 was held by a terminal of this user that has since closed (a dropped SSH link)
            gone = subprocess.Popen([sys.executable, "-c", "pass"])
            gone.wait()
            dead = access.holder_id().replace(str(os.getpid()), str(gone.pid))
            store.conn.execute("UPDATE kursi SET token_hash = 'x', pemegang = ? WHERE no = 2", [dead])
    second = SandboxApp("id", str(db), start="kursi")
    async with second.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        second.screen.query_one("#kode-gabung", Input).value = code
        await pilot.press("enter")
        await pilot.pause()
        assert second.session.seat == 2  # their own seat back; seat 1's terminal is still open


async def test_a_released_seats_app_closes(tmp_path):
    db = tmp_path / "kelas.db"
    code = make_class(db, 2, round_for=[1])
    with open_store(db) as store:
        entry = access.join(store, 1, code)
    app = SandboxApp("id", str(db), start="kursi", seat=entry.seat, token=entry.token)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app._check_seat_held()
        assert app.is_running and app.return_code is None
        access.release(app.session.store, 1, [1])
        app._check_seat_held()
        await pilot.pause()
    assert app.return_code == 3
    assert "melepas kursi ini" in str(app.return_value)


# -- a tab that resumes ------------------------------------------------------------------------------
async def test_a_reopened_seat_lands_where_it_was_with_every_confirmed_entry(tmp_path):
    from sandbox.tui.screens.kursi import SeatScreen
    from sandbox.tui.screens.skp import SkpScreen

    db = tmp_path / "kelas.db"
    make_class(db, 2, round_for=[1, 2])
    first = SandboxApp("id", str(db), start="kursi", seat=1)
    async with first.run_test(size=(140, 45)) as pilot:
        await pilot.pause()
        first.screen.query_one("#peran", DataTable).focus()
        await pilot.press("enter")
        await pilot.pause()
        nip = first.session.actor
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(first.screen, SkpScreen)
        skp_id = buat_skp(first.session.store, nip, 2026)  # confirmed: in the database
        rhk_field = first.screen.query_one("#rhk-teks", Input)
        rhk_field.value = "Tersusunnya laporan SEBELUMTABDITUTUP"  # typed, not yet saved (a draft)
        await pilot.pause(0.3)
    # the tab closed (the process ended); a new one for the same seat
    again = SandboxApp("id", str(db), start="kursi", seat=1)
    async with again.run_test(size=(140, 45)) as pilot:
        for _ in range(20):
            await pilot.pause(0.1)
            if isinstance(again.screen, SkpScreen):
                break
        assert isinstance(again.screen, SkpScreen)
        assert again.session.actor == nip
        assert again.screen.skp["id"] == skp_id
        assert again.screen.query_one("#rhk-teks", Input).value == "Tersusunnya laporan SEBELUMTABDITUTUP"
        await pilot.press("escape", "escape")  # back to the Beranda, then to the seat's roles
        await pilot.pause()
        assert isinstance(again.screen, SeatScreen)
    with open_store(db) as store:
        place = access.place_of(store, 1, 1)
        assert place["peran"] is None and place["layar"] == "SeatScreen"
    third = SandboxApp("id", str(db), start="kursi", seat=1)  # and that is where the next one opens
    async with third.run_test(size=(140, 45)) as pilot:
        await pilot.pause(0.3)
        assert isinstance(third.screen, SeatScreen) and third.session.actor is None


def test_a_closed_browser_tab_resumes_its_persona_over_serve(tmp_path):
    """On a real `ekinerja serve`: the tab reopened shows the persona it had chosen, nothing typed.
    `resumed` raises unless the Beranda of that persona comes back; how long it takes is
    bench/tab_resume.py's figure, never asserted here."""
    _, name, drawn = resumed(tmp_path / "kelas.db")
    assert BERANDA in drawn and name.encode() in drawn  # that persona's Beranda, drawn by the new tab


def test_the_throttle_counts_failures_within_the_window():
    now = [0.0]
    throttle = access.Throttle(limit=3, window=60, clock=lambda: now[0])
    assert [throttle.fail("a") for _ in range(3)] == [0, 0, 60]
    assert throttle.wait("b") == 0  # per key
    now[0] = 30
    assert throttle.wait("a") == 30
    now[0] = 60.5
    assert throttle.wait("a") == 0  # the first failure has aged out
    throttle.fail("a")
    throttle.clear("a")
    assert throttle.wait("a") == 0


def test_only_a_hash_of_the_token_and_pin_is_stored(tmp_path):
    db = tmp_path / "kelas.db"
    code = make_class(db, 1, pin="135790")
    with open_store(db) as store:
        entry = access.join(store, 1, code)
        dump = json.dumps([store.conn.execute("SELECT * FROM kursi").fetchall(),
                           store.conn.execute("SELECT * FROM kelas").fetchall(),
                           store.conn.execute("SELECT payload FROM audit_log").fetchall()])
    assert entry.token not in dump and "135790" not in dump
    assert access.REGULATOR_KEY == __import__("sandbox.tui.session", fromlist=["REGULATOR"]).REGULATOR


async def test_a_seat_that_joined_before_the_round_opens_by_itself_when_it_starts(tmp_path):
    db = tmp_path / "kelas.db"
    make_class(db, 2)
    app = SandboxApp("id", str(db), start="kursi", seat=2)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = str(app.screen.query_one("#kursi-skenario").source)
        assert "belum punya skenario berjalan" in text and "Menunggu pelatih" in text
        assert not app.screen.query_one("#kode-gabung", Input).display  # never a way to another seat
        with open_store(db) as trainer:
            start_round(trainer, 1, load_scenario("T01"))
        for _ in range(40):
            await pilot.pause(0.1)
            if app.screen.query_one("#peran", DataTable).row_count:
                break
        assert app.screen.query_one("#peran", DataTable).row_count == 1
        assert "T01" in str(app.screen.query_one("#kursi-skenario").source)
