"""The classroom in the app and in the browser: a seat sees only its scenario's people, takes a hint,
opens the status panel, meets a refusal (all counted on the board); the trainer's console starts a
round and shows the board; `ekinerja serve` on 127.0.0.1 serves the page and a browser session
reaches a seat once it has the join code. Real parts: a class SQLite file, the Textual app under
Pilot, a real server process."""

from __future__ import annotations

import asyncio
import json
import socket
import subprocess
import sys
import time

import aiohttp
import pytest
from textual.widgets import DataTable, Select

from sandbox.store import open_store
from sandbox.training.attempt import progress, world_of
from sandbox.training.classroom import board, create_class, current_attempt, name_seat, start_round
from sandbox.training.scenario import load_scenario
from sandbox.tui.app import SandboxApp


@pytest.fixture
def kelas(tmp_path):
    path = tmp_path / "kelas.db"
    with open_store(path) as store:
        info = create_class(store, "Uji", 2)
        start_round(store, info.id, load_scenario("T01"))
    return path


async def test_a_seat_sees_its_own_people_takes_a_hint_and_opens_the_status_panel(kelas):
    app = SandboxApp("id", str(kelas), start="kursi", seat=1)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#peran", DataTable)
        store = app.session.store
        attempt = current_attempt(store, 1, 1)
        cast = world_of(store, attempt["id"]).cast
        other = world_of(store, current_attempt(store, 1, 2)["id"]).cast
        keys = [str(k.value) for k in table.rows]
        assert keys == [cast.nip("pegawai")]  # T01 lets the seat play the pegawai only
        assert other.nip("pegawai") not in keys  # never another seat's people
        table.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.actor == cast.nip("pegawai")
        await pilot.press("f12")  # the training panel
        await pilot.pause()
        await pilot.press("f6")  # a hint
        await pilot.pause()
        text = str(app.screen.query_one("#latihan-teks").source)
        assert "menu SKP Saya (F2)" in text
        await pilot.press("escape")
        await pilot.press("f10")  # the service status panel
        await pilot.pause()
        assert "Semua layanan berjalan normal" in str(app.screen.query_one("#status-teks").source)
        await pilot.press("escape")
        # a refusal met in the app is counted as a validation error of this seat
        from sandbox.workflow import WorkflowRefused, ajukan, buat_skp

        skp_id = buat_skp(store, cast.nip("pegawai"), 2026)
        with pytest.raises(WorkflowRefused):
            ajukan(store, cast.nip("pegawai"), skp_id)  # an empty SKP cannot be submitted
        state = progress(store, attempt["id"], load_scenario("T01"))
        assert (state.hints, state.help_opened, state.errors) == (1, 1, 1)
        assert state.outcome == "belum_selesai"
        row = board(store, 1)[0]
        assert (row.petunjuk, row.bantuan, row.galat) == (1, 1, 1)
        assert board(store, 1)[1].petunjuk == 0  # seat 2 untouched


async def test_the_trainers_console_starts_a_round_and_shows_every_seat(kelas):
    app = SandboxApp("id", str(kelas), start="kelas")
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#papan", DataTable)
        assert table.row_count == 2
        app.screen.query_one("#pilih-skenario", Select).value = "T03"
        await pilot.click("#mulai")
        await app.workers.wait_for_complete()
        await pilot.pause()
        store = app.session.store
        assert [current_attempt(store, 1, s)["skenario_id"] for s in (1, 2)] == ["T03", "T03"]
        assert store.virtual_now().startswith("2026-04-08")
        # the T01 round was closed with its outcome before T03 started
        closed = store.conn.execute("SELECT count(*) FROM percobaan WHERE skenario_id = 'T01'"
                                    " AND hasil = 'belum_selesai'").fetchone()[0]
        assert closed == 2
        assert "T03" in str(table.get_row_at(0)[2])


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def _browser_session(port: int, code: str) -> tuple[int, bytes, bytes]:
    """What a browser does: open the page (refused without the join code), type the code (a cookie
    now holds a seat), load the app page and open its websocket; the seat's screen streams back."""
    jar = aiohttp.CookieJar(unsafe=True)  # cookies from an IP address, as browsers keep them
    base = f"http://127.0.0.1:{port}"
    async with aiohttp.ClientSession(cookie_jar=jar) as client:
        async with client.get(f"{base}/") as door:
            assert door.status == 403 and "Kode gabung" in await door.text()
        async with client.get(f"{base}/?kode={code}") as page:  # 303 → the app page, cookie kept
            status, text = page.status, await page.text()
        seen = b""
        async with client.ws_connect(f"{base}/ws") as ws:
            await ws.send_str(json.dumps(["resize", {"width": 100, "height": 30}]))
            deadline = time.monotonic() + 45
            wanted = (b"Kelas latihan e-Kinerja", b"Kursi 1", b"T01")
            while time.monotonic() < deadline and not all(w in seen for w in wanted):
                try:
                    msg = await ws.receive(timeout=2)
                except TimeoutError:
                    continue
                if msg.type not in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT):
                    break
                seen += msg.data if isinstance(msg.data, bytes) else msg.data.encode()
    return status, text.encode(), seen


def test_serve_gives_the_page_and_a_browser_session_reaches_a_seat(kelas):
    """The real `ekinerja serve`: the door asks for the join code, then the browser's session is
    seated (seat 1, the first free one) without typing a seat number, and shows its scenario."""
    with open_store(kelas) as store:
        code = store.conn.execute("SELECT kode_gabung FROM kelas").fetchone()[0]
    port = _free_port()
    command = [sys.executable, "-m", "sandbox", "serve", "--db", str(kelas), "--host", "127.0.0.1",
               "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(150):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise AssertionError("the server did not answer")
        status, page, seen = asyncio.run(_browser_session(port, code))
        assert status == 200
        # the websocket goes to the host the browser used (so the seat cookie goes along with it)
        assert b'window.location.host + "/ws"' in page
        assert b"Kelas latihan e-Kinerja" in seen  # the seat screen, in Indonesian
        assert b"Kursi 1" in seen and b"T01" in seen  # seated by the server, its scenario shown
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    assert server.returncode is not None


def test_serve_refuses_a_file_without_a_class(tmp_path, capsys):
    from sandbox.cli import main

    missing = tmp_path / "tidak-ada.db"
    assert main(["serve", "--db", str(missing), "--port", str(_free_port())]) == 1
    assert "belum berisi kelas" in capsys.readouterr().err
    assert not missing.exists()


async def test_the_atasan_pp_decides_an_objection_in_the_app_and_t17_passes(tmp_path):
    from textual.widgets import Input

    from sandbox.workflow import ajukan_keberatan

    path = tmp_path / "kelas.db"
    with open_store(path) as store:
        info = create_class(store, "Uji", 1)
        scenario = load_scenario("T17")
        (attempt_id,) = start_round(store, info.id, scenario)
        world = world_of(store, attempt_id)
        period = world.period("pegawai", 1)
        ajukan_keberatan(store, world.nip("pegawai"), period["id"],
                         "Realisasi semua indikator mencapai target dan bukti dukungnya dapat dibuka.")
        kabid = world.nip("kabid")
    app = SandboxApp("id", str(path), start="kursi", seat=1)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#peran", DataTable)
        assert [str(k.value) for k in table.rows][1] == kabid  # T17: pegawai, then the kabid
        table.focus()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.session.actor == kabid
        await pilot.press("k")  # only offered while an objection waits for this person
        await pilot.pause()
        screen = app.screen
        assert screen.query_one("#daftar-keberatan", DataTable).row_count == 1
        screen.query_one("#keputusan", Select).value = "terima"
        screen.query_one("#kbr-hk", Select).value = "sesuai"
        screen.query_one("#kbr-pk", Select).value = "sesuai"
        screen.query_one("#kbr-catatan", Input).value = (
            "Setelah mendengar pegawai dan Kepala Seksi serta memeriksa bukti dukung, target tercapai.")
        await pilot.click("#putuskan")
        await pilot.pause()
        await pilot.click("#ya")  # the decision is final: asked first
        await pilot.pause()
        assert "Baik" in str(screen.query_one("#kbr-hasil").render())  # the predikat in words
        store = app.session.store
        state = progress(store, attempt_id, scenario)
        assert state.outcome == "mandiri", [(t.task_id, t.first_failure()) for t in state.tasks]
        assert store.conn.execute("SELECT decision FROM keberatan").fetchone()[0] == "DITERIMA"


async def test_t04_the_employee_opens_an_assisted_session_in_the_app(tmp_path):
    from sandbox.workflow import ajukan, buat_skp, isi_lampiran, tambah_indikator, tambah_rhk

    path = tmp_path / "kelas.db"
    with open_store(path) as store:
        info = create_class(store, "Uji", 1)
        scenario = load_scenario("T04")
        (attempt_id,) = start_round(store, info.id, scenario)
        world = world_of(store, attempt_id)
    app = SandboxApp("id", str(path), start="kursi", seat=1)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#peran", DataTable)
        assert [str(k.value) for k in table.rows] == [world.nip("operator"), world.nip("pegawai")]
        table.focus()
        await pilot.press("down", "enter")  # the employee, at the keyboard herself
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        app.screen.query_one("#pendamping", Select).value = world.nip("operator")
        await pilot.click("#mulai-dampingi")
        await pilot.pause()
        assert "Didampingi" in str(app.screen.query_one("#dampingi-status").render())
        store, nip = app.session.store, world.nip("pegawai")
        skp_id = buat_skp(store, nip, 2026)
        parent = store.conn.execute("SELECT rhk.id FROM rhk JOIN skp ON skp.id = rhk.skp_id WHERE skp.nip = ?"
                                    " AND skp.status = 'DISETUJUI'", [world.nip("kasi")]).fetchone()[0]
        rhk = tambah_rhk(store, nip, skp_id, "Terlayaninya permohonan izin tepat waktu", induk_rhk_id=parent)
        tambah_indikator(store, nip, rhk, "Jumlah permohonan izin yang diselesaikan", aspek="kuantitas",
                         target_nilai=120, target_satuan="permohonan")
        isi_lampiran(store, nip, skp_id, dukungan_sd="Komputer unit", skema_pj="Laporan bulanan",
                     konsekuensi="Dasar TPP")
        ajukan(store, nip, skp_id)
        state = progress(store, attempt_id, scenario)
        assert state.outcome == "mandiri", [(t.task_id, t.first_failure()) for t in state.tasks]


async def test_t20_the_regulator_seat_saves_and_runs_in_its_own_folder(tmp_path, monkeypatch):
    from textual.widgets import Static

    from sandbox.training.classroom import workdir_for

    monkeypatch.chdir(tmp_path)
    path = tmp_path / "kelas.db"
    with open_store(path) as store:
        info = create_class(store, "Uji", 1)
        scenario = load_scenario("T20")
        (attempt_id,) = start_round(store, info.id, scenario, workdir=workdir_for(path))
    app = SandboxApp("id", str(path), start="kursi", seat=1)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen.query_one("#peran", DataTable).focus()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "WorkbenchScreen"
        screen.query_one("#wb-parameter", Select).value = "kurva_baik_maks_baik"
        await pilot.pause()
        screen.query_one("#wb-nilai").value = "0,6"
        screen.query_one("#wb-nama").value = "kuota-baik-60-kursi"
        await pilot.press("f6")
        await pilot.pause()
        seat_folder = workdir_for(path) / "kursi-01"
        saved = seat_folder / "kuota-baik-60-kursi.yaml"
        assert saved.is_file(), screen.query_one("#wb-pesan", Static).content
        assert not (tmp_path / "rules").exists()  # nothing written into shared rules
        screen.query_one("#wb-pegawai").value = "300"
        await pilot.press("f5")
        for _ in range(300):
            await pilot.pause(0.1)
            if not screen.running:
                break
        assert list(seat_folder.glob("**/hasil.sqlite")), screen.query_one("#wb-pesan", Static).content
        state = progress(app.session.store, attempt_id, scenario)
        assert state.outcome == "mandiri", [(t.task_id, t.first_failure()) for t in state.tasks]


async def test_switching_language_keeps_a_seat_inside_its_own_cast(kelas):
    """Ctrl+B rebuilds the screens; in a classroom it must rebuild the seat (or the console), never
    the office's persona list with the trainer in it (found by review)."""
    from sandbox.tui.screens.beranda import BerandaScreen
    from sandbox.tui.screens.kelas import ClassConsoleScreen
    from sandbox.tui.screens.kursi import SeatScreen
    from sandbox.tui.screens.persona import PersonaScreen

    app = SandboxApp("id", str(kelas), start="kursi", seat=1)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen.query_one("#peran", DataTable).focus()
        await pilot.press("enter")
        await pilot.pause()
        actor = app.session.actor
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert isinstance(app.screen, BerandaScreen) and app.session.actor == actor
        assert not any(isinstance(s, PersonaScreen) for s in app.screen_stack)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SeatScreen)
        assert app.screen.query_one("#peran", DataTable).row_count == 1
    console = SandboxApp("id", str(kelas), start="kelas")
    async with console.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert isinstance(console.screen, ClassConsoleScreen)
        assert not any(isinstance(s, PersonaScreen) for s in console.screen_stack)


async def test_a_trainee_names_their_seat_and_the_board_shows_it(kelas, capsys):
    from textual.widgets import Input

    from sandbox.cli import main
    from sandbox.tui.screens.kursi import SeatScreen

    app = SandboxApp("id", str(kelas), start="kursi", seat=1)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        field = app.screen.query_one("#nama-peserta", Input)
        assert field.display and app.focused is field  # typed where the prompt asks, no click first
        await pilot.press(*"Siti Aminah", "enter")
        await pilot.pause()
        assert board(app.session.store, 1)[0].peserta == "Siti Aminah"
        assert app.focused is app.screen.query_one("#peran", DataTable)  # on to the roles
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.actor is not None
    again = SandboxApp("id", str(kelas), start="kursi", seat=1)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        seat = next(s for s in again.screen_stack if isinstance(s, SeatScreen))  # under the resumed one
        assert seat.query_one("#nama-peserta", Input).value == "Siti Aminah"
        assert seat.focused is seat.query_one("#peran", DataTable)  # named: starts on the roles
    unnamed = SandboxApp("id", str(kelas), start="kursi", seat=2)
    async with unnamed.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        with open_store(kelas) as trainer:  # the trainer names the seat after its screen opened
            name_seat(trainer, 1, 2, "Rudi")
        await pilot.press("enter", "enter")  # no name typed: Enter goes on to the roles, Enter picks one
        await pilot.pause()
        assert unnamed.session.actor is not None
        assert board(unnamed.session.store, 1)[1].peserta == "Rudi"  # Enter past the field kept it
    assert main(["class", "peserta", "--db", str(kelas), "2", "  Budi   Santoso "]) == 0  # renamed
    assert main(["class", "peserta", "--db", str(kelas), "9", "Tak Ada"]) == 1
    assert "kursi 9 tidak ada" in capsys.readouterr().err
    with open_store(kelas) as store:
        assert [r.peserta for r in board(store, 1)] == ["Siti Aminah", "Budi Santoso"]
